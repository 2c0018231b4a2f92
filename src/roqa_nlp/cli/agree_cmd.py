"""``roqa agree``: inter-coder agreement between people, and between the model and people."""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import itertools
import json
import math
import re
import warnings
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer

from ._app import (
    app,
    choice_metavar,
    codebook_option,
    example,
    interviewer_option,
    json_to_standard_output,
    participant_option,
    print_wrote,
    write_standard_output,
)
from ._app import console as new_console

#: Sources printed in the JSON output, so a reader knows which formula each figure follows.
REFERENCES = (
    "Cohen J. Educ Psychol Meas 1960;20:37-46 (kappa)",
    "Fleiss JL, Cohen J, Everitt BS. Psychol Bull 1969;72:323-327 (kappa standard error)",
    "Light RJ. Psychol Bull 1971;76:365-377 (mean pairwise kappa for more than two coders)",
    "Krippendorff K. Computing Krippendorff's alpha-reliability, 2011 (alpha)",
    "Krippendorff K. Content Analysis, 2nd ed., 2004 (0.667 / 0.800 thresholds)",
    "Gwet KL. Br J Math Stat Psychol 2008;61:29-48 (AC1 and its variance)",
    "Landis JR, Koch GG. Biometrics 1977;33:159-174 (strength-of-agreement bands)",
    "Efron B, Tibshirani RJ. An Introduction to the Bootstrap, 1993 (percentile intervals)",
    "Field CA, Welsh AH. J R Stat Soc B 2007;69:369-390 (valence: units resampled with their "
    "pairs)",
    "Hanley JA, Lippman-Hand A. JAMA 1983;249:1743-1745 (no interval under perfect agreement: "
    "no disagreement in n units allows a rate up to about 3/n)",
)


def _read_qdpx(path: Path, labels: Any = None) -> tuple[Any, list[str]]:
    """A .qdpx's project (:class:`~roqa_nlp.exchange.qdpx_import.QdpxProject`), its sources'
    speakers read with the interviewer ``labels`` (``--interviewer``/``--participant``, as
    ``roqa import`` reads them), its import warnings issued as ``read_qdpx_codings`` issues
    them (the JSON's ``notes`` keep them too); and its speaker warnings, issued as ``roqa
    import`` words them (a source whose interviewer no label names: s71, its coded questions
    were compared with no note that they are the interviewer's, and nothing said why)."""
    import functools

    from ..errors import warn
    from ..exchange.qdpx_import import read_qdpx, said_as, unnamed_warning
    from ..transcripts.interviewer_guesses import speaker_warnings

    project = read_qdpx(path, interviewer_labels=labels)
    project.warnings = [  # the file is named once, by warn's path (hunt3, session 80, F8)
        unnamed_warning(path, w)
        for w in _valence_conflicts_said(project.warnings, project.two_valences)
    ]
    for line in project.warnings:
        warn(line, path=path)
    speakers = speaker_warnings(
        project.transcripts, interface="qdpx", named=functools.partial(said_as, path)
    )
    for line in speakers:
        warn(line)  # the line names the source (project.qdpx: source 'rm01')
    return project, speakers


def _valence_conflicts_said(warnings: list[str], two_valences: Sequence[Any]) -> list[str]:
    """``warnings`` of a .qdpx's import with those naming a passage a coder gave two different
    valences (``two_valences``, :class:`~roqa_nlp.exchange.review.TwoValences`: each the line
    it said) made one per coder, counting them, and saying what ``roqa agree`` does: their
    codes there are left out of valence agreement. The import's words, "its codes count as
    neutral", are what ``roqa import`` writes (tester agree2, session 79: said by agree, which
    left 18 of 68 pairs out). A passage is named as the import names it, spaces and all (an
    NVivo source "P01 interview"), and so is a coder's selection across two passages given
    each its own valence, "X (across a and b)" (hunt s79 L3: both kept the import's line,
    uncounted). The coder and passages are the import's, not parsed back out of the line (hunt
    s80 F2/F3: a coder "Ben gave" was split at " gave ", an id holding a comma at its comma)."""
    from ..errors import and_list, first_few

    of_line = {t.said: t for t in two_valences}
    by_coder: dict[str, list[str]] = {}
    kept: list[str] = []
    first: dict[str, int] = {}  # coder -> where their line goes among the warnings
    for line in warnings:
        if (t := of_line.get(line)) is None:
            kept.append(line)
            continue
        if t.coder not in by_coder:
            first[t.coder] = len(kept)
            kept.append("")
        where = f"{t.span} (across {and_list(list(t.passages))})" if t.passages else t.passage
        by_coder.setdefault(t.coder, []).append(where)
    for coder, places in by_coder.items():
        n = len(places)
        kept[first[coder]] = (
            f"{coder} gave {n} passage{'s' * (n > 1)} two different valences "
            f"({first_few(places, 3)}): read as giving {'them' if n > 1 else 'it'} none, so "
            f"{'their' if n > 1 else 'its'} codes there are left out of valence agreement (to "
            "give each code its own, code a valence below it, as Available Resources > "
            "Barrier: docs/refi-qda.md)"
        )
    return kept


def _no_coder_in(path: Path, project: Any) -> str | None:
    """Why a .qdpx gives no coder to compare: its users, none with codings, and whether it has
    sources with text ("nvivo-mac-15.qdpx has 2 users (chrisp, cp), none with codings, and no
    source with text"); None when some user has codings."""
    if project.codings:
        return None
    users = [u.name for u in project.users]
    who = (
        f"{len(users)} user{'s' * (len(users) != 1)} ({', '.join(users)}), none with codings"
        if users
        else "no user"
    )
    n = len(project.transcripts)
    sources = (
        "no source with text" if not n else f"{n} source{'s' * (n != 1)} with text, none coded"
    )
    return f"{path.name} has {who}, and {sources}"


def coder_name(path: Path) -> str:
    """A result's coder: a folder's name, its folder's name for ``codings.jsonl``, else the
    file's stem."""
    if path.is_dir():
        return path.name
    return path.parent.name if path.name == "codings.jsonl" else path.stem


def telling_part(path: Path, name: str, taken: set[str]) -> str | None:
    """The nearest name in ``path`` that tells its coder ``name`` from another input's of that
    name: ``name (part)`` not in ``taken``. From the file's stem (not ``codings.jsonl``) or the
    folder outwards, skipping the coder's own name and the ``codings`` folder of a ``roqa
    import`` (imp/codings/Alice is "Alice (imp)", reviewed/ "Alice (reviewed)"); None when no
    name does."""
    here = path.resolve()
    parts = [] if here.is_dir() or here.name == "codings.jsonl" else [here.stem]
    folder = here if here.is_dir() else here.parent
    for d in (folder, *folder.parents):
        if d.name and not (d.name == "codings" and (d.parent / "import.json").is_file()):
            parts.append(d.name)
    for part in parts:
        if part.casefold() != name.casefold() and f"{name} ({part})" not in taken:
            return part
    return None


def recorded_chart_of(
    results: dict[str, Any], sources: dict[str, Path]
) -> tuple[Any | None, str | None]:
    """The codebook ``roqa code --codebook`` charted the codings in (run.json's
    ``chart_codebook``, a built-in id or the copy of the researcher's file kept beside the
    codings, each coder's read from ``sources``: coder -> the file the codings came from),
    when the codings that record one record the same one (by content); else None and, when
    they record different ones (a study's rop-v1 and rop-v2), a one-line warning naming each
    and how to compare them in one."""
    from ..crosswalk import load_chart, recorded_chart

    charts = {
        coder: (chart, load_chart(chart, sources.get(coder) or r.source))
        for coder, r in results.items()
        if (chart := recorded_chart(r.meta)) is not None
    }
    books = {(b.id, b.hash): b for _, b in charts.values()}
    if len(books) == 1:
        return next(iter(books.values())), None
    if not books:
        return None, None

    # a built-in codebook by its id; a file by its copy, which --codebook takes
    given = {
        c: b.id if chart == b.id else str(b.origin or b.id) for c, (chart, b) in charts.items()
    }
    named = {
        c: b.id if given[c] == b.id else f"{b.id} ({given[c]})" for c, (_, b) in charts.items()
    }
    said = (
        "the codings recorded different codebooks `roqa code --codebook` charted them in ("
        + ", ".join(f"{c}: {n}" for c, n in named.items())
        + "), so they are compared in their own codes: "
    )
    into = _working_codebook(results, sources)
    if into is None:
        return None, said + (
            "no codebook documents a mapping from each of them, so they cannot be compared in "
            "one (add a 'mapping' to one of the codebook files)"
        )
    return None, said + f"to compare them in one, give it with --codebook (e.g. --codebook {into})"


def _working_codebook(
    results: dict[str, Any], sources: dict[str, Path], *, besides: Any | None = None
) -> str | None:
    """The ``--codebook`` value every coder's codes translate into (:func:`_charted_into_one`):
    first the codebook files the codings record (``roqa code --codebook``'s copies), then the
    built-in codebooks; None when none does. ``besides``: a codebook given already, which does
    not. Only a codebook every one of them documents a mapping into will do: rop-v1 documents
    none from rop-v2, so suggesting rop-v1's file was an error (regression hunt, session 46),
    and the error it gave suggested rop-v2's, whose error suggested rop-v1's again (re-test,
    session 47)."""
    from ..crosswalk import load_chart, recorded_chart, source_codebook
    from ..errors import RoqaError

    books: dict[str, Any] = {}
    for coder, r in results.items():
        if (chart := recorded_chart(r.meta)) is None:
            continue
        try:
            b = load_chart(chart, sources.get(coder) or r.source)
        except RoqaError:  # a copy not there: said elsewhere
            continue
        books.setdefault(b.id if chart == b.id else str(b.origin or b.id), b)
    if besides is not None:
        books = {k: b for k, b in books.items() if (b.id, b.hash) != (besides.id, besides.hash)}
    # each coder's codes, from the codebook they are of (a review's own, a model's built-in)
    froms = [s for r in results.values() if (s := source_codebook(r)) is not None]
    skip = set() if besides is None else {besides.id}
    return _charted_into_one(books, froms, skip=skip)


def _charted_into_one(
    books: dict[str, Any], froms: list[Any], *, skip: set[str] | None = None
) -> str | None:
    """The first of ``books`` (as ``--codebook`` takes it -> the codebook), then of the built-in
    codebooks, that the codes of each codebook of ``froms`` translate into
    (:func:`~roqa_nlp.crosswalk.crosswalk`); None when none does."""
    from ..codebook import BUILTIN, Codebook

    candidates = {**books, **{b: Codebook.load(b) for b in BUILTIN if b not in books}}
    candidates = {k: b for k, b in candidates.items() if b.id not in (skip or set())}
    return next((named for named, target in candidates.items() if _reached(froms, target)), None)


def _reached(froms: list[Any], target: Any) -> bool:
    """Whether the codes of each codebook of ``froms`` translate into ``target`` (or are of it):
    :func:`~roqa_nlp.crosswalk.crosswalk` has a mapping from each."""
    from ..crosswalk import crosswalk
    from ..errors import RoqaError

    try:
        for b in froms:
            if b.id != target.id:
                crosswalk(b, target)
    except RoqaError:
        return False
    return True


def in_one_codebook(
    results: dict[str, Any],
    book: Any | None,
    *,
    model_threshold: float | None = None,
    recorded: Any | None = None,
    sources: dict[str, Path] | None = None,
    fanned: dict[tuple[str, str, tuple[str, ...]], dict[str, int]] | None = None,
    charted: dict[str, dict[str, list[str]]] | None = None,
) -> tuple[dict[str, Any], list[str], list[str]]:
    """Every coder's codings in one codebook, a note per coder whose codes were translated, and
    the coders that are models.

    ``fanned``, when given, is filled with the models' codes charted onto several codes of
    ``book`` at once ((code id, name, the codes it became) -> model -> segments), which the
    table of each code marks (:func:`_fanned_line`). ``charted``, when given, is filled with
    each model counted as its report charts it in ``book``: model -> the coded segments whose
    top suggestion is an exact tie of several codes there (segment -> the tied codes, the one
    counted first: :func:`~roqa_nlp.crosswalk.tied_top`), empty when none is
    (:func:`_tied_top_note`).

    With a codebook ``book``, a model's code is the one its report charts there
    (:func:`~roqa_nlp.framework.charted_codings` of :func:`~roqa_nlp.crosswalk.chart_with`: the
    counterpart of its top suggestion its segment's words chose; tester s72), unless
    ``model_threshold`` is given or a person's codes are charted into ``book`` too. Then, and
    for a person, each result is first cut to the codes it counts as applied in its
    own codebook (a model's top suggestion, or those at or above ``model_threshold``; a person's
    every code: :func:`~roqa_nlp.coding_agreement.counted_codings`), and each of those codes is
    then charted onto every code of ``book`` it maps onto, for a model as for a person. So a
    model's Champions (CFIR 2009) counts as the three CFIR 2.0 roles, as a person's does, and
    sharing a probability among targets cannot change which code is the model's top one. A
    model's suggestions are first cut to those the chart in ``book`` shows
    (:func:`~roqa_nlp.crosswalk.charted_suggestions`): its top code is the source of the top
    code the report and the review show (an unsure top code with no counterpart is not counted,
    the next one is; a sure one leaves the segment with no code), never a dropped code kept
    as one outside ``book``.
    Without, in ``recorded`` when given (the codebook ``roqa code --codebook`` charted the
    codings in, :func:`recorded_chart_of`), with a note saying so, codings already in its codes
    (a review made in it) as they are; else results whose codes come from different built-in
    codebooks are a one-line error: their codes could never agree. A coder whose codes do not
    translate into ``book`` is a one-line error naming a codebook every coder's codes translate
    into (their codebook files, coder -> the file read in ``sources``, then the built-in ones),
    or saying that none does.
    """
    from ..coding_agreement import check_same_codebook, counted_codings, is_model_result
    from ..crosswalk import (
        PROJECT_SUFFIX,
        NoMapping,
        _recorded_ids,
        chart_codings,
        chart_with,
        charted_suggestions,
        check_one_codebook,
        in_version,
        several_counterparts,
    )
    from ..errors import RoqaError
    from ..framework import charted_codings

    models = [c for c, r in results.items() if is_model_result(r)]
    out, notes = {}, []
    if book is None:
        for r in results.values():
            check_one_codebook(r)  # hand-made codings of CFIR 2009 and 2.0 codes: an error
        if recorded is not None:
            # a model charted in CFIR 2.0 or the researcher's own codebook, and reviews
            book = recorded
            notes.append(
                f"compared in {book.id}, the codebook `roqa code --codebook` chose (run.json); "
                "--codebook sets another"
            )
        else:
            # coders of different built-in codebooks: no code can agree (as in Python)
            check_same_codebook(
                results, fix=lambda into: f"compare them in one with --codebook {into}"
            )
            return results, [], models
    several: dict[tuple[str, str, tuple[str, ...]], dict[str, int]] = {}

    def made_in_book(result: Any) -> bool:
        own = next(iter(_recorded_ids(result.meta)), "").removesuffix(PROJECT_SUFFIX)
        return own == book.id.removesuffix(PROJECT_SUFFIX)

    # a model is compared on the code its report charts in ``book`` (the counterpart its
    # segment's words chose: tester s72, kappa 0.474 for the charted codes' 0.492), unless a
    # person's codes are charted into ``book`` too: each of those applies every counterpart,
    # and so then does the model's, so that the same code given by both agrees
    def charted_into_book(result: Any) -> bool:
        try:
            return not made_in_book(result) and chart_with(result, book)[1] is not None
        except RoqaError:  # no mapping: the loop below says so, naming the coder
            return True

    as_charted = model_threshold is None and not any(
        charted_into_book(r) for c, r in results.items() if c not in models
    )
    for coder, result in results.items():
        if made_in_book(result):
            # made in the codes charted (and its new codes), perhaps in another version of
            # them: each code resolved there by id or alias, named as it names it
            counted = counted_codings(
                result, model_threshold=model_threshold, model=coder in models
            )
            out[coder], moved = in_version(counted, book)
            if moved:
                notes.append(f"{coder}: {_resolved_in_version_said(moved, book)}")
            continue
        try:
            if coder in models and as_charted:
                # the code the report, Table 2 and the review chart in ``book``: the one its
                # segment's words chose among the model's code's counterparts (tester s72)
                counted = counted_codings(result, model=True)
                charted_result, note = chart_with(result, book)
                out[coder] = charted_codings(charted_result)
                if charted is not None and note is not None:
                    charted[coder] = _coded_ties(charted_result)
            else:
                if coder in models:  # the suggestions the report and the review show in ``book``
                    result = charted_suggestions(result, book)
                counted = counted_codings(
                    result, model_threshold=model_threshold, model=coder in models
                )
                out[coder], note = chart_codings(counted, book, person=True, who=coder)
        except NoMapping as e:
            # its hint names the coder's own codebook, which the others' codes may not
            # translate into either: name one every coder's do (re-test, session 47)
            into = _working_codebook(results, sources or {}, besides=book)
            raise RoqaError(
                f"{coder}'s codes cannot be compared in {book.id}: {e.reason}",
                hint=f"give --codebook {into}, which every input's codes translate into"
                if into is not None
                else "no codebook documents a mapping from each input's codebook: "
                + (e.fix or "add a 'mapping' to one of the codebook files")
                + ", or leave out --codebook to compare them in their own codes",
            ) from None
        if note:
            notes.append(f"{coder}: {note}")
            for k, n in several_counterparts(counted, out[coder], book).items():
                several.setdefault(k, {})[coder] = n
                if fanned is not None and coder in models:
                    fanned.setdefault(k, {})[coder] = n
    if several:
        notes.append(_several_counterparts_note(several, book.id))
    return out, notes, models


def _coded_ties(result: Any) -> dict[str, list[str]]:
    """The coded segments of a translated ``result`` whose top suggestion is an exact tie of
    several codes (``meta["crosswalk"]["tied"]``: segment -> the tied codes, the charted one
    first), as :func:`~roqa_nlp.crosswalk.chart_with`'s note counts them."""
    tied = result.meta.get("crosswalk", {}).get("tied", {})
    coded = {s.segment.id for s in result if not (s.novel or s.procedural)}
    return {k: list(v) for k, v in tied.items() if k in coded}


def _ties_compared(
    ties: dict[str, list[str]], coded: Any, result: Any | None
) -> dict[str, list[str]]:
    """A model's exact ties (:func:`_coded_ties`) on the segments the comparison counts: a
    compared unit (:meth:`~roqa_nlp.coding_agreement.CodedUnits.compared_mask`) is the segment,
    or a character span of it (``result``'s segment, by transcript and offsets). A tie on a
    segment left out (coded by the model alone) changes no figure, so the note and the JSON's
    ``tied_top`` do not count it (hunt s76 L5: they did, beside the note that it was left out)."""
    if not ties:
        return ties
    compared = [u for u, ok in zip(coded.units, coded.compared_mask()) if ok]
    ids = {u.id for u in compared}
    spans: dict[str, list[tuple[int, int]]] = {}
    for u in compared:
        if u.start is not None and u.end is not None:
            spans.setdefault(u.transcript, []).append((u.start, u.end))
    where = {s.segment.id: s.segment for s in result} if result is not None else {}

    def counted(sid: str) -> bool:
        if sid in ids:
            return True
        seg = where.get(sid)
        return seg is not None and any(
            start < seg.end and seg.start < end for start, end in spans.get(seg.transcript_id, ())
        )

    return {sid: codes for sid, codes in ties.items() if counted(sid)}


def _ties_at(ties: dict[str, list[str]], book: Any, at: str) -> dict[str, list[str]]:
    """A model's exact ties (:func:`_coded_ties`) as ``--at construct`` or ``domain`` compares
    them: each tied code mapped up ``book``'s hierarchy, and only the ties whose codes stay
    several there (OUT.E, OUT.F and OUT.G.3 are one Outer Setting domain: no tie there)."""
    from ..code_levels import code_at

    up = {
        sid: list(dict.fromkeys(code_at(book, c, at) or c for c in codes))
        for sid, codes in ties.items()
    }
    return {sid: codes for sid, codes in up.items() if len(codes) > 1}


def _tied_top_note(model: str, ties: dict[str, list[str]], target: str) -> str:
    """What ``roqa agree`` counts where a model's top suggestion is an exact tie of several
    ``target`` codes (:func:`_coded_ties`): the first, as its report charts it, not each tied
    code, and how to count each (study4, s74: kappa 0.350 counted so, 0.391 counting each
    tied code, and the notes said the tie was charted under the first but not that agree
    counted it so, beside a note that the model's tied suggestions all count)."""
    n = len(ties)
    shown = [
        f"{sid} as {codes[0]}, not {' or '.join(codes[1:])}"
        for sid, codes in list(ties.items())[:3]
    ]
    more = f"; and {n - 3} more" if n > 3 else ""
    return (
        f"{model}: on {n} segment{'s' * (n != 1)} its top suggestion is an exact tie of several "
        f"{target} codes, and only the first of them is counted, the code Table 2 and the "
        f"matrix chart, not each tied code ({'; '.join(shown)}{more}); to count each tied code, "
        "give --model-threshold P (every suggestion with probability >= P then counts as every "
        "code it maps onto)"
    )


def _several_counterparts_note(
    several: dict[tuple[str, str, tuple[str, ...]], dict[str, int]], target: str
) -> str:
    """The one line naming the codes charted onto several codes of ``target`` at once
    (:func:`~roqa_nlp.crosswalk.several_counterparts`: code -> coder -> segments). Each
    counted as every one of them, unsaid, and a model's IS.E.2 mapped onto a researcher's
    ORG-MONEY and ORG-REG disagreed twice with a review's ORG-MONEY. Past four codes, it
    counts the rest (``; and 3 more``), not ``...`` before the sentence's full stop."""
    shown = [
        f"{cid}{f' {name}' * (name != cid)} as {' and '.join(became)} ("
        + ", ".join(f"{c} {n} segment{'s' * (n != 1)}" for c, n in per.items())
        + ")"
        for (cid, name, became), per in several.items()
    ]
    return (
        f"a code charted onto several {target} codes counts as each of them, so one code given "
        "is several to agree or disagree on: "
        + "; ".join(shown[:4])
        + (f"; and {len(shown) - 4} more" if len(shown) > 4 else "")
    )


def _resolved_in_version_said(moved: dict[str, str], book: Any) -> str:
    """The note naming a coder's codes that ``book``, another version of the codebook they
    coded in, knows under another id (:func:`~roqa_nlp.crosswalk.in_version`: old -> new)."""
    shown = ", ".join(f"{old} as {new} {book[new].name}" for old, new in sorted(moved.items()))
    return f"codes resolved in {_version_named(book)} by its aliases and names: {shown}"


def _version_named(book: Any) -> str:
    """A codebook of the researcher's as a message names one version of it: ``cmh-rop version
    2 (cb/cmh_v2.json)``."""
    from ..crosswalk import PROJECT_SUFFIX

    version = f" version {book.version}" if book.version else ""
    where = f" ({book.cli_name})" if book.cli_name != book.id else ""
    return f"{book.id.removesuffix(PROJECT_SUFFIX)}{version}{where}"


def codebook_versions(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Codebook id -> coder -> the codebook their codings record and carry, for each codebook of
    the researcher's own that the codings carry in two or more versions: one id, other codes
    (a team's cmh-rop v1 and v2; a review's new codes aside, :func:`~roqa_nlp.crosswalk.
    without_new_codes`). Before, nothing said so, and v1's IS.E.1, merged into v2's IS.C,
    disagreed with itself (tester, session 60)."""
    from ..crosswalk import own_codebook, without_new_codes

    by_id: dict[str, dict[str, Any]] = {}
    for coder, result in results.items():
        if (own := own_codebook(result)) is not None:
            by_id.setdefault(without_new_codes(own).id, {})[coder] = own
    return {i: per for i, per in by_id.items() if _version_count(per) > 1}


def _version_count(per: dict[str, Any]) -> int:
    """How many versions of one codebook the coders' codebooks ``per`` are: told apart by their
    codes (ids, names, places in the tree), not by descriptions, aliases or the codes' order,
    which change no coding's code (a copy with one description edited had been called a second
    version, s60 hunt)."""
    from ..crosswalk import without_new_codes

    return len(
        {
            frozenset((c.id, c.name, c.level, c.parent, c.domain, c.codable) for c in b.codes)
            for b in (without_new_codes(b) for b in per.values())
        }
    )


def _versions_said(book_id: str, per: dict[str, Any]) -> str:
    """``the codings record 2 versions of codebook cmh-rop (Bob: version 1, reviewed_bob_v1/
    codebook.json; Alice: version 2, reviewed2/codebook.json)``."""
    shown = "; ".join(
        f"{coder}: {f'version {b.version}, ' if b.version else ''}{b.cli_name}"
        for coder, b in per.items()
    )
    return f"the codings record {_version_count(per)} versions of codebook {book_id} ({shown})"


def _version_to_compare_in(per: dict[str, Any], results: dict[str, Any]) -> tuple[str, bool]:
    """The ``--codebook`` to compare codings made in several versions of one codebook in: of
    the versions they carry, the one that knows the most of the codes the coders applied (by
    id, name or alias), then the one in which they are the fewest codes (a merge joins them),
    then the last given; and whether it knows every one of them. A review's new codes, which no
    version is asked to know, aside."""
    from ..crosswalk import _is_own_id

    applied = {
        g.code_id
        for r in results.values()
        for s in r.segments
        for g in s.suggestions
        if not _is_own_id(g.code_id)
    }
    best: tuple[int, int, int] | None = None
    chosen = ""
    for i, book in enumerate(per.values()):
        found = [c.id for a in applied if (c := book.find(a)) is not None]
        rank = (len(found), -len(set(found)), i)
        if best is None or rank > best:
            best, chosen = rank, book.cli_name
    return chosen, best is not None and best[0] == len(applied)


def _versions_warning(versions: dict[str, dict[str, Any]], results: dict[str, Any]) -> str | None:
    """The warning when the codings carry several versions of one codebook of the researcher's
    and no ``--codebook`` puts them in one: each is compared in its own codes, so a code one
    version merged or renamed disagrees with itself; it names each version and the
    ``--codebook`` that compares them in one (docs/agreement.md)."""
    if not versions:
        return None
    said = []
    for book_id, per in versions.items():
        into, knows_all = _version_to_compare_in(per, results)
        why = ": every code applied is one of its codes or aliases" if knows_all else ""
        said.append(
            f"{_versions_said(book_id, per)}, so each coder's codes are compared as that version "
            "has them, and a code one version merged or renamed disagrees with itself: to "
            f"compare them in one version, give it with --codebook (e.g. --codebook {into}{why})"
        )
    return "; ".join(said)


@dataclass
class LoadedCodings:
    """What ``roqa agree`` compares, and what it tells the researcher about how."""

    coded: Any  # CodedUnits
    translated: list[str] = field(default_factory=list)  # coders charted with --codebook
    notes: list[str] = field(default_factory=list)  # merged spellings, units left uncompared
    #: what may make the figures wrong, not only differently read (codes of two codebooks)
    warnings: list[str] = field(default_factory=list)
    #: each pair of coders' own units, as the two inputs alone give them (character spans,
    #: three or more coders: :func:`load_coded_units`); empty when the pairs are figured on
    #: ``coded``'s units
    pair_units: dict[tuple[str, str], Any] = field(default_factory=dict)
    #: the codebook compared in without --codebook: the one `roqa code --codebook` recorded
    compared_in: str | None = None
    #: (model, reviewer) -> the reviewer's coded segments that keep the model's valence, for
    #: each review of a model that set some valences only (:func:`_review_valences`)
    review_valences: dict[tuple[str, str], int] = field(default_factory=dict)
    #: the codes the models can never give in the codebook compared in, and the units of the
    #: other coders that carry only those (:func:`_beyond_the_mapping`); None when none do
    unreachable: dict[str, Any] | None = None
    #: the models' codes charted onto several codes of the codebook compared in
    #: ((code id, name, the codes it became) -> model -> segments: :func:`in_one_codebook`)
    fanned: dict[tuple[str, str, tuple[str, ...]], dict[str, int]] = field(default_factory=dict)
    fanned_in: str | None = None  # the codebook they were charted in
    #: each model counted as its report charts it -> its coded segments whose top suggestion is
    #: an exact tie of several codes, counted as the first (segment -> the tied codes, at the
    #: level compared: the JSON's ``tied_top``, :func:`in_one_codebook`)
    tied_top: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    #: what importing each .qdpx warned of (``path: line``), printed as it was read and kept in
    #: the JSON's ``notes``
    import_warnings: list[str] = field(default_factory=list)
    #: each unit's speaker and words, as the results hold them (a segment's, or a character
    #: span's text and the speaker of the turn it starts in), else as a long table's text
    #: column gives them: ``--disagreements`` writes them (:func:`_unit_words`)
    unit_words: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class _ReadInputs:
    """The inputs as read, before they are put in one codebook and cut into units."""

    results: dict[str, Any]  # coder -> CodingResult
    tables: list[Any]  # long tables (CodedUnits)
    book: Any | None  # --codebook
    where: dict[str, str]  # coder -> the input it came from, for messages
    source: dict[str, Path]  # coder -> the file it came from
    renamed: list[str]  # QDA users renamed by file
    renamed_codings: list[str]  # recorded coders renamed by path
    review_notes: list[str]
    #: how the long tables were read: coders merged, blank cells read as no code, comma cells split
    table_notes: list[str]
    #: each long table's coder -> the (first) file they are read from
    table_of: dict[str, Path] = field(default_factory=dict)
    #: coder -> the transcripts where they coded a passage with a code named as "coded with
    #: nothing" (NONE: :func:`~roqa_nlp.coding_agreement.is_no_code_coding`)
    marked_none: dict[str, set[str]] = field(default_factory=dict)


#: Seconds a step runs before :func:`said_while_long` says what it is doing.
SAY_AFTER_S = 2.0


@contextlib.contextmanager
def said_while_long(what: str, after: float = SAY_AFTER_S) -> Iterator[None]:
    """Show ``what`` with a spinner on standard error, a terminal only (as the embedder's
    progress bar, :func:`roqa_nlp.embedding._progress_console`), once the step has run
    ``after`` seconds, and take it away when it ends: a long bootstrap is not silence (six
    coders' intervals took 46 s before session 74, unsaid)."""
    import threading

    from ..embedding import _progress_console

    console = _progress_console()
    if not console.is_terminal or console.is_dumb_terminal:
        yield
        return
    status = console.status(what + "...")
    lock = threading.Lock()
    done = False

    def start() -> None:
        with lock:
            if not done:
                status.start()

    timer = threading.Timer(after, start)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            done = True
            status.stop()


def load_coded_units(
    inputs: list[Path],
    *,
    model_threshold: float | None = None,
    units: str = "auto",
    codebook: str | None = None,
    at: str = "code",
    interviewer_labels: Any = None,
) -> LoadedCodings:
    """Read every input (long CSV, codings.jsonl or result folder, .qdpx) into one CodedUnits.

    Results are put in one codebook (:func:`in_one_codebook`). Long CSV codes are resolved in
    ``codebook`` when given, else spellings of one name are merged (with a note). Inputs that
    share no unit are a one-line error naming them; units only one coder coded get a note.
    ``at`` (construct, domain) maps every coder's codes up the codebook's hierarchy first
    (:mod:`roqa_nlp.code_levels`), with a note, and a note naming codes left as written.

    With three or more coders compared by character span, each pair's own units are in
    ``pair_units``: the two inputs put through all of this alone (a pair the two alone cannot
    be compared in keeps the units of all the inputs, with a note saying why).

    A .qdpx's sources are read into speaker turns with ``interviewer_labels`` (the default
    labels with ``--interviewer``/``--participant``), as ``roqa import`` reads them.
    """
    from ..coding_agreement import (
        LONG_TABLE_SUFFIXES,
        check_table_texts,
        none_beside_codes_said,
        read_long_csv,
    )
    from ..errors import RoqaError
    from ..result import IMPORTED_FOLDER, CodingResult, coders_folders, codings_file

    book = None
    if codebook is not None:
        from ..codebook import Codebook

        book = Codebook.load(codebook)
    tables = []
    results: dict[str, CodingResult] = {}
    where: dict[str, str] = {}  # coder -> the input it came from, for messages

    renamed: list[str] = []
    source: dict[str, Path] = {}  # coder -> the file it came from
    review_notes: list[str] = []
    renamed_codings: list[str] = []  # a recorded coder's name another input already has
    import_warnings: list[str] = []  # what importing each .qdpx warned of, for the JSON
    no_coder: list[str] = []  # the .qdpx files that give no coder, and why
    no_code_nodes: list[tuple[str, Counter[str]]] = []  # a coder's NONE codes, read as no code
    marked_none: dict[str, set[str]] = {}  # coder -> transcripts where they coded with NONE

    def add_result(name: str, result: CodingResult, path: Path, label: str) -> None:
        if name in results and source[name].resolve() == path.resolve():
            raise RoqaError("is given twice", path=path, hint="give each input once")
        if name in results and path.suffix.lower() == ".qdpx":
            # two copies of one QDA program often share its default user name: tell them apart
            # by file, and say so
            plain, name = name, f"{name} ({path.name})"
            renamed.append(f"user {plain!r} of {path} is coder {name!r}")
        if name in results:
            raise RoqaError(
                f"a second input is also coder {name!r}",
                path=path,
                hint=(
                    f"give each coder's folder a name of its own ({name}/ and {name}_round2/), "
                    "or record the coder with roqa apply-decisions --coder"
                ),
            )
        from ..coding_agreement import is_model_result, without_no_code_codes
        from ..errors import warn
        from ..exchange.refiqda import PROJECT_CODES_SOURCE

        if not is_model_result(result):
            from ..coding_agreement import is_no_code_coding

            marked = {
                sr.segment.transcript_id
                for sr in result
                if any(is_no_code_coding(g) for g in sr.suggestions)
            }
            result, taken, beside = without_no_code_codes(result)
            if taken:
                no_code_nodes.append((name, taken))
                marked_none[name] = marked
            if beside:
                # a long table refuses NONE beside a code in one cell; a QDA passage keeps the
                # code (hunt s79 L5: the NONE came off silently)
                said = _no_code_beside_a_code(name, beside)
                warn(said, path=path)
                import_warnings.append(f"{path}: {said}")
        if result.codebook is not None and result.codebook.source == PROJECT_CODES_SOURCE:
            # the codebook.json ``roqa import`` wrote of a QDA project's own codes (a flat
            # node list) is no codebook to translate from: the folder is compared as the .qdpx
            # is, its codes matched by name (s86 agreefix3: ``--codebook cfir-2009`` refused
            # it, "documents no mapping from 'rm-study-tomasz'", where the .qdpx gave 0.342)
            result = dataclasses.replace(result, codebook=None)
        results[name] = result
        where[name] = label
        source[name] = path

    def add_codings(path: Path) -> None:
        """A codings.jsonl (or its folder) as the coder its run.json records when that is a
        person (roqa apply-decisions' --coder, roqa import's QDA user), else as its folder or
        file is named; a recorded name another input already has gets the nearest name in its
        path that tells them apart (:func:`telling_part`)."""
        from ..exchange.qdpx_export import coder_of

        # a coder's codings short of their run.json are said, not refused: agree compares the
        # segments both coders coded and says which one coder left out
        result = CodingResult.read(path, strict=False)
        if not result.segments:
            # a coder with no coding to compare: before, an IndexError beside a long CSV, and
            # "emptyrun: 0 units ()" beside another result (tester, session 54)
            raise RoqaError(
                "is empty",
                path=path / "codings.jsonl" if path.is_dir() else path,
                hint="it holds no segment coding: give the codings of a finished roqa code run "
                "or review, or leave this input out",
            )
        recorded = coder_of(result)
        name = recorded or coder_name(path)
        # two folders named alike with no run.json stay an error: the folder names the coder
        if recorded and name in results and source[name].resolve() != path.resolve():
            part = telling_part(path, name, set(results))
            if part is not None:
                named = f"{name} ({part})"
                renamed_codings.append(
                    f"{path} records the coder {name!r} of another input: coder {named!r}"
                )
                name = named
        add_result(name, result, path, str(path))

    given: dict[Path, Path] = {}  # each input's codings file -> the input naming it
    table_paths: list[Path] = []  # long tables, read once the results' codebook is known
    table_of: dict[str, Path] = {}  # a long table's coder -> its file
    table_notes: list[str] = []
    for p in inputs:
        if not p.exists():
            from ..io import codings_not_found

            raise codings_not_found(p)
        file = (p / "codings.jsonl" if p.is_dir() else p).resolve()
        if file in given:  # a folder and its codings.jsonl are one input
            also = "" if given[file] == p else f" (as {given[file]})"
            raise RoqaError(f"is given twice{also}", path=p, hint="give each input once")
        given[file] = p
        suffix = p.suffix.lower()
        if p.is_file():
            from ..write_up_files import write_up_given_as_codings

            # roqa report's matrix, Table 2, saturation table: not "has no unit, coder, code
            # column" (session 50's notes)
            write_up = write_up_given_as_codings(
                p,
                "to compare coders, give each one's codings: {codings}; a long table "
                "unit,coder,code; or a .qdpx",
            )
            if write_up is not None:
                raise write_up
        if p.is_dir():
            if not (p / "codings.jsonl").exists():
                coders = coders_folders(p)
                if coders:  # a folder roqa import wrote: its coders are compared
                    raise RoqaError(
                        IMPORTED_FOLDER,
                        path=p,
                        hint="give the coders' folders to compare: "
                        + " ".join(str(f) for f in coders),
                    )
                codings_file(p)  # a folder of transcripts: to code first
                raise RoqaError(
                    "folder has no codings.jsonl", path=p, hint="give a result folder of roqa code"
                )
            add_codings(p)
        elif suffix in LONG_TABLE_SUFFIXES:
            table_paths.append(p)
        elif suffix == ".jsonl":
            add_codings(p)
        elif suffix == ".qdpx":
            project, speakers = _read_qdpx(p, interviewer_labels)
            import_warnings.extend(" ".join(f"{p}: {w}".splitlines()) for w in project.warnings)
            import_warnings.extend(speakers)
            if (why := _no_coder_in(p, project)) is not None:
                no_coder.append(why)
            users = dict(project.codings)
            for user, result in users.items():
                add_result(user, result, p, f"{p} (user {user})")
            review_notes.extend(_review_route_notes(p, users))
            dropped = _dropped_selections_note(p, project.warnings, project.dropped_by)
            if dropped is not None:
                review_notes.append(dropped)
        else:
            from ..spreadsheets import unreadable_spreadsheet

            sheet = unreadable_spreadsheet(
                p,
                "codings",
                then="a long table with the columns unit, coder and code; or give a "
                "codings.jsonl or result folder, or a .qdpx",
            )
            if sheet is not None:
                raise sheet
            raise RoqaError(
                f"cannot read {suffix or 'files without an extension'} as codings",
                path=p,
                hint="give a long table (unit, coder, code) as "
                f"{', '.join(LONG_TABLE_SUFFIXES[:-1])} or {LONG_TABLE_SUFFIXES[-1]}"
                ", a codings.jsonl or result folder, or a .qdpx",
            )
    if len(results) > 1:
        # a Mac program's decomposed text beside a Windows program's composed one: each coder
        # read on the composed text, once, so every note and excerpt below reads one text
        from ..coding_agreement import composed_copies, composed_copies_said, is_model_result
        from ..errors import warn

        results, composed = composed_copies(
            results, [c for c, r in results.items() if is_model_result(r)]
        )
        for c, found in composed.items():
            said = composed_copies_said(c, found)
            warn(said, path=source[c])
            import_warnings.append(f"{source[c]}: {said}")
    held: list[warnings.WarningMessage] = []  # the tables' warnings, said below
    if table_paths:
        from ..crosswalk import codebook_of

        # a cell "Staffing, Training" is split into built-in codes only when results code in
        # a built-in codebook: else it is as likely a team's own code as two codes
        builtin_commas = any(codebook_of(r) is not None for r in results.values())
        own_codes = None
        if book is not None:  # a name of a review's new code is that code, as without
            from ..coding_agreement import own_codes_by_name

            own_codes = own_codes_by_name(results, book)
        # said once every table is read and two coders are found: a refusal (a table not
        # read, one coder) is then one line alone (hunt s80 F5)
        with warnings.catch_warnings(record=True) as caught:
            for p in table_paths:
                table = read_long_csv(
                    p,
                    codebook=book,
                    builtin_commas=builtin_commas,
                    own_codes=own_codes,
                )
                check_table_texts(table, results, p)
                # read_long_csv warned of these already
                import_warnings.extend(f"{p}: {said}" for said in none_beside_codes_said(table))
                tables.append(table)
                table_notes.extend(_own_codes_notes(table, p))
                for c in table.coders:
                    where.setdefault(c, f"{p} (coder {c})")
                    table_of.setdefault(c, p)
                if table.coders_merged:
                    table_notes.append(
                        "counted as one coder, as the names differ only in "
                        f"{_differences_said(table.coders_merged)}: "
                        f"{_merged_shown(table.coders_merged)} ({p.name})"
                    )
        held = caught
    table_notes.extend(_matched_by_id_alone(list(zip(table_paths, tables)), results))
    if no_code_nodes:
        table_notes.append(_no_code_nodes_note(no_code_nodes))
    blanks: dict[str, int] = {}
    for t in tables:
        for cell, k in t.blank_cells.items():
            blanks[cell] = blanks.get(cell, 0) + k
    if blanks:
        n = sum(blanks.values())
        table_notes.append(
            f"{n} code cell{'s' * (n > 1)} holding a spreadsheet's blank {'are' if n > 1 else 'is'}"
            " read as no code, as NONE is: "
            + ", ".join(f"{cell!r} ({k})" for cell, k in blanks.items())
        )
    on_no_code = _rows_note(
        [(p, t.valence_without_code) for p, t in zip(table_paths, tables)],
        "1 valence is on a row with no code ({few}): a valence cell gives the valence of its "
        "row's codes, so it is given to none; to compare it, write the code on that row",
        "{n} valences are on rows with no code ({few}): a valence cell gives the valence of "
        "its row's codes, so they are given to none; to compare them, write the codes on those "
        "rows",
    )
    # counted once silently before (agree tester, session 72: A's 6 rows, 5 codings)
    repeated = _rows_note(
        [(p, t.repeated_rows) for p, t in zip(table_paths, tables)],
        "1 row repeats a coding of an earlier row (same unit, coder, code and valence: "
        "{first}): it is counted once",
        "{n} rows repeat a coding of an earlier row (same unit, coder, code and valence; the "
        "first: {first}): each coding is counted once",
    )
    table_notes.extend(note for note in (on_no_code, repeated) if note is not None)
    split_cells = sum(t.comma_cells_split for t in tables)
    by_ids = [i for t in tables for i in t.comma_ids_split]
    if split_cells and by_ids and book is None and not builtin_commas:
        # no codebook and no result: split only as ids of a built-in codebook, which the note
        # said were "a code of the results' codebook" (agree tester, session 69)
        table_notes.append(_ids_split_note(split_cells, list(dict.fromkeys(by_ids)), tables))
    elif split_cells:
        table_notes.append(
            f"{split_cells} code cell{'s' * (split_cells > 1)} with commas read as several "
            "codes each, every part a code of "
            + (f"codebook {book.id}" if book is not None else "the results' codebook")
            + " (';' separates the codes of one cell)"
        )
    if len(tables) > 1:
        from ..coding_agreement import merge_coders_across_tables

        tables, joined = merge_coders_across_tables(tables, [p.name for p in table_paths])
        for group in joined:
            for spelling, _ in group[1:]:
                where.pop(spelling, None)
            files = list(dict.fromkeys(f for _, f in group))
            where[group[0][0]] = f"{', '.join(files)} (coder {group[0][0]})"
        if joined:
            spellings = [[spelling for spelling, _ in group] for group in joined]
            table_notes.append(
                "read as one coder across files, as the names are the same but for "
                f"{_differences_said(spellings)}: " + _across_files_shown(joined)
            )
    n_coders = len(results) + len({c for t in tables for c in t.coders})
    if n_coders < 2 and no_coder:
        # before: a bare "the inputs hold 0" for a project whose users coded nothing (tester,
        # session 60: the NVivo and ATLAS.ti sample exports)
        raise RoqaError(
            f"agreement needs at least two coders, the inputs hold {n_coders}: "
            + "; ".join(no_coder),
            hint="export the project once its coders have coded its sources",
        )
    if n_coders >= 2:  # else refused below, in one line
        for w in held:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    read = _ReadInputs(
        results,
        tables,
        book,
        where,
        source,
        renamed,
        renamed_codings,
        review_notes,
        table_notes,
        table_of,
        marked_none,
    )
    loaded = _compared(read, model_threshold=model_threshold, units=units, at=at)
    loaded.import_warnings = import_warnings
    coded = loaded.coded
    if len(coded.coders) > 2 and coded.unit_kind == "spans" and not tables:
        # each pair on its own units, as `roqa agree` of the two alone: the others' selection
        # boundaries and a model's segment edges would cut the pair's uncoded text into more
        # units, each one more agreement (regression hunt, session 41: 158 units and AC1 0.991
        # beside a model, 87 units and AC1 0.988 alone)
        for a, b in itertools.combinations(coded.coders, 2):
            if not _share_a_unit(coded, a, b):
                continue  # alone too: a note says so (_pairs_sharing_nothing)
            two = dataclasses.replace(read, results={c: results[c] for c in (a, b)})
            try:
                alone = _compared(two, model_threshold=model_threshold, units=units, at=at)
            except RoqaError as e:
                loaded.notes.append(
                    f"{a} - {b} is figured on the units of all the inputs: compared alone, "
                    f"{e.reason}"
                )
                continue
            loaded.pair_units[(a, b)] = alone.coded
        loaded.notes = _review_scope_of_pairs(loaded.notes, loaded.pair_units, coded, results)
    if len(coded.coders) > 2:
        slivers = _slivers_warning(coded, results, loaded.pair_units)
        if slivers is not None:
            loaded.warnings.append(slivers)
    loaded.unit_words = _unit_words(coded, results)
    loaded.notes.extend(_rows_lacking_notes(coded, table_of, results))
    if (partial := _partial_selections_note(coded)) is not None:
        loaded.notes.append(partial)
    return loaded


def _rows_lacking_notes(
    coded: Any, table_of: dict[str, Path], results: dict[str, Any]
) -> list[str]:
    """A note for each long table's coder who has rows for some segments of a transcript the
    results hold and none for others that another coder coded: those count as not coded by
    them (missing, left out of their comparisons), not as "no code", which a segment read and
    left uncoded is; a row with an empty code cell says that (daily15, session 85: a CSV with
    rows only for the segments Ben coded left out the two Alice coded alone, kappa 0.866 for
    0.835)."""
    from ..errors import first_few

    held = {s.segment.transcript_id for r in results.values() for s in r}
    out = []
    for c, path in table_of.items():
        mine = coded.codings.get(c, {})

        def transcript(unit: Any) -> str:
            return str(unit.transcript or unit.id.rpartition(":")[0])

        covered = {transcript(u) for u in coded.units if u.id in mine} & held
        lacking = [
            u.id
            for u in coded.units
            if transcript(u) in covered
            and u.id not in mine
            and any(coded.codings[o].get(u.id) is not None for o in coded.coders if o != c)
        ]
        if not lacking:
            continue
        n, one = len(lacking), len(lacking) == 1
        out.append(
            f"{path.name} gives {c} no row for {n} segment{'' if one else 's'} of transcripts "
            f"where {c} coded others ({first_few(lacking)}): {'it counts' if one else 'they count'}"
            f" as not coded by {c} (missing: left out of {c}'s comparisons), not as no code; if "
            f"{c} read {'it' if one else 'them'} and applied no code, add a row for each with "
            f"the code cell empty ({lacking[0]},{c},) and {'it counts' if one else 'they count'}"
            " as no code"
        )
    return out


def _disagreements(coded: Any) -> Iterator[tuple[Any, str, list[str], list[str]]]:
    """Each unit two or more coders coded and each code some of them applied there and others
    did not: ``(unit, code, the coders who applied it, those who coded the unit without it)``,
    in the units' order, then the codes'. A coder who did not code the unit (missing) is in
    neither list. ``coded.codes`` scans every coding, so it is read once, not per unit
    (hunt29, session 85: 13,464 reads, 216 s of 248 on 10 sources x 400 selections)."""
    codes = coded.codes
    for unit in coded.units:
        judged = [c for c in coded.coders if coded.codings[c].get(unit.id) is not None]
        if len(judged) < 2:
            continue
        applied = set().union(*(coded.codings[c][unit.id] for c in judged))
        for code in (c for c in codes if c in applied):
            have = [c for c in judged if code in coded.codings[c][unit.id]]
            if len(have) < len(judged):
                yield unit, code, have, [c for c in judged if c not in have]


def _partial_selections_note(coded: Any) -> str | None:
    """By character span, a note counting the disagreements that are part of a coding whose
    other part a coder without the code there gave that same code: the two selected different
    stretches of one passage (a QDA coder who selected the first sentence of an answer the
    other coded whole), each piece a unit; None when there are none (daily15, session 85:
    Ben - Alice kappa 0.835 by segment, 0.655 by span, 15 of the 24 disagreements such
    pieces, unsaid)."""
    if coded.unit_kind != "spans" or not coded.placed:
        return None
    # coder -> (unit, code) -> the coder's codings with that code in the unit, by their place
    # in coded.placed[coder]: not a copy of each coding's units for every unit it covers, which
    # a whole-document code made quadratic (hunt29, session 85: 14 GB for 10 x 400 selections)
    within: dict[str, dict[tuple[str, str], list[int]]] = {}
    for c, placed in coded.placed.items():
        per = within[c] = {}
        for k, (code, units) in enumerate(placed):
            for u in units:
                per.setdefault((u, code), []).append(k)
    # whether a coding (coder, its place) has a unit that one of the coders lacking its code
    # elsewhere gave that code: asked once per coding and such coders, not once per unit of it
    reaches: dict[tuple[str, int, tuple[str, ...]], bool] = {}

    def reached(c: str, k: int, lack: tuple[str, ...]) -> bool:
        got = reaches.get((c, k, lack))
        if got is None:
            code, units = coded.placed[c][k]
            got = any(code in (coded.codings[o].get(u) or ()) for o in lack for u in units)
            reaches[(c, k, lack)] = got
        return got

    total = 0
    partial: list[str] = []
    for unit, code, have, lack in _disagreements(coded):
        total += 1
        if any(
            reached(c, k, tuple(lack))
            for c in have
            for k in within.get(c, {}).get((unit.id, code), ())
        ):
            partial.append(unit.id)
    if not partial:
        return None
    from ..errors import first_few

    n = len(partial)
    return (
        f"{n} of the {total} disagreements (a unit and a code some coders applied and others "
        f"did not) {'is' if n == 1 else 'are'} the same code on overlapping selections: "
        f"part of a passage one coder coded whole and the other coded in part "
        f"({first_few(list(dict.fromkeys(partial)))}); by character span each piece is a unit, "
        "so different selections of one passage count as disagreements on its code. If the "
        "coders meant the whole answer, select whole answers (or give codes by segment in a "
        "long table: unit,coder,code) and compare again; --disagreements FILE lists them all"
    )


def _unit_words(coded: Any, results: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Each unit of ``coded`` -> (speaker, words): a segment's as a result holds it; a
    character span's text of its transcript and the speaker of the turn it starts in, or, with
    no transcript at hand, of a coder's segment holding it whose words are its characters (a
    span that is a segment both coders hold: hunt29, session 85, every row of agree_split was
    empty); else the words a long table's ``text`` column gives for the unit ("" where none
    do)."""
    segments = {s.segment.id: s.segment for r in results.values() for s in r}
    # each transcript's segments whose words are their characters, by where they start
    held: dict[str, list[Any]] = {}
    for seg in segments.values():
        if len(seg.text) == seg.end - seg.start:
            held.setdefault(seg.transcript_id, []).append(seg)
    held_starts: dict[str, list[int]] = {}
    for t, segs in held.items():
        segs.sort(key=lambda seg: (seg.start, -seg.end))
        held_starts[t] = [seg.start for seg in segs]
        # in place of each, the one reaching furthest of those starting at or before it
        for i in range(1, len(segs)):
            if segs[i - 1].end > segs[i].end:
                segs[i] = segs[i - 1]
    transcripts = {t: tr for r in results.values() for t, tr in r.transcripts.items()}
    table_texts = {u: words for u, _, words, _ in coded.unit_texts or ()}
    turns = {t: sorted(tr.turns, key=lambda turn: turn.start) for t, tr in transcripts.items()}
    starts = {t: [turn.start for turn in ts] for t, ts in turns.items()}
    out: dict[str, tuple[str, str]] = {}
    for unit in coded.units:
        seg = segments.get(unit.id)
        if seg is not None:
            out[unit.id] = (seg.speaker, seg.text)
            continue
        tr = transcripts.get(unit.transcript)
        if tr is not None and unit.start is not None and unit.end is not None:
            # the turn it starts in: the last starting at or before it, if it reaches it
            k = bisect.bisect_right(starts[unit.transcript], unit.start)
            turn = turns[unit.transcript][k - 1] if k else None
            speaker = turn.speaker if turn is not None and unit.start < turn.end else ""
            # exactly its characters, as its start and end (and id) say: a span starting at the
            # space after a coder's selection keeps it (daily21 s88: the text was stripped, so
            # text != transcript[start:end] in 4 of 22 rows)
            out[unit.id] = (speaker, tr.text[unit.start : unit.end])
            continue
        if unit.start is not None and unit.end is not None and unit.transcript in held:
            # of the segments starting at or before it, the one reaching furthest holds it if any
            k = bisect.bisect_right(held_starts[unit.transcript], unit.start)
            seg = held[unit.transcript][k - 1] if k else None
            if seg is not None and unit.end <= seg.end:
                words = seg.text[unit.start - seg.start : unit.end - seg.start]
                out[unit.id] = (seg.speaker, words)
                continue
        out[unit.id] = ("", table_texts.get(unit.id, ""))
    return out


#: the columns of ``roqa agree --disagreements FILE`` (docs/agreement.md, "Two coders")
DISAGREEMENT_COLUMNS = (
    "unit",
    "transcript",
    "speaker",
    "start",
    "end",
    "code",
    "name",
    "coded_by",
    "not_coded_by",
    "text",
)


def _header(path: Path) -> tuple[str, ...] | None:
    """The header row of the table ``path`` as :func:`~roqa_nlp.io.header_cell` reads each
    cell, or None for a file that cannot be read as a table."""
    from ..io import header_cell
    from ..transcripts.csv import header_cells

    header = header_cells(path)
    return None if header is None else tuple(map(header_cell, header))


def written_as_disagreements(path: Path) -> bool:
    """Whether ``path`` holds a list ``--disagreements`` wrote: a CSV whose header is
    :data:`DISAGREEMENT_COLUMNS`, no column added, which a later run writes over. Any other
    CSV, not blank, is refused: a coder's long table, or a list the team added a column to
    (hunt29, session 85: a coder's unit,coder,code table was written over, exit 0)."""
    return _header(path) == DISAGREEMENT_COLUMNS


def refuse_a_list_with_columns_added(path: Path | None) -> None:
    """A one-line error when ``--disagreements`` names a list it wrote that the team has added
    columns to since (their reconciling: "agreed", "note"), which a re-run would lose; the
    option's own refusal would call it a transcript, for its speaker and text columns."""
    if path is None or not path.is_file():
        return
    header = _header(path)
    n = len(DISAGREEMENT_COLUMNS)
    if header is None or len(header) <= n or header[:n] != DISAGREEMENT_COLUMNS:
        return
    from ..errors import RoqaError

    added = [name for name in header[n:] if name]
    raise RoqaError(
        "--disagreements would overwrite a list of disagreements with columns added to it "
        f"({', '.join(added) or 'unnamed'})",
        path=path,
        hint="give another file name",
    )


def disagreement_rows(coded: Any, words: dict[str, tuple[str, str]]) -> list[list[str]]:
    """A row for each unit two or more coders coded and each code some of them applied there
    and others did not, in the units' order, then the codes': the unit, its transcript,
    speaker, character start and end (empty for a long table's unit), the code and its name,
    the coders who applied it and those who coded the unit without it (``; `` between names).
    A coder who did not code the unit (missing) is neither: their judgement is not there to
    reconcile."""
    rows = []
    for unit, code, have, lack in _disagreements(coded):
        speaker, text = words.get(unit.id, ("", ""))
        rows.append(
            [
                unit.id,
                unit.transcript or unit.id.rpartition(":")[0],
                speaker,
                "" if unit.start is None else str(unit.start),
                "" if unit.end is None else str(unit.end),
                code,
                coded.code_names.get(code, ""),
                "; ".join(have),
                "; ".join(lack),
                text,
            ]
        )
    return rows


def write_disagreements(
    path: Path, coded: Any, words: dict[str, tuple[str, str]]
) -> tuple[int, str | None]:
    """Write :func:`disagreement_rows` to ``path`` as a CSV (UTF-8 with a BOM, as roqa's other
    CSVs, for Excel), atomically, and record its bytes as ``roqa report`` records its write-up
    files (:func:`~roqa_nlp.write_up_files.record_written`); returns how many rows, and the
    line saying where the list there before was kept, when the team had edited it in its own
    columns (a cell typed in, a resolved row deleted: hunt33, session 85, lost to a re-run with
    exit 0), else None: it is first kept beside it as ``disagreements.edited.csv``
    (:func:`~roqa_nlp.write_up_files.keep_edited`). A blank file holds nothing to keep."""
    from ..io import EXCEL_BOM, _blank, atomic_write_bytes, spreadsheet_csv
    from ..write_up_files import keep_edited, kept_line, record_written

    rows = disagreement_rows(coded, words)
    # through spreadsheet_csv, as every CSV roqa writes: a quoted answer opening with = + - @
    # is shown as text in Excel, never run as a formula
    table = spreadsheet_csv([DISAGREEMENT_COLUMNS, *rows], line_end="\r\n")
    data = (EXCEL_BOM + table).encode("utf-8")
    kept = keep_edited({path: data}) if path.is_file() and not _blank(path) else []
    atomic_write_bytes(path, data)
    record_written(path)
    return len(rows), kept_line(kept)


#: how the note of :func:`_on_reviewed_segments` on a coder's codings outside the decided
#: segments ends, "... lie outside the 76 decided segments and are not compared (p04 ...)"
_OUTSIDE_DECIDED = (
    " decided segments and is not compared (",
    " decided segments and are not compared (",
)


def _review_scope_of_pairs(
    notes: list[str], pair_units: dict[tuple[str, str], Any], coded: Any, results: dict[str, Any]
) -> list[str]:
    """``notes`` with the notes on codings outside a review's decided segments made true of
    each pair figured on its own units (three coders or more, by span): a pair with no
    reviewer is not cut to the review's segments, as the two alone are not, so it compares
    those codings (tester agree2, session 79: "7 codings of Ben ... are not compared (p04
    ...)" beside a model - Ben row over p04 too). Each such note says what leaves them out,
    and one more note names the pairs that compare them, with their units."""
    reviewers = [
        c
        for c in coded.coders
        if isinstance(m := getattr(results.get(c), "meta", None), dict)
        and isinstance(m.get("reviewed_segments"), list)
        and m["reviewed_segments"]
    ]
    free = [(a, b) for a, b in pair_units if a not in reviewers and b not in reviewers]
    if not reviewers or not free:
        return notes
    said = " or ".join(reviewers)
    out = []
    changed = False
    for note in notes:
        for end in _OUTSIDE_DECIDED:
            if end in note:
                note = note.replace(
                    end, f"{end[:-2]} in the pooled figures and the pairs with {said} (", 1
                )
                changed = True
        out.append(note)
    if changed:
        from ..coding_agreement import units_compared

        pairs = "; ".join(
            f"{a} - {b} ({units_compared(pair_units[(a, b)])} units)" for a, b in free
        )
        one = len(free) == 1
        out.append(
            f"the pair{'' if one else 's'} without a reviewer, figured on {'its' if one else 'their'} "
            f"own units as the two alone, {'compares' if one else 'compare'} every coding of "
            f"{'its' if one else 'their'} coders, those outside the decided segments too: "
            f"{pairs}; so a mean against the humans averages pairs over different text"
        )
    return out


def _no_code_beside_a_code(coder: str, n: int) -> str:
    """The warning that ``coder`` coded ``n`` passages with a code named as 'coded with
    nothing' beside a code (:func:`~roqa_nlp.coding_agreement.without_no_code_codes`)."""
    return (
        f"{coder} coded {n} passage{'s' * (n > 1)} with a code named as 'coded with nothing' "
        "(NONE) beside a code: only the code is compared there, as if the NONE were not given "
        "(as a long table's 'NONE; Cost' is read); to say nothing applies, give NONE alone"
    )


def _no_code_nodes_note(taken: list[tuple[str, Counter[str]]]) -> str:
    """The one note on codes named as a long table's "coded with nothing" (``NONE``,
    ``Off-framework``) in coders' codings: each coder's codings of them, which are read as no
    code (:func:`~roqa_nlp.coding_agreement.without_no_code_codes`)."""
    n = sum(sum(c.values()) for _, c in taken)
    each = "; ".join(
        f"{coder}: " + ", ".join(f"{name!r} {k}" for name, k in c.items()) for coder, c in taken
    )
    return (
        f"{n} coding{'s' * (n > 1)} of a code named as 'coded with nothing' ({each}) "
        f"{'are' if n > 1 else 'is'} read as no code, as NONE in a long table is: such a passage "
        "agrees with a coder who coded nothing there (docs/agreement.md, Empty and missing)"
    )


def _rows_note(rows: list[tuple[Path, list[str]]], one: str, many: str) -> str | None:
    """The note naming rows of the tables read (each table's path and where the rows are in
    it, ``line 4``): ``one`` when there is one, else ``many``, with ``{n}`` how many,
    ``{first}`` the first (``a.csv line 4``) and ``{few}`` the first four
    (:func:`~roqa_nlp.errors.first_few`) in their place; None when there are none."""
    from ..errors import first_few

    places = [f"{path.name} {where}" for path, wheres in rows for where in wheres]
    if not places:
        return None
    said = one if len(places) == 1 else many
    return said.format(n=len(places), first=places[0], few=first_few(places))


def _dropped_selections_note(
    path: Path, warnings: list[str], coders: dict[str, int] | None = None
) -> str | None:
    """What the selections of ``path`` not imported for their positions (outside the text,
    reversed, empty: each warned of, with the fix) are here: text their coder did not select,
    so read and given no code, or missing in a transcript they coded nothing else in (refi
    tester, session 69: the warning said "1 coding not imported", not what that did to
    agreement); None when there are none. ``coders`` (coder name -> such selections of theirs,
    :attr:`~roqa_nlp.exchange.qdpx_import.QdpxProject.dropped_by`) names whose they were
    (session 70: "its coder" named no one)."""
    from ..exchange.qdpx_import import SELECT_AGAIN

    k = sum(1 for w in warnings if w.endswith(f"({SELECT_AGAIN})"))
    if not k:
        return None
    one = k == 1
    it = "it" if one else "them"
    names = list(coders or {})
    if len(names) == 1:
        whose, who = f" of {names[0]}'s", names[0]
    elif names:
        by = ", ".join(f"{name} {n}" for name, n in (coders or {}).items())
        whose, who = f" ({by})", "its coder" if one else "their coder"
    else:
        whose, who = "", "its coder" if one else "their coder"
    return (
        f"{path.name}: {k} selection{'' if one else 's'}{whose} not imported (warned of above) "
        f"{'is' if one else 'are'} not compared: where {it if one else 'they'} lay, "
        f"{who} counts as coding nothing, as text a QDA coder did not "
        "select is text they read and gave no code (or as missing, in a transcript they coded "
        f"nothing else in); to compare {it}, {SELECT_AGAIN.replace('that passage', it)}"
    )


def _ids_split_note(cells: int, books: list[str], tables: list[Any]) -> str:
    """The note on ``cells`` comma cells of long tables read with no codebook and no result,
    split as they are code ids of the built-in ``books`` ("IS.C, IS.D.2"), as
    docs/agreement.md says: a cell of names is kept whole. Compared as written, an id is not
    the code of its name, so where the tables hold both, the note names one and the codebook
    that compares them by id."""
    from ..codebook import builtin_codebook
    from ..errors import and_list

    said = (
        f"{cells} code cell{'s' * (cells > 1)} with commas read as several codes each, every "
        f"part a code id of {and_list(books)}: ids are split with no codebook, as no team names "
        "its own codes so, while a cell of names is kept as one code (';' separates the codes "
        "of one cell)"
    )
    written = {c for t in tables for c in t.codes if c}
    folded = {c.casefold() for c in written}
    for b in books:
        book = builtin_codebook(b)
        for c in sorted(written):
            code = book.find(c)
            # a name of the codebook (not an id) whose id the tables hold too
            if code is not None and code.id.casefold() in folded - {c.casefold()}:
                return (
                    f"{said}; compared as written, an id is not the code of its name "
                    f"({code.id!r} is not {c!r}): --codebook {b} compares them by id"
                )
    return said


def _own_codes_notes(table: Any, path: Path) -> list[str]:
    """The notes on a long table's codes ``--codebook`` does not know that are no error
    (:func:`~roqa_nlp.coding_agreement.read_long_csv`): names of a code of another input's own,
    each spelling once under its code."""
    notes = []
    spellings: dict[str, list[str]] = {}
    for typed, (cid, _, _) in table.matched_own.items():
        spellings.setdefault(cid, []).append(typed)
    for cid, typed in spellings.items():
        first = table.matched_own[typed[0]]
        notes.append(
            f"{path.name}: {repr(typed[0])} ({first[2]})"
            + "".join(f" = {t!r}" for t in typed[1:])
            + f" is matched by name to {first[1]}'s {_said(cid, table.code_names[cid])}, a "
            "code of another input's own"
        )
    return notes


def _matched_by_id_alone(tables: list[tuple[Path, Any]], results: dict[str, Any]) -> list[str]:
    """The notes on long tables with no ``text`` column whose units are segment ids of the
    results: they are matched by id alone, which cannot tell a changed transcript coded again
    (its ids moved) from the run the codes were given on, as a text column can
    (:func:`~roqa_nlp.coding_agreement.check_table_texts`).

    One short note names every such table. A table with units that look like another run's
    ids, ids of a transcript a result coded that are no segment of it (even with other case or
    leading zeros, which their own note names), gets a note of its own saying so, with one of
    them. Before, each table got the whole explanation on every comparison with a run, though
    nothing looked amiss (session 57: noisy)."""
    from ..errors import quoted
    from ..transcripts import natural_key

    segments: dict[str, set[str]] = {}  # a result's coder -> its segment ids
    transcripts: dict[str, set[str]] = {}  # a result's coder -> the transcripts it coded
    for c, r in results.items():
        segments[c] = {sr.segment.id for sr in r.segments}
        transcripts[c] = {sr.segment.transcript_id for sr in r.segments}
    alike = {_unpadded(u.casefold()) for ids in segments.values() for u in ids}
    plain: list[tuple[str, list[str]]] = []
    notes: list[str] = []
    for path, table in tables:
        if table.unit_texts is not None:
            continue
        ids = {u.id for u in table.units}
        runs = [c for c in results if ids & segments[c]]
        if not runs:
            continue
        odd = sorted(
            (
                u
                for u in ids
                if _unpadded(u.casefold()) not in alike
                and any(u.rpartition(":")[0] in transcripts[c] for c in runs)
            ),
            key=natural_key,
        )
        if not odd:
            plain.append((path.name, runs))
            continue
        k = len(odd)
        notes.append(
            f"{path.name} has no text column, and {k} of its units "
            f"{'are' if k > 1 else 'is'} no segment of {', '.join(runs)} though of a transcript "
            f"{'they' if len(runs) > 1 else 'it'} coded (e.g. {quoted(odd[0])}): its ids may be "
            "another run's, and ids move when a changed transcript is coded again, so its "
            "codes may be compared with other words; give each row its segment's words in a "
            "text column (as codings.csv has) to have them checked"
        )
    if plain:
        names = [name for name, _ in plain]
        runs = list(dict.fromkeys(c for _, rs in plain for c in rs))
        one = len(names) == 1
        notes.insert(
            0,
            f"{', '.join(names)} {'has' if one else 'have'} no text column, so "
            f"{'its' if one else 'their'} unit ids are matched to {', '.join(runs)}'s segments "
            "unchecked (a text column of each segment's words lets them be checked)",
        )
    return notes


def _compared(
    read: _ReadInputs, *, model_threshold: float | None, units: str, at: str
) -> LoadedCodings:
    """The coders of ``read`` in one codebook, at level ``at``, cut into units
    (:func:`load_coded_units`), with the notes and warnings that say how."""
    from ..coding_agreement import (
        NOT_MATCHED_AS_HELD,
        NOT_MATCHED_BY_NAME,
        _units_from_results,
        match_codes_by_name,
        merge_coded_units,
        merge_spelling_variants,
        number_written,
    )
    from ..crosswalk import PROJECT_SUFFIX

    results, tables, book, where = read.results, read.tables, read.book, read.where
    csv_notes: list[str] = []
    csv_book = None  # the results' codebook a long CSV's names were resolved in
    resolved: set[str] = set()  # the code ids they were resolved to
    typed = tables  # the long CSVs as written, whose names near another are looked for
    # the codebook the results are compared in without --codebook: a long CSV's names are
    # resolved in it too, not in the model's own (tester, session 52: CFIR 2.0 names resolved
    # in CFIR 2009 beside a run charted in CFIR 2.0, kappa -0.044 for 0.283)
    recorded, charts_differ = (
        recorded_chart_of(results, read.source) if book is None else (None, None)
    )
    if book is None and tables and results:
        tables, csv_notes, csv_book, resolved = _csv_names_resolved(
            tables, results, recorded=recorded, sources=read.source, where=where
        )
    project_book: tuple[Any, str | None] = (None, None)
    own_books: dict[str, Any] = {}
    if at != "code":
        *found_book, own_books = _project_hierarchy(results, read.source)
        if book is None and not tables:
            project_book = (found_book[0], found_book[1])
        elif book is None and csv_book is not None:
            project_book = (csv_book, None)
    # results charted in the recorded codebook, and the CSV's names resolved in it, are of one
    mixed = (
        None
        if book is not None or recorded
        else _two_codebooks_warning(results, tables, model_threshold=model_threshold)
    )
    exported = [c for c, r in results.items() if _exported_person(r)]
    anchored_note = _review_of_model_note(results)
    valence_notes = _model_valence_notes(results)
    review_valences = _review_valences(results)
    uncut = results
    results, reviewed_notes, decided = _on_reviewed_segments(results)
    if decided and tables:
        tables, outside = _tables_on_decided(tables, uncut, results)
        reviewed_notes = [*reviewed_notes, *outside]
    # a code of the codebook the codings were charted in keeps its id, and another project's
    # code of its name takes it (the model's project.staff-wellbeing, a review's WF-WELL)
    results, matched_notes = match_codes_by_name(results, book if book is not None else recorded)
    own_codes = results  # each coder's codes in their own codebook
    fanned: dict[tuple[str, str, tuple[str, ...]], dict[str, int]] = {}
    charted: dict[str, dict[str, list[str]]] = {}
    results, translated, models = in_one_codebook(
        results,
        book,
        model_threshold=model_threshold,
        recorded=recorded,
        sources=read.source,
        fanned=fanned,
        charted=charted,
    )
    versions = codebook_versions(read.results)
    compared = book if book is not None else recorded
    if at != "code" and compared is not None:
        charted = {m: _ties_at(ties, compared, at) for m, ties in charted.items()}
    if compared is not None:
        base = compared.id.removesuffix(PROJECT_SUFFIX)
        translated.extend(
            f"{_versions_said(i, per)}: compared in {_version_named(compared)}, each code "
            "resolved there by id, name or alias"
            for i, per in versions.items()
            if i == base
        )
    level_notes: list[str] = []
    rolled: dict[str, int] = {}
    if at == "code":
        compared_in = book if book is not None else recorded
        level_notes.extend(_codes_not_in_note(results, compared_in, models, model_threshold))
    if at != "code":
        results, tables, level_notes, rolled = _at_level(
            results,
            tables,
            book,
            at,
            models=models,
            model_threshold=model_threshold,
            project=project_book,
            own=own_books,
            versions=versions,
        )
    parts = list(tables)
    if results:
        parts.append(
            _units_from_results(  # the codebooks checked before the results were charted in one
                results,
                model_threshold=model_threshold,
                units=units,
                models=models,
                coverage=decided,
            )
        )
    if len(parts) > 1 and results:  # CSVs with CSVs only: the message naming each input below
        # before the coders are put side by side: a CSV beside selections cut into character
        # spans is refused whatever the coders are named (before: the advice to rename a coder
        # both had, and only then this, tester, session 60)
        ids = [{u.id for u in part.units} for part in parts]
        if not set.intersection(*ids):
            raise _no_unit_shared_with_results(parts[:-1], parts[-1], units)
        _refuse_a_coder_in_a_table_and_a_result(read)
    merged = merge_coded_units(parts)
    if rolled:
        merged = dataclasses.replace(merged, rolled_up={**merged.rolled_up, **rolled})
    # a tie on a segment left out of the comparison (one coder's alone) changes no figure
    charted = {m: _ties_compared(ties, merged, read.results.get(m)) for m, ties in charted.items()}
    notes = [f"{r}, as another input has a coder of that name" for r in read.renamed]
    notes.extend(level_notes)
    notes.extend(read.renamed_codings)
    if anchored_note:
        notes.insert(0, anchored_note)
    notes[:0] = reviewed_notes
    if models:
        notes.append(_models_note(models, results))
        notes.extend(
            _model_counting_notes(models, read.results, model_threshold, charted, compared)
        )
    notes.extend(read.review_notes)
    notes.extend(valence_notes)
    notes.extend(matched_notes)
    notes.extend(read.table_notes)
    notes.extend(csv_notes)
    near_names = one_code = None
    if book is None and tables:
        written = {c for t in tables for c in t.codes} - resolved
        merged, groups = merge_spelling_variants(merged, written)
        numbers = [g for g in groups if number_written(g[0]) is not None]
        if names := [g for g in groups if g not in numbers]:
            notes.append(
                f"counted as one code, as the names differ only in {_differences_said(names)}: "
                f"{_merged_shown(names)} (--codebook compares codes by codebook id)"
            )
        if numbers:
            notes.append(
                f"counted as one code, as they write the same number: {_merged_shown(numbers)}"
            )
        one_code = _one_code_of_a_codebook_warning(merged, written)
        near_names = _near_names_warning(merged, written, csv_book)
        as_typed = {
            c for t in typed for c in t.codes if c and (csv_book is None or not csv_book.find(c))
        }
        if as_typed - written:  # names of another input's own code, now that code: a typo of
            # one is near the name as written (regression hunt, session 68: 'Manager burnot'
            # beside the sheet's 'Manager burnout', now project.manager-burnout, had no warning)
            spelled, _ = merge_spelling_variants(merge_coded_units(typed), as_typed)
            near_names = _near_names_warning(spelled, as_typed, csv_book)
    spans_because = parts[-1].spans_because if results else ""
    if spans_because:
        notes.append(
            f"units are character spans, not segments: {spans_because}; so each transcript is "
            "cut wherever a coder's coding starts or ends, within the segments each coder "
            "coded (--units segments needs one segmentation)"
        )
    if merged.unit_kind == "segments" and merged.unselected[0]:
        n, chars = merged.unselected
        # one rule read two ways: by segment the units are the selections, by character span
        # text no coder selected is text each read and gave no code (tester, session 60: 20
        # units here, 41 with one passage left uncoded, and no word of why)
        notes.append(
            f"units are the coders' selections, as they are the same for every coder: the {n} "
            f"stretch{'es' * (n != 1)} of text no coder selected ({chars:,} characters: "
            "interviewers' turns, speaker labels, passages set aside) "
            f"{'are no units' if n != 1 else 'is no unit'}; --units spans compares "
            f"{'them' if n != 1 else 'it'} as text each coder read and gave no code, as when "
            "the selections differ"
        )
    if len(merged.coders) >= 2 and (asked := _interviewer_turn_note(merged, read.results)):
        notes.append(asked)
    on_segments = merged.judged_on_segments
    notes.extend(
        _on_turns_note(c) if _from_qdpx(read.results.get(c)) else _on_segments_note(c)
        for c in on_segments
        if c in merged.models
    )
    if people := [c for c in on_segments if c not in merged.models]:
        notes.append(_people_on_segments_note(people))
    beyond = _beyond_the_mapping(own_codes, models, merged, book if book is not None else recorded)
    if beyond is not None:
        notes.append(beyond[0])
    versions_differ = None if compared is not None else _versions_warning(versions, read.results)
    warnings = [w for w in (mixed, charts_differ, versions_differ) if w]
    if len(merged.coders) >= 2:
        warnings.extend(_trained_on_warnings(results, models, merged))
    if len(merged.coders) == 2:  # of three or more: by pair, on their own (load_coded_units)
        slivers = _slivers_warning(merged, read.results)
        if slivers is not None:
            warnings.append(slivers)
    if book is None and tables:
        warnings.extend(w for w in (one_code, near_names) if w is not None)
    if len(merged.coders) >= 2:
        notes.extend(_overlap_notes(merged, where, read.results))
        notes.extend(_pairs_sharing_nothing(merged))
        notes.extend(_exported_review_notes(merged, exported))
        notes.extend(
            _coded_nothing_notes(
                merged,
                results,
                read.marked_none,
                {c: u for t in read.tables for c, u in t.none_given.items()},
            )
        )
        unmatched = any(
            n.startswith((NOT_MATCHED_BY_NAME, NOT_MATCHED_AS_HELD)) for n in matched_notes
        )
        if book is None:
            _refuse_codes_shared_in_a_codebook(merged, results, read.source)
        alone = _no_shared_code_warning(
            merged, given_codebook=book is not None, unmatched=unmatched
        )
        if alone is not None:
            warnings.append(alone)
    return LoadedCodings(
        merged,
        translated,
        notes,
        warnings,
        compared_in=None if recorded is None else recorded.id,
        review_valences=review_valences,
        unreachable=None if beyond is None else beyond[1],
        # at a level, the codes are rolled up: the rows are no longer the codes charted
        fanned=fanned if at == "code" else {},
        fanned_in=next((b.id for b in (book, recorded) if b is not None), None),
        tied_top={m: ties for m, ties in charted.items() if ties},
    )


#: a character-span unit with fewer letters and digits than this is a sliver: most often one
#: coder's selection missing the other's edge by a few characters (:func:`_slivers_warning`)
SLIVER_LETTERS = 4


def _slivers_warning(
    coded: Any, results: dict[str, Any], pair_units: dict[tuple[str, str], Any] | None = None
) -> str | None:
    """A warning counting the character-span units the coders disagree on that hold fewer than
    :data:`SLIVER_LETTERS` letters and digits, and how many of the disagreements they are,
    naming a few; None when there are none. Each such sliver is a full disagreement, as every
    unit is, whatever its length (documented), but nothing flagged them: a selection starting
    two characters late made one per coding (tester agree2, session 79: kappa 0.903 -> 0.618,
    42 of 121 units two letters long, with no word of it).

    With three coders or more, the slivers are counted by pair, each on the pair's own units
    (``pair_units``, as :func:`load_coded_units` figures each pair; the units of all the inputs
    for a pair without), and the pairs they lie between are named: counted over the units of
    all the inputs, they named no pair (hunt s79 L4: Cara's selections 2 characters late beside
    an Ana - Ben row of 1.000), and a boundary of one coder 2 characters from another's made a
    sliver of no pair's units."""
    if coded.unit_kind != "spans":
        return None
    texts = {tid: t.text for r in results.values() for tid, t in r.transcripts.items() if t.text}
    if len(coded.coders) == 2:
        a, b = coded.coders
        disagree, slivers, shown = _slivers_between(coded, a, b, texts)
        if not slivers:
            return None
        more = ", ..." if slivers > len(shown) else ""
        return (
            f"{slivers} of the {disagree} units the coders disagree on "
            f"{'holds' if slivers == 1 else 'hold'} fewer than "
            f"{SLIVER_LETTERS} letters or digits ({', '.join(shown)}{more}): " + _SLIVERS_ARE
        )
    by_pair = []
    for a, b in itertools.combinations(coded.coders, 2):
        disagree, slivers, shown = _slivers_between(
            (pair_units or {}).get((a, b), coded), a, b, texts
        )
        if slivers:
            more = ", ..." if slivers > len(shown) else ""
            by_pair.append(f"{a} - {b} {slivers} of {disagree} ({', '.join(shown)}{more})")
    if not by_pair:
        return None
    return (
        f"units of fewer than {SLIVER_LETTERS} letters or digits are among the units "
        f"{'these pairs' if len(by_pair) > 1 else 'this pair'} of coders disagree on, by pair: "
        f"{'; '.join(by_pair)}: " + _SLIVERS_ARE
    )


#: what a sliver is, and what to do (:func:`_slivers_warning`)
_SLIVERS_ARE = (
    "such a sliver is mostly one coder's selection missing another's edge by a few characters, "
    "and counts as a full disagreement, as every unit does whatever its length; check the "
    "selections there in the QDA program (docs/agreement.md, Results with different selections)"
)


def _slivers_between(
    coded: Any, a: str, b: str, texts: dict[str, str]
) -> tuple[int, int, list[str]]:
    """The units of ``coded`` coders ``a`` and ``b`` both judged and disagree on; how many of
    them hold fewer than :data:`SLIVER_LETTERS` letters and digits; and the first 3 of those,
    each named with its words (``p01:@41-43 'We'``)."""
    disagree = slivers = 0
    shown: list[str] = []
    for u in coded.units:
        x, y = coded.codings[a].get(u.id), coded.codings[b].get(u.id)
        if x is None or y is None or x == y:
            continue
        disagree += 1
        text = texts.get(u.transcript)
        if text is None or u.start is None or u.end is None:
            continue
        words = text[u.start : u.end]
        if sum(ch.isalnum() for ch in words) < SLIVER_LETTERS:
            slivers += 1
            if len(shown) < 3:
                shown.append(f"{u.id} {words.strip()!r}")
    return disagree, slivers, shown


def _interviewer_turn_note(coded: Any, results: dict[str, Any]) -> str | None:
    """A note counting the compared units coded by someone that lie wholly in interviewers'
    turns (their speaker labels aside), as each source's text is read into turns with the
    speaker labels ``roqa code`` reads (``roqa import`` reads a .qdpx's so), naming a few and
    who coded them; None when there are none. ``roqa code`` skips those turns, so a researcher
    does not expect a coded question to be a unit (tester, session 60: 3 of 24 units, Cost's
    kappa 0.643 -> 0.238, with no word of it)."""
    from ..errors import first_few

    turns: dict[str, list[Any]] = {}
    for res in results.values():
        for tid, t in res.transcripts.items():
            if t.turns and tid not in turns:
                turns[tid] = sorted(t.turns, key=lambda u: u.start)
    if not turns:
        return None
    compared = coded.compared_mask() & coded.coded_mask()
    found: list[str] = []
    for unit, counted in zip(coded.units, compared):
        if not counted or unit.start is None or unit.end is None or unit.transcript not in turns:
            continue
        roles = {
            u.role
            for u in turns[unit.transcript]
            if u.start < unit.end and unit.start < u.end and u.end > u.start
        }
        if roles == {"interviewer"}:
            who = [c for c in coded.coders if coded.codings[c].get(unit.id)]
            found.append(f"{unit.id} ({', '.join(who)})")
    if not found:
        return None
    n, of = len(found), int(compared.sum())
    return (
        f"{n} of the {of} coded units compared lie{'s' * (n == 1)} wholly in interviewers' "
        f"turns ({first_few(found, 3)}): a coding of the interviewer's (or a moderator's) "
        "words is compared as any other, though roqa code skips those turns; to leave "
        f"{'it' if n == 1 else 'them'} out, uncode those words (or select the answer alone) "
        "in the QDA program"
    )


def _refuse_a_coder_in_a_table_and_a_result(read: _ReadInputs) -> None:
    """A one-line error when a long table and a result (a .qdpx user, a result folder) have a
    coder of one name, naming both inputs, with advice that fits them: the table's coder
    column can be renamed (before: a run.json's or folder's name, advice for results alone,
    tester, session 60)."""
    from ..errors import RoqaError

    for t in read.tables:
        for c in t.coders:
            if c in read.results:
                path = read.table_of[c]
                raise RoqaError(
                    f"{path} and {read.where[c]} both have a coder named {c!r}",
                    hint=f"if they are two coders, write another name for {c!r} in the coder "
                    f"column of {path.name}",
                )


def _beyond_the_mapping(
    results: dict[str, Any], models: list[str], coded: Any, target: Any | None
) -> tuple[str, dict[str, Any]] | None:
    """The note, and the JSON's ``unreachable``, when coders compared code in another codebook
    than ``target`` (the one compared in) and other coders' units carry only codes of
    ``target`` no code of that codebook maps onto (:func:`~roqa_nlp.crosswalk.unreachable`):
    a model can never give them, nor can a person's translated codes (a CFIR 2009 review
    compared in CFIR 2.0) express them, so each such unit is a disagreement beyond the mapping,
    as ``roqa evaluate`` says of such records (tester, session 52: Hannah's Critical Incidents,
    Local Conditions ... with --codebook cfir-2022, unsaid; tester cfir2, session 65: the same
    for a translated person, unsaid, kappa 0.541). None when there are none."""
    from ..crosswalk import PROJECT_SUFFIX, given_codebook, unreachable
    from ..errors import RoqaError, first_few

    if target is None:
        return None
    never_of: dict[str, set[str]] = {}  # each translated coder -> the codes it can never give
    source_of: dict[str, str] = {}  # each translated coder -> its codebook
    for c, result in results.items():
        # with its new codes (Critical Incidents of a review, charted as OUT.A): what it gives
        source = given_codebook(result)
        if source is None or source.id.removesuffix(PROJECT_SUFFIX) == target.id:
            continue
        try:
            never_of[c] = unreachable(source, target)
        except RoqaError:  # no mapping: refused or said elsewhere
            continue
        source_of[c] = source.id
    if len(set(source_of.values())) > 1:
        # people translated from codebooks of their own (erondu-2021, CFIR 2.0) into a third:
        # one note would give one's codes to the other (hunt s65 h_agree R2); models alone, as
        # before people were translated here
        source_of = {c: b for c, b in source_of.items() if c in models}
    whose = list(source_of)
    never = set().union(*(never_of[c] for c in whose))
    if not never:
        return None
    units: dict[str, int] = {}
    used: set[str] = set()
    for coder in coded.coders:
        if coder in whose:
            continue
        for unit, codes in coded.codings[coder].items():
            if not any(unit in coded.codings.get(m, {}) for m in whose):
                continue
            used |= codes & never
            if codes and codes <= never:
                units[coder] = units.get(coder, 0) + 1
    if not used:
        return None
    source_id = source_of[whose[0]]
    names = [f"{c} {target[c].name}" if c in target else c for c in sorted(used)]
    per = "; ".join(f"{c}: {n} coded unit{'s' * (n != 1)}" for c, n in units.items())
    machines = [c for c in whose if c in models]
    people = [c for c in whose if c not in models]
    its = "its" if len(machines) == 1 else "their"
    said = []
    if machines:
        said.append(
            f"{', '.join(machines)} code{'s' * (len(machines) == 1)} in "
            f"{source_of[machines[0]]} and can never give them in {target.id}, so they count "
            f"as {its} disagreements"
        )
    if people:
        theirs = f"{people[0]}'s" if len(people) == 1 else "their"
        said.append(
            f"{', '.join(people)} coded in {source_of[people[0]]}, no code of which maps onto "
            f"them in {target.id}, so they count as {theirs} disagreements, ones the mapping "
            "makes, not a reading of the text"
        )
    note = (
        f"codes no {source_id} code maps onto were applied ({first_few(names, 5)}, marked † "
        f"in the table of each code): {'; '.join(said)}"
        + (
            f" ({per} carr{'ies' if list(units.values()) == [1] else 'y'} only such codes)"
            if units
            else ""
        )
    )
    unreach = {"from": source_id, "models": machines, "people": people}
    return note, {**unreach, "codes": sorted(used), "units": units}


def _trained_on_warnings(results: dict[str, Any], models: list[str], coded: Any) -> list[str]:
    """For each model compared whose card records the review texts it was trained with (``roqa
    train --feedback``): how many of its segments compared with another coder (in a unit both
    judged) are among them (:func:`~roqa_nlp.training.n_trained_on`, the check ``roqa code``
    makes): its codes on them repeat that review, so agreement with it is no validation (tester
    s51: kappa 0.992 of a model retrained on the very review it was compared with, unsaid)."""
    from ..result import MODEL_CARD_KEY
    from ..training import n_trained_on

    units = {u.id: u for u in coded.units}
    out = []
    for coder in models:
        result = results.get(coder)
        meta = getattr(result, "meta", None)
        card = meta.get(MODEL_CARD_KEY) if isinstance(meta, dict) else None
        if result is None or not isinstance(card, dict):
            continue
        own = coded.codings.get(coder, {})
        others = [c for c in coded.coders if c != coder]
        shared = [units[u] for u in own if any(u in coded.codings.get(c, {}) for c in others)]
        spans: dict[str, list[tuple[int, int]]] = {}
        ids = set()
        for u in shared:
            ids.add(u.id)
            if u.start is not None and u.end is not None:
                spans.setdefault(u.transcript, []).append((u.start, u.end))
        texts = [
            s.segment.text
            for s in result.segments
            if s.segment.role != "interviewer"
            and (
                s.segment.id in ids
                or any(
                    a < s.segment.end and s.segment.start < b
                    for a, b in spans.get(s.segment.transcript_id, ())
                )
            )
        ]
        n = n_trained_on(card, texts)
        if n:
            m = len(texts)
            out.append(
                f"{coder}: {n} of the {m} segment{'s' if m != 1 else ''} compared "
                f"{'were' if n != 1 else 'was'} in this model's training decisions: its codes "
                f"on {'them' if n != 1 else 'it'} repeat that review, so agreement on "
                f"{'them' if n != 1 else 'it'} is no held-out validation of the model (compare "
                "it on interviews it was not trained with)"
            )
    return out


def _no_unit_shared_with_results(tables: list[Any], of_results: Any, units: str) -> Exception:
    """The error when long tables share no unit with the results (``of_results``, their
    CodedUnits): the results cut into character spans, which a table's units are not (given
    ``--units spans``, or selections that are not shared segments); else the table's units are
    not the results' segment ids, one of each shown (tester, session 50: the CSV's
    'p01_interview:01' for the results' 'p01_interview:0001')."""
    from ..errors import RoqaError, quoted

    if of_results.unit_kind == "spans":
        why = (
            "--units spans cuts the results into character spans"
            if units == "spans"
            else "the results' segments are not shared (a QDA program's selections), so they "
            "are compared by character span"
        )
        return RoqaError(
            "a long CSV cannot be cut into character spans: its units are compared with the "
            f"results' segment ids, and {why}",
            hint="leave out --units spans"
            if units == "spans"
            else "compare the CSV with long CSVs, or the results with results",
        )
    written = next(u.id for t in tables for u in t.units)
    segment = of_results.units[0].id
    alike = ""
    for how, key in (
        ("in another case", str.casefold),
        ("with other leading zeros", _unpadded),
        ("in another case and with other leading zeros", lambda u: _unpadded(u.casefold())),
    ):
        if {key(u.id) for t in tables for u in t.units} & {key(u.id) for u in of_results.units}:
            alike = f" (the same ids {how})"
            break
    return RoqaError(
        "the inputs share no unit: a long CSV's units must be the results' segment ids, and the "
        f"CSV has e.g. {quoted(written)}, the results {quoted(segment)}{alike}",
        hint="write the results' segment ids, segment_id in their codings.csv, in the CSV's "
        "unit column",
    )


def _unpadded(unit: str) -> str:
    """``unit`` with every number's leading zeros dropped (P01:0007 -> P1:7), but for the digits
    after a point: 1.01 and 1.1 are two units (a decimal, or two outline sections as
    :func:`~roqa_nlp.identifiers.number_written` reads them; regression hunt, session 58)."""
    return re.sub(r"(?<![.\d])\d+", lambda m: str(int(m.group())), unit)


def _codes_not_in_note(
    results: dict[str, Any], recorded: Any | None, models: list[str], threshold: float | None
) -> list[str]:
    """At the code level, the note naming the codes the results count as applied that the
    codebook they are compared in (``recorded``: --codebook's, or the one ``roqa code
    --codebook`` recorded; else the one built-in codebook they code in) lacks, compared as
    written, as ``--at`` names those it puts in no construct or domain (team test, session 47:
    an edited codings.jsonl's 'Leadership Engagment' got a note at the domain level and none at
    the code level). With --codebook too: a codings.jsonl's code of its own is compared as
    written there, as without (a review's new codes are the researcher's right), and the note
    had gone (tester, session 54). A project's own codes (``project.``, a QDA program's GUIDs)
    are no codes of the codebook to lack. [] when there are none."""
    from ..code_levels import left_as_written_note
    from ..codebook import builtin_codebook
    from ..coding_agreement import counted_codings
    from ..crosswalk import _is_own_id, codebook_of

    study = recorded
    if study is None:
        used = {b for r in results.values() if (b := codebook_of(r)) is not None}
        study = builtin_codebook(used.pop()) if len(used) == 1 else None
    if study is None:
        return []
    left: dict[str, dict[str, str]] = {}
    for coder, result in results.items():
        counted = counted_codings(result, model_threshold=threshold, model=coder in models)
        for s in counted.segments:
            for g in s.suggestions:
                if study.find(g.code_id) is None and not _is_own_id(g.code_id):
                    left.setdefault(coder, {}).setdefault(g.code_id, g.name)
    note = left_as_written_note(study, "code", left)
    return [] if note is None else [note]


def _near_names_warning(coded: Any, written: set[str], study: Any | None) -> str | None:
    """The warning naming the codes a long CSV names, compared as written (no --codebook), that
    are near a name of the study's codebook or of another of its codes, each with the "did you
    mean" ``roqa apply-decisions`` gives (:func:`~roqa_nlp.coding_agreement.near_code_names`);
    None when none is. The study's codebook is ``study`` (the one the other inputs code in),
    else the built-in codebook that knows at least half the names, if one does."""
    from ..coding_agreement import near_code_names
    from ..transcripts import natural_key

    uses: dict[str, int] = {}
    whose: dict[str, set[str]] = {}
    for coder in coded.coders:
        for got in coded.codings[coder].values():
            for code in got & written:
                uses[code] = uses.get(code, 0) + 1
                whose.setdefault(code, set()).add(coder)
    if study is None:
        study = _builtin_codebook_of_names(uses)
    near = near_code_names(uses, study)
    if not near:
        return None

    def named(name: str) -> str:
        if name in uses:
            return f"{name!r} ({', '.join(sorted(whose[name], key=natural_key))})"
        if "; " in name:  # a comma cell's codes (near_code_names)
            return f"{name!r} ({name.count('; ') + 1} codes, ';' between them)"
        return f"{name!r} ({getattr(study, 'id', '')})"  # a name only the codebook has

    said = [f"{named(n)}: did you mean {' or '.join(map(named, near[n]))}?" for n in near]
    k = len(said)
    return (
        f"{k} code name{'s' * (k > 1)} near another {'are' if k > 1 else 'is'} compared as "
        f"written, as {'codes' if k > 1 else 'a code'} of {'their' if k > 1 else 'its'} own: "
        + "; ".join(said[:5])
        + (f"; and {k - 5} more." if k > 5 else "")
        + (
            f" Correct the CSV, or give --codebook {study.id} to check every name"
            if study is not None
            else " Correct the CSV if one is a typo"
        )
    )


def _one_code_of_a_codebook_warning(coded: Any, written: set[str]) -> str | None:
    """The warning naming the codes a long CSV names, compared as written (no --codebook), that
    are one code of a built-in codebook: an id and its name ('IS.C', 'Culture'), a name and
    its alias ('Champion', 'Champions'), a singular and its plural. As written they are codes
    of their own, so each unit where two coders wrote two names of one code is a disagreement
    (agree tester, session 72: kappa 0.118, 1.000 with --codebook cfir-2009, and no word). Of
    the built-in codebooks that know at least half the names, the one that makes the most of
    them one code with another; None when none does."""
    from ..errors import and_list
    from ..transcripts import natural_key

    whose: dict[str, set[str]] = {}
    for coder in coded.coders:
        for got in coded.codings[coder].values():
            for code in got & written:
                whose.setdefault(code, set()).add(coder)
    names = sorted(whose, key=natural_key)

    def groups_of(known: dict[str, str]) -> dict[str, list[str]]:
        """The names ``known`` (name -> its code's id) that are one code with another, by code."""
        by_code: dict[str, list[str]] = {}
        for name, cid in known.items():
            by_code.setdefault(cid, []).append(name)
        return {cid: group for cid, group in by_code.items() if len(group) > 1}

    book = _builtin_codebook_of_names(names, lambda known: sum(map(len, groups_of(known).values())))
    if book is None:
        return None
    known = _names_known(book, names)
    groups = groups_of(known)
    own = [n for n in names if n not in known]  # what --codebook refuses (line N: unknown code)
    order = {c.id: i for i, c in enumerate(book.codes)}
    said = [
        f"{cid} {book[cid].name}: "
        + " = ".join(f"{n!r} ({and_list(sorted(whose[n], key=natural_key))})" for n in group)
        for cid, group in sorted(groups.items(), key=lambda g: order[g[0]])
    ]
    k = len(said)
    return (
        f"{k} group{'s' * (k > 1)} of code names {'are each' if k > 1 else 'is'} one code of "
        f"{book.id}, but {'are' if k > 1 else 'is'} compared as written, as different codes: "
        + "; ".join(said[:4])
        + (f"; and {k - 4} more" if k > 4 else "")
        + (
            f". Give --codebook {book.id} to count {'each group' if k > 1 else 'it'} as its one "
            "code"
            if not own
            else f". --codebook {book.id} would count {'each group' if k > 1 else 'it'} as its "
            f"one code, but refuses a name that is no code of it, as {_own_names_said(own)}: to "
            f"keep {'them' if len(own) > 1 else 'it'} as your own, write "
            f"{'each group' if k > 1 else 'the group'}'s names alike in the CSV instead"
        )
    )


def _own_names_said(own: Sequence[str]) -> str:
    """Names a long CSV writes that no codebook code has, as a note says them: up to 3, then a
    count (``'Morale' is``, ``'Morale', 'Rotas' and 2 more are``)."""
    from ..errors import and_list

    shown = [repr(n) for n in own[:3]] + ([f"{len(own) - 3} more"] if len(own) > 3 else [])
    return f"{and_list(shown)} {'is' if len(own) == 1 else 'are'}"


def _builtin_codebook_of_names(
    names: Collection[str], score: Callable[[dict[str, str]], int] = len
) -> Any | None:
    """Of the built-in codebooks that know at least half of ``names`` (codes a long CSV
    writes), the one ``score`` rates highest (the first of a tie), given the names it knows
    (:func:`_names_known`); by default, the one that knows the most. None when none knows half,
    or none scores above 0 (a team's own codes)."""
    from ..codebook import builtin_codebook
    from ..codebooks import BUILTIN

    best, most = None, 0
    for b in BUILTIN:
        book = builtin_codebook(b)
        known = _names_known(book, names)
        if names and 2 * len(known) >= len(names) and (n := score(known)) > most:
            best, most = book, n
    return best


def _names_known(book: Any, names: Iterable[str]) -> dict[str, str]:
    """Each of ``names`` that ``book`` knows (an id, a name or an alias of one of its codes, not
    a name several of its codes share), with its code's id, in the order of ``names``."""
    return {n: c.id for n in names if (c := book.find(n)) is not None and not book.sharing(n)}


def _across_files_shown(groups: list[list[tuple[str, str]]]) -> str:
    """Each coder read from several files, as a note shows them: ``'Ana' (b.csv) = 'ana'
    (a.csv); 'Ben' (a.csv, b.csv)``, a spelling once with every file it is in."""
    from ..codebook import spelling_shown

    shown = []
    for group in groups:
        files: dict[str, list[str]] = {}
        for spelling, f in group:
            files.setdefault(spelling, []).append(f)
        shown.append(
            " = ".join(f"{spelling_shown(c)} ({', '.join(fs)})" for c, fs in files.items())
        )
    return "; ".join(shown)


def _merged_shown(groups: list[list[str]]) -> str:
    """Groups of spellings counted as one code, as a note shows them ('a' = 'A'; 'b' = 'B'; a
    spelling not in NFC marked so, :func:`~roqa_nlp.codebook.spelling_shown`)."""
    from ..codebook import spelling_shown

    return "; ".join(" = ".join(spelling_shown(c) for c in g) for g in groups)


def _differences_said(groups: list[list[str]]) -> str:
    """What the spellings of ``groups``, each counted as one name, differ in, as the note
    merging them says it (:func:`~roqa_nlp.codebook.name_differences_said`)."""
    from ..codebook import name_differences_said

    return name_differences_said(c for g in groups for c in g)


def _csv_names_resolved(
    tables: list[Any],
    results: dict[str, Any],
    *,
    recorded: Any | None = None,
    sources: dict[str, Path] | None = None,
    where: dict[str, str] | None = None,
) -> tuple[list[Any], list[str], Any, set[str]]:
    """Long CSV tables whose code names are resolved in the one codebook the results are
    compared in (:func:`_results_codebook`), as ``--codebook`` resolves them (an id, a name or
    an alias, names compared as :meth:`~roqa_nlp.codebook.Codebook.find` does), with a note per
    coder; the codebook (None when there is no one codebook); and the ids names were resolved
    to.

    A name the codebook does not know (a code of the coder's own) is compared as written, and
    the note names it, rather than being an error as with ``--codebook``. But names another
    codebook has, one every input's codes translate into and which has every name of the
    tables, are a one-line error giving that codebook: as written they could agree with no
    code of the results (tester, session 52: CFIR 2.0 names beside a run charted in CFIR 2.0
    were resolved in CFIR 2009, kappa -0.044 for 0.283). Before, names were always compared as
    written, so a long CSV of names against a review or a model run (ids) shared no code:
    tester, session 41, 15 codes and kappa -0.052 instead of 0.640, with no word."""
    import dataclasses

    from ..codebook import SHARED_NAME_HINT, normalise_name
    from ..coding_agreement import own_codes_by_name, with_codes_renamed
    from ..errors import RoqaError, first_few
    from ..transcripts import natural_key

    book, why = _results_codebook(results, recorded)
    own_codes = own_codes_by_name(results, book)
    if book is None and not any(own_codes.values()):
        return tables, [], None, set()
    book_id = "" if book is None else book.id
    out: list[Any] = []
    notes: list[str] = []
    resolved: set[str] = set()
    unknown: dict[str, list[str]] = {}  # coder -> names the codebook does not know
    matched: set[str] = set()  # names of a code of another input's own
    for table in tables:
        rename: dict[str, str] = {}
        own_of: dict[str, tuple[str, str, str]] = {}  # name -> another input's own code
        named: dict[str, str] = {}  # a code id resolved to -> its name
        for code in table.codes:
            if book is None or (found := book.find(code)) is None:
                if code and (got := own_codes.get(normalise_name(code))) is not None:
                    rename[code], own_of[code] = got[0], got
                continue
            if len(shared := book.sharing(code)) > 1:  # as --codebook refuses it
                coder = next(
                    c for c in table.coders if any(code in k for k in table.codings[c].values())
                )
                raise RoqaError(
                    f"{book.shared_name_said(code, shared)}, {why}",
                    path=(where or {}).get(coder, coder),
                    hint=SHARED_NAME_HINT,
                )
            rename[code], named[found.id] = found.id, found.name
        resolved.update(rename.values())
        matched.update(own_of)
        names = {c: n for c, n in table.code_names.items() if c not in rename}
        names.update(named)
        names.update({cid: name for cid, name, _ in own_of.values()})
        out.append(dataclasses.replace(with_codes_renamed(table, rename), code_names=names))
        for coder in table.coders:
            mine = {c for codes in table.codings[coder].values() for c in codes}
            by_name = [c for c in mine if c in rename and rename[c] != c and c not in own_of]
            owns = [c for c in mine if c in own_of]
            left = sorted((c for c in mine if c and c not in rename), key=natural_key)
            if left and book is not None:
                unknown.setdefault(coder, []).extend(left)
            if not by_name and not owns and (not left or book is None):
                continue
            kept = first_few([repr(c) for c in left], 4)
            as_own = "matched by name to a code of another input's own: " + first_few(
                [
                    f"{_spellings_said(group)} as {own_of[group[0]][2]}'s "
                    + _said(cid, own_of[group[0]][1])
                    for cid, group in _by_code(owns, rename)
                ],
                4,
            )
            if by_name:
                groups = _by_code(by_name, rename)  # a code once, each spelling under it
                said = f"{_codes_are(coder, len(groups))} resolved in codebook {book_id}, "
                said += f"{why}: {first_few([_spellings_said(g) for _, g in groups], 4)}"
                if owns:
                    said += f"; and {as_own}"
                if left:
                    said += f"; not in it, so compared as written: {kept}"
            elif owns:
                said = f"{_codes_are(coder, len(_by_code(owns, rename)))} {as_own}"
                if left:
                    where_not = "no codebook" if book is None else f"codebook {book_id}, {why}"
                    said += f"; not in {where_not}, so compared as written: {kept}"
            else:
                whose = f"{coder}'s code{'s' * (len(left) != 1)}"
                said = (
                    f"{whose} (names in a long CSV) {'are' if len(left) > 1 else 'is'} not in "
                    f"codebook {book_id}, {why}, so compared as written: {kept}"
                )
            notes.append(f"{said} (--codebook sets another)")
    if unknown and book is not None:
        every = {c for t in tables for c in t.codes if c} - matched
        listed = [n for names in unknown.values() for n in names]
        found = _codebook_knowing(every, results, sources or {}, besides=book, aside=set(listed))
        if found is not None:
            into, target = found
            own = [n for n in listed if target.find(n) is None]
            unknown = {c: [n for n in ns if n not in own] for c, ns in unknown.items()}
            listed = [n for names in unknown.values() for n in names]
            k = len(listed)
            whose = f"{' and '.join(c for c, ns in unknown.items() if ns)}'s "
            whose += f"{f'{k} codes' if k > 1 else 'code'}"
            raise RoqaError(
                f"{whose} {first_few([repr(n) for n in listed], 4)} (names in a long CSV) "
                f"{'are' if k > 1 else 'is'} not {'codes' if k > 1 else 'a code'} of "
                f"{book.id}, {why}, so {'they' if k > 1 else 'it'} could agree with no code",
                hint=f"give --codebook {into}{_once_set_aside(own, target, book)}: it has every "
                f"{'other ' if own else ''}name of the long CSV, and every input's codes "
                "translate into it",
            )
    return out, notes, book, resolved


def _once_set_aside(names: list[str], target: Any, book: Any) -> str:
    """What is to be done to the names of a long CSV that ``--codebook`` would refuse, before it
    is given (:func:`_csv_names_resolved`'s error): typos of a name of ``target`` or ``book``
    corrected (a "did you mean"), the rows of codes of no codebook taken out; "" for none.
    Regression hunt, session 68: the hint said both were codes of no codebook "compared as
    written", and --codebook refused each."""
    from ..errors import first_few

    typos = [(n, asked) for n in names if (asked := target.did_you_mean(n) or book.did_you_mean(n))]
    own = [n for n in names if n not in dict(typos)]
    said = []
    if typos:
        one = len(typos) == 1
        said.append(
            f"the typo{'' if one else 's'} "
            + first_few([f"{n!r} ({asked})" for n, asked in typos], 4)
            + f" {'is' if one else 'are'} corrected"
        )
    if own:
        one = len(own) == 1
        said.append(
            f"the rows of {first_few([repr(n) for n in own], 4)}, "
            f"{'a code' if one else 'codes'} of no codebook, are taken out, as --codebook "
            f"refuses {'it' if one else 'them'}"
        )
    return f" once {' and '.join(said)}" if said else ""


def _by_code(names: list[str], rename: dict[str, str]) -> list[tuple[str, list[str]]]:
    """Names grouped by the code each is resolved to, in natural order, each group's
    spellings in natural order."""
    from ..transcripts import natural_key

    groups: dict[str, list[str]] = {}
    for n in sorted(names, key=natural_key):
        groups.setdefault(rename[n], []).append(n)
    return sorted(groups.items(), key=lambda g: natural_key(g[1][0]))


def _said(cid: str, name: str) -> str:
    """An input's own code as a note names it: its id, or ``code 'Staff Burnout'`` when the id
    is a GUID (:func:`~roqa_nlp.coding_agreement.own_code_id_said`)."""
    from ..coding_agreement import own_code_id_said

    return cid if own_code_id_said(cid) else f"code {name!r}"


def _codes_are(coder: str, k: int) -> str:
    """``Ana's 2 codes (names in a long CSV) are`` (``Ana's code (...) is`` for one), as a note
    on a long CSV's names opens."""
    return f"{coder}'s {f'{k} ' if k > 1 else ''}code{'s' * (k > 1)} (names in a long CSV) " + (
        "are" if k > 1 else "is"
    )


def _spellings_said(spellings: list[str]) -> str:
    """The spellings of one code, as a note shows them: ``'Available Resources' =
    'available resources'``."""
    return " = ".join(repr(s) for s in spellings)


def _results_codebook(results: dict[str, Any], recorded: Any | None) -> tuple[Any | None, str]:
    """The one codebook the results are compared in without ``--codebook``, and why, in words
    for a note: the one ``roqa code --codebook`` recorded (``recorded``), else the one codebook
    of the results' codes: a codebook of the researcher's own they carry (a model trained on
    it, its codebook.json beside the codings) or a built-in one; (None, "") when there is not
    one."""
    from ..codebook import Codebook
    from ..crosswalk import PROJECT_SUFFIX, _recorded_ids, codebook_of, own_codebook

    if recorded is not None:
        return recorded, "the codebook the other inputs are compared in (run.json's chart_codebook)"
    books = {}
    for r in results.values():
        own = own_codebook(r)
        if own is not None:
            books[(own.id, own.hash)] = own
        elif (used := codebook_of(r)) is not None:
            b = Codebook.load(used)
            books[(b.id, b.hash)] = b
    if len(books) != 1:
        return None, ""
    book = next(iter(books.values()))
    # a review in a built-in codebook with the project's new codes records and carries it
    # (cfir-2009+project, its codebook.json): its codes are compared in that one, not named as
    # foreign to cfir-2009 (daily13, s83: Bea's project codes were, though compared rightly)
    extended = {
        (c.id, c.hash): c
        for r in results.values()
        if (c := r.codebook) is not None
        and c.id == f"{book.id}{PROJECT_SUFFIX}"
        and c.id in _recorded_ids(r.meta)
    }
    if len(extended) == 1:
        book = next(iter(extended.values()))
    return book, "the codebook the other inputs use"


def _codebook_knowing(
    names: set[str],
    results: dict[str, Any],
    sources: dict[str, Path],
    *,
    besides: Any | None,
    aside: set[str] | None = None,
) -> tuple[str, Any] | None:
    """The ``--codebook`` value, and the codebook, of one that has every one of ``names`` (ids,
    names or aliases) and that every result's codes translate into (or are of): first the codebook
    files the results record or carry, then the built-in codebooks; not ``besides``; None when
    none does. It may lack names of ``aside`` (codes of a coder's own, or typos), so long as it
    has more of them than it lacks: a sheet mostly of CFIR 2.0 names and one own code is one of
    CFIR 2.0 (tester, session 68: scored against a CFIR 2009 run, kappa 0.102 for 0.606)."""
    from ..codebook import BUILTIN, Codebook
    from ..crosswalk import load_chart, own_codebook, recorded_chart, source_codebook
    from ..errors import RoqaError

    candidates: dict[str, Any] = {}
    for coder, r in results.items():
        try:
            chart = recorded_chart(r.meta)
            if chart is not None:
                b = load_chart(chart, sources.get(coder) or r.source)
                candidates.setdefault(b.id if chart == b.id else str(b.origin or b.id), b)
        except RoqaError:  # a copy not there: said elsewhere
            pass
        if (own := own_codebook(r)) is not None:
            candidates.setdefault(str(own.origin or own.id), own)
    candidates.update({b: Codebook.load(b) for b in BUILTIN if b not in candidates})
    froms = [s for r in results.values() if (s := source_codebook(r)) is not None]
    for named, target in candidates.items():
        if besides is not None and (target.id, target.hash) == (besides.id, besides.hash):
            continue
        lacks = {n for n in names if target.find(n) is None}
        if not names or lacks - (aside or set()):
            continue
        if lacks and len(aside or ()) - len(lacks) <= len(lacks):  # mostly codes of its own
            continue
        if _reached(froms, target):
            return named, target
    return None


def _refuse_codes_shared_in_a_codebook(
    coded: Any, results: dict[str, Any], sources: dict[str, Path]
) -> None:
    """A one-line error when the coders share no code as the codes are written, but a codebook
    every input's codes translate into has every code of theirs (an id, a name or an alias)
    and in it they share one: the figures would be those of codes written two ways (names and
    ids), so the error gives the ``--codebook`` that compares them, rather than printing figures
    with a warning (tester, session 52: kappa -0.062 for 0.852 with --codebook)."""
    from ..errors import RoqaError, first_few
    from ..transcripts import natural_key

    applied = {c: {k for codes in coded.codings[c].values() for k in codes} for c in coded.coders}
    applied = {c: k for c, k in applied.items() if k}
    if len(applied) < 2 or any(
        mine & set().union(*(k for o, k in applied.items() if o != c))
        for c, mine in applied.items()
    ):
        return
    every = set().union(*applied.values())
    found = _codebook_knowing(every, results, sources, besides=None)
    if found is None:
        return
    into, target = found
    ids = {c: {getattr(target.find(k), "id", k) for k in mine} for c, mine in applied.items()}
    if not any(
        mine & set().union(*(k for o, k in ids.items() if o != c)) for c, mine in ids.items()
    ):
        return

    def listed(coder: str) -> str:
        names = sorted({coded.code_names.get(k) or k for k in applied[coder]}, key=natural_key)
        return first_few([repr(n) for n in names], 3)

    raise RoqaError(
        "the coders share no code as the codes are written ("
        + "; ".join(f"{c}: {listed(c)}" for c in applied)
        + f"), but in codebook {target.id} they do",
        hint=f"give --codebook {into} to compare them in it",
    )


def _no_shared_code_warning(
    coded: Any, *, given_codebook: bool, unmatched: bool = False
) -> str | None:
    """The warning when a coder applied codes none of which another coder applied, though
    others applied codes: no code of theirs can agree, which is most often one code written
    two ways (a long CSV's names beside a result's ids, two spellings) rather than two readings
    of the text (tester, session 41: kappa -0.052 with no word). None when every coder who
    applied codes shares one with another coder. ``unmatched``: some names were not matched as
    one project has two codes of them, which no --codebook matches either, and the advice says
    so (tester, session 50: "use --codebook" did nothing for those)."""
    from ..codebooks import BUILTIN
    from ..errors import and_list, first_few
    from ..transcripts import natural_key

    applied = {c: {k for codes in coded.codings[c].values() for k in codes} for c in coded.coders}
    applied = {c: k for c, k in applied.items() if k}
    if len(applied) < 2:
        return None

    def listed(coder: str) -> str:
        names = sorted({coded.code_names.get(k) or k for k in applied[coder]}, key=natural_key)
        return first_few([repr(n) for n in names], 3)

    alone = [
        c
        for c, mine in applied.items()
        if not mine & set().union(*(k for o, k in applied.items() if o != c))
    ]
    if not alone:
        return None
    if len(alone) == len(applied):
        said = (
            "the coders share no code: each code was applied by one coder only ("
            + "; ".join(f"{c}: {listed(c)}" for c in alone)
            + "), so no code can agree"
        )
    else:
        said = "; ".join(
            f"{c} shares no code with the other coders: no code {c} applied ({listed(c)}) is "
            "one another coder applied"
            for c in alone
        )
        said += f", so no code of {and_list(alone)} can agree"
    if given_codebook:
        return said
    return (
        f"{said}; if the same codes are written differently (names and ids, two spellings), "
        f"compare them in one codebook with --codebook ({', '.join(BUILTIN)} or a codebook "
        ".json whose names or aliases they are)"
        + (
            "; not a name one project gives two codes (noted below), which no codebook matches: "
            "give one of them another name in the QDA program and import again"
            if unmatched
            else ""
        )
    )


def _two_codebooks_warning(
    results: dict[str, Any], tables: list[Any], *, model_threshold: float | None = None
) -> str | None:
    """The warning when the coders' codes come from two built-in codebooks though no result
    records two (those are refused by :func:`in_one_codebook`): one coder's long CSV names or
    QDA nodes are CFIR 2009's, another's CFIR 2.0's, or one coder has codes only each of them
    knows. A code only one codebook has cannot agree with one only the other has, and this went
    through silently (tester, session 38: kappa -0.333 for a long CSV, 0.389 for a .qdpx with
    nodes renamed to CFIR 2.0 names). The warning names, for each coder, the codes only one
    codebook has, and claims nothing of the codes both have (a half-renamed project shares
    those with the other coder: tester hunt, session 38); None when every code is of one
    codebook.

    Codebooks are compared between projects, not coders: the coders of one project (results
    recording one codebook hash: one QDA project, or its coders' folders ``roqa import``
    wrote) chose from one code tree, whatever names it holds, and a project whose codes are of
    codebooks another project's codes are of too extends it rather than differs from it. So
    only two projects each with codes of a codebook the other has none of are warned about: a
    coder's new code named like another codebook's ("Staff turnover", the seed study's) no
    longer reads as a second codebook (tester, session 39). A long CSV's coders typed their
    codes each, so each is a project of their own, and one whose codes are of two codebooks is
    warned about alone, as codes typed by hand record no code tree. Codes of a codebook the
    codings record and carry (a review in a researcher's own codebook) are that codebook's,
    even when named like a built-in code (rop-v1's "Need": regression hunt, session 46).

    A model's codes are those it counts as applied (its top suggestion, or those at
    ``model_threshold``), the codes compared: before, every suggestion it listed was named
    ("model's 10 codes ... 'Goals & Feedback'" of a model that applied 8: tester, session 58).
    """
    from ..coding_agreement import _project_key, counted_codings, is_model_result
    from ..crosswalk import charted_onto, only_in_one_codebook, own_codebook
    from ..errors import and_list, first_few

    codes: dict[str, dict[str, str]] = {}
    project: dict[str, str] = {}
    for coder, result in results.items():
        project[coder] = _project_key(coder, result)
        per = codes.setdefault(coder, {})
        if is_model_result(result):
            result = counted_codings(result, model_threshold=model_threshold, model=True)
        # a code of the codebook the codings record and carry is its code, whatever its name
        carried = own_codebook(result)
        for s in result.segments:
            for g in s.suggestions:
                if carried is None or g.code_id not in carried:
                    per.setdefault(g.code_id, g.name)
    for k, table in enumerate(tables):
        for coder in table.coders:
            project[coder] = f"table {k}: {coder}"
            per = codes.setdefault(coder, {})
            for got in table.codings[coder].values():
                per.update({c: table.code_names.get(c) or c for c in got})
    own = {c: found for c, per in codes.items() if (found := only_in_one_codebook(per))}
    of_project: dict[str, set[str]] = {}
    for coder, found in own.items():
        of_project.setdefault(project[coder], set()).update(found)
    differ = {
        b
        for p, q in itertools.combinations(of_project.values(), 2)
        if p - q and q - p
        for b in p ^ q
    }
    # codes typed by hand (no codebook recorded) of two codebooks are a mix in themselves
    differ.update(
        b
        for key, found in of_project.items()
        if len(found) > 1 and not key.startswith(("hash:", "id:"))
        for b in found
    )
    books = sorted(differ)
    if len(books) < 2:
        return None
    shown = []
    for coder, found in own.items():
        for b, names in found.items():
            if b not in differ:
                continue
            listed = first_few([repr(n) for n in names], 3)
            if len(names) == 1:
                shown.append(f"{coder}'s code {listed} is a name only {b} has")
            else:
                shown.append(f"{coder}'s {len(names)} codes {listed} are names only {b} has")
    if len(books) == 2:
        cannot = f"A code only {books[0]} has cannot agree with one only {books[1]} has"
    else:
        cannot = f"A code only one of {and_list(books)} has cannot agree with one only another has"
    said = f"the codes come from two codebooks: {'; '.join(shown)}. {cannot}; codes both codebooks have compare as usual."
    # a long CSV's names are resolved in --codebook, never charted onto it: a codebook works
    # only if no CSV coder typed a name only another codebook has (tester, session 58: the
    # suggested --codebook cfir-2022 was an error naming Ann's CFIR 2009 names)
    typed = [c for t in tables for c in t.coders]
    first = charted_onto(books)
    target = next(
        (
            b
            for b in (first, *(b for b in books if b != first))
            if all(set(own.get(c, {})) & differ <= {b} for c in typed)
        ),
        None,
    )
    if target is None:
        retype = [
            f"{c}'s {and_list(sorted(set(own[c]) & differ - {first}))} names"
            for c in typed
            if set(own.get(c, {})) & differ - {first}
        ]
        from ..codebook import builtin_codebook

        # the way the crosswalk goes, though a result beside may be in the other codebook
        # (agree tester, session 69: read backwards beside a CFIR 2009 run, with no next step)
        charted = and_list([b for b in books if b != first])
        one_way = not any(b in builtin_codebook(first).mapping for b in books if b != first)
        return (
            f"{said} To compare them in one codebook, write {and_list(retype)} in the long "
            f"CSV as {first} codes, then give --codebook {first}: {charted} codes are charted "
            f"onto {first} through its documented crosswalk"
            + (", and no crosswalk goes the other way" if one_way else "")
            + "; a long CSV's names are resolved in the codebook given, not charted onto it, so "
            "--codebook cannot join them as they are"
        )
    others = ", ".join(b for b in books if b != target)
    return (
        f"{said} Compare them in one codebook with --codebook {target} (codes of {others} are "
        "charted onto it through its documented crosswalk; a long CSV's names are resolved in "
        "it)"
    )


def _kept_model_valences(results: dict[str, Any]) -> dict[str, list[str]]:
    """Per review (``roqa apply-decisions``), its coded segments that keep the valence the
    model gave, the reviewer setting none there; reviews with none are not listed."""
    from ..exchange.review import valence_from_model

    found = {}
    for coder, result in results.items():
        coded = {s.segment.id for s in result.segments if s.suggestions}
        kept = [sid for sid in (s.segment.id for s in result.segments) if sid in coded]
        ids = list(dict.fromkeys(sid for sid in kept if sid in valence_from_model(result)))
        if ids:
            found[coder] = ids
    return found


def _model_valence_notes(results: dict[str, Any]) -> list[str]:
    """One note per review (``roqa apply-decisions``) some of whose coded segments keep the
    valence the model gave, the reviewer setting none there (a decisions file without a valence
    column sets none): those valences are the model's, not the reviewer's, and are left out of
    valence agreement (:func:`~roqa_nlp.coding_agreement.segment_valences`). Before session 45
    they were counted as the reviewer's: the model agreed with itself, kappa 1.000."""
    from ..errors import first_few

    notes = []
    for coder, ids in _kept_model_valences(results).items():
        if ids:
            n = len(ids)
            notes.append(
                f"{coder}: {n} coded segment{'s keep' if n != 1 else ' keeps'} the valence the "
                "model gave (the review set none there, roqa apply-decisions): not counted as "
                f"{coder}'s valence, so left out of valence agreement ({first_few(ids, 3)})"
            )
    return notes


def _reviewed_pairs(
    results: dict[str, Any],
) -> tuple[dict[str, Any], dict[str, Any], list[tuple[str, str]]]:
    """The reviews among ``results`` (coder -> the hash of the model they reviewed, None when
    not recorded), the models (coder -> hash) and the pairs in which a coder's codings are a
    review of a model's suggestions compared here, (model, reviewer), or two reviews of one
    model's suggestions (:func:`_review_of_model_note`)."""
    from ..coding_agreement import is_model_result

    def meta(r: Any) -> dict[str, Any]:
        return r.meta if isinstance(r.meta, dict) else {}

    # a review's codings, or a review read back from roqa's .qdpx export of it (which keeps the
    # segments it decided; before, it read as independent coding: re-tester s50)
    reviews = {
        c: meta(r).get("reviewed_model")
        for c, r in results.items()
        if meta(r).get("source") == "roqa apply-decisions" or meta(r).get("reviewed_segments")
    }
    if not reviews:
        return reviews, {}, []
    models = {}
    for c, r in results.items():
        made_by = meta(r).get("model")
        if c not in reviews and is_model_result(r):
            models[c] = made_by.get("hash") if isinstance(made_by, dict) else None
    pairs = [(m, c) for m, h in models.items() for c, seen in reviews.items() if seen in (None, h)]
    pairs += [
        (a, b)
        for a, b in itertools.combinations(reviews, 2)
        if None in (reviews[a], reviews[b]) or reviews[a] == reviews[b]
    ]
    return reviews, models, pairs


def _review_valences(results: dict[str, Any]) -> dict[tuple[str, str], int]:
    """(model, reviewer) -> how many coded segments keep the model's valence, for each review of
    a model compared here that set a valence on some segments only: the pair's valences are then
    only those the review set (:attr:`~roqa_nlp.coding_agreement.ValencePair.reviewed_by`)."""
    kept = _kept_model_valences(results)
    _, models, pairs = _reviewed_pairs(results)
    return {(m, r): len(kept[r]) for m, r in pairs if m in models and r in kept}


def _review_of_model_note(results: dict[str, Any]) -> str | None:
    """The note for pairs in which a coder's codings are a review of the model's suggestions
    compared here (``roqa apply-decisions`` records the reviewed model's hash as
    ``reviewed_model``), or two reviews of one model's suggestions; None when there are none.

    A reviewer keeps the model's code and valence wherever they accept a suggestion, so such a
    pair measures agreement with the suggestions, largely an acceptance rate, not independent
    reliability (tester, session 38: the model and its reviewer agreed on every valence, by
    construction). A review that records no model (written before ``reviewed_model`` was kept)
    is taken as a review of any model compared, and of the same suggestions as another review.
    """
    from ..errors import and_list

    reviews, models, pairs = _reviewed_pairs(results)
    if not pairs:
        return None
    reviewers = list(dict.fromkeys(c for pair in pairs for c in pair if c in reviews))
    seen_models = list(dict.fromkeys(m for m, _ in pairs if m in models))
    unknown = all(reviews[c] is None for c in reviewers)
    if seen_models and unknown:
        whose = f"a model, taken as {', '.join(seen_models)}"
        recorded = "their run.json does not record which"
    elif seen_models:
        whose = ", ".join(seen_models)
        recorded = "their run.json records that model"
    else:
        whose = "one model"
        recorded = "their run.json records the same model"
    shown = [f"{a} - {b}" for a, b in pairs]
    return (
        f"{and_list(reviewers)} coded by reviewing the suggestions of {whose} (roqa "
        f"apply-decisions; {recorded}): a review of the model's suggestions is not independent "
        f"coding, so {and_list(shown)} {'measures' if len(shown) == 1 else 'measure'} "
        "agreement with the "
        "suggestions (largely how many were accepted, and the model's own valence wherever a "
        "reviewer kept its code), not independent reliability; for that, compare coders who "
        "coded without seeing the suggestions (docs/agreement.md)"
    )


def _exported_person(result: Any) -> bool:
    """Whether ``result`` is a person's codings read from a QDA project roqa_nlp exported (a
    .qdpx, or a folder ``roqa import`` wrote of one) rather than the reviewed codings
    themselves: the project keeps no ``reviewed_segments``, so a partial review's undecided
    segments read as given no code."""
    meta = result.meta if isinstance(result.meta, dict) else {}
    origin = meta.get("origin")
    user = meta.get("user")
    return (
        meta.get("source") == "REFI-QDA"
        and isinstance(origin, str)
        and origin.startswith("roqa_nlp")
        and isinstance(user, dict)
        and _roqas_user(user)
        and not meta.get("reviewed_segments")
    )


def _roqas_user(user: dict[str, Any]) -> bool:
    """Whether a QDA project's user is one roqa_nlp's export wrote: it records no GUID, or the
    one roqa derives from the name (:func:`~roqa_nlp.exchange.qdpx_export` writes a reviewer
    so). A user a QDA program added to a project roqa exported (a person coding by hand in
    it) carries a GUID of that program's, and their codings are not roqa's export (tester,
    session 41: "Alice's codings were exported by roqa_nlp" of Alice's own codings)."""
    from ..exchange.refiqda import normalise_guid, stable_guid

    guid, name = user.get("guid"), user.get("name")
    if not isinstance(guid, str) or not guid:
        return True
    return isinstance(name, str) and normalise_guid(guid) == normalise_guid(
        stable_guid("user", name)
    )


def _exported_review_notes(coded: Any, exported: list[str]) -> list[str]:
    """For each coder of ``exported`` (:func:`_exported_person`) who coded nothing in some units
    another coder coded: that these count as given no code, and the route that compares a
    partial review on its decided segments only (tester W, session 35: kappa 0.187 over 93
    units after export and import, 0.457 over the 10 decided segments before)."""
    out = []
    for c in exported:
        if c not in coded.coders:
            continue
        mine = coded.codings[c]
        others = [o for o in coded.coders if o != c]
        empty = [
            u.id
            for u in coded.units
            if mine.get(u.id) == frozenset() and any(coded.codings[o].get(u.id) for o in others)
        ]
        if empty:
            out.append(
                f"{c}'s codings were exported by roqa_nlp to a QDA project, which does not keep "
                f"which segments a review decided: the {len(empty)} of the {len(coded.units)} "
                f"units {c} coded nothing in that another coder coded count as given no code by "
                f"{c}. If they were a partial review, compare the reviewed codings roqa "
                "apply-decisions wrote instead (they compare on the decided segments only)"
            )
    return out


def _coded_nothing_notes(
    coded: Any,
    results: dict[str, Any],
    marked_none: dict[str, set[str]] | None = None,
    none_units: dict[str, set[str]] | None = None,
) -> list[str]:
    """For each person (not a model) whose units of a whole transcript all carry no code while
    another coder coded something there: that they count as that person judging that no code
    applies, as an empty code cell does, and how to leave the transcript out for them instead.
    A QDA project cannot say a transcript was read and found empty, so there such a transcript
    is missing for the coder (docs/agreement.md); by segment it went uncounted silently (agree
    tester, session 69: kappa 0.678 by segment, 0.842 for the same data as .qdpx).

    A transcript where the person coded a passage NONE (``marked_none``: coder -> such
    transcripts) they did judge: the note says they coded it with nothing but NONE, as they
    said, with no advice to take it out (hunt s79: "Ben coded nothing in p02 ... if Ben did not
    code p02, take its segments out", of Ben's three NONE passages there); so is a transcript
    where a long table's code cell gives the person NONE on a unit (``none_units``: coder ->
    such units, :attr:`~roqa_nlp.coding_agreement.CodedUnits.none_given`; hunt s80 F8)."""
    from ..errors import first_few

    # a long table's units are the results' segment ids: their transcript is the segment's
    transcript_of = {sr.segment.id: sr.segment.transcript_id for r in results.values() for sr in r}
    units: dict[str, list[str]] = {}  # transcript -> its units
    for u in coded.units:
        if t := u.transcript or transcript_of.get(u.id, ""):
            units.setdefault(t, []).append(u.id)
    out = []
    for c in coded.coders:
        if c in coded.models:
            continue
        mine = coded.codings[c]
        others = [o for o in coded.coders if o != c]
        said_none = (marked_none or {}).get(c, set())
        empty: dict[bool, list[str]] = {False: [], True: []}  # NONE given there? -> transcripts
        counted = {False: 0, True: 0}
        coded_by_others = {False: 0, True: 0}
        for t, ids in units.items():
            given = [mine[u] for u in ids if u in mine]
            theirs = [u for u in ids if u in mine and any(coded.codings[o].get(u) for o in others)]
            if given and not any(given) and theirs:
                none = t in said_none or not (none_units or {}).get(c, set()).isdisjoint(ids)
                empty[none].append(t)
                counted[none] += len(given)
                coded_by_others[none] += len(theirs)
        for none in (True, False):
            if not empty[none]:
                continue
            which = first_few(empty[none], 3)
            one = len(empty[none]) == 1
            n = counted[none]
            by = (
                "each coded by another coder"
                if coded_by_others[none] == n
                else f"{coded_by_others[none]} of them coded by another coder"
            )
            judged = (
                f"counted as {c} judging that no code applies there, which agrees with another "
                "coder's no code and not with their codes"
            )
            if none:
                out.append(
                    f"{c} coded {which} with nothing but NONE ({n} unit{'s' * (n != 1)}, {by}): "
                    f"{judged}, as {c} said by coding NONE (read, nothing applies)"
                )
                continue
            out.append(
                f"{c} coded nothing in {which} ({n} unit{'s' * (n != 1)}, {by}): {judged}; "
                f"if {c} did not code {which if one else 'them'}, take "
                f"{'its' if one else 'their'} segments out of {c}'s codings (its lines of "
                "codings.jsonl, its rows of a long table): a transcript a coder has no segment of "
                "is missing for them, as in a QDA project"
            )
    return out


def _at_level(
    results: dict[str, Any],
    tables: list[Any],
    book: Any | None,
    at: str,
    *,
    models: list[str],
    model_threshold: float | None,
    project: tuple[Any, str | None] = (None, None),
    own: dict[str, Any] | None = None,
    versions: dict[str, dict[str, Any]] | None = None,
) -> tuple[dict[str, Any], list[Any], list[str], dict[str, int]]:
    """Results and long CSV tables with every code mapped to level ``at`` of the hierarchy of
    ``book``, else of the project codebook the results record (``project``, as
    :func:`_project_hierarchy` found it, with what to say when it was not found), else of the
    one built-in codebook the results record; the notes that say so. A model's codes are cut
    to those it counts as coded with before they are mapped (``book`` has done so already), so
    its top suggestion is chosen as at the code level. ``own`` (coder -> their own project
    codebook) places the codes a coder made in their project under its codes (by their
    parent there). Last, per coder of the results, the codings that became one with another
    of theirs on a segment (:func:`~roqa_nlp.code_levels.codings_rolled_up`), so that the
    codings line counts them as given (the tables' are in their ``rolled_up``)."""
    from ..code_levels import (
        coded_units_at,
        codings_rolled_up,
        left_as_written_note,
        level_note,
        results_at,
    )
    from ..codebook import builtin_codebook
    from ..codebooks import BUILTIN
    from ..coding_agreement import counted_codings
    from ..crosswalk import codebook_of
    from ..errors import RoqaError

    hierarchy = book if book is not None else project[0]
    if hierarchy is None and not tables:
        used = {b for r in results.values() if (b := codebook_of(r)) is not None}
        hierarchy = builtin_codebook(used.pop()) if len(used) == 1 else None
    if hierarchy is None and versions:
        # each version may place a code elsewhere: say which they are (tester, session 60)
        book_id, per = next(iter(versions.items()))
        into, _ = _version_to_compare_in(per, results)
        raise RoqaError(
            f"--at {at} needs one codebook whose hierarchy to follow, and "
            + _versions_said(book_id, per),
            hint=f"give the version to follow with --codebook, e.g. --codebook {into}",
        )
    if hierarchy is None:
        raise RoqaError(
            f"--at {at} needs the codebook whose hierarchy to follow",
            hint=f"give --codebook {', '.join(BUILTIN)} or a codebook .json file",
        )
    left: dict[str, dict[str, str]] = {}
    mapped = {}
    rolled: dict[str, int] = {}
    for coder, result in results.items():
        if book is None:
            result = counted_codings(result, model_threshold=model_threshold, model=coder in models)
        theirs = (own or {}).get(coder)
        mapped[coder], kept = results_at(
            result, hierarchy, at, own=theirs if theirs is not hierarchy else None
        )
        if kept:
            left[coder] = kept
        if k := codings_rolled_up(result, mapped[coder]):
            rolled[coder] = k
    mapped_tables = []
    for table in tables:
        table, own_by_coder = coded_units_at(table, hierarchy, at)
        mapped_tables.append(table)
        for coder, kept_codes in own_by_coder.items():
            left.setdefault(coder, {}).update(kept_codes)
    notes = [level_note(hierarchy, at, models=bool(models))]
    if (note := left_as_written_note(hierarchy, at, left)) is not None:
        notes.append(f"{note}; {project[1]}" if project[1] else note)
    return mapped, mapped_tables, notes, rolled


def _project_hierarchy(
    results: dict[str, Any], source: dict[str, Path]
) -> tuple[Any, str | None, dict[str, Any]]:
    """The project codebook whose hierarchy ``--at`` follows when no ``--codebook`` is given,
    what to say when the results record one that cannot be found (None, None: they record
    a built-in codebook, or several projects' codebooks), and each coder's own project
    codebook found (coder -> codebook).

    Codings of a QDA project (``roqa import``'s folders, or the .qdpx itself) record their
    project codebook (``cfir-2009+project``): CFIR 2009 with the codes the coders made, placed
    in its tree. It is read as ``roqa export`` and ``roqa report`` read it (the result's own,
    else a ``codebook.json`` of that id beside the codings or up to two folders above:
    :func:`~roqa_nlp.crosswalk.codebook_for`), or from the .qdpx. Before, the built-in codebook
    it extends was followed, and a code a coder made under Inner Setting was "in no domain"
    (tester, session 39). Results of a built-in codebook the project codebook extends (a
    model's run in CFIR 2009) are mapped in it too.

    With several projects (each coder's own .qdpx), each coder's own codebook places the codes
    they made under a code of the codebook followed (:func:`~roqa_nlp.code_levels.own_code_at`):
    before, a code nested in one coder's project was "in no construct" (tester, session 41:
    kappa 0.253 for 0.362)."""
    from ..codebooks import BUILTIN
    from ..crosswalk import PROJECT_SUFFIX, _recorded_ids, codebook_for
    from ..errors import RoqaError, and_list

    found: dict[str, Any] = {}
    wanted: dict[str, str] = {}
    builtin: set[str] = set()
    read: dict[Path, Any] = {}
    for coder, result in results.items():
        ids = _recorded_ids(result.meta) if isinstance(result.meta, dict) else []
        if not ids or ids[0] in BUILTIN:
            builtin.update(ids[:1])
            continue
        wanted[coder] = ids[0]
        path = source.get(coder)
        book = None
        if path is not None and path.suffix.lower() == ".qdpx":
            if path not in read:
                from ..exchange.qdpx_import import read_qdpx

                read[path] = read_qdpx(path).codebook
            book = read[path]
        else:
            try:
                book = codebook_for(None, result, path)
            except RoqaError:
                book = None
        if book is not None and book.id == ids[0]:
            found[coder] = book
    if not wanted:
        return None, None, found
    books = {b.hash: b for b in found.values()}
    bases = {w.removesuffix(PROJECT_SUFFIX) for w in wanted.values()}
    if len(found) == len(wanted) and len(books) == 1 and builtin <= bases:
        return next(iter(books.values())), None, found
    missing = sorted(set(wanted.values()) - {b.id for b in found.values()})
    if not missing:
        return None, None, found  # several projects' codebooks: none of them is every coder's
    return (
        None,
        (
            f"the codings record their project's codebook {and_list(missing)}, which is not in a "
            "codebook.json beside them or up to two folders above: give it with --codebook (the "
            "codebook.json roqa import wrote) to follow the project's hierarchy"
        ),
        found,
    )


def _models_note(models: list[str], results: dict[str, Any]) -> str:
    """For every input read as a model (one compared with people, or a model-model pair): how
    each was decided to be a model, and how a second coder's codings are read as a person's
    (Tester K10: an edited copy of a run folder keeps the run.json that records the model, and
    one such copy compared with a gold coder alone was shown "(model)" with no word of why)."""
    from ..exchange.qdpx_export import is_model_run

    recorded = [c for c in models if c in results and is_model_run(results[c]) is not None]
    judged = [c for c in models if c not in recorded]
    how = []
    if recorded:
        they = "they record a model as their" if len(recorded) > 1 else "it records a model as its"
        how.append(f"{', '.join(recorded)} ({they} maker: run.json, or roqa_nlp's user in a .qdpx)")
    if judged:
        how.append(f"{', '.join(judged)} (no run.json, and a probability below 1)")
    read = "inputs are read as models, and compared as models"
    if len(models) == 1:
        read = "input is read as a model, and compared as a model"
    return (
        f"{len(models)} {read}: {'; '.join(how)}. "
        "A second coder's codings count as a person's when made with roqa apply-decisions "
        "--coder NAME from their review's decisions, or given as a long CSV (unit,coder,code); "
        "an edited copy of a model's run folder keeps its run.json (docs/agreement.md)"
    )


def _model_counting_notes(
    models: list[str],
    results: dict[str, Any],
    threshold: float | None,
    charted: dict[str, dict[str, list[str]]],
    book: Any | None,
) -> list[str]:
    """:func:`_model_counting_note` for the models counted in their own codebook, and for those
    counted as their report charts them in ``book`` (``charted``: :func:`in_one_codebook`),
    the code it charts in each segment, with a note on each one's exact ties
    (:func:`_tied_top_note`). Before, such a model was said to count its top suggestion,
    "suggestions tied for the top all count", beside a note that its ties were charted under
    the first (study4, session 74)."""
    own = [m for m in models if m not in charted]
    notes = [_model_counting_note(own, results, threshold)] if own else []
    if as_charted := [m for m in models if m in charted]:
        assert book is not None  # charted in it
        one = len(as_charted) == 1
        whose = (
            f"{as_charted[0]}'s codes are" if one else f"the codes of {', '.join(as_charted)} are"
        )
        notes.append(
            f"{whose} counted as the code {'its' if one else 'their'} report charts in {book.id} "
            f"in each segment (as Table 2, the matrix and code_1 of codings.{book.id}.csv show "
            "it); --model-threshold P counts every suggestion with probability >= P instead, "
            f"each as every {book.id} code it maps onto"
        )
        notes.extend(_tied_top_note(m, charted[m], book.id) for m in as_charted if charted[m])
    return notes


def _model_counting_note(
    models: list[str], results: dict[str, Any], threshold: float | None
) -> str:
    """How the models' codes were counted, in the printed notes as in the JSON's
    ``model_threshold``: their top suggestion, or every suggestion at or above
    ``--model-threshold`` of those their codings keep per segment (``roqa code --top-k``; as
    ``results``, the codings as read, hold them), which alone can count (tester, session 54:
    kappa 0.803 top-1 and 0.875 at 0.3 were printed under the same words)."""
    one = len(models) == 1
    whose = f"{models[0]}'s codes are" if one else f"the codes of {', '.join(models)} are"
    its = "its" if one else "their"
    if threshold is None:
        return (
            f"{whose} counted as {its} top suggestion in each segment (suggestions tied for the "
            "top all count); --model-threshold P counts every suggestion with probability >= P"
        )
    kept = {
        c: max((len(s.suggestions) for s in results[c].segments), default=0)
        for c in models
        if c in results
    }
    most = set(kept.values())
    at_most = (
        f"at most {most.pop()}"
        if len(most) == 1
        else "at most " + ", ".join(f"{n} ({c})" for c, n in kept.items())
    )
    return (
        f"{whose} counted as every suggestion with probability >= {threshold:g} "
        f"(--model-threshold) among those {its} codings keep, {at_most} per segment (roqa code "
        "--top-k): a suggestion not kept cannot count"
    )


def _review_route_notes(path: Path, users: dict[str, Any]) -> list[str]:
    """For a QDA project holding roqa_nlp's suggestions and a reviewer's codings: how many of the
    suggested passages in the transcripts each reviewer coded they coded, and that the others
    count as "no code" for them here (a transcript they coded nothing in is missing for them, so
    its passages are not counted), with the route that compares on what they reviewed only
    (docs/refi-qda.md)."""
    from ..errors import first_few
    from ..exchange.review import is_machine_user, same_passage

    machine = [r for u, r in users.items() if is_machine_user(u)]
    if not machine:
        return []
    suggested = [s for r in machine for s in r if s.suggestions]
    everywhere = {s.segment.transcript_id for s in suggested}
    out = []
    for user, result in users.items():
        if is_machine_user(user):
            continue
        mine = list(result)
        theirs = {h.segment.transcript_id for h in mine}
        passages = [m for m in suggested if m.segment.transcript_id in theirs]
        seen = sum(1 for m in passages if any(same_passage(m, h) for h in mine))
        if seen < len(passages):
            where = sorted(everywhere & theirs)
            within = (
                ""
                if set(where) == everywhere
                else f" (in the transcript{'s' * (len(where) > 1)} {user} coded, "
                f"{first_few(where, 3)})"
            )
            out.append(
                f"{user} coded {seen} of the {len(passages)} passages roqa_nlp suggested codes "
                f"on in {path.name}{within}; here the other {len(passages) - seen} count as "
                f"given no code by {user}. To compare on what {user} reviewed only: roqa "
                "import, then roqa apply-decisions with their decisions file, then roqa agree "
                "(docs/refi-qda.md)"
            )
    return out


def _on_reviewed_segments(
    results: dict[str, Any],
) -> tuple[dict[str, Any], list[str], dict[str, dict[str, list[tuple[int, int]]]]]:
    """``results`` cut to the segments reviews decided, when some of them are reviewers' codings
    (``roqa apply-decisions`` records them as ``reviewed_segments``): what a reviewer left
    undecided is no judgement to compare, so it is missing for them (each reviewer's codings
    keep their own decided segments; the others are cut to the text any reviewer decided,
    whatever the order of the inputs: the segments of theirs that overlap it, as a QDA
    program's selection may not be one of roqa's segments). Also the notes saying so (none when
    no input is a review), with one for each person who is no reviewer and whose codings lie
    outside the decided segments, with their count: they are not compared (tester s77 study7:
    Tom Harding's selection on text the review set aside vanished from kappa without a word),
    and the text each coder is compared on (coder -> transcript ->
    character ranges), for character-span units: there a coder is missing outside it, and
    text outside every review is not compared (Tester M, session 34: a QDA coder's
    undecided text counted as 48 more units neither coded, kappa 0.802 for 0.798)."""
    from ..coding_agreement import is_model_result
    from ..errors import first_few

    reviewed: dict[str, set[str]] = {}  # coder -> the segments their review decided
    ranges: dict[str, dict[str, list[tuple[int, int]]]] = {}  # coder -> transcript -> ranges
    who: dict[str, str] = {}  # coder -> as the tables name them, with the reviewer's name
    for coder, result in results.items():
        meta = result.meta if isinstance(result.meta, dict) else {}
        ids = meta.get("reviewed_segments")
        if not (isinstance(ids, list) and ids):
            continue
        reviewed[coder] = set(ids)
        mine: dict[str, list[tuple[int, int]]] = {}
        for s in result:
            if s.segment.id in reviewed[coder]:
                mine.setdefault(s.segment.transcript_id, []).append(
                    (s.segment.start, s.segment.end)
                )
        ranges[coder] = {t: sorted(r) for t, r in mine.items()}
        user = meta.get("user")
        name = user.get("name") if isinstance(user, dict) else None
        # the coder as the tables name them (the reviewer, or "Alice (round2)" when another
        # input is also Alice), and the reviewer when not named in it
        name = name.strip() if isinstance(name, str) else ""
        named = name.casefold() in ("", coder.casefold()) or coder.startswith(f"{name} (")
        who[coder] = coder if named else f"{coder} ({name})"
    if not reviewed:
        return results, [], {}
    anyone = set().union(*reviewed.values())
    everywhere: dict[str, list[tuple[int, int]]] = {}
    for per in ranges.values():
        for t, r in per.items():
            everywhere.setdefault(t, []).extend(r)
    everywhere = {t: sorted(set(r)) for t, r in everywhere.items()}
    starts = {t: [lo for lo, _ in r] for t, r in everywhere.items()}
    reach = {t: list(itertools.accumulate((hi for _, hi in r), max)) for t, r in everywhere.items()}

    def decided_text(s: Any) -> bool:
        seg = s.segment
        if seg.id in anyone:
            return True
        # the decided ranges starting before the segment ends: does any reach into it?
        n = bisect.bisect_left(starts.get(seg.transcript_id, []), seg.end)
        return bool(n) and reach[seg.transcript_id][n - 1] > seg.start and seg.start < seg.end

    cut = {
        c: (
            r.subset(where=lambda s, keep=reviewed[c]: s.segment.id in keep)
            if c in reviewed
            else r.subset(where=decided_text)
        )
        for c, r in results.items()
    }
    coverage = {c: ranges.get(c, everywhere) for c in results}
    # a review read back from a QDA project may hold passages coded there on no segment it
    # decided (a coding moved or made in the program): not compared, and said so (s62); one
    # lying on a segment it decided is said to (regression hunt s62: said on none)
    off = ""
    for c in reviewed:
        outside = [s for s in results[c] if s.suggestions and s.segment.id not in reviewed[c]]
        ends = {
            t: list(itertools.accumulate((hi for _, hi in r), max)) for t, r in ranges[c].items()
        }
        on = [s.segment.id for s in outside if _overlaps(ranges[c], ends, s.segment)]
        none = [s.segment.id for s in outside if s.segment.id not in on]
        for ids, where in (
            (none, "on no segment the review decided"),
            (on, "a selection of its own on a segment the review decided"),
        ):
            if ids:
                one = len(ids) == 1
                off += (
                    f"; {len(ids)} coded {'passage' if one else 'passages'} of {who[c]}'s "
                    f"{'is' if one else 'are'} {where} ({first_few(ids)}; coded or moved in "
                    "the QDA program): not compared"
                )
    # a person who is no reviewer (a QDA coder, a long table's coder) may have coded text the
    # reviews did not decide: those codings are not compared, and their count is said (a
    # model's suggestions on undecided segments are no codings made)
    left_out = []
    for c, r in results.items():
        if c in reviewed or is_model_result(r):
            continue
        outside = [s for s in r if s.suggestions and not decided_text(s)]
        if n := sum(len(s.suggestions) for s in outside):
            one = n == 1
            left_out.append(
                f"{n} coding{'' if one else 's'} of {c} {'lies' if one else 'lie'} outside the "
                f"{len(anyone)} decided segments and {'is' if one else 'are'} not compared "
                f"({first_few([s.segment.id for s in outside])})"
            )
    left_out += _rejected_undecided_notes(results, reviewed, who)
    if len(reviewed) == 1:
        ((coder, keep),) = reviewed.items()
        return (
            cut,
            [
                f"compared on the {len(keep)} segments {who[coder]} decided in their review "
                f"(roqa apply-decisions); segments without a decision are not compared{off}",
                *left_out,
            ],
            coverage,
        )
    each = ", ".join(f"{who[c]} {len(keep)}" for c, keep in reviewed.items())
    return (
        cut,
        [
            f"compared on the {len(anyone)} segments the reviews decided ({each}; roqa "
            f"apply-decisions); a segment a reviewer did not decide is missing for them{off}",
            *left_out,
        ],
        coverage,
    )


def _rejected_undecided_notes(
    results: dict[str, Any], reviewed: dict[str, set[str]], who: dict[str, str]
) -> list[str]:
    """A note for each review that left segments undecided with some suggestions rejected
    (:data:`~roqa_nlp.decisions.REJECTED_ON_UNDECIDED`: a one-click reject of the top
    suggestion, the others untouched), beside a model: they are not compared, and they are
    where the reviewer found the model wrong, so leaving them out flatters the model (daily15,
    session 85: model - Alice kappa 0.688 on 43 segments, 0.656 with the 4 rejected ones
    decided). Not counted as the reviewer's "no code": they judged one code there, not the
    segment (docs/agreement.md, "Suggestions rejected, segment undecided")."""
    from ..coding_agreement import is_model_result
    from ..decisions import REJECTED_ON_UNDECIDED
    from ..errors import first_few

    models = [c for c, r in results.items() if c not in reviewed and is_model_result(r)]
    if not models:
        return []
    notes = []
    for c in reviewed:
        meta = results[c].meta if isinstance(results[c].meta, dict) else {}
        rejected = meta.get(REJECTED_ON_UNDECIDED)
        if not isinstance(rejected, dict) or not rejected:
            continue
        for m in models:
            top = {
                s.segment.id: s.suggestions[0].code_id
                for s in results[m]
                if s.segment.id in rejected and s.suggestions
            }
            if not top:
                continue  # another study's run: none of its segments
            charted = sorted(sid for sid in top if top[sid] in rejected[sid])
            one, few = len(top) == 1, len(charted) == 1
            # what was rejected says how far the model was found wrong: only a rejected top
            # (charted) code is its code found wrong (hunt29, session 85: "0 of them its top,
            # charted code ... leaving them out flatters" the model)
            if len(charted) == len(top):
                which = f"{m}'s top suggestion (the code charted)"
                why = (
                    "they are where the reviewer found the model wrong, so leaving them out "
                    f"flatters {m} - {who[c]} agreement"
                )
            elif charted:
                which = f"some of {m}'s suggestions ({len(charted)} of them its top, charted code)"
                why = (
                    f"where its charted code was rejected ({first_few(charted)}) the reviewer "
                    f"found the model wrong, so leaving {'it' if few else 'them'} out flatters "
                    f"{m} - {who[c]} agreement"
                )
            else:
                which = f"suggestions of {m}'s other than its top, charted code"
                why = (
                    f"its charted code{'' if one else 's'} there {'was' if one else 'were'} "
                    f"not rejected, so {'it is' if one else 'they are'} missing for {who[c]}, "
                    "not found wrong"
                )
            notes.append(
                f"{len(top)} segment{'' if one else 's'} that {who[c]} left undecided after "
                f"rejecting {which} {'is' if one else 'are'} not compared "
                f"({first_few(sorted(top))}): {why}; decide "
                f"{'it' if one else 'them'} in the decisions file (accept or recode the code "
                "that fits, or reject every suggestion shown for no code) and run roqa "
                "apply-decisions again"
            )
    return notes


def _tables_on_decided(
    tables: list[Any], results: dict[str, Any], cut: dict[str, Any]
) -> tuple[list[Any], list[str]]:
    """The long CSVs ``tables`` cut to the segments reviews decided, as
    :func:`_on_reviewed_segments` cuts ``results`` into ``cut``: a table's unit of a transcript
    the results hold (``p01_zoom:0005``) that is none of the segments kept is not compared,
    with a note for each coder whose codings lie there, with their count (hunter s77: two long
    CSVs' units on undecided segments were compared, in the pooled agreement and alpha, under
    the note "segments without a decision are not compared"). A unit of another transcript, or
    one written with other leading zeros or case than a kept segment (``p01_zoom:6``), is left
    as it was (the notes and errors on units matched by no segment say so)."""
    from ..errors import first_few

    transcripts = {s.segment.transcript_id for r in results.values() for s in r}
    kept = {_unpadded(s.segment.id.casefold()) for r in cut.values() for s in r}
    decided = set().union(
        *(
            ids
            for r in results.values()
            if isinstance(r.meta, dict) and isinstance(ids := r.meta.get("reviewed_segments"), list)
        )
    )

    def keep(unit: str) -> bool:
        return unit.rpartition(":")[0] not in transcripts or _unpadded(unit.casefold()) in kept

    notes = []
    out = []
    for table in tables:
        for c in table.coders:
            outside = [u for u, codes in table.codings[c].items() if codes and not keep(u)]
            if n := sum(len(table.codings[c][u]) for u in outside):
                one = n == 1
                notes.append(
                    f"{n} coding{'' if one else 's'} of {c} {'lies' if one else 'lie'} outside "
                    f"the {len(decided)} decided segments and {'is' if one else 'are'} not "
                    f"compared ({first_few(sorted(outside))})"
                )
        if all(keep(u.id) for u in table.units):
            out.append(table)
            continue
        out.append(
            dataclasses.replace(
                table,
                units=[u for u in table.units if keep(u.id)],
                codings={
                    c: {u: v for u, v in m.items() if keep(u)} for c, m in table.codings.items()
                },
                valences={
                    c: {u: v for u, v in m.items() if keep(u)} for c, m in table.valences.items()
                },
                unit_texts=None
                if table.unit_texts is None
                else [row for row in table.unit_texts if keep(row[0])],
            )
        )
    return out, notes


def _overlaps(
    ranges: dict[str, list[tuple[int, int]]], ends: dict[str, list[int]], seg: Any
) -> bool:
    """Whether the segment ``seg`` overlaps one of ``ranges`` (transcript -> sorted character
    ranges) of its transcript (``ends``: the furthest end of those ranges up to each)."""
    n = bisect.bisect_left(ranges.get(seg.transcript_id, []), (seg.end, seg.end))
    return bool(n) and ends[seg.transcript_id][n - 1] > seg.start


def _on_segments_note(coder: str) -> str:
    """What comparing a model's run by character span leaves out, and why: ``roqa code``
    judged its segments only, so outside them the model is missing, not "no code"
    (:func:`~roqa_nlp.coding_agreement.coded_units_from_results`)."""
    return (
        f"text outside {coder}'s segments (interviewers' turns, speaker labels, text between "
        f"segments) is not compared: the model did not code it, so {coder} is missing there, "
        "not given no code; another coder's selection there is compared with no one"
    )


def _from_qdpx(result: Any | None) -> bool:
    """Whether ``result`` holds a QDA project's selections (a .qdpx, or ``roqa import`` of one)."""
    meta = getattr(result, "meta", None)
    return isinstance(meta, dict) and meta.get("source") == "REFI-QDA"


def _on_turns_note(coder: str) -> str:
    """What comparing a model's suggestions read from roqa's .qdpx export by character span
    leaves out, and why: the export records the passages it suggested codes for, not the
    segments ``roqa code`` judged, so the model is taken to have judged the participants' turns
    ``roqa code`` segments, backchannels left out
    (:func:`~roqa_nlp.coding_agreement.participant_turns`), and is missing outside them."""
    return (
        "text outside the participants' turns roqa code cuts into segments (interviewers' "
        "turns, speaker labels, backchannels such as 'Mm-hmm.' that it leaves out) is not "
        f"compared for {coder}: the model did not code it, so it is missing there, not given no "
        "code; its .qdpx records only the passages it suggested codes for, not its segments, so "
        "it is taken to have judged those turns, as its run did"
    )


def _people_on_segments_note(coders: list[str]) -> str:
    """What comparing people's codings of segments (a ``codings.jsonl``, not a QDA program's
    selections) by character span leaves out, and why: they coded those segments only, so
    outside them they are missing, not "no code", as a model is (:func:`_on_segments_note`)."""
    who = " and ".join([", ".join(coders[:-1]), coders[-1]] if len(coders) > 1 else coders)
    one = len(coders) == 1
    return (
        f"text outside {who}'s segments (interviewers' turns, speaker labels, text between "
        f"segments) is not compared: {'that coder' if one else 'they'} coded segments, not "
        f"selections of the whole text, so {'that coder is' if one else 'they are'} missing "
        "there, not given no code; another coder's selection there is compared with no one"
    )


def _coverage(coded: Any, coder: str, result: Any | None = None) -> str:
    """What one coder coded, briefly: their transcripts, else their units; with none left
    (a review's decided segments hold none of their codings), their codings in ``result``,
    as read, and their transcripts (tester agree2, session 79: "0 units ()" for a coder of 55
    selections in 4 transcripts named otherwise)."""
    from ..errors import first_few

    mine = [u for u in coded.units if coded.codings[coder].get(u.id) is not None]
    transcripts = sorted({u.transcript for u in mine if u.transcript})
    if transcripts:
        return f"transcript{'s' * (len(transcripts) > 1)} {first_few(transcripts, 3)}"
    if not mine and result is not None and (n := len(result.segments)):
        read = list(dict.fromkeys(s.segment.transcript_id for s in result.segments))
        return (
            f"no unit compared, of {n} coded passage{'s' * (n > 1)} in transcript"
            f"{'s' * (len(read) > 1)} {first_few(read, 3)}"
        )
    return f"{len(mine)} unit{'s' * (len(mine) != 1)} ({first_few([u.id for u in mine], 3)})"


def _transcripts_named_alike(coded: Any, results: dict[str, Any]) -> str | None:
    """The hint when coders' transcripts are named alike but for case, spacing or punctuation
    ("P01 INTERVIEW" for "p01_interview"): transcript names are compared as written, so they
    share no unit (tester agree2, session 79: no hint, though the names differ only by case);
    None when no two are so."""
    from ..errors import first_few

    named: dict[str, dict[str, set[str]]] = {}  # name folded -> name as written -> coders
    for c in coded.coders:
        own = {u.transcript for u in coded.units if coded.codings[c].get(u.id) is not None}
        if c in results:
            own |= {s.segment.transcript_id for s in results[c].segments}
        for t in sorted(own):
            if t:
                key = re.sub(r"[\W_]+", "", t.casefold())
                named.setdefault(key, {}).setdefault(t, set()).add(c)
    alike = [spellings for _, spellings in sorted(named.items()) if len(spellings) > 1]
    if not alike:
        return None
    case_only = all(len({t.casefold() for t in spellings}) == 1 for spellings in alike)
    shown = [
        " is ".join(f"{t!r} ({', '.join(sorted(who))})" for t, who in spellings.items())
        for spellings in alike
    ]
    return (
        f"the coders' transcripts are named alike but for {'case' if case_only else 'case, spacing or punctuation'}: "
        f"{first_few(shown, 3)}; transcript names are compared as written: name each "
        "transcript (the QDA program's source, the file roqa code read) as the other coders' is "
        "named, and export or code again"
    )


def _share_a_unit(coded: Any, a: str, b: str) -> bool:
    """Whether coders ``a`` and ``b`` both coded some unit of ``coded``."""
    return any(
        coded.codings[a].get(u.id) is not None and coded.codings[b].get(u.id) is not None
        for u in coded.units
    )


def _pairs_sharing_nothing(coded: Any) -> list[str]:
    """With three coders or more, a note for each pair that coded no unit in common, saying what
    each coded: its row in the pairs table is 0 units and '-' (tester, session 50: before, the
    note said the pair 'is figured on the units of all the inputs')."""
    if len(coded.coders) < 3:
        return []
    return [
        f"{a} - {b} share no unit ({a} coded {_coverage(coded, a)}, {b} "
        f"{_coverage(coded, b)}): their row has no figures"
        for a, b in itertools.combinations(coded.coders, 2)
        if not _share_a_unit(coded, a, b)
    ]


def _overlap_notes(
    coded: Any, where: dict[str, str], results: dict[str, Any] | None = None
) -> list[str]:
    """A one-line error when no unit has two coders (every figure would be undefined); a note
    saying how many units are compared when some have one coder only. ``results`` (each
    coder's codings as read) say what a coder left with no unit coded (a review's scope cut
    them all) and whose transcripts are named alike but for case or spacing."""
    from ..coding_agreement import units_compared
    from ..errors import RoqaError

    compared, total = units_compared(coded), len(coded.units)
    zeros = _zeros_dropped(coded)
    case = _case_differs(coded)
    if compared == 0:
        shown = "; ".join(
            f"{where.get(c, c)}: {_coverage(coded, c, (results or {}).get(c))}"
            for c in coded.coders
        )
        named = _transcripts_named_alike(coded, results or {})
        raise RoqaError(
            f"no unit was coded by two coders, so there is nothing to compare: {shown}",
            hint=zeros
            or case
            or named
            or "give every coder's codings of the same transcripts or units",
        )
    lacking = _lacking_note(coded)
    if compared == total:
        return [lacking] if lacking else []
    only = _coded_by_one_only(coded)
    kind = coded.unit_kind if coded.unit_kind in ("segments", "spans") else "units"
    left = total - compared
    return [
        f"{compared} of {total} {kind} are compared (coded by two or more coders); {left} coded "
        f"by one coder only {'is' if left == 1 else 'are'} left out"
        + (f" ({only})" if only else ""),
        *([zeros] if zeros else []),
        *([case] if case else []),
        *([lacking] if lacking else []),
    ]


def _coded_by_one_only(coded: Any) -> str:
    """What the units coded by one coder only are, by coder: a whole transcript when no other
    coder coded any unit of it ("only 'Ben' coded transcript rm05"), else the units ("only
    'model_run' coded rm04:0007"), as a transcript another coder coded in part is not the one
    coder's alone (team test, session 47: Ana coded rm04:0001-0006, and the note "only
    '../model_run' coded rm04" read as if the model alone had coded the transcript). Coders are
    named as every other line names them, not by their input's path; "" when no unit is any
    coder's alone."""
    from ..errors import first_few
    from ..transcripts import natural_key

    who = {
        u.id: [c for c in coded.coders if coded.codings[c].get(u.id) is not None]
        for u in coded.units
    }
    in_transcript: dict[str, list[str]] = {}
    for u in coded.units:
        if u.transcript:
            in_transcript.setdefault(u.transcript, []).append(u.id)
    alone: dict[str, list[str]] = {}  # coder -> what only they coded
    whole: set[str] = set()
    for u in coded.units:
        if len(who[u.id]) != 1:
            continue
        coder = who[u.id][0]
        units = in_transcript.get(u.transcript, []) if u.transcript else []
        if units and all(who[v] == [coder] for v in units):
            if u.transcript not in whole:
                whole.add(u.transcript)
                alone.setdefault(coder, []).append(f"transcript {u.transcript}")
        else:
            alone.setdefault(coder, []).append(u.id)
    return "; ".join(
        f"only {c!r} coded {first_few(sorted(items, key=natural_key), 3)}"
        for c, items in alone.items()
    )


def _lacking_note(coded: Any) -> str | None:
    """With three coders or more, the note counting the compared units a coder has no coding
    of: missing for that coder, not "no code", and each pair is figured on the units both
    coded (with two, those units are the ones left out, which the note on units compared
    counts). None when every coder has every compared unit."""
    from ..errors import first_few

    if len(coded.coders) < 3:
        return None
    compared = coded.compared_mask()
    kept = [u.id for u, c in zip(coded.units, compared) if c]
    lacks = {
        coder: [u for u in kept if coded.codings[coder].get(u) is None] for coder in coded.coders
    }
    lacks = {coder: units for coder, units in lacks.items() if units}
    if not lacks:
        return None
    kind = coded.unit_kind if coded.unit_kind in ("segments", "spans") else "units"
    said = "; ".join(
        f"{coder!r} has no coding of {len(units)} ({first_few(units, 3)})"
        for coder, units in lacks.items()
    )
    return (
        f"of the {len(kept)} {kind} compared, {said}: missing for that coder, not 'no code', "
        "so each pair is figured on the units both coded"
    )


def _zeros_dropped(coded: Any) -> str | None:
    """What to say of units one coder only coded that are another coder's but for the leading
    zeros of their numbers: the zeros Excel drops from a number ("1" for "0001" when it opens a
    CSV), or a segment id typed short ("rm01:3" for the run's "rm01:0003"). Else they are left
    out as units no two coders share, and nothing said why (tester, session 41: 40 of 96 units
    left out with 20 of one coder's rows so mangled; session 58: a whole transcript typed
    rm01:1 ... rm01:6 left the figures with no word). None when there are none."""
    spelled: dict[str, list[tuple[str, list[str]]]] = {}  # the id unpadded -> (id, coders)
    for uid, who in _coders_of_units(coded).items():
        spelled.setdefault(_unpadded(uid), []).append((uid, who))
    twins: list[str] = []
    numbers = True  # every such unit is a number (Excel's doing), not an id typed short
    said: set[frozenset[str]] = set()
    for uid, coder in _units_of_one_coder(coded):
        for other, coders in spelled[_unpadded(uid)]:
            if other == uid or coder in coders or frozenset((uid, other)) in said:
                continue
            said.add(frozenset((uid, other)))
            numbers = numbers and uid.isascii() and uid.isdigit()
            # the shorter id first: it is the one typed without the zeros
            pair = [(uid, coder), (other, ", ".join(coders))]
            (u, c), (v, d) = sorted(pair, key=lambda x: len(x[0]))
            twins.append(f"{u!r} ({c}) is {v!r} ({d})")
    return _twins_note(
        twins,
        "leading zeros",
        "Excel drops the zeros of a unit that is a number when it opens the CSV: format the unit "
        "column as Text in Excel, type those units again with their zeros and save the file "
        "again"
        if numbers
        else "Unit ids are compared as written, zeros and all, and are not joined: write each "
        "unit as the other coders (or the results' segment ids, segment_id in codings.csv) "
        "write it and save the file again",
    )


def _case_differs(coded: Any) -> str | None:
    """What to say of units one coder only coded that are another coder's but for the case of
    their letters ("RM01" for "rm01"), as :func:`_zeros_dropped` says of leading zeros: unit
    ids are compared as written, so they were left out with no word why (tester, session 56).
    None when there are none."""
    spelled: dict[str, list[tuple[str, list[str]]]] = {}  # the id in lower case -> (id, coders)
    for uid, who in _coders_of_units(coded).items():
        spelled.setdefault(uid.casefold(), []).append((uid, who))
    twins: list[str] = []
    said: set[frozenset[str]] = set()
    for uid, coder in _units_of_one_coder(coded):
        for other, coders in spelled[uid.casefold()]:
            if other == uid or coder in coders or frozenset((uid, other)) in said:
                continue
            said.add(frozenset((uid, other)))
            twins.append(f"{uid!r} ({coder}) is {other!r} ({', '.join(coders)})")
    return _twins_note(
        twins,
        "case",
        "Unit ids are compared as written, case and all, and are not joined: write each unit "
        "as the other coders (or the results' segment ids) write it and save the file again",
    )


def _coders_of_units(coded: Any) -> dict[str, list[str]]:
    """Each unit's id -> the coders who coded it, in the units' order."""
    return {
        u.id: [c for c in coded.coders if coded.codings[c].get(u.id) is not None]
        for u in coded.units
    }


def _units_of_one_coder(coded: Any) -> list[tuple[str, str]]:
    """Each unit one coder only coded, with that coder."""
    return [(uid, who[0]) for uid, who in _coders_of_units(coded).items() if len(who) == 1]


def _twins_note(twins: list[str], but_for: str, then: str) -> str | None:
    """The note naming units of one coder only that are another coder's but for ``but_for``
    (their leading zeros, their case), and what to do; None when there are none."""
    from ..errors import first_few

    if not twins:
        return None
    n = len(twins)
    shown = first_few(twins, 3)
    return (
        f"{n} unit{'s' * (n > 1)} coded by one coder only {'are' if n > 1 else 'is'} another "
        f"coder's unit{'s' * (n > 1)} but for {'their' if n > 1 else 'its'} {but_for}: "
        f"{shown}{'' if shown.endswith('...') else '.'} {then}"
    )


def _fmt(value: float, pct: bool = False) -> str:
    if value is None or not math.isfinite(value):
        return "-"
    shown = round(100 * value, 1) if pct else round(value, 3)
    shown = shown or 0.0  # a kappa of -1e-16 is 0.000, not -0.000
    return f"{shown:.1f}%" if pct else f"{shown:.3f}"


def _coefficient(value: float, key: str) -> str:
    """A kappa or AC1 (``key`` "kappa", "ac1") or alpha ("alpha") to three decimals, or to as
    many more as it takes to be shown on the side it is on of the nearest bound of its reading
    (Landis & Koch's bands, Krippendorff's thresholds), four at most: alpha 0.79958 is 0.7996,
    not 0.800 beside "tentative" (code review s45)."""
    from ..agreement import (
        KRIPPENDORFF_RELIABLE,
        KRIPPENDORFF_TENTATIVE,
        LANDIS_KOCH,
        READING_TOLERANCE,
    )
    from ..framework import beside_line

    if value is None or not math.isfinite(value):
        return "-"
    if key == "alpha":
        lines: tuple[float, ...] = (KRIPPENDORFF_TENTATIVE, KRIPPENDORFF_RELIABLE)
    else:
        lines = (0.0, *(upper for upper, _ in LANDIS_KOCH))
    line = min(lines, key=lambda x: abs(value - x))
    return beside_line(value, line, 3, within=READING_TOLERANCE)


#: Shown instead of an interval these data cannot give (see the footnote).
WITHHELD = "[—]"


def _with_ci(fig: Any, key: str, pct: bool = False) -> str:
    value = getattr(fig, key)
    text = _coefficient(value, key) if key in ("kappa", "ac1", "alpha") else _fmt(value, pct)
    ci = fig.ci.get(key)
    if fig.ci_withheld_why.get(key) == "undefined":
        return text  # "-": the figure itself is undefined, the closing line says why
    if key in getattr(fig, "ci_withheld", ()):
        text += f" {WITHHELD}"
    elif ci and all(math.isfinite(v) for v in ci):
        text += f" [{_fmt(ci[0], pct)}, {_fmt(ci[1], pct)}]"
    return text


def _withheld_footnote(report: Any, figures: list[Any], valence: list[Any]) -> str | None:
    """One footnote saying why the intervals shown as [—] are missing, each reason that applies
    to one of ``figures`` or ``valence`` (figures shown), in the order of
    :data:`~roqa_nlp.agreement.CI_WITHHELD_REASONS`; None when none is missing."""
    from ..agreement import CI_MIN_UNITS, CI_MIN_VALID_SHARE, CI_WITHHELD_REASONS

    why = {r for f in [*figures, *valence] for r in f.ci_withheld_why.values()} - {"undefined"}
    if not why:
        return None
    held = (
        " (valence: hold a unit-code pair compared)"
        if any("units" in f.ci_withheld_why.values() for f in valence)
        else ""
    )
    text = {
        "units": f"fewer than {CI_MIN_UNITS} compared units carry the code(s){held}",
        "resamples": f"under {CI_MIN_VALID_SHARE:.0%} of the {report.settings['n_boot']} "
        "resamples gave a value",
        "zero_width": "the resamples give an interval of zero width",
        "standard_error": "the standard error (one code per unit) is 0 or undefined",
    }
    reasons = ", or ".join(text[r] for r in CI_WITHHELD_REASONS if r in why)
    cases = _alike_units(figures + valence)
    if cases:
        reasons += ", as when " + ", or when ".join(cases)
    return (
        f"{WITHHELD} = no interval, as these data cannot give one: {reasons}. The JSON has null "
        "there, with the reason in ci_withheld_why."
    )


def _alike_units(figures: list[Any]) -> list[str]:
    """What the units of ``figures`` whose interval has zero width (or a standard error of 0)
    have in common, as the footnote says it: the coders agree on every unit (percent agreement
    1); one coder gave every unit the same value, a kappa of 0 by construction
    (:data:`ONE_CODER_ALIKE`: a kappa of exactly 0 whose interval is withheld, as every
    resample's is 0 too); or the coders disagree on every unit in the same way (a zero-width
    bootstrap interval of another figure under 1: every resample gives it, so every unit holds
    the same share of disagreement). Session 76's api tester, D3: Ana's Cost on every unit, and
    Ben's on 5 of 8, was said to be coders who "disagree on every unit in the same way"."""
    alike = [(f, k) for f in figures for k, r in f.ci_withheld_why.items() if r in ZERO_SPREAD]
    agree = any(f.percent_agreement == 1.0 for f, _ in alike)
    constant = [
        (f, k) for f, k in alike if f.percent_agreement < 1.0 and _kappa_zero_by_construction(f, k)
    ]
    disagree = any(
        f.percent_agreement < 1.0
        and f.ci_withheld_why[k] == "zero_width"
        and (f, k) not in constant
        for f, k in alike
    )
    coders = [
        text for text, held in ((AGREE_EVERYWHERE, agree), (DISAGREE_ALIKE, disagree)) if held
    ]
    return ([f"the coders {', or '.join(coders)}"] if coders else []) + (
        [ONE_CODER_ALIKE] if constant else []
    )


def _kappa_zero_by_construction(f: Any, statistic: str) -> bool:
    """Whether ``statistic`` of ``f``, its interval withheld for no spread, is a Cohen's kappa
    of exactly 0: one coder of the two gave every unit the same value (the chance agreement is
    then the agreement, in every resample too)."""
    return statistic == "kappa" and f.kappa_method == "cohen" and abs(f.kappa) <= 1e-9


#: The withheld-interval reasons of a sample whose every unit gives the same figures.
ZERO_SPREAD = ("zero_width", "standard_error")
AGREE_EVERYWHERE = (
    "agree on every unit (no disagreement in n units still allows a disagreement rate up to "
    "about 3/n)"
)
DISAGREE_ALIKE = (
    "disagree on every unit in the same way (n units all alike cannot show how far the figures "
    "would vary over other units)"
)
#: How a kappa of 0 by construction comes about, said by the footnote and by the line under
#: the table of each code (:func:`_constant_coder_line`): one coder's values do not vary.
NEVER_APPLIED = "never applied"
APPLIED_EVERYWHERE = "applied to every unit"


def _kappa_zero_said(how: str = "") -> str:
    """ "kappa is 0 by construction, whatever the other did", with "for a code one coder
    ``how``" when given."""
    return f"kappa is 0 by construction{f' for a code one coder {how}' if how else ''}, " + (
        "whatever the other did"
    )


ONE_CODER_ALIKE = (
    f"one coder gave every unit the same value (a code {APPLIED_EVERYWHERE} or "
    f"{NEVER_APPLIED}, or one code per unit the same code on every unit): "
    f"{_kappa_zero_said()}, and so is every resample's"
)


#: Why a coder's codings and the units they coded differ: (key, "N fewer/more as ..." word,
#: whether it makes more units than codings, the sentence saying what it is); codings
#: ``outside`` are said apart: "58, of which 28 in 28 units and 30 outside"
CODING_TALLY_TERMS: tuple[tuple[str, str, bool, str], ...] = (
    (
        "joined",
        "joined",
        False,
        "Joined: a coder's codings of one code are counted as one unit when they overlap, or "
        "when only a space or line break lies between them and another coder selected them as "
        "one passage (one selection or segment spanning both).",
    ),
    (
        "several_codes",
        "several codes",
        False,
        "Several codes: a unit a coder coded with several codes holds that many of their codings.",
    ),
    (
        "cut",
        "cut",
        True,
        "Cut: a coding within which another coder's coding starts or ends is one unit per piece.",
    ),
    (
        "outside",
        "outside",
        False,
        "Outside: a coding of text with no letter or digit, outside the text compared, or of "
        "units no other coder coded, is in no unit compared.",
    ),
    (
        "rolled_up",
        "mapped up to one code",
        False,
        "Mapped up to one code: a coder's codes of one segment or unit that count as one "
        "construct or domain (--at) are one code there, though given as several codings.",
    ),
)


def codings_line(report: Any) -> str:
    """What the header's counts mean, so that totals can be checked against an export's: with
    character-span units, what a span and the units coded by no one are; each coder's codings
    (a code on one segment or selection) and the units they are in, with why they differ
    (:func:`~roqa_nlp.coding_agreement.coding_tallies`). Empty by segment (or CSV unit) when
    every coder's codings are as many as the units they coded."""
    tallies = report.codings
    differ = any(t["codings"] != t["units"] for t in tallies.values())
    if report.unit_kind != "spans" and not differ:
        return ""
    parts: list[str] = []
    if report.unit_kind == "spans":
        nobody = report.n_units["all"] - report.n_units["coded"]
        # a model's run is compared on its segments only: the interviewer's turns are units
        # only where other coders judged the whole text (two humans beside a model: tester,
        # session 54, 11 of 12 such units were outside the model's segments)
        outside = report.uncoded_outside_model_segments if report.judged_on_segments else nobody
        # people's codings of segments are judged on their segments as a model's run is
        whose = (
            "a model's"
            if any(c in report.models for c in report.judged_on_segments)
            else "a coder's"
        )
        kinds = []
        if outside:
            kinds.append(
                "interviewers' turns, speaker labels and passages set aside"
                + (f" outside {whose} segments" if report.judged_on_segments else "")
            )
        if nobody - outside:
            kinds.append(
                f"{whose} segments it gave no code (procedural talk, passages set aside) that "
                "no other coder coded either"
                if whose == "a model's"
                else "segments no coder gave a code (procedural talk, passages set aside)"
            )
        if len(kinds) == 2:
            kinds = [f"{kinds[0]} ({outside}), and {kinds[1]} ({nobody - outside})"]
        such = kinds[0] if kinds else ""
        parts.append(
            "Units are character spans: each transcript's text is cut wherever a coder's coding "
            "starts or ends"
            + (
                f", so the {nobody} unit{'s' * (nobody != 1)} coded by no one "
                f"{'are' if nobody != 1 else 'is'} text no coder coded, such as {such}."
                if nobody
                else "."
            )
        )
    used: set[str] = set()
    shown = []
    for c in report.coders:
        t = tallies.get(c)
        if t is None:
            continue
        why = []
        for key, word, more, _ in CODING_TALLY_TERMS:
            if t[key]:
                used.add(key)
                if key != "outside":
                    why.append(f"{t[key]} {'more' if more else 'fewer'} as {word}")
        units = f"{t['units']} unit{'s' * (t['units'] != 1)}"
        in_units = f"{units}" + (f" ({', '.join(why)})" if why else "")
        # codings outside are in no unit: said apart, not as units fewer ("58 in 28 units (30
        # fewer as outside)" read as 58 codings in 28 units: blind tester loop, s64)
        # all outside: none in units ("2, of which 0 in 0 units and 2 outside": hunt s64)
        every = "all outside" if t["outside"] != 1 else "outside"
        shown.append(
            f"{c}: {t['codings']}, {every} the units compared"
            if t["outside"] and t["outside"] == t["codings"] and not t["units"]
            else f"{c}: {t['codings']}, of which {t['codings'] - t['outside']} in {in_units} and "
            f"{t['outside']} outside"
            if t["outside"]
            else f"{c}: {t['codings']} in {in_units}"
        )
    if shown:
        what = {"spans": "segment or selection", "segments": "segment"}.get(
            report.unit_kind, "unit"
        )
        parts.append(
            f"Codings (a code on one {what}) and the units they are in: " + "; ".join(shown) + "."
        )
    parts.extend(text for key, _, _, text in CODING_TALLY_TERMS if key in used)
    return " ".join(parts)


def _kappa_label(fig: Any) -> str:
    return "Cohen's kappa" if fig.kappa_method == "cohen" else "Light's kappa (mean pairwise Cohen)"


def print_report(
    report: Any,
    *,
    universe: str,
    by_code: bool,
    console: Any,
    never: set[str] | None = None,
    fanned: dict[tuple[str, str, tuple[str, ...]], dict[str, int]] | None = None,
    fanned_in: str | None = None,
) -> None:
    """The agreement tables for one universe, as a researcher reads them; ``never``: codes a
    model compared can never give, marked † in the table of each code; ``fanned``: a model's
    codes charted onto several codes at once (:func:`in_one_codebook`), whose codes are marked
    ‡ there, with a line under the table (:func:`_fanned_line`), charted in ``fanned_in``."""
    from rich.markup import escape

    from ..agreement import (
        KRIPPENDORFF_RELIABLE,
        KRIPPENDORFF_TENTATIVE,
        krippendorff_label,
        landis_koch_label,
    )
    from .tables import print_table, table

    # coder and code names are the researcher's text, never rich markup ("[new] Workforce")
    def who(c: str) -> str:
        return escape(f"{c} (model)" if c in report.models else c)

    n_total = report.n_units["total"]
    n_all, n_coded = report.n_units["all"], report.n_units["coded"]
    compared = "" if n_all == n_total else f"{n_all} compared (coded by two or more coders), "
    kind = "" if report.unit_kind == "units" else f" ({report.unit_kind})"  # a CSV's: units
    console.print(
        f"{len(report.coders)} coders: {', '.join(who(c) for c in report.coders)}; "
        f"{n_total} unit{'s' * (n_total != 1)}{kind}, {compared}{n_coded} "
        f"{'of them ' if compared else ''}coded by someone; "
        f"{len(report.codes)} code{'' if len(report.codes) == 1 else 's'} used."
    )
    accounted = codings_line(report)
    if accounted:
        console.print(accounted, markup=False, highlight=False)
    scope = "all units" if universe == "all" else "units at least one coder coded with something"
    level = report.settings["ci_level"]
    pooled = report.pooled[universe]
    # no resamples, no bootstrap interval: the column promises none
    boot = report.settings["n_boot"] > 0
    value = f"value [{level:.0%} CI]" if boot else "value"
    t = table(
        "statistic",
        value,
        "reading",
        right=(value,),
        intervals=(value,),
        title=f"Pooled over every code, presence/absence, {scope} (n={pooled.n_units})",
        title_justify="left",
    )
    t.add_row(
        "percent agreement", _with_ci(pooled, "percent_agreement", pct=True), "not chance-corrected"
    )
    t.add_row(_kappa_label(pooled), _with_ci(pooled, "kappa"), landis_koch_label(pooled.kappa))
    t.add_row("Krippendorff's alpha", _with_ci(pooled, "alpha"), krippendorff_label(pooled.alpha))
    t.add_row("Gwet's AC1", _with_ci(pooled, "ac1"), landis_koch_label(pooled.ac1))
    print_table(console, t)
    # the same value reads "moderate" as kappa and "unreliable" as alpha: say these are two scales
    console.print(
        "Readings: kappa and AC1 on Landis & Koch's (1977) bands (0.41-0.60 moderate, "
        "0.61-0.80 substantial, above 0.80 almost perfect); alpha on Krippendorff's (2004): "
        f"{KRIPPENDORFF_RELIABLE:.3f} to rely on the data, {KRIPPENDORFF_TENTATIVE:.3f} for "
        "tentative conclusions, below that unreliable.",
        markup=False,
    )

    t = table(
        "coder",
        "coder",
        "pair",
        "units",
        "agreement",
        "Cohen's kappa",
        "alpha",
        "AC1",
        "kappa reading",
        right=("units",),
        intervals=("Cohen's kappa", "alpha", "AC1"),
        title=f"Every pair of coders, pooled over codes, {scope}",
        title_justify="left",
    )
    for p in report.pairs:
        f = getattr(p, universe)
        t.add_row(
            who(p.coder_a),
            who(p.coder_b),
            p.kind,
            str(f.n_units),
            _fmt(f.percent_agreement, pct=True),
            _with_ci(f, "kappa"),
            _with_ci(f, "alpha"),
            _with_ci(f, "ac1"),
            landis_koch_label(f.kappa),
        )
    print_table(console, t)
    if report.pairs_on_own_units:
        console.print(
            "Each pair is figured on its own units, as roqa agree of the two alone gives them "
            "(character spans cut at the two coders' boundaries, not at the other inputs'); "
            f"the pooled figures are over the units of all {len(report.coders)} coders, so "
            "their kappa is not the mean of the kappas here.",
            markup=False,
            highlight=False,
        )
    _print_shared_absences(report, universe, console=console)
    if report.models and len(report.coders) > 2:
        t = table(
            "coder",
            "humans compared",
            "mean kappa",
            "mean alpha",
            "mean AC1",
            title="Each coder against the human coders (mean over pairs)",
            title_justify="left",
        )
        for c, v in report.versus_humans[universe].items():
            t.add_row(
                who(c),
                str(int(v["n_humans"])),
                *(_coefficient(v[key], key) for key in ("kappa", "alpha", "ac1")),
            )
        print_table(console, t)

    if by_code and report.per_code:
        labels = _code_labels(report.per_code)
        shown_codes = {c.code for c in report.per_code}
        fanned = {k: per for k, per in (fanned or {}).items() if set(k[2]) & shown_codes}
        doubled = {code for k in fanned for code in k[2]}
        # codes typed as names (a long CSV's), or shown by name, have no other: no empty column
        named = any(c.name and labels[c.code] == c.code for c in report.per_code)
        t = table(
            "code",
            *(("name",) if named else ()),
            "units coded (" + " / ".join(escape(c) for c in report.coders) + ")",
            "units",
            "agreement",
            "kappa",
            "alpha",
            "AC1",
            text=("name",),
            intervals=("agreement", "kappa", "alpha", "AC1"),
            title=f"Each code, presence/absence, {scope}",
            title_justify="left",
        )
        for c in report.per_code:
            f = getattr(c, universe)
            t.add_row(
                escape(labels[c.code])
                + (" †" if c.code in (never or ()) else "")
                + (" ‡" if c.code in doubled else ""),
                *((escape(c.name if labels[c.code] == c.code else ""),) if named else ()),
                " / ".join(str(c.units_coded[k]) for k in report.coders),
                str(f.n_units),
                _with_ci(f, "percent_agreement", pct=True),
                _with_ci(f, "kappa"),
                _with_ci(f, "alpha"),
                _with_ci(f, "ac1"),
            )
        print_table(console, t)
        if fanned:
            console.print(_fanned_line(fanned, fanned_in), markup=False, highlight=False)
        if (constant := _constant_coder_line(report, universe, labels)) is not None:
            console.print(constant, markup=False, highlight=False)

    if report.single_code is not None:
        f = report.single_code[universe]
        # each value one category: kappa and AC1 weigh no distance between them, only alpha does
        unweighted = "" if report.settings["level"] == "nominal" else "unweighted "
        # with three or more coders the mean of the pairs' kappas (tester, session 41: "kappa
        # 0.700" for four coders, Light's only in the JSON)
        kappa = "kappa" if f.kappa_method == "cohen" else "Light's kappa"
        console.print(
            f"One code per unit ({escape(report.single_code_note)}, n={f.n_units}): agreement "
            f"{_fmt(f.percent_agreement, pct=True)}, {unweighted}{kappa} {_with_ci(f, 'kappa')}, "
            f"alpha {_coefficient(f.alpha, 'alpha')} ({report.settings['level']}), {unweighted}AC1 "
            f"{_with_ci(f, 'ac1')}."
        )
    else:
        note = report.single_code_note
        console.print(note[:1].upper() + note[1:] + ".", markup=False)
    _print_valence(report, console=console)
    shown_figures = [report.pooled[universe], *(getattr(p, universe) for p in report.pairs)]
    if by_code:
        # a kappa of 0 by construction is said by its own line (_constant_coder_line), not
        # as coders who "disagree on every unit in the same way"
        shown_figures.extend(
            _without_kappa_zero_width(getattr(c, universe))
            if _constant_coder(report, c, universe)
            else getattr(c, universe)
            for c in report.per_code
        )
    if report.single_code is not None:
        shown_figures.append(report.single_code[universe])
    v = report.valence
    shown_valence = [] if v is None else [v, *(v.pairs if len(v.coders) > 2 else [])]
    # a review's changes are said in place of its figures (_review_changes)
    shown_valence = [
        f for f in shown_valence if not getattr(f, "reviewed_by", "") and not _review_alone(f)
    ]
    footnote = _withheld_footnote(report, shown_figures, shown_valence)
    if footnote is not None:
        console.print(footnote, markup=False, highlight=False)
    other = "coded" if universe == "all" else "all"
    console.print(
        _undefined_line(shown_figures, shown_valence)
        + f"Use --universe {other} for the other view"
        + ("" if by_code else ", --by code for each code")
        + ", --json FILE for every figure.",
        markup=False,
        highlight=False,
    )


def _constant_coder(report: Any, per: Any, universe: str) -> tuple[str, str] | None:
    """The coder of two who never applied the code of ``per`` (a row of the per-code table), or
    applied it to every unit compared, when the other did not do the same, and which of the
    two (:data:`NEVER_APPLIED`, :data:`APPLIED_EVERYWHERE`): Cohen's kappa is then 0 by
    construction, whatever the other coder did (the chance agreement is the agreement), and so
    is every resample's; None otherwise. Session 76's api tester, D3: a code one coder applied
    to every unit was said to be coders who "disagree on every unit in the same way"."""
    f = getattr(per, universe)
    if len(report.coders) != 2 or f.kappa_method != "cohen" or math.isnan(f.kappa):
        return None
    if abs(f.kappa) > 1e-9 or f.percent_agreement == 1.0:
        return None
    counts = [per.units_coded.get(c, 0) for c in report.coders]
    for coder, n in zip(report.coders, counts, strict=True):
        if n == 0:
            return str(coder), NEVER_APPLIED
        if n >= f.n_units:
            return str(coder), APPLIED_EVERYWHERE
    return None


def _without_kappa_zero_width(f: Any) -> Any:
    """``f`` without the zero-width reason of its kappa's withheld interval, which
    :func:`_constant_coder_line` gives instead."""
    why = {k: r for k, r in f.ci_withheld_why.items() if not (k == "kappa" and r == "zero_width")}
    return dataclasses.replace(f, ci_withheld_why=why)


def _constant_coder_line(report: Any, universe: str, labels: dict[str, str]) -> str | None:
    """The line under the per-code table naming the codes one coder never applied, or applied
    to every unit, whose kappa is 0 by construction (:func:`_constant_coder`). Before, their
    [—] was said to be coders who "disagree on every unit in the same way" (agree tester,
    session 72: IS.C, Ana 10 / Ben 0, kappa 0.000 [—] beside alpha [-0.142, -0.025]; api
    tester, session 76: Cost, Ana 8 of 8 / Ben 5). None when there are none."""
    said, withheld, how = [], False, []
    for c in report.per_code:
        if (found := _constant_coder(report, c, universe)) is None:
            continue
        coder, done = found
        label = labels[c.code]
        named = label if not c.name or c.name == label else f"{label} {c.name}"
        other = next(o for o in report.coders if o != coder)
        n = getattr(c, universe).n_units
        said.append(f"{named}, {done} by {coder} ({other} {c.units_coded.get(other, 0)} of {n})")
        how.append(done)
        withheld = withheld or "kappa" in getattr(c, universe).ci_withheld
    if not said:
        return None
    k = len(said)
    done_said = " or ".join(d for d in (NEVER_APPLIED, APPLIED_EVERYWHERE) if d in how)
    # alpha is no reading either: (1 - b) / (2n - b) of two coders, b the units where only one
    # gave the code (or left it), 0 or below whatever they did (tester agree2, session 79: the
    # line said to read it, beside Culture's -0.154)
    return (
        _kappa_zero_said(done_said)
        .replace("kappa is 0", "kappa is 0, and alpha 0 or below,", 1)
        .capitalize()
        + (" (so its interval, every resample 0, is withheld)" if withheld else "")
        + ": "
        + "; ".join(said[:5])
        + (f"; and {k - 5} more" if k > 5 else "")
        + f". Report the units each coder coded with {'it' if k == 1 else 'them'} (of the units "
        "compared) beside the agreement or AC1."
    )


def _fanned_line(
    fanned: dict[tuple[str, str, tuple[str, ...]], dict[str, int]], target: str | None
) -> str:
    """The line under the table of each code on the codes marked ‡: a model's code counted in
    its own codebook and charted onto several codes of ``target`` counts as each of them, as a
    person's does (docs/agreement.md), while the model's own charted suggestions (its report,
    codings.<target>.csv) share that code's probability among them and may rank one high and
    the others near zero (tester, session 58: OUT.F 0.91 and OUT.E 0.04 in
    codings.cfir-2022.csv, and agree counting OUT.E, OUT.F and OUT.G.3 with no word there)."""
    models = list(dict.fromkeys(m for per in fanned.values() for m in per))
    shown = [
        f"{cid}{f' {name}' * (name != cid)} as {', '.join(became)} ("
        + ", ".join(f"{m} {n} segment{'s' * (n != 1)}" for m, n in per.items())
        + ")"
        for (cid, name, became), per in fanned.items()
    ]
    one = len(models) == 1
    where = (
        f"Charted in {target} (the report and codings.{target}.csv of `roqa code --codebook "
        f"{target}`), a model's suggestions"
        if target
        else "A model's charted suggestions"
    )
    return (
        f"‡ {', '.join(models)} {'counts' if one else 'count'} this code wherever the code "
        f"{'it' if one else 'they'} chose in {'its' if one else 'their'} own codebook maps onto "
        "it and others, each counted as applied, as a person's code is: "
        + "; ".join(shown[:4])
        + (f"; and {len(shown) - 4} more" if len(shown) > 4 else "")
        + f". {where} share that code's probability among them instead, and may rank one "
        "first and the others near zero, so these rows can count more of the model's units "
        "than those files show (docs/agreement.md, Coders in different codebooks)."
    )


def _code_labels(per_code: list[Any]) -> dict[str, str]:
    """How the per-code table names each code: by its id, but a QDA project's own code, whose id
    is a GUID, by its name (tester, session 50: the GUID filled the column), with the start of
    its GUID when two such codes share the name (the JSON keeps every id)."""
    from collections import Counter

    from ..exchange.refiqda import is_guid

    by_name = [c for c in per_code if c.name and is_guid(c.code)]
    shared = Counter(c.name for c in by_name)
    labels = {c.code: c.code for c in per_code}
    for c in by_name:
        labels[c.code] = c.name if shared[c.name] == 1 else f"{c.name} ({c.code.strip('{')[:8]})"
    return labels


#: What each reason a figure is undefined (``undefined_why``) means, as the closing line says it.
UNDEFINED_TEXT = {
    "no_units": "no unit was coded by two coders",
    "no_code": "no coder applied any code to the compared units",
    "one_category": "every compared unit is in one category (for a code: every coder applied "
    "it there, or none did), so kappa's and alpha's chance agreement is 1",
}


#: Why a valence figure is undefined when no unit is compared: a reviewer may have coded every
#: unit and given no valence (one the review did not set is left out, not counted as theirs).
VALENCE_NO_UNITS = "no unit was given a valence by two coders"


def _undefined_line(figures: list[Any], valence: list[Any]) -> str:
    """The closing line's first sentence: why the figures shown as '-' are undefined, each
    reason that applies (:data:`UNDEFINED_TEXT`); the usual reminder when none is."""
    from ..coding_agreement import UNDEFINED_REASONS

    why = {r for f in figures for r in f.undefined_why.values()}
    valence_why = {r for f in valence for r in f.undefined_why.values()}
    if not why | valence_why:
        return "'-' = undefined (e.g. every value the same). "
    texts = [UNDEFINED_TEXT[r] for r in UNDEFINED_REASONS if r in why]
    for r in UNDEFINED_REASONS:  # valence: units two coders gave a valence (hunt s45)
        text = VALENCE_NO_UNITS if r == "no_units" else UNDEFINED_TEXT[r]
        if r in valence_why and text not in texts:
            texts.append(text)
    return f"'-' = undefined: {'; or '.join(texts)}. "


def _print_shared_absences(report: Any, universe: str, *, console: Any) -> None:
    """Under the pooled tables: how many of their decisions are a code no coder applied, which
    pooled agreement and AC1 count as agreement (gold vs model: 96.8% and AC1 0.966 beside
    kappa 0.546), so that the pooled agreement is not quoted alone."""
    counts = report.pooled_decisions.get(universe) or {}
    n, absent = counts.get("decisions", 0), counts.get("shared_absences", 0)
    if not n or (universe == "coded" and _one_code_of_two_coders(report)):
        return  # no absence shared, and kappa and alpha no figures to quote: warned of instead
    n_coders, n_codes = len(report.coders), len(report.codes)
    # a pair's figures depend on who else is compared (daily12 tester, session 82: a human pair
    # read kappa 0.768 alone and 0.777 beside a model, whose codes joined the pooled codes)
    pairs = (
        f" Each pair is pooled over the {n_codes} codes any of the {n_coders} coders applied, "
        "so its figures differ from that pair's compared alone (roqa agree with those two), "
        "which are pooled over the codes the two applied."
        if n_coders > 2 and not report.pairs_on_own_units
        else ""
    )
    if report.pairs_on_all_units:
        # the others are figured as the two alone, over the codes the two applied (daily26,
        # session 89: said of every pair, where each was the pair alone)
        some = ", ".join(f"{a} - {b}" for a, b in report.pairs_on_all_units)
        pairs = (
            f" {some} {'is' if len(report.pairs_on_all_units) == 1 else 'are'} pooled over the "
            f"{n_codes} codes any of the {n_coders} coders applied, so {'its' if len(report.pairs_on_all_units) == 1 else 'their'} figures "
            "differ from those compared alone (roqa agree with those two), which are pooled over "
            "the codes the two applied; the other pairs are figured as the two alone."
        )
    console.print(
        "Pooled agreement and AC1 (both tables) count a code no coder applied to a unit as "
        f"agreement: {absent} of the {n} unit-code decisions here ({absent / n:.0%}). Kappa and "
        "alpha correct for chance; quote them, or each code's figures (--by code), not the "
        f"pooled agreement alone.{pairs}",
        markup=False,
        highlight=False,
    )


def _one_code_of_two_coders(report: Any) -> bool:
    """Whether ``report`` compares two coders on one code: then in the coded universe every
    unit compared holds the code, from one coder at least, and no unit is one where both left
    it out, so Cohen's kappa and alpha are 0 or below whatever the coders did (the kappa paradox
    of docs/agreement.md: -0.151 beside 0.700 over all units)."""
    return len(report.codes) == 1 and len(report.coders) == 2


def _one_code_coded_warning(report: Any) -> str:
    """The warning of ``--universe coded`` with one code (:func:`_one_code_of_two_coders`),
    which printed kappa -0.151 "poor" and asked to quote it (agree tester, session 72)."""
    code = report.codes[0]
    name = next((c.name for c in report.per_code if c.code == code and c.name), code)
    return (
        f"one code only ({code if name == code else f'{code} {name}'}): with --universe coded "
        "every unit compared holds it, from one coder at least, so kappa and alpha cannot be "
        "positive whatever the coders did; read --universe all, AC1 or the percent agreement"
    )


def _print_valence(report: Any, *, console: Any) -> None:
    """One line on the valence of the codes coders both applied (and one per pair of coders
    when there are more than two), or the line saying why valence was not compared."""
    from ..agreement import landis_koch_label

    v = report.valence
    if v is None:
        note = report.valence_note
        console.print(note[:1].upper() + note[1:] + ".", markup=False, highlight=False)
        return

    def figures(f: Any, kappa: str) -> str:
        reading = f" ({landis_koch_label(f.kappa)})" if math.isfinite(f.kappa) else ""
        return (
            f"agreement {_with_ci(f, 'percent_agreement', pct=True)}, {kappa} "
            f"{_with_ci(f, 'kappa')}{reading}, alpha {_with_ci(f, 'alpha')} (nominal), AC1 "
            f"{_with_ci(f, 'ac1')}"
        )

    kappa = "Cohen's kappa" if v.kappa_method == "cohen" else "Light's kappa"
    # intervals resample units, each with all its pairs
    n = f"n={v.n_pairs} unit-code pair{'s' * (v.n_pairs != 1)}"
    alone = v.pairs[0] if _review_alone(v) else None
    if v.ci and alone is None:
        n += f" in {v.n_units} unit{'s' * (v.n_units != 1)}"
    console.print(
        f"Valence ({report.valence_note}; {n}): "
        f"{figures(v, kappa) + '.' if alone is None else _review_changes(alone)}",
        markup=False,
        highlight=False,
    )
    if len(v.coders) > 2:
        for p in v.pairs:
            k = p.n_without_valence
            # as the line of two coders says it (valence_agreement's note)
            more = (
                f"; {k} more pair{'s' * (k > 1)} where one of them gave the code no valence (or "
                "gave it two) left out"
                if k
                else ""
            )
            console.print(
                f"  valence, {p.coder_a} - {p.coder_b} (n={p.n_pairs}{more}): "
                + (_review_changes(p) if p.reviewed_by else figures(p, "Cohen's kappa") + "."),
                markup=False,
                highlight=False,
            )


def _review_alone(v: Any) -> bool:
    """Whether ``v`` is valence agreement between two coders only, a model and its review
    (:func:`_review_changes` said in place of its figures)."""
    return hasattr(v, "coders") and len(v.coders) == 2 and bool(v.pairs[0].reviewed_by)


def _review_changes(p: Any) -> str:
    """What a review's valences did to the model's (``p``: a
    :class:`~roqa_nlp.coding_agreement.ValencePair` with ``reviewed_by``), said instead of an
    agreement figure: where the review kept the model's valence it is not counted as the
    reviewer's, so those compared are the ones it set, mostly corrections (seed replication,
    session 48: "agreement 0.0%, kappa -0.141 (poor)" on the 9 a reviewer set)."""
    who = p.reviewed_by
    model = p.coder_a if p.coder_b == who else p.coder_b
    segments = f"{p.kept} coded segment{'s' * (p.kept != 1)}"
    # why no figure, as the counts have it: a reviewer who set a valence mostly to change the
    # model's, or one who set them (kept the model's too) with the model's in view (tester
    # agree2, session 79: "low by construction" of a reviewer who kept 23 of the 29 they set)
    why = (
        "a review sets a valence mostly to correct the model's, so agreement over the valences "
        "it set is low by construction"
        if 2 * p.changed >= p.n_pairs
        else f"{who} set them with the model's in view, and kept it on "
        f"{p.n_pairs - p.changed} of them, so agreement with the model is anchored on its "
        "valences, not independent"
    )
    return (
        f"{who}, reviewing {model}'s suggestions, changed the valence on {p.changed} of the "
        f"{p.n_pairs} {who} set (the model's valence, kept on {segments}, is not counted as "
        f"{who}'s). No agreement figure: {why} (docs/agreement.md)."
    )


@app.command("agree", epilog=example("roqa agree coderA/ coderB/ coded/ --json agree.json"))
def agree_command(
    inputs: list[Path] = typer.Argument(
        ...,
        help="Long table (unit,coder,code) as .csv, .tsv, .txt or .xlsx, codings.jsonl or result "
        "folder per coder, or .qdpx.",
        metavar="FILES...",
    ),
    by: str = typer.Option(
        "pair",
        "--by",
        metavar=choice_metavar("pair", "code"),
        help="pair: pooled and pairwise tables; code: also each code.",
    ),
    universe: str = typer.Option(
        "all",
        "--universe",
        metavar=choice_metavar("all", "coded"),
        help="all: every unit; coded: units at least one coder coded.",
    ),
    level: str = typer.Option(
        "nominal",
        "--level",
        metavar=choice_metavar("nominal", "ordinal", "interval", "ratio"),
        help="Level of the one-code-per-unit view (not nominal: units where a coder applied no "
        "code are left out, and counted).",
    ),
    json_out: Path | None = typer.Option(
        None,
        "--json",
        help="Write every figure to this JSON file; - prints it on standard output (the tables "
        "then go to standard error).",
        metavar="FILE",
    ),
    model_threshold: float | None = typer.Option(
        None,
        "--model-threshold",
        help="Count a model's suggestions with probability >= P (default: its top suggestion).",
        metavar="P",
    ),
    units: str = typer.Option(
        "auto",
        "--units",
        metavar=choice_metavar("auto", "segments", "spans"),
        help="segments: shared segment ids; spans: character ranges; auto: segments when the "
        "coders' results share them, else spans.",
    ),
    n_boot: int = typer.Option(
        1000,
        "--n-boot",
        help="Bootstrap resamples for intervals (0: none; the one-code-per-unit line's kappa "
        "and AC1 keep their analytic, Wald intervals).",
        metavar="N",
    ),
    seed: int = typer.Option(0, "--seed", help="Seed of the bootstrap resampling."),
    ci_level: float = typer.Option(
        0.95, "--ci-level", help="Confidence level of the intervals.", metavar="LEVEL"
    ),
    at: str = typer.Option(
        "code",
        "--at",
        metavar=choice_metavar("code", "construct", "domain"),
        help="code: compare codes as coded; construct: a sub-construct counts as its "
        "construct; domain: every code as its domain (the codebook's hierarchy; a model's "
        "codes too; codes outside it are compared as written, with a note).",
    ),
    disagreements: Path | None = typer.Option(
        None,
        "--disagreements",
        help="Write each unit and code the coders disagree on (who applied it, who did not, "
        "the words) to this CSV, to reconcile them.",
        metavar="FILE",
    ),
    codebook: str | None = codebook_option(
        "A built-in codebook ({builtin}) or a codebook .json file to compare every coder in: "
        "codes resolve to its ids by id, name or alias, and other codebooks' codes translate "
        "through their documented mapping (default: the codebook the results record, else the "
        "codes as written; docs/agreement.md)."
    ),
    interviewer: list[str] = interviewer_option(
        "A speaker label or name that is the interviewer (repeatable), as for roqa import: a "
        ".qdpx's coded units lying wholly in its turns are noted."
    ),
    participant: list[str] = participant_option(),
) -> None:
    """Agreement between coders, per code and pooled, with every pair of coders (model included)."""
    from ..agreement import LEVELS
    from ..code_levels import AT_LEVELS
    from ..coding_agreement import UNIT_KINDS, UNIVERSES, _agreement_report
    from ..errors import RoqaError
    from ..io import atomic_write_text, check_outputs

    for name, value, allowed in (
        ("--by", by, ("pair", "code")),
        ("--universe", universe, UNIVERSES),
        ("--level", level, LEVELS),
        ("--units", units, UNIT_KINDS),
        ("--at", at, AT_LEVELS),
    ):
        if value not in allowed:
            raise RoqaError(f"{name} {value!r} is not one of {', '.join(allowed)}")
    if model_threshold is not None and not 0.0 <= model_threshold <= 1.0:
        raise RoqaError(f"--model-threshold {model_threshold} is not a probability", hint="use 0-1")
    from ..agreement import OPTION_NAMES, check_resampling, few_resamples_said

    # in the words agreement_report says them, with the options' names
    check_resampling(n_boot=n_boot, seed=seed, ci_level=ci_level, names=OPTION_NAMES)
    # before the figures are computed and printed: a path refused after them looked like a
    # finished run that had saved nothing
    read = [p / "codings.jsonl" if p.is_dir() else p for p in inputs]
    from ..result import recorded_sources

    to_stdout = json_to_standard_output(json_out)  # --json -: the JSON alone on stdout
    if to_stdout:
        json_out = None

    refuse_a_list_with_columns_added(disagreements)
    check_outputs(
        {"--json": json_out, "--disagreements": disagreements},
        read,
        transcripts=[t for p in read if p.name == "codings.jsonl" for t in recorded_sources(p)],
        formats={"--json": ("JSON", (".json",)), "--disagreements": ("CSV", (".csv",))},
        own={
            "--disagreements": (
                "a list of disagreements roqa agree wrote (its columns unchanged)",
                written_as_disagreements,
            )
        },
    )
    if json_out is not None:  # its folder, as roqa report locks its report's (ux2, s78)
        from ..folder_lock import lock_output_folder

        lock_output_folder(json_out.parent)

    from ..transcripts import with_default_labels

    loaded = load_coded_units(
        inputs,
        model_threshold=model_threshold,
        units=units,
        codebook=codebook,
        at=at,
        # a .qdpx's speakers read as roqa import reads them: the labels given added to the
        # defaults (a result folder's turns were read when it was coded or imported)
        interviewer_labels=with_default_labels(list(interviewer) or None, list(participant)),
    )
    if model_threshold is not None and not loaded.coded.models:
        loaded.warnings.append(
            f"--model-threshold {model_threshold:g} is not used: no input is a model's run (it "
            "counts a model's suggestions at or above it; a person's codes count as given)"
        )
    given = [o for o, v in (("--interviewer", interviewer), ("--participant", participant)) if v]
    if given and not any(p.suffix.lower() == ".qdpx" for p in inputs):
        loaded.warnings.append(
            f"{' and '.join(given)} {'is' if len(given) == 1 else 'are'} not used: no input is a "
            ".qdpx (they read its sources' speakers; a result folder's were read when it was "
            "coded or imported: give them to roqa code or roqa import)"
        )
    from ..source_fingerprints import warn_of_changed_sources

    # a transcript edited since it was coded: compared as coded, the text it had then
    warn_of_changed_sources(p for p in read if p.name == "codings.jsonl")
    with said_while_long(f"Bootstrapping the intervals ({n_boot} resamples of the units)"):
        report = _agreement_report(
            loaded.coded,
            level=level,
            n_boot=n_boot,
            ci_level=ci_level,
            seed=seed,
            pair_units=loaded.pair_units,
        )
    if (few := few_resamples_said(n_boot, OPTION_NAMES)) is not None:
        from ..errors import warn

        # 3 resamples printed as a 95% interval, unsaid (tester s65, stats, 4); warned once the
        # options, inputs and coders are known good, so that a refusal stays one line (a missing
        # file or one coder after the warning: CLI fuzz, hunt s66)
        warn(few)
    if report.valence is not None:
        for p in report.valence.pairs:
            for model, reviewer in ((p.coder_a, p.coder_b), (p.coder_b, p.coder_a)):
                if (model, reviewer) in loaded.review_valences:
                    p.reviewed_by = reviewer
                    p.kept = loaded.review_valences[model, reviewer]
    if universe == "coded" and _one_code_of_two_coders(report):
        loaded.warnings.append(_one_code_coded_warning(report))
    if not report.codes:
        n = report.n_units["all"]
        loaded.notes.append(
            f"no coder applied any code to the {n} compared unit{'s' * (n != 1)}, so there is "
            "no code to compare: every figure of codes is undefined"
        )
    text = ""  # the JSON, for --json FILE or -
    if json_out is not None or to_stdout:
        data = {
            "inputs": [str(p) for p in inputs],
            "model_threshold": model_threshold,
            "codebook": codebook if codebook is not None else loaded.compared_in,
            "at": at,
            "translated": loaded.translated,
            "unreachable": loaded.unreachable,
            "tied_top": {
                m: {
                    "n_segments": len(ties),
                    "segments": {k: {"counted": v[0], "tied": v} for k, v in ties.items()},
                }
                for m, ties in loaded.tied_top.items()
            },
            "notes": [*loaded.import_warnings, *loaded.warnings, *loaded.notes],
            **report.to_dict(),
            "references": list(REFERENCES),
        }
        text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        # the file before the table: `roqa agree ... --json F | head` ends the run when head
        # stops reading, which left no F (newcomer, session 47)
        if json_out is not None:
            atomic_write_text(json_out, text)
    console = new_console(stderr=to_stdout)
    if not console.is_terminal:
        console = new_console(width=160, stderr=to_stdout)
    for warning in loaded.warnings:
        console.print(f"Warning: {warning}.", markup=False, highlight=False)
    for note in [*loaded.translated, *loaded.notes]:
        console.print(f"Note: {note}.", markup=False, highlight=False)
    never = set(loaded.unreachable["codes"]) if loaded.unreachable else set()
    print_report(
        report,
        universe=universe,
        by_code=by == "code",
        console=console,
        never=never,
        fanned=loaded.fanned,
        fanned_in=loaded.fanned_in,
    )
    if disagreements is not None:
        n, kept = write_disagreements(disagreements, loaded.coded, loaded.unit_words)
        if kept is not None:  # the team's marked-up list, as roqa report says of a matrix
            typer.echo(f"roqa: warning: {kept}", err=True)
        console.print(
            f"{n} disagreement{'' if n == 1 else 's'} (a unit and a code some coders applied "
            'and others did not) listed, to reconcile (docs/agreement.md, "Two coders").',
            markup=False,
            highlight=False,
        )
        print_wrote(console, disagreements)
    if to_stdout:
        write_standard_output(text)
    elif json_out is not None:
        print_wrote(console, json_out)
