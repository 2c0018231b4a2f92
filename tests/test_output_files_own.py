"""An output file of a fixed kind (evaluate's --predictions, report's --matrix, --table and
--saturation tables, export's --qdpx and --qdc) replaces only a file roqa wrote as that kind
(or an empty one): any other file of the name is refused before anything is written.

Mistakes tester, session 52: `roqa evaluate gold.jsonl --predictions gold_typo.csv` replaced a
researcher's labelled records (text, construct, valence) with predictions, exit 0; `roqa report
coded --table gold_typo.csv` replaced them with Table 2 (keeping an .edited copy: the file at
its own path was gone); `roqa export coded --qdpx other.qdpx` replaced a text file of theirs,
and over an earlier export said nothing of replacing it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.cli import code_cmd
from test_cli_agree import run
from test_cli_output_guard import _refused, coded_study

LABELLED = "text,construct,valence\nWe never have the staff.,Available Resources,barrier\n"


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, Path]]:
    monkeypatch.chdir(tmp_path)
    coded, files = coded_study(tmp_path)
    Path("gold.jsonl").write_text(
        json.dumps({"text": "We never have the staff.", "construct": "Available Resources"}) + "\n",
        encoding="utf-8",
    )
    files["labelled"] = Path("gold_typo.csv")
    files["labelled"].write_text(LABELLED, encoding="utf-8")
    return coded, files


def _stopped_at_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def stopped(*args: object, **kwargs: object) -> None:
        raise RuntimeError("past the checks")

    monkeypatch.setattr(code_cmd, "_load_model", stopped)


def test_evaluate_refuses_predictions_over_a_file_of_labelled_records(study, capsys) -> None:
    _, files = study
    _refused(
        ["evaluate", "gold.jsonl", "--predictions", "gold_typo.csv"],
        "gold_typo.csv: --predictions would overwrite a file that is not predictions roqa wrote "
        "(give another file name)",
        capsys,
        files,
    )
    Path("mine.jsonl").write_text('{"text": "x", "construct": "NONE"}\n', encoding="utf-8")
    files["mine"] = Path("mine.jsonl")
    _refused(
        ["evaluate", "gold.jsonl", "--predictions", "mine.jsonl"],
        "mine.jsonl: --predictions would overwrite a file that is not predictions roqa wrote "
        "(give another file name)",
        capsys,
        files,
    )


def test_evaluate_replaces_its_own_earlier_predictions_and_empty_files(
    study, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stopped_at_the_model(monkeypatch)
    Path("p.csv").write_text(
        "\ufeff" + ",".join(code_cmd.PREDICTION_COLUMNS) + "\n", encoding="utf-8"
    )
    record = {"id": 1, "text": "x", "gold": [], "suggestions": [], "top1": False, "top3": False}
    Path("p.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    Path("empty.csv").write_bytes(b"")
    for name in ("p.csv", "p.jsonl", "empty.csv"):
        code, _, err = run(["evaluate", "gold.jsonl", "--predictions", name], capsys)
        assert code == 1 and "RuntimeError: past the checks" in err, (name, err)


@pytest.mark.parametrize("option", ["--table", "--matrix", "--saturation"])
def test_report_refuses_a_table_that_is_not_one_roqa_report_wrote(
    study, capsys, option: str
) -> None:
    _, files = study
    _refused(
        ["report", "coded", option, "gold_typo.csv"],
        f"gold_typo.csv: {option} would overwrite a file that is not a table roqa report wrote "
        "(give another file name)",
        capsys,
        files,
    )
    assert not Path("gold_typo.edited.csv").exists()


def test_report_replaces_its_own_table_as_before(study, capsys) -> None:
    for _ in range(2):
        code, _, err = run(["report", "coded", "--table", "t2.csv"], capsys)
        assert (code, err) == (0, "")
    assert Path("t2.csv").read_text("utf-8-sig").startswith("domain_id,domain,code_id,")


@pytest.mark.parametrize(("option", "name"), [("--qdpx", "other.qdpx"), ("--qdc", "other.qdc")])
def test_export_refuses_a_file_of_the_name_that_is_no_qda_file(
    study, capsys, option: str, name: str
) -> None:
    _, files = study
    files["fake"] = Path(name)
    files["fake"].write_text("fakeqdpx\n", encoding="utf-8")
    kind = "project" if option == "--qdpx" else "codebook"
    _refused(
        ["export", "coded", option, name],
        f"{name}: {option} would overwrite a file roqa did not write (not a REFI-QDA {kind}) "
        "(give another file name)",
        capsys,
        files,
    )


def test_export_says_it_replaced_an_earlier_export(study, capsys) -> None:
    code, out, err = run(["export", "coded", "--qdpx", "p.qdpx", "--qdc", "c.qdc"], capsys)
    assert (code, err) == (0, "")
    assert [line.split(":")[0] for line in out.splitlines()] == ["wrote p.qdpx", "wrote c.qdc"]
    code, out, err = run(["export", "coded", "--qdpx", "p.qdpx", "--qdc", "c.qdc"], capsys)
    assert (code, err) == (0, "")
    assert [line.split(":")[0] for line in out.splitlines()] == [
        "replaced p.qdpx (an earlier export)",
        "replaced c.qdc (an earlier export)",
    ]


def test_export_given_nothing_asks_for_the_codings_and_where_to_write_them(study, capsys) -> None:
    """Mistakes tester, session 52: `roqa export` alone said `nothing to write (give --qdpx
    ...)`, not that the codings are what to export."""
    code, out, err = run(["export"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "roqa: error: nothing to export (give the codings and a file to write: roqa export "
        "coded/ --qdpx OUT.qdpx, or --qdc OUT.qdc for the codebook alone)\n"
    )
    code, out, err = run(["export", "coded"], capsys)
    assert (code, err) == (2, "roqa: error: nothing to write (give --qdpx OUT.qdpx and/or --qdc "
                                 "OUT.qdc)\n")  # fmt: skip
