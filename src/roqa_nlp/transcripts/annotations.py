"""Transcriber's annotations: notes in square brackets or parentheses that are no one's words.

A transcriber marks what was not said or could not be heard (``[inaudible 00:14:02]``,
``[laughs]``, ``[crosstalk]``, ``(pause)``) and what was taken out (``[redacted]``, ``[name of
trust]``). The embedding model reads them as words: on four sentences of a tester's, with and
without them, they flipped the valence of two and the top code of one (s43). So the model reads
a segment without them (:func:`without_annotations`, from
:func:`roqa_nlp.autocoder.words_read`); the segment's text, offsets and quotes keep them as the
transcript has them. The notes are the patterns of ``data/transcriber_annotations.txt`` (each
the whole of a note's inside, case ignored): a bracketed note matching none (a typist's ``[the
ward]`` filling in a word) is read. So is an interviewer's interjection typed inside the
participant's turn (``(Int: Mm-hmm)``, ``[Int: That's good.]``): it is no word of theirs.
"""

from __future__ import annotations

import re
from functools import cache

from ..io import packaged_lines

#: The packaged list of annotation patterns (``roqa_nlp/data/``).
ANNOTATIONS = "transcriber_annotations.txt"
#: The packaged list of the patterns of annotations saying words were lost (``[inaudible]``),
#: annotations too.
WORDS_LOST = "words_lost_annotations.txt"

_NOTE = re.compile(r"\s*(?:\[([^\[\]]*)\]|\(([^()]*)\))")


#: The interviewer's labels (``Int``, ``Interviewer``, ``I``): a note opening with one and a
#: colon (``(Int: Mm-hmm)``, ``[Int: That's good.]``) is the interviewer's interjection, typed
#: inside the participant's turn, not the participant's words (s43).
INTERVIEWER_LABELS = "interviewer_labels.txt"


@cache
def _annotation() -> re.Pattern[str]:
    """One pattern matching the inside of any note of :data:`ANNOTATIONS`, or an interjection
    of the interviewer (:data:`INTERVIEWER_LABELS`), whole."""
    labels = sorted(packaged_lines(INTERVIEWER_LABELS), key=len, reverse=True)
    said = "(?:" + "|".join(re.escape(label) for label in labels) + r")\s*:.*"
    notes = [f"(?:{p})" for name in (WORDS_LOST, ANNOTATIONS) for p in packaged_lines(name)]
    return re.compile("|".join([*notes, said]), re.IGNORECASE | re.DOTALL)


@cache
def _words_lost() -> re.Pattern[str]:
    """One pattern matching the inside of any note of :data:`WORDS_LOST`, whole."""
    notes = [f"(?:{p})" for p in packaged_lines(WORDS_LOST)]
    return re.compile("|".join(notes), re.IGNORECASE | re.DOTALL)


def only_words_lost(words: str) -> bool:
    """Whether ``words`` hold only transcriber's notes, one at least saying words were lost
    (``[inaudible]``, ``[inaudible 00:00:27] [laughs]``; :data:`WORDS_LOST`): what was said
    there, a question maybe, is not known."""
    notes = list(_NOTE.finditer(words))
    if not notes or _NOTE.sub("", words).strip(" \t\n.,;-"):
        return False
    insides = [" ".join((m[1] if m[1] is not None else m[2]).split()) for m in notes]
    return all(is_annotation(n) for n in insides) and any(
        _words_lost().fullmatch(n) for n in insides
    )


def is_annotation(note: str) -> bool:
    """Whether ``note``, the inside of a bracketed note, is a transcriber's annotation."""
    return _annotation().fullmatch(" ".join(note.split())) is not None


def without_annotations(text: str) -> str:
    """``text`` without its transcriber's annotations (and the space before each): what the
    model reads. Text without any is returned as it is."""
    if "[" not in text and "(" not in text:
        return text

    def drop(m: re.Match[str]) -> str:
        inside = m[1] if m[1] is not None else m[2]
        return "" if is_annotation(inside) else m[0]

    return _NOTE.sub(drop, text).strip()
