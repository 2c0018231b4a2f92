"""Who is speaking: interviewer or participant, and which participant (case) the transcript is.

A speaker label is the interviewer's when, lower-cased and stripped of a trailing number or a
bracketed note (``Interviewer 2``, ``INT1``, ``Interviewer (JM)``, ``Q.``), it is one of the
interviewer labels, or a default one of three letters or more with the interviewer's initials
or a letter after it (``Interviewer SR``, ``Int A``); an interviewer label given with a number (``Speaker 1``) matches only that
number. A bracketed note that is itself an interviewer label makes its speaker the interviewer
too: Teams and Zoom write a role after a name (``Jane Smith (Interviewer)``, ``Sam Roe [Host]``),
and so does its role word before a colon (``Jane Smith (Interviewer: lead)``).
Every other speaker is a participant. The labels are configurable because Zoom transcripts name
people (``Jane Smith``) rather than roles. A participant label the researcher gives
(``participant_labels=``, ``roqa code --participant``) overrules them, matched the same way: a
Zoom participant who hosted the call (``Host``, ``Jane Smith (Host)``) is the participant when
named one, though ``Host`` is a default interviewer label.

The participant id is the case the transcript belongs to in the framework matrix: the
participant number the participants' labels name (``P04``, ``Participant 4`` -> ``P4``; a joint
interview's members lettered ``P05a`` and ``P05b`` -> ``P05``, one member alone ``P05a``; a
note in brackets after the id aside, ``P34 (RM)`` -> ``P34``, and an id in the note after a
name, ``Sarah (P34)`` -> ``P34``: :func:`case_label`), when
they name one; else a study's own id labelling its only participant, as written (``RM10``,
``CMH07``: :func:`own_study_id`); else (no number, or several: a focus group, whose quotes
must not be put to one of its members) a participant number in the file name
(``p03_interview.docx`` -> ``P03``, ``p07_group.docx`` -> ``P07``; failing one, an
interview's: ``Interview 08.csv`` -> ``P08``) unless
a member's study id names it (:func:`study_id_number`, the rule the pseudonym key reserves numbers
by: a joint interview of P44 and P45, or of P05a and P06a, in ``p44_p45_joint.txt`` is the case
``p44_p45_joint``; ``Participant 3`` or ``R3`` of ``p03_focus_group.txt`` is a template's numbering,
so that is ``P03``), else the file stem (``focus_group_site_a``). Read as a study, its transcripts'
cases are weighed together (:class:`StudyCases`): a template's ``Participant 1`` in two or more
files names no one, so each takes its case from its file name, and one participant id in several
files is warned of."""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Container, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..errors import RoqaWarning, and_list, first_few, quoted
from ..io import packaged_lines, packaged_words
from ..name_dates import date_at, in_a_date, year_alone
from ..schema import Role, Transcript, Turn
from .backchannels import only_acknowledges

#: Labels the research team are given in transcripts (``data/interviewer_labels.txt``: compared
#: case-insensitively, trailing digits allowed, so ``Interviewer 1``, ``Interviewer2`` and
#: ``INT`` all match, and a label of two or more words whatever parts them: ``Note taker``,
#: ``Notetaker`` and ``Note-taker`` are one, :func:`_unparted`).
DEFAULT_INTERVIEWER_LABELS: tuple[str, ...] = packaged_lines("interviewer_labels.txt")

#: Interviewer labels that mark a question rather than name who asks it (``Question 5:``,
#: ``Q3:``): the words after the question, unlabelled, are the answer (:func:`is_question_marker`).
QUESTION_MARKERS = frozenset({"question", "q"})


def is_question_marker(label: str) -> bool:
    """Whether ``label`` marks a question (``Question 5``, ``Q3``, ``Q``) rather than a speaker."""
    return normalise_label(label) in QUESTION_MARKERS


def answerer(
    speakers: Iterable[str], interviewer_labels: Sequence[str] | None, default: str
) -> str:
    """Who answers the unlabelled words after a question marker's question (``Question 5: ...?``)
    in a transcript whose labels, in order, are ``speakers`` (its header's aside), where they
    are its answer (:func:`held_by_marker`): the one participant it labels (``A``), else
    ``default`` (the case, from the file name), as a researcher's transcript that numbers its
    questions and labels no answers has it."""
    said = list(speakers)
    answering = [
        s
        for s in dict.fromkeys(
            s for s, a in zip(said, answer_labels(said, interviewer_labels)) if a
        )
    ]
    return answering[0] if len(answering) == 1 else default


def held_by_marker(speakers: Sequence[str], interviewer_labels: Sequence[str] | None) -> set[int]:
    """The places in ``speakers`` (a transcript's labels, in order) of the question markers
    whose unlabelled lines below are the interviewer's until the next label, as any speaker's
    are: those the next label after is an answer label (:func:`answer_labels`: ``Q: Tell me
    about your team.`` / ``Mostly nurses.`` / ``A: Five of them.``, the lead's decision on s71
    f_lists2's regression 2). Where the next label is a question marker again, or none comes,
    the lines are the question's answer, as in a file that labels no answers (the lead's
    narrowing, s72 hunter R1: ``Q: What got in the way?`` / ``Funding, mainly.`` / ``Q: ...``,
    the answer was the interviewer's, not coded)."""
    answers = answer_labels(speakers, interviewer_labels)
    return {k for k, s in enumerate(speakers[:-1]) if is_question_marker(s) and answers[k + 1]}


def labels_answers(speakers: Sequence[str], interviewer_labels: Sequence[str] | None) -> bool:
    """Whether a transcript whose labels, in order, are ``speakers`` labels its answers: one of
    them is an answer label (:func:`answer_labels`)."""
    return any(answer_labels(speakers, interviewer_labels))


def answer_labels(speakers: Sequence[str], interviewer_labels: Sequence[str] | None) -> list[bool]:
    """Whether each of ``speakers`` (a transcript's labels, in order) is an answer label: a
    speaker other than a question marker is a participant (``A.``, ``P01:``, a name), leaving
    out capital letters in order that open labelled lines one after another and no other
    (``A. the staffing.`` / ``B. the money.``: an unlabelled answer's lettered list, read as
    labels, is no answerer's label)."""
    lettered: set[int] = set()  # the places of runs of capitals in order from A
    k = 0
    while k < len(speakers):
        n = 0
        while k + n < len(speakers) and speakers[k + n] == _LETTERS[n : n + 1]:
            n += 1
        if n >= 2:
            lettered.update(range(k, k + n))
        k += max(n, 1)
    answering = {  # each label once: a long file repeats them
        s: not is_question_marker(s) and role_of(s, interviewer_labels) == "participant"
        for s in dict.fromkeys(speakers)
    }
    return [k not in lettered and answering[s] for k, s in enumerate(speakers)]


#: The capital letters a lettered list's items open with, in order (:func:`labels_answers`).
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


#: The words a transcription template labels every interviewee with alike (``Participant 1``,
#: ``R1``), before the number; a study's participant id (``P01``) also takes ``p``.
_TEMPLATE_PARTICIPANT_WORDS = "participant|interviewee|respondent|r"
_LABEL_NUMBER = r"[\s_#-]*(?P<number>\d{1,4})"

#: A speaker label naming a participant number: ``P04``, ``p 4``, ``Participant 12``, ``R3``.
PARTICIPANT_LABEL = re.compile(
    rf"(?:p|{_TEMPLATE_PARTICIPANT_WORDS}){_LABEL_NUMBER}", re.IGNORECASE
)

#: A participant id with a letter after its number: a member of a joint interview (``P05a``,
#: ``P05b``: the two people of interview 5), each their own person in the interview's case.
PARTICIPANT_MEMBER_LABEL = re.compile(
    r"p[\s_#-]*(?P<number>\d{1,4})[_-]?(?P<member>[a-z])", re.IGNORECASE
)

#: A speaker label that may be a study's own participant id other than a participant number
#: (:func:`study_id_label`): two to four capitals, a hyphen or underscore or nothing, then one to
#: three digits (``RM10``, ``CMH07``, ``PT-03``, ``HCP_12``). Capitals only, as a study writes
#: its ids, and two letters or more: a word with a number (``Mum1``) or a single letter's
#: number (``S1``, ``M1``: a transcriber's speaker 1, male 1) names no one.
STUDY_ID_LABEL = re.compile(r"[A-Z]{2,4}[-_]?\d{1,3}")

#: A case's id a joint interview's members' ids extend (``F04`` -> ``F04a``): letters, then a
#: number.
CASE_ID = re.compile(r"[A-Za-z]{1,4}[-_]?\d{1,4}")

#: A speaker label numbering a speaker, as transcription services write them: ``Speaker 2``.
SPEAKER_NUMBER_LABEL = re.compile(r"speaker[\s_#-]*\d{1,4}", re.IGNORECASE)
#: A label that letters a speaker (``Speaker A``), as AssemblyAI writes them.
SPEAKER_LETTER_LABEL = re.compile(r"speaker[\s_#-]+[a-z]", re.IGNORECASE)

#: A participant number inside a file name: ``p03_interview``, ``interview-participant-7``.
PARTICIPANT_IN_FILENAME = re.compile(
    r"(?:^|[^a-z])(?:p|participant)[\s_-]*(?P<number>\d{1,4})(?![0-9])", re.IGNORECASE
)
#: An interview or interviewee number inside a file name, read when no participant number is
#: (``Interview 08 - registered manager.csv``, ``interviewee_3``, ``respondent-12``): at most
#: three digits, so a date (``interview_2024-03-08``) is no number.
INTERVIEW_IN_FILENAME = re.compile(
    r"(?:^|[^a-z])(?:interview(?:ee)?|respondent)[\s_#-]*(?P<number>\d{1,3})(?![0-9])",
    re.IGNORECASE,
)

#: A file name opening with a study's own participant id, capitals before a number (``RM07.txt``,
#: ``RM07_final.docx``, ``HCP-12 Zoom.vtt``, ``RM04_followup.txt``): that participant's file.
STUDY_ID_IN_FILENAME = re.compile(r"(?P<letters>[A-Z]{1,4})[ _-]?(?P<number>\d{1,4})(?![\dA-Za-z])")
#: What may stand beside a study id in a file name that is still that participant's transcript:
#: a follow-up, a part, a version, a wave or time point, an interview's number or ordinal, a
#: date, a second number (``RM04_followup``, ``RM04 part 2``, ``RM04_v2``, ``RM04_final``,
#: ``RM04 T2``, ``T2 RM04``, ``RM04 interview 2``, ``RM04 second interview``, ``RM04
#: 2024-03-01``, ``RM04-2``).
_ID_FILE_MARKER = (
    r"(?i:follow[\s_-]?up(?:[\s_-]?\d{1,2})?|fu\d{0,2}|(?:part|pt)[\s_-]?\d{1,2}"
    r"|v(?:ersion)?[\s_-]?\d{1,3}(?:\.\d{1,2})?|final|draft|revised|edited|clean(?:ed)?"
    r"|first|second|third|fourth|1st|2nd|3rd|4th|(?:wave|time|interview)[\s_-]?\d{1,2}"
    r"|interview|[TW]\d{1,2}"
    r"|\d{4}[-_.]\d{2}[-_.]\d{2}|\d{1,2}[-_.]\d{1,2}[-_.]\d{2,4}|\d{8}|\d{1,2})"
)
#: A file name that gives its study id as its case (:func:`study_id_from_filename`): the id alone
#: (``RM04.txt``) or beside only :data:`_ID_FILE_MARKER` words, after it or (at most
#: :data:`MAX_MARKS_BEFORE_ID` of them) before it (``T2 RM04``, ``W1_RM04``, ``Second interview
#: RM04``: a wave's mark names the wave whichever side of the id it stands). Any other word
#: beside the id names something else the id is not a participant's (``T1 manager``, ``NHS 111
#: pilot``, ``FG2 staff``, ``ABC 12 and ABC 13 joint``, ``RM04_RM05_joint``, ``Leeds_RM04``,
#: ``Q1 2023 interview``), so that file's case is its stem (those joined different people into
#: one case, unsaid). The marks are read one at a time (:data:`_ID_FILE_MARK`), not by one
#: pattern repeating them: their overlapping numbers made that backtrack exponentially
#: (``RM04`` and 28 ``-11`` took 0.04 s, each more ``-11`` half as long again).
#: The id is read in capitals or in lower case (``rm04`` is ``RM04``'s, as ``p04`` is ``P04``'s),
#: and spelled in capitals; a word of mixed case (``Site2``) is no id, nor in lower case one with
#: a blank inside or whose letters are a word (``week 2``, ``file2``: :func:`_study_id_at`).
_STUDY_ID_AT_START = re.compile(r"(?:[A-Z]{1,4}|[a-z]{1,4})[ _-]?\d{1,4}")
_ID_FILE_MARK = re.compile(rf"[\s_.-]+{_ID_FILE_MARKER}(?=[\s_.-]|$)")
_MARK_BEFORE_ID = re.compile(rf"{_ID_FILE_MARKER}[\s_.-]+")
#: The blanks, ``_``, ``.`` and ``-`` between a study id and a date beside it
#: (:func:`~roqa_nlp.name_dates.date_at`: ``RM15 14 July 2020``), a mark as
#: :data:`_ID_FILE_MARKER`'s numeric dates are.
_SEPARATORS = re.compile(r"[\s_.-]+")
#: One word of a file name that is a mark (``T1``, ``W2``, ``v2``): after other marks, no id.
_MARK_WORD = re.compile(_ID_FILE_MARKER)
#: Most marks a file name may give before its study id (``Wave 2 follow-up RM04``): a bound, so
#: that reading a long name stays linear (each start is read to the end once).
MAX_MARKS_BEFORE_ID = 2
#: One word of a file name after a separator, in brackets or not (`` transcript``, ``_Zoom``,
#: `` (tidy)``): a mark beside a study id when it names the file (:func:`_names_the_file`).
_FILE_WORD_AFTER = re.compile(r"[\s_.-]+[(\[]?(?P<word>[^\W\d_][^\W\d_-]*)[)\]]?(?=[\s_.-]|$)")
_FILE_WORD_BEFORE = re.compile(r"[(\[]?(?P<word>[^\W\d_][^\W\d_-]*)[)\]]?[\s_.-]+")


@cache
def file_name_words() -> frozenset[str]:
    """The words a transcript's file name is made of that name no one, in lower case: those
    naming the file itself (``data/file_kind_words.txt``: ``transcript``, ``final``, ``zoom``)
    and where it sits in the study, dates, settings and roles (``data/file_name_words.txt``)."""
    return packaged_words("file_kind_words.txt") | packaged_words("file_name_words.txt")


def _names_the_file(word: str) -> bool:
    """Whether ``word`` of a file name names the file itself, its version or its tool
    (``data/file_kind_words.txt``: ``transcript``, ``Zoom``, ``tidy``), not the person in it:
    beside a study id, it leaves the file that participant's."""
    return word.casefold() in packaged_words("file_kind_words.txt")


# The bracketed note and the trailing number are removed by single scans, not by re.sub with
# r"\s*[\[(][^\])]*[\])]\s*" and r"[\s#._-]*\d+$": those backtrack quadratically on a long run of
# "(", "-" or blanks, and a Zoom voice name or a CSV speaker cell can be a megabyte long.
_NUMBER_SEPARATORS = "#._-"


def _without_bracketed_notes(label: str) -> str:
    """``label`` with each ``(...)``/``[...]`` note (opener to the first closer) and the blanks
    around it replaced by one space."""
    pieces: list[str] = []
    kept_from, opened_at, after_note = 0, -1, False
    for i, c in enumerate(label):
        if opened_at < 0 and c in "[(":
            opened_at = i
        elif opened_at >= 0 and c in "])":
            kept = label[kept_from:opened_at]
            pieces += [(kept.lstrip() if after_note else kept).rstrip(), " "]
            kept_from, opened_at, after_note = i + 1, -1, True
    rest = label[kept_from:]
    pieces.append(rest.lstrip() if after_note else rest)
    return "".join(pieces)


def _bracketed_notes(label: str) -> list[str]:
    """The text of each ``(...)``/``[...]`` note in ``label`` (opener to the first closer), in the
    order written: ``Jane Smith (Interviewer)`` -> ``["Interviewer"]``."""
    notes: list[str] = []
    opened_at = -1
    for i, c in enumerate(label):
        if opened_at < 0 and c in "[(":
            opened_at = i
        elif opened_at >= 0 and c in "])":
            notes.append(label[opened_at + 1 : i])
            opened_at = -1
    return notes


def _role_notes(label: str) -> list[str]:
    """What may name a role in ``label``'s bracketed notes and in a display name's parts after
    ``|``: each note or part, its words before a colon (``Jane Smith (Interviewer: lead)`` ->
    ``Interviewer: lead``, ``Interviewer``), as a role is written with what the person does in
    the call after it, and each of its parts between commas or semicolons, as pronouns are
    written beside a role (``Tom Bates (Facilitator, he/him)`` -> ``Facilitator``; ``Tom Bates
    | Facilitator | UoL`` -> ``Facilitator``, ``UoL``); and an interviewer's role after a comma
    (``Sam Roe, interviewer`` -> ``interviewer``, :func:`_role_after_comma`)."""
    found: list[str] = []
    for note in [*_bracketed_notes(label), *label.split("|")[1:]]:
        role = note.partition(":")[0]
        parts = re.split(r"[,;]", role) if ("," in role or ";" in role) else []
        found += [n for n in dict.fromkeys([note, role, *parts]) if n.strip()]
    return found + _role_after_comma(label)


def _role_after_comma(label: str) -> list[str]:
    """The interviewer's role a person's name is followed by after a comma (``Sam Roe,
    interviewer``, ``Priya Nair, Facilitator``), as a note in brackets names it: a label of
    ``data/interviewer_labels.txt`` of three letters or more, so that a forename's initial
    (``Smith, I``) is no role; else nothing."""
    name, comma, rest = _without_bracketed_notes(label).partition(",")
    role = rest.strip()
    if not (comma and name.strip() and "," not in role and len(normalise_label(role)) >= 3):
        return []
    return [role] if _default_interviewer_keys().names_role(role) else []


#: A speaker's initials or letter after a label's words that tell two of one role apart
#: (``Interviewer SR``, ``Interviewer JT``, ``Int A``, ``Moderator S.R.``): one to three
#: capitals, with or without a full stop after each, a blank, ``_`` or ``-`` before them.
_INITIALS_AFTER = re.compile(r"(?P<words>.*?[^\W\d_])[\s_-]+(?:[A-Z]{1,3}|[A-Z]\.(?:[A-Z]\.){0,2})")


def _role_before_initials(label: str) -> str | None:
    """The words before the capitals ``label`` ends with (:data:`_INITIALS_AFTER`), a note in
    brackets aside, as :func:`normalise_label` and :func:`_unparted` give them (``Interviewer
    SR`` -> ``interviewer``, ``Research Assistant A`` -> ``researchassistant``), else None
    (``Interviewer 2``, ``Jane Smith``, ``Interviewer sr``)."""
    m = _INITIALS_AFTER.fullmatch(" ".join(_without_bracketed_notes(label).split()).rstrip(":"))
    return None if m is None else _unparted(normalise_label(m.group("words")))


def _without_trailing_number(key: str) -> str:
    """``key`` without a final run of digits and the blanks or ``#._-`` just before it."""
    end = len(key)
    while end and key[end - 1].isdecimal():
        end -= 1
    if end == len(key):
        return key
    while end and (key[end - 1].isspace() or key[end - 1] in _NUMBER_SEPARATORS):
        end -= 1
    return key[:end]


#: How many speaker labels' comparable forms :func:`normalise_label` and :func:`_numbered_form`
#: keep: a transcript's few labels are looked up once per line and per check (93,169 calls in a
#: warm re-code of the 2,990-segment benchmark corpus, s79), so each is worked out once.
LABELS_KEPT = 4096


@lru_cache(maxsize=LABELS_KEPT)
def _numbered_form(label: str) -> str:
    """``label`` lower case, without bracketed notes, its trailing number kept."""
    key = _without_bracketed_notes(label).strip().lower().rstrip(" .:")
    return " ".join(key.split())


@lru_cache(maxsize=LABELS_KEPT)
def normalise_label(label: str) -> str:
    """The comparable form of a speaker label: lower case, no bracketed note, no trailing number."""
    return " ".join(_without_trailing_number(_numbered_form(label)).split())


#: What may part a label's words (``Note taker``, ``Note-taker``, ``Note_taker``): blanks and
#: hyphens of any kind, underscores.
_WORD_PARTS = re.compile(r"[\s_\-\u2010\u2011\u2012\u2013]+")


def _unparted(key: str) -> str:
    """A label's :func:`normalise_label` form without what parts its words (``note taker``,
    ``note-taker``, ``notetaker`` -> ``notetaker``)."""
    return _WORD_PARTS.sub("", key)


@cache
def honorifics() -> dict[str, str]:
    """Each spelling of a title written before a person's name (``data/honorifics.txt``), lower
    case without its full stop, with the title it spells (``professor`` -> ``prof``)."""
    out: dict[str, str] = {}
    for line in packaged_words("honorifics.txt"):
        spellings = line.casefold().split()
        out.update((spelling, spellings[0]) for spelling in spellings)
    return out


@cache
def talk_titles() -> frozenset[str]:
    """Each spelling of a title said before a surname: ``data/honorifics.txt``'s and
    ``data/talk_titles.txt``'s ("Sister", "Matron", "Cllr"), lower case without the full stop.
    A speaker label's name opens with honorifics.txt's alone ("Nurse:" is a speaker of their
    own), but a title of either list with only a surname's initial after it is a person's name
    (``Sister M.``, ``Nurse J.``, ``Dr K.``: :func:`.speaker_labels.is_initialled_name`)."""
    spellings = set(honorifics())
    for line in packaged_words("talk_titles.txt"):
        spellings.update(line.casefold().split())
    return frozenset(spellings)


#: The apostrophes a name may be written with (curly, modifier letter, grave, prime), as ``'``.
_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼ`´′", "'"))


@cache
def _undecomposed_letters() -> dict[str, str]:
    """The letters Unicode does not decompose and the letter people type for each
    (``data/letters_without_accents.txt``, its capitals too: ``ł`` -> ``l``, ``Ø`` -> ``O``)."""
    given = dict(line.split() for line in packaged_words("letters_without_accents.txt"))
    return given | {a.upper(): b.upper() for a, b in given.items()}


def without_accents(text: str) -> str:
    """``text`` without its accents: the combining marks of its NFKD form left out (``é``,
    composed or not, -> ``e``; a compatibility form is its letters, ``ﬁ`` -> ``fi``), and the
    letters Unicode does not decompose as people type them (:func:`_undecomposed_letters`:
    ``Łukasz`` -> ``Lukasz``). The one folding of names compared (:func:`name_key`, a speaker's
    labels) and found (:mod:`roqa_nlp.pseudonyms`: a key's rows, file names): before session
    52 each had its own, and a rename ``Łukasz`` -> ``Lukasz`` was two people to one of them."""
    if text.isascii():
        return text
    letters = _undecomposed_letters()
    return "".join(
        letters.get(c, c)
        for c in unicodedata.normalize("NFKD", text)
        if not unicodedata.combining(c)
    )


#: The Unicode categories of what a display name may add to a name and no name is spelt with:
#: symbols (emoji, ``✨``), modifiers (an emoji's skin tone) and format characters (the joiner
#: of ``👩🏽‍💻``); with the variation selectors (``❤️``), they are folded by :func:`name_key`.
_NAME_SYMBOLS = frozenset({"So", "Sk", "Cf"})


def _without_symbols(text: str) -> str:
    """``text`` without the emoji and symbols a display name adds (:data:`_NAME_SYMBOLS`, not
    ASCII ones), its blanks then single: ``Siân Llewelyn 🌻`` -> ``Siân Llewelyn``."""
    if text.isascii():
        return text
    kept = "".join(
        c
        for c in text
        if c.isascii()
        or not (unicodedata.category(c) in _NAME_SYMBOLS or "\ufe00" <= c <= "\ufe0f")
    )
    return kept if len(kept) == len(text) else " ".join(kept.split())


def name_key(text: str) -> str:
    """``text`` as names are compared: in lower case, without its accents, whichever apostrophe
    it is written with, without a display name's emoji and symbols (``Siân O’Neil 🌻`` ->
    ``sian o'neil``): how :func:`person_name` matches a name given (``--interviewer``) and
    :func:`~roqa_nlp.pseudonyms.people_named` tells one person's display names (``Siân
    Llewelyn``, renamed ``Sian Llewelyn`` or ``Siân Llewelyn 🌻`` in the call)."""
    return _without_symbols(without_accents(text.lower()).translate(_APOSTROPHES))


#: The number or letter after a label's words that tells apart speakers of one role's word
#: (``Committee 1``, ``Commissioner B``, ``Mum #2``, ``Registered Manager 01``, ``Lead 1a``):
#: a word of letters before it, a blank, ``_``, ``-`` or ``#`` between (:func:`speaker_mark`).
_SPEAKER_MARK = re.compile(
    r"(?:.*[^\W\d_].*?)[\s_#-]+#?(?P<mark>\d{1,4}[^\W\d_]?|[^\W\d_])\.?", re.IGNORECASE
)


def speaker_mark(label: str) -> str | None:
    """The number or letter that ends ``label``'s words, a note in brackets aside, in lower
    case and without zeros before it (``Committee 01`` -> ``1``, ``Commissioner B`` -> ``b``,
    ``Committee 1 (iPhone)`` -> ``1``), or None (``Maria Okafor``, ``RM07``)."""
    m = _SPEAKER_MARK.fullmatch(" ".join(_without_bracketed_notes(label).split()))
    if m is None:
        return None
    return m.group("mark").casefold().lstrip("0") or "0"


def speaker_role_and_mark(label: str) -> tuple[str, str]:
    """``label``'s words before its mark, as names are compared (:func:`name_key`), and its mark
    (:func:`speaker_mark`): ``Member 1 (iPad)`` and ``member #01`` are both ``("member", "1")``."""
    plain = " ".join(_without_bracketed_notes(label).split())
    m = _SPEAKER_MARK.fullmatch(plain)
    if m is None:
        return name_key(plain), ""
    return name_key(plain[: m.start("mark")].rstrip(" _#-")), speaker_mark(label) or ""


def is_told_apart(label: str) -> bool:
    """Whether ``label`` is a speaker a transcription tells apart from others of its words by a
    number or letter (:func:`speaker_mark`: ``Committee 1``, ``Commissioner A``, ``Member 2``,
    ``Mum 1``), whatever the words (a role's, ``data/not_names.txt``, or not): such labels of
    two marks are two people, never one renamed (tester s72 exchange, 1: ``Committee 1`` and
    ``Committee 2`` were one person, ``Member 1`` and ``Member 2`` were not). Not a role or
    number label of its own (``Participant 1``, ``Speaker 2``, ``P 04``: :func:`_names_a_person`),
    nor a device's name (``iPhone 12``: the person named, rejoined)."""
    from .devices import is_device_name

    return speaker_mark(label) is not None and _names_a_person(label) and not is_device_name(label)


def names_by_role(label: str) -> bool:
    """Whether ``label``, a note in brackets aside, names someone by what they are, a role or
    kin word (``Mum``, ``Matron``, ``Registered Manager``, ``Team leader``, ``Pharmacist``), not
    a device or a guest (``data/device_names.txt``: ``iPhone``, ``Guest``, ``Zoom user``): of a
    label of no name words, someone of their own beside a person named; only a device's or a
    guest's label is that person rejoined (:func:`~roqa_nlp.pseudonyms.people_named`). Any word
    but a device's or a guest's counts, not only those of a list of role words: session 72
    rolewords gave ``Mum`` beside ``Jo Whitfield`` Jo's pseudonym once ``mum`` was a word of
    ``data/not_names.txt``, and session 73 hunter (R1) found ``Team leader``, ``Pharmacist``
    and 19 more words of not_names.txt, none in ``data/person_words.txt``, read as ``Sarah``
    rejoined and given her pseudonym."""
    from .devices import is_device_name

    words = re.findall(r"[^\W\d_]+", _without_bracketed_notes(label))
    return bool(words) and not is_device_name(label)


def given_name_first(name: str) -> str:
    """``name`` with a surname written first, as a directory lists people, turned round
    (``Smith, Jane`` -> ``Jane Smith``): one person's name either way, for :func:`person_name`
    and the pseudonym key (:func:`~roqa_nlp.pseudonyms.PseudonymKey.get`); else as given."""
    surname, comma, forename = name.partition(",")
    if comma and surname.strip() and forename.strip():
        return f"{forename} {surname}"
    return name


def person_name(label: str) -> tuple[str | None, str]:
    """``(title, name)``: a speaker label as a person's name is compared, in lower case, without
    a bracketed note, a trailing number, full stops or commas, its blanks and apostrophes as
    one, a name written surname first turned round (``SMITH, Jane`` -> ``jane smith``), and the
    title before it apart (``data/honorifics.txt``: ``Dr. Jane Smith`` -> ``("dr", "jane
    smith")``; a title alone is the name), with or without its accents and whichever
    apostrophe it is written with (``Renée O’Sullivan`` -> ``renee o'sullivan``: a researcher
    types the name one way, a video call shows it another)."""
    key = given_name_first(name_key(normalise_label(label)))
    words = key.replace(".", " ").replace(",", " ").split()
    title = honorifics().get(words[0]) if len(words) > 1 else None
    return title, " ".join(words[1:] if title else words)


@dataclass(frozen=True)
class InterviewerLabels:
    """Interviewer labels to match speaker labels against (``label in labels``).

    A label given without a number matches it with any number (``Interviewer`` matches
    ``Interviewer 2``); one given with a number matches only that number, so naming
    ``Speaker 1`` the interviewer leaves ``Speaker 2`` a participant. A video call's display
    name with an organisation after ``|`` matches by the name too (``Sam Roe`` matches ``Sam
    Roe | University of Leeds``). A person's name given matches the same name written with or
    without a title, a full stop, in another case or spacing, or surname first
    (:func:`person_name`: ``Jane Smith`` matches ``Dr. Jane Smith``, ``Prof Jane Smith`` and
    ``Smith, Jane``), unless both give a title and the titles differ (``Mr Smith``, ``Mrs
    Smith``). A label with a participant id in brackets (``Jane Smith (P04)``,
    :func:`names_a_participant`) must say all the name given says, its title too: ``Dr Jane
    Smith`` names the interviewer, not her namesake ``Jane Smith (P04)``, whose label names
    participant P04; a transcript that labels its interviewer with the case id keeps her
    (``Dr Jane Smith (P04)`` and ``RA (P05)`` match ``Jane Smith`` and ``RA``). The names given
    of participants (``participants``) are matched without that rule: ``--participant "Dr Jane
    Smith"`` names ``Smith, Jane (P04)``, her own label.
    """

    any_number: frozenset[str]
    numbered: frozenset[str]
    #: the labels the researcher named participants' (:class:`RoleLabels`), matched the same way:
    #: a speaker they match is no interviewer, whatever else matches
    participants: InterviewerLabels | None = None
    #: the people named among the labels, other than the default labels (:func:`person_name`)
    people: frozenset[tuple[str | None, str]] = frozenset()
    #: whether a label with a participant id must carry the title given (interviewer names only)
    titled_ids: bool = True
    #: the labels of two or more words, without what parts them (:func:`_unparted`): ``note
    #: taker`` and ``notetaker`` match ``note-taker``; a label of one word (``RA``) matches only
    #: itself, not ``R A``
    unparted: frozenset[str] = frozenset()
    #: the default role labels among these of three letters or more (``interviewer``, ``int``,
    #: ``researcher``, ``moderator``): a speaker's initials or one letter after one of them
    #: (``Interviewer SR``, ``Int A``) matches it, as a number does (:func:`_role_before_initials`)
    lettered: frozenset[str] = frozenset()

    @classmethod
    def of(cls, labels: Iterable[str], *, titled_ids: bool = True) -> InterviewerLabels:
        any_number: set[str] = set()
        numbered: set[str] = set()
        people: set[tuple[str | None, str]] = set()
        for label in labels:
            full, bare = _numbered_form(label), normalise_label(label)
            if full == bare:
                any_number.add(bare)
                if bare not in DEFAULT_INTERVIEWER_LABELS:
                    people.add(person_name(label))
            else:
                numbered.add(full)
        participants = participant_labels_of(labels)
        return cls(
            frozenset(any_number),
            frozenset(numbered),
            participant_keys(participants) if participants else None,
            frozenset(people),
            titled_ids,
            frozenset(u for label in any_number if (u := _unparted(label)) != label),
            frozenset(
                _unparted(label)
                for label in any_number
                if label in DEFAULT_INTERVIEWER_LABELS
                and label not in QUESTION_MARKERS
                and len(_unparted(label)) >= 3
            ),
        )

    def __contains__(self, label: object) -> bool:
        if not isinstance(label, str):
            return False
        return self._matches(label) and not (
            self.participants is not None and self.participants._matches(label)
        )

    def _matches(self, label: str) -> bool:
        # a display name and organisation or role: "Sam Roe | UoL", "Tom Bates | Facilitator"
        name, bar, _ = label.partition("|")
        return (
            self.names_role(label)
            or any(self.names_role(role) for role in _role_notes(label))
            or bool(bar and name.strip() and self.names_role(name))
        )

    def known(self, label: str) -> bool:
        """Whether ``label`` is one of these labels, an interviewer's or one named a
        participant's: a speaker label either way (``label in self`` is the role)."""
        return self._matches(label) or (
            self.participants is not None and self.participants._matches(label)
        )

    def names_role(self, label: str) -> bool:
        """Whether ``label`` itself, not a bracketed note after a name, is an interviewer
        label: ``Interviewer (JM)`` is, ``Jane Smith (Interviewer)`` is a person's name."""
        key = normalise_label(label)
        return (
            key in self.any_number
            or (bool(self.unparted) and _unparted(key) in self.unparted)
            or (bool(self.numbered) and _numbered_form(label) in self.numbered)
            or (bool(self.people) and self._names_person(label))
            or (bool(self.lettered) and _role_before_initials(label) in self.lettered)
        )

    def _names_person(self, label: str) -> bool:
        title, name = person_name(label)
        untitled_matches = title is None and not (self.titled_ids and names_a_participant(label))
        return any(
            name == named and (given is None or title == given or untitled_matches)
            for given, named in self.people
        )


def participant_keys(labels: Iterable[str]) -> InterviewerLabels:
    """The participant labels given (``--participant``) to match speaker labels against, as
    :class:`InterviewerLabels` match but for the title rule, which is the interviewer's: a
    participant named ``Dr Jane Smith`` is ``Smith, Jane (P04)``, her own label."""
    return InterviewerLabels.of(labels, titled_ids=False)


def names_a_participant(label: str) -> bool:
    """Whether ``label`` carries a participant id in brackets (``Jane Smith (P04)``, ``Smith,
    Jane [Participant 4]``, ``RA (P05)``): the participant herself, or whoever interviews her."""
    return any(participant_label_number(note) is not None for note in _bracketed_notes(label))


class RoleLabels(tuple[str, ...]):
    """Interviewer labels (the items) with the labels the researcher named participants'
    (``participants``), which overrule them: what :func:`~roqa_nlp.transcripts.with_default_labels`
    gives a reader as its ``interviewer_labels`` when participant labels are given, so that
    they reach every place a speaker's role is decided."""

    participants: tuple[str, ...]

    def __new__(cls, labels: Iterable[str], participants: Iterable[str] = ()) -> RoleLabels:
        self = super().__new__(cls, labels)
        self.participants = tuple(participants)
        return self


def participant_labels_of(labels: Iterable[str] | None) -> tuple[str, ...]:
    """The participant labels ``labels`` carries (a :class:`RoleLabels`), else none."""
    return labels.participants if isinstance(labels, RoleLabels) else ()


def more_interviewer_labels(labels: Sequence[str] | None, extra: Sequence[str]) -> RoleLabels:
    """``labels`` and ``extra`` interviewer labels, the participant labels of ``labels`` kept."""
    return RoleLabels([*(labels or ()), *extra], participant_labels_of(labels))


def interviewer_keys(interviewer_labels: Iterable[str] | None) -> InterviewerLabels:
    """The interviewer labels to match against (the defaults when ``interviewer_labels`` is
    None)."""
    if interviewer_labels is None:
        return _default_interviewer_keys()
    return InterviewerLabels.of(interviewer_labels)


@cache
def _default_interviewer_keys() -> InterviewerLabels:
    # Asked for once per turn while reading: normalised once, not per turn.
    return InterviewerLabels.of(DEFAULT_INTERVIEWER_LABELS)


#: Role labels of a second member of the research team (``Co-facilitator``, ``Note-taker``,
#: ``Observer``; ``roqa_nlp/data/``), beside whom the lead interviewer named by person is
#: guessed (:func:`guess_interviewer`).
SECOND_INTERVIEWER_LABELS = "second_interviewer_labels.txt"


@cache
def _second_interviewer_keys() -> InterviewerLabels:
    return InterviewerLabels.of(sorted(packaged_words(SECOND_INTERVIEWER_LABELS)))


def is_second_interviewer_label(label: str) -> bool:
    """Whether ``label`` is a second interviewer's role label (``Co-facilitator``,
    ``Note taker 2``: :data:`SECOND_INTERVIEWER_LABELS`), not a person's name."""
    return _second_interviewer_keys().names_role(label)


def is_interviewer(label: str, interviewer_labels: Iterable[str] | None = None) -> bool:
    """True when ``label`` is an interviewer's (see the module docstring for the matching rule)."""
    return label in interviewer_keys(interviewer_labels)


def role_of(label: str, interviewer_labels: Iterable[str] | None = None) -> Role:
    """``"interviewer"`` or ``"participant"`` for a speaker label."""
    return "interviewer" if is_interviewer(label, interviewer_labels) else "participant"


def participant_number_label(label: str) -> str | None:
    """``P<number>`` when the label names a participant number (``Participant 4`` -> ``P4``)."""
    m = PARTICIPANT_LABEL.fullmatch(label.strip())
    return None if m is None else f"P{m.group('number')}"


def participant_member_label(label: str) -> str | None:
    """``P<number><letter>`` when the label is a member of a joint interview (``P05a``,
    ``p5-B`` -> ``P5b``): a study id, as a participant number is, naming one person of the
    interview ``P<number>``."""
    m = PARTICIPANT_MEMBER_LABEL.fullmatch(label.strip())
    return None if m is None else f"P{m.group('number')}{m.group('member').lower()}"


def participant_label_number(label: str) -> str | None:
    """``P<number>`` when the label names a participant number (:func:`participant_number_label`)
    or a member of one (``P05a`` -> ``P05``)."""
    member = participant_member_label(label)
    return participant_number_label(label) if member is None else member[:-1]


def study_id_number(label: str) -> str | None:
    """``P<number>`` when the label is a study's participant id (``P17``; a joint interview's
    member ``P05a`` -> ``P05``), one person's, as a pseudonym is written; None for a template's
    label every interviewee gets alike (``Participant 1``, ``R1``:
    :data:`GENERIC_PARTICIPANT_LABEL`), which names no one, and for any other label."""
    if GENERIC_PARTICIPANT_LABEL.fullmatch(label.strip()) is not None:
        return None
    return participant_label_number(label)


def study_id_label(label: str) -> str | None:
    """``label`` as written, stripped, when it is a study's own participant id other than a
    participant number (:data:`STUDY_ID_LABEL`: ``RM10``, ``CMH07``, ``PT-03``), a site's
    prefix before the number; else None: for a participant number (``P04``, ``R12``: their own
    rule, :func:`participant_label_number`), and for an id of the research team's by the
    default interviewer labels (``INT1``, ``IV1``, ``FAC2``, ``Q1``), of an interviewee's role
    (``IE1``, ``IP2``: ``data/interviewee_labels.txt``) or of a speaker a transcription service
    numbers anew in each file (``SPK1``), which name no one."""
    text = label.strip()
    if STUDY_ID_LABEL.fullmatch(text) is None or participant_label_number(text) is not None:
        return None
    if (
        text in _default_interviewer_keys()
        or is_interviewee_role_label(text)
        or _PER_FILE_LABEL.fullmatch(text) is not None
    ):
        return None
    return text


def several_participants(labels: Iterable[str], case: str) -> bool:
    """Whether the participant speaker labels ``labels`` of a transcript whose case is ``case``
    are several people (a focus group, a joint interview), each to be cited by their label:
    two or more participant numbers (``P06``, ``P07``; a joint interview's members ``P05a``,
    ``P05b``), or two or more people named (``Anna``, ``Ben``; ``Margaret Okafor`` and ``Dean
    (support worker)`` in ``p04_interview.txt``), one person under two labels counted once
    (:func:`~roqa_nlp.pseudonyms.people_named`: a Zoom rename or rejoin, ``Maria Okafor`` then
    ``Maria (iPhone)``, ``iPhone`` or ``P17``). Where the case is one participant's number,
    labels that name no one (``iPhone``, ``iPad``) are that participant's, however many, but
    for labels a number or letter tells apart (``Member 1``, ``Member 2``:
    :func:`is_told_apart`) or a role or kin word names (``Mum``: :func:`names_by_role`), each
    someone; the
    number no longer makes two names one person (it read a manager and the support worker she
    brought as one). A file's own speaker numbers (SPEAKER_01, Speaker 2: a diarisation split as
    often as two people) and an unknown speaker are no one. Else the transcript is one
    participant's, its case."""
    from ..pseudonyms import name_parts, people_named
    from . import same_id

    numbers: set[str] = set()
    named: list[str] = []
    for label in dict.fromkeys(labels):
        if not label or label == UNKNOWN_SPEAKER:
            continue
        number = participant_member_label(label) or participant_number_label(label)
        if number is not None:
            numbers.add(same_id(number))
        elif is_interviewee_role_label(label) and speaker_mark(label) is not None:
            numbers.add("#".join(speaker_role_and_mark(label)))  # Service User 1, Parent 2
        else:
            named.append(label)
    if len(numbers) > 1:
        return True
    people = people_named(named)
    if participant_number_label(case) is None:
        return len(people) > 1
    return (
        sum(
            1
            for labels in people
            if any(
                name_parts(label) or is_told_apart(label) or names_by_role(label)
                for label in labels
            )
        )
        > 1
    )


#: At most this many participant labels in a transcript are named to check
#: (:func:`participant_labels_warning`): more are a focus group, whose labels read as one
#: person alone are named.
CHECK_LABELS_UP_TO = 3


def participant_labels_warning(transcript: Transcript) -> str | None:
    """What a researcher should check when two or three participant labels speak in a
    transcript (:data:`CHECK_LABELS_UP_TO`; more are a focus group), in one line naming its file
    and the fix: a one-to-one interview whose participant renamed or rejoined in the call
    (``Maria Okafor``, then ``P17``) is read as one person, the case, and a joint interview
    (``P05a``, ``P05b``) as several, each cited by their label
    (:func:`several_participants`), and either may be wrong. Labels that are all numbers or
    letters a transcription gave (``SPEAKER_01``, ``Speaker 2``: :func:`is_speaker_number_label`;
    ``Speaker A``) are said to be that many participants (speakers all coded as participants,
    where no one is the interviewer), counted and cited as the case, since they name no one. In
    a focus group (more labels), the labels read as one person (:func:`_group_labels_warning`).
    None for one label, and for a focus group whose labels are each one person."""
    labels = list(
        dict.fromkeys(
            t.speaker
            for t in transcript.turns
            if t.role == "participant" and t.speaker and not is_unknown_speaker(t.speaker)
        )
    )
    if len(labels) > CHECK_LABELS_UP_TO:  # a focus group: the labels read as one person
        return _group_labels_warning(transcript, labels)
    if len(labels) < 2:
        return None
    # a second interviewer read as a participant is no rename nor a second participant: they
    # are named to check as one who asks (interviewer_warning), so never the cause of a check
    # (four labels, one asking, are still a focus group); but where the others are checked,
    # they are counted and named with them, as the table of speakers and the report count
    # them (tester s49 focus, 8: "2 participants speak ('Kofi', 'Lisa')" under a table of 3)
    askers = {speaker for speaker, _, _ in participants_who_ask(transcript)}
    if len([label for label in labels if label not in askers]) < 2:
        return None
    where = transcript.source or transcript.id
    case = transcript.participant or transcript.id
    shown = ", ".join(repr(label) for label in labels)
    if several_participants(labels, case):
        people = _people_of(labels)
        shown = ", ".join(
            repr(person[0])
            if len(person) == 1
            else f"{person[0]!r} (also {and_list([repr(n) for n in person[1:]])}, read as the "
            "same person)"
            for person in people
        )
        label = "label" if len(people) == len(labels) else "first label"
        renamed = (
            ": if they are one person under two labels (renamed in the call), label all their "
            "turns alike"
            if _may_be_renamed(people)
            else ""
        )
        return (
            f"{where}: {len(people)} participants speak ({shown}), each counted and cited by "
            f"their {label} in the case {case}{renamed}"
        )
    # the hint's ids extend the case's own where it is an id (F04 -> F04a, RM14 -> RM14a: hunt
    # s68 h_labels D2, it read P05a), else they are an example
    own = (
        case
        if participant_number_label(case) is not None or CASE_ID.fullmatch(case) is not None
        else "P05"
    )
    numbered = [is_speaker_number_label(label) for label in labels]
    lettered = [SPEAKER_LETTER_LABEL.fullmatch(label.strip()) is not None for label in labels]
    tail = (
        f"to count and cite each, label each one's turns with their own id "
        f"('{own}a: ...', '{own}b: ...')"
    )
    if all(n or x for n, x in zip(numbered, lettered, strict=True)):
        # numbers or letters a transcription gave (SPEAKER_01, Speaker 2, Speaker A) are told
        # apart, never a rename of one person; they name no one, so the case is counted and
        # cited for them (tester s63 readers, 3: a diarised dyad was "renamed or rejoined in
        # the call"); with no interviewer among them, they are speakers all coded as
        # participants, not "participants" (hunt h_diar, D2)
        kind = "numbers" if all(numbered) else "letters" if all(lettered) else "labels"
        if not any(t.role == "interviewer" for t in transcript.turns):
            return (
                f"{where}: {len(labels)} speakers under the {kind} a transcription gave them "
                f"({shown}), which name no one, are all coded as participants, counted and "
                f"cited as one case, {case}: {tail}"
            )
        return (
            f"{where}: {len(labels)} participants speak under the {kind} a transcription gave "
            f"them ({shown}), which name no one, so they are counted and cited as one case, "
            f"{case}: {tail}"
        )
    given = [label for label, n, x in zip(labels, numbered, lettered, strict=True) if n or x]
    if given:
        # beside a named or numbered participant, a number a transcription gave (Otter's
        # "Speaker 2") is someone of their own, never that participant renamed (tester s68
        # formats, 3: 'P 04' and 'Speaker 2' were "read as one person ... renamed")
        many = len(given) > 1
        who = (  # with no interviewer they are speakers, not "speakers speak" (hunt D2)
            "participants speak"
            if any(t.role == "interviewer" for t in transcript.turns)
            else "speakers are all coded as participants"
        )
        numbers = [is_speaker_number_label(g) for g in given]
        kind = "number" if all(numbers) else "letter" if not any(numbers) else "number or letter"
        kind = (
            kind.replace("number", "numbers").replace("letter", "letters")
            if many
            else (f"a {kind}")
        )
        others = and_list([repr(label) for label in labels if label not in given])
        return (
            f"{where}: {len(labels)} {who} ({shown}): "
            f"{and_list([repr(g) for g in given])}, {kind} a transcription gave, "
            f"name{'' if many else 's'} no one and {'are' if many else 'is'} not {others} "
            f"renamed, so all are counted and cited as one case, {case}: {tail}"
        )
    return (
        f"{where}: the participant speaks under {len(labels)} labels ({shown}), read as one "
        f"person, the case {case} (renamed or rejoined in the call): if they are different "
        f"people, label each one's turns with their own id ('{own}a: ...', '{own}b: ...')"
    )


def _group_labels_warning(transcript: Transcript, labels: Sequence[str]) -> str | None:
    """:func:`participant_labels_warning` of a transcript of more participant ``labels`` than
    :data:`CHECK_LABELS_UP_TO` (a focus group): the labels read as one person
    (:func:`_people_of`, the rule the framework counts and cites a group's members by and the
    pseudonym key gives one pseudonym by: ``Daniel Okoro`` and ``Daniel's iPhone``), else None
    (tester s61 focus, 7: the code and the key merged them, and inspect did not say so)."""
    people = _people_of(labels)
    merged = [person for person in people if len(person) > 1]
    if not merged:
        return None
    where = transcript.source or transcript.id
    case = transcript.participant or transcript.id
    shown = ", ".join(
        f"{person[0]!r} (also {and_list([repr(n) for n in person[1:]])}, read as the same person)"
        for person in merged
    )
    return (
        f"{where}: {len(labels)} participant labels are {len(people)} participants: {shown}, "
        f"counted and cited by {'its' if len(merged) == 1 else 'their'} first label in the case "
        f"{case}: if they are different people, label each one's turns with a name of their own"
    )


def _may_be_renamed(people: Sequence[Sequence[str]]) -> bool:
    """Whether two of ``people`` (:func:`_people_of`) may be one person under two labels, as a
    rename in the call gives: unless each is labelled only by a person's name without a number
    (:func:`~roqa_nlp.pseudonyms.label_names_a_person`) or by words a number or letter tells
    apart (:func:`is_told_apart`), and no two share a word of their names (:func:`name_key`)
    but under different marks: ``Lucy Fenwick`` and ``Graham Oduya`` are plainly two people, and
    so are ``Commissioner A`` and ``Commissioner B``; ``Siân Llewelyn`` and ``Siân`` may not be,
    nor ``P04a`` and ``P04b``, nor ``Jane Smith`` and ``P04 (RM)``."""
    from ..pseudonyms import label_names_a_person, name_parts

    seen: list[tuple[set[str], set[str]]] = []
    for person in people:
        words: set[str] = set()
        marks: set[str] = set()
        for label in person:
            parts = name_parts(label)
            if is_told_apart(label):
                marks.add(speaker_mark(label) or "")
            elif not label_names_a_person(label) or any(c.isdigit() for c in "".join(parts)):
                return True
            words |= {name_key(w) for w in parts}
        # two told apart by their marks (Committee 1, Committee 2) are no rename of each other
        if any(words & w and not (marks and m and marks.isdisjoint(m)) for w, m in seen):
            return True
        seen.append((words, marks))
    return False


def _people_of(labels: Sequence[str]) -> list[list[str]]:
    """``labels`` grouped into the people they name, in order of first label: one person's
    display names as one (:func:`~roqa_nlp.pseudonyms.people_named`: ``Siân Llewelyn`` and
    ``Sian Llewelyn``, ``Siân's iPhone``), each other label alone (``P06``, ``Speaker 2``)."""
    from ..pseudonyms import people_named

    whose = {label: person for person in people_named(labels) for label in person}
    people: dict[str, list[str]] = {}
    for label in labels:
        person = whose.get(label, [label])
        people.setdefault(person[0], person)
    return list(people.values())


def is_speaker_number_label(label: str) -> bool:
    """Whether the label numbers a speaker (``Speaker 2``), as transcription services write them."""
    return SPEAKER_NUMBER_LABEL.fullmatch(label.strip()) is not None


def speaker_name(label: str) -> str:
    """A speaker's label as the speaker is named: on one line with single spaces, in NFC and
    without characters of no width (:func:`label_view`): ``Jose\u0301`` is ``José``."""
    return " ".join(label_view(label)[0].split())


def first_spellings(speakers: Iterable[str]) -> dict[str, str]:
    """Each of ``speakers`` mapped to the first of them that is the same label but for case and
    Unicode form (:func:`speaker_name`): ``p23`` and ``P23`` in one transcript are one speaker,
    named as the file first names them, and so are ``José`` and ``Jose\u0301``, named in NFC."""
    first: dict[str, str] = {}
    out: dict[str, str] = {}
    for speaker in speakers:
        name = speaker_name(speaker)
        out[speaker] = first.setdefault(name.casefold(), name)
    return out


#: A label that introduces the short label the file goes on with: ``Interviewer (IV)``.
_INTRODUCING = re.compile(r"(?P<name>.*\S)\s*\((?P<short>[^()]+)\)")


def introduced_labels(
    speakers: Sequence[str], interviewer_labels: Iterable[str] | None = None
) -> dict[str, str]:
    """Each of ``speakers`` (one per turn, in order) that introduces the short label in its
    brackets, mapped to that label as the file spells it: a typist's ``Interviewer (IV):`` and
    ``Respondent (R):`` on the first turns, then ``IV:`` and ``R:``, are two speakers, not
    four. A label does so when the label in its brackets is another turn's, of the same role
    (:func:`role_of`), and each of its turns comes before that label's first: ``Smith, Jane
    (P04)`` speaking between ``P04``'s turns is a speaker of their own."""
    labels = list(speakers)
    first: dict[str, int] = {}
    for at, label in enumerate(labels):
        first.setdefault(speaker_name(label).casefold(), at)
    out: dict[str, str] = {}
    for label in dict.fromkeys(labels):
        m = _INTRODUCING.fullmatch(speaker_name(label))
        short = None if m is None else first.get(speaker_name(m["short"]).casefold())
        if short is None or any(at >= short for at, other in enumerate(labels) if other == label):
            continue
        if role_of(label, interviewer_labels) == role_of(labels[short], interviewer_labels):
            out[label] = labels[short]
    return out


#: Characters of no width that a web page, a PDF or a word processor leaves in a label (a
#: zero-width space, a word joiner, a byte order mark): no part of the label.
_NO_WIDTH = "\u200b\u2060\ufeff"
#: Zero-width (non-)joiners: a part of a Persian or Indic word and of an emoji (``👩\u200d⚕``),
#: no part of a label where they join no two such characters (``P07\u200d:``).
_JOINERS = "\u200c\u200d"
#: Characters a label is read past wherever they stand, even between two letters (they part no
#: words): a soft hyphen (``Inter\u00adviewer``), marks of writing direction (left-to-right and
#: right-to-left marks, embeddings, isolates: a Word or Teams export of a file with Arabic or
#: Hebrew in it leaves one before each label, ``\u200eP04:``) and control characters (a unit
#: separator, ``\x1fP04:``, left by a database or a PDF's copy).
_IGNORED = re.compile(
    r"[\x00-\x08\x0e-\x1b\x1f\x7f\xad\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_IGNORED_RUN = re.compile(_IGNORED.pattern + "+")
#: Characters a label's view keeps as they are, read a run at a time (a tab and printable ASCII).
_PLAIN_RUN = re.compile(r"[\t -~]+")
#: What a label's view changes: those characters, the ones of no width and blanks other than a
#: space or a tab (a no-break space, a thin space).
_VIEW_CHANGES = re.compile(
    r"[\x00-\x08\x0e-\x1b\x1f\x7f\xad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069"
    r"\ufeff\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]"
)


def _joins(line: str, i: int) -> bool:
    """Whether the joiner at ``line[i]`` stands between two characters it may join (neither a
    blank nor ASCII)."""
    return (
        0 < i < len(line) - 1
        and not (line[i - 1].isascii() or line[i - 1].isspace())
        and not (line[i + 1].isascii() or line[i + 1].isspace())
    )


def _between_letters(line: str, i: int) -> bool:
    """Whether the character of no width at ``line[i]`` stands between two letters (past any
    accents that combine with the one before and other characters of no width)."""
    skip = _NO_WIDTH + _JOINERS
    before = i - 1
    while before >= 0 and (line[before] in skip or unicodedata.category(line[before])[0] == "M"):
        before -= 1
    after = i + 1
    while after < len(line) and line[after] in skip:
        after += 1
    return before >= 0 and after < len(line) and line[before].isalpha() and line[after].isalpha()


def label_view(line: str, *, joined: bool = False) -> tuple[str, list[int] | None]:
    """``line`` as its speaker label is read, and the offset in ``line`` of each character of it
    and of its end (None when it is ``line`` itself): its accents composed (NFC: ``Sia\u0302n``,
    decomposed as text pasted from a PDF or some macOS apps arrives, is ``Siân``), a no-break or
    other blank as a space, and without characters of no width (:data:`_NO_WIDTH`; a joiner
    where it joins nothing) but a space for one between two letters, where it parts words. With
    ``joined``, one between two letters is left out too (``Inter\u200bviewer`` is
    ``Interviewer``), the reading taken where it names a known label or another line's
    (:func:`.speaker_labels.line_labels`). The file's text is kept as it is; only its labels are
    read so, and a label read on the view is the name in NFC."""
    if (line.isascii() and (line.isprintable() or _IGNORED.search(line) is None)) or (
        unicodedata.is_normalized("NFC", line) and _VIEW_CHANGES.search(line) is None
    ):
        return line, None
    out: list[str] = []
    at: list[int] = []
    n = len(line)
    i = 0
    while i < n:
        plain = _PLAIN_RUN.match(line, i)
        if plain is not None:  # as it is, but a letter a mark after the run combines with
            end = plain.end()
            if end < n and unicodedata.category(line[end]).startswith("M"):
                end -= 1
            if end > i:
                out.extend(line[i:end])
                at.extend(range(i, end))
                i = end
                continue
        ignored = _IGNORED_RUN.match(line, i)
        if ignored is not None:
            i = ignored.end()
            continue
        j = i + 1  # a character and the marks that combine with it
        while j < n and unicodedata.category(line[j]).startswith("M"):
            j += 1
        c = line[i]
        if _IGNORED.match(c):
            c = ""
        elif c in _NO_WIDTH or (c in _JOINERS and not _joins(line, i)):
            # between two letters it parts words ("Main\u200bissue:" is "Main issue:", talk),
            # at a label's edge it is nothing ("P07\u200b:")
            c = " " if not joined and _between_letters(line, i) else ""
        elif unicodedata.category(c) == "Zs":
            c = " "
        for composed in unicodedata.normalize("NFC", c + line[i + 1 : j]):
            out.append(composed)
            at.append(i)
        i = j
    at.append(n)
    view = "".join(out)
    return (line, None) if view == line else (view, at)


def without_zero_width(label: str) -> str:
    """``label`` as a speaker is told apart from another: its :func:`speaker_name` case-folded
    and without any character of no width, a joiner that joins letters too (``محمد\u200cزاده``
    and ``محمدزاده`` are one person's name, typed with and without the non-joiner)."""
    return "".join(c for c in speaker_name(label) if c not in _NO_WIDTH + _JOINERS).casefold()


def names_two_participants(path: str | Path) -> bool:
    """Whether a file name gives two different participant numbers (``P04_P05 joint.txt``,
    ``T2 P04 and P05.txt``, ``rm04_rm05_joint.txt``: :func:`known_study_ids_in_filename`): a
    joint interview's, no one participant's (:func:`participant_from_filename`)."""
    numbers = {_number_key(n["number"]) for n in _participant_numbers(Path(path).stem)}
    # of a study's own ids too, in any case (rm04_rm05_joint.txt, RM04_and_RM05.docx)
    ids = {_number_key(m["number"]) for m in known_study_ids_in_filename(path)}
    return len(numbers) > 1 or len(ids) > 1


def _numbers_in_name(pattern: re.Pattern[str], stem: str) -> list[re.Match[str]]:
    """The numbers ``pattern`` (:data:`PARTICIPANT_IN_FILENAME`, :data:`INTERVIEW_IN_FILENAME`)
    finds in a file name's ``stem``, less those of a date it gives (:func:`~roqa_nlp.name_dates.
    in_a_date`: ``participant_2020-07-14``, ``interview_14-07-2020``) and a year's standing
    alone (:func:`~roqa_nlp.name_dates.year_alone`: ``participant_2020``, not ``P2001``), which
    number no one (s71 tester study, defect 1: they were P2020 and P14)."""
    return [
        m
        for m in pattern.finditer(stem)
        if not in_a_date(stem, m.start("number"), m.end("number"))
        and not year_alone(stem, m.start("number"), m.end("number"))
    ]


def _participant_numbers(stem: str) -> list[re.Match[str]]:
    """The participant numbers a file name gives (none of a date's); of two or more, one after
    an interviewer's label (``P04 Interviewer P01``: :func:`_after_interviewer`) numbers the
    interviewer and is left out."""
    found = _numbers_in_name(PARTICIPANT_IN_FILENAME, stem)
    if len({_number_key(n["number"]) for n in found}) > 1:
        found = [n for n in found if not _after_interviewer(stem[: n.start("number")])]
    return found


#: A word of a file name that may be a participant's id, letters then a number (``rm02``,
#: ``RM-04``, ``cmht1``), wherever it stands (:func:`known_study_ids_in_filename`).
_ID_LIKE_WORD = re.compile(
    r"(?<![A-Za-z\d])(?P<letters>[A-Za-z]{1,11})[_-]?(?P<number>\d{1,4})(?![A-Za-z\d])"
)


@cache
def study_id_prefixes() -> frozenset[str]:
    """The letters of a participant id studies write in file names (``data/study_id_prefixes.txt``:
    ``rm``, ``ppt``, ``p``), in lower case: no format's, unit's, team's or time point's."""
    return packaged_words("study_id_prefixes.txt")


def known_study_ids_in_filename(path: str | Path) -> list[re.Match[str]]:
    """The words of a file name's stem, after Zoom's name of a recording, that are a participant
    id of :func:`study_id_prefixes`'s letters in any case (``rm01`` of ``rm01_priya_otter.txt``,
    ``rm02`` of ``cmht1_rm02.txt``, ``Rm06``), less a date's or a year's number."""
    stem = Path(path).stem
    zoom = ZOOM_DEFAULT_NAME.match(stem)
    at = 0 if zoom is None else zoom.end()
    return [
        m
        for m in _ID_LIKE_WORD.finditer(stem, at)
        if m["letters"].casefold() in study_id_prefixes()
        and not in_a_date(stem, m.start("number"), m.end("number"))
        and not year_alone(stem, m.start("number"), m.end("number"))
    ]


def known_study_id_number(path: str | Path) -> str | None:
    """``P<number>`` of the one participant id of known letters a file name holds
    (:func:`known_study_ids_in_filename`: ``rm01_priya_otter.txt``, ``cmht1_rm02.txt`` and
    ``GMT20261201-101500_Recording_rm02.transcript.vtt`` -> ``P01``, ``P02``, ``P02``), else None:
    none, or two different ones (``rm04_rm05_joint.txt``, a joint interview's). Before session
    86 a lower-case id beside other words numbered no one (``rm01_priya_otter.txt`` took a new
    number, unsaid) and a team's prefix was read as the id (``CMHT1_RM02.txt`` was P1)."""
    found = known_study_ids_in_filename(path)
    if len({_number_key(m["number"]) for m in found}) != 1:
        return None
    return f"P{found[0]['number']}"


def participant_from_filename(path: str | Path) -> str | None:
    """``P<number>`` when the file name carries a participant number (``p03_x.docx`` -> ``P03``),
    else an interview's or interviewee's (``Interview 08 - manager.csv`` -> ``P08``). After a
    study id the file name is (``RM04 interview 2.txt``: :func:`study_id_from_filename`) the
    interview's number counts that person's interviews, so is none (session 47: RM04's and
    RM05's second interviews were both case P2). A file name giving two participant numbers
    (``P04_P05_joint.txt``, ``T2 P04 and P05.txt``) is a joint interview's, no one
    participant's: None (it was the first's, so P05's words were counted as P04's, unsaid,
    while ``RM04_RM05_joint.txt`` kept its stem, :func:`study_id_from_filename`). Of two, one
    after an interviewer's label (``P04 Interviewer P01.txt``: :func:`_after_interviewer`)
    numbers the interviewer: the file is the other's."""
    stem = Path(path).stem
    found = _participant_numbers(stem)
    if len({_number_key(n["number"]) for n in found}) > 1:
        return None  # a joint interview's
    if not found and _numbers_in_name(PARTICIPANT_IN_FILENAME, stem):
        return None  # every number follows an interviewer's label
    m = found[0] if found else None
    if m is None and study_id_from_filename(path) is None:
        m = next(iter(_numbers_in_name(INTERVIEW_IN_FILENAME, stem)), None)
    return None if m is None else f"P{m.group('number')}"


@cache
def _interviewer_words() -> frozenset[str]:
    """The labels of ``data/interviewer_labels.txt`` of three letters or more, as
    :func:`_unparted` writes them (``interviewer``, ``researchassistant``): not ``i``, ``q`` or
    ``iv``, which in a file name are as often a letter or a numeral (``Wave IV``)."""
    unparted = (_unparted(normalise_label(label)) for label in DEFAULT_INTERVIEWER_LABELS)
    return frozenset(label for label in unparted if len(label) >= 3)


def _after_interviewer(before: str) -> bool:
    """Whether the file name's words ``before`` a participant number end in an interviewer's
    label (``P04 Interviewer P``, ``P04_research_assistant_P``), so that the number is theirs."""
    words = [w for w in _WORD_PARTS.split(before.casefold()) if w][:-1]  # less 'p' or 'participant'
    return any("".join(words[-n:]) in _interviewer_words() for n in (1, 2, 3) if n <= len(words))


def study_id_from_filename(path: str | Path) -> str | None:
    """The study's own participant id a file name is, in capitals, alone or with a follow-up's,
    part's, version's, wave's or date's marks beside it (``RM04_followup.txt`` -> ``RM04``,
    ``HCP-04 follow-up.docx`` -> ``HCP-04``, ``T2 RM04.txt`` and ``W1_RM04.txt`` -> ``RM04``:
    :data:`_ID_FILE_MARKER`), else None (``T1 manager.txt``, ``NHS 111 pilot.txt``,
    ``RM04_RM05_joint.txt``: the id there names a wave, a service, or is one of two)."""
    stem = Path(path).stem
    at = 0
    for _ in range(MAX_MARKS_BEFORE_ID + 1):
        found = _study_id_at(stem, at)
        if found is not None and not (at and _MARK_WORD.fullmatch(found)):
            return found  # after marks, a mark is no id ('interview.v2', 'T1 T2')
        dated = date_at(stem, at)  # '14 July 2020 RM15', '2020-07-14_RM15'
        if dated is not None and (gap := _SEPARATORS.match(stem, dated)) is not None:
            at = gap.end()
            continue
        mark = _MARK_BEFORE_ID.match(stem, at)
        if mark is None:
            mark = _FILE_WORD_BEFORE.match(stem, at)  # 'Transcript RM04', 'Zoom_RM04'
            if mark is None or not _names_the_file(mark["word"]):
                return None
        at = mark.end()
    return None


def _study_id_at(stem: str, start: int) -> str | None:
    """The study id ``stem`` gives at ``start`` when only marks (:data:`_ID_FILE_MARK`) follow
    it to the end, else None."""
    m = _STUDY_ID_AT_START.match(stem, start)
    if m is None:
        return None
    digits = len(m.group()) - len(m.group().rstrip("0123456789"))
    if in_a_date(stem, m.end() - digits, m.end()):
        return None  # 'GMI_2020-07-14', 'GMI 2020 July': a date's year, no id's number
    if year_alone(stem, m.end() - digits, m.end()):
        return None  # 'GO_2020': Grace Okonkwo's year, no id's number (s71 caseid follow-up 1)
    at = m.end()
    named_file = False  # a word naming the file follows the id ('RM04 transcript')
    while at < len(stem):  # each mark in turn, so no backtracking across them
        gap = _SEPARATORS.match(stem, at)
        dated = None if gap is None else date_at(stem, gap.end())
        if dated is not None:  # 'RM15 14 July 2020', as 'RM15 2020-07-14' (follow-up 2)
            at = dated
            continue
        mark = _ID_FILE_MARK.match(stem, at)
        if mark is None:
            mark = _FILE_WORD_AFTER.match(stem, at)
            if mark is None or not _names_the_file(mark["word"]):
                return None
            named_file = True
        at = mark.end()
    found = m.group()
    if named_file and _MARK_WORD.fullmatch(found):
        return None  # 'V2 notes', 'T1 transcript': a version's or wave's file, no one's id
    if found.islower() and (" " in found or _is_word(found.rstrip("0123456789 _-"))):
        return None  # 'week 2', 'case 3', 'file2': a word and a number, no id
    return found.upper()


def _is_word(letters: str) -> bool:
    """Whether ``letters`` (lower case) are a word of a file's name or of everyday English
    (``week``, ``int``, ``file``), so that with a number they are no lower-case study id."""
    return letters in file_name_words() or letters in packaged_words("everyday_words.txt")


def participant_id(
    speakers: Sequence[str],
    path: str | Path,
    interviewer_labels: Iterable[str] | None = None,
) -> str:
    """The case a transcript belongs to (see the module docstring for the order of the rules)."""
    keys = interviewer_keys(interviewer_labels)
    labelled = [
        (case_label(speaker), found)
        for speaker in speakers
        if speaker not in keys
        and (found := participant_label_number(case_label(speaker))) is not None
    ]
    numbers = [found for _, found in labelled]
    distinct = {_number_key(n) for n in numbers}
    if len(distinct) == 1:
        # a joint interview's members (P05a, P05b) are its case, P05; one member alone, theirs
        members = {participant_member_label(s) or n for s, n in labelled}
        return members.pop() if len(members) == 1 else numbers[0]
    own = None if labelled else own_study_id([s for s in speakers if s not in keys])
    return case_from_file_name(path, labelled) if own is None else own[1]


def own_study_id(participants: Iterable[str]) -> tuple[str, str] | None:
    """``(label, case)`` when the one participant of a transcript, whose speaker labels are
    ``participants``, is labelled by a study's own id (:func:`study_id_label`: ``RM10``,
    ``RM10 (manager)`` -> ``RM10``, as written); else None: no such id, or a second participant
    beside it (``RM11``, ``Jane Doe``: a focus group, a joint interview), whose quotes are not
    to be put to it. Before session 52 only a participant number (``P04``) named a case, so
    ``RM10:`` turns in ``interview_3.txt`` were the case ``P3``, and in ``rm_a.txt``
    ``rm_a``."""
    people = {
        case_label(label): label for label in participants if label and label != UNKNOWN_SPEAKER
    }
    if len(people) != 1:
        return None
    ((case, label),) = people.items()
    return None if study_id_label(case) is None else (label, case)


def case_label(label: str) -> str:
    """``label`` as it names a case: without the notes in brackets after a study id (``P34
    (RM)``, ``P34 (RM: site A)`` -> ``P34``), which name the case as the id alone does; a
    study id in the one note after a name is the case, as a name in a note after the id is
    (``Sarah (P04)`` -> ``P04``, as ``P4 (Sarah)`` -> ``P4``). Another note after a name
    holds no case (``Jane Doe (RM)`` -> ``Jane Doe``), nor does a template's label in it
    (``Jane Doe (Participant 1)``, which a template gives every interviewee)."""
    bare = " ".join(_without_bracketed_notes(label).split())
    note = _closing_note(label)
    if note is not None and study_id_number(note) is not None and study_id_number(bare) is None:
        return note
    return bare


def _closing_note(label: str) -> str | None:
    """The words of the one bracketed note ``label`` ends on, after words of its own
    (``Sarah (P04)`` -> ``P04``), else None (no note, a note alone, two notes)."""
    text = label.strip()
    if not text.endswith((")", "]")):
        return None
    opened = max(text.rfind("("), text.rfind("["))
    before = text[:opened]
    if opened <= 0 or not before.strip() or any(c in before for c in "()[]"):
        return None
    return text[opened + 1 : -1].strip()


def case_from_file_name(path: str | Path, labelled: Sequence[tuple[str, str]] = ()) -> str:
    """The case of a transcript its speaker labels do not name one participant in: the
    participant number in its file name, else the study id its file name opens with
    (:func:`study_id_from_filename`: ``RM04.txt`` and ``RM04_followup.txt`` are one case,
    ``RM04``, as ``P04.txt`` and ``P04 follow-up.txt`` are ``P04``; before session 47 each was
    its stem), else its file stem. ``labelled`` are its participants' labels that name a
    number, each with that number (``("P44", "P44")``)."""
    in_name = participant_from_filename(path)
    # a joint interview of P44 and P45 in p44_p45_joint.txt: the name's number is a member's
    # study id, not the group's, so the file is the case; a template's numbering of a group's
    # members (Participant 1, 2, 3 or R1, R2, R3 in p03_focus_group.txt) says nothing of the
    # file's number
    ids = {_number_key(n) for speaker, n in labelled if study_id_number(speaker) is not None}
    if in_name is not None and _number_key(in_name) in ids:
        return Path(path).stem
    return in_name or study_id_from_filename(path) or Path(path).stem


#: The name Zoom saves a cloud recording's files by, the meeting's start in GMT
#: (``GMT20261014-100312_Recording.transcript.vtt``, ``..._Recording.cc.vtt``): it names no one.
ZOOM_DEFAULT_NAME = re.compile(r"GMT\d{8}-\d{6}_Recording")


def zoom_default_name_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file when its case is the name Zoom saved the file by
    (:data:`ZOOM_DEFAULT_NAME`: no label or header gave a participant number), with the fix: a
    file renamed by the participant's study id (``P07.vtt``) gives its case, as pseudonymising
    does (the participant's label becomes a pseudonym, ``P01``). Else None. The participant's
    display name is never the case: it would put a real name in every output."""
    case = transcript.participant or ""
    source = transcript.source
    if not source or Path(source).stem != case or ZOOM_DEFAULT_NAME.match(case) is None:
        return None
    return (
        f"{source}: the file has Zoom's default name, which the outputs give as its case "
        "(Table 2, the framework matrix, quotes): rename the file by the participant's study id "
        f"(e.g. P07{Path(source).suffix}), or code with --pseudonymise KEY.csv to give the case "
        "a pseudonym such as P01"
    )


def _number_key(label: str) -> str:
    """A participant number's digits without leading zeros (``P04``, ``p4`` -> ``4``)."""
    digits = "".join(ch for ch in label if ch.isdigit())
    return digits.lstrip("0") or digits


#: Speaker name for speech whose speaker the file does not give (and no participant number is
#: known), e.g. a plain-text file of paragraphs with no labels.
UNLABELLED_SPEAKER = "Participant"


def unlabelled_speaker(path: str | Path) -> str:
    """The speaker of unlabelled speech: the participant number in the file name, else
    ``Participant``."""
    return participant_from_filename(path) or UNLABELLED_SPEAKER


def speakers_without_interviewer(turns: Iterable[Turn]) -> list[str]:
    """The speakers, in order of first turn, of a conversation (a transcript's ``turns``) no
    interviewer was found in.

    Empty when some speaker is the interviewer or only one person speaks. Two or more speakers
    and no interviewer usually means labels the defaults do not know (a Zoom transcript naming
    people), so everyone's talk, questions included, would be coded as participants'.
    """
    speakers: dict[str, None] = {}
    for turn in turns:
        if turn.role == "interviewer":
            return []
        speakers.setdefault(turn.speaker, None)
    return list(speakers) if len(speakers) > 1 else []


#: A speaker is taken as the interviewer of a transcript that names none (:func:`guess_interviewer`)
#: when at least this share of their turns hold a question ...
GUESS_MIN_QUESTION_SHARE = 0.5
#: ... in at least this many turns ...
GUESS_MIN_TURNS = 3
#: ... and every other speaker asks in at most this fraction of that share of their turns;
GUESS_MAX_OTHER_RATIO = 1 / 3
#: ... or, when another speaker's one or two questions in a short interview break that ratio (a
#: participant's ``Where was I?`` after rejoining, 1 of their 4 turns against 3 of the
#: interviewer's 5), they end at least this share of all the turns that end on a question ...
GUESS_MIN_QUESTIONS_HELD = 3 / 4
#: ... and say at most this share of all the words. In the 170 labelled transcripts of
#: ``benchmarks/interviewer_guess.py`` the interviewer ends at least 0.81 of the turns that end
#: on a question (a participant at most 0.19) and says at most 0.19 of the words (half at most
#: 0.12); no participant holds both.
GUESS_MAX_WORD_SHARE = 1 / 3
GUESS_QUIET_MAX_OTHER_RATIO = 1 / 2


def asks(words: str) -> bool:
    """Whether a turn's words end on a question (what :func:`guess_interviewer` counts): after
    their last ``?`` comes no word but in brackets (``What helped? [laughs]``, ``Is that?..``).
    A question its speaker goes on to answer hands the talk to no one: a participant's
    ``Honestly? Being small enough that ...`` or ``Where was I? Oh yes, the funding ...``
    is not one of the interviewer's. Nor is one that closes the speaker's own answer
    (:func:`closes_an_answer`: ``... and we can't keep the bed. Where are they going to go?``)."""
    at = words.rfind("?")
    return at >= 0 and _no_word_outside_brackets(words, at + 1) and not closes_an_answer(words, at)


#: A turn that ends on a question after at least this many words of the speaker's own (up to
#: the last full stop or exclamation mark before it) is an answer that closes on a question
#: asked of no one (:func:`closes_an_answer`). In the 170 labelled transcripts of
#: ``benchmarks/interviewer_guess.py`` an interviewer says at most 44 words before the question
#: a turn ends on (20 in 99 turns of 100), a participant up to 174.
GUESS_ANSWER_WORDS = 60
#: ... and a question tag (``..., isn't it?``, ``..., you know?``) after at least this many.
GUESS_TAG_AFTER_WORDS = 12
#: The question tags besides an auxiliary and a pronoun (``roqa_nlp/data/``).
QUESTION_TAGS = "question_tags.txt"
_AUXILIARY = r"(?:is|are|was|were|do|does|did|have|has|had|can|could|will|would|shall|should|must)"
_NEGATIVE_AUXILIARY = rf"(?:{_AUXILIARY}|ca|wo|sha|ai)n'?t"
_TAG_PRONOUN = r"(?:it|they|he|she|we|you|i|there|that)"
_STATEMENT_END = re.compile(r"[.!…][\"'”’)\]]*\s")


def _alternatives(name: str) -> str:
    """The phrases of the packaged list ``name`` as one regular-expression alternation, longest
    first, any run of blanks between their words."""
    phrases = sorted(packaged_words(name), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)


@cache
def _question_tag() -> re.Pattern[str]:
    """A question tag after a comma at the end of a question's words (``?`` left out)."""
    listed = _alternatives(QUESTION_TAGS)
    return re.compile(
        rf",\s*(?:(?:{_NEGATIVE_AUXILIARY}|{_AUXILIARY})\s+{_TAG_PRONOUN}|{listed})[\s\"”’)\]]*$",
        re.IGNORECASE,
    )


def closes_an_answer(words: str, at: int) -> bool:
    """Whether the question ending at ``words[at]`` (a ``?``) closes the speaker's own answer
    rather than asking the listener something: it comes after :data:`GUESS_ANSWER_WORDS` words
    or more of theirs (``... and we can't keep the bed. Where are they going to go?``), or it is
    a question tag (``isn't it``, ``you know``: an auxiliary and a pronoun, or one of
    ``data/question_tags.txt``) after :data:`GUESS_TAG_AFTER_WORDS` or more (``... and the
    agency covered the days. It's not sustainable, though, is it?``). The words counted are
    those up to the last full stop or exclamation mark before the question. An interviewer's
    ``Was it better than before, would you say?`` or ``So you started in 2019, right?`` asks."""
    head = words[:at]
    last = 0  # where the question's sentence starts
    for m in _STATEMENT_END.finditer(head):
        last = m.end()
    before = len(head[:last].split())
    if before >= GUESS_ANSWER_WORDS:
        return True
    if before < GUESS_TAG_AFTER_WORDS:
        return False
    return _question_tag().search(head[last:].replace("’", "'")) is not None


#: At most this many words after a question make a remark that still leaves the question to be
#: answered (``What helped? Take your time.``, ``You mentioned the high school.``); a speaker
#: answering their own question goes on longer (:func:`asks_or_remarks`).
GUESS_REMARK_WORDS = 12


def asks_or_remarks(words: str) -> bool:
    """Whether a turn's words end on a question (:func:`asks`) or on a question and at most
    :data:`GUESS_REMARK_WORDS` words after it."""
    at = words.rfind("?")
    return at >= 0 and (
        (len(words[at + 1 :].split()) <= GUESS_REMARK_WORDS and not closes_an_answer(words, at))
        or asks(words)
    )


#: How a question opens, and the words that only lead in to it, for a transcript with no
#: punctuation at all (``roqa_nlp/data/``; :func:`is_unpunctuated`, :func:`asks_unpunctuated`).
QUESTION_OPENERS = "question_openers.txt"
QUESTION_LEAD_INS = "question_lead_ins.txt"


#: A turn of at most this many words asks, in a transcript with no punctuation, when a
#: question's opening words are anywhere in it (:func:`asks_unpunctuated`). In the 170 labelled
#: transcripts of ``benchmarks/interviewer_guess.py``, stripped of punctuation, 9 in 10 of the
#: interviewer's turns have at most 19 words (half at most 11) and 9 in 10 of the participants'
#: at least 21.
GUESS_SHORT_TURN_WORDS = 20


@cache
def _unpunctuated_question() -> re.Pattern[str]:
    """A turn's opening: lead-in words, then a question's opening words (then a word break).

    Every listed phrase opens with a letter, so a run of non-word characters is taken whole
    (an atomic group written as a lookahead and its back reference, as Python 3.10 lacks
    ``*+``): giving one back leaves a non-word character where no phrase opens. Taken back one
    at a time, a megabyte of ``<`` or ``:`` cost a second a turn."""
    lead_in, opener = _alternatives(QUESTION_LEAD_INS), _alternatives(QUESTION_OPENERS)
    return re.compile(
        rf"^(?=(?P<lead>\W*))(?P=lead)(?:(?:{lead_in})(?=(?P<gap>\W+))(?P=gap))*(?:{opener})\b",
        re.IGNORECASE,
    )


@cache
def _question_opening() -> re.Pattern[str]:
    """A question's opening words anywhere, as whole words."""
    return re.compile(rf"\b(?:{_alternatives(QUESTION_OPENERS)})\b", re.IGNORECASE)


def is_unpunctuated(text: str) -> bool:
    """Whether ``text`` holds no sentence punctuation at all (no ``?``, ``.``, ``,`` or ``!``), as
    speech-to-text that writes none gives it; a typed transcript whose questions end on full
    stops is punctuated, and no turn of it is taken to ask."""
    return not any(c in text for c in "?.,!")


def asks_unpunctuated(words: str) -> bool:
    """Whether a turn of a transcript with no question marks asks, as far as its words tell:
    after words that only lead in (``ok great so``) it opens as a question does (``could you``,
    ``how``, ``is there``; ``data/question_openers.txt``): ``great so could you tell me a bit
    about your service``; or it is short (at most :data:`GUESS_SHORT_TURN_WORDS` words) and a
    question's opening words are anywhere in it, whatever comes before them: ``ok so first of
    all could you tell me ...``, ``thanks that is really helpful is there anything else``.
    Speech-to-text that writes no punctuation leaves nothing else. A participant's short turn
    may ask so too (``depends which floor you ask``); the guess needs the interviewer to ask
    in three times the share of turns of anyone else (:func:`guess_interviewer`)."""
    words = words.replace("’", "'")
    if opens_asking_unpunctuated(words):
        return True
    return (
        len(words.split()) <= GUESS_SHORT_TURN_WORDS
        and _question_opening().search(words) is not None
    )


def opens_asking_unpunctuated(words: str) -> bool:
    """Whether ``words``, a turn of a transcript with no question marks, open as a question does
    after words that only lead in (``ok so how many vacancies are there now``;
    ``data/question_openers.txt``), the first test of :func:`asks_unpunctuated`."""
    return _unpunctuated_question().search(words.replace("’", "'")) is not None


def _no_word_outside_brackets(words: str, start: int) -> bool:
    """Whether ``words[start:]`` holds no letter or digit outside ``[...]``/``(...)`` notes (one
    scan: a long run of ``[`` must not make it slow)."""
    closer = ""
    for c in itertools.islice(words, start, None):
        if closer:
            closer = "" if c == closer else closer
        elif c in "[(":
            closer = "]" if c == "[" else ")"
        elif c.isalnum():
            return False
    return True


def _counted(text: str, turns: Iterable[Turn]) -> list[Turn]:
    """``turns`` that :func:`guess_interviewer` counts: not those that only acknowledge
    ("Mm-hmm."), which a listener says between answers and which ask nothing."""
    return [t for t in turns if not only_acknowledges(text[t.start : t.end])]


#: Speaker of speech no label names: before the first named speaker, in a file that names
#: speakers later, or a diarised segment that fell in no speaker's turn.
UNKNOWN_SPEAKER = "Unknown speaker"


def is_unknown_speaker(label: str) -> bool:
    """Whether ``label`` is :data:`UNKNOWN_SPEAKER` in any case and spacing: roqa's own, or a
    transcription tool's label for a voice it could not name (Otter's ``Unknown Speaker``)."""
    return " ".join(label.split()).casefold() == UNKNOWN_SPEAKER.casefold()


#: Labels of a reply of several people at once (``Several voices``, ``Everyone``,
#: ``All participants``; ``roqa_nlp/data/``): no one member's turn where other participants
#: speak (:func:`is_collective_label`). Not ``All`` or ``Both``, which may open a line of talk.
COLLECTIVE_LABELS = "collective_labels.txt"
#: Words that label a collective reply (``All``, ``Several``, ``Group``) but may open a line of
#: talk too: one only before words that open a sentence (:mod:`.speaker_labels`).
COLLECTIVE_LABEL_WORDS = "collective_label_words.txt"

_BRACKETS_AFTER = re.compile(r"[ \t]*(?:\([^()]*\)|\[[^\[\]]*\])$")


def is_collective_label(label: str) -> bool:
    """Whether ``label`` names several speakers at once, as a transcriber labels a focus
    group's collective reply (``Several voices``, ``Everyone``, ``All participants``,
    ``Multiple speakers (overlapping)``: :data:`COLLECTIVE_LABELS`), in any case and spacing,
    brackets after it aside."""
    name = _BRACKETS_AFTER.sub("", label.strip()) or label.strip().strip("[]()")
    name = " ".join(name.split()).casefold()
    return name in packaged_words(COLLECTIVE_LABELS) or name in packaged_words(
        COLLECTIVE_LABEL_WORDS
    )


#: ``metadata["collective_replies"]``: each collective reply left out of the turns, as
#: ``"Several voices: Yeah. Mm."`` (:func:`without_collective_replies`).
COLLECTIVE_REPLIES = "collective_replies"


def without_collective_replies(text: str, turns: list[Turn]) -> tuple[list[Turn], list[str]]:
    """``turns`` without those of a collective reply's label (:func:`is_collective_label`:
    ``Everyone: [laughter]``) where two or more other participants speak, and each reply so
    left out as ``label: words``: no single member said it, so it is no one's turn (not coded,
    quoted or counted as a member), its words left in the text between the turns. Where the
    label is the only participant's (``Interviewer:`` / ``Everyone:``), or holds more words
    than any member (a group typed mostly as one voice), its turns are the talk."""
    words: Counter[str] = Counter()
    for t in turns:
        if t.role == "participant":
            words[t.speaker] += len(text[t.start : t.end].split())
    members = [n for s, n in words.items() if not is_collective_label(s)]
    if len(members) < 2:
        return turns, []
    # a label holding more of the talk than any member is a group typed mostly as one voice
    # (s62 focus hunter, 1: its 4 answers were left out unsaid): a speaker, as before
    most = max(members)
    left_out = {s for s, n in words.items() if is_collective_label(s) and n <= most}
    if not left_out:
        return turns, []
    said = [
        f"{t.speaker}: {' '.join(text[t.start : t.end].split())}"
        for t in turns
        if t.speaker in left_out
    ]
    return [t for t in turns if t.speaker not in left_out], said


def collective_reply_spans(transcript: Transcript) -> list[tuple[int, int, str]]:
    """Where the words of each collective reply left out of the turns (:data:`COLLECTIVE_REPLIES`:
    ``Several voices: No, not really.``) lie in ``transcript``'s text, in order, with the words
    as recorded: ``(start, end, words)``. Each is looked for after the one before, outside the
    turns; one not found (a reader that keeps no such line in the text) is passed over."""
    said = transcript.metadata.get(COLLECTIVE_REPLIES) or []
    text, turns = transcript.text, transcript.turns
    starts = [t.start for t in turns]
    spans: list[tuple[int, int, str]] = []
    at = 0
    for reply in said:
        words = str(reply).partition(": ")[2]
        if not words:
            continue
        pattern = re.compile(r"\s+".join(map(re.escape, words.split())))
        for m in pattern.finditer(text, at):
            i = bisect.bisect_left(starts, m.end())  # the first turn from its end on
            if not (i and turns[i - 1].end > m.start()):  # the turn before ends before it
                spans.append((m.start(), m.end(), words))
                at = m.end()
                break
    return spans


def collective_replies_note(transcript: Transcript) -> str | None:
    """The ``read:`` note of ``roqa inspect`` naming the collective replies left out of the
    turns (:data:`COLLECTIVE_REPLIES`), with what to do if one is a member's, else None."""
    said = transcript.metadata.get(COLLECTIVE_REPLIES)
    if not said:
        return None
    n = len(said)
    shown = ", ".join(quoted(str(s)) for s in said[:3]) + (", ..." if n > 3 else "")
    return (
        f"{n} collective repl{'ies' if n != 1 else 'y'} of several speakers read as no one's "
        f"turn, not coded or quoted ({shown}): if one is a single member's, put their label on it"
    )


#: Roles a video call gives in a display name's note, which a participant may hold too
#: (``Host``; ``roqa_nlp/data/``): beside them no lead interviewer is guessed
#: (:func:`role_in_display_name`).
CALL_ROLES = "call_roles.txt"


def role_in_display_name(label: str) -> bool:
    """Whether ``label`` is a person's display name that is the interviewer's only for a
    research role noted after the name (``Tom Bates (Facilitator)``, ``Tom Bates |
    Facilitator``, ``Jane Smith (Interviewer, she/her)``), as ``(he/him)`` or ``| UoL`` is
    noted: not a role label itself (``Facilitator``, ``Interviewer (JM)``), nor only a video
    call's role, which a participant may hold (``Jane Smith (Host)``: ``data/call_roles.txt``).
    Zoom and Teams name people, so the others' roles are not written: such a co-interviewer
    leaves the lead interviewer to be guessed (:func:`guess_interviewer`)."""
    return bool(_noted_roles(label)[1])


def _noted_roles(label: str) -> tuple[list[str], list[str]]:
    """The interviewer roles noted after a person's display name in ``label``, as ``(call,
    research)``: a video call's (``data/call_roles.txt``: ``Jane Smith (Host)``, ``Sam Roe |
    Host``), which a participant who hosted holds too, and a research role's (``Tom Bates
    (Facilitator, he/him)``, ``Priya Nair | Researcher | UoL``). None of either in a role label
    (``Facilitator``, ``Interviewer (Jo Bell | Host)``), whose notes say who holds the role."""
    defaults = _default_interviewer_keys()
    if defaults.names_role(label) or defaults.names_role(label.partition("|")[0]):
        return [], []
    call = packaged_words(CALL_ROLES)
    notes = dict.fromkeys(n.strip() for n in _role_notes(label) if defaults.names_role(n))
    return (
        [n for n in notes if normalise_label(n) in call],
        [n for n in notes if normalise_label(n) not in call],
    )


def guess_interviewer(
    text: str,
    turns: Sequence[Turn],
    participants: Container[str] = (),
    *,
    given: Container[str] = (),
) -> str | None:
    """The speaker who asks the questions, in a conversation of two or more speakers none of whom
    is the interviewer (Zoom names people, not roles), else ``None``.

    Beside interviewers named only by a research role noted in their display names
    (:func:`role_in_display_name`: a co-interviewer's ``Tom Bates (Facilitator)``), the speaker
    the guess takes among the others is the lead interviewer when they end more turns on a
    question than each of those: the call names the co-interviewer's role, not the others'.
    Not beside a speaker in ``given`` (the researcher named them the interviewer,
    ``--interviewer``), whose naming says who interviews.

    A speaker qualifies when at least half of their turns (and at least three) end on a question
    (:func:`asks`), every other speaker ends on one in at most a third of that share of their
    turns (or, in a short interview where the speaker says at most a third of the words, less
    than half that share, or the others end at most a quarter of the turns that end on a
    question: :func:`_clearly_asks`), they end on a question or a question and a short remark
    (:func:`asks_or_remarks`) in a larger share of their turns than every other speaker, and
    they say fewer words than the speaker who says most: an interviewer asks and listens.
    Counting the turns that end on a question leaves out a participant's rhetorical questions
    inside an answer (``Honestly? Being small enough ...``); the count with a remark after the
    question must agree, so an interviewer who adds one (``What helped? Take your time.``) is
    never outdone by a participant who ends short answers by asking back. Turns that only
    acknowledge ("Mm-hmm.", "Yeah.";
    :func:`~roqa_nlp.transcripts.backchannels.only_acknowledges`) are not counted: an
    interviewer who says "Mm-hmm." between a participant's answers still asks in most of her
    turns. A speaker who only asks one short question that a speaker other than the one guessed
    answers (:func:`one_question_askers`: one of the interviewer's turns a transcription service
    gave a label of its own, ``Speaker 3``) is not taken for a second asker who makes the guess
    unclear: their question is counted as the one guessed's. Anything less clear-cut is left to
    the researcher (``--interviewer NAME``). A speaker in ``participants`` (the researcher named
    them a participant, ``--participant NAME``) is never the one guessed."""
    named = {turn.speaker for turn in turns if turn.role == "interviewer"}
    if named:
        return _lead_beside(text, turns, named, participants, given)
    guessed = _clear_asker(text, turns, participants)
    if guessed is not None:
        return guessed
    aside = set(one_question_askers(text, turns))
    if not aside:
        return None
    # each speaker's counts read once, then each speaker tried with the askers' counts added
    # to theirs against the highest counts of the rest (session 48: reading every turn again
    # for each speaker took 5 s for 500 speakers, 90 s for 2000)
    stats = _asker_stats(text, turns)
    added = [sum(stats[a][i] for a in aside if a in stats) for i in range(4)]
    rest = {speaker: counts for speaker, counts in stats.items() if speaker not in aside}
    top = _top_two(rest)
    total = _totals(rest)
    for speaker in dict.fromkeys(t.speaker for t in turns):
        if speaker in aside or speaker in participants or speaker == UNKNOWN_SPEAKER:
            continue
        # their questions under a label of its own counted as theirs (two questions of their
        # own and one under Speaker 3 are three); at most one speaker can be so guessed
        own = rest.get(speaker, [0, 0, 0, 0])
        theirs = [a + b for a, b in zip(own, added)]
        others = [t - o for t, o in zip(total, own)]
        highest = [_max_but(found, speaker) for found in top]
        if len(rest) + (speaker not in rest) < 2 or not _clearly_asks(theirs, highest, others):
            continue
        as_guessed = [replace(t, role="interviewer") if t.speaker == speaker else t for t in turns]
        # each answered by someone else than the one guessed: a question put to the interviewer
        # is a participant's, and leaves the guess unclear as before
        return speaker if set(one_question_askers(text, as_guessed)) == aside else None
    return None


def _lead_beside(
    text: str,
    turns: Sequence[Turn],
    named: set[str],
    participants: Container[str],
    given: Container[str],
) -> str | None:
    """:func:`guess_interviewer` beside the interviewers ``named``: the speaker guessed among the
    others, when every one named is so only for a research role in their display name, or by a
    second interviewer's role label (``Co-facilitator:`` beside ``Sam Roe:``,
    :func:`is_second_interviewer_label`), and asks in fewer turns than that speaker, else None."""
    if not all(
        (role_in_display_name(s) or is_second_interviewer_label(s)) and s not in given
        for s in named
    ):
        return None
    others = [t for t in turns if t.speaker not in named]
    lead = guess_interviewer(text, others, participants)
    if lead is None:
        return None
    stats = _asker_stats(text, turns)
    asked = stats.get(lead, [0, 0, 0, 0])[1]
    return lead if all(stats.get(s, [0, 0, 0, 0])[1] < asked for s in named) else None


def _top_two(stats: dict[str, list[int]]) -> list[list[tuple[float, str]]]:
    """For each of :func:`_clearly_asks`'s measures of the others (the share of turns that ask,
    that ask or ask and remark, and the words said), the two highest of ``stats``' speakers
    (value and speaker, highest first), so that the highest of all but one is found at once."""
    measures = [
        [(asked / n, s) for s, (n, asked, _, _) in stats.items()],
        [(held / n, s) for s, (n, _, held, _) in stats.items()],
        [(float(words), s) for s, (_, _, _, words) in stats.items()],
    ]
    return [heapq.nlargest(2, m) for m in measures]


def _totals(stats: dict[str, list[int]]) -> list[int]:
    """The sums of ``stats``' counts over its speakers (:func:`_asker_stats`)."""
    return [sum(counts[i] for counts in stats.values()) for i in range(4)]


def _max_but(top: list[tuple[float, str]], speaker: str) -> float:
    """The highest value of ``top`` (:func:`_top_two`) but ``speaker``'s; 0 when none."""
    return next((value for value, s in top if s != speaker), 0.0)


def _clearly_asks(counts: list[int], highest: list[float], others: list[int]) -> bool:
    """Whether a speaker of ``counts`` ([turns, turns ending on a question, ... or a question
    and a remark, words]) is the clear asker of :func:`guess_interviewer`, when ``highest`` is
    the others' highest share of turns that ask, of those that ask or remark, and the most
    words one of them says (:func:`_top_two`), and ``others`` their counts together.

    The others must ask in at most a third of the speaker's share of turns
    (:data:`GUESS_MAX_OTHER_RATIO`), or, in sum, end at most a quarter of the turns that end on
    a question (:data:`GUESS_MIN_QUESTIONS_HELD`) while the speaker says at most a third of
    the words (:data:`GUESS_MAX_WORD_SHARE`): in a short interview one question of the
    participant's (``Where was I?``, 1 of their 4 turns) is a share of turns near the
    interviewer's 3 of 5, but the interviewer still asks 3 questions of 4 and says little."""
    n, asked, held, n_words = counts
    share, or_remarks, words = highest
    if n < GUESS_MIN_TURNS or asked / n < GUESS_MIN_QUESTION_SHARE:
        return False
    if not (or_remarks < held / n and n_words < words):
        return False
    return share <= asked / n * GUESS_MAX_OTHER_RATIO or (
        asked >= GUESS_MIN_TURNS
        and n_words <= GUESS_MAX_WORD_SHARE * (n_words + others[3])
        and (
            share < asked / n * GUESS_QUIET_MAX_OTHER_RATIO
            or asked >= GUESS_MIN_QUESTIONS_HELD * (asked + others[1])
        )
    )


def _clear_asker(text: str, turns: Sequence[Turn], participants: Container[str]) -> str | None:
    """:func:`guess_interviewer` counting every speaker of ``turns``."""
    stats = _asker_stats(text, turns)
    if len(stats) < 2:
        return None
    candidates = [speaker for speaker in stats if speaker not in participants]
    if not candidates:
        return None
    best = max(candidates, key=lambda speaker: stats[speaker][1] / stats[speaker][0])
    others = [t - b for t, b in zip(_totals(stats), stats[best])]
    highest = [_max_but(t, best) for t in _top_two(stats)]
    return best if _clearly_asks(stats[best], highest, others) else None


def _asker_stats(text: str, turns: Sequence[Turn]) -> dict[str, list[int]]:
    """Each speaker of ``turns`` (not the unknown one) with their [turns, turns ending on a
    question, ... or a question and a remark, words] that :func:`guess_interviewer` counts."""
    # speech-to-text that writes no punctuation: a turn asks when it opens as a question does
    # or, short, holds its opening words anywhere (asks_unpunctuated), for both counts
    unpunctuated = is_unpunctuated(text)
    stats: dict[str, list[int]] = {}
    for turn in _counted(text, turns):
        if turn.speaker == UNKNOWN_SPEAKER:
            continue  # no one in particular: neither the interviewer nor the one answering
        said = text[turn.start : turn.end]
        s = stats.setdefault(turn.speaker, [0, 0, 0, 0])
        s[0] += 1
        if unpunctuated:  # read once: a megabyte-long turn took a second a reading (s71)
            asked = asks_unpunctuated(said)
            s[1] += asked
            s[2] += asked
        else:
            s[1] += asks(said)
            s[2] += asks_or_remarks(said)
        s[3] += len(said.split())
    return stats


#: A speaker read as a participant who only asks one question of at most this many words
#: (:func:`one_question_askers`) may be the interviewer under a label of its own: in the 170
#: labelled transcripts of ``benchmarks/interviewer_guess.py``, 19 in 20 of the interviewer's
#: turns that ask have at most 22 words, 99 in 100 at most 31.
STRAY_MAX_WORDS = 30


def one_question_askers(text: str, turns: Sequence[Turn]) -> list[str]:
    """The speakers of ``turns`` (a transcript's, with its ``text``) read as participants who,
    but for turns that only acknowledge (:func:`_counted`), speak once, to ask a question
    (:func:`asks`; :func:`asks_unpunctuated` in a transcript with no punctuation) of at most
    :data:`STRAY_MAX_WORDS` words that another speaker read as a participant answers in the
    next turn, as the interviewer does: fewer questions than :func:`participants_who_ask`
    names as a second interviewer's (:data:`SECOND_ASKER_MIN_QUESTIONS`), in order of their
    turn. Otter and Word Transcribe give one of the interviewer's turns a speaker of its own
    (``Speaker 3``) this way. Not the unknown speaker."""
    counted = _counted(text, turns)
    ask = asks_unpunctuated if is_unpunctuated(text) else asks
    spoken = Counter(t.speaker for t in counted)
    found: list[str] = []
    for turn, after in zip(counted, counted[1:]):
        said = text[turn.start : turn.end]
        if (
            spoken[turn.speaker] < SECOND_ASKER_MIN_QUESTIONS
            and turn.role == after.role == "participant"
            and UNKNOWN_SPEAKER not in (turn.speaker, after.speaker)
            and after.speaker != turn.speaker
            and len(said.split()) <= STRAY_MAX_WORDS
            and ask(said)
        ):
            found.append(turn.speaker)
    return found


#: The metadata key of the speakers of a transcript read as its interviewer for one question
#: under a label of its own (:func:`stray_askers`).
STRAY_ASKERS = "stray_askers"

#: The metadata key of the speaker labels of a pseudonymised transcript that the pseudonym key
#: wrote in place of the transcript's own (``P04`` for ``Tom Bates``): an option naming a
#: speaker (``--interviewer``) matches the label as the transcript writes it, never these.
KEYED_LABELS = "speakers_keyed"


def stray_askers(text: str, turns: Sequence[Turn], participants: Container[str] = ()) -> list[str]:
    """The speakers of ``turns`` (a transcript's, with its ``text``) to be read as its
    interviewer, beside the speaker who is: each only asks one short question that a
    participant answers (:func:`one_question_askers`), as a transcription service splits one of
    the interviewer's turns off under a label of its own (``Speaker 3``; a colleague's one
    follow-up question is the interviewer's too). Not a speaker whose label says they are a
    participant (``P05b``, ``Respondent 2``, ``Sarah (P05)``), nor one in ``participants`` (the
    researcher named them, ``--participant``). None when no speaker is the interviewer."""
    if not any(t.role == "interviewer" for t in turns):
        return []
    return [
        speaker
        for speaker in one_question_askers(text, turns)
        if speaker not in participants and not _labels_an_interviewee(speaker)
    ]


def _labels_an_interviewee(label: str) -> bool:
    """Whether ``label`` says its speaker is one interviewed: a participant id (``P05b``, ``P34
    (RM)``; :func:`case_label`), one in brackets after a name (``Sarah (P05)``) or an
    interviewee's role (``Respondent 2``)."""
    return (
        participant_label_number(case_label(label)) is not None
        or names_a_participant(label)
        or is_interviewee_role_label(label)
    )


def with_stray_askers(
    text: str, turns: Sequence[Turn], participants: Container[str] = ()
) -> tuple[list[Turn], list[str]]:
    """``turns`` with their :func:`stray_askers` made the interviewer, and those speakers (to be
    recorded as ``metadata["stray_askers"]``, which :func:`interviewer_warning` names)."""
    strays = stray_askers(text, turns, participants)
    return [replace(t, role="interviewer") if t.speaker in strays else t for t in turns], strays


#: A label a transcription service numbers or letters anew in each file: ``Speaker A``,
#: ``spk_0`` (AWS Transcribe), ``Person 1``, ``Voice 2``, ``S1``, a single letter.
_PER_FILE_LABEL = re.compile(
    r"(?:speaker|spk|person|voice|guest|unknown|s)?[\s_#-]*(?:[a-z]|\d{1,4})", re.IGNORECASE
)


def is_role_label(label: str) -> bool:
    """A speaker label that names a role or a number, not a person (``Interviewer``, ``P04``,
    ``P05a``, ``Speaker 2``, ``Participant``, ``Respondent``: :func:`is_interviewee_role_label`);
    ``Jane Smith (Interviewer)`` names a person."""
    return (
        _default_interviewer_keys().names_role(label)
        or participant_label_number(label) is not None
        or is_speaker_number_label(label)
        or is_interviewee_role_label(label)
    )


@cache
def _interviewee_role_labels() -> frozenset[str]:
    return frozenset(packaged_lines("interviewee_labels.txt"))


def is_interviewee_role_label(label: str) -> bool:
    """Whether ``label`` names the one interviewed by a role, not a person (``Participant``,
    ``Respondent``, ``Resp``, ``R``, ``Answer``, ``Service user``; no job title, with or without
    a number after it: ``data/interviewee_labels.txt``). Before session 47's re-test only
    ``Participant`` was, so a pseudonym key joined every ``Respondent`` of a study as one."""
    said = " ".join(label.split()).casefold()
    return said.rstrip("0123456789 #") in _interviewee_role_labels()


def _names_a_person(label: str) -> bool:
    """Whether a speaker label names someone across a study (``Hannah Whitfield``, ``HW``), not
    a role or a number or letter that each file gives anew (:func:`is_role_label`; ``Speaker
    A``, ``spk_0``, ``B``), nor a person with a role's note (``Jane Smith (Interviewer)``)."""
    return not (
        is_role_label(label)
        or label in _default_interviewer_keys()
        or _PER_FILE_LABEL.fullmatch(label.strip()) is not None
    )


def study_interviewers(transcripts: Iterable[Transcript]) -> frozenset[str]:
    """The people who interview in a study's transcripts: each speaker (casefolded) whose turns
    are the interviewer's in one of them and whose label names a person (:func:`_names_a_person`:
    a Zoom display name, initials; not ``Interviewer`` or ``Speaker 1``), but a speaker read as
    the interviewer for one question only (``metadata["stray_askers"]``: a focus group's member
    who asks another one thing interviews no one)."""
    return frozenset(
        u.speaker.casefold()
        for t in transcripts
        for u in t.turns
        if u.role == "interviewer"
        and _names_a_person(u.speaker)
        and u.speaker not in t.metadata.get(STRAY_ASKERS, ())
    )


def first_name_of_one(label: str, names: Iterable[str]) -> str | None:
    """The one of ``names`` (people's labels of two words or more) whose first word the
    one-word label ``label`` is (``Kate`` of ``Kate Brown``), in any case; None when it is
    none's, or two's (``Kate Brown`` and ``Kate Green``): a short label one person's full label
    begins with is hers alone."""
    word = " ".join(label.split()).casefold()
    if not word or " " in word or not _names_a_person(label):
        return None
    held = {n for n in names if len(n.split()) > 1 and n.split()[0].casefold() == word}
    return held.pop() if len(held) == 1 else None


def with_study_interviewers(transcript: Transcript, interviewers: Iterable[str]) -> Transcript:
    """``transcript`` with its speakers who interview elsewhere in the study
    (:func:`study_interviewers`; ``Kate`` too, the first name of one of them alone,
    :func:`first_name_of_one`: ``Kate Brown`` elsewhere, who was read as a participant before
    session 47) made its interviewer, when none of its speakers is one: a
    participant who asks questions back foils the guess (:func:`guess_interviewer`), and Zoom
    names people, not roles. ``metadata["interviewer_from_study"]`` names them. A speaker who only
    asks one question a participant answers is then read as the interviewer too
    (:func:`stray_askers`)."""
    names = set(interviewers)
    if not names or any(u.role == "interviewer" for u in transcript.turns):
        return transcript
    found = [
        s
        for s in dict.fromkeys(u.speaker for u in transcript.turns)
        if s.casefold() in names or first_name_of_one(s, names) is not None
    ]
    if not found or len(found) == len({u.speaker for u in transcript.turns}):
        return transcript  # nobody of the study's, or nobody else to code
    turns = [replace(u, role="interviewer") if u.speaker in found else u for u in transcript.turns]
    named = transcript.metadata.get(PARTICIPANTS_NAMED) or ()
    turns, strays = with_stray_askers(transcript.text, turns, named)
    speakers = [u.speaker for u in turns if u.role == "participant"]
    metadata = {**transcript.metadata, "interviewer_from_study": found}
    if strays:
        metadata[STRAY_ASKERS] = strays
    metadata.pop("interviewer_labels_unmatched", None)
    participant = transcript.participant
    if participant in found:  # a case named after the interviewer: name it again
        participant = participant_id(speakers, transcript.source or transcript.id)
    return replace(transcript, turns=turns, metadata=metadata, participant=participant)


#: The metadata key of the interviewer labels given that match no speaker of a transcript in
#: which no speaker is the interviewer (:func:`~roqa_nlp.transcripts.render.transcript_of`).
UNMATCHED_LABELS = "interviewer_labels_unmatched"
#: The metadata key of the interviewer labels given that match no speaker of a transcript in
#: which no speaker is the interviewer but match a speaker of another transcript of the study
#: (:func:`with_labels_matched_elsewhere`).
ELSEWHERE_LABELS = "interviewer_labels_elsewhere"
#: The metadata key of the interviewer labels given besides the defaults (``--interviewer``)
#: that match no speaker of a transcript in which a speaker is the interviewer (a role label,
#: ``Facilitator:``, or another label given), nor, once the study is read, of another of its
#: transcripts: a mistyped name, warned of as a participant label is (daily28, session 90).
INTERVIEWER_NAMED_NO_ONE = "interviewer_labels_naming_no_one"
#: The metadata key of the participant labels given (``--participant``) that match no speaker
#: of a transcript (nor, once the study is read, of another of its transcripts).
PARTICIPANT_UNMATCHED = "participant_labels_unmatched"
#: The metadata key of the speakers of a transcript the participant labels given
#: (``--participant``) name: never named to check as one who asks like an interviewer
#: (:func:`participants_who_ask`).
PARTICIPANTS_NAMED = "participants_named"
#: The metadata key of the speakers a transcript's header names as the interviewer
#: (``Interviewer: JS``) whom the researcher's interviewer labels, naming another speaker of
#: the transcript, leave participants (:meth:`.speaker_labels.Header.overruled`).
HEADER_OVERRULED = "header_interviewer_overruled"
#: The metadata key of a transcript every turn of which is the interviewer's, read with
#: interviewer labels the researcher gave besides the defaults (``--interviewer``): True. Its
#: warning then asks whether they name only the interviewer (:func:`interviewer_warning`).
INTERVIEWER_LABELS_GIVEN = "interviewer_labels_given"
#: The metadata key of a transcript of a roqa ``.qdpx`` export every turn of which is the
#: interviewer's: its speakers that the project's ``Interviewer (roqa_nlp)`` record of the source
#: names (:mod:`..exchange.interviewer_record`), the others being named by the labels given. Its
#: warning then says where they came from and how to overrule it (hunt s75 hunt2, LOW).
INTERVIEWERS_RECORDED = "interviewers_recorded"


def unmatched_labels(transcript: Transcript) -> list[str]:
    """The interviewer and participant labels given that ``transcript`` records as matching
    none of its speakers."""
    meta = transcript.metadata
    return [
        *meta.get(UNMATCHED_LABELS, ()),
        *meta.get(INTERVIEWER_NAMED_NO_ONE, ()),
        *meta.get(PARTICIPANT_UNMATCHED, ()),
    ]


def labels_matched(speakers: Iterable[str], labels: Iterable[str]) -> frozenset[str]:
    """Those of ``labels`` (interviewer labels) that name one of ``speakers``, matched as
    :class:`InterviewerLabels` match a speaker."""
    said = set(speakers)
    return frozenset(
        label for label in labels if any(s in InterviewerLabels.of([label]) for s in said)
    )


def with_labels_matched_elsewhere(transcript: Transcript, matched: Collection[str]) -> Transcript:
    """``transcript`` without the interviewer labels it records as matching none of its speakers
    (``metadata["interviewer_labels_unmatched"]``) that are in ``matched``, the labels that
    name a speaker of another transcript of the study (:func:`labels_matched`): a study's
    interviewers each interview some of its calls, so a name absent from one call is no
    mistyped name (:func:`speaker_warning` names only the labels left, or none); they are
    recorded as ``metadata["interviewer_labels_elsewhere"]``, for the warning to say that the
    labels given name no one here when no one here is the interviewer. The participant labels
    given (``--participant``) that name no speaker here but one of another transcript are
    dropped from ``metadata["participant_labels_unmatched"]``: a participant who hosted one call
    is named for that call; so are the interviewer labels recorded as naming no speaker of a
    transcript that has its interviewer (``metadata["interviewer_labels_naming_no_one"]``)."""
    transcript = _labels_matched_elsewhere(transcript, matched, PARTICIPANT_UNMATCHED)
    transcript = _labels_matched_elsewhere(transcript, matched, INTERVIEWER_NAMED_NO_ONE)
    unmatched = transcript.metadata.get(UNMATCHED_LABELS)
    if not unmatched or not any(label in matched for label in unmatched):
        return transcript
    metadata = dict(transcript.metadata)
    metadata[ELSEWHERE_LABELS] = [label for label in unmatched if label in matched]
    _drop_matched(metadata, UNMATCHED_LABELS, matched)
    return replace(transcript, metadata=metadata)


def _labels_matched_elsewhere(
    transcript: Transcript, matched: Collection[str], key: str
) -> Transcript:
    """``transcript`` without the labels of ``metadata[key]`` that are in ``matched``."""
    unmatched = transcript.metadata.get(key)
    if not unmatched or not any(label in matched for label in unmatched):
        return transcript
    metadata = dict(transcript.metadata)
    _drop_matched(metadata, key, matched)
    return replace(transcript, metadata=metadata)


def _drop_matched(metadata: dict[str, Any], key: str, matched: Collection[str]) -> None:
    """``metadata[key]``, labels given that name no speaker of the transcript, without those
    in ``matched`` (:func:`with_labels_matched_elsewhere`); the key dropped when none is left."""
    left = [label for label in metadata[key] if label not in matched]
    if left:
        metadata[key] = left
    else:
        del metadata[key]


#: A participant label a transcription template gives every interviewee alike, numbered the
#: same in each file (``Participant 1``, ``Respondent 1``, ``Interviewee 1``, ``R1``), unlike a
#: study's participant id (``P01``).
GENERIC_PARTICIPANT_LABEL = re.compile(
    rf"(?:{_TEMPLATE_PARTICIPANT_WORDS}){_LABEL_NUMBER}", re.IGNORECASE
)


@dataclass(frozen=True)
class LabelledCase:
    """A transcript whose case is the participant number its participants' labels name."""

    transcript: str  #: the transcript's id
    source: str  #: its file (or id), to take the case from its name
    label: str  #: the label, as the transcript spells it (``Participant 1``)
    case: str  #: the case it names (``P1``)
    #: whether a header line names the case too (``Participant ID: P1``): the researcher's
    #: own mark of the file's case, which ties files together whatever their labels
    in_header: bool = False
    #: whether the case is the participant number of the file's name, no label naming one
    #: (``P4_interview.txt`` of ``Sarah:`` turns): ``label`` is then that number
    from_file: bool = False
    #: whether the case is the study id the file's name gives (``CMH-007.txt``, ``RM04
    #: transcript.txt``: :func:`study_id_from_filename`), no label naming one
    study_id: bool = False

    @property
    def generic(self) -> bool:
        """Whether the label is a template's (:data:`GENERIC_PARTICIPANT_LABEL`)."""
        return GENERIC_PARTICIPANT_LABEL.fullmatch(case_label(self.label)) is not None

    @property
    def in_name(self) -> str | None:
        """The participant number in the file's name (``p03_x.txt`` -> ``P03``), if any."""
        return participant_from_filename(self.source)


def labelled_case(transcript: Transcript) -> LabelledCase | None:
    """How ``transcript``'s case came from its participants' speaker labels, when it did (its
    case is the one number they name), else None (a header, the file name, a focus group)."""
    found: dict[str, tuple[str, str]] = {}
    for turn in transcript.turns:
        if turn.role == "participant":
            number = participant_number_label(case_label(turn.speaker))
            if number is not None:
                found.setdefault(_number_key(number), (turn.speaker, number))
    if not found:
        return _study_id_case(transcript)
    if len(found) != 1:
        return None
    ((label, number),) = found.values()
    header = _header_names(transcript, number)
    case = transcript.participant or ""
    if case != number and not (header and _same_number(case, number)):
        return None
    # a header spelling the number otherwise (Participant: P01 above Participant 1:) names
    # the case, as the file gives it
    return LabelledCase(transcript.id, transcript.source or transcript.id, label, case, header)


def _study_id_case(transcript: Transcript) -> LabelledCase | None:
    """How ``transcript``'s case came from its one participant's study id label
    (:func:`own_study_id`: ``RM10``), when it did, else None."""
    own = own_study_id(
        dict.fromkeys(t.speaker for t in transcript.turns if t.role == "participant")
    )
    if own is None or own[1] != transcript.participant:
        return None
    return LabelledCase(transcript.id, transcript.source or transcript.id, own[0], own[1])


def numbered_case(transcript: Transcript) -> LabelledCase | None:
    """How ``transcript``'s case came from a participant number: its participants' labels
    (:func:`labelled_case`), else its file's name (``P4_interview.txt`` of ``Sarah:`` turns:
    ``P4``, ``from_file``). None when neither gives its case (a header, a file stem, a focus
    group); else the study id its file's name gives (``CMH-007.txt``: ``study_id``). What
    :class:`StudyCases` weighs, so that one number written two ways across a study
    (``P4_interview.txt``, ``P04_followup.txt``; ``CMH-007.txt``, ``cmh007.txt``) is one
    participant however it came."""
    found = labelled_case(transcript)
    if found is not None:
        return found
    source = transcript.source or transcript.id
    case = transcript.participant
    if not case:
        return None
    if case == participant_from_filename(source):
        return LabelledCase(transcript.id, source, case, case, from_file=True)
    if case == study_id_from_filename(source):
        return LabelledCase(transcript.id, source, case, case, from_file=True, study_id=True)
    return None


def _case_key(case: str) -> str:
    """The key :meth:`StudyCases.of` groups a case its labels or file name give by: a
    participant number's digits (``P04``, ``P4`` -> ``4``), a study id label's letters and
    digits (``RM10``, ``RM-010`` -> ``RM 10``), so that ``RM10`` and ``P10`` are two people."""
    if participant_number_label(case) is not None:
        return _number_key(case)
    return " ".join(_study_id_key(case))


def _study_id_key(case: str) -> tuple[str, str]:
    """A study id as one participant's however written: its letters in capitals and its number
    without leading zeros (``CMH-007``, ``cmh007`` and ``CMH 7`` -> ``("CMH", "7")``)."""
    return "".join(c for c in case if c.isalpha()).upper(), _number_key(case)


#: A study id's letters and its number, a blank, underscore or hyphen between them (``RM 04``).
_STUDY_ID_PARTS = re.compile(r"(?P<letters>[^\W\d_]+)[ _-]?(?P<number>\d+)")


def _compact_spelling(written: Iterable[str]) -> str | None:
    """The one spelling of a study id its files' names write two or more ways
    (:attr:`StudyCases.id_spellings`), as a researcher writes it: its letters in capitals, its
    number right after them, with the most leading zeros any of them gives (``RM04`` of
    ``RM 04``, ``rm-04`` and ``RM4``; ``HCP04`` of ``HCP 4`` and ``hcp-04``; ``RM004`` of
    ``RM004`` and ``RM04``; ``CMH007`` of ``CMH-007`` and ``cmh7``); None when one of them is
    not letters and a number alone (re-test reids4 finding 5: the commonest spelling, the
    first on a tie, made 'RM04' and 'rm-04' case RM-04, 'HCP04', 'HCP 4', 'hcp-04' HCP 4)."""
    found = [_STUDY_ID_PARTS.fullmatch(w) for w in written]
    parts = [m for m in found if m is not None]
    if not parts or len(parts) < len(found):
        return None
    return parts[0]["letters"].upper() + max((m["number"] for m in parts), key=len)


def _spelled_compactly(spellings: list[str]) -> str:
    """What the warning of an id written two ways says of the spelling chosen
    (:func:`_compact_spelling`), when it is that one."""
    if _compact_spelling(spellings) is None:
        return ""
    return " (its letters and number together, with the most leading zeros a file gives)"


def _same_number(case: str, number: str) -> bool:
    """Whether the case ``case`` is the participant number ``number`` however spelled (``P01``,
    ``P1``)."""
    named = participant_number_label(case)
    return named is not None and _number_key(named) == _number_key(number)


def _header_names(transcript: Transcript, number: str) -> bool:
    """Whether a line above the first turn gives the participant number ``number`` as a
    field's value (``Participant ID: P1`` above ``Participant 1: ...``): the header names the
    case, which the labels only repeat."""
    if not transcript.turns:
        return False
    first = min(t.start for t in transcript.turns)
    above = transcript.text[: transcript.text.rfind("\n", 0, first) + 1]
    for line in above.splitlines():
        _, colon, value = line.partition(":")
        named = participant_number_label(value.strip().rstrip(".")) if colon else None
        if named is not None and _number_key(named) == _number_key(number):
            return True
    return False


def _digits(case: str) -> int:
    """How many digits the participant number of ``case`` is written with (``P04``: 2)."""
    found = re.search(r"\d+$", case)
    return 0 if found is None else len(found.group())


def _named_for(found: LabelledCase, key: str) -> bool:
    """Whether ``found``'s file name carries the participant number ``key`` (``p01_part2.txt``
    for ``1``: ``P01`` is ``P1``)."""
    return found.in_name is not None and _number_key(found.in_name) == key


def _part_letter(source: str) -> str | None:
    """The one letter the file name ``source`` puts right after its participant number
    (``P04a.txt`` -> ``a``, ``p04-B.docx`` -> ``b``), as a part or a member is lettered; else
    None (``P04.txt``, ``P04_final.txt``)."""
    stem = Path(source).stem
    m = next(iter(_numbers_in_name(PARTICIPANT_IN_FILENAME, stem)), None)
    if m is None:
        return None
    letter = re.match(r"[-_ ]?([A-Za-z])(?![A-Za-z])", stem[m.end() :])
    return None if letter is None else letter.group(1).lower()


def _headed(found: LabelledCase) -> bool:
    """Whether ``found``'s file names its case twice over: a header line and its participant's
    study id label (``Participant ID: P03`` above ``P03:`` turns), so it is that participant's
    as surely as a file named ``p03_part1.txt`` is. A template's label under a header
    (``Participant 1``) may be a copied template's, and names no one in particular."""
    return found.in_header and not found.generic


def _other_id(taken: Iterable[str]) -> str:
    """The id a warning's fix shows as another participant's (``P02``): not one of the numbers
    of ``taken``, the labels it warns of (cli tester cli2, session 80: "the participant label
    'P02' speaks in 5 transcripts ... label their turns 'P02: ...'")."""
    numbers = {int(n) for label in taken for n in re.findall(r"\d+", label)}
    n = 2
    while n in numbers:
        n += 1
    return f"P{n:02d}"


@dataclass(frozen=True)
class StudyCases:
    """The cases a study's transcripts take from one another (:meth:`of`): ``from_file_name``
    maps a transcript id to the case its file name gives it, and ``shared`` lists each case
    one participant id label gives several transcripts, as ``(labels, case, transcripts)``;
    ``spelled`` maps a transcript id to its case as a header of another of the case's
    transcripts spells it (``P01`` for ``P1``), so that one case is one row of the framework
    matrix."""

    from_file_name: dict[str, str]
    shared: list[tuple[list[str], str, list[str]]]
    spelled: dict[str, str] = field(default_factory=dict)
    #: each participant number its transcripts write two or more ways (``P4``, ``P04``), as
    #: ``(spellings, case, transcripts)``: read as one participant, ``case``
    two_ways: list[tuple[list[str], str, list[str]]] = field(default_factory=list)
    #: each case two or more transcripts take from file names that letter one number
    #: (``P04a.txt``, ``P04b.txt``), as ``(case, [(transcript, letter), ...])``: parts of one
    #: interview, or a joint interview's two people (``P04a``, ``P04b``), so the join is said
    parts: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    #: each case two or more transcripts take whose file names give other words before its
    #: number (``SiteA_P04.txt``, ``SiteB_P04.txt``), as ``(case, [(transcript, words), ...])``:
    #: a site's or team's own numbering may give two people one number, so the join is said
    places: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    #: each case whose transcripts name different participants (``T1 RM04`` headed 'Maria
    #: Okafor', ``T2 RM04`` 'Dean Hughes': a service's id kept across waves), as ``(case,
    #: [(transcript, name), ...])``: a wave's mark joins them, so the join is said
    people: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    #: each study id its files' names write two or more ways (``CMH-007.txt``, ``cmh007.txt``;
    #: ``Interview RM 04.txt``, ``RM04.txt``), as ``(spellings, case, transcripts)``: read as
    #: one participant, ``case``, the spelling most of them give (the first in order on a tie)
    id_spellings: list[tuple[list[str], str, list[str]]] = field(default_factory=list)
    #: the transcripts of ``id_spellings`` whose id is their participant's label (``RM4:`` turns
    #: in ``notes.txt`` beside ``RM04.txt``), which renaming a file does not change
    id_labelled: frozenset[str] = frozenset()
    #: each group of transcripts that are cases under names a browser gave one file downloaded
    #: again (``Research interview``, ``Research interview (1)``:
    #: :func:`~roqa_nlp.transcripts.download_names.download_copies`), so that is said
    downloads: list[list[str]] = field(default_factory=list)

    @classmethod
    def of(
        cls,
        labelled: Iterable[LabelledCase | None],
        named: Iterable[tuple[str, str | None, tuple[str, ...]]] = (),
    ) -> StudyCases:
        """The study's cases, from each of its transcripts' :func:`labelled_case`.

        A template's label (:data:`GENERIC_PARTICIPANT_LABEL`: ``Participant 1``, ``R1``,
        ``Respondent 1``) naming the same number in two or more transcripts names no one: a
        template gives every interviewee the same label, so it ties no two files together.
        Each of those transcripts is the case its file name gives (:func:`case_from_file_name`),
        as with ``Speaker 2`` or an unlabelled file: its participant number (``p04_part1.txt``
        and ``p04_part2.txt`` are one case, ``P04``), else its stem (``interview_anna.txt``
        and ``interview_ben.txt`` are two). So is a template's label in one transcript beside
        a study id of its number in another whose file names carry different participant
        numbers. A transcript whose header names the case (``Participant ID: P1``) keeps it,
        the researcher's own mark of which files are one interview, and so does one whose file
        name carries the label's number (``p01_part2.txt``: ``P01`` is ``P1``), unless the
        file names carry different participant numbers (a template's header copied into
        ``p01_interview.txt``, ``p02_interview.txt``: each is its file name's case); files
        kept so whose names do not all carry the number are warned of, as below.
        A participant id label (``P01``) speaking in several transcripts whose file names do
        not all carry its number stays one case (a follow-up interview of one person is one
        case), and is listed in ``shared`` to be warned of, unless each of those files whose
        name does not carry the number has a header naming it too (:func:`_headed`: part 1 and
        part 2 of an interview, each under ``Participant ID: P03`` above ``P03:`` turns).
        The transcripts of one case are spelled as the first header among them spells it
        (``Participant: P01`` above ``Participant 1:`` in ``p01_part1.txt``, none in
        ``p01_part2.txt``: both ``P01``). A number written two ways across the study, by
        labels or file names (``P4_interview.txt`` and ``P04_followup.txt``, ``P4:`` in one
        transcript and ``P04:`` in another: :func:`numbered_case`), is one participant too,
        listed in ``two_ways`` to be warned of once. Files whose names letter one number and
        whose labels name none (``P04a.txt`` and ``P04b.txt`` of ``Participant:`` turns) are
        one case, ``P04``, listed in ``parts`` to be warned of: a letter after the number is
        how a joint interview's two people are written too. Files whose names give other words
        before the number (``SiteA_P04.txt``, ``SiteB_P04.txt``: :func:`_words_before_number`)
        are one case too, listed in ``places`` to be warned of, and so are files one of whose
        names gives such words and another none (``Leeds_P04.txt``, ``P04.txt``); a wave's mark
        there (``T1 P04``, ``T2 P04``) is no other place. ``named`` gives each
        transcript's id, case and the participants it names (:func:`participant_names`); a case
        whose transcripts name different people is listed in ``people`` to be warned of. A
        study id its files' names write two or more ways (``CMH-007.txt``, ``cmh007.txt``:
        :func:`_study_id_key`) is one participant too, spelled compactly
        (:func:`_compact_spelling`: ``CMH007``; else as most of them spell it, the first in
        order on a tie) and listed in ``id_spellings`` to be warned of (they were two cases,
        unsaid); so is a study id its participant's label writes otherwise (``RM4:`` turns in
        ``notes.txt`` beside ``RM04.txt``: two cases, unsaid, while ``P4:`` beside ``P04.txt``
        was one)."""
        groups: dict[str, list[LabelledCase]] = {}
        ids: dict[tuple[str, str], list[LabelledCase]] = {}
        for found in labelled:
            if found is not None and found.study_id:
                ids.setdefault(_study_id_key(found.case), []).append(found)
            elif found is not None:
                groups.setdefault(_case_key(found.case), []).append(found)
        id_labelled: set[str] = set()
        for key, group in list(groups.items()):
            # a label's study id its file's name, or another's, writes otherwise (RM4: beside
            # RM04.txt) is one participant, as two file names' are, and P4: beside P04.txt is
            id_key = _study_id_key(group[0].case)
            cases = {g.case for g in [*ids.get(id_key, ()), *group]}
            if participant_number_label(group[0].case) is None and id_key in ids and len(cases) > 1:
                ids[id_key] += groups.pop(key)
                id_labelled |= {g.transcript for g in group}
        # how many of the study's participants write their number with each count of digits:
        # a number written two ways is spelled as the study writes the others (P09 beside P08)
        widths = Counter(
            _digits(g.case)
            for group in groups.values()
            for g in group
            if participant_number_label(g.case) is not None
        )
        from_file_name: dict[str, str] = {}
        shared: list[tuple[list[str], str, list[str]]] = []
        spelled: dict[str, str] = {}
        two_ways: list[tuple[list[str], str, list[str]]] = []
        parts: list[tuple[str, list[tuple[str, str]]]] = []
        places: list[tuple[str, list[tuple[str, str]]]] = []
        for key, group in groups.items():
            if len(group) < 2:
                continue
            numbers = {_number_key(g.in_name) for g in group if g.in_name is not None}
            templates = [g for g in group if g.generic]
            if len(templates) > 1 or (templates and len(numbers) > 1):
                kept = []
                for g in templates:
                    if len(numbers) < 2 and (g.in_header or _named_for(g, key)):
                        kept.append(g)  # a header's case, or the file name's own number
                    else:
                        from_file_name[g.transcript] = case_from_file_name(g.source)
                group = [g for g in group if not g.generic or g in kept]
            if len(group) < 2:
                continue
            case = next(
                (g.case for g in group if g.in_header),
                max(
                    dict.fromkeys(g.case for g in group),
                    key=lambda c: widths[_digits(c)],  # the first of the most common, on a tie
                ),
            )
            spelled |= {g.transcript: case for g in group if g.case != case}
            lettered = [
                (g.transcript, letter)
                for g in group
                if g.from_file and (letter := _part_letter(g.source)) is not None
            ]
            if len({letter for _, letter in lettered}) > 1:
                parts.append((case, lettered))
            # a place's word before the number in two files, or in one beside a bare number
            # (Leeds_P04 beside P04: a site numbering its own), not a wave's mark or a file's
            before = [(g.transcript, _words_before_number(g.source)) for g in group]
            before = [(t, words) for (t, words), g in zip(before, group) if _named_for(g, key)]
            if len({words.casefold() for _, words in before}) > 1:
                places.append((case, before))
            spellings = list(dict.fromkeys(g.case for g in group))
            if len(spellings) > 1 and not any(g.in_header for g in group):
                two_ways.append((spellings, case, [g.transcript for g in group]))
            elif not all(_named_for(g, key) or _headed(g) for g in group):
                labels = list(dict.fromkeys(g.label for g in group))
                shared.append((labels, case, [g.transcript for g in group]))
        id_spellings: list[tuple[list[str], str, list[str]]] = []
        for group in ids.values():
            written = Counter(g.case for g in group)
            if len(written) > 1:
                # as a researcher writes it (RM04), else the commonest, the first in order on a
                # tie, whatever order files are read
                case = _compact_spelling(written) or min(written, key=lambda c: (-written[c], c))
                spelled |= {g.transcript: case for g in group if g.case != case}
                read = sorted(g.transcript for g in group)
                id_spellings.append((sorted(written), case, read))
        from .download_names import download_copies

        named = list(named)
        people = _different_people(named, from_file_name | spelled)
        taken = from_file_name | spelled
        return cls(
            from_file_name,
            shared,
            spelled,
            two_ways,
            parts,
            places,
            people,
            id_spellings,
            frozenset(id_labelled),
            download_copies((t, taken.get(t, case)) for t, case, _ in named),
        )

    def apply(self, transcript: Transcript) -> Transcript:
        """``transcript`` with the case its file name gives it, or its case as another of the
        case's transcripts spells it, when it takes that one."""
        case = self.from_file_name.get(transcript.id) or self.spelled.get(transcript.id)
        if case is None or case == transcript.participant:
            return transcript
        return replace(transcript, participant=case)

    def warnings(self) -> list[str]:
        """One line for each case several transcripts share (``shared``), naming the label,
        the transcripts and the fix, and one for each number written two ways (``two_ways``),
        saying they are read as one participant, and one for each case of lettered file names
        (``parts``), ... and for each group of names a browser gave downloads (``downloads``)."""
        from .download_names import download_names_warning

        said = [
            f"the participant label {first_few([repr(label) for label in labels])} speaks in "
            f"{len(transcripts)} transcripts ({first_few(transcripts)}), so they are one case, "
            f"{case}, as a follow-up interview of one person is: if they are different people, "
            "give each transcript's participant their own id (label their turns "
            f"'{(other := _other_id([*labels, case]))}: ...', or add a header line "
            f"'Participant ID: {other}' above the talk)"
            for labels, case, transcripts in self.shared
        ] + [
            f"participant {_number_key(case)} is numbered two ways, {' and '.join(spellings)}, "
            f"in {len(transcripts)} transcripts ({first_few(transcripts)}): they are read as one "
            f"participant, case {case}, counted once in the overview, the framework matrix, "
            "Table 2 and saturation; if they are different people, give each their own number "
            f"(in the file name, or label their turns '{_other_id([*spellings, case])}: ...')"
            for spellings, case, transcripts in self.two_ways
        ]
        return (
            said
            + [_parts_warning(case, lettered) for case, lettered in self.parts]
            + [_places_warning(case, before) for case, before in self.places]
            + [_people_warning(case, names) for case, names in self.people]
            + [
                f"{' and '.join(spellings)} are one participant's id written two ways, in "
                f"{len(transcripts)} transcripts ({first_few(transcripts)}): they are read as "
                f"one case, {case}{_spelled_compactly(spellings)}, counted once in the overview, "
                "the framework matrix, Table 2 "
                "and saturation; if they are different people, rename one file so that its "
                "name gives another id"
                + (
                    ", or label their turns with another id"
                    if self.id_labelled.intersection(transcripts)
                    else ""
                )
                for spellings, case, transcripts in self.id_spellings
            ]
            + [download_names_warning(ids) for ids in self.downloads]
        )


def participant_names(transcript: Transcript) -> tuple[str, str | None, tuple[str, ...]]:
    """``transcript``'s id, case and the people it names as its participant, as
    :meth:`StudyCases.of` weighs them: a header's (``Participant: Maria Okafor, registered
    manager``) and participants' speaker labels naming a person (``Sunita Patel:``; not
    ``Participant``, ``P04`` or ``Speaker 2``)."""
    header = transcript.metadata.get("header_people") or {}
    names = [n for n, role in header.items() if role == "participant"] + [
        u.speaker
        for u in transcript.turns
        if u.role == "participant"
        and _names_a_person(u.speaker)
        and participant_number_label(case_label(u.speaker)) is None
    ]
    return transcript.id, transcript.participant, tuple(dict.fromkeys(names))


def _one_person(a: str, b: str) -> bool:
    """Whether the names ``a`` and ``b`` may be one person's: one's words are among the
    other's (``Maria`` and ``Maria Okafor``, ``Dr Maria Okafor``), or one is the other's
    initials (``MO``)."""
    from .speaker_labels import is_initials_of  # speaker_labels reads this module

    wa, wb = set(person_name(a)[1].split()), set(person_name(b)[1].split())
    return wa <= wb or wb <= wa or is_initials_of(a, b) or is_initials_of(b, a)


def _different_people(
    named: Iterable[tuple[str, str | None, tuple[str, ...]]], moved: dict[str, str]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each case (as ``moved`` gives a transcript's case, else its own) whose transcripts
    name different participants, each naming one (a group's transcript names several), with
    each transcript's first name: what :attr:`StudyCases.people` lists."""
    cases: dict[str, list[tuple[str, str]]] = {}
    for transcript, case, names in named:
        case = moved.get(transcript, case)
        if case and names and all(_one_person(names[0], n) for n in names[1:]):
            cases.setdefault(case, []).append((transcript, names[0]))
    return [
        (case, found)
        for case, found in cases.items()
        if any(not _one_person(a, b) for (_, a), (_, b) in itertools.combinations(found, 2))
    ]  # any two, not each with the first ('Maria' is one with 'Maria Okafor', 'Maria Jones')


def _people_warning(case: str, names: list[tuple[str, str]]) -> str:
    """The line of :meth:`StudyCases.warnings` for the case ``case`` whose transcripts name
    different participants (``names``: each transcript with the one it names)."""
    ids = " and ".join(t for t, _ in names)
    who = ", ".join(f"{n!r} in {t}" for t, n in names)
    return (
        f"{ids} are read as one case, {case}, though they name different participants ({who}): "
        "if they are different people, rename one file so that its name gives another id, "
        "or none"
    )


def _words_before_number(source: str) -> str:
    """The words the file name ``source`` gives before its participant number, as written
    (``SiteA`` of ``SiteA_P04.txt``), leaving out marks of a wave, time point or interview
    (``T1 P04``, ``Interview_P04``: :data:`_ID_FILE_MARKER`), words naming the file
    (``Zoom``, ``Transcript``: :func:`file_name_words`) and stop words, which join the others
    (``with`` of ``Interview with P04``, ``of`` of ``Copy of P04``, ``Re`` of ``Re-interview
    P04``: :func:`.open_coding.english_stop_words`) but for a site's letter (``Site A``);
    empty when none are left."""
    from ..open_coding import english_stop_words

    stem = Path(source).stem
    m = next(iter(_numbers_in_name(PARTICIPANT_IN_FILENAME, stem)), None)
    if m is None:
        return ""
    naming = file_name_words()
    joining = english_stop_words()
    unmarked = _MARK_OR_DATE_IN_NAME.sub(" ", stem[: m.start()])  # before splitting '2024-03-01'
    words = [
        w
        for w in _WORD_PARTS.split(unmarked)
        if w and w.casefold() not in naming and (len(w) == 1 or w.casefold() not in joining)
    ]
    return " ".join(words)


#: Words of a file name that date it, so name no place (:func:`_words_before_number`): a year, a
#: month's name, and the GMT stamp Zoom names its recordings by (``GMT20240301-101500``).
_FILE_DATE = (
    r"(?i:GMT\d{8}[-_]?\d{6}|(?:19|20)\d{2}|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?"
    r"|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
#: A mark (:data:`_ID_FILE_MARKER`) or :data:`_FILE_DATE` standing whole between a file name's
#: separators, read in the unsplit name as :func:`study_id_from_filename` reads marks.
_MARK_OR_DATE_IN_NAME = re.compile(
    rf"(?<![^\s_.\-\u2010-\u2013])(?:{_ID_FILE_MARKER}|{_FILE_DATE})(?![^\s_.\-\u2010-\u2013])"
)


def _places_warning(case: str, before: list[tuple[str, str]]) -> str:
    """The line of :meth:`StudyCases.warnings` for the case ``case`` that the transcripts of
    ``before`` (each with the words its file name gives before the number, or none) are joined
    into."""
    ids = " and ".join(t for t, _ in before)
    words = " and ".join(repr(w) for w in dict.fromkeys(w for _, w in before if w))
    return (
        f"{ids} are read as one case, {case}, though their file names give other words before "
        f"the number ({words}): if they are different people (each site numbering its own), "
        "give each their own number (in the file name, or label their turns 'P02: ...')"
    )


def _parts_warning(case: str, lettered: list[tuple[str, str]]) -> str:
    """The line of :meth:`StudyCases.warnings` for the case ``case`` that the transcripts of
    ``lettered`` (each with the letter its file name puts after the number) are joined into."""
    ids = " and ".join(t for t, _ in lettered)
    fix = ", ".join(f"'{case}{letter}: ...' in {t}" for t, letter in lettered)
    return (
        f"{ids} are read as one case, {case}, the parts of one interview their file names "
        f"letter: if they are two people, label each one's turns with their own id ({fix})"
    )


def cases_coded_from_template_labels(transcripts: Iterable[Transcript]) -> list[str]:
    """One line for each case that transcripts of a coding result (``transcripts``, as
    ``transcripts.jsonl`` records them) were given by a template's label in several of them
    (``Participant 1`` in ``interview_anna``, ``interview_ben``: the case ``P1``), as roqa read
    them before :class:`StudyCases` took such a label for no one's: the case its file name
    gives each is not charted until they are coded again. Empty when there is none."""
    held = list(transcripts)
    found = {t.id: labelled_case(t) for t in held}
    now = StudyCases.of(found.values()).from_file_name
    coded_as: dict[str, list[LabelledCase]] = {}
    for t in held:
        f = found[t.id]
        if f is not None and t.id in now and now[t.id] != t.participant:
            coded_as.setdefault(f.case, []).append(f)
    lines = []
    for case, group in coded_as.items():
        names = first_few([g.transcript for g in group])
        labels = first_few([repr(label) for label in dict.fromkeys(g.label for g in group)])
        if len(group) == 1:
            coded, them, each = f"1 transcript ({names}) was coded as the case {case}", "it", "it"
        else:
            coded = f"{len(group)} transcripts ({names}) were coded as one case, {case},"
            them, each = "them", "each"
        lines.append(
            f"{coded} by a template's participant label ({labels}), which a template gives "
            f"every interviewee: roqa no longer reads it as a case, so code {them} again (roqa "
            f"code) for {each} to be the case its file name gives; this report charts {them} "
            "as coded"
        )
    return lines


#: How a researcher names the interviewer, per interface: the ``roqa`` command's option, or the
#: Python argument of :func:`~roqa_nlp.transcripts.read_transcript` and ``AutoCoder.code``.
_NAMING = {
    "cli": ("--interviewer NAME", "--interviewer"),
    "inspect": ("--interviewer NAME", "--interviewer"),  # `roqa inspect`, before any coding
    "pseudonymise": ("--interviewer NAME", "--interviewer"),  # `roqa pseudonymise`: no coding
    "qdpx": ("--interviewer NAME", "--interviewer"),  # `roqa import`, `roqa agree` of a .qdpx
    "python": ("interviewer_labels=['NAME']", "interviewer_labels"),
}
#: How a researcher names a participant, per interface (``--participant``).
_NAMING_PARTICIPANT = {
    "cli": "--participant NAME",
    "inspect": "--participant NAME",
    "pseudonymise": "--participant NAME",
    "qdpx": "--participant NAME",
    "python": "participant_labels=['NAME']",
}
#: What reading no speaker as the interviewer did to a QDA project's coded passages (``roqa
#: import``, ``roqa agree`` of a .qdpx), which roqa did not code: each is a participant's, a
#: question alone too (charted, not noted as the interviewer's), with no question as context.
_QDPX_ALL_PARTICIPANT = (
    "every coded passage was read as participant talk, questions alone too, and none got the "
    "interviewer's question before it"
)


def _everyone_coded(interface: str, who: str = "everyone's talk") -> str:
    """What became of ``who`` (everyone's talk) when no speaker is the interviewer, in
    ``interface``'s words: coded (``roqa code``), to be coded (before coding), or, of a QDA
    project's passages, :data:`_QDPX_ALL_PARTICIPANT`."""
    if interface == "qdpx":
        return _QDPX_ALL_PARTICIPANT
    return f"{who} {'was coded' if interface == 'cli' else 'is coded'}"


class SpeakerWarning(RoqaWarning):
    """A transcript whose interviewer was guessed, or whose interviewer's talk may be coded
    (:func:`speaker_warning`). ``transcript`` is the transcript it is about."""

    def __init__(self, message: str, transcript: Transcript | None = None):
        super().__init__(message)
        self.transcript = transcript


def warn_of_given_roles(transcript: Transcript, *, stacklevel: int = 2) -> None:
    """Issue a :class:`SpeakerWarning` when a :class:`~roqa_nlp.schema.Transcript` made in
    Python, whose roles were given, has no participant turn, so nothing of it is coded (as
    ``roqa code`` warns of such a file). ``stacklevel`` as for :func:`warnings.warn`."""
    import warnings

    if not transcript.turns or any(t.role == "participant" for t in transcript.turns):
        return
    speakers = first_few([repr(n) for n in dict.fromkeys(t.speaker for t in transcript.turns)])
    n = len(transcript.turns)
    every = "the one turn is" if n == 1 else f"all {n} turns are"
    message = (
        f"{transcript.source or transcript.id}: no participant talk found: {every} the "
        f"interviewer's ({speakers}), so there is nothing to code (give the participant's turns "
        "the role 'participant')"
    )
    warnings.warn(SpeakerWarning(message, transcript), stacklevel=stacklevel + 1)


def warn_of_speakers(transcript: Transcript, *, stacklevel: int = 2) -> None:
    """Issue :func:`speaker_warning` of ``transcript`` (phrased for Python) as a
    :class:`SpeakerWarning`, if there is one. ``stacklevel`` as for :func:`warnings.warn`."""
    import warnings

    message = speaker_warning(transcript, interface="python")
    if message:
        warnings.warn(SpeakerWarning(message, transcript), stacklevel=stacklevel + 1)


#: The named interviewer who asks in some turns is still taken for the participant when the
#: speaker who asks the questions asks in at least this many times as many turns ...
SWAPPED_MIN_QUESTION_RATIO = 3
#: ... and says at most this share of the named interviewer's words, in at least this many
#: turns (a participant's few questions before the interview begins, "Is it recorded?" "And my
#: name?", while the interviewer explains, are not enough).
SWAPPED_MAX_WORD_SHARE = 0.5
SWAPPED_MIN_QUESTIONS = 5


def interviewer_who_never_asks(
    transcript: Transcript,
) -> tuple[str, int, int, str, int, int] | None:
    """``(interviewer, turns, questions, asker, questions, turns)`` when the one speaker taken as
    the interviewer by a label of one file's (``--interviewer SPEAKER_00``, ``Speaker 1``; not a
    role, ``Interviewer``, nor a person's name) seems to be the participant: another speaker
    clearly asks the questions (:func:`guess_interviewer` with no roles given) while the named
    one asks in none of their turns (three or more; not even with a short remark after the
    question, :func:`asks_or_remarks`), or asks in some but the other asks in at least
    :data:`SWAPPED_MIN_QUESTION_RATIO` times as many turns (and in
    :data:`SWAPPED_MIN_QUESTIONS` at least) and says at most :data:`SWAPPED_MAX_WORD_SHARE` of
    the named one's words (a participant who asks back once,
    "Is that what you mean?", while the other asks all the questions): diarisation numbers
    speakers anew in each file, so SPEAKER_00 may be the participant here. Else None."""
    turns = transcript.turns
    strays = transcript.metadata.get(STRAY_ASKERS, ())  # the one named asks, not they
    interviewers = {t.speaker for t in turns if t.role == "interviewer" and t.speaker not in strays}
    if len(interviewers) != 1:
        return None
    (named,) = interviewers
    if _default_interviewer_keys().names_role(named) or _names_a_person(named):
        return None  # a role or a person: the same in every file, unlike SPEAKER_00
    theirs = _counted(transcript.text, (t for t in turns if t.speaker == named))
    said = [transcript.text[t.start : t.end] for t in theirs]
    if len(theirs) < GUESS_MIN_TURNS:
        return None
    asker = guess_interviewer(transcript.text, [replace(t, role="participant") for t in turns])
    if asker is None or asker == named:
        return None
    others = _counted(transcript.text, (t for t in turns if t.speaker == asker))
    q = sum(asks(transcript.text[t.start : t.end]) for t in others)
    # a question with a remark after it is asked too ("What helped? Take your time.")
    q_named = sum(asks_or_remarks(words) for words in said)
    if q_named:
        words_named = sum(len(words.split()) for words in said)
        words_asker = sum(len(transcript.text[t.start : t.end].split()) for t in others)
        if (
            q < max(SWAPPED_MIN_QUESTION_RATIO * q_named, SWAPPED_MIN_QUESTIONS)
            or words_asker > SWAPPED_MAX_WORD_SHARE * words_named
        ):
            return None
    return named, len(theirs), q_named, asker, q, len(others)


#: The metadata key of the speakers a video call marks as its host (``Joanne Pike (Host)``) read
#: as participants, as they answer while another speaker asks the questions
#: (:func:`hosts_who_answer`).
HOSTS_ANSWERING = "hosts_answering"


def host_by_call_role(label: str) -> bool:
    """Whether ``label`` is the interviewer's only for a video call's role noted after a name
    (``Joanne Pike (Host)``, ``Sam Roe | Host``: ``data/call_roles.txt``), which a
    participant who hosted the call holds too: not a role label's (``Interviewer (Host)``)."""
    call, research = _noted_roles(label)
    return bool(call) and not research


def hosts_who_answer(
    text: str,
    turns: Sequence[Turn],
    participants: Container[str] = (),
    *,
    given: Container[str] = (),
) -> tuple[list[str], str] | None:
    """``(hosts, asker)`` when the only interviewers of ``turns`` are so for a video call's role
    noted after their names (:func:`host_by_call_role`: ``Joanne Pike (Host)``; none the
    researcher named, ``given``) while the shares of questions and words clearly say another
    speaker interviews: :func:`guess_interviewer`, reading no one as the interviewer, takes
    that speaker, who ends :data:`SWAPPED_MIN_QUESTIONS` turns or more on a question (the
    participant hosted the call and answers). Else None: with fewer questions the host stays
    the interviewer, with :func:`interviewer_who_never_asks`'s warning to check who interviews."""
    hosts = list(dict.fromkeys(t.speaker for t in turns if t.role == "interviewer"))
    if not hosts or not all(host_by_call_role(h) and h not in given for h in hosts):
        return None
    everyone = [replace(t, role="participant") for t in turns]
    asker = guess_interviewer(text, everyone, participants)
    if asker is None or asker in hosts:
        return None
    if _asker_stats(text, turns)[asker][1] < SWAPPED_MIN_QUESTIONS:
        return None
    return hosts, asker


#: A speaker read as a participant asks like an interviewer (:func:`participants_who_ask`) when
#: at least this share of their turns (but a transcript's first and last, its greeting and
#: thanks) ask a question that another participant answers next ...
SECOND_ASKER_MIN_SHARE = 0.75
#: ... in at least this many turns.
SECOND_ASKER_MIN_QUESTIONS = 2


def participants_who_ask(transcript: Transcript) -> list[tuple[str, int, int]]:
    """``(speaker, questions, turns)`` for each speaker of ``transcript`` read as a participant
    who asks like an interviewer: in :data:`SECOND_ASKER_MIN_QUESTIONS` or more turns, and in
    at least :data:`SECOND_ASKER_MIN_SHARE` of their turns (not counting the transcript's first
    and last turn), they ask a question (:func:`asks`; :func:`asks_unpunctuated` in a
    transcript with no punctuation) that another participant answers in the next turn: a
    second interviewer the researcher did not name (a colleague following up, a focus group's
    note-taker who asks too). A participant who asks the interviewer back ("Will my name be
    on it?") is answered by the interviewer, and is not one; nor is a speaker the researcher
    named a participant (``--participant``: ``metadata["participants_named"]``). Turns that
    only acknowledge are not counted (:func:`_counted`). ``questions`` counts those turns,
    ``turns`` theirs."""
    text = transcript.text
    counted = _counted(text, transcript.turns)
    ask = asks_unpunctuated if is_unpunctuated(text) else asks
    named = set(transcript.metadata.get(PARTICIPANTS_NAMED) or ())
    stats: dict[str, list[int]] = {}
    for i, turn in enumerate(counted):
        if turn.role != "participant" or turn.speaker in (UNKNOWN_SPEAKER, *named):
            continue  # nor a speaker the researcher named a participant: they know
        s = stats.setdefault(turn.speaker, [0, 0])
        if 0 < i < len(counted) - 1:  # the first and last turn greet and thank
            s[0] += 1
        after = counted[i + 1] if i + 1 < len(counted) else None
        s[1] += bool(
            after is not None
            and after.role == "participant"
            and after.speaker not in (turn.speaker, UNKNOWN_SPEAKER)
            and ask(text[turn.start : turn.end])
        )
    return [
        (speaker, q, sum(1 for t in counted if t.speaker == speaker))
        for speaker, (n, q) in stats.items()
        if q >= SECOND_ASKER_MIN_QUESTIONS and q >= SECOND_ASKER_MIN_SHARE * n
    ]


def option_value(name: str) -> str:
    """``name`` as a command line's option value: quoted when it holds a blank or a quote."""
    return name if re.fullmatch(r"[\w.@-]+", name) else f'"{name}"'


def _naming_each(interface: str, names: Sequence[str]) -> str:
    """How to name each of ``names`` an interviewer, in ``interface``'s words."""
    if interface == "python":
        return f"interviewer_labels={list(names)!r}"
    return " ".join(f"--interviewer {option_value(n)}" for n in names)


def _second_interviewer_warning(transcript: Transcript, interface: str) -> str | None:
    """That speakers of ``transcript`` read as participants ask like interviewers
    (:func:`participants_who_ask`) beside its interviewer, naming its file, them and the fix,
    else None."""
    said = _second_interviewers_said(transcript, interface)
    return None if said is None else f"{transcript.source or transcript.id}: {said}"


def _second_interviewers_said(transcript: Transcript, interface: str) -> str | None:
    """:func:`_second_interviewer_warning` as a clause, without the file: said after the line
    of an interviewer guessed or taken from the study's other transcripts too, however the
    interviewer was found (session 59: a co-facilitator's questions beside a lead taken from
    the study were coded with no warning, where naming the lead warned)."""
    if not any(t.role == "interviewer" for t in transcript.turns):
        return None
    askers = participants_who_ask(transcript)
    if not askers:
        return None
    coded = {"cli": "were coded", "qdpx": "are read"}.get(interface, "are coded")
    shown = "; ".join(
        f"{speaker!r}, read as a participant, asks a question that another participant answers "
        f"in {q} of their {n} turns"
        for speaker, q, n in askers
    )
    one = len(askers) == 1
    return (
        f"{shown}, as an interviewer does, so {'their' if one else 'these'} questions "
        f"{coded} as participant talk (if they interview too, add "
        f"{_naming_as_written(transcript, interface, [s for s, _, _ in askers])})"
    )


def _naming_as_written(transcript: Transcript, interface: str, names: Sequence[str]) -> str:
    """:func:`_naming_each` of ``names``, speakers of ``transcript``; of those the pseudonym
    key wrote in a pseudonymised transcript (:data:`KEYED_LABELS`: ``P04``), which no option
    matches, their labels as the transcript writes them, which the key names, unsaid here as
    they name people (session 59: ``--interviewer P04`` was suggested and did nothing)."""
    keyed_labels = set(transcript.metadata.get(KEYED_LABELS) or ())
    own = [n for n in names if n not in keyed_labels]
    keyed = [n for n in names if n in keyed_labels]
    if not keyed:
        return _naming_each(interface, own)
    label = "their label" if len(keyed) == 1 else "each one's label"
    names_in_key = and_list([repr(n) for n in keyed])
    as_written = (
        f"{label} as the transcript writes it, the name keyed as {names_in_key} in the "
        "pseudonym key"
    )
    fix = (
        f"to interviewer_labels {as_written}"
        if interface == "python"
        else f"{_NAMING[interface][1]} with {as_written}"
    )
    return f"{_naming_each(interface, own)}, and {fix}" if own else fix


#: Formats speech-to-text writes with its speakers only when it diarises.
_SPEECH_TO_TEXT_FORMATS = ("whisper-json", "tsv", "srt", "vtt", "sbv")
#: The subtitle formats among them: Zoom, Teams and Otter export these with speaker names.
_CUES = ("srt", "vtt")


def _interviewers_by_note(transcript: Transcript) -> list[tuple[str, str]]:
    """The interviewer speakers of ``transcript`` taken as one only for a role's note in
    brackets after a name (``Jane Smith (Host)``: the default interviewer labels), each with
    that note (``Host``)."""
    defaults = _default_interviewer_keys()
    found = []
    for label in dict.fromkeys(t.speaker for t in transcript.turns if t.role == "interviewer"):
        if label in defaults and not defaults.names_role(label):
            notes = [n for n in _role_notes(label) if defaults.names_role(n)]
            found += [(label, notes[0].strip())] if notes else []
    return found


def _participant_named(interface: str, name: str) -> str:
    """How to name ``name`` a participant, in ``interface``'s words."""
    return f"participant_labels=[{name!r}]" if interface == "python" else f'--participant "{name}"'


def _how_many(n: int) -> str:
    return "none" if n == 0 else f"only {n}"


#: The metadata key of a Word or OpenDocument file without speaker labels whose paragraphs in
#: bold ask questions between plain ones (:func:`.blocks.bold_questions`): how many ask (their
#: words are in the text, pseudonymised with it).
BOLD_QUESTIONS = "bold_questions"


def _how_to_label(transcript: Transcript, interface: str) -> str:
    """What gives an unlabelled transcript its speakers: a speech-to-text file diarised, or the
    turns labelled (in a Word file whose questions are set in bold, :data:`BOLD_QUESTIONS`, those
    paragraphs, which bold alone does not label); or, in a typed transcript whose speakers' names each stand on a line above
    their words though too seldom to be read as labels (:mod:`.speaker_labels`), those names
    given (``--participant NAME``, and ``--interviewer NAME`` for an interviewer named so),
    which reads it in one step."""
    form = transcript.metadata.get("format")
    bold = transcript.metadata.get(BOLD_QUESTIONS)
    if isinstance(bold, int) and bold > 1:  # the interviewer's questions set in bold
        return (
            f"its {bold} paragraphs in bold ask questions, as an interviewer's set in bold do, "
            "but bold type names no speaker: label each 'Interviewer: ...' and each answer "
            "'P04: ...'"
        )
    if form in _SPEECH_TO_TEXT_FORMATS:
        # a subtitle file may come from a video call or a service that names the speakers
        export = "re-export it with speaker names (Zoom, Teams, Otter), " if form in _CUES else ""
        return (
            f"{export}transcribe it with speakers (diarisation: WhisperX, or whisper.cpp "
            "--diarize), or label the turns 'Interviewer: ...' and 'P04: ...'"
        )
    return (
        "label the turns 'Interviewer: ...' and 'P04: ...', or, if each speaker's name stands on "
        f"a line of its own above their words, name the participant with "
        f"{_NAMING_PARTICIPANT[interface]} (and the interviewer with {_NAMING[interface][0]} "
        "unless labelled 'Interviewer')"
    )


def speaker_warning(transcript: Transcript, *, interface: str = "cli") -> str | None:
    """What a researcher should check about who speaks in ``transcript`` in what role, in one
    line naming its file and the fix, or ``None``: who the interviewer is
    (:func:`interviewer_warning`), and a participant label given that matches no speaker
    (``metadata["participant_labels_unmatched"]``), and lines of a speaker's label with a time
    read as a participant's talk (:func:`_labels_read_as_talk`), all that apply. ``interface``
    as for :func:`interviewer_warning`."""
    said = _and_said(
        transcript,
        interviewer_warning(transcript, interface=interface),
        _interviewers_unmatched(transcript, interface),
    )
    said = _and_said(transcript, said, _participants_unmatched(transcript, interface))
    return _and_said(transcript, said, _labels_read_as_talk(transcript, interface))


def _and_said(transcript: Transcript, first: str | None, then: str | None) -> str | None:
    """``first`` (a line naming the file) and ``then`` (a clause) in one line, or either alone:
    ``then`` alone is said of the file."""
    if then is None:
        return first
    if first is None:
        return f"{transcript.source or transcript.id}: {then}"
    return f"{first}; and {then}"


def interviewer_warning(transcript: Transcript, *, interface: str = "cli") -> str | None:
    """What a researcher should check about who the interviewer is in ``transcript``, in one line
    naming its file and the fix, or ``None``: the interviewer was guessed
    (``metadata["interviewer_guessed"]``, :func:`guess_interviewer`), every turn is the
    interviewer's (no participant talk to code), no speaker is the interviewer
    (:func:`speakers_without_interviewer`; said of the labels given when none of them matched,
    ``metadata["interviewer_labels_unmatched"]``, or matched only speakers of other transcripts,
    ``metadata["interviewer_labels_elsewhere"]``), the labels given overrule the interviewer
    the transcript's header names (``metadata["header_interviewer_overruled"]``), or its reader
    found no speaker label at all
    (``metadata["speaker_labels"]`` is False). ``interface`` is ``"cli"`` (the fix names
    ``--interviewer``), ``"inspect"`` or ``"pseudonymise"`` (the same, before anything is
    coded: ``roqa inspect``, ``roqa pseudonymise``) or ``"python"`` (it
    names ``interviewer_labels=``). A speaker read as the interviewer for one question only
    (``metadata["stray_askers"]``, :func:`stray_askers`) is named too, after what else there
    is."""
    return _and_said(
        transcript,
        _about_the_interviewer(transcript, interface),
        _strays_said(transcript, interface),
    )


def _strays_said(transcript: Transcript, interface: str) -> str | None:
    """That the speakers of ``transcript`` who only ask one question a participant answers
    (``metadata["stray_askers"]``) are read as the interviewer, who they are and the fix, else
    None."""
    strays = list(transcript.metadata.get(STRAY_ASKERS) or ())
    if not strays:
        return None
    leads = list(
        dict.fromkeys(
            t.speaker
            for t in transcript.turns
            if t.role == "interviewer" and t.speaker not in strays
        )
    )
    if len(strays) == 1:
        (stray,) = strays
        counted = _counted(transcript.text, transcript.turns)
        at = next(i for i, t in enumerate(counted) if t.speaker == stray)
        asked = counted[at]
        answerer = counted[at + 1].speaker if at + 1 < len(counted) else "a participant"
        question = " ".join(transcript.text[asked.start : asked.end].split())
        said = (
            f"{stray!r} only asks a question that {answerer!r} answers ({quoted(question)}), so "
            f"{stray!r} is read as the interviewer"
        )
        who, turn = f"if {stray!r} is a participant", "that turn"
    else:
        shown = and_list([repr(s) for s in strays])
        said = (
            f"{shown} each only ask a question that another speaker answers, so they are read as "
            "the interviewer"
        )
        who, turn = "if any is a participant", "those turns"
    label = (
        f"label {turn} {leads[0]!r}" if len(leads) == 1 else f"label {turn} as the interviewer's"
    )
    fix = f"{who}, name them with {_naming_participants(interface, strays)}"
    # a person's name (a video call's 'Tom Bates') is a colleague's follow-up question, which
    # no service gives a name of its own; a file's numbered speaker ('Speaker 3') may be either
    people = [s for s in strays if _names_a_person(s)]
    if len(people) == len(strays):
        follow = (
            "a second interviewer who follows up is"
            if len(strays) == 1
            else ("second interviewers who follow up are")
        )
        return f"{said} too, as {follow} ({fix})"
    service = (
        f"{said}, as a transcription service may give one of the interviewer's turns a speaker "
        "label of its own"
    )
    if people:
        return f"{service}, or a second interviewer follows up ({label} in the file; {fix})"
    return f"{service} ({label} in the file; {fix})"


def _naming_participants(interface: str, names: Sequence[str]) -> str:
    """How to name each of ``names`` a participant, in ``interface``'s words."""
    if interface == "python":
        return f"participant_labels={list(names)!r}"
    return " ".join(f"--participant {option_value(n)}" for n in names)


def guessed_interviewer_warning(
    transcript: Transcript,
    *,
    interface: str = "cli",
    none_named: str = "no speaker is named as the interviewer",
) -> str | None:
    """The line of :func:`interviewer_warning` of ``transcript`` whose interviewer was guessed
    (who interviews in the study's other transcripts, ``metadata["interviewer_from_study"]``,
    or who asks the questions, ``metadata["interviewer_guessed"]``), when ``none_named`` is all
    there is to say of the labels: None for a transcript whose interviewer was not guessed.
    ``interface`` as for :func:`interviewer_warning`."""
    name_it = _NAMING[interface][0]
    where = transcript.source or transcript.id
    from_study = transcript.metadata.get("interviewer_from_study")
    if from_study:
        shown = first_few([repr(n) for n in from_study])
        return (
            f"{where}: no speaker is named as the interviewer, so {shown}, who "
            f"interview{'s' if len(from_study) == 1 else ''} in the study's other transcripts, "
            f"{'was' if len(from_study) == 1 else 'were'} taken as the interviewer here (name "
            f"the interviewer with {name_it} to choose otherwise)"
        )
    guessed = transcript.metadata.get("interviewer_guessed")
    if not guessed:
        return None
    return (
        f"{where}: {none_named}, so {guessed!r}, who asks the "
        f"questions ({_asking_share(transcript, guessed)}), was taken as the interviewer (name "
        f"the interviewer with {name_it} to choose otherwise)"
    )


def _asking_share(transcript: Transcript, guessed: str) -> str:
    """How many of ``guessed``'s turns in ``transcript`` ask a question, counted as the guess
    counts them, and those that only acknowledge: ``9 of 10 turns, and 1 only acknowledges:
    'Okay.'``. A piece with no speaker's name read into their turn after a change of speaker
    is not counted as theirs, as the guess does not (:func:`~.unlabelled.named_talk`)."""
    from .unlabelled import named_talk

    turns = named_talk(transcript.text, transcript.turns, transcript.metadata)
    theirs = [t for t in turns if t.speaker == guessed]
    asked = _counted(transcript.text, theirs)
    ask = asks_unpunctuated if is_unpunctuated(transcript.text) else asks  # as guessed
    n_q = sum(ask(transcript.text[t.start : t.end]) for t in asked)
    # all their turns, as inspect's table counts them, those only acknowledging named
    acks = [transcript.text[t.start : t.end] for t in theirs if t not in asked]
    return f"{n_q} of {len(theirs)} turns" + (
        f", and {len(acks)} only acknowledge{'s' if len(acks) == 1 else ''}: "
        f"{first_few([repr(' '.join(w.split())) for w in dict.fromkeys(acks)])}"
        if acks
        else ""
    )


def _about_the_interviewer(transcript: Transcript, interface: str) -> str | None:
    """:func:`interviewer_warning` but for the speakers read as the interviewer for one
    question only."""
    line = _who_was_guessed(transcript, interface)
    if line is not None:  # a participant who asks as the interviewer does is checked here too
        return _and_said(transcript, line, _second_interviewers_said(transcript, interface))
    return _about_the_interviewer_named(transcript, interface)


def _who_was_guessed(transcript: Transcript, interface: str) -> str | None:
    """The line of :func:`_about_the_interviewer` of a transcript whose interviewer was
    guessed or taken from the study's other transcripts, else None."""
    where = transcript.source or transcript.id
    if transcript.metadata.get("interviewer_from_study"):
        return guessed_interviewer_warning(transcript, interface=interface)
    guessed = transcript.metadata.get("interviewer_guessed")
    if guessed:
        unmatched = transcript.metadata.get("interviewer_labels_unmatched")
        by_role = [
            s
            for s in dict.fromkeys(t.speaker for t in transcript.turns if t.role == "interviewer")
            if s != guessed and role_in_display_name(s)
        ]
        seconds = [
            s
            for s in dict.fromkeys(t.speaker for t in transcript.turns if t.role == "interviewer")
            if s != guessed and is_second_interviewer_label(s)
        ]
        none_named = (
            f"no speaker matched the interviewer label(s) "
            f"{first_few([repr(label) for label in unmatched])}"
            if unmatched
            else "no speaker is named as the interviewer"
        )
        if by_role:  # a co-interviewer's display name gives their role: "Tom Bates (Facilitator)"
            one = len(by_role) == 1
            none_named = (
                f"only {first_few([repr(s) for s in by_role])} {'is' if one else 'are'} named "
                f"as an interviewer, by the role in {'their display name' if one else 'theirs'}"
            )
        elif seconds:  # "Co-facilitator:" beside the lead named by person: "Sam Roe:"
            one = len(seconds) == 1
            none_named = (
                f"only {first_few([repr(s) for s in seconds])} {'is' if one else 'are'} named "
                f"as an interviewer, by a second interviewer's role"
            )
        hosts = transcript.metadata.get(HOSTS_ANSWERING)
        if hosts:  # the participant hosted the call: "Joanne Pike (Host)" answers
            host = hosts[0]
            name = " ".join(_without_bracketed_notes(host).split())
            return (
                f"{where}: {host!r} is marked as the call's host, a role the interviewer "
                f"usually holds, but {guessed!r} asks the questions "
                f"({_asking_share(transcript, guessed)}), so {guessed!r} "
                f"was taken as the interviewer and {first_few([repr(h) for h in hosts])} as the "
                f"participant (if {host!r} interviews, name them with "
                f"{_naming_each(interface, [name])} and the participant with "
                f"{_naming_participants(interface, [guessed])})"
            )
        return guessed_interviewer_warning(transcript, interface=interface, none_named=none_named)
    return None


def _numbered_interviewers(transcript: Transcript) -> list[str]:
    """The speakers of ``transcript`` the default labels read as the interviewer only by a short
    label with a number (``Q01``, ``IV2``: a study's participant ids may look so), when another
    speaker is named the interviewer without one (``Interviewer``), else none."""
    defaults = _default_interviewer_keys()
    speakers = list(dict.fromkeys(t.speaker for t in transcript.turns))
    numbered = [
        s for s in speakers if s in defaults and re.fullmatch(r"[A-Za-z]{1,3}[ _-]?\d+", s.strip())
    ]
    others = [s for s in speakers if s not in numbered and s in defaults]
    return numbered if others else []


def _from_the_record(transcript: Transcript, interface: str) -> str:
    """Whom the project's record of a source (:data:`INTERVIEWERS_RECORDED`) names the
    interviewer of ``transcript``, every turn of which is an interviewer's, whom the labels given
    add, and how to overrule the record, in ``interface``'s words."""
    option = _NAMING[interface][1]
    recorded = list(transcript.metadata[INTERVIEWERS_RECORDED])
    added = [
        s
        for s in dict.fromkeys(t.speaker for t in transcript.turns)
        if s not in recorded and s != UNKNOWN_SPEAKER
    ]
    one = len(recorded) == 1
    adds = (
        f"{option} adds"
        if transcript.metadata.get(INTERVIEWER_LABELS_GIVEN)
        else ("the interviewer labels add")
    )
    by_option = f", and {adds} {and_list([repr(s) for s in added])}" if added else ""
    return (
        f"{and_list([repr(s) for s in recorded])} {'is' if one else 'are'} named the "
        f"interviewer{'' if one else 's'} by the project's 'Interviewer (roqa_nlp)' record of "
        f"this source{by_option} (check that {option} names only the interviewer; if the record "
        f"names a participant, name them with {_NAMING_PARTICIPANT[interface]}, which overrules "
        "it)"
    )


def _about_the_interviewer_named(transcript: Transcript, interface: str) -> str | None:
    """The line of :func:`_about_the_interviewer` of a transcript whose interviewer was not
    guessed."""
    name_it, option = _NAMING[interface]
    # read from Python, a transcript is not coded yet; the command warns after coding; a QDA
    # project's passages were coded in the program, and read as participant talk (s71)
    everyone = _everyone_coded(interface)
    all_of_it = (
        _QDPX_ALL_PARTICIPANT
        if interface == "qdpx"
        else f"{_everyone_coded(interface, 'all of it')} as the participant's talk, questions "
        "included"
    )
    nothing = (
        "every coded passage is read as the interviewer's, which roqa report does not chart"
        if interface == "qdpx"
        else "there is nothing to code"
    )
    where = transcript.source or transcript.id
    if transcript.turns and all(t.role == "interviewer" for t in transcript.turns):
        interviewers = first_few(
            [repr(n) for n in dict.fromkeys(t.speaker for t in transcript.turns)]
        )
        n = len(transcript.turns)
        every = "the one turn is" if n == 1 else f"all {n} turns are"
        hosts = _interviewers_by_note(transcript)
        if hosts and len(hosts) < len(set(t.speaker for t in transcript.turns)):
            label, note = hosts[0]
            name = " ".join(_without_bracketed_notes(label).split())
            # the note as the label writes it: in brackets, or after a comma ('Jo Bell, Researcher')
            shown = f"({note})" if f"({note})" in label else f", {note}"
            why = " (a video call marks who hosted it)" if "host" in note.casefold() else ""
            return (
                f"{where}: no participant talk found: {every} the "
                f"interviewer's ({interviewers}), so {nothing}: {label!r} is "
                f"read as the interviewer for the '{shown}' in the label{why}; if they are the "
                f"participant, name them with {_participant_named(interface, name)}"
            )
        numbered = _numbered_interviewers(transcript)
        if numbered and not transcript.metadata.get(INTERVIEWER_LABELS_GIVEN):
            shown = and_list([repr(s) for s in numbered])
            bases = and_list(
                list(dict.fromkeys(_without_trailing_number(s.strip()).strip() for s in numbered))
            )
            one = len(numbered) == 1
            return (
                f"{where}: no participant talk found: {every} the "
                f"interviewer's ({interviewers}), so {nothing}: {shown} "
                f"{'is' if one else 'are'} read as the interviewer, as {bases} with a number is "
                f"an interviewer's label; if {shown} {'is' if one else 'are'} the participant, "
                f"name them with {_naming_participants(interface, numbered)}"
            )
        recorded = transcript.metadata.get(INTERVIEWERS_RECORDED)
        if recorded:
            return f"{where}: no participant talk found: {every} the interviewer's " + (
                f"({interviewers}), so {nothing}: {_from_the_record(transcript, interface)}"
            )
        return (
            f"{where}: no participant talk found: {every} the "
            f"interviewer's ({interviewers}), so {nothing} (check that the "
            f"participant's turns are labelled 'P04: ...' and that {option} names only the "
            "interviewer)"
        )
    overruled = transcript.metadata.get(HEADER_OVERRULED)
    if overruled:
        header = first_few([repr(n) for n in overruled])
        chosen = first_few(
            [
                repr(n)
                for n in dict.fromkeys(
                    t.speaker for t in transcript.turns if t.role == "interviewer"
                )
            ]
        )
        read = "is read as a participant" if len(overruled) == 1 else "are read as participants"
        return (
            f"{where}: the header names {header} as the interviewer, but the interviewer "
            f"label(s) given name {chosen}, so {header} {read} (add {header} to {option} if "
            "the header is right)"
        )
    swapped = interviewer_who_never_asks(transcript)
    defaults = _default_interviewer_keys()
    if swapped is not None and swapped[0] in defaults and not defaults.names_role(swapped[0]):
        named, n, q_named, asker, q, m = swapped  # a person with a role's note: "Jane Smith (Host)"
        return (
            f"{where}: {named!r}, taken as the interviewer for the role in brackets, asks in "
            f"{_how_many(q_named)} of their {n} turns while {asker!r} asks in {q} of {m}: check "
            "who interviews "
            "here (if the participant hosted the video call, name them with "
            f"{_NAMING_PARTICIPANT[interface]})"
        )
    if swapped is not None:
        named, n, q_named, asker, q, m = swapped
        return (
            f"{where}: {named!r}, taken as the interviewer, asks in {_how_many(q_named)} of "
            f"their {n} turns while {asker!r} asks in {q} of {m}: speech-to-text numbers "
            f"speakers anew in each file, so check who interviews here (name them with {name_it})"
        )
    second = _second_interviewer_warning(transcript, interface)
    if second is not None:
        return second
    names = speakers_without_interviewer(transcript.turns)
    unmatched = transcript.metadata.get("interviewer_labels_unmatched")
    if names and unmatched:
        given = first_few([repr(label) for label in unmatched])
        shown = first_few([repr(n) for n in names])
        return (
            f"{where}: no speaker matched the interviewer label(s) {given}: the speakers are "
            f"{shown}, so {everyone} (give {option} the interviewer's label "
            "as the transcript spells it)"
        )
    elsewhere = transcript.metadata.get(ELSEWHERE_LABELS)
    if names and elsewhere:
        given = first_few([repr(label) for label in elsewhere])
        shown = first_few([repr(n) for n in names])
        return (
            f"{where}: no interviewer among the speakers {shown}: the interviewer label(s) "
            f"given ({given}) name speakers of the study's other transcripts only, so "
            f"{everyone} (give {option} this transcript's interviewer's label as it spells it)"
        )
    if names:
        shown = first_few([repr(n) for n in names])
        askers = [speaker for speaker, _, _ in participants_who_ask(transcript)]
        both = (
            " and ".join([", ".join(repr(a) for a in askers[:-1]), repr(askers[-1])])
            if askers
            else ""
        )
        if len(askers) > 1 and set(names) <= set(askers):
            # everyone asks, so naming each leaves no one to code: one of them is the participant
            other = "the other answers" if len(askers) == 2 else "another speaker answers"
            return (
                f"{where}: no interviewer among the speakers {shown}, so {everyone}: "
                f"{both} each ask questions {other}, so which one is the interviewer "
                f"could not be told (name the interviewer: "
                f"{' or '.join(_naming_as_written(transcript, interface, [a]) for a in askers)})"
            )
        if len(askers) > 1:  # two interviewers foil the guess, which takes one
            return (
                f"{where}: no interviewer among the speakers {shown}, so {everyone}: "
                f"{both} each ask questions another speaker answers, as interviewers "
                f"do (name each interviewer: {_naming_as_written(transcript, interface, askers)})"
            )
        return (
            f"{where}: no interviewer among the speakers {shown}, so {everyone} "
            f"(name the interviewer with {name_it})"
        )
    if transcript.metadata.get("speaker_labels") is False:
        return (
            f"{where}: no speaker labels found, so {all_of_it} "
            f"({_how_to_label(transcript, interface)})"
        )
    return None


#: A participant's turn holding at least this many lines of only a name and a time, as a
#: speaker's label is written above the words (``+44 7700 900123  0:09``, ``00:00:09 Marie-
#: Claire van der Berg``), is said to hold labels read as talk (:func:`_labels_read_as_talk`).
MIN_LABEL_LINES_IN_TALK = 2


def _labels_read_as_talk(transcript: Transcript, interface: str) -> str | None:
    """That a participant's turn of ``transcript`` holds :data:`MIN_LABEL_LINES_IN_TALK` or more
    lines of only a display name and a time, in either order, each opening a paragraph, as Otter,
    Rev, Teams, Zoom or Word write a speaker's label above the words
    (:func:`.speaker_labels.timed_line_label`; a rota's ``07:30 Amy Lee - Band 6`` lines inside
    a paragraph are none), of no speaker of the file (the label of a backchannel read into the answer around it is one), which
    the reader took as talk: another speaker's turns, questions too, may be coded as the
    participant's. The lines and the fix, else None."""
    from .speaker_labels import reads_as_a_display_name, timed_line_label  # reads this module

    found: list[str] = []
    speakers = {turn.speaker for turn in transcript.turns}
    for turn in transcript.turns:
        if turn.role != "participant":
            continue
        lines = [line.strip() for line in transcript.text[turn.start : turn.end].splitlines()]
        timed = [
            line
            for i, line in enumerate(lines)
            if (i == 0 or not lines[i - 1])  # opening a paragraph, as a label does
            and (t := timed_line_label(line)) is not None
            and t[0] not in speakers  # a speaker's "Mm-hmm." read into the answer around it
            and reads_as_a_display_name(t[0])
        ]
        if len(timed) >= MIN_LABEL_LINES_IN_TALK:
            found.extend(timed)
    if not found:
        return None
    option = _NAMING_PARTICIPANT[interface].removesuffix(" NAME").removesuffix("=['NAME']")
    interviewer = _NAMING[interface][1]
    return (
        f"{len(found)} lines inside the participant's talk hold only a name and a time, as a "
        f"speaker's label does ({first_few([repr(x) for x in found], 3)}), and were read as "
        f"talk: if they are labels, give {option} or {interviewer} the name as the transcript "
        "spells it"
    )


def _interviewers_unmatched(transcript: Transcript, interface: str) -> str | None:
    """That no speaker of ``transcript``, whose interviewer is found, matched some interviewer
    labels given (``metadata["interviewer_labels_naming_no_one"]``), the speakers and the fix,
    else None: said as :func:`_participants_unmatched` says it of participant labels."""
    labels = transcript.metadata.get(INTERVIEWER_NAMED_NO_ONE)
    if not labels:
        return None
    given = first_few([repr(label) for label in labels])
    shown = first_few([repr(n) for n in dict.fromkeys(t.speaker for t in transcript.turns)])
    option = _NAMING[interface][1]
    return (
        f"no speaker matched the interviewer label(s) {given}: the speakers are {shown} (give "
        f"{option} the interviewer's label as the transcript spells it)"
    )


def _participants_unmatched(transcript: Transcript, interface: str) -> str | None:
    """That no speaker of ``transcript`` matched the participant labels given
    (``metadata["participant_labels_unmatched"]``), the speakers and the fix, else None."""
    participants = transcript.metadata.get(PARTICIPANT_UNMATCHED)
    if not participants:
        return None
    given = first_few([repr(label) for label in participants])
    shown = first_few([repr(n) for n in dict.fromkeys(t.speaker for t in transcript.turns)])
    option = _NAMING_PARTICIPANT[interface].removesuffix(" NAME").removesuffix("=['NAME']")
    return (
        f"no speaker matched the participant label(s) {given}: the speakers are {shown} (give "
        f"{option} the participant's label as the transcript spells it)"
    )
