"""Specification: training on a later round's decisions alone says which earlier rounds the model
that made its codings had learnt, and that the new model forgets them.

adapt tester, session 42: `roqa train ... --feedback out/r2_coded/decisions.csv` gave no warning,
although out/r2_coded was coded by a model trained with out/r1_coded/decisions.csv (its run.json
records it, with its sha256); held-out top-1 fell from 0.979 (both rounds) to 0.957.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path
from typing import Any

import pytest

from roqa_nlp.decisions import earlier_rounds
from roqa_nlp.errors import ON_COMMAND_LINE, RoqaWarning
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult


def earlier_rounds_left_out(*args: Any, **kwargs: Any) -> str | None:
    """The warning of :func:`earlier_rounds` (its arguments), None when every round is given."""
    rounds = earlier_rounds(*args, **kwargs)
    return None if rounds is None else rounds.said


def coded_by(*files: tuple[str, str]) -> CodingResult:
    """Codings whose run.json records a model trained with the decisions ``files`` (name, sha)."""
    decisions = [{"name": n, "sha256": h, "n_decisions": 1} for n, h in files]
    return CodingResult(meta={"model_card": {"feedback": {"decisions_files": decisions}}})


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture
def rounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, str]:
    """Three rounds' decisions files, named as given on the command line from ``tmp_path``."""
    monkeypatch.chdir(tmp_path)
    for r in ("r1", "r2", "r3"):
        (tmp_path / f"{r}_coded").mkdir()
        (tmp_path / f"{r}_coded" / "decisions.csv").write_text(r, encoding="utf-8")
    return sha("r1"), sha("r2"), sha("r3")


def test_a_later_round_given_alone_names_the_earlier_round_and_how_to_include_it(
    rounds: tuple[str, str, str],
) -> None:
    r1, r2, _ = rounds
    said = earlier_rounds_left_out(
        [("r2_coded/decisions.csv", r2)], [coded_by(("r1_coded/decisions.csv", r1))]
    )
    assert said == (
        "r2_coded/decisions.csv was reviewed on codings made by a model trained with "
        "r1_coded/decisions.csv, not given now: the new model forgets its decisions (to keep "
        "them, repeat --feedback for every round, earliest first: --feedback "
        "r1_coded/decisions.csv --feedback r2_coded/decisions.csv)"
    )


def test_with_codings_given_the_command_suggested_gives_every_rounds_codings(
    rounds: tuple[str, str, str], tmp_path: Path
) -> None:
    """Tester learning, s59: `--feedback round2/decisions.csv --codings coded_all/codings.jsonl`
    was told to give `--feedback coded/decisions.csv --feedback round2/decisions.csv`, which
    then stopped on round 2's codes for want of its --codings."""
    r1, r2, _ = rounds
    (tmp_path / "r1_coded" / "codings.jsonl").write_text("{}", encoding="utf-8")
    card = CodingResult(
        meta={
            "model_card": {
                "feedback": {
                    "decisions_files": [{"name": "r1_coded/decisions.csv", "sha256": r1}],
                    "codings": [{"path": "r1_coded/codings.jsonl", "sha256": sha("{}")}],
                }
            }
        }
    )
    given = [("r2_coded/decisions.csv", r2)]
    assert earlier_rounds_left_out(given, [card], codings_named=["all/codings.jsonl"]).endswith(
        "earliest first: --feedback r1_coded/decisions.csv --codings r1_coded/codings.jsonl "
        "--feedback r2_coded/decisions.csv --codings all/codings.jsonl)"
    )
    # round 1's codings not recorded (or no longer found): said, not left out
    card.meta["model_card"]["feedback"]["codings"] = []
    assert earlier_rounds_left_out(given, [card], codings_named=["all/codings.jsonl"]).endswith(
        "earliest first: --feedback r1_coded/decisions.csv --feedback r2_coded/decisions.csv, "
        "each with its --codings, in the same order)"
    )


def test_every_round_given_says_nothing(rounds: tuple[str, str, str]) -> None:
    r1, r2, r3 = rounds
    given = [("r1_coded/decisions.csv", r1), ("r2_coded/decisions.csv", r2)]
    assert earlier_rounds_left_out(given, [None, coded_by(("r1_coded/decisions.csv", r1))]) is None


def test_an_earlier_round_given_under_another_name_is_matched_by_its_sha256(
    rounds: tuple[str, str, str],
) -> None:
    r1, r2, _ = rounds
    given = [("copy/round1.csv", r1), ("r2_coded/decisions.csv", r2)]
    assert earlier_rounds_left_out(given, [None, coded_by(("r1_coded/decisions.csv", r1))]) is None


def test_an_earlier_round_edited_since_and_given_by_its_path_is_included(
    rounds: tuple[str, str, str],
) -> None:
    """The round-1 file with rows added since: not the sha256 the card records, the same file."""
    r1, r2, _ = rounds
    given = [(os.path.join(".", "r1_coded", "decisions.csv"), sha("r1 edited"))]
    given.append(("r2_coded/decisions.csv", r2))
    assert earlier_rounds_left_out(given, [None, coded_by(("r1_coded/decisions.csv", r1))]) is None


def test_the_packaged_model_or_no_codings_says_nothing(rounds: tuple[str, str, str]) -> None:
    _, r2, _ = rounds
    given = [("r2_coded/decisions.csv", r2)]
    assert earlier_rounds_left_out(given, [None]) is None
    assert earlier_rounds_left_out(given, [CodingResult(meta={"model_card": {}})]) is None


def test_two_earlier_rounds_left_out_are_named_once_each(rounds: tuple[str, str, str]) -> None:
    """Round 3 coded by a model of rounds 1 and 2; rounds 2 and 3 given: round 1 is named."""
    r1, r2, r3 = rounds
    given = [("r2_coded/decisions.csv", r2), ("r3_coded/decisions.csv", r3)]
    r1_file = ("r1_coded/decisions.csv", r1)
    codings = [coded_by(r1_file), coded_by(r1_file, ("r2_coded/decisions.csv", r2))]
    assert earlier_rounds_left_out(given, codings) == (
        "r2_coded/decisions.csv and r3_coded/decisions.csv were reviewed on codings made by a "
        "model trained with r1_coded/decisions.csv, not given now: the new model forgets its "
        "decisions (to keep them, repeat --feedback for every round, earliest first: --feedback "
        "r1_coded/decisions.csv --feedback r2_coded/decisions.csv --feedback "
        "r3_coded/decisions.csv)"
    )


def test_an_earlier_round_no_longer_found_is_said_so_with_its_sha256(
    rounds: tuple[str, str, str],
) -> None:
    _, r2, _ = rounds
    gone = sha("moved away")
    codings = [coded_by(("old/decisions.csv", gone), ("r1_coded/decisions.csv", sha("r1")))]
    assert earlier_rounds_left_out([("r2_coded/decisions.csv", r2)], codings) == (
        "r2_coded/decisions.csv was reviewed on codings made by a model trained with "
        f"old/decisions.csv (not found from here; sha256 {gone[:12]}) and r1_coded/decisions.csv, not "
        "given now: the new model forgets their decisions (to keep them, repeat --feedback for "
        "every round, earliest first, giving each file not found from here where it is)"
    )


def test_update_warns_before_training_of_the_round_left_out(
    embedder, tiny_training, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roqa_nlp.autocoder import AutoCoder

    monkeypatch.chdir(tmp_path)
    r1 = tmp_path / "r1.csv"
    # a decision round 2 does not carry (a file holding no decision forgets none)
    r1.write_text("segment_id,decision,code_id,text\np01:0001,reject,IC.H,Words.\n", "utf-8")
    r2 = tmp_path / "r2_coded" / "decisions.csv"
    r2.parent.mkdir()
    words = "There was never enough money for extra shifts."
    r2.write_text(f"segment_id,decision,code_id,text\np02:0004,accept,IS.E.2,{words}\n", "utf-8")
    coded = coded_by(("r1.csv", sha(r1.read_text("utf-8"))))
    # the segment round 2 decided: decisions on no segment of their codings are refused
    coded.segments = [
        SegmentResult(Segment("p02:0004", "p02", "P02", "participant", 0, len(words), words))
    ]
    coded.save(r2.parent)

    def said_by_update() -> list[str]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            AutoCoder("cfir-2009", embedder=embedder).update(
                Path("r2_coded/decisions.csv"), training=tiny_training
            )
        return [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]

    # in Python the call that keeps both rounds, not roqa train's options (tester learn, s61)
    assert (
        "r2_coded/decisions.csv was reviewed on codings made by a model trained with r1.csv, not "
        "given now: the new model forgets its decisions (to keep them, give update() every "
        "round, earliest first: update(['r1.csv', 'r2_coded/decisions.csv']))"
    ) in said_by_update()
    # roqa train (which calls update() on the command line) names its options
    on_command_line = ON_COMMAND_LINE.set(True)
    try:
        said = said_by_update()
    finally:
        ON_COMMAND_LINE.reset(on_command_line)
    assert (
        "r2_coded/decisions.csv was reviewed on codings made by a model trained with r1.csv, not "
        "given now: the new model forgets its decisions (to keep them, repeat --feedback for "
        "every round, earliest first: --feedback r1.csv --feedback r2_coded/decisions.csv)"
    ) in said


def test_a_file_given_twice_is_named_once(rounds: tuple[str, str, str]) -> None:
    """Regression hunt (s42 hunt2): "r2.csv and r2.csv were reviewed ..." for --feedback r2.csv
    given twice (or as ./r2.csv): one file, by its sha256."""
    r1, r2, _ = rounds
    card = coded_by(("r1_coded/decisions.csv", r1))
    given = [("r2_coded/decisions.csv", r2), ("./r2_coded/decisions.csv", r2)]
    assert earlier_rounds_left_out(given, [card, card]) == (
        "r2_coded/decisions.csv was reviewed on codings made by a model trained with "
        "r1_coded/decisions.csv, not given now: the new model forgets its decisions (to keep "
        "them, repeat --feedback for every round, earliest first: --feedback "
        "r1_coded/decisions.csv --feedback r2_coded/decisions.csv)"
    )


def test_an_earlier_round_named_from_another_folder_is_found_beside_the_codings(
    rounds: tuple[str, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression hunt (s42 hunt2): the card records the file as typed when the model was
    trained (r1_coded/decisions.csv, from the study's folder); training from another folder
    called it "no longer found" though it is there. It is looked for from the codings' folder
    and the folders above it, by its sha256, and named so the command given works from here."""
    r1, r2, _ = rounds
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    given = [("../r2_coded/decisions.csv", r2)]
    card = coded_by(("r1_coded/decisions.csv", r1))
    assert earlier_rounds_left_out(given, [card], folders=[tmp_path / "r2_coded"]) == (
        "../r2_coded/decisions.csv was reviewed on codings made by a model trained with "
        "../r1_coded/decisions.csv, not given now: the new model forgets its decisions (to keep "
        "them, repeat --feedback for every round, earliest first: --feedback "
        "../r1_coded/decisions.csv --feedback ../r2_coded/decisions.csv)"
    )
    # a file of that name whose sha256 is another's is not it: r2_coded/decisions.csv
    # beside the codings is no round 1 recorded as decisions.csv
    card = coded_by(("decisions.csv", r1))
    (tmp_path / "r1_coded" / "decisions.csv").unlink()
    assert earlier_rounds_left_out(given, [card], folders=[tmp_path / "r2_coded"]) == (
        "../r2_coded/decisions.csv was reviewed on codings made by a model trained with "
        f"decisions.csv (not found from here; sha256 {r1[:12]}), not given now: the new model "
        "forgets its decisions (to keep them, repeat --feedback for every round, earliest "
        "first, giving each file not found from here where it is)"
    )


def test_a_round_given_as_a_list_of_decisions_is_named_so_not_as_a_file(
    rounds: tuple[str, str, str],
) -> None:
    """A model trained with a list of Decisions records no file name (null): the warning names
    it as given in memory, not as a file "None" (s50 api tester, finding 5)."""
    r1, r2, _ = rounds
    card = CodingResult(
        meta={"model_card": {"feedback": {"decisions_files": [{"name": None, "sha256": r1}]}}}
    )
    said = earlier_rounds_left_out([("r2_coded/decisions.csv", r2)], [card])
    assert said == (
        "r2_coded/decisions.csv was reviewed on codings made by a model trained with "
        f"a list of Decisions given in Python (sha256 {r1[:12]}), not given now: the new model "
        "forgets its decisions (to keep them, repeat --feedback for every round, earliest "
        "first, giving each file not found from here where it is)"
    )
    given = [("r2_coded/decisions.csv", r2), ("decisions", r1)]
    assert earlier_rounds_left_out(given, [card, None]) is None


def test_a_later_round_that_carries_every_earlier_decision_is_not_said_to_forget_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blind tester s52: round 2's file, saved from the page that carried round 1's review,
    holds every round-1 decision (moved ids aside: matched by words); the warning said the
    new model forgets them. One round-1 decision missing from round 2: warned as before."""
    from roqa_nlp.decisions import Decision

    monkeypatch.chdir(tmp_path)
    (tmp_path / "coded").mkdir()
    r1 = (
        "segment_id,decision,code_id,new_code,note,text,valence\n"
        "rm01:0001,accept,IS.E.2,,,We never have enough staff.,\n"
        "rm01:0001,valence,,,,We never have enough staff.,barrier\n"
        "rm01:0002,note,,,check this,The manager backs us.,\n"
    )
    (tmp_path / "coded" / "decisions.csv").write_text(r1, encoding="utf-8")
    card = coded_by(("coded/decisions.csv", sha(r1)))
    carried = [
        Decision("rm01:0002", "accept", "IS.E.2", text="We never have  enough staff."),
        Decision("rm01:0002", "valence", text="We never have enough staff.", valence="barrier"),
        Decision("rm02:0004", "reject", "IC.H", text="Round two's own."),
    ]
    given = [("coded/decisions.xlsx", sha("r2"))]
    assert earlier_rounds_left_out(given, [card], decisions=[carried]) is None
    assert earlier_rounds_left_out(given, [card], decisions=[carried[:1]]) == (
        "coded/decisions.xlsx was reviewed on codings made by a model trained with "
        "coded/decisions.csv, not given now: the new model forgets its decisions (to keep "
        "them, repeat --feedback for every round, earliest first: --feedback "
        "coded/decisions.csv --feedback coded/decisions.xlsx)"
    )


R1_ROWS = (
    "segment_id,decision,code_id,new_code,note,text,valence\n"
    "rm01:0001,accept,IS.E.2,,,We never have enough staff.,\n"
    "rm01:0001,valence,,,,We never have enough staff.,barrier\n"
)
R2_ROWS = (
    "segment_id,decision,code_id,new_code,note,text,valence\n"
    "rm06:0001,accept,IC.A,,,The council ran a training day.,\n"
)


def learnt_from(name: str, rows: str) -> CodingResult:
    """Codings made by a model trained with the decisions ``rows`` of the file ``name``: its card
    records the file and the texts it learnt from (short hashes), as update() writes them."""
    from roqa_nlp.decisions import read_decisions
    from roqa_nlp.training import text_hashes

    (Path(name).parent).mkdir(parents=True, exist_ok=True)
    Path(name).write_text(rows, encoding="utf-8")
    texts = [d.text for d in read_decisions(name)[0]]
    feedback = {
        "decisions_files": [{"name": name, "sha256": sha(rows), "n_decisions": 2}],
        "text_sha256": text_hashes(texts),
    }
    return CodingResult(meta={"model_card": {"feedback": feedback}})


def test_a_round_saved_over_the_file_the_model_learnt_from_is_said_to_forget_the_earlier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blind tester loop, s64: coded/decisions.csv, the file model study1 learnt round 1 from,
    came to hold round 2's rows only (the page's Clear, then round 2 saved over it); given by
    the same path, it was taken as given and round 1 was dropped with no word said."""
    from roqa_nlp.decisions import read_decisions

    monkeypatch.chdir(tmp_path)
    card = learnt_from("coded/decisions.csv", R1_ROWS)
    Path("coded/decisions.csv").write_text(R2_ROWS, encoding="utf-8")
    now = read_decisions("coded/decisions.csv")[0]
    assert earlier_rounds_left_out(
        [("coded/decisions.csv", sha(R2_ROWS))], [card], decisions=[now]
    ) == (
        "coded/decisions.csv was reviewed on codings made by a model trained with "
        f"coded/decisions.csv as it was then (changed since; sha256 {sha(R1_ROWS)[:12]}: 1 "
        "segment the model learnt from is decided in no file given now), not given now: the new "
        "model forgets its decisions (to keep them, repeat --feedback for every round, earliest "
        "first, putting the decisions a changed file no longer holds back in it or in a file of "
        "their own)"
    )
    # the same rows under another name, the file the card names changed all the same
    Path("b2.csv").write_text(R2_ROWS, encoding="utf-8")
    said = earlier_rounds_left_out([("b2.csv", sha(R2_ROWS))], [card], decisions=[now])
    assert str(said).startswith(
        "b2.csv was reviewed on codings made by a model trained with coded/decisions.csv as it "
        "was then (changed since;"
    )


def test_the_file_the_model_learnt_from_edited_since_but_deciding_its_segments_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Round 1's rows kept in coded/decisions.csv (a code changed, round 2's rows added, spacing
    aside): every segment the model learnt from is still decided, so nothing is forgotten."""
    from roqa_nlp.decisions import read_decisions

    monkeypatch.chdir(tmp_path)
    card = learnt_from("coded/decisions.csv", R1_ROWS)
    both = R1_ROWS.replace("IS.E.2", "IS.E.3").replace("have enough", "have  enough")
    both += R2_ROWS.split("\n", 1)[1]
    Path("coded/decisions.csv").write_text(both, encoding="utf-8")
    now = read_decisions("coded/decisions.csv")[0]
    given = [("coded/decisions.csv", sha(both))]
    assert earlier_rounds_left_out(given, [card], decisions=[now]) is None


R3_ROWS = (
    "segment_id,decision,code_id,new_code,note,text,valence\n"
    "rm07:0001,accept,IC.B,,,We had a champion on every ward.,\n"
)


def learnt_from_files(
    *files: tuple[str, str], texts: bool = True, per_file: bool = False
) -> CodingResult:
    """Codings made by a model trained with the decisions files ``files`` (name, rows), written
    here; its card records each file and, with ``texts``, the texts it learnt from; with
    ``per_file``, those each file decided too (a card of session 64 on)."""
    from roqa_nlp.decisions import read_decisions
    from roqa_nlp.training import text_hashes

    learnt: list[str] = []
    records: list[dict[str, object]] = []
    for name, rows in files:
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(rows, encoding="utf-8")
        its = [d.text for d in read_decisions(name)[0] if d.decision != "note"]
        learnt += its
        records.append({"name": name, "sha256": sha(rows), "n_decisions": rows.count("\n") - 1})
        if per_file:
            records[-1]["text_sha256"] = text_hashes(its)
    feedback: dict[str, object] = {"decisions_files": records}
    if texts:
        feedback["text_sha256"] = text_hashes(learnt)
    return CodingResult(meta={"model_card": {"feedback": feedback}})


def test_a_changed_file_keeping_its_rows_is_not_blamed_for_an_earlier_files_segments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hunt s64 (R1): a model learnt r1.csv and coded/decisions.csv; a code in r1.csv was fixed
    since and round 3's rows were added to coded/decisions.csv, the one given now. The segments
    not decided now are r1.csv's: coded/decisions.csv kept every row, and giving r1.csv keeps
    them, as the warning said before the round check read the model's segments."""
    from roqa_nlp.decisions import read_decisions

    monkeypatch.chdir(tmp_path)
    card = learnt_from_files(("r1.csv", R1_ROWS), ("coded/decisions.csv", R2_ROWS))
    Path("r1.csv").write_text(R1_ROWS.replace("IS.E.2", "IS.E.3"), encoding="utf-8")
    both = R2_ROWS + R3_ROWS.split("\n", 1)[1]
    Path("coded/decisions.csv").write_text(both, encoding="utf-8")
    now = read_decisions("coded/decisions.csv")[0]
    given = [("coded/decisions.csv", sha(both))]
    fixed = sha(R1_ROWS.replace("IS.E.2", "IS.E.3"))
    assert earlier_rounds_left_out(given, [card], decisions=[now]) == (
        "coded/decisions.csv was reviewed on codings made by a model trained with r1.csv "
        f"(changed since the model learnt it: sha256 {sha(R1_ROWS)[:12]} then, {fixed[:12]} "
        "now), not given now: the new model forgets its decisions (to keep them, repeat "
        "--feedback for every round, earliest first: --feedback r1.csv --feedback "
        "coded/decisions.csv)"
    )
    # r1.csv deleted: it alone is named, no longer found
    Path("r1.csv").unlink()
    assert earlier_rounds_left_out(given, [card], decisions=[now]) == (
        "coded/decisions.csv was reviewed on codings made by a model trained with r1.csv (not "
        f"found from here; sha256 {sha(R1_ROWS)[:12]}), not given now: the new model forgets its "
        "decisions (to keep them, repeat --feedback for every round, earliest first, giving each "
        "file not found from here where it is)"
    )


@pytest.mark.parametrize("texts", [True, False])
def test_an_earlier_file_edited_since_and_not_given_is_named_with_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, texts: bool
) -> None:
    """Hunt s64 (R2): round 1's coded/decisions.csv, a code fixed in it since, not given with
    round 2's r2.csv: nothing was taken out of it, giving it keeps round 1, so the command that
    does so is given (a card without the texts learnt, before session 47, says the same)."""
    from roqa_nlp.decisions import read_decisions

    monkeypatch.chdir(tmp_path)
    card = learnt_from_files(("coded/decisions.csv", R1_ROWS), texts=texts)
    Path("coded/decisions.csv").write_text(R1_ROWS.replace("IS.E.2", "IS.E.3"), encoding="utf-8")
    Path("r2.csv").write_text(R2_ROWS, encoding="utf-8")
    now = read_decisions("r2.csv")[0]
    fixed = sha(R1_ROWS.replace("IS.E.2", "IS.E.3"))
    assert earlier_rounds_left_out([("r2.csv", sha(R2_ROWS))], [card], decisions=[now]) == (
        "r2.csv was reviewed on codings made by a model trained with coded/decisions.csv "
        f"(changed since the model learnt it: sha256 {sha(R1_ROWS)[:12]} then, {fixed[:12]} "
        "now), not given now: the new model forgets its decisions (to keep them, repeat "
        "--feedback for every round, earliest first: --feedback coded/decisions.csv --feedback "
        "r2.csv)"
    )


def test_an_earlier_file_saved_over_with_a_later_round_carrying_it_is_said_changed_since(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rounds tester, s68 (4): round 1's coded/decisions.csv came to hold round 2's review,
    which carries round 1's rows; training on a cleared round 2 alone suggested --feedback
    coded/decisions.csv as the file the model learnt, with no word that it is another file
    now (before: "trained with coded/decisions.csv, not given now")."""
    from roqa_nlp.decisions import read_decisions

    monkeypatch.chdir(tmp_path)
    card = learnt_from_files(("coded/decisions.csv", R1_ROWS))
    both = R1_ROWS + R2_ROWS.split("\n", 1)[1]
    Path("coded/decisions.csv").write_text(both, encoding="utf-8")
    Path("clear.csv").write_text(R2_ROWS, encoding="utf-8")
    now = read_decisions("clear.csv")[0]
    assert earlier_rounds_left_out([("clear.csv", sha(R2_ROWS))], [card], decisions=[now]) == (
        "clear.csv was reviewed on codings made by a model trained with coded/decisions.csv "
        f"(changed since the model learnt it: sha256 {sha(R1_ROWS)[:12]} then, {sha(both)[:12]} "
        "now), not given now: the new model forgets its decisions (to keep them, repeat "
        "--feedback for every round, earliest first: --feedback coded/decisions.csv --feedback "
        "clear.csv)"
    )


def test_a_decision_made_a_note_since_is_said_no_longer_held_not_taken_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hunt s64 (D2): a row of the file the model learnt from turned into a note trains nothing
    now: the file no longer holds that decision, though no row was taken out."""
    from roqa_nlp.decisions import read_decisions

    monkeypatch.chdir(tmp_path)
    rows = R1_ROWS + R2_ROWS.split("\n", 1)[1]
    card = learnt_from_files(("coded/decisions.csv", rows))
    noted = rows.replace("accept,IC.A,,,", "note,,,Check with the team,")
    Path("coded/decisions.csv").write_text(noted, encoding="utf-8")
    now = read_decisions("coded/decisions.csv")[0]
    assert earlier_rounds_left_out(
        [("coded/decisions.csv", sha(noted))], [card], decisions=[now]
    ) == (
        "coded/decisions.csv was reviewed on codings made by a model trained with "
        f"coded/decisions.csv as it was then (changed since; sha256 {sha(rows)[:12]}: 1 "
        "segment the model learnt from is decided in no file given now), not given now: the new "
        "model forgets its decisions (to keep them, repeat --feedback for every round, earliest "
        "first, putting the decisions a changed file no longer holds back in it or in a file of "
        "their own)"
    )


def test_an_earlier_file_not_given_beside_a_round_saved_over_is_named_with_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """r1.csv as the model learnt it, not given, and coded/decisions.csv saved over with round 3
    alone: the command giving r1.csv is kept, with what to do of the file saved over."""
    from roqa_nlp.decisions import read_decisions

    monkeypatch.chdir(tmp_path)
    card = learnt_from_files(("r1.csv", R1_ROWS), ("coded/decisions.csv", R2_ROWS))
    Path("coded/decisions.csv").write_text(R3_ROWS, encoding="utf-8")
    now = read_decisions("coded/decisions.csv")[0]
    given = [("coded/decisions.csv", sha(R3_ROWS))]
    assert earlier_rounds_left_out(given, [card], decisions=[now]) == (
        "coded/decisions.csv was reviewed on codings made by a model trained with r1.csv and "
        f"coded/decisions.csv as it was then (changed since; sha256 {sha(R2_ROWS)[:12]}: 1 "
        "segment the model learnt from is decided in no file given now), not given now: the new "
        "model forgets their decisions (to keep them, repeat --feedback for every round, earliest "
        "first: --feedback r1.csv --feedback coded/decisions.csv, putting the decisions a changed "
        "file no longer holds back in it or in a file of their own)"
    )


HEADER = "segment_id,decision,code_id,new_code,note,text,valence\n"
ROUND1 = (
    HEADER + "r1:0001,accept,IS.E.2,,,We never have enough staff.,\n"
    "r1:0002,accept,IC.A,,,The manager backs us.,\n"
    "r1:0003,accept,IS.C,,,We share the rota on Mondays.,\n"
)
ROUND2 = (
    HEADER + "r2:0001,accept,IC.A,,,The council ran a training day.,\n"
    "r2:0002,accept,IC.B,,,Nobody told us about the audit.,\n"
)
ROUND3_ROW = "r3:0001,accept,IC.B,,,We had a champion on every ward.,\n"


def rewrite(name: str, rows: str) -> tuple[str, str]:
    """``name`` written with ``rows`` now: as given (name, sha256)."""
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_text(rows, encoding="utf-8")
    return name, sha(rows)


def check(*given: tuple[str, str], card: CodingResult) -> str | None:
    """The round check of ``given`` (name, sha256), each reviewed on ``card``'s codings."""
    from roqa_nlp.decisions import read_decisions

    now = [read_decisions(n, allow_empty=True)[0] for n, _ in given]
    return earlier_rounds_left_out(list(given), [card] * len(given), decisions=now)


def changed(name: str, then: str, now: str) -> str:
    """A file the model learnt with the rows ``then``, holding ``now``, as the check names it."""
    return (
        f"{name} (changed since the model learnt it: sha256 {sha(then)[:12]} then, "
        f"{sha(now)[:12]} now)"
    )


def test_two_changed_files_of_one_model_the_one_that_lost_rows_is_charged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hunt s64 loop2 (R1, s15): a model learnt r1.csv and coded/decisions.csv; r1.csv was saved
    over keeping its first row, round 3's row was added to coded/decisions.csv. Both changed,
    and the two segments lost are r1.csv's: coded/decisions.csv, which keeps its rows, was named
    as it was then too. A card recording the segments each file decided charges each its own
    (one that does not: test_several_changed_files_of_a_card_without_their_segments_as_before)."""
    monkeypatch.chdir(tmp_path)
    card = learnt_from_files(("r1.csv", ROUND1), ("coded/decisions.csv", ROUND2), per_file=True)
    r1 = rewrite("r1.csv", ROUND1.split("r1:0002")[0])
    d = rewrite("coded/decisions.csv", ROUND2 + ROUND3_ROW)
    r1_then = (
        f"r1.csv as it was then (changed since; sha256 {sha(ROUND1)[:12]}: 2 segments the model "
        "learnt from are decided in no file given now)"
    )
    advice = (
        "repeat --feedback for every round, earliest first, putting the decisions a changed file "
        "no longer holds back in it or in a file of their own)"
    )
    assert check(d, card=card) == (
        f"coded/decisions.csv was reviewed on codings made by a model trained with {r1_then}, "
        f"not given now: the new model forgets its decisions (to keep them, {advice}"
    )
    assert check(r1, d, card=card) == (
        "r1.csv and coded/decisions.csv were reviewed on codings made by a model trained with "
        f"{r1_then}, not given now: the new model forgets its decisions (to keep them, {advice}"
    )


def test_a_file_with_a_code_fixed_is_not_charged_with_the_segments_of_a_file_saved_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hunt s64 loop2 (R1, s16c): r1.csv had a code fixed, coded/decisions.csv was cleared and
    holds round 3's row alone. Given both, r1.csv was named as it was then beside it; given
    coded/decisions.csv alone, the command giving r1.csv was dropped."""
    monkeypatch.chdir(tmp_path)
    card = learnt_from_files(("r1.csv", ROUND1), ("coded/decisions.csv", ROUND2), per_file=True)
    r1 = rewrite("r1.csv", ROUND1.replace("IS.C", "IS.D"))
    d = rewrite("coded/decisions.csv", HEADER + ROUND3_ROW)
    d_then = (
        f"coded/decisions.csv as it was then (changed since; sha256 {sha(ROUND2)[:12]}: 2 "
        "segments the model learnt from are decided in no file given now)"
    )
    put_back = (
        "putting the decisions a changed file no longer holds back in it or in a file of their own"
    )
    assert check(r1, d, card=card) == (
        "r1.csv and coded/decisions.csv were reviewed on codings made by a model trained with "
        f"{d_then}, not given now: the new model forgets its decisions (to keep them, repeat "
        f"--feedback for every round, earliest first, {put_back})"
    )
    r1_fixed = changed("r1.csv", ROUND1, ROUND1.replace("IS.C", "IS.D"))
    assert check(d, card=card) == (
        "coded/decisions.csv was reviewed on codings made by a model trained with "
        f"{r1_fixed} and {d_then}, not given now: the new model forgets their decisions (to "
        "keep them, repeat "
        "--feedback for every round, earliest first: --feedback r1.csv --feedback "
        f"coded/decisions.csv, {put_back})"
    )


def test_a_file_fixed_and_not_given_keeps_its_command_beside_a_file_that_lost_a_segment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hunt s64 loop2 (R1, s18): r1.csv had a code fixed and is not given; r2.csv lost one of
    its two segments; round 3 is in coded/decisions.csv. Both learnt files were named as they
    were then, and the command giving r1.csv dropped."""
    monkeypatch.chdir(tmp_path)
    card = learnt_from_files(("r1.csv", ROUND1), ("r2.csv", ROUND2), per_file=True)
    rewrite("r1.csv", ROUND1.replace("IS.C", "IS.D"))
    r2 = rewrite("r2.csv", ROUND2.split("r2:0002")[0])
    d = rewrite("coded/decisions.csv", HEADER + ROUND3_ROW)
    r1_fixed = changed("r1.csv", ROUND1, ROUND1.replace("IS.C", "IS.D"))
    assert check(r2, d, card=card) == (
        "r2.csv and coded/decisions.csv were reviewed on codings made by a model trained with "
        f"{r1_fixed} and r2.csv as it was then (changed since; sha256 {sha(ROUND2)[:12]}: 1 segment "
        "the model learnt from is decided in no file given now), not given now: the new model "
        "forgets their decisions (to keep them, repeat --feedback for every round, earliest "
        "first: --feedback r1.csv --feedback r2.csv --feedback coded/decisions.csv, putting the "
        "decisions a changed file no longer holds back in it or in a file of their own)"
    )


def test_several_changed_files_of_a_card_without_their_segments_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A card written before s64 records no segments per file: several changed files of one
    model cannot be told apart, so none is charged and the check says what it said before s64
    (hunt s64 loop3: a rule by their rows charged a file whose rows had moved to another, or one
    with a code fixed). The shapes of the three tests above, each message as before s64."""
    monkeypatch.chdir(tmp_path)

    def r1_command(now: str) -> str:
        # the file changed since is said so (rounds tester, s68), as of s68
        return (
            "coded/decisions.csv was reviewed on codings made by a model trained with "
            f"{changed('r1.csv', ROUND1, now)}, not given now: the new model forgets its "
            "decisions (to keep them, repeat --feedback for every round, earliest first: "
            "--feedback r1.csv --feedback coded/decisions.csv)"
        )

    card = learnt_from_files(("r1.csv", ROUND1), ("coded/decisions.csv", ROUND2), per_file=False)
    r1 = rewrite("r1.csv", ROUND1.split("r1:0002")[0])
    d = rewrite("coded/decisions.csv", ROUND2 + ROUND3_ROW)
    assert check(d, card=card) == r1_command(ROUND1.split("r1:0002")[0])
    assert check(r1, d, card=card) is None
    r1 = rewrite("r1.csv", ROUND1.replace("IS.C", "IS.D"))
    d = rewrite("coded/decisions.csv", HEADER + ROUND3_ROW)
    assert check(r1, d, card=card) is None
    assert check(d, card=card) == r1_command(ROUND1.replace("IS.C", "IS.D"))
    card = learnt_from_files(("r1.csv", ROUND1), ("r2.csv", ROUND2), per_file=False)
    rewrite("r1.csv", ROUND1.replace("IS.C", "IS.D"))
    r2 = rewrite("r2.csv", ROUND2.split("r2:0002")[0])
    assert check(r2, d, card=card) == (
        "r2.csv and coded/decisions.csv were reviewed on codings made by a model trained with "
        f"{changed('r1.csv', ROUND1, ROUND1.replace('IS.C', 'IS.D'))}, not given now: the new "
        "model forgets its decisions (to keep them, repeat "
        "--feedback for every round, earliest first: --feedback r1.csv --feedback r2.csv "
        "--feedback coded/decisions.csv)"
    )


def test_a_file_saved_over_beside_a_file_no_longer_found_is_charged_by_its_own_segments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hunt s64 loop2 (D1, s16): r1.csv deleted, and coded/decisions.csv saved over with round
    3's row: the segments r1.csv may have held hid those coded/decisions.csv lost. A card
    recording the segments each file decided names both."""
    monkeypatch.chdir(tmp_path)
    round1 = (  # 5 rows on 3 segments: as many rows as the segments lost
        ROUND1 + "r1:0001,valence,,,,We never have enough staff.,barrier\n"
        "r1:0002,reject,IS.C,,,The manager backs us.,\n"
    )
    card = learnt_from_files(("r1.csv", round1), ("coded/decisions.csv", ROUND2), per_file=True)
    Path("r1.csv").unlink()
    d = rewrite("coded/decisions.csv", HEADER + ROUND3_ROW)
    assert check(d, card=card) == (
        "coded/decisions.csv was reviewed on codings made by a model trained with r1.csv (not "
        f"found from here; sha256 {sha(round1)[:12]}) and coded/decisions.csv as it was then "
        f"(changed since; sha256 {sha(ROUND2)[:12]}: 2 segments the model learnt from are "
        "decided in no file given now), not given now: the new model forgets their decisions (to "
        "keep them, repeat --feedback for every round, earliest first, giving each file not found "
        "from here where it is and putting the decisions a changed file no longer holds back in "
        "it or in a file of their own)"
    )
