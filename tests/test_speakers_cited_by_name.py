"""`roqa code` and `roqa report` say, once per transcript, when Table 2 and the framework matrix
cite a joint interview's speakers by the names they are labelled with (docs/privacy.md).

Session 46 (tester, ids 5): "Joint interview 13+14.vtt", labelled by Zoom display names, put
"(Tom Okafor)" and "(Anita Shah (she/her))" in Table 2 (.csv, .docx) with no warning, while a
one-participant Zoom file is cited by its case id.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa

JOINT = """WEBVTT

00:00:01.000 --> 00:00:06.000
Kate Brown: Thanks both. What helps recovery work in your services?

00:00:06.500 --> 00:00:25.000
Tom Okafor: For us it's the recovery college. Staff go on the same courses as the tenants.

00:00:25.500 --> 00:00:40.000
Anita Shah (she/her): I'd add the peer workers. People believe someone who has been there.

00:00:40.500 --> 00:00:45.000
Kate Brown: And what gets in the way?

00:00:45.500 --> 00:01:05.000
Anita Shah (she/her): Money, honestly. The contract rate hasn't gone up in four years.

00:01:05.500 --> 00:01:20.000
Tom Okafor: And the stigma in the community. Our tenants are turned away from the gym.

00:01:20.500 --> 00:01:25.000
Kate Brown: How do commissioners judge your work?

00:01:25.500 --> 00:01:40.000
Tom Okafor: On hours and incidents, never on whether anyone's life got better.
"""

WARNING = (
    "Joint interview 13+14.vtt: Table 2 and the framework matrix cite its "
    "speakers by the names they are labelled with ('Tom Okafor', 'Anita Shah (she/her)'): "
    "pseudonymise first (roqa pseudonymise FILES --key KEY.csv --out DIR, then code the "
    "copies; or roqa code --pseudonymise KEY.csv)"
)


def study(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "Joint interview 13+14.vtt").write_text(JOINT, encoding="utf-8")
    (folder / "P16.txt").write_text(
        "Interviewer: What helps?\n\nP16: A manager who trusts my judgement.\n\n"
        "Interviewer: What gets in the way?\n\nP16: Short contracts.\n",
        encoding="utf-8",
    )
    return folder


def warned(err: str) -> list[str]:
    """The warning lines of speakers cited by name, from the file's name on (`roqa code` names
    the transcript by its path, as its other warnings do)."""
    lines = [line for line in err.splitlines() if "by the names they are labelled" in line]
    assert all(line.startswith("roqa: warning: ") for line in lines), lines
    return [line[line.index("Joint interview") :] for line in lines]


def test_roqa_code_and_report_warn_once_of_speakers_cited_by_name(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    out = tmp_path / "coded"
    run = roqa("code", study(tmp_path), "--out", out, "--model", tiny_model_dir)
    assert run.code == 0, run.err
    assert warned(run.err) == [WARNING]
    table = tmp_path / "t2.csv"
    run = roqa("report", out, "--table", table, "--out", tmp_path / "report.html")
    assert run.code == 0, run.err
    assert warned(run.err) == [WARNING]
    # said to Python, the call too (docs/python.md; session 84: the commands alone)
    from roqa_nlp import CodingResult
    from roqa_nlp.errors import RoqaWarning
    from roqa_nlp.report import render_report

    with pytest.warns(RoqaWarning) as said:
        render_report(CodingResult.read(out))
    cited = [str(w.message) for w in said if "by the names they are labelled" in str(w.message)]
    assert [m[m.index("Joint interview") :] for m in cited] == [
        WARNING.removesuffix(")")
        + "; in Python, ac.code(FILES, pseudonyms=PseudonymKey.read('KEY.csv')))"
    ]
    assert "Tom Okafor" in table.read_text("utf-8")  # what the warning is of


def test_no_warning_once_pseudonymised(tmp_path: Path, tiny_model_dir: Path) -> None:
    out = tmp_path / "coded"
    key = tmp_path / "private" / "key.csv"
    run = roqa(
        "code", study(tmp_path), "--out", out, "--model", tiny_model_dir, "--pseudonymise", key
    )
    assert run.code == 0, run.err
    assert warned(run.err) == []
    run = roqa("report", out, "--table", tmp_path / "t2.csv", "--out", tmp_path / "report.html")
    assert run.code == 0, run.err
    assert warned(run.err) == []
