"""Cue ids, and names alone right above subtitle timing lines.

In a file that opens with ``WEBVTT`` the line right above a cue's timing line, after a blank
line, is the cue's identifier, never its text (the WebVTT standard): ``1``, Teams'
``5f3a2c1e-9b7d-4e0f-a1b2-c3d4e5f60718/12-0``, but also ``Caption``, ``intro-1`` or
``Speaker 1``. Such an id is no one's words (:func:`is_webvtt_id`): read as talk it put
``Caption`` after each cue's words and warned of cue blocks with no timing line. A line there
that opens with a speaker's label, voice tag or chevron (``P03: Staffing is the biggest
barrier.``), or reads as a sentence, is words whose own timing line is missing, read as they
were (:mod:`.cues`).

A name alone above each timing line (``Jo Lee`` / ``0:30 --> 0:36`` / words) may say who
speaks, but a recurring cue id, track or reply sits there too (``Caption``, ``English`` /
``Welsh``, ``Sure``): a rule reading such lines as speakers was reverted (hunt31, session 85:
the real ``Jo Lee:`` labels became words, half the talk went to an "interviewer" named
``Welsh``). So who speaks is not changed: a file read with one speaker or none whose lines
above its timing lines recur like names (:func:`name_lines_above_timing`) is told of in one
line (:func:`name_lines_warning`), asking for the speakers to be labelled.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from ..errors import first_few, quoted_alike
from ..io import packaged_words
from ..schema import Transcript

#: Lines recurring above timing lines that name no speaker (cue ids, tracks, languages, sounds,
#: replies): ``data/cue_id_words.txt``.
CUE_ID_WORDS = "cue_id_words.txt"
#: Most words of a WebVTT cue id read as a name or holding a number (``Speaker 1``, ``Cue 12
#: Jo Lee``); a longer line, or one that reads as a sentence, is words.
MOST_ID_WORDS = 4
#: Most words of a line above a timing line looked at as a name (a longer one is talk).
MOST_NAME_WORDS = 6
#: How many times each of two or more distinct name-like lines recurs above timing lines before
#: a file read with one speaker or none is told of them.
NAME_LINE_RECURS = 2
#: Most names the warning lists.
NAMES_LISTED = 3

#: The transcript metadata keys of the name-like lines above timing lines (the first
#: :data:`NAMES_LISTED`), how many distinct ones there are, and whether they were read as
#: WebVTT cue ids (else as words of the talk).
NAME_LINES = "name_lines_above_timing"
NAME_LINES_COUNT = "name_lines_above_timing_count"
NAME_LINES_AS_IDS = "name_lines_above_timing_as_cue_ids"

#: The transcript metadata keys of the cue ids of words that come once only in the file
#: (:func:`ids_said_once`): the lines (all of them) and their line numbers in the file.
IDS_SAID_ONCE = "cue_ids_said_once"
IDS_SAID_ONCE_LINES = "cue_ids_said_once_lines"

_MARKUP = re.compile(r"</?[a-zA-Z][^<>]*>|\{\\[^{}]*\}")
_BRACKETS = re.compile(r"^[\[(♪\s]+|[\])♪.\s]+$")
_DIGIT = re.compile(r"\d")
#: A word ending so is an answer (``Twelve.``, ``Yes?``), not an id.
_SENTENCE_ENDS = (".", "?", "!", ",", ";", ":")
#: A line ending so ends a cue's words (:func:`ends_cue_words`).
_CUE_ENDS = (".", "?", "!")


def is_webvtt(text: str) -> bool:
    """Whether ``text`` opens with ``WEBVTT`` (after a byte order mark and blanks)."""
    return text.lstrip("\ufeff \t\r\n").startswith("WEBVTT")


def is_webvtt_id(line: str, opens_speaker: Callable[[str], bool]) -> bool:
    """Whether ``line``, alone between a blank line and a timing line of a WebVTT file, is the
    cue's id by its shape: no ``-->``, not opening with a speaker (``opens_speaker``: a label,
    voice tag or chevron; asked last, of a short line only), not ending like a sentence, and one
    token (``Caption``, ``intro-1``, a GUID) or at most :data:`MOST_ID_WORDS` words that read as
    a name or hold a number (``Speaker 1``); a sentence there, whatever its length (``We opened
    the ward in 2019.``, ``12 years.``, ``Twelve.``), is words whose timing line is missing. A
    line of words so shaped is an id only where ids recur in the file (:func:`ids_of_words`)."""
    from .utterances import is_name_line

    words = line.split()
    if not words or len(words) > MOST_ID_WORDS or "-->" in line:
        return False
    if words[-1].endswith(_SENTENCE_ENDS):
        return False
    if len(words) > 1 and not (_DIGIT.search(line) or is_name_line(" ".join(words))):
        return False
    return not opens_speaker(line)


def ids_of_words(candidates: Sequence[tuple[int, str]], timing_lines: int) -> list[int]:
    """The line numbers of ``candidates`` (each a line shaped like a WebVTT cue id of words,
    :func:`is_webvtt_id`, alone between a blank line and a timing line, with its number in the
    file) that are cue ids: all of them when they sit above most of the file's
    ``timing_lines`` (a tool naming each cue: ``Caption``, ``Speaker 1``), else none. A line so
    shaped above a few timing lines only is words of a cue that lost its timing line and the
    blank line after it (``Leeds Mind``, ``Twelve``, ``- Yes``; hunt34, session 86), read as
    they were with a warning of cue blocks with no timing line."""
    return [n for n, _ in candidates] if 2 * len(candidates) > timing_lines else []


def ids_said_once(ids: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """The cue ids of words of ``ids`` (each with its line number) that come once only in the
    file: one may be words of a cue that lost its timing line, so they are named in a warning
    (:func:`ids_said_once_warning`)."""
    counts = Counter(_key(line) for _, line in ids)
    return [(n, line) for n, line in ids if counts[_key(line)] == 1]


def _key(line: str) -> str:
    """A line as looked up in :data:`CUE_ID_WORDS`: lower case, brackets and a closing full
    stop left out (``[Music]``, ``Sure.``)."""
    return " ".join(_BRACKETS.sub("", line).split()).casefold()


def ends_cue_words(line: str) -> bool:
    """Whether ``line``, in a file with no blank lines, ends a cue's words: it ends a sentence
    (``We opened it in 2019.``) or is a reply or sound of :data:`CUE_ID_WORDS` (``Sure``,
    ``[Music]``), so a short line below it and right above a timing line may name the next
    cue's speaker. Below a line not so ended it is the end of the cue's words (``Our partner
    is`` / ``Leeds Mind``; hunt34, session 86: such lines were told of as names)."""
    return line.rstrip().endswith(_CUE_ENDS) or _key(line) in packaged_words(CUE_ID_WORDS)


def name_lines_above_timing(above: Sequence[str], is_label: Sequence[bool]) -> list[str]:
    """The distinct lines of ``above`` (each the line right above a timing line, markup left
    out; ``is_label`` whether each opens with a speaker's label) that read as a speaker's name
    and recur :data:`NAME_LINE_RECURS` times or more, in the order they first come, when two or
    more do; else none. A number or an id holding one, a label, and a word of
    :data:`CUE_ID_WORDS` are never such a line."""
    from .utterances import is_name_line

    names = [
        " ".join(_MARKUP.sub("", line).split())
        for line, label in zip(above, is_label, strict=True)
        if not label
    ]
    candidates = [
        n
        for n in names
        if n
        and not (len(n.split()) == 1 and _DIGIT.search(n))
        and _key(n) not in packaged_words(CUE_ID_WORDS)
    ]
    counts = Counter(candidates)
    recurring = [
        n for n in counts if counts[n] >= NAME_LINE_RECURS and is_name_line(n) and ":" not in n
    ]
    return recurring if len(recurring) >= 2 else []


def name_lines_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file when it was read with one speaker or none though
    lines alone right above its timing lines recur like speakers' names
    (:func:`name_lines_above_timing`), saying how they were read (as cue ids, or as words) and
    how to label the speakers; else None. Who speaks is not changed."""
    names = transcript.metadata.get(NAME_LINES)
    if not names:
        return None
    where = transcript.source or transcript.id
    n = int(transcript.metadata.get(NAME_LINES_COUNT) or len(names))
    listed = first_few(quoted_alike([str(name) for name in names]), NAMES_LISTED)
    if n > len(names):
        listed += " ..."
    read = (
        "cue ids, not speakers"
        if transcript.metadata.get(NAME_LINES_AS_IDS)
        else "words of the talk, not speakers"
    )
    first = str(names[0])
    return (
        f"{where}: {n} different lines recur alone right above its subtitle timing lines like "
        f"speakers' names ({listed}), but it was read with no speakers told apart, those lines "
        f"as {read}: if they name who speaks, put each name before its cue's words with a "
        f"colon ({quoted_alike([f'{first}: ...'])[0]}), as a labelled transcript has it"
    )


def ids_said_once_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file when cue ids of words that come once only in it
    (:func:`ids_said_once`) were left out, with the first :data:`NAMES_LISTED` and their line
    numbers, saying how to have one read as words; else None."""
    ids = transcript.metadata.get(IDS_SAID_ONCE)
    if not ids:
        return None
    where = transcript.source or transcript.id
    numbers = [str(n) for n in transcript.metadata.get(IDS_SAID_ONCE_LINES) or []]
    n = len(ids)
    listed = first_few(quoted_alike([str(line) for line in ids]), NAMES_LISTED)
    lines = f" (line{'s' if len(numbers) != 1 else ''} {first_few(numbers, NAMES_LISTED)})"
    each, were, ids_, one = (
        (" each", "were", "cue ids", "one is") if n != 1 else ("", "was", "a cue id", "it is")
    )
    return (
        f"{where}: {n} line{'s' if n != 1 else ''} alone right above its subtitle timing lines, "
        f"said once{each}, {were} left out as {ids_}, not words: {listed}"
        f"{lines if numbers else ''}; if {one} someone's words, give it a timing line of its own"
    )
