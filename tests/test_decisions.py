"""Specification of the researcher's decisions file and the training examples it gives."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import warnings
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import (
    Decision,
    feedback_examples,
    feedback_plan,
    feedback_summary,
    project_code_id,
    project_codebook,
    read_decisions,
)
from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

CSV_TEXT = (
    "segment_id,decision,code_id,new_code,note\n"
    "p01_interview:0003,accept,IS.E.2,,\n"
    "p01_interview:0004,reject,IC.H,,\n"
    "p01_interview:0007,recode,OS.D,,commissioner thresholds\n"
    "p01_interview:0011,new-code,,COVID-19 disruption,\n"
)

EXPECTED = [
    Decision("p01_interview:0003", "accept", "IS.E.2"),
    Decision("p01_interview:0004", "reject", "IC.H"),
    Decision("p01_interview:0007", "recode", "OS.D", note="commissioner thresholds"),
    Decision("p01_interview:0011", "new-code", new_code="COVID-19 disruption"),
]


@pytest.fixture(scope="module")
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def one_line_error(exc: pytest.ExceptionInfo[RoqaError], path: Path) -> str:
    msg = str(exc.value)
    assert "\n" not in msg
    assert msg.startswith(f"{path}: ")
    return msg


# -- reading ------------------------------------------------------------------------------------


def test_csv_decisions_are_parsed_in_file_order(tmp_path: Path) -> None:
    decisions, _ = read_decisions(write(tmp_path, "decisions.csv", CSV_TEXT))
    assert decisions == EXPECTED


def test_read_decisions_returns_the_sha256_of_the_file(tmp_path: Path) -> None:
    p = write(tmp_path, "decisions.csv", CSV_TEXT)
    _, digest = read_decisions(p)
    assert digest == hashlib.sha256(p.read_bytes()).hexdigest()


def test_jsonl_decisions_are_parsed_like_csv(tmp_path: Path) -> None:
    rows = [
        {"segment_id": "p01_interview:0003", "decision": "accept", "code_id": "IS.E.2"},
        {"segment_id": "p01_interview:0004", "decision": "reject", "code_id": "IC.H"},
        {
            "segment_id": "p01_interview:0007",
            "decision": "recode",
            "code_id": "OS.D",
            "note": "commissioner thresholds",
        },
        {
            "segment_id": "p01_interview:0011",
            "decision": "new-code",
            "new_code": "COVID-19 disruption",
            "code_id": None,
        },
    ]
    p = write(tmp_path, "decisions.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    assert read_decisions(p)[0] == EXPECTED


def test_decision_names_are_case_and_separator_insensitive(tmp_path: Path) -> None:
    text = "segment_id,decision,code_id,new_code\ns:1,Accept,IC.A,\ns:2,NEW_CODE,,Staff morale\n"
    decisions, _ = read_decisions(write(tmp_path, "d.csv", text))
    assert [d.decision for d in decisions] == ["accept", "new-code"]


def test_spreadsheet_header_case_and_spaces_are_tolerated(tmp_path: Path) -> None:
    text = "Segment_ID,Decision,Code_ID\n s:1 , accept , IC.A \n"
    decisions, _ = read_decisions(write(tmp_path, "d.csv", text))
    assert decisions == [Decision("s:1", "accept", "IC.A")]


def test_optional_text_column_is_kept(tmp_path: Path) -> None:
    text = "segment_id,decision,code_id,text\ns:1,accept,IC.A,We bought it from a vendor.\n"
    decisions, _ = read_decisions(write(tmp_path, "d.csv", text))
    assert decisions[0].text == "We bought it from a vendor."


def test_unknown_decision_is_a_one_line_error_naming_file_and_row(tmp_path: Path) -> None:
    p = write(tmp_path, "d.csv", "segment_id,decision,code_id\ns:1,accept,IC.A\ns:2,maybe,IC.A\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    msg = one_line_error(exc, p)
    assert "row 3: unknown decision 'maybe'" in msg
    assert "accept, reject, recode, new-code, no-code, note or valence" in msg


@pytest.mark.parametrize(
    "typed, said",
    [
        ("acept", "did you mean accept? use accept, reject"),
        ("rejcet", "did you mean reject? use accept, reject"),
        ("New Code", "did you mean new-code? use accept, reject"),
        ("maybe", "use accept, reject"),
    ],
)
def test_a_misspelt_decision_asks_did_you_mean(tmp_path: Path, typed: str, said: str) -> None:
    """Cli tester, session 64 (cliux 5): `acept` in a decisions.csv was refused with the list of
    decisions only, where `--unit sentance` and a codebook id asked "did you mean"."""
    p = write(tmp_path, "d.csv", f"segment_id,decision,code_id\ns:1,{typed},IC.A\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert str(exc.value) == (
        f"{p}: row 2: unknown decision '{typed}' ({said}, recode, new-code, no-code, note or "
        "valence)"
    )


def test_unknown_decision_in_jsonl_names_the_line(tmp_path: Path) -> None:
    p = write(tmp_path, "d.jsonl", '{"segment_id": "s:1", "decision": "keep", "code_id": "IC.A"}\n')
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert "row 1: unknown decision 'keep'" in one_line_error(exc, p)


@pytest.mark.parametrize("decision", ["accept", "reject", "recode"])
def test_missing_code_id_is_a_one_line_error(tmp_path: Path, decision: str) -> None:
    p = write(tmp_path, "d.csv", f"segment_id,decision,code_id\ns:1,{decision},\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert f"row 2: {decision} needs a code_id" in one_line_error(exc, p)


def test_new_code_without_a_name_is_a_one_line_error(tmp_path: Path) -> None:
    p = write(tmp_path, "d.csv", "segment_id,decision,code_id,new_code\ns:1,new-code,,\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert "row 2: new-code needs a new_code name" in one_line_error(exc, p)


def test_row_without_segment_id_is_a_one_line_error(tmp_path: Path) -> None:
    p = write(tmp_path, "d.csv", "segment_id,decision,code_id\n,accept,IC.A\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert "row 2: no segment_id" in one_line_error(exc, p)


def test_csv_without_segment_id_column_is_a_one_line_error(tmp_path: Path) -> None:
    p = write(tmp_path, "d.csv", "segment,decision,code_id\ns:1,accept,IC.A\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert "decisions file has no segment_id column" in one_line_error(exc, p)


def test_missing_decisions_file_is_a_one_line_error(tmp_path: Path) -> None:
    p = tmp_path / "absent.csv"
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert "file not found" in one_line_error(exc, p)


# -- project codes ------------------------------------------------------------------------------


def test_new_code_gets_a_stable_project_id() -> None:
    assert project_code_id("COVID-19 disruption") == "project.covid-19-disruption"
    assert project_code_id("  Covid-19   Disruption! ") == "project.covid-19-disruption"
    assert project_code_id("Staff morale & wellbeing") == "project.staff-morale-wellbeing"
    assert project_code_id("???") == "project.code"


def test_project_codebook_adds_one_codable_code_per_new_name(cfir: Codebook) -> None:
    decisions = [
        *EXPECTED,
        Decision("p01_interview:0012", "new-code", new_code="covid-19 Disruption"),
        Decision("p01_interview:0013", "new-code", new_code="Staff morale"),
    ]
    book = project_codebook(cfir, decisions)
    assert book.id == "cfir-2009+project"
    assert len(book) == len(cfir) + 2
    assert [c.id for c in book.codes[len(cfir) :]] == [
        "project.covid-19-disruption",
        "project.staff-morale",
    ]
    code = book.resolve("project.covid-19-disruption")
    assert (code.name, code.level, code.codable, code.parent) == (
        "COVID-19 disruption",
        "code",
        True,
        None,
    )
    assert book.resolve("COVID-19 disruption").id == "project.covid-19-disruption"


def test_project_codebook_leaves_the_original_unchanged(cfir: Codebook) -> None:
    before = cfir.hash
    project_codebook(cfir, EXPECTED)
    assert cfir.hash == before
    assert cfir.find("project.covid-19-disruption") is None


def test_without_new_codes_the_codebook_is_returned_as_is(cfir: Codebook) -> None:
    assert project_codebook(cfir, EXPECTED[:3]) is cfir


def test_project_codebook_of_a_project_codebook_keeps_its_id(cfir: Codebook) -> None:
    book = project_codebook(cfir, EXPECTED)
    again = project_codebook(book, [Decision("s:9", "new-code", new_code="Garden project")])
    assert again.id == "cfir-2009+project"
    assert again.find("project.covid-19-disruption") is not None
    assert again.find("project.garden-project") is not None


# -- training examples --------------------------------------------------------------------------


def coding_result() -> CodingResult:
    texts = {
        "p01_interview:0003": "We just don't have the staff to run it.",
        "p01_interview:0004": "The software licence was free for the first year.",
        "p01_interview:0007": "The council changed the thresholds again.",
        "p01_interview:0011": "Covid closed the home for three months.",
    }
    segs = []
    start = 0
    for sid, text in texts.items():
        seg = Segment(sid, "p01_interview", "P01", "participant", start, start + len(text), text)
        segs.append(SegmentResult(segment=seg))
        start += len(text) + 1
    return CodingResult(segments=segs)


def test_each_decision_becomes_a_labelled_example(cfir: Codebook) -> None:
    book = project_codebook(cfir, EXPECTED)
    texts, labels, ids = feedback_examples(EXPECTED, book, coding_result())
    assert ids == [
        "p01_interview:0003",
        "p01_interview:0004",
        "p01_interview:0007",
        "p01_interview:0011",
    ]
    assert texts == [
        "We just don't have the staff to run it.",
        "The software licence was free for the first year.",
        "The council changed the thresholds again.",
        "Covid closed the home for three months.",
    ]
    assert labels == [["IS.E.2"], [], ["OS.D"], ["project.covid-19-disruption"]]


def test_each_example_keeps_its_segments_question_for_the_question_model(cfir: Codebook) -> None:
    result = coding_result()
    asked = {"p01_interview:0003": "What got in the way?", "p01_interview:0007": "And outside?"}
    for s in result.segments:
        s.segment = dataclasses.replace(s.segment, context=asked.get(s.segment.id, ""))
    book = project_codebook(cfir, EXPECTED)
    plan = feedback_plan([(EXPECTED, result, "d")], book)
    assert plan.contexts == ["What got in the way?", "", "And outside?", ""]
    assert plan.training_set().contexts == plan.contexts
    # without codings there is no question to keep
    texted = [dataclasses.replace(d, text=f"words {i}") for i, d in enumerate(EXPECTED)]
    alone = feedback_plan([(texted, None, "d")], book)
    assert alone.texts and alone.contexts == [""] * len(alone.texts)


def test_a_decisions_own_text_wins_over_codings_whose_segment_ids_moved(cfir: Codebook) -> None:
    """The report saves each decision with its segment's text: when the transcript was coded
    again and ``p01_interview:0003`` is now another segment, training learns from the words the
    researcher decided on."""
    decided = "Staff turnover means we're always training someone new."
    council = "The council changed the thresholds again."  # still p01_interview:0007
    decisions = [
        Decision("p01_interview:0003", "accept", "IS.E.2", text=decided),
        Decision("p01_interview:0007", "accept", "OS.D", text=council),
    ]
    with pytest.warns(RoqaWarning) as got:
        texts, labels, _ = feedback_examples(decisions, cfir, coding_result())
    assert (texts, labels) == ([decided, council], [["IS.E.2"], ["OS.D"]])
    assert str(got[0].message) == (
        "decisions: 1 decision on no segment of the codings, trained on their own text without "
        "the model's valence: p01_interview:0003"
    )


def test_decisions_none_of_which_is_on_a_segment_of_the_codings_are_refused(
    cfir: Codebook,
) -> None:
    """As apply-decisions refuses them: the codings given are almost surely not those the
    review was made on (learn2 tester, s81 F4: train warned and trained on the rows' words)."""
    decisions = [
        Decision("p01_interview:0003", "accept", "IS.E.2", text="Words said in another study."),
        Decision("p09:0001", "accept", "IC.A", text="And more of its words."),
    ]
    with pytest.raises(RoqaError) as exc:
        feedback_examples(decisions, cfir, coding_result(), where="decisions.csv")
    assert str(exc.value) == (
        "decisions.csv: no decision is on a segment of the codings: p01_interview:0003, "
        "p09:0001 (are they the codings the review was made on? give those codings, or their "
        "folder)"
    )


def test_a_segment_whose_top_three_suggestions_are_rejected_becomes_a_no_code_example(
    cfir: Codebook,
) -> None:
    decisions = [
        Decision("s:1", "reject", "IC.H", text="a"),
        Decision("s:1", "reject", "IC.A"),
        Decision("s:1", "reject", "IS.C"),
    ]
    texts, labels, ids = feedback_examples(decisions, cfir, None)
    assert (texts, labels, ids) == (["a"], [[]], ["s:1"])


@pytest.mark.parametrize("n_rejected", [1, 2])
def test_rejecting_one_or_two_suggestions_only_is_left_out_of_training(
    cfir: Codebook, n_rejected: int
) -> None:
    """Rejecting the wrong top suggestion says what the segment is not, not that no code fits
    (it made every code of the segment p = 0.00 after training)."""
    decisions = [
        Decision("s:1", "reject", code, text="a") for code in ("IC.H", "IC.A")[:n_rejected]
    ]
    decisions.append(Decision("s:2", "accept", "IS.C", text="b"))
    assert feedback_examples(decisions, cfir, None) == (["b"], [["IS.C"]], ["s:2"])


def test_a_segment_shown_with_fewer_suggestions_needs_them_all_rejected(cfir: Codebook) -> None:
    result = coding_result()
    seg = result.segments[0]
    seg.suggestions = [
        Suggestion("IS.E.2", "Available Resources", "IS", 0.6),
        Suggestion("IC.H", "Cost", "IC", 0.3),
    ]
    one = [Decision(seg.segment.id, "reject", "IS.E.2")]
    both = [*one, Decision(seg.segment.id, "reject", "IC.H")]
    assert feedback_examples(one, cfir, result)[2] == []
    assert feedback_examples(both, cfir, result) == ([seg.segment.text], [[]], [seg.segment.id])


def test_rejecting_codes_the_segment_was_not_shown_is_no_reject_all(cfir: Codebook) -> None:
    """Three codes rejected, but not the three the segment shows (its top suggestion stands):
    the segment is not taught as fitting no code. Rejecting the three it shows is."""
    result = coding_result()
    seg = result.segments[0]
    seg.suggestions = [
        Suggestion("OS.A", "Patient Needs & Resources", "OS", 0.9),
        Suggestion("PR.B", "Engaging", "PR", 0.05),
        Suggestion("OS.B", "Cosmopolitanism", "OS", 0.02),
        Suggestion("IC.F", "Complexity", "IC", 0.01),
    ]
    others = [Decision(seg.segment.id, "reject", c) for c in ("IS.A", "IS.C", "IC.F")]
    assert feedback_examples(others, cfir, result)[2] == []
    shown = [Decision(seg.segment.id, "reject", c) for c in ("OS.B", "PR.B", "OS.A")]
    assert feedback_examples(shown, cfir, result) == ([seg.segment.text], [[]], [seg.segment.id])


def test_a_reject_all_of_an_earlier_round_is_judged_on_that_rounds_suggestions(
    cfir: Codebook,
) -> None:
    """Round 0 rejected the three suggestions its codings showed; round 1 only gave the same
    words a valence, on codings showing three others. The reject-all stands (it was judged on
    round 1's suggestions, and the segment was left out of training)."""
    r0, r1 = coding_result(), coding_result()
    s0, s1 = r0.segments[0], r1.segments[0]
    s0.suggestions = [
        Suggestion(c, c, c[:2], p) for c, p in (("OS.A", 0.5), ("PR.B", 0.3), ("OS.B", 0.1))
    ]
    s1.suggestions = [
        Suggestion(c, c, c[:2], p) for c, p in (("IC.F", 0.4), ("IS.A", 0.3), ("IS.C", 0.2))
    ]
    sid, text = s0.segment.id, s0.segment.text
    round0 = [Decision(sid, "reject", c, text=text) for c in ("OS.A", "PR.B", "OS.B")]
    round1 = [Decision(sid, "valence", text=text, valence="barrier")]
    plan = feedback_plan([(round0, r0, "r0"), (round1, r1, "r1")], cfir)
    assert (plan.texts, plan.labels, plan.counts) == ([text], [[]], {"rejected": 1})


def test_several_decisions_on_one_segment_give_one_multi_label_example(cfir: Codebook) -> None:
    decisions = [
        Decision("s:1", "accept", "IS.E.2", text="No staff, no money."),
        Decision("s:1", "reject", "IC.H"),
        Decision("s:1", "recode", "Available Resources"),  # a name resolves to its id
        Decision("s:1", "accept", "IC.H"),
    ]
    with pytest.warns(RoqaWarning, match="reject then accept IC.H on s:1"):
        _, labels, _ = feedback_examples(decisions, cfir, None)
    assert labels == [["IS.E.2", "IC.H"]]


def test_codes_given_by_name_are_stored_by_id(cfir: Codebook) -> None:
    decisions = [Decision("s:1", "accept", "external policy and incentives", text="Targets.")]
    assert feedback_examples(decisions, cfir, None)[1] == [["OS.D"]]


def test_a_row_without_text_of_a_transcript_not_coded_is_left_out_naming_its_row(
    cfir: Codebook,
) -> None:
    # its interview is not in the codings, whose other rows are on their own ids: left out, as
    # apply-decisions leaves it out (s88 daily20 D2: one such row stopped the round's training)
    decisions = [
        Decision("p01_interview:0003", "accept", "IS.E.2", row=2),
        Decision("p09:0001", "accept", "IC.A", row=3),
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        texts, labels, ids = feedback_examples(
            decisions, cfir, coding_result(), where="decisions.csv"
        )
    assert (texts, labels, ids) == (
        ["We just don't have the staff to run it."],
        [["IS.E.2"]],
        ["p01_interview:0003"],
    )
    said = [str(w.message) for w in caught if "left out" in str(w.message)]
    assert said == [
        "decisions.csv: 1 decision without text on no segment of the codings, left out: "
        "p09:0001 (row 3)"
    ]


def test_without_a_result_or_text_every_segment_is_unknown(cfir: Codebook) -> None:
    with pytest.raises(RoqaError, match="unknown segment id 's:1'"):
        feedback_examples([Decision("s:1", "accept", "IC.A")], cfir, None)


@pytest.mark.parametrize("decision", ["accept", "recode", "reject"])
def test_unknown_code_is_a_one_line_error_naming_the_decisions(
    cfir: Codebook, decision: str
) -> None:
    decisions = [Decision("s:1", decision, "IC.Z", text="x")]
    with pytest.raises(RoqaError) as exc:
        feedback_examples(decisions, cfir, None, where="decisions.csv")
    msg = str(exc.value)
    assert "\n" not in msg
    assert msg.startswith("decisions.csv: unknown code 'IC.Z' in codebook 'cfir-2009'")


@pytest.mark.parametrize(
    ("code", "label"), [("T2.8", "project.high-staff-turnover"), ("INN.A", "IC.A")]
)
def test_a_code_of_a_translated_report_is_read_as_the_models_code(
    cfir: Codebook, code: str, label: str
) -> None:
    """A decision made on a report charted in another built-in codebook was refused ("code
    'INN.A' is a code of cfir-2022, not of the model's codebook"); it is read through the
    documented mapping (tests/test_decisions_cfir2.py), with a warning."""
    decisions = [Decision("s:1", "accept", code, text="x")]
    with pytest.warns(RoqaWarning, match="read as decisions on the model's cfir-2009 codes"):
        assert feedback_examples(decisions, cfir, None)[1] == [[label]]


def test_a_code_of_a_codebook_with_no_mapping_to_the_models_is_named_with_its_codebook(
    cfir: Codebook,
) -> None:
    """A model of a codebook of its own, which documents no mapping to CFIR 2.0: a CFIR 2.0 code
    cannot be read as one of its codes, and the error says whose code it is."""
    own = Codebook(id="tdf", name="TDF", codes=[c for c in cfir.codes if c.id.startswith("IC")])
    decisions = [Decision("s:1", "accept", "INN.A", text="x")]
    with pytest.raises(RoqaError) as exc:
        feedback_examples(decisions, own, None, where="decisions.csv")
    assert str(exc.value) == (
        "decisions.csv: code 'INN.A' is a code of cfir-2022, not of the model's codebook tdf "
        "(record decisions on a report in the model's codebook: roqa report CODINGS "
        "--codebook tdf)"
    )


def test_a_new_code_outside_the_project_codebook_is_still_labelled_by_its_id(
    cfir: Codebook,
) -> None:
    decisions = [Decision("s:1", "new-code", new_code="Garden project", text="We grow veg.")]
    assert feedback_examples(decisions, cfir, None)[1] == [["project.garden-project"]]


def test_a_decisions_file_without_decisions_is_a_one_line_error(tmp_path: Path) -> None:
    p = tmp_path / "decisions.csv"
    p.write_text("segment_id,decision,code_id,new_code,note,text\n", encoding="utf-8")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert str(exc.value) == (
        f"{p}: holds no decisions (accept, reject or recode suggestions in report.html and save "
        "its decisions)"
    )


@pytest.mark.parametrize("name", ["Available Resources", "available resources"])
def test_a_new_code_named_like_an_existing_code_is_a_one_line_error(
    cfir: Codebook, name: str
) -> None:
    decisions = [Decision("s:1", "new-code", new_code=name, text="We lacked money.")]
    with pytest.raises(RoqaError) as exc:
        project_codebook(cfir, decisions, where="decisions.csv")
    assert str(exc.value).startswith(
        f"decisions.csv: new code '{name}' is the name of IS.E.2 Available Resources"
    )


def test_a_new_code_named_as_an_alias_is_a_new_code(cfir: Codebook) -> None:
    """Session 71: an alias ("Resources", of IS.E.2) is not a code's name. A new code so named
    is the project's own, as named_codes_recoded leaves it and a project's code charted in
    another codebook is read (names compared, not aliases); it was refused here."""
    decisions = [Decision("s:1", "new-code", new_code="Resources", text="We lacked money.")]
    book = project_codebook(cfir, decisions, where="decisions.csv")
    assert book["project.resources"].name == "Resources"


# -- new-code ids in any script (D3) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "cid"),
    [
        ("COVID-19 disruption", "project.covid-19-disruption"),
        ("安全", "project.安全"),
        ("健康", "project.健康"),
        ("Καλή πρακτική", "project.καλή-πρακτική"),
        ("Café culture", "project.café-culture"),
        ("Cafe culture", "project.cafe-culture"),
        ("Ｆｕｌｌ width", "project.full-width"),  # NFKC
        ("!!!", "project.code"),
    ],
)
def test_new_code_ids_keep_letters_of_every_script(name: str, cid: str) -> None:
    assert project_code_id(name) == cid


def test_new_codes_in_non_latin_scripts_stay_apart(cfir: Codebook) -> None:
    decisions = [
        Decision("s:1", "new-code", new_code="安全", text="a"),
        Decision("s:2", "new-code", new_code="健康", text="b"),
        Decision("s:3", "new-code", new_code="Καλή πρακτική", text="c"),
    ]
    book = project_codebook(cfir, decisions)
    assert [(c.id, c.name) for c in book.codes if c.id.startswith("project.")] == [
        ("project.安全", "安全"),
        ("project.健康", "健康"),
        ("project.καλή-πρακτική", "Καλή πρακτική"),
    ]
    assert feedback_examples(decisions, book, None)[1] == [
        ["project.安全"],
        ["project.健康"],
        ["project.καλή-πρακτική"],
    ]


def test_two_names_giving_one_id_are_a_one_line_error(cfir: Codebook) -> None:
    decisions = [
        Decision("s:1", "new-code", new_code="Staff + rota", text="a"),
        Decision("s:2", "new-code", new_code="Staff rota", text="b"),
    ]
    with pytest.raises(RoqaError) as exc:
        project_codebook(cfir, decisions, where="decisions.csv")
    assert str(exc.value) == (
        "decisions.csv: new codes 'Staff + rota' and 'Staff rota' both become "
        "project.staff-rota (give them one name, or names that differ in their letters "
        "or digits)"
    )


def test_spellings_of_one_new_code_name_are_one_code_said_once(cfir: Codebook) -> None:
    """Tester s51 (opencoding, 4): a curly apostrophe stopped apply-decisions ("both become
    project.peer-workers-lived-experience"), and "Pets and animals" beside "Pets & animals"
    became a fifth code, though a codebook's names are told apart without case, punctuation
    or &/and. New-code names are read so too, each as its first spelling, in one warning."""
    from roqa_nlp.decisions import named_codes_recoded

    names = [
        "Peer workers' lived experience",
        "Pets & animals",
        "Peer workers\u2019 lived experience",
        "Pets and animals",
        "COVID-19 disruption",
        "Covid 19: disruption",
        "Pets & animals",
    ]
    decisions = [
        Decision(f"s:{i}", "new-code", new_code=n, text=str(i)) for i, n in enumerate(names)
    ]
    with pytest.warns(RoqaWarning) as caught:
        read = named_codes_recoded(decisions, cfir, where="decisions.csv")
    assert [str(w.message) for w in caught] == [
        "decisions.csv: new codes counted as one, as their names differ only in case, spacing, "
        "punctuation or &/and: \"Peer workers' lived experience\" = 'Peer workers\u2019 lived "
        "experience'; 'Pets & animals' = 'Pets and animals'; 'COVID-19 disruption' = 'Covid 19: "
        "disruption' (each is the first spelling)"
    ]
    book = project_codebook(cfir, read, where="decisions.csv")
    assert [(c.id, c.name) for c in book.codes if c.id.startswith("project.")] == [
        ("project.peer-workers-lived-experience", "Peer workers' lived experience"),
        ("project.pets-animals", "Pets & animals"),
        ("project.covid-19-disruption", "COVID-19 disruption"),
    ]


def test_names_differing_in_case_and_spacing_only_are_one_code(cfir: Codebook) -> None:
    decisions = [
        Decision("s:1", "new-code", new_code="Peer support", text="a"),
        Decision("s:2", "new-code", new_code="peer  Support", text="b"),
    ]
    book = project_codebook(cfir, decisions)
    assert [(c.id, c.name) for c in book.codes if c.id.startswith("project.")] == [
        ("project.peer-support", "Peer support")
    ]


# -- separators, encodings and long fields (D6, D9) -----------------------------------------------

ROWS = [
    ["segment_id", "decision", "code_id", "new_code", "note", "text"],
    ["p01:0001", "accept", "IS.E.2", "", "", "No money, 1,5 staff; none spare."],
    ["p01:0002", "new-code", "", "Digital exclusion", "tab\tin note", "No phone."],
]


@pytest.mark.parametrize(
    ("sep", "encoding", "bom"),
    [(";", "utf-8", ""), ("\t", "utf-16-le", "\ufeff"), (",", "utf-8", "\ufeff")],
)
def test_semicolon_and_tab_separated_files_are_read(
    tmp_path: Path, sep: str, encoding: str, bom: str
) -> None:
    """Excel's CSV in locales with a decimal comma uses ';'; its "Unicode text" is UTF-16 with
    tabs."""
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator="\r\n").writerows(ROWS)
    p = tmp_path / "decisions.csv"
    p.write_bytes((bom + buf.getvalue()).encode(encoding))
    decisions, _ = read_decisions(p)
    assert decisions == [
        Decision("p01:0001", "accept", "IS.E.2", text="No money, 1,5 staff; none spare."),
        Decision(
            "p01:0002",
            "new-code",
            new_code="Digital exclusion",
            note="tab\tin note",
            text="No phone.",
        ),
    ]


def test_a_file_without_a_segment_id_column_names_the_header_found_and_the_columns_expected(
    tmp_path: Path,
) -> None:
    """adapt tester, session 42: "(header: segment_id,decision,...)" read as the header found."""
    p = write(tmp_path, "decisions.csv", "segment,decision\ns:1,accept\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert one_line_error(exc, p) == (
        f"{p}: decisions file has no segment_id column in its header row (line 1: "
        "segment,decision) (expected the columns segment_id, decision, code_id, new_code, note, "
        "text, valence, suggestion, separated by commas, semicolons or tabs)"
    )


def test_a_very_long_header_line_is_cut_in_the_error(tmp_path: Path) -> None:
    """Fuzzing, session 56: a first line of 2,000 digits was echoed whole in the one-line error;
    it is cut to 200 characters, the cut marked."""
    p = write(tmp_path, "decisions.csv", "9" * 2000 + "\ns:1,accept\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert one_line_error(exc, p) == (
        f"{p}: decisions file has no segment_id column in its header row (line 1: "
        + "9" * 199
        + "…) (expected the columns segment_id, decision, code_id, new_code, note, "
        "text, valence, suggestion, separated by commas, semicolons or tabs)"
    )


def test_a_file_that_lost_its_header_line_says_its_first_line_is_a_decision(
    tmp_path: Path,
) -> None:
    """adapt tester, session 42: the rejects grep-ed out of a decisions.csv (its header line
    dropped) were said to have "no segment_id column (header: segment_id,decision,...)"."""
    p = write(tmp_path, "decisions.csv", "p01:0003,reject,IS.D.2,,,\np01:0012,reject,IC.C,,,\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert one_line_error(exc, p) == (
        f"{p}: the first line 'p01:0003,reject,IS.D.2,,,' is a decision, not the header (put "
        "the header line back above it: segment_id,decision,code_id,new_code,note,text,valence,"
        "suggestion)"
    )


def test_the_header_line_to_put_back_has_the_files_own_separator(tmp_path: Path) -> None:
    p = write(tmp_path, "decisions.csv", "\ufeffp01:0003;Accept;IS.C\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert one_line_error(exc, p) == (
        f"{p}: the first line 'p01:0003;Accept;IS.C' is a decision, not the header (put the "
        "header line back above it: segment_id;decision;code_id;new_code;note;text;valence;"
        "suggestion)"
    )


def test_a_note_longer_than_csvs_default_field_limit_is_read(tmp_path: Path) -> None:
    import csv

    note = "x" * 200_000
    p = write(
        tmp_path, "decisions.csv", f"segment_id,decision,code_id,note\ns:1,accept,IC.A,{note}\n"
    )
    (d,), _ = read_decisions(p)
    assert len(d.note) == 200_000
    assert csv.field_size_limit() == 131072  # the process-wide limit is left as it was


def test_a_field_over_16_mb_is_a_one_line_error_naming_the_row(tmp_path: Path) -> None:
    note = "x" * (16 * 2**20 + 1)
    p = write(
        tmp_path, "decisions.csv", f"segment_id,decision,code_id,note\ns:1,accept,IC.A,{note}\n"
    )
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert one_line_error(exc, p) == (
        f"{p}: row 2: field larger than field limit (16777216) (a field holds at most 16 MB; "
        "shorten the note)"
    )


# -- decisions whose segment ids moved (D4) ------------------------------------------------------


def coded(texts: list[tuple[str, str]], *, first: int = 1) -> CodingResult:
    """Codings of one transcript ``p01``: segments p01:{first}, p01:{first+1}, ... with these
    (text, valence of the top suggestion)."""
    segs = []
    for n, (text, valence) in enumerate(texts, first):
        seg = Segment(f"p01:{n:04d}", "p01", "P01", "participant", 0, len(text), text)
        top = Suggestion("IS.E.2", "Available Resources", "IS", 0.5, valence=valence)
        segs.append(SegmentResult(segment=seg, suggestions=[top]))
    return CodingResult(segments=segs)


SEGS = [
    ("Nice weather today, we sat outside.", "neutral"),
    ("We never have the staff for it.", "barrier"),
    ("The director backs the project.", "enabler"),
]


def test_decisions_are_found_by_their_text_when_segment_ids_moved(cfir: Codebook) -> None:
    """Re-coded after the small talk was cut: p01:0002 is now p01:0001. The example takes the
    moved segment's valence, not the valence of whatever segment now has the old id."""
    after = coded(SEGS[1:])  # p01:0001 barrier, p01:0002 enabler
    decisions = [
        Decision("p01:0002", "accept", "IS.E.2", text="We never have the staff for it."),
        Decision("p01:0003", "accept", "IS.E.1", text="The director backs  the project."),
    ]
    plan = feedback_plan([(decisions, after, "decisions.csv")], cfir)
    assert plan.ids == ["p01:0001", "p01:0002"]
    assert plan.valences == ["barrier", "enabler"]
    assert plan.labels == [["IS.E.2"], ["IS.E.1"]]


def test_rows_without_text_in_a_transcript_whose_ids_moved_are_warned_about(
    cfir: Codebook,
) -> None:
    after = coded(SEGS[1:])
    decisions = [
        Decision("p01:0002", "accept", "IS.E.2", text="We never have the staff for it."),
        Decision("p01:0002", "reject", "IC.A"),  # takes its text from the row above
        Decision("p01:0001", "accept", "OS.D"),  # no text: found by id, may be another's words
    ]
    with pytest.warns(RoqaWarning) as got:
        plan = feedback_plan([(decisions, after, "decisions.csv")], cfir)
    assert [str(w.message) for w in got] == [
        "decisions.csv: 1 decision without text, found by segment id in transcripts whose "
        "segment ids have moved since the decisions were made: they may be on another segment's "
        "words (save the decisions with their text)"
    ]
    # the old p01:0001 (small talk) decision lands on the words now at p01:0001
    assert plan.ids == ["p01:0001"]
    assert plan.labels == [["IS.E.2", "OS.D"]]


def test_rows_without_text_on_unmoved_codings_say_they_were_matched_by_id_alone(
    cfir: Codebook,
) -> None:
    """No row with text shows that the ids moved, and nothing recorded tells whether the
    transcript changed since the review: the rows are matched by id, with one line saying so
    (session 31: before, no word, and a turn added since put them on other segments)."""
    from roqa_nlp.errors import RoqaWarning

    with pytest.warns(RoqaWarning, match="^d: 1 decision row without text, matched to segments"):
        plan = feedback_plan([([Decision("p01:0002", "accept", "OS.D")], coded(SEGS), "d")], cfir)
    assert (plan.texts, plan.valences) == (["We never have the staff for it."], ["barrier"])


# -- small talk and procedural talk rejected (D5) --------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "kind"),
    [("off_topic", "off-framework"), ("procedural", "procedural"), ("", "rejected")],
)
def test_rejecting_everything_on_talk_set_aside_keeps_it_in_its_class(
    cfir: Codebook, flag: str, kind: str
) -> None:
    result = coded(SEGS[:1])
    (seg,) = result.segments
    seg.suggestions = [Suggestion(c, c, c.split(".")[0], 0.01) for c in ("IS.E.2", "IC.H", "IS.C")]
    if flag:
        setattr(seg, flag, True)
        seg.novel = True
    decisions = [Decision("p01:0001", "reject", c) for c in ("IS.E.2", "IC.H", "IS.C")]
    plan = feedback_plan([(decisions, result, "d")], cfir)
    assert (plan.labels, plan.kinds, plan.counts) == ([[]], [kind], {kind: 1})


# -- conflicting rows: the later one wins (D8) -----------------------------------------------------


def test_a_later_reject_of_an_accepted_code_wins(cfir: Codebook) -> None:
    decisions = [
        Decision("s:1", "accept", "CI.A", text="a"),
        Decision("s:1", "reject", "CI.A", note="changed my mind", text="a"),
    ]
    with pytest.warns(RoqaWarning) as caught:
        plan = feedback_plan([(decisions, None, "d")], cfir)
    assert [str(w.message) for w in caught] == [
        "d: 1 decision(s) contradicted by a later row on the same words, the later row kept: "
        "accept then reject CI.A on s:1"
    ]
    assert (plan.labels, plan.left_out) == (
        [],
        {
            "replaced by a later row on the same words and code": 1,
            "rejections short of all the segment's suggestions": 1,
        },
    )


def test_codes_given_different_valences_on_one_segment_are_warned_of_as_in_apply_decisions(
    cfir: Codebook,
) -> None:
    """s75 fbword: roqa train --feedback said nothing of one segment's codes given different
    valences (an enabler point and a barrier point of one answer), and trained both with the last
    row's. It now says what apply-decisions says, in its words (trained, not charted); the
    example's valence is unchanged, and a valence row after a code row (a mind changed) is
    trained as before, without this warning: as a row contradicted, as apply-decisions says
    (s76)."""
    decisions = [
        Decision("s:1", "accept", "IS.E.2", text="a", valence="enabler", row=2),
        Decision("s:1", "recode", "IS.B", text="a", valence="barrier", row=3),
        Decision("s:2", "accept", "IS.E.2", text="b", valence="barrier", row=4),
        Decision("s:2", "valence", text="b", valence="enabler", row=5),  # a mind changed
    ]
    with pytest.warns(RoqaWarning) as caught:
        plan = feedback_plan([(decisions, None, "d.csv")], cfir)
    assert [str(w.message) for w in caught] == [
        "d.csv: 1 decision(s) contradicted by a later row on the same words, the later row kept: "
        "rows 4 and 5: valence barrier then enabler on s:2",
        "d.csv: 1 segment(s) given codes of different valences, but a segment holds one valence, "
        "the last row's, for all its codes: rows 2 and 3: IS.E.2 enabler, IS.B barrier on s:1, "
        "all trained as barrier; to give each code its own side, code the transcript again with "
        "`roqa code --unit sentence` (a segment per sentence) and decide its sentences, or give "
        "the segment the valence of its main point",
    ]
    assert (plan.labels, plan.valences) == (
        [["IS.E.2", "IS.B"], ["IS.E.2"]],
        ["barrier", "enabler"],
    )
    # rounds: the rows named by file and row, the later round's valence trained
    r0 = [Decision("s:1", "accept", "IS.E.2", text="a", valence="barrier", row=2)]
    r1 = [Decision("s:7", "new-code", new_code="Hope", text="a", valence="enabler", row=4)]
    with pytest.warns(RoqaWarning) as caught:
        plan = feedback_plan([(r0, None, "r0.csv"), (r1, None, "r1.csv")], cfir)
    assert [str(w.message) for w in caught] == [
        "1 segment(s) given codes of different valences, but a segment holds one valence, the "
        "last row's, for all its codes: r0.csv row 2, r1.csv row 4: IS.E.2 barrier, project.hope "
        "enabler on s:7, all trained as enabler; to give each code its own side, code the "
        "transcript again with `roqa code --unit sentence` (a segment per sentence) and decide "
        "its sentences, or give the segment the valence of its main point",
    ]
    assert (plan.labels, plan.valences) == ([["IS.E.2", "project.hope"]], ["enabler"])


def test_a_code_rejected_later_is_no_side_trained(cfir: Codebook) -> None:
    """Hunt s76 (L3), as in apply-decisions: a code the review rejected after giving it a side
    is not trained, so it is no side of the segment; the warning said "IS.E.2 enabler, IS.B
    barrier ... all trained as barrier"."""
    decisions = [
        Decision("s:1", "accept", "IS.E.2", text="a", valence="enabler", row=2),
        Decision("s:1", "recode", "IS.B", text="a", valence="barrier", row=3),
        Decision("s:1", "reject", "IS.E.2", text="a", row=4),
    ]
    with pytest.warns(RoqaWarning) as caught:
        plan = feedback_plan([(decisions, None, "d.csv")], cfir)
    assert [str(w.message) for w in caught] == [
        "d.csv: 1 decision(s) contradicted by a later row on the same words, the later row "
        "kept: rows 2 and 4: accept then reject IS.E.2 on s:1",
    ]
    assert (plan.labels, plan.valences) == ([["IS.B"]], ["barrier"])


def test_rows_contradicted_on_the_same_words_are_listed_in_row_order(cfir: Codebook) -> None:
    """Hunt s57: a row a later row on its suggestion replaces was listed before an earlier
    contradicted row of the same words ("rows 4 and 5 ...; rows 2 and 3 ...")."""
    decisions = [
        Decision("s:1", "accept", "CI.A", text="a", row=2),
        Decision("s:1", "reject", "CI.A", text="a", row=3),
        Decision("s:1", "accept", "IS.E.2", text="a", row=4),
        Decision("s:1", "recode", "IC.F", text="a", suggestion="IS.E.2", row=5),
    ]
    with pytest.warns(RoqaWarning) as caught:
        feedback_plan([(decisions, None, "d")], cfir)
    assert [str(w.message) for w in caught if "contradicted" in str(w.message)] == [
        "d: 2 decision(s) contradicted by a later row on the same words, the later row kept: "
        "rows 2 and 3: accept then reject CI.A on s:1; "
        "rows 4 and 5: accept IS.E.2 then recode of IS.E.2 to IC.F on s:1"
    ]


def test_accepts_of_the_same_words_in_other_interviews_are_one_example_said_so(
    cfir: Codebook,
) -> None:
    """Session 58 tester "study": 20 accepts on 20 segments of different interviews, 11 texts,
    gave 11 examples and "9 replaced by a later row on the same segment and code". Rows are one
    example per text, so the line names the same words, not the same segment."""
    said = "Just that we're trying, you know, we really are."
    decisions = [Decision(f"P{i:02}:0040", "accept", "CI.C", text=said) for i in (1, 2, 3)]
    plan = feedback_plan([(decisions, None, "d")], cfir)
    assert (plan.labels, plan.left_out) == (
        [["CI.C"]],
        {"replaced by a later row on the same words and code": 2},
    )
    card = {"n_decisions": 3, "n_examples": 1, "examples_by_kind": {"coded": 1},
            "codes_by_decision": {"accept": 1}, "left_out": plan.left_out, "codings": [],
            "weight": 3, "n_records": 3}  # fmt: skip
    assert feedback_summary(card).startswith(
        "feedback: 1 example from 3 decisions (1 accepted), each example a decided text (one "
        "for the same words in several segments) counted 3 times (--feedback-weight): 3 "
        "training records; 2 left out (2 replaced by a later row on the same words and code);"
    )


def test_a_later_rounds_decision_wins_over_an_earlier_one(cfir: Codebook) -> None:
    r0 = [Decision("p01:0002", "accept", "CI.A", text="We never have the staff for it.")]
    r1 = [
        Decision("p01:0005", "reject", "CI.A", text="We never have the staff for it."),
        Decision("p01:0005", "recode", "IS.E.2", text="We never have the staff for it."),
    ]
    with pytest.warns(RoqaWarning) as caught:
        plan = feedback_plan(
            [(r0, coded(SEGS), "r0.csv"), (r1, coded(SEGS, first=4), "r1.csv")], cfir
        )
    assert [str(w.message) for w in caught] == [
        "1 decision(s) contradicted by a later row on the same words, the later row kept: "
        "accept then reject CI.A on p01:0005"
    ]
    assert (plan.ids, plan.labels, plan.counts) == (["p01:0005"], [["IS.E.2"]], {"recode": 1})


def test_a_later_row_on_the_same_suggestion_wins_in_training(cfir: Codebook) -> None:
    """Training reads an accept then a recode of that suggestion as the recode, and a recode
    then an accept of its suggestion as the accept, as apply-decisions does (blind tester s48:
    "the 40 coded examples are given 41 codes")."""
    decisions = [
        Decision("s:1", "accept", "CI.A", text="a", row=2),
        Decision("s:1", "recode", "IS.E.2", text="a", suggestion="CI.A", row=3),
        Decision("s:2", "recode", "IS.E.2", text="b", suggestion="CI.A", row=4),
        Decision("s:2", "accept", "CI.A", text="b", row=5),
    ]
    with pytest.warns(RoqaWarning) as caught:
        plan = feedback_plan([(decisions, None, "d")], cfir)
    assert [str(w.message) for w in caught] == [
        "d: 2 decision(s) contradicted by a later row on the same words, the later row kept: "
        "rows 2 and 3: accept CI.A then recode of CI.A to IS.E.2 on s:1; "
        "rows 4 and 5: recode of CI.A to IS.E.2 then accept CI.A on s:2"
    ]
    assert (plan.labels, plan.counts, plan.left_out) == (
        [["IS.E.2"], ["CI.A"]],
        {"recode": 1, "accept": 1},
        {"replaced by a later row on the same words and code": 2},
    )


def test_rows_of_two_rounds_that_contradict_are_named_by_file_and_row(
    tmp_path: Path, cfir: Codebook
) -> None:
    from roqa_nlp.decisions import read_decisions

    text = "We never have the staff for it."
    r0, r1 = tmp_path / "r0" / "decisions.csv", tmp_path / "r1.csv"
    r0.parent.mkdir()
    write(
        tmp_path,
        "r0/decisions.csv",
        f"segment_id,decision,code_id,text\np01:0002,accept,CI.A,{text}\n",
    )
    write(
        tmp_path,
        "r1.csv",
        "segment_id,decision,code_id,text\n"
        f"p01:0005,accept,IS.B,{text}\np01:0005,reject,CI.A,{text}\np01:0005,reject,IS.B,{text}\n",
    )
    with pytest.warns(RoqaWarning) as caught:
        plan = feedback_plan(
            [(read_decisions(r0)[0], None, r0), (read_decisions(r1)[0], None, r1)], cfir
        )
    assert [str(w.message) for w in caught] == [
        "2 decision(s) contradicted by a later row on the same words, the later row kept: "
        "decisions.csv row 2, r1.csv row 3: accept then reject CI.A on p01:0005; "
        "rows 2 and 4: accept then reject IS.B on p01:0005"
    ]
    assert plan.labels == []


def test_a_decision_given_in_two_reviewers_lists_counts_as_each_reviewer_s(cfir: Codebook) -> None:
    """review2 #11: each row's reviewer was looked up by the Decision object's id(), so one
    Decision in both lists counted as the later file's reviewer's twice, and Alice, whose only
    row on s:1 it was, had decided nothing there: no dispute was seen."""
    a, b = "REFI-QDA review by Alice", "REFI-QDA review by Bob"
    shared = Decision("s:1", "accept", "IS.E.2", text="No money for it.")
    alice = [shared, Decision("s:2", "accept", "OS.D", text="The inspectors scare us.", note=a)]
    bob = [shared, Decision("s:1", "reject", "IS.E.2", text="No money for it.", note=b)]
    with pytest.warns(RoqaWarning) as caught:
        feedback_plan([(alice, None, "alice.csv"), (bob, None, "bob.csv")], cfir)
    assert str(caught[-1].message) == (
        "1 segment decided differently by Alice and Bob (s:1) is trained with Bob's decision "
        "alone; the decisions files are read as rounds of one review, a later file's decision on "
        "a code replacing an earlier file's and a code only one decided kept; to compare the "
        "reviewers use roqa agree on their codings (roqa apply-decisions --coder NAME writes "
        "them from each file)"
    )


def test_decisions_files_of_two_reviewers_warn_once_that_disputed_segments_get_both_codes(
    cfir: Codebook,
) -> None:
    """Learn tester, session 54: Alice recoded OS.A to CI.A and named a new code where Bob, in
    his file given after hers, accepted OS.A and OS.D; both were trained on those segments,
    "the later row wins" reading as if Bob's decisions replaced Alice's. Files naming their
    reviewers (roqa import's, of a QDA review) that decide a segment differently are warned of
    once, saying what each such segment is trained with and how to compare the reviewers."""
    a, b = "REFI-QDA review by Alice", "REFI-QDA review by Bob"
    family, cqc, agree = "My kids come first.", "The inspectors scare us.", "No money for it."
    alice = [
        Decision("s:1", "reject", "OS.A", text=family, note=a),
        Decision("s:1", "recode", "CI.A", text=family, note=a),
        Decision("s:2", "new-code", new_code="CQC anxiety", text=cqc, note=a),
        Decision("s:3", "accept", "IS.E.2", text=agree, note=a),
    ]
    bob = [
        Decision("s:1", "accept", "OS.A", text=family, note=b),
        Decision("s:2", "accept", "OS.D", text=cqc, note=b),
        Decision("s:3", "accept", "IS.E.2", text=agree, note=b),
    ]
    with pytest.warns(RoqaWarning) as caught:
        plan = feedback_plan([(alice, None, "alice.csv"), (bob, None, "bob.csv")], cfir)
    said = [str(w.message) for w in caught]
    assert said[-1] == (
        "2 segments decided differently by Alice and Bob (s:1, s:2) are trained with both "
        "reviewers' codes; the decisions files are read as rounds of one review, a later "
        "file's decision on a code replacing an earlier file's and a code only one decided "
        "kept; to compare the reviewers use roqa agree on their codings (roqa apply-decisions "
        "--coder NAME writes them from each file)"
    )
    assert plan.labels == [["OS.A", "CI.A"], ["project.cqc-anxiety", "OS.D"], ["IS.E.2"]]
    # given the other way round, Alice's rejection of OS.A, later, replaces Bob's accept
    with pytest.warns(RoqaWarning) as caught:
        plan = feedback_plan([(bob, None, "bob.csv"), (alice, None, "alice.csv")], cfir)
    assert str(caught[-1].message).startswith(
        "2 segments decided differently by Bob and Alice (s:1, s:2) are trained: 1 with both "
        "reviewers' codes, 1 with Alice's decision alone; "
    )
    assert plan.labels == [["CI.A"], ["OS.D", "project.cqc-anxiety"], ["IS.E.2"]]


def test_decisions_files_naming_no_reviewer_or_the_same_are_read_as_rounds_unwarned(
    cfir: Codebook,
) -> None:
    """Rounds of one review (the report's decisions name no reviewer; roqa import's of one
    coder name the same) keep their reading and say nothing of reviewers."""
    text = "My kids come first."
    for note in ("", "REFI-QDA review by Alice"):
        r0 = [Decision("s:1", "recode", "CI.A", text=text, note=note)]
        r1 = [Decision("s:1", "accept", "OS.A", text=text, note=note)]
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            plan = feedback_plan([(r0, None, "r0.csv"), (r1, None, "r1.csv")], cfir)
        assert plan.labels == [["CI.A", "OS.A"]]


# -- rounds (D1) and the summary (D7) --------------------------------------------------------------


def test_a_project_code_of_an_earlier_round_names_the_missing_decisions_file(
    cfir: Codebook,
) -> None:
    decisions = [Decision("s:1", "recode", "project.faith-communities", text="Church helps.")]
    with pytest.raises(RoqaError) as exc:
        feedback_plan([(decisions, None, "r1/decisions.csv")], cfir)
    assert str(exc.value) == (
        "r1/decisions.csv: unknown code 'project.faith-communities' (made by an earlier round's "
        "decisions: give that decisions file too (--feedback FILE --feedback FILE); made in a QDA "
        "project: keep the codebook.json roqa import wrote with the decisions (in their folder or "
        "up to two above))"
    )


def test_a_project_code_named_by_id_is_taken_from_the_codebook_json_up_to_two_folders_above(
    cfir: Codebook, tmp_path: Path
) -> None:
    """As roqa import writes OUT/codebook.json and OUT/decisions/NAME.csv (session 36)."""
    from roqa_nlp.decisions import with_imported_project_codes
    from roqa_nlp.schema import Code

    faith = Code("project.faith-communities", "Faith communities", "code", None, None, True)
    cfir.with_codes([faith], id="cfir-2009+project").save(tmp_path / "codebook.json")
    decisions = [Decision("s:1", "recode", "project.faith-communities", text="Church helps.")]
    # beside a roqa code run's codings (no codings/ or decisions/ folder): the model's codebook,
    # not an import's, so a later round given without the round that made the code is refused
    assert with_imported_project_codes(cfir, decisions, [tmp_path / "d.csv"]) is cfir
    (tmp_path / "decisions").mkdir()
    two_up = with_imported_project_codes(cfir, decisions, [tmp_path / "a" / "b" / "d.csv"])
    assert (two_up.id, two_up.codes[-1]) == ("cfir-2009+project", faith)
    three_up = tmp_path / "a" / "b" / "c" / "d.csv"
    assert with_imported_project_codes(cfir, decisions, [three_up]) is cfir
    (tmp_path / "a" / "decisions").mkdir(parents=True)
    (tmp_path / "a" / "codebook.json").write_text("not a codebook", encoding="utf-8")
    assert with_imported_project_codes(cfir, decisions, [tmp_path / "a" / "d.csv"]) == two_up


def test_the_new_codes_of_every_round_are_in_the_project_codebook(cfir: Codebook) -> None:
    r0 = [Decision("s:1", "new-code", new_code="Faith communities", text="The mosque helps.")]
    r1 = [Decision("s:2", "recode", "project.faith-communities", text="Church helps.")]
    book = project_codebook(cfir, [*r0, *r1])
    plan = feedback_plan([(r0, None, "r0.csv"), (r1, None, "r1.csv")], book)
    assert plan.labels == [["project.faith-communities"], ["project.faith-communities"]]


def test_the_summary_says_what_the_decisions_became() -> None:
    card = {
        "decisions_files": [{"name": "r0/decisions.csv"}, {"name": "r1/decisions.csv"}],
        "n_decisions": 42,
        "n_examples": 39,
        "examples_by_kind": {"coded": 38, "rejected": 1},
        "codes_by_decision": {"accept": 20, "recode": 12, "new-code": 6},
        "left_out": {"rejections short of all the segment's suggestions": 2},
        "codings": [{"path": "r0/codings.jsonl"}, {"path": "r1/codings.jsonl"}],
        "new_codes_created": ["project.a", "project.b", "project.c", "project.d"],
    }
    assert feedback_summary(card) == (
        "feedback: 39 examples from 42 decisions in 2 files (20 accepted, 12 recoded, 6 new-code "
        "(4 new codes created), 1 fit no code); 2 left out (2 rejections short of all the "
        "segment's suggestions); rejections alone teach nothing: the model learns a segment's "
        "code (accept, recode) or that it fits no code (no-code); codings: r0/codings.jsonl, "
        "r1/codings.jsonl; recoded segments keep the valence the model suggested"
    )


def test_the_summary_says_rejections_beside_an_accepted_code_teach_nothing_themselves() -> None:
    """adapt tester, session 42: "2 left out (2 rejections on segments given a code)" did not
    say the rejections had not steered the model away from the codes rejected."""
    card = {
        "decisions_files": [{"name": "r1/decisions.csv"}],
        "n_decisions": 26,
        "n_examples": 22,
        "examples_by_kind": {"coded": 22},
        "codes_by_decision": {"accept": 22},
        "left_out": {"rejections on segments given a code": 2},
        "codings": [{"path": "r1/codings.jsonl"}],
    }
    assert feedback_summary(card) == (
        "feedback: 22 examples from 26 decisions (22 accepted); 2 left out (2 rejections on "
        "segments given a code); rejections alone teach nothing: the model learns a segment's "
        "code (accept, recode) or that it fits no code (no-code); codings: r1/codings.jsonl"
    )


def test_the_summary_says_nothing_of_rejections_when_none_was_left_out() -> None:
    card = {
        "n_decisions": 2,
        "n_examples": 1,
        "examples_by_kind": {"coded": 1},
        "codes_by_decision": {"accept": 1},
        "left_out": {"replaced by a later row on the same words and code": 1},
        "codings": [{"path": "r1/codings.jsonl"}],
    }
    assert feedback_summary(card) == (
        "feedback: 1 example from 2 decisions (1 accepted); 1 left out (1 replaced by a later "
        "row on the same words and code); codings: r1/codings.jsonl"
    )


def test_the_summary_says_when_no_codings_were_used() -> None:
    card = {"n_decisions": 1, "n_examples": 1, "examples": {"accept": 1}, "codings": []}
    assert feedback_summary(card) == (
        "feedback: 1 example from 1 decision (1 accepted); 0 left out; codings: none (no model "
        "valence or questions, 3 suggestions assumed shown)"
    )


def test_the_summary_says_which_examples_have_no_valence_when_one_round_has_no_codings() -> None:
    card = {
        "decisions_files": [{"name": "r0/decisions.csv"}, {"name": "Downloads/decisions.csv"}],
        "n_decisions": 5,
        "n_examples": 5,
        "examples": {"accept": 5, "valence": 1},
        "n_without_valence": 2,
        "codings": [{"path": "r0/codings.jsonl"}],
    }
    assert feedback_summary(card) == (
        "feedback: 5 examples from 5 decisions in 2 files (5 accepted); 0 left out; codings: "
        "r0/codings.jsonl; valence: the researcher's on 1 example, none on 2 (without codings; "
        "the valence head leaves them out), the model's on the rest"
    )


def test_match_decisions_reads_a_decisions_file_too(tmp_path) -> None:
    """Audit F: docs/report.md offered match_decisions beside write_report(decisions=FILE)."""
    from roqa_nlp.decisions import match_decisions, read_decisions

    p = tmp_path / "decisions.csv"
    p.write_text(
        "segment_id,decision,code_id,new_code,note,text\nx:0001,accept,IS.C,,,Hi\n", "utf-8"
    )
    from roqa_nlp.result import CodingResult

    empty = CodingResult()
    assert match_decisions(p, empty) == match_decisions(read_decisions(p)[0], empty)


# -- notes without a decision -------------------------------------------------------------------


NOTE_CSV = CSV_TEXT + (
    "p01_interview:0003,note,,,she contradicts this later\n"
    'p01_interview:0005,note,,,"Important, check the recording"\n'
)


def test_a_note_row_is_read_as_a_note(tmp_path: Path) -> None:
    decisions, _ = read_decisions(write(tmp_path, "d.csv", NOTE_CSV))
    assert decisions[-2:] == [
        Decision("p01_interview:0003", "note", note="she contradicts this later"),
        Decision("p01_interview:0005", "note", note="Important, check the recording"),
    ]


def test_a_file_of_notes_only_is_read(tmp_path: Path) -> None:
    p = write(tmp_path, "d.csv", "segment_id,decision,code_id,new_code,note\ns:1,note,,,why?\n")
    assert read_decisions(p)[0] == [Decision("s:1", "note", note="why?")]


def test_training_ignores_note_rows(cfir: Codebook) -> None:
    notes = [
        Decision("p01_interview:0003", "note", note="she contradicts this later"),
        # a note on a segment nothing else is decided on, and on one no codings hold
        Decision("p01_interview:0011", "note", note="check"),
        Decision("elsewhere:0001", "note", note="no such segment"),
    ]
    book = project_codebook(cfir, EXPECTED + notes)
    plain = feedback_plan([(EXPECTED, coding_result(), "d.csv")], book)
    with_notes = feedback_plan([(EXPECTED + notes, coding_result(), "d.csv")], book)
    assert with_notes == plain
    only = feedback_plan([(notes, coding_result(), "d.csv")], book)
    assert only.texts == [] and only.counts == {} and only.left_out == {}


def test_a_note_row_is_matched_to_its_segment_like_a_decision() -> None:
    from roqa_nlp.decisions import match_decisions

    result = coding_result()
    note = Decision(
        "p01_interview:0001", "note", note="n", text="The council changed the thresholds again."
    )
    m = match_decisions([note], result)
    assert m.matched == ((note, "p01_interview:0007"),)


def test_wholly_empty_rows_a_spreadsheet_leaves_are_skipped(tmp_path: Path) -> None:
    text = (
        "\ufeffsegment_id;decision;code_id;new_code;note;text;valence;suggestion\n"
        "s:1;accept;IS.A;;;;;\n"
        ";;;;;;;\n"
        "s:2;reject;IC.A;;;;;\n"
        ";;;;;;;\n"
        ";;;;;;;\n"
    )
    decisions, _ = read_decisions(write(tmp_path, "d.csv", text))
    assert decisions == [Decision("s:1", "accept", "IS.A"), Decision("s:2", "reject", "IC.A")]


def test_a_file_of_empty_rows_only_holds_no_decisions(tmp_path: Path) -> None:
    p = write(tmp_path, "d.csv", "segment_id;decision;code_id\n;;\n;;\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert one_line_error(exc, p).startswith(f"{p}: holds no decisions")


def test_a_header_without_code_id_names_the_missing_column(tmp_path: Path) -> None:
    p = write(tmp_path, "d.csv", "segment_id,decision,code\ns:1,accept,IS.A\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert one_line_error(exc, p) == (
        f"{p}: row 2: accept needs a code_id, and the file has no code_id column (header: "
        "segment_id,decision,code_id,new_code,note,text,valence,suggestion (found: "
        "segment_id,decision,code))"
    )


def test_a_decisions_file_given_as_training_data_points_to_feedback(tmp_path: Path) -> None:
    from roqa_nlp.training import load_training_set

    p = write(tmp_path, "decisions.csv", "segment_id,decision,code_id,text\ns:1,accept,IS.A,Hi\n")
    with pytest.raises(RoqaError) as exc:
        load_training_set(p, Codebook.load("cfir-2009"))
    assert one_line_error(exc, p) == (
        f"{p}: is a decisions file, not training data (give it with --feedback: roqa train "
        f"TRAINING_DATA --feedback {p} (in Python, AutoCoder.update({str(p)!r})))"
    )


def test_a_header_with_a_column_named_as_a_decision_is_the_header(tmp_path: Path) -> None:
    """Regression hunt (s42 hunt2): a header 'id,decision,code_id,accept' was called "a
    decision, not the header"; it names the columns decision and code_id, so it is the header,
    which lacks segment_id."""
    p = write(tmp_path, "decisions.csv", "id,decision,code_id,accept\np01-s003,reject,CFIR-1,yes\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert one_line_error(exc, p) == (
        f"{p}: decisions file has no segment_id column in its header row (line 1: "
        "id,decision,code_id,accept) (expected the columns segment_id, decision, code_id, "
        "new_code, note, text, valence, suggestion, separated by commas, semicolons or tabs)"
    )


def test_a_lost_header_whose_first_row_is_a_note_or_valence_is_found(tmp_path: Path) -> None:
    """Regression hunt (s42 hunt2): a first row deciding 'note' or 'valence' (both also column
    names) was said to have "no segment_id column (line 1: p01-s003,valence,some text,barrier)",
    its empty cells dropped from the line quoted."""
    for line in ("p01-s003,valence,,,,some text,barrier,", "p01-s003,note,,,my memo,some text,,"):
        p = write(tmp_path, "decisions.csv", f"{line}\np01-s004,accept,OS.D,,,,,\n")
        with pytest.raises(RoqaError) as exc:
            read_decisions(p)
        assert one_line_error(exc, p) == (
            f"{p}: the first line {line!r} is a decision, not the header (put the header line "
            "back above it: segment_id,decision,code_id,new_code,note,text,valence,suggestion)"
        )


def test_a_header_without_segment_id_is_quoted_with_its_empty_cells(tmp_path: Path) -> None:
    p = write(tmp_path, "decisions.csv", "segment,decision,,code\np01-s003,reject,,CFIR-1\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert one_line_error(exc, p) == (
        f"{p}: decisions file has no segment_id column in its header row (line 1: "
        "segment,decision,,code) (expected the columns segment_id, decision, code_id, "
        "new_code, note, text, valence, suggestion, separated by commas, semicolons or tabs)"
    )


def test_a_decision_saved_in_a_report_page_and_in_a_decisions_file_is_read_back_the_same(
    tmp_path: Path,
) -> None:
    """Review, session 44: the review carried into a report page was read back by its rows'
    positions apart from the decisions file's reader, so its fields were not normalised as the
    file's are: decisions made in memory as 'Recode' (valence 'Facilitator', a note with spaces
    round it), 'No_Code' and 'New_Code' stayed so on the page, where the no-code and new-code
    decided nothing, though read from the file they are 'recode' ('enabler', 'memo'),
    'no-code' and 'new-code' and decide their segments. Both are now read by
    decisions.decision_of: the same Decisions, but for the text the page does not keep (its
    segment shows it)."""
    from report_fixture import build_result
    from roqa_nlp.decisions import (
        COLUMNS,
        append_decisions,
        decided_segments,
        page_decisions,
        read_decisions,
    )
    from roqa_nlp.report import carried_review, decided_in_review, write_report

    result = build_result()
    segs = {s.segment.id: s.segment for s in result}
    recoded, fits_none, named = (
        segs[i] for i in ("p02_interview:0001", "p01_interview:0003", "p01_interview:0004")
    )
    made = [
        Decision(
            recoded.id,
            "Recode",
            code_id="OS.D",
            note="  memo  ",
            text=recoded.text,
            valence="Facilitator",
            suggestion="OS.A",
        ),
        Decision(fits_none.id, "No_Code", text=fits_none.text),
        Decision(named.id, "New_Code", new_code=" Staff morale ", text=named.text),
    ]
    page = write_report(result, tmp_path / "report.html", "cfir-2009", decisions=made)
    csv_file = tmp_path / "decisions.csv"
    csv_file.write_text(",".join(COLUMNS) + "\n", "utf-8")
    append_decisions(csv_file, made)
    rows = carried_review(page)
    assert rows is not None
    from_page = sorted(page_decisions(rows), key=lambda d: d.segment_id)
    from_file = sorted(read_decisions(csv_file)[0], key=lambda d: d.segment_id)
    assert from_page == [
        Decision(fits_none.id, "no-code"),
        Decision(named.id, "new-code", new_code="Staff morale"),
        Decision(
            recoded.id, "recode", code_id="OS.D", note="memo", valence="enabler", suggestion="OS.A"
        ),
    ]
    assert from_file == [dataclasses.replace(d, text=segs[d.segment_id].text) for d in from_page]
    assert (
        decided_in_review(rows, result)
        == decided_segments(from_file, result)
        == {
            recoded.id: ["OS.D"],
            fits_none.id: [],
            named.id: ["project.staff-morale"],
        }
    )


def test_a_report_page_row_edited_with_json_nulls_is_read_as_empty_cells(tmp_path: Path) -> None:
    """Left-over defect, session 44: a report.html whose carried review was edited by hand with
    JSON nulls for the empty cells (``[["p01_interview:0009","accept","CI.A","","",null,null]]``)
    had its row dropped: report.carried_review read each null as the text "None", which
    decisions.decision_of refused as a valence, so page_decisions left the accept out (before
    this session the row counted). A null cell is now an empty one."""
    from report_fixture import build_result
    from roqa_nlp.decisions import page_decisions
    from roqa_nlp.report import carried_review, write_report

    page = write_report(build_result(), tmp_path / "report.html", "cfir-2009")
    html = page.read_text("utf-8")
    start = html.index('<script type="application/json" id="roqa-decisions">')
    start = html.index(">", start) + 1
    end = html.index("</script>", start)
    edited = '[["p01_interview:0009","accept","CI.A","","",null,null]]'
    page.write_text(html[:start] + edited + html[end:], "utf-8")
    rows = carried_review(page)
    assert rows == [["p01_interview:0009", "accept", "CI.A", "", "", "", ""]]
    assert page_decisions(rows) == [
        Decision("p01_interview:0009", "accept", code_id="CI.A"),
    ]
    assert page_decisions(json.loads(edited)) == page_decisions(rows)


def test_training_on_fewer_decided_segments_than_a_code_needs_is_noted() -> None:
    """One or two decided segments among thousands of training records are unlikely to change
    suggestions (blind tester s48: one recode trained with no note); from MIN_CODE_RECORDS on,
    as a code needs to be suggested for other talk, nothing is said."""
    from roqa_nlp.decisions import few_examples_note

    # the count is over all codes, and said to be (code review s48: 3 segments on 3 codes gave
    # no note, though the note said a code needs 3)
    assert few_examples_note({"n_examples": 1, "n_decisions": 1}) == (
        "note: 1 decided segment in all (from 1 decision) is unlikely to change the suggestions "
        "for other talk: a code needs 3 decided segments or more of its own for that "
        '(docs/report.md, "New codes"); review more segments and train again'
    )
    assert few_examples_note({"n_examples": 2, "n_decisions": 5}) == (
        "note: 2 decided segments in all (from 5 decisions) are unlikely to change the "
        "suggestions for other talk: a code needs 3 decided segments or more of its own for "
        'that (docs/report.md, "New codes"); review more segments and train again'
    )
    assert few_examples_note({"n_examples": 3, "n_decisions": 3}) is None
    assert few_examples_note({}) is None


# -- which rows stand: one rule for every reader of a review --------------------------------------

STANDING_TEXTS = ("The budget was cut.", "Staff left in spring.", "We met on Tuesdays.")
#: each segment's suggestions: three shown, one, none
STANDING_SHOWN = (("IS.E.2", "IC.F", "OS.D"), ("IS.E.2",), ())
STANDING_CODES = ("IS.E.2", "IC.F", "OS.D", "IS.B")
#: the codes as a row may write them: by id, or by a name, an alias or an id in another case or
#: spacing (IS.E.2, IC.F, IS.B)
STANDING_WRITTEN = (
    *STANDING_CODES,
    "Available Resources",
    "available  resources",
    "Complexity",
    "is.b",
    "Communication",
)
#: a new code the rows make (:func:`standing_rows`' new codes), written as a code: by its name in
#: another case or spacing, or by its id
STANDING_NEW_WRITTEN = ("Staff Morale", "staff-MORALE", "project.staff-morale")


def standing_codings(cfir: Codebook) -> CodingResult:
    """One transcript, a segment per :data:`STANDING_TEXTS`, suggested :data:`STANDING_SHOWN`."""
    from roqa_nlp.schema import Transcript, Turn

    text = " ".join(STANDING_TEXTS)
    segs, pos = [], 0
    for n, (words, shown) in enumerate(zip(STANDING_TEXTS, STANDING_SHOWN), 1):
        seg = Segment(f"p01:{n:04d}", "p01", "P01", "participant", pos, pos + len(words), words)
        suggestions = [
            Suggestion(c, cfir[c].name, cfir[c].domain, 0.6 - 0.1 * k, "barrier")
            for k, c in enumerate(shown)
        ]
        segs.append(SegmentResult(seg, suggestions, novel=False, novelty_p=0.5))
        pos += len(words) + 1
    transcript = Transcript("p01", text, [Turn("P01", "participant", 0, len(text))])
    return CodingResult(segs, {"p01": transcript}, {"model": {"hash": "abc"}})


def standing_rows() -> object:
    """Decision rows on the segments of :func:`standing_codings`: every kind, repeated and
    contradicting one another, in any order."""
    from hypothesis import strategies as st

    def row(n: int, kind: str, code: str, name: str, valence: str, was: str, note: str):
        sid, words = f"p01:{n + 1:04d}", STANDING_TEXTS[n]
        coded = kind in ("accept", "reject", "recode")
        return Decision(
            sid,
            kind,
            code_id=code if coded else "",
            new_code=name if kind == "new-code" else "",
            note=note,
            text=words,
            valence=valence if kind == "valence" else "",
            suggestion=was if kind == "recode" else "",
        )

    return st.lists(
        st.builds(
            row,
            st.integers(0, len(STANDING_TEXTS) - 1),
            st.sampled_from(
                ("accept", "reject", "recode", "new-code", "valence", "no-code", "note")
            ),
            st.sampled_from((*STANDING_WRITTEN, *STANDING_NEW_WRITTEN)),
            st.sampled_from(("Staff morale", "staff  morale", "Weather")),
            st.sampled_from(("barrier", "enabler", "neutral")),
            st.sampled_from(("", "IS.E.2", "IC.F", "Available Resources", "complexity")),
            st.sampled_from(("", "memo")),
        ),
        max_size=12,
    )


def _every_reading_of(decisions: list[Decision], cfir: Codebook) -> dict[str, object]:
    """Segment id -> the codes each reader of ``decisions`` gives it, as sets, and the segments
    each decides: apply-decisions, the report page, decided_segments, train --feedback, and the
    per-reviewer codes train --feedback compares (``_codes_given``)."""
    from roqa_nlp.decisions import _codes_given, decided_segments, reviewed_codings
    from roqa_nlp.report import carried_decisions, decided_in_review

    result = standing_codings(cfir)
    # the codebook feedback_plan reads each reviewer's rows in: with the review's new codes
    book = project_codebook(cfir, decisions)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        applied = reviewed_codings(decisions, result, cfir, coder="Alice", where="d.csv")[0]
        page_rows, _ = carried_decisions(result, decisions, codebook=cfir)
        page = decided_in_review(page_rows, result, cfir)
        decided = decided_segments(decisions, result, cfir)
        plan = feedback_plan([(decisions, result, "d.csv")], cfir)
    ids = [s.segment.id for s in result.segments]
    return {
        "apply-decisions": {s.segment.id: {g.code_id for g in s.suggestions} for s in applied},
        "report page": {sid: set(codes) for sid, codes in page.items()},
        "decided_segments": {sid: set(codes) for sid, codes in decided.items()},
        "train --feedback": {sid: set(c) for sid, c in zip(plan.ids, plan.labels)},
        "codes given": {
            sid: _codes_given([d for d in decisions if d.segment_id == sid], book, "d.csv")
            for sid in ids
        },
    }


def test_every_reader_of_a_review_lets_the_same_rows_stand(cfir: Codebook) -> None:
    """apply-decisions, the report page (the rows it is given), decided_segments, train
    --feedback and the per-reviewer codes it compares read one rule for which rows stand (the
    last row on a code, a row replaced by a later one on its suggestion left out: standing):
    on any rows of every kind on three segments (three suggestions shown, one, none), repeated
    and contradicting, codes written by id, name or alias in any case or spacing, each gives
    every segment the same codes, and the four that decide segments decide the same ones
    (decided_segments read codes as written, session 57). A new code the review makes may be
    named as a code (accept "Staff Morale" beside new-code "Staff morale"): train --feedback
    refused it (UnknownCode) where apply-decisions accepts it (session 57)."""
    from hypothesis import assume, given, settings

    @settings(max_examples=300, deadline=None)
    @given(decisions=standing_rows())
    def check(decisions: list[Decision]) -> None:
        # a new code named as a code is one only when the review makes it: else every reader
        # refuses the unknown code (or reads it as written)
        made = any(d.decision == "new-code" and "morale" in d.new_code for d in decisions)
        assume(made or not any(d.code_id in STANDING_NEW_WRITTEN for d in decisions))
        read = _every_reading_of(decisions, cfir)
        applied = read.pop("apply-decisions")
        given_codes = read.pop("codes given")
        assert isinstance(applied, dict) and isinstance(given_codes, dict)
        for name, codes in read.items():
            assert codes == applied, name
        assert given_codes == {sid: applied.get(sid, set()) for sid in given_codes}

    check()


def test_the_rows_that_stand_on_a_worked_review(cfir: Codebook) -> None:
    """A worked example of the rule every reader shares: an accept then a recode of that
    suggestion is the recode; a reject then an accept of one code is the accept; a new code
    named twice (spacing and case apart) is one code; a no-code row beside a code keeps the
    code; a rejection on a segment shown no suggestion decides it, with no code."""
    s1, s2, s3 = (f"p01:{n:04d}" for n in (1, 2, 3))
    t1, t2, t3 = STANDING_TEXTS
    decisions = [
        Decision(s1, "accept", "IS.E.2", text=t1),
        Decision(s1, "recode", "IS.B", text=t1, suggestion="IS.E.2"),
        Decision(s1, "reject", "IC.F", text=t1),
        Decision(s1, "accept", "IC.F", text=t1),
        Decision(s2, "new-code", new_code="Staff morale", text=t2),
        Decision(s2, "no-code", text=t2),
        Decision(s2, "new-code", new_code="staff  morale", text=t2),
        Decision(s3, "reject", "OS.D", text=t3),
    ]
    read = _every_reading_of(decisions, cfir)
    expected = {s1: {"IS.B", "IC.F"}, s2: {"project.staff-morale"}, s3: set()}
    assert read.pop("codes given") == expected
    for name, codes in read.items():
        assert codes == expected, name


def test_a_recode_replaces_an_accept_of_its_suggestion_written_by_name(cfir: Codebook) -> None:
    """An accept of "Available Resources" (IS.E.2's name) then a recode of the suggestion IS.E.2
    to Complexity is the recode, as the report page reads it (its rows on the codes' ids): in
    apply-decisions and train --feedback too, which gave IS.E.2 beside IC.F (the rows were told
    apart by the code as written). A recode's suggestion written by an alias is that code too."""
    from roqa_nlp.decisions import _codes_given, reviewed_codings
    from roqa_nlp.report import carried_decisions, decided_in_review

    s1, t1 = "p01:0001", STANDING_TEXTS[0]
    result = standing_codings(cfir)
    for decisions in (
        [
            Decision(s1, "accept", "Available Resources", text=t1),
            Decision(s1, "recode", "Complexity", text=t1, suggestion="IS.E.2"),
        ],
        [
            Decision(s1, "accept", "IS.E.2", text=t1),
            Decision(s1, "recode", "IC.F", text=t1, suggestion="resources available"),
        ],
    ):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            applied = reviewed_codings(decisions, result, cfir, coder="Alice", where="d.csv")[0]
            plan = feedback_plan([(decisions, result, "d.csv")], cfir)
            page = decided_in_review(carried_decisions(result, decisions, codebook=cfir)[0], result)
        assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in applied] == [
            (s1, ["IC.F"])
        ]
        assert (plan.ids, plan.labels) == ([s1], [["IC.F"]])
        assert _codes_given(decisions, cfir, "d.csv") == {"IC.F"}
        assert page == {s1: ["IC.F"]}


def test_decided_segments_reads_codes_by_name_as_apply_decisions_does(cfir: Codebook) -> None:
    """decided_segments (roqa code's "already decided", reopened segments, roqa report's
    saturation) reads codes as apply-decisions does: an accept of IS.E.2 then a reject of
    "Available Resources" (its name) is the reject, the segment not decided (it was decided,
    with IS.E.2: standing finding, session 57); a code accepted by an alias is its id (it
    stayed "Resources"); a new code's name in another spelling is that new code; a new code
    named as a code of the codebook is that code."""
    from roqa_nlp.decisions import decided_segments, reviewed_codings

    s1, s2, s3 = (f"p01:{n:04d}" for n in (1, 2, 3))
    t1, t2, t3 = STANDING_TEXTS
    result = standing_codings(cfir)
    decisions = [
        Decision(s1, "accept", "IS.E.2", text=t1),
        Decision(s1, "reject", "Available Resources", text=t1),
        Decision(s2, "accept", "Resources", text=t2),
        Decision(s3, "new-code", new_code="Staff morale", text=t3),
        Decision(s3, "accept", "staff  MORALE", text=t3),
        Decision(s3, "new-code", new_code="complexity", text=t3),
    ]
    expected = {s2: ["IS.E.2"], s3: ["project.staff-morale", "IC.F"]}
    assert decided_segments(decisions, result, cfir) == expected
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        applied = reviewed_codings(decisions, result, cfir, coder="Alice", where="d.csv")[0]
    assert {s.segment.id: [g.code_id for g in s.suggestions] for s in applied} == expected


def test_train_reads_a_new_code_named_as_a_code_as_apply_decisions_does(cfir: Codebook) -> None:
    """feedback_plan given the model's codebook (roqa train gives it the project codebook it
    makes; feedback_examples and other callers the model's) reads a review's codes as
    apply-decisions does: an accept of "staff MORALE" beside a new code "Staff morale" is that
    new code (it was an UnknownCode: "unknown code 'staff MORALE' in codebook 'cfir-2009'"), a
    reject of it by its id takes it back, and a new code named as a code is the recode to it
    (it was a project code "project.complexity")."""
    from roqa_nlp.decisions import reviewed_codings

    s1, s2, s3 = (f"p01:{n:04d}" for n in (1, 2, 3))
    t1, t2, t3 = STANDING_TEXTS
    result = standing_codings(cfir)
    decisions = [
        Decision(s1, "new-code", new_code="Staff morale", text=t1),
        Decision(s1, "accept", "IS.E.2", text=t1),
        Decision(s2, "accept", "staff MORALE", text=t2),
        Decision(s3, "new-code", new_code="complexity", text=t3),
        Decision(s3, "new-code", new_code="Staff Morale", text=t3),
        Decision(s3, "reject", "project.staff-morale", text=t3),
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plan = feedback_plan([(decisions, result, "d.csv")], cfir)
    assert (plan.ids, plan.labels) == (
        [s1, s2, s3],
        [["project.staff-morale", "IS.E.2"], ["project.staff-morale"], ["IC.F"]],
    )
    assert plan.counts == {"new-code": 1, "accept": 2, "recode": 1, "new-code-without-valence": 2}
    assert plan.valences[0] == ""  # a new code given no valence has none, beside IS.E.2 too
    # and so has the new code accepted where the model did not suggest it (hunt s69 h_newvalence)
    assert plan.valences[1] == ""
    assert [str(w.message) for w in caught] == [
        "d.csv: new codes counted as one, as their names differ only in case, spacing, "
        "punctuation or &/and: 'Staff morale' = 'Staff Morale' (each is the first spelling)",
        "d.csv: 1 new code named as a code of cfir-2009 read as the recode to it: "
        "'Complexity' (IC.F)",
        "d.csv: 1 decision(s) contradicted by a later row on the same words, the later row "
        "kept: new-code then reject project.staff-morale on p01:0003",
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        applied = reviewed_codings(decisions, result, cfir, coder="Alice", where="d.csv")[0]
    assert {s.segment.id: [g.code_id for g in s.suggestions] for s in applied} == dict(
        zip(plan.ids, plan.labels)
    )
    assert [g.valence_probability for g in applied.segments[1].suggestions] == [None]


def test_a_row_left_on_a_renamed_transcript_says_it_is_coded_under_its_new_name() -> None:
    """Tester s59: re-coded with --pseudonymise, zoom_maria_okafor is coded as zoom_P03 and its
    decisions follow their words there, but a row whose words pseudonymising changed was said
    to be "(all 1 on zoom_maria_okafor, which this run does not code)". Now the line says the
    transcript is coded under its new name and the row's words are not found as written; a
    transcript not coded at all is still said so, and one row is not "all 1"."""
    from roqa_nlp.decisions import DecisionMatch

    moved = Decision("zoom_maria_okafor:0004", "accept", "OS.D", row=3)
    changed = Decision("zoom_maria_okafor:0010", "note", note="rota", row=5)
    gone = Decision("rm01:0001", "accept", "OS.B", row=6)
    match = DecisionMatch((moved, changed), ("zoom_P03:0004", None), coded=frozenset({"zoom_P03"}))
    assert match.summary("d.csv", dropped=["zoom_maria_okafor"]) == (
        "decisions: 1 on 1 segment (1 accept) carried into the report from d.csv; 1 matches no "
        "segment: zoom_maria_okafor:0010 (row 5) (on zoom_maria_okafor, which this run codes "
        "as zoom_P03, where the row's words are not found as written)"
    )
    match = DecisionMatch(
        (moved, changed, gone), ("zoom_P03:0004", None, None), coded=frozenset({"zoom_P03"})
    )
    assert match.summary("d.csv", dropped=["zoom_maria_okafor", "rm01"]) == (
        "decisions: 1 on 1 segment (1 accept) carried into the report from d.csv; 2 match no "
        "segment: zoom_maria_okafor:0010 (row 5), rm01:0001 (row 6) (1 of them on rm01, which "
        "this run does not code; 1 of them on zoom_maria_okafor, which this run codes as "
        "zoom_P03, where the row's words are not found as written)"
    )


#: a team's codebook v2, which merged IS.E.1 into IS.C (IS.E.1 kept as an alias)
MERGED = Codebook.from_dict(
    {
        "id": "cmh",
        "name": "CMH codes",
        "codes": [
            {"id": "ORG", "name": "Provider", "level": "domain", "codable": False},
            {"id": "IS.E.2", "name": "Staffing and time", "level": "construct", "parent": "ORG"},
            {
                "id": "IS.C",
                "name": "Leadership and culture",
                "level": "construct",
                "parent": "ORG",
                "aliases": ["IS.E.1"],
            },
            {"id": "OS.A", "name": "Resident needs", "level": "construct", "parent": "ORG"},
        ],
        "mapping": {"cfir-2009": {"IS.E.2": ["IS.E.2"], "IS.C": ["IS.C", "IS.E.1"]}},
    }
)

MANAGER = "I'm the registered manager of a twelve-bed service, six years now."


def v1_codings() -> CodingResult:
    """Codings made with the team's v1 codebook: the segment shown IS.E.1, IS.C, IS.E.2 (then
    OS.A, below the three a review judges)."""
    from roqa_nlp.schema import Transcript, Turn

    seg = Segment("rm03:0001", "rm03", "P03", "participant", 0, len(MANAGER), MANAGER)
    shown = [("IS.E.1", 0.5), ("IS.C", 0.3), ("IS.E.2", 0.2), ("OS.A", 0.1)]
    return CodingResult(
        [SegmentResult(seg, [Suggestion(c, c, "ORG", p) for c, p in shown])],
        {"rm03": Transcript("rm03", MANAGER, [Turn("P03", "participant", 0, len(MANAGER))])},
        {"model": {"codebook": "cmh"}},
    )


#: every suggestion shown rejected, on the v1 codes
REJECTED_V1 = [
    Decision("rm03:0001", "reject", c, text=MANAGER) for c in ("IS.E.1", "IS.C", "IS.E.2")
]


def test_every_suggestion_rejected_before_two_codes_merged_still_fits_no_code() -> None:
    """Codebook tester, session 60: trained with v2, where IS.E.1 is IS.C, the rejections of
    IS.E.1 and IS.C are one code's, so "2 rejections short of all the segment's suggestions"
    (three shown) left the segment out, where v1 learnt it as fitting no code."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        plan = feedback_plan([(REJECTED_V1, v1_codings(), "decisions.csv")], MERGED)
    assert (plan.texts, plan.labels, plan.kinds) == ([MANAGER], [[]], ["rejected"])
    assert plan.counts == {"rejected": 1}
    assert plan.left_out == {"replaced by a later row on the same words and code": 1}


def test_apply_decisions_keeps_a_segment_rejected_before_two_codes_merged_with_no_code() -> None:
    from roqa_nlp.decisions import no_code_rows, reviewed_codings

    result, _, counts = reviewed_codings(REJECTED_V1, v1_codings(), MERGED, coder="Alice")
    assert (counts["rejected"], counts["short_of_all"]) == (1, 0)
    assert [(s.segment.id, s.suggestions) for s in result.segments] == [("rm03:0001", [])]
    # and `roqa code --out` records it as fitting no code before the codings are replaced
    rows = no_code_rows(REJECTED_V1, v1_codings(), codebook=MERGED)
    assert [(d.segment_id, d.decision) for d in rows] == [("rm03:0001", "no-code")]


def test_a_new_code_a_letter_from_an_earlier_one_is_kept_and_named_near(cfir: Codebook) -> None:
    """daily20 s88 D1: 'Family involvment' in a later file beside an earlier file's 'Family
    involvement' made a second code with no word said. Both are kept (a researcher may mean
    two codes), and train and apply-decisions name the near code, as a misspelt project id in
    the code column is named."""
    from roqa_nlp.decisions import reviewed_codings

    s1, s2, s3 = (f"p01:{n:04d}" for n in (1, 2, 3))
    t1, t2, t3 = STANDING_TEXTS
    result = standing_codings(cfir)
    first = [Decision(s1, "new-code", new_code="Family involvement", text=t1, row=2)]
    later = [
        Decision(s2, "new-code", new_code="Family involvment", text=t2, row=5),
        Decision(s3, "new-code", new_code="Staff safety", text=t3, row=6),
    ]
    said = (
        "1 new code kept as a code of its own beside a project code a letter or two from it: "
        "'Family involvment' (row 5) near 'Family involvement' (project.family-involvement) "
        "(if a typo, give the earlier code's name in the new-code column, or recode to its id)"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plan = feedback_plan([(first, result, "r0.csv"), (later, result, "r1.csv")], cfir)
    assert plan.labels == [
        ["project.family-involvement"],
        ["project.family-involvment"],
        ["project.staff-safety"],
    ]
    assert [str(w.message) for w in caught if "letter or two" in str(w.message)] == [
        f"r0.csv, r1.csv: {said}"
    ]
    # an earlier round's code, in the codings' codebook: apply-decisions names it alike
    earlier = project_codebook(cfir, first)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        applied = reviewed_codings(later, result, earlier, coder="Alice", where="r1.csv")[0]
    assert [s.suggestions[0].code_id for s in applied] == [
        "project.family-involvment",
        "project.staff-safety",
    ]
    assert [str(w.message) for w in caught if "letter or two" in str(w.message)] == [
        f"r1.csv: {said}"
    ]


def test_new_codes_more_than_two_letters_apart_are_not_named_near(cfir: Codebook) -> None:
    decisions = [
        Decision("s:1", "new-code", new_code="Staff morale", text="a", row=2),
        Decision("s:2", "new-code", new_code="Staff safety", text="b", row=3),
        Decision("s:3", "new-code", new_code="Family involvement", text="c", row=4),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        book = project_codebook(cfir, decisions, where="d.csv")
    assert len([c for c in book.codes if c.id.startswith("project.")]) == 3


def test_new_codes_of_a_numbered_or_lettered_series_are_not_named_near(cfir: Codebook) -> None:
    """hunt43 s88 D4: 'Theme 2' beside 'Theme 1', 'Site B' beside 'Site A' are codes a team
    means apart, not typos: no warning. A typo beside them is still named."""
    names = ["Theme 1", "Theme 2", "Theme 3", "Site A", "Site B", "Wave 1", "Wave 2"]
    decisions = [
        Decision(f"s:{n}", "new-code", new_code=name, text=name, row=n + 2)
        for n, name in enumerate(names)
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        book = project_codebook(cfir, decisions, where="d.csv")
    assert len([c for c in book.codes if c.id.startswith("project.")]) == 7
    typo = [*decisions, Decision("s:9", "new-code", new_code="Themes 1", text="x", row=11)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        project_codebook(cfir, typo, where="d.csv")
    assert [str(w.message) for w in caught] == [
        "d.csv: 1 new code kept as a code of its own beside a project code a letter or two "
        "from it: 'Themes 1' (row 11) near 'Theme 1' (project.theme-1) (if a typo, give the "
        "earlier code's name in the new-code column, or recode to its id)"
    ]
