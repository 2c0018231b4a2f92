"""Plain-text (.txt) and Markdown (.md) transcripts.

A turn starts at a line that opens with a speaker label (``P04: words``, ``Interviewer:``,
``**Q:**``; see :mod:`roqa_nlp.transcripts.speaker_labels`), optionally after a timestamp such as
``[00:01:02]``, which becomes the turn's ``begin_time`` (a line holding only a timestamp gives its
time to the next turn, or to the turn whose label is just above it: ``Jane Smith`` / ``0:03`` /
words; with no words below it before the next label, it is that turn's words: ``P04:`` /
``17:45``, unless two turns or more put their time between label and words, when it is a
turn with no words). Lines without a label, including whole paragraphs after a blank line,
continue the previous turn, except after a question marker's question (``Question 5: How do
you ...?``, ``Q5:``; the line ending a sentence, ``?`` or a full stop, or its paragraph): a
researcher's transcript that numbers its questions labels no answers, so the words after the
question are the answer, of the case (``P05`` from ``p05.txt``), where the file labels no
answers (a file that does, ``Q.``/``A.``, gives them to the interviewer until the next label:
:func:`.roles.answerer`); and except,
in a file that labels each paragraph (a copied Zoom transcript), a paragraph after one that is
only another speaker's backchannel (``Sam Roe: Mm-hmm.``), which goes on with the turn of the
speaker before it, as in a subtitle file (:mod:`.unlabelled`). Lines
before the first label (a title, the date) are not speech.
A file with no speaker labels at all is read as one participant turn per paragraph. A subtitle
file saved as text (``WEBVTT`` first, or timing lines ``00:00:01.000 --> 00:00:04.000``) is read
as a .vtt file is (:mod:`.vtt`), unless each timing line is the time range of the timed label
right above it (:func:`.cues.timing_lines_under_labels`): such a range line, ``Jo Lee  1:07`` /
``1:07 --> 1:13``, is then kept as the first line of the turn's words, as a dash range is (it
cannot be told from a range the speaker says, ``9:00 - 17:00``, by its shape: hunt28, session 85).
A .txt whose first non-blank line is a header naming the speaker and text columns between tabs
(a table saved as Excel's "Unicode Text") is read as a .csv table is (:mod:`.csv`).

The transcript's ``text`` is the file's own text (decoded, line endings normalised to ``\\n``),
so offsets are the researcher's own; each turn points at its words only, from the first
character after the label to the last non-blank character of its last line. One speaker's
consecutive labelled lines therefore stay turns of their own (a turn spanning the label between
them would carry it into its segments), unlike the formats rendered canonically, which join them
(:func:`~roqa_nlp.transcripts.render.merged_turns`): a line-per-utterance export from
speech-to-text is best read from its ``.json``. But where a transcription tool labels each
block with a time (Zoom's saved transcript, Otter, Rev), one speaker's blocks in a row, or
parted only by the other's backchannel block, are one turn, the labels and backchannel between
them blanked as a chat message is (:func:`_export_turns`). In Markdown files
heading lines (``# ...``) and rules (``---``) are never speech, nor, in any file, a section
heading (``Section 1: Background``, :mod:`.headings`): the headings left out are kept in
``metadata["headings"]``.

Times of day (Zoom's saved transcript, ``[Jane Smith] 10:15:32``) are kept as times from the
first line's (:func:`from_first_clock_time`): the recording's own start is not in the file.

Zoom chat messages pasted among the turns (``10:22:05 From P04b : words``, or ``From P04b to
Everyone:`` and the message on the lines directly below; :mod:`.chat`) were typed, not said:
they are no one's turn (not coded, quoted or counted, their clock times not mixed with the
recording's), and ``metadata["zoom_chat"]`` names each (``10:22:05 From P04b``). One between
two turns stays in the text. One pasted inside a turn, its speaker's words going on below it
with no label, does not cut the turn: the turn is read whole across it, as a Word transcript's
is, and the message is blanked in the text (each of its characters a space, its line breaks
kept), so that no segment quotes it and every offset still matches the file (a segment cannot
span the message's characters without holding them; before, the turn's words after the message
were a turn of their own, coded apart, where the same answer in ``.docx`` was one segment). A
saved chat named on its own (:func:`.chat.is_saved_chat`) is read as its messages, each its
sender's.

A transcript whose lines are numbered (``12  P04: words``; ``13  and then``), as transcripts
are printed for analysis, is read without the numbers, and its text is the file's text without
them (``metadata["line_numbers"]``).

A file with the time marks f4transkript and MAXQDA write at the end of each paragraph
(``P04: words #00:01:02-3#``), or a service's timestamps inside or at the end of a turn (``...
written [00:00:28] into it``, ``... the community side. (00:00:17)``;
:func:`.timecodes.has_time_marks`), is the exception: the marks are no one's words,
so its text is the canonical rendering of :mod:`roqa_nlp.transcripts.render` without them, a turn
ending with a mark ends at its time, and the next turn begins there (``metadata["time_marks"]``);
a mark inside a turn times the words on either side of it (:func:`.render.without_time_marks`).
A timestamp before a speaker's label (``[00:00:02] P04: words``) is read with the label, and
keeps the file's own text; so does a note with its time (Rev's ``[inaudible 00:00:41]``): the
note stays in the text, as every transcriber's note does, and the model reads neither it nor its
time (:func:`.annotations.is_annotation`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..schema import Transcript, Turn
from .chat import chat_left_out, chat_note
from .cues import cue_transcript, looks_like_cues
from .headings import headings_metadata, is_section_heading, is_title_line
from .list_markers import (
    ends_question,
    ends_question_list,
    goes_on_asking,
    opens_with_list_marker,
)
from .render import (
    SpokenTurn,
    finish_transcript,
    render_transcript,
    without_time_marks,
)
from .roles import (
    HEADER_OVERRULED,
    answerer,
    held_by_marker,
    is_question_marker,
    role_of,
    unlabelled_speaker,
)
from .speaker_labels import (
    LABEL_LINE,
    LabelMatch,
    end_text_metadata,
    line_labels,
    match_timestamp,
    service_text_metadata,
    transcript_header,
    with_header_fields,
)
from .timecodes import first_time_marks, has_time_marks, is_second_stamp, is_service_time_line
from .unlabelled import (
    UnlabelledTalk,
    above_first_label_metadata,
    field_lines_metadata,
    names_each_piece,
    no_turn_metadata,
    speaker_of_unlabelled,
)
from .unlabelled_answers import unlabelled_answers_metadata
from .utterances import speech_file_text

#: The characters other than ``\n`` that end a line of a plain-text transcript: a page break
#: (``\f``: Word's "Save as Plain Text" writes one at the start of the paragraph after each page
#: break, ``pdftotext`` one at the start of each page), a vertical tab (``\v``: Word's manual line
#: break, Shift+Enter, in some copies), the information separators U+001C to U+001E, the
#: next-line character U+0085 and the Unicode line and paragraph separators U+2028 and U+2029.
#: ``str.splitlines`` breaks lines at each; the reader's text holds ``\n`` in place of each.
LINE_BREAKS = "\f\v\x1c\x1d\x1e\x85\u2028\u2029"
_AS_NEWLINE = str.maketrans(dict.fromkeys(LINE_BREAKS, "\n"))
_OPENING_BREAKS = re.compile(f"^[{LINE_BREAKS}]+", re.MULTILINE)


def with_newlines(text: str) -> str:
    """``text`` with each of :data:`LINE_BREAKS` written as ``\\n``, or as a space where it
    opens a line (``\\n\\fP01: words``, the line already broken): one character for one, so
    every other character keeps its offset, and a line of the file is still one line, its
    number the same, where a break only opens it. A label after a page break (``\\fP01:
    words``) opens its line, as it does on the page, and no turn's words hold a page break
    (before, the label was read as the words of the turn above it: the participant's answer
    after a page break went into the interviewer's question, uncoded). A page break parts no
    pages: the page numbers and running headers of a ``pdftotext`` file stay in the turns as
    talk (known, LOW), as without page breaks; the :mod:`.page_furniture` rules of a PDF's
    pages left out a speaker's label alone on its line, number answers and short lines said at
    page edges in such files (session 84, hunt21)."""
    if not any(c in text for c in LINE_BREAKS):
        return text
    opened = _OPENING_BREAKS.sub(lambda m: " " * len(m[0]), text)
    return opened.translate(_AS_NEWLINE)


_MARKDOWN_NOT_SPEECH = re.compile(r"^ {0,3}(?:#{1,6}(?:\s|$)|(?:[-*_][ \t]*){3,}$)")
_MARKDOWN_HEADING_MARK = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")


def _markdown_heading(line: str) -> str | None:
    """A Markdown heading or rule line's words as a speaker's label is read from them (the
    ``#`` marks blanked, so offsets hold; a rule has none), or None when ``line`` is neither."""
    if not _MARKDOWN_NOT_SPEECH.match(line):
        return None
    mark = _MARKDOWN_HEADING_MARK.match(line)
    return " " * mark.end() + line[mark.end() :] if mark else ""


@dataclass
class _Line:
    start: int  # offset of the line in the text
    text: str

    @property
    def content_start(self) -> int:
        return self.start + len(self.text) - len(self.text.lstrip())

    @property
    def content_end(self) -> int:
        return self.start + len(self.text.rstrip())


@dataclass
class _OpenTurn:
    speaker: str
    begin_time: float | None
    start: int | None = None
    end: int | None = None
    #: the lines holding only a time right below the label alone, taken as the turn's time,
    #: and the turn's time before them: with no words after them, they are its words
    time_lines: list[_Line] = field(default_factory=list)
    label_time: float | None = None
    #: the words before the label ended in a question ("What time does it start?"): a clock
    #: time alone below it can be the answer
    after_question: bool = False
    #: the label's own line gave its time (Otter's "Jo Lee  0:35"): a time alone below it is
    #: the first line of the words ("7:30" / "that is when it starts."), not a second time,
    #: unless it is that stamp written again (:func:`.timecodes.is_second_stamp`: "0:41")
    timed_label: bool = False


def read_text_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read a .txt or .md transcript (see the module docstring)."""
    text = speech_file_text(path, windows_1252=True)
    markdown = Path(path).suffix.lower() == ".md"
    from .csv import is_tab_table, text_table_transcript

    if not markdown and is_tab_table(text):  # a table saved as Excel's "Unicode Text"
        return text_table_transcript(
            text, path, "tsv", interviewer_labels=interviewer_labels, participant=participant
        )
    text = with_newlines(text)  # after the table's check: a cell is read as the table holds it
    if looks_like_cues(text):  # a subtitle file saved as text
        from .vtt import cue_utterance

        return cue_transcript(
            text,
            path,
            "md" if markdown else "txt",
            cue_utterance,
            interviewer_labels=interviewer_labels,
            participant=participant,
        )
    return parse_text(
        text,
        path,
        interviewer_labels=interviewer_labels,
        participant=participant,
        markdown=markdown,
    )


def parse_text(
    text: str,
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
    markdown: bool = False,
) -> Transcript:
    """The transcript of ``text`` (already decoded), read from ``path``; each of
    :data:`LINE_BREAKS` in it ends a line (:func:`with_newlines`)."""
    text = with_newlines(text)
    numbered = without_line_numbers(text)
    if numbered is not None:  # a transcript with numbered lines: read without the numbers
        t = parse_text(
            numbered,
            path,
            interviewer_labels=interviewer_labels,
            participant=participant,
            markdown=markdown,
        )
        t.metadata["line_numbers"] = True
        if t.metadata.get("rendering") == "original":
            t.metadata["rendering"] = "extracted"
        return t
    raw = text.split("\n")
    lines: list[_Line] = []
    headings: list[str | None] = []  # a Markdown heading's words (a speaker's name, or not speech)
    # a transcript's own title ("Interview 3: registered manager"): read among the labels as it
    # was, so the lines below it read as before (a list's markers below a title are items), and
    # then left out as a heading
    read_as_line: list[bool] = []
    pos = 0
    for line_text in raw:
        lines.append(_Line(pos, line_text))
        heading = _markdown_heading(line_text) if markdown else None
        title = heading is None and is_title_line(line_text)
        if heading is None and is_section_heading(line_text):
            heading = ""  # "Section 1: Background": no speaker's name, no one's words
        headings.append(heading)
        read_as_line.append(heading is None or title)
        pos += len(line_text) + 1
    label_texts = _without_turn_numbers(
        [
            _without_emphasis(line.text if as_line or h is None else h)
            for line, h, as_line in zip(lines, headings, read_as_line, strict=True)
        ]
    )
    set_apart = [
        not as_line or _all_emphasised(line.text)
        for line, as_line in zip(lines, read_as_line, strict=True)
    ]
    labels = line_labels(label_texts, interviewer_labels, set_apart=set_apart)
    labels = [  # a heading is a speaker's name alone, or no one's words
        None if h is not None and (m is None or not m.stands_alone) else m
        for m, h in zip(labels, headings, strict=True)
    ]
    messages = chat_left_out(label_texts, [m is not None for m in labels])
    chat = {i for m in messages for i in m.lines}
    for i in chat:  # typed in the call, no one's speech; it parts the turn it is pasted into
        lines[i], labels[i], label_texts[i] = _Line(lines[i].start, ""), None, ""
    fields = with_header_fields(label_texts, labels)
    said = [
        line.text if m is None else line.text[m.words_start :] for line, m in zip(lines, fields)
    ]
    found = transcript_header([None if m is None else m.label for m in fields], said)
    participant = participant or found.participant
    # who speaks in the talk: the header's lines ("Participant: P04") are no one's turn
    speakers = [m.label for i, m in enumerate(labels) if m and i not in found.lines]
    overruled = found.overruled(speakers, interviewer_labels)
    interviewer_labels = found.interviewer_labels(speakers, interviewer_labels)
    # a service's closing lines are no one's words, and, as a chat message, no break in the turn
    header = found.lines - found.service_text
    for i in found.service_text:
        lines[i], labels[i] = _Line(lines[i].start, ""), None
    skipped = chat | found.service_text
    for i in header:  # left out; it ends the turn before it (Interviewer: Sam Roe / Date: ...)
        lines[i], labels[i] = _Line(lines[i].start, ""), None
    titles = []  # the headings left out, not a Markdown rule, their lines, read by shape?
    for i, h in enumerate(headings):  # a heading that names no speaker separates as a blank line
        if h is not None and labels[i] is None:
            if h.strip() or is_section_heading(raw[i]):  # no Markdown mark: read by its shape
                titles.append((raw[i], f"line {i + 1}", not h.strip()))
            lines[i] = _Line(lines[i].start, "")
    labelled = any(labels)
    if labelled:
        answering = answerer(
            (m.label for m in labels if m is not None),
            interviewer_labels,
            participant or unlabelled_speaker(path),
        )
        # the question markers whose unlabelled lines are the interviewer's: an answer label next
        talk = [(i, m.label) for i, m in enumerate(labels) if m is not None and i not in chat]
        held = {
            talk[k][0] for k in held_by_marker([label for _, label in talk], interviewer_labels)
        }
        unlabelled = UnlabelledTalk()
        paragraphs = _paragraphs(lines, labels)
        each = names_each_piece((speaker, words) for _, speaker, words in paragraphs)
        no_turn: list[int] = []
        above: list[int] = []
        turns, spanned = _labelled_turns(
            lines,
            labels,
            interviewer_labels,
            header,
            skipped,
            answering,
            unlabelled if each else None,
            {i: words for i, speaker, words in paragraphs if speaker is None},
            no_turn,
            above,
            held,
        )
        found_unlabelled = {
            **unlabelled.metadata(),
            **no_turn_metadata([(f"line {i + 1}", lines[i].text.strip()) for i in no_turn]),
            **above_first_label_metadata([(f"line {i + 1}", lines[i].text) for i in above]),
        }
        text = blanked(text, [(lines[i].start, len(raw[i])) for i in sorted(spanned)])
        # the lines below a question marker a file that labels its answers gives the
        # interviewer, where they ask nothing: an answer typed without its label, not coded
        asked_nothing = (
            _unlabelled_answers(
                lines,
                labels,
                interviewer_labels,
                (header, skipped),
                {i: words for i, speaker, words in paragraphs if speaker is None},
                each,
                turns,
            )
            if held
            else {}
        )
    else:
        found_unlabelled = {}
        asked_nothing = {}
        turns = _paragraph_turns(lines, participant or unlabelled_speaker(path), interviewer_labels)
    turns, clock_start = from_first_clock_time(turns)
    # f4transkript's or MAXQDA's #00:01:02-3#, a service's [00:00:28] in a turn: rendered without
    # them (a timestamp before a label is read with the label, and keeps the file's text); the
    # rendering joins one speaker's blocks itself, each with its time
    time_marked = any(has_time_marks(text[t.start : t.end], note_times=False) for t in turns)
    joined: dict[str, object] = {}
    if labelled and not time_marked:
        turns, gaps, joined = _export_turns(text, turns, lines, labels, interviewer_labels)
        text = blanked(text, gaps)
    metadata = {
        "format": "md" if markdown else "txt",
        "rendering": "original",
        **({"header_people": found.people} if found.people else {}),
        **({HEADER_OVERRULED: overruled} if overruled else {}),
        **({"clock_start": clock_start} if clock_start is not None else {}),
        **chat_note(messages),
        **found_unlabelled,
        **asked_nothing,
        **field_lines_metadata([(f"line {i + 1}", raw[i].strip()) for i in sorted(found.between)]),
        **service_text_metadata([raw[i] for i in sorted(found.service_text)]),
        **end_text_metadata([raw[i] for i in sorted(found.ended)]),
        **headings_metadata(
            (words for words, _, _ in titles),
            (where for _, where, _ in titles),
            (shaped for _, _, shaped in titles),
        ),
        **joined,
    }
    if time_marked:
        spoken = [SpokenTurn(t.speaker, text[t.start : t.end], t.begin_time) for t in turns]
        return render_transcript(
            without_time_marks(spoken),
            path,
            interviewer_labels=interviewer_labels,
            participant=participant,
            metadata={
                **metadata,
                "rendering": "canonical",
                "time_marks": first_time_marks(
                    (text[t.start : t.end] for t in turns), note_times=False
                )
                or True,
            },
            speaker_labels=labelled,
        )
    return finish_transcript(
        path,
        text,
        turns,
        interviewer_labels=interviewer_labels,
        participant=participant,
        metadata=metadata,
        speaker_labels=labelled,
    )


#: The speaker a second reading of a file that labels its answers gives the lines below a
#: question marker that one labelling none reads as the answer (:func:`_unlabelled_answers`):
#: no label is named so.
_READ_AS_ANSWER = "\x00answer"


def _unlabelled_answers(
    lines: list[_Line],
    labels: list[LabelMatch | None],
    interviewer_labels: Sequence[str] | None,
    ended: tuple[set[int], set[int]],
    paragraph_words: Mapping[int, str],
    each: bool,
    turns: Sequence[Turn],
) -> dict[str, list[str]]:
    """The metadata of the lines of ``turns`` (a file that labels its answers, read:
    :func:`_labelled_turns`) below a question marker, read as the interviewer's, that a file
    labelling no answers would read as the answer, where they ask nothing
    (:mod:`.unlabelled_answers`): the file read again with those lines given an answerer, so
    that the rules of a question's own lines are the reader's (``ended``: the header's lines
    and those no one's, as for :func:`_labelled_turns`)."""
    if not any(m is not None and is_question_marker(m.label) for m in labels):
        return {}
    header, skipped = ended
    again, _ = _labelled_turns(
        lines,
        labels,
        interviewer_labels,
        header,
        skipped,
        _READ_AS_ANSWER,
        UnlabelledTalk() if each else None,
        paragraph_words,
        [],
    )
    starts = [line.start for line in lines]

    def lines_of(spoken: list[Turn]) -> set[int]:
        out: set[int] = set()
        for t in spoken:
            first = max(bisect_right(starts, t.start) - 1, 0)
            out.update(range(first, bisect_left(starts, t.end)))
        return out

    asked = lines_of([t for t in turns if is_question_marker(t.speaker)])
    answered = lines_of([t for t in again if t.speaker == _READ_AS_ANSWER])
    return unlabelled_answers_metadata(
        [(f"line {i + 1}", lines[i].text) for i in sorted(asked & answered)]
    )


#: Markdown emphasis around the words opening a line (``**Sam Roe** [00:03]``).
_OPENING_EMPHASIS = re.compile(r"^([ \t]*)(\*\*|__)(?=\S)([^*_\n]{1,60}?)(\2)")


def _all_emphasised(line: str) -> bool:
    """Whether ``line`` holds only words in Markdown bold (``**Sam Roe**``)."""
    m = _OPENING_EMPHASIS.match(line)
    return m is not None and not line[m.end() :].strip()


def _without_emphasis(line: str) -> str:
    """``line`` with the Markdown emphasis marks around its opening words blanked, so that a
    speaker's label in bold is read as one whatever follows it (``**Sam Roe** (00:03): words``,
    ``**Sam Roe** [00:00:03]`` above the words); blanks of the same length keep the offsets."""
    m = _OPENING_EMPHASIS.match(line)
    if m is None:
        return line
    return f"{m[1]}{' ' * len(m[2])}{m[3]}{' ' * len(m[4])}{line[m.end() :]}"


#: A number before a turn's label (``12 Interviewer: ...``, ``13. P04: ...``).
_TURN_NUMBER = re.compile(r"^([ \t]*)(\d{1,5}[.)]?)([ \t]+)(?=\S)")


def _without_turn_numbers(texts: list[str]) -> list[str]:
    """``texts`` (the lines as labels are read) with the numbers before turns' labels blanked
    (``12 Interviewer: ...``, ``13. P04: ...``, the continuation lines not numbered), when two or
    more lines have one and the numbers rise; blanks of the same length keep the offsets."""
    found = []
    for i, text in enumerate(texts):
        m = _TURN_NUMBER.match(text)
        if m is not None and LABEL_LINE.match(text[m.end() :]) is not None:
            found.append((i, m))
    numbers = [int(m[2].rstrip(".)")) for _, m in found]
    if len(found) < 2 or any(b <= a for a, b in zip(numbers, numbers[1:])):
        return texts
    out = list(texts)
    for i, m in found:
        out[i] = f"{m[1]}{' ' * len(m[2])}{m[3]}{texts[i][m.end() :]}"
    return out


#: A line number opening a line (``12  Interviewer: ...``, ``13\tand then ...``), or a numbered
#: empty line.
_LINE_NUMBER = re.compile(r"[ \t]*(\d{1,6})(?:[ \t]+|$)")
#: Share of the lines with words that must open with a number for the file to be numbered.
LINE_NUMBERED_SHARE = 0.8


def without_line_numbers(text: str) -> str | None:
    """``text`` without the numbers that open its lines, when it is a transcript with numbered
    lines (as transcripts are printed for analysis): at least three lines with words, at least
    :data:`LINE_NUMBERED_SHARE` of them opening with a number, the numbers rising from line to
    line (or starting again at 1, as Word numbers each page); else None."""
    lines = text.split("\n")
    with_words = [line for line in lines if line.strip()]
    if len(with_words) < 3:
        return None
    found = [_LINE_NUMBER.match(line) for line in lines]
    numbers = [int(m.group(1)) for m in found if m is not None]
    if len(numbers) < LINE_NUMBERED_SHARE * len(with_words):
        return None
    if any(b <= a and b != 1 for a, b in zip(numbers, numbers[1:])):
        return None  # not rising, except where a new page starts again at 1
    return "\n".join(
        line if m is None else line[m.end() :] for line, m in zip(lines, found, strict=True)
    )


#: A time of day said as an answer (``17:45``, ``8:00``): hours and minutes, no seconds, no
#: brackets; a recording's timestamps (``00:45:10``, ``[00:02:10]``) are never words.
_CLOCK_ANSWER = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d")


def _close(
    turn: _OpenTurn | None, out: list[Turn], interviewer_labels: Sequence[str] | None
) -> None:
    if (
        turn is not None
        and turn.start is None
        and turn.after_question
        and turn.time_lines
        and all(_CLOCK_ANSWER.fullmatch(line.text.strip()) for line in turn.time_lines)
    ):
        # "What time ...?" / "P04:" / "17:45" / the next label: the time is the answer, not
        # the turn's time; a recording's "00:45:10" or "[00:02:10]" is none
        turn.start, turn.end = turn.time_lines[0].content_start, turn.time_lines[-1].content_end
        turn.begin_time = turn.label_time
    if turn is None or turn.start is None or turn.end is None:
        return
    out.append(
        Turn(
            speaker=turn.speaker,
            role=role_of(turn.speaker, interviewer_labels),
            start=turn.start,
            end=turn.end,
            begin_time=turn.begin_time,
        )
    )


#: A first time at least this late (seconds) is a clock time of day, not a time into the
#: recording: Zoom's saved transcript and chat (``[Jane Smith] 10:15:32``, ``10:15:32 From Jane
#: Smith : words``). An interview's first words come in its first minutes, and the second part
#: of a long recording, transcribed apart, starts an hour or two in: four hours is neither (no
#: one is interviewed before 4 a.m.).
CLOCK_TIME_FROM = 4 * 3600.0


def from_first_clock_time(turns: list[Turn]) -> tuple[list[Turn], float | None]:
    """``turns`` timed from the first turn's time, and that time, when their times are clock
    times of day (the first at least :data:`CLOCK_TIME_FROM`, none earlier than the one before);
    else ``turns`` as they are and None. The recording's own start is not in such a file: the
    first line's clock time is the nearest known to it, so the times count from there (0 for
    the first turn, its clock time kept as ``metadata["clock_start"]``, in seconds after
    midnight) rather than as hours into the recording."""
    times = [t.begin_time for t in turns if t.begin_time is not None]
    if not times or times[0] < CLOCK_TIME_FROM or any(b < a for a, b in zip(times, times[1:])):
        return turns, None
    start = times[0]
    return [
        t if t.begin_time is None else replace(t, begin_time=round(t.begin_time - start, 3))
        for t in turns
    ], start


def _paragraphs(
    lines: list[_Line], labels: list[LabelMatch | None]
) -> list[tuple[int, str | None, str]]:
    """Each piece's first line, the speaker it names (None for none) and its words, its lines'
    one space between them: a piece opens at a labelled line, or at a line after a blank line,
    and goes on to the next."""
    pieces: list[tuple[int, str | None, str]] = []
    blank = True
    for i, (line, m) in enumerate(zip(lines, labels, strict=True)):
        if m is not None:
            pieces.append((i, m.label, line.text[m.words_start :].strip()))
        elif not line.text.strip():
            blank = True
            continue
        elif blank or not pieces:
            pieces.append((i, None, line.text.strip()))
        else:
            first, speaker, words = pieces[-1]
            pieces[-1] = (first, speaker, f"{words} {line.text.strip()}".lstrip())
        blank = False
    return pieces


def _timed_below_label(lines: list[_Line], labels: list[LabelMatch | None]) -> int:
    """How many labels alone on their line have a time alone on the next line with words
    (``P04:`` / ``12:10`` / ``The team, mostly.``; blank lines between are skipped)."""
    filled = [(line, label) for line, label in zip(lines, labels, strict=True) if line.text.strip()]
    count = 0
    for (line, label), (time_line, time_label), (words, words_label) in zip(
        filled, filled[1:], filled[2:]
    ):
        if label is None or line.text[label.words_start :].strip():
            continue
        if time_label is not None or words_label is not None:
            continue
        stamp = match_timestamp(time_line.text)
        if stamp is None or time_line.text[stamp[1] :].strip():
            continue
        after = match_timestamp(words.text)
        if after is None or words.text[after[1] :].strip():
            count += 1
    return count


def _labelled_turns(
    lines: list[_Line],
    labels: list[LabelMatch | None],
    interviewer_labels: Sequence[str] | None,
    header: set[int],
    chat: set[int],
    answering: str,
    unlabelled: UnlabelledTalk | None = None,
    paragraph_words: Mapping[int, str] | None = None,
    no_turn: list[int] | None = None,
    above: list[int] | None = None,
    held: Set[int] = frozenset(),
) -> tuple[list[Turn], set[int]]:
    """The turns of labelled ``lines``; lines without a label continue the turn before them,
    except after a question marker's question (its line ending a sentence, or its paragraph;
    :func:`.list_markers.ends_question`):
    ``Question 5: How do you ...?`` marks the interviewer's question, and the unlabelled words
    after it are ``answering``'s answer (except below a question marker on a line of ``held``,
    :func:`.roles.held_by_marker`: an answer label is next, and its turn goes on to it as any
    speaker's does), except the interviewer's list of questions going on
    below the marker's words (:func:`.list_markers.goes_on_asking`: ``Q. Two things.`` / ``i. how
    did training go?`` / ``ii. was there enough money?``), a blank line before it or not, as in
    Word; the list ends at the first line that is no item (:func:`.list_markers.ends_question_list`:
    ``ii. and the money.`` / ``It went well.``, the answer). A ``chat`` line (a chat message's) is
    no one's: a turn goes on across it, as a Word transcript's does, and the chat lines so
    spanned are returned with the turns (their text to blank, :func:`blanked`). With
    ``unlabelled`` (the file labels each paragraph: :func:`.unlabelled.names_each_piece`), an
    unlabelled paragraph after one that is only another speaker's backchannel goes on with the
    turn of the speaker before it (:func:`.unlabelled.speaker_of_unlabelled`), and
    ``unlabelled`` gets where it is (``line 9``);
    ``paragraph_words`` holds the words of each unlabelled paragraph by its first line
    (:func:`_paragraphs`). ``no_turn`` gets the lines with words after the first label that
    are in no turn (after a header line or a transcriber's marker ended the turn before them),
    ``above`` those above the first label that no header, heading or service line took (a
    title's, or talk typed before the first label: :func:`.unlabelled.above_first_label_warning`).
    """
    out: list[Turn] = []
    paragraph = False  # a blank line came after the last line with words
    starts = [line.start for line in lines]
    spanned: set[int] = set()
    inside: list[int] = []  # chat lines after the current turn's words, before any more of them
    current: _OpenTurn | None = None
    pending_time: float | None = None
    asked = False  # the question of a question marker's turn is over
    # a question marker's words since its label or its list's last item, the lines joined: the
    # interviewer's list of questions may go on below them ('Q.: Two things.' / 'i. how did
    # training go?' / 'ii. and the money.'), as below the paragraph of a Word file
    question = ""
    lead = ""  # the question marker's own words, before its list: a colon there opens the list
    listing = False  # a line of the question marker's turn went on with its list of questions
    talk_began = False  # a speaker's label came: a line in no turn after it is reported
    last_words = ""  # the last line of a turn's words so far
    # two turns or more laid out as label / time / words: the file's times are turn times, so a
    # time alone under a label is that turn's time, never its answer ("P04:" / "12:31", frozen)
    turn_times = _timed_below_label(lines, labels) >= 2

    holding = False  # the current turn is a question marker's of ``held``
    # the current turn is the answer below a question marker, no word of it read yet: a time of
    # talk alone there ("What time does the day shift start?" / "07:30") is its words, as the
    # paragraph is in Word, no time below a name ("Jane Smith" / "0:03")
    opened_below_marker = False

    def marks(speaker: str) -> bool:  # a question marker, its unlabelled words below answered
        return not holding and is_question_marker(speaker)

    for i, (line, label) in enumerate(zip(lines, labels, strict=True)):
        if i in header:
            _close(current, out, interviewer_labels)
            current, inside, holding = None, [], False
            continue
        if i in chat:
            if current is not None and current.start is not None:
                inside.append(i)
            continue
        if not line.text.strip():
            asked = asked or (current is not None and marks(current.speaker))
            paragraph = True
            continue
        stamp = match_timestamp(line.text)
        if (
            label is None
            and stamp is not None
            and current is not None
            and current.start is not None
            and marks(current.speaker)
            and is_service_time_line(line.text)
        ):
            # a service's time alone below the question's words ('Q. Two things.' / '00:01:02'
            # / 'i. how did training go?'): no one's words, and no end of the question, as in
            # Word; the line below it tells whether the question goes on or the answer opens,
            # the time the answer's
            pending_time = stamp[0]
            continue
        goes_on = (
            label is None
            and current is not None
            and marks(current.speaker)
            and bool(question)
            and goes_on_asking(question, line.text, lead)
        )
        if (
            label is None
            and current is not None
            and not goes_on
            and (asked or (listing and ends_question_list(question, line.text)))
        ):
            _close(current, out, interviewer_labels)
            current, inside = _OpenTurn(speaker=answering, begin_time=pending_time), []
            pending_time, holding, opened_below_marker = None, False, True
        elif (
            label is None
            and paragraph
            and unlabelled is not None
            and paragraph_words is not None
            and i in paragraph_words  # no paragraph opens at a line below a service's time alone
            and current is not None
            and current.start is not None
            and current.end is not None
            and current.end - current.start <= MOST_BACKCHANNEL_CHARACTERS
        ):
            words = paragraph_words[i]
            before = [(t.speaker, _words(lines, starts, t.start, t.end)) for t in out[-1:]]
            before.append((current.speaker, _words(lines, starts, current.start, current.end)))
            found = speaker_of_unlabelled(before, words, interviewer_labels)
            unlabelled.add(found, f"line {i + 1}", words)
            if found.speaker != current.speaker:
                _close(current, out, interviewer_labels)
                current, inside = _OpenTurn(speaker=found.speaker, begin_time=None), []
                holding = False
        asked, paragraph = False, False
        if label is not None:
            _close(current, out, interviewer_labels)
            inside, talk_began = [], True
            begin = label.time if label.time is not None else pending_time
            current = _OpenTurn(
                speaker=label.label,
                begin_time=begin,
                after_question=last_words.endswith("?") and not turn_times,
                # a name alone takes its time from the line below ("Jo Lee" / "0:35")
                timed_label=label.time is not None and label.form != "alone",
            )
            pending_time, holding = None, i in held
            rest = _Line(line.start + label.words_start, line.text[label.words_start :])
            if rest.text.strip():
                current.start, current.end = rest.content_start, rest.content_end
                last_words = rest.text.rstrip()
            asked = marks(label.label) and ends_question(rest.text)
            question = rest.text.strip() if marks(label.label) else ""
            lead = question
            listing = False
            continue
        first_of_answer = opened_below_marker and current is not None and current.start is None
        opened_below_marker = False
        if (
            stamp is not None
            and not line.text[stamp[1] :].strip()
            and not (first_of_answer and not is_service_time_line(line.text))
            and not (
                # "Jo Lee  0:35" / "7:30": the answer's first line; a service's "00:00:36" is none
                current is not None
                and current.start is None
                and current.timed_label
                and not is_service_time_line(line.text)
                and not is_second_stamp(line.text, stamp[0], current.begin_time)
            )
        ):
            if turn_times and current is not None and current.start is None and current.time_lines:
                # label / time / "07:30": in this layout the third line is the words
                current.start, current.end = line.content_start, line.content_end
                last_words = line.text.rstrip()
                continue
            if current is not None and current.start is None:  # "Jane Smith" / "0:03" / words
                if not current.time_lines:
                    current.label_time = current.begin_time
                current.time_lines.append(line)
                current.begin_time = stamp[0] if current.begin_time is None else current.begin_time
            else:
                pending_time = stamp[0]
            continue
        if current is None:  # a title or header before the first speaker
            if no_turn is not None and talk_began:
                no_turn.append(i)  # after it: words no turn holds, to be reported
            elif above is not None and not talk_began:
                above.append(i)  # left out as a title's: reported where it reads as talk
            continue
        if current.start is None:
            current.start = line.content_start
        current.end = line.content_end
        last_words = line.text.rstrip()
        pending_time = None  # a time alone above talk of this turn ("07:00" in a list of shifts)
        spanned.update(inside)
        inside = []
        asked = marks(current.speaker) and ends_question(line.text)
        if not marks(current.speaker):
            question, lead, listing = "", "", False
        else:  # an item opens the words of its own; a line that is none goes on with the last
            words = line.text.strip()
            first = not question or opens_with_list_marker(words)
            question = words if first else f"{question} {words}"
            if not listing and not opens_with_list_marker(words):
                lead = f"{lead} {words}".strip()
            listing = listing or goes_on
    _close(current, out, interviewer_labels)
    return out, spanned


#: Longest turn (characters) looked at as a backchannel before an unlabelled paragraph: longer,
#: it is more than :data:`.backchannels.MAX_BACKCHANNEL_WORDS` words and notes.
MOST_BACKCHANNEL_CHARACTERS = 400


def _words(lines: list[_Line], starts: list[int], start: int, end: int) -> str:
    """The words of ``lines`` (their offsets ``starts``) from offset ``start`` to ``end``, one
    space between lines."""
    first = max(bisect_right(starts, start) - 1, 0)
    last = bisect_left(starts, end)
    return " ".join(
        line.text[max(start - line.start, 0) : end - line.start].strip()
        for line in lines[first:last]
        if line.text.strip()
    )


def blanked(text: str, lines: Sequence[tuple[int, int]]) -> str:
    """``text`` with each of ``lines`` (its start and length) written as blanks of the same
    length, so that every offset holds: the chat messages a turn spans, typed in the call and no
    one's speech, are no part of its words, as a Word transcript leaves them out."""
    if not lines:
        return text
    parts: list[str] = []
    pos = 0
    for start, length in lines:
        parts += [text[pos:start], " " * length]
        pos = start + length
    parts.append(text[pos:])
    return "".join(parts)


def _export_turns(
    text: str,
    turns: list[Turn],
    lines: list[_Line],
    labels: list[LabelMatch | None],
    interviewer_labels: Sequence[str] | None,
) -> tuple[list[Turn], list[tuple[int, int]], dict[str, object]]:
    """``turns`` with one speaker's turns joined where a transcription tool's timed labels part
    them (Otter's ``Jane Smith  0:42`` over each paragraph of one answer, Zoom's ``[Jane Smith]
    10:15:45`` over each sentence), or only another speaker's backchannel and its timed label
    does (``Hannah Whitfield  0:24`` / ``Mm hmm.``), as :func:`.render.across_backchannels`
    joins them in a Word or subtitle file; the lines between blanked (their start and length
    returned), so each offset still matches the file; and the metadata: the backchannels left
    out and each joined part's time (:mod:`.cue_times`). Only where each label stands alone on
    its line and each turn after the first has a time: a typist's repeated ``P01:`` stays a
    split, as the file holds it (its label, on the line of the words, cannot be blanked)."""
    from .annotations import only_annotations
    from .backchannel_gaps import BACKCHANNEL_GAPS, gap_entries
    from .cue_times import CUE_TIMES, cue_entry
    from .render import BACKCHANNELS_LEFT_OUT, SpokenTurn, bridged_runs, interviewers_of

    starts = [line.start for line in lines]
    spoken = [SpokenTurn(t.speaker, text[t.start : t.end], t.begin_time) for t in turns]

    def line_of(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    def gap_lines(i: int, k: int) -> list[int] | None:
        """The lines between turn ``i``'s words and turn ``k``'s, when each is blank, a label
        alone of a turn after ``i`` (each of them timed), a time alone or a line of the
        backchannel turns between; else None."""
        between = turns[i + 1 : k]
        if any(t.begin_time is None for t in turns[i + 1 : k + 1]):
            return None
        first, last = line_of(turns[i].end), line_of(turns[k].start)
        if first >= last or lines[last].text[: turns[k].start - lines[last].start].strip():
            return None  # a label on the line of the words: a typist's, kept as the file has it
        speakers = {t.speaker for t in turns[i + 1 : k + 1]}
        for j in range(first + 1, last):
            line, m = lines[j], labels[j]
            stamp = match_timestamp(line.text)
            if m is not None:
                ok = m.label in speakers and not line.text[m.words_start :].strip()
            elif stamp is not None:
                ok = not line.text[stamp[1] :].strip()
            else:
                ok = not line.text.strip() or any(
                    t.start <= line.content_start and line.content_end <= t.end for t in between
                )
            if not ok:
                return None
        return list(range(first + 1, last))

    joined, runs, left_out = bridged_runs(
        spoken,
        lambda: interviewers_of(spoken, interviewer_labels),
        lambda i, k: gap_lines(i, k) is not None,
    )
    if len(runs) == len(turns):
        return turns, [], {}
    gaps: list[tuple[int, int]] = []
    out: list[Turn] = []
    entries: list[dict[str, object]] = []
    # where a backchannel was left out: the words after it (a turn skipped in the run)
    after = [turns[k].start for run in runs for i, k in zip(run, run[1:]) if k > i + 1]

    def note_in_answer(j: int, i: int, k: int) -> bool:
        """Whether line ``j``, between turn ``i``'s words and turn ``k``'s, is a paragraph
        of only transcriber's notes with no label after the first words of a backchannel
        between them (``Sam Roe 0:12`` / ``Mm-hmm.`` / blank / ``[inaudible]``): a gap inside
        the answer, kept there as the subtitle readers keep it (.unlabelled.is_note_in_turn)."""
        line = lines[j]
        return (
            labels[j] is None
            and j > 0
            and not lines[j - 1].text.strip()
            and only_annotations(line.text)
            and any(t.start < line.content_start < t.end for t in turns[i + 1 : k])
        )

    for run in runs:
        first = turns[run[0]]
        for i, k in zip(run, run[1:]):
            for j in gap_lines(i, k) or []:
                if lines[j].text.strip() and not note_in_answer(j, i, k):
                    gaps.append((lines[j].start, len(lines[j].text)))
        out.append(replace(first, end=turns[run[-1]].end, end_time=turns[run[-1]].end_time))
    final = blanked(text, gaps)
    for index, (turn, run) in enumerate(zip(out, runs, strict=True)):
        pieces = [(text[turns[i].start : turns[i].end], turns[i].begin_time, None) for i in run]
        entry = cue_entry(index, final[turn.start : turn.end], pieces)
        if entry is not None:
            entries.append(entry)
    return (
        out,
        gaps,
        {
            **({BACKCHANNELS_LEFT_OUT: len(left_out)} if left_out else {}),
            **({CUE_TIMES: entries} if entries else {}),
            **({BACKCHANNEL_GAPS: gap_entries(final, out, after)} if after else {}),
        },
    )


def _paragraph_turns(
    lines: list[_Line], speaker: str, interviewer_labels: Sequence[str] | None
) -> list[Turn]:
    out: list[Turn] = []
    current: _OpenTurn | None = None
    pending_time: float | None = None
    for line in lines:
        if not line.text.strip():
            _close(current, out, interviewer_labels)
            current = None
            continue
        stamp = match_timestamp(line.text)
        if current is None:
            if stamp is not None:
                rest = _Line(line.start + stamp[1], line.text[stamp[1] :])
                if not rest.text.strip():
                    pending_time = stamp[0]
                    continue
                current = _OpenTurn(speaker, stamp[0], rest.content_start, rest.content_end)
            else:
                current = _OpenTurn(speaker, pending_time, line.content_start, line.content_end)
            pending_time = None
            continue
        current.end = line.content_end
    _close(current, out, interviewer_labels)
    return out
