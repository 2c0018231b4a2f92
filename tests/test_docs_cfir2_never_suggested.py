"""Specification: the README's CFIR 2.0 line says up front that the CFIR 2.0 codes no CFIR 2009
code maps onto are never suggested by the packaged model and stay manual, and the command it
points to lists exactly those codes (study6 tester, session 76: 17 % of a CFIR 2.0 study's coded
turns carried only such codes; `roqa code` named them, the README did not)."""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.codebook import Codebook
from roqa_nlp.crosswalk import unreachable
from test_cli_core import roqa

ROOT = Path(__file__).resolve().parents[1]


def test_the_readmes_cfir2_line_says_which_codes_are_never_suggested_and_where_they_are_listed() -> (
    None
):
    intro = (ROOT / "README.md").read_text(encoding="utf-8").split("\n\n")[2]
    assert "CFIR 2.0 available" in intro  # the CFIR 2.0 line, up front
    said = " ".join(intro.split())
    assert (
        "the CFIR 2.0 codes no CFIR 2009 code maps onto are never suggested by the packaged "
        in (said.replace("**", ""))
    )
    # docs2 tester, s81 (5): the closing line names five and says "and 21 more", so the README
    # says which shows all 26
    assert (
        "`roqa codebook cfir-2022` lists all 26 (an empty CFIR 2009 column) and closes with a "
        "line counting them and naming the first five" in said
    )
    assert "They stay manual until your decisions teach a retrained model them" in said


def test_roqa_codebook_cfir2022_lists_the_codes_the_packaged_model_never_suggests() -> None:
    """The codes whose CFIR 2009 column `roqa codebook cfir-2022` leaves empty are the codable
    codes no CFIR 2009 code maps onto (from the mapping data), and its closing line counts them."""
    cfir2 = Codebook.load("cfir-2022")
    never = unreachable(Codebook.load("cfir-2009"), cfir2)
    run = roqa("codebook", "cfir-2022")
    assert run.code == 0, run.err
    empty = set()
    for line in run.out.splitlines():
        cells = [c.strip() for c in line.split("│")]
        if len(cells) > 3 and cells[1] in cfir2 and cfir2[cells[1]].codable and not cells[-2]:
            empty.add(cells[1])
    assert empty == never
    assert len(never) == 26  # of CFIR 2.0's 67 codable codes
    assert (
        f"no cfir-2009 code maps onto {len(never)} of the {len(cfir2.codable)} cfir-2022 codes, "
        "so the packaged model never suggests them" in " ".join(run.out.split())
    )


def test_roqa_codebook_of_a_model_trained_in_cfir2022_says_it_can_suggest_those_codes(
    tmp_path: Path,
) -> None:
    """study9 tester, s79 (6): `roqa codebook MODEL_DIR` of a model trained in CFIR 2.0 (its
    codebook.json CFIR 2.0's, its card's classes every code) ended "so the packaged model never
    suggests them" of the codes that model suggests. A model with no class for one of them (a
    code it had no record of) keeps the packaged model's line."""
    import json
    import shutil

    import roqa_nlp.codebooks

    cfir2 = Codebook.load("cfir-2022")
    model = tmp_path / "study22"
    model.mkdir()
    shutil.copy(
        Path(roqa_nlp.codebooks.__file__).parent / "cfir-2022.json", model / "codebook.json"
    )
    classes = [c.id for c in cfir2.codable]
    card = {"codebook": {"id": "cfir-2022", "sha256": cfir2.hash}, "classes": classes}
    (model / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    run = roqa("codebook", model)
    assert run.code == 0, run.err
    assert run.out.strip().splitlines()[-1] == (
        "no cfir-2009 code maps onto 26 of the 67 cfir-2022 codes, which the packaged model "
        f"never suggests and the model in {model}, trained in cfir-2022, learned and can "
        "suggest: Critical Incidents, Local Attitudes, Local Conditions, External Pressure, "
        "Societal Pressure and 21 more"
    )
    card["classes"] = [c for c in classes if c != "OUT.A"]  # no class for Critical Incidents
    (model / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    run = roqa("codebook", model)
    assert run.code == 0, run.err
    assert run.out.strip().splitlines()[-1] == (
        "no cfir-2009 code maps onto 26 of the 67 cfir-2022 codes, so the packaged model never "
        "suggests them: Critical Incidents, Local Attitudes, Local Conditions, External "
        "Pressure, Societal Pressure and 21 more"
    )


def test_the_readmes_week_of_work_trains_a_cfir2_team_in_cfir2() -> None:
    """study9 tester, s79 (4): step 6 gave `roqa train training_data --feedback ...` alone; a
    CFIR 2.0 team following it got the CFIR 2009 model, its 2.0-only decisions project codes
    (held-out 2.0-only top-3 3/10, against 9/10 trained with --codebook cfir-2022)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    week = readme.split("## A week of work", 1)[1].split("\n## ", 1)[0]
    step6 = " ".join(week.split("\n6. ", 1)[1].split("\n7. ", 1)[0].split())
    assert (
        "A team working in CFIR 2.0 (coding with `--codebook cfir-2022`) trains in it too, so the "
        "model learns the CFIR 2.0 codes it reviewed: `roqa train training_data --codebook "
        "cfir-2022 --feedback coded-zoom/decisions.csv --out models/study`" in step6
    )


def test_the_table_of_talk_charted_under_a_reachable_code_follows_the_mapping() -> None:
    """study9 tester, s79 (3): staffing talk, CFIR 2009's Available Resources, is charted as CFIR
    2.0's Available Resources, though CFIR 2.0 files it under Work Infrastructure, which no
    CFIR 2009 code maps onto; a housing shortage (Patient Needs & Resources) as Assessing Needs.
    docs/codebooks.md says per code where such talk lands: each row's CFIR 2.0 codes are the
    ones the mapping charts its CFIR 2009 codes as, and the code CFIR 2.0 files the talk under
    is one no CFIR 2009 code maps onto."""
    import re

    from roqa_nlp.crosswalk import crosswalk

    cfir, cfir2 = Codebook.load("cfir-2009"), Codebook.load("cfir-2022")
    walk = crosswalk(cfir, cfir2)
    never = unreachable(cfir, cfir2)
    doc = (ROOT / "docs" / "codebooks.md").read_text(encoding="utf-8")
    section = doc.split("### Talk charted under a reachable code that CFIR 2.0 files under", 1)[1]
    table = next(block for block in section.split("\n\n") if block.startswith("|"))
    rows = table.splitlines()[2:]
    ids = re.compile(r"\b([A-Z]{2,3}(?:\.[A-Z0-9]+)+) ")
    read = []
    for line in rows:
        given, charted, _, filed = (c.strip() for c in line.strip("|").split("|"))
        given_ids, charted_ids = ids.findall(given + " "), ids.findall(charted + " ")
        for cid in given_ids:
            assert f"{cid} {cfir[cid].name}" in given
        for cid in charted_ids:
            assert f"{cid} {cfir2[cid].name}" in charted
        assert set(charted_ids) == {t for c in given_ids for t in walk[c]}, line
        (to,) = ids.findall(filed + " ")
        assert f"{to} {cfir2[to].name}" in filed and to in never, line
        read.append((given_ids, to))
    assert read == [
        (["IS.E.2"], "INS.A.3"),
        (["OS.A"], "OUT.C"),
        (["OS.A", "IS.C"], "OUT.B"),
        (["IS.D.1"], "OUT.A"),
        (["IC.D"], "PRO.I"),
    ]
