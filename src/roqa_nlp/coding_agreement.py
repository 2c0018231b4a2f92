"""Agreement between coders of the same transcripts: units, per-code and pooled figures, pairs.

Qualitative coders do not put each unit in exactly one category: they apply zero, one or several
codes to stretches of text. This module turns several coders' codings into *units* and then asks,
for each code, "did the coders agree on whether this code applies here?" (presence/absence), which
is what NVivo, ATLAS.ti and MAXQDA call code-by-code agreement.

How units are built
-------------------
- **Long CSV** (``unit``, ``coder``, ``code``, optionally ``valence``): a unit is a ``unit``
  value. Several rows for one
  unit and coder are several codes, and so are codes separated by ``;`` in one cell (or by
  commas, where each is a known code: :func:`read_long_csv`); a row with
  an empty ``code`` means the coder read the unit and
  applied no code, and so does ``NONE`` or a spreadsheet's blank (``N/A``, ``-``:
  :func:`spreadsheet_blanks`); a coder with no row for a unit did not code it (missing, not
  "no code").
  Codes are resolved in a codebook when one is given (:func:`read_long_csv`); names that differ
  only in case or spacing can be counted as one code (:func:`merge_spelling_variants`); coder
  names that differ so are one coder.
- **Segment codings** (``codings.jsonl`` results with the same segments, ids and ranges): a
  unit is a segment.
  A coder whose result lacks a segment did not code it (missing), so a result holding part of
  the others' segments (a partial review) is still compared by segment; QDA selections only
  when every coder's are the same (see :func:`_segments_differ`).
- **Character-span codings** (results whose segments differ, e.g. selections made in a QDA
  program): within each transcript, units are the maximal character ranges over which no
  coder's coding changes, i.e. the text is cut at every coding's start and end, and neighbouring
  pieces with the same codes, each given the same valence, for every coder are joined again
  where one coder's segment or selection spans both (the halves of a split; two segments or
  selections a space apart that no one's one spans stay two units, as by segment, so a split
  that changes no coding gives the figures of the segments; a coder's adjacent barrier and
  enabler selections of one code stay two units, as two segments would, rather than one unit
  where the code has two valences, so none). Uncoded text between
  codings is a unit coded with nothing by the coders who judged it. Ranges holding no letter or
  digit (a space or full stop left between two selections) are dropped, so that a selection boundary
  one character off does not make a unit of its own, and do not keep apart the pieces on either
  side: one coder's two selections of a code a line break apart, the other's one across both, are
  one unit, as when they touch. A coder with no coding at all in a transcript is missing for its
  units, and one whose judgement covers part of the text only (a review's decided segments:
  ``coverage`` of :func:`coded_units_from_results`) is missing outside it; text no coder judged is
  no unit. A model's run judged its segments only (``roqa code`` skips the interviewer's turns and
  speaker labels): outside them it is missing, so the text there that a QDA coder left uncoded is no
  unit, and their selection there is compared with no one; the space between two of its segments
  does not keep them apart where no coder's coding changes and one coder's selection spans
  both. When no transcript text is available, the text is taken to run from 0 to the last
  coding's end. Two coders whose texts of one transcript
  differ are an error (offsets into one are other words in the other). Every range counts as one
  unit whatever its length (agreement is about coding decisions, not characters).

What is computed
----------------
For each code, the coders x units matrix of presence (1) / absence (0) of that code, over two
*universes*: **all** units, and **coded** units (units at least one coder coded with something;
uncoded text otherwise inflates agreement). On it: percent agreement, Cohen's kappa (two coders;
with more coders Light's kappa, the mean of the pairwise Cohen's kappas, Light 1971; a pair
whose kappa is undefined, e.g. both coders used one value only, is left out of the mean, and the
table of pairs shows it as '-'),
Krippendorff's alpha (nominal) and Gwet's AC1 (with both categories, present and absent, counted).
**Pooled** figures stack every (unit, code) decision of the codes anyone used into one binary
matrix. **Pairs** give the pooled figures for every pair of coders, humans and models alike,
over the pooled figures' items the two both coded: the units both coded (all, or coded by any
coder) and every code any coder applied, so that the pooled Light's kappa is the mean of the
pairs' kappas (Light 1971 averages the pairwise kappas over the same items). With three or more
coders a pair can therefore differ from the two compared alone, where only the codes (and the
coded units) of those two count. When no coder ever applies two codes to one
unit, the **single-code** view also treats each unit's code (or "(none)") as one categorical
value, which is where ``level`` (ordinal, interval, ratio for numeric codes) applies. "(none)" has
no place on an ordinal, interval or ratio scale: at those levels a coder's "no code" is left out
as missing, and the report says in how many units (``single_code_left_out``). **Valence**
(:func:`valence_agreement`): over the (unit, code) pairs two or more coders applied, the valence
(barrier, enabler, neutral) each gave the code, as nominal values; or why it was not compared.

Confidence intervals of the per-code, pooled, pair and valence figures are percentile bootstrap
intervals over units (not over unit-code decisions, which are not independent; valence: over
the units holding its (unit, code) pairs, each drawn with all of them):
``numpy.random.default_rng(seed)`` draws the same resamples as
:func:`roqa_nlp.agreement.bootstrap_ci`, so for one code the interval is the one that function
gives on that code's presence matrix, and ``n_valid`` how many resamples left each statistic
defined. The single-code view gives analytic (Wald) intervals for Cohen's kappa (two coders)
and AC1, and a percentile bootstrap one for Light's kappa (three coders or more). An interval
these data cannot give is withheld (``[nan, nan]``, named in ``ci_withheld`` with the reason in
``ci_withheld_why``; the tables show none), by the decision the library's intervals take too
(:func:`roqa_nlp.agreement.why_withheld`): when fewer than ``CI_MIN_UNITS`` compared units
carry the code, fewer than ``CI_MIN_VALID_SHARE`` of the resamples left the statistic defined,
or the interval would have zero width, as it has under perfect agreement
(:data:`roqa_nlp.agreement.CI_WITHHELD_REASONS`).

A model's :class:`CodingResult` counts a segment as coded with its top suggestion (the most
probable, whatever the order; suggestions tied for the top all count), or with every suggestion
whose probability reaches ``model_threshold``; segments flagged ``novel`` (the model says no code
fits) and procedural talk count as coded with nothing, as the report and the framework matrix
chart them (:func:`roqa_nlp.framework.carries_codes`). Whether a result is a model's comes from
what it records (:func:`is_model_result`): a model run, or roqa_nlp's machine user in a QDA
project; a person's codings count every code, whatever probability they carry.

References: Light RJ. Measures of response agreement for qualitative data. Psychol Bull
1971;76:365-377; Field CA, Welsh AH. Bootstrapping clustered data. J R Stat Soc B
2007;69:369-390 (units resampled with all their pairs); Hanley JA, Lippman-Hand A. If nothing
goes wrong, is everything all right? JAMA 1983;249:1743-1745 (no disagreement in n units: a rate
up to about 3/n); and those of :mod:`roqa_nlp.agreement`.
"""

from __future__ import annotations

import bisect
import csv
import dataclasses
import functools
import io
import itertools
import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from .agreement import (
    _DEGENERATE,
    CI_MIN_UNITS,
    CI_MIN_VALID_SHARE,
    LEVELS,
    ConfidenceInterval,
    cohen_kappa,
    cohen_kappa_se,
    gwet_ac1,
    gwet_ac1_se,
    krippendorff_alpha,
    normal_ci,
    percent_agreement,
    percentile_interval,
    why_withheld,
)
from .errors import (
    RoqaError,
    RoqaTypeError,
    RoqaValueError,
    and_list,
    first_few,
    in_python_too,
    quoted,
)
from .framework import carries_codes
from .io import (
    csv_delimiter,
    from_the_header,
    read_text,
    rows_within_header,
    too_many_fields_hint,
)
from .record_files import code_names as cell_codes
from .result import CodingResult
from .schema import Segment, SegmentResult, Suggestion
from .training import NONE_LABELS
from .transcripts import natural_key

if TYPE_CHECKING:
    from .codebook import Code, Codebook
    from .composed_texts import ComposedPositions

#: How a unit coded with no code shows in confusion tables and the single-code view.
NONE_CODE = "(none)"
UNIVERSES: tuple[str, ...] = ("all", "coded")
UNIT_KINDS: tuple[str, ...] = ("auto", "segments", "spans")
STATISTICS: tuple[str, ...] = ("percent_agreement", "kappa", "alpha", "ac1")

#: Bootstrap resamples processed at once (bounds memory for large unit counts).
_CHUNK = 200


# -- units ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """One unit of comparison: a CSV unit, a segment, or a character range of a transcript."""

    id: str
    transcript: str = ""
    start: int | None = None
    end: int | None = None


@dataclass
class CodedUnits:
    """Who coded which unit with which codes.

    ``codings[coder][unit_id]`` is the set of codes the coder applied (empty: read and coded with
    nothing); a unit absent from a coder's mapping was not coded by that coder (missing).
    ``valences[coder][unit_id][code]`` is the valence (barrier, enabler or neutral) the coder
    gave a code they applied to the unit; a code with no entry was given none. ``no_valence``
    names the coders whose input records no valence at all, with the reason (a long CSV
    without a ``valence`` column). ``placed`` gives, for each coder read from a result, each of
    their codings (a code on one segment or selection) with the units it is in, which
    :func:`coding_tallies` counts. ``judged_on_segments`` names the results (a model's run, a person's
    codings of segments: not a QDA program's selections) compared by character span on their
    segments only: outside them (interviewers' turns, speaker labels) the model
    judged nothing, so it is missing there (:func:`coded_units_from_results`).
    """

    coders: list[str]
    units: list[Unit]
    codings: dict[str, dict[str, frozenset[str]]]
    code_names: dict[str, str] = field(default_factory=dict)
    models: list[str] = field(default_factory=list)
    unit_kind: str = "units"
    valences: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    no_valence: dict[str, str] = field(default_factory=dict)
    placed: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    judged_on_segments: list[str] = field(default_factory=list)
    #: a long table's code cells read as several codes for the commas between them
    #: (:func:`read_long_csv`)
    comma_cells_split: int = 0
    #: those of them split with no codebook, every part a code id of one built-in codebook
    #: ("IS.C, IS.D.2"), by that codebook's id (:func:`read_long_csv`)
    comma_ids_split: dict[str, int] = field(default_factory=dict)
    #: a long table's coder names counted as one coder, each group led by the name kept
    #: (:func:`read_long_csv`)
    coders_merged: list[list[str]] = field(default_factory=list)
    #: a long table's code cells read as no code for holding a spreadsheet's blank ("N/A", "-":
    #: :func:`spreadsheet_blanks`), how many of each as written (:func:`read_long_csv`)
    blank_cells: dict[str, int] = field(default_factory=dict)
    #: where a long table's row gives a valence but no code (``line 4``): a valence is that of
    #: its row's codes, so it is given to none (:func:`read_long_csv`)
    valence_without_code: list[str] = field(default_factory=list)
    #: per coder, the codings that became one with another of theirs on one segment or unit
    #: when codes were mapped up the codebook's hierarchy (``roqa agree --at``: Tension for
    #: Change and Compatibility on one segment are one Implementation Climate), which
    #: :func:`coding_tallies` counts, so that the codings are as many as the coder gave
    rolled_up: dict[str, int] = field(default_factory=dict)
    #: a long table's ``text`` column, the words of the segment each row codes, as
    #: ``(unit, coder, words, where)`` for each row giving some (``line 4``); None without the
    #: column (:func:`read_long_csv`, checked by :func:`check_table_texts`)
    unit_texts: list[tuple[str, str, str, str]] | None = None
    #: why results are compared by character span though none is a QDA program's selections:
    #: the two coders' segments of a transcript that are not one segmentation, e.g. "alice's
    #: and bob's segments of transcript rm01 are not the same (...)"; "" otherwise
    #: (:func:`coded_units_from_results`)
    spans_because: str = ""
    #: by segment, of QDA programs' selections alone, the same for every coder: the
    #: stretches of text no coder selected (interviewers' turns, speaker labels, passages set
    #: aside) holding a letter or digit, as ``(how many, their characters)``, which are no
    #: units here and are units coded by no one with ``units="spans"``
    #: (:func:`coded_units_from_results`); ``(0, 0)`` otherwise
    unselected: tuple[int, int] = (0, 0)
    #: a long table's names resolved, beside ``codebook``, to a code of another input's own
    #: (a review's new code): each name as typed -> (code id, the coder whose codings carry
    #: it, where it is first: ``line 3``) (:func:`read_long_csv` ``own_codes``)
    matched_own: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    #: where a long table's row repeats a coding of an earlier row (same unit, coder, code and
    #: valence: ``line 5``), which is counted once, as a code is applied to a unit or not
    #: (:func:`read_long_csv`)
    repeated_rows: list[str] = field(default_factory=list)
    #: where a long table's code cell gives NONE (or a spreadsheet's blank) beside codes
    #: ("NONE; Cost"), as ``(coder, where, the cell)``: the codes are read, as on a
    #: QDA passage coded with a NONE node and a code (:func:`read_long_csv`)
    none_beside_codes: list[tuple[str, str, str]] = field(default_factory=list)
    #: where a long table gives NONE (or a spreadsheet's blank) on a row of its own beside a row
    #: coding the same unit for the same coder (``u1,Ben,NONE`` and ``u1,Ben,Cost``), as
    #: ``(coder, where the NONE is, its cell, where the code is, its cell)``: the codes are read,
    #: as in one cell (:func:`read_long_csv`)
    none_rows_beside_codes: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    #: by coder, the units a long table's code cell gives NONE alone (``NONE``, ``no code``:
    #: :data:`~roqa_nlp.training.NONE_LABELS`, not an empty cell nor a spreadsheet's blank): the
    #: coder said no code applies there, as a QDA passage coded NONE says (:func:`read_long_csv`)
    none_given: dict[str, set[str]] = field(default_factory=dict)

    def __repr__(self) -> str:
        who = ", ".join(f"{c} (model)" if c in self.models else c for c in self.coders)
        who = f"coders {who}" if who else "no coders"
        kind = self.unit_kind if len(self.units) != 1 else self.unit_kind.rstrip("s")
        codes = f"{len(self.codes)} code{'' if len(self.codes) == 1 else 's'}"
        return f"CodedUnits({who}; {len(self.units)} {kind}, {codes})"

    def __post_init__(self) -> None:
        if len(set(self.coders)) != len(self.coders):
            raise RoqaError(f"coder names must be unique, got {self.coders}")
        for c in self.coders:
            self.codings.setdefault(c, {})

    @property
    def codes(self) -> list[str]:
        """Every code any coder applied, in natural order (IS.D.2 before IS.D.10); a code whose
        id is a QDA program's GUID sorts by its name, as the program lists it."""
        from .exchange.refiqda import is_guid

        found = {c for per in self.codings.values() for codes in per.values() for c in codes}

        def key(code: str) -> tuple[Any, ...]:
            name = self.code_names.get(code)
            # codes of one name (two "Cost" of a project) in the order of their ids, whatever
            # the order of the set
            return (natural_key(name if name and is_guid(code) else code), natural_key(code))

        return sorted(found, key=key)

    def codes_of(self, coder: str, unit_id: str) -> frozenset[str] | None:
        return self.codings[coder].get(unit_id)

    def presence(self, codes: Sequence[str] | None = None) -> np.ndarray:
        """coders x units x codes array: 1 = applied, 0 = not applied, NaN = did not code."""
        codes = self.codes if codes is None else list(codes)
        index = {c: k for k, c in enumerate(codes)}
        x = np.full((len(self.coders), len(self.units), len(codes)), np.nan)
        for i, coder in enumerate(self.coders):
            per = self.codings[coder]
            for u, unit in enumerate(self.units):
                got = per.get(unit.id)
                if got is None:
                    continue
                x[i, u, :] = 0.0
                for c in got:
                    if c in index:
                        x[i, u, index[c]] = 1.0
        return x

    def compared_mask(self) -> np.ndarray:
        """Units at least two coders coded: the only ones any agreement figure is computed over."""
        return np.array(
            [
                sum(self.codings[c].get(u.id) is not None for c in self.coders) >= 2
                for u in self.units
            ],
            dtype=bool,
        )

    def coded_mask(self, coders: Sequence[str] | None = None) -> np.ndarray:
        """Units at least one of ``coders`` (default: all) coded with something."""
        who = self.coders if coders is None else list(coders)
        return np.array(
            [any(self.codings[c].get(u.id) for c in who) for u in self.units], dtype=bool
        )


def coded_units_from_rows(
    rows: Iterable[tuple[str, str, str]], *, unit_kind: str = "units"
) -> CodedUnits:
    """Build units from ``(unit, coder, code)`` rows; an empty ``code`` is "coded with nothing"."""
    units: dict[str, Unit] = {}
    coders: dict[str, None] = {}
    codings: dict[str, dict[str, set[str]]] = {}
    for unit, coder, code in rows:
        units.setdefault(unit, Unit(unit))
        coders.setdefault(coder, None)
        got = codings.setdefault(coder, {}).setdefault(unit, set())
        if code:
            got.add(code)
    return CodedUnits(
        coders=list(coders),
        units=list(units.values()),
        codings={c: {u: frozenset(s) for u, s in per.items()} for c, per in codings.items()},
        unit_kind=unit_kind,
    )


@functools.cache
def spreadsheet_blanks() -> frozenset[str]:
    """What people (and R, pandas) leave in a spreadsheet cell for "nothing here", lower case
    (``n/a``, ``na``, ``-`` ...: ``data/spreadsheet_blanks.txt``): a long table's code cell
    holding one is no code, as ``NONE`` is. Read as codes, two coders' "N/A" agreed on a code
    and a code row was printed as "-" (blind tester, session 50)."""
    from .io import packaged_words

    return frozenset(w.lower() for w in packaged_words("spreadsheet_blanks.txt"))


def _columns_or(names: list[str]) -> str:
    """Columns a table lacks, as a sentence names them: ``'code'``, ``'coder' or 'code'``,
    ``'unit', 'coder' or 'code'`` (before: "has no coder, code column", tester s69)."""
    words = [repr(n) for n in names]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


#: the files :func:`read_long_csv` reads a long table from: CSV (comma, semicolon or tab), tab
#: separated text (Excel's "Unicode text" is UTF-16 .txt) and an Excel workbook's first sheet
LONG_TABLE_SUFFIXES: tuple[str, ...] = (".csv", ".tsv", ".txt", ".xlsx")


def read_long_csv(
    path: str | Path,
    *,
    codebook: Codebook | None = None,
    builtin_commas: bool = False,
    own_codes: Mapping[str, tuple[str, str, str] | None] | None = None,
) -> CodedUnits:
    """Read the long table (columns ``unit``, ``coder``, ``code``, optionally ``valence`` and
    ``text``, the words of the segment a row codes, kept in :attr:`CodedUnits.unit_texts`;
    others are ignored) from a CSV (comma, semicolon or tab; UTF-8, or UTF-16 as Excel's "Unicode
    text"), a ``.tsv`` or ``.txt`` of the same, or the first sheet of an Excel ``.xlsx``, as
    decisions and labelled records are read (the first row holding a cell is the header).

    A ``code`` cell may hold several codes separated by ``;`` ("Culture; Cost"), as
    ``roqa evaluate`` reads them; each is one code of the unit, as if on rows of its own. Codes
    typed with commas between them ("IS.C, IS.D.2", as people type them in Excel) are several
    codes too when the cell as a whole is no known code and each of its parts is one of
    ``codebook`` (or, with ``builtin_commas``, of one built-in codebook: when other inputs, roqa
    results, code in one): a code named with a comma stays one code, and so does a team's own
    "Staffing, Training" that only happens to part into built-in codes. A comma cell not split
    is kept as one code, not split on a guess, with one :class:`~roqa_nlp.errors.RoqaWarning`
    naming the first such cell; :attr:`CodedUnits.comma_cells_split` counts the cells split.
    A ``valence`` cell (barrier, enabler or neutral, or a synonym ``roqa evaluate`` reads:
    facilitator, negative, mixed ...) gives the valence of the row's codes; an empty one, or
    one holding a spreadsheet's blank in words (``N/A``), gives none, and so does a code given
    two different valences in one unit. On a row with no code, the valence cell is read as the
    code cell is (a ``-`` there is a blank too); a valence it gives is given to no code, and
    :attr:`CodedUnits.valence_without_code` says where. Without the column,
    every coder of the file is in :attr:`CodedUnits.no_valence`. An empty ``code`` cell, or one
    of :data:`~roqa_nlp.training.NONE_LABELS` (``NONE``, ``no code`` ..., as in labelled
    records), or what a spreadsheet leaves for nothing (``N/A``, ``n/a``, ``-``:
    :func:`spreadsheet_blanks`, counted in :attr:`CodedUnits.blank_cells`), is the unit coded
    with nothing; given with codes in one cell ("NONE; Cost") it is left out and the codes are
    read, as on a QDA passage coded with a NONE node and a code, the row listed in
    :attr:`CodedUnits.none_beside_codes`; so it is when given on a row of its own beside a row
    coding the same unit for the same coder (:attr:`CodedUnits.none_rows_beside_codes`). Either
    is said in one :class:`~roqa_nlp.errors.RoqaWarning` per coder naming the rows
    (:func:`none_beside_codes_said`). The units whose code cell gives NONE alone are kept by
    coder in :attr:`CodedUnits.none_given`.

    With ``codebook``, each code is resolved in it (an id, a name or an alias, names compared as
    :meth:`Codebook.find` does: case, spacing, punctuation and ``&``/``and`` aside) and counted
    by its id, so "Leadership Engagement", "leadership engagement" and "IN.B" are one code; a code
    the codebook does not know is a one-line error naming the line. But a name of a code of
    another input's own (``own_codes``, :func:`own_codes_by_name`: a review's new code "Manager
    burnout") is that code, in :attr:`CodedUnits.matched_own`, and the "did you mean" of an
    unknown code looks at those names too ('Manager burnot'). Any other code of no codebook is
    the error, near a code or not: a truncation ("Leadership"), two codes in one cell ("IC.B /
    IS.E.1") or a placeholder ("TBD") is no code of the coder's own (regression hunt, session
    68: compared as written, each lowered kappa). Without, codes are the text as written (see
    :func:`merge_spelling_variants`).

    Coder names that differ only in case, spacing, punctuation or ``&``/``and`` ("Ana",
    "ana ") are one coder, named as on most of their rows; :attr:`CodedUnits.coders_merged`
    lists the spellings counted as one.
    """
    from .decisions import decisions_folder, is_decisions_header
    from .io import column_key

    p = Path(path)
    parsed, skipped, item = _long_table_rows(p)
    if not parsed:
        raise RoqaError("is empty", path=p, hint=f"the first {item} must be: unit,coder,code")
    header, body = parsed[0], parsed[1:]
    names = [h.strip().lower() for h in header]
    if "unit" not in names:  # "Unit ID", "unit-id": the unit, as a decisions file's Segment ID
        names = ["unit" if column_key(h) == "unit_id" else n for h, n in zip(header, names)]
    missing = [c for c in ("unit", "coder", "code") if c not in names]
    if len(missing) == 3 and p.suffix.lower() == ".txt":  # a transcript, given to compare
        raise RoqaError(
            "is not a table of codings (its first line names no unit, coder or code column)",
            path=p,
            hint=in_python_too(
                "code a transcript with roqa code first and compare its codings.jsonl",
                f"ac.code({str(p)!r})",
            )
            + "; a long table saved as Unicode text needs a first line naming unit, coder and code",
        )
    if missing and is_decisions_header(header, body):
        where = decisions_folder(p) or "CODED/"
        raise RoqaError(
            "is a decisions file, not codings",
            path=p,
            hint=in_python_too(
                f"to compare the review, chart it first: roqa apply-decisions {where} "
                f"--decisions {p} --coder NAME --out reviewed/, then give reviewed/",
                f"reviewed_codings({str(p)!r}, CodingResult.read({str(where)!r}), ac.codebook, "
                "coder='NAME')[0]",
            ),
        )
    if missing == ["coder", "code"] and (wide := _wide_layout(header, body)) is not None:
        raise RoqaError(
            f"has no {_columns_or(missing)} column (found: "
            f"{first_few([h for h in header if h.strip()], 6)})"
            ": a wide table, one column per coder, is not read",
            path=p,
            hint=f"reshape it to one {item} per unit and coder under the header unit,coder,code "
            f"({wide}), as Excel's Unpivot Other Columns or pandas' melt does",
        )
    if missing:
        roqa_own = "segment_id" in names  # the spreadsheet roqa code writes beside codings.jsonl
        raise RoqaError(
            f"has no {_columns_or(missing)} column (found: "
            f"{first_few([h for h in header if h.strip()], 6) or 'nothing'}"
            + (f" in the header row, {item} {skipped + 1})" if skipped else ")"),
            path=p,
            hint=f"give the codings.jsonl beside it, or its folder {p.parent}, to compare a "
            "roqa result"
            if roqa_own
            else f"the first {item}{' that is not blank' if skipped else ''}"
            + (" of the first sheet, the only one read," if item == "row" else "")
            + " must name the columns unit, coder and code",
        )
    iu, ic, ik = names.index("unit"), names.index("coder"), names.index("code")
    iv = names.index("valence") if "valence" in names else None
    it = names.index("text") if "text" in names else None
    unit_texts: list[tuple[str, str, str, str]] = []
    rows: list[tuple[str, str, str]] = []
    code_names: dict[str, str] = {}
    given: dict[str, dict[str, dict[str, set[str]]]] = {}  # coder -> unit -> code -> valences
    split = _CommaCells(codebook, builtin=builtin_commas)
    blank_cells: Counter[str] = Counter()  # a spreadsheet's blank ("N/A") -> cells holding it
    no_code = NONE_LABELS | spreadsheet_blanks()
    none_beside: list[tuple[str, str, str]] = []  # (coder, where, cell) of NONE beside codes
    valence_without_code: list[str] = []
    matched_own: dict[str, tuple[str, str, str]] = {}
    seen: set[tuple[str, str, str, str | None]] = set()  # the codings of the rows read
    # (coder, unit) -> the first row giving NONE alone there, and the first giving a code
    alone_none: dict[tuple[str, str], tuple[str, str]] = {}
    coded_at: dict[tuple[str, str], tuple[str, str]] = {}
    none_given: dict[str, set[str]] = {}
    repeated_rows: list[str] = []
    for n, row in enumerate(body, start=2 + skipped):
        if not any(cell.strip() for cell in row):
            continue
        cells = [*row, *([""] * (len(names) - len(row)))]
        unit, coder = cells[iu].strip(), cells[ic].strip()
        if not unit or not coder:
            raise RoqaError(
                f"{item} {n} has an empty {'unit' if not unit else 'coder'}",
                path=p,
                hint="every row needs a unit and a coder; leave only code empty for 'no code'",
            )
        # several codes in one cell, as roqa evaluate reads them ("Culture; Cost"), or typed
        # with commas between them ("IS.C, IS.D.2") where each is a code
        if it is not None and cells[it].strip():
            unit_texts.append((unit, coder, cells[it], f"{item} {n}"))
        codes = [c for cell in cell_codes(cells[ik]) for c in split(cell, f"{item} {n}")]
        # NONE, or what a spreadsheet leaves for nothing (N/A, -): coded with nothing
        none = [c for c in codes if c.strip().lower() in no_code]
        if none and len(none) < len(codes):
            # beside a code, as a QDA passage coded with a NONE node and a code: the code is
            # compared, and agree warns (hunt s79 L5: this was an error, the .qdpx silent)
            none_beside.append((coder, f"{item} {n}", cells[ik].strip()))
            codes = [c for c in codes if c.strip().lower() not in no_code]
        else:
            if any(c.strip().lower() not in NONE_LABELS for c in none):
                blank_cells[cells[ik].strip()] += 1
            elif none:
                none_given.setdefault(coder, set()).add(unit)
            if none:
                alone_none.setdefault((coder, unit), (f"{item} {n}", cells[ik].strip()))
            codes = [c for c in codes if not none] or [""]
        if codes != [""]:
            coded_at.setdefault((coder, unit), (f"{item} {n}", cells[ik].strip()))
        valence = None
        if iv is not None and codes == [""]:
            # no code: the valence cell is read as the code cell beside it ('-,-' is a blank
            # row), and a valence there has no code to go to (re-tester, session 50)
            blank = cells[iv].strip().lower() in no_code
            if not blank and _csv_valence(cells[iv], f"{item} {n}", p) is not None:
                valence_without_code.append(f"{item} {n}")
        elif iv is not None:
            valence = _csv_valence(cells[iv], f"{item} {n}", p)
        repeats = False
        for code in codes:
            if code and codebook is not None:
                found = codebook.find(code)
                own = _own_code(code, own_codes) if found is None else None
                if own is not None:
                    matched_own.setdefault(code, (own[0], own[1], f"{item} {n}"))
                    code_names[own[0]] = own[2]
                    code = own[0]
                elif found is None:
                    reason = f"{item} {n}: unknown code {quoted(code)} in codebook {codebook.id!r}"
                    hint = (
                        "use a code id or name, or leave out the codebook to compare codes as "
                        f"written; {codebook.listing_said}"
                    )
                    if (asked := codebook.did_you_mean(code)) is not None:
                        hint = f"{asked} {codebook.listing_said}"
                    if near_own := _near_own_codes(code, own_codes):
                        hint = (asked or "").removesuffix("?").replace("did you mean ", "")
                        hint = f"did you mean {' or '.join(filter(None, [hint, near_own]))}?"
                    if (elsewhere := codebook.code_elsewhere(code)) is not None:
                        said, other, k = elsewhere
                        reason += f": {said}"
                        hint = (
                            f"code it as {'one of those' if k > 1 else 'that'}, or give "
                            f"--codebook {other}"
                            if k
                            else f"give --codebook {other}"
                        )
                    if "," in code:
                        hint = f"{_SEMICOLONS}; {hint}"
                    if (several := _comma_cell_in(codebook, code)) is not None:
                        reason, hint = _comma_cell_error(codebook, code, several, f"{item} {n}")
                    raise RoqaError(reason, path=p, hint=hint)
                elif len(shared := codebook.sharing(code)) > 1:  # it could mean either
                    from .codebook import SHARED_NAME_HINT

                    said = codebook.shared_name_said(code, shared)
                    raise RoqaError(f"{item} {n}: {said}", path=p, hint=SHARED_NAME_HINT)
                else:
                    code = found.id
                    code_names[code] = found.name
            rows.append((unit, coder, code))
            if code and (unit, coder, code, valence) in seen:
                repeats = True
            seen.add((unit, coder, code, valence))
            if code and valence is not None:
                given.setdefault(coder, {}).setdefault(unit, {}).setdefault(code, set()).add(
                    valence
                )
        if repeats:
            repeated_rows.append(f"{item} {n}")
    if not rows:
        raise RoqaError(
            "has a header but no codings", path=p, hint="add one row per unit, coder and code"
        )
    if split.unsplit:
        from .errors import warn

        where, cell = split.unsplit[0]
        more = len(split.unsplit) - 1
        parts = "; ".join(s.strip() for s in cell.split(",") if s.strip())
        warn(
            f"{where}: the code cell {quoted(cell)} is read as one code"
            + (
                f", and so {'are' if more > 1 else 'is'} {more} more cell{'s' * (more > 1)} with a comma"
                if more
                else ""
            )
            + f"; {_SEMICOLONS}, so if it holds several, write {quoted(parts)}",
            path=p,
        )
    rows, given, coders_merged = _coder_spellings_merged(rows, given)
    cu = coded_units_from_rows(rows, unit_kind="units")
    cu.code_names.update(code_names)
    cu.comma_cells_split = split.split
    cu.comma_ids_split = dict(split.by_ids)
    cu.coders_merged = coders_merged
    cu.blank_cells = dict(blank_cells)
    cu.valence_without_code = valence_without_code
    cu.unit_texts = unit_texts if it is not None else None
    cu.matched_own = matched_own
    cu.repeated_rows = repeated_rows
    spelled = {c: group[0] for group in coders_merged for c in group[1:]}
    cu.none_beside_codes = [(spelled.get(c, c), where, cell) for c, where, cell in none_beside]
    by_coder: dict[tuple[str, str], list[tuple[str, str]]] = {}  # spellings of one coder
    for coder, unit in coded_at:
        by_coder.setdefault((spelled.get(coder, coder), unit), []).append((coder, unit))
    beside = []
    for (coder, unit), none_at in alone_none.items():
        coded = [coded_at[k] for k in by_coder.get((spelled.get(coder, coder), unit), [])]
        if coded:
            first = min(coded, key=lambda w: int(w[0].rsplit(" ", 1)[1]))
            beside.append((spelled.get(coder, coder), *none_at, *first))
    cu.none_rows_beside_codes = beside
    for coder, units in none_given.items():
        cu.none_given.setdefault(spelled.get(coder, coder), set()).update(units)
    if cu.none_beside_codes or beside:
        from .errors import warn

        for said in none_beside_codes_said(cu):
            warn(said, path=p)
    cu.valences = {
        coder: {unit: valences_given(per) for unit, per in units.items()}
        for coder, units in given.items()
    }
    if iv is None:
        cu.no_valence = {c: f"the long CSV {p.name} has no valence column" for c in cu.coders}
    return cu


def none_beside_codes_said(table: CodedUnits) -> list[str]:
    """For each coder of a long table, the warning that they gave NONE (or a spreadsheet's
    blank) beside codes, in one cell (:attr:`CodedUnits.none_beside_codes`) or on a row of its
    own beside a row coding the same unit (:attr:`CodedUnits.none_rows_beside_codes`), naming a
    few rows: only the codes are compared there, as on a QDA passage coded with a NONE node and
    a code (hunt s79 L5: the table refused "NONE; Cost" while the .qdpx took the NONE off
    silently; hunt s80 F1: the two rows said nothing)."""
    from .errors import first_few

    cells: dict[str, list[str]] = {}
    rows: dict[str, list[str]] = {}
    for coder, where, cell in table.none_beside_codes:
        cells.setdefault(coder, []).append(f"{where} {cell!r}")
    for coder, where, cell, code_where, code_cell in table.none_rows_beside_codes:
        rows.setdefault(coder, []).append(f"{where} {cell!r} beside {code_where} {code_cell!r}")
    out = []
    for coder in dict.fromkeys([*cells, *rows]):
        said = []
        if mine := cells.get(coder):
            n = len(mine)
            said.append(
                f"a code and NONE in one cell on {n} row{'s' * (n > 1)} ({first_few(mine, 3)})"
            )
        if mine := rows.get(coder):
            n = len(mine)
            said.append(
                f"NONE on a row of its own beside a code of the same unit on {n} row"
                f"{'s' * (n > 1)} ({first_few(mine, 3)})"
            )
        out.append(
            f"{coder} gave {' and '.join(said)}: only the code is compared there, as if the NONE "
            "were not given (as on a QDA passage coded with NONE and a code); to say nothing "
            "applies, give NONE alone"
        )
    return out


def _own_code(
    code: str, own_codes: Mapping[str, tuple[str, str, str] | None] | None
) -> tuple[str, str, str] | None:
    """(code id, the coder whose codings carry it, its name) when ``code``, a code the codebook
    does not know, is the name of another input's own code (``own_codes``,
    :func:`own_codes_by_name`); else None, an unknown code (:func:`read_long_csv`)."""
    from .codebook import normalise_name

    got = (own_codes or {}).get(normalise_name(code))
    return None if got is None else (got[0], got[2], got[1])


def _near_own_codes(code: str, own_codes: Mapping[str, tuple[str, str, str] | None] | None) -> str:
    """The names of other inputs' own codes (``own_codes``) a code the codebook does not know
    may be a typo of, as the "did you mean" of :func:`read_long_csv` says them: "'Manager
    burnout', Ruth's code project.manager-burnout"; "" when none is near. Near as
    :meth:`Codebook.nearest_names` has it (regression hunt, session 68: 'Manager burnot' was
    refused with no word of the review's 'Manager burnout')."""
    import difflib

    from .codebook import NEAR_NAME, NEAR_NAME_MARGIN, normalise_name

    matcher = difflib.SequenceMatcher(None, b=normalise_name(code))
    scored = []
    for name, got in (own_codes or {}).items():
        if got is not None:
            matcher.set_seq1(name)
            if (score := matcher.ratio()) >= NEAR_NAME:
                scored.append((score, got))
    scored.sort(key=lambda s: -s[0])
    near = [got for score, got in scored if score >= scored[0][0] - NEAR_NAME_MARGIN]
    return " or ".join(
        f"{quoted(name)}, {coder}'s code" + (f" {cid}" if own_code_id_said(cid) else "")
        for cid, name, coder in near[:3]
    )


def own_code_id_said(cid: str) -> bool:
    """Whether a note or hint names an input's own code by its id (project.manager-burnout):
    not when the id is a QDA program's GUID, which says nothing to a reader, but by its name
    (regression hunt, session 68: "'staff burnout' as Kim's ff1ecd29-36a0-5e84-...")."""
    from .exchange.refiqda import is_guid

    return not is_guid(cid)


def _coder_spellings_merged(
    rows: list[tuple[str, str, str]], given: dict[str, dict[str, dict[str, set[str]]]]
) -> tuple[list[tuple[str, str, str]], dict[str, dict[str, dict[str, set[str]]]], list[list[str]]]:
    """A long table's ``(unit, coder, code)`` rows and valences given (coder -> unit -> code ->
    valences) with coder names that differ only in case, spacing, punctuation or ``&``/``and``
    counted as one coder, under the spelling on the most rows, as code names are merged
    (:func:`_spelling_groups`); and the groups merged. A row typed "ana " among Ana's made a
    third coder, and Light's kappa in place of Cohen's (blind tester, session 50)."""
    from .codebook import normalise_name

    uses = Counter(coder for _, coder, _ in rows)
    groups = _spelling_groups(
        sorted(uses, key=natural_key), uses, lambda coder: normalise_name(coder) or None
    )
    if not groups:
        return rows, given, []
    rename = {c: group[0] for group in groups for c in group[1:]}
    merged_rows = [(unit, rename.get(coder, coder), code) for unit, coder, code in rows]
    merged_given: dict[str, dict[str, dict[str, set[str]]]] = {}
    for coder, units in given.items():
        mine = merged_given.setdefault(rename.get(coder, coder), {})
        for unit, codes in units.items():
            for code, valences in codes.items():
                mine.setdefault(unit, {}).setdefault(code, set()).update(valences)
    return merged_rows, merged_given, groups


def merge_coders_across_tables(
    tables: Sequence[CodedUnits], names: Sequence[str]
) -> tuple[list[CodedUnits], list[list[tuple[str, str]]]]:
    """Long tables (``names``: their files, for messages) with each coder read from two or
    more of them made one coder, as within one table (:func:`_coder_spellings_merged`): names
    the same but for case, spacing, punctuation or ``&``/``and``, the one on most rows kept.
    The tables holding one coder become one table, in the place of the first; the coder's
    units of each file are theirs. ``roqa agree a.csv b.csv`` with "ana" in one and "Ana " in
    the other made two coders, and one name in both files was an error, so a sheet saved as
    two files could not be compared (session 50's notes).

    Returns the tables and, for each coder read from two or more tables, its spellings each
    with its file, the name kept first. A coder who codes one unit in two tables (two rounds
    of one coder, test-retest) is a one-line error: those are not one reading of the unit."""
    from .codebook import normalise_name

    def key(coder: str) -> str:
        return normalise_name(coder) or coder

    uses: Counter[str] = Counter()
    read: dict[str, list[tuple[str, int]]] = {}  # a coder -> (spelling, table) of each table
    for k, t in enumerate(tables):
        for c in t.coders:
            uses[c] += sum(max(1, len(codes)) for codes in t.codings[c].values())
            read.setdefault(key(c), []).append((c, k))
    shared = {kk: found for kk, found in read.items() if len(found) > 1}
    if not shared:
        return list(tables), []
    for found in shared.values():
        for (c1, k1), (c2, k2) in itertools.combinations(found, 2):
            if twice := [u for u in tables[k1].codings[c1] if u in tables[k2].codings[c2]]:
                raise RoqaError(
                    f"coder {c1!r} codes unit {twice[0]!r} in two files: {names[k1]} (as "
                    f"{c1!r}) and {names[k2]} (as {c2!r})",
                    hint=f"if they are two rounds of one coder, give each its own name, e.g. "
                    f"'{c1} 2'; if one sheet was saved as two files, give each unit of a coder "
                    "once",
                )
    groups = _spelling_groups(list(uses), uses, key)
    rename = {c: group[0] for group in groups for c in group[1:]}
    renamed = [_with_coders_renamed(t, rename) for t in tables]
    # the tables sharing a coder, joined, each in the place of its first
    part = list(range(len(tables)))
    for found in shared.values():
        into = min(part[k] for _, k in found)
        olds = {part[k] for _, k in found}
        part = [into if p in olds else p for p in part]
    out: list[CodedUnits] = []
    for first in dict.fromkeys(part):
        ks = [k for k, p in enumerate(part) if p == first]
        joined = renamed[ks[0]]
        for k in ks[1:]:
            joined = _joined_tables(joined, renamed[k])
        out.append(joined)
    coders = [c for t in out for c in t.coders]
    said = []
    for found in shared.values():
        kept = rename.get(found[0][0], found[0][0])
        ordered = sorted(found, key=lambda ck: (ck[0] != kept, ck[1]))
        said.append([(c, names[k]) for c, k in ordered])
    said.sort(key=lambda g: coders.index(g[0][0]))
    return out, said


def _with_coders_renamed(cu: CodedUnits, rename: Mapping[str, str]) -> CodedUnits:
    """A long table ``cu`` with each coder in ``rename`` under the name it maps to (never onto
    another coder of ``cu``: one table's spellings of a coder are one already)."""
    if not any(c in rename for c in cu.coders):
        return cu
    return dataclasses.replace(
        cu,
        coders=[rename.get(c, c) for c in cu.coders],
        codings={rename.get(c, c): per for c, per in cu.codings.items()},
        valences={rename.get(c, c): per for c, per in cu.valences.items()},
        no_valence={rename.get(c, c): why for c, why in cu.no_valence.items()},
        none_given={rename.get(c, c): units for c, units in cu.none_given.items()},
    )


def _joined_tables(a: CodedUnits, b: CodedUnits) -> CodedUnits:
    """Two long tables as one, a coder of both holding the units of each (no unit of a coder is
    in both: :func:`merge_coders_across_tables`). A coder records no valence only when none of
    their tables has the column."""
    codings = {c: dict(per) for c, per in a.codings.items()}
    valences = {c: dict(per) for c, per in a.valences.items()}
    for c, per in b.codings.items():
        codings.setdefault(c, {}).update(per)
    for c, given in b.valences.items():
        valences.setdefault(c, {}).update(given)
    units = {u.id: u for u in a.units}
    for u in b.units:
        units.setdefault(u.id, u)
    no_valence = {
        c: why
        for c, why in {**b.no_valence, **a.no_valence}.items()
        if (c not in a.coders or c in a.no_valence) and (c not in b.coders or c in b.no_valence)
    }
    return CodedUnits(
        coders=list(dict.fromkeys([*a.coders, *b.coders])),
        units=list(units.values()),
        codings=codings,
        code_names={**a.code_names, **b.code_names},
        unit_kind=a.unit_kind,
        valences=valences,
        no_valence=no_valence,
        comma_cells_split=a.comma_cells_split + b.comma_cells_split,
        comma_ids_split=dict(Counter(a.comma_ids_split) + Counter(b.comma_ids_split)),
        coders_merged=[*a.coders_merged, *b.coders_merged],
        blank_cells=dict(Counter(a.blank_cells) + Counter(b.blank_cells)),
        valence_without_code=[*a.valence_without_code, *b.valence_without_code],
        repeated_rows=[*a.repeated_rows, *b.repeated_rows],
        none_given={
            c: a.none_given.get(c, set()) | b.none_given.get(c, set())
            for c in dict.fromkeys([*a.none_given, *b.none_given])
        },
    )


#: what a comma cell's warning and error say
_SEMICOLONS = "';' separates the codes of one cell"
#: what to do about a row with more fields than the header (a code cell typed with commas)
_TOO_MANY_FIELDS = too_many_fields_hint("a code", codes=True)
#: a number written with a decimal comma (a rating "0,5"), never codes typed with a comma
_DECIMAL_COMMA = re.compile(r"[+\-\u2212]?\d+,\d+")


def _wide_layout(header: list[str], body: list[list[str]]) -> str | None:
    """A long table's first row, as a wide table (``unit,Ana,Ben``: a unit column and one
    column of codes per coder) would be reshaped to it (``rm01:0002,Ana,Culture``), for the
    error refusing the wide layout; None when ``header`` names fewer than two columns beside
    ``unit`` (no wide table of two coders)."""
    names = [h.strip() for h in header]
    iu = [n.lower() for n in names].index("unit")
    coders = [(i, n) for i, n in enumerate(names) if n and i != iu]
    if len(coders) < 2:
        return None
    for row in body:
        for i, coder in coders:
            if i < len(row) and row[i].strip() and iu < len(row) and row[iu].strip():
                return f"{row[iu].strip()},{coder},{row[i].strip()}"
    return f"u1,{coders[0][1]},Culture"


def _long_table_rows(p: Path) -> tuple[list[list[str]], int, str]:
    """The rows of a long table from its header row, each a list of cell texts; how many lines
    (rows of a sheet) above the header were passed over; and what an error calls a row of it:
    ``row`` of a sheet, ``line`` of a text file. Read as decisions and labelled records are
    (:func:`roqa_nlp.decisions.read_decisions`, :func:`roqa_nlp.record_files.read_records`)."""
    if p.suffix.lower() == ".xlsx":
        from .record_files import from_the_header_row, xlsx_rows

        sheet, skipped = from_the_header_row(xlsx_rows(p))
        return [[_sheet_cell(v) for v in row] for row in sheet], skipped, "row"
    text, skipped = from_the_header(read_text(p))
    # the separator Excel wrote (a semicolon where the decimal mark is a comma, a tab in its
    # "Unicode text"); strict, so an unclosed quote is an error rather than one cell swallowing
    # the rest of the file
    reader = csv.reader(io.StringIO(text), delimiter=csv_delimiter(text), strict=True)
    try:
        rows = list(
            rows_within_header(
                reader, p, skipped=skipped, hint=_TOO_MANY_FIELDS, columns=("unit", "coder", "code")
            )
        )
        return rows, skipped, "line"
    except csv.Error as e:
        raise RoqaError(
            f"is not a valid CSV file (line {reader.line_num + skipped}: {e})",
            path=p,
            hint="a quote that opens a cell may never close; save the sheet again as CSV",
        ) from None


def _sheet_cell(value: object) -> str:
    """A sheet's cell as a CSV would hold it: an empty cell is "", a whole number its digits."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _CommaCells:
    """Codes typed with commas between them in one cell ("IS.C, IS.D.2"), as several codes
    when the cell as a whole is no known code and every part is one: of ``codebook``, else of
    one built-in codebook (loaded when a cell first holds a comma) with ``builtin``, else of
    none but ids: parts that are all code ids of one built-in codebook are split whatever
    ``builtin`` says. ``unsplit`` keeps where and which cells with a comma were left whole though no
    codebook knows them, ``split`` counts the cells split, and ``by_ids`` those of them split as
    ids alone, by built-in codebook id."""

    def __init__(self, codebook: Codebook | None, *, builtin: bool = False) -> None:
        self._given = codebook
        self._builtin = builtin
        self._books: list[Codebook] | None = None
        self.unsplit: list[tuple[str, str]] = []
        self.split = 0
        self.by_ids: dict[str, int] = {}

    def __call__(self, cell: str, where: str) -> list[str]:
        parts = [s.strip() for s in cell.split(",") if s.strip()]
        if len(parts) < 2 or _DECIMAL_COMMA.fullmatch(cell):
            return [cell]
        books = self._known_in()
        if any(b.find(cell) is not None for b in books):  # a code named with a comma
            return [cell]
        if any(all(b.find(s) is not None for s in parts) for b in books):
            self.split += 1
            return parts
        if not books and (ids_of := self._all_builtin_ids(parts)) is not None:
            self.split += 1
            self.by_ids[ids_of] = self.by_ids.get(ids_of, 0) + 1
            return parts
        if self._given is None:
            self.unsplit.append((where, cell))
        return [cell]

    def _all_builtin_ids(self, parts: list[str]) -> str | None:
        """The built-in codebook of which every part is a code's id ("IS.C, IS.D.2"), if one:
        no team names its own codes so, so ids are split even where names are not (hunt
        s41/2)."""
        if not all(any(ch.isdigit() or ch == "." for ch in s) for s in parts):
            return None
        for b in self._builtin_books():
            found = [b.find(s) for s in parts]
            if all(c is not None and c.id.casefold() == s.casefold() for c, s in zip(found, parts)):
                return b.id
        return None

    def _builtin_books(self) -> list[Codebook]:
        if self._books is None:
            from .codebook import builtin_codebook
            from .codebooks import BUILTIN

            self._books = [builtin_codebook(b) for b in BUILTIN]
        return self._books

    def _known_in(self) -> list[Codebook]:
        if self._given is not None:
            return [self._given]
        if not self._builtin:
            return []
        return self._builtin_books()


def _comma_cell_in(codebook: Codebook, code: str) -> CommaCell | None:
    """The codes ``code``, a cell ``codebook`` does not know, seems to hold for its commas: one
    known part or more (:func:`comma_cell_codes`), each other part replaced by the id or name
    the codebook's "did you mean" offers (one only: two would be a guess between them)."""

    def nearest(part: str) -> list[str]:
        close = codebook.nearest_ids(part) or codebook.nearest_names(part)
        return close if len(close) == 1 else []

    if any("," in name for name in codebook.nearest_names(code)):
        return None  # a typo of a name with a comma, which "did you mean" offers
    return comma_cell_codes(code, lambda part: codebook.find(part) is not None, nearest)


def _comma_cell_error(
    codebook: Codebook, code: str, cell: CommaCell, where: str
) -> tuple[str, str]:
    """The reason and hint of the error on ``code``, a cell ``codebook`` does not know that
    seems to hold several codes (``cell``): it names the parts that are codes, and the cell as
    ``;`` would give them, or the parts that are no code. Before, the codebook's "did you
    mean" was of the whole cell, so offered one of its codes (tester, session 57: "did you mean
    'Networks & Communications'?" for "Cost, Netwroks & Communications")."""
    known = and_list(map(quoted, cell.known))
    reason = (
        f"{where}: unknown code {quoted(code)} in codebook {codebook.id!r}: it seems to hold "
        f"several codes, of which {known} {'is one' if len(cell.known) == 1 else 'are codes'}"
    )
    if not cell.unknown:
        return (
            reason,
            f"{_SEMICOLONS}: did you mean {quoted('; '.join(cell.codes))}? {codebook.listing_said}",
        )
    unknown = and_list(map(quoted, cell.unknown))
    return reason, (
        f"{_SEMICOLONS}, but {unknown} {'is no code' if len(cell.unknown) == 1 else 'are no codes'}"
        f" of {codebook.id}: give the codes as {quoted('; '.join(cell.codes))} with each a code "
        "id or name, or leave out the codebook to compare codes as written; "
        f"{codebook.listing_said}"
    )


def _csv_valence(cell: str, where: str, path: Path) -> str | None:
    """The valence a long CSV's ``valence`` cell gives (None: no valence given, the cell empty
    or holding a spreadsheet's blank in words, "N/A", "null", as the code cell beside it is
    read). A dash is no blank here: in a valence column it may be a minus, a barrier (a table
    of + and -), so it is an unknown valence, as any other sign."""
    from .schema import normalise_valence

    blank = cell.strip().lower()
    if not blank or (blank in spreadsheet_blanks() and any(c.isalpha() for c in blank)):
        return None
    try:
        return normalise_valence(cell)
    except ValueError:
        raise RoqaError(
            f"{where}: unknown valence {quoted(cell.strip())}",
            path=path,
            hint="use barrier, enabler or neutral (or facilitator, negative, mixed ...), or "
            "leave the cell empty for no valence",
        ) from None


def _one_valence(found: Collection[str]) -> str | None:
    """The valence a coder gave a code in one unit: the one given, else None (none, or two
    different ones, as a passage given two valences in a QDA program reads as given none)."""
    return next(iter(found)) if len(set(found)) == 1 else None


def valences_given(found: Mapping[str, Collection[str]]) -> dict[str, str]:
    """Code -> the one valence a coder gave it in one unit, of ``found`` (code -> the valences
    given it there), leaving out codes given none or two (:func:`_one_valence`)."""
    return {code: v for code, vs in found.items() if (v := _one_valence(vs))}


def merge_spelling_variants(
    cu: CodedUnits, codes: Iterable[str] | None = None
) -> tuple[CodedUnits, list[list[str]]]:
    """``cu`` with codes whose names differ only in case, spacing, punctuation or ``&``/``and``
    counted as one code, and the groups that were merged.

    Free-text codes (a long CSV's) are names people typed: "Leadership Engagement" and
    "leadership engagement" are one code, and counting them as two would turn every unit where
    the coders agree into two disagreements. Names are compared as a codebook compares them
    (:func:`roqa_nlp.codebook.normalise_name`), except codes that read as numbers (ratings such
    as CFIR's -2..+2): they merge only with spellings of the same number ("+1" = "1" = "1.0"),
    never "-1" with "1" as the name comparison, which drops punctuation, would, nor outline
    numbers "1.1" with "1.10" as a float would (:func:`number_written`). Each group takes
    its most used spelling (ties: the
    composed, NFC, then the tidiest, then the first in natural order), which starts the group's list. ``codes`` limits the merge to those
    codes (default: every code; codebook ids need no merging).
    """
    from .codebook import normalise_name

    uses: Counter[str] = Counter()
    for per in cu.codings.values():
        for got in per.values():
            uses.update(got)
    candidates = cu.codes if codes is None else sorted(set(codes), key=natural_key)

    def key(code: str) -> tuple[str, Any] | None:
        number = number_written(code)
        if number is not None:  # "-1" is not a spelling of "1" (normalise_name drops the "-")
            return ("number", number)
        return ("name", name) if (name := normalise_name(code)) else None

    merged = _spelling_groups(candidates, uses, key)
    if not merged:
        return cu, []
    rename = {c: group[0] for group in merged for c in group[1:]}
    return with_codes_renamed(cu, rename), merged


def _spelling_groups(
    names: Iterable[str], uses: Mapping[str, int], key: Callable[[str], Any]
) -> list[list[str]]:
    """The groups of two or more of ``names`` that ``key`` makes one (None: a name of its own),
    each led by the spelling the group is counted under: the most used (``uses``), among
    equals the tidiest (single spaces, a capital first letter), then the one in Unicode's
    composed form, then the first of ``names``, and that spelling in its composed form (NFC: a
    decomposed "Coût", NFD, sorts first and was kept, so the table and a search in Excel held
    the paste from a Mac, s77; a lower-case or double-spaced NFC spelling no longer beats a
    tidy NFD one, s77 hunt2 F8); the others follow in the order of ``names``, a decomposed
    winner among them. Code names (:func:`merge_spelling_variants`) and a long
    table's coder names (:func:`read_long_csv`) are merged so."""
    groups: dict[Any, list[str]] = {}
    for name in names:
        if (k := key(name)) is not None:
            groups.setdefault(k, []).append(name)
    merged: list[list[str]] = []
    for spellings in groups.values():
        if len(spellings) > 1:
            main = max(
                spellings,
                key=lambda c: (
                    uses.get(c, 0),
                    c == " ".join(c.split()),
                    c[:1].isupper(),
                    unicodedata.is_normalized("NFC", c),
                ),
            )
            # in its composed form, whatever form won: "Coût des soins" pasted from a Mac
            main = unicodedata.normalize("NFC", main)
            merged.append([main, *(c for c in spellings if c != main)])
    return merged


#: how near (:class:`difflib.SequenceMatcher` ratio, names compared as
#: :func:`~roqa_nlp.codebook.normalise_name` makes them) two codes a long CSV names must be for
#: :func:`near_code_names` to take one for a typo of the other: a letter or two of a long name
#: ("Leadership Engagment", 0.97), stricter than a codebook's "did you mean"
#: (:data:`~roqa_nlp.codebook.NEAR_NAME`), as a team's own codes may share words ("Barrier: cost",
#: "Barrier: time", 0.75)
NEAR_EACH_OTHER = 0.85


@dataclass(frozen=True)
class CommaCell:
    """What a code cell read as one unknown code, with commas in it, seems to hold: several
    codes typed with commas between them (:func:`comma_cell_codes`). ``codes`` are its parts
    as codes, a part with a near known name (a typo) replaced by that name; ``known`` the parts
    known as written, ``near`` the parts replaced (part -> the name), ``unknown`` the parts
    neither known nor near one."""

    codes: list[str]
    known: list[str]
    near: dict[str, str]
    unknown: list[str]


def comma_cell_codes(
    cell: str, known: Callable[[str], bool], nearest: Callable[[str], list[str]]
) -> CommaCell | None:
    """The codes ``cell``, a code cell with commas in it read as one unknown code, seems to
    hold (:class:`CommaCell`), when one of its parts at least is a code as written
    (``known``); ``nearest`` gives the known names a part may be a typo of, best first. None
    when the cell has no comma between two parts or no part is known: then nothing says it
    holds several codes. "Cost, Netwroks & Communications" holds Cost and, by its nearest name,
    Networks & Communications (tester, session 57: the cell was offered as the one name
    Networks & Communications)."""
    parts = [part.strip() for part in cell.split(",")]
    if len(parts) < 2 or not all(parts) or _DECIMAL_COMMA.fullmatch(cell.strip()):
        return None
    codes: list[str] = []
    found: list[str] = []
    near: dict[str, str] = {}
    unknown: list[str] = []
    for part in parts:
        if known(part):
            found.append(part)
            codes.append(part)
        elif close := nearest(part):
            near[part] = close[0]
            codes.append(close[0])
        else:
            unknown.append(part)
            codes.append(part)
    return CommaCell(codes, found, near, unknown) if found else None


def near_code_names(uses: Mapping[str, int], book: Codebook | None = None) -> dict[str, list[str]]:
    """Each code a long CSV names (``uses``: how many codings each has, spellings merged) that
    ``book`` (the study's codebook, if known) does not know, with the names it may be a typo
    of, best first: the names of ``book``'s codes its "did you mean" offers
    (:meth:`~roqa_nlp.codebook.Codebook.nearest_names`), then the other names at least
    :data:`NEAR_EACH_OTHER` near it that are used more (the less used of two near names is taken
    for the typo; of two used as often, the later in natural order). Compared as written, each is
    a code of its own, so every unit where one coder typed it is a disagreement (team test,
    session 47: 'Leadership Engagment' beside 'Leadership Engagement', kappa 0.000 each and no
    word). A name of codes with commas between them, one known at least and each other a typo
    of a known one, is offered as those codes, a typo as the name it is near (``'A; B'``: ``;``
    separates the codes of one cell: :func:`comma_cell_codes`)."""
    import difflib

    from .codebook import normalise_name

    written = sorted(uses, key=natural_key)
    rank = {name: (uses[name], -i) for i, name in enumerate(written)}
    known = {normalise_name(name) for name in written}
    out: dict[str, list[str]] = {}
    signed = _signed_pairs(written)
    for name in written:
        if name in signed:
            continue  # "Staffing +" beside "Staffing -": a pair of codes, no typo of a third
        if book is not None and (code := book.find(name)) is not None:
            if same := _spellings_of_one_code(name, code, written, book, rank):
                out[name] = same
            continue
        near = [] if book is None else book.nearest_names(name)
        if not any("," in other for other in near):  # no typo of a name with a comma
            cell = comma_cell_codes(
                name,
                lambda part: normalise_name(part) in known or bool(book and book.find(part)),
                lambda part: (
                    (book.nearest_names(part, n=1) if book is not None else [])
                    or _near_each_other(part, written)
                ),
            )
            if cell is not None and not cell.unknown:
                # a cell of codes with commas between them, read as one: offered as its codes,
                # a typo of one corrected (tester, session 50: the "did you mean" offered one
                # of the two; session 57: for "Cost, Netwroks & Communications" the whole cell
                # was taken for a typo of Networks & Communications, and Cost was lost); not
                # when a part is near no code, as a team's own code may hold a comma ("Cost,
                # Admin burden": hunt s57)
                out[name] = ["; ".join(cell.codes)]
                continue
        matcher = difflib.SequenceMatcher(None, b=normalise_name(name))
        scored = []
        for other in written:
            if rank[other] <= rank[name]:
                continue
            found = None if book is None else book.find(other)
            if found is not None and found.name in near:
                continue
            if _signs_differ(name, other):
                continue
            matcher.set_seq1(normalise_name(other))
            if (score := matcher.ratio()) >= NEAR_EACH_OTHER:
                scored.append((-score, natural_key(other), other))
        near.extend(other for *_, other in sorted(scored))
        if near:
            out[name] = near
    return out


def _spellings_of_one_code(
    name: str, code: Code, written: list[str], book: Codebook, rank: Mapping[str, Any]
) -> list[str]:
    """The other ``written`` names at least :data:`NEAR_EACH_OTHER` near ``name``, which ``book``
    knows as ``code`` (by an alias, or a spelling of its name), that are that code too: its name
    ("Champion", an alias of cfir-2009's Champions, beside "Champions"), or a spelling used
    more. Nearest first; [] for the code's name or id itself, which is no typo, and for names
    of other codes of ``book``, as two codes of the codebook are no typo of each other (agree
    tester, session 72: "Champion" beside "Champions" got no "did you mean", the codebook
    knowing both)."""
    import difflib

    from .codebook import normalise_name

    if name == code.id or normalise_name(name) == normalise_name(code.name):
        return []
    matcher = difflib.SequenceMatcher(None, b=normalise_name(name))
    scored = []
    for other in written:
        found = book.find(other) if other != name else None
        if found is None or found.id != code.id:
            continue
        its_name = normalise_name(other) == normalise_name(code.name)
        if not its_name and rank[other] <= rank[name]:
            continue
        matcher.set_seq1(normalise_name(other))
        if (score := matcher.ratio()) >= NEAR_EACH_OTHER:
            scored.append((-score, natural_key(other), other))
    return [other for *_, other in sorted(scored)]


#: a code name ending in a sign, "Staffing +", "Cost-", "Cost −": its stem and its sign
_SIGNED_NAME = re.compile(r"^(.*?\S)\s*([+\-\u2212\u2013])$")


def _signed_pairs(names: Iterable[str]) -> set[str]:
    """The ``names`` that end in a sign and have a twin of the other sign, the same stem but
    for case ("Staffing +" and "Staffing -", "Cost+" and "Cost−"): a team's own signed codes,
    kept apart as written, which no "did you mean" offers to merge into a codebook's code.
    Before (api tester, session 76, D8), 'Staffing +' alone was asked "did you mean 'Available
    Resources'?" (its stem an alias there), and 'Staffing -' not named."""
    signs: dict[str, set[str]] = {}
    for name in names:
        if (m := _SIGNED_NAME.match(name.strip())) is not None:
            sign = "+" if m.group(2) == "+" else "-"
            signs.setdefault(m.group(1).casefold(), set()).add(sign)
    return {
        name
        for name in names
        if (m := _SIGNED_NAME.match(name.strip())) is not None
        and len(signs[m.group(1).casefold()]) == 2
    }


def _signs_differ(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` write numbers of opposite signs ("−1" and "1"): a rating's
    sign is no typo, and the two are never one code (:func:`number_written`), though the
    names compared without punctuation are the same (tester, session 58: "did you mean '1'"
    for "−1")."""
    x, y = number_written(a), number_written(b)
    return x is not None and y is not None and x.startswith("-") != y.startswith("-")


def _near_each_other(name: str, names: Iterable[str]) -> list[str]:
    """The ``names`` at least :data:`NEAR_EACH_OTHER` near ``name`` (but ``name`` itself),
    nearest first."""
    import difflib

    from .codebook import normalise_name

    matcher = difflib.SequenceMatcher(None, b=normalise_name(name))
    scored = []
    for other in names:
        matcher.set_seq1(normalise_name(other))
        if other != name and (score := matcher.ratio()) >= NEAR_EACH_OTHER:
            scored.append((-score, natural_key(other), other))
    return [other for *_, other in sorted(scored)]


def with_codes_renamed(cu: CodedUnits, rename: Mapping[str, str]) -> CodedUnits:
    """``cu`` with each code in ``rename`` counted as the code it maps to, in every coder's
    codings and valences (codes that become one in a unit keep a valence only where the coder
    gave them one: :func:`valences_given`); code names are left to the caller."""
    codings = {
        coder: {u: frozenset(rename.get(c, c) for c in got) for u, got in per.items()}
        for coder, per in cu.codings.items()
    }
    valences: dict[str, dict[str, dict[str, str]]] = {}
    for coder, units in cu.valences.items():
        valences[coder] = {}
        for u, given in units.items():
            found: dict[str, set[str]] = {}
            for c, label in given.items():
                found.setdefault(rename.get(c, c), set()).add(label)
            valences[coder][u] = valences_given(found)
    return dataclasses.replace(cu, codings=codings, valences=valences)


def _as_number(code: str) -> float | None:
    """The finite number a code reads as ("+1", "1" and "1.0" are 1.0; "-1" is -1.0), else None."""
    try:  # a typographic minus (U+2212) or a dash (as Word and Excel may write it) is a minus
        value = float(_DASHES.sub("-", code.strip()))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


_DASHES = re.compile("[\u2010-\u2015\u2212]")
_WRITTEN_NUMBER = re.compile(r"([+-]?)([0-9]*)(?:\.([0-9]*))?")


def number_written(code: str) -> str | None:
    """The one spelling of the number a code writes in decimal digits, else None: "+1", "01",
    "1.0" and "1." are "1"; "\u22121.5" (a minus sign or dash is a minus) is "-1.5"; "-0" is "0".

    The digits after the point are kept as written unless they are all zeros (a spreadsheet
    writes the rating 1 as "1.0"): outline numbers "1.1" and "1.10" are two sections, not the
    float 1.1, so "1.5" and "1.50" stay two spellings too. Digits of any script are read as
    the digits they are (full-width "１", Arabic-Indic "١" are 1); a superscript "²" is no
    digit of a number."""
    ascii_digits = "".join(str(int(c)) if c.isdecimal() else c for c in code.strip())
    found = _WRITTEN_NUMBER.fullmatch(_DASHES.sub("-", ascii_digits))
    if found is None or not (found[2] or found[3]):
        return None
    sign, whole, fraction = found[1], str(int(found[2] or "0")), (found[3] or "").rstrip("0")
    fraction = f".{found[3]}" if fraction else ""
    zero = whole == "0" and not fraction
    return f"{'-' if sign == '-' and not zero else ''}{whole}{fraction}"


def units_compared(cu: CodedUnits) -> int:
    """Units at least two coders coded: the only ones any agreement figure is computed over."""
    return int(cu.compared_mask().sum())


def is_no_code_coding(g: Suggestion) -> bool:
    """Whether a person's coding ``g`` says "read, nothing applies", as a long table's
    ``NONE`` cell does (:data:`~roqa_nlp.training.NONE_LABELS`: ``NONE``, ``no code``,
    ``Off-framework``, case aside). It is judged by the code as agree compares it: a code whose
    id is a NONE label (a ``codings.jsonl`` written so), or a QDA node named so whose id is its
    GUID, not a codebook's code. Never so: a code with a built-in codebook's id (``IS.E.2``,
    whatever its name, an empty one too), a code named with nothing (an empty name is no
    label: the id is compared), or a node under another code (``Staff training > None``, a
    real answer: "no training received"; its ``domain`` is its parent's). Hunt s79 M2: an empty
    name and a nested "None" were read as NONE, and their codings dropped."""
    if g.domain:  # a node under another code
        return False
    labels = NONE_LABELS - {""}
    if g.code_id.strip().lower() in labels:
        return True
    return g.name.strip().lower() in labels and not _builtin_code_id(g.code_id)


@functools.lru_cache(maxsize=4096)
def _builtin_code_id(code_id: str) -> bool:
    """Whether ``code_id`` is the id of a code of a built-in codebook (``IS.E.2``)."""
    from .codebook import builtin_codebook
    from .codebooks import BUILTIN

    return any(code_id in builtin_codebook(b) for b in BUILTIN)


def without_no_code_codes(result: CodingResult) -> tuple[CodingResult, Counter[str], int]:
    """``result`` with its codings that say "read, nothing applies" (:func:`is_no_code_coding`:
    a QDA node ``NONE``, ``no code``, ``Off-framework``, as a long table's ``NONE`` cell) taken
    off each passage. A passage left with no code stays, with no code: its coder read it and
    coded nothing there, which agrees with another coder who coded nothing there, as a
    ``NONE`` row of a long table and apply-decisions' no-code decision do (tester agree2,
    session 79: compared as a code, kappa 0.840 for 1.000). Before (hunt s79 H1) such a passage
    was left out, as if never read: a transcript whose only codings were NONE dropped out of a
    coder's comparison, and with it the other coder's codes there (0.562 -> 1.000). Also the
    names taken off, each with the number of its codings, for the note that says so, and the
    number of passages where one was beside a code (the code is compared alone: a long table
    refuses the two in one cell); the result itself when it has none."""
    taken: Counter[str] = Counter()
    beside = 0
    kept: list[SegmentResult] = []
    for s in result.segments:
        codes = [g for g in s.suggestions if not is_no_code_coding(g)]
        if len(codes) < len(s.suggestions):
            taken.update(
                g.name.strip() or g.code_id.strip() for g in s.suggestions if is_no_code_coding(g)
            )
            beside += bool(codes)
            kept.append(dataclasses.replace(s, suggestions=codes))
        else:
            kept.append(s)
    if not taken:
        return result, taken, 0
    return result.with_segments(kept), taken, beside


def is_model_result(result: CodingResult) -> bool:
    """Whether ``result`` holds a model's suggestions rather than a person's codings.

    Decided by what the result records about who made it (its ``run.json``): a model run of
    ``roqa code`` records its ``model``; codings ``roqa import`` read from a QDA program record
    their ``user``, a model only when that user is roqa_nlp's machine user. Probabilities do not
    decide it: a person who coded a passage roqa_nlp suggested may carry the suggestion's
    probability. Only a result that records neither (a bare ``codings.jsonl``) is judged by its
    content: a model's when some suggestion has a probability below 1, a person's when every
    probability is exactly 1. The segments' flags (``novel``, ``procedural``) do not decide it:
    every file ``roqa code`` writes carries them, so a person's codings made by editing a copy of
    a model's ``codings.jsonl`` keep them, while a model's suggestions (its top ``k`` for every
    segment, flagged or not) are never all exactly 1.
    """
    from .exchange.qdpx_export import is_model_run

    recorded = is_model_run(result)
    if recorded is not None:
        return recorded
    return any(g.probability < 1.0 for s in result.segments for g in s.suggestions)


def top_codes(s: SegmentResult) -> frozenset[str]:
    """The codes of a segment's highest-probability suggestion, whatever the suggestions' order;
    suggestions tied for the highest probability all count (a code charted onto several codes of
    another codebook, each applied, counts as all of them)."""
    if not s.suggestions:
        return frozenset()
    best = max(g.probability for g in s.suggestions)
    return frozenset(g.code_id for g in s.suggestions if g.probability == best)


def segment_codes(
    result: CodingResult, *, model_threshold: float | None = None, model: bool | None = None
) -> dict[str, frozenset[str]]:
    """The codes each segment counts as coded with (see the module docstring for the rule)."""
    as_model = is_model_result(result) if model is None else model
    out: dict[str, frozenset[str]] = {}
    for s in result.segments:
        if not as_model:
            codes = frozenset(g.code_id for g in s.suggestions)
        elif not carries_codes(s):
            codes = frozenset()
        elif model_threshold is None:
            codes = top_codes(s)
        else:
            codes = frozenset(g.code_id for g in s.suggestions if g.probability >= model_threshold)
        out[s.segment.id] = out.get(s.segment.id, frozenset()) | codes
    return out


def segment_valences(
    result: CodingResult, counted: Mapping[str, frozenset[str]]
) -> dict[str, dict[str, str]]:
    """The valence (barrier, enabler or neutral) each segment's counted codes (``counted``, as
    :func:`segment_codes` gives them) were given: their suggestion's ``valence``. Segments of a
    person's codings imported from a QDA project that were given no valence
    (:func:`roqa_nlp.exchange.review.valence_not_given`) have none: their "neutral" is the
    default of a code given no valence, not a valence given. Nor have the segments of a review
    whose codes keep the model's valence (:func:`roqa_nlp.exchange.review.valence_from_model`:
    the reviewer set none there), which is the model's reading, not the reviewer's: counted as
    the reviewer's, a review with no valence column agreed with the model on every valence. A
    code given two different valences in one segment has none."""
    from .exchange.review import valence_from_model, valence_not_given
    from .schema import normalise_valence

    not_given = (valence_not_given(result) or set()) | valence_from_model(result)
    found: dict[str, dict[str, set[str]]] = {}
    for s in result.segments:
        sid = s.segment.id
        mine = counted.get(sid, frozenset())
        per = found.setdefault(sid, {})
        if sid in not_given:
            continue
        for g in s.suggestions:
            if g.code_id in mine:
                try:
                    per.setdefault(g.code_id, set()).add(normalise_valence(g.valence))
                except ValueError:  # a label no synonym names: no valence given
                    per.setdefault(g.code_id, set())
    return {sid: valences_given(per) for sid, per in found.items()}


def _no_valence_reason(
    coder: str, result: CodingResult, counted: Mapping[str, frozenset[str]]
) -> str:
    """Why ``coder``'s result records no valence at all ("" when it records some): a person's
    codings imported from a QDA project in which no coded passage was given a valence; or only
    passages given no code were (a valence code alone: a valence decision, no coding), which
    are counted, since the valence codes were read."""
    from .exchange.review import valence_not_given, valence_only, valence_two

    not_given = valence_not_given(result)
    coded = {sid for sid, codes in counted.items() if codes}
    if not_given is None or not coded or not coded <= not_given:
        return ""
    if n := len(valence_only(result)):
        return (
            f"{coder}'s codings give no valence to a code: they gave a valence only on passages "
            f"they coded with no code ({n}), so none is compared"
        )
    if n := len(coded & set(valence_two(result))):
        # "no passage of theirs coded Barrier ..." was untrue of these (hunt s80 F9)
        return (
            f"{coder}'s codings give no valence: every passage of theirs given one was given two "
            f"different valences ({n}), read as none"
        )
    return (
        f"{coder}'s codings give no valence (no passage of theirs coded Barrier, Enabler or "
        "Neutral in the QDA project)"
    )


def counted_codings(
    result: CodingResult, *, model_threshold: float | None = None, model: bool | None = None
) -> CodingResult:
    """A copy of ``result`` whose segments carry only the codes they count as coded with
    (:func:`segment_codes`), each at probability 1, as a person's codings: what a model's result
    is cut to before a crosswalk charts it, so that the model's top code is chosen in its own
    codebook and reaches every code it maps onto, as a person's code does (splitting its
    probability among them first would make one of them, or another suggestion, the top)."""
    counted = segment_codes(result, model_threshold=model_threshold, model=model)
    segments = [
        dataclasses.replace(
            s,
            suggestions=[
                dataclasses.replace(g, probability=1.0)
                for g in s.suggestions
                if g.code_id in counted[s.segment.id]
            ],
        )
        for s in result.segments
    ]
    return result.with_segments(segments)  # in the codebook the codings carry, theirs


#: how to give two coders' results, for the errors of a call that got something else
TWO_RESULTS = "coded_units_from_results({'Ann': ann_result, 'Ben': ben_result})"


def _check_results(results: object) -> None:
    """A one-line error unless ``results`` maps coder names to :class:`CodingResult`s."""
    from .errors import a_type

    if not isinstance(results, Mapping):
        raise RoqaTypeError(
            "coded_units_from_results() takes a dict of coder name -> CodingResult, "
            f"not {a_type(results)}",
            hint=f"e.g. {TWO_RESULTS}",
        )
    for coder, res in results.items():
        if not isinstance(res, CodingResult):
            read = f"CodingResult.read({str(res)!r})" if isinstance(res, str | Path) else ""
            raise RoqaTypeError(
                f"coder {coder!r} is given {a_type(res)}, not a CodingResult",
                hint=f"read it first: {read}" if read else f"e.g. {TWO_RESULTS}",
            )


def check_same_codebook(
    results: Mapping[str, CodingResult], *, fix: Callable[[str], str] | None = None
) -> None:
    """A one-line error when the coders' codes come from different built-in codebooks
    (:func:`~roqa_nlp.crosswalk.codebook_of`: a gold in CFIR 2009, a model's run in CFIR 2.0):
    no code of one can agree with a code of the other, and the figures would look plausible
    (s64 api tester: "kappa -0.033"). ``fix(codebook)`` says how to compare them in the last of
    those codebooks (``roqa agree``: ``--codebook``); by default, with
    :meth:`CodingResult.translate <roqa_nlp.result.CodingResult.translate>`. ``roqa agree``
    and :func:`coded_units_from_results` refuse them by this one check."""
    from .crosswalk import codebook_of

    used = {c: b for c, r in results.items() if (b := codebook_of(r)) is not None}
    if len(set(used.values())) < 2:
        return
    into = sorted(set(used.values()))[-1]
    if fix is None:
        others = [c for c, b in used.items() if b != into]
        whose = and_list(c + "'s" for c in others) + (" results" if others[1:] else " result")
        hint = f"compare them in one: give {whose} translated, result.translate({into!r})"
    else:
        hint = fix(into)
    shown = ", ".join(f"{c}: {b}" for c, b in used.items())
    raise RoqaError(
        f"the coders used different codebooks ({shown}), so no code can agree", hint=hint
    )


def coded_units_from_results(
    results: Mapping[str, CodingResult],
    *,
    model_threshold: float | None = None,
    units: str = "auto",
    models: Collection[str] | None = None,
    coverage: Mapping[str, Mapping[str, Sequence[tuple[int, int]]]] | None = None,
) -> CodedUnits:
    """Units from one :class:`CodingResult` per coder: shared segments, or character spans.

    ``units="auto"`` uses segments when every two coders' results cut each transcript both
    coded into one set of segments (ids and character ranges; one may lack some, which are
    missing for it: :func:`_segments_differ`), so a coder who coded some of the transcripts, as
    a double-coded subsample is, or some of a transcript's segments, still compares by segment;
    and character spans otherwise. ``models`` names the coders whose results
    are a model's (default: those :func:`is_model_result` finds), e.g. for results already cut
    to their counted codes by :func:`counted_codings`. ``coverage`` (coder -> transcript ->
    character ranges) limits character spans to the text a coder judged, e.g. the segments a
    reviewer decided: outside it the coder is missing, not "no code", and text no coder judged
    is no unit (segments need none: a result holds the segments its coder judged). A model's
    run (not a QDA project's selections) judged its segments and nothing else, as ``roqa
    code`` skips the interviewer's turns and speaker labels: by character span it is missing
    outside them unless ``coverage`` says otherwise (``judged_on_segments`` names it). So is a
    person's result that is not a QDA project's selections (their codings of a run's segments),
    and ``spans_because`` then says whose segments differ. Before,
    the text between its segments counted as units it coded with nothing, agreed on with every
    coder who left that text uncoded too (tester, session 40: 2,060 such units of 4,120).
    Coders whose codes come from different built-in codebooks are a one-line error
    (:func:`check_same_codebook`), as ``roqa agree`` refuses them: translate one first,
    ``result.translate("cfir-2022")``.
    """
    _check_results(results)
    check_same_codebook(results)
    return _units_from_results(
        results, model_threshold=model_threshold, units=units, models=models, coverage=coverage
    )


def _units_from_results(
    results: Mapping[str, CodingResult],
    *,
    model_threshold: float | None = None,
    units: str = "auto",
    models: Collection[str] | None = None,
    coverage: Mapping[str, Mapping[str, Sequence[tuple[int, int]]]] | None = None,
) -> CodedUnits:
    """:func:`coded_units_from_results` without its check of the coders' codebooks: for ``roqa
    agree``, which checks them before it charts the results in one codebook (whose runs then
    still record the codebooks their models were trained in)."""
    _check_results(results)
    if units not in UNIT_KINDS:
        raise RoqaError(f"unknown unit kind {units!r}", hint=f"use one of {', '.join(UNIT_KINDS)}")
    if model_threshold is not None and not 0.0 <= model_threshold <= 1.0:
        raise RoqaError(f"model threshold {model_threshold} is not a probability", hint="use 0-1")
    coders = list(results)
    if models is None:
        model_coders = [c for c in coders if is_model_result(results[c])]
    else:
        model_coders = [c for c in coders if c in models]
    maps: dict[str, dict[str, ComposedPositions]] = {}
    results, composed = composed_copies(results, model_coders, maps)
    if composed:
        from .errors import warn

        for c, found in composed.items():
            warn(composed_copies_said(c, found), stacklevel=None)
            if coverage is not None and c in coverage:
                coverage = {**coverage, c: _composed_coverage(coverage[c], maps[c])}
    per_coder = {
        c: segment_codes(results[c], model_threshold=model_threshold, model=c in model_coders)
        for c in coders
    }
    valences = {c: segment_valences(results[c], per_coder[c]) for c in coders}
    no_valence = {
        c: why for c in coders if (why := _no_valence_reason(c, results[c], per_coder[c]))
    }
    names: dict[str, str] = {}
    for res in results.values():
        for sr in res.segments:
            for sug in sr.suggestions:
                names.setdefault(sug.code_id, sug.name)
    differ = _segments_differ(results)
    if units == "auto":
        units = "spans" if differ else "segments"
    if units == "segments":
        if differ:
            raise _not_shared_segments(results, differ)
        _check_same_texts(results, model_coders)
        seen: dict[str, Unit] = {}
        for res in results.values():
            for sr in res.segments:
                seg = sr.segment
                seen.setdefault(seg.id, Unit(seg.id, seg.transcript_id, seg.start, seg.end))
        cu = CodedUnits(
            coders, list(seen.values()), per_coder, names, model_coders, "segments", valences
        )
        if all(_is_selections(r) for r in results.values()):
            # QDA coders only: by span, every one judged the whole text (not so beside a
            # model's run, which judged its segments alone)
            cu.unselected = _unselected_text(results)
    else:
        judged = dict(coverage or {})
        # a result that is not a QDA program's selections is a segmentation: its coder, a
        # model or a person, judged its segments only (tester, session 56: two people's
        # codings.jsonl, one segment of one cut in two, counted every interviewer's turn as
        # agreed "no code": kappa 0.597 -> 0.616, AC1 0.925 -> 0.967)
        on_segments = [c for c in coders if c not in judged and not _is_selections(results[c])]
        for c in on_segments:
            ranges: dict[str, list[tuple[int, int]]] = {}
            for sr in results[c].segments:
                g = sr.segment
                ranges.setdefault(g.transcript_id, []).append((g.start, g.end))
            judged[c] = {t: sorted(r) for t, r in ranges.items()}
        # a model's suggestions read from roqa's own .qdpx export are selections, but the model
        # judged the participants' turns its run segmented, not the interviewers' (the export
        # records only the passages it suggested codes for): missing outside those turns, as
        # its run is outside its segments (qda2 tester, session 80, D2: the interviewers' turns
        # counted as agreed "no code", kappa 0.172 by the .qdpx for the run folder's 0.118)
        for c in model_coders:
            if c not in judged and _is_selections(results[c]):
                judged[c] = participant_turns(results[c])
                on_segments.append(c)
        cu = _span_units(results, per_coder, names, model_coders, valences, judged, on_segments)
        cu.judged_on_segments = on_segments
        if differ and not any(_is_selections(results[c]) for c in differ[:2]):
            cu.spans_because = _segments_not_the_same(results, differ)
    cu.no_valence = no_valence
    cu.placed = _placed_codings(results, per_coder, cu)
    return cu


def _unselected_text(results: Mapping[str, CodingResult]) -> tuple[int, int]:
    """The stretches of each coded transcript's text that no coder's segment or selection
    covers and that hold a letter or digit, as ``(how many, their characters)``: the text a
    comparison by segment leaves out, and which character spans compare as units coded by no
    one (one each, as no coding starts or ends within it)."""
    covered: dict[str, list[tuple[int, int]]] = {}
    texts: dict[str, str] = {}
    for res in results.values():
        for sr in res.segments:
            g = sr.segment
            covered.setdefault(g.transcript_id, []).append((g.start, g.end))
            t = res.transcripts.get(g.transcript_id)
            if t is not None:
                texts.setdefault(g.transcript_id, t.text)
    n = chars = 0
    for tid, ranges in covered.items():
        text = texts.get(tid)
        if text is None:
            continue
        at = 0
        for lo, hi in [*sorted(ranges), (len(text), len(text))]:
            if lo > at and _has_words(text[at:lo]):
                n += 1
                chars += lo - at
            at = max(at, hi)
    return n, chars


def _placed_codings(
    results: Mapping[str, CodingResult],
    per_coder: Mapping[str, Mapping[str, frozenset[str]]],
    cu: CodedUnits,
) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """For each coder, each of their codings (a code on one of their segments or selections, as
    ``per_coder`` counts them) as ``(code, the units of cu it is in)``: by segment the coder's
    own segment; by character span every unit within it the coder coded with that code (none:
    text with no letter or digit, or outside the text compared)."""
    by_transcript: dict[str, list[Unit]] = {}
    for u in cu.units:
        by_transcript.setdefault(u.transcript, []).append(u)
    for units in by_transcript.values():
        units.sort(key=lambda u: (u.start or 0, u.end or 0))
    starts = {t: [u.start or 0 for u in units] for t, units in by_transcript.items()}
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for c, res in results.items():
        mine = cu.codings.get(c, {})
        placed = out[c] = []
        for sr in res.segments:
            g = sr.segment
            for code in sorted(per_coder[c].get(g.id, frozenset())):
                if cu.unit_kind == "segments":
                    inside = [g.id] if code in mine.get(g.id, frozenset()) else []
                else:
                    # span units of a transcript do not overlap: those starting before the
                    # coding ends, back to the first that ends before it starts
                    units = by_transcript.get(g.transcript_id, [])
                    k = bisect.bisect_left(starts.get(g.transcript_id, []), g.end)
                    inside = []
                    while k > 0 and (units[k - 1].end or 0) > g.start:
                        k -= 1
                        if code in mine.get(units[k].id, frozenset()):
                            inside.append(units[k].id)
                placed.append((code, tuple(inside)))
    return out


def _check_same_texts(results: Mapping[str, CodingResult], models: Collection[str] = ()) -> None:
    """A one-line error when two coders compared by segment coded different words: a segment
    both coded covers other words for each (in its coder's transcript when the result holds
    it, where the offsets are read, else the segment's own text). Shared ids and character
    ranges do not say the words are the same: one word swapped for another of its length keeps
    every offset (tester, session 38). Only the words and their offsets are compared
    (:func:`_first_word_change`, as by character span): the same transcript read on two machines
    can differ in a final newline or trailing spaces (read_transcript keeps them), which changes
    no segment's words (tester, session 38). The coder named beside the one whose words differ
    is a person holding those words before a model (``models``) holding them (daily26, s89)."""
    # segment id -> (coder, its words, its coder's transcript text if held, its start)
    seen: dict[str, tuple[str, str, str | None, int]] = {}
    for c, res in results.items():
        for sr in res.segments:
            g = sr.segment
            t = res.transcripts.get(g.transcript_id)
            full = t.text if t is not None else None
            words = full[g.start : g.end] if full is not None else g.text
            if g.id not in seen:
                seen[g.id] = (c, words, full, g.start)
                continue
            first, first_words, first_full, first_start = seen[g.id]
            at = _first_word_change(first_words, words)
            if at is None:
                if first in models and c not in models and full == first_full:
                    seen[g.id] = (c, words, full, g.start)  # a person named before a model
                continue
            if first_full is not None and full is not None:
                raise _texts_differ(
                    g.transcript_id, first, first_full, c, full, at=first_start + at
                )
            raise _segment_texts_differ(g.id, g.transcript_id, first, c, at)


def _segment_texts_differ(
    segment: str,
    tid: str,
    a: str,
    b: str,
    at: int,
    *,
    path: str | Path | None = None,
    hint: str | None = None,
) -> RoqaError:
    """The one-line error for a segment whose words are not the same for two coders (from
    character ``at`` of it): their codings of it are of other words."""
    return RoqaError(
        f"segment {quoted(segment)} of transcript {quoted(tid)} is not the same text for {a!r} "
        f"and {b!r} (they differ from character {at} of it), so their codings cannot be compared",
        path=path,
        hint=hint or SAME_TEXT_HINT,
    )


def _segment_words(result: CodingResult) -> dict[str, tuple[str, str]]:
    """Each segment id of ``result`` -> (its transcript, its words: in its transcript when the
    result holds it, where the offsets are read, else the segment's own text)."""
    out: dict[str, tuple[str, str]] = {}
    for sr in result.segments:
        g = sr.segment
        t = result.transcripts.get(g.transcript_id)
        out[g.id] = (g.transcript_id, t.text[g.start : g.end] if t is not None else g.text)
    return out


def check_table_texts(
    table: CodedUnits, results: Mapping[str, CodingResult], path: str | Path
) -> None:
    """A one-line error when a long table's row gives, in its ``text`` column, the words of
    another segment of its transcript than the segment of its unit id in a result compared with
    it. The table's units are then segment ids of another run (a transcript changed and coded
    again moves the ids after the change), and its codes would be compared with the codes of
    other words (tester, session 56: kappa 0.563 -> 0.326 with no warning).

    The column is read as a researcher writes it (:func:`_excerpt`): case, quote marks and
    apostrophes, whitespace, a speaker's label before it and ``...`` cuts aside. Words found in
    no segment (a comment, "unsure - discuss") or in the row's own segment (an excerpt) are no
    evidence of moved ids, so the row is compared as before (regression hunt, session 56: an
    excerpt, curly apostrophes or a comment in the column were refused); so is a row with no
    text or of fewer than three words."""
    if not table.unit_texts:
        return
    words = {c: _segment_words(r) for c, r in results.items()}
    plain: dict[str, dict[str, str]] = {c: {} for c in results}  # the words read alike, once

    def said(c: str, unit: str) -> str:
        if unit not in plain[c]:
            plain[c][unit] = _read_alike(words[c][unit][1])
        return plain[c][unit]

    for unit, _coder, text, where in table.unit_texts:
        pieces = _excerpt(text)
        if sum(len(p.split()) for p in pieces) < 3:
            continue
        for c, segments in words.items():
            if unit not in segments or all(p in said(c, unit) for p in pieces):
                continue
            tid = segments[unit][0]
            other = next(
                (
                    k
                    for k, (t, _) in segments.items()
                    if t == tid and k != unit and all(p in said(c, k) for p in pieces)
                ),
                None,
            )
            if other is not None:
                raise RoqaError(
                    f"the text of its {where} is the words of segment {quoted(other)} of "
                    f"{c!r}, not of segment {quoted(unit)}, so its codes would be compared with "
                    "the codes of other words",
                    path=path,
                    hint=f"its units are segment ids of another run of transcript {quoted(tid)}: "
                    "ids move when a changed transcript is coded again; compare it with the run "
                    "its codes were given on",
                )


#: A cut in a quoted excerpt: "...", ". . .", "…", "[...]", "[…]".
_CUT = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\[…\]|(?:\.\s?){3}|…)\s*")
#: A speaker's label before an excerpt: "P01: ", "Interviewer: ".
_LABEL = re.compile(r"^[^\s:]{1,30}(?: [^\s:]{1,30}){0,2}: ")
#: Curly quote marks and apostrophes, read as straight ones.
_STRAIGHT = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'}
)


def _read_alike(text: str) -> str:
    """``text`` with case, curly quote marks and apostrophes and runs of whitespace made alike."""
    return " ".join(text.casefold().translate(_STRAIGHT).split())


def _excerpt(text: str) -> list[str]:
    """The pieces of words a long table's ``text`` cell quotes, read alike (:func:`_read_alike`),
    its speaker's label, the quote marks around it and its cuts (``...``) taken off."""
    plain = _LABEL.sub("", _read_alike(text)).strip("\"' ")
    return [p for p in (q.strip("\"' ") for q in _CUT.split(plain)) if p]


def _first_word_change(a: str, b: str) -> int | None:
    """Where ``a`` first differs from ``b`` so that an offset would read other words in one
    than in the other, or None when they are the same words at the same offsets: only
    whitespace that moves no word may differ (a final newline, trailing spaces, a line break
    for a space). The one rule for two coders' texts of a transcript, by segment (each shared
    segment's words, its range the same for both) and by character span (the whole texts):
    before, spans compared the texts character for character, so a pseudonymised copy, which
    ends with one newline, was refused beside the ``roqa code --pseudonymise`` run of its
    original (tester, session 77: "they differ from character 2334" of 2334)."""
    wa, wb = list(re.finditer(r"\S+", a)), list(re.finditer(r"\S+", b))
    for x, y in zip(wa, wb, strict=False):
        if x.start() != y.start():
            return min(x.start(), y.start())
        if x.group() != y.group():
            return x.start() + len(os.path.commonprefix([x.group(), y.group()]))
    if len(wa) == len(wb):
        return None
    return wa[len(wb)].start() if len(wa) > len(wb) else len(a.rstrip())


def _segments_differ(results: Mapping[str, CodingResult]) -> tuple[str, str, str] | None:
    """The first two coders (and the transcript) whose results do not cut a transcript into one
    set of segments; None when every two of them do: they give a segment id they share the same
    character range, and a segment only one of them has overlaps none of the other's (so one
    may lack some segments, missing for it: a coder who reviewed part of a transcript).
    Selections made in a QDA program (read from a .qdpx) only count as segments when they are
    the same for every coder: there, text a coder did not select is text they read and gave no
    code, which only character spans compare."""
    layouts = {c: _segment_layout(r) for c, r in results.items()}
    for i, j in itertools.combinations(results, 2):
        a, b = layouts[i], layouts[j]
        # in the first coder's file order, not a set's: the example named is the same at every
        # run (hunt29 D6, session 85: it changed with PYTHONHASHSEED)
        for t in (t for t in a if t in b):
            if a[t] == b[t]:
                continue
            if (
                _is_selections(results[i])
                or _is_selections(results[j])
                or not _one_segmentation(a[t], b[t])
            ):
                return i, j, t
    return None


def _segment_layout(result: CodingResult) -> dict[str, dict[str, tuple[int, int]]]:
    """transcript -> segment id -> its character range, of ``result``."""
    per: dict[str, dict[str, tuple[int, int]]] = {}
    for sr in result.segments:
        seg = sr.segment
        per.setdefault(seg.transcript_id, {})[seg.id] = (seg.start, seg.end)
    return per


def _not_shared_segments(
    results: Mapping[str, CodingResult], differ: tuple[str, str, str]
) -> RoqaError:
    """The error of ``--units segments`` asked of results whose segments differ
    (:func:`_segments_differ`), showing a segment of each that the other lacks."""
    a = differ[0]
    b = differ[1]
    selections = _is_selections(results[a]) or _is_selections(results[b])
    return RoqaError(
        f"--units segments compares the segments the coders share, but "
        f"{_segments_not_the_same(results, differ)}",
        hint="leave out --units segments: --units auto compares "
        f"{'selections' if selections else 'them'} by character span",
    )


def _segments_not_the_same(
    results: Mapping[str, CodingResult], differ: tuple[str, str, str]
) -> str:
    """Two coders' segments (or selections) of a transcript that are not one segmentation
    (:func:`_segments_differ`), with a segment of each that the other lacks."""
    a, b, t = differ
    layout_a, layout_b = (_segment_layout(results[c])[t] for c in (a, b))
    mine = [k for k, r in layout_a.items() if layout_b.get(k) != r]
    theirs = [k for k, r in layout_b.items() if layout_a.get(k) != r]
    ka, kb = (
        mine[0] if mine else next(iter(layout_a)),
        theirs[0] if theirs else next(iter(layout_b)),
    )
    (sa, ea), (sb, eb) = layout_a[ka], layout_b[kb]
    selections = _is_selections(results[a]) or _is_selections(results[b])
    kind = "selections" if selections else "segments"
    return (
        f"{a}'s and {b}'s {kind} of transcript {t} are not the same (e.g. {a}'s {quoted(ka)} at "
        f"characters {sa}-{ea}, {b}'s {quoted(kb)} at {sb}-{eb})"
    )


def participant_turns(result: CodingResult) -> dict[str, list[tuple[int, int]]]:
    """The character ranges of the participants' turns (speaker labels left out) that ``roqa
    code`` segments, of each transcript of ``result``: so the text a model's suggestions read
    from a .qdpx judged (its segments are not recorded there, only the passages it suggested
    codes for). They are the turns :func:`~roqa_nlp.transcripts.segment.segmented_turns` gives,
    the one rule ``roqa code`` cuts by: a backchannel it left out (``Mm-hmm.``, ``Sure.`` not
    answering a question) is not judged (hunt3, session 80: qfix's D2 remainder, such a turn
    counted as a unit the model gave no code). A transcript with no participant's turn (no
    turns read) is judged whole."""
    from .transcripts.segment import segmented_turns

    out: dict[str, list[tuple[int, int]]] = {}
    for tid, t in result.transcripts.items():
        if not any(u.role == "participant" for u in t.turns):
            out[tid] = [(0, len(t.text))]
            continue
        out[tid] = sorted((t.turns[i].start, t.turns[i].end) for i in segmented_turns(t))
    return out


def _is_selections(result: CodingResult) -> bool:
    """Whether ``result`` holds a QDA program's selections (``roqa import`` or a .qdpx)."""
    return isinstance(result.meta, dict) and result.meta.get("source") == "REFI-QDA"


def _one_segmentation(a: Mapping[str, tuple[int, int]], b: Mapping[str, tuple[int, int]]) -> bool:
    """Whether two coders' segments of one transcript (id -> range) are parts of one
    segmentation: shared ids have one range, and the others overlap nothing of the other's."""
    if any(a[k] != b[k] for k in a.keys() & b.keys()):
        return False
    for mine, theirs in ((a, b), (b, a)):
        ranges = sorted(theirs.values())
        starts = [lo for lo, _ in ranges]
        ends = list(itertools.accumulate((hi for _, hi in ranges), max))
        for k, (lo, hi) in mine.items():
            if k in theirs:
                continue
            # the ranges of theirs starting before hi; the furthest any of them reaches
            n = bisect.bisect_left(starts, hi)
            if n and ends[n - 1] > lo and lo < hi:
                return False
    return True


def _span_units(
    results: Mapping[str, CodingResult],
    per_coder: dict[str, dict[str, frozenset[str]]],
    names: dict[str, str],
    models: list[str],
    valences: dict[str, dict[str, dict[str, str]]],
    coverage: Mapping[str, Mapping[str, Sequence[tuple[int, int]]]],
    on_segments: Collection[str] = (),
) -> CodedUnits:
    """Character-span units (see the module docstring). A coder's valence of a code in a unit
    is the one their selections carrying the code there gave it: pieces are joined only where
    it stays the same, so two different ones remain only where a coder's selections of the
    code with two valences overlap (none: the text was given both). A coder in ``coverage`` is
    missing outside the ranges it gives them (:func:`coded_units_from_results`). Text outside
    the segments of a model of ``on_segments`` that one coder at most judged and no one coded
    (an interviewer's turn a QDA coder left uncoded) is no unit: nothing there is compared or
    coded."""
    coders = list(results)
    texts: dict[str, str] = {}
    text_of: dict[str, str] = {}  # transcript -> the coder whose text ``texts`` holds
    # transcript -> coder -> (start, end, codes, their valences) of each selection
    spans: dict[str, dict[str, list[tuple[int, int, frozenset[str], Mapping[str, str]]]]] = {}
    coded = {c: {sr.segment.transcript_id for sr in results[c].segments} for c in coders}
    segments_of: dict[str, list[Segment]] = {}  # transcript -> every coder's segments of it
    for c in coders:
        res = results[c]
        for tid, t in res.transcripts.items():
            if tid not in coded[c]:
                continue
            if tid in texts and (at := _first_word_change(texts[tid], t.text)) is not None:
                raise _texts_differ(tid, text_of[tid], texts[tid], c, t.text, at=at)
            texts.setdefault(tid, t.text)
            if text_of.get(tid) in models and c not in models and t.text == texts[tid]:
                # named in an error as the coder whose text another's differs from: a person
                # before a model that has their text (daily26, session 89: the model was named,
                # not Alice, whose .qdpx held it)
                del text_of[tid]
            text_of.setdefault(tid, c)
        for sr in res.segments:
            g = sr.segment
            spans.setdefault(g.transcript_id, {}).setdefault(c, []).append(
                (g.start, g.end, per_coder[c].get(g.id, frozenset()), valences[c].get(g.id, {}))
            )
            segments_of.setdefault(g.transcript_id, []).append(g)
    units: list[Unit] = []
    codings: dict[str, dict[str, frozenset[str]]] = {c: {} for c in coders}
    unit_valences: dict[str, dict[str, dict[str, str]]] = {c: {} for c in coders}
    for tid, by_coder in spans.items():
        length = max(e for v in by_coder.values() for _, e, _, _ in v)
        text = texts.get(tid)
        if text is None:
            text = _text_of_segments(segments_of[tid], length)
        length = len(text)
        cuts = {0, length}
        for v in by_coder.values():
            for lo_, hi_, _, _ in v:
                cuts.update((min(max(lo_, 0), length), min(max(hi_, 0), length)))
        judged = {c: coverage[c].get(tid, ()) for c in by_coder if c in coverage}
        for ranges in judged.values():
            for lo_, hi_ in ranges:
                cuts.update((min(max(lo_, 0), length), min(max(hi_, 0), length)))
        bounds = sorted(cuts)
        present = [c for c in coders if c in by_coder]
        # coder -> piece -> whether they judged its text (everywhere, unless ``coverage`` says)
        seen = [[c not in judged] * (len(bounds) - 1) for c in present]
        for k, c in enumerate(present):
            for lo_, hi_ in judged.get(c, ()):
                lo = bisect.bisect_left(bounds, min(max(lo_, 0), length))
                hi = bisect.bisect_left(bounds, min(max(hi_, 0), length))
                seen[k][lo:hi] = [True] * (hi - lo)
        pieces: list[list[set[str]]] = [[set() for _ in bounds[:-1]] for _ in present]
        # coder -> piece -> code -> the valences their selections there gave it
        piece_valences: list[list[dict[str, set[str]]]] = [
            [{} for _ in bounds[:-1]] for _ in present
        ]
        for k, c in enumerate(present):
            for lo_, hi_, codes, given in by_coder[c]:
                lo = bisect.bisect_left(bounds, min(max(lo_, 0), length))
                hi = bisect.bisect_left(bounds, min(max(hi_, 0), length))
                for i in range(lo, hi):
                    pieces[k][i] |= codes
                    for code in codes:
                        # a code without a valence here stands in the way of any other's
                        piece_valences[k][i].setdefault(code, set()).add(given.get(code, ""))
        # (first piece, last piece + 1, each coder's codes, and the valences given them): a
        # valence that changes is a coding that changes (one coder's barrier sentence, then
        # enabler sentence, of one code are two units, as two segments would be), so that a
        # unit never joins two valences a coder gave one code into none; a coder's codes are
        # None where they judged nothing
        merged: list[
            tuple[int, int, tuple[frozenset[str] | None, ...], tuple[frozenset[Any], ...]]
        ] = []
        # pieces with no letter or digit whose coding differs from the piece before (the
        # space or line break between two selections of one coder): they count for nothing,
        # so they neither make a unit nor keep the pieces on either side apart; unless a coder
        # judged nothing there (between two segments a review decided: two judgements). A
        # model's run of ``on_segments`` judged nothing between its segments by construction:
        # its two segments a space apart, coded alike, are one unit, as before it was missing
        # outside them (else they split every other coder's text there too: regression hunt,
        # session 41, a pair of people went from 106 units to 159 beside a model)
        blocking = [k for k, c in enumerate(present) if c not in on_segments]
        passed: set[int] = set()
        # two pieces coded alike are joined only where one segment or selection of some coder
        # spans the edge between them (the halves of a split, the other coder's one selection
        # across two), never merely as neighbours: two segments a space apart that no one
        # split stay two units, as by segment (tester, session 69: p02's 0012 and 0013, coded
        # alike, joined as p01:0011 was split, kappa 0.840 for the segments' 0.845)
        spanning = _spanning(by_coder.values())
        for i in range(len(bounds) - 1):
            key = tuple(
                frozenset(pieces[k][i]) if seen[k][i] else None for k in range(len(present))
            )
            given_key = tuple(
                frozenset((code, frozenset(vs)) for code, vs in piece_valences[k][i].items())
                for k in range(len(present))
            )
            if (
                merged
                and merged[-1][2:] == (key, given_key)
                and spanning(bounds[merged[-1][1]], bounds[i])
            ):
                merged[-1] = (merged[-1][0], i + 1, key, given_key)
            elif (
                merged
                and text is not None
                and all(key[k] is not None for k in blocking)
                and not _has_words(text[bounds[i] : bounds[i + 1]])
            ):
                passed.add(i)
            else:
                merged.append((i, i + 1, key, given_key))
        for first, stop, key, _ in merged:
            start, end = bounds[first], bounds[stop]
            if text is not None and not _has_words(text[start:end]):
                continue
            if all(v is None for v in key):
                continue  # text no coder judged (a review's undecided segments)
            if (
                not any(key)
                and sum(v is not None for v in key) < 2
                and any(key[k] is None for k, c in enumerate(present) if c in on_segments)
            ):
                continue  # outside a model's segments, uncoded: nothing to compare
            # written as roqa import names a selection by its characters (rm01:@978-1146), so
            # that a unit reads alike by segment and by span (before: rm01:978-1146 here)
            uid = f"{tid}:@{start}-{end}"
            units.append(Unit(uid, tid, start, end))
            for k, c in enumerate(present):
                judged_codes = key[k]
                if judged_codes is None:
                    continue
                codings[c][uid] = judged_codes
                found: dict[str, set[str]] = {}
                for i in range(first, stop):
                    if i in passed:
                        continue
                    for code, vs in piece_valences[k][i].items():
                        found.setdefault(code, set()).update(vs)
                unit_valences[c][uid] = valences_given(found)
    return CodedUnits(coders, units, codings, names, models, "spans", unit_valences)


def _spanning(
    ranges_of: Iterable[Sequence[tuple[int, int, Any, Any]]],
) -> Callable[[int, int], bool]:
    """Whether one of the ranges (each coder's segments or selections of a transcript: start,
    end, ...) spans from before ``end`` to after ``start``: the characters on both sides of
    the text from ``end`` (where a unit ends) to ``start`` (where the next piece starts)."""
    ranges = sorted((lo, hi) for v in ranges_of for lo, hi, _, _ in v)
    starts = [lo for lo, _ in ranges]
    furthest: list[int] = []  # the furthest end of the ranges up to each
    for _, hi in ranges:
        furthest.append(max(hi, furthest[-1]) if furthest else hi)

    def spans(end: int, start: int) -> bool:
        n = bisect.bisect_left(starts, end)  # the ranges starting before ``end``
        return bool(n) and furthest[n - 1] > start

    return spans


#: What :func:`_text_of_segments` puts for a character no segment holds (a letter: words).
_UNKNOWN = "x"


def _text_of_segments(segments: Iterable[Segment], length: int) -> str:
    """A transcript's text as its coders' ``segments`` of it hold it, for codings that come
    without their transcript (a ``codings.jsonl`` alone, as a colleague e-mails it): each
    character a segment covers is read from its text, and one no segment covers is
    ``_UNKNOWN``, a letter, so that unread text counts as words, as all text did before.
    Tester, session 67: the space where one coder cut a segment in two, covered by the other
    coder's segment, stayed a unit of its own and kept the halves apart: 38 units, kappa 0.787
    for 0.779."""
    chars = [_UNKNOWN] * length
    for g in segments:
        if len(g.text) != g.end - g.start or g.start < 0:
            continue  # a segment whose text does not fit its offsets tells nothing
        chars[g.start : g.end] = g.text
    return "".join(chars)


def _has_words(text: str) -> bool:
    """Whether a range of text holds a letter or digit (else it counts for nothing as a unit)."""
    return any(ch.isalnum() for ch in text)


def _project_key(coder: str, result: CodingResult) -> str:
    """Which codebook (project) a result's code ids belong to: its recorded codebook's hash or
    id, else the coder (one QDA project's users share it, two projects' do not)."""
    book = result.meta.get("codebook") if isinstance(result.meta, dict) else None
    if isinstance(book, dict):
        for k in ("hash", "id"):
            if isinstance(book.get(k), str) and book[k]:
                return f"{k}:{book[k]}"
    return f"coder:{coder}"


def same_guid_codes(
    results: Mapping[str, CodingResult], codebook: Codebook | None = None
) -> dict[str, CodingResult]:
    """``results`` with code ids that are one GUID written two ways (upper or lower case, with or
    without {braces}: all valid REFI-QDA) written one way: as ``codebook`` has it, else as the
    first coder's codings write it.

    ATLAS.ti writes GUIDs in upper case, NVivo and QualCoder in lower case; one project's GUIDs
    read back from another program, or two copies of one project, are the same codes. Compared
    as written, each code was two codes and identical codings gave kappa 0.185 (tester, session
    39). Ids that are no GUID (CFIR's IS.E.2) are left as they are."""
    from .exchange.refiqda import is_guid, normalise_guid

    spelling: dict[str, str] = {}
    if codebook is not None:
        spelling.update({normalise_guid(c.id): c.id for c in codebook.codes if is_guid(c.id)})
    for result in results.values():
        for s in result.segments:
            for g in s.suggestions:
                if is_guid(g.code_id):
                    spelling.setdefault(normalise_guid(g.code_id), g.code_id)
    out = {}
    for coder, result in results.items():
        rename = {
            g.code_id: spelling[normalise_guid(g.code_id)]
            for s in result.segments
            for g in s.suggestions
            if is_guid(g.code_id) and spelling[normalise_guid(g.code_id)] != g.code_id
        }
        out[coder] = _renamed_codes(result, rename) if rename else result
    return out


def own_codes_by_name(
    results: Mapping[str, CodingResult], known: Codebook | None = None
) -> dict[str, tuple[str, str, str] | None]:
    """The codes of the results' own a long CSV's name can be, by name (compared as
    :meth:`Codebook.find` compares names): name -> (code id, its name, the first coder whose
    codings carry it), or None for a name one project gives two codes (the ids decide there).

    A code is the results' own when neither ``known`` (the codebook compared in) nor any
    built-in codebook has its id or its name: a review's new code project.manager-burnout
    "Manager burnout", a QDA project's own node. Of several projects' codes of one name, the
    first coder's is kept, as :func:`match_codes_by_name` keeps it. Before, a CSV's "Manager
    burnout" and the review's project.manager-burnout were two codes, and an identical sheet
    scored kappa 0.200 (tester, session 68)."""
    from .codebook import builtin_codebook, normalise_name
    from .codebooks import BUILTIN

    books = [builtin_codebook(b) for b in BUILTIN]
    if known is not None:
        books.append(known)
    found: dict[str, tuple[str, str, str] | None] = {}
    ids_in: dict[tuple[str, str], set[str]] = {}  # (name, project) -> ids
    for coder, result in results.items():
        for s in result.segments:
            for g in s.suggestions:
                name = normalise_name(g.name or "")
                if not name or any(g.code_id in b or b.find(g.name) for b in books):
                    continue
                ids_in.setdefault((name, _project_key(coder, result)), set()).add(g.code_id)
                found.setdefault(name, (g.code_id, g.name, coder))
    for (name, _), ids in ids_in.items():
        if len(ids) > 1:
            found[name] = None
    return found


#: The start of the note :func:`match_codes_by_name` gives for names it does not match, as one
#: project has two codes of that name: no codebook matches those.
NOT_MATCHED_BY_NAME = "not matched by name, as one project has two codes of that name: "

#: The start of the note :func:`match_codes_by_name` gives for a name that resolves to a code of
#: a reference codebook the project holds already (``Staffing``, an alias of Available Resources,
#: beside Available Resources): before, it said "two codes of that name" (qda2 tester, s80, D8).
NOT_MATCHED_AS_HELD = (
    "not matched by name to the codebook's code the name is given to, as the project holds "
    "that code under its own name too: "
)


#: The start of the note :func:`match_codes_by_name` gives for a code name written after a
#: prefix that is not its code's domain nor a code above it ("OS-Cost"; daily18, s86).
NOT_MATCHED_UNDER_PREFIX = (
    "not matched by name, as the code named is not of the domain or code written before it: "
)

#: The start of the note :func:`match_codes_by_name` gives for a name several codes of a
#: reference codebook share ("Staffing" under Inpatient and under Community: s87 hunt37 H2).
NOT_MATCHED_AS_SHARED = "not matched by name, as codes of the codebook share the name: "

#: ... for a name after a prefix that resolves, beside the same name after one that does not
#: ("PRO - Planning" beside "CON - Planning", a team's twins: s87 hunt37 H1).
NOT_MATCHED_BESIDE_TWIN = (
    "not matched by name, as the project has the same name after another prefix, which is no "
    "code of the codebook (a valence, say): "
)

#: ... for codes of one project whose different names resolve to one code of the codebook
#: ("IS - Culture" and "Inner Setting: Culture"): before, it said "two codes of that name".
NOT_MATCHED_AS_ONE = (
    "not matched by name, as another code of the same project resolves to the codebook's "
    "same code: "
)


#: ... for names a built-in codebook reads after a prefix, beside another project's name of the
#: same code, where no codebook is at hand to read them in (two flat code lists, "Inner Setting -
#: Available Resources" beside "Available Resources": s87 hunt37 L2). Said, not guessed.
NOT_MATCHED_NO_CODEBOOK = "not matched by name, as no codebook was given to read the prefixes in: "


def match_codes_by_name(
    results: Mapping[str, CodingResult], codebook: Codebook | None = None
) -> tuple[dict[str, CodingResult], list[str]]:
    """``results`` with codes of different projects that carry one name counted as one code,
    and a note per kind of match.

    A code made by hand in a QDA program gets a GUID of that project, so two coders who each
    made "Cost" in their own NVivo project, or a person's hand-typed CFIR node list and the
    model's CFIR codes, share no code id and could never agree. Codes are matched by name, as
    :meth:`Codebook.find` compares names (case, spacing, punctuation and ``&``/``and`` aside):
    first, a code no reference codebook knows by id takes the id of the code its name resolves
    to in a reference codebook (``codebook``, the one the researcher named, then the built-in
    codebooks the coders use); then codes still unmatched that carry one name in several
    projects take the
    id of the first coder's. Within one project ids stay authoritative: a name two codes of one
    project carry (or a name resolving to a code the project already has) is not matched, and
    the note says so; but a code named as the reference codebook's code it resolves to, not by
    an alias, is that code, as ``roqa import`` reads it (a reviewer's own "Champions" node
    beside the model's Champions, in a folder an earlier version imported). Ids that are one
    GUID written two ways are one code before any of this (:func:`same_guid_codes`).
    """
    from .codebook import Codebook, normalise_name
    from .crosswalk import codebook_of, own_codebook
    from .exchange.refiqda import PROJECT_CODES_SOURCE

    results = same_guid_codes(results, codebook)
    coders = list(results)
    key = {c: _project_key(c, results[c]) for c in coders}
    used: dict[str, dict[str, str]] = {}  # coder -> code id -> name
    for c in coders:
        per = used.setdefault(c, {})
        for s in results[c].segments:
            for g in s.suggestions:
                per.setdefault(g.code_id, g.name)
    refs: list[Codebook] = [] if codebook is None else [codebook]  # the one named comes first
    for c in coders:
        # a codebook the codings record and carry (a review in a researcher's own codebook)
        # wins: its codes are not matched by name to a built-in codebook's
        own = own_codebook(results[c])
        if own is not None and own.source == PROJECT_CODES_SOURCE:
            # a QDA project's own codes that ``roqa import`` wrote a codebook.json of: matched
            # by name as the .qdpx itself is (daily18, s86: "Available Resources" of a flat
            # ATLAS.ti list was its own code via the folder, kappa -0.021 for 0.342)
            own = None
        book_id = codebook_of(results[c])
        if own is not None and all(b.id != own.id for b in refs):
            refs.append(own)
        elif book_id is not None and all(b.id != book_id for b in refs):
            refs.append(Codebook.load(book_id))

    ids_of_project: dict[str, set[str]] = {}
    names_of: dict[tuple[str, str], str] = {}  # (project, id) -> name
    for c in coders:
        ids_of_project.setdefault(key[c], set()).update(used[c])
        names_of.update({(key[c], cid): name for cid, name in used[c].items()})
    # 0. a code renamed between two codebooks the codings carry (the researcher's v1 and v2)
    rename, across_books, borrowed = _renamed_between_codebooks(results, used)
    resolved: dict[str, dict[str, set[str]]] = {}  # reference codebook -> coder -> names
    ambiguous: set[str] = set()
    held_already: dict[str, str] = {}  # name -> the code it resolves to, which the project holds
    shared_name: dict[str, str] = {}  # name -> the codes of a reference codebook sharing it
    beside_twin: dict[str, str] = {}  # name after a prefix -> the same name after another one
    as_one: dict[str, str] = {}  # name -> the code it and another name of its project resolve to
    # 1. names that resolve in a reference codebook
    wanted: dict[tuple[str, str], set[str]] = {}  # (project, target id) -> ids resolving to it
    target_of: dict[tuple[str, str], tuple[str, str]] = {}  # (project, id) -> (target, book)
    for c in coders:
        for cid, name in used[c].items():
            if any(cid in b for b in refs) or (key[c], cid) in target_of:
                continue
            for b in refs:
                if len(shared := b.sharing(name)) > 1:
                    # a name several codes of the codebook share could mean either (s87 hunt37
                    # H2: Ann's "Staffing" became the first, Inpatient's, silently)
                    shared_name[name] = b.shared_name_said(name, shared) + b.told_apart(shared)
                    break
                found = b.find(name)
                if found is not None:
                    target_of[key[c], cid] = (found.id, b.id)
                    wanted.setdefault((key[c], found.id), set()).add(cid)
                    break
    books = {b.id: b for b in refs}
    # 1a. a name after a prefix that resolves, beside the same name after one that does not
    # ("PRO - Planning" and "CON - Planning", a team's enabler and barrier twins): neither
    for (project, cid), (target, book_id) in list(target_of.items()):
        name = names_of[project, cid]
        if not books[book_id].by_prefix(name) or (split := Codebook.prefix_split(name)) is None:
            continue
        twin = [
            other
            for (p, i), other in names_of.items()
            if p == project
            and (p, i) not in target_of
            and (o := Codebook.prefix_split(other)) is not None
            and normalise_name(o[1]) == normalise_name(split[1])
            and normalise_name(o[0]) != normalise_name(split[0])
            # a word, not a code written above the wrong one ("Readiness for Implementation -
            # Relative Priority" beside "Implementation Climate - Relative Priority")
            and books[book_id].find(o[0]) is None
        ]
        if twin:
            del target_of[project, cid]
            wanted[project, target].discard(cid)
            beside_twin[name] = twin[0]
    for (project, cid), (target, book_id) in target_of.items():
        shown = books[book_id][target]
        named = normalise_name(shown.name)
        exact = {
            i for i in wanted[project, target] if normalise_name(names_of[project, i]) == named
        }
        # a code named exactly as the codebook's code is it, beside one that resolves to it by
        # a prefix or an alias (s87 hunt37 M1: "Planning" beside "Pro: Planning" lost it)
        if exact and cid not in exact:
            held_already[names_of[project, cid]] = f"{book_id}'s {shown.id} {shown.name}"
            continue
        if not exact and (len(wanted[project, target]) > 1 or target in ids_of_project[project]):
            if len(wanted[project, target]) == 1:  # one code of the name, beside the code it names
                held_already[names_of[project, cid]] = f"{book_id}'s {shown.id} {shown.name}"
            elif len({normalise_name(names_of[project, i]) for i in wanted[project, target]}) > 1:
                as_one[names_of[project, cid]] = f"{book_id}'s {shown.id} {shown.name}"
            else:
                ambiguous.add(names_of[project, cid])
            continue
        for c in coders:
            if key[c] == project and cid in used[c]:
                rename[c][cid] = target
                resolved.setdefault(book_id, {}).setdefault(c, set()).add(used[c][cid])
    # 1b. a name after a prefix that is not its code's domain ("OS-Cost"): said, not matched
    misplaced: dict[str, str] = {}
    for c in coders:
        for cid, name in used[c].items():
            if (key[c], cid) in target_of or any(cid in b for b in refs):
                continue
            for b in refs:
                if (misnamed := b.unmatched_prefix(name)) is not None:
                    prefix, code = misnamed
                    misplaced[name] = f"{b.id}'s {code.id} {code.name} is not under {prefix!r}"
                    break
    # 2. names several projects gave codes that no reference codebook knows
    by_name: dict[str, dict[str, set[str]]] = {}  # name -> project -> ids
    first: dict[str, str] = {}  # name -> the first coder's id, and its spelling
    spelt: dict[str, str] = {}
    for c in coders:
        for cid, name in used[c].items():
            if cid in rename[c] or any(cid in b for b in refs):
                continue
            if (n := normalise_name(name)) and (key[c], cid) not in target_of:
                by_name.setdefault(n, {}).setdefault(key[c], set()).add(cid)
                first.setdefault(n, cid)
                spelt.setdefault(n, name)
    across: list[str] = []
    for n, projects in by_name.items():
        ids = [set(i) for i in projects.values()]
        if len(projects) < 2 or set.union(*ids) == set.intersection(*ids):
            continue  # one project, or every project has the same ids: nothing to match
        if any(len(ids) > 1 for ids in projects.values()):
            ambiguous.add(spelt[n])
            continue
        across.append(spelt[n])
        for c in coders:
            for cid in used[c]:
                if cid != first[n] and key[c] in projects and cid in projects[key[c]]:
                    rename[c][cid] = first[n]
    matched_across = {normalise_name(n) for n in across}
    out = {c: _renamed_codes(results[c], rename[c]) if rename[c] else results[c] for c in coders}
    prefixes_unread = None if refs else _prefixes_a_builtin_reads(results, used, rename, key)
    for c, book in borrowed.items():  # the codes it took, with the mapping of their codebook
        out[c] = dataclasses.replace(out[c], codebook=book)
    notes = [
        f"{coder}: {len(names)} code{'s' * (len(names) > 1)} matched by name to codebook "
        f"{book_id} (their ids differ): "
        + first_few([repr(x) for x in sorted(names, key=natural_key)], 3)
        for book_id, per in resolved.items()
        for coder, names in per.items()
    ]
    # the names said not matched, each with why, in the order the notes give them
    not_matched: list[tuple[str, dict[str, str], str]] = [
        (NOT_MATCHED_UNDER_PREFIX, misplaced, "{}"),
        (NOT_MATCHED_AS_SHARED, shared_name, "{}"),
        (NOT_MATCHED_BESIDE_TWIN, beside_twin, "beside {!r}"),
        (NOT_MATCHED_AS_ONE, as_one, "{}"),
        (NOT_MATCHED_AS_HELD, held_already, "{}"),
    ]
    for coder in dict.fromkeys(c for per in resolved.values() for c in per):
        # the codes of a coder whose others matched by name that matched none: a typo, or the
        # project's own (daily18, s86: "Leadership Engagment" was found only with --by code)
        alone = [
            name
            for cid, name in used[coder].items()
            if cid not in rename[coder]
            and not any(cid in b for b in refs)
            and normalise_name(name) not in matched_across
            and not any(name in noted for _, noted, _ in not_matched)
        ]
        if alone:
            notes.append(
                f"{coder}: {len(alone)} code{'s' * (len(alone) > 1)} matched no code by name "
                "(kept as the coder's own): "
                + first_few([repr(x) for x in sorted(alone, key=natural_key)], 5)
            )
    if across_books:
        notes.append(
            "codes of the different codebooks the codings carry matched by name (their ids "
            "differ): " + first_few(across_books, 4)
        )
    if across:
        notes.append(
            "codes of different projects matched by name (their ids differ): "
            + first_few([repr(x) for x in sorted(across, key=natural_key)], 4)
        )
    if ambiguous:
        notes.append(
            NOT_MATCHED_BY_NAME
            + first_few([repr(x) for x in sorted(ambiguous, key=natural_key)], 4)
        )
    for said, noted, why in not_matched:
        if noted:
            each = [f"{x!r} ({why.format(noted[x])})" for x in sorted(noted, key=natural_key)]
            notes.append(said + first_few(each, 4))
    if prefixes_unread is not None:
        notes.append(prefixes_unread)
    return out, notes


def _prefixes_a_builtin_reads(
    results: Mapping[str, CodingResult],
    used: Mapping[str, Mapping[str, str]],
    rename: Mapping[str, Mapping[str, str]],
    key: Mapping[str, str],
) -> str | None:
    """The note for codes no codebook matched whose names a built-in codebook reads after a
    prefix as the code another project's code is named ("Inner Setting - Available Resources"
    beside "Available Resources"), and the ``--codebook`` that matches them, else None.

    With no codebook at hand, roqa guesses none (a team's "Inner Setting - ..." may be its own
    code); but a codebook is named only where giving it does match each pair, as
    :func:`match_codes_by_name` in it is run to see (s87 hunt37 L2, two flat lists: kappa
    0.063, with ``--codebook cfir-2009`` 0.5, and nothing said)."""
    from .codebook import Codebook
    from .codebooks import BUILTIN

    left = {(c, cid): name for c in used for cid, name in used[c].items() if cid not in rename[c]}
    said: dict[str, dict[str, str]] = {}  # codebook -> name -> what it is there
    for book_id in BUILTIN:
        book = Codebook.load(book_id)
        pairs: dict[tuple[str, str], tuple[str, Code]] = {}  # (coder, id) -> (partner, code)
        for (c, cid), name in left.items():
            if not book.by_prefix(name) or (code := book.prefixed(name)) is None:
                continue
            partner = next(
                (
                    other
                    for (d, i), other in left.items()
                    if key[d] != key[c] and getattr(book.find(other), "id", None) == code.id
                ),
                None,
            )
            if partner is not None:
                pairs[c, cid] = (partner, code)
        if not pairs:
            continue
        matched, _ = match_codes_by_name(results, book)
        ids = {
            c: {g.code_id for s in r.segments for g in s.suggestions} for c, r in matched.items()
        }
        said[book_id] = {
            left[c, cid]: f"{book_id}'s {code.id} {code.name}, as {partner!r} is"
            for (c, cid), (partner, code) in pairs.items()
            if code.id in ids[c] and cid not in ids[c]
        }
    said = {b: names for b, names in said.items() if names}
    if not said:
        return None
    most = max(len(names) for names in said.values())
    books = [b for b, names in said.items() if len(names) == most]
    names = said[books[0]]
    others = [b for b in books[1:] if set(said[b]) == set(names)]
    each = [f"{x!r} ({names[x]})" for x in sorted(names, key=natural_key)]
    return (
        NOT_MATCHED_NO_CODEBOOK
        + first_few(each, 4)
        + f"; they look like codebook {books[0]}'s names after a prefix: --codebook {books[0]}"
        + "".join(f" (or {b})" for b in others)
        + f" matches {'them' if len(names) > 1 else 'it'}"
    )


def _renamed_between_codebooks(
    results: Mapping[str, CodingResult], used: Mapping[str, Mapping[str, str]]
) -> tuple[dict[str, dict[str, str]], list[str], dict[str, Codebook]]:
    """Coder -> code id -> the id it takes, for codes of different codebooks the codings
    record and carry (:func:`~roqa_nlp.crosswalk.own_codebook`: a researcher's own codebook,
    v1 and v2) that carry one name (compared as :func:`~roqa_nlp.codebook.normalise_name`
    does) under different ids; the matches shown (``'COVID disruption' (own-v2 COVID =
    own-v1+project project.covid-disruption)``); and coder -> their codebook with the codes
    they took from another (:func:`_with_codes_of`), so that a code translates through the
    mapping of the codebook its id is of, whichever coder holds it.

    A code renamed between versions (a review's new code ``project.covid-disruption`` made
    ``COVID`` in v2) was two codes, one per coder, that could never agree (kappa 0.667 for
    1.0: re-test, session 47). Every codebook's code takes one id, whatever the coders'
    order: an id its codebook maps onto another codebook, else a project's new code's
    (``project.``, kept as it is in any codebook), else the first in natural order; so with
    --codebook both sides translate as v2 maps COVID (taking the first coder's id, v1's
    review's new code kept no mapping in one order and the other order translated one side
    only: kappa 0.759 and 0.312, re-test, session 47). Ids decide
    where they can: a name two codes of one codebook carry, or an id another of the
    codebooks gives another code, is not matched. ``used``: coder -> the code ids they
    applied -> names."""
    from .codebook import normalise_name
    from .crosswalk import own_codebook
    from .decisions import PROJECT_PREFIX

    books = {c: b for c in results if (b := own_codebook(results[c])) is not None}
    distinct = {(b.id, b.hash): b for b in books.values()}
    rename: dict[str, dict[str, str]] = {c: {} for c in results}
    if len(distinct) < 2:
        return rename, [], {}
    named: dict[str, dict[tuple[str, str], list[str]]] = {}  # name -> codebook -> ids
    for k, book in distinct.items():
        for code in book.codes:
            named.setdefault(normalise_name(code.name), {}).setdefault(k, []).append(code.id)
    takes: dict[tuple[str, str], dict[str, tuple[str, tuple[str, str]]]] = {}
    for per in named.values():
        ids = {k: v[0] for k, v in per.items()}
        if len(per) < 2 or any(len(v) != 1 for v in per.values()) or len(set(ids.values())) < 2:
            continue
        if any(i in distinct[j] for k, i in ids.items() for j in distinct if ids.get(j) != i):
            continue  # an id another codebook gives another code: ids decide
        target, home = min(
            ((i, k) for k, i in ids.items()),
            key=lambda x: (
                not any(x[0] in walk for walk in distinct[x[1]].mapping.values()),
                not x[0].startswith(PROJECT_PREFIX),
                natural_key(x[0]),
                x[1],
            ),
        )
        for k, i in ids.items():
            if i != target:
                takes.setdefault(k, {})[i] = (target, home)
    shown: dict[str, str] = {}
    borrowed: dict[str, Codebook] = {}
    for coder, book in books.items():
        for cid, (target, home) in takes.get((book.id, book.hash), {}).items():
            if cid not in used[coder]:
                continue
            rename[coder][cid] = target
            source = distinct[home]
            shown.setdefault(
                f"{book.id}:{cid}",
                f"{book[cid].name!r} ({source.id} {target} = {book.id} {cid})",
            )
        mine = takes.get((book.id, book.hash), {})
        if taken := [distinct[mine[cid][1]] for cid in rename[coder]]:
            borrowed[coder] = _with_codes_of(book, list(rename[coder].values()), taken)
    return rename, sorted(shown.values(), key=natural_key), borrowed


def _with_codes_of(book: Codebook, ids: list[str], others: list[Codebook]) -> Codebook:
    """``book`` with the codes ``ids`` of ``others`` it lacks, each with its mapping (a code
    of its hierarchy it lacks the parent of is put at the top)."""
    codes = list(book.codes)
    mapping = {k: dict(v) for k, v in book.mapping.items()}
    have = {c.id for c in codes}
    for other in others:
        for cid in ids:
            if cid in have or cid not in other:
                continue
            code = other[cid]
            if code.parent is not None and code.parent not in have:
                code = dataclasses.replace(code, parent=None)
            codes.append(code)
            have.add(cid)
            for target, walk in other.mapping.items():
                if cid in walk:
                    mapping.setdefault(target, {})[cid] = list(walk[cid])
    return dataclasses.replace(book, codes=codes, mapping=mapping)


def _renamed_codes(result: CodingResult, rename: Mapping[str, str]) -> CodingResult:
    """A copy of ``result`` whose suggestions' code ids are renamed (a code applied twice to a
    segment once renamed is kept once)."""
    segments = []
    for s in result.segments:
        seen: set[str] = set()
        suggestions = []
        for g in s.suggestions:
            g = dataclasses.replace(g, code_id=rename.get(g.code_id, g.code_id))
            if g.code_id not in seen:
                seen.add(g.code_id)
                suggestions.append(g)
        segments.append(dataclasses.replace(s, suggestions=suggestions))
    # in the codebook the codings carry, theirs
    return result.with_segments(segments, meta=result.meta)


def composed_copies(
    results: Mapping[str, CodingResult],
    models: Collection[str] = (),
    maps: dict[str, dict[str, ComposedPositions]] | None = None,
) -> tuple[dict[str, CodingResult], dict[str, list[tuple[str, str]]]]:
    """``results`` with each coder's transcript text that is another coder's but for its
    Unicode form (accents decomposed, NFD, as a QDA program on macOS may store them, beside
    composed ones, NFC) put on the composed text, their selections' positions mapped onto it
    exactly (:func:`~roqa_nlp.composed_texts.composed_result`); and, for each coder whose
    texts were so mapped, ``(transcript, the coder holding it composed)`` for each, a person
    named before a model (``""`` when no coder holds it composed: two other forms). Copies
    that are already the same words at the same offsets as given (:func:`_first_word_change`:
    two decomposed copies, one with a final newline more) are kept as they are, their positions
    those of the coders' programs. Texts that differ in anything else (a word, a line;
    whitespace that moves no word aside) are kept as they are, for the check that refuses them (daily26, session 89: a Mac coder and a Windows coder's projects
    were refused, with a fix only a model's run could take). ``maps``, when given, gets the
    maps made, coder -> transcript -> :class:`~roqa_nlp.composed_texts.ComposedPositions`."""
    from .composed_texts import composed_result

    out = dict(results)
    mapped: dict[str, list[tuple[str, str]]] = {}
    held: dict[str, dict[str, str]] = {}  # transcript -> coder -> text
    for c, res in results.items():
        for tid, t in res.transcripts.items():
            held.setdefault(tid, {})[c] = t.text
    to_compose: dict[str, list[tuple[str, str]]] = {}
    for tid, texts in held.items():
        as_given = next(iter(texts.values()))
        if all(unicodedata.is_normalized("NFC", x) for x in texts.values()) or all(
            _first_word_change(as_given, x) is None for x in texts.values()
        ):
            # no other form, or the copies as given are already the same words at the same
            # offsets (two decomposed copies, one with a final newline more): nothing to map,
            # and no coder's positions moved (hunt51 F1, session 89: they were composed and
            # each coder told the others held "another form")
            continue
        composed = {c: unicodedata.normalize("NFC", x) for c, x in texts.items()}
        first = next(iter(composed.values()))
        if any(_first_word_change(first, x) is not None for x in composed.values()):
            continue  # other words: refused as before
        # the coder it is compared with: one holding it composed, a person first
        whole = [c for c, x in texts.items() if unicodedata.is_normalized("NFC", x)]
        for c, x in texts.items():
            if unicodedata.is_normalized("NFC", x):
                continue
            others = sorted((o for o in whole if o != c), key=lambda o: o in models)
            to_compose.setdefault(c, []).append((tid, others[0] if others else ""))
    for c, found in to_compose.items():
        made: dict[str, ComposedPositions] = {}
        composed_res = composed_result(results[c], [tid for tid, _ in found], made)
        if composed_res is not None:
            out[c] = composed_res
            mapped[c] = found
            if maps is not None:
                maps[c] = made
    return out, mapped


def _composed_coverage(
    ranges: Mapping[str, Sequence[tuple[int, int]]],
    maps: Mapping[str, ComposedPositions],
) -> dict[str, list[tuple[int, int]]]:
    """A coder's ``coverage`` ranges (transcript -> character ranges of the coder's texts)
    with those of the transcripts of ``maps`` mapped onto their composed texts, as
    :func:`composed_copies` mapped the coder's selections (with those maps)."""
    out = {tid: list(r) for tid, r in ranges.items()}
    for tid, m in maps.items():
        if tid not in out:
            continue
        last = len(m.starts) - 1
        out[tid] = [
            (m.starts[min(max(lo, 0), last)], m.ends[min(max(hi, 0), last)]) for lo, hi in out[tid]
        ]
    return out


def composed_copies_said(coder: str, found: Sequence[tuple[str, str]]) -> str:
    """The warning that ``coder``'s texts of transcripts ``found`` (with the coder each is
    compared with, :func:`composed_copies`) were decomposed and are read composed."""
    tids = and_list([quoted(t) for t, _ in found])
    beside = list(dict.fromkeys(o for _, o in found if o))
    s = "s" * (len(found) > 1)
    where = (
        f"{and_list([repr(o) for o in beside])} {'has' if len(beside) == 1 else 'have'} "
        f"{'them' if s else 'it'} composed (NFC)"
        if beside
        else "the others have it in another form"  # no coder holds it composed
    )
    return (
        f"coder {coder!r} has transcript{s} {tids} with {'their' if s else 'its'} accents "
        f"decomposed (Unicode NFD, as a program on macOS may store them), where {where}: the "
        f"same text, so {coder}'s selections are compared on the composed text, each start and "
        "end mapped onto it (one inside a letter's accents taking in the whole letter)"
    )


def _texts_differ(
    tid: str, a: str, text_a: str, b: str, text_b: str, *, at: int | None = None
) -> RoqaError:
    """The one-line error for two coders' different texts of one transcript: character spans
    of one text are other words in the other (a header line added, a pseudonymised copy).
    ``at``: where they differ in a way that matters (default: their first different
    character)."""
    if unicodedata.normalize("NFC", text_a) == unicodedata.normalize("NFC", text_b):
        # canonically one text: a QDA program on macOS may store accents decomposed (s62)
        composed = len(unicodedata.normalize("NFC", text_a))
        apart = [
            f"{who!r} has it with its accents decomposed (NFD: {len(t)} characters, "
            f"{composed} composed)"
            for who, t in ((a, text_a), (b, text_b))
            if not unicodedata.is_normalized("NFC", t)
        ]
        return RoqaError(
            f"transcript {quoted(tid)} is the same text for {a!r} and {b!r} but in two Unicode "
            f"forms: {' and '.join(apart)}, so their selections' character positions differ "
            "and cannot be compared",
            hint="compare codings made on one copy of the text: those one roqa import wrote (its "
            "roqa_nlp_* folder and each coder's), or run roqa code again on the transcripts that "
            "import wrote; for two people's projects, save the text composed (NFC) in one "
            "program and export it again",
        )
    decomposed = [
        who for who, t in ((a, text_a), (b, text_b)) if not unicodedata.is_normalized("NFC", t)
    ]
    if decomposed:
        # other words besides the Unicode form: where they differ once both are composed, as
        # roqa reads them (before: the first accent, where the form alone differs)
        one, two = (unicodedata.normalize("NFC", t) for t in (text_a, text_b))
        at = _first_word_change(one, two)
        if at is None:  # whitespace alone besides the form: the first such
            at = _first_difference(one, two)
        return RoqaError(
            f"transcript {quoted(tid)} is not the same text for {a!r} ({len(one)} characters "
            f"composed) and {b!r} ({len(two)}; they differ from character {at} of the composed "
            f"text; {and_list([repr(w) for w in decomposed])} "
            f"{'has its' if len(decomposed) == 1 else 'have their'} accents decomposed too, NFD, "
            "which alone roqa would map), so their selections cannot be compared",
            hint=SAME_TEXT_HINT,
        )
    if at is None:
        at = _first_difference(text_a, text_b)
    return RoqaError(
        f"transcript {quoted(tid)} is not the same text for {a!r} ({len(text_a)} characters) and "
        f"{b!r} ({len(text_b)}; they differ from character {at}), so their selections cannot "
        "be compared",
        hint=SAME_TEXT_HINT,
    )


def _first_difference(text_a: str, text_b: str) -> int:
    """The first character where ``text_a`` and ``text_b`` differ (the shorter's length when
    one begins the other)."""
    import os

    return len(os.path.commonprefix([text_a, text_b]))


#: How two coders come to have coded one text of a transcript.
SAME_TEXT_HINT = (
    "have every coder code the same text of it: the same pseudonymised copy, or the same "
    "corrected transcript"
)


def merge_coded_units(parts: Sequence[CodedUnits]) -> CodedUnits:
    """Put several inputs' coders side by side; units are matched by id."""
    if len(parts) == 1:
        return parts[0]
    coders: list[str] = []
    for p in parts:
        for c in p.coders:
            if c in coders:
                raise RoqaError(
                    f"two inputs both have a coder named {c!r}",
                    hint="rename one (a coder's name is the person its run.json records, else "
                    "its folder or file name)",
                )
            coders.append(c)
    units: dict[str, Unit] = {}
    for p in parts:
        for u in p.units:
            # a long CSV's unit knows no transcript; a result's segment of that id does
            if u.id not in units or (u.transcript and not units[u.id].transcript):
                units[u.id] = u
    kinds = {p.unit_kind for p in parts}
    return CodedUnits(
        coders=coders,
        units=list(units.values()),
        codings={c: dict(p.codings[c]) for p in parts for c in p.coders},
        code_names={k: v for p in parts for k, v in p.code_names.items()},
        models=[m for p in parts for m in p.models],
        unit_kind=kinds.pop() if len(kinds) == 1 else "mixed",
        valences={c: dict(p.valences.get(c, {})) for p in parts for c in p.coders},
        no_valence={c: why for p in parts for c, why in p.no_valence.items()},
        placed={c: t for p in parts for c, t in p.placed.items()},
        judged_on_segments=[c for p in parts for c in p.judged_on_segments],
        rolled_up={c: k for p in parts for c, k in p.rolled_up.items()},
        unselected=next((p.unselected for p in parts if p.unselected[0]), (0, 0)),
    )


# -- figures -------------------------------------------------------------------------------------


@dataclass
class Figures:
    """Agreement figures over one set of units; ``ci`` maps a statistic to [low, high].

    ``n_units`` counts the units compared (two or more coders coded them); ``n_with_code`` those
    of them where some coder applied the code (pooled figures: any code; ``None`` for the
    single-code view: units where some coder applied a code). For bootstrap intervals,
    ``n_valid`` gives how many resamples left each statistic defined (the interval is over
    those). ``ci_withheld`` names the statistics whose interval these data cannot give, and
    ``ci_withheld_why`` says why, one of :data:`~roqa_nlp.agreement.CI_WITHHELD_REASONS`;
    their ``ci`` is ``[nan, nan]`` (``null`` in the JSON).
    """

    n_units: int
    percent_agreement: float
    kappa: float
    alpha: float
    ac1: float
    kappa_method: str = "cohen"
    ci: dict[str, list[float]] = field(default_factory=dict)
    n_with_code: int | None = None
    n_valid: dict[str, int] = field(default_factory=dict)
    ci_withheld: list[str] = field(default_factory=list)
    ci_withheld_why: dict[str, str] = field(default_factory=dict)
    #: why each undefined statistic (nan, ``null`` in the JSON) is undefined, one of
    #: :data:`UNDEFINED_REASONS`
    undefined_why: dict[str, str] = field(default_factory=dict)


#: Why a figure is undefined: ``no_units`` (no unit two coders coded), ``no_code`` (units two
#: coders coded, but no coder applied any code there: no unit-code decision to compare) and
#: ``one_category`` (every compared value is the same, e.g. every coder applied the code to
#: every unit: the chance agreement of kappa and alpha is 1).
UNDEFINED_REASONS: tuple[str, ...] = ("no_units", "no_code", "one_category")


def _set_undefined(fig: Any, no_values: str | None) -> None:
    """Record in ``fig.undefined_why`` why each of its undefined statistics is undefined:
    ``no_values`` (``no_units``, ``no_code``) when nothing was compared, else
    ``one_category``."""
    for k in STATISTICS:
        if not math.isfinite(getattr(fig, k)):
            fig.undefined_why[k] = no_values or "one_category"


# An interval is withheld (none shown, ``null`` in the JSON) by the one decision the library's
# intervals take too (agreement.why_withheld): CI_MIN_UNITS, CI_MIN_VALID_SHARE and
# CI_WITHHELD_REASONS live there.


# Columns of the per-(unit, code) sufficient sums of a binary presence matrix:
# A agreeing-pair share, D pairable decisions, O11/O00/O01 coincidences, P sum of s/m,
# E decisions with a value; then T11, T10, T01, T00 for every coder pair.
_A, _D, _O11, _O00, _O01, _P, _E = range(7)
_BASE = 7


def _decision_sums(x: np.ndarray) -> np.ndarray:
    """units x codes x K sufficient sums of the coders x units x codes presence array ``x``.

    Every statistic of the binary view is a ratio of sums of these over decisions, which is what
    lets the bootstrap resample units with one matrix product (and is checked against
    :mod:`roqa_nlp.agreement` in the tests).
    """
    obs = ~np.isnan(x)
    m = obs.sum(axis=0).astype(float)
    s = np.where(obs, x, 0.0).sum(axis=0)
    two = m >= 2
    one = m >= 1
    den = np.where(two, m * (m - 1.0), 1.0)
    dm1 = np.where(two, m - 1.0, 1.0)
    n_pairs = len(x) * (len(x) - 1) // 2
    out = np.zeros((*m.shape, _BASE + 4 * n_pairs))
    out[..., _A] = np.where(two, (s * (s - 1.0) + (m - s) * (m - s - 1.0)) / den, 0.0)
    out[..., _D] = two
    out[..., _O11] = np.where(two, s * (s - 1.0) / dm1, 0.0)
    out[..., _O00] = np.where(two, (m - s) * (m - s - 1.0) / dm1, 0.0)
    out[..., _O01] = np.where(two, s * (m - s) / dm1, 0.0)
    out[..., _P] = np.where(one, s / np.where(one, m, 1.0), 0.0)
    out[..., _E] = one
    for k, (i, j) in enumerate(itertools.combinations(range(len(x)), 2)):
        both = obs[i] & obs[j]
        a, b = np.where(both, x[i], -1.0), np.where(both, x[j], -1.0)
        col = _BASE + 4 * k
        out[..., col] = (a == 1) & (b == 1)
        out[..., col + 1] = (a == 1) & (b == 0)
        out[..., col + 2] = (a == 0) & (b == 1)
        out[..., col + 3] = (a == 0) & (b == 0)
    return out


def _stats_from_sums(t: np.ndarray) -> dict[str, np.ndarray]:
    """Percent agreement, kappa (Cohen / Light), alpha and AC1 from summed sufficient sums.

    ``t`` is (..., K); every formula is the one of :mod:`roqa_nlp.agreement` for two categories.
    Undefined values come out as NaN (no warnings).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        d = t[..., _D]
        pa = np.where(d > 0, t[..., _A] / d, np.nan)
        o01 = t[..., _O01]
        n1 = t[..., _O11] + o01
        n0 = t[..., _O00] + o01
        n = n0 + n1
        alpha = np.where(n0 * n1 > 0, 1.0 - (n - 1.0) * o01 / (n0 * n1), np.nan)
        e = t[..., _E]
        pi1 = np.where(e > 0, t[..., _P] / e, np.nan)
        pe = 2.0 * pi1 * (1.0 - pi1)
        ac1 = np.where(d > 0, (pa - pe) / (1.0 - pe), np.nan)
        n_pairs = (t.shape[-1] - _BASE) // 4
        kappas = []
        for k in range(n_pairs):
            c = _BASE + 4 * k
            t11, t10, t01, t00 = t[..., c], t[..., c + 1], t[..., c + 2], t[..., c + 3]
            tot = t11 + t10 + t01 + t00
            po = (t11 + t00) / tot
            pa1 = (t11 + t10) / tot
            pb1 = (t11 + t01) / tot
            pek = pa1 * pb1 + (1.0 - pa1) * (1.0 - pb1)
            ok = (tot > 0) & (1.0 - pek > 1e-12)
            kappas.append(np.where(ok, (po - pek) / (1.0 - pek), np.nan))
        stacked = np.stack(kappas)
        finite = np.isfinite(stacked)
        count = finite.sum(axis=0)
        # added in one order whatever the order of the coders (:func:`_mean_of`)
        kappa = np.where(
            count > 0, np.sort(np.where(finite, stacked, 0.0), axis=0).sum(axis=0) / count, np.nan
        )
    return {"percent_agreement": pa, "kappa": kappa, "alpha": alpha, "ac1": ac1}


def _draw_weights(n_units: int, n_boot: int, seed: int) -> Iterable[np.ndarray]:
    """Unit multiplicities of each bootstrap resample (the draws of ``bootstrap_ci``)."""
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, n_units, size=(n_boot, n_units))
    for start in range(0, n_boot, _CHUNK):
        block = draws[start : start + _CHUNK]
        flat = (np.arange(len(block))[:, None] * n_units + block).ravel()
        yield np.bincount(flat, minlength=len(block) * n_units).reshape(len(block), n_units)


def _figures(
    sums: np.ndarray, n_coders: int, *, n_boot: int, ci_level: float, seed: int
) -> list[Figures]:
    """Figures for each column block of ``sums`` (units x blocks x K, its units those two or
    more coders coded), with bootstrap CIs. ``n_units`` counts those units, whether or not a
    code gives them a decision: with no code applied anywhere there is none, and the units are
    still compared (the figures are undefined, ``no_code``). It counted the units with a
    decision, 0 there, beside the one-code line's n=6 (re-tester, session 50)."""
    n_units, n_blocks, width = sums.shape
    point = _stats_from_sums(sums.sum(axis=0))
    pairable = (sums[..., _D] > 0).sum(axis=0)
    # _P sums each unit's share of coders applying the code: > 0 when someone applied it
    with_code = ((sums[..., _D] > 0) & (sums[..., _P] > 0)).sum(axis=0)
    method = "cohen" if n_coders == 2 else "light"
    out = [
        Figures(
            n_units=n_units,
            percent_agreement=float(point["percent_agreement"][b]),
            kappa=float(point["kappa"][b]),
            alpha=float(point["alpha"][b]),
            ac1=float(point["ac1"][b]),
            kappa_method=method,
            n_with_code=int(with_code[b]),
        )
        for b in range(n_blocks)
    ]
    for b, fig in enumerate(out):
        # units two coders coded but no decision: the codes pooled over are none
        nothing = None if pairable[b] else ("no_code" if n_units else "no_units")
        _set_undefined(fig, nothing)
    if n_boot <= 0 or n_units == 0:
        return out
    flat = sums.reshape(n_units, n_blocks * width)
    reps: dict[str, list[np.ndarray]] = {k: [] for k in STATISTICS}
    for w in _draw_weights(n_units, n_boot, seed):
        stats = _stats_from_sums((w @ flat).reshape(len(w), n_blocks, width))
        for k in STATISTICS:
            reps[k].append(stats[k])
    values = {k: np.concatenate(reps[k], axis=0) for k in STATISTICS}
    for b in range(n_blocks):
        _set_intervals(
            out[b],
            {k: v[:, b] for k, v in values.items()},
            n_carrying=int(with_code[b]),
            n_boot=n_boot,
            ci_level=ci_level,
        )
    return out


def _check_ci_level(ci_level: float) -> None:
    """Refuse a ``ci_level`` not between 0 and 1, in ``roqa agree``'s words
    (:func:`~roqa_nlp.agreement.check_resampling`)."""
    from .agreement import check_resampling

    check_resampling(ci_level=ci_level)


def _set_intervals(
    fig: Figures | ValenceAgreement | ValencePair,
    values: Mapping[str, np.ndarray],
    *,
    n_carrying: int,
    n_boot: int,
    ci_level: float,
) -> None:
    """Set ``fig``'s percentile intervals (``ci``, ``n_valid``, ``ci_withheld``) from each
    statistic's ``n_boot`` resampled ``values``: the ``(1 - ci_level) / 2`` and
    ``(1 + ci_level) / 2`` quantiles of those that are defined, as
    :func:`roqa_nlp.agreement.bootstrap_ci` takes them; withheld (``[nan, nan]``, the reason in
    ``ci_withheld_why``) as :func:`roqa_nlp.agreement.why_withheld` decides: when fewer than
    ``CI_MIN_UNITS`` units carry what is compared (``n_carrying``), fewer than
    ``CI_MIN_VALID_SHARE`` of the resamples left the statistic defined, or the interval has
    zero width."""
    tail = (1.0 - ci_level) / 2.0
    for k in STATISTICS:
        v = values[k][np.isfinite(values[k])]
        fig.n_valid[k] = int(v.size)
        ci = [math.nan, math.nan]
        if v.size:
            lo, hi = np.quantile(v, [tail, 1.0 - tail])
            ci = [float(lo), float(hi)]
        why = why_withheld(
            n_carrying,
            n_valid=v.size,
            n_boot=n_boot,
            width=ci[1] - ci[0],
            estimate=getattr(fig, k),
        )
        if why is None:
            fig.ci[k] = ci
            continue
        fig.ci[k] = [math.nan, math.nan]
        fig.ci_withheld.append(k)
        fig.ci_withheld_why[k] = why


def _cluster_resamples(
    x: np.ndarray,
    unit_of: np.ndarray,
    categories: Sequence[Any],
    *,
    n_boot: int,
    seed: int,
) -> dict[str, np.ndarray]:
    """Each statistic of :func:`_categorical_figures` over ``n_boot`` resamples of the units of
    ``x``'s columns (coders x items), ``unit_of[j]`` the unit (0, 1, ...) of column ``j``: the
    units are drawn with replacement (:func:`_draw_weights`, the draws of ``bootstrap_ci``), and
    a unit drawn k times brings every one of its columns k times (a cluster bootstrap: a unit's
    items are not independent, so they are resampled together; Field & Welsh 2007). Each block
    of resamples is figured at once (:func:`_resampled_statistics`)."""
    n_units = int(unit_of.max()) + 1
    found: dict[str, list[np.ndarray]] = {k: [] for k in STATISTICS}
    for block in _draw_weights(n_units, n_boot, seed):
        stats = _resampled_statistics(x, categories, block[:, unit_of])
        for k in STATISTICS:
            found[k].append(stats[k])
    return {k: np.concatenate(v) for k, v in found.items()}


def _resampled_statistics(
    x: np.ndarray, categories: Sequence[Any], weights: np.ndarray
) -> dict[str, np.ndarray]:
    """The figures of :func:`_categorical_figures` (nominal) of each resample of ``x``'s columns
    (coders x items, each value one of ``categories``, NaN: none), column ``j`` taken
    ``weights[b, j]`` times in resample ``b``: one array over the resamples per statistic.

    Each figure is a ratio of sums over the columns (Cohen's kappa of a pair: its contingency
    table's margins and diagonal; alpha: the coincidences' margins and diagonal; percent
    agreement and AC1: each unit's share of agreeing pairs, AC1's category shares), so one
    matrix product of ``weights`` gives them for every resample; the formulas are those of
    :mod:`roqa_nlp.agreement`, to 1e-12 (the sums are added in another order). It figured each
    resample's columns on their own, 24,000 Cohen's kappas for 12 units of three coders
    (session 74).
    """
    n_coders, n_items = x.shape
    w = np.asarray(weights, dtype=float)
    present = ~np.isnan(x)
    values = np.unique(x[present])
    codes = np.full(x.shape, -1, dtype=np.int64)
    codes[present] = np.searchsorted(values, x[present])
    q = len(values)
    # r[j, k]: how many coders put column j in category k (the units x categories counts)
    r = np.zeros((n_items, max(q, 1)))
    for i in range(n_coders):
        ok = codes[i] >= 0
        np.add.at(r, (np.flatnonzero(ok), codes[i][ok]), 1.0)
    m = r.sum(axis=1)
    two = m >= 2
    one = m >= 1
    same_pairs = (r * (r - 1.0)).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        n_two = w @ two.astype(float)
        pa = (w @ np.where(two, same_pairs / np.where(two, m * (m - 1.0), 1.0), 0.0)) / n_two
        pa = np.where(n_two > 0, pa, np.nan)
        # alpha (nominal): n_c the pairable values of c, the diagonal of the coincidences
        n_c = w @ (r * two[:, None])
        n = n_c.sum(axis=1)
        diagonal = w @ np.where(two, same_pairs / np.where(two, m - 1.0, 1.0), 0.0)
        expected = n * n - (n_c * n_c).sum(axis=1)
        alpha = np.where(
            expected > _DEGENERATE, 1.0 - (n - 1.0) * (n - diagonal) / expected, np.nan
        )
        # AC1: q counts the categories given (Gwet 2008), pi over the units with a value
        n_one = w @ one.astype(float)
        pi = (w @ (r / np.where(one, m, 1.0)[:, None])) / n_one[:, None]
        n_cat = len(categories)
        pe = (
            n_cat * (pi * (1.0 - pi)).sum(axis=1) / (n_cat * (n_cat - 1.0))
            if n_cat >= 2
            else np.zeros(len(w))
        )
        ac1 = np.where(1.0 - pe > _DEGENERATE, (pa - pe) / (1.0 - pe), np.nan)
        kappa = _resampled_light_kappa(codes, q, w)
    return {"percent_agreement": pa, "kappa": kappa, "alpha": alpha, "ac1": ac1}


def _resampled_light_kappa(codes: np.ndarray, q: int, w: np.ndarray) -> np.ndarray:
    """Light's kappa (Cohen's, of two coders) of each resample (rows of ``w``, the columns'
    multiplicities) of the coders x items category indices ``codes`` (-1: none): each pair's
    Cohen's kappa from its resampled table's margins and diagonal, the pairs' mean added in one
    order (:func:`_mean_of`). A pair's table is the same whichever of its coders comes first."""
    eye = np.eye(max(q, 1))
    kappas = []
    with np.errstate(divide="ignore", invalid="ignore"):
        for a, b in itertools.combinations(range(len(codes)), 2):
            both = (codes[a] >= 0) & (codes[b] >= 0)
            n = w @ both.astype(float)
            rows = w @ (eye[codes[a]] * both[:, None])
            cols = w @ (eye[codes[b]] * both[:, None])
            po = (w @ (both & (codes[a] == codes[b])).astype(float)) / n
            pe = ((rows / n[:, None]) * (cols / n[:, None])).sum(axis=1)
            ok = (n > 0) & (1.0 - pe > _DEGENERATE)
            kappas.append(np.where(ok, (po - pe) / (1.0 - pe), np.nan))
    stacked = np.stack(kappas)
    finite = np.isfinite(stacked)
    count = finite.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(
            count > 0, np.sort(np.where(finite, stacked, 0.0), axis=0).sum(axis=0) / count, np.nan
        )


class _Statistics(NamedTuple):
    """The four figures of one set of units, in the order of :data:`STATISTICS`."""

    percent_agreement: float
    kappa: float
    alpha: float
    ac1: float


def _categorical_figures(
    x: np.ndarray, categories: Sequence[Any], *, level: str = "nominal"
) -> _Statistics:
    """Percent agreement, kappa, alpha and AC1 of the coders x units values ``x`` (NaN: the
    coder gave the unit no value), each unit's value one category of ``categories``.

    Kappa is Cohen's (1960) for two coders, else Light's (1971), the mean of the pairwise
    Cohen's kappas, a pair whose kappa is undefined left out of the mean; alpha is
    Krippendorff's (2011) at ``level``; AC1's q counts ``categories`` (Gwet 2008), which the
    caller gives: the single-code view the values the coders used, valence the three valences.
    Each is the function of :mod:`roqa_nlp.agreement`, checked there against the published
    worked examples. Undefined values are NaN.
    """
    if x.shape[1] == 0:  # e.g. no unit anyone coded: undefined (the functions refuse no units)
        return _Statistics(math.nan, math.nan, math.nan, math.nan)
    return _Statistics(
        percent_agreement=percent_agreement(x),
        kappa=_light_kappa(x),
        alpha=krippendorff_alpha(x, level=level),  # type: ignore[arg-type]
        ac1=gwet_ac1(x, categories=categories),
    )


@dataclass
class CodeAgreement:
    """One code's presence/absence agreement over all units and over coded units."""

    code: str
    name: str
    units_coded: dict[str, int]  # coder -> compared units that coder coded with this code
    all: Figures
    coded: Figures


@dataclass
class PairAgreement:
    """Pooled agreement of two coders (human or model) over all and over coded units."""

    coder_a: str
    coder_b: str
    kind: str  # "human-human", "model-human" or "model-model"
    all: Figures
    coded: Figures


@dataclass
class ValencePair:
    """Two coders' valence agreement over the (unit, code) pairs both applied and gave a valence;
    ``table[a_valence][b_valence]`` counts them."""

    coder_a: str
    coder_b: str
    n_pairs: int
    percent_agreement: float
    kappa: float
    alpha: float
    ac1: float
    table: dict[str, dict[str, int]] = field(default_factory=dict)
    #: units holding those pairs, and bootstrap intervals over them, as in ValenceAgreement
    n_units: int = 0
    ci: dict[str, list[float]] = field(default_factory=dict)
    n_valid: dict[str, int] = field(default_factory=dict)
    ci_withheld: list[str] = field(default_factory=list)
    ci_withheld_why: dict[str, str] = field(default_factory=dict)
    undefined_why: dict[str, str] = field(default_factory=dict)  # as in Figures
    #: the coder of the two whose codings are a review (``roqa apply-decisions``) of the other's,
    #: a model's, suggestions, and who kept its valence on ``kept`` coded segments (not counted
    #: as theirs): the pair's valences are then only those the review set, mostly corrections,
    #: so agreement over them is low by construction and ``roqa agree`` reports the changes
    #: (:attr:`changed`) instead; empty otherwise
    reviewed_by: str = ""
    kept: int = 0
    #: the (unit, code) pairs both coders applied that are left out of the pair's figures as
    #: one of the two gave the code no valence there (or gave it two), as
    #: :attr:`ValenceAgreement.n_without_valence` counts them for two coders
    n_without_valence: int = 0

    @property
    def changed(self) -> int:
        """The pairs whose two valences differ (off the table's diagonal)."""
        return sum(n for a, row in self.table.items() for b, n in row.items() if a != b)


@dataclass
class ValenceAgreement:
    """Agreement on the valence (barrier, enabler, neutral) of the codes coders both applied.

    The items are (unit, code) pairs: a code two or more of ``coders`` applied to one compared
    unit, each of them giving it a valence (a coder who did not apply the code there is missing
    for it). ``n_pairs`` counts them; ``n_without_valence`` the pairs two or more coders applied
    that are left out because fewer than two of them gave the code a valence there (each of
    ``pairs`` counts those left out of its own figures). Kappa is
    Cohen's (two coders) or Light's (the mean of the pairwise ones); alpha is nominal; AC1's q
    is the three valences.

    ``ci`` maps a statistic to its percentile bootstrap interval over the ``n_units`` units
    holding the pairs: units are resampled, each with all of its pairs (not pairs one by one:
    one unit's pairs are one coder's reading of one passage); ``n_valid`` and ``ci_withheld``
    as in :class:`Figures`, with the units holding pairs for the units carrying the code.
    """

    coders: list[str]
    n_pairs: int
    n_without_valence: int
    percent_agreement: float
    kappa: float
    alpha: float
    ac1: float
    kappa_method: str
    pairs: list[ValencePair] = field(default_factory=list)
    n_units: int = 0
    ci: dict[str, list[float]] = field(default_factory=dict)
    n_valid: dict[str, int] = field(default_factory=dict)
    ci_withheld: list[str] = field(default_factory=list)
    ci_withheld_why: dict[str, str] = field(default_factory=dict)
    undefined_why: dict[str, str] = field(default_factory=dict)  # as in Figures


def valence_agreement(
    cu: CodedUnits,
    *,
    n_boot: int = 1000,
    ci_level: float = 0.95,
    seed: int = 0,
    pair_intervals: bool = True,
) -> tuple[ValenceAgreement | None, str]:
    """How far ``cu``'s coders agree on the valence of the codes they both applied to a unit,
    and one line saying what was compared, or why nothing was (None).

    Code agreement asks whether a code applies; this asks, where two coders both applied it,
    whether they read the passage as a barrier, an enabler or neutral (CFIR studies report
    barriers and enablers per construct). Over the compared units (two or more coders) only.
    Coders whose input records no valence (:attr:`CodedUnits.no_valence`) are left out.

    ``n_boot`` resamples of the units holding the pairs (0: no intervals), seeded by ``seed``,
    give ``ci_level`` percentile intervals, as :func:`agreement_report`'s; each pair of coders'
    figures are resampled over the units holding that pair's items (``pair_intervals=False``:
    not, when the pairs are figured on their own units instead: :func:`agreement_report`).
    """
    from .schema import VALENCES

    _check_ci_level(ci_level)
    coders = [c for c in cu.coders if c not in cu.no_valence]
    reasons = list(dict.fromkeys(cu.no_valence[c] for c in cu.coders if c in cu.no_valence))
    if len(coders) < 2:
        return None, "valence not compared: " + "; ".join(reasons)
    compared = {u.id for u, k in zip(cu.units, cu.compared_mask(), strict=True) if k}
    # each (unit, code) pair's valences, one column per pair: VALENCES' index, NaN for none
    columns: list[list[float]] = []
    unit_of: list[int] = []  # each column's unit: 0, 1, ... in the order of the units
    holding: dict[str, int] = {}  # unit id -> its number there
    without = 0
    # each pair of coders -> the (unit, code) pairs both applied where one of them gave no
    # valence: with three coders, the item stays in the pooled figures on the others' valences
    # but is not in that pair's, and was counted nowhere (tester, session 56)
    pair_without: Counter[tuple[str, str]] = Counter()
    for unit in sorted(cu.units, key=_unit_order):  # resampled in one order (_unit_order)
        if unit.id not in compared:
            continue
        applied = {c: cu.codings[c].get(unit.id) or frozenset() for c in coders}
        for code in sorted({k for got in applied.values() for k in got}, key=natural_key):
            who = [c for c in coders if code in applied[c]]
            if len(who) < 2:
                continue
            values = [
                cu.valences.get(c, {}).get(unit.id, {}).get(code) if c in who else None
                for c in coders
            ]
            for a, b in itertools.combinations(range(len(coders)), 2):
                if coders[a] in who and coders[b] in who and None in (values[a], values[b]):
                    pair_without[coders[a], coders[b]] += 1
            if sum(v is not None for v in values) < 2:
                without += 1
                continue
            columns.append([math.nan if v is None else VALENCES.index(v) for v in values])
            unit_of.append(holding.setdefault(unit.id, len(holding)))
    absent = [c for c in cu.coders if c in cu.no_valence]
    left_out = (
        f"; left out, as {'they record' if len(absent) > 1 else 'it records'} no valence: "
        f"{', '.join(absent)} ({'; '.join(reasons)})"
        if absent
        else ""
    )
    if not columns:
        why = (
            "no code two coders applied to one unit was given a valence by both"
            if without
            else "no unit has a code two coders both applied"
        )
        return None, f"valence not compared: {why}{left_out}"
    x = np.array(columns, dtype=float).T  # coders x (unit, code) pairs
    units = np.array(unit_of)
    categories = list(range(len(VALENCES)))

    def statistics(values: np.ndarray) -> _Statistics:
        return _categorical_figures(values, categories)

    def add_intervals(
        fig: ValenceAgreement | ValencePair, values: np.ndarray, unit_of_value: np.ndarray
    ) -> None:
        """Bootstrap intervals of ``fig``, the figures of ``values`` (coders x pairs), pair
        ``j`` in unit ``unit_of_value[j]``."""
        if n_boot <= 0:
            return
        _, renumbered = np.unique(unit_of_value, return_inverse=True)  # 0, 1, ... in order
        resampled = _cluster_resamples(values, renumbered, categories, n_boot=n_boot, seed=seed)
        _set_intervals(fig, resampled, n_carrying=fig.n_units, n_boot=n_boot, ci_level=ci_level)

    pairs = []
    for i, j in itertools.combinations(range(len(coders)), 2):
        both = ~np.isnan(x[i]) & ~np.isnan(x[j])
        pair_x = x[[i, j]][:, both]
        counts = Counter((VALENCES[int(a)], VALENCES[int(b)]) for a, b in zip(*pair_x, strict=True))
        table = {
            a: {b: counts[a, b] for b in VALENCES if counts[a, b]}
            for a in VALENCES
            if any(counts[a, b] for b in VALENCES)
        }
        pair = ValencePair(
            coders[i],
            coders[j],
            int(both.sum()),
            *(statistics(pair_x) if both.any() else _Statistics(*[math.nan] * 4)),
            table=table,
            n_units=len(set(units[both].tolist())),
            n_without_valence=pair_without[coders[i], coders[j]],
        )
        _set_undefined(pair, None if both.any() else "no_units")
        # two coders' pair is the whole: its intervals below
        if both.any() and len(coders) > 2 and pair_intervals:
            add_intervals(pair, pair_x, units[both])
        pairs.append(pair)
    agreement = ValenceAgreement(
        coders,
        x.shape[1],
        without,
        *statistics(x),
        kappa_method="cohen" if len(coders) == 2 else "light",
        pairs=pairs,
        n_units=len(holding),
    )
    _set_undefined(agreement, None)
    add_intervals(agreement, x, units)
    if len(coders) == 2:
        pairs[0].ci, pairs[0].n_valid = dict(agreement.ci), dict(agreement.n_valid)
        pairs[0].ci_withheld = list(agreement.ci_withheld)
        pairs[0].ci_withheld_why = dict(agreement.ci_withheld_why)
    note = f"{' / '.join(VALENCES)} of the codes two or more coders applied to one unit"
    if without:
        note += (
            f"; {without} more pair{'s' * (without > 1)} where fewer than two of them gave the "
            "code a valence (or gave it two) left out"
        )
    return agreement, note + left_out


@dataclass
class AgreementReport:
    """Everything :func:`agreement_report` computes; :meth:`to_dict` is the JSON form."""

    coders: list[str]
    models: list[str]
    unit_kind: str
    n_units: dict[str, int]
    codes: list[str]
    pooled: dict[str, Figures]
    per_code: list[CodeAgreement]
    pairs: list[PairAgreement]
    versus_humans: dict[str, dict[str, dict[str, float]]]
    confusion: list[dict[str, Any]]
    single_code: dict[str, Figures] | None
    single_code_note: str
    settings: dict[str, Any]
    #: units of each universe the single-code view leaves out because a coder applied no code
    #: there (ordinal, interval and ratio levels: "(none)" is no value on those scales)
    single_code_left_out: dict[str, int] = field(default_factory=dict)
    #: per universe, the pooled figures' unit-code decisions (two or more coders' values) and
    #: how many of them are a code no coder applied to the unit, which pooled agreement and AC1
    #: count as agreement
    pooled_decisions: dict[str, dict[str, int]] = field(default_factory=dict)
    #: agreement on the valence of the codes coders both applied (:func:`valence_agreement`);
    #: None when it was not compared, ``valence_note`` saying why
    valence: ValenceAgreement | None = None
    valence_note: str = ""
    #: per coder, their codings (a code on one segment or selection) and the units they are in
    #: (:func:`coding_tallies`), so that the totals can be checked against an export's
    codings: dict[str, dict[str, int]] = field(default_factory=dict)
    #: the results (a model's run, a person's codings of segments) compared by character span
    #: on their segments only (missing outside them: :func:`coded_units_from_results`)
    judged_on_segments: list[str] = field(default_factory=list)
    #: of the compared units coded by no one, those outside the segments of a model of
    #: ``judged_on_segments`` (missing there: interviewers' turns, speaker labels the other
    #: coders left uncoded), not its segments it gave no code
    uncoded_outside_model_segments: int = 0
    #: whether the pairs (their figures, confusion tables and valence) are figured each on the
    #: pair's own units (``agreement_report(pair_units=...)``) rather than on the units of all
    #: the coders
    pairs_on_own_units: bool = False
    #: when ``pairs_on_own_units``, the pairs that are not (their two alone could not be
    #: compared: figured on the units of all the coders, pooled over every code any applied)
    pairs_on_all_units: list[tuple[str, str]] = field(default_factory=list)

    def __repr__(self) -> str:
        who = ", ".join(f"{c} (model)" if c in self.models else c for c in self.coders)
        kind = self.unit_kind if self.n_units.get("all") != 1 else self.unit_kind.rstrip("s")
        codes = f"{len(self.codes)} code{'' if len(self.codes) == 1 else 's'}"
        head = f"coders {who}; {self.n_units.get('all', 0)} {kind}, {codes}"
        f = self.pooled.get("all")
        if f is None:
            return f"AgreementReport({head})"
        return (
            f"AgreementReport({head}; pooled over all {kind}: "
            f"{f.percent_agreement:.1%} agreement, kappa {f.kappa:.3f}, alpha {f.alpha:.3f}, "
            f"AC1 {f.ac1:.3f})"
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; undefined values (NaN) become ``None``."""
        return _json_ready(asdict(self))


def _json_ready(obj: Any) -> Any:
    if isinstance(obj, float):
        return None if not math.isfinite(obj) else obj
    if isinstance(obj, dict):
        return {str(k): _json_ready(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_json_ready(v) for v in obj]
    return obj


@functools.lru_cache(maxsize=1)
def _cfir_names() -> dict[str, str]:
    try:
        from .codebook import Codebook

        return {c.id: c.name for c in Codebook.load("cfir-2009").codes}
    except (RoqaError, OSError):
        return {}


def _code_name(code: str, names: Mapping[str, str]) -> str:
    """The name the inputs give a code, else its CFIR 2009 name when the id is a CFIR id."""
    if names.get(code) and names[code] != code:
        return names[code]
    return _cfir_names().get(code, "")


def _confusion(cu: CodedUnits, a: str, b: str) -> dict[str, dict[str, int]]:
    """Who coded what: rows ``a``'s codes, columns ``b``'s, over units both coded.

    A code both applied counts on the diagonal. Each code only one of them applied is paired
    with each code only the other applied, or with ``(none)`` when the other applied no other
    code. For units with one code each this is the usual confusion matrix.
    """
    table: dict[str, dict[str, int]] = {}

    def add(x: str, y: str) -> None:
        row = table.setdefault(x, {})
        row[y] = row.get(y, 0) + 1

    for u in cu.units:
        ca, cb = cu.codes_of(a, u.id), cu.codes_of(b, u.id)
        if ca is None or cb is None:
            continue
        for c in sorted(ca & cb, key=natural_key):
            add(c, c)
        only_a = sorted(ca - cb, key=natural_key)
        only_b = sorted(cb - ca, key=natural_key)
        if not ca and not cb:
            add(NONE_CODE, NONE_CODE)
        for x in only_a:
            for y in only_b or [NONE_CODE]:
                add(x, y)
        if not only_a:
            for y in only_b:
                add(NONE_CODE, y)
    return table


def _single_code_values(
    cu: CodedUnits, level: str
) -> tuple[np.ndarray, list[Any], np.ndarray] | str:
    """Coders x units values for the single-code view, its categories and the units where a
    coder's "no code" is left out (missing) as no value on the ``level`` scale; or the reason
    the view does not apply."""
    several = {
        c: units
        for c in cu.coders
        if (units := [u.id for u in cu.units if len(cu.codings[c].get(u.id) or ()) > 1])
    }
    if several:
        # a unit's codes are a set: nothing says which is its main code
        # "coder 'A' applied several codes to 2 units (u1, u2) and coder 'B' to 1 unit (u2)"
        who = [
            f"coder {c!r}{' applied several codes' if k == 0 else ''} to {len(units)} "
            f"unit{'s' * (len(units) != 1)} ({first_few(units, 3)})"
            for k, (c, units) in enumerate(several.items())
        ]
        listed = and_list(who)
        return (
            f"{listed}, and the view needs one code per unit from each coder (codings record no "
            "main code among a unit's codes); compare code by code (--by code)"
        )
    x = np.full((len(cu.coders), len(cu.units)), np.nan)
    if level == "nominal":
        cats: list[Any] = [NONE_CODE, *cu.codes]
        index = {c: float(k) for k, c in enumerate(cats)}
        for i, c in enumerate(cu.coders):
            for u, unit in enumerate(cu.units):
                got = cu.codes_of(c, unit.id)
                if got is not None:
                    x[i, u] = index[next(iter(got))] if got else index[NONE_CODE]
        return x, list(range(len(cats))), np.zeros(len(cu.units), dtype=bool)
    values: set[float] = set()
    left_out = np.zeros(len(cu.units), dtype=bool)
    for i, c in enumerate(cu.coders):
        for u, unit in enumerate(cu.units):
            got = cu.codes_of(c, unit.id)
            if got is not None and not got:
                left_out[u] = True
            if got:
                code = next(iter(got))
                number = _as_number(code)
                if number is None:
                    return f"level {level} needs numeric codes, and {code!r} is not a number"
                x[i, u] = number
                values.add(number)
    return x, sorted(values), left_out


def _single_code_figures(
    x: np.ndarray,
    cats: list[Any],
    level: str,
    *,
    ci_level: float,
    none: float | None,
    n_boot: int = 0,
    seed: int = 0,
) -> Figures:
    """Figures of the single-code view; intervals are analytic (Wald) where a formula exists.

    Cohen's kappa (two coders) uses the Fleiss-Cohen-Everitt standard error and AC1 Gwet's
    (2008). Light's kappa (three coders or more) has no standard error formula: its interval
    is the percentile bootstrap of :func:`roqa_nlp.agreement.bootstrap_ci` over the units
    (``n_boot`` resamples drawn with ``seed``; none when 0). Every figure and interval is over
    the units two coders or more gave a value (a unit left with one value is out of the view). Alpha gets no interval here
    (bootstrap it with that function if needed). An interval is withheld, as a bootstrap one
    is (:func:`roqa_nlp.agreement.normal_ci`), when fewer than ``CI_MIN_UNITS`` compared units
    carry a code (a value other than ``none``, the value of "(none)") or the standard error is
    0 or undefined (a bootstrap one: :func:`roqa_nlp.agreement.why_withheld`). When no compared
    unit carries a code (every value "(none)"), every figure is undefined (``no_code``), as the
    pooled figures are: "(none)" throughout is no coding to agree on, not perfect agreement.
    """
    n_coders = x.shape[0]
    # only the units two coders or more gave a value: at the ordinal, interval and ratio levels
    # a coder's "no code" is no value, and the lone value left must not enter AC1's chance
    # agreement, q or standard error, as it enters no other figure (tester, session 65: AC1
    # 0.577 beside "n=7" from 9 units' values; 0.573 on the 7)
    x = x[:, (~np.isnan(x)).sum(axis=0) >= 2]
    # AC1's q: the categories the coders used here ((none) only where a coder applied no code)
    used = [c for c in cats if np.any(x == c)]
    compared = (~np.isnan(x)).sum(axis=0) >= 2
    valued = ~np.isnan(x)
    carrying = compared & np.any(valued if none is None else valued & (x != none), axis=0)
    nothing = None if compared.any() else "no_units"
    if nothing is None and not carrying.any():
        # every compared value "(none)": no coding to agree on, as the pooled figures say
        # (blind tester, session 50: agreement 100% and AC1 1 beside "every figure of codes is
        # undefined")
        nothing = "no_code"
    fig = Figures(
        int(compared.sum()),
        *(
            _categorical_figures(x, used, level=level)
            if nothing is None
            else _Statistics(math.nan, math.nan, math.nan, math.nan)
        ),
        kappa_method="cohen" if n_coders == 2 else "light",
        n_with_code=int(carrying.sum()),
    )
    _set_undefined(fig, nothing)
    standard_errors = {"ac1": gwet_ac1_se(x, categories=used) if x.shape[1] else math.nan}
    if n_coders == 2:
        kappa_se = cohen_kappa_se(x[0], x[1]) if x.shape[1] else math.nan
        standard_errors = {"kappa": kappa_se, **standard_errors}
    for k, se in standard_errors.items():
        ci = normal_ci(getattr(fig, k), se, level=ci_level, n_units=int(carrying.sum()))
        why = ci.withheld
        if why is None:
            fig.ci[k] = [ci.low, ci.high]
            continue
        fig.ci[k] = [math.nan, math.nan]
        fig.ci_withheld.append(k)
        fig.ci_withheld_why[k] = why
    if n_coders > 2 and n_boot > 0 and x.shape[1]:
        # undefined (nothing to compare): no resample either, as why_withheld tests first
        boot = (
            _light_kappa_interval(
                x, n_boot=n_boot, ci_level=ci_level, seed=seed, n_carrying=int(carrying.sum())
            )
            if nothing is None
            else ConfidenceInterval(
                math.nan, math.nan, ci_level, "percentile bootstrap", withheld="undefined"
            )
        )
        fig.n_valid["kappa"] = boot.n_valid
        fig.ci = {"kappa": [boot.low, boot.high], **fig.ci}
        if boot.withheld is not None:
            fig.ci_withheld.insert(0, "kappa")
            fig.ci_withheld_why = {"kappa": boot.withheld, **fig.ci_withheld_why}
    return fig


def _light_kappa_interval(
    x: np.ndarray, *, n_boot: int, ci_level: float, seed: int, n_carrying: int
) -> ConfidenceInterval:
    """The percentile bootstrap interval of Light's kappa of the coders x units values ``x``,
    as :func:`roqa_nlp.agreement.bootstrap_ci` gives it for :func:`_light_kappa` (its draws, its
    quantiles, :func:`~roqa_nlp.agreement.why_withheld`; ``n_carrying`` the units carrying a
    code), each block of resamples figured at once (:func:`_resampled_light_kappa`)."""
    n_units = x.shape[1]
    present = ~np.isnan(x)
    codes = np.full(x.shape, -1, dtype=np.int64)
    values = np.unique(x[present])
    codes[present] = np.searchsorted(values, x[present])
    found = np.concatenate(
        [
            _resampled_light_kappa(codes, len(values), w)
            for w in _draw_weights(n_units, n_boot, seed)
        ]
    )
    return percentile_interval(
        found, level=ci_level, n_carrying=n_carrying, estimate=_light_kappa(x)
    )


def _light_kappa(x: np.ndarray) -> float:
    """Light's (1971) kappa of the coders x units values ``x`` (Cohen's, of two coders): the
    mean of the pairs' Cohen's kappas, a pair's undefined kappa left out."""
    pairs = [cohen_kappa(x[i], x[j]) for i, j in itertools.combinations(range(x.shape[0]), 2)]
    return _mean_of(pairs)


def _mean_of(values: Iterable[float]) -> float:
    """The mean of the finite ``values`` (NaN: none), added smallest first, so that it is the
    same to the last digit whatever the order of the coders whose pairs give them."""
    finite = sorted(v for v in values if math.isfinite(v))
    return float(sum(finite) / len(finite)) if finite else math.nan


def agreement_report(
    cu: CodedUnits,
    *,
    level: str = "nominal",
    n_boot: int = 1000,
    ci_level: float = 0.95,
    seed: int = 0,
    pair_units: Mapping[tuple[str, str], CodedUnits] | None = None,
) -> AgreementReport:
    """Per-code, pooled, pairwise, single-code and valence agreement of ``cu``'s coders.

    ``level`` is Krippendorff's level of measurement for the single-code view (presence/absence
    is binary, where every level gives the same alpha). ``n_boot`` bootstrap resamples of units
    (0 = no intervals) give ``ci_level`` percentile intervals, seeded by ``seed``.

    ``pair_units`` maps a pair of coders ``(a, b)`` (in the order of ``cu.coders``) to the
    two's own units, as :func:`coded_units_from_results` of their two results alone gives them:
    that pair's figures, confusion table and valence are then exactly those of
    ``agreement_report(pair_units[a, b])``, while the pooled, per-code, single-code and overall
    valence figures stay over ``cu``'s units. By character span the units of three or more
    coders are cut at every coder's boundaries (a model's segment edges too), which splits two
    people's uncoded text into more units, each one more agreement; ``roqa agree`` passes each
    pair's own units for that reason.

    ``n_boot``, ``seed`` and ``ci_level`` are checked as ``roqa agree`` checks its options, in
    the same words (:func:`~roqa_nlp.agreement.check_resampling`: ``seed=-1 is negative``), and
    fewer than 200 resamples are warned of, as there.
    """
    from .agreement import check_resampling, few_resamples_said

    check_resampling(n_boot=n_boot, seed=seed, ci_level=ci_level)
    if (few := few_resamples_said(n_boot)) is not None:
        from .errors import warn

        warn(few, stacklevel=None)  # at the researcher's line
    return _agreement_report(
        cu, level=level, n_boot=n_boot, ci_level=ci_level, seed=seed, pair_units=pair_units
    )


def _agreement_report(
    cu: CodedUnits,
    *,
    level: str,
    n_boot: int,
    ci_level: float,
    seed: int,
    pair_units: Mapping[tuple[str, str], CodedUnits] | None = None,
) -> AgreementReport:
    """:func:`agreement_report` of settings checked already (``roqa agree`` checks them by its
    options' names, and warns of few resamples once its inputs are known good)."""
    if level not in LEVELS:
        raise RoqaValueError(f"unknown level {level!r}", hint=f"use one of {', '.join(LEVELS)}")
    if not isinstance(cu, CodedUnits):
        from .errors import a_type

        raise RoqaTypeError(
            f"agreement_report() takes CodedUnits, not {a_type(cu)}",
            hint=f"make them from one result per coder: agreement_report({TWO_RESULTS})",
        )
    _check_ci_level(ci_level)
    if len(cu.coders) < 2:
        found = f" ({', '.join(cu.coders)})" if cu.coders else ""
        raise RoqaValueError(
            f"agreement needs at least two coders, the inputs hold {len(cu.coders)}{found}",
            hint=in_python_too(
                "give one input per coder, or a CSV with several coders",
                f"agreement_report({TWO_RESULTS})",
            ),
        )
    n_total = len(cu.units)
    tallies = coding_tallies(cu)  # before _compared_only: it counts the codings left out
    cu = _compared_only(cu)
    codes = cu.codes
    x = cu.presence(codes)
    boot: dict[str, Any] = {"n_boot": n_boot, "ci_level": ci_level, "seed": seed}
    masks = {"all": np.ones(len(cu.units), dtype=bool), "coded": cu.coded_mask()}
    compared = masks["all"]
    sums = _decision_sums(x)  # units x codes x K
    n_coders = len(cu.coders)

    pooled: dict[str, Figures] = {}
    code_figs: dict[str, list[Figures]] = {}
    # unit-code decisions two or more coders made, and those where no coder applied the code
    decided = (~np.isnan(x)).sum(axis=0) >= 2
    absent = decided & (np.nansum(x, axis=0) == 0)
    pooled_decisions = {
        uni: {"decisions": int(decided[m].sum()), "shared_absences": int(absent[m].sum())}
        for uni, m in masks.items()
    }
    for uni, mask in masks.items():
        s = sums[mask]
        pooled[uni] = _figures(s.sum(axis=1, keepdims=True), n_coders, **boot)[0]
        code_figs[uni] = _figures(s, n_coders, **boot) if codes else []

    per_code = [
        CodeAgreement(
            code=c,
            name=_code_name(c, cu.code_names),
            units_coded={
                coder: int(np.nansum(x[i, compared, k])) for i, coder in enumerate(cu.coders)
            },
            all=code_figs["all"][k],
            coded=code_figs["coded"][k],
        )
        for k, c in enumerate(codes)
    ]

    own = dict(pair_units or {})
    pairs: list[PairAgreement] = []
    alone: dict[tuple[str, str], CodedUnits] = {}  # each pair's own units, compared only
    for i, j in itertools.combinations(range(n_coders), 2):
        a, b = cu.coders[i], cu.coders[j]
        if (a, b) in own:
            # figured as a report of the two alone would figure them
            two = _compared_only(own[a, b])
            alone[a, b] = two
            masks_two = {"all": np.ones(len(two.units), dtype=bool), "coded": two.coded_mask()}
            ia, ib = two.coders.index(a), two.coders.index(b)
            pairs.append(_pair_agreement(two, ia, ib, two.presence(), masks_two, boot))
        else:
            pairs.append(_pair_agreement(cu, i, j, x, masks, boot))

    humans = [c for c in cu.coders if c not in cu.models]
    versus: dict[str, dict[str, dict[str, float]]] = {}
    for uni in UNIVERSES:
        versus[uni] = {}
        for c in cu.coders:
            rows = [
                getattr(p, uni)
                for p in pairs
                if c in (p.coder_a, p.coder_b)
                and (p.coder_b if p.coder_a == c else p.coder_a) in humans
            ]
            entry: dict[str, float] = {"n_humans": float(len(rows))}
            for k in ("kappa", "alpha", "ac1"):
                entry[k] = _mean_of(getattr(r, k) for r in rows)
            versus[uni][c] = entry

    confusion = [
        {"coder_a": a, "coder_b": b, "table": _confusion(alone.get((a, b), cu), a, b)}
        for a, b in itertools.combinations(cu.coders, 2)
    ]

    single: dict[str, Figures] | None = None
    left_out: dict[str, int] = {}
    prepared = _single_code_values(cu, level)
    if isinstance(prepared, str):
        note = f"single-code view not computed: {prepared}"
    else:
        values, cats, no_value = prepared
        # "(none)" is category 0 of the nominal view; at other levels it is no value (NaN)
        none = 0.0 if level == "nominal" else None
        light_boot = {"n_boot": n_boot, "seed": seed}
        single = {
            uni: _single_code_figures(
                values[:, mask], cats, level, ci_level=ci_level, none=none, **light_boot
            )
            for uni, mask in masks.items()
        }
        left_out = {uni: int((no_value & mask & compared).sum()) for uni, mask in masks.items()}
        # units the left-out "no code" leaves with fewer than two values: out of the view
        short = (~np.isnan(values)).sum(axis=0) < 2
        lost = {uni: int((no_value & mask & compared & short).sum()) for uni, mask in masks.items()}
        note = _single_code_note(level, left_out, masks, compared, lost)
    # the pairs' intervals on the units of all the coders, unless every pair has its own
    every_alone = len(alone) == len(pairs)
    valence, valence_note = valence_agreement(cu, **boot, pair_intervals=not every_alone)
    if valence is not None and alone:
        valence.pairs = [_valence_pair_alone(p, alone, boot) for p in valence.pairs]

    return AgreementReport(
        coders=list(cu.coders),
        models=list(cu.models),
        unit_kind=cu.unit_kind,
        n_units={
            "total": n_total,
            **{uni: int((m & compared).sum()) for uni, m in masks.items()},
        },
        codes=codes,
        pooled=pooled,
        per_code=per_code,
        pairs=pairs,
        versus_humans=versus,
        confusion=confusion,
        single_code=single,
        single_code_note=note,
        settings={
            "level": level,
            # the single-code view's kappa and AC1 take each value as a category (alpha alone
            # follows the level)
            "single_code_kappa_ac1": "unweighted",
            **boot,
            "ci_withheld_below_units": CI_MIN_UNITS,
            "ci_withheld_below_valid_share": CI_MIN_VALID_SHARE,
        },
        single_code_left_out=left_out,
        pooled_decisions=pooled_decisions,
        valence=valence,
        valence_note=valence_note,
        codings=tallies,
        judged_on_segments=list(cu.judged_on_segments),
        uncoded_outside_model_segments=sum(
            1
            for u, coded in zip(cu.units, masks["coded"], strict=True)
            if not coded and any(cu.codings[m].get(u.id) is None for m in cu.judged_on_segments)
        ),
        pairs_on_own_units=bool(alone),
        pairs_on_all_units=[
            (p.coder_a, p.coder_b)
            for p in pairs
            if alone and (p.coder_a, p.coder_b) not in alone and p.all.n_units
        ],
    )


def _pair_agreement(
    cu: CodedUnits, i: int, j: int, x: np.ndarray, masks: dict[str, np.ndarray], boot: Any
) -> PairAgreement:
    """Coders ``i`` and ``j`` of ``cu`` pooled over the items of ``x`` (coders x units x codes)
    both coded: their units (``masks``: all, or coded by any coder) and every code of ``x``.

    Over ``cu``'s pooled items (every code any coder applied), Light's kappa is the mean of
    the pairs' kappas (Light 1971: each pair over the same items). Before, a pair was figured
    over the codes either of the two applied and, coded, the units either coded, and the
    pairs' mean missed Light's kappa beside it (0.529 against 0.533: tester, session 39)."""
    a, b = cu.coders[i], cu.coders[j]
    both = np.array([u.id in cu.codings[a] and u.id in cu.codings[b] for u in cu.units], bool)
    ps = _decision_sums(x[[i, j]][:, both])
    figs = {
        uni: _figures(ps[m[both]].sum(axis=1, keepdims=True), 2, **boot)[0]
        for uni, m in masks.items()
    }
    n_models = (a in cu.models) + (b in cu.models)
    kind = ("human-human", "model-human", "model-model")[n_models]
    return PairAgreement(a, b, kind, figs["all"], figs["coded"])


def _valence_pair_alone(
    pair: ValencePair, alone: Mapping[tuple[str, str], CodedUnits], boot: Any
) -> ValencePair:
    """``pair`` as :func:`valence_agreement` gives it for the two coders on their own units
    (``alone``), when they have them; a pair that holds no item there has none."""
    two = alone.get((pair.coder_a, pair.coder_b))
    if two is None:
        return pair
    found, _ = valence_agreement(two, **boot)
    if found is not None:
        return found.pairs[0]
    empty = ValencePair(pair.coder_a, pair.coder_b, 0, *_Statistics(*[math.nan] * 4))
    _set_undefined(empty, "no_units")
    return empty


def coding_tallies(cu: CodedUnits) -> dict[str, dict[str, int]]:
    """Per coder: ``codings`` (a code on one of their segments or selections; a CSV's unit-code
    rows), the compared ``units`` (two or more coders coded them) they coded with something,
    and why the two differ, so that ``codings = units + several_codes + joined - cut +
    outside + rolled_up``: ``rolled_up``, codings as given that became one with another of the
    coder's on one segment or unit when codes were mapped up (:attr:`CodedUnits.rolled_up`:
    at ``--at construct`` the codings were counted as mapped, so a coder's two sub-constructs
    of one construct on a segment were one coding, fewer than their QDA program shows,
    unsaid; session 57); ``several_codes``, how many more codings than units as a unit holds several of
    the coder's codes; ``joined``, how many fewer units than codings as two or more of one
    code are in one unit (two selections of a code a space apart, or overlapping); ``cut``,
    how many more as a coding is in several units (another coder's coding starts or ends
    within it); ``outside``, codings in no compared unit (text with no letter or digit, text
    outside the text compared, a unit no other coder coded), which enter no figure (tester,
    session 50: a speaker label and an interviewer's turn a coder selected were counted in
    their units)."""
    compared = {u.id for u, k in zip(cu.units, cu.compared_mask(), strict=True) if k}
    out: dict[str, dict[str, int]] = {}
    for c in cu.coders:
        coded = [len(codes) for u, codes in cu.codings[c].items() if codes and u in compared]
        placed = cu.placed.get(c)
        if placed is None:  # a CSV's unit-code rows: each in its one unit
            placed = [(code, (u,)) for u, codes in cu.codings[c].items() for code in sorted(codes)]
        held: Counter[tuple[str, str]] = Counter()  # (unit, code) -> the codings in it
        cut = outside = 0
        for code, units in placed:
            inside = [u for u in units if u in compared]
            held.update((u, code) for u in inside)
            cut += max(len(inside) - 1, 0)
            outside += not inside
        rolled = cu.rolled_up.get(c, 0)
        out[c] = {
            "codings": len(placed) + rolled,
            "units": len(coded),
            "joined": sum(k - 1 for k in held.values()),
            "several_codes": sum(coded) - len(coded),
            "cut": cut,
            "outside": outside,
            "rolled_up": rolled,
        }
    return out


def _compared_only(cu: CodedUnits) -> CodedUnits:
    """``cu`` with only the units two or more coders coded (:meth:`CodedUnits.compared_mask`),
    so that nothing outside them (a code applied only there, a unit's share in AC1's chance
    agreement) enters any figure; in one order of units, whatever the order of the input
    (:func:`_unit_order`), the order the bootstrap resamples them in."""
    keep = {u.id for u, k in zip(cu.units, cu.compared_mask(), strict=True) if k}
    return dataclasses.replace(
        cu,
        units=sorted((u for u in cu.units if u.id in keep), key=_unit_order),
        codings={
            c: {u: codes for u, codes in per.items() if u in keep} for c, per in cu.codings.items()
        },
    )


def _unit_order(unit: Unit) -> tuple[Any, ...]:
    """Units by transcript, then where they start and end in it, then by id (numbers as numbers:
    u2 before u10), so that the bootstrap draws the same units, and every sum adds them in the
    same order, however the rows of a long table or the coders' files are ordered. Drawn in the
    order the units first came, the intervals of three coders moved with the order of the rows
    or files, same seed, same data (blind tester, session 67: kappa [-0.237, 0.085] and
    [-0.241, 0.102] for one table's rows in two orders)."""
    at = (0, unit.start, unit.end or 0) if unit.start is not None else (1, 0, 0)
    return natural_key(unit.transcript), at, natural_key(unit.id)


def _single_code_note(
    level: str,
    left_out: dict[str, int],
    masks: dict[str, np.ndarray],
    compared: np.ndarray,
    lost: dict[str, int] | None = None,
) -> str:
    """What the single-code view holds, with the units it leaves out at a non-nominal level.

    ``left_out``: units of each universe where a coder's "no code" is left out as missing;
    ``lost``: those of them left with fewer than two values, so out of the view (all of them
    with two coders; with more, a unit keeps the other coders' values)."""
    if level == "nominal":
        return f"each unit's code, or {NONE_CODE}, as one {level} value"
    note = f"each unit's code as one {level} value"
    if not any(left_out.values()):
        return note
    n = {uni: int((masks[uni] & compared).sum()) for uni in UNIVERSES}
    shown = f"{left_out['all']} of the {n['all']} compared units"
    if (left_out["coded"], n["coded"]) != (left_out["all"], n["all"]):
        shown += f" ({left_out['coded']} of the {n['coded']} coded by someone)"
    article = "an" if level[:1] in "aeiou" else "a"
    scale = f"{NONE_CODE} has no place on {article} {level} scale; --level nominal counts it"
    if lost is None or lost == left_out:
        return f"{note}; {shown} left out because a coder applied no code there ({scale})"
    if not lost["all"]:
        kept = "the other coders' values kept"
    else:
        kept = f"{lost['all']} of them left out as fewer than two values remain"
    return f"{note}; in {shown} a coder's no code is left out as missing, {kept} ({scale})"


__all__ = [
    "NONE_CODE",
    "UNIVERSES",
    "AgreementReport",
    "CodeAgreement",
    "CodedUnits",
    "Figures",
    "PairAgreement",
    "Unit",
    "ValenceAgreement",
    "ValencePair",
    "agreement_report",
    "coded_units_from_results",
    "coded_units_from_rows",
    "is_model_result",
    "match_codes_by_name",
    "merge_coded_units",
    "merge_spelling_variants",
    "number_written",
    "read_long_csv",
    "same_guid_codes",
    "segment_codes",
    "segment_valences",
    "units_compared",
    "valence_agreement",
]
