"""Specification of an unknown project code in a later round's decisions (regression hunt s68
h_rounds, R1): it is a typo only when it is a letter or two (edit distance, not a prefix) from a
project code the given files make, never by the CFIR codes' names or ids, and even then the
error gives both routes: correct it, or give the earlier round's file that made it. A correct
code of an earlier round ('project.leadership-support') is sent to give that file, as before
1fc1c7b7; the report says nothing of it, and the segment it decides stays decided."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, decided_segments
from test_apply_decisions import TEXTS, model_codings, write_decisions
from test_cli_core import TRAINING, roqa

#: this round makes project.lone-working-at-night (row 2)
MADE = Decision("p01:0001", "new-code", new_code="Lone working at night", text=TEXTS[0])
EARLIER = (
    "(made by an earlier round's decisions: give that decisions file too (--feedback FILE "
    "--feedback FILE); made in a QDA project: keep the codebook.json roqa import wrote with the "
    "decisions (in their folder or up to two above))"
)
BOTH_ROUTES = (
    "(correct it in the file to the code it is near, or recode the segment in the page; or, if "
    "an earlier round's decisions made it, give that decisions file too (--feedback FILE "
    "--feedback FILE))"
)


def _accept(code: str) -> Decision:
    return Decision("p01:0002", "accept", code, text=TEXTS[1])


def _file(tmp_path: Path, decisions: list[Decision]) -> tuple[Path, Path]:
    coded, review = tmp_path / "coded", tmp_path / "decisions.csv"
    model_codings().save(coded)
    write_decisions(review, decisions)
    return coded, review


def _applied(tmp_path: Path, coded: Path, review: Path) -> tuple[int, str]:
    run = roqa(
        "apply-decisions", coded, "--coder", "X", "--decisions", review, "--out", tmp_path / "o"
    )
    return run.code, run.err


@pytest.mark.parametrize(
    "code",
    [
        "project.leadership-support",  # was near 'Leadership Engagement'
        "project.learning-culture",  # was near 'Learning Climate'
        "project.patient-needs",
        "project.external-policy",
        "project.lone-working",  # a prefix of the code made, was near it
    ],
)
def test_an_earlier_rounds_project_code_is_sent_to_its_file_not_near_a_cfir_name(
    tmp_path: Path, code: str
) -> None:
    coded, review = _file(tmp_path, [MADE, _accept(code)])
    assert _applied(tmp_path, coded, review) == (
        2,
        f"roqa: error: {review}: row 3: unknown code {code!r} {EARLIER}\n",
    )


def test_train_sends_an_earlier_rounds_code_to_its_file(tmp_path: Path) -> None:
    """Before: "(near 'Leadership Engagement') (correct it in the file ...)", where the warning
    just above it said to give the earlier round's file."""
    coded, review = _file(tmp_path, [MADE, _accept("project.leadership-support")])
    run = roqa("train", TRAINING, "--out", tmp_path / "m", "--feedback", review, "--codings", coded)
    assert run.code == 2
    assert run.err.splitlines()[-1] == (
        f"roqa: error: {review}: row 3: unknown code 'project.leadership-support' {EARLIER}"
    )


def test_the_report_says_nothing_of_an_earlier_rounds_code_and_it_decides_its_segment(
    tmp_path: Path,
) -> None:
    """Before: "1 decision on 1 code that codebook 'cfir-2009' lacks ... near 'Leadership
    Engagement'", and the segment was not decided (roqa code's "already decided", the page's
    progress)."""
    decisions = [MADE, _accept("project.leadership-support")]
    coded, review = _file(tmp_path, decisions)
    report = roqa("report", coded, "--decisions", review, "--out", tmp_path / "r.html")
    assert report.code == 0, report.err
    assert "lacks" not in report.err
    assert decided_segments(decisions, model_codings(), Codebook.load("cfir-2009")) == {
        "p01:0001": ["project.lone-working-at-night"],
        "p01:0002": ["project.leadership-support"],
    }


def test_a_code_a_letter_from_one_made_gives_both_routes(tmp_path: Path) -> None:
    """The file makes 'Lone working at nights' and accepts round 1's
    project.lone-working-at-night: a typo or an earlier round's code, which no file tells.
    Before: "correct it" alone."""
    made = Decision("p01:0001", "new-code", new_code="Lone working at nights", text=TEXTS[0])
    coded, review = _file(tmp_path, [made, _accept("project.lone-working-at-night")])
    assert _applied(tmp_path, coded, review) == (
        2,
        f"roqa: error: {review}: row 3: unknown code 'project.lone-working-at-night' (near "
        f"'project.lone-working-at-nights') {BOTH_ROUTES}\n",
    )


def test_a_misspelt_project_code_still_decides_its_segment_as_the_page_counts_it() -> None:
    """The report warns of it, but what its row decides is what the page and roqa code count
    (a project code is never one the page's codebook lacks), as before 1fc1c7b7."""
    decisions = [MADE, _accept("project.lone-workng-at-night")]
    assert decided_segments(decisions, model_codings(), Codebook.load("cfir-2009")) == {
        "p01:0001": ["project.lone-working-at-night"],
        "p01:0002": ["project.lone-workng-at-night"],
    }


@pytest.mark.parametrize(
    ("typed", "near"),
    [
        ("project.lone-workng-at-night", ["project.lone-working-at-night"]),
        ("project.lone-wrking-at-nigth", ["project.lone-working-at-night"]),  # two: a drop, a swap
        ("PROJECT.Lone-Working-At-Nigt", ["project.lone-working-at-night"]),
        ("project.lone-working", []),
        ("project.lone-working-at-night-shift", []),
        ("project.burnuot", ["project.burnout"]),  # a short name: one swap
        ("project.burnouts", ["project.burnout"]),
        ("project.burn-out!", []),  # two in a short name
        ("project.leadership-support", []),
    ],
)
def test_a_project_code_is_near_one_a_letter_or_two_from_it(typed: str, near: list[str]) -> None:
    from roqa_nlp.decisions import project_codes_near

    made = ["project.lone-working-at-night", "project.burnout", "IS.E.2"]
    assert project_codes_near(typed, made) == near


def test_several_unknown_codes_with_an_earlier_rounds_one_name_its_route(tmp_path: Path) -> None:
    """Before: "recode them ... or apply them to codings charted in the codebook they were made
    in" alone, of an earlier round's project code too."""
    coded, review = _file(
        tmp_path,
        [MADE, _accept("project.leadership-support"), Decision("p01:0003", "accept", "IS.Z")],
    )
    assert _applied(tmp_path, coded, review) == (
        2,
        f"roqa: error: {review}: 2 decisions on 2 codes that codebook 'cfir-2009+project' lacks: "
        "'project.leadership-support' (row 3); 'IS.Z' (row 4) (recode them in the page (or in "
        "the file) to codes of 'cfir-2009+project', or apply them to codings charted in the "
        "codebook they were made in; `roqa codebook cfir-2009` lists the codes; or, if an earlier "
        "round's decisions made 'project.leadership-support', give that decisions file too "
        "(--feedback FILE --feedback FILE))\n",
    )


def test_train_of_a_later_round_alone_names_the_earlier_round_that_made_its_project_codes(
    tmp_path: Path,
) -> None:
    """Round 2 reviewed on codings of a model trained with round 1, whose new code it accepts,
    given alone. Before (daily24, s89): "1 decision on 1 code ... unknown code" or, for two,
    "N decisions on 2 codes that codebook 'cfir-2009' lacks", blaming the codebook and naming
    no file, while the warning just above named round 1 and the options that give it."""
    import hashlib

    r1 = tmp_path / "r1.csv"
    write_decisions(r1, [MADE])
    coded, review = tmp_path / "coded", tmp_path / "decisions.csv"
    codings = model_codings()
    card = {"name": str(r1), "sha256": hashlib.sha256(r1.read_bytes()).hexdigest()}
    codings.meta["model_card"] = {"feedback": {"decisions_files": [{**card, "n_decisions": 1}]}}
    codings.save(coded)
    write_decisions(
        review,
        [_accept("project.lone-working-at-night"), Decision("p01:0003", "accept", "IS.E.2")],
    )
    run = roqa("train", TRAINING, "--out", tmp_path / "m", "--feedback", review, "--codings", coded)
    assert run.code == 2
    assert run.err.splitlines()[-1] == (
        f"roqa: error: {review}: 1 decision on 1 project code made by the new codes of an earlier "
        f"round, {r1}, not given now (the codings {coded / 'codings.jsonl'} were made by a model "
        f"trained with it): 'project.lone-working-at-night' (row 2) (give that round too: repeat "
        f"--feedback for every round, earliest first: --feedback {r1} --feedback {review}, each "
        "with its --codings, in the same order)"
    )


def test_train_of_a_later_round_never_says_a_code_no_round_made_was_made_by_one(
    tmp_path: Path,
) -> None:
    """hunt49 D5, session 89: round 2 given alone, accepting a project code neither round 1's
    new-code rows make nor the model that made its codings knew, was told "1 decision on 1
    project code made by the new codes of an earlier round, r1.csv ... (give that round too)";
    giving it then stopped on the code as unknown. It is the unknown code it is, said at once,
    with its routes; the earlier round is named by the warning above it."""
    import hashlib

    r1 = tmp_path / "r1.csv"
    write_decisions(r1, [MADE])
    coded, review = tmp_path / "coded", tmp_path / "decisions.csv"
    codings = model_codings()
    card = {"name": str(r1), "sha256": hashlib.sha256(r1.read_bytes()).hexdigest()}
    codings.meta["model_card"] = {"feedback": {"decisions_files": [{**card, "n_decisions": 1}]}}
    codings.save(coded)
    write_decisions(review, [_accept("project.night-shift-cover")])
    run = roqa("train", TRAINING, "--out", tmp_path / "m", "--feedback", review, "--codings", coded)
    assert run.code == 2
    assert run.err.splitlines()[-1] == (
        f"roqa: error: {review}: row 2: unknown code 'project.night-shift-cover' {EARLIER}"
    )


def _round_two_alone(tmp_path: Path, code: str) -> tuple[Path, Path, Path, str]:
    """Round 2 accepting ``code``, reviewed on codings of a model trained with round 1 (r1.csv,
    making project.lone-working-at-night), whose card records that file and the code it made
    (``feedback.new_codes``) as a real card does; the codings' codebook is cfir-2009's."""
    import hashlib

    r1 = tmp_path / "r1.csv"
    write_decisions(r1, [MADE])
    sha = hashlib.sha256(r1.read_bytes()).hexdigest()
    coded, review = tmp_path / "coded", tmp_path / "decisions.csv"
    codings = model_codings()
    codings.meta["model_card"] = {
        "feedback": {
            "decisions_files": [{"name": str(r1), "sha256": sha, "n_decisions": 1}],
            "new_codes": ["project.lone-working-at-night"],
            "new_codes_created": ["project.lone-working-at-night"],
        }
    }
    codings.save(coded)
    write_decisions(review, [_accept(code)])
    return r1, coded, review, sha


def test_a_code_the_models_card_says_an_earlier_round_made_is_sent_to_it_when_its_file_is_gone(
    tmp_path: Path,
) -> None:
    """hunt53 L1, session 90: round 1's file no longer found, and the codings' codebook without
    its code (no codebook.json kept beside the codings). 7a04e5ec called the code unknown,
    "made by no round", although the card of the model that made the codings records it among
    the new codes it learnt (``feedback.new_codes``); before 7a04e5ec, round 1 was named."""
    r1, coded, review, sha = _round_two_alone(tmp_path, "project.lone-working-at-night")
    r1.unlink()
    run = roqa("train", TRAINING, "--out", tmp_path / "m", "--feedback", review, "--codings", coded)
    assert run.code == 2
    assert run.err.splitlines()[-1] == (
        f"roqa: error: {review}: 1 decision on 1 project code made by the new codes of an earlier "
        f"round, {r1} (not found from here; sha256 {sha[:12]}), not given now (the codings "
        f"{coded / 'codings.jsonl'} were made by a model trained with it): "
        "'project.lone-working-at-night' (row 2) (give that round too: repeat --feedback for "
        "every round, earliest first, giving each file not found from here where it is)"
    )


def test_a_project_code_written_with_a_capital_p_is_sent_to_the_round_that_made_it(
    tmp_path: Path,
) -> None:
    """hunt53 L2, session 90 (older than 7a04e5ec): 'Project.Lone-Working-At-Night' (an Excel
    edit) is read as project.lone-working-at-night once round 1 is given, but given alone it was
    told to be recoded to a cfir-2009 code, with no word of round 1: the project-code test was
    case-sensitive where the code's reading is not. It gets the routes its lower-case id gets."""
    r1, coded, review, _ = _round_two_alone(tmp_path, "Project.Lone-Working-At-Night")
    run = roqa("train", TRAINING, "--out", tmp_path / "m", "--feedback", review, "--codings", coded)
    assert run.code == 2
    assert run.err.splitlines()[-1] == (
        f"roqa: error: {review}: 1 decision on 1 project code made by the new codes of an earlier "
        f"round, {r1}, not given now (the codings {coded / 'codings.jsonl'} were made by a model "
        f"trained with it): 'Project.Lone-Working-At-Night' (row 2) (give that round too: repeat "
        f"--feedback for every round, earliest first: --feedback {r1} --feedback {review}, each "
        "with its --codings, in the same order)"
    )


def test_several_codes_one_a_project_code_with_a_capital_p_name_its_route(tmp_path: Path) -> None:
    """hunt53 L2: a capital-P project code among codes the codebook lacks gets the "or, if an
    earlier round's decisions made it" clause its lower-case id gets."""
    coded, review = _file(
        tmp_path,
        [MADE, _accept("Project.Leadership-Support"), Decision("p01:0003", "accept", "IS.Z")],
    )
    code, err = _applied(tmp_path, coded, review)
    assert code == 2
    assert err.endswith(
        "or, if an earlier round's decisions made 'Project.Leadership-Support', give that "
        "decisions file too (--feedback FILE --feedback FILE))\n"
    )
