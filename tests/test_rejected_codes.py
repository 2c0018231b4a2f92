"""Specification: a code the researcher rejected stops coming back, on the segment it was rejected
on and, less, on talk read much like it, and nowhere else (:mod:`roqa_nlp.rejected_codes`).

daily14 tester, session 84 (item 3): the review page's one-click reject of a wrong top suggestion,
nothing else decided on the segment, taught `roqa train --feedback` nothing ("rejections alone
teach nothing"); two role statements rejected as IS.A kept IS.A (0.43, 0.90) in the retrained
model, and a new role statement in the next interview kept IS.A first.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

from roqa_nlp.autocoder import REJECTED_CODES_FILE, AutoCoder
from roqa_nlp.decisions import Decision, feedback_summary
from roqa_nlp.embedding import Embedder
from roqa_nlp.rejected_codes import NEAR, SAME, RejectedCodes
from roqa_nlp.training import text_hashes

# a manager's role statement, and another manager's in another interview (cosine 0.75)
ROLE = "I'm the registered manager for the supported living side."
ROLE_AGAIN = "I'm the registered manager of the residential side, I've been here about six years."
# staffing talk: nothing like a role statement (cosine 0.14)
STAFFING = "Our rota is so thin that we could not release anyone for the course."
SHORT_STAFFED = "We simply do not have enough staff on shift to release people for the training."
# nearly its words (cosine 0.9 or more)
NOT_ENOUGH = "We just don't have enough staff on shift to release people for training."


def update(embedder: Embedder, decisions: list[Decision]) -> AutoCoder:
    from conftest import tiny_training_set

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return AutoCoder("cfir-2009", embedder=embedder).update(
            decisions, training=tiny_training_set()
        )


@pytest.fixture(scope="module")
def after(embedder: Embedder) -> AutoCoder:
    """The one-click reject: the tiny model's top suggestion for ROLE (PR.A 0.15) rejected,
    nothing else decided there; a staffing segment accepted elsewhere in the review."""
    return update(
        embedder,
        [
            Decision("p01:0001", "reject", "PR.A", text=ROLE),
            Decision("p01:0002", "accept", "IS.E.2", text=SHORT_STAFFED),
        ],
    )


def codes(ac: AutoCoder, text: str) -> list[str]:
    return [s.code_id for s in ac.suggest(text, top_k=6)[0]]


def probability(ac: AutoCoder, text: str, code: str) -> float:
    return next(s.probability for s in ac.suggest(text, top_k=6)[0] if s.code_id == code)


def without_rejections(ac: AutoCoder, text: str) -> list[tuple[str, float]]:
    kept, ac._rejected_codes = ac._rejected_codes, None
    try:
        return [(s.code_id, s.probability) for s in ac.suggest(text, top_k=6)[0]]
    finally:
        ac._rejected_codes = kept


def test_the_rejected_code_is_not_suggested_again_on_its_segment(after: AutoCoder) -> None:
    # before: PR.A first (0.15), the rejection left out of training
    assert without_rejections(after, ROLE)[0][0] == "PR.A"
    # every one of the tiny model's six codes asked for: PR.A last, at probability 0
    assert codes(after, ROLE) == ["IS.B", "OS.D", "IS.E.2", "CI.B", "IC.F", "PR.A"]
    assert probability(after, ROLE, "PR.A") == 0.0


def test_the_rejected_code_is_suggested_less_on_talk_much_like_it(after: AutoCoder) -> None:
    before = dict(without_rejections(after, ROLE_AGAIN))
    # cosine 0.75 to ROLE: PR.A scaled by 1 - (0.75 - NEAR) / (SAME - NEAR), about 0.6, and
    # the other codes not lifted (hunt27, session 85: summed to 1 again, PR.A read 0.103)
    assert before["PR.A"] == pytest.approx(0.16, abs=0.005)
    assert probability(after, ROLE_AGAIN, "PR.A") == pytest.approx(0.0967, abs=0.0005)
    for code, p in without_rejections(after, ROLE_AGAIN):
        if code != "PR.A":
            assert probability(after, ROLE_AGAIN, code) == pytest.approx(p, abs=1e-6)


def test_other_talk_is_suggested_as_before(after: AutoCoder) -> None:
    shown = [(s.code_id, s.probability) for s in after.suggest(STAFFING, top_k=6)[0]]
    assert shown == without_rejections(after, STAFFING)


def test_the_card_counts_the_rejections_kept_and_train_says_what_they_do(
    after: AutoCoder,
) -> None:
    feedback = after.card["feedback"]
    assert feedback["n_rejections_kept"] == 1
    assert "rejections_not_kept" not in feedback
    line = feedback_summary(feedback)
    assert (
        "; 1 left out (1 rejection short of all the segment's suggestions); 1 rejected code kept "
        "with its segment: not suggested there again, and less on talk read much like it; "
    ) in line
    assert "teach nothing" not in line


def test_the_rejections_are_saved_with_the_model_and_read_back(
    after: AutoCoder, tmp_path: Path
) -> None:
    after.save(tmp_path / "model")
    assert (tmp_path / "model" / REJECTED_CODES_FILE).is_file()
    loaded = AutoCoder.load(tmp_path / "model", embedder=after.embedder)
    assert codes(loaded, ROLE) == codes(after, ROLE)
    # exactly: the readings are kept as saved (float16)
    for text in (ROLE, ROLE_AGAIN, STAFFING):
        assert [(s.code_id, s.probability) for s in loaded.suggest(text, top_k=6)[0]] == [
            (s.code_id, s.probability) for s in after.suggest(text, top_k=6)[0]
        ]


def test_rejections_alone_are_learnt(embedder: Embedder) -> None:
    """Before: "the decisions give no training example (1 rejection short of all the segment's
    suggestions)", a one-line error."""
    ac = update(embedder, [Decision("p01:0001", "reject", "PR.A", text=ROLE)])
    assert ac.card["feedback"]["n_rejections_kept"] == 1
    assert codes(ac, ROLE)[-1] == "PR.A"
    assert probability(ac, ROLE, "PR.A") == 0.0


def test_a_rejection_near_a_segment_given_that_code_is_not_kept(embedder: Embedder) -> None:
    """The researcher's own codes stand: IS.E.2 rejected on staffing talk much like a segment
    they accepted IS.E.2 on would lower it there."""
    ac = update(
        embedder,
        [
            Decision("p01:0001", "reject", "IS.E.2", text=NOT_ENOUGH),
            Decision("p01:0002", "accept", "IS.E.2", text=SHORT_STAFFED),
            Decision("p01:0003", "reject", "PR.A", text=ROLE),
        ],
    )
    feedback = ac.card["feedback"]
    assert feedback["n_rejections_kept"] == 1
    assert feedback["rejections_not_kept"] == [{"segment": "p01:0001", "code": "IS.E.2"}]
    said = (
        "; 1 rejection not kept: it would lower a code given on a decided segment read much like it"
    )
    assert said in feedback_summary(feedback)


def unit(v: list[float]) -> np.ndarray:
    a = np.asarray(v, dtype=np.float64)
    return a / np.linalg.norm(a)


def test_a_rejection_scales_its_code_from_near_to_same() -> None:
    rejected = RejectedCodes(np.array([[1.0, 0.0]]), [1])
    half = (NEAR + SAME) / 2
    rows = np.array(
        [
            [1.0, 0.0],  # the segment itself
            [SAME, np.sqrt(1 - SAME**2)],
            [half, np.sqrt(1 - half**2)],
            [NEAR - 0.01, np.sqrt(1 - (NEAR - 0.01) ** 2)],
        ]
    )
    F = rejected.factors(rows, 3)
    assert F is not None
    assert F[:, 1] == pytest.approx([0.0, 0.0, 0.5, 1.0])
    assert (F[:, [0, 2]] == 1.0).all()
    P = np.array([[0.2, 0.6, 0.2]] * 4)
    shown = rejected.apply(P, rows)
    # the other codes keep their probabilities (hunt27, session 85: summing the row to 1 again
    # charted a code the model read at 0.038 as 0.38)
    assert shown[0] == pytest.approx([0.2, 0.0, 0.2])
    assert shown[2] == pytest.approx([0.2, 0.3, 0.2])
    assert shown[3] == pytest.approx(P[3])  # not near: as it was
    far = P[3:]
    assert rejected.factors(rows[3:], 3) is None
    assert rejected.apply(far, rows[3:]) is far


def test_codes_the_classifier_lacks_are_kept_for_none() -> None:
    kept, dropped = RejectedCodes.of(np.array([unit([1, 0])]), ["IC.A"], ["PR.A", "IS.B"])
    assert (kept, dropped) == (None, [])


def test_a_rejection_of_another_codebooks_code_is_not_kept() -> None:
    """hunt27 (session 85): a CFIR 2.0 reject (OUT.E, Policies & Laws) was kept as a reject of
    the CFIR 2009 code it comes from (OS.D), which charts OUT.G.3 too: the right code, at 0.997,
    was taken away. Only rejections typed in the model's own codes are kept."""
    import warnings

    from roqa_nlp.codebook import load_codebook
    from roqa_nlp.decisions import feedback_plan

    decisions = [
        Decision("p01:0001", "reject", "IS.A", text="I manage the outreach team of six."),
        Decision(
            "p01:0002", "reject", "OUT.E", text="The new rules from the council changed our work."
        ),
        Decision("p01:0003", "accept", "IC.A", text="The idea came from our own staff."),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plan = feedback_plan([(decisions, None, "decisions.csv")], load_codebook("cfir-2009"))
    assert plan.rejections == [("p01:0001", "I manage the outreach team of six.", "", "IS.A")]


def test_a_rejection_of_another_codebooks_code_its_model_code_charts_alone_is_kept() -> None:
    """hunt32 (session 85): no CFIR 2.0 rejection was kept, even of a code its model code charts
    alone (INS.J, charted from IS.E.2 only; 26 of daily14's 31 top codes chart so), so the
    rejected code came back after retraining. Kept as its model code it lowers nothing else;
    OUT.E's (OS.D charts OUT.E, OUT.F and OUT.G.3) still is not."""
    import warnings

    from roqa_nlp.codebook import load_codebook
    from roqa_nlp.decisions import feedback_plan

    decisions = [
        Decision("p01:0001", "reject", "INS.J", text=STAFFING),
        Decision(
            "p01:0002", "reject", "OUT.E", text="The new rules from the council changed our work."
        ),
        Decision("p01:0003", "accept", "IC.A", text="The idea came from our own staff."),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plan = feedback_plan([(decisions, None, "decisions.csv")], load_codebook("cfir-2009"))
    # before: [] and 2 in other codes
    assert plan.rejections == [("p01:0001", STAFFING, "", "IS.E.2")]
    assert plan.n_rejections_in_other_codes == 1


def test_a_one_to_one_rejection_typed_in_cfir_2022_is_kept_by_update(embedder: Embedder) -> None:
    """hunt32 (session 85): the one-click reject of the top code (PR.A 0.15 on ROLE) typed as
    its CFIR 2.0 code PRO.D, which PR.A alone charts, is kept as PR.A; OUT.E is not."""
    ac = update(
        embedder,
        [
            Decision("p01:0001", "reject", "PRO.D", text=ROLE),
            Decision("p01:0002", "reject", "OUT.E", text=STAFFING),
            Decision("p01:0003", "accept", "IS.E.2", text=SHORT_STAFFED),
        ],
    )
    feedback = ac.card["feedback"]
    # before: no n_rejections_kept, 2 in other codes, PR.A first on ROLE again
    assert feedback["n_rejections_kept"] == 1
    assert feedback["n_rejections_in_other_codes"] == 1
    assert without_rejections(ac, ROLE)[0][0] == "PR.A"
    assert probability(ac, ROLE, "PR.A") == 0.0
    shown = [(s.code_id, s.probability) for s in ac.suggest(STAFFING, top_k=6)[0]]
    assert shown == without_rejections(ac, STAFFING)


def test_readings_are_kept_as_saved() -> None:
    """hunt27 (session 85): kept float32 in memory and saved float16, a model updated in memory
    coded otherwise than the same model saved and loaded (IS.A 0.119983 vs 0.119992)."""
    X = np.array([unit([0.3, 0.7, 0.1234567]), unit([1.0, 0.0, 0.0])])
    kept = RejectedCodes(X, [0, 1])
    loaded = RejectedCodes.from_arrays(kept.to_arrays())
    assert (kept.X_ == loaded.X_).all()
    row = np.array([unit([0.31, 0.69, 0.13])])
    assert (kept.apply(np.full((1, 2), 0.5), row) == loaded.apply(np.full((1, 2), 0.5), row)).all()


def test_train_says_why_no_rejection_is_kept(embedder: Embedder) -> None:
    """hunt27 (session 85): every rejection not kept (it would lower a code the researcher gave
    on talk much like it), and the line still said "rejections alone teach nothing", the line
    of a model trained before rejected codes were kept."""
    ac = update(
        embedder,
        [
            Decision("p01:0001", "reject", "IS.E.2", text=NOT_ENOUGH),
            Decision("p01:0002", "accept", "IS.E.2", text=SHORT_STAFFED),
        ],
    )
    feedback = ac.card["feedback"]
    assert "n_rejections_kept" not in feedback
    line = feedback_summary(feedback)
    assert "teach nothing" not in line
    assert (
        "; 1 left out (1 rejection short of all the segment's suggestions); 1 rejection not "
        "kept: it would lower a code given on a decided segment read much like it; "
    ) in line


def test_train_says_how_many_rejections_of_another_codebook_are_not_kept(
    embedder: Embedder,
) -> None:
    """The mend of hunt27's D2 (session 85) kept no rejection typed in another codebook's codes
    (a review charted in CFIR 2.0) and said nothing of it: the rejections seemed kept, or
    rejections to teach nothing."""
    ac = update(
        embedder,
        [
            Decision("p01:0001", "reject", "OUT.E", text=STAFFING),
            Decision("p01:0002", "reject", "PR.A", text=ROLE),
            Decision("p01:0003", "accept", "IS.E.2", text=SHORT_STAFFED),
        ],
    )
    feedback = ac.card["feedback"]
    # before: 2 kept, OUT.E as OS.D (update() read the rows in the model's codes first)
    assert feedback["n_rejections_kept"] == 1
    assert feedback["n_rejections_in_other_codes"] == 1
    shown = [(s.code_id, s.probability) for s in ac.suggest(STAFFING, top_k=6)[0]]
    assert shown == without_rejections(ac, STAFFING)
    # hunt32 (session 85): "it would take away every code charted from the model's code it
    # comes from", untrue where that code charts the rejected code alone
    assert (
        "with its segment: not suggested there again, and less on talk read much like it; "
        "1 rejection not kept with its segment: typed in cfir-2022's codes, and rejections are "
        "kept in the model's own codes (cfir-2009), or in another codebook's where the model "
        "code they come from charts them alone: each of these comes from one charting other "
        "codes too, which keeping it would take away (to stop a code coming back on a segment, "
        "accept or recode the right code there, or, if no code fits, reject every suggestion "
        "shown or give it a no-code row); "
    ) in feedback_summary(feedback, own="cfir-2009")


def test_the_train_line_says_rejections_typed_in_another_codebook_are_not_kept() -> None:
    """hunt32 (session 85): the line said each such rejection "would take away every code
    charted from the model's code it comes from", where most CFIR 2.0 codes (26 of daily14's
    31 top codes) are charted from a model code alone; true both ways now, the model's
    codebook named, and what to do instead."""
    card: dict[str, object] = {
        "n_examples": 1,
        "n_decisions": 3,
        "examples_by_kind": {"coded": 1},
        "codes_by_decision": {"accept": 1},
        "left_out": {"rejections short of all the segment's suggestions": 2},
        "n_rejections_in_other_codes": 2,
        "translated_from": ["cfir-2022"],
    }
    assert feedback_summary(card, own="cfir-2009+project") == (
        "feedback: 1 example from 3 decisions (1 accepted); 2 left out (2 rejections short of "
        "all the segment's suggestions); 2 rejections not kept with their segments: typed in "
        "cfir-2022's codes, and rejections are kept in the model's own codes (cfir-2009), or in "
        "another codebook's where the model code they come from charts them alone: each of "
        "these comes from one charting other codes too, which keeping it would take away (to "
        "stop a code coming back on a segment, accept or recode the right code there, or, if "
        "no code fits, reject every suggestion shown or give it a no-code row); "
        "codings: none (no model valence or questions, 3 suggestions assumed shown)"
    )


def test_rejections_typed_in_another_codebook_alone_are_an_error_saying_why(
    embedder: Embedder,
) -> None:
    """hunt32 (session 85): a review whose only rows were CFIR 2.0 rejections failed with "2
    rejections short of all the segment's suggestions (nothing to learn: accept, recode or
    reject suggestions, ...)": the reviewer had rejected suggestions; the reason is the
    codebook they are typed in."""
    from roqa_nlp.errors import RoqaError

    ac = AutoCoder("cfir-2009", embedder=embedder)
    with pytest.raises(RoqaError) as exc:
        ac.update(
            [
                Decision("p01:0001", "reject", "OUT.E", text=STAFFING),
                # CI.E's, charted as IND.J to IND.M (INS.J, IS.E.2's alone, is kept: hunt32)
                Decision("p01:0002", "reject", "IND.J", text=ROLE),
            ],
            training=Path("missing"),  # never read: nothing to learn
        )
    assert str(exc.value) == (
        "decisions: the decisions give no training example (2 rejections typed in cfir-2022's "
        "codes, not kept: rejections are kept in the model's own codes (cfir-2009), or in "
        "another codebook's where the model code they come from charts them alone: each of "
        "these comes from one charting other codes too, which keeping it would take away) (to "
        "stop a code coming back on a segment, accept or recode the right code there, "
        "or, if no code fits, reject every suggestion shown or give it a no-code row)"
    )


def test_segments_with_a_rejection_only_are_counted_as_in_the_models_feedback(
    after: AutoCoder,
) -> None:
    """hunt27 (session 85): a segment whose one decision was a rejection, which the model now
    holds (its reading), was not counted by `roqa evaluate`'s warning nor `roqa code`'s "N of M
    segments were in this model's training decisions": its scores are not held out."""
    from roqa_nlp.training import n_trained_on, trained_on_said

    assert after.card["feedback"]["rejected_text_sha256"] == text_hashes([ROLE])
    # before: 1 (SHORT_STAFFED, accepted)
    assert n_trained_on(after.card, [ROLE, SHORT_STAFFED, STAFFING, NOT_ENOUGH]) == 2
    assert trained_on_said(after.card, [ROLE, STAFFING]) == (
        "1 of 2 segments was in this model's training decisions: its suggestions are no "
        "held-out judgement"
    )


def test_an_older_roqa_refuses_a_model_keeping_rejected_codes(
    after: AutoCoder, tmp_path: Path
) -> None:
    """hunt27 (session 85): a roqa older than session 85 loaded a model with
    rejected_codes.safetensors, ignored the file and suggested the rejected codes again, unsaid.
    The card's classifier parameters name the file, a parameter an older roqa does not know: it
    refuses the model as its card and arrays not fitting together (CodePredictor.from_arrays,
    as it loads the classifier). A model keeping no rejected code names none."""
    import copy
    import json

    from safetensors.numpy import load

    from roqa_nlp.autocoder import REJECTED_CODES_PARAM
    from roqa_nlp.prediction import CodePredictor

    after.save(tmp_path / "model")
    card = json.loads((tmp_path / "model" / "model_card.json").read_text("utf-8"))
    assert card["classifier"]["params"][REJECTED_CODES_PARAM] == REJECTED_CODES_FILE
    arrays = load((tmp_path / "model" / "classifier.safetensors").read_bytes())
    with pytest.raises(TypeError, match="unknown classifier parameter"):
        CodePredictor.from_arrays(arrays, card["classifier"])
    AutoCoder.load(tmp_path / "model", embedder=after.embedder)  # this roqa loads it

    none_kept = copy.copy(after)
    none_kept._rejected_codes = None
    none_kept.save(tmp_path / "plain")
    card = json.loads((tmp_path / "plain" / "model_card.json").read_text("utf-8"))
    assert REJECTED_CODES_PARAM not in card["classifier"]["params"]
    CodePredictor.from_arrays(arrays, card["classifier"])
