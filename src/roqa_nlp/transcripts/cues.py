"""Subtitle cues: the shared block structure of WebVTT and SubRip files.

A cue is a timing line (``00:01:02.500 --> 00:01:05.000``, ``,`` or ``.`` before the
fraction of a second, hours optional, ``->`` for the arrow too, a converter's ``00:00:01:000``
or ``00.00.01`` read as well, cue settings after the end time ignored) followed by its text
lines up to a blank line; words after the end time that are not cue settings
(``00:00:04.900 --> 00:00:12.300 SPEAKER_01: words``) are the cue's first line.
Lines before the timing line (cue ids, SubRip numbers) are not text. A cue in which a later
line opens with another voice (a second voice tag, also after words on one line, or a second
speaker's label in a labelled cue; a dialogue dash before a label, ``- P02: words``, left out)
is read as one cue per voice, the cue's time shared between them by the length of their words
(:func:`by_voice`, :func:`shared_times`); so is a cue in which a later line opens with the
label of one of the file's speakers, however its first line opens (its unlabelled first line
goes on with the turn before; :func:`at_speakers_of_the_file`).
Blocks that open with ``NOTE``, ``STYLE`` or ``REGION`` (WebVTT) and the ``WEBVTT`` header are
skipped. A SubRip file missing the blank line between cues is still read: a timing line inside a
cue starts the next cue, and the cue number just before it is dropped; so is the next cue's
number ending the last cue of a file cut off after it. A block of words after the first cue with
no timing line (missing or malformed), or before it when numbered, opening with a malformed
timing line or with the label of one of the file's speakers, is read as a cue without times, as
a timed cue would be: its words up to a line
that opens with a speaker (a label, a voice tag, or a name on a line of its own as the timed
cues have it, :func:`.utterances.is_name_line`) carry on the turn before them (at the file's
start, no named speaker's), the rest is that
speaker's talk; a malformed timing line, or a cue id, opening it is no talk; a broken timing
line with the arrow ``-->`` (``00:00:01.000 -->``, whose good start time is kept) inside a cue
(no blank line before it) opens such a block (``2.5 -> 3 hours`` is talk). A Zoom chat message
pasted in a cue or between cues is left out by the rules of :mod:`.chat` (as in a .txt, with its
time or without, inside a subtitle's tags or after its dialogue dash; ``metadata["zoom_chat"]``
names each). The warning names
their lines in the file (:func:`unread_cues_warning`). A cue that ends before it starts
is read without times, with a warning naming its line (:func:`backward_cues_warning`).
Header fields typed into the first cues (``Location: Leeds General``, ``Duration: 26
minutes``), or a field's cue between two turns, are read as a plain text's header lines are,
no speakers (:func:`.utterances.utterances_transcript`).

Text whose lines open with their time range in brackets, the words after it
(``[00:00:04.900 --> 00:00:12.300] SPEAKER_01: words``, as Whisper and the tools built on it
print a transcript: whisper.cpp, WhisperX, aTrain), is cues too, one per line: a line without a
range continues the cue before it, and lines before the first range are not speech
(:func:`timed_lines_as_cues`). YouTube's captions (``.sbv``: a timing line
``0:00:03.120,0:00:10.700``, the cue's words, a blank line) are cues too, their timing lines
read as a subtitle's (:func:`sbv_as_cues`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RoqaValueError, first_few, quoted
from ..schema import Transcript
from .caption_marks import caption_speakers, opens_with_mark, without_chevron
from .chat import ZOOM_CHAT, chat_messages
from .cue_ids import (
    IDS_SAID_ONCE,
    IDS_SAID_ONCE_LINES,
    MOST_NAME_WORDS,
    NAME_LINES,
    NAME_LINES_AS_IDS,
    NAME_LINES_COUNT,
    NAMES_LISTED,
    ends_cue_words,
    ids_of_words,
    ids_said_once,
    is_webvtt,
    is_webvtt_id,
    name_lines_above_timing,
)
from .rolling_captions import is_rolling, new_words_only
from .speaker_labels import (
    CUE_LABEL,
    LABEL_LINE,
    is_display_name,
    label_view,
    match_label,
    names_a_known_speaker,
    timed_label,
)
from .timecodes import LOOSE_CLOCK, is_stamp_range, parse_cue_time
from .utterances import (
    HEADER_CUES,
    Utterance,
    is_name_line,
    utterance_labels,
    utterances_transcript,
)

# Seconds may have one digit: Teams wrote ``0:0:5.230 --> 0:0:9.0``.
_TIME = r"(?:\d{1,9}:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,9})?"
# and a converter ``00:00:01:000`` or ``00.00.01`` (:data:`.timecodes.LOOSE_CLOCK`)
_CUE_TIME = rf"(?:{LOOSE_CLOCK}|{_TIME})"
TIMING_LINE = re.compile(
    rf"^\s*(?P<begin>{_CUE_TIME})\s*--?>\s*(?P<end>{_CUE_TIME})(?:\s(?P<rest>.*))?$"
)
#: A cue setting after the end time (``align:start``, ``position:10%``; SubRip's ``X1:40``).
_CUE_SETTING = re.compile(r"[\w-]+:\S+")
SKIPPED_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION|WEBVTT)(?:[ \t]|$)")
_CUE_NUMBER = re.compile(r"^\s*\d+\s*$")


@dataclass
class Cue:
    """One subtitle cue: its times in seconds (None for a block read without a timing line),
    its raw text lines, and the file's line number of its timing line (0 if unknown)."""

    begin_time: float | None
    end_time: float | None
    lines: list[str] = field(default_factory=list)
    line: int = 0
    #: opened by a broadcast caption's chevron (``>> words``), left out of its lines: another
    #: speaker talks (:mod:`.caption_marks`)
    new_speaker: bool = False


@dataclass
class UntimedBlock:
    """A block of words between cues with no timing line: its lines with words (cue numbers
    left out), the file's line numbers of the first and last of them (from 1), how many cues
    come before it, and the file's line number of each of its lines."""

    lines: list[str]
    first_line: int
    last_line: int
    after_cues: int
    numbers: list[int] = field(default_factory=list)
    #: before the first cue, neither numbered nor opening with a timing line: a title, unless
    #: it opens with the label of one of the file's speakers (:func:`cue_transcript`)
    title: bool = False

    def line_range(self) -> str:
        """``12`` or ``15-16``: where the block's words are in the file."""
        return _line_range(self.first_line, self.last_line)


def _line_range(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


#: A malformed timing line (``00:00:05 to 00:00:09``, ``00:00:05.000 >> 00:00:09.000``): two
#: times a few characters apart, any words after them the cue's.
_MALFORMED_TIMING = re.compile(rf"^\s*{_TIME}[^\d\n]{{1,8}}?{_TIME}(?:\s+(?P<rest>.*))?$")
#: A broken timing line with the subtitle arrow (``00:00:01.000 -->``, ``--> 00:00:05.000``,
#: ``0:0:1. --> 0:0:5.``): a time-like run of digits and separators on one side of the arrow or
#: both, any words after it the cue's. It is no one's speech. Only ``-->`` makes one: a caption
#: line ``2.5 -> 3 hours a week`` is talk.
_TIMEISH = r"\d+(?:[:.,]\d*)+"
_BROKEN_TIMING = re.compile(
    rf"^\s*(?:(?P<start>{_TIMEISH})\s*-->\s*(?P<end>{_TIMEISH})?|-->\s*{_TIMEISH})"
    r"(?:\s+(?P<rest>.*))?$"
)


def _bad_timing(line: str) -> re.Match[str] | None:
    """The match of ``line`` as a malformed or broken timing line (the words after the times
    in its ``rest``), or None."""
    return _MALFORMED_TIMING.match(line) or _BROKEN_TIMING.match(line)


def _timing_only(line: str) -> bool:
    """Whether ``line`` is a malformed or broken timing line with no words after its times (cue
    settings aside): ``00:00:10,000 >> 00:00:14,000``, not ``10:30 to 11:00 was the handover``
    (talk, :data:`_MALFORMED_TIMING` needing two clock times keeps ``2.5 -> 3 hours`` talk)."""
    m = _bad_timing(line)
    rest = (m["rest"] or "").split() if m is not None else []
    return m is not None and all(_CUE_SETTING.fullmatch(w) for w in rest)


def _opens_block(line: str, cue_lines: Sequence[str]) -> bool:
    """Whether ``line``, in a cue of ``cue_lines`` so far with no blank line before it, is a
    timing line that cannot be read, so opens a block of its own: a broken one (``-->``), or a
    malformed one (``>>``, ``to``) with no words after its times or right after a cue number.
    Files with no blank lines kept such a line in the cue before it, as talk, and coded it
    (session 79 hunt2 F4: ``3 00:00:10,000 >> 00:00:14,000``)."""
    if _BROKEN_TIMING.match(line) or _timing_only(line):
        return True
    return bool(_MALFORMED_TIMING.match(line) and cue_lines and _CUE_NUMBER.match(cue_lines[-1]))


def _is_cue_id(line: str) -> bool:
    """Whether ``line``, right above a timing line after a blank line, is shaped like the cue's
    id: a number or one token with a digit (:data:`_CUE_ID`; such a token that is no number nor
    GUID is an id only where such ids recur, :func:`_ids_of_digits`). Other lines there are words whose own timing
    line is missing (``P03: Staffing is the biggest barrier.``), read as a block without times,
    not cleared as an id with no warning (session 79 hunt2 F5), but in a file opening with
    ``WEBVTT``, where an id of words (``Caption``, ``Speaker 1``) is one too
    (:func:`.cue_ids.is_webvtt_id`, :func:`parse_cues`)."""
    return bool(_CUE_NUMBER.match(line) or _CUE_ID.match(line))


def _is_numbered_id(line: str) -> bool:
    """Whether ``line`` is a cue id whatever the file's other ids: a cue number or Teams' GUID
    (:data:`_TEAMS_CUE_ID`). Another token with a digit (``intro-1``, but also an answer ``24/7``,
    ``2-3``, ``9am``) is one only where such ids recur (:func:`_ids_of_digits`)."""
    return bool(_CUE_NUMBER.match(line) or _TEAMS_CUE_ID.match(line))


def _start_only(line: str) -> float | None:
    """The start time of a broken timing line that has a good start and no end
    (``00:00:01.000 -->``: 1.0), or None."""
    m = _BROKEN_TIMING.match(line)
    if m is None or not m["start"] or m["end"] or _MALFORMED_TIMING.match(line):
        return None
    try:
        return parse_cue_time(m["start"])
    except ValueError:
        return None


#: A WebVTT cue id that is not a number (Teams': ``8e5c0d1a-11aa/12-0``): one token with a digit.
_CUE_ID = re.compile(r"^\s*[^\s\d]*\d\S*\s*$")
#: Teams' cue id, a GUID (``5f3a2c1e-9b7d-4e0f-a1b2-c3d4e5f60718/12-0``, older ``...718-12``),
#: taken as an id at the end of a cue's lines in a file with no blank lines: it kept every id in
#: the turns (session 79 hunt2 F6).
_TEAMS_CUE_ID = re.compile(
    r"^\s*[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?:/\d+)?(?:-\d+)?\s*$"
)


def _ends_with_cue_id(lines: Sequence[str]) -> bool:
    """Whether a cue's ``lines`` end with the next cue's number or Teams id (a file with no blank
    lines)."""
    return bool(lines) and bool(_CUE_NUMBER.match(lines[-1]) or _TEAMS_CUE_ID.match(lines[-1]))


def _chat_left_out(
    lines: Sequence[str],
    numbers: Sequence[int],
    chat: list[tuple[int, str]],
    opens_label: OpensLabel,
) -> set[int]:
    """The indices of ``lines`` (a cue's, or a block's) that are Zoom chat messages, by the
    rules of :func:`.chat.chat_messages` (a chat line, and the one line below it when nothing
    follows its colon), each line looked at without a subtitle's tags (``<i>``, ``{\\an8}``)
    and dialogue dash, as it is for a speaker's label; each message's heading is added to
    ``chat`` with its line number in the file (``numbers``, one per line); ``opens_label`` is
    the reading's :func:`label_openings`."""
    seen = [_without_dialogue_dash(_LINE_MARKUP.sub("", line)) for line in lines]
    labelled = [_opens_speaker(line, opens_label) for line in lines]
    messages = chat_messages(seen, labelled, paragraphs=True)
    chat.extend((numbers[m.lines.start], m.heading) for m in messages)
    return {i for m in messages for i in m.lines}


def _untimed_talk(block: UntimedBlock) -> tuple[list[str], list[int], float | None]:
    """The lines of talk in a block without a timing line, their line numbers in the file, and
    the start time of a broken timing line opening it that has one and no end
    (:func:`_start_only`), else None: a cue id or a malformed timing line opening it is no talk
    (words after the times are)."""
    lines, numbers = list(block.lines), list(block.numbers)
    begin = None
    if len(lines) > 1 and _CUE_ID.match(lines[0]) and not _bad_timing(lines[0]):
        del lines[0], numbers[0]
    timing = _bad_timing(lines[0]) if lines else None
    if timing is not None:
        begin = _start_only(lines[0])
        rest = (timing["rest"] or "").strip()
        if rest and not all(_CUE_SETTING.fullmatch(w) for w in rest.split()):
            lines[0] = rest
        else:
            del lines[0], numbers[0]
    return lines, numbers, begin


def _opens_untimed(before: Sequence[tuple[int, str]]) -> bool:
    """Whether the lines gathered ``before`` a timing line (numbered in the file) hold a block
    opened by a malformed or broken timing line, its words after it: they are a cue read
    without times, not a cue id, though no blank line ends them. Teams' old Word transcripts
    have none (no empty paragraph between cues), and their words were lost with no warning
    (session 79 readers3 H3: ``0:0:12. --> 0:0:17.5``, its speaker's name and the question)."""
    return any(_bad_timing(line) for _, line in before[:2])


def _ids_of_words(lines: Sequence[str]) -> set[int]:
    """The line numbers of the WebVTT cue ids of words in a file's ``lines``: each line alone
    between a blank line and a timing line shaped like such an id (:func:`.cue_ids.is_webvtt_id`;
    a number or a token with a digit is an id anyway, :func:`_is_cue_id`), when they recur
    (:func:`.cue_ids.ids_of_words`)."""
    timing = [i for i, line in enumerate(lines) if TIMING_LINE.match(line)]
    candidates = [
        (i, lines[i - 1])
        for i in timing
        if i >= 2
        and not lines[i - 2].strip()
        and lines[i - 1].strip()
        and not TIMING_LINE.match(lines[i - 1])
        and not _is_cue_id(lines[i - 1])
        and is_webvtt_id(lines[i - 1], _opens_speaker)
    ]
    return set(ids_of_words(candidates, len(timing)))


def _ids_of_digits(lines: Sequence[str]) -> set[int]:
    """The line numbers of the cue ids in a file's ``lines`` that are one token with a digit but
    no number (:data:`_CUE_ID`: ``intro-1``, ``c12``, a GUID), each right above a timing line,
    when they recur (:func:`.cue_ids.ids_of_words`). Above a few timing lines only, in a file
    numbered ``1``, ``2``, ... or with no ids, such a line is words of a cue that lost its
    timing line (``24/7``, ``2-3``, ``9am``), read as they were with a warning of cue blocks
    with no timing line; it was left out with no warning (session 86 cuemend). A GUID is an id
    anyway (:func:`_is_numbered_id`)."""
    timing = [i for i, line in enumerate(lines) if TIMING_LINE.match(line)]
    candidates = [
        (i, lines[i - 1])
        for i in timing
        if i >= 1 and _CUE_ID.match(lines[i - 1]) and not _CUE_NUMBER.match(lines[i - 1])
    ]
    return set(ids_of_words(candidates, len(timing)))


def parse_cues(
    text: str,
    untimed: list[UntimedBlock] | None = None,
    backwards: list[tuple[int, str]] | None = None,
    *,
    rolling: bool = False,
    ids: list[int] | None = None,
) -> list[Cue]:
    """The cues of a WebVTT or SubRip text (line endings already ``\\n``). ``untimed``, when
    given, gets each block with words but no timing line (a cue whose timing line is missing or
    malformed), a block before the first cue neither numbered as a cue nor opening with a timing
    line marked as a title (:attr:`UntimedBlock.title`): its words are in no cue
    (:func:`cue_transcript` reads it). A cue that ends before it starts has no times (which
    of the two is wrong cannot be told); ``backwards``, when given, gets its line number and
    time range. In YouTube's ``rolling`` auto-captions a line of blanks inside a cue is no end
    of it (:mod:`.rolling_captions`). In a file opening with ``WEBVTT`` a line alone between a
    blank line and a timing line is the cue's id (:func:`.cue_ids.is_webvtt_id`: ``Caption``,
    ``Speaker 1``) where such ids recur (:func:`.cue_ids.ids_of_words`), no words; ``ids``,
    when given, gets the line number of each id left out."""
    cues: list[Cue] = []
    current: Cue | None = None
    block_start = True
    skipping = False
    before: list[
        tuple[int, str]
    ] = []  # the block's lines before a timing line (a cue id, or words)
    last_number: int | None = None  # the number of the last cue, if numbered
    file_lines = text.split("\n")
    word_ids = _ids_of_words(file_lines) if is_webvtt(text) else set()
    digit_ids = _ids_of_digits(file_lines)

    def end_block() -> None:
        words = [(n, line) for n, line in before if not _CUE_NUMBER.match(line)]
        # before the first cue, a numbered block, or one that opens with a malformed timing
        # line (after its cue id), is a cue; another is a title unless a speaker of the file
        # opens it (cue_transcript)
        numbered = bool(before) and _CUE_NUMBER.match(before[0][1]) is not None
        timed = any(_bad_timing(line) for _, line in words[:2])
        if untimed is not None and current is None and words:
            untimed.append(
                UntimedBlock(
                    [line for _, line in words],
                    words[0][0],
                    words[-1][0],
                    len(cues),
                    [n for n, _ in words],
                    title=not (cues or numbered or timed),
                )
            )
        before.clear()

    for number_of_line, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            if rolling and line and current is not None:
                continue  # the empty line of the display, in a cue (:mod:`.rolling_captions`)
            end_block()
            current = None
            block_start, skipping = True, False
            continue
        if block_start and SKIPPED_BLOCK.match(line):
            skipping = True
        block_start = False
        if skipping:
            continue
        timing = TIMING_LINE.match(line)
        if timing is not None:
            if current is not None and _ends_with_cue_id(current.lines):
                current.lines.pop()
            number = before[-1][1].strip() if before else ""
            last_number = int(number) if number.isdecimal() and len(number) <= 9 else None
            if (
                before
                and not _opens_untimed(before)
                and (
                    _is_numbered_id(before[-1][1])
                    or before[-1][0] in digit_ids
                    or (len(before) == 1 and before[0][0] in word_ids)
                )
            ):
                if ids is not None:
                    ids.append(before[-1][0])
                before.pop()  # the cue's id
            if before:
                end_block()  # words with no timing line of their own (:func:`_is_cue_id`), or a
                # block opened by a bad one with no blank line after it (Word: :func:`_opens_untimed`)
            current = Cue(
                parse_cue_time(timing["begin"]), parse_cue_time(timing["end"]), line=number_of_line
            )
            if current.end_time is not None and current.end_time < (current.begin_time or 0.0):
                current.begin_time = current.end_time = None
                if backwards is not None:
                    backwards.append((number_of_line, f"{timing['begin']} --> {timing['end']}"))
            cues.append(current)
            words = (timing["rest"] or "").strip()
            if words and not all(_CUE_SETTING.fullmatch(w) for w in words.split()):
                current.lines.append(words)  # the cue's words on its timing line
        elif current is not None and not _opens_block(line, current.lines):
            current.lines.append(line)
        else:
            if current is not None:  # a bad timing line in a cue opens a block of its own
                if _ends_with_cue_id(current.lines):
                    before.append((number_of_line - 1, current.lines.pop()))
                current = None
            elif _opens_block(line, [n for _, n in before]) and _opens_untimed(before):
                # the block before, with no blank line after it, ends here (its cue number, if
                # any, is this block's)
                numbered = [before.pop()] if _ends_with_cue_id([before[-1][1]]) else []
                end_block()
                before.extend(numbered)
            before.append((number_of_line, line))
    end_block()
    last = cues[-1].lines if cues else []
    if last_number is not None and last and last[-1].strip() == str(last_number + 1):
        last.pop()  # the next cue's number, the file cut off after it
    return cues


#: The transcript metadata key of the first lines of the blocks that were left out, having
#: words but no timing line nor a speaker's label, and the key of their line numbers in the
#: file (``"8-9"``). No reader writes them now (such words carry on the turn before them, as in
#: a timed cue); the keys stay for the metadata of transcripts read before.
UNREAD = "blocks_without_timing"
UNREAD_LINES = "blocks_without_timing_lines"
#: The metadata keys of the first lines and the line numbers of the blocks without a timing
#: line whose words were read without times, and of the line numbers of the words in them
#: under no speaker's label, read as the talk of the speaker before them.
UNTIMED = "blocks_read_without_timing"
UNTIMED_LINES = "blocks_read_without_timing_lines"
UNTIMED_UNLABELLED_LINES = "blocks_read_without_timing_unlabelled_lines"
#: The metadata key of the line numbers of such words opening the file, no speaker before
#: them: read as no named speaker's.
UNTIMED_OPENING_LINES = "blocks_read_without_timing_opening_lines"


#: The metadata keys of the line numbers and time ranges of the cues that end before they
#: start (:func:`backward_cues_warning`).
BACKWARDS_LINES = "cues_ending_before_start"
BACKWARDS_RANGES = "cues_ending_before_start_times"


def backward_cues_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file when cues in it end before they start (``00:00:30
    --> 00:00:10``), read without times, with their lines; else None."""
    lines = transcript.metadata.get(BACKWARDS_LINES)
    if not lines:
        return None
    n = len(lines)
    ranges = transcript.metadata.get(BACKWARDS_RANGES) or [""]
    where = transcript.source or transcript.id
    ends = "s end before they start" if n != 1 else " ends before it starts"
    return (
        f"{where}: {n} cue{ends} ({_lines_named(lines)}: {quoted(str(ranges[0]))}), so "
        f"{'their' if n != 1 else 'its'} words were read without a time (mend the timing "
        f"line{'s' if n != 1 else ''} to have them timed)"
    )


#: The metadata keys of the timing lines right below a speaker's label with the same time in a
#: file read as subtitle cues (:func:`timing_lines_under_labels`; some of its timing lines are
#: not so): their line numbers, how many timing lines the file has, and the first label with its
#: timing line (:func:`labelled_timing_warning`).
LABELLED_TIMING_LINES = "timing_lines_under_labels"
LABELLED_TIMING_OF = "timing_lines_under_labels_of"
LABELLED_TIMING_FIRST = "timing_lines_under_labels_first"


def labelled_timing_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file when it was read as subtitle cues though some of
    its timing lines sit right below a speaker's label with the same time (``Jo Lee  1:07`` /
    ``1:07 --> 1:13``), as a transcript labelled by speaker writes each turn's time range, not
    all of them: the file may be such a transcript, its labels read as words; else None."""
    lines = transcript.metadata.get(LABELLED_TIMING_LINES)
    if not lines:
        return None
    where = transcript.source or transcript.id
    n = len(lines)
    of = transcript.metadata.get(LABELLED_TIMING_OF) or n
    first = transcript.metadata.get(LABELLED_TIMING_FIRST) or [""]
    word = transcript.metadata.get("format") in _WORD_FORMATS
    place = " / ".join(quoted(str(line)) for line in first)
    if not word:
        place = f"{_lines_named(lines)}: {place}"
    return (
        f"{where}: {n} of its {of} subtitle timing lines sit right below a speaker's label with "
        f"the same time ({place}), so it may be a transcript labelled by speaker, but it was "
        "read as subtitle cues, its labels as words: if it is, delete its timing lines to have "
        "it read by its speakers' labels"
    )


def _lines_named(ranges: Sequence[object]) -> str:
    return f"line{'s' if len(ranges) != 1 or '-' in str(ranges[0]) else ''} " + first_few(
        [str(r) for r in ranges], 6
    )


#: The formats whose cues were read from a word processor's paragraphs (Teams' old Word
#: transcripts, :func:`.blocks.read_blocks`): a warning names their blocks by their first
#: lines, not by lines of the text (:func:`unread_cues_warning`).
_WORD_FORMATS = frozenset({"docx", "odt"})


#: How to have an id-shaped line read as words left out (one block, several), for the warning of
#: :func:`unread_cues_warning`.
_ID_FIX = ("the line if it is the cue's id", "each line that is a cue's id")


def unread_cues_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file when blocks of words between its cues had no
    timing line, or one roqa cannot read (``00:00:05 >> 00:00:07``; told apart by the block's
    first line): their words were read without times (or with only the start time of
    ``00:00:05.000 -->``), those under no speaker's label as the talk of the speaker before
    them, or opening the file as no named speaker's (whose lines it names); else None. In a
    Word or OpenDocument file each block is named by its first line, quoted (a timing line,
    ``'0:0:12. --> 0:0:17.5'``), not by the line numbers of the text it was read as, which are
    no lines Word shows (:data:`_WORD_FORMATS`)."""
    where = transcript.source or transcript.id
    said = []
    read = transcript.metadata.get(UNTIMED)
    # a Word or OpenDocument file has paragraphs, not the lines of the text they were read as:
    # its blocks are named by their first lines, quoted (a timing line, found with Ctrl+F)
    word = transcript.metadata.get("format") in _WORD_FORMATS
    if read:
        n = len(read)
        lines = _lines_named(transcript.metadata.get(UNTIMED_LINES) or [])
        if word:
            lines = first_few([quoted(str(line)) for line in read], 6)
        unlabelled = transcript.metadata.get(UNTIMED_UNLABELLED_LINES)
        opening = transcript.metadata.get(UNTIMED_OPENING_LINES)
        carried = (
            f", those opening the file with no speaker's label"
            f"{'' if word else f' ({_lines_named(opening)})'} as no named speaker's talk"
            if opening
            else ""
        ) + (
            f", those with no speaker's label"
            f"{'' if word else f' ({_lines_named(unlabelled)})'} as the talk of the speaker "
            "before them"
            if unlabelled
            else ""
        )
        firsts = [str(line) for line in read]
        bad = sum(1 for line in firsts if _bad_timing(line))
        starts = sum(1 for line in firsts if _start_only(line) is not None)
        if not bad:
            what = f"{'have' if n != 1 else 'has'} no timing line"
        elif bad == n:
            what = "have timing lines" if n != 1 else "has a timing line"
            what += " roqa cannot read"
        else:
            what = "have no timing line or one roqa cannot read"
        when = (
            "without an end time"
            if starts == n
            else "without a time or with only their start time"
            if starts
            else "without a time"
        )
        # one token with a digit alone (``3a``, ``sub003``, but also ``24/7``) may be a cue's
        # id the file gives a few cues only (s87 hunt40 LOW-6): read as words, as an answer
        # may be, and told how to have it left out
        ids = not bad and all(_CUE_ID.match(line) for line in firsts)
        said.append(
            f"{n} cue block{'s' if n != 1 else ''} {what} ({lines}), so "
            f"{'their' if n != 1 else 'its'} words were read {when}{carried}"
            f"{'' if word else f': {quoted(str(read[0]))}'} (mend the timing "
            f"line{'s' if n != 1 else ''} to have them timed"
            + (f", or delete {_ID_FIX[n != 1]}, not words)" if ids else ")")
        )
    unread = transcript.metadata.get(UNREAD)
    if unread:
        n = len(unread)
        lines = _lines_named(transcript.metadata.get(UNREAD_LINES) or [])
        said.append(
            f"{n} block{'s' if n != 1 else ''} of words between its cues "
            f"{'have' if n != 1 else 'has'} no timing line nor a speaker's label ({lines}), so "
            f"{'they were' if n != 1 else 'it was'} left out: {quoted(str(unread[0]))} (mend the "
            "timing line to have the words coded)"
        )
    return f"{where}: {'; '.join(said)}" if said else None


#: A cue line opening with a voice tag (``<v Maria Okafor>words</v>``).
_VOICE_LINE = re.compile(r"^[ \t]*<v[ .\t]")
#: A cue line opening with a voice tag, and the voice's name.
_VOICE_NAME = re.compile(r"^[ \t]*<v(?:\.[^\s<>]*)?[ \t](?P<name>[^<>]*)>")
#: A subtitle's dialogue dash opening a line: ``- P02: words`` (a new speaker's line).
_DIALOGUE_DASH = re.compile(r"^[ \t]*[-–—][ \t]+")
#: Markup a subtitle line may open with before its speaker's label (``<b>P02:</b>``,
#: ``{\an8}``), left out where a line is looked at for a label.
_LINE_MARKUP = re.compile(r"</?[a-zA-Z][^<>]*>|\{\\[^{}]*\}")


#: A whole voice tag anywhere in a line (``<v Jo>``, ``<v.loud Jo>``): one after the words of
#: another voice opens another voice (``<v Sam>Yes.</v><v Jo>So tell me ...</v>``,
#: :func:`_at_voice_tags`). Its name holds no ``<`` or ``>``, so a search is linear.
_VOICE_TAG_AT = re.compile(r"<v(?:\.[^\s<>]*)?[ \t][^<>]*>")
#: Most voice tags a line is parted at: a cue holds a few voices, and a line of thousands of tags
#: (a broken file, ``<v a>x`` again and again) is read as one line, as it was, not in seconds'
#: worth of cues.
MOST_VOICES_IN_A_LINE = 12
#: Markup and blanks, no speech: what a part of a cue is measured without (:func:`shared_times`).
_NO_SPEECH = re.compile(r"<[^<>]*>|\{\\[^{}]*\}|\s+")


def _at_voice_tags(line: str) -> list[str]:
    """``line`` parted before each voice tag after its first words: a cue's two voices written
    on one line (``<v Sam>Yes.</v><v Jo>So tell me ...</v>``) are two lines, as Teams writes them
    (session 74, readers2: Jo's question was read as Sam's words, ``us.So tell me``)."""
    if "<v" not in line:
        return [line]
    cuts: list[int] = []
    said = False  # words since the last tag, markup aside
    after = 0
    for n, m in enumerate(_VOICE_TAG_AT.finditer(line)):
        if n >= MOST_VOICES_IN_A_LINE:
            return [line]
        said = said or bool(_NO_SPEECH.sub("", line[after : m.start()]))
        if said and n:
            cuts.append(m.start())
            said = False
        after = m.end()
    if not cuts:
        return [line]
    return [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]


def shared_times(
    begin: float | None, end: float | None, parts: Sequence[Sequence[str]]
) -> list[tuple[float | None, float | None]]:
    """The times of each of ``parts`` (the text lines of the parts of one cue, each another
    voice's: :func:`by_voice`, :func:`at_speakers_of_the_file`): the cue's time from ``begin``
    to ``end`` shared in order by the length of each part's words (its characters but blanks
    and markup, a speaker's label opening it left out), so the second speaker's turn begins
    where the first's words are reckoned to end, not at the cue's start with the first still
    talking (session 74, readers2). An estimate: a subtitle times its cue, not its speakers.
    A cue of one part, or without both times, keeps its times for each."""
    if begin is None or end is None or end <= begin or len(parts) < 2:
        return [(begin, end)] * len(parts)
    sizes = [_said_length(part) for part in parts]
    total = sum(sizes)
    if not total:
        return [(begin, end)] * len(parts)
    bounds = [begin]
    done = 0
    for n in sizes:
        done += n
        bounds.append(round(begin + (end - begin) * done / total, 3))
    bounds[-1] = end
    return list(zip(bounds[:-1], bounds[1:], strict=True))


def _said_length(lines: Sequence[str]) -> int:
    """How many characters of words ``lines`` (one voice's part of a cue) hold: blanks, markup
    and a dialogue dash or speaker's label opening the part left out."""
    if not lines:
        return 0
    first = _without_dialogue_dash(lines[0])
    label = _line_label(first, None) if ":" in first[:200] else None
    said = [first, *lines[1:]]
    labelled = len(_NO_SPEECH.sub("", label)) + 1 if label else 0  # and its colon
    return max(len(_NO_SPEECH.sub("", " ".join(said))) - labelled, 0)


def _norm(line: str) -> str:
    """A line's words with runs of blanks as one space, to compare two lines."""
    return " ".join(line.split())


def _without_dialogue_dash(line: str) -> str:
    m = _DIALOGUE_DASH.match(line)
    return line if m is None else line[m.end() :]


def _opens_label(line: str) -> bool:
    return LABEL_LINE.match(label_view(_LINE_MARKUP.sub("", line))[0]) is not None


#: Whether a cue's line opens with a speaker's label (:func:`_opens_label`).
OpensLabel = Callable[[str], bool]


def label_openings() -> OpensLabel:
    """:func:`_opens_label` with each line's answer kept, for one file's reading (it is dropped
    with the reading): a cue's first line was asked about four times (a chat message, a bare
    chevron, twice to part the cue by voice), and on a megabyte-long line each matching of
    :data:`LABEL_LINE` took over a second (fixer s71, speed)."""
    return functools.cache(_opens_label)


def _opens_speaker(line: str, opens_label: OpensLabel = _opens_label) -> bool:
    """Whether a line opens with a speaker: a voice tag, a speaker's label (``opens_label``:
    the reading's :func:`label_openings`) or a broadcast caption's chevron (``>> words``)."""
    return (
        _VOICE_LINE.match(line) is not None
        or opens_label(line)
        or without_chevron(line) is not None
    )


def by_voice(
    cue: Cue, bare_chevrons: bool = True, opens_label: OpensLabel = _opens_label
) -> list[Cue]:
    """``cue`` parted where a line after its first opens with another voice: a voice tag
    (Teams' ``<v Sam>...</v>`` above ``<v Maria>...</v>``), or, in a cue that opens with a
    speaker's label, a line that opens with one (``Sam Roe: ...`` above ``Maria Okafor: ...``),
    or, in a cue that opens with a caption's speaker mark (``[Amy Lee] ...``), a line that opens
    with one (:func:`.caption_marks.opens_with_mark`); and where a line opens with a broadcast
    chevron (``>> Joy: words``, ``>> words``), which is no one's words: it is left out, and the
    part it opens is marked :attr:`Cue.new_speaker`. A voice tag after a line's first words
    opens another line (:func:`_at_voice_tags`). The parts share the cue's time
    (:func:`shared_times`). A subtitle's dialogue dash opening a line is left out,
    before a label (``- P02: words``) or none (``- Are you back with me?``, a broadcast cue
    with no names): it marks who speaks, as a label does, and is no one's words (left in, a
    sentence of a quote ended on it: ``... the wifi dropped. -``). A cue of one voice and no
    dash is returned as it is. A bare chevron (no label after it) is read so only where
    ``bare_chevrons`` (the file's labels open no cue without one: :func:`cue_transcript`) and
    the cue's first line opens with no voice tag or label: inside a speaker's cue
    (``<v P05>It said\n>> you must attend``) or a file whose labels need none, it is that
    speaker's words, a quote or a song's line. ``opens_label`` is the reading's
    :func:`label_openings`."""
    written = [part for line in cue.lines for part in _at_voice_tags(line)]
    named = bool(written) and (
        _VOICE_LINE.match(written[0]) is not None or opens_label(_without_dialogue_dash(written[0]))
    )
    chevrons = [
        None
        if after is None or not (opens_label(after) or (bare_chevrons and not named))
        else after
        for after in (without_chevron(line) for line in written)
    ]
    lines = [
        _without_dialogue_dash(line if after is None else after)
        for line, after in zip(written, chevrons, strict=True)
    ]
    labelled = bool(lines) and opens_label(lines[0])
    marked = bool(lines) and opens_with_mark(lines[0])
    parts: list[list[str]] = []
    opened: list[bool] = []
    for line, chevron in zip(lines, chevrons, strict=True):
        if (
            parts
            and chevron is None
            and not (
                _VOICE_LINE.match(line)
                or (labelled and opens_label(line))
                or (marked and opens_with_mark(line))
            )
        ):
            parts[-1].append(line)
        else:
            parts.append([line])
            opened.append(chevron is not None)
    if len(parts) == 1 and lines == cue.lines:
        return [cue]
    times = shared_times(cue.begin_time, cue.end_time, parts)
    return [
        Cue(begin, end, part, cue.line, new_speaker=new)
        for part, new, (begin, end) in zip(parts, opened, times, strict=True)
    ]


#: Turns one cue's text lines and times into an utterance (the format-specific part).
CueReader = Callable[[Sequence[str], float | None, float | None], Utterance]


def _line_label(line: str, interviewer_labels: Sequence[str] | None) -> str | None:
    """The speaker's label a cue's line opens with, in the shape of plain text's labels
    (:func:`.speaker_labels.match_label`) or of a video call's display name
    (:data:`.speaker_labels.CUE_LABEL`), after any tags and dialogue dash; else None."""
    seen = _without_dialogue_dash(_LINE_MARKUP.sub("", line))
    found = match_label(seen, interviewer_labels)
    if found is not None:
        return found.label
    m = CUE_LABEL.match(label_view(seen)[0])
    label = "" if m is None else " ".join(m["label"].split())
    return label if label and is_display_name(label) else None


def _speakers_of(
    cues: Sequence[Cue], cue_utterance: CueReader, interviewer_labels: Sequence[str] | None
) -> set[str]:
    """The speakers ``cues`` name as they are read (case-folded): voice tags and labels."""
    utterances = [cue_utterance(c.lines, c.begin_time, c.end_time) for c in cues]
    labels = utterance_labels(utterances, interviewer_labels)
    return {u.speaker.casefold() for u in utterances if u.speaker} | {
        label.label.casefold() for label in labels if label is not None
    }


def _opens_with_one_of(
    line: str, speakers: set[str], interviewer_labels: Sequence[str] | None
) -> bool:
    """Whether ``line`` opens with the voice tag or the label of one of ``speakers``: a block
    above the first cue that does is the file's first words, read untimed (Zoom's ``Sam Roe:
    Thanks for joining.`` whose timing line was lost), not a title."""
    voice = _VOICE_NAME.match(line)
    label = " ".join(voice["name"].split()) if voice else _line_label(line, interviewer_labels)
    return label is not None and label.casefold() in speakers


def at_speakers_of_the_file(
    cues: Sequence[Cue], cue_utterance: CueReader, interviewer_labels: Sequence[str] | None = None
) -> list[Cue]:
    """``cues`` (each of one voice, :func:`by_voice`) parted where a line after a cue's first
    opens with the label of one of the file's speakers, of a role or of a numbered speaker
    (:func:`.speaker_labels.names_a_known_speaker`), however its first line opens: ``and that
    was the end of it.`` above ``Interviewer: And now?`` is the end of the turn before, then
    the interviewer's question. The speakers are those the cues name as they are read
    (:func:`.utterances.utterance_labels`), so a line that opens with a word and a colon in
    someone's talk (``Staffing: we could not recruit.``) stays in it. Each part shares the
    cue's time with the others by its words (:func:`shared_times`); a cue in a voice tag is that
    voice's alone."""
    il = interviewer_labels
    later = [
        [(k, label) for k in range(1, len(cue.lines)) if (label := _line_label(cue.lines[k], il))]
        for cue in cues
    ]
    if not any(later):
        return list(cues)
    utterances = [cue_utterance(c.lines, c.begin_time, c.end_time) for c in cues]
    speakers: set[str] = set()
    if not all(names_a_known_speaker(label, (), il) for found in later for _, label in found):
        # labels of a role or a number need no reading of the file's speakers
        speakers = _speakers_of(cues, cue_utterance, il)
    out: list[Cue] = []
    for cue, u, found in zip(cues, utterances, later, strict=True):
        cuts = [
            k
            for k, label in found
            if u.speaker is None and names_a_known_speaker(label, speakers, il)
        ]
        if not cuts:
            out.append(cue)
            continue
        parts: list[list[str]] = []
        for first, last in zip([0, *cuts], [*cuts, len(cue.lines)], strict=True):
            part = list(cue.lines[first:last])
            if first:
                part[0] = _without_dialogue_dash(part[0])
            parts.append(part)
        times = shared_times(cue.begin_time, cue.end_time, parts)
        for k, (part, (begin, end)) in enumerate(zip(parts, times, strict=True)):
            out.append(Cue(begin, end, part, cue.line, new_speaker=cue.new_speaker and not k))
    return out


def timing_lines_under_labels(text: str) -> tuple[int, list[int]]:
    """How many subtitle timing lines ``text`` has, and the index (from 0) of each that sits
    right below a speaker's label with its time, opening at the label's time (the same second):
    ``Jo Lee  1:07`` / ``1:07 --> 1:13`` / words, a labelled transcript that writes each turn's
    time range below its label, not a subtitle file (whose cue ids or numbers stand there)."""
    lines = text.split("\n")
    timings = 0
    under: list[int] = []
    for i, line in enumerate(lines):
        if TIMING_LINE.match(line) is None:
            continue
        timings += 1
        label = timed_label(lines[i - 1]) if i else None
        # the same rule as the reader of the labels' turns (.timecodes.is_stamp_range)
        if label is not None and is_stamp_range(line, label[1]):
            under.append(i)
    return timings, under


def looks_like_cues(text: str) -> bool:
    """Whether ``text`` (of a .txt or Word file) is subtitle cues: it opens with ``WEBVTT`` and
    has a timing line, or two or more timing lines make up a fifth or more of its lines with
    words (a subtitle file saved as text, or Teams' old transcripts: timing, name, words), or
    its lines open with time ranges (:func:`timed_lines_as_cues`), or it is YouTube's captions
    (:func:`sbv_as_cues`). Not a file each of whose timing lines is the time range of the
    speaker's label right above it (:func:`timing_lines_under_labels`): its labels are its
    speakers, each range their turn's time (hunt25, session 84: the file was read as one
    unknown speaker's turn)."""
    lines = [line for line in text.split("\n") if line.strip()]
    timings = sum(1 for line in lines if TIMING_LINE.match(line))
    if text.lstrip("\ufeff \t\n").startswith("WEBVTT"):
        return timings >= 1
    if timings >= 2 and 5 * timings >= len(lines):
        return len(timing_lines_under_labels(text)[1]) < timings
    return not timings and (_range_matches(lines) is not None or sbv_as_cues(text) is not None)


#: A timing line of YouTube's captions (``.sbv``): the start and end times parted by a comma,
#: each with its milliseconds after a full stop (``0:00:03.120,0:00:10.700``).
_SBV_TIME = r"(?:\d{1,9}:)?\d{1,2}:\d{2}\.\d{1,3}"
SBV_TIMING_LINE = re.compile(rf"^[ \t]*(?P<begin>{_SBV_TIME}),(?P<end>{_SBV_TIME})[ \t]*$")


def sbv_as_cues(text: str, *, sbv: bool = False) -> str | None:
    """``text`` with each of YouTube's caption timing lines (:data:`SBV_TIMING_LINE`) written as
    a subtitle's (``0:00:03.120 --> 0:00:10.700``), every line kept where it is, so that a
    warning names the file's line: when it has no subtitle timing line and, in a ``.sbv``
    (``sbv``), one such line or more, elsewhere (a ``.sbv`` saved as ``.txt``) two or more
    making up a fifth or more of its lines with words, as :func:`looks_like_cues` asks of a
    subtitle file saved as text. Else None."""
    lines = text.split("\n")
    found = [SBV_TIMING_LINE.match(line) for line in lines]
    timings = sum(1 for m in found if m is not None)
    with_words = sum(1 for line in lines if line.strip())
    if not timings or any(TIMING_LINE.match(line) for line in lines):
        return None
    if not sbv and (timings < 2 or 5 * timings < with_words or not _sbv_written(lines, found)):
        return None
    return "\n".join(
        line if m is None else f"{m['begin']} --> {m['end']}"
        for line, m in zip(lines, found, strict=True)
    )


def _sbv_written(lines: Sequence[str], found: Sequence[re.Match[str] | None]) -> bool:
    """Whether text not named ``.sbv`` was written as YouTube writes captions: its first line
    with words a timing line, and each timing line's times with hours and milliseconds
    (``0:00:03.120``). A typed interview holding a run sheet or lap times (``7:30.0,15:30.0``)
    is no caption file: read as one, the talk above its first time was lost (hunt s66
    h_exports R1)."""
    first = next((m for line, m in zip(lines, found, strict=True) if line.strip()), None)
    return first is not None and all(
        _SBV_WRITTEN.fullmatch(m[key]) for m in found if m is not None for key in ("begin", "end")
    )


_SBV_WRITTEN = re.compile(r"\d{1,9}:\d{2}:\d{2}\.\d{3}")


#: A line opening with its time range in brackets, then the words (Whisper's printed transcript).
TIMED_RANGE_LINE = re.compile(
    rf"^[ \t]*\[[ \t]*(?P<begin>{_TIME})[ \t]*--?>[ \t]*(?P<end>{_TIME})[ \t]*\]"
    r"[ \t]*(?P<words>.*)$"
)


def _range_matches(lines: Sequence[str]) -> list[re.Match[str] | None] | None:
    """Each of ``lines`` (those with words) matched as opening with a time range, when two or
    more of them, and at least half, do; else None."""
    found = [TIMED_RANGE_LINE.match(line) for line in lines]
    ranges = sum(1 for m in found if m is not None)
    return found if ranges >= 2 and 2 * ranges >= len(lines) else None


def timed_lines_as_cues(text: str) -> tuple[str, list[int]] | None:
    """``text`` written as subtitle cues, when two or more of its lines, and at least half of
    its lines with words, open with a time range in brackets (``[00:00:04.900 -->
    00:00:12.300] SPEAKER_01: words``): each such line a cue of the words after the range, a
    line without one continuing the cue before it; with the line number in ``text`` of each
    line of the cues (from 1; 0 for the blank lines between them), so that a warning names
    the file's line. Else None (so also for text that already has timing lines)."""
    numbered = [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    lines = [line for _, line in numbered]
    if any(TIMING_LINE.match(line) for line in lines):  # cues already (a .vtt stops at once)
        return None
    found = _range_matches(lines)
    if found is None:
        return None
    out: list[str] = []
    numbers: list[int] = []
    for (n, line), m in zip(numbered, found, strict=True):
        if m is not None:
            if out:
                out.append("")
                numbers.append(0)
            out += [f"{m['begin']} --> {m['end']}", m["words"]]
            numbers += [n, n]
        elif out:
            out.append(line)
            numbers.append(n)
    return "\n".join(out), numbers


def cue_transcript(
    text: str,
    path: str | Path,
    fmt: str,
    cue_utterance: CueReader,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """The transcript of the subtitle cues in ``text`` (a subtitle file's decoded text), which
    ``cue_utterance`` turns into utterances: consecutive utterances of one speaker form a turn,
    rendered canonically (``metadata["format"] = fmt``). YouTube's captions (``fmt`` ``"sbv"``,
    or a ``.sbv`` saved as text) are read as their cues written so (:func:`sbv_as_cues`)."""
    text = sbv_as_cues(text, sbv=fmt == "sbv") or text
    timed = timed_lines_as_cues(text)
    untimed: list[UntimedBlock] = []
    backwards: list[tuple[int, str]] = []
    rolling = is_rolling(text)
    ids: list[int] = []
    cue_text = text if timed is None else timed[0]
    parsed = parse_cues(cue_text, untimed, backwards, rolling=rolling, ids=ids)
    if timed is not None:  # the lines of the file, not of the cues it is read as
        backwards = [(timed[1][n - 1], r) for n, r in backwards]
    # a Zoom chat message pasted in a cue, or between cues, was typed, not said: it is told of
    # as chat (inspect), not read as a speaker's label nor as a cue to mend
    chat: list[tuple[int, str]] = []
    opens_label = label_openings()  # each line matched for a label once in this reading
    for cue in parsed:
        left_out = _chat_left_out(cue.lines, [cue.line] * len(cue.lines), chat, opens_label)
        cue.lines = [line for i, line in enumerate(cue.lines) if i not in left_out]
    read: list[UntimedBlock] = []
    unlabelled: list[str] = []
    opening: list[str] = []
    # a speaker's name on a line of its own above a timed cue's words (Teams' old transcripts)
    # names the speaker of an untimed block's words below it too; a first line of talk
    # ("Yeah, honestly.") is no name line
    name_lines = {
        _norm(cue.lines[0])
        for cue in parsed
        if len(cue.lines) >= 2 and is_name_line(_LINE_MARKUP.sub("", cue.lines[0]))
    }
    if any(block.title for block in untimed):
        speakers = _speakers_of(parsed, cue_utterance, interviewer_labels)
        untimed = [
            b
            for b in untimed
            if not b.title or _opens_with_one_of(b.lines[0], speakers, interviewer_labels)
        ]
    for whole in reversed(untimed):  # from the last, so that each goes where its cues are
        left_out = _chat_left_out(whole.lines, whole.numbers, chat, opens_label)
        kept = [i for i in range(len(whole.lines)) if i not in left_out]
        if not kept:
            continue
        numbers = [whole.numbers[i] for i in kept]
        block = UntimedBlock(
            [whole.lines[i] for i in kept], numbers[0], numbers[-1], whole.after_cues, numbers
        )
        lines, numbers, begin = _untimed_talk(block)
        if not lines:
            continue
        read.insert(0, block)
        talk = next(
            (
                i
                for i, line in enumerate(lines)
                if _opens_speaker(line, opens_label)
                or (i + 1 < len(lines) and _norm(line) in name_lines)
            ),
            len(lines),
        )
        # words before a speaker's are more of the turn before them, as in a timed cue; with
        # no turn before them (the file's first words), no named speaker's
        if talk:
            where = _line_range(numbers[0], numbers[talk - 1])
            (opening if not block.after_cues else unlabelled).insert(0, where)
        parts = [part for part in (lines[:talk], lines[talk:]) if part]
        # a good start time with no end (``00:00:01.000 -->``) is kept for each part, as a
        # cue of one voice keeps its times
        parsed[block.after_cues : block.after_cues] = [Cue(begin, None, p) for p in parts]
    if rolling:  # each word once, not in each cue that shows it (:mod:`.rolling_captions`)
        parsed = new_words_only(parsed)
    # a bare chevron changes speaker only in a file whose labels open no cue without one
    bare = not any(c.lines and opens_label(_without_dialogue_dash(c.lines[0])) for c in parsed)
    cues = at_speakers_of_the_file(
        [c for cue in parsed for c in by_voice(cue, bare, opens_label)],
        cue_utterance,
        interviewer_labels,
    )
    tagged = [cue_utterance(c.lines, c.begin_time, c.end_time) for c in cues]
    utterances = caption_speakers(tagged, [c.new_speaker for c in cues], interviewer_labels)
    # a timing line below a speaker's label with the same time, not all the file's: read as a
    # subtitle file, the labels as words, so told of (labelled_timing_warning)
    all_lines = text.split("\n")
    timing_count, under = timing_lines_under_labels(text)
    labelled = (
        {
            LABELLED_TIMING_LINES: [str(i + 1) for i in under],
            LABELLED_TIMING_OF: timing_count,
            LABELLED_TIMING_FIRST: [all_lines[under[0] - 1].strip(), all_lines[under[0]].strip()],
        }
        if under
        else {}
    )
    if not any(u.words.strip() for u in utterances) and _pasted_webvtt(text):
        raise RoqaValueError(
            "no speech found",
            path=path,
            hint="WebVTT captions with no blank line between their blocks, as Word keeps them "
            "pasted: give the .vtt file the meeting tool saved",
        )
    transcript = utterances_transcript(
        utterances,
        path,
        {
            "format": fmt,
            "rendering": "canonical",
            "cues": len(utterances),
            **({"timed_lines": True} if timed is not None else {}),
            **(
                {UNTIMED: [b.lines[0].strip() for b in read]}
                | {UNTIMED_LINES: [b.line_range() for b in read]}
                if read
                else {}
            ),
            **({UNTIMED_UNLABELLED_LINES: unlabelled} if unlabelled else {}),
            **({UNTIMED_OPENING_LINES: opening} if opening else {}),
            **(
                {BACKWARDS_LINES: [str(n) for n, _ in backwards]}
                | {BACKWARDS_RANGES: [r for _, r in backwards]}
                if backwards
                else {}
            ),
            **({ZOOM_CHAT: [h for _, h in sorted(chat, key=lambda c: c[0])]} if chat else {}),
            **labelled,
        },
        interviewer_labels=interviewer_labels,
        participant=participant,
        header=True,
        voice_tags=names_by_voice_tags(tagged),
    )
    _header_blocks_not_untimed(transcript, read)
    _note_name_lines(transcript, cue_text, ids, opens_label)
    _note_ids_said_once(transcript, cue_text, ids, None if timed is None else timed[1])
    if not opening:  # words above the first cue opening the file are told of as untimed
        _note_unnamed_opening(transcript, utterances)
    return transcript


def names_by_voice_tags(utterances: Sequence[Utterance]) -> bool:
    """Whether cues read with their voice tags (``utterances``, before any caption mark names a
    speaker) name two or more speakers by voice tags (``<v Sam Roe>``) and show that they name
    each cue's speaker, as Teams writes a transcript: a voice tag names one cue's speaker (WebVTT
    carries none over to the next cue), and Teams leaves it off a cue whose speaker it cannot
    tell, however seldom a speaker's cues follow each other (session 79 readers3 M1). A file
    shows it when a speaker's tag is on two cues in a row (:func:`_each_cue_tagged`), as a file
    that tags only a turn's first cue (by hand, or converted) never does: there a cue with no
    tag goes on with the turn before it (session 79 hunt2 F1)."""
    if len({" ".join(u.speaker.split()).casefold() for u in utterances if u.speaker}) < 2:
        return False
    return _each_cue_tagged(utterances)


#: A file of voice tags names each cue's speaker when its untagged cues are at most 1 in this
#: many of its cues (Teams: 1 of 11, 1 of 26), and a tag is repeated on two cues in a row.
_FEW_UNTAGGED = 10


def _each_cue_tagged(utterances: Sequence[Utterance]) -> bool:
    """Whether cues with words (``utterances``) tag each cue: a speaker's tag repeated on the
    next cue (their turn going on) at least as often as a cue has no tag, or at least once with
    cues with no tag at most 1 in :data:`_FEW_UNTAGGED`. A file that tags a turn's first cue
    only repeats no tag on the next cue, however many cues its turns span."""
    said = [u for u in utterances if u.words.strip()]
    untagged = sum(1 for u in said if not u.speaker)
    keys = [" ".join(u.speaker.split()).casefold() if u.speaker else None for u in said]
    repeats = sum(1 for a, b in zip(keys, keys[1:]) if a is not None and a == b)
    return repeats >= untagged or (repeats > 0 and untagged * _FEW_UNTAGGED <= len(said))


def _note_name_lines(
    transcript: Transcript, text: str, ids: Sequence[int], opens_label: OpensLabel
) -> None:
    """Record the lines alone right above ``text``'s timing lines (below a blank line, none or
    a line ending a cue's words, :func:`.cue_ids.ends_cue_words`) that recur like speakers' names (:func:`.cue_ids.name_lines_above_timing`) when ``transcript`` was read with one
    speaker or none, and whether each of them was left out as a WebVTT cue id (line numbers
    ``ids``): told of (:func:`.cue_ids.name_lines_warning`), who speaks unchanged.
    ``opens_label`` is the reading's :func:`label_openings`."""
    if len({turn.speaker for turn in transcript.turns}) > 1:
        return
    lines = text.split("\n")
    above = [
        (n, lines[n - 1])
        for n in range(1, len(lines))
        if 0 < len(lines[n - 1].split()) <= MOST_NAME_WORDS
        and TIMING_LINE.match(lines[n])
        and not TIMING_LINE.match(lines[n - 1])
        and (n < 2 or not lines[n - 2].strip() or ends_cue_words(lines[n - 2]))
    ]
    names = name_lines_above_timing(
        [line for _, line in above], [_opens_speaker(line, opens_label) for _, line in above]
    )
    if not names:
        return
    left_out = set(ids)
    as_ids = all(
        n in left_out for n, line in above if " ".join(_LINE_MARKUP.sub("", line).split()) in names
    )
    transcript.metadata[NAME_LINES] = names[:NAMES_LISTED]
    transcript.metadata[NAME_LINES_COUNT] = len(names)
    if as_ids:
        transcript.metadata[NAME_LINES_AS_IDS] = True


def _note_ids_said_once(
    transcript: Transcript, text: str, ids: Sequence[int], numbers: Sequence[int] | None
) -> None:
    """Record the cue ids of words left out of ``text`` (line numbers ``ids``) that come once
    only in it (:func:`.cue_ids.ids_said_once`), with their line numbers in the file
    (``numbers``, one per line of ``text``, when it is not the file's): told of
    (:func:`.cue_ids.ids_said_once_warning`)."""
    lines = text.split("\n")
    once = ids_said_once([(n, lines[n - 1]) for n in ids if not _is_cue_id(lines[n - 1])])
    if once:
        transcript.metadata[IDS_SAID_ONCE] = [" ".join(line.split()) for _, line in once]
        transcript.metadata[IDS_SAID_ONCE_LINES] = [
            n if numbers is None else numbers[n - 1] for n, _ in once
        ]


def _note_unnamed_opening(transcript: Transcript, utterances: Sequence[Utterance]) -> None:
    """Record where the timed cues opening ``transcript`` begin (:data:`.unlabelled.UNNAMED_OPENING`)
    when they name no speaker in a file that names speakers further in, so were read as the
    unknown speaker: not when a cue names that speaker itself (``Unknown speaker: ...``)."""
    from .roles import UNKNOWN_SPEAKER, is_unknown_speaker
    from .unlabelled import UNNAMED_OPENING, time_place

    first = transcript.turns[0] if transcript.turns else None
    if first is None or first.speaker != UNKNOWN_SPEAKER:
        return
    unknown = UNKNOWN_SPEAKER.casefold()
    if any(
        is_unknown_speaker(u.speaker or "")
        or " ".join(u.words.split()).casefold().startswith(f"{unknown}:")
        for u in utterances
    ):
        return
    transcript.metadata[UNNAMED_OPENING] = [time_place(first.begin_time)]


def _header_blocks_not_untimed(transcript: Transcript, read: list[UntimedBlock]) -> None:
    """Leave out of the blocks told of as read without a time (:data:`UNTIMED`) those whose
    every line the transcript left out as its header (``Interviewer: Sam Roe``, ``Date: ...``
    above the first cue): their words are no one's talk, so there is no timing line to mend
    (code review, session 52: both notes were given)."""
    meta = transcript.metadata
    header = {str(line).strip() for line in meta.get(HEADER_CUES) or []}
    if not header or UNTIMED not in meta:
        return
    kept = [b for b in read if not all(line.strip() in header for line in b.lines if line.strip())]
    if len(kept) == len(read):
        return
    for key in (UNTIMED, UNTIMED_LINES):
        meta.pop(key, None)
    if kept:
        meta[UNTIMED] = [b.lines[0].strip() for b in kept]
        meta[UNTIMED_LINES] = [b.line_range() for b in kept]


def _pasted_webvtt(text: str) -> bool:
    """Whether ``text`` is WebVTT captions with no blank line anywhere, as Word keeps them
    pasted (no empty paragraph): its header block runs to the end, so no cue is read. Reading
    such a file cue by cue coded its NOTE blocks as talk (hunt40 s87, the reverts of 67ddb680
    and eae13726): it is refused, told what to give instead."""
    body = text.replace("\r\n", "\n").lstrip("\ufeff \t\n")
    return body.startswith("WEBVTT") and "\n\n" not in body.rstrip()
