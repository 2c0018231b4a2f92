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
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..decisions import VALENCE, Decision
from ..result import CodingResult
from ..schema import VALENCE_SYNONYMS, SegmentResult
from .refiqda import VALENCE_CODES, is_guid, normalise_guid, valence_guid

#: Users whose codings are machine suggestions (the exporter names them ``roqa_nlp <version> ...``).
MACHINE_USER_PREFIX = "roqa_nlp"

DECISION_COLUMNS = ("segment_id", "decision", "code_id", "new_code", "note", "text", "valence")


def is_machine_user(name: str) -> bool:
    return name.startswith(MACHINE_USER_PREFIX)


def same_passage(a: SegmentResult, b: SegmentResult) -> bool:
    """Whether two coded spans of one transcript overlap by at least half of the shorter one."""
    x, y = a.segment, b.segment
    if x.transcript_id != y.transcript_id:
        return False
    overlap = min(x.end, y.end) - max(x.start, y.start)
    shorter = min(x.end - x.start, y.end - y.start)
    return overlap > 0 and 2 * overlap >= shorter


@dataclass(frozen=True)
class _HumanCode:
    code_id: str
    name: str


#: The valence each valence code ``roqa export`` gives the reviewer stands for, by its GUID
#: (normalised): the same in every export (:func:`~.refiqda.valence_guid`).
VALENCE_CODE_GUIDS: dict[str, str] = {
    normalise_guid(valence_guid(v.valence)): v.valence for v in VALENCE_CODES
}


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


def _valence_of(codings: list[SegmentResult]) -> str | None:
    """The one valence the researcher gave these spans, else None (none, or two different ones):
    from their valence codes, else from the valence their codings carry as their own (``roqa
    export`` of a person's codings writes it; a valence with a probability is the model's,
    kept, not given)."""
    found = {v for h in codings for g in h.suggestions if (v := valence_code(g.code_id, g.name))}
    if not found:
        found = {
            g.valence
            for h in codings
            for g in h.suggestions
            if g.valence != "neutral" and g.valence_probability is None
        }
    return found.pop() if len(found) == 1 else None


def _decision_for_human_code(segment_id: str, code: _HumanCode, text: str, note: str) -> Decision:
    if is_guid(code.code_id):  # a code made in the QDA program: not in the codebook
        return Decision(segment_id, "new-code", new_code=code.name, note=note, text=text)
    return Decision(segment_id, "recode", code_id=code.code_id, note=note, text=text)


def review_decisions(machine: CodingResult, human: CodingResult, *, coder: str) -> list[Decision]:
    """The decisions ``coder``'s codings (``human``) make on the ``machine`` suggestions."""
    note = f"REFI-QDA review by {coder}"
    out: list[Decision] = []
    covered: set[str] = set()
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
        _add_valence(out, sid, mine, text, note)
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
        _add_valence(out, h.segment.id, [h], h.segment.text, note)
    return out


def _add_valence(
    out: list[Decision], segment_id: str, codings: list[SegmentResult], text: str, note: str
) -> None:
    valence = _valence_of(codings)
    if valence is not None:
        out.append(Decision(segment_id, VALENCE, note=note, text=text, valence=valence))


def decisions_csv(decisions: list[Decision]) -> str:
    """A decisions file (CSV) that :func:`roqa_nlp.decisions.read_decisions` reads."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(DECISION_COLUMNS)
    for d in decisions:
        w.writerow([d.segment_id, d.decision, d.code_id, d.new_code, d.note, d.text, d.valence])
    return buf.getvalue()
