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
in the study's other transcripts, :mod:`~roqa_nlp.transcripts.interviewer_guesses`) is recorded
as a guess too, in a second text variable ``Interviewer guessed (roqa_nlp)``
(:data:`GUESS_VARIABLE_NAME`) whose value names them and how they were guessed
(``Sam Roe (who asks the questions)``). The import reads them back as guessed
(:func:`guess_metadata`), so the warning to check the guess is said again: before session 76 one
round trip made a guess a recorded fact, and the warning was lost. Naming someone else in
``Interviewer (roqa_nlp)``, or emptying ``Interviewer guessed (roqa_nlp)``, confirms the record.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
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
#: guess (:data:`~roqa_nlp.transcripts.interviewer_guesses.GUESSES`), as a guess's value says it
#: after their labels, in brackets.
GUESSED_AS = {
    "interviewer_guessed": "who asks the questions",
    "interviewer_from_study": "who interviews in the study's other transcripts",
}
#: What the guess variable's description says it is.
GUESS_VARIABLE_DESCRIPTION = (
    "The interviewers of 'Interviewer (roqa_nlp)' that roqa_nlp guessed, as no speaker label "
    "named an interviewer, and how: '(who asks the questions)' or '(who interviews in the "
    "study's other transcripts)'. roqa import warns to check them. Empty it, or name the "
    "interviewer in 'Interviewer (roqa_nlp)', once checked."
)


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


#: A guess of a transcript's interviewer: their labels, and how they were guessed (a key of
#: :data:`GUESSED_AS`).
Guess = tuple[list[str], str]


def guess_of(transcript: Transcript) -> Guess | None:
    """The interviewers of ``transcript`` a guess took and how, or None when none was guessed."""
    from ..transcripts.interviewer_guesses import interviewers_guessed

    names = interviewers_guessed(transcript)
    if not names:
        return None
    how = "interviewer_guessed" if transcript.metadata.get("interviewer_guessed") else None
    return names, how or "interviewer_from_study"


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


def add_value(source: ET.Element, interviewers: Sequence[str], guess: Guess | None = None) -> None:
    """A ``<VariableValue>`` naming ``interviewers`` appended to the ``source`` element (last, as
    the schema orders a source's parts), and one naming those of them ``guess`` took and how."""
    _add_text_value(source, VARIABLE_GUID, SEPARATOR.join(interviewers))
    if guess is not None:
        names, how = guess
        _add_text_value(source, GUESS_VARIABLE_GUID, f"{SEPARATOR.join(names)} ({GUESSED_AS[how]})")


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


def recorded_guess(source: ET.Element, guids: RecordGuids) -> Guess | None:
    """The interviewers the record says were guessed on ``source`` and how, or None when it
    says none was (no value, an empty one, or one not ending on how they were guessed)."""
    for said in _values(source, guids.guessed):
        for how, words in GUESSED_AS.items():
            if said.endswith(f"({words})"):
                names = said[: -len(f"({words})")].strip()
                if names:
                    return [n for n in dict.fromkeys(_names_in(names)) if n], how
    return None


def guess_metadata(
    turns: Sequence[Turn], interviewers: Sequence[str], guess: Guess | None
) -> dict[str, Any]:
    """The metadata that marks a source's interviewer read from the record (``interviewers``)
    as guessed, as the transcript exported was (:data:`GUESSED_AS`), so its warning is said
    again; none when the record holds no ``guess``, or the interviewers of ``turns`` are no
    longer the guess's: the record names another (edited in the QDA program), or labels given
    on import name an interviewer or make the one guessed a participant. A video call's host
    read as a participant (``Joanne Pike (Host)``, whom the guess took for one who answers) is
    marked so too (:data:`~roqa_nlp.transcripts.roles.HOSTS_ANSWERING`)."""
    if guess is None:
        return {}
    names, how = guess
    named = {n.casefold() for n in interviewers}
    asking = list(dict.fromkeys(t.speaker for t in turns if t.role == "interviewer"))
    taken = [s for s in asking if s.casefold() in {n.casefold() for n in names}]
    if not taken or any(s.casefold() not in named for s in asking):
        return {}
    if how != "interviewer_guessed":
        return {how: taken}
    if len(taken) != 1:
        return {}
    from ..transcripts.roles import HOSTS_ANSWERING, host_by_call_role

    # a video call's host read as a participant, as the guess read them (they answer)
    hosts = [
        s
        for s in dict.fromkeys(t.speaker for t in turns if t.role == "participant")
        if host_by_call_role(s)
    ]
    return {how: taken[0], **({HOSTS_ANSWERING: hosts} if hosts else {})}


ReadTurns = Callable[[Sequence[str] | None], tuple[list[Turn], Any, Any]]


def recorded_roles(
    read: ReadTurns, labels: Sequence[str] | None, interviewers: Iterable[str]
) -> tuple[list[Turn], Any, Any]:
    """What ``read`` (a source's turns read with the interviewer labels it is given) gives with
    the recorded ``interviewers`` added to ``labels`` (those given on import; the defaults when
    None). With none given on import, a speaker read as an interviewer whom the record does not
    name is read as a participant: the export recorded them as one."""
    from ..transcripts.roles import (
        DEFAULT_INTERVIEWER_LABELS,
        UNKNOWN_SPEAKER,
        RoleLabels,
        participant_labels_of,
    )

    names = list(interviewers)
    base = list(DEFAULT_INTERVIEWER_LABELS if labels is None else labels)
    with_record = RoleLabels([*base, *names], participant_labels_of(labels))
    got = read(with_record)
    if labels is not None:
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
    return read(RoleLabels(with_record, others))
