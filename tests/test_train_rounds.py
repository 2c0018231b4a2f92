"""``roqa train --feedback`` with rounds of review: the option repeats, every file is trained and
recorded, and a summary line says what the decisions became."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli_core import (
    TRAINING,
    assert_one_line_user_error,
    assert_trained_without_codings,
    roqa,
    without_codings,
    without_tiny_training_warnings,
)

R0 = (
    "segment_id,decision,code_id,new_code,note,text\n"
    "p02:0001,new-code,,Faith communities,,The mosque on the corner has been a lifeline.\n"
    "p02:0004,accept,IS.E.2,,,There was never enough money for extra shifts.\n"
)
R1 = (
    "segment_id;decision;code_id;new_code;note;text\n"  # a European Excel file
    "p03:0002;recode;project.faith-communities;;;Church on Sunday is where they belong.\n"
    "p03:0003;reject;OS.D;;;I like walking by the canal on my days off.\n"
    "p03:0003;reject;IC.H;;;I like walking by the canal on my days off.\n"
    "p03:0003;reject;IS.C;;;I like walking by the canal on my days off.\n"
)


def faith_on_two(r0: Path, r1: Path) -> str:
    """The warning for the rounds' new code, on 2 decided segments (Tester K14)."""
    return (
        f"roqa: warning: {r0}, {r1}: new code project.faith-communities 'Faith communities' is "
        "on 2 decided segments only: the model learns it from them alone, so it is suggested mostly "
        "for close paraphrases of their words, and its probability is not calibrated (give a new "
        "code 3 decided segments or more; docs/report.md)"
    )


def rounds(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "r0").mkdir()
    (tmp_path / "r1").mkdir()
    r0, r1 = tmp_path / "r0" / "decisions.csv", tmp_path / "r1" / "decisions.csv"
    r0.write_text(R0, encoding="utf-8")
    r1.write_text(R1, encoding="utf-8")
    return r0, r1


def test_decisions_without_codings_are_warned_and_summed_up_as_having_no_valence(
    tmp_path: Path,
) -> None:
    """A report's "Save decisions" goes to Downloads, with no codings.jsonl beside it: the
    decisions are trained without the model's valence (those with no valence of the researcher's
    are left out of the valence head) and without each segment's question. Before, nothing warned
    and the summary said "the model's [valence] on the rest" though there was none."""
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(
        "segment_id,decision,code_id,new_code,note,text,valence\n"
        "p02:0004,accept,IS.E.2,,,There was never enough money for extra shifts.,\n"
        "p02:0004,valence,,,,There was never enough money for extra shifts.,barrier\n"
        "p02:0005,accept,IC.H,,,We had a champion on every ward.,\n",
        encoding="utf-8",
    )
    out = tmp_path / "model"
    run = roqa("train", TRAINING, "--out", out, "--feedback", decisions)
    assert_trained_without_codings(run, decisions)
    assert (
        "feedback: 2 examples from 3 decisions (2 accepted, 1 valence correction), each example a decided text (one for the same words in several segments) "
        "counted 3 times (--feedback-weight): 6 training records; 0 left out; codings: none (no model "
        "valence or questions, 3 suggestions assumed shown); valence: the researcher's on 1 "
        "example, none on 1 (without codings; the valence head leaves them out)"
    ) in " ".join(run.out.split())
    card = json.loads((out / "model_card.json").read_text("utf-8"))["feedback"]
    assert (card["codings"], card["n_without_valence"]) == ([], 1)
    # the researcher's valence is a property of a coded example, not one more example: the
    # card's examples summed to 3 for its 2 examples
    assert (card["n_examples"], card["examples_by_kind"], card["n_researcher_valence"]) == (
        2,
        {"coded": 2},
        1,
    )
    assert card["codes_by_decision"] == {"accept": 2}


def test_repeated_feedback_trains_every_round(tmp_path: Path) -> None:
    r0, r1 = rounds(tmp_path)
    out = tmp_path / "model"
    run = roqa("train", TRAINING, "--out", out, "--feedback", r0, "--feedback", r1)
    # the new code is on 2 decided segments (a new-code row in r0, a recode to it in r1): fewer
    # than the several docs/report.md asks for, said once the examples are known
    assert_trained_without_codings(run, r0, r1, also=[faith_on_two(r0, r1)])
    card = json.loads((out / "model_card.json").read_text("utf-8"))["feedback"]
    # typed outside the folder trained from, with no codings: by name, told apart by their
    # SHA-256s (privacy, s67)
    assert [(f["name"], f["n_decisions"]) for f in card["decisions_files"]] == [
        ("decisions.csv", 2),
        ("decisions.csv", 4),
    ]
    assert card["by_decision"] == {"accept": 1, "recode": 1, "new-code": 1, "reject": 3}
    assert card["new_codes"] == ["project.faith-communities"]
    assert (
        "feedback: 4 examples from 6 decisions in 2 files (1 accepted, 1 recoded, 1 new-code "
        "(1 new code created), 1 fit no code (from 3 decisions)), each example a decided text (one for the same words in several segments) counted 3 times "
        # the canal's three rejections, each kept with it
        "(--feedback-weight): 12 training records; 0 left out; 3 rejected codes kept with their "
        "segments: not suggested there again, and less on talk read much like them; codings: "
        "none (no model valence or questions, 3 suggestions assumed shown); valence: none on 3 "
        "examples (without codings; "
        "the valence head leaves them out)"
    ) in " ".join(run.out.split())
    # 40 records + 3 x 4 decided segments, of which 3 x 1 fit no code, and the 39 codes'
    # descriptions and the project code's
    assert (
        "Trained on 52 records (39 coded, 13 off-framework), 40 from the training data and 12 "
        "from the decisions, and the 39 code descriptions and the definition of the new code;"
    ) in " ".join(run.out.split())
    assert (card["n_records"], card["n_new_code_definitions"]) == (12, 1)


def test_a_later_round_alone_names_the_earlier_decisions_file(tmp_path: Path) -> None:
    _, r1 = rounds(tmp_path)
    run = roqa("train", TRAINING, "--out", tmp_path / "m", "--feedback", r1)
    assert_one_line_user_error(
        run,
        f"{r1}: row 2: unknown code 'project.faith-communities' (made by an earlier round's "
        "decisions: give that decisions file too (--feedback FILE --feedback FILE); made in a "
        "QDA project: keep the codebook.json roqa import wrote with the decisions (in their "
        "folder or up to two above))",
    )


def test_codings_must_pair_with_the_decisions_files(tmp_path: Path) -> None:
    r0, r1 = rounds(tmp_path)
    codings = tmp_path / "codings.jsonl"
    codings.write_text("", encoding="utf-8")
    run = roqa(
        "train",
        TRAINING,
        "--out",
        tmp_path / "m",
        "--feedback",
        r0,
        "--feedback",
        r1,
        "--codings",
        codings,
    )
    assert_one_line_user_error(
        run, "1 --codings for 2 --feedback (give --codings once per --feedback, in the same order"
    )


def test_the_researchers_decided_segments_are_never_stored_or_shown_as_evidence(
    tmp_path: Path,
) -> None:
    """Evidence stays the written exemplars and the seed quotes: the model folder holds none of
    the researcher's segments in words (each was stored --feedback-weight times before), and a
    decided segment coded again is not shown itself as the reason for its suggestion."""
    r0, r1 = rounds(tmp_path)
    out = tmp_path / "model"
    run = roqa("train", TRAINING, "--out", out, "--feedback", r0, "--feedback", r1)
    assert_trained_without_codings(run, r0, r1, also=[faith_on_two(r0, r1)])
    evidence = [json.loads(line) for line in (out / "evidence.jsonl").open(encoding="utf-8")]
    written = [json.loads(line) for line in TRAINING.open(encoding="utf-8")]
    assert [e["id"] for e in evidence] == [r["id"] for r in written if r["codes"]]
    # nor do the word models' vocabularies (lexical.json): each decided segment was trained on
    # three times, so every word and word pair of it (names too) reached the vocabulary
    stored = "".join(
        f.read_text("utf-8").casefold() for f in out.iterdir() if f.suffix in (".json", ".jsonl")
    )
    for word in ("mosque", "lifeline", "canal", "church", "extra shifts", "sunday"):
        assert f'"{word}"' not in stored, word
    from roqa_nlp.autocoder import AutoCoder

    decided = "There was never enough money for extra shifts."
    top = AutoCoder.load(out).suggest(decided)[0][0]
    assert top.code_id == "IS.E.2"
    assert top.evidence == (
        "There was no money left in the budget to pay for the new system.",
        "We simply do not have enough staff on shift to release people for the training.",
    )


def test_a_model_storing_each_example_three_times_shows_a_quote_once_and_never_the_segment(
    tiny_model_dir: Path,
) -> None:
    """A model trained before the decided segments were kept out of evidence holds each one
    three times (the --feedback-weight copies): a suggestion shows two different quotes, and
    not the words of the segment coded."""
    import numpy as np

    from roqa_nlp.autocoder import AutoCoder

    ac = AutoCoder.load(tiny_model_dir)
    ac._evidence_texts = ac._evidence_texts * 3
    ac._evidence_X = np.concatenate([ac._evidence_X] * 3)
    own = "We simply do not have enough staff on shift to release people for the training."
    top = ac.suggest(own)[0][0]
    assert (top.code_id, top.evidence) == (
        "IS.E.2",
        (
            "Agency cover costs us a fortune, so every extra hour of training hurts.",
            "Our rota is so thin that nobody can be spared for a half-day course.",
        ),
    )
    top = ac.suggest("Nobody can be spared for training, the rota is too thin.")[0][0]
    assert top.evidence == (
        "Our rota is so thin that nobody can be spared for a half-day course.",
        own,
    )


def test_update_reads_the_codings_beside_the_decisions_as_roqa_train_does(
    tmp_path: Path, embedder, tiny_training
) -> None:
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.io import sha256_bytes
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion

    text = "There was never enough money for extra shifts."
    seg = Segment("p02:0004", "p02", "P02", "participant", 0, len(text), text)
    sugg = Suggestion("IS.E.2", "Available Resources", "IS", 0.6, "barrier", 0.8)
    CodingResult([SegmentResult(seg, [sugg])]).save(tmp_path / "coded")
    decisions = tmp_path / "coded" / "decisions.csv"
    decisions.write_text(f"segment_id,decision,code_id,text\np02:0004,accept,IS.E.2,{text}\n")
    ac = AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=tiny_training)
    beside = tmp_path / "coded" / "codings.jsonl"
    # outside the folder trained from: by their folder's name and their own (privacy, s67)
    assert ac.card["feedback"]["codings"] == [
        {"path": "coded/codings.jsonl", "sha256": sha256_bytes(beside.read_bytes())}
    ]


def test_codings_with_no_run_json_beside_them_are_said_to_name_no_model(
    tmp_path: Path, embedder, tiny_training
) -> None:
    """daily14 tester (session 84, D2): round 2's decisions with a copy of their codings.jsonl
    and no run.json trained a model that had lost round 1's decisions, with no word said: the
    model that made the codings, and the rounds it was trained with, are named in run.json."""
    import warnings

    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.errors import RoqaWarning
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion

    text = "There was never enough money for extra shifts."
    seg = Segment("p02:0004", "p02", "P02", "participant", 0, len(text), text)
    sugg = Suggestion("IS.E.2", "Available Resources", "IS", 0.6, "barrier", 0.8)
    CodingResult([SegmentResult(seg, [sugg])]).save(tmp_path / "r1")
    for other in ("run.json", "transcripts.jsonl", "codings.csv"):
        (tmp_path / "r1" / other).unlink()
    decisions = tmp_path / "r1" / "decisions.csv"
    decisions.write_text(f"segment_id,decision,code_id,text\np02:0004,accept,IS.E.2,{text}\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=tiny_training)
    said = [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]
    assert (
        said.count(
            f"{tmp_path / 'r1' / 'codings.jsonl'}: cannot tell which model made these codings: no "
            "run.json beside it (if a model retrained on earlier decisions made them, the new model "
            "forgets those: give update() every round, earliest first)"
        )
        == 1
    )
    # with run.json beside them, nothing of the kind is said
    CodingResult([SegmentResult(seg, [sugg])]).save(tmp_path / "r1")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=tiny_training)
    assert not [w for w in caught if "cannot tell which model" in str(w.message)]


def test_roqa_train_says_so_with_its_option(tmp_path: Path) -> None:
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion

    text = "There was never enough money for extra shifts."
    seg = Segment("p02:0004", "p02", "P02", "participant", 0, len(text), text)
    sugg = Suggestion("IS.E.2", "Available Resources", "IS", 0.6, "barrier", 0.8)
    CodingResult([SegmentResult(seg, [sugg])]).save(tmp_path / "r1")
    for other in ("run.json", "transcripts.jsonl", "codings.csv"):
        (tmp_path / "r1" / other).unlink()
    decisions = tmp_path / "r1" / "decisions.csv"
    decisions.write_text(f"segment_id,decision,code_id,text\np02:0004,accept,IS.E.2,{text}\n")
    run = roqa("train", TRAINING, "--out", tmp_path / "m", "--feedback", decisions)
    assert run.code == 0, run.err
    assert without_tiny_training_warnings(run.err) == [
        f"roqa: warning: {tmp_path / 'r1' / 'codings.jsonl'}: cannot tell which model made these "
        "codings: no run.json beside it (if a model retrained on earlier decisions made them, the "
        "new model forgets those: repeat --feedback for every round, earliest first)"
    ]


def test_codings_with_transcripts_and_no_run_json_are_said_to_name_no_model_once(
    tmp_path: Path, embedder, tiny_training
) -> None:
    """hunt24 (session 84, 1 and 2): a roqa code folder with its run.json deleted (transcripts.jsonl
    still beside codings.jsonl) gave two warnings in a row about the one missing run.json, and a
    :class:`CodingResult` read from it in Python gave update() none. One warning says both, given
    a path or the result read from it (its file named)."""
    import warnings

    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.errors import RoqaWarning
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion

    text = "There was never enough money for extra shifts."
    seg = Segment("p02:0004", "p02", "P02", "participant", 0, len(text), text)
    sugg = Suggestion("IS.E.2", "Available Resources", "IS", 0.6, "barrier", 0.8)
    CodingResult([SegmentResult(seg, [sugg])]).save(tmp_path / "r1")
    (tmp_path / "r1" / "run.json").unlink()
    decisions = tmp_path / "r1" / "decisions.csv"
    decisions.write_text(f"segment_id,decision,code_id,text\np02:0004,accept,IS.E.2,{text}\n")
    jsonl = tmp_path / "r1" / "codings.jsonl"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        read = CodingResult.read(jsonl)  # its reader's own warning said here
    for codings in (jsonl, read):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            AutoCoder("cfir-2009", embedder=embedder).update(
                decisions, codings=codings, training=tiny_training
            )
        said = [str(w.message) for w in caught if "run.json" in str(w.message)]
        assert said == [
            f"{jsonl}: cannot tell which model made these codings: no run.json beside it (if a "
            "model retrained on earlier decisions made them, the new model forgets those: give "
            "update() every round, earliest first); nor can it be checked that they lost no lines"
        ], codings
        assert all(issubclass(w.category, RoqaWarning) for w in caught if "run.json" in str(w))


def test_roqa_train_says_no_run_json_once_and_names_new_codes_as_typed(tmp_path: Path) -> None:
    """hunt24 (session 84, 1 and 3): ``roqa train --feedback`` on a roqa code folder with no
    run.json gave two warnings about it in a row, and its summary named a new code with no
    valence by id, not as the researcher typed it."""
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion

    text = "There was never enough money for extra shifts."
    seg = Segment("p02:0004", "p02", "P02", "participant", 0, len(text), text)
    sugg = Suggestion("IS.E.2", "Available Resources", "IS", 0.6, "barrier", 0.8)
    CodingResult([SegmentResult(seg, [sugg])]).save(tmp_path / "r1")
    (tmp_path / "r1" / "run.json").unlink()
    decisions = tmp_path / "r1" / "decisions.csv"
    decisions.write_text(
        "segment_id,decision,code_id,new_code,text\n"
        f"p02:0004,new-code,,Manager's personal loss,{text}\n"
    )
    run = roqa("train", TRAINING, "--out", tmp_path / "m", "--feedback", decisions)
    assert run.code == 0, run.err
    assert [line for line in run.err.splitlines() if "run.json" in line] == [
        f"roqa: warning: {tmp_path / 'r1' / 'codings.jsonl'}: cannot tell which model made these "
        "codings: no run.json beside it (if a model retrained on earlier decisions made them, the "
        "new model forgets those: repeat --feedback for every round, earliest first); nor can it "
        "be checked that they lost no lines"
    ]
    assert (
        "; valence: none on 1 example given a new code (the valence head leaves it out, as the "
        "review gives a new code none: a valence row on it trains yours); 1 new code with no "
        'valence on any example, suggested neutral: "Manager\'s personal loss"\n'
    ) in run.out


def test_the_same_files_typed_as_other_paths_train_a_model_of_the_same_hash(
    tmp_path: Path, embedder, tiny_training
) -> None:
    """learn tester, s44: ``--feedback coded/decisions.csv`` and ``coded1/decisions.csv`` (coded
    a symlink to coded1) trained byte-identical arrays but model_sha256 5074bf... and bd8e17...:
    the card's paths were hashed as typed. The paths stay in the card for the researcher; the
    model's identity is its content."""
    from roqa_nlp.autocoder import CARD, AutoCoder
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion

    text = "There was never enough money for extra shifts."
    seg = Segment("p02:0004", "p02", "P02", "participant", 0, len(text), text)
    sugg = Suggestion("IS.E.2", "Available Resources", "IS", 0.6, "barrier", 0.8)
    CodingResult([SegmentResult(seg, [sugg])]).save(tmp_path / "coded1")
    (tmp_path / "coded1" / "decisions.csv").write_text(
        f"segment_id,decision,code_id,text\np02:0004,accept,IS.E.2,{text}\n", encoding="utf-8"
    )
    (tmp_path / "coded").symlink_to(tmp_path / "coded1", target_is_directory=True)
    cards = []
    for folder, out in (("coded", "a"), ("coded1", "b")):
        decisions = tmp_path / folder / "decisions.csv"
        ac = AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=tiny_training)
        ac.save(tmp_path / out)
        cards.append(json.loads((tmp_path / out / CARD).read_text("utf-8")))
    a, b = cards
    # outside the folder trained from: from the codings' own folder (privacy, s67)
    assert [f["name"] for f in a["feedback"]["decisions_files"]] == ["coded/decisions.csv"]
    assert [c["path"] for c in b["feedback"]["codings"]] == ["coded1/codings.jsonl"]
    assert a["files"] == b["files"]
    assert a["model_sha256"] == b["model_sha256"]
    AutoCoder.load(tmp_path / "a", embedder=embedder)


def test_a_model_hashed_with_its_paths_before_still_loads_and_an_edit_is_refused(
    tmp_path: Path, embedder, tiny_model
) -> None:
    """A model trained with decisions before its card's paths were left out of model_sha256 was
    hashed with them: it still loads, and a path edited in it is still an altered card."""
    from roqa_nlp.autocoder import CARD, AutoCoder, card_text
    from roqa_nlp.errors import RoqaError
    from roqa_nlp.io import sha256_bytes

    tiny_model.save(tmp_path / "m")
    card = json.loads((tmp_path / "m" / CARD).read_text("utf-8"))
    card["feedback"] = {
        "decisions_files": [{"name": "coded/decisions.csv", "sha256": "0" * 64}],
        "codings": [{"path": "coded/codings.jsonl", "sha256": "1" * 64}],
    }

    def write(card: dict) -> None:
        # the rule before: the whole card but its own hash
        body = {k: v for k, v in card.items() if k != "model_sha256"}
        card["model_sha256"] = sha256_bytes(json.dumps(body, sort_keys=True).encode())
        (tmp_path / "m" / CARD).write_text(card_text(card), encoding="utf-8")

    write(card)
    AutoCoder.load(tmp_path / "m", embedder=embedder)
    text = (tmp_path / "m" / CARD).read_text("utf-8")
    (tmp_path / "m" / CARD).write_text(text.replace("coded/", "coded1/"), encoding="utf-8")
    with pytest.raises(RoqaError, match="the model card was altered"):
        AutoCoder.load(tmp_path / "m", embedder=embedder)


def test_the_docs_give_the_time_of_the_feedback_command_not_of_the_update_step() -> None:
    """learn tester, s44: README and docs/model.md said retraining with --feedback takes "about
    40 s"; `roqa train training_data --feedback coded/decisions.csv` took 105-137 s of wall time
    (66-70 s of CPU) on a 2-core machine: the 40.7 s of benchmarks/results/feedback.md timed
    AutoCoder.update alone, in a process with the library and embedding model loaded."""
    repo = Path(__file__).resolve().parents[1]

    def page(name: str) -> str:
        return " ".join((repo / name).read_text("utf-8").split())

    readme, model = page("README.md"), page("docs/model.md")
    assert "about 40 s" not in readme and "a 40 s retrain" not in model
    # for an idle machine, as said (study6 tester, session 76: 31 minutes of wall time, 9.5
    # of CPU, for a first training at a load of about 10)
    assert readme.count("about 1-2 minutes on an idle 2-core laptop") == 2
    assert "1-2 minutes on a 2-core" not in readme
    assert "took 31 minutes of wall time and 9.5 minutes of CPU" in model
    assert (
        "takes about 1-2 minutes on a 2-core laptop (105 and 137 s of wall time, 66-70 s of CPU"
    ) in model
    timed = "gives 40.7 s on average. That timed the library's update step alone, not the command"
    assert timed in model
    assert (
        "The update step (`AutoCoder.update`) reads the 9,465 training examples (the 9,426 "
        "records and the 39 descriptions) and their embeddings from the cache, fits the "
        "classifier and calibrates novelty. It ran in a Python "
        "process that had loaded the library and the embedding model already."
    ) in model


def test_the_docs_say_the_cards_sha256_not_its_path_identifies_a_feedback_file() -> None:
    """learn tester, session 54: the card names the codings as typed ("coded/codings.jsonl"),
    and README step 7 codes the next interviews into the folder reviewed (coded-zoom/ since
    session 76), writing that file anew: the path
    no longer holds the file the model learnt from. The paths stay as typed (an absolute one
    would name the same overwritten file, and put the researcher's home folder in a card
    they share); docs/model.md says the SHA-256 identifies the file, how to check it, and how
    to keep it."""
    repo = Path(__file__).resolve().parents[1]

    def page(name: str) -> str:
        return " ".join((repo / name).read_text("utf-8").split())

    readme, model = page("README.md"), page("docs/model.md")
    assert "--model models/study --out coded-zoom/`" in readme  # step 7: into the same folder
    assert (
        "The SHA-256 identifies the file, not the path: a path is where the file was when the "
        "model was trained (relative to the folder you trained from, when typed so). The file "
        "there may have changed since. Coding the next interviews into the same folder (README, "
        "step 7) writes `coded/codings.jsonl` anew"
    ) in model
    assert "compare its SHA-256 with the card's (`sha256sum FILE`" in model


def test_the_docs_promise_the_researchers_valence_back_on_the_decided_words_alone() -> None:
    """learn tester, s44: docs/report.md said coding the decided segments again shows "the
    researcher's valence", while a few lines above it 8 of 14 corrections came back (session
    38); the tester saw 4 of 8 come back and one go further the wrong way (m04_interview:0006,
    enabler decided, barrier 0.48 -> 0.63). Since session 82 a retrained model keeps each decided
    valence for its segment (roqa_nlp.decided_valences), and not for other talk like them."""
    repo = Path(__file__).resolve().parents[1]

    def page(name: str) -> str:
        return " ".join((repo / "docs" / name).read_text("utf-8").split())

    report, model = page("report.md"), page("model.md")
    assert "(and the researcher's valence)" not in report
    assert (
        "The researcher's valence is learnt as a weighted example too, and it is kept for the "
        "decided segments: a retrained model reads the very segments it was set on (the same "
        "words after the same question) with the researcher's valence."
    ) in report
    assert "Other talk like them keeps the model's reading" in report
    assert (
        "The decisions file stays the record of the researcher's valence, and `roqa "
        "apply-decisions` carries it into the reviewed codings"
    ) in report
    assert "A valence you gave comes back yours on the segment you gave it to" in model
    assert "other talk worded alike keeps the model's reading" in model
    assert "It does not carry it to other talk like them." in model


def test_a_new_code_named_as_a_code_trains_as_apply_decisions_reads_it(tmp_path: Path) -> None:
    """A review names its new code as a code on other talk ("accept staff MORALE" beside
    "new-code Staff morale") and rejects it by its id where named again: roqa train --feedback
    trains the new code on the two segments apply-decisions gives it. (It did before too: roqa
    train reads them in the project codebook it makes; feedback_plan given the model's codebook
    refused the accept as an unknown code, session 57: test_decisions.py.)"""
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        "p02:0001,new-code,,Staff morale,,Morale on the floor has never been lower.\n"
        "p02:0002,accept,staff MORALE,,,Nobody wants to come in on a Monday any more.\n"
        "p02:0003,new-code,,Staff Morale,,We had a champion on every ward.\n"
        "p02:0003,reject,project.staff-morale,,,We had a champion on every ward.\n"
        "p02:0003,accept,IC.H,,,We had a champion on every ward.\n",
        encoding="utf-8",
    )
    out = tmp_path / "model"
    run = roqa("train", TRAINING, "--out", out, "--feedback", decisions)
    assert run.code == 0, run.err
    assert without_tiny_training_warnings(run.err) == [
        f"roqa: warning: {decisions}: new codes counted as one, as their names differ only in "
        "case, spacing, punctuation or &/and: 'Staff morale' = 'Staff Morale' (each is the "
        "first spelling)",
        f"roqa: warning: {decisions}: 1 decision(s) contradicted by a later row on the same "
        "words, the later row kept: rows 4 and 5: new-code then reject project.staff-morale on "
        "p02:0003",
        without_codings(decisions),
        f"roqa: warning: {decisions}: new code project.staff-morale 'Staff morale' is on 2 "
        "decided segments only: the model learns it from them alone, so it is suggested mostly for "
        "close paraphrases of their words, and its probability is not calibrated (give a new code "
        "3 decided segments or more; docs/report.md)",
    ]
    card = json.loads((out / "model_card.json").read_text("utf-8"))["feedback"]
    assert card["new_codes"] == ["project.staff-morale"]
    assert card["by_decision"] == {"accept": 2, "new-code": 2, "reject": 1}
    assert (
        "feedback: 3 examples from 5 decisions (2 accepted, 1 new-code (1 new code created)), "
        "each example a decided text (one for the same words in several segments) counted 3 times (--feedback-weight): 9 training "
        "records; 2 left out (1 replaced by a later row on the same words and code, 1 "
        "rejection on segments given a code);"
    ) in " ".join(run.out.split())
