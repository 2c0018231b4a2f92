"""Specification of a misspelt project code in a later round's decisions (rounds tester, s68, 1):
``roqa train --feedback``, ``roqa apply-decisions`` and ``roqa report --decisions`` name it near
the code it misspells, in one wording (:func:`~roqa_nlp.decisions.near_said`), and train names
every unknown code of a file in one error, as apply-decisions does."""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.decisions import Decision
from test_apply_decisions import TEXTS, model_codings, write_decisions
from test_cli_core import TRAINING, roqa

#: round 1 makes the project code project.lone-working-at-night
ROUND_1 = [Decision("p01:0001", "new-code", new_code="Lone working at night", text=TEXTS[0])]
#: round 2 accepts it misspelt (row 2)
TYPO = Decision("p01:0002", "accept", "project.lone-workng-at-night", text=TEXTS[1])
#: and recodes to a code no codebook has (row 3)
NO_SUCH = Decision("p01:0003", "recode", "IS.Z", text=TEXTS[2])
NEAR = "near 'project.lone-working-at-night'"
#: what to do of it: a typo, or an earlier round's code beside one like it (hunt s68 h_rounds)
BOTH_ROUTES = (
    "(correct it in the file to the code it is near, or recode the segment in the page; or, if "
    "an earlier round's decisions made it, give that decisions file too (--feedback FILE "
    "--feedback FILE))"
)


def _rounds(tmp_path: Path, round_2: list[Decision]) -> tuple[Path, Path, Path]:
    """The codings of :func:`model_codings` in ``coded/``, and the rounds' decisions files."""
    coded = tmp_path / "coded"
    model_codings().save(coded)
    r1, r2 = tmp_path / "r1.csv", tmp_path / "r2.csv"
    write_decisions(r1, ROUND_1)
    write_decisions(r2, round_2)
    return coded, r1, r2


def _train(tmp_path: Path, coded: Path, r1: Path, r2: Path) -> str:
    run = roqa(
        "train", TRAINING, "--out", tmp_path / "m",
        "--feedback", r1, "--codings", coded, "--feedback", r2, "--codings", coded,
    )  # fmt: skip
    assert run.code == 2
    return run.err.splitlines()[-1]


def test_train_names_a_misspelt_project_code_near_the_code_a_given_file_made(
    tmp_path: Path,
) -> None:
    """Before: "(made by an earlier round's decisions: give that decisions file too ...)", of a
    file that was given, and no code it is near."""
    coded, r1, r2 = _rounds(tmp_path, [TYPO])
    assert _train(tmp_path, coded, r1, r2) == (
        f"roqa: error: {r2}: row 2: unknown code 'project.lone-workng-at-night' ({NEAR}) "
        f"{BOTH_ROUTES}"
    )


def test_train_names_every_unknown_code_of_a_file_in_one_error(tmp_path: Path) -> None:
    """Before: the first (IS.Z, row 3) alone, one train run per typo. The one near a code is
    told to be corrected, as the error of one code is (before: "(`roqa codebook cfir-2009`
    lists them)" alone, which lists no project code: hunt s68 h_rounds D4)."""
    coded, r1, r2 = _rounds(tmp_path, [TYPO, NO_SUCH])
    assert _train(tmp_path, coded, r1, r2) == (
        f"roqa: error: {r2}: 2 decisions on 2 codes that codebook 'cfir-2009+project' lacks: "
        f"'project.lone-workng-at-night' (row 2; {NEAR}); 'IS.Z' (row 3) (correct those near a "
        "code in the file to the code each is near; recode the others in the page (or in the "
        "file) to codes of 'cfir-2009+project', or apply them to codings charted in the codebook "
        "they were made in; `roqa codebook cfir-2009` lists the codes; or, if an earlier round's "
        "decisions made 'project.lone-workng-at-night', give that decisions file too (--feedback "
        "FILE --feedback FILE))"
    )


def test_train_names_the_unknown_codes_of_every_file_in_one_run(tmp_path: Path) -> None:
    """Before: the first file's alone, one train run per file (hunt s68 h_rounds D3)."""
    coded, r1, r2 = _rounds(tmp_path, [TYPO])
    r3 = tmp_path / "r3.csv"
    write_decisions(
        r3, [Decision("p01:0003", "accept", "project.lone-wrking-at-night", text=TEXTS[2])]
    )
    run = roqa(
        "train", TRAINING, "--out", tmp_path / "m",
        "--feedback", r1, "--codings", coded, "--feedback", r2, "--codings", coded,
        "--feedback", r3, "--codings", coded,
    )  # fmt: skip
    assert run.code == 2
    assert run.err.splitlines()[-3:] == [
        f"roqa: error: {r2}: row 2: unknown code 'project.lone-workng-at-night' ({NEAR}) "
        f"{BOTH_ROUTES}",
        f"roqa: error: {r3}: row 2: unknown code 'project.lone-wrking-at-night' ({NEAR}) "
        f"{BOTH_ROUTES}",
        "roqa: error: 2 of the 3 decisions files name codes the model's codebook cannot give "
        "(correct each as its line says, and run again)",
    ]


def test_a_project_code_of_no_given_file_near_none_still_asks_for_the_earlier_round(
    tmp_path: Path,
) -> None:
    coded, r1, r2 = _rounds(
        tmp_path, [Decision("p01:0002", "accept", "project.peer-workers", text=TEXTS[1])]
    )
    assert _train(tmp_path, coded, r1, r2).startswith(
        f"roqa: error: {r2}: row 2: unknown code 'project.peer-workers' (made by an earlier "
        "round's decisions: give that decisions file too (--feedback FILE --feedback FILE); "
    )


def test_apply_decisions_and_the_report_name_it_near_the_code_as_train_does(
    tmp_path: Path,
) -> None:
    """One file making the code and misspelling it (round 2 saved from the page carries round
    1's rows). Before: the report counted the row among the accepts and said nothing of it."""
    coded, _, review = _rounds(tmp_path, [*ROUND_1, TYPO])
    applied = roqa(
        "apply-decisions", coded, "--coder", "X", "--decisions", review, "--out", tmp_path / "o"
    )
    assert (applied.code, applied.err) == (
        2,
        f"roqa: error: {review}: row 3: unknown code 'project.lone-workng-at-night' ({NEAR}) "
        f"{BOTH_ROUTES}\n",
    )
    report = roqa("report", coded, "--decisions", review, "--out", tmp_path / "r.html")
    assert report.code == 0, report.err
    assert (
        f"roqa: warning: {review}: 1 decision on 1 code that codebook 'cfir-2009' lacks, carried "
        "as they came (shown as \"Also decided\"): 'project.lone-workng-at-night' (row 3; "
        f"{NEAR}); recode them in the page (or in the file) to codes of 'cfir-2009', or chart "
        "the report in the codebook they were made in (--codebook); or, if an earlier round's "
        "decisions made 'project.lone-workng-at-night', leave it as it is"
    ) in report.err.splitlines()
