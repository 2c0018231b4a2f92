"""The CLI's tables at ordinary and narrow terminal widths: ids, figures and intervals whole.

Terminal tester, session 45: at 80 columns `roqa agree` showed a kappa's interval as
``[0.03…``, `COLUMNS=40 roqa evaluate --per-code` code ids as ``C…``, `roqa suggest` ``PR.B…``.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from roqa_nlp.cli.tables import print_table, table
from roqa_nlp.codebook import Codebook
from test_cli_core import roqa

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "interviews"

#: Two coders, twelve units, code X and Y: bootstrap intervals on every pooled figure.
CSV = "unit,coder,code\n" + "".join(
    f"u{i},A,{a}\nu{i},B,{b}\n"
    for i, (a, b) in enumerate(
        [("X", "X"), ("X", "X"), ("X", ""), ("Y", "X"), ("", "Y"), ("Y", "Y"), ("X", "X")]
        + [("", "")] * 5,
        1,
    )
)


def rendered(t: object, width: int) -> str:
    from rich.console import Console

    con = Console(width=width, file=io.StringIO(), color_system=None)
    print_table(con, t)
    return con.file.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [80, 40, 20])
def test_short_columns_are_whole_and_text_columns_wrap(width: int) -> None:
    t = table("code", "construct", "n", "probability", text=("construct",), right=("n",))
    t.add_row(
        "IS.E.1", "Leadership Engagement of the Organisation's Key Stakeholders", "12", "0.539"
    )
    t.add_row("PR.B.3", "Champions", "3", "0.048")
    out = rendered(t, width)
    assert "…" not in out
    for cell in ("IS.E.1", "PR.B.3", "0.539", "0.048", "probability", " 12 "):
        assert cell in out
    # the text column wraps, and folds a word longer than it: all its text is there
    construct = [line.split("│")[2].strip() for line in out.splitlines() if line.count("│") == 5]
    text = " ".join(construct).replace("  ", " ")
    assert re.sub(r"\s", "", text) == re.sub(
        r"\s", "", "Leadership Engagement of the Organisation's Key Stakeholders Champions"
    )


@pytest.mark.parametrize("width", [80, 40])
def test_intervals_go_to_a_line_of_their_own_when_the_table_is_too_wide(width: int) -> None:
    t = table("coder", "kappa", "alpha", "AC1", "reading", intervals=("kappa", "alpha", "AC1"))
    t.add_row(
        "out1 (model)", "0.414 [0.038, 0.805]", "0.417 [0.043, 0.806]", "0.876 [0.8, 0.9]", "ok"
    )
    out = rendered(t, width)
    assert "…" not in out
    for cell in ("out1 (model)", "[0.038, 0.805]", "[0.043, 0.806]", "[0.8, 0.9]", "0.414"):
        assert cell in out
    assert "0.414 [0.038, 0.805]" not in out  # split: the table is wider than 40 or 80 at once


def test_a_table_that_fits_keeps_its_intervals_on_the_figures_line() -> None:
    t = table("statistic", "value", intervals=("value",))
    t.add_row("kappa", "0.414 [0.038, 0.805]")
    assert "│ kappa     │ 0.414 [0.038, 0.805] │" in rendered(t, 80)


@pytest.mark.parametrize("columns", ["80", "40"])
def test_agree_tables_show_every_interval_whole(
    columns: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv = tmp_path / "codings.csv"
    csv.write_text(CSV, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "300")
    code, wide, _ = roqa("agree", csv, "--by", "code", "--seed", "1")
    assert code == 0

    def in_tables(out: str) -> list[str]:
        rows = "\n".join(line for line in out.splitlines() if line.startswith("│"))
        return re.findall(r"\[\d[\d.%]*, \d[\d.%]*\]", rows)

    intervals = in_tables(wide)
    assert len(intervals) >= 8
    # a terminal (agree prints 160 columns wide to a pipe), without styling codes
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", columns)
    code, narrow, _ = roqa("agree", csv, "--by", "code", "--seed", "1")
    assert code == 0
    assert "…" not in narrow
    assert in_tables(narrow) == intervals
    assert "Gwet's AC1" in narrow and "Krippendorff's alpha" in narrow


def test_codebook_at_40_columns_shows_every_id_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    code, out, _ = roqa("codebook", "cfir-2009")
    assert code == 0
    assert "…" not in out
    ids = re.findall(r"^│ (\S+)\s+│", out, flags=re.M)
    assert ids == [c.id for c in Codebook.load("cfir-2009")]


def test_inspect_at_40_columns_shows_speakers_and_roles_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    code, out, _ = roqa("inspect", EXAMPLES)
    assert code == 0
    assert "…" not in out
    assert re.search(r"│ interviewer\s+│", out) and re.search(r"│ participant\s+│", out)


def test_suggest_and_evaluate_at_40_columns_show_ids_and_figures_whole(
    tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    code, out, err = roqa("suggest", "Our director champions recovery.", "--model", tiny_model_dir)
    assert code == 0, err
    assert "…" not in out
    rows = re.findall(r"^│ (\d) +│ (\S+) +│.*│ (\d\.\d{3}) +│$", out, flags=re.M)
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5"]
    book = Codebook.load("cfir-2009")
    assert all(book.find(r[1]) is not None for r in rows)
    labelled = Path(__file__).resolve().parent / "data" / "core" / "tiny_labelled.jsonl"
    code, out, err = roqa("evaluate", labelled, "--per-code", "--model", tiny_model_dir)
    assert code == 0, err
    assert "…" not in out
    per_code = re.findall(r"^│ ([A-Z]{2}\.[A-Z][.\d]*) +│", out, flags=re.M)
    assert per_code and all(book.find(c) is not None for c in per_code)
    assert "│ precision │" in out.replace("┃", "│")


def cells_of(out: str, code_id: str) -> list[list[str]]:
    """The cells of each line of ``code_id``'s row in a ``roqa codebook`` table."""
    lines = [line.split("│")[1:-1] for line in out.splitlines() if line.startswith("│")]
    start = next(i for i, cells in enumerate(lines) if cells[0].strip() == code_id)
    end = next((i for i in range(start + 1, len(lines)) if lines[i][0].strip()), len(lines))
    return [[c.strip() for c in cells] for cells in lines[start:end]]


def test_codebook_cfir_2022_gives_the_cfir_2009_column_up_before_the_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Hunt s65 h_book R2: the CFIR 2009 column squeezed `name` to 16 at 80 columns, so most
    names wrapped (85 -> 149 lines piped), and the table was 71 wide at COLUMNS=60. The column
    of ids gives way first, down to its longest id (one id a line), the names keep the rest;
    wide enough, the ids stay on one line."""
    names = {c.id: c.name for c in Codebook.load("cfir-2022")}
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = roqa("codebook", "cfir-2022")
    assert code == 0
    table = [line for line in out.splitlines() if line[:1] in "┏┃┡│└"]
    assert {len(line) for line in table} == {80}
    assert cells_of(out, "INS.K") == [
        ["INS.K", "Access to Knowledge &", "construct", "INS", "yes", "IS.E"],
        ["", "Information", "", "", "", "IS.E.3"],
    ]
    wrapped = [i for i in names if len(cells_of(out, i)) > 1 and cells_of(out, i)[1][1]]
    assert len(wrapped) == sum(len(n) > 23 for n in names.values()) == 17
    assert len(table) == 111  # 85 without the column, 149 with it squeezing the names
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = roqa("codebook", "cfir-2022")
    assert max(len(line) for line in out.splitlines() if line[:1] in "┏┃┡│└") == 67
    monkeypatch.setenv("COLUMNS", "100")  # 6 short: the ids wrap between them, names whole
    code, out, _ = roqa("codebook", "cfir-2022")
    assert cells_of(out, "IND.K") == [
        ["IND.K", "Capability", "construct", "IND", "yes", "CI.A,"],
        ["", "", "", "", "", "CI.B, CI.E"],
    ]
    assert len(cells_of(out, "INS.A.2")) == 1  # Information Technology Infrastructure
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = roqa("codebook", "cfir-2022")
    assert cells_of(out, "IND.K") == [
        ["IND.K", "Capability", "construct", "IND", "yes", "CI.A, CI.B, CI.E"]
    ]
