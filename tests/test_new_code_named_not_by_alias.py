"""Specification: a review's new code is a code of a codebook only by that code's name (or id),
not by an alias, whichever codebook it is read in, as a project's own code is charted in another
codebook (:func:`roqa_nlp.crosswalk.named_in`, docs/codebooks.md "Your project's own codes").

Session 71 (f_crosswalk, 3): a new code "Senior team" was read by ``roqa report --codebook
cfir-2022`` as the recode to High-level Leaders (IND.A, whose alias it is), while ``roqa
apply-decisions`` kept it as the project's own code and its codings charted in CFIR 2.0 kept
it as a column of its own: one review read two ways. An ellipsis, "..." or "…", is punctuation
as a full stop is: "Senior team…" and "Senior team..." are one name."""

from __future__ import annotations

import warnings

import pytest

from report_fixture import node_prints, report_js_functions
from roqa_nlp.codebook import Codebook, normalise_name
from roqa_nlp.crosswalk import named_in
from roqa_nlp.decisions import (
    Decision,
    code_read_in,
    named_codes_recoded,
    project_codebook,
)


def _read(names: list[str], book: Codebook) -> list[tuple[str, str, str]]:
    rows = [Decision(f"p01:{i:04d}", "new-code", new_code=n) for i, n in enumerate(names)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [(d.decision, d.code_id, d.new_code) for d in named_codes_recoded(rows, book)]


@pytest.mark.parametrize(
    ("book_id", "alias", "name", "code_id"),
    [
        ("cfir-2022", "Senior team", "High-level leaders", "IND.A"),
        ("cfir-2022", "Senior team...", "High-level leaders...", "IND.A"),
        ("cfir-2022", "Senior team\u2026", "High-level leaders\u2026", "IND.A"),
        ("cfir-2009", "Evidence", "Evidence Strength & Quality", "IC.B"),
    ],
)
def test_a_new_code_named_as_an_alias_stays_new_and_one_named_as_a_name_is_the_code(
    book_id: str, alias: str, name: str, code_id: str
) -> None:
    book = Codebook.load(book_id)
    assert book.find(alias) is not None and book.find(alias).id == code_id  # an alias of it
    assert _read([alias, name], book) == [
        ("new-code", "", alias),
        ("recode", code_id, ""),
    ]
    # as charting the project's code in that codebook reads it
    assert named_in(book, alias) is None and named_in(book, name) is not None


def test_the_project_codebook_makes_a_new_code_named_as_an_alias() -> None:
    """It refused it before ("new code 'Senior team' is the name of IND.A"), once the name was
    no longer read as the recode: a review made in CFIR 2.0 codes is applied in them."""
    book = Codebook.load("cfir-2022")
    made = project_codebook(book, [Decision("p01:0001", "new-code", new_code="Senior team")])
    assert made["project.senior-team"].name == "Senior team"
    assert made.find("Senior team").id == "project.senior-team"  # a name before an alias
    with pytest.raises(Exception, match="is the name of IND.A"):
        project_codebook(book, [Decision("p01:0001", "new-code", new_code="High-level Leaders")])


def test_decided_segments_read_a_new_code_named_as_an_alias_as_that_new_code() -> None:
    book = Codebook.load("cfir-2022")
    rows = [
        Decision("p01:0001", "new-code", new_code="Senior team"),
        Decision("p01:0002", "new-code", new_code="High-level leaders"),
    ]
    code_of = code_read_in(book, rows)
    assert [code_of(d) for d in rows] == ["project.senior-team", "IND.A"]


def test_an_ellipsis_is_punctuation_in_either_spelling() -> None:
    assert normalise_name("Senior team\u2026") == normalise_name("Senior team...") == "senior team"
    book = Codebook.load("cfir-2022")
    assert named_in(book, "Critical Incidents\u2026") is book["OUT.A"]
    assert named_in(book, "Critical Incidents...") is book["OUT.A"]


def test_the_report_page_keys_names_as_python_does() -> None:
    """report.js's nameKey (the key its codeIdOf reads a loaded row's code by) is
    normalise_name: "…" is punctuation in the page too."""
    import json

    from roqa_nlp.decisions import casefold_table

    names = [
        "Senior team\u2026",
        "Senior team...",
        "Critical Incidents \u2026 (nights)",
        "Goals & Feedback",
        "Peer workers\u2019 \u2013 lived",
    ]
    script = (
        f"var near = {{casefold: {json.dumps(casefold_table())}}}; var foldMap = null;\n"
        + report_js_functions("sameText", "foldCase", "nameKey")
        + f"console.log(JSON.stringify({json.dumps(names)}.map(nameKey)));\n"
    )
    assert node_prints(script) == [normalise_name(n) for n in names]


def test_a_project_codebook_with_a_new_code_named_as_an_alias_loads_from_its_file(tmp_path) -> None:
    """``roqa codebook applied/codebook.json`` (and every load that checks aliases) refused the
    codebook apply-decisions wrote: "'Resources' is an alias of IS.E.2 Available Resources and
    the name of project.resources" (s71 f_review). A name is found before an alias, so a review's
    new code named so is no clash; a codebook file's own code named as another's alias still is."""
    import json

    book = Codebook.load("cfir-2009")
    made = project_codebook(book, [Decision("p01:0001", "new-code", new_code="Resources")])
    path = tmp_path / "codebook.json"
    path.write_text(json.dumps(made.to_dict()), encoding="utf-8")
    loaded = Codebook.load(path)
    assert loaded.find("Resources").id == "project.resources"
    assert loaded.find("Available Resources").id == "IS.E.2"

    own = json.loads(json.dumps(made.to_dict()))
    own["id"] = "my-codebook"
    for code in own["codes"]:
        if code["id"] == "project.resources":
            code["id"] = "RES"
    path.write_text(json.dumps(own), encoding="utf-8")
    with pytest.raises(Exception, match="'Resources' is an alias of IS.E.2"):
        Codebook.load(path)
