"""The researcher's decisions on suggestions, and the training examples they become.

A decisions file (CSV, JSON Lines, or the first sheet of an Excel ``.xlsx`` the CSV was re-saved
as) has one row per decision::

    segment_id,decision,code_id,new_code,note,valence
    p01_interview:0003,accept,IS.E.2,,,
    p01_interview:0003,valence,,,,barrier
    p01_interview:0004,reject,IC.H,,,
    p01_interview:0007,recode,OS.D,,commissioner thresholds,
    p01_interview:0011,new-code,,COVID-19 disruption,,
    p01_interview:0012,note,,,contradicts what she says later,

``accept`` confirms ``code_id`` for the segment; ``reject`` says the segment is not ``code_id``;
``recode`` gives the right code (``code_id``); ``new-code`` creates a project code named
``new_code``; ``note`` keeps a researcher's note on a segment with no decision (the report shows
it again; training ignores it); ``valence`` corrects the segment's valence (column ``valence``:
barrier, enabler or neutral) where the model's is wrong; ``no-code`` says the segment fits no
code, whatever suggestions the codings show now (the reviewer rejected every one shown when the
review was made: ``roqa code --out`` adds the row when it carries a review into that folder coded
again, where a retrained model may suggest other codes). The ``valence`` column is optional (files
without it are read as before); a valence given on another row of the segment counts the same.
It is written by the HTML report's review buttons, by hand in a spreadsheet, or
from a REFI-QDA import. Optional ``text`` gives the segment text when no coding result is at
hand. A wholly empty
row (Excel leaves some below the last one, ``;;;;;;``) is skipped.

How decisions become training examples (:func:`feedback_examples`):

- a decision on a code of another built-in codebook (a review made on the codings charted in
  CFIR 2.0) is first read as the decision it is on the model's codes
  (:mod:`roqa_nlp.decisions_crosswalk`); :func:`reviewed_codings` keeps a review made wholly in
  CFIR 2.0 in CFIR 2.0 codes;
- accepted and recoded codes label the segment with those codes;
- a new code is added to a project codebook with a stable id ``project.<slug-of-name>`` and
  labels the segment;
- a segment whose decisions reject its top :data:`REJECT_ALL` suggestions (or every one it
  has, when the codings show fewer), or that has a ``no-code`` row, and accept none becomes an
  example of talk that fits no code
  (the researcher saw the suggestions and none applied), in a class of its own (``REJECTED``)
  rather than the team-written small talk's (``NONE``), so that talk like it is flagged for open
  coding and not set aside as small talk or background (``off_topic``);
- a segment with fewer rejections and nothing accepted is left out: rejecting one wrong
  suggestion says what the segment is not, not that no code fits it; each code rejected (there,
  or beside a code given) is kept instead (``FeedbackExamples.rejections``), for the model to
  suggest it no more there and less on talk like it (:mod:`roqa_nlp.rejected_codes`);
- the valence head learns each coded example with the researcher's valence for the segment when
  a ``valence`` row gives one (the last one wins), else with the valence the model suggested, as
  the review keeps it for an accepted or recoded code; an example given a new code and no valence
  has none (the valence head leaves it out), as the review gives a new code none: the model's
  valence there is its reading of another code, not of the reviewer's theme (beside an accepted
  code too: the example's one valence would be the new code's in the codes' valence mix); so has
  one given a project code the model did not suggest on the segment (by an accept or a recode);
- a segment the researcher gave a valence but no code (no code decided, some suggestions
  rejected, or every one rejected) becomes a *valence-only* example (:data:`VALENCE_ONLY`,
  ``feedback_plan(..., valence_only=True)``): the valence head learns its words with that
  valence, the code classifier learns nothing new from it (the model's suggestions are not
  codes the researcher confirmed; a segment that fits no code is still learnt as such, beside
  it). The valence head leaves out the written training data's small talk and procedural talk,
  and the segments whose every suggestion was rejected, because their valence is nobody's
  judgement (a default, or the model's guess), not because talk without a code has no valence:
  a valence the researcher set is a judgement, so it is learnt whatever the segment's codes.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .codebook import Codebook, nearest_words
from .errors import (
    RoqaError,
    RoqaFileNotFoundError,
    RoqaTypeError,
    RoqaValueError,
    a_type,
    and_list,
    cut,
    first_and_count,
    first_few,
    quoted,
    quoted_alike,
)
from .io import (
    column_key,
    csv_delimiter,
    from_the_header,
    header_cell,
    path_to_record,
    quote_left_open,
    read_jsonl,
    read_text,
    rows_within_header,
    sha256_bytes,
    shell_quoted,
    spreadsheet_text,
    too_many_fields,
    too_many_fields_hint,
)
from .record_files import (
    first_sheet_empty_error,
    from_the_header_row,
    later_sheets_with_cells,
    xlsx_rows,
)
from .result import CodingResult
from .review_file import COLUMNS, DECISIONS, NO_CODE, NOTE, VALENCE
from .schema import (
    VALENCE_SYNONYMS,
    VALENCES,
    Code,
    Segment,
    SegmentResult,
    Suggestion,
    nfc,
    normalise_valence,
)
from .training import VALENCE_ONLY, TrainingSet

#: the group and source of the training records made from decisions: trained on, never shown as
#: evidence, and their words never kept in a word model's vocabulary
FEEDBACK_SOURCE = "researcher-decisions"
#: the ``valence_probability`` of a valence the reviewer set, in the codings a review gives
#: (theirs, so sure): :func:`reviewed_codings` gives it, and ``roqa import`` gives it back to a
#: review's codings read from their export (:func:`~.exchange.review.with_given_valence`)
REVIEWERS_VALENCE = 1.0
#: rejections (of different codes, none accepted) that make a segment talk that fits no code:
#: the three suggestions codings.csv and the report's top-3 show first
REJECT_ALL = 3


def rejects_all(rejected: Collection[str], suggestions: Sequence[str] | None) -> bool:
    """Whether the ``rejected`` codes (none accepted) are every suggestion a segment shows: its
    first :data:`REJECT_ALL` ``suggestions`` (code ids, best first), or all of them when it has
    fewer (one rejection, when it has none). Then the reviewer decided it fits no code; anything
    less (other codes, or some of those shown) is "not this code" only, and leaves the segment
    undecided. ``suggestions`` None (the segment is not in the codings): any
    :data:`REJECT_ALL` codes."""
    if suggestions is None:
        return len(set(rejected)) >= REJECT_ALL
    shown = list(suggestions)[:REJECT_ALL]
    return set(shown) <= set(rejected) if shown else bool(rejected)


def shown_in(codebook: Codebook | None, suggestions: Sequence[str]) -> list[str]:
    """The code ids a segment shows (``suggestions``, best first), each read in ``codebook`` as a
    decision's code is read: by an alias, the code it is now. So a review of codings made before
    two codes merged, whose rejections of both are rejections of the one code, still rejects
    every suggestion shown (codebook tester, session 60: IS.E.1, IS.C and IS.E.2 rejected, with
    IS.E.1 an alias of IS.C, was "short of all" three)."""
    if codebook is None:
        return list(suggestions)
    out = []
    for cid in suggestions:
        code = codebook.find(cid)
        out.append(cid if code is None else code.id)
    return out


@dataclass(frozen=True)
class Decision:
    segment_id: str
    decision: str
    code_id: str = ""
    new_code: str = ""
    note: str = ""
    text: str = ""
    #: the researcher's valence for the segment (barrier, enabler or neutral), or ""
    valence: str = ""
    #: of a recode made in the report: the suggestion it replaced (its code id), or "" (the report
    #: shows the recode there again; training reads the code recoded to only)
    suggestion: str = ""
    #: the row of the decisions file it was read from (as messages number them), 0 when made
    #: in memory; not compared
    row: int = field(default=0, compare=False, repr=False)


def slug(name: str) -> str:
    """The id part of a new code's name: its letters and digits in any script (NFKC, casefolded),
    each run joined by ``-`` ("COVID-19 disruption" -> ``covid-19-disruption``, "安全" -> ``安全``);
    ``code`` when the name has none."""
    s = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return "-".join(re.findall(r"[^\W_]+", s)) or "code"


def _same_name(name: str) -> str:
    """A new code's name as names are told apart: as a codebook's names are
    (:func:`~roqa_nlp.codebook.normalise_name`: case, spacing, punctuation, a curly or straight
    apostrophe and ``&``/``and`` do not count)."""
    from .codebook import normalise_name

    return normalise_name(unicodedata.normalize("NFKC", name))


def merged_new_code_names(
    decisions: Sequence[Decision], *, where: str | Path | None = None
) -> list[Decision]:
    """``decisions`` with every ``new-code`` name read as the first spelling of it they give
    (names told apart as :func:`_same_name` tells them, as a codebook's names are), so that
    "Pets & animals" and "Pets and animals", or a curly and a straight apostrophe, make one new
    code (tester s51: a fifth code, and an error stopping apply-decisions). One warning, naming
    ``where``, says which spellings were merged."""
    from dataclasses import replace

    from .errors import warn

    first: dict[str, str] = {}
    spellings: dict[str, list[str]] = {}
    out: list[Decision] = []
    # a name written as a project code's id (project.hope) is the name of these rows that makes
    # it ("Hope"), as the code a row names by its id is (hunt s69 h_newvalence, 2)
    named = {
        project_code_id(d.new_code): d.new_code
        for d in reversed(decisions)
        if d.decision == "new-code" and d.new_code.strip() and written_as_id(d.new_code) is None
    }
    for d in decisions:
        if d.decision == "new-code" and (cid := written_as_id(d.new_code)) in named:
            d = replace(d, new_code=named[cid or ""])
        if d.decision == "new-code" and d.new_code.strip():
            key = _same_name(d.new_code)
            name = first.setdefault(key, d.new_code)
            shown = spellings.setdefault(key, [])
            if " ".join(d.new_code.split()) not in shown:
                shown.append(" ".join(d.new_code.split()))
            if d.new_code != name:
                d = replace(d, new_code=name)
        out.append(d)
    merged = [names for names in spellings.values() if len(names) > 1]
    if merged:
        said = "; ".join(" = ".join(quoted(n) for n in names) for names in merged)
        warn(
            f"new codes counted as one, as their names differ only in case, spacing, "
            f"punctuation or &/and: {said} (each is the first spelling)",
            path=where or "decisions",
        )
    return out


#: the id prefix of a project's own codes, made from decisions (``project.<slug-of-name>``)
PROJECT_PREFIX = "project."

#: The key of a person's codings' ``meta`` (their ``run.json``) that maps a segment id to the
#: notes the reviewer wrote on it (``note`` rows of their decisions, or REFI-QDA notes on their
#: coded passages): ``roqa export`` writes them as REFI-QDA notes on the passage.
SEGMENT_NOTES = "notes"
#: The key of a review's ``meta`` (its ``run.json``) that maps each segment it left undecided
#: with some suggestions rejected (the others neither accepted nor rejected: a one-click reject
#: of the top suggestion) to the codes rejected there: ``roqa agree`` says that leaving those
#: segments out of model - reviewer agreement flatters the model (daily15, session 85: kappa
#: 0.656 with them decided, 0.688 with them undecided and left out).
REJECTED_ON_UNDECIDED = "rejected_on_undecided_segments"
#: run.json of a pseudonymised run (``roqa code --pseudonymise``) that left the notes of a
#: review out of its report, the review having been made on codings that were not
#: pseudonymised: the print of each note left out (:func:`note_print`), never the note. ``roqa
#: apply-decisions``, ``roqa report`` and the next pseudonymised run into the folder leave those
#: notes out of any review that holds them, the file re-saved or added to (session 78 hunt4 F1,
#: F4). A note written on the new report is another note, and is kept. (Before, a string: the
#: SHA-256 of the review's file, which matched that file only as it was byte for byte; still read.)
NOTES_LEFT_OUT = "review_notes_left_out"


def note_print(note: str) -> str:
    """What run.json keeps of a reviewer's note left out (:data:`NOTES_LEFT_OUT`): the SHA-256 of
    its words (blanks and line ends as one space, so a re-saved file's note is the same note)."""
    return sha256_bytes(("roqa review note\n" + " ".join(note.split())).encode("utf-8"))


def notes_left_out_read(value: object) -> list[str]:
    """The prints of the notes left out that a run.json's :data:`NOTES_LEFT_OUT` records (a list
    of :func:`note_print`; an older run's one file SHA-256, as a list of it); [] when none."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def without_notes_left_out(
    decisions: list[Decision], left_out: Collection[str], file_sha: str = ""
) -> tuple[list[Decision], list[str]]:
    """``decisions`` without the notes ``left_out`` records (:func:`notes_left_out_read`): all of
    them when ``file_sha`` (the review file's SHA-256) is recorded, as an older run recorded the
    file, else those whose :func:`note_print` is; and the notes left out
    (:func:`without_notes`)."""
    if file_sha and file_sha in left_out:
        return without_notes(decisions)
    return without_notes(decisions, lambda d: note_print(d.note) in left_out)


#: What ``roqa import`` writes in the ``note`` column of the decisions it reads from a review
#: in a QDA program (``REFI-QDA review by Alice``): where they came from, not a note of the
#: reviewer's, so not one kept with the segment.
QDA_REVIEW_NOTE = "REFI-QDA review by {coder}"


def from_qda_review(d: Decision) -> bool:
    """Whether ``d`` is a decision ``roqa import`` read from a review in a QDA program: its
    ``note`` column is :data:`QDA_REVIEW_NOTE`."""
    note = d.note.strip()
    head, _, tail = QDA_REVIEW_NOTE.partition("{coder}")
    return note.startswith(head) and note.endswith(tail) and len(note) > len(head + tail)


def qda_reviewer(decisions: Iterable[Decision]) -> str | None:
    """The reviewer a decisions file names: the one coder its rows' notes name as
    :data:`QDA_REVIEW_NOTE` (``roqa import`` writes one such file per coder of a QDA project);
    None when they name none (the report's decisions name no reviewer) or more than one."""
    head, _, tail = QDA_REVIEW_NOTE.partition("{coder}")
    names = {
        d.note.strip()[len(head) : len(d.note.strip()) - len(tail)]
        for d in decisions
        if from_qda_review(d)
    }
    return names.pop() if len(names) == 1 else None


def reviewer_note(d: Decision) -> str:
    """The note a reviewer wrote on ``d``'s segment: its ``note`` column (the report writes a
    segment's note in every decision row of the segment, a ``note`` row of its own when there is
    none), stripped; "" when empty or only :data:`QDA_REVIEW_NOTE`."""
    return "" if from_qda_review(d) else d.note.strip()


def without_notes(
    decisions: list[Decision], which: Callable[[Decision], bool] | None = None
) -> tuple[list[Decision], list[str]]:
    """``decisions`` with no reviewer's note (``which`` given: none of the notes it picks), the
    note of each blanked and the rows that keep a note alone (``note``) dropped, and the notes
    left out, in order (:data:`NOTES_LEFT_OUT`). With ``which`` and no note picked,
    ``decisions`` itself."""
    gone = [d for d in decisions if d.note.strip() and (which is None or which(d))]
    if which is not None and not gone:
        return decisions, []
    ids = {id(d) for d in gone}
    kept = [
        replace(d, note="") if which is None or id(d) in ids else d
        for d in decisions
        if not (id(d) in ids and d.decision == NOTE)
    ]
    return kept, [d.note for d in gone]


#: What a segment's suggested code is, kept by a valence alone from a review in a QDA program
#: (:func:`valence_reviewed`), in :func:`reviewed_codings`' state and counts
KEPT = "kept"


def valence_reviewed(
    rows: Iterable[tuple[Decision, str | None]], decided: Collection[str], result: CodingResult
) -> dict[str, list[str]]:
    """The segments of ``result`` (id -> their top codes) that a ``valence`` row read from a
    review in a QDA program (:func:`from_qda_review`; ``rows``: each with the segment it is
    on) reviews alone, no code decision on them (``decided``: the segments with one). There the
    passage coded with a valence code alone "reviews its valence only", its suggested codes
    not rejected (docs/refi-qda.md, section 3): the model's top code stands, with that valence.
    Only on a segment that carries codes (:func:`~.framework.carries_codes`): ``roqa export``
    writes no suggestion on a procedural, novel or interviewer's segment, so the reviewer saw
    none there to keep. In the report, a valence alone decides nothing: the reviewer accepts or
    rejects the code with its own buttons."""
    from .coding_agreement import top_codes
    from .framework import carries_codes

    by_id = {s.segment.id: s for s in result.segments}
    out: dict[str, list[str]] = {}
    for d, sid in rows:
        if d.decision != VALENCE or sid is None or sid in decided or not from_qda_review(d):
            continue
        s = by_id.get(sid)
        if s is not None and s.suggestions and carries_codes(s):
            out[sid] = sorted(top_codes(s), key=[g.code_id for g in s.suggestions].index)
    return out


def segment_notes(result: CodingResult) -> dict[str, list[str]]:
    """Segment id -> the notes written on it (:data:`SEGMENT_NOTES`); empty when none."""
    meta = result.meta if isinstance(result.meta, dict) else {}
    notes = meta.get(SEGMENT_NOTES)
    if not isinstance(notes, dict):
        return {}
    return {
        str(k): [str(n) for n in v if isinstance(n, str) and n.strip()]
        for k, v in notes.items()
        if isinstance(v, list)
    }


def project_code_id(name: str) -> str:
    """The stable id of a new code named ``name``; a name written as a project code's id
    (``project.hope``, :func:`written_as_id`) is that id, not ``project.project-hope`` (hunt s69
    h_newvalence, 2)."""
    return written_as_id(name) or f"{PROJECT_PREFIX}{slug(name)}"


def written_as_id(name: str) -> str | None:
    """The project code id a new code's name is written as (``project.hope``, ``Project.Staff
    morale`` -> ``project.staff-morale``), else None: a reviewer naming the code by its id in the
    new-code cell means that code."""
    text = unicodedata.normalize("NFKC", name).strip()
    rest = text[len(PROJECT_PREFIX) :]
    if not text.casefold().startswith(PROJECT_PREFIX) or not re.search(r"[^\W_]", rest):
        return None
    return f"{PROJECT_PREFIX}{slug(rest)}"


#: The description a new code is given (:func:`project_codebook`). It names the code as it was
#: created, so a code renamed later (in a QDA program) is still known as the code it was. A
#: new-code row may name a segment of the open-coding queue or any other segment of the review:
#: which, the code does not keep (tester learning, s59: a code named in review was said made
#: "during open coding")
PROJECT_CODE_DESCRIPTION = "Project code created in open coding or review: {name}."
#: the descriptions new codes were given before, still read by :func:`created_as`
EARLIER_PROJECT_CODE_DESCRIPTIONS = ("Project code created during open coding: {name}.",)


def created_as(description: str) -> str | None:
    """The name a new code was created under, from its description
    (:data:`PROJECT_CODE_DESCRIPTION`, or one of :data:`EARLIER_PROJECT_CODE_DESCRIPTIONS`),
    else None."""
    text = description.strip()
    for made in (PROJECT_CODE_DESCRIPTION, *EARLIER_PROJECT_CODE_DESCRIPTIONS):
        head, _, tail = made.partition("{name}")
        if text.startswith(head) and text.endswith(tail) and len(text) > len(head + tail):
            return text[len(head) : len(text) - len(tail)].strip() or None
    return None


def empty_review(path: Path) -> RoqaError | None:
    """The error of a decisions file of 0 bytes, as a failed download or save leaves it, not a
    review saved before any decision (whose header line is there), else None: one wording
    whether the file is given (``--decisions``) or found beside the codings (tester s66
    longitud, 4: it got the header-only file's "holds no decisions"; session 67: found beside
    the codings, it was read as a review with no decision in it)."""
    if not (path.is_file() and path.stat().st_size == 0):
        return None
    # a workbook is saved from Excel, not the page; with nothing to save, it is in the way
    # (hunt s67 h_small: "save again" alone left no way on to a re-run with no review)
    again = "the workbook" if path.suffix.lower() == ".xlsx" else "the decisions from report.html"
    return RoqaValueError(
        "is empty",
        path=path,
        hint=f"0 bytes, as a failed download or save leaves it: save {again} again, or "
        "delete it to go on without it",
    )


#: what to do about a row with more fields than the header (a note or code typed with a comma)
_TOO_MANY_FIELDS = too_many_fields_hint("a note, a text")
#: the longest field (a note, a segment's text) a decisions file may hold
FIELD_LIMIT = 16 * 2**20


def read_decisions(
    path: str | Path, *, allow_empty: bool = False, codebook: Codebook | None = None
) -> tuple[list[Decision], str]:
    """Decisions from a CSV, JSONL or ``.xlsx`` file (its first sheet, read as ``roqa evaluate``
    reads records), and the SHA-256 of the file; a file holding none is an error unless
    ``allow_empty`` (a report saved before any decision was made), said to be empty when it
    has 0 bytes (a failed download or save, not a review), and so is a document given
    in its place (a Word table, a PDF, the report: :func:`_refuse_documents`). ``codebook``,
    the codebook of the codings reviewed when the caller has it, tells a renamed suggestion
    column by its cells (:func:`_warn_of_columns_not_read`)."""
    p = Path(path)
    if p.is_dir():
        refuse_folder(p)
    if not p.exists():
        raise decisions_not_found(p)
    if not allow_empty and (empty := empty_review(p)) is not None:
        raise empty
    suffix = p.suffix.lower()
    if suffix != ".xlsx":
        _refuse_documents(p)
    rows: list[dict[Any, Any]]
    skipped = 0  # blank lines above a CSV's header, empty rows above a sheet's
    first = ""  # a CSV's header line
    named: list[str] = []  # the header's cells (a CSV's or a sheet's), with rows under it or not
    if suffix in (".jsonl", ".json"):
        rows = read_jsonl(p)
    elif suffix == ".xlsx":  # saved from Excel: read as records are (roqa evaluate, train)
        sheet, skipped = from_the_header_row(xlsx_rows(p), "segment_id")
        rows = _sheet_rows(sheet)
        named = ["" if c is None else str(c) for c in (sheet[0] if sheet else ())]
        if not any(c is not None and str(c).strip() for row in sheet for c in row):
            empty = first_sheet_empty_error(p, "the decisions")
            if empty is not None:
                raise empty
    else:
        text = read_text(p)  # UTF-8 (BOM or not) or UTF-16 with BOM (Excel's "Unicode text")
        text, skipped = from_the_header(text, "segment_id")
        delimiter = csv_delimiter(text, "segment_id")  # the header's: "Checked, JB" in a ; file
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        rows = []
        fieldnames: list[str] = []
        read_to = 0  # the line the row read last ends on (of the text from the header)

        def too_wide(cells: list[str], width: int, line: int) -> list[str]:
            # rows read into a cell whose quote is never closed widen it too: said as such
            _refuse_rows_read_into_a_cell(
                cells, fieldnames, p, row=len(rows) + 2 + skipped, line=read_to + 1 + skipped,
                delimiter=delimiter,
            )  # fmt: skip
            raise too_many_fields(cells, width, line, p, _TOO_MANY_FIELDS)

        try:
            with _long_fields():
                for cells in rows_within_header(
                    reader, p, skipped=skipped, columns=("segment_id",), on_extra=too_wide
                ):
                    starts, read_to = read_to + 1 + skipped, reader.line_num
                    if not fieldnames:
                        fieldnames = cells or [""]
                    elif cells:  # a row with no field is passed over, as csv.DictReader does
                        _refuse_rows_read_into_a_cell(
                            cells, fieldnames, p, row=len(rows) + 2 + skipped, line=starts,
                            delimiter=delimiter,
                        )  # fmt: skip
                        paired = itertools.zip_longest(fieldnames, cells)
                        rows.append({k: v for k, v in paired if k is not None})
        except csv.Error as e:
            raise RoqaValueError(
                f"row {len(rows) + 2 + skipped}: {e}",
                path=p,
                hint=f"a field holds at most {FIELD_LIMIT // 2**20} MB; shorten the note",
            ) from None
        if (opened := quote_left_open(text, delimiter)) is not None:
            # a quote never closed: csv reads the rest of the file into that cell in silence
            raise RoqaValueError(
                f"line {opened + skipped}: a quote opening a cell there is never closed, so "
                "the rest of the file is read into that cell",
                path=p,
                hint=_CLOSE_THE_QUOTE,
            )
        first = text.split("\n", 1)[0].rstrip("\r").lstrip("\ufeff")  # the header, as written
        named = fieldnames
        if _a_decision_row(fieldnames):  # one row alone is read as the header
            raise RoqaValueError(
                f"the first line {quoted(first)} is a decision, not the header",
                path=p,
                hint=f"put the header line back above it: {delimiter.join(COLUMNS)}",
            )
    # the header row, rows under it or none: a sheet of a summary or a line of other columns
    # alone was a review of no decisions (roqa report: "decisions: 0 carried", s77 hunt)
    header = {column_key(k) for k in named if k}
    if suffix not in (".jsonl", ".json") and any(header) and "segment_id" not in header:
        if suffix in _TRANSCRIPT_TEXT and not header & (set(COLUMNS) - {"text"}):
            # said "no segment_id column ... (line 1: Interviewer: ...)" (api tester, s79); a
            # transcript's table (Speaker,Text) names a text column too (hunt s80 F6)
            import shlex

            from .errors import in_python_too

            line = "first line" if not skipped else f"line {skipped + 1}, the first not blank,"
            raise RoqaValueError(
                f"is a transcript, not a decisions file (its {line} names no column of one: "
                f"{cut(first, 60)})",
                path=p,
                hint=in_python_too(
                    f"{_GIVE_DECISIONS}; to code the transcript: roqa code "
                    f"{shlex.quote(str(p))} --out coded/",
                    f"AutoCoder.load().code({str(p)!r})",
                ),
            )
        where = "row" if suffix == ".xlsx" else "line"
        # as the file writes it, empty cells too (a CSV row's are one key, so gone from rows[0])
        said = first if suffix != ".xlsx" else ",".join(k for k in named if k)
        later = later_sheets_with_cells(p) if suffix == ".xlsx" else []
        # "expected": a bare "header: segment_id,..." read as the header found (adapt, s42)
        raise RoqaValueError(
            f"decisions file has no segment_id column in its header row ({where} {skipped + 1}: "
            f"{cut(said, 200)})"
            + (
                f"; only the first sheet of a workbook is read (the sheet {later[0]!r} holds cells)"
                if later
                else ""
            ),
            path=p,
            hint="move the decisions to the first sheet, or save that sheet as CSV UTF-8"
            if later
            else f"expected the columns {', '.join(COLUMNS)}, separated by commas, semicolons "
            "or tabs",
        )
    if rows and _codings_record(rows[0]):
        raise RoqaValueError(
            "is roqa's codings (one segment a line), not a decisions file"
            if suffix in (".jsonl", ".json")
            else "is the spreadsheet of the codings, not a decisions file",
            path=p,
            hint=_GIVE_DECISIONS,
        )
    _warn_of_columns_not_read(rows, p, named, codebook)
    out = []
    for i, r in enumerate(rows, 2 + skipped if suffix not in (".jsonl", ".json") else 1):
        d = decision_of(r, row=i, path=p)
        if d is not None:
            out.append(d)
    if not out and not allow_empty:
        raise RoqaValueError(
            "holds no decisions",
            path=p,
            hint="accept, reject or recode suggestions in report.html and save its decisions",
        )
    return out, sha256_bytes(p.read_bytes())


#: the columns of :data:`COLUMNS` the report writes only when a review uses them
_WRITTEN_WHEN_USED = ("valence", "suggestion")


def _code_ids(codebook: Codebook | None) -> Callable[[str], bool]:
    """Whether a cell is the id of a codable code of ``codebook`` (the codings' codebook), or
    of the default codebook when the caller has none: what a suggestion column holds. A cell
    only shaped like an id (a reviewer's initials ``A.B``, ``TB.2``: s77 hunt7 LOW 2), the id
    of another built-in codebook (a survey wave ``T1``) or a domain's (initials ``IS``) is
    none (s78 hunt2 F2)."""
    if codebook is None:
        from .codebook import DEFAULT_CODEBOOK, builtin_codebook

        codebook = builtin_codebook(DEFAULT_CODEBOOK)
    ids = {c.id for c in codebook.codable}
    return ids.__contains__


def _as_roqa_writes(cell: object) -> bool:
    """Whether a header cell names its column as roqa writes it (``code_id``, in any case), not
    retyped (``Code ID``): where both are in a header, roqa's own is read (s78 hunt2 F5)."""
    return header_cell(cell) == column_key(cell)


def _warn_of_columns_not_read(
    rows: Sequence[Mapping[Any, Any]],
    path: Path,
    header: Sequence[str] = (),
    codebook: Codebook | None = None,
) -> None:
    """Warn when a column a decisions file's rows fill is not one of :data:`COLUMNS` while one
    of those is missing: a column renamed in Excel ("comment" for note, "Valenz", "Notes"),
    whose cells were left out in silence (a reviewer's notes, a recode's valence: s77). A
    column of the researcher's own beside every column roqa reads is said nothing of. And
    when one of :data:`COLUMNS` is twice in the ``header`` (a CSV's or a sheet's): the last
    is read, the first's cells were left out in silence (a note column copied in Excel)."""
    from .errors import warn

    keys = [column_key(k) for k in header]
    twice = [c for c in COLUMNS if keys.count(c) > 1]
    # a retyped column beside roqa's own (one cell written as roqa writes it): roqa's is read
    beside = {
        c: [str(k).strip() for k, key in zip(header, keys) if key == c and not _as_roqa_writes(k)]
        for c in twice
        if sum(key == c and _as_roqa_writes(k) for k, key in zip(header, keys)) == 1
    }
    for c, others in beside.items():
        one = len(others) == 1
        warn(
            f"{'column' if one else 'columns'} {and_list(quoted(k) for k in others)} "
            f"{'is' if one else 'are'} not read: the file's {c} column is (rename "
            f"{'it' if one else 'them'} if {'it is' if one else 'they are'} a column of your own)",
            path=path,
        )
    if twice := [c for c in twice if c not in beside]:
        one = len(twice) == 1
        warn(
            f"{'column' if one else 'columns'} {and_list(quoted(c) for c in twice)} "
            f"{'is' if one else 'are'} in the header twice: only the last"
            f"{'' if one else ' of each'} is read, the other's cells left out (keep one)",
            path=path,
        )
    named: dict[str, str] = {}  # a column, as read (column_key) -> as written
    cells: dict[str, set[str]] = {}  # a column, as read -> its cells filled
    for r in rows:
        for k, v in r.items():
            if k is None or not (key := column_key(k)):
                continue
            named.setdefault(key, str(k).strip())
            if v is not None and str(v).strip():
                cells.setdefault(key, set()).add(str(v).strip())
    unread = [key for key in cells if key not in COLUMNS]
    # the columns the report always writes (segment_id to text) are missing when not there;
    # valence and suggestion, written only when used, only beside an unread column whose cells
    # read as valences or as ids of the codebook's codes ("reviewer" = JB beside the 6-column
    # export is neither: it was said to be maybe one of them renamed, s77 hunt2 F3; nor are
    # initials "A.B", shaped like ids, s77 hunt7)
    missing = [c for c in COLUMNS if c not in named and c not in _WRITTEN_WHEN_USED]
    is_code = _code_ids(codebook)
    looks = {
        "valence": [k for k in unread if all(v.lower() in VALENCE_SYNONYMS for v in cells[k])],
        "suggestion": [k for k in unread if all(is_code(v) for v in cells[k])],
    }
    like = [c for c in _WRITTEN_WHEN_USED if c not in named and looks[c]]
    if not missing:  # only the columns that look like the missing ones are named
        unread = [k for k in unread if any(k in looks[c] for c in like)]
    missing += like
    if not missing or not unread:
        return
    unread = [named[k] for k in unread]
    one = len(unread) == 1
    back = (
        f"the {missing[0]} column renamed, rename it back to {missing[0]}"
        if len(missing) == 1
        else "one of them renamed, rename it back"
    )
    warn(
        f"{'column' if one else 'columns'} {and_list(quoted(c) for c in unread)} "
        f"{'is' if one else 'are'} not read, and the file has no {' or '.join(missing)} "
        f"column: if {'it' if one else 'one'} is {back} (else {'its' if one else 'their'} "
        "cells are left out)",
        path=path,
    )


def _codings_record(first: Mapping[Any, Any]) -> bool:
    """Whether ``first``, the first row of a file given as decisions, is a segment's codings
    (``codings.jsonl``'s suggestions, ``codings.csv``'s ranked ``probability_1``) with no
    decision column: said so, not "row 2: unknown decision ''" (mistakes tester, session 52)."""
    keys = {column_key(k) for k in first if k}
    ranked = "suggestions" in keys or any(k.startswith("probability_") for k in keys)
    return "segment_id" in keys and "decision" not in keys and ranked


def decision_of(
    fields: Mapping[Any, Any], *, row: int = 0, path: str | Path | None = None
) -> Decision | None:
    """The decision of one row of a decisions file, or of a report page's review
    (:func:`page_decisions`): ``fields`` maps column names (any case) to values, each read as
    text without the spaces around it and the apostrophe a spreadsheet-safe cell keeps before
    ``= + - @``; the decision's spelling (``New_Code``, ``nocode``) and the valence
    (``facilitator``: enabler) are normalised, and a recode alone keeps the suggestion it
    replaced. A row that holds nothing is None; one that is no decision a one-line error naming
    ``row`` (as messages number
    the file's rows) and ``path``."""
    r: dict[str, str] = {}
    own: set[str] = set()  # the columns read from a cell written as roqa writes it
    for k, v in fields.items():
        if not k:
            continue
        key = column_key(k)
        if key in own and not _as_roqa_writes(k):
            continue  # a reviewer's retyped column beside roqa's own (Code ID by code_id)
        if _as_roqa_writes(k):
            own.add(key)
        # a cell a spreadsheet would run as a formula was saved with a "'" before it
        r[key] = "" if v is None else spreadsheet_text(str(v).strip())
    if not any(r.values()):
        return None  # a wholly empty row, as Excel leaves below the last one (;;;;;;)
    i = row
    d = decision_word(r.get("decision", ""))
    if d not in DECISIONS:
        # a misspelt decision is asked about, as a --unit or codebook id is (cliux s64, 5: acept)
        near = nearest_words(d, DECISIONS, n=1)
        raise RoqaValueError(
            f"row {i}: unknown decision {quoted(r.get('decision', ''))}",
            path=path,
            hint="".join(f"did you mean {w}? " for w in near)
            + "use accept, reject, recode, new-code, no-code, note or valence",
        )
    if not r.get("segment_id"):
        raise RoqaValueError(
            f"row {i}: no segment_id", path=path, hint="every decision names a segment"
        )
    if d in ("accept", "reject", "recode") and "code_id" not in r:
        raise RoqaValueError(
            f"row {i}: {d} needs a code_id, and the file has no code_id column",
            path=path,
            hint=f"header: {','.join(COLUMNS)} (found: {','.join(k for k in r)})",
        )
    if d in ("accept", "reject", "recode") and not r.get("code_id"):
        raise RoqaValueError(f"row {i}: {d} needs a code_id", path=path)
    if d == "new-code" and not r.get("new_code"):
        raise RoqaValueError(f"row {i}: new-code needs a new_code name", path=path)
    valence = r.get("valence", "")
    if valence:
        try:
            valence = normalise_valence(valence)
        except ValueError:
            raise RoqaValueError(
                f"row {i}: unknown valence {quoted(valence)}",
                path=path,
                hint="use barrier, enabler or neutral",
            ) from None
    elif d == VALENCE:
        raise RoqaValueError(
            f"row {i}: valence needs a valence (barrier, enabler or neutral)", path=path
        )
    return Decision(
        segment_id=nfc(r["segment_id"]),  # typed composed or not, as segment ids are
        decision=d,
        code_id=r.get("code_id", ""),
        new_code=r.get("new_code", ""),
        note=r.get("note", ""),
        text=r.get("text", ""),
        valence=valence,
        suggestion=r.get("suggestion", "") if d == "recode" else "",
        row=i,
    )


#: the fields of a decision as a report page keeps its review, in their order
#: (:func:`~roqa_nlp.report.embedded_decisions`): not its text, which the page's segment shows
PAGE_FIELDS = ("segment_id", "decision", "code_id", "new_code", "note", "valence", "suggestion")


def page_row(d: Decision, segment_id: str) -> list[str]:
    """``d`` on the segment ``segment_id`` as a report page keeps it (:data:`PAGE_FIELDS`), the
    fields after ``note`` that it does not need left out."""
    row = [segment_id, *(str(getattr(d, f)) for f in PAGE_FIELDS[1:])]
    while len(row) > 5 and not row[-1]:
        row.pop()
    return row


def page_decisions(rows: Sequence[Sequence[Any]]) -> list[Decision]:
    """The decisions of a report page's review (rows of :data:`PAGE_FIELDS`, as
    :func:`page_row` writes them), read by :func:`decision_of` as a decisions file's rows are,
    numbered from 1; a row that is no decision (a page edited by hand) is left out."""
    out = []
    for i, r in enumerate(rows, 1):
        try:
            d = decision_of(dict(zip(PAGE_FIELDS, r)), row=i)
        except RoqaError:
            continue
        if d is not None:
            out.append(d)
    return out


#: the name the report's Save decisions gives the file
DECISIONS_CSV = "decisions.csv"
#: the names of a review beside its codings, which the commands read when no ``--decisions`` is
#: given: the report's file, and that file saved from Excel in Excel's own format
REVIEW_FILES = (DECISIONS_CSV, "decisions.xlsx")
#: what the copy of a review kept before ``roqa code --out`` first adds rows to it is called:
#: ``decisions.before-recode.csv`` beside ``decisions.csv`` (:func:`keep_before_recode`)
BEFORE_RECODE = "before-recode"


def is_review_copy(name: str) -> bool:
    """Whether the file ``name`` is the copy of a review :func:`keep_before_recode` keeps: the
    researcher's own file, not one made from the codings."""
    return Path(name).stem.endswith(f".{BEFORE_RECODE}")


def review_beside(folder: Path) -> tuple[Path | None, str | None]:
    """The review saved beside the codings in ``folder`` (one of :data:`REVIEW_FILES`), or
    None, and a note when there are two: the one saved last is read (a review saved from the
    report, then from Excel as a workbook, is the workbook), the ``.csv`` when they were saved
    at the same time. The one place ``roqa report``, ``roqa code`` and ``roqa apply-decisions``
    decide which file beside the codings is the review."""
    found = [folder / name for name in REVIEW_FILES if (folder / name).is_file()]
    if len(found) < 2:
        return (found[0] if found else None), None
    empty = [p for p in found if p.stat().st_size == 0]
    if len(empty) == len(found):  # no review to choose: the first is said to be empty
        return found[0], None
    if empty:
        # a failed save beside a review: the review is read, never the empty one (hunt s67
        # h_small: "delete the other" pointed at the only good file)
        kept = next(p for p in found if p not in empty)
        return kept, (
            f"{folder}: {and_list(p.name for p in empty)} beside the codings is empty (0 bytes, "
            f"a failed save): {kept.name} is read (delete the empty one)"
        )
    times = [p.stat().st_mtime_ns for p in found]
    newest = max(times)
    chosen = found[times.index(newest)]  # the first (the .csv) of two as new
    how = "the newer" if times.count(newest) == 1 else "as new as the other"
    return chosen, (
        f"{folder}: both {and_list(p.name for p in found)} are beside the codings: "
        f"{chosen.name}, {how}, is read (delete the other, or give one with --decisions)"
    )


#: a review file named nearly as :data:`REVIEW_FILES`, as a browser names a second download
#: (``decisions (1).csv``, ``decisions(2).csv``), as a copy is named (``decisions - Copy.csv``,
#: ``decisions copy.csv``, ``decisions 2.csv``) or in other case (``Decisions.csv``)
_NEAR_REVIEW_NAME = re.compile(
    r"decisions(?:\s*\(\d+\)|\s*[-_ ]\s*copy(?:\s*\(\d+\))?|[-_ ]\d+)?\.(?:csv|xlsx)",
    re.IGNORECASE,
)


def near_named_reviews(folder: Path, *, non_empty: bool = False) -> list[str]:
    """The names of the files beside the codings in ``folder`` named nearly as a review
    (:data:`_NEAR_REVIEW_NAME`: a browser's second download ``decisions (1).csv`` moved in)
    when none of :data:`REVIEW_FILES` is there, sorted whatever their case, those of 0 bytes
    (a failed download) left out when ``non_empty``; none otherwise. Such a file is never
    read as the review on its own (which of two downloads is the review is the researcher's to
    say): the commands name it, with what to do (docs tester s76 #3: it was ignored in
    silence)."""
    if not folder.is_dir() or review_beside(folder)[0] is not None:
        return []
    return [p.name for p in _near_named_files(folder, non_empty=non_empty)]


def _near_named_files(folder: Path, *, non_empty: bool = False) -> list[Path]:
    """The files in ``folder`` named nearly as a review (:data:`_NEAR_REVIEW_NAME`), not as
    one of :data:`REVIEW_FILES`, sorted by name whatever its case; with ``non_empty``, not
    those of 0 bytes (a failed download, no review: :func:`newer_near_named`,
    :func:`refuse_folder`)."""
    return sorted(
        (
            p
            for p in folder.iterdir()
            if p.name not in REVIEW_FILES
            and _NEAR_REVIEW_NAME.fullmatch(p.name)
            and p.is_file()
            and not (non_empty and p.stat().st_size == 0)
        ),
        key=lambda p: p.name.casefold(),
    )


def _review_name_for(near: Sequence[str]) -> str:
    """The name to give the review among ``near`` (files named nearly as one): ``decisions``
    with its own suffix for one file (a workbook is decisions.xlsx, not .csv), else both."""
    if len(near) == 1:
        return "decisions" + Path(near[0]).suffix.lower()
    return f"{DECISIONS_CSV} (a workbook decisions.xlsx)"


def rename_to_review(near: Sequence[str]) -> str:
    """What to do with the files :func:`near_named_reviews` found: rename the review, or give
    it with ``--decisions`` (:func:`_review_name_for`)."""
    return f"rename the review to {_review_name_for(near)}, or give it with --decisions"


def near_named_review(folder: Path) -> str | None:
    """The warning naming the files :func:`near_named_reviews` finds in ``folder``, or None."""
    near = near_named_reviews(folder)
    if not near:
        return None
    return (
        f"{folder}: {and_list(near)} {'is' if len(near) == 1 else 'are'} beside the codings, "
        f"but only {' or '.join(REVIEW_FILES)} is read as the review: {rename_to_review(near)}"
    )


def newer_near_named(read: Path) -> list[Path]:
    """The files beside ``read`` (the review found beside the codings, :func:`review_beside`)
    named nearly as a review (:data:`_NEAR_REVIEW_NAME`) and saved after it, sorted by name; a
    file of 0 bytes (a failed download) is no review and is not among them. The one rule of a
    later download every command that reads the review beside the codings warns of
    (:func:`newer_near_named_review`, :func:`refuse_folder`). Nor is a file of the same bytes
    as ``read`` (the review saved twice: s77 hunt2 F5), which reading it would change nothing."""
    read_st = read.stat()
    return [
        p
        for p in _near_named_files(read.parent, non_empty=True)
        if (st := p.stat()).st_mtime_ns > read_st.st_mtime_ns
        and not (st.st_size == read_st.st_size and p.read_bytes() == read.read_bytes())
    ]


def newer_near_named_review(read: Path) -> str | None:
    """The warning naming the files named nearly as a review (:data:`_NEAR_REVIEW_NAME`: a
    browser's later download ``decisions (1).csv`` moved in) saved after ``read``, the review
    found beside the codings (:func:`review_beside`), which is still the one read; None when
    none is newer. A file of 0 bytes (a failed download) is no review and is not named. Before
    this, the older review was read with no word of the newer download (docs fixer s76)."""
    newer = [p.name for p in newer_near_named(read)]
    if not newer:
        return None
    name = _review_name_for(newer)
    if len(newer) == 1:
        instead = f"to read {newer[0]} instead, rename it to {name}"
        if name == read.name:
            instead += " (replacing the older)"
    else:
        instead = f"to read one of them instead, rename it to {name}"
    return (
        f"{read.parent}: {and_list(newer)} beside the codings "
        f"{'is' if len(newer) == 1 else 'are'} newer than {read.name}, which is read as the "
        f"review: {instead}, or give it with --decisions"
    )


def decision_word(cell: str) -> str:
    """A decision cell as the decision it spells (``New_Code``, ``newcode``: ``new-code``;
    ``nocode``: ``no-code``), to be looked up in :data:`DECISIONS`."""
    d = cell.lower().replace("_", "-").replace("newcode", "new-code")
    return d.replace("nocode", NO_CODE)


#: what to do about a quote a decisions file's cell opens and never closes
_CLOSE_THE_QUOTE = (
    "close the quote (\") where the cell's words end, as Excel writes it, or save the decisions "
    "from report.html again"
)


def _refuse_rows_read_into_a_cell(
    cells: Sequence[str],
    header: Sequence[str],
    path: Path,
    *,
    row: int,
    line: int,
    delimiter: str,
) -> None:
    """A one-line error when a cell of a decisions file's row (read from ``line`` on, numbered
    ``row`` as messages number rows) holds a line of its own that reads as a decision row (a
    segment id, then a decision word where the ``header`` has them): a quote opening the cell
    was never closed, and ``csv`` read the rows below into it, lost in silence (learn2 tester,
    s81 F1: an accept trained on the words of the row below it, that row named nowhere). The
    quote closed in a later row keeps the row's width, so no cell count tells it."""
    keys = [column_key(k) for k in header]
    if "segment_id" not in keys or "decision" not in keys:
        return
    seg_at = len(keys) - 1 - keys[::-1].index("segment_id")  # the last is read
    at = len(keys) - 1 - keys[::-1].index("decision")
    down = 0  # the lines of the row's cells before this one
    for n, cell in enumerate(cells):
        lines = cell.split("\n")
        for k, said in enumerate(lines[1:], 1):
            read = next(csv.reader([said.strip("\r")], delimiter=delimiter), [])
            if (
                len(read) > max(seg_at, at)
                and read[seg_at].strip()
                and decision_word(read[at].strip()) in DECISIONS
            ):
                name = header[n].strip() if n < len(header) and header[n].strip() else "last"
                raise RoqaValueError(
                    f"row {row} (line {line + down}): its {name} cell runs on to line "
                    f"{line + down + k}, which reads as a decision row ({cut(said.strip(), 60)}): "
                    "a quote opening the cell is not closed, so the rows after it are read as "
                    "its words",
                    path=path,
                    hint=_CLOSE_THE_QUOTE,
                )
        down += len(lines) - 1


def _a_decision_row(header: Iterable[object]) -> bool:
    """Whether the cells read as a CSV file's ``header`` are a decision's row: none names
    segment_id and one is a decision that names no column (accept, reject, recode, new-code,
    no-code), as when the header line was lost (adapt tester, session 42: the rejects grep-ed
    out of a decisions.csv were said to have no segment_id column). A row that names the
    columns ``decision`` or ``code_id`` is a header (one with a column ``accept`` too), and
    one whose second cell, the report's decision column, is ``note`` or ``valence`` a
    decision's (regression hunt, s42)."""
    cells = [header_cell(k) for k in header]
    words = set(cells) - {""}
    if {column_key(c) for c in words} & {"segment_id", "decision", "code_id"}:
        return False  # names the columns: a header, right or wrong ("id,decision,code_id,accept")
    # a decision as written (new-code, not the column new_code), or one that is also a column's
    # name (note, valence) where the report writes it
    return bool(words & (set(DECISIONS) - set(COLUMNS))) or cells[1:2] in (["note"], ["valence"])


def is_decisions_header(cells: Iterable[object], rows: Iterable[object] = ()) -> bool:
    """Whether a header row (or a JSON record's keys) names a decisions file's columns:
    ``segment_id`` and ``decision`` as roqa writes them (any case; codings name no
    ``decision``), or retyped (``Segment ID``: :func:`~roqa_nlp.io.column_key`) over first
    ``rows`` (sequences under the header, or records) whose decision cells are decision words
    (``accept``). An adjudication sheet's ``Segment ID, ..., Decision`` of codes is none: it
    was said to be a decisions file, and the hint to apply it failed (s78 hunt2 F3)."""
    header = [c for c in cells]
    written = {header_cell(c) for c in header if c is not None}
    if {"segment_id", "decision"} <= written:
        return True
    keys = [None if c is None else column_key(c) for c in header]
    if not {"segment_id", "decision"} <= set(keys):
        return False
    at = len(keys) - 1 - keys[::-1].index("decision")  # the last is read
    said = []
    for row in itertools.islice(rows, 5):
        if isinstance(row, Mapping):
            cell = next(
                (v for k, v in row.items() if k is not None and column_key(k) == "decision"), None
            )
        elif isinstance(row, Sequence) and not isinstance(row, str) and len(row) > at:
            cell = row[at]
        else:
            cell = None
        if cell is not None and str(cell).strip():
            said.append(str(cell).strip().lower())
    return bool(said) and all(w in DECISIONS for w in said)


#: how much of a file's head :func:`is_decisions_file` reads (a header, a first JSON line)
_HEAD_BYTES = 64 * 1024


def is_decisions_file(path: Path) -> bool:
    """Whether ``path`` is a decisions file by its head: the report's ``decisions.csv`` (as
    Excel saves it again too: semicolons or tabs, a title line above the header, ``.xlsx``) or
    decisions as JSON lines, whose header or first record names ``segment_id`` and
    ``decision``. Reads the first 64 KB (a sheet's first rows); anything unreadable is not one,
    its reader says what is wrong with it."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            rows, _ = from_the_header_row(xlsx_rows(path), "segment_id")
            return bool(rows) and is_decisions_header(rows[0], rows[1:])
        with open(path, "rb") as fh:
            head = fh.read(_HEAD_BYTES)
    except (OSError, RoqaError):
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        text = head[: len(head) // 2 * 2].decode("utf-16", "replace")
    else:
        text = head.decode("utf-8-sig", "replace")
    text = text.replace("\r\n", "\n")
    if suffix in (".jsonl", ".json"):
        import json

        first = next((line for line in text.split("\n") if line.strip()), "")
        try:
            record = json.loads(first)
        except (ValueError, RecursionError):
            return False
        return isinstance(record, dict) and is_decisions_header(record, [record])
    text = from_the_header(text, "segment_id")[0]
    header, _, rest = text.partition("\n")
    try:
        below = list(
            itertools.islice(
                csv.reader(io.StringIO(rest), delimiter=csv_delimiter(text, "segment_id")), 5
            )
        )
    except csv.Error:
        below = []
    return is_decisions_header(re.split(r"[,;\t]", header.replace('"', "")), below)


def decisions_folder(path: Path) -> Path | None:
    """The folder of the codings a decisions file at ``path`` decides on, when it is beside
    them (the report saves it there); None when it is elsewhere (Downloads/)."""
    return path.parent if (path.parent / "codings.jsonl").is_file() else None


def decisions_not_found(path: Path) -> RoqaFileNotFoundError:
    """The error of a decisions file given that is not there, one wording for every command
    that reads one (``roqa train --feedback`` said only "check the path", session 56)."""
    from .io import missing_path_hint

    return RoqaFileNotFoundError(
        "file not found",
        path=path,
        hint=missing_path_hint(path, "check the path: the decisions file saved from report.html"),
    )


def refuse_folder(folder: Path) -> None:
    """The one-line error for a folder given as a decisions file (Downloads/), naming the
    review in it when there is one (:func:`review_beside`) and a later download beside it
    (:func:`newer_near_named`), else the file named nearly as a review in it
    (:func:`near_named_reviews`): ``roqa train --feedback coded/`` named the older
    decisions.csv alone (s77)."""
    beside = review_beside(folder)[0]
    if beside is not None:
        hint = f"give the decisions file in it: {beside}"
        if newer := newer_near_named(beside):
            # a later download beside it (as roqa report and apply-decisions warn, s77)
            one = len(newer) == 1
            hint += (
                f"; {and_list(p.name for p in newer)} beside it {'is' if one else 'are'} newer: "
                f"give {'it' if one else 'one of them'} if {'it is' if one else 'one is'} the "
                "review"
            )
    elif near := near_named_reviews(folder, non_empty=True):
        # a second download alone, read when given (s77); not a failed one (F4)
        hint = (
            f"give the decisions file in it: {folder / near[0]}"
            if len(near) == 1
            else f"give one of the decisions files in it: {and_list(str(folder / n) for n in near)}"
        )
    else:
        hint = "give the decisions file saved from report.html, not its folder"
    raise RoqaValueError("is a folder, not a decisions file", path=folder, hint=hint)


def _sheet_rows(rows: Iterable[Sequence[Any]]) -> list[dict[Any, Any]]:
    """The rows under the header row of a sheet (:func:`~roqa_nlp.record_files.xlsx_rows`) as
    a CSV's rows are read: header cell -> cell (a number as its text, an empty cell ``None``)."""
    it = iter(rows)
    header = ["" if c is None else str(c) for c in next(it, ())]
    return [{k: None if v is None else str(v) for k, v in zip(header, row) if k} for row in it]


#: the suffixes of a transcript's plain text (a decisions file may be a .txt, Excel's "Unicode
#: text", but then its first line names the columns)
_TRANSCRIPT_TEXT = (".txt", ".md", ".vtt", ".srt", ".sbv")

#: the hint of a file given as decisions that is none
_GIVE_DECISIONS = (
    "give the decisions.csv that Save decisions in report.html writes, or a .xlsx or .jsonl with "
    "its columns"
)


def _refuse_documents(p: Path) -> None:
    """A one-line error when ``p`` is a document, not a decisions file: a Word table, a PDF, an
    old ``.xls`` workbook, a REFI-QDA project or the HTML report (by its first bytes, or its
    suffix for the report), which would otherwise be read as text in the wrong encoding."""
    from .spreadsheets import not_csv_text, unreadable_spreadsheet
    from .transcripts.protected import OLE_SIGNATURE

    try:
        with p.open("rb") as f:
            head = f.read(8)
    except OSError:
        return  # not found, a folder, unreadable: read_text says which
    suffix = p.suffix.lower()
    sheet = unreadable_spreadsheet(
        p,
        "decisions",
        then="with the columns of the decisions.csv that Save decisions in report.html writes",
    )
    if sheet is not None and not_csv_text(head):  # CSV text under such a name is read
        raise sheet
    said = None
    hint = _GIVE_DECISIONS
    if head.startswith(b"PK\x03\x04"):
        said = {
            ".docx": "is a Word document",
            ".qdpx": "is a REFI-QDA project",
        }.get(suffix, "is a zip archive (a Word, Excel or QDA file)")
        if suffix == ".qdpx":
            hint = (
                "read the review from it with roqa import, then give the decisions/CODER.csv "
                "it writes"
            )
    elif head.startswith(b"%PDF-"):
        said = "is a PDF document"
    elif head.startswith(OLE_SIGNATURE):  # an OLE compound file: Office before 2007
        said = "is a Word document" if suffix == ".doc" else "is an Office document"
    elif suffix in (".html", ".htm"):
        said = "is a web page (the HTML report?)"
    if said is not None:
        raise RoqaValueError(f"{said}, not a decisions file", path=p, hint=hint)


def same_text(text: str) -> str:
    """``text`` as decisions are matched by it: spacing and line breaks do not count (a
    transcript coded again may wrap its lines otherwise)."""
    return " ".join(text.split())


#: how near a decision's text must be to a segment's, when no segment has its very words, for
#: the decision to go to that segment (its transcript corrected since the review: a typo fixed,
#: a repeated word removed, a name pseudonymised): the similarity of their words, spacing and
#: case aside, as :class:`difflib.SequenceMatcher` measures it (2 × the words kept in order /
#: the words of both): one word changed in ten words is 0.9
NEAR_TEXT = 0.9
#: how far below that segment's similarity every other segment's must be: a decision nearly as
#: near two segments (an answer given twice in nearly the same words) goes to neither
NEAR_MARGIN = 0.1


#: a pseudonym where a name (or another identifier) stood in the talk, as ``roqa pseudonymise``
#: writes it, in square brackets (``[P01]``, ``[Interviewer]``, ``[email]``), and the most words
#: and characters of the words it may have replaced (a full name, a postal address): report.js
#: reads them alike (its PSEUDONYM, REPLACED_WORDS, REPLACED_CHARS; pseudonymsStand)
_PSEUDONYM = re.compile(r"\[[^\[\]]{1,60}\]")
REPLACED_WORDS = 10
REPLACED_CHARS = 120


def pseudonyms_stand(now: str, was: str) -> bool:
    """Whether ``was`` (a decision's text, spacing aside: :func:`same_text`) is ``now`` (a
    segment's, spacing aside) with each bracketed pseudonym of ``now`` read as the words it
    replaced: every other character the same, in order, and each pseudonym standing for words
    of their own (not starting or ending with a blank; at most :data:`REPLACED_WORDS` words,
    :data:`REPLACED_CHARS` characters) that pseudonymising may have replaced (beginning as a
    name, a number or an e-mail does, :func:`_may_begin_replaced`, holding no sentence end,
    :func:`_ends_sentence`); and the words outside the pseudonyms at least half of ``was``'s
    (session 80 hunt6 F1: re-segmented by sentence, a turn's decision moved onto the short
    sentence of its id holding a pseudonym). False when ``now`` holds no pseudonym, or is ``was``.
    Read by the places in ``was`` each part may end at, with no backtracking, as report.js's
    pseudonymsStand reads them (session 80: a review of the codings before pseudonymising on
    the pseudonymised codings, "Honestly Sam, ... Lucy Pemberton the trainer" on "Honestly
    [Interviewer], ... [P01] the trainer", 0.81 of the same words, lost its decision)."""
    parts: list[str | None] = []
    at = 0
    for m in _PSEUDONYM.finditer(now):
        parts += [now[at : m.start()], None]
        at = m.end()
    if not parts or now == was:
        return False
    parts.append(now[at:])
    kept = sum(_is_word(w) for part in parts if part for w in part.split(" "))
    if 2 * kept < sum(_is_word(w) for w in was.split(" ")):
        return False
    ends = {0}
    for part in parts:
        after: set[int] = set()
        for p in ends:
            if part is not None:
                if was.startswith(part, p):
                    after.add(p + len(part))
                continue
            if p >= len(was) or not _may_begin_replaced(was, p):
                continue
            words = 1
            for q in range(p + 1, min(len(was), p + REPLACED_CHARS) + 1):
                if was[q - 1] == " ":
                    words += 1
                    if words > REPLACED_WORDS:
                        break
                    continue
                if _ends_sentence(was, p, q):
                    break
                after.add(q)
        ends = after
    return len(was) in ends


def _is_word(token: str) -> bool:
    """Whether a blank-separated ``token`` is a word (holds a letter or a digit), as report.js's
    isWord reads it."""
    return any(c.isalnum() for c in token)


def _may_begin_replaced(was: str, p: int) -> bool:
    """Whether words pseudonymising may have replaced begin at ``was[p]``: what it replaces (a
    name, initials, a phone number, a date, a postcode, an address) begins with an upper-case
    letter, a digit, "+" or "(" (a phone number), or is a word holding "@" (an e-mail), as
    report.js's mayBeginReplaced reads it (session 80 hunt6 F1: "the managers. They ..." read
    as the words of "[P02]" moved a decision onto another answer)."""
    c = was[p]
    if unicodedata.category(c) == "Lu" or "0" <= c <= "9" or c in "+(":
        return True
    blank = was.find(" ", p)
    return "@" in was[p : blank if blank >= 0 else len(was)]


def _ends_sentence(was: str, p: int, q: int) -> bool:
    """Whether ``was[q - 1]``, the last character of words from ``p`` a pseudonym may stand for,
    ends a sentence ("." "?" "!" with more words after it): not an initial ("J. Smith"). The
    words a pseudonym replaced hold no sentence end (report.js's endsSentence)."""
    if was[q - 1] not in ".?!" or q >= len(was) or was[q] != " ":
        return False
    initial = was[q - 1] == "." and q - 2 >= p and unicodedata.category(was[q - 2]) == "Lu"
    return not (initial and (q - 2 == p or was[q - 3] == " "))


def quotes_pseudonyms(now: str, was: str) -> bool:
    """Whether ``was`` (a decision's text) holds each bracketed pseudonym of ``now`` (its
    segment's text) as often as ``now`` does: the review quoted the talk with those names
    already replaced, so a note written on it was written on the pseudonymised talk (session 81
    pfix7: a review made on the pseudonymised codings, a typo fixed in the transcript since).
    A review of the talk before pseudonymising quotes the names there, or a name pseudonymising
    has replaced since (a row added to the key). False when ``now`` holds no pseudonym."""
    found = _PSEUDONYM.findall(now)
    return bool(found) and all(was.count(p) >= found.count(p) for p in set(found))


def on_pseudonymised_names(result: CodingResult) -> set[str]:
    """The ids of the segments of ``result`` holding a pseudonym (:data:`_PSEUDONYM`) in a
    transcript its metadata records as pseudonymised: a bracket of a transcript not
    pseudonymised (``[inaudible]``) is talk, no pseudonym (session 80 hunt6 F6)."""
    done = {tid for tid, t in result.transcripts.items() if t.metadata.get("pseudonymised") is True}
    return {
        s.segment.id
        for s in result
        if s.segment.transcript_id in done and _PSEUDONYM.search(s.segment.text)
    }


def _pseudonyms_standing(
    keys: Sequence[tuple[str, str]],
    chosen: dict[tuple[str, str], str | None],
    untold: Collection[tuple[str, str]],
    taken: set[str | None],
    text_of: Mapping[str, str],
    coded: Collection[str],
    target: Mapping[str, str],
) -> dict[tuple[str, str], str]:
    """Of the (segment id, text) of decisions with text on no segment in ``chosen`` (nor left
    undecided, ``untold``), those whose words are the words of the segment of their id (of the
    same segment of the transcript their own, not ``coded``, was renamed to, ``target``: a name in its file's
    name pseudonymised), holding no other decision (``taken``, added to), with each pseudonym
    there read as the words it replaced (:func:`pseudonyms_stand`), with that segment's id. Run
    on pseudonymised codings alone, as report.js's matchRows on a pseudonymised page."""
    found: dict[tuple[str, str], str] = {}
    for sid, text in keys:
        if chosen.get((sid, text)) is not None or (sid, text) in untold or not text:
            continue
        part = transcript_part(sid)
        renamed = part not in coded and part in target
        on = sid if sid in text_of else target[part] + sid[len(part) :] if renamed else ""
        if on in text_of and on not in taken and pseudonyms_stand(text_of[on], text):
            found[(sid, text)] = on
            taken.add(on)
    return found


def casefold_table() -> dict[str, Any]:
    """Every character that :meth:`str.casefold` changes (A: a, ß: ss, ς: σ, the ligature ﬁ:
    fi), as the report's page (report.js) folds words with to compare them as :func:`_words`
    does, written into it by Python from Python's own Unicode data (a browser's
    ``toLowerCase`` keeps ß and ﬁ, and may know letters of a newer Unicode than Python):
    ``{"runs": [[first, last, step, delta], ...], "more": {character: casefold}}``, a run being
    the code points ``first, first + step, ... last`` each folded to the one ``delta`` after it
    (A-Z: ``[65, 90, 1, 32]``), ``more`` the characters folded to several (ß: ss)."""
    runs, more = _casefold_table()
    return {"runs": [list(r) for r in runs], "more": dict(more)}


CasefoldTable = tuple[tuple[tuple[int, int, int, int], ...], tuple[tuple[str, str], ...]]


@lru_cache(maxsize=1)
def _casefold_table() -> CasefoldTable:
    """:func:`scanned_casefold_table` as ``data/casefold_table.json`` keeps it for its Unicode
    version (made by ``benchmarks/casefold_table.py``; scanning took about 50 ms of every
    report), or scanned when this Python's Unicode is another or the file is not of that shape."""
    from .io import packaged_json

    try:
        kept = packaged_json("casefold_table.json")
    except (OSError, ValueError):  # missing or cut short (hunt30, session 85): scanned
        kept = None
    if isinstance(kept, dict) and kept.get("unidata_version") == unicodedata.unidata_version:
        runs, more = kept.get("runs"), kept.get("more")
        if (
            isinstance(runs, list)
            and isinstance(more, list)
            and all(
                isinstance(r, list) and len(r) == 4 and all(type(x) is int for x in r) for r in runs
            )
            and all(
                isinstance(m, list) and len(m) == 2 and all(isinstance(x, str) for x in m)
                for m in more
            )
        ):
            return tuple((a, b, c, d) for a, b, c, d in runs), tuple((c, f) for c, f in more)
    return scanned_casefold_table()


def scanned_casefold_table() -> CasefoldTable:
    """The runs and the characters folded to several of :func:`casefold_table`, worked out from
    this Python's :meth:`str.casefold` (the blocks that fold, :func:`_folded_characters`)."""
    runs: list[list[int]] = []  # [first, last, step (0: one code point so far), delta]
    more: list[tuple[str, str]] = []
    for cp, c in _folded_characters():
        if (f := c.casefold()) == c:
            continue
        if len(f) != 1:
            more.append((c, f))
            continue
        delta, last = ord(f) - cp, runs[-1] if runs else None
        if (
            last is not None
            and last[3] == delta
            and cp - last[1] in (1, 2)
            and last[2] in (0, cp - last[1])
        ):
            last[1], last[2] = cp, cp - last[0] if last[2] == 0 else last[2]
        else:
            runs.append([cp, cp, 0, delta])
    return tuple((a, b, step or 1, d) for a, b, step, d in runs), tuple(more)


#: How many code points :func:`_folded_characters` looks at together (0x110000 is a multiple)
CASEFOLD_BLOCK = 256


def _folded_characters() -> Iterator[tuple[int, str]]:
    """Each code point but the surrogates with its character, in order, leaving out the blocks of
    :data:`CASEFOLD_BLOCK` that :meth:`str.casefold` keeps as they are (most of Unicode's 1.1
    million: it folds each character alone, to one or more, so a block folded to itself has no
    character that folds). Looking at each of them alone took 0.6 s of every report (s45)."""
    import sys
    from array import array

    codec = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
    four = next(t for t in "ILH" if array(t).itemsize == 4)  # a code point per 4 bytes
    for first in range(0, sys.maxunicode + 1, CASEFOLD_BLOCK):
        if 0xD800 <= first < 0xE000:
            continue
        block = array(four, range(first, first + CASEFOLD_BLOCK)).tobytes().decode(codec)
        if block.casefold() != block:
            yield from enumerate(block, first)


def transcript_part(segment_id: str) -> str:
    """The transcript part of a segment id (``p01_interview`` of ``p01_interview:0003``)."""
    return segment_id.rpartition(":")[0]


@dataclass(frozen=True)
class DecisionMatch:
    """Decisions matched to the segments of a coding result (:func:`match_decisions`)."""

    decisions: tuple[Decision, ...]
    #: the id of the segment each decision is now on, None when on no segment
    on: tuple[str | None, ...]
    #: whether each decision went to a segment with nearly its text, not its very words (the
    #: transcript edited since the review: :data:`NEAR_TEXT`), as :func:`match_decisions`
    #: finds them (() read as none)
    edited: tuple[bool, ...] = ()
    #: the transcripts (the transcript part of their segment ids) of the codings matched to
    #: (empty: not known)
    coded: frozenset[str] = frozenset()
    #: for each decision left on no segment because its words are said by several segments of
    #: its transcript and which one it is on cannot be told (:func:`_repeated_words`), those
    #: segments; () for the others (() read as none)
    untold: tuple[tuple[str, ...], ...] = ()
    #: whether each decision went to a segment holding its words among more talk (segments
    #: joined since the review, a turn no longer parted: :func:`_inside_one_segment`); () read
    #: as none
    joined: tuple[bool, ...] = ()
    #: for each decision the near rule took to a segment of its transcript whose words are its
    #: own with a leading or trailing part parted off since the review, that part now in the
    #: next (or the previous) segments (:func:`_parted_off`): those segments, left undecided;
    #: () for the others (() read as none). Such a decision is ``edited`` too (placed by the
    #: near rule), named as parted
    parted_off: tuple[tuple[str, ...], ...] = ()
    #: whether each decision the near rule or the joined rule placed is on a selection a QDA
    #: program narrowed (:func:`_narrowed_selection`: its id a span, ``p13:@275-732``, inside
    #: the segment's, whose words there are its own, unchanged); () read as none. Such a
    #: decision is named as a narrowed selection, not as text edited or segments joined
    narrowed: tuple[bool, ...] = ()

    @property
    def matched_to_narrowed(self) -> tuple[tuple[Decision, str], ...]:
        """(decision, id of the segment it is now on) of the decisions on a selection narrowed
        in a QDA program, inside their segment, its words unchanged (study8 tester, s78, L3)."""
        return tuple(
            (d, sid)
            for d, sid, n in zip(self.decisions, self.on, self.narrowed)
            if n and sid is not None
        )

    #: what the first of the decisions on no segment reads as when Excel changed their ids
    #: (:func:`excel_changed_ids`), else None
    excel: str | None = None
    #: whether each decision went to the segment of its id on pseudonymised codings, its words
    #: the segment's with each pseudonym read as the words it replaced (:func:`pseudonyms_stand`:
    #: made on the codings before pseudonymising); () read as none
    by_pseudonyms: tuple[bool, ...] = ()

    @property
    def matched_by_pseudonyms(self) -> tuple[tuple[Decision, str], ...]:
        """(decision, id of the segment it is now on) of the decisions matched by reading the
        pseudonyms of their segment as the names they replaced (:attr:`by_pseudonyms`)."""
        return tuple(
            (d, sid)
            for d, sid, p in zip(self.decisions, self.on, self.by_pseudonyms)
            if p and sid is not None
        )

    @property
    def matched_to_parted(self) -> tuple[tuple[Decision, str, tuple[str, ...]], ...]:
        """(decision, id of the segment it is now on, the segments of the part parted off) of
        the decisions on a segment a short part was parted off since the review."""
        return tuple(
            (d, sid, off)
            for d, sid, off in zip(self.decisions, self.on, self.parted_off)
            if off and sid is not None
        )

    @property
    def matched_to_joined(self) -> tuple[tuple[Decision, str], ...]:
        """(decision, id of the segment it is now on) of the decisions that followed their words
        into a segment holding more talk than they decided (joined since the review)."""
        return tuple(
            (d, sid)
            for d, sid, j in zip(self.decisions, self.on, self.joined)
            if j and sid is not None
        )

    @property
    def told_apart_by_none(self) -> tuple[tuple[Decision, tuple[str, ...]], ...]:
        """(decision, the segments saying its words) of the decisions left undecided because
        their words are said more than once in their transcript and nothing tells which."""
        return tuple((d, on) for d, on in zip(self.decisions, self.untold) if on)

    @property
    def matched_to_edited(self) -> tuple[tuple[Decision, str], ...]:
        """(decision, id of the segment it is now on) of the decisions that went to a segment
        whose text was edited since the review (nearly their words), in the decisions' order;
        those on a segment a part was parted off since are not (:attr:`matched_to_parted`), nor
        those on a selection narrowed in a QDA program (:attr:`matched_to_narrowed`)."""
        off = self.parted_off or ((),) * len(self.decisions)
        narrowed = self.narrowed or (False,) * len(self.decisions)
        return tuple(
            (d, sid)
            for d, sid, e, o, n in zip(self.decisions, self.on, self.edited, off, narrowed)
            if e and sid is not None and not o and not n
        )

    @property
    def followed(self) -> dict[str, str]:
        """The transcripts not coded whose decisions followed their words into another (its
        file renamed since the review: :func:`match_decisions` moves no other), each to that
        one; :func:`warn_of_edited_text` says which."""
        moved = ((transcript_part(d.segment_id), transcript_part(sid)) for d, sid in self.matched)
        return {old: new for old, new in moved if old != new}

    def renamed_since(self, before: DecisionMatch) -> dict[str, str]:
        """The transcripts of the codings ``before`` (the review matched to codings now
        replaced) not coded now whose decisions are all in one other transcript here, each to
        that one: its file renamed, its review following its words (P03_final renamed again
        to "P03 - final v2", the review's rows still naming P03). A decision is known by its
        segment id and text."""
        now = {(d.segment_id, d.text): transcript_part(sid) for d, sid in self.matched}
        went: dict[str, set[str | None]] = {}
        for d, sid in before.matched:
            old = transcript_part(sid)
            if old not in self.coded:
                went.setdefault(old, set()).add(now.get((d.segment_id, d.text)))
        return {old: new for old, to in went.items() if len(to) == 1 and (new := to.pop())}

    @property
    def matched(self) -> tuple[tuple[Decision, str], ...]:
        """(decision, id of the segment it is now on), in the decisions' order."""
        return tuple((d, sid) for d, sid in zip(self.decisions, self.on) if sid is not None)

    @property
    def unmatched(self) -> tuple[Decision, ...]:
        """Decisions whose text (or, without text, whose segment id) is in no segment."""
        return tuple(d for d, sid in zip(self.decisions, self.on) if sid is None)

    def summary(
        self,
        source: str | Path | None = None,
        *,
        limit: int = 3,
        added: int = 0,
        dropped: Collection[str] = (),
    ) -> str:
        """One line for the CLI: how many decisions (rows of the review) were carried, on how
        many segments and by decision, the notes alone apart, and which match no segment (named
        by segment id and row, ``limit`` at most). ``added``: the ``no-code`` rows carried besides
        them, made for segments whose every suggestion they rejected (:func:`no_code_rows`) and
        not in ``source``. ``dropped``: transcripts whose codings the run replaced without
        coding them again; the line says how many of the rows that match no segment are on
        them (the first five named)."""
        where = "" if source is None else f" from {source}"
        notes = sum(1 for d, _ in self.matched if d.decision == NOTE)  # as the browser counts
        also = f" and {notes} note{'s' if notes != 1 else ''}" if notes else ""
        decided = [(d, sid) for d, sid in self.matched if d.decision != NOTE]
        what = ""
        if decided:
            n_segments = len({sid for _, sid in decided})
            by = [
                f"{n} {k}"
                for k in DECISIONS
                if (n := sum(1 for d, _ in decided if d.decision == k))
            ]
            what = f" on {n_segments} segment{'s' if n_segments != 1 else ''} ({', '.join(by)})"
        line = f"decisions: {len(decided)}{what}{also} carried into the report{where}"
        if added:
            line += (
                f", with {added} {NO_CODE} row{'s' if added != 1 else ''} added for the "
                f"segment{'s' if added != 1 else ''} whose every suggestion they rejected"
            )
        # the page is given the later of two rows (:func:`standing`), as the commands read them
        overruled = [d for (d, _), ok in zip(self.matched, standing(self.matched)) if not ok]
        if overruled:
            n = len(overruled)
            line += (
                f"; {n} {'is' if n == 1 else 'are'} overruled by a later row on the same code or "
                f"suggestion, and the later row shown: {_named(overruled, limit)}"
            )
        unmatched = self.unmatched
        if not unmatched:
            return line
        verb = "matches" if len(unmatched) == 1 else "match"
        line = f"{line}; {len(unmatched)} {verb} no segment: {_named(unmatched, limit)}"
        if excel := self.excel:
            line += f" ({_EXCEL_IDS}, {excel}: {EXCEL_IDS_HINT})"
        gone = [t for t in dropped if any(transcript_part(d.segment_id) == t for d in unmatched)]
        if not gone:
            return line
        # a transcript whose other decisions followed their words into one renamed (its file
        # renamed, or pseudonymised: Maria's zoom_maria_okafor coded as zoom_P03) is coded,
        # under that name, and these rows' words are not in it as written (tester s59: "which
        # this run does not code", right after the warning that they follow into zoom_P03)
        followed = self.followed
        said = []
        for names in ([t for t in gone if t not in followed], [t for t in gone if t in followed]):
            if not names:
                continue
            n = sum(1 for d in unmatched if transcript_part(d.segment_id) in set(names))
            some = ("" if n == 1 else f"all {n} ") if n == len(unmatched) else f"{n} of them "
            why = "which this run does not code"
            if names[0] in followed:
                now = first_and_count(list(dict.fromkeys(followed[t] for t in names)))
                words = "the row's words are" if n == 1 else "the rows' words are"
                why = f"which this run codes as {now}, where {words} not found as written"
            said.append(f"{some}on {first_and_count(names)}, {why}")
        return f"{line} ({'; '.join(said)})"


def _row_of(d: Decision) -> str:
    """`` (row 3)`` of a decision read from a file; "" for one made in memory."""
    return f" (row {d.row})" if d.row else ""


def _named_by_id(d: Decision) -> str:
    """A decision as messages name it: its segment id and its row of the decisions file, never
    its text, which is participants' words (a name, a phone number) and would stay in the
    terminal's, CI's or a cluster's logs (session 44's audit; before, its first six words)."""
    return d.segment_id + _row_of(d)


def _beside(no_code: Decision, given: Decision, code_id: str) -> str:
    """ "rows 2 and 4: accept IS.E.2 and no-code on p01:0001", the two rows in their order."""
    code = f"{given.decision} {code_id}"
    first, second = (code, NO_CODE) if (given.row or 0) < (no_code.row or 0) else (NO_CODE, code)
    earlier, later = sorted((no_code, given), key=lambda r: r.row or 0)
    return f"{_rows(earlier, later)}{first} and {second} on {no_code.segment_id}"


def _first_three(items: Sequence[str]) -> str:
    """The first three of ``items`` joined by "; ", "and N more" for the rest."""
    more = f" and {len(items) - 3} more" if len(items) > 3 else ""
    return "; ".join(items[:3]) + more


def _valences_given(
    group: Sequence[tuple[Decision, str, SegmentResult | None, str | Path, str | None]],
) -> list[tuple[str, str, str, str]]:
    """Each segment of ``group`` (the rows on one text: decision, words, the segment matched,
    file, reviewer) given a valence: its id, words, the question before it ("" when not matched
    to a segment of codings) and the last valence a row gave it."""
    last: dict[str, tuple[str, str, str]] = {}
    for d, text, seg, _, _ in group:
        if d.valence:
            sid = seg.segment.id if seg is not None else d.segment_id
            asked = (seg.segment.context or "") if seg is not None else ""
            last[sid] = (text, asked, d.valence)
    return [(sid, *given) for sid, given in last.items()]


def _in_row_order(conflicts: Sequence[tuple[int, int, str]]) -> list[str]:
    """The texts of ``conflicts`` (the places of the earlier and later row of each pair among
    the rows read, and its text) in the order of their rows: found by kind (replaced rows
    first), they listed pairs out of order, and hid the first ones behind "and N more" (hunt
    s57)."""
    return [text for *_, text in sorted(conflicts, key=lambda c: (c[0], c[1]))]


def _rows(earlier: Decision, later: Decision) -> str:
    """ "rows 2 and 3: " of two rows read from a file; "" for decisions made in memory."""
    return f"rows {earlier.row} and {later.row}: " if earlier.row and later.row else ""


def _code_key(code: str, codebook: Codebook | None) -> str:
    """``code`` as a row gives it (spacing aside), or the id of the code ``codebook`` knows it
    by (its name, an alias, any case or spacing); as given when it knows none."""
    code = code.strip()
    known = None if codebook is None or not code else codebook.find(code)
    return code if known is None else known.id


def _suggestion_decided(d: Decision, codebook: Codebook | None = None) -> str:
    """The suggestion a row decides on: the code accepted or rejected, a recode's ``suggestion``
    (the one it replaced, as the report writes it); "" for other rows and a recode without one.
    Read in ``codebook`` when given (:func:`_code_key`)."""
    if d.decision in ("accept", "reject"):
        return _code_key(d.code_id, codebook)
    return _code_key(d.suggestion, codebook) if d.decision == "recode" else ""


def _given(d: Decision, codebook: Codebook | None = None) -> str | None:
    """The code a row on a suggestion gives (accepted or recoded to), None for a rejection."""
    return None if d.decision == "reject" else _code_key(d.code_id, codebook)


def replaced_on_a_suggestion(
    rows: Sequence[tuple[Decision, object]], codebook: Codebook | None = None
) -> dict[int, int]:
    """Of ``rows`` (each a decision and the segment it is on, None for none, in the order read,
    earliest file first), the index of each row that a later row on the same segment and
    suggestion contradicts (every earlier one, not only the last) -> the index of the latest
    such row, which wins. The report keeps one
    decision a suggestion (accepted, rejected or recoded to another code), so an accept of X
    then a recode of X to Y is the recode (X is not given), and a recode of X to Y then an
    accept or reject of X takes the recode back (blind tester s48: both codes were given, with
    no word said). A row on a code only (an accept then a reject of one code) is settled by the
    last row on that code, as before; a reject of X then a recode of X to Y agree: neither is
    replaced. Codes are read in ``codebook`` when given: an accept of "Available Resources" is
    one of IS.E.2, which a later recode of IS.E.2 replaces, as the report page reads it (its
    rows on a code's id: :func:`in_codebook_ids`)."""
    earlier: dict[tuple[object, str], list[int]] = {}
    out: dict[int, int] = {}
    for i, (d, on) in enumerate(rows):
        x = _suggestion_decided(d, codebook)
        if on is None or not x:
            continue
        # every earlier row on the suggestion, not only the last: accept X, accept X, recode
        # X to Y gave X beside Y (code review s48)
        for j in earlier.setdefault((on, x), []):
            before = rows[j][0]
            recoded = "recode" in (before.decision, d.decision)
            agree = before.decision == "reject" and d.decision == "recode"
            if recoded and not agree and _given(before, codebook) != _given(d, codebook):
                out[j] = i
        earlier[on, x].append(i)
    return out


#: the decisions on a code: the rows :func:`standing` settles, the last on a code winning
ON_A_CODE = ("accept", "reject", "recode", "new-code")


def code_as_given(d: Decision) -> str:
    """The code a code decision is on, as its row gives it: a new code's id
    (:func:`project_code_id`), else its ``code_id`` (spacing aside), not resolved through a
    codebook."""
    return project_code_id(d.new_code) if d.decision == "new-code" else d.code_id.strip()


def code_read_in(codebook: Codebook, decisions: Sequence[Decision]) -> Callable[[Decision], str]:
    """Which code each code decision of ``decisions`` decides, read in ``codebook`` as ``roqa
    apply-decisions`` reads it, without its errors or warnings: a code written by its id, name
    or alias (any case or spacing) is that code's id; a name of one of the review's new codes is
    that new code's id (spellings of one name are one code, as :func:`merged_new_code_names`
    reads them); a new code named (by its name, not an alias) as a codable code of ``codebook``
    is that code (the recode :func:`named_codes_recoded` reads it as); any other code as the
    row gives it. For
    :func:`decided_segments`, which must decide the segments apply-decisions decides (standing
    finding, session 57: an accept of IS.E.2 then a reject of "Available Resources" left the
    segment decided there, with IS.E.2, and not decided in apply-decisions)."""
    made: dict[str, str] = {}  # a new code's name, as names are told apart -> its id
    for d in decisions:
        if d.decision == "new-code" and d.new_code.strip():
            made.setdefault(_same_name(d.new_code), project_code_id(d.new_code))

    def code_of(d: Decision) -> str:
        if d.decision == "new-code":
            known = codebook.named(d.new_code)
            if known is not None and known.codable:
                return known.id
            return made.get(_same_name(d.new_code), project_code_id(d.new_code))
        key = d.code_id.strip()
        known = codebook.find(key)
        return known.id if known is not None else made.get(_same_name(key), key)

    return code_of


def standing(
    rows: Sequence[tuple[Decision, object]],
    code_of: Callable[[Decision], str] = code_as_given,
    codebook: Codebook | None = None,
) -> list[bool]:
    """Whether each of ``rows`` (a decision and the segment it is on, None for none, in the
    order read) still stands once the later rows are read: the one rule ``roqa apply-decisions``
    (:func:`reviewed_codings`), ``roqa train --feedback`` (:func:`feedback_plan`, and the codes
    each reviewer gave, :func:`_codes_given`), the report page and :func:`decided_segments` read
    a review by. A code decision (accept, reject, recode, new code) does not stand when a later
    row on its suggestion replaces it (:func:`replaced_on_a_suggestion`), nor when a later row
    on its segment decides its code (the later row wins: an accept, then a reject of one code).
    Other rows (valence, no-code, note), and rows on no segment, stand. ``code_of`` says which
    code a row decides: as the row gives it (:func:`code_as_given`, the page's reading), or
    resolved through the model's codebook (a name or alias read as its code's id, as
    apply-decisions and training read them); it is asked of code decisions on a segment only.
    ``codebook`` (the one ``code_of`` reads in) tells which suggestion a row decides on
    (:func:`replaced_on_a_suggestion`), a code written by its name as its id.
    The report page is given only the rows that stand (learn tester, session 56: it showed
    the earlier of two rows, and its Save wrote a recode the researcher had withdrawn)."""
    replaced = replaced_on_a_suggestion(rows, codebook)
    code: dict[int, tuple[object, str]] = {}  # row -> the segment and code it decides
    last: dict[tuple[object, str], int] = {}
    for i, (d, on) in enumerate(rows):
        if on is not None and d.decision in ON_A_CODE and i not in replaced:
            code[i] = (on, code_of(d))
            last[code[i]] = i
    return [
        on is None or d.decision not in ON_A_CODE or (i in code and last[code[i]] == i)
        for i, (d, on) in enumerate(rows)
    ]


def _on_a_suggestion(d: Decision) -> str:
    """ "accept IS.E.3", "reject IS.E.3", "recode of IS.E.3 to IS.D.6": a row on a suggestion."""
    if d.decision == "recode":
        return f"recode of {d.suggestion.strip()} to {d.code_id.strip()}"
    return f"{d.decision} {d.code_id.strip()}"


def replaced_said(before: Decision, later: Decision, rows: str, on: str | None = None) -> str:
    """ "rows 2 and 3: accept IS.E.3 then recode of IS.E.3 to IS.D.6 on p01:0003": a row
    :func:`replaced_on_a_suggestion` finds replaced, and the later row that replaces it (their
    ``rows``, as :func:`_rows` or :func:`_rows_in` name them), on the segment ``on`` (the one
    they are on now), else the later row's segment id."""
    where = later.segment_id if on is None else on
    return f"{rows}{_on_a_suggestion(before)} then {_on_a_suggestion(later)} on {where}"


def _named(decisions: Sequence[Decision], limit: int = 3) -> str:
    """The first ``limit`` decisions named by segment id and row, "and N more" for the rest."""
    named = list(dict.fromkeys(_named_by_id(d) for d in decisions))
    more = f" and {len(named) - limit} more" if len(named) > limit else ""
    return ", ".join(named[:limit]) + more


def _by_id_and_row_unnamed(decisions: Sequence[Decision], result: CodingResult) -> str:
    """:func:`_by_id_and_row` of ``decisions``; on pseudonymised codings, those of a transcript
    not in ``result`` (a file pseudonymising renamed: its id may hold a name) counted by row, not
    named, as the pseudonymised page counts them (session 80 hunt6 F5)."""
    if not any(t.metadata.get("pseudonymised") is True for t in result.transcripts.values()):
        return _by_id_and_row(decisions)
    shown = [d for d in decisions if transcript_part(d.segment_id) in result.transcripts]
    hidden = [d for d in decisions if transcript_part(d.segment_id) not in result.transcripts]
    if not hidden:
        return _by_id_and_row(decisions)
    from .errors import and_list

    rows = [str(d.row) for d in hidden if d.row]
    where = f" ({'row' if len(rows) == 1 else 'rows'} {and_list(rows)})" if rows else ""
    said = (
        f"{len(hidden)} of a transcript not in these pseudonymised codings, not named here: "
        f"its id may hold a name{where}"
    )
    return f"{_by_id_and_row(shown)}; {said}" if shown else said


def _by_id_and_row(decisions: Sequence[Decision], limit: int = 3) -> str:
    """The first ``limit`` segments of ``decisions`` named by their segment id, with the rows of
    the decisions file on them (``p01:0009 (rows 3 and 4)``; not their words, see
    :func:`_named_by_id`), "and N more" for the rest: what a researcher looks up in the file.
    N counts the decisions not named, as the messages' own count does (blind tester s53: "29 code
    decision(s) ... and 19 more" counted the segments left, 3 + 19 = 22)."""
    rows: dict[tuple[str, str], list[int]] = {}
    first: dict[tuple[str, str], Decision] = {}
    on: dict[tuple[str, str], int] = {}
    for d in decisions:
        key = (d.segment_id, same_text(d.text))
        first.setdefault(key, d)
        rows.setdefault(key, []).extend([d.row] if d.row else [])
        on[key] = on.get(key, 0) + 1
    named = []
    for key, d in list(first.items())[:limit]:
        n = rows[key]
        at = "" if not n else f"row {n[0]}" if len(n) == 1 else f"rows {and_list(map(str, n))}"
        named.append(f"{d.segment_id} ({at})" if at else d.segment_id)
    left = len(decisions) - sum(on[key] for key in list(first)[:limit])
    more = f" and {left} more" if left else ""
    return ", ".join(named) + more


#: what Excel makes of a segment id when it opens a CSV, each with what it reads as: a time
#: (``01:0001``, transcript ``01``: ``01:01:00``), a date, a number that lost its leading zeros.
#: None is a segment id roqa writes (``{transcript}:{n:04d}``)
_EXCEL_MADE = (
    ("a time", re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?", re.IGNORECASE)),
    (
        "a date",
        re.compile(
            r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
            r"|\d{1,2}[- ][A-Z][a-z]{2,8}(?:[- ]\d{2,4})?|[A-Z][a-z]{2,8}[- ]\d{1,4}"
        ),
    ),
    ("a number", re.compile(r"\d+(?:[.,]\d+)?(?:E[+-]?\d+)?", re.IGNORECASE)),
)
#: what to do about segment ids Excel changed (:func:`excel_changed_ids`)
EXCEL_IDS_HINT = (
    "save the decisions from report.html again, and open that file in Excel with Data > From "
    "Text/CSV, the segment_id column set to Text"
)
#: what is said of segment ids Excel changed, with what the first reads as
_EXCEL_IDS = "their segment ids look changed by Excel when it opened the CSV"


def none_on_the_codings(
    decisions: Sequence[Decision], result: CodingResult, where: str | Path
) -> RoqaError:
    """The error of ``decisions`` (of the file ``where``), none of which is on a segment of the
    codings ``result``: the codings given are almost surely not those the review was made on.
    One error for apply-decisions and training (learn2 tester, s81 F4: train warned only, and
    trained on the rows' own words without the model's valence)."""
    excel = excel_changed_ids(decisions, result)
    return RoqaError(
        f"no decision is on a segment of the codings: {_by_id_and_row(decisions)}"
        + (f"; {_EXCEL_IDS} ({excel})" if excel else unit_said(decisions, result, where)),
        path=where,
        hint=EXCEL_IDS_HINT
        if excel
        else "are they the codings the review was made on? give those codings, or their folder",
    )


def excel_changed_ids(decisions: Sequence[Decision], result: CodingResult) -> str | None:
    """When the segment id of every one of ``decisions`` (rows that match no segment of
    ``result``) looks as Excel writes a time, a date or a number (:data:`_EXCEL_MADE`), and
    they are rows of these codings (the text of one is a segment's, or the ids are times and
    a transcript's name is a number, whose ids ``01:0003`` Excel reads as times), what the
    first reads as (``01:01:00 reads as a time``), else None: their rows were said to be maybe
    of other codings, a hint that misled (s77 dfix); hand-numbered rows (1, 2) of another
    study's words are of other codings (s78 hunt2 F4)."""
    said = None
    kinds = set()
    for d in decisions:
        kind = next((k for k, p in _EXCEL_MADE if p.fullmatch(d.segment_id.strip())), None)
        if kind is None:
            return None
        kinds.add(kind)
        said = said or f"{d.segment_id} reads as {kind}"
    if said is None:
        return None
    texts = {same_text(s.segment.text) for s in result.segments}
    if any(d.text.strip() and same_text(d.text) in texts for d in decisions):
        return said
    numbered = any(transcript_part(s.segment.id).isdigit() for s in result.segments)
    return said if numbered and kinds == {"a time"} else None


#: why a row gives no example (FeedbackExamples.left_out): without text, on no segment of codings
#: its other rows confirm (:func:`rows_on_no_segment`), as apply-decisions leaves it out
ON_NO_SEGMENT = "rows without text on no segment of the codings"


def _id_key(segment_id: str) -> tuple[str, str]:
    """A segment id as a hand may type it: its transcript in any case, its number without zero
    padding (or Excel's ``.0``): ``P01_INTERVIEW:20`` is ``p01_interview:0020``'s key."""
    part, _, number = segment_id.strip().rpartition(":")
    digits = re.fullmatch(r"0*(\d+)(?:\.0+)?", number.strip())
    return part.strip().casefold(), digits.group(1) if digits else number.strip().casefold()


def rows_on_no_segment(
    decisions: Sequence[Decision],
    on: Sequence[str | None],
    result: CodingResult,
    where: str | Path,
) -> list[Decision]:
    """The rows of ``decisions`` (``on``: their segments, as :func:`match_decisions` finds them
    in ``result``) without text, nor a row of their segment id with text, that are on no segment:
    ``roqa train --feedback`` and ``roqa apply-decisions`` leave them out alike, or stop alike.

    Nothing but its id finds such a row, so its id on no segment is the one sign that the codings
    are another run's or another study's (hunt43, session 88: left out, the rest of another
    study's review trained 5 of 5 rows on its words). It is left out only where the codings are
    confirmed for its transcript: the transcript is not in the codings (its interview not coded
    there), or rows with text of that transcript are on their own ids, none has moved, and no
    other row of it is found by its id alone (a transcript whose ids moved, a turn added, may
    have stale ids at its end and every id-only row a turn off; rows with text at their own ids
    before the turn added confirm nothing after it, hunt47 s89: 11 of 15 rows trained a turn
    off). Else, and for an id that is no transcript's (``p01``, empty), it stops: a one-line
    error naming up to 3 ids, "are they the codings the review was made on? give those
    codings", or load the file into their report to add the rows' text. Before that, an id that is a segment's but for case and zero padding
    (``P01_INTERVIEW:20``) stops with "did you mean", and ids Excel changed with how to save
    them again (:func:`excel_changed_ids`): such rows would be lost, not stale."""
    with_text = {d.segment_id for d in decisions if d.text.strip()}
    stale = [
        d
        for d, o in zip(decisions, on)
        if o is None and not d.text.strip() and d.segment_id not in with_text
    ]
    if not stale:
        return []
    ids = [s.segment.id for s in result.segments]
    keys = {_id_key(sid): sid for sid in ids}
    # every such id at once, as unknown codes are named (one run per typo otherwise)
    typed = [
        f"{quoted(d.segment_id)}{_row_of(d)}: did you mean {quoted(meant)}?"
        for d in stale
        if (meant := keys.get(_id_key(d.segment_id))) is not None
    ]
    if typed:
        more = f"; and {len(typed) - 3} more" if len(typed) > 3 else ""
        raise RoqaError(
            f"unknown segment id{'s' if len(typed) > 1 else ''} " + "; ".join(typed[:3]) + more,
            path=where,
            hint="write the segment id as codings.jsonl has it, or add the row's text",
        )
    # ids Excel changed: of these codings when their ids say so, or when other rows are found
    excel = all(_excel_kind(d) for d in stale) and (
        excel_changed_ids(stale, result)
        or (_excel_kind(stale[0]) if any(o is not None for o in on) else None)
    )
    if excel:
        raise RoqaError(
            f"{len(stale)} decision(s) without text on no segment of the codings: "
            f"{_by_id_and_row(stale)}; {_EXCEL_IDS} ({excel})",
            path=where,
            hint=EXCEL_IDS_HINT,
        )
    coded = {transcript_part(sid) for sid in ids}
    at_own: set[str] = set()
    moved: set[str] = set()
    by_id: set[str] = set()  # transcripts with rows found by their id alone
    for d, o in zip(decisions, on):
        if d.text.strip() and o is not None:
            (at_own if o == d.segment_id else moved).add(transcript_part(d.segment_id))
        elif o is not None and not d.text.strip() and d.segment_id not in with_text:
            by_id.add(transcript_part(d.segment_id))
    unconfirmed = [
        d
        for d in stale
        if not (part := transcript_part(d.segment_id).strip())
        or (part in coded and (part not in at_own or part in moved or part in by_id))
    ]
    if unconfirmed:
        first = transcript_part(unconfirmed[0].segment_id)
        why = (
            "a segment id is its transcript's name, a colon and a number, as codings.jsonl has it"
            if not first.strip()
            else f"rows with text of {first} are on other segment ids now, as when the review "
            "was made on other codings"
            if first in moved
            else "no row of its transcript with text is on its own segment to show that these "
            "are the codings the review was made on"
            if first not in at_own
            else f"other rows of {first} without text are found by their ids alone, and would be "
            "on other words if a turn was added or removed since the review"
        )
        named = [f"{quoted(d.segment_id)}{_row_of(d)}" for d in unconfirmed[:3]]
        rest = len(unconfirmed) - len(named)
        raise RoqaError(
            "unknown segment id "
            + (", ".join(named) + f" and {rest} more" if rest else and_list(named))
            + f": {why}",
            path=where,
            hint="are they the codings the review was made on? give those codings, or their "
            "folder; or load the file into the report of the codings the review was made on and "
            "save it again, which adds the rows' text (Load decisions, Save decisions); else "
            "delete the rows",
        )
    return stale


def _excel_kind(d: Decision) -> str | None:
    """What ``d``'s segment id reads as when Excel made it (``01:01:00 reads as a time``)."""
    kind = next((k for k, p in _EXCEL_MADE if p.fullmatch(d.segment_id.strip())), None)
    return None if kind is None else f"{d.segment_id} reads as {kind}"


def match_decisions(decisions: list[Decision] | str | Path, result: CodingResult) -> DecisionMatch:
    """The segments of ``result`` the decisions are on, found as feedback finds their text.
    ``decisions`` is a list of :class:`Decision` or a decisions file (read by
    :func:`read_decisions`).

    A decision with text goes to a segment with that text (spacing aside). Words two segments
    or more of its transcript say are told apart by order, then by the decisions around them,
    else left undecided (:func:`_repeated_words`, ``untold``). Others: the segment of its
    own id when that one has the text, else one in the same transcript not taken by another
    segment's decisions, else any such segment there; ids move when transcripts are coded
    again, words do not. A decision without text goes to the segment of its id. A decision
    goes to another transcript only when its own is not coded (its file renamed since): one of
    :data:`IDENTIFYING_WORDS` words or more to the transcript where all such decisions of its
    transcript found in one transcript alone are (:func:`_renamed_to`; none when they are in
    two); a shorter answer ("Yes.") only after them, to a free segment of its words there, and
    never into a transcript whose own name has decisions (:func:`_short_answers_follow`).

    On pseudonymised codings (a transcript's ``metadata["pseudonymised"]``: ``roqa code
    --pseudonymise``, or copies ``roqa pseudonymise`` wrote), a decision whose text is in no
    segment then goes to the segment of its id (of the same segment of the transcript its own
    was renamed to), held by no other decision, when its words are that segment's with each
    pseudonym read as the words it replaced (:func:`pseudonyms_stand`): the review was made on
    the codings before pseudonymising. Those are marked ``by_pseudonyms``.

    A decision whose text is in no segment then goes to the segment whose text is nearly its
    own (the transcript corrected since the review: a typo fixed, a repeated word removed, a
    name pseudonymised), when there is exactly one: in the transcript of its segment id (when
    that one is not coded, its file renamed since, as pseudonymising renames "Interview 12 -
    Denise Okoro" to "Interview 12 - P12": in any coded transcript no decision names, and only
    when all the matched decisions of its transcript are in one transcript), not holding another
    segment's decisions, its words at least :data:`NEAR_TEXT` similar
    (:func:`_edited_segment`), every other segment there at least :data:`NEAR_MARGIN` less
    similar, and no other segment's decisions going there too. Those are marked ``edited``
    (:func:`warn_of_edited_text` names them); words matched exactly keep their segments
    whatever the near ones do. Before that near rule, a decision still on no segment whose
    words are said inside one longer segment of its transcript alone goes to it (segments
    joined since the review, a turn no longer parted at a dropped "Mm-hm.":
    :func:`_inside_one_segment`), marked ``joined``: nearly the same words take no segment a
    decision's very words are inside, so the near rule only places decisions the others leave
    on no segment. One the near rule took to a segment of its transcript holding its very words
    among more (two segments say them: one grown by a part joined since, not edited) is marked
    ``joined`` too (:func:`_grown_by_joining`). One it took to a segment whose words are its
    own but for a leading or trailing part now said in the segments beside it (a turn parted
    since the review, a short part off it) stays ``edited`` and is named parted, that part's
    segments in ``parted_off`` (:func:`_parted_off`). A selection a QDA program narrowed
    (its id a span inside a segment, the segment's words there its own) that none of these
    placed, cut mid-sentence or mid-word, goes to that segment, marked ``joined``
    (:func:`_narrowed_onto`; ``narrowed`` names it).
    The rest match no segment. Report.js applies the same rule (its
    port of the words' ratio, these thresholds written into the page) to a decisions.csv loaded
    in the browser.
    """
    if isinstance(decisions, (str, Path)):
        decisions = read_decisions(decisions)[0]
    by_text: dict[str, list[str]] = {}
    ids: set[str] = set()
    for s in result.segments:
        ids.add(s.segment.id)
        by_text.setdefault(same_text(s.segment.text), []).append(s.segment.id)
    keys = list(dict.fromkeys((d.segment_id, same_text(d.text)) for d in decisions))
    # words said twice or more in a transcript ("Yes, definitely.") are told apart first: their
    # ids may have moved onto each other (_repeated_words)
    repeated = _repeated_words(keys, by_text)
    # then the segments that kept their id and words, then the moved ones take what is left
    chosen: dict[tuple[str, str], str | None] = {
        (sid, text): sid
        for sid, text in keys
        if (sid, text) not in repeated and sid in ids and (not text or sid in by_text.get(text, ()))
    }
    chosen.update(repeated)
    taken = set(chosen.values())
    coded = {transcript_part(sid) for sid in ids}
    target = _renamed_to([k for k in keys if k not in chosen], by_text, coded)
    for sid, text in keys:
        if (sid, text) not in chosen:
            # its own transcript when coded, else the one it was renamed to, if its words say so
            part = transcript_part(sid)
            where = part if part in coded else target.get(part) if _identifying(text) else None
            here = [c for c in by_text.get(text, []) if transcript_part(c) == where]
            chosen[(sid, text)] = found = _moved_segment(sid, here, taken)
            if found is not None:
                taken.add(found)
    untold = {key for key, on in repeated.items() if on is None}
    # on pseudonymised codings, words that are a segment's but for the names its pseudonyms
    # replaced go to it, on their own id alone (session 80: 0.81 of the same words, left out);
    # the segments of transcripts pseudonymised alone (hunt6 F6: "[inaudible]" in a transcript
    # not pseudonymised is talk)
    stood: dict[tuple[str, str], str] = {}
    done = {t for t, v in result.transcripts.items() if v.metadata.get("pseudonymised") is True}
    if done:
        text_of = {
            s.segment.id: same_text(s.segment.text)
            for s in result.segments
            if s.segment.transcript_id in done
        }
        stood = _pseudonyms_standing(keys, chosen, untold, taken, text_of, coded, target)
        chosen.update(stood)
    # words said inside one longer segment go there before nearly the same words take one: a
    # segment holding a decision's very words is its, not another's nearly (hypothesis, s74)
    inside = _inside_one_segment({k: on for k, on in chosen.items() if k not in untold}, result)
    chosen.update(inside)
    edited = _near_matches(
        {k: on for k, on in chosen.items() if k not in untold}, result, joined=inside
    )
    chosen.update(edited)
    # nearly its words, as a segment grown by a part joined since is: joined, not edited
    grown = _grown_by_joining(edited, result)
    edited = {k: on for k, on in edited.items() if k not in grown}
    inside.update(grown)
    # nearly its words, as the rest of a segment a short part was parted off is: named parted
    parted = _parted_off(edited, result)
    # a selection a QDA program narrowed anywhere (mid-sentence, mid-word: @275-500 of 275-737)
    # that no rule above placed goes to the segment whose words at its span are its own
    # (session 78 hunt5 F5: it was left out, said to be on no segment of the codings)
    spans = _narrowed_onto({k: on for k, on in chosen.items() if k not in untold}, result)
    chosen.update(spans)
    inside.update(spans)
    taken.update(spans.values())
    _short_answers_follow(chosen, by_text, coded, taken)
    segments = {s.segment.id: s.segment for s in result.segments}
    placed = {**edited, **inside}
    return DecisionMatch(
        tuple(decisions),
        tuple(chosen[(d.segment_id, same_text(d.text))] for d in decisions),
        tuple((d.segment_id, same_text(d.text)) in edited for d in decisions),
        frozenset(transcript_part(sid) for sid in ids),
        tuple(
            tuple(c for c in by_text[text] if transcript_part(c) == transcript_part(d.segment_id))
            if (d.segment_id, text) in untold
            else ()
            for d in decisions
            for text in [same_text(d.text)]
        ),
        tuple((d.segment_id, same_text(d.text)) in inside for d in decisions),
        tuple(parted.get((d.segment_id, same_text(d.text)), ()) for d in decisions),
        tuple(
            (key := (d.segment_id, same_text(d.text))) in placed
            and _narrowed_selection(d, segments.get(placed[key]))
            for d in decisions
        ),
        excel_changed_ids(
            [d for d in decisions if chosen[(d.segment_id, same_text(d.text))] is None], result
        ),
        tuple((d.segment_id, same_text(d.text)) in stood for d in decisions),
    )


#: a decision's segment id naming a selection by its span, as ``roqa import`` names one of a
#: QDA program's that holds no roqa passage by name (``p13_interview:@275-732``)
_SELECTION_SPAN = re.compile(r"(?P<transcript>.+):@(?P<start>\d+)-(?P<end>\d+)")


def _narrowed_selection(decision: Decision, segment: Segment | None) -> bool:
    """Whether ``decision`` is on a selection narrowed in a QDA program: its segment id a span
    of ``segment``'s transcript (:data:`_SELECTION_SPAN`) inside the segment's, a part of it,
    and the segment's words at that span its words (spacing aside, as :func:`same_text` reads
    them): the transcript unchanged, the selection made smaller (a
    partner's ``@275-732`` of the segment's 275-737, its last word cut; study8 tester, s78, L3).
    False for a span the segment's text there does not say: text edited."""
    return _narrowed_span(decision.segment_id, decision.text, segment)


def _narrowed_onto(
    chosen: dict[tuple[str, str], str | None], result: CodingResult
) -> dict[tuple[str, str], str]:
    """Of the (segment id, text) of decisions on no segment in ``chosen``, those on a selection
    narrowed in a QDA program (:func:`_narrowed_span`: the id a span inside a segment, the
    segment's words there the decision's), with that segment's id: the span and the words tell
    the segment, wherever the cut fell (mid-sentence, mid-word: hunt5, s78, F5)."""
    left = [(sid, text) for (sid, text), on in chosen.items() if on is None and text and "@" in sid]
    found: dict[tuple[str, str], str] = {}
    for sid, text in left:
        on = [s.segment.id for s in result.segments if _narrowed_span(sid, text, s.segment)]
        if len(on) == 1:
            found[(sid, text)] = on[0]
    return found


def _narrowed_span(segment_id: str, text: str, segment: Segment | None) -> bool:
    """:func:`_narrowed_selection` of a decision's ``segment_id`` and ``text``."""
    m = _SELECTION_SPAN.fullmatch(segment_id)
    if m is None or segment is None or m["transcript"] != segment.transcript_id:
        return False
    start, end = int(m["start"]), int(m["end"])
    inside = segment.start <= start < end <= segment.end and (start, end) != (
        segment.start,
        segment.end,
    )
    if not inside or len(segment.text) != segment.end - segment.start:
        return False  # not a part of it, or offsets its text does not keep: not told
    said = segment.text[start - segment.start : end - segment.start]
    return bool(same_text(said)) and same_text(said) == same_text(text)


def _position(segment_id: str) -> int | None:
    """The number of a segment id (3 of ``p01:0003``), None when it has none."""
    n = segment_id.rpartition(":")[2]
    return int(n) if n.isascii() and n.isdigit() else None


def _repeated_words(
    keys: Sequence[tuple[str, str]], by_text: Mapping[str, list[str]]
) -> dict[tuple[str, str], str | None]:
    """Of ``keys`` (segment id, text of the decisions), those whose words two segments or more
    of their own transcript say ("Yeah, definitely." to two questions), each with the segment it
    is on, None when which one cannot be told (:func:`match_decisions`). An id says nothing of
    them alone: a turn added before them moves each onto the next one's id.

    1. In order: when as many segments there as the decisions name say the words, the first
       decided goes to the first, the second to the second (a turn added moves both ids).
    2. Else by the decisions around it: the segments between those of the nearest decisions
       before and after it whose words are said once there (their ids, old and new, tell how far
       ids moved). One there is its segment; of several, the one at its id moved as far as both
       moved, when they moved alike (a turn added between them: none). With no such decision in
       its transcript, its own id stands (nothing says ids moved).
    3. Otherwise, or when two decisions' segments go to one, none: left undecided, and
       :func:`warn_of_edited_text` names them. The decisions file holds no question, so the
       question before an answer cannot tell them apart."""
    groups: dict[tuple[str, str], list[str]] = {}  # (transcript, words) -> the segments saying them
    for text, sids in by_text.items():
        if text:
            for c in sids:
                groups.setdefault((transcript_part(c), text), []).append(c)
    anchors: dict[str, list[tuple[int, int]]] = {}  # transcript -> (old, new) of unique words
    for sid, text in keys:
        part, old = transcript_part(sid), _position(sid)
        here = groups.get((part, text), [])
        if len(here) == 1 and old is not None and (now := _position(here[0])) is not None:
            anchors.setdefault(part, []).append((old, now))
    decided: dict[tuple[str, str], list[str]] = {}
    for sid, text in keys:
        if len(groups.get((transcript_part(sid), text), [])) > 1:
            decided.setdefault((transcript_part(sid), text), []).append(sid)
    out: dict[tuple[str, str], str | None] = {}
    for (part, text), sids in decided.items():
        here = sorted(groups[part, text], key=_in_order)
        olds = sorted(sids, key=_in_order)
        if len(olds) == len(here):
            out.update({(old, text): new for old, new in zip(olds, here)})
            continue
        found = {old: _between_anchors(old, here, anchors.get(part, [])) for old in olds}
        claims: dict[str | None, int] = {}
        for new in found.values():
            claims[new] = claims.get(new, 0) + 1
        out.update({(old, text): new if claims[new] == 1 else None for old, new in found.items()})
    return out


def _in_order(segment_id: str) -> tuple[bool, int, str]:
    """A segment id's place in its transcript: by its number, ids without one last."""
    n = _position(segment_id)
    return (n is None, 0 if n is None else n, segment_id)


def _between_anchors(
    old: str, here: Sequence[str], anchors: Sequence[tuple[int, int]]
) -> str | None:
    """The segment of ``here`` (the segments saying a decision's words) the decision on segment
    ``old`` is on, by ``anchors`` (old and new number of the decisions of its transcript whose
    words are said once there), as :func:`_repeated_words` finds it; None when it cannot tell."""
    at = _position(old)
    if at is None:
        return None
    before = max((a for a in anchors if a[0] < at), default=None)
    after = min((a for a in anchors if a[0] > at), default=None)
    low = before[1] if before else -1
    high = after[1] if after else float("inf")
    numbered = [(n, c) for c in here if (n := _position(c)) is not None]
    between = {n: c for n, c in numbered if low < n < high}
    if len(between) == 1:
        return next(iter(between.values()))
    moved = {a[1] - a[0] for a in (before, after) if a is not None} or {0}
    return between.get(at + moved.pop()) if len(moved) == 1 else None


#: how many words a decision's text must have to say which transcript it is in: a transcript
#: not coded (its file renamed since the review) is followed into another only on the evidence
#: of its decisions this long, found by their words in that one alone; a shorter answer
#: ("Yes.", "No, not really.") is said in many interviews and follows only where they lead
IDENTIFYING_WORDS = 8


def _identifying(text: str) -> bool:
    """Whether ``text`` has words enough to say which transcript it is in
    (:data:`IDENTIFYING_WORDS`)."""
    return len(text.split()) >= IDENTIFYING_WORDS


def _renamed_to(
    left: Sequence[tuple[str, str]], by_text: dict[str, list[str]], coded: Collection[str]
) -> dict[str, str]:
    """Of the transcripts not coded with decisions in ``left`` (segment id, text: those not on
    their own segment), the coded transcript each was renamed to: the one where its decisions of
    identifying words (:data:`IDENTIFYING_WORDS`), each found in one transcript alone, all are;
    none when they are in two (a rename is one to one) or nowhere."""
    went: dict[str, set[str]] = {}
    for sid, text in left:
        part = transcript_part(sid)
        where = {transcript_part(c) for c in by_text.get(text, [])}
        if part not in coded and _identifying(text) and len(where) == 1:
            went.setdefault(part, set()).update(where)
    return {part: next(iter(to)) for part, to in went.items() if len(to) == 1}


def _short_answers_follow(
    chosen: dict[tuple[str, str], str | None],
    by_text: dict[str, list[str]],
    coded: Collection[str],
    taken: set[str | None],
) -> None:
    """Put in ``chosen`` the segments the short answers of a transcript not coded follow to: a
    segment of their words not holding other decisions, in the transcript where all its matched
    decisions of identifying words are (exactly or nearly), when no decision names that one (a
    transcript with decisions of its own is no renamed one: a file merged into it? which "Yes."
    was whose is not known)."""
    named = {transcript_part(sid) for sid, _ in chosen}
    went: dict[str, set[str]] = {}
    for (sid, text), on in chosen.items():
        if on is not None and _identifying(text) and transcript_part(sid) not in coded:
            went.setdefault(transcript_part(sid), set()).add(transcript_part(on))
    for (sid, text), on in chosen.items():
        to = went.get(transcript_part(sid), set())
        if (
            on is not None
            or not text
            or _identifying(text)
            or len(to) != 1
            or (where := next(iter(to))) in named
        ):
            continue
        free = [c for c in by_text.get(text, []) if transcript_part(c) == where and c not in taken]
        if free:
            chosen[(sid, text)] = free[0]
            taken.add(free[0])


def _words(text: str) -> list[str]:
    """The words of ``text`` as near texts are compared: spacing and case aside."""
    return same_text(text).casefold().split()


def _owners(chosen: dict[tuple[str, str], str | None]) -> dict[str, set[str]]:
    """Each segment some decision in ``chosen`` is on -> the segment ids of those decisions."""
    owners: dict[str, set[str]] = {}
    for (sid, _), on in chosen.items():
        if on is not None:
            owners.setdefault(on, set()).add(sid)
    return owners


def _near_matches(
    chosen: dict[tuple[str, str], str | None],
    result: CodingResult,
    *,
    joined: Mapping[tuple[str, str], str] | None = None,
) -> dict[tuple[str, str], str]:
    """Of the (segment id, text) of decisions with text on no segment in ``chosen``, those with
    a segment of nearly their text (:func:`match_decisions`), and that segment's id. A segment
    of their transcript holding only decisions of other segments that followed their words into
    it (``joined``, :func:`_inside_one_segment`), those words at its start or end, is nearly
    theirs when the rest of it is (:func:`_rest_of`): two parts decided, joined since, the
    larger one's words edited too (s75: that decision was dropped, the part's kept)."""
    coded = {transcript_part(s.segment.id) for s in result.segments}
    # a short answer of a transcript not coded follows only its identifying words
    # (_short_answers_follow)
    left = [
        (sid, text)
        for (sid, text), on in chosen.items()
        if on is None and text and (transcript_part(sid) in coded or _identifying(text))
    ]
    if not left:
        return {}
    owners = _owners(chosen)
    # a segment holding only decisions that followed their words into it -> its other words
    rests: dict[str, list[str]] = {}
    on_segment: dict[str, list[tuple[str, str]]] = {}
    for key, on in chosen.items():
        if on is not None:
            on_segment.setdefault(on, []).append(key)
    held = [on for on, on_keys in on_segment.items() if joined and set(on_keys) <= joined.keys()]
    if held:
        texts = {s.segment.id: s.segment.text for s in result.segments}
        for on in held:
            if rest := _rest_of(_words(texts[on]), [_words(t) for _, t in on_segment[on]]):
                rests[on] = rest
    named = {transcript_part(sid) for sid, _ in chosen}
    # where each decision's near words are looked for: its transcript, or, when that is not
    # coded (its file renamed since the review: a name in it pseudonymised), every coded one
    # no decision names (None): a renamed transcript has none under its new name
    scope = {sid: part if (part := transcript_part(sid)) in coded else None for sid, _ in left}
    scopes = set(scope.values())
    # transcript part (None: every transcript no decision names) -> (segment id, its words)
    segments: dict[str | None, list[tuple[str, list[str]]]] = {}
    for s in result.segments:
        part = transcript_part(s.segment.id)
        for where in (part, None) if part not in named else (part,):
            if where in scopes:
                segments.setdefault(where, []).append((s.segment.id, _words(s.segment.text)))
    near: dict[tuple[str, str], str] = {}
    for sid, text in left:
        free = [
            (c, words)
            for c, words in segments.get(scope[sid], [])
            if owners.get(c, {sid}) <= {sid}  # a segment holding this segment's decisions only
        ] + [
            (c, rests[c])  # or other parts joined to it: the rest of it
            for c, _ in segments.get(scope[sid], [])
            if c in rests and not owners[c] <= {sid} and transcript_part(c) == scope[sid]
        ]
        found = _edited_segment(_words(text), free)
        if found is not None:
            near[(sid, text)] = found
    # a rename is one to one: the rows of a transcript not coded that matched (exactly or
    # nearly) in two transcripts follow neither (a greeting of p05 nearly p01's, a goodbye p02's)
    went: dict[str, set[str]] = {}
    for (sid, _), on in [*chosen.items(), *near.items()]:
        if on is not None and transcript_part(sid) not in coded:
            went.setdefault(transcript_part(sid), set()).add(transcript_part(on))
    near = {
        (sid, text): c
        for (sid, text), c in near.items()
        if scope[sid] is not None or len(went[transcript_part(sid)]) == 1
    }
    # a segment nearest to the words of two segments' decisions goes to neither
    claims: dict[str, set[str]] = {}
    for (sid, _), c in near.items():
        claims.setdefault(c, set()).add(sid)
    return {key: c for key, c in near.items() if len(claims[c]) == 1}


def _rest_of(words: list[str], parts: Sequence[list[str]]) -> list[str] | None:
    """``words`` (a segment's) without ``parts`` (the words of the decisions that followed them
    into it), each taken off its start or its end; None when a part is said between other words
    (the rest is no one run of words), and [] when nothing is left."""
    rest, left = list(words), list(parts)
    while left:
        for part in left:
            if part and rest[: len(part)] == part:
                rest = rest[len(part) :]
            elif part and len(part) <= len(rest) and rest[len(rest) - len(part) :] == part:
                rest = rest[: len(rest) - len(part)]
            else:
                continue
            left.remove(part)
            break
        else:
            return None
    return rest


def _edited_segment(words: list[str], candidates: Sequence[tuple[str, list[str]]]) -> str | None:
    """Of ``candidates`` (segment id, its words), the one whose words are an edit of ``words``:
    similarity (:class:`difflib.SequenceMatcher` ratio over the words, no word set aside as
    junk) at least :data:`NEAR_TEXT`, every other candidate's at least :data:`NEAR_MARGIN`
    lower; None when no candidate is that near, or two are."""
    from difflib import SequenceMatcher

    floor = NEAR_TEXT - NEAR_MARGIN  # below it a segment is neither the match nor its rival
    matcher: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(words)  # the decision's words are indexed once
    scores = []
    for sid, seg_words in candidates:
        matcher.set_seq1(seg_words)
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            continue  # upper bounds of ratio(), cheap: most segments stop here
        score = matcher.ratio()
        if score >= floor:
            scores.append((score, sid))
    scores.sort(reverse=True)
    if not scores or scores[0][0] < NEAR_TEXT:
        return None
    if len(scores) > 1 and scores[1][0] > scores[0][0] - NEAR_MARGIN:
        return None
    return scores[0][1]


def _holds(words: Sequence[str], part: Sequence[str]) -> bool:
    """Whether ``part`` is a run of ``words`` (every word, in order, none between)."""
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1) if words[i] == part[0])


def _inside_one_segment(
    chosen: dict[tuple[str, str], str | None], result: CodingResult
) -> dict[tuple[str, str], str]:
    """Of the (segment id, text) of decisions with text on no segment in ``chosen``, those whose
    words (spacing aside) are said inside one longer segment of their transcript alone, and
    that segment's id: the segments were joined since the review (a retrained model no longer
    parts a turn at a dropped "Mm-hm.", study3 tester s73 D2), and the decision follows its
    words, as decisions do across re-runs. A segment holding another segment's decisions on its
    own words is not one: it was not joined. It runs before :func:`_near_matches`, which takes
    no segment it gives. Two decisions' words may go
    into one segment (both its parts decided): :func:`warn_of_edited_text` names them."""
    coded = {transcript_part(s.segment.id) for s in result.segments}
    left = [
        (sid, text)
        for (sid, text), on in chosen.items()
        if on is None and text and transcript_part(sid) in coded
    ]
    if not left:
        return {}
    owners = _owners(chosen)
    parts = {transcript_part(sid) for sid, _ in left}
    segments: dict[str, list[tuple[str, list[str]]]] = {}
    for s in result.segments:
        if (part := transcript_part(s.segment.id)) in parts:
            segments.setdefault(part, []).append((s.segment.id, same_text(s.segment.text).split()))
    found: dict[tuple[str, str], str] = {}
    for sid, text in left:
        words = text.split()
        holding = [
            c
            for c, seg_words in segments[transcript_part(sid)]
            if len(seg_words) > len(words) and _holds(seg_words, words)
        ]
        if len(holding) == 1 and owners.get(holding[0], {sid}) <= {sid}:
            found[(sid, text)] = holding[0]
    return found


def _grown_by_joining(
    near: dict[tuple[str, str], str], result: CodingResult
) -> dict[tuple[str, str], str]:
    """Of ``near`` ((segment id, text) of decisions -> the segment of nearly their words,
    :func:`_near_matches`), those whose segment, in their own transcript, holds their very words
    (spacing aside, as :func:`_inside_one_segment` reads them) among more talk: the segment grew
    by a part joined since the review ("Even if it's just I want to sleep." rejoining an answer
    0.92 near it, s74 hunter R3), their words were not edited. Report.js's ``grownSegments``
    twins it."""
    texts = {s.segment.id: same_text(s.segment.text).split() for s in result.segments}
    grown: dict[tuple[str, str], str] = {}
    for (sid, text), on in near.items():
        words, seg_words = text.split(), texts.get(on, [])
        same_transcript = transcript_part(sid) == transcript_part(on)
        if same_transcript and len(seg_words) > len(words) and _holds(seg_words, words):
            grown[(sid, text)] = on
    return grown


def _parted_off(
    near: dict[tuple[str, str], str], result: CodingResult
) -> dict[tuple[str, str], tuple[str, ...]]:
    """Of ``near`` ((segment id, text) of decisions -> the segment of nearly their words,
    :func:`_near_matches`), those whose segment, in their own transcript, says the first words
    of theirs (spacing aside, as :func:`_inside_one_segment` reads them) and the segments after
    it go on with the rest, exactly, or it says their last words and the segments before it say
    the rest: a short part was parted off since the review ("Even if it's just I want to
    sleep." off the end of a 52-word answer, 0.92 near), no word edited. Each -> the segments
    the part parted off is said in, in transcript order. Report.js's ``partedOff`` twins it."""
    order: dict[str, list[tuple[str, list[str]]]] = {}
    for s in sorted(result.segments, key=lambda s: _in_order(s.segment.id)):
        seg_words = same_text(s.segment.text).split()
        order.setdefault(transcript_part(s.segment.id), []).append((s.segment.id, seg_words))
    position = {c: i for segments in order.values() for i, (c, _) in enumerate(segments)}
    parted: dict[tuple[str, str], tuple[str, ...]] = {}
    for (sid, text), on in near.items():
        if transcript_part(sid) != transcript_part(on):
            continue
        segments = order.get(transcript_part(on), [])
        at = position[on]
        words, seg_words = text.split(), segments[at][1]
        n = len(seg_words)
        if not n or len(words) <= n:
            continue
        off: tuple[str, ...] = ()
        if words[:n] == seg_words:  # a part parted off its end: said by the segments after it
            off = _saying(words[n:], segments[at + 1 :])
        if not off and words[-n:] == seg_words:  # off its start: by the segments before it
            before = [(c, w[::-1]) for c, w in reversed(segments[:at])]
            off = _saying(words[:-n][::-1], before)[::-1]
        if off:
            parted[(sid, text)] = off
    return parted


def _saying(part: list[str], segments: Sequence[tuple[str, list[str]]]) -> tuple[str, ...]:
    """The first of ``segments`` (id, words) that say ``part``, run on one after another, from
    the first word of the first; () when they do not."""
    said: list[str] = []
    for c, seg_words in segments:
        if not part:
            break
        if not seg_words:
            continue
        k = min(len(part), len(seg_words))
        if seg_words[:k] != part[:k]:
            return ()
        said.append(c)
        part = part[k:]
    return () if part else tuple(said)


#: why a decision matches no segment (:func:`unmatched_cause`): its words are said across two
#: segments or more of its transcript now (a turn parted since the review)
PARTED = "parted"
#: a word of it is said nowhere in its transcript now, or its transcript is not coded: a name
#: pseudonymised since (or a transcript renamed, a word edited) may be why
UNSAID = "unsaid"


def unmatched_cause(d: Decision, result: CodingResult) -> tuple[str, tuple[str, ...]]:
    """Why decision ``d``, on no segment of ``result``, matches none, as far as its words tell:
    (:data:`PARTED`, the segments its words now run across), (:data:`UNSAID`, ()), or ("", ())
    when neither (its words all said, but not in that order: edited, or segments changed).
    A decision with no text is ("", ())."""
    words = same_text(d.text).split()
    if not words:
        return "", ()
    part = transcript_part(d.segment_id)
    run: list[str] = []  # the transcript's words, segment after segment
    owner: list[str] = []  # the segment of each
    for s in sorted(result.segments, key=lambda s: _in_order(s.segment.id)):
        if transcript_part(s.segment.id) == part:
            seg_words = same_text(s.segment.text).split()
            run += seg_words
            owner += [s.segment.id] * len(seg_words)
    n = len(words)
    for i in range(len(run) - n + 1):
        if run[i : i + n] == words:
            across = tuple(dict.fromkeys(owner[i : i + n]))
            if len(across) > 1:
                return PARTED, across
    said = {w.casefold() for w in run}
    if not run or any(w.casefold() not in said for w in words):
        return UNSAID, ()
    return "", ()


#: the cause said of decisions matching no segment whose words are all said still
SEGMENTS_CHANGED = "the segments changed (a turn parted or joined) since the review"


def parted_said(lost: Sequence[Decision], result: CodingResult) -> str:
    """`` (the segments changed ...)`` for a warning naming ``lost`` (decisions on no segment),
    when some are on talk parted since the review (:func:`unmatched_cause`); "" when none."""
    causes = [unmatched_cause(d, result) for d in lost]
    parted = [on for why, on in causes if why == PARTED]
    if not parted:
        return ""
    if len(lost) == 1:
        return f" ({SEGMENTS_CHANGED}: its words now said across {len(parted[0])} segments)"
    k = len(parted)
    some = "" if k == len(lost) else f"{k} of them: "
    return (
        f" ({some}{SEGMENTS_CHANGED}: {'its' if k == 1 else 'their'} words now said across "
        "two segments or more)"
    )


def _run_unit(folder: Path) -> str | None:
    """The unit a run into ``folder`` cut its transcripts into (``run.json``'s ``params.unit``;
    ``turn`` is ``window``), None when it records none."""
    from .result import run_record

    params = run_record(folder).get("params")
    unit = params.get("unit") if isinstance(params, dict) else None
    return None if not isinstance(unit, str) else "window" if unit == "turn" else unit


def unit_said(lost: Sequence[Decision], result: CodingResult, where: str | Path | None) -> str:
    """`` (... --unit ...)`` for a message naming ``lost``, decisions of the file ``where`` on
    no segment of the codings ``result``, when the codings cut the talk into other segments
    (``--unit``) than the review was made on, as ``roqa code`` says of a review it carries: by
    the run the decisions file is in when it records its unit, else by the decisions' words, said across two segments or more of codings coded ``--unit sentence``
    (:func:`unmatched_cause`; learn2 tester, s81 F3: train said only that 41 decisions were on
    no segment); "" otherwise."""
    if result.source is None or not lost:
        return ""
    codings = Path(result.source).parent
    unit = _run_unit(codings)
    if unit is None:
        return ""
    review = None if where is None else Path(where)
    if review is not None and review.is_file() and review.parent.resolve() != codings.resolve():
        made_in = _run_unit(review.parent)
        if made_in is not None and made_in != unit:
            return (
                f" (the codings were coded with --unit {unit}, the run the review is in with "
                f"--unit {made_in}: give the codings the review was made on, or code again with "
                f"--unit {made_in})"
            )
    if unit != "sentence":
        return ""
    parted = sum(unmatched_cause(d, result)[0] == PARTED for d in lost)
    if not parted:
        return ""
    some = "" if parted == len(lost) else f"{parted} of them: "
    return (
        f" ({some}{'its' if len(lost) == 1 else 'their'} words now said across two segments or "
        "more of the codings, coded with --unit sentence: if the review was made on another "
        "--unit, give the codings of that run, or code again with it)"
    )


def _first_segments(
    pairs: Sequence[tuple[Decision, str]],
    said: Callable[[str, Decision], str] | None = None,
) -> tuple[dict[str, Decision], str, int, int]:
    """Of ``(decision, segment id)`` pairs: each segment's first decision, the first three
    segments named with that decision's row ("p01:0004 (row 7), ... and 2 more"; ``said``
    names a segment and its first decision otherwise), how many decisions, how many
    segments."""
    first: dict[str, Decision] = {}
    for d, sid in pairs:
        first.setdefault(sid, d)
    named = [said(sid, d) if said else sid + _row_of(d) for sid, d in first.items()]
    more = f" and {len(named) - 3} more" if len(named) > 3 else ""
    return first, ", ".join(named[:3]) + more, len(pairs), len(first)


def _rows_said(decisions: Sequence[Decision]) -> str:
    """ "(row 2)", "(rows 2 and 4)": the rows of ``decisions`` in one mark, as a sentence says
    them; decisions made in memory (no row) by their segment ids as reviewed, once each
    ("(p01:0005 and p01:0006)"). Before, one mark a row: "neutral (row 2) (row 4)" (s76)."""
    rows = [d.row for d in decisions]
    if all(rows):
        return f"(row{'s' * (len(rows) > 1)} {and_list(str(r) for r in rows)})"
    marks = dict.fromkeys(f"row {d.row}" if d.row else d.segment_id for d in decisions)
    return f"({and_list(marks)})"


def _matched_to(n: int, k: int) -> str:
    """``n`` decisions matched to ``k`` segments, as the warnings of the near rule say it."""
    return f"{n} decision{'s' if n != 1 else ''} matched to {k} segment{'s' if k != 1 else ''}"


def _warn_of_joined(
    match: DecisionMatch, where: str | Path | None, codebook: Codebook | None = None
) -> None:
    """Warn of the decisions that followed their words into a segment holding more talk
    (:func:`_inside_one_segment`), and of the segments now holding parts decided differently
    (a code accepted on one, rejected or recoded to another on the other; two valences): the later row stands, as of
    two rows on one segment, and the researcher decides it again. Codes are read in
    ``codebook`` when given (:func:`_code_key`: a code by its name is that code, as the page
    reads it)."""
    from .errors import warn

    joined = match.matched_to_joined
    if not joined:
        return
    first, _, _, _ = _first_segments(joined)
    # those on a selection narrowed in a QDA program are named as such (_warn_of_narrowed)
    narrowed = match.narrowed or (False,) * len(match.decisions)
    on_narrowed = zip(match.decisions, match.on, match.joined, narrowed)
    if said := [(d, sid) for d, sid, j, n in on_narrowed if j and sid is not None and not n]:
        _, named, n, k = _first_segments(said)
        warn(
            f"{n} decision{'s' if n != 1 else ''} followed {'its' if n == 1 else 'their'} words "
            f"into {k} segment{'s' if k != 1 else ''} holding more talk than "
            f"{'it' if n == 1 else 'they'} decided (a turn no longer parted, or segments joined, "
            f"since the review): {named}; check the decision fits the whole "
            "segment",
            path=where,
        )
    for sid in first:
        on = [d for d, s in match.matched if s == sid]
        if len({d.segment_id for d in on}) < 2:
            continue  # one segment's rows, as reviewed: the usual later-row rule, unwarned
        codes: dict[str, dict[str, list[Decision]]] = {}  # code -> accepted/rejected -> rows
        valences: dict[str, list[Decision]] = {}  # valence -> rows
        recoded: set[str] = set()  # the codes shown a row so far recoded
        # codes recoded, then rejected by a later row: the recode taken back
        # (replaced_on_a_suggestion), the code recoded to not given (hunt s76 F4)
        taken_back: set[str] = set()
        for d in on:
            if d.decision == "new-code":
                code = d.new_code.strip()
            else:
                code = _code_key(d.code_id, codebook)
            if code and d.decision in ("accept", "recode", "new-code", "reject"):
                how = "rejected" if d.decision == "reject" else "accepted"
                if how == "rejected" and code in recoded:
                    taken_back.add(code)
                codes.setdefault(code, {}).setdefault(how, []).append(d)
            # a recode of the code shown: that code not given, unless a later row on it gives it
            # (replaced_on_a_suggestion: the recode then lost, s76 gate)
            shown = _code_key(d.suggestion, codebook) if d.decision == "recode" else ""
            if shown and shown != code:
                codes.setdefault(shown, {}).setdefault(f"recoded to {code}", []).append(d)
                recoded.add(shown)
            if d.valence.strip():
                valences.setdefault(d.valence.strip(), []).append(d)
        differ = [
            f"{code} " + ", ".join(f"{how} {_rows_said(rows)}" for how, rows in hows.items())
            for code, hows in codes.items()
            # a rejection, then a recode of one code agree (neither gives it)
            if len(hows.keys() - {"rejected"}) > 1
            or {"accepted", "rejected"} <= hows.keys()
            or code in taken_back
        ]
        if len(valences) > 1:
            differ.append(
                "valence " + ", ".join(f"{v} {_rows_said(rows)}" for v, rows in valences.items())
            )
        if differ:
            warn(
                f"decisions on parts of {sid} decided differently, now one segment: "
                f"{'; '.join(differ)}; the later row stands: decide {sid} again in the report",
                path=where,
            )


def warn_of_edited_text(
    match: DecisionMatch, where: str | Path | None, codebook: Codebook | None = None
) -> None:
    """Warn, naming the decisions file ``where``, of the decisions that went to a segment whose
    text was edited since the review (nearly their words, :func:`match_decisions`): how many,
    and the first segments with the rows of their decisions, to check; of those of a
    transcript not coded that followed their words into another (renamed since), which one.
    Codes are read in ``codebook`` when given (:func:`_warn_of_joined`)."""
    from .errors import warn

    edited = []
    renamed: dict[str, str] = {}  # a transcript not coded -> the one its decisions follow
    for d, sid in match.matched_to_edited:
        old, new = transcript_part(d.segment_id), transcript_part(sid)
        if old == new:
            edited.append((d, sid))
        else:
            renamed[old] = new
    for old, new in renamed.items():
        warn(
            f"decisions of {old}, not among the transcripts coded, follow their nearly-same "
            f"words in {new} (a transcript renamed, e.g. by pseudonymising? check them)",
            path=where,
        )
    _warn_of_other_transcripts(match, set(renamed), where)
    _warn_of_untold(match, where)
    _warn_of_joined(match, where, codebook)
    _warn_of_parted(match, where)
    _warn_of_narrowed(match, where)
    if not edited:
        return
    _, named, n, k = _first_segments(edited)
    warn(
        f"{_matched_to(n, k)} whose text was edited since the review (nearly the same words, "
        "not the same): "
        f"{named}; check they are the talk decided on",
        path=where,
    )


def _warn_of_narrowed(match: DecisionMatch, where: str | Path | None) -> None:
    """Warn of the decisions on a selection narrowed in a QDA program (:func:`_narrowed_selection`:
    a part of their segment, its words unchanged): charted on the whole segment, which holds
    more than the selection decided; not named as text edited, which sent the user looking for an
    edit never made (study8 tester, s78, L3)."""
    from .errors import warn

    narrowed = match.matched_to_narrowed
    if not narrowed:
        return
    _, named, n, k = _first_segments(narrowed)
    warn(
        f"{_matched_to(n, k)} whose selection was narrowed in the QDA program (a part of the "
        f"segment, the transcript's words unchanged): {named}; {'it is' if n == 1 else 'they are'}"
        " charted on the whole segment: check the decision fits it",
        path=where,
    )


def _warn_of_parted(match: DecisionMatch, where: str | Path | None) -> None:
    """Warn of the decisions the near rule took to a segment a short part was parted off since
    the review (:func:`_parted_off`): their words the segment's and the part's, unchanged; the
    part, a segment of its own now, is undecided unless a decision matched it
    (:func:`parts_undecided_said`)."""
    from .errors import warn

    parted = match.matched_to_parted
    if not parted:
        return
    off: dict[str, tuple[str, ...]] = {}  # each segment's part parted off, by its first decision
    for _, sid, part in parted:
        off.setdefault(sid, part)
    _, named, n, k = _first_segments(
        [(d, sid) for d, sid, _ in parted],
        lambda sid, d: (
            f"{sid} ({f'row {d.row}; ' if d.row else ''}part parted off: {', '.join(off[sid])})"
        ),
    )
    warn(
        f"{_matched_to(n, k)} a short part was parted off since the review (a turn parted; the "
        f"words decided are the segment's and the part's, unchanged): {named}"
        + parts_undecided_said(
            [p for _, _, part in parted for p in part], {sid for sid in match.on if sid}
        ),
        path=where,
    )


def parts_undecided_said(parts: Iterable[str], decided: Collection[str]) -> str:
    """What the parted warning ends with: that the ``parts`` parted off are undecided, but
    those a decision matched (``decided``: the segments decisions are on), which have a
    decision of their own (hunt s76 L4: "the part parted off is undecided" of a part its own
    row decided). Report.js's ``partsUndecidedText`` twins it."""
    every = list(dict.fromkeys(parts))
    undecided = [p for p in every if p not in decided]
    if len(undecided) == len(every):
        return "; the part parted off is undecided: decide it in the report"
    if not undecided:
        return (
            "; the part parted off has a decision of its own"
            if len(every) == 1
            else "; each part parted off has a decision of its own"
        )
    more = f" and {len(undecided) - 3} more" if len(undecided) > 3 else ""
    one = len(undecided) == 1
    return (
        f"; of the parts parted off, {', '.join(undecided[:3])}{more} "
        f"{'is' if one else 'are'} undecided: decide {'it' if one else 'them'} in the report "
        "(the others have a decision of their own)"
    )


def _warn_of_untold(match: DecisionMatch, where: str | Path | None) -> None:
    """Warn of the decisions left undecided because their words are said by several segments
    of their transcript and nothing tells which one they are on (:func:`_repeated_words`):
    each such decision by id and row, and the segments saying its words."""
    from .errors import warn

    untold = match.told_apart_by_none
    if not untold:
        return
    segments = list(dict.fromkeys(c for _, on in untold for c in on))
    n, k = len(untold), len(segments)
    warn(
        f"{n} decision{'s' if n != 1 else ''} ({_named([d for d, _ in untold], 5)}) left "
        f"undecided: {'its' if n == 1 else 'their'} words are said by {k} segments of "
        f"{'its' if n == 1 else 'their'} transcript ({first_and_count(segments, 5)}) and which "
        f"is {'its' if n == 1 else 'theirs'} cannot be told since the transcript changed; "
        "decide them again in the report",
        path=where,
    )


def _warn_of_other_transcripts(
    match: DecisionMatch, renamed: Collection[str], where: str | Path | None
) -> None:
    """Warn, one line for each pair of transcripts, of the decisions that went by their very
    words to a segment of another transcript than their segment id names: of a transcript not
    coded now (its file renamed since, "P04.txt" to "P04 - final.txt"; only those move,
    :func:`match_decisions`). Those of a transcript whose near words followed it
    (``renamed``, warned of already) are left out."""
    from .errors import warn

    moved: dict[tuple[str, str], int] = {}
    for (d, sid), e in zip(match.matched, _edited_of_matched(match)):
        old, new = transcript_part(d.segment_id), transcript_part(sid)
        if old != new and not e and old not in renamed:
            moved[old, new] = moved.get((old, new), 0) + 1
    for (old, new), n in moved.items():
        warn(
            f"{n} decision{'s' if n != 1 else ''} of {old}, not among the transcripts coded, "
            f"follow{'s' if n == 1 else ''} {'its' if n == 1 else 'their'} words in {new} (a "
            f"transcript renamed since? check {'it' if n == 1 else 'them'})",
            path=where,
        )


def _edited_of_matched(match: DecisionMatch) -> list[bool]:
    """Whether each of ``match.matched`` went to nearly its words (in that order)."""
    edited = match.edited or (False,) * len(match.decisions)
    return [e for e, sid in zip(edited, match.on) if sid is not None]


def no_code_rows(
    decisions: Sequence[Decision],
    result: CodingResult,
    *,
    where: str | Path | None = None,
    codebook: Codebook | None = None,
) -> list[Decision]:
    """The ``no-code`` rows that keep what ``decisions`` decided on ``result``, the codings the
    review was made on: one for each segment (with its id, text and note) whose decisions reject
    every suggestion it shows (:func:`rejects_all`) and decide no code, unless it has one
    already. ``roqa code --out`` adds them to the review it carries into that folder coded
    again: a retrained model may show other suggestions there, and the segment still fits no
    code. Decisions that went to a segment whose text was edited since are warned about,
    naming ``where`` (the decisions file), when it is given (:func:`warn_of_edited_text`).

    Given ``codebook`` (the model's, the codes of ``result``), decisions on codes of another
    codebook (a review made on the codings charted in CFIR 2.0) are first read as decisions on
    its codes (:func:`~roqa_nlp.decisions_crosswalk.in_model_codes`, its warning left to the
    report that shows them), and a segment whose every CFIR 2.0 code shown was rejected gets its
    row as one whose every suggestion was: the row a review in the model's codes gets."""
    kinds = ("accept", "reject", "recode", "new-code", NO_CODE)
    used = [d for d in decisions if d.decision in kinds]
    rejected_all: set[int] = set()  # the no-code rows read into a review in another codebook
    if codebook is not None:
        import warnings

        from .decisions_crosswalk import in_model_codes
        from .errors import RoqaWarning

        given = {id(d) for d in used}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RoqaWarning)
            used = in_model_codes(used, codebook, result, where=where)
        rejected_all = {id(d) for d in used if d.decision == NO_CODE and id(d) not in given}
    match = match_decisions(list(used), result)
    if where is not None:
        warn_of_edited_text(match, where, codebook)
    by_segment: dict[str, list[Decision]] = {}
    for d, o in zip(used, match.on):
        if o is not None:
            by_segment.setdefault(o, []).append(d)
    out = []
    for s in result.segments:
        rows = by_segment.get(s.segment.id, [])
        if not rows or any(d.decision == NO_CODE and id(d) not in rejected_all for d in rows):
            continue
        note = next((d.note for d in rows if d.note), "")
        if any(id(d) in rejected_all for d in rows):
            out.append(Decision(s.segment.id, NO_CODE, note=note, text=s.segment.text))
            continue
        last: dict[str, str] = {}  # code -> its last decision
        for d in rows:
            last[
                project_code_id(d.new_code)
                if d.decision == "new-code"
                else shown_in(codebook, [d.code_id])[0]
            ] = d.decision
        if any(v != "reject" for v in last.values()):
            continue
        if rejects_all(last, shown_in(codebook, [g.code_id for g in s.suggestions])):
            out.append(Decision(s.segment.id, NO_CODE, note=note, text=s.segment.text))
    return out


def append_decisions(path: str | Path, rows: Sequence[Decision]) -> None:
    """Add ``rows`` at the end of the decisions file ``path`` (CSV in its own columns and
    separator, or JSON Lines), written in one step. The researcher's file keeps its bytes: its
    byte order mark or none, its line ends (``\\r\\n`` as Excel saves them), its rows in their
    order and their cells as typed; the rows are added below in its UTF-8, each cell guarded as
    every cell roqa writes is (:func:`~roqa_nlp.io.spreadsheet_csv`). Only when a cell above
    needs that guard (Excel saves a note typed as ``-check`` without the ``'`` roqa wrote
    before it, and opens it next as a formula) is the file written whole again, in its own line
    ends and mark, its cells guarded; so is a file in UTF-16 or UTF-32, as UTF-8 with its mark.
    A CSV without a ``text`` column takes the rows without their text. The file as it was is
    kept first by :func:`keep_before_recode` when the caller wants it (``roqa code --out``)."""
    import json

    from .io import (
        EXCEL_BOM,
        atomic_write_bytes,
        bom_encodings,
        decode_text,
        read_bytes,
        spreadsheet_csv,
        spreadsheet_safe,
    )

    p = Path(path)
    data = read_bytes(p)
    text = decode_text(data, p)
    utf8 = not bom_encodings(data)  # a UTF-16 or UTF-32 file is written again as UTF-8
    first = _LINE_END.search(data.decode("utf-8", "replace")) if utf8 else None
    line_end = first.group() if first else "\n"
    # a file whose last line has no line end gets one before the rows added
    sep = line_end if text and not text.endswith("\n") else ""
    fields = {c: "" for c in COLUMNS}
    if p.suffix.lower() in (".jsonl", ".json"):
        lines = [json.dumps({**fields, **_fields(d)}, ensure_ascii=False) for d in rows]
        tail = sep + "".join(f"{line}{line_end}" for line in lines)
        atomic_write_bytes(p, (data if utf8 else text.encode("utf-8")) + tail.encode("utf-8"))
        return
    table = from_the_header(text, "segment_id")[0]  # below a title, when it has one
    above = text[: len(text) - len(table)]
    delimiter = csv_delimiter(table, "segment_id")
    with _long_fields():
        kept = list(csv.reader(io.StringIO(table), delimiter=delimiter))
    names = [column_key(h) for h in (kept[0] if kept else [])]
    added = [[{**fields, **_fields(d)}.get(n, "") for n in names] for d in rows]
    tail = spreadsheet_csv(added, delimiter=delimiter, line_end=line_end)
    if utf8 and all(spreadsheet_safe(c) == c for row in kept for c in row):
        atomic_write_bytes(p, data + (sep + tail).encode("utf-8"))
        return
    mark = EXCEL_BOM if data.startswith(codecs.BOM_UTF8) or not utf8 else ""
    whole = spreadsheet_csv(kept, delimiter=delimiter, line_end=line_end)
    atomic_write_bytes(p, (mark + above.replace("\n", line_end) + whole + tail).encode("utf-8"))


#: a line's end in a file: Windows', old Mac's or Unix's
_LINE_END = re.compile(r"\r\n|\r|\n")


def keep_before_recode(path: Path) -> tuple[Path, bool]:
    """Keep the review file ``path`` as the researcher left it, before ``roqa code --out`` adds
    its ``no-code`` rows (:func:`append_decisions`): a copy of its bytes beside it,
    ``decisions.before-recode.csv`` (:data:`BEFORE_RECODE`), written in one step. One copy, not
    one per run: a copy already there stays when the file's decisions are the copy's with rows
    added below (roqa's rows of an earlier run, or the researcher's), so it stays the file as it
    was before roqa first added rows; it is replaced when the researcher changed or removed
    decisions since (saved again from the report or Excel), which is then theirs to keep.
    Returns the copy and whether it was written now."""
    import warnings

    from .io import atomic_write_bytes, read_bytes

    copy = path.with_name(f"{path.stem}.{BEFORE_RECODE}{path.suffix}")
    data = read_bytes(path)
    if copy.is_file():
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # read to compare only: said of the file itself
                before = read_decisions(copy, allow_empty=True)[0]
                now = read_decisions(path, allow_empty=True)[0]
            if now[: len(before)] == before:
                return copy, False
        except RoqaError:
            pass  # a copy that cannot be read is no review kept: the file is copied again
    atomic_write_bytes(copy, data)
    return copy, True


@contextmanager
def _long_fields() -> Iterator[None]:
    """csv's field limit raised to :data:`FIELD_LIMIT` while reading a decisions file: a note
    may be long (a pasted memo), and csv's default limit is 128 KB."""
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, FIELD_LIMIT))
    try:
        yield
    finally:
        csv.field_size_limit(limit)


def _fields(d: Decision) -> dict[str, str]:
    """A decision's columns (:data:`COLUMNS`) as a decisions file holds them."""
    return {c: str(getattr(d, c)) for c in COLUMNS}


def _moved_segment(segment_id: str, candidates: list[str], taken: set[str | None]) -> str | None:
    """Of the segments with a decision's text in the one transcript it may go to
    (``candidates``), the one it moved to: the first not holding other decisions, else the
    first."""
    free = [c for c in candidates if c not in taken]
    return free[0] if free else candidates[0] if candidates else None


def project_codebook(
    codebook: Codebook,
    decisions: list[Decision],
    *,
    where: str | Path = "decisions",
    warn_near: bool = True,
) -> Codebook:
    """The codebook plus one codable project code per distinct new-code name (stable ids); a
    new-code name that is already a code's name (not an alias: :meth:`Codebook.named`, as
    :func:`named_codes_recoded` reads it), or two different names that give one
    id (or a name giving the id of a project code already in ``codebook``), is a one-line error.
    Names differing only in case, spacing, punctuation or ``&``/``and`` are one code
    (:func:`_same_name`), named as first given. A new code a letter or two from a project code
    already there or made before it (:func:`project_codes_near`, as a misspelt project id in
    the code column is named) is kept, a code of its own, with a warning naming that code
    (``warn_near``; daily20 s88 D1: 'Family involvment' quietly split 'Family involvement')."""
    new: dict[str, Code] = {}
    for d in decisions:
        if d.decision != "new-code":
            continue
        cid = project_code_id(d.new_code)
        same = codebook.named(d.new_code)
        if same is not None and same.id != cid:
            raise RoqaError(
                f"new code {quoted(d.new_code)} is the name of {same.id} {same.name}",
                path=where,
                hint=f"accept or recode to {same.id} instead, or give the new code another name",
            )
        before = new.get(cid) or codebook.find(cid)
        if before is not None and _same_name(before.name) != _same_name(d.new_code):
            raise RoqaError(
                f"new codes {quoted(before.name)} and {quoted(d.new_code)} both become {cid}",
                path=where,
                hint="give them one name, or names that differ in their letters or digits",
            )
        if before is None:
            new[cid] = Code(
                id=cid,
                name=d.new_code,
                level="code",
                parent=None,
                domain=None,
                codable=True,
                description=PROJECT_CODE_DESCRIPTION.format(name=d.new_code),
            )
    if not new:
        return codebook
    if warn_near:
        _warn_of_new_codes_near(new, codebook, decisions, where)
    pid = codebook.id if codebook.id.endswith("+project") else f"{codebook.id}+project"
    return codebook.with_codes(new.values(), id=pid)


def _warn_of_new_codes_near(
    new: Mapping[str, Code], codebook: Codebook, decisions: Sequence[Decision], where: str | Path
) -> None:
    """Warn of each of the new codes ``new`` (id -> code, in the order made) a letter or two
    from a project code of ``codebook`` or one made before it (:func:`project_codes_near`):
    most likely the earlier code's name retyped with a typo, though a researcher may mean two
    codes, so both are kept. Names its rows and the near code's name and id."""
    from .errors import first_few, warn

    known = {c.id: c.name for c in codebook.codes if c.id in project_ids(codebook)}
    said = []
    for cid, code in new.items():
        if near := [n for n in project_codes_near(cid, known) if not _one_series(cid, n)]:
            rows = [
                str(d.row)
                for d in decisions
                if d.decision == "new-code" and d.row and project_code_id(d.new_code) == cid
            ]
            at = f" (row{'s' if len(rows) > 1 else ''} {first_few(rows, 3)})" if rows else ""
            names = " or ".join(f"{quoted(known[n])} ({n})" for n in near)
            said.append(f"{quoted(code.name)}{at} near {names}")
        known[cid] = code.name
    if said:
        n = len(said)
        warn(
            f"{n} new code{'s' if n != 1 else ''} kept as {'codes' if n != 1 else 'a code'} of "
            f"{'their' if n != 1 else 'its'} own beside a project code a letter or two from "
            f"{'them' if n != 1 else 'it'}: {'; '.join(said)} (if a typo, give the earlier "
            "code's name in the new-code column, or recode to its id)",
            path=where,
        )


def _one_series(a: str, b: str) -> bool:
    """Whether project code ids ``a`` and ``b`` are two of a numbered or lettered series
    ('Theme 1'/'Theme 2', 'Site A'/'Site B', 'Wave 1'/'Wave 2'): the same words but a last word
    that is a number or a single letter in each, which a team means as codes apart, not a typo
    (hunt43 s88 D4: 5 of the 6 codes the near-code warning named were such series)."""
    *head_a, last_a = a.split("-")
    *head_b, last_b = b.split("-")

    def counts(word: str) -> bool:
        return word.isdigit() or (len(word) == 1 and word.isalpha())

    return head_a == head_b and last_a != last_b and counts(last_a) and counts(last_b)


def named_codes_recoded(
    decisions: list[Decision], codebook: Codebook, *, where: str | Path | None = None
) -> list[Decision]:
    """``decisions`` with each ``new-code`` row whose name is a code of ``codebook`` (its name
    or id, not an alias: :meth:`Codebook.named`; other than the project code the name makes)
    read as the recode to that code it is: "Staffing levels" typed in the new-code box is
    WF-STAFF Staffing levels, for ``roqa apply-decisions``, ``roqa train --feedback`` and the
    report alike (ownloop tester, session 46: apply-decisions made it WF-STAFF while train
    refused it). An alias is not enough, as it is not for a project's code charted in another
    codebook (:func:`~roqa_nlp.crosswalk.named_in`): "Senior team", an alias of CFIR 2.0's
    High-level Leaders, stays a new code (session 71: the report charted in CFIR 2.0 read it
    as IND.A, apply-decisions and the chart as the project's own). One warning, naming
    ``where``, says which were read so; a name of a domain is left for
    :func:`project_codebook` to refuse. Spellings of one new code's name are read as its first
    (:func:`merged_new_code_names`)."""
    from dataclasses import replace

    from .errors import first_few, warn

    out: list[Decision] = []
    said: list[str] = []
    # spellings of one name (case, punctuation, &/and) are one new code, as a codebook's are
    for d in merged_new_code_names(decisions, where=where):
        known = codebook.named(d.new_code) if d.decision == "new-code" and d.new_code else None
        if known is not None and known.codable and known.id != project_code_id(d.new_code):
            d = replace(d, decision="recode", code_id=known.id, new_code="")
            said.append(f"{quoted(known.name)} ({known.id})")
        elif known is not None and written_as_id(d.new_code) == known.id:
            # an earlier round's project code named by its id: the new code of its name, as
            # typing its name makes it (not a second code, nor two names for one id)
            d = replace(d, new_code=known.name)
        out.append(d)
    if said:
        n = len(said)
        warn(
            f"{n} new code{'s' if n != 1 else ''} named as a code of {codebook.id} read as the "
            f"recode to it: {first_few(list(dict.fromkeys(said)), 3)}",
            path=where,
        )
    return out


def with_imported_project_codes(
    codebook: Codebook, decisions: list[Decision], places: Iterable[str | Path]
) -> Codebook:
    """``codebook`` with the project codes ``decisions`` name that it lacks (``recode`` to
    ``project.covid-19-disruption``), as a project codebook found beside ``places`` defines
    them; ``codebook`` itself when there are none.

    A QDA review of a project that carries roqa's own codes (a review's new codes exported by
    ``roqa export``) names them by their ids, not as ``new-code`` rows: ``roqa import`` writes
    the project's ``codebook.json`` in its output folder, with the decisions in ``decisions/``
    and the codings in ``codings/USER/``. It is looked for in the folder of each decisions file
    and codings file in ``places`` and up to two folders above, in a folder holding ``codings/``
    or ``decisions/`` (one roqa import wrote; not the ``codebook.json`` a ``roqa code`` run
    writes beside its codings, whose project codes come from an earlier round's decisions); the
    first that defines a code gives it (its name and description), a codable code of its own, as
    a new-code row's is.
    """
    import dataclasses

    from .crosswalk import _FOLDERS_UP, CODEBOOK_FILE

    wanted = [
        d.code_id
        for d in decisions
        if d.decision in ("accept", "reject", "recode")
        and d.code_id.startswith(PROJECT_PREFIX)
        and codebook.find(d.code_id) is None
    ]
    if not wanted:
        return codebook
    found: dict[str, Code] = {}
    looked: set[Path] = set()
    for place in places:
        folder = Path(place).resolve().parent
        for _ in range(_FOLDERS_UP + 1):
            candidate = folder / CODEBOOK_FILE
            # only a folder roqa import wrote (codings/USER/, decisions/): the codebook.json
            # beside a roqa code run's codings is the model's, and taking a code from it would
            # let a later round train without the round that made the code (hunt2, session 36)
            imported = (folder / "codings").is_dir() or (folder / "decisions").is_dir()
            if imported and candidate not in looked and candidate.is_file():
                looked.add(candidate)
                try:
                    book = Codebook.load(candidate)
                except RoqaError:
                    book = None  # not a codebook: not the project's
                for cid in wanted:
                    code = None if book is None else book.find(cid)
                    if cid not in found and code is not None and code.id == cid:
                        found[cid] = dataclasses.replace(
                            code, level="code", parent=None, domain=None, codable=True
                        )
            if folder.parent == folder:
                break
            folder = folder.parent
    if not found:
        return codebook
    pid = codebook.id if codebook.id.endswith("+project") else f"{codebook.id}+project"
    return codebook.with_codes(found.values(), id=pid)


#: why decisions give no training example (FeedbackExamples.left_out)
SHORT_OF_ALL = "rejections short of all the segment's suggestions"
#: rows are grouped by their words, not their segment: one example per text, so an accept of the
#: same words in another interview is replaced too (session 58 tester "study": "21 replaced by a
#: later row on the same segment" named rows on 20 segments of 13 interviews)
REPLACED = "replaced by a later row on the same words and code"
BESIDE_A_CODE = "rejections on segments given a code"
#: what to do where a rejection is not kept (typed in another codebook's codes), so that its code
#: does not come back on the segment (hunt32, session 85)
STOP_A_CODE = (
    "to stop a code coming back on a segment, accept or recode the right code there, or, if no "
    f"code fits, reject every suggestion shown or give it a {NO_CODE} row"
)


def only_own_codes_kept(own: str | None) -> str:
    """Why a rejection typed in another codebook's codes (a review charted in CFIR 2.0 or in the
    researcher's own codebook) is not kept: the model code it comes from charts other codes too
    (hunt32, session 85: one whose model code charts it alone is kept, :func:`feedback_plan`).
    ``own``: the model's codebook id."""
    return (
        "rejections are kept in the model's own codes"
        + (f" ({own.removesuffix('+project')})" if own else "")
        + ", or in another codebook's where the model code they come from charts them alone: "
        "each of these comes from one charting other codes too, which keeping it would take away"
    )


def typed_in_said(translated_from: object) -> str:
    """The codebook rejections not kept were typed in, as the train line and error name it:
    "cfir-2022's", else "another codebook's"."""
    if isinstance(translated_from, (list, tuple)) and len(translated_from) == 1:
        return f"{translated_from[0]}'s"
    return "another codebook's"


VALENCE_UNCODED = "valence corrections on segments with no code decided"
#: coded examples given a new code and no valence, or a project code the model did not suggest on
#: the segment (FeedbackExamples.counts): they have none
#: (""), which the valence head leaves out, as the review gives a new code none (neutral, no
#: probability: :func:`reviewed_codings`); the model's valence there is its reading of a code of
#: its own, which nobody reviewed (models trained before session 69 learnt it: their cards'
#: ``n_new_code_model_valence`` counts them)
NEW_CODE_WITHOUT_VALENCE = "new-code-without-valence"
#: valence-only examples whose valence no ``valence`` row gave, only a rejection's or a no-code
#: row's valence column (FeedbackExamples.counts): that row is counted under its decision
VALENCE_ONLY_WITHOUT_ROW = "valence-only-without-valence-row"


#: the decisions that give a coded example its codes, in the order the card counts them
CODE_DECISIONS = ("accept", "recode", "new-code")
#: the kinds of example decisions give, in the order the card counts them: a segment given a
#: code, one that fits no code, small talk, procedural talk, one given a valence and no code
EXAMPLE_KINDS = ("coded", "rejected", "off-framework", "procedural", VALENCE_ONLY)


@dataclass
class FeedbackExamples:
    """The training examples decisions give (:func:`feedback_plan`), with what became of each
    decision."""

    texts: list[str]
    labels: list[list[str]]
    #: the segment id of each example (the segment the decision was matched to in the codings)
    ids: list[str]
    #: coded | rejected (fits no code) | off-framework (small talk) | procedural
    kinds: list[str]
    #: the valence the example is trained with: the researcher's (a ``valence`` row on the
    #: segment), else the one the model suggested for the segment ("" without codings, or when
    #: a code of the example is a new code, or a project code the model did not suggest there:
    #: the valence head leaves it out)
    valences: list[str]
    #: decisions that became labels, by decision (accept, recode, new-code), examples of
    #: talk that fits no code (rejected), small talk (off-framework) and procedural talk, and
    #: coded examples trained on the researcher's valence (valence), and those given a new code
    #: and no valence, which have none (:data:`NEW_CODE_WITHOUT_VALENCE`)
    counts: dict[str, int]
    #: decisions that gave no example, by reason
    left_out: dict[str, int]
    #: valence-only examples (``feedback_plan(..., valence_only=True)``): segments given a valence
    #: and no code, which the valence head alone learns; their words, segment ids and valences
    valence_texts: list[str] = field(default_factory=list)
    valence_ids: list[str] = field(default_factory=list)
    valence_labels: list[str] = field(default_factory=list)
    #: each segment given a valence that an example is trained with (coded or valence-only):
    #: its id, words, the interviewer's question before it ("" without codings or a question)
    #: and the last valence given it; the same words in two segments (one example) are two
    #: here, each with its own question and valence (:mod:`~roqa_nlp.decided_valences`); and
    #: each segment given a new code and no valence beside codes accepted with one sure valence
    #: shown (:func:`accepted_valence`), with it: the example has none, the segment keeps it
    valences_given: list[tuple[str, str, str, str]] = field(default_factory=list)
    #: the interviewer's question before each example's segment ("" without codings or without
    #: a question): the question model learns which codes this study's questions lead to
    contexts: list[str] = field(default_factory=list)
    #: the researcher's valence of each example ("" when it has none: the model's was trained)
    decided_valences: list[str] = field(default_factory=list)
    #: the rows behind the examples that are not coded, by kind (rejections and no-code rows:
    #: three rejections of a segment's suggestions are one example of talk that fits no code;
    #: valence rows behind valence-only examples), and the valence rows on coded examples
    #: (``valence``): with the codes by decision and the rows left out, each row once
    decisions_by_kind: dict[str, int] = field(default_factory=dict)
    #: each code rejected on a segment, the reject row standing (the last on that code): the
    #: segment id, its words, the interviewer's question before it ("" without one) and the
    #: code; kept in the model so that the code stops coming back there and on talk like it
    #: (:mod:`~roqa_nlp.rejected_codes`), whatever else the segment's decisions give
    rejections: list[tuple[str, str, str, str]] = field(default_factory=list)
    #: the codes rejected on segments that are not kept so, as the reject rows were typed in
    #: another codebook's codes (a review charted in CFIR 2.0): how many
    n_rejections_in_other_codes: int = 0

    def decided(self) -> list[tuple[str, list[str], str]]:
        """(words, codes, the researcher's valence or "") of each example given a code or a
        valence: what a model trained on them should suggest there."""
        coded = [
            (t, list(c), v)
            for t, c, k, v in zip(self.texts, self.labels, self.kinds, self.decided_valences)
            if k == "coded"
        ]
        return [*coded, *((t, [], v) for t, v in zip(self.valence_texts, self.valence_labels))]

    def examples_by_kind(self) -> dict[str, int]:
        """The examples (one per decided segment) by kind (:data:`EXAMPLE_KINDS`, those with
        any): they sum to the examples' number, the records of :meth:`training_set`."""
        kinds = Counter([*self.kinds, *[VALENCE_ONLY] * len(self.valence_texts)])
        return {k: kinds[k] for k in EXAMPLE_KINDS if kinds[k]}

    def codes_by_decision(self) -> dict[str, int]:
        """The codes the coded examples are trained with, each under the decision that gave it
        (:data:`CODE_DECISIONS`, those with any): a segment given two codes counts twice, so
        they sum to at least the coded examples' number."""
        return {k: self.counts[k] for k in CODE_DECISIONS if self.counts.get(k)}

    def training_set(self, hash: str = "") -> TrainingSet:
        """The examples as training records (group and source ``researcher-decisions``): the
        coded, fits-no-code, small-talk and procedural examples, then the valence-only ones
        (kind :data:`~roqa_nlp.training.VALENCE_ONLY`, no codes), which only the valence head
        learns (:meth:`~roqa_nlp.training.TrainingSet.valence_rows`).

        None of them is ever shown as evidence for a suggestion (``not_evidence``): evidence stays
        the written exemplars and the seed paper's quotes, so the researcher's own segments are
        not stored in words in a model folder that may be shared, nor shown back to them as the
        reason for a suggestion."""
        n = len(self.texts) + len(self.valence_texts)
        ids = [f"feedback-{i}" for i in [*self.ids, *self.valence_ids]]
        return TrainingSet(
            ids=ids,
            texts=[*self.texts, *self.valence_texts],
            codes=[*(list(c) for c in self.labels), *([] for _ in self.valence_texts)],
            valences=[*self.valences, *self.valence_labels],
            groups=[FEEDBACK_SOURCE] * n,
            kinds=[*self.kinds, *[VALENCE_ONLY] * len(self.valence_texts)],
            sources=[FEEDBACK_SOURCE] * n,
            contexts=[*self.contexts, *[""] * len(self.valence_texts)],
            hash=hash,
            not_evidence=set(ids),
        )


def feedback_plan(
    sources: Sequence[tuple[list[Decision], CodingResult | None, str | Path]],
    codebook: Codebook,
    *,
    valence_only: bool = False,
    rejects_typed: Collection[tuple[str, str]] | None = None,
    earlier: EarlierRounds | None = None,
) -> FeedbackExamples:
    """The training examples of one or more decisions files, each given as (decisions, the coding
    result they were made on or None, the file's name for messages), rounds in order.

    - Codes are read as apply-decisions reads them (:func:`_with_new_codes`): a new code the
      decisions make is a code their rows may name (by its name in any spelling, or its id),
      and a new code named as a code of ``codebook`` is the recode to it.
    - Each decision is found in its coding result by :func:`match_decisions` (its text first: ids
      move when a transcript is coded again; nearly its text when the transcript was corrected
      since the review, warned of by :func:`warn_of_edited_text`), and the example takes that
      segment's words (a decision followed into a segment joined since the review, its own
      words: the talk joined to them was not judged); a row without text takes the text of a
      row with
      text on the same segment id. A row with text on no segment is trained on its own text
      (warned); a row without text on no segment is a one-line error. Rows without text in a
      transcript whose ids have moved (other rows' texts are now elsewhere) are warned about.
    - Decisions on the same words (spacing aside) make one example, across files; for each code
      the last row about it wins (an accept after a reject of the same code, or a reject after an
      accept), so a later round overrides an earlier one; so does the last row on a suggestion
      (an accept of it, then a recode of it: :func:`replaced_on_a_suggestion`); the rule
      apply-decisions and the report read too (:func:`standing`).
    - A segment whose decisions reject its top :data:`REJECT_ALL` suggestions (or every one it
      has) and leave no code becomes talk that fits no code (``REJECTED``), unless the model had
      set it aside as small talk (``off_topic``) or procedural talk: it stays in that class.
      Suggestions of another codebook than ``codebook``'s (the CFIR 2009 model's codings, trained
      in CFIR 2.0) are judged as charted in it, as the report showed them
      (:func:`~roqa_nlp.decisions_crosswalk.shown_charted`).
    - A coded example takes the valence of the last row on its words that gives one (a
      ``valence`` row), else the model's; one given a new code has none (""), as
      :func:`reviewed_codings` gives a new code none (the model's valence there is its reading of
      another code), counted as :data:`NEW_CODE_WITHOUT_VALENCE`, beside an accepted code too
      (an example's one valence is learnt for each of its codes by the valence prior), and so
      has one given a project code the model did not suggest on the segment (an accept or a
      recode naming it); an accepted or recoded code alone keeps the model's (a CFIR code
      recoded to too), as the review keeps it. A valence on
      words given no code (none decided, or
      every one rejected) is, with ``valence_only``, a valence-only example (``valence_texts``,
      ``valence_ids``, ``valence_labels``; counted as :data:`VALENCE_ONLY`) for a trainer that
      gives it to the valence head alone; without it (a trainer that cannot) it is left out
      (:data:`VALENCE_UNCODED`). Words whose every suggestion was rejected are an example of
      talk that fits no code besides.
    - The codes rejected on segments are kept (``rejections``) when the reject row was typed in
      ``codebook``'s codes (as the ``sources`` have them, or as ``rejects_typed``, segment id
      and code as typed, says, for decisions a caller read in the model's codes before: it
      gives a kept reject typed in another codebook as its model code), or in another
      codebook's code its model code charts alone (``kept_rejects`` of
      :func:`~roqa_nlp.decisions_crosswalk.in_model_codes`, which reads them so for this and
      for such a caller alike); one whose model code charts several codes is not kept.
    - Each row is counted once: a valence given on a rejection's or a no-code row (by hand) is
      the segment's, as a ``valence`` row's, but the row counts under its decision; the valence
      rows are counted in ``decisions_by_kind`` (on coded examples, behind valence-only ones),
      the valence-only examples without one in ``counts`` (:data:`VALENCE_ONLY_WITHOUT_ROW`).
    """
    from .decisions_crosswalk import codings_codebook, in_model_codes, shown_charted
    from .errors import warn

    # the rejections as typed in the model's own codes (segment id, code id): these are kept
    # with their segments (out.rejections). A reject of a code of another codebook (a review
    # charted in CFIR 2.0, or in an own codebook charted from CFIR 2009) is read as a reject
    # of the model's code it comes from: kept only where that code charts it alone, as one
    # charting its siblings too took away a sibling the researcher never rejected (hunt27,
    # session 85: OUT.E rejected took OUT.G.3 at 0.997, the right code, away)
    if rejects_typed is None:
        rejects_typed = [
            (d.segment_id, d.code_id) for ds, _, _ in sources for d in ds if d.decision == "reject"
        ]
    typed_rejects = {
        (segment, typed.id)
        for segment, code in rejects_typed
        if (typed := codebook.find(code)) is not None
    }
    # a note row decides nothing: it gives no example and is matched to no segment; a row on a
    # code of another codebook (a review charted in CFIR 2.0) is the decision on the model's
    # a reject typed in another codebook whose model code charts that code alone: kept as a
    # reject of the model code, which lowers no other code (hunt32, session 85)
    kept_rejects: list[tuple[str, str]] = []
    sources = [
        (
            in_model_codes(
                [d for d in ds if d.decision != NOTE],
                codebook,
                result,
                where=where,
                kept_rejects=kept_rejects,
            ),
            result,
            where,
        )
        for ds, result, where in sources
    ]
    typed_rejects |= set(kept_rejects)
    sources, codebook = _with_new_codes(sources, codebook)
    # a code no codebook knows stops it before any warning: every such code of a file in one
    # error, as apply-decisions names them, and every file's (rounds tester, s68, and hunt s68
    # h_rounds D3: one train run per typo, then per file)
    refused: list[RoqaError] = []
    for ds, r, where in sources:
        try:
            refuse_unknown_codes(
                ds,
                codebook,
                where,
                earlier=earlier,
                codings=None if r is None else r.source,
                made=project_codes_known(r),
            )
        except RoqaError as e:
            refused.append(e)
    if len(refused) > 1:
        from .errors import RoqaErrors

        raise RoqaErrors(
            refused,
            f"{len(refused)} of the {len(sources)} decisions files name codes the model's "
            "codebook cannot give",
            hint="correct each as its line says, and run again",
        )
    if refused:
        raise refused[0]
    # decision, text, segment, where, and the reviewer its file names (roqa import's decisions
    # of a QDA review; None: the file names none), carried with the row
    rows: list[tuple[Decision, str, SegmentResult | None, str | Path, str | None]] = []
    reviewers: list[str] = []  # in the order of their files
    file_no: dict[int, int] = {}  # a row (its id) -> the place of its file among the rounds
    # a segment (its id) -> the codebook of its suggestions, when not the model's (the CFIR 2009
    # model's codings, reviewed charted in CFIR 2.0 and trained in it): its codes shown are those
    # charted in the model's codebook
    charted_from: dict[int, Codebook] = {}
    n_stale = 0  # rows without text on no segment of codings that confirm it, left out
    for n_file, (decisions, result, where) in enumerate(sources):
        if result is not None and (book := codings_codebook(result, codebook)) is not None:
            charted_from.update((id(s), book) for s in result.segments)
        first_text: dict[str, str] = {}
        for d in decisions:
            if d.text and d.segment_id not in first_text:
                first_text[d.segment_id] = d.text
        filled = [
            d if d.text or d.segment_id not in first_text else _with_text(d, first_text)
            for d in decisions
        ]
        file_no.update((id(d), n_file) for d in filled)
        if (named := qda_reviewer(decisions)) is not None and named not in reviewers:
            reviewers.append(named)
        segs = {} if result is None else {s.segment.id: s for s in result.segments}
        on: list[str | None] = [None] * len(filled)
        stale: list[Decision] = []
        joined: Sequence[bool] = ()
        edited: Sequence[bool] = ()
        if result is not None:
            match = match_decisions(filled, result)
            on, joined, edited = list(match.on), match.joined, match.edited
            if filled and all(o is None for o in on):
                raise none_on_the_codings(filled, result, where)
            # rows without text on no segment: left out or stopped on, as apply-decisions does
            stale = rows_on_no_segment(filled, on, result, where)
            warn_of_edited_text(match, where, codebook)
        # a segment -> the words of the decisions that followed them into it (joined since)
        parts: dict[str, list[tuple[str, list[str]]]] = {}
        for d, o, followed in zip(filled, on, joined):
            if followed and o is not None:
                parts.setdefault(o, []).append((d.segment_id, same_text(d.text).split()))
        unsure = len(_found_by_moved_id(filled, on, segs))
        if not unsure and result is not None:
            _warn_of_rows_without_text(filled, on, where)
        lost: list[Decision] = []
        left_out = {id(d) for d in stale}
        for i, (d, o) in enumerate(zip(filled, on)):
            if id(d) in left_out:
                continue
            if o is None and not d.text:
                raise RoqaError(
                    f"unknown segment id {quoted(d.segment_id)}",
                    path=where,
                    hint="give the codings.jsonl the decisions refer to (--codings)",
                )
            if o is None:
                if result is not None:
                    lost.append(d)
                rows.append((d, d.text, None, where, named))
                continue
            seg = segs[o]
            # on a segment joined since the review, the words decided are learnt, not the talk
            # joined to them, which no one judged (each part's decision on its own words)
            joined_to = i < len(joined) and joined[i]
            text = d.text if joined_to else seg.segment.text
            # nearly its words, beside other parts joined to it since: its part, the words the
            # segment says now, the joined parts' aside (each learnt on its own words)
            others = [w for sid, w in parts.get(o, []) if sid != d.segment_id]
            if (
                others
                and i < len(edited)
                and edited[i]
                and (rest := _rest_of(same_text(text).split(), others))
            ):
                text = " ".join(rest)
            rows.append((d, text, seg, where, named))
        if lost:
            warn(
                f"{len(lost)} decision{'s' if len(lost) != 1 else ''} on no segment of the "
                f"codings, trained on their own text without the model's valence: "
                f"{_by_id_and_row(lost)}"
                + (unit_said(lost, result, where) or parted_said(lost, result) if result else ""),
                path=where,
            )
        if stale:
            n_stale += len(stale)
            warn(
                f"{len(stale)} decision{'s' if len(stale) != 1 else ''} without text on no "
                f"segment of the codings, left out: {_by_id_and_row(stale)}",
                path=where,
            )
        if unsure:
            warn(
                f"{unsure} decision{'s' if unsure != 1 else ''} without text, found by segment id "
                "in transcripts whose segment ids have moved since the decisions were made: "
                "they may be on another segment's words (save the decisions with their text)",
                path=where,
            )
    # one example per text; for each code the last row about it wins
    groups: dict[str, list[tuple[Decision, str, SegmentResult | None, str | Path, str | None]]] = {}
    for row in rows:
        groups.setdefault(same_text(row[1]), []).append(row)
    out = FeedbackExamples([], [], [], [], [], {}, {})

    def count(table: dict[str, int], key: str, n: int = 1) -> None:
        if n:
            table[key] = table.get(key, 0) + n

    count(out.left_out, ON_NO_SEGMENT, n_stale)

    # rows a later row (or round) contradicts, settled by the later one: their places among the
    # rows read, and what is said of them
    conflicts: list[tuple[int, int, str]] = []
    place = {id(r[0]): k for k, r in enumerate(rows)}
    # segments with REJECT_ALL codes rejected, not all those shown now: a row of each, its id
    short: list[tuple[Decision, str]] = []
    # segments two reviewers gave different codes: id, codes trained, each reviewer's codes
    disputed: list[tuple[str, set[str], dict[str, set[str]]]] = []
    # segments a later file gave another new code than an earlier one, both kept: the segment,
    # the earlier code and its file, the later code and its file
    renamed: list[tuple[str, str, str | Path, str, str | Path]] = []
    # coded examples whose code rows give their codes different valences: those rows, each with
    # its code, and the one valence the example is trained with
    sides: list[tuple[list[tuple[Decision, str]], str, str | None]] = []
    file_of: dict[int, str | Path] = {id(r[0]): r[3] for r in rows}
    for group in groups.values():
        # code -> (the decision of its row that stands, that row's index), codes in the order
        # first named
        state: dict[str, tuple[str, int]] = {}
        given = [r[0].valence for r in group if r[0].valence]
        corrected = given[-1] if given else ""
        code_rows = [r for r in group if r[0].decision not in (VALENCE, NO_CODE)]
        # a no-code row: the segment was judged to fit no code when the review was made
        judged = sum(1 for r in group if r[0].decision == NO_CODE)
        # the valence rows: a valence given on another row (an accept's, a rejection's) is the
        # segment's too, but that row is counted under its own decision
        n_valence_rows = sum(1 for r in group if r[0].decision == VALENCE)
        deciding: dict[str, tuple[Decision, str | Path]] = {}  # code -> its last row, file
        # a row a later row on the same suggestion contradicts (an accept, then a recode of it)
        replaced = replaced_on_a_suggestion([(r[0], 0) for r in code_rows], codebook)
        for j, i in replaced.items():
            (before, _, _, before_where, _), (dk, _, _, where, _) = code_rows[j], code_rows[i]
            said = replaced_said(before, dk, _rows_in(before, before_where, dk, where))
            conflicts.append((place[id(before)], place[id(dk)], said))
        # the file of each row, for messages
        where_of: dict[int, str | Path] = {id(r[0]): r[3] for r in code_rows}

        def code_of(d: Decision, where_of: dict[int, str | Path] = where_of) -> str:
            return _decided_code(d, codebook, where_of[id(d)])

        stands = standing([(r[0], 0) for r in code_rows], code_of, codebook)
        count(out.left_out, REPLACED, stands.count(False))
        # a valence a later row changes (the last one given is trained), as apply-decisions
        # reads it (s76: said nothing here)
        for before, dk in valence_changes([r[0] for r in group], code_of):
            rows_named = _rows_in(before, file_of[id(before)], dk, file_of[id(dk)])
            conflicts.append(
                (place[id(before)], place[id(dk)], valence_changed_said(before, dk, rows_named))
            )
        # the rows a later row on their suggestion replaces are read no further
        code_rows, stands = (
            [r for k, r in enumerate(code_rows) if k not in replaced],
            [ok for k, ok in enumerate(stands) if k not in replaced],
        )
        for k, (dk, _, _, where, _) in enumerate(code_rows):
            code = code_of(dk)
            if code in deciding:
                before, before_where = deciding[code]
                if (before.decision == "reject") != (dk.decision == "reject"):
                    conflicts.append(
                        (
                            place[id(before)],
                            place[id(dk)],
                            f"{_rows_in(before, before_where, dk, where)}{before.decision} then "
                            f"{dk.decision} {code} on {dk.segment_id}",
                        )
                    )
            deciding[code] = (dk, where)
            # codes in the order first named, each with the decision of its row that stands
            state.setdefault(code, (dk.decision, k))
            if stands[k]:
                state[code] = (dk.decision, k)
        codes = [c for c, (dec, _) in state.items() if dec != "reject"]
        rejected = [c for c, (dec, _) in state.items() if dec == "reject"]
        renamed += _new_codes_renamed(state, deciding, group, file_no, code_of)
        if len(reviewers) > 1:
            theirs = {
                name: _codes_given([r[0] for r in mine], codebook, mine[0][3])
                for name in reviewers
                if (mine := [r for r in group if r[4] == name])
            }
            if len({frozenset(c) for c in theirs.values()}) > 1:
                disputed.append((group[-1][0].segment_id, set(codes), theirs))
        # the words and the segment of the last row matched to one (a later round's codings)
        last = next((r for r in reversed(group) if r[2] is not None), group[-1])
        d, text, found = last[0], last[1], last[2]
        if d.text and same_text(d.text) == same_text(text):
            text = d.text  # the row's own words (its spacing) when the segment's are the same
        # the codes rejected there: not suggested there again, nor as much on talk like it
        out.rejections += [
            (
                found.segment.id if found is not None else d.segment_id,
                text,
                found.segment.context if found is not None else "",
                c,
            )
            for c in rejected
            if any((r[0].segment_id, c) in typed_rejects for r in group)
        ]
        out.n_rejections_in_other_codes += sum(
            not any((r[0].segment_id, c) in typed_rejects for r in group) for c in rejected
        )
        if codes:
            kind = "coded"
            # the sides of the codes still standing, as apply-decisions says them (hunt s76 L3)
            given_sides = [r[0] for r in group if r[0].decision in CODE_ROWS and r[0].valence]
            sides.append(
                (
                    [(dk, code_of(dk)) for dk in given_sides if code_of(dk) in codes],
                    corrected,
                    None,
                )
            )
            for dec, _ in state.values():
                if dec != "reject":
                    count(out.counts, dec)
            count(out.left_out, BESIDE_A_CODE, len(rejected) + judged)
            count(out.decisions_by_kind, VALENCE, n_valence_rows)
        else:
            if corrected and valence_only:
                count(out.counts, VALENCE_ONLY)
                count(out.decisions_by_kind, VALENCE_ONLY, n_valence_rows)
                count(out.counts, VALENCE_ONLY_WITHOUT_ROW, 0 if n_valence_rows else 1)
                out.valence_texts.append(text)
                out.valence_ids.append(found.segment.id if found is not None else d.segment_id)
                out.valence_labels.append(corrected)
                out.valences_given += _valences_given(group)
            else:
                # each valence row, as the card's by_decision counts them (a valence given on a
                # rejection is left out with it, counted once as a rejection)
                count(out.left_out, VALENCE_UNCODED, n_valence_rows)
            # judged against what the rejections were made on: the segment each reject row
            # matched (a later round's codings may show other suggestions), else any three
            seen_on = {
                id(r[2]): r[2] for r in code_rows if r[0].decision == "reject" and r[2] is not None
            }
            made_on: list[list[str] | None] = [
                shown_charted(f, charted_from[id(f)], codebook)
                if id(f) in charted_from
                else shown_in(codebook, [g.code_id for g in f.suggestions])
                for f in seen_on.values()
            ]
            if not judged and not any(rejects_all(rejected, shown) for shown in made_on or [None]):
                count(out.left_out, SHORT_OF_ALL, len(rejected))
                if len(rejected) >= REJECT_ALL:
                    short.append((d, found.segment.id if found is not None else d.segment_id))
                continue  # "not this code" only: nothing to learn the segment as
            kind = "rejected"
            if found is not None and found.procedural:
                kind = "procedural"
            elif found is not None and found.off_topic:
                kind = "off-framework"
            count(out.counts, kind)
            count(out.decisions_by_kind, kind, len(rejected) + judged)
        out.texts.append(text)
        out.labels.append(codes)
        out.contexts.append(found.segment.context if found is not None else "")
        out.ids.append(found.segment.id if found is not None else d.segment_id)
        out.kinds.append(kind)
        sugg = found.suggestions if found is not None else []
        out.decided_valences.append(corrected if codes else "")
        if codes and corrected:
            count(out.counts, VALENCE)
            out.valences.append(corrected)
            out.valences_given += _valences_given(group)
        elif sugg and any(state[c][0] == "new-code" or c.startswith(PROJECT_PREFIX) for c in codes):
            # talk the researcher named anew and gave no valence: the model's is its reading of
            # another code, which the review does not give the new code (neutral, no
            # probability); not stated, so the valence head leaves it out (and the valence
            # prior, which would count it under the new code, beside an accepted code too). So
            # with a project code accepted or recoded to, suggested there or not (hunt s69
            # h_newvalence, 1; a retrained model's guess is no valence of the team's, and the
            # review charts it with none: study s80 D2); a CFIR code recoded to keeps the
            # model's, as reviewed
            out.valences.append("")
            count(out.counts, NEW_CODE_WITHOUT_VALENCE)
            # the valence shown on the codes accepted beside the new code, sure, is the one the
            # review keeps for them: kept for the segment's words, not for the new code (daily29,
            # s91: retrained, the new code read the accepted barrier neutral)
            accepts = [
                (c, code_rows[k][2])
                for c, (dec, k) in state.items()
                if dec == "accept" and not c.startswith(PROJECT_PREFIX)
            ]
            if found is not None and (shown := accepted_valence(accepts)):
                out.valences_given.append(
                    (found.segment.id, text, found.segment.context or "", shown)
                )
        else:
            out.valences.append(sugg[0].valence if sugg else "")
    # the decisions file the warnings name, when every row came from one
    one_file = sources[-1][2] if len({str(w) for _, _, w in sources}) == 1 else None
    if conflicts:
        warn(contradicted_said(conflicts, "words"), path=one_file)
    if sides_said := sides_on_one_segment_said(
        sides, held_as="trained", file_of=lambda d: file_of[id(d)]
    ):
        warn(sides_said, path=one_file)
    if short:
        _warn_of_short_rejections(short, one_file)
    if disputed:
        _warn_of_reviewers_disagreeing(disputed, reviewers)
    if renamed:
        _warn_of_new_codes_renamed(renamed, codebook)
    return out


def accepted_valence(accepts: Sequence[tuple[str, SegmentResult | None]]) -> str:
    """The one valence the codes ``accepts`` (each code accepted and the segment its accept row
    was made on, as the review showed it) were shown with, each suggested there and sure
    (probability :data:`~roqa_nlp.framework.SURE_VALENCE` or more, or none: a person's), else
    "": accepting a code shown with a valence, and giving no valence row, accepts that valence,
    as the review keeps it (:func:`reviewed_codings`). "" when there is none, one is unsure (the
    page marked it "valence unsure": not judged) or not suggested on its segment, or two are
    shown with different valences."""
    from .framework import SURE_VALENCE

    sides = set()
    for code, seg in accepts:
        g = next((g for g in seg.suggestions if g.code_id == code), None) if seg else None
        vp = None if g is None else g.valence_probability
        if g is None or g.valence not in VALENCES or (vp is not None and vp < SURE_VALENCE):
            return ""
        sides.add(str(g.valence))
    return sides.pop() if len(sides) == 1 else ""


def _new_codes_renamed(
    state: Mapping[str, tuple[str, int]],
    deciding: Mapping[str, tuple[Decision, str | Path]],
    group: Sequence[tuple[Decision, str, SegmentResult | None, str | Path, str | None]],
    file_no: Mapping[int, int],
    code_of: Callable[[Decision], str],
) -> list[tuple[str, str, str | Path, str, str | Path]]:
    """The new codes of one segment's rows (``group``) that a later file's new code stands
    beside, the later file naming the earlier code in no row: (segment, earlier code, its file,
    later code, its file) each, the later code the latest file's alone (three rounds' codes are
    two earlier codes beside the third's, which its file's reject rows drop: hunt s68 h_rounds
    D1, it named all three pairs). ``state`` and ``deciding``: the decision that stands on each
    code and its last row (:func:`feedback_plan`'s)."""
    made = [c for c, (dec, _) in state.items() if dec == "new-code"]
    out = []
    for old in made:
        for new in made:
            (d_old, in_old), (d_new, in_new) = deciding[old], deciding[new]
            later = file_no[id(d_new)]
            if file_no[id(d_old)] >= later:
                continue
            named = (
                r[0] for r in group if file_no[id(r[0])] == later and r[0].decision in ON_A_CODE
            )
            if all(code_of(d) != old for d in named):
                out.append((d_new.segment_id, old, in_old, new, in_new))
    latest = max((file_no[id(deciding[new][0])] for *_, new, _ in out), default=0)
    return [o for o in out if file_no[id(deciding[o[3]][0])] == latest]


def _warn_of_new_codes_renamed(
    renamed: Sequence[tuple[str, str, str | Path, str, str | Path]], codebook: Codebook
) -> None:
    """Warn that segments given a new code in one file and another in a later file are trained
    with both (the later row wins per code, not per segment): a new code typed over another in
    the page's new-code box of a later round is a second code, unless the earlier one is
    rejected (rounds tester, s68: the rename "Lone working at night" to "Staff safety out of
    hours" left both on three segments, with no word said). Names the segments and both codes
    and the reject row that drops the earlier one."""
    from .errors import first_few, warn

    # a segment's later code and its file -> its earlier codes with their files
    beside: dict[str, dict[tuple[str, str], list[tuple[str, str]]]] = {}
    for sid, old, in_old, new, in_new in renamed:
        beside.setdefault(sid, {}).setdefault((new, str(in_new)), []).append((old, str(in_old)))
    groups: dict[tuple[tuple[str, str], tuple[tuple[str, str], ...]], list[str]] = {}
    for sid, later in beside.items():
        for new_in, earlier in later.items():
            groups.setdefault((new_in, tuple(earlier)), []).append(sid)

    def name(cid: str) -> str:
        return f"{cid} {quoted(codebook[cid].name)}" if cid in codebook else cid

    said = []
    for ((new, in_new), olds), sids in groups.items():
        n, k = len(sids), len(olds)
        given = ", ".join(f"{name(old)} in {in_old}" for old, in_old in olds)
        rejects = " and ".join(f"'reject {old}'" for old, _ in olds)
        said.append(
            f"{n} segment{'s' * (n != 1)} ({first_few(sids)}) given {given} "
            f"and {name(new)} in {in_new} {'are' if n != 1 else 'is'} trained with "
            f"{'both' if k == 1 else f'all {k + 1}'} (to drop the earlier "
            f"code{'s' * (k != 1)}, add {'a row' if k == 1 else 'rows'} {rejects} on "
            f"{'each' if n != 1 else 'it'} to {in_new}, or reject "
            f"{'it' if k == 1 else 'them'} in the page)"
        )
    warn(
        "a later file's new code is kept beside an earlier file's on the same words (the later "
        f"row wins per code, not per segment): {'; '.join(said)}"
    )


def _with_new_codes(
    sources: Sequence[tuple[list[Decision], CodingResult | None, str | Path]], codebook: Codebook
) -> tuple[list[tuple[list[Decision], CodingResult | None, str | Path]], Codebook]:
    """``sources`` (:func:`feedback_plan`'s) and ``codebook`` as ``roqa apply-decisions`` reads a
    review's codes (:func:`reviewed_codings`): spellings of one new code's name as its first, a
    new code named as a code of ``codebook`` as the recode to it, and the codebook with the new
    codes, so that a row naming a new code as a code ("accept Staff Morale" beside "new-code
    Staff morale") is on it (it was an unknown code here, given the model's codebook, and
    applied by apply-decisions: session 57). The project codebook ``roqa train`` gives (with
    every round's new codes, already read so) comes back as it is."""
    from itertools import accumulate

    where = ", ".join(dict.fromkeys(str(w) for _, _, w in sources))
    rows = merged_new_code_names([d for ds, _, _ in sources for d in ds], where=where)
    starts = list(accumulate([0, *(len(ds) for ds, _, _ in sources)]))
    read = [
        (named_codes_recoded(rows[a:b], codebook, where=w), r, w)
        for (_, r, w), a, b in zip(sources, starts, starts[1:])
    ]
    made = [
        d
        for ds, _, _ in read
        for d in ds
        if d.decision == "new-code"
        and d.new_code.strip()
        and codebook.find(project_code_id(d.new_code)) is None
    ]
    return read, (project_codebook(codebook, made, where=where) if made else codebook)


def _codes_given(decisions: Sequence[Decision], codebook: Codebook, where: str | Path) -> set[str]:
    """The codes ``decisions`` (one reviewer's rows on one segment) give it, as
    :func:`feedback_plan` reads them: those of the rows that stand (:func:`standing`: for each
    code its last row, a row replaced by a later one on the same suggestion left out)."""
    rows = [d for d in decisions if d.decision in ON_A_CODE]
    stands = standing([(d, 0) for d in rows], lambda d: _decided_code(d, codebook, where), codebook)
    return {
        _decided_code(d, codebook, where)
        for d, ok in zip(rows, stands)
        if ok and d.decision != "reject"
    }


def _decided_code(
    d: Decision, codebook: Codebook, where: str | Path, *, by_id: bool = False
) -> str:
    """The code a code decision ``d`` decides, as ``roqa train --feedback`` and ``roqa
    apply-decisions`` read it: a new code's id (:func:`project_code_id`), else its ``code_id``
    resolved in ``codebook`` (:func:`_model_code`, whose errors name ``where``)."""
    if d.decision == "new-code":
        return project_code_id(d.new_code)
    return _model_code(codebook, d.code_id, where, d.row, by_id=by_id)


def _warn_of_reviewers_disagreeing(
    disputed: Sequence[tuple[str, set[str], dict[str, set[str]]]], reviewers: Sequence[str]
) -> None:
    """Warn once that decisions files naming different reviewers gave segments different codes:
    they are read as rounds of one review (a later file's decision on a code replaces an earlier
    one's; a code only one of them decided stays), so such a segment is trained with the codes
    of both, not one reviewer's in place of the other's (learn tester, session 54: "the later
    row wins" read as reviewer B's decisions replacing A's). Says what each was trained with."""
    from .errors import and_list, first_few, warn

    both = "both reviewers'" if len(reviewers) == 2 else "every reviewer's"
    with_all = sum(1 for _, codes, theirs in disputed if codes == set().union(*theirs.values()))
    alone = {
        name: sum(
            1
            for _, codes, theirs in disputed
            if codes != set().union(*theirs.values()) and codes == theirs.get(name)
        )
        for name in reviewers
    }
    mixed = len(disputed) - with_all - sum(alone.values())
    parts = [
        (with_all, f"{both} codes"),
        *((k, f"{name}'s decision alone") for name, k in alone.items()),
        (mixed, "some of each reviewer's codes"),
    ]
    said = [(k, what) for k, what in parts if k]
    n = len(disputed)
    trained = (
        f"{'is' if n == 1 else 'are'} trained with {said[0][1]}"
        if len(said) == 1
        else f"are trained: {', '.join(f'{k} with {what}' for k, what in said)}"
    )
    warn(
        f"{n} segment{'s' * (n != 1)} decided differently by {and_list(reviewers)} "
        f"({first_few([sid for sid, _, _ in disputed])}) {trained}; the decisions files are "
        "read as rounds of one review, a later file's decision on a code replacing an earlier "
        "file's and a code only one decided kept; to compare the reviewers use roqa agree on "
        "their codings (roqa apply-decisions --coder NAME writes them from each file)"
    )


#: decided segments a new code needs for the model to suggest it for other talk like it: on one
#: or two it is learnt from those segments alone, so suggested mostly for close paraphrases of
#: their words, its probability not calibrated (docs/report.md, "New codes": 0 of 7 new sentences
#: in the audit; daily13, s83: two close paraphrases got theirs top, at 0.89 and 0.69, and
#: unrelated CFIR talk did not); fewer are warned about
NEW_CODE_SEGMENTS = 3


def warn_of_few_segments(
    on: dict[str, int], book: Codebook, where: str | Path | None, *, training: bool
) -> None:
    """One warning naming the new codes of ``on`` (code id -> decided segments carrying it) that
    are on fewer than :data:`NEW_CODE_SEGMENTS` segments, and how many each is on. ``training``:
    said by ``roqa train`` (the model being trained), else by ``roqa apply-decisions`` (a model
    trained on these decisions). Those on none are named apart, before: a review made on other
    codings (``coded2/``) names segments these do not hold."""
    from .errors import warn

    def name(cid: str) -> str:
        return f"{cid} {quoted(book[cid].name)}" if cid in book else cid

    none = [cid for cid, n in on.items() if n == 0]
    if none:
        one = len(none) == 1
        warn(
            f"new code{'' if one else 's'} {and_list(map(name, none))} "
            + (
                f"{'is' if one else 'are'} on no decided segment of the decisions given: the "
                f"model learns no talk for {'it' if one else 'them'}"
                if training
                else f"{'is' if one else 'are'} on no segment of these codings, so the reviewed "
                f"codings do not carry {'it' if one else 'them'} ({'its' if one else 'their'} "
                "decisions name segments they do not hold): apply them to the codings they were "
                "made on, or give --decisions made on these"
            ),
            path=where,
            stacklevel=None,  # the researcher's update() line, not the library's (s64 api)
        )
    few = [(cid, n) for cid, n in on.items() if 0 < n < NEW_CODE_SEGMENTS]
    if not few:
        return
    who = (
        "the model learns"
        if training
        else ("a model trained on these decisions (roqa train --feedback) learns")
    )
    advice = f"give a new code {NEW_CODE_SEGMENTS} decided segments or more; docs/report.md"

    if len(few) == 1:
        cid, n = few[0]
        message = (
            f"new code {name(cid)} is on {n} decided segment{'s' if n != 1 else ''} only: {who} "
            f"it from {'that segment' if n == 1 else 'them'} alone, so it is suggested mostly for "
            f"close paraphrases of {'its' if n == 1 else 'their'} words, and its probability is "
            f"not calibrated ({advice})"
        )
    else:
        each = ", ".join(f"{name(cid)} on {n}" for cid, n in few)
        message = (
            f"{len(few)} new codes are on fewer than {NEW_CODE_SEGMENTS} decided segments "
            f"({each}): {who} them from those segments alone, so they are suggested mostly for "
            f"close paraphrases of their words, and their probabilities are not calibrated "
            f"({advice})"
        )
    warn(message, path=where, stacklevel=None)


def _warn_of_short_rejections(
    segments: Sequence[tuple[Decision, str]], where: str | Path | None
) -> None:
    """Warn of segments (a row of each, and the segment's id in the codings) with
    :data:`REJECT_ALL` codes or more rejected and nothing decided that are short of the
    suggestions their codings show now: their review may have rejected every suggestion shown
    when it was made, on codings made again since."""
    from .errors import first_few, warn

    n = len(segments)
    ids = first_few([sid for _, sid in segments], 3)
    rows = [str(d.row) for d, _ in segments if d.row][:3]
    if rows:  # the rows of the decisions file, not their words (see _named_by_id)
        ids += f" (row{'s' if len(rows) > 1 else ''} {and_list(rows)})"
    warn(
        f"{n} segment{'s' if n != 1 else ''} with {REJECT_ALL} or more suggestions rejected and "
        "no code decided, not taken as fitting no code because the codings now suggest codes "
        f"the review did not reject: {ids}; if the review "
        "rejected every suggestion shown when it was "
        "made (the codings were made again since, by a retrained model), add a row "
        f"'{NO_CODE}' for each segment",
        path=where,
    )


def _rows_in(
    earlier: Decision, earlier_in: str | Path, later: Decision, later_in: str | Path
) -> str:
    """ "rows 2 and 3: " of two rows of one file, "a.csv row 2, b.csv row 5: " of two files' rows
    (rounds of review); "" for decisions made in memory."""
    if str(earlier_in) == str(later_in):
        return _rows(earlier, later)
    if not (earlier.row and later.row):
        return ""
    return f"{Path(earlier_in).name} row {earlier.row}, {Path(later_in).name} row {later.row}: "


def _with_text(d: Decision, first_text: dict[str, str]) -> Decision:
    from dataclasses import replace

    return replace(d, text=first_text[d.segment_id])


def feedback_examples(
    decisions: list[Decision],
    codebook: Codebook,
    result: CodingResult | None,
    *,
    where: str | Path = "decisions",
) -> tuple[list[str], list[list[str]], list[str]]:
    """(texts, code-id lists, segment ids) of the training examples the decisions give
    (:func:`feedback_plan` of one decisions file)."""
    plan = feedback_plan([(decisions, result, where)], codebook)
    return plan.texts, plan.labels, plan.ids


@dataclass(frozen=True)
class EarlierRounds:
    """The earlier rounds of review a model learnt and not given now (:func:`earlier_rounds`):
    ``said``, the warning; ``named``, the decisions files, as the warning names them; ``fix``,
    how to keep them ("repeat --feedback for every round, earliest first: --feedback ...");
    ``made``, the project codes the new-code rows of those found make (hunt49 D5, s89: a code no
    round made was said made by one)."""

    said: str
    named: list[str]
    fix: str
    made: frozenset[str] = frozenset()


def earlier_rounds(
    given: Sequence[tuple[str, str]],
    codings: Sequence[CodingResult | None],
    *,
    folders: Sequence[Path | None] | None = None,
    decisions: Sequence[Sequence[Decision]] | None = None,
    codings_named: Sequence[str | None] | None = None,
    python: bool = False,
) -> EarlierRounds | None:
    """What to tell the researcher when the decisions files ``given`` (name, sha256; a round of
    review each) were reviewed on ``codings`` (one per file, None for none) made by a model
    trained with decisions files not given now: the new model is trained on the written data
    and the files given only, and forgets the earlier rounds (adapt tester, session 42: round
    2's file alone lost 2 of 47 held-out top-1s, with no word said). A file the model's card
    (run.json, ``model_card.feedback.decisions_files``) records is given when a file of the same
    SHA-256 is, or the same path (the file edited since); one found nowhere by its path is said
    to be no longer found, with its SHA-256. The card names a file as it was typed when the
    model was trained, maybe from another folder: one not found so is looked for by its SHA-256
    from the folder of each file's codings (``folders``, the run.json's; None for none) and the
    folders above it, and named as found from here. A file given twice is one (its SHA-256).
    An earlier file found whose every decision the files given hold (``decisions``, each
    file's: a round-2 review saved from the page that carried round 1's) is forgotten by none
    (:func:`_held_by`; blind tester s52: the warning said so of a file carrying it all).
    One found changed since (the same name, another SHA-256: its earlier rows cannot be read),
    even given by its path, is forgotten when segments the model learnt from (its card's
    ``feedback.text_sha256``) are decided in none of ``decisions`` nor of the earlier files
    found (as they are now), more than its model's files no longer found may have held (their
    decisions, as the card records them) (blind tester loop, s64: round 2's review saved over
    round 1's file, given by its path, dropped round 1 with no word said); it is named as it was
    then, with its SHA-256 and those segments. A card recording with each file the segments it
    decided (``text_sha256`` there, s64 on) charges each changed file with those of its own no
    file decides now, no more; without it, several changed files of one model are charged with
    none, as before s64 (hunts s64 loop2, loop3: a file with a code fixed was named beside the
    file saved over). Otherwise a file changed since is the file edited: given when given by its
    path, else named with the command, as one without ``decisions`` or a card keeping those
    texts (hunt s64: a file keeping its rows was blamed for another's segments, and the command
    dropped).
    With ``codings_named`` (the ``--codings`` given for each file, as typed), the command it
    suggests gives each file its codings too: an earlier file's as its card records them
    (``feedback.codings``), found as the file is (tester learning, s59: the command given left
    out the --codings round 2's file needs). With ``python``, the call suggested is
    ``update([...])``, not the command's options (tester learn, s61). Given as
    :class:`EarlierRounds` (its files and fix are what the error naming the project codes they
    made says: :func:`refuse_unknown_codes`); None when every one is given."""
    import os

    def place(name: str) -> str:
        return os.path.normcase(os.path.abspath(name))

    shas = {h for _, h in given}
    places = {place(n) for n, _ in given}
    missing: dict[str, str] = {}  # sha256 -> name, in the order the cards record them
    reviewed: dict[str, list[str]] = {}  # a file given -> the SHA-256s its model learnt, left
    learnt_from: dict[str, set[str]] = {}  # sha256 -> the texts its model learnt from (hashes)
    card_of: dict[str, int] = {}  # sha256 -> the card recording it (its place in ``once``)
    n_rows: dict[str, float] = {}  # sha256 -> its decisions, as the card records them
    own: dict[str, set[str]] = {}  # sha256 -> the texts the model learnt that it decided
    by_path: set[str] = set()  # sha256s of files given now by their path, changed since
    once: dict[str, tuple[str, CodingResult | None, Path | None]] = {}  # sha256 -> file given
    named_with: dict[str, str | None] = {}  # a file's name -> its codings, as typed or found
    for i, ((name, h), result, folder) in enumerate(
        zip(given, codings, folders or [None] * len(given))
    ):
        once.setdefault(h, (name, result, folder))
        if codings_named is not None:
            named_with.setdefault(name, codings_named[i] if i < len(codings_named) else None)
    for c, (name, result, folder) in enumerate(once.values()):
        feedback = ((result.meta if result is not None else {}).get("model_card") or {}).get(
            "feedback"
        )
        files = feedback.get("decisions_files") if isinstance(feedback, dict) else None
        if codings_named is not None and isinstance(feedback, dict) and isinstance(files, list):
            named_with.update(_codings_recorded(feedback, folder, named_with))
        learnt = feedback.get("text_sha256") if isinstance(feedback, dict) else None
        # given by its path but changed since, it is checked by the segments the model learnt
        # from (blind tester loop, s64: round 2 saved over round 1's file dropped round 1)
        check_texts = decisions is not None and isinstance(learnt, list) and bool(learnt)
        left = [
            (f.get("name"), str(f.get("sha256")), f.get("n_decisions"), f.get("text_sha256"))
            for f in (files if isinstance(files, list) else [])
            if isinstance(f, dict)
            and f.get("sha256") not in shas
            and (check_texts or not (isinstance(f.get("name"), str) and place(f["name"]) in places))
        ]
        if left:
            reviewed.setdefault(name, []).extend(h for _, h, _, _ in left)
            for n, h, rows, its in left:
                if isinstance(n, str) and place(n) in places:
                    by_path.add(h)
                card_of.setdefault(h, c)
                n_rows.setdefault(h, rows if isinstance(rows, int) else float("inf"))
                # update([Decision(...)]) records no file (name null): found by its SHA-256 alone
                found = (
                    _found_from_here(n, h, folder)
                    if isinstance(n, str)
                    else f"a list of Decisions given in Python (sha256 {h[:12]})"
                )
                missing.setdefault(h, found)
                if check_texts:
                    learnt_from.setdefault(h, set(map(str, learnt or [])))
                    if isinstance(its, list):  # a card of s64 on: the segments it decided
                        own.setdefault(h, set(map(str, its)))
    held = [d for ds in decisions or [] for d in ds]
    # a file found as the model learnt it is checked by its decisions; one changed since (same
    # name, another SHA-256) is the file edited, and given when given by its path, unless the
    # segments the model learnt from are not all decided by the files given now and the earlier
    # files found, as they are now: then the changed files of that model lost those no other
    # file may have held (no longer found, up to its decisions each; hunt s64: a file keeping
    # its rows was blamed for the segments of an earlier file, edited or no longer found)
    intact = {h: n for h, n in missing.items() if _is_as_learnt(n, h)}
    edited = {h for h, n in missing.items() if h not in intact and Path(n).is_file()}
    decided_now: set[str] = set()
    found_now: dict[str, list[Decision]] = {}  # sha256 -> the decisions of a file found, now
    if learnt_from:
        found_now = {h: _decisions_in(n) for h, n in missing.items() if h in intact or h in edited}
        decided_now = _texts_decided([*(decisions or []), *found_now.values()], codings)
    # the segments a file's model learnt that no file decides now: a card recording those each
    # file decided charges each file its own; else every file of the card shares the model's
    lost = {h: len(own.get(h, learnt_from[h]) - decided_now) for h in learnt_from}
    changed: dict[str, int] = {}  # an edited file that lost segments -> those its model lost
    for h in edited & set(learnt_from):
        if h in own:
            if lost[h]:
                changed[h] = lost[h]
            continue
        # what the files no longer found of the same model may have held
        elsewhere = sum(
            n_rows[g]
            for g in missing
            if card_of[g] == card_of[h] and g not in intact.keys() | edited
        )
        if lost[h] > elsewhere:
            changed[h] = int(lost[h] - elsewhere)
    # a card without them cannot tell several changed files of one model apart: none of them is
    # charged, as before s64 (hunts s64 loop2, loop3: a file with a code fixed, or whose rows
    # moved to another file, was charged with the segments another changed file lost)
    unowned = [g for g in edited & set(learnt_from) if g not in own]
    for h in [h for h in changed if h not in own]:
        if sum(card_of[g] == card_of[h] for g in unowned) > 1:
            del changed[h]

    def forgotten(h: str, n: str) -> bool:
        if h in changed:
            return True
        if h in learnt_from and h not in intact.keys() | edited:  # no longer found
            return bool(lost[h])
        # a file edited since is given by its path
        return not (h in edited and h in by_path or (held and _held_by(n, held)))

    missing = {h: n for h, n in missing.items() if forgotten(h, n)}
    if not missing:
        return None
    in_python = {h for h, n in missing.items() if n.startswith("a list of Decisions given")}
    gone = {h for h, n in missing.items() if h in in_python or not Path(n).is_file()}
    named = [
        f"{n} (not found from here; sha256 {h[:12]})"
        if h in gone - in_python
        else _as_it_was(n, h, changed[h])
        if h in changed
        # the file at that path is not the one the model learnt: said, so that the command
        # given is not read as giving that round back as it was (rounds tester, s68)
        else _changed_since(n, h)
        if h in edited
        else n
        for h, n in missing.items()
    ]
    put_back = (
        "putting the decisions a changed file no longer holds back in it or in a file of their own"
    )
    command = not gone and set(missing) - set(changed)
    if not command:
        how = " and ".join(
            (["giving each file not found from here where it is"] if gone else [])
            + ([put_back] if changed else [])
        )
    else:
        rounds = list(
            dict.fromkeys(
                [
                    *(n for h, n in missing.items() if h not in by_path),
                    *(n for n, _, _ in once.values()),
                ]
            )
        )
        with_codings = codings_named is not None and all(named_with.get(n) for n in rounds)
        if python:
            how = f"update({rounds!r}"
            how += f", codings={[str(named_with[n]) for n in rounds]!r})" if with_codings else ")"
        else:
            how = " ".join(
                f"--feedback {shell_quoted(n)}"
                + (f" --codings {shell_quoted(str(named_with[n]))}" if with_codings else "")
                for n in rounds
            )
        how = f"earliest first: {how}"
        if codings_named is not None and not with_codings:
            how += (
                ", with codings= one per file, in the same order"
                if python
                else ", each with its --codings, in the same order"
            )
        how += f", {put_back}" if changed else ""
    one = len(missing) == 1
    every = "give update() every round" if python else "repeat --feedback for every round"
    reviewed_now = [n for n, hs in reviewed.items() if set(hs) & set(missing)]
    fix = f"{every}, {'' if command else 'earliest first, '}{how}"
    said = (
        f"{and_list(reviewed_now)} {'was' if len(reviewed_now) == 1 else 'were'} reviewed on codings "
        f"made by a model trained with {and_list(named)}, not given now: the new model forgets "
        f"{'its' if one else 'their'} decisions (to keep them, {fix})"
    )
    # the project codes their new-code rows make, of the files found (one no longer found
    # cannot be read: the codings' own codebook may still hold its codes, refuse_unknown_codes)
    made = frozenset(
        project_code_id(d.new_code)
        for n in missing.values()
        if Path(n).is_file()
        for d in _decisions_in(n)
        if d.decision == "new-code" and d.new_code
    )
    return EarlierRounds(said, named, fix, made)


def _is_as_learnt(name: str, sha256: str) -> bool:
    """Whether the decisions file ``name`` is found with the SHA-256 a model learnt it with."""
    return Path(name).is_file() and sha256_bytes(Path(name).read_bytes()) == sha256


def _decisions_in(name: str) -> list[Decision]:
    """The decisions of the file ``name``; none when it cannot be read."""
    try:
        return read_decisions(name, allow_empty=True)[0]
    except RoqaError:
        return []


def _texts_decided(
    decisions: Sequence[Sequence[Decision]], codings: Sequence[CodingResult | None]
) -> set[str]:
    """The short hashes (:func:`~roqa_nlp.training.text_hashes`) of the words of every segment
    ``decisions`` decide (notes aside), one list per file: a row's own, and those of its segment
    id in the file's ``codings`` (a model learns a segment's words, which a row's may differ
    from a little); a row without words takes those of a row with words on its segment id."""
    from .training import text_hashes

    texts: list[str] = []
    for ds, result in zip(decisions, [*codings, *[None] * len(decisions)]):
        coded = {s.segment.id: s.segment.text for s in (result.segments if result else [])}
        first = {d.segment_id: d.text for d in reversed(ds) if d.text}
        for d in ds:
            if d.decision != NOTE:
                texts += [d.text or first.get(d.segment_id, ""), coded.get(d.segment_id, "")]
    return set(text_hashes([t for t in texts if t]))


def texts_learnt_by_file(
    files: Sequence[Sequence[Decision]],
    codings: Sequence[CodingResult | None],
    learnt: Iterable[str],
) -> list[list[str]]:
    """For each decisions file (its ``decisions``, reviewed on ``codings``), the short hashes
    of ``learnt`` (a model card's ``feedback.text_sha256``) among the segments it decides: the
    model card records them with the file, so the round check charges a file changed since with
    the segments it held that no file decides now, not with another file's (hunt s64 loop2)."""
    kept = set(learnt)
    return [sorted(_texts_decided([ds], [r]) & kept) for ds, r in zip(files, codings)]


def _as_it_was(name: str, sha256: str, undecided: int) -> str:
    """A decisions file a model learnt from, found changed since, as the warning names it, with
    the ``undecided`` segments it held that no file decides now."""
    return (
        f"{name} as it was then (changed since; sha256 {sha256[:12]}: {undecided} "
        f"segment{'s' if undecided != 1 else ''} the model learnt from "
        f"{'are' if undecided != 1 else 'is'} decided in no file given now)"
    )


def _changed_since(name: str, sha256: str) -> str:
    """A decisions file a model learnt from, found changed since (another SHA-256) but holding
    every segment the model learnt from, as the warning names it: with both SHA-256s."""
    now = sha256_bytes(Path(name).read_bytes())
    return f"{name} (changed since the model learnt it: sha256 {sha256[:12]} then, {now[:12]} now)"


def _decided_alike(d: Decision) -> tuple[str, ...]:
    """What a decision decides, on which talk: its words (its segment id when it has none),
    its decision, code, new code, valence and the suggestion a recode replaced; not its row."""
    on = same_text(d.text) or d.segment_id
    return (on, d.decision, d.code_id.strip(), d.new_code.strip(), d.valence, d.suggestion.strip())


def _held_by(name: str, held: Sequence[Decision]) -> bool:
    """Whether every decision of the decisions file ``name`` (notes aside: they train nothing)
    is among ``held`` (:func:`_decided_alike`); False when it cannot be read."""
    if not Path(name).is_file():
        return False
    try:
        earlier = read_decisions(name, allow_empty=True)[0]
    except RoqaError:
        return False
    have = {_decided_alike(d) for d in held}
    return all(_decided_alike(d) in have for d in earlier if d.decision != NOTE)


def _codings_recorded(
    feedback: Mapping[str, Any], folder: Path | None, known: Mapping[str, str | None]
) -> dict[str, str | None]:
    """Each decisions file a model's card (``feedback``) records, as :func:`_found_from_here`
    names it, with the codings it was trained with (``feedback.codings``, recorded in the same
    order when every file had its codings), as found from here; None for codings not recorded
    or not found. Files ``known`` (given now, with their codings) are left out."""
    files = [f for f in feedback.get("decisions_files") or [] if isinstance(f, Mapping)]
    used = [c for c in feedback.get("codings") or [] if isinstance(c, Mapping)]
    out: dict[str, str | None] = {}
    for i, f in enumerate(files):
        name, h = f.get("name"), f.get("sha256")
        if not isinstance(name, str) or not isinstance(h, str):
            continue
        found = _found_from_here(name, h, folder)
        if found in known:
            continue
        c = used[i] if len(used) == len(files) else {}
        path, c_sha = c.get("path"), c.get("sha256")
        where = (
            _found_from_here(path, c_sha, folder)
            if isinstance(path, str) and isinstance(c_sha, str)
            else None
        )
        out[found] = where if where is not None and Path(where).is_file() else None
    return out


def _found_from_here(name: str, sha256: str, folder: Path | None) -> str:
    """``name``, a decisions file a model card records as typed when the model was trained, as
    the file is found from here: as named, or else the file of that name and SHA-256 under the
    codings' ``folder`` or a folder above it (the study's folder training was run from), or
    else in a folder beside ``folder`` (round 1's ``coded1/`` beside round 2's ``coded2/``: a
    path typed outside the study is recorded from its codings' folder or by its name alone,
    :func:`~roqa_nlp.io.path_to_record`), relative to here when it can be; ``name`` when none
    is found."""
    import os

    if Path(name).is_file() or folder is None or Path(name).is_absolute():
        return name
    above = [folder, *folder.resolve().parents]
    try:
        beside = sorted(p for p in folder.resolve().parent.iterdir() if p.is_dir())
    except OSError:  # a folder that cannot be listed
        beside = []
    for place in [*above, *beside]:
        found = place / name
        if found.is_file() and sha256_bytes(found.read_bytes()) == sha256:
            try:
                return os.path.relpath(found)
            except ValueError:  # another drive (Windows)
                return str(found)
    return name


def _left_out_why(n: int, why: str) -> str:
    """``n`` decisions left out and why (a reason of :data:`SHORT_OF_ALL` and its kind), in
    the singular for one: "1 rejection on segments given a code", not "1 rejections"."""
    if n == 1:
        for plural in ("rejections", "corrections", "rows"):
            why = why.replace(plural, plural[:-1], 1)
    return f"{n} {why}"


def _valence_only_from(n_examples: int, n_rows: int, n_without_row: int) -> str:
    """The rows behind the valence-only examples: ``n_examples - n_without_row`` of them from
    ``n_rows`` ``valence`` rows, and ``n_without_row`` by the valence written on the segment's
    rejection or no-code row (counted under that decision). The hunt of s64 read "3 valence only
    (from 3 decisions; 1 by the valence on a row of another decision)" as 3 examples from 3 rows,
    and could not tell which other decision."""
    theirs = "its" if n_without_row == 1 else "their"
    by = f"by the valence written on {theirs} rejection or no-code row"
    if not n_rows:  # every example's valence is on a rejection's or a no-code row
        return f" ({'each ' if n_examples != 1 else ''}{by})"
    return (
        f" ({n_examples - n_without_row} from {n_rows} valence row{'s' if n_rows != 1 else ''}, "
        f"{n_without_row} {by})"
    )


def feedback_summary(
    card: dict[str, object], names: Mapping[str, str] | None = None, own: str | None = None
) -> str:
    """One line for ``roqa train``: the examples the decisions became, by kind, what was left
    out and why, and the codings used (``card`` is a model card's ``feedback``). The codes of
    coded examples are counted by decision, the other examples by kind; when coded examples
    carry more codes than there are of them, the line says so. ``names`` (code id to name: the
    model's codebook) names the new codes as the researcher typed them; without it, by id.
    ``own`` (the model's codebook id) names the codes rejections are kept in."""
    # a card before examples_by_kind counted codes by decision and other examples by kind in one
    earlier: dict[str, int] = dict(card.get("examples", {}))  # type: ignore[call-overload]
    n_ex, n_dec = card.get("n_examples"), card.get("n_decisions")
    kinds: dict[str, int] = dict(
        card.get("examples_by_kind")  # type: ignore[call-overload]
        or {k: n for k, n in earlier.items() if k in EXAMPLE_KINDS}
    )
    if "examples_by_kind" not in card:
        kinds["coded"] = int(n_ex or 0) - sum(kinds.values())  # type: ignore[call-overload]
    codes: dict[str, int] = dict(
        card.get("codes_by_decision")  # type: ignore[call-overload]
        or {k: n for k, n in earlier.items() if k in CODE_DECISIONS}
    )
    counts = {**codes, **kinds}
    left: dict[str, int] = dict(card.get("left_out", {}))  # type: ignore[call-overload]
    n_files = len(card.get("decisions_files", []) or [])  # type: ignore[arg-type]
    n_imported = len(card.get("new_codes_imported", []) or [])  # type: ignore[arg-type]
    n_new = len(card.get("new_codes_created", []) or []) - n_imported  # type: ignore[arg-type]
    to_new = (
        f" ({n_imported} to new code{'s' if n_imported != 1 else ''} of the project codebook)"
        if n_imported
        else ""
    )
    # the rows behind the examples that are not coded, where more than the examples, and the
    # valence rows on coded examples and behind valence-only ones: each row in one part
    behind: dict[str, int] = dict(card.get("decisions_by_kind", {}))  # type: ignore[call-overload]
    by_decision: dict[str, int] = dict(card.get("by_decision", {}))  # type: ignore[call-overload]
    n_valence_rows = by_decision.get(VALENCE, 0)
    if n_valence_rows != behind.get(VALENCE, 0) + behind.get(VALENCE_ONLY, 0) + left.get(
        VALENCE_UNCODED, 0
    ):  # a card written before they were counted: the rows less the valence-only examples
        behind[VALENCE] = (
            n_valence_rows - counts.get(VALENCE_ONLY, 0) - left.get(VALENCE_UNCODED, 0)
        )
        behind[VALENCE_ONLY] = counts.get(VALENCE_ONLY, 0)
    # the corrections are the rows (the last on a segment wins)
    counts[VALENCE] = behind.get(VALENCE, 0)
    # valence-only examples whose valence a rejection's or a no-code row gave: that row is
    # counted under its decision, so the brackets say which rows are behind the examples, and
    # "valence only" counts the examples as the valence clause does (regression hunter, s64:
    # "1 valence only" there, "3 valence only" in the clause; "(none)" for the one example)
    n_without_row = int(card.get("n_valence_only_without_valence_row") or 0)  # type: ignore[call-overload]
    parts = [
        f"{counts[k]} {label}"
        + (
            _valence_only_from(counts[k], behind.get(k, 0), n_without_row)
            if k == VALENCE_ONLY and n_without_row
            else f" (from {behind[k]} decisions)"
            if behind.get(k, 0) > counts[k]
            else ""
        )
        for k, label in (
            ("accept", "accepted"),
            ("recode", f"recoded{to_new}"),
            ("new-code", f"new-code ({n_new} new code{'s' if n_new != 1 else ''} created)"),
            (VALENCE, f"valence correction{'s' if counts[VALENCE] != 1 else ''}"),
            ("rejected", "fit no code"),
            ("off-framework", "kept as small talk"),
            ("procedural", "kept as procedural talk"),
            (VALENCE_ONLY, "valence only"),
        )
        if counts.get(k, 0) > 0
    ]
    files = f" in {n_files} files" if n_files > 1 else ""
    n_coded, n_codes = kinds.get("coded", 0), sum(codes.values())
    several = (
        f"; the {n_coded} coded example{' is' if n_coded == 1 else 's are'} given {n_codes} codes"
        if n_codes > n_coded
        else ""
    )
    line = (
        f"feedback: {n_ex} example{'' if n_ex == 1 else 's'} from {n_dec} "
        f"decision{'' if n_dec == 1 else 's'}{files} ({', '.join(parts) or 'none'}{several})"
    )
    weight, n_records = card.get("weight"), card.get("n_records")
    if weight is not None and n_records is not None:  # what "Trained on N records" adds up
        line += (
            ", each example a decided text (one for the same words in several segments) "
            f"counted {weight} time{'' if weight == 1 else 's'} "
            f"(--feedback-weight): {n_records} training record{'' if n_records == 1 else 's'}"
        )
    line += "; "
    n_left = sum(left.values())
    line += f"{n_left} left out" + (
        " (" + ", ".join(_left_out_why(n, why) for why, n in left.items()) + ")" if n_left else ""
    )
    n_kept = int(card.get("n_rejections_kept") or 0)  # type: ignore[call-overload]
    n_not = len(card.get("rejections_not_kept") or [])  # type: ignore[arg-type]
    n_other = int(card.get("n_rejections_in_other_codes") or 0)  # type: ignore[call-overload]
    if n_kept:
        # what a rejection teaches: the code stops coming back (rejecttop, session 85)
        line += (
            f"; {n_kept} rejected code{'s' if n_kept != 1 else ''} kept with "
            f"{'its segment' if n_kept == 1 else 'their segments'}: not suggested there again, "
            f"and less on talk read much like {'it' if n_kept == 1 else 'them'}"
        )
    elif (left.get(SHORT_OF_ALL) or left.get(BESIDE_A_CODE)) and not (n_not or n_other):
        # "left out" alone did not say the rejected codes were not learnt against (adapt, s42);
        # a model card written before rejected codes were kept (one where none is kept says
        # why below: hunt27, session 85)
        line += (
            "; rejections alone teach nothing: the model learns a segment's code (accept, "
            f"recode) or that it fits no code ({NO_CODE})"
        )
    if n_not:
        line += (
            f"; {n_not} rejection{'s' if n_not != 1 else ''} not kept: "
            f"{'it' if n_not == 1 else 'each'} would lower a code given on a decided segment "
            "read much like it"
        )
    if n_other:
        # a reject of a code of another codebook would be kept as one of the model's code it
        # comes from, which charts other codes too (hunt27, session 85)
        line += (
            f"; {n_other} rejection{'s' if n_other != 1 else ''} not kept with "
            f"{'its segment' if n_other == 1 else 'their segments'}: typed in "
            f"{typed_in_said(card.get('translated_from'))} codes, and {only_own_codes_kept(own)} "
            f"({STOP_A_CODE})"
        )
    n_notes = card.get("n_notes")
    if n_notes:
        # note rows, wherever they are (a decided segment's too): a note decides nothing
        line += f"; {n_notes} note{'' if n_notes == 1 else 's'} (not trained on)"
    codings = card.get("codings") or []
    paths = [str(c.get("path")) for c in codings if c]  # type: ignore[union-attr, attr-defined]
    line += "; codings: " + (
        ", ".join(paths)
        if paths
        else "none (no model valence or questions, 3 suggestions assumed shown)"
    )
    n_only = kinds.get(VALENCE_ONLY, 0)
    # a card written before the researcher's valence had a key of its own counted it in examples
    given = card.get("n_researcher_valence") or earlier.get(VALENCE, 0)
    n_researcher = int(given)  # type: ignore[call-overload]
    n_valence = n_researcher + n_only
    # coded examples with no valence at all: no codings to take the model's from
    n_bare = int(card.get("n_without_valence") or 0)  # type: ignore[call-overload]
    said = []
    if n_valence:
        only = f" ({n_only} valence only, for the valence head alone)" if n_only else ""
        said.append(f"the researcher's on {n_valence} example{'s' if n_valence != 1 else ''}{only}")
    if n_bare:
        said.append(
            f"none on {n_bare}{'' if said else ' example' + ('s' if n_bare != 1 else '')} "
            "(without codings; the valence head leaves them out)"
        )
    # examples given a new code and no valence: none, as the review gives a new code none
    n_new_none = int(card.get("n_new_code_without_valence") or 0)  # type: ignore[call-overload]
    if n_new_none:
        # once "the valence head leaves them out" in a line (hunt s69 h_newvalence, LOW)
        them = "it" if n_new_none == 1 else "them"
        out = "left out too" if n_bare else f"the valence head leaves {them} out"
        # examples, always: the new codes given no valence are counted apart (hunt24, s84)
        said.append(
            f"none on {n_new_none} example{'s' if n_new_none != 1 else ''}"
            f" given a new code ({out}, as the review gives a new code none: a valence row on "
            f"{'it' if n_new_none == 1 else 'each'} trains yours)"
        )
    # a card of a model trained before session 69: examples given a new code and no valence
    # row were trained with the model's valence, shown for another code
    n_new_model = int(card.get("n_new_code_model_valence") or 0)  # type: ignore[call-overload]
    unreviewed = (
        f" ({n_new_model} given a new code take{'s' if n_new_model == 1 else ''} the valence the "
        "model showed for another code: "
        "a valence row on each trains yours)"
        if n_new_model
        else ""
    )
    # coded examples the researcher's valence left to the model's: none, the rest is not said
    # (tester learn, s61: a valence row on all 81 still said "the model's on the rest")
    coded = kinds.get("coded")
    rest = not isinstance(coded, int) or coded > n_researcher + n_bare + n_new_none
    if said:
        line += (
            "; valence: "
            + ", ".join(said)
            + (f", the model's on the rest{unreviewed}" if paths and (rest or unreviewed) else "")
        )
    elif unreviewed:
        line += f"; valence: the model's on every example{unreviewed}"
    elif counts.get("recode"):
        line += "; recoded segments keep the valence the model suggested"
    # the new codes no decided segment was given a valence for, read neutral (daily14, s84)
    unvalenced = card.get("new_codes_without_valence")
    if isinstance(unvalenced, list) and unvalenced:
        # counted, and named as typed, apart from the examples above (hunt24, s84)
        n_codes = len(unvalenced)
        line += (
            f"; {n_codes} new code{'s' if n_codes != 1 else ''} with no valence on any example, "
            "suggested neutral: "
            + ", ".join(quoted_alike((names or {}).get(str(c), str(c)) for c in unvalenced))
        )
    return line


def few_examples_note(card: Mapping[str, object]) -> str | None:
    """The note ``roqa train`` prints under its summary when the decisions (``card``: a model
    card's ``feedback``) gave fewer decided segments in all (over every code: the card does not
    count them by code, so the note says "in all") than a code needs to be suggested for other
    talk (:data:`~roqa_nlp.training.MIN_CODE_RECORDS`, as for a review's new code): one or two
    among thousands of training records are learnt for those segments but unlikely to change
    any other suggestion (blind tester s48: one recode trained with no word). None otherwise."""
    from .training import MIN_CODE_RECORDS

    n, n_dec = card.get("n_examples"), card.get("n_decisions")
    if not isinstance(n, int) or not n or n >= MIN_CODE_RECORDS:
        return None
    one = n == 1
    of = f" (from {n_dec} decision{'' if n_dec == 1 else 's'})" if isinstance(n_dec, int) else ""
    return (
        f"note: {n} decided segment{'' if one else 's'} in all{of} {'is' if one else 'are'} "
        f"unlikely to change the suggestions for other talk: a code needs {MIN_CODE_RECORDS} "
        'decided segments or more of its own for that (docs/report.md, "New codes"); review '
        "more segments and train again"
    )


def valences_read_otherwise_note(card: Mapping[str, object], shown: int = 5) -> str | None:
    """The note ``roqa train`` prints under its summary when the model, trained on the decisions
    (``card``: a model card's ``feedback``), still reads some decided valences otherwise in the
    decided words (the first ``shown`` named): it gives those words the researcher's valence
    (:mod:`~roqa_nlp.decided_valences`), but has not learnt it for other talk like them (study11,
    session 81: "Nobody on the ward asked for it" stayed an enabler after training on its
    barrier). None when it reads every one as decided."""
    rows = card.get("valences_read_otherwise")
    if not isinstance(rows, list) or not rows:
        return None
    n, of = len(rows), card.get("n_valences_kept")
    named = "; ".join(
        f"{r['segment']} (decided {r['valence']}, read {r['read']})" for r in rows[:shown]
    )
    more = f" and {n - shown} more" if n > shown else ""
    of_all = f" of the {of}" if isinstance(of, int) else ""
    return (
        f"note: {n}{of_all} valences the review decided the model still reads otherwise in "
        f"their own words: {named}{more}. It gives those segments (the same words after the same "
        "question) the decided valence, but does not carry it to other talk like them: the "
        "valence head and each code's usual valence mix, learnt from the training data, outweigh "
        'a few decided segments (docs/model.md, "Valences a researcher decided")'
    )


def valences_decided_two_ways_note(card: Mapping[str, object], shown: int = 5) -> str | None:
    """The note ``roqa train`` prints under its summary when the review gave the same words after
    the same question (``card``: a model card's ``feedback``, its ``valences_decided_two_ways``)
    two valences, in two segments (the first ``shown`` named): the model keeps the researcher's
    valence for none of them (:mod:`~roqa_nlp.decided_valences`). None when there are none."""
    ids = card.get("valences_decided_two_ways")
    if not isinstance(ids, list) or not ids:
        return None
    n = len(ids)
    more = f" and {n - shown} more" if n > shown else ""
    return (
        f"note: {n} segments have the same words after the same question as another and were "
        f"given another valence ({', '.join(str(i) for i in ids[:shown])}{more}): the model keeps "
        "the decided valence for none of them and reads their valence itself; give such "
        'segments one valence to have it kept (docs/model.md, "Valences a researcher decided")'
    )


def in_codebook_ids(decisions: Sequence[Decision], codebook: Codebook) -> list[Decision]:
    """``decisions`` with each accept, reject or recode on a code ``codebook`` knows by another
    key (an alias: an id renamed keeps the old one as ``"aliases": ["STAFF"]``; a name) on that
    code's id, as the report's controls show codes: a decision on the old id counts as one on
    the new. A code written as the name of a new code the review makes (any spelling) is that
    new code's id, and a recode's ``suggestion`` written by a name or alias is that code's id,
    as apply-decisions reads them (:func:`code_read_in`): the page said "decided on a code
    cfir-2009 lacks (staff MORALE)" of an accept of the review's new code "Staff morale", and
    put a recode of the suggestion named "Knowledge & Beliefs about the Intervention" on the
    first suggestion shown, not on CI.A (session 57)."""
    from dataclasses import replace

    code_of = code_read_in(codebook, decisions)
    out = []
    for d in decisions:
        if d.decision in ("accept", "reject", "recode"):
            code, was = code_of(d), _code_key(d.suggestion, codebook)
            if code != d.code_id.strip():
                d = replace(d, code_id=code)
            if d.decision == "recode" and was != d.suggestion.strip():
                d = replace(d, suggestion=was)
        out.append(d)
    return out


def codes_not_in(
    decisions: Sequence[Decision],
    codebook: Codebook,
    *,
    charted_from: Codebook | None = None,
    of_model: bool = False,
    misspelt_project: bool = False,
) -> dict[str, list[int]]:
    """The codes of the accepts, rejects and recodes of ``decisions`` that ``codebook`` lacks
    (dropped, split, an id renamed without an alias, misspelt) -> the rows naming each, in the
    order met. Not lacking: a code ``codebook`` knows by id, name or alias, a new code the
    review names (its name, or its project id), a project code (an earlier round's; with
    ``misspelt_project``, for the report's warning, but one a letter or two from a project code
    of ``codebook`` or of the review's new codes, :func:`project_codes_near`: a misspelt project
    code, rounds tester s68; not so for what a row decides, as apply-decisions and the report
    page count it: hunt s68 h_rounds R1), an id of another built-in
    codebook (read through its mapping; the model's codes a report charted from them keeps as
    they came), and a code of ``charted_from`` (the model's codebook the codings were charted
    from into ``codebook``) by id, name or alias: apply-decisions and train --feedback read it
    in the model's codes. ``of_model``: ``codebook`` is the model's own (the codings charted in
    it), so an id of a built-in codebook that no code of a researcher's own codebook maps onto
    is one it lacks (:func:`_unmapped_elsewhere`: her CI.A, dropped since, session 60)."""
    new = {_same_name(d.new_code) for d in decisions if d.decision == "new-code"}
    new_ids = [project_code_id(d.new_code) for d in decisions if d.decision == "new-code"]
    new |= set(new_ids)
    made = {m.casefold() for m in new_ids}
    projects = [*project_ids(codebook), *new_ids]
    elsewhere = ids_elsewhere(codebook)
    lacking: dict[str, list[int]] = {}
    for d in decisions:
        key = d.code_id.strip()
        if (
            d.decision not in ("accept", "reject", "recode")
            or not key
            or codebook.find(key) is not None
            or (charted_from is not None and charted_from.find(key) is not None)
            # a project code of an earlier round is none the codings may know; one a letter from
            # a code they or the review have is a typo of it, which the report warns of (rounds
            # tester, s68), but it decides its segment as the page counts it (hunt s68 h_rounds)
            or (
                key.startswith(PROJECT_PREFIX)
                and (
                    not misspelt_project
                    or key.casefold() in made
                    or not project_codes_near(key, projects)
                )
            )
            or _same_name(key) in new
            or (key in elsewhere and not (of_model and _unmapped_elsewhere(key, codebook)))
        ):
            continue
        lacking.setdefault(key, []).append(d.row)
    return lacking


def _unmapped_elsewhere(key: str, codebook: Codebook) -> bool:
    """Whether ``key``, an id of a built-in codebook, is one that the researcher's own
    ``codebook`` maps none of its codes onto
    (:func:`~roqa_nlp.decisions_crosswalk.unmapped_builtin_code`): a code it lacks, not one read
    through its mapping (her dropped CI.A, session 60)."""
    from .codebook import builtin_codebook_with
    from .decisions_crosswalk import unmapped_builtin_code

    other = builtin_codebook_with([key], besides=codebook.id)
    return other is not None and unmapped_builtin_code(key, codebook, other)


def ids_elsewhere(codebook: Codebook) -> set[str]:
    """The ids of the codes of the built-in codebooks other than ``codebook``: a decision on one
    is read through its codebook's mapping, or in the model's codes, so it is no code that
    ``codebook`` lacks (:func:`codes_not_in`; the report page's lacksCode has them too)."""
    from .codebook import BUILTIN, builtin_codebook

    return {c.id for b in BUILTIN if b != codebook.id for c in builtin_codebook(b).codes}


def warn_of_codes_not_in(
    decisions: Sequence[Decision],
    codebook: Codebook,
    where: str | Path,
    *,
    charted_from: Codebook | None = None,
    of_model: bool = False,
) -> None:
    """One warning naming the codes of ``decisions`` (those carried: on a segment of the
    codings) that ``codebook`` lacks (:func:`codes_not_in`; ``charted_from`` and ``of_model`` as
    it takes them)
    and their rows (the first few), when there are any: a review made before the codebook
    changed (a code dropped, split or renamed) or a misspelt code. The decisions are carried
    as they came (the report shows them as "Also decided"); the warning says what to do:
    recode them in the page, or keep the codebook they were made in. Their rejections decide
    nothing and are none to recode: apply-decisions' warning says they are left out
    (:func:`_warn_of_rejections_left_out`; session 48: they were listed to recode)."""
    from .errors import warn

    lacking = codes_not_in(
        decisions, codebook, charted_from=charted_from, of_model=of_model, misspelt_project=True
    )
    # a rejection of such a code decides nothing (apply-decisions leaves it out): none to recode
    rejected = [d for d in decisions if d.decision == "reject" and d.code_id.strip() in lacking]
    _warn_of_rejections_left_out(rejected, codebook, where)
    lacking = codes_not_in(
        [d for d in decisions if not any(d is r for r in rejected)],
        codebook,
        charted_from=charted_from,
        of_model=of_model,
        misspelt_project=True,
    )
    if not lacking:
        return
    made = [project_code_id(d.new_code) for d in decisions if d.decision == "new-code"]
    # a project code a letter from one made: a typo, or an earlier round's code (hunt s68)
    earlier = [quoted(c) for c in lacking if c.startswith(PROJECT_PREFIX)]
    kept = (
        f"; or, if an earlier round's decisions made {' or '.join(earlier)}, leave "
        f"{'it' if len(earlier) == 1 else 'them'} as {'it is' if len(earlier) == 1 else 'they are'}"
    )
    warn(
        f'{lacking_said(lacking, codebook)}, carried as they came (shown as "Also decided"): '
        f"{lacking_listed(lacking, codebook, made)}; recode them in the page "
        f"(or in the file) to codes of {codebook.id!r}, or chart the report in the codebook "
        "they were made in (--codebook)" + (kept if earlier else ""),
        path=where,
    )


def lacking_said(lacking: Mapping[str, Sequence[int]], codebook: Codebook) -> str:
    """ "N decisions on M codes that codebook 'X' lacks", of ``lacking`` (code -> the rows
    naming it, as :func:`codes_not_in` gives them)."""
    n, k = sum(len(r) for r in lacking.values()), len(lacking)
    return (
        f"{n} decision{'s' if n != 1 else ''} on {k} code{'s' if k != 1 else ''} that codebook "
        f"{codebook.id!r} lacks"
    )


def near_said(code: str, codebook: Codebook, made: Iterable[str] = ()) -> str:
    """ "near 'X'" (or "near 'X' or 'Y'") naming the codes of ``codebook`` (and the new codes'
    ids ``made``, a review's own) nearest ``code``, an id or name typed with a typo; "" when none
    is near. The one wording ``roqa train --feedback``, ``roqa apply-decisions`` and the report's
    warning give a misspelt code (rounds tester, s68: a misspelt project code was named near its
    code by apply-decisions alone). A project code is near only a project code a letter or two
    from it (:func:`project_codes_near`), never a CFIR code's name or id (hunt s68 h_rounds:
    an earlier round's 'project.leadership-support' was near 'Leadership Engagement')."""
    if written_as_id(code) is not None:  # in any case, as it is read (hunt53 L2, s90)
        near = project_codes_near(code, [*project_ids(codebook), *made])
    else:
        ids = [c.id for c in codebook.codes if c.codable]
        near = nearest_words(code, [*ids, *(m for m in made if m not in ids)])
        near = near or codebook.nearest_names(code)
    return f"near {' or '.join(map(quoted, near))}" if near else ""


#: how many letters (added, dropped, changed, or two swapped) a project code may be from one a
#: given file makes to be taken for its typo, for a name of 8 letters or more after "project."
#: (one for a shorter one): "a letter or two" (project.lone-workng-at-night), not a prefix
#: (project.lone-working is no typo of project.lone-working-at-night; hunt s68 h_rounds)
NEAR_PROJECT_EDITS = 2


def project_ids(codebook: Codebook) -> list[str]:
    """The ids of ``codebook``'s project codes (a review's new codes, a QDA project's own)."""
    return [c.id for c in codebook.codes if c.codable and c.id.startswith(PROJECT_PREFIX)]


def project_codes_known(result: CodingResult | None) -> list[str]:
    """The project codes the model that made the codings ``result`` knew: its codings'
    codebook's (:func:`project_ids`), and those its card (run.json's ``model_card``) records as
    learnt, its review's new codes (``feedback.new_codes``) and its classes; [] for none. The
    card keeps them when the codebook does not (no codebook.json beside the codings) and the
    round that made them is no longer found (hunt53 L1, s90: such a code was called unknown)."""
    if result is None:
        return []
    known = project_ids(result.codebook) if result.codebook is not None else []
    card = result.meta.get("model_card")
    card = card if isinstance(card, dict) else {}
    feedback = card.get("feedback")
    new = feedback.get("new_codes") if isinstance(feedback, dict) else None
    recorded = [c for ids in (new, card.get("classes")) if isinstance(ids, list) for c in ids]
    return [*known, *(c for c in recorded if isinstance(c, str) and c.startswith(PROJECT_PREFIX))]


def project_codes_near(code: str, ids: Iterable[str]) -> list[str]:
    """The project codes of ``ids`` a letter or two from ``code`` (:data:`NEAR_PROJECT_EDITS`
    edits, case aside), nearest first: what a misspelt project code is near; [] when none is
    (an earlier round's code, which the files given do not make)."""
    typed = code.strip().casefold()
    scored = []
    for known in dict.fromkeys(i for i in ids if i.startswith(PROJECT_PREFIX)):
        k = known.casefold()
        if k == typed:
            continue
        shortest = min(len(k), len(typed)) - len(PROJECT_PREFIX)
        most = NEAR_PROJECT_EDITS if shortest >= 8 else 1
        if abs(len(k) - len(typed)) <= most and (n := _edits(typed, k)) <= most:
            scored.append((n, known))
    return [known for _, known in sorted(scored, key=lambda s: s[0])]


def _edits(a: str, b: str) -> int:
    """The letters added, dropped or changed, and pairs swapped, that make ``a`` into ``b``
    (optimal string alignment distance)."""
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        now = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            now[j] = min(now[j - 1] + 1, row[j] + 1, row[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                now[j] = min(now[j], before[j - 2] + 1)
        before, row = row, now
    return row[len(b)]


def lacking_listed(
    lacking: Mapping[str, Sequence[int]], codebook: Codebook, made: Iterable[str] = ()
) -> str:
    """The codes of ``lacking`` (code -> the rows naming it), the first four, each with its rows
    and the codes of ``codebook`` (or new codes ``made``) nearest it (:func:`near_said`):
    ``'TRAIN' (rows 3, 7; near 'TRAINF'); 'CULT' (row 15)``, as the report's warning and
    apply-decisions' and train's errors name them alike."""
    made = list(made)

    def said(code: str, rows: Sequence[int]) -> str:
        numbered = [str(r) for r in rows if r]
        at = f"row{'s' if len(numbered) > 1 else ''} {first_few(numbered, 3)}" if numbered else ""
        if near := near_said(code, codebook, made):
            at += ("; " if at else "") + near
        return f"{quoted(code)}" + (f" ({at})" if at else "")

    codes = list(lacking)
    more = f"; and {len(codes) - 4} more" if len(codes) > 4 else ""
    return "; ".join(said(c, lacking[c]) for c in codes[:4]) + more


def _rejects_what_lacks(
    d: Decision, codebook: Codebook, where: str | Path, *, by_id: bool = False
) -> bool:
    """Whether ``d`` rejects a code ``codebook`` lacks (one :func:`_model_code` refuses and
    ``codebook`` finds by no key): a code dropped, or renamed without its old id kept as an
    alias, since the review."""
    if d.decision != "reject" or codebook.find(d.code_id) is not None:
        return False
    try:
        _model_code(codebook, d.code_id, where, d.row, by_id=by_id)
    except RoqaError:
        return True
    return False


def rejections_of_what_lacks_left_out(
    decisions: Sequence[Decision], codebook: Codebook, where: str | Path, *, by_id: bool = False
) -> list[Decision]:
    """``decisions`` but the rejections of codes ``codebook`` lacks (:func:`_rejects_what_lacks`:
    a code dropped, or renamed without its old id kept as an alias, since the review), those
    named in one warning (:func:`_warn_of_rejections_left_out`): rejecting a code that is not
    there decides nothing. ``roqa apply-decisions`` and ``roqa train --feedback`` read a review
    so (session 48: train refused the rejection as an unknown code). ``by_id`` as
    :func:`_model_code` takes it."""
    dropped = [d for d in decisions if _rejects_what_lacks(d, codebook, where, by_id=by_id)]
    _warn_of_rejections_left_out(dropped, codebook, where)
    return [d for d in decisions if not any(d is x for x in dropped)]


def _warn_of_rejections_left_out(
    rejections: Sequence[Decision], codebook: Codebook, where: str | Path
) -> None:
    """One warning naming the rejections of codes ``codebook`` lacks, left out
    (:func:`_rejects_what_lacks`): rejecting a code that is not there decides nothing. The
    report says it of the rejections it carries on such codes too (:func:`warn_of_codes_not_in`)."""
    from .errors import warn

    if not rejections:
        return
    lacking: dict[str, list[int]] = {}
    for d in rejections:
        lacking.setdefault(d.code_id, []).append(d.row)
    n, k = len(rejections), len(lacking)
    warn(
        f"{n} rejection{'s' if n != 1 else ''} of {k} code{'s' if k != 1 else ''} that codebook "
        f"{codebook.id!r} lacks, left out (a code it lacks is not given, so rejecting it decides "
        f"nothing): {lacking_listed(lacking, codebook)}",
        path=where,
    )


def refuse_unknown_codes(
    decisions: Sequence[Decision],
    codebook: Codebook,
    where: str | Path,
    *,
    by_id: bool = False,
    earlier: EarlierRounds | None = None,
    codings: str | Path | None = None,
    made: Collection[str] = (),
) -> None:
    """Refuse the accepts, rejects and recodes of ``decisions`` whose code ``codebook`` cannot
    give (:func:`_model_code`), every one at once: one code is refused as :func:`_model_code`
    refuses it (a typo answered with the codes nearest it), several codes that ``codebook``
    lacks (a review made before the codebook changed: a code dropped, renamed, added since) in
    one error naming each with its rows, as the report's warning names them
    (:func:`warn_of_codes_not_in`), not the first alone (re-test, session 47). ``by_id`` as
    :func:`_model_code` takes it. ``earlier``: the earlier rounds the model that made the
    codings (``codings``, their file) learnt and not given now (:func:`earlier_rounds`): project
    codes it lacks, none a typo of a code it has, are the new codes of those rounds, and the
    error names them and how to give them (daily24, s89: it blamed the codebook and named no
    file, while the warning above it named the round). Only a code one of those rounds makes
    (``earlier.made``) or the model knew (``made``: :func:`project_codes_known`, its codings'
    project codes and those its card records) is said so; any other is unknown, as without
    ``earlier`` (hunt49 D5, s89: a code no round made was said made by one, and giving that
    round then stopped on it as unknown). A project code is one :func:`written_as_id` reads as
    one, in any case (hunt53 L2, s90: 'Project.X' got neither route)."""
    lacking: dict[str, list[int]] = {}
    first: RoqaError | None = None
    for d in decisions:
        if d.decision not in ("accept", "reject", "recode"):
            continue
        try:
            _model_code(codebook, d.code_id, where, d.row, by_id=by_id)
        except RoqaError as e:
            first = first or e
            if codebook.find(d.code_id) is None:
                lacking.setdefault(d.code_id, []).append(d.row)
    if (
        earlier is not None
        and lacking
        and all(written_as_id(c) is not None for c in lacking)
        and not any(near_said(c, codebook) for c in lacking)
        # made by those rounds, or known to the model that made the codings (its project codebook)
        and all(written_as_id(c) in earlier.made | set(made) for c in lacking)
    ):
        n, k = sum(len(r) for r in lacking.values()), len(lacking)
        made_by = f"the codings {codings} were made by" if codings else "the codings were made by"
        raise RoqaError(
            f"{n} decision{'s' if n != 1 else ''} on {k} project code{'s' if k != 1 else ''} "
            f"made by the new codes of an earlier round, {and_list(earlier.named)}, not given "
            f"now ({made_by} a model trained with {'it' if len(earlier.named) == 1 else 'them'}): "
            f"{lacking_listed(lacking, codebook)}",
            path=where,
            hint=f"give {'that round' if len(earlier.named) == 1 else 'those rounds'} too: "
            + earlier.fix,
        )
    if len(lacking) > 1:
        # those near a code are corrected, as the error of one says (hunt s68 h_rounds D4)
        near = [c for c in lacking if near_said(c, codebook)]
        others = {c: rows for c, rows in lacking.items() if c not in near}
        recode = (
            f"recode {'the others' if near else 'them'} in the page (or in the file) to codes of "
            f"{codebook.id!r}, or apply them to codings charted in the codebook they were made "
            f"in{_kept_copy_said(codebook, others)}; {codebook.listing_said}"
        )
        if not near:
            fix = recode
        elif not others:
            fix = "correct them in the file to the codes they are near, or recode the segments in the page"
        else:
            fix = f"correct those near a code in the file to the code each is near; {recode}"
        if projects := [quoted(c) for c in lacking if written_as_id(c) is not None]:
            fix += (
                f"; or, if an earlier round's decisions made {' or '.join(projects)}, give that "
                "decisions file too (--feedback FILE --feedback FILE)"
            )
        raise RoqaError(
            f"{lacking_said(lacking, codebook)}: {lacking_listed(lacking, codebook)}",
            path=where,
            hint=fix + (f"; {renamed}" if (renamed := codebook.renamed_id_said()) else ""),
        )
    if first is not None:
        raise first


def _kept_copy_said(codebook: Codebook, lacking: Mapping[str, object]) -> str:
    """How to chart the codings in an earlier codebook that has every code ``lacking``, when
    ``roqa code`` kept its copy beside ``codebook`` (``chart_codebook.own-v1.json``, kept on
    re-coding in place with v2), else "". In place, the v1 codings are gone and
    apply-decisions takes no --codebook, so "apply them to codings charted in the codebook
    they were made in" named no way to (re-test, session 47)."""
    from .crosswalk import CHART_FILE

    if codebook.origin is None:
        return ""
    folder = Path(codebook.origin).parent
    for f in sorted(folder.glob(CHART_FILE.replace(".json", ".*.json"))):
        try:
            earlier = Codebook.load(f, check_aliases=False)
        except RoqaError:
            continue
        if all(earlier.find(c) is not None for c in lacking):
            return (
                f": those codings are gone from {folder}, but {earlier.id}'s copy is kept; "
                f"re-code the transcripts into another folder with `roqa code ... --codebook "
                f"{f} --out OTHER`"
            )
    return ""


def in_codes_the_chart_has(
    decisions: Sequence[Decision], chart: Codebook, where: str | Path
) -> list[Decision]:
    """``decisions`` read in the researcher's own codebook ``chart`` (the one the codings they
    were made on were charted in) as ``roqa apply-decisions`` reads them: the rejections of
    codes it lacks left out, with its warning (:func:`rejections_of_what_lacks_left_out`;
    session 48: ``roqa train --feedback`` refused them), and the other decisions on codes it
    lacks refused in one error (:func:`refuse_unknown_codes`): ``roqa train --feedback`` of a
    v1 review on v2 codings named one code of two, as of the model's codebook, and asked for
    the codings given (re-test, session 47). ``decisions``: with new codes named as
    ``chart``'s read as the recodes to them (:func:`named_codes_recoded`)."""
    book = project_codebook(
        chart, [d for d in decisions if d.decision != NOTE], where=where, warn_near=False
    )
    kept = rejections_of_what_lacks_left_out(decisions, book, where, by_id=True)
    refuse_unknown_codes([d for d in kept if d.decision != NOTE], book, where, by_id=True)
    return kept


#: the rows that give a segment a code (and may give it a valence beside it)
CODE_ROWS = ("accept", "recode", "new-code")


def _two_codes(earlier: Decision, later: Decision, code_of: Callable[[Decision], str]) -> bool:
    """Whether ``earlier`` and ``later`` give two codes of one segment (each with its valence):
    no contradiction of each other, but two sides a segment cannot hold
    (:func:`sides_on_one_segment_said`)."""
    return (
        earlier.decision in CODE_ROWS
        and later.decision in CODE_ROWS
        and code_of(earlier) != code_of(later)
    )


def valence_changes(
    rows: Iterable[Decision], code_of: Callable[[Decision], str]
) -> list[tuple[Decision, Decision]]:
    """Of one segment's rows (or one text's, as training reads them), in order, each row giving
    a valence other than the one given before it (the last row giving one, or, of a code row,
    its code's own earlier row, whatever rows of other codes came between: hunt s75), with that
    earlier row: a mind changed, the later row kept. Two code rows of two codes are no
    contradiction of each other (:func:`sides_on_one_segment_said` names them). The rule
    apply-decisions and ``roqa train --feedback`` both read (s76: train said nothing)."""
    changed = []
    last: Decision | None = None
    side: dict[str, Decision] = {}  # code -> its last code row giving a valence
    for d in rows:
        if not d.valence:
            continue
        before = last
        if d.decision in CODE_ROWS:
            same = side.get(code := code_of(d))
            side[code] = d
            if same is not None and same.valence != d.valence:
                before = same
        if (
            before is not None
            and before.valence != d.valence
            and not _two_codes(before, d, code_of)
        ):
            changed.append((before, d))
        last = d
    return changed


def valence_changed_said(
    before: Decision, later: Decision, rows: str, on: str | None = None
) -> str:
    """ "rows 2 and 4: valence enabler then barrier on p01:0001": a row giving a valence another
    row changes (:func:`valence_changes`; their ``rows``, as :func:`_rows` or :func:`_rows_in`
    name them), on the segment ``on`` (the one they are on now), else the later row's id."""
    where = later.segment_id if on is None else on
    return f"{rows}valence {before.valence} then {later.valence} on {where}"


def contradicted_said(conflicts: Sequence[tuple[int, int, str]], same: str) -> str:
    """The warning of rows a later row contradicts (each: the places of the earlier and the
    later row among the rows read, and what is said of them), apply-decisions' on ``same``
    "segment" and ``roqa train --feedback``'s on the same "words" (one example per text)."""
    return (
        f"{len(conflicts)} decision(s) contradicted by a later row on the same {same}, "
        f"the later row kept: {_first_three(_in_row_order(conflicts))}"
    )


def sides_on_one_segment_said(
    given: Iterable[tuple[Sequence[tuple[Decision, str]], str, str | None]],
    *,
    held_as: str,
    file_of: Callable[[Decision], str | Path] | None = None,
) -> str:
    """The warning of segments whose code rows give their codes different valences (an enabler
    point and a barrier point of one answer, joined across a backchannel: tester s75 study5), ""
    when none is: apply-decisions' and ``roqa train --feedback``'s in the same words (s75
    fbword). ``given``: each segment's code rows giving a valence, each with its code, the
    one valence the segment holds (the last row's), which every code of it is ``held_as``
    (``charted``, ``trained``), and the segment they are on now (joined parts: the part the
    rows were reviewed on is gone), else None for the last row's id. It names the rows (by file and row, given ``file_of``, when they
    are in two rounds' files), the codes with the valence each was given and that side, and how
    to give each code its own side: segments per sentence."""
    said = []
    for rows, valence, on in given:
        codes: dict[str, str] = {}
        for d, code in rows:
            codes[code] = d.valence
        if len(codes) < 2 or len(set(codes.values())) < 2:
            continue
        where_rows = ""
        if all(d.row for d, _ in rows):
            files = {str(file_of(d)) for d, _ in rows} if file_of is not None else set()
            if len(files) > 1 and file_of is not None:
                named = [f"{Path(file_of(d)).name} row {d.row}" for d, _ in rows]
                where_rows = f"{', '.join(named)}: "
            else:
                numbers = [str(d.row) for d, _ in rows]
                where_rows = f"rows {', '.join(numbers[:-1])} and {numbers[-1]}: "
        given_as = ", ".join(f"{c} {v}" for c, v in codes.items())
        said.append(
            f"{where_rows}{given_as} on {on or rows[-1][0].segment_id}, all {held_as} as {valence}"
        )
    if not said:
        return ""
    return (
        f"{len(said)} segment(s) given codes of different valences, but a segment holds one "
        f"valence, the last row's, for all its codes: {_first_three(said)}; to give each "
        "code its own side, code the transcript again with `roqa code --unit sentence` (a "
        "segment per sentence) and decide its sentences, or give the segment the valence "
        "of its main point"
    )


def _model_code(
    codebook: Codebook, code_id: str, where: str | Path, row: int = 0, *, by_id: bool = False
) -> str:
    """The id of ``code_id`` in the model's codebook; a decision made on a report charted in
    another built-in codebook (its codes translated) is named as such. Errors name ``row`` (of
    the decisions file ``where``) when given, and an unknown name the codes nearest it.
    ``by_id`` (codings charted in the researcher's own codebook): a code named as such only by
    one of a built-in codebook's ids, as it is always of a codebook of her own."""
    from .codebook import BUILTIN, UnknownCode, builtin_codebook, builtin_codebook_with
    from .crosswalk import PROJECT_SUFFIX

    at = f"row {row}: " if row else ""
    known = codebook.find(code_id)
    # the model's own codebook wins: a typo of its code ('NEEDS' for NEED) is answered with
    # the codes nearest it there, not as another codebook's code of that spelling (regression
    # hunt, session 46: "'NEEDS' is a code of cfir-2022")
    own = codebook.id.removesuffix(PROJECT_SUFFIX) not in BUILTIN
    near = own and (codebook.nearest_ids(code_id) or codebook.nearest_names(code_id))
    other = None if known or near else builtin_codebook_with([code_id], besides=codebook.id)
    if (own or by_id) and other is not None and not builtin_codebook(other).has_id(code_id):
        # a code the researcher's own codebook lacks (dropped, renamed) is named as such, not
        # as a built-in codebook's code of that name: her NEED is not CFIR 2.0's "Need"
        # (re-test, session 47); one of a built-in codebook's ids still is (INN.A)
        other = None
    if own and other is not None:
        from .decisions_crosswalk import unmapped_builtin_code

        if unmapped_builtin_code(code_id, codebook, other):
            # an id of a built-in codebook her codebook maps nothing onto is a code it lacks:
            # her CI.A, dropped since, not CFIR 2009's (codebook tester, session 60)
            other = None
    if other is not None:
        # what --codebook takes: the codebook's file, or the built-in one a project's extends
        base = codebook.cli_name if codebook.origin else codebook.id.removesuffix(PROJECT_SUFFIX)
        raise RoqaError(
            f"{at}code {quoted(code_id)} is a code of {other}, not of the model's codebook "
            f"{codebook.id}",
            path=where,
            hint="record decisions on a report in the model's codebook: "
            f"roqa report CODINGS --codebook {base}",
        )
    if code_id.startswith(PROJECT_PREFIX) and known is None:
        # a letter or two from a code a given file made: a typo (rounds tester, s68: train told
        # to give the file that was given), or an earlier round's code beside one like it, which
        # no file tells (hunt s68 h_rounds: "correct it" would merge two codes)
        near_by = near_said(code_id, codebook)
        raise RoqaError(
            f"{at}unknown code {quoted(code_id)}" + (f" ({near_by})" if near_by else ""),
            path=where,
            hint="correct it in the file to the code it is near, or recode the segment in the "
            "page; or, if an earlier round's decisions made it, give that decisions file too "
            "(--feedback FILE --feedback FILE)"
            if near_by
            else "made by an earlier round's decisions: give that decisions file too "
            "(--feedback FILE --feedback FILE); made in a QDA project: keep the codebook.json "
            "roqa import wrote with the decisions (in their folder or up to two above)",
        )
    try:  # a typo of a code's name or id is answered with the codes nearest it
        code = codebook.resolve(code_id, by_id_elsewhere=by_id)
    except UnknownCode as e:
        error = UnknownCode(f"{at}{e.reason}", path=where, hint=e.hint)
        # what `roqa train` adds its own codebook's hint to
        error.unplaced, error.elsewhere = e.unplaced, e.elsewhere
        raise error from None
    if not code.codable:
        parts = [c.id for c in codebook.codes if c.codable and c.domain == code.id][:3]
        raise RoqaError(
            f"{at}code {quoted(code_id)} is {code.id} {code.name}, a domain, not a codable "
            "construct",
            path=where,
            hint="give one of its constructs"
            + (f", e.g. {', '.join(parts)}" if parts else "")
            + f": {codebook.listing_said}",
        )
    return code.id


def _given_codebook(codebook: Any, argument: str) -> Codebook:
    """``codebook`` as :func:`reviewed_codings` takes it: a Codebook, or a built-in id or
    codebook file loaded; anything else is a one-line RoqaTypeError naming ``argument``."""
    if isinstance(codebook, Codebook):
        return codebook
    if isinstance(codebook, (str, Path)):
        return Codebook.load(codebook)
    raise RoqaTypeError(
        f"reviewed_codings takes as {argument} a Codebook, a built-in codebook id "
        f'("cfir-2009") or a codebook .json file (ac.codebook is the model\'s), '
        f"not {a_type(codebook)}"
    )


def reviewed_codings(
    decisions: list[Decision] | str | Path,
    result: CodingResult,
    codebook: Codebook | str | Path,
    *,
    coder: str,
    where: str | Path | None = None,
    chart: Codebook | str | Path | None = None,
) -> tuple[CodingResult, Codebook, dict[str, int]]:
    """The researcher's own codings from their review of ``result``: the framework's material
    once the suggestions are checked, for ``roqa report`` (Table 2 and the matrix from what the
    researcher decided, not from the model), ``roqa agree`` (the model against the researcher)
    and ``roqa export`` (the coding in a QDA program).

    A ``valence`` row alone on a segment, read from a review in a QDA program, keeps its top
    code with that valence (:func:`valence_reviewed`); one from the report decides nothing.

    Each decision is found on its segment as :func:`match_decisions` finds it (its words first,
    so decisions on two segments with the same words stay apart; nearly its words on a
    transcript corrected since, warned of by :func:`warn_of_edited_text`). A segment is coded with
    the codes its decisions leave (accepted, recoded to, or new codes; the last row on a code
    wins), each at probability 1, with the researcher's valence when they gave one (valence
    probability 1), else the model's with the model's valence probability (a "valence unsure"
    stays unsure); a new code given none has none (``neutral`` with no probability, the segment
    listed in ``valence_not_given`` when no code of it keeps the model's), not the model's
    valence of another code, and so has any project code accepted or recoded to, one a model
    trained on an earlier review suggested there too: its valence head learnt no side of the
    team's theme (a code of the codebook recoded to keeps the model's). Rows a later row
    contradicts (an accept then a reject of one code, two valences for one segment) are warned about, named by their rows and segment ids; code and
    valence decisions on no segment too, named by their segment ids and rows. A
    review none of whose decisions is on a segment is a one-line error: it was made on other
    codings. A code no codebook knows is an error naming its row (and the codes nearest it). A
    segment whose decisions reject every suggestion it shows, or that has a ``no-code`` row, is kept
    with no code: the reviewer decided it; one with only some rejected is not decided yet (warned
    of, named, when it has :data:`REJECT_ALL` rejections or more: codings made again may show other
    suggestions). Segments without a code decision, and transcripts with none, are left out;
    ``meta["reviewed_segments"]`` lists the decided segments, which
    ``roqa agree`` compares. The result is ``coder``'s (its meta records them as the user, not a
    model); the codebook returned holds the new codes. When that codebook is not built in (new
    codes, or a model trained with earlier rounds' new codes) the result carries it
    (``result.codebook``), so :meth:`~roqa_nlp.result.CodingResult.save` writes it beside the
    codings.

    A review whose every code is of another built-in codebook that documents a mapping with
    ``codebook`` (one made on the codings charted in CFIR 2.0) is kept in that codebook's codes,
    as it was made: ``result`` is compared as the review saw it (translated, as the report
    charts it), and the codebook returned is that one (with the model's project codes). A review
    mixing both is read in ``codebook``'s codes
    (:func:`~roqa_nlp.decisions_crosswalk.in_model_codes`, which warns). A review in the codes
    of ``chart``, the codebook ``roqa code --codebook`` charted ``result`` in (run.json's
    ``chart_codebook``: the researcher's own codebook file, whose codes the report page showed
    and saved), is kept in its codes likewise
    (:func:`~roqa_nlp.decisions_crosswalk.review_codebook` says which codebook a review is in).

    Returns the result, the codebook and counts: ``segments`` coded, ``codes`` applied (one
    a segment and code), ``distinct_codes`` (the codes they are of, each once),
    ``accept``/``recode``/``new-code`` codes by their deciding row, ``kept`` the top codes a QDA
    review's valence alone kept (:data:`KEPT`), ``rejected`` segments
    decided with no code, ``short_of_all`` segments left out as undecided (some suggestions
    rejected, the others neither accepted nor rejected: :func:`rejects_all`), ``not_found`` code
    decisions on no segment, ``valence_not_found`` valence decisions (giving a valence) on no
    segment, ``notes`` (the reviewer's notes, each once: a ``note`` row's, or the ``note``
    column of the rows of a segment, where the report writes a segment's note;
    :func:`reviewer_note`), ``notes_kept`` (those on a decided segment: kept in
    ``meta["notes"]``, :data:`SEGMENT_NOTES`, segment id -> its notes, which ``roqa export``
    writes as REFI-QDA notes on the segment's passage), ``valence_only`` valences on a
    segment given no coding, ``valence_undecided`` those of them on a segment no decision
    decided (warned of, named).

    ``decisions`` is a list of :class:`Decision` or the decisions file (read by
    :func:`read_decisions`); ``where`` names the file in messages and in ``meta["decisions"]``
    (run.json), by default the file given, or None for decisions made in memory; run.json
    names it by :func:`~roqa_nlp.io.path_to_record`, no folder outside the study.

    ``codebook`` and ``chart`` are a :class:`~roqa_nlp.codebook.Codebook`, a built-in id
    (``"cfir-2009"``) or a codebook JSON file, as the charting functions take them; anything
    else, or a ``result`` that is not a :class:`~roqa_nlp.result.CodingResult`, is a one-line
    :class:`~roqa_nlp.errors.RoqaTypeError` (api tester, session 82: an id was Python's
    AttributeError)."""

    from dataclasses import replace

    from .codebook import BUILTIN

    if not isinstance(result, CodingResult):
        raise RoqaTypeError(
            "reviewed_codings takes as result the CodingResult the review was made on "
            f"(CodingResult.read(folder)), not {a_type(result)}"
        )
    codebook = _given_codebook(codebook, "codebook")
    chart = None if chart is None else _given_codebook(chart, "chart")
    from .decisions_crosswalk import in_model_codes, review_codebook
    from .errors import warn

    if isinstance(decisions, (str, Path)):
        where = decisions if where is None else where
        decisions = read_decisions(decisions)[0]
    # no folder outside the study, as the model card names it (privacy, session 67)
    folder = None if result.source is None else Path(result.source).parent
    recorded = None if where is None else path_to_record(where, folder)
    where = "decisions" if where is None else where  # what messages name

    if chart is not None and chart.id not in BUILTIN:
        # a new code named as a code of the researcher's own codebook is the recode to it there,
        # not to a code of the model's of that name (ownloop re-test, session 46: "Culture", her
        # code mapped to Cosmopolitanism, was made CFIR's Culture when no other row named hers)
        decisions = named_codes_recoded(decisions, chart, where=where)
    made_in = review_codebook(decisions, codebook, chart=chart)
    # codings charted in the researcher's own codebook: her codes are not guessed as a built-in
    # codebook's by their names (_model_code)
    own_chart = chart is not None and chart.id not in BUILTIN
    # each segment's top suggestion as the model made it: the valence a code decided on a segment
    # the chart shows no code for (its top code has no counterpart there) keeps, as a recode does
    model_top = {s.segment.id: s.suggestions[0] for s in result.segments if s.suggestions}
    if made_in is not None:  # a review in CFIR 2.0 codes: the codings as it saw them, its codes
        seen = chart if chart is not None and made_in == chart.id else Codebook.load(made_in)
        result, codebook, named = _charted_in(result, codebook, seen)
        # a row naming such a project code by its id is on the code it is
        decisions = [
            replace(
                d,
                code_id=named.get(d.code_id, d.code_id),
                suggestion=named.get(d.suggestion, d.suggestion),
            )
            for d in decisions
        ]
    else:
        decisions = in_model_codes(decisions, codebook, result, where=where)
    # a new code named as a code the codebook has (typed on the page, or made in a QDA program
    # and read by roqa import): that code, recoded to
    decisions = named_codes_recoded(decisions, codebook, where=where)
    book = project_codebook(codebook, decisions, where=where)
    kinds = ("accept", "reject", "recode", "new-code", VALENCE, NO_CODE)
    # a rejection of a code the codebook lacks (dropped since the review) can only mean it is
    # gone: left out, said once (re-test, session 47: it was refused as an unknown code)
    used = rejections_of_what_lacks_left_out(
        [d for d in decisions if d.decision in kinds], book, where, by_id=own_chart
    )
    match = match_decisions(used, result)
    on = match.on
    if used and all(o is None for o in on):
        raise none_on_the_codings(used, result, where)
    # rows without text on no segment: left out (below) or stopped on, as training does
    rows_on_no_segment(used, on, result, where)
    # a code no codebook knows stops it before any warning, every such code named at once
    refuse_unknown_codes(
        [d for d, o in zip(used, on) if o is not None], book, where, by_id=own_chart
    )
    warn_of_edited_text(match, where, book)
    _warn_of_moved_ids(used, on, result, where)
    state: dict[str, dict[str, str]] = {}  # segment -> code -> its last decision
    valence: dict[str, str] = {}
    lost: list[Decision] = []
    lost_valences: list[Decision] = []  # valence rows on no segment (a transcript edited since)
    # rows a later row contradicts, settled by the later one: their places in ``used``, and what
    # is said of them
    conflicts: list[tuple[int, int, str]] = []
    place = {id(d): k for k, d in enumerate(used)}
    valence_row: dict[str, Decision] = {}
    # segment -> its code rows giving a valence: codes given different sides on one segment
    given_sides: dict[str, list[Decision]] = {}
    # segment -> its rows giving a valence, in order: a valence changed by a later row
    valence_rows: dict[str, list[Decision]] = {}
    code_row: dict[tuple[str, str], Decision] = {}
    # segment -> its no-code row: it was judged to fit no code when the review was made
    no_code: dict[str, Decision] = {}
    # a row a later row on the same suggestion contradicts (an accept, then a recode of it)
    replaced = replaced_on_a_suggestion(list(zip(used, on)), book)
    for j, i in sorted(replaced.items()):
        # named by the segment they are on now: two parts joined since, the later row's own id
        # is no segment (hunt s76 F4)
        said = replaced_said(used[j], used[i], _rows(used[j], used[i]), on[i])
        conflicts.append((j, i, said))

    def code_of(d: Decision) -> str:
        return _decided_code(d, book, where, by_id=own_chart)

    stands = standing(list(zip(used, on)), code_of, book)
    for k, (d, o) in enumerate(zip(used, on)):
        if o is None:
            if d.decision != VALENCE:
                lost.append(d)
            elif d.valence:
                lost_valences.append(d)
            continue
        if d.valence:
            if d.decision in CODE_ROWS:
                given_sides.setdefault(o, []).append(d)
            valence_rows.setdefault(o, []).append(d)
            valence_row[o] = d
            valence[o] = d.valence
        if d.decision == VALENCE or k in replaced:
            continue
        if d.decision == NO_CODE:
            no_code.setdefault(o, d)
            state.setdefault(o, {})
            continue
        code_id = code_of(d)
        before = code_row.get((o, code_id))
        if before is not None and (before.decision == "reject") != (d.decision == "reject"):
            conflicts.append(
                (
                    place[id(before)],
                    k,
                    f"{_rows(before, d)}{before.decision} then {d.decision} {code_id} on {o}",
                )
            )
        code_row[o, code_id] = d
        # codes in the order first named, each with the decision of its row that stands
        on_segment = state.setdefault(o, {})
        on_segment.setdefault(code_id, d.decision)
        if stands[k]:
            on_segment[code_id] = d.decision
    for o, codes in valence_reviewed(zip(used, on), state.keys(), result).items():
        state[o] = dict.fromkeys(codes, KEPT)
    not_found = len(lost)
    for o, rows in valence_rows.items():
        for before, d in valence_changes(rows, code_of):
            said = valence_changed_said(before, d, _rows(before, d), o)
            conflicts.append((place[id(before)], place[id(d)], said))
    if conflicts:
        warn(contradicted_said(conflicts, "segment"), path=where)
    # the sides of the codes still standing: one the review later rejected is not charted (hunt
    # s76 L3: "IS.E.2 enabler, IS.B barrier ... all charted as barrier" with IS.E.2 rejected)
    if sides := sides_on_one_segment_said(
        (
            (
                [
                    (d, code_of(d))
                    for d in rows
                    if state.get(o, {}).get(code_of(d), "reject") != "reject"
                ],
                valence[o],
                o,
            )
            for o, rows in given_sides.items()
        ),
        held_as="charted",
    ):
        warn(sides, path=where)
    # a code given beside a no-code row stands, in either order: the reviewer's code is what the
    # review settled (a review page before session 45 saved the no-code row it carried after
    # the code the reviewer gave it)
    beside = [
        _beside(no_code[o], code_row[o, c], c)
        for o in no_code
        for c, decision in state[o].items()
        if decision != "reject"
    ]
    if beside:
        warn(
            f"{len(beside)} code(s) given on a segment that a no-code row says fits no code, the "
            f"code kept: {_first_three(beside)}",
            path=where,
        )
    if lost:
        warn(
            f"{len(lost)} code decision(s) on no segment of the codings, left out: "
            f"{_by_id_and_row_unnamed(lost, result)}{parted_said(lost, result)}",
            path=where,
        )
    if lost_valences:
        warn(
            f"{len(lost_valences)} valence decision(s) on no segment of the codings, left out: "
            f"{_by_id_and_row_unnamed(lost_valences, result)}",
            path=where,
        )
    counts = {"segments": 0, "codes": 0, "rejected": 0, "no_code": 0, "short_of_all": 0}
    counts["not_found"] = not_found
    counts["valence_not_found"] = len(lost_valences)
    counts.update({k: 0 for k in ("accept", "recode", "new-code", KEPT)})
    out: list[SegmentResult] = []
    short: list[tuple[Decision, str]] = []  # REJECT_ALL codes or more rejected, not all shown now
    rejected_undecided: dict[str, list[str]] = {}  # short of all: segment -> codes rejected
    # the coded segments whose valence the reviewer did not set: the model's, kept for the charts
    # but not the reviewer's reading (roqa agree leaves it out of valence agreement); or, where
    # the model suggested nothing or every code is a new one, nobody's (its "neutral" the
    # default of a code given none)
    from_model: list[str] = []
    nobodys: list[str] = []
    accepted: list[str] = []  # given a project code by an accept or recode row, and no valence
    for s in result.segments:
        sid = s.segment.id
        if sid not in state:
            continue
        model = s.suggestions[0] if s.suggestions else model_top.get(sid)
        mine = valence.get(sid)
        suggestions = []
        modelled = False  # a code of the segment keeps the model's valence
        for code_id, decision in state[sid].items():
            if decision == "reject":
                continue
            code = book[code_id]  # a Code
            # a new code the reviewer gave no valence has none (neutral, given none): the
            # model's valence is its reading of another code, not of the reviewer's theme
            # (newcomer s68: "Manager's own grief" under Enablers, from the model's code); so
            # has a project code accepted or recoded to where the model did not suggest it (by
            # name, by id, or an accept in place of its new-code row: hunt s69 h_newvalence, 1),
            # and one a model trained on an earlier review suggested there, accepted: the
            # valence head learnt no side of the team's theme, and guessed "enabler" for a
            # plainly bad turn, charted under Enablers while the same code's new-code rows were
            # neutral (study10 tester, s80 D2); a CFIR code recoded to keeps the model's valence
            read = (
                model if decision != "new-code" and not code_id.startswith(PROJECT_PREFIX) else None
            )
            modelled = modelled or (read is not None and not mine)
            if code_id.startswith(PROJECT_PREFIX) and not mine and decision != "new-code":
                accepted.append(sid)
            suggestions.append(
                Suggestion(
                    code_id=code.id,
                    name=code.name,
                    domain=code.domain,
                    probability=1.0,
                    valence=mine or (read.valence if read else "neutral"),
                    valence_probability=REVIEWERS_VALENCE
                    if mine
                    else (read.valence_probability if read else None),
                )
            )
            counts[decision] += 1
        shown = shown_in(book, [g.code_id for g in s.suggestions])
        if not suggestions and sid not in no_code and not rejects_all(state[sid], shown):
            # "not this code" on some suggestions, the others undecided: not reviewed yet
            counts["short_of_all"] += 1
            rejected_undecided[sid] = [c for c, d in state[sid].items() if d == "reject"]
            if len(state[sid]) >= REJECT_ALL:
                short.append((next(d for (o, _), d in code_row.items() if o == sid), sid))
            continue
        out.append(SegmentResult(segment=s.segment, suggestions=suggestions))
        if suggestions and not mine:
            (from_model if modelled else nobodys).append(sid)
        if suggestions:
            counts["segments"] += 1
        elif state[sid]:  # every suggestion rejected (as the review showed them: a no-code row)
            counts["rejected"] += 1
        else:  # a no-code row alone, no suggestion rejected: said apart
            counts["no_code"] += 1
        counts["codes"] += len(suggestions)
    if short:
        _warn_of_short_rejections(short, where)
    made = {project_code_id(d.new_code) for d in used if d.decision == "new-code"}
    warn_of_few_segments(
        {
            cid: sum(any(g.code_id == cid for g in s.suggestions) for s in out)
            for cid in sorted(made)
        },
        book,
        where,
        training=False,
    )
    # a note on a decided segment goes with it (roqa export writes it as a REFI-QDA note); each
    # once, though the report writes it in every row of its segment
    noted = [d for d in decisions if reviewer_note(d)]
    placed = match_decisions([*used, *noted], result).on[len(used) :]
    decided = {s.segment.id for s in out}
    kept: dict[str, list[str]] = {}
    left: set[tuple[str, str]] = set()
    for d, o in zip(noted, placed):
        if o in decided:
            if reviewer_note(d) not in kept.setdefault(o, []):
                kept[o].append(reviewer_note(d))
        else:
            left.add((d.segment_id, reviewer_note(d)))
    counts["notes_kept"] = sum(len(n) for n in kept.values())
    counts["notes"] = counts["notes_kept"] + len(left)
    coded = {s.segment.id for s in out if s.suggestions}
    counts["valence_only"] = sum(1 for sid in valence if sid not in coded)
    counts["distinct_codes"] = len({g.code_id for s in out for g in s.suggestions})
    # of those, the ones on segments no decision decided (a valence alone decides none): named,
    # so that the reviewer accepts or recodes their code too
    undecided_rows = [valence_row[sid] for sid in valence if sid not in decided]
    counts["valence_undecided"] = len(undecided_rows)
    if undecided_rows and out:  # with nothing decided, the warning below says so
        warn(
            f"{len(undecided_rows)} valence correction(s) on segments not decided, left out: "
            f"{_by_id_and_row(undecided_rows)}; a valence alone decides nothing: accept or "
            "recode the segment's code too",
            path=where,
        )
    reviewed = {s.segment.transcript_id for s in out}
    # a transcript with no segment to review (a dropped call: greetings, consent, small talk) has
    # nothing to decide: reviewed, with nothing coded (it was "not reviewed" for ever before)
    reviewed |= set(result.transcripts) - {
        s.segment.transcript_id for s in result.segments if to_review(s)
    }
    meta: dict[str, Any] = {
        "source": "roqa apply-decisions",
        "user": {"name": coder},
        "codebook": {"id": book.id, "hash": book.hash},
        "decisions": recorded,
        "reviewed_segments": [s.segment.id for s in out],
    }
    from .exchange.review import ACCEPTED_WITHOUT_VALENCE, VALENCE_FROM_MODEL, VALENCE_NOT_GIVEN

    if from_model:
        meta[VALENCE_FROM_MODEL] = from_model
    if nobodys:  # told from the model's neutral, whose probability an import may have lost
        meta[VALENCE_NOT_GIVEN] = nobodys
    kept_ids = {s.segment.id for s in out}
    if accepted := list(dict.fromkeys(sid for sid in accepted if sid in kept_ids)):
        meta[ACCEPTED_WITHOUT_VALENCE] = accepted
    if kept:
        meta[SEGMENT_NOTES] = {
            s.segment.id: kept[s.segment.id] for s in out if s.segment.id in kept
        }
    from .framework import (
        NOT_REVIEWED,
        NOT_REVIEWED_CASES,
        REVIEW_SCOPE,
        STUDY_INTERVIEWS,
        UNDECIDED,
        interview_order,
    )

    # what the review had to decide: the participant segments, less those set aside undecided
    spoken = [s for s in result.segments if s.segment.role != "interviewer"]
    aside = [s for s in spoken if not to_review(s) and s.segment.id not in decided]
    meta[REVIEW_SCOPE] = {
        "participant_segments": len(spoken),
        "procedural": sum(1 for s in aside if s.procedural),
        "small_talk": sum(1 for s in aside if not s.procedural),
    }
    # ... and of those, the ones in transcripts it did not reach: the summary says them as
    # transcripts not reviewed yet, not as undecided segments (learn tester, session 54: "26 of
    # 50 reviewable segments decided (24 undecided: rm04:0003 ...)", all 24 in rm04-rm06)
    unreached = set(result.transcripts) - reviewed
    if unreached:
        away = [s for s in spoken if s.segment.transcript_id in unreached]
        away_aside = [s for s in aside if s.segment.transcript_id in unreached]
        meta[REVIEW_SCOPE] |= {
            "not_reviewed_segments": len(away),
            "not_reviewed_procedural": sum(1 for s in away_aside if s.procedural),
            "not_reviewed_small_talk": sum(1 for s in away_aside if not s.procedural),
        }

    undecided = undecided_segments(result, {s.segment.id for s in out}, reviewed)
    if undecided:
        meta[UNDECIDED] = undecided
    if rejected_undecided:
        meta[REJECTED_ON_UNDECIDED] = rejected_undecided
    not_reviewed = [t for t in result.transcripts if t not in reviewed]
    if not_reviewed:
        meta[NOT_REVIEWED] = not_reviewed
        # their cases, so that an interview order naming participants (P03) finds them too
        meta[NOT_REVIEWED_CASES] = [result.participant_of(t) for t in not_reviewed]
        meta[STUDY_INTERVIEWS] = interview_order(result)  # numbers the interviews in saturation
    model_meta = result.meta.get("model") if isinstance(result.meta, dict) else None
    if isinstance(model_meta, dict) and model_meta.get("hash"):
        meta["reviewed_model"] = model_meta["hash"]  # the model whose suggestions were reviewed
    transcripts = {k: t for k, t in result.transcripts.items() if k in reviewed}
    if not out and used:
        part = counts["short_of_all"]
        warn(
            f"no segment of the codings is decided yet: {part} segment"
            f"{'s have' if part != 1 else ' has'} some suggestions rejected and the others "
            "undecided; accept or recode a code there, or reject every suggestion shown"
            if part
            else "no segment of the codings is decided yet: valence rows give it no code; "
            "accept or recode a code there, or reject every suggestion shown",
            path=where,
        )
    from .codebook import BUILTIN

    # a project codebook (the review's new codes, or a retrained model's) goes with the codings:
    # saved beside them as codebook.json, which the report, export and charts read; a built-in
    # one too when its codes or valence group carry the GUIDs a QDA program gave them, which
    # the export writes
    theirs = book.valence_guids or any(c.guid for c in book.codes)
    own = None if book.id in BUILTIN and not theirs else book
    return CodingResult(out, transcripts, meta, codebook=own), book, counts


def _charted_in(
    result: CodingResult, codebook: Codebook, made_in: Codebook
) -> tuple[CodingResult, Codebook, dict[str, str]]:
    """``result`` (the model's codings, in ``codebook``) as a review in the codebook ``made_in``
    (CFIR 2.0, or the chart codebook of the run) saw it (translated as the report charts it),
    that codebook with the model's project codes (an earlier round's new codes, kept as they
    are), and the ids of the project codes named as a code of ``made_in``, each with that
    code's id.

    A project code named as a code of ``made_in`` (:func:`~roqa_nlp.crosswalk.named_in`) is
    that code, as the translation charts it and ``roqa import`` reads it, not a second code of
    that name: a model trained on a CFIR 2.0 review gives the CFIR 2.0 codes CFIR 2009 lacks as
    new codes (``project.capability`` Capability), and the reviewed codings' codebook held them
    beside IND.K Capability, so the matrix and the ``.qdpx`` had an empty duplicate of each
    (study6 tester, session 76)."""
    from .crosswalk import named_in, translate
    from .decisions_crosswalk import base_codebook

    base = base_codebook(codebook)
    seen = made_in
    own: list[Code] = []
    named: dict[str, str] = {}
    for c in codebook.codes:
        if c.id in base:
            continue
        same = named_in(made_in, c.name)
        if same is None:
            own.append(c)
        else:
            named[c.id] = same.id
    if own:
        seen = seen.with_codes(own, id=f"{seen.id}+project")
    return translate(result, base, made_in, top_decides=True), seen, named


def to_review(s: SegmentResult) -> bool:
    """Whether a review has segment ``s`` to decide on: a participant's segment that is not
    procedural talk, small talk or background (set aside), as the report's review progress
    counts them."""
    return s.segment.role != "interviewer" and not s.procedural and not (s.novel and s.off_topic)


def _standing_rows(
    decisions: Sequence[Decision], result: CodingResult, codebook: Codebook | None
) -> tuple[dict[str, dict[str, str]], set[str], DecisionMatch]:
    """The code decisions of ``decisions`` that stand on the segments of ``result`` (segment ->
    code -> decision, the later row on a code winning), the segments a ``no-code`` row gives no
    code, and the match: as :func:`decided_segments` reads them."""
    if codebook is not None:
        lacking = codes_not_in(decisions, codebook)
        decisions = [d for d in decisions if d.code_id.strip() not in lacking]
    code_of = code_as_given if codebook is None else code_read_in(codebook, decisions)
    match = match_decisions(list(decisions), result)
    state: dict[str, dict[str, str]] = {}
    no_code: set[str] = set()
    # the rows that stand, as the report page is given them (the later row on a code wins)
    for (d, sid), stands in zip(match.matched, standing(match.matched, code_of, codebook)):
        if d.decision in (NOTE, VALENCE) or not stands:
            continue
        if d.decision == NO_CODE:
            no_code.add(sid)
            continue
        code = code_of(d)
        if code:
            state.setdefault(sid, {})[code] = d.decision
    return state, no_code, match


def rejected_codes(
    decisions: Sequence[Decision], result: CodingResult, codebook: Codebook | None = None
) -> dict[str, set[str]]:
    """The codes ``decisions`` reject on segments of ``result`` (a ``reject`` row that stands),
    by segment id, read as :func:`decided_segments` reads them, whether or not the segment is
    decided (a reject short of all leaves it undecided): what a write-up of the model's
    suggestions still charts against the review (``roqa report --decisions``)."""
    return _rejected_in(_standing_rows(decisions, result, codebook)[0])


def _rejected_in(state: Mapping[str, Mapping[str, str]]) -> dict[str, set[str]]:
    """The rejected codes of standing rows (:func:`_standing_rows`), by segment id."""
    out: dict[str, set[str]] = {}
    for sid, codes in state.items():
        if rejected := {c for c, k in codes.items() if k == "reject"}:
            out[sid] = rejected
    return out


def decided_and_rejected(
    decisions: Sequence[Decision], result: CodingResult, codebook: Codebook | None = None
) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """:func:`decided_segments` and :func:`rejected_codes` of one matching of ``decisions`` to
    the segments (``roqa report --decisions`` needs both: it matched them twice)."""
    standing_rows = _standing_rows(decisions, result, codebook)
    rejected = _rejected_in(standing_rows[0])
    return _decided_in(standing_rows, result, codebook), rejected


def decided_segments(
    decisions: Sequence[Decision], result: CodingResult, codebook: Codebook | None = None
) -> dict[str, list[str]]:
    """The segments of ``result`` that ``decisions`` decide, as :func:`reviewed_codings` decides
    them, each with the codes the review gives it (accepted, recoded to or new; the last row on
    a code wins): none when it fits no code (a ``no-code`` row, or every suggestion it shows
    rejected), or its top code when a valence alone from a review in a QDA program reviews it
    (:func:`valence_reviewed`). A segment with only some suggestions rejected, a note or the
    report's valence alone is not decided. Codes are read in ``codebook`` as apply-decisions
    reads them (:func:`code_read_in`: a code by its name, an alias or a new code's name is that
    code's id); without one, as the rows give them (a new code by :func:`project_code_id`). A
    row on a code ``codebook`` lacks (:func:`codes_not_in`: a v1 review's NEED, dropped in v2)
    decides nothing, as apply-decisions refuses it or leaves its rejection out: re-coding in
    place with v2 said "6 already decided" where apply-decisions decides 4 (re-test, session
    47)."""
    return _decided_in(_standing_rows(decisions, result, codebook), result, codebook)


def _decided_in(
    standing_rows: tuple[dict[str, dict[str, str]], set[str], DecisionMatch],
    result: CodingResult,
    codebook: Codebook | None,
) -> dict[str, list[str]]:
    """The decided segments of standing rows (:func:`_standing_rows`), as
    :func:`decided_segments` gives them (the rows' code states are changed)."""
    state, no_code, match = standing_rows
    for sid, codes in valence_reviewed(match.matched, {*state, *no_code}, result).items():
        state[sid] = dict.fromkeys(codes, KEPT)
    shown = {
        s.segment.id: shown_in(codebook, [g.code_id for g in s.suggestions])
        for s in result.segments
    }
    out: dict[str, list[str]] = {}
    for sid in [*state, *(n for n in no_code if n not in state)]:
        given = [c for c, k in state.get(sid, {}).items() if k != "reject"]
        rejected = [c for c, k in state.get(sid, {}).items() if k == "reject"]
        if given or sid in no_code or (rejected and rejects_all(rejected, shown.get(sid))):
            out[sid] = given
    return out


def new_code_names(decisions: Sequence[Decision]) -> dict[str, str]:
    """The new codes ``decisions`` name, by id (:func:`project_code_id`) -> name, each named as
    first given (as :func:`project_codebook` names it): what saturation calls a review's new
    code."""
    out: dict[str, str] = {}
    for d in decisions:
        if d.decision == "new-code" and d.new_code.strip():
            out.setdefault(project_code_id(d.new_code), d.new_code.strip())
    return out


def undecided_segments(
    result: CodingResult, decided: set[str], transcripts: Iterable[str]
) -> dict[str, list[int]]:
    """Of ``transcripts``, those with segments to review that no decision decided, each with
    ``[undecided, to review]``: a participant's segments, procedural talk and small talk set
    aside not counted unless ``decided`` (reviewed anyway, as apply-decisions counts them
    reviewable and the report's progress reviewed). Saturation judged on a review stopped
    half-way through an interview must say so (:func:`~roqa_nlp.framework.saturation`)."""
    wanted = set(transcripts)
    counts: dict[str, list[int]] = {}
    for s in result.segments:
        tid = s.segment.transcript_id
        if tid not in wanted or not (
            to_review(s) or (s.segment.id in decided and s.segment.role != "interviewer")
        ):
            continue
        n = counts.setdefault(tid, [0, 0])
        n[1] += 1
        n[0] += s.segment.id not in decided
    return {tid: n for tid, n in counts.items() if n[0]}


def reopened_segments(
    decisions: Sequence[Decision],
    before: CodingResult,
    after: CodingResult,
    codebook: Codebook | None = None,
) -> list[str]:
    """The segments of ``after`` that are to review (:func:`to_review`) and not decided, in the
    transcripts ``decisions`` reviewed whole in ``before`` (the codings they replace): a
    retrained model put them up for review (talk it set aside as small talk is for open coding
    now), so an interview reviewed before reads as partly reviewed again (waves tester, s49)."""
    was = set(decided_segments(decisions, before, codebook))
    touched = {s.segment.transcript_id for s in before.segments if s.segment.id in was}
    whole = touched - set(undecided_segments(before, was, touched))
    now = set(decided_segments(decisions, after, codebook))
    return [
        s.segment.id
        for s in after.segments
        if s.segment.transcript_id in whole and to_review(s) and s.segment.id not in now
    ]


def reworded_segments(
    ids: Sequence[str],
    decisions: Sequence[Decision],
    before: CodingResult,
    after: CodingResult,
    codebook: Codebook | None = None,
) -> list[str]:
    """Of the segments ``ids`` of ``after`` (:func:`reopened_segments`), those whose id the
    review decided in ``before`` on other words: undecided because their talk changed (new rows
    of the pseudonym key replaced more of it, the transcript was edited), so the decisions match
    them no more, not because this model put up for review what the earlier one set aside
    (privacy tester s59, L1: the message gave that cause for segments new key rows changed)."""
    was = set(decided_segments(decisions, before, codebook))
    then = {s.segment.id: s.segment.text for s in before.segments if s.segment.id in was}
    now = {s.segment.id: s.segment.text for s in after.segments}
    return [i for i in ids if i in then and then[i] != now.get(i)]


def _found_by_moved_id(
    decisions: Sequence[Decision], on: Sequence[str | None], segment_ids: Iterable[str]
) -> list[Decision]:
    """The rows without text found by their segment id (``on``, as :func:`match_decisions`
    gives it) in transcripts whose ids have moved: a row with text there is no longer at its id
    (found at another, or nowhere), so a row matched by id may be on other words."""
    parts = {transcript_part(sid) for sid in segment_ids}
    moved = {
        transcript_part(d.segment_id)
        for d, o in zip(decisions, on)
        if d.text and o != d.segment_id and transcript_part(d.segment_id) in parts
    }
    return [
        d
        for d, o in zip(decisions, on)
        if not d.text and o is not None and transcript_part(o) in moved
    ]


def _warn_of_moved_ids(
    decisions: Sequence[Decision],
    on: Sequence[str | None],
    result: CodingResult,
    where: str | Path,
) -> None:
    """Warn of the rows :func:`_found_by_moved_id` finds, else of rows matched by their id
    alone (:func:`_warn_of_rows_without_text`)."""
    unsure = _found_by_moved_id(decisions, on, (s.segment.id for s in result.segments))
    if unsure:
        from .errors import warn

        warn(
            f"{len(unsure)} decision(s) without text, found by segment id in transcripts whose "
            "segment ids have moved since the decisions were made: they may be on another "
            f"segment's words ({_named(unsure)}; save the decisions with their text)",
            path=where,
        )
    else:
        _warn_of_rows_without_text(decisions, on, where)


def _warn_of_rows_without_text(
    decisions: Sequence[Decision], on: Sequence[str | None], where: str | Path | None
) -> None:
    """Warn when rows without text were matched to a segment by their id alone: nothing tells
    whether the transcript changed since the review (a turn added moves the ids after it), so
    they may be on other segments. No warning when every row has its text."""
    n = sum(1 for d, o in zip(decisions, on) if not d.text and o is not None)
    if n:
        from .errors import warn

        warn(
            f"{n} decision row{'s' if n != 1 else ''} without text, matched to segments by id "
            "alone: if a transcript changed since the review (a turn added or removed), they "
            "land on other segments; a file without the text column (saved by an earlier roqa) "
            "gets it when loaded into the report of the codings it was made on (Load "
            "decisions) and saved again (Save decisions)",
            path=where,
        )
