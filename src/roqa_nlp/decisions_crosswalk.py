"""Decisions made on codes of another codebook, read as decisions on the model's codes.

A researcher who reviews the suggestions charted in CFIR 2.0 (``roqa code --codebook cfir-2022``,
``roqa report --codebook cfir-2022``, a CFIR 2.0 ``.qdpx`` that ``roqa import`` reads back) saves
decisions on CFIR 2.0 codes (``INS.E``, ``INS.A.2``, ``OUT.A``), while the model suggests and
learns CFIR 2009 codes (``codings.jsonl`` keeps them). Each row naming a code of another built-in
codebook that documents a mapping with the model's (:mod:`roqa_nlp.crosswalk`) is read as the
decision it is on the model's codes (:func:`in_model_codes`):

- an ``accept`` or ``reject`` of a code shown as the translation of one of the segment's
  suggestions (its codings charted as the report and ``--qdpx`` chart them) is that decision on
  the suggestion it was translated from, the one that gave it its probability (Tension for
  Change shown for the model's Tension for Change, Policies & Laws for External Policy &
  Incentives). A rejection of a code whose suggestion the researcher accepted under another of
  its codes (Policies & Laws accepted, Financing rejected, both shown for External Policy &
  Incentives) is left out: the suggestion was right;
- a ``recode`` to a code, or an ``accept`` of one the segment was not shown, is that decision on
  the model's code the code stands for: the one model code that maps onto it (Communications:
  Networks & Communications); for a sub-construct no model code maps onto, its construct's
  (Information Technology Infrastructure: Structural Characteristics; Funding: Available
  Resources); of several model codes, the one of its name (Planning: Planning, not Goals &
  Feedback; Opinion Leaders: Opinion Leaders, not Champions). A code no model code maps onto
  (Critical Incidents, Adapting, Innovation Recipients), or that several do with none of its name
  (Capability, Motivation, Implementation Leads), becomes a **new code named as the construct**
  (``new-code`` "Critical Incidents" -> ``project.critical-incidents``), so that the retrained
  model can suggest it; a code of that name the model has already (an earlier round's) is that
  code;
- a ``reject`` of a code not shown is a rejection of its one model code, and is left out when it
  has none (rejecting Capability says nothing of Knowledge & Beliefs or of Self-efficacy alone);
- a segment whose every code shown (the first :data:`~roqa_nlp.decisions.REJECT_ALL`, as the
  model's codes are judged) was rejected, with nothing accepted, recoded or named, gets a
  ``no-code`` row: the reviewer decided it fits no code, which the rejections of the model's
  codes (fewer, or others, than the codes shown) may not say;
- a recode's ``suggestion`` (the code it replaced) becomes the suggestion it was shown for;
  ``valence``, ``note``, ``new-code`` and ``no-code`` rows are kept as they are.

One warning says how many rows were read so and what became of them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .codebook import Codebook, builtin_codebook, builtin_codebook_with
from .crosswalk import (
    CodeWords,
    Said,
    _code_words,
    _targets,
    _words,
    base_codebook,
    crosswalk,
    sure_top_has_no_counterpart,
    translated_with_origins,
)
from .decisions import NO_CODE, NOTE, Decision, match_decisions, rejects_all, same_text
from .errors import RoqaError, first_few, quoted, warn
from .result import CodingResult
from .schema import SegmentResult

#: the decisions that name a code
CODE_DECISIONS = ("accept", "reject", "recode")


def other_codebook(code_id: str, model: Codebook, *, by_id: bool = False) -> str | None:
    """The built-in codebook ``code_id`` is a code of, when the model's codebook lacks it and the
    two document a mapping; else None. ``by_id``: only a code of that id, not of that name or
    alias, as for a review of codings charted in the researcher's own codebook, whose page
    saved its ids: her dropped code NEED is not CFIR 2.0's "Need" (re-test, session 47)."""
    if not code_id or model.find(code_id) is not None:
        return None
    base = base_codebook(model)
    other = builtin_codebook_with([code_id], besides=base.id)
    if other is None or (by_id and not builtin_codebook(other).has_id(code_id)):
        return None
    try:
        crosswalk(base, builtin_codebook(other))
    except RoqaError:
        return None  # no documented mapping: the row is left for the model's error
    if unmapped_builtin_code(code_id, model, other):
        return None  # a code the researcher's own codebook lacks (refused until recoded)
    return other


def unmapped_builtin_code(code_id: str, model: Codebook, other: str) -> bool:
    """Whether ``code_id``, a codable code of the built-in codebook ``other``, is one that no
    code of the researcher's own codebook ``model`` maps onto (its documented mapping, a
    sub-construct through its construct). Such an id in a review is a code her codebook lacks
    (dropped since the review), not ``other``'s code to be made a new code named as it: a
    team that keeps CFIR's ids saw its dropped CI.A "Staff understanding of recovery" become
    the project code "Knowledge & Beliefs about the Intervention" (codebook tester, session
    60). A built-in model codebook keeps reading such a code as a new code named as it (CFIR
    2.0's Critical Incidents in a review of a CFIR 2009 model)."""
    from .crosswalk import BUILTIN

    base = base_codebook(model)
    if base.id in BUILTIN:
        return False
    book = builtin_codebook(other)
    code = book.find(code_id)
    if code is None or not code.codable:
        return False
    try:
        walk = crosswalk(base, book)
    except RoqaError:
        return False
    mapped = {t for c, ts in walk.items() if c in base for t in ts}
    # its construct's counterpart stands for a sub-construct; a construct whose sub-constructs
    # are mapped is read as before (a new code named as it)
    near = {c.id for c in book.path(code.id)}  # itself and the codes above it
    near.update(c.id for c in book.codes if code in book.path(c.id))  # and those below it
    return not (near & mapped)


def review_codebook(
    decisions: Sequence[Decision], model: Codebook, *, chart: Codebook | None = None
) -> str | None:
    """The id of the codebook a review was made in when it is not the model's, else None.

    ``chart``: the codebook ``roqa code --codebook`` charted the codings in (run.json's
    ``chart_codebook``), whose codes the report page showed and saved. The review is in it when
    its rows name a code of it that the model's codebook lacks and none of the model's that it
    lacks (the model's project codes aside, and codes it knows by no name, refused later in its
    codes): a review of codings charted in the researcher's own codebook, whose code ``NEED``
    is theirs though CFIR 2.0 has a code named "Need". Else the built-in codebook every code
    its rows name is a code of, documented as mapping onto the model's codebook (a review of
    the codings charted in CFIR 2.0)."""
    from .crosswalk import BUILTIN

    base = base_codebook(model)
    if (
        chart is not None
        and chart.id != base.id
        and in_chart_codes(decisions, base, chart, model=model)
    ):
        return chart.id
    own = chart is not None and chart.id not in BUILTIN
    found: set[str] = set()
    for d in decisions:
        if d.decision not in CODE_DECISIONS or not d.code_id:
            continue
        other = other_codebook(d.code_id, model, by_id=own)
        if other is not None:
            found.add(other)
            continue
        code = model.find(d.code_id)
        if code is None or code.id not in base:
            continue  # a project code (or an unknown one, refused later)
        return None  # a code of the model's own codebook: a review in its codes
    return found.pop() if len(found) == 1 else None


def in_chart_codes(
    decisions: Sequence[Decision], base: Codebook, chart: Codebook, *, model: Codebook | None = None
) -> bool:
    """Whether the code rows of ``decisions`` name a code of ``chart`` that the model's
    codebook ``base`` lacks, and none of ``base`` that ``chart`` lacks. Of the researcher's own
    ``chart``, a code neither has (by no key, and no built-in codebook's id nor a project's)
    counts as one of its codes: a code of hers dropped or renamed since the review (NEED,
    dropped in v2), refused in her codebook's codes, not read as the model's or as a built-in
    codebook's code of that name (re-test, session 47: "NEED is a code of cfir-2022"). Of her
    own ``chart``, a code counts as one of ``base`` only by its id, not its name. Of a built-in
    ``chart`` (CFIR 2.0), so does a code accepted or recoded to that neither has nor the
    ``model`` (its project codes too) knows: a typo of a code the page showed ("Financin"),
    refused in the chart's codes with the codes near it, not in the model's (study9 s79, 1:
    "unknown code in codebook 'cfir-2009'", no did-you-mean)."""
    from .codebook import BUILTIN
    from .decisions import PROJECT_PREFIX

    own = chart.id not in BUILTIN
    ours = theirs = False
    for d in decisions:
        if d.decision not in CODE_DECISIONS or not d.code_id:
            continue
        in_chart = chart.find(d.code_id) is not None
        # on codings charted in her own codebook, a built-in code only by its id: CFIR's name
        # "Culture" beside her STAFF and COMPLEX made the whole review CFIR 2009's (re-test,
        # session 47); it is an unknown code of hers
        found = base.find(d.code_id)
        in_base = found is not None and (not own or found.id == d.code_id.strip())
        # a name both know for codes not mapped onto each other ("Staffing": CFIR 2.0's Work
        # Infrastructure, 2009's Available Resources) is the chart's, as the page read it
        # (session 79 hunt5 F4: apply-decisions read it as 2009's when no other row was 2.0's)
        in_base = in_base and not (in_chart and not own and unmapped_name(d.code_id, base, chart))
        # of a built-in chart, an accept or recode alone (refused either way): a rejection of
        # a code no codebook knows decides nothing, and leaves the review in the model's codes
        typo = model is not None and d.decision != "reject" and model.find(d.code_id) is None
        lacking = (
            (own or typo)
            and not (in_chart or in_base or d.code_id.startswith(PROJECT_PREFIX))
            and other_codebook(d.code_id, base, by_id=True) is None
        )
        ours = ours or (in_chart and not in_base) or lacking
        theirs = theirs or (in_base and not in_chart)
    return ours and not theirs


def unmapped_name(code_id: str, base: Codebook, chart: Codebook) -> bool:
    """Whether ``code_id`` is a name (or alias) that both the model's codebook ``base`` and the
    built-in ``chart`` find, as codes of other ids of which ``base``'s documented mapping does
    not map the one onto the other: CFIR 2.0's alias "Staffing" of Work Infrastructure (INS.A.3),
    CFIR 2009's of Available Resources (IS.E.2, mapped onto INS.J). The page of codings charted
    in ``chart`` reads it as ``chart``'s code, so a review of them does too."""
    here, there = chart.find(code_id), base.find(code_id)
    if here is None or there is None or here.id == there.id:
        return False
    try:
        walk = crosswalk(base, chart)
    except RoqaError:
        return False
    return here.id not in walk.get(there.id, ())


def counterpart(code_id: str, model: Codebook, other: Codebook) -> str | None:
    """The model's code a code of ``other`` stands for (see the module notes): the one that maps
    onto it; for a sub-construct none maps onto, its construct's; of several, the one of its
    name; else None (it becomes a new code named as it)."""
    base = base_codebook(model)
    walk = crosswalk(base, other)
    code = other.find(code_id)
    while code is not None:
        direct = [c for c, ts in walk.items() if code.id in ts and c in base and base[c].codable]
        if direct:
            if len(direct) == 1:
                return direct[0]
            named = base.find(code.name)
            return named.id if named is not None and named.id in direct else None
        code = None if code.parent is None else other.find(code.parent)
    return None


def stands_for(code_id: str, model: Codebook, other: Codebook) -> str | None:
    """The model's code a recode to ``code_id`` (a code of ``other``) is read as: its
    :func:`counterpart`, else a code of the model of its name (an earlier round's new code);
    None: it becomes a new code named as it (a rejection of it is left out)."""
    cid = counterpart(code_id, model, other)
    if cid is not None:
        return cid
    known = model.find(other[code_id].name)
    return known.id if known is not None and known.codable else None


def page_crosswalk(result: CodingResult, model: Codebook) -> dict[str, object]:
    """What the report's page (report.js) needs to read a decisions file loaded in the browser
    as :func:`in_model_codes` reads it on ``result`` (the model's codings, in ``model``'s codes):
    ``{"base": the model's built-in codebook, "codes": {code of another built-in codebook
    documented as mapping onto it: [that codebook, the code's name, the model code it stands for
    (:func:`stands_for`) or ""]}, "shown": {that codebook: {segment id: [[code shown, the
    suggestion it was shown for or ""], ...]}}}``, each segment's codes as the report charted in
    that codebook shows them, best first; ``{}`` when no codebook documents a mapping. Written
    from the same mapping and rules as Python reads a review with, never by hand."""
    from .crosswalk import BUILTIN

    base = base_codebook(model)
    loaded = {b: builtin_codebook(b) for b in BUILTIN if b != base.id}
    books: dict[str, Codebook] = {}
    # each codebook's crosswalk, built once for the page's every segment (it was built again for
    # each segment and codebook: 6,071 times for a report of 2,990 segments)
    walks: dict[str, dict[str, list[str]]] = {}
    for book_id, other in loaded.items():
        try:
            walks[book_id] = crosswalk(base, other)
        except RoqaError:
            continue
        books[book_id] = other
    if not books:
        return {}
    codes: dict[str, list[str]] = {}
    for book_id, other in books.items():
        for c in other.codable:
            if c.id in codes or model.find(c.id) is not None:
                continue
            # the first built-in codebook with the code is the one it is read in (other_codebook)
            if next(b for b, book in loaded.items() if c.id in book) == book_id:
                codes[c.id] = [book_id, c.name, stands_for(c.id, model, other) or ""]
    shown: dict[str, dict[str, list[list[str]]]] = {b: {} for b in books}
    # what does not change from one segment to the next, worked out once per codebook: the codes
    # each model code reaches there, and its codes' words
    targets: dict[str, dict[str, list[str]]] = {b: {} for b in books}
    code_words = {b: _code_words(other) for b, other in books.items()}
    for seg in result.segments:
        if not seg.suggestions:
            continue
        said = _said(seg.segment.text)  # the segment's words, read once for every codebook
        for book_id, other in books.items():
            seen = _shown(
                seg,
                model,
                other,
                walk=walks[book_id],
                targets=targets[book_id],
                code_words=code_words[book_id],
                said=said,
            )
            if seen is not None and seen.codes:
                shown[book_id][seg.segment.id] = [[c, seen.origins.get(c, "")] for c in seen.codes]
    return {"base": base.id, "codes": codes, "shown": shown}


# -- the other way: a review made in the model's codes, on its codings charted in CFIR 2.0 ------


def charted_from(result: CodingResult) -> str | None:
    """The built-in codebook ``result`` (codings charted in another codebook, as ``roqa report
    --codebook cfir-2022`` charts them: :func:`~roqa_nlp.crosswalk.translate`) was charted from
    (the model's ``cfir-2009``), when it documents a mapping onto the one it is charted in; else
    None."""
    from .crosswalk import BUILTIN

    meta = result.meta if isinstance(result.meta, dict) else {}
    walked = meta.get("crosswalk")
    if not isinstance(walked, dict) or walked.get("one_of") is not None:
        return None  # not charted, or a person's codes charted once (crosswalk.chart_given)
    source, target = walked.get("from"), walked.get("to")
    if source not in BUILTIN or not isinstance(target, str) or target not in BUILTIN:
        return None
    try:
        crosswalk(builtin_codebook(source), builtin_codebook(target))
    except RoqaError:
        return None
    return str(source)


def charted_counterparts(source: Codebook, book: Codebook) -> dict[str, list[str]]:
    """Each codable code of ``source`` that ``book`` lacks -> the codable codes of ``book`` it
    maps onto (:func:`~roqa_nlp.crosswalk.crosswalk`, a construct without an entry through its
    sub-constructs, a sub-construct through its construct): what a decision on it is read as on
    codings charted from ``source`` into ``book`` (:func:`in_charted_codes`)."""
    walk = crosswalk(source, book)
    return {
        c.id: [t for t in _targets(c.id, walk, source) if t in book and book[t].codable]
        for c in source.codable
        if book.find(c.id) is None
    }


def page_charted_crosswalk(result: CodingResult, book: Codebook) -> dict[str, object]:
    """What the report's page (report.js) needs to read a decisions file loaded in the browser
    as :func:`in_charted_codes` reads it on ``result`` (codings charted in ``book`` from the
    model's codebook): ``{"base": book's built-in codebook, "from": the codebook charted from,
    "into": {code of it that book lacks: [its name, [the codes of book it maps onto]]}}``; ``{}``
    when ``result`` was not charted from a built-in codebook. Written from the same mapping and
    rules as Python reads a review with, never by hand (the page knows the codes it shows)."""
    source_id = charted_from(result)
    if source_id is None:
        return {}
    source = builtin_codebook(source_id)
    into = charted_counterparts(source, book)
    return {
        "base": base_codebook(book).id,
        "from": source_id,
        "into": {cid: [source[cid].name, to] for cid, to in into.items()},
    }


#: what became of a row on a code of the codebook the codings were charted from
#: (:func:`in_charted_codes`), as the warning says; and with :data:`COUNTERPART`, :data:`MERGED`,
#: :data:`LEFT_OUT`
ON_SHOWN, KEPT = "on shown", "kept"


def in_charted_codes(
    decisions: Sequence[Decision],
    result: CodingResult,
    book: Codebook,
    *,
    where: str | Path | None = None,
) -> list[Decision]:
    """``decisions`` with every row on a code of the codebook ``result`` was charted from (a
    review of the model's CFIR 2009 codings, loaded into their report charted in CFIR 2.0,
    ``book``) read as the decision it is on ``book``'s codes, found on the segments of
    ``result`` as :func:`~roqa_nlp.decisions.match_decisions` finds them; ``decisions`` as they
    are when ``result`` was not charted from a built-in codebook or no row names its codes.

    - an ``accept`` or ``reject`` of a code is that decision on each code the segment shows (its
      first :data:`~roqa_nlp.decisions.REJECT_ALL`, as the report shows them) that the code maps
      onto (:func:`charted_counterparts`): on each of several, as a person's code that maps onto
      several is applied to each (:func:`~roqa_nlp.crosswalk.chart_codings`);
    - else, of a code that maps onto one code of ``book``, on that code (a recode's
      ``suggestion``: the first code shown there that it maps onto, else "");
    - else (a code that maps onto several codes of ``book``, none shown there, or onto none) the
      row is kept on its code as it came (its ``suggestion`` left out): ``roqa apply-decisions``
      and ``train --feedback`` read it in the model's codes;
    - a rejection of a code accepted or recoded to on the segment is left out, and a second row
      on one code merged (:func:`_merge`).

    One warning, naming ``where``, says what became of the rows read so."""
    from .decisions import REJECT_ALL

    decisions = list(decisions)
    source_id = charted_from(result)
    if source_id is None:
        return decisions
    source = builtin_codebook(source_id)
    into = charted_counterparts(source, book)
    others = [
        i
        for i, d in enumerate(decisions)
        if d.decision in CODE_DECISIONS and d.code_id in into and book.find(d.code_id) is None
    ]
    if not others:
        return decisions
    on = match_decisions(decisions, result).on
    segs = {s.segment.id: s for s in result.segments}
    keys = [
        o if o is not None else f"{d.segment_id}\0{same_text(d.text)}"
        for d, o in zip(decisions, on)
    ]

    def shown(i: int) -> list[str]:
        seg = segs.get(on[i] or "")
        return [] if seg is None else [g.code_id for g in seg.suggestions[:REJECT_ALL]]

    kinds: dict[int, str] = {}  # row -> what became of it
    multi: set[int] = set()  # rows decided on each of several codes shown
    names: list[str] = []  # the codes kept as they came
    rows: list[list[Decision]] = [[d] for d in decisions]
    for i in others:
        d, to = decisions[i], into[decisions[i].code_id]
        here = [c for c in shown(i) if c in to]
        if d.decision in ("accept", "reject") and here:
            rows[i] = [dataclasses.replace(d, code_id=c, suggestion="") for c in here]
            kinds[i] = ON_SHOWN
            if len(to) > 1:
                multi.add(i)
        elif len(to) == 1:
            was = into.get(d.suggestion)
            suggestion = (
                next((c for c in shown(i) if c in was), "") if was is not None else d.suggestion
            )
            rows[i] = [dataclasses.replace(d, code_id=to[0], suggestion=suggestion)]
            kinds[i] = COUNTERPART
        else:
            rows[i] = [dataclasses.replace(d, suggestion="")]
            kinds[i] = KEPT
            names.append(source[d.code_id].name)
    flat = [r for rs in rows for r in rs]
    owner = [i for i, rs in enumerate(rows) for _ in rs]
    out: list[Decision | None] = list(flat)
    flat_kinds = {j: kinds[i] for j, i in enumerate(owner) if i in kinds}
    _merge(out, [keys[i] for i in owner], flat_kinds)
    for i in kinds:  # a row is left out (or merged) when every row it became is
        became = {flat_kinds[j] for j, o in enumerate(owner) if o == i}
        if len(became) == 1 and became <= {LEFT_OUT, MERGED}:
            kinds[i] = became.pop()
    base = base_codebook(book).id
    several = sum(1 for i in multi if kinds[i] == ON_SHOWN)
    n = {k: sum(1 for v in kinds.values() if v == k) for k in (ON_SHOWN, COUNTERPART, KEPT)}
    n_merged = sum(1 for v in kinds.values() if v == MERGED)
    n_left = sum(1 for v in kinds.values() if v == LEFT_OUT)
    parts = [
        f"{n[ON_SHOWN]} on each {base} code shown that their code maps onto"
        + (f" ({several} onto several)" if several else "")
        if n[ON_SHOWN]
        else "",
        f"{n[COUNTERPART]} on the one {base} code their code maps onto" if n[COUNTERPART] else "",
        f"{n[KEPT]} kept on their {source_id} code, which maps onto several {base} codes (none "
        f"shown) or none ({first_few(list(dict.fromkeys(names)), 3)}): saved as they came"
        if n[KEPT]
        else "",
        f"{n_merged} merged with a row on the same {base} code" if n_merged else "",
        f"{_n(n_left, 'rejection')} left out (of a code accepted there under another "
        f"{source_id} code)"
        if n_left
        else "",
    ]
    warn(
        f"{_n(len(kinds), 'decision')} on {source_id} codes read as decisions on the report's "
        f"{base} codes through the documented mapping: {', '.join(p for p in parts if p)}",
        path=where,
    )
    return [d for d in out if d is not None]


@dataclass
class _Shown:
    """A segment's codes in another codebook as its codings were charted there: the ranked codes
    shown, and the model's code each was translated from."""

    codes: list[str]
    origins: dict[str, str] = field(default_factory=dict)


def _said(text: str) -> Callable[[], Said]:
    """The words of a segment saying ``text`` (:func:`~roqa_nlp.crosswalk._words`), read the
    first time they are asked for and kept."""
    kept: list[Said] = []

    def said() -> Said:
        if not kept:
            kept.append(_words(text))
        return kept[0]

    return said


def _shown(
    seg: SegmentResult | None,
    model: Codebook,
    other: Codebook,
    *,
    walk: dict[str, list[str]] | None = None,
    targets: dict[str, list[str]] | None = None,
    code_words: CodeWords | None = None,
    said: Callable[[], Said] | None = None,
) -> _Shown | None:
    """``seg``'s codes as charted in ``other`` (None for no segment); ``walk``: the model's
    built-in codebook's :func:`~roqa_nlp.crosswalk.crosswalk` onto ``other``, when the caller
    has it (the caller must not change it); ``targets``, ``code_words`` and ``said``: what
    :func:`~roqa_nlp.crosswalk.translated_with_origins` may be given."""
    if seg is None:
        return None
    base = base_codebook(model)
    if not any(g.code_id in base for g in seg.suggestions):
        # codings already in ``other``'s codes (a QDA project's roqa_nlp user, imported)
        return _Shown([g.code_id for g in seg.suggestions])
    if walk is None:
        walk = crosswalk(base, other)
    text = seg.segment.text
    if sure_top_has_no_counterpart(seg.suggestions, walk, base, other, targets=targets):
        return _Shown([])  # the report charts nothing for it (crosswalk.translate top_decides)
    ranked, origins = translated_with_origins(
        seg.suggestions, walk, base, other, text, targets=targets, code_words=code_words, said=said
    )
    return _Shown([g.code_id for g in ranked], origins)


def codings_codebook(result: CodingResult | None, model: Codebook) -> Codebook | None:
    """The built-in codebook ``result``'s suggestions are codes of, when it is not the one of
    the model trained on a review of them (``roqa train --codebook cfir-2022 --feedback`` on the
    packaged CFIR 2009 model's codings) and documents a mapping onto it; else None (the codings
    are in the model's codes, or in none it can chart)."""
    from .crosswalk import codebook_of

    used = None if result is None else codebook_of(result)
    base = base_codebook(model)
    if used is None or used == base.id:
        return None
    book = builtin_codebook(used)
    try:
        crosswalk(book, base)
    except RoqaError:
        return None
    return book


def shown_charted(seg: SegmentResult, source: Codebook, model: Codebook) -> list[str]:
    """The codes ``seg`` (suggestions of ``source``'s codes: :func:`codings_codebook`) showed
    charted in ``model``'s codebook, best first, as the report charted them for the review: a
    review of the CFIR 2009 model's codings charted in CFIR 2.0 that rejects Policies & Laws,
    Financing and Societal Pressure rejects every code shown for External Policy & Incentives
    (hunt s77 F8: trained in CFIR 2.0 they were judged against the CFIR 2009 ids and fell
    "short of all the segment's suggestions")."""
    seen = _shown(seg, source, base_codebook(model))
    return [] if seen is None else seen.codes


#: what became of a row on another codebook's code (:func:`in_model_codes`), as the warning says
SHOWN, COUNTERPART, NEW, LEFT_OUT, MERGED = "shown", "counterpart", "new", "left out", "merged"


def recorded_own_chart(result: CodingResult | None, model: Codebook) -> Codebook | None:
    """The researcher's own codebook ``roqa code --codebook OWN.json`` charted ``result`` in
    (run.json's ``chart_codebook``, its copy kept beside the codings), when it documents a
    mapping with the model's codebook; None for codings recorded with none, a built-in one
    (read by :func:`other_codebook`), or a file no longer there (its codes are then unknown)."""
    from .crosswalk import BUILTIN, load_chart, recorded_chart

    chart = None if result is None else recorded_chart(result.meta)
    if chart is None or chart in BUILTIN:
        return None
    try:
        book = load_chart(chart, result.source if result is not None else None)
        crosswalk(base_codebook(model), book)
    except RoqaError:
        return None
    return None if book.id == base_codebook(model).id else book


def books_of(
    decisions: Sequence[Decision], model: Codebook, chart: Codebook | None = None
) -> dict[int, str]:
    """Row -> the codebook its code is of, for each code row naming a code the model's
    codebook lacks: ``chart``'s (the run's own chart codebook, whose codes the report page
    showed and saved) when it has it, else the built-in codebook :func:`other_codebook` finds."""
    others: dict[int, str] = {}
    for i, d in enumerate(decisions):
        if d.decision not in CODE_DECISIONS or not d.code_id:
            continue
        if chart is not None and model.find(d.code_id) is None:
            code = chart.find(d.code_id)
            if code is not None and code.id == d.code_id:
                others[i] = chart.id
                continue
        # a code of that name only is not taken for a built-in codebook's in a review of codings
        # charted in her own codebook (her NEED, dropped since, is not CFIR 2.0's "Need")
        book_id = other_codebook(d.code_id, model, by_id=chart is not None)
        if book_id is not None:
            others[i] = book_id
    return others


def _named_as_chart_codes(
    decisions: list[Decision], model: Codebook, chart: Codebook | None
) -> list[Decision]:
    """``decisions`` with each ``new-code`` row named as a codable code of ``chart`` (and not as
    one of the model's; by a name, not an alias) read as the recode to that code it is: a reviewer who typed "Staffing
    levels", her code WF-STAFF's name, gave it WF-STAFF."""
    if chart is None:
        return decisions
    out = []
    for d in decisions:
        # by its name, not an alias, as the model's codebook reads it (named_codes_recoded)
        code = chart.named(d.new_code) if d.decision == "new-code" and d.new_code else None
        if code is not None and code.codable and model.named(d.new_code) is None:
            d = dataclasses.replace(d, decision="recode", code_id=code.id, new_code="")
        out.append(d)
    return out


def in_model_codes(
    decisions: Sequence[Decision],
    model: Codebook,
    result: CodingResult | None,
    *,
    where: str | Path | None = None,
    read_as: list[tuple[Decision, Decision]] | None = None,
    kept_rejects: list[tuple[str, str]] | None = None,
) -> list[Decision]:
    """``decisions`` with every row on a code of another built-in codebook (a review of the
    codings charted in CFIR 2.0), or of the researcher's own codebook ``result`` was charted in
    (``roqa code --codebook OWN.json``: :func:`recorded_own_chart`, whose mapping onto the
    model's codebook is documented), read as the decision it is on ``model``'s codes (the module
    notes), found on the segments of ``result`` (the model's codings the review was made on,
    as :func:`~roqa_nlp.decisions.match_decisions` finds them; None: every row by the mapping
    alone). A ``new-code`` row named as a code of that own codebook is the recode to it.
    Rows on the model's codes are kept as they are; when none names another codebook's
    code, ``decisions`` is returned as it is. One warning, naming ``where``, says what became of
    the rows read so. ``read_as``, when given, gets each row read so (but rejections left out)
    with the row it was read as, before rows on one model code are merged: what the reviewer
    decided in the other codebook's codes, for ``roqa code`` to judge a retrained model's
    suggestions charted in them (:func:`~roqa_nlp.training.trained_on_said`). ``kept_rejects``,
    when given, gets (segment id, model code) of each rejection read as a model code that
    charts the rejected code alone (:func:`_rejects_one_to_one`): a reject to keep with its
    segment, as one typed in the model's codes is; the one place that rule is applied, for
    ``AutoCoder.update`` and :func:`~roqa_nlp.decisions.feedback_plan` alike."""
    chart = recorded_own_chart(result, model)
    decisions = _named_as_chart_codes(list(decisions), model, chart)
    others = books_of(decisions, model, chart)
    if not others:
        return decisions
    books = {
        b: chart if chart is not None and b == chart.id else Codebook.load(b)
        for b in set(others.values())
    }
    for i, b in others.items():
        code = books[b][decisions[i].code_id]
        if not code.codable:
            raise RoqaError(
                f"code {quoted(decisions[i].code_id)} is {code.id} {code.name}, a domain of {b}, "
                "not a codable construct",
                path=where,
                hint="give one of its constructs",
            )
    # a code named (in any case, "&" or "and", any spacing) is the code of its id, decided as the
    # page's row giving the id is (study9 s79, 2: "Capability" accepted became a new code, where
    # "IND.K" was the accept of the suggestion it was shown for)
    decisions = [
        _by_ids(d, books[others[i]], model) if i in others else d for i, d in enumerate(decisions)
    ]
    segs = {} if result is None else {s.segment.id: s for s in result.segments}
    on: list[str | None] = (
        [None] * len(decisions) if result is None else list(match_decisions(decisions, result).on)
    )
    keys = [
        o if o is not None else f"{d.segment_id}\0{same_text(d.text)}"
        for d, o in zip(decisions, on)
    ]
    shown: dict[tuple[str, str], _Shown | None] = {}

    def shown_on(i: int, book: str) -> _Shown | None:
        k = (keys[i], book)
        if k not in shown:
            sid = on[i]
            shown[k] = _shown(None if sid is None else segs.get(sid), model, books[book])
        return shown[k]

    kinds: dict[int, str] = {}  # row -> what became of it
    names: list[str] = []  # the codes that became new codes
    # codes learned as a model code that charts first as another code, or as several
    shared: list[str] = []
    out: list[Decision | None] = list(decisions)
    for i, b in others.items():
        d, other = decisions[i], books[b]
        seen = shown_on(i, b)
        origins = seen.origins if seen is not None else {}
        shown_code = books_of([Decision("", "accept", d.suggestion)], model, chart)
        suggestion = origins.get(d.suggestion, "") if shown_code else None
        row = d if suggestion is None else dataclasses.replace(d, suggestion=suggestion)
        if d.decision in ("accept", "reject") and d.code_id in origins:
            out[i], kinds[i] = dataclasses.replace(row, code_id=origins[d.code_id]), SHOWN
            continue
        cid = stands_for(d.code_id, model, other)
        name = other[d.code_id].name
        if cid is not None:
            out[i], kinds[i] = dataclasses.replace(row, code_id=cid), COUNTERPART
            base = base_codebook(model)  # an earlier round's new code of its name: learned so
            if cid in base and _targets(cid, crosswalk(base, other), base) != [d.code_id]:
                shared.append(f"{name} as {base[cid].name}")
        elif d.decision == "reject":
            out[i], kinds[i] = None, LEFT_OUT
        else:
            out[i] = dataclasses.replace(
                row, decision="new-code", code_id="", new_code=name, suggestion=""
            )
            kinds[i] = NEW
            names.append(name)
    pairs = [(decisions[i], r) for i, r in enumerate(out) if i in kinds and r]
    if read_as is not None:
        read_as.extend(pairs)
    if kept_rejects is not None:
        kept_rejects.extend(_rejects_one_to_one(pairs, model, chart))
    _merge(out, keys, kinds)
    rows, n_no_code = _with_no_code(out, decisions, keys, others, shown_on)
    _say(
        kinds,
        names,
        shared,
        n_no_code,
        sorted(set(others.values())),
        base_codebook(model).id,
        where,
        (sum(d.decision != NOTE for d in decisions), sum(d.decision != NOTE for d in rows)),
    )
    return rows


def _rejects_one_to_one(
    read_as: Sequence[tuple[Decision, Decision]], model: Codebook, chart: Codebook | None
) -> list[tuple[str, str]]:
    """(segment id, model code) of each rejection in ``read_as`` (:func:`in_model_codes`: a row
    on another codebook's code, with the row it was read as) whose model code charts the
    rejected code alone in that codebook: kept with its segment, it lowers no code the
    researcher did not reject (hunt32, session 85: 26 of daily14's 31 top codes chart so in
    CFIR 2.0). One whose model code charts several codes (OS.D as OUT.E, OUT.F and OUT.G.3)
    is not: it took away a sibling the researcher never rejected (hunt27, session 85).
    ``chart``: the researcher's own codebook the codings were charted in
    (:func:`recorded_own_chart`), or None."""
    base = base_codebook(model)
    out = []
    for typed, read in read_as:
        if typed.decision != "reject" or read.decision != "reject" or read.code_id not in base:
            continue
        book_id = books_of([typed], model, chart).get(0)
        if book_id is None:
            continue
        other = chart if chart is not None and chart.id == book_id else Codebook.load(book_id)
        if _targets(read.code_id, crosswalk(base, other), base) == [typed.code_id]:
            out.append((read.segment_id, read.code_id))
    return out


def _by_ids(d: Decision, other: Codebook, model: Codebook) -> Decision:
    """``d``, a row on a code of ``other`` (by its id, name or alias), with that code, and the
    suggestion it replaced when that is a code of ``other`` the model lacks, given by their ids:
    the ids the codings charted in ``other`` show, which decide whether its code was shown."""
    suggestion = other.find(d.suggestion) if d.suggestion else None
    return dataclasses.replace(
        d,
        code_id=other[d.code_id].id,
        suggestion=d.suggestion
        if suggestion is None or model.find(d.suggestion) is not None
        else suggestion.id,
    )


def _merge(out: list[Decision | None], keys: list[str], kinds: dict[int, str]) -> None:
    """Leave out the translated rows (``kinds``) another row on the segment makes redundant: a
    rejection of a code accepted or recoded to there, and a second decision on one code (an
    accept of Available Resources and a recode to Materials & Equipment, both Available
    Resources), unless it carries a valence or a note of its own."""
    positive = {
        (keys[i], d.code_id)
        for i, d in enumerate(out)
        if d is not None and d.decision in ("accept", "recode") and d.code_id
    }
    seen: dict[tuple[str, bool, str, str], Decision] = {}
    for i, d in enumerate(out):
        if d is None:
            continue
        key = (keys[i], d.decision == "reject", d.code_id, d.new_code.casefold())
        first = seen.setdefault(key, d)
        if i not in kinds:
            continue
        if d.decision == "reject" and (keys[i], d.code_id) in positive:
            out[i], kinds[i] = None, LEFT_OUT
        elif first is not d and d.valence in ("", first.valence) and d.note in ("", first.note):
            out[i], kinds[i] = None, MERGED


def _with_no_code(
    out: list[Decision | None],
    decisions: list[Decision],
    keys: list[str],
    others: dict[int, str],
    shown_on: Callable[[int, str], _Shown | None],
) -> tuple[list[Decision], int]:
    """The rows kept, each segment whose every code shown was rejected (and nothing decided) with
    a ``no-code`` row after its last one; and how many were added."""
    last: dict[str, int] = {}
    decided: set[str] = set()
    rejected: dict[str, set[str]] = {}
    for i, d in enumerate(decisions):
        last[keys[i]] = i
        if d.decision in ("accept", "recode", "new-code", NO_CODE):
            decided.add(keys[i])
        elif d.decision == "reject":
            rejected.setdefault(keys[i], set()).add(d.code_id)
    add: dict[int, Decision] = {}
    for i, b in others.items():
        key, d = keys[i], decisions[i]
        if d.decision != "reject" or key in decided or last[key] in add:
            continue
        seen = shown_on(i, b)
        if rejects_all(rejected[key], None if seen is None else seen.codes):
            add[last[key]] = Decision(d.segment_id, NO_CODE, text=d.text, row=d.row)
    rows: list[Decision] = []
    for i, kept in enumerate(out):
        if kept is not None:
            rows.append(kept)
        if i in add:
            rows.append(add[i])
    return rows, len(add)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def decided_as(
    read_as: Sequence[tuple[Decision, Decision]], book: Codebook, result: CodingResult | None
) -> dict[str, dict[str, list[str]]]:
    """What the reviewer decided in another codebook's codes, by the model's code it was read
    as (``read_as`` of :func:`in_model_codes`): ``{segment words: {model code of ``book``, a new
    code's too: [the other codebook's codes decided that were read as it]}}``, the words those
    of the row or, when it has none, of its segment in ``result``. Assessing Needs: Innovation
    Recipients recoded is read as Patient Needs & Resources, which charts as it and as
    Recipient-Centeredness: ``roqa code`` judges the retrained model on the code decided."""
    said = {} if result is None else {s.segment.id: s.segment.text for s in result.segments}
    out: dict[str, dict[str, list[str]]] = {}
    for made, read in read_as:
        words = made.text or said.get(made.segment_id, "")
        code = book.find(read.new_code) if read.decision == "new-code" else book.find(read.code_id)
        if not words or code is None or made.decision not in ("accept", "recode"):
            continue
        codes = out.setdefault(words, {}).setdefault(code.id, [])
        if made.code_id not in codes:
            codes.append(made.code_id)
    return out


def _say(
    kinds: dict[int, str],
    names: list[str],
    shared: list[str],
    n_no_code: int,
    books: list[str],
    base: str,
    where: str | Path | None,
    counts: tuple[int, int] = (0, 0),
) -> None:
    """One warning: how many rows were read as decisions on the model's codes, and how; of those
    read as the code their code stands for, the ones ``shared`` ("Work Infrastructure as
    Structural Characteristics"): a model code charted as other codes too, or as the code's
    construct, so the retrained model charts them so, never as the code decided. ``counts``:
    the decisions read and those they are on the model's codes (notes aside), said when they
    differ from the rows read so: the file's count and training's meet (tester cfir2, s62:
    "21 decisions" here, 25 in the file, 23 in the training line, unsaid how)."""
    other = " and ".join(books)
    alike = list(dict.fromkeys(shared))
    n = {k: sum(1 for v in kinds.values() if v == k) for k in (SHOWN, COUNTERPART, NEW, MERGED)}
    n_left = sum(1 for v in kinds.values() if v == LEFT_OUT)
    parts = [
        f"{n[SHOWN]} on the {base} suggestion their code was shown for" if n[SHOWN] else "",
        f"{n[COUNTERPART]} on the {base} code their code stands for"
        + (
            f" ({len(shared)} of them learned as a {base} code that charts as another {other} "
            f"code too, or instead, so a retrained model may chart them as that one: "
            f"{first_few(alike, 3)})"
            if shared
            else ""
        )
        if n[COUNTERPART]
        else "",
        f"{n[NEW]} as new codes named as their {other} code "
        f"({first_few(list(dict.fromkeys(names)), 3)})"
        if n[NEW]
        else "",
        f"{n[MERGED]} merged with a row on the same {base} code" if n[MERGED] else "",
        f"{_n(n_left, 'rejection')} left out (of a code with no one {base} code, or of a "
        "suggestion accepted under another code)"
        if n_left
        else "",
        f"{_n(n_no_code, 'segment')} with every code shown rejected kept as fitting no code"
        if n_no_code
        else "",
    ]
    n_in, n_out = counts
    rest = n_in - len(kinds)  # valence rows, rows on the model's codes: kept as they are
    of = (
        f" (of {n_in}; {rest} on no code, as a valence row is, or on the model's codes, kept as "
        f"{'it is' if rest == 1 else 'they are'})"
        if rest > 0
        else ""
    )
    became = f"; so the {n_in} decisions are {n_out} on {base} codes" if n_out != n_in else ""
    warn(
        f"{_n(len(kinds), 'decision')} on {other} codes{of} read as decisions on the model's "
        f"{base} codes through the documented mapping: {', '.join(p for p in parts if p)}" + became,
        path=where,
    )
