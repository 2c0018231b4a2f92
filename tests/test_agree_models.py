"""Specification of who ``roqa agree`` counts as a model, and how a model's codes are counted.

Who is a model comes from what a result records (its run, or roqa_nlp's machine user in a QDA
project), not from its probabilities; a model's top code is its most probable suggestion; with
``--codebook``, a model's counted code that maps onto several codes counts as all of them, as a
person's does, and is chosen before any probability is shared among them. Every expected value
is worked out by hand in the comments.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from roqa_nlp.coding_agreement import coded_units_from_results, is_model_result, segment_codes
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_agree import run

# -- who is a model -------------------------------------------------------------------------------


def seg(i: int, suggestions: list[Suggestion], novel: bool | None = None) -> SegmentResult:
    s = Segment(f"t1:{i}", "t1", "P", "participant", 10 * i, 10 * i + 9, "x" * 9)
    return SegmentResult(s, suggestions, novel=novel)


def sug(code: str, p: float = 1.0) -> Suggestion:
    return Suggestion(code, code, None, p)


def test_a_person_imported_with_a_suggestions_probability_is_not_a_model() -> None:
    """What `roqa import` writes for a reviewer who coded roqa's selection with the suggested
    code (probability 0.6 carried over) and a code of her own."""
    alice = CodingResult(
        [seg(0, [sug("IS.E.3", 0.6), sug("IS.E.1")])], meta={"user": {"name": "Alice"}}
    )
    assert not is_model_result(alice)
    assert segment_codes(alice) == {"t1:0": {"IS.E.3", "IS.E.1"}}


def test_a_model_is_known_by_its_run_or_its_machine_user() -> None:
    run_meta = {"model": {"codebook": "cfir-2009"}, "params": {}}
    sure = CodingResult([seg(0, [sug("IS.E.3")])], meta=run_meta)  # probability 1, no flags
    assert is_model_result(sure)
    machine = CodingResult([seg(0, [sug("IS.E.3")])], meta={"user": {"name": "roqa_nlp 0.1.0"}})
    assert is_model_result(machine)


def test_results_recording_no_identity_are_judged_by_their_probabilities() -> None:
    assert is_model_result(CodingResult([seg(0, [sug("X", 0.9)])]))
    assert is_model_result(CodingResult([seg(0, [sug("X"), sug("Y", 0.999999)], novel=False)]))
    assert not is_model_result(CodingResult([seg(0, [sug("X"), sug("Y")])]))


def test_a_hand_edited_copy_keeping_the_models_novel_flags_is_a_persons() -> None:
    """Every file roqa code writes carries "novel": false (or true); a person who edits a copy
    of it, their codes at probability 1, keeps the flags. Before: read as a model's."""
    edited = CodingResult([seg(0, [sug("X"), sug("Y")], novel=False), seg(1, [], novel=True)])
    assert not is_model_result(edited)
    assert segment_codes(edited) == {"t1:0": {"X", "Y"}, "t1:1": frozenset()}


def test_agree_names_hand_edited_copies_as_people(tmp_path, capsys) -> None:
    """Two coders' edited copies of codings.jsonl (no run.json, every probability 1, "novel":
    false kept): two people, every code counted. Before: 'alice (model), bob (model)', and
    Bob's second code of the segment not counted."""
    for name, codes in (("alice", ["X"]), ("bob", ["X", "Y"])):
        CodingResult([seg(0, [sug(c) for c in codes], novel=False)]).save(tmp_path / name)
        (tmp_path / name / "run.json").unlink()
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(tmp_path / "alice"), str(tmp_path / "bob"), "--n-boot", "0", "--json",
         str(out_path)],
        capsys,
    )  # fmt: skip
    assert code == 0, err
    assert "2 coders: alice, bob;" in out
    data = json.loads(out_path.read_text(encoding="utf-8"))
    assert data["models"] == []
    (pair,) = data["pairs"]
    assert pair["kind"] == "human-human"
    assert pair["all"]["percent_agreement"] == 0.5


def test_a_models_top_code_is_its_most_probable_whatever_the_order() -> None:
    model = CodingResult([seg(0, [sug("A", 0.3), sug("B", 0.6)], novel=False)])
    assert segment_codes(model) == {"t1:0": {"B"}}


def test_reviewer_and_machine_user_are_a_model_human_pair(tmp_path, capsys) -> None:
    """One segment; the machine user suggested IS.E.3, Alice applied IS.E.3 and IS.E.1. Two
    codes x 1 unit = 2 decisions, 1 agrees: 50 %. Before: 'Alice (model)', a model-model pair,
    only her first-listed code counted, and agreement 100 %."""
    machine = tmp_path / "roqa_nlp_0.1.0"
    CodingResult([seg(0, [sug("IS.E.3", 0.6)])], meta={"user": {"name": "roqa_nlp 0.1.0"}}).save(
        machine
    )
    alice = tmp_path / "Alice"
    CodingResult(
        [seg(0, [sug("IS.E.3", 0.6), sug("IS.E.1")])], meta={"user": {"name": "Alice"}}
    ).save(alice)
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(machine), str(alice), "--n-boot", "0", "--json", str(out_path)], capsys
    )
    assert code == 0, err
    assert "2 coders: roqa_nlp_0.1.0 (model), Alice;" in out
    data = json.loads(out_path.read_text(encoding="utf-8"))
    assert data["models"] == ["roqa_nlp_0.1.0"]
    (pair,) = data["pairs"]
    assert pair["kind"] == "model-human"
    assert pair["all"]["percent_agreement"] == 0.5
    assert {c["code"]: c["units_coded"] for c in data["per_code"]} == {
        "IS.E.1": {"roqa_nlp_0.1.0": 0, "Alice": 1},
        "IS.E.3": {"roqa_nlp_0.1.0": 1, "Alice": 1},
    }


# -- a 1->n crosswalk, model and person alike -----------------------------------------------------


def champions_pair(tmp_path: Path, model_suggestions: list[Suggestion]) -> tuple[Path, Path]:
    """A model and a person who both coded one segment PR.B.3 Champions (CFIR 2009), which CFIR
    2.0 maps onto IND.C, IND.E and IND.F."""
    model = tmp_path / "model"
    CodingResult([seg(0, model_suggestions, novel=False)], meta={"codebook": "cfir-2009"}).save(
        model
    )
    human = tmp_path / "human"
    CodingResult([seg(0, [sug("PR.B.3")])], meta={"codebook": "cfir-2009"}).save(human)
    return model, human


def agree_json(tmp_path: Path, capsys, args: list[str]) -> dict:
    out_path = tmp_path / "a.json"
    code, _, err = run(["agree", *args, "--n-boot", "0", "--json", str(out_path)], capsys)
    assert code == 0, err
    return json.loads(out_path.read_text(encoding="utf-8"))


def test_identical_codings_agree_through_a_one_to_many_crosswalk(tmp_path, capsys) -> None:
    """Both apply all three targets to the one unit: 3 of 3 decisions agree; kappa and alpha are
    undefined (every value 'present'), AC1 1. Before: 33.3 %, kappa 0.000, alpha -0.250,
    AC1 -0.200 (the model's Champions became three ties at 0.3 of which only IND.C counted)."""
    model, human = champions_pair(tmp_path, [sug("PR.B.3", 0.9)])
    data = agree_json(
        tmp_path, capsys, [str(model), str(human), "--codebook", "cfir-2022", "--universe", "coded"]
    )
    assert data["codes"] == ["IND.C", "IND.E", "IND.F"]
    pooled = data["pooled"]["coded"]
    assert (pooled["percent_agreement"], pooled["kappa"], pooled["alpha"], pooled["ac1"]) == (
        1.0,
        None,
        None,
        1.0,
    )
    assert [c["units_coded"] for c in data["per_code"]] == [{"model": 1, "human": 1}] * 3


def test_sharing_a_probability_cannot_change_the_models_top_code(tmp_path, capsys) -> None:
    """The model's top code is Champions (0.5) over Innovation Adaptability (IC.F -> INN.F,
    0.4). Split three ways Champions would be 0.167 each, below INN.F's 0.4; counted in CFIR
    2009 first it stays the top and reaches all three roles: agreement 3/3. Before: the model
    counted INN.F only, 0 of 4 decisions present for both, agreement 0/4."""
    model, human = champions_pair(tmp_path, [sug("PR.B.3", 0.5), sug("IC.F", 0.4)])
    data = agree_json(tmp_path, capsys, [str(model), str(human), "--codebook", "cfir-2022"])
    assert data["codes"] == ["IND.C", "IND.E", "IND.F"]
    assert data["pooled"]["all"]["percent_agreement"] == 1.0


def test_model_threshold_is_applied_before_the_crosswalk(tmp_path, capsys) -> None:
    """At --model-threshold 0.45 the model counts Champions (0.5), not IC.F (0.4): the same
    three roles as the person. Before, 0.5 / 3 fell below the threshold and the model counted
    nothing: agreement 0 of 3 decisions."""
    model, human = champions_pair(tmp_path, [sug("PR.B.3", 0.5), sug("IC.F", 0.4)])
    data = agree_json(
        tmp_path,
        capsys,
        [str(model), str(human), "--codebook", "cfir-2022", "--model-threshold", "0.45"],
    )
    assert data["codes"] == ["IND.C", "IND.E", "IND.F"]
    assert data["pooled"]["all"]["percent_agreement"] == 1.0
    assert data["models"] == ["model"]


def test_models_argument_names_the_model_coders() -> None:
    """The explicit ``models`` argument names models among the coders, in coder order."""
    a = CodingResult([seg(0, [sug("X", 0.9)])])
    b = CodingResult([seg(0, [sug("X")])])
    cu = coded_units_from_results({"a": a, "b": b}, models=["b", "zzz"])
    assert cu.models == ["b"]
    assert cu.codings["b"]["t1:0"] == {"X"}
    assert np.isnan(cu.presence(["X"])).sum() == 0


def test_two_inputs_read_as_models_say_why_and_how_a_second_coder_is_read_as_a_person(
    tmp_path, capsys
) -> None:
    """Tester K10: a second coder who edits a copy of the run folder keeps its run.json, which
    records the model, so agree read them as "coderC (model)" in a model-model pair and said
    nothing of why. A note now names how each input was read as a model and the routes that
    make a second coder's codings a person's."""
    model = {"model": {"hash": "abc", "codebook": "cfir-2009"}}
    CodingResult([seg(0, [sug("X", 0.7)])], meta=model).save(tmp_path / "coded")
    CodingResult([seg(0, [sug("Y")])], meta=model).save(tmp_path / "coderC")
    CodingResult([seg(0, [sug("X", 0.6), sug("Y", 0.3)])]).save(tmp_path / "bare")
    (tmp_path / "bare" / "run.json").unlink()
    code, out, err = run(
        ["agree", str(tmp_path / "coded"), str(tmp_path / "coderC"), str(tmp_path / "bare"),
         "--n-boot", "0"],
        capsys,
    )  # fmt: skip
    assert code == 0, err
    assert (
        "3 inputs are read as models, and compared as models: coded, coderC (they record a "
        "model as their maker: run.json, or roqa_nlp's user in a .qdpx); bare (no run.json, and a probability below 1). "
        "A second coder's codings count as a person's when made with roqa apply-decisions "
        "--coder NAME from their review's decisions, or given as a long CSV (unit,coder,code); "
        "an edited copy of a model's run folder keeps its run.json (docs/agreement.md)"
    ) in " ".join(out.split())


def test_one_input_read_as_a_model_says_why_too(tmp_path, capsys) -> None:
    """A second coder's edited copy of a run folder (their codes at probability 1, the run.json
    recording the model kept) compared with a gold coder alone is read as "coderC (model)": the
    note saying why and how a second coder counts as a person is given for it too. Before, only
    two inputs or more read as models got it, and this pair had no note."""
    model = {"model": {"hash": "abc", "codebook": "cfir-2009"}}
    CodingResult([seg(0, [sug("X")]), seg(1, [sug("Y")])], meta=model).save(tmp_path / "coderC")
    CodingResult([seg(0, [sug("X")]), seg(1, [sug("X")])]).save(tmp_path / "gold")
    out_json = tmp_path / "agree.json"
    code, out, err = run(
        ["agree", str(tmp_path / "coderC"), str(tmp_path / "gold"), "--n-boot", "0",
         "--json", str(out_json)],
        capsys,
    )  # fmt: skip
    assert code == 0, err
    note = (
        "1 input is read as a model, and compared as a model: coderC (it records a model as its "
        "maker: run.json, or roqa_nlp's user in a .qdpx). A second coder's codings count as a "
        "person's when made with roqa apply-decisions --coder NAME from their review's "
        "decisions, or given as a long CSV (unit,coder,code); an edited copy of a model's run "
        "folder keeps its run.json (docs/agreement.md)"
    )
    assert json.loads(out_json.read_text("utf-8"))["notes"] == [
        "2 codes are not in codebook cfir-2009 and are compared as written: 'X' (coderC, gold), "
        "'Y' (coderC)",
        note,
        "coderC's codes are counted as its top suggestion in each segment (suggestions tied for "
        "the top all count); --model-threshold P counts every suggestion with probability >= P",
    ]
    assert f"Note: {note}." in " ".join(out.split())


def model_and_gold(folder: Path) -> tuple[Path, Path]:
    """A run of two segments, each with three suggestions kept (0.6/0.3/0.1), and a gold
    coder's codings of them."""
    model = {"model": {"hash": "abc", "codebook": "cfir-2009"}}
    three = [sug("IS.C", 0.6), sug("IN.G", 0.3), sug("IS.E", 0.1)]
    CodingResult([seg(0, three), seg(1, three)], meta=model).save(folder / "model")
    CodingResult([seg(0, [sug("IS.C")]), seg(1, [sug("IN.G")])]).save(folder / "gold")
    return folder / "model", folder / "gold"


def test_the_printed_notes_say_a_model_is_counted_by_its_top_suggestion(tmp_path, capsys) -> None:
    """Before, only the JSON's model_threshold (null) told how the model's codes were counted:
    the top-1 table and the --model-threshold one read the same (tester, session 54)."""
    model, gold = model_and_gold(tmp_path)
    code, out, err = run(["agree", str(model), str(gold), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert (
        "Note: model's codes are counted as its top suggestion in each segment (suggestions tied "
        "for the top all count); --model-threshold P counts every suggestion with probability "
        ">= P."
    ) in " ".join(out.split())


def test_the_printed_notes_give_the_threshold_and_the_suggestions_kept(tmp_path, capsys) -> None:
    """At 0.3 the model counts IS.C and IN.G on each segment, of the 3 suggestions its codings
    keep: a suggestion roqa code did not keep (--top-k) could never count, and the note says so."""
    model, gold = model_and_gold(tmp_path)
    out_json = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(model), str(gold), "--n-boot", "0", "--model-threshold", "0.3",
         "--json", str(out_json)],
        capsys,
    )  # fmt: skip
    assert code == 0, err
    note = (
        "model's codes are counted as every suggestion with probability >= 0.3 "
        "(--model-threshold) among those its codings keep, at most 3 per segment (roqa code "
        "--top-k): a suggestion not kept cannot count"
    )
    assert f"Note: {note}." in " ".join(out.split())
    data = json.loads(out_json.read_text("utf-8"))
    assert note in data["notes"]
    assert data["model_threshold"] == 0.3


def test_a_model_threshold_with_no_model_input_is_warned_of(tmp_path, capsys) -> None:
    """Before, --model-threshold 0.5 of two people's CSV was accepted silently, the JSON
    recording it as if applied (tester, session 50)."""
    p = tmp_path / "two.csv"
    p.write_text("unit,coder,code\nu1,A,X\nu1,B,X\nu2,A,\nu2,B,X\n", encoding="utf-8")
    out_json = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(p), "--model-threshold", "0.5", "--n-boot", "0", "--json", str(out_json)],
        capsys,
    )
    assert code == 0, err
    warning = (
        "--model-threshold 0.5 is not used: no input is a model's run (it counts a model's "
        "suggestions at or above it; a person's codes count as given)"
    )
    assert f"Warning: {warning}." in " ".join(out.split())
    assert warning in json.loads(out_json.read_text("utf-8"))["notes"]
