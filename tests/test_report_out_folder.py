"""``roqa report reviewed/ --out reviewed/`` said "is a folder, not a file (give a file name to
write)": --out is a folder in code, train, import and apply-decisions, and a file here
(newcomer, session 47). The error now names the file to give, report.html in that folder."""

from __future__ import annotations

from pathlib import Path

from test_cli_agree import run, seg, write_result


def test_a_folder_given_as_the_reports_out(tmp_path: Path, capsys) -> None:
    reviewed = write_result(tmp_path / "reviewed", [seg(0, ["X"])])
    code, _, err = run(["report", str(reviewed), "--out", str(reviewed)], capsys)
    assert (code, err) == (
        2,
        f"roqa: error: {reviewed}: is a folder, not a file (--out is the report's file: give "
        f"{reviewed / 'report.html'})\n",
    )
