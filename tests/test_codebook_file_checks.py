"""A researcher's own codebook file: what `roqa codebook FILE` and loading it say of its mistakes
(tester with an own codebook, session 39)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from roqa_nlp.codebook import BUILTIN, Codebook
from roqa_nlp.errors import RoqaError, RoqaWarning
from test_cli_core import roqa


def own_codes() -> list[dict]:
    """A small two-domain codebook with descriptions and aliases."""
    return [
        {"id": "WF", "name": "Workforce", "level": "domain", "parent": None, "codable": False,
         "description": "Heading."},
        {"id": "WF.TRN", "name": "Training and skills", "level": "construct", "parent": "WF",
         "description": "Courses and coaching.", "aliases": ["training"]},
        {"id": "WF.WB", "name": "Staff wellbeing", "level": "construct", "parent": "WF",
         "description": "Stress and burnout.", "aliases": ["burnout"]},
        {"id": "COM", "name": "Community", "level": "domain", "parent": None, "codable": False,
         "description": "Heading."},
        {"id": "COM.HOUS", "name": "Housing", "level": "construct", "parent": "COM",
         "description": "Somewhere to live.", "aliases": ["accommodation"]},
    ]  # fmt: skip


def write(tmp_path: Path, codes: list[dict] | None = None, name: str = "own.json") -> Path:
    path = tmp_path / name
    book = {"id": "own", "name": "Our codes", "codes": own_codes() if codes is None else codes}
    path.write_text(json.dumps(book, indent=1), "utf-8")
    return path


def with_code(index: int, **fields: object) -> list[dict]:
    codes = own_codes()
    codes[index] = {k: v for k, v in {**codes[index], **fields}.items() if v is not ...}
    return codes


def load_error(path: Path) -> str:
    with pytest.raises(RoqaError) as info:
        Codebook.load(path)
    return str(info.value)


# -- JSON syntax ---------------------------------------------------------------------------------


def test_a_trailing_comma_is_placed_by_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "own.json"
    path.write_text(
        '{"id": "own", "name": "Our codes",\n "codes": [\n  {"id": "A", "name": "A",},\n ]}\n',
        "utf-8",
    )
    assert load_error(path) == (
        f"{path}: codebook is not valid JSON at line 3, column 27: Expecting property name "
        "enclosed in double quotes (a comma before } or ]?)"
    )


def test_a_json_mistake_other_than_a_comma_gets_no_comma_hint(tmp_path: Path) -> None:
    path = tmp_path / "own.json"
    path.write_text('{"id": "own"\n "codes": []}\n', "utf-8")
    assert load_error(path) == (
        f"{path}: codebook is not valid JSON at line 2, column 2: Expecting ',' delimiter"
    )


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".csv"])
def test_a_yaml_or_csv_codebook_is_told_only_json_is_read(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"codes{suffix}"
    path.write_text("id: own\ncodes:\n  - id: A\n", "utf-8")
    assert load_error(path) == (
        f"{path}: codebook is not valid JSON at line 1, column 1: Expecting value "
        f"(only JSON codebooks are read, not {'CSV' if suffix == '.csv' else 'YAML'}: write it as a .json file "
        "like those `roqa codebook cfir-2009` shows, see docs/codebooks.md)"
    )


def test_the_cli_says_where_the_json_mistake_is(tmp_path: Path) -> None:
    path = tmp_path / "own.json"
    path.write_text('{"id": "own",\n "codes": [],\n}\n', "utf-8")
    run = roqa("codebook", path)
    code, _, err = run.code, run.out, run.err
    assert (code, err) == (
        2,
        f"roqa: error: {path}: codebook is not valid JSON at line 3, column 1: Expecting "
        "property name enclosed in double quotes (a comma before } or ]?)\n",
    )


# -- aliases two codes share ---------------------------------------------------------------------


def test_an_alias_two_codes_share_is_a_one_line_error_naming_both(tmp_path: Path) -> None:
    path = write(tmp_path, with_code(2, aliases=["burnout", " Training "]))
    assert load_error(path) == (
        f"{path}: codebook 'own': 'training' is an alias of WF.TRN Training and skills and of "
        "WF.WB Staff wellbeing: a record or coding with it could mean either (give each alias "
        "to one code)"
    )


def test_an_alias_that_is_another_codes_name_is_a_one_line_error(tmp_path: Path) -> None:
    path = write(tmp_path, with_code(2, aliases=["training & skills"]))
    assert load_error(path) == (
        f"{path}: codebook 'own': 'training & skills' is the name of WF.TRN Training and "
        "skills and an alias of WF.WB Staff wellbeing: a record or coding with it could mean "
        "either (give each alias to one code)"
    )


def test_an_alias_that_is_another_codes_id_is_a_one_line_error(tmp_path: Path) -> None:
    path = write(tmp_path, with_code(4, aliases=["wf.wb"]))
    assert load_error(path) == (
        f"{path}: codebook 'own': 'wf.wb' is the id of WF.WB Staff wellbeing and an alias of "
        "COM.HOUS Housing: a record or coding with it could mean either (give each alias to one "
        "code)"
    )


def test_an_alias_that_is_the_codes_own_name_is_fine(tmp_path: Path) -> None:
    book = Codebook.load(write(tmp_path, with_code(4, aliases=["housing", "Housing!"])))
    assert book.resolve("housing").id == "COM.HOUS"


def test_the_cli_refuses_a_shared_alias(tmp_path: Path) -> None:
    path = write(tmp_path, with_code(2, aliases=["training"]))
    run = roqa("codebook", path)
    code, out, err = run.code, run.out, run.err
    assert (code, out) == (2, "")
    assert err.startswith(f"roqa: error: {path}: codebook 'own': 'training' is an alias of ")


@pytest.mark.parametrize("book_id", BUILTIN)
def test_built_in_codebooks_and_their_copies_still_load(book_id: str, tmp_path: Path) -> None:
    """A built-in codebook, a copy of its file and a project codebook extending it load as
    before (CFIR 2.0's short name "Innovation Deliverers", IND.H's name, was also an alias of two
    of its sub-constructs until session 47)."""
    book = Codebook.load(book_id)
    book.save(tmp_path / "copy.json")
    assert Codebook.load(tmp_path / "copy.json").hash == book.hash
    project = book.with_codes([], id=f"{book_id}+project")
    project.save(tmp_path / "codebook.json")
    assert len(Codebook.load(tmp_path / "codebook.json")) == len(book)


# -- the mapping block ---------------------------------------------------------------------------


def write_mapped(tmp_path: Path, mapping: object) -> Path:
    path = tmp_path / "own.json"
    book = {"id": "own", "name": "Our codes", "codes": own_codes(), "mapping": mapping}
    path.write_text(json.dumps(book, indent=1), "utf-8")
    return path


def test_a_mapping_onto_the_built_in_codebooks_ids_loads_and_is_listed(tmp_path: Path) -> None:
    path = write_mapped(tmp_path, {"cfir-2009": {"WF.TRN": ["PR.B.2", "CI.A"]}})
    assert Codebook.load(path).mapping == {"cfir-2009": {"WF.TRN": ["PR.B.2", "CI.A"]}}
    run = roqa("codebook", path)
    assert (run.code, run.err) == (0, "")
    assert "CFIR 2009" in run.out and "PR.B.2, CI.A" in run.out


def test_a_mapping_onto_an_id_the_built_in_codebook_lacks_is_a_one_line_error(
    tmp_path: Path,
) -> None:
    """Tester, session 58: ORG.RES onto "IS.E.99" was accepted and listed, and the code quietly
    went uncharted."""
    path = write_mapped(tmp_path, {"cfir-2009": {"WF.TRN": ["PR.B.2"], "COM.HOUS": ["IS.E.99"]}})
    run = roqa("codebook", path)
    assert (run.code, run.out, run.err) == (
        2,
        "",
        f"roqa: error: {path}: its mapping onto cfir-2009 maps 'COM.HOUS' onto 'IS.E.99', which "
        "is no code id of cfir-2009 (give ids of cfir-2009: `roqa codebook cfir-2009` lists the "
        "codes)\n",
    )


def test_a_mapping_onto_a_built_in_codes_name_is_told_its_id(tmp_path: Path) -> None:
    path = write_mapped(tmp_path, {"cfir-2009": {"COM.HOUS": ["Patient Needs & Resources"]}})
    assert load_error(path) == (
        f"{path}: its mapping onto cfir-2009 maps 'COM.HOUS' onto 'Patient Needs & Resources', "
        "which is no code id of cfir-2009 (give the code's id, 'OS.A')"
    )


def test_a_mapping_of_ids_that_are_no_codes_of_the_file_is_one_warning_naming_them(
    tmp_path: Path,
) -> None:
    """Tester, session 58: a key "ORG.MONEY", no code of the file, passed without a word. It is
    warned of, every such key in one line; not refused, as a team's trimmed copy of a codebook
    keeps the mapping of the codes it dropped, which map nothing (regression hunt, session 58:
    refusing it made each key an edit and a rerun). A code of the file given by its name maps
    nothing either, and its id is known: an error saying it."""
    path = write_mapped(tmp_path, {"cfir-2009": {"WF.MONEY": ["IS.E.2"], "WF.GONE": ["OS.A"]}})
    with pytest.warns(RoqaWarning) as seen:
        book = Codebook.load(path)
    assert [str(w.message) for w in seen] == [
        f"{path}: its mapping onto cfir-2009 maps 2 code ids this file does not have "
        "('WF.MONEY', 'WF.GONE'): they map nothing; remove them from the mapping, or correct a "
        "mistyped id"
    ]
    assert book.id == "own"
    named = write_mapped(tmp_path, {"cfir-2009": {"Housing": ["OS.A"]}})
    assert load_error(named).endswith("maps 'Housing', which is no code id of this file (give "
                                      "the code's id, 'COM.HOUS')")  # fmt: skip


def test_a_mapping_onto_a_codebook_not_built_in_checks_only_the_files_own_ids(
    tmp_path: Path,
) -> None:
    path = write_mapped(tmp_path, {"tdf-lite": {"WF.TRN": ["CAP.SK"]}})
    assert Codebook.load(path).mapping == {"tdf-lite": {"WF.TRN": ["CAP.SK"]}}


@pytest.mark.parametrize(
    ("mapping", "said"),
    [
        (["WF.TRN", "PR.B.2"], "its 'mapping' is a list, not an object"),
        ({"cfir-2009": ["PR.B.2"]}, "its 'mapping' onto 'cfir-2009' is a list, not an object"),
        (
            {"cfir-2009": {"WF.TRN": "PR.B.2"}},
            "its 'mapping' maps 'WF.TRN' onto \"PR.B.2\", not a list of code ids",
        ),
    ],
)
def test_a_mapping_of_another_shape_is_a_one_line_error(
    tmp_path: Path, mapping: object, said: str
) -> None:
    path = write_mapped(tmp_path, mapping)
    assert load_error(path) == (
        f'{path}: {said} (write it as "mapping": {{"cfir-2009": {{"YOUR.ID": ["IS.E.2", '
        "...]}}, see docs/codebooks.md)"
    )


def test_the_documented_mapping_example_loads_and_charts_as_the_docs_say(tmp_path: Path) -> None:
    """docs/codebooks.md showed no mapping block (tester, session 58): its example is a whole
    codebook that loads, and reads as the page says, Available Resources as Resources and
    Leadership Engagement and Opinion Leaders both as Leadership."""
    from roqa_nlp.crosswalk import crosswalk

    page = (Path(__file__).resolve().parents[1] / "docs" / "codebooks.md").read_text("utf-8")
    block = page.split("**`mapping`.**", 1)[1].split("```json\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "rop.json"
    path.write_text(block, "utf-8")
    walk = crosswalk(Codebook.load("cfir-2009"), Codebook.load(path))
    assert walk == {"IS.E.2": ["ORG.RES"], "IS.E.1": ["ORG.LEAD"], "PR.B.1": ["ORG.LEAD"],
                    "OS.A": ["COM.HOUS"]}  # fmt: skip


# -- the listing ---------------------------------------------------------------------------------


def test_roqa_codebook_shows_each_codes_domain(tmp_path: Path, monkeypatch) -> None:
    """Tester, session 58: a team's codes listed after the last domain looked as if under it
    (HOUSING, of Outer Setting, below Implementation Process): each row now names its domain."""
    import re

    monkeypatch.setenv("COLUMNS", "120")
    late = {"id": "WF.PAY", "name": "Pay", "level": "construct", "parent": "WF",
            "description": "Wages."}  # fmt: skip
    run = roqa("codebook", write(tmp_path, [*own_codes(), late]))
    assert run.code == 0
    rows = re.findall(r"^│ (\S+) +│ [^│]+│ (\w+) +│ (\S*) +│ (yes|no) +│$", run.out, flags=re.M)
    assert rows == [
        ("WF", "domain", "", "no"),
        ("WF.TRN", "construct", "WF", "yes"),
        ("WF.WB", "construct", "WF", "yes"),
        ("COM", "domain", "", "no"),
        ("COM.HOUS", "construct", "COM", "yes"),
        ("WF.PAY", "construct", "WF", "yes"),
    ]


# -- no codes, no descriptions -------------------------------------------------------------------


def test_a_codebook_with_no_codes_is_a_one_line_error(tmp_path: Path) -> None:
    path = write(tmp_path, [])
    assert load_error(path) == (
        f'{path}: the codebook has no codes (list them under "codes", as '
        "`roqa codebook cfir-2009` shows them)"
    )
    run = roqa("codebook", path)
    code, out, err = run.code, run.out, run.err
    assert (code, out, err) == (2, "", f"roqa: error: {load_error(path)}\n")


def test_codes_without_a_description_are_warned_of_once_by_roqa_codebook(tmp_path: Path) -> None:
    codes = with_code(2, description="  ")
    del codes[4]["description"]
    path = write(tmp_path, codes)
    run = roqa("codebook", path)
    code, out, err = run.code, run.out, run.err
    assert code == 0 and "Housing" in out
    assert err == (
        f"roqa: warning: {path}: 2 codable codes have no description (WF.WB, COM.HOUS): "
        "descriptions are learnt as training examples, one per code; write a sentence or two "
        "of what each code covers\n"
    )


def test_training_on_a_file_with_undescribed_codes_warns(tmp_path: Path) -> None:
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.codebook import undescribed_warning

    path = write(tmp_path, with_code(1, description=...))
    assert undescribed_warning(Codebook.load(path)) == (
        "1 codable code has no description (WF.TRN): descriptions are learnt as training "
        "examples, one per code; write a sentence or two of what each code covers"
    )
    with pytest.warns(RoqaWarning, match="1 codable code has no description"):
        AutoCoder(str(path), embedder=object())  # type: ignore[arg-type]


@pytest.mark.parametrize("book_id", BUILTIN)
def test_built_in_codebooks_are_never_warned_of(book_id: str) -> None:
    from roqa_nlp.codebook import undescribed_warning

    assert undescribed_warning(Codebook.load(book_id)) is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = roqa("codebook", book_id)
    code, _, err = run.code, run.out, run.err
    assert (code, err) == (0, "")


def test_a_models_codebook_with_a_shared_alias_still_loads(tmp_path: Path) -> None:
    """A model trained before the check keeps coding: its codebook.json is read unchecked."""
    path = write(tmp_path, with_code(2, aliases=["training"]), name="codebook.json")
    book = Codebook.load(path, check_aliases=False)
    assert book.resolve("training").id == "WF.TRN"


def test_a_renamed_copy_of_cfir_2_0_resolves_its_short_names_to_the_roles(tmp_path: Path) -> None:
    """ "Innovation Deliverers" is IND.H's name (and an alias of no other code since session
    47): a copy under another id resolves it so; a new alias of the same name is a clash."""
    data = Codebook.load("cfir-2022").to_dict()
    path = tmp_path / "our-cfir2.json"
    path.write_text(json.dumps({**data, "id": "our-cfir2"}), "utf-8")
    assert Codebook.load(path).resolve("Innovation Deliverers").id == "IND.H"
    for c in data["codes"]:
        if c["id"] == "INN.A":
            c["aliases"] = [*c.get("aliases", []), "innovation deliverers"]
    path.write_text(json.dumps({**data, "id": "our-cfir2"}), "utf-8")
    assert load_error(path) == (
        f"{path}: codebook 'our-cfir2': 'innovation deliverers' is an alias of INN.A Innovation "
        "Source and the name of IND.H Innovation Deliverers: a record or coding with it could "
        "mean either (give each alias to one code)"
    )


def before_session_47(data: dict) -> dict:
    """CFIR 2.0 as the built-in file was until session 47: its sub-constructs Assessing Needs
    and Engaging: Innovation Deliverers / Recipients had the roles' names as aliases too (and
    High-level Leaders not yet the aliases session 69 gave it, Mid-level Leaders' managers
    reporting to "senior leaders" until session 72)."""
    for c in data["codes"]:
        if c["id"] == "IND.A":
            c["aliases"] = [
                a for a in c["aliases"] if a not in ("Senior management", "Senior team")
            ]
        if c["id"] == "IND.B":
            c["description"] = c["description"].replace(
                "report to the leaders above them", "report to senior leaders"
            )
        if c["id"] in ("PRO.B.1", "PRO.B.2", "PRO.F.1", "PRO.F.2"):
            short = "Innovation Deliverers" if c["id"].endswith("1") else "Innovation Recipients"
            c["aliases"] = [short, *c["aliases"]]
    return data


def test_a_copy_made_before_session_47_still_loads_as_cfir_2_0(tmp_path: Path) -> None:
    """A copy of the earlier file (a project's codebook.json, a researcher's copy) keeps its
    four shared aliases, which resolved to the roles then as the names do now; under the
    built-in's id it is the same codes (an earlier version's hash), with no warning."""
    import warnings

    from roqa_nlp.codebook import is_earlier_version

    data = before_session_47(Codebook.load("cfir-2022").to_dict())
    for book_id in ("cfir-2022", "our-cfir2"):
        path = tmp_path / f"{book_id}.json"
        path.write_text(json.dumps({**data, "id": book_id}), "utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            book = Codebook.load(path)
        assert book.resolve("Innovation Recipients").id == "IND.I"
        assert book["PRO.B.2"].aliases[0] == "Innovation Recipients"
    assert is_earlier_version("cfir-2022", Codebook.load(tmp_path / "cfir-2022.json").hash)


def test_roqa_codebook_of_a_models_folder_does_not_warn_of_descriptions(tmp_path: Path) -> None:
    """A model's codebook.json (trained already) with a review's new code, which has none."""
    from roqa_nlp.schema import Code

    book = Codebook.load("cfir-2009").with_codes(
        [Code("project.peer-support", "Peer support workers", "code")], id="study"
    )
    book.save(tmp_path / "codebook.json")
    run = roqa("codebook", tmp_path)
    code, out, err = run.code, run.out, run.err
    # its id, listed whole (its name may wrap at 80 columns beside the domain column)
    assert (code, err) == (0, "") and "│ project.peer-support │" in out


def test_a_transcript_given_as_a_codebook_is_told_what_a_codebook_is(tmp_path: Path) -> None:
    """Session 40 (robustness): `roqa codebook interview.txt` said only "codebook is not valid
    JSON at line 1, column 1: Expecting value", with no fix."""
    path = tmp_path / "p04.txt"
    path.write_text("Interviewer: How are staffing levels?\n\nP04: We lack staff.\n", "utf-8")
    run = roqa("codebook", path)
    assert (run.code, run.err) == (
        2,
        f"roqa: error: {path}: codebook is not valid JSON at line 1, column 1: Expecting value "
        "(a .txt file is a transcript, not a codebook: code it with roqa code; a codebook is a "
        ".json file of codes like those `roqa codebook cfir-2009` shows, see "
        "docs/codebooks.md)\n",
    )
    with pytest.raises(RoqaError) as e:  # said to Python, the call too (session 84)
        Codebook.load(path)
    assert (
        f"(a .txt file is a transcript, not a codebook: code it with roqa code; in Python, "
        f"ac.code({str(path)!r}); a codebook is" in str(e.value)
    )


def test_a_file_that_is_no_json_at_all_is_told_what_a_codebook_is(tmp_path: Path) -> None:
    path = tmp_path / "codes"
    path.write_text("Staffing\nLeadership\n", "utf-8")
    assert load_error(path) == (
        f"{path}: codebook is not valid JSON at line 1, column 1: Expecting value (a codebook "
        "is a .json file of codes like those `roqa codebook cfir-2009` shows, see "
        "docs/codebooks.md)"
    )


WHAT_A_CODEBOOK_IS = (
    "a .json file of codes like those `roqa codebook cfir-2009` shows, see docs/codebooks.md"
)


def test_an_empty_json_codebook_is_told_it_is_empty_not_that_it_is_a_transcript(
    tmp_path: Path,
) -> None:
    """Session 40 (hunt): an empty .json codebook was told "a .json file is a transcript, not a
    codebook ...; a codebook is a .json file ...", contradicting itself."""
    path = tmp_path / "codebook.json"
    path.write_text("", "utf-8")
    assert load_error(path) == (
        f"{path}: codebook is not valid JSON at line 1, column 1: Expecting value (the file is "
        f"empty: a codebook is {WHAT_A_CODEBOOK_IS})"
    )


def test_a_json_codebook_with_a_comment_is_told_json_has_no_comments(tmp_path: Path) -> None:
    path = tmp_path / "codebook.json"
    path.write_text('// our codebook\n{"id": "x", "codes": []}\n', "utf-8")
    assert load_error(path) == (
        f"{path}: codebook is not valid JSON at line 1, column 1: Expecting value (JSON has no "
        "comments: remove the line that starts with //)"
    )


def test_a_json_file_of_words_is_told_what_a_codebook_is_not_that_it_is_a_transcript(
    tmp_path: Path,
) -> None:
    path = tmp_path / "codes.json"
    path.write_text("Staffing\nLeadership\n", "utf-8")
    assert load_error(path) == (
        f"{path}: codebook is not valid JSON at line 1, column 1: Expecting value (a codebook "
        f"is {WHAT_A_CODEBOOK_IS})"
    )


# -- a file not JSON, a folder ------------------------------------------------------------------


def test_a_windows_1252_csv_codebook_is_told_only_json_is_read_first(tmp_path: Path) -> None:
    """Tester, session 52: the error asked to re-save the Excel CSV as UTF-8, and the UTF-8
    copy then said only JSON codebooks are read. The JSON-only fact comes first."""
    path = tmp_path / "codes.csv"
    path.write_bytes("id,name\nA,Staff \u2013 turnover\n".encode("cp1252"))
    assert load_error(path) == (
        f"{path}: only JSON codebooks are read, not CSV (and it is not UTF-8 text (line 2, "
        'column 9: byte 0x96, which is "\u2013" in Windows-1252)) (write it as a .json file like '
        "those `roqa codebook cfir-2009` shows, see docs/codebooks.md)"
    )


def test_a_binary_file_of_another_extension_is_told_only_json_is_read(tmp_path: Path) -> None:
    path = tmp_path / "codes.txt"
    path.write_bytes(b"id: A\nname: Caf\x81\n")
    assert load_error(path).startswith(
        f"{path}: only JSON codebooks are read, not a .txt file (and it "
    )


@pytest.mark.parametrize(
    ("run_json", "said"),
    [
        (None, ""),
        (
            {"model": {"codebook": "cfir-2009"}, "chart_codebook": "cfir-2022"},
            "; roqa code charted this folder's codings in cfir-2022 (run.json): give cfir-2022",
        ),
    ],
)
def test_a_folder_without_codebook_json_is_said_so(tmp_path: Path, run_json, said) -> None:
    """Tester, session 52: `roqa codebook coded22` said "is a directory, not a file", though
    its help says a folder holding codebook.json is accepted."""
    folder = tmp_path / "coded22"
    folder.mkdir()
    if run_json is not None:
        (folder / "run.json").write_text(json.dumps(run_json), "utf-8")
    run = roqa("codebook", folder)
    assert (run.code, run.err) == (
        2,
        f"roqa: error: {folder}: holds no codebook.json (give a codebook .json file, a folder "
        f"holding codebook.json, or a built-in codebook: {', '.join(BUILTIN)}{said})\n",
    )


def test_codings_given_as_a_codebook_are_said_to_be_codings(tmp_path: Path, capsys) -> None:
    """Mistakes tester, session 52: `roqa codebook coded/codings.jsonl` said `codebook is not
    valid JSON at line 2, column 1: Extra data`, not that it is a codings file."""
    from test_cli_agree import run
    from test_cli_output_guard import coded_study

    coded, _ = coded_study(tmp_path)
    code, out, err = run(["codebook", str(coded / "codings.jsonl")], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"roqa: error: {coded / 'codings.jsonl'}: is roqa's codings (one segment a line), not a "
        "codebook (give a codebook .json file, or a built-in id: roqa codebook lists them)\n"
    )
    with pytest.raises(RoqaError) as e:  # said to Python, the call too (docs/python.md)
        Codebook.load(coded / "codings.jsonl")
    assert str(e.value).endswith(
        "(give a codebook .json file, or a built-in id: roqa codebook lists them; in Python, "
        "roqa_nlp.codebooks.BUILTIN)"
    )


def test_roqa_codebook_prints_the_version_and_the_hash_a_model_card_records(
    tmp_path: Path,
) -> None:
    """Tester, session 60: a model card's "codebook sha256" matched neither `sha256sum` of the
    file given nor of the model's codebook.json, and nothing showed the codebook's version. `roqa
    codebook` prints both: the hash of the content on one line, keys sorted, as
    docs/codebooks.md says, the same for the file and for the copy a model keeps."""
    import hashlib

    path = write(tmp_path)
    book = json.loads(path.read_text("utf-8"))
    book["version"] = "2"
    path.write_text(json.dumps(book, indent=1), "utf-8")
    loaded = Codebook.load(path)
    canonical = json.dumps(loaded.to_dict(), sort_keys=True, ensure_ascii=False)
    sha = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert sha == loaded.hash != hashlib.sha256(path.read_bytes()).hexdigest()
    line = (
        f"own version 2, sha256 {sha}: the hash a model card (codebook.sha256) and a report "
        "record, of the codebook's content, not of the file's bytes (docs/codebooks.md)"
    )
    run = roqa("codebook", path)
    assert run.code == 0, run.err
    assert " ".join(run.out.split()).endswith(line)
    folder = tmp_path / "model"
    folder.mkdir()
    loaded.save(folder / "codebook.json")  # as a model folder keeps it, indented
    run = roqa("codebook", folder)
    assert run.code == 0, run.err
    assert " ".join(run.out.split()).endswith(line)


def listed_rows(out: str) -> dict[str, list[str]]:
    """Code id -> its cells in a ``roqa codebook`` table, each wrapped cell's lines joined."""
    rows: dict[str, list[str]] = {}
    last: list[str] = []
    for line in out.splitlines():
        if not line.startswith("│"):
            continue
        cells = [c.strip() for c in line.split("│")[1:-1]]
        if cells[0]:
            last = rows.setdefault(cells[0], cells)
        else:
            last[:] = [f"{a} {b}".strip() for a, b in zip(last, cells, strict=True)]
    return rows


def test_cfir_2022_lists_the_cfir_2009_codes_that_map_onto_each_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tester cfir2, session 65: `roqa codebook cfir-2022` showed no CFIR 2009 column, though
    its --help and codebooks.md say a codebook with a mapping shows them; the mapping, kept in
    cfir-2009.json, could only be read in the file. Each 2.0 code lists the 2009 codes mapped
    onto it, in the 2009 codebook's order; a code none maps onto, an empty cell."""
    monkeypatch.setenv("COLUMNS", "200")  # narrower, one id a line (test_cli_tables.py)
    run = roqa("codebook", "cfir-2022")
    assert (run.code, run.err) == (0, "")
    rows = listed_rows(run.out)
    header = next(line for line in run.out.splitlines() if line.startswith("┃"))
    assert header.split("┃")[-2].strip() == "CFIR 2009"
    assert rows["INS.D.2"][2:] == ["subconstruct", "INS", "yes", "OS.A"]  # not Culture's IS.C
    assert rows["IND.C"][-1] == "PR.B.1, PR.B.3"
    assert rows["IND.K"][-1] == "CI.A, CI.B, CI.E"
    assert rows["OUT.G.3"][-1] == "OS.D"
    assert rows["INN"][-1] == "IC"
    assert rows["OUT.A"][-2:] == ["yes", ""]  # Critical Incidents: no 2009 code maps onto it


def test_a_project_codebook_extending_cfir_2022_lists_the_same_cfir_2009_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `roqa code --codebook cfir-2022` or `roqa import` output's codebook.json
    (``cfir-2022+project``) maps as CFIR 2.0 does, so it lists the same column."""
    book = Codebook.load("cfir-2022").with_codes([], id="cfir-2022+project")
    book.save(tmp_path / "codebook.json")
    monkeypatch.setenv("COLUMNS", "200")
    run = roqa("codebook", tmp_path)
    assert (run.code, run.err) == (0, "")
    rows = listed_rows(run.out)
    assert rows["IND.C"][-1] == "PR.B.1, PR.B.3"
    assert rows["OUT.A"][-2:] == ["yes", ""]


def test_cfir_2022_lists_cfir_2009_constructs_charted_through_their_sub_constructs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Hunt s65 h_book D1: CFIR 2009's Implementation Climate (IS.D) and Readiness for
    Implementation (IS.E) have no mapping entry of their own; translation charts them under the
    2.0 codes their sub-constructs map onto, together, but no row listed them, so they read as
    having no counterpart (as Individual Identification with Organization, CI.D, has none)."""
    monkeypatch.setenv("COLUMNS", "200")
    rows = listed_rows(roqa("codebook", "cfir-2022").out)
    assert rows["INS.E"][-1] == "IS.D, IS.D.1"
    assert rows["INS.D.4"][-1] == "IS.D, IS.D.6"
    assert rows["PRO.D"][-1] == "IS.D, IS.D.5, PR.A"
    assert rows["IND.A"][-1] == "IS.E, IS.E.1"
    assert rows["INS.K"][-1] == "IS.E, IS.E.3"
    listed = " ".join(row[-1] for row in rows.values()).replace(",", " ").split()
    assert (listed.count("IS.D"), listed.count("IS.E"), listed.count("CI.D")) == (7, 4, 0)


def test_a_codebook_none_of_whose_codes_has_cfir_2009_codes_shows_no_column(
    tmp_path: Path,
) -> None:
    """Hunt s65 h_book D3: a file with the id 'cfir-2022+project' and none of CFIR 2.0's codes
    showed a CFIR 2009 column empty in every row."""
    book = {
        "id": "cfir-2022+project",
        "name": "ROP study codes",
        "codes": [
            {"id": "ORG", "name": "Organisation", "level": "domain", "codable": False},
            {"id": "ORG.RES", "name": "Resources", "level": "construct", "parent": "ORG"},
        ],
    }
    (tmp_path / "rop.json").write_text(json.dumps(book), encoding="utf-8")
    run = roqa("codebook", tmp_path / "rop.json")
    assert run.code == 0, run.err
    header = next(line for line in run.out.splitlines() if line.startswith("┃"))
    assert [c.strip() for c in header.split("┃")[1:-1]] == [
        "id",
        "name",
        "level",
        "domain",
        "codable",
    ]


@pytest.mark.parametrize(
    ("given", "meant"),
    [("positive", "enabler"), ("Facilitator", "enabler"), ("negative", "barrier"),
     ("hindrance", "barrier"), ("mixed", "neutral")],
)  # fmt: skip
def test_a_codes_valence_other_than_barrier_enabler_or_neutral_is_an_error_saying_which(
    tmp_path: Path, given: str, meant: str
) -> None:
    """Blind tester daily25, session 89 (D6): a code's "valence": "positive" was read as enabler
    without a word, where docs/codebooks.md lists barrier and enabler (and neutral) for codes.
    A code's valence says which side of Table 2 it stands for, so the file names it in the
    codebook's own words; a record's synonyms are no such word. One line naming the file, the
    code and the allowed values, with the one it likely means."""
    codes = own_codes()
    codes[1]["valence"] = given
    path = write(tmp_path, codes)
    assert load_error(path) == (
        f"{path}: code 'WF.TRN' has valence {given!r}, which is no valence of a codebook's code "
        f"(did you mean {meant!r}? use barrier, enabler or neutral)"
    )


def test_every_code_with_a_records_valence_word_is_named_in_one_error(tmp_path: Path) -> None:
    """hunt50 L2, session 89: the error above named only the first such code, so a file with N
    of them took N edits and runs. One error names them all, each with the valence it likely
    means: the first five, then how many more."""
    codes = own_codes()
    codes[1]["valence"], codes[2]["valence"] = "negative", "Facilitator"
    path = write(tmp_path, codes)
    assert load_error(path) == (
        f"{path}: 2 codes have a valence that is no valence of a codebook's code: 'WF.TRN' has "
        "'negative' (did you mean 'barrier'?), 'WF.WB' has 'Facilitator' (did you mean "
        "'enabler'?) (use barrier, enabler or neutral)"
    )
    words = ["positive", "hindrance", "mixed", "facilitator", "negative", "Positive", "barrier"]
    many = own_codes()[:1] + [
        {"id": f"WF.{i}", "name": f"Code {i}", "parent": "WF", "valence": v}
        for i, v in enumerate(words, 1)
    ]
    path = write(tmp_path, many)
    assert load_error(path) == (
        f"{path}: 6 codes have a valence that is no valence of a codebook's code: 'WF.1' has "
        "'positive' (did you mean 'enabler'?), 'WF.2' has 'hindrance' (did you mean "
        "'barrier'?), 'WF.3' has 'mixed' (did you mean 'neutral'?), 'WF.4' has 'facilitator' "
        "(did you mean 'enabler'?), 'WF.5' has 'negative' (did you mean 'barrier'?) and 1 more "
        "(use barrier, enabler or neutral)"
    )


def test_a_codes_valence_in_capitals_is_read_as_written(tmp_path: Path) -> None:
    codes = own_codes()
    codes[1]["valence"], codes[2]["valence"] = "Barrier", " enabler "
    book = Codebook.load(write(tmp_path, codes))
    assert [book["WF.TRN"].valence, book["WF.WB"].valence] == ["barrier", "enabler"]
