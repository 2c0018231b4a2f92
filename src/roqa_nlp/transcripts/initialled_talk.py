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
question mark, or it opens a paragraph that ends a participant's turn the same participant's
next labelled turn follows, as an interviewer's prompt stands (``P04: ...`` / ``Dr. A. Khan:
Tell me about the training.`` / ``P04: ...``). A place or a person said mid-answer that asks
nothing is not named. The fix is to name the speaker with ``--interviewer``
(:func:`initialled_talk_warning`).
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
            line = text[at:end]
            m = match_label(line) if at == turn.start or text[at - 1] == "\n" else None
            if (
                m is not None
                and _initialled_name(m)
                and (ends_asking(line.strip()) or _prompt_between_turns(text, turn, nxt, at))
            ):
                found.append(
                    InitialledLine(
                        m.label, at, text.count("\n", 0, at) + 1, line.strip(), turn.speaker
                    )
                )
            at = end + 1
    return found


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
    options = " ".join(f"--interviewer {option_value(label)}" for label in labels[:3])
    return (
        f"{transcript.source or transcript.id}: line{'' if len(lines) == 1 else 's'} {at} "
        f"open{'s' if len(lines) == 1 else ''} with {shown}, a name with initials said too "
        f"seldom to be read as a speaker's label, so {'it is' if len(lines) == 1 else 'they are'} "
        f"read as the talk of {first.speaker!r} and coded ({quoted(first.words)}): if "
        f"{'they are' if one else 'any is'} the interviewer, name "
        f"{'them' if one else 'each'} so as written (roqa {options}; interviewer_labels in "
        "Python) to read those lines as the interviewer's; a place or a person the participant "
        "names needs nothing"
    )
