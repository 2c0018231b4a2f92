"""Who interviews in each source of a roqa ``.qdpx`` export, recorded so the import reads it back.

A QDA program keeps a transcript's text only, so ``roqa import`` (and ``roqa inspect``,
``read_transcript`` of the project) re-derives its speaker turns from the labels in the text. A
transcript whose interviewer only ``--interviewer NAME`` named (``Helen:`` and ``Marcus:``, Helen
asking with prompts that end on no question), or the guess of who asks the questions, was read
with no interviewer then, or another one: the roles of the run were lost (s74, MED). The export
now records them as the REFI-QDA schema allows, as a project's text variable
``Interviewer (roqa_nlp)`` (:data:`VARIABLE_NAME`, its GUID the same in every export) with a
``<VariableValue>`` on each source holding an interviewer's turns: their speaker labels, as the
transcript read them, joined by ``"; "``. NVivo shows it as a file attribute.

The import reads a source's value (the variable known by its GUID, or by its name where a program
gave it a GUID of its own) as interviewer labels of that source, added to those given
(``--interviewer``); with none given on import, a speaker an interviewer label still reads as the
interviewer though the export recorded them as a participant (``Jane Smith (Host)`` named so with
``--participant``) is a participant again (:func:`recorded_roles`). Labels given on import
(``--participant``) overrule the record as they overrule every label. A project carrying no such
variable is read as before.

An interviewer roqa only guessed (no label named one: who asks the questions, or who interviews
in the study's other transcripts, :mod:`~roqa_nlp.transcripts.interviewer_guesses`; or a speaker
who only asks one question another speaker answers, :func:`~roqa_nlp.transcripts.roles.stray_askers`)
is recorded as a guess too, in a second text variable ``Interviewer guessed (roqa_nlp)``
(:data:`GUESS_VARIABLE_NAME`) whose value names them and how they were guessed
(``Speaker 1 (who asks the questions); Speaker 3 (who only asks a question another speaker
answers)``). The import reads them back as guessed (:func:`guess_metadata`), so the warning to
check the guess is said again: before session 76 one round trip made a guess a recorded fact,
and the warning was lost. Naming someone else in ``Interviewer (roqa_nlp)``, emptying
``Interviewer guessed (roqa_nlp)``, or naming them with ``--interviewer`` on import confirms it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..codebook import normalise_name
from ..io import xml_text
from ..schema import Transcript, Turn
from .refiqda import child, children, normalise_guid, stable_guid

#: The name of the project variable that names each source's interviewers.
VARIABLE_NAME = "Interviewer (roqa_nlp)"
#: Its GUID: the same in every export, so projects merged in a QDA program share one variable.
VARIABLE_GUID = stable_guid("roqa_nlp:interviewer")
#: What the variable's description says it is.
VARIABLE_DESCRIPTION = (
    "The speaker labels of this transcript's interviewers, as roqa_nlp read them (--interviewer, "
    "or the labels and who asks the questions), separated by '; '. roqa import reads them back "
    "as the transcript's interviewers. Edit it to name others."
)
#: What separates two interviewers' labels in a value.
SEPARATOR = "; "

#: The name of the project variable that names each source's interviewers roqa guessed.
GUESS_VARIABLE_NAME = "Interviewer guessed (roqa_nlp)"
#: Its GUID: the same in every export, as :data:`VARIABLE_GUID` is.
GUESS_VARIABLE_GUID = stable_guid("roqa_nlp:interviewer-guessed")
#: How a guessed interviewer was guessed, by the metadata key of a transcript that records the
#: guess (:data:`~roqa_nlp.transcripts.interviewer_guesses.GUESSES`, and
#: :data:`~roqa_nlp.transcripts.roles.STRAY_ASKERS`), as a guess's value says it after their
#: labels, in brackets.
GUESSED_AS = {
    "interviewer_guessed": "who asks the questions",
    "interviewer_from_study": "who interviews in the study's other transcripts",
    "stray_askers": "who only asks a question another speaker answers",
}
#: What the guess variable's description says it is.
GUESS_VARIABLE_DESCRIPTION = (
    "The interviewers of 'Interviewer (roqa_nlp)' that roqa_nlp guessed, as no speaker label "
    "named them, each group followed by how: '(who asks the questions)', '(who interviews in "
    "the study's other transcripts)' or '(who only asks a question another speaker answers)'. "
    "roqa import warns to check them. Empty it, or name the interviewer in 'Interviewer "
    "(roqa_nlp)', once checked."
)
#: How a value of the guess variable says how each group was guessed: ``(who asks the
#: questions)`` ending the group's labels.
_GUESSED_AS = re.compile("|".join(rf"\(({re.escape(words)})\)" for words in GUESSED_AS.values()))


def interviewers_of(transcript: Transcript) -> list[str]:
    """The speaker labels of ``transcript``'s interviewer turns, in the order they first speak
    (none of a turn whose speaker no label named)."""
    from ..transcripts.roles import UNKNOWN_SPEAKER

    return list(
        dict.fromkeys(
            t.speaker
            for t in transcript.turns
            if t.role == "interviewer" and t.speaker and t.speaker != UNKNOWN_SPEAKER
        )
    )


#: The guesses of a transcript's interviewers: each group's labels, and how they were guessed
#: (a key of :data:`GUESSED_AS`).
Guesses = list[tuple[list[str], str]]


def guess_of(transcript: Transcript) -> Guesses:
    """The interviewers of ``transcript`` a guess took and how (the lead interviewer, then those
    who only ask one question), of those :func:`interviewers_of` names; none when none was
    guessed."""
    from ..transcripts.interviewer_guesses import interviewers_guessed
    from ..transcripts.roles import STRAY_ASKERS

    speakers = interviewers_of(transcript)
    lead = "interviewer_guessed" if transcript.metadata.get("interviewer_guessed") else None
    groups = [
        (interviewers_guessed(transcript), lead or "interviewer_from_study"),
        ([str(n) for n in transcript.metadata.get(STRAY_ASKERS) or ()], STRAY_ASKERS),
    ]
    found = [([n for n in names if n in speakers], how) for names, how in groups]
    return [(names, how) for names, how in found if names]


def variables_element(guessed: bool = False) -> ET.Element:
    """The project's ``<Variables>`` holding :data:`VARIABLE_NAME`, a text variable, and
    :data:`GUESS_VARIABLE_NAME` when ``guessed`` (an interviewer of a source was guessed)."""
    variables = ET.Element("Variables")
    wanted = [(VARIABLE_GUID, VARIABLE_NAME, VARIABLE_DESCRIPTION)]
    if guessed:
        wanted.append((GUESS_VARIABLE_GUID, GUESS_VARIABLE_NAME, GUESS_VARIABLE_DESCRIPTION))
    for guid, name, description in wanted:
        var = ET.SubElement(
            variables, "Variable", {"guid": guid, "name": name, "typeOfVariable": "Text"}
        )
        ET.SubElement(var, "Description").text = description
    return variables


def _add_text_value(source: ET.Element, guid: str, text: str) -> None:
    """A ``<VariableValue>`` of the variable ``guid`` holding ``text`` appended to ``source``."""
    value = ET.SubElement(source, "VariableValue")
    ET.SubElement(value, "VariableRef", {"targetGUID": guid})
    ET.SubElement(value, "TextValue").text = xml_text(text)


def add_value(
    source: ET.Element, interviewers: Sequence[str], guesses: Guesses | None = None
) -> None:
    """A ``<VariableValue>`` naming ``interviewers`` appended to the ``source`` element (last, as
    the schema orders a source's parts), and one naming those of them ``guesses`` took and how."""
    _add_text_value(source, VARIABLE_GUID, SEPARATOR.join(interviewers))
    if guesses:
        said = SEPARATOR.join(f"{SEPARATOR.join(n)} ({GUESSED_AS[how]})" for n, how in guesses)
        _add_text_value(source, GUESS_VARIABLE_GUID, said)


@dataclass(frozen=True)
class RecordGuids:
    """The normalised GUIDs of a project's variables that are the record: of
    :data:`VARIABLE_NAME` (``interviewers``) and of :data:`GUESS_VARIABLE_NAME` (``guessed``).
    A GUID is in it when it is either's."""

    interviewers: frozenset[str] = frozenset()
    guessed: frozenset[str] = frozenset()

    def __contains__(self, guid: object) -> bool:
        return guid in self.interviewers or guid in self.guessed


def _guids_of(variables: ET.Element, name: str, guid: str) -> frozenset[str]:
    """The normalised GUIDs of the ``variables`` that are the variable ``name``: by its ``guid``,
    or by its name (a program that gives variables GUIDs of its own on export)."""
    wanted = normalise_name(name)
    return frozenset(
        normalise_guid(v.get("guid"))
        for v in children(variables, "Variable")
        if normalise_guid(v.get("guid")) == normalise_guid(guid)
        or normalise_name(v.get("name") or "") == wanted
    )


def record_guids(root: ET.Element) -> RecordGuids:
    """The normalised GUIDs of the project's variables that are the record."""
    variables = child(root, "Variables")
    if variables is None:
        return RecordGuids()
    return RecordGuids(
        _guids_of(variables, VARIABLE_NAME, VARIABLE_GUID),
        _guids_of(variables, GUESS_VARIABLE_NAME, GUESS_VARIABLE_GUID),
    )


def is_record(value: ET.Element, guids: RecordGuids | frozenset[str]) -> bool:
    """Whether the ``<VariableValue>`` ``value`` is a value of the record (``guids``)."""
    ref = child(value, "VariableRef")
    return ref is not None and normalise_guid(ref.get("targetGUID")) in guids


def _values(source: ET.Element, guids: frozenset[str]) -> list[str]:
    """The text of each of ``source``'s values of the variables ``guids``, stripped."""
    found = []
    for value in children(source, "VariableValue"):
        if is_record(value, guids):
            text = child(value, "TextValue")
            found.append(((text.text or "") if text is not None else "").strip())
    return found


def _names_in(said: str) -> list[str]:
    """The labels a value names: each between the separators, and the whole value (a speaker
    label holding the separator itself, ``Dr. Lee; Helen``)."""
    return [said, *(n.strip() for n in said.split(SEPARATOR.strip()))]


def recorded(source: ET.Element, guids: RecordGuids) -> list[str] | None:
    """The interviewers the record names on ``source``, or None when it carries no value: each
    name between the separators, and the whole value (a speaker label holding the separator)."""
    values = _values(source, guids.interviewers)
    if not values:
        return None
    return [n for n in dict.fromkeys(n for said in values for n in _names_in(said)) if n]


def recorded_guesses(source: ET.Element, guids: RecordGuids) -> Guesses:
    """The interviewers the record says were guessed on ``source`` and how, each group's labels
    ended by how (:data:`GUESSED_AS`, in brackets); none where it says none was (no value, an
    empty one, or one saying no way they were guessed)."""
    found: Guesses = []
    for said in _values(source, guids.guessed):
        start = 0
        for m in _GUESSED_AS.finditer(said):
            names = said[start : m.start()].strip().removeprefix(SEPARATOR.strip()).strip()
            how = next(k for k, words in GUESSED_AS.items() if words == m.group(m.lastindex or 0))
            if names:
                found.append(([n for n in dict.fromkeys(_names_in(names)) if n], how))
            start = m.end()
    return found


def guess_metadata(
    turns: Sequence[Turn],
    interviewers: Sequence[str],
    guesses: Guesses,
    given: Container[str] = (),
) -> dict[str, Any]:
    """The metadata that marks a source's interviewers read from the record (``interviewers``)
    as guessed, as the transcript exported was (:data:`GUESSED_AS`), so its warning is said
    again. None when the record holds no ``guesses``, or the interviewers of ``turns`` are no
    longer the guesses': the record names another (edited in the QDA program), or labels given
    on import name another interviewer or make the one guessed a participant; and no group of
    whom the labels given on import name one (``given``, the speakers they match: ``--interviewer
    "Sam Roe"``, as the warning of the guess says to). A video call's host read as a participant
    (``Joanne Pike (Host)``, whom the guess took for one who answers) is marked so too
    (:data:`~roqa_nlp.transcripts.roles.HOSTS_ANSWERING`)."""
    from ..transcripts.roles import HOSTS_ANSWERING, host_by_call_role

    named = {n.casefold() for n in interviewers}
    asking = list(dict.fromkeys(t.speaker for t in turns if t.role == "interviewer"))
    if any(s.casefold() not in named for s in asking):
        return {}
    meta: dict[str, Any] = {}
    for names, how in guesses:
        wanted = {n.casefold() for n in names}
        taken = [s for s in asking if s.casefold() in wanted]
        if not taken or any(s in given for s in taken):
            continue
        if how != "interviewer_guessed":
            meta[how] = taken
        elif len(taken) == 1:
            meta[how] = taken[0]
            # a video call's host read as a participant, as the guess read them (they answer)
            hosts = [
                s
                for s in dict.fromkeys(t.speaker for t in turns if t.role == "participant")
                if host_by_call_role(s)
            ]
            if hosts:
                meta[HOSTS_ANSWERING] = hosts
    return meta


ReadTurns = Callable[[Sequence[str] | None], tuple[list[Turn], Any, Any]]


def dead_names(names: Sequence[str], speakers: Sequence[str]) -> list[str]:
    """The ``names`` of a record that no one of ``speakers`` is called, by the reader's matching
    rule (:func:`~roqa_nlp.transcripts.roles.is_interviewer`): interviewers renamed in the QDA
    program since the export (``Helen:`` to ``Interviewer:``). A whole value holding the separator
    (:func:`_names_in`) is none of them: only a speaker label holding the separator itself is
    called it, and then its parts are no one's dead name either."""
    from ..transcripts.roles import is_interviewer

    def called(name: str) -> bool:
        return any(is_interviewer(s, [name]) for s in speakers)

    whole = [n for n in names if SEPARATOR.strip() in n]
    parts_of_live = {
        p.strip() for w in whole if called(w) for p in w.split(SEPARATOR.strip()) if p.strip()
    }
    return [n for n in names if n not in whole and n not in parts_of_live and not called(n)]


def recorded_roles(
    read: ReadTurns,
    labels: Sequence[str] | None,
    interviewers: Iterable[str],
    stale: Callable[[list[str], list[str], list[str]], None] | None = None,
) -> tuple[list[Turn], Any, Any]:
    """What ``read`` (a source's turns read with the interviewer labels it is given) gives with
    the recorded ``interviewers`` added to ``labels`` (those given on import; the defaults when
    None). With none given on import, a speaker read as an interviewer whom the record does not
    name is read as a participant: the export recorded them as one.

    A record naming no speaker of the source (``Helen:`` renamed ``Interviewer:`` in the QDA
    program since) is out of date: the source is read as without it, ``read(labels)``, and
    ``stale`` is told the record's dead names (:func:`dead_names`), the speakers and the names
    kept, none (hunt s76 M1: the default ``Interviewer`` label was read as a participant, its
    questions coded). A record naming some speakers and some no one (``Helen; Sam``, Helen renamed
    ``Interviewer``) is out of date too: its live names are still read as interviewers, but it
    makes no speaker a participant, since the one renamed may be any interviewer the labels
    read; ``stale`` is told its dead names, the speakers and the names kept (s76 hfix2, LOW:
    ``Interviewer`` was read as a participant, as before M1)."""
    from ..transcripts.roles import (
        DEFAULT_INTERVIEWER_LABELS,
        UNKNOWN_SPEAKER,
        RoleLabels,
        is_interviewer,
        participant_labels_of,
    )

    names = list(interviewers)
    base = list(DEFAULT_INTERVIEWER_LABELS if labels is None else labels)
    with_record = RoleLabels([*base, *names], participant_labels_of(labels))
    got = _record_unsaid(read(with_record), names, base)
    speakers = list(dict.fromkeys(t.speaker for t in got[0] if t.speaker != UNKNOWN_SPEAKER))
    if speakers and not any(is_interviewer(s, names) for s in speakers):
        if stale is not None:
            stale([n for n in names if SEPARATOR.strip() not in n] or names, speakers, [])
        return read(labels)
    dead = dead_names(names, speakers) if speakers else []
    if dead and stale is not None:
        kept = [n for n in names if n not in dead and SEPARATOR.strip() not in n]
        stale(dead, speakers, kept or [n for n in names if n not in dead])
    if labels is not None or dead:
        return got
    others = list(
        dict.fromkeys(
            t.speaker
            for t in got[0]
            if t.role == "interviewer" and t.speaker not in (*names, UNKNOWN_SPEAKER)
        )
    )
    if not others:
        return got
    return _record_unsaid(read(RoleLabels(with_record, others)), names, base)


def _record_unsaid(
    got: tuple[list[Turn], Any, Any], names: Sequence[str], given: Sequence[str]
) -> tuple[list[Turn], Any, Any]:
    """``got`` (a source's turns, participant and what is said of its speakers) without the
    record's ``names`` (:func:`recorded`: each label of a value, and the whole value) among the
    interviewer labels it records as naming no speaker
    (:data:`~roqa_nlp.transcripts.roles.INTERVIEWER_NAMED_NO_ONE`), but for those ``given`` on
    import: the whole value ``Speaker 1; Speaker 3`` names no speaker though each of its labels
    does (s90: warned of as a mistyped ``--interviewer``), and a label of it that names no one
    is said by :func:`recorded_roles`'s ``stale`` in the record's words."""
    from ..transcripts.roles import INTERVIEWER_NAMED_NO_ONE

    turns, participant, said = got
    nobody = said.get(INTERVIEWER_NAMED_NO_ONE)
    if not nobody:
        return got
    ours = set(names) - set(given)
    left = [n for n in nobody if n not in ours]
    said = {k: v for k, v in said.items() if k != INTERVIEWER_NAMED_NO_ONE}
    return turns, participant, {**said, INTERVIEWER_NAMED_NO_ONE: left} if left else said
