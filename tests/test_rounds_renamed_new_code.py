"""Specification of a new code typed over another in a later round (rounds tester, s68, 2): the
later row wins per code, not per segment, so the segment keeps both codes; ``roqa train
--feedback`` says so, naming the segments, both codes and the reject row that drops the earlier
one. Before, nothing was said but "the 1 coded example is given 2 codes"."""

from __future__ import annotations

import warnings

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, feedback_plan, project_codebook
from test_apply_decisions import TEXTS, model_codings

OLD = [Decision("p01:0001", "new-code", new_code="Lone working at night", text=TEXTS[0])]
NEW = [Decision("p01:0001", "new-code", new_code="Staff safety out of hours", text=TEXTS[0])]
DROP = Decision("p01:0001", "reject", "project.lone-working-at-night", text=TEXTS[0])


def _trained(*rounds: list[Decision]) -> tuple[list[list[str]], list[str]]:
    """The codes of each example and the warnings of training ``rounds`` (r1.csv, r2.csv...)."""
    book = project_codebook(Codebook.load("cfir-2009"), [d for r in rounds for d in r])
    codings = model_codings()
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        plan = feedback_plan(
            [(r, codings, f"r{n}.csv") for n, r in enumerate(rounds, 1)], book, valence_only=True
        )
    return plan.labels, [str(w.message) for w in said]


def test_a_new_code_typed_over_an_earlier_rounds_is_trained_beside_it_and_said_so() -> None:
    labels, said = _trained(OLD, NEW)
    assert labels == [["project.lone-working-at-night", "project.staff-safety-out-of-hours"]]
    assert said == [
        "a later file's new code is kept beside an earlier file's on the same words (the later "
        "row wins per code, not per segment): 1 segment (p01:0001) given "
        "project.lone-working-at-night 'Lone working at night' in r1.csv and "
        "project.staff-safety-out-of-hours 'Staff safety out of hours' in r2.csv is trained with "
        "both (to drop the earlier code, add a row 'reject project.lone-working-at-night' on it "
        "to r2.csv, or reject it in the page)"
    ]


def test_the_reject_row_it_names_drops_the_earlier_code_and_the_warning() -> None:
    labels, said = _trained(OLD, [DROP, *NEW])
    assert labels == [["project.staff-safety-out-of-hours"]]
    assert not [w for w in said if "later file's new code" in w]


def test_two_new_codes_of_one_file_or_a_later_file_naming_the_earlier_code_say_nothing() -> None:
    """Two new codes given in one round are two codes meant; a later round that accepts the
    earlier code beside its new one keeps both knowingly."""
    keep = Decision("p01:0001", "accept", "project.lone-working-at-night", text=TEXTS[0])
    for rounds in ([[*OLD, *NEW]], [OLD, [keep, *NEW]]):
        labels, said = _trained(*rounds)
        assert labels == [["project.lone-working-at-night", "project.staff-safety-out-of-hours"]]
        assert not [w for w in said if "later file's new code" in w]


def test_three_rounds_name_the_latest_code_and_the_rejects_its_file_needs() -> None:
    """Before: all three pairs, asking for 'reject project.lone-working-at-night' in both r2.csv
    and r3.csv (hunt s68 h_rounds D1); two rows in r3.csv drop both earlier codes."""
    third = [Decision("p01:0001", "new-code", new_code="Night visits", text=TEXTS[0])]
    labels, said = _trained(OLD, NEW, third)
    assert labels == [
        [
            "project.lone-working-at-night",
            "project.staff-safety-out-of-hours",
            "project.night-visits",
        ]
    ]
    assert said == [
        "a later file's new code is kept beside an earlier file's on the same words (the later "
        "row wins per code, not per segment): 1 segment (p01:0001) given "
        "project.lone-working-at-night 'Lone working at night' in r1.csv, "
        "project.staff-safety-out-of-hours 'Staff safety out of hours' in r2.csv and "
        "project.night-visits 'Night visits' in r3.csv is trained with all 3 (to drop the "
        "earlier codes, add rows 'reject project.lone-working-at-night' and 'reject "
        "project.staff-safety-out-of-hours' on it to r3.csv, or reject them in the page)"
    ]
    drop = [
        Decision("p01:0001", "reject", code, text=TEXTS[0])
        for code in ("project.lone-working-at-night", "project.staff-safety-out-of-hours")
    ]
    labels, said = _trained(OLD, NEW, [*drop, *third])
    assert labels == [["project.night-visits"]]
    assert not [w for w in said if "later file's new code" in w]
