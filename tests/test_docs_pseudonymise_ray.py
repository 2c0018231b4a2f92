"""The README's pseudonyms section and docs/privacy.md's Ray section say that
``roqa code --pseudonymise`` with ``--engine ray`` is refused, as it is, and what to do instead
(tester s51 privacy, 11: refused, sensibly, but neither page said so)."""

from __future__ import annotations

from pathlib import Path

from test_cli_core import EXAMPLES, roqa

REPO = Path(__file__).resolve().parents[1]
SAID = (
    "`--pseudonymise` with `--engine ray` is refused: it numbers the study's speakers in one "
    "pass, and Ray codes the study in parts."
)


def _section(page: str, heading: str) -> str:
    text = (REPO / page).read_text(encoding="utf-8")
    return " ".join(text.split(f"\n{heading}\n")[1].split("\n## ")[0].split())


def test_roqa_code_refuses_pseudonymising_with_the_ray_engine(tmp_path: Path) -> None:
    run = roqa(
        "code", EXAMPLES, "--out", tmp_path / "o", "--engine", "ray",
        "--pseudonymise", tmp_path / "key.csv",
    )  # fmt: skip
    assert run.code == 2
    assert "--pseudonymise numbers the study's speakers in one pass" in " ".join(run.err.split())
    # both fixes README gives (newcomer s67: the message gave the first alone)
    assert (
        "code with the local engine, or give Ray the copies `roqa pseudonymise` writes"
        in " ".join(run.err.split())
    )
    assert not (tmp_path / "key.csv").exists()


def test_the_readme_and_the_privacy_page_say_the_ray_engine_does_not_pseudonymise() -> None:
    assert SAID in _section("README.md", "## Pseudonyms")
    assert SAID in _section("docs/privacy.md", "## Ray")
