"""A folder ``roqa import`` wrote, given where codings are read (``roqa export imported/``),
says where each coder's codings are and to give one: it said ``imported/codings.jsonl: file not
found`` where the codings were in ``imported/codings/Researcher`` (session 36, tester D7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from report_fixture import build_result
from roqa_nlp.cli import main


def test_roqa_export_of_a_folder_roqa_import_wrote_names_the_coders_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported = tmp_path / "imported"
    for coder in ("Researcher", "Ann"):
        build_result().save(imported / "codings" / coder)
    (imported / "import.json").write_text("{}\n", encoding="utf-8")
    with pytest.raises(SystemExit) as ended:
        main(["export", str(imported), "--qdpx", str(tmp_path / "out.qdpx")])
    assert ended.value.code == 2
    codings = imported / "codings"
    assert capsys.readouterr().err == (
        f"roqa: error: {imported}: holds no codings.jsonl: roqa import keeps each coder's "
        f"codings in a folder of their own (give one: {codings / 'Ann'} or "
        f"{codings / 'Researcher'})\n"
    )


def test_roqa_agree_of_a_folder_roqa_import_wrote_names_the_coders_folders_to_compare(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "folder has no codings.jsonl (give a result folder of roqa code)" (hunt2, s36)."""
    imported = tmp_path / "imported"
    for coder in ("Researcher", "Ann"):
        build_result().save(imported / "codings" / coder)
    with pytest.raises(SystemExit) as ended:
        main(["agree", str(imported)])
    assert ended.value.code == 2
    codings = imported / "codings"
    assert capsys.readouterr().err == (
        f"roqa: error: {imported}: holds no codings.jsonl: roqa import keeps each coder's "
        f"codings in a folder of their own (give the coders' folders to compare: "
        f"{codings / 'Ann'} {codings / 'Researcher'})\n"
    )
