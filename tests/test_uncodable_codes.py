"""Specification: codings translated from another codebook say so in the HTML report, and name
the codes no code of that codebook maps onto, there and in the framework matrix.

A CFIR 2009 model charted in CFIR 2.0 can never suggest 26 of its 67 codes (Critical Incidents,
Local Conditions, Work Infrastructure ...). The terminal, the Word table's note and the
workbooks' About sheet said the codes were translated; report.html said it only in its
provenance dump, and the matrix's 33 empty columns read as "nobody talked about it" (cfir2022
tester, session 47, finding 1). Now the report's overview and matrix section carry the note
Table 2 and the matrix's About sheet carry (one source, :func:`translated_note`), which names
those codes, and each empty matrix cell of one says it is not codable from CFIR 2009.
"""

from __future__ import annotations

import html
from pathlib import Path

from roqa_nlp.codebook import Codebook
from roqa_nlp.crosswalk import chart_with
from roqa_nlp.framework import barriers_enablers, framework_matrix, with_uncodable
from roqa_nlp.report import write_report
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript

SAID = "The team trusts each other and we talk every day."
NAMES = "Critical Incidents, Local Attitudes, Local Conditions, External Pressure"


def charted(cfir2022: Codebook) -> CodingResult:
    seg = Segment("p04:0007", "p04", "P04", "participant", 0, len(SAID), SAID)
    out, _ = chart_with(
        CodingResult(
            [SegmentResult(seg, [Suggestion("IS.B", "IS.B", None, 0.9, "enabler", 0.9)])],
            transcripts={"p04": Transcript(id="p04", text=SAID, turns=[], participant="P04")},
            meta={"codebook": "cfir-2009", "model": {"hash": "abcd1234ef567890"}},
        ),
        cfir2022,
    )
    return out


def test_the_report_overview_says_the_codes_are_translated_and_names_the_uncodable(
    tmp_path: Path, cfir2022: Codebook
) -> None:
    page = html.unescape(write_report(charted(cfir2022), tmp_path / "r.html").read_text("utf-8"))
    said = (
        "Codes translated from cfir-2009 to cfir-2022 through the documented mapping (a "
        "suggestion that maps onto several codes is charted under the one the segment's words "
        "fit best, at the model's probability for it). No cfir-2009 code maps onto 26 of the "
        "67 cfir-2022 codes, so they cannot be charted from these codings and an empty column "
        f"of theirs says nothing of what was said: {NAMES},"
    )
    overview = page[page.index('<section id="overview">') : page.index('<section id="transc')]
    assert said in overview
    matrix = page[page.index('<section id="matrix">') : page.index('<section id="table2">')]
    assert said in matrix


def test_the_terminal_line_counts_them_and_names_the_first_few(cfir2022: Codebook) -> None:
    """cfir2022 tester, session 55: `roqa report --table X.csv` and `roqa export` said only
    "codes translated ... through the documented mapping", though docs/codebooks.md names the
    terminal among the places that say so; the line now counts them and names the first five,
    in the report's words. Codings in their own codebook get the note as it is."""
    assert with_uncodable("codes translated", charted(cfir2022), cfir2022) == (
        "codes translated; no cfir-2009 code maps onto 26 of the 67 cfir-2022 codes, so they "
        "cannot be charted from these codings and an empty column of theirs says nothing of "
        f"what was said: {NAMES}, Societal Pressure and 21 more"
    )
    untranslated = CodingResult([], transcripts={}, meta={"codebook": "cfir-2022"})
    assert with_uncodable("a note", untranslated, cfir2022) == "a note"


def test_table_2_note_names_the_same_codes(cfir2022: Codebook) -> None:
    note = barriers_enablers(charted(cfir2022), cfir2022).note
    assert "so they cannot be charted from these codings" in note
    assert note.endswith("Reflecting & Evaluating: Innovation, Adapting.")


def test_the_word_table_counts_them_under_its_caption_and_names_them_below(
    tmp_path: Path, cfir2022: Codebook
) -> None:
    """Tester outputs, session 71 (D3): the paragraph under the Word Table 2's caption named all
    26 codes (some 1,000 characters a journal would print). It now counts them; a note below
    the table names them. The workbook's About sheet keeps the note as it is."""
    from docx import Document

    table = barriers_enablers(charted(cfir2022), cfir2022)
    table.to_docx(tmp_path / "t.docx")
    said = [p.text for p in Document(str(tmp_path / "t.docx")).paragraphs]
    assert said[1].endswith(
        "No cfir-2009 code maps onto 26 of the 67 cfir-2022 codes, so they cannot be charted "
        "from these codings and an empty column of theirs says nothing of what was said (they "
        "are named below the table)."
    )
    assert "Critical Incidents" not in said[1]
    assert said[-1] == (
        f"No cfir-2009 code maps onto these cfir-2022 codes: {NAMES}, Societal Pressure, "
        + table.note.split("Societal Pressure, ")[1]
    )
    assert table.note.endswith("Reflecting & Evaluating: Innovation, Adapting.")


def test_an_empty_matrix_cell_of_an_uncodable_code_says_so(cfir2022: Codebook) -> None:
    matrix = framework_matrix(charted(cfir2022), codebook=cfir2022)
    assert len(matrix.uncodable) == 26 and matrix.uncodable[0] == "OUT.A"
    head, row = matrix.wide_rows()
    cell = dict(zip(head, row, strict=True))
    assert cell["OUT.A Critical Incidents"] == (
        "not codable from cfir-2009: no cfir-2009 code maps onto it"
    )
    assert cell["INN.A Innovation Source"] == ""  # a code the model can suggest: nobody did
    assert cell["INS.B Relational Connections"].startswith("1 segment: 1 enabler")


def test_codings_in_their_own_codebook_mark_no_column(cfir2009: Codebook) -> None:
    seg = Segment("p04:0007", "p04", "P04", "participant", 0, len(SAID), SAID)
    own = CodingResult(
        [SegmentResult(seg, [Suggestion("IS.B", "IS.B", None, 0.9, "enabler", 0.9)])],
        meta={"codebook": "cfir-2009"},
    )
    matrix = framework_matrix(own, codebook=cfir2009)
    assert matrix.uncodable == []
    assert "not codable" not in " ".join(matrix.wide_rows()[1])


def test_a_persons_code_charted_once_as_given_is_no_uncodable_column() -> None:
    """writeup tester, session 56, finding 1: a person's Patient Needs & Resources given as an
    enabler (kept under its own name, cfir-2009:OS.A) and as a barrier (charted once as "one of"
    the five barrier themes, cfir-2009:OS.A/2). The second set's column held P02's segment, yet
    P01's cell read "not codable from cfir-2009" and the note said cfir-2009 could chart 1 of
    23 erondu-2021 codes not at all, naming it. Now its empty cells are empty and, as every
    erondu-2021 theme has a CFIR 2009 counterpart, nothing is called uncodable."""
    import warnings

    from roqa_nlp.crosswalk import chart_given

    themes = Codebook.load("erondu-2021")
    given = CodingResult(
        [
            SegmentResult(
                Segment(f"p0{i}:0001", f"p0{i}", f"P0{i}", "participant", 0, 4, "text"),
                [Suggestion("OS.A", "Patient Needs & Resources", None, 1.0, side)],
            )
            for i, side in enumerate(["enabler", "barrier"], 1)
        ],
        meta={"codebook": "cfir-2009", "user": {"name": "Alice"}},
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the enabler kept under its own name: warned of
        out, book, note = chart_given(given, themes)
    matrix = framework_matrix(out, codebook=book)
    assert matrix.uncodable == []
    head, p01, p02 = matrix.wide_rows()
    column = head.index(book["cfir-2009:OS.A/2"].id + " " + book["cfir-2009:OS.A/2"].name)
    assert (p01[column], p02[column]) == ("", '1 segment: 1 barrier | "text" [p02:0-4]')
    assert with_uncodable(str(note), out, book) == (
        "codes translated from cfir-2009 to erondu-2021 through the documented mapping"
    )
    assert "cannot be charted" not in barriers_enablers(out, book).note


def test_the_count_of_codes_leaves_out_those_charted_as_given(cfir2022: Codebook) -> None:
    """The "of the 67 cfir-2022 codes" counts the codebook's codes, not a person's code charted
    once as given with a second set of counterparts (cfir-2009:OS.D/2), which is neither
    counted nor named among the codes that cannot be charted."""
    import dataclasses

    from roqa_nlp.framework import uncodable, uncodable_clause
    from roqa_nlp.schema import Code

    row = Code("cfir-2009:OS.D/2", "External Policy & Incentives (cfir-2009): one of", "construct")
    book = dataclasses.replace(cfir2022, codes=[*cfir2022.codes, row])
    walk = {"from": "cfir-2009", "to": "cfir-2022", "one_of": {row.id: ["OS.B", "OS.C"]}}
    assert len(uncodable(walk, book)) == 26 and row.id not in uncodable(walk, book)
    assert uncodable_clause(walk, book, shown=1) == (
        "no cfir-2009 code maps onto 26 of the 67 cfir-2022 codes, so they cannot be charted "
        "from these codings and an empty column of theirs says nothing of what was said: "
        "Critical Incidents and 25 more"
    )


def test_a_construct_whose_sub_constructs_are_codable_says_only_itself_is_not() -> None:
    """Tester cfir2022, s59: every Assessing Needs and External Pressure cell read "not codable
    from cfir-2009", beside Assessing Needs: Innovation Recipients coded in the same row, as if
    the construct could not be coded. Its empty cells now say the construct itself is not;
    Societal Pressure, a sub-construct none maps onto, is not codable as before."""
    cfir2022 = Codebook.load("cfir-2022")
    matrix = framework_matrix(charted(cfir2022), codebook=cfir2022)
    assert matrix.uncodable_itself == ["OUT.G", "PRO.B"]
    head, row = matrix.wide_rows()
    cell = dict(zip(head, row, strict=True))
    itself = (
        "not codable from cfir-2009 as the construct itself (no cfir-2009 code maps onto it): its "
        "sub-constructs are, in their own columns"
    )
    assert (cell["PRO.B Assessing Needs"], cell["OUT.G External Pressure"]) == (itself, itself)
    assert cell["OUT.G.1 Societal Pressure"] == (
        "not codable from cfir-2009: no cfir-2009 code maps onto it"
    )
    assert cell["PRO.B.2 Assessing Needs: Innovation Recipients"] == ""


NEVER = (
    "no cfir-2009 code maps onto 26 of the 67 cfir-2022 codes, so {} never suggests them: "
    f"{NAMES}, Societal Pressure and 21 more"
)


def test_roqa_codebook_says_which_codes_the_packaged_model_never_suggests() -> None:
    """Tester cfir2022, s59: `roqa codebook cfir-2022` marked all 67 codes "codable: yes" and
    said nothing of the 26 no CFIR 2009 code maps onto, which report and export name."""
    from test_cli_core import roqa

    run = roqa("codebook", "cfir-2022")
    assert run.code == 0, run.err
    assert run.out.splitlines()[-1] == NEVER.format("the packaged model")
    run = roqa("codebook", "cfir-2009")
    assert run.code == 0, run.err
    assert "never suggests" not in run.out


def test_roqa_codebook_counts_a_reviews_new_code_the_model_never_suggests(tmp_path: Path) -> None:
    """Tester, session 60: `roqa codebook reviewed/` listed 9 codable codes, one of them a
    review's new code "Family involvement" that no CFIR 2009 code maps onto, and said "no
    cfir-2009 code maps onto 1 of the 8 ... codes": the new code was neither counted nor
    named. It is both."""
    import json

    from test_cli_core import roqa

    codes = [
        {"id": "ORG", "name": "Inside", "level": "domain", "codable": False},
        {"id": "STAFF", "name": "Staffing", "level": "construct", "parent": "ORG"},
        {"id": "PEER", "name": "Peer workers", "level": "construct", "parent": "ORG"},
        {"id": "project.family-involvement", "name": "Family involvement", "level": "code"},
    ]
    folder = tmp_path / "reviewed"
    folder.mkdir()
    book = {"id": "team+project", "name": "Team codes", "codes": codes}
    book["mapping"] = {"cfir-2009": {"STAFF": ["IS.E.2"]}}
    (folder / "codebook.json").write_text(json.dumps(book), "utf-8")
    run = roqa("codebook", folder)
    assert run.code == 0, run.err
    assert " ".join(run.out.split()).endswith(
        "no cfir-2009 code maps onto 2 of the 3 team+project codes, so the packaged model never "
        "suggests them: Peer workers, Family involvement"
    )


def test_roqa_code_and_suggest_in_cfir2_say_which_codes_the_model_never_suggests(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Tester cfir2022, s59: `roqa code --codebook cfir-2022` left out the line report and export
    print for the same folder, and `roqa suggest --codebook cfir-2022` ranked Doing first for
    talk of the pandemic with no word that Critical Incidents is out of reach."""
    from test_cli_core import EXAMPLES, roqa

    run = roqa(
        "code", EXAMPLES, "--out", tmp_path / "out", "--model", tiny_model_dir,
        "--codebook", "cfir-2022",
    )  # fmt: skip
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert (
        "; no cfir-2009 code maps onto 26 of the 67 cfir-2022 "
        "codes, so they cannot be charted from these codings and an empty column of theirs says "
        f"nothing of what was said: {NAMES}, Societal Pressure and 21 more"
    ) in said
    run = roqa("suggest", "--model", tiny_model_dir, "--codebook", "cfir-2022", SAID)
    assert run.code == 0, run.err
    assert " ".join(run.out.split()).endswith(NEVER.format("the model"))
    run = roqa("suggest", "--model", tiny_model_dir, SAID)  # in the model's own codes
    assert run.code == 0, run.err
    assert "never suggests" not in run.out
