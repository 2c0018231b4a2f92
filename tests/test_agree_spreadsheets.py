"""Specification of ``roqa agree``'s long table (unit, coder, code) as spreadsheets leave it.

A tester edited the table in spreadsheet programs (session 41): codes typed with a comma between
them (``IS.C, IS.D.2``, as people type them in Excel) were one code, and pooled kappa fell from
0.744 to 0.194 with no word; the .xlsx, .tsv and UTF-16 "Unicode text" tables the decisions and
records readers take were refused; and units Excel had stripped of their leading zeros (``0001``
become ``1``) in some rows were left out with a note that did not say why.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.coding_agreement import agreement_report, read_long_csv
from roqa_nlp.errors import RoqaError, RoqaWarning
from test_cli_agree import run

#: Two coders, four units, codes typed with commas between them in Ann's u1 and Ben's u3.
COMMAS = (
    "unit,coder,code\n"
    'u1,ann,"IS.C, IS.D.2"\nu1,ben,IS.C\nu1,ben,IS.D.2\n'
    "u2,ann,IS.C\nu2,ben,IS.C\n"
    'u3,ann,\nu3,ben,"IS.D.2,IS.C"\n'
    "u4,ann,OS.A\nu4,ben,OS.A\n"
)
#: Read as 3 codes (IS.C, IS.D.2, OS.A) x 4 units = 12 decisions, 10 agree (Ben alone has IS.C
#: and IS.D.2 on u3); Ann applied 4 codes, Ben 6: p_e = 1/3 * 1/2 + 2/3 * 1/2 = 1/2, kappa
#: (10/12 - 1/2) / (1/2) = 2/3. Read as two combined codes, 5 codes x 4 units = 20 decisions, 16
#: agree, Ann 3 and Ben 5: p_e = 3/20 * 5/20 + 17/20 * 15/20 = 27/40, kappa (4/5 - 27/40) /
#: (13/40) = 5/13 (0.385).
KAPPA_COMMAS = 2 / 3


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding, newline="")
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def one_line(text: str) -> str:
    return " ".join(text.split())


# -- codes typed with commas between them ----------------------------------------------------------


def test_codes_typed_with_commas_are_several_codes_when_each_is_a_known_code(tmp_path) -> None:
    """Known in a built-in codebook when other inputs (roqa results) code in one."""
    cu = read_long_csv(write(tmp_path / "c.csv", COMMAS), builtin_commas=True)
    assert cu.codes == ["IS.C", "IS.D.2", "OS.A"]
    assert cu.codes_of("ann", "u1") == {"IS.C", "IS.D.2"}
    assert cu.codes_of("ben", "u3") == {"IS.C", "IS.D.2"}
    assert agreement_report(cu, n_boot=0).pooled["all"].kappa == pytest.approx(KAPPA_COMMAS)
    assert cu.comma_cells_split == 2


def test_code_names_typed_with_commas_are_several_codes(tmp_path) -> None:
    """CFIR 2009 names, kept as written (no codebook given), as their ids are."""
    p = write(
        tmp_path / "c.csv",
        'unit,coder,code\nu1,A,"Culture, Available Resources , Cost"\nu1,B,Culture\n',
    )
    cu = read_long_csv(p, builtin_commas=True)
    assert cu.codes_of("A", "u1") == {"Culture", "Available Resources", "Cost"}


def test_commas_and_semicolons_in_one_cell_both_separate_codes(tmp_path) -> None:
    p = write(tmp_path / "c.csv", 'unit,coder,code\nu1,A,"IS.C, IS.D.2; OS.A"\nu1,B,IS.C\n')
    cu = read_long_csv(p, builtin_commas=True)
    assert cu.codes_of("A", "u1") == {"IS.C", "IS.D.2", "OS.A"}


def test_codes_typed_with_commas_are_resolved_in_the_codebook(tmp_path) -> None:
    p = write(tmp_path / "c.csv", 'unit,coder,code\nu1,A,"culture, IS.E.1"\nu1,B,IS.C\n')
    cu = read_long_csv(p, codebook=Codebook.load("cfir-2009"))
    assert cu.codes_of("A", "u1") == {"IS.C", "IS.E.1"}


def test_a_code_whose_name_has_a_comma_stays_one_code(tmp_path) -> None:
    """The whole name wins over its parts, though each part is a code of the codebook too."""
    book = tmp_path / "book.json"
    book.write_text(
        json.dumps(
            {
                "id": "my-study",
                "name": "My study",
                "codes": [
                    {"id": "D", "name": "Domain", "level": "domain", "codable": False},
                    {"id": "T", "name": "Time", "level": "construct", "parent": "D"},
                    {"id": "M", "name": "Money", "level": "construct", "parent": "D"},
                    {"id": "TM", "name": "Time, money", "level": "construct", "parent": "D"},
                ],
            }
        ),
        encoding="utf-8",
    )
    p = write(tmp_path / "c.csv", 'unit,coder,code\nu1,A,"time, money"\nu1,B,"Time, Money"\n')
    cu = read_long_csv(p, codebook=Codebook.load(book))
    assert cu.codes_of("A", "u1") == {"TM"}
    assert cu.codes_of("B", "u1") == {"TM"}


def test_own_codes_typed_with_commas_are_kept_with_one_warning_naming_the_cell(tmp_path) -> None:
    """Codes of the coders' own, no codebook: the parts are no known codes, so the cell is not
    split on a guess, and the one warning names the first such cell and how many more."""
    p = write(
        tmp_path / "own.csv",
        "unit,coder,code\n"
        'u1,A,"Staff wellbeing, workload"\nu1,B,Staff wellbeing\n'
        'u2,A,"Rotas, Culture"\nu2,B,Rotas\n',
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cu = read_long_csv(p)
    assert [str(w.message) for w in caught if w.category is RoqaWarning] == [
        f"{p}: line 2: the code cell 'Staff wellbeing, workload' is read as one code, and so is "
        "1 more cell with a comma; ';' separates the codes of one cell, so if it holds several, "
        "write 'Staff wellbeing; workload'"
    ]
    assert cu.codes_of("A", "u1") == {"Staff wellbeing, workload"}
    assert cu.codes_of("A", "u2") == {"Rotas, Culture"}


def test_a_known_code_typed_with_commas_gives_no_warning(tmp_path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        read_long_csv(write(tmp_path / "c.csv", COMMAS), builtin_commas=True)


def test_an_unknown_code_typed_with_commas_says_semicolons_separate_codes(tmp_path) -> None:
    p = write(tmp_path / "c.csv", 'unit,coder,code\nu1,A,"IS.C, Rotas"\nu1,B,IS.C\n')
    with pytest.raises(RoqaError) as e:
        read_long_csv(p, codebook=Codebook.load("cfir-2009"))
    assert str(e.value) == (
        f"{p}: line 2: unknown code 'IS.C, Rotas' in codebook 'cfir-2009': it seems to hold "
        "several codes, of which 'IS.C' is one (';' separates the codes of one cell, but 'Rotas' "
        "is no code of cfir-2009: give the codes as 'IS.C; Rotas' with each a code id or name, "
        "or leave out the codebook to compare codes as written; `roqa codebook cfir-2009` lists "
        "the codes; in Python, load_codebook('cfir-2009').codes)"
    )


def test_a_comma_cell_with_a_typo_of_one_code_offers_the_cell_as_its_codes(tmp_path) -> None:
    """Before: "did you mean 'Networks & Communications'?", the codebook's nearest name to
    the whole cell, one of its two codes (session 57)."""
    p = write(tmp_path / "c.csv", 'unit,coder,code\nu1,A,"Cost, Netwroks & Communications"\n')
    with pytest.raises(RoqaError) as e:
        read_long_csv(p, codebook=Codebook.load("cfir-2009"))
    assert str(e.value) == (
        f"{p}: line 2: unknown code 'Cost, Netwroks & Communications' in codebook 'cfir-2009': "
        "it seems to hold several codes, of which 'Cost' is one (';' separates the codes of one "
        "cell: did you mean 'Cost; Networks & Communications'? `roqa codebook cfir-2009` lists "
        "the codes; in Python, load_codebook('cfir-2009').codes)"
    )


def test_agree_with_codes_typed_with_commas_gives_the_kappa_of_separate_codes(
    tmp_path, capsys
) -> None:
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(write(tmp_path / "c.csv", COMMAS)), "--json", str(out_path)]
        + ["--n-boot", "0", "--codebook", "cfir-2009"],
        capsys,
    )
    assert code == 0, err
    assert "3 codes used" in out
    assert (
        "2 code cells with commas read as several codes each, every part a code of codebook "
        "cfir-2009 (';' separates the codes of one cell)" in one_line(out)
    )
    data = json.loads(out_path.read_text("utf-8"))
    assert data["pooled"]["all"]["kappa"] == pytest.approx(KAPPA_COMMAS)


# -- the table as a spreadsheet saved it -----------------------------------------------------------

#: The rows of tests/test_cli_agree.py's CSV: pooled kappa 0.375 over all ten units.
ROWS = [
    ["u1", "A", "X"],
    ["u1", "B", "X"],
    ["u2", "A", "X"],
    ["u2", "B", "X"],
    ["u3", "A", "X"],
    ["u3", "B", ""],
    ["u4", "A", "Y"],
    ["u4", "B", "X"],
    ["u5", "A", ""],
    ["u5", "B", "Y"],
    *([f"u{i}", c, ""] for i in range(6, 11) for c in "AB"),
]
CODINGS = {
    "A": {"u1": {"X"}, "u2": {"X"}, "u3": {"X"}, "u4": {"Y"}, "u5": frozenset()},
    "B": {"u1": {"X"}, "u2": {"X"}, "u3": frozenset(), "u4": {"X"}, "u5": {"Y"}},
}


def as_text(delimiter: str, end: str = "\n") -> str:
    return end.join(delimiter.join(r) for r in [["unit", "coder", "code"], *ROWS]) + end


def table_files(tmp_path: Path) -> dict[str, Path]:
    return {
        "tsv": write(tmp_path / "t.tsv", as_text("\t")),
        # Excel's "Unicode text": UTF-16 with its byte order mark, tabs, CRLF
        "utf16": write(tmp_path / "t.txt", as_text("\t", "\r\n"), encoding="utf-16"),
        "xlsx": write_xlsx(tmp_path / "t.xlsx", [["unit", "coder", "code"], *ROWS]),
        # blank rows above the header, header in another case, a column of notes
        "xlsx_below": write_xlsx(
            tmp_path / "b.xlsx",
            [[], [None, None], ["Unit", "note", "CODER", "Code"]]
            + [[u, "n", c, k or None] for u, c, k in ROWS],
        ),
    }


@pytest.mark.parametrize("kind", ["tsv", "utf16", "xlsx", "xlsx_below"])
def test_the_table_is_read_from_what_decisions_and_records_are_read_from(tmp_path, kind) -> None:
    cu = read_long_csv(table_files(tmp_path)[kind])
    assert {c: {u: cu.codings[c][u] for u in CODINGS[c]} for c in cu.coders} == CODINGS
    assert len(cu.units) == 10


@pytest.mark.parametrize("kind", ["tsv", "utf16", "xlsx"])
def test_agree_takes_the_table_as_xlsx_tsv_or_unicode_text(tmp_path, capsys, kind) -> None:
    out_path = tmp_path / "a.json"
    code, _, err = run(
        ["agree", str(table_files(tmp_path)[kind]), "--json", str(out_path), "--n-boot", "0"],
        capsys,
    )
    assert code == 0, err
    assert json.loads(out_path.read_text("utf-8"))["pooled"]["all"]["kappa"] == pytest.approx(0.375)


def test_a_sheets_numbers_are_read_as_their_text(tmp_path) -> None:
    p = write_xlsx(tmp_path / "n.xlsx", [["unit", "coder", "code"], [1, "A", 2], [1, "B", 2.0]])
    cu = read_long_csv(p)
    assert cu.codings == {"A": {"1": {"2"}}, "B": {"1": {"2"}}}


def test_an_error_in_a_sheet_names_its_row(tmp_path) -> None:
    p = write_xlsx(tmp_path / "e.xlsx", [[], ["unit", "coder", "code"], ["u1", "A", "X"], ["u1"]])
    with pytest.raises(RoqaError) as e:
        read_long_csv(p)
    assert str(e.value) == (
        f"{p}: row 4 has an empty coder (every row needs a unit and a coder; leave only code "
        "empty for 'no code')"
    )


def test_a_sheet_without_the_columns_names_its_header_row(tmp_path) -> None:
    p = write_xlsx(tmp_path / "h.xlsx", [[], ["segment", "who", "what"], ["u1", "A", "X"]])
    with pytest.raises(RoqaError) as e:
        read_long_csv(p)
    assert str(e.value) == (
        f"{p}: has no 'unit', 'coder' or 'code' column (found: segment, who, what in the header row, "
        "row 2) (the first row that is not blank of the first sheet, the only one read, must name "
        "the columns unit, coder and code)"
    )


def test_a_spreadsheet_agree_cannot_read_says_what_to_save_it_as(tmp_path, capsys) -> None:
    p = tmp_path / "t.ods"
    p.write_bytes(b"PK\x03\x04")
    code, _, err = run(["agree", str(p)], capsys)
    assert code == 2
    assert one_line(err) == (
        f"roqa: error: {p}: is an OpenDocument spreadsheet (LibreOffice, OpenOffice), which roqa "
        "does not read as codings (save it as .xlsx or CSV UTF-8 with File > Save As in "
        "LibreOffice Calc, a long table with the columns unit, coder and code; or give a "
        "codings.jsonl or result folder, or a .qdpx)"
    )


# -- units Excel stripped of their leading zeros ---------------------------------------------------

#: A's units as typed (0001 ...); B's 0001 row re-typed in Excel, which made it 1. Compared:
#: 0002, 0003, 0004; codes X and Y: 6 decisions, 5 agree (Y on 0003), A applied 2, B 3:
#: p_e = 2/6 * 3/6 + 4/6 * 3/6 = 1/2, kappa (5/6 - 1/2) / (1/2) = 2/3.
ZEROS = (
    "unit,coder,code\n0001,A,X\n1,B,X\n0002,A,X\n0002,B,X\n0003,A,\n0003,B,Y\n0004,A,Y\n0004,B,Y\n"
)


def test_units_excel_stripped_of_their_zeros_are_named_in_the_note(tmp_path, capsys) -> None:
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(write(tmp_path / "z.csv", ZEROS)), "--json", str(out_path)]
        + ["--n-boot", "0"],
        capsys,
    )
    assert code == 0, err
    zeros = (
        "1 unit coded by one coder only is another coder's unit but for its leading zeros: "
        "'1' (B) is '0001' (A). Excel drops the zeros of a unit that is a number when it opens "
        "the CSV: format the unit column as Text in Excel, type those units again with their "
        "zeros and save the file again"
    )
    data = json.loads(out_path.read_text("utf-8"))
    assert data["notes"] == [
        "3 of 5 units are compared (coded by two or more coders); 2 coded by one coder only "
        "are left out (only 'A' coded 0001; only 'B' coded 1)",
        zeros,
    ]
    assert f"Note: {zeros}." in one_line(out)
    assert data["pooled"]["all"]["kappa"] == pytest.approx(2 / 3)


#: ZEROS with B's first unit typed in another case: "P1" for A's "p1" (tester, session 56:
#: "RM01" and "rm01" were left out with no word why, where dropped zeros were named).
CASE = "unit,coder,code\np1,A,X\nP1,B,X\np2,A,X\np2,B,X\np3,A,\np3,B,Y\np4,A,Y\np4,B,Y\n"


def test_units_differing_only_in_case_are_named_in_the_note(tmp_path, capsys) -> None:
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(write(tmp_path / "c.csv", CASE)), "--json", str(out_path)]
        + ["--n-boot", "0"],
        capsys,
    )
    assert code == 0, err
    case = (
        "1 unit coded by one coder only is another coder's unit but for its case: 'p1' (A) is "
        "'P1' (B). Unit ids are compared as written, case and all, and are not joined: write "
        "each unit as the other coders (or the results' segment ids) write it and save the "
        "file again"
    )
    data = json.loads(out_path.read_text("utf-8"))
    assert data["notes"] == [
        "3 of 5 units are compared (coded by two or more coders); 2 coded by one coder only "
        "are left out (only 'A' coded p1; only 'B' coded P1)",
        case,
    ]
    assert f"Note: {case}." in one_line(out)
    assert data["pooled"]["all"]["kappa"] == pytest.approx(2 / 3)  # as ZEROS: p2, p3, p4


def test_a_unit_of_one_coder_is_named_beside_the_others_in_another_case(tmp_path, capsys) -> None:
    # as a long CSV's "RM01:0001" beside a run's "rm01:0001": the model alone coded the run's
    text = "unit,coder,code\nP1,A,X\nP1,B,X\np1,C,X\np2,A,X\np2,B,X\np2,C,Y\n"
    code, out, err = run(["agree", str(write(tmp_path / "c.csv", text)), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert (
        "Note: 1 unit coded by one coder only is another coder's unit but for its case: 'p1' "
        "(C) is 'P1' (A, B). Unit ids"
    ) in one_line(out)


def test_units_with_no_twin_but_for_zeros_get_the_plain_note(tmp_path, capsys) -> None:
    text = "unit,coder,code\n0001,A,X\n0002,B,X\n0003,A,X\n0003,B,X\n10,A,X\n010,A,Y\n"
    out_path = tmp_path / "a.json"
    code, _, err = run(
        ["agree", str(write(tmp_path / "z.csv", text)), "--json", str(out_path), "--n-boot", "0"],
        capsys,
    )
    assert code == 0, err
    assert json.loads(out_path.read_text("utf-8"))["notes"] == [
        "1 of 5 units are compared (coded by two or more coders); 4 coded by one coder only "
        "are left out (only 'A' coded 0001, 010, 10; only 'B' coded 0002)"
    ]


def test_segment_ids_typed_short_are_named_with_the_id_they_are(tmp_path, capsys) -> None:
    """Tester (session 58): Ben's "rm01:3" for the run's "rm01:0003", and a whole transcript
    typed rm01:1 ... , were only "left out": the note on leading zeros fired for units that are
    numbers alone. Now it names each with the id it is but for its zeros."""
    text = (
        "unit,coder,code\nrm01:0001,A,X\nrm01:0001,C,X\nrm01:1,B,X\nrm01:0002,A,X\n"
        "rm01:0002,B,X\nrm01:0002,C,X\nrm01:0003,A,Y\nrm01:03,B,Y\nrm01:0003,C,Y\n"
    )
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(write(tmp_path / "s.csv", text)), "--json", str(out_path), "--n-boot", "0"],
        capsys,
    )
    assert code == 0, err
    zeros = (
        "2 units coded by one coder only are another coder's units but for their leading "
        "zeros: 'rm01:1' (B) is 'rm01:0001' (A, C), 'rm01:03' (B) is 'rm01:0003' (A, C). Unit "
        "ids are compared as written, zeros and all, and are not joined: write each unit as "
        "the other coders (or the results' segment ids, segment_id in codings.csv) write it "
        "and save the file again"
    )
    assert json.loads(out_path.read_text("utf-8"))["notes"][1] == zeros
    assert f"Note: {zeros}." in one_line(out)


def test_units_that_differ_in_the_digits_after_a_point_are_no_zeros_apart(tmp_path, capsys) -> None:
    """Regression hunt (session 58): 1.01 and 1.1 are two units (a decimal, or sections 1.1
    and 1.01 of an outline), and the note on leading zeros said one was the other."""
    text = "unit,coder,code\n1.1,Ann,X\n1.2,Ann,X\n1.2,Ben,X\n1.01,Ben,X\n1.3,Ann,Y\n1.3,Ben,Y\n"
    code, out, err = run(["agree", str(write(tmp_path / "d.csv", text)), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "leading zeros" not in one_line(out) + one_line(err)
    assert "only 'Ann' coded 1.1; only 'Ben' coded 1.01" in one_line(out) + one_line(err)


def test_when_no_unit_is_compared_the_error_says_excel_dropped_the_zeros(tmp_path, capsys) -> None:
    p = write(tmp_path / "z.csv", "unit,coder,code\n0001,A,X\n1,B,X\n0002,A,\n2,B,\n")
    code, _, err = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 2
    assert one_line(err).endswith(
        "(2 units coded by one coder only are another coder's units but for their leading "
        "zeros: '1' (B) is '0001' (A), '2' (B) is '0002' (A). Excel drops the zeros of a unit "
        "that is a number when it opens the CSV: format the unit column as Text in Excel, type "
        "those units again with their zeros and save the file again)"
    )


def test_a_transcript_given_to_agree_is_no_table_of_codings(tmp_path, capsys) -> None:
    p = write(tmp_path / "p01.txt", "Interviewer: Hello, can you hear me?\nP01: Yes.\n")
    code, _, err = run(["agree", str(p)], capsys)
    assert code == 2
    assert one_line(err) == (
        f"roqa: error: {p}: is not a table of codings (its first line names no unit, coder or "
        "code column) (code a transcript with roqa code first and compare its codings.jsonl; a "
        "long table saved as Unicode text needs a first line naming unit, coder and code)"
    )
    with pytest.raises(RoqaError) as e:  # said to Python, the call too (session 84)
        read_long_csv(p)
    assert str(e.value).endswith(
        f"(code a transcript with roqa code first and compare its codings.jsonl; in Python, "
        f"ac.code({str(p)!r}); a long table saved as Unicode text needs a first line naming "
        "unit, coder and code)"
    )


#: A team's own codes with commas in their names, each part of which happens to be a code of a
#: built-in codebook (Staffing, Training, Cost, Funding, Culture, Climate ...).
OWN_COMMAS = (
    "unit,coder,code\n"
    'u1,A,"Staffing, Training"\nu1,B,"Staffing, Training"\n'
    'u2,A,"Cost, Funding"\nu2,B,"Cost, Funding"\n'
    'u3,A,"Culture, Climate"\nu3,B,"Staffing, Training"\n'
    "u4,A,\nu4,B,\n"
)


def test_own_comma_codes_are_not_split_into_built_in_codes_without_a_codebook(tmp_path) -> None:
    """Before, each cell became two built-in codes (hunt2 ag/own_commas.csv: 5 codes read as
    10, kappa 0.594 -> 0.569, and a false warning of two codebooks)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        cu = read_long_csv(write(tmp_path / "own.csv", OWN_COMMAS))
    assert cu.codes == ["Cost, Funding", "Culture, Climate", "Staffing, Training"]
    assert cu.comma_cells_split == 0


def test_agree_counts_own_comma_codes_whole_without_a_codebook(tmp_path, capsys) -> None:
    """3 codes x 4 units = 12 decisions, 10 agree; A applied 3 codes, B 3: p_e = 1/4 * 1/4 +
    3/4 * 3/4 = 5/8, kappa (5/6 - 5/8) / (3/8) = 5/9."""
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(write(tmp_path / "own.csv", OWN_COMMAS)), "--json", str(out_path)]
        + ["--n-boot", "0"],
        capsys,
    )
    assert code == 0, err
    assert "3 codes used" in out
    assert "codebook" not in one_line(err + out).replace("--codebook", "")
    assert "split" not in out and "several codes each" not in one_line(out)
    data = json.loads(out_path.read_text("utf-8"))
    assert data["pooled"]["all"]["kappa"] == pytest.approx(5 / 9)


def test_agree_splits_comma_cells_in_the_codebook_results_code_in(tmp_path, capsys) -> None:
    """A roqa result coding in CFIR 2009 fixes the codebook: a table's "IS.C, IS.D.2" is two
    codes of it, with one note."""
    from test_cli_agree import seg, write_result

    model = write_result(tmp_path / "model", [seg(0, ["IS.C", "IS.D.2"]), seg(1, ["OS.A"])])
    table = write(tmp_path / "ann.csv", 'unit,coder,code\nT1:0,ann,"IS.C, IS.D.2"\nT1:1,ann,OS.A\n')
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(table), str(model), "--json", str(out_path), "--n-boot", "0"], capsys
    )
    assert code == 0, err
    assert (
        "1 code cell with commas read as several codes each, every part a code of the results' "
        "codebook (';' separates the codes of one cell)" in one_line(out)
    )
    assert json.loads(out_path.read_text("utf-8"))["pooled"]["all"]["percent_agreement"] == 1.0


def test_built_in_code_ids_typed_with_commas_are_split_without_a_codebook(tmp_path, capsys) -> None:
    """The spreadsheet tester's case ("IS.C, IS.D.2" typed in Excel, no --codebook, no result):
    ids of one built-in codebook are no team's own names, so they are split (kappa 2/3, not
    5/13 as two combined codes), while own names with commas stay whole (above)."""
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(write(tmp_path / "ids.csv", COMMAS)), "--json", str(out_path)]
        + ["--n-boot", "0"],
        capsys,
    )
    assert code == 0, err
    assert json.loads(out_path.read_text("utf-8"))["pooled"]["all"]["kappa"] == pytest.approx(
        KAPPA_COMMAS
    )
    # the note said "every part a code of the results' codebook" of a table given alone (agree
    # tester, session 69): it says which rule split them, and what docs/agreement.md says
    said = one_line(out)
    assert "results' codebook" not in said
    assert (
        "2 code cells with commas read as several codes each, every part a code id of "
        "cfir-2009: ids are split with no codebook, as no team names its own codes so, while a "
        "cell of names is kept as one code (';' separates the codes of one cell)"
    ) in said


def test_ids_split_without_a_codebook_beside_names_are_told_to_give_one(tmp_path, capsys) -> None:
    """Ben's "IS.C, IS.D.2" split into ids beside Ana's name "Culture": compared as written,
    IS.C and Culture are two codes that disagree (agree tester, session 69, m1.csv). The note
    says so and names the codebook that compares them by id."""
    csv = write(
        tmp_path / "m.csv",
        'unit,coder,code\nu1,Ana,Culture\nu1,Ben,"IS.C, IS.D.2"\nu2,Ana,Cost\nu2,Ben,Cost\n',
    )
    code, out, err = run(["agree", str(csv), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert (
        "compared as written, an id is not the code of its name ('IS.C' is not 'Culture'): "
        "--codebook cfir-2009 compares them by id"
    ) in one_line(out)
