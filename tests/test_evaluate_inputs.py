"""Specification of what ``roqa evaluate`` accepts: labelled records, each stating its construct.

A record without ``construct``, a file with no records and a ``roqa code`` output are one-line
errors naming the file (and the line), not a table of metrics over the wrong answers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.cli import main
from roqa_nlp.codebook import Codebook
from roqa_nlp.errors import RoqaError
from roqa_nlp.evaluation import EXPECTED_FORMAT, load_evaluation_set

CFIR = Codebook.load("cfir-2009")
NO_CONSTRUCT_HINT = "(give a code name, or NONE for talk that fits no code)"
#: A record as ``roqa code`` writes it to codings.jsonl.
CODING = {
    "transcript": "p01",
    "segment_id": "p01:0001",
    "text": "We had no budget for it.",
    "suggestions": [],
    "novel": None,
}


def write(path: Path, records: list[dict] | str) -> Path:
    text = records if isinstance(records, str) else "".join(json.dumps(r) + "\n" for r in records)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_record_without_construct_names_its_line(tmp_path) -> None:
    p = write(
        tmp_path / "gold.jsonl",
        '{"text": "No money.", "construct": "Available Resources"}\n\n{"text": "Hello."}\n',
    )
    with pytest.raises(RoqaError) as err:
        load_evaluation_set(p, CFIR)
    assert str(err.value) == f"{p}: line 3 has no `construct` {NO_CONSTRUCT_HINT}"


@pytest.mark.parametrize("value", [None, " "])
def test_a_null_or_blank_construct_is_an_error(tmp_path, value) -> None:
    p = write(tmp_path / "gold.jsonl", [{"text": "Hello.", "construct": value}])
    with pytest.raises(RoqaError) as err:
        load_evaluation_set(p, CFIR)
    assert str(err.value) == f"{p}: line 1 has an empty `construct` {NO_CONSTRUCT_HINT}"


@pytest.mark.parametrize(
    ("record", "shown"),
    [
        ({"text": "No staff.", "construct": 123}, "'123'"),
        ({"text": "No staff.", "codes": ["IS.C", 5]}, """'["IS.C", 5]'"""),
        ({"text": "No staff.", "construct": {"id": "IS.C"}}, """'{"id": "IS.C"}'"""),
    ],
)
def test_a_code_that_is_no_text_is_a_one_line_error(tmp_path, record, shown) -> None:
    """A number or an object where a code's name belongs stopped with an internal error."""
    p = write(tmp_path / "gold.jsonl", [record])
    with pytest.raises(RoqaError) as err:
        load_evaluation_set(p, CFIR)
    assert str(err.value).startswith(
        f"{p}: line 1: the code is {shown}, not a code's name or id (give"
    )


def test_none_inside_a_list_of_codes_is_no_code(tmp_path) -> None:
    """``"codes": ["NONE"]`` as ``"construct": "NONE"`` reads: fits no code (it was an unknown
    code 'NONE')."""
    p = write(
        tmp_path / "gold.jsonl",
        [{"text": "Lovely weather.", "codes": ["NONE"]}, {"text": "No staff.", "codes": ["IS.C"]}],
    )
    records = load_evaluation_set(p, CFIR)
    assert records.codes == [[], ["IS.C"]]


def test_a_code_string_that_names_a_code_whole_is_that_code_semicolon_and_all(tmp_path) -> None:
    """A project code named 'Cost; Staffing' is that code; a string naming no code whole is split
    on ';' as a spreadsheet cell is. Before, every string was split: 'unknown code 'Cost''."""
    from roqa_nlp.schema import Code

    book = CFIR.with_codes([Code("PRJ.1", "Cost; Staffing", "code")], id="cfir-2009+project")
    p = write(
        tmp_path / "gold.jsonl",
        [
            {"text": "Agency staff cost twice as much.", "construct": "Cost; Staffing"},
            {"text": "No money, no staff.", "construct": "Cost; Available Resources"},
        ],
    )
    assert load_evaluation_set(p, book).codes == [["PRJ.1"], ["IC.H", "IS.E.2"]]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("gold.jsonl", '{"text": "No money.", "construct": "NONE; Cost"}\n'),
        ("gold.jsonl", '{"text": "No money.", "codes": ["NONE", "Cost"]}\n'),
        ("gold.csv", "text,construct\nNo money.,NONE; Cost\n"),
    ],
)
def test_none_with_a_code_is_a_one_line_error(tmp_path, name: str, content: str) -> None:
    """'NONE; Cost' says both "fits no code" and Cost. Before, it read as Cost alone, in JSON
    Lines, a list and a spreadsheet alike (the NONE dropped)."""
    p = tmp_path / name
    p.write_text(content, "utf-8")
    item = "row 2" if name.endswith(".csv") else "line 1"
    with pytest.raises(RoqaError) as err:
        load_evaluation_set(p, CFIR)
    assert str(err.value) == (
        f"{p}: {item} gives NONE (fits no code) with codes: 'NONE; Cost' (give NONE alone for "
        "talk that fits no code, or the codes without it)"
    )


def test_a_coding_result_is_an_error_explaining_the_format(tmp_path) -> None:
    p = write(tmp_path / "codings.jsonl", [CODING])
    with pytest.raises(RoqaError) as err:
        load_evaluation_set(p, CFIR)
    assert str(err.value) == (
        f"{p}: is a coding result (roqa code output), not labelled records ({EXPECTED_FORMAT})"
    )


@pytest.mark.parametrize("text", ["", "\n  \n"])
def test_a_file_without_records_is_an_error(tmp_path, text) -> None:
    p = write(tmp_path / "gold.jsonl", text)
    with pytest.raises(RoqaError) as err:
        load_evaluation_set(p, CFIR)
    assert str(err.value) == f"{p}: has no labelled records ({EXPECTED_FORMAT})"


def test_none_and_the_training_format_codes_are_accepted(tmp_path) -> None:
    p = write(
        tmp_path / "gold.jsonl",
        [
            {"text": "Hello there.", "construct": "NONE"},
            {"text": "No money.", "codes": ["Available Resources"]},
            {"text": "Lovely weather.", "codes": []},
        ],
    )
    assert load_evaluation_set(p, CFIR).codes == [[], ["IS.E.2"], []]


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ([CODING], "is a coding result (roqa code output), not labelled records"),
        ([{"text": "Hello."}], "line 1 has no `construct`"),
        ("", "has no labelled records"),
        ([{"text": 5, "construct": "NONE"}], "line 1: the text is an int, not a str"),
    ],
)
def test_evaluate_exits_2_with_one_line(tiny_model_dir, tmp_path, capsys, records, message) -> None:
    p = write(tmp_path / "gold.jsonl", records)
    out_path = tmp_path / "m.json"
    with pytest.raises(SystemExit) as done:
        main(["evaluate", str(p), "--model", str(tiny_model_dir), "--json", str(out_path)])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"roqa: error: {p}: {message}")
    assert len(err.strip().splitlines()) == 1
    assert not out_path.exists()


def test_evaluate_on_none_records_only_scores_novelty(tiny_model_dir, tmp_path, capsys) -> None:
    p = write(
        tmp_path / "gold.jsonl",
        [
            {"text": "Hello, can you hear me?", "construct": "NONE"},
            {"text": "Nice day.", "construct": "none"},
        ],
    )
    out_path = tmp_path / "m.json"
    try:
        main(["evaluate", str(p), "--model", str(tiny_model_dir), "--json", str(out_path)])
    except SystemExit as e:
        assert not e.code
    m = json.loads(out_path.read_text("utf-8"))
    assert (m["n"], m["n_coded"], m["n_none"]) == (2, 0, 2)
    assert (m["construct_top1"], m["novelty_auroc"], m["false_novel_rate"]) == (None, None, None)
    assert m["note"] == "every record is NONE: novelty metrics only"
    assert isinstance(m["novel_recall"], float)


def test_a_number_cell_of_a_csv_file_is_read_as_its_words(tmp_path) -> None:
    """A CSV cell is always text: a bare "10" answer is words, while a JSON number as a
    .jsonl record's text is a mistake in the file (s60)."""
    p = tmp_path / "gold.csv"
    p.write_text("text,construct\n10,NONE\nNo money.,Available Resources\n", encoding="utf-8")
    assert load_evaluation_set(p, CFIR).texts == ["10", "No money."]


def test_a_null_field_is_no_field_never_the_word_none(tmp_path) -> None:
    """pandas' to_json and datasets write a key a record lacks as null: "context": null was the
    interviewer's question "None" (top-3 0.714 -> 0.629 on a 44-record file), "text": null the
    text "None", and "codes": null beside a construct an empty code (session 28)."""
    p = write(
        tmp_path / "gold.jsonl",
        [
            {"text": "No money.", "construct": "Available Resources", "context": None},
            {"text": "Lovely weather.", "construct": None, "codes": []},
            {"text": "We lost staff.", "construct": "Available Resources", "codes": None},
            {"text": "Hi.", "construct": "NONE", "context": "  ", "id": None, "source": None},
        ],
    )
    ts = load_evaluation_set(p, CFIR)
    assert ts.contexts == ["", "", "", ""]
    assert ts.codes == [["IS.E.2"], [], ["IS.E.2"], []]
    assert (ts.ids[3], ts.sources[3]) == ("gold-4", "team-written")
    empty = write(tmp_path / "empty.jsonl", [{"text": None, "construct": "NONE"}])
    with pytest.raises(RoqaError, match="line 1 has no text"):
        load_evaluation_set(empty, CFIR)


def test_a_misspelt_code_name_is_answered_with_the_name_it_is_nearest(tmp_path) -> None:
    """As apply-decisions answers a misspelt code in a decisions file (tester, session 39:
    evaluate named no code for "Available Resorces")."""
    p = write(
        tmp_path / "gold.jsonl", [{"text": "We have no staff.", "construct": "Available Resorces"}]
    )
    with pytest.raises(RoqaError) as err:
        load_evaluation_set(p, CFIR)
    assert str(err.value) == (
        f"{p}:1: unknown code 'Available Resorces' in codebook 'cfir-2009' (did you mean "
        "'Available Resources'? `roqa codebook cfir-2009` lists the codes; in Python, "
        "load_codebook('cfir-2009').codes)"
    )


def test_evaluate_names_the_code_a_misspelt_label_is_nearest(
    tiny_model_dir, tmp_path, capsys
) -> None:
    p = write(
        tmp_path / "gold.jsonl", [{"text": "We have no staff.", "construct": "Availble Resources"}]
    )
    with pytest.raises(SystemExit) as done:
        main(["evaluate", str(p), "--model", str(tiny_model_dir)])
    assert done.value.code == 2
    assert capsys.readouterr().err == (
        f"roqa: error: {p}:1: unknown code 'Availble Resources' in codebook 'cfir-2009' (did "
        "you mean 'Available Resources'? `roqa codebook cfir-2009` lists the codes)\n"
    )
