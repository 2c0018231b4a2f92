"""Specification: a long table's ``NONE`` (and the other no-code spellings labelled records
accept) is a unit coded with nothing, as an empty code cell is, not a code named "NONE"; so is
what a spreadsheet leaves for nothing (``N/A``, ``n/a``, ``-``: data/spreadsheet_blanks.txt),
with a note counting those cells."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.coding_agreement import agreement_report, read_long_csv
from roqa_nlp.errors import RoqaWarning

#: s1 agree (Culture); s2 ann Available Resources, ben Culture; s3 ann NONE, ben Leadership
#: Engagement; s4 both coded nothing ("none", "No code")
LONG = (
    "unit,coder,code\n"
    "s1,ann,Culture\ns1,ben,Culture\n"
    "s2,ann,Available Resources\ns2,ben,Culture\n"
    "s3,ann,NONE\ns3,ben,Leadership Engagement\n"
    "s4,ann,none\ns4,ben,No code\n"
)


def test_none_in_a_long_table_is_coded_with_nothing(tmp_path: Path) -> None:
    """Before: 4 codes (NONE, none, No code merged or not) and pooled kappa 0.111 or lower.
    After: 3 codes over 4 units, so 12 present/absent decisions per coder.
    Agreement: s1 3, s2 1 (Leadership Engagement), s3 2, s4 3: 9/12 = 0.75.
    ann says present 2 times of 12, ben 3: p_e = (2/12)(3/12) + (10/12)(9/12) = 96/144 = 2/3;
    kappa = (0.75 - 2/3) / (1 - 2/3) = 0.25. s4 (nothing from both) is outside 'coded'."""
    p = tmp_path / "long.csv"
    p.write_text(LONG, encoding="utf-8")
    cu = read_long_csv(p)
    assert sorted(cu.codes) == ["Available Resources", "Culture", "Leadership Engagement"]
    report = agreement_report(cu, n_boot=0)
    pooled = report.pooled["all"]
    assert pooled.n_units == 4
    assert pooled.percent_agreement == pytest.approx(0.75)
    assert pooled.kappa == pytest.approx(0.25)
    assert report.pooled["coded"].n_units == 3


def test_none_with_a_code_in_one_cell_reads_the_code(tmp_path: Path) -> None:
    """As a QDA passage coded with a NONE node and a code (hunt s79 L5): the code is compared,
    and the row is listed for the warning. Before, the cell was an error, and the passage of the
    same codings in a .qdpx read as the code."""
    p = tmp_path / "long.csv"
    p.write_text("unit,coder,code\ns1,ann,NONE; Culture\ns1,ben,Culture\n", encoding="utf-8")
    # said by read_long_csv itself, as the comma cells are (hunt s80 F4: only the CLI said it)
    with pytest.warns(RoqaWarning) as said:
        cu = read_long_csv(p)
    assert [str(w.message) for w in said] == [
        f"{p}: ann gave a code and NONE in one cell on 1 row (line 2 'NONE; Culture'): only the "
        "code is compared there, as if the NONE were not given (as on a QDA passage coded with "
        "NONE and a code); to say nothing applies, give NONE alone"
    ]
    assert cu.codings["ann"] == {"s1": frozenset({"Culture"})}
    assert cu.none_beside_codes == [("ann", "line 2", "NONE; Culture")]
    assert cu.none_rows_beside_codes == []
    assert cu.blank_cells == {}


def test_none_on_its_own_row_beside_a_code_row_of_the_unit_is_said(tmp_path: Path) -> None:
    """NONE on a row of its own beside a row coding the same unit for the same coder (spelled
    "Ben" and "ben ", one coder) is taken off as in one cell, and said, naming both rows (hunt
    s80 F1: dropped silently, while the one cell and the .qdpx warned). A NONE alone on its unit
    is a unit coded with nothing, and recorded as NONE given (hunt s80 F8)."""
    p = tmp_path / "long.csv"
    p.write_text(
        "unit,coder,code\nu1,Ana,Cost\nu1,Ben,NONE\nu1,ben ,Cost\nu2,Ana,Culture\n"
        "u2,Ben,Culture\nu3,Ana,Culture\nu3,Ben,NONE\nu4,Ana,Cost\nu4,Ben,\n",
        encoding="utf-8",
    )
    with pytest.warns(RoqaWarning) as said:
        cu = read_long_csv(p)
    assert [str(w.message) for w in said] == [
        f"{p}: Ben gave NONE on a row of its own beside a code of the same unit on 1 row (line 3 "
        "'NONE' beside line 4 'Cost'): only the code is compared there, as if the NONE were not "
        "given (as on a QDA passage coded with NONE and a code); to say nothing applies, give "
        "NONE alone"
    ]
    assert cu.none_rows_beside_codes == [("Ben", "line 3", "NONE", "line 4", "Cost")]
    assert cu.none_beside_codes == []
    assert cu.none_given == {"Ben": {"u1", "u3"}}
    assert cu.codings["Ben"] == {
        "u1": frozenset({"Cost"}),
        "u2": frozenset({"Culture"}),
        "u3": frozenset(),
        "u4": frozenset(),
    }


#: the tester's messy/na.csv (blind tester, session 50, finding 2): N/A, n/a and - in the code
#: column, where only RM01:01 (Cost) and RM01:04 (Culture) hold codes
NA_CELLS = (
    "unit,coder,code,valence\n"
    "RM01:01,Ana,Cost,barrier\nRM01:01,Ben,Cost ,barrier\n"
    "RM01:02,Ana,N/A,\nRM01:02,Ben,,\n"
    "RM01:03,Ana,  ,barrier\nRM01:03,Ben,-,\n"
    "RM01:04,Ana,Culture,enabler\nRM01:04,Ben,Culture,enabler\n"
    "RM01:05,Ana,n/a,\nRM01:05,Ben,N/A,\n"
)


def test_a_spreadsheets_blank_words_are_no_code(tmp_path: Path) -> None:
    """Before: 'N/A' (= 'n/a') and '-' were codes: 4 codes, 5 units coded by someone, and a
    code row printed as '-'. After: 2 codes, and the coders agree on all 10 unit-code
    decisions (kappa 1)."""
    p = tmp_path / "na.csv"
    p.write_text(NA_CELLS, encoding="utf-8")
    cu = read_long_csv(p)
    assert cu.codes == ["Cost", "Culture"]
    assert cu.codings["Ana"] == {
        "RM01:01": frozenset({"Cost"}),
        "RM01:02": frozenset(),
        "RM01:03": frozenset(),
        "RM01:04": frozenset({"Culture"}),
        "RM01:05": frozenset(),
    }
    assert cu.codings["Ben"] == cu.codings["Ana"]
    assert cu.blank_cells == {"N/A": 2, "-": 1, "n/a": 1}
    report = agreement_report(cu, n_boot=0)
    assert report.n_units == {"total": 5, "all": 5, "coded": 2}
    assert (report.pooled["all"].percent_agreement, report.pooled["all"].kappa) == (1.0, 1.0)


@pytest.mark.parametrize("cell", ["NA", "n.a.", "--", "\u2014", "nan", "Not applicable"])
def test_other_blank_spellings_are_no_code(tmp_path: Path, cell: str) -> None:
    p = tmp_path / "long.csv"
    p.write_text(f"unit,coder,code\ns1,ann,{cell}\ns1,ben,Culture\n", encoding="utf-8")
    cu = read_long_csv(p)
    assert (cu.codings["ann"], cu.blank_cells) == ({"s1": frozenset()}, {cell: 1})


def test_a_blank_word_with_a_code_in_one_cell_reads_the_code(tmp_path: Path) -> None:
    p = tmp_path / "long.csv"
    p.write_text("unit,coder,code\ns1,ann,N/A; Culture\ns1,ben,Culture\n", encoding="utf-8")
    with pytest.warns(RoqaWarning, match=r"ann gave a code and NONE in one cell on 1 row \(line 2"):
        cu = read_long_csv(p)
    assert cu.codings["ann"] == {"s1": frozenset({"Culture"})}
    assert cu.none_beside_codes == [("ann", "line 2", "N/A; Culture")]
    assert cu.blank_cells == {}


def test_roqa_agree_reads_none_beside_a_code_as_a_qdpx_does(tmp_path: Path, capsys) -> None:
    """The same codings as a long table and as a .qdpx give the same figures: NONE beside a
    code is taken off, said in a warning in each (hunt s79 L5: the table refused 'NONE; Cost'
    while the .qdpx dropped the NONE silently)."""
    from agree_helpers import ANA, agree, two_users_qdpx

    first = ANA[0]
    ben = [*ANA, (first[0], first[1], "NONE")]
    qdpx = two_users_qdpx(tmp_path / "p.qdpx", {"Ana": ANA, "Ben": ben})
    code, by_qdpx, _, err = agree(tmp_path, capsys, str(qdpx))
    assert code == 0 and by_qdpx is not None, err
    rows = "".join(
        f"a{k},Ana,{c}\na{k},{'Ben' if k else 'ben '},{'NONE; ' if k == 0 else ''}{c}\n"
        for k, (_, _, c) in enumerate(ANA)
    )
    table = tmp_path / "long.csv"
    table.write_text("unit,coder,code\n" + rows, encoding="utf-8")
    code, by_table, _, err = agree(tmp_path, capsys, str(table))
    assert code == 0 and by_table is not None, err
    said = (
        "Ben gave a code and NONE in one cell on 1 row (line 3 'NONE; Available Resources'): "
        "only the code is compared there, as if the NONE were not given (as on a QDA passage "
        "coded with NONE and a code); to say nothing applies, give NONE alone"
    )
    assert f"roqa: warning: {table}: {said}" in " ".join(err.split())
    assert f"{table}: {said}" in by_table["notes"]
    for data in (by_qdpx, by_table):
        assert data["n_units"]["coded"] == 3
        assert data["pooled"]["coded"]["kappa"] == 1.0


def test_roqa_agree_says_how_many_cells_were_read_as_no_code(tmp_path: Path, capsys) -> None:
    from test_cli_agree import run

    p = tmp_path / "na.csv"
    p.write_text(NA_CELLS, encoding="utf-8")
    out_json = tmp_path / "a.json"
    code, out, err = run(["agree", str(p), "--by", "code", "--json", str(out_json)], capsys)
    assert code == 0, err
    note = (
        "4 code cells holding a spreadsheet's blank are read as no code, as NONE is: "
        "'N/A' (2), '-' (1), 'n/a' (1)"
    )
    data = json.loads(out_json.read_text("utf-8"))
    assert note in data["notes"]
    assert [c["code"] for c in data["per_code"]] == ["Cost", "Culture"]
    flat = " ".join(out.split())
    assert f"Note: {note}." in flat
    assert "2 coders: Ana, Ben; 5 units, 2 coded by someone; 2 codes used." in flat
    assert "counted as one code" not in flat


def test_a_refusal_comes_alone_without_the_tables_warnings(tmp_path: Path) -> None:
    """Hunt s80 F5: the warning on 'NONE; Cost' was printed before the refusal (one coder; a
    second table not read), so the refusal was no longer one line."""
    from test_cli_core import roqa

    one = tmp_path / "one_coder.csv"
    one.write_text("unit,coder,code\nu1,Ben,NONE; Cost\nu2,Ben,Cost\n", encoding="utf-8")
    run = roqa("agree", one)
    assert (run.code, run.err) == (
        2,
        "roqa: error: agreement needs at least two coders, the inputs hold 1 (Ben) (give one "
        "input per coder, or a CSV with several coders)\n",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("unit,coder,label\nu1,Ana,Cost\n", encoding="utf-8")
    run = roqa("agree", one, bad)
    assert (run.code, run.err) == (
        2,
        f"roqa: error: {bad}: has no 'code' column (found: unit, coder, label) (the first line "
        "must name the columns unit, coder and code)\n",
    )
    # read, two coders: the warning is said
    two = tmp_path / "two.csv"
    two.write_text(one.read_text(encoding="utf-8") + "u1,Ana,Cost\nu2,Ana,Cost\n", "utf-8")
    run = roqa("agree", two, "--n-boot", "0")
    assert run.code == 0, run.err
    assert run.err.startswith(f"roqa: warning: {two}: Ben gave a code and NONE in one cell")
