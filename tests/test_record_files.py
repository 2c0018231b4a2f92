"""Specification of labelled records kept in a spreadsheet (.csv, .tsv, .xlsx) rather than JSONL.

A researcher's coded quotes usually live in Excel: ``roqa evaluate``, ``roqa train`` and
``AutoCoder.fit``/``evaluate`` read them as they read JSON Lines, with a header row, several codes
in one cell separated by ``;`` and ``NONE`` for talk that fits no code; an empty code cell is an
error naming the row, never "fits no code".
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from hostile_files import XML_ATTACKS, replace_members, xml_attack
from roqa_nlp.codebook import Codebook
from roqa_nlp.errors import RoqaError
from roqa_nlp.evaluation import load_evaluation_set
from roqa_nlp.record_files import read_records
from roqa_nlp.training import load_training_set
from test_cli_core import assert_success, roqa

CFIR = Codebook.load("cfir-2009")
HEADER = ["ID", "Text", "Construct", "Valence", "Coder note"]
ROWS = [
    ["q1", "We never have the staff to cover the rota.", "Available Resources", "barrier", "x"],
    [
        "q2",
        "Our manager backs it; she chairs the group.",
        "Leadership Engagement; Champions",
        "",
        "",
    ],
    ["q3", "Lovely weather today.", "NONE", "", ""],
]
#: what each row reads as
CODES = [["IS.E.2"], ["IS.E.1", "PR.B.3"], []]
TEXTS = [r[1] for r in ROWS]


def csv_text(rows: list[list[str]], sep: str = ",") -> str:
    def cell(v: str) -> str:
        return f'"{v}"' if sep in v or '"' in v else v

    return "".join(sep.join(cell(v) for v in r) + "\n" for r in rows)


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for r in rows:
        book.active.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("gold.csv", csv_text([HEADER, *ROWS])),
        (
            "gold.csv",
            "\ufeff" + csv_text([HEADER, *ROWS], ";"),
        ),  # Excel's CSV where 0,5 is a number
        ("gold.tsv", csv_text([HEADER, *ROWS], "\t")),
        ("gold.xlsx", xlsx_bytes([HEADER, *ROWS])),
    ],
)
def test_a_spreadsheet_reads_as_the_same_records(tmp_path: Path, name: str, content) -> None:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    ts = load_evaluation_set(p, CFIR)
    assert ts.texts == TEXTS
    assert ts.codes == CODES
    assert ts.ids == ["q1", "q2", "q3"]
    assert ts.valences == ["barrier", "", ""]  # an empty valence cell is "not stated"


def test_rows_are_numbered_as_the_spreadsheet_shows_them(tmp_path: Path) -> None:
    p = tmp_path / "gold.csv"
    p.write_text(
        csv_text([["text", "codes"], ["A.", "Culture"], ["", ""], ["B.", "Cost; Culture"]])
    )
    assert read_records(p) == [
        (2, {"text": "A.", "codes": "Culture"}),
        (4, {"text": "B.", "codes": ["Cost", "Culture"]}),
    ]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [["Text", "Construct"], ["No money.", "Cost"], ["Hello.", ""]],
            "row 3 has an empty `construct` cell (give a code name, several separated by ';', "
            "or NONE for talk that fits no code)",
        ),
        (
            [["Quote", "Construct"], ["No money.", "Cost"]],
            "has no `text` column in its header row (give a header row with a `text` column and "
            "a `construct` (or `codes`) column: a code name, several separated by ';', or NONE)",
        ),
        ([["Text", "Theme"], ["No money.", "Cost"]], "has no `construct` or `codes` column"),
        (
            [["Text", "Construct"], ["No money.", "Budget"]],
            ", row 2: unknown code 'Budget' in codebook 'cfir-2009'",
        ),
    ],
)
def test_spreadsheet_mistakes_are_one_line_errors_naming_the_row(
    tmp_path: Path, rows: list[list[str]], message: str
) -> None:
    p = tmp_path / "gold.csv"
    p.write_text(csv_text(rows))
    with pytest.raises(RoqaError) as err:
        load_evaluation_set(p, CFIR)
    sep = "" if message.startswith(",") else ": "
    assert str(err.value).startswith(f"{p}{sep}{message}")
    assert "\n" not in str(err.value)


def test_a_file_named_xlsx_that_is_no_workbook_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "gold.xlsx"
    p.write_text("text,construct\n")
    with pytest.raises(RoqaError, match=r"gold.xlsx: is not an Excel .xlsx file \(save it as"):
        read_records(p)


@pytest.mark.parametrize("attack", XML_ATTACKS)
def test_a_hostile_workbook_is_refused_before_openpyxl_reads_it(tmp_path: Path, attack) -> None:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    p = tmp_path / "gold.xlsx"
    sheet = xml_attack(attack, "worksheet", ns)
    p.write_bytes(replace_members(xlsx_bytes([["text", "construct"]]), {"xl/workbook.xml": sheet}))
    with pytest.raises(RoqaError, match=r"gold.xlsx:xl/workbook.xml"):
        read_records(p)


def test_a_training_folder_reads_its_spreadsheets_beside_its_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "Rules.", "codes": ["Culture"]}) + "\n")
    (tmp_path / "b.xlsx").write_bytes(xlsx_bytes([HEADER, *ROWS]))
    (tmp_path / "~$b.xlsx").write_bytes(b"Excel's lock file")  # skipped, as Excel leaves it
    (tmp_path / "notes.md").write_text("not records")
    ts = load_training_set(tmp_path, CFIR, descriptions=False)
    assert ts.texts == ["Rules.", *TEXTS]
    assert ts.codes == [["IS.C"], *CODES]
    # a coded record without a valence is no valence example (session 39: not learnt as
    # neutral); a record that fits no code stays neutral
    assert ts.valences == ["", "barrier", "", "neutral"]


def test_roqa_evaluate_reads_a_csv(tiny_model_dir: Path, tmp_path: Path) -> None:
    p = tmp_path / "gold.csv"
    p.write_text(csv_text([HEADER, *ROWS]))
    out = tmp_path / "m.json"
    assert_success(roqa("evaluate", p, "--model", tiny_model_dir, "--json", out))
    m = json.loads(out.read_text("utf-8"))
    assert (m["n"], m["n_coded"], m["n_none"]) == (3, 2, 1)


def test_a_dataframe_reads_as_a_spreadsheet_does() -> None:
    pd = pytest.importorskip("pandas")
    from roqa_nlp.training import as_labelled_set, as_training_set

    df = pd.DataFrame([dict(zip(HEADER, r)) for r in ROWS])
    df.loc[1, "Valence"] = None  # a missing cell, NaN in pandas
    ts = as_labelled_set(df, CFIR)
    assert (ts.texts, ts.codes, ts.ids) == (TEXTS, CODES, ["q1", "q2", "q3"])
    assert ts.valences == ["barrier", "", ""]
    listed = pd.DataFrame({"text": ["A.", "B."], "codes": [["Cost", "Culture"], []]})
    assert as_training_set(listed, CFIR, descriptions=False).codes == [["IC.H", "IS.C"], []]
    df.loc[2, "Construct"] = None
    with pytest.raises(RoqaError) as err:
        as_labelled_set(df, CFIR)
    assert str(err.value).startswith("labelled records: record 3 has an empty `construct` cell")


def test_roqa_evaluate_writes_its_predictions_as_a_spreadsheet(
    tiny_model_dir: Path, tmp_path: Path
) -> None:

    from roqa_nlp.cli.code_cmd import PREDICTION_COLUMNS

    p = tmp_path / "gold.csv"
    p.write_text(csv_text([HEADER, *ROWS]))
    out = tmp_path / "errors.csv"
    assert_success(roqa("evaluate", p, "--model", tiny_model_dir, "--predictions", out))
    text = out.read_text("utf-8")
    assert text.startswith("\ufeff")  # Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert tuple(rows[0]) == PREDICTION_COLUMNS
    assert [r["text"] for r in rows] == TEXTS
    assert [(r["gold"], r["gold_names"]) for r in rows] == [
        ("IS.E.2", "Available Resources"),
        ("IS.E.1; PR.B.3", "Leadership Engagement; Champions"),
        ("NONE", "NONE"),  # as the input writes talk that fits no code (empty = not coded)
    ]
    assert [r["gold_valence"] for r in rows] == ["barrier", "", ""]
    for r in rows:
        # flags as codings.csv writes them (True/False until the docs tester of session 58)
        assert r["top1"] == str(r["code_1"] in r["gold"].split("; ")).lower()
        assert (
            r["top3"]
            == str(
                bool({r["code_1"], r["code_2"], r["code_3"]} & set(r["gold"].split("; ")))
            ).lower()
        )
        assert {r["novel"], r["procedural"], r["off_topic"]} <= {"true", "false"}
        assert (
            1 >= float(r["probability_1"]) >= float(r["probability_2"]) >= float(r["probability_3"])
        )


def test_a_jsonl_code_string_holds_several_codes_as_a_spreadsheet_cell_does(
    tmp_path: Path,
) -> None:
    # the same cell, "Available Resources; External Policy & Incentives", in both kinds of file
    # (the tester's repro: JSON Lines said "unknown code", the CSV scored both codes)
    record = {"text": "We lost six support workers.", "construct": "Cost; Culture"}
    jsonl = tmp_path / "gold.jsonl"
    jsonl.write_text(json.dumps(record) + "\n", encoding="utf-8")
    sheet = tmp_path / "gold.csv"
    sheet.write_text(csv_text([["text", "construct"], list(record.values())]), encoding="utf-8")
    assert load_evaluation_set(jsonl, CFIR).codes == [["IC.H", "IS.C"]]
    assert load_evaluation_set(sheet, CFIR).codes == [["IC.H", "IS.C"]]
    assert load_training_set(jsonl, CFIR, descriptions=False).codes == [["IC.H", "IS.C"]]


@pytest.mark.parametrize("name", ["gold.jsonl", "gold.csv"])
def test_a_code_cell_of_separators_alone_is_empty_not_none(tmp_path: Path, name: str) -> None:
    p = tmp_path / name
    if name.endswith(".jsonl"):
        p.write_text(json.dumps({"text": "Hello.", "construct": " ; "}) + "\n")
    else:
        p.write_text(csv_text([["text", "construct"], ["Hello.", " ; "]]))
    with pytest.raises(RoqaError) as err:
        load_evaluation_set(p, CFIR)
    item = "line 1" if name.endswith(".jsonl") else "row 2"
    assert f": {item} has an empty" in str(err.value)


def test_predictions_spreadsheet_gives_every_probability_to_6_decimals() -> None:
    """errors.csv wrote `6.7e-05` where docs/cli.md says every probability is given to 6
    decimals (s51 docs, finding 4): each is written fixed, 0.000067, as a spreadsheet reads it."""
    from roqa_nlp.cli.code_cmd import PREDICTION_COLUMNS, _prediction_rows

    record = {
        "id": "my_quotes-2",
        "text": "We lost six support workers.",
        "gold": ["IS.E.2"],
        "top1": True,
        "top3": True,
        "suggestions": [
            {"code": "IS.E.2", "name": "Available Resources", "probability": 0.9},
            {"code": "IS.E.1", "name": "Leadership Engagement", "probability": 6.7e-05},
        ],
        "gold_valence": "barrier",
        "valence": "barrier",
        "novel": False,
        "procedural": False,
        "novelty_p": 0.5,
        "off_framework_p": 6.7e-05,
    }
    header, row = _prediction_rows([record], CFIR)
    cells = dict(zip(header, row, strict=True))
    assert tuple(header) == PREDICTION_COLUMNS
    assert [cells[c] for c in ("probability_1", "probability_2", "probability_3")] == [
        "0.900000",
        "0.000067",
        "",
    ]
    assert (cells["novelty_p"], cells["off_framework_p"]) == ("0.500000", "0.000067")


def test_predictions_spreadsheet_writes_flags_as_codings_csv_does() -> None:
    """errors.csv wrote `True`/`False` where codings.csv writes `true`/`false` (s58 docs
    tester, finding 7): one rule for a flag in every CSV roqa writes."""
    from roqa_nlp.cli.code_cmd import _prediction_rows
    from roqa_nlp.io import spreadsheet_csv

    record = {
        "id": "my_quotes-2",
        "text": "Can you hear me?",
        "gold": ["NONE"],
        "top1": False,
        "top3": False,
        "suggestions": [{"code": "IS.E.2", "name": "Available Resources", "probability": 0.2}],
        "novel": True,
        "procedural": False,
        "off_topic": False,
        "novelty_p": 0.01,
        "off_framework_p": 0.9,
    }
    rows = list(csv.DictReader(io.StringIO(spreadsheet_csv(_prediction_rows([record], CFIR)))))
    flags = ("top1", "top3", "novel", "procedural", "off_topic")
    assert [rows[0][c] for c in flags] == ["false", "false", "true", "false", "false"]
