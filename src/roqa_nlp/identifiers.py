"""Direct identifiers other than names: e-mail addresses, UK phone numbers, NHS and National
Insurance numbers, hospital and patient numbers, full dates (of birth, most often), UK
postcodes, IP addresses, car registrations and street addresses, replaced by placeholders when
pseudonymising.

A participant reads out their mobile number, spells their e-mail address for a follow-up or
gives their date of birth for the consent form; none of it is a name, so a pseudonym key does
not reach it, and a quote carrying it identifies them as surely as their name. Each match of a
pattern of ``data/direct_identifiers.json`` becomes its placeholder (``07700 900123`` ->
``[phone]``, ``maria.okafor@nhs.net`` -> ``[email]``, ``14/03/1978`` or ``the twelfth of June
1975`` -> ``[date]``, ``943 476 5919`` -> ``[NHS number]``, ``QQ 12 34 56 C`` -> ``[NI number]``,
``MRN 40123456`` -> ``MRN [patient number]``, ``192.168.1.54`` -> ``[IP address]``, ``KX19 ABC``
-> ``[car registration]``, ``SG1 2AB`` or ``ls6 2qt`` -> ``[postcode]``, ``14 Elm Road`` or
``7 Ffordd Las`` -> ``[address]``); an address read out, as an automatic transcript writes it,
too (``jane dot smith at nhs dot net`` -> ``[email]``; ``email me on aisha at nhs dot net`` ->
``email me on [email]``, and ``aisha at nhs dot net`` when the caller names ``aisha`` a word of
a name), and a street's town and county after it (``12 Station Road Leeds LS1``, ``22 Park
Avenue, Harrogate, North Yorkshire`` -> ``[address]``). The patterns leave
ordinary numbers as they are: a year alone, a month and year, a day and month, times,
percentages, money, counts, scores and ward or room numbers; and ordinary talk: ``at 3
o'clock``, ``dot the i's``, ``look at nhs dot uk`` (a web site), ``a 10 minute walk``, a street
named without a house number.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "IdentifierPattern",
    "identifier_edits",
    "identifier_matches",
    "identifier_patterns",
    "is_month_name",
    "names_first",
    "place_names",
    "plurals",
    "street_first_words",
    "replace_identifiers",
]

#: the data file of the patterns and their placeholders
IDENTIFIERS_FILE = "direct_identifiers.json"

_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class IdentifierPattern:
    """What a pattern finds (``"e-mail address"``), the placeholder that replaces it
    (``"[email]"``) and the compiled pattern."""

    what: str
    placeholder: str
    regex: re.Pattern[str]
    #: a match counts only when its group ``local`` is a word of a name (``identifier_matches``)
    local_is_a_name: bool = False
    #: a match counts only when this check of :data:`CHECKS` passes (``nhs_number``)
    check: str | None = None
    #: the pattern reads a line's end as the identifier's end (a street address), so it is not
    #: also matched over a hard-wrapped line (:func:`identifier_matches`)
    one_line: bool = False


def nhs_number_checks(figures: str) -> bool:
    """Whether the ten figures of ``figures`` (blanks and hyphens aside) end in the modulus 11
    check digit of an NHS number: 11 less the remainder by 11 of the first nine figures weighed
    10 down to 2, 11 read as 0 and 10 as no valid number (NHS Data Dictionary, "NHS Number")."""
    digits = [int(c) for c in figures if c.isdigit()]
    if len(digits) != 10:
        return False
    check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=False)) % 11
    return check != 10 and check % 11 == digits[9]


#: the checks a pattern of ``data/direct_identifiers.json`` may name (its key ``check``)
CHECKS = {"nhs_number": nhs_number_checks}


def plurals(word: str) -> list[str]:
    """``word`` and its regular plural, as a word list of ``data/direct_identifiers.json`` is
    matched (``Pharmacy`` -> ``Pharmacies``, ``Branch`` -> ``Branches``, ``GP`` -> ``GPs``,
    ``Studio`` -> ``Studios``): the list keeps the singular, and an irregular plural itself."""
    if len(word) > 1 and word[-1] == "y" and word[-2].lower() not in "aeiou":
        return [word, f"{word[:-1]}ies"]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word, f"{word}es"]
    return [word, f"{word}s"]


@cache
def identifier_patterns() -> tuple[IdentifierPattern, ...]:
    """The patterns of ``data/direct_identifiers.json``, in the file's order."""
    text = resources.files("roqa_nlp").joinpath("data", IDENTIFIERS_FILE).read_text("utf-8")
    data = json.loads(text)
    parts: dict[str, str] = dict(data.get("parts", {}))
    for name, words in data.get("word_lists", {}).items():  # after the parts that name them
        forms = dict.fromkeys(form for word in words for form in plurals(word))
        parts[name] = f"(?:{'|'.join(map(re.escape, sorted(forms, key=len, reverse=True)))})"
    for name, words in data.get("words_before", {}).items():  # a word just before, any case
        parts[name] = f"(?:{'|'.join(_just_after(word) for word in words)})"
    out = []
    for entry in data["identifiers"]:
        pattern = "".join(entry["pattern"])
        # a part may name a part given before it in the file (KIND_DOT names TOWN_WORD):
        # replaced until none is left
        for _ in range(len(parts)):
            before = pattern
            for name, regex in parts.items():
                pattern = pattern.replace(f"<{name}>", regex)
            if pattern == before:
                break
        flags = re.IGNORECASE if entry.get("ignore_case") else 0
        out.append(
            IdentifierPattern(
                entry["what"],
                entry["placeholder"],
                re.compile(pattern, flags),
                bool(entry.get("local_is_a_name")),
                entry.get("check"),
                bool(entry.get("one_line")),
            )
        )
    return tuple(out)


def _just_after(word: str) -> str:
    """A pattern of the place just after ``word`` and one blank, ``word`` whole and in any case
    (a list of ``words_before`` in ``data/direct_identifiers.json``: ``In 2020``, ``at 12``);
    ``<YEAR4>`` in it stands for four figures (``between <YEAR4> and``: ``between 2015 and
    2017``), so the place stays one of a fixed width."""
    escaped = re.escape(word).replace(re.escape("<YEAR4>"), "[0-9]{4}")
    return rf"(?<=(?<![\w'’-])(?i:{escaped})[ ])"


def identifier_edits(text: str) -> list[tuple[int, int, str]]:
    """Each direct identifier in ``text`` as ``(start, end, placeholder)``, in order of start;
    where two patterns' matches overlap, the longer is kept (:func:`longest_first`)."""
    return longest_first(identifier_matches(text))


def identifier_matches(
    text: str, names: frozenset[str] = frozenset()
) -> list[tuple[int, int, str]]:
    """Each match of each pattern in ``text`` as ``(start, end, placeholder)``, overlapping or
    not, pattern by pattern (:func:`names_first` chooses among them and names). A match's span
    is its group ``address`` when the pattern has one (the words that ask for an address stay:
    ``email me on [email]``); a pattern whose local part must be a name matches only where that
    part is one of ``names`` (lower-case words of the pseudonym key's names: ``aisha at nhs dot
    net`` with ``Aisha Rahman`` keyed).

    A transcript hard-wrapped at a fixed width breaks an identifier over two lines (``the
    twelfth of\nJune 1975``, ``QQ 12 34\n56 C``): each pattern but a street address's
    (``one_line``) is matched too in the text with each single line break read as a blank, a
    character for a character, so the spans stay the text's; such a match that ends just before
    a colon ends on the next speaker's label (``KX19\nABC: Yes``) and is none."""
    wrapped = _LINE_BREAK.sub(lambda m: " " * len(m.group()), text)
    found: list[tuple[int, int, str]] = []
    for p in identifier_patterns():
        found += (mine := _pattern_matches(text, names, p))
        if wrapped != text and not p.one_line:
            seen = set(mine)
            found += [
                (start, end, new)
                for start, end, new in _pattern_matches(wrapped, names, p)
                if (start, end, new) not in seen
                and not ("\n" in text[start:end] and text[end : end + 1] == ":")
            ]
    return found


#: a single line break, as a transcript hard-wrapped at a fixed width has inside a sentence (a
#: blank line between is a paragraph's end)
_LINE_BREAK = re.compile(r"(?<![\r\n])\r?\n(?![\r\n])")


def _pattern_matches(
    text: str, names: frozenset[str], p: IdentifierPattern
) -> list[tuple[int, int, str]]:
    """Each match of the pattern ``p`` in ``text``, as :func:`identifier_matches` gives them."""
    return [
        (*_span(m, names), p.placeholder)
        for m in p.regex.finditer(text)
        if (not p.local_is_a_name or m.group("local").casefold() in names)
        and (p.check is None or CHECKS[p.check](m.group()))
    ]


def _span(m: re.Match[str], names: frozenset[str]) -> tuple[int, int]:
    """Where the match ``m`` of :func:`identifier_matches` is replaced: its group ``address``
    when its pattern has one, else all of it, but for a street's town (group ``town``) from a
    word of ``names`` on: that word is a name, not a town (``14 Elm Road, Maria.`` with
    ``Maria Okafor`` keyed -> ``[address], Maria.``), as the pseudonym key's rule for it says.
    A word of ``names`` that is a UK town or county (:func:`place_names`: ``Lincoln`` with
    ``Lincoln Hayes`` keyed) stays the address's, and so does a keyed name with a town after
    it (``8 Kings Road, Maria, Lincoln.`` -> ``[address].``): the town would be left. But such a
    town followed by another word of ``names`` opens a keyed name (``9 Mill Lane, Lincoln
    Hayes.`` -> ``[address], [P08].``): the address ends before it, so no name is left in part
    and the address is not dropped for it (:func:`names_first`)."""
    groups = m.re.groupindex
    start, end = m.span("address" if "address" in groups else 0)
    town = m.group("town") if "town" in groups else None
    if not town or not names:
        return start, end
    cut = None
    name_end = None  # where the name the address was cut at ends, while its words go on
    pos = 0
    while word := _WORD.search(town, pos):
        keyed = _bare_word(word.group()) in names
        if name_end is not None and keyed and town[name_end : word.start()] == " ":
            name_end = pos = word.end()  # the name's next word ('Lincoln Hayes')
            continue
        name_end = None
        place = _place_at(town, word.start())
        after = _WORD.match(town, word.end() + 1) if place == word.group() else None
        if (
            place
            and not (  # a keyed town that a keyed word follows opens a keyed name
                cut is None
                and keyed
                and town[word.end() : word.end() + 1] == " "
                and after
                and _bare_word(after.group()) in names
            )
        ):
            if cut is not None:  # a town after the name: the name stays in the address
                return start, end
            pos = word.start() + len(place)
            continue
        if cut is None and keyed:
            cut = m.start("town") + len(town[: word.start()].rstrip(" ,"))
            name_end = word.end()
        pos = word.end()
    return start, end if cut is None else cut


def _bare_word(word: str) -> str:
    """``word`` as :func:`_span` looks it up in a key's name words: without ``'s``, folded."""
    return re.sub(r"['’]s$", "", word).casefold()


@cache
def place_names() -> tuple[str, ...]:
    """The UK cities, towns and counties of ``data/direct_identifiers.json`` (its word lists
    PLACE, PLACE_AND_NAME and COUNTY), longest first: a word of a keyed name that is one of
    them, after a street, is the address's town (:func:`identifier_matches`)."""
    text = resources.files("roqa_nlp").joinpath("data", IDENTIFIERS_FILE).read_text("utf-8")
    lists = json.loads(text).get("word_lists", {})
    places = {p for key in ("PLACE", "PLACE_AND_NAME", "COUNTY") for p in lists.get(key, [])}
    return tuple(sorted(places, key=len, reverse=True))


@cache
def _month_name() -> re.Pattern[str]:
    """The part MONTH of ``data/direct_identifiers.json``, a month's name or abbreviation."""
    text = resources.files("roqa_nlp").joinpath("data", IDENTIFIERS_FILE).read_text("utf-8")
    return re.compile(json.loads(text)["parts"]["MONTH"], re.IGNORECASE)


def is_month_name(word: str) -> bool:
    """Whether ``word`` is a month's name (``April``, ``aug``), as a full date writes it (the
    part MONTH of ``data/direct_identifiers.json``)."""
    return _month_name().fullmatch(word) is not None


@cache
def street_first_words() -> frozenset[str]:
    """The words that open a street's or a place's name in Welsh, Irish and Scottish Gaelic
    (``data/direct_identifiers.json``, word lists STREET_FIRST and STREET_FIRST_NAME, the
    words that are also given names: ``Maes``, ``Heol``, ``Bryn``), in lower case: ``Bryn
    Awel`` in a file name may be a place as well as a person."""
    text = resources.files("roqa_nlp").joinpath("data", IDENTIFIERS_FILE).read_text("utf-8")
    lists = json.loads(text).get("word_lists", {})
    kinds = ("STREET_FIRST", "STREET_FIRST_NAME")
    return frozenset(w.casefold() for kind in kinds for w in lists.get(kind, []))


def _place_at(text: str, pos: int) -> str | None:
    """The place of :func:`place_names` that ``text`` holds whole from ``pos``, if any."""
    for place in place_names():
        if text.startswith(place, pos) and not re.match(r"[\w'’-]", text[pos + len(place) :]):
            return place
    return None


def longest_first(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Of ``edits`` (``(start, end, new)``, which may overlap), those that overlap no longer one,
    in order of start; of two of one length, the one given first is kept."""
    ranked = sorted(enumerate(edits), key=lambda item: (item[1][0] - item[1][1], item[0]))
    kept: list[tuple[int, int, str]] = []
    for _, (start, end, new) in ranked:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, new))
    return sorted(kept)


def names_first(
    names: list[tuple[int, int, str]], identifiers: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The edits to make of ``names`` (a pseudonym key's and the speakers' names) and
    ``identifiers`` (:func:`identifier_matches`), which may overlap, in order of start: a name
    always wins, so an identifier that holds part of a name and not all of it is dropped
    (``Maria Okafor at nhs dot net`` is ``[P01] at nhs dot net``, not ``Maria [email]``, where
    the address's first word was the surname); one that holds each name it overlaps whole is
    kept for them (``dean.smith@nhs.net`` -> ``[email]``). Of the rest, the longer is kept
    (:func:`longest_first`; a key's row wins a tie)."""
    kept = [
        (start, end, new)
        for start, end, new in identifiers
        if all(start <= s and e <= end for s, e, _ in names if s < end and start < e)
    ]
    return longest_first([*names, *kept])


def replace_identifiers(text: str) -> str:
    """``text`` with each direct identifier replaced by its placeholder."""
    out, pos = [], 0
    for start, end, new in identifier_edits(text):
        out += [text[pos:start], new]
        pos = end
    out.append(text[pos:])
    return "".join(out)
