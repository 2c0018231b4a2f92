"""Codebook: a hierarchy of codes (domain > construct > sub-construct) kept as a data file.

Built-in codebooks live in ``roqa_nlp/codebooks/<id>.json``::

    {"id": "cfir-2009", "name": "...", "version": "...", "source": "...",
     "codes": [{"id": "IC", "name": "Intervention Characteristics", "level": "domain",
                "parent": null, "codable": false, "description": "...", "aliases": []}, ...],
     "mapping": {"cfir-2022": {"IC.A": ["INN.A"], ...}}}

Names resolve case-insensitively, with ``&``/``and``, hyphens and dashes (``-``, ``–``, ``—``,
``−``), punctuation and spacing variants treated alike (``"External Policy & Incentives" ==
"external policy and incentives"``).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .codebooks import BUILTIN, DEFAULT_CODEBOOK
from .errors import (
    RoqaError,
    RoqaTypeError,
    RoqaValueError,
    a_type,
    and_list,
    first_and_count,
    first_few,
    in_python_too,
    quoted,
    warn,
)
from .io import atomic_write_text, read_text, sha256_bytes
from .schema import OFF_FRAMEWORK, Code, normalise_valence

#: A code id that says nothing to a reader: the GUID a QDA program gave a code it made
#: (``556d5796-daaa-4b66-9060-a902ab13334c``), as ``roqa import`` keeps it.
_OPAQUE_ID = re.compile(r"\{?[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\}?")


def shown_code(code_id: str, name: str | None, names: dict[str, str] | None = None) -> str:
    """How a code is written where a short label is wanted (a table's column, a list of new
    codes): its id, or its name when the id is a QDA program's GUID, or a project's new code's
    (``project.building-and-physical-environment``, made of its name), and the code has a name;
    when another code of ``names`` (id -> name) has that name too, a GUID's name with its first
    eight characters (``Staff [556d5796]``), a new code's id, so the two stay apart."""
    from .decisions import PROJECT_PREFIX

    if not name:
        return code_id
    twin = bool(names) and any(k != code_id and v == name for k, v in (names or {}).items())
    if code_id.startswith(PROJECT_PREFIX):
        return code_id if twin else name
    if not _OPAQUE_ID.fullmatch(code_id):
        return code_id
    return f"{name} [{code_id.strip('{}')[:8]}]" if twin else name


def named_code(code_id: str, name: str | None, names: dict[str, str] | None = None) -> str:
    """How a code is written where a reader needs to know what it is (the framework matrix's
    column headers, saturation's new codes): its id and name (``PR.D Reflecting &
    Evaluating``); a QDA program's GUID, or a project's new code, as :func:`shown_code` writes
    it (its name); its id alone when it has no name of its own."""
    shown = shown_code(code_id, name, names)
    return f"{code_id} {name}".strip() if name and shown == code_id != name else shown


def normalise_name(name: str) -> str:
    """The key a code name (or a coder's name) is looked up by: lower case, ``&`` = ``and``, no
    punctuation (a dash of any kind, as a word processor turns `` - `` into `` – ``, being a
    hyphen; an ellipsis, as it turns ``...`` into ``…``, being full stops), and one Unicode form
    of each accented letter (NFC, as Unicode's canonical caseless match has it: "Coût" pasted
    from a Mac or a PDF, its û a u and a combining circumflex, is the "Coût" typed elsewhere;
    session 76's api tester: two codes that look alike, and kappa 0.100 for 1.000).

    A sign a name ends in ("+", "-" or any dash or minus, in brackets or not, several apart by
    "/") is kept, spacing aside, as "+" or "-": "Staffing -", "Staffing-" and "Staffing (−)" are
    "staffing -", a code of their own, neither "Staffing" nor "Staffing +" (session 76: the
    minus was dropped as punctuation, so a team's barrier twin "Staffing -" was merged with a
    plain "Staffing" while "Staffing +" stayed apart). A dash within a name is a hyphen still:
    "Cost - benefit" is "Cost-benefit", "Self-efficacy" is "Self Efficacy"."""
    s = unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())
    # spacing aside first, and the signs read from the end, once: a search of the signs at
    # every place of a long run of spaces backtracked for minutes (s87 hunt37 L3: 'Morale'
    # and 1200 spaces in a .qdpx took roqa agree 5 minutes)
    s = " ".join(s.split())
    signs = _TRAILING_SIGNS.match(s[::-1])
    if signs is not None and (start := len(s) - signs.end()) > 0 and (stem := _name_key(s[:start])):
        return " ".join([stem, *("-" if c != "+" else "+" for c in _SIGN.findall(signs[0][::-1]))])
    return _name_key(s)


#: a code name written after a prefix and a separator: "IS-Name", "IS: Name", "Domain > Name",
#: "Domain / Name" (the prefix holds no separator; the name may hold more of them)
_PREFIXED = re.compile(
    r"\s*(?P<prefix>[^:>/\-\u2010-\u2015]+?)\s*(?:[:>/]|[\-\u2010-\u2015])\s*(?P<name>\S.*)"
)

#: the most prefixes a name is read after ("Inner Setting > Readiness for Implementation >
#: Available Resources" has two)
_MAX_PREFIXES = 4

#: a sign, "+" or a minus: "-", "−" or any dash, as a word processor may write it
_SIGN = re.compile(r"[+\-\u2010-\u2015\u2212]")
#: the signs a code name ends in, a team's barrier / enabler twin ("Staffing -", "Staffing+",
#: "Cost (−)", "Staffing +/-"): meaning, kept by :func:`normalise_name` (lateb, session 76);
#: written backwards, matched at the start of the reversed name (one try, no search)
_TRAILING_SIGNS = re.compile(
    r"\s*\)?\s*[+\-\u2010-\u2015\u2212](?:\s*/?\s*[+\-\u2010-\u2015\u2212])*\s*\(?\s*"
)


def _name_key(s: str) -> str:
    """:func:`normalise_name`'s key of a case-folded name: ``&`` = ``and``, punctuation (any
    dash, within a name, a hyphen) as spaces, spacing aside."""
    s = s.replace("&", " and ")
    s = re.sub(r"[\-\u2010-\u2015\u2212_/.,:;()'\"’\u2026]+", " ", s)
    return " ".join(s.split())


def name_differences_said(spellings: Iterable[str]) -> str:
    """What names counted as one name (:func:`normalise_name`) may differ in, as a note says it:
    "case, spacing, punctuation or &/and", and "Unicode form" too when one of ``spellings`` is
    not in NFC (it looks the same as the other on screen, :func:`spelling_shown` says so)."""
    if all(unicodedata.is_normalized("NFC", s) for s in spellings):
        return "case, spacing, punctuation or &/and"
    return "case, spacing, punctuation, &/and or Unicode form"


def spelling_shown(name: str) -> str:
    """``name`` quoted as a note shows one spelling of a merged name: with "(decomposed, NFD)"
    after it when it is not in NFC, as it looks just like its NFC twin ("'Coût' = 'Coût'
    (decomposed, NFD)")."""
    said = repr(name)
    return said if unicodedata.is_normalized("NFC", name) else f"{said} (decomposed, NFD)"


#: How a sentence of a code's description opens when it names what the code is not, each topic
#: followed by the names of the codes that cover it, in brackets, several apart by "," or "or"
#: ("Not money from outside (Financing) or pressure to score well on reported measures
#: (Performance-Measurement Pressure)."): the convention of the built-in codebooks
#: (docs/codebooks.md).
EXCLUSION_OPENING = "Not "
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_EXCLUDED_TOPIC = re.compile(r"([^()]*?)\s*\(([^()]*)\)")
_NAMES_APART = re.compile(r",\s*|\s+or\s+")


#: a sentence that hands a topic on ends with the bracket naming where it goes
_ENDS_NAMING = re.compile(r"\)[.;!?]?$")


def _hands_on(sentence: str) -> bool:
    """Whether a description's sentence hands a topic on to other codes: it opens
    :data:`EXCLUSION_OPENING` and ends naming them in brackets ("Not money from outside
    (Financing)."). A team's theme that opens so ("Not enough carers on shift, gaps in the
    rota.", "Not being listened to by managers.") says what its code covers (regression hunt,
    s61: its words counted for no code, and a barrier codebook's themes tied)."""
    return sentence.startswith(EXCLUSION_OPENING) and bool(_ENDS_NAMING.search(sentence))


@functools.lru_cache(maxsize=1024)  # a crosswalk asks for a codebook's every segment
def _description_sentences(description: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A description's sentences saying what the code covers, and those handing a topic on
    (:func:`_hands_on`), the latter without their opening :data:`EXCLUSION_OPENING`."""
    sentences = _SENTENCE_END.split(description.strip())
    return (
        tuple(s for s in sentences if s and not _hands_on(s)),
        tuple(s[len(EXCLUSION_OPENING) :] for s in sentences if _hands_on(s)),
    )


def description_scope(description: str) -> str:
    """What a code's description says the code covers: its sentences but those handing a
    topic on (opening :data:`EXCLUSION_OPENING`, ending with the codes named in brackets),
    which name a neighbouring code's topic. Their words are the
    other code's: counted for this one, they would draw to it the talk it hands on (an
    embedding trained on them, a crosswalk choosing among counterparts by them)."""
    return " ".join(_description_sentences(description)[0])


@functools.lru_cache(maxsize=1024)
def description_exclusions(description: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The topics a code's description hands on to other codes (:data:`EXCLUSION_OPENING`),
    each with the names of the codes it names for it: ``"Not money from outside (Financing)."``
    is ``(("money from outside", ("Financing",)),)``. A topic named with no code in brackets is
    left out; a bracket may name something that is not a code ("the Characteristics
    constructs"), which a codebook then does not find."""
    return tuple(
        (topic.strip(), tuple(n.strip() for n in _NAMES_APART.split(names) if n.strip()))
        for sentence in _description_sentences(description)[1]
        for topic, names in _EXCLUDED_TOPIC.findall(sentence)
    )


#: how near (:class:`difflib.SequenceMatcher` ratio) an unknown code name must be to a code's
#: name or alias for :meth:`Codebook.nearest_names` to offer it: "Externl Policy & Incentives"
#: is 0.98 of "External Policy & Incentives", "Planing" 0.93 of "Planning" but 0.73 of "Plan",
#: and a new code's name ("Staff wellbeing") 0.70 of "Staffing"
NEAR_NAME = 0.75
#: how much less near than the nearest name another may be and still be offered beside it
NEAR_NAME_MARGIN = 0.1
#: How near (:func:`difflib.SequenceMatcher` ratio) a mistyped code id must be to a code's id to
#: be offered in a "did you mean": one character of six wrong (``IS.E.7`` for ``IS.E.1``) or
#: missing (``IS.E2`` for ``IS.E.2``)
NEAR_ID = 0.8


def nearest_words(key: str, words: Iterable[str], *, n: int = 3) -> list[str]:
    """The ``words`` nearest ``key`` (an id or value typed with a typo), best first, at most
    ``n``, for a "did you mean": the one it is when a letter l or I stands for the digit 1 or a
    letter O for 0 (``IS.E.l``, ``cfir-2O22``), else those :func:`difflib.get_close_matches`
    finds at ratio :data:`NEAR_ID` or more (a character wrong or missing: ``IS.E2``,
    ``sentance``), case aside; [] when none is that near."""
    import difflib

    known = {w.casefold(): w for w in words}
    typed = key.strip().casefold()
    digits = str.maketrans("lio", "110")  # letters typed for the digits they look like
    for k, word in known.items():
        if k.translate(digits) == typed.translate(digits):
            return [word]
    return [known[k] for k in difflib.get_close_matches(typed, list(known), n=n, cutoff=NEAR_ID)]


class UnknownCode(RoqaValueError):
    """A code id or name a codebook does not know (:meth:`Codebook.resolve`): a wrong value, so
    also a ValueError, as ``result.subset(code=...)``'s is. ``unplaced``: it is no misspelt id
    of the codebook nor a code of another built-in one (maybe a code of the researcher's own
    codebook). ``elsewhere``: it is a code's id, name or alias in another built-in codebook,
    which a codebook of the researcher's own may share (``Skills``)."""

    unplaced = False
    elsewhere = False


@dataclass
class Codebook:
    """An ordered set of codes with a hierarchy; the single source of the construct list."""

    id: str
    name: str
    codes: list[Code]
    version: str = ""
    source: str = ""
    mapping: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    #: the file the codebook was read from (None for a built-in one or one made in Python): what
    #: a message names for the researcher to look the codes up in
    origin: str | None = field(default=None, compare=False, repr=False)
    #: the GUIDs a QDA program gave the valence group every export carries and its codes, where
    #: they are not roqa's (``{"group": "8EA3…", "barrier": "BF56…"}``: ``roqa import`` of a
    #: project from a program that makes new GUIDs, qc), so that an export gives the program its
    #: own group back, not a second one; like a code's ``guid``, no part of the codebook's hash
    valence_guids: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __repr__(self) -> str:
        """One line for a notebook (the codes are ``list(book)``; ``book.codable`` the codable)."""
        levels: dict[str, int] = {}
        for c in self.codes:
            levels[c.level] = levels.get(c.level, 0) + 1
        counts = ", ".join(f"{n} {level}{'s' if n != 1 else ''}" for level, n in levels.items())
        return f"Codebook({self.id!r}, {self.name!r}: {counts})"

    def __post_init__(self) -> None:
        self._by_id: dict[str, Code] = {}
        self._by_name: dict[str, str] = {}
        for c in self.codes:
            if c.id in self._by_id:
                raise RoqaValueError(f"codebook {self.id!r} has the code id {c.id!r} twice")
            if c.id.strip().casefold() in RESERVED_IDS:
                raise RoqaValueError(
                    f"codebook {self.id!r}: the code id {c.id!r} is reserved for talk that fits "
                    "no code (NONE, PROCEDURAL, REJECTED are the model's own classes)",
                    hint="give the code another id",
                )
            self._by_id[c.id] = c
        for c in self.codes:
            if c.parent is not None and c.parent not in self._by_id:
                raise RoqaValueError(
                    f"codebook {self.id!r}: code {c.id!r} has unknown parent {c.parent!r}"
                )
        # Ids and names take precedence over aliases; an alias two codes share resolves to the
        # first code that claims it. A name two codes share resolves to neither in resolve():
        # a training record or a coding by that name could mean either.
        named: dict[str, list[str]] = {}
        for c in self.codes:
            named.setdefault(normalise_name(c.name), []).append(c.id)
        self._shared_names = {k: ids for k, ids in named.items() if len(ids) > 1}
        for c in self.codes:
            for key in (c.id, c.name):
                self._by_name.setdefault(normalise_name(key), c.id)
        for c in self.codes:
            for key in c.aliases:
                self._by_name.setdefault(normalise_name(key), c.id)

    # -- lookup --------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[Code]:
        return iter(self.codes)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.find(key) is not None

    def find(self, key: str) -> Code | None:
        """The code with this id, name or alias (names and aliases match case-insensitively, with
        ``&``/``and`` and punctuation alike), or None (also for a key that is no str);
        :meth:`resolve` raises instead."""
        if not isinstance(key, str):
            return None
        if key in self._by_id:
            return self._by_id[key]
        cid = self._by_name.get(normalise_name(key))
        return self._by_id[cid] if cid is not None else self.prefixed(key)

    def prefixed(self, key: str) -> Code | None:
        """The code a name written after one of its own ancestors resolves to, else None: the
        prefix is the id (in its own case: "Pro" is a word) or a name or alias (in any case) of
        the code's domain or a code above it, the one of codes sharing a name ("IS-Available
        Resources", "IS: Available Resources", "Inner Setting > Available Resources", as
        ATLAS.ti users write a flat code list; daily18, s86: such names matched nothing). A
        prefix of no ancestor ("OS-Available Resources") resolves to nothing
        (:func:`unmatched_prefix` says which)."""
        # a loop over at most _MAX_PREFIXES prefixes, not a recursion through find(): a name of
        # thousands of dashes ("a-a-a-...") ended in a RecursionError (s86 review)
        prefixes: list[str] = []
        rest = " ".join(key.split())  # a long run of spaces made _PREFIXED backtrack (s87 L3)
        for _ in range(_MAX_PREFIXES):
            split = _PREFIXED.fullmatch(rest)
            if split is None:
                return None
            prefixes.append(split["prefix"].strip())
            rest = split["name"]
            cid = rest if rest in self._by_id else self._by_name.get(normalise_name(rest))
            if cid is None and ">" in rest:  # "R & E > Innovation" is "R & E: Innovation"
                rest = rest.replace(">", ":")
                cid = self._by_name.get(normalise_name(rest))
            if cid is None:
                rest = split["name"]
                continue
            # among codes that share the name, the one under the prefixes ("Community -
            # Staffing" beside "Inpatient > Staffing"; s87 hunt37 M2: the first one was taken)
            ids = [cid] if rest in self._by_id else self._shared_names.get(normalise_name(rest))
            under = [i for i in ids or [cid] if all(self._is_above(p, i) for p in prefixes)]
            return self._by_id[under[0]] if len(under) == 1 else None
        return None

    def _is_above(self, prefix: str, code_id: str) -> bool:
        """Whether ``prefix`` names a code above ``code_id``: its id as the codebook writes it
        ("PRO", "IS.E"), or its name or an alias in any case ("Process", "inner setting"). An
        id in another case is a word: "Pro - Planning" beside "Con - Planning" is a team's
        enabler and barrier twin, not CFIR 2.0's Planning (s87 hunt37 H1)."""
        key = normalise_name(prefix)
        return any(
            prefix == c.id or key in {normalise_name(n) for n in (c.name, *c.aliases)}
            for c in self.path(code_id)[:-1]
        )

    def by_prefix(self, key: str) -> bool:
        """Whether ``key`` is found (:meth:`find`) only by a prefix (:meth:`prefixed`), not as
        an id, name or alias itself."""
        return (
            key not in self._by_id
            and normalise_name(key) not in self._by_name
            and self.prefixed(key) is not None
        )

    @staticmethod
    def prefix_split(key: str) -> tuple[str, str] | None:
        """A name's first prefix and the rest, as :meth:`prefixed` reads them ("Con" and
        "Planning" of "Con - Planning"), else None."""
        split = _PREFIXED.fullmatch(" ".join(key.split()))
        return None if split is None else (split["prefix"].strip(), split["name"])

    def unmatched_prefix(self, key: str) -> tuple[str, Code] | None:
        """The prefix of a name that is a code's name written after something not above it, and
        that code ("OS" and IC.H of "OS-Cost"), else None: what to say when it matches nothing."""
        split = self.prefix_split(key)
        if split is None or self.find(key) is not None:
            return None
        code = self.find(split[1])
        return None if code is None else (split[0], code)

    def named(self, key: str) -> Code | None:
        """The code with this id or name (as :meth:`find` matches them), not found by an alias,
        else None: the code a project's new code of that name is (docs/codebooks.md "Your
        project's own codes": names are compared, not aliases)."""
        code = self.find(key)
        if code is None or key in self._by_id:
            return code
        return (
            code
            if normalise_name(key) in {normalise_name(code.id), normalise_name(code.name)}
            else None
        )

    def resolve(
        self, key: str, *, where: str | Path | None = None, by_id_elsewhere: bool = False
    ) -> Code:
        """The code with this id, name or alias; a one-line error if there is none, or if the
        name is that of several codes (it could mean either: their ids tell them apart).
        ``by_id_elsewhere``: the error names a code of another built-in codebook only by its id
        (:meth:`code_elsewhere`)."""
        if not isinstance(key, str):
            raise self._not_a_code(key, "resolve", where)
        if key in self._by_id:  # an id is never ambiguous
            return self._by_id[key]
        code = self.find(key)
        if code is None:
            reason = f"unknown code {quoted(key)} in codebook {self.id!r}"
            hint = f"use a code id or name: {self.listing_said}"
            if renamed := self.renamed_id_said(key):
                hint += f"; or, {renamed}"
            other = self.code_elsewhere(key, by_id=by_id_elsewhere)
            near = [] if other is not None else self.nearest_ids(key)
            if other is None and (asked := self.did_you_mean(key)) is not None:
                hint = f"{asked} {self.listing_said}"
            if other is not None:
                said, other_id, n = other
                reason += f": {said}"
                hint = (
                    f"label it with {'one of those' if n > 1 else 'that'}, or every record "
                    f"with {other_id}'s codes"
                    if n
                    else f"label every record with one codebook's codes: {self.listing_said}"
                )
            error = UnknownCode(reason, path=where, hint=hint)
            error.unplaced = other is None and not near
            error.elsewhere = other is not None
            raise error
        if len(shared := self.sharing(key)) > 1:
            raise UnknownCode(self.shared_name_said(key, shared), path=where, hint=SHARED_NAME_HINT)
        return code

    def _not_a_code(self, key: object, call: str, where: str | Path | None) -> RoqaTypeError:
        """The error of ``call`` given ``key``, no str, for a code: a NaN is a blank cell, what
        a pandas column holds for one (s67 api tester: AttributeError on 'casefold')."""
        said = f"{call}() takes a code's id or name (a str), not"
        if isinstance(key, float) and math.isnan(key):
            return RoqaTypeError(
                f"{said} a NaN, a blank cell (of a pandas column, say)",
                path=where,
                hint='leave the blank cells out, e.g. df["code"].dropna(), or fill them',
            )
        return RoqaTypeError(
            f"{said} {a_type(key)}",
            path=where,
            hint=f"use a code id or name: {self.listing_said}",
        )

    def sharing(self, key: str) -> list[str]:
        """The ids of the codes whose name ``key`` is when several codes share it (compared as
        :meth:`find` compares names), so that it could mean either; [] when it names one code
        or none, or is an id."""
        if key in self._by_id:  # an id is never ambiguous
            return []
        shared = self._shared_names.get(normalise_name(key), [])
        return [] if any(normalise_name(key) == normalise_name(c) for c in shared) else shared

    def told_apart(self, shared: list[str]) -> str:
        """How names written after a prefix (:meth:`prefixed`) tell the codes ``shared``, which
        share a name, apart ("; write 'Inpatient - Staffing' or 'Community - Staffing'"), or
        "" when some of them have no code above them."""
        above = [self._by_id[i].parent for i in shared]
        if any(p is None for p in above):
            return ""
        return "; write " + " or ".join(
            repr(f"{self._by_id[p].name} - {self._by_id[i].name}")
            for p, i in zip(above, shared, strict=True)
            if p is not None
        )

    def shared_name_said(self, key: str, shared: list[str]) -> str:
        """The clause of an error refusing ``key``, a name the codes ``shared`` share."""
        return (
            f"code name {quoted(key)} is that of {len(shared)} codes of codebook {self.id!r} "
            f"({', '.join(shared)})"
        )

    def renamed_id_said(self, key: str = "") -> str:
        """How to keep reading an id renamed in this codebook's file (an own codebook's COMPLEX
        become HARD, codings and reviews made before naming COMPLEX): as an alias of the code it
        became, which ids, names and aliases all find (docs/codebooks.md). Of ``key``, when
        given; "" for a built-in codebook (its ids are none of the researcher's to rename) and a
        key with a space (a name, not an id). Session 48: the error named the missing code, not
        this way to keep it."""
        if self.origin is None or self.extends_builtin:
            return ""
        if not key:
            return (
                "an id you renamed: keep the old id as an alias of the code it became "
                f'("aliases" in {self.cli_name})'
            )
        if any(ch.isspace() for ch in key):
            return ""
        return (
            f"if you renamed the id {key}, keep it as an alias of the code it became "
            f'("aliases": [{json.dumps(key)}] in {self.cli_name})'
        )

    def did_you_mean(self, key: str) -> str | None:
        """The question an unknown code's error asks: "did you mean IS.E.1 Tension for
        Change?" for a typo of a code's id (``IS.E.l``: :meth:`nearest_ids`), else "did you mean
        'Leadership Engagement'?" for one of a name (:meth:`nearest_names`); None when no code
        is that near."""
        if near := self.nearest_ids(key):
            return f"did you mean {' or '.join(f'{c} {self[c].name}' for c in near)}?"
        if names := self.nearest_names(key):
            return f"did you mean {' or '.join(map(quoted, names))}?"
        if (split := self.prefix_split(key)) is not None:
            # a typo after the code's own domain ("Process: Planing"): the name it is near, if
            # the prefix is above that code (s87 hunt37 L1: the hint spoke of nothing)
            prefix, rest = split
            names = [
                n
                for n in self.nearest_names(rest)
                if (c := self.find(n)) is not None and self._is_above(prefix, c.id)
            ]
            if names:
                return f"did you mean {' or '.join(map(quoted, names))}?"
        return None

    def nearest_names(self, key: str, *, n: int = 3, codable: bool = True) -> list[str]:
        """The names of the (``codable``) codes whose name or an alias is nearest ``key`` (a name
        with a typo: ``Externl Policy & Incentives``), best first, at most ``n``: for the "did
        you mean" of an unknown name. Compared as :func:`normalise_name` makes them (case,
        ``&``/``and`` and punctuation aside), by :class:`difflib.SequenceMatcher` ratio,
        at least :data:`NEAR_NAME` (a letter or two wrong: another code sharing a word, "External
        Change Agents", is less near) and within :data:`NEAR_NAME_MARGIN` of the nearest; [] when
        none is that near."""
        import difflib

        spelled: dict[str, str] = {}  # a normalised name or alias -> its code's name
        for c in self.codes:
            if c.codable or not codable:
                for k in (c.name, *c.aliases):
                    spelled.setdefault(normalise_name(k), c.name)
        matcher = difflib.SequenceMatcher(None, b=normalise_name(key))
        scored = []
        for k in spelled:
            matcher.set_seq1(k)
            if matcher.real_quick_ratio() < NEAR_NAME or matcher.quick_ratio() < NEAR_NAME:
                continue  # upper bounds of ratio(), cheap
            if (score := matcher.ratio()) >= NEAR_NAME:
                scored.append((score, k))
        scored.sort(reverse=True)  # as difflib.get_close_matches orders them
        # a name far behind the nearest is no rival ("Innovation Cost" for "Innovation
        # Complexityy", 0.76 to 0.98)
        near = [k for score, k in scored if score >= scored[0][0] - NEAR_NAME_MARGIN]
        return list(dict.fromkeys(spelled[k] for k in near))[:n]

    def nearest_ids(self, key: str, *, n: int = 3) -> list[str]:
        """The ids of the codable codes nearest ``key`` (an id with a typo), best first, at
        most ``n``, for the "did you mean" of an unknown id: the one it is when a letter l or I
        stands for the digit 1 or a letter O for 0 (``IS.E.l``), else those
        :func:`difflib.get_close_matches` finds at ratio :data:`NEAR_ID` or more (a character
        wrong or missing: ``IS.E2``), case aside; [] when none is that near."""
        return nearest_words(key, [c.id for c in self.codes if c.codable], n=n)

    def code_elsewhere(self, key: str, *, by_id: bool = False) -> tuple[str, str, int] | None:
        """What a key this built-in codebook lacks is, when it is a code of another built-in
        codebook whose mapping to this one is documented (CFIR 2009's Networks &
        Communications given as a CFIR 2.0 code), for a one-line error: a clause naming that
        code and its counterparts here, the other codebook's id and how many counterparts
        there are; else None. ``by_id``: only a key that is that code's id, not its name or an
        alias (a researcher's own code NEED is not CFIR 2.0's "Need")."""
        if self.id not in BUILTIN:
            return None
        from .crosswalk import _targets, crosswalk

        for other_id in BUILTIN:
            other = builtin_codebook(other_id)
            code = None if other_id == self.id else other.find(key)
            if code is None or (by_id and code.id != key):
                continue
            try:
                walk = crosswalk(other, self)
            except RoqaError:
                continue
            to = [t for t in _targets(code.id, walk, other) if t in self and self[t].codable]
            it = f"it is {other.id}'s {code.id} {code.name}"
            if not to:
                return f"{it}, which has no {self.id} counterpart", other.id, 0
            named = [f"{t} {self[t].name}" for t in to]
            listed = and_list(named)
            are = "s are" if len(to) > 1 else " is"
            return f"{it}, whose {self.id} counterpart{are} {listed}", other.id, len(to)
        return None

    @property
    def extends_builtin(self) -> bool:
        """Whether this is a built-in codebook, a copy of one under its id, or one extending it
        with a project's codes (``cfir-2009+project``): its ids and mapping are the built-in
        one's."""
        from .crosswalk import PROJECT_SUFFIX

        return self.id.removesuffix(PROJECT_SUFFIX) in BUILTIN

    @property
    def cli_name(self) -> str:
        """How ``--codebook`` and ``roqa codebook`` name this codebook: its id when it is built
        in, else the file it was read from (``tdf.json``), else its id."""
        from shlex import quote

        if self.origin is not None and self.id not in BUILTIN:
            return quote(self.origin)
        return self.id

    @property
    def listing_command(self) -> str:
        """The ``roqa codebook`` command that lists this codebook's codes: for a built-in one
        extended in memory by a review's new codes (``cfir-2009+project``, read from no file),
        the built-in one's, as ``roqa codebook cfir-2009+project`` finds no codebook."""
        if self.origin is None and self.id not in BUILTIN:
            from .crosswalk import PROJECT_SUFFIX

            base = self.id.removesuffix(PROJECT_SUFFIX)
            if base in BUILTIN:
                return f"roqa codebook {base}"
        return f"roqa codebook {self.cli_name}"

    @property
    def listing_call(self) -> str:
        """The Python call that lists this codebook's codes, as :attr:`listing_command` does on
        the command line: ``load_codebook('cfir-2009').codes``."""
        name = self.id
        if self.origin is not None and self.id not in BUILTIN:
            name = self.origin
        elif self.origin is None and self.id not in BUILTIN:
            from .crosswalk import PROJECT_SUFFIX

            if (base := self.id.removesuffix(PROJECT_SUFFIX)) in BUILTIN:
                name = base
        return f"load_codebook({name!r}).codes"

    @property
    def listing_said(self) -> str:
        """Where the codes are listed, said as a hint: the ``roqa codebook`` command, and, said
        to Python, the call too (docs/python.md; api tester, session 83, D7: the command
        alone)."""
        return in_python_too(f"`{self.listing_command}` lists the codes", self.listing_call)

    def __getitem__(self, code_id: str) -> Code:
        return self.resolve(code_id)

    def has_id(self, key: str) -> bool:
        """Whether ``key`` is the id of one of the codes (not a name or an alias)."""
        return key in self._by_id

    @property
    def codable(self) -> list[Code]:
        """Codes a segment can carry, in codebook order (the classifier's classes)."""
        return [c for c in self.codes if c.codable]

    @property
    def domains(self) -> list[Code]:
        """The top-level codes (CFIR's five domains), in codebook order."""
        return [c for c in self.codes if c.level == "domain"]

    def children(self, code_id: str) -> list[Code]:
        """The codes directly under ``code_id`` (a domain's constructs, a construct's
        sub-constructs), in codebook order; ``code_id`` must be an id, not a name."""
        return [c for c in self.codes if c.parent == code_id]

    def domain_of(self, code_id: str) -> Code | None:
        """The domain a code (id, name or alias) belongs to: itself for a domain, None for a
        code outside any domain; an unknown code is an error."""
        code = self.resolve(code_id)
        if code.level == "domain":
            return code
        return None if code.domain is None else self._by_id.get(code.domain)

    def path(self, code_id: str) -> list[Code]:
        """Ancestors from the domain down to the code itself."""
        out: list[Code] = []
        cur: Code | None = self.resolve(code_id)
        while cur is not None:
            out.append(cur)
            cur = None if cur.parent is None else self._by_id[cur.parent]
        return out[::-1]

    def map_to(self, code_id: str, other: Codebook | str | Path) -> list[str]:
        """Ids in codebook ``other`` (a codebook, its id or its file) that this code maps onto,
        by the mapping this codebook documents (empty for a code with no counterpart there).
        A codebook this one documents no mapping to, or none known, is a one-line error."""
        if isinstance(other, Codebook):
            other_id = other.id
        elif not isinstance(other, (str, os.PathLike)):
            raise RoqaTypeError(
                f"map_to() takes a codebook, its id or its file, not {a_type(other)}",
                hint=f"give one such as {next(iter(self.mapping), 'cfir-2022')!r}",
            )
        elif str(other) in self.mapping:
            other_id = str(other)
        else:
            other_id = Codebook.load(other).id  # an unknown codebook: its own error
        if not isinstance(code_id, str):
            raise self._not_a_code(code_id, "map_to", None)
        if other_id not in self.mapping:
            documented = list(self.mapping)
            raise RoqaValueError(
                f"codebook {self.id!r} documents no mapping to {other_id!r}",
                hint=f"it documents one to {and_list(documented)} only"
                if documented
                else "it documents no mapping to any codebook",
            )
        return list(self.mapping[other_id].get(self.resolve(code_id).id, []))

    # -- identity and files --------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The codebook as the JSON object its file holds (``id``, ``name``, ``version``,
        ``source``, ``codes`` and, when it has one, ``mapping``); :meth:`from_dict` reads it."""
        d: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "version": self.version,
            "source": self.source,
            "codes": [c.to_dict() for c in self.codes],
        }
        if self.mapping:
            d["mapping"] = self.mapping
        if self.valence_guids:
            d["valence_guids"] = dict(self.valence_guids)
        return d

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON text, as :meth:`save` writes it."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    @property
    def hash(self) -> str:
        """SHA-256 of the canonical JSON of the codebook (what a model card records). Code
        colours and the GUIDs a QDA program gave codes are left out: recolouring codes in a
        program, or importing them from one, changes no model's codebook."""
        d = self.to_dict()
        d.pop("valence_guids", None)
        d["codes"] = [
            {k: v for k, v in c.items() if k not in ("color", "guid")} for c in d["codes"]
        ]
        canon = json.dumps(d, sort_keys=True, ensure_ascii=False)
        return sha256_bytes(canon.encode("utf-8"))

    def save(self, path: str | Path) -> None:
        """Write the codebook to a JSON file (atomically) that :meth:`load` reads back."""
        atomic_write_text(path, self.to_json())

    def with_codes(self, new_codes: Iterable[Code], *, id: str | None = None) -> Codebook:
        """A copy with extra codes appended (e.g. a project codebook with new open codes)."""
        return Codebook(
            id=id or self.id,
            name=self.name,
            codes=[*self.codes, *new_codes],
            version=self.version,
            source=self.source,
            mapping=self.mapping,
            origin=self.origin,
            valence_guids=self.valence_guids,
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any], *, where: str | Path | None = None) -> Codebook:
        """A codebook from the JSON object of its file (:meth:`to_dict`); ``where`` names the file
        in the one-line error a malformed object gives.

        Each code needs an ``id`` and a ``name``; ``level`` is ``domain``, ``construct``,
        ``subconstruct`` or ``code`` (any case; ``code`` when left out); a domain must say
        whether it is ``codable`` (``false``: a heading only), other codes are codable unless
        they say ``"codable": false``; ``aliases`` is a list of names.
        """
        if not isinstance(d, dict):
            raise RoqaValueError(
                f"not a codebook: a JSON object with 'id', 'name' and 'codes' expected, "
                f"not {_json_kind(d)}",
                path=where,
                hint="see roqa_nlp/codebooks/*.json",
            )
        try:
            if not isinstance(d["codes"], list):
                raise RoqaValueError(
                    f"not a codebook: 'codes' is {_json_kind(d['codes'])}, not a list of codes",
                    path=where,
                    hint="see roqa_nlp/codebooks/*.json",
                )
            codes = [_code_from_dict(c, i, where) for i, c in enumerate(d["codes"], 1)]
            _refuse_valence_synonyms(d["codes"], where)
            book = cls(
                id=str(d["id"]),
                name=str(d.get("name", d["id"])),
                codes=codes,
                version=str(d.get("version", "")),
                source=str(d.get("source", "")),
                mapping=_mapping_from(d.get("mapping"), where),
                valence_guids=recorded_valence_guids(d.get("valence_guids")),
            )
            return book._fill_domains()
        except (KeyError, TypeError) as e:
            raise RoqaValueError(
                f"not a codebook (missing {e})", path=where, hint="see roqa_nlp/codebooks/*.json"
            ) from None
        except RoqaError as e:
            # Hierarchy errors (duplicate id, unknown parent, cycle) are raised without the file.
            if e.path is not None or where is None:
                raise
            raise RoqaValueError(
                str(e),
                path=where,
                hint=None if e.hint else "fix the code's id or parent in the file",
            ) from None

    def _fill_domains(self) -> Codebook:
        """Derive each code's ``domain`` from the hierarchy when the file leaves it out."""
        fixed = []
        for c in self.codes:
            if c.level != "domain":
                top, seen = c, {c.id}
                while top.parent is not None:
                    top = self._by_id[top.parent]
                    if top.id in seen:
                        raise RoqaValueError(
                            f"codebook {self.id!r}: the parents of {c.id!r} form a cycle",
                            hint="give every code a parent chain that ends at a domain",
                        )
                    seen.add(top.id)
                # the domain the parents give: the top's own id, or the domain the top (a
                # construct with no parent) gives itself
                dom = top.id if top.level == "domain" else top.domain
                if c.domain is None:
                    c = Code(**{**c.to_dict(), "domain": dom, "aliases": c.aliases})
                elif c.parent is not None and dom is not None and c.domain != dom:
                    raise RoqaValueError(
                        f"codebook {self.id!r}: code {c.id!r} gives the domain {c.domain!r} but "
                        f"its parent {c.parent!r} is in {dom!r}",
                        hint="leave 'domain' out, the parents give it, or make the two agree",
                    )
            fixed.append(c)
        return dataclasses.replace(self, codes=fixed)

    @classmethod
    def load(
        cls, name_or_path: str | Path = DEFAULT_CODEBOOK, *, check_aliases: bool = True
    ) -> Codebook:
        """A built-in codebook by id or a codebook JSON file. The built-ins are ``cfir-2009`` (the
        default), ``cfir-2022`` (CFIR 2.0) and ``erondu-2021`` (the seed study's themes);
        :data:`roqa_nlp.codebooks.BUILTIN` lists them.

        An alias of a file's code that is another code's id, name or alias is an error, unless
        ``check_aliases`` is false: for the codebook a model was trained with (its
        ``codebook.json``, and the copy beside its codings), which a model trained before the
        check still codes and charts with."""
        if not isinstance(name_or_path, (str, os.PathLike)):
            raise RoqaTypeError(
                "a codebook is a built-in codebook's id or a codebook .json file, not "
                f"{a_type(name_or_path)}",
                hint=f"use one of {', '.join(BUILTIN)} or a codebook .json file",
            )
        key = str(name_or_path)
        if key.casefold() in BUILTIN and not Path(key).exists():
            key = key.casefold()  # CFIR-2009 is cfir-2009
        elif key not in BUILTIN and not Path(key).exists():
            key = builtin_id_spelled(key) or key  # cfir-2.0 is cfir-2022
        if key in BUILTIN:
            try:
                text = (resources.files("roqa_nlp") / "codebooks" / f"{key}.json").read_text(
                    "utf-8"
                )
            except OSError:
                raise RoqaError(
                    f"the built-in codebook {key!r} is missing from the installation",
                    hint="reinstall roqa_nlp (`make install`)",
                ) from None
            where: str | Path = f"codebooks/{key}.json"
        else:
            p = Path(key)
            if not p.exists():
                near = nearest_words(key, BUILTIN, n=1)
                raise RoqaValueError(
                    "codebook not found",
                    path=p,
                    hint="".join(f"did you mean {w}? " for w in near)
                    + f"use one of {', '.join(BUILTIN)} or a codebook .json file",
                )
            if p.is_dir():
                raise _folder_given(p)
            text = _read_codebook_text(p)
            where = p
            _refuse_codings(text, p)
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as e:  # also 4 300-digit numbers, deep nesting
            raise _not_json(e, text, where) from None
        book = cls.from_dict(data, where=where)
        if isinstance(where, Path):
            if not book.codes:  # a file (not a codebook built in Python to translate into)
                raise RoqaValueError(
                    "the codebook has no codes",
                    path=where,
                    hint='list them under "codes", as `roqa codebook cfir-2009` shows them',
                )
            if check_aliases:
                _refuse_shared_aliases(book, where)
                _refuse_unknown_mapping_ids(book, where)
            book.origin = str(where)
            if book.id in BUILTIN:
                builtin = cls.load(book.id)
                if book.hash != builtin.hash:
                    _refuse_builtin_id(book, builtin, where)
        return book


def _read_codebook_text(path: Path) -> str:
    """The text of the codebook file ``path``; a file of another extension than .json that is
    not text, or not UTF-8, is refused with the fact that only JSON is read first (tester,
    session 52: an Excel CSV was told to be re-saved as UTF-8, and then that only JSON is
    read)."""
    try:
        return read_text(path)
    except RoqaError as e:
        suffix = path.suffix.casefold()
        if suffix == ".json":
            raise
        fmt = _OTHER_FORMATS.get(suffix) or (
            f"a {suffix} file" if suffix else "a file without an extension"
        )
        raise RoqaValueError(
            f"only JSON codebooks are read, not {fmt} (and it {e.reason})",
            path=path,
            hint=f"write it as a .json file like those `roqa codebook {DEFAULT_CODEBOOK}` shows, "
            "see docs/codebooks.md",
        ) from None


def _folder_given(folder: Path) -> RoqaError:
    """The error of a folder given as a codebook: one holding codebook.json is told to give
    that file; another holds none, and the error says what to give, with the codebook a
    ``roqa code`` run.json in it records (tester, session 52: "is a directory, not a file",
    though ``roqa codebook`` takes a folder holding codebook.json)."""
    from .crosswalk import CHART_KEY

    if (folder / "codebook.json").is_file():
        return RoqaValueError(
            "is a folder", path=folder, hint=f"give the codebook in it: {folder / 'codebook.json'}"
        )
    hint = (
        "give a codebook .json file, a folder holding codebook.json, or a built-in codebook: "
        + ", ".join(BUILTIN)
    )
    try:
        run = json.loads((folder / "run.json").read_text("utf-8"))
    except (OSError, ValueError):
        run = None
    if isinstance(run, dict):
        chart = run.get(CHART_KEY)
        model = run.get("model")
        own = model.get("codebook") if isinstance(model, dict) else None
        if isinstance(chart, str) and chart:
            named = chart if chart in BUILTIN else str(folder / chart)
            hint += f"; roqa code charted this folder's codings in {chart} (run.json): give {named}"
        elif isinstance(own, str) and own in BUILTIN:
            hint += f"; this folder's codings are in {own} (run.json): give {own}"
    return RoqaValueError("holds no codebook.json", path=folder, hint=hint)


#: Code ids the classifier keeps for talk that fits no code (:data:`roqa_nlp.schema.NONE` ...),
#: in any case: a code with one of them would vanish into that class.
RESERVED_IDS = frozenset(x.casefold() for x in OFF_FRAMEWORK)
#: The levels a code can have, top down.
LEVELS = ("domain", "construct", "subconstruct", "code")


def _json_kind(value: object) -> str:
    """What a JSON value is, in words (``a list``, ``a string``), for an error message."""
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    return kinds.get(type(value), "a number")


def _code_from_dict(c: object, number: int, where: str | Path | None) -> Code:
    """Code ``number`` (from 1) of a codebook file's ``codes``, checked field by field."""

    def fail(message: str, hint: str) -> RoqaError:
        return RoqaValueError(message, path=where, hint=hint)

    if not isinstance(c, dict):
        raise fail(f"code {number} of 'codes' is {_json_kind(c)}", "write each code as an object")
    cid = c.get("id")
    if isinstance(cid, bool) or not isinstance(cid, (str, int)) or not str(cid).strip():
        raise fail(
            f"code {number} of 'codes' has no id" + ("" if "id" not in c else f" ({cid!r})"),
            'give every code an "id", e.g. "CAP.KN"',
        )
    cid = str(cid)
    name = c.get("name")
    if not isinstance(name, str) or not name.strip():
        found = "no 'name'" if "name" not in c else f"the name {json.dumps(name)}"
        raise fail(f"code {cid!r} has {found}", 'give every code a "name" of its own')
    level = c.get("level", "code")
    if not isinstance(level, str) or level.strip().casefold() not in LEVELS:
        raise fail(
            f"code {cid!r} has the level {json.dumps(level)}", f"use one of {', '.join(LEVELS)}"
        )
    level = level.strip().casefold()
    codable = c.get("codable", level != "domain" or None)
    if codable is None:
        raise fail(
            f"domain {cid!r} does not say whether it is codable",
            'add "codable": false to make it a heading only, or "codable": true to code talk '
            "with it too",
        )
    if not isinstance(codable, bool):
        raise fail(
            f'code {cid!r} has "codable": {json.dumps(codable)}, not true or false',
            "write true or false without quotes",
        )
    aliases = c.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise fail(
            f'code {cid!r} has "aliases": {json.dumps(aliases)[:60]}, not a list of names',
            'write them as a list, e.g. ["training", "competence"]',
        )
    for key in ("parent", "domain"):
        if c.get(key) is not None and not isinstance(c[key], str):
            raise fail(
                f"code {cid!r} has the {key} {json.dumps(c[key])}",
                f"give the {key} as a code id (a string), or null",
            )
    return Code(
        id=cid,
        name=name,
        level=level,
        parent=c.get("parent"),
        domain=c.get("domain"),
        codable=codable,
        description=str(c.get("description", "")),
        aliases=tuple(aliases),
        valence=_code_valence(c, where),
        color=None if c.get("color") is None else str(c["color"]),
        guid=None if c.get("guid") is None else str(c["guid"]),
    )


#: The keys of a codebook file's ``valence_guids``: the valence group, then each of its codes.
VALENCE_GUID_KEYS = ("group", "barrier", "enabler", "neutral")
_GUID = re.compile(r"\{?[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\}?")


def recorded_valence_guids(recorded: object) -> dict[str, str]:
    """The GUIDs a codebook file records for the valence group and its codes
    (:attr:`Codebook.valence_guids`); what is not a GUID under one of :data:`VALENCE_GUID_KEYS`
    is left out, as a code's ``guid`` that is none is (the export then writes roqa's)."""
    if not isinstance(recorded, dict):
        return {}
    out: dict[str, str] = {}
    for key in VALENCE_GUID_KEYS:
        guid = recorded.get(key)
        if isinstance(guid, str) and _GUID.fullmatch(guid.strip()):
            out[key] = guid.strip()
    return out


#: File suffixes of codebooks written in another format than JSON, which only JSON is read
#: instead of: the format named in the error.
_OTHER_FORMATS = {".yaml": "YAML", ".yml": "YAML", ".csv": "CSV", ".tsv": "TSV", ".xlsx": "Excel"}


#: How a comment, which JSON has not, starts -> what to remove (a codebook copied from a
#: JavaScript or YAML file).
_COMMENTS = {
    "//": "the line that starts with //",
    "/*": "the comment /* ... */",
    "#": "the line that starts with #",
}


def _refuse_codings(text: str, path: Path) -> None:
    """The one-line error of codings given as a codebook: JSON Lines whose first record is a
    segment's (``segment_id``), as codings.jsonl is. ``roqa codebook coded/codings.jsonl`` said
    'not valid JSON at line 2, column 1: Extra data' (mistakes tester, session 52)."""
    try:
        first = json.loads(text.lstrip("\ufeff").split("\n", 1)[0])
    except (ValueError, RecursionError):
        return
    if isinstance(first, dict) and "segment_id" in first:
        raise RoqaValueError(
            "is roqa's codings (one segment a line), not a codebook",
            path=path,
            hint=in_python_too(
                "give a codebook .json file, or a built-in id: roqa codebook lists them",
                "roqa_nlp.codebooks.BUILTIN",
            ),
        )


def _not_json(e: Exception, text: str, where: str | Path) -> RoqaError:
    """The one-line error of a codebook file that is not valid JSON: where the mistake is (line
    and column), a comma before ``}`` or ``]`` suspected when the mistake follows one (as a
    copied line leaves), a comment, an empty file, or that only JSON is read when the file is YAML
    or CSV."""
    if not isinstance(e, json.JSONDecodeError):
        return RoqaValueError(f"codebook is not valid JSON ({type(e).__name__})", path=where)
    hint = None
    suffix = Path(str(where)).suffix.casefold()
    fmt = _OTHER_FORMATS.get(suffix)
    what = "a .json file of codes like those `roqa codebook cfir-2009` shows, see docs/codebooks.md"
    rest = text[e.pos :]
    comment = next(
        (
            said
            for start, said in _COMMENTS.items()
            if rest.startswith(start) and e.msg.startswith(("Expecting", "Extra data"))
        ),
        None,
    )
    if fmt is not None:
        hint = (
            f"only JSON codebooks are read, not {fmt}: write it as a .json file like those "
            "`roqa codebook cfir-2009` shows, see docs/codebooks.md"
        )
    elif comment is not None:
        hint = f"JSON has no comments: remove {comment}"
    elif not text.strip():
        hint = f"the file is empty: a codebook is {what}"
    elif not text[: e.pos].strip():  # no JSON at all: perhaps not meant as a codebook
        from .transcripts import SUPPORTED_EXTENSIONS

        hint = f"a codebook is {what}"
        # not a .json file: a transcript's JSON parses, so is refused later for its shape
        if suffix in SUPPORTED_EXTENSIONS and suffix != ".json":
            hint = (
                f"a {suffix} file is a transcript, not a codebook: code it with "
                f"{in_python_too('roqa code', f'ac.code({str(where)!r})')}; {hint}"
            )
    elif text[: e.pos].rstrip().endswith(",") and e.msg.startswith(
        ("Expecting property name", "Expecting value")
    ):
        hint = "a comma before } or ]?"
    return RoqaValueError(
        f"codebook is not valid JSON at line {e.lineno}, column {e.colno}: {e.msg}",
        path=where,
        hint=hint,
    )


def _alias_claims(book: Codebook) -> dict[str, list[tuple[str, str]]]:
    """Each key an alias of ``book`` is looked up by (:func:`normalise_name`) -> the codes that
    claim it, in codebook order, each with how (``id``, ``name`` or ``alias``), when more than
    one code does."""
    claims: dict[str, list[tuple[str, str]]] = {}
    for c in book.codes:
        for what, keys in (("id", [c.id]), ("name", [c.name]), ("alias", list(c.aliases))):
            for k in keys:
                mine = claims.setdefault(normalise_name(k), [])
                if all(cid != c.id for cid, _ in mine):
                    mine.append((c.id, what))
    aliased = {normalise_name(a) for c in book.codes for a in c.aliases}
    return {k: v for k, v in claims.items() if len(v) > 1 and k in aliased}


@functools.cache
def _builtin_alias_claims() -> dict[str, list[frozenset[str]]]:
    """Aliases a built-in codebook, or an earlier version of one, gives several codes -> the
    codes (CFIR 2.0's "Innovation Deliverers" until session 47: the role construct's name, an
    alias of two sub-constructs; ``data/earlier_codebook_versions.json``, ``shared_aliases``)."""
    out: dict[str, list[frozenset[str]]] = {}
    for b in BUILTIN:
        for k, owners in _alias_claims(builtin_codebook(b)).items():
            out.setdefault(k, []).append(frozenset(cid for cid, _ in owners))
    earlier = _earlier_versions().get("shared_aliases")
    for b, claims in earlier.items() if isinstance(earlier, dict) else ():
        for alias, ids in claims.items() if isinstance(claims, dict) and b in BUILTIN else ():
            out.setdefault(normalise_name(alias), []).append(frozenset(ids))
    return out


#: The shape of a codebook file's ``mapping``, for its errors: onto another codebook (its id),
#: each code of the file (by id) onto that codebook's codes (by id).
MAPPING_SHAPE = '"mapping": {"cfir-2009": {"YOUR.ID": ["IS.E.2", ...]}}'


def _mapping_from(mapping: object, where: str | Path | None) -> dict[str, dict[str, list[str]]]:
    """A codebook file's ``mapping`` (:data:`MAPPING_SHAPE`), checked for its shape: an object
    of objects of lists of ids; a one-line error naming the file otherwise (a list or a string
    there stopped with a traceback)."""
    if mapping is None:
        return {}

    def fail(found: str) -> RoqaError:
        return RoqaValueError(
            f"its 'mapping' {found}",
            path=where,
            hint=f"write it as {MAPPING_SHAPE}, see docs/codebooks.md",
        )

    if not isinstance(mapping, dict):
        raise fail(f"is {_json_kind(mapping)}, not an object")
    out: dict[str, dict[str, list[str]]] = {}
    for other, pairs in mapping.items():
        if not isinstance(pairs, dict):
            raise fail(f"onto {other!r} is {_json_kind(pairs)}, not an object")
        out[other] = {}
        for code_id, ids in pairs.items():
            if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
                raise fail(f"maps {code_id!r} onto {json.dumps(ids)[:60]}, not a list of code ids")
            out[other][code_id] = list(ids)
    return out


def _refuse_unknown_mapping_ids(book: Codebook, where: Path) -> None:
    """A one-line error naming the id when a codebook file's ``mapping`` gives a code of the
    file by its name (a key), or a code the built-in codebook it maps onto lacks (a value); one
    warning naming the keys that are no code of the file (a code deleted from a copy). Ids only: the
    crosswalk looks each side up by id, so a name there maps nothing. Such a mapping was
    accepted, and its code quietly went uncharted (tester, session 58: ORG.RES onto
    'IS.E.99'; a key 'ORG.MONEY' that is no code of the file). A copy of a built-in codebook
    under its id, or a project codebook extending one, is left alone: its mapping is the
    built-in one's, kept as it is when a QDA program deleted some of its codes (warned of)."""
    if book.extends_builtin:
        return
    lacked: dict[str, list[str]] = {}
    for other, pairs in book.mapping.items():
        target = builtin_codebook(other) if other in BUILTIN else None
        for code_id, ids in pairs.items():
            if code_id not in book._by_id:
                named = book.find(code_id)
                if named is None:  # a code deleted from a copy: it maps nothing (warned below)
                    lacked.setdefault(other, []).append(code_id)
                    continue
                raise RoqaValueError(
                    f"its mapping onto {other} maps {code_id!r}, which is no code id of this file",
                    path=where,
                    hint=f"give the code's id, {named.id!r}",
                )
            if target is None:
                continue  # onto a codebook not built in: its ids are its own file's
            for i in ids:
                if i not in target._by_id:
                    named = target.find(i)
                    raise RoqaValueError(
                        f"its mapping onto {other} maps {code_id!r} onto {i!r}, which is no "
                        f"code id of {other}",
                        path=where,
                        hint=f"give the code's id, {named.id!r}"
                        if named is not None
                        else f"give ids of {other}: {target.listing_said}",
                    )
    for other, keys in lacked.items():
        # a team's trimmed copy of a codebook keeps the mapping of the codes it dropped: they
        # map nothing, and refusing the file made each of them an edit and a rerun (regression
        # hunt, session 58); a typed id that is no code is named here too
        warn(
            f"its mapping onto {other} maps {len(keys)} code id{'s' if len(keys) > 1 else ''} "
            f"this file does not have ({first_few([repr(k) for k in keys], 6)}): "
            f"{'they map' if len(keys) > 1 else 'it maps'} nothing; remove "
            f"{'them' if len(keys) > 1 else 'it'} from the mapping, or correct a mistyped id",
            path=where,
        )


def _refuse_shared_aliases(book: Codebook, where: Path) -> None:
    """A one-line error when an alias of a codebook file's code is another code's id, name or
    alias (case, spacing, punctuation and ``&``/``and`` aside, as names resolve): a record or
    a coding giving it would silently go to the first code. The built-in codebooks have none;
    an earlier version's such aliases, between the same codes, are kept in copies of it (under
    its id or another) and in project codebooks extending it."""
    from .decisions import PROJECT_PREFIX

    builtin, shared = _builtin_alias_claims(), _alias_claims(book)
    for c in book.codes:
        for alias in c.aliases:
            key = normalise_name(alias)
            # a review's new code named as an alias ("Resources", Available Resources'): a
            # name is found before an alias, and the reviewer named it so (s71 f_review)
            owners = [
                (cid, what)
                for cid, what in shared.get(key, [])
                if not (what == "name" and cid.startswith(PROJECT_PREFIX))
            ]
            if len(owners) < 2:
                continue
            ids = {cid for cid, _ in owners}
            if any(ids <= known for known in builtin.get(key, [])):
                continue
            said, last = [], ""
            for cid, what in owners:
                role = "an alias of" if what == "alias" else f"the {what} of"
                said.append(f"{'of' if role == last else role} {cid} {book._by_id[cid].name}")
                last = role
            raise RoqaValueError(
                f"codebook {book.id!r}: {quoted(alias.strip())} is {' and '.join(said)}: a "
                f"record or coding with it could mean {'either' if len(said) == 2 else 'any'}",
                path=where,
                hint="give each alias to one code",
            )


#: What to do about a code name several codes share (:meth:`Codebook.sharing`).
SHARED_NAME_HINT = "use the code's id instead, or give the codes names of their own"


def shared_names_warning(book: Codebook) -> str | None:
    """The warning ``roqa codebook`` gives when codes of ``book`` share a name: a record or a
    coding by that name could mean either, so ``roqa train`` and ``roqa agree`` refuse it; None
    when every name is one code's. Only the first such name is named."""
    if not book._shared_names:
        return None
    ids = next(iter(book._shared_names.values()))
    name = book._by_id[ids[0]].name
    more = len(book._shared_names) - 1
    also = f" (and {more} more name{'s' * (more > 1)} so shared)" if more else ""
    return (
        f"the code name {quoted(name)} is that of {len(ids)} codes ({', '.join(ids)}){also}: a "
        "record or coding by that name could mean either, so roqa train and roqa agree refuse "
        "it (give the codes names of their own, or name them by id)"
    )


def undescribed_warning(book: Codebook) -> str | None:
    """The one-line warning of a codebook file's codable codes with no description (each is
    learnt as a training example), or None: for a file a researcher wrote, never a built-in
    codebook or a project codebook extending one (a review's new codes have none)."""
    from .errors import first_few

    if book.id.removesuffix("+project") in BUILTIN:
        return None  # a built-in codebook, or one with a review's new codes (no description)
    bare = [c.id for c in book.codable if not c.description.strip()]
    if not bare:
        return None
    n = len(bare)
    return (
        f"{n} codable code{'s have' if n > 1 else ' has'} no description ({first_few(bare)}): "
        "descriptions are learnt as training examples, one per code; write a sentence or two "
        "of what each code covers"
    )


def _refuse_builtin_id(book: Codebook, builtin: Codebook, where: Path) -> None:
    """Refuse a codebook file that takes a built-in codebook's id with codes of its own (a
    built-in file copied as a template): runs record the id alone, so reports would chart the
    built-in codebook. One whose codes are the built-in's, or some of them (a REFI-QDA import:
    programs mark every code codable and let a team move or delete codes; a copy whose names or
    descriptions were edited) is only warned about, naming what differs."""
    from .errors import first_few, warn

    if is_earlier_version(builtin.id, book.hash):
        return  # the built-in codebook before an alias was removed: its codes are the same
    own = [repr(c.id) for c in book.codes if c.id not in builtin]
    if own:
        raise RoqaValueError(
            f"the codebook has the id {book.id!r} of a built-in codebook but codes of its own "
            f"({first_few(own, 3)})",
            path=where,
            hint='give it an id of its own ("id": "...") at the top of the file',
        )
    differs = []
    if len(book.codes) != len(builtin.codes):
        differs.append(f"{len(builtin.codes) - len(book.codes)} of its codes left out")
    shape = {c.id: (c.level, c.parent, c.codable) for c in builtin.codes}
    moved = [c.id for c in book.codes if (c.level, c.parent, c.codable) != shape[c.id]]
    if moved:
        differs.append(f"{len(moved)} code(s) with another level, parent or codable flag")
    if not differs:
        differs.append("other names or descriptions")
    warn(
        f"the codebook has the id {book.id!r} of a built-in codebook and its codes, but "
        f"{' and '.join(differs)}: what it codes records {book.id!r}, and reports chart the "
        "built-in codebook; give it an id of its own to keep it apart",
        path=where,
    )


def _code_valence(c: dict[str, Any], where: str | Path | None) -> str | None:
    """A code's own valence (barrier / enabler / neutral, any case), if it has one. A record's
    synonyms (positive, facilitator, negative ...) are a one-line error saying the valence they
    likely mean: docs/codebooks.md lists the three, and "positive" was read as enabler without a
    word (blind tester daily25, session 89, D6)."""
    if c.get("valence") is None:
        return None
    given = c["valence"]
    try:
        meant = normalise_valence(str(given))
    except ValueError:
        raise RoqaValueError(
            f"code {str(c.get('id'))!r} has unknown valence {given!r}",
            path=where,
            hint="use barrier, enabler or neutral",
        ) from None
    # a synonym is refused for every code at once, after the codes' other checks
    # (_refuse_valence_synonyms)
    return meant


def _valence_synonym(c: dict[str, Any]) -> str | None:
    """The valence a code's record synonym (positive, facilitator, negative ...) likely means, or
    None when its valence is none, one of the three (any case; blank reads neutral) or unknown
    (:func:`_code_valence` refuses that)."""
    if c.get("valence") is None:
        return None
    try:
        meant = normalise_valence(str(c["valence"]))
    except ValueError:
        return None
    return None if str(c["valence"]).strip().lower() in (meant, "") else meant


def _refuse_valence_synonyms(codes: list[Any], where: str | Path | None) -> None:
    """One error naming every code whose valence is a record's synonym (the first five, then
    how many more), each with the valence it likely means: one per run made a file of N such
    codes N edits and runs (hunt50 L2, session 89), as review ids were before 68aad2fb."""
    found = [(c, meant) for c in codes if (meant := _valence_synonym(c)) is not None]
    if not found:
        return
    if len(found) == 1:
        c, meant = found[0]
        raise RoqaValueError(
            f"code {str(c.get('id'))!r} has valence {c['valence']!r}, which is no valence of a "
            "codebook's code",
            path=where,
            hint=f"did you mean {meant!r}? use barrier, enabler or neutral",
        )
    named = [
        f"{str(c.get('id'))!r} has {c['valence']!r} (did you mean {meant!r}?)" for c, meant in found
    ]
    raise RoqaValueError(
        f"{len(found)} codes have a valence that is no valence of a codebook's code: "
        + first_and_count(named),
        path=where,
        hint="use barrier, enabler or neutral",
    )


@functools.cache
def builtin_codebook(book_id: str) -> Codebook:
    """The built-in codebook ``book_id`` (an id of :data:`BUILTIN`, as written there), loaded once
    and shared, for looking codes and mappings up in: a review of a thousand rows asks which
    codebook each code is of, and loading the built-in ones for each took seconds. Every caller
    gets the same object, so read it and never change it; :meth:`Codebook.load` gives a copy of
    one's own."""
    return Codebook.load(book_id)


@functools.cache
def _id_spellings() -> dict[str, str]:
    text = (resources.files("roqa_nlp") / "data" / "codebook_id_spellings.json").read_text("utf-8")
    data = json.loads(text)
    return {
        spelled: book_id
        for book_id, spellings in data.items()
        if book_id in BUILTIN and isinstance(spellings, list)
        for spelled in spellings
    }


def builtin_id_spelled(key: str) -> str | None:
    """The built-in codebook id ``key`` is a common spelling of (``cfir-2.0``, ``CFIR 2``:
    ``cfir-2022``; ``data/codebook_id_spellings.json``), compared without case, spaces, dots,
    hyphens and underscores; else None."""
    return _id_spellings().get(re.sub(r"[\s._\-]+", "", key.casefold()))


@functools.cache
def _earlier_versions() -> dict[str, Any]:
    text = (resources.files("roqa_nlp") / "data" / "earlier_codebook_versions.json").read_text(
        "utf-8"
    )
    data = json.loads(text)
    return data if isinstance(data, dict) else {}


def is_earlier_version(book_id: str, sha: str) -> bool:
    """Whether ``sha`` is an earlier hash of the built-in codebook ``book_id`` whose codes are
    those of the current one (``data/earlier_codebook_versions.json``: an alias removed), so
    codings recorded with it are of this codebook, not of another version of it."""
    earlier = _earlier_versions().get(book_id)
    return isinstance(earlier, dict) and sha in earlier


def builtin_codebook_with(ids: Iterable[str], *, besides: str) -> str | None:
    """The first built-in codebook other than ``besides`` that knows every one of ``ids``."""
    ids = set(ids)
    for book_id in BUILTIN:
        if book_id != besides and all(i in builtin_codebook(book_id) for i in ids):
            return book_id
    return None


def load_codebook(name_or_path: str | Path = DEFAULT_CODEBOOK) -> Codebook:
    """The same as :meth:`Codebook.load`: a built-in codebook by id (``cfir-2009``, the default,
    ``cfir-2022`` or ``erondu-2021``; :data:`roqa_nlp.codebooks.BUILTIN` lists them) or a
    codebook JSON file."""
    return Codebook.load(name_or_path)
