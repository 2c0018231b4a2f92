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
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
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


def variables_element() -> ET.Element:
    """The project's ``<Variables>`` holding :data:`VARIABLE_NAME`, a text variable."""
    variables = ET.Element("Variables")
    var = ET.SubElement(
        variables,
        "Variable",
        {"guid": VARIABLE_GUID, "name": VARIABLE_NAME, "typeOfVariable": "Text"},
    )
    ET.SubElement(var, "Description").text = VARIABLE_DESCRIPTION
    return variables


def add_value(source: ET.Element, interviewers: Sequence[str]) -> None:
    """A ``<VariableValue>`` naming ``interviewers`` appended to the ``source`` element (last, as
    the schema orders a source's parts)."""
    value = ET.SubElement(source, "VariableValue")
    ET.SubElement(value, "VariableRef", {"targetGUID": VARIABLE_GUID})
    ET.SubElement(value, "TextValue").text = xml_text(SEPARATOR.join(interviewers))


def record_guids(root: ET.Element) -> set[str]:
    """The normalised GUIDs of the project's variables that are the record: by its GUID, or by
    its name (a program that gives variables GUIDs of its own on export)."""
    variables = child(root, "Variables")
    if variables is None:
        return set()
    wanted = normalise_name(VARIABLE_NAME)
    return {
        normalise_guid(v.get("guid"))
        for v in children(variables, "Variable")
        if normalise_guid(v.get("guid")) == normalise_guid(VARIABLE_GUID)
        or normalise_name(v.get("name") or "") == wanted
    }


def is_record(value: ET.Element, guids: set[str]) -> bool:
    """Whether the ``<VariableValue>`` ``value`` is a value of the record (``guids``)."""
    ref = child(value, "VariableRef")
    return ref is not None and normalise_guid(ref.get("targetGUID")) in guids


def recorded(source: ET.Element, guids: set[str]) -> list[str] | None:
    """The interviewers the record names on ``source``, or None when it carries no value: each
    name between the separators, and the whole value (a speaker label holding the separator)."""
    names: list[str] | None = None
    for value in children(source, "VariableValue"):
        if not is_record(value, guids):
            continue
        text = child(value, "TextValue")
        said = ((text.text or "") if text is not None else "").strip()
        # the whole value too: a label that holds the separator itself ("Dr. Lee; Helen:")
        parts = [said, *(n.strip() for n in said.split(SEPARATOR.strip()))]
        names = [*(names or []), *parts]
    return None if names is None else [n for n in dict.fromkeys(names) if n]


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
