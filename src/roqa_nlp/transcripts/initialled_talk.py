"""Lines opening with a name with initials that were read as a participant's talk.

A name with initials before a colon (``Dr. A. Khan:``, ``A. Khan:``, ``J.Smith:``) is a
speaker's label only where the file shows turns (:func:`.speaker_labels.accepted_labels`): said
three times or more, with a time of its own, or one of the only two labels taking turns. Said
once or twice it is the words of the turn it stands in, as a place, a germ or a person quoted
inside an answer is (``N. Yorkshire: we cover two houses.``, ``C. Difficile: outbreaks ...``).
So an interviewer with initials who asks once or twice, in a file whose participant is
``P04:``, has their question read as the participant's words and coded (session 69). The reader
does not change which lines are turns (session 68's hunts kept places as talk); it warns, once
per file, of each such line that looks asked (:func:`initialled_talk_lines`): the line ends on a
question mark (``?`` or a full-width ``？``), or it opens a paragraph that ends a participant's
turn the same participant's next labelled turn follows. A place or a person said mid-answer
that asks nothing is not named, nor a name after another label on its line (``A. N. Yorkshire:
...?``, ``P04: Dr. A. Khan: ...?``), which ``--interviewer`` cannot read as a label. The fix is
to name the speaker with ``--interviewer`` (:func:`initialled_talk_warning`). A line a repeated
label follows (``P01: ...`` / ``N. Yorkshire: we cover two houses.`` / ``P01: ...``) may be a
place or the interviewer's prompt, the shape alone cannot say: the split-turn warning gives
both fixes, each with its condition (:func:`initialled_line_above`; hunt s69 h_initials).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import first_few, quoted
from ..schema import Transcript, Turn
from .backchannels import ends_asking
from .roles import option_value
from .speaker_labels import (
    LabelMatch,
    _name_of,
    has_initial_stop,
    is_initialled_name,
    match_label,
)

#: A blank line: two line breaks with only blanks between them.
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: A blank line right above a line (searched up to the line's start).
_PARAGRAPH_ABOVE = re.compile(r"\n[ \t]*\n\Z")
#: The line breaks ending a paragraph: a blank line or more.
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)+")
#: A full-width question mark (Chinese, Japanese input), asking as ``?`` does.
_FULL_WIDTH_QUESTION = "\uff1f"


@dataclass(frozen=True)
class InitialledLine:
    """A line of a participant's turn that opens with a name with initials before a colon."""

    label: str  # the name as written, ``Dr. A. Khan``
    start: int  # the line's offset in the transcript's text
    line: int  # its line number in the transcript's text, from 1
    words: str  # the whole line, stripped
    speaker: str  # the speaker whose talk it was read as


def initialled_talk_lines(transcript: Transcript) -> list[InitialledLine]:
    """The lines of ``transcript``'s participants' turns that open with a name with initials
    before a colon (:func:`.speaker_labels.is_initialled_name`) left as talk, and that look
    asked: the line ends on a question mark, or it opens a paragraph (a blank line above it,
    or the turn's start) that runs to the end of the turn, the same speaker's labelled turn
    right after it (an interviewer's unlabelled prompt between two of the participant's
    turns). A name said mid-answer that asks nothing is not one (``N. Yorkshire: we cover two
    houses.``)."""
    text, turns = transcript.text, transcript.turns
    found: list[InitialledLine] = []
    for k, turn in enumerate(turns):
        if turn.role != "participant":
            continue
        nxt = turns[k + 1] if k + 1 < len(turns) else None
        at = turn.start
        while at < turn.end:
            end = text.find("\n", at, turn.end)
            end = turn.end if end < 0 else end
            found_here = _initialled_line(text, turn, at, end)
            if found_here is not None and (
                asks(found_here.words) or _prompt_between_turns(text, turn, nxt, at)
            ):
                found.append(found_here)
            at = end + 1
    return found


def asks(line: str) -> bool:
    """Whether ``line`` ends on a question mark, a full-width ``？`` too (hunt s69 M4)."""
    return ends_asking(line.replace(_FULL_WIDTH_QUESTION, "?"))


def _initialled_line(text: str, turn: Turn, at: int, end: int) -> InitialledLine | None:
    """The line ``text[at:end]`` of ``turn`` when it opens a line of the text with a name with
    initials before a colon, else None. A name after another label on its line (``A. N.
    Yorkshire: ...``, ``P04: Dr. A. Khan: ...``) is not one: ``--interviewer`` reads a label
    only where it opens a line, so the fix could not read it (hunt s69 h_initials 5)."""
    if at > 0 and text[at - 1] != "\n":
        return None
    line = text[at:end]
    m = match_label(line)
    if m is None or not _initialled_name(m):
        return None
    return InitialledLine(m.label, at, text.count("\n", 0, at) + 1, line.strip(), turn.speaker)


def initialled_line_above(text: str, turn: Turn) -> InitialledLine | None:
    """The line of participant ``turn`` a repeated label below it follows, when it opens with a
    name with initials (:func:`_initialled_line`): the turn's last line (``P04: ...`` / ``Dr. A.
    Khan: Tell me about the training.`` / ``P04: ...``), or the first line of its last
    paragraph (``N. Yorkshire: and two houses.`` / ``That is all.``, blank lines around them);
    None when neither does. Such a line may be the participant's place or germ or the
    interviewer's prompt: the split-turn warning gives both fixes, each with its condition."""
    words_end = turn.start + len(text[turn.start : turn.end].rstrip())
    last = text.rfind("\n", turn.start, words_end) + 1 or turn.start
    paragraph = last
    for blank in _PARAGRAPH_BREAK.finditer(text, turn.start, words_end):
        paragraph = blank.end()
    for at in dict.fromkeys((paragraph, last)):
        end = text.find("\n", at, words_end)
        found = _initialled_line(text, turn, at, words_end if end < 0 else end)
        if found is not None:
            return found
    return None


def _initialled_name(m: LabelMatch) -> bool:
    """Whether a line's candidate label ``m`` is a name with initials before a colon (``Dr. A.
    Khan: ...``, ``J.Smith:...``), not an outline's point (``Q. What helped:``, ``U.S. Policy:``)."""
    return (
        m.form in ("colon", "no space")
        and has_initial_stop(m.label)
        and is_initialled_name(_name_of(m.label))
    )


def _prompt_between_turns(text: str, turn: Turn, nxt: Turn | None, at: int) -> bool:
    """Whether the line at ``at`` of ``turn`` opens a paragraph that ends ``turn``, the same
    speaker's next turn ``nxt`` right after it: where the interviewer's prompt would stand."""
    if nxt is None or nxt.speaker.casefold() != turn.speaker.casefold():
        return False
    opens = at == turn.start or _PARAGRAPH_ABOVE.search(text, turn.start, at) is not None
    return opens and _BLANK_LINE.search(text, at, turn.end) is None


def initialled_talk_warning(transcript: Transcript) -> str | None:
    """That ``transcript`` has lines opening with a name with initials read as a participant's
    talk and coded, though they look asked (:func:`initialled_talk_lines`), naming the labels,
    the first line and the fix (``--interviewer "Dr. A. Khan"``), in one line naming its file;
    None when there are none. A label the file's split-turn warning names already (a question
    above a repeated label, :func:`~.render.split_turns_warning`) is left out: one warning
    names each."""
    from .render import labels_named_by_split_turns  # render reads this module

    named = labels_named_by_split_turns(transcript)
    lines = [f for f in initialled_talk_lines(transcript) if f.label not in named]
    if not lines:
        return None
    labels = list(dict.fromkeys(f.label for f in lines))
    shown = first_few([repr(label + ":") for label in labels])
    at = first_few([str(f.line) for f in lines], 6)
    first = lines[0]
    one = len(labels) == 1
    return (
        f"{transcript.source or transcript.id}: line{'' if len(lines) == 1 else 's'} {at} "
        f"({quoted(first.words, 28)}) {'is' if len(lines) == 1 else 'are'} coded as "
        f"{first.speaker}'s talk, {shown} said too seldom to be {'a label' if one else 'labels'}"
        + (": if it is the interviewer, " if one else ": name each that is the interviewer, ")
        + f"{interviewer_fix(labels)}; a place or person needs nothing"
    )


def interviewer_fix(labels: list[str]) -> str:
    """The option naming ``labels`` (the first three) the interviewer, as written, for ``roqa
    code`` and ``roqa inspect`` and in Python: ``roqa code/inspect --interviewer "Dr. A. Khan"
    (interviewer_labels in Python)``."""
    options = " ".join(f"--interviewer {option_value(label)}" for label in labels[:3])
    return f"roqa code/inspect {options} (interviewer_labels in Python)"
