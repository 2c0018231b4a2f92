"""Paths the commands print are never broken by a newline at a narrow terminal.

Terminal tester, session 45: `COLUMNS=40 roqa code iv/ --out .../a_rather_long_output_folder_name
/... | cat` printed each output file's path cut into 40-character lines, so a path copied from
the output was not the file's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "interviews"


def test_code_at_40_columns_prints_each_path_whole(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = tmp_path / "a_rather_long_output_folder_name" / "for_the_study" / "coded_run_two"
    code, said, err = roqa(
        "code", EXAMPLES / "p01_interview.txt", "--out", out, "--model", tiny_model_dir
    )
    assert code == 0, err
    lines = said.splitlines()
    for name in ("codings.jsonl", "codings.csv", "transcripts.jsonl", "run.json", "report.html"):
        assert f"  {name:18} {out / name}" in lines
    coded = next(line for line in lines if line.startswith("Coded 1 transcript(s)"))
    assert f"with the model in {tiny_model_dir}" in coded


def test_inspect_check_and_read_lines_keep_the_transcripts_path_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 50: with the suite run in parallel (a longer temporary folder), `roqa inspect`'s
    "check:" lines cut the transcript's path at 80 columns ("...zoo" / "m_p07.txt")."""
    monkeypatch.setenv("COLUMNS", "40")
    call = tmp_path / "a_rather_long_folder_name_for_the_study" / "zoom_p07.txt"
    call.parent.mkdir()
    call.write_text(
        "Sam Roe: What gets in the way?\nMaria Okafor: Staffing.\nSam Roe: Right.\n"
        "Maria Okafor: And money for agency cover.\n",  # a coded part: a backchannel split
        encoding="utf-8",
    )
    code, said, err = roqa("inspect", call)
    assert code == 0, err
    lines = said.splitlines()
    assert [line.split(": ", 2)[1] for line in lines if line.startswith("  check: ")] == [
        str(call),
        str(call),
    ]
    assert any(line.startswith("  read: 1 turn split by") for line in lines)


def test_code_pseudonymise_with_no_name_keeps_the_keys_path_whole(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 50: "Pseudonyms: ... no name found, so no key was written to PATH." was cut at
    80 columns, in the middle of the key's path ("nokey." / "csv.")."""
    monkeypatch.setenv("COLUMNS", "40")
    study = tmp_path / "p01.txt"
    study.write_text(
        "Interviewer: What gets in the way?\nP01: We never had the budget for agency staff.\n",
        encoding="utf-8",
    )
    key = tmp_path / "a_rather_long_folder_name_for_the_study" / "nokey.csv"
    key.parent.mkdir()
    code, said, err = roqa(
        "code", study, "--out", tmp_path / "coded", "--model", tiny_model_dir,
        "--pseudonymise", key, "--no-report",
    )  # fmt: skip
    assert code == 0, err
    assert f"no name found, so no key was written to {key}." in said.splitlines()[0]


@pytest.mark.parametrize("stream", [[], ["--stream"]])
def test_code_summary_sent_to_a_file_is_one_line_with_no_trailing_space(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stream: list[str]
) -> None:
    """Cli tester, session 64 (code1.out): sent to a file, the first summary paragraph was cut
    into 80-column lines, each ending in a space, where the lines after it are whole. Run as
    with the packaged model (no --model: its path in the line kept it whole), the tiny one
    loaded in its place."""
    from roqa_nlp.cli import code_cmd

    load = code_cmd._load_model
    monkeypatch.setattr(code_cmd, "_load_model", lambda _, *a: load(tiny_model_dir, *a))
    out = tmp_path / "coded"
    code, said, err = roqa("code", EXAMPLES / "p01_interview.txt", "--out", out, *stream)
    assert code == 0, err
    lines = said.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("Coded 1 transcript(s)"))
    assert lines[first].endswith(").")
    assert [line for line in lines if line.endswith(" ")] == []
