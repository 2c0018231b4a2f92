"""Lines read out or quoted inside an answer that open like a speaker's label.

A participant reading out a rota (``Monday: Bev 08:00, Carl 14:00, nights agency.``), an agenda
or a sign (``Sign: please wash your hands.``) opens a line with one word before a colon, as a
speaker's label does. Where that word is one no speaker is called (``data/quoted_line_words.txt``:
a written thing, a meal), or a day, a month, a shift or a note in a line plainly read out
(``data/read_out_line_words.txt``: a rota of clock times, or a line the one above introduces),
and every line it opens stands inside a participant's answer, the reader keeps the line in that
answer
(:func:`.speaker_labels._listed_words_quoted_in_answers`; session 84: the word opened a speaker
of its own who took the rest of the answer). One warning per file names those lines with the
speaker each was read as (:func:`quoted_lines_warning`), so a researcher who did mean a
speaker there can label the line so.
"""

from __future__ import annotations

from ..errors import first_few
from ..schema import Transcript
from .folded_initials import FoldedLine
from .line_places import labelled_line_place, labelled_lines_of
from .speaker_labels import is_quoted_line_word


def quoted_lines(transcript: Transcript) -> list[FoldedLine]:
    """The lines inside ``transcript``'s participants' turns, below each turn's first, that
    open with a word of :func:`.speaker_labels.is_quoted_line_word` before a colon, each with
    the speaker whose words they were read as."""
    found: list[FoldedLine] = []
    turns = transcript.turns
    for said in labelled_lines_of(transcript, lambda t: t.role != "interviewer"):
        m = said.match
        if m.form == "colon" and not m.timed and is_quoted_line_word(m.label):
            place = labelled_line_place(transcript, said)
            found.append(FoldedLine(place, m.label, turns[said.turn].speaker, said.line))
    return found


def quoted_lines_warning(transcript: Transcript) -> str | None:
    """One line naming ``transcript``'s file, the lines of :func:`quoted_lines` (the first
    three, each with the speaker it was read as) and the fix; None when there are none."""
    found = quoted_lines(transcript)
    if not found:
        return None
    n = len(found)
    shown = first_few([f"{f.shown()} in {f.speaker}'s turn" for f in found], 3)
    return (
        f"{transcript.source or transcript.id}: {n} line{'s' if n != 1 else ''} opening with a "
        f"day, a time or a written thing ({shown}) {'were' if n != 1 else 'was'} read as that "
        "answer's words, quoted or read out: if someone else speaks there, give the line that "
        "speaker's name as its label"
    )
