"""Speaker labels that name a device or a guest, not a person: the display name a video call
gives someone who joined from their phone or as a guest without typing a name (``iPhone``,
``Samsung Galaxy S21``, ``Zoom user``, ``Guest 2``). Each is read as a participant of its own,
so a participant who rejoined from their phone is counted, cited and pseudonymised twice; the
researcher is told to put the person's name in its place (:func:`device_name_warning`)."""

from __future__ import annotations

import re
from functools import cache

from ..io import packaged_words
from ..schema import Transcript
from .roles import UNKNOWN_SPEAKER, _without_bracketed_notes

#: The words of a device's or a guest's display name, and the model words allowed beside them
#: (``roqa_nlp/data/``).
DEVICE_WORDS = "device_names.txt"
DEVICE_MODEL_WORDS = "device_model_words.txt"

#: What parts a display name's words: blanks, hyphens, underscores, apostrophes, full stops.
_PARTS = re.compile(r"[\s_\-.'’]+")


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    return packaged_words(DEVICE_WORDS), packaged_words(DEVICE_MODEL_WORDS)


def is_device_name(label: str) -> bool:
    """Whether the speaker label ``label`` names a device or a guest, not a person: a bracketed
    note aside, each of its words is a device's or a guest's (``data/device_names.txt``), a model
    word (``data/device_model_words.txt``) or holds a digit (``S21``, ``12``), and one at least
    is a device's or a guest's (``iPhone 12 Pro Max``, ``Guest 2``; not ``Pro``, nor ``Mina's
    iPhone``, which names Mina)."""
    devices, models = _words()
    words = [w for w in _PARTS.split(_without_bracketed_notes(label).casefold()) if w]
    return any(w in devices for w in words) and all(
        w in devices or w in models or any(c.isdigit() for c in w) for w in words
    )


def device_names(transcript: Transcript) -> list[str]:
    """The participant speakers of ``transcript`` whose labels name a device or a guest
    (:func:`is_device_name`) and who are read as a person of their own, in order of first turn:
    not one read as the one person named among the participants, who rejoined from a device
    (:func:`~roqa_nlp.pseudonyms.people_named`: ``Maria Okafor``, then ``iPhone``)."""
    from ..pseudonyms import people_named

    labels = [
        s
        for s in dict.fromkeys(t.speaker for t in transcript.turns if t.role == "participant")
        if s != UNKNOWN_SPEAKER
    ]
    joined = {label for person in people_named(labels) if len(person) > 1 for label in person}
    return [s for s in labels if is_device_name(s) and s not in joined]


def device_name_warning(transcript: Transcript) -> str | None:
    """One line naming ``transcript``'s file and its participant speakers whose labels name a
    device or a guest (:func:`device_names`), with how to relabel them, else None."""
    found = device_names(transcript)
    if not found:
        return None
    where = transcript.source or transcript.id
    shown = repr(found[-1])
    if len(found) > 1:
        shown = f"{', '.join(repr(n) for n in found[:-1])} and {shown}"
    people = [
        s
        for s in dict.fromkeys(t.speaker for t in transcript.turns if t.role == "participant")
        if s not in found and s != UNKNOWN_SPEAKER
    ]
    example = people[0] if people else "P07"
    one = len(found) == 1
    return (
        f"{where}: {shown} {'is the name' if one else 'are the names'} a video call gives a "
        f"device or a guest, not a person's: {'it is' if one else 'each is'} read as a "
        "participant of its own (counted and cited apart); if "
        f"{'it is' if one else 'one is'} a participant who joined from another device, put "
        f"their name in place of it in the file ('{found[0]}: ...' -> '{example}: ...'), or "
        "rename them in the call before saving the transcript"
    )
