"""Framework Approach outputs: the framework matrix, the barriers/enablers table, data saturation
and suggested CFIR construct ratings.

The Framework Approach (Ritchie & Spencer 1994; Gale et al. 2013) charts coded data into a matrix of
cases (participants) x codes, then summarises it. Everything here works on a
:class:`~roqa_nlp.result.CodingResult`, whether its codes are machine suggestions, human codings or
both, and is pure: files are only written by the ``to_csv``/``to_xlsx`` methods.

Which codes a segment carries (:func:`coded_segments`): the first ``top_k`` suggestions of its
:func:`ranking` (by probability; charted from another codebook, the model's ranking as the
translation keeps it) whose probability is at least ``min_probability``; by default a model's top one and
every code of a person's codings (reviewed, imported or hand-made: :func:`charted_top_k`), as
``roqa report`` charts them. Segments flagged ``novel`` (they fit no code and wait for open
coding), ``procedural`` segments (greetings, consent, Zoom chatter) and interviewer segments carry
none.

References
----------
.. [1] Ritchie, J., & Spencer, L. (1994). Qualitative data analysis for applied policy research.
       In A. Bryman & R. Burgess (Eds.), *Analyzing qualitative data* (pp. 173-194). Routledge.
.. [2] Gale, N. K., Heath, G., Cameron, E., Rashid, S., & Redwood, S. (2013). Using the framework
       method for the analysis of qualitative data in multi-disciplinary health research.
       *BMC Medical Research Methodology*, 13, 117.
.. [3] Francis, J. J., Johnston, M., Robertson, C., Glidewell, L., Entwistle, V., Eccles, M. P., &
       Grimshaw, J. M. (2010). What is an adequate sample size? Operationalising data saturation
       for theory-based interview studies. *Psychology & Health*, 25(10), 1229-1245.
.. [4] Guest, G., Namey, E., & Chen, M. (2020). A simple method to assess and report thematic
       saturation in qualitative research. *PLoS ONE*, 15(5), e0232076.
.. [5] Damschroder, L. J., & Lowery, J. C. (2013). Evaluation of a large-scale weight management
       program using the consolidated framework for implementation research (CFIR).
       *Implementation Science*, 8, 51.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, overload

from .errors import (
    RoqaError,
    RoqaTypeError,
    RoqaValueError,
    a_type,
    and_list,
    first_and_count,
    first_few,
)
from .io import atomic_open, spreadsheet_csv, write_spreadsheet_csv, xml_text
from .name_dates import dated_order_note
from .schema import (
    VALENCES,
    Segment,
    SegmentResult,
    Suggestion,
    check_top_k,
    normalise_valence,
)
from .transcripts import natural_key, same_id
from .write_up_files import record_written

#: a valence probability from which the model's barrier/enabler call counts as sure: below it a
#: rating is never strong and the report marks a quote's side "valence unsure"
SURE_VALENCE = 0.6
#: a code probability from which the model's suggestion counts as sure: below it the report
#: marks a quote "code unsure", frames a rating resting on it in a dashed line and shades the
#: segment lightest
SURE_CODE = 0.4
#: how the tables and the report say a coding is below :data:`SURE_CODE`
CODE_UNSURE = "code unsure"
#: ... and that its valence is below :data:`SURE_VALENCE` (:attr:`Quote.valence_unsure`)
VALENCE_UNSURE = "valence unsure"


def _csv_written(path: str | Path | None, rows: list[list[Any]]) -> str | None:
    """A chart's ``to_csv``: ``rows`` written to ``path`` as a spreadsheet's CSV, recorded as a
    write-up file roqa wrote, and None; without a ``path``, the CSV text (without the file's
    byte-order mark), as :meth:`~roqa_nlp.result.CodingResult.to_csv` gives it (api tester,
    session 79: ``framework_matrix(result).to_csv()`` was "missing 1 required positional
    argument")."""
    if path is None:
        return spreadsheet_csv(rows)
    write_spreadsheet_csv(path, rows)
    record_written(path)
    return None


def valence_guessed(g: Suggestion) -> bool:
    """Whether a person's coding ``g`` is on a new code with the model's valence, not theirs
    (theirs is at 1): the model's guess, learnt on CFIR talk, which the outputs mark valence
    unsure whatever its probability (:attr:`Quote.valence_guessed`)."""
    from .decisions import PROJECT_PREFIX

    vp = g.valence_probability
    return g.code_id.startswith(PROJECT_PREFIX) and vp is not None and vp < 1.0


def valence_marked_unsure(g: Suggestion, *, person: bool) -> bool:
    """Whether the outputs mark ``g``'s valence unsure (:attr:`Quote.valence_unsure`): its
    probability below :data:`SURE_VALENCE`, or, of a person's codings (``person``), the model's
    guess on a new code (:func:`valence_guessed`); what they say of it: :func:`valence_doubt_of`."""
    return bool(valence_doubt_of(g, person=person))


def valence_doubt_of(g: Suggestion, *, person: bool) -> str:
    """What the outputs say of ``g``'s valence when they mark it unsure
    (:func:`valence_marked_unsure`), ``""`` when they do not: :func:`valence_doubt` of its
    probability, a guess when it is the model's on a person's new code (``person``)."""
    return valence_doubt(g.valence_probability, guessed=person and valence_guessed(g))


def valence_doubt(vp: float | None, *, guessed: bool = False) -> str:
    """How Table 2, the matrix and the report say a valence is unsure, the one wording of
    :attr:`Quote.unsure` and the report's valence chips: ``valence unsure (0.51)`` when its
    probability ``vp`` is below :data:`SURE_VALENCE`, ``valence unsure (the model's guess for a
    new code, 0.55)`` when it is the model's guess on a person's new code (``guessed``), ``""``
    when sure (a person's own valence, with no probability, never unsure)."""
    if guessed:
        guess = "" if vp is None else f", {vp:.2f}"
        return f"{VALENCE_UNSURE} (the model's guess for a new code{guess})"
    if vp is not None and vp < SURE_VALENCE:
        return f"{VALENCE_UNSURE} ({below_line(vp, SURE_VALENCE)})"
    return ""


def below_line(p: float, line: float) -> str:
    """Probability ``p``, which is below ``line``, to two decimals, or to as many more as it
    takes not to round up to the line, four at most: ``0.398`` below 0.40, not ``0.40`` (a list
    of what is "below p=0.40" that shows 0.40 contradicts itself); cut at four where they too
    would round up (0.39999999 is ``0.3999``, not ``0.400000``): :func:`beside_line`."""
    return beside_line(p, line)


def shown_beside(
    p: float, lines: Iterable[float] = (SURE_CODE,), decimals: int = 2, *, percent: bool = False
) -> str:
    """Probability ``p`` printed beside rules it was compared with (``lines``: the report's
    shading bands, a rating's strong line, :data:`SURE_CODE` by default): to ``decimals``
    decimals, or as many more as it takes to be shown on the side of the nearest line it is on
    (:func:`beside_line`), so that 0.3996 under "below 0.40" is ``0.3996``, not ``0.40``
    (session 67); ``percent``: as a percentage, ``39.96`` (a line reached only by floating-point
    error, 0.4 × 100, is the line). Every such rule holds from its line up (at or above), so a
    figure that rounds onto its line from above is at its side already and keeps ``decimals``
    (0.6009 beside "strong from 0.6" is ``0.60``, 0.40004 ``0.40``: hunt s67 h_small). The one
    way the outputs print such a probability."""
    line = min(lines, key=lambda x: abs(p - x))
    value, at, within = (p * 100, line * 100, 1e-9) if percent else (p, line, 0.0)
    shown = f"{value:.{decimals}f}"
    if (value >= at - within) == (float(shown) >= at - within):
        return shown.lstrip("-") if float(shown) == 0 else shown
    return beside_line(value, at, decimals, within=within)


def beside_line(value: float, line: float, decimals: int = 2, *, within: float = 0.0) -> str:
    """``value`` to ``decimals`` decimals, or to as many more as it takes to be shown on the
    side of ``line`` it is on, four at most; where four too would reach the line, its first four
    cut toward its side (0.39999999 below 0.40 is ``0.3999``, 0.80000001 above 0.80 ``0.8001``).
    A value within ``within`` of the line is at it (floating-point error: a kappa of 0.6 computes
    as 0.6000000000000001) and shown as the line is. A reading beside a value (below the line,
    at or above it) is then one the value as shown gets too: alpha 0.79958 is ``0.7996``, not
    ``0.800``, beside "tentative"."""

    def side(x: float) -> int:
        return 0 if abs(x - line) <= within else (1 if x > line else -1)

    where = side(value)
    for digits in range(decimals, 5):
        shown = f"{value:.{digits}f}"
        if side(float(shown)) == where:
            break
    else:  # within 0.00005 of the line: its first four decimals, cut toward its side
        cut = math.floor if where < 0 else math.ceil
        shown = f"{cut(value * 10_000) / 10_000:.4f}"
    return shown.lstrip("-") if float(shown) == 0 else shown  # -1e-16 is 0.000, not -0.000


#: Interviews a saturation verdict names in a list (those not reviewed, those partly reviewed)
#: before it says how many more: the Saturation sheet's review row names them all.
VERDICT_NAMES = 5
#: What a cell says in place of a quote when its words only agree (:attr:`Quote.only_agrees`)
NO_QUOTE = "no quote, it only says yes or no"

if TYPE_CHECKING:
    from .codebook import Codebook
    from .result import CodingResult

CaseKind = Literal["participant", "transcript"]

#: The columns of the framework matrix's long layout (its ``Quotes`` sheet, ``layout="long"``)
MATRIX_LONG_COLUMNS = (
    "case", "code_id", "code_name", "segments", "barriers", "enablers", "neutral", "quote_rank",
    "quote", "transcript", "speaker", "segment_id", "start", "end", "probability", "valence",
    "valence_probability", "unsure",
)  # fmt: skip
#: The columns of the barriers/enablers table (Table 2) as a workbook or .csv
TABLE2_COLUMNS = (
    "domain_id", "domain", "code_id", "construct",
    *(f"{side}_{what}" for side in ("barriers", "enablers")
      for what in ("segments", "participants", "quotes")),
    "neutral_segments",
)  # fmt: skip
#: The columns of the saturation table as a workbook or .csv: per interview, then the options
#: the verdicts were judged by, the same on every row, so that a shared .csv says which rule
#: gave them (s59 sat, item 2: before, only the workbook's Verdicts sheet held the 10 and the 3)
SATURATION_COLUMNS = (
    "n", "interview", "participant", "new", "new_codes", "unsure_new_codes", "cumulative",
    "open_coding", "stopping_rule",
    "initial_sample", "stopping_criterion", "interview_order",
    "guest_base_size", "guest_run_length", "guest_new_information",
)  # fmt: skip
#: The saturation table's columns before its options were added (an older roqa's file)
SATURATION_COLUMNS_WITHOUT_OPTIONS = SATURATION_COLUMNS[:9]
CASE_KINDS: tuple[str, ...] = ("participant", "transcript")


# -- which codes a segment carries ------------------------------------------------------------


def clock(seconds: float) -> str:
    """A time into the recording as ``hh:mm:ss`` (whole seconds, rounded down)."""
    t = int(seconds)
    return f"{t // 3600:02d}:{t % 3600 // 60:02d}:{t % 60:02d}"


@dataclass(frozen=True)
class Quote:
    """A coded segment quoted as evidence: its text, where it is, and how sure the coding is."""

    text: str
    transcript_id: str
    segment_id: str
    start: int
    end: int
    participant: str
    code_id: str
    probability: float
    valence: str
    #: how sure the valence is (the valence head's probability; None when not recorded)
    valence_probability: float | None = None
    #: seconds from the start of the recording, when the transcript has times (Zoom, .srt)
    begin_time: float | None = None
    #: who said it, when the transcript holds several participants (a focus group): the
    #: speaker; empty when the participant (the transcript's case) said it
    speaker: str = ""
    #: the model's own probability for the code before the codings were charted in another
    #: codebook, when the mapping shared it among several counterparts (OS.D at 1.00 charted as
    #: OUT.E at 0.33: :func:`~roqa_nlp.crosswalk.source_probabilities`); None: ``probability``
    source_probability: float | None = None
    #: the valence is the model's guess on a new code a person made in review, which they gave
    #: no valence: the valence head learnt barriers and enablers from CFIR talk, not from their
    #: theme, so it is not charted as theirs (:attr:`valence_unsure`)
    valence_guessed: bool = False
    #: the person gave the code no valence: its ``neutral`` is the default, not theirs
    #: (:func:`~roqa_nlp.exchange.review.codes_given_no_valence`)
    valence_not_given: bool = False
    #: the group member's turn the segment replies to, when that is its ``context``
    #: (:func:`~roqa_nlp.transcripts.segment.questions_before`), else ``""`` (never the
    #: interviewer's question): an agreement that only echoes it says nothing (:attr:`only_agrees`)
    answers: str = field(default="", repr=False)
    #: who the quote is counted and cited as when its speaker's label is also another
    #: transcript's speaker or case, and no study id (two focus groups' ``Manager``): the label
    #: with its transcript, ``Manager (fg01)`` (:func:`clashing_speakers`); empty otherwise
    person: str = ""
    #: the speaker label the passage starts with ("Bridget: "), whose words the transcript's
    #: reader put after it: a QDA program's whole-line selection (qc) takes the label in; the
    #: quote a table shows (:attr:`quoted`) leaves it out, :attr:`text` and offsets keep it
    label: str = ""

    @property
    def valence_unsure(self) -> bool:
        """Whether Table 2 marks the valence unsure: the model's probability for it is below
        :data:`SURE_VALENCE`, or it is the model's guess on a person's new code
        (:attr:`valence_guessed`); a person's own valence (no probability) never
        (:func:`valence_doubt`, the rule of every output)."""
        return bool(valence_doubt(self.valence_probability, guessed=self.valence_guessed))

    @property
    def sure_probability(self) -> float:
        """How sure the model is of the code's topic: its own probability before a mapping
        shared it out (:attr:`source_probability`), else :attr:`probability`. "Code unsure"
        is judged on it: a split among counterparts is not the model's doubt."""
        if self.source_probability is None:
            return self.probability
        return max(self.probability, self.source_probability)

    @property
    def unsure(self) -> str:
        """What is unsure about this coding, as the report and Table 2's marks say it: ``code
        unsure (0.15)`` when its code's probability (:attr:`sure_probability`: the model's own,
        before a mapping into another codebook shared it out) is below :data:`SURE_CODE`,
        ``valence unsure (0.48)`` when its valence's is below :data:`SURE_VALENCE` (a person's
        codes, at 1 with no valence probability, never); joined by ``, ``, empty when sure."""
        parts = []
        if self.sure_probability < SURE_CODE:
            parts.append(f"{CODE_UNSURE} ({below_line(self.sure_probability, SURE_CODE)})")
        if doubt := valence_doubt(self.valence_probability, guessed=self.valence_guessed):
            parts.append(doubt)
        return ", ".join(parts)

    @cached_property  # a Quote is frozen; asked some 15,000 times of a report's quotes
    def only_agrees(self) -> bool:
        """Whether the words only acknowledge and agree (``Yeah. Yeah it was.``, ``Yes, of
        course.``, ``Yeah, same here.``, or ``Yeah, a tick box. Exactly.`` echoing the turn it
        :attr:`answers`: :func:`~roqa_nlp.transcripts.backchannels.only_agrees`): a reply that
        is coded, often from the question it answers, and counted, but that holds no evidence of
        its own, so it is quoted only when its cell holds nothing else, and then marked
        (:data:`NO_QUOTE`), and makes no code new in :func:`saturation`."""
        from .transcripts.backchannels import only_agrees

        return only_agrees(self.text, self.answers, group=bool(self.speaker))

    @property
    def agrees_unsure(self) -> bool:
        """Whether this is a reply that only agrees (:attr:`only_agrees`) whose code is below
        :data:`SURE_CODE` (:attr:`sure_probability`): its words say nothing of the code and the
        model does not know what it agrees to (``Yes, we do.`` to a question about champions,
        coded Cosmopolitanism at 0.0006: :func:`with_evidence`). A person's code (at 1) is
        their judgement of what was agreed to, so never."""
        return self.sure_probability < SURE_CODE and self.only_agrees

    @property
    def marks(self) -> str:
        """:attr:`unsure`, after :data:`NO_QUOTE` for words that only agree: what the matrix's
        long rows say of a quote."""
        return ", ".join(
            part for part in (NO_QUOTE if self.only_agrees else "", self.unsure) if part
        )

    @property
    def cell_probability(self) -> float:
        """How sure the coding is that the segment belongs in its cell of Table 2, its construct
        on its valence's side: the code's probability times the valence's (a valence with no
        probability, a person's own, counts as sure). A 0.94 code read as an enabler at 0.52 is
        weaker evidence of an enabler (0.49) than a 0.70 code sure of it at 0.95 (0.67); a
        reviewed code (probability 1) with the researcher's valence (1) is surest."""
        sure = 1.0 if self.valence_probability is None else self.valence_probability
        return self.probability * sure

    @property
    def cited(self) -> str:
        """The quote on one line with who said it (:attr:`who`), where it is and what is
        unsure, as Table 2 cites it: ``"text" [P01, p01_interview:10-42, valence unsure
        (0.48)]``."""
        return self._cited(self.who)

    @property
    def cited_in_row(self) -> str:
        """:attr:`cited` in a framework matrix row, which is the participant's: without them,
        but with a focus group's speaker (``"text" [p01_interview:10-42]``)."""
        return self._cited(self.speaker)

    def _cited(self, who: str) -> str:
        unsure = self.unsure
        said = ", ".join(part for part in (who, self.citation, unsure) if part)
        if self.only_agrees:
            return f'{NO_QUOTE}: "{self.one_line}" [{said}]'
        return f'"{self.one_line}" [{said}]'

    @property
    def who(self) -> str:
        """The person the quote is from: the speaker in a focus group (with its transcript when
        its label is another transcript's too: :attr:`person`), else the participant. A table
        counts people by it and cites each quote by it."""
        return self.person or self.speaker or self.participant

    @property
    def quoted(self) -> str:
        """The words a table shows: the segment's words as a researcher quotes them
        (:func:`quoted_words`), without the transcriber's annotations at their edges
        (``[crosstalk] Sorry, ...``, ``Five months. [laughs]``:
        :func:`~roqa_nlp.transcripts.annotations.trim_annotations`); :attr:`text` and its
        offsets keep them all, as the transcript has them, and the matrix's long rows
        (:attr:`written`) the annotations."""
        from .transcripts.annotations import trim_annotations

        return trim_annotations(quoted_words(trim_annotations(self.text.removeprefix(self.label))))

    @property
    def one_line(self) -> str:
        """The quote's words on one line (:attr:`quoted`; each run of line breaks and blanks one
        space), as charted text and Table 2 cite it: a transcript's line breaks (a PDF's wrapped
        lines, a turn's paragraphs) are no part of a quote in a cell."""
        return on_one_line(self.quoted)

    @property
    def written(self) -> str:
        """:attr:`text` on one line (:func:`on_one_line`), the transcriber's marks at its edges
        kept: the quote of the matrix's long rows (its *Quotes* sheet, the long .csv). Its
        offsets still find its words in the transcript; the blanks left where a backchannel's
        label was taken out of a joined answer are no part of the quote (daily13, s83: the
        *Quotes* sheet gave them, line breaks and runs of blanks, where the *Matrix* sheet did
        not). A speaker label a whole-line selection took in (:attr:`label`) is no part of it
        either (daily18, s86, D4), nor are the fillers it opens with or the repair line it ends
        with (:func:`quoted_words`)."""
        return on_one_line(quoted_words(self.text.removeprefix(self.label)))

    @property
    def citation(self) -> str:
        """Where the quote is: ``transcript:start-end`` (code-point offsets, end-exclusive), and
        when in the recording, ``(00:12:31)``, when the transcript has times: an offset finds the
        words in the transcript, a time finds them in the recording."""
        where = f"{self.transcript_id}:{self.start}-{self.end}"
        if self.begin_time is None:
            return where
        return f"{where} ({clock(self.begin_time)})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "transcript": self.transcript_id,
            "segment_id": self.segment_id,
            "start": self.start,
            "end": self.end,
            "participant": self.participant,
            "speaker": self.who,
            "code_id": self.code_id,
            "probability": self.probability,
            "valence": self.valence,
            "begin_time": self.begin_time,
        }


def quoted_words(text: str) -> str:
    """``text`` as a researcher quotes it: from the first word that is no filler (``So, I mean,
    When we started`` gives ``When we started``:
    :func:`~roqa_nlp.transcripts.fillers.after_opening_fillers`), without the repair line Zoom
    joined to its end (``... so they make it up. Sorry, you've frozen.``:
    :func:`~roqa_nlp.transcripts.repairs.before_repair_line`) or the sign-off it ends with, as
    the model reads it (``... how they are. Anyway. Sorry. Thank you.``:
    :func:`~roqa_nlp.transcripts.closings.before_sign_off`). Always a piece of ``text``, from a
    word's start to a word's end (or the marks after it): the participant's own words, in their
    order, never reworded (docs/report.md, "How quotes are cited")."""
    from .transcripts.closings import before_sign_off
    from .transcripts.fillers import after_opening_fillers
    from .transcripts.repairs import before_repair_line

    return after_opening_fillers(before_repair_line(before_sign_off(before_repair_line(text))))


def on_one_line(text: str) -> str:
    """``text`` as a write-up quotes it: each run of line breaks and blanks one space, none at
    its ends. Every quote roqa writes up (the framework matrix's sheets, Table 2, the report)
    is tidied by it; the codings keep the words and offsets as the transcript has them."""
    return " ".join(text.split())


def carries_codes(s: SegmentResult) -> bool:
    """Whether a segment can carry codes at all (not novel, not procedural, not the interviewer)."""
    return s.novel is not True and not s.procedural and s.segment.role != "interviewer"


def ranking(suggestions: Sequence[Suggestion], *, as_listed: bool = False) -> list[Suggestion]:
    """A segment's suggestions in the order they are charted, each code once (the first of a
    code's): by probability, highest first, equals in the order given (hand-made codings need
    not list them in order); ``as_listed``, for a result charted from another codebook
    (:func:`keeps_ranking`), in the order listed: the model's ranking as the translation keeps
    it, the counterparts of its top code first, then the next suggestion's, though a
    counterpart the words fit less may show less than the next one's (docs/codebooks.md). So
    codings.<codebook>.csv, the framework matrix, Table 2 and the .qdpx chart the same second
    and third codes (before session 42's hunt the others sorted a translation by probability),
    and the first is always the segment's top code."""
    listed = list(suggestions) if as_listed else sorted(suggestions, key=lambda g: -g.probability)
    seen: set[str] = set()
    out: list[Suggestion] = []
    for g in listed:
        if g.code_id not in seen:
            seen.add(g.code_id)
            out.append(g)
    return out


def keeps_ranking(result: CodingResult) -> bool:
    """Whether ``result`` was charted from another codebook (``meta["crosswalk"]``): its
    suggestions list the model's ranking, which :func:`ranking` keeps."""
    return isinstance(result.meta, dict) and isinstance(result.meta.get("crosswalk"), dict)


def codes_of(
    s: SegmentResult, *, top_k: int = 1, min_probability: float = 0.0, as_listed: bool = False
) -> list[Suggestion]:
    """The suggestions a segment is charted under: the first ``top_k`` of its
    :func:`ranking`, those at or above ``min_probability``."""
    if not carries_codes(s):
        return []
    ranked = ranking(s.suggestions, as_listed=as_listed)
    return [g for g in ranked[:top_k] if g.probability >= min_probability]


def charted_codings(
    result: CodingResult, *, top_k: int | None = None, min_probability: float = 0.0
) -> CodingResult:
    """A copy of ``result`` whose segments carry only the codes they are charted under, each at
    probability 1: the suggestions :func:`coded_segments` charts (:func:`codes_of`, the first
    ``top_k`` of the ranking, a translation's as the model ranked them). So ``roqa agree``
    compares a model charted in another codebook on the code its report, Table 2 and
    ``codings.<codebook>.csv`` show (IND.A where Leadership Engagement's words chose High-level
    Leaders), not on every code its own code maps onto (tester, session 72)."""
    import dataclasses

    k = check_top_k(charted_top_k(result, top_k), allow_none=False)
    listed = keeps_ranking(result)
    segments = [
        dataclasses.replace(
            s,
            suggestions=[
                dataclasses.replace(g, probability=1.0)
                for g in codes_of(s, top_k=k, min_probability=min_probability, as_listed=listed)
            ],
        )
        for s in result.segments
    ]
    return result.with_segments(segments)


def as_result(result: Any, function: str) -> CodingResult:
    """``result`` as the :class:`~roqa_nlp.result.CodingResult` a charting function takes: a
    result itself, or the folder (or ``codings.jsonl``) of one, read. A list of segments is a
    one-line error pointing to :meth:`~roqa_nlp.result.CodingResult.subset`, which keeps the
    transcripts and run record the charts need."""
    from .result import CodingResult

    if isinstance(result, CodingResult):
        return result
    if isinstance(result, (str, Path)):
        return CodingResult.read(result)
    if not isinstance(result, list | tuple):  # None, a number: no segments to keep (s82 api)
        raise RoqaTypeError(
            f"{function}() takes a CodingResult (or its folder), not {a_type(result)}",
            hint="read one with CodingResult.read('coded/')",
        )
    kind = type(result).__name__
    raise RoqaTypeError(
        f"{function}() takes a CodingResult (or its folder), not a {kind}",
        hint="keep some segments with result.subset(where=lambda s: ...), which keeps the "
        "transcripts and run record the charts need",
    )


def coded_segments(
    result: CodingResult,
    *,
    top_k: int | None = None,
    min_probability: float = 0.0,
    codebook: Codebook | None = None,
) -> list[Quote]:
    """Every (segment, code) pair the outputs are built from, as quotes, in segment order.

    A code given by name or alias (``"Available Resources"``, as hand-made or imported codings may
    give it) is charted under its id in ``codebook`` (default: the built-in codebook the result
    recorded), so one construct is one column and one idea, whatever it was called. ``top_k``
    defaults to :func:`charted_top_k`: a model's top suggestion, every code a person gave.
    """
    result = as_result(result, "coded_segments")
    k = charted_top_k(result, top_k)
    k = check_top_k(k, allow_none=False)
    if not 0.0 <= min_probability <= 1.0:
        raise RoqaValueError(f"min_probability must be from 0 to 1, got {min_probability}")
    book = codebook if codebook is not None else _recorded(result)
    ids: dict[str, str] = {}

    def code_id(key: str) -> str:
        if key not in ids:
            found = None if book is None else book.find(key)
            ids[key] = key if found is None else found.id
        return ids[key]

    groups = group_transcripts(result)
    named = person_labels(result)
    clashing = clashing_speakers(result, groups, named)
    from .crosswalk import source_probabilities

    own = source_probabilities(result)
    from .exchange.qdpx_export import coder_of

    # a person's new code with a valence they did not give (theirs is at 1): the model's guess
    person = coder_of(result) is not None
    from .exchange.review import codes_given_no_valence

    unvalenced = codes_given_no_valence(result)
    listed = keeps_ranking(result)  # a translation: the model's ranking as it keeps it
    answers_member = _member_answered(result, groups)
    out: list[Quote] = []
    for s in result.segments:
        for g in codes_of(s, top_k=k, min_probability=min_probability, as_listed=listed):
            seg = s.segment
            try:
                valence = normalise_valence(g.valence)
            except ValueError:
                raise RoqaError(
                    f"segment {seg.id!r} has unknown valence {g.valence!r} for {g.code_id}",
                    hint="use barrier, enabler or neutral",
                ) from None
            speaker = (
                named.get((seg.transcript_id, seg.speaker), seg.speaker)
                if seg.transcript_id in groups
                else ""
            )
            out.append(
                Quote(
                    text=seg.text,
                    transcript_id=seg.transcript_id,
                    segment_id=seg.id,
                    start=seg.start,
                    end=seg.end,
                    participant=result.participant_of(seg.transcript_id),
                    code_id=code_id(g.code_id),
                    probability=float(g.probability),
                    valence=valence,
                    valence_probability=(
                        None if g.valence_probability is None else float(g.valence_probability)
                    ),
                    begin_time=seg.begin_time,
                    speaker=speaker,
                    source_probability=own.get(seg.id, {}).get(g.code_id),
                    valence_guessed=person and valence_guessed(g),
                    valence_not_given=g.code_id in unvalenced.get(seg.id, ()),
                    answers=answers_member(seg),
                    person=f"{speaker} ({seg.transcript_id})" if speaker in clashing else "",
                    label=_label_taken_in(result.transcripts.get(seg.transcript_id), seg),
                )
            )
    return out


def _label_taken_in(transcript: Any, seg: Any) -> str:
    """The text from ``seg``'s start to its first turn's words when that is only the turn's own
    speaker label and blanks ("Bridget: "), else "": a QDA program's whole-line selection (qc's
    ``line:N``) took the label in, and Table 2 quoted "Bridget: Honestly ..." while citing the
    participant as RM41, so the label's name reached the quote (daily18, s86, D4). Words of
    the passage are never left out: anything but the label (another speaker's words, a
    letter of a label the reader did not read as this turn's) keeps the text whole. Only the
    cited speaker's own label is left out, of a passage all theirs: one that starts at the
    interviewer's label ("Interviewer: Q? Bridget: A", cited as Bridget) or holds another
    member's words keeps the text whole (hunt41 s87: the question read as hers)."""
    inside = [
        t
        for t in getattr(transcript, "turns", None) or ()
        if t.end > seg.start and t.start < seg.end
    ]
    speaker = getattr(seg, "speaker", None)
    if not inside or any(t.speaker != speaker for t in inside) or inside[0].start <= seg.start:
        return ""
    gap = seg.text[: inside[0].start - seg.start]
    core = gap.strip()
    said = inside[0].speaker.strip()
    if not said or core[: len(said)].casefold() != said.casefold():
        return ""
    return "" if any(ch.isalnum() for ch in core[len(said) :]) else gap


def with_evidence(coded: Sequence[Quote]) -> list[Quote]:
    """The codings of ``coded`` that Table 2 and the suggested ratings count: all but the
    replies that only agree with a code the model is unsure of (:attr:`Quote.agrees_unsure`).

    Such a reply holds no evidence of its own, and its code is a guess at what it agrees to:
    it would add a participant to a side of Table 2 and turn their rating (a clear barrier to
    ``X``, mixed) with no quote behind it, as :func:`saturation` counts no code new on it. The
    framework matrix still charts it, marked, so the researcher can read the exchange;
    :func:`agreeing_left_out` says what was left out."""
    return [q for q in coded if not q.agrees_unsure]


def agreeing_left_out(coded: Sequence[Quote]) -> str:
    """The sentence saying which replies of ``coded`` :func:`with_evidence` leaves out of
    Table 2 and the suggested ratings, each participant with the codes: ``1 reply that only
    agrees, its code unsure (below 0.40), is left out of Table 2 and the suggested ratings:
    P12 (OS.B). The framework matrix charts it.``; empty when none is."""
    left = [q for q in coded if q.agrees_unsure]
    if not left:
        return ""
    codes: dict[str, dict[str, None]] = {}
    for q in left:
        codes.setdefault(q.who, {})[q.code_id] = None
    people = [f"{who} ({', '.join(codes[who])})" for who in sorted(codes, key=natural_key)]
    n = len({q.segment_id for q in left})
    one = n == 1
    return (
        f"{n} {'reply that only agrees' if one else 'replies that only agree'}, "
        f"{'its code' if one else 'their codes'} unsure (below {SURE_CODE:.2f}), "
        f"{'is' if one else 'are'} left out of Table 2 and the suggested ratings: "
        f"{first_and_count(people)}. The framework matrix charts {'it' if one else 'them'}."
    )


def _member_answered(result: CodingResult, groups: set[str]) -> Callable[[Segment], str]:
    """What :attr:`Quote.answers` holds for a segment: its context when that is the turn of
    another member of its group (:func:`~roqa_nlp.transcripts.segment.questions_before` gives
    a reply that only agrees with a member that member's turn), else ``""``: the interviewer's
    question is not echoed (a one-to-one's ``Exactly, it was the funding.`` after ``Was it the
    funding?`` is the participant's evidence). The context is a member's turn when it opens
    with the first segment of an earlier participant turn of another speaker."""
    from .transcripts.backchannels import only_agrees

    openings: dict[str, dict[int, tuple[str, str]]] = {}  # transcript -> turn -> speaker, text
    for s in result.segments:
        seg = s.segment
        if seg.transcript_id in groups and seg.role == "participant":
            turns = openings.setdefault(seg.transcript_id, {})
            turns.setdefault(seg.turn_index, (seg.speaker, seg.text.strip()))

    def answered(seg: Segment) -> str:
        context = seg.context
        if seg.transcript_id not in groups or not context:
            return ""
        if only_agrees(seg.text, group=True) or not only_agrees(seg.text, context, group=True):
            return ""  # agrees whatever it answers, or echoes nothing: no need to look
        turns = openings.get(seg.transcript_id, {})
        member = any(
            index < seg.turn_index
            and first
            and speaker != seg.speaker
            and context.startswith(first)
            for index, (speaker, first) in turns.items()
        )
        return context if member else ""

    return answered


def _participant_speakers(result: CodingResult) -> dict[str, dict[str, None]]:
    """Each transcript's participant speaker labels, in order of first segment."""
    speakers: dict[str, dict[str, None]] = {}
    for s in result.segments:
        seg = s.segment
        if seg.role == "participant" and seg.speaker:
            speakers.setdefault(seg.transcript_id, {})[seg.speaker] = None
    return speakers


def person_labels(result: CodingResult) -> dict[tuple[str, str], str]:
    """(transcript, speaker label) → the label its person is named by: the first of the labels
    one person speaks under (a Zoom rename, "Maria Okafor" then "Maria (iPhone)",
    :func:`~roqa_nlp.pseudonyms.people_named`), so a group's quotes cite and count them once."""
    from .pseudonyms import people_named

    return {
        (t, label): person[0]
        for t, labels in _participant_speakers(result).items()
        for person in people_named(labels)
        for label in person
    }


def clashing_speakers(
    result: CodingResult,
    groups: set[str] | None = None,
    named: Mapping[tuple[str, str], str] | None = None,
) -> set[str]:
    """The labels a group's speakers are cited by (:func:`person_labels`) that name different
    people: a label of speakers of two or more transcripts of several participants
    (:func:`group_transcripts`: an ``Anna`` or a ``Manager`` in each of two focus groups), or
    of one such speaker and another transcript's case. Table 2 counted them as one person, and
    cited them alike; each is counted and cited with its transcript (:attr:`Quote.person`). A
    participant number (``P03``: :func:`~roqa_nlp.transcripts.roles.study_id_number`) is one
    person wherever they speak; so is a study's own id (``RM10``:
    :func:`~roqa_nlp.transcripts.roles.study_id_label`) that is also another transcript's case
    (RM10 in a focus group and interviewed in rm10.txt), while a numbered role that no case bears
    (``HCP1`` in each of two focus groups, numbered afresh in each) names a person of each group
    (s53 code review, finding 1). An unknown speaker is no one: not among them."""
    from .transcripts.roles import UNKNOWN_SPEAKER, study_id_label, study_id_number

    groups = group_transcripts(result) if groups is None else groups
    named = person_labels(result) if named is None else named
    owners: dict[str, set[str]] = {}
    for t, labels in _participant_speakers(result).items():
        if t in groups:
            for label in labels:
                owners.setdefault(named.get((t, label), label), set()).add(t)
    for t in interview_order(result):
        if t not in groups and (case := result.participant_of(t)) in owners:
            owners[case].add(f"case {case}")

    def one_person(label: str, held: set[str]) -> bool:
        if study_id_number(label) is not None:
            return True
        return study_id_label(label) is not None and f"case {label}" in held

    return {
        label
        for label, held in owners.items()
        if len(held) > 1 and label != UNKNOWN_SPEAKER and not one_person(label, held)
    }


def group_transcripts(result: CodingResult) -> set[str]:
    """The transcripts in which two or more participants speak (a focus group, a joint
    interview): their quotes are each a speaker's, not the transcript's one case's. The
    speakers of each transcript's participant segments are weighed by
    :func:`~roqa_nlp.transcripts.roles.several_participants` (two or more numbered participants,
    ``P06`` and ``P07`` or a dyad's ``P05a`` and ``P05b``; two or more people named, whatever
    the case, one person under two labels counted once, as a pseudonym key gives them one
    pseudonym, and a pseudonym key gives two people named in a numbered case ``P04a`` and
    ``P04b``)."""
    from .transcripts.roles import several_participants

    return {
        t
        for t, labels in _participant_speakers(result).items()
        if several_participants(labels, result.participant_of(t))
    }


def group_participants(result: CodingResult) -> dict[str, list[str]]:
    """Each transcript of several participants (:func:`group_transcripts`: a joint interview's
    ``joint_p31_p32``) whose case is no study id while its participants speak under study ids
    (``P31:`` and ``P32:``; :func:`~roqa_nlp.transcripts.roles.study_id_number`, ``RM10``:
    :func:`~roqa_nlp.transcripts.roles.study_id_label`), with those ids as cited
    (:func:`person_labels`), in natural order: saturation's participant column shows them, and
    an interview order names the interview by them (session 72 tester, study2 D3, D5). Not a
    dyad whose case is an id already (``P05`` of ``P05a`` and ``P05b``), nor a group any of
    whose speakers is named or unknown (a focus group's ``Anna``): it stays its case."""
    from .transcripts.roles import is_unknown_speaker, study_id_label, study_id_number

    def an_id(label: str) -> bool:
        return study_id_number(label) is not None or study_id_label(label) is not None

    named = person_labels(result)
    groups = group_transcripts(result)
    out: dict[str, list[str]] = {}
    for t, labels in _participant_speakers(result).items():
        if t not in groups or an_id(result.participant_of(t)):
            continue
        who = [named.get((t, label), label) for label in labels]
        who = [w for w in dict.fromkeys(who) if not is_unknown_speaker(w)]
        if len(who) > 1 and all(an_id(w) for w in who):
            out[t] = sorted(who, key=natural_key)
    return out


def speakers_cited_by_name(result: CodingResult) -> dict[str, list[str]]:
    """Each transcript whose quotes Table 2 and the framework matrix cite by their speakers
    (:func:`group_transcripts`: a joint interview, a focus group) where those speakers are
    labelled by names (a Zoom call's ``Tom Okafor``, ``Anita Shah (she/her)``), with the labels
    cited, in order: the outputs name them. Not a study id or a role (``P13``, ``P05a``,
    ``RM07``, ``Speaker 2``), as a pseudonymised transcript's speakers are."""
    from .pseudonyms import label_names_a_person

    named = person_labels(result)
    groups = group_transcripts(result)
    cited: dict[str, list[str]] = {}
    for t, labels in _participant_speakers(result).items():
        if t not in groups:
            continue
        who = dict.fromkeys(named.get((t, label), label) for label in labels)
        by_name = [label for label in who if label_names_a_person(label)]
        if by_name:
            cited[t] = by_name
    return cited


def charted_top_k(result: CodingResult, top_k: int | None = None) -> int:
    """``top_k`` when given; else how many suggestions of a segment are charted as codes: every
    code a person gave a passage (codings reviewed with ``roqa apply-decisions``, imported from a
    QDA program, or hand-made with every probability 1), a model's top suggestion."""
    if top_k is not None:
        return top_k
    from .exchange.qdpx_export import person_of

    if person_of(result, "a coder") is None:
        return 1
    return max((len(s.suggestions) for s in result.segments), default=1) or 1


def _coded(
    result: CodingResult,
    top_k: int | None,
    min_probability: float,
    coded: Sequence[Quote] | None,
    codebook: Codebook | None = None,
) -> Sequence[Quote]:
    """``coded`` when the caller computed it (the report charts one result four ways), else
    :func:`coded_segments` of ``result``."""
    return (
        coded_segments(result, top_k=top_k, min_probability=min_probability, codebook=codebook)
        if coded is None
        else coded
    )


def _recorded(result: CodingResult) -> Codebook | None:
    """The built-in codebook ``result``'s run recorded, if any, else the project codebook the
    result carries (``result.codebook``)."""
    from .codebook import Codebook
    from .crosswalk import recorded_codebook

    name = recorded_codebook(result.meta) if isinstance(result.meta, dict) else None
    return result.codebook if name is None else Codebook.load(name)


def mixed_id_spellings(ids: Iterable[str]) -> list[list[str]]:
    """The ``ids`` numbered with leading zeros and those numbered with fewer digits, when both
    occur (``P03`` beside ``P1``, ``P2``): a study's case labels written two ways, which sort
    and read apart. Empty when every id is written one way (``P01`` ... ``P10``, or ``P1`` ...
    ``P10``). Only ids of one form are compared (``P04`` beside ``P5``; not ``RM07`` beside
    ``P5``, nor ``joint_RM08_RM09``, which no numbering of the ``P`` ids would change)."""
    forms: dict[str, dict[str, str]] = {}
    for i in ids:
        if m := re.search(r"\d+", i):
            forms.setdefault(re.sub(r"\d+", "#", i).casefold(), {})[i] = m.group()
    padded: set[str] = set()
    plain: set[str] = set()
    for numbered in forms.values():
        zeros = {i for i, n in numbered.items() if len(n) > 1 and n[0] == "0"}
        width = max((len(numbered[i]) for i in zeros), default=0)
        fewer = {i for i, n in numbered.items() if i not in zeros and len(n) < width}
        if zeros and fewer:
            padded |= zeros
            plain |= fewer
    if not (padded and plain):
        return []
    return [sorted(padded, key=natural_key), sorted(plain, key=natural_key)]


def mixed_ids_warning(ids: Iterable[str]) -> str | None:
    """One line when the cases ``ids`` are numbered two ways (:func:`mixed_id_spellings`:
    ``P03`` beside ``P4``), as ``roqa code``, ``roqa report`` and ``roqa inspect`` say it; else
    None. These are different participants (one number written two ways, ``P4`` and ``P04``,
    is one participant: :class:`~roqa_nlp.transcripts.roles.StudyCases`), whose cases sort
    apart; a speaker label names the case before the file's name does, so the fix is in the
    labels. One number as two cases (``P4``, ``P04``: codings made before they were tied) is
    said to be coded again, and so is one study id as two (``FG04``, ``FG4``); ids naming no
    participant (focus groups ``FG04``, ``FG5``) are said to be cases."""
    from .errors import first_few
    from .transcripts.roles import study_id_number

    mixed = mixed_id_spellings(ids)
    if not mixed:
        return None
    # one number as two cases (P04, P4): codings made before roqa tied them (huntids 3a)
    by_number: dict[str, list[str]] = {}
    for i in mixed[0] + mixed[1]:
        if (number := study_id_number(i)) is not None:
            by_number.setdefault(f"{int(number[1:])}", []).append(i)
    same = next(((n, two) for n, two in by_number.items() if len(two) > 1), None)
    if same is not None:
        return (
            f"participant {same[0]} is numbered two ways, {' and '.join(same[1])}, two cases in "
            "codings made before roqa read them as one participant: code the transcripts again "
            "to count them once (if they are different people, give each their own number)"
        )
    # one study id as two cases (FG04, FG4), which roqa now reads as one (StudyCases)
    by_id: dict[str, list[str]] = {}
    for i in mixed[0] + mixed[1]:
        by_id.setdefault(same_id(i), []).append(i)
    one = next((two for two in by_id.values() if len(two) > 1), None)
    if one is not None:
        return (
            f"{' and '.join(one)} are one id written two ways, two cases in codings made before "
            "roqa read them as one case: code the transcripts again to count them once (if they "
            "are different groups or people, give each their own number)"
        )
    if not by_number:  # focus groups, sites (FG04 beside FG5): no participant's number
        return (
            f"cases are numbered two ways, {first_few(mixed[0], 3)} beside "
            f"{first_few(mixed[1], 3)}: sorted apart in the matrix and tables; number them alike "
            "(in the file names) for one order"
        )
    return (
        f"participants are numbered two ways, {first_few(mixed[0], 3)} beside "
        f"{first_few(mixed[1], 3)}: different participants, sorted apart in the matrix and "
        "tables; number them alike (P03: or P3: in the transcripts, whose labels give the case "
        "before the file name does) for one order"
    )


def chart_codebook(
    codebook: Codebook | str | Path | None,
    result: CodingResult,
    *,
    required: bool = True,
    check: bool = True,
) -> Codebook | None:
    """The codebook to chart ``result`` with: ``codebook`` itself, loaded when it is a built-in
    id (``"cfir-2009"``) or a JSON file, or by default the one the result recorded (a built-in
    codebook, else the default one; ``None`` when not ``required``).

    Warns (:class:`~roqa_nlp.errors.RoqaWarning`) when the codebook may not be the one the
    result was coded with (:func:`~roqa_nlp.crosswalk.chart_mismatch`): another codebook's
    codes, or another version of its own, would be charted as "codes outside the codebook".
    Not when ``check`` is false: a caller that computed the charted quotes (``coded=``, as the
    report does) checked the codebook once already.
    """
    from .codebook import Codebook
    from .crosswalk import chart_mismatch, codebook_for
    from .errors import warn

    if codebook is None:
        if not required:
            return _recorded(result)
        book = codebook_for(None, result, result.source)
    else:
        book = codebook if isinstance(codebook, Codebook) else Codebook.load(codebook)
    if check and (why := chart_mismatch(book, result)) is not None:
        warn(why)
    return book


def in_recorded_chart(
    result: CodingResult, codebook: Codebook | str | Path | None
) -> tuple[CodingResult, Codebook | str | Path | None]:
    """``result`` and the codebook to chart it in, by default (``codebook`` not given) the one
    ``roqa code --codebook`` chose for the run (``run.json``'s ``chart_codebook``,
    :func:`~roqa_nlp.crosswalk.chart_codebook_for`), as ``roqa report`` and ``roqa export``
    chart it: a run coded in CFIR 2009 and charted in CFIR 2.0 is charted in CFIR 2.0, its
    codes translated (a model's as :func:`~roqa_nlp.crosswalk.chart_codings`, a person's as
    :func:`~roqa_nlp.crosswalk.chart_given`). Else ``result`` and ``codebook`` unchanged. The
    default of every charting function (Table 2, the framework matrix, saturation, ratings,
    the report): an explicit ``codebook`` wins. Hand-made codings that mix codebooks are a
    one-line error (:func:`~roqa_nlp.crosswalk.check_one_codebook`), as in ``roqa report``;
    so is a codebook, given or recorded, unrelated to the one the codings record
    (:func:`~roqa_nlp.crosswalk.refuse_unrelated_chart`, a ``ValueError`` too), in which every
    code would be charted as a code outside the codebook."""
    from .codebook import Codebook
    from .crosswalk import (
        chart_codebook_for,
        chart_codings,
        chart_given,
        check_one_codebook,
        recorded_chart,
        refuse_unrelated_chart,
    )

    if codebook is not None:
        given = codebook if isinstance(codebook, Codebook) else Codebook.load(codebook)
        refuse_unrelated_chart(given, result, given, result.source, option="codebook=")
        return result, given
    check_one_codebook(result)  # hand-made codings mixing codebooks: one error everywhere
    if recorded_chart(result.meta) is None:
        return result, codebook
    book, chosen = chart_codebook_for(None, result, result.source)
    refuse_unrelated_chart(book, result, None, result.source, option="codebook=")
    if chosen is None:  # the codings' own codebook
        return result, codebook
    from .exchange.qdpx_export import person_of

    if person_of(result, "a coder") is None:
        charted, _ = chart_codings(result, book, person=False)
        return charted, book
    charted, book, _ = chart_given(result, book)
    return charted, book


def most_representative(quotes: Iterable[Quote], n: int) -> list[Quote]:
    """The ``n`` quotes of a cell that show it best: the one rule by which Table 2's sides, the
    framework matrix's cells and the suggested ratings choose their quotes.

    Quotes are ranked by how sure the coding is of both the code and the valence
    (:attr:`Quote.cell_probability`), since every cell shows the side of what it quotes
    (``2 segments: 2 enablers``) and a quote is read as evidence of both; ties go in the order
    the tables list people and cases (:func:`quote_order`), not in the order the files were
    named on the command line (daily27, s90, D1: a review's quotes all tie at 1, and ``roqa
    code study/*.vtt study/*.docx`` quoted P07 where ``roqa code study/`` quoted P04); the
    best quote of each speaker is taken before any speaker's second, so a group's cell shows as
    many voices as it can. Words that only agree (:attr:`Quote.only_agrees`: ``Yeah. Yeah it
    was.``, ``Yeah, same here.``) are no evidence and are not taken while any other quote is
    there; when there is none, the surest of them is the one quote, which every table marks as
    :data:`NO_QUOTE` (the count still holds them all). Session 49: the matrix ranked by the
    code alone, so a joint interview's ``Five months. [laughs]`` (code 0.99, valence 0.47) was
    its cell's first quote and no quote of Table 2's row.
    """
    quotes = list(quotes)
    # each participant's and transcript's place in :func:`quote_order` worked out once, not
    # their natural keys once a quote and compared at each tie (hunt55, s90, L2: 20,000 tied
    # quotes took 727 ms): one quote of each pair is ordered, the rest take its place
    one_of = {(q.participant, q.transcript_id): q for q in quotes}
    place = {
        (q.participant, q.transcript_id): k
        for k, q in enumerate(sorted(one_of.values(), key=quote_order))
    }
    ranked = sorted(
        quotes, key=lambda q: (-q.cell_probability, place[q.participant, q.transcript_id])
    )
    said = [q for q in ranked if not q.only_agrees]
    ranked = said or ranked[:1]
    firsts: list[Quote] = []
    rest: list[Quote] = []
    seen: set[str] = set()
    for q in ranked:
        (rest if q.who in seen else firsts).append(q)
        seen.add(q.who)
    return (firsts + rest)[:n]


def quote_order(quote: Quote) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """Where ``quote`` goes among quotes equally sure (:func:`most_representative`): by its
    transcript's participant, then its transcript, each in natural order (:func:`natural_key`),
    as Table 2 lists its participants and the framework matrix its cases; one transcript's
    quotes keep their order in it (a stable sort: a group's speakers in the order they spoke),
    whatever order the files were named in."""
    return natural_key(quote.participant), natural_key(quote.transcript_id)


def _texts(value: object) -> list[str]:
    """A list of run metadata as texts; [] when it is no list."""
    return [str(v) for v in value] if isinstance(value, list) else []


class StudyOrder(NamedTuple):
    """The order the study's interviews are shown and judged in, no order given
    (:func:`interviews_in_study_order`)."""

    #: the result's transcript ids in that order
    transcripts: list[str]
    #: its review's ``study_interviews`` (those not reached yet among them) in that order
    study_interviews: list[str]


def interviews_in_study_order(result: CodingResult) -> StudyOrder:
    """The transcripts of ``result`` and its review's ``study_interviews`` in the order the
    study's interviews are shown and judged in, no order given: their participants' when the
    rule holds (:func:`participant_study_order`), else the order coded
    (:func:`interview_order`). Saturation's default order and the report's transcripts, its
    open-coding queue and its weakly coded list follow it: worked out once for a report and
    given to each (:func:`saturation`'s ``in_order``)."""
    taken = participant_study_order(result)
    if taken is not None:
        return StudyOrder(*taken)
    meta = result.meta if isinstance(result.meta, dict) else {}
    return StudyOrder(interview_order(result), _texts(meta.get(STUDY_INTERVIEWS)))


def study_order(result: CodingResult) -> list[str]:
    """Transcript ids in the order the study's interviews are shown and judged in, no order
    given (:func:`interviews_in_study_order`): their participants' when the rule holds, else
    the order coded (:func:`interview_order`). Saturation's default order and the report's
    transcripts follow it, as the framework matrix's and Table 2's participants are in natural
    order (study8 tester, s78, L5)."""
    return interviews_in_study_order(result).transcripts


def participant_study_order(result: CodingResult) -> tuple[list[str], list[str]] | None:
    """The transcripts of ``result`` (:func:`interview_order`) and its review's
    ``study_interviews`` (those not reached yet among them, by the participant the review
    recorded), each in their participants' order, when no order is given and every interview's
    participant is numbered alike (:func:`participant_ordered`: ``P01`` ... ``P13``), each
    participant's one transcript, no file name holds a date and no group speaks in one; None
    otherwise: the order they were coded in stands. A participant with two or more transcripts
    keeps it, whichever cases saturation counts (hunt5, s78, F3: waves ``T1_P01`` ...
    ``T1_P06``, ``T2_P01`` ... counted ``cases="transcript"`` were interleaved, a second wave
    months later judged second; one interview in two files, ``p04_part1``, ``p04_part2``, is
    one too). A group's transcript (:func:`group_transcripts`: two or more participants speak, a
    focus group whose members carry study ids, a joint interview ``joint_p31_p32``) keeps it:
    its members' ids, keyed after the highest taken, say nothing of when it met (hunt5, s78,
    F2: it was placed by its lowest member's id, last, though the docs promise that an id not
    a participant number keeps the order coded). A date in a name
    (:func:`~roqa_nlp.name_dates.date_spans`: ``2024-03-01_P05``) keeps it: year first, the
    names sort by date, and participant numbers given at recruitment or by a pseudonym key
    need not be the order the interviews were done in (hunt5, s78, F1: the P-numbers overruled
    the dates and flipped the verdicts). Saturation's default order and the report's
    transcripts both follow it: one function, so that a review's study holding a transcript
    not numbered, not reached yet, keeps both in the order coded (hunt5, s78, F4: the report's
    were by participant)."""
    from .name_dates import date_spans

    meta = result.meta if isinstance(result.meta, dict) else {}
    known = interview_order(result)
    study = _texts(meta.get(STUDY_INTERVIEWS))
    recorded = dict(zip(_texts(meta.get(NOT_REVIEWED)), _texts(meta.get(NOT_REVIEWED_CASES))))
    ids = [result.participant_of(t) for t in known]
    study_ids = [result.participant_of(t) if t in known else recorded.get(t, t) for t in study]
    if any(date_spans(t) for t in [*known, *study]) or group_transcripts(result):
        return None
    if len(set(ids)) < len(ids) or len(set(study_ids)) < len(study_ids):
        return None
    places = participant_ordered(ids)
    study_places = participant_ordered(study_ids) if study else []
    if places is None or study_places is None:
        return None
    return [known[k] for k in places], [study[k] for k in study_places]


def interview_order(result: CodingResult) -> list[str]:
    """Transcript ids in the order the result holds them (transcripts first, then segments)."""
    order = list(result.transcripts)
    seen = set(order)
    for s in result.segments:
        tid = s.segment.transcript_id
        if tid not in seen:
            seen.add(tid)
            order.append(tid)
    return order


def _case_of(result: CodingResult, transcript_id: str, cases: str) -> str:
    return result.participant_of(transcript_id) if cases == "participant" else transcript_id


def _check_cases(cases: str) -> None:
    if cases not in CASE_KINDS:
        raise RoqaValueError(
            f"unknown case kind {cases!r}", hint="use 'participant' or 'transcript'"
        )


def _code_names(result: CodingResult, codebook: Codebook | None) -> dict[str, str]:
    names: dict[str, str] = {}
    for s in result.segments:
        for g in s.suggestions:
            names.setdefault(g.code_id, g.name)
    if codebook is not None:
        for c in codebook:
            names[c.id] = c.name
    return names


# -- framework matrix -------------------------------------------------------------------------


@dataclass
class Cell:
    """One case x code cell of the framework matrix."""

    segments: int = 0
    barriers: int = 0
    enablers: int = 0
    neutral: int = 0
    quotes: list[Quote] = field(default_factory=list)
    #: of :attr:`neutral`, the segments a person gave no valence (imported codings, a
    #: review's new codes: :attr:`Quote.valence_not_given`)
    no_valence: int = 0

    def summary(self) -> str:
        """The charted text of the cell: segment count and its valences (``2 segments: 1
        barrier, 1 enabler``; a person's codes given no valence are not called neutral here, but
        ``1 segment: 1 given no valence``, alone or beside the others),
        then each quote with where it is and what is unsure about it
        (:attr:`Quote.cited_in_row`, as Table 2 marks it with a dagger or a double dagger; the
        row names the participant, a focus group's quote its speaker)."""
        if not self.segments:
            return ""
        sides = [
            f"{n} {name}{'s' * (n != 1 and name != 'neutral')}"
            for n, name in (
                (self.barriers, "barrier"),
                (self.enablers, "enabler"),
                (self.neutral - self.no_valence, "neutral"),
            )
            if n
        ]
        if self.no_valence:  # alone too: one form for every cell (study10 tester, s80 D4)
            sides.append(f"{self.no_valence} given no valence")
        count = f"{self.segments} segment{'s' if self.segments != 1 else ''}"
        parts = [q.cited_in_row for q in self.quotes]
        return " | ".join([f"{count}: {', '.join(sides)}" if sides else count, *parts])


@dataclass
class FrameworkMatrix:
    """Cases x codes: per cell, the number of segments and the most representative quote(s).

    ``cases`` are participants (``P01`` ...) or transcript ids, in natural order; ``codes`` are code
    ids, in codebook order when a codebook was given (all of its codable codes, so empty columns
    show what nobody talked about), otherwise the coded ids in natural order.
    """

    cases: list[str]
    codes: list[str]
    names: dict[str, str]
    cells: dict[tuple[str, str], Cell]
    case_kind: str = "participant"
    #: what the matrix charts, in one line (:func:`charted_note`, as Table 2 says it): the
    #: workbook's ``About`` sheet, the first line of the .csv
    note: str = ""
    #: each case whose coded talk is two or more participants' (a focus group, a joint
    #: interview), with the speakers it is charted from, in natural order (``P9`` before ``P10``,
    #: :func:`~roqa_nlp.transcripts.natural_key`; in the order of their first quote, a member whose
    #: first words were procedural talk came last: s64 Zoom focus-group tester, 2)
    several_speakers: dict[str, list[str]] = field(default_factory=dict)
    #: the codes these codings cannot carry (:func:`uncodable`: translated from a codebook none
    #: of whose codes maps onto them), with that codebook's id: their empty cells say so
    uncodable: list[str] = field(default_factory=list)
    uncodable_from: str = ""
    #: of those, the constructs some of whose sub-constructs the codings can carry (CFIR 2.0's
    #: Assessing Needs, External Pressure): their empty cells say the construct itself is not
    #: codable, beside its sub-constructs' coded cells (tester cfir2022, s59: "not codable"
    #: beside a coded Assessing Needs: Innovation Recipients read as the construct uncodable)
    uncodable_itself: list[str] = field(default_factory=list)
    #: each case that is a joint interview no study id names, whose participants speak under
    #: study ids (:func:`group_participants`: ``joint_p16_p17``, ``P16:`` and ``P17:``), with
    #: those ids: its row in the written matrix names them beside the case
    #: (:meth:`row_label`), as the saturation table's participant column and Table 2 name them
    case_participants: dict[str, list[str]] = field(default_factory=dict)

    def row_label(self, case: str) -> str:
        """The first cell of ``case``'s row in the written matrix (the wide .csv, the *Matrix*
        and *Counts* sheets, the report): its id, then a joint interview's participants
        (:attr:`case_participants`), ``joint_p16_p17 (P16, P17)``; the row stays the case's,
        in the order of the case ids (daily14 tester, s84, item 5)."""
        who = self.case_participants.get(case)
        return f"{case} ({', '.join(who)})" if who else case

    @property
    def speakers_note(self) -> str:
        """That a row is a case, not a person, naming the cases whose coded talk is several
        participants' (:attr:`several_speakers`), in one line; empty when there is none: the
        workbook's ``About`` sheet and the report say it below what is charted."""
        if not self.several_speakers:
            return ""
        held = "; ".join(
            f"{case} holds the coded talk of {len(who)} participants ({', '.join(who)})"
            for case, who in self.several_speakers.items()
        )
        return f"Each row is a case, not a person: {held}, each quote cited by its speaker"

    def cell(self, case: str, code_id: str) -> Cell:
        return self.cells.get((case, code_id), Cell())

    def count(self, case: str, code_id: str) -> int:
        return self.cell(case, code_id).segments

    def counts(self) -> list[list[int]]:
        """The segment counts as rows (cases) of columns (codes)."""
        return [[self.count(c, k) for k in self.codes] for c in self.cases]

    def column_label(self, code_id: str) -> str:
        from .codebook import named_code

        names = {k: self.names.get(k, "") for k in self.codes}
        return named_code(code_id, self.names.get(code_id, ""), names)

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_kind": self.case_kind,
            "cases": self.cases,
            "codes": [{"id": k, "name": self.names.get(k, k)} for k in self.codes],
            "cells": [
                {
                    "case": c,
                    "code_id": k,
                    "segments": cell.segments,
                    "barriers": cell.barriers,
                    "enablers": cell.enablers,
                    "neutral": cell.neutral,
                    "quotes": [q.to_dict() for q in cell.quotes],
                }
                for (c, k), cell in sorted(
                    self.cells.items(),
                    key=lambda kv: (self.cases.index(kv[0][0]), self.codes.index(kv[0][1])),
                )
            ],
        }

    def wide_rows(self) -> list[list[str]]:
        """Header + one row per case; each cell is its charted summary (empty when not coded;
        of a code these codings cannot carry, :attr:`uncodable`, "not codable from ...")."""
        rows = [[self.case_kind, *[self.column_label(k) for k in self.codes]]]
        never, itself = set(self.uncodable), set(self.uncodable_itself)
        blank = NOT_CODABLE.format(source=self.uncodable_from)
        parent = NOT_CODABLE_ITSELF.format(source=self.uncodable_from)
        for c in self.cases:
            cells = [self.cell(c, k).summary() for k in self.codes]
            cells = [
                x or (parent if k in itself else blank if k in never else "")
                for x, k in zip(cells, self.codes)
            ]
            rows.append([self.row_label(c), *cells])
        return rows

    def long_rows(self) -> list[list[Any]]:
        """Header + one row per quote of every non-empty cell (tidy data for R or pandas), with
        who said it (:attr:`Quote.who`: a focus group's speaker, else the case's participant),
        its probabilities and what is unsure about it (:attr:`Quote.unsure`)."""
        rows: list[list[Any]] = [list(MATRIX_LONG_COLUMNS)]
        for c in self.cases:
            for k in self.codes:
                cell = self.cell(c, k)
                if not cell.segments:
                    continue
                base = [c, k, self.names.get(k, k), cell.segments]
                base += [cell.barriers, cell.enablers, cell.neutral]
                if not cell.quotes:
                    rows.append(base + [""] * 11)
                for rank, q in enumerate(cell.quotes, 1):
                    vp = q.valence_probability
                    rows.append(
                        base
                        + [rank, q.written, q.transcript_id, q.who, q.segment_id, q.start, q.end]
                        + [round(q.probability, 4), q.valence]
                        + ["" if vp is None else round(vp, 4), q.marks]
                    )
        return rows

    @overload
    def to_csv(self, path: None = None, *, layout: Literal["wide", "long"] = "wide") -> str: ...

    @overload
    def to_csv(self, path: str | Path, *, layout: Literal["wide", "long"] = "wide") -> None: ...

    def to_csv(
        self, path: str | Path | None = None, *, layout: Literal["wide", "long"] = "wide"
    ) -> str | None:
        """Write the matrix as CSV: ``wide`` (cases x codes, as charted) or ``long`` (one row per
        quote), the column names on the first line as programs read a .csv (what it charts,
        :attr:`note`, is on the workbook's ``About`` sheet). Text cells that a spreadsheet would
        run as a formula are prefixed with ``'``. Without a ``path``, returns the CSV text (the
        file's but for its byte-order mark), as :meth:`CodingResult.to_csv` does."""
        if layout not in ("wide", "long"):
            raise RoqaValueError(f"unknown CSV layout {layout!r}", hint="use 'wide' or 'long'")
        rows = self.wide_rows() if layout == "wide" else self.long_rows()
        return _csv_written(path, rows)

    def to_xlsx(self, path: str | Path) -> None:
        """Write an Excel workbook: ``Matrix`` (charted text), ``Counts``, ``Quotes`` (long) and
        ``About`` (:attr:`note`, what it charts, as Table 2's workbook, and
        :attr:`speakers_note`, the cases of several participants)."""
        counts: list[list[Any]] = [[self.case_kind, *map(self.column_label, self.codes)]]
        counts += [
            [self.row_label(c), *row] for c, row in zip(self.cases, self.counts(), strict=True)
        ]
        write_xlsx(
            path,
            [
                ("Matrix", self.wide_rows(), 45, True),
                ("Counts", counts, 14, False),
                ("Quotes", self.long_rows(), 16, False),
                *about_sheet(self.note, self.speakers_note),
            ],
        )
        record_written(path)

    def __repr__(self) -> str:
        filled = sum(1 for cell in self.cells.values() if cell.segments)
        return (
            f"FrameworkMatrix({len(self.cases)} {self.case_kind}s x {len(self.codes)} codes, "
            f"{filled} cells charted)"
        )


#: An empty cell of the framework matrix under a code the codings cannot carry (translated from
#: ``source``, none of whose codes maps onto it): not "nobody talked about it"
NOT_CODABLE = "not codable from {source}: no {source} code maps onto it"
#: ... of such a code that is a construct some of whose sub-constructs the codings can carry
NOT_CODABLE_ITSELF = (
    "not codable from {source} as the construct itself (no {source} code maps onto it): "
    "its sub-constructs are, in their own columns"
)


#: the header of the ``About`` sheet of every charted workbook (Table 2, the framework matrix,
#: saturation), above :func:`charted_note`
ABOUT = "what this table charts"


def about_sheet(note: str, *more: str) -> list[tuple[str, list[list[Any]], float, bool]]:
    """The ``About`` sheet of a charted workbook, holding ``note`` (what it charts: whose codes,
    :func:`charted_note`), then each of ``more`` not empty, a line each; none when ``note`` is
    empty."""
    lines = [[line] for line in more if line]
    return [("About", [[ABOUT], [note], *lines], 120, True)] if note else []


#: where the whole text of a cell too long for Excel is, unless a sheet is given another place
#: (:func:`write_xlsx`): each table of a workbook is written as CSV too, with the same rows
WHOLE_IN_CSV = "the .csv of this table"


def write_xlsx(
    path: str | Path,
    sheets: Sequence[tuple[str, list[list[Any]], float, bool]],
    *,
    whole: Mapping[str, str] | None = None,
) -> None:
    """Write an Excel workbook atomically, one sheet per ``(title, rows, column width, wrap)``:
    the first row bold and frozen, text never read as a formula, a text too long for a cell cut
    visibly (:func:`~roqa_nlp.io.xlsx_cell`), saying where it is whole: ``whole`` by sheet
    title, else :data:`WHOLE_IN_CSV`."""
    from .io import check_format, xlsx_cell

    check_format(path, "Excel", "to_xlsx")
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    def put(ws: Worksheet, r: int, c: int, value: Any) -> None:
        cell = ws.cell(row=r, column=c)
        if isinstance(value, str):
            # openpyxl refuses what XML cannot hold, and keeps a long text's start unsaid
            cell.value = xlsx_cell(xml_text(value), (whole or {}).get(ws.title, WHOLE_IN_CSV))
            cell.data_type = "s"  # never a formula, whatever the transcript says
        else:
            cell.value = value

    def sheet(ws: Worksheet, rows: list[list[Any]], width: float, wrap: bool) -> None:
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                put(ws, r, c, value)
                if wrap:
                    ws.cell(row=r, column=c).alignment = Alignment(wrap_text=True, vertical="top")
        for c in range(1, len(rows[0]) + 1):
            ws.cell(row=1, column=c).font = Font(bold=True)
            ws.column_dimensions[get_column_letter(c)].width = 12 if c == 1 else width
        ws.freeze_panes = "B2"

    wb = Workbook()
    first = wb.active
    assert first is not None
    for n, (title, rows, width, wrap) in enumerate(sheets):
        ws = first if n == 0 else wb.create_sheet(title)
        ws.title = title
        sheet(ws, rows, width, wrap)
    with atomic_open(path, "wb") as fh:
        wb.save(fh)


def framework_matrix(
    result: CodingResult,
    cases: CaseKind = "participant",
    *,
    top_k: int | None = None,
    min_probability: float = 0.0,
    quotes: int = 1,
    codebook: Codebook | str | Path | None = None,
    coded: Sequence[Quote] | None = None,
) -> FrameworkMatrix:
    """Chart a coding result into the Framework Approach matrix (cases x codes) [1]_ [2]_.

    Parameters
    ----------
    result : the coding result (machine suggestions, human codings or both).
    cases : ``"participant"`` (rows are ``result.participant_of(transcript)``) or ``"transcript"``.
    top_k, min_probability : which suggestions count as codes (see :func:`coded_segments`).
    quotes : how many representative quotes each cell keeps, chosen as Table 2 chooses them
        (:func:`most_representative`), so a reader sees the clearest instance of the code first.
    codebook : when given (a :class:`~roqa_nlp.codebook.Codebook`, a built-in id such as
        ``"cfir-2009"`` or a codebook JSON file), the columns are all its codable codes in
        codebook order; when not, the codes used, in the order of the codebook the result
        records (else the default one), as :func:`barriers_enablers` orders its domains, and
        codes it does not know after them. ``roqa report --matrix`` writes
        ``framework_matrix(result, codebook=<the result's codebook>, quotes=2)``.
    coded : :func:`coded_segments` of ``result`` with these ``top_k`` and ``min_probability``,
        when the caller already has them (the other charting functions take it too).

    Every transcript of the result is a case, even one with no coded segment (an empty row is
    information too).
    """
    result = as_result(result, "framework_matrix")
    _check_cases(cases)
    check_quotes(quotes)
    given = codebook is not None
    if coded is None:  # by default charted as `roqa code --codebook` chose (the codes used)
        result, codebook = in_recorded_chart(result, codebook)
    book = None if codebook is None else chart_codebook(codebook, result, check=coded is None)
    coded = _coded(result, top_k, min_probability, coded, book)
    case_ids = {_case_of(result, tid, cases) for tid in interview_order(result)}
    by_cell: dict[tuple[str, str], list[Quote]] = {}
    speakers: dict[str, dict[str, None]] = {}
    for q in coded:
        case = q.participant if cases == "participant" else q.transcript_id
        by_cell.setdefault((case, q.code_id), []).append(q)
        if q.speaker:  # a group's member (a focus group, a joint interview)
            speakers.setdefault(case, {})[q.speaker] = None
    used = {k for _, k in by_cell}
    if book is not None and given:
        codes = [c.id for c in book.codable]
        codes += sorted(used - set(codes), key=natural_key)
    else:  # the codes used, in the order of the codebook charted (the result's), as Table 2's
        try:
            order_book = book or chart_codebook(None, result, check=False)
        except RoqaError:  # codings recording a codebook not found here: the codes' own order
            order_book = None
        order = {c.id: i for i, c in enumerate(order_book.codes)} if order_book else {}
        codes = sorted(used & set(order), key=order.__getitem__)
        codes += sorted(used - set(order), key=natural_key)
    cells: dict[tuple[str, str], Cell] = {}
    for key, qs in by_cell.items():
        cells[key] = Cell(
            segments=len({q.segment_id for q in qs}),
            barriers=sum(q.valence == "barrier" for q in qs),
            enablers=sum(q.valence == "enabler" for q in qs),
            neutral=sum(q.valence == "neutral" for q in qs),
            quotes=most_representative(qs, quotes),
            no_valence=sum(q.valence == "neutral" and q.valence_not_given for q in qs),
        )
    walk = _walk(result)
    never = uncodable(walk, book) if walk else []
    # a joint interview's participants (joint_p16_p17: P16, P17), as saturation names them
    members: dict[str, dict[str, None]] = {}
    for t, ids in group_participants(result).items():
        members.setdefault(_case_of(result, t, cases), {}).update(dict.fromkeys(ids))
    return FrameworkMatrix(
        cases=sorted(case_ids, key=natural_key),
        codes=codes,
        names=_code_names(result, book),
        cells=cells,
        case_kind=cases,
        note=charted_note(result, book, coded, top_k=top_k, min_probability=min_probability),
        uncodable=never,
        uncodable_from=str(walk.get("from", "")) if walk else "",
        uncodable_itself=[
            k
            for k in never
            if book is not None
            and any(c.parent == k and c.codable and c.id not in never for c in book.codes)
        ],
        several_speakers={
            case: sorted(who, key=natural_key)
            for case in sorted(speakers, key=natural_key)
            if len(who := speakers[case]) > 1
        },
        case_participants={
            case: sorted(ids, key=natural_key) for case, ids in members.items() if case in case_ids
        },
    )


# -- barriers and enablers (the seed paper's Table 2) -----------------------------------------


@dataclass
class Side:
    """The barrier, enabler or neutral side of one construct: who said it and how."""

    valence: str
    segments: int = 0
    participants: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: the participants counted only on unsure codes: every segment of theirs on this side is
    #: "code unsure" (:attr:`Quote.unsure`), e.g. small talk coded at p = 0.11
    unsure_participants: list[str] = field(default_factory=list)
    #: the participants counted only on unsure valences: every segment of theirs on this side
    #: is "valence unsure" (:attr:`Quote.valence_unsure`), e.g. a negated barrier read as an
    #: enabler at p = 0.46; a valence the reviewer set is never unsure
    valence_unsure_participants: list[str] = field(default_factory=list)
    #: whether a participant is marked valence unsure for the model's guess on a person's new
    #: code (:attr:`Quote.valence_guessed`), which the Word table's legend then says
    valence_guessed: bool = False

    def __bool__(self) -> bool:
        return self.segments > 0

    def participant_list(self, marks: tuple[str, str] | None = None) -> str:
        """Who said it, each participant counted only on unsure codes
        (:attr:`unsure_participants`) or only on unsure valences
        (:attr:`valence_unsure_participants`) marked: in words by default, ``P09, P10 (code
        unsure), P11 (valence unsure)``, as the .csv/.xlsx table and the report list them, or
        with ``marks`` (the code's, the valence's) right after the name, ``P09, P10\u2020,
        P11\u2021`` in the Word table. A participant count is the seed study's measure of how
        widely a finding was shared, so one resting on a doubtful code, or on a doubtful side,
        is said to."""
        code, valence = set(self.unsure_participants), set(self.valence_unsure_participants)
        listed = []
        for p in self.participants:
            kinds = [(CODE_UNSURE, p in code), (VALENCE_UNSURE, p in valence)]
            if marks is None:
                words = ", ".join(word for word, on in kinds if on)
                listed.append(f"{p} ({words})" if words else p)
            else:
                listed.append(p + "".join(m for m, (_, on) in zip(marks, kinds, strict=True) if on))
        return ", ".join(listed)

    def __repr__(self) -> str:
        who = f" from {', '.join(self.participants)}" if self.participants else ""
        return f"Side({self.valence}: {self.segments} segments{who}; {len(self.quotes)} quotes)"

    def to_dict(self) -> dict[str, Any]:
        return {
            "segments": self.segments,
            "participants": self.participants,
            "unsure_participants": self.unsure_participants,
            "valence_unsure_participants": self.valence_unsure_participants,
            "quotes": [q.to_dict() for q in self.quotes],
        }


@dataclass
class ConstructRow:
    """One construct of the barriers/enablers table with its three sides."""

    code_id: str
    name: str
    barriers: Side
    enablers: Side
    neutral: Side
    #: the name of the construct a sub-construct belongs to (Implementation Climate for Tension
    #: for Change), else None
    parent: str | None = None

    def __repr__(self) -> str:
        def side(name: str, s: Side, unit: str = "") -> str:
            who = f" ({', '.join(s.participants)})" if s.participants else ""
            return f"{name} {s.segments}{unit}{who}"

        return (
            f"ConstructRow({self.code_id} {self.name!r}: "
            f"{side('barriers', self.barriers, ' segments')}, {side('enablers', self.enablers)}, "
            f"{side('neutral', self.neutral)})"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "code_id": self.code_id,
            "name": self.name,
            "parent": self.parent,
            "barriers": self.barriers.to_dict(),
            "enablers": self.enablers.to_dict(),
            "neutral": self.neutral.to_dict(),
        }


@dataclass
class DomainRow:
    """One CFIR domain of the barriers/enablers table and the constructs coded under it."""

    id: str
    name: str
    constructs: list[ConstructRow]

    def __repr__(self) -> str:
        n = len(self.constructs)
        ids = ", ".join(c.code_id for c in self.constructs[:6]) + (" ..." if n > 6 else "")
        return f"DomainRow({self.id} {self.name!r}: {n} construct{'' if n == 1 else 's'}: {ids})"

    @property
    def has_barriers(self) -> bool:
        return any(c.barriers for c in self.constructs)

    @property
    def has_enablers(self) -> bool:
        return any(c.enablers for c in self.constructs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "constructs": [c.to_dict() for c in self.constructs],
        }


@dataclass
class BarriersEnablers:
    """The barriers/enablers summary: domain -> construct -> barriers / enablers / neutral."""

    domains: list[DomainRow]
    #: segments with a neutral coding, each counted once (a segment charted with two codes has
    #: a neutral side under both constructs)
    neutral_segments: int = 0
    #: what the table charts, in one line (:func:`charted_note`): the Word table has it under its
    #: caption and the workbook on its ``About`` sheet
    note: str = ""
    #: what a row is called in words (the Word table's note): ``construct`` in a CFIR codebook,
    #: ``code`` in another (a project's own codebook has codes, not CFIR's constructs)
    unit: str = "construct"
    #: the segments left out of its columns because their code maps only onto codes of the
    #: other side, in a sentence (:func:`~roqa_nlp.crosswalk.other_side_sentence`; also in
    #: :attr:`note`): the report shows it by the table, ``roqa report --table X.csv`` prints it
    other_side: str = ""
    #: the replies that only agree left out of its columns, their code unsure, in a sentence
    #: (:func:`agreeing_left_out`; also in :attr:`note`): the report shows it by the table,
    #: ``roqa report --table X.csv`` prints it
    agreeing: str = ""
    #: the codings left out of its columns in a codebook whose codes carry a side, each named
    #: with why, to check (:func:`table2_checks`, :func:`checks_sentence`; also in :attr:`note`):
    #: the report shows it by the table, ``roqa report --table X.csv`` prints it
    check: str = ""
    #: the codes no code of the codings' own codebook maps onto, as :func:`uncodable_parts`
    #: gives them: the Word table's caption counts them, a note below the table names them
    uncodable: tuple[str, str, str] | None = None

    def domain(self, domain_id: str) -> DomainRow | None:
        return next((d for d in self.domains if d.id == domain_id), None)

    def construct(self, code_id: str) -> ConstructRow | None:
        for d in self.domains:
            for c in d.constructs:
                if c.code_id == code_id:
                    return c
        return None

    def to_dict(self) -> dict[str, Any]:
        return {"domains": [d.to_dict() for d in self.domains]}

    def rows(self) -> list[list[Any]]:
        """Header + one row per construct, as the seed study's Table 2: domain, construct, then
        per side (barriers, enablers) the segments, the participants (``P10 (code unsure)``
        or ``P11 (valence unsure)`` where all of theirs are: :meth:`Side.participant_list`) and the quotes (each
        ``"text" [P01, transcript:start-end]``, with ``code unsure (0.15)`` or ``valence unsure
        (0.48)`` where the Word table marks it: :attr:`Quote.cited`; joined by `` | ``), then the
        neutral segments."""
        # the row column headed as the report heads it: "code" in a project's own codebook
        rows: list[list[Any]] = [[self.unit if c == "construct" else c for c in TABLE2_COLUMNS]]
        for d in self.domains:
            for c in d.constructs:
                row: list[Any] = [d.id, d.name, c.code_id, c.name]
                for side in (c.barriers, c.enablers):
                    quotes = " | ".join(q.cited for q in side.quotes)
                    row += [side.segments, side.participant_list(), quotes]
                rows.append([*row, c.neutral.segments])
        return rows

    @overload
    def to_csv(self, path: None = None) -> str: ...

    @overload
    def to_csv(self, path: str | Path) -> None: ...

    def to_csv(self, path: str | Path | None = None) -> str | None:
        """Write :meth:`rows` as CSV (UTF-8 with a byte-order mark for Excel; text a spreadsheet
        would run as a formula is prefixed with ``'``), the column names on the first line
        (what it charts, :attr:`note`, is on the workbook's ``About`` sheet). Without a
        ``path``, returns the CSV text, as :meth:`CodingResult.to_csv` does."""
        return _csv_written(path, self.rows())

    def to_xlsx(self, path: str | Path, *, note: str | None = None) -> None:
        """Write :meth:`rows` as an Excel workbook, sheet ``Barriers and enablers``, and a second
        sheet, ``About``, holding ``note`` (default: :attr:`note`, what the table charts)."""
        note = self.note if note is None else note
        write_xlsx(path, [("Barriers and enablers", self.rows(), 30, True), *about_sheet(note)])
        record_written(path)

    def to_docx(
        self,
        path: str | Path,
        *,
        title: str | None = None,
        note: str | None = None,
        quotes: int = 1,
        cite: str = "participant",
    ) -> None:
        """Write the table as a Word document laid out as the seed study's Table 2 (*Barriers* |
        *Enablers*, a row per domain, a bullet per construct with its participants and its
        ``quotes`` most representative quotes, cited by participant, ``(P04)``, or with
        ``cite="place"`` also where they are; ``note``, default :attr:`note`, goes under the
        caption): see :func:`roqa_nlp.framework_docx.write_table2_docx`."""
        from .framework_docx import write_table2_docx

        note = self.note if note is None else note
        write_table2_docx(self, path, title=title, note=note, quotes=quotes, cite=cite)
        record_written(path)

    def __repr__(self) -> str:
        constructs = [c for d in self.domains for c in d.constructs]
        return (
            f"BarriersEnablers({len(self.domains)} domains, {len(constructs)} constructs: "
            f"{sum(bool(c.barriers) for c in constructs)} with barriers, "
            f"{sum(bool(c.enablers) for c in constructs)} with enablers)"
        )


#: The ids of Table 2's domain rows of codes under no domain of the codebook: codes it does not
#: know, its codes under no domain (all of a flat codebook's codes), and the project's new codes
#: (made from new-code decisions, whether the codebook holds them or not); their headings are
#: data (:func:`domain_heading`). Each is a value, so that a table's rows filter by domain
#: (tester cfir2022, s59: an empty domain_id)
OTHER_DOMAIN = "outside"
NO_DOMAIN = "-"
NEW_CODES_DOMAIN = "project"


@cache
def domain_heading(kind: str) -> str:
    """The heading of Table 2's row of codes under no domain of the codebook, ``kind`` being
    ``new_codes``, ``no_domain`` or ``outside_codebook`` (``roqa_nlp/data/chart_headings.json``):
    ``New codes (open coding and review)`` for the project's new codes."""
    from .io import packaged_json

    return str(packaged_json("chart_headings.json")["headings"][kind])


def _beside_the_codebook(codebook: Codebook, code_id: str) -> bool:
    """Whether ``code_id`` is a code a project codebook (``cfir-2009+project``) holds beside the
    built-in codebook's that is no new code of the project (``project.<name>``): a QDA
    program's own code, as ``roqa import`` keeps it (its GUID as id). Table 2 charts it under
    ``"outside"``, as it charts such a code in a codebook lacking it, not under ``"-"``, the
    codebook's own codes under no domain (exchange tester, s61)."""
    from .codebook import BUILTIN, builtin_codebook
    from .crosswalk import PROJECT_SUFFIX

    base = codebook.id.removesuffix(PROJECT_SUFFIX)
    return base != codebook.id and base in BUILTIN and not builtin_codebook(base).has_id(code_id)


def check_quotes(quotes: object) -> None:
    """A one-line error unless ``quotes`` (how many quotes to show) is a whole number >= 0."""
    if isinstance(quotes, bool) or not isinstance(quotes, int) or quotes < 0:
        whole = not isinstance(quotes, bool) and isinstance(quotes, int)
        error = RoqaValueError if whole else RoqaTypeError
        raise error(f"quotes must be a whole number of 0 or more, got {quotes!r}")


def barriers_enablers(
    result: CodingResult,
    codebook: Codebook | str | Path | None = None,
    *,
    top_k: int | None = None,
    min_probability: float = 0.0,
    quotes: int = 2,
    coded: Sequence[Quote] | None = None,
) -> BarriersEnablers:
    """Summarise barriers and enablers by CFIR domain and construct (Table 2 of the seed study).

    Each coded segment goes to its code's domain and, by the valence of its suggestion, to the
    construct's barriers, enablers or neutral side. Each side lists the participants it came from
    (natural order) and up to ``quotes`` representative quotes, the surest of their code and
    valence first (probability of the code times that of the valence:
    :attr:`Quote.cell_probability`; ties by participant: :func:`quote_order`), each
    participant's surest before any participant's second, so the row shows as many voices as
    possible. Domains and constructs follow codebook order and only appear when something was
    coded under them; the codebook's codes under no domain (every code of a flat codebook) are
    listed under ``"-"`` ``Codes`` after them, the project's new codes (``project.<name>``,
    known to the codebook or not) under ``"project"`` ``New codes (open coding and review)``,
    and other codes the codebook does not know under a last domain ``"outside"`` ``Codes
    outside the codebook``.

    ``codebook`` is a :class:`~roqa_nlp.codebook.Codebook`, a built-in id or a JSON file (default:
    the one the result recorded). ``top_k`` and ``min_probability`` choose which suggestions
    count as codes (see :func:`coded_segments`). A reply that only agrees, its code unsure, adds
    no participant or side (:func:`with_evidence`); the :attr:`~BarriersEnablers.note` says which
    were left out.
    """
    result = as_result(result, "barriers_enablers")
    check_quotes(quotes)
    from .transcripts.roles import UNKNOWN_SPEAKER

    if coded is None:
        result, codebook = in_recorded_chart(result, codebook)
    book = chart_codebook(codebook, result, check=coded is None)
    assert book is not None
    codebook = book
    coded = _coded(result, top_k, min_probability, coded, book)
    # a barrier or enabler charted under codes of the other side only (crosswalk.top_other_side)
    # is in the matrix and the review, never in a column of Table 2
    other_side = set(other_side_ids(result))
    left_out = {q.segment_id for q in coded if q.segment_id in other_side}
    coded = [q for q in coded if q.segment_id not in left_out]
    # in a codebook whose codes carry a side, a coding whose row its quote would contradict
    checks = table2_checks(result, coded, codebook)
    coded = [q for q in coded if (q.segment_id, q.code_id) not in checks]
    agreeing = agreeing_left_out(coded)
    charted = coded
    coded = with_evidence(coded)
    by_code: dict[str, list[Quote]] = {}
    for q in coded:
        by_code.setdefault(q.code_id, []).append(q)
    order = {c.id: i for i, c in enumerate(codebook.codes)}
    known = sorted((k for k in by_code if codebook.find(k)), key=lambda k: order[codebook[k].id])
    unknown = sorted((k for k in by_code if not codebook.find(k)), key=natural_key)

    def side(valence: str, qs: list[Quote]) -> Side:
        mine = [q for q in qs if q.valence == valence]
        # an unknown speaker of a group is no one to count
        who = {q.who for q in mine if q.who != UNKNOWN_SPEAKER}
        sure = {q.who for q in mine if q.sure_probability >= SURE_CODE}
        sided = {q.who for q in mine if not q.valence_unsure}
        return Side(
            valence=valence,
            segments=len({q.segment_id for q in mine}),
            participants=sorted(who, key=natural_key),
            quotes=most_representative(mine, quotes),
            unsure_participants=sorted(who - sure, key=natural_key),
            valence_unsure_participants=sorted(who - sided, key=natural_key),
            valence_guessed=any(q.valence_guessed for q in mine if q.who not in sided),
        )

    def row(code_id: str, name: str, parent: str | None = None) -> ConstructRow:
        qs = by_code[code_id]
        return ConstructRow(
            code_id, name, side("barrier", qs), side("enabler", qs), side("neutral", qs), parent
        )

    from .decisions import PROJECT_PREFIX

    domains: dict[str, DomainRow] = {}
    for k in known:
        code = codebook[k]
        dom = codebook.domain_of(code.id)
        if dom is not None:
            did, dname = dom.id, dom.name
        elif code.id.startswith(PROJECT_PREFIX):
            did, dname = NEW_CODES_DOMAIN, domain_heading("new_codes")
        elif _beside_the_codebook(codebook, code.id):
            did, dname = OTHER_DOMAIN, domain_heading("outside_codebook")
        else:
            did, dname = NO_DOMAIN, domain_heading("no_domain")
        up = codebook.find(code.parent) if code.parent else None
        parent = up.name if up is not None and up.level != "domain" else None
        domains.setdefault(did, DomainRow(did, dname, [])).constructs.append(
            row(k, code.name, parent)
        )
    names = _code_names(result, None)
    for k in unknown:
        # a new code of the project's own is one wherever it is charted: in a codebook lacking
        # it (a retrained model's run charted in CFIR 2.0) as in one holding it (a review's)
        if k.startswith(PROJECT_PREFIX):
            did, dname = NEW_CODES_DOMAIN, domain_heading("new_codes")
        else:
            did, dname = OTHER_DOMAIN, domain_heading("outside_codebook")
        domains.setdefault(did, DomainRow(did, dname, [])).constructs.append(
            row(k, names.get(k, k))
        )
    dom_order = {d.id: i for i, d in enumerate(codebook.domains)}
    dom_order.setdefault(NEW_CODES_DOMAIN, len(dom_order))
    dom_order.setdefault(NO_DOMAIN, len(dom_order))
    ordered = sorted(domains.values(), key=lambda d: dom_order.get(d.id, len(dom_order)))
    neutral = len({q.segment_id for q in coded if q.valence == "neutral"})
    from .crosswalk import SIDES

    note = charted_note(
        result,
        codebook,
        charted,
        top_k=top_k,
        min_probability=min_probability,
        left_out=left_out,
        shows_valence=SIDES,
        checks=checks,
    )
    from .crosswalk import other_side_sentence

    sided = other_side_sentence(len(left_out), codebook.id)
    check = checks_sentence(checks)
    note = f"{note} {agreeing}" if agreeing else note
    never = uncodable_parts(_walk(result), codebook)
    return BarriersEnablers(
        ordered, neutral, note, row_unit(codebook), sided, agreeing, check, never
    )


def row_unit(codebook: Codebook) -> str:
    """What a row of Table 2 charted in ``codebook`` is called: ``construct`` in a CFIR codebook
    (a built-in one or a project codebook extending it, ``cfir-...``, or one whose codable codes
    are all CFIR codes, ids and names), ``code`` in a codebook of a project's own."""
    from .codebook import builtin_codebook
    from .codebooks import BUILTIN

    if codebook.id.startswith("cfir"):
        return "construct"
    cfir = [builtin_codebook(b) for b in BUILTIN if b.startswith("cfir")]
    codable = codebook.codable
    if codable and any(
        all(
            (k := book.find(c.id)) is not None and (k.id, k.name) == (c.id, c.name) for c in codable
        )
        for book in cfir
    ):
        return "construct"
    return "code"


class ReviewScope(NamedTuple):
    """What a review (``roqa apply-decisions``) had to decide, as its meta records it
    (:data:`REVIEW_SCOPE`)."""

    #: the reviewable participant segments of the transcripts it reached
    reviewable: int
    #: what was set aside there (``"20 procedural set aside"``, ``"5 procedural set aside and 3
    #: set aside as off-topic"``, empty when nothing was)
    aside: str
    #: the reviewable participant segments of the transcripts it did not reach
    not_reviewed: int


def review_scope(meta: Mapping[str, Any]) -> ReviewScope | None:
    """What a review (``roqa apply-decisions``) had to decide, as its meta records it
    (:data:`REVIEW_SCOPE`): the reviewable participant segments of the transcripts it reached
    and what was set aside there, and the reviewable segments of the transcripts it did not
    reach (counted apart, as transcripts not reviewed yet, not as undecided segments); None
    when not recorded (imported codings, a review written before it was). A review recorded
    before the transcripts not reached were counted apart counts them all as reached."""
    scope = meta.get(REVIEW_SCOPE)
    if not isinstance(scope, Mapping):
        return None
    keys = ("participant_segments", "procedural", "small_talk")
    try:
        n, p, t = (int(scope.get(k, 0)) for k in keys)
        away_n, away_p, away_t = (
            int(scope.get(f"not_reviewed_{k}", 0)) for k in ("segments", *keys[1:])
        )
    except (TypeError, ValueError):
        return None
    from .open_coding import OFF_TOPIC

    p, t = p - away_p, t - away_t
    # off-topic talk by the name the summary of roqa code and the report give it (tester s59:
    # "3 small-talk set aside" after the rename to set aside as off-topic)
    aside = " and ".join(
        w for w in (f"{p} procedural set aside" if p else "", f"{t} {OFF_TOPIC}" if t else "") if w
    )
    return ReviewScope(n - away_n - p - t, aside, away_n - away_p - away_t)


def review_left_out(meta: dict[str, Any]) -> str:
    """What a review (``roqa apply-decisions``) left out as not reviewed yet, as a sentence of
    a table's note: the segments of reviewed transcripts no decision decided, and the
    transcripts it did not reach. Empty when it left nothing out."""
    partly = meta.get(UNDECIDED)
    undecided = (
        sum(int(n[0]) for n in partly.values() if isinstance(n, list) and len(n) == 2)
        if isinstance(partly, dict)
        else 0
    )
    unreached = meta.get(NOT_REVIEWED)
    unreached = [str(t) for t in unreached] if isinstance(unreached, list) else []
    parts = [
        f"{undecided} undecided segment{'s' * (undecided != 1)} of the reviewed transcripts"
        if undecided
        else "",
        f"{len(unreached)} transcript{'s' * (len(unreached) != 1)} the review did not reach "
        f"({first_few(unreached)})"
        if unreached
        else "",
    ]
    shown = " and ".join(p for p in parts if p)
    return f" Left out as not reviewed yet: {shown}." if shown else ""


#: what a write-up of the model's suggestions says of them, with no review carried in
UNREVIEWED_NOTE = "Not reviewed by a researcher."


def not_the_review(note: str, review: str) -> str:
    """``note`` (:func:`charted_note`) of a write-up charted from the model's suggestions while
    a review was carried in (``roqa report --decisions``, or ``decisions.csv`` beside the
    codings), saying it is not that review (``review``, the file's name) and how to chart it,
    in place of "Not reviewed by a researcher.": a Table 2 quoting codes the review rejected
    read as the review's (tester s87 daily19, D2)."""
    return note.replace(
        UNREVIEWED_NOTE,
        f"Suggestions, not the review in {review}: run roqa apply-decisions to chart it.",
    )


def charted_note(
    result: CodingResult,
    codebook: Codebook | None,
    coded: Sequence[Quote],
    *,
    top_k: int | None = None,
    min_probability: float = 0.0,
    left_out: Collection[str] = frozenset(),
    shows_valence: Collection[str] = VALENCES,
    checks: Mapping[tuple[str, str], str] | None = None,
) -> str:
    """What a table charted from ``coded`` (the segments of ``result`` charted with these
    options) shows, in one line: the codebook; whose codes (a person's, as ``roqa import`` and
    ``roqa apply-decisions`` record them, or the model's unreviewed suggestions with the
    threshold); how many participant segments out of how many and why the others are not
    charted; a translation from another codebook (as :func:`~roqa_nlp.crosswalk.translate`
    records it). ``left_out``: segments Table 2 leaves out of its columns, their code's
    counterparts all of the other side (:func:`other_side_ids`), counted in a sentence;
    ``checks``: the codings it leaves out to be checked (:func:`table2_checks`), named with why
    in a sentence of their own (:func:`checks_sentence`), so not counted as below the threshold.
    ``shows_valence``: the valences of the segments the table shows, whose "valence unsure"
    marks the note counts: all of them in the matrix, barriers and enablers in Table 2 (which
    leaves the neutral out), none in the saturation table (tester s57: the matrix's note counted
    6 segments marked valence unsure, Table 2's, beside 8 marked in its Quotes sheet)."""
    from .decisions import PROJECT_PREFIX
    from .exchange.qdpx_export import coder_of
    from .exchange.review import accepted_without_valence, codes_given_no_valence

    top_k = charted_top_k(result, top_k)
    segments = [s for s in result if s.segment.role == "participant"]
    charted = {q.segment_id for q in coded}
    to_check = {sid for sid, _ in checks or {}} - charted
    n, k = len(segments), len(charted)
    meta = result.meta if isinstance(result.meta, dict) else {}
    walk = meta.get("crosswalk") if isinstance(meta.get("crosswalk"), dict) else None
    person = coder_of(result)
    if person is not None:
        none = n - k
        scope = review_scope(meta)
        if scope is None:
            said = f"Charted from the codes {person} gave: {k} of {n} participant segments" + (
                f" ({none} given no code)." if none else "."
            )
        else:  # as the summary of roqa apply-decisions: of the segments the review had to decide
            reviewable, aside, not_reached = scope
            parts = (
                f"{none} given no code" if none else "",
                aside,
                f"{reviewable - n} undecided" if reviewable > n else "",
            )
            given = "; ".join(w for w in parts if w)
            # the transcripts it did not reach are named below, as not reviewed yet
            of = " of the reviewed transcripts" if not_reached else ""
            said = (
                f"Charted from the codes {person} gave: {k} of {reviewable} reviewable "
                f"participant segments{of}{f' ({given})' if given else ''}."
            )
        # a new code given none beside a code keeping the model's valence too (hunt s68), and a
        # project code accepted or recoded to, given none as a new code is: counted apart (s80)
        none_given = codes_given_no_valence(result)
        given_none = set(none_given) & {s.segment.id for s in segments}
        u = len(given_none)
        a = len(given_none & accepted_without_valence(result))
        # all of a review's new codes (a person's imported codings may be of any code)
        new_only = all(c.startswith(PROJECT_PREFIX) for sid in given_none for c in none_given[sid])
        kinds = [
            f"{u - a} with a new code" if u - a else "",
            f"{a} with a code of the project's own they accepted or recoded to" if a else "",
        ]
        # each count names the kind of segment it counts: Table 2's "gave no valence to 9 of
        # them" and "set no valence on 9 segments of a code" read as one 9 (daily14, s84, D6)
        said += (
            f" {person} gave no valence to {u} of them, counted as neutral"
            + (
                f": {', '.join(k for k in kinds if k)}."
                if a
                else (", each given a new code." if u > 1 else ", given a new code.")
                if new_only
                else "."
            )
            if u and shows_valence
            else ""
        )
        g = len({q.segment_id for q in coded if q.valence_guessed and q.valence in shows_valence})
        unsure = []  # the valences it marks unsure that the reviewer did not give
        if g:
            unsure.append(
                f"{person} gave no valence to {g} segment{'' if g == 1 else 's'} of a new code: "
                f"{'it keeps' if g == 1 else 'they keep'} the model's guess (a valence learnt on "
                "CFIR talk), marked valence unsure"
            )
        # accepting or recoding a code confirms the code, not its side (docs/report.md): the
        # model's valence it keeps stays unsure, as roqa apply-decisions warns
        kept = len(
            {
                q.segment_id
                for q in coded
                if q.valence_unsure and not q.valence_guessed and q.valence in shows_valence
            }
        )
        if kept:
            unsure.append(
                f"{person} gave {kept} segment{'' if kept == 1 else 's'} a code already in the "
                f"codebook and no valence: {'it keeps' if kept == 1 else 'they keep'} the model's "
                f"valence, below {SURE_VALENCE:.0%}, marked valence unsure (accepting a code "
                "confirms the code, not its side)"
            )
        if "neutral" in shows_valence:
            said += "".join(f" {u}." for u in unsure)
        elif unsure:
            # Table 2 leaves the neutral out: its counts are said to be of what it shows, beside
            # the matrix's larger ones from the same folder (tester s65 open, 3: 27 and 5 beside
            # 30 and 6), once, leading both (hunt s65 h_open D6: it read as said of "a new code")
            said += f" Of this table's barriers and enablers, {'; '.join(unsure)}."
        said += review_left_out(meta)
        most = max((len(s.suggestions) for s in segments), default=0)
        said += (
            f" Only the first {top_k} code(s) of a passage are charted ({most} the most given)."
            if top_k < most
            else ""
        )
    else:
        which = "top suggestion" if top_k == 1 else f"top {top_k} suggestions"
        at_least = (
            f" with a probability of at least {min_probability:g}" if min_probability > 0 else ""
        )
        from .open_coding import no_counterpart_queued

        # talk the chart left with no code, queued for open coding: said as having no code here
        queued = set(no_counterpart_queued(result))
        set_aside = [
            s for s in segments if (s.novel or s.procedural) and s.segment.id not in queued
        ]
        rest = [
            s
            for s in segments
            if s.segment.id not in charted and not (s.novel or s.procedural)
            # counted or named in a sentence of their own
            if s.segment.id not in left_out and s.segment.id not in to_check
        ]
        empty = sum(1 for s in rest if not s.suggestions)
        below = len(rest) - empty
        nothing = empty + sum(
            1 for s in segments if s.segment.id in queued and s.segment.id not in charted
        )
        has = "has" if nothing == 1 else "have"
        where = f"{has} no code in {codebook.id}" if walk and codebook else f"{has} no suggestion"
        one = len(set_aside) == 1
        why = [
            f"{len(set_aside)} {'fits' if one else 'fit'} no code or {'is' if one else 'are'} "
            "procedural talk"
            if set_aside
            else "",
            f"{nothing} {where}" if nothing else "",
            f"{below} {'falls' if below == 1 else 'fall'} below the threshold" if below else "",
        ]
        others = "; ".join(w for w in why if w)
        said = (
            f"Charted from the model's {which}{at_least}: {k} of {n} participant "
            f"segments{f' ({others})' if others else ''}. {UNREVIEWED_NOTE}"
        )
        if left_out:
            from .crosswalk import other_side_sentence

            said += " " + other_side_sentence(len(left_out), codebook.id if codebook else "its")
    if checks:
        said += " " + checks_sentence(checks)
    said += translated_note(walk, person, codebook)
    ties = walk.get("tied") if walk is not None and person is None and top_k == 1 else None
    if isinstance(ties, Mapping) and (ties := {k: v for k, v in ties.items() if k in charted}):
        from .crosswalk import tied_note

        tied = tied_note(ties, codebook.id if codebook else "")
        said += f" {tied[0].upper()}{tied[1:]}."
    return f"Codes: {codes_said(codebook, coded)}. {said}" if codebook is not None else said


def codes_said(codebook: Codebook, coded: Sequence[Quote]) -> str:
    """The codes a table charted from ``coded`` is in: the codebook's name, and the project's
    own new codes among them, counted (``... (CFIR) 2009 and 4 codes of the project's own``):
    the codebook's name alone under a matrix with 4 new-code columns read as CFIR alone (tester
    s51)."""
    from .decisions import PROJECT_PREFIX

    n = len({q.code_id for q in coded if q.code_id.startswith(PROJECT_PREFIX)})
    if not n:
        return codebook.name
    return f"{codebook.name} and {n} code{'s' if n != 1 else ''} of the project's own"


def other_side_ids(result: CodingResult) -> list[str]:
    """The segments of ``result``, charted from another codebook, whose top code is a barrier
    or enabler the model is sure of that maps only onto codes of the other side (as
    :func:`~roqa_nlp.crosswalk.translate` records them): in the matrix and the review under
    those codes, left out of Table 2's columns."""
    meta = result.meta if isinstance(result.meta, dict) else {}
    walk = meta.get("crosswalk")
    ids = walk.get("other_side") if isinstance(walk, dict) else None
    return [str(i) for i in ids] if isinstance(ids, list) else []


def has_sides(codebook: Codebook | None) -> bool:
    """Whether some codable code of ``codebook`` stands for one side, a barrier or an enabler
    (the seed study's themes, ``erondu-2021``): its Table 2 rows are findings of that side."""
    from .crosswalk import SIDES

    return codebook is not None and any(c.valence in SIDES for c in codebook.codable)


def table2_checks(
    result: CodingResult, coded: Sequence[Quote], codebook: Codebook | None
) -> dict[tuple[str, str], str]:
    """(segment id, code id) -> why Table 2 leaves that coding of ``coded`` out of its columns,
    in words, when ``codebook``'s codes carry a side (:func:`has_sides`; none in a CFIR
    codebook). Such a row is a finding of its side, and its quotes are read as evidence of it:

    - a barrier quoted as an enabler finding (or the other way): a valence the model is unsure
      of may reach its code's themes of the other side (the enabler "our chief executive ...
      put money behind it", at 0.55, charted as "Risk-averse provider organisations");
    - a segment charted only through a lower suggestion, its top code having no counterpart
      (:func:`~roqa_nlp.crosswalk.lower_only`, ``meta["crosswalk"]["lower_only"]``): small talk
      coded Relative Priority at 0.27 stood as "High staff turnover" at 0.11.

    The framework matrix and the review still show them, as the model charted them; saturation
    counts no code new on them. Empty in a codebook without sides."""
    from .crosswalk import SIDES

    if not has_sides(codebook):
        return {}
    assert codebook is not None
    walk = _walk(result) or {}
    lower = walk.get("lower_only")
    lower = lower if isinstance(lower, Mapping) else {}
    out: dict[tuple[str, str], str] = {}
    for q in coded:
        code = codebook.find(q.code_id)
        name = code.name if code is not None else q.code_id
        top = lower.get(q.segment_id)
        if isinstance(top, list) and len(top) == 3:
            p = f"p={below_line(q.sure_probability, SURE_CODE)}"
            out[q.segment_id, q.code_id] = (
                f"{q.who} ({q.segment_id}) under {name} at {p}, reached only through a lower "
                f"suggestion: the model's top code, {top[1]} ({float(top[2]):.2f}), has no "
                f"counterpart in {codebook.id}"
            )
        elif code is not None and q.valence in SIDES and code.valence in SIDES:
            if code.valence == q.valence:
                continue
            vp = q.valence_probability
            unsure = (
                f", {VALENCE_UNSURE} ({below_line(vp, SURE_VALENCE)})"
                if q.valence_unsure and vp is not None
                else ""
            )
            out[q.segment_id, q.code_id] = (
                f"{q.who} ({q.segment_id}) under {name}, a{'n' * (code.valence == 'enabler')} "
                f"{code.valence}, read as a{'n' * (q.valence == 'enabler')} {q.valence}{unsure}"
            )
    return out


def checks_sentence(checks: Mapping[tuple[str, str], str]) -> str:
    """The sentence naming the codings :func:`table2_checks` leaves out of Table 2's columns,
    each with why, for the researcher to check in the review; empty for none."""
    if not checks:
        return ""
    n = len({sid for sid, _ in checks})
    one = n == 1
    return (
        f"{n} segment{'' if one else 's'} {'is' if one else 'are'} left out of Table 2's columns "
        f"to check, as {'its' if one else 'their'} row would state what "
        f"{'its quote does' if one else 'their quotes do'} not say: "
        + "; ".join(checks.values())
        + f" (the matrix and the review show {'it' if one else 'them'})."
    )


def translated_note(
    walk: Mapping[str, Any] | None, person: str | None, codebook: Codebook | None = None
) -> str:
    """How codes translated from another codebook (``meta["crosswalk"]``, as
    :func:`~roqa_nlp.crosswalk.translate` and :func:`~roqa_nlp.crosswalk.chart_given` record
    it) are charted, as a sentence or two of a table's note (Table 2's, the matrix's, the
    report's overview); empty when they were not. Given the ``codebook`` charted in, it names
    the codes no code of the source codebook maps onto (:func:`uncodable`)."""
    if not walk:
        return ""
    source, target = walk.get("from"), walk.get("to")
    said = f" Codes translated from {source} to {target} through the documented mapping"
    one_of = walk.get("one_of")
    if person is None:
        said += (
            " (a suggestion that maps onto several codes is charted under the one the segment's "
            "words fit best, at the model's probability for it)."
        )
    elif isinstance(one_of, Mapping):  # chart_given: charted once, as the person gave it
        rows = sorted(one_of, key=natural_key)
        # a construct whose sub-constructs alone reach one code of its side (chart_given)
        single = any(isinstance(v, list) and len(v) == 1 for v in one_of.values())
        also = ", or onto one only through its sub-constructs," if single else ""
        said += (
            f"; a code {person} gave that maps onto several {target} codes{also} is charted "
            f"once, under its own name with the codes it may be ({len(rows)} such: "
            f"{first_few(rows)})."
            if rows
            else "."
        )
    else:  # result.translate: every counterpart applied, as roqa agree and export apply them
        said += f" (a code {person} gave that maps onto several codes is charted under each)."
    named = walk.get("named")
    if isinstance(named, Mapping) and named:
        pairs = [f"{k} as {v}" for k, v in sorted(named.items())]
        said += (
            f" A code of the project's own named as a {target} code is charted as that code "
            f"({first_few(pairs)})."
        )
    if parts := uncodable_parts(walk, codebook):
        said += f" {parts[0]}"
    return said


#: what :func:`uncodable_clause` says follows for codings translated into a codebook
NOT_CHARTED = (
    "so they cannot be charted from these codings and an empty column of theirs says nothing of "
    "what was said"
)
#: ... and for the codebook itself, before any coding (roqa codebook, roqa suggest --codebook)
NEVER_SUGGESTED = "so {model} never suggests them"
#: ... and of the codebook of a model trained in it that learned them (roqa codebook MODEL_DIR)
SUGGESTED_ALL_THE_SAME = (
    "which {model} never suggests and {trained}, trained in {codebook}, learned and can suggest"
)


def uncodable_clause(
    walk: Mapping[str, Any] | None,
    codebook: Codebook | None,
    *,
    shown: int | None = None,
    so: str = NOT_CHARTED,
    own: bool = False,
    named: bool = True,
) -> str:
    """The codes of ``codebook`` that codings translated into it (``meta["crosswalk"]``) can
    never carry (:func:`uncodable`), as a clause: how many, what follows (``so``: an empty column
    of theirs says nothing, :data:`NOT_CHARTED`; the model never suggests them,
    :data:`NEVER_SUGGESTED`), and their names, all of them (a table's note,
    :func:`translated_note`) or the first ``shown`` and how many more (the line ``roqa report``,
    ``roqa export``, ``roqa code``, ``roqa codebook`` and ``roqa suggest`` print); empty when
    there are none. ``own``: the codebook's own codes (a review's new codes it keeps) count
    among its codes, as :func:`uncodable` counts them. ``named`` False: no names (the Word
    Table 2 names them in a note below the table, :func:`uncodable_parts`)."""
    from .crosswalk import _is_own_id

    never = uncodable(walk, codebook, own=own)
    if not never or codebook is None or walk is None:
        return ""
    names = [codebook[k].name for k in never]
    given = _charted_as_given(walk)
    n = sum(1 for c in codebook.codable if (own or not _is_own_id(c.id)) and c.id not in given)
    said = (
        f"no {walk.get('from')} code maps onto {len(never)} of the {n} {walk.get('to')} codes, {so}"
    )
    if not named:
        return said
    return f"{said}: {', '.join(names) if shown is None else first_and_count(names, shown)}"


def uncodable_parts(
    walk: Mapping[str, Any] | None, codebook: Codebook | None
) -> tuple[str, str, str] | None:
    """The sentence of a table's note (:func:`translated_note`) naming every code of
    ``codebook`` that codings translated into it can never carry (:func:`uncodable_clause`),
    that sentence with their count alone, and the note below the table naming them, for the
    Word Table 2, whose caption would otherwise name them all (26 from CFIR 2009 into CFIR 2.0,
    some 1,000 characters: tester outputs, session 71); ``None`` when there are none."""
    full = uncodable_clause(walk, codebook)
    if not full or codebook is None or walk is None:
        return None
    names = [codebook[k].name for k in uncodable(walk, codebook)]
    short = uncodable_clause(walk, codebook, named=False)
    return (
        f"{full[0].upper()}{full[1:]}.",
        f"{short[0].upper()}{short[1:]} (they are named below the table).",
        f"No {walk.get('from')} code maps onto these {walk.get('to')} codes: {', '.join(names)}.",
    )


def never_suggested(
    model: Codebook,
    codebook: Codebook,
    *,
    said: str = "the model",
    trained: tuple[str, Collection[str]] | None = None,
) -> str:
    """The line ``roqa codebook`` and ``roqa suggest --codebook`` print of a codebook the model
    of codebook ``model`` (``cfir-2009``, or a project codebook extending it) charts in: how many
    of its codes no code of the model's maps onto, so that the model never suggests them, the
    first five named (:func:`uncodable_clause`, as ``roqa report`` says it of codings; tester
    cfir2022, s59: `roqa codebook cfir-2022` marked Critical Incidents "codable: yes" and said
    nothing); ``said`` names the model ("the packaged model"). "" when there are none, or no
    mapping is documented. ``trained``: the model whose codebook ``codebook`` is (``roqa codebook
    MODEL_DIR``), as what names it and the codes it has a class for: when those are all among
    them, the line says that model can suggest them, not only that the packaged one never does
    (study9 s79, 6: said of a model trained in CFIR 2.0 that suggests Critical Incidents)."""
    from .crosswalk import _is_own_id, base_codebook, named_in, record_unreachable

    named = {
        c.id: same.id
        for c in model.codes
        if _is_own_id(c.id) and (same := named_in(codebook, c.name)) is not None
    }
    walk = {"from": (base := base_codebook(model)).id, "to": codebook.id, "named": named}
    record_unreachable(walk, base, codebook)  # a model of a codebook of one's own
    # a new code a review made, kept in the codebook, is a code the model never suggests unless
    # it has one of that name: before, it was listed codable and counted nowhere ("1 of the 8"
    # under 9 codable codes: tester, session 60)
    so = NEVER_SUGGESTED.format(model=said)
    if trained is not None and set(uncodable(walk, codebook, own=True)) <= set(trained[1]):
        so = SUGGESTED_ALL_THE_SAME.format(model=said, trained=trained[0], codebook=codebook.id)
    return uncodable_clause(walk, codebook, shown=5, so=so, own=True)


def with_uncodable(note: str, result: CodingResult, codebook: Codebook) -> str:
    """The line ``roqa report`` and ``roqa export`` print of codings charted in another codebook
    (``note``, :func:`~roqa_nlp.crosswalk.chart_with`'s): with how many of ``codebook``'s codes
    they can never carry, the first few named, as the report, Table 2's note and the workbooks'
    About sheet name them all (:func:`uncodable_clause`)."""
    never = uncodable_clause(_walk(result), codebook, shown=5)
    return f"{note}; {never}" if never else note


def _walk(result: CodingResult) -> Mapping[str, Any] | None:
    """``result``'s record of a translation from another codebook (``meta["crosswalk"]``)."""
    walk = result.meta.get("crosswalk") if isinstance(result.meta, dict) else None
    return walk if isinstance(walk, Mapping) else None


def _charted_as_given(walk: Mapping[str, Any] | None) -> set[str]:
    """The codes a person gave that map onto several codes and are charted once, as given
    (``meta["crosswalk"]["one_of"]``, :func:`~roqa_nlp.crosswalk.chart_given`:
    ``cfir-2009:OS.D``, ``cfir-2009:IS.E.3/2``): columns of what was coded, not of the
    codebook charted in."""
    one_of = walk.get("one_of") if isinstance(walk, Mapping) else None
    return {str(k) for k in one_of} if isinstance(one_of, Mapping) else set()


#: the key of ``meta["crosswalk"]`` listing the codes of the codebook charted in that no code of
#: a codebook of one's own it was translated from maps onto (:func:`uncodable`); a built-in
#: source's are judged from its packaged mapping instead
UNREACHABLE = "unreachable"


def uncodable(
    walk: Mapping[str, Any] | None, codebook: Codebook | None, *, own: bool = False
) -> list[str]:
    """The codable codes of ``codebook`` that codings translated into it from a built-in
    codebook (``meta["crosswalk"]``) can never carry: no code of that one maps onto them
    (:func:`~roqa_nlp.crosswalk.unreachable`; CFIR 2.0's Critical Incidents, Teaming ... from
    CFIR 2009), in codebook order, but those a project's own code was charted as (a review's
    new code "Critical Incidents", ``meta["crosswalk"]["named"]``) and a person's codes charted
    once as given (:func:`_charted_as_given`); empty when not translated. From a codebook of
    one's own (a model trained on a team's codebook mapped onto CFIR 2.0), the codes the
    translation judged so (:data:`UNREACHABLE`, :func:`~roqa_nlp.crosswalk.record_unreachable`;
    blind tester daily25, session 89: none were named, and no matrix cell said so). ``own``: a codebook's own codes (``project.…``, a review's new codes it keeps)
    are among them too, as of a codebook before any coding (:func:`never_suggested`), not of
    codings, where they are a person's codes."""
    from .codebook import BUILTIN, builtin_codebook

    source = walk.get("from") if isinstance(walk, Mapping) else None
    if codebook is None or not isinstance(source, str):
        return []
    if source == codebook.id:  # charted back in the codebook the model coded in: all reachable
        return []
    from .crosswalk import _is_own_id, unreachable
    from .errors import RoqaError

    judged = walk.get(UNREACHABLE) if isinstance(walk, Mapping) else None
    if source not in BUILTIN:  # a codebook of one's own: judged when translated, or never
        if not isinstance(judged, list):
            return []
        never = {str(k) for k in judged}
    else:
        try:
            never = unreachable(builtin_codebook(source), codebook)
        except RoqaError:  # no mapping from the source: the translation note says so, not this
            return []
    named = walk.get("named") if isinstance(walk, Mapping) else None
    never -= set(named.values()) if isinstance(named, Mapping) else set()
    # a project's own codes, and a person's codes kept under their own name (a second set of
    # counterparts, "cfir-2009:IS.E.3/2", included), are no columns of the codebook nobody
    # could have coded
    never -= _charted_as_given(walk)
    return [c.id for c in codebook.codable if c.id in never and (own or not _is_own_id(c.id))]


# -- data saturation --------------------------------------------------------------------------


@dataclass
class FrancisVerdict:
    """The Francis et al. (2010) stopping rule applied to the interview sequence."""

    initial_sample: int
    stopping_criterion: int
    reached: bool
    at: int | None  # 1-based position of the interview at which saturation was reached
    interview: str | None
    message: str
    #: the interviews (numbers in the study's order) of a review, in the quiet run or after it,
    #: that still hold undecided segments: a verdict of "reached" rests on a partial review
    partly_reviewed: list[int] = field(default_factory=list)
    #: of a verdict of "reached", the later interviews that added new codes, said as the
    #: ``reached`` cell qualifies it (``interview 8 (P08) after it added 2 new codes``); empty
    #: when none
    not_borne_out: str = ""
    #: the interviews (numbers in the study's order) a review did not reach at all, within the
    #: quiet run or after it: as :attr:`partly_reviewed`, the verdict rests on a partial review
    unreviewed: list[int] = field(default_factory=list)
    #: the interviews (numbers in the study's order) of the quiet run, or after it, to which a
    #: review carried in gives codes no earlier interview carried: on the review's codes the run
    #: is not quiet, or the later interviews do not bear the verdict out
    review_new: list[int] = field(default_factory=list)
    #: the verdict's first sentence, the answer: ``Saturation reached at interview 13 (P13,
    #: p13).``, ``Saturation not reached.``; :attr:`message` is it, :attr:`cause`,
    #: :attr:`notes` and the sentence of :attr:`unsure_codes` (:func:`verdict_sentences`)
    answer: str = ""
    #: its second sentence, why: ``No new codes in interviews 11-13 after an initial sample of
    #: 10.``
    cause: str = ""
    #: its further sentences, each a qualification of the answer (``But ...``), the advice, a
    #: split by a mapping, the unsure new codes counted, the transcripts not reviewed
    notes: list[str] = field(default_factory=list)
    #: the new codes resting only on unsure suggestions, each ``IC.A Intervention Source p=0.19
    #: in interview 1 (P01)``: all of them, the verdict's last sentence (:attr:`message`
    #: lists the first :data:`UNSURE_SHOWN`, ``roqa report`` prints the first five)
    unsure_codes: list[str] = field(default_factory=list)
    #: the lists of codes its answer, cause and notes name, each in full, joined by ``, `` in
    #: them (the codes a review carried in decided, an interview's new codes): ``roqa report``
    #: prints the first five of each (:func:`verdict_sentences`); not in the JSON
    lists: list[list[str]] = field(default_factory=list)


#: The verdict's list of unsure new codes begins so, ``Unsure new code`` when one
#: (:func:`verdict_sentences`)
UNSURE_CODES = "Unsure new codes"
#: How many unsure new codes :attr:`FrancisVerdict.message` (the Verdicts sheet's cell) lists
#: before it says how many more and where they all are (:data:`UNSURE_ALL`): with every one,
#: 805 codes made a cell of 47,143 characters, which Excel cannot hold (hunt s68 h_verdict, R1)
UNSURE_SHOWN = 50
#: ... where they all are: the column of the saturation table (its Saturation sheet in .xlsx)
UNSURE_ALL = "the unsure_new_codes column of the saturation table"


def as_sentence(clause: str) -> str:
    """A clause of a verdict as a sentence of its own: without the ``; `` that joined it to the
    one before, its first letter a capital, ended by a full stop."""
    text = clause.removeprefix("; ").strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def verdict_sentences(
    verdict: FrancisVerdict | GuestView,
    few: int | None = None,
    see: str = "",
    *,
    lists_in: str = "",
) -> list[str]:
    """A verdict as its sentences: the answer and the cause as one line, then each note, then
    the unsure new codes (:attr:`FrancisVerdict.unsure_codes`): past ``few`` of them the first
    ``few`` and how many more, with ``see`` (where the others are: ``the unsure_new_codes
    column of saturation.csv``). With ``few`` and ``lists_in`` (the file that gives them all:
    ``report.html``), each list of codes the other sentences name
    (:attr:`FrancisVerdict.lists`) is cut so too: ``A, B, C, D, E, and 20 more listed in
    report.html``. Joined by blanks, with :data:`UNSURE_SHOWN` and :data:`UNSURE_ALL` and no
    list cut, they are its :attr:`~FrancisVerdict.message`; none cut, what the report shows. A
    verdict made before s68, with no answer, is its message alone."""
    if not verdict.answer:
        return [verdict.message]
    codes = verdict.unsure_codes
    many = len(codes) != 1
    if few is not None and len(codes) > few:
        more = f"and {len(codes) - few} more" + (f": see {see}" if see else "")
        codes = [*codes[:few], more]
    head = UNSURE_CODES if many else UNSURE_CODES.replace("codes", "code")
    listed = [f"{head}: {'; '.join(codes)}."] if codes else []
    said = [f"{verdict.answer} {verdict.cause}", *verdict.notes]
    if few is not None and lists_in:
        # the longest first: a list that begins another is cut where it stands alone
        for items in sorted(verdict.lists, key=lambda x: -len(", ".join(x))):
            if len(items) > few:
                cut = ", ".join([*items[:few], f"and {len(items) - few} more listed in {lists_in}"])
                said = [x.replace(", ".join(items), cut) for x in said]
    return [*said, *listed]


@dataclass
class GuestRun:
    """One run of the Guest et al. (2020) method: interviews ``first..last`` (1-based)."""

    first: int
    last: int
    new: int
    ratio: float | None  # new codes in the run / unique codes in the base


@dataclass
class GuestView:
    """The Guest, Namey & Chen (2020) new-information-threshold view of saturation."""

    base_size: int
    run_length: int
    new_info_threshold: float
    base_codes: int
    runs: list[GuestRun]
    reached: bool
    at: int | None
    interview: str | None
    message: str
    #: as :attr:`FrancisVerdict.partly_reviewed`, of the run that met the threshold or after it
    partly_reviewed: list[int] = field(default_factory=list)
    #: as :attr:`FrancisVerdict.not_borne_out`, with the later runs above the threshold
    #: (``interview 8 (P08) after it added 2 new codes (run 7-8: 9.5% new information > 5%)``)
    not_borne_out: str = ""
    #: as :attr:`FrancisVerdict.unreviewed`, within the run that met the threshold or after it
    unreviewed: list[int] = field(default_factory=list)
    #: the interviews (numbers in the study's order) of the run that met the threshold with no
    #: code charted at all: no evidence of saturation, as the ``reached`` cell says too
    nothing_coded: list[int] = field(default_factory=list)
    #: as :attr:`FrancisVerdict.review_new`, of the run that met the threshold or after it
    review_new: list[int] = field(default_factory=list)
    #: as :attr:`FrancisVerdict.answer`, :attr:`~FrancisVerdict.cause`,
    #: :attr:`~FrancisVerdict.notes` and :attr:`~FrancisVerdict.unsure_codes`
    answer: str = ""
    cause: str = ""
    notes: list[str] = field(default_factory=list)
    unsure_codes: list[str] = field(default_factory=list)
    #: as :attr:`FrancisVerdict.lists`
    lists: list[list[str]] = field(default_factory=list)


@dataclass
class Saturation:
    """New codes per interview in interview order, the cumulative curve and both verdicts. An
    interview is a case of the framework matrix: the transcripts of one participant (an
    interview recorded in two files) are one interview, named by their ids joined by `` + ``."""

    interviews: list[str]
    participants: list[str]
    new_codes: list[list[str]]
    cumulative: list[int]
    francis: FrancisVerdict
    guest: GuestView
    #: per interview, the participant segments that fit no code and await open coding: only the
    #: codebook's codes count as ideas above, so new ideas may still sit here
    open_coding: list[int] = field(default_factory=list)
    #: per interview, each new code's support: (segments charted with it, highest probability)
    new_support: list[dict[str, tuple[int, float]]] = field(default_factory=list)
    #: the codes' names, by id: a code a QDA program made is shown by its name, not its GUID
    names: dict[str, str] = field(default_factory=dict)
    #: transcripts of the result the interview order left out (not judged)
    left_out: list[str] = field(default_factory=list)
    #: each interview's number in the study's order (empty: 1, 2, ...): a review's interviews
    #: keep theirs, with the ones it did not reach between them
    numbers: list[int] = field(default_factory=list)
    #: the study's transcripts a review did not reach (``roqa apply-decisions``), left out of
    #: the judgement: each with its participant and its number in the study (None: not known)
    not_reviewed: list[tuple[str, str, int | None]] = field(default_factory=list)
    #: per interview, whether it has no code charted at all: no evidence, so the 10+3 rule
    #: passes it over (:func:`francis_stopping_rule`); empty: every interview has codes
    nothing_coded: list[bool] = field(default_factory=list)
    #: per interview, its new codes that rest only on unsure suggestions: a model's, every one
    #: of its segments charted with the code below :data:`SURE_CODE` ("code unsure", as Table 2
    #: marks a quote); the verdicts count them and say how many (empty: none)
    unsure_new: list[list[str]] = field(default_factory=list)
    #: what it charts, in one line (:func:`charted_note`, as Table 2 says it): the workbook's
    #: ``About`` sheet, the first line of the .csv
    note: str = ""
    #: per interview of a review (``roqa apply-decisions``), its segments still undecided and
    #: those it had to review, ``(0, n)`` when done; empty: none is partly reviewed
    undecided: list[tuple[int, int]] = field(default_factory=list)
    #: per interview, the transcripts it was recorded in (``p04_part1``, ``p04_part2``: one case
    #: of the framework matrix); :attr:`interviews` names them joined by `` + ``
    transcripts: list[list[str]] = field(default_factory=list)
    #: the codes Table 2 and the matrix chart only on replies that only agree (``Exactly.``,
    #: ``Same here.``), so no interview counts them as new, each with the interviews they are
    #: charted in: :meth:`agreeing_only_note` says so (s49 re-test refocus, finding 3)
    agreeing_only: dict[str, list[str]] = field(default_factory=dict)
    #: each interview whose coded talk is two or more participants' (a focus group, a joint
    #: interview), with the speakers it is charted from, in natural order (``P9`` before
    #: ``P10``), as the framework matrix names them: still one interview to the count
    #: (:meth:`groups_note`)
    several_speakers: dict[str, list[str]] = field(default_factory=dict)
    #: with no order given, when the order the interviews were coded in is not their
    #: participants' (``P1``-``P6``, ``P8``, ``P7``: a date-named file read last), what the
    #: verdicts then rest on and how to give the order (:func:`participant_order_note`); else,
    #: when the transcripts' names hold dates written year last that are not in that order
    #: (``04-09-2020`` read before ``06-07-2020``), the same of those dates
    #: (:func:`~roqa_nlp.name_dates.dated_order_note`, s59 sat, finding 1); the report, the
    #: workbook's Verdicts sheet and ``roqa report --saturation`` say it; empty otherwise (s51
    #: saturation, finding 3)
    order_note: str = ""
    #: the Francis verdict's clause naming interviews that add new codes only because a mapping
    #: into this codebook split a model code charted before (:func:`split_new_note`); empty
    #: when none does (s52 study tester, finding 3)
    split_note: str = ""
    #: whether the interview order was given (``roqa report --order``, ``order=``), not taken
    #: as the interviews were coded: the table's ``interview_order`` column says which
    order_given: bool = False
    #: whether, no order given, the interviews were taken in their participants' order, not in
    #: the order they were coded (every interview's participant numbered alike, the two orders
    #: apart: :func:`participant_ordered`); the ``interview_order`` column says ``participant``
    by_participant: bool = False

    def initial_sample_end(self) -> int | None:
        """The interview (1-based) that completes the initial sample of the 10+3 rule: the
        ``initial_sample``-th with something coded, interviews with nothing coded passed over as
        the rule passes them over (:func:`francis_stopping_rule`); None when fewer have
        something coded."""
        return initial_sample_end(
            self.nothing_coded or [False] * len(self.new_counts), self.francis.initial_sample
        )

    def initial_sample_label(self) -> str:
        """The chart's label of the initial sample, naming its interviews by their numbers in
        the study's order, those with nothing coded passed over as the rule passes them over:
        ``initial sample: interviews 1\u20134, 6\u201311``; empty when it is not complete."""
        end = self.initial_sample_end()
        if not end:
            return ""
        empty = self.nothing_coded or [False] * len(self.new_counts)
        shown = [self.number(k) for k in range(1, end + 1) if not empty[k - 1]]
        runs: list[list[int]] = []
        for n in shown:
            if runs and n == runs[-1][-1] + 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        return "initial sample: interviews " + ", ".join(
            f"{r[0]}\u2013{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs
        )

    def quiet_run(self) -> list[int]:
        """The interviews (1-based) whose codes, none new, met the 10+3 rule: the last
        ``stopping_criterion`` with codes up to where it was met (empty when not met)."""
        f = self.francis
        if f.at is None:
            return []
        coded = [
            k for k in range(1, f.at + 1) if not (self.nothing_coded and self.nothing_coded[k - 1])
        ]
        return coded[-f.stopping_criterion :]

    def agreeing_only_note(self) -> str:
        """The codes charted only on replies that only agree, left out of the new codes, in one
        line: ``2 codes rest only on replies that only agree and are not counted as new: OS.D
        (int_C09), PR.B.3 (int_C09)``; empty when there are none."""
        if not self.agreeing_only:
            return ""
        n = len(self.agreeing_only)
        codes = ", ".join(
            f"{self.code_label(k)} ({', '.join(ts)})" for k, ts in self.agreeing_only.items()
        )
        rest = "codes rest" if n != 1 else "code rests"
        counted = "are" if n != 1 else "is"
        return (
            f"{n} {rest} only on replies that only agree and {counted} not counted as new: {codes}"
        )

    def groups_note(self) -> str:
        """That an interview of several participants' talk (:attr:`several_speakers`) counts as
        one interview, in one line: ``FG1 holds the coded talk of 3 participants (Anna, Ben,
        Cara): saturation counts it as one interview, ...``; empty when there is none. Both
        views count interviews, so a focus group's new codes are those of one interview,
        whoever in it gave them."""
        if not self.several_speakers:
            return ""
        why = "as both of its views count interviews, not participants"
        if len(self.several_speakers) == 1:
            ((interview, who),) = self.several_speakers.items()
            return (
                f"{interview} holds the coded talk of {len(who)} participants ({', '.join(who)}): "
                f"saturation counts it as one interview, {why}"
            )
        held = "; ".join(f"{t}: {', '.join(who)}" for t, who in self.several_speakers.items())
        return (
            f"{len(self.several_speakers)} interviews hold the coded talk of several "
            f"participants ({held}): saturation counts each as one interview, {why}"
        )

    def number(self, k: int) -> int:
        """The number in the study's order of the ``k``-th interview judged (1-based)."""
        return self.numbers[k - 1] if self.numbers else k

    def slots(self) -> list[tuple[int, int | None, str]]:
        """The interviews in the study's order, as the chart's axis places them: per slot, its
        number in the study's order, the interview judged there (1-based, :attr:`interviews`)
        or None for one a review did not reach (:attr:`not_reviewed`), which keeps its place
        so that those after it are not drawn in it, and its participant. A transcript not
        reached whose place is not known, or is an interview judged (another file of one
        participant), has no slot of its own."""
        out: list[tuple[int, int | None, str]] = [
            (self.number(k), k, p) for k, p in enumerate(self.participants, 1)
        ]
        taken = {n for n, _, _ in out}
        for _, p, n in self.not_reviewed:
            if n is not None and n not in taken:
                taken.add(n)
                out.append((n, None, p))
        return sorted(out, key=lambda slot: slot[0])

    def not_reviewed_note(self) -> str:
        """The transcripts a review did not reach, in one phrase (empty when there are none)."""
        return not_reviewed_note(self.not_reviewed, order_given=self.order_given)

    def code_label(self, code_id: str) -> str:
        """``code_id`` as the table and verdicts show it, with its name as the matrix's column
        headers (:func:`~roqa_nlp.codebook.named_code`): ``PR.D Reflecting & Evaluating``."""
        from .codebook import named_code

        return named_code(code_id, self.names.get(code_id), self.names)

    def new_code_labels(self, n: int) -> str:
        """The new codes of the ``n``-th interview (0-based) as one cell: ids separated by
        blanks, or by semicolons when a code is shown with its name."""
        return self._cell(self.new_codes[n])

    def unsure_new_labels(self, n: int) -> str:
        """The new codes of the ``n``-th interview (0-based) that rest only on unsure
        suggestions, each with its highest probability, as one cell: ``PR.C (0.19) IS.A
        (0.33)`` (``; `` between them when a code is shown with its name); empty when none."""
        ids = self.unsure_new[n] if n < len(self.unsure_new) else []
        support = self.new_support[n] if n < len(self.new_support) else {}
        return self._cell(
            ids, {k: f" ({below_line(p, SURE_CODE)})" for k, (_, p) in support.items()}
        )

    def _cell(self, ids: list[str], after: Mapping[str, str] | None = None) -> str:
        """Codes ``ids`` as one cell, each by :meth:`code_label` followed by its text in
        ``after``: separated by blanks, or by semicolons when a code is shown with its name."""
        labels = [self.code_label(k) for k in ids]
        named = any(x != k for x, k in zip(labels, ids, strict=True))
        after = after or {}
        return ("; " if named else " ").join(
            f"{x}{after.get(k, '')}" for x, k in zip(labels, ids, strict=True)
        )

    @property
    def new_counts(self) -> list[int]:
        """Per interview, how many codes it brought that no earlier interview carried."""
        return [len(c) for c in self.new_codes]

    @property
    def verdict(self) -> str:
        return self.francis.message

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return {
            "interviews": self.interviews,
            "transcripts": self.transcripts or [[t] for t in self.interviews],
            "participants": self.participants,
            "new_codes": self.new_codes,
            "new_counts": self.new_counts,
            "cumulative": self.cumulative,
            "open_coding": self.open_coding,
            "unsure_new_codes": self.unsure_new,
            "new_support": [
                {k: {"segments": n, "max_probability": p} for k, (n, p) in row.items()}
                for row in self.new_support
            ],
            # the lists the command line cuts are in the sentences already
            "francis": {k: v for k, v in asdict(self.francis).items() if k != "lists"},
            "guest": {k: v for k, v in asdict(self.guest).items() if k != "lists"},
            "numbers": [self.number(k) for k in range(1, len(self.interviews) + 1)],
            "not_reviewed": [
                {"interview": t, "participant": p, "number": n} for t, p, n in self.not_reviewed
            ],
            "several_speakers": self.several_speakers,
            "order_note": self.order_note,
            "split_note": self.split_note,
        }

    def stopping_rule(self) -> list[str]:
        """Per interview, where the Francis et al. stopping rule stands after it: ``initial
        sample``, ``new code`` (the count of quiet interviews restarts), ``no new code (j of
        S)``, ``saturation reached (S of S)`` at the interview it is reached, then ``after
        saturation`` (with ``: new code`` when one still comes); an interview with no code
        charted, which the rule passes over in the initial sample as after it, ``nothing
        coded, not counted (initial sample still i of N)`` or ``nothing coded, not counted
        (still j of S without new codes)``: the count stands still. With no code charted in
        any interview, quiet interviews say nothing of saturation: every row says ``no code
        charted``."""
        f = self.francis
        if not any(self.new_counts):
            return [
                f"no code charted{self.partly_reviewed(k)}"
                for k in range(1, len(self.new_counts) + 1)
            ]
        out: list[str] = []
        quiet = 0
        sampled = 0  # interviews with something coded in the initial sample so far
        for k, n in enumerate(self.new_counts, 1):
            empty = bool(self.nothing_coded and self.nothing_coded[k - 1])
            if f.at is not None and k > f.at:
                out.append("after saturation" + (": new code" if n else ""))
            elif sampled < f.initial_sample and empty:
                out.append(
                    f"nothing coded, not counted (initial sample still {sampled} of "
                    f"{f.initial_sample})"
                )
            elif sampled < f.initial_sample:
                sampled += 1
                out.append("initial sample")
            elif empty:
                out.append(
                    f"nothing coded, not counted (still {quiet} of {f.stopping_criterion} "
                    "without new codes)"
                )
            elif n:
                quiet = 0
                out.append("new code")
            else:
                quiet += 1
                step = f"({quiet} of {f.stopping_criterion})"
                out.append(f"saturation reached {step}" if k == f.at else f"no new code {step}")
            out[-1] += self.partly_reviewed(k)
        return out

    def partly_reviewed(self, k: int) -> str:
        """What the ``k``-th interview's row (1-based) adds when a review left some of its
        segments undecided: ``, partly reviewed (1 of 4 segments undecided)``, as the verdicts
        say it (a code among them may be new); empty otherwise."""
        undecided, total = self.undecided[k - 1] if self.undecided else (0, 0)
        if not undecided:
            return ""
        return f", partly reviewed ({undecided} of {total} segment{'s' * (total != 1)} undecided)"

    def rows(self) -> list[list[Any]]:
        """Header + one row per interview in order: position, interview, participant, the new
        codes (count and ids), those of them resting only on unsure suggestions (with their
        highest probability: :meth:`unsure_new_labels`), codes so far, segments waiting for open
        coding, and where the stopping rule stands (:meth:`stopping_rule`), so that a .csv
        carries the verdict too."""
        rows: list[list[Any]] = [list(SATURATION_COLUMNS)]
        rule = self.stopping_rule()
        options = self.options()
        for n, (t, p, new, cum) in enumerate(
            zip(self.interviews, self.participants, self.new_codes, self.cumulative, strict=True)
        ):
            waiting = self.open_coding[n] if n < len(self.open_coding) else 0
            rows.append(
                [
                    self.number(n + 1),
                    t,
                    p,
                    len(new),
                    self.new_code_labels(n),
                    self.unsure_new_labels(n),
                    cum,
                    waiting,
                    rule[n],
                    *options,
                ]
            )
        for t, p, k in self.not_reviewed:  # in the study's order, else after the others
            row = [k if k is not None else "", t, p, "", "", "", "", "", "not reviewed", *options]
            at = next(
                (
                    i
                    for i, r in enumerate(rows[1:], 1)
                    if k is not None and isinstance(r[0], int) and r[0] > k
                ),
                len(rows),
            )
            rows.insert(at, row)
        return rows

    def options(self) -> list[Any]:
        """The options the verdicts were judged by, as :meth:`rows` ends each row with them: the
        10+3 rule's initial sample and stopping criterion, the interview order (``given`` with
        ``--order``, ``participant`` when taken in the participants' order, not the one coded,
        else ``as coded``), and Guest's base size, run length and new-information threshold (a
        fraction, ``0.05``)."""
        f, g = self.francis, self.guest
        return [
            f.initial_sample,
            f.stopping_criterion,
            "given" if self.order_given else "participant" if self.by_participant else "as coded",
            g.base_size,
            g.run_length,
            g.new_info_threshold,
        ]

    @overload
    def to_csv(self, path: None = None) -> str: ...

    @overload
    def to_csv(self, path: str | Path) -> None: ...

    def to_csv(self, path: str | Path | None = None) -> str | None:
        """Write :meth:`rows` as CSV (UTF-8 with a byte-order mark for Excel), the column names
        on the first line (what it charts, :attr:`note`, is on the workbook's ``About`` sheet).
        Without a ``path``, returns the CSV text, as :meth:`CodingResult.to_csv` does."""
        return _csv_written(path, self.rows())

    def verdict_rows(self) -> list[list[Any]]:
        """Header + the two views' verdicts, each with the parameters it was judged by, the
        number of the interview it was reached at (the Saturation sheet's ``n``, the number the
        verdict names) and that interview's transcript (its ``interview``). Before, ``at
        interview`` held the transcript (``p13_interview``), not the number the verdict and the
        ``n`` column give (s54 framework tester)."""
        f, g = self.francis, self.guest

        def at(k: int | None) -> int | str:
            return "" if k is None else self.number(k)

        return [
            ["view", "parameters", "reached", "at interview", "interview", "verdict"],
            [
                "Francis et al. (2010) stopping rule",
                f"initial sample {f.initial_sample}, stopping criterion {f.stopping_criterion}",
                reached(
                    f.reached,
                    f.partly_reviewed,
                    f.not_borne_out,
                    unreviewed=f.unreviewed,
                    review_new=f.review_new,
                ),
                at(f.at),
                f.interview or "",
                f.message,
            ],
            [
                "Guest, Namey & Chen (2020) new-information threshold",
                f"base {g.base_size}, run {g.run_length}, threshold {g.new_info_threshold:.0%}",
                reached(
                    g.reached,
                    g.partly_reviewed,
                    g.not_borne_out,
                    unreviewed=g.unreviewed,
                    nothing_coded=g.nothing_coded,
                    review_new=g.review_new,
                ),
                at(g.at),
                g.interview or "",
                g.message,
            ],
            *(
                [["interview order", "", "", "", "", f"left out: {', '.join(self.left_out)}"]]
                if self.left_out
                else []
            ),
            *([["review", "", "", "", "", self.not_reviewed_note()]] if self.not_reviewed else []),
            *([["interview order", "", "", "", "", self.order_note]] if self.order_note else []),
        ]

    def to_xlsx(self, path: str | Path) -> None:
        """Write an Excel workbook: ``Saturation`` (:meth:`rows`), ``Verdicts``
        (:meth:`verdict_rows`: each view's verdict and the parameters it was judged by) and
        ``About`` (:attr:`note`, what it charts, as Table 2's workbook)."""
        write_xlsx(
            path,
            [
                ("Saturation", self.rows(), 14, False),
                ("Verdicts", self.verdict_rows(), 30, True),
                *about_sheet(self.note, self.agreeing_only_note(), self.groups_note()),
            ],
            whole={"Verdicts": "the saturation section of roqa report's page"},
        )
        record_written(path)

    def __repr__(self) -> str:
        verdict = f"reached at {self.francis.at}" if self.francis.reached else "not reached"
        return (
            f"Saturation({len(self.interviews)} interviews, "
            f"{self.cumulative[-1] if self.cumulative else 0} codes; "
            f"{self.francis.initial_sample}+{self.francis.stopping_criterion} rule: {verdict})"
        )


def reached(
    yes: bool,
    partly_reviewed: Sequence[int],
    not_borne_out: str = "",
    *,
    unreviewed: Sequence[int] = (),
    nothing_coded: Sequence[int] = (),
    review_new: Sequence[int] = (),
) -> str:
    """The Verdicts sheet's ``reached`` cell, qualified as the verdict is, since it is pasted
    alone: ``no``, ``yes``, ``yes, but not borne out: interview 8 (P08) after it added 2 new codes``
    when later interviews added new codes (the rule is met, the later data contradict it), and
    ``yes, on a partial review (interviews 12, 13 hold undecided segments)`` when the verdict
    rests on one: interviews of the run or after it partly reviewed, or not reviewed at all
    (``unreviewed``: ``interview 12 not reviewed and interview 13 holds undecided segments``);
    and ``yes, but interview 6 of the run has no code charted (no evidence of saturation)``
    when interviews of the run met have nothing coded (``nothing_coded``: the Guest view does
    not pass over them as the 10+3 rule does); ``yes, but the review carried in gives new codes
    to interview 11`` (not "interview 11 new codes", read as eleven) when it gives interviews of the run met, or after it, codes no earlier
    interview carried (``review_new``); the qualifications joined by ``;`` when several hold."""
    if not yes:
        return "no"
    said = [f"but not borne out: {not_borne_out}"] if not_borne_out else []
    if review_new:
        many = len(review_new) != 1
        said.append(
            f"{'' if said else 'but '}the review carried in gives new codes to "
            f"interview{'s' * many} {', '.join(map(str, review_new))}"
        )
    if nothing_coded:
        many = len(nothing_coded) != 1
        said.append(
            f"{'' if said else 'but '}interview{'s' * many} {', '.join(map(str, nothing_coded))}"
            f" of the run {'have' if many else 'has'} no code charted (no evidence of saturation)"
        )
    why = [
        f"interview{'s' * (len(ks) != 1)} {', '.join(map(str, ks))} {what}"
        for ks, what in (
            (unreviewed, "not reviewed"),
            (
                partly_reviewed,
                f"hold{'s' * (len(partly_reviewed) == 1)} undecided segments",
            ),
        )
        if ks
    ]
    if why:
        said.append(f"on a partial review ({' and '.join(why)})")
    return "; ".join(["yes, " + said[0], *said[1:]]) if said else "yes"


def unreviewed_named(unreached: Sequence[tuple[str, str]], few: int = VERDICT_NAMES) -> str:
    """The transcripts a review did not reach (``(name, participant)`` each, the participant
    said when not the name but for case), in one phrase for a verdict's advice: ``I03 (P03) and
    I05 (P05)``; past ``few`` of them, how many and the first ``few`` (``the 7 unreviewed
    interviews I7 (P7), ... and 2 more``); empty when none."""
    shown = [t if p.casefold() == t.casefold() else f"{t} ({p})" for t, p in unreached]
    if len(shown) <= few:
        return and_list(shown) if shown else ""
    return f"the {len(shown)} unreviewed interviews {first_and_count(shown, few)}"


def partly_reviewed_named(
    partly: Sequence[tuple[str, int, int]] | Sequence[tuple[str, int, int, str]],
    few: int = VERDICT_NAMES,
) -> str:
    """The interviews a review reached only partly (``(name, undecided, to review)`` each, or
    with the participant last, said when not the name), in one phrase for a verdict's advice:
    ``the partly reviewed P01 (1 of 20 segments undecided), P02 (16 of 21) and p04_interview
    (P04, 24 of 27)``; past ``few`` of them, how many and the first ``few`` (``the 7 partly
    reviewed interviews P01 (...), ... and 2 more``); empty when none."""
    if not partly:
        return ""
    shown = [
        f"{name} ({f'{who[0]}, ' if who and str(who[0]).casefold() != str(name).casefold() else ''}"
        f"{u} of {n}"
        f"{' segments undecided' if i == 0 else ''})"
        for i, (name, u, n, *who) in enumerate(partly)
    ]
    if len(partly) <= few:
        return f"the partly reviewed {and_list(shown)}"
    return f"the {len(partly)} partly reviewed interviews {first_and_count(shown, few)}"


def not_reviewed_note(
    not_reviewed: Sequence[tuple[str, str, int | None]],
    few: int | None = None,
    *,
    order_given: bool = False,
) -> str:
    """The transcripts a review did not reach (:attr:`Saturation.not_reviewed`), in one phrase
    (empty when there are none): all of them, or past ``few`` the first ``few`` and how many
    more (a verdict's; 35 in full made one of 2,300 characters, scale tester s62); their
    numbers are places in the order given when ``order_given``, else in the study's."""
    if not not_reviewed:
        return ""
    named = [f"{t} ({'' if n is None else f'interview {n}, '}{p})" for t, p, n in not_reviewed]
    shown = ", ".join(named) if few is None else first_and_count(named, few)
    where = "the order given" if order_given else "the study's order"
    kept = (
        f" (the others keep their numbers in {where})"
        if any(n is not None for _, _, n in not_reviewed)
        else ""
    )
    return (
        f"{len(not_reviewed)} transcript(s) not reviewed yet are left out of the judgement"
        f"{kept}: {shown}"
    )


_NUMBERED = re.compile(r"(\D*?)0*(\d+)")


def _numbered(participant: str) -> tuple[str, int] | None:
    """A participant id's letters (any case) and number (``P07`` -> ``("p", 7)``), else None."""
    m = _NUMBERED.fullmatch(participant.strip())
    return None if m is None else (m.group(1).casefold(), int(m.group(2)))


def _runs(ids: list[str]) -> str:
    """Participant ids joined by commas, three or more numbered one after another written as a
    range (``P01\u2013P05``)."""
    parts: list[str] = []
    k = 0
    while k < len(ids):
        end = k
        while end + 1 < len(ids) and (a := _numbered(ids[end])) and (b := _numbered(ids[end + 1])):
            if b != (a[0], a[1] + 1):
                break
            end += 1
        if end - k >= 2:
            parts.append(f"{ids[k]}\u2013{ids[end]}")
        else:
            parts.extend(ids[k : end + 1])
        k = end + 1
    return ", ".join(parts)


def split_new_note(
    result: CodingResult,
    new_codes: Sequence[Sequence[str]],
    charted: Sequence[Mapping[str, Sequence[str]]],
    first: int,
    whose: Callable[[int], str],
    label: Callable[[str], str],
) -> str:
    """What a verdict in a codebook the model's codes were translated into must add when an
    interview from the ``first`` (1-based) on counts as adding new codes only because the mapping
    split a model code already charted: each of its new codes came, on every segment, from a
    model code with several counterparts there (:func:`~roqa_nlp.crosswalk.split_origins`)
    charted in an earlier interview under another of them. In the model's own codes it adds
    nothing new, so a count it restarts (or a run it does not bear out) rests on the words of
    its segments (IC.F Complexity at P03 and P09 as "skilled activity", at P12 as "labour
    intensive": not reached in the seed themes, reached in CFIR; s52 study tester, finding 3).
    A model code is known as charted only where it was split (a code with one counterpart is
    its own). ``charted``: per interview, its codes and their segments (as counted); empty
    when no interview is such."""
    from .codebook import builtin_codebook
    from .crosswalk import split_origins

    split = split_origins(result)
    if not split:
        return ""
    walk = result.meta["crosswalk"]
    try:
        source = builtin_codebook(str(walk.get("from")))
    except (KeyError, ValueError, RoqaError):
        source = None
    seen: dict[str, tuple[int, str]] = {}  # model code -> (interview, code charted) first
    said: list[tuple[str, str]] = []  # (interview, its new codes' origins)
    for k, codes in enumerate(charted, 1):
        origins = {
            code: {split.get(sid, {}).get(code) for sid in sids} for code, sids in codes.items()
        }
        came = [next(iter(origins[c])) for c in new_codes[k - 1]]
        if (
            k >= first
            and new_codes[k - 1]
            and all(len(origins[c]) == 1 for c in new_codes[k - 1])
            and all(m is not None and m in seen for m in came)
        ):
            parts = []
            for code, model in zip(new_codes[k - 1], came, strict=True):
                assert model is not None
                j, there = seen[model]
                name = source[model].name if source is not None and model in source else ""
                parts.append(
                    f"{label(code)}, from {walk.get('from')} {model} {name}".rstrip()
                    + f", charted in interview {whose(j)} as {label(there)}"
                )
            said.append((whose(k), "; ".join(parts)))
        for code, models in origins.items():
            for m in sorted(m for m in models if m is not None):
                seen.setdefault(m, (k, code))
    if not said:
        return ""
    n = len(said)
    if n == 1:
        which, details = f"interview {said[0][0]} adds", said[0][1]
    else:
        which = f"{n} interviews add"
        details = "; ".join(f"interview {w}: {d}" for w, d in said[:3])
        details += f"; and {n - 3} more" if n > 3 else ""
    return (
        f"; but {which} new codes only because the mapping split a model code charted before "
        f"among its {walk.get('to')} counterparts ({details}): the model gave the same code "
        f"and the segment's words chose the counterpart, so in {walk.get('from')}'s codes "
        f"{'it adds' if n == 1 else 'they add'} nothing new and the verdict rests on that "
        "split; read those segments"
    )


#: How the order saturation takes the interviews in is made, with no order given, as a note on
#: it begins (:func:`~roqa_nlp.name_dates.dated_order_note`)
CODED_ORDER = (
    "saturation takes the interviews in the order they were coded, a folder's files by name with "
    "numbers compared as numbers"
)


def numbered_alike(ids: Sequence[str]) -> bool:
    """Whether every one of ``ids`` is a participant number written alike (``P01`` ... ``P13``,
    ``P1``, ``Participant 3``: one prefix, case aside, and a number), two or more of them, each
    id's number its own (one id may come twice: a participant's two files). The rule by which
    saturation, with no order given, takes the interviews in their participants' order
    (:func:`participant_ordered`)."""
    distinct = list(dict.fromkeys(ids))
    numbered = [_numbered(p) for p in distinct]
    if len(distinct) < 2 or any(n is None for n in numbered):
        return False
    return len({n[0] for n in numbered if n}) == 1 and len(set(numbered)) == len(numbered)


def participant_ordered(ids: Sequence[str]) -> list[int] | None:
    """The places of ``ids`` (each an interview's participant) in their participants' order, by
    number (a participant's two files keep their order), when every one is numbered alike
    (:func:`numbered_alike`); None otherwise: the order they were coded in stands. Saturation's
    default order and the report's transcripts follow it (study8 tester, s78, L5: files
    ``zoom_p01`` ... ``zoom_p04`` and ``p05_...`` ... ``p13_...`` were judged P05-P13, then
    P01-P04)."""
    if not numbered_alike(ids):
        return None
    return sorted(range(len(ids)), key=lambda k: _numbered(ids[k]) or ("", 0))


def participant_order_taken_note(coded: list[str], taken: list[str]) -> str:
    """What saturation says (:attr:`Saturation.order_note`) when, no order given, it took the
    interviews in their participants' order (``taken``, :func:`participant_ordered`), not the
    order they were coded in (``coded``, each by its participant): which order it used, and how
    to give the order the interviews were done in, when it is another."""
    more = len(taken) > 3
    example = ",".join(taken[:3]) + (",..." if more else "")
    listed = ", ".join(json.dumps(p, ensure_ascii=False) for p in taken[:3]) + (", ..." * more)
    return (
        f"saturation takes the interviews in participant order ({_runs(taken)}), as every "
        "interview's id is a participant number, not in the order they were coded (a folder's "
        f"files by name, files named one by one in the order named; here by participant: "
        f"{_runs(coded)}); if they were done in another order, give it as participant or "
        f"transcript ids: `roqa report --order {example}` (or a file with one per line), or "
        f"`order=[{listed}]` in Python (saturation, ReportOptions)"
    )


def participant_order_note(participants: list[str]) -> str:
    """What saturation says (:attr:`Saturation.order_note`) when the interviews, taken in the
    order they were coded (no order given: a folder's files by name, files named one by one in
    the order named), are not in their participants' order, and every interview has an id of
    its own numbered alike (``P01`` ... ``P13``): the verdicts depend on the order, and
    interviews are often numbered in the order they were done. Empty otherwise."""
    numbered = [_numbered(p) for p in participants]
    if len(participants) < 2 or any(n is None for n in numbered):
        return ""
    if len({n[0] for n in numbered if n}) != 1 or len(set(numbered)) != len(numbered):
        return ""
    by_id = sorted(participants, key=natural_key)  # one prefix, numbers distinct: by number
    if by_id == participants:
        return ""
    more = len(by_id) > 3
    example = ",".join(by_id[:3]) + (",..." if more else "")
    listed = ", ".join(json.dumps(p, ensure_ascii=False) for p in by_id[:3]) + (", ..." * more)
    # read in Python as in the report and the workbook, whatever wrote them: both ways to give
    # it, the command line's option and the functions' parameter (s52 sat, leftover 3)
    return (
        "saturation takes the interviews in the order they were coded (a folder's files "
        "by name, files named one by one in the order named; here by participant: "
        f"{_runs(participants)}), not participant order "
        f"({_runs(by_id)}); to judge it in the order they were done in, give that order as "
        f"participant or transcript ids: `roqa report --order {example}` (or a file with one "
        f"per line), or `order=[{listed}]` in Python (saturation, ReportOptions)"
    )


def downloads_taken_note(taken: list[str], result: CodingResult) -> str:
    """What saturation says, no order given, when transcripts of ``taken`` (in the order
    taken) are cases under names a browser gave one file downloaded again
    (:func:`~roqa_nlp.transcripts.download_names.download_copies`: ``Research interview``,
    ``Research interview (1)``): those, and how to give the order they were done in; empty
    otherwise (daily27, s90, D2: the unmarked file, downloaded first, was judged third, unsaid).
    """
    from .transcripts.download_names import download_copies, download_order_note, order_to_give

    groups = download_copies((t, result.participant_of(t)) for t in taken)
    downloaded = {t for ids in groups for t in ids}
    named = [t for t in taken if t in downloaded]
    return download_order_note(named, order_to_give(taken, groups)) if named else ""


#: The run-metadata keys ``roqa apply-decisions`` records a review's reach under
#: (:func:`~roqa_nlp.decisions.reviewed_codings`): the study's transcripts it did not reach and
#: their cases (an interview order naming them leaves them out of the judgement, at their
#: places in it; saturation names them), and the
#: transcripts it reached only partly, ``[undecided, to review]`` segments each (a verdict of
#: "reached" says so).
NOT_REVIEWED = "transcripts_not_reviewed"
NOT_REVIEWED_CASES = "participants_not_reviewed"
#: ... and the study's transcripts in the order the review found them, those it did not reach
#: among them, so that saturation numbers the interviews as the study does
STUDY_INTERVIEWS = "study_interviews"
UNDECIDED = "undecided_segments"
#: ... and what the review had to decide: ``{"participant_segments": n, "procedural": p,
#: "small_talk": t}``, the coded transcripts' participant segments and those set aside from
#: review and left undecided (:func:`~roqa_nlp.decisions.to_review`); the rest are reviewable,
#: the denominator the summary of ``roqa apply-decisions`` and Table 2's note report
REVIEW_SCOPE = "review_scope"
#: The meta of a review's codings that says what it left out (a ``.qdpx`` export carries them)
REVIEW_LEFT_OUT = (UNDECIDED, NOT_REVIEWED, NOT_REVIEWED_CASES, STUDY_INTERVIEWS, REVIEW_SCOPE)
#: ... and what it decided: the segments (``agree`` compares a review on them alone) and the
#: hash of the model whose suggestions it reviewed (``agree`` says such a review is not
#: independent coding); a ``.qdpx`` export carries them too, so that the imported review is
#: compared as the review itself is
REVIEWED = "reviewed_segments"
REVIEWED_MODEL = "reviewed_model"
REVIEW_RECORDED = (*REVIEW_LEFT_OUT, REVIEWED, REVIEWED_MODEL)
#: ... and in the export's record alone, the spans of the segments it decided with no code
#: (``{id: [transcript, start, end]}``), which no selection carries: the import gives them back
REVIEWED_NO_CODE = "reviewed_no_code"
#: ... and the spans of every segment it decided, coded or not (``{id: [transcript, start,
#: end]}``): a decided segment whose coded passage was deleted in the QDA program is given back
#: as decided with no code, not dropped with every coder's codings in it (exchange tester, s61)
REVIEWED_SPANS = "reviewed_spans"
#: ... and of each of them, the digest of its text and the GUIDs of the selections that carry
#: it (``{id: [digest, guid, ...]}``): a passage is found again when the program dropped roqa's
#: selection names, edited the transcript's text before it (its span moved), or moved its
#: selection to another passage (session 62)
REVIEWED_PASSAGES = "reviewed_passages"


def ordinal(n: int) -> str:
    """``n`` as an English ordinal: ``1st``, ``2nd``, ``3rd``, ``11th``, ``13th``, ``22nd``."""
    last = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{last}"


def initial_sample_end(nothing_coded: Sequence[bool], initial_sample: int) -> int | None:
    """The interview (1-based) that completes the initial sample of the 10+3 rule: the
    ``initial_sample``-th of those with something coded (``nothing_coded``: of each interview,
    whether nothing is coded in it), the rule passing over the others
    (:func:`francis_stopping_rule`); 0 for no initial sample, None when fewer have something
    coded."""
    if initial_sample == 0:
        return 0
    coded = [k for k, empty in enumerate(nothing_coded, 1) if not empty]
    return coded[initial_sample - 1] if len(coded) >= initial_sample else None


def _check_francis(initial_sample: int, stopping_criterion: int) -> None:
    """A one-line error unless the 10+3 rule's two numbers are each at least one interview: with
    no initial sample the rule would judge from the first interview, before any is analysed."""
    if initial_sample < 1:
        raise RoqaValueError(
            "the initial sample of the 10+3 rule must be at least 1 interview, got "
            f"{initial_sample}",
            hint="Francis et al. (2010) analyse 10 interviews first: initial_sample=10",
        )
    if stopping_criterion < 1:
        raise RoqaValueError(
            "the stopping criterion of the 10+3 rule must be at least 1 interview, got "
            f"{stopping_criterion}",
            hint="Francis et al. (2010) stop after 3 further interviews with no new idea: "
            "stopping_criterion=3",
        )


def francis_stopping_rule(
    new_counts: Sequence[int],
    *,
    initial_sample: int = 10,
    stopping_criterion: int = 3,
    coded: Sequence[bool] | None = None,
) -> int | None:
    """The 1-based interview at which the 10+3 rule of Francis et al. (2010) [3]_ is met.

    Francis et al. analyse an *initial analysis sample* (10 interviews), then keep interviewing
    until a *stopping criterion* of consecutive further interviews (3) bring no new idea. Saturation
    is reached at the first interview ``k`` such that ``k >= initial_sample + stopping_criterion``
    and interviews ``k - stopping_criterion + 1 .. k`` (all after the initial sample) add no new
    code. ``None`` when the sequence never meets the rule.

    ``coded`` says of each interview whether anything is coded in it: one with nothing coded (a
    dropped call, consent or small talk only) brings no new code but is no evidence that there
    are none to find, and no interview analysed, so it is passed over wherever it falls: it
    counts neither toward the initial sample (the first ``initial_sample`` interviews with
    something coded) nor toward the quiet interviews, nor breaks their run; the rule is met
    after ``stopping_criterion`` interviews past the initial sample with something coded and
    nothing new. None: every interview counts.
    """
    _check_francis(initial_sample, stopping_criterion)
    quiet = 0
    sampled = 0
    for k, n in enumerate(new_counts, 1):
        if coded is not None and not coded[k - 1]:
            continue
        if sampled < initial_sample:
            sampled += 1
            continue
        quiet = quiet + 1 if n == 0 else 0
        if quiet >= stopping_criterion:
            return k
    return None


def guest_runs(
    new_counts: Sequence[int], *, base_size: int = 4, run_length: int = 2
) -> tuple[int, list[GuestRun]]:
    """Base size and runs of the Guest, Namey & Chen (2020) method [4]_.

    The *base* is the number of unique codes in the first ``base_size`` interviews. A *run* is
    ``run_length`` consecutive interviews after the base; runs start at interview
    ``base_size + 1`` and move forward one interview at a time. For each run::

        new information = (codes first seen in the run) / (unique codes in the base)

    The denominator stays the base, as in Guest et al.'s worked example, so the ratio reads as
    "new information relative to what the first interviews yielded". The ratio is ``None``
    when the base holds no code.
    """
    if base_size < 1 or run_length < 1:
        raise RoqaValueError(
            "the Guest et al. method needs base_size >= 1 and run_length >= 1",
            hint=f"got {base_size} and {run_length}",
        )
    base = sum(new_counts[:base_size])
    runs = []
    for first in range(base_size + 1, len(new_counts) - run_length + 2):
        last = first + run_length - 1
        new = sum(new_counts[first - 1 : last])
        runs.append(GuestRun(first, last, new, None if base == 0 else new / base))
    return base, runs


def saturation(
    result: CodingResult,
    order: Sequence[str] | None = None,
    *,
    initial_sample: int = 10,
    stopping_criterion: int = 3,
    new_info_threshold: float = 0.05,
    base_size: int = 4,
    run_length: int = 2,
    top_k: int | None = None,
    min_probability: float = 0.0,
    coded: Sequence[Quote] | None = None,
    codebook: Codebook | str | Path | None = None,
    cases: CaseKind = "participant",
    decided: Mapping[str, Collection[str]] | None = None,
    decided_names: Mapping[str, str] | None = None,
    in_order: StudyOrder | None = None,
) -> Saturation:
    """Data saturation over the interviews of a coding result, in interview order.

    An interview is a case, as the framework matrix charts them (:func:`framework_matrix`,
    ``cases``): by default a participant (``result.participant_of(transcript)``), so an
    interview recorded in two files (``p04_part1.vtt``, ``p04_part2.vtt``, or two files whose
    speaker labels name the same participant, ``P04``) is one interview, its codes those of both
    files, in the place of the first of them; ``cases="transcript"`` counts each file.

    For each interview, its *new codes* are the codes it carries that no earlier interview carried
    (a code is an "idea" here), on a segment that says more than yes or no (a reply that only
    agrees, ``Yeah, same here.``, :attr:`Quote.only_agrees`, is no idea of its own, though the
    matrix counts it, and Table 2 when its code is sure: :func:`with_evidence`); the cumulative curve counts the codes seen so far. Only the
    codebook's codes are ideas: talk that fits no code (flagged for open coding) is counted per
    interview in ``open_coding``, and a verdict of "reached" says when the quiet interviews still
    hold such talk, since a new idea found there by open coding would restart the count. Two
    judgements:

    - **Francis et al. (2010)** [3]_: the 10+3 rule (``initial_sample`` and ``stopping_criterion``,
      see :func:`francis_stopping_rule`) — the seed study's rule: "after ten interviews, ...
      three further consecutive interviews ... with no new ideas emerging".
    - **Guest, Namey & Chen (2020)** [4]_: base size, run length and new-information threshold
      (default <= 5 %, see :func:`guest_runs`): saturation is reached at the last interview of the
      first run whose new information is at or below ``new_info_threshold``.

    ``order`` lists transcript ids (or participant ids, ``P03``, which name all of that
    participant's transcripts; with ``cases="transcript"`` only where each names one) in the
    order the interviews were done, as a list or one comma-separated string (default: their
    participants' order when every interview is one transcript of one participant numbered
    alike, ``P01`` ... ``P13``, no file name holds a date and no group speaks in one
    (:func:`participant_study_order`), else the order the result holds them; a joint
    interview's participant, ``P31`` of ``joint_p31_p32``, names
    it where the id is no case of its own, and two of its names one after the other name it
    once: :func:`group_participants`). Ids it leaves out are not considered; unknown or
    repeated ids are errors. ``top_k`` and ``min_probability`` choose which suggestions count as
    codes (see :func:`coded_segments`); a code given by name counts as its id in ``codebook``
    (default: the one the result recorded). A model's new code whose every segment in the
    interview is below :data:`SURE_CODE` is still counted, but listed in
    :attr:`Saturation.unsure_new`, and both verdicts say how many there are. ``decided``: the
    segments a review carried into the report decided (segment id -> the codes it gives there,
    none when it fits no code; :func:`~roqa_nlp.decisions.decided_segments`): the verdicts say
    which unsure new codes it decided every segment of (and which it gives to none of them),
    and ask to review only the others; and a verdict of "reached" says when it gives an
    interview of the run that met it a code no earlier interview carried (a new code named in
    open coding: a new idea restarts the count), named by ``decided_names`` (a new code's id ->
    its name, :func:`~roqa_nlp.decisions.new_code_names`). ``in_order``: the result's
    :func:`interviews_in_study_order`, when the caller worked it out already (the report, whose
    transcripts and lists follow it), taken with no ``order`` given.
    """
    _check_francis(initial_sample, stopping_criterion)
    _check_cases(cases)
    result = as_result(result, "saturation")
    if coded is None:
        result, codebook = in_recorded_chart(result, codebook)
    meta = result.meta if isinstance(result.meta, dict) else {}
    known = interview_order(result)
    left_out: list[str] = []
    unread: list[str] = []
    # the study's order, the review's unreached transcripts among the others: it numbers them
    study = meta.get(STUDY_INTERVIEWS)
    study = [str(t) for t in study] if isinstance(study, list) else []
    # a joint interview's participants (joint_p31_p32: P31, P32)
    members = group_participants(result)
    if order is None:
        # every interview's participant numbered alike: taken in their order, a review's study
        # (its transcripts not reached among them, by the participant it recorded) numbered so
        # too; else as coded (study8 tester, s78, L5; one function with the report's, hunt5 F4)
        seq, study = in_order if in_order is not None else interviews_in_study_order(result)
    else:
        if not isinstance(order, str | Iterable) or isinstance(order, bytes):
            raise RoqaTypeError(
                "saturation() takes order as the interviews in the order they were done (a "
                "list of transcript names or participants, or one comma-separated str), not "
                f"{a_type(order)}",
                hint='e.g. order=["p01", "p02", "p03"]',
            )
        given = order.split(",") if isinstance(order, str) else list(order)
        if not any(str(x).strip() for x in given):
            raise RoqaValueError(
                "the interview order names no interview",
                hint="give transcript ids in the order the interviews were done, or no order",
            )
        # a name in the order may be a transcript id or a participant id, spelled with or without
        # leading zeros or in another case (P3 = p03): the one transcript it names
        named: dict[str, list[str]] = {}
        for t in known:
            for spelled in {same_id(t), same_id(result.participant_of(t))}:
                named.setdefault(spelled, []).append(t)
        # a joint interview's participant (P31 of joint_p31_p32) names it, where the id is no
        # case of its own (P31 interviewed alone too names that interview)
        own = set(named)
        for t, theirs in members.items():
            for m in theirs:
                if same_id(m) not in own and t not in named.get(same_id(m), []):
                    named.setdefault(same_id(m), []).append(t)

        def transcripts_of(given_name: str) -> list[str]:
            """The transcripts ``given_name`` names: one, or all of one participant's."""
            if given_name in known:
                return [given_name]
            found = set(named.get(same_id(given_name), ()))
            one_case = len({_case_of(result, t, cases) for t in found}) == 1
            if len(found) == 1 or (found and cases == "participant" and one_case):
                return [t for t in known if t in found]
            return [given_name]

        expanded = [(str(x).strip(), transcripts_of(str(x).strip())) for x in given]
        # a joint interview named by two of its names one after another (P31,P32, or
        # joint_p31_p32,P32) is named once, in the place of the first; named apart, which of
        # the places is its own is not known
        kept: list[tuple[str, list[str]]] = []
        first_named: dict[str, tuple[int, str]] = {}  # joint interview -> (place, name)
        for a, ts in expanded:
            pair = ts[0] if len(ts) == 1 and ts[0] in members else None
            if (
                pair is not None
                and pair in first_named
                and same_id(first_named[pair][1]) != same_id(a)
            ):
                first_at, earlier = first_named[pair]
                if first_at != len(kept) - 1:
                    raise RoqaValueError(
                        f"interview order names {earlier!r} and {a!r} apart, two names of one "
                        f"joint interview ({pair})",
                        hint="name it once, in the place it was done",
                    )
                continue
            if pair is not None:
                first_named.setdefault(pair, (len(kept), a))
            kept.append((a, ts))
        expanded = kept
        seq = [t for _, ts in expanded for t in ts]
        known_ids = set(known)
        missing = [t for t in seq if t not in known_ids]
        several = {
            t: sorted(set(named[same_id(t)]))
            for t in missing
            if len(set(named.get(same_id(t), ()))) > 1
        }
        if several:
            t, ids = next(iter(several.items()))
            raise RoqaValueError(
                f"interview order names {t!r}, who has {len(ids)} transcripts ({', '.join(ids)})",
                hint="name each of them by its transcript id, in the order they were done",
            )
        not_reviewed = meta.get(NOT_REVIEWED)
        not_reviewed = set(not_reviewed) if isinstance(not_reviewed, list) else set()
        unread_cases = meta.get(NOT_REVIEWED_CASES)
        not_reviewed |= (
            {same_id(str(c)) for c in unread_cases} if isinstance(unread_cases, list) else set()
        )
        unread = [t for t in missing if t in not_reviewed or same_id(t) in not_reviewed]
        study = list(seq)  # numbered as the order given numbers them
        if unread:
            # no warning: the verdicts, the table and the chart name them as not reviewed, each
            # at its place in the order (it asked "not reviewed yet?" of transcripts the review
            # records as not reached; blind tester s63, sat, finding 2)
            seq = [t for t in seq if t not in set(unread)]
            missing = [t for t in missing if t not in set(unread)]
        if missing:
            # every id the order takes: a transcript's participant id too, where it is another
            # (P7 of interview_2024-03-18; s51 saturation, finding 9)
            ids = [
                f"{t} ({', '.join(members[t])})"
                if t in members
                else t
                if same_id(p) == same_id(t)
                else f"{t} ({p})"
                for t, p in ((t, result.participant_of(t)) for t in known)
            ]
            raise RoqaValueError(
                f"interview order names unknown transcript(s) {', '.join(map(repr, missing))}",
                hint=f"use ids from: {', '.join(ids)}; a participant id names all of that "
                "participant's transcripts",
            )
        # two names of one participant's transcripts (P4 and P04, one case): say so, not the
        # transcript ids they repeat, which the user never typed (huntids 3b)
        for i, (a, ts) in enumerate(expanded):
            b = next((b for b, o in expanded[i + 1 :] if b != a and set(o) & set(ts)), None)
            if b is not None and len(ts) > 1:
                ids = sorted(ts)
                raise RoqaValueError(
                    f"interview order names {a!r} and {b!r}, one participant (case "
                    f"{_case_of(result, ts[0], 'participant')}) with {len(ids)} transcripts "
                    f"({', '.join(ids)})",
                    hint="name each of them by its transcript id, in the order they were done",
                )
        dupes = sorted({t for t in seq if seq.count(t) > 1})
        if dupes:
            raise RoqaValueError(f"interview order repeats {', '.join(map(repr, dupes))}")
        left_out = [t for t in known if t not in set(seq)]
        if left_out:
            from .errors import warn

            warn(
                f"the interview order leaves out {len(left_out)} of the {len(known)} transcripts "
                f"({first_few(left_out)}): saturation is judged on the {len(seq)} it names"
            )
    if not 0 <= new_info_threshold <= 1:
        raise RoqaValueError(
            f"new_info_threshold must be between 0 and 1, got {new_info_threshold}"
        )
    listed = meta.get(NOT_REVIEWED)
    listed = [str(t) for t in listed] if isinstance(listed, list) else []
    cases_of = meta.get(NOT_REVIEWED_CASES)
    cases_of = [str(c) for c in cases_of] if isinstance(cases_of, list) else []
    case_of = dict(zip(listed, cases_of))
    held = set(known)

    def case_key(t: str) -> str:
        """The interview transcript ``t`` is (part of): its case, as the framework matrix
        charts it; for a transcript a review did not reach, the participant it recorded."""
        if cases == "transcript":
            return t
        return result.participant_of(t) if t in held else case_of.get(t, t)

    # the transcripts judged, grouped into interviews: one participant's files are one
    # interview (p04_part1, p04_part2), in the place of the first of them
    files_of: dict[str, list[str]] = {}
    for t in seq:
        files_of.setdefault(case_key(t), []).append(t)
    seq = list(files_of)  # from here on, the interviews by their case
    in_case = {t: c for c, ts in files_of.items() for t in ts}
    label = {c: " + ".join(ts) for c, ts in files_of.items()}
    place = {c: k for k, c in enumerate(dict.fromkeys(case_key(t) for t in study), 1)}
    numbers = [place[c] for c in seq] if all(c in place for c in seq) else []
    # an order names them by transcript or participant id: shown by the transcript's
    by_case = {same_id(c): t for t, c in case_of.items()} | {same_id(t): t for t in listed}
    named_unread = {by_case.get(same_id(u), u): place.get(case_key(u)) for u in unread}
    # in the study's order (the order given, when one is): listed as the review recorded them,
    # the first of an order given came last, hidden in "and 3 more" (blind tester s63, sat, 2)
    unreached = sorted(
        (
            (t, case_of.get(t, t), named_unread.get(t, place.get(case_key(t))))
            for t in dict.fromkeys([*listed, *named_unread])
        ),
        key=lambda u: (u[2] is None, u[2] or 0),
    )
    codes_in: dict[str, list[str]] = {c: [] for c in seq}
    support: dict[tuple[str, str], list[float]] = {}  # (interview, code) -> its probabilities
    segments_of: dict[tuple[str, str], list[str]] = {}  # (interview, code) -> its segments
    # the codebook only resolves codes given by name when the quotes are not given
    book = None if coded is not None else chart_codebook(codebook, result, required=False)
    charted = _coded(result, top_k, min_probability, coded, book)
    # the codebook charted in (checked once already when the quotes are given, as the report
    # gives them): what Table 2 leaves out of its columns makes no code new (table2_checks,
    # other_side_ids)
    sides = (
        book if book is not None else chart_codebook(codebook, result, required=False, check=False)
    )
    other_side = set(other_side_ids(result))
    charted = [q for q in charted if q.segment_id not in other_side]
    checks = table2_checks(result, charted, sides)
    charted = [q for q in charted if (q.segment_id, q.code_id) not in checks]
    agreeing: dict[str, list[str]] = {}  # code -> the interviews charting it on agreeing replies
    speakers: dict[str, dict[str, None]] = {}  # interview -> a group's members (as the matrix)
    for q in charted:
        if q.speaker and (c := in_case.get(q.transcript_id)) is not None:
            speakers.setdefault(c, {})[q.speaker] = None
        # a reply that only agrees ("Yeah, same here.") holds no idea of its own
        if (c := in_case.get(q.transcript_id)) is not None and q.only_agrees:
            if c not in (cs := agreeing.setdefault(q.code_id, [])):
                cs.append(c)
        elif c is not None:
            if q.code_id not in codes_in[c]:
                codes_in[c].append(q.code_id)
            # how sure the model is of the code, not its share of a mapping (unsure_new)
            support.setdefault((c, q.code_id), []).append(q.sure_probability)
            segments_of.setdefault((c, q.code_id), []).append(q.segment_id)
    seen: set[str] = set()
    new_codes: list[list[str]] = []
    cumulative: list[int] = []
    for t in seq:
        fresh = sorted((k for k in codes_in[t] if k not in seen), key=natural_key)
        seen.update(fresh)
        new_codes.append(fresh)
        cumulative.append(len(seen))
    counts = [len(c) for c in new_codes]
    agreeing_only = {
        k: [label[c] for c in seq if c in agreeing[k]]
        for k in sorted(agreeing, key=natural_key)
        if k not in seen
    }
    # an interview's participant: a joint interview's are its participants' ids (P31, P32),
    # not its case (joint_p31_p32), as the About sheet counts them (s72 tester, study2 D5)
    joint = {c: [m for t in files_of[c] for m in members.get(t, ())] for c in seq}
    participants = [
        ", ".join(sorted(dict.fromkeys(joint[c]), key=natural_key))
        if joint[c]
        else result.participant_of(files_of[c][0])
        for c in seq
    ]
    new_support = [
        {k: (len(support[t, k]), max(support[t, k])) for k in fresh}
        for t, fresh in zip(seq, new_codes, strict=True)
    ]

    from .codebook import named_code

    names = _code_names(result, book)
    # the codes shown: the new ones and those charted only on agreeing replies
    shown = {k: names[k] for ks in [*new_codes, list(agreeing_only)] for k in ks if k in names}

    from .exchange.qdpx_export import coder_of

    person = coder_of(result) is not None  # a person's codes are all at p = 1: no p shown
    # a model's new codes charted only from suggestions below SURE_CODE ("code unsure")
    unsure_new = [
        [] if person else [code for code, (_, p) in row.items() if p < SURE_CODE]
        for row in new_support
    ]

    # the lists of codes the verdicts' sentences name, each in full: the command line cuts them
    # (a review's decided codes made one line of 1,900 characters: hunt s68 h_verdict, D1)
    named_lists: list[list[str]] = []

    def listing(items: list[str]) -> str:
        """``items`` joined by ``, ``, kept as a list the command line may cut
        (:attr:`FrancisVerdict.lists`)."""
        if len(items) > 1 and items not in named_lists:
            named_lists.append(items)
        return ", ".join(items)

    def lists_of(sentences: Sequence[str]) -> list[list[str]]:
        """The lists of codes ``sentences`` name."""
        return [x for x in named_lists if any(", ".join(x) in said for said in sentences)]

    def evidence(k: int) -> str:
        """Interview ``k``'s new codes with what they rest on: a verdict kept open by one
        passage at p = 0.45 reads differently from one kept open by five at 0.9 (a person's
        codes, as the report shows them, with their segments only); a p below the line of a
        sure code is shown below it, as Table 2 shows it (0.395, not 0.40 beside "every segment
        below p=0.40": blind tester s63, sat, finding 4)."""
        return listing(
            [
                f"{named_code(code, names.get(code), shown)} ({n} segment{'s' * (n != 1)}"
                f"{'' if person else f', p={shown_beside(p)}'})"
                for code, (n, p) in new_support[k - 1].items()
            ]
        )

    uncoded: dict[str, int] = dict.fromkeys(seq, 0)
    for s in result.segments:
        c = in_case.get(s.segment.transcript_id)
        if c is not None and s.for_open_coding and s.segment.role != "interviewer":
            uncoded[c] += 1
    open_coding = [uncoded[t] for t in seq]

    def still_open(first: int, last: int) -> str:
        """What a verdict of "reached" must add when interviews first..last hold talk for open
        coding."""
        held = [k for k in range(first, last + 1) if open_coding[k - 1]]
        if not held:
            return ""
        n = sum(open_coding[k - 1] for k in held)
        which = ", ".join(whose(k) for k in held)  # a position alone reads as a participant's
        return (
            f"; but interview(s) {which} of that run hold {n} segment(s) that fit no code, "
            "waiting for open coding: a new idea among them restarts the count"
        )

    # the codes the review carried in gives each interview (decided), by their chart ids: a
    # project's new code, or a code of the chart; a code of another codebook a mapping kept as
    # it came is not told apart from the model's here, so not said new
    resolve_in = sides
    from .decisions import PROJECT_PREFIX

    review_codes: dict[str, dict[str, int]] = {}  # interview -> code -> its segments decided
    if decided:
        transcript_of = {s.segment.id: s.segment.transcript_id for s in result.segments}
        for sid, gives in decided.items():
            if (c := in_case.get(transcript_of.get(sid, ""))) is None:
                continue
            for code in gives:
                found = None if resolve_in is None else resolve_in.find(code)
                if found is None and not code.startswith(PROJECT_PREFIX):
                    continue
                key = code if found is None else found.id
                review_codes.setdefault(c, {})[key] = review_codes.get(c, {}).get(key, 0) + 1

    def review_new(first: int, last: int) -> list[tuple[int, list[str]]]:
        """The interviews first..last to which the review carried in gives codes no earlier
        interview carried, in the model's codes or the review's, each with those codes."""
        before: set[str] = set()
        for k in range(1, first):
            before |= {*codes_in[seq[k - 1]], *review_codes.get(seq[k - 1], {})}
        out: list[tuple[int, list[str]]] = []
        for k in range(first, last + 1):
            gives = review_codes.get(seq[k - 1], {})
            fresh = sorted((code for code in gives if code not in before), key=natural_key)
            if fresh:
                out.append((k, fresh))
            before |= {*codes_in[seq[k - 1]], *gives}
        return out

    def review_label(code: str) -> str:
        name = names.get(code) or (decided_names or {}).get(code)
        return named_code(code, name, {**(decided_names or {}), **names})

    def review_new_note(first: int, last: int) -> str:
        """What a verdict of "reached" must add when the review carried in gives interviews
        first..last (the run that met it), or later ones, codes no earlier interview carried:
        the model's view counts none there; on the review's codes a new idea restarts the count,
        or comes after the stopping point (apply-decisions charts the review)."""
        found = review_new(first, len(seq))
        if not found:
            return ""

        def listed(few: list[tuple[int, list[str]]]) -> str:
            n = sum(len(codes) for _, codes in few)
            return (
                f"{n} new code{'s' * (n != 1)} no earlier interview carried ("
                + "; ".join(
                    f"interview {whose(k)}: "
                    + listing(
                        [
                            f"{review_label(code)} ({m} segment{'s' * (m != 1)})"
                            for code in codes
                            for m in [review_codes[seq[k - 1]][code]]
                        ]
                    )
                    for k, codes in few
                )
                + ")"
            )

        within = [(k, codes) for k, codes in found if k <= last]
        after = [(k, codes) for k, codes in found if k > last]
        said = [
            f"that run {listed(within)}: a new idea restarts the count" if within else "",
            f"the interviews after that run {listed(after)}: the interviews after the stopping "
            "point do not bear saturation out"
            if after
            else "",
        ]
        n = sum(len(codes) for _, codes in found)
        return (
            "; but the review carried in gives "
            + "; and gives ".join(x for x in said if x)
            + f"; chart the review (roqa apply-decisions) for the verdict with "
            f"{'them' if n != 1 else 'it'}"
        )

    def nothing_coded(first: int, last: int) -> str:
        """What a verdict of "reached" must add when interviews first..last have no code charted
        at all: a dropped call or a consent-only recording adds no new code and no evidence."""
        empty = [k for k in range(first, last + 1) if not codes_in[seq[k - 1]]]
        if not empty:
            return ""
        return (
            f"; but interview(s) {', '.join(str(num(k)) for k in empty)} of that run have no "
            f"code charted at all ({why_empty(empty)}): an interview with nothing coded is no "
            "evidence of saturation, so leave it out of the order (--order)"
        )

    partly = meta.get(UNDECIDED)
    partly = partly if isinstance(partly, dict) else {}

    def undecided_in(c: str) -> tuple[int, int]:
        """Interview ``c``'s segments undecided and to review, over its files; (0, 0) when
        none is undecided."""
        pairs = [
            (int(n[0]), int(n[1]))
            for t in files_of[c]
            if isinstance(n := partly.get(t), list) and len(n) == 2
        ]
        left = sum(u for u, _ in pairs)
        return (left, sum(n for _, n in pairs)) if left else (0, 0)

    undecided = [undecided_in(c) for c in seq]

    def partly_held(first: int, last: int) -> list[int]:
        """The interviews first..last with undecided segments."""
        return [k for k in range(first, last + 1) if undecided[k - 1][0]]

    def unreviewed(first: int, last: int | None) -> list[tuple[int, str]]:
        """The transcripts the review did not reach (their number in the study's order and
        their participant) between interviews first and last judged (after ``first`` when
        ``last`` is None): numbered in the study's order, they sit in the run or after it."""
        if not numbers:
            return []
        low, high = num(first), None if last is None else num(last)
        return sorted(
            (n, p)
            for _, p, n in unreached
            if n is not None and low < n and (high is None or n < high)
        )

    def half_reviewed(first: int, last: int) -> str:
        """What a verdict of "reached" must add when interviews first..last of a review (``roqa
        apply-decisions``) are not reviewed, or still hold segments no decision decided: a
        code among them would restart the count; and when later interviews are or hold some:
        a new code among them would not bear saturation out. An interview the review did not
        reach sits between those judged, in the study's order (s51 saturation, finding 1)."""
        said = ""
        # "after it" pointed back across a sentence to the answer (hunt s68 h_verdict, D3)
        later = f"after interview {num(last)}"
        for unread, where, why in (
            (unreviewed(first, last), "within that run", "the verdict rests on the reviewed "
             "interviews"),
            (unreviewed(last, None), later, "a new code among them would not bear saturation "
             "out"),
        ):  # fmt: skip
            if unread:
                said += (
                    f"; {'and' if said else 'but'} interview(s) "
                    f"{', '.join(f'{n} ({p})' for n, p in unread)} {where} are not reviewed "
                    f"yet: {why}, so finish the review before reporting it"
                )
        for held, where, why in (
            (
                partly_held(first, last),
                "of that run",
                "the verdict rests on the decided segments",
            ),
            (
                partly_held(last + 1, len(seq)),
                later,
                "a new code among them would not bear saturation out",
            ),
        ):
            if held:
                n = sum(undecided[k - 1][0] for k in held)
                total = sum(undecided[k - 1][1] for k in held)
                said += (
                    f"; {'and' if said else 'but'} interview(s) "
                    f"{', '.join(str(num(k)) for k in held)} {where} are only partly reviewed "
                    f"({n} of their {total} segments undecided): {why}, so finish the review "
                    "before reporting it"
                )
        return said

    def later_new(last: int) -> str:
        """What a verdict of "reached" at interview ``last`` must add when later interviews
        still brought new codes: the data after the stopping point do not bear it out."""
        later = [k for k in range(last + 1, len(seq) + 1) if counts[k - 1]]
        if not later:
            return ""
        shown = "; ".join(f"interview {whose(k)}: {evidence(k)}" for k in later[:3])
        more = f"; and {len(later) - 3} more interview(s)" if len(later) > 3 else ""
        return (
            f"; but {len(later)} later interview(s) added new codes ({shown}{more}): the "
            "interviews after the stopping point do not bear saturation out"
        )

    def not_borne_out(last: int) -> str:
        """Of a verdict of "reached" at interview ``last``, the later interviews that added new
        codes, in a phrase for the ``reached`` cell; empty when none did."""
        later = [k for k in range(last + 1, len(seq) + 1) if counts[k - 1]]
        if not later:
            return ""
        n = sum(counts[k - 1] for k in later)
        which = ", ".join(whose(k) for k in later[:3]) + (" ..." if len(later) > 3 else "")
        return (
            f"interview{'s' * (len(later) != 1)} {which} after it added {n} new "
            f"code{'s' * (n != 1)}"
        )

    def unsure_note() -> list[str]:
        """What either verdict must add when new codes rest only on unsure suggestions: it counts
        them as codes the interviews used, and the model was not sure of them; a sentence (empty
        when there are none), its codes listed in :attr:`FrancisVerdict.unsure_codes`."""
        flagged = [k for k in range(1, len(seq) + 1) if unsure_new[k - 1]]
        if not flagged:
            return []
        n = sum(len(unsure_new[k - 1]) for k in flagged)
        # of the segments of the interview where the code was new: a later one may be sure
        # (study9 s79, 8: IND.A, new at 0.19 in interview 1, is at 0.999 in interview 2)
        said = (
            f"{n} of the {sum(counts)} new codes {'rests' if n == 1 else 'rest'} only on unsure "
            f"suggestions in the interview where {'it was' if n == 1 else 'each was'} new (every "
            f"segment of {'it' if n == 1 else 'each'} there below p={SURE_CODE:.2f}, listed "
            "last): the verdict counts them as codes the interviews used"
        )
        return [
            as_sentence(said + (reviewed_unsure(flagged) or ", so review them before reporting it"))
        ]

    def unsure_codes() -> list[str]:
        """The new codes resting only on unsure suggestions, each with its highest probability
        and its interview: ``IC.A Intervention Source p=0.19 in interview 1 (P01)``."""
        return [
            f"{named_code(code, names.get(code), shown)} "
            f"p={below_line(new_support[k - 1][code][1], SURE_CODE)} in interview {whose(k)}"
            for k in range(1, len(seq) + 1)
            for code in unsure_new[k - 1]
        ]

    def reviewed_unsure(flagged: list[int]) -> str:
        """What the unsure note says instead of "review them" when a review carried in
        (``decided``) decided every segment of some of the unsure new codes: which, those it
        gives to none of their segments, and the others to review; empty when it decided none."""
        if not decided:
            return ""
        pairs = [(k, code) for k in flagged for code in unsure_new[k - 1]]
        done = [
            (k, code)
            for k, code in pairs
            if all(sid in decided for sid in segments_of[seq[k - 1], code])
        ]
        if not done:
            return ""
        dropped = [
            (k, code)
            for k, code in done
            if not any(code in decided[sid] for sid in segments_of[seq[k - 1], code])
        ]
        rest = [pair for pair in pairs if pair not in done]

        def labels(few: list[tuple[int, str]]) -> str:
            return listing([named_code(code, names.get(code), shown) for _, code in few])

        said = "; the review carried in decided every segment of " + (
            "them" if not rest else f"{len(done)} of them ({labels(done)})"
        )
        if dropped:
            said += f" and gives {labels(dropped)} to none of their segments"
        if rest:
            said += f"; review the other {len(rest)} ({labels(rest)}) before reporting it"
        return said + "; chart the review (roqa apply-decisions) for a verdict on its codes"

    def name(k: int | None) -> str | None:
        return None if k is None else label[seq[k - 1]]

    def num(k: int) -> int:
        """The number in the study's order of the ``k``-th interview judged (1-based)."""
        return numbers[k - 1] if numbers else k

    def whose(k: int) -> str:
        """The ``k``-th interview judged by its number and participant, ``16 (P17)``: in a list
        of interviews, a position alone reads as a participant's number (s51 saturation, 4)."""
        return f"{num(k)} ({participants[k - 1]})"

    def span(first: int, last: int) -> str:
        """Interviews ``first..last`` judged, by their numbers in the study's order."""
        shown = [num(k) for k in range(first, last + 1)]
        if shown == list(range(shown[0], shown[-1] + 1)):
            return f"{shown[0]}-{shown[-1]}" if len(shown) > 1 else str(shown[0])
        return ", ".join(map(str, shown))

    def run_span(ks: Sequence[int]) -> str:
        """A run of interviews ``ks`` judged (:func:`span` when they follow on), in an order
        given with their participants too, ``9-11 (P11, P12, P13)``: a pasted verdict read the
        positions as participants' numbers (blind tester s64, satloop, 1)."""
        shown = (
            span(ks[0], ks[-1])
            if list(ks) == list(range(ks[0], ks[-1] + 1))
            else ", ".join(str(num(k)) for k in ks)
        )
        if order is None:
            return shown
        return f"{shown} ({', '.join(participants[k - 1] for k in ks)})"

    def at_interview(k: int) -> str:
        """Where the ``k``-th interview judged stands and whose it is, said once: ``interview
        13 (P13, p13_interview)``; in an order given, ``interview 13 in the order given (P11,
        p11_interview)``, so that a position is not read as a participant's number, numbered
        as the verdict's other interviews are (``interview 3 (P12)``; it said "the 13th
        interview in the order given" beside them: blind tester s63, sat, finding 3)."""
        p, t = participants[k - 1], label[seq[k - 1]]
        whose = t if p == t else f"{p}, {t}"
        return f"interview {num(k)}{'' if order is None else ' in the order given'} ({whose})"

    # the rule's run, said as many as it is: "a further interview", "3 consecutive interviews"
    run_of = (
        "a further interview adds"
        if stopping_criterion == 1
        else f"{stopping_criterion} consecutive interviews add"
    )

    # with no code charted in any interview, quiet interviews say nothing of saturation
    empty = [not codes_in[t] for t in seq]
    # of those, the ones a review decided to fit no code, every segment it decided there (a
    # full interview, not a failed recording: blind tester s63, sat, finding 5)
    decided_ids = meta.get(REVIEWED)
    decided_ids = {str(i) for i in decided_ids} if isinstance(decided_ids, list) else set()
    reviewed_in: dict[str, list[bool]] = {}  # interview -> per segment: decided, coded
    for s in result.segments:
        if (c := in_case.get(s.segment.transcript_id)) is not None and s.segment.id in decided_ids:
            reviewed_in.setdefault(c, []).append(bool(s.suggestions))
    # ... and every segment of it decided (:func:`undecided_in`): with some left undecided, the
    # review has not said that no code fits the interview (a hunt of s63's finding 5)
    no_code_fits = {
        k
        for k, t in enumerate(seq, 1)
        if empty[k - 1] and t in reviewed_in and not any(reviewed_in[t]) and not undecided[k - 1][0]
    }

    def why_empty(ks: Sequence[int]) -> str:
        """Why interviews ``ks`` (with nothing coded) may have nothing coded: the reviewer's
        decision that no code fits, else a guess."""
        decided = [k for k in ks if k in no_code_fits]
        if len(decided) == len(ks):
            return "the reviewer decided no code fits any of their segments"
        guess = "a failed recording, consent or small talk only?"
        if not decided:
            return guess
        return (
            f"{guess} (the reviewer decided no code fits any segment of interview(s) "
            f"{', '.join(str(num(k)) for k in decided)})"
        )

    def review_may_meet_rule() -> bool:
        """Whether finishing the review could still meet the 10+3 rule, in the study's order
        with the interviews it did not reach: each such interview, or one partly reviewed, taken
        at its best (something coded, nothing new), a new code counted only where it is new
        whatever the review still decides (no earlier interview has a segment to decide, so none
        can take it first; deciding an interview's own segments only adds codes to it). True
        when the places of those not reached are not known (a review before study_interviews)."""
        places = [n for _, _, n in unreached if n is not None]
        if len(places) < sum(order is None or n is not None for _, _, n in unreached) or (
            places and not numbers
        ):
            return True
        open_at = set(places)  # study numbers -> an interview the review has still to decide
        by_number = {num(k): k for k in range(1, len(seq) + 1)}
        news: list[int] = []
        coded_at: list[bool] = []
        pending = False  # an earlier interview has segments still to decide
        for n in sorted(set(by_number) | open_at):
            k = by_number.get(n)
            if k is None or n in open_at:
                news.append(0)
                coded_at.append(True)
                pending = True
                continue
            news.append(counts[k - 1] if not pending else 0)
            coded_at.append(not empty[k - 1] or bool(undecided[k - 1][0]))
            pending = pending or bool(undecided[k - 1][0])
        return (
            francis_stopping_rule(
                news,
                initial_sample=initial_sample,
                stopping_criterion=stopping_criterion,
                coded=coded_at,
            )
            is not None
        )

    at = (
        francis_stopping_rule(
            counts,
            initial_sample=initial_sample,
            stopping_criterion=stopping_criterion,
            coded=[not e for e in empty],
        )
        if any(counts)
        else None
    )

    def passed_over(first: int, last: int) -> str:
        """The interviews first..last with nothing coded, which the rule passed over, said."""
        gone = [k for k in range(first, last + 1) if empty[k - 1]]
        if not gone:
            return ""
        why = why_empty(gone)
        return (
            f" (interview(s) {', '.join(str(num(k)) for k in gone)} have no code charted at "
            f"all, {'as ' * why.startswith('the reviewer')}{why}, and are not counted: an "
            "interview with nothing coded is no evidence of saturation)"
        )

    # the initial sample is the first interviews with something coded (the rule passes over
    # those with nothing coded there too): where it ends
    n_with_codes = len(seq) - sum(empty)
    sample_end = initial_sample_end(empty, initial_sample) or 0
    if at is not None:
        run = [k for k in range(sample_end + 1, at + 1) if not empty[k - 1]]
        first = run[-stopping_criterion]
        sample = (
            f" with something coded, interviews {span(1, sample_end)}"
            if sample_end > initial_sample
            else ""
        )
        quiet = run_span(run[-stopping_criterion:])
        # the interviews with nothing coded just before the quiet run are passed over too: said,
        # or the verdict names interview 15 where a count of interviews gives 14 with no word
        # why (stats29 s91: P12 all set aside, "No new codes in interviews 13-15")
        before = first
        while before > sample_end + 1 and empty[before - 2]:
            before -= 1
        answer = as_sentence(f"saturation reached at {at_interview(at)}")
        cause = as_sentence(
            f"no new codes in interview{'s' * (stopping_criterion != 1)} {quiet}"
            f" after an initial sample of {initial_sample}{sample}"
            + passed_over(1 if sample else before, at)
        )
        clauses = [
            still_open(first, at),
            half_reviewed(first, at),
            later_new(at),
            review_new_note(first, at),
        ]
    else:
        need = initial_sample + stopping_criterion
        last_new = max((k for k, n in enumerate(counts, 1) if n), default=None)
        # the interviews judged with those the review did not reach (of them, an order's only):
        # a participant's transcript not reached beside a reviewed one adds no interview
        away = {case_key(t) for t, _, n in unreached if order is None or n is not None}
        total = len(seq) + len(away - set(seq))
        # "only 12 interview(s)" of a study of 13, one not reviewed, read as one more to do
        # (blind tester s64, satloop, 2)
        # a review before participants_not_reviewed was recorded gives no interview of the
        # transcripts it did not reach: a participant's second would count as one (hunt s65
        # h_satcli D2: "12 of the 14" of a study of 13), so no total is said
        cased = cases == "transcript" or all(t in held or t in case_of for t, _, _ in unreached)
        if total == len(seq) or not cased:
            few = f"only {len(seq)} interview(s)"
        elif seq:
            are = "is" if len(seq) == 1 else "are"
            few = f"only {len(seq)} of the {total} interviews {are} reviewed"
        elif total > 1:
            few = f"none of the {total} interviews is reviewed"
        else:
            few = "the interview is not reviewed"
        # every reason names the interviews the rule passed over (s51 saturation, finding 10)
        why = (
            "no interview has a code charted"
            if seq and not any(counts)
            else (
                # an interview with nothing coded is not counted: not in the count either
                f"{few}, the rule needs at least {need}"
                if len(seq) < need and n_with_codes == len(seq)
                else f"only {n_with_codes} of the {len(seq)}{' reviewed' * bool(unreached)} "
                f"interviews have something coded, the rule needs at least {need}"
                if n_with_codes < need
                else f"{at_interview(last_new)} still added new codes: {evidence(last_new)}"
                if last_new is not None and last_new > len(seq) - stopping_criterion
                else "no interview after the initial sample without new codes"
                if stopping_criterion == 1
                else f"no {stopping_criterion} consecutive interviews without new codes"
            )
            + passed_over(1, len(seq))
        )
        # interviews the review has not reached, or reached only partly, may complete the run
        # or hold new codes: review them first, each named (s50: P02 and P04 mostly undecided
        # went unsaid beside the unreached P03)
        partly_named = partly_reviewed_named(
            [
                (label[seq[k - 1]], *undecided[k - 1], participants[k - 1])
                for k in partly_held(1, len(seq))
            ]
        )
        to_finish = " and of ".join(
            w for w in (unreviewed_named([(t, p) for t, p, _ in unreached]), partly_named) if w
        )
        go_on = f"continue interviewing until {run_of} no new code"
        if to_finish and total < need:
            # no review can make so few interviews meet the rule: interviewing comes first (s56
            # writeup tester: "finish the review ... and judge again before interviewing more"
            # of 6 interviews)
            advice = f"{go_on}, and finish the review of {to_finish}"
        elif to_finish and not review_may_meet_rule():
            # nor when the codes decided leave no run a review could make quiet (s74 study4,
            # defect 1: P25, last, added 3 decided new codes, 1 segment undecided)
            advice = (
                "the codes decided so far keep the rule from being met, whatever the rest of "
                f"the review decides: {go_on}, and finish the review of {to_finish}"
            )
        elif to_finish:
            listed = partly_named or len(unreached) > VERDICT_NAMES
            advice = (
                f"finish the review of {to_finish}{',' if listed else ''} and judge "
                "again before interviewing more"
            )
        else:
            advice = go_on
        answer, cause, clauses = as_sentence("saturation not reached"), as_sentence(why), [advice]
    per = [{code: segments_of[c, code] for code in codes_in[c]} for c in seq]

    def lbl(code: str) -> str:
        return named_code(code, names.get(code), names)

    # no complete initial sample: the verdict rests on too few interviews, not on new codes
    after = sample_end + 1 if sample_end else len(seq) + 1
    split = split_new_note(result, new_codes, per, after, whose, lbl)
    unreached_note = (
        [not_reviewed_note(unreached, VERDICT_NAMES, order_given=order is not None)]
        if unreached
        else []
    )
    notes = [as_sentence(c) for c in [*clauses, split] if c] + unsure_note()
    notes += [as_sentence(c) for c in unreached_note]
    unsure = unsure_codes()
    francis = FrancisVerdict(
        initial_sample,
        stopping_criterion,
        at is not None,
        at,
        name(at),
        "",
        [] if at is None else [num(k) for k in partly_held(first, len(seq))],
        "" if at is None else not_borne_out(at),
        [] if at is None else [n for n, _ in unreviewed(first, None)],
        [] if at is None else [num(k) for k, _ in review_new(first, len(seq))],
        answer,
        cause,
        notes,
        unsure,
        lists_of([cause, *notes]),
    )
    francis.message = " ".join(verdict_sentences(francis, UNSURE_SHOWN, UNSURE_ALL))

    base, runs = guest_runs(counts, base_size=base_size, run_length=run_length)
    hit = next((r for r in runs if r.ratio is not None and r.ratio <= new_info_threshold), None)
    pct = f"{new_info_threshold:.0%}"

    def guest_not_borne_out(hit: GuestRun) -> str:
        """:func:`not_borne_out` of the Guest verdict, with the first later run above the
        threshold (and how many more there are)."""
        said = not_borne_out(hit.last)
        over = [
            r
            for r in runs
            if r.last > hit.last and r.ratio is not None and r.ratio > new_info_threshold
        ]
        if not said or not over:
            return said
        first = over[0]
        more = f", and {len(over) - 1} later run(s) above it" if len(over) > 1 else ""
        return (
            f"{said} (run {run_span(range(first.first, first.last + 1))}: "
            f"{first.ratio or 0.0:.1%} new "
            f"information > {pct}{more})"
        )

    clauses = []
    if hit is not None:
        ratio = hit.ratio or 0.0
        answer = as_sentence(f"saturation reached at {at_interview(hit.last)}")
        cause = as_sentence(
            f"base {base_size} interviews ({base} codes), run "
            f"{run_span(range(hit.first, hit.last + 1))} added "
            f"{hit.new} new "
            f"code(s) = {ratio:.1%} <= {pct} new information"
        )
        clauses = [
            nothing_coded(hit.first, hit.last),
            still_open(hit.first, hit.last),
            half_reviewed(hit.first, hit.last),
            later_new(hit.last),
            review_new_note(hit.first, hit.last),
        ]
    elif base == 0:
        cause = f"the first {base_size} interviews hold no code"
    elif not runs:
        cause = (
            f"{len(seq)} interview(s) are too few for a base of {base_size} and a run of "
            f"{run_length}"
        )
    else:
        cause = (
            f"every run of {run_length} interviews after a base of {base_size} added more than "
            f"{pct} new information"
        )
    if hit is None:
        answer, cause = as_sentence("saturation not reached"), as_sentence(cause)
    clauses.append(split_new_note(result, new_codes, per, base_size + 1, whose, lbl))
    notes = [as_sentence(c) for c in clauses if c] + unsure_note()
    notes += [as_sentence(c) for c in unreached_note]
    guest = GuestView(
        base_size,
        run_length,
        new_info_threshold,
        base,
        runs,
        hit is not None,
        None if hit is None else hit.last,
        None if hit is None else name(hit.last),
        "",
        [] if hit is None else [num(k) for k in partly_held(hit.first, len(seq))],
        "" if hit is None else guest_not_borne_out(hit),
        [] if hit is None else [n for n, _ in unreviewed(hit.first, None)],
        [] if hit is None else [num(k) for k in range(hit.first, hit.last + 1) if empty[k - 1]],
        [] if hit is None else [num(k) for k, _ in review_new(hit.first, len(seq))],
        answer,
        cause,
        notes,
        unsure,
        lists_of([cause, *notes]),
    )
    guest.message = " ".join(verdict_sentences(guest, UNSURE_SHOWN, UNSURE_ALL))
    # each interview by its participant (a joint interview's lowest id), in the order taken and
    # in the order coded: the order note names both
    first_id = {
        c: sorted(joint[c], key=natural_key)[0] if joint[c] else p
        for c, p in zip(seq, participants, strict=True)
    }
    taken_ids = [first_id[c] for c in seq]
    coded_ids = [first_id[c] for c in dict.fromkeys(in_case[t] for t in known if t in in_case)]
    by_participant = order is None and taken_ids != coded_ids
    if order is None and unreached and all(c in place for c in seq):
        # the note names the interviews the table numbers: those a review has not reached
        # yet too, at their places (daily27, s90, D5: "participant order (P01-P12)" above a
        # table whose row 13 is P13, not reviewed); coded, as the review found them

        def id_of(t: str) -> str:
            c = case_key(t)
            return first_id[c] if c in first_id else case_of.get(t, c)

        study_taken = list(dict.fromkeys(map(id_of, study)))
        # only where the note still applies: an unnumbered one not reached (a pilot) would
        # make the reviewed interviews' order-coded note vanish (hunt55, s90, M1)
        if by_participant or all(_numbered(p) for p in study_taken):
            taken_ids = study_taken
            coded_ids = list(dict.fromkeys(map(id_of, _texts(meta.get(STUDY_INTERVIEWS)))))
    return Saturation(
        [label[c] for c in seq],
        participants,
        new_codes,
        cumulative,
        francis,
        guest,
        open_coding,
        new_support,
        shown,
        left_out,
        numbers,
        unreached,
        empty if any(empty) else [],
        unsure_new if any(unsure_new) else [],
        charted_note(
            result,
            resolve_in,
            charted,
            top_k=top_k,
            min_probability=min_probability,
            shows_valence=(),  # saturation counts codes, not sides
        ),
        undecided if any(u for u, _ in undecided) else [],
        [files_of[c] for c in seq],
        agreeing_only,
        {
            label[c]: sorted(who, key=natural_key)
            for c in seq
            if len(who := speakers.get(c, {})) > 1
        },
        ""
        if order is not None
        else participant_order_taken_note(coded_ids, taken_ids)
        if by_participant
        # a joint interview by its lowest id: done after P30, joint_p31_p32 read first is
        # out of order (s72 tester, study2 D4)
        else participant_order_note(taken_ids)
        or dated_order_note([files_of[c][0] for c in seq], CODED_ORDER, python=True)
        or downloads_taken_note([t for c in seq for t in files_of[c]], result),
        split_note=split,
        order_given=order is not None,
        by_participant=by_participant,
    )


# -- suggested CFIR construct ratings ---------------------------------------------------------


@dataclass
class ConstructRating:
    """A *suggested* CFIR rating of one construct for one case, with the quotes behind it.

    ``rating`` is ``"+2"``, ``"+1"``, ``"0"``, ``"-1"``, ``"-2"`` or ``"X"`` (mixed); ``value`` is
    the number (``None`` for ``X``). Always a suggestion for the researcher to confirm.
    """

    case: str
    code_id: str
    name: str
    domain: str | None
    rating: str
    value: int | None
    barriers: int
    enablers: int
    neutral: int
    mean_probability: float
    reason: str
    quotes: list[Quote]
    status: str = "suggested"

    def to_dict(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "code_id": self.code_id,
            "name": self.name,
            "domain": self.domain,
            "rating": self.rating,
            "value": self.value,
            "barriers": self.barriers,
            "enablers": self.enablers,
            "neutral": self.neutral,
            "mean_probability": self.mean_probability,
            "reason": self.reason,
            "quotes": [q.to_dict() for q in self.quotes],
            "status": self.status,
        }


@dataclass
class ConstructRatings:
    """Suggested ratings for every case x construct that was coded."""

    cases: list[str]
    codes: list[str]
    names: dict[str, str]
    ratings: dict[tuple[str, str], ConstructRating]

    def get(self, case: str, code_id: str) -> ConstructRating | None:
        return self.ratings.get((case, code_id))

    def __iter__(self) -> Any:
        return iter(self.ratings.values())

    def __len__(self) -> int:
        return len(self.ratings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": "suggested",
            "cases": self.cases,
            "codes": self.codes,
            "ratings": [r.to_dict() for r in self.ratings.values()],
        }

    def __repr__(self) -> str:
        return (
            f"ConstructRatings({len(self.ratings)} suggested ratings, {len(self.cases)} cases x "
            f"{len(self.codes)} constructs)"
        )


def rate_construct(
    barriers: Sequence[float],
    enablers: Sequence[float],
    neutral: Sequence[float] = (),
    *,
    mixed_ratio: float = 2.0,
    strong_margin: int = 2,
    strong_probability: float = 0.6,
    sure_valence: float = SURE_VALENCE,
    valence_probabilities: Mapping[str, Sequence[float]] | None = None,
) -> tuple[str, int | None, str]:
    """Suggest a CFIR rating from the probabilities of a construct's barrier/enabler/neutral
    codings.

    The CFIR rating rules [5]_ rate a construct's influence in a case from -2 to +2 by *valence*
    (positive or negative) and *strength* (2 = strong, explicit, concrete; 1 = weak or general),
    0 = neutral or no valence, and X = mixed (positive and negative influence that balance).
    From coded segments we use this rule:

    1. only neutral codings -> ``0``;
    2. valence: with ``b`` barrier and ``e`` enabler segments, the larger side wins only if it is
       at least ``mixed_ratio`` times the smaller; otherwise both are present and neither
       dominates -> ``X`` (so 1 vs 1, 2 vs 3 are mixed; 2 vs 1 is not);
    3. strength 2 when the winning side's margin (``max(b, e) - min(b, e)``) is at least
       ``strong_margin`` segments *and* their mean probability is at least
       ``strong_probability`` (several confident mentions stand in for "explicit examples")
       *and*, when ``valence_probabilities`` are given (``{"barrier": [...], "enabler": [...]}``,
       the valence probability of each barrier and enabler coding), the mean over the winning
       side is at least ``sure_valence`` (a confident code with a coin-flip valence is no strong
       barrier or enabler); otherwise 1.

    Returns ``(rating, value, reason)``; the reason counts the neutral segments too and says
    its mean probabilities are the winning side's: ``1 barrier vs 0 enabler segment(s), 2
    neutral; the barrier segment's mean probability 0.33, valence probability 0.45: weak``.
    """
    b, e, z = len(barriers), len(enablers), len(neutral)
    if b == 0 and e == 0:
        if z == 0:
            raise ValueError("a construct rating needs at least one coded segment")
        return "0", 0, f"{z} neutral segment(s), no barrier or enabler"
    lo, hi = min(b, e), max(b, e)
    # the neutral segments are counted beside the two sides (they are among the quotes), and
    # the mean probabilities are said to be the winning side's, not the quotes' (s50)
    neutral_note = f", {z} neutral" if z else ""
    if lo > 0 and hi < mixed_ratio * lo:
        return (
            "X",
            None,
            (
                f"mixed: {b} barrier and {e} enabler segment(s){neutral_note}"
                f"{';' if z else ','} neither dominates"
            ),
        )
    sign = 1 if e > b else -1
    winning = enablers if sign > 0 else barriers
    mean_p = sum(winning) / len(winning)
    side = "enabler" if sign > 0 else "barrier"
    sure = list((valence_probabilities or {}).get(side, ()))
    valence_probability = sum(sure) / len(sure) if sure else None
    sure_enough = valence_probability is None or valence_probability >= sure_valence
    strong = hi - lo >= strong_margin and mean_p >= strong_probability and sure_enough
    value = sign * (2 if strong else 1)
    # each shown beside the lines it is read against: strong (and SURE_CODE, below which the
    # report frames the cell dashed) and the sure valence
    valence_note = (
        ""
        if valence_probability is None
        else f", valence probability {shown_beside(valence_probability, (sure_valence,))}"
    )
    whose = f"the {side} segment's" if hi == 1 else f"the {hi} {side} segments'"
    mean = shown_beside(mean_p, (SURE_CODE, strong_probability))
    reason = (
        f"{hi} {side} vs {lo} {'barrier' if sign > 0 else 'enabler'} segment(s){neutral_note}; "
        f"{whose} mean probability {mean}{valence_note}: " + ("strong" if strong else "weak")
    )
    return f"{value:+d}", value, reason


def construct_ratings(
    result: CodingResult,
    codebook: Codebook | str | Path | None = None,
    *,
    cases: CaseKind = "participant",
    top_k: int | None = None,
    min_probability: float = 0.0,
    quotes: int = 3,
    mixed_ratio: float = 2.0,
    strong_margin: int = 2,
    strong_probability: float = 0.6,
    coded: Sequence[Quote] | None = None,
) -> ConstructRatings:
    """Suggested CFIR ratings (-2 ... +2 or X) per case x construct, by :func:`rate_construct`.

    Only constructs coded in a case are rated (an unmentioned construct is "missing", not 0); a
    reply that only agrees, its code unsure, is no evidence to rate on (:func:`with_evidence`).
    Each rating keeps up to ``quotes`` of its segments (chosen as Table 2 and the matrix choose
    theirs: :func:`most_representative`) so the researcher can confirm or change it; every
    rating is marked ``status="suggested"``.

    ``codebook`` (a :class:`~roqa_nlp.codebook.Codebook`, a built-in id or a JSON file) gives
    the order of the constructs and their domains; ``cases``, ``top_k``, ``min_probability`` and
    ``quotes`` are as for :func:`framework_matrix`; ``mixed_ratio``, ``strong_margin`` and
    ``strong_probability`` are the rule's thresholds (:func:`rate_construct`).
    """
    result = as_result(result, "construct_ratings")
    _check_cases(cases)
    if coded is None:
        result, codebook = in_recorded_chart(result, codebook)
    codebook = None if codebook is None else chart_codebook(codebook, result, check=coded is None)
    # a reply that only agrees, its code unsure, is no evidence to rate on (with_evidence)
    coded = with_evidence(_coded(result, top_k, min_probability, coded, codebook))
    groups: dict[tuple[str, str], list[Quote]] = {}
    # the framework's constructs are rated, not a project's own codes beside them (a new code
    # from open coding has no domain in a codebook that has domains)
    rated = (
        (lambda k: (c := codebook.find(k)) is not None and c.domain is not None)
        if codebook is not None and codebook.domains
        else (lambda k: True)
    )
    for q in coded:
        if not rated(q.code_id):
            continue
        case = q.participant if cases == "participant" else q.transcript_id
        groups.setdefault((case, q.code_id), []).append(q)
    names = _code_names(result, codebook)
    if codebook is not None:
        order = {c.id: i for i, c in enumerate(codebook.codes)}
        codes = sorted(
            {k for _, k in groups},
            key=lambda k: (order.get(k, len(order)), natural_key(k)),
        )
    else:
        codes = sorted({k for _, k in groups}, key=natural_key)
    ratings: dict[tuple[str, str], ConstructRating] = {}
    case_ids = sorted({c for c, _ in groups}, key=natural_key)
    for case in case_ids:
        for k in codes:
            qs = groups.get((case, k))
            if not qs:
                continue
            by_v = {
                v: [q.probability for q in qs if q.valence == v]
                for v in ("barrier", "enabler", "neutral")
            }
            rating, value, reason = rate_construct(
                by_v["barrier"],
                by_v["enabler"],
                by_v["neutral"],
                mixed_ratio=mixed_ratio,
                strong_margin=strong_margin,
                strong_probability=strong_probability,
                valence_probabilities={
                    v: [
                        q.valence_probability
                        for q in qs
                        if q.valence == v and q.valence_probability is not None
                    ]
                    for v in ("barrier", "enabler")
                },
            )
            dom = None
            if codebook is not None and codebook.find(k) is not None:
                d = codebook.domain_of(k)
                dom = None if d is None else d.id
            ratings[(case, k)] = ConstructRating(
                case=case,
                code_id=k,
                name=names.get(k, k),
                domain=dom,
                rating=rating,
                value=value,
                barriers=len(by_v["barrier"]),
                enablers=len(by_v["enabler"]),
                neutral=len(by_v["neutral"]),
                mean_probability=sum(q.probability for q in qs) / len(qs),
                reason=reason,
                quotes=most_representative(qs, quotes),
            )
    return ConstructRatings(case_ids, codes, names, ratings)


__all__ = [
    "BarriersEnablers",
    "Cell",
    "ConstructRating",
    "ConstructRatings",
    "ConstructRow",
    "DomainRow",
    "FrameworkMatrix",
    "FrancisVerdict",
    "GuestRun",
    "GuestView",
    "Quote",
    "Saturation",
    "Side",
    "barriers_enablers",
    "coded_segments",
    "construct_ratings",
    "framework_matrix",
    "francis_stopping_rule",
    "guest_runs",
    "rate_construct",
    "saturation",
]
