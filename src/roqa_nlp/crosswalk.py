"""Crosswalks: carry codings from one codebook into another through a documented mapping.

A codebook file may document how its codes map onto another codebook's (``mapping``:
``{"cfir-2022": {"IC.A": ["INN.A"], ...}}`` in ``cfir-2009.json``; ``{"cfir-2009": {"T2.4":
["OS.D", "IC.H"], ...}}`` in the seed study's themes). A crosswalk reads that mapping in either
direction, so CFIR 2009 suggestions can be charted as CFIR 2.0 constructs or as the seed study's
barriers and enablers without re-coding anything.

How a segment's suggestions are carried over:

- each suggestion goes to the target codes its code maps onto; a construct without an entry of
  its own goes to its sub-constructs' together (CFIR 2009's Implementation Climate and Readiness
  for Implementation, whose sub-constructs CFIR 2.0 made constructs of their own), a
  sub-construct without one to its parent construct's; a suggestion whose code has no
  counterpart (CFIR 2009's Individual Identification with Organization, which CFIR 2.0 dropped)
  is dropped (a segment left with none records it: ``meta["crosswalk"]["no_counterpart"]``),
  but a person's code is not: see below; charted as the reports chart it (``top_decides``), a
  model's segment whose top suggestion is such and sure (at or above ``SURE_CODE``, 0.40) is
  left with none, below the line only that suggestion is dropped;
- where target codes carry a valence (a barrier or an enabler code), a barrier or an enabler
  whose valence is sure (a person's, or the model's at ``SURE_VALENCE``, 0.6, or more: below it
  the report says "valence unsure") goes only to those of its own side (and those without one,
  below): one whose code maps only onto codes of the other side reaches none; but a model's
  segment whose top suggestion is such is charted under those codes of the other side, its
  valence as given, for review and in the framework matrix, and recorded
  (``meta["crosswalk"]["other_side"]``) so that Table 2 leaves it out of its columns and counts
  it in its note. A valence the model is unsure of goes to the codes of its side, else to all
  its code maps onto (for review and the matrix: Table 2 names it to check instead of quoting
  it in the other column, as it does a segment charted only through a lower suggestion,
  ``meta["crosswalk"]["lower_only"]``: :func:`~roqa_nlp.framework.table2_checks`); a neutral
  suggestion, charted on no side, goes to the neutral codes among them, else to all;
- where target codes carry a valence, a target code without one (a theme that describes rather
  than helps or hinders, as the seed study's "Understanding of recovery") is used with those
  that match;
- a suggestion that reaches several target codes ranks them by what the segment says: each
  target code's share grows with the words the segment has in common with the code's name,
  aliases and description (a description's sentences opening "Not", the topics it hands on
  to the codes named in brackets, count for those codes: "Not the channels used to pass on
  information (Communications)" in Relational Connections' counts for Communications; stop
  words left out, and the words of the target codebook's name that no domain's name uses, the
  setting every code is about: "mental health providers"; simple English endings dropped,
  each shared word weighted by how few of the target codebook's codes use it, by how many times
  the segment says it, and twice over when it is in the code's name or one of its aliases,
  though a word of an alias said apart from it that another counterpart speaks of counts once,
  or not at all if the code's description does not say it ("managers" alone is not "Middle
  managers": :func:`_weight`); shares the softmax of those weights),
  so talk of housing
  charted as Patient Needs & Resources goes first to the seed study's "Lack of secure
  housing", not to the first of its five community themes; with no word in common the shares
  are equal (:func:`target_shares`). The code of the largest share carries the suggestion's
  probability, each other one that probability times its share over the largest (equal
  shares: each the suggestion's probability), so the code charted is judged sure or unsure on
  the model's own probability for the code it translated;
- the translated codes keep the model's ranking: the codes of its most probable suggestion
  first (by their probability, equals in the mapping's order), then the next one's, so a
  suggestion whose probability the mapping would have shared out is never overtaken by a
  weaker one (Other Personal Attributes at 0.64 by Organizational Incentives & Rewards at
  0.18); a target code reached by several suggestions takes the largest of their values, in
  the place of the suggestion that gave it;
- each target code keeps the valence, valence probability and evidence of the suggestion that
  gave it its probability; suggestions whose code maps onto nothing are dropped;
- a person's codes are applied, not suggested: compared and exported, a code that reaches
  several target codes applies each (:func:`chart_codings`); counted in Table 2, the framework
  matrix and saturation, it is charted once, as the code they gave (:func:`chart_given`);
  a person's code with no counterpart is kept as a code outside the target codebook, under its
  own name and the id ``<source>:<code>`` (``cfir-2009:CI.D`` "Individual Identification with
  Organization"), with one warning naming each such code and its passages: a decision a
  researcher made never vanishes in the translation (exported, it is a project code; compared
  at a level, a code the codebook does not know; ``result.translate()`` keeps it so too,
  :func:`keep_given`);
- a code the source codebook does not know (a project's own code: a new code named in a review,
  a code a reviewer made in a QDA program) is kept as it is, under its own id and name, unless
  a codable code of the target codebook has its name: then it is that code (a new code "Critical
  Incidents" named in a CFIR 2009 review, which CFIR 2009 lacks, is CFIR 2.0's Critical
  Incidents, not a second code of that name beside it); a code the target codebook has already
  (such a code ``roqa agree`` matched to it by name first, or its name typed as the code) stays
  that code.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import re
import warnings
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from . import lexical
from .codebook import (
    BUILTIN,
    Codebook,
    builtin_codebook,
    builtin_codebook_with,
    description_exclusions,
    description_scope,
    normalise_name,
)
from .errors import ON_COMMAND_LINE, RoqaError
from .framework import SURE_CODE, SURE_VALENCE
from .io import CODEBOOK_NAME, MODEL_CARD
from .result import CodingResult
from .schema import Code, SegmentResult, Suggestion


def crosswalk(source: Codebook, target: Codebook) -> dict[str, list[str]]:
    """Source code id -> target code ids, from whichever of the two codebooks documents it.

    A project codebook (``cfir-2009+project``: a built-in codebook and a project's own codes)
    maps as the built-in one it extends: onto that one (and from it) code for code, the same
    codes; onto another through the mapping documented for its built-in one. Raises a one-line
    error when neither codebook documents a mapping to the other.
    """
    if source.id != target.id and _built_in_id(source) == _built_in_id(target):
        ids = {c.id for c in target.codes}
        return {c.id: [c.id] for c in source.codes if c.id in ids}
    forward = source.mapping.get(target.id) or source.mapping.get(_built_in_id(target))
    if forward:
        return {k: list(v) for k, v in forward.items()}
    backward = target.mapping.get(source.id) or target.mapping.get(_built_in_id(source))
    if backward:
        out: dict[str, list[str]] = {}
        for target_id, source_ids in backward.items():
            for sid in source_ids:
                out.setdefault(sid, []).append(target_id)
        return out
    fix = mapping_fix(source, target)
    use = f"use --codebook {source.cli_name}"
    raise NoMapping(
        f"codebook {target.id!r} documents no mapping from {source.id!r}, "
        f"so {source.id} codes cannot be translated into its codes",
        hint=use if fix is None else f"{use}, or {fix}",
        fix=fix,
    )


def mapped_from(book: Codebook, source: str) -> dict[str, list[str]]:
    """Each code id of ``book`` that has some -> the ids of built-in codebook ``source``'s codes
    mapped onto it, in ``source``'s order, from whichever of the two documents the mapping
    (``{}`` when neither does, or ``book`` is ``source`` or extends it): what ``roqa codebook``
    lists in its CFIR 2009 column. A file's own mapping is given as written; CFIR 2.0's is read
    backwards from ``cfir-2009.json`` (tester cfir2, session 65: `roqa codebook cfir-2022`
    showed no column, so the mapping could only be checked in the file), a code with no entry
    of its own charted as translation charts it (:func:`_codable_targets`: CFIR 2009's
    Implementation Climate under the codes its sub-constructs map onto, hunt s65 h_book D1)."""
    own = book.mapping.get(source)
    if own or _built_in_id(book) == source:
        return {k: list(v) for k, v in (own or {}).items() if v and k in book}
    origin = builtin_codebook(source)
    try:
        walk = crosswalk(origin, book)
    except NoMapping:
        return {}
    out: dict[str, list[str]] = {}
    for code in origin.codes:
        onto = walk.get(code.id) or _codable_targets(code.id, walk, origin, book)
        for target_id in onto:
            if target_id in book:
                out.setdefault(target_id, []).append(code.id)
    return out


def mapping_fix(source: Codebook, target: Codebook) -> str | None:
    """How to give :func:`crosswalk` the mapping it lacks: add a mapping block to the codebook of
    the two that is not built in (the researcher's file, named), with the block's shape (``add
    to rop.json a "mapping" from its codes to cfir-2009's: "mapping": {"cfir-2009": {"<your
    code id>": ["<cfir-2009 code id>", ...]}}``); ``None`` for two built-in codebooks (tester,
    session 58: "add a 'mapping' to one of the two codebook files" pointed at a file installed
    with roqa, and no page showed the block). A model's own codebook (``models/tdf/codebook.json``)
    is never the file named: its model card checks it, so a mapping added there left a model
    that no longer loaded (docs tester, session 61); the mapping goes in the codebook file the
    model was trained with, and the model is trained again."""
    own = next((b for b in (target, source) if not b.extends_builtin), None)
    if own is None:
        return None
    other = source if own is target else target
    block = (
        f'"mapping": {{"{other.id}": {{"<your code id>": ["<{other.id} code id>", ...]}}}} '
        "(docs/codebooks.md)"
    )
    if own.origin is not None and (Path(own.origin).parent / MODEL_CARD).is_file():
        return (
            f'add a "mapping" from its codes to {other.id}\'s to the codebook file the model was '
            f"trained with and train it again, not to {own.origin}, which the model card checks: "
            f"{block}"
        )
    where = own.origin if own.origin is not None else f"codebook {own.id!r}"
    return f'add to {where} a "mapping" from its codes to {other.id}\'s: {block}'


def unrelated_fix(model: Codebook, chart: Codebook) -> str:
    """The fixes ``roqa code`` names when a model of codebook ``model`` would chart in ``chart``,
    unrelated to it (:func:`unrelated_chart`), in one line: chart in the model's own codebook, or
    add the mapping that relates them (:func:`mapping_fix`), as docs/codebooks.md quotes it
    (blind tester daily25, session 89: only "leave out --codebook" was said, never the mapping
    that served best there). A codebook of one's own mapped onto other codebooks only (CFIR 2.0,
    as a CFIR 2.0 team maps) is told that mapping does not translate the model's codes, and that
    a model trained on it would code in it. A model of one's own codebook mapped onto other
    codebooks only (CFIR 2.0) is told its mapping does not chain on to the chart codebook
    (hunt50 L3, session 89: told only to add a cfir-2009 mapping, not why its cfir-2022 one
    did not serve)."""
    from .errors import and_list
    from .io import shell_quoted

    said = f"chart in the model's own codebook {model.id!r}: leave out --codebook"
    if (fix := mapping_fix(model, chart)) is not None:
        said += f", or {fix}"
    onto = (
        []
        if model.extends_builtin
        else [k for k in model.mapping if k not in (chart.id, _built_in_id(chart))]
    )
    # the model's mapping onto CFIR 2.0 and CFIR 2.0's onto CFIR 2009 make no path of two steps
    why = (
        [
            f"the model's mapping onto {and_list(onto)} does not translate its codes into "
            f"{chart.id}'s: one mapping is never followed by another"
        ]
        if onto
        else []
    )
    elsewhere = [k for k in chart.mapping if k not in (model.id, _built_in_id(model))]
    if not chart.extends_builtin and elsewhere:
        if chart.origin is not None:
            said += (
                ", or code with a model trained on it: roqa train DATA --codebook "
                f"{shell_quoted(chart.origin)} --out MODEL"
            )
        whose = "the codebook's" if onto else "its"  # two mappings named: which one
        why.append(
            f"{whose} mapping onto {and_list(elsewhere)} does not translate the model's "
            f"{_built_in_id(model)} codes"
        )
    return "; ".join([*why, said])


def refuse_unmapped_chart(own: Codebook, chart: Codebook) -> None:
    """Raise :func:`crosswalk`'s one-line :class:`NoMapping` when a model of codebook ``own``
    would have codes to translate into ``chart`` (a codable code of ``own`` that ``chart`` lacks)
    and neither documents a mapping to the other: what :func:`chart_with` raises after coding,
    found before (tester, session 58: `roqa code --codebook` of a CFIR 2.0 copy without a
    mapping coded everything, then stopped with codings.jsonl, run.json and
    chart_codebook.json already rewritten, a folder no report could be made of)."""
    if all(c.id in chart for c in own.codable):
        return  # charted as is (chart_with): no translation needed
    crosswalk(own, chart)


class NoMapping(RoqaError):
    """Neither of two codebooks documents a mapping to the other (:func:`crosswalk`), so codes
    of one cannot be translated into the other's. Its hint names the source codebook, which
    may not work either where several codebooks are compared (``roqa agree`` names one that
    does); ``fix`` is its other fix alone (:func:`mapping_fix`), if any."""

    def __init__(self, message: str, *, hint: str, fix: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.fix = fix


def _built_in_id(book: Codebook) -> str:
    """The id of the codebook ``book`` is or extends: a project codebook's
    (``cfir-2009+project``) without its :data:`PROJECT_SUFFIX`."""
    return book.id.removesuffix(PROJECT_SUFFIX)


def recorded_codebook(meta: Mapping[str, Any]) -> str | None:
    """The built-in codebook id a coding run recorded (``run.json``), if any."""
    for value in _recorded_ids(meta):
        if value in BUILTIN:
            return value
    return None


def codings_codebook(result: CodingResult) -> Codebook:
    """The codebook ``result``'s codes are of, without looking beyond it: its own (a model's
    project codebook), else the built-in codebook its run recorded, else the default one."""
    if result.codebook is not None:
        return result.codebook
    from .codebook import DEFAULT_CODEBOOK

    name = recorded_codebook(result.meta) if isinstance(result.meta, dict) else None
    return Codebook.load(name or DEFAULT_CODEBOOK)


def recorded_hash(meta: Mapping[str, Any]) -> str | None:
    """The SHA-256 of the codebook a coding run's model was trained with (``run.json``), when
    the run records one and charts in that codebook (not translated into another); for a
    person's codings (``roqa apply-decisions``, ``roqa import``), the one they record with its
    id (``{"codebook": {"id": ..., "hash": ...}}``)."""
    own = meta.get("codebook")
    model = meta.get("model")
    if isinstance(own, Mapping):
        sha = own.get("hash")
    elif not isinstance(model, Mapping) or (own is not None and own != model.get("codebook")):
        return None
    else:
        sha = model.get("codebook_sha256")
    return sha if isinstance(sha, str) and sha else None


def _namesakes_left(book: Codebook, sha: str) -> bool:
    """Whether ``book`` is the codebook file it was read from, of the hash ``sha`` the codings
    record, less unused namesakes of its built-in codes (:func:`without_unused_namesakes`): the
    codebook they were coded with, charted without empty duplicates."""
    if book.origin is None or not Path(book.origin).is_file():
        return False
    try:
        read = Codebook.load(book.origin, check_aliases=False)
    except RoqaError:
        return False
    kept = {c.id for c in book.codes}
    return (
        read.hash == sha
        and [c for c in read.codes if c.id in kept] == book.codes
        and {c.id for c in read.codes} - kept <= _namesakes(read)
    )


def chart_mismatch(book: Codebook, result: CodingResult) -> str | None:
    """Why charting ``result`` with ``book`` may mislead, in one line, or ``None``.

    The codings recorded another codebook (built in or not) and some of their codes are not in
    ``book``; or they recorded ``book``'s id with another content (an edited copy of the file:
    a code renamed or deleted); or they record no codebook and most of their codes are not in
    ``book``. Each of these charts the codes ``book`` lacks as codes outside the codebook.
    """
    from .errors import first_few
    from .framework import natural_key

    meta = result.meta if isinstance(result.meta, Mapping) else {}
    ids = sorted({g.code_id for s in result.segments for g in s.suggestions}, key=natural_key)
    missing = [k for k in ids if book.find(k) is None]
    lacking = (
        f"{len(missing)} of the {len(ids)} codes of these codings are not in codebook "
        f"{book.id!r} ({first_few(missing)})"
    )
    used = next(iter(_recorded_ids(meta)), None)
    if used is None:
        if 2 * len(missing) > len(ids):
            return (
                f"{lacking}: they are charted as codes outside the codebook; give the codebook "
                "they were coded with"
            )
        return None
    if used.removesuffix(PROJECT_SUFFIX) != book.id.removesuffix(PROJECT_SUFFIX):
        if not missing:
            return None
        if used in BUILTIN:
            return (
                f"{lacking}: they were coded with {used!r}; chart result.translate({book.id!r}) "
                f"to see them in {book.id!r}'s codes, or give {used!r}"
            )
        return f"{lacking}: they were coded with {used!r}; give that codebook"
    sha = recorded_hash(meta)
    if used == book.id and sha is not None and sha != book.hash and not _namesakes_left(book, sha):
        from .codebook import is_earlier_version

        if is_earlier_version(book.id, sha):
            return None  # the same codes, before an alias was removed
        carried = _carried_codebook(result, book.id, sha)
        if carried is not None and not missing and _same_codes_named(carried[1], book):
            return None  # roqa import's codebook.json of the built-in codes the project has
        return (
            f"these codings were made with another version of codebook {book.id!r} "
            f"(sha256 {sha[:12]}, this one's {book.hash[:12]})"
            + (f"; {lacking}" if missing else "")
            + ": give the codebook they were coded with"
            + (f" ({carried[0]})" if carried is not None else "")
        )
    return None


def _carried_codebook(result: CodingResult, book_id: str, sha: str) -> tuple[Path, Codebook] | None:
    """The codebook file the codings carry (``codebook.json`` beside them, or two folders above
    them as ``roqa import`` writes it) of id ``book_id`` and the hash ``sha`` they record, with
    its codes, else None."""
    if result.source is None:
        return None
    folder = Path(result.source).parent
    for f in [d / CODEBOOK_FILE for d in [folder, *folder.parents][:3]]:
        if not f.is_file():
            continue
        try:
            with warnings.catch_warnings():  # its built-in id is warned of where it is given
                warnings.simplefilter("ignore")
                read = Codebook.load(f, check_aliases=False)
        except RoqaError:
            continue
        if read.id == book_id and read.hash == sha:
            return f, read
    return None


def _same_codes_named(carried: Codebook, book: Codebook) -> bool:
    """Whether every code of ``carried`` is a code of ``book`` of the same name (as names are
    compared: case aside): the codes a QDA project kept of a built-in codebook, which ``roqa
    import`` wrote with its own tree and no descriptions (daily18, s86: the report of roqa's own
    export round trip warned of "another version of codebook 'cfir-2009'")."""
    return all(
        c.id in book and normalise_name(book[c.id].name) == normalise_name(c.name)
        for c in carried.codes
    )


#: The share of a codebook's codable codes (by id or name) another codebook must know, when
#: neither documents a mapping to the other, for codings in the first to be charted in the
#: second at all (with a warning naming the rest): below it (a model of a researcher's own
#: codebook charted in CFIR 2.0, none of whose codes it has) every code would be charted as a
#: code outside the codebook, a report with no row of the codebook filled.
RELATED_SHARE = 0.2


def unrelated_chart(own: Codebook, chart: Codebook, whose: str = "the codings'") -> str | None:
    """Why codes of codebook ``own`` (``whose``: the model's, the codings') cannot be charted in
    ``chart``, in one line, or ``None``: neither documents a mapping to the other, and fewer than
    :data:`RELATED_SHARE` of ``own``'s codable codes are codes of ``chart`` (by id or name).
    A codebook and a project codebook extending it (``cfir-2009+project``), and two whose
    mapping is documented (CFIR 2009 and CFIR 2.0, the seed study's themes), are related."""
    if _built_in_id(own) == _built_in_id(chart):
        return None
    try:
        crosswalk(own, chart)
        return None
    except RoqaError:
        pass
    codable = own.codable
    known = [c for c in codable if chart.find(c.id) is not None or chart.find(c.name) is not None]
    if not codable or len(known) >= RELATED_SHARE * len(codable):
        return None
    some = "none" if not known else f"only {len(known)}"
    return (
        f"codebook {chart.id!r} documents no mapping from {own.id!r}, {whose} codebook, and "
        f"{some} of its {len(codable)} codes {'is' if len(known) == 1 else 'are'} in "
        f"{chart.id!r}: every code would be charted as a code outside the codebook"
    )


class UnrelatedCodebook(RoqaError, ValueError):
    """Codings to be charted in a codebook unrelated to theirs (:func:`refuse_unrelated_chart`):
    a one-line error that is also the ValueError a bad argument raises in Python."""


def refuse_unrelated_chart(
    book: Codebook,
    result: CodingResult,
    choice: object,
    where: Path | None,
    *,
    option: str = "--codebook",
) -> None:
    """A one-line error (:class:`UnrelatedCodebook`) when codings that record their codebook (a
    model's run, an import) are to be charted in ``book`` (``choice``, given as ``option``, else
    the one ``run.json`` recorded) that is unrelated to it (:func:`unrelated_chart`), with the
    fix: chart in their own codebook. ``option`` is how the fix names the choice: the command
    line's ``--codebook``, or the charting functions' ``codebook=``."""
    if not _recorded_ids(result.meta):
        return  # hand-made codings: charted in the codebook their codes are of
    try:
        own = codebook_for(None, result, where)
    except RoqaError:
        return  # their own codebook is gone: charted in the one given, with a warning
    why = unrelated_chart(own, book)
    if why is None:
        return
    python = option.endswith("=")
    # in Python the file name itself, as a string; on the command line as a shell word
    named = own.id if own.origin is None or own.id in BUILTIN else str(own.origin)
    overrides = f"{option}{named!r}" if python else f"{option} {own.cli_name}"
    hint = (
        f"chart in {own.id!r}, the codebook they were coded with: leave out {option}"
        if choice
        else f"run.json's {CHART_KEY} names {book.id!r}: give {overrides}, which overrides it"
    )
    raise UnrelatedCodebook(why, path=where, hint=hint)


#: Where a project codebook of imported codings is looked for, from the codings' folder up:
#: ``roqa import`` writes ``OUT/codebook.json`` and each coder's ``OUT/codings/NAME/codings.jsonl``.
CODEBOOK_FILE = CODEBOOK_NAME
_FOLDERS_UP = 2


def codebook_for(choice: str | None, result: CodingResult, where: Path | None = None) -> Codebook:
    """The codebook to chart ``result`` with.

    ``choice`` (a built-in id or a codebook ``.json``) when given; else the codebook the codings
    recorded: a built-in one, or a project codebook (e.g. of a REFI-QDA project ``roqa import``
    read): the result's own (``result.codebook``, a model's coding), or found as
    ``codebook.json`` in the folder of the codings ``where`` (their
    ``codings.jsonl`` or its folder) or up to two folders above it; for codings that record none
    (made by hand, no ``run.json``), the built-in codebook their codes are of
    (:func:`codebook_of`: hand-made CFIR 2.0 codings are charted in CFIR 2.0), else the default
    codebook. A recorded project codebook that cannot be found is a one-line error asking for
    ``--codebook``.
    """
    from .codebook import DEFAULT_CODEBOOK

    if choice:
        return Codebook.load(choice)
    builtin = recorded_codebook(result.meta)
    if builtin is not None:
        return Codebook.load(builtin)
    wanted = next(iter(_recorded_ids(result.meta)), None)
    if wanted is None:
        check_one_codebook(result)
        return Codebook.load(codebook_of(result) or DEFAULT_CODEBOOK)
    if result.codebook is not None and result.codebook.id == wanted:
        # the model's project codebook, carried by the result
        return without_unused_namesakes(result.codebook, result)
    folder = None if where is None else Path(where).resolve()
    if folder is not None and not folder.is_dir():
        folder = folder.parent
    for _ in range(_FOLDERS_UP + 1):
        if folder is None:
            break
        candidate = folder / CODEBOOK_FILE
        if candidate.is_file():
            book = Codebook.load(candidate, check_aliases=False)
            if book.id == wanted:
                return without_unused_namesakes(book, result)
        folder = folder.parent if folder.parent != folder else None
    raise RoqaError(
        f"the codings were made with codebook {wanted!r}, which is not built in and not in a "
        f"{CODEBOOK_FILE} beside them",
        path=where,
        hint=f"give it with --codebook, e.g. the {CODEBOOK_FILE} that roqa import wrote",
    )


def without_unused_namesakes(book: Codebook, result: CodingResult) -> Codebook:
    """``book``, a project codebook extending a built-in one (``cfir-2022+project``), without
    the project codes named as a codable code of that one (:func:`named_in`) that no coding of
    ``result`` uses; ``book`` itself when it has none.

    Such a code is that code, not a second one of its name (as a translation charts it and
    ``roqa import`` reads it). ``roqa apply-decisions`` before session 76 kept a retrained
    model's (``project.capability`` Capability, learnt from a CFIR 2.0 review) in the reviewed
    codings' ``codebook.json`` beside IND.K Capability, every coding on IND.K: ``roqa report
    --matrix`` charted an empty duplicate column of each and ``roqa export --qdpx`` a duplicate
    code (study6 tester). A namesake some coding uses is kept: its codings stay as they are."""
    unused = _namesakes(book) - {g.code_id for s in result.segments for g in s.suggestions}
    if not unused:
        return book
    return dataclasses.replace(book, codes=[c for c in book.codes if c.id not in unused])


def _namesakes(book: Codebook) -> set[str]:
    """The ids of the project codes of ``book`` (``cfir-2022+project``) named as a codable code
    of the built-in codebook it extends (:func:`named_in`); none when it extends none."""
    base = book.id.removesuffix(PROJECT_SUFFIX)
    if base == book.id or base not in BUILTIN:
        return set()
    builtin = Codebook.load(base)
    return {
        c.id for c in book.codes if c.id not in builtin and named_in(builtin, c.name) is not None
    }


def check_one_codebook(result: CodingResult) -> None:
    """A one-line error when codings that record no codebook (made by hand, no ``run.json``)
    seem to mix codebooks: some codes are only of one built-in codebook (CFIR 2009's OS.D),
    others only of another (CFIR 2.0's INS.J). Charted in either, the other's codes would be
    codes outside it (Available Resources twice), compared as written or refused on export;
    naming a few of each, it asks for one codebook's codes or ``--codebook``. Codes of a
    project's own (in no built-in codebook) do not count."""
    from .errors import first_few
    from .framework import natural_key

    if _recorded_ids(result.meta) or recorded_chart(result.meta) is not None:
        return
    ids = {g.code_id for s in result.segments for g in s.suggestions}
    of = {b: {c.id for c in Codebook.load(b).codes} & ids for b in BUILTIN}
    only = {
        b: sorted(mine - set().union(*(v for o, v in of.items() if o != b)), key=natural_key)
        for b, mine in of.items()
    }
    books = [b for b, v in only.items() if v]
    if len(books) < 2:
        return
    most = max(books, key=lambda b: len(of[b]))
    shown = " beside ".join(f"{b} codes {first_few(only[b])}" for b in books)
    raise RoqaError(
        f"these codings seem to mix codebooks: {shown}",
        path=result.source,
        hint="code every passage with one codebook's codes, or give "
        f"{'--codebook' if ON_COMMAND_LINE.get() else 'codebook='} to chart them all in one; "
        f"{Codebook.load(most).listing_said}",
    )


def only_in_one_codebook(codes: Mapping[str, str]) -> dict[str, list[str]]:
    """Built-in codebook id -> the names of ``codes`` (code id -> name) that it alone knows, by
    id or by name (as :meth:`Codebook.find` compares names), so that a QDA project's own node
    named "High-Level Leaders" counts as CFIR 2.0's. Codes several codebooks know count for
    none, whether by name ("Culture", "Cost") or because one has the id and another the name
    (CFIR 2009's IS.C "Culture"): codes of different projects are matched by name, so such a
    code can agree with the other codebook's code of its name (tester hunt, session 38)."""
    books = {b: builtin_codebook(b) for b in BUILTIN}
    out: dict[str, set[str]] = {}
    for cid, name in codes.items():
        knows = [
            b for b, book in books.items() if cid in book or book.find(name or cid) is not None
        ]
        if len(knows) == 1:
            out.setdefault(knows[0], set()).add(name or cid)
    return {b: sorted(out[b], key=str.casefold) for b in BUILTIN if b in out}


def charted_onto(books: Sequence[str]) -> str:
    """Of built-in codebooks ``books``, the one the others document a mapping onto (CFIR 2009's
    crosswalk onto CFIR 2.0: cfir-2022), else the last by id."""
    for b in books:
        if all(o == b or b in builtin_codebook(o).mapping for o in books):
            return b
    return sorted(books)[-1]


#: The key of ``run.json`` recording the codebook ``roqa code --codebook`` charted the run in
#: (a built-in id, or the name of its copy kept beside the codings, :data:`CHART_FILE`): the
#: default of every later chart of the run.
CHART_KEY = "chart_codebook"

#: The copy of a codebook file ``roqa code --codebook FILE`` charted a run in, kept beside the
#: codings so that the folder charts alike when the file moves or the folder is shared.
CHART_FILE = "chart_codebook.json"


def keep_chart(book: Codebook, out: Path) -> tuple[str, Path | None]:
    """What ``run.json`` records of the chart codebook ``book`` (:data:`CHART_KEY`) of codings
    saved in ``out``, and the copy of it written there: a built-in codebook's id (no copy), else
    :data:`CHART_FILE`, the name of the copy, read from the codings' folder wherever it is."""
    if book.id in BUILTIN:
        return book.id, None
    path = Path(out) / CHART_FILE
    book.save(path)
    return CHART_FILE, path


def load_chart(chart: str, where: Path | None) -> Codebook:
    """The chart codebook a run recorded (:func:`recorded_chart`) of the codings at ``where``
    (their ``codings.jsonl`` or folder): a built-in id, or a file named relative to the codings'
    folder (:data:`CHART_FILE`; runs before it recorded an absolute path). A file that is not
    there is a one-line error naming ``run.json`` and how to chart anyway."""
    if chart in BUILTIN:
        return Codebook.load(chart)
    folder = None if where is None else Path(where)
    if folder is not None and not folder.is_dir():
        folder = folder.parent
    path = Path(chart)
    if not path.is_absolute() and folder is not None:
        path = folder / path
    if path.is_file():
        return Codebook.load(path)
    raise RoqaError(
        f"codebook {chart} not found: run.json's {CHART_KEY} names it, the codebook "
        "`roqa code --codebook` charted this run in",
        path=None if folder is None else folder / "run.json",
        hint="give --codebook with the file or a built-in id, which overrides run.json, or put "
        "the file back",
    )


def recorded_chart(meta: Mapping[str, Any]) -> str | None:
    """The codebook ``roqa code --codebook`` charted a run in (:data:`CHART_KEY`), if any."""
    value = meta.get(CHART_KEY) if isinstance(meta, Mapping) else None
    return value if isinstance(value, str) and value else None


def chart_codebook_for(
    choice: str | None, result: CodingResult, where: Path | None = None
) -> tuple[Codebook, str | None]:
    """The codebook to chart ``result`` in, and a one-line note when it is the one ``roqa code
    --codebook`` recorded (:func:`recorded_chart`) rather than the codings' own.

    ``choice`` when given; else the recorded chart codebook, so a CFIR 2.0 project stays in
    CFIR 2.0 (``roqa report``, ``roqa export`` after ``roqa code --codebook cfir-2022``); else
    :func:`codebook_for`. A recorded codebook the codings are in already (a review in CFIR
    2.0 codes, ``cfir-2022+project``) is the codings' own, with no note. Codings that record
    no codebook and whose codes are of another than the default one (hand-made CFIR 2.0
    codings) are charted in that one, with a note saying so.
    """
    from .codebook import DEFAULT_CODEBOOK

    chart = None if choice else recorded_chart(result.meta)
    own = codebook_for(choice, result, where)
    if chart is None and not choice and not _recorded_ids(result.meta):
        if own.id == DEFAULT_CODEBOOK:
            return own, None
        return own, (
            f"charting in {own.id}, the codebook the codings' codes are of (no run.json records "
            "one); --codebook sets another"
        )
    if chart is None or own.id.removesuffix(PROJECT_SUFFIX) == chart:
        return own, None
    book = load_chart(chart, where)
    if book.id == own.id.removesuffix(PROJECT_SUFFIX):
        return own, None
    return book, (
        f"charting in {book.id}, the codebook `roqa code --codebook` chose (run.json); "
        f"--codebook {own.id} charts the codings' own codes"
    )


#: The id a project codebook (a built-in one and the project's own new codes) ends with.
PROJECT_SUFFIX = "+project"


def _recorded_ids(meta: Mapping[str, Any]) -> list[str]:
    """The codebook ids a run recorded: its own (``codebook``), then its model's. A ``meta``
    made by hand in Python (``{"model": "roqa"}``) records none that is not so."""
    if not isinstance(meta, Mapping):
        return []
    model = meta.get("model")
    out = []
    for value in (
        meta.get("codebook"),
        model.get("codebook") if isinstance(model, Mapping) else None,
    ):
        if isinstance(value, dict):
            value = value.get("id")
        if isinstance(value, str) and value:
            out.append(value)
    return out


def translate(
    result: CodingResult, source: Codebook, target: Codebook, *, top_decides: bool = False
) -> CodingResult:
    """A copy of ``result`` whose suggestions are codes of ``target`` (see the module notes).

    A suggestion whose code has no counterpart in ``target`` is left out; the others keep the
    model's order, each at its own probability. ``top_decides`` (how the reports chart a model's
    suggestions in another codebook): a segment whose most probable suggestion has no
    counterpart and is sure (at or above :data:`~roqa_nlp.framework.SURE_CODE`, 0.40) gets no
    suggestion in ``target``, rather than the translation of a lower one: the model is sure the
    segment is about a construct ``target`` lacks (Cosmopolitanism at 0.99, which no seed-study
    row holds, was charted under a fifth suggestion's theme at p = 0.0000, session 28). Below
    the line the top decides nothing and the next suggestions are kept (Networks &
    Communications at 0.24 under Individual Identification with Organization at 0.28 is
    Relational Connections at 0.24, "code unsure"; session 42, whose reports had left such a
    segment blank). A person's codes (probability 1) are each applied and never dropped so."""
    if source.id == target.id:
        return CodingResult(
            list(result.segments), dict(result.transcripts), copy.deepcopy(result.meta)
        )
    walk = crosswalk(source, target)
    segments = [_translate_segment(s, walk, source, target) for s in result.segments]
    if top_decides:
        segments = [
            dataclasses.replace(t, suggestions=[])
            if sure_top_has_no_counterpart(s.suggestions, walk, source, target)
            else t
            for s, t in zip(result.segments, segments, strict=True)
        ]
    meta = copy.deepcopy(result.meta)
    meta["codebook"] = target.id
    meta["crosswalk"] = {"from": source.id, "to": target.id}
    record_unreachable(meta["crosswalk"], source, target)
    named = _named(result, source, target)
    if named:
        meta["crosswalk"]["named"] = named
    tied = {
        t.segment.id: ties
        for s, t in zip(result.segments, segments, strict=True)
        if s.suggestions and max(g.probability for g in s.suggestions) < 1.0
        if (ties := tied_top(t.suggestions))
    }
    if tied:  # a model's top suggestion shared equally: charted under the first listed
        meta["crosswalk"]["tied"] = tied
    emptied = _emptied(result.segments, segments)
    if emptied:  # suggestions whose codes have no counterpart: the segment is left with none
        meta["crosswalk"]["no_counterpart"] = emptied
    other_side = [
        s.segment.id
        for s, t in zip(result.segments, segments, strict=True)
        if t.suggestions and top_other_side(s.suggestions, walk, source, target)
    ]
    if other_side:  # charted under the other side's codes: kept out of Table 2's columns
        meta["crosswalk"]["other_side"] = other_side
    lower = {
        s.segment.id: [top.code_id, top.name, top.probability]
        for s, t in zip(result.segments, segments, strict=True)
        if t.suggestions and (top := lower_only(s.suggestions, walk, source, target)) is not None
    }
    if lower:  # charted only through a lower suggestion: Table 2 of themes with a side checks it
        meta["crosswalk"]["lower_only"] = lower
    # no "source_top" (results before session 42: a top code whose probability the mapping
    # shared out): the top code charted now shows the model's probability for its code
    own: dict[str, dict[str, float]] = {}
    split: dict[str, dict[str, str]] = {}
    for s, t in zip(result.segments, segments, strict=True):
        if t.suggestions:
            p, chose = _own_probabilities(s, t, walk, source, target)
            if p:
                own[s.segment.id] = p
            if chose:
                split[s.segment.id] = chose
    if own:  # each such code's, as Table 2 and saturation judge a code unsure
        meta["crosswalk"]["source_p"] = own
    if split:  # a model's code the segment's words put under one of its counterparts
        meta["crosswalk"]["split"] = split
    return CodingResult(segments=segments, transcripts=dict(result.transcripts), meta=meta)


def _own_probabilities(
    s: SegmentResult,
    t: SegmentResult,
    walk: dict[str, list[str]],
    source: Codebook,
    target: Codebook,
) -> tuple[dict[str, float], dict[str, str]]:
    """Of segment ``s`` translated as ``t``, each target code whose probability the mapping
    shared out -> the probability of the model's own suggestion it was translated from (the
    one that gave it its probability, :func:`suggestion_origins`), when that is higher; and,
    of a model's segment, each target code translated from a code with several counterparts in
    ``target`` -> that code (:func:`split_origins`)."""
    charted = {g.code_id: g.probability for g in t.suggestions}
    _, best, _ = _shares(s.suggestions, walk, source, target, s.segment.text)
    own = {
        code: g.probability
        for code, (_, g) in best.items()
        if code in charted and g.probability > charted[code] + 1e-9
    }
    if not s.suggestions or max(g.probability for g in s.suggestions) >= 1.0:
        return own, {}  # a person's code is applied to every counterpart: nothing chosen
    return own, {
        code: g.code_id
        for code, (_, g) in best.items()
        if code in charted and len(_codable_targets(g.code_id, walk, source, target)) > 1
    }


def split_origins(result: CodingResult) -> dict[str, dict[str, str]]:
    """Segment id -> code -> the model's code it was translated from, for the codes of a model's
    result translated into another codebook (``meta["crosswalk"]["split"]``) whose model code
    has several counterparts there: the segment's words (or the mapping's order, when they share
    none) chose it among them, not the model (IC.F Innovation Complexity is the seed study's
    "labour intensive", "skilled activity", "reviewing outcomes" or "Recovery Star"). Empty when
    not translated, or translated before session 52 recorded it."""
    walk = result.meta.get("crosswalk") if isinstance(result.meta, dict) else None
    split = walk.get("split") if isinstance(walk, dict) else None
    if not isinstance(split, dict):
        return {}
    return {
        str(sid): {str(c): str(k) for c, k in codes.items()}
        for sid, codes in split.items()
        if isinstance(codes, dict)
    }


def source_probabilities(result: CodingResult) -> dict[str, dict[str, float]]:
    """Segment id -> code -> the model's own probability for the code before ``result`` was
    translated into another codebook, where the mapping shared it among several counterparts
    (``meta["crosswalk"]["source_p"]``: a counterpart the segment's words fit less than another
    shows less than the model's probability for the code; a result translated before session 42
    shared OS.D at 1.00 out as OUT.E, OUT.F and OUT.G.3 at 0.33, each still the model's sure
    OS.D); a result translated before it was recorded,
    its top codes' (:func:`source_top`). Empty when nothing was shared out. A code is judged
    "code unsure" on it (:attr:`~roqa_nlp.framework.Quote.unsure`), not on its share."""
    walk = result.meta.get("crosswalk") if isinstance(result.meta, dict) else None
    if not isinstance(walk, dict):
        return {}
    own = walk.get("source_p")
    if isinstance(own, dict):
        return {
            str(sid): {str(c): float(p) for c, p in codes.items() if isinstance(p, (int, float))}
            for sid, codes in own.items()
            if isinstance(codes, dict)
        }
    top = walk.get("source_top")
    if not isinstance(top, dict):
        return {}
    return {
        s.segment.id: {s.top.code_id: float(p)}
        for s in result.segments
        if s.top is not None and isinstance(p := top.get(s.segment.id), (int, float))
    }


def source_top(result: CodingResult, s: SegmentResult) -> float | None:
    """The probability of segment ``s``'s top code before ``result`` was translated into another
    codebook (``meta["crosswalk"]["source_top"]``: the model's own code, whose probability the
    mapping may have shared among several counterparts), else of its top code as it is."""
    walk = result.meta.get("crosswalk") if isinstance(result.meta, dict) else None
    own = walk.get("source_top") if isinstance(walk, dict) else None
    if isinstance(own, dict) and isinstance(p := own.get(s.segment.id), (int, float)):
        return float(p)
    return None if s.top is None else s.top.probability


def _emptied(before: list[SegmentResult], after: list[SegmentResult]) -> list[str]:
    """The ids of the segments that had suggestions ``before`` a translation and none
    ``after`` it (every one of their codes had no counterpart)."""
    return [
        s.segment.id
        for s, t in zip(before, after, strict=True)
        if s.suggestions and not t.suggestions
    ]


def tied_top(suggestions: list[Suggestion]) -> list[str]:
    """The codes of ranked ``suggestions`` that share the top probability exactly, when there
    are several (else empty): after a translation, one suggestion shared equally among target
    codes the segment says nothing to tell apart (:func:`target_shares`), listed in the order
    the mapping gives them; charting a top suggestion takes the first."""
    if len(suggestions) < 2:
        return []
    top = suggestions[0].probability
    tied = [g.code_id for g in suggestions if math.isclose(g.probability, top, rel_tol=1e-9)]
    return tied if len(tied) > 1 else []


def tied_note(ties: Mapping[str, list[str]], target: str) -> str:
    """What charting the top suggestion does with exact ties (:func:`tied_top`), in a clause."""
    from .errors import first_few

    n = len(ties)
    return (
        f"the top suggestion of {n} segment{'s' if n != 1 else ''} is {_exact_tie(target)}, "
        f"charted under the first of them ({first_few(list(ties))})"
    )


def _exact_tie(target: str, of: str = "segment") -> str:
    """An exact tie (:func:`tied_top`) as the notes on it call it."""
    return f"an exact tie of several {target} codes (nothing in the {of} decides between them)"


def tied_text_note(names: Sequence[str], target: str, source: str) -> str:
    """What ``roqa suggest`` says under a text whose top suggestion is an exact tie
    (:func:`tied_top`) of the codes ``names``: as :func:`tied_note` says it of a segment, and
    that their order is the mapping's, not the model's."""
    from .errors import and_list

    return (
        f"the top suggestion is {_exact_tie(target, 'text')}: {and_list(names)} share one "
        f"{source} suggestion equally, listed in the mapping's order"
    )


def lower_only(
    suggestions: Sequence[Suggestion],
    walk: dict[str, list[str]],
    source: Codebook,
    target: Codebook,
) -> Suggestion | None:
    """The most probable of a model's suggestions (probability below 1) when it is a code of
    ``source`` with no counterpart in ``target``, so that its segment, charted at all, is
    charted only through a lower suggestion (small talk's Relative Priority at 0.27 falls
    through to Available Resources at 0.11, the seed study's "High staff turnover"); else
    ``None``. Table 2 in a codebook whose codes carry a side leaves such a segment out of its
    columns (:func:`~roqa_nlp.framework.table2_checks`)."""
    if not suggestions:
        return None
    top = max(suggestions, key=lambda g: g.probability)
    if top.probability >= 1.0 or top.code_id not in source:
        return None
    return top if reached(top, walk, source, target, sided=False) == [] else None


def sure_top_has_no_counterpart(
    suggestions: list[Suggestion],
    walk: dict[str, list[str]],
    source: Codebook,
    target: Codebook,
    *,
    targets: dict[str, list[str]] | None = None,
) -> bool:
    """Whether the most probable of a model's suggestions (probability below 1) is one the model
    is sure of (at or above :data:`~roqa_nlp.framework.SURE_CODE`) and a code of ``source`` that
    maps onto no codable code of ``target``: charted in ``target`` (``translate(...,
    top_decides=True)``), its segment gets no code. Below the line only it is left out.
    ``targets``: :func:`reached`'s."""
    if not suggestions:
        return False
    top = max(suggestions, key=lambda g: g.probability)
    if not SURE_CODE <= top.probability < 1.0 or top.code_id not in source:
        return False
    # one whose codes are all of the other side is charted under them (:func:`top_other_side`)
    return not reached(top, walk, source, target, sided=False, targets=targets)


def chart_with(result: CodingResult, target: Codebook) -> tuple[CodingResult, str | None]:
    """``result`` in ``target``'s codes: translated when ``target`` lacks some of its codes.

    The codes' codebook is the one the run recorded; for codings without a record (coded by
    hand, imported) it is the first built-in codebook that knows every code. A ``target`` that
    knows every code (the run's own codebook, or a project codebook extending it) is used as
    is. Returns the result and a one-line note when it was translated (else ``None``).
    """
    ids = {g.code_id for s in result.segments for g in s.suggestions}
    if all(i in target for i in ids):  # e.g. a project codebook that extends the run's
        return result, None
    source = source_codebook(result)  # never target: target lacks some of the codes
    if source is None or source.id == target.id:
        return result, None
    used = source.id
    translated = translate(result, source, target, top_decides=True)
    note = f"codes translated from {used} to {target.id} through the documented mapping"
    coded = {s.segment.id for s in translated if not (s.novel or s.procedural)}
    ties = {k: v for k, v in translated.meta["crosswalk"].get("tied", {}).items() if k in coded}
    if ties:
        note += "; " + tied_note(ties, target.id)
    found = translated.meta["crosswalk"].get("named", {})  # own code id -> target code id
    names = {g.code_id: g.name for s in result.segments for g in s.suggestions}
    named = {(cid, names[cid], to) for cid, to in found.items()}
    if named:
        one = len(named) == 1
        which = ", ".join(f"{name} ({cid})" for cid, name, _ in sorted(named))
        to = ", ".join(t for _, _, t in sorted(named))
        note += (
            f"; the project's own code{'' if one else 's'} {which} charted as {target.id}'s "
            f"{to} of {'that name' if one else 'those names'}"
        )
    return translated, note


def charted_suggestions(result: CodingResult, target: Codebook) -> CodingResult:
    """A model's ``result``, in its own codebook, with each segment's suggestions cut to those
    :func:`chart_with` shows in ``target``: the ones a charted code was translated from
    (:func:`suggestion_origins`) and the project's own codes; none for a segment whose sure top
    suggestion has no counterpart (:func:`sure_top_has_no_counterpart`). So the model's top
    code among them is the source of the top code the report, the review and
    codings.<codebook>.csv show (an unsure Individual Identification with Organization over
    Networks & Communications: Networks & Communications, shown as Relational Connections),
    and ``roqa agree`` counts that code, charted onto every code it maps onto, not the dropped
    one as a code outside ``target``. ``result`` as it is when it needs no translation."""
    ids = {g.code_id for s in result.segments for g in s.suggestions}
    source = source_codebook(result)
    if all(i in target for i in ids) or source is None or source.id == target.id:
        return result
    walk = crosswalk(source, target)
    segments = []
    for s in result.segments:
        kept: list[Suggestion] = []
        if not sure_top_has_no_counterpart(s.suggestions, walk, source, target):
            _, origins = translated_with_origins(
                s.suggestions, walk, source, target, s.segment.text
            )
            shown = set(origins.values())
            kept = [
                g
                for g in s.suggestions
                if g.code_id in shown or reached(g, walk, source, target) is None
            ]
        segments.append(s if kept == s.suggestions else dataclasses.replace(s, suggestions=kept))
    return result.with_segments(segments)  # in the codebook the codings carry, theirs


def _is_own_id(code_id: str) -> bool:
    """Whether ``code_id`` is the id of a project's own code: ``project.`` as a review names new
    codes, or a QDA program's GUID (not a typo'd codebook id, which stays an error on export)."""
    from .decisions import PROJECT_PREFIX
    from .exchange.refiqda import is_guid

    return code_id.startswith(PROJECT_PREFIX) or is_guid(code_id) or kept_code(code_id) is not None


def kept_id(source: Codebook, code_id: str) -> str:
    """The id a person's code of ``source`` with no counterpart in the codebook it is charted
    in is kept under (see the module notes): ``cfir-2009:CI.D``."""
    return f"{source.id}:{source.resolve(code_id).id}"


def kept_code(code_id: str) -> tuple[str, str] | None:
    """The built-in codebook and the code of it a :func:`kept_id` names, else ``None``."""
    book, sep, code = code_id.partition(":")
    if not sep or book not in BUILTIN:
        return None
    found = Codebook.load(book).find(code)
    return (book, code) if found is not None and found.id == code else None


def _no_counterpart(
    g: Suggestion, walk: dict[str, list[str]], source: Codebook, target: Codebook
) -> Suggestion | None:
    """A person's code ``g`` kept as it was given when it is a code of ``source`` with no
    counterpart in ``target`` (see the module notes), else ``None``."""
    if g.code_id not in source or reached(g, walk, source, target):
        return None
    code = source.resolve(g.code_id)
    return dataclasses.replace(
        g, code_id=kept_id(source, code.id), name=code.name, domain=None, probability=1.0
    )


def keep_given(
    result: CodingResult, charted: CodingResult, target: Codebook, who: str | None
) -> CodingResult:
    """``charted`` (``result``, a person's codings, translated into ``target``) with their codes
    that have no counterpart there kept (:func:`_no_counterpart`), recorded in
    ``meta["crosswalk"]["kept"]`` and named in one warning naming ``who`` (default: the user
    the codings record) (:func:`_record_kept`): the rule ``roqa agree``, ``roqa export
    --codebook`` (:func:`chart_codings`) and :meth:`CodingResult.translate
    <roqa_nlp.result.CodingResult.translate>` share."""
    source = source_codebook(result)
    if source is None or source.id == target.id:
        return charted
    walk = crosswalk(source, target)
    segments = []
    kept: dict[str, list[Suggestion]] = {}
    sided: set[str] = set()
    for s, t in zip(result.segments, charted.segments, strict=True):
        extra: list[Suggestion] = []
        for g in s.suggestions:
            k = _no_counterpart(g, walk, source, target)
            if k is not None and all(x.code_id != k.code_id for x in [*t.suggestions, *extra]):
                extra.append(k)
                kept.setdefault(k.code_id, []).append(k)
                if other_side_only(g, walk, source, target):
                    sided.add(k.code_id)
        segments.append(
            dataclasses.replace(t, suggestions=[*t.suggestions, *extra]) if extra else t
        )
    if not kept:
        return charted
    meta = copy.deepcopy(charted.meta)
    _record_kept(meta, kept, source, who, sided)
    emptied = _emptied(result.segments, segments)
    if emptied:
        meta["crosswalk"]["no_counterpart"] = emptied
    else:
        meta["crosswalk"].pop("no_counterpart", None)
    return CodingResult(segments, charted.transcripts, meta)


def _record_kept(
    meta: dict[str, Any],
    kept: Mapping[str, list[Suggestion]],
    source: Codebook,
    who: str | None,
    sided: Collection[str] = (),
) -> None:
    """Record the kept codes (kept id -> the source code's id) in ``meta["crosswalk"]`` and
    issue one :class:`~roqa_nlp.errors.RoqaWarning` naming each with its passages (and, for
    those in ``sided``, that their counterparts are all of the other side:
    :func:`other_side_only`)."""
    from .errors import warn

    order = {c.id: i for i, c in enumerate(source.codes)}
    codes = sorted(kept, key=lambda k: order.get(k.partition(":")[2], len(order)))
    meta["crosswalk"]["kept"] = {k: k.partition(":")[2] for k in codes}
    target = meta["crosswalk"]["to"]
    shown = ", ".join(
        f"{kept[k][0].name} ({source.id} {k.partition(':')[2]}, {len(kept[k])} "
        f"passage{'s' * (len(kept[k]) != 1)}"
        f"{', its codes there all of the other side' if k in sided else ''})"
        for k in codes
    )
    one = len(codes) == 1
    name = (meta.get("user") or {}).get("name") if who is None else who
    warn(
        (f"{name}: " if isinstance(name, str) and name else "")
        + f"{len(codes)} code{'' if one else 's'} {'has' if one else 'have'} no counterpart in "
        f"{target} and {'is' if one else 'are'} kept under {'its' if one else 'their'} own "
        f"name{'' if one else 's'}, as {'a code' if one else 'codes'} outside that codebook: "
        f"{shown}",
        stacklevel=5,
    )


def named_in(target: Codebook, name: str | None) -> Code | None:
    """The codable code of ``target`` named ``name`` (as :func:`~roqa_nlp.codebook.normalise_name`
    compares names; aliases do not count), else None (also without a name): the code a
    project's own code of that name is charted as."""
    from .codebook import normalise_name

    if not name:
        return None
    key = normalise_name(name)
    return next((c for c in target.codable if key and normalise_name(c.name) == key), None)


def base_codebook(model: Codebook) -> Codebook:
    """The codebook a model's codes come from: the built-in one a project codebook extends
    (``cfir-2009+project``: ``cfir-2009``), else the model's own."""
    base = model.id.removesuffix(PROJECT_SUFFIX)
    return Codebook.load(base) if base in BUILTIN and base != model.id else model


def own_codebook(result: CodingResult) -> Codebook | None:
    """The codebook not built in that ``result``'s codings record as theirs and carry
    (``result.codebook``: a review made in a researcher's own codebook, ``rop-v1+project``,
    read with the ``codebook.json`` beside it), else ``None``. Its codes are the codings' codes
    even when their names are names or aliases of a built-in codebook's codes."""
    wanted = next(iter(_recorded_ids(result.meta)), None)
    if wanted is None or wanted.removesuffix(PROJECT_SUFFIX) in BUILTIN:
        return None
    book = result.codebook
    return book if book is not None and book.id == wanted else None


def source_codebook(result: CodingResult) -> Codebook | None:
    """The codebook ``result``'s codes are of, to translate them from: the codebook it records
    and carries (:func:`own_codebook`) without the project's new codes, as a built-in one is
    (rop-v1 of ``rop-v1+project``: a new code is kept as it is, not as rop-v1's), else the
    built-in one of :func:`codebook_of`."""
    own = own_codebook(result)
    if own is not None:
        return without_new_codes(own)
    used = codebook_of(result)
    return None if used is None else Codebook.load(used)


def given_codebook(result: CodingResult) -> Codebook | None:
    """The codebook whose codes ``result``'s codings can give, to judge what they can reach
    (:func:`unreachable`): :func:`source_codebook` with the project's own codes, as the
    ``codebook.json`` the codings carry holds them (a model trained with a review's new code
    Critical Incidents, ``cfir-2009+project``), else as the codings use them. Without them,
    ``roqa agree`` said a model "can never give" the CFIR 2.0 codes its new codes are charted
    as, which ``roqa evaluate`` and ``roqa code`` count as reached (tester, session 62)."""
    source = source_codebook(result)
    if source is None:
        return None
    carried = result.codebook
    if carried is not None and _built_in_id(carried) == _built_in_id(source):
        return carried
    return with_project_codes(source, result)[0]


def without_new_codes(own: Codebook) -> Codebook:
    """A project codebook of the researcher's (``rop-v1+project``) without the codes reviews
    made (``project.…``): the version of their codebook it extends (``rop-v1``)."""
    from .decisions import PROJECT_PREFIX

    codes = [c for c in own.codes if not c.id.startswith(PROJECT_PREFIX)]
    return dataclasses.replace(own, id=_built_in_id(own), codes=codes)


def codebook_of(result: CodingResult) -> str | None:
    """The built-in codebook ``result``'s codes come from: the one its run recorded (for a
    project codebook that extends one, ``cfir-2009+project``, that one), else the first built-in
    codebook that knows every code, else the one that knows most of them (codings with a few
    codes of a project's own); ``None`` when no built-in codebook knows any, or when the
    codings record and carry a codebook of their own (:func:`own_codebook`): a codebook the
    codings record wins, so a code of a researcher's rop-v1 with the id of a CFIR 2.0 code
    ('NEED') does not make them CFIR 2.0 codings (regression hunt, session 46)."""
    recorded = recorded_codebook(result.meta)
    if recorded is not None:
        return recorded
    for value in _recorded_ids(result.meta):
        base = value.removesuffix(PROJECT_SUFFIX)
        if value.endswith(PROJECT_SUFFIX) and base in BUILTIN:
            return base
    if own_codebook(result) is not None:
        return None
    ids = {g.code_id for s in result.segments for g in s.suggestions}
    if not ids:
        return None
    every = builtin_codebook_with(ids, besides="")
    if every is not None:
        return every
    known = [(sum(i in Codebook.load(b) for i in ids), b) for b in BUILTIN]
    most = max(known, key=lambda kb: kb[0], default=(0, ""))  # the first of equals
    return most[1] if most[0] else None


def chart_codings(
    result: CodingResult, target: Codebook, *, person: bool, who: str | None = None
) -> tuple[CodingResult, str | None]:
    """:func:`chart_with` for comparing coders and exporting. A model's suggestions share their
    probability as in :func:`translate`; a person's codes are applied, not suggested, so every
    target code a person's code reaches is applied too (probability 1: a CFIR 2009 construct
    that maps onto two CFIR 2.0 constructs codes the segment with both), and one with no
    counterpart in ``target`` is kept under its own name, with a warning naming ``who`` (default:
    the user the codings record) and each such code (see the module notes). For counting a
    person's codes (Table 2, matrix, saturation) see :func:`chart_given`."""
    charted, note = chart_with(result, target)
    if note is None or not person:
        return charted, note
    charted = keep_given(result, charted, target, who)
    applied = [
        dataclasses.replace(
            s, suggestions=[dataclasses.replace(g, probability=1.0) for g in s.suggestions]
        )
        for s in charted.segments
    ]
    return CodingResult(applied, charted.transcripts, charted.meta), note


def in_version(result: CodingResult, version: Codebook) -> tuple[CodingResult, dict[str, str]]:
    """``result``, codings made in a version of the codebook ``version`` is (its id, perhaps
    another content: a team's cmh-rop v1 beside v2), with each code resolved in ``version`` by
    id, name or alias (:meth:`~roqa_nlp.codebook.Codebook.find`) and named and placed as it
    names and places it; a code it does not know (a project's new code, a code it dropped) as
    it is. Two codes of a segment that become one are one, the first kept. Also returns the
    ids resolved to another id (v1's IS.E.1 -> v2's IS.C, which keeps it as an alias).

    Before, codings recording the codebook's id were taken as they were, so v1's IS.E.1,
    merged into IS.C in v2, disagreed with a v2 review's IS.C, under v1's names, with or
    without ``roqa agree --codebook v2.json`` (tester, session 60)."""
    moved: dict[str, str] = {}
    segments = []
    for s in result.segments:
        kept: dict[str, Suggestion] = {}
        for g in s.suggestions:
            code = version.find(g.code_id)
            if code is None:
                kept.setdefault(g.code_id, g)
                continue
            if code.id != g.code_id:
                moved[g.code_id] = code.id
            resolved = dataclasses.replace(g, code_id=code.id, name=code.name, domain=code.domain)
            kept.setdefault(code.id, resolved)
        suggestions = list(kept.values())
        changed = suggestions != s.suggestions
        segments.append(dataclasses.replace(s, suggestions=suggestions) if changed else s)
    return result.with_segments(segments), moved


def several_counterparts(
    given: CodingResult, charted: CodingResult, target: Codebook
) -> dict[tuple[str, str, tuple[str, ...]], int]:
    """The codes of ``given`` (codings counted in their own codebook) that :func:`chart_codings`
    charted in ``target`` as several of its codes at once (CFIR 2009's External Policy &
    Incentives as three CFIR 2.0 codes; a researcher's mapping of OS.D onto ORG-MONEY and
    ORG-REG): (code id, name, the codes of ``target`` it became in ``charted``) -> the number
    of segments where it did. Each such code counts as every code it became when coders are
    compared, so one code given is several to agree or disagree on."""
    source = source_codebook(given)
    if source is None or source.id == target.id:
        return {}
    try:
        walk = crosswalk(source, target)
    except RoqaError:
        return {}
    after = {s.segment.id: {g.code_id for g in s.suggestions} for s in charted.segments}
    out: Counter[tuple[str, str, tuple[str, ...]]] = Counter()
    for s in given.segments:
        there = after.get(s.segment.id, set())
        for g in s.suggestions:
            became = tuple(t for t in walk.get(g.code_id, []) if t in there)
            if len(became) > 1 and g.code_id not in target:
                out[g.code_id, g.name, became] += 1
    return dict(out)


def chart_given(
    result: CodingResult, target: Codebook
) -> tuple[CodingResult, Codebook, str | None]:
    """A person's codings charted in ``target`` for counting (Table 2, the framework matrix,
    saturation, the report), with the codebook to chart them with and a one-line note when
    they were translated (else ``None``).

    As :func:`chart_codings` with ``person=True`` (every code applied, at probability 1; one
    with no counterpart in ``target`` kept under its own name, with a warning), except that a
    code of theirs that maps onto several codes of ``target`` (CFIR 2009's
    External Policy & Incentives: CFIR 2.0's Policies & Laws, Financing and
    Performance-Measurement Pressure) is charted once, as the code they gave: a code of its
    own, ``cfir-2009:OS.D`` "External Policy & Incentives (cfir-2009): one of Policies & Laws /
    Financing / Performance-Measurement Pressure", under the domain its counterparts share, or,
    when they lie in several, under a heading of such codes after the codebook's domains. So
    one passage is one segment of one row, not a segment of each counterpart that the person
    never chose between. (Comparing coders and exporting to a QDA program need codes of
    ``target``: there every counterpart is applied, :func:`chart_codings`.) A code reaching
    different counterparts by valence (a seed-study theme is a barrier or an enabler) has a
    row for each set, the second ``cfir-2009:OS.D/2``. A construct with no entry of its own,
    reaching codes only through its sub-constructs (:func:`_mapped_below`), is charted as given
    even where its side leaves one: Implementation Climate as a barrier, "perhaps High staff
    turnover", was that theme (tester outputs, session 71). The returned codebook is ``target``
    with these codes, under its own id.
    """
    ids = {g.code_id for s in result.segments for g in s.suggestions}
    if all(i in target for i in ids):
        return result, target, None
    source = source_codebook(result)
    if source is None or source.id == target.id:
        return result, target, None
    walk = crosswalk(source, target)
    rows: dict[tuple[str, tuple[str, ...]], Code] = {}
    segments = []
    kept: dict[str, list[Suggestion]] = {}
    sided: set[str] = set()
    kept_ids = {
        k.code_id
        for s in result.segments
        for g in s.suggestions
        if (k := _no_counterpart(g, walk, source, target)) is not None
    }
    for s in result.segments:
        given: dict[str, Suggestion] = {}
        for g in s.suggestions:
            k = _no_counterpart(g, walk, source, target)
            if k is not None:
                if k.code_id not in given:
                    given[k.code_id] = k
                    kept.setdefault(k.code_id, []).append(k)
                    if other_side_only(g, walk, source, target):
                        sided.add(k.code_id)
                continue
            to = reached(g, walk, source, target)
            # a construct reaching codes only through its sub-constructs is charted as given
            # even where they come to one code (its side's only theme): the reviewer chose none
            through = g.code_id in source and bool(_mapped_below(g.code_id, walk, source))
            if to is None or (len(to) < 2 and not through):
                for t in translate_suggestions([g], walk, source, target):
                    given.setdefault(t.code_id, dataclasses.replace(t, probability=1.0))
                continue
            key = (source.resolve(g.code_id).id, tuple(to))
            if key not in rows:
                # the code's passages of the other side, kept under its own id, are not these
                sets = sum(k[0] == key[0] for k in rows) + (kept_id(source, key[0]) in kept_ids)
                rows[key] = _one_of(source, target, key[0], to, sets + 1, through=through)
            code = rows[key]
            given.setdefault(
                code.id,
                dataclasses.replace(
                    g, code_id=code.id, name=code.name, domain=code.domain, probability=1.0
                ),
            )
        segments.append(dataclasses.replace(s, suggestions=list(given.values())))
    meta = copy.deepcopy(result.meta)
    meta["codebook"] = target.id
    walked: dict[str, Any] = {"from": source.id, "to": target.id}
    record_unreachable(walked, source, target)
    walked["one_of"] = {c.id: list(k[1]) for k, c in rows.items()}
    named = _named(result, source, target)
    if named:
        walked["named"] = named
    meta["crosswalk"] = walked
    if kept:
        _record_kept(meta, kept, source, None, sided)
    charted = CodingResult(segments, dict(result.transcripts), meta)
    note = f"codes translated from {source.id} to {target.id} through the documented mapping"
    return charted, _with_rows(target, source, list(rows.values())), note


#: what separates the codes a person's code with several counterparts may be, in the name it is
#: charted under (:func:`_one_of`): no packaged codebook's code name holds it, nor ";"
ONE_OF_SEPARATOR = " / "


def _one_of(
    source: Codebook,
    target: Codebook,
    code_id: str,
    to: list[str],
    n: int,
    *,
    through: bool = False,
) -> Code:
    """The code a person's source code that maps onto the target codes ``to`` is charted as
    (:func:`chart_given`); ``n``: the how-manieth set of target codes of that code; ``through``:
    it reaches them only through its sub-constructs (:func:`_mapped_below`), so a single code
    of ``to`` is what it may be, "perhaps" that code."""
    code = source[code_id]
    domains = list(dict.fromkeys(target[t].domain for t in to))
    # " / ", not "; ": a cell of several codes separates them by ";" (CODE_SEPARATOR, as
    # saturation's new codes and the code cells roqa agree and evaluate read), so a ";" here
    # would split this one code into several there
    if len(domains) == 1:
        names = ONE_OF_SEPARATOR.join(target[t].name for t in to)
    else:
        names = ONE_OF_SEPARATOR.join(
            ONE_OF_SEPARATOR.join(target[t].name for t in to if target[t].domain == d)
            + f" ({target[d].name if d is not None and d in target else 'no domain'})"
            for d in domains
        )
    where = domains[0] if len(domains) == 1 else source.id
    maps = (
        f"which has no mapping entry of its own and maps onto {target.id} codes only through its "
        f"sub-constructs ({', '.join(to)})"
        if through
        else f"which maps onto several {target.id} codes ({', '.join(to)})"
    )
    return Code(
        id=f"{source.id}:{code.id}" + (f"/{n}" if n > 1 else ""),
        name=f"{code.name} ({source.id}): {'one of' if len(to) > 1 else 'perhaps'} {names}",
        level="construct",
        parent=where,
        domain=where,
        description=f"The {source.id} code {code.name}, {maps}, charted once as it was given.",
    )


def _with_rows(target: Codebook, source: Codebook, rows: list[Code]) -> Codebook:
    """``target`` with :func:`_one_of` codes, each after the last code of its domain; those
    whose counterparts lie in several domains under a heading of their own, last."""
    if not rows:
        return target
    codes = list(target.codes)
    across = [r for r in rows if r.domain == source.id]
    for r in (r for r in rows if r.domain != source.id):
        last = max((i for i, c in enumerate(codes) if r.domain in (c.id, c.domain)), default=-1)
        codes.insert(last + 1 if last >= 0 else len(codes), r)
    if across:
        heading = Code(
            id=source.id,
            name="Codes with counterparts in several domains",
            level="domain",
            codable=False,
        )
        codes += [heading, *across]
    return dataclasses.replace(target, codes=codes)


def _named(result: CodingResult, source: Codebook, target: Codebook) -> dict[str, str]:
    """The project's own codes of ``result`` named as a code of ``target`` (:func:`named_in`),
    each with that code's id."""
    out: dict[str, str] = {}
    for s in result.segments:
        for g in s.suggestions:
            if g.code_id in out or g.code_id in source or g.code_id in target:
                continue
            same = named_in(target, g.name) if _is_own_id(g.code_id) else None
            if same is not None:
                out[g.code_id] = same.id
    return out


def project_codes(book: Codebook, result: CodingResult, own: Codebook | None = None) -> list[Code]:
    """The project's own codes ``result`` uses that ``book`` lacks, as top-level codes of their
    own: what a crosswalk keeps as it is (see the module notes) when the codings are charted in
    another codebook, e.g. a new code named in a review charted in CFIR 2.0.

    A project's own code is in no built-in codebook and is a code of ``own`` (the codings'
    project codebook: ``cfir-2009+project``, or the ``codebook.json`` of a QDA project ``roqa
    import`` read, whose own codes keep their GUIDs as ids), or has the id of one (``project.``
    as a review names new codes, or a QDA program's GUID) and is named after its suggestion.
    Any other code ``book`` lacks (a typo'd id) is not one: the export refuses it."""
    builtins = [Codebook.load(b) for b in BUILTIN]
    found: dict[str, Code] = {}
    for s in result.segments:
        for g in s.suggestions:
            cid = g.code_id
            if cid in found or book.find(cid) is not None:
                continue
            if any(b.find(cid) is not None for b in builtins):
                continue
            code = None if own is None else own.find(cid)
            if code is None and _is_own_id(cid):
                code = Code(id=cid, name=g.name or cid, level="code")
            if code is not None:  # kept under its own id, whatever its parent was in ``own``
                found[cid] = dataclasses.replace(
                    code, level="code", parent=None, domain=None, codable=True
                )
    return list(found.values())


def recorded_codes(result: CodingResult) -> Codebook | None:
    """The codebook whose codes ``result``'s codings record they are in: the project codebook
    they carry (:func:`own_codebook`), else the built-in one their run (or the one a project
    codebook of theirs extends) records; ``None`` when they record none known here, so their
    codes cannot be judged."""
    own = own_codebook(result)
    if own is not None:
        return own
    for value in _recorded_ids(result.meta):
        if (base := value.removesuffix(PROJECT_SUFFIX)) in BUILTIN:
            return Codebook.load(base)
    return None


def without_unknown_codes(result: CodingResult) -> CodingResult:
    """``result`` without the suggestions of codes that are in neither the codebook its
    codings record (:func:`recorded_codes`, by id, name or alias) nor a project's own (a
    review's new code, a QDA program's GUID, a kept code): an id typed into codings.jsonl by
    hand (``ZZ.BOGUS``) was charted in the matrix and Table 2 under the name beside it, a
    CFIR construct's, with only the warning that the file changed since its run (session 54).
    One warning names the file, each such code and the line it is on."""
    from .errors import warn

    book = recorded_codes(result)
    if book is None:
        return result
    unknown: list[tuple[str, str]] = []  # (code id, segment id)
    segments = []
    for s in result.segments:
        kept = [g for g in s.suggestions if book.find(g.code_id) or _is_own_id(g.code_id)]
        unknown += [(g.code_id, s.segment.id) for g in s.suggestions if g not in kept]
        segments.append(dataclasses.replace(s, suggestions=kept))
    if not unknown:
        return result
    from .errors import first_and_count, quoted

    def place(sid: str) -> str:
        return f"line {result.lines[sid]} ({sid})" if sid in result.lines else sid

    if len(unknown) == 1:
        code, sid = unknown[0]
        said = f"{place(sid)} gives the code {quoted(code)}, which is not in codebook {book.id!r}"
        asked = book.did_you_mean(code)
    else:
        said = f"{len(unknown)} codes given are not in codebook {book.id!r}: " + first_and_count(
            [f"{quoted(c)} in {place(sid)}" for c, sid in unknown], 3
        )
        asked = None
    warn(
        f"{said} (typed in by hand?): left out of the report, the matrix and the tables "
        f"({asked + ' ' if asked else ''}correct the line to a code of {book.id}, or run roqa "
        "code again)",
        path=result.source,
        stacklevel=2,
    )
    return result.with_segments(segments)


def with_project_codes(
    book: Codebook, result: CodingResult, own: Codebook | None = None
) -> tuple[Codebook, list[Code]]:
    """``book`` with :func:`project_codes` appended (its id ending ``+project``, as a project
    codebook's does), and those codes; ``book`` itself when the codings use none."""
    codes = project_codes(book, result, own)
    if not codes:
        return book, []
    pid = book.id if book.id.endswith(PROJECT_SUFFIX) else f"{book.id}{PROJECT_SUFFIX}"
    return book.with_codes(codes, id=pid), codes


def _targets(code_id: str, walk: dict[str, list[str]], source: Codebook) -> list[str]:
    """Target ids of a source code: its own; else, for a construct whose sub-constructs have
    entries (CFIR 2009's Implementation Climate, whose sub-constructs CFIR 2.0 made constructs),
    theirs together; else its parent's (a sub-construct's construct)."""
    if walk.get(code_id):
        return walk[code_id]
    below = _mapped_below(code_id, walk, source)
    if below:
        return list(dict.fromkeys(t for c in below for t in walk[c]))
    seen: set[str] = {code_id}
    code = source.find(code_id)
    key = code.parent if code is not None else None
    while key is not None and key not in seen:
        if walk.get(key):
            return walk[key]
        seen.add(key)
        code = source.find(key)
        key = code.parent if code is not None else None
    return []


def _mapped_below(code_id: str, walk: dict[str, list[str]], source: Codebook) -> list[str]:
    """The sub-constructs with entries of a code with none of its own, through which it reaches
    its target codes (:func:`_targets`); empty for a code with an entry of its own."""
    if walk.get(code_id):
        return []
    return [c.id for c in source if c.parent == code_id and walk.get(c.id)]


def _translate_segment(
    s: SegmentResult, walk: dict[str, list[str]], source: Codebook, target: Codebook
) -> SegmentResult:
    return dataclasses.replace(
        s, suggestions=translate_suggestions(s.suggestions, walk, source, target, s.segment.text)
    )


def record_unreachable(walk: dict[str, Any], source: Codebook, target: Codebook) -> None:
    """Record in ``walk`` (``meta["crosswalk"]``) the codes of ``target`` that codings translated
    from ``source``, a codebook of one's own, can never carry (:func:`unreachable`), as
    :func:`~roqa_nlp.framework.uncodable` names them: a built-in source's are judged again from
    its packaged mapping, so nothing is recorded for one (nor for a source without a mapping)."""
    from .framework import UNREACHABLE

    if source.id in BUILTIN or source.id == target.id:
        return
    try:
        never = unreachable(source, target)
    except RoqaError:  # no mapping: the translation's own error or note says so
        return
    walk[UNREACHABLE] = [c.id for c in target.codable if c.id in never]


def unreachable(source: Codebook, target: Codebook) -> set[str]:
    """The codable codes of ``target`` no codable code of ``source`` maps onto: a model coding in
    ``source`` never suggests them (CFIR 2.0's Funding, Teaming, Critical Incidents ... from CFIR
    2009), unless a project's own code of ``source`` is named as one (:func:`named_in`)."""
    walk = crosswalk(source, target)
    found = {t for c in source.codable for t in _targets(c.id, walk, source)}
    for c in source.codable:
        same = named_in(target, c.name) if c.id not in walk else None
        if same is not None and builtin_codebook_with([c.id], besides="") is None:
            found.add(same.id)  # a project's own code (project.critical-incidents)
    return {c.id for c in target.codable if c.id not in found}


def trained_counterparts(code_ids: Sequence[str], source: Codebook, target: Codebook) -> list[str]:
    """The codes of ``target`` a training record coded ``code_ids`` in ``source`` is trained as
    (``roqa train --codebook cfir-2022`` on records coded in CFIR 2009): every codable
    counterpart of each code (:func:`_targets`), as a person's code is applied when compared or
    exported (:func:`chart_codings`), each learnt with its share of the record's weight: Other
    Personal Attributes is Need, Capability, Opportunity and Motivation. [] when no code has a
    counterpart (CFIR 2009's Individual Identification with Organization, which CFIR 2.0
    dropped). Session 77 measured this against the counterparts the record's words fit best
    (:func:`target_shares`): on a CFIR 2.0 study's 53 coded segments and the development set
    in CFIR 2.0, top-1 and domain were as high or higher with every counterpart
    (benchmarks/results/classifier_comparison.md)."""
    walk = crosswalk(source, target)
    out: dict[str, None] = {}
    for code_id in code_ids:
        out.update(
            (t, None)
            for t in _targets(code_id, walk, source)
            if (c := target.find(t)) and c.codable
        )
    return list(out)


def translate_rows(
    rows: list[list[Suggestion]],
    source: Codebook,
    target: Codebook,
    texts: list[str] | None = None,
) -> list[list[Suggestion]]:
    """Each segment's ranked suggestions (one list per segment, its text in ``texts``) as codes
    of ``target`` (:func:`translate_suggestions`)."""
    walk = crosswalk(source, target)
    said = texts if texts is not None else [None] * len(rows)
    return [
        translate_suggestions(r, walk, source, target, t) for r, t in zip(rows, said, strict=True)
    ]


#: Endings dropped from a word before segment and code words are compared, longest first, when
#: at least three letters are left ("housing" and "house", "families" and "family", "culturally"
#: and "culture" meet); a final "y" only after a consonant ("stay" stays).
_ENDINGS = ("ally", "ies", "ing", "ed", "es", "al", "ly", "s", "y", "e")


@lru_cache(maxsize=1 << 16)  # a study says the same words again and again
def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            if ending == "y" and word[-2] in "aeiou":
                continue
            return word[: -len(ending)]
    return word


class Said(Counter[str]):
    """A text's :func:`_words`, each with how many times it is said, and :attr:`sequence`: every
    word of it in order, stop words too (:func:`_stem` ends dropped), to find where it says a
    code's alias as the alias, its words side by side."""

    sequence: tuple[str, ...] = ()


def _words(text: str) -> Said:
    """The words of ``text`` (stop words left out, :func:`_stem` ends dropped), each with how
    many times it is said, and their :attr:`Said.sequence`."""
    from .open_coding import english_stop_words

    stop = english_stop_words()
    tokens = lexical.TOKEN.findall(text.lower())
    said = Said(_stem(w) for w in tokens if w not in stop)
    said.sequence = tuple(_stem(w) for w in tokens)
    return said


#: what ends a run of words said side by side in a code's text (:func:`_pairs`)
_PHRASE_BREAK = re.compile(r"[.,;:!?()\[\]\u2013\u2014]")


def _pairs(text: str) -> set[tuple[str, str]]:
    """The pairs of words ``text`` says side by side (:func:`_stem` ends dropped), neither a stop
    word nor across punctuation: "such as team leaders, service ..." says ("team", "leader")."""
    from .open_coding import english_stop_words

    stop = english_stop_words()
    out: set[tuple[str, str]] = set()
    for run in _PHRASE_BREAK.split(text.lower()):
        tokens = lexical.TOKEN.findall(run)
        out.update(
            (_stem(a), _stem(b))
            for a, b in zip(tokens, tokens[1:])
            if a not in stop and b not in stop
        )
    return out


#: How much more a word of a target code's name, or of an alias the segment says whole, weighs
#: than a word of its description only: the name is what the code is about, the description also
#: its examples and setting (:func:`_weight`).
NAME_WEIGHT = 2.0


class CodeWords(NamedTuple):
    """A codebook's :func:`_code_words`, each by code id but :attr:`rarity`."""

    #: each codable code's words, each weighing :data:`NAME_WEIGHT` or 1 (:func:`_weight`)
    words: dict[str, dict[str, float]]
    #: each word's rarity: the log of how many codes there are over how many use it
    rarity: dict[str, float]
    #: the words of each code's name
    named: dict[str, frozenset[str]]
    #: each code's aliases, each as its :attr:`Said.sequence`
    aliases: dict[str, tuple[tuple[str, ...], ...]]
    #: the words of the part of each code's description about it (and the topics handed on to it)
    described: dict[str, frozenset[str]]
    #: every word each code's name, aliases and whole description say ("Not ..." sentences too)
    spoken: dict[str, frozenset[str]]
    #: each pair of words some codes' names, aliases and descriptions about them say side by
    #: side (:func:`_pairs`), with the ids of those codes: "team leaders" of Mid-level Leaders'
    #: "such as team leaders", which a segment's "senior team leader" says, and not High-level
    #: Leaders' alias "Senior team"
    titled: dict[tuple[str, str], frozenset[str]] = {}


def _code_words(target: Codebook) -> CodeWords:
    """Each codable code's words with their weight in it (:data:`NAME_WEIGHT` for a word of its
    name or aliases, 1 for one of its description only), and each word's rarity: the log of how
    many codable codes there are over how many use it. A description's sentences naming what
    the code is not count for the codes they name, not for it (:func:`_code_texts`): counted
    for it, they won the topic for the code excluding it (s61 tester: "the channels we use to
    pass on information" went to Relational Connections, whose description ends "Not the
    channels used to pass on information (Communications)", and Communications showed 0.000).
    The words of the codebook's own name that no domain's name (or alias) uses are left out:
    its setting ("mental health providers"), which every code's talk is about, says which code
    none is; a word a domain names too ("community": "Limited community capacity") tells that
    domain's codes apart."""
    domains = " ".join(" ".join([d.name, *d.aliases]) for d in target.domains)
    return _words_of_codes(
        _code_texts(target), frozenset(set(_words(target.name)) - set(_words(domains)))
    )


def _code_texts(book: Codebook) -> tuple[tuple[str, tuple[str, ...], str, str], ...]:
    """Each codable code's id, its name and aliases, its whole description, and the text of its
    description that is
    about it: its :func:`~roqa_nlp.codebook.description_scope` and the topics other codes'
    descriptions hand on to it by name (:func:`~roqa_nlp.codebook.description_exclusions`:
    Relational Connections' "Not the channels used to pass on information (Communications)"
    gives Communications "the channels used to pass on information"; a name the codebook does
    not know gives nothing, nor a topic handed on to several codes)."""
    codes = tuple(book.codes)
    texts = _CODE_TEXTS.get(codes)
    if texts is None:
        handed: dict[str, list[str]] = {}
        for c in codes:
            for topic, names in description_exclusions(c.description or ""):
                # a topic handed on to several codes tells none of them apart from the others
                # (regression hunt, s61: "Not leaders' own backing (High-level Leaders,
                # Mid-level Leaders)" tied the two on "backed it")
                found = [code for name in names if (code := book.find(name)) is not None]
                if len(found) == 1 and found[0].id != c.id:
                    handed.setdefault(found[0].id, []).append(topic)
        texts = tuple(
            (
                c.id,
                (c.name, *c.aliases),
                c.description or "",
                " ".join([description_scope(c.description or ""), *handed.get(c.id, [])]),
            )
            for c in codes
            if c.codable
        )
        if len(_CODE_TEXTS) >= 16:
            _CODE_TEXTS.clear()
        _CODE_TEXTS[codes] = texts
    return texts


#: :func:`_code_texts` of the codebooks asked for, by their codes: a translation asks for them
#: again for each segment, and the same codes give the same texts
_CODE_TEXTS: dict[tuple[Code, ...], tuple[tuple[str, tuple[str, ...], str, str], ...]] = {}


@lru_cache(maxsize=16)
def _words_of_codes(
    codes: tuple[tuple[str, tuple[str, ...], str, str], ...],
    setting: frozenset[str] = frozenset(),
) -> CodeWords:
    words: dict[str, dict[str, float]] = {}
    named: dict[str, frozenset[str]] = {}
    phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
    described: dict[str, frozenset[str]] = {}
    spoken: dict[str, frozenset[str]] = {}
    by_pair: dict[tuple[str, str], set[str]] = {}
    # the codebook's setting (:func:`_code_words`): a code naming it ("Mental health stigma")
    # is not what talk of physical health is about, though no other code's name says "health"
    # (s52 codebooks tester, finding 2)
    for code_id, (name, *aliases), whole, description in codes:
        named[code_id] = frozenset(set(_words(name)) - setting)
        said = [_words(a) for a in aliases]
        phrases[code_id] = tuple(a.sequence for a in said if a.sequence)
        alias_words = set().union(*said) - setting
        described[code_id] = frozenset(set(_words(description)) - setting)
        spoken[code_id] = frozenset(set(_words(" ".join([name, *aliases, whole]))) - setting)
        for p in {p for text in (name, *aliases, description) for p in _pairs(text)}:
            by_pair.setdefault(p, set()).add(code_id)
        # in sorted order, not the set's (which changes with PYTHONHASHSEED): the shares are
        # sums over these words, the same bits in every process
        words[code_id] = {
            w: NAME_WEIGHT if w in named[code_id] or w in alias_words else 1.0
            for w in sorted(named[code_id] | alias_words | described[code_id])
        }
    uses = Counter(w for ws in words.values() for w in ws)
    n = len(words)
    rarity = {w: math.log(n / k) for w, k in uses.items()}
    titled = {p: frozenset(codes) for p, codes in by_pair.items()}
    return CodeWords(words, rarity, named, phrases, described, spoken, titled)


def target_shares(text: str, ids: list[str], target: Codebook) -> list[float]:
    """How well a segment saying ``text`` fits each of the target codes ``ids`` a suggestion
    reaches: the softmax of the words each code has in common with the segment, each word
    weighted by its rarity and by whether it names the code (equal shares when no code has any);
    sums to 1. The code of the largest share carries the suggestion's probability, each other
    one that probability times its share over the largest (see the module notes)."""
    return _target_shares(_words(text), ids, _code_words(target))


def _target_shares(said: Counter[str], ids: list[str], code_words: CodeWords) -> list[float]:
    """:func:`target_shares` of the segment's words ``said`` (each with how many times it is
    said: :func:`_words`) and the target's :func:`_code_words`."""
    words, rarity = code_words.words, code_words.rarity
    scores = [
        sum(
            rarity[w] * _weight(w, k, t, ids, said, code_words)
            for w, k in words.get(t, {}).items()
            if w in said
        )
        for t in ids
    ]
    top = max(scores)
    exp = [math.exp(x - top) for x in scores]
    total = sum(exp)
    return [e / total for e in exp]


def _weight(
    word: str, weight: float, code: str, ids: list[str], said: Counter[str], code_words: CodeWords
) -> float:
    """``word``'s weight in ``code`` against the other codes of ``ids``, times how often the
    segment ``said`` says it: a description word's (1) each time, a word of the code's name or of
    a one-word alias :data:`NAME_WEIGHT` each time. A word of an alias of several words weighs
    :data:`NAME_WEIGHT` where the segment says the alias, its words side by side ("middle
    managers", "middle and senior managers"). Said apart from it, the word weighs nothing if the
    code's description does not say it too ("middle" of the year is no Mid-level Leaders; s69
    hunt h_crosswalk M1); :data:`NAME_WEIGHT` if no other code of ``ids`` speaks of it in its
    name, aliases or whole description, as "funding" alone still says Financing ("External
    funding") against Policies & Laws and Performance-Measurement Pressure (hunt R1); else 1:
    where another speaks of it, even to rule it out (High-level Leaders' "Not managers of a
    single team or service"), only the alias's other words tell the two apart, and "every
    managers' meeting" is not Mid-level Leaders' "Middle managers" (s69 seed13 tester, defect
    4)."""
    times = said[word]
    if weight == 1.0 or word in code_words.named.get(code, ()):
        return weight * times
    aliases = [phrase for phrase in code_words.aliases.get(code, ()) if word in phrase]
    if (word,) in aliases:
        return weight * times  # a one-word alias ("housing"), said whole wherever it is said
    sequence = getattr(said, "sequence", ())
    as_alias: set[int] = set()
    in_title: set[int] = set()  # said in another role's title: this code's not at all
    others = set(ids) - {code}
    for phrase in aliases:
        own = set(phrase) & code_words.words.get(code, {}).keys()
        pairs = set(zip(phrase, phrase[1:]))
        # its words in order, or (two words of its own or more) all within a span two words
        # longer than it: "middle and senior managers", "we work jointly with families"
        n = len(phrase) if len(own) < 2 else len(phrase) + 2
        for i in range(len(sequence)):
            span = sequence[i : i + n]
            if span[: len(phrase)] == phrase or (len(own) > 1 and own <= set(span)):
                at = [j for j in range(i, i + len(span)) if sequence[j] in phrase]
                here = {j for j in at if sequence[j] == word}
                # the alias said as the start of a longer title another code names ("senior
                # team leader": Mid-level Leaders' "team leaders"), from its first word to the
                # one after its last, is that title (s71 tester: High-level Leaders at 0.996)
                title = sequence[at[0] : at[-1] + 2]
                if any(
                    p not in pairs and not others.isdisjoint(code_words.titled.get(p, ()))
                    for p in zip(title, title[1:])
                ):
                    in_title.update(here)
                else:
                    as_alias.update(here)
    as_alias -= in_title
    alone = times - len(as_alias) - len(in_title)
    if word not in code_words.described.get(code, ()):
        alone_weight = 0.0
    elif any(word in code_words.spoken.get(other, ()) for other in ids if other != code):
        alone_weight = 1.0
    else:
        alone_weight = weight
    return weight * len(as_alias) + alone_weight * alone


def reached(
    g: Suggestion,
    walk: dict[str, list[str]],
    source: Codebook,
    target: Codebook,
    *,
    sided: bool = True,
    targets: dict[Any, Any] | None = None,
) -> list[str] | None:
    """The codable codes of ``target`` a suggestion goes to (see the module notes): those its
    code maps onto, kept to the ones of its valence where the target codes carry one; for a
    project's own code (in neither codebook) the target code named as it is, else ``None``:
    the code is kept as it is. A valence the model is sure of (:func:`sure_side`; ``sided``
    False: none is) reaches only codes of its side; an unsure one those of its side, unless
    its code maps only onto codes of the other side: then those. ``targets``: each code's
    codable codes of ``target`` (:func:`_codable_targets`) found so far for this ``walk``, kept
    in it as they are found (a page of segments asks for the same few codes again and again),
    and so is what each kind of suggestion reaches (the caller must not change the list):
    all it depends on is the code, its name, its valence, whether that is sure and ``sided``
    (a report of 2,990 segments asked 32,304 times for 39 codes)."""
    if targets is None:
        return _reached(g, walk, source, target, sided=sided)
    key = (_REACHED, g.code_id, g.name, g.valence, sure_side(g), sided)
    if key not in targets:
        targets[key] = _reached(g, walk, source, target, sided=sided, targets=targets)
    found: list[str] | None = targets[key]
    return found


#: What :func:`reached` keeps its answers under in ``targets`` (beside the codes' targets).
_REACHED = "reached"


def _reached(
    g: Suggestion,
    walk: dict[str, list[str]],
    source: Codebook,
    target: Codebook,
    *,
    sided: bool = True,
    targets: dict[Any, Any] | None = None,
) -> list[str] | None:
    """:func:`reached`, worked out."""
    if g.code_id not in source and g.code_id not in target:
        same = named_in(target, g.name) if _is_own_id(g.code_id) else None
        return None if same is None else [same.id]  # named like a code of the target: that code
    if g.code_id not in source and target[g.code_id].codable:
        # already a code of the target: a project's own code ``roqa agree`` matched to it by
        # name (project.critical-incidents as OUT.A), or its name typed as the code
        return [target[g.code_id].id]
    ids = _codable_targets(g.code_id, walk, source, target, targets)
    if not any(target[t].valence in SIDES for t in ids):
        return ids
    if sided and sure_side(g):
        # a sure barrier is never charted as an enabler code (nor the other way): a code whose
        # counterparts are all of the other side reaches none (:func:`other_side_only`)
        return [t for t in ids if target[t].valence in (g.valence, None, "neutral")]
    if any(target[t].valence == g.valence for t in ids):  # its side's, or a neutral theme's
        return [t for t in ids if target[t].valence in (g.valence, None, "neutral")]
    return ids  # an unsure valence (or neutral talk) none of whose codes is of its side


def _codable_targets(
    code_id: str,
    walk: dict[str, list[str]],
    source: Codebook,
    target: Codebook,
    found: dict[str, list[str]] | None = None,
) -> list[str]:
    """The codable codes of ``target`` the ``source`` code ``code_id`` maps onto (kept in
    ``found``, when given, and read from it the next time: the caller must not change them)."""
    if found is not None and code_id in found:
        return found[code_id]
    ids = [t for t in _targets(code_id, walk, source) if t in target and target[t].codable]
    if found is not None:
        found[code_id] = ids
    return ids


def sure_side(g: Suggestion) -> bool:
    """Whether ``g`` is a barrier or an enabler whose valence is sure: a person's (no valence
    probability), or the model's at :data:`~roqa_nlp.framework.SURE_VALENCE` or more (below it
    the report marks the quote "valence unsure")."""
    return g.valence in SIDES and (
        g.valence_probability is None or g.valence_probability >= SURE_VALENCE
    )


#: The valences that put a segment on a side of Table 2, and a target code on one
SIDES = ("barrier", "enabler")


def other_side_only(
    g: Suggestion,
    walk: dict[str, list[str]],
    source: Codebook,
    target: Codebook,
    *,
    targets: dict[str, list[str]] | None = None,
) -> bool:
    """Whether suggestion ``g``, a barrier or an enabler whose valence is sure
    (:func:`sure_side`), reaches no code of ``target`` only because every codable code its code
    maps onto is of the other side (CFIR 2009's Leadership Engagement as an enabler: the seed
    study charted it as "Risk-averse provider organisations", a barrier, alone)."""
    if not sure_side(g) or g.code_id not in source:
        return False
    ids = _codable_targets(g.code_id, walk, source, target, targets)
    return bool(ids) and not reached(g, walk, source, target, targets=targets)


def top_other_side(
    suggestions: Sequence[Suggestion],
    walk: dict[str, list[str]],
    source: Codebook,
    target: Codebook,
    *,
    targets: dict[str, list[str]] | None = None,
) -> bool:
    """Whether the most probable of a model's suggestions (probability below 1) is a barrier or
    enabler the model is sure of whose code maps only onto codes of the other side
    (:func:`other_side_only`): the segment is charted under those codes for review and in the
    framework matrix, its valence as the model gave it, but never in a column of Table 2
    (``meta["crosswalk"]["other_side"]``)."""
    if not suggestions:
        return False
    top = max(suggestions, key=lambda g: g.probability)
    return top.probability < 1.0 and other_side_only(top, walk, source, target, targets=targets)


def other_side_sentence(n: int, target: str) -> str:
    """The sentence Table 2 (its Word note, its workbook's About sheet, the report's section and
    the line ``roqa report --table X.csv`` prints) counts the segments of
    :func:`top_other_side` with; empty for none."""
    if not n:
        return ""
    one = n == 1
    return (
        f"{n} segment{'' if one else 's'} of a barrier or an enabler the model is sure of "
        f"{'is' if one else 'are'} left out of Table 2's columns: {'its' if one else 'their'} "
        f"code maps only onto {target} codes of the other side (the matrix and the review show "
        f"{'it' if one else 'them'} under those codes)."
    )


def translate_suggestions(
    suggestions: list[Suggestion],
    walk: dict[str, list[str]],
    source: Codebook,
    target: Codebook,
    text: str | None = None,
) -> list[Suggestion]:
    """One segment's ranked suggestions as codes of ``target``, in the model's ranking
    (``walk``: :func:`crosswalk` of the two; see the module notes for the order and the
    probabilities: by the segment's ``text`` where one suggestion reaches several codes, equal
    without it)."""
    return translated_with_origins(suggestions, walk, source, target, text)[0]


def suggestion_origins(
    suggestions: list[Suggestion],
    walk: dict[str, list[str]],
    source: Codebook,
    target: Codebook,
    text: str | None = None,
) -> dict[str, str]:
    """Each target code of :func:`translate_suggestions` -> the code of the suggestion it was
    translated from: the one that gave it its probability, whose valence and evidence it
    carries (a researcher who accepts Policies & Laws, shown for External Policy & Incentives,
    accepts that suggestion)."""
    return translated_with_origins(suggestions, walk, source, target, text)[1]


def translated_with_origins(
    suggestions: list[Suggestion],
    walk: dict[str, list[str]],
    source: Codebook,
    target: Codebook,
    text: str | None = None,
    *,
    targets: dict[str, list[str]] | None = None,
    code_words: CodeWords | None = None,
    said: Callable[[], Said] | None = None,
) -> tuple[list[Suggestion], dict[str, str]]:
    """:func:`translate_suggestions` and :func:`suggestion_origins` together, the shares worked
    out once. A caller translating many segments may give what does not change from one to the
    next: ``targets`` (:func:`reached`'s), ``target``'s :func:`_code_words`, and ``said``, the
    segment's words (``_words(text)``, asked for only when a suggestion reaches several codes)."""
    share, best, own = _shares(
        suggestions, walk, source, target, text, targets=targets, code_words=code_words, said=said
    )
    rank = {id(g): i for i, g in enumerate(_in_rank(suggestions))}
    place: list[tuple[tuple[int, float], Suggestion]] = []
    for t, p in share.items():
        code, origin = target[t], best[t][1]
        translated = Suggestion(
            code_id=code.id,
            name=code.name,
            domain=code.domain,
            probability=min(p, 1.0),
            valence=origin.valence,
            valence_probability=origin.valence_probability,
            evidence=origin.evidence,
            evidence_valence=origin.evidence_valence,
        )
        place.append(((rank[id(origin)], -p), translated))
    place += [((rank[id(g)], -g.probability), g) for g in own]
    # the model's order of its suggestions, each one's counterparts together (sorted is
    # stable: equals stay in the mapping's order)
    ranked = [x for _, x in sorted(place, key=lambda kx: kx[0])]
    return ranked, {t: g.code_id for t, (_, g) in best.items()}


def _shares(
    suggestions: list[Suggestion],
    walk: dict[str, list[str]],
    source: Codebook,
    target: Codebook,
    text: str | None,
    *,
    targets: dict[str, list[str]] | None = None,
    code_words: CodeWords | None = None,
    said: Callable[[], Said] | None = None,
) -> tuple[dict[str, float], dict[str, tuple[float, Suggestion]], list[Suggestion]]:
    """The probability each target code gets, the suggestion that gave it (with that
    probability: the largest of the suggestions reaching it, else the higher-ranked one's), and
    the project's own codes kept as they are."""
    share: dict[str, float] = {}
    best: dict[str, tuple[float, Suggestion]] = {}
    own: list[Suggestion] = []
    words: Said | None = None  # the segment's words and the target's, once a
    # suggestion reaching several codes needs them
    # a model's segment whose top code maps only onto codes of the other side is still shown
    # under them, for review and in the matrix (Table 2 leaves it out: translate records it)
    sided = not top_other_side(suggestions, walk, source, target, targets=targets)
    for g in _in_rank(suggestions):
        found = reached(g, walk, source, target, sided=sided, targets=targets)
        if found is None:
            own.append(g)  # a project's own code: kept as it is
            continue
        ids = found
        weights = None
        if text and len(ids) > 1:
            if words is None:
                words = said() if said is not None else _words(text)
            if code_words is None:
                code_words = _code_words(target)
            weights = _target_shares(words, ids, code_words)
        most = max(weights) if weights is not None else 1.0
        for i, t in enumerate(ids):
            # the counterpart the words fit best carries the model's probability for the code
            part = g.probability * (weights[i] / most if weights is not None else 1.0)
            if t not in best or part > best[t][0]:  # the larger, else the higher-ranked's
                best[t] = (part, g)
                share[t] = part
    return share, best, own


def _in_rank(suggestions: Sequence[Suggestion]) -> list[Suggestion]:
    """A segment's suggestions most probable first, equals in the order given."""
    return sorted(suggestions, key=lambda g: -g.probability)
