"""Lines opening with capitals said once that were read as another speaker's words.

A focus group's member labelled by initials who speaks once (``CD: And the commissioners
change targets.``) is a speaker only where the file lays the line out as a turn
(:func:`.speaker_labels._initials_taking_turns`): it answers the facilitator's question, or
follows another member's turn. Elsewhere two or three capitals said once read as an acronym of
the talk above (``CQC: they came in March``), and where that talk is an interviewer's the line
is never coded: a question that does not close on ``?`` (``Facilitator: Anyone else...``), a
facilitator labelled by a name no one gave as the interviewer (``Helen:``), an acronym of
:file:`data/acronyms_not_initials.txt` answering (``NHS: mostly, and a bit from the
council.``). The reader keeps that reading (the shape cannot tell a member from an acronym);
one warning per file names the lines (:func:`folded_initials_warning`; session 76 hunt2 F3:
the members' talk was lost silently). Where that talk is a participant's answer the line is
coded as theirs (``Staff nurse: ...`` / ``OT: they do the home visits.``, ``MJO: ...`` / ``GP:
they sign off ...``): a second warning names those lines with the speaker each was read as
(:func:`folded_into_answers_warning`; session 76 hunt2 F3, rfix leftover: a role said once
after a role's answer was attributed to them silently). A transcriber's note in capitals
(``NB:``, ``OK:``, ``END: 00:47:12 ...``: :func:`.speaker_labels.writes_a_note`, a time or a
date opening the words) is not named.
"""

from __future__ import annotations

from typing import NamedTuple

from ..errors import first_few, quoted
from ..schema import Transcript
from .line_places import labelled_line_place, labelled_lines_of
from .speaker_labels import (
    are_initials,
    name_before_brackets,
    opens_with_a_time,
    writes_a_note,
)


class FoldedLine(NamedTuple):
    """A line of :func:`folded_initials_lines` or :func:`folded_into_answers_lines`."""

    #: where it is in the file (:func:`.line_places.line_place`): ``line 6``, the time its
    #: words are spoken (``00:45:12.000``) in a file the reader wrote anew, or "" (Word)
    place: str
    label: str
    #: the speaker of the turn it was read into
    speaker: str
    #: the line as the transcript's text says it, label and words
    line: str

    def shown(self) -> str:
        """The line as a warning names it: its place and label (``line 6: 'XY:'``), or its
        words where the file gives it no place (``'CD: And the targets.'``)."""
        if self.place:
            return f"{self.place}: {self.label + ':'!r}"
        return quoted(self.line.strip(), 40)


def _folded_lines(transcript: Transcript, *, interviewers: bool) -> list[FoldedLine]:
    """The lines inside ``transcript``'s interviewers' turns (``interviewers``) or inside its
    other turns, below each turn's first, that open with two or three capitals before a colon
    (:func:`.speaker_labels.are_initials`) other than the turn's own label and a note's
    (:func:`.speaker_labels.writes_a_note`, a time or a date opening the words). A note of the
    recording after a time in brackets (:func:`.unlabelled.notes_the_recording`: ``XY:
    [00:45:12] recording stopped``, whose time the reader keeps as the turn's cue time) is named
    too: were it a member's words, they would otherwise be lost without a word (session 77
    hunt1 F3). Each is named where the file has it (:func:`.line_places.line_place`: a timed
    file's text is not its lines, session 77 hfix1)."""
    found: list[FoldedLine] = []
    turns = transcript.turns
    for said in labelled_lines_of(transcript, lambda t: (t.role == "interviewer") == interviewers):
        m, line = said.match, said.line
        if (
            m.form == "colon"
            and not m.timed
            and m.label != turns[said.turn].speaker
            and are_initials(m.label)
            and not writes_a_note(name_before_brackets(m.label))
            and not opens_with_a_time(line[m.words_start :])
        ):
            place = labelled_line_place(transcript, said)
            found.append(FoldedLine(place, m.label, turns[said.turn].speaker, line))
    return found


def folded_initials_lines(transcript: Transcript) -> list[FoldedLine]:
    """The lines inside ``transcript``'s interviewers' turns, below each turn's first, that
    open with two or three capitals before a colon (:func:`.speaker_labels.are_initials`) other
    than a note's (:func:`.speaker_labels.writes_a_note`, a time or a date opening the words)."""
    return _folded_lines(transcript, interviewers=True)


def folded_into_answers_lines(transcript: Transcript) -> list[FoldedLine]:
    """The lines of :func:`folded_initials_lines` inside ``transcript``'s participants' turns
    instead (each with the speaker whose words they were read as)."""
    return _folded_lines(transcript, interviewers=False)


def folded_initials_warning(transcript: Transcript) -> str | None:
    """One line naming ``transcript``'s file, the lines of :func:`folded_initials_lines` (the
    first three) and the fix; None when there are none."""
    found = folded_initials_lines(transcript)
    if not found:
        return None
    n = len(found)
    shown = first_few([f.shown() for f in found], 3)
    return (
        f"{transcript.source or transcript.id}: {n} line{'s' if n != 1 else ''} opening with "
        f"capitals ({shown}) {'were' if n != 1 else 'was'} read as the interviewer's words, "
        "not coded: if someone else speaks there, give the line the label of that speaker's "
        "other turns; a member said once under initials is read after the interviewer's "
        "question ending in '?', or once --interviewer names the interviewer"
    )


def folded_into_answers_warning(transcript: Transcript) -> str | None:
    """One line naming ``transcript``'s file, the lines of :func:`folded_into_answers_lines`
    (the first three, each with the speaker it was read as) and the fix; None when there are
    none."""
    found = folded_into_answers_lines(transcript)
    if not found:
        return None
    n = len(found)
    shown = first_few([f"{f.shown()} in {f.speaker}'s turn" for f in found], 3)
    return (
        f"{transcript.source or transcript.id}: {n} line{'s' if n != 1 else ''} opening with "
        f"capitals ({shown}) {'were' if n != 1 else 'was'} read as that turn's words and coded "
        "as theirs: if someone else speaks there, give the line the label of that speaker's "
        "other turns, or the same label on two or more of their lines"
    )
