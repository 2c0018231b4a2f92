"""Transcriber's annotations: notes in square brackets, parentheses (single or double:
``((laughs))``) or braces (``{laughter}``) that are no one's words.

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
from .timecodes import NOTE_TIME

#: The packaged list of annotation patterns (``roqa_nlp/data/``).
ANNOTATIONS = "transcriber_annotations.txt"
#: The packaged list of the patterns of annotations saying words were lost (``[inaudible]``),
#: annotations too.
WORDS_LOST = "words_lost_annotations.txt"

_NOTE = re.compile(r"\s*(?:\(\(([^()]*)\)\)|\[([^\[\]]*)\]|\(([^()]*)\)|\{([^{}]*)\})")
#: A note in brackets on one line, the innermost (``[laughs]``, ``(pause)``, ``{laughter}``) or
#: in double parentheses (``((laughs))``): no segment boundary falls inside one.
_BRACKETED = re.compile(r"\(\([^()\n]*\)\)|\[[^\[\]\n]*\]|\([^()\n]*\)|\{[^{}\n]*\}")


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


def annotation_pattern() -> str:
    """The regular expression :func:`is_annotation` matches a note's inside against, as text: what
    the segmentation cache keys on (:mod:`roqa_nlp.transcripts.segment_cache`)."""
    return _annotation().pattern


def _inside(note: re.Match[str]) -> str:
    """The inside of a note matched by :data:`_NOTE`, whichever its brackets."""
    return next(g for g in note.groups() if g is not None)


def bracketed(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each note in brackets in ``text`` (:data:`_BRACKETED`), annotation or
    not: a sentence or a long sentence's pieces are never cut inside one
    (:mod:`roqa_nlp.transcripts.sentences`, :mod:`roqa_nlp.transcripts.segment`)."""
    return [m.span() for m in _BRACKETED.finditer(text)]


#: The pairs of brackets a transcriber's note stands in, each opening beside its closing.
NOTE_BRACKETS = (("[", "]"), ("(", ")"), ("{", "}"))


def all_bracketed(text: str, brackets: tuple[tuple[str, str], ...] = NOTE_BRACKETS) -> bool:
    """Whether ``text`` opens and closes with one pair of ``brackets`` (``(laughs)``,
    ``[inaudible]``, ``[Recording paused]``): a transcriber's note, no one's name nor words."""
    return len(text) >= 2 and (text[0], text[-1]) in brackets


def annotations_end(text: str, start: int, end: int) -> int:
    """Where the run of transcriber's annotations that ``text[start:end]`` opens with ends (white
    space between them; ``[laughs] [crosstalk]``), or ``start`` if it opens with none."""
    pos = start
    while (m := _NOTE.match(text, pos, end)) is not None and is_annotation(_inside(m)):
        pos = m.end()
    return pos


def only_words_lost(words: str) -> bool:
    """Whether ``words`` hold only transcriber's notes, one at least saying words were lost
    (``[inaudible]``, ``[inaudible 00:00:27] [laughs]``; :data:`WORDS_LOST`): what was said
    there, a question maybe, is not known."""
    notes = list(_NOTE.finditer(words))
    if not notes or _NOTE.sub("", words).strip(" \t\n.,;-"):
        return False
    insides = [" ".join(_inside(m).split()) for m in notes]
    return all(is_annotation(n) for n in insides) and any(
        _words_lost().fullmatch(n) for n in insides
    )


#: What may stand between notes in words of notes only: white space and the marks a
#: transcriber leaves beside them (``[laughs]. (pause)``).
_BETWEEN_NOTES = re.compile(r"[ \t\n.,;-]*")


def only_annotations(words: str) -> bool:
    """Whether ``words`` hold only transcriber's annotations (``[crosstalk]``, ``[laughs]
    (pause)``), no one's words."""
    # notes read one after another, each where the blanks and marks after the last end (before,
    # every note found anywhere, then the rest checked: quadratic in a long run of blanks, and
    # every turn of a file is asked since a file of notes only is "no speech found": a 1 MB
    # line took minutes, s71)
    notes: list[re.Match[str]] = []
    pos = 0
    while (between := _BETWEEN_NOTES.match(words, pos)) and (pos := between.end()) < len(words):
        note = _NOTE.match(words, pos)
        if note is None:
            return False
        notes.append(note)
        pos = note.end()
    if not notes:
        return False
    return all(is_annotation(" ".join(_inside(m).split())) for m in notes)


def is_annotation(note: str) -> bool:
    """Whether ``note``, the inside of a bracketed note, is a transcriber's annotation (a full
    stop, comma or exclamation mark closing it left out: ``[Laughs.]``; and the time a service
    writes after it: Rev's ``[crosstalk 00:01:02]``, :data:`.timecodes.NOTE_TIME`)."""
    return _annotation().fullmatch(_plain(note)) is not None


def _plain(note: str) -> str:
    """``note``, the inside of a bracketed note, without the full stop, comma or exclamation mark
    closing it and without the time a service writes after it (:func:`is_annotation`)."""
    inside = " ".join(note.split()).rstrip(".,!")
    timed = NOTE_TIME.fullmatch(f"[{inside}]")
    if timed is not None:
        inside = timed.group("note").rstrip(".,!")
    return inside


def _trimmable(note: str) -> bool:
    """Whether a quote drops ``note``, the inside of a bracketed note at its edge: an annotation
    that does not say words were lost (``[laughs]``, ``[crosstalk]``, ``(pause)``). A note of
    :data:`WORDS_LOST` (``[inaudible 00:12:31]``, ``(unclear)``) stays, as it tells the reader
    words are missing there (s49 re-test refocus, finding 6)."""
    return is_annotation(note) and _words_lost().fullmatch(_plain(note)) is None


def without_annotations(text: str) -> str:
    """``text`` without its transcriber's annotations (and the space before each): what the
    model reads. Text without any is returned as it is."""
    if "[" not in text and "(" not in text and "{" not in text:
        return text

    def drop(m: re.Match[str]) -> str:
        return "" if is_annotation(_inside(m)) else m[0]

    return _NOTE.sub(drop, text).strip()


def trim_annotations(text: str) -> str:
    """``text`` without the transcriber's annotations at its start and end (``[crosstalk] Sorry,
    I was going to say...`` -> ``Sorry, I was going to say...``; ``...really help. [laughs]`` ->
    ``...really help.``), and the white space they leave; those inside it stay, and so does a
    text of annotations alone (``[crosstalk]``): what a quote shows of a segment, whose text and
    offsets keep them as the transcript has them (session 49: a quote of Table 2 opened with
    ``[crosstalk]``). A note saying words were lost (``[inaudible]``, ``(unclear)``:
    :data:`WORDS_LOST`) stays at the edges too, and what is outside it is trimmed."""
    start, end = 0, len(text.rstrip())
    while (m := _NOTE.match(text, start, end)) is not None and _trimmable(_inside(m)):
        start = m.end()
    # the notes after it, read once, walked back from the end while each closes what is left
    # and is an annotation (s49 review: re-reading them for each took 9.7 s on 8,000)
    for last in reversed(list(_NOTE.finditer(text, start, end))):
        if last.end() != end or not _trimmable(_inside(last)):
            break
        end = last.start()
        while end > start and text[end - 1].isspace():
            end -= 1
    trimmed = text[start:end].strip()
    return trimmed or text.strip()
