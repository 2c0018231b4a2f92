"""A researcher's review in a QDA program, read back as decisions on the model's suggestions.

After ``roqa export --qdpx`` a researcher reviews the suggestions in NVivo, ATLAS.ti, MAXQDA or
QualCoder by coding the passages themselves, under their own user, and exports the project again.
Comparing their codings with the machine user's codings on the same passages gives the decisions
that ``roqa train --feedback`` learns from (see :mod:`roqa_nlp.decisions`):

- a suggested code the researcher also coded on the passage is ``accept``;
- a suggested code they did not code on a passage they did code is ``reject``;
- a code they coded that was not suggested is ``recode`` (or ``new-code`` for a code they created
  in the program, which has no codebook id, only a GUID);
- passages they coded where nothing was suggested are ``recode``/``new-code`` on their own span;
- a REFI-QDA note of theirs on a passage they coded (``<NoteRef>`` on their selection, or a
  comment, the selection's ``<Description>``) is a ``note`` row on that passage, the note's text
  in the ``note`` column;
- a passage with suggestions that the researcher did not code at all gives no decision: it was
  not reviewed;
- a code the researcher created in the program named as a valence (``Barrier``, ``Barriers``,
  ``Enabler``, ``Facilitator``, ``Neutral``, ``Mixed``, ``Positive``, ``Negative``... in any case;
  :func:`valence_code`) is not a new code but the passage's valence: a ``valence`` decision (the
  researcher's valence, which ``roqa train --feedback`` learns; see :mod:`roqa_nlp.decisions`).
  A passage coded with a valence code alone gives a valence and no code decision (its
  suggestions are not rejected); one coded with two different valences gives none.
  ``roqa export --qdpx`` writes the model's valence in each suggestion's description and gives
  the researcher these codes: the group ``Valence (roqa_nlp)`` with ``Barrier``, ``Enabler`` and
  ``Neutral`` (:func:`~.refiqda.add_valence_group`), known by their fixed GUIDs whatever the
  researcher renamed them to, else by their names like codes the researcher created.

Two spans are the same passage when their overlap covers at least half of the shorter one (QDA
programs make it easy to select a slightly different stretch of text). Every decision carries the
passage text, so the decisions file is usable without the codings it came from.

A person's codings as ``roqa import`` writes them (:func:`with_given_valence`) follow the same
rule: valence codes are not codes there but the valence of the content codes on the same
passage, as the ``valence`` decision gives it to that passage.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from ..decisions import NOTE, PROJECT_PREFIX, QDA_REVIEW_NOTE, VALENCE, Decision, segment_notes
from ..errors import first_few
from ..result import CodingResult
from ..schema import VALENCE_SYNONYMS, SegmentResult, Suggestion
from .refiqda import VALENCE_CODE_GUIDS, is_guid, normalise_guid

#: Users whose codings are machine suggestions (the exporter names them ``roqa_nlp <version> ...``).
MACHINE_USER_PREFIX = "roqa_nlp"


def is_machine_user(name: str) -> bool:
    return name.startswith(MACHINE_USER_PREFIX)


def same_passage(a: SegmentResult, b: SegmentResult) -> bool:
    """Whether two coded spans of one transcript overlap by at least half of the shorter one."""
    x, y = a.segment, b.segment
    return x.transcript_id == y.transcript_id and spans_same_passage(x.start, x.end, y.start, y.end)


def spans_same_passage(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Whether two spans of one text overlap by at least half of the shorter one (the rule of
    :func:`same_passage`, for spans that are not coded segments: a QDA program's selections)."""
    overlap = min(end, other_end) - max(start, other_start)
    shorter = min(end - start, other_end - other_start)
    return overlap > 0 and 2 * overlap >= shorter


@dataclass(frozen=True)
class _HumanCode:
    code_id: str
    name: str


#: The key of a person's imported codings' ``meta`` (their ``run.json``) that lists the
#: segments whose codes the person gave no valence (read as ``neutral``, the default).
VALENCE_NOT_GIVEN = "valence_not_given"


#: The key of a review's ``meta`` (the ``run.json`` of ``roqa apply-decisions``) that lists the
#: segments whose codes keep the valence the model gave, as the reviewer set none there (a
#: decisions file without a valence column sets none anywhere): the model's reading, not the
#: reviewer's, so ``roqa agree`` leaves it out of valence agreement.
VALENCE_FROM_MODEL = "valence_from_model"


#: The key of a review's ``meta`` that lists the segments given, with no valence, a project code
#: by an ``accept`` or ``recode`` row (one a model trained on an earlier review suggested, say):
#: given none, as a new code is (:func:`codes_given_no_valence`), which the notes count apart
#: from the new codes' (study10 tester, s80 D3).
ACCEPTED_WITHOUT_VALENCE = "project_codes_accepted_without_valence"


def accepted_without_valence(result: CodingResult) -> set[str]:
    """The ids of the segments of a review given a project code by an accept or recode row and
    no valence (:data:`ACCEPTED_WITHOUT_VALENCE`); empty when the codings record none."""
    meta = result.meta if isinstance(result.meta, dict) else {}
    ids = meta.get(ACCEPTED_WITHOUT_VALENCE)
    return set(map(str, ids)) if isinstance(ids, list) else set()


#: The key of a person's imported codings' ``meta`` (their ``run.json``) that lists the spans
#: they coded with a valence code alone (``Barrier`` with no CFIR code): no coding, their valence
#: a ``valence`` decision on the passage, so that ``roqa agree`` can say why it compares none.
VALENCE_ONLY = "valence_only"


#: The key of a person's imported codings' ``meta`` (their ``run.json``) that lists the spans
#: whose codes were given no valence because the person gave their passage two different ones
#: (read as none), so that ``roqa agree`` says so rather than "no passage coded Barrier ..."
#: (hunt s80 F9).
VALENCE_TWO = "valence_two"


#: The key of a person's imported codings' ``meta`` (their ``run.json``) that names the codes
#: they made in the QDA program that were read as a codebook code the project holds already
#: (their path of names -> that code's id: ``{"Champions": "PR.B.3"}``): they go back to the
#: program as that code, under its GUID, not theirs, which an export says.
CODES_READ_AS = "codes_read_as"


def codes_read_as(result: CodingResult) -> dict[str, str]:
    """The codes of a person's own read as codebook codes (:data:`CODES_READ_AS`); empty when the
    codings record none."""
    meta = result.meta if isinstance(result.meta, dict) else {}
    found = meta.get(CODES_READ_AS)
    if not isinstance(found, dict):
        return {}
    return {str(k): v for k, v in found.items() if isinstance(v, str)}


def valence_from_model(result: CodingResult) -> set[str]:
    """The ids of the segments of a review whose valence is the model's
    (:data:`VALENCE_FROM_MODEL`); empty when the codings record none (a review that set every
    valence, one written before session 45, or codings that are no review)."""
    meta = result.meta if isinstance(result.meta, dict) else {}
    ids = meta.get(VALENCE_FROM_MODEL)
    return set(map(str, ids)) if isinstance(ids, list) else set()


def valence_not_given(result: CodingResult) -> set[str] | None:
    """The ids of the segments of a person's imported codings given no valence
    (:data:`VALENCE_NOT_GIVEN`); None when the codings do not record it (codings not imported
    from a QDA project, where "neutral" cannot be told from "not given")."""
    meta = result.meta if isinstance(result.meta, dict) else {}
    ids = meta.get(VALENCE_NOT_GIVEN)
    return set(map(str, ids)) if isinstance(ids, list) else None


def codes_given_no_valence(result: CodingResult) -> dict[str, set[str]]:
    """The codes of a person's codings given no valence (their ``neutral`` the default), by
    segment id: every code of a segment listed in :data:`VALENCE_NOT_GIVEN`, and, on a review's
    segment another code of which keeps the model's valence (:data:`VALENCE_FROM_MODEL`), a new
    code the reviewer gave none, ``neutral`` with no probability as ``roqa apply-decisions``
    writes it since session 68 (hunt s68 h_small: counted and said as given none, as on a
    segment of new codes alone). Before, such a code kept the model's guess, with its
    probability: not listed, as it was not."""
    listed = valence_not_given(result) or set()
    from_model = valence_from_model(result)
    out: dict[str, set[str]] = {}
    for s in result.segments if listed or from_model else ():
        sid = s.segment.id
        if sid in listed:
            out[sid] = {g.code_id for g in s.suggestions}
        elif sid in from_model and (
            new := {
                g.code_id
                for g in s.suggestions
                if g.code_id.startswith(PROJECT_PREFIX)
                and g.valence == "neutral"
                and g.valence_probability is None
            }
        ):
            out[sid] = new
    return out


def valence_only(result: CodingResult) -> list[str]:
    """The ids of the spans of a person's imported codings given a valence code alone
    (:data:`VALENCE_ONLY`); empty when the codings record none."""
    meta = result.meta if isinstance(result.meta, dict) else {}
    ids = meta.get(VALENCE_ONLY)
    return list(map(str, ids)) if isinstance(ids, list) else []


def valence_two(result: CodingResult) -> list[str]:
    """The ids of the spans of a person's imported codings given no valence because their
    passage was given two different ones (:data:`VALENCE_TWO`); empty when the codings record
    none."""
    meta = result.meta if isinstance(result.meta, dict) else {}
    ids = meta.get(VALENCE_TWO)
    return list(map(str, ids)) if isinstance(ids, list) else []


def valence_code(code_id: str, name: str) -> str | None:
    """The valence (barrier, enabler or neutral) a code stands for: one of the valence codes
    ``roqa export`` writes, by its fixed GUID whatever its name (a reviewer may rename
    ``Barrier`` to ``Obstacle``), or a code created in a QDA program (a GUID id, not a
    codebook's code) by its name, singular or plural (``Barriers``, ``Facilitator``); else
    None."""
    if not is_guid(code_id):
        return None
    fixed = VALENCE_CODE_GUIDS.get(normalise_guid(code_id))
    if fixed is not None:
        return fixed
    key = " ".join(name.split()).casefold()
    for word in (key, key.removesuffix("s")):
        if word and word in VALENCE_SYNONYMS:
            return VALENCE_SYNONYMS[word]
    return None


def _valence_of(
    codings: list[SegmentResult],
    not_given: set[str] | None = None,
    from_model: Collection[str] = (),
) -> str | None:
    """The one valence the researcher gave these spans, else None (none, or two different ones):
    from their valence codes, else from the valence their codings carry as their own (``roqa
    export`` of a person's codings writes it; a valence with a probability, or on a span listed
    in ``from_model``, a person's imported codings' :data:`VALENCE_FROM_MODEL`, is the model's,
    kept, not given). A neutral is given when the codings say which spans were given none
    (``not_given``, a person's imported codings' :data:`VALENCE_NOT_GIVEN`) and these are not
    among them; else it is the default of a code given no valence."""
    found = {v for h in codings for g in h.suggestions if (v := valence_code(g.code_id, g.name))}
    if not found:
        given = set() if not_given is None else {h.segment.id for h in codings} - not_given
        found = {
            g.valence
            for h in codings
            if h.segment.id not in from_model
            for g in h.suggestions
            if g.valence_probability is None and (g.valence != "neutral" or h.segment.id in given)
        }
    return found.pop() if len(found) == 1 else None


def _decision_for_human_code(segment_id: str, code: _HumanCode, text: str, note: str) -> Decision:
    if is_guid(code.code_id):  # a code made in the QDA program: not in the codebook
        return Decision(segment_id, "new-code", new_code=code.name, note=note, text=text)
    return Decision(segment_id, "recode", code_id=code.code_id, note=note, text=text)


def review_decisions(machine: CodingResult, human: CodingResult, *, coder: str) -> list[Decision]:
    """The decisions ``coder``'s codings (``human``) make on the ``machine`` suggestions.

    ``human`` holds their codings as made in the QDA program, valence codes included; of a
    person's codings as :func:`~.qdpx_import.read_qdpx` gives them (:class:`PersonsCodings`,
    whose valence codes are turned into their passages' valence) those codings are read."""
    not_given = valence_not_given(human)
    from_model = valence_from_model(human)
    written = segment_notes(human)
    if isinstance(human, PersonsCodings):
        human = CodingResult(segments=human.as_coded)
    note = QDA_REVIEW_NOTE.format(coder=coder)
    out: list[Decision] = []
    covered: set[str] = set()

    def add_notes(segment_id: str, spans: list[SegmentResult], text: str) -> None:
        for n in dict.fromkeys(n for h in spans for n in written.get(h.segment.id, [])):
            out.append(Decision(segment_id, NOTE, note=n, text=text))

    for m in machine:
        mine = [h for h in human if same_passage(m, h)]
        if not mine:
            continue
        covered.update(h.segment.id for h in mine)
        coded = {
            g.code_id: _HumanCode(g.code_id, g.name)
            for h in mine
            for g in h.suggestions
            if valence_code(g.code_id, g.name) is None
        }
        suggested = [g.code_id for g in m.suggestions]
        sid, text = m.segment.id, m.segment.text
        if coded:  # a passage given a valence alone was not coded: its suggestions stand
            for code_id in dict.fromkeys(suggested):
                verdict = "accept" if code_id in coded else "reject"
                out.append(Decision(sid, verdict, code_id=code_id, note=note, text=text))
        for code_id, code in coded.items():
            if code_id not in suggested:
                out.append(_decision_for_human_code(sid, code, text, note))
        _add_valence(out, sid, mine, text, note, not_given, from_model)
        add_notes(sid, mine, text)
    for h in human:
        if h.segment.id in covered:
            continue
        for g in h.suggestions:
            if valence_code(g.code_id, g.name) is None:
                out.append(
                    _decision_for_human_code(
                        h.segment.id, _HumanCode(g.code_id, g.name), h.segment.text, note
                    )
                )
        _add_valence(out, h.segment.id, [h], h.segment.text, note, not_given, from_model)
        add_notes(h.segment.id, [h], h.segment.text)
    return out


def _add_valence(
    out: list[Decision],
    segment_id: str,
    codings: list[SegmentResult],
    text: str,
    note: str,
    not_given: set[str] | None,
    from_model: Collection[str] = (),
) -> None:
    valence = _valence_of(codings, not_given, from_model)
    if valence is not None:
        out.append(Decision(segment_id, VALENCE, note=note, text=text, valence=valence))


# -- a person's codings: valence codes give the valence of the passage's codes --------------------


@dataclass(eq=False, repr=False)
class PersonsCodings(CodingResult):
    """A person's codings read from a QDA project (:func:`with_given_valence`): each passage they
    coded with its content codes, each code with the valence they gave the passage; and
    ``as_coded``, their coded spans as they made them, valence codes included, from which
    :func:`review_decisions` reads their decisions (a passage given a valence alone is a
    decision, not a coding). Equal to, saved and read as any :class:`CodingResult`."""

    as_coded: list[SegmentResult] = field(default_factory=list)


def _valences(s: SegmentResult) -> set[str]:
    return {v for g in s.suggestions if (v := valence_code(g.code_id, g.name)) is not None}


def _content(s: SegmentResult) -> list[Suggestion]:
    return [g for g in s.suggestions if valence_code(g.code_id, g.name) is None]


#: how ``roqa import`` reads a passage a person gave two different valences (the end of the
#: warning naming it); ``roqa agree`` says what it does with one instead
TWO_VALENCES_READ = "read as giving it none (no valence decision; its codes count as neutral)"


class TwoValences(NamedTuple):
    """A passage a person gave two different valences, as :func:`with_given_valence` found it:
    the warning line it said (``said``), the person, and the passage (its segment id), or the
    person's span across several passages (``span``: its segment id) with those passages' ids
    (``passages``), handed over so that ``roqa agree`` need not parse them back out of the line
    (hunt s80 F2/F3: a coder "Ben gave", a passage id holding a comma)."""

    said: str
    coder: str
    passage: str
    span: str | None = None
    passages: tuple[str, ...] = ()


def with_given_valence(
    machine: Iterable[SegmentResult],
    human: CodingResult,
    *,
    coder: str,
    noted: Collection[str] = (),
    model_noted: Collection[str] = (),
    warnings: list[str] | None = None,
    own_valences: Mapping[str, Mapping[str, str | None]] | None = None,
    own_probability: float | None = None,
    two_valences: list[TwoValences] | None = None,
) -> PersonsCodings:
    """``coder``'s codings (``human``, as coded in a QDA program) with their valence codes
    (:func:`valence_code`) turned into the valence of the content codes of the same passage.

    The passage is the one the decisions file gives the valence to (:func:`review_decisions`):
    a ``machine`` suggestion's span, together with every span of ``coder``'s that is the same
    passage (:func:`same_passage`); text the model suggested nothing on is its own passage, the
    span coded. A content code on a suggestion's passage gets the valence coded on any span of
    that passage; elsewhere, the valence coded on its own span. It is the one valence given,
    as the person's own (``valence_probability`` ``own_probability``: None, a person's coding,
    or :data:`~roqa_nlp.decisions.REVIEWERS_VALENCE` for a review's codings, as ``roqa
    apply-decisions`` wrote them); two different ones give none, and a warning naming the
    passage (once) is appended to ``warnings``, and the same as a :class:`TwoValences` to
    ``two_valences`` when given.

    Valence codes are then dropped: a span coded with a valence code alone keeps no coding (its
    valence is a ``valence`` decision on the passage). A code given no valence keeps the one it
    carries (``noted``: ids of the spans whose selection's description gave one, ``valence:
    barrier``, as ``roqa export`` writes a person's valence, at ``own_probability``), else
    ``neutral``, the schema's
    default; the ids of those segments are listed in ``meta["valence_not_given"]``
    (:data:`VALENCE_NOT_GIVEN`), so that "no valence given" is told from "neutral"; those of the
    spans given a valence code alone, in ``meta["valence_only"]`` (:data:`VALENCE_ONLY`); of
    those given none as their passage was given two, in ``meta["valence_two"]``
    (:data:`VALENCE_TWO`). The
    spans in
    ``model_noted``, whose description gave the model's valence the person kept (``valence:
    enabler (p=0.550)``, or ``(the model's)``), are listed in ``meta["valence_from_model"]``
    (:data:`VALENCE_FROM_MODEL`) when none of their codes was given a valence of the person's.

    ``own_valences`` (segment id -> code id -> valence) gives a code the valence that a valence
    code below it in the code tree gave it (``Available Resources`` > ``Barrier``, read as a
    coding of Available Resources, a barrier): that code keeps it, whatever valence the passage
    is given (None: two different ones, read as none). A segment is listed as given no valence
    when none of its codes was given one.

    Valence codes on a span of ``coder``'s that holds no other code and lies on no suggestion's
    passage give their valence to nothing: one warning per coder says how many and where, and
    names the coded selection of theirs such a span lies within or across.
    """
    spans = list(human)
    given = [_valences(h) for h in spans]
    sink: list[str] = [] if warnings is None else warnings
    said: set[str] = set()

    def conflict(passage: str, found: set[str], on: Sequence[str] = ()) -> None:
        where = f"the span {passage} (on passages {', '.join(on)})" if on else f"passage {passage}"
        if where not in said:
            said.add(where)
            line = (
                f"{coder} gave {where} two different valences ({', '.join(sorted(found))}): "
                + TWO_VALENCES_READ
            )
            sink.append(line)
            if two_valences is not None:
                if on:
                    two_valences.append(TwoValences(line, coder, passage, passage, tuple(on)))
                else:
                    two_valences.append(TwoValences(line, coder, passage))

    in_transcript: dict[str, list[int]] = {}
    for i, h in enumerate(spans):
        in_transcript.setdefault(h.segment.transcript_id, []).append(i)
    passages: dict[int, list[tuple[str, set[str]]]] = {}  # span -> (passage, valences) of each
    for m in machine:
        near = in_transcript.get(m.segment.transcript_id, [])
        mine = [i for i in near if same_passage(m, spans[i])]
        found = set().union(*(given[i] for i in mine))
        if len(found) > 1:
            conflict(m.segment.id, found)
        for i in mine:
            passages.setdefault(i, []).append((m.segment.id, found))

    out: list[SegmentResult] = []
    not_given: list[str] = []
    from_model: list[str] = []
    alone: list[str] = []  # spans given a valence code alone
    two: list[str] = []  # spans given no valence, their passage given two
    stray: dict[str, int] = {}  # spans whose valence codes give their valence to nothing
    stray_names: dict[str, None] = {}
    for i, h in enumerate(spans):
        own = passages.get(i)
        on_suggestion = own is not None
        if own is None:  # on no suggestion: the span is the passage
            own = [(h.segment.id, given[i])]
            if len(given[i]) > 1:
                conflict(h.segment.id, given[i])
        codes = _content(h)
        if not codes:
            # a valence alone (or nothing): a decision on a suggestion's passage, not a coding
            if given[i]:
                alone.append(h.segment.id)
            if given[i] and not on_suggestion:
                valence_codings = [g for g in h.suggestions if valence_code(g.code_id, g.name)]
                stray[h.segment.id] = len(valence_codings)
                stray_names.update(dict.fromkeys(g.name for g in valence_codings))
            continue
        found = set().union(*(v for _, v in own))
        if len(found) > 1 and all(len(v) < 2 for _, v in own):
            # one span on two suggestions' passages, each given its own valence
            conflict(h.segment.id, found, [p for p, _ in own])
        rated = (own_valences or {}).get(h.segment.id, {})
        passage = next(iter(found)) if len(found) == 1 else None
        kept: list[Suggestion] = []
        any_given = False
        models = False  # a code keeps the model's valence its selection's description gave
        for g in codes:
            if g.code_id in rated:  # a valence code below the code gave it its valence
                valence = rated[g.code_id]
                vp = None if valence is None else own_probability
                kept.append(replace(g, valence=valence or "neutral", valence_probability=vp))
                any_given = any_given or valence is not None
            elif passage is not None:
                kept.append(replace(g, valence=passage, valence_probability=own_probability))
                any_given = True
            elif found:  # two different ones: none
                kept.append(replace(g, valence="neutral", valence_probability=None))
            elif h.segment.id in model_noted:
                kept.append(g)
                models = True
            elif h.segment.id in noted:  # the valence its selection's description gave
                kept.append(replace(g, valence_probability=own_probability))
                any_given = True
            else:
                kept.append(g)
        if models and not any_given:
            from_model.append(h.segment.id)
        elif not any_given:
            not_given.append(h.segment.id)
            if len(found) > 1:
                two.append(h.segment.id)
        out.append(replace(h, suggestions=kept))
    if stray:
        sink.append(_stray_valences_warning(coder, spans, stray, list(stray_names)))
    return PersonsCodings(
        segments=out,
        transcripts=dict(human.transcripts),
        meta={
            **human.meta,
            VALENCE_NOT_GIVEN: not_given,
            **({VALENCE_FROM_MODEL: from_model} if from_model else {}),
            **({VALENCE_ONLY: alone} if alone else {}),
            **({VALENCE_TWO: two} if two else {}),
        },
        as_coded=spans,
    )


def _stray_valences_warning(
    coder: str, spans: list[SegmentResult], stray: Mapping[str, int], names: list[str]
) -> str:
    """The warning on ``coder``'s valence codes that give their valence to no code: ``stray``
    (span id -> its valence codings, named ``names``), each on a selection holding no code of
    theirs, on no suggestion's passage. A stray span inside (or across) a selection of theirs
    that holds codes is named with it: it said "on passages Eve coded with nothing else" of a
    valence on 100-206 inside her Cost on 90-206 (re-tester, session 50), which is true of the
    selection only."""
    n = sum(stray.values())
    one = n == 1
    single = len(stray) == 1
    coded = [h for h in spans if _content(h)]
    near: list[str] = []
    for h in spans:
        if h.segment.id not in stray:
            continue
        x = h.segment
        for c in coded:
            y = c.segment
            if y.transcript_id == x.transcript_id and max(x.start, y.start) < min(x.end, y.end):
                how = "within" if y.start <= x.start and x.end <= y.end else "across"
                codes = ", ".join(dict.fromkeys(g.name for g in _content(c)))
                near.append(f"{x.id} lies {how} {coder}'s selection {y.id} ({codes})")
                break
    return (
        f"{coder}: "
        + ("1 coding of a valence code" if one else f"{n} codings of valence codes")
        + f" ({', '.join(sorted(names))}) "
        + ("is on a selection" if single else "are on selections")
        + f" holding no code of {coder}'s, where roqa_nlp suggested nothing "
        f"({first_few(list(stray))}): there a valence code gives its valence to the codes on "
        "its own selection only, so "
        + (
            "its valence is given to no code, and it is"
            if one
            else "their valence is given to no code, and they are"
        )
        + f" in none of {coder}'s codings"
        + (f"; {'; '.join(near[:3])}{' ...' if len(near) > 3 else ''}" if near else "")
        + " (code the passage with its code on the same selection too)"
    )


def decisions_csv(decisions: list[Decision]) -> str:
    """A decisions file (CSV) that :func:`roqa_nlp.decisions.read_decisions` reads, as every
    CSV roqa writes for a spreadsheet: a byte order mark, and a cell that would run as a
    formula with a ``'`` before it (:func:`~roqa_nlp.io.spreadsheet_csv`). A review in a QDA
    program records no suggestion a recode replaced: no ``suggestion`` column."""
    from ..decisions import COLUMNS
    from ..io import EXCEL_BOM, spreadsheet_csv

    columns = COLUMNS[: COLUMNS.index("suggestion")]
    rows = [
        [d.segment_id, d.decision, d.code_id, d.new_code, d.note, d.text, d.valence]
        for d in decisions
    ]
    return EXCEL_BOM + spreadsheet_csv([list(columns), *rows])
