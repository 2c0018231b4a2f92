"""Files an earlier run left in an output folder that a new one does not write again.

``roqa code --out coded/`` and :meth:`CodingResult.save("coded/")
<roqa_nlp.result.CodingResult.save>` replace the codings in a folder; a report, open-coding
queue, matrix or export made there from the earlier codings stays, and shows them, not the new
ones. Both name such files (they are the researcher's: named, never deleted), from the lists
here, so the command and the Python API name the same files (s56 api tester: ``save`` over a
coded folder left its report.html and open_coding.* in place without a word).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

#: Files an earlier ``roqa code`` may have left in its output folder that a run does not always
#: write again: the open-coding queue (not written with --stream or --engine ray) and a
#: codebook's ``codings.ID.csv`` (written with --codebook only).
EARLIER_OUTPUTS = ("open_coding.jsonl", "open_coding.csv", "codings.*.csv")


#: What the local engine's ``roqa code`` makes from its codings beside them, the open-coding
#: queue and the report: the Ray engine, which makes neither, removes roqa's own once it has
#: replaced the codings they were made from (engines tester s63, 3).
REPORT_AND_QUEUE = ("open_coding.csv", "open_coding.jsonl", "report.html")


#: Kinds of file roqa makes from codings (reports, matrices, tables, exports, codings): one of
#: them left in an output folder coded again shows the earlier codings.
MADE_FROM_CODINGS = (".html", ".xlsx", ".docx", ".qdpx", ".qdc", ".csv", ".jsonl", ".json")


def files_in(out: Path) -> list[Path]:
    """The files of the folder ``out`` (none when it is not one), but the folder's lock and the
    record of the write-up files written there (:data:`~roqa_nlp.write_up_files.RECORD`)."""
    from .folder_lock import LOCK_FILE
    from .write_up_files import RECORD

    if not out.is_dir():
        return []
    return sorted(f for f in out.iterdir() if f.is_file() and f.name not in (LOCK_FILE, RECORD))


def files_before(out: Path) -> set[str]:
    """The names of the files in ``out`` before a run, when it holds codings (a folder coded
    before); empty otherwise."""
    if not (out / "codings.jsonl").is_file():
        return set()
    return {f.name for f in files_in(out)}


def transcripts_held(out: Path, *, read: bool = False) -> list[str]:
    """The transcripts (ids) whose codings ``out``'s codings.jsonl holds, in natural order:
    read before a run replaces them, to name those it does not code again; with ``read``, also
    those its transcripts.jsonl lists (every transcript the run read, one without participant
    talk too). Empty when there is no such file; a line that is not a record is passed over
    (the folder was checked as roqa's before)."""
    from .transcripts import natural_key

    ids: set[str] = set()
    for name, key in (("codings.jsonl", "transcript"), ("transcripts.jsonl", "id")):
        if name == "transcripts.jsonl" and not read:
            continue
        ids.update(r[key] for r in _records(out / name) if isinstance(r.get(key), str))
    return sorted(ids, key=natural_key)


def _records(path: Path) -> Iterator[dict[str, Any]]:
    """The records (JSON objects) of the JSON Lines file ``path``, none when there is no such
    file; a line that is no record is passed over (the folder was checked as roqa's before)."""
    if not path.is_file():
        return
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                yield record


def earlier_run_files(
    out: Path, written: Iterable[Path], before: Iterable[str] = ()
) -> tuple[list[str], list[str]]:
    """The files in ``out`` another run left that this one did not write (``written``), as
    ``(stale, left)``: ``stale``, the files ``before`` (:func:`files_before`) of the kinds roqa
    makes from codings (a report, matrix or export made from the earlier codings), and
    ``left``, those of :data:`EARLIER_OUTPUTS`. The review (``decisions.csv`` or ``.xlsx``,
    read by this run), its copy ``decisions.before-recode.csv`` and report.html (said on its
    own) are not among them. Shared by the
    warnings of a completed run, the message of an interrupted one and
    :meth:`~roqa_nlp.result.CodingResult.save`'s warning, so all name the same files."""
    from .decisions import REVIEW_FILES, is_review_copy
    from .transcripts import natural_key

    fresh = {Path(p).resolve() for p in written}
    rewritten = {p.name for p in fresh if p.parent == out.resolve()}
    earlier = {f.name for pattern in EARLIER_OUTPUTS for f in out.glob(pattern)}
    left = sorted(earlier - rewritten)
    stale = sorted(
        (
            name
            for name in set(before) - rewritten - earlier - {*REVIEW_FILES, "report.html"}
            if Path(name).suffix.lower() in MADE_FROM_CODINGS
            and (out / name).is_file()
            and not is_chart_copy(name)
            and not is_review_copy(name)
        ),
        key=natural_key,
    )
    return stale, left


def is_chart_copy(name: str) -> bool:
    """Whether ``name`` is a codebook copy ``roqa code --codebook`` keeps in its output folder
    (:data:`~roqa_nlp.crosswalk.CHART_FILE`, or an earlier one it kept): a codebook, not a file
    made from the codings."""
    from fnmatch import fnmatchcase

    from .crosswalk import CHART_FILE

    stem = Path(CHART_FILE).stem
    return name == CHART_FILE or fnmatchcase(name, f"{stem}.*.json")


def transcript_texts(out: Path) -> dict[str, str]:
    """Each transcript ``out``'s transcripts.jsonl lists (id) -> the SHA-256 of its text: read
    before a run replaces the file and after it writes it, to tell the transcripts whose text
    changed, those new to the folder and those renamed (:func:`changes_between`). The text, not
    the file's bytes: a Word document saved again codes the same, and a pseudonymised run
    records no file. Empty when there is no such file; a line that is no record is passed over."""
    import hashlib

    return {
        record["id"]: hashlib.sha256(record["text"].encode("utf-8", "surrogatepass")).hexdigest()
        for record in _records(out / "transcripts.jsonl")
        if isinstance(record.get("id"), str) and isinstance(record.get("text"), str)
    }


def changes_between(
    before: dict[str, str], after: dict[str, str]
) -> tuple[list[str], list[str], dict[str, str]]:
    """What changed between two :func:`transcript_texts` of one folder, as ``(changed, new,
    renamed)``: the transcripts in both whose text differs, those only ``after`` holds, and, of
    those only ``before`` holds, each whose very text ``after`` holds under one new name alone
    (its file renamed: ``{old: new}``; the new name is then not counted new). Names in natural
    order."""
    from .transcripts import natural_key

    gone = {t: sha for t, sha in before.items() if t not in after}
    added = {t: sha for t, sha in after.items() if t not in before}
    olds: dict[str, list[str]] = {}
    for t, sha in gone.items():
        olds.setdefault(sha, []).append(t)
    news: dict[str, list[str]] = {}
    for t, sha in added.items():
        news.setdefault(sha, []).append(t)
    renamed = {
        old[0]: new[0]
        for sha, old in olds.items()
        if len(old) == 1 and len(new := news.get(sha, [])) == 1
    }
    changed = sorted((t for t in before if t in after and before[t] != after[t]), key=natural_key)
    fresh = sorted((t for t in added if t not in renamed.values()), key=natural_key)
    return changed, fresh, dict(sorted(renamed.items(), key=lambda kv: natural_key(kv[0])))
