"""A video call's chat: Zoom's saved chat, or its lines pasted into a transcript.

Zoom saves a meeting's chat as ``10:05:12 From Sam Roe : message`` lines (older Zoom) or as
``00:05:12 From Sam Roe to Everyone:`` with the message on the lines below (newer Zoom, or after
the colon); copied from the meeting's chat panel, a message line has no time (``From Sam Roe to
Everyone: message``, or to anyone ``(Direct Message)``), and is told from talk that opens with
"From" by whom it was sent to. The messages were typed, not said: pasted among a transcript's turns
they are no one's speech (:func:`chat_left_out`: :mod:`.text` and :mod:`.blocks` leave them out of
the turns), and a file of them is a saved chat (:func:`is_saved_chat`), left out of a folder of
transcripts and read as its messages, each its sender's, only when named on its own. A line
that merely opens with a time (``10:22:05 P04: words``) is speech.
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
#: Whom a message without its time was sent to, as Zoom writes it: ``Everyone`` (``Everyone
#: (in Waiting Room)``), or anyone ``(Direct Message)`` or ``(Privately)``. Without a time,
#: only this tells a chat line from talk that opens with "From" ("From day one: ...").
_RECIPIENT = (
    r"(?:Everyone(?:[ \t]*\([^()\n:]{1,40}\))?"
    r"|[^:\n]{1,120}?[ \t]*\((?:Direct Message|[Pp]rivately)\))"
)
#: A message line copied from the meeting's chat panel, without its time: ``From Jane Smith
#: to Everyone:``, then the message after the colon or on the line below.
_UNTIMED_CHAT_LINE = re.compile(
    rf"^[ \t]*From[ \t]+(?P<sender>[^:\n]{{1,120}}?[ \t]+to[ \t]+{_RECIPIENT})[ \t]*:"
)
#: A chat message's heading (:func:`chat_heading`), or its line, up to the sender.
_HEADING = re.compile(
    r"^[ \t]*\d{1,2}:\d{2}(?::\d{2})?[ \t]+From[ \t]+(?P<sender>[^:\n]{1,120})(?::|$)"
)
_UNTIMED_HEADING = re.compile(
    rf"^[ \t]*From[ \t]+(?P<sender>[^:\n]{{1,120}}?[ \t]+to[ \t]+{_RECIPIENT})[ \t]*(?::|$)"
)
#: The sender of a chat message, as a speaker's label reads it after the time (``From Jane
#: Smith`` or ``From Jane Smith to Everyone``): the speaker is ``Jane Smith``.
_SENDER = re.compile(r"^From (?P<name>.+?)(?: to (?:Everyone|.+))?$")


#: The metadata key of the Zoom chat messages left out of a transcript's turns: the heading of
#: each (``10:22:05 From P04b``), in the file's order.
ZOOM_CHAT = "zoom_chat"


@dataclass(frozen=True)
class ChatMessage:
    """A chat message in a file's lines: its heading (:func:`chat_heading`) and the indices of
    its lines (its chat line, then the lines of the message below it, if any)."""

    heading: str
    lines: range


def is_chat_log(text: str) -> bool:
    """Whether ``text`` has the shape of a video call's saved chat: two or more ``00:05:12 From
    Sam Roe to Everyone:`` lines, making up at least 30 % of its lines with words (the messages
    themselves are the others). A transcript with messages pasted in may have it too: it is a
    saved chat only if they also outnumber its speakers' lines (:func:`is_saved_chat`)."""
    lines = [line for line in text.split("\n") if line.strip()]
    chat = sum(1 for line in lines if _chat_line(line))
    return chat >= 2 and chat >= 0.3 * len(lines)


def is_saved_chat(
    lines: Sequence[str], labelled: Sequence[bool], *, paragraphs: bool = False
) -> bool:
    """Whether ``lines`` (``labelled``: those opening with a speaker's label) are a video call's
    saved chat, not a transcript with a few of its messages pasted among the turns: the shape of
    a chat log (:func:`is_chat_log`), its messages outnumbering the labelled lines that are none
    of theirs (a saved chat may hold a stray ``Note: ...`` line)."""
    if not is_chat_log("\n".join(lines)):
        return False
    messages = chat_messages(lines, labelled, paragraphs=paragraphs)
    theirs = {i for m in messages for i in m.lines}
    speech = sum(1 for i, is_labelled in enumerate(labelled) if is_labelled and i not in theirs)
    return len(messages) > speech


def chat_left_out(
    lines: Sequence[str], labelled: Sequence[bool], *, paragraphs: bool = False
) -> list[ChatMessage]:
    """The chat messages among a transcript's ``lines`` (or word processor's ``paragraphs``),
    to be left out of its turns: none in a saved chat (:func:`is_saved_chat`), which is read as
    its messages, each its sender's. Pasted among the turns, a message is its chat line and,
    only when nothing follows that line's colon (newer Zoom's ``From Sam Roe to Everyone:``),
    the one line below it (:func:`chat_messages` with ``paragraphs``): the line after
    ``10:22:05 From P10 : sorry my camera froze`` is the speaker's talk going on (a tester's
    answer lost its last sentence to the chat before, session 34)."""
    if is_saved_chat(lines, labelled, paragraphs=paragraphs):
        return []
    return chat_messages(lines, labelled, paragraphs=True)


def chat_note(messages: Sequence[ChatMessage]) -> dict[str, list[str]]:
    """The metadata recording ``messages`` left out of a transcript's turns: the heading of
    each under :data:`ZOOM_CHAT` (nothing when there are none)."""
    return {ZOOM_CHAT: [m.heading for m in messages]} if messages else {}


def _chat_line(line: str) -> re.Match[str] | None:
    """``line`` matched as a chat message line, with its time or without (:data:`CHAT_LINE`,
    :data:`_UNTIMED_CHAT_LINE`)."""
    return CHAT_LINE.match(line) or _UNTIMED_CHAT_LINE.match(line)


def chat_heading(line: str) -> str | None:
    """The time and sender of ``line`` when it is a chat message line (``10:22:05 From P04b``,
    ``10:23:00 From P04 to Everyone``, blanks as one; ``From P04 to Everyone`` for a line
    copied from the meeting's chat panel, which has no time), else None."""
    m = _chat_line(line)
    if m is None:
        return None
    sender = f"From {' '.join(m['sender'].split())}"
    return sender if m.re is _UNTIMED_CHAT_LINE else f"{m['time']} {sender}"


def chat_sender(line: str) -> str | None:
    """Who sent a chat message, from its line (``10:22:05 From Margaret Okafor : hi``,
    ``10:23:00 From Sam Roe to Everyone:``) or its heading (``10:23:00 From Sam Roe to
    Everyone``, as :func:`chat_heading` and ``metadata["zoom_chat"]`` write it): ``Margaret
    Okafor``, ``Sam Roe``, blanks as one; None when ``line`` is neither."""
    m = _HEADING.match(line) or _UNTIMED_HEADING.match(line)
    sender = None if m is None else _SENDER.match(f"From {' '.join(m['sender'].split())}")
    return None if sender is None else sender["name"]


def sender_named(label: str) -> str:
    """The person a chat line's label names, as the speaker's label of a saved chat's message
    reads after its time: ``From Jane Smith`` or ``From Jane Smith to Everyone`` is ``Jane
    Smith``; any other label is itself."""
    return _SENDER.sub(r"\g<name>", label)


def chat_messages(
    lines: Sequence[str], labelled: Sequence[bool], *, paragraphs: bool = False
) -> list[ChatMessage]:
    """The chat messages among ``lines``: each chat line, with the lines with words directly
    below it that open with no speaker's label (``labelled``) as its message's lines. In a word
    processor's ``paragraphs``, which no blank line parts, only the one paragraph below a chat
    line with nothing after its colon (newer Zoom's ``From Sam Roe to Everyone:``) is its
    message: the next is the talk again."""
    out: list[ChatMessage] = []
    for i, line in enumerate(lines):
        heading = chat_heading(line)
        if heading is not None:
            out.append(ChatMessage(heading, range(i, i + 1)))
            continue
        last = out[-1] if out else None
        if last is None or last.lines.stop != i or not line.strip() or labelled[i]:
            continue
        if paragraphs and (len(last.lines) > 1 or _said_after_colon(lines[last.lines.start])):
            continue
        out[-1] = ChatMessage(last.heading, range(last.lines.start, i + 1))
    return out


def _said_after_colon(line: str) -> bool:
    m = _chat_line(line)
    return m is not None and bool(line[m.end() :].strip())
