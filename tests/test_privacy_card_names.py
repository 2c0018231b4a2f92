"""Specification: a model card records the decisions files and codings it was trained with by
the file's name alone, not its folder (privacy tester, s65: ``roqa train --feedback
"/tmp/.../Okafor Brookfield review/decisions.csv"`` put the folder, which names people and
sites, in the card, and so in every later run.json and report.html, --pseudonymise or not);
the round check still matches those files, and cards written before (their paths) as before.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from roqa_nlp.decisions import earlier_rounds_left_out
from roqa_nlp.result import CodingResult

TEXT = "There was never enough money for extra shifts."


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def coded_by(*files: tuple[str, str]) -> CodingResult:
    """Codings whose run.json records a model trained with the decisions ``files`` (name, sha)."""
    decisions = [{"name": n, "sha256": h, "n_decisions": 1} for n, h in files]
    return CodingResult(meta={"model_card": {"feedback": {"decisions_files": decisions}}})


def reviewed(tmp_path: Path) -> tuple[Path, Path]:
    """A review in a folder named for people and a site, and the codings it was made on."""
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion

    seg = Segment("p02:0004", "p02", "P02", "participant", 0, len(TEXT), TEXT)
    sugg = Suggestion("IS.E.2", "Available Resources", "IS", 0.6, "barrier", 0.8)
    CodingResult([SegmentResult(seg, [sugg])]).save(tmp_path / "coded")
    review = tmp_path / "Okafor Brookfield review"
    review.mkdir()
    (review / "decisions.csv").write_text(
        f"segment_id,decision,code_id,text\np02:0004,accept,IS.E.2,{TEXT}\n", encoding="utf-8"
    )
    return review / "decisions.csv", tmp_path / "coded"


def test_the_card_records_the_decisions_and_codings_files_names_alone(
    tmp_path: Path, embedder, tiny_training
) -> None:
    from roqa_nlp.autocoder import AutoCoder

    decisions, coded = reviewed(tmp_path)
    ac = AutoCoder("cfir-2009", embedder=embedder).update(
        decisions.resolve(), codings=(coded / "codings.jsonl").resolve(), training=tiny_training
    )
    fb = ac.card["feedback"]
    assert [f["name"] for f in fb["decisions_files"]] == ["decisions.csv"]
    codings = (coded / "codings.jsonl").read_bytes()
    assert fb["codings"] == [
        {"path": "codings.jsonl", "sha256": hashlib.sha256(codings).hexdigest()}
    ]
    assert "Okafor" not in json.dumps(ac.card) and str(tmp_path) not in json.dumps(ac.card)


def test_codings_given_as_their_folder_are_read_and_recorded_as_the_file(
    tmp_path: Path, embedder, tiny_training
) -> None:
    """privacy tester, s65: ``roqa train --codings coded/`` failed "coded: Is a directory"; every
    other command takes the codings folder (its codings.jsonl)."""
    from roqa_nlp.autocoder import AutoCoder

    decisions, coded = reviewed(tmp_path)
    ac = AutoCoder("cfir-2009", embedder=embedder).update(
        decisions, codings=coded, training=tiny_training
    )
    codings = (coded / "codings.jsonl").read_bytes()
    assert ac.card["feedback"]["codings"] == [
        {"path": "codings.jsonl", "sha256": hashlib.sha256(codings).hexdigest()}
    ]


@pytest.fixture
def rounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.chdir(tmp_path)
    for r in ("r1", "r2"):
        (tmp_path / f"{r}_coded").mkdir()
        (tmp_path / f"{r}_coded" / "decisions.csv").write_text(r, encoding="utf-8")
    return sha("r1"), sha("r2")


def test_a_card_naming_the_file_alone_matches_the_same_file_edited_since(
    rounds: tuple[str, str],
) -> None:
    """The normal loop: round 2's rows saved over round 1's file, given by its path."""
    r1, _ = rounds
    given = [("r1_coded/decisions.csv", sha("r1 edited"))]
    assert earlier_rounds_left_out(given, [coded_by(("decisions.csv", r1))]) is None


def test_a_card_naming_the_file_alone_finds_it_in_a_folder_beside_the_codings(
    rounds: tuple[str, str],
) -> None:
    """Round 1's file not given: found by its name and SHA-256 in a folder of the study."""
    r1, r2 = rounds
    codings = coded_by(("decisions.csv", r1))
    said = earlier_rounds_left_out(
        [("r2_coded/decisions.csv", r2)], [codings], folders=[Path("r2_coded")]
    )
    assert said == (
        "r2_coded/decisions.csv was reviewed on codings made by a model trained with "
        "r1_coded/decisions.csv, not given now: the new model forgets its decisions (to keep "
        "them, repeat --feedback for every round, earliest first: --feedback "
        "r1_coded/decisions.csv --feedback r2_coded/decisions.csv)"
    )


def test_an_old_card_holding_an_absolute_path_is_matched_by_it_as_before(
    rounds: tuple[str, str], tmp_path: Path
) -> None:
    r1, r2 = rounds
    old = coded_by((str(tmp_path / "r1_coded" / "decisions.csv"), r1))
    # the same file, edited since, given by its path: the file edited
    edited = [("r1_coded/decisions.csv", sha("r1 edited"))]
    assert earlier_rounds_left_out(edited, [old]) is None
    # a file of the same name in another folder is another round's: round 1 is forgotten
    said = earlier_rounds_left_out([("r2_coded/decisions.csv", r2)], [old])
    assert said == (
        f"r2_coded/decisions.csv was reviewed on codings made by a model trained with "
        f"{tmp_path / 'r1_coded' / 'decisions.csv'}, not given now: the new model forgets its "
        "decisions (to keep them, repeat --feedback for every round, earliest first: --feedback "
        f"{tmp_path / 'r1_coded' / 'decisions.csv'} --feedback r2_coded/decisions.csv)"
    )
