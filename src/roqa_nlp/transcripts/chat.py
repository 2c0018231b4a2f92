"""A video call's chat: Zoom's saved chat, or its lines pasted into a transcript.

Zoom saves a meeting's chat as ``10:05:12 From Sam Roe : message`` lines (older Zoom) or as
``00:05:12 From Sam Roe to Everyone:`` with the message on the lines below (newer Zoom, or after
the colon). The messages were typed, not said: pasted among a transcript's turns they are no
one's speech (:mod:`.text` leaves them out of the turns), and a file of them alone is a saved
chat, left out of a folder of transcripts (:func:`is_chat_log`) and read as its messages only
when named on its own. A line that merely opens with a time (``10:22:05 P04: words``) is speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: A message line of a Zoom meeting's chat: its time and ``From`` its sender (and ``to`` whom),
#: then a colon, the message after it or on the lines below.
CHAT_LINE = re.compile(
    r"^[ \t]*(?P<time>\d{1,2}:\d{2}(?::\d{2})?)[ \t]+From[ \t]+(?P<sender>[^:\n]{1,120}):"
)
#: The sender of a chat message, as a speaker's label reads it after the time (``From Jane
#: Smith`` or ``From Jane Smith to Everyone``): the speaker is ``Jane Smith``.
CHAT_SENDER = re.compile(r"^From (?P<name>.+?)(?: to (?:Everyone|.+))?$")


@dataclass(frozen=True)
class ChatMessage:
    """A chat message in a file's lines: its heading (:func:`chat_heading`) and the indices of
    its lines (its chat line, then the lines of the message below it, if any)."""

    heading: str
    lines: range


def is_chat_log(text: str) -> bool:
    """Whether ``text`` has the shape of a video call's saved chat: two or more ``00:05:12 From
    Sam Roe to Everyone:`` lines, making up at least 30 % of its lines with words (the messages
    themselves are the others). A transcript with messages pasted in may too: it is a saved
    chat only if they also outnumber its speakers' lines (:func:`outnumbers_speech`,
    :func:`roqa_nlp.transcripts.text.is_saved_chat`)."""
    lines = [line for line in text.split("\n") if line.strip()]
    chat = sum(1 for line in lines if CHAT_LINE.match(line))
    return chat >= 2 and chat >= 0.3 * len(lines)


def outnumbers_speech(messages: Sequence[ChatMessage], labelled: Sequence[bool]) -> bool:
    """Whether chat ``messages`` outnumber the lines with a speaker's label (``labelled``) that
    are none of theirs: a saved chat (with a stray ``Note: ...`` in a message, say) rather than
    a transcript with a few messages pasted among its turns."""
    theirs = {i for m in messages for i in m.lines}
    speech = sum(1 for i, is_labelled in enumerate(labelled) if is_labelled and i not in theirs)
    return len(messages) > speech


def chat_heading(line: str) -> str | None:
    """The time and sender of ``line`` when it is a chat message line (``10:22:05 From P04b``,
    ``10:23:00 From P04 to Everyone``, blanks as one), else None."""
    m = CHAT_LINE.match(line)
    if m is None:
        return None
    return f"{m['time']} From {' '.join(m['sender'].split())}"


def chat_messages(lines: Sequence[str], labelled: Sequence[bool]) -> list[ChatMessage]:
    """The chat messages among ``lines``: each chat line, with the lines with words directly
    below it that open with no speaker's label (``labelled``) as its message's lines."""
    out: list[ChatMessage] = []
    for i, line in enumerate(lines):
        heading = chat_heading(line)
        if heading is not None:
            out.append(ChatMessage(heading, range(i, i + 1)))
        elif out and out[-1].lines.stop == i and line.strip() and not labelled[i]:
            out[-1] = ChatMessage(out[-1].heading, range(out[-1].lines.start, i + 1))
    return out
