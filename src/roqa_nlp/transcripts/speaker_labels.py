"""Recognising ``Speaker: words`` at the start of a line (plain text, Word, subtitle cue text).

A speaker label is at most 40 characters of letters, digits, spaces, ``'()-–—/&#`` and a dotted
id's full stop between figures, ``P4.1`` (a name of
at most 40 with a note in the brackets it ends on, up to 40 more, is one too: ``Bernadette
Okonkwo (Calderdale Recovery Hub)``, :func:`label_fits`; a title of
``data/honorifics.txt`` such as ``Dr.`` may open it, and initials with their full stops may
stand in it, ``Dr. A. Khan``, ``J.Smith``, ``Gareth P.``, where it reads as a name
(:func:`is_initialled_name`) said three times or laid out as turns (:func:`_initialled_in_turn_layout`), not a place or a
person quoted once inside an answer (``N. Yorkshire:``, ``J. Smith: why ...?``);
a name the researcher gives is a label before a colon whatever it holds,
:func:`_named_label_line`), starts with a letter or digit, and is
followed by a colon and then white space or the end of the line, so clock times (``10:30``)
and URLs are never labels; a colon
may stand inside the label's round brackets (``Interviewer (Q1: intro): words``). Markdown
emphasis around the label (``**Interviewer:**``, ``**P04**:``) and square brackets
(``[P04]:``) are allowed. A name written surname first, as Teams and Outlook list people
(``Smith, Jane:``, ``NAIR, Priya (Herts Care Ltd):``, ``[Smith, Jane] 10:32:05``), is a label
in every one of these shapes, taken only where it recurs in the file or the researcher names it,
and only when it reads as a name (:func:`is_comma_name`), since ``Well, honestly: ...`` opens a
participant's sentence the same way. An optional timestamp (``[00:01:02]``, ``(01:02)``,
``00:01:02``) may come before the label, or between the label and its colon, as Rev exports
(``Interviewer (00:01:02):``; ``P04 12:30:``), or just after the colon, in brackets
(``Speaker 1: [00:00:03] words``, as Sonix exports) or before a colon of its own (``P04: 12:30:
words``): it is the turn's time, not its words; a range in brackets (``Interviewer (00:01:00 -
00:01:30):``) times the turn from its start, and minutes past 99 (``P06 (100:00):``) are
minutes. A video call's display name holding an emoji or
an organisation after ``|`` (``José 🙂:``, ``🌈 Jane:``, ``Zoë ❤️:``, ``Jane Smith | NHS:``, up to
64 characters, or a name and a note as :func:`label_fits` allows) is a label too, as written,
when the name in it would be one (:func:`display_name_label`); taken as any other label, so
only where it labels two or more lines or the researcher names it (said once, ``Great 👍: it
worked`` is talk), or, said once, where its name before ``|`` is capitalised, as a name with a
note in brackets is (``Jane Smith | NHS``, :func:`accepted_labels`). Two more shapes that
transcription services write are labels too:

- a label in square brackets without a colon (``[Interviewer] words``), only when it names a role
  (an interviewer label or a participant number), because ``[laughs]`` and ``[inaudible]`` open
  lines the same way;
- a line holding only a label and a time (``Jane Smith  0:03``, Otter's export;
  ``[Jane Smith] 10:32:05``, ``Interviewer [00:00:03]``), or only a time and a capitalised label
  (``00:00:03 Speaker 1``, Word's Transcribe export; ``[00:00:03.12] - Speaker 1``, Happy
  Scribe's), the words on the lines after it, only in a file with at least two such lines;
  there, a name of any shape (a long note, a telephone number, a particle, ``iPhone``, a user
  name) that labels two or more such lines laid out as another speaker's labels, taking turns
  with them, or that the researcher names, is a speaker too (:func:`_recurring_timed_labels`);
  a transcriber's note or a word (``10:30 break``) never.

A transcript often opens with a header of fields in the same shape (``Date: 12 March 2021``,
``Participant ID: P04``, ``Duration: 26 minutes``). At the top of a file, until the first line a
speaker opens with more than :data:`MAX_HEADER_WORDS` words (a label alone on its line, Otter's
``Speaker 1  0:03``, counts the words on the lines below it: after it, ``Note: we still keep a
paper copy`` goes on with the answer), a label that is a header field name
(``data/transcript_header_fields.txt``) opens a header line, not a turn, and so does any label
whose words are only a participant number (``Participant: P04``, ``Interviewee: Participant 4``)
or a transcriber's key (``Key: I = Interviewer, R = Respondent``, :func:`speaker_key`, whose
labels take those roles) (:func:`header_lines`; the readers of plain text and Word documents
leave those lines out and take the number as the transcript's participant, :func:`header_participant`, and the people a
name field names, :func:`header_people`, in the transcript's ``metadata["header_people"]``, for
pseudonymising). They also leave out a transcriber's closing line after the last speaker
(``[END OF TRANSCRIPT]``, ``Transcribed by https://otter.ai``, :func:`end_markers`), which would
otherwise continue the last turn, with the footer after a transcriber's end marker
(``data/end_markers.txt``: ``[END OF RECORDING 00:32:10]``, then ``CONFIDENTIAL. ...``), and a
transcription service's closing lines there, each matching a service's whole line (Google Meet's ``Meeting ended after 00:09:12``; Sonix's trial
footer from its first line to the end; ``data/transcription_service_text.txt``,
:func:`service_text_lines`): talk after such a line goes on with the last turn. A line a
service prints on each page (``Page 3 of 12``, ``Rev.com   Page 2 of 9``;
``data/transcription_page_footers.txt``) is left out so wherever it stands.

The same shape also matches the start of an ordinary sentence (``The problem was this: ...``), so
a candidate counts as a speaker only when it is likely to be one (:func:`accepted_labels`): it
is a role label (interviewer, participant number), or it labels at least two lines of the file,
or every word of it is capitalised (``Jane Smith``, ``Registered Manager``) and it has at most
four words, or it is such a name followed by words in brackets (``Dean (support worker)``) or
by an organisation after ``|`` (``Jane Smith | NHS``), or it is
a transcriber's ``Unknown speaker`` (the speaker the readers name speech no label names); a
phrase that opens talk (``The problem is``, ``and she said``, ``Honestly``;
:func:`reads_as_a_phrase`) never is, however often said, unless the researcher names it, nor a
label each of whose lines comes right below another speaker's label alone on its line
(:func:`_phrases_below_empty_labels`). A
capitalised word the file opens a line with only once, while another label recurs, is talk when it
is an acronym or a word no name is made of (``CQC: they came in March``, ``Agency: ...``, inside
a participant's answer; :func:`words_not_speakers`): the speakers of a file recur, and an
organisation is no speaker; two or three capitals whose line the file lays out as a turn, said
once, are a group member's initials all the same (``Facilitator: What gets in the way?`` /
``CD: ...``; :func:`_initials_taking_turns`), and so are two to four capitals said once alone
on a line with a time of their own between two recurring speakers' turns (``GP  1:51``;
:func:`_capitals_taking_turns`). So is a label said once that names a topic (``Staffing: that's the
barrier.``, ``Mental Health: ...``; ``data/talk_words.txt``) or whose brackets hold the
speaker's own aside (``Staffing (and I mean this: truly): ...``; ``data/aside_words.txt``),
unless its name labels another line: a person who says one thing (``Ruth (deputy manager):
yeah i'd add ...``, ``Mum: ...``; ``data/person_words.txt``) is still a speaker.
``Question 5:`` and ``Q5:`` mark the interviewer's questions (``question`` and ``q`` are
interviewer labels, :data:`~.roles.QUESTION_MARKERS`).

On a line that opens with no such speaker, two looser shapes are tried (:func:`line_labels`),
only for labels whose form the reader knows: an interviewer label, a participant number
(``P04``, ``Participant 3``), a numbered speaker (``Speaker 2``), or a label the file uses as
a speaker in the usual shape:

- no space after the colon (``Interviewer:What else?``), so ``Note:this`` and ``10:30`` are not
  labels;
- a dash between blanks instead of the colon (``INTERVIEWER - words``, ``P23 – words``), only in
  a file where at least two lines with two different labels have it; in a file with no speaker
  labels of the usual shape, a capitalised label (as above) that opens at least two dash lines
  counts too (``Sam Roe - words``);
- a clock time, then the label without a colon (``00:00:15 P06 words``, or ``00:00:15 P06``
  with the words on the next lines: a ``time | speaker | words`` table printed to PDF or pasted
  as text), only in a file where at least two lines with two different labels have it; the label
  is the longest run of up to four words after the time that the reader knows, never ``I`` or
  ``Me``, which open sentences;
- a line holding only the label, the words on the lines after it (``INTERVIEWER``, then the
  question, ``PARTICIPANT`` or ``RESPONDENT``, then the answer, as a script is laid out), with
  the same conditions; a line its reader says is set
  apart (all in bold, or a heading: ``**Sam Roe**``, ``### Sam Roe``, a Word heading) may also
  hold a capitalised label (as above) that stands alone on two or more such lines, and so may a
  line whose next line holds only a time (``Jane Smith``, then ``0:03``, then the words, as
  Otter, Microsoft Stream and Teams export): that is the turn's time; so may a name in plain
  type (one to four capitalised words, no sentence punctuation) that stands alone on three or
  more lines, at least two thirds of them taking the turn from another speaker's words
  (``Interviewer``, the question, ``Priya Nair``, the answer, as a typist lays a transcript out;
  :func:`_recurring_names`), which a one-line answer said again and again does not do;
- a tab instead of the colon (``Interviewer<TAB>words``, a two-column table pasted as text),
  taken as the dash is, and a full stop (``Q. words`` / ``A. words``, ``Q.: words``), taken
  only for labels the reader knows or that name the one who answers (``A``, ``R``, ``B``,
  ``IE``), never ``OK.``, nor a list's lower-case marker opening an item inside talk (``a.
  first item: ...``, ``i. reviews.`` below ``P02:``; :mod:`.list_markers`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Literal

from ..errors import quoted
from ..io import packaged_words
from ..name_characters import MARKS, without_marks
from .annotations import all_bracketed, is_annotation, only_annotations
from .chat import chat_heading, sender_named
from .headings import is_heading_word_label
from .roles import (
    COLLECTIVE_LABEL_WORDS,
    DEFAULT_INTERVIEWER_LABELS,
    InterviewerLabels,
    asks,
    honorifics,
    interviewer_keys,
    is_collective_label,
    is_interviewee_role_label,
    is_speaker_number_label,
    is_unknown_speaker,
    label_view,
    more_interviewer_labels,
    normalise_label,
    participant_label_number,
    participant_labels_of,
    participant_number_label,
    person_name,
    speaker_name,
    talk_titles,
    without_zero_width,
)
from .timecodes import opening_mark_as_timestamp, parse_timecode

if TYPE_CHECKING:
    from ..schema import Transcript

MAX_LABEL_CHARS = 40
#: Most characters of a note a label's name may carry beyond MAX_LABEL_CHARS, in brackets or after
#: ``|`` (``Bernadette Okonkwo (Calderdale Recovery Hub)``, :func:`label_fits`)
MAX_LABEL_NOTE_CHARS = 40
#: Zoom lets a display name be 64 characters long
MAX_CUE_LABEL_CHARS = 64
#: Most characters of a display name read in a line of text: a name and its note
#: (:func:`label_fits`)
_MAX_DISPLAY_NAME_CHARS = max(MAX_CUE_LABEL_CHARS, MAX_LABEL_CHARS + MAX_LABEL_NOTE_CHARS + 3)
#: Blanks taken whole, never given back one at a time (an atomic group, written so as to
#: compile on Python 3.10, which lacks ``*+``): a lookahead takes them all and the back
#: reference consumes exactly those.
BLANKS_WHOLE = r"(?=(?P<blanks>[ \t]*))(?P=blanks)"
MAX_CAPITALISED_LABEL_WORDS = 4
#: Most words a speaker's line at the top of a file may hold with the header still going on
#: (``Interviewer: Sam Roe``, ``P04: Hello``); a longer one is talk, and the header is over.
MAX_HEADER_WORDS = 6

#: A clock time: ``H:MM:SS`` or ``MM:SS`` (minutes past 99 too, ``100:00``), a fraction after it.
#: Hours, minutes and seconds may each have one digit (``0:0:7``, ``0:1:14.650``), as Microsoft
#: Teams writes them in its Word transcripts' headers and its older ``0:0:7.650 --> 0:0:11.2``
#: cues: before session 84 such a Teams ``.docx`` (``Priya Shah   0:0:7``) was read unlabelled,
#: every header line a participant's talk.
_TIME = r"(?:\d{1,2}:\d{1,2}:\d{1,2}|\d{1,3}:\d{2})(?:[.,]\d{1,9})?"
#: A clock time opening a turn's words (:data:`_TIME_IN_WORDS`, :data:`_OPENING_TIME`): minutes
#: and seconds of two digits, as before session 84; the one-digit ``0:0:7`` is a time only on a
#: speaker's line, so ``P04: [2:1:1] is the ratio`` and ``Jo Lee: 2:1:1: two carers`` keep their
#: numbers as words and give the turn no time (hunt22 D4).
_WORDS_TIME = r"(?:\d{1,2}:\d{2}:\d{2}|\d{1,3}:\d{2})(?:[.,]\d{1,9})?"
#: The end of a time range a label's brackets may hold (``Interviewer (00:01:00 - 00:01:30):``):
#: the turn's time is its start (:func:`label_time`).
_RANGE_END = rf"(?:[ \t]*[-–—][ \t]*{_TIME})"
#: A time in brackets: a clock time, or a range of two.
_BRACKETED = rf"{_TIME}{_RANGE_END}?"
#: The same opening a turn's words, its times of :data:`_WORDS_TIME`'s shape.
_WORDS_BRACKETED = rf"{_WORDS_TIME}(?:[ \t]*[-–—][ \t]*{_WORDS_TIME})?"
_TIMESTAMP = rf"(?P<ts_open>[\[(])?(?P<ts>{_TIME}(?(ts_open){_RANGE_END}?))[\])]?"


#: A line's opening timestamp and the blanks after it, before a label: the blanks are taken as a
#: whole run (a lookahead, then its match), as no label opens with a blank; tried one blank at a
#: time, a line of 20 000 blanks after ``00:01`` took 17 s (fixer s66, times). So are the blanks
#: the line opens with: given back one at a time, a line of 20 000 blanks before ``0:03`` took
#: 60 s or more, each blank given back reading a display name's label anew (hunt4 s79).
_OPENING_TIMESTAMP = (
    r"^(?=(?P<lead_blanks>[ \t]*))(?P=lead_blanks)"
    rf"(?:{_TIMESTAMP}(?=(?P<ts_blanks>[ \t]+))(?P=ts_blanks))?"
)


def _honorific_pattern() -> str:
    """An optional title before a label's name, with or without its full stop (``Dr. ``,
    ``Professor ``): each spelling in ``data/honorifics.txt``, written as a name's first word
    is (:func:`~.roles.honorifics`)."""
    titles = sorted(honorifics(), key=lambda t: (-len(t), t))  # "Mrs" before "Mr"
    return rf"(?:(?:{'|'.join(re.escape(t.capitalize()) for t in titles)})\.?[ \t]+)?"


_HONORIFIC = _honorific_pattern()
# A label ends with a non-blank character and is closed by one run of blanks: overlapping
# blank runs made the match cubic in the length of a line of spaces (minutes for 2 000 blanks).
# A zero-width (non-)joiner in a label's view joins two letters of a word (Persian
# ``محمد\u200cزاده``, :func:`~.roles.label_view`): a part of the name.
# A note in brackets it ends on may hold commas and full stops (``Participant (Mrs Begum, RM)``,
# ``Interviewer (Dr. Patel, LYPFT)``): such a label was talk, and its note named people (s52).
#: A note in square brackets in a label (``Interviewer [EP]``, ``Jane Smith [Mind]``), read as
#: one in round brackets is, of at most MAX_LABEL_NOTE_CHARS characters: taken whole, so that a
#: time in square brackets (``Jane Smith [12:30]:``, no colon in a note) stays the turn's time
#: and a lone ``]`` never ends a label. A note holding a colon is :data:`BRACKET_COLON_LINE`'s.
_SQUARE_NOTE = rf"\[[^\[\]()\n:]{{1,{MAX_LABEL_NOTE_CHARS}}}\]"
#: A character of a label after its first (a letter or digit), and its last: a name's
#: characters (combining marks too, :mod:`~roqa_nlp.name_characters`: ``Adébáyọ̀``) and
#: ``'’()/&#-``; a space or a zero-width joiner within it.
#: The full stop of an initial within a name (``A. Khan``, ``Jane A. Smith``, ``J.Smith``,
#: ``Dr A. Khan``): after one letter that stands as a word of its own (at the label's start or
#: after a blank, a bracket or another initial's stop), a letter after it or after one or two
#: blanks. So ``So. What I mean is:`` and ``It was 3 p.m.: late.`` offer no label, and a label
#: never ends on one; a label holding one is a speaker only when it reads as a name with
#: initials, or the researcher names it (:func:`is_initialled_name`, :func:`accepted_labels`).
_INITIAL_STOP = r"(?<=[^\W\d_])(?<![\w'’-][^\W\d_])\.(?=[ \t]{0,2}[^\W\d_])"
#: The full stop of a surname's initial ending a name (``Gareth P.``, as an anonymised
#: transcript writes a person): after one letter that stands as a word of its own after a blank,
#: so never after a label's only letter (``Q.``, ``A.`` are the looser shapes' labels) nor
#: inside an abbreviation (``p.m.``). A label ending on one is a speaker only as a name with
#: initials is (:func:`has_initial_stop`, :func:`is_initialled_name`).
_FINAL_INITIAL_STOP = r"(?<=[ \t][^\W\d_])\."
#: The full stop of a dotted id between a letter's figures and more figures (``P4.1``,
#: ``P12.3 (nurse)``, a wave's or an interview's number after the participant's): never after a
#: figure with no letter before it, so a time (``1.30``) or a list's number (``1.``) offers no
#: label.
_ID_STOP = r"(?:(?<=[^\W\d_]\d)|(?<=[^\W\d_]\d\d)|(?<=[^\W\d_]\d\d\d))\.(?=\d)"
#: An en or em dash stands in a label as a hyphen does (``P05 – Amir``, as Word's AutoCorrect
#: turns ``P05 - Amir``).
_PLAIN_LABEL_CHAR = rf"[\w{MARKS} '’()/&#\u200c\u200d\u2013\u2014-]"
_LABEL_CHAR = rf"(?:{_PLAIN_LABEL_CHAR}|{_INITIAL_STOP}|{_ID_STOP})"
_LABEL_LAST = rf"[\w{MARKS}'’()/&#-]"
_LABEL = (
    rf"{_HONORIFIC}[^\W_]"
    rf"(?:(?:{_LABEL_CHAR}|{_SQUARE_NOTE})*?(?:{_LABEL_LAST}|{_FINAL_INITIAL_STOP}|{_SQUARE_NOTE}))?"
    rf"(?:[ \t]*\([^()\n:]{{1,{MAX_LABEL_NOTE_CHARS}}}\))?"
)
#: The label's own time in brackets, blanks inside them allowed (``P06 ( 00:01:00 - 00:01:30 ):``,
#: whose label the lookaheads below refuse as a note, lost its turn: hunt s65 h_docx R1).
_TIME_AFTER = rf"(?:[ \t]*[\[(][ \t]*(?P<ts_after>{_BRACKETED})[ \t]*[\])])?"
#: A time right after a label's colon, the turn's time: ``[12:30]``, ``(12:30)`` or ``12:30:``.
_TIME_IN_WORDS = (
    rf"(?:[\[(](?P<ts_words>{_WORDS_BRACKETED})[\])](?:[ \t]+|$)"
    rf"|(?P<ts_words_bare>{_WORDS_TIME}):(?:[ \t]+|$))?"
)
#: A name as a directory lists it, surname first (``Smith, Jane``, ``NAIR, Priya (Herts Care
#: Ltd)``, ``de Souza, Ana``): one or two words, a comma, one to three words (an initial with its
#: full stop), and a note in brackets; a speaker only with the evidence of :func:`is_comma_name`.
_NAME_WORD = rf"[^\W\d_][\w{MARKS}'’-]*"
_COMMA_NAME = (
    rf"{_HONORIFIC}{_NAME_WORD}(?:[ \t]{_NAME_WORD})?,[ \t]*{_HONORIFIC}{_NAME_WORD}\.?"
    rf"(?:[ \t]{_NAME_WORD}\.?){{0,2}}"
    rf"(?:[ \t]+(?:\([^()\n]{{0,{MAX_LABEL_CHARS}}}\)|\[[^\[\]\n]{{0,{MAX_LABEL_CHARS}}}\]))?"
)


def _label_line(label: str) -> re.Pattern[str]:
    """``Speaker: words`` with the speaker's label in the shape ``label``."""
    return re.compile(
        rf"{_OPENING_TIMESTAMP}"
        rf"(?P<open>\*\*|__)?(?P<bracket>\[)?(?P<label>{label})(?(bracket)\])"
        rf"(?:{_TIME_AFTER}|[ \t]+(?P<ts_after_bare>{_TIME}))"
        r"[ \t]*(?:(?P=open)[ \t]*)?:(?:[ \t]*(?P=open))?(?=\s|$)[ \t]*"
        rf"{_TIME_IN_WORDS}"
    )


LABEL_LINE = _label_line(_LABEL)
#: ``Smith, Jane: words``: a surname-first name (:data:`_COMMA_NAME`) before the colon.
COMMA_LABEL_LINE = _label_line(_COMMA_NAME)
#: ``Interviewer (Q1: intro): words``: a label whose brackets (round or square) hold a colon,
#: which :data:`LABEL_LINE` would cut at (``Interviewer (Q1``); tried first. A time in the
#: brackets (``Interviewer (00:00:03):``) is the turn's time, as before.
BRACKET_COLON_LINE = re.compile(
    rf"{_OPENING_TIMESTAMP}"
    rf"(?P<label>{_HONORIFIC}[^\W_][\w{MARKS} '’/&#-]{{0,40}}"
    rf"(?:\((?![ \t]*{_BRACKETED}[ \t]*\))[^()\n:]{{0,40}}:[^()\n]{{0,40}}\)"
    rf"|\[(?![ \t]*{_BRACKETED}[ \t]*\])[^\[\]\n:]{{0,40}}:[^\[\]\n]{{0,40}}\]))"
    rf"[ \t]*:(?=\s|$)[ \t]*{_TIME_IN_WORDS}"
)
#: ``[Interviewer] words``: taken only when the label names a role.
BRACKETED_LINE = re.compile(
    rf"^[ \t]*(?:{_TIMESTAMP}[ \t]+)?\[(?P<label>{_LABEL})\]"
    rf"(?:[ \t]*[\[(]?(?P<ts_after>{_TIME})[\])]?)?(?:[ \t]+|$)"
)
#: ``Jane Smith  0:03`` or ``[Jane Smith] 10:32:05`` alone on a line: taken only where two or
#: more lines have it.
TIMED_LINE = re.compile(
    rf"^[ \t]*(?P<bracket>\[)?(?P<label>{_LABEL}|{_COMMA_NAME})(?(bracket)\])[ \t]+{_TIMESTAMP}"
    r"[ \t]*$"
)
#: ``00:00:03 Speaker 1`` alone on a line (the time first, or ``[00:00:03.12] - Speaker 1`` as
#: Happy Scribe writes it): taken only where two or more lines are label-and-time lines, and
#: only when every word of the label is capitalised, since ``10:30 we met`` has the same shape.
TIME_FIRST_LINE = re.compile(
    rf"^[ \t]*{_TIMESTAMP}[ \t]+(?:[-–—][ \t]+)?(?P<bracket>\[)?(?P<label>{_LABEL})(?(bracket)\])"
    r"[ \t]*$"
)
LooseForm = Literal["no space", "dash", "tab", "full stop"]


# The looser shapes take a label of bounded length: a lazy unbounded label followed by a run of
# blanks is quadratic in the length of a line.
def _short_label(char: str) -> str:
    """A label of at most MAX_LABEL_CHARS characters of ``char`` after its first."""
    return (
        rf"{_HONORIFIC}[^\W_](?:(?:{char}|{_SQUARE_NOTE}){{0,{MAX_LABEL_CHARS}}}?"
        rf"(?:{_LABEL_LAST}|{_SQUARE_NOTE}))?"
    )


def _loose_start(char: str) -> str:
    """A line's opening (a time, a bracket) and a short label of ``char`` (:func:`_short_label`)."""
    return (
        rf"^[ \t]*(?:{_TIMESTAMP}[ \t]+)?(?P<bracket>\[)?(?P<label>{_short_label(char)})"
        rf"(?(bracket)\]){_TIME_AFTER}"
    )


_LOOSE_START = _loose_start(_LABEL_CHAR)
#: ``Interviewer:What else?``: no space after the colon (nor a slash, as in a URL).
NO_SPACE_LINE = re.compile(rf"{_LOOSE_START}:(?=[^\s/:])")
#: ``INTERVIEWER - words``: a dash between blanks instead of the colon.
DASH_LINE = re.compile(rf"{_LOOSE_START}[ \t]+[-–—](?:[ \t]+|$)")
#: ``Interviewer<TAB>words``: a tab instead of the colon (a two-column table pasted as text).
TAB_LINE = re.compile(rf"{_LOOSE_START} *\t[ \t]*(?=\S)")
#: ``Q. words`` / ``A. words``: a full stop after a question-and-answer label, whose label
#: holds no initial's full stop (``A. Supervision helps.`` is ``A``'s words), or a full stop
#: and a colon (``Q.: words`` / ``A.: words``, as some typists write a short label), which may
#: also hold its line alone, the words on the lines below (``Q.:`` / ``How did ...?``).
PERIOD_LINE = re.compile(rf"{_loose_start(_PLAIN_LABEL_CHAR)}\.(?::?[ \t]+(?=\S)|:[ \t]*$)")
_LOOSE_SHAPES: tuple[tuple[re.Pattern[str], LooseForm], ...] = (
    (NO_SPACE_LINE, "no space"),
    (DASH_LINE, "dash"),
    (TAB_LINE, "tab"),
    (PERIOD_LINE, "full stop"),
)
#: Labels of the one who answers in a question-and-answer transcript (``A.``, ``R.``, ``B.``,
#: German ``B`` for *Befragte*), read with a full stop or a tab though no role names them.
_ANSWER_LABELS = frozenset({"a", "r", "b", "p", "ie", "ip", "resp"})
#: Words naming the one who answers that may hold a line alone above their words, as a script is
#: laid out (``PARTICIPANT``, then the answer): not the one letters, which a line may hold as
#: talk.
_LONE_ANSWER_LABELS = frozenset({"participant", "interviewee", "respondent", "informant", "resp"})
TIMESTAMP_PREFIX = re.compile(rf"^[ \t]*{_TIMESTAMP}(?:[ \t]+|$)")
#: Characters other than blanks among which a line whose speaker's label :func:`_match_label`
#: takes holds a colon or a closing bracket: those of the label (MAX_LABEL_CHARS at most, a note
#: MAX_LABEL_NOTE_CHARS + 3 more: :func:`label_fits`), its emphasis marks and brackets, and a
#: time's first digits (``**Jane Smith (12:31)**:``; a time before the label holds a colon) come
#: to fewer than MAX_LABEL_CHARS + MAX_LABEL_NOTE_CHARS + 11. With room to spare.
_LABEL_HEAD_CHARS = MAX_LABEL_CHARS + MAX_LABEL_NOTE_CHARS + 60
_LABEL_HEAD = re.compile(rf"(?:[ \t]*[^ \t]){{0,{_LABEL_HEAD_CHARS}}}")


def _in_line(m: LabelMatch | None, at: list[int] | None) -> LabelMatch | None:
    """``m``, found on a line's :func:`label_view`, with its offset in the line as written."""
    if m is None or at is None:
        return m
    return dataclasses.replace(m, words_start=at[m.words_start])


@dataclass(frozen=True)
class LabelMatch:
    """A candidate label found at the start of a line.

    ``words_start`` is the offset (within the line) where the words after the label begin;
    ``timed`` marks a line holding only a label and a time (``Jane Smith  0:03``); ``form`` is
    how the label is closed: a colon and a blank (or a time), no blank after the colon, or a dash.
    """

    label: str
    words_start: int
    time: float | None
    timed: bool = False
    form: Literal["colon", "no space", "dash", "tab", "full stop", "time first", "alone"] = "colon"

    @property
    def stands_alone(self) -> bool:
        """Whether the label holds its line alone (with a time or not), the words on the lines
        after it: the only speaker label a heading may be."""
        return self.timed or self.form == "alone"


def label_time(ts: str | None) -> float | None:
    """The seconds of the time ``ts`` a speaker's label carries, None when it has none: of a
    range (``00:01:00 - 00:01:30``), its start, when the turn begins. A time of no clock
    (``00:00:61``) is read as its seconds, as a sloppy transcript means it (a rule leaving it out
    lost the times of such a file's turns: hunt s64 h_docx2)."""
    return None if ts is None else _seconds(ts)


def _seconds(ts: str) -> float:
    """The seconds of a label's time ``ts``, the start of a range (:func:`label_time`)."""
    return parse_timecode(_RANGE_DASH.split(ts, maxsplit=1)[0])


#: The dash between a time range's start and end.
_RANGE_DASH = re.compile(r"[ \t]*[-–—]")


def match_label(line: str, interviewer_labels: Iterable[str] | None = None) -> LabelMatch | None:
    """The candidate speaker label at the start of ``line``, if it has the shape of one
    (``interviewer_labels``: the role labels a bracketed label without a colon may name), read
    on the line's :func:`label_view` (``Sia\u0302n:`` is ``Siân``), its offset in ``line``."""
    view, at = label_view(line)
    return _in_line(_match_label(view, interviewer_labels), at)


#: A time mark opening a turn's words, read as one right after a label's colon is
#: (:data:`_TIME_IN_WORDS`): ``[00:00:20] How ready``, ``(00:00:20) How``, ``00:00:20: How``;
#: also on a line of its own above them (a table cell's first paragraph, or a line break), and
#: in square brackets with no space after (``[00:00:20]How``; ``(10:30)am`` is talk, hunt s64
#: h_docx2), as such a mark is left out of the words.
_OPENING_TIME = re.compile(
    rf"\s*(?:[\[(](?P<ts_words>{_WORDS_BRACKETED})[\])](?:\s+|$)"
    rf"|\[(?P<ts_glued>{_WORDS_BRACKETED})\](?=[^\W_])"
    rf"|(?P<ts_words_bare>{_WORDS_TIME}):(?:\s+|$))"
)
#: A time in brackets: ``(00:00:31)``, ``[0:31]``.
_BRACKETED_TIME = re.compile(rf"[\[(]{_BRACKETED}[\])]")


def opening_time(words: str) -> tuple[float | None, int]:
    """The time a turn's ``words`` open with (:data:`_OPENING_TIME`: a table's words cell, its
    speaker in another: ``[00:00:20] How ready ...``), and where the words after it start;
    ``(None, 0)`` when they open with none (``10:30 every morning`` is talk, as after a
    label)."""
    m = _OPENING_TIME.match(words)
    if m is None:
        return None, 0
    ts = m.group("ts_words") or m.group("ts_glued") or m.group("ts_words_bare")
    return _seconds(ts), m.end()


def timed_label(cell: str) -> tuple[str, float | None, bool] | None:
    """The label and time a speaker's cell of a table holds alone (``P06 (00:00:31)``, ``P06
    [00:00:31]``, ``(00:00:31) P06``, ``Interviewer (00:00:20):``, ``P06 0:31``), its lines read
    as one (``P06`` above ``(00:00:31)``), as the same label and time opening a paragraph's line
    are (:func:`match_label`), and whether the time is in brackets (a bare one, ``Ward 10:30``,
    is a label's time only where two or more rows have one, as for lines:
    :func:`line_labels`); None when it holds no time, or more."""
    line = " ".join(cell.split())
    m = match_label(line)
    if m is None or (m.time is None and not m.timed) or line[m.words_start :].strip():
        return None
    return m.label, m.time, _BRACKETED_TIME.search(line) is not None


def _match_label(line: str, interviewer_labels: Iterable[str] | None = None) -> LabelMatch | None:
    """:func:`match_label` on a line's view; a name the researcher gives
    (:func:`_named_label_line`) is read however long."""
    m = (
        next((found for shape in _SHAPES if (found := shape.match(line)) is not None), None)
        if _may_open_with_a_label(line)
        else None
    )
    if m is None or not label_fits(" ".join(m.group("label").split())):
        m = _named_label_line(line, interviewer_labels) or m
    named = m is not None and m.re not in _SHAPES
    if m is None:
        return None
    label = " ".join(m.group("label").split())
    if m.re in (LABEL_LINE, COMMA_LABEL_LINE, BRACKET_COLON_LINE) and (
        m.group("ts") is not None or chat_heading(line) is not None
    ):
        # "10:15:32 From Jane Smith : hi", "From Jane Smith to Everyone: hi"
        label = sender_named(label)
    if not label or not (named or label_fits(label)):
        return None
    if m.re is BRACKETED_LINE and not _names_a_role(label, interviewer_labels):
        return None
    if m.re is TIME_FIRST_LINE and not _is_capitalised(label):
        return None
    groups = m.groupdict()
    ts = next(
        (
            groups[key]
            for key in ("ts", "ts_after", "ts_after_bare", "ts_words", "ts_words_bare")
            if groups.get(key)
        ),
        None,
    )
    return LabelMatch(
        label=label,
        words_start=m.end(),
        time=label_time(ts),
        timed=m.re is TIMED_LINE or m.re is TIME_FIRST_LINE,
    )


#: The patterns of :func:`_match_label` other than a name given (:func:`_named_label_line`).
_SHAPES = (
    BRACKET_COLON_LINE,
    LABEL_LINE,
    COMMA_LABEL_LINE,
    TIMED_LINE,
    BRACKETED_LINE,
    TIME_FIRST_LINE,
)


def _named_label_line(line: str, interviewer_labels: Iterable[str] | None) -> re.Match[str] | None:
    """``Name: words`` where ``Name`` is a person the researcher named with ``--interviewer`` or
    ``--participant`` as written (any case, blanks as one), a time before its colon as for any
    label: such a name opening a line before a colon is a label though its characters are none
    a label's usual shape reads (``St. John Rivers:``, ``Dr. med. Kate Smith:``), nor its
    length (over :data:`MAX_LABEL_CHARS`: ``Professor Dame Elizabeth Anne Marie
    Fitzgerald-Montgomery:``, hunt s68 h_labels D1)."""
    if not interviewer_labels:
        return None
    for name in sorted(named_people(interviewer_labels), key=lambda n: (-len(n), n)):
        m = _named_line(" ".join(name.split())).match(line) if name.strip() else None
        if m is not None:
            return m
    return None


def named_people(interviewer_labels: Iterable[str] | None) -> set[str]:
    """The speakers the researcher named with ``--interviewer`` or ``--participant``
    (``interviewer_labels``, a :class:`~.roles.RoleLabels` carrying the participants), the
    default interviewer labels left out, as given."""
    if not interviewer_labels:
        return set()
    given = (*interviewer_labels, *participant_labels_of(interviewer_labels))
    return {n for n in given if n not in DEFAULT_INTERVIEWER_LABELS}


@functools.cache
def _named_line(name: str) -> re.Pattern[str]:
    """:func:`_label_line` for the one name ``name`` (:func:`_named_label_line`)."""
    words = r"[ \t]+".join(re.escape(w) for w in name.split())
    return _label_line(rf"(?i:{words})")


def _may_open_with_a_label(line: str) -> bool:
    """Whether ``line`` holds a colon or a closing bracket among its first
    :data:`_LABEL_HEAD_CHARS` characters other than blanks, as every line whose label
    :func:`_match_label` takes does (a chat's ``From Jane Smith to ...`` aside, whose label is
    cut to the sender's name): the label patterns, which would otherwise each read a long line of
    talk to its end, are not tried on the others, since a label they found there would be too
    long to be one."""
    head = _LABEL_HEAD.match(line)
    words = "" if head is None else head[0]
    return ":" in words or "]" in words or "From" in words


#: ``José 🙂: words``, ``Jane Smith | NHS: words``: a video call's display name holding an emoji
#: or an organisation after ``|``, which a label's usual characters leave out; taken by
#: :func:`display_name_label` only. The blanks before the colon are taken whole
#: (:data:`BLANKS_WHOLE`: no blank is a colon), as a megabyte of them was walked back for every
#: length of the label; so are the blanks after a time before it (:data:`_OPENING_TIMESTAMP`).
DISPLAY_NAME_LINE = re.compile(
    rf"{_OPENING_TIMESTAMP}"
    rf"(?P<label>[^:\n]{{1,{_MAX_DISPLAY_NAME_CHARS}}}?){BLANKS_WHOLE}:"
    r"(?:[ \t]+(?=\S)|[ \t]*$)"
)


def _is_emoji_part(c: str) -> bool:
    """Whether ``c`` is a symbol a display name may carry beside the name (``🙂``, ``❤``, a skin
    tone) or a character that joins or styles one (the zero-width joiner, an emoji or text
    selector, a keycap, a flag's tag)."""
    return (
        unicodedata.category(c) in ("So", "Sk")
        or c in "\u200d\u20e3"
        or "\ufe00" <= c <= "\ufe0f"
        or "\U000e0020" <= c <= "\U000e007f"
    )


def display_name_core(label: str) -> str:
    """The person's name in a video call's display name: ``label`` without an organisation
    after ``|`` (``Jane Smith | NHS`` -> ``Jane Smith``) and without its emoji (``José 🙂`` ->
    ``José``, ``🌈 Jane`` -> ``Jane``), its blanks as one; ``label`` (blanks as one) when it has
    neither."""
    name, bar, organisation = label.partition("|")
    if bar and name.strip() and organisation.strip():
        label = name
    return " ".join("".join(c for c in label if not _is_emoji_part(c)).split())


def display_name_label(line: str) -> LabelMatch | None:
    """The display name ``line`` opens with (:data:`DISPLAY_NAME_LINE`), when it holds an emoji or
    an organisation after ``|`` around a name a label's usual shape would take (``José 🙂``,
    ``🌈 Jane``, ``Jane Smith | NHS``, ``مدير 🙂``; :func:`is_display_name`), and the name is
    no header field's; else None. The label is the display name as written: the name the
    person gave themselves, which a subtitle cue's label keeps too."""
    m = DISPLAY_NAME_LINE.match(line) if ":" in line else None
    if m is None:
        return None
    label = " ".join(m.group("label").split())
    core = display_name_core(label)
    if (
        core == label
        or not core
        or not label_fits(core)
        or not (len(label) <= MAX_CUE_LABEL_CHARS or label_fits(label))
        or _LONE_NAME.fullmatch(core) is None
        or not is_display_name(label)
        or is_header_field(name_before_brackets(core))
    ):
        return None
    ts = m.group("ts")
    return LabelMatch(label=label, words_start=m.end(), time=label_time(ts))


#: The word lists a display name's name part is never made of: everyday words, words of no name
#: (``Team``, ``Manager``), days and the words of file names (``Mon``, ``Tue``).
_NOT_A_DISPLAY_NAME_WORD = (
    "everyday_words.txt",
    "not_names.txt",
    "public_proper_words.txt",
    "file_name_words.txt",
    "file_kind_words.txt",
)


def _names_a_person(core: str) -> bool:
    """Whether a display name's name part (:func:`display_name_core`: ``José``, ``Jane Smith``,
    Arabic ``مدير``) reads as a person's: one to four words, each capitalised (or of a script
    without capitals) and none an everyday, rating or day word (:data:`_NOT_A_DISPLAY_NAME_WORD`:
    ``Good``, ``Bad``, ``Safe``, ``Well-led``, ``Team``, ``Mon``) or a stop word."""
    words = core.split()
    if not 1 <= len(words) <= 4:
        return False
    for word in words:
        w = word.strip(".,'’()")
        if not w or (w[0].islower()) or _is_common_word(w):
            return False
        if any(w.casefold() in packaged_words(f) for f in _NOT_A_DISPLAY_NAME_WORD):
            return False
    return True


def _display_name_labels(
    lines: Sequence[str],
    matches: Sequence[LabelMatch | None],
    interviewer_labels: Sequence[str] | None,
) -> list[LabelMatch | None]:
    """``matches`` with the display names (:func:`display_name_label`) of the lines that open
    with no other label, where one names a person (:func:`_names_a_person`, or the researcher
    names the label with ``--interviewer`` or ``--participant``) and takes turns with another
    speaker: a display name on the labelled line right after its own is words of that answer
    (``Jane 😀: shift swapped.``, ``Jane 😀: need cover Sat.``, read out from a group chat),
    unless it takes the turn from another speaker twice or more in the file, or the researcher
    names it: then it is a speaker who speaks twice in a row (``🌟 Sarah Khan:`` on two lines).
    ``✅ Good: ...``, ``Safe | RI: ...``, ``Mon | Tue: ...`` are talk."""
    named = {
        " ".join(x.split())
        for x in (*(interviewer_labels or ()), *participant_labels_of(interviewer_labels))
    }
    out = list(matches)
    last: str | None = None  # the label of the last labelled line
    for i, line in enumerate(lines):
        if out[i] is None:
            m = display_name_label(line)
            if (
                m is not None
                and m.label != last
                and (m.label in named or _names_a_person(display_name_core(m.label)))
            ):
                out[i] = m
        if out[i] is not None:
            last = out[i].label  # type: ignore[union-attr]
    taking = Counter(m.label for m, before in zip(out, matches) if m is not None and before is None)
    speakers = {label for label, n in taking.items() if n >= 2 or label in named}
    for i, line in enumerate(lines):  # such a speaker's lines right after their own
        if out[i] is None and speakers:
            m = display_name_label(line)
            if m is not None and m.label in speakers:
                out[i] = m
    return out


#: Most characters of a display name read on a label-and-time line beside the usual label
#: shape (:func:`_recurring_timed_labels`): a name and a long note, as NHSmail shows staff in
#: Teams (``WHITFIELD, Hannah (HERTFORDSHIRE PARTNERSHIP UNIVERSITY NHS FOUNDATION TRUST)``).
MAX_TIMED_DISPLAY_NAME_CHARS = 120
_ANY_NAME = rf"(?P<label>[^\s\[\]:][^\t\n\[\]:]{{0,{MAX_TIMED_DISPLAY_NAME_CHARS - 1}}}?)"
#: ``Name  0:03``, ``[Name] 10:02:03`` or Rev's ``Name (00:03):`` alone on a line, the name any
#: characters but a colon, a square bracket or a tab (a table's columns pasted as text) (:data:`TIMED_LINE`'s shape, read by :func:`_recurring_timed_labels`).
_ANY_NAME_TIMED_LINE = re.compile(
    rf"^[ \t]*(?P<bracket>\[)?{_ANY_NAME}[ \t]*(?(bracket)\])[ \t]+{_TIMESTAMP}"
    r"(?(ts_open)[ \t]*:)?[ \t]*$"
)
#: ``Name: words``, the name any characters but a colon (:data:`LABEL_LINE`'s shape, read by
#: :func:`_recurring_timed_labels` for a name with a long note only).
_ANY_NAME_COLON_LINE = re.compile(
    rf"{_OPENING_TIMESTAMP}{_ANY_NAME}[ \t]*:(?:[ \t]+|$)[ \t]*{_TIME_IN_WORDS}"
)
#: ``00:00:03 Name`` or ``[00:00:03.12] - Name`` alone on a line (:data:`TIME_FIRST_LINE`'s
#: shape, read by :func:`_recurring_timed_labels`).
_ANY_NAME_TIME_FIRST_LINE = re.compile(
    rf"^[ \t]*{_TIMESTAMP}[ \t]+(?:[-–—][ \t]+)?(?P<bracket>\[)?{_ANY_NAME}[ \t]*(?(bracket)\])"
    r"[ \t]*$"
)
#: A user name as a video call may show one (``hannah.whitfield``, ``gprice``, ``j_smith2``).
_USER_NAME = re.compile(r"[^\W\d_][\w.@-]{0,39}")
#: A user name of two parts or more joined by a full stop or an underscore, each of two
#: characters or more, the last of four or more (``hannah.whitfield``, ``jo_smith``; not ``e.g``,
#: nor a web site's or a file's name: ``nhs.uk``, ``notes.pdf``), read before a colon.
_DOTTED_USER_NAME = re.compile(r"[^\W\d_]{2,}(?:[._][^\W_]{2,})*[._][^\W_]{4,}")
#: The words after a name that name where the person works (``Gareth Price - Oakwood House``).
_DASH_NOTE = re.compile(r"[ \t]+[-–—][ \t]+")


def timed_line_label(line: str) -> tuple[str, str | None, bool] | None:
    """The name and time of a line holding only a display name and a time, in either order
    (``Hannah Whitfield (Birmingham and Solihull Mental Health NHS FT)  0:03``, ``+44 7700
    900123  0:09``, ``00:00:09 Marie-Claire van der Berg``, Rev's ``Name (00:03):``), whatever
    the name's shape or length up to :data:`MAX_TIMED_DISPLAY_NAME_CHARS`, and whether the time
    comes first; None for any other line, and for a name ending on a full stop (``Q. [00:00:52]``,
    whose label the looser shapes read, :func:`line_labels`). Whether it is a speaker's is
    :func:`_recurring_timed_labels`' to say."""
    m = _timed_line_match(line)
    if m is None:
        return None
    return " ".join(m.group("label").split()), m.group("ts"), m.re is _ANY_NAME_TIME_FIRST_LINE


def _timed_line_match(line: str) -> re.Match[str] | None:
    """The match of :data:`_ANY_NAME_TIMED_LINE` or :data:`_ANY_NAME_TIME_FIRST_LINE` on
    ``line`` (:func:`timed_line_label`), else None."""
    if ":" not in line or len(line) > MAX_TIMED_DISPLAY_NAME_CHARS + 40:
        return None
    for pattern in (_ANY_NAME_TIMED_LINE, _ANY_NAME_TIME_FIRST_LINE):
        m = pattern.match(line)
        if m is not None:
            label = " ".join(m.group("label").split())
            if not label or label.endswith("."):  # "Q. [00:00:52]": the looser shapes' label
                return None
            return m
    return None


def _timed_line_shape(line: str) -> str | None:
    """How a line of only a name and a time is laid out, the name ``N`` and each number of the
    time ``9``, blanks as one: ``N 9:9`` (Otter's ``Jane Smith  0:03``), ``[N] 9:9:9`` (Zoom's),
    ``N (9:9):`` (Rev's), ``9:9:9 N`` (Word's), ``[9:9:9.9] - N`` (Happy Scribe's); None for any
    other line. A speaker's label taken whatever its name's shape must be laid out as the file's
    other labels are (:func:`_recurring_timed_labels`)."""
    m = _timed_line_match(line)
    if m is None:
        return None
    spans = sorted([(*m.span("label"), "N"), (*m.span("ts"), None)], reverse=True)
    out = line
    for start, end, put in spans:
        out = out[:start] + (put or re.sub(r"\d+", "9", out[start:end])) + out[end:]
    return " ".join(out.split())


def _long_note_label(line: str) -> LabelMatch | None:
    """The label of a ``Name: words`` line (a time before it or after its colon, as for any
    label) whose name carries a note longer than :func:`label_fits` allows
    (:func:`is_name_with_a_long_note`: ``WHITFIELD, Hannah (HERTFORDSHIRE PARTNERSHIP
    UNIVERSITY NHS FOUNDATION TRUST): words``), or that is a user name with a full stop or an
    underscore (``hannah.whitfield: words``, :data:`_DOTTED_USER_NAME`); None for any other
    line."""
    m = _ANY_NAME_COLON_LINE.match(line) if ":" in line else None
    if m is None:
        return None
    label = " ".join(m.group("label").split())
    if _DOTTED_USER_NAME.fullmatch(label) is None and (
        label_fits(label) or not is_name_with_a_long_note(label)
    ):
        return None
    ts = m.group("ts") or m.group("ts_words") or m.group("ts_words_bare")
    return LabelMatch(label=label, words_start=m.end(), time=label_time(ts))


def reads_as_a_display_name(label: str) -> bool:
    """Whether ``label``, found alone on a line with a time, reads as the name a video call or
    transcription service shows for a person: a display name (:func:`is_display_name`: ``Marie-
    Claire van der Berg``, ``iPhone``, ``Gareth Price - Oakwood House``, ``+44 7700 900123``),
    or one of at most :data:`MAX_LABEL_CHARS` characters before a note in brackets, after
    ``|`` or after a dash (``WHITFIELD, Hannah (HERTFORDSHIRE ... TRUST)``), or a user name
    (``hannah.whitfield``, ``gprice``); not a transcriber's note (``inaudible``, ``(laughs)``,
    ``[Pause]``: :func:`.annotations.is_annotation`, or anything all in brackets), and not one
    word with no full stop, underscore, ``@`` or digit that is a word of the language or of
    three letters or fewer (``break``, ``pm``, ``yes``, ``early``: :func:`_is_a_word`).
    ``10:30 we met the team`` does not."""
    plain = label.strip()
    if not plain or not _not_a_transcribers_note(plain):
        return False
    if " " not in plain and _is_a_word(plain):
        return False
    if is_display_name(plain) or is_name_with_a_long_note(plain):
        return True
    return _USER_NAME.fullmatch(plain) is not None and any(c.isalpha() for c in plain)


#: The word lists a one-word user name is never from (:func:`_is_a_word`): everyday words, words
#: of no name, stop words and what a transcriber writes.
_NOT_A_USER_NAME = (*_NOT_A_DISPLAY_NAME_WORD, "stop_words_en.txt", "stop_words_spoken.txt")


def _is_a_word(token: str) -> bool:
    """Whether ``token``, one word with no full stop, underscore, ``@``, digit or capital after
    its first letter, reads as a word of talk rather than a user name: three letters or fewer (``pm``, ``ok``, ``bus``), or in the
    lists :data:`_NOT_A_USER_NAME` (``break``, ``handover``, ``early``) or of given names that
    are words (``Will``, ``Hope``) when written in lower case."""
    if any(c in token for c in "._@") or any(c.isdigit() or c.isupper() for c in token[1:]):
        return False  # a user name, a device's or a name's capital inside: iPhone, McKay
    word = token.casefold().strip("-'’")
    if len(word) <= 3:
        return True
    if any(word in packaged_words(f) for f in _NOT_A_USER_NAME):
        return token[:1].islower() or not any(
            word in packaged_words(f) for f in _NAMES_THAT_ARE_WORDS
        )
    return False


def is_name_with_a_long_note(label: str) -> bool:
    """Whether ``label`` is a display name (:func:`is_display_name`) of at most
    :data:`MAX_LABEL_CHARS` characters with a note after it in brackets, after ``|`` or after a
    dash, all of it at most :data:`MAX_TIMED_DISPLAY_NAME_CHARS` characters: ``Hannah Whitfield
    (Birmingham and Solihull Mental Health NHS FT)``, ``WHITFIELD, Hannah (HERTFORDSHIRE
    PARTNERSHIP UNIVERSITY NHS FOUNDATION TRUST)``, as Teams shows staff of the NHS, whose
    note :func:`label_fits` finds too long."""
    if len(label) > MAX_TIMED_DISPLAY_NAME_CHARS:
        return False
    name = _name_of(label)
    if name == label:
        name = _DASH_NOTE.split(label, maxsplit=1)[0]
    return name != label and 0 < len(name) <= MAX_LABEL_CHARS and is_display_name(name)


def _recurring_timed_labels(
    lines: Sequence[str],
    matches: Sequence[LabelMatch | None],
    interviewer_labels: Sequence[str] | None,
) -> list[LabelMatch | None]:
    """``matches`` with the labels of the lines that open with none and hold only a display name
    and a time, in either order (:func:`timed_line_label`), where the name is one the usual
    label shapes refuse (too long a note, a telephone number, a particle, a dash, ``iPhone``, a
    user name): an Otter, Rev, Teams, Zoom, Word Transcribe, Happy Scribe or Trint layout of
    names above the words. Such a name is a speaker when the researcher names it with
    ``--interviewer`` or ``--participant`` (as written, any case, blanks as one); else only
    beside another speaker the usual label shapes read on lines of their own (its own lines are
    no evidence), on lines laid out as that speaker's are (:func:`_timed_line_shape`: time first
    or after, bracketed or not, as many numbers), at times between the labels around it, when
    it reads as a display name (:func:`reads_as_a_display_name`) and labels two or more such
    lines with another speaker's label between them, as a speaker's labels take turns.
    A name with a note too long for :func:`label_fits`, or a user name (:func:`_long_note_label`),
    opening two or more ``Name: words`` lines with another speaker's label between them, or named
    by the researcher, is a speaker too, in a file where the usual shapes read another."""
    named = {" ".join(n.split()).casefold() for n in named_people(interviewer_labels)}
    out = list(matches)
    alone = [
        i
        for i, (m, line) in enumerate(zip(matches, lines))
        if m and not line[m.words_start :].strip()
    ]
    usual = {i: m.label for i in alone if (m := matches[i]) is not None}
    for i, (line, m) in enumerate(zip(lines, matches)):  # the researcher's names first
        t = None if m is not None or not named else timed_line_label(line)
        if t is not None and t[0].casefold() in named and _not_a_transcribers_note(t[0]):
            out[i] = LabelMatch(t[0], len(line), label_time(t[1]), timed=True)
            usual[i] = t[0]
    usual = dict(sorted(usual.items()))
    shapes = {shape for i in usual if (shape := _timed_line_shape(lines[i])) is not None}
    timed: dict[int, tuple[str, str | None]] = {}
    for i, (line, m) in enumerate(zip(lines, out)):
        t = None if m is not None or not shapes else timed_line_label(line)
        if t is not None and t[0] not in usual.values() and _timed_line_shape(line) in shapes:
            timed[i] = t[:2]
    for label in {label for label, _ in timed.values()}:
        at = [
            i
            for i, (said, ts) in timed.items()
            if said == label and _in_time(label_time(ts), i, usual, out)
        ]
        if _taken_as_a_speaker(label, at, usual, named, reads_as_a_display_name):
            for i in at:
                out[i] = LabelMatch(label, len(lines[i]), label_time(timed[i][1]), timed=True)
    said = {i: m.label for i, m in enumerate(out) if m is not None}
    noted = {
        i: m for i, line in enumerate(lines) if out[i] is None and (m := _long_note_label(line))
    }
    for label in {m.label for m in noted.values()}:
        at = [i for i, m in noted.items() if m.label == label]
        if _taken_as_a_speaker(label, at, said, named, _not_a_transcribers_note):
            for i in at:
                out[i] = noted[i]
    return out


def _words_with_a_time(
    matches: Sequence[LabelMatch | None], interviewer_labels: Sequence[str] | None
) -> list[LabelMatch | None]:
    """``matches`` without the labels of lines of only a name and a time (``until  15:30``,
    ``by 10:00``) whose name is one lower-case word of talk (:func:`_is_a_word`: ``until``,
    ``at``, ``then``) the researcher did not name: words said before a time, no speaker's."""
    named = {" ".join(n.split()).casefold() for n in named_people(interviewer_labels)}
    return [
        None
        if m is not None
        and m.timed
        and " " not in m.label
        and m.label[:1].islower()
        and _is_a_word(m.label)
        and m.label.casefold() not in named
        else m
        for m in matches
    ]


def _not_a_transcribers_note(label: str) -> bool:
    """Whether ``label`` may be a speaker's: no transcriber's note (:func:`.annotations.
    is_annotation`, or all in brackets), as the labels :func:`_long_note_label` and
    :func:`_recurring_timed_labels` take must not be."""
    return not all_bracketed(label) and not is_annotation(label)


def _taken_as_a_speaker(
    label: str,
    at: list[int],
    others: dict[int, str],
    named: set[str],
    reads_as_a_name: Callable[[str], bool],
) -> bool:
    """Whether ``label``, on the lines ``at``, is a speaker's (:func:`_recurring_timed_labels`):
    another speaker's label (``others``: line -> label, read by the usual shapes) is in the file,
    and it ``reads_as_a_name`` and labels two or more lines with another speaker's label between
    two of them; or the researcher named ``label`` (``named``, folded). Never a transcriber's
    note."""
    if not _not_a_transcribers_note(label):
        return False
    if label.casefold() in named:
        return True
    if not any(other != label for other in others.values()):
        return False
    if len(at) < 2 or not reads_as_a_name(label):
        return False
    return any(at[0] < i < at[-1] and other != label for i, other in others.items())


def _in_time(
    time: float | None, at: int, usual: dict[int, str], matches: Sequence[LabelMatch | None]
) -> bool:
    """Whether ``time``, of a label on line ``at``, falls between the times of the labels of the
    lines ``usual`` before and after it (a label's time never goes back), where both have one."""
    if time is None:
        return True
    before = [t for i in usual if i < at and (t := _time_of(matches[i])) is not None]
    after = [t for i in usual if i > at and (t := _time_of(matches[i])) is not None]
    return (not before or before[-1] <= time) and (not after or time <= after[0])


def _time_of(match: LabelMatch | None) -> float | None:
    """The time of ``match``, None when it has none."""
    return None if match is None else match.time


def match_loose_label(line: str) -> LabelMatch | None:
    """The candidate label at the start of ``line`` in a looser shape (``Interviewer:What?``,
    ``P23 - words``), taken by :func:`line_labels` only for labels whose form it knows."""
    for pattern, form in _LOOSE_SHAPES:
        m = pattern.match(line)
        if m is None:
            continue
        label = " ".join(m.group("label").split())
        if not label or len(label) > MAX_LABEL_CHARS or not any(c.isalpha() for c in label):
            continue
        ts = m.group("ts") or m.group("ts_after")
        return LabelMatch(
            label=label,
            words_start=m.end(),
            time=label_time(ts),
            form=form,
        )
    return None


def names_a_known_speaker(
    label: str, speakers: Iterable[str], interviewer_labels: Iterable[str] | None = None
) -> bool:
    """Whether ``label`` names a speaker whose form the reader knows: a role (an interviewer
    label, a participant number), a numbered speaker (``Speaker 2``), or one of the file's
    ``speakers`` (case-folded), as a label in a looser shape or place is taken."""
    return (
        _names_a_role(label, interviewer_labels)
        or is_speaker_number_label(label)
        or label.casefold() in speakers
    )


def names_the_one_who_answers(label: str) -> bool:
    """Whether ``label`` is a label of the one who answers that the reader takes in a looser
    shape or alone on its line with no role naming it (``A.``, ``R``, ``PARTICIPANT``)."""
    return label.casefold() in _ANSWER_LABELS | _LONE_ANSWER_LABELS


def _names_a_role(label: str, interviewer_labels: Iterable[str] | None) -> bool:
    return (
        interviewer_keys(interviewer_labels).known(label)
        or participant_number_label(label) is not None
    )


def line_labels(
    lines: Sequence[str],
    interviewer_labels: Sequence[str] | None = None,
    *,
    set_apart: Sequence[bool] | None = None,
    named: Sequence[bool] | None = None,
) -> list[LabelMatch | None]:
    """The speaker label each of ``lines`` opens with, where it is taken as a speaker
    (:func:`accepted_labels`; a label-and-time line only where two or more lines are one; the
    looser shapes of the module docstring on lines that open with no speaker). ``set_apart``
    marks the lines the reader found set apart, all in bold or a heading, where a capitalised
    name alone may be a speaker (``**Sam Roe**`` above the words). ``named`` marks the lines
    (given empty) whose speaker the file names otherwise, a cue's voice tag or captioner's
    ``[Name]`` mark: the talk has begun at the first, so no line below it is the file's header
    (``Note: they pay more, who can blame them?``, a cue with no mark after the marked ones,
    is talk said once, no header field's line and so no speaker 'Note'). The labels are read on
    each line's :func:`label_view` (decomposed accents, a no-break space, a zero-width space in
    a label), their offsets in the lines as written; a MAXQDA or f4 time mark opening a line is
    read as a timestamp (:func:`.timecodes.opening_mark_as_timestamp`)."""
    lines = [opening_mark_as_timestamp(line) for line in lines]  # of the same length
    views = [label_view(line) for line in lines]
    matches = [_match_label(view, interviewer_labels) for view, _ in views]
    views, matches = _zero_width_left_out(lines, views, matches, interviewer_labels)
    matches = one_spelling(matches)
    lines = [view for view, _ in views]
    matches = _display_name_labels(lines, matches, interviewer_labels)
    matches = _words_with_a_time(matches, interviewer_labels)
    unread = matches
    matches = _recurring_timed_labels(lines, matches, interviewer_labels)
    # speakers whatever their name's shape: not for the rules on labels of the usual shape
    any_shape = {m.label for m, before in zip(matches, unread) if m is not None and before is None}
    if sum(1 for m in matches if m is not None and m.timed) < 2:
        matches = [None if m is not None and m.timed else m for m in matches]
    accepted = accepted_labels(
        [m.label for m in matches if m],
        interviewer_labels,
        in_turn_layout=_initialled_in_turn_layout(matches),
    )
    accepted |= _job_titles_said_once(lines, matches, accepted)
    accepted -= _job_titles_quoted_in_answers(lines, matches, accepted, interviewer_labels)
    accepted -= _dash_labels_before_a_colon(lines, matches, accepted)
    accepted -= _phrases_below_empty_labels(lines, matches, accepted, interviewer_labels)
    accepted -= _timed_lines_in_an_answer(lines, matches, accepted, interviewer_labels)
    candidates = [None if m is None else m.label for m in matches]
    said = [line if m is None else line[m.words_start :] for line, m in zip(lines, matches)]
    title_block = header_lines(candidates, said)
    if named is not None and any(named):
        talk_begins = list(named).index(True)
        title_block = {i for i in title_block if i < talk_begins}
    values = field_values_in_talk(candidates, said, title_block)
    between = field_lines_between_turns(candidates, said, title_block)
    accepted -= words_not_speakers(
        matches, interviewer_labels, title_block=title_block | between, values=values - between
    )
    accepted |= _initials_taking_turns(
        lines, matches, accepted, interviewer_labels, title_block | between
    )
    accepted |= _capitals_taking_turns(lines, matches, accepted, title_block | between)
    accepted |= any_shape
    found = [m if m is not None and m.label in accepted else None for m in matches]
    found = _labels_after_an_end_marker(lines, matches, found)
    found = _once_beside_loose_labels(
        lines,
        found,
        _with_loose_labels(lines, found, interviewer_labels, set_apart, title_block | between),
        interviewer_labels,
        title_block | between,
        values - between,
    )
    found = _with_collective_replies(lines, matches, found, title_block | between)
    below = talk_below_lone_labels(
        [None if m is None else m.label for m in found],
        [line if m is None else line[m.words_start :] for line, m in zip(lines, found)],
    )
    found = _times_alone_after_labels(lines, found, title_block | between)
    found = [None if i in below else m for i, m in enumerate(found)]
    found = _timed_labels_saying_nothing(lines, found, interviewer_labels)
    return [None if m is None else _in_line(m, views[i][1]) for i, m in enumerate(found)]


def _phrases_below_empty_labels(
    lines: Sequence[str],
    matches: Sequence[LabelMatch | None],
    accepted: Collection[str],
    interviewer_labels: Sequence[str] | None,
) -> set[str]:
    """The labels of ``accepted`` before a colon each of whose lines comes right below (blank
    lines aside) another speaker's label holding its line with no words (Otter's ``Zoë Adams
    0:06``, Rev's ``Zoë Adams (00:00:06):``): the words of that speaker's turn opening with a
    phrase (``Here's the thing: ...``, ``Short answer: ...``, twice), not a speaker of their own
    (session 82, messy12 class A); never a role label, a participant number or a label the
    researcher names."""
    keys = interviewer_keys(interviewer_labels)
    below: dict[str, bool] = {}
    previous: tuple[str, LabelMatch | None] = ("", None)
    for line, m in zip(lines, matches):
        if not line.strip():
            continue
        if m is not None and m.label in accepted and m.form == "colon" and not m.timed:
            above, p = previous
            said_nothing = (
                p is not None
                and p.label in accepted
                and p.label != m.label
                and not above[p.words_start :].strip()
            )
            below[m.label] = below.get(m.label, True) and said_nothing
        previous = (line, m)
    return {
        label
        for label, always in below.items()
        if always
        and not keys.known(label)
        and participant_number_label(label) is None
        and not is_interviewee_role_label(_name_of(label))
        and not is_speaker_number_label(label)
    }


#: The time of a label-and-time line's shape (:func:`_timed_line_shape`): ``9:9:9``, where
#: Otter's ``9:9`` gains an hour's mark past the first hour.
_SHAPE_HOURS = re.compile(r"9:9:9")
#: A fraction of a second in such a shape (``[9:9:9.9] - N``), which a line typed by hand
#: leaves out (``[00:00:57] - Mary Okafor`` among ``[00:00:56.00] - Hannah Whitfield``).
_SHAPE_FRACTION = re.compile(r"(?<=:9)[.,]9")


def _layout(line: str) -> str:
    """How a label-and-time ``line`` is laid out (:func:`_timed_line_shape`), any fraction of
    a second left out; empty for any other line."""
    return _SHAPE_FRACTION.sub("", _timed_line_shape(line) or "")


def _timed_lines_in_an_answer(
    lines: Sequence[str],
    matches: Sequence[LabelMatch | None],
    accepted: Collection[str],
    interviewer_labels: Sequence[str] | None,
) -> set[str]:
    """The labels of ``accepted`` each of whose lines holds only it and a time (``Ward 3
    2:30``) and that take no turns (one line, or lines with no other speaker's label between
    them), in a file whose speakers that take turns open two lines or more laid out otherwise
    (``P04: words``; ``Sarah Jones  00:00:05`` where its lines are ``Ward 3  2:30``): a rota
    read out in an answer (``Dr. Smith  1:15``, ``Ward 3  2:30``), the words of the turn above,
    not a speaker (session 83, readfix item 4: ``Ward 3`` opened a participant's turn). A label
    the researcher names stays one, and so does one laid out as the others are, at any time
    (``Mary Okafor  0:57`` interjecting once, her time out of order after a restart), or with
    an hour's mark the others lack (``Sam Roe  1:02:03`` among ``Jo Lee  58:10``: a speaker
    first heard past the first hour)."""
    keys = interviewer_keys(interviewer_labels)
    at: dict[str, list[int]] = {}
    for i, m in enumerate(matches):
        if m is not None and m.label in accepted:
            at.setdefault(m.label, []).append(i)
    every = sorted(i for seen in at.values() for i in seen)
    quiet = {
        label
        for label, mine in at.items()
        if not keys.known(label)
        and all(m.timed for i in mine if (m := matches[i]) is not None)
        and not any(mine[0] < i < mine[-1] and i not in mine for i in every)
    }
    others = dict(  # the speakers taking turns: no header's field (Date:), each said twice
        sorted(
            (i, label)
            for label, seen in at.items()
            if label not in quiet and len(seen) > 1 and not is_header_field(label)
            for i in seen
        )
    )
    if len(others) < 2:
        return set()
    shapes = {
        shape
        for i in others
        if (m := matches[i]) is not None and m.timed and (shape := _layout(lines[i]))
    }
    hourless = {_SHAPE_HOURS.sub("9:9", shape) for shape in shapes}

    def laid_out_as_the_others(shape: str) -> bool:
        """``shape`` is the speakers', or theirs with an hour's mark (heard past the hour)."""
        past_the_hour = _SHAPE_HOURS.search(shape) is not None
        return shape in shapes or (past_the_hour and _SHAPE_HOURS.sub("9:9", shape) in hourless)

    return {
        label
        for label in quiet
        if not all(laid_out_as_the_others(_layout(lines[i])) for i in at[label])
    }


#: A dash between blanks inside a label (``P23 – Staffing``).
_DASH_IN_LABEL = re.compile(r"[ \t]+[-–—][ \t]+")


def _dash_labels_before_a_colon(
    lines: Sequence[str], matches: Sequence[LabelMatch | None], accepted: Collection[str]
) -> set[str]:
    """The labels of ``accepted`` that are a dash line's label, a dash and the first words of its
    talk before a colon (``P23 – Staffing: we never had enough.`` twice, in a file whose other
    lines are ``P23 – words``, :data:`DASH_LINE`): the part before the dash opens a line of the
    file in the dash's shape with no label before a colon, so the line is that speaker's, its
    words from the dash on, as the looser shapes read it (:func:`_with_loose_labels`). A label
    of that shape whose first part opens no such line is a speaker (``P05 – Amir:``)."""
    heads = set()
    for line, m in zip(lines, matches):
        dash = DASH_LINE.match(line) if m is None else None
        if dash is not None:
            heads.add(" ".join(dash.group("label").split()))
    return {
        label
        for label in accepted
        if len(parts := _DASH_IN_LABEL.split(label, maxsplit=1)) == 2 and parts[0] in heads
    }


def _timed_labels_saying_nothing(
    lines: Sequence[str],
    found: Sequence[LabelMatch | None],
    interviewer_labels: Sequence[str] | None,
) -> list[LabelMatch | None]:
    """``found``, a label each of whose lines has a time and nothing after it, neither on the
    line nor below it before the next label, left as the words of the turns above them: a list read out
    in an answer (``Amy Lee  07:30`` / ``Ben Cole  08:00``, ``ICU  1:15`` / ``HDU  1:18``, a
    day's ``Handover  8:00`` twice) would open turns with no words, which a transcript leaves
    out, and so its lines were in no turn's text (session 81 hunt9 F1: 9 words gone). A label
    the researcher names, or on the file's first labelled line, stays one, and so does one that
    says anything at all: a speaker whose every turn is a number (``28.``, ``2019``) or ``...``
    was merged into the turn above when only letters counted as words (hunt12 F2)."""
    keys = interviewer_keys(interviewer_labels)
    labelled = [i for i, m in enumerate(found) if m is not None]
    lines_of: dict[str, list[int]] = {}
    says: set[str] = set()
    for k, i in enumerate(labelled):
        m = found[i]
        assert m is not None
        lines_of.setdefault(m.label, []).append(i)
        end = labelled[k + 1] if k + 1 < len(labelled) else len(lines)
        words = (lines[i][m.words_start :], *lines[i + 1 : end])
        if k == 0 or (m.time is None and not m.timed) or any(_says(x) for x in words):
            says.add(m.label)
    silent = {label for label in lines_of if label not in says and not keys.known(label)}
    return [None if m is not None and m.label in silent else m for m in found]


#: a time as a line under its label gives it (Otter's name above its time: ``Amy L.`` / ``07:30``)
_A_TIME = re.compile(r"[\[(]?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,9})?[\])]?")


def _says(line: str) -> bool:
    """Whether ``line``, below a label or after it, says anything besides a time: letters, a
    number (``28.``), a mark (``...``)."""
    return bool(_A_TIME.sub("", line).strip())


#: A recording's time opening the rest of a label's line (``Q.: [00:00:05]``, ``Q: 00:00:05``,
#: ``A. (0:12)``): in brackets, or bare with hours and seconds (``P04: 12:30`` may answer "what
#: time?"); it holds the line alone where only blanks and a colon follow it
#: (:func:`_times_alone_after_labels`, which checks those without a pattern: two runs of blanks
#: around an optional colon before the line's end are quadratic in a long run of blanks).
_TIME_ALONE_AFTER = re.compile(
    rf"[ \t]*(?:[\[(][ \t]*(?P<bracketed>{_BRACKETED})[ \t]*[\])]"
    rf"|(?P<bare>\d{{1,2}}:\d{{2}}:\d{{2}}(?:[.,]\d{{1,9}})?))"
)


def _times_alone_after_labels(
    lines: Sequence[str], found: Sequence[LabelMatch | None], header: Collection[int]
) -> list[LabelMatch | None]:
    """``found``, a label whose line holds only a time after it (:data:`_TIME_ALONE_AFTER`)
    taking that time as its turn's, its words none, where the next line with words has no label
    (the turn's words are below it): ``Q.: [00:00:05]`` / ``How did ...?`` opens the
    interviewer's turn at 5 s as ``Interviewer: [00:00:05]`` does (the question marker's words
    were the time, and in Word the paragraph below was read as the answer: s71 tester). A header
    field's line (``Start time: 14:00:00``) keeps its value, and a time said with the next label
    right below it (``P04: 00:45:00`` / ``Interviewer: Thanks.``) is the speaker's words."""
    out = list(found)
    for i, m in enumerate(found):
        if m is None or m.time is not None or m.timed or i in header or is_header_field(m.label):
            continue
        alone = _TIME_ALONE_AFTER.match(lines[i], m.words_start)
        if alone is None or lines[i][alone.end() :].strip(" \t") not in ("", ":"):
            continue
        below = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        if below is None or found[below] is not None:
            continue
        ts = alone.group("bracketed") or alone.group("bare")
        out[i] = dataclasses.replace(m, words_start=len(lines[i]), time=label_time(ts))
    return out


#: Fewest other speakers a file labels for a collective reply's label said there
#: (``Several voices:``, ``Everyone:``) to be one: a group's facilitator and two members.
MIN_SPEAKERS_BESIDE_COLLECTIVE = 3
#: Most words of a reply labelled by a word that may open a line of talk (``All: Yes, mostly.``:
#: :data:`~.roles.COLLECTIVE_LABEL_WORDS`); a longer line is talk (a member reading out a list's
#: ``All: Managers, nurses and support workers, by March.``: s83 hunt18, C1).
MAX_WORDS_OF_A_SHORT_COLLECTIVE_REPLY = 8


def _with_collective_replies(
    lines: Sequence[str],
    matches: Sequence[LabelMatch | None],
    found: list[LabelMatch | None],
    title_block: Collection[int],
) -> list[LabelMatch | None]:
    """``found`` with the labels of a reply of several people at once (``Several voices: Yeah.
    Mm.``, ``Everyone: [laughter]``: :func:`~.roles.is_collective_label`) taken as labels,
    said once too, where the file labels :data:`MIN_SPEAKERS_BESIDE_COLLECTIVE` or more
    other speakers: such a line ends the turn above it, and its turn is no one's
    (:func:`.render.finish_transcript`). Read as talk, it was the words of the member above it
    (session 62, focus tester, finding 1). In a one-to-one interview ``All: the whole team``
    stays the answer's words. A word that may open a line of talk (``All``, ``Several``,
    ``Group``: :data:`~.roles.COLLECTIVE_LABEL_WORDS`) is one only before words that open a
    sentence, in a short reply (:data:`MAX_WORDS_OF_A_SHORT_COLLECTIVE_REPLY` words at most)
    with no unlabelled line below it: ``All: Yes, mostly.`` is a reply, ``All: of it was
    useless`` the answer's words, and so is a list's line a member reads out, ``All: Managers,
    nurses and support workers, by March.`` with her words going on below it."""
    others = {
        m.label.casefold() for m in found if m is not None and not is_collective_label(m.label)
    }
    if len(others) < MIN_SPEAKERS_BESIDE_COLLECTIVE:
        return found
    words_labels = packaged_words(COLLECTIVE_LABEL_WORDS)

    def labelled(j: int) -> bool:
        m = matches[j]
        return found[j] is not None or (m is not None and is_collective_label(m.label))

    def short_reply(i: int, m: LabelMatch) -> bool:
        words = lines[i][m.words_start :].strip()
        below = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        return (
            (words[:1].isupper() or words[:1] in ("[", "("))
            and len(words.split()) <= MAX_WORDS_OF_A_SHORT_COLLECTIVE_REPLY
            and (below is None or labelled(below))
        )

    return [
        m
        if f is None
        and m is not None
        and i not in title_block
        and not m.timed
        and is_collective_label(m.label)
        and (m.label.casefold() not in words_labels or short_reply(i, m))
        else f
        for i, (m, f) in enumerate(zip(matches, found, strict=True))
    ]


def _once_beside_loose_labels(
    lines: Sequence[str],
    found: Sequence[LabelMatch | None],
    loose: list[LabelMatch | None],
    interviewer_labels: Sequence[str] | None,
    title_block: Collection[int],
    values: Collection[int],
) -> list[LabelMatch | None]:
    """``loose`` (``found`` with the labels of the looser shapes) without the labels of
    ``found`` that :func:`words_not_speakers` reads as talk beside the looser ones, where the
    file's speakers are labelled only so (``Q. words`` / ``A. words``, ``INTERVIEWER`` alone on
    its line): ``Training: the mandatory stuff is all online`` inside an answer, said once, is
    the answer's words, as it is beside ``Q:`` and ``A:``. Judged before the looser labels were
    found, no label recurred beside it, so it was kept as a speaker 'Training'. Only a word
    a transcriber writes inside talk is so read: not one in capitals, which may be a second
    interviewer's initials (``KP: Sorry, just to follow up, who paid ...?``), nor one whose
    line asks (:func:`.roles.asks`), as a co-interviewer's follow-up does; they stay speakers,
    and a stray who only asks is read as a second interviewer, with a warning (:mod:`.roles`)."""
    if all(m is None or f is not None for f, m in zip(found, loose, strict=True)):
        return loose
    talk = words_not_speakers(loose, interviewer_labels, title_block=title_block, values=values)
    return [
        None
        if f is not None
        and f.label in talk
        and not name_before_brackets(f.label).isupper()
        and not asks(line[f.words_start :])
        else m
        for line, f, m in zip(lines, found, loose, strict=True)
    ]


def _labels_after_an_end_marker(
    lines: Sequence[str],
    matches: Sequence[LabelMatch | None],
    found: list[LabelMatch | None],
) -> list[LabelMatch | None]:
    """``found`` with the labels of the lines after a transcriber's end marker taken as
    speakers' (:func:`marks_the_end`; below a speaker's line): one who joins after
    "[Recording stopped]" may speak once (``Peer worker: Can I just add ...``), and a second
    recording may be typed with new labels. Not a footer's label (``Confidential:``,
    :func:`is_footer_label`) nor a header field's (``Date:``) unless it names a role, nor a
    label with a time."""
    out = list(found)
    spoke = after_marker = False
    for i, (line, m) in enumerate(zip(lines, matches, strict=True)):
        if out[i] is not None:
            spoke = True
        elif m is None:
            after_marker = after_marker or (spoke and marks_the_end(line))
        elif after_marker and not m.timed and _is_speakers(m.label):
            out[i] = m
    return out


def _zero_width_left_out(
    lines: Sequence[str],
    views: list[tuple[str, list[int] | None]],
    matches: list[LabelMatch | None],
    interviewer_labels: Sequence[str] | None,
) -> tuple[list[tuple[str, list[int] | None]], list[LabelMatch | None]]:
    """``views`` of ``lines`` and the ``matches`` on them, each line whose label holds a
    character of no width between two letters (read as a space) read with it left out instead
    where that reading names a role (an interviewer's label, a participant or speaker number, a
    label the researcher names) and the spaced one does not, or another line's label and the
    spaced one names neither: ``Inter\u200bviewer:`` is the interviewer, ``Sar\u200bah Khan:``
    is ``Sarah Khan`` in a file that names her so, as text pasted from a web page leaves them;
    ``Sarah\u200bKhan:`` and ``Main\u200bissue:`` (talk) keep the space."""
    views, matches = list(views), list(matches)
    counts = Counter(m.label.casefold() for m in matches if m is not None)
    for i, line in enumerate(lines):
        if views[i][1] is None:
            continue
        joined = label_view(line, joined=True)
        if joined[0] == views[i][0]:
            continue
        m, jm = matches[i], _match_label(joined[0], interviewer_labels)
        if jm is None or (m is not None and m.label == jm.label):
            continue
        spaced = None if m is None else m.label
        if _read_whole(spaced, jm.label, _others(counts, spaced), interviewer_labels):
            views[i], matches[i] = joined, jm
    return views, matches


def _others(counts: Counter[str], label: str | None) -> set[str]:
    """The labels (case-folded) of ``counts`` that some line other than one of ``label``'s has."""
    own = None if label is None else label.casefold()
    return {other for other, n in counts.items() if n > (1 if other == own else 0)}


def _read_whole(
    spaced: str | None,
    joined: str,
    others: Collection[str],
    interviewer_labels: Sequence[str] | None,
) -> bool:
    """Whether a label read with its characters of no width left out (``joined``) is the
    label, rather than read with them as spaces (``spaced``, None when that reading is no
    label): it names a role and the spaced one does not, or one of the ``others`` (case-folded)
    and the spaced one names neither."""
    if spaced is not None and names_a_known_speaker(spaced, (), interviewer_labels):
        # both may name one (a label's words may be parted any way: "Hannah Whit field" is
        # "Hannah Whitfield"): the spelling the researcher gave or the file repeats is its name
        for given in ({x.casefold() for x in interviewer_labels or ()}, others):
            if joined.casefold() in given and spaced.casefold() not in given:
                return True
        return False
    # a role outweighs a label the file repeats: "Inter\u200bviewer" on every question
    return names_a_known_speaker(joined, (), interviewer_labels) or (
        (spaced is None or spaced.casefold() not in others) and joined.casefold() in others
    )


def voices_read_whole(
    voices: Sequence[str | None],
    labels: Sequence[LabelMatch | None],
    interviewer_labels: Sequence[str] | None = None,
) -> list[str | None]:
    """The speakers of cues' voice tags (``<v Inter\u200bviewer>``; None for a cue with
    none), read as :func:`line_labels` reads a label: a character of no width in a word left out
    where that names a role or another cue's speaker (``labels``: the cues' labels), and a name
    the same as an earlier one but for such characters named as that one. A voice left as it is
    is given as it is."""
    names = [None if v is None else speaker_name(v) for v in voices]
    counts = Counter(
        n.casefold() for n in [*names, *(m.label for m in labels if m is not None)] if n
    )
    first: dict[str, str] = {}
    out: list[str | None] = []
    for voice, name, m in zip(voices, names, labels, strict=True):
        if voice is not None and name is not None:
            joined = " ".join(label_view(voice, joined=True)[0].split())
            others = _others(counts, name)
            if joined != name and _read_whole(name, joined, others, interviewer_labels):
                name = joined
            name = _first_spelling(first, name)
            voice = voice if name == speaker_name(voice) else name
        elif m is not None:
            _first_spelling(first, m.label)
        out.append(voice)
    return out


def one_spelling(matches: Sequence[LabelMatch | None]) -> list[LabelMatch | None]:
    """``matches`` with each label the same as an earlier one but for characters of no width
    (:func:`~.roles.without_zero_width`: a Persian name typed with and without its non-joiner)
    named as that earlier one: one speaker, named as the file first spells them."""
    first: dict[str, str] = {}
    out: list[LabelMatch | None] = []
    for m in matches:
        if m is not None:
            label = _first_spelling(first, m.label)
            m = m if label == m.label else dataclasses.replace(m, label=label)
        out.append(m)
    return out


def _first_spelling(first: dict[str, str], label: str) -> str:
    """The first of the labels seen so far (``first``, by :func:`~.roles.without_zero_width`)
    that ``label`` is but for characters of no width, else ``label`` (a spelling that differs
    only in case is kept: :func:`~.roles.first_spellings` names those)."""
    earlier = first.setdefault(without_zero_width(label), label)
    return label if earlier.casefold() == label.casefold() else earlier


#: Header fields that name a person, with the role of the person they name: pseudonymising adds
#: the name to the key with that person's pseudonym (:func:`header_people`).
PERSON_FIELDS: dict[str, str] = {
    "name": "participant",
    "full name": "participant",
    "participant name": "participant",
    "interviewee name": "participant",
    "respondent name": "participant",
    "interviewer name": "interviewer",
}


def _field(label: str) -> str:
    return " ".join(label.casefold().split())


def is_header_field(label: str) -> bool:
    """Whether ``label`` is the name of a transcript header's field (``Date``, ``Participant
    ID``; ``data/transcript_header_fields.txt`` and :data:`PERSON_FIELDS`), in any case and
    spacing."""
    field = _field(label)
    return field in PERSON_FIELDS or field in packaged_words("transcript_header_fields.txt")


def is_transcriber_note_field(label: str) -> bool:
    """Whether ``label`` is a header field's name a transcriber also opens a note between
    turns with (``Note``, ``Location``, ``Comment``; ``data/transcriber_note_fields.txt``), in
    any case and spacing: never a speaker by the lines it comes after."""
    return is_header_field(label) and _field(label) in packaged_words("transcriber_note_fields.txt")


#: Labels of the one interviewed that a header may give a name after (``Interviewee: Gareth
#: Price``); an interviewer's label may too (``Interviewer: Hannah Whitfield``).
_INTERVIEWEE_LABELS = frozenset({"interviewee", "respondent", "participant", "informant"})
#: A person's name as a header gives it: two to four capitalised words or initials
#: (``Hannah Whitfield``, ``H. Whitfield``, ``Mary-Jane O'Neill``), nothing else on the line.
_PERSON_WORD = rf"[^\W\d_][\w{MARKS}'’.-]*"
_PERSON_NAME = re.compile(rf"{_PERSON_WORD}(?:[ \t]+{_PERSON_WORD}){{1,3}}")


def _is_common_word(word: str) -> bool:
    """Whether ``word`` is a stop word or greeting of ``data/stop_words_en.txt`` or
    ``data/stop_words_spoken.txt`` ("Yes", "Morning"), which no name is made of alone; not the
    names among them (``data/stop_word_names.txt``: "Will", "May")."""
    from ..open_coding import english_stop_words

    word = word.casefold().strip(".")
    return word in english_stop_words() and word not in packaged_words("stop_word_names.txt")


def person_line_role(label: str, said: str) -> str | None:
    """``interviewer`` or ``participant`` when a labelled line gives a person's name after a
    role's label (``Interviewer: Hannah Whitfield``, ``Interviewee: Gareth Price``), as a
    transcript's header does, else None. A name is two to four capitalised words, none of them
    a stop word or greeting of ``data/stop_words_en.txt`` or ``data/stop_words_spoken.txt``
    ("Interviewer: Good Morning" is talk)."""
    name = " ".join(said.split())
    if not _PERSON_NAME.fullmatch(name) or not _is_capitalised(name):
        return None
    if any(
        _is_common_word(w) or w.casefold() in packaged_words("not_names.txt") for w in name.split()
    ):
        return None  # talk, or a role: "Interviewer: Good Morning", "Participant: Ward Manager"
    if label in interviewer_keys(None):
        return "interviewer"
    return "participant" if _field(label) in _INTERVIEWEE_LABELS else None


def introduces_a_person(label: str, said: str) -> str | None:
    """``interviewer`` or ``participant`` when a labelled line names a person after a role's
    label as a header does (:func:`person_line_role`), with or without a description of them
    after a comma, a dash or in brackets (``Participant: Maria Okafor, registered manager,
    Oakwood supported living``, ``Interviewee: John Smith, Head of Nursing, Leeds Teaching
    Hospitals NHS Trust``, ``Interviewee: Maria Okafor (registered manager)``, ``Participant:
    Fiona Walsh - registered manager - Rosewood``: :func:`_description_parts`), else None. Each
    part of the description is a role's or a service's words (:func:`_describes_a_person`);
    talk after a name (``Maria Okafor, I think, was ...``, ``Maria Okafor (laughs) yes ...``)
    and talk opening with a word and a comma (``Well, I think, you know ...``) name no one."""
    value = " ".join(said.split())
    name = leading_name(value)
    role = person_line_role(label, name) or _pseudonym_line_role(label, name)
    rest = value[len(name) :].strip()
    if role is None or not rest:
        return role
    parts = _description_parts(rest)
    return role if parts and all(_describes_a_person(part) for part in parts) else None


#: The interviewer's pseudonym as ``roqa pseudonymise`` writes it for a name (``Interviewer``,
#: ``Interviewer 2``).
_INTERVIEWER_PSEUDONYM = re.compile(r"Interviewer(?: \d+)?", re.IGNORECASE)


def _pseudonym_line_role(label: str, name: str) -> str | None:
    """``interviewer`` or ``participant`` when a header's name slot holds the pseudonym ``roqa
    pseudonymise`` writes for the name there, a title before it kept (``Participant: P03 - team
    leader``, ``Interviewee: Mr P01``, ``Interviewer: Dr Interviewer``): a participant's id
    (``P03``, a joint interview's ``P04a``) after an interviewee's label, ``Interviewer`` after
    an interviewer's; so that the copy's header is read as the original's was (re-test reids4:
    these lines of the copies were coded as talk). Else None."""
    words = name.split()
    while len(words) > 1 and words[0].casefold().rstrip(".") in honorifics():
        words = words[1:]
    core = " ".join(words)
    if _field(label) in _INTERVIEWEE_LABELS and participant_label_number(core) is not None:
        return "participant"
    if label in interviewer_keys(None) and _INTERVIEWER_PSEUDONYM.fullmatch(core):
        return "interviewer"
    return None


def _described_after_the_name(said: str) -> bool:
    """Whether a line naming a person (:func:`introduces_a_person`) describes them after the
    name too (``Joe Bright, registered manager``, ``Joe Bright (RM)``), not the name alone."""
    value = " ".join(said.split())
    return leading_name(value) != value


#: What separates the parts of a person's description after their name
#: (:func:`_description_parts`): a comma or semicolon, a dash between blanks, an en or em dash,
#: a bracket.
_DESCRIPTION_SEPARATOR = re.compile(r"[,;()\[\]\u2013\u2014]|\s-\s")


def _description_parts(rest: str) -> list[str] | None:
    """The parts of what follows a person's name in a header's line (``rest``, opening with
    what ends the name, :func:`leading_name`), between commas, semicolons, dashes between
    blanks, en or em dashes and brackets (``, registered manager, Elm Court``, ``(RM, Elm
    Court)``, ``- registered manager - Rosewood``, ``– registered manager, Elm Court``),
    without a full stop at the end; None when a bracket is left open or closed unopened, or
    brackets nest (no header's shape)."""
    depth = 0
    for c in rest:
        depth += (c in "([") - (c in ")]")
        if depth not in (0, 1):
            return None
    if depth:
        return None
    parts = (p.strip() for p in _DESCRIPTION_SEPARATOR.split(rest.rstrip(".")))
    return [p for p in parts if p]


#: Most words a part of a person's description may have when it is a name of capitalised words
#: (``Leeds and York Partnership NHS Foundation Trust``), its joining words aside: a service's
#: or an organisation's name runs longer than a role (:data:`MAX_HEADER_WORDS`).
MAX_SERVICE_NAME_WORDS = 10


def _describes_a_person(part: str) -> bool:
    """Whether one part of a header's description of a person is a role's or a service's
    words (``registered manager``, ``Head of Nursing``, ``Oakwood supported living``): one to
    :data:`MAX_HEADER_WORDS` words (to :data:`MAX_SERVICE_NAME_WORDS` when each is capitalised,
    a number or a joining word, as in a service's name), no question or exclamation, no stop
    word but those joining such words (``data/description_words.txt``: "of", "and"), and, in
    lower case, a role's or service's word (:func:`_a_role_word`): ``sorted the funding`` and
    ``started in March`` are talk naming someone else, not a header. A capital letter alone
    after the first word tells one of several apart (``service A``, a key's pseudonym for a
    service in a copy ``roqa pseudonymise`` wrote), not the article ``a`` (tester s51 privacy, 6:
    ``P01, registered manager, service A supported living`` was read as talk in the copy)."""
    said = part.split()
    joining = packaged_words("description_words.txt")
    named = bool(said) and all(not w[0].islower() or w.casefold() in joining for w in said)
    return (
        0 < len(said) <= (MAX_SERVICE_NAME_WORDS if named else MAX_HEADER_WORDS)
        and (not said[0][0].islower() or any(_a_role_word(w) for w in said))
        and not any(c in part for c in "?!")
        and not any(
            _is_common_word(w) and w.casefold() not in joining and not (k and _one_letter(w))
            for k, w in enumerate(w.strip(";:()") for w in said)
        )
    )


def _one_letter(word: str) -> bool:
    """Whether ``word`` is one capital letter (``A`` of ``service A``)."""
    return len(word) == 1 and word.isupper()


def _a_role_word(word: str) -> bool:
    """Whether ``word`` (``manager``, ``managers``, ``Nurse,``) is a role's, grade's or
    service's word of ``data/description_roles.txt``."""
    bare = word.strip(";:().").casefold()
    roles = packaged_words("description_roles.txt")
    return bare in roles or (bare.endswith("s") and bare[:-1] in roles)


def names_interviewer_briefly(label: str, said: str, later: Collection[str | None]) -> bool:
    """Whether a header line names the interviewer by the label the interviewer speaks under
    (``Interviewer: JS``, ``Facilitator: RM``): after an interviewer's label, initials (two to
    four capitals, ``J.S.`` too), or one capitalised name that labels a line ``later``
    (``Researcher: Sam`` above ``Sam: ...``); never a stop word or greeting ("Interviewer: OK")."""
    name = said.strip()
    if label not in interviewer_keys(None) or not name or _is_common_word(name):
        return False
    letters = name.replace(".", "")
    if 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper():
        return True
    return (
        name.isalpha()
        and name[0].isupper()
        and name.casefold() not in packaged_words("not_names.txt")
        and name in later
    )


def _header_role(label: str) -> str | None:
    """The role a header's ``label`` gives the one it names: ``interviewer`` after an
    interviewer's label (``Interviewer``, ``Facilitator``), ``participant`` after an
    interviewee's or a participant number (``Respondent``, ``Participant 1``), else None."""
    if label in interviewer_keys(None):
        return "interviewer"
    if _field(label) in _INTERVIEWEE_LABELS or participant_number_label(label) is not None:
        return "participant"
    return None


def is_known_header_line(label: str, said: str) -> bool:
    """Whether ``label: said`` is a header line by a name the reader knows: a header field
    (:func:`is_header_field`: ``Date``, ``Site``), a role's label (:func:`_header_role`:
    ``Interviewer``, ``Participant``, ``Respondent``) or a participant number after any label
    (``ID: P07``); not a study's own detail (``Wave: 2``, ``Cohort: B``, ``Arm: Control``)."""
    return (
        is_header_field(label)
        or _header_role(label) is not None
        or _participant_number(said) is not None
    )


def _names_someone(value: str) -> bool:
    """Whether a header line's ``value`` may name a speaker: a person's name
    (:data:`_PERSON_NAME`, one capitalised word too), initials, a numbered speaker or a
    participant number; never a stop word, greeting or role ("Interviewer: OK"), an initial
    aside (``Dr A. Khan``)."""
    if is_speaker_number_label(value) or participant_number_label(value) is not None:
        return True
    if not _PERSON_NAME.fullmatch(value) and not value.isalpha():
        return False
    words = [w for w in value.split() if len(w.rstrip(".")) > 1]  # an initial is no word
    return _is_capitalised(value) and not any(
        _is_common_word(w) or w.casefold() in packaged_words("not_names.txt") for w in words
    )


def _same_person(value: str, label: str) -> bool:
    """Whether a header line's ``value`` (``Hannah Whitfield``, ``Dr A. Khan``) and a speaker's
    ``label`` are clearly one person: the same label or name (:func:`~.roles.person_name`, a
    title aside), its initials (``HW``), the first name of either (``Hannah``; ``Gareth`` above
    ``Gareth Price``) or the title and surname (``Dr Khan``); initials within a name aside, and
    never two different titles (``Mr Price``, ``Mrs Price``)."""
    if " ".join(value.casefold().split()) == " ".join(label.casefold().split()):
        return True
    if is_initials_of(label, value):
        return True
    (value_title, value_name), (label_title, label_name) = person_name(value), person_name(label)
    if value_title and label_title and value_title != label_title:
        return False
    named = [w for w in value_name.split() if len(w) > 1]
    said = [w for w in label_name.split() if len(w) > 1]
    if not named or not said:
        return False
    if named == said:
        return True
    if len(said) == 1 < len(named):
        return said[0] == named[0] or (label_title is not None and said[0] == named[-1])
    return len(named) == 1 < len(said) and named[0] == said[0]


def key_speaker(label: str, said: str, later: Collection[str | None]) -> tuple[str, str] | None:
    """``(speaker, role)`` when a header line names, after a role's label (:func:`_header_role`),
    a speaker who labels a line ``later``: the same label (``Interviewer: Speaker 1``,
    ``Participant: P07``, ``Interviewer: JS``) or clearly the same person
    (:func:`_same_person`: ``Interviewer: Hannah Whitfield`` above ``Hannah: ...``), and no
    other speaker is as clearly named; else None. The line is a key giving that speaker the
    role, not a turn."""
    role = _header_role(label)
    value = " ".join(said.split())
    if role is None or not value or not _names_someone(value):
        return None
    speakers = list(dict.fromkeys(s for s in later if s and not is_header_field(s)))
    exact = [s for s in speakers if " ".join(s.casefold().split()) == value.casefold()]
    found = exact[:1] or [s for s in speakers if _same_person(value, s)]
    return (found[0], role) if len(found) == 1 else None


#: A pair of a transcriber's key: a label, ``=``, who it is (``MW = Interviewer (Michael Wood)``).
_KEY_PAIR = re.compile(r"(?P<label>[^=\s](?:[^=]{0,38}?\S)?)\s*=\s*(?P<who>[^=]*\S)")
#: What :func:`key_pairs` looks at: a separator, or a bracket that may hide one.
_KEY_PUNCTUATION = re.compile(r"[,;()\[\]]")


def speaker_key(said: str) -> dict[str, str] | None:
    """The labels and roles a transcriber's key line gives (``Key: I = Interviewer, R =
    Respondent``; ``MW = Interviewer (Michael Wood), JT = Respondent (registered manager)``;
    ``IV = Interviewer; R07 = Respondent 07; ... = trailing off``), label -> ``interviewer`` or
    ``participant`` (:func:`_header_role` of the words after ``=``, brackets aside): every part
    between commas or semicolons (outside brackets) a pair ``label = who``, at least one of
    them naming a role; else None (talk: ``the rota = the problem, honestly``)."""
    pairs = key_pairs(said)
    if pairs is None:
        return None
    key: dict[str, str] = {}
    for label, who in pairs:
        who = name_before_brackets(who).strip()
        role = _header_role(who) if who else None
        if role is not None:
            key.setdefault(label, role)
    return key or None


def key_pairs(said: str) -> list[tuple[str, str]] | None:
    """The ``(label, who)`` pairs of a transcriber's key line (``I = Interviewer, R =
    Respondent``; ``(.) = short pause; [?] = unclear word``): every part between commas or
    semicolons (outside brackets) a pair ``label = who``; else None. (Only separators and
    brackets are visited, and a line with no ``=`` is none: a megabyte-long line took half a
    second, once per line of every file.)"""
    if "=" not in said:
        return None
    parts, depth, start = [], 0, 0
    for mark in _KEY_PUNCTUATION.finditer(said):
        c, k = mark[0], mark.start()
        depth += (c in "([") - (c in ")]")
        if depth <= 0 and c in ",;":
            parts.append(said[start:k])
            start = k + 1
    parts.append(said[start:])
    pairs = []
    for part in parts:
        m = _KEY_PAIR.fullmatch(part.strip())
        if m is None:
            return None
        pairs.append((m["label"], m["who"]))
    return pairs


def is_key_label(label: str) -> bool:
    """Whether ``label`` opens a transcriber's key line (``Key``, ``Notation``;
    ``data/key_labels.txt``), in any case and spacing."""
    return " ".join(label.split()).casefold() in packaged_words("key_labels.txt")


#: A bracketed aside after a name in a list of who was there (``Helen Marsh (facilitator)``).
_ATTENDEE_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
#: What parts the names of such a list: a comma, a semicolon, ``and`` or ``&``.
_ATTENDEE_SEPARATOR = re.compile(r"[,;]|\s(?:and|&)\s", re.IGNORECASE)


def lists_attendees(label: str, said: str) -> bool:
    """Whether ``label: said`` is a focus group's or meeting's list of who was there
    (``Present: Priya Natarajan, Megan Tully and Gareth Lloyd``, ``Apologies: Sam Patel``,
    ``Attendees: HM (facilitator), PN, MT``): the label a heading of such a list
    (``data/attendance_labels.txt``) and its words only people's names
    (:func:`_names_someone`, :func:`_is_initials`: names, initials, participant numbers), each
    maybe with an aside in brackets, between commas, semicolons or ``and``. Above the first
    turn (:func:`header_lines`) such a line is a header line: no one is called "Present"
    (s85 daily16 D2: a participant "Present" was keyed as P05a). Talk after such a word
    (``Present: we all were, yes``) lists no one, and is read as before."""
    if _field(label) not in packaged_words("attendance_labels.txt"):
        return False
    value = _ATTENDEE_ASIDE.sub(" ", said).strip().rstrip(".")
    names = [" ".join(part.split()) for part in _ATTENDEE_SEPARATOR.split(value)]
    names = [name for name in names if name]
    return bool(names) and all(_is_initials(name) or _names_someone(name) for name in names)


def _is_initials(name: str) -> bool:
    """Whether ``name`` is a person's initials: two to four capitals, maybe with full stops
    (``HM``, ``J.S.``; ``Hm`` is a hesitation, ``HM`` someone)."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


def header_speakers(
    labels: Sequence[str | None], words: Sequence[str], header: Iterable[int]
) -> dict[str, str]:
    """The speakers of the talk a file's header names (:func:`key_speaker`), label ->
    ``interviewer`` or ``participant``: ``Speaker 1`` for ``Interviewer: Speaker 1``,
    ``Hannah`` for ``Interviewer: Hannah Whitfield`` above ``Hannah: ...``; and those a
    transcriber's key gives (:func:`speaker_key`: ``MW`` for ``Key: MW = Interviewer``) that
    label a line below it."""
    found: dict[str, str] = {}
    for i in sorted(header):
        later = {s for s in labels[i + 1 :] if s is not None}
        for speaker, role in (speaker_key(words[i]) or {}).items():
            if speaker in later:
                found.setdefault(speaker, role)
        label = labels[i]
        key = None if label is None else key_speaker(label, words[i], labels[i + 1 :])
        if key is not None:
            found.setdefault(*key)
    return found


def header_people(
    labels: Sequence[str | None], words: Sequence[str], header: Iterable[int]
) -> dict[str, str]:
    """The people a file's header names (``Participant name: Maria Okafor``, ``Interviewer:
    Hannah Whitfield``), each with the role of the field (:data:`PERSON_FIELDS`) or label
    (:func:`person_line_role`): name -> ``participant`` or ``interviewer``. A value that goes on
    after the name with a comma, parenthesis or dash names the person by the words before it
    (``Participant: Margaret Okafor, registered manager``, :func:`leading_name`)."""
    people: dict[str, str] = {}
    for i in sorted(header):
        label, name = labels[i], leading_name(" ".join(words[i].split()))
        role = (
            None
            if label is None
            else PERSON_FIELDS.get(_field(label))
            or person_line_role(label, name)
            or ("interviewer" if names_interviewer_briefly(label, name, labels[i + 1 :]) else None)
            or _named_by_key(label, name, labels[i + 1 :])
        )
        if (
            role
            and name
            and len(name.split()) <= MAX_HEADER_WORDS
            and not _participant_number(name)
        ):
            people.setdefault(name, role)
    return people


#: What goes on after a person's name in a header's value: a comma, semicolon, an opening
#: bracket, or a dash between blanks or an en or em dash (not ``Mary-Jane``'s hyphen).
_AFTER_A_NAME = re.compile(r"\s*(?:[,;(\[]|\s[-–—]\s|[–—])")


def leading_name(value: str) -> str:
    """The words of a header's ``value`` before a comma, semicolon, bracket or dash
    (``Margaret Okafor`` of ``Margaret Okafor, registered manager`` or ``Margaret Okafor (RM,
    50s)``), else ``value``; whether they are a name is the caller's to judge
    (:func:`person_line_role`: ``Registered manager, supported living`` names no one)."""
    m = _AFTER_A_NAME.search(value)
    return value if m is None or m.start() == 0 else value[: m.start()]


def _named_by_key(label: str, name: str, later: Collection[str | None]) -> str | None:
    """The role a header's key line gives a person it names (``Respondent: Gareth`` above
    ``Gareth: ...``, :func:`key_speaker`), not a numbered speaker, who is no one's name."""
    key = None if is_speaker_number_label(name) else key_speaker(label, name, later)
    return None if key is None else key[1]


def with_header_fields(
    lines: Sequence[str], found: Sequence[LabelMatch | None]
) -> list[LabelMatch | None]:
    """``found`` (each line's speaker label, :func:`line_labels`) with the header fields that
    were not taken as speakers (``Participant name:`` is not capitalised, so it is no speaker's
    label) on the lines without one, for :func:`header_lines` to read."""
    out = list(found)
    for i, (line, m) in enumerate(zip(lines, found, strict=True)):
        if m is None:
            field = match_label(line)
            if field is not None and is_header_field(field.label):
                out[i] = field
    return out


def talk_below_lone_labels(labels: Sequence[str | None], words: Sequence[str]) -> set[int]:
    """The lines (``labels``: each line's speaker label or header field, or None; ``words``: what
    follows it, or the whole line) whose label is a header field's name and that come right
    below a speaker's label alone on its line (``PARTICIPANT``, Otter's ``Speaker 2  0:09``,
    ``Sam Roe (00:00:03):``), blank lines aside: the first words of that speaker's turn
    (``Location: I work at the Leeds site``), not a header line nor a speaker named
    "Location"."""
    out: set[int] = set()
    above: int | None = None  # the last line with words, or a label
    for i, (label, said) in enumerate(zip(labels, words, strict=True)):
        if label is None and not said.strip():
            continue
        if label is not None and is_header_field(label) and above is not None:
            over = labels[above]
            if over is not None and not is_header_field(over) and not words[above].strip():
                out.add(i)
        above = i
    return out


def looks_like_a_field_value(words: str) -> bool:
    """Whether the ``words`` after a header field's name read as its value (``4 May 2024``,
    ``Zoom``, ``26 minutes``), not a speaker's sentence (``that was the hard part``): one to
    :data:`MAX_HEADER_WORDS` words, none a stop word or greeting, no question or exclamation."""
    said = words.split()
    return (
        0 < len(said) <= MAX_HEADER_WORDS
        and not any(c in words for c in "?!")
        and not any(_is_common_word(w.strip(",;:()")) for w in said)
    )


#: What ends a sentence at the end of an answer's line: a full stop, question or exclamation
#: mark, or a closing quote; an ellipsis runs on.
_SENTENCE_END = re.compile(r"(?:(?<!\.\.)[.?!]|[\"”’'»])\s*$")


def _is_talk_line(label: str | None) -> bool:
    """Whether a line with words and this ``label`` goes on with the talk: no label, or a header
    field's name (``Note: we keep a paper copy``); a speaker's label opens a turn."""
    return label is None or is_header_field(label)


def ends_a_sentence(words: str) -> bool:
    """Whether a line's ``words`` end a sentence (:data:`_SENTENCE_END`: ``... six years.``,
    ``... he said 'no'``), not run on into the next line (``I wrote it down on the form as``,
    ``and then...``)."""
    return _SENTENCE_END.search(words) is not None and not words.rstrip().endswith("…")


def field_values_in_talk(
    labels: Sequence[str | None], words: Sequence[str], header: Collection[int]
) -> set[int]:
    """The lines after the talk has begun (``labels``, ``words`` as for :func:`header_lines`;
    ``header``, its lines) that are a header field's name and a value
    (:func:`looks_like_a_field_value`: ``Date: 11 May 2024``, ``Site: Leeds General``), not the
    words right below a label alone on its line (:func:`talk_below_lone_labels`): left out
    where they stand apart between turns (:func:`field_lines_between_turns`), else words of the
    answer they are in, their field's name no speaker's (:func:`words_not_speakers`)."""
    below = talk_below_lone_labels(labels, words)
    seen = False  # a speaker's labelled line came before the line
    out: set[int] = set()
    for i, label in enumerate(labels):
        if (
            seen
            and label is not None
            and is_header_field(label)
            and i not in header
            and i not in below
            and looks_like_a_field_value(words[i])
        ):
            out.add(i)
        seen = seen or (label is not None and i not in header and not is_header_field(label))
    return out


def field_lines_between_turns(
    labels: Sequence[str | None], words: Sequence[str], header: Collection[int]
) -> set[int]:
    """The lines after the talk has begun (``labels``, ``words`` as for :func:`header_lines`;
    ``header``, its lines) that are a header field's line with a value
    (:func:`looks_like_a_field_value`: ``Date: 11 May 2024``, a second session's) standing
    apart between two turns. Such a line is left out as the title block's are, and reported;
    before, it was read into the answer before it. It stands apart when the answer's line before
    it ends a sentence (:func:`ends_a_sentence`) and the next line with words opens a speaker's
    turn; at the end of the file, or with more such lines (``Date: ...``, then ``Time: ...``),
    only when a blank line also parts them from the answer. A field's line the answer's line
    runs on into (``I wrote it down on the form as``, then ``Date: 11 May 2024``), a list of
    such lines right below the answer (``Site: Leeds General``, ``Role: Ward Manager``, read off
    a sheet), a field's name opening a speaker's sentence (``Date: that was when the training
    started``), a paragraph the answer goes on after, or the words right below a label alone on
    its line (:func:`talk_below_lone_labels`) stay talk."""
    values = field_values_in_talk(labels, words, header)
    field = [i in values for i in range(len(labels))]
    filled = [i for i, (label, said) in enumerate(zip(labels, words)) if label or said.strip()]
    out: set[int] = set()
    k = 0
    while k < len(filled):
        if not field[filled[k]]:
            k += 1
            continue
        run = k  # the field lines filled[k:end], only blank lines between them
        while k < len(filled) and field[filled[k]]:
            k += 1
        lines = filled[run:k]
        before = filled[run - 1]  # there is one: a speaker's line came before
        after = filled[k] if k < len(filled) else None
        turn_next = after is not None and not _is_talk_line(labels[after])
        apart = lines[0] > before + 1  # a blank line between the answer and the field lines
        if (
            ends_a_sentence(words[before])
            and (turn_next or after is None)
            and (apart or (turn_next and len(lines) == 1))
        ):
            out.update(lines)
    return out


def header_lines(labels: Sequence[str | None], words: Sequence[str]) -> set[int]:
    """The lines of a file's header: those whose label (``labels``: each line's speaker label or
    None; ``words``: what follows it) names a header field or whose words are a participant number,
    from the top of the file until the first other labelled line of more than
    :data:`MAX_HEADER_WORDS` words; and in a header with such a line, those that give a
    person's name after a role's label (:func:`person_line_role`: ``Interviewer: Hannah
    Whitfield``; :func:`names_interviewer_briefly`: ``Interviewer: JS`` above ``JS: ...``;
    :func:`key_speaker`: ``Interviewer: Speaker 1`` above Otter's ``Speaker 1  0:03``,
    ``Interviewer: Hannah Whitfield`` above ``Hannah: ...``), which would otherwise be that
    person's first turn, before the first line of talk (after "Interviewer: And your role?",
    "Participant: Clinical Nurse Specialist" is an answer); a header of only lines naming
    speakers of the talk, with no field beside them, is a key too (:func:`_a_key_of_speakers`).
    Beside a field, a role's line there whose words describe the person (:func:`_describes_a_role`:
    ``Participant: Registered manager, supported living``, ``Respondent: RM04 (female, 40s)``)
    is a header line too, and does not begin the talk. A label alone on its line (``Speaker 1
    0:03``, Otter's; Teams' name and time) has its words on the lines below it, up to the next label: those are counted, so that a paragraph
    of an answer opening with a field's name (``Note: we still keep a paper copy``) is the
    speaker's talk, not a header line, and so is such a line right below the label
    (:func:`talk_below_lone_labels`: ``PARTICIPANT``, then ``Location: the Leeds site``)."""
    below = talk_below_lone_labels(labels, words)
    # with no speaker's label (a Whisper .srt), the talk is the lines under no label: read once
    # for both scans
    unlabelled = names_no_speaker([label for label in labels if label is not None])
    out, people = _header_scan(labels, words, below, unlabelled, describing=True)
    if not out:  # no field beside them: a role's short words are its first turn
        out, people = _header_scan(labels, words, below, unlabelled, describing=False)
    if out:
        return out | people
    return people if people and _a_key_of_speakers(labels, words, people) else out


def _header_scan(
    labels: Sequence[str | None],
    words: Sequence[str],
    below: Collection[int],
    unlabelled: bool,
    describing: bool,
) -> tuple[set[int], set[int]]:
    """The field lines and the people's lines of a file's header (:func:`header_lines`), role
    lines describing a person (:func:`_describes_a_role`) among the people's when
    ``describing``; ``unlabelled``: the file has no speaker's label (:func:`names_no_speaker`),
    so its talk opens at a line under no label that reads as talk."""
    out: set[int] = set()
    people: set[int] = set()
    talking = False  # a labelled line neither a field nor a person's name: the talk has begun
    for i, (label, said) in enumerate(zip(labels, words, strict=True)):
        if label is None and unlabelled and _opens_unlabelled_talk(said):
            break
        if label is None or i in below:
            continue
        if (
            (is_header_field(label) and not (_talk_not_a_value(said) and _speaks_again(labels, i)))
            or (_participant_number(said) is not None)
            or (not talking and speaker_key(said) is not None)
            or (not talking and is_key_label(label) and key_pairs(said) is not None)
            or (not talking and _person_beside_a_field(label, said))
            or (not talking and lists_attendees(label, said) and not _speaks_again(labels, i))
        ):
            out.add(i)
        elif not talking and (
            introduces_a_person(label, said) is not None
            or names_interviewer_briefly(label, said, labels[i + 1 :])
            or key_speaker(label, said, labels[i + 1 :]) is not None
            or (describing and _describes_a_role(label, said, labels[i + 1 :]))
        ):
            people.add(i)
        elif len(_turn_words(labels, words, i, below)) > MAX_HEADER_WORDS:
            break
        else:
            talking = True
    return out, people


#: How far into a role's line at the top the colon of a header field may stand
#: (:func:`_person_beside_a_field`): ``C.E.   Duration: 24 minutes`` has it at 15, a person's
#: name and a field of three words at most fit well within it.
HEADER_FIELD_REACH = 120


def _person_beside_a_field(label: str, said: str) -> bool:
    """Whether a role's line at the top (:func:`_header_role`) gives the person, by initials or
    a name (:func:`_names_someone`), then a header field of its own with a value that is no talk
    (:func:`is_header_field`, :func:`_talk_not_a_value`), as a Word template's header row is
    typed: ``Interviewer: C.E.   Duration: 24 minutes``, ``Participant: P14, Date: 3 May``. A
    header line, not the interviewer's first turn, joined to the first question (daily12 7)."""
    if _header_role(label) is None:
        return False
    # the field's colon stands near the line's start: each colon read costs the line's length,
    # so a line of a megabyte of colons took 694 s of CPU (CI, session 82)
    for colon in (i for i, c in enumerate(said[:HEADER_FIELD_REACH]) if c == ":"):
        words, value = said[:colon].split(), said[colon + 1 :].strip()
        for k in range(1, min(3, len(words) - 1) + 1):
            who = " ".join(words[:-k]).rstrip(" ,;|-–—")
            letters = who.replace(".", "")
            if (
                is_header_field(" ".join(words[-k:]))
                and value
                and not _talk_not_a_value(value)
                and (
                    (2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper())
                    or _names_someone(who)
                )
            ):
                return True
    return False


def _opens_unlabelled_talk(said: str) -> bool:
    """Whether a line under no label, in a file with no speaker's label, is talk that ends its
    header, as a speaker's first turn of more than :data:`MAX_HEADER_WORDS` words does: that
    many words and a sentence's end (a title above the fields ends on none)."""
    return len(said.split()) > MAX_HEADER_WORDS and ends_a_sentence(said)


def _describes_a_role(label: str, said: str, later: Collection[str | None]) -> bool:
    """Whether a line at the top of a file describes the person of a role's label
    (:func:`_header_role`) as a header's field does: its words read as a field's value
    (:func:`looks_like_a_field_value`: ``Registered manager, supported living``, ``RM04 (female,
    40s)``, ``SJ``; not ``Hello``, ``And your role?``), and the label opens no line below it (the
    talk's speakers are ``I`` and ``R``)."""
    own = label.casefold()
    return (
        _header_role(label) is not None
        and looks_like_a_field_value(said)
        and not any(other is not None and other.casefold() == own for other in later)
    )


#: Two sentences of talk in a field's words: a sentence of three or more words ended, and another
#: begun with a capital (``Thanks for joining. What gets in the way ...``).
_TWO_SENTENCES = re.compile(r"\S+\s+\S+\s+\S*[^\W\d][.!?]\s+[A-Z]\w*\s+\S")


def _talk_not_a_value(said: str) -> bool:
    """Whether the words after a header field's name are talk, not the field's value: a
    question (``Interview: ... What gets in the way of the new system?``: a Zoom speaker whose
    display name is a field's word) or two sentences (:data:`_TWO_SENTENCES`). A field's value
    is a name, a date, a place or a title: none ends with a question mark."""
    words = said.strip()
    return words.endswith("?") or _TWO_SENTENCES.search(words) is not None


def _speaks_again(labels: Sequence[str | None], i: int) -> bool:
    """Whether line ``i``'s label opens another turn later in the file, after another speaker's
    (a Zoom speaker whose display name is ``Interview``): only then are a field's words of talk
    (:func:`_talk_not_a_value`) that speaker's first turn. A header line of two sentences or a
    question (``Interview: P16 - registered manager. Recorded on Zoom, 45 minutes.``,
    ``Project: Why do managers leave? A CFIR study.``) whose label is said once stays a header
    line, as before f2bf6d8."""
    own = (labels[i] or "").casefold()
    other = False  # another speaker's label came after line i
    for label in labels[i + 1 :]:
        if label is None:
            continue
        if label.casefold() == own:
            if other:
                return True
        elif not is_header_field(label):
            other = True
    return False


def _a_key_of_speakers(
    labels: Sequence[str | None], words: Sequence[str], lines: Collection[int]
) -> bool:
    """Whether the people's ``lines`` at the top of a file without header fields, before its
    first turn of talk, are a key of who its speakers are (``Interviewer: Speaker 2``,
    ``Participant: Speaker 1`` above ``Speaker 1: ...``; ``Interviewer: Hannah Whitfield``,
    ``Respondent: Gareth`` above ``Hannah: ...``): every one of them names a speaker who speaks
    below (:func:`key_speaker`), and no role's label it opens with labels a line below it (a
    facilitator who goes on to speak as ``Facilitator:`` was calling on ``Speaker 2``). Lines
    naming a person (:func:`introduces_a_person`) are a header's, whoever speaks below, when one
    describes them after the name (a name, a role and a service) or when they name both who
    asked and who answered (``Interviewer: Kate Brown`` and ``Participant: Maria Okafor`` above
    ``Interviewer:`` and ``Participant:`` turns): one person's name is a facilitator calling on
    someone, or a participant's first words, but no talk opens with each side saying a name."""
    last = max(lines)
    below = {_field(label) for label in labels[last + 1 :] if label is not None}
    named_as = {
        i: introduces_a_person(label, words[i]) for i in lines if (label := labels[i]) is not None
    }
    both = {"interviewer", "participant"} <= set(named_as.values())
    for i in lines:
        label = labels[i]
        if label is None:
            return False
        named = named_as[i] is not None
        if named and (both or _described_after_the_name(words[i])):
            continue  # a header's line, whoever speaks below
        if _initials_of_no_speaker(label, words[i], labels[i + 1 :]):
            continue  # "Interviewer: HM" above "Interviewer:" turns: the interviewer's initials
        if not named and key_speaker(label, words[i], labels[i + 1 :]) is None:
            return False
        if _field(label) in below:
            return False
    return True


def _initials_of_no_speaker(label: str, said: str, later: Sequence[str | None]) -> bool:
    """Whether a line at the top names the interviewer by initials (:func:`names_interviewer_briefly`:
    ``Interviewer: HM``, ``Facilitator: J.S.``) that label no line ``later``: no talk is a
    speaker's initials alone, and no one below is called on by them (s75 study5: ``Interviewer:
    HM`` above ``Interviewer:`` turns was a turn "HM"). ``Interviewer: JS`` above ``JS: ...``
    is :func:`key_speaker`'s."""
    letters = said.strip().replace(".", "")
    return (
        names_interviewer_briefly(label, said, later)
        and 2 <= len(letters) <= 4
        and letters.isalpha()
        and letters.isupper()
        and not any(
            other is not None and other.replace(".", "").casefold() == letters.casefold()
            for other in later
        )
    )


def _turn_words(
    labels: Sequence[str | None], words: Sequence[str], i: int, below: Collection[int] = ()
) -> list[str]:
    """The words of the turn labelled on line ``i``: the line's, or, for a label alone on its
    line, those of the lines below it up to the next labelled line, a field's line right below
    it (``below``, :func:`talk_below_lone_labels`) counted, the field's name too."""
    said = words[i].split()
    if said:
        return said
    for k, (label, line) in enumerate(zip(labels[i + 1 :], words[i + 1 :]), start=i + 1):
        if label is not None and k not in below:
            break
        said += [*(label.split() if label is not None else []), *line.split()]
        if len(said) > MAX_HEADER_WORDS:
            break
    return said


#: A transcription service's footer after the last turn (``Transcribed by https://otter.ai``).
SERVICE_FOOTER = re.compile(
    r"^[\s\[\](){}*_#=~.-]*transcri(?:bed|ption|pt)\s+(?:by|with|powered\s+by)\s+\S{1,60}"
    r"[\s\[\](){}*_#=~.!-]*$",
    re.IGNORECASE,
)


#: Teams' line where a person starts or stops its transcription (``Sam Roe stopped
#: transcription``), at the ends and wherever the recording was paused: no one's words.
TRANSCRIPTION_NOTICE = re.compile(
    rf"^[ \t]*(?P<name>[^:\n]{{1,{MAX_TIMED_DISPLAY_NAME_CHARS}}}?)[ \t]+(?:started|stopped)[ \t]+"
    r"transcription[ \t.]*$",
    re.IGNORECASE,
)


def transcription_notices(lines: Sequence[str], labels: Sequence[object | None]) -> set[int]:
    """The lines (``labels``: each line's speaker label, or None) that are Teams' notice that a
    person started or stopped the transcription (:data:`TRANSCRIPTION_NOTICE`), a display name
    (:func:`reads_as_a_display_name`) before the words."""
    out = set()
    for i, (line, label) in enumerate(zip(lines, labels, strict=True)):
        short = len(line) <= MAX_TIMED_DISPLAY_NAME_CHARS + 30
        m = TRANSCRIPTION_NOTICE.match(line) if label is None and short else None
        if m is not None and reads_as_a_display_name(m["name"].strip()):
            out.add(i)
    return out


def is_end_marker(line: str) -> bool:
    """Whether ``line`` only marks the end of the talk (:func:`marks_the_end`) or is a
    transcription service's footer (:data:`SERVICE_FOOTER`)."""
    if len(line) > 80:
        return False
    return marks_the_end(line) or SERVICE_FOOTER.match(line) is not None


def marks_the_end(line: str) -> bool:
    """Whether ``line`` is, as a whole, a transcriber's line marking the end of the talk
    (``data/end_markers.txt``: ``[END OF TRANSCRIPT]``, ``-- End of interview --``, ``[END OF
    RECORDING 00:32:10]``, ``END``); ``The end of the interview was hard.`` is not."""
    return _end_marker_lines().fullmatch(_service_key(line.strip())) is not None


@functools.cache
def _end_marker_lines() -> re.Pattern[str]:
    """The whole lines of ``data/end_markers.txt``, a clock time allowed after the words."""
    shapes = sorted(
        (_service_shape(s) for s in packaged_words("end_markers.txt")), key=lambda p: (-len(p), p)
    )
    time = _SERVICE_PLACEHOLDERS["{time}"]
    return re.compile(
        rf"{_SERVICE_BEFORE}(?:{'|'.join(shapes)})(?:\s+[\[(]?{time}[\])]?)?{_SERVICE_AFTER}"
    )


def end_markers(lines: Sequence[str], labels: Sequence[str | None]) -> set[int]:
    """The lines after the file's last speaker label (``labels``: each line's, or None) that
    only mark the end of the talk (:func:`is_end_marker`), and, where the file labels its
    speakers, a transcriber's end marker (:func:`marks_the_end`) after which no speaker's turn
    follows, with every line after it: the footer below (``CONFIDENTIAL. This transcript ...``;
    ``Confidential: ...``, :func:`is_footer_label`) is no one's words. A turn after a marker is
    talk, whoever speaks it (a speaker of the talk above, a new participant joining after
    "[Recording stopped]", a second recording's new labels), and the marker stays in the turn
    above as before the last label; only a footer's labelled lines below it are left out."""
    last = max((i for i, label in enumerate(labels) if label is not None), default=-1)
    out = {
        i
        for i in range(last + 1, len(lines))
        if is_end_marker(lines[i]) or (labels[i] is None and opens_a_footer(lines[i]))
    }
    spoke = False  # whether a speaker labels a line above line i
    after_marker = False
    for i, (label, line) in enumerate(zip(labels, lines, strict=True)):
        if label is not None:
            if after_marker and is_footer_label(label):
                out.add(i)
            elif _is_speakers(label):
                spoke = True
            continue
        if spoke and marks_the_end(line):
            if not any(_is_speakers(label) for label in labels[i + 1 :] if label is not None):
                return out | set(range(i, len(lines)))
            after_marker = True
    return out


def _is_speakers(label: str) -> bool:
    """Whether ``label`` labels a speaker's turn: not a footer's word (``Confidential:``,
    :func:`is_footer_label`) nor a header field (``Date:``) unless it names a role
    (``Participant:``)."""
    if is_footer_label(label):
        return False
    return not is_header_field(label) or _names_a_role(label, None)


#: A footer's opening word(s) and its full stop or colon; the blanks before the stop are taken
#: whole (:data:`BLANKS_WHOLE`: no blank is a stop), or a line of a word and a megabyte of
#: blanks was walked back blank by blank for every length of the word (a second and a half a
#: line).
_FOOTER_HEAD = re.compile(rf"[ \t*_\[(]*([^\W\d_][\w{MARKS} ]{{0,30}}?){BLANKS_WHOLE}[.:][ \t]")


def opens_a_footer(line: str) -> bool:
    """Whether ``line`` opens with a footer's word (:func:`is_footer_label`) and a full stop or
    colon (``CONFIDENTIAL. This transcript has been pseudonymised ...``): after the last turn,
    a transcription service's footer, no one's words."""
    head = _FOOTER_HEAD.match(line)
    return head is not None and is_footer_label(head[1])


def is_footer_label(label: str) -> bool:
    """Whether ``label`` is a word a transcription service's footer opens with before a colon
    (``Confidential``, ``Transcribed by``, ``Copyright``; ``data/footer_labels.txt``), in any case
    and spacing: no speaker's."""
    return " ".join(label.split()).casefold() in packaged_words("footer_labels.txt")


#: The transcript metadata key of the lines of a transcription service's text left out after the
#: last turn (:func:`service_text_lines`), blank lines dropped.
SERVICE_TEXT = "service_text"


def service_text_metadata(lines: Sequence[str]) -> dict[str, list[str]]:
    """The metadata of a transcription service's text left out (:data:`SERVICE_TEXT`)."""
    kept = [" ".join(line.split()) for line in lines if line.strip()]
    return {SERVICE_TEXT: kept} if kept else {}


#: The transcript metadata key of the lines left out as a transcriber's end marker and the
#: footer after it (:attr:`Header.ended`), blank lines dropped: ``roqa inspect`` names them.
END_TEXT = "end_text"


def end_text_metadata(lines: Sequence[str]) -> dict[str, list[str]]:
    """The metadata of an end marker and footer left out (:data:`END_TEXT`)."""
    kept = [" ".join(line.split()) for line in lines if line.strip()]
    return {END_TEXT: kept} if kept else {}


#: What stands for a clock time (``{time}``: 00:09:12) and a date (``{date}``: Oct 14, 2026) in
#: a shape of ``data/transcription_service_text.txt``.
_SERVICE_PLACEHOLDERS = {
    "{time}": r"\d{1,2}:\d{2}(?::\d{2})?",
    "{date}": r"[\w][\w,./ -]{0,30}?",
    "{n}": r"\d{1,4}",
}
#: What may stand before a service's line (marks) and after it (an emoji, marks: ``👋``).
_SERVICE_BEFORE = r"[\s\[\](){}*_#=~.-]*"
_SERVICE_AFTER = r"[\W_]*"
#: The mark at the end of a shape of ``data/transcription_service_text.txt`` whose line opens a
#: footer that runs on to the end of the file.
_RUNS_ON = " ..."


def _service_shape(shape: str) -> str:
    words = [_SERVICE_PLACEHOLDERS.get(w) or re.escape(w) for w in shape.split()]
    return r"\s+".join(words)


@functools.cache
def _service_text() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The whole lines of ``data/transcription_service_text.txt``, and those of them that open
    a footer running on (``...`` at their end)."""
    lines, footers = [], []
    for shape in packaged_words("transcription_service_text.txt"):
        runs_on = shape.endswith(_RUNS_ON)
        pattern = _service_shape(shape.removesuffix(_RUNS_ON) if runs_on else shape)
        lines.append(pattern)
        if runs_on:
            footers.append(pattern)
    return _whole_line(lines), _whole_line(footers)


def _whole_line(patterns: list[str]) -> re.Pattern[str] | None:
    """A pattern of a whole line that is one of ``patterns`` (shapes of a service's line)."""
    if not patterns:
        return None
    alternatives = "|".join(sorted(patterns, key=lambda p: (-len(p), p)))
    return re.compile(rf"{_SERVICE_BEFORE}(?:{alternatives}){_SERVICE_AFTER}")


@functools.cache
def _page_lines() -> re.Pattern[str] | None:
    """The whole lines of ``data/transcription_page_footers.txt``."""
    return _whole_line(
        [_service_shape(s) for s in packaged_words("transcription_page_footers.txt")]
    )


def is_page_footer(line: str) -> bool:
    """Whether ``line`` is, as a whole, a line a service or word processor prints on each page
    (``data/transcription_page_footers.txt``: ``Page 3 of 12``, ``Transcribed by
    https://otter.ai``, ``Rev.com   Page 2 of 9``); ``See page 3 of the report`` is not."""
    pattern = _page_lines()
    return pattern is not None and pattern.fullmatch(_service_key(line.strip())) is not None


def _service_key(line: str) -> str:
    return line.casefold().replace("’", "'")


def is_service_text(line: str) -> bool:
    """Whether ``line`` is, as a whole, a line of a transcription service's closing text or
    trial footer (``data/transcription_service_text.txt``: Google Meet's ``Meeting ended after
    00:09:12 👋``, Sonix's ``Automatically convert your audio files to text with Sonix. ...``);
    talk that only opens like one (``Meeting ended after 00:45:00 and we never ...``) is not."""
    pattern = _service_text()[0]
    return pattern is not None and pattern.fullmatch(_service_key(line.strip())) is not None


def _opens_footer(line: str) -> bool:
    """Whether ``line`` is the first line of a service's footer that runs on (Sonix's trial
    advertisement: ``...`` in ``data/transcription_service_text.txt``)."""
    pattern = _service_text()[1]
    return pattern is not None and pattern.fullmatch(_service_key(line.strip())) is not None


def service_text_lines(lines: Sequence[str], labels: Sequence[object | None]) -> set[int]:
    """The lines after the file's last speaker label (``labels``: each line's, or None) that
    are a transcription service's lines (:func:`is_service_text`), and, where the file labels
    its speakers, every line after the first line of a footer that runs on (Sonix's trial
    advertisement), to the end of the file: no one's words. Only those: talk after a service's
    line is someone's (it goes on with the last turn), and a file with no labels keeps all its
    paragraphs but a service's own lines. A page's footer (:func:`is_page_footer`) is such a
    line wherever it stands: talk after it goes on with the turn before it."""
    last = max((i for i, label in enumerate(labels) if label is not None), default=-1)
    out = {i for i, line in enumerate(lines) if labels[i] is None and is_page_footer(line)}
    for i in range(last + 1, len(lines)):
        if labels[i] is not None or not is_service_text(lines[i]):
            continue
        if last >= 0 and _opens_footer(lines[i]):
            return out | set(range(i, len(lines)))
        out.add(i)
    return out


@dataclass(frozen=True)
class Header:
    """What a file's header gives (:func:`transcript_header`)."""

    #: the header lines, a closing marker after the last speaker and Teams' "started/stopped
    #: transcription" lines: left out of the talk, each ending the turn before it (but the
    #: lines of :attr:`service_text`, among them, which end no turn)
    lines: set[int]
    #: the participant number a header line gives (``Participant: P07``), if any
    participant: str | None
    #: the people a name field names, name -> role
    people: dict[str, str]
    #: the speakers of the talk a header line names, label -> role (``Interviewer: Speaker 1``;
    #: ``Hannah`` for ``Interviewer: Hannah Whitfield`` above ``Hannah: ...``)
    speakers: dict[str, str] = dataclasses.field(default_factory=dict)
    #: the header fields' lines between turns (:func:`field_lines_between_turns`), among
    #: ``lines``: left out, and reported
    between: set[int] = dataclasses.field(default_factory=set)
    #: a transcription service's lines after the last turn (:func:`service_text_lines`), among
    #: ``lines``: left out, and noted; talk after one goes on with the last turn
    service_text: set[int] = dataclasses.field(default_factory=set)
    #: a transcriber's end marker and the footer after it (:func:`end_markers`), among
    #: ``lines``: left out, and noted
    ended: set[int] = dataclasses.field(default_factory=set)

    def interviewer_labels(
        self, speakers: Iterable[str], given: Sequence[str] | None
    ) -> Sequence[str] | None:
        """``given`` (the caller's interviewer labels) with the interviewer the header names
        (``Interviewer name: Sam Roe``, ``Interviewer: Speaker 1``) when a speaker of the file is
        that person and is no interviewer by the labels alone: a Zoom transcript names people,
        and its header says who asked. The header's interviewer and the researcher's both ask
        (the study's lead who only checks the recording, and the one who asks), unless that
        leaves no speaker of the file to answer: then the researcher's choice overrules the
        header's (:meth:`overruled`; a header copied from another interview is the likelier
        slip)."""
        speakers = list(speakers)
        own = _researchers_labels(given)
        both = self._with(speakers, given, [*self._interviewers(), *own])
        if not self._overrules(speakers, given, both):
            return both
        return self._with(speakers, given, own)

    def overruled(self, speakers: Iterable[str], given: Sequence[str] | None) -> list[str]:
        """The speakers of the file the header names as the interviewer (:meth:`interviewer_labels`)
        whom the labels the researcher gave (``given``, matching a speaker here) leave
        participants, as the header's and the researcher's interviewers together would leave no
        one to answer: the researcher's choice stands, and this is what to warn of."""
        speakers = list(speakers)
        own = _researchers_labels(given)
        both = self._with(speakers, given, [*self._interviewers(), *own])
        if not self._overrules(speakers, given, both):
            return []
        chosen = interviewer_keys(self._with(speakers, given, own))
        return [
            s
            for s in dict.fromkeys(speakers)
            if s not in chosen
            and any(
                s in interviewer_keys([p]) or is_initials_of(s, p) for p in self._interviewers()
            )
        ]

    def _overrules(
        self, speakers: Sequence[str], given: Sequence[str] | None, both: Sequence[str] | None
    ) -> bool:
        """Whether the researcher's interviewer labels (``given``) overrule the header's: they
        name a speaker here (:func:`_chose_here`), and with the header's too (``both``) every
        speaker of the file would be an interviewer, while without it one answers."""
        own = _researchers_labels(given)
        if not _chose_here(speakers, own) or any(s not in interviewer_keys(both) for s in speakers):
            return False
        alone = interviewer_keys(self._with(speakers, given, own))
        return any(s not in alone for s in speakers)

    @staticmethod
    def _with(
        speakers: Sequence[str], given: Sequence[str] | None, named: Sequence[str]
    ) -> Sequence[str] | None:
        """``given`` with the speakers the people ``named`` are: their label, or their initials
        (``HW`` for Hannah Whitfield)."""
        already = interviewer_keys(given)
        others = {s for s in speakers if s not in already}
        extra: list[str] = []
        for p in named:
            extra += [p] if any(s in interviewer_keys([p]) for s in others) else []
            extra += [s for s in sorted(others) if is_initials_of(s, p)]  # "HW" for her
        return more_interviewer_labels(given, extra) if extra else given

    def _interviewers(self) -> list[str]:
        """Who the header names as the interviewer: a person or a speaker of the talk."""
        return [p for p, role in {**self.people, **self.speakers}.items() if role == "interviewer"]


def _researchers_labels(given: Sequence[str] | None) -> list[str]:
    """The interviewer labels the researcher gave besides the defaults (``--interviewer``)."""
    return [g for g in given or () if g not in interviewer_keys(None)]


def _chose_here(speakers: Iterable[str], own: Sequence[str]) -> bool:
    """Whether the researcher's own interviewer labels (``own``) name a speaker of this file, as
    a label or as a name whose initials it is; one that names no one here (the study's other
    interviewer) chooses nothing."""
    keys = interviewer_keys(own) if own else None
    return keys is not None and any(
        s in keys or any(is_initials_of(s, p) for p in own) for s in speakers
    )


def is_initials_of(label: str, name: str) -> bool:
    """Whether a speaker's ``label`` is the initials of a person's ``name`` (``HW`` or ``H.W.``
    of ``Hannah Whitfield``; ``MJO`` or ``MO`` of ``Mary-Jane O'Neill``; an honorific aside), in
    capitals as transcribers write them."""
    letters = label.replace(".", "").replace(" ", "")
    if not 2 <= len(letters) <= 4 or not letters.isalpha() or not letters.isupper():
        return False
    words = [w for w in name.split() if w.rstrip(".").casefold() not in honorifics()]
    if len(words) < 2:
        return False
    by_word = "".join(w[0] for w in words)
    by_part = "".join(p[0] for w in words for p in re.split(r"[-‐‑]", w) if p)
    return letters.casefold() in (by_word.casefold(), by_part.casefold())


def transcript_header(labels: Sequence[str | None], words: Sequence[str]) -> Header:
    """The header of a file whose lines have ``labels`` (a speaker label or header field, or
    None: :func:`with_header_fields`) and ``words`` (what follows the label, or the whole line):
    :func:`header_lines`, :func:`field_lines_between_turns`, :func:`end_markers`,
    :func:`transcription_notices`,
    :func:`header_participant`, :func:`header_people`."""
    header = header_lines(labels, words)
    between = field_lines_between_turns(labels, words, header)
    service_text = service_text_lines(words, labels)
    ended = end_markers(words, labels) - service_text - between - header
    return Header(
        lines=header | between | ended | transcription_notices(words, labels) | service_text,
        participant=header_participant(words, header),
        people=header_people(labels, words, header),
        speakers=header_speakers(labels, words, header),
        between=between,
        service_text=service_text,
        ended=ended,
    )


def _participant_number(words: str) -> str | None:
    return participant_number_label(words.strip().rstrip("."))


def header_participant(words: Sequence[str], header: Iterable[int]) -> str | None:
    """The participant a file's header names (``Participant ID: P04`` -> ``P04``): the first
    header line (``header``, of :func:`header_lines`) whose ``words`` are a participant number."""
    found = (_participant_number(words[i]) for i in sorted(header))
    return next((p for p in found if p is not None), None)


def _with_loose_labels(
    lines: Sequence[str],
    found: list[LabelMatch | None],
    interviewer_labels: Sequence[str] | None,
    set_apart: Sequence[bool] | None,
    header: Collection[int] = (),
) -> list[LabelMatch | None]:
    """``found`` with the looser shapes taken on the lines where it has no speaker (see the
    module docstring); a list's items are none (:func:`.list_markers.without_list_items`).
    ``header`` holds the lines of the file's header fields (``Date: 12 March``), labels of no
    speaker."""
    loose = [None if f is not None else match_loose_label(line) for f, line in zip(found, lines)]
    speakers = {m.label.casefold() for m in found if m is not None}

    def known(label: str) -> bool:
        return names_a_known_speaker(label, speakers, interviewer_labels)

    def speaks(label: str) -> bool:  # a known speaker or the one who answers ("A. Several ...")
        return known(label) or label.casefold() in _ANSWER_LABELS

    from .list_markers import without_list_items  # it reads this module's shapes

    loose, named = without_list_items(lines, found, loose, header, interviewer_labels, speaks)
    taken_in_form: dict[str, set[str]] = {}
    for form in ("dash", "tab", "full stop"):
        counts = Counter(m.label for m in loose if m is not None and m.form == form)
        if form == "full stop":  # "OK. So ...": only labels of a role or of the one who answers
            labels = {label for label in counts if speaks(label)}
        else:
            labels = {
                label
                for label, n in counts.items()
                if speaks(label) or (not speakers and n >= 2 and _is_capitalised(label))
            }
        if len({label.casefold() for label in labels}) >= 2:
            taken_in_form[form] = labels
        if form == "full stop" and named & counts.keys():  # named, a speaker on its own too
            taken_in_form[form] = taken_in_form.get(form, set()) | (named & counts.keys())
    taken = [
        m
        if m is not None
        and (
            m.label in taken_in_form.get(m.form, set())
            if m.form in ("dash", "tab", "full stop")
            else known(m.label)
        )
        else None
        for m in loose
    ]
    out = [f if f is not None else t for f, t in zip(found, taken, strict=True)]
    timed = _with_time_first_labels(lines, out, known)
    return _with_lone_labels(lines, timed, known, set_apart or [False] * len(lines))


#: The whole of a line that is a speaker's name alone, set apart in bold or as a heading.
_LONE_NAME = re.compile(_LABEL)
#: A line opening with a note in brackets and words after it (``(INTERVIEWER) What helps
#: recovery?``, a caption's speaker mark and the talk): no label alone on its line, though the
#: note names a role as ``Jane Smith (Interviewer)``'s does.
_NOTE_THEN_WORDS = re.compile(r"[\[(][^\[\]()]*[\])][ \t]+\S")


def _with_lone_labels(
    lines: Sequence[str],
    found: list[LabelMatch | None],
    known: Callable[[str], bool],
    set_apart: Sequence[bool],
) -> list[LabelMatch | None]:
    """``found`` with a line holding only a speaker label (``INTERVIEWER``, ``Participant 4``,
    the words on the lines after it, as a script is laid out) taken as that speaker, on the
    lines where it has none, in a file where at least two such lines with two different labels
    are roles, numbered speakers or labels the file uses in another shape (``known``), or, on
    the lines ``set_apart`` (in bold, a heading), capitalised names set apart alone on two or
    more lines, or names in plain type that take turns so (:func:`_recurring_names`)."""
    shown = [" ".join(line.split()) if f is None else "" for f, line in zip(found, lines)]
    apart = Counter(label for label, s in zip(shown, set_apart, strict=True) if s and label)

    def set_apart_name(label: str) -> bool:
        return (
            apart[label] >= 2
            and _is_capitalised(label)
            and bool(_LONE_NAME.fullmatch(label))
            and not all(_is_common_word(w) for w in label.split())  # a bold "Yes" is an answer
        )

    # a role word for the one who answers ("Participant") alone on one line is as likely a
    # heading (above a consent statement): it counts on two or more lines
    lone = Counter(label.casefold() for label in shown if label)
    # a name above a line holding only its time, the words below (Otter, Teams, Stream)
    times = [time_alone(line) for line in [*lines[1:], ""]][: len(lines)]
    alone: list[LabelMatch | None] = []
    for label, line, s, time in zip(shown, lines, set_apart, times, strict=True):
        timed_name = (
            time is not None
            and _is_capitalised(label)
            and bool(_LONE_NAME.fullmatch(label))
            and not all(_is_common_word(w) for w in label.split())
            # a name with initials only as one reads (``Ward C.`` / ``1:15`` is a ward)
            and (not has_initial_stop(label) or is_initialled_name(_name_of(label)))
        )
        ok = (
            0 < len(label) <= MAX_LABEL_CHARS
            and label.casefold() not in _SENTENCE_OPENERS
            and _NOTE_THEN_WORDS.match(label) is None
            and (
                known(label)
                or (label.casefold() in _LONE_ANSWER_LABELS and lone[label.casefold()] >= 2)
                or (s and set_apart_name(label))
                or timed_name
            )
        )
        alone.append(LabelMatch(label, len(line), time, form="alone") if ok else None)
    names = _recurring_names(lines, shown, found, alone)
    alone = [
        LabelMatch(label, len(line), time, form="alone") if a is None and label in names else a
        for a, label, line, time in zip(alone, shown, lines, times, strict=True)
    ]
    if len({m.label.casefold() for m in alone if m is not None}) < 2:
        return found
    return [f if f is not None else a for f, a in zip(found, alone, strict=True)]


#: Fewest lines a name in plain type must stand alone on to be read as a speaker's label
#: (:func:`_recurring_names`): with no bold or heading to set it apart, it has to recur.
MIN_RECURRING_NAME_LINES = 3
#: Most times :func:`_recurring_names` weighs its names again without those it turned down (a
#: bound, so a file built to turn them down one by one stays linear).
_NAME_ROUNDS = 3


def _names_alone(label: str) -> bool:
    """Whether a line holding only ``label`` may be a person's name standing alone: one to
    :data:`MAX_CAPITALISED_LABEL_WORDS` capitalised words with no sentence punctuation, not all of
    them stop words or greetings ("Good Morning"), never ``I`` nor a header field."""
    return (
        0 < len(label) <= MAX_LABEL_CHARS
        and bool(_LONE_NAME.fullmatch(label))
        and _is_capitalised(label)
        and not all(_is_common_word(w) for w in label.split())
        and label.casefold() not in _SENTENCE_OPENERS
        and not is_header_field(label)
    )


def _recurring_names(
    lines: Sequence[str],
    shown: Sequence[str],
    found: Sequence[LabelMatch | None],
    alone: Sequence[LabelMatch | None],
) -> set[str]:
    """The names in plain type that stand alone on their lines as speakers' labels do, the words
    on the lines below (``Interviewer``, the question, ``Priya Nair``, the answer, as a typist
    lays a transcript out): a line holding only a name (:func:`_names_alone`, ``shown``) on at
    least :data:`MIN_RECURRING_NAME_LINES` lines, at least two thirds of which take a turn from
    another speaker: the speaker line before it (a label ``found``, one read ``alone``, or
    another such name) is someone else's, the line before it (blank lines aside) is that
    speaker's words, not their label alone, and the line after it is words, not a label. A
    one-line answer ("Exactly", "Mental Health") recurs inside one speaker's turns, so it takes
    no turn from another; a heading stands once."""
    counts = Counter(label for label, a in zip(shown, alone, strict=True) if label and a is None)
    names = {
        label
        for label, n in counts.items()
        if n >= MIN_RECURRING_NAME_LINES and _names_alone(label)
    }
    for _ in range(_NAME_ROUNDS):  # each round without the names the last one turned down
        speaker: dict[int, str] = {}  # line -> its speaker
        bare: set[int] = set()  # lines holding a speaker's label alone
        for i, (f, a, label) in enumerate(zip(found, alone, shown, strict=True)):
            if f is not None and not is_header_field(f.label):
                speaker[i] = f.label.casefold()
                if not lines[i][f.words_start :].strip():
                    bare.add(i)
            elif a is not None or label in names:
                speaker[i] = (label if a is None else a.label).casefold()
                bare.add(i)
        said = [i for i, line in enumerate(lines) if line.strip()]
        taking: Counter[str] = Counter()
        last: str | None = None
        for k, i in enumerate(said):
            if i not in speaker:
                continue
            if shown[i] in names and alone[i] is None:
                before = said[k - 1] if k else None
                after = said[k + 1] if k + 1 < len(said) else None
                if (
                    last not in (None, speaker[i])
                    and before is not None
                    and before not in bare
                    and after is not None
                    and after not in speaker
                ):
                    taking[shown[i]] += 1
            last = speaker[i]
        kept = {label for label in names if 3 * taking[label] >= 2 * counts[label]}
        if kept == names:
            break
        names = kept
    return names


#: ``00:00:15 P06 words``: a clock time, then a label with no colon (a transcript table printed
#: to PDF or pasted as text: ``time | speaker | words``).
TIME_FIRST_WORDS = re.compile(rf"^[ \t]*{_TIMESTAMP}[ \t]+(?=\S)")
_WORD = re.compile(r"\S+")
#: Labels that also open sentences ("I think ...", "Me and the team ..."): never read without a
#: colon after a time.
_SENTENCE_OPENERS = frozenset({"i", "me"})


def _time_first_label(line: str, known: Callable[[str], bool]) -> LabelMatch | None:
    """The label of a ``00:00:15 P06 words`` line: the longest run of up to four words after
    the time that ``known`` takes as a speaker."""
    m = TIME_FIRST_WORDS.match(line)
    if m is None:
        return None
    words = list(islice(_WORD.finditer(line, m.end()), MAX_CAPITALISED_LABEL_WORDS))
    for k in range(len(words), 0, -1):
        label = " ".join(w.group() for w in words[:k])
        fits = len(label) <= MAX_LABEL_CHARS and label.casefold() not in _SENTENCE_OPENERS
        if fits and known(label):
            end = words[k - 1].end()
            rest = len(line) - len(line[end:].lstrip(" \t"))
            return LabelMatch(label, rest, label_time(m.group("ts")), form="time first")
    return None


def _with_time_first_labels(
    lines: Sequence[str], found: list[LabelMatch | None], known: Callable[[str], bool]
) -> list[LabelMatch | None]:
    """``found`` with ``00:00:15 P06 words`` labels on the lines where it has none, in a file
    where at least two lines with two different labels have that shape, each label a role, a
    numbered speaker or one the file uses in another shape (``known``)."""
    timed = [
        None if f is not None else _time_first_label(line, known) for f, line in zip(found, lines)
    ]
    if len({m.label.casefold() for m in timed if m is not None}) < 2:
        return found
    return [f if f is not None else t for f, t in zip(found, timed, strict=True)]


#: The label of a subtitle cue or table row in the looser shape a video-call program allows a
#: person to call themselves (an emoji, ``Kate | NHS``, ``Kate Smith, RN``, ``kate.smith@nhs.net``,
#: a name in decomposed Unicode) before ``": "``; taken by :func:`cue_labels` only.
CUE_LABEL = re.compile(
    rf"^[ \t]*(?P<label>[^:\n]{{1,{MAX_CUE_LABEL_CHARS}}}?){BLANKS_WHOLE}:[ \t]+(?=\S)"
)
#: Lower-case words a person's display name may hold ("Ana de Souza", "Dr. med. Kate Sm").
_NAME_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "della", "den", "der", "di", "du", "la", "le", "med.", "van",
     "von", "y"}
)  # fmt: skip


#: A caller's telephone number as Zoom shows one who dials in (``+44 7700 900123``,
#: ``+44 (0)113 496 0000``, ``1415****234`` with digits masked).
_PHONE_NUMBER = re.compile(r"\+?[ \t]*[\d(][\d \t()*.-]{5,}")


def is_display_name(label: str) -> bool:
    """Whether a cue's looser label reads as a person's display name: letters in it, no URL or
    clock time, at most six words, each capitalised somewhere (``iPhone``), a name particle,
    an e-mail address, in brackets (``(she/her)``) or with no letter that has a case (an emoji,
    ``|``, a word of a script without capitals: Arabic ``مدير``);
    or a telephone number (one who
    dialled in, :data:`_PHONE_NUMBER`); or such a name before ``|`` and any words after it (an
    organisation: ``Jo Bloggs | Mind in Leeds``)."""
    if _PHONE_NUMBER.fullmatch(label.strip()) and sum(c.isdigit() for c in label) >= 7:
        return True
    name, bar, organisation = label.partition("|")
    if bar and name.strip() and organisation.strip() and "//" not in organisation:
        return is_display_name(name)
    words = label.split()
    if not words or len(words) > 6 or "//" in label or not any(c.isalpha() for c in label):
        return False
    return all(
        any(c.isupper() for c in w)
        or w.casefold() in _NAME_PARTICLES
        or "@" in w
        or not any(c.isupper() or c.islower() for c in w)  # an emoji, "|", Arabic: no case
        or (w.startswith("(") and w.endswith(")"))  # pronouns: "(she/her)"
        for w in words
    )


def cue_labels(
    lines: Sequence[str],
    found: Sequence[LabelMatch | None],
    interviewer_labels: Sequence[str] | None = None,
) -> list[LabelMatch | None]:
    """``found`` (the labels :func:`line_labels` took on subtitle cues or table rows) with the
    looser display-name labels of :data:`CUE_LABEL` taken on the lines where it has none: in a
    file where, with them, at least 80 % of the lines with words open with a speaker (Zoom
    writes ``Name:`` before every cue, so a name the strict shape cannot read is one more
    speaker, not talk), or where two or more such labels each open two or more lines; never a
    header field's name the strict shape read as talk (:func:`_declined_field`), nor a job's
    title said once inside an answer (:func:`_job_titles_quoted_in_answers`: ``Registered
    Manager: The manager demonstrates ...``, a cue between two of the participant's)."""
    loose: list[LabelMatch | None] = []
    for f, line in zip(found, lines, strict=True):
        view, at = label_view(line)
        m = None if f is not None else CUE_LABEL.match(view)
        label = "" if m is None else " ".join(m.group("label").split())
        ok = m is not None and is_display_name(label) and not _declined_field(view)
        found_here = LabelMatch(label=label, words_start=m.end(), time=None) if ok and m else None
        loose.append(_in_line(found_here, at))
    if not any(loose):
        return list(found)
    with_words = sum(1 for line in lines if line.strip())
    labelled = sum(1 for f in found if f is not None)
    counts = Counter(m.label for m in loose if m is not None)
    repeated = {label for label, n in counts.items() if n >= 2}
    if labelled + sum(counts.values()) >= 0.8 * with_words:
        taken = set(counts)
    elif len(repeated) >= 2:
        taken = repeated
    else:
        return list(found)
    out = [
        f if f is not None else (m if m is not None and m.label in taken else None)
        for f, m in zip(found, loose, strict=True)
    ]
    speakers = {m.label for m in out if m is not None}
    quoted = _job_titles_quoted_in_answers(lines, out, speakers, interviewer_labels)
    return [
        None if f is None and m is not None and m.label in quoted else m
        for f, m in zip(found, out, strict=True)
    ]


def _declined_field(line: str) -> bool:
    """Whether ``line`` opens with a header field's name in a label's strict shape
    (``Note: we still keep a paper copy``) that :func:`line_labels` did not take as a speaker:
    its rules read it as talk (:func:`words_not_speakers`), which a display name's looser
    shape does not overrule."""
    m = match_label(line)
    return m is not None and is_header_field(name_before_brackets(m.label))


def time_alone(line: str) -> float | None:
    """The time of a line holding only a time (``0:03``, ``[00:01:02]``), else None."""
    stamp = match_timestamp(line)
    return None if stamp is None or line[stamp[1] :].strip() else stamp[0]


def match_timestamp(line: str) -> tuple[float, int] | None:
    """``(seconds, end offset)`` when ``line`` opens with a timestamp."""
    m = TIMESTAMP_PREFIX.match(line)
    if m is None:
        return None
    return _seconds(m.group("ts")), m.end()


def _is_capitalised(label: str) -> bool:
    words = label.split()
    return len(words) <= MAX_CAPITALISED_LABEL_WORDS and all(
        w[0].isupper() or w[0].isdigit() or w[0] in "([" for w in words
    )


#: A role or pronouns in brackets after a name (``Dean (support worker)``, ``Grace (she/her)``,
#: ``Dean [support worker]``), at the end of the label with its blanks stripped. It opens with
#: the bracket, not with blanks: ``\s*`` first made a label of 100,000 blanks take minutes.
_BRACKETED_AFTER_NAME = re.compile(r"(?:\([^()]*\)|\[[^\[\]]*\])$")


def name_before_brackets(label: str) -> str:
    """``label`` without the words in brackets it ends on (``Dean (support worker)`` → ``Dean``),
    the name a once-said label is judged by; ``label`` itself when it ends on none."""
    stripped = label.rstrip()
    if not stripped.endswith((")", "]")):
        return label
    m = _BRACKETED_AFTER_NAME.search(stripped)
    return label if m is None else stripped[: m.start()].rstrip()


def label_fits(label: str) -> bool:
    """Whether ``label`` is short enough to be a speaker's: at most :data:`MAX_LABEL_CHARS`
    characters, or a name of at most that many with a note of at most
    :data:`MAX_LABEL_NOTE_CHARS` in the brackets it ends on or after ``|`` (``Bernadette Okonkwo
    (Calderdale Recovery Hub)``, ``Jane Smith | Calderdale and Kirklees Recovery Hub``), as Zoom
    and Teams show who someone is and where they work. Whether it is a speaker is for
    :func:`accepted_labels` to say (``The thing is (and I mean this honestly)`` fits too)."""
    if len(label) <= MAX_LABEL_CHARS:
        return True
    name, bar, note = label.partition("|")
    if not (bar and name.strip() and note.strip()):
        name = name_before_brackets(label)
        note = label[len(name) :].strip()[1:-1]
    return (
        name != label
        and 0 < len(name.strip()) <= MAX_LABEL_CHARS
        and 0 < len(note.strip()) <= MAX_LABEL_NOTE_CHARS
    )


def _name_of(label: str) -> str:
    """The name of ``label`` a once-said label is judged by: before the brackets it ends on
    (:func:`name_before_brackets`) or an organisation after ``|`` (``Jane Smith | NHS`` ->
    ``Jane Smith``)."""
    name, bar, organisation = label.partition("|")
    if bar and name.strip() and organisation.strip():
        return name.strip()
    return name_before_brackets(label)


def accepted_labels(
    candidates: Iterable[str],
    interviewer_labels: Iterable[str] | None = None,
    *,
    in_turn_layout: Collection[str] = (),
) -> set[str]:
    """The candidate labels that are taken as speakers (see the module docstring);
    ``in_turn_layout``: the labels holding an initial that the file lays out as turns
    (:func:`_initialled_in_turn_layout`)."""
    counts = Counter(candidates)
    keys = interviewer_keys(interviewer_labels)

    def accepted(label: str, n: int) -> bool:
        name = _name_of(label)
        if reads_as_a_phrase(name):  # "The problem is", "and she said", however often said
            return keys.known(label)
        if has_initial_stop(label):  # "A. Khan", "Q. What helped": only a name's shape
            return keys.known(label) or (
                is_initialled_name(name) and (n >= MIN_INITIALLED_TURNS or label in in_turn_layout)
            )
        if "," in name:  # surname first: only with evidence, "Well, honestly:" opens talk
            return (n >= 2 or keys.known(label)) and is_comma_name(label)
        return (
            n >= 2
            or keys.known(label)
            or participant_number_label(label) is not None
            or _is_capitalised(label)
            or (name != label and _is_capitalised(name))
            or is_interviewee_role_label(name)  # "Service user (Kieran)", said once
            or is_unknown_speaker(label)
        )

    return {label for label, n in counts.items() if accepted(label, n)}


def reads_as_a_phrase(name: str) -> bool:
    """Whether the label ``name`` (its note in brackets aside) is a phrase a participant opens a
    sentence with before a colon, no speaker: a whole phrase of ``data/phrase_labels.txt``
    (``Honestly``, ``Bottom line``), or, where not every word of it is capitalised, one holding
    two words of ``data/phrase_label_words.txt`` (the first word in any case, the others in lower
    case, none all in capitals: ``and she said``, ``What I'd say is``), or ends in a lower-case
    word of ``data/phrase_label_ends.txt`` (``The problem is``, ``My manager said``); not ``Said
    Ahmed``, ``IT lead``, ``Maria do Carmo``, ``can yilmaz``. Said two or more
    times it is still talk (session 82, messy12 class A: its words were cut from the text and
    its turns given to a speaker of that name)."""
    words = [w.replace("’", "'") for w in name.split()]
    if " ".join(words).casefold() in packaged_words("phrase_labels.txt"):
        return True
    if _is_capitalised(name):
        return False
    # two such words (``and she said``, ``What I'd say is``), or one that ends it in lower case
    # (``The problem is``, ``My manager said``): one alone is as often a name's particle or a
    # display name typed in lower case (hunter s82 hunt15: ``Maria do Carmo``, ``Joana Puig i
    # Soler``, ``can yilmaz``, ``It lead`` had become talk, their words merged into the turn
    # above)
    phrase_words = packaged_words("phrase_label_words.txt")
    counted = [
        w
        for i, w in enumerate(words)
        if w.casefold() in phrase_words and not w.isupper() and (i == 0 or w.islower())
    ]
    ends = packaged_words("phrase_label_ends.txt")
    return len(counted) >= 2 or (len(words) >= 2 and words[-1] in ends)


def _label_shape(line: str, m: LabelMatch) -> str:
    """How ``line`` writes its label ``m`` before the words: the label as ``L``, figures as ``9``,
    blanks as one (``Sarah: `` and ``Team leader: `` -> ``L:``; ``**Sarah:**`` -> ``**L:**``;
    ``[00:01:02] P04:`` -> ``[99:99:99] L:``)."""
    head = line[: m.words_start]
    at = head.find(m.label)
    if at >= 0:
        head = f"{head[:at]}L{head[at + len(m.label) :]}"
    return " ".join(re.sub(r"\d+", "9", head).split())


def names_a_job(label: str) -> bool:
    """Whether ``label`` (its note in brackets aside) is a job's title of two words or more in
    sentence case, as a transcriber types a role (``Team leader``, ``Deputy manager``, ``Peer
    support worker``): its first word capitalised, its words a job's title
    (:func:`~roqa_nlp.pseudonyms.job_title`: the last a word for one person of
    ``data/person_words.txt`` and ``data/not_names.txt``, each before it a role's or an everyday
    word that is no name or stop word), so not ``Our manager`` or ``The team leader``."""
    from ..pseudonyms import job_title

    words = without_marks(name_before_brackets(label)).split()
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and all(w.isalpha() or w.replace("-", "").isalpha() for w in words)
        and job_title([w.casefold() for w in words])
    )


def _job_titles_said_once(
    lines: Sequence[str], matches: Sequence[LabelMatch | None], accepted: Collection[str]
) -> set[str]:
    """The labels of ``matches`` (one per line of ``lines``) said once that are a job's title in
    sentence case (:func:`names_a_job`: ``Team leader``, ``Deputy manager``, ``Support worker``),
    not otherwise accepted as a speaker (:func:`accepted_labels` takes a label said once only
    capitalised throughout, ``Team Leader``), whose line writes its label as a label of the file
    said twice or more is written (:func:`_label_shape`: ``Team leader: Can I just add ...``
    between ``Sarah:`` turns): a team leader who speaks once is a speaker of their own. Session
    74 (readers2, 1): the team leader's turn was read as Sarah's words. Not where the file's
    labels have another shape (beside timed ``[00:01:02] Sarah:``, below Otter's ``Sian Lloyd
    0:07``: a line of the answer), nor where its words open in lower case, as an answer's line
    does (``Registered manager: that is what it says on the certificate.``), nor a line next to
    another line opening with a label said once and not a speaker (``Support worker: ...``,
    ``Team leader: ...`` one a line, a list of roles inside an answer)."""
    counts = Counter(m.label for m in matches if m is not None)
    shapes = {
        _label_shape(line, m)
        for line, m in zip(lines, matches, strict=True)
        if m is not None and counts[m.label] >= 2 and m.label in accepted and not m.timed
    }
    if not shapes:
        return set()
    spoken = [i for i, line in enumerate(lines) if line.strip()]

    def stray(i: int) -> bool:  # a line opening with a label said once and no speaker's
        m = matches[i]
        return m is not None and counts[m.label] == 1 and m.label not in accepted

    found: set[str] = set()
    for k, i in enumerate(spoken):
        m = matches[i]
        if (
            m is None
            or counts[m.label] != 1
            or m.label in accepted
            or m.timed
            or m.form != "colon"
            or not names_a_job(m.label)
            or _label_shape(lines[i], m) not in shapes
            or lines[i][m.words_start :].lstrip()[:1].islower()
        ):
            continue
        beside = [spoken[j] for j in (k - 1, k + 1) if 0 <= j < len(spoken)]
        if not any(stray(j) for j in beside):
            found.add(m.label)
    return found


#: The first person singular a title's words say when its line is someone speaking (``Deputy
#: manager: I'd add staffing to that.``), not a report or a certificate quoted
#: (:func:`_job_titles_quoted_in_answers`; ``roqa_nlp/data/``).
SPEAKING_I_WORDS = "speaking_i_words.txt"
_SPOKEN_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _says_i(words: str) -> bool:
    """Whether ``words`` hold a word of :data:`SPEAKING_I_WORDS` (``I``, ``I'd``, ``I’m``)."""
    listed = packaged_words(SPEAKING_I_WORDS)
    return any(
        w.group().replace("’", "'").casefold() in listed for w in _SPOKEN_WORD.finditer(words)
    )


def _mostly_asking(
    lines: Sequence[str],
    matches: Sequence[LabelMatch | None],
    accepted: Collection[str],
    spoken: Sequence[int],
    speaker: Sequence[str | None],
) -> set[str]:
    """The speakers of ``spoken`` (the lines with words; ``speaker``, the label of ``accepted``
    each is the talk of) whose turns end on a question (:func:`.roles.asks`) more often than
    not, two turns or more: an interviewer no one named (``Helen: ... What got in the way?`` /
    ``Helen: Right, go on, say more about the budget.``), whose talk a title after theirs does
    not stand inside."""
    ends: dict[int, str] = {}  # each turn's last line with words, by its first
    first = -1
    for k, i in enumerate(spoken):
        m = matches[i]
        labelled = m is not None and m.label in accepted
        if k == 0 or labelled:
            first = k
        ends[first] = lines[i][m.words_start :] if labelled and m is not None else lines[i]
    turns: Counter[str] = Counter()
    asking: Counter[str] = Counter()
    for first, last in ends.items():
        who = speaker[first]
        if who is not None:
            turns[who] += 1
            asking[who] += asks(last)
    return {who for who, n in turns.items() if n >= 2 and 2 * asking[who] > n}


def _job_titles_quoted_in_answers(
    lines: Sequence[str],
    matches: Sequence[LabelMatch | None],
    accepted: Collection[str],
    interviewer_labels: Iterable[str] | None,
) -> set[str]:
    """The labels of ``accepted`` said once that are a job's title (:func:`names_a_job`, in
    sentence case or capitalised throughout) whose line stands inside one speaker's answer: the
    line before it is that speaker's talk (their labelled line or a line of their turn, not an
    interviewer's and not a question), and their talk goes on right after it, on a line with no
    speaker's label, with no interviewer's turn between. Such a line quotes a title
    (``Registered manager: The manager demonstrates a clear vision ...`` read off a CQC report,
    then ``That's the bit I was proud of.``), whatever the case of its words, and stays in the
    answer. Session 75 (readers3, G1 of the s74 hunt): the quoted title was read
    as a second speaker who took the participant's next sentence too. A title answering a
    question, or with an interviewer's turn right after it, is a speaker still (a focus group's
    ``Team leader: Funding, mostly.`` after ``Facilitator: What got in the way?``), and so is
    one the speaker's label follows again: someone joined in and the speaker answered them
    (``Participant: Let me check with my deputy.`` / ``Deputy manager: Twenty-two.`` /
    ``Participant: Twenty-two, there you go.``, as Zoom's captions of it read; session 75 hunt
    R1: folded in, the deputy's words were quoted as the participant's)."""
    counts = Counter(m.label for m in matches if m is not None)
    titles = {
        label for label, n in counts.items() if n == 1 and label in accepted and names_a_job(label)
    }
    if not titles:
        return set()
    keys = interviewer_keys(interviewer_labels)
    spoken = [i for i, line in enumerate(lines) if line.strip()]
    speaker: list[str | None] = []  # the accepted label whose talk each spoken line is
    last: str | None = None
    for i in spoken:
        m = matches[i]
        if m is not None and m.label in accepted:
            last = m.label
        speaker.append(last)
    askers = _mostly_asking(lines, matches, accepted, spoken, speaker)
    found: set[str] = set()
    for k, i in enumerate(spoken):
        m = matches[i]
        if m is None or m.label not in titles or m.timed or k == 0 or k + 1 == len(spoken):
            continue
        words = lines[i][m.words_start :].strip()
        if not words or (not words[:1].islower() and _says_i(words)):
            continue  # the label alone on its line, or its words of someone speaking
        before, after = spoken[k - 1], spoken[k + 1]
        who = speaker[k - 1]
        if (
            who is None
            or who == m.label
            or who in keys
            or who in askers
            or lines[before].rstrip().endswith("?")
        ):
            continue
        m_after = matches[after]
        if m_after is None or m_after.label not in accepted:
            found.add(m.label)
    return found


#: Fewest and most capital letters of a speaker's initials as a label (``CD``, ``MJO``).
_INITIALS_LETTERS = range(2, 4)


def are_initials(label: str) -> bool:
    """Whether ``label``'s name (before a note in brackets) is two or three capital letters, as
    a focus group's transcriber labels its members (``CD``, ``MK``, ``MJO``); an acronym
    (``CQC``, ``NHS``) has that shape too, which :func:`_initials_taking_turns` tells apart."""
    name = without_marks(name_before_brackets(label))
    return len(name) in _INITIALS_LETTERS and name.isalpha() and name.isupper()


def _initials_taking_turns(
    lines: Sequence[str],
    matches: Sequence[LabelMatch | None],
    accepted: Collection[str],
    interviewer_labels: Iterable[str] | None,
    title_block: Collection[int],
) -> set[str]:
    """The labels of ``matches`` (one per line of ``lines``) said once that are initials
    (:func:`are_initials`), not otherwise accepted as a speaker (:func:`words_not_speakers`
    reads a capitalised word said once as an acronym of talk, ``CQC: they came in March``),
    whose line the file lays out as a turn: it answers the interviewer's question (the line with
    words above it, a transcriber's note alone on its line left out, asks (:func:`.roles.asks`:
    its last ``?`` followed by notes or marks only, ``Anyone else? [pause]``, ``Anyone else?
    …``) and is the talk of a label of ``interviewer_labels`` or of the roles known:
    ``Facilitator: What gets in the way?`` / ``[crosstalk]`` / ``CD: And the commissioners
    change targets.``; or that line names the member, ``Facilitator: Anyone else – CD, you were
    nodding.``; session 76 hunt2 F3: each was folded into the facilitator's turn, never
    coded; not a participant's own question, ``P04: And who do you think came?`` / ``CQC:
    they came in March.``, which as a second participant would take the file's interviewer
    guess away where no label names one), or it follows a turn of another member labelled by
    initials (``CD: ...`` / ``MK: Every year, yes.``) where that member was read so too or
    the file labels its interviewer by a role (``Facilitator:``, ``Interviewer:``) or the
    researcher names the interviewer (``interviewer_labels``: ``HW``). Session 76 (readers,
    A): each member of a focus group who spoke once under their initials was read as the words
    of the turn above. Where the interviewer too is labelled by initials and no one names them
    (``HW:`` asking, ``MJO:`` answering), capitals said once inside ``MJO``'s answer may be an
    acronym as well as a member, and read as a third speaker they would leave the interviewer
    unguessed: they stay ``MJO``'s words. Where fewer than two members labelled by initials
    speak more than once (one participant, ``MJO``), a line following such a member's answer
    (not read through a question) is a speaker only where neither labelled line beside it opens
    with another label said once and no speaker's: ``GP: ...`` / ``OT: ...`` / ``CPN: ...`` one
    a line under ``MJO: Well, it breaks down like this.`` is a list of roles inside the answer
    (session 76 hunt2, F1: each was read as a participant and ``roqa pseudonymise`` rewrote
    "the OT team" as "the [P03] team"), as job titles are (:func:`_job_titles_said_once`); nor
    does such a line hand on to the next (a member read through a question does: ``CD:`` /
    ``MK:`` after the facilitator's question, and so do members where two or more recur).
    An acronym inside an answer that asks nothing (``P06: It was stressful.`` / ``CQC: they
    came in March.``) is talk still, and so is a word or note a
    transcriber writes in capitals (``OK:``, ``NB:``, ``Re:``; ``data/stop_words_en.txt``,
    ``data/stop_words_spoken.txt``, ``data/note_abbreviations.txt``), a header field's name
    and a line of the title block (``title_block``)."""
    counts = Counter(m.label for m in matches if m is not None)
    if not any(
        n == 1 and label not in accepted and are_initials(label) for label, n in counts.items()
    ):
        return set()
    keys = interviewer_keys(interviewer_labels)
    named = {" ".join(label.casefold().split()) for label in interviewer_labels or ()}
    by_role = any(
        keys.known(label) and (not are_initials(label) or label.casefold() in named)
        for label in accepted
    )
    # a focus group: two or more members labelled by initials speak more than once
    group = (
        sum(
            1
            for label in accepted
            if counts[label] >= 2 and are_initials(label) and not keys.known(label)
        )
        >= 2
    )

    def candidate(i: int) -> bool:  # a line opening with initials said once, no speaker's
        m = matches[i]
        return (
            m is not None
            and counts[m.label] == 1
            and m.label not in accepted
            and i not in title_block
            and m.form == "colon"
            and are_initials(m.label)
            and not _written_in_capitals(name_before_brackets(m.label))
        )

    labelled = [i for i, m in enumerate(matches) if m is not None]
    place = {i: k for k, i in enumerate(labelled)}

    def in_a_list(i: int) -> bool:  # beside another line opening with a label said once
        k = place[i]
        beside = [labelled[j] for j in (k - 1, k + 1) if 0 <= j < len(labelled)]
        return any(
            (m := matches[j]) is not None and counts[m.label] == 1 and m.label not in accepted
            for j in beside
        )

    talk = "\n".join(
        line if m is None else line[m.words_start :] for line, m in zip(lines, matches, strict=True)
    )
    found: set[str] = set()
    asked: set[str] = set()  # those found answering a question
    speaker: str | None = None  # the speaker whose talk the line above is
    above = ""  # the line with words above, a transcriber's note alone left out
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = matches[i]
        if m is not None and speaker is not None and candidate(i):
            if writes_a_timed_note(line, m, answering=asks(above)):
                pass
            elif keys.known(speaker) and (
                asks(above) or _names(above, name_before_brackets(m.label))
            ):
                found.add(m.label)
                asked.add(m.label)
            elif are_initials(speaker) and (
                (group and (by_role or speaker in found))
                or (
                    (speaker in asked or (by_role and speaker not in found and not in_a_list(i)))
                    and not _an_acronym_of_the_talk(m.label, talk)
                )
            ):
                found.add(m.label)
        if m is not None and (m.label in accepted or m.label in found):
            speaker = m.label
        if m is not None or not only_annotations(line.strip()):
            above = line
    return found


#: Letters of a short label in capitals that may be one more speaker's, said once
#: (:func:`_capitals_taking_turns`: ``GP``, ``RM``, ``DN``, ``CEO``, ``ANPS``).
_CAPITALS_LABEL_LETTERS = range(2, 5)
#: A clock time in a label's line, read as one whatever its numbers (:func:`_turn_shape`).
_ANY_TIME = re.compile(_TIME)


def _in_short_capitals(label: str) -> bool:
    """Whether ``label``'s name (before a note in brackets) is two to four capital letters
    (``GP``, ``CEO``), which :func:`words_not_speakers` reads, said once, as an acronym of
    talk."""
    name = without_marks(name_before_brackets(label))
    return len(name) in _CAPITALS_LABEL_LETTERS and name.isalpha() and name.isupper()


def _time_form(line: str, m: LabelMatch) -> str:
    """How ``line`` writes its label ``m``'s time: its parts' widths, ``0`` for a leading zero
    (``00:08:10`` -> ``02:2:2``, ``9:00`` and ``10:02`` -> ``1:2`` and ``2:2``, read alike as
    ``m:2``), so a schedule's ``9:00`` is not the ``00:08:10`` of a Word file's labels."""
    head = line[: m.words_start].replace(m.label, " ")
    found = _ANY_TIME.search(head)
    if found is None:
        return ""
    parts = found.group().split(":")
    lead = "0" if len(parts[0]) == 2 and parts[0].startswith("0") else "m"
    return ":".join([lead, *(str(len(part)) for part in parts[1:])])


def _turn_shape(line: str, m: LabelMatch) -> str:
    """How ``line`` lays out its label ``m`` and the label's time: the label as ``L``, each time
    as ``T`` whatever its numbers (``0:03``, ``1:00:05``, ``00:00:03``), blanks as one (Otter's
    ``GP  1:51`` and ``Hannah Whitfield  0:03`` -> ``L T``; Zoom's ``[L] T``; Rev's ``L (T):``)."""
    head = line[: m.words_start]
    at = head.find(m.label)
    if at >= 0:
        head = f"{_ANY_TIME.sub('T', head[:at])}L{_ANY_TIME.sub('T', head[at + len(m.label) :])}"
    return " ".join(head.split())


#: The words before a noun that make it a common noun of the talk (``ring the GP``).
COMMON_NOUN_DETERMINERS = "common_noun_determiners.txt"
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")


def _said_in_talk(
    word: str, lines: Sequence[str], matches: Sequence[LabelMatch | None], at: int
) -> bool:
    """Whether ``word`` stands as a word in the talk of a line of ``lines`` but the ``at``-th
    (``MDT meets at nine``, ``And does MDT help``): capitals the file says as a name are its
    talk's acronym. Said only as a common noun, after a determiner (``data/
    common_noun_determiners.txt``: ``ring the GP``, ``a GP letter``), they may yet name the
    one who cuts in once (session 81 hunt12 F3: a ``GP  0:35`` joiner was refused so)."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    determiners = packaged_words(COMMON_NOUN_DETERMINERS)

    def as_a_name(talk: str) -> bool:
        for found in pattern.finditer(talk):
            before = _WORD_BEFORE.search(talk[max(0, found.start() - 40) : found.start()])
            if before is None or before.group(1).casefold() not in determiners:
                return True
        return False

    return any(
        as_a_name(line if m is None else line[m.words_start :])
        for j, (line, m) in enumerate(zip(lines, matches))
        if j != at
    )


def _capitals_taking_turns(
    lines: Sequence[str],
    matches: Sequence[LabelMatch | None],
    accepted: Collection[str],
    title_block: Collection[int],
) -> set[str]:
    """The labels of ``matches`` (one per line of ``lines``) said once that are two to four
    capitals (:func:`_in_short_capitals`: ``GP``, ``RM``, ``CEO``), not otherwise accepted
    (:func:`words_not_speakers` reads them as an acronym of talk, ``CQC: they came in March``),
    whose line the file lays out as one more speaker's turn, with all the evidence a name said
    once there has: the label alone on its line with a time of its own, the words below (Otter's
    ``GP  1:51``, Zoom's ``[GP] 00:01:51``, Word's ``00:01:51 GP``, Happy Scribe's, Rev's ``GP
    (01:51):``), the line laid out as the
    labels of the two or more speakers the file names twice or more (:func:`_turn_shape`), its
    time no later than the label's below and after that of the label before the one above (said
    over the turn above, a time comes a little before that turn's), the labelled lines on either side of
    it each one of those speakers' (a turn taken from one and handed on; not a rota's list of
    labels said once), words of its own, and a paragraph of its own where the speakers' labels
    each open one, else the words above it ending a sentence and its own not opening in lower
    case.
    Session 80 hunt8 P2: ``GP  1:51`` between ``Hannah Whitfield  1:49`` and ``Gareth Price
    2:02`` was read as Hannah's words. A word or note a transcriber writes in capitals
    (:func:`_written_in_capitals`: ``OK``, ``AM``, ``NB``, ``NHS``), a line of the title block,
    and capitals with words after them on their line (``CQC: they came in March``, ``[00:05:10]
    CQC: they came in March``, where the time may be the paragraph's) stay talk; so does a line
    whose words stand a blank line below it where each speaker's follow their label, and one
    after a turn running on over more lines than any other that its time cuts off at no pace
    the file's speakers keep (:func:`_keeps_pace`; session 81 hunt12 F1: a joiner who cuts in
    after the longest answer, at the time its words take, is one more speaker)."""
    counts = Counter(m.label for m in matches if m is not None)
    recurring = {label for label, n in counts.items() if n >= 2 and label in accepted}
    if len(recurring) < 2:
        return set()
    at = {i: m for i, m in enumerate(matches) if m is not None}
    labelled = list(at)
    speakers_at = [i for i, m in at.items() if m.label in recurring]
    shapes = {_turn_shape(lines[i], at[i]) for i in speakers_at}

    def opens_a_paragraph(i: int) -> bool:
        return i == 0 or not lines[i - 1].strip()

    paragraphs = all(opens_a_paragraph(i) for i in speakers_at)

    def lines_of_words(k: int) -> int:  # the k-th labelled line's turn, up to the next label
        i, m = labelled[k], at[labelled[k]]
        end = labelled[k + 1] if k + 1 < len(labelled) else len(lines)
        return sum(1 for x in (lines[i][m.words_start :], *lines[i + 1 : end]) if x.strip())

    turn_lines = {k: lines_of_words(k) for k, i in enumerate(labelled) if at[i].label in recurring}

    def words_right_below(i: int) -> bool:  # on the label's line or the next
        return bool(lines[i][at[i].words_start :].strip()) or (
            i + 1 < len(lines) and bool(lines[i + 1].strip())
        )

    # Otter's "Gareth Price  1:09" / "Mixed, honestly.": a line of an answer laid out as a label
    # stands as a paragraph of its own, its words a blank line below ("GP  1:15" / "" / "That is")
    below_each = all(words_right_below(i) for i in speakers_at)
    pace = _seconds_a_word(lines, at, labelled, recurring)
    found: set[str] = set()
    for k, i in enumerate(labelled):
        m = matches[i]
        if (
            m is None
            or counts[m.label] != 1
            or m.label in accepted
            or m.time is None
            # capitals with words after them: a paragraph's time (a name's is its own)
            or (lines[i][m.words_start :].strip() and not _ends_on_a_surname_initial(m.label))
            or i in title_block
            or not (
                (
                    _in_short_capitals(m.label)
                    and not _written_in_capitals(name_before_brackets(m.label))
                    and not _said_in_talk(name_before_brackets(m.label), lines, matches, i)
                )
                or (_ends_on_a_surname_initial(m.label) and is_initialled_name(_name_of(m.label)))
            )
            or _turn_shape(lines[i], m) not in shapes
            or (paragraphs and not opens_a_paragraph(i))
        ):
            continue
        before = matches[labelled[k - 1]] if k > 0 else None
        after_at = labelled[k + 1] if k + 1 < len(labelled) else len(lines)
        after = matches[after_at] if after_at < len(lines) else None
        if before is None or before.label not in recurring:
            continue
        if after_at < len(lines) and (after is None or after.label not in recurring):
            continue
        # said over the turn above, its time may come a little before that turn's own: it
        # comes after the turn before that (``Hannah  1:49`` / ``GP  1:47``, Gareth's at 1:09)
        earlier = _time_of(matches[labelled[k - 2]]) if k >= 2 else None
        if (earlier if earlier is not None else before.time or 0.0) > m.time:
            continue
        if after is not None and after.time is not None and m.time > after.time:
            continue
        forms = {
            _time_form(lines[j], side)
            for j, side in ((labelled[k - 1], before), (after_at, after))
            if side is not None
        }
        if _time_form(lines[i], m) not in forms:
            continue  # a schedule's "9:00 MDT" in a file of "00:08:10 Gareth Price"
        below = [x for x in (lines[i][m.words_start :], *lines[i + 1 : after_at]) if x.strip()]
        if not below:
            continue  # no words of its own
        above = labelled[k - 1]
        said = [x for x in (lines[above][before.words_start :], *lines[above + 1 : i]) if x.strip()]
        if not said:
            continue  # the speaker above said nothing: no turn was taken from them
        if below_each and not words_right_below(i):
            continue  # its words a paragraph below it, as no speaker's are: an answer's line
        if len(said) > max(
            (n for j, n in turn_lines.items() if j != k - 1), default=len(said)
        ) and not _keeps_pace(pace, before.time, m.time, said):
            # the turn above runs on over more lines than any other, and the label's time cuts
            # it off at no pace the file's speakers keep: an answer's line
            continue
        if not paragraphs and (not ends_a_sentence(said[-1]) or below[0].lstrip()[:1].islower()):
            continue  # a line inside a sentence: "we had a visit from" / "CQC  0:20" / "they came"
        found.add(m.label)
    return found


#: How many times faster or slower than its file's speakers a turn may be said, its words
#: counted between its label's time and the next label's, and be one
#: (:func:`_keeps_pace`): a line of an answer laid out as a label, ``GP  1:15`` after an answer
#: at 1:09, splits the answer's words at a pace no speaker of the file keeps.
PACE_FACTOR = 2.5
_SPOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _words_said(lines: Iterable[str]) -> int:
    return sum(len(_SPOKEN.findall(line)) for line in lines)


def _seconds_a_word(
    lines: Sequence[str],
    at: dict[int, LabelMatch],
    labelled: Sequence[int],
    recurring: Collection[str],
) -> float | None:
    """The median seconds a word of the turns of the ``recurring`` speakers' labels (``at``, on
    the ``labelled`` lines of ``lines``) takes, from a label's time to the next one's where that
    is a recurring speaker's too, later, and the turn says words: None where no turn has."""
    paces = []
    for k, i in enumerate(labelled[:-1]):
        m, after = at[i], at[labelled[k + 1]]
        if m.label not in recurring or after.label not in recurring:
            continue
        if m.time is None or after.time is None or after.time <= m.time:
            continue
        n = _words_said((lines[i][m.words_start :], *lines[i + 1 : labelled[k + 1]]))
        if n:
            paces.append((after.time - m.time) / n)
    return statistics.median(paces) if paces else None


def _keeps_pace(
    pace: float | None, begin: float | None, end: float | None, said: Sequence[str]
) -> bool:
    """Whether a turn of the lines ``said``, from the time ``begin`` to the next label's ``end``,
    is said at the ``pace`` of its file's speakers (:func:`_seconds_a_word`), give or take
    :data:`PACE_FACTOR` times: its words fit its times. Times unknown or out of order keep no
    pace."""
    n = _words_said(said)
    if pace is None or begin is None or end is None or end <= begin or not n:
        return False
    return 1 / PACE_FACTOR <= (end - begin) / n / pace <= PACE_FACTOR


#: A time or a date opening a line's words after its label: ``END: 00:47:12, recording
#: stopped``, ``TC: 01:02:03``, ``REF: 12/03/2024`` (:func:`opens_with_a_time`).
#: The blanks before the bracket are read once (two runs of optional blanks around an optional
#: bracket are quadratic in a long run of blanks).
_OPENING_TIME_OR_DATE = re.compile(
    r"\s*(?:[\[(]\s*)?(?:\d{1,2}:\d{2}|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})"
)


def opens_with_a_time(words: str) -> bool:
    """Whether ``words``, a line's words after its label, open with a time or a date: a
    transcriber's note (``END: 00:47:12, recording stopped by the facilitator.``), not a
    member's turn."""
    return _OPENING_TIME_OR_DATE.match(words) is not None


def writes_a_timed_note(line: str, m: LabelMatch, *, answering: bool = False) -> bool:
    """Whether ``line``, opening with the label ``m``, is a transcriber's note in a turn's
    shape: its words open with a time or a date (:func:`opens_with_a_time`: ``XY: 00:45:12
    recording stopped``), or a time in brackets follows the label (``m.time``) and the words
    note the recording (:func:`.unlabelled.notes_the_recording`: ``XY: [00:45:12] recording
    stopped``; session 76 rfix leftover: read as a member's turn at 45:12), in its short form
    where the line is ``answering`` a question."""
    from .unlabelled import notes_the_recording

    words = line[m.words_start :]
    return opens_with_a_time(words) or (
        m.time is not None and notes_the_recording(words, answering=answering)
    )


def _an_acronym_of_the_talk(label: str, talk: str) -> bool:
    """Whether ``label``'s name, capitals said once after an answer under initials, is an
    acronym of that talk rather than one more member's initials: a kind of body, service or role
    (``data/generic_acronyms.txt``: ``GP``, ``MDT``, ``CQC``) or a word the file's talk
    (``talk``, its lines without their labels) also says in capitals (``the MDT``, ``the GP
    surgery``). Session 76 hunt3, R1: ``RT: It rotates.`` / ``MDT: that's what we call it, the
    MDT`` was read as a second participant and ``roqa pseudonymise`` renamed the file and wrote
    "the [P02]"."""
    name = without_marks(name_before_brackets(label))
    return name.upper() in packaged_words("generic_acronyms.txt") or _names(talk, name)


def _names(words: str, initials: str) -> bool:
    """Whether ``words``, an interviewer's line, name ``initials`` as a word: the facilitator
    hands the talk to that member (``Anyone else – CD, you were nodding.``)."""
    return re.search(rf"(?<![\w-]){re.escape(initials)}(?![\w-])", words) is not None


def _written_in_capitals(name: str) -> bool:
    """Whether ``name``, two or three capitals, is a word or note a transcriber writes in
    capitals, not a person's initials: a stop word (``OK``, ``AM``, ``RE``), a header field's
    name, an abbreviation or word of ``data/note_abbreviations.txt`` (``NB``, ``PS``, ``FYI``,
    ``END``, ``TC``), or an acronym naming no person (``data/acronyms_not_initials.txt``:
    ``NHS``, ``PM``)."""
    word = without_marks(name).casefold()
    return writes_a_note(name) or word in packaged_words("acronyms_not_initials.txt")


def writes_a_note(name: str) -> bool:
    """Whether ``name``, written in capitals before a colon, opens a note or a word of talk, not
    anyone's turn: a stop word (``OK``, ``AM``), a header field's name, or an abbreviation or
    word of ``data/note_abbreviations.txt`` (``NB``, ``PS``, ``END``, ``TC``)."""
    word = without_marks(name).casefold()
    return (
        _is_common_word(word)
        or is_header_field(name)
        or word in packaged_words("note_abbreviations.txt")
    )


#: Fewest lines a name with initials opens as a label for that alone to make it a speaker's
#: (:func:`accepted_labels`): said once or twice inside an answer it is a place, a germ or a
#: person quoted (``N. Yorkshire:``, ``C. Difficile:``, ``J. Smith: why are we doing this?``:
#: session 68 hunt h_labels, R1-R6).
MIN_INITIALLED_TURNS = 3


def _initialled_in_turn_layout(matches: Sequence[LabelMatch | None]) -> set[str]:
    """The candidate labels of ``matches`` (one per line of a file) holding an initial
    (:func:`has_initial_stop`) that the file's layout shows to open turns, said fewer than
    :data:`MIN_INITIALLED_TURNS` times as they may be: with a time of their own (Otter's ``J.
    Smith  0:40``, Rev's ``Dr. A. Khan (00:00:03):``, ``[00:01:02] A. Khan: ...``); one of the
    only two labels of the file, said twice or more, the two alternating (``A. Khan:`` /
    ``P04:``). Said once or twice elsewhere, even as a paragraph of its own, such a name is the
    turn's words (``N. Yorkshire: two houses.``, ``E. Coli: one case.``): a paragraph said once
    made a place or a germ a participant (s68 hunt h_labels2), so a name with initials said
    once is read only when given with --interviewer/--participant."""
    at: dict[str, list[int]] = {}
    for i, m in enumerate(matches):
        if m is not None:
            at.setdefault(m.label, []).append(i)
    initialled = [label for label in at if has_initial_stop(label)]
    if not initialled:
        return set()
    sequence = [m.label for m in matches if m is not None]
    alternate = len(at) == 2 and all(a != b for a, b in zip(sequence, sequence[1:]))
    out = set()
    for label in initialled:
        timed = any(
            (m := matches[i]) is not None and (m.timed or m.time is not None) for i in at[label]
        )
        if len(at[label]) == 1 and _ends_on_a_surname_initial(label):
            continue  # said once: only as it takes a turn (:func:`_capitals_taking_turns`)
        if timed or (alternate and len(at[label]) >= 2):
            out.add(label)
    return out


def _ends_on_a_surname_initial(label: str) -> bool:
    """Whether ``label``'s name holds no initial but the surname's one it ends on (``Gareth
    P.``, ``Ward C.``, ``Amy L.``; not ``A. Khan``): said once with a time, such a name is as
    often a ward, a bay or a rota's line read out in an answer (session 81 hunt9 F1) as a
    person, so it is a speaker only with the evidence capitals said once need
    (:func:`_capitals_taking_turns`)."""
    name = _name_of(label)
    return _FINAL_INITIAL_STOP_IN.search(name) is not None and _INITIAL_STOP_IN.search(name) is None


#: An initial's full stop in a label's name (:data:`_INITIAL_STOP`).
_INITIAL_STOP_IN = re.compile(_INITIAL_STOP)
#: A surname's initial and its full stop ending a name (:data:`_FINAL_INITIAL_STOP`).
_FINAL_INITIAL_STOP_IN = re.compile(rf"{_FINAL_INITIAL_STOP}$")
#: An initial with its full stop, or a word, of a name with initials (``J.Smith`` is two).
_NAME_PART = re.compile(r"[^\W\d_]\.|[^\s.]+\.?")
#: The word lists a name's word said once beside initials is never from unless it is a name too:
#: ``A. Background:``, ``B. Staffing:`` open an outline's points.
_NOT_A_NAME_WORD = ("everyday_words.txt", "not_names.txt", "public_proper_words.txt")
#: The lists of names that are also words (``J. Ward``, ``A. Will``).
_NAMES_THAT_ARE_WORDS = ("word_surnames.txt", "word_given_names.txt", "stop_word_names.txt")


def without_name_stops(label: str) -> str:
    """``label`` without the full stops of a title opening it and of its initials (``Dr. A.
    Khan`` -> ``Dr A Khan``, ``J.Smith`` -> ``JSmith``), so that a bold label in Word is judged
    by its other punctuation (``Dr A. Khan`` is a name, ``Yes. Well`` is talk); others kept."""
    m = re.match(_HONORIFIC, label)
    title = "" if m is None else m.group().replace(".", "")
    rest = label[len(m.group()) if m else 0 :]
    return title + "".join(
        c
        for i, c in enumerate(rest)
        if c != "."
        or (
            _INITIAL_STOP_IN.match(rest, i) is None
            and _FINAL_INITIAL_STOP_IN.match(rest, i) is None
        )
    )


def has_initial_stop(label: str) -> bool:
    """Whether ``label``'s name (before a note in brackets) holds an initial's full stop
    (``A. Khan``, ``J.Smith``, ``Gareth P.``), and so is a speaker only as
    :func:`is_initialled_name` says."""
    name = _name_of(label)
    return (
        _INITIAL_STOP_IN.search(name) is not None or _FINAL_INITIAL_STOP_IN.search(name) is not None
    )


#: Most initials, and most words beside them, of a name with initials (``Jane A. B. Ní
#: Bhriain``).
_MOST_INITIALS = 3
_MOST_NAME_WORDS = 3


def is_initialled_name(name: str) -> bool:
    """Whether ``name``, a label holding an initial's full stop (``A. Khan``, ``Dr. A. Khan``,
    ``Jane A. Smith``, ``J.Smith``), reads as a person's name: after any title
    (``data/honorifics.txt``), one to three initials, each one capital letter, and one to three
    capitalised words (or name particles: ``A. de Souza``, one word at least capitalised), none
    of them a stop word, a topic's word or an everyday word that is no name
    (``data/everyday_words.txt``, ``data/not_names.txt``; ``Ward`` is a surname too), so that
    ``Q. What helped:``, ``A. Background:``, ``e.g. this:``, ``U.S. Policy:`` and, however often
    said, ``A.M. Shift:``, ``Plan A. Staffing:``, ``G.P. Surgery:`` open talk (session 68 hunt
    h_labels, R4: said twice such a label was a speaker with no word checked); or a title and
    initials alone (:func:`_a_title_and_initials`: ``Dr K.``, ``Sister M.``)."""
    parts = _NAME_PART.findall(name)
    if _a_title_and_initials(parts):
        return True
    if _a_place_and_a_letter(parts):
        return False
    if parts and len(parts) > 1 and parts[0].rstrip(".").casefold() in honorifics():
        parts = parts[1:]
    initials = [p for p in parts if len(p) == 2 and p.endswith(".")]
    words = [p for p in parts if p not in initials]
    if not 1 <= len(initials) <= _MOST_INITIALS or not 1 <= len(words) <= _MOST_NAME_WORDS:
        return False
    if not all(p[0].isupper() for p in initials):
        return False
    capitalised = [w for w in words if w.casefold() not in _NAME_PARTICLES]
    if not capitalised or not all(w[0].isupper() for w in capitalised):
        return False

    def name_word(word: str) -> bool:
        w = word.rstrip(".").casefold()
        if _is_common_word(w) or _is_talk_word(w):
            return False
        return not any(w in packaged_words(f) for f in _NOT_A_NAME_WORD) or any(
            w in packaged_words(f) for f in _NAMES_THAT_ARE_WORDS
        )

    return all(name_word(w) for w in capitalised)


#: Words naming a place or a kind of thing before one letter (``Ward C.``, ``Bay B.``).
PLACES_BEFORE_A_LETTER = "places_before_a_letter.txt"


def _a_place_and_a_letter(parts: Sequence[str]) -> bool:
    """Whether the parts of a name (:data:`_NAME_PART`) are one word naming a place, a part of
    a document or a kind of thing (``data/places_before_a_letter.txt``) and one capital letter
    with its full stop: ``Ward C.``, ``Pod A.``, ``Appendix A.`` name no one, though ``Ward`` is
    a surname too (``C. Ward``)."""
    return (
        len(parts) == 2
        and len(parts[1]) == 2
        and parts[1].endswith(".")
        and parts[0].rstrip(".").casefold() in packaged_words(PLACES_BEFORE_A_LETTER)
    )


def _a_title_and_initials(parts: Sequence[str]) -> bool:
    """Whether the parts of a name (:data:`_NAME_PART`) are a capitalised title said before a
    surname (:func:`.roles.talk_titles`: ``data/honorifics.txt``'s ``Dr``, ``Mrs``, and
    ``data/talk_titles.txt``'s ``Sister``, ``Nurse``, ``Matron``) and one to three capital
    initials alone: an anonymised transcript writes a person as ``Dr K.``, ``Sister M.`` or
    ``Nurse J.`` (session 81 hunt9 P1: such a third speaker was merged into the turn above);
    a place or a plan is no title's (``Ward C.``, ``Bay B.``, ``Plan B.``, ``Appendix A.``)."""
    initials = parts[1:]
    return (
        1 <= len(initials) <= _MOST_INITIALS
        and parts[0][:1].isupper()
        and parts[0].rstrip(".").casefold() in talk_titles()
        and all(len(p) == 2 and p.endswith(".") and p[0].isupper() for p in initials)
    )


def is_comma_name(label: str) -> bool:
    """Whether ``label`` is a person's name written surname first, as a directory lists it
    (``Smith, Jane``, ``NAIR, Priya (Herts Care Ltd)``, ``de Souza, Ana``, ``Smith, Jane A.``):
    one comma, every word capitalised (or a name particle, or a title), the surname's
    capitalised words none of them a stop word, greeting, title or topic's word, and the
    forename's no topic's word (``data/talk_words.txt``): those open a participant's sentence
    before a comma and a colon (``Well, honestly: ...``, ``So, Yes: ...``, ``Look, Funding:
    ...``); a forename may be a word too (``Will``, ``May``). A speaker label in that shape also
    has to recur in its file or be named by the researcher (:func:`accepted_labels`)."""
    surname, comma, forename = name_before_brackets(label).partition(",")
    if not comma or "," in forename or not surname.strip() or not forename.strip():
        return False
    words = (surname + " " + forename).split()
    if not all(w[0].isupper() or w.casefold() in _NAME_PARTICLES for w in words):
        return False
    capitalised = [w for w in surname.split() if w[0].isupper()]
    return (
        bool(capitalised)
        and not any(
            _is_common_word(w) or _is_talk_word(w) or w.rstrip(".").casefold() in honorifics()
            for w in capitalised
        )
        and not any(_is_talk_word(w) for w in forename.split())
    )


def _is_word_of_no_name(word: str) -> bool:
    """Whether ``word`` is an everyday word no one speaker is called (``data/everyday_words.txt``:
    "Agency", "Families", "Commissioners", "Staff"), so that said once it opens a line of talk:
    a group's word (``data/group_words.txt``) or a plural, never a singular that may name the one
    who speaks ("Interpreter", "Pharmacist", "Trustee");
    not a given name or surname that is also a word (``data/word_given_names.txt``,
    ``data/word_surnames.txt``, ``data/stop_word_names.txt``: "Will", "Hope", "Ward") nor a
    word naming one person (``data/person_words.txt``: "Mum", "Matron", "Manager")."""
    word = word.casefold().strip(".")
    if word not in packaged_words("everyday_words.txt"):
        return False
    people = (
        "word_given_names.txt",
        "word_surnames.txt",
        "stop_word_names.txt",
        "person_words.txt",
    )
    if any(word in packaged_words(f) for f in people):
        return False
    # a group ("Staff", "Agency": data/group_words.txt) or a plural ("Families",
    # "Commissioners"); a singular may name the one who speaks ("Interpreter", "Pharmacist")
    return word in packaged_words("group_words.txt") or _is_plural(word)


def _is_plural(word: str) -> bool:
    """Whether ``word`` reads as a plural (``families``, ``commissioners``), not a singular
    ending in s (``boss``, ``bus``, ``basis``)."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


def _opens_with_a_label_word(m: LabelMatch) -> bool:
    """Whether the label ``m`` of a line inside a turn (:func:`labelled_lines_in_turns`) is one
    :func:`label_words_note` names: an everyday word no one is called
    (:func:`_is_word_of_no_name`: ``Staff: Sorry, can I come in there?``) or a job's title
    (:func:`names_a_job`: ``Registered manager: The manager demonstrates ...``, a report quoted,
    :func:`_job_titles_quoted_in_answers`), read as that turn's words: such a word said once may
    yet be a speaker's, which only the researcher knows (session 76 hunt H1: a deputy folded
    into the answer above was said nowhere)."""
    name = name_before_brackets(m.label)
    return (
        len(name.split()) == 1 and _is_word_of_no_name(name) and not is_key_label(name)
    ) or names_a_job(m.label)


def labelled_lines_in_turns(
    text: str, spans: Iterable[tuple[int, int]]
) -> Iterator[tuple[int, str, LabelMatch]]:
    """Each line inside the turns ``spans`` (``text[start:end]``), below a turn's first line,
    that opens like a speaker's label (:func:`match_label`), as (line number from 1, the line,
    its match): the lines :func:`label_words_note` and
    :func:`.folded_initials.folded_initials_lines` sort. The line breaks before each are
    counted on from the last line found, so turns in order are read through once."""
    counted = breaks = 0  # the line breaks in text[:counted]
    for start, end in spans:
        at = text.find("\n", start, end)
        while at != -1:
            line_end = text.find("\n", at + 1, end)
            line = text[at + 1 : end if line_end == -1 else line_end]
            m = match_label(line)
            if m is not None:
                if at + 1 < counted:  # a turn before the last: count from the start again
                    counted = breaks = 0
                breaks += text.count("\n", counted, at + 1)
                counted = at + 1
                yield breaks + 1, line, m
            at = line_end


def label_words_above_talk(text: str, talk_start: int) -> list[tuple[int, str]]:
    """The lines above the one holding ``talk_start`` (the first turn's words) that open like a
    speaker's label of an everyday word no one is called (:func:`_is_word_of_no_name`:
    ``Staff: twelve nurses and four carers``) and were left out with the title block, each as
    (line number from 1, label); a header field (``Notes: ...``, ``Team: district nursing``:
    :func:`is_header_field`, ``data/team_header_fields.txt``) is the header's. Said once,
    such a word is no speaker, so the line is in no turn, though it may be a speaker's or a
    participant's words, which only the researcher knows (session 54, finding 3: it was
    dropped with no word of it)."""
    above = text[: text.rfind("\n", 0, talk_start) + 1]
    found: list[tuple[int, str]] = []
    for number, line in enumerate(above.split("\n")[:-1], start=1):
        m = match_label(line)
        if m is None:
            continue
        name = name_before_brackets(m.label)
        if (
            len(name.split()) == 1
            and _is_word_of_no_name(name)
            and not is_key_label(name)
            and not is_header_field(name)
            and _field(name) not in packaged_words("team_header_fields.txt")
        ):
            found.append((number, m.label))
    return found


def label_words_above_note(text: str, talk_start: int) -> str | None:
    """The ``read:`` note of ``roqa inspect`` telling of the lines :func:`label_words_above_talk`
    finds, with what to do if one is someone's, else None."""
    found = label_words_above_talk(text, talk_start)
    if not found:
        return None
    lines, shown = _label_lines_shown(found)
    return (
        f"{lines} above the first turn opening like a label left out "
        f"as the header's, no one's talk ({shown}): if someone called "
        "that speaks there, label 2 or more of their turns or rename it; if it is a speaker's "
        "words, put their label before it"
    )


def _label_lines_shown(found: Sequence[tuple[int, str]]) -> tuple[str, str]:
    """``N line(s)`` and the first three of ``found`` (line, label) as a note quotes them."""
    n = len(found)
    shown = ", ".join(f"line {line}: {label + ':'!r}" for line, label in found[:3])
    return f"{n} line{'s' if n != 1 else ''}", shown + (", ..." if n > 3 else "")


def label_words_note(transcript: Transcript) -> str | None:
    """The ``read:`` note of ``roqa inspect`` telling of the lines inside ``transcript``'s turns
    that open like a label of a word or a job's title (:func:`_opens_with_a_label_word`), with
    what to do if one is a speaker's, else None. Each line is named where the file has it
    (:func:`.line_places.line_place`): ``line 5`` in a file read as it is, the time its words are spoken where the reader wrote the text anew
    (``Staff: [00:01:40] ...``: it said "line 4", the text's, for the file's line 3; session
    78), else its words."""
    from .line_places import labelled_line_place, labelled_lines_of

    found: list[str] = []
    for said in labelled_lines_of(transcript):
        if _opens_with_a_label_word(said.match):
            place = labelled_line_place(transcript, said)
            label = repr(said.match.label + ":")
            found.append(f"{place}: {label}" if place else quoted(said.line.strip(), 40))
    if not found:
        return None
    n = len(found)
    shown = ", ".join(found[:3]) + (", ..." if n > 3 else "")
    return (
        f"{n} line{'s' if n != 1 else ''} opening like a label read as the speaker's words "
        f"({shown}): if someone called that speaks there, label 2 or "
        "more of their turns or rename it"
    )


def words_not_speakers(
    matches: Sequence[LabelMatch | None],
    interviewer_labels: Iterable[str] | None = None,
    *,
    title_block: Collection[int] = (),
    values: Collection[int] = (),
) -> set[str]:
    """The candidate labels of ``matches`` (one per line) that are words of someone's talk, not
    a speaker, though capitalised: a label of one word the file opens a line with only once, in
    a file where another label recurs (a speaker; ``Question 1``, ``Question 2`` recur as
    ``Question``), when it is an acronym (``CQC: they came in March``, the regulator; ``NHS:``)
    or a word no name is made of (``Honestly: ...``, ``So: ...``; :func:`_is_common_word`), or
    names a topic in words no one is called (``Staffing: that's the barrier.``, ``Mental
    Health: ...``; :func:`_names_a_topic`), of one word or more; and a label said once whose
    brackets hold the speaker's own aside (``Weekends (and I mean every one): ...``;
    :func:`_is_aside`); and a header field's name in the talk (``Consent: that was the hard
    part``, inside an answer: :func:`is_header_field`), its uses in the file's title block
    (``title_block``, the lines of :func:`header_lines`: ``Location: Zoom``) not counted, said
    once, or however often in a file whose other labels in the talk name two or more speakers
    (``Note: we still keep a paper copy`` opening a paragraph of two of P04's answers is
    P04's; where the only other is the interviewer, ``Location`` is the one who answers),
    unless its lines come after two or more other speakers' (:func:`_labels_before`: a
    group's ``Service:`` after P03 and after the facilitator is a speaker) and it is no word a
    transcriber opens a note with (:func:`is_transcriber_note_field`: ``Note: P04 joined late``
    after P03's answer and after P04's is the transcriber's, in the turn above);
    and a header field's name whose every use in the talk is a field's value in an answer
    (``values``, :func:`field_values_in_talk`: ``Site: Leeds General``, ``Site: St James``, a
    list read off a sheet);
    at the top of the file it is read as a header line all the same
    (:func:`with_header_fields`). A speaker who says one thing (``Mary: Sorry to interrupt``,
    ``Ruth (deputy manager): yeah i'd add ...``) is still one; so are role labels, participant
    numbers, numbered speakers (``Speaker 2 (guest)``), the answerer's labels (``A``, ``R``),
    initials that recur (``HW``) and a name before brackets that labels another line
    (``Dean (RM):`` and ``Dean:``)."""
    counts = Counter(m.label for m in matches if m is not None)
    # a numbered label recurs by its name: Question 1, Question 2, ...
    by_name = Counter(normalise_label(label) for label in counts.elements())
    keys = interviewer_keys(interviewer_labels)
    # a field's name in the title block and once in the talk is said once: "Location: Zoom"
    in_talk = Counter(m.label for i, m in enumerate(matches) if m and i not in title_block)
    if names_no_speaker(list(counts.elements()), interviewer_labels):
        # no speaker's label at all (a Whisper .srt): "Note:", "Agency:" in the talk open talk
        return set(in_talk)
    if all(n < 2 for n in by_name.values()):
        return set()
    # a name before brackets that labels another line is a speaker's ("Dean:", "Dean (RM):")
    names = Counter(name_before_brackets(label).casefold() for label in counts)
    found: set[str] = set()
    # a field's name all of whose uses in the talk are its values in an answer: a list's
    found |= {
        label
        for label in in_talk
        if is_header_field(label)
        and all(
            i in values
            for i, m in enumerate(matches)
            if m and m.label == label and i not in title_block
        )
        and not keys.known(label)
    }
    # a field's name in the talk of a file with two or more speakers of its own: their words,
    # unless it takes the turn from two of them (a group's "Service:"), as no paragraph does
    own = {label for label in in_talk if not is_header_field(name_before_brackets(label))}
    if len(own) >= 2:
        found |= {
            label
            for label in in_talk
            if is_header_field(name_before_brackets(label))
            and not keys.known(label)
            and participant_number_label(label) is None
            and (
                is_transcriber_note_field(name_before_brackets(label))
                or len(_labels_before(matches, label, title_block)) < 2
            )
        }
    for i, m in enumerate(matches):
        if m is None:
            continue
        field = i not in title_block and is_header_field(name_before_brackets(m.label))
        if (in_talk if field else counts)[m.label] != 1:
            continue
        if names[name_before_brackets(m.label).casefold()] > 1:
            continue
        if said_once_is_talk(m.label, keys):
            found.add(m.label)
    return found


def names_no_speaker(
    labels: Sequence[str], interviewer_labels: Iterable[str] | None = None
) -> bool:
    """Whether a file whose candidate labels (one per line that opens with one) are ``labels``
    has no speaker's label at all (a Whisper ``.srt``, a typed file of paragraphs): none
    recurs, and each is a header field's name or talk said once (:func:`said_once_is_talk`:
    ``Note: we still keep ...``, ``Agency: that's still the problem``), not in capitals, which
    may be a speaker's initials (``HW:`` and ``DL:``, each said once, are two speakers)."""
    keys = interviewer_keys(interviewer_labels)
    counts = Counter(normalise_label(label) for label in labels)
    return all(n < 2 for n in counts.values()) and all(
        is_header_field(name_before_brackets(label))
        or (said_once_is_talk(label, keys) and not name_before_brackets(label).isupper())
        for label in labels
    )


def said_once_is_talk(label: str, keys: InterviewerLabels) -> bool:
    """Whether ``label``, opening one line only, is words of someone's talk, not a speaker
    (:func:`words_not_speakers`, the name before any brackets judged: ``Honestly (and I mean
    it): ...``): an acronym (``CQC``), a word no name is made of (``Honestly``), a topic
    (``Staffing``), a speaker's aside in brackets, or a header field's name; never a role label
    (``keys``), a participant number, an answerer's label (``A``) or a numbered speaker."""
    if always_a_speaker(label, keys):
        return False
    written = name_before_brackets(label)
    # the word the lists hold, without a mark NFC keeps on it ("Note̲", "W̶e̶l̶l̶", "Well️")
    name = without_marks(written)
    words = name.split()
    acronym = len(words) == 1 and name.isupper() and name.isalpha() and len(name) >= 2
    return (
        acronym
        or (len(words) == 1 and _is_common_word(name))
        or (len(words) == 1 and _is_word_of_no_name(name) and not is_key_label(name))
        or _names_a_topic(words)
        or _is_aside(label[len(written) :])
        or is_header_field(name)
        or is_heading_word_label(label)
    )


def _listed(interviewer_labels: Iterable[str] | None) -> list[str] | None:
    """``interviewer_labels`` as :func:`line_labels` takes them: a list, None for none."""
    return list(interviewer_labels) if interviewer_labels else None


def _opening_label(text: str, interviewer_labels: Iterable[str] | None) -> LabelMatch | None:
    """The speaker label opening ``text``'s first line (:func:`line_labels`) when talk follows
    it in ``text``, else None: what :func:`without_speaker_label` and
    :func:`opening_interviewer_label` read."""
    (m,) = line_labels([text.split("\n", 1)[0]], _listed(interviewer_labels))
    return None if m is None or not text[m.words_start :].strip() else m


def without_speaker_label(text: str, interviewer_labels: Iterable[str] | None = None) -> str:
    """``text`` without the speaker label that opens it, as a transcript's reader takes one
    said once (:func:`line_labels` of its first line, then not :func:`said_once_is_talk`):
    ``P04: We've got a new puppy`` gives ``We've got a new puppy``, and so do ``Interviewer:``,
    ``Jane Smith:``, ``**P04**:`` and ``[00:01:02] P04:`` before it; talk that opens like a
    label (``Honestly: ...``, ``CQC: they came in March``, ``Staffing: ...``, ``The problem was
    this: ...``) and a text that is only a label are given back whole. ``roqa suggest`` reads a
    pasted line of a transcript so: the label of a file is no word of the talk (with it, small
    talk was read as procedural)."""
    m = _opening_label(text, interviewer_labels)
    if m is None:
        return text
    if said_once_is_talk(m.label, interviewer_keys(interviewer_labels)):
        return text
    return text[m.words_start :].lstrip()


def always_a_speaker(label: str, keys: InterviewerLabels) -> bool:
    """Whether ``label`` is a speaker's wherever it is said, once too: a role label (``keys``),
    a participant number, an interviewee's role (``Service user (Kieran)``), an answerer's label
    (``A`` after ``Q: ...?``) or a numbered speaker (``Speaker 2``)."""
    name = name_before_brackets(label)
    return (
        keys.known(label)
        or participant_number_label(label) is not None
        or is_interviewee_role_label(name)
        or label.casefold() in _ANSWER_LABELS
        or is_speaker_number_label(name)
    )


def only_a_speaker_label(text: str, interviewer_labels: Iterable[str] | None = None) -> bool:
    """Whether ``text`` is a speaker's label and nothing more (``P04:``, ``[00:01:02] P04:``,
    ``Interviewer:``): no talk to code, so ``suggest`` refuses it as an empty text (it ranked the
    label's codes: session 56). Only a label that is a speaker's wherever it is said counts
    (:func:`always_a_speaker`): a topic or a name on its own (``Staffing:``, ``Recovery Star:``,
    ``Manager:``) is coded as before (regression hunt, session 56)."""
    (m,) = line_labels([text.split("\n", 1)[0]], _listed(interviewer_labels))
    return (
        m is not None
        and not text[m.words_start :].strip()
        and always_a_speaker(m.label, interviewer_keys(interviewer_labels))
    )


def opening_interviewer_label(
    text: str, interviewer_labels: Iterable[str] | None = None
) -> str | None:
    """The interviewer's label that opens ``text`` as :func:`without_speaker_label` takes it
    (``Interviewer: Why is that?`` gives ``Interviewer``), or None: ``roqa suggest`` warns that
    the words after it are the interviewer's, which ``roqa code`` leaves uncoded (daily,
    session 57: the question was coded as talk, without a word)."""
    m = _opening_label(text, interviewer_labels)
    if m is None:
        return None
    keys = interviewer_keys(interviewer_labels)
    if said_once_is_talk(m.label, keys) or m.label not in keys:
        return None
    return m.label


def later_turn_labels(text: str, interviewer_labels: Iterable[str] | None = None) -> list[str]:
    """The speaker labels that open lines of ``text`` after its first, read as a transcript's
    lines are (:func:`line_labels`): a pasted exchange (``P04: ...`` / ``Interviewer: ...`` /
    ``P04: ...``), which ``roqa suggest`` codes as one text, warned of (daily, session 57).
    Only a label that names a speaker wherever it is said counts, an interviewer's (as ``roqa
    code`` reads them) or a participant's id (``P04``, ``Participant 2``): one answer's list or
    note (``Step 2:``, ``Barrier:``, ``Note:``, ``Monday:``) is no second speaker (regression
    hunt, session 57: such answers were told to be split)."""
    lines = text.strip().split("\n")
    found = line_labels(lines, _listed(interviewer_labels))
    keys = interviewer_keys(interviewer_labels)
    return [
        m.label
        for m in found[1:]
        if m is not None and (keys.known(m.label) or participant_label_number(m.label) is not None)
    ]


def _labels_before(
    matches: Sequence[LabelMatch | None], label: str, title_block: Collection[int]
) -> set[str]:
    """The other labels of ``matches`` (one per line) that the lines ``label`` opens in the
    talk (not in ``title_block``) come after: each the nearest label above such a line but
    ``label`` itself. A paragraph of an answer that opens with a field's name (``Note: ...``)
    comes after its one speaker's; a speaker of a group comes after several."""
    out: set[str] = set()
    above: str | None = None
    for i, m in enumerate(matches):
        if m is None:
            continue
        if m.label == label:
            if i not in title_block and above is not None:
                out.add(above)
        else:
            above = m.label
    return out


def _is_talk_word(word: str) -> bool:
    """Whether ``word`` names a topic no speaker is called (``data/talk_words.txt``: a word
    listed, or one ending as listed with three letters or more before the ending)."""
    word = word.casefold()
    listed = packaged_words("talk_words.txt")
    return word in listed or any(
        e.startswith("-") and word.endswith(e[1:]) and len(word) >= len(e) + 2 for e in listed
    )


def _names_a_topic(words: Sequence[str]) -> bool:
    """Whether a label's ``words`` name a topic ("Staffing", "Mental Health"): each a topic's
    word (:func:`_is_talk_word`) or a stop word, at least one a topic's."""
    return any(_is_talk_word(w) for w in words) and all(
        _is_talk_word(w) or _is_common_word(w) for w in words
    )


_ASIDE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _is_aside(brackets: str) -> bool:
    """Whether the words in a label's brackets are the speaker's own aside ("(and I mean this:
    truly)"), not a note on who speaks ("(deputy manager)"): one of them is a word of
    ``data/aside_words.txt``."""
    listed = packaged_words("aside_words.txt")
    return any(
        w.group().casefold().replace("’", "'") in listed for w in _ASIDE_WORD.finditer(brackets)
    )
