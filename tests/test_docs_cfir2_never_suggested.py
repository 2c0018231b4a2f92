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
    assert "`roqa codebook cfir-2022` lists them (an empty CFIR 2009 column" in said
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
