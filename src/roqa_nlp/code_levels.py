"""Codes mapped up a codebook's hierarchy, for agreement at the construct or domain level.

CFIR studies report agreement at more than one level: two coders who both put a passage under
Inner Setting but chose different constructs agree at the domain level, and one who used the
sub-construct Tension for Change agrees with one who used its construct Implementation Climate
at the construct level. So each coder's codes are mapped up before the same statistics are
computed (``roqa agree --at``).

The levels are those the codebook file gives its codes (``level`` and ``parent``): at the
*construct* level a code counts as the nearest code at or above it whose level is
``construct`` (a sub-construct as its construct), and a domain as itself; at the *domain*
level a code counts as its domain. A code the codebook does not know (a coder's own code made
in a QDA program), or one it puts under no code of that level, is left as written, and
reported (:func:`left_as_written_note`). Codes of one coder in one unit that map to one code
are one code there; the valences they were given become that code's valence when they agree,
and none when they differ (as a code given two valences in one unit has none).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .errors import first_few
from .result import CodingResult
from .transcripts import natural_key

if TYPE_CHECKING:
    from .codebook import Code, Codebook
    from .coding_agreement import CodedUnits

#: The levels agreement can be computed at: as coded, or mapped up to constructs or domains.
AT_LEVELS: tuple[str, ...] = ("code", "construct", "domain")


def code_at(book: Codebook, code_id: str, at: str) -> str | None:
    """The id ``code_id`` counts as at level ``at`` of ``book``'s hierarchy (``code``: itself);
    None when the codebook does not know the code by id, or puts it under no code of that
    level (a domain at the construct level is itself)."""
    if at == "code":
        return code_id
    code = book.find(code_id)
    if code is None or code.id != code_id:  # by id only: a coder's own code is no alias
        return None
    if at == "domain":
        return code.id if code.level == "domain" else code.domain
    if code.level == "domain":
        return code.id
    for up in reversed(book.path(code.id)):
        if up.level == at:
            return up.id
    if code.parent is None:
        return _at_in_base(book, code, at)
    return None


def _at_in_base(book: Codebook, code: Code, at: str) -> str | None:
    """The code of level ``at`` that ``code``, at the top of the project codebook ``book``
    (``cfir-2009+project``) by its place in the QDA program's tree, is under in the built-in
    codebook ``book`` extends, when ``book`` holds it: "Goals & Feedback" read by name at the
    top of the tree is IS.D.5, in Implementation Climate (IS.D) at the construct level. Before,
    it was "in no construct" and compared as written, a false disagreement with IS.D (hunt3,
    session 80, F3). None for any other codebook, or a code the built-in one lacks."""
    from .codebook import BUILTIN
    from .crosswalk import PROJECT_SUFFIX

    base_id = book.id.removesuffix(PROJECT_SUFFIX)
    if base_id == book.id or base_id not in BUILTIN:
        return None
    base = _builtin(base_id)
    known = base.find(code.id)
    if known is None or known.id != code.id or known.level != code.level:
        return None
    for up in reversed(base.path(code.id)):
        if up.level == at:
            held = book.find(up.id)
            return up.id if held is not None and held.id == up.id else None
    return None


@functools.lru_cache(maxsize=8)
def _builtin(book_id: str) -> Codebook:
    from .codebook import Codebook

    return Codebook.load(book_id)


def own_code_at(book: Codebook, own: Codebook, code_id: str, at: str) -> str | None:
    """The code of ``book`` that ``code_id``, a code of the project codebook ``own`` that
    ``book`` does not know, counts as at level ``at``: that of the nearest code above it in
    ``own`` that ``book`` knows (by id), when ``book`` puts that code in one of level ``at``;
    None when no code above it is known, or the one known is above that level (a code a coder
    made under a domain is a construct of theirs, not the domain, at the construct level)."""
    if own.find(code_id) is None:
        return None
    for up in reversed(own.path(code_id)[:-1]):
        known = book.find(up.id)
        if known is None or known.id != up.id:  # by id only: a coder's own code is no alias
            continue
        target = code_at(book, up.id, at)
        if target is None or book[target].level != at:
            return None
        return target
    return None


def results_at(
    result: CodingResult, book: Codebook, at: str, *, own: Codebook | None = None
) -> tuple[CodingResult, dict[str, str]]:
    """A copy of ``result`` whose every suggestion carries the code it counts as at level
    ``at``, and the codes left as written (id -> name).

    ``own`` is the coder's own project codebook (their QDA project's code tree) when ``book``
    is another: a code ``book`` does not know that the coder nested in their project under a
    code ``book`` has (Family involvement under Patient Needs & Resources) counts as the code
    of level ``at`` it is under there, when that code is one of ``book`` at that level
    (:func:`own_code_at`).

    Give it codings cut to the codes they count as applied
    (:func:`~roqa_nlp.coding_agreement.counted_codings`), so that a model's top suggestion is
    chosen among the codes it suggested before it is mapped up. Suggestions that map to one
    code stay side by side, so that the valences they carry are read as one code's
    (:func:`~roqa_nlp.coding_agreement.segment_valences`: one valence, or none when they
    differ)."""
    left: dict[str, str] = {}
    segments = []
    for s in result.segments:
        suggestions = []
        for g in s.suggestions:
            target = code_at(book, g.code_id, at)
            if target is None and own is not None:
                target = own_code_at(book, own, g.code_id, at)
            if target is None:
                left.setdefault(g.code_id, g.name)
                suggestions.append(g)
                continue
            up = book[target]
            suggestions.append(
                dataclasses.replace(g, code_id=up.id, name=up.name, domain=up.domain)
            )
        segments.append(dataclasses.replace(s, suggestions=suggestions))
    return CodingResult(segments, dict(result.transcripts), result.meta), left


def codings_rolled_up(before: CodingResult, after: CodingResult) -> int:
    """How many codings of ``before`` (a coder's codings, cut to those counted) became one with
    another on their segment in ``after``, the same codings mapped up (:func:`results_at`): a
    segment coded Tension for Change and Compatibility holds one Implementation Climate at the
    construct level, one coding fewer."""
    mapped = {s.segment.id: {g.code_id for g in s.suggestions} for s in after.segments}
    return sum(
        len({g.code_id for g in s.suggestions}) - len(mapped.get(s.segment.id, ()))
        for s in before.segments
    )


def coded_units_at(
    cu: CodedUnits, book: Codebook, at: str
) -> tuple[CodedUnits, dict[str, dict[str, str]]]:
    """``cu`` with every coder's codes mapped to level ``at`` of ``book``, and per coder the
    codes left as written (id -> name). Codes of a coder's unit that map to one code are one
    code there; :attr:`~roqa_nlp.coding_agreement.CodedUnits.rolled_up` counts the codings so
    made one."""
    from .coding_agreement import valences_given

    left: dict[str, dict[str, str]] = {}
    codings: dict[str, dict[str, frozenset[str]]] = {}
    valences: dict[str, dict[str, dict[str, str]]] = {}
    names = dict(cu.code_names)

    def mapped(coder: str, code: str) -> str:
        target = code_at(book, code, at)
        if target is None:
            left.setdefault(coder, {}).setdefault(code, cu.code_names.get(code, code))
            return code
        names[target] = book[target].name
        return target

    for coder in cu.coders:
        codings[coder] = {
            unit: frozenset(mapped(coder, c) for c in codes)
            for unit, codes in cu.codings[coder].items()
        }
        per_unit: dict[str, dict[str, str]] = {}
        for unit, given in cu.valences.get(coder, {}).items():
            found: dict[str, list[str]] = {}
            for code, valence in given.items():
                found.setdefault(mapped(coder, code), []).append(valence)
            per_unit[unit] = valences_given(found)
        valences[coder] = per_unit
    used = {c for per in codings.values() for codes in per.values() for c in codes}
    rolled = {
        coder: k
        for coder in cu.coders
        if (
            k := sum(
                len(codes) - len(codings[coder][unit]) for unit, codes in cu.codings[coder].items()
            )
        )
    }
    return dataclasses.replace(
        cu,
        rolled_up=rolled,
        codings=codings,
        valences=valences,
        code_names={k: v for k, v in names.items() if k in used},
    ), left


def level_note(book: Codebook, at: str, *, models: bool) -> str:
    """The note saying at which level codes were compared."""
    what = "a sub-construct as its construct" if at == "construct" else "each code as its domain"
    model = (
        "; a model's top suggestion (or those at or above --model-threshold) is chosen "
        "first, then mapped up"
        if models
        else ""
    )
    return f"codes compared at the {at} level of codebook {book.cli_name}: {what}{model}"


def left_as_written_note(
    book: Codebook, at: str, left: Mapping[str, Mapping[str, str]]
) -> str | None:
    """One line naming the codes (with the coders who used them) that ``book`` puts in no code
    of level ``at`` (at ``code``, that it lacks), compared as written; None when there are
    none."""
    coders_of: dict[str, list[str]] = {}
    name_of: dict[str, str] = {}
    for coder, codes in left.items():
        for code, name in codes.items():
            coders_of.setdefault(code, []).append(coder)
            name_of.setdefault(code, name or code)
    if not coders_of:
        return None
    shown = [
        f"{name_of[c]!r} ({', '.join(coders_of[c])})"
        for c in sorted(coders_of, key=lambda c: natural_key(name_of[c]))
    ]
    n = len(shown)
    verb = "is" if n == 1 else "are"
    where = "not in codebook" if at == "code" else f"in no {at} of codebook"
    return (
        f"{n} code{'s' * (n > 1)} {verb} {where} {book.cli_name} and {verb} "
        f"compared as written: {first_few(shown, 4)}"
    )
