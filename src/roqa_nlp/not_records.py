"""Files roqa knows that are not labelled records, recognised before ``roqa train`` or ``roqa
evaluate`` reads one as records: a transcript (a ``.txt``, ``.vtt``, ``.docx`` ..., or a
spreadsheet with ``speaker`` and ``text`` columns and no code column), a folder of transcripts,
the folder ``roqa code`` wrote, its ``codings.jsonl`` or ``codings.csv``, and a decisions file.
Each command says what the file is and what to run instead, one line (newcomer, session 47:
evaluate read a transcript as JSON Lines; docswalk, session 86: train still did, called a real
``.docx`` a ZIP renamed, and told to give roqa's own ``codings.csv`` a construct column)."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import RoqaValueError

#: transcript files, which are no labelled records (a .csv, .xlsx or .json may be either)
TRANSCRIPT_ONLY = (".txt", ".md", ".vtt", ".srt", ".sbv", ".docx", ".odt", ".fodt", ".rtf", ".pdf")

#: what each command takes, as its errors say it
_TAKES = {
    "train": "roqa train takes labelled records (.jsonl, .csv, .tsv or .xlsx with the columns "
    "text and construct, as in training_data/)",
    "evaluate": "roqa evaluate takes labelled records (.jsonl, .csv or .xlsx with the columns "
    "text and construct)",
}


def _header(path: Path) -> set[str]:
    """The column names of a CSV or TSV file's header row (empty when it cannot be read: the
    reading of the records says why)."""
    import csv
    import io

    from .errors import RoqaError
    from .io import column_key, csv_delimiter, from_the_header, read_text

    try:
        text, _ = from_the_header(read_text(path), "text")
        row = next(csv.reader(io.StringIO(text), delimiter=csv_delimiter(text, "text")), [])
    except (RoqaError, OSError, csv.Error, UnicodeError):
        return set()
    return {column_key(cell) for cell in row}


def _first_record(path: Path) -> dict[str, object]:
    """The first record of a JSON Lines file (empty when there is none or it is no object)."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    return record if isinstance(record, dict) else {}
    except (OSError, ValueError, RecursionError):  # the reading of the records says why
        pass
    return {}


def kind_of(path: str | Path) -> str | None:
    """What ``path`` is when it is a file roqa knows that holds no labelled records:
    ``transcript``, ``transcripts`` (a folder of them), ``coding folder`` (one ``roqa code``
    wrote), ``codings`` (its ``codings.jsonl`` or ``codings.csv``) or ``decisions``; None for
    anything else (labelled records, or a file whose reading says what is wrong)."""
    p = Path(path)
    if p.is_dir():
        if (p / "codings.jsonl").is_file() and (p / "run.json").is_file():
            return "coding folder"
        files = [
            f
            for f in p.iterdir()
            if f.is_file()
            and not f.name.startswith((".", "~$"))
            and not f.name.casefold().startswith("readme")  # a folder's notes on itself
        ]
        from .record_files import RECORD_SUFFIXES

        records = [f for f in files if f.suffix.lower() in RECORD_SUFFIXES]
        # every record file a transcript (the first that is not ends the looking): nothing in
        # it is read as training records
        if any(kind_of(f) != "transcript" for f in records):
            return None
        if records or any(f.suffix.lower() in TRANSCRIPT_ONLY for f in files):
            return "transcripts"
        return None
    suffix = p.suffix.lower()
    if suffix in TRANSCRIPT_ONLY:
        return "transcript"
    if suffix == ".jsonl":
        keys = set(_first_record(p))
        if keys & {"construct", "codes"}:
            return None
        if {"segment_id", "suggestions"} <= keys:
            return "codings"
        return "decisions" if {"segment_id", "decision"} <= keys else None
    if suffix in (".csv", ".tsv"):
        header = _header(p)
        if header & {"construct", "codes"} or "text" not in header:
            return None
        if {"segment_id", "decision"} <= header:
            return "decisions"
        if {"segment_id", "code_1"} <= header:
            return "codings"
        return "transcript" if "speaker" in header else None
    return None


def refuse_not_records(
    path: str | Path, command: str, *, kinds: frozenset[str] | None = None
) -> None:
    """The one-line error of ``roqa COMMAND PATH`` (``train`` or ``evaluate``) when ``path`` is
    a file or folder :func:`kind_of` recognises (of ``kinds`` alone, when given): what it is and
    what to run instead."""
    from .errors import in_python_too
    from .io import shell_quoted

    p = Path(path)
    kind = kind_of(p)
    if kind is None or (kinds is not None and kind not in kinds):
        return
    takes = _TAKES[command]
    learn = "roqa train training_data --feedback {} --out MODEL"
    if command == "evaluate":
        from .evaluation import EXPECTED_FORMAT

        not_what = "not labelled records"
        to_code = f"to code a transcript: roqa code {p} --out coded/"
    else:
        not_what = "not training records"
        to_code = (
            f"to code it: roqa code {shell_quoted(p)} --out coded/, then learn from your review "
            f"of the codings: {learn.format('coded/decisions.csv')}"
        )
    if kind == "transcript":
        said, hint = "is a transcript", f"{takes}; {to_code}"
        if command == "evaluate":
            hint = in_python_too(hint, f"ac.code({str(p)!r})")
    elif kind == "transcripts":
        said, hint = "holds transcripts", f"{takes}; {to_code.replace('code it', 'code them')}"
    elif kind == "coding folder":
        said = "is a folder roqa code wrote (its codings)"
        hint = (
            f"to learn from your review of them: {learn.format(shell_quoted(p / 'decisions.csv'))}"
        )
    elif kind == "codings":
        said = "is a coding result (roqa code output)"
        hint = (
            EXPECTED_FORMAT
            if command == "evaluate" and p.suffix.lower() == ".jsonl"
            else f"{takes}; to learn from your review of these codings: "
            + learn.format(shell_quoted(p.parent / "decisions.csv"))
        )
    else:
        said = "is a decisions file (a review of roqa code's suggestions)"
        hint = f"{takes}; to learn from the review, give it with --feedback: {learn.format(shell_quoted(p))}"
    raise RoqaValueError(f"{said}, {not_what}", path=p, hint=hint)
