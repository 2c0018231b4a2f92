"""Specification: docs/outputs.md names every column roqa code writes to codings.csv and
open_coding.csv, and the keys of run.json, in the order written. Before, it promised "every
column and flag is named" and listed none."""

from __future__ import annotations

import re
from pathlib import Path

from roqa_nlp.io import EARLIER_CODEBOOK_KEY
from roqa_nlp.open_coding import write_open_coding
from roqa_nlp.result import CODINGS_KEY, MODEL_CARD_KEY, CodingResult

ROOT = Path(__file__).resolve().parents[1]


def documented(section: str) -> list[str]:
    """The `names` the bullets of a section of docs/outputs.md open with, in order; `code_2` …
    `valence_2` stands for the four columns of a suggestion."""
    page = (ROOT / "docs" / "outputs.md").read_text(encoding="utf-8")
    body = page.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    names: list[str] = []
    for line in body.splitlines():
        if not line.startswith("- `"):
            continue
        head = line[2:].split(":", 1)[0]
        for first, _last in re.findall(r"`(\w+)` … `(\w+)`", head):
            k = first.rsplit("_", 1)[1]
            names += [f"code_{k}", f"name_{k}", f"probability_{k}", f"valence_{k}"]
        if "…" not in head:
            names += re.findall(r"`(\w+)`", head)
    return names


def test_codings_csv_columns_are_the_documented_ones() -> None:
    gold = CodingResult.read(ROOT / "examples" / "gold" / "codings.jsonl")
    header = gold.to_csv().partition("\n")[0].lstrip("\ufeff").split(",")
    assert documented("`codings.csv`") == header


def test_open_coding_csv_columns_are_the_documented_ones(tmp_path: Path) -> None:
    paths = write_open_coding([], tmp_path)
    header = paths["open_coding.csv"].read_text("utf-8-sig").splitlines()[0].split(",")
    assert documented("`open_coding.jsonl`, `open_coding.csv`") == header


def test_run_json_keys_are_documented() -> None:
    keys = ["model", "params", MODEL_CARD_KEY, CODINGS_KEY, "chart_codebook", EARLIER_CODEBOOK_KEY]
    assert documented("`run.json`") == keys


def table_files(page: Path, heading: str) -> list[str]:
    """The file names opening the rows of the table under ``heading`` of ``page``."""
    body = page.read_text(encoding="utf-8").split(heading, 1)[1]
    table = body.split("\n|", 1)[1].split("\n\n", 1)[0]
    return [re.findall(r"`([^`]+)`", row)[0] for row in table.splitlines()[2:]]


def test_every_file_roqa_code_writes_is_in_both_tables() -> None:
    """Blind tester (s58), finding 5: the codebook.json a model of a codebook not built in
    writes beside the codings was in neither the README's table nor docs/outputs.md's."""
    from roqa_nlp.codings_writer import FILES
    from roqa_nlp.crosswalk import CHART_FILE, CODEBOOK_FILE

    written = [*FILES, CHART_FILE, CODEBOOK_FILE, "open_coding.jsonl", "report.html"]
    for page in (ROOT / "README.md", ROOT / "docs" / "outputs.md"):
        listed = table_files(page, "What `roqa code` writes")
        assert [name for name in written if name not in listed] == [], page.name
