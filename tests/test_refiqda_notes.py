"""Specification: roqa_nlp's suggestions keep their probability and valence through a QDA program
that renames codes, drops selection descriptions or merges selections, and keep their user.

The projects are roqa export's own, edited as the programs edit them (a code renamed in NVivo,
descriptions dropped as qc drops them, selections of one span merged as qc-demo stores them).
"""

from __future__ import annotations

import re
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.exchange import export_qdpx, read_qdpx
from roqa_nlp.exchange.qdpx_import import PROBABILITY_NOT_RECOVERED
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Suggestion
from test_refiqda import NS, build_qdpx, one_segment_result, project_xml, qde_of, selections_of

MODEL_USER = "roqa_nlp 0.1.0 (model sha256: abcd1234…)"
THREE = [
    Suggestion("IS.E.2", "Available Resources", "IS", 0.481345, "barrier"),
    Suggestion("IS.E.1", "Leadership Engagement", "IS", 0.3, "enabler"),
    Suggestion("IS.D", "Implementation Climate", "IS", 0.164817, "neutral"),
]


@pytest.fixture(scope="module")
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")


def exported(tmp_path: Path, cfir: Codebook) -> Path:
    """roqa export of one segment's three suggestions (--top-k 3): three selections of a span."""
    out = tmp_path / "demo.qdpx"
    export_qdpx(one_segment_result(suggestions=THREE), cfir, out, top_k=3)
    return out


def edited(path: Path, edit: Callable[[str], str]) -> Path:
    """A copy of ``path`` whose project.qde is ``edit(qde text)``."""
    out = path.with_name(f"edited-{path.name}")
    with zipfile.ZipFile(path) as zi, zipfile.ZipFile(out, "w") as zo:
        for name in zi.namelist():
            data = zi.read(name)
            if name == "project.qde":
                data = edit(data.decode("utf-8")).encode("utf-8")
            zo.writestr(name, data)
    return out


def machine_codings(path: Path) -> list[tuple[str, float, str]]:
    project = read_qdpx(path)
    (result,) = project.codings.values()
    return [(g.code_id, g.probability, g.valence) for s in result for g in s.suggestions]


def merged(qde: str, keep_descriptions: bool) -> str:
    """The selections of one span merged into the first, as qc-demo stores them: their codings
    moved into it, and their descriptions dropped or (``keep_descriptions``) joined by lines."""
    sels = re.findall(r"<PlainTextSelection .*?</PlainTextSelection>", qde, re.DOTALL)
    descs = [re.search(r"<Description>(.*?)</Description>", s).group(1) for s in sels]  # type: ignore[union-attr]
    codings = [re.search(r"<Coding .*?</Coding>", s, re.DOTALL).group(0) for s in sels]  # type: ignore[union-attr]
    first = sels[0]
    if keep_descriptions:
        first = first.replace(descs[0], "\n".join(descs))
    first = first.replace(codings[0], "".join(codings))
    out = qde.replace(sels[0], first)
    for s in sels[1:]:
        out = out.replace(s, "")
    return out


def test_a_suggestion_of_a_renamed_code_keeps_its_probability_and_valence(
    tmp_path: Path, cfir: Codebook
) -> None:
    path = edited(
        exported(tmp_path, cfir),
        lambda q: q.replace('name="Available Resources"', 'name="Resources to hand"'),
    )
    assert machine_codings(path) == [
        ("IS.E.2", 0.481345, "barrier"),
        ("IS.E.1", 0.3, "enabler"),
        ("IS.D", 0.164817, "neutral"),
    ]
    assert read_qdpx(path).warnings == []
    # merged as well: each line is matched by the name the code had when it was suggested
    both = edited(path, lambda q: merged(q, keep_descriptions=True))
    assert machine_codings(both) == [
        ("IS.E.2", 0.481345, "barrier"),
        ("IS.E.1", 0.3, "enabler"),
        ("IS.D", 0.164817, "neutral"),
    ]


def test_merged_selections_keep_each_suggestion_line(tmp_path: Path, cfir: Codebook) -> None:
    path = edited(exported(tmp_path, cfir), lambda q: merged(q, keep_descriptions=True))
    assert len(selections_of(path)) == 1
    assert machine_codings(path) == [
        ("IS.E.2", 0.481345, "barrier"),
        ("IS.E.1", 0.3, "enabler"),
        ("IS.D", 0.164817, "neutral"),
    ]


def test_merged_selections_without_their_notes_rank_the_lost_below_the_recovered(
    tmp_path: Path, cfir: Codebook
) -> None:
    path = edited(exported(tmp_path, cfir), lambda q: merged(q, keep_descriptions=False))
    project = read_qdpx(path)
    assert machine_codings(path) == [
        ("IS.E.2", 0.481345, "barrier"),
        ("IS.E.1", 0.0, "neutral"),
        ("IS.D", 0.0, "neutral"),
    ]
    (result,) = project.codings.values()
    assert result.meta[PROBABILITY_NOT_RECOVERED] == {"P04:1": ["IS.E.1", "IS.D"]}
    assert project.warnings == [
        f"2 of the 3 codings by {MODEL_USER!r} carry no probability or valence in their "
        "selection's description (the QDA program dropped it or merged selections): imported at "
        "probability 0 and valence neutral, below the suggestions whose probability was kept"
    ]


def test_a_top_one_export_of_merged_codings_charts_the_real_top_suggestion(
    tmp_path: Path, cfir: Codebook
) -> None:
    path = edited(exported(tmp_path, cfir), lambda q: merged(q, keep_descriptions=False))
    (result,) = read_qdpx(path).codings.values()
    again = tmp_path / "again.qdpx"
    export_qdpx(result, cfir, again)
    (sel,) = selections_of(again)
    assert sel.find(NS + "Description").text == (  # type: ignore[union-attr]
        "suggested by roqa_nlp: Available Resources (p=0.481345, barrier)"
    )


def test_descriptions_dropped_are_one_warning_and_lost_probabilities_stay_lost(
    tmp_path: Path, cfir: Codebook
) -> None:
    path = edited(
        exported(tmp_path, cfir),
        lambda q: re.sub(r"<Description>suggested by[^<]*</Description>", "", q),
    )
    project = read_qdpx(path)
    assert machine_codings(path) == [
        ("IS.E.2", 0.0, "neutral"),
        ("IS.E.1", 0.0, "neutral"),
        ("IS.D", 0.0, "neutral"),
    ]
    assert project.warnings == [
        f"3 of the 3 codings by {MODEL_USER!r} carry no probability or valence in their "
        "selection's description (the QDA program dropped it or merged selections): imported at "
        "probability 0 and valence neutral, below the suggestions whose probability was kept"
    ]
    # exported again, they say the probability is not known rather than p=0.000
    (result,) = project.codings.values()
    again = tmp_path / "again.qdpx"
    export_qdpx(result, cfir, again, top_k=3)
    assert [s.find(NS + "Description").text for s in selections_of(again)] == [  # type: ignore[union-attr]
        "suggested by roqa_nlp: Available Resources (probability and valence not known)",
        "suggested by roqa_nlp: Leadership Engagement (probability and valence not known)",
        "suggested by roqa_nlp: Implementation Climate (probability and valence not known)",
    ]
    assert read_qdpx(again).warnings == project.warnings  # the same user, the same three lost


STAFFING = "00000000-0000-4000-8000-000000000001"
TRAINING = "00000000-0000-4000-8000-000000000002"
MACHINE = "22222222-2222-4222-8222-222222222222"
TEXT = "I: And the staff?\nP01: We never knew what the new tool was for."


def one_machine_selection(code_name: str, note: str) -> str:
    codes = (
        f'<Code guid="{STAFFING}" name="{code_name}" isCodable="true"/>'
        f'<Code guid="{TRAINING}" name="Training" isCodable="true"/>'
    )
    sel = (
        f'<PlainTextSelection guid="{uuid.uuid4()}" startPosition="23" endPosition="63" '
        f'creatingUser="{MACHINE}"><Description>{note}</Description>'
        f'<Coding guid="{uuid.uuid4()}" creatingUser="{MACHINE}">'
        f'<CodeRef targetGUID="{STAFFING}"/></Coding></PlainTextSelection>'
    )
    src = f'<TextSource guid="{uuid.uuid4()}" name="p01"><PlainTextContent>{TEXT}</PlainTextContent>{sel}</TextSource>'
    return project_xml(src, codes=codes, users=f'<User guid="{MACHINE}" name="roqa_nlp 0.1.0"/>')


def test_the_one_note_of_a_selection_with_one_coding_is_its_codes_whatever_its_new_name(
    tmp_path: Path,
) -> None:
    qde = one_machine_selection("Staff levels", "suggested by roqa_nlp: Staffing (p=0.7, barrier)")
    path = build_qdpx(tmp_path / "q.qdpx", qde)
    assert [
        (g.name, g.probability, g.valence)
        for s in read_qdpx(path).codings["roqa_nlp 0.1.0"]
        for g in s.suggestions
    ] == [("Staff levels", 0.7, "barrier")]


def test_a_note_naming_another_code_of_the_project_is_not_taken(tmp_path: Path) -> None:
    qde = one_machine_selection("Staffing", "suggested by roqa_nlp: Training (p=0.7, barrier)")
    project = read_qdpx(build_qdpx(tmp_path / "q.qdpx", qde))
    assert [
        (g.name, g.probability, g.valence)
        for s in project.codings["roqa_nlp 0.1.0"]
        for g in s.suggestions
    ] == [("Staffing", 0.0, "neutral")]
    assert len(project.warnings) == 1


def test_the_models_imported_codings_go_back_under_the_user_and_guid_they_came_with(
    tmp_path: Path, cfir: Codebook
) -> None:
    first = exported(tmp_path, cfir)
    (result,) = read_qdpx(first).codings.values()
    result.save(tmp_path / "imported")
    again = tmp_path / "again.qdpx"
    summary = export_qdpx(CodingResult.read(tmp_path / "imported"), cfir, again)
    (user,) = qde_of(again).iter(NS + "User")
    (original,) = qde_of(first).iter(NS + "User")
    assert (user.get("name"), user.get("guid")) == (MODEL_USER, original.get("guid"))
    assert summary.user == MODEL_USER
    assert {s.get("creatingUser") for s in selections_of(again)} == {original.get("guid")}


def test_a_suggested_project_code_renamed_without_its_description_is_the_code_it_was(
    tmp_path: Path, cfir: Codebook
) -> None:
    """A model trained on a review's new code suggested it; in the program the code was renamed
    and its description is gone (a program that keeps no code descriptions). The name the
    suggestion note gives ("Alert fatigue") tells which project code it was: it keeps its id
    (project.alert-fatigue) and probability, under its new name, and the codebook is
    cfir-2009+project. Before: a code with its GUID as id, in a codebook 'roqa-nlp-suggestions-…'."""
    from roqa_nlp.decisions import PROJECT_CODE_DESCRIPTION
    from roqa_nlp.schema import Code

    fatigue = Code(
        "project.alert-fatigue",
        "Alert fatigue",
        "code",
        description=PROJECT_CODE_DESCRIPTION.format(name="Alert fatigue"),
    )
    book = cfir.with_codes([fatigue], id="cfir-2009+project")
    suggested = [Suggestion("project.alert-fatigue", "Alert fatigue", None, 0.7125, "barrier")]
    out = tmp_path / "demo.qdpx"
    export_qdpx(one_segment_result(suggestions=suggested), book, out)

    def rename_and_drop(qde: str) -> str:
        description = f"<Description>{fatigue.description}</Description>"
        assert qde.count(description) == 1 and qde.count('name="Alert fatigue"') == 1
        return qde.replace(description, "").replace('name="Alert fatigue"', 'name="Alarm fatigue"')

    project = read_qdpx(edited(out, rename_and_drop))
    assert project.warnings == []
    assert (
        project.codebook.id,
        project.codebook.codes[-1].id,
        project.codebook.codes[-1].name,
    ) == (
        "cfir-2009+project",
        "project.alert-fatigue",
        "Alarm fatigue",
    )
    (result,) = project.codings.values()
    assert [
        (g.code_id, g.name, g.probability, g.valence) for s in result for g in s.suggestions
    ] == [("project.alert-fatigue", "Alarm fatigue", 0.7125, "barrier")]
