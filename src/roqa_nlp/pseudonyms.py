"""Pseudonyms: people's names replaced by study ids as transcripts are read.

Zoom, Teams and transcription services label speakers with their display names (``Maria Okafor``)
and people address each other by name ("Thanks, Maria"). With a :class:`PseudonymKey`, each
transcript is rewritten as it is read, before anything is segmented, embedded, cached or written,
so codings, reports, REFI-QDA projects and caches hold pseudonyms only:

- a speaker's label becomes its pseudonym (``Maria Okafor`` -> ``P07``); roles stay as read, so
  ``roqa code --interviewer "Helen Brookes"`` names the interviewer as the file does. A label
  that is a keyed person's name but for a display name's extras, an honorific or the apostrophe
  (``Mary-Jane O’Neill`` for a row ``Mary-Jane O'Neill``, ``Hannah Whitfield (Host)``, ``Jane
  Smith | NHS``, ``🌈 Jane Smith``) is that person, with their pseudonym (:meth:`PseudonymKey.get`;
  a label with an emoji or an organisation is replaced whole, not as ``P07 | NHS``); a display
  name's emoji and organisation after ``|`` are no words of the person's name (:func:`name_parts`);
- in the talk, a full name of two words or more becomes the pseudonym in square brackets
  (``Thanks, [P07]``, the usual mark of an edit in a quoted transcript) in every transcript, in
  any case, with any blanks between its words, either apostrophe, with or without its accents
  (``Zoe Wisniewska`` for ``Zoë Wiśniewska`` and the reverse: :func:`_letter_regex`; so are
  the words below), and also without the extras
  of a display name (``Maria Okafor`` for ``Maria Okafor (she/her)``, ``Helen Brookes`` for
  ``Dr Helen Brookes``);
- in the transcripts where that person speaks, each capitalised word of their name (``Maria``,
  ``Okafor``, ``Mary`` of ``Mary-Jane``; not an honorific, an initial or a word of
  ``data/not_names.txt`` such as ``Manager``, ``RN`` or ``iPhone``) is replaced too, however the
  label spells it (``MARY-JANE O'NEILL`` gives ``Mary-Jane``). A name that is also an English
  word (``Will``, ``May``) is replaced at the start of a sentence only when a pronoun or
  determiner does not follow it ("Will it help?" and "May I ask" stay; "Will is great" does
  not). A single name word in lower case, as speech-to-text writes names ("hello denise"), is as
  often an everyday word ("christmas eve", "her waters have broken", "ye ken"): it stays and is
  listed to check (a full name in lower case, "denise okoro", is replaced). A speaker's first
  name alone in another interview is as likely someone else, whom a pseudonym would misattribute,
  so it stays there, as does a one-word display name (``Rose``);
- the first word of a row the researcher added for someone who speaks nowhere (``Tom`` of ``Tom
  Beckett,social worker``, ``Brookfield`` of ``Brookfield House,service``) is theirs alone too,
  capitalised, in every transcript, when the key gives it to no one else and no speaker there
  has it; not after a title (``Ms Rose``), and not when it is an everyday word that is no given
  name (``Harbour``) or a month (``April``): :func:`_given_kind`;
- in every other transcript, the surname of a keyed name of two words or more (its last word, or
  all its words after the first: ``Ní Bhriain``) stands for its person alone too after a title of
  ``data/honorifics.txt`` or ``data/talk_titles.txt`` (``Sister Kowalski's on nights`` -> ``Sister
  [P05]'s on nights``, for ``Anna Kowalski``; ``Dr. Okafor``, ``Cllr Ford``); one two people of
  the key share is ``[name]`` there (``Mrs [name]``: :data:`_SHARED_SURNAME`), linking to
  neither. Without a title it stays, and is listed to check: it is as often a word
  (``Power cuts``, ``Head office``), a place (``trained in Preston``), someone else of that name
  or a first name (``me, Lee and Gemma``), whom a pseudonym would misattribute;
- that surname joined by a hyphen to a capitalised word is someone else's name: ``Mr
  Rhys-Evans`` stays for a keyed ``Lucy Evans`` (not ``Mr Rhys-[P62]``); joined to a lower-case
  word it is hers (``the Evans-led audit``), and where she speaks every word of her name is;
- a name joined up, as a handle or an address's local part writes it, is replaced in every
  transcript as a full name is (``AishaRahman``, ``@aisha_rahman``, ``aisha.rahman``; not
  ``almost`` for ``Al Most``);
- outside the turns' words (labels and headings of a plain-text file), and at the start of a
  line of talk only where the bracketed pseudonym would read back as a speaker label (``[P07]
  said``: :func:`_reads_as_a_label`), the pseudonym stands bare;
- a speaker who is not yet in the key is added: an interviewer as ``Interviewer`` (a second one
  ``Interviewer 2`` ...), a participant as the transcript's participant number when its file name
  gives one (``zoom_p07.vtt`` -> ``P07``) and no other name has it, else the next free ``P``
  number. A participant under two labels in one transcript (a Zoom rename or rejoin: ``Maria
  Okafor``, then ``Maria (iPhone)`` or ``iPhone``) is one person with one pseudonym, by the rule
  the framework counts people by (:func:`~roqa_nlp.transcripts.roles.several_participants`,
  :func:`people_named`): a transcript of one participant gives all its named participant labels
  one pseudonym, its number label's when it has one (renamed ``P17``; a key giving them another
  is warned of). Two names with no name word in common are two people: in a transcript whose
  file name or header numbers it (``p04_interview.txt``), each is a member of that case, lettered
  as a joint interview's are (``Margaret Okafor`` -> ``P04a``, ``Dean (support worker)`` ->
  ``P04b``), or of the next free number when the key gives that case's number to someone who
  does not speak there (a batch before: :meth:`PseudonymKey._number_of_others`), and so in a
  file named by a participant's study id (``R04.txt``, ``HCP04``); of a file whose case is a
  group's id (``fg01_zoom.vtt``, ``FG01``; or more than three people:
  :func:`_members_take_free_numbers`), each takes a free number, and
  a transcript of several participants keeps the case it was read with, so that
  pseudonymising never makes two transcripts one case. Labels of one
  transcript given one pseudonym, by this rule or by the key's rows,
  are told of in one warning for the transcript, to check before sharing. Labels that are
  already roles (``Interviewer``, ``P04``, a joint interview's ``P05a``,
  ``Speaker 2``) are no names and stay as they are, and so are the speakers a reader makes up
  for speech no label names (``Unknown speaker``, ``Participant``: :func:`is_placeholder_speaker`),
  never keyed nor made one with a named participant, since each file's is someone else; a new number
  comes after every one the key and a transcript's file name, header or participant id label
  has (:meth:`PseudonymKey.reserve`), whatever the order of the files, which add their
  speakers in the order of their names (:func:`keying_order`). A person the header
  names (``Participant: Margaret Okafor, registered manager``:
  :func:`~roqa_nlp.transcripts.speaker_labels.header_people`) is added with
  the pseudonym of the transcript's speaker of that role, their name words replaced where they
  speak as a speaker's are; of two or more speakers of that role, with ``[name]``, and a
  warning. A key that gives the interviewer a participant's pseudonym (or the other way round)
  is warned of;
- the transcript's id and file name, which every output carries, have the key's names replaced
  as its talk has, with the bare pseudonym (``Interview 11 - Gareth Jones.txt`` ->
  ``Interview 11 - P11``, ``zoom_maria_okafor.vtt`` -> ``zoom_P07``:
  :meth:`PseudonymKey.pseudonymised_name`), which a warning names; its ``source`` keeps the file
  name alone, so no folder's name is recorded. A name left in the file name (a first name of
  someone who does not speak in it), and any capitalised word of it that roqa does not know
  (``P14 - Karen interview``: not ``Interview``, ``Final``, ``Zoom``, ``March`` or ``P14``),
  is warned of, for the researcher to rename the file;
- e-mail addresses (written or read out), UK phone and NHS numbers, full dates, UK postcodes
  and street addresses become placeholders (``[email]``, ``[phone]``, ...:
  :mod:`roqa_nlp.identifiers`), key or no key; an address read out with a word of a keyed
  name alone before "at" too (``aisha at nhs dot net``: :meth:`PseudonymKey.name_words`).

The key is a CSV file with the columns ``name`` and ``pseudonym`` (and any of the researcher's
own, kept when it is written back; a key row of digits finds its number also without the
leading zeros Excel drops, and :meth:`PseudonymKey.unmatched_rows` lists the number rows no
transcript held). The researcher keeps it apart
from the outputs, since it re-identifies them, and can add rows for other people the talk
mentions (``Tom Hale,nominated individual`` -> ``[nominated individual]``; a row of one name whose
pseudonym is not a speaker's, ``Priya,nurse``, replaces that capitalised word wherever it stands,
and lists it to check in lower case; one given a speaker's own pseudonym, ``Mo,P07``, is that
person's alias, a nickname, replaced by their pseudonym where they speak, as their first name is,
and elsewhere left, with a warning: :meth:`PseudonymKey.warn_of_aliases_left`). Two spellings
of one person may share a pseudonym. Reading the same key in a later run gives everyone the same
pseudonym again. ``AutoCoder.code`` adds every speaker of a study to the key
(:meth:`PseudonymKey.register`) before rewriting any transcript.

Names are replaced as exact words: another spelling ("Mariah"), a nickname, or someone who is not
in the key stays in the text, so pseudonymising helps de-identification and does not replace
reading the transcripts. To help that reading, :func:`names_to_check` lists the words of the talk
that may still name a person or a place (written as a name at least once: capitalised within a
sentence and never in lower case in the study, after a title, said to someone, or opening a
sentence before an apposition; and neither a pseudonym's word nor a word of
``data/public_proper_words.txt`` such as ``Monday`` or ``British``; a part of a key's name left
in the talk, such as a first name where its person does not speak, is listed, and a single name
word left in lower case too, ``denise`` or ``will`` where Denise Okoro or Will Jones speaks);
``roqa pseudonymise`` and ``roqa code --pseudonymise`` print them. Offsets (turns, and the
segments cut from them) are into
the rewritten text.
"""

from __future__ import annotations

import csv
import glob
import io
import os
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from string import ascii_lowercase
from typing import Literal, NamedTuple, TypeVar

from .alternation import Alternation
from .errors import RoqaError, RoqaValueError, a_type, and_list, first_few, quoted, warn
from .given_names import is_common_given_name
from .identifiers import identifier_matches, is_month_name, names_first, street_first_words
from .io import packaged_words
from .name_characters import CAPITAL, MARKS, NAME_CHAR, OMISSIBLE_MARKS
from .name_dates import in_a_date, year_alone
from .schema import Transcript, Turn
from .transcripts.roles import (
    KEYED_LABELS,
    STRAY_ASKERS,
    given_name_first,
    honorifics,
    is_role_label,
    talk_titles,
    without_accents,
)
from .transcripts.speaker_labels import display_name_core

__all__ = [
    "KEY_COLUMNS",
    "NameToCheck",
    "PseudonymKey",
    "names_to_check",
    "pseudonymise",
    "warn_of_lower_case_transcripts",
    "warn_of_names_to_check_in_file_names",
]

#: the columns of a pseudonym key file
KEY_COLUMNS = ("name", "pseudonym")

_PARTICIPANT_NUMBER = re.compile(r"P(\d+)", re.IGNORECASE)
#: the pseudonyms roqa gives speakers: a participant number or an interviewer
_SPEAKER_PSEUDONYM = re.compile(r"P\d+|Interviewer(?: \d+)?", re.IGNORECASE)
#: where a sentence starts: a common word there ("Will it work?") is not taken for a name. A
#: line start is one only after a line that ends a sentence or a blank line: a hard wrap inside a
#: turn (a .txt's line breaks, a .docx's soft ones) goes on with the sentence ("Dr Chidi\nOkonkwo"
#: names one person: privacy2 L6, session 78), or after a line of at most three words, an item of
#: a list written one a line (``We use`` / ``Physiotherapy`` / ``Counselling``: hunt6 F2)
_SENTENCE_START = re.compile(
    r"(?:^|[.?!:;\"“(]|\n[^\S\n]*\n|(?:^|\n)[^\S\n]*(?:\S+[^\S\n]+){0,2}\S+[^\S\n]*\n)\s*$"
)
_INTERVIEWER = "Interviewer"
#: the key's column of the transcript (its file name) a row is for, when it is for one alone
_TRANSCRIPT = "transcript"
#: What replaces a surname two or more people of the key share, after a title where none of
#: them speaks ("Mrs Young" -> "Mrs [name]"): a pseudonym of one would misattribute, and the
#: name left as written would name them
_SHARED_SURNAME = "name"
#: The pseudonym of a person who typed in the call's chat but speaks under no label: Chat sender 1
_CHAT_SENDER = "Chat sender"
_CHAT_SENDER_PSEUDONYM = re.compile(rf"{_CHAT_SENDER} \d+", re.IGNORECASE)
#: after a name that is also a word, at the start of a sentence: the word ("Will it help?",
#: "May I ask", "Will the team cope?"), not the name ("Will is great", "May said so")
_WORD_AFTER = re.compile(
    r"[ \t]+(?:i|you|we|they|he|she|it|the|this|that|these|those|there|a|an|not|all|any|some|"
    r"someone|anyone|everyone|your|our|their|his|her|my|be)\b",
    re.IGNORECASE,
)
#: the hyphens a name may be written with
_HYPHENS = "[-‐‑]"
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
#: letters and digits, with the marks on them (``Adébáyọ̀``)
_LETTERS = rf"[^\W_](?:[^\W_]|[{MARKS}])*"
#: a word of a bracketed note in a label (``she``, ``her``, ``co-host``)
_NOTE_WORD = re.compile(rf"{_LETTERS}(?:[-'’]{_LETTERS})*")
#: a key row of no name words that is a number or an address ("943 476 5919,NHS number",
#: "07700 900123,phone"): replaced in the talk as a full name is, not only in labels
_IDENTIFIER_ROW = re.compile(r"[0-9@]")
#: a bare number of fewer than six digits ("1", "12"): a speaker label a key row may pseudonymise
#: ("1,P01", as roqa writes for a transcript whose speakers are numbered), never a number to
#: replace in the talk ("2 trainers for 1 day")
_SHORT_NUMBER = re.compile(r"[\W_]*(?:[0-9][\W_]*){1,5}")
#: a key row that is a number alone, its digits in groups or not ("0496000", "943 476 5919"): Excel
#: saves such a cell without its leading zeros ("496000"), so the row finds the number with any
#: zeros before it
_DIGITS_ROW = re.compile(r"[0-9]+(?: [0-9]+)*")
#: a number as Excel shows and saves a long one ("1.23457E+15"), its digits lost
_EXCEL_EXPONENT = re.compile(r"[0-9](?:\.[0-9]+)?E\+[0-9]+", re.IGNORECASE)


@cache
def _after_honorific() -> re.Pattern[str]:
    """A title of :func:`.transcripts.roles.talk_titles` just before a word, capitalised, with or without its
    full stop ("Ms. Chen", "Dr Okafor", "Sister Dunmore", "Cllr Ford"): the word is a name."""
    titles = sorted(talk_titles(), key=lambda t: (-len(t), t))  # "Mrs" before "Mr"
    alternatives = "|".join(re.escape(t.capitalize()) for t in titles)
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})\.?[ \t]+$")


@cache
def _title_and_first_name() -> re.Pattern[str]:
    """A title of :func:`.transcripts.roles.talk_titles` and a capitalised word just before a word ("Mrs Joan
    Ellison": ``Mrs Joan``), the word in group 1: a first name of the one the word names."""
    titles = sorted(talk_titles(), key=lambda t: (-len(t), t))  # "Mrs" before "Mr"
    alternatives = "|".join(re.escape(t.capitalize()) for t in titles)
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})\.?[ \t]+({CAPITAL}[\w{MARKS}'’-]*)[ \t]+$")


def _is_identifier_row(name: str) -> bool:
    """Whether a key row of no name words names a number or an address to replace in the talk:
    it holds a digit or an ``@``, and is neither a role or numbered speaker (``Speaker 1``) nor a
    bare short number (:data:`_SHORT_NUMBER`)."""
    return (
        _IDENTIFIER_ROW.search(name) is not None
        and not _SHORT_NUMBER.fullmatch(name)
        and not _names_no_one(name)
    )


#: what a key file of these extensions is, saved from a spreadsheet program as its own format
#: (the others, which no roqa command reads: :func:`roqa_nlp.spreadsheets.unreadable_spreadsheet`)
_WORKBOOKS = {".xlsx": "an Excel workbook"}
_SAVE_AS_CSV = (
    "the pseudonym key is read and written as CSV text: save it as CSV UTF-8 (in Excel, File > "
    "Save As > CSV UTF-8 (Comma delimited); in LibreOffice or Numbers, as CSV with UTF-8) and "
    "give the .csv file"
)


def check_key_apart(path: str | Path) -> None:
    """A one-line :class:`~roqa_nlp.errors.RoqaValueError` when the key ``path`` is in a folder
    of codings roqa wrote (``codings.jsonl`` there or in a folder above it): the outputs are
    what gets shared, and the key re-identifies them. ``roqa code`` refused a key inside its
    ``--out``, but ``key.write("py_out/key.csv")`` beside ``res.save("py_out/")`` wrote it there
    (tester s51 privacy, 10)."""

    p = Path(path)
    for folder in Path(os.path.realpath(p)).parents:
        if (folder / "codings.jsonl").is_file():
            raise RoqaValueError(
                f"is in {folder}, a folder of codings roqa wrote (codings.jsonl), which is what "
                "gets shared, and the key re-identifies them",
                path=p,
                hint="keep the key in another folder",
            )


def key_is_a_folder(path: Path) -> RoqaError:
    """The error of a folder given as the pseudonym key, which is a file read and written (a
    ValueError, as every file given that is of another kind than its name says)."""
    return RoqaValueError(
        "is a folder, not a pseudonym key",
        path=path,
        hint="give the key's file path, e.g. ~/private/key.csv, apart from what you share: "
        "roqa reads it when it is there, adds new speakers and writes it back",
    )


def check_key_file(path: str | Path) -> None:
    """A one-line error when ``path`` is no pseudonym key roqa can read and write back: a
    workbook or other document (by its first bytes, whatever its name: a zip archive, an Office
    97-2003 file, or under a spreadsheet format's name XML or JSON, as a flat .fods or a .gsheet
    shortcut holds), a key of CSV text named as a workbook (``key.xlsx``, which Excel would not
    open), or a new key whose name does not end in ``.csv`` (roqa writes CSV text). Before,
    ``key.xlsx`` was "not UTF-8 text: re-save it in Notepad", and a new ``newkey.xlsx`` was
    written as CSV text (tester s41 sheets, 2 and 7)."""
    from .spreadsheets import not_csv_text, unreadable_spreadsheet
    from .transcripts.protected import OLE_SIGNATURE

    p = Path(path)
    suffix = p.suffix.lower()
    if p.is_dir():  # not "give a file name to write": the key is read too (ux2, s78)
        raise key_is_a_folder(p)
    if not p.exists():
        if suffix != ".csv":
            kind = f"a {p.suffix} file" if suffix else "a file without an extension"
            raise RoqaError(
                f"a new pseudonym key is written as CSV text, not as {kind}",
                path=p,
                hint="give a file name ending in .csv, e.g. key.csv",
            )
        return
    try:
        with p.open("rb") as f:
            head = f.read(8)
    except OSError:
        return  # a folder, unreadable: reading it says which
    sheet = unreadable_spreadsheet(
        p, "a pseudonym key", save_as="CSV UTF-8", then="and give the .csv file"
    )
    if sheet is not None and not_csv_text(head):
        raise sheet
    if head.startswith(b"PK\x03\x04"):
        what = _WORKBOOKS.get(suffix, "a zip archive (a workbook saved as .csv?)")
    elif head.startswith(OLE_SIGNATURE):
        what = _WORKBOOKS.get(suffix, "an Office document")
    elif suffix in _WORKBOOKS or sheet is not None:
        raise RoqaError(
            f"holds CSV text under a {p.suffix} name, which the spreadsheet program would not open",
            path=p,
            hint=f"rename it to end in .csv (e.g. {p.stem}.csv) and give that",
        )
    else:
        return
    raise RoqaError(f"is {what}, not a CSV file", path=p, hint=_SAVE_AS_CSV)


def _identifier_regex(name: str) -> str:
    """The regular expression of the identifier row ``name`` (:func:`_is_identifier_row`): as
    written, blanks aside (:func:`_name_regex`), and a number alone (:data:`_DIGITS_ROW`) with
    or without zeros before it, as Excel saves a cell of digits without them (a row ``496000``
    finds ``0496000``, a row ``0496000`` finds ``496000``; never the digits within a longer
    number, ``14960001`` or ``10496000``: the pattern's words stand alone). Without its zeros
    the number must still be long (:data:`_SHORT_NUMBER`): a row ``000123`` finds ``000123``
    as written, never the ``123`` of a count."""
    significant = name.lstrip("0")
    if (
        _DIGITS_ROW.fullmatch(name)
        and significant[:1].isdigit()
        and not _SHORT_NUMBER.fullmatch(significant)
    ):
        return f"(?i:0*{_name_regex(significant)})"
    return f"(?i:{_name_regex(name)})"


def _replaced_as_identifier(name: str) -> bool:
    """Whether the key row ``name`` is a number or an address replaced wherever it stands in
    the talk (:meth:`PseudonymKey._pattern`): it has no name words and is an identifier row."""
    return _is_identifier_row(name) and not name_parts(name)


def is_placeholder_speaker(label: str) -> bool:
    """Whether ``label`` is a speaker the readers make up for speech no label names, not a
    person: :data:`~roqa_nlp.transcripts.roles.UNKNOWN_SPEAKER` (rows or cues before the first
    named one, a diarised segment in no speaker's turn; a transcriber's ``Unknown speaker``) and
    :data:`~roqa_nlp.transcripts.roles.UNLABELLED_SPEAKER` (a file of no labels), in any case and
    numbered or not (``Unknown Speaker 1``). Each file's is someone else, so a pseudonym key never
    holds one (it gave a CSV's unknown speaker P01 beside its participant, and so every later
    participant of such a file that pseudonym too) and a person is never made one with it: it stays
    as read, in its own case."""
    from .transcripts.roles import UNKNOWN_SPEAKER, UNLABELLED_SPEAKER

    said = " ".join(label.split()).casefold()
    if said == UNLABELLED_SPEAKER.casefold():
        return True
    # a transcriber's numbered "Unknown Speaker 1" too ("Participant 3" is a study's numbering)
    return re.sub(r" ?#?\d+$", "", said) == UNKNOWN_SPEAKER.casefold()


#: A study's own participant id, capitals before a number (``RM07``, ``HCP-12``, ``SW3``): it
#: names no one, as ``P04`` does, so a label written so stays as it is, and a file named so gives
#: its number to a participant the label names (``Maria Okafor:`` in ``RM07.txt`` is ``P07``)
_STUDY_ID = re.compile(r"(?P<prefix>[A-Z]{1,4})[ _-]?(?P<number>\d{1,4})[a-z]?")


def _names_no_one(label: str) -> bool:
    """A speaker label the key gives no pseudonym: a role or a number (``Interviewer``, ``P04``,
    ``Speaker 2``), a study's own id (``RM07``: :data:`_STUDY_ID`; before session 46 it was
    renumbered ``P01``) or a reader's placeholder (:func:`is_placeholder_speaker`)."""
    return (
        is_role_label(label)
        or _STUDY_ID.fullmatch(" ".join(label.split())) is not None
        or is_placeholder_speaker(label)
    )


def label_names_a_person(label: str) -> bool:
    """Whether a speaker label names a person (``Tom Okafor``, ``Anita Shah (she/her)``): a
    word of a name in it (:func:`name_parts`), and no role, number, study id or placeholder
    (:func:`_names_no_one`), as a pseudonym key would replace it."""
    return not _names_no_one(label) and bool(name_parts(label))


def _role_alone(label: str) -> str | None:
    """The role a label with a note in brackets names once its notes are set aside (``Carer`` of
    ``Carer (Mrs Okonkwo)``, ``Interviewer`` of ``Interviewer (EP)``, ``Participant`` of
    ``Participant (she/her)``), or None for a label of no note or a person's (``Jane Smith
    (Interviewer)``): such a label is the role's, in each file anew, as the role alone is, and
    takes no row of a pseudonym key (it did, so every file's ``Participant (...)`` was one case,
    session 52)."""
    plain = " ".join(_BRACKETED.sub(" ", label).split())
    if not plain or plain == " ".join(label.split()):
        return None
    return plain if _names_no_one(plain) else None


def _role_word(label: str) -> bool:
    """Whether ``label`` is a role's word with a note in brackets (``Carer (Mrs Okonkwo)``,
    ``Interviewer (EP)``: :func:`_role_alone`), no person's label; not a participant id with a
    note (``P04 (RM)``), which is that participant's."""
    from .transcripts.roles import participant_label_number

    role = _role_alone(label)
    return role is not None and participant_label_number(role) is None


def _ordinary_note(label: str) -> bool:
    """Whether ``label``'s notes in brackets are only of a call's role or device
    (``data/not_names.txt``: ``(Host)``, ``(iPhone)``), pronouns or figures (``(she/her)``,
    ``(2)``): notes that name no one, where a name, initials (``EP``) or a workplace may."""
    words = [w for note in _BRACKETED.findall(label) for w in _NOTE_WORD.findall(note.casefold())]
    return all(
        w in _not_names() or w in _stop_words() or any(c.isdigit() for c in w) for w in words
    )


def _placeholder_refused(name: str) -> str:
    return f"{quoted(name)} is the speaker roqa gives speech no label names, not a person"


def _not_names() -> frozenset[str]:
    """Lower-case words that are never taken for a part of a name (``data/not_names.txt``)."""
    return packaged_words("not_names.txt")


def _stop_words() -> frozenset[str]:
    """English stop words (``data/stop_words_en.txt``): names that are also words."""
    return packaged_words("stop_words_en.txt")


def name_parts(name: str) -> list[str]:
    """The words of ``name`` that are names when they stand alone in the talk: all but
    honorifics, role, credential and device words (``data/not_names.txt``), bracketed notes,
    one-letter initials, and a display name's emoji and organisation after ``|``
    (:func:`~roqa_nlp.transcripts.speaker_labels.display_name_core`: ``Jo Bloggs | Mind in
    Leeds`` -> ``["Jo", "Bloggs"]``, not ``Mind``, ``in`` and ``Leeds``), each without a
    possessive ``'s`` (``"Dr Maria Okafor's iPhone"`` -> ``["Maria", "Okafor"]``). A word that is
    also a common English word (``Will``, ``May``) is kept: :class:`PseudonymKey` replaces it
    only away from the start of a sentence. A job's title has none (``Peer Worker``, ``Key
    Worker``: :func:`job_title`), though ``Peer`` and ``Key`` are names too."""
    parts = []
    said = []  # the label's words but initials and figures, in lower case: a job's title?
    plain = display_name_core(unicodedata.normalize("NFC", name))
    for word in _BRACKETED.sub(" ", plain).split():
        word = word.strip('()[]{},;:"|')
        for suffix in ("'s", "’s"):
            if word.lower().endswith(suffix):
                word = word[: -len(suffix)]
        bare = word.rstrip(".").lower()
        if len(bare) < 2 or not word[:1].isalpha():
            continue
        said.append(bare)
        if bare in honorifics() or bare in _not_names():
            continue
        parts.append(word.rstrip(".") if word.endswith(".") and len(bare) > 2 else word)
    return [] if parts and job_title(said) else parts


def job_title(words: list[str]) -> bool:
    """Whether a label's ``words`` (in lower case, its notes, initials and figures aside) are a
    job's title, no person's name: two words or more, the last a role's (``data/not_names.txt``:
    ``worker``, ``officer``, ``nurse``) and each before it a role's too or an everyday word that
    is no given name, surname or English stop word (``data/everyday_words.txt`` but not
    ``word_given_names.txt``, ``word_surnames.txt``, ``stop_words_en.txt``): ``Peer Worker``,
    ``Key Worker``, ``Link Worker``, ``Peer Support Worker``, ``Housing Officer``, ``Link
    Nurse``; not ``Rose Nurse``, ``Mark Manager``, ``Dean Worker`` or ``Priya Peer Worker``.
    The last word names one person (``data/person_words.txt``), not a place or a service: a
    key's row ``Harbour Mind Care`` or ``Brookfield Care Home`` is a name.
    Session 72 tester: ``Peer`` and ``Key`` are left out of not_names.txt as names (``Mr
    Key``), so ``Peer Worker:`` made "Peer support" "[P01] support" and another speaker's "key
    worker" "[P02]" in every interview."""
    if len(words) < 2 or words[-1] not in _job_words()[0]:
        return False
    names, everyday = _job_words()[1:]
    return all(w in _not_names() or (w in everyday and w not in names) for w in words[:-1])


@cache
def _job_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """For :func:`_job_title`, the word lists it weighs a label's words against, joined once a
    process (they were joined at every label): the roles that name one person, the names, and
    the everyday words."""
    people = _not_names() & packaged_words("person_words.txt")
    names = packaged_words("word_given_names.txt") | _word_surnames() | _stop_words()
    return people, names, packaged_words("everyday_words.txt")


def people_named(labels: Iterable[str]) -> list[list[str]]:
    """The speaker labels among ``labels`` that name a person (a display name, initials, a
    device; not a role, a participant number or a file's own speaker number), grouped into
    people, in order of first label: one person under two labels is one (a Zoom rename or
    rejoin, "Maria Okafor (she/her)", "Maria (iPhone)", "Maria's iPhone": one label's name
    words (:func:`name_parts`) within the other's, compared as a name given is, in any case,
    with or without accents, whichever apostrophe: "Siân Llewelyn" renamed "Sian Llewelyn";
    :func:`~roqa_nlp.transcripts.roles.name_key`; and a label of no name words, "iPhone", is the
    one person named, when only one is). The rule by which the framework counts a transcript's
    participants (:func:`~roqa_nlp.transcripts.roles.several_participants`) and a pseudonym key
    gives one pseudonym per person (:meth:`PseudonymKey.register`). A role's label with a note
    (``Carer (Mrs Okonkwo)``: :func:`_role_word`) is no person: it was taken for the one
    person named, as a device is, so a carer's turns were the participant's (re-test s52).
    Labels a number or letter tells apart (``Committee 1`` and ``Committee 2``, ``Commissioner
    A`` and ``Commissioner B``, ``Member 1``:
    :func:`~roqa_nlp.transcripts.roles.is_told_apart`) are one person only under one mark
    (``Committee 1 (iPhone)``), and none is the one person named (tester s72 exchange, 1: a
    role's word that is no word of ``data/not_names.txt``, ``Committee``, read as a name, made
    two committee members one; ``Member 1`` and ``Member 2`` beside ``Chris`` were Chris). A
    label of no name words that names someone by their role or kin (``Mum``, ``Matron``,
    ``Commissioner``: :func:`~roqa_nlp.transcripts.roles.names_by_role`) is someone of their
    own; only a device's or a guest's (``iPhone``, ``Guest``) is the one person named (session
    72 rolewords: once these words were words of ``data/not_names.txt``, ``Mum`` beside ``Jo
    Whitfield`` was Jo)."""
    from .transcripts.roles import (
        _names_a_person,
        is_told_apart,
        name_key,
        names_by_role,
        speaker_mark,
        speaker_role_and_mark,
    )

    people: list[tuple[frozenset[str], set[str], list[str]]] = []
    nameless: list[str] = []
    apart: list[str] = []  # labels of no name words a number or letter tells apart
    by_role: dict[str, list[str]] = {}  # labels of no name words naming one by role (Mum)
    for label in dict.fromkeys(labels):
        if not _names_a_person(label) or is_placeholder_speaker(label) or _role_word(label):
            continue
        words = frozenset(name_key(w) for w in name_parts(label))
        marks = {speaker_mark(label) or ""} if is_told_apart(label) else set()
        if not words:
            if marks:
                apart.append(label)
            elif names_by_role(label):
                by_role.setdefault(name_key(_BRACKETED.sub(" ", label)).strip(), []).append(label)
            else:
                nameless.append(label)
            continue
        person = next(
            (
                p
                for p in people
                if (words <= p[0] or p[0] <= words) and (not marks or p[1] <= marks)
            ),
            None,
        )
        if person is None:
            people.append((words, marks, [label]))
        else:
            person[1].update(marks)
            person[2].append(label)
    found = [labels for _, _, labels in people]
    if len(people) == 1:  # the one person named, rejoined from a device
        found[0] = [label for label in dict.fromkeys(labels) if label in {*found[0], *nameless}]
        nameless = []
    found += [[label] for label in nameless] + list(by_role.values())
    marked: dict[tuple[str, str], list[str]] = {}
    for label in apart:  # one role's labels of one mark are one (Member 1, Member 1 (iPad))
        marked.setdefault(speaker_role_and_mark(label), []).append(label)
    found += marked.values()
    order = {label: i for i, label in enumerate(dict.fromkeys(labels))}
    return sorted(found, key=lambda person: order[person[0]])


def _pieces(part: str) -> list[str]:
    """A hyphenated part's pieces that are names themselves (``Mary-Jane`` -> ``Mary``,
    ``Jane``); none for a part without a hyphen."""
    if "-" not in part:
        return []
    return [p for p in part.split("-") if len(p) > 1 and p.lower() not in _not_names()]


def _is_common_word(part: str) -> bool:
    """A name that is also a common English word (``Will``, ``May``, ``Bill``)."""
    return part.casefold() in _stop_words()


@cache
def _everyday_words() -> frozenset[str]:
    """Lower-case words a name may also be (``we will``, ``mark the form``, ``never mind``):
    ``data/everyday_words.txt`` (the words the team's training texts write in lower case), English
    stop words (``data/stop_words_en.txt``, ``data/stop_words_spoken.txt``),
    ``data/word_given_names.txt``, ``data/word_surnames.txt``, ``data/not_names.txt`` and
    ``data/public_proper_words.txt``."""
    return (
        packaged_words("everyday_words.txt")
        | _stop_words()
        | packaged_words("stop_words_spoken.txt")
        | packaged_words("word_given_names.txt")
        | _word_surnames()
        | _not_names()
        | _public_words()
    )


def _is_everyday_word(word: str) -> bool:
    """Whether a name's ``word`` written in lower case may be an everyday word
    (:func:`_everyday_words`): :func:`names_to_check` lists it in lower case only where it would
    be its person's (they speak there, or a one-word row)."""
    return word.casefold() in _everyday_words()


#: the kinds of a first word of a key row for someone who does not speak (:func:`_given_kind`)
_GIVEN_KINDS = ("given", "given common")


def _given_kind(word: str) -> str | None:
    """How the first word of a key row for someone who speaks nowhere (``Tom`` of ``Tom
    Beckett,social worker``, ``Brookfield`` of ``Brookfield House,service``) is replaced alone,
    capitalised, in every transcript: ``given``; ``given common`` when it is also an English stop
    word (``Will``: not where it opens a sentence before a pronoun or determiner, "Will it
    help?"); None, not at all, when it is an everyday word that is no given name (``Harbour`` of
    ``Harbour Mind Care``, ``North`` of ``North Tees Trust``: :func:`_everyday_words` but
    ``data/word_given_names.txt``), which :func:`names_to_check` lists instead. A given name that
    is also a word (``Mark``, ``Hope``, ``Rose``) is replaced, as where its person speaks:
    privacy first (session 42 reverted keeping such a name at a sentence's start, which left
    "Mark and I set up the service"). So is one that is also a word of a law's or a national
    body's name (``Bill``, ``Justice``): the key's word wins over ``data/public_proper_words.txt``
    (tester s57 privacy, 1: "Bill will sit with people" kept Bill Turner's name), but for a month
    (``April``, ``August``), capitalised wherever it is the month."""
    folded = word.casefold()
    public = folded in packaged_words("public_proper_words.txt")
    if public and (folded not in packaged_words("word_given_names.txt") or is_month_name(word)):
        return None  # "April Jones", "May Chen": "By April we had"
    if folded in talk_titles():
        return None  # "St Anne's Hospice": a title
    if _is_common_word(word):  # "The Willows", "Our Place": the word; "Will Grant": the name
        return "given common" if folded in packaged_words("stop_word_names.txt") else None
    if _is_everyday_word(word) and folded not in packaged_words("word_given_names.txt"):
        return None
    return "given"


def _person_row(name: str, pseudonym: str) -> bool:
    """Whether a key row of several name words names a person, to be found also without its
    middle words and by its first initial (``Gurpreet Sandhu``, ``G Sandhu`` of Gurpreet Kaur
    Sandhu): a participant's or a speaker's pseudonym, or a name whose last word names no kind of
    place (``data/place_kinds.txt``: not ``Ash Tree House``, ``Leeds General Infirmary``)."""
    bare = _bare(pseudonym)
    if _SPEAKER_PSEUDONYM.fullmatch(bare) or _CHAT_SENDER_PSEUDONYM.fullmatch(bare):
        return True
    last = name.split()[-1].strip(".,;:()[]").casefold()
    return last not in packaged_words("place_kinds.txt")


def _is_word_surname(word: str) -> bool:
    """Whether a surname is also a word (``Little``, ``Hope``, ``Will``): a stop word or one of
    ``data/word_surnames.txt``, as a surname alone needs a title (:func:`_is_surname_here`)."""
    return _is_common_word(word) or word.casefold() in _word_surnames()


def _first_word_alone(words: list[str]) -> bool:
    """Whether the first word of a key row of ``words`` for someone who speaks nowhere stands for
    them alone (:func:`_given_kind`): a person's two words (``Tom Beckett``, ``Brookfield
    House``), not an organisation or place named by three or more (``Leeds City Council``, ``Mary
    Seacole House``) or by a place and an everyday word no one has as a surname (``Leeds Mind``,
    ``Oakridge Trust``: "I trained in Leeds" is no one's name)."""
    if len(words) != 2:
        return False
    last = words[1].casefold()
    return not (_is_everyday_word(last) and last not in _word_surnames())


@cache
def _word_surnames() -> frozenset[str]:
    """Lower-case surnames that are also everyday English words (``data/word_surnames.txt``)."""
    return packaged_words("word_surnames.txt")


def _is_surname_here(text: str, start: int) -> bool:
    """Whether the word at ``text[start:]``, a keyed person's surname standing alone in an
    interview that person does not speak in, is taken for them: only after a title of
    ``data/honorifics.txt`` or ``data/talk_titles.txt`` ("Mrs Dunmore", "Dr. Okafor", "Sister
    Kowalski", "Cllr Ford").
    Alone it is as often a word ("Power cuts", "Head office", "a Major incident"), a place
    ("trained in Preston"), someone else of that name ("Hunt's reforms") or a first name ("me,
    Lee and Gemma"), and a pseudonym there would misattribute: over the 178 benchmark files,
    replacing it alone also where it is no word (session 39) gave 14 wrong replacements beside
    87 right ones, 83 of them after a title. Left in the talk, it is listed to
    check (:func:`names_to_check`)."""
    return _after_honorific().search(text[max(0, start - 20) : start]) is not None


#: the accents of a decomposed letter (NFD: "e" and U+0308 for "ë"), after its letter
_ACCENTS = "[\u0300-\u036f]*"
#: A character of no width between two letters of a name (text pasted from a web page or a
#: transcription service's: ``Sar\u200bah Khan``) or its words (``Sarah\u200bKhan``): the
#: name, as the reader reads a label so written (:func:`~.transcripts.roles.label_view`)
_NO_WIDTH = "[\u200b-\u200d\u2060\ufeff]"
_NO_WIDTH_CHARACTER = re.compile(_NO_WIDTH)


@cache
def _unaccented() -> dict[str, str]:
    """Each Latin letter with an accent and the letter without it (``ë`` -> ``e``, ``Ś`` ->
    ``S``): by decomposing it, or as ``data/letters_without_accents.txt`` gives (``ł`` ->
    ``l``)."""
    from .transcripts.roles import _undecomposed_letters

    given = _undecomposed_letters()
    table = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        c = chr(code)
        plain = given.get(c, unicodedata.normalize("NFD", c)[0])
        if c.isalpha() and plain != c and plain.isascii() and plain.isalpha():
            table[c] = plain
    return table


@cache
def _accented() -> dict[str, str]:
    """Each ASCII letter and the letters with accents that are it without them (``e`` ->
    ``èéêë...``), of its case."""
    found: dict[str, str] = {}
    for c, plain in _unaccented().items():
        if c.isupper() == plain.isupper():
            found[plain] = found.get(plain, "") + c
    return found


def _letter_regex(c: str) -> str:
    """The letter ``c`` of a name as a regular expression that takes it with or without
    accents, composed or not ("Zoë", "Zoe", "Zoe" and U+0308 for "ë"; "Wiśniewska",
    "Wisniewska"; "Łukasz", "Lukasz"): people type a name without its accents as often as with
    them, and an unaccented key names the accented talk. Session 42 (tester's D3): 6 of 14
    mentions of Siobhán O'Brien and Zoë Wiśniewska were left for that."""
    plain = _unaccented().get(c, c)
    letters = _accented().get(plain)
    if letters is None:
        return re.escape(c)
    return f"[{plain}{letters}]{_ACCENTS}"


#: the combining class of a virama (Devanagari U+094D), which joins two letters of a word: a
#: name's pattern keeps it, where it lets the talk leave out or add other marks
_VIRAMA = 9
#: the marks the talk may write on a letter with no unaccented form, or leave out, whether the
#: key's name has them or not (``محمد علي`` for a key's ``مُحَمَّد عَلِي``, and back)
_OMISSIBLE = f"[{OMISSIBLE_MARKS}]*"


def _takes_accents(c: str) -> bool:
    """Whether the letter ``c`` of a name is found with or without any accents
    (:func:`_letter_regex`), which take in the marks the name is typed with after it."""
    return _accented().get(_unaccented().get(c, c)) is not None


def _word_regex(word: str, apostrophe: str = "['’]", hyphen: str = r"(?:[-‐‑]|\s+)") -> str:
    """``word`` as a regular expression that takes either apostrophe, a hyphen written as a
    hyphen, a dash or a blank (speech recognition drops hyphens: "Lee Wong") and each letter
    with or without its accents (:func:`_letter_regex`); ``apostrophe`` and ``hyphen`` are what
    stands for them."""
    out = []
    word = unicodedata.normalize("NFC", word)
    # a prefix of a surname is as often written apart or joined: "O Driscoll" and "ODriscoll"
    # for O'Driscoll, "Mac Leod" for MacLeod (tester s51 privacy, 7)
    prefix = _SURNAME_PREFIX.match(word)
    for i, c in enumerate(word):
        if prefix is not None and i == prefix.end():
            out.append("[ ]?")
        if c in "'’":
            out.append(f"(?:{apostrophe}|[ ]?)" if i == 1 and word[0].isalpha() else apostrophe)
        elif c in "-‐‑":
            out.append(hyphen)
        elif c in "\u200b\u200c\u200d\u2060\ufeff" or (
            unicodedata.combining(c)
            and i > 0
            and (_takes_accents(word[i - 1]) or unicodedata.combining(c) != _VIRAMA)
        ):
            # an accent the word was typed with apart: the letter takes any; a mark a writer may
            # leave out (Arabic harakat, a nukta, a tone on "ɔ"): the letter before takes any,
            # or none; a character of no width (a Persian name's non-joiner): the name is found
            # with it or without it. A virama stays (a Hindi name's), and a vowel sign (class 0)
            continue
        elif c.isascii() or _takes_accents(c):
            out.append(_letter_regex(c))
        else:
            out.append(f"{_letter_regex(c)}{_OMISSIBLE}")
    # a character of no width may stand between any two of its letters, or none
    return f"{_NO_WIDTH}?".join(out)


#: the prefix of a surname such as McDonald or MacLeod, before the capital that follows it
_SURNAME_PREFIX = re.compile(rf"Ma?c(?={CAPITAL})")


@cache
def _surname_prefixes() -> frozenset[str]:
    """The prefixes of a surname that a key may write as a word of its own (``Ó``, ``Ní``,
    ``Mac``: ``data/surname_prefixes.txt``), in lower case without accents."""
    return packaged_words("surname_prefixes.txt")


def _prefixed_words(name: str) -> dict[str, str]:
    """Each word of ``name`` after a surname's prefix written apart (:func:`_surname_prefixes`),
    and that prefix: ``{"Súilleabháin": "Ó"}`` of ``Gráinne Ó Súilleabháin``, ``{"Giolla":
    "Mac"}`` of ``Eoin Mac Giolla``. The surname is found whole with its prefix apart, joined or
    with an apostrophe, or without it (:func:`_name_regex`, :func:`_file_word_regex`): written
    ``OSuilleabhain`` or ``zoom_grainne_osuilleabhain`` it stayed, and ``O Suilleabhain`` became
    ``O [P01]`` (tester s68 privacy, 1 and 2). A first word is a given name (``Mac Smith``), but
    in a name written surname first (``Ó Súilleabháin, Gráinne``)."""
    plain = _BRACKETED.sub(" ", display_name_core(unicodedata.normalize("NFC", name)))
    words = [w.strip('()[]{},;:"|') for w in plain.split()]
    first = 0 if "," in plain else 1
    return {
        after: word
        for word, after in zip(words[first:], words[first + 1 :], strict=False)
        if without_accents(word).casefold() in _surname_prefixes() and after[:1].isalpha()
    }


def _prefix_apart(name: str) -> str:
    """``name`` with a surname's prefix of :func:`_surname_prefixes` it writes joined before a
    capital or with an apostrophe written apart (``Sean OBriain``, ``Sean O'Briain`` -> ``Sean O
    Briain``; ``Kirsty McKenzie`` -> ``Kirsty Mc Kenzie``), so it is found in the forms a key
    writing it apart finds (:func:`_prefixed_words`; session 69 hunt, M2). Not a first word
    (``OBrien,P01`` alone), nor a word whose prefix is no prefix (``Nicholas``, ``Oakley``)."""
    words = name.split()
    first = 0 if "," in name else 1
    for i in range(first, len(words)):
        word = unicodedata.normalize("NFC", words[i])
        for at in range(min(4, len(word) - 2), 0, -1):  # "Mhic", "Mac", "Mc", "Ó"
            prefix, rest = word[:at], word[at:]
            if without_accents(prefix).casefold() not in _surname_prefixes():
                continue
            apostrophe = rest[:1] in ("'", "’")
            rest = rest[1:] if apostrophe else rest
            if len(rest) > 1 and rest[0].isalpha() and (apostrophe or rest[0].isupper()):
                words[i] = f"{prefix} {rest}"
                break
    return " ".join(words)


def _joined_surnames(name: str) -> list[str]:
    """The surnames of ``name`` with the prefix written apart, each as its one word written
    joined or with an apostrophe (``ÓSúilleabháin``, ``Ó'Súilleabháin``, ``Ó’Súilleabháin`` of
    ``Gráinne Ó Súilleabháin``): a word of the key's names when left in the talk or a file name."""
    return [
        f"{prefix}{joint}{word}"
        for word, prefix in _prefixed_words(name).items()
        for joint in ("", "'", "’")
    ]


#: between a surname's prefix and the surname: a blank, a line break, an apostrophe or nothing
_PREFIX_GAP = rf"(?:['’]|(?:\s|{_NO_WIDTH})*)"


def _words_regexes(
    words: list[str], prefixes: dict[str, str], word_regex: Callable[[str], str], gap: str
) -> list[str]:
    """Each of ``words`` as ``word_regex`` makes it, a word after a surname's prefix
    (``prefixes``: :func:`_prefixed_words`) with the prefix and ``gap`` before it optional, unless
    the word before is that prefix (``Ó Súilleabháin`` of the name written whole)."""
    out = []
    for i, word in enumerate(words):
        prefix = prefixes.get(word)
        if prefix is None or (i > 0 and words[i - 1] == prefix):
            out.append(word_regex(word))
        else:
            out.append(f"(?:{word_regex(prefix)}{gap})?{word_regex(word)}")
    return out


def _name_regex(name: str, prefixes: dict[str, str] | None = None) -> str:
    """``name`` as a regular expression: its words with any run of blanks (or a line break)
    between them (see :func:`_word_regex`); a surname's prefix of ``prefixes``
    (:func:`_prefixed_words`) optional before its word, and apart, joined or with an apostrophe
    where the name writes it (``OSuilleabhain``, ``O'Suilleabhain``, ``Gráinne Súilleabháin`` of
    ``Gráinne Ó Súilleabháin``: the name left out of it is no shorter form of another person's,
    session 68 regression hunt D1)."""
    words = name.split()
    prefixes = prefixes or {}
    regexes = _words_regexes(words, prefixes, _word_regex, _PREFIX_GAP)
    out = []
    for i, regex in enumerate(regexes):
        if i > 0 and prefixes.get(words[i]) != words[i - 1]:
            out.append(rf"(?:\s|{_NO_WIDTH})+")
        if i + 1 < len(words) and prefixes.get(words[i + 1]) == words[i]:
            out.append(f"(?:{regex}{_PREFIX_GAP})?")  # the prefix, before its surname
        else:
            out.append(regex)
    return "".join(out)


def _prefixed_regex(prefix: str, word: str, joined: bool = True) -> str:
    """The surname ``word`` with its ``prefix`` written before it, apart, with an apostrophe or
    (when ``joined``) joined: ``Ní Bhriain``, ``Ní'Bhriain``, ``NíBhriain``, in any case. A row's
    own, told from the word alone (``Bhriain``), which the key's rows that share it share
    (session 68 regression hunt R2: ``Aoife Ní Bhriain`` and ``Máire Uí Bhriain``). Not joined
    where another row writes it so (``Iain MacLeod`` beside ``Morag Mac Leod``: the spelling
    tells them apart, D3)."""
    gap = _PREFIX_GAP if joined else rf"(?:['’]|(?:\s|{_NO_WIDTH})+)"
    return f"(?i:{_word_regex(prefix)}{gap}{_word_regex(word)})"


def _capitalised(found: str) -> bool:
    """Whether the name ``found`` in the talk is capitalised: its first letter, or its surname's
    after a prefix of :func:`_surname_prefixes` in lower case (``ní Bhriain``, ``o
    Súilleabháin``, ``mac Giolla``, as speech-to-text often writes them: session 68 regression
    hunt R1, the surname stayed)."""
    if found[:1].isupper():
        return True
    capital = next((i for i, c in enumerate(found) if c.isupper()), None)
    if capital is None:
        return False
    prefix = re.sub(rf"['’\s]|{_NO_WIDTH}", "", found[:capital])
    return without_accents(prefix).casefold() in _surname_prefixes()


def _after_prefix(found: str) -> int:
    """Where the surname after its prefix written apart begins in ``found`` (``Uí Bhriain`` ->
    3), else 0: a row's surname with its prefix, left as the word of someone who does not speak,
    may hold the surname word of one who does (``Bhriain`` of Aoife Ní Bhriain beside Máire Uí
    Bhriain), replaced as theirs."""
    m = re.match(rf"([^\W\d_]+)(?:\s|{_NO_WIDTH})+", found)
    if m is None or without_accents(m.group(1)).casefold() not in _surname_prefixes():
        return 0
    return m.end()


#: a word just before a name word, and what stands between: a blank, a line break, an apostrophe
_WORD_BEFORE = re.compile(rf"(?<![^\W\d_])([^\W\d_]+)(?:['’]|(?:\s|{_NO_WIDTH})+)$")


#: a surname's prefix's gap and the first letter of the word after it (``Mac B`` of Mac Briain)
_CAPITAL_AFTER_PREFIX = re.compile(rf"(?:['’]|(?:\s|{_NO_WIDTH})+)[^\W\d_]")


#: a surname's prefix's gap and the word after it (``Mac Dhonnchadha``)
_WORD_AFTER_PREFIX = re.compile(rf"(?:['’]|(?:\s|{_NO_WIDTH})+)([^\W\d_]+)")

#: an ``h`` of Irish lenition, after a consonant (``Bhriain``, ``Dhonnchadha``, ``Donnchadha``)
_LENITION = re.compile(r"(?<=[bcdfgmpst])h")


def _spelt_otherwise(said: str, surname: str) -> bool:
    """Whether ``said`` is ``surname`` spelt otherwise: the same without accents and case and
    without the ``h`` of lenition (``Dhonnchadha``, ``DONNCHADA`` of ``Donnchadha``), or but for
    a letter or two of a long word, as speech-to-text misspells it (``Donnacha``: two of eight,
    one of six or seven with the first letter kept, none of a shorter word)."""
    shorter = min(len(_plain_surname(said)), len(_plain_surname(surname)))
    a, b = (_LENITION.sub("", _plain_surname(w)) for w in (said, surname))
    if a == b:
        return True
    allowed = 2 if shorter >= 8 else 1 if shorter >= 6 and a[:1] == b[:1] else 0
    return allowed > 0 and _edit_distance(a, b) <= allowed


def _edit_distance(a: str, b: str) -> int:
    """The Levenshtein distance of ``a`` and ``b``."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        diagonal, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (ca != cb))
    return row[-1]


#: the kinds of name word a surname's prefix may stand before (:meth:`PseudonymKey._edits`)
_PREFIXABLE_KINDS = frozenset({"part", "common", "surname"})


def _prefix_before(text: str, start: int) -> int | None:
    """Where a surname's prefix of :func:`_surname_prefixes`, written apart or with an
    apostrophe, begins just before the word at ``text[start:]`` (``Mac Briain``, ``ní Briain``,
    ``O'Briain``), else None."""
    before = max(0, start - 20)
    m = _WORD_BEFORE.search(text[before:start])
    if m is None or without_accents(m.group(1)).casefold() not in _surname_prefixes():
        return None
    return before + m.start()


@cache
def _any_prefix() -> str:
    """Any prefix of :func:`_surname_prefixes` as a regular expression, the longest first."""
    return "|".join(_word_regex(p) for p in sorted(_surname_prefixes(), key=len, reverse=True))


@cache
def _any_prefix_in_file_name() -> str:
    """Any prefix of :func:`_surname_prefixes` as a regular expression for a file name."""
    return "|".join(map(_file_word_regex, sorted(_surname_prefixes())))


def _joined_to_any_prefix(word: str) -> str:
    """The surname ``word`` joined to a prefix of :func:`_surname_prefixes`, or with an
    apostrophe, the surname's capital kept (``MacBriain``, ``Nic'Donnchadha``, ``ÓBriain``)."""
    capital = f"(?-i:(?={_letter_regex(word[0].upper())}))"
    return f"(?i:(?:{_any_prefix()})['’]?{capital}{_word_regex(word)})"


def _lenited(word: str) -> str | None:
    """The surname ``word`` lenited as Irish writes it after ``Ní``, ``Uí`` or ``Mhic``: an ``h``
    after its first consonant (``Briain`` -> ``Bhriain``, ``Donnchadha`` -> ``Dhonnchadha``);
    None where it takes none (a vowel, ``l``, ``n``, ``r``) or has it already (``Bhriain``)."""
    first = without_accents(word[:1]).casefold()
    if first not in "bcdfgmpst" or not first or word[1:2].casefold() == "h":
        return None
    return f"{word[0]}h{word[1:]}"


#: the prefixes after which Irish lenites a surname (``Ní Bhriain``, ``Uí Bhriain``, ``Nic
#: Dhonnchadha``, ``Mhic Dhonnchadha``), in lower case without accents
_LENITING_PREFIXES = frozenset({"ni", "ui", "nic", "mhic"})


def _unlenited(word: str, prefix: str) -> str | None:
    """The surname ``word`` written lenited after ``prefix`` (``Bhriain`` of ``Aoife Ní
    Bhriain``, ``Ghiolla`` of ``Niamh Ní Ghiolla``) without the ``h`` of lenition, as her
    father's and brother's is written (``Briain``, ``Giolla``); None after a prefix that does not
    lenite (``Mac Thomas``) or where the word has no such ``h``."""
    if without_accents(prefix).casefold() not in _LENITING_PREFIXES or len(word) < 4:
        return None
    first = without_accents(word[:1]).casefold()
    if first not in "bcdfgmpst" or not first or word[1:2] != "h":
        return None
    return f"{word[0]}{word[2:]}"


def _after_any_prefix(word: str) -> str:
    """The surname ``word`` after a prefix of :func:`_surname_prefixes`, apart, joined or with an
    apostrophe, the surname's capital kept (``Ní Bhriain``, ``NíBhriain``, ``Mhic'Dhonnchadha``)."""
    capital = f"(?-i:(?={_letter_regex(word[0].upper())}))"
    return f"(?i:(?:{_any_prefix()}){_PREFIX_GAP}{capital}{_word_regex(word)})"


def _plain_surname(said: str) -> str:
    """``said`` (a surname with or without its prefix) in lower case without accents, blanks or
    apostrophes: ``Ó Briain``, ``O'Briain`` and ``OBriain`` are one."""
    return without_accents(re.sub(rf"['’\s]|{_NO_WIDTH}", "", said)).casefold()


def _surname_first_regexes(
    words: list[str], prefixes: dict[str, str] | None = None
) -> dict[str, str]:
    """A person's name of ``words`` (given name first) written surname first with a comma, as a
    register or Teams lists people (``Lee, Sam`` and ``LEE, Sam`` for Sam Lee; ``Smith, Mary
    Ann`` and ``Ann Smith, Mary`` for Mary Ann Smith), each as a regular expression and as so
    spelled: the key's one person either way, as her label is
    (:func:`~roqa_nlp.transcripts.roles.given_name_first`). A word that is also an everyday word
    keeps its capital there ("Hope, Mark" of Mark Hope, not "in hope, mark my words"): after a
    comma, in lower case, it is as often the word. A surname's prefix of ``prefixes`` is taken
    with it (``Ó Súilleabháin, Gráinne``: :func:`_name_regex`)."""
    found: dict[str, str] = {}
    blank = f"(?:\\s|{_NO_WIDTH})*"
    for i in range(1, len(words)):
        surname, given = words[i:], words[:i]
        regexes = [
            f"(?-i:(?={_letter_regex(w[0])}))(?i:{_name_regex(w, prefixes)})"
            if _is_everyday_word(w) and w[:1].isupper()
            else _name_regex(w, prefixes)
            for w in [*surname, *given]
        ]
        between = f"(?:\\s|{_NO_WIDTH})+"
        regex = (
            f"(?i:{between.join(regexes[: len(surname)])},{blank}"
            f"{between.join(regexes[len(surname) :])})"
        )
        found[regex] = f"{' '.join(surname)}, {' '.join(given)}"
    return found


def _joined_name_regex(words: list[str], prefixes: dict[str, str] | None = None) -> str:
    """A name's ``words`` joined up as a handle, a user name or an address's local part writes
    them: by dots or underscores in any case (``aisha.rahman``, ``Aisha_Rahman``), or with none
    after an ``@`` (``@aisharahman``, ``@aisha_rahman``) or when each later word keeps its
    capital (``AishaRahman``; not ``almost`` for ``Al Most``); a surname's prefix of
    ``prefixes`` with it or not (``@grainne_osuilleabhain``, ``GrainneOSuilleabhain``)."""
    prefixes = prefixes or {}
    pieces = _words_regexes(words, prefixes, _file_word_regex, r"[\W_]*")

    def capital(word: str) -> str:
        return f"(?-i:{_letter_regex(word[0].upper())}){_file_word_regex(word[1:])}"

    capitalised = [
        pieces[0],
        *_words_regexes(words, prefixes, capital, "['’]?")[1:],
    ]
    if all(_is_everyday_word(w) for w in words):
        # a name of everyday words joined by a hyphen is that person's only as the name is
        # written, each word with its capital (``Will-Power``); in lower case it is the words'
        # own compound (``sheer will-power``, ``rose-water cream``: hunter s78 hunt6 F1)
        titled = _words_regexes(words, prefixes, capital, "")
        return (
            f"(?i:@{'[._]?'.join(pieces)}|@?{'[._]'.join(pieces)}|{'-'.join(titled)}"
            f"|{''.join(capitalised)})"
        )
    return f"(?i:@{'[._]?'.join(pieces)}|@?{'[._-]'.join(pieces)}|{''.join(capitalised)})"


def _number(pseudonym: str) -> int | None:
    m = _PARTICIPANT_NUMBER.fullmatch(_bare(pseudonym))
    return None if m is None else int(m.group(1))


#: a participant's pseudonym or a member's of a case: P07, P04a
_CASE_PSEUDONYM = re.compile(r"P(\d+)[a-z]?", re.IGNORECASE)


def _case_number(pseudonym: str) -> int | None:
    """The number of the case ``pseudonym`` is of (``P04a`` -> 4, ``P07`` -> 7), or None."""
    m = _CASE_PSEUDONYM.fullmatch(_bare(pseudonym))
    return None if m is None else int(m.group(1))


def _where_key(where: str) -> str:
    """A ``transcript`` cell of the key as it is matched: ``/`` between folders, no ``./``
    before, case aside (``.\\P05.txt`` -> ``p05.txt``)."""
    said = where.strip().replace("\\", "/")
    while said.startswith("./"):
        said = said[2:]
    return said.casefold()


def _has_extras(label: str) -> bool:
    """Whether ``label`` holds more than a name and notes of a role or device: a display name's
    emoji or organisation after ``|`` (``Jane Smith | NHS``), or a note in brackets of another
    word (``Bernadette Okonkwo (Calderdale Recovery Hub)``, ``Eleri Pritchard (she/her)``),
    which may name a workplace or say more of the person; a note only of words of
    ``not_names.txt`` or figures (``(Host)``, ``(iPhone)``, ``(2)``) tells of the call alone."""
    core = display_name_core(label)
    if core != " ".join(label.split()):
        return True
    notes = [m.group(0) for m in _BRACKETED.finditer(core)]
    words = [w for note in notes for w in _NOTE_WORD.findall(note.casefold())]
    return bool(_BRACKETED.sub(" ", core).strip()) and any(
        w not in _not_names() and not any(c.isdigit() for c in w) for w in words
    )


def _person(name: str) -> str:
    """``name`` as one person's name is told apart: without a display name's extras, in brackets
    (``(Host)``, ``(she/her)``), an emoji or an organisation after ``|`` (``Jane Smith | NHS``
    and ``🌈 Jane Smith`` are Jane Smith), written surname first or not (``Smith, Jane``:
    :func:`~roqa_nlp.transcripts.roles.given_name_first`, as ``--interviewer`` matches names),
    and, when two or more name words are left, its honorifics; either apostrophe and any
    hyphen alike, case and blanks aside. A role's label with a note (``Carer (Mrs Okonkwo)``:
    :func:`_role_word`) keeps it: the note tells two people of one role apart (``Carer (Mr
    Okonkwo)`` is someone else, codereview s52)."""
    if _role_word(name):
        return " ".join(name.casefold().split())
    plain = _BRACKETED.sub(" ", display_name_core(unicodedata.normalize("NFC", name)))
    plain = given_name_first(plain)
    plain = plain.replace("’", "'").replace("‐", "-").replace("‑", "-")
    words = plain.casefold().split()
    named = [w for w in words if w.rstrip(".") not in honorifics()]
    # a name of two words or more names one person with or without a title; a surname alone
    # does not ("Mrs Patel" is not "Mr Patel")
    return " ".join(named if len(named) >= 2 else words)


#: A pseudonym that stands for one speaker (a participant, a dyad's member, an interviewer), not
#: a role several people may share (``nominated individual``).
_ONE_SPEAKER_PSEUDONYM = re.compile(r"P\d+[a-z]?|Interviewer(?: \d+)?", re.IGNORECASE)


def _warn_of_two_people(
    path: Path, row: int, name: str, pseudonym: str, keyed: dict[str, list[tuple[int, str]]]
) -> None:
    """Warn, naming both rows, when row ``row`` of the key at ``path`` gives a speaker's
    pseudonym to a name that may be a second person's, as docs/privacy.md tells people apart:
    two names of two name words or more with no name word in common (``Zoë Smith`` and
    ``Siobhán Ó Briain`` both ``P09``). Not refused: a researcher merges one person's two
    spellings on purpose (``Jose Garcia`` and ``José García``, ``Elizabeth Smith`` and ``Beth
    Jones``). ``keyed`` holds the rows read so far; ``row`` is added."""
    bare = _bare(pseudonym)
    if not _ONE_SPEAKER_PSEUDONYM.fullmatch(bare):
        return
    words = {w.casefold() for w in name_parts(name)}
    rows = keyed.setdefault(bare.casefold(), [])
    for earlier, other in rows:
        theirs = {w.casefold() for w in name_parts(other)}
        if len(words) >= 2 and len(theirs) >= 2 and not words & theirs:
            warn(
                f"rows {earlier} and {row}: {quoted(other)} and {quoted(name)} are both {bare}, "
                "so their talk is one person's: if they are two people, give each their own "
                "pseudonym (a nickname or another spelling of one person's name may share it)",
                path=path,
                stacklevel=4,
            )
            break
    rows.append((row, name))


def _role_of(pseudonym: str) -> str | None:
    """The role a speaker's pseudonym gives (``Interviewer 2``: interviewer; ``P05``, ``P05a``:
    participant), or None for another (``nominated individual``, ``Chat sender 1``)."""
    bare = _bare(pseudonym)
    if bare.casefold().startswith(_INTERVIEWER.casefold()):
        return "interviewer"
    return "participant" if _CASE_PSEUDONYM.fullmatch(bare) else None


def _bare(pseudonym: str) -> str:
    """The pseudonym as a speaker label: without the square brackets a key may give it."""
    return pseudonym.strip().removeprefix("[").removesuffix("]").strip()


#: a web address, an e-mail address or a hashtag a word stands in: its characters joined to the
#: word ("www.eve-care.org.uk", "eve.jones@nhs.net", "#eve")
_ADDRESS_AROUND = re.compile(r"[^\s\"'()<>\[\]]*")
#: a domain's last part after a word: ``eve-care.org.uk``, ``evecare.com/rota``
_WEB_DOMAIN = re.compile(r"\w\.(?:com|org|net|uk|gov|nhs|edu|io|info|co)(?:[./]|$)")


def _in_an_address(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a word, stands in a web or e-mail address or a hashtag
    (``www.eve-care.org.uk``, ``#eve``): a name there is the address's, not the talk's."""
    before = _ADDRESS_AROUND.search(text[max(0, start - 200) : start][::-1])
    after = _ADDRESS_AROUND.match(text, end)
    left = before.group(0)[::-1] if before is not None else ""
    right = after.group(0).rstrip(".,;:!?") if after is not None else ""
    around = left + text[start:end] + right
    return (
        left.endswith(("#", "@"))
        or "@" in around
        or "://" in around
        or around.casefold().startswith("www.")
        or _WEB_DOMAIN.search(around.casefold()) is not None
    )


def _in_text(pseudonym: str) -> str:
    """The pseudonym where a name stood in the talk: in square brackets."""
    return f"[{_bare(pseudonym)}]"


@dataclass
class PseudonymKey:
    """Names and their pseudonyms (``{"Maria Okafor": "P07"}``), matched case-insensitively.

    :meth:`read` reads a key file (a missing file is an empty key), :meth:`apply` pseudonymises a
    transcript and adds its new speakers, :meth:`write` saves the key; ``added`` lists the names
    added since it was read.
    """

    pseudonyms: dict[str, str] = field(default_factory=dict)
    added: list[str] = field(default_factory=list)
    #: participant numbers the study's files claim (:meth:`reserve`): never given as a free one
    reserved: set[int] = field(default_factory=set, repr=False)
    #: the names of the study's transcripts (:meth:`reserve`), and the new name each renamed one
    #: was given (:meth:`apply`): a renamed transcript never takes another's name
    file_ids: set[str] = field(default_factory=set, repr=False, compare=False)
    renamed: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    #: the rows of one transcript (column ``transcript`` of the key: its path relative to the
    #: key file's folder, ``/`` between folders, as :func:`_where_key` spells it):
    #: ``{"../raw/p05.txt": {"Kate": "P05"}}``, Kate's pseudonym there, where her role is not
    #: the one her row for the study gives (she interviews in P01.txt and is interviewed in
    #: P05.txt). A row applies to that transcript alone, never to another folder's P05.txt
    scoped: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    #: the key file's folder (:meth:`read`), which the ``transcript`` column's paths start
    #: from; None for a key not read from a file: the working folder
    folder: Path | None = field(default=None, repr=False, compare=False)
    #: every interviewer the study's files name in full (:meth:`reserve`: a speaker read as the
    #: interviewer, a header's ``Interviewer: Kate Jones``), as :func:`_person` spells them, each
    #: with its label as written: a first name alone (``Kate``) is one of them only when it is
    #: the first name of no other
    interviewers: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index()
        # the rows of one transcript added since the key was read: (name, pseudonym, file name)
        self._new_scoped: list[tuple[str, str, Transcript]] = []
        # the study's rows while a transcript's own rows stand for some (:meth:`_rows_of`)
        self._study: dict[str, str] = {}
        # the pseudonyms of rows told apart only by accents whose talk was warned of
        # (:meth:`_edits`)
        self._warned_of_accents: set[tuple[str, ...]] = set()
        self._warned_of_short_forms: set[tuple[str, str]] = set()  # (transcript, form)
        # the key file's header and rows as read (:meth:`read`), each row with its name ("" for
        # a row of no name): written back with the researcher's own columns (:meth:`to_csv`)
        self._header: list[str] = []
        # whether the key file opens with a byte order mark: a key read keeps its own choice
        # (re-test s52: a key saved without one gained one); a new key has one, for Excel
        self._bom = True
        self._rows: list[tuple[str, list[str]]] = []
        # the identifier rows found in a transcript rewritten so far (:meth:`unmatched_rows`)
        self._found: set[str] = set()
        self._applied = False
        # transcript id -> (the number its file name gives, the pseudonym its participant was
        # given instead: the key gives that number to someone else), told by :meth:`apply`
        self._renumbered: dict[str, tuple[str, str]] = {}
        # transcript id -> (the number its file name gives, the pseudonym its one participant
        # keeps from another file, that file's name or None for the key's): told by :meth:`apply`
        self._number_kept: dict[str, tuple[str, str, str | None]] = {}
        # a label keyed in this run (case-folded) -> the file name of the transcript keying it
        self._keyed_in: dict[str, str] = {}
        # the transcript rewritten's labels a role's once their notes go, kept apart by number
        self._apart: dict[str, str] = {}
        # transcript id -> (a full name of its file name added as a row, the one-word speaker
        # it was taken for), told by :meth:`apply`
        self._from_file_name: dict[str, list[tuple[str, str]]] = {}
        # transcript id -> (a name the interviewer greets its participant by, keyed as theirs
        # there, their label, the greeting as said), told by :meth:`apply`
        self._from_greeting: dict[str, tuple[str, str, str]] = {}
        # transcript id -> (an interviewer's first name alone, the study's interviewers whose
        # first name it is): keyed as neither's, told by :meth:`apply`
        self._first_name_of_several: dict[str, tuple[str, list[str]]] = {}
        # a first name keyed as an interviewer's, another of that first name new here
        self._first_name_keyed: dict[str, tuple[str, list[str], str]] = {}
        # a participant label keyed for one transcript, its header naming another person
        self._split_by_header_said: dict[str, tuple[str, str, str, str]] = {}
        # transcript id -> (a one-word label, the number of another transcript's participant
        # its study row gives it, who holds that number): :meth:`_split_alias_of_another`
        self._split_alias_said: dict[str, list[tuple[str, str, str]]] = {}
        # a number of :attr:`reserved` -> the file name of the first transcript claiming it
        self._reserved_in: dict[int, str] = {}
        # labels keyed for the transcript :meth:`register` is keying, seen as the study's rows
        # until it is done (:meth:`_key_for_transcript`)
        self._own_in_view: set[str] = set()
        # the transcript column values warned of as naming another folder's file
        # (:meth:`_scope_of`)
        self._warned_of_where: set[str] = set()
        # each transcript column value as the key file spells it (:meth:`read`)
        self._where_written: dict[str, str] = {}
        # each transcript column value's first row in the key file, and the values that named a
        # transcript of the run (:meth:`warn_of_unmatched_rows`)
        self._where_row: dict[str, int] = {}
        self._where_used: set[str] = set()
        # each QDA project of the run (its path as the key names it) -> the values that name
        # each of its sources read (:meth:`_scope_of`) -> that source's name in the QDA program
        self._project_sources: dict[str, dict[str, str]] = {}
        # transcript id, as rewritten -> the source it was read from, for a QDA project's source
        # whose rewritten source is its member file alone (:meth:`as_read`), told by :meth:`apply`
        self._read_from: dict[str, str] = {}
        # the study's speaker labels (blanks single, case-folded), seen by :meth:`register`: a
        # lower-case row of one is roqa's own from that label (``eve,P01`` of ``<v eve>``), in
        # this run or an earlier one, not a spelling the researcher keyed (:meth:`_edits`)
        self._labels: set[str] = set()
        #: each word a row written in lower case replaced in lower case (``kerry,Person A``:
        #: "kerry runs the rota") -> the transcripts (ids as read) -> how often: listed to check
        #: that each reads as the name (:func:`replaced_in_lower_case_lines`)
        self.replaced_in_lower_case: dict[str, dict[str, int]] = {}

    def _index(self) -> None:
        """Look-ups of :attr:`pseudonyms` by name as written, by person and without accents."""
        self._by_key = {name.casefold(): p for name, p in self.pseudonyms.items()}
        self._by_person: dict[str, set[str]] = {}
        self._by_plain: dict[str, set[str]] = {}  # the person's name without accents
        for name, p in self.pseudonyms.items():
            self._by_person.setdefault(_person(name), set()).add(p)
            self._by_plain.setdefault(without_accents(_person(name)), set()).add(p)

    def _where_of(self, transcript: Transcript, folder: Path | None = None) -> str:
        """``transcript`` as the key's ``transcript`` column names it: its file's path relative
        to ``folder`` (else the key file's, :attr:`folder`, else the working folder), ``/``
        between folders (``P05.txt`` beside the key, ``../raw/P05.txt``); its id when it was
        read from no file."""
        if not transcript.source:
            return transcript.id
        start = folder or self.folder or Path.cwd()
        source = Path(transcript.source).resolve()
        try:
            return Path(os.path.relpath(source, start)).as_posix()
        except ValueError:  # on another drive than the key (Windows): no path from one to it
            return source.as_posix()

    def _scope_of(self, transcript: Transcript) -> str | None:
        """The key of :attr:`scoped` that names ``transcript`` (:meth:`_where_of`, with or
        without its file's extension; a QDA project's source also by its project's path and its
        name in the QDA program, ``../raw/study.qdpx:p06``, as messages name it), if any. A row
        naming a file of the same name elsewhere (``P05.txt`` beside the key, for
        ``siteB/P05.txt``) is not this transcript's: it is warned of once, with the value that
        would name it. Before session 47's re-test a row applied to every file of its name, in
        any folder. The rows of a project's path alone (``../raw/study.qdpx``) are each of its
        sources' (:meth:`_project_rows`), never this one's alone: a row added here is not put
        among them (session 76 hunt H2: one source's rows were written into them and the next
        source took them)."""
        where = _where_key(self._where_of(transcript))
        named = {where, where.rsplit(".", 1)[0] if "." in where.rsplit("/", 1)[-1] else where}
        # a QDA project's source: that path and the source's name in the QDA program, as
        # messages name it ("study.qdpx: source 'p06'"), not only the member file the project
        # keeps its text in (s75 tester pseudo, L3)
        project = self._project_of(transcript)
        if project is not None:
            source_name = str(transcript.metadata.get("refi_name") or transcript.id)
            named.add(f"{project}:{source_name.strip().casefold()}")
            sources = self._project_sources.setdefault(project, {})
            sources.update(dict.fromkeys(named, source_name.strip()))
            if project in self.scoped:
                self._where_used.add(project)
        found = [w for w in self.scoped if w in named]
        self._where_used.update(found)
        if len(found) > 1:  # rows naming it with and without its extension: one set of rows
            merged: dict[str, str] = {}
            for w in reversed(found):  # the first spelling's row wins
                merged.update(self.scoped[w])
            for w in found:
                self.scoped[w] = merged
        if found:
            return found[0]
        if project is not None and project in self.scoped:
            return None  # the project's rows are its (:meth:`_own_rows`)
        base = {n.rsplit("/", 1)[-1] for n in (named if project is None else named | {project})}
        for other in sorted(self.scoped):
            if other.rsplit("/", 1)[-1] in base and other not in self._warned_of_where:
                self._warned_of_where.add(other)
                warn(
                    "the pseudonym key's rows for the transcript "
                    f"'{self._where_written.get(other, other)}' are not this one's: "
                    "that column gives a transcript's path from the key file's folder, so "
                    f"they apply to that file alone; if they are this transcript's, write "
                    f"'{self._where_of(transcript)}' there",
                    path=transcript_named(transcript),
                )
        return None

    def _project_of(self, transcript: Transcript) -> str | None:
        """The key of :attr:`scoped` that names the QDA project ``transcript`` is a source of,
        by the project's path alone (``../raw/study.qdpx``), whether or not the key has rows
        for it; None for a transcript of no project."""
        project, qdpx, _member = _where_key(self._where_of(transcript)).rpartition(".qdpx:")
        if project and qdpx and transcript.metadata.get("format") == "qdpx":
            return project + ".qdpx"
        return None

    def _own_rows(self, transcript: Transcript, where: str | None) -> dict[str, str]:
        """``transcript``'s own rows (``where``, :meth:`_scope_of`) over the rows of its QDA
        project's path (``../raw/study.qdpx``), which give each of the project's sources a
        pseudonym for the people its own rows do not name: a source's own row
        (``../raw/study.qdpx:p07``) wins there, and never reaches another source."""
        own = self.scoped.get(where or "", {})
        project = self._project_of(transcript)
        shared = self.scoped.get(project or "", {})
        if not shared:
            return own
        theirs = {_person(name) for name in own}
        return {n: p for n, p in shared.items() if _person(n) not in theirs} | own

    @contextmanager
    def _rows_of(self, transcript: Transcript) -> Iterator[None]:
        """:attr:`pseudonyms` as ``transcript`` reads them while in the block: the study's rows,
        but for its own rows' people (:meth:`_own_rows`), who are those rows there. A name added
        in the block is the study's."""
        where = self._scope_of(transcript)
        own = self._own_rows(transcript, where)
        if where is None and not own:
            yield
            return
        study = self.pseudonyms
        theirs = {_person(name) for name in own}
        self.pseudonyms = {n: p for n, p in study.items() if _person(n) not in theirs} | own
        self._study = study
        self._index()
        try:
            yield
        finally:
            self._study = {}
            added_here = self.scoped.get(where or _where_key(self._where_of(transcript)), {})
            for name, p in self.pseudonyms.items():
                if name not in study and name not in own and name not in added_here:
                    study[name] = p
            self.pseudonyms = study
            self._index()

    def _split_by_header(self, transcript: Transcript) -> None:
        """Give ``transcript``'s one participant label a row of its own (:attr:`scoped`) when
        the key gives it the pseudonym of a person another header named (``Manager,P01`` and
        ``Maria Okafor,P01``) and this header names someone the key does not hold (``Dean
        Hughes``): the header names the pseudonym's owner, so a label of a role or job title
        (``Manager:`` in every file of a study of managers) carries no one across files.
        Before session 47 Dean Hughes was keyed P01 too, two people joined unsaid; a key row
        per transcript keeps them apart on every run, where a warning alone would not."""
        header = [n for n, r in _header_people(transcript).items() if r == "participant"]
        speakers = _speakers(transcript)
        labels = [s for s, r in speakers.items() if r == "participant"]
        if len(header) != 1 or len(labels) != 1 or self.get(header[0]) is not None:
            return
        (label,), (named,) = labels, header
        where = self._scope_of(transcript)
        own = self._own_rows(transcript, where)
        known = self.get(label)
        if known is None or any(_person(n) == _person(label) for n in own):
            return
        owners = [
            n
            for n, p in self.pseudonyms.items()
            if _bare(p) == _bare(known)
            and _person(n) not in (_person(label), _person(named))
            and not is_role_label(n)
            and len(n.split()) > 1
        ]
        if not owners:
            return
        taken = {s.casefold() for s in speakers if is_role_label(s)}
        pseudonym = self._new_pseudonym("participant", _number_hint(transcript), taken)
        self._add_own_row(transcript, where, label, pseudonym)
        said = " ".join(label.split())
        self._split_by_header_said[transcript.id] = (said, _bare(known), owners[0], named)

    def _split_by_file_number(self, transcript: Transcript) -> None:
        """Give ``transcript``'s one participant labelled by one word (``Kate:`` in p52.txt) a
        row of its own (:attr:`scoped`) when the key gives that word the number of another
        file's participant (``Kate,P51``, of p51.txt): a first name alone is as likely someone
        else in another interview, and a participant takes the number in her file's name, so
        she is P52 there. Re-test s52 (reprivacy, 4): both Kates were P51, one case. A key row
        for this transcript (``Kate,P51,p52.txt``) says otherwise, and is kept. Where the key
        gives the file's number to someone else (``Joan Smith,P03`` beside ``Interview 03 -
        Mohammed.txt``), a number no file of the run claims (``Mohammed,P04``, the next free
        one she was given for the clash) is hers, and stays so (tester s57 privacy, 2: a row
        ``Mohammed,P05`` of the file's own made one participant two pseudonyms)."""
        hint = _number_hint(transcript)
        number = None if hint is None else _number(hint)
        if hint is None or number is None:
            return
        speakers = _speakers(transcript)
        labels = [
            s
            for s, r in speakers.items()
            if r == "participant" and not _names_no_one(s) and not _role_word(s)
        ]
        if len(labels) != 1 or (len(labels[0].split()) != 1 and name_parts(labels[0])):
            return  # a first name alone, or no name's word at all (Support Worker, in a key
            # from before session 73: Support Worker,P51)
        (label,) = labels
        where = self._scope_of(transcript)
        if any(_person(n) == _person(label) for n in self._own_rows(transcript, where)):
            return
        known = self.get(label)
        if known is None or _role_of(known) != "participant":
            return
        if _case_number(known) in (None, number):
            return
        if _case_number(known) not in self.reserved and self._number_of_others(hint, transcript):
            return
        taken = {s.casefold() for s in speakers if is_role_label(s)}
        self._add_own_row(transcript, where, label, self._new_pseudonym("participant", hint, taken))

    def _split_alias_of_another(self, transcript: Transcript) -> None:
        """Give ``transcript``'s participant labelled by one word (``TL:``) a row of its own
        (:attr:`scoped`) when the key's row for the study gives that word the number of another
        transcript's participant (``TL,P04``), who does not speak here: a number label of
        another file of the run (``P04:`` in interview_04.vtt, or its file's or header's number:
        :attr:`reserved`), or another person's row (``Maria Okafor,P04``). Before session 77 a
        label of one word read beside the number as that participant's alias (``P04:`` and
        ``TL:`` in interview_04) was keyed for the study, so ``TL:`` in Sarah Jones's interview
        became P04, P04 speaking in P05's copy, unsaid (s78 pfix, 4). Today's rows of such an
        alias name their transcript; a one-word label that is a participant of its own keeps
        its number everywhere, as no one else holds it. Told once, when the row is added
        (:meth:`_tell_of_split_alias`): on later runs the transcript's own row stands."""
        from .transcripts.roles import case_label, study_id_number

        speakers = _speakers(transcript)
        where = self._scope_of(transcript)
        own = self._own_rows(transcript, where)
        hint = _number_hint(transcript)
        here = set() if hint is None or _number(hint) is None else {_number(hint)}
        for s in speakers:  # the numbers spoken here: a number label's, a keyed speaker's
            found = study_id_number(case_label(s)) if _names_no_one(s) else None
            if found is not None:
                here.add(int(found[1:]))
        taken = {s.casefold() for s in speakers if is_role_label(s)}
        for label, role in speakers.items():
            if role != "participant" or len(label.split()) != 1 or _names_no_one(label):
                continue
            if _role_word(label) or any(_person(n) == _person(label) for n in own):
                continue
            known = self.get(label)
            number = None if known is None else _case_number(known)
            if known is None or number is None or number in here:
                continue
            if any(
                _case_number(self.get(s) or "") == number
                for s in [*speakers, *_header_people(transcript)]
                if _person(s) != _person(label)
            ):
                continue  # another label or the header here is that participant: an alias
            holder = next(
                (
                    n
                    for n, p in self.pseudonyms.items()
                    if _case_number(p) == number
                    and _person(n) != _person(label)
                    and _person(label) not in _person(n).split()  # Kate of Kate Smith
                    and _person(label) != "".join(w[:1] for w in _person(n).split())  # MO
                ),
                None,
            )
            if holder is None and number not in self.reserved:
                continue  # a participant of its own, keyed by an earlier run
            pseudonym = self._new_pseudonym("participant", hint, taken)
            self._add_own_row(transcript, where, label, pseudonym)
            own = self._own_rows(transcript, self._scope_of(transcript))
            said = " ".join(label.split())
            whose = (
                f"{holder}'s row of the key"
                if holder is not None
                else self._reserved_in.get(number, "another transcript of this run")
            )
            self._split_alias_said.setdefault(transcript.id, []).append((said, _bare(known), whose))

    def _tell_of_split_alias(self, transcript: Transcript) -> None:
        """Warn, one line a label, of a label :meth:`_split_alias_of_another` keyed for this
        transcript."""
        for label, known, whose in self._split_alias_said.pop(transcript.id, []):
            here = _bare(self.get(label) or "")
            warn(
                f"the label '{label}' is keyed {known} for the whole study, but {known} is the "
                f"participant of {whose} and does not speak here, so here '{label}' is {here}, "
                f"in a row for this transcript alone added to the key (column transcript); a key "
                f"from before session 77 keyed a label read as {known}'s alias in one interview "
                f"so: give that row the transcript it is {known}'s in, and if '{label}' here is "
                f"{known} too, delete the row added",
                path=transcript_named(transcript),
            )

    def _tell_of_split_by_header(self, transcript: Transcript) -> None:
        """Warn, in one line, of a label :meth:`_split_by_header` keyed for this transcript."""
        found = self._split_by_header_said.pop(transcript.id, None)
        if found is None:
            return
        label, known, owner, named = found
        here = _bare(self.get(label) or "")
        warn(
            f"the label '{label}' is keyed {known}, the pseudonym of {owner}, but the header "
            f"names {named} the participant, so here it is {here}, in a row for this transcript "
            f"alone added to the key (column transcript): if they are one person, delete that "
            f"row and give {named} {known}",
            path=transcript_named(transcript),
        )

    def _split_roles(self, transcript: Transcript) -> None:
        """Give a row of ``transcript``'s own (:attr:`scoped`) to each of its speakers whom the
        key gives a pseudonym of the other role (``Kate,Interviewer``, where Kate is the one
        interviewed: ``Kate,P05,P05.txt``), and none here yet: the study's row stays hers
        where she interviews. Before session 47 her answers there were ``Interviewer:``. Not in
        a transcript where no one was read as the interviewer: its roles are unknown, and a
        keyed interviewer there keeps her row. A row the key held before this run (not one of
        :attr:`added`) is warned of too (:meth:`_check_role`): it may be a mistake."""
        where = self._scope_of(transcript)
        own = self._own_rows(transcript, where)
        speakers = _speakers(transcript)
        if "interviewer" not in speakers.values():
            return
        taken = {s.casefold() for s in speakers if is_role_label(s)}
        for speaker, role in speakers.items():
            known = self.get(speaker)
            if known is None or _names_no_one(speaker) or _role_of(known) in (None, role):
                continue
            if any(_person(name) == _person(speaker) for name in own):
                continue
            hint = _number_hint(transcript) if role == "participant" else None
            pseudonym = self._new_pseudonym(role, hint, taken)
            if not any(_person(a) == _person(speaker) for a in self.added):
                self._check_role(transcript, speaker, role, known, pseudonym)
            self._add_own_row(transcript, where, speaker, pseudonym)
            where = self._scope_of(transcript)
            own = self._own_rows(transcript, where)

    def _add_own_row(
        self, transcript: Transcript, where: str | None, label: str, pseudonym: str
    ) -> dict[str, str]:
        """Key ``label`` (its blanks made single) as ``pseudonym`` in a row of ``transcript``'s
        own, added to the rows the key holds for it already (``where``, :meth:`_scope_of`,
        however their cell spells it), and return those rows."""
        own = self.scoped.setdefault(where or _where_key(self._where_of(transcript)), {})
        said = " ".join(label.split())
        own[said] = pseudonym
        self._new_scoped.append((said, pseudonym, transcript))
        self.added.append(said)
        return own

    def __len__(self) -> int:
        # a transcript named two ways in the key shares one set of rows (:meth:`_scope_of`)
        owns = {id(own): own for own in self.scoped.values()}
        return len(self.pseudonyms) + sum(len(own) for own in owns.values())

    def __repr__(self) -> str:
        # never the names: a repr ends up in logs and notebooks that are shared
        return f"PseudonymKey({len(self)} names, {len(self.added)} added)"

    def role_of_name(self, name: str) -> str | None:
        """The role the pseudonym the key gives ``name`` (:meth:`get`) says, ``interviewer``
        (``Interviewer 2``) or ``participant`` (``P05``), else None: the key's word on who
        interviews, which a guess from who asks the questions need not be warned of."""
        pseudonym = self.get(name)
        return None if pseudonym is None else _role_of(pseudonym)

    def get(self, name: str) -> str | None:
        """The pseudonym of ``name`` (any case, blanks collapsed), or None; a name the key does
        not hold as written is that of a person it does when they are one person but for the
        extras of a display name, an honorific or the apostrophe (``Mary-Jane O’Neill`` is
        ``Mary-Jane O'Neill``, ``Hannah Whitfield (Host)`` is ``Hannah Whitfield``) and the key
        gives that person one pseudonym. Failing that, a name the key holds only with other
        accents (``Siobhan O'Brien`` for ``Siobhán O’Brien``) is that person's when the key gives
        all its spellings one pseudonym: a row spelled as written always wins."""
        spelled = self._as_spelled(name)
        if spelled is not None or _person(name) in self._by_person:
            return spelled
        found = self._by_plain.get(without_accents(_person(name)), set())
        return next(iter(found)) if len(found) == 1 else None

    def _as_spelled(self, name: str) -> str | None:
        """:meth:`get` with the name's accents as written: two rows whose names differ only by
        accents are two people's when the key gives them two pseudonyms (regression hunt R3)."""
        exact = self._by_key.get(" ".join(name.split()).casefold())
        if exact is not None:
            return exact
        found = self._by_person.get(_person(name), set())
        return next(iter(found)) if len(found) == 1 else None

    def add(self, name: str, pseudonym: str) -> None:
        """Give ``name`` a pseudonym (an error if it has another one)."""
        name = " ".join(name.split())
        pseudonym = " ".join(pseudonym.split())
        if not name or not pseudonym:
            raise RoqaError("a pseudonym key entry needs a name and a pseudonym")
        if is_placeholder_speaker(name):
            raise RoqaError(
                _placeholder_refused(name),
                hint="give a pseudonym to the person, once their turns name them",
            )
        old = self._by_key.get(name.casefold())  # as written: variants may each have a row
        if old is not None and old != pseudonym:
            raise RoqaError(
                f"{quoted(name)} has two pseudonyms, {quoted(old)} and {quoted(pseudonym)}",
                hint="keep one row per name in the pseudonym key",
            )
        # the person under another spelling; not another's accents: a row of its own
        known = None if old is not None else self._as_spelled(name)
        if known is not None and known != pseudonym:
            raise RoqaError(
                f"{quoted(name)} is {quoted(known)} in the pseudonym key already (under another "
                f"spelling of the name), so cannot be {quoted(pseudonym)}",
                hint="give one person one pseudonym: use the key's, or change its row",
            )
        if old is None:
            self.pseudonyms[name] = pseudonym
            self._by_key[name.casefold()] = pseudonym
            self._by_person.setdefault(_person(name), set()).add(pseudonym)
            self._by_plain.setdefault(without_accents(_person(name)), set()).add(pseudonym)
            self.added.append(name)

    # -- reading and writing -------------------------------------------------------------------

    @classmethod
    def read(cls, path: str | Path, *, new: bool = False) -> PseudonymKey:
        """The key in ``path`` (CSV with ``name`` and ``pseudonym`` columns; comma, semicolon or
        tab separated, UTF-8 or UTF-16 with BOM), or an empty key when the file does not exist.
        Its other columns are kept, and written back by :meth:`write`; a workbook, or a new key
        not named ``.csv``, is a one-line error (:func:`check_key_file`).

        An empty key numbers the study's people afresh, so a path that does not exist is a
        :class:`~roqa_nlp.errors.RoqaWarning` (a mistyped path would give participants other
        pseudonyms), as ``roqa code`` warns; ``new=True`` says a new key is meant, without it.
        """
        from .io import (
            EXCEL_BOM,
            csv_delimiter,
            decode_text,
            from_the_header,
            read_bytes,
            spreadsheet_text,
        )

        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(
                f"PseudonymKey.read() takes the key file's path, not {a_type(path)} "
                "(e.g. PseudonymKey.read('private/key.csv'))"
            )
        p = Path(path)
        if p.is_dir():
            raise key_is_a_folder(p)
        check_key_file(p)
        if not p.exists():
            if not new:
                warn(
                    "no pseudonym key there, so a new one is started: if this study already has "
                    "a key, give its path (a new key numbers people afresh, and its pseudonyms "
                    "would be those of other participants); PseudonymKey.read(path, new=True) "
                    "starts one without this warning",
                    path=p,
                )
            return cls(folder=p.resolve().parent)
        raw = read_bytes(p)
        text, skipped = from_the_header(decode_text(raw, p))  # blank lines above the header
        rows = [
            [spreadsheet_text(c) for c in row]  # as to_csv guarded them
            for row in csv.reader(io.StringIO(text), delimiter=csv_delimiter(text))
        ]
        columns = [c.strip().lower() for c in rows[0]] if rows else []
        if any(c not in columns for c in KEY_COLUMNS):
            raise RoqaValueError(
                "not a pseudonym key: it needs the columns name and pseudonym",
                path=p,
                hint="a key's first line is name,pseudonym; to start a new key, give a file name "
                "not yet used, and roqa writes it",
            )
        at_name, at_pseudonym = columns.index("name"), columns.index("pseudonym")
        at_where = columns.index(_TRANSCRIPT) if _TRANSCRIPT in columns else None
        key = cls(folder=p.resolve().parent)
        placeholders: list[tuple[int, str, str]] = []
        keyed: dict[str, list[tuple[int, str]]] = {}  # speaker pseudonym -> its rows so far
        for i, row in enumerate(rows[1:], 2 + skipped):
            name = row[at_name].strip() if at_name < len(row) else ""
            pseudonym = row[at_pseudonym].strip() if at_pseudonym < len(row) else ""
            if not name and not pseudonym:
                if any(c.strip() for c in row):  # a note in a column of the researcher's
                    key._rows.append(("", row))
                continue
            if name and pseudonym and is_placeholder_speaker(name):
                placeholders.append((i, name, pseudonym))  # keyed before session 35
                continue
            if not name or not pseudonym:
                raise RoqaError(
                    f"row {i}: {'no name' if not name else 'no pseudonym'}",
                    path=p,
                    hint="every row gives a name and its pseudonym",
                )
            where = row[at_where].strip() if at_where is not None and at_where < len(row) else ""
            if where:  # a row of one transcript: kept as read
                own = key.scoped.setdefault(_where_key(where), {})
                said = " ".join(name.split())
                # two rows of one name there: the later row won, unsaid (re-test, session 47)
                old = next((q for n, q in own.items() if n.casefold() == said.casefold()), None)
                if old is not None and old != pseudonym:
                    raise RoqaError(
                        f"row {i}: {quoted(name)} has two pseudonyms, {quoted(old)} and "
                        f"{quoted(pseudonym)}, in the transcript {quoted(where)}",
                        path=p,
                        hint="keep one row per name and transcript in the pseudonym key",
                    )
                own[said] = pseudonym
                key._where_written.setdefault(_where_key(where), where)
                key._where_row.setdefault(_where_key(where), i)
                key._rows.append(("", row))
                continue
            _warn_of_two_people(p, i, name, pseudonym, keyed)
            try:
                key.add(name, pseudonym)
            except RoqaError as e:
                raise RoqaError(f"row {i}: {e}", path=p) from None
            key._rows.append((" ".join(name.split()), row))
        for i, name, pseudonym in placeholders:
            sharing = [n for n, q in key.pseudonyms.items() if _bare(q) == _bare(pseudonym)]
            shared = (
                f" (it shared {_bare(pseudonym)} with {', '.join(map(quoted, sharing))}: if "
                "they are different people, give each their own pseudonym)"
                if sharing
                else ""
            )
            warn(f"row {i}: {_placeholder_refused(name)}: left out of the key{shared}", path=p)
        key._header = [c.lstrip("\ufeff") for c in rows[0]]
        key._bom = raw.startswith(EXCEL_BOM.encode("utf-8"))
        key.added = []
        return key

    def to_csv(self, folder: Path | None = None) -> str:
        """The key as CSV text (a transcript's own rows naming it from ``folder``, the folder the
        key is written to, else :attr:`folder`: :meth:`_where_of`): header ``name,pseudonym``,
        or that of the file it was read from, whose other columns (a consent date, an e-mail
        address, notes) are kept, in
        their order, with each row's cells, rows of no name too; a name added since has empty
        cells there. A column of no header and no cell (the empty columns Excel may leave at
        a sheet's right) is left out."""
        from .io import spreadsheet_csv

        if not self._header and not self._new_scoped:
            return spreadsheet_csv([KEY_COLUMNS, *self.pseudonyms.items()])
        header = list(self._header or KEY_COLUMNS)
        columns = [c.strip().lower() for c in header]
        if self._new_scoped and _TRANSCRIPT not in columns:
            header.append(_TRANSCRIPT)
            columns.append(_TRANSCRIPT)
        at_name, at_pseudonym = columns.index("name"), columns.index("pseudonym")
        at_where = columns.index(_TRANSCRIPT) if _TRANSCRIPT in columns else -1
        width = max([len(header), *(len(row) for _, row in self._rows)])
        kept = [
            i
            for i in range(width)
            if i in (at_name, at_pseudonym, at_where)
            or (i < len(header) and header[i].strip())
            or any(i < len(row) and row[i].strip() for _, row in self._rows)
        ]

        def line(cells: Iterable[str], name: str | None = None) -> list[str]:
            out = list(cells)[:width]
            out += [""] * (width - len(out))
            if name is not None:
                out[at_name], out[at_pseudonym] = name, self.pseudonyms[name]
            return [out[i] for i in kept]

        def own_row(name: str, pseudonym: str, transcript: Transcript) -> list[str]:
            out = [""] * width
            where = self._where_of(transcript, folder)
            out[at_name], out[at_pseudonym], out[at_where] = name, pseudonym, where
            return [out[i] for i in kept]

        out = [line(header)]
        written: set[str] = set()
        for name, cells in self._rows:
            if not name:
                out.append(line(cells))
            elif name in self.pseudonyms:  # as the key holds it now
                out.append(line(cells, name))
                written.add(name)
            elif name.casefold() in self._by_key:
                # a row of the name in another case ("Kerry" beside "kerry"), its pseudonym the
                # same (else read refused it): the user's row, as read (s75 tester pseudo, K1)
                out.append(line(cells))
        out += [line([], name) for name in self.pseudonyms if name not in written]
        out += [own_row(*row) for row in self._new_scoped]
        return spreadsheet_csv(out)  # a speaker's name typed as "=..." runs nothing in Excel

    def write(self, path: str | Path) -> Path:
        """Write the key to ``path`` atomically (UTF-8, with a BOM so Excel shows accents unless
        the key was read from a file without one, whose choice it keeps), for its owner alone (mode
        ``0600``, or the file's own when stricter): it re-identifies."""
        from .io import EXCEL_BOM, atomic_write_text

        check_key_file(path)
        check_key_apart(path)
        text = self.to_csv(Path(path).resolve().parent)
        atomic_write_text(path, (EXCEL_BOM if self._bom else "") + text, private=True)
        return Path(path)

    # -- pseudonymising ------------------------------------------------------------------------

    def _new_pseudonym(self, role: str, number_hint: str | None, taken: set[str]) -> str:
        used = {p.casefold() for p in self._every_pseudonym()} | taken
        if role == "interviewer":
            k = 1
            while (_INTERVIEWER if k == 1 else f"{_INTERVIEWER} {k}").casefold() in used:
                k += 1
            return _INTERVIEWER if k == 1 else f"{_INTERVIEWER} {k}"
        # a lettered member's number is taken too: P04a and P04b are the case P04
        numbers = {n for n in (_case_number(p) for p in used) if n is not None}
        hinted = None if number_hint is None else _number(number_hint)
        if number_hint is not None and hinted is not None and hinted not in numbers:
            return number_hint  # as the file name writes it: P07, P7
        # after every number the key and the study's files claim, read or not yet: the same in
        # any order of the files (tester s51 privacy, 9: P02 read first, P04 read last); a
        # number below it is never filled in, as it may be a withdrawn participant's
        n = max(numbers | self.reserved, default=0) + 1
        return f"P{n:02d}"

    def _every_pseudonym(self) -> list[str]:
        """The pseudonyms of the key's rows, the study's and each transcript's own."""
        scoped = [p for own in self.scoped.values() for p in own.values()]
        return [*self.pseudonyms.values(), *self._study.values(), *scoped]

    def _new_member(self, number: str, taken: set[str]) -> str:
        """The first of ``number`` lettered (``P04a``, ``P04b`` ... ``P04z``) that no one has:
        a member of the case ``number``, as a joint interview's are written."""
        used = {p.casefold() for p in self._every_pseudonym()} | taken
        letter = next((c for c in ascii_lowercase if f"{number}{c}".casefold() not in used), None)
        if letter is None:  # 26 members of one case: the next free numbers
            return self._new_pseudonym("participant", None, taken)
        return f"{number}{letter}"

    def reserve(self, transcript: Transcript) -> None:
        """Keep the participant number ``transcript``'s file name or header gives (``p18.docx``,
        ``Participant ID: P18``), and that of its participants' id labels (``P18``, a joint
        interview's ``P05a``), for its own participant: a speaker of another transcript,
        registered before it, is never given that number as the next free one (a focus group's
        members took P18-P20, and p18.docx's participant P21)."""
        from .transcripts.roles import case_label, study_id_number

        self.file_ids.add(transcript.id)
        for label in {t.speaker for t in transcript.turns if t.role == "interviewer"}:
            self.interviewers.setdefault(_person(label), " ".join(label.split()))
        for name, role in _header_people(transcript).items():
            if role == "interviewer":
                self.interviewers.setdefault(_person(name), " ".join(name.split()))
        hint = _number_hint(transcript)
        number = None if hint is None else _number(hint)
        if number is not None:
            self.reserved.add(number)
            self._reserved_in.setdefault(number, transcript_named(transcript))
        for label in {t.speaker for t in transcript.turns if t.role == "participant"}:
            # P17, P05a, P17 (RM); not a template's Participant 1
            found = study_id_number(case_label(label))
            if found is not None:
                self.reserved.add(int(found[1:]))
                self._reserved_in.setdefault(int(found[1:]), transcript_named(transcript))

    def register_study(self, transcripts: Sequence[Transcript]) -> None:
        """Add the speakers of a study's ``transcripts`` (one file or many) to the key, as
        ``roqa pseudonymise`` and ``roqa code --pseudonymise`` both do, so their pseudonyms
        match: the numbers every file claims first (:meth:`reserve`), then every speaker, in
        :func:`keying_order` (a full name is replaced in every transcript; a joint interview's
        members after their own interviews key them). Hunt s61 pseudo, 2: ``code
        --pseudonymise`` of one file reserved nothing, so a lone fg04.txt's members were
        P01-P04 there and P05-P08 in ``roqa pseudonymise``."""
        for t in transcripts:  # the numbers files claim, before any is given as a free one
            self.reserve(t)
        for t in sorted(transcripts, key=keying_order):
            self.register(t)

    def register(self, transcript: Transcript) -> None:
        """Add the speakers of ``transcript`` who are not yet in the key (see the module
        docstring), without rewriting it or warning of it (:meth:`apply` does). Registering
        every transcript of a study before rewriting any (as ``AutoCoder.code`` does) lets a
        full name be replaced in an interview read before the one its person speaks in."""
        self._labels |= {" ".join(t.speaker.split()).casefold() for t in transcript.turns}
        self._split_roles(transcript)
        self._split_by_header(transcript)
        self._split_by_file_number(transcript)
        self._split_alias_of_another(transcript)
        with self._rows_of(transcript):
            self._register(transcript)
            self._key_greeted_name(transcript)
        for label in self._own_in_view:  # this transcript's own rows (:meth:`_key_for_transcript`)
            self.pseudonyms.pop(label, None)
        if self._own_in_view:
            self._own_in_view.clear()
            self._index()

    def _key_for_transcript(self, transcript: Transcript, label: str, pseudonym: str) -> None:
        """Key ``label``, a participant's of no words of a name (a job's title or a kin word,
        ``Support Worker``, ``Peer Worker``, ``Mum``; a device's, ``iPhone``), as ``pseudonym``
        in a row of ``transcript``'s own (:meth:`_add_own_row`), seen by :meth:`get` until
        :meth:`register` is done with it. Such a label is no one across files: a row of the key
        for the study made every file's ``Support Worker`` one person, one case (session 73: the
        support workers of p51.txt and p52.txt were both P51). The row keeps the pseudonym it
        was given on later runs, where the file's name gives no number (the next free one)."""
        own = self._add_own_row(transcript, self._scope_of(transcript), label, pseudonym)
        said = " ".join(label.split())
        if self.pseudonyms is not own:
            self.pseudonyms[said] = pseudonym
            self._own_in_view.add(said)
        self._index()

    def _key_greeted_name(self, transcript: Transcript) -> None:
        """Key the one name the interviewer greets ``transcript``'s one participant by before
        they first speak (:func:`_greeted_name`: "Hi Ruth, thanks for joining" above ``Team
        Leader:``) as that participant's pseudonym, in a row of that transcript alone
        (:meth:`_key_for_transcript`), when their label holds no word of a name (a job's title,
        a kin word: its row is the transcript's too) and the key has no row of that name. The
        label says who they are, the greeting their name: left, it named them in the codings and
        the report (session 73 study3 tester, D4 ii). A row a key has already stands."""
        found = _greeted_name(transcript)
        if found is None:
            return
        label, name, greeting = found
        pseudonym = self.get(label)
        if pseudonym is None or self.get(name) is not None:
            return
        self._key_for_transcript(transcript, name, _bare(pseudonym))
        self._from_greeting[transcript.id] = (name, label, greeting)

    def _register(self, transcript: Transcript) -> None:
        """:meth:`register`, with the key's rows as ``transcript`` reads them."""
        from .transcripts.roles import case_label, participant_number_label, study_id_number

        speakers = _speakers(transcript)
        taken = {s.casefold() for s in speakers if is_role_label(s)}
        hint = _number_hint(transcript)
        # the numbers its participants speak under (P07 in P07.txt): a file name's number one of
        # them keeps is no one else's, so a speaker given another is not renumbered
        spoken = {study_id_number(case_label(s)) for s in speakers if _names_no_one(s)}
        own = {_number(n) for n in spoken if n is not None}
        person_of = _one_person_labels(speakers, transcript.participant)
        members = _several_interviewed(speakers, transcript.participant)
        if members and hint is not None and _members_take_free_numbers(transcript, speakers):
            # a focus group whose file's id is a group's (fg01_zoom.vtt, case FG01): lettered
            # P01a, P01b, its members were read back as the case P01, another's (the
            # participant of p01_interview.txt: tester s61 focus, 1); each takes a free number
            hint = None
        case = hint
        # a one-word speaker's full name of the file name that the key has ("Rhiannon:" in
        # "Interview 03 - Rhiannon Llewellyn.txt", the row Rhiannon Llewellyn,P03): that row's
        # person (re-tester s51, 2: she was given P04 and the row "Rhiannon,P04")
        from_file = _full_names_in_file_name(transcript, speakers)
        keyed_in_file_name = {
            speaker: _bare(row)
            for name, speaker in from_file.items()
            if (row := self.get(name)) is not None
        }
        if members and hint is not None and self._number_of_others(hint, transcript):
            # the file's number is someone else's (a batch before gave it), so these people
            # are another case: the next free number's, as one speaker would take
            case = self._new_pseudonym("participant", None, taken)
        for speaker, role in speakers.items():
            if _names_no_one(speaker) or _role_alone(speaker) or self.get(speaker) is not None:
                continue
            labels, number = person_of.get(speaker, ([speaker], None))
            theirs = [p for p in (self.get(s) for s in labels) if p is not None]
            if theirs:  # keyed under another of their labels in an earlier run
                pseudonym = _bare(theirs[0])
            elif speaker in keyed_in_file_name:
                pseudonym = keyed_in_file_name[speaker]
            elif number is not None:  # renamed to their participant number: P17
                pseudonym = number
            elif role == "interviewer" and (same := self._interviewer_named(speaker, transcript)):
                pseudonym = same  # Kate, the first name of the interviewer Kate Brown elsewhere
            elif members and role == "participant" and case is not None:
                # two people of the numbered case P04 (a manager and a support worker), as
                # a joint interview's members are lettered: P04a, P04b
                pseudonym = self._new_member(case, taken)
            else:
                pseudonym = self._new_pseudonym(role, hint, taken)
                hinted = None if hint is None else _number(hint)
                if (
                    role == "participant"
                    and hinted is not None
                    and hinted not in own
                    and _number(pseudonym) != hinted
                ):
                    self._renumbered.setdefault(transcript.id, (str(hint), pseudonym))
            if role == "participant" and hint is not None and _number(pseudonym) == _number(hint):
                hint = None  # one name per participant number
            for label in labels:
                if (
                    self.get(label) is None
                    and role == "participant"
                    and (not name_parts(label) or _joins_a_number(label, number))
                ):
                    self._key_for_transcript(transcript, label, pseudonym)
                elif self.get(label) is None:
                    self.add(label, pseudonym)
                    self._keyed_in.setdefault(label.casefold(), _keyed_in_named(transcript))
        self._note_number_kept(transcript, speakers, own)
        # a speaker labelled by one word whose full name the file name holds ("Rhiannon:" in
        # "Interview 03 - Rhiannon Llewellyn.txt") is that name: their surname is theirs here
        # and leaves the file name too (tester s51 privacy, 8)
        for name, speaker in from_file.items():
            spoken_as = self.get(speaker)
            if spoken_as is not None and self.get(name) is None:
                self.add(name, _bare(spoken_as))
                self._from_file_name.setdefault(transcript.id, []).append((name, speaker))
        # a person the header names ("Participant name: Maria Okafor") gets the pseudonym of
        # this transcript's speaker of that role, so their name in the talk is replaced too;
        # of two or more speakers of that role, neither's (a guess would name the other): [name]
        for name, role in _header_people(transcript).items():
            if self.get(name) is not None:
                continue
            keyed = _role_pseudonyms(self, speakers, role)
            numbered = [s for s, r in speakers.items() if r == role and participant_number_label(s)]
            if len(keyed) > 1:
                self.add(name, _SHARED_SURNAME)
            elif keyed:  # a named speaker's pseudonym
                self.add(name, keyed[0])
            elif role == "interviewer":  # the first free one: Interviewer may be Kate Brown's
                # (session 47: Sam Roe of a header above 'Interviewer:' turns took hers, unsaid)
                same = self._interviewer_named(name, transcript)
                self.add(name, same or self._new_pseudonym(role, None, set()))
            elif numbered:  # the participant's label, as the transcript writes it: P07
                self.add(name, numbered[0])
            else:
                self.add(name, self._new_pseudonym(role, hint, taken))

        # a person who typed in the call's chat but speaks under no label of the transcript (its
        # speakers are labelled by study id): their name is in the chat lines and metadata, so
        # it gets a pseudonym of its own, which the researcher can change in the key
        for name in _chat_senders(transcript):
            if (
                self.get(name) is None
                and name not in speakers
                and not _names_no_one(name)
                and not _CHAT_SENDER_PSEUDONYM.fullmatch(name)  # a copy pseudonymised before
            ):
                self.add(name, self._new_chat_sender())

    def _note_number_kept(
        self, transcript: Transcript, speakers: dict[str, str], own: set[int | None]
    ) -> None:
        """Note, to be told once (:meth:`_tell_of_number_kept`), when the one participant of
        ``transcript`` keeps the pseudonym another file (or the key) gave them, not the number
        its file name gives, which no one then has: a focus group's member interviewed alone
        later (``Interview 03.txt``) is that member, P08, and P03 is given to no one. It was
        dropped unsaid (tester s62 focus, 3)."""
        hint = _number_hint(transcript)
        hinted = None if hint is None else _number(hint)
        if hinted is None or hinted in own or transcript.id in self._renumbered:
            return
        people = [
            s
            for s, r in speakers.items()
            if r == "participant" and not _names_no_one(s) and not _role_alone(s)
        ]
        if len(people) != 1 or (keyed := self.get(people[0])) is None:
            return
        pseudonym = _bare(keyed)
        number = _case_number(pseudonym)
        if number is None or number == hinted:
            return
        if any(_case_number(p) == hinted for p in self._every_pseudonym()):
            return  # the number is someone else's: not "given to no one"
        origin = self._keyed_in.get(people[0].casefold())
        if origin == _keyed_in_named(transcript):
            return
        self._number_kept.setdefault(transcript.id, (str(hint), pseudonym, origin))

    def _interviewer_named(self, label: str, transcript: Transcript) -> str | None:
        """The interviewer pseudonym the key gives the one interviewer of the study whose full
        name the one-word ``label`` is the first name of (``Kate`` of ``Kate Brown,Interviewer``),
        or whose first name alone is the first word of ``label`` (``Kate Brown`` after
        ``Kate,Interviewer``); else None. Every interviewer the study names is weighed
        (:attr:`interviewers`, and the key's), whatever the order the files are read in: of two
        (``Kate Brown`` and ``Kate Smith``), ``Kate`` is neither's (warned of, :meth:`apply`),
        unless the header of her own file names one (``Interviewer: Kate Jones``). Before
        session 47 ``Kate`` took ``Interviewer 2``; until its re-test, whichever Kate was read
        first."""
        from .transcripts.roles import first_name_of_one

        keyed = {
            _person(name): _bare(p)
            for name, p in self.pseudonyms.items()
            if _bare(p).casefold().startswith(_INTERVIEWER.casefold())
        }
        people = {*keyed, *self.interviewers}
        person = _person(label)
        if len(person.split()) > 1:  # Kate Brown, after Kate
            first = person.split()[0]
            if first in keyed and first_name_of_one(first, [*people, person]) == person:
                return keyed[first]
            owners = sorted(
                n
                for n in keyed
                if n != person
                and n.split()[0] == first
                and len(n.split()) > 1
                and keyed[n] == keyed.get(first)
            )
            if first in keyed and owners:  # 'Kate' joined to Kate Brown in a run before
                self._first_name_keyed[transcript.id] = (first, owners, person)
            return None
        held = sorted(n for n in people if len(n.split()) > 1 and n.split()[0] == person)
        header = {_person(n) for n, r in _header_people(transcript).items() if r == "interviewer"}
        named = [n for n in held if n in header]
        if len(named) == 1:  # her own file's header names her in full
            return keyed.get(named[0])
        if len(held) > 1:
            self._first_name_of_several[transcript.id] = (" ".join(label.split()), held)
            return None
        full = first_name_of_one(label, people)
        return None if full is None else keyed.get(full)

    def _number_of_others(self, number: str, transcript: Transcript) -> bool:
        """Whether the key gives the participant number ``number`` (or a member of its case:
        ``P02a``) to someone who does not speak in ``transcript``: a batch pseudonymised before
        with this key numbered them so (``Faith Adeyemi,P02`` beside ``zoom_p02.vtt``)."""
        wanted = _case_number(number)
        own = {_person(s) for s in _speakers(transcript)}
        own |= {_person(s) for s in _header_people(transcript)}
        return any(
            _case_number(p) == wanted and _person(name) not in own
            for name, p in self.pseudonyms.items()
        )

    def _new_chat_sender(self) -> str:
        """``Chat sender 1``, ``Chat sender 2`` ...: the first no one in the key has."""
        used = {p.casefold() for p in self.pseudonyms.values()}
        k = 1
        while f"{_CHAT_SENDER} {k}".casefold() in used:
            k += 1
        return f"{_CHAT_SENDER} {k}"

    def _check_role(
        self,
        transcript: Transcript,
        speaker: str,
        role: str,
        pseudonym: str,
        here: str | None = None,
    ) -> None:
        """Warn when the key gives ``speaker`` a pseudonym of the other role (a name first keyed
        when the interviewer was not named, then named with ``--interviewer``); ``here``, the
        pseudonym a row of the transcript's own now gives them (:meth:`_split_roles`). A keyed
        interviewer in a transcript where no one was read as the interviewer is read as a
        participant: the row is right, and naming them with ``--interviewer`` mends it (re-test
        s52, 8: "change that row of the key" was the advice)."""
        bare = _bare(pseudonym)
        path = transcript_named(transcript)
        unread = "interviewer" not in _speakers(transcript).values()
        if role == "participant" and _role_of(pseudonym) == "interviewer" and unread:
            warn(
                f"the pseudonym key gives {speaker!r} the interviewer's pseudonym {bare}, but no "
                "one here was read as the interviewer, so their talk is a participant's: if they "
                f"interview here, name them with --interviewer {speaker!r} and run again (the "
                "row is right); if they do not, change that row of the key",
                path=path,
            )
            return
        if role == "interviewer" and _number(bare) is not None:
            wrong = f"gives this transcript's interviewer the participant pseudonym {bare}"
        elif role == "participant" and bare.casefold().startswith(_INTERVIEWER.casefold()):
            wrong = f"gives a participant of this transcript the pseudonym {bare}"
        else:
            return
        own = (
            f" if it is wrong for every transcript; here they are {here}, in a row for this "
            "transcript alone added to the key (column transcript)"
            if here is not None
            else ""
        )
        warn(f"the pseudonym key {wrong}: change that row of the key{own}", path=path)

    def lower_case_replacements(self, transcripts: Sequence[Transcript]) -> list[NameToCheck]:
        """Each word a row written in lower case replaced in lower case in ``transcripts`` (the
        rewritten ones, :attr:`replaced_in_lower_case`), most often first, with the pseudonym
        that replaced it: listed to check that each reads as the name there ("kerry runs the
        rota"), not as a word the key's row happens to spell ("christmas eve"; s77 hunt2 F2)."""
        ids = [t.id for t in transcripts]
        as_read = {new: old for old, new in self.renamed.items()}
        found = []
        for word, where in self.replaced_in_lower_case.items():
            here = [i for i in ids if as_read.get(i, i) in where or i in where]
            if not here:
                continue
            count = sum(where.get(as_read.get(i, i), where.get(i, 0)) for i in here)
            # the study's row, else the rows of one transcript writing it ("kerry,Beryl,p07")
            pseudonyms = [self.get(word)] if self.get(word) is not None else []
            pseudonyms += [p for rows in self.scoped.values() for n, p in rows.items() if n == word]
            keyed = tuple(dict.fromkeys(_bare(p) for p in pseudonyms if p is not None))
            found.append(NameToCheck(word, count, tuple(here), keyed))
        return sorted(found, key=lambda f: (-f.count, f.word))

    def _tell_of_renumbering(self, transcript: Transcript) -> None:
        """Warn, in one line, when the participant of ``transcript`` was not given the number
        its file name gives (``RM07.txt``, ``p07.vtt``: P07) since the key gives it to someone
        else: docs/privacy.md promises that number, so a renumbering is said."""
        found = self._renumbered.pop(transcript.id, None)
        if found is None:
            return
        hint, pseudonym = found
        warn(
            f"the file's name gives its participant the number {hint}, which the pseudonym key "
            f"gives someone else, so they are {_bare(pseudonym)}: if they are that person, give "
            f"their name that row's pseudonym in the key",
            path=transcript_named(transcript),
        )

    def _tell_of_number_kept(self, transcript: Transcript) -> None:
        """Warn, in one line, when the one participant of ``transcript`` keeps the pseudonym
        another file gave them rather than its file name's number, which no one then has
        (:meth:`_note_number_kept`): docs/privacy.md promises that number."""
        found = self._number_kept.pop(transcript.id, None)
        if found is None:
            return
        hint, pseudonym, origin = found
        keyed = f"keyed from {origin}" if origin is not None else "keyed in the pseudonym key"
        warn(
            f"the file's name gives its participant the number {hint}, but they are "
            f"{pseudonym}, {keyed} as the same person, so the transcript's participant is "
            f"{pseudonym} and {hint} is given to no one: if they are two people, give this one "
            "a row of their own in the key (column transcript)",
            path=transcript_named(transcript),
        )

    def _tell_of_rows_from_file_name(self, transcript: Transcript) -> None:
        """Warn, in one line each, of a row the key gained from the file name of
        ``transcript`` (``Rhiannon Llewellyn,P03`` for ``Rhiannon:`` of ``Interview 03 -
        Rhiannon Llewellyn.txt``): the file name's words were taken for a surname, so the
        researcher checks they are one (re-tester s51, 6)."""
        for name, speaker in self._from_file_name.pop(transcript.id, []):
            warn(
                f"the pseudonym key gained the row '{name},{_bare(self.get(name) or '')}' from "
                f"the file's name, taken for the full name of the speaker '{speaker}': if it is "
                "not their name (a place, a service), delete that row and rename the file",
                path=transcript_named(transcript),
            )

    def _tell_of_row_from_greeting(self, transcript: Transcript) -> None:
        """Warn, in one line, of the row the key gained for ``transcript`` from the name its
        interviewer greets its participant by (:meth:`_key_greeted_name`), to check."""
        if transcript.id not in self._from_greeting:
            return
        name, label, greeting = self._from_greeting.pop(transcript.id)
        with self._rows_of(transcript):
            pseudonym = _bare(self.get(name) or "")
        warn(
            f"the pseudonym key gained the row '{name},{pseudonym}' for this transcript alone: "
            f"the interviewer greets the speaker '{label}' by it ('{greeting}') before they "
            "first speak, so it was taken for their name and is replaced in this transcript: "
            "if it is not their name, delete that row",
            path=transcript_named(transcript),
        )

    def _tell_of_first_name_of_several(self, transcript: Transcript) -> None:
        """Warn, in one line, when an interviewer of ``transcript`` is labelled by a first name
        two or more interviewers of the study have (``Kate``: Kate Brown, Kate Smith), so she was
        keyed as neither (:meth:`_interviewer_named`)."""
        found = self._first_name_of_several.pop(transcript.id, None)
        if found is None:
            return
        label, held = found
        written = {**{_person(n): n for n in self.pseudonyms}, **self.interviewers}
        names = ", ".join(written.get(n, n) for n in held)
        pseudonym = _bare(self.get(label) or "")
        warn(
            f"the interviewer '{label}' has the first name of the study's interviewers {names},"
            f" so is keyed as a person of their own ({pseudonym}): if it is one of them, give "
            f"the row '{label}' that one's pseudonym in the key",
            path=transcript_named(transcript),
        )

    def _tell_of_first_name_keyed(self, transcript: Transcript) -> None:
        """Warn, in one line, when ``transcript`` brings an interviewer (``Kate Smith``) whose
        first name the key gives the pseudonym of another (``Kate``, ``Kate Brown``: joined in
        a run before hers, :meth:`_interviewer_named`), so 'Kate' may be either (re-test,
        session 47: files pseudonymised a run each joined 'Kate' to whichever Kate came first,
        unsaid)."""
        found = self._first_name_keyed.pop(transcript.id, None)
        if found is None:
            return
        first, owners, person = found
        written = {**{_person(n): n for n in self.pseudonyms}, **self.interviewers}
        label = written.get(first, first)
        theirs = _bare(self.get(label) or "")
        names = [written.get(n, n) for n in owners]
        new = written.get(person, person)
        warn(
            f"the pseudonym key gives '{label}' the pseudonym of {' and '.join(names)} "
            f"({theirs}), but the study now has {len(names) + 1} interviewers named {label}, "
            f"{', '.join(names)} and {new} ({_bare(self.get(new) or '')}): if '{label}' is "
            f"{new} in a transcript, give the row '{label}' that pseudonym in the key, or add a "
            "row for that transcript alone (column transcript)",
            path=transcript_named(transcript),
        )

    def _check_renamed(self, transcript: Transcript, speakers: dict[str, str]) -> None:
        """Warn when the key gives a participant who renamed to a participant number (``Maria
        Okafor`` speaking as ``P17`` too) another number: one person would be two."""
        found = _one_person_labels(speakers, transcript.participant)
        for labels, number in {id(v[0]): v for v in found.values()}.values():
            keyed = next((p for p in (self.get(s) for s in labels) if p is not None), None)
            if number is None or keyed is None or _number(_bare(keyed)) == _number(number):
                continue
            warn(
                f"the pseudonym key gives this transcript's participant {_bare(keyed)}, but they "
                f"also speak as {number} (renamed in the call), so one person would be two: "
                f"change that row of the key to {number}",
                path=transcript_named(transcript),
            )

    def _tell_of_one_person(self, transcript: Transcript, speakers: dict[str, str]) -> None:
        """Say, in one line for the transcript, which of its participant labels are given one
        pseudonym (a rename or rejoin, by :func:`_one_person_labels`, or rows of the key), so
        the researcher can check they are one person before sharing the copies."""
        from .transcripts.roles import UNKNOWN_SPEAKER

        people: dict[str, list[str]] = {}
        for speaker, role in speakers.items():
            if role == "participant" and speaker and speaker != UNKNOWN_SPEAKER:
                people.setdefault(_bare(self.get(speaker) or speaker), []).append(speaker)
        said = []
        # a group's members each take a free number, not its number lettered (hunt s61 pseudo,
        # 4: "('P03a', 'P03b')" for Daniel Okoro and "Daniel's iPhone" of fg01)
        hint = _number_hint(transcript)
        free = _several_interviewed(speakers, transcript.participant) and (
            hint is None or _members_take_free_numbers(transcript, speakers)
        )
        for pseudonym, labels in people.items():
            if len(labels) < 2:
                continue
            shown = ", ".join(repr(label) for label in labels)
            own = f" ('{pseudonym}a', '{pseudonym}b')" if _number(pseudonym) is not None else ""
            who = "the participant"
            if own and free:
                other = self._new_pseudonym("participant", None, set())
                own = f" ('{pseudonym}' and the next free number, '{other}')"
                who = "a participant"
            said.append(
                f"{who} speaks under {len(labels)} labels ({shown}), given one "
                f"pseudonym, {pseudonym} (renamed or rejoined in the call): if they are "
                f"different people, give each their own pseudonym in the key{own} and run again"
            )
        if said:
            warn("; ".join(said), path=transcript_named(transcript))

    def _tell_of_chat_senders(self, transcript: Transcript, speakers: dict[str, str]) -> None:
        """Say, in one line for the transcript, which chat senders speak under no label and the
        pseudonym each has, so the researcher can give them their speaker's in the key."""
        said = [
            f"{name!r} typed in the call's chat but speaks under no label, so is "
            f"{_bare(self.get(name) or '')!r}"
            for name in _chat_senders(transcript)
            if name not in speakers and _bare(self.get(name) or "").startswith(_CHAT_SENDER)
        ]
        if said:
            warn(
                "; ".join(said) + ": if they are a speaker (e.g. the participant), give them "
                "that speaker's pseudonym in the key and run again",
                path=transcript_named(transcript),
            )

    def _tell_of_header_people(self, transcript: Transcript, speakers: dict[str, str]) -> None:
        """Warn of each person the header names whom the key gives ``[name]`` while several
        speakers of their role speak here: which one they are is the researcher's to say."""
        for name, role in _header_people(transcript).items():
            theirs = _role_pseudonyms(self, speakers, role)
            if _bare(self.get(name) or "") == _SHARED_SURNAME and len(theirs) > 1:
                warn(
                    f"the header names {name!r} the {role}, but {len(theirs)} {role}s speak "
                    f"({', '.join(theirs)}), so it is {_in_text(_SHARED_SURNAME)} in the copy: "
                    "give its row in the key the pseudonym of the one it is and run again",
                    path=transcript_named(transcript),
                )

    def apply(self, transcript: Transcript) -> Transcript:
        """``transcript`` with every name of the key replaced (see the module docstring); its
        speakers who are not yet in the key are added first (:meth:`register`), and the key's
        rows of its own (:attr:`scoped`) are its speakers' there."""
        self.register(transcript)
        with self._rows_of(transcript):
            return self._rewritten(transcript)

    def preview(self, transcript: Transcript) -> Transcript:
        """``transcript`` as :meth:`apply` rewrites it, saying nothing and leaving the key as it
        was, but for the name the transcript is given (:attr:`renamed`: the same each time).
        What :meth:`apply` tells once of a transcript (a row taken from its file name, a
        participant renumbered, a name taken for a keyed name without its middle name) is still
        told when it is applied. ``AutoCoder.code`` reads a study so for its cases before coding
        it; before, that reading took those warnings, and ``roqa code --pseudonymise`` gave
        none that ``roqa pseudonymise`` gives (re-test s52, 5)."""
        import copy
        import warnings

        from .errors import RoqaWarning

        trial = copy.deepcopy(self)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RoqaWarning)
            seen = trial.apply(transcript)
        self.renamed.update(trial.renamed)
        return seen

    def _rewritten(self, transcript: Transcript) -> Transcript:
        """:meth:`apply`, once ``transcript``'s speakers are registered."""
        from .transcripts.backchannel_gaps import BACKCHANNEL_GAPS, carry_backchannel_gaps
        from .transcripts.cue_times import carry_cue_times
        from .transcripts.roles import (
            participant_from_filename,
            participant_id,
            several_participants,
        )

        speakers = _speakers(transcript)
        self._apart = {}
        self._apart = self._labels_apart(transcript)
        for speaker, role in speakers.items():  # checked here, where it is rewritten, once
            known = self.get(speaker)
            if known is not None:
                self._check_role(transcript, speaker, role, known)
        self._check_renamed(transcript, speakers)
        self._tell_of_one_person(transcript, speakers)
        self._tell_of_chat_senders(transcript, speakers)
        self._tell_of_header_people(transcript, speakers)
        self._tell_of_renumbering(transcript)
        self._tell_of_number_kept(transcript)
        self._tell_of_rows_from_file_name(transcript)
        self._tell_of_row_from_greeting(transcript)
        self._tell_of_first_name_of_several(transcript)
        self._tell_of_first_name_keyed(transcript)
        self._tell_of_split_by_header(transcript)
        self._tell_of_split_alias(transcript)
        # the people the header names speak here too: their first names are theirs in this talk;
        # a transcription service's text the reader left out, still in a .txt's text, is
        # rewritten as talk ("[P01] from IT", not "P01 from IT" as a label is)
        # and so is a one-word speaker's full name of the file name ("Rhiannon Llewellyn")
        people = {**speakers, **_header_people(transcript), **_file_name_people(transcript)}
        edits = self._edits(_with_left_out_talk(transcript), people)
        self._note_rows_found(transcript)
        # a label with a character of no width inside, replaced whole by the speaker it is read
        # as: "Sar\u200bah Khan:" is "P01:", "Inter\u200bviewer:" is "Interviewer:"
        labels = [(e, s) for e, s in self._zero_width_labels(transcript) if e not in edits]
        # a role's label with a note that may name someone ("Interviewer (EP):", "Carer (Mrs
        # Okonkwo):"): the role alone, not the names in the note replaced ("Interviewer (P12
        # family carer):")
        noted = [e for e in self._noted_role_labels(transcript) if e not in edits]
        edits = [e for e in edits if not any(n[0] <= e[0] and e[1] <= n[1] for n in noted)]
        name_words = self.name_words()  # a one-word address read out: "aisha at nhs dot net"
        # an identifier read over a line break (identifiers.py) stays inside one turn: two turns'
        # lines are no hard-wrapped sentence
        placeholders = [
            (start, end, new)
            for start, end, new in identifier_matches(transcript.text, name_words)
            if not any(start < t.start < end or start < t.end < end for t in transcript.turns)
        ]
        # a name is never left in part
        chosen = names_first([*edits, *(e for e, _ in labels), *noted], placeholders)
        new_text, where = _rewrite(transcript.text, chosen)
        turns = [
            Turn(
                speaker=self._written_label(t.speaker),
                role=t.role,
                start=where(t.start),
                end=where(t.end),
                begin_time=t.begin_time,
                end_time=t.end_time,
            )
            for t in transcript.turns
        ]
        meta = dict(transcript.metadata)
        meta.pop("header_people", None)  # their names, now in the key
        # the labels the key wrote (P04 for Tom Bates): a fix that names a speaker names them
        # by the transcript's own label, which these are not (session 59: '--interviewer P04')
        keyed = {t.speaker for t in transcript.turns if self.get(t.speaker) is not None}
        written = {
            *(str(n) for n in meta.get(KEYED_LABELS) or ()),
            *map(self._written_label, keyed),
        }
        if written:
            meta[KEYED_LABELS] = sorted(written)
        guessed = meta.get("interviewer_guessed")
        if isinstance(guessed, str):
            meta["interviewer_guessed"] = self._written_label(guessed)
        for key in (
            "interviewer_from_study",
            "header_interviewer_overruled",
            "participants_named",
            STRAY_ASKERS,
        ):
            named = meta.get(key)
            if isinstance(named, list):  # speakers (who interviews, who the header named): names
                meta[key] = [self._written_label(str(n)) for n in named]
        from .transcripts.chat import ZOOM_CHAT
        from .transcripts.cues import UNREAD, UNTIMED
        from .transcripts.headings import HEADINGS
        from .transcripts.roles import COLLECTIVE_REPLIES
        from .transcripts.speaker_labels import END_TEXT, SERVICE_TEXT
        from .transcripts.unlabelled import (
            ABOVE_FIRST_LABEL,
            AFTER_CHANGE_AS,
            AFTER_CHANGE_WORDS,
            AFTER_VOICE_AS,
            AFTER_VOICE_WORDS,
            FIELD_LINES,
            NO_TURN,
            UNDECIDED_AS,
            UNDECIDED_WORDS,
        )
        from .transcripts.unlabelled_answers import UNLABELLED_ANSWERS
        from .transcripts.utterances import HEADER_CUES

        # whose talk a cue with no name was read as: a name (those after a change of speaker
        # or a voice tag were kept as the file wrote them: session 79 lfix2)
        for key in (UNDECIDED_AS, AFTER_CHANGE_AS, AFTER_VOICE_AS):
            read_as = meta.get(key)
            if isinstance(read_as, list):
                meta[key] = [self._written_label(str(n)) for n in read_as]
        # words left out between cues (talk, names and all), the chat messages left out
        # (their senders' names: '10:22:05 From Margaret Okafor') and the words of a cue with
        # no name kept to be checked
        for key in (
            UNREAD,
            UNTIMED,
            ZOOM_CHAT,
            NO_TURN,
            ABOVE_FIRST_LABEL,  # talk typed above the first label (names and all)
            FIELD_LINES,
            UNDECIDED_WORDS,
            AFTER_CHANGE_WORDS,
            AFTER_VOICE_WORDS,
            SERVICE_TEXT,
            END_TEXT,
            HEADER_CUES,
            HEADINGS,  # a title may name the participant ("Interview with Maria Okafor")
            COLLECTIVE_REPLIES,  # "Several voices: Yeah, Sam's right", as the text has it
            UNLABELLED_ANSWERS,  # an answer typed without its label, read as the interviewer's
        ):
            left_out = meta.get(key)
            if isinstance(left_out, list):
                meta[key] = [
                    _rewrite(
                        str(line),
                        names_first(
                            self._edits(
                                replace(
                                    transcript,
                                    text=str(line),
                                    # the service's text as it is written in the text: as talk,
                                    # and a collective reply's words after its label
                                    turns=_as_talk(str(line), key),
                                ),
                                people,
                            ),
                            identifier_matches(str(line), name_words),
                        ),
                    )[0]
                    for line in left_out
                ]
        # a workbook's sheet read, named as the researcher saved it: it may name the participant
        # in any shape ('Tom Bradley 12-05-2023', 'Sandra Whitcombe' not keyed, 'Whitcombe_S_12052023'),
        # and reached transcripts.jsonl (tester s78 privacy2 L1, hunt4 F2). It is not written: the
        # sheet read is always the workbook's first, so no output needs its name
        meta.pop("sheet", None)
        for given in (
            "interviewer_labels_unmatched",
            "interviewer_labels_elsewhere",
            "interviewer_labels_naming_no_one",
            "participant_labels_unmatched",
        ):
            unmatched = meta.get(given)
            if isinstance(unmatched, list):  # labels the researcher gave: names, often
                meta[given] = [
                    str(u)
                    if self.get(str(u)) is None
                    else f"{_bare(self.get(str(u)) or '')} (a name of the pseudonym key)"
                    for u in unmatched
                ]
        # each cue's place moves with the names replaced before it, so a segment keeps the time
        # of its own cue (a turn whose cues cannot be placed falls back on the turn's times)
        cues = carry_cue_times(transcript, new_text, turns, where)
        if cues:
            meta["cue_times"] = cues
        else:
            meta.pop("cue_times", None)
        # so do the places a backchannel was left out, where an aside is parted from the answer
        gaps = carry_backchannel_gaps(transcript, new_text, turns, where)
        if gaps:
            meta[BACKCHANNEL_GAPS] = gaps
        else:
            meta.pop(BACKCHANNEL_GAPS, None)
        meta["pseudonymised"] = True
        # names replaced in the text, labels included (the command sums them for the researcher)
        kept = set(chosen)
        named = [e for e, speaker in labels if self.get(speaker) is not None]
        meta["names_replaced"] = sum(1 for e in [*edits, *named] if e in kept)
        # a role's label with its note left out ("Carer (Mrs Okonkwo)" -> "Carer"): no key's name
        meta["notes_left_out"] = sum(1 for e in noted if e in kept)
        # e-mail addresses, phone and NHS numbers, full dates, postcodes, addresses (identifiers.py)
        meta["identifiers_replaced"] = len(chosen) - meta["names_replaced"] - meta["notes_left_out"]
        participant = transcript.participant
        renamed = [s for s, r in speakers.items() if r == "participant" and self.get(s)]
        relabelled = participant_id(  # the case as the reader names it, from the new labels
            [t.speaker for t in turns if t.role == "participant"],
            transcript.source or transcript.id,
        )
        # a focus group's case is the one it was read with (its file name's: FG01), never one
        # its members' pseudonyms make up: a key lettered them by the file's number before
        # session 61 (P01a for fg01_zoom.vtt, beside P01's own interview), or they keep those
        # of a session before (P02a in fg04 too), which made it another's case (tester s61
        # focus, 1 and 2)
        group = participant is not None and several_participants(
            [s for s, r in speakers.items() if r == "participant"], participant
        )
        if participant is not None and self.get(participant) is not None:
            participant = _bare(self.get(participant) or participant)
        elif renamed and not group:
            participant = relabelled
        # the transcript's name and file name (never its folders) as its talk is rewritten: the
        # outputs carry them (segment ids, the report's picker, transcripts.jsonl, .qdpx sources)
        here = list(people)
        new_id = self.pseudonymised_name(transcript.id, here)
        source = self.pseudonymised_name(_last_part(transcript.source), here)
        # a participant renumbered since the key gives the file name's number to someone else
        # (in this study or for another transcript alone): the name carries the new number, never
        # that other person's (p02_alpha.txt as P06: p06_P06); a label that is a study id (P14
        # in P13.txt) is the transcript's own doing, and kept
        cases = {_case_number(self.get(s) or "") for s, r in speakers.items() if r == "participant"}
        case = cases.pop() if len(cases) == 1 and renamed else None
        in_name = _number(participant_from_filename(transcript.source or transcript.id) or "")
        # that other person's pseudonym as the key writes it (P1 or P01), as the warning names it
        numbered = next(
            (
                _bare(p)
                for rows in (self.pseudonyms, *self.scoped.values())
                for p in rows.values()
                if in_name is not None and _case_number(p) == in_name
            ),
            None,
        )
        if case is not None and in_name is not None and in_name != case and numbered is not None:
            new_id = _with_file_number(new_id, in_name, case)
            source = _with_file_number(source, in_name, case)
            if group and renamed:  # renumbered: the file's number is no longer its case
                participant = relabelled
        else:
            numbered = None
        if new_id != transcript.id:
            new_id, source = self._distinct(transcript.id, new_id, source)
        if participant is not None:
            participant = self.pseudonymised_name(participant, here)
        for given in ("refi_name", "refi_path"):  # a QDA project's name and path of the source
            if isinstance(meta.get(given), str):
                meta[given] = self.pseudonymised_name(_last_part(str(meta[given])), here)
        case = meta.get("refi_case")  # the project's case it is in: its name, as the participant's
        if isinstance(case, dict) and isinstance(case.get("name"), str):
            meta["refi_case"] = {**case, "name": self.pseudonymised_name(case["name"], here)}
        self._warn_of_file_name(transcript, new_id, numbered)
        if meta.get("format") == "qdpx" and transcript.source:
            self._read_from[new_id] = transcript.source
        return replace(
            transcript,
            id=new_id,
            source=source,
            text=new_text,
            turns=turns,
            participant=participant,
            metadata=meta,
        )

    def as_read(self, transcript: Transcript) -> Transcript:
        """``transcript``, as :meth:`apply` rewrote it, with the source it was read from when it
        is a QDA project's, whose rewritten source is the member file alone: a message names it
        with its project (:func:`transcript_named`: ``study.qdpx: source 'p25'``), as the
        reader's do (s74 hunt2: the file name's warning said ``source 'p25'`` alone)."""
        read_from = self._read_from.get(transcript.id)
        return transcript if read_from is None else replace(transcript, source=read_from)

    def unmatched_rows(self) -> list[str]:
        """The names of the key's rows for a number (``496000,phone``, ``943 476 5919,NHS
        number``: a row of no name words, replaced wherever it stands) that no transcript
        :meth:`apply` has rewritten held, in the key's order; none before one is. A number
        such a row was added for that is in them stays there unsaid, as
        when Excel saved a long number as ``1.23457E+15`` (its leading zeros Excel drops are
        allowed for). Rows of names are not told of: a study's key holds the people of every
        batch, and :func:`names_to_check` lists the names a transcript still holds."""
        if not self._applied:
            return []
        return [n for n in self.pseudonyms if _replaced_as_identifier(n) and n not in self._found]

    def _warn_of_unmatched_transcripts(self, path: str | Path | None) -> None:
        """One warning line per ``transcript`` column value of the key that named no transcript
        :meth:`apply` rewrote and names no file from the key's folder (a QDA project's source by
        its project's path: ``../raw/study.qdpx:p06``), or no source of a project the run read
        (``../raw/study.qdpx:p7``, its sources listed: s76 hunt L2): its rows matched nothing
        (s75 tester pseudo, L3: rows for a project were ignored unsaid). A file of another
        batch is not warned of: a study's key holds every batch's rows."""
        if not self._applied:
            return
        for where, row in self._where_row.items():
            if where in self._where_used:
                continue
            written = self._where_written.get(where, where)
            file = written.strip().replace("\\", "/")
            project, qdpx, _source = file.rpartition(".qdpx:")
            file = project + ".qdpx" if project and qdpx else file
            base = self.folder or Path.cwd()
            in_project, of_source, _name = where.rpartition(".qdpx:")
            sources = self._project_sources.get(in_project + ".qdpx") if of_source else None
            if sources is not None:  # a project of this run, none of whose sources it names
                names = sorted(set(sources.values()), key=str.casefold)
                warn(
                    f"row {row}: the transcript {quoted(written)} of the pseudonym key names no "
                    f"source of that project (its sources: {first_few(list(map(quoted, names)), 8)}"
                    "), so its rows matched no transcript: write the project's path, a colon and "
                    "the source's name as the QDA program shows it",
                    path=path,
                )
                continue
            if (base / file).exists() or (base / file).with_suffix("").exists():
                continue
            # the cell as written, its "*", "[" or "]" no pattern (s76 hunt L1: "p**7" crashed)
            if any((base / file).parent.glob(glob.escape(Path(file).name) + ".*")):
                continue  # named without its extension ("p05" of p05.txt)
            warn(
                f"row {row}: the transcript {quoted(written)} of the pseudonym key names no file "
                "there from the key's folder, so its rows matched no transcript: write the "
                "file's path from the key's folder (a QDA project's source as the project's "
                "path, a colon and the source's name: '../raw/study.qdpx:p06')",
                path=path,
            )

    def warn_of_unmatched_rows(self, path: str | Path | None = None) -> None:
        """One warning line listing :meth:`unmatched_rows`, if any (naming the key's ``path``):
        ``roqa pseudonymise`` and ``roqa code --pseudonymise`` give it once their transcripts
        are rewritten."""
        self._warn_of_unmatched_transcripts(path)
        rows = self.unmatched_rows()
        if not rows:
            return
        excel = (
            "; Excel shows a long number as 1.23457E+15: format the cell as Text and type the "
            "number again"
            if any(_EXCEL_EXPONENT.fullmatch(r) for r in rows)
            else ""
        )
        warn(
            "key rows that matched nothing in these transcripts: "
            f"{first_few(list(map(quoted, rows)), 8)} (a number such a row is for that is in "
            "them stays in the copies: check each row is written as the talk writes it"
            f"{excel})",
            path=path,
        )

    def warn_of_aliases_left(
        self,
        transcripts: Iterable[Transcript],
        found: Iterable[NameToCheck],
        path: str | Path | None = None,
    ) -> list[NameToCheck]:
        """Warn, one line per row, of each one-word row giving a speaker's own pseudonym
        (``Marek,P03``, an alias: :meth:`_pattern`) whose word :func:`names_to_check` ``found``
        capitalised in a pseudonymised transcript where that person does not speak, and return
        the rest of ``found``. Such a row is theirs only where they speak, as their first name
        is: elsewhere it may be someone else, whom the pseudonym would misattribute. Before,
        the word was listed with the advice to add a row, and the row added for it, the
        person's pseudonym, was ignored there unsaid (tester s49 focus, 3)."""
        voiced = {
            t.id: {turn.speaker.casefold() for turn in t.turns}
            for t in checked_transcripts(transcripts, "warn_of_aliases_left()")
        }
        aliases = {
            without_accents(name.casefold()): (name, _bare(p))
            for name, p in self.pseudonyms.items()
            if len(name.split()) == 1 and _SPEAKER_PSEUDONYM.fullmatch(_bare(p))
        }
        rest = []
        for f in found:
            name, pseudonym = aliases.get(without_accents(f.word.casefold()), ("", ""))
            elsewhere = [t for t in f.transcripts if pseudonym.casefold() not in voiced.get(t, {})]
            if not name or not f.word[:1].isupper() or not elsewhere:
                rest.append(f)
                continue
            if len(elsewhere) < len(f.transcripts):  # still in talk where they speak: listed too
                rest.append(f)
            role = _role_of(pseudonym) or "speaker"
            warn(
                f"the row '{name},{pseudonym}' gives {'an' if role == 'interviewer' else 'a'} "
                f"{role}'s own pseudonym, so it "
                f"replaces '{name}' only in the interviews where {pseudonym} speaks (a first name "
                f"elsewhere may be someone else, whom [{pseudonym}] would misattribute); it stays "
                f"in {first_few(elsewhere)}: if it is {pseudonym} there too, give the row a "
                f"description instead of the pseudonym (e.g. '{name},manager' gives [manager] "
                "there), then run again",
                path=path,
            )
        return rest

    def _note_rows_found(self, transcript: Transcript) -> None:
        """Note the identifier rows (:meth:`unmatched_rows`) ``transcript`` holds: in its text,
        or in the words a reader left out of its turns, which :meth:`apply` rewrites too."""
        self._applied = True
        rows: dict[str, list[str]] = {}  # regex -> rows ("496000" and "0496000" share one)
        for name in self.pseudonyms:
            if name not in self._found and _replaced_as_identifier(name):
                rows.setdefault(_identifier_regex(name), []).append(name)
        pattern = _one_pattern(list(rows.items()), r"(?<!\w)", r"(?!\w)")
        if pattern is None:
            return
        texts = [transcript.text]
        for left_out in transcript.metadata.values():
            if isinstance(left_out, list):
                texts += [line for line in left_out if isinstance(line, str)]
        for text in texts:
            for _, names in pattern.finditer(text):
                self._found.update(names)

    def _distinct(self, given: str, new_id: str, source: str) -> tuple[str, str]:
        """The name ``new_id`` (and file name ``source``) for the transcript named ``given``, told
        apart from the other transcripts' names (:attr:`file_ids`) and those given before, as a
        QDA import tells two sources of one name apart: with the key giving Gareth Jones P11,
        ``Gareth Jones.txt`` beside ``P11.txt`` is ``P11-2`` (``P11-2.txt``), two transcripts of
        the case P11; names that differ only in case are one (``zoom_faith.vtt`` for P02 beside
        ``zoom_p02.vtt`` is ``zoom_P02-2``), since macOS and Windows take them for one file. The
        same transcript is given the same name each time."""
        taken = (self.file_ids - {given}) | {n for g, n in self.renamed.items() if g != given}
        # in any case: zoom_P02.txt and zoom_p02.txt are one file on macOS and Windows
        taken = {n.casefold() for n in taken}
        name, k = self.renamed.get(given, new_id), 1
        while name.casefold() in taken:
            k += 1
            name = f"{new_id}-{k}"
        self.renamed[given] = name
        if name != new_id:
            stem, dot, ext = source.rpartition(".")
            suffix = name[len(new_id) :]
            source = f"{stem}{suffix}.{ext}" if dot and stem else f"{source}{suffix}"
        return name, source

    def _written_label(self, label: str) -> str:
        """The speaker ``label`` as the copy writes it: the key's pseudonym for it; a role's
        label with a note that may name someone (:func:`_role_alone`, :func:`_ordinary_note`)
        as the role alone (``Interviewer (EP)`` -> ``Interviewer``); else as written."""
        keyed = self.get(label)
        if keyed is not None:
            return _bare(keyed)
        if label in self._apart:
            return self._apart[label]
        role = _role_alone(label)
        return label if role is None or _ordinary_note(label) else role

    def _labels_apart(self, transcript: Transcript) -> dict[str, str]:
        """The labels of ``transcript`` that two or more of its non-interviewer speakers would
        share once their notes go (``Carer (Mrs Okonkwo)`` and ``Carer (Mr Okonkwo)``, both
        ``Carer``), each as the role numbered in order of first turn (``Carer 1``, ``Carer 2``),
        said in one warning: written alike, two people were one speaker (codereview s52)."""
        by_role: dict[str, list[str]] = {}
        for turn in transcript.turns:
            label = turn.speaker
            if turn.role == "interviewer" or self.get(label) is not None:
                continue
            role = self._written_label(label)
            if role != label and label not in by_role.setdefault(role, []):
                by_role[role].append(label)
        apart = {
            label: f"{role} {n}"
            for role, labels in by_role.items()
            if len(labels) > 1
            for n, label in enumerate(labels, 1)
        }
        if apart:
            said = " and ".join(quoted(label) for label in apart)
            written = " and ".join(quoted(new) for new in apart.values())
            warn(
                f"{said} are written {written}, their notes left out, so each stays its own speaker "
                "(if they are one person, give both labels one pseudonym in the key)",
                path=transcript_named(transcript),
            )
        return apart

    def _noted_role_labels(self, transcript: Transcript) -> list[tuple[int, int, str]]:
        """The edit of each speaker label of ``transcript``'s text that is a role's with a note
        that may name someone (``Interviewer (EP):``, ``Carer (Mrs Okonkwo):``) to the role
        alone (:meth:`_written_label`): the label nearest its turn's words."""
        text = transcript.text
        found: list[tuple[int, int, str]] = []
        after = 0  # the end of the turn before: a turn's label stands between it and the turn
        for turn in transcript.turns:
            start, after = after, max(after, turn.end)
            new = self._written_label(turn.speaker)
            if not turn.speaker or new == turn.speaker or self.get(turn.speaker) is not None:
                continue
            words = r"\s+".join(map(re.escape, turn.speaker.split()))
            last = None
            for m in re.compile(f"(?<!\\w)(?i:{words})").finditer(text, start, turn.start):
                last = m  # the label nearest the turn's words
            if last is not None:
                found.append((last.start(), last.end(), new))
        return found

    def _zero_width_labels(self, transcript: Transcript) -> list[tuple[tuple[int, int, str], str]]:
        """Each speaker label of ``transcript``'s text written with a character of no width in
        it (``Sar\u200bah Khan:``, ``Inter\u200bviewer:``, ``Jane\u200bDoe:``, as the reader
        reads them: :func:`~.transcripts.roles.label_view`), its edit to the turn's new speaker
        (its pseudonym, or the role as read) and the speaker: the label whole, so the copy reads
        ``P01:`` and is read again as the same speaker, not ``Sar\u200bah P01:`` (on screen
        "Sarah P01", read again as talk glued to the turn before)."""
        text = transcript.text
        found: list[tuple[tuple[int, int, str], str]] = []
        after = 0  # the end of the turn before: a turn's label stands between it and the turn
        for turn in transcript.turns:
            start, after = after, max(after, turn.end)
            if not turn.speaker or _NO_WIDTH_CHARACTER.search(text, start, turn.start) is None:
                continue
            label = re.compile(f"(?<!\\w)(?i:{_name_regex(turn.speaker)})(?!\\w)")
            last = None
            for m in label.finditer(text, start, turn.start):
                last = m  # the label nearest the turn's words
            if last is not None and _NO_WIDTH_CHARACTER.search(last.group(0)):
                new = self._written_label(turn.speaker)
                found.append(((last.start(), last.end(), new), turn.speaker))
        return found

    def _edits(
        self, transcript: Transcript, speakers: dict[str, str]
    ) -> list[tuple[int, int, str]]:
        """Where the key's names stand in the transcript's text, and what replaces each."""
        pattern = self._pattern(speakers)
        if pattern is None:
            return []
        from .transcripts.roles import collective_reply_spans

        text = transcript.text
        starts = [t.start for t in transcript.turns]
        # the rows the researcher wrote in lower case ("kerry,Person A"): that spelling is a name,
        # but an everyday word's ("will,manager": "we will see" stays, and is listed), and not
        # a row roqa wrote itself from a speaker's label ("eve,P01" of "<v eve>": "christmas
        # eve" stays, and is listed; s77 hunt2 F1)
        lower_rows = {
            n
            for n in (" ".join(n.split()) for n in self.pseudonyms)
            if n.islower()
            and not _is_everyday_word(n)
            and n not in self._labels
            and n not in self.added
        }
        in_lower_case: list[tuple[int, int, str]] = []  # each word replaced so, where
        # a collective reply's words are talk too ("Several voices: Yeah, [P01]'s right.")
        collective = [(start, end) for start, end, _ in collective_reply_spans(transcript)]
        edits = []
        at = 0
        while (hit := pattern.search(text, at)) is not None:
            m, (pseudonym, kind, spellings, sharers) = hit
            at = m.end()
            found = m.group(0)
            if spellings:  # rows told apart only by accents: the one spelled so, or neither
                pseudonym = spellings.get(_spelling(found), _SHARED_SURNAME)
            i = bisect_right(starts, m.start()) - 1
            in_talk = i >= 0 and m.end() <= transcript.turns[i].end
            in_talk = in_talk or any(s <= m.start() and m.end() <= e for s, e in collective)
            if kind == "prefixed":
                # a speaker's surname joined to a prefix: the key's row spelled so, else someone
                # else's ("NicDonnchadha" beside Aoife Mac Donnchadha): [name], warned of
                owner = self._row_of_surname(found)
                if owner is None and self._own_prefix(pseudonym, found, lenited=True):
                    owner = pseudonym  # "Mac Dhonnchadha" of Aoife Mac Donnchadha: hers
                if owner is None:
                    self._warn_of_other_prefix(transcript, found, pseudonym)
                new = _in_talk(text, m.start(), m.end(), owner)
                edits.append((m.start(), m.end(), new))
                continue
            if kind == "own prefix":
                # the speaker's own prefix before a word: her surname spelt otherwise ("O
                # Donnel" of Siobhán O Donnell) is hers, whole; another word is looked at anew
                prefix_end = m.start() + len(re.split(r"['’\s]", found, maxsplit=1)[0])
                own = self._own_surname_after(text, m.start(), prefix_end, pseudonym)
                if own is not None and in_talk:
                    edits.append((m.start(), own, _in_talk(text, m.start(), own, pseudonym)))
                else:
                    at = prefix_end
                continue
            prefix_at = _prefix_before(text, m.start()) if kind in _PREFIXABLE_KINDS else None
            if prefix_at is not None and i >= 0 and prefix_at >= transcript.turns[i].start:
                said = text[prefix_at : m.end()]
                if not self._own_prefix(pseudonym, said) and (
                    (kind != "surname" or _is_surname_here(text, prefix_at)) and _capitalised(found)
                ):
                    # a surname under a prefix that is none of the person's ("Mac Briain" beside
                    # Seán Ó Briain) is someone else's: [name], the prefix with it, not "Mac [P01]"
                    # (session 69); "Mr Mac Briain" is not "Mac", a first name, and Briain
                    edits.append((prefix_at, m.end(), _in_talk(text, prefix_at, m.end(), None)))
                    self._warn_of_other_prefix(transcript, said, pseudonym)
                    continue
            if kind in ("part", "common") and self._prefix_of_another(text, m, pseudonym):
                # her own surname spelt otherwise after it ("Mac Dhonnchadha", "Mac Donnacha"):
                # hers, whole (session 69 hunt, R1: it stayed, surname and all)
                own = self._own_surname_after(text, m.start(), m.end(), pseudonym)
                if own is not None and in_talk:
                    edits.append((m.start(), own, _in_talk(text, m.start(), own, pseudonym)))
                    at = own
                continue  # "Mac Briain" beside Aoife Mac Donnchadha: not "[P05] Briain"
            if kind in ("part", "surname") and self._another_person(transcript, m, pseudonym):
                edits.append((m.start(), m.end(), _in_text(_SHARED_SURNAME)))
                continue
            if not in_talk:  # a speaker label or a heading; [name] is no one's label
                bare = _bare(pseudonym)
                edits.append(
                    (m.start(), m.end(), _in_text(bare) if bare == _SHARED_SURNAME else bare)
                )
                continue
            if kind == "roles":  # "Registered Manager" as a label: no name in the talk
                continue
            if kind == "surname" and _joined_to_a_name(text, m.start(), m.end()):
                continue  # "Mr Rhys-Evans" where Evans does not speak: not "Mr Rhys-[P62]"
            # a single name word in lower case is as often a word ("christmas eve", "her waters",
            # "ye ken") as a name ("hello denise"): it stays, and names_to_check lists it, unless
            # the key has a row that writes it so ("kerry,Person A": s76 hunt k1), in a web
            # address or a hashtag too, as a capitalised row is ("www.kerry-care.org.uk", "#kerry":
            # s77 hunt7, LOW 1; it stayed there, where "www.Kerry-Care.org.uk" was replaced)
            lower_case = kind not in ("name", "short") and not _capitalised(found)
            if lower_case and " ".join(found.split()) not in lower_rows:
                if kind == "surname":
                    # its later words may be another row's: "Stevenage,town" in "in Stevenage"
                    # of "Mind in Stevenage,charity" (privacy tester s77, M1: it was not applied)
                    at = m.start() + 1
                continue
            if kind == "surname" and not _is_surname_here(text, m.start()):
                # "Head office", "in Preston": not the person; "Mrs Head": the name. A surname
                # with its prefix ("The Uí Bhriain family") may hold a speaker's word: looked for
                if after := _after_prefix(found):
                    inner = pattern.match(text, m.start() + after)
                    if (
                        inner is not None
                        and inner[0].end() == m.end()
                        and inner[1][1] in ("part", "common")
                        and _capitalised(found)
                    ):
                        # it holds a speaker's word: the row that writes that prefix's, whole,
                        # not "The Uí [P01] family" (session 69)
                        edits.append(
                            (m.start(), m.end(), _in_talk(text, m.start(), m.end(), pseudonym))
                        )
                        continue
                    at = m.start() + after
                else:
                    at = m.start() + 1  # its later words may be another row's, as above
                continue
            if kind in _GIVEN_KINDS and (_is_surname_here(text, m.start()) or found.isupper()):
                continue  # "Ms Rose": a surname, not Rose Baker's first name; "IRIS": a programme
            if (
                kind in ("common", "given common")
                and _SENTENCE_START.search(text[max(0, m.start() - 80) : m.start()])
                and _WORD_AFTER.match(text, m.end())
            ):
                continue  # "Will it help?", "May I ask": the word; "Will is great": the name
            new = _in_text(pseudonym)
            if _reads_as_a_label(text, m.start(), m.end(), new):
                new = _bare(pseudonym)
            edits.append((m.start(), m.end(), new))
            if lower_case:
                in_lower_case.append((m.start(), m.end(), " ".join(found.split())))
            if kind == "short":
                self._warn_of_short_form(transcript, found, pseudonym)
            if pseudonym == _SHARED_SURNAME and spellings:
                self._warn_of_accents(transcript, spellings)
            if sharers:
                self._warn_of_shared_word(transcript, found, sharers)
        joined = _joined(text, edits)
        times = self._replaced_in_the_copy(text, joined, in_lower_case)
        for said, n in times.items():  # set, not added to: a transcript read twice
            self.replaced_in_lower_case.setdefault(said, {})[transcript.id] = n
        return joined

    def _replaced_in_the_copy(
        self,
        text: str,
        edits: list[tuple[int, int, str]],
        lower_case: list[tuple[int, int, str]],
    ) -> dict[str, int]:
        """How often each word of ``lower_case`` (where a lower-case row's word is replaced in
        ``text``) is replaced in the copy: not inside an identifier that replaces it whole, as
        :func:`~roqa_nlp.identifiers.names_first` chooses (``kerry@kerry-care.org.uk`` is
        ``[email]``: session 78 hunt3, F2, where it was counted, and "check these read as the name
        there" pointed to no such place)."""
        if not lower_case:
            return {}
        placeholders = identifier_matches(text, self.name_words())
        kept = set(edits) & set(names_first(edits, placeholders))
        times: dict[str, int] = {}
        for start, end, said in lower_case:
            if any(s <= start and end <= e for s, e, _ in kept):
                times[said] = times.get(said, 0) + 1
        return times

    def _named_apart(self) -> Iterator[tuple[str, str]]:
        """The key's rows, each name as :meth:`_names_apart` looks for it, and its pseudonym."""
        apart = self._names_apart()
        return ((apart[name], p) for name, p in self.pseudonyms.items())

    def _names_apart(self) -> dict[str, str]:
        """Each of the key's names as its names are looked for: with a surname's prefix written
        joined or with an apostrophe written apart (:func:`_prefix_apart`: ``Sean OBriain`` as
        ``Sean O Briain``), so it finds the forms a row writing it apart finds (session 69 hunt,
        M2); as written where another person's row writes that surname so with its prefix
        (``Iain MacLeod`` beside ``Morag Mac Leod``: the spelling tells them apart, D3)."""
        written: dict[str, set[str]] = {}  # a surname with its prefix, plain -> bare pseudonyms
        for name, p in self.pseudonyms.items():
            for form in [
                *name_parts(name),
                *(f"{prefix}{word}" for word, prefix in _prefixed_words(name).items()),
            ]:
                written.setdefault(_plain_surname(form), set()).add(_bare(p))
        out = {}
        for name, p in self.pseudonyms.items():
            apart = _prefix_apart(name)
            ours = {_bare(p)}
            if apart != name and any(
                written.get(_plain_surname(f"{prefix}{word}"), ours) - ours
                for word, prefix in _prefixed_words(apart).items()
            ):
                apart = name
            out[name] = apart
        return out

    def _persons_here(self, speakers: Iterable[str]) -> set[str]:
        """The people (:func:`_person`) of the key's rows who speak as ``speakers``: each label as
        written, and the rows it is read as without accents (``Sean O Briain:`` is the key's
        ``Seán Ó Briain``, as :meth:`get` reads it), so their words are theirs in this talk too
        (session 69 hunt, M3: ``Briain said so`` stayed beside the label ``P01:``)."""
        here = set()
        for speaker in speakers:
            here.add(_person(speaker))
            keyed = self.get(speaker)
            if keyed is None or self._as_spelled(speaker) is not None:
                continue
            plain = without_accents(_person(speaker))
            here |= {
                _person(name)
                for name, p in self.pseudonyms.items()
                if p == keyed and without_accents(_person(name)) == plain
            }
        return here

    def _another_person(self, transcript: Transcript, m: re.Match[str], pseudonym: str) -> bool:
        """Whether the word ``m`` finds, a word of the name of the one the key gives
        ``pseudonym``, follows a title and a first name of none of their names' words ("Mrs
        Joan Ellison" of Ruth Ellison's surname): another person's name, whom that pseudonym
        would misattribute (re-test s52, 11: "Mrs Joan [P61]"). Warned of once a transcript
        and name, for the researcher to check by hand."""
        before = _title_and_first_name().search(transcript.text[max(0, m.start() - 40) : m.start()])
        if before is None:
            return False
        bare = _bare(pseudonym)
        theirs = {
            without_accents(part).casefold()
            for name, p in self.pseudonyms.items()
            if _bare(p) == bare
            for part in name_parts(name)
        }
        first = before.group(1)
        if without_accents(first).casefold() in theirs:
            return False
        said = " ".join(f"{before.group(0)}{m.group(0)}".split())
        if (transcript.id, said.casefold()) not in self._warned_of_short_forms:
            self._warned_of_short_forms.add((transcript.id, said.casefold()))
            kept = said[: len(said) - len(m.group(0))]
            warn(
                f"'{said}' has the surname of {bare} but another first name, so it is "
                f"'{kept}{_in_text(_SHARED_SURNAME)}' in the copy, not {bare}'s pseudonym: check "
                f"it by hand, and give '{first} {m.group(0)}' a row of their own in the key "
                f"(e.g. '{first} {m.group(0)},relative') and run again",
                path=transcript_named(transcript),
            )
        return True

    def _own_prefix(self, pseudonym: str, said: str, lenited: bool = False) -> bool:
        """Whether ``said``, a surname of the one the key gives ``pseudonym`` with a prefix
        before it (``Ó Briain``, ``O'Briain``), is written so in a name of theirs: a prefix of
        none of their names (``Mac Briain``, ``Ní Briain`` beside Seán Ó Briain) is someone
        else's surname. ``lenited``: with or without the ``h`` of lenition (``Mac
        Dhonnchadha`` of Aoife Mac Donnchadha)."""
        bare = _bare(pseudonym)

        def plain_of(form: str) -> str:  # lenited: "Mac Dhonnchadha" as "Mac Donnchadha"
            plain = _plain_surname(form)
            return _LENITION.sub("", plain) if lenited else plain

        plain = plain_of(said)
        return any(
            plain == plain_of(form)
            for name, p in self._named_apart()
            if _bare(p) == bare
            for form in [
                *name_parts(name),
                *(f"{prefix}{word}" for word, prefix in _prefixed_words(name).items()),
            ]
        )

    def _row_of_surname(self, said: str) -> str | None:
        """The pseudonym of the key's rows whose surname is ``said`` with its prefix
        (``MacDonnchadha`` of Aoife Mac Donnchadha, ``UíBhriain`` of Máire Uí Bhriain), spelled
        with or without accents, blanks or apostrophes; ``[name]`` where it is two people's;
        None where it is no row's."""
        plain = _plain_surname(said)
        theirs = {
            _bare(p): p
            for name, p in self._named_apart()
            for form in [
                *name_parts(name),
                *(f"{prefix}{word}" for word, prefix in _prefixed_words(name).items()),
            ]
            if plain == _plain_surname(form)
        }
        if not theirs:
            return None
        return next(iter(theirs.values())) if len(theirs) == 1 else _SHARED_SURNAME

    def _prefix_of_another(self, text: str, m: re.Match[str], pseudonym: str) -> bool:
        """Whether the word ``m`` finds is the surname's prefix of a name of the one the key
        gives ``pseudonym`` (``Mac`` of Aoife Mac Donnchadha) before another capitalised word:
        the prefix of someone else's surname (``Mac Briain``), which the pseudonym would
        misattribute, and names no one alone. Alone (``Mac said so``, a nickname) it is theirs."""
        after = _CAPITAL_AFTER_PREFIX.match(text, m.end())
        if after is None or not text[after.end() - 1].isupper():
            return False
        said = _plain_surname(m.group(0))
        bare = _bare(pseudonym)
        return any(
            said == _plain_surname(prefix)
            for name, p in self._named_apart()
            if _bare(p) == bare
            for prefix in _prefixed_words(name).values()
        )

    def _own_surname_after(self, text: str, start: int, end: int, pseudonym: str) -> int | None:
        """Where the word after the prefix at ``text[start:end]`` ends, when it is the surname
        that prefix stands before in a name of the one the key gives ``pseudonym``, spelt
        otherwise (:func:`_spelt_otherwise`: ``Mac Dhonnchadha``, ``Mac Donnacha`` of Aoife Mac
        Donnchadha), else None: another surname (``Mac Briain``) is someone else's."""
        after = _WORD_AFTER_PREFIX.match(text, end)
        if after is None or not after.group(1)[:1].isupper():
            return None
        said = _plain_surname(text[start:end])
        bare = _bare(pseudonym)
        if any(
            said == _plain_surname(prefix) and _spelt_otherwise(after.group(1), word)
            for name, p in self._named_apart()
            if _bare(p) == bare
            for word, prefix in _prefixed_words(name).items()
        ):
            return after.end()
        return None

    def _warn_of_other_prefix(self, transcript: Transcript, said: str, pseudonym: str) -> None:
        """Warn, once a transcript and form, that ``said`` (``Nic Donnchadha``) is the surname of
        the one the key gives ``pseudonym`` under a prefix none of their names writes, so it is
        ``[name]``: someone else of that surname, whom their pseudonym would misattribute."""
        said = " ".join(said.split())
        if (transcript.id, f"prefix {said.casefold()}") in self._warned_of_short_forms:
            return
        self._warned_of_short_forms.add((transcript.id, f"prefix {said.casefold()}"))
        bare = _bare(pseudonym)
        whose = "two people of the key" if bare == _SHARED_SURNAME else bare
        theirs = "a pseudonym of theirs" if bare == _SHARED_SURNAME else f"{bare}'s pseudonym"
        # the word after the prefix may be their first name ("O'Neil" of Neil Kelly), and the
        # row to add is written capitalised ("Mac Briain", not "mac Briain"): session 69, R2
        word = _plain_surname(said)
        for prefix in sorted(_surname_prefixes(), key=len, reverse=True):
            if word.startswith(prefix) and len(word) > len(prefix):
                word = word[len(prefix) :]
                break
        names = [name_parts(name) for name, p in self._named_apart() if _bare(p) == bare]
        first = any(
            w[:1] and _plain_surname(w[0]) == word and all(_plain_surname(v) != word for v in w[1:])
            for w in names
        )
        what = "first name of" if first and bare != _SHARED_SURNAME else "surname of"
        how = "a surname's prefix" if what == "first name of" else "another prefix"
        row = said[:1].upper() + said[1:]
        warn(
            f"'{said}' has the {what} {whose} with {how}, so it is "
            f"'{_in_text(_SHARED_SURNAME)}' in the copy, not {theirs}: check it by "
            f"hand, and give '{row}' a row of their own in the key (e.g. '{row},relative') "
            "and run again",
            path=transcript_named(transcript),
        )

    def _warn_of_short_form(self, transcript: Transcript, found: str, pseudonym: str) -> None:
        """Warn, once a transcript and form, that ``found`` (``Mary Smith``) was taken for the
        key's name without its middle name (``Mary Ann Smith``) where that person does not
        speak: it may be someone else, whom the pseudonym misattributes (review s51)."""
        said = " ".join(found.split())
        if (transcript.id, said.casefold()) in self._warned_of_short_forms:
            return
        self._warned_of_short_forms.add((transcript.id, said.casefold()))
        warn(
            f"'{said}' was taken for {_in_text(pseudonym)}, a name of the pseudonym key without "
            "its middle name, though that person does not speak here: if it is someone else, "
            f"give '{said}' a row of its own in the key and run again",
            path=transcript_named(transcript),
        )

    def _warn_of_shared_word(
        self, transcript: Transcript, found: str, sharers: tuple[str, ...]
    ) -> None:
        """Warn, once a transcript and word, that ``found`` ("Daniel") is a word of the names of
        ``sharers`` (pseudonyms), who all speak here, so it is ``[name]``: whom it names is for
        the researcher to tell, by hand (tester s61 focus, 4)."""
        said = " ".join(found.split())
        if (transcript.id, f"shared {said.casefold()}") in self._warned_of_short_forms:
            return
        self._warned_of_short_forms.add((transcript.id, f"shared {said.casefold()}"))
        who = "both" if len(sharers) == 2 else "all"
        warn(
            f"'{said}' is a word of the names of {and_list(sharers)}, who {who} speak here, so "
            f"it is '{_in_text(_SHARED_SURNAME)}' there, not one of their pseudonyms, which "
            "might name the wrong one: check by hand whom it names where it stands",
            path=transcript_named(transcript),
        )

    def _warn_of_accents(self, transcript: Transcript, spellings: dict[str, str]) -> None:
        """Warn, once for the rows, that a name in the talk is spelled as none of the key's rows
        that differ only by accents and give ``spellings`` their pseudonyms: it is ``[name]``,
        as a pseudonym of either would be a guess."""
        theirs = tuple(sorted({_bare(p) for p in spellings.values()}))
        if theirs in self._warned_of_accents:
            return
        self._warned_of_accents.add(theirs)
        warn(
            f"a name in the talk is spelled as neither of the key's rows for {and_list(theirs)}, "
            f"whose names differ only by accents, so it is {_in_text(_SHARED_SURNAME)} in the "
            "copy, not one of them: add a row to the key for that spelling with its person's "
            "pseudonym",
            path=transcript_named(transcript),
        )

    def _pattern(
        self, speakers: Iterable[str]
    ) -> Alternation[tuple[str, str, dict[str, str] | None, tuple[str, ...]]] | None:
        """One regular expression for the key's names, and for each of its alternatives the
        pseudonym and the kind of name it finds: ``name`` (a full name, in any case), ``part``
        or ``common`` (a word of a name, capitalised; ``common`` when it is also an English word)
        or ``roles`` (a label of role words only, replaced outside the talk only).

        A part alone ("Priya"), like a speaker's one-word name, is taken for that speaker only
        in a transcript they speak in: in another interview of a study over several sites it
        is as likely someone else, whom a pseudonym would misattribute. Full names of two words
        or more, and one-word rows the researcher added (their pseudonym is not a speaker's),
        are replaced everywhere. A one-word row given the pseudonym of a speaker of the
        transcript ("Mo,P07", a nickname) is that speaker's alias, replaced as their first name.

        Names that differ only by accents share a regular expression (:func:`_letter_regex`):
        when their rows give them two pseudonyms, the third item of its group's value maps each
        row's spelling (:func:`_spelling`) to its pseudonym, and is None otherwise.

        A word of the names of two people or more who speak here, spelled alike ("Daniel" of
        Daniel Okoro and Daniel Whitcombe in one focus group), is neither's: ``[name]``, as a
        surname two people of the key share is, since either pseudonym may name the wrong one
        (tester s61 focus, 4: "[P01], what is it like for you?" asked of P03). The fourth item
        of its group's value is their pseudonyms, to warn of it; empty otherwise."""
        speakers = list(speakers)
        here = self._persons_here(speakers)  # "Mary-Jane O’Neill" speaks as "Mary-Jane O'Neill"
        # the pseudonyms of the people who speak here: their aliases are theirs in this talk
        voiced = {_bare(p).casefold() for p in map(self.get, speakers) if p is not None}
        found: dict[str, tuple[str, str]] = {}  # regex -> (pseudonym, kind); first one wins
        parts: dict[str, tuple[str, str]] = {}
        surnames: dict[str, dict[str, str]] = {}  # regex -> {bare pseudonym: pseudonym}
        given: dict[str, tuple[str, str]] = {}  # regex -> (pseudonym, first word): _given_kind
        spelled: dict[str, dict[str, str]] = {}  # regex -> {spelling: pseudonym}
        # regex -> {spelling: {pseudonym}} of the words of the names of the people who speak here
        voiced_words: dict[str, dict[str, dict[str, str]]] = {}
        labelled_by: set[str] = set()  # the one words that label a speaker here
        # each word of the key's names (any place in them) and whose they are: a first name that
        # is two people's, or also a word of another's name, is neither's alone
        whose: dict[str, set[str]] = {}
        # a surname's prefix the key writes joined looked for as written apart (session 69, M2)
        apart = self._names_apart()
        for name, pseudonym in self.pseudonyms.items():
            for part in name_parts(apart[name]):
                for word in [part, *_pieces(part)]:
                    whose.setdefault(f"(?i:{_name_regex(word)})", set()).add(
                        _bare(pseudonym).casefold()
                    )

        def put(
            table: dict[str, tuple[str, str]], regex: str, as_spelled: str, value: tuple[str, str]
        ) -> None:
            table.setdefault(regex, value)
            spelled.setdefault(regex, {}).setdefault(_spelling(as_spelled), value[0])

        # the full names of the key's rows: a shorter form of another row's name is not theirs
        full_names = {" ".join(name_parts(name)).casefold() for name in apart.values()}
        # the words of the key's names as spelled: "MacLeod" of one row is not "Mac Leod" of another
        key_words = {_spelling(part) for name in apart.values() for part in name_parts(name)}
        for own, pseudonym in self.pseudonyms.items():
            name = apart[own]
            words = name_parts(name)
            # a surname's prefix written apart ("Ó Súilleabháin"): found with it, joined or not
            prefixes = _prefixed_words(name)
            one_word = len(name.split()) == 1
            speaks_here = _person(own) in here or (
                one_word and _bare(pseudonym).casefold() in voiced
            )
            if not words:  # roles, unless digits or an address: a number is anyone's
                if _is_identifier_row(name):
                    found.setdefault(_identifier_regex(name), (pseudonym, "name"))
                else:
                    found.setdefault(f"(?i:{_name_regex(name)})", (pseudonym, "roles"))
            elif one_word:
                if _person(name) in here:
                    # a speaker labelled by this one word ("Kate:" beside the interviewer "Kate
                    # Brown:") is that word here, label and talk: never the other's pseudonym
                    # (tester s46 ids 2: her labels were written "Interviewer:")
                    regex = f"(?i:{_name_regex(name)})"
                    kind = "common" if _is_common_word(words[0]) else "part"
                    parts[regex] = (pseudonym, kind)
                    spelled[regex] = {_spelling(name): pseudonym}
                    labelled_by.add(regex)
                elif speaks_here or not _SPEAKER_PSEUDONYM.fullmatch(_bare(pseudonym)):
                    kind = "common" if _is_common_word(words[0]) else "part"
                    put(parts, f"(?i:{_name_regex(name)})", name, (pseudonym, kind))
                elif not speaks_here:
                    continue
            else:
                # the first and last name without the middle ones ("Gurpreet Sandhu" of Gurpreet
                # Kaur Sandhu: Kaur and Singh are often dropped), tester s51 privacy, 7; a
                # person's only, and not another row's name ("Mary Smith" beside Mary Ann
                # Smith; "Oak House" of Oak Tree House, review s51, 4)
                person = _person_row(name, pseudonym)
                short = [words[0], words[-1]] if len(words) > 2 and person else []
                if " ".join(short).casefold() in full_names:
                    short = []
                for full in dict.fromkeys([name, " ".join(words), " ".join(short)]):
                    if len(full.split()) > 1:
                        # the short form where its person does not speak may be another's:
                        # replaced (docs/privacy.md), and told of (review s51)
                        kind = "short" if short and full == " ".join(short) else "name"
                        kind = "name" if speaks_here else kind
                        regex = f"(?i:{_name_regex(full, prefixes)})"
                        put(found, regex, full, (pseudonym, kind))
                # written surname first ("Lee, Sam", "Sandhu, Gurpreet"): the same person, when
                # the row is a speaker's; a row of a description may be a place or a service, and
                # two places are often said so ("Stevenage, Pathways" of Pathways Stevenage)
                bare = _bare(pseudonym)
                speakers_row = _ONE_SPEAKER_PSEUDONYM.fullmatch(bare) or (
                    _CHAT_SENDER_PSEUDONYM.fullmatch(bare)
                )
                if speakers_row and "," not in name:
                    for form in dict.fromkeys([" ".join(words), " ".join(short)]):
                        kind = "short" if short and form == " ".join(short) else "name"
                        kind = "name" if speaks_here else kind
                        written = _surname_first_regexes(form.split(), prefixes)
                        for regex, as_spelled in written.items():
                            put(found, regex, as_spelled, (pseudonym, kind))
                if len(words) > 1:
                    joined = _joined_name_regex(words, prefixes)
                    put(found, joined, "".join(words), (pseudonym, "name"))
                last_prefixed = words[-1] in prefixes
                if len(words) > 1 and person and not _is_word_surname(words[-1]):
                    # the surname after the first name's initial, a capital, and a dot or the
                    # surname capitalised as the key writes it ("S. O'Driscoll", "G Sandhu"; not
                    # "A little" of Amanda Little nor "I hope" of Ian Hope, review s51, 1)
                    initial = f"(?-i:{_letter_regex(words[0][0].upper())})"
                    capitals = [words[-1][0], *([prefixes[words[-1]][0]] if last_prefixed else [])]
                    first = f"(?-i:(?={'|'.join(map(_letter_regex, capitals))}))"
                    blank = f"(?:\\s|{_NO_WIDTH})+"
                    put(
                        found,
                        rf"(?i:{initial}(?:\.{blank}|{blank}{first})"
                        rf"{_name_regex(words[-1], prefixes)})",
                        f"{words[0][0]} {words[-1]}",
                        (pseudonym, "name"),
                    )
                    if speakers_row and "," not in name:
                        # and surname first, with the dot ("Smith, J."; not "Smith, I think" of
                        # Ian Smith)
                        put(
                            found,
                            rf"(?i:{_name_regex(words[-1], prefixes)},"
                            rf"(?:\s|{_NO_WIDTH})*{initial}\.)",
                            f"{words[-1]}, {words[0][0]}",
                            (pseudonym, "name"),
                        )
            # a surname with its prefix written ("Ní Bhriain", "NíBhriain"): the row's own; the
            # word alone is every row's that has it (R2), as are its other words
            prefixed = {
                _prefixed_regex(prefix, word, _spelling(prefix + word) not in key_words): (
                    f"{prefix} {word}",
                    word,
                )
                for word, prefix in prefixes.items()
            }
            if speaks_here and not one_word:
                alone = [(f"(?i:{_name_regex(w)})", w, w) for p in words for w in [p, *_pieces(p)]]
                for word in dict.fromkeys([*prefixes, *words[-1:]]):
                    # the surname joined to a prefix ("NicDonnchadha", "MacBriain"): its own, or
                    # someone else's under another prefix (session 69)
                    parts.setdefault(_joined_to_any_prefix(word), (pseudonym, "prefixed"))
                for word in prefixes:
                    # lenited after a prefix, as Irish writes a sister's, a mother's or the
                    # genitive ("Ní Bhriain", "Uí Bhriain", "Mhic Dhonnchadha"): a row's, or
                    # someone else's of that family (session 69 hunt, M1)
                    if (lenited := _lenited(word)) is not None:
                        parts.setdefault(_after_any_prefix(lenited), (pseudonym, "prefixed"))
                    # and the other way: a row written lenited ("Aoife Ní Bhriain"), her
                    # family's unlenited forms ("Ó Briain", "Mac Briain": someone else's of that
                    # family; "Ní Briain": hers) and the bare root ("Briain"), as her surname
                    # word alone (session 69 hunt of the joined keys, missed HIGH)
                    if (root := _unlenited(word, prefixes[word])) is not None:
                        parts.setdefault(_after_any_prefix(root), (pseudonym, "prefixed"))
                        alone.append((f"(?i:{_name_regex(root)})", root, root))
                for prefix in prefixes.values():
                    if prefix not in words:  # "O", "Ó" of "O Donnell": no word of its own
                        # her own prefix before a word: her surname spelt otherwise ("O
                        # Donnel", "O'Driscol") is hers, whole (_own_surname_after); another's
                        # stays (session 69 hunt of the joined keys, missed HIGH)
                        regex = (
                            f"(?i:{_word_regex(prefix)})(?:['’]|(?:\\s|{_NO_WIDTH})+)[^\\W\\d_]+"
                        )
                        parts.setdefault(regex, (pseudonym, "own prefix"))
                for regex, as_spelled, word in [*alone, *((r, *v) for r, v in prefixed.items())]:
                    kind = "common" if _is_common_word(word) else "part"
                    put(parts, regex, as_spelled, (pseudonym, kind))
                    voiced_words.setdefault(regex, {}).setdefault(_spelling(as_spelled), {})[
                        _bare(pseudonym).casefold()
                    ] = _bare(pseudonym)
            elif not one_word and len(words) > 1:
                if (
                    _first_word_alone(words)
                    and not _SPEAKER_PSEUDONYM.fullmatch(_bare(pseudonym))
                    and not _CHAT_SENDER_PSEUDONYM.fullmatch(_bare(pseudonym))
                ):
                    # a row the researcher added for someone the talk names ("Tom Beckett,social
                    # worker", "Brookfield House,service"): its first word alone is theirs too
                    given.setdefault(f"(?i:{_name_regex(words[0])})", (pseudonym, words[0]))
                # the last word, and all after the first of three or more ("Ms Ann Nic Giolla"),
                # and a surname with its prefix written ("Ms Ní Bhriain", "Ms NíBhriain")
                with_prefix = {as_spelled for as_spelled, _ in prefixed.values()}
                forms = [
                    f"(?i:{_name_regex(surname)})"
                    for surname in dict.fromkeys([words[-1], " ".join(words[1:])])
                    if surname not in with_prefix
                ]
                for regex in [*forms, *prefixed]:
                    surnames.setdefault(regex, {})[_bare(pseudonym).casefold()] = pseudonym
        for speaker in speakers:
            # a display name the key gives its person's pseudonym ("Jane Smith | NHS", "Bernadette
            # Okonkwo (Calderdale Recovery Hub)" for a row of the name alone): the label whole,
            # not the name in it ("P07 | NHS:", "P12 (Calderdale Recovery Hub):", tester s51);
            # and one written surname first ("Adeyemi, Grace:" is "P01:", not "P01, P01:")
            keyed = self.get(speaker)
            if keyed is not None and (_has_extras(speaker) or given_name_first(speaker) != speaker):
                regex = f"(?i:{_name_regex(speaker, _prefixed_words(speaker))})"
                found.setdefault(regex, (keyed, "name"))
        shared: dict[str, tuple[str, ...]] = {}
        for regex, spellings in voiced_words.items():
            # a word of two speakers' names here, spelled alike, is neither's (a one word that
            # labels a speaker is theirs: "Kate:" beside "Kate Brown:")
            alike = [theirs for theirs in spellings.values() if len(theirs) > 1]
            if alike and regex not in labelled_by:
                parts[regex] = (_SHARED_SURNAME, parts[regex][1])
                spelled.pop(regex, None)
                shared[regex] = tuple(sorted(alike[0].values()))
        for regex, theirs in surnames.items():
            # a surname two people of the key share is neither's where neither speaks, and
            # after a title the neutral [name]: left as written, "Mrs Young" named Grace Young,
            # whose copy read "Mrs [P01]" before a Mark Young was keyed (tester s42 D4); a row's
            # own full name is that row's, never another's middle and last name ("John Evans"
            # beside "David John Evans", re-tester s51, 1)
            if regex not in parts and regex not in found:
                one = next(iter(theirs.values())) if len(theirs) == 1 else _SHARED_SURNAME
                parts[regex] = (one, "surname")
        for regex, (pseudonym, word) in given.items():
            # a speaker's word here is theirs; a word two people of the key have is neither's
            given_as = _given_kind(word)
            if regex not in parts and len(whose[regex]) == 1 and given_as is not None:
                parts[regex] = (pseudonym, given_as)
        return _one_pattern(
            [
                (regex, (pseudonym, kind, _told_apart(spelled.get(regex)), shared.get(regex, ())))
                for regex, (pseudonym, kind) in [*found.items(), *parts.items()]
            ],
            rf"(?<!{NAME_CHAR})",
            rf"(?!{NAME_CHAR})",  # a mark goes on the word: "शर्म" is not "शर्मा"
            part=lambda found_as: found_as[0],  # a row's alternatives: its pseudonym's
        )

    def name_words(self) -> frozenset[str]:
        """The words of the key's names (:func:`name_parts`, a hyphenated one's pieces too), in
        lower case, but English stop words: one of them read out before "at" and a domain is an
        e-mail address (``aisha at nhs dot net``:
        :func:`~roqa_nlp.identifiers.identifier_matches`)."""
        return frozenset(
            word.casefold()
            for name in self.pseudonyms
            for part in name_parts(name)
            for word in [part, *_pieces(part)]
            if not _is_common_word(word)
        )

    def names_in_path(self, transcript: Transcript) -> set[str]:
        """The parts of the key's names that the transcript's id, or a folder or file name of
        its path, holds: outputs carry them (segment ids, the report's headings, ``source``)."""
        where = [transcript.id, *Path(transcript.source).parts] if transcript.source else []
        return set(_name_parts_in(where or [transcript.id], self.pseudonyms))

    def pseudonymised_name(self, name: str, speakers: Iterable[str] = ()) -> str:
        """``name`` (a transcript's id or file name) with the key's names in it replaced by
        their pseudonyms, bare, as the talk of a transcript whose ``speakers`` these are has
        them replaced (:meth:`_edits`): a full name wherever it stands (``Interview 11 - Gareth
        Jones`` -> ``Interview 11 - P11``), a word of the name of someone who speaks in it, and
        a one-word row that is no speaker's (``Priya,nurse``). Unlike the talk, in any case and
        with any blanks, underscores, dots or hyphens between the words, or none, as file names
        are written (``zoom_maria_okafor``, ``MariaOkafor``); a word that is also an English word
        (``Will``) stays. The rest of the name is kept, so the names of a study's files stay
        told apart."""
        pattern = self._file_name_pattern(speakers)
        if pattern is None:
            return name
        edits: list[tuple[int, int, str]] = []
        for m, pseudonym in pattern.finditer(name):
            new = _FILE_NAME_UNSAFE.sub("-", _bare(pseudonym))
            last = edits[-1] if edits else None
            if (
                last is not None
                and last[2] == new
                and _FILE_NAME_GAP.fullmatch(name[last[1] : m.start()])
            ):
                edits[-1] = (last[0], m.end(), new)  # "Jones, Gareth": one P11
            else:
                edits.append((m.start(), m.end(), new))
        return _rewrite(name, edits)[0]

    def _file_name_pattern(self, speakers: Iterable[str]) -> Alternation[str] | None:
        """One case-insensitive regular expression for the names :meth:`pseudonymised_name`
        replaces, and for each of its alternatives the pseudonym."""
        speakers = list(speakers)
        here = self._persons_here(speakers)
        # a one-word row with a speaker's pseudonym ("Mo,P07") is their alias, as in the talk
        voiced = {_bare(p).casefold() for p in map(self.get, speakers) if p is not None}
        found: dict[str, str] = {}  # regex -> pseudonym; first one wins
        parts: dict[str, str] = {}
        apart = self._names_apart()  # "Sean OBriain" as "Sean O Briain" (session 69, M2)
        for own, pseudonym in self.pseudonyms.items():
            name = apart[own]
            # a participant id or a role in a label ("Interviewer - P04") names no one: a file
            # name keeps it ("p04_v16" stays, not "Interviewer_v16")
            words = [w for w in name_parts(name) if not is_role_label(w)]
            prefixes = _prefixed_words(name)
            one_word = len(name.split()) == 1
            speaks_here = _person(own) in here or (
                one_word and _bare(pseudonym).casefold() in voiced
            )
            if one_word:
                keyed = speaks_here or not _SPEAKER_PSEUDONYM.fullmatch(_bare(pseudonym))
                if words and keyed and not _is_common_word(words[0]):
                    parts.setdefault(_file_word_regex(words[0]), pseudonym)
                continue
            if len(words) > 1:
                regexes = _words_regexes(words, prefixes, _file_word_regex, r"[\W_]*")
                found.setdefault(r"[\W_]*".join(regexes), pseudonym)
            if speaks_here:
                for part in words:
                    for word in [part, *_pieces(part)]:
                        if not _is_common_word(word):
                            parts.setdefault(_file_word_regex(word, prefixes.get(word)), pseudonym)
                for word in prefixes:
                    # under another prefix, lenited or not ("zoom_mac_briain", "zoom_ni_bhriain"
                    # of Seán Ó Briain): the pseudonym, no prefix left beside it (session 69, M4)
                    for form in filter(None, [word, _lenited(word)]):
                        regex = _file_word_regex(form)
                        parts.setdefault(
                            rf"(?:{_any_prefix_in_file_name()})[\W_]*{regex}", pseudonym
                        )
        # not within a word: letters on neither side (digits and underscores are no letters)
        return _one_pattern(
            [*found.items(), *parts.items()],
            r"(?<![^\W\d_])",
            r"(?![^\W\d_])",
            re.IGNORECASE,
            part=lambda pseudonym: pseudonym,  # a row's alternatives
        )

    def _warn_of_file_name(
        self, transcript: Transcript, renamed: str, numbered: str | None = None
    ) -> None:
        """Tell the researcher when the transcript's id held a name of the key, or the number of
        ``numbered``, another person's in the key, so the outputs name it ``renamed``; and warn
        when its new id still holds a name (a first name of someone who does not speak in it:
        :meth:`names_in_path`), for them to rename the file."""
        before = _name_parts_in([transcript.id], self.pseudonyms)
        left = _name_parts_in([renamed], self.pseudonyms)
        said = []
        if renamed != transcript.id:
            which = f" ({first_few(sorted(before))})" if before else ""
            held = [
                *([f"a name of the pseudonym key{which}"] if before or not numbered else []),
                *([f"the number of {numbered}, someone else's in the key"] if numbered else []),
            ]
            said.append(
                f"the file's name holds {' and '.join(held)}, so the outputs name the "
                f"transcript {renamed!r}"
            )
        if left:
            said.append(
                f"{'its new name' if said else 'the file name'} still holds a name of the "
                f"pseudonym key ({first_few(sorted(left))}), which the outputs carry: "
                f"{_rename(transcript)}"
            )
        known = {w.casefold() for p in self.pseudonyms.values() for w in _bare(p).split()}
        maybe = [w for w in _maybe_names_in_file_name(renamed) if w.casefold() not in known]
        maybe = [w for w in maybe if w not in left]
        if maybe:
            said.append(
                f"{'its new name' if said else 'the file name'} holds {first_few(maybe)}, which "
                "may be a name (a capitalised word roqa does not know), and the outputs carry "
                f"it: {_rename(transcript)}"
            )
        given = [
            w
            for w in _given_names_in_file_name(renamed)
            if w.casefold() not in known | {x.casefold() for x in left}
        ]
        if given:
            said.append(
                f"{'its new name' if said else 'the file name'} holds {first_few(given)}, a "
                "given name in lower case, and the outputs carry it: "
                f"{_rename(transcript)}"
            )
        if said:
            warn("; ".join(said), path=transcript_named(transcript))


#: a word of a file name: letters and digits, with inner apostrophes ("Zoë's", "O'Neill")
_FILE_NAME_WORD = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})*")


@cache
def _file_name_words_no_one() -> tuple[frozenset[str], frozenset[str]]:
    """The words of a file name that name no one (:func:`_maybe_names_in_file_name`), and the
    roles and file name words among them, joined once: joined at every call, they took a tenth
    of the time of pseudonymising a short transcript."""
    from .transcripts.roles import file_name_words

    known = (
        _stop_words()
        | packaged_words("stop_words_spoken.txt")
        | _not_names()
        | _public_words()
        | packaged_words("everyday_words.txt")
        | file_name_words()
    )
    return known, _not_names() | file_name_words()


def _maybe_names_in_file_name(name: str) -> list[str]:
    """The words of a transcript's ``name`` (its id) that may name a person or a place, in order,
    once each, without a possessive ``'s``: capitalised with lower-case letters (``Karen``,
    ``Zoë``; not ``NHS``), with no digit (not ``P14``, ``v2``), and neither an English stop word
    nor a word of ``data/not_names.txt``, ``data/public_proper_words.txt``,
    ``data/everyday_words.txt`` (``Matron``, ``Telephone``, ``Spring``) or a file name's
    (:func:`~.transcripts.roles.file_name_words`: ``Interview``, ``Transcript``, ``Final``,
    ``Zoom``, ``March``, ``Paramedic``)."""
    known, roles = _file_name_words_no_one()
    words = []
    for word in _FILE_NAME_WORD.findall(unicodedata.normalize("NFC", name)):
        for suffix in ("'s", "’s"):
            word = word.removesuffix(suffix)
        words.append(word)
    given = packaged_words("word_given_names.txt")
    found: dict[str, None] = {}
    for i, word in enumerate(words):
        if any(c.isdigit() for c in word) or not _may_be_a_name(word):
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        # a given name that is also a word before another capitalised word is a full name
        # ("Hope Young interview", "Mark White zoom"; hunt s39/3: everyday words hid them)
        full = (
            word.casefold() in given
            and _may_be_a_name(after)
            and not any(c.isdigit() for c in after)
            and after.casefold() not in roles
        )
        if full:
            found[word] = found[after] = None
        elif not _word_and_singular(word) & known:
            found[word] = None
    return list(found)


def _given_names_in_file_name(name: str) -> list[str]:
    """The words of a transcript's ``name`` (its id) in lower case that are common given names
    (:func:`~roqa_nlp.given_names.is_common_given_name`: ``bernadette`` of
    ``p09_bernadette_quigley``), in order, once each: not an everyday word (``grace``, ``will``)
    nor one a file name uses for no one (:func:`_file_name_words_no_one`), as a capitalised
    word of it is weighed (:func:`_maybe_names_in_file_name`). Privacy2 L8 (session 78): a
    lower-case file name of someone who does not speak was kept unsaid."""
    known, _roles = _file_name_words_no_one()
    found: dict[str, None] = {}
    for word in _FILE_NAME_WORD.findall(unicodedata.normalize("NFC", name)):
        word = word.removesuffix("'s").removesuffix("’s")
        if (
            word.islower()
            and is_common_given_name(word)
            and not _is_everyday_word(word)
            and not _word_and_singular(word) & known
        ):
            found[word] = None
    return list(found)


def _full_names_in_file_name(transcript: Transcript, speakers: Iterable[str]) -> dict[str, str]:
    """Each full name of the transcript's file name or id whose first word is the one-word label
    of one of ``speakers`` and whose next word may be a name (:func:`_maybe_names_in_file_name`),
    and that speaker: ``Rhiannon Llewellyn`` for ``Rhiannon`` of ``Interview 03 - Rhiannon
    Llewellyn.txt`` or ``p03_rhiannon_llewellyn.txt``."""
    one_word = {
        without_accents(s.casefold()): s
        for s in speakers
        if not _names_no_one(s) and len(s.split()) == 1 and name_parts(s) == [s]
    }
    found: dict[str, str] = {}
    stem = Path(transcript.source).stem if transcript.source else ""
    for piece in dict.fromkeys([stem, transcript.id]):
        piece = unicodedata.normalize("NFC", piece)
        # a file name in lower case is weighed as if capitalised ("rhiannon_llewellyn")
        names = {
            w.casefold() for form in (piece, piece.title()) for w in _maybe_names_in_file_name(form)
        }
        words = _FILE_NAME_WORD.findall(piece)
        for first, last in zip(words, words[1:], strict=False):
            speaker = one_word.get(without_accents(first.casefold()))
            if (
                speaker is not None
                and last.casefold() in names
                and not _may_be_a_place(first, last)
            ):
                found.setdefault(f"{first} {last}", speaker)
    return found


def _may_be_a_place(first: str, last: str) -> bool:
    """Whether ``first last`` of a file name may name a place or a service, not a person, so is
    not taken for a speaker's full name (re-tester s51, 6): ``first`` opens a place's name in
    Welsh or Gaelic (:func:`~.identifiers.street_first_words`: ``Bryn Awel``), or ``last`` is an
    everyday word (``data/everyday_words.txt``: ``Rose Cottage``) that is no surname
    (``data/word_surnames.txt``: ``Rose Hill`` may be a person)."""
    word = last.casefold()
    return first.casefold() in street_first_words() or (
        word in packaged_words("everyday_words.txt") and word not in _word_surnames()
    )


def _file_name_people(transcript: Transcript) -> dict[str, str]:
    """The full names of the file name that are its one-word speakers'
    (:func:`_full_names_in_file_name`), each with that speaker's role."""
    speakers = _speakers(transcript)
    return {n: speakers[s] for n, s in _full_names_in_file_name(transcript, speakers).items()}


def names_in_file_name(transcript: Transcript) -> list[str]:
    """The parts of speakers' names (``Denise``, ``Okoro`` of a Zoom label ``Denise Okoro``) that
    the transcript's file name or id holds (``zoom_denise_okoro.vtt``): the case label, segment
    ids and the report carry it, so coding without a pseudonym key puts the name in every
    output. Role and number labels, and name parts that are common words, are not names."""
    stem = Path(transcript.source).stem if transcript.source else ""
    speakers = dict.fromkeys(t.speaker for t in transcript.turns if not _names_no_one(t.speaker))
    return _name_parts_in([stem, transcript.id], speakers)


def _name_parts_in(pieces: Iterable[str], names: Iterable[str]) -> list[str]:
    """The parts of ``names`` (:func:`name_parts`; common words left out) that are words of
    ``pieces`` (file and folder names), in the order of the names. Both are compared without
    accents and apostrophes, as file names are often typed: ``p01_siobhan_odriscoll`` holds
    ``Siobhán O'Driscoll`` (tester s51 privacy, 5: it was warned of in no file name), and
    ``zoom_grainne_osuilleabhain`` ``Ó Súilleabháin``, a surname joined to its prefix."""
    words = {w for piece in pieces for w in re.findall(r"[^\W\d_]+", _file_name_form(piece))}
    found = {
        part: None
        for name in names
        for part in [*name_parts(name), *(f"{p} {w}" for w, p in _prefixed_words(name).items())]
        if _file_name_form(part).replace(" ", "") in words and not _is_common_word(part)
    }
    return list(found)


def transcript_named(transcript: Transcript) -> str:
    """How a warning or error names ``transcript``: a QDA project's source by its name in the
    program (``study.qdpx: source 'rm01'``: :func:`~roqa_nlp.transcripts.said_source`), as the
    reader's warnings and errors name it, not by the member file the project keeps its text in
    (``study.qdpx:sources/2c147f00-….txt``); any other by its ``source``, else its id."""
    from .transcripts import said_source

    if transcript.metadata.get("format") == "qdpx" and ".qdpx:" not in transcript.source:
        # pseudonymised, its source is the member file alone: the project's path may name
        # someone (docs/privacy.md, Names in file names); said by its name in the outputs
        return f"source {transcript.metadata.get('refi_name') or transcript.id!r}"
    return said_source(transcript) or transcript.id


def _keyed_in_named(transcript: Transcript) -> str:
    """How a warning names the transcript a speaker was keyed from ("keyed from fg01.txt"): by
    its file name alone, a QDA project's source by its name (``study.qdpx: source 'fg01'``:
    :func:`transcript_named`), not by the member file the project keeps its text in
    (``8d1f….txt``, before session 74)."""
    if transcript.metadata.get("format") == "qdpx":
        return transcript_named(transcript)
    return _last_part(transcript.source) or transcript.id


def _rename(transcript: Transcript) -> str:
    """How to rename ``transcript``'s file: a QDA project's source is renamed in the program."""
    if transcript.metadata.get("format") == "qdpx":
        return "rename the source in the QDA program"
    return "rename the file"


def _file_name_form(text: str) -> str:
    """``text`` as :func:`_name_parts_in` compares it: as a speaker's labels are
    (:func:`~roqa_nlp.transcripts.roles.name_key`: in lower case, without accents or emoji) but
    without apostrophes, which a file name drops (``p01_siobhan_odriscoll.txt`` of ``Siobhán
    O’Driscoll``), where a label keeps them (``O'Neil`` is not ``Oneil`` there)."""
    from .transcripts.roles import name_key

    return name_key(text.casefold()).replace("'", "")


def _with_file_number(name: str, given: int, number: int) -> str:
    """``name`` with the participant or interview number ``given`` its file name gave
    (``p02_alpha``, ``Interview 02 - notes``: :func:`~roqa_nlp.transcripts.roles.
    participant_from_filename`) made ``number``, as wide as it was written (``p06_alpha``); as
    it is when it holds no such number."""
    from .transcripts.roles import INTERVIEW_IN_FILENAME, PARTICIPANT_IN_FILENAME

    for pattern in (PARTICIPANT_IN_FILENAME, INTERVIEW_IN_FILENAME):
        for m in pattern.finditer(name):
            if int(m.group("number")) == given and not in_a_date(
                name, m.start("number"), m.end("number")
            ):
                digits = f"{number:0{len(m.group('number'))}d}"
                return name[: m.start("number")] + digits + name[m.end("number") :]
    return name


def _greeted_name(transcript: Transcript) -> tuple[str, str, str] | None:
    """``(label, name, greeting)``: the label of ``transcript``'s one participant when it holds
    no word of a name (:func:`name_parts`: ``Team Leader``, ``Mum``) and is no role's or
    number's (:func:`_names_no_one`: ``Participant``, ``P07``), and the one name the
    interviewer's turns before that participant's first greet someone by (a capitalised word
    after a word of ``data/address_words.txt``: "Hi Ruth", "Hello, Ruth"; :func:`_may_be_said_to`,
    so not "Hi there" or "Hi everyone"), with the greeting as said; None for none, for two
    ("Hi Ruth, hi Tom": whose?) or in a transcript of two participants or none."""
    speakers = _speakers(transcript)
    participants = [s for s, role in speakers.items() if role == "participant"]
    if len(participants) != 1 or "interviewer" not in speakers.values():
        return None
    (label,) = participants
    if _names_no_one(label) or _role_alone(label) or name_parts(label):
        return None
    first = min(turn.start for turn in transcript.turns if turn.speaker == label)
    names: dict[str, tuple[str, str]] = {}  # the name in lower case -> (name, greeting)
    for turn in transcript.turns:
        if turn.role != "interviewer" or turn.start > first:
            continue
        said = transcript.text[turn.start : turn.end]
        # a word after a greeting starts where a greeting's last word and its blanks end: one
        # pass finds those places, and the greeting before the word there is read as before
        for end in (g.end() for g in _address_ends().finditer(said)):
            if (m := _TALK_WORD.match(said, end)) is None:
                continue
            found = _address_before().search(said[max(0, m.start() - 30) : m.start()])
            if found is not None and _may_be_said_to(word := m.group(0)):
                greeting = " ".join(f"{found.group(0)}{word}".split())
                names.setdefault(word.casefold(), (word, greeting))
    if len(names) != 1:
        return None
    ((name, greeting),) = names.values()
    return label, name, greeting


def _chat_senders(transcript: Transcript) -> list[str]:
    """The senders of the chat messages left out of the transcript's turns (``10:22:05 From
    Margaret Okafor`` → ``Margaret Okafor``; ``... to Everyone`` left out), in order, once each."""
    from .transcripts.chat import ZOOM_CHAT, chat_sender

    senders = (chat_sender(str(heading)) for heading in transcript.metadata.get(ZOOM_CHAT) or [])
    return list(dict.fromkeys(name for name in senders if name))


def _role_pseudonyms(key: PseudonymKey, speakers: dict[str, str], role: str) -> list[str]:
    """The pseudonyms ``key`` gives the ``speakers`` of ``role`` (label -> role), each once."""
    keyed = (key.get(s) for s, r in speakers.items() if r == role)
    return list(dict.fromkeys(_bare(p) for p in keyed if p))


def _header_people(transcript: Transcript) -> dict[str, str]:
    """The people the transcript's header names, name -> role (the readers' ``header_people``)."""
    people = transcript.metadata.get("header_people")
    if not isinstance(people, dict):
        return {}
    return {str(k): str(v) for k, v in people.items() if v in ("participant", "interviewer")}


def _number_hint(transcript: Transcript) -> str | None:
    """The participant number a transcript's file name carries (``zoom_p07.vtt`` -> ``P07``),
    else the one its header or case gives (``Participant ID: P07``, a QDA project's case
    ``p07``), else None; always a capital P and the number's digits as written (``P7``)."""
    from .transcripts.roles import (
        STUDY_ID_IN_FILENAME,
        known_study_id_number,
        names_two_participants,
        participant_from_filename,
        participant_number_label,
        study_id_from_filename,
        study_id_prefixes,
    )

    named = transcript.participant or ""
    path = transcript.source or transcript.id
    in_name = participant_from_filename(path)
    # a study's own id (RM07.txt, T2 RM07.txt): its number, as a P07.txt's; a joint interview's
    # two numbers (P04_P05 joint.txt) are neither member's alone, so its second member is not
    # keyed P04a beside the P05.txt of their own interview (re-test reids4 finding 3)
    if in_name is None and not names_two_participants(path):
        named_id = study_id_from_filename(path) or Path(path).name
        m = STUDY_ID_IN_FILENAME.match(named_id)
        if m is not None and (
            in_a_date(named_id, m.start("number"), m.end("number"))
            or year_alone(named_id, m.start("number"), m.end("number"))
        ):
            m = None  # 'GMI 2020-07-14.vtt', 'GO_2020.vtt': a date's or year's, no one's number
        in_name = None if m is None else f"P{m.group('number')}"
        # a study id of known letters (data/study_id_prefixes.txt), in any case, wherever it
        # stands (rm01_priya_otter.txt, Zoom's ..._Recording_rm02.vtt) and before a team's or
        # time point's prefix read above (CMHT1_RM02.txt was P1): its number (daily17 D6)
        known = known_study_id_number(path)
        if known is not None and (m is None or m["letters"].casefold() not in study_id_prefixes()):
            in_name = known
    label = participant_number_label(named)
    # written as a pseudonym is, its digits as the study spells them: a QDA project's case
    # 'p07' (or 'Participant 07') gives P07, as p07.txt does (hfix1 leak: Kate was 'p07:')
    numbered = label
    if label and named == Path(path).stem and year_alone(named, len(named) - 4, len(named)):
        numbered = None  # 'p_2020.vtt', its case its file name's: a year, no one's number
    same = in_name is not None and numbered is not None and _number(in_name) == _number(numbered)
    if same and _number(numbered or "") is not None:
        # the case the study ties the number to, as spelled there (P04 for a 'P4 follow-up.txt'
        # beside P04.docx: re-test, session 46, keyed P4 where roqa said "case P04")
        return numbered
    return in_name or numbered


def _left_out_talk(transcript: Transcript) -> list[tuple[int, int]]:
    """Where the lines a reader left out as a transcription service's text after the last turn
    (``metadata['service_text']``) stand in the transcript's text: a .txt's text keeps them, and
    ``roqa pseudonymise`` writes that text, so they are pseudonymised as talk is; none where the
    text is rendered from the turns (a .docx's)."""
    from .transcripts.speaker_labels import SERVICE_TEXT

    lines = transcript.metadata.get(SERVICE_TEXT)
    if not isinstance(lines, list):
        return []
    pos = max((t.end for t in transcript.turns), default=0)
    spans = []
    for line in lines:  # kept with their blanks made one space
        words = str(line).split()
        m = (
            re.compile(r"\s+".join(map(re.escape, words))).search(transcript.text, pos)
            if words
            else None
        )
        if m is not None:
            spans.append(m.span())
            pos = m.end()
    return spans


def _with_left_out_talk(transcript: Transcript) -> Transcript:
    """``transcript`` with a turn over each line of a service's text its text keeps
    (:func:`_left_out_talk`), for the names there to be found as in talk."""
    spans = _left_out_talk(transcript)
    if not spans:
        return transcript
    extra = [Turn("", "participant", start, end) for start, end in spans]
    return replace(transcript, turns=sorted([*transcript.turns, *extra], key=lambda t: t.start))


def _speakers(transcript: Transcript) -> dict[str, str]:
    """Speaker label -> role, in order of first turn."""
    speakers: dict[str, str] = {}
    for turn in transcript.turns:
        speakers.setdefault(turn.speaker, turn.role)
    return speakers


def _numbers_its_case(hint: str, case: str | None) -> bool:
    """Whether the participant number ``hint`` a transcript's file name or header gives
    (:func:`_number_hint`) is the case it was read with, ``case`` (``P04`` of
    ``p04_interview.txt``; any, when it was read with none), so that its several participants
    are lettered as that case's members (``P04a``, ``P04b``); not the number of a study id
    that is its case (``FG01`` of ``fg01_zoom.vtt``, ``RM07``), which members lettered
    ``P01a`` would make the case ``P01``."""
    return case is None or (_number(case) is not None and _number(case) == _number(hint))


def _members_take_free_numbers(transcript: Transcript, speakers: dict[str, str]) -> bool:
    """Whether the several participants of ``transcript`` (``speakers``: label -> role) each
    take a free participant number rather than its file's number lettered (``P04a``,
    ``P04b``): where the file's id is a group's (``FG01``, ``GRP08``:
    ``data/group_id_prefixes.txt``), or, the file's id being no participant number of the
    ``P04`` form, they are more people than a joint interview's
    (:data:`~roqa_nlp.transcripts.roles.CHECK_LABELS_UP_TO`: a focus group). A joint
    interview in a file named by a participant's study id (``R04.txt``, ``ID04``, ``HCP04``)
    is that number lettered, as ``p04_joint.txt``'s (hunt s61 pseudo, 1: R04's couple took
    P05 and P06, the numbers of participants coded in a later batch)."""
    from .transcripts.roles import CHECK_LABELS_UP_TO

    case = transcript.participant
    hint = _number_hint(transcript)
    if case is None or hint is None or _numbers_its_case(hint, case):
        return False
    if _id_names_a_group(case):
        return True
    participants = [s for s, r in speakers.items() if r == "participant"]
    return len(people_named(participants)) > CHECK_LABELS_UP_TO


def _id_names_a_group(case: str) -> bool:
    """Whether the study id ``case`` names a group by its letters (``FG01``, ``fgd_06``:
    ``data/group_id_prefixes.txt``), not a participant (``R04``, ``HCP04``)."""
    m = _ID_LETTERS.match(case)
    return m is not None and m.group(1).casefold() in packaged_words("group_id_prefixes.txt")


#: the letters a study id opens with, before its number: FG of FG01, GRP of GRP_08
_ID_LETTERS = re.compile(r"([^\W\d_]+)[ _-]?\d")


def _several_interviewed(speakers: dict[str, str], case: str | None) -> bool:
    """Whether the participants of a transcript with an interviewer (``speakers``: label ->
    role; ``case``, its case) are several people
    (:func:`~roqa_nlp.transcripts.roles.several_participants`)."""
    from .transcripts.roles import several_participants

    participants = [s for s, r in speakers.items() if r == "participant"]
    return "interviewer" in speakers.values() and several_participants(participants, case or "")


def _one_person_labels(
    speakers: dict[str, str], case: str | None
) -> dict[str, tuple[list[str], str | None]]:
    """Each participant label of a transcript (``speakers``: label -> role; ``case``, its case)
    that names a person, mapped to all the labels that person speaks under and the participant
    number label they also speak under, if any, as the case logic counts people
    (:func:`~roqa_nlp.transcripts.roles.several_participants`): in a transcript of one
    participant, every named label is theirs (``Maria Okafor`` renamed ``Maria (iPhone)``, or
    rejoined as ``iPhone``) and so is its one number label (renamed ``P17``); in one of several,
    a person is their labels by :func:`people_named`, as in a transcript no interviewer was
    found in (the interviewer is then among its participants)."""
    from .transcripts.roles import participant_number_label

    participants = [s for s, r in speakers.items() if r == "participant"]
    people = people_named(participants)
    # with no interviewer found, the interviewer is among the "participants": never one of them
    interviewed = "interviewer" in speakers.values()
    if not interviewed or _several_interviewed(speakers, case):
        return {label: (labels, None) for labels in people for label in labels}
    named = [label for labels in people for label in labels]
    numbered = [s for s in participants if participant_number_label(s) is not None]
    number = numbered[0] if numbered else None
    return {label: (named, number) for label in named}


def _joins_a_number(label: str, number: str | None) -> bool:
    """Whether ``label``, one word (``TL``, ``Maria``), is read as one person with the
    participant number label ``number`` of its transcript (:func:`_one_person_labels`: ``P04:``
    and ``TL:`` in one interview). Its row is that transcript's alone: a row for the study
    relabelled ``TL:`` in every other transcript as ``P04``, that participant speaking inside
    another's interview, and took a number from the next file's participant (session 77 hunt1
    F1b). A full name stays the study's, as its talk is replaced everywhere."""
    return number is not None and label != number and len(label.split()) == 1


def _joined(text: str, edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``edits`` with runs of one replacement separated by blanks only made one: "Helen
    Brookes" in the talk is "[Interviewer]", not "[Interviewer] [Interviewer]", when the key
    names her "Dr Helen Brookes" or "Helen Brookes (she/her)"."""
    joined: list[tuple[int, int, str]] = []
    for start, end, new in edits:
        if joined:
            last_start, last_end, last_new = joined[-1]
            if last_new == new and not text[last_end:start].strip(" \t"):
                joined[-1] = (last_start, end, new)
                continue
        joined.append((start, end, new))
    return joined


_V = TypeVar("_V")


def _as_talk(line: str, key: str) -> list[Turn]:
    """The turn of talk of ``line``, a line of ``metadata[key]`` rewritten as the text has it:
    the service's text whole (``service_text``), a collective reply's words after its label
    (``Several voices: Yeah, [P01]'s right.``, as in the text), else none."""
    from .transcripts.roles import COLLECTIVE_REPLIES
    from .transcripts.speaker_labels import SERVICE_TEXT

    if key == SERVICE_TEXT:
        return [Turn("", "participant", 0, len(line))]
    if key == COLLECTIVE_REPLIES and ": " in line:
        return [Turn("", "participant", line.index(": ") + 2, len(line))]
    return []


def _reads_as_a_label(text: str, start: int, end: int, new: str) -> bool:
    """Whether ``new``, put for ``text[start:end]`` at the start of a line of talk, would be read
    back as a speaker's label (:func:`~roqa_nlp.transcripts.speaker_labels.match_label`): "[P07]
    said so" is a turn of a speaker P07, so the copy ``roqa pseudonymise`` writes would read
    back as other turns. Only there does a pseudonym in the talk lose its brackets ("P07 said
    so"); "[deputy manager], my deputy, coached people" opening an answer's second line or
    paragraph keeps them, as the name replaced anywhere else in the talk does (tester s61 focus,
    5: it read "deputy manager, my deputy, ...", the placeholder taken for the speaker's words)."""
    from .transcripts.speaker_labels import match_label

    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end < 0 else line_end]
    return match_label(f"{text[line_start:start]}{new}{rest}") is not None


def _in_talk(text: str, start: int, end: int, pseudonym: str | None) -> str:
    """``pseudonym`` (None: ``[name]``, no one's) put for ``text[start:end]`` in the talk: in
    square brackets, bare where it would read as a speaker's label (:func:`_reads_as_a_label`)."""
    pseudonym = _SHARED_SURNAME if pseudonym is None else pseudonym
    new = _in_text(pseudonym)
    return _bare(pseudonym) if _reads_as_a_label(text, start, end, new) else new


def _joined_to_a_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is joined by a hyphen to a capitalised word, before or after
    it: a keyed surname so joined where its person does not speak is a piece of someone else's
    name ("Rhys-Evans", "Owusu-Mensah"), not theirs. Joined to a lower-case word it is the name
    ("Okafor-led", "non-Okafor"), and a name of someone who speaks, or a full name, is theirs
    either way ("my maiden name was Grace Okafor-Bello")."""
    if end + 1 < len(text) and re.match(_HYPHENS, text[end]) and text[end + 1].isupper():
        return True
    if start >= 2 and re.match(_HYPHENS, text[start - 1]) and text[start - 2].isalpha():
        i = start - 1
        while i > 0 and (text[i - 1].isalpha() or text[i - 1] in "'’"):
            i -= 1
        return text[i].isupper()
    return False


def _spelling(text: str) -> str:
    """``text`` as a key row's name is told from another's that differs only by accents: its
    letters, composed, in lower case (``Siobhán O’Brien`` -> ``siobhánobrien``)."""
    return "".join(c for c in unicodedata.normalize("NFC", text).casefold() if c.isalpha())


def _told_apart(spellings: dict[str, str] | None) -> dict[str, str] | None:
    """``spellings`` when they give two pseudonyms or more (rows whose names differ only by
    accents, which one regular expression finds: :meth:`PseudonymKey._pattern`), else None."""
    if spellings is None or len({_bare(p).casefold() for p in spellings.values()}) < 2:
        return None
    return spellings


@lru_cache(maxsize=4096)
def _spelled(form: Literal["NFC", "NFD"], regex: str) -> str:
    """``regex`` in Unicode normal form ``form``, worked out once a process: a key row's regular
    expressions (long character classes of every accented letter) are the same in every
    transcript, and normalising them again took a tenth of the time of pseudonymising one."""
    return unicodedata.normalize(form, regex)


def _one_pattern(
    regexes: list[tuple[str, _V]],
    before: str,
    after: str,
    flags: int = 0,
    part: Callable[[_V], Hashable] = lambda _: None,
) -> Alternation[_V] | None:
    """One regular expression of ``regexes`` (each with its value) between ``before`` and
    ``after``, NFC and NFD spellings alike (files from macOS are often decomposed), longest
    first; its matches come with their alternative's value. The alternatives whose values
    ``part`` gives one key (a row's pseudonym) are compiled together, once a process
    (:class:`~.alternation.Alternation`): a row's are the same in most transcripts of a study.
    None when there are none."""
    alternatives = [
        (_spelled(form, regex), value) for regex, value in regexes for form in ("NFC", "NFD")
    ]
    alternatives = list(dict(alternatives).items())
    if not alternatives:
        return None
    alternatives.sort(key=lambda item: len(item[0]), reverse=True)  # longest first
    return Alternation(alternatives, before, after, flags, part)


#: characters no file name may hold (on Windows), in a pseudonym put in one
_FILE_NAME_UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f]')
#: between two words of a name in a file name ("Jones, Gareth", "okafor_maria")
_FILE_NAME_GAP = re.compile(r"[\W_]{0,3}")


def _file_word_regex(word: str, prefix: str | None = None) -> str:
    """``word`` of a name as a regular expression for a file name: an apostrophe may be left out
    (``obrien`` for ``O'Brien``), and a hyphen may be any blanks, underscores or none; a
    surname's ``prefix`` written apart in the key (:func:`_prefixed_words`) may stand before it,
    joined or not (``osuilleabhain``, ``o_suilleabhain`` of ``Ó Súilleabháin``)."""
    regex = _word_regex(word, apostrophe="['’]?", hyphen=r"[\W_]*")
    return regex if prefix is None else rf"(?:{_file_word_regex(prefix)}[\W_]*)?{regex}"


def _last_part(path: str) -> str:
    """The file name of ``path`` (``/home/sam/Sam Roe interviews/p10.csv`` -> ``p10.csv``; a
    Windows path or a REFI-QDA ``relative://`` one too), without the folders that hold it."""
    return re.split(r"[/\\]", path)[-1]


def _rewrite(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, Callable[[int], int]]:
    """``text`` with each ``(start, end, new)`` of ``edits`` (in order, not overlapping) made,
    and the function that maps an offset of ``text`` to the rewritten text."""
    if not edits:
        return text, lambda offset: offset
    pieces: list[str] = []
    old_ends: list[int] = []
    shifts: list[int] = []  # the offset shift after each edit
    pos, shift = 0, 0
    for start, end, new in edits:
        pieces += [text[pos:start], new]
        shift += len(new) - (end - start)
        old_ends.append(end)
        shifts.append(shift)
        pos = end
    pieces.append(text[pos:])

    def where(offset: int) -> int:
        i = bisect_left(old_ends, offset + 1) - 1  # the last edit that ends at or before offset
        return offset + (shifts[i] if i >= 0 else 0)

    return "".join(pieces), where


def checked_key(key: object, function: str) -> PseudonymKey | None:
    """``key`` when it is a :class:`PseudonymKey` or None, else a one-line error: a key file's
    path is read with :meth:`PseudonymKey.read` (and written back with ``key.write``)."""
    if key is None or isinstance(key, PseudonymKey):
        return key
    kind = type(key).__name__
    raise RoqaError(
        f"{function}: the pseudonym key is a {kind}, not a PseudonymKey",
        hint="read it with key = PseudonymKey.read('key.csv'), and keep its new speakers with "
        "key.write('key.csv')",
    )


def checked_transcripts(transcripts: object, function: str) -> list[Transcript]:
    """``transcripts`` as a list: one :class:`Transcript` or an iterable of them; anything else
    is a one-line error."""
    if isinstance(transcripts, Transcript):
        return [transcripts]
    if isinstance(transcripts, (str, Path, bytes)) or not isinstance(transcripts, Iterable):
        raise RoqaError(
            f"{function} takes transcripts, not a {type(transcripts).__name__}",
            hint="read them first: read_transcripts('interviews/')",
        )
    out = list(transcripts)
    wrong = next((t for t in out if not isinstance(t, Transcript)), None)
    if wrong is not None:
        raise RoqaError(
            f"{function} takes transcripts, not a {type(wrong).__name__} among them",
            hint="read them first: read_transcripts('interviews/')",
        )
    return out


def pseudonymise(
    transcripts: Iterable[Transcript] | Transcript, key: PseudonymKey | None = None
) -> tuple[list[Transcript], PseudonymKey]:
    """The transcripts pseudonymised with ``key`` (a new key when None), and the key, which now
    holds every speaker of them (see the module docstring). One transcript may be given alone."""
    checked = checked_key(key, "pseudonymise()")
    key = PseudonymKey() if checked is None else checked  # an empty key is falsy: not `or`
    transcripts = checked_transcripts(transcripts, "pseudonymise()")
    key.register_study(transcripts)
    return [key.apply(t) for t in transcripts], key


def keying_order(transcript: Transcript) -> tuple[bool, str, str, str]:
    """The order a study's transcripts add their speakers to the key in, whatever the order
    they were given in (docs/privacy.md): a joint interview after the others
    (:func:`registers_late`), then by file name (case aside), its path, its id. A speaker of
    two files (a focus group's member who is in another session too, the interviewer as
    ``Helen Stafford-Jones`` in one call and ``Helen Stafford-Jones (Host)`` in the next) is
    keyed by the first of them so, with the same pseudonym and row; before session 61 by the
    first given (tester s61 focus, 6: ``P01a`` or ``P03b`` by the order of the files)."""
    where = transcript.source or transcript.id
    name = where.replace("\\", "/").rsplit("/", 1)[-1]
    return registers_late(transcript), name.casefold(), where, transcript.id


def registers_late(transcript: Transcript) -> bool:
    """Whether ``transcript``'s speakers are to be keyed after the others' of its study: a joint
    interview's (its file name gives two participant numbers, ``P04_P05 joint.txt``), whose
    members their own interviews (P05.txt) number; first, its second member was keyed as the
    first's joint member (P04a) or the next free number (re-test reids4 finding 3)."""
    from .transcripts.roles import names_two_participants

    return names_two_participants(transcript.source or transcript.id)


@dataclass(frozen=True)
class NameToCheck:
    """A word of the talk that may name a person or a place: how often it stands in the talk, in
    which transcripts (ids, in reading order), and, for a word of a name the key holds that was
    left there (a participant's first name where they do not speak, a surname without a title,
    a first name two people of the key share, a word in lower case), the pseudonyms of the key's
    names it is a word of (``("social worker",)``); empty for a word the key does not hold."""

    word: str
    count: int
    transcripts: tuple[str, ...]
    keyed_as: tuple[str, ...] = ()


#: a word of the talk: letters, with inner apostrophes and hyphens ("O'Neill", "Mary-Jane"), not
#: the second half of one ("jane" of "Mary-jane"); a quote mark or hyphen opening a token is no
#: part of it ('leeds')
_TALK_WORD = re.compile(
    rf"(?<!{NAME_CHAR})(?<!{NAME_CHAR}['’-])[^\W\d_](?:[\w{MARKS}'’-]*[^\W\d_])?[{MARKS}]*"
)
#: a bracketed note or pseudonym ("[P07]", "[inaudible]"): not the speaker's words
_SQUARE_NOTE = re.compile(r"\[[^\[\]\n]*\]")
#: the word right after a word of the talk, in the same sentence
_NEXT_WORD = re.compile(rf"[ \t]+([^\W\d_][\w{MARKS}'’-]*)")
#: an article before a word: "the Art therapy model", "a Grant from the council"
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?:the|a|an)[ \t]+$", re.IGNORECASE)


def _public_words() -> frozenset[str]:
    """Capitalised words that identify no one (``data/public_proper_words.txt``)."""
    return packaged_words("public_proper_words.txt")


@cache
def _phrase_words() -> frozenset[str]:
    """Lower-case everyday words that are no one's name (:func:`_everyday_words` but
    ``data/word_given_names.txt`` and ``data/word_surnames.txt``): after a given name that is
    also a word, one capitalised makes a phrase ("Winter Pressures", "Charity Commission"), where
    a surname makes a full name ("Mark White")."""
    return _everyday_words() - packaged_words("word_given_names.txt") - _word_surnames()


@cache
def _law_given_names() -> frozenset[str]:
    """The given names that are also words of a law's or a national body's name (``bill``,
    ``justice``: in ``data/word_given_names.txt`` and ``data/public_proper_words.txt``, no
    month): a name capitalised within a sentence, as the key's word is (docs/privacy.md), but a
    word of the law's name after a capitalised word or ``of`` ("the Mental Health Bill",
    "Ministry of Justice")."""
    given = packaged_words("word_given_names.txt") & _public_words()
    return frozenset(w for w in given if not is_month_name(w))


#: a capitalised word or ``of`` right before a word, in its sentence ("Health" of "the Mental
#: Health Bill", "of Justice"): such a law's or body's word is one of its name's
_NAME_WORD_BEFORE = re.compile(rf"(?:(?<![\w'’-])of|[^\W\d_]*{CAPITAL}[\w{MARKS}'’-]*)[ \t]+$")


def _of_a_law_name(said: str, start: int) -> bool:
    """Whether the word at ``said[start]`` follows a capitalised word or ``of`` of its sentence
    (:data:`_NAME_WORD_BEFORE`), as a law's or body's word does ("the Mental Health Bill",
    "Ministry of Justice"). A sentence's first word, capitalised as every first word is, counts
    not: "So Bill rang me", "Luckily Bill Kerridge", "And Justice Okoro" name people (hunt s76
    M2: they were never listed)."""
    window = max(0, start - 40)
    before = _NAME_WORD_BEFORE.search(said[window:start])
    if before is None:
        return False
    word_start = window + before.start()
    if said.startswith("of", word_start):
        return True
    return _SENTENCE_START.search(said[max(0, word_start - 80) : word_start]) is None


def _word_and_singular(word: str) -> set[str]:
    """``word`` in lower case, and without a plural's ``s`` when three letters or more are left
    ("Sundays" -> ``sunday``, "Nurses" -> ``nurse``): a short name is no plural ("Des" of no
    ``de``, "Wes" of no ``we``: tester s57 privacy, 3)."""
    folded = word.casefold()
    singular = folded.removesuffix("s")
    return {folded, singular} if len(singular) >= 3 else {folded}


def _in_a_phrase(said: str, start: int, end: int) -> bool:
    """Whether the word ``said[start:end]`` is a word of a phrase, not a name: after an article
    ("the Art therapy model", "a Grant") or before a capitalised everyday word that is no name
    (:func:`_phrase_words`: "Royal College", "Major Incident") or an acronym ("Hope NHS")."""
    if _ARTICLE_BEFORE.search(said[max(0, start - 10) : start]):
        return True
    after = _NEXT_WORD.match(said, end)
    if after is None or not after.group(1)[:1].isupper():
        return False
    word = after.group(1)
    for suffix in ("'s", "’s"):
        word = word.removesuffix(suffix)
    if len(word) > 1 and word.isupper():
        return True
    # a plural of a surname or given name is a surname ("Bill Summers"), not an everyday word
    forms = _word_and_singular(word)
    return bool(forms & _phrase_words()) and not (
        forms & (_word_surnames() | packaged_words("word_given_names.txt"))
    )


#: a question or request after a name said to someone, opening the sentence ("Ruth, can you
#: tell me ...", "Ruth, what happened then?"), not an apposition ("Rose, our deputy, ...")
_ADDRESS_AFTER = re.compile(
    r",[ \t]+(?:you|can|could|would|will|do|did|are|have|what|how|when|where|why|tell|thanks|"
    r"thank|sorry|please)(?![\w'’-])",
    re.IGNORECASE,
)


#: an apposition after a word opening a sentence, as after a colleague's name ("Tom, our
#: commissioner, ...", "Ciaran, one of my night staff, ...", "Bernadette, who leads the day
#: team, ..."): session 73 study3 tester, D4 (i), such names were neither replaced nor listed
_APPOSITION_AFTER = re.compile(
    r",[ \t]+(?:our|my|the|one[ \t]+of|who|whose|his|her|their|your|a|an)(?![\w'’-])",
    re.IGNORECASE,
)


@cache
def _address_before() -> re.Pattern[str]:
    """A greeting, thanks or apology right before a word, a comma between or not (``Hi``,
    ``Thanks,``, ``Thank you``: ``data/address_words.txt``)."""
    words = sorted(packaged_words("address_words.txt"), key=len, reverse=True)
    said = "|".join(r"[ \t]+".join(re.escape(w) for w in phrase.split()) for phrase in words)
    return re.compile(rf"(?<![\w'’-])(?:{said})[ \t]*,?[ \t]+$", re.IGNORECASE)


@cache
def _address_ends() -> re.Pattern[str]:
    """Where a greeting, thanks or apology of :func:`_address_before` may end before a word: the
    last word of a phrase of ``data/address_words.txt`` (``back`` of "Welcome back") and its
    blanks, a comma between or not, a letter right after. Every word :func:`_address_before`
    finds a greeting before starts at the end of one of these."""
    words = {phrase.split()[-1] for phrase in packaged_words("address_words.txt")}
    said = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{said})[ \t]*,?[ \t]+(?=[^\W\d_])", re.IGNORECASE)


def _said_to(said: str, start: int, end: int, starts: bool) -> bool:
    """Whether the word ``said[start:end]`` is said to someone, as a name is: after a greeting,
    thanks or apology (:func:`_address_before`: "Hi Ruth", "Thanks, Ruth"), after a comma
    ending a question ("What do you think, Ruth?"), or opening a sentence before a comma and a
    question or request (:data:`_ADDRESS_AFTER`: "Ruth, can you ...")."""
    before = said[max(0, start - 30) : start]
    if _address_before().search(before):
        return True
    if re.search(r",[ \t]+$", before) and said.startswith("?", end):
        return True
    return starts and _ADDRESS_AFTER.match(said, end) is not None


@cache
def _said_to_words() -> tuple[frozenset[str], frozenset[str]]:
    """For :func:`_may_be_said_to`, joined once a process (they were joined at every word): the
    given names that are also words, and the role and public words that name no one."""
    given = packaged_words("word_given_names.txt") | packaged_words("stop_word_names.txt")
    return given, _not_names() | _public_words()


def _may_be_said_to(word: str) -> bool:
    """Whether ``word``, said to someone (:func:`_said_to`), may be their name: capitalised
    (:func:`_may_be_a_name`), and no stop word, role, kinship or public word, no word for a
    group ("Hi everyone", "Thanks, team": ``data/courtesy_address_terms.txt``) and no everyday
    word ("Hi there", "Sorry, can you ..."), unless a given name that is also one ("Hi Hope",
    ``data/word_given_names.txt``, ``data/stop_word_names.txt``)."""
    folded = word.casefold()
    given, no_one = _said_to_words()
    return (
        _may_be_a_name(word)
        and folded not in no_one
        and folded not in packaged_words("courtesy_address_terms.txt")
        and (folded in given or (folded not in _stop_words() and not _is_everyday_word(word)))
    )


#: an adverb of manner or view, opening a sentence before a comma ("Logistically, a
#: nightmare", "Financially, the ..."): no given name ends so
_ADVERB = re.compile(r"[^\W\d_]{4,}ally", re.IGNORECASE)


def _adverb_of_a_word(word: str) -> bool:
    """Whether ``word`` is an adverb made of an everyday word with ``ly`` ("Sadly" of ``sad``,
    "Happily" of ``happy``), not a name ending so ("Emily", "Holly", "Kelly": of no word;
    "Carly", "Everly", "Manly": of a word, but names and places of ``data/names_in_ly.txt``)."""
    folded = word.casefold()
    if not folded.endswith("ly") or len(folded) < 5 or folded in packaged_words("names_in_ly.txt"):
        return False
    stem = folded[:-2]
    stems = {stem, stem[:-1] + "y"} if stem.endswith("i") else {stem}
    return bool(stems & _everyday_words())


def _may_be_apposed(word: str) -> bool:
    """Whether ``word``, opening a sentence before an apposition (:data:`_APPOSITION_AFTER`),
    may be a name: as one said to someone (:func:`_may_be_said_to`), and neither the plural of
    an everyday word ("Toolkits, the naloxone order set, ...") nor an adverb (:data:`_ADVERB`:
    "Logistically, a nightmare"). With the word before a surname (``Janet Hughes``), it
    listed 35 words more over the 168 benchmark interviews: 30 names of people, a title of one
    (``Mwalimu``), 3 of places or services (``Las`` of Las Canteras) and ``Ja``."""
    if word.casefold() in _law_given_names() and _may_be_a_name(word):
        return True  # "Bill, he never came back", as said of a person (s75 tester, A)
    return (
        _may_be_said_to(word)
        and _ADVERB.fullmatch(word) is None
        and not _adverb_of_a_word(word)
        and (
            # a given name that is also a word or a stop word ("Rose", "Will, our deputy, ...")
            word.casefold() in _said_to_words()[0]
            or not _word_and_singular(word) & _everyday_words()
        )
    )


@cache
def _person_beside() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A person's word beside a word of the talk, as beside a name said of someone: before it,
    and a word at most, then a comma ("a peer support worker now, Leanne"); after it, a comma
    and an apposition ending in one ("Leanne, our new peer worker"), or "she" or "he" ("Sandra,
    she came up"). The words are those of ``data/person_words.txt`` (``worker``, ``deputy``,
    ``colleague``, ``mum``), a plural's too: not ``data/not_names.txt``, which holds fillers
    ("So, um, Oakfield is ...")."""
    words = packaged_words("person_words.txt")
    said = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    before = re.compile(
        rf"(?<![\w'’-])(?:{said})s?(?:[ \t]+[^\W\d_]+)?[ \t]*,[ \t]+$", re.IGNORECASE
    )
    after = re.compile(
        rf",[ \t]+(?:(?:she|he)(?![\w])|(?:our|my|the|his|her|their|a|an)"
        rf"(?:[ \t]+[^\W\d_][\w'’-]*){{0,3}}?[ \t]+(?:{said})s?(?![\w'’-]))",
        re.IGNORECASE,
    )
    return before, after


def _said_of_a_person(said: str, start: int, end: int) -> bool:
    """Whether the word ``said[start:end]`` is said of a person, beside a person's word or
    before "she" or "he" (:func:`_person_beside`: "our chief exec, Sandra, she came up")."""
    before, after = _person_beside()
    return (
        before.search(said[max(0, start - 60) : start]) is not None
        or after.match(said, end) is not None
    )


@cache
def _word_names_by_shape() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    """For :func:`_names_by_shape`, joined once a process: the given names that are also a stop
    word or a month (``data/stop_word_names.txt``, and the months of
    ``data/word_given_names.txt``: ``will``, ``may``, ``june``), capitalised, a word of the talk
    as :data:`_TALK_WORD` reads one, how one is said as a name
    before it (a person's word and ``is`` or ``was``: "my deputy is Will"; ``data/person_words.txt``)
    the words before a month that make it the month (``data/month_words_before.txt``:
    "in May from the council") and those after which it is the month or a name as often
    (``data/month_or_name_words_before.txt``: "to May from HR")."""
    given = packaged_words("stop_word_names.txt")
    given |= {w for w in packaged_words("word_given_names.txt") if is_month_name(w)}
    persons = "|".join(re.escape(w) for w in sorted(packaged_words("person_words.txt")))
    months = "|".join(re.escape(w) for w in sorted(packaged_words("month_words_before.txt")))
    either = "|".join(
        re.escape(w) for w in sorted(packaged_words("month_or_name_words_before.txt"))
    )
    names = "|".join(re.escape(w.capitalize()) for w in sorted(given))
    return (
        re.compile(
            rf"(?<!{NAME_CHAR})(?<!{NAME_CHAR}['’-])(?:{names})(?![\w{MARKS}]|['’-](?![sS](?![\w'’-]))[^\W\d_])"
        ),
        re.compile(rf"(?<![\w'’-])(?:{persons})s?[ \t]+(?:is|was)[ \t]+$", re.IGNORECASE),
        re.compile(rf"(?<![\w'’-])(?:{months})[ \t-]+$", re.IGNORECASE),
        re.compile(rf"(?<![\w'’-])(?:{either})[ \t]+$", re.IGNORECASE),
    )


def _person_said_after(said: str, end: int) -> bool:
    """Whether an apposition ending in a person's word follows ``said[:end]`` (:func:`_person_beside`:
    ", our cook"), not "she" or "he"."""
    after = _person_beside()[1].match(said, end)
    return after is not None and re.match(r",[ \t]+(?:she|he)(?!\w)", after.group(0), re.I) is None


@cache
def _month_time_before() -> re.Pattern[str]:
    """For :func:`_months_said`, joined once a process: the words or phrases right before a month
    that make it the month beyond doubt (``data/month_time_words_before.txt``: "in", "next",
    "by the end of", "mid-")."""
    phrases = sorted(packaged_words("month_time_words_before.txt"))
    said = "|".join(r"[ \t]+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(rf"(?<![\w'’-])(?:{said})[ \t-]+$", re.IGNORECASE)


def _months_said(said: str) -> Iterator[tuple[str, bool]]:
    """Each month that is a given name too (``May``, ``June``: :func:`_word_names_by_shape`),
    capitalised, in ``said``, and whether the words before make it the month beyond doubt ("next
    June", "in May", "by the end of June": ``data/month_time_words_before.txt``), never with
    ``'s`` ("in June's office"). Not after a word that stands before a person as often ("looked
    after June", "relied on June", "trained by June": session 78 hunt3, F1)."""
    given = _word_names_by_shape()[0]
    for m in given.finditer(said):
        if is_month_name(m.group(0)):
            before = said[max(0, m.start() - 40) : m.start()]
            owner = said[m.end() : m.end() + 1] in ("'", "’")
            yield m.group(0), not owner and _month_time_before().search(before) is not None


#: "from" and a body or a place after a name ("Will from the carers centre", "May from HR")
_FROM_AFTER = re.compile(r"[ \t]+from[ \t]+(?:(?:the|our|my|a|an)(?![\w'’-])|[A-Z])")


def _names_by_shape(said: str) -> Iterator[str]:
    """Each given name that is also a stop word or a month (``Will``, ``May``, ``June``:
    :func:`_word_names_by_shape`), capitalised, where the shape of its sentence says it is a
    name, whatever it says elsewhere: said of a person (:func:`_said_of_a_person`: "Will, he
    runs it"), after a person's word and ``is`` ("my deputy is Will"), or before ``from`` and
    a body or a place ("And Will from the carers centre", "So May from the training team"); a
    month never after a word that makes it the month ("In May, she left"), nor opening a
    sentence before "she" or "he" ("May, she said, was busy"); after ``to``, ``for``,
    ``about`` or ``from``, only a person's word or ``from`` and a body after it make a month a
    name ("I went to May from HR", "I spoke to May, our cook", but "from April to May, she
    ..."). Privacy tester s77, H2: with the study writing will and may in lower case, these
    were never listed; hunt5, finding 2: after ``to`` they still were not. A stop word's
    with ``'s`` is a name wherever it stands ("Will's team did the audit")."""
    given, person_is, month_before, month_or_name = _word_names_by_shape()
    for m in given.finditer(said):
        word = m.group(0)
        before = said[max(0, m.start() - 40) : m.start()]
        month = is_month_name(word)
        if said[m.end() : m.end() + 1] in ("'", "’"):
            if not month:
                yield word  # "Will's team did the audit": never the modal (hunt5, finding 3)
            continue  # "May's figures": the month's as often
        if month and month_before.search(before) is not None:
            continue  # the month: "In May, she left", "since June from the council"
        if month and month_or_name.search(before) is not None:
            if _FROM_AFTER.match(said, m.end()) is not None or _person_said_after(said, m.end()):
                yield word  # "to May from HR", "to May, our cook"
            continue
        # a month opening a sentence before "she" or "he" is the month ("May, she said, was busy")
        opens = _SENTENCE_START.search(before) is not None
        if (
            (_said_of_a_person(said, m.start(), m.end()) and not (month and opens))
            or person_is.search(before) is not None
            or _FROM_AFTER.match(said, m.end()) is not None
        ):
            yield word


@cache
def _name_before_speech() -> re.Pattern[str]:
    """For :func:`_names_before_speech`, joined once a process: a given name that is also a word,
    a stop word or a month (``data/word_given_names.txt``, ``data/stop_word_names.txt``),
    capitalised, before a verb that reports what someone said (``data/speech_verbs.txt``), one
    word and finite, not its plain form (``say``, ``tell``: "Will tell you later" is the modal's)
    nor ``-ing`` ("Will telling them help?"),
    whose subject only a person is ("said", "told", not "was like": "Summer was like a sauna");
    not a word that names no person (``data/not_names.txt``: "Trust said no to the funding", an
    NHS trust: session 78 hunt3, F4), as a word name elsewhere is not."""
    given = packaged_words("word_given_names.txt") | packaged_words("stop_word_names.txt")
    given -= _not_names()
    verbs = packaged_words("speech_verbs.txt")
    # a finite form, past or with -s: not the plain form nor -ing ("Will telling them earlier
    # help?" is the modal's question: session 78 hunt3, F3)
    reported = {v for v in verbs if " " not in v and v + "s" not in verbs and v[-3:] != "ing"}
    names = "|".join(re.escape(w.capitalize()) for w in sorted(given))
    said = "|".join(re.escape(v) for v in sorted(reported))
    return re.compile(rf"(?<!{NAME_CHAR})(?<!{NAME_CHAR}['’-])({names})[ \t]+(?:{said})(?![\w'’-])")


def _names_before_speech(said: str) -> Iterator[str]:
    """Each given name that is also a word, a stop word or a month opening a sentence before a
    verb that reports speech (:func:`_name_before_speech`: "Grace said no.", "Will told me",
    "June said it was fine"): a person's name, though it opens the sentence and the study writes
    the word in lower case (s77 pfix3: "Grace said no. Grace from the agency rang." listed
    nothing). Not before ``from`` and a body: "Grant from the council paid" is as often the
    word (29 "grant from the" in the benchmark interviews, no name)."""
    for m in _name_before_speech().finditer(said):
        if _SENTENCE_START.search(said[max(0, m.start() - 40) : m.start()]) is not None:
            yield m.group(1)


@cache
def _own_name_beside() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """How a speaker gives their own name, before it ("everyone calls me Dan") and after it
    ("Dan, that's me"): the phrases of ``data/own_name_phrases.txt``, ``NAME`` the name."""

    def said(phrase: str) -> str:
        words = (re.escape(w).replace("'", "['’]") for w in phrase.split())
        return r"[ \t]+".join(words)

    before, after = [], []
    for phrase in packaged_words("own_name_phrases.txt"):
        lead, _, tail = phrase.partition("NAME")
        if lead.strip():
            before.append(said(lead))
        if tail.strip():
            after.append(said(tail.removeprefix(",")))
    return (
        re.compile(rf"(?<![\w'’-])(?:{'|'.join(before)})[ \t]+$", re.IGNORECASE),
        re.compile(rf"[ \t]*,[ \t]+(?:{'|'.join(after)})(?![\w'’-])", re.IGNORECASE),
    )


def _said_as_own_name(said: str, start: int, end: int) -> bool:
    """Whether the word ``said[start:end]`` is given as the speaker's own name or nickname
    (:func:`_own_name_beside`: "everyone calls me Dan", "Dan, that's me"), and may be one:
    capitalised (:func:`_may_be_a_name`), and no stop word, role, kinship, group or public word
    ("they call me Mum", "Monday, that's me"), unless a given name that is also one; before
    "that's me", no everyday word either (:func:`_may_be_apposed`: "Honestly, that's me")."""
    word = said[start:end]
    folded = word.casefold()
    given, no_one = _said_to_words()
    if (
        not _may_be_a_name(word)
        or folded in no_one
        or folded in packaged_words("courtesy_address_terms.txt")
        or (folded in _stop_words() and folded not in given)
    ):
        return False
    before, after = _own_name_beside()
    if before.search(said[max(0, start - 40) : start]) is not None:
        return True  # a nickname may be an everyday word ("everyone calls me Smiley")
    # opening a sentence, as a name does: not "Honestly, that's me"
    return after.match(said, end) is not None and _may_be_apposed(word)


#: the talk before a word that opens a clause: a comma, colon, semicolon or quote mark
_CLAUSE_OPENS = re.compile(r"[,:;\"“‘][ \t]*$")
#: a word's sentence going on to a question mark, two words at least ("Will people come back?")
_ASKED_AFTER = re.compile(r"[ \t]+[^\W\d_][\w'’-]*[ \t]+[^.!?\n]*\?")


class _SpokenWord(NamedTuple):
    """A word of the talk as :func:`_spoken_words` reads it."""

    word: str
    starts: bool  # opens a sentence
    titled: bool  # after an honorific ("Ms. Chen")
    phrase: bool  # a word of a phrase ("the Royal College")
    as_name: bool  # reads as a name whatever word it is ("Will's sister", "Rose, our ...")
    said_to: bool  # said to someone, and may be their name ("Hi Ruth", "Ruth, can you ...")
    apposed: bool  # opens a sentence before an apposition, and may be a name ("Tom, our ...")
    of_a_person: bool  # said of a person, and may be a name ("a support worker, Leanne,")
    own: bool  # given as the speaker's own name ("Dan, that's me", "everyone calls me Dan")
    numbered: bool  # a number right after it ("BARC-10", "SGLT2", "LC5")
    then: str  # the capitalised word right after it ("Hughes" of "Janet Hughes"), else ""
    after_given: bool  # right after a keyed given name's pseudonym ("[manager] Summers")
    in_address: bool  # in a web or e-mail address or a hashtag ("www.kerry-care.org.uk")


def _passages(transcript: Transcript) -> list[str]:
    """The transcript's turns, a transcription service's text left out after them
    (``metadata['service_text']``) and its header's lines (:func:`_header_text`), with their
    square-bracketed notes and pseudonyms blanked out: the talk :func:`names_to_check` reads."""
    return [_blanked(p) for p in _passages_as_written(transcript)]


def _passages_as_written(transcript: Transcript) -> list[str]:
    """:func:`_passages` with their square-bracketed notes and pseudonyms, at the same offsets."""
    from .transcripts.speaker_labels import SERVICE_TEXT

    # a transcription service's text left out after the last turn is read too: a .txt's text,
    # which roqa pseudonymise writes, keeps it, and it may name people (as the last answer did)
    left_out = transcript.metadata.get(SERVICE_TEXT)
    passages = [transcript.text[turn.start : turn.end] for turn in transcript.turns]
    passages += [str(line) for line in left_out] if isinstance(left_out, list) else []
    return passages + _header_text(transcript)


def _blanked(passage: str) -> str:
    """``passage`` with its square-bracketed notes and pseudonyms blanked out, at the same
    offsets: not the speaker's words."""
    return _SQUARE_NOTE.sub(lambda m: " " * len(m.group(0)), passage)


#: a bracketed pseudonym right before a word, as the talk's replacement writes one ("[manager] ")
_PSEUDONYM_BEFORE = re.compile(r"\[([^\[\]\n]*)\][ \t]+$")


def _given_name_pseudonyms(key: PseudonymKey | None) -> frozenset[str]:
    """The pseudonyms (bare, in lower case) of the key's rows whose first word is a given name
    replaced alone (:func:`_given_kind`: ``Bill,manager``, ``Maria Okafor,P01``) or a speaker's:
    a capitalised word right after one in the talk ("[manager] Summers" of "Bill Summers") was
    said after that given name, and is a surname (:func:`names_to_check`)."""
    if key is None:
        return frozenset()
    rows = [key.pseudonyms, *key.scoped.values()]
    found = set()
    for name, pseudonym in (row for rows_of in rows for row in rows_of.items()):
        parts = name_parts(name)
        bare = _bare(pseudonym)
        if _SPEAKER_PSEUDONYM.fullmatch(bare) or (parts and _given_kind(parts[0]) is not None):
            found.add(bare.casefold())
    return frozenset(found)


@cache
def _ward_name() -> re.Pattern[str]:
    """Up to three capitalised words, then a capitalised last word of a ward's, unit's or
    building's name (``data/ward_name_ends.txt``): "Oak Ward", "Red Willow Lodge"."""
    ends = sorted(packaged_words("ward_name_ends.txt"), key=len, reverse=True)
    said = "|".join(re.escape(w[:1].upper() + w[1:]) for w in ends)
    return re.compile(
        rf"(?<![\w'’-])((?:{CAPITAL}[\w{MARKS}'’-]*[ \t]+){{1,3}})({said})(?![\w{MARKS}'’-])"
    )


@cache
def _no_ward_name_words() -> frozenset[str]:
    """The words that make no ward's name (:func:`_ward_names`): stop, public, role and title
    words, and those of ``data/ward_kind_words.txt``, joined once a process."""
    kinds = packaged_words("ward_kind_words.txt")
    return _stop_words() | _public_words() | _not_names() | talk_titles() | kinds


def _ward_names(said: str) -> Iterator[tuple[str, list[str]]]:
    """Each name of a ward, unit or building in ``said`` (:func:`_ward_name`: "Oak Ward", "the
    Cedar Unit", "Linden Lodge") as written, without the stop and public words opening it
    ("the", "On"), and its words that make it a name: capitalised words (:func:`_may_be_a_name`)
    that are no stop, public, role or title word, nor a word of ``data/ward_kind_words.txt``
    that says what kind of ward it is ("Acute", "Intensive Care", "Crown"). A name with no such
    word is none ("the Intensive Care Unit")."""
    no_name = _no_ward_name_words()
    for m in _ward_name().finditer(said):
        words = m.group(1).split()
        while words and (
            words[0].casefold() in _stop_words() or words[0].casefold() in _public_words()
        ):
            words.pop(0)
        named = [
            w
            for w in words
            if _may_be_a_name(w) and not _word_and_singular(w.removesuffix("'s")) & no_name
        ]
        if named:
            yield " ".join([*words, m.group(2)]), named


#: a word or a bracketed pseudonym, and the word right after it ("sara okafur", "[P09] okafur")
_WORD_THEN_WORD = re.compile(
    rf"(?:\[([^\[\]\n]+)\]|(?<!{NAME_CHAR})([^\W\d_]+))(?=[ \t]+([^\W\d_]+)(?![\w'’-]))"
)


def _misspelt_surnames(
    said: str, rows: list[tuple[str, str, str]], here: frozenset[str]
) -> Iterable[tuple[str, tuple[str, ...]]]:
    """Each word of ``said`` in lower case one edit away from the surname of one of ``rows``
    (``(given name, surname, pseudonym)``, in lower case without accents, the surname of five
    letters or more), its first letter kept, right after that row's given name (as written or
    one edit away, in lower case) or its pseudonym in square brackets, with the row's
    pseudonym: ``okafur`` of ``sara okafur`` for Sarah Okafor, as speech-to-text misspells a
    name (privacy2 L11, session 78). Not a word of the key's names (``here``), nor an English
    or everyday word."""
    for m in _WORD_THEN_WORD.finditer(said):
        then = m.group(3)
        if not then.islower() or then in here or _is_common_word(then):
            continue
        plain = without_accents(then)
        before = m.group(2) or ""
        theirs = tuple(
            pseudonym
            for given, surname, pseudonym in rows
            if (
                m.group(1) == pseudonym
                or before.islower()
                and (before == given or (len(given) >= 4 and _edit_distance(before, given) == 1))
            )
            and plain != surname
            and plain[:1] == surname[:1]
            and _edit_distance(plain, surname) == 1
        )
        if theirs:
            yield then, theirs


def _misspelling_rows(key: PseudonymKey) -> list[tuple[str, str, str]]:
    """For :func:`_misspelt_surnames`: each row of a person's name of two words or more, its
    given name and surname in lower case without accents, and its pseudonym bare."""
    rows = []
    for name, pseudonym in key.pseudonyms.items():
        parts = [without_accents(p.casefold()) for p in name_parts(name)]
        if len(parts) > 1 and len(parts[-1]) >= 5 and parts[-1].isalpha():
            rows.append((parts[0], parts[-1], _bare(pseudonym)))
    return rows


def _lower_case_words_apart_from_names(said: str) -> Iterable[str]:
    """Each word of ``said`` in lower case (without a possessive ``'s``), but where it stands
    right after a common given name in lower case, as speech-to-text writes a full name
    (``mcallister`` of ``so fiona mcallister froze``): written so, a capitalised surname is
    still one (:func:`names_to_check`)."""
    before = ""
    before_end = -1
    for m in _TALK_WORD.finditer(said):
        word = m.group(0)
        after_name = (
            before_end >= 0
            and not said[before_end : m.start()].strip()
            and before[:1].islower()
            and is_common_given_name(before)
            and not _is_everyday_word(before)
        )
        if word[:1].islower() and not after_name:
            yield word.removesuffix("'s").removesuffix("’s").casefold()
        before, before_end = word, m.end()


def _spoken_words(
    transcript: Transcript, given_pseudonyms: frozenset[str] = frozenset()
) -> Iterable[_SpokenWord]:
    """Each word of the transcript's turns and of a transcription service's text left out after
    them (``metadata['service_text']``) (square-bracketed notes and pseudonyms left out),
    without a possessive ``'s``, whether it starts a sentence, whether it follows an
    honorific ("Ms. Chen": a name, though the full stop reads as a sentence's end), whether
    it is a word of a phrase (:func:`_in_a_phrase`: "the Royal College") and whether it reads
    as a name whatever word it is: with a possessive ``'s`` ("Will's sister"), before a comma
    ("Rose, our senior support worker, became ...": privacy tester s68, 4, where it opened a
    sentence and was not listed), or a name that is also a stop word
    (``data/stop_word_names.txt``) before no pronoun or determiner, as the talk's replacement
    reads it ("Will now cooks", not "Will it last?"), whether it is said to someone
    (:func:`_said_to`: "Hi Ruth", "Ruth, can you ...") or opens a sentence before an apposition
    (:data:`_APPOSITION_AFTER`: "Tom, our commissioner, ...") and may be a name there
    (:func:`_may_be_said_to`), the capitalised word right after it ("Hughes" of "Janet
    Hughes from the council"), else ``""``, and whether it stands right after one of
    ``given_pseudonyms`` in square brackets (:func:`_given_name_pseudonyms`: "[manager] Summers"
    of "Bill Summers", keyed ``Bill,manager``)."""
    for written in _passages_as_written(transcript):
        said = _blanked(written)
        for m in _TALK_WORD.finditer(said):
            word = m.group(0)
            possessive = False
            for suffix in ("'s", "’s"):
                if word.endswith(suffix) and len(word) > len(suffix):
                    word, possessive = word[: -len(suffix)], True
            before = said[max(0, m.start() - 80) : m.start()]
            # a role's word after a title that also opens one is none ("Nurse Practitioner")
            titled = (
                _after_honorific().search(before) is not None
                and word.casefold() not in _not_names()
            )
            starts = not titled and _SENTENCE_START.search(before) is not None
            as_name = (
                possessive
                or said.startswith(",", m.end())
                or (
                    word.casefold() in packaged_words("stop_word_names.txt")
                    and _WORD_AFTER.match(said, m.end()) is None
                    # opening a question within a sentence, the modal ("I said to her, Will
                    # people come back?": hunt5, finding 5)
                    and not (
                        _CLAUSE_OPENS.search(before) is not None
                        and _ASKED_AFTER.match(said, m.end()) is not None
                    )
                )
            )
            phrase = _in_a_phrase(said, m.start(), m.end()) or (
                word.casefold() in _law_given_names()
                and _of_a_law_name(said, m.start())
                and not _address_before().search(said[max(0, m.start() - 40) : m.start()])
            )
            to = _said_to(said, m.start(), m.end(), starts) and _may_be_said_to(word)
            of_a_person = (
                word[:1].isupper()
                and (_may_be_said_to(word) or word.casefold() in _law_given_names())
                and _said_of_a_person(said, m.start(), m.end())
            )
            # opening a sentence before an apposition ("Tom, our commissioner, ...") or before
            # "she" or "he" ("Sandra, she's the one who does the rotas": s75 tester, A)
            apposed = (
                starts
                and (_APPOSITION_AFTER.match(said, m.end()) is not None or of_a_person)
                and _may_be_apposed(word)
            )
            after = _NEXT_WORD.match(said, m.end())
            then = after.group(1) if after is not None and after.group(1)[:1].isupper() else ""
            for suffix in ("'s", "’s"):
                then = then.removesuffix(suffix)
            own = word[:1].isupper() and _said_as_own_name(said, m.start(), m.start() + len(word))
            numbered = word.isupper() and _NUMBER_AFTER.match(said, m.end()) is not None
            keyed = _PSEUDONYM_BEFORE.search(written[max(0, m.start() - 80) : m.start()])
            after_given = (
                keyed is not None and keyed.group(1).strip().casefold() in given_pseudonyms
            )
            # a compound's pieces in an address are looked at apart ("kerry" of "www.kerry-care
            # .org.uk", "kerry_care.org": s77 hunt7, LOW 1), so only a compound's place is looked up
            in_address = ("-" in word or "_" in word) and _in_an_address(said, m.start(), m.end())
            yield _SpokenWord(
                word,
                starts,
                titled,
                phrase,
                as_name,
                to,
                apposed,
                of_a_person,
                own,
                numbered,
                then,
                after_given,
                in_address,
            )


#: a header line's label (``Participant:``, ``Interviewer name:``), before the words it gives
_HEADER_LABEL = re.compile(r"^[ \t]*[^\W\d_][^:\n]{0,39}:(?=\s|$)")


def _header_text(transcript: Transcript) -> list[str]:
    """The lines of a transcript's text above its first turn (its header, where the text is
    the file's own), each without its label (``Participant:``): the name a header line gives is
    replaced there, but a service or place beside it (``P4 – Thornbury Lodge – Halifax``)
    is left, and identifies one manager of one home as a word of the talk would (re-test
    reids4: such a line was listed while read as a turn, not once read as a header's)."""
    if not transcript.turns:
        return []
    above = transcript.text[: min(turn.start for turn in transcript.turns)]
    return [_HEADER_LABEL.sub("", line, count=1) for line in above.split("\n")]


def _may_be_a_name(word: str) -> bool:
    """Capitalised, with lower-case letters (not an acronym such as NHS or GPs), not a
    contraction of "I" ("I'm") or an honorific ("Mr"), and not a compound whose later pieces are
    lower case ("Punjabi-speaking"). A capital after the apostrophe makes a surname of a
    contraction's shape ("O'Neill", "D'Souza": privacy tester s77, H1, where none was listed,
    even after "Mrs")."""
    if len(word) < 2 or not word[0].isupper() or not any(c.islower() for c in word):
        return False
    contraction = word[1] in "'’" and not word[2:3].isupper()
    if contraction or word.casefold() in talk_titles() or word.removesuffix("s").isupper():
        return False  # "I'm", "Mr", "GPs"
    return all(piece[:1].isupper() for piece in word.split("-")[1:] if piece)


#: an all-capital word of 3 to 7 letters, as an organisation's acronym is ("QEII", "HPFT",
#: "SWYPFT", "BSMHFT": a 6-letter trust's was never listed before session 77, privacy tester H5)
_ACRONYM = re.compile(r"[A-Z]{3,7}")
#: a word opening with a number, as an organisation's name may ("2gether", "2GETHER"), no
#: measure ("10am", "3rd", "10mins", "24hours": its letters are fewer than 5 or an everyday word)
_NUMBERED_NAME = re.compile(r"(?<![\w'’-])[0-9]{1,2}([^\W\d_]{5,})(?![\w'’-])")
#: a number right after a word, as after a scale's or a gene's acronym ("BARC-10", "SGLT2")
_NUMBER_AFTER = re.compile(r"[-‐‑ ]?\d")
#: a Roman numeral ("Phase III"), no acronym
_ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")


@cache
def _generic_acronyms() -> frozenset[str]:
    """The acronyms health and care talk uses of a kind of body, service, role or thing, not of
    one organisation (``data/generic_acronyms.txt``: ``NHS``, ``CQC``, ``CPN``, ``MDT``), and the
    speaker labels a transcript may write in capitals (``INT``, ``RESP``), in upper case."""
    words = packaged_words("generic_acronyms.txt")
    words |= packaged_words("interviewer_labels.txt") | packaged_words("interviewee_labels.txt")
    return frozenset(w.upper() for w in words)


#: a letter three times over in a row, as a shout is written ("ARGHHH", "NOOOOO", "YYYYYY")
_SHOUTED = re.compile(r"([^\W\d_])\1\1")


def _may_be_an_acronym(word: str) -> bool:
    """Whether ``word`` may be an organisation's acronym, which names a place as a hospital's
    or a trust's does ("the QEII", "HPFT": s75 tester, D): all capitals, 3 to 7 letters
    (:data:`_ACRONYM`), or a name opening with a number (:data:`_NUMBERED_NAME`: "2gether",
    "2GETHER"; s77 privacy tester, H5) whose letters are in one case or capitalised, no generic
    acronym (:func:`_generic_acronyms`), no Roman numeral
    ("III"), no note word a transcriber writes in capitals (``data/note_abbreviations.txt``:
    "REF", "UNK", "TBA", "END": s76 hunt3 R4; "GARBLED", "UNINTEL": hunt5, finding 5), no
    shout (a letter three times over, :data:`_SHOUTED`: "NOOOOO"), and no stop, everyday, public or role word in
    capitals ("AUDIT", "MOVE", "NOT") nor its plural."""
    numbered = _NUMBERED_NAME.fullmatch(word)
    if numbered is not None:
        word = numbered.group(1)
        if not (word.islower() or word.isupper() or word.istitle()):
            return False
    elif _ACRONYM.fullmatch(word) is None or _ROMAN_NUMERAL.fullmatch(word) is not None:
        return False
    if word in _generic_acronyms() or word.casefold() in packaged_words("note_abbreviations.txt"):
        return False
    if _SHOUTED.search(word) is not None:
        return False  # a letter three times over is a shout ("ARGHHH", "NOOOOO"), not a name
    return not any(
        form in _stop_words()
        or form in _public_words()
        or form in _not_names()
        or form in _everyday_words()
        for form in _word_and_singular(word)
    )


@cache
def _lower_case_titled() -> re.Pattern[str]:
    """An honorific of ``data/honorifics.txt`` in any case and the word after it, which
    :func:`_lower_case_titled_names` takes in lower case, as speech-to-text writes them ("mrs
    adeyinka", "dr okafor", "mr o'connor"), the word in group 1 (privacy tester s77, H3: none
    was read as a name), the title in group 1, its dot in group 2 and the word in group 3, not
    taken in, so a title after it is read too ("sir. dame edna")."""
    titles = sorted(packaged_words("honorifics.txt"), key=lambda t: (-len(t), t))  # "mrs", "mr"
    said = "|".join(re.escape(t) for t in titles)
    word = rf"[^\W\d_][\w{MARKS}]*(?:['’-][\w{MARKS}]+)*"
    return re.compile(rf"(?<![\w'’-])((?i:{said}))(\.?)[ \t]+(?=({word}))")


def _lower_case_titled_names(said: str) -> Iterator[tuple[str, str]]:
    """Each honorific and the name in lower case after it (:func:`_lower_case_titled`: "mrs
    adeyinka", "Dr okafor"), as written, and that word: not a stop word ("miss the bus", "miss
    out"), a title, nor after a title's dot where the title is a word ("sir. dame": hunt5,
    finding 5), nor an everyday word
    unless a given name or surname that is also one ("miss work", not "mrs rose")."""
    names = packaged_words("word_given_names.txt") | _word_surnames()
    titles = packaged_words("honorifics.txt")
    for m in _lower_case_titled().finditer(said):
        word = m.group(3)
        folded = word.casefold()
        if not word[:1].islower() or folded in _stop_words() or folded in titles:
            continue  # "Mrs Rose": a word of the talk after an honorific (_spoken_words)
        if m.group(2) and _is_everyday_word(m.group(1)):
            continue  # "thank you sir. dame edna": a whole word's dot ends its sentence
        if _is_everyday_word(word) and folded not in names:
            continue
        yield " ".join(f"{m.group(0)}{word}".split()), word


def lower_case_talk(transcript: Transcript) -> bool:
    """Whether the talk of ``transcript`` is written in lower case, as speech-to-text writes it
    ("so the key workers kemi and tunde review the goals"): 20 words or more written in a
    script with capitals, fewer than 1 in 100 of them capitalised ("I" and "I'm" left out).
    Names cannot be found there by their capitals (privacy tester s77, H3)."""
    cased = capitalised = 0
    for turn in transcript.turns:
        for m in _TALK_WORD.finditer(transcript.text, turn.start, turn.end):
            word = m.group(0)
            if not any(c.isupper() or c.islower() for c in word):
                continue  # a script without capitals: Devanagari, Arabic
            if word == "I" or word[:2] in ("I'", "I’"):
                continue
            cased += 1
            capitalised += word[:1].isupper()
    return cased >= 20 and capitalised * 100 < cased


def warn_of_lower_case_transcripts(
    transcripts: Iterable[Transcript] | Transcript, key: PseudonymKey | None = None
) -> None:
    """Warn, one line per transcript whose talk is written in lower case
    (:func:`lower_case_talk`), that its names cannot be found by their capitals, so are not
    listed to check, and must be keyed by hand (privacy tester s77, H3: such a transcript
    listed nothing, and its names reached every output). Give the transcripts and ``key`` as
    to :func:`warn_of_names_to_check_in_file_names`."""
    for t in checked_transcripts(transcripts, "warn_of_lower_case_transcripts()"):
        if lower_case_talk(t):
            warn(
                "the talk is written in lower case (as speech-to-text writes it), so its names "
                "cannot be found by their capitals and only those after a title (mrs, dr) and "
                "common given names (kemi) are listed to check: read it and add a key row for "
                "each name in it, then run again",
                path=transcript_named(t if key is None else key.as_read(t)),
            )


def _key_name_words(key: PseudonymKey, transcript: Transcript) -> frozenset[str]:
    """The words of the key's names (:func:`name_parts`, a hyphenated one's pieces too, a surname
    joined to its prefix: :func:`_joined_surnames`) in lower case that, left in the
    pseudonymised talk of ``transcript``, are to check: a word of the name
    of someone who speaks there or of a one-word row that is no speaker's (``Hope,manager``), and
    elsewhere a word that is no everyday word (:func:`_everyday_words`: "denise" of someone who
    does not speak there, not "rose"); never an English stop word that is no name (``the``;
    ``will`` and ``may`` are names: ``data/stop_word_names.txt``), nor a title said before a
    surname (:func:`.transcripts.roles.talk_titles`: "matron" of a speaker labelled ``Matron``, "sister" of
    ``Sister Jones``), a job's word where it labels a speaker, not a name."""
    stop_names = packaged_words("stop_word_names.txt")
    voiced = {turn.speaker.casefold() for turn in transcript.turns}
    found = set()
    for name, pseudonym in key.pseudonyms.items():
        bare = _bare(pseudonym)
        theirs = bare.casefold() in voiced or (
            len(name.split()) == 1 and not _SPEAKER_PSEUDONYM.fullmatch(bare)
        )
        for part in [*name_parts(name), *_joined_surnames(name)]:
            for word in (w.casefold() for w in [part, *_pieces(part)]):
                if word in _stop_words() and word not in stop_names or word in talk_titles():
                    continue
                if theirs or not _is_everyday_word(word):
                    found |= {word, without_accents(word)}  # "siobhan" for Siobhán
    # a row for one transcript written in lower case ("kerry,Beryl,../raw/p07.txt"), that
    # spelling a name, left in another (s77 hunt2 F6); not a row roqa wrote from a label
    for rows in key.scoped.values():
        for name in rows:
            said = " ".join(name.split())
            if said.islower() and said not in key._labels and said not in key.added:
                found |= {
                    w
                    for part in name_parts(said)
                    for w in (part, without_accents(part))
                    if not _is_everyday_word(w) and w not in _stop_words()
                }
    return frozenset(found)


def _either_apostrophe(words: frozenset[str]) -> frozenset[str]:
    """``words`` written with either apostrophe, as a word processor curls it: "o’neill" for
    O'Neill of :func:`_key_name_words` (hunt5, finding 4)."""
    return words | {_other_apostrophe(word) for word in words}


def _other_apostrophe(word: str) -> str:
    """``word`` with its straight apostrophes curled and its curled ones straight (``O’Neill``
    for ``O'Neill`` and back): a key written with one matches talk written with the other."""
    return word.translate(str.maketrans("'’", "’'"))


def names_to_check(
    transcripts: Iterable[Transcript] | Transcript, key: PseudonymKey | None = None
) -> list[NameToCheck]:
    """The words of the talk that may still name a person or a place: the words of the key's
    names left there first (:attr:`NameToCheck.keyed_as` the pseudonyms of the names they are
    words of; listed also where they only open a sentence, unless an everyday word that does
    not read as a name there: "Will it last?", not "Will's sister", "Will now cooks"), then the
    others, each most frequent first.

    A word is listed when it is capitalised within a sentence (not its first word) at least once,
    is written in lower case nowhere in ``transcripts`` (so "Recovery College" is left out when
    "recovery" and "college" appear elsewhere), and is no English stop word, no word of
    ``data/not_names.txt`` or ``data/public_proper_words.txt`` (nor its plural: "Sundays"), and
    no word of a pseudonym ``key`` holds. A part of a name the key holds is listed where it is
    still in the talk: it was not replaced there (a first name where its person does not speak,
    a given name of a row for someone who does not speak). A word after an honorific ("Mrs.
    Rose", "Dr Chen") is a name: the full stop does not open a sentence, and it is listed unless
    it is a pseudonym's. Its
    count and transcripts take in where it opens a sentence too. A word of a name the key holds
    left in lower case, as speech-to-text writes names, is listed in lower case with its count
    there (:func:`_key_name_words`): "denise" where Denise Okoro does not speak, "will" (an
    everyday word, so not replaced) where Will Jones does; one in capitals is listed as written
    ("MCALLISTER" of Callum McAllister, where he does not speak). Give the transcripts as
    pseudonymised, so the names already replaced are gone. A word that only opens a sentence is
    listed where it reads as a name there, said to someone ("Ruth, can you ..."), before an
    apposition ("Tom, our commissioner, ...": :func:`_may_be_apposed`) or before a word listed
    that may be a surname ("Janet Hughes from the council"), and counted among the likeliest
    names. So is a common given name (:func:`~roqa_nlp.given_names.is_common_given_name`:
    "Maya at the agency is good"), no everyday word, after the names found so. This is a reading
    aid, not a detector: a name that only ever opens a sentence otherwise, or one also written in
    lower case ("Recovery", "recovery") but never after an honorific, is not listed, unless it is
    a common given name ("Deirdre" beside "deirdre", as speech-to-text writes names, which is
    listed in lower case too, as "kemi" of an all lower-case transcript) or a given name that is
    also a word (``data/word_given_names.txt``: "Hope", "Mark", "Rose", listed
    capitalised within a sentence beside "I hope so", but not where it is only ever a word of a
    phrase: "the Royal College", "Winter Pressures", "a Grant") (in a study of four interviews,
    the words that only open sentences are mostly "Hi", "Yeah", "Great" and the like). One
    transcript may be given alone.
    """
    transcripts = checked_transcripts(transcripts, "names_to_check()")
    key = checked_key(key, "names_to_check()")
    lower: set[str] = set()
    within: set[str] = set()  # capitalised within a sentence somewhere
    titled: set[str] = set()  # after an honorific somewhere ("Mrs Rose")
    alone: set[str] = set()  # within a sentence and in no phrase somewhere ("I asked Hope")
    as_names: set[str] = set()  # read as a name somewhere, as "Will's sister", "Will now cooks"
    said_to: set[str] = set()  # said to someone somewhere: "Hi Ruth", "Ruth, can you ..."
    apposed: set[str] = set()  # before an apposition somewhere: "Tom, our commissioner, ..."
    of_a_person: set[str] = set()  # said of a person somewhere: "a support worker, Leanne,"
    own: set[str] = set()  # given as the speaker's own name somewhere: "Dan, that's me"
    acronyms: set[str] = set()  # an organisation's acronym, maybe: "the QEII", "HPFT"
    # a given name that is also a stop word or a month where the sentence says it is a name
    # ("my deputy is Will, he runs it", "So May from the training team": _names_by_shape), or a
    # stop word one capitalised within a sentence, before no pronoun ("I asked Will to help")
    shaped: set[str] = set()
    # a month's uses in each transcript, and those a word before makes the month ("next June"):
    # a month listed as a name is counted without these (s77 hunt6, F5: "Aunty June")
    month_uses: dict[str, dict[str, list[int]]] = {}
    stop_names = packaged_words("stop_word_names.txt")
    lower_titled: set[str] = set()  # a name after an honorific in lower case: "mrs adeyinka"
    # a word opening a sentence somewhere, and the capitalised words after it there ("Janet"
    # of "Janet Hughes from the council"): a given name before a surname listed
    openers: dict[str, set[str]] = {}
    # a common given name opening a sentence somewhere ("Maya at the agency is good")
    opening_names: set[str] = set()
    # a common given name in lower case, as speech-to-text writes names ("kemi", "tunde")
    lower_names: set[str] = set()
    # a capitalised word and the capitalised words right after it where it is in no phrase
    # ("Summers" of "Bill Summers"): a given name that is also a word before its surname
    after_given: dict[str, set[str]] = {}
    # a capitalised word right after a keyed given name's pseudonym ("[manager] Summers" of "Bill
    # Summers", keyed Bill,manager): a surname, though the study writes it in lower case too
    after_keyed: set[str] = set()
    # a word written in lower case somewhere but right after a common given name in lower case
    # ("froze" of "so fiona froze"; not "mcallister" of "fiona mcallister": a surname)
    lower_apart: set[str] = set()
    # a keyed surname misspelt one edit away after its given name ("sara okafur" of Sarah
    # Okafor), and the pseudonyms of the rows it may be of
    misspelt: dict[str, set[str]] = {}
    misspelling_rows = [] if key is None else _misspelling_rows(key)
    given_pseudonyms = _given_name_pseudonyms(key)
    counts: dict[str, int] = {}
    where: dict[str, dict[str, None]] = {}
    # a word of the key's names left in lower case (a name that is also a word, "will"; a first
    # name where its person does not speak, "denise"), as speech-to-text writes names
    keyed: set[str] = set()
    # the names of wards, units and buildings ("Oak Ward", "the Cedar Unit"), listed whole, and
    # how often each word is a word of one of them: a word only ever said so is not listed alone
    wards: dict[str, list[str]] = {}
    in_wards: dict[str, int] = {}
    for t in transcripts:
        for said in _passages(t):
            for ward, words in _ward_names(said):
                wards[ward] = words
                counts[ward] = counts.get(ward, 0) + 1
                where.setdefault(ward, {})[t.id] = None
                for word in [*words, ward.rsplit(None, 1)[-1]]:  # "Ward" of it too
                    word = word.removesuffix("'s").removesuffix("’s")
                    in_wards[word] = in_wards.get(word, 0) + 1
    for t in transcripts:
        here = frozenset() if key is None else _either_apostrophe(_key_name_words(key, t))
        for spoken in _spoken_words(t, given_pseudonyms):
            word, starts, to = spoken.word, spoken.starts, spoken.said_to
            if spoken.in_address:
                # a word of the key's names left in lower case in an address, whatever the case
                # of the address's other words: "kerry" of "www.kerry-care.org.uk", kept where
                # the key writes it capitalised only, was listed nowhere (s77 hunt7, LOW 1)
                for piece in re.split(r"[-_]", word):
                    if piece[:1].islower() and (piece in here or without_accents(piece) in here):
                        keyed.add(piece)
                        lower.add(piece.casefold())
                        counts[piece] = counts.get(piece, 0) + 1
                        where.setdefault(piece, {})[t.id] = None
            if word[:1].islower():
                lower.add(word.casefold())
                if word in here or without_accents(word) in here:
                    keyed.add(word)
                    counts[word] = counts.get(word, 0) + 1
                    where.setdefault(word, {})[t.id] = None
                elif is_common_given_name(word) and not _is_everyday_word(word):
                    lower_names.add(word)
                    counts[word] = counts.get(word, 0) + 1
                    where.setdefault(word, {})[t.id] = None
            elif (
                _may_be_an_acronym(word)
                and word.casefold() not in here
                and not spoken.numbered  # a scale's or a gene's: "BARC-10", "SGLT2"
            ):
                # listed wherever it stands, as it is written so only as a name
                counts[word] = counts.get(word, 0) + 1
                where.setdefault(word, {})[t.id] = None
                acronyms.add(word)
            elif _may_be_a_name(word) or (
                # a word of the key's names in capitals ("MCALLISTER on the system"), listed as
                # written, so a search of the copy finds it (re-tester s51, 7)
                len(word) > 1
                and word.isupper()
                and bool({word.casefold(), without_accents(word.casefold())} & here)
            ):
                counts[word] = counts.get(word, 0) + 1
                where.setdefault(word, {})[t.id] = None
                # "Ruth, can you ...", "Tom, our commissioner, ..." open a sentence, as names
                if not starts or to or spoken.apposed or spoken.own:
                    within.add(word)
                    if not spoken.phrase:
                        alone.add(word)
                elif is_common_given_name(word) and not _is_everyday_word(word):
                    opening_names.add(word)
                if to:
                    said_to.add(word)
                if spoken.apposed:
                    apposed.add(word)
                if spoken.of_a_person:
                    of_a_person.add(word)
                if spoken.own:
                    own.add(word)
                # before a word that may be a surname, not an everyday word ("Universal
                # Credit"), unless a surname too ("Janet Hughes", "Ruth Mason")
                then = spoken.then.casefold()
                if not spoken.phrase and spoken.then:
                    after_given.setdefault(word, set()).add(spoken.then)
                if (
                    starts
                    and then
                    and _may_be_said_to(word)
                    and (then in _word_surnames() or not _is_everyday_word(then))
                ):
                    openers.setdefault(word, set()).add(spoken.then)
                if spoken.titled:
                    titled.add(word)
                if spoken.after_given and _may_be_a_name(word):
                    after_keyed.add(word)
                if spoken.as_name:
                    as_names.add(word)
                    if (
                        not starts
                        and not spoken.phrase  # "the Mental Health Bill passed"
                        and word.casefold() in stop_names
                        and not is_month_name(word)
                    ):
                        shaped.add(word)
        for said in _passages(t):
            lower_apart.update(_lower_case_words_apart_from_names(said))
            for word, theirs in _misspelt_surnames(said, misspelling_rows, here):
                misspelt.setdefault(word, set()).update(theirs)
                counts[word] = counts.get(word, 0) + 1
                where.setdefault(word, {})[t.id] = None
            shaped.update(_names_by_shape(said))
            shaped.update(_names_before_speech(said))
            for word, month in _months_said(said):
                uses = month_uses.setdefault(word, {}).setdefault(t.id, [0, 0])
                uses[0] += 1
                uses[1] += month
            # a name after an honorific in lower case ("mrs adeyinka"), listed whole as written,
            # so that a row for it replaces it (a row for the word alone replaces it capitalised)
            for phrase, word in _lower_case_titled_names(said):
                if word.casefold() not in here and without_accents(word.casefold()) not in here:
                    counts[phrase] = counts.get(phrase, 0) + 1
                    where.setdefault(phrase, {})[t.id] = None
                    lower_titled.add(phrase)
            # a name opening with a number ("2gether"), which no word of the talk above opens with
            for m in _NUMBERED_NAME.finditer(said):
                if _may_be_an_acronym(m.group(0)) and m.group(0).casefold() not in here:
                    counts[m.group(0)] = counts.get(m.group(0), 0) + 1
                    where.setdefault(m.group(0), {})[t.id] = None
                    acronyms.add(m.group(0))
    known = set(_stop_words() | _not_names() | _public_words())
    if key is not None:
        # the pseudonyms' words ("nurse", "Interviewer"), not the names': a part of a name that
        # is still in the pseudonymised talk was not replaced there ("Eleanor's" of a row for
        # "Eleanor Fairbairn", a first name where its person does not speak) and is to check
        pseudonyms = {w.casefold() for p in key.pseudonyms.values() for w in _bare(p).split()}
        known |= pseudonyms
        titled = {w for w in titled if w.casefold() not in pseudonyms}
    # a given name that is also a word ("Hope", "Mark"), capitalised within a sentence, is a
    # name there, however often the word is written in lower case ("I hope so"), but not as a
    # word of a phrase ("the Royal College", "Winter Pressures", "a Grant": _in_a_phrase)
    # ("Bill" and "Justice" too, words of a law's or a national body's name, as the key's word
    # is: s75 tester pseudo, L2, where "Bill Summers" and "Bill Kerridge" went unlisted)
    word_names = packaged_words("word_given_names.txt") - known
    word_names |= _law_given_names() - (known - _public_words() - _stop_words())
    # the word after such a name, standing alone, is a surname: listed unless the study writes
    # it in lower case as it is, not only its singular ("Summers" beside "in the summer")
    surnamed = {
        then
        for word, thens in after_given.items()
        if word.casefold() in word_names
        for then in thens
    }
    whose = {} if key is None else _key_words_whose(key)
    # the words of rows for one transcript alone, the study's rows do not hold: left in another
    # ("Rose said ..." in p06, keyed Rose,Beryl,../raw/p07.txt), listed wherever capitalised, as
    # the researcher named them (s76 hunt q2: "Rose" was left in p06 and listed nowhere)
    for_one = set() if key is None else set(whose) - set(_key_words_whose(key, scoped=False))
    within |= shaped

    def keyed_as(word: str) -> tuple[str, ...]:
        form = without_accents(word.casefold())
        return tuple(sorted({*whose.get(form, ()), *whose.get(_other_apostrophe(form), ())}))

    after_names = {
        then
        for word, thens in after_given.items()
        if is_common_given_name(word) and not _is_everyday_word(word)
        for then in thens
    }

    def listed(word: str) -> bool:
        """Capitalised within a sentence, and after a title, a given name that is also a word
        standing alone, a name that is also a stop word before an apposition ("Will, our
        deputy, ...": s74 hunt2, where "will" is written in lower case), a common given name
        that is no everyday word however it is written elsewhere ("Deirdre", "deirdre"), or a
        word written in lower case nowhere and no known word."""
        return word in within and (
            word in titled
            or word in own
            or (word.casefold() in word_names and word in alone)
            or (word.casefold() in stop_names and word in apposed)
            or word in shaped
            or not _word_and_singular(word) & (lower | known)
            # a common given name, however often the study writes it in lower case, as
            # speech-to-text writes names ("Deirdre, she's ... deirdre cries": s77 privacy, H4)
            or (
                is_common_given_name(word)
                and not _is_everyday_word(word)
                and not _word_and_singular(word) & known
            )
            or (
                word in surnamed
                and word.casefold() not in lower
                and not _word_and_singular(word) & known
            )
            # right after a common given name, though written in lower case too where only
            # right after a given name in lower case ("Fiona McAllister ... so fiona
            # mcallister froze": privacy2 L7, session 78, where McAllister was not listed)
            or (word in after_names and not _word_and_singular(word) & (lower_apart | known))
        )

    # or right after a keyed given name left in the talk ("Maria Summers", keyed Maria Okafor)
    after_keyed |= {
        then
        for word, thens in after_given.items()
        if keyed_as(word) and _given_kind(word) is not None
        for then in thens
    }

    def surname_left(word: str) -> bool:
        """Right after a keyed given name or its pseudonym ("[manager] Summers"), however the
        study writes it elsewhere ("in the summers"), unless a known word or an everyday word that
        is no surname ("[P01] Yeah"): s76 hunt n3, where Bill Summers's surname was left unsaid."""
        forms = _word_and_singular(word)
        return (
            word in after_keyed
            and not forms & known
            and not keyed_as(word)
            and (bool(forms & _word_surnames()) or not _is_everyday_word(word))
        )

    # a word that only opens a sentence, before a word listed that is no key's: a given name
    # before a surname ("Janet Hughes from the council"), listed with it (s73 hunt)
    for word, thens in openers.items():
        if word not in within and any(listed(w) and not keyed_as(w) for w in thens):
            within.add(word)
            apposed.add(word)
    # a common given name that only opens a sentence ("Maya at the agency is good", "Paddy,
    # that's my deputy, does ..."): listed, after the names found by context (privacy tester
    # s77, H6; study7, 3: the one name a team that followed the list left in every output)
    within |= opening_names
    # a month listed by its sentences as a name is counted without its uses as the month beyond
    # doubt ("Aunty June, our counsellor" of the benchmarks, not their 10 of "next June", "in
    # June"), each of its transcripts once at least: none is dropped from its transcripts, as
    # "looked after June" may be the name (session 78 hunt3, F1); after an honorific, as any
    # word there, with all ("Mrs. May, in May")
    for word, by_transcript in month_uses.items():
        names = sum(max(1, n - month) for n, month in by_transcript.values())
        as_name = any(n > month for n, month in by_transcript.values())
        if word in counts and as_name and word not in titled and not keyed_as(word):
            counts[word] = max(len(where[word]), min(counts[word], names))
    found = [
        NameToCheck(word, counts[word], tuple(where[word]), keyed_as(word))
        for word in counts
        if word[:1].isupper()
        and (
            listed(word)
            or surname_left(word)
            # a word of a keyed name left, wherever it stands, when it is no everyday word or
            # reads as a name ("Will's sister cried", "Will now cooks": privacy tester s59, M2)
            or (
                bool(keyed_as(word))
                and (word in within or word in as_names or not _is_everyday_word(word))
            )
            or (
                without_accents(word.casefold()) in for_one
                and (word in as_names or not _is_common_word(word))
            )
        )
    ]
    found += [
        NameToCheck(w, counts[w], tuple(where[w]))
        for w in sorted(acronyms)
        if w.casefold() not in known  # a pseudonym's word
    ]
    # a word said only in the names of wards ("Oak" of "Oak Ward") is listed in them
    found = [f for f in found if f.keyed_as or in_wards.get(f.word, 0) < f.count]
    found += [
        NameToCheck(w, counts[w], tuple(where[w]))
        for w, words in wards.items()
        if not {word.casefold() for word in words} & known  # a pseudonym's word ("Nurse")
    ]
    found += [NameToCheck(w, counts[w], tuple(where[w]), keyed_as(w)) for w in keyed]
    # listed as the row's, to check, not replaced: it may be another word or name
    found += [
        NameToCheck(w, counts[w], tuple(where[w]), tuple(sorted(p)))
        for w, p in sorted(misspelt.items())
        if w not in keyed
    ]
    found += [NameToCheck(w, counts[w], tuple(where[w])) for w in sorted(lower_titled)]
    # a common given name in lower case, as speech-to-text writes names: "kemi and tunde review
    # the goals" listed nothing (privacy tester s77, H3, H4)
    found += [
        NameToCheck(w, counts[w], tuple(where[w]))
        for w in sorted(lower_names - keyed)
        if w.casefold() not in known
    ]
    # the key's words left first: the researcher keyed them, and may not look further; in each
    # group the words likeliest to name a person before the others, which roqa code shows only
    # twelve of: one said to someone ("Hi Ruth"), after a title ("Mrs Rose") or a given name
    # that is also a word ("Hope"); Ruth, greeted, was shown after Ofsted, Amazon and God, among
    # "and 11 more" (session 73 study3 tester, D4 ii); one said of a person ("our chief exec,
    # Sandra, she ...", "a peer support worker now, Leanne,"): shown after Ofsted and the
    # places, among "and 12 more" (s74 hunt2)
    named = said_to | titled | apposed | of_a_person | own | shaped | lower_titled
    named |= {w for w in counts if surname_left(w)}
    named |= {w for w in counts if w.casefold() in word_names}
    return sorted(
        found,
        key=lambda f: (
            not f.keyed_as,
            f.word not in named,
            # an acronym last: most name a kind of thing the allow-list misses (s76 gate)
            f.word in acronyms,
            -f.count,
            f.word.casefold(),
        ),
    )


def warn_of_names_to_check_in_file_names(
    transcripts: Iterable[Transcript] | Transcript,
    found: Iterable[NameToCheck],
    key: PseudonymKey | None = None,
) -> None:
    """Warn, one line per transcript, of each word ``found`` (:func:`names_to_check`: capitalised
    as a name in the talk, in no row of the key) that the transcript's id, which every output
    carries, holds in lower case (``oakfield`` of ``a_oakfield_zoom`` where the talk says "At
    Oakfield we ..."), as a keyed name left in a file name is: a word in lower case is not warned
    of as maybe a name by itself, since file names are full of lower-case abbreviations, but
    one the talk writes as a name is one (session 73 study3 tester, D4 iii: the service names of
    ``a_oakfield_zoom`` and ``c_P14_ashgrove`` reached every output unsaid). Give the
    transcripts as pseudonymised, as to :func:`names_to_check`, and the ``key`` that
    pseudonymised them, which names a QDA project's source with its project (``study.qdpx:
    source 'p25'``). A capitalised word of the id, warned of already as maybe a name, is not
    said again; nor is a word that would not be warned of capitalised
    (:func:`_maybe_names_in_file_name`: an everyday, job or file name's word, ``key`` of
    ``t02_key_worker.txt`` where another interview says "Mr Key"), unless the transcript's own
    talk writes it as a name within a sentence (:func:`_named_in_own_talk`: ``haven`` of
    ``b_haven_rev`` whose talk says "People stay at Haven", a stop word of "haven't"), nor two
    words of the id, or one joining them, that its own talk writes as one name (``opendoor`` of
    ``d_opendoor_export``, "about Open Door": s74 hunt2)."""
    listed: dict[str, str] = {}
    for f in found:
        if f.word[:1].isupper() and not f.keyed_as:
            listed.setdefault(_file_name_form(f.word), f.word)
            # a ward's name listed whole: each of its words ("oak" of p01_oak_ward)
            for word in f.word.split():
                listed.setdefault(_file_name_form(word.removesuffix("'s")), f.word)
    for t in checked_transcripts(transcripts, "warn_of_names_to_check_in_file_names()"):
        name = unicodedata.normalize("NFC", t.id)
        warned = {_file_name_form(w) for w in _maybe_names_in_file_name(name)}
        warned |= {_file_name_form(w) for w in _given_names_in_file_name(name)}
        # a word that may be a name capitalised, as the file name's capitalised words are
        # weighed: not an everyday, job or file name's word ("key" of t02_key_worker.txt, its
        # speaker's job title, where another interview's talk says "Mr Key")
        capitalised = _FILE_NAME_WORD.sub(lambda m: m.group(0)[:1].upper() + m.group(0)[1:], name)
        maybe = {_file_name_form(w) for w in _maybe_names_in_file_name(capitalised)}
        words = list(dict.fromkeys(_FILE_NAME_WORD.findall(name)))
        own = _named_in_own_talk(t, _FILE_NAME_WORD.findall(name))
        held = {
            w: listed[form]
            for w in words
            if (form := _file_name_form(w)) in listed
            and form not in warned
            and (form in maybe or form in own)
        }
        # two words the talk writes as one name, the file name's joined or apart, unless warned
        # of already, each ("elm, lodge" of p25_elm_lodge, both listed)
        held_forms = {_file_name_form(w) for w in held}
        pairs = {
            w: said for w, said in own.items() if " " in said and not set(w.split()) <= held_forms
        }
        if not held and not pairs:
            continue
        shown = [*held, *pairs]
        as_listed = list(dict.fromkeys(held.values()))
        what = f"listed to check ({first_few(as_listed)})" if as_listed else ""
        if pairs:
            what += (" and " if what else "") + f"({first_few(list(pairs.values()))})"
        named = transcript_named(t if key is None else key.as_read(t))
        warn(
            f"the file name holds {first_few(shown)}, which the talk writes as a name {what}, "
            f"and the outputs carry it: {_rename(t)}",
            path=named,
        )


def _named_in_own_talk(transcript: Transcript, words: list[str]) -> dict[str, str]:
    """The ``words`` of the transcript's file name (in lower case, in order) that its own talk
    writes capitalised within a sentence, as a name (``Haven`` of "People stay at Haven" for
    ``haven``), each as said; and each two of them next to each other, or one word joining
    them, that it writes as two capitalised words within a sentence (``open door`` or
    ``opendoor`` of "about Open Door"), as said. Neither a word of a role, a person or a group
    said to, or of a file name's (``data/not_names.txt``, ``data/person_words.txt``,
    ``data/courtesy_address_terms.txt``, :func:`~.transcripts.roles.file_name_words`: ``boss``
    of ``g11_hey_boss``, ``folks`` of ``gr11_hi_folks``, "Hi Folks"), nor of a greeting
    (``data/address_words.txt``: ``hi``), nor its plural, nor a public
    one (``Monday``, ``Zoom``) nor a word before a role's ("my Key Worker") counts."""
    from .transcripts.roles import file_name_words

    forms = [_file_name_form(w) for w in words if w[:1].islower()]
    if not forms:
        return {}
    singles = set(forms)
    joined = {a + b: f"{a} {b}" for a, b in zip(forms, forms[1:], strict=False)}
    joined.update({j: j for j in forms})  # one word of the file name joining two of the talk
    no_one = (
        _not_names()
        | file_name_words()
        | _public_words()
        | packaged_words("person_words.txt")
        | packaged_words("courtesy_address_terms.txt")
        | {w for phrase in packaged_words("address_words.txt") for w in phrase.split()}
    )
    found: dict[str, str] = {}
    for turn in transcript.turns:
        said = _SQUARE_NOTE.sub(
            lambda m: " " * len(m.group(0)), transcript.text[turn.start : turn.end]
        )
        for m in _WORD_AND_NEXT.finditer(said):
            word, then = m.group(1), m.group(2) or ""
            for suffix in ("'s", "’s"):
                word, then = word.removesuffix(suffix), then.removesuffix(suffix)
            if not _may_be_a_name(word) or _word_and_singular(word) & no_one:
                continue
            if _SENTENCE_START.search(said[max(0, m.start() - 80) : m.start()]):
                continue
            form = _file_name_form(word)
            role_after = then.casefold() in _not_names()
            if form in singles and not role_after:
                found.setdefault(form, word)
            if then and _may_be_a_name(then) and not _word_and_singular(then) & no_one:
                pair = form + _file_name_form(then)
                if pair in joined:
                    found.setdefault(joined[pair], f"{word} {then}")
    return found


#: a word of the talk and the word right after it, in the same sentence ("Open" and "Door")
_WORD_AND_NEXT = re.compile(
    rf"(?<!{NAME_CHAR})([^\W\d_][\w{MARKS}'’-]*)(?=(?:[ \t]+([^\W\d_][\w{MARKS}'’-]*))?)"
)


def _key_words_whose(key: PseudonymKey, scoped: bool = True) -> dict[str, set[str]]:
    """Each word of the key's names (:func:`name_parts`, a hyphenated one's pieces too, a
    surname joined to its prefix: :func:`_joined_surnames`), in lower case without accents, and
    the pseudonyms (bare) of the names it is a word of; with ``scoped``, the names of the rows
    for one transcript (:attr:`PseudonymKey.scoped`: ``Rose,Beryl,../raw/p07.txt``) too."""
    rows = [key.pseudonyms, *(key.scoped.values() if scoped else [])]
    whose: dict[str, set[str]] = {}
    for name, pseudonym in (row for of in rows for row in of.items()):
        for part in [*name_parts(name), *_joined_surnames(name)]:
            for word in [part, *_pieces(part)]:
                whose.setdefault(without_accents(word.casefold()), set()).add(_bare(pseudonym))
    return whose
