"""The open-coding queue: segments that fit no code, grouped into candidate new codes.

Novel segments (see :mod:`roqa_nlp.novelty`) are clustered by agglomerative clustering
(SciPy's ``linkage``: average linkage on cosine distance, clusters joined while their distance is
below ``distance_threshold``), so the number of candidate codes follows the data. A candidate code
needs at least two segments: a segment close enough to no other is listed apart as *not grouped*
(:attr:`OpenCodingQueue.ungrouped`), with no keywords, since the words of one segment say nothing
about a theme.

The threshold depends on the segment unit (:data:`DISTANCE_THRESHOLDS`, read from the coding
result's ``meta["params"]["unit"]``): 0.6 for whole turns and windows, 0.7 for sentences, whose
embeddings lie further apart. Each is the largest at which groups of held-out interview segments
of known constructs stay at least 60 % pure, measured by pretending each construct missing from
the codebook (``benchmarks/open_coding_threshold.py``, ``benchmarks/results/
open_coding_threshold.md``): at larger thresholds fewer segments are left alone, but most groups
mix constructs, so fewer singletons would not mean better candidates.

Each candidate gets keywords (:func:`group_keywords`): the words and word pairs of its segments
(lower case, words of two or more word characters as scikit-learn's ``CountVectorizer`` finds
them, English stop words (``data/stop_words_en.txt``) and the fillers and contraction remnants of
transcribed speech (``data/stop_words_spoken.txt``: "yeah", "actually", "ve" of "I've") left
out; a pair is two words side by side in the text, see :func:`terms`) that more of its segments
use than a random draw from the study's participant talk (all the result's segments) would
(Fisher's exact test), counted without importing scikit-learn, whose import alone took longer
than the whole queue; a group sharing no word gets a word of each segment. Each candidate also
gets its most representative segments (closest to the cluster's centroid) and the
transcripts/participants it appears in, in natural order (P2 before P10,
:func:`roqa_nlp.transcripts.natural_key`). Procedural
talk (greetings, consent, Zoom chatter) is never offered as a theme, nor is novel talk that reads
as small talk or the speaker's background (``off_topic``: the weather, a career story), which the
report lists apart so a researcher can still check it: first the groups of it that recur across
interviews (:func:`recurring_set_aside`, saved in the queue's files marked ``set_aside``), since
the off-framework class also takes personal talk that may be a theme, then the rest.

The result is deterministic: clustering has no randomness, ties are broken by segment order,
and keyword ties by taking the group's segments in turn, then by how often, then how early, the
group says a term.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .io import atomic_write_text, packaged_words, write_spreadsheet_csv
from .transcripts import natural_key

if TYPE_CHECKING:
    import numpy as np

    from .embedding import Embedder
    from .result import CodingResult
    from .schema import SegmentResult

#: What the talk set aside as fitting no code (``off_topic``) is called wherever a researcher
#: reads it counted or flagged (the summary of ``roqa code``, the report, ``roqa suggest``): the
#: off-framework class also takes personal talk (a diagnosis, a bereavement, burnout), which a
#: count headed "small talk, background" hid (tester s59: 7 of 10 such segments were themes).
SET_ASIDE = "set aside as off-topic (small talk, background, personal talk)"
#: :data:`SET_ASIDE` without what it holds, where a count says it beside another (the review's
#: "5 procedural set aside and 3 set aside as off-topic").
OFF_TOPIC = SET_ASIDE.split(" (")[0]


def own_code_verdict(
    code_id: str, name: str, probability: float, unit: str, *, off_topic: bool = False
) -> tuple[str, str] | None:
    """How a segment flagged as fitting no code is explained when the model's top suggestion
    ``code_id`` is one of the researcher's own codes (a project code a model retrained with
    ``roqa train --feedback`` learned): what it fits none of, and the nearest of their own codes
    with its probability, to check (blind tester s65, open, 2: "fits no code ... for open
    coding" under project.peer-staff-wellbeing 0.31, talk already under the code they made),
    else it is for open coding, as the report counts, lists and colours it (hunt s65 h_open D1),
    or, for talk set aside as off-topic (``off_topic``), else it is set aside, as it stays: the
    researcher's own codes are often the personal-life themes that class takes (tester s66
    longitud, 1: a caring turn under its own code at 0.44 read only as small talk), when the
    code is sure (at or above :data:`~roqa_nlp.framework.SURE_CODE`, 0.40). ``unit``: what a row
    of Table 2 charted in the codebook is called
    (:func:`~roqa_nlp.framework.row_unit`), ``construct`` for a CFIR codebook whatever its id.
    The caller puts its novelty p-value between the two parts; the flag itself is unchanged.
    None when the top suggestion is a code of the framework: the talk is for open coding."""
    from .decisions import PROJECT_PREFIX
    from .framework import SURE_CODE, shown_beside

    if not code_id.startswith(PROJECT_PREFIX):
        return None
    if off_topic and probability < SURE_CODE:
        # set aside as off-topic, a code under 0.40 is no nearer than any (hunt s66 h_trainfb:
        # a new puppy under the researcher's caring code at 0.020, "check whether it applies")
        return None
    what = "CFIR construct" if unit == "construct" else "code of the framework"
    shown = shown_beside(probability, decimals=3)  # 0.3996 is no 0.400, at the 0.40 above
    nearest = f"nearest of your own codes: {name} (probability {shown})"
    otherwise = f"is {SET_ASIDE}" if off_topic else "is for open coding"
    return f"fits no {what}", f"{nearest}: check whether it applies, else it {otherwise}"


@dataclass
class CandidateCode:
    """A group of novel segments that may deserve a new code."""

    id: str
    label: str
    keywords: list[str]
    segment_ids: list[str]
    representative: list[dict[str, Any]]  # {"segment_id", "transcript", "participant", "text"}
    transcripts: list[str]
    participants: list[str]
    size: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    #: False for a segment close enough to no other: listed as not grouped, not a candidate
    grouped: bool = True
    #: True for a group of talk set aside as small talk or background that recurs across
    #: interviews (:func:`recurring_set_aside`): listed to be read, not a candidate
    set_aside: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


#: The label of a segment that is not grouped (it has no keywords either).
NOT_GROUPED = "not grouped"


class OpenCodingQueue(list[CandidateCode]):
    """The candidate codes (groups of two or more segments, largest first), with the segments
    close enough to no other in :attr:`ungrouped` (in segment order) and, in :attr:`set_aside`,
    the groups of talk set aside as small talk or background that recur across interviews
    (:func:`recurring_set_aside`; empty unless given). Its length is the number of candidate
    codes. :attr:`distance_threshold` and :attr:`min_group_size` are the grouping rule it was
    made with (None: not recorded), which the report names beside the segments not grouped."""

    def __init__(
        self,
        candidates: Iterable[CandidateCode] = (),
        ungrouped: Iterable[CandidateCode] = (),
        set_aside: Iterable[CandidateCode] = (),
        *,
        distance_threshold: float | None = None,
        min_group_size: int | None = None,
    ):
        super().__init__(candidates)
        self.ungrouped: list[CandidateCode] = list(ungrouped)
        self.set_aside: list[CandidateCode] = list(set_aside)
        self.distance_threshold = distance_threshold
        self.min_group_size = min_group_size

    def __repr__(self) -> str:
        # list's repr showed the candidates alone ([] when none), hiding the other two lists.
        n = len(self)
        return (
            f"OpenCodingQueue({n} candidate{'' if n == 1 else 's'}, "
            f"{len(self.ungrouped)} not grouped, {len(self.set_aside)} set aside)"
        )

    def everything(self) -> list[CandidateCode]:
        """The candidate codes, then the segments not grouped, then the recurring set-aside
        groups."""
        return [*self, *self.ungrouped, *self.set_aside]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OpenCodingQueue):
            return (
                list(self) == list(other)
                and self.ungrouped == other.ungrouped
                and self.set_aside == other.set_aside
            )
        return list.__eq__(self, other)

    def __ne__(self, other: object) -> bool:  # list's own would compare the candidates alone
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None  # type: ignore[assignment]


#: The fewest segments of a candidate code: fewer are listed as not grouped.
MIN_GROUP_SIZE = 2

#: The key of ``run.json`` where ``roqa code`` records a grouping rule given on its command
#: line (``--group-distance``, ``--min-group-size``), for ``roqa report`` to name it.
RULE_KEY = "open_coding"

#: The clustering threshold per segment unit (``benchmarks/results/open_coding_threshold.md``).
DISTANCE_THRESHOLDS: dict[str, float] = {"window": 0.6, "turn": 0.6, "sentence": 0.7}
#: ... and for a result that names no unit (or one not measured)
DEFAULT_DISTANCE_THRESHOLD = 0.6


def distance_threshold_for(result: CodingResult) -> float:
    """The clustering threshold for the segment unit ``result`` was coded with."""
    params = result.meta.get("params") if isinstance(result.meta, dict) else None
    unit = params.get("unit") if isinstance(params, dict) else None
    return DISTANCE_THRESHOLDS.get(str(unit), DEFAULT_DISTANCE_THRESHOLD)


#: Words as scikit-learn's ``CountVectorizer`` finds them: two or more word characters.
_WORD = re.compile(r"(?u)\b\w\w+\b")

#: Words in square brackets: a pseudonym's or an identifier's placeholder ("[P03 name]",
#: "[city]", "[date]") or a transcriber's note ("[laughs]"), no theme word of the speaker's
#: (tester daily16 s85, D3: "p03" was a candidate's keyword)
_SQUARE_BRACKETED = re.compile(r"\[[^\[\]\n]*\]")


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """The stop words of ``data/stop_words_en.txt`` and ``data/stop_words_spoken.txt`` (lines
    starting with ``#`` are comments)."""
    return packaged_words("stop_words_en.txt") | packaged_words("stop_words_spoken.txt")


def terms(doc: str) -> list[str]:
    """The words of ``doc`` (lower case, stop words left out) followed by its word pairs: two
    words that follow each other in the text, with nothing but blanks or one hyphen between
    them ("wi fi" of "Wi-Fi", "high support" of "high-support"). Unlike
    ``CountVectorizer(stop_words=..., ngram_range=(1, 2))``, which pairs words across the stop
    words it has left out, a pair never bridges a stop word or punctuation ("honest till" out of
    "to be honest, the till" is no phrase of the speaker's)."""
    ordered = terms_in_order(doc)
    return [t for t in ordered if " " not in t] + [t for t in ordered if " " in t]


def terms_in_order(doc: str) -> list[str]:
    """The terms of :func:`terms` in the order the text says them, the pair a word starts (if
    any) before the word: of two terms said first at the same place, the longer. Words in
    square brackets (:data:`_SQUARE_BRACKETED`: ``[P03 name]``, ``[city]``) are no terms."""
    stop = english_stop_words()
    doc = _SQUARE_BRACKETED.sub(" | ", doc)  # no term of a placeholder, no pair across it
    tokens = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(doc)]
    out = []
    for i, (a, _, a_end) in enumerate(tokens):
        if a in stop:
            continue
        if i + 1 < len(tokens):
            b, b_start, _ = tokens[i + 1]
            gap = doc[a_end:b_start]
            if b not in stop and (not gap.strip() or gap == "-"):
                out.append(f"{a} {b}")
        out.append(a)
    return out


def chance_of_sharing(k: int, df: int, g: int, n: int) -> float:
    """The natural log of the chance that ``g`` segments drawn at random from the study's
    ``n``, of which ``df`` use a term, include ``k`` or more that use it: the upper tail of the
    hypergeometric distribution, the one-sided p-value of Fisher's exact test for a term
    over-represented in a group (Fisher 1922; as in gene-set enrichment, Rivals et al. 2007,
    *Bioinformatics* 23(4):401-407). The lower, the more the term is the group's own."""
    import math

    def log_comb(a: int, b: int) -> float:
        return math.lgamma(a + 1) - math.lgamma(b + 1) - math.lgamma(a - b + 1)

    terms = [
        log_comb(df, j) + log_comb(n - df, g - j) - log_comb(n, g)
        for j in range(max(k, g - (n - df)), min(g, df) + 1)
    ]
    top = max(terms)
    return min(0.0, top + math.log(sum(math.exp(t - top) for t in terms)))


def group_keywords(
    groups: Sequence[Sequence[str]], background: Sequence[str] = (), n_keywords: int = 5
) -> list[list[str]]:
    """Top keywords of each group of segments (each group: its segments' texts), weighed
    against ``background``, the texts of the study's participant talk (the groups' segments
    among them; default: the groups' segments alone).

    A term *t* (:func:`terms`) ranks by how unlikely it is that as many of the group's segments
    would use it by chance (:func:`chance_of_sharing`: *k* of the group's *g* segments use it,
    *df* of the study's *N*, at least the group's own), then by *k*. A word the group's
    segments share ranks first, even when its theme recurs in the study ("car park" in both
    segments of a group and 9 of 52: chance 0.027, against 0.038 for a word of one segment
    said nowhere else), unless it is common talk ("people" in all 3 segments of a group and
    32 of 100: 0.031 against 0.030). Scoring the share of the group's segments times
    log(1 + N / df) put such a shared word below the words of one segment (regression hunt,
    session 57).

    Terms that tie take turns across the group's segments: the next is the one whose
    least-covered segment has the fewest terms taken so far, so each segment's best comes
    before any segment's second; then the term said more often in the group, then the one
    said first (the groups' segments in their order; a pair before the word it starts).
    A group whose segments share no word gets a word of each ("cat, long walks, raining" of
    a rainy-day cat and a dog on the beach, not three words of the first; session 57).
    Class-based TF-IDF among the groups alone (BERTopic) gave every word of a small group the
    same score, and its label was the alphabetically first words ("adolescent services,
    anxiety, arrives"; tester, session 57)."""
    from itertools import groupby

    docs = list(background) or [text for group in groups for text in group]
    df: Counter[str] = Counter()
    for text in docs:
        df.update(set(terms_in_order(text)))
    out = []
    for group in groups:
        using: dict[str, set[int]] = {}  # the group's segments using each term
        said: Counter[str] = Counter()  # times the group says it
        first: dict[str, int] = {}
        for i, text in enumerate(group):
            ordered = terms_in_order(text)
            for t in ordered:
                using.setdefault(t, set()).add(i)
                first.setdefault(t, len(first))
            said.update(ordered)
        n = max(len(docs), len(group))
        chance: dict[tuple[int, int], float] = {}  # by (k, df): many terms share them
        level: dict[str, tuple[float, int]] = {}
        for t, segs in using.items():
            kd = (len(segs), max(df[t], len(segs)))
            if kd not in chance:
                chance[kd] = chance_of_sharing(*kd, len(group), n)
            level[t] = (chance[kd], -kd[0])
        ranked: list[str] = []
        covered = [0] * len(group)  # terms taken that each segment uses
        words: set[str] = set()  # the words of the terms taken
        by_level = sorted(using, key=lambda t: (*level[t], -said[t], first[t]))
        for _, tied_terms in groupby(by_level, level.__getitem__):
            tied = list(tied_terms)
            while tied and len(ranked) < n_keywords:
                best = min(
                    tied,
                    key=lambda t: (
                        min(covered[i] for i in using[t]),
                        not words.isdisjoint(t.split()),
                    ),
                )
                tied.remove(best)
                ranked.append(best)
                words.update(best.split())
                for i in using[best]:
                    covered[i] += 1
            if len(ranked) == n_keywords:
                break
        out.append(ranked)
    return out


def cluster_embeddings(X: np.ndarray, distance_threshold: float = 0.6) -> np.ndarray:
    """Cluster labels (0..k-1, numbered by first appearance) by average-linkage cosine distance:
    two clusters are joined while their distance is below ``distance_threshold``."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage

    if len(X) == 0:
        return np.zeros(0, dtype=int)
    if len(X) == 1:
        return np.zeros(1, dtype=int)
    tree = linkage(np.asarray(X, dtype=np.float64), method="average", metric="cosine")
    # fcluster keeps joins at distances <= t: the largest float below the threshold keeps < it.
    raw = fcluster(tree, t=np.nextafter(distance_threshold, 0.0), criterion="distance")
    remap: dict[int, int] = {}
    return np.asarray([remap.setdefault(int(c), len(remap)) for c in raw])


#: Fewest words of a group's talk for its language to be judged (:func:`_label`).
MIN_LABEL_WORDS = 20


#: Keywords ranked for a label (:func:`label_keywords`): more than the three shown, so that a
#: word left out beside its phrase is replaced by the next best.
LABEL_KEYWORDS = 12


def label_keywords(ranked: list[str], n: int = 3) -> list[str]:
    """The first ``n`` of keywords ``ranked`` (best first) that repeat no word: a phrase takes
    the place of the words of it already taken ("hail, actual, actual hail" is ``actual hail``),
    a word or phrase sharing a word with a phrase taken is passed over, and the next best
    fill the ``n`` (a label listing "hail" beside "actual hail" says one thing twice). A phrase
    of the same words as one taken ("home care" after "care home") shares them: passed over."""
    taken: list[str] = []
    for term in ranked:
        if len(taken) == n:
            break
        words = set(term.split())
        inside = [t for t in taken if set(t.split()) < words]
        if any(words & set(t.split()) for t in taken if t not in inside):
            continue  # shares a word with a phrase taken
        if inside:  # the phrase in place of its words
            at = taken.index(inside[0])
            taken = [t for t in taken if t not in inside]
            taken.insert(at, term)
        else:
            taken.append(term)
    return taken


def has_number(term: str) -> bool:
    """Whether a keyword (a word or word pair) has a word of digits only: a year ("2004"), a
    count ("20"), the "000" of "2,000". A word with a digit among letters ("covid19", "1st")
    is no number."""
    return any(word.isdigit() for word in term.split())


def _label(keywords: list[str], texts: list[str]) -> str:
    """A candidate's label: its top three keywords repeating no word (:func:`label_keywords`),
    numbers passed over (:func:`has_number`: tester s44 read "years, 2004, better" for two
    career histories, which share no year); else its first segment's opening words. Marked
    ``not English:`` when its talk does not read as English (the keywords of Spanish talk are
    its function words, "el, es, la", and the model reads English only). Replies that say only
    yes or no (``Mm-hmm.``, ``Yes.``: :func:`~.transcripts.backchannels.only_agrees`) hold no
    stop word in any language: their words are not judged (tester s59: "not English: Mm-hmm.")."""
    from .transcripts.backchannels import only_agrees
    from .transcripts.language import MIN_ENGLISH_SHARE, english_share

    words = [k for k in keywords if not has_number(k)]
    label = ", ".join(label_keywords(words)) if words else texts[0][:40]
    share, n = english_share(" ".join(t for t in texts if not only_agrees(t)))
    return f"not English: {label}" if n >= MIN_LABEL_WORDS and share < MIN_ENGLISH_SHARE else label


def no_counterpart(result: CodingResult) -> list[str]:
    """The ids of the segments of ``result`` (a model's codings charted in the researcher's own
    codebook) that the chart left with no code, the codes the model suggested having no
    counterpart there (``meta["crosswalk"]["no_counterpart"]``), that are not flagged fitting
    no code already nor procedural talk: talk that fits no code of the researcher's codebook."""
    walked = result.meta.get("crosswalk") if isinstance(result.meta, dict) else None
    ids = walked.get("no_counterpart") if isinstance(walked, dict) else None
    if not isinstance(ids, list) or not ids:
        return []
    emptied = set(ids)
    return [
        s.segment.id
        for s in result.segments
        if s.segment.id in emptied and not (s.novel or s.procedural)
    ]


def no_counterpart_because(
    result: CodingResult, charted: CodingResult, target: str
) -> dict[str, str]:
    """Why each segment of :func:`no_counterpart` (of ``charted``, ``result`` charted in the
    codebook ``target``) has no code there, for the last column of ``codings.<codebook>.csv``:
    the model's top code in ``result`` has no counterpart, so the segment goes to open coding
    (tester, session 52: a blank row with novel, procedural and off_topic false, no reason)."""
    tops = {s.segment.id: s.top for s in result.segments}
    out = {}
    for sid in no_counterpart(charted):
        top = tops.get(sid)
        code = "" if top is None else f"{top.code_id} {top.name} ({top.probability:.2f}) "
        out[sid] = f"the model's top code {code}has no counterpart in {target}: for open coding"
    return out


def with_no_counterpart_queued(
    result: CodingResult, charted: CodingResult | None = None
) -> CodingResult:
    """``result`` with each segment of :func:`no_counterpart` (of ``charted``, the same codings
    charted in the researcher's codebook; default ``result`` itself) flagged as fitting no code
    (``novel``), so the open-coding queue groups it and the report counts and lists it with the
    talk for open coding, rather than as neither coded nor queued (tester, session 46: 5 of 20
    segments, three of them COVID answers, were in no count, no list and no queue). Its
    suggestions stay as they were; their ids are recorded in ``meta["crosswalk"]["queued"]``
    (:func:`no_counterpart_queued`) for the report to count. ``result`` as it is when there are
    none."""
    import dataclasses

    ids = no_counterpart(result if charted is None else charted)
    if not ids:
        return result
    meta = dict(result.meta) if isinstance(result.meta, dict) else {}
    walked = meta.get("crosswalk")
    meta["crosswalk"] = {**(walked if isinstance(walked, dict) else {}), "queued": ids}
    flagged = set(ids)
    return result.with_segments(
        [dataclasses.replace(s, novel=True) if s.segment.id in flagged else s for s in result],
        meta=meta,
    )


def no_counterpart_queued(result: CodingResult) -> list[str]:
    """The ids :func:`with_no_counterpart_queued` flagged for open coding in ``result``."""
    walked = result.meta.get("crosswalk") if isinstance(result.meta, dict) else None
    ids = walked.get("queued") if isinstance(walked, dict) else None
    return [str(i) for i in ids] if isinstance(ids, list) else []


def queued(result: CodingResult) -> list[SegmentResult]:
    """The segments the open-coding queue groups: flagged novel, and neither procedural talk nor
    small talk or background."""
    return [s for s in result.segments if s.for_open_coding]


def weakly_coded(result: CodingResult, charted: Iterable[str] | None = None) -> list[SegmentResult]:
    """The segments charted with a code (``charted``: their ids; default: those
    :func:`~roqa_nlp.framework.coded_segments` charts) whose top suggestion is below
    :data:`~roqa_nlp.framework.SURE_CODE`, in segment order. Talk that fits no code of the
    codebook is often coded weakly rather than flagged (on a tester's interviews, 7 of 15
    answers on themes CFIR does not cover, against 0 of 21 CFIR answers), so the report lists
    them beside the open-coding queue: they are in Table 2 marked unsure, and may be a theme.
    A result translated into another codebook is judged on the model's own top code
    (:func:`~roqa_nlp.crosswalk.source_top`): a CFIR 2009 code at 0.95 shared among three CFIR
    2.0 counterparts (0.32 each) is a sure code, not talk the codebook may lack."""
    from .crosswalk import source_top
    from .framework import SURE_CODE, coded_segments

    ids = set(charted) if charted is not None else {q.segment_id for q in coded_segments(result)}
    return [
        s
        for s in result.segments
        if s.segment.id in ids
        and s.top is not None
        and (p := source_top(result, s)) is not None
        and p < SURE_CODE
    ]


def open_coding_queue(
    result: CodingResult,
    embedder: Embedder,
    *,
    distance_threshold: float | None = None,
    min_group_size: int = MIN_GROUP_SIZE,
    n_representative: int = 3,
    n_keywords: int = 5,
    background: Sequence[str] | None = None,
) -> OpenCodingQueue:
    """Candidate codes from the segments flagged novel (procedural talk, small talk and
    background excluded: :func:`queued`), and the segments in no group of ``min_group_size``
    or more, listed as not grouped. ``distance_threshold`` None: the one for the result's
    segment unit (:func:`distance_threshold_for`). Keywords are weighed against
    ``background`` (:func:`group_keywords`; None: the texts of all of ``result``'s
    segments, the study's participant talk)."""
    import numpy as np

    # in transcript order (numbers as numbers), whatever order the files were coded in: the same
    # segments give the same candidates, numbered the same, and members in the same order
    novel = sorted(
        queued(result), key=lambda s: (natural_key(s.segment.transcript_id), s.segment.start)
    )
    if not novel:
        return OpenCodingQueue()
    if distance_threshold is None:
        distance_threshold = distance_threshold_for(result)
    X = embedder.encode([s.segment.text for s in novel])
    labels = cluster_embeddings(X, distance_threshold)
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(i)
    clusters = list(groups.values())
    if background is None:
        background = [s.segment.text for s in result.segments]
    ranked_terms = group_keywords(
        [[novel[i].segment.text for i in idx] for idx in clusters],
        background,
        max(n_keywords, LABEL_KEYWORDS),
    )

    def where(idx: list[int]) -> tuple[list[str], list[str]]:
        tids = sorted({novel[i].segment.transcript_id for i in idx}, key=natural_key)
        return tids, sorted({result.participant_of(t) for t in tids}, key=natural_key)

    def rep(i: int) -> dict[str, Any]:
        return {
            "segment_id": novel[i].segment.id,
            "transcript": novel[i].segment.transcript_id,
            "participant": result.participant_of(novel[i].segment.transcript_id),
            "text": novel[i].segment.text,
        }

    # Candidates largest first, ties in the order of their first segment; numbered in that order.
    ranked = sorted(
        ((idx, kw) for idx, kw in zip(clusters, ranked_terms) if len(idx) >= min_group_size),
        key=lambda c: (-len(c[0]), c[0][0]),
    )
    candidates = []
    for n, (idx, kw) in enumerate(ranked, 1):
        centroid = X[idx].mean(axis=0)
        sims = X[idx] @ centroid
        best = [idx[j] for j in np.argsort(-sims, kind="stable")[:n_representative]]
        tids, participants = where(idx)
        candidates.append(
            CandidateCode(
                id=f"candidate-{n:03d}",
                label=_label(kw, [novel[i].segment.text for i in idx]),
                keywords=label_keywords(kw, n_keywords),  # no word twice: not wi fi, wi, fi
                segment_ids=[novel[i].segment.id for i in idx],
                representative=[rep(i) for i in best],
                transcripts=tids,
                participants=participants,
                size=len(idx),
            )
        )
    alone = sorted(i for idx in clusters if len(idx) < min_group_size for i in idx)
    ungrouped = []
    for n, i in enumerate(alone, 1):
        tids, participants = where([i])
        ungrouped.append(
            CandidateCode(
                id=f"ungrouped-{n:03d}",
                label=NOT_GROUPED,
                keywords=[],
                segment_ids=[novel[i].segment.id],
                representative=[rep(i)][:n_representative],
                transcripts=tids,
                participants=participants,
                size=1,
                grouped=False,
            )
        )
    return OpenCodingQueue(
        candidates,
        ungrouped,
        distance_threshold=distance_threshold,
        min_group_size=min_group_size,
    )


def write_open_coding(queue: list[CandidateCode], out_dir: str | Path) -> dict[str, Path]:
    """Write ``open_coding.jsonl`` (one candidate per line) and ``open_coding.csv``: the
    candidate codes, then, when ``queue`` is an :class:`OpenCodingQueue`, the segments not
    grouped (``grouped`` false, label "not grouped", no keywords) and the groups of set-aside
    talk that recurs across interviews (``set_aside`` true, id ``set-aside-NNN``): read back by
    ``roqa report``, which shows each where ``roqa code``'s report did."""
    out = Path(out_dir)
    if isinstance(queue, OpenCodingQueue):
        queue = queue.everything()
    jpath, cpath = out / "open_coding.jsonl", out / "open_coding.csv"
    atomic_write_text(
        jpath, "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in queue)
    )
    rows: list[list[Any]] = [
        ["candidate", "label", "keywords", "size", "participants", "segment_ids", "example"]
    ]
    for c in queue:
        rows.append(
            [
                c.id,
                c.label,
                "; ".join(c.keywords),
                c.size,
                "; ".join(c.participants),
                "; ".join(c.segment_ids),
                c.representative[0]["text"] if c.representative else "",
            ]
        )
    write_spreadsheet_csv(cpath, rows)
    return {"open_coding.jsonl": jpath, "open_coding.csv": cpath}


def recurring_set_aside(
    result: CodingResult,
    embedder: Embedder,
    *,
    distance_threshold: float | None = None,
    cached: bool = True,
) -> list[CandidateCode]:
    """Groups of the talk set aside as small talk or background (novel, ``off_topic``) that
    recur across two or more transcripts, as the open-coding queue would group them: the
    off-framework class also takes personal talk (burnout, a bereavement), which may be a theme
    the study did not expect, so ``roqa code`` names such groups for the researcher to read.
    Weather and travel chat recur too: this is a pointer, not a verdict. Each group is marked
    ``set_aside`` and numbered ``set-aside-001`` on (largest first): not a candidate code, so
    it counts in no total of the queue; give it to the queue (:attr:`OpenCodingQueue.set_aside`)
    for :func:`write_open_coding` and the report to list it. A reply that says only yes or no
    (``Mm-hmm.``, ``Yes.``: :func:`~.transcripts.backchannels.only_agrees`) is in no group: it
    recurs in every interview and is no theme (tester s59: "Mm-hmm." was offered as one).
    ``cached``: grouped through the open-coding cache in the embedder's cache folder, as the
    queue is."""
    from dataclasses import replace

    from .result import CodingResult
    from .transcripts.backchannels import only_agrees

    aside = [
        replace(s, off_topic=False)
        for s in result.segments
        if s.novel and s.off_topic and not only_agrees(s.segment.text)
    ]
    if len(aside) < 2:
        return []
    from .open_coding_cache import cached_open_coding_queue

    sub = CodingResult(aside, result.transcripts, result.meta)
    # cached as the queue is: a warm re-run clusters nothing (and imports no SciPy)
    group = cached_open_coding_queue if cached else open_coding_queue
    talk = [s.segment.text for s in result.segments]  # keywords weighed against all the talk
    queue = group(sub, embedder, distance_threshold=distance_threshold, background=talk)
    recurring = [c for c in queue if len(c.transcripts) >= 2]
    return [replace(c, id=f"set-aside-{n:03d}", set_aside=True) for n, c in enumerate(recurring, 1)]


def set_aside_count(n: int, group_sizes: Sequence[int], n_named: int = 0) -> str:
    """How much talk was set aside as small talk or background, ``n`` segments, and how much of
    it is in groups recurring across interviews (:func:`recurring_clause`; ``group_sizes`` and
    ``n_named`` of :func:`unnamed_sizes`), in the one clause the summary of ``roqa code`` gives
    it (a count of set-aside talk alone hid that it held six recurring themes, tester s42)."""
    said = f"{n} {SET_ASIDE}"
    return f"{said}, {recurring_clause(group_sizes, n_named)}" if group_sizes else said


def unnamed_sizes(groups: Iterable[Sequence[str]], named: Collection[str]) -> tuple[list[int], int]:
    """Of recurring groups of set-aside talk (each its segment ids), the number of segments of
    each not yet named a new code in the review carried in (``named``, ids; a group all named
    is left out) and the number named: the summary and the report's overview count only what
    is left to read, as the notes below them do (regression hunt s42: "4 of them in 2 groups
    ... may be themes" beside a note of the 1 left)."""
    sizes, n_named = [], 0
    for ids in groups:
        left = sum(1 for sid in ids if sid not in named)
        n_named += len(ids) - left
        if left:
            sizes.append(left)
    return sizes, n_named


def recurring_clause(group_sizes: Sequence[int], n_named: int = 0) -> str:
    """The set-aside talk in groups recurring across interviews (``group_sizes``, segments per
    group: :func:`recurring_set_aside`), which may be themes: ``21 of them in 6 groups
    recurring across interviews that may be themes``; with ``n_named`` more of them already
    named a new code in the review, ``...; 4 more already have a new code in the review``."""
    one = len(group_sizes) == 1
    said = (
        f"{sum(group_sizes)} of them in {len(group_sizes)} group{'' if one else 's'} "
        f"recurring across interviews that may be {'a theme' if one else 'themes'}"
    )
    if n_named:
        said += (
            f"; {n_named} more already ha{'s' if n_named == 1 else 've'} a new code in the review"
        )
    return said
