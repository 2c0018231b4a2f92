"""Specification: a code of the project's own accepted from a retrained model's suggestion, with
no valence from the team, is charted as a new-code row is (study10 tester, session 80).

D2: the study's team made "COVID-19 disruption" by new-code rows in round 1 (neutral, no side),
trained a model on the review, and in round 2 accepted the code where that model suggested it.
The accepted segment kept the valence head's guess (enabler at 0.52 for "Terrible. ... two
tenants relapsed. Everything we'd built up, gone."), though the head learnt no side of the team's
theme, so Word's Table 2 put the code under Enablers. D3: the notes' "gave no valence to 3 of
them" counted the new-code rows only, and now counts both, saying which is which.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from docx import Document

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, project_codebook, reviewed_codings
from roqa_nlp.framework import barriers_enablers, framework_matrix
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import SegmentResult, Suggestion
from test_apply_decisions import TEXTS, model_codings

COVID = "project.covid-19-disruption"


def retrained() -> tuple[CodingResult, Codebook]:
    """:func:`model_codings` as a model trained with round 1's new code "COVID-19 disruption"
    made them: it suggests the code first on p01:0002 and p01:0003, an enabler at 0.52 and 0.9
    (sure, still a guess)."""
    book = project_codebook(
        Codebook.load("cfir-2009"), [Decision("x", "new-code", new_code="COVID-19 disruption")]
    )
    result = model_codings()
    covid = book[COVID]
    for i, vp in ((1, 0.52), (2, 0.9)):
        s = result.segments[i]
        result.segments[i] = SegmentResult(
            s.segment,
            [Suggestion(covid.id, covid.name, None, 0.5, "enabler", vp), *s.suggestions],
        )
    result.codebook = book
    return result, book


ROWS = [
    Decision("p01:0001", "new-code", new_code="COVID-19 disruption", text=TEXTS[0]),
    Decision("p01:0002", "accept", COVID, text=TEXTS[1]),
    Decision("p01:0003", "accept", COVID, text=TEXTS[2]),
    Decision("p01:0004", "accept", "IS.E.2", text=TEXTS[3]),
]


def test_an_accepted_project_code_with_no_valence_has_none_as_a_new_code_row() -> None:
    model, book = retrained()
    reviewed, book, _ = reviewed_codings(ROWS, model, book, coder="Team")
    assert {
        s.segment.id: [(g.code_id, g.valence, g.valence_probability) for g in s.suggestions]
        for s in reviewed.segments
    } == {
        "p01:0001": [(COVID, "neutral", None)],
        "p01:0002": [(COVID, "neutral", None)],
        "p01:0003": [(COVID, "neutral", None)],
        "p01:0004": [("IS.E.2", "barrier", 0.55)],
    }
    assert reviewed.meta["valence_not_given"] == ["p01:0001", "p01:0002", "p01:0003"]
    assert reviewed.meta["project_codes_accepted_without_valence"] == ["p01:0002", "p01:0003"]
    row = barriers_enablers(reviewed, book).construct(COVID)
    assert row is not None
    assert (row.barriers.segments, row.enablers.segments, row.neutral.segments) == (0, 0, 3)
    cell = framework_matrix(reviewed, codebook=book).cell("P01", COVID)
    assert cell.summary().split(" | ")[0] == "3 segments: 3 given no valence"


def test_a_valence_the_team_gives_it_is_kept() -> None:
    model, book = retrained()
    rows = [*ROWS, Decision("p01:0002", "valence", text=TEXTS[1], valence="barrier")]
    reviewed, book, _ = reviewed_codings(rows, model, book, coder="Team")
    (given,) = reviewed.segments[1].suggestions
    assert (given.code_id, given.valence, given.valence_probability) == (COVID, "barrier", 1.0)
    assert reviewed.meta["project_codes_accepted_without_valence"] == ["p01:0003"]


def test_the_notes_count_both_kinds_given_no_valence_and_say_which(tmp_path: Path) -> None:
    model, book = retrained()
    reviewed, book, _ = reviewed_codings(ROWS, model, book, coder="Team")
    said = (
        "Team gave no valence to 3 of them, counted as neutral: 1 with a new code, 2 with a code "
        "of the project's own they accepted or recoded to."
    )
    table = barriers_enablers(reviewed, book)
    assert said in table.note
    assert said in framework_matrix(reviewed, codebook=book).note
    table.to_docx(tmp_path / "t2.docx")
    assert said in "\n".join(p.text for p in Document(str(tmp_path / "t2.docx")).paragraphs)


def test_the_double_dagger_legend_names_the_guess_as_earlier_codings(tmp_path: Path) -> None:
    """Codings written before session 80 kept the guess on an accepted project code, read back
    as the model's guess, marked; the Word legend now says such a guess is of earlier codings."""
    model, book = retrained()
    reviewed, book, _ = reviewed_codings(ROWS[2:], model, book, coder="Team")
    old = reviewed.segments[0]
    reviewed.segments[0] = dataclasses.replace(
        old,
        suggestions=[
            dataclasses.replace(g, valence="enabler", valence_probability=0.9)
            for g in old.suggestions
        ],
    )
    reviewed.meta.pop("valence_not_given", None)  # as such codings recorded it
    reviewed.meta.pop("project_codes_accepted_without_valence", None)
    barriers_enablers(reviewed, book).to_docx(tmp_path / "t2.docx")
    text = "\n".join(p.text for p in Document(str(tmp_path / "t2.docx")).paragraphs)
    assert (
        "\u2021 Valence unsure: the probability of its valence is below 60%, or, in codings an "
        "earlier roqa wrote, it is the model's guess for a code of the project's own that the "
        "reviewer gave no valence."
    ) in text
