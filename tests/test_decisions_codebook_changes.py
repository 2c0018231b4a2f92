"""A review made before the project's own codebook changed (a code dropped, split, an id
renamed), carried into a report charted in the new codebook: ``roqa report --decisions`` and
``roqa code`` into a folder holding decisions.csv carry every decision and say, in one warning,
which name codes the codebook lacks; an id renamed and kept as an alias counts as the new one.

Before (tester, session 46): decisions on a dropped code were carried silently (shown as "Also
decided: accept CULT", nothing saying the code is gone), a split code (TRAIN -> TRAINF + SUPV)
was refused only because TRAIN looks like TRAINF, and a decision on an id renamed with
``"aliases": ["STAFF"]`` was not followed to its new id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, codes_not_in, in_codebook_ids
from test_cli_agree import run
from test_report_decisions import P01_0001, P02_0000, P03_0002, embedded, rerun

HEAD = {"id": "ORG", "name": "Inside", "level": "domain", "parent": None, "codable": False}


def construct(cid: str, name: str, **more: object) -> dict[str, object]:
    return {"id": cid, "name": name, "level": "construct", "parent": "ORG", **more}


#: the team's first codebook, charting the model's CFIR 2009 codes
V1 = {
    "id": "team-v1",
    "name": "Team codebook v1",
    "version": "1",
    "codes": [
        HEAD,
        construct("TRAIN", "Training and supervision"),
        construct("MONEY", "Money"),
        construct("FUND", "Funding rules"),
        construct("CULT", "Recovery culture"),
        construct("NEED", "Service user needs"),
    ],
    "mapping": {
        "cfir-2009": {
            "TRAIN": ["IS.E.3"],
            "MONEY": ["IC.H"],
            "FUND": ["OS.D"],
            "CULT": ["IS.C"],
            "NEED": ["OS.A"],
        }
    },
}

#: the second: TRAIN split, MONEY renamed COST (the old id kept as an alias), CULT and NEED dropped
V2 = {
    "id": "team-v2",
    "name": "Team codebook v2",
    "version": "2",
    "codes": [
        HEAD,
        construct("TRAINF", "Formal training"),
        construct("SUPV", "Supervision"),
        construct("COST", "Costs", aliases=["MONEY"]),
        construct("FUND", "Funding rules"),
    ],
    "mapping": {
        "cfir-2009": {"TRAINF": ["IS.E.3"], "SUPV": ["CI.A"], "COST": ["IC.H"], "FUND": ["OS.D"]}
    },
}

TRAINING_COSTS = "Training costs money we simply do not have."

#: a review saved from the report charted in V1
REVIEW = (
    "segment_id,decision,code_id,new_code,note,text\n"
    f"p01_interview:0002,accept,TRAIN,,,{P01_0001}\n"
    f"p01_interview:0003,accept,MONEY,,,{TRAINING_COSTS}\n"
    f"p02_interview:0000,accept,FUND,,,{P02_0000}\n"
    f"p02_interview:0000,reject,TRAIN,,,{P02_0000}\n"
    f"p03_interview:0002,accept,CULT,,,{P03_0002}\n"
    f"p03_interview:0002,reject,NEED,,,{P03_0002}\n"
)


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """The codings folder (no report yet), the two codebooks and the review beside it."""
    (tmp_path / "team_v1.json").write_text(json.dumps(V1), encoding="utf-8")
    (tmp_path / "team_v2.json").write_text(json.dumps(V2), encoding="utf-8")
    (tmp_path / "review.csv").write_text(REVIEW, encoding="utf-8")
    rerun().save(tmp_path / "coded")
    return tmp_path


def report(study: Path, book: str, capsys) -> tuple[int, str, str, list[list[str]]]:
    out = study / f"{book}.html"
    code, stdout, err = run(
        [
            "report",
            str(study / "coded"),
            "--codebook",
            str(study / f"{book}.json"),
            "--decisions",
            str(study / "review.csv"),
            "--out",
            str(out),
        ],
        capsys,
    )
    rows = embedded(out.read_text(encoding="utf-8")) if out.is_file() else []
    return code, stdout, err, rows


def test_a_review_in_the_codebook_it_was_made_in_is_carried_without_a_word(
    study: Path, capsys
) -> None:
    code, out, err, rows = report(study, "team_v1", capsys)
    assert (code, err) == (0, "")
    assert "decisions: 6 on 4 segments (4 accept, 2 reject) carried into the report" in out
    assert [r[2] for r in rows] == ["TRAIN", "MONEY", "FUND", "TRAIN", "CULT", "NEED"]


def test_decisions_on_codes_the_new_codebook_lacks_are_carried_and_said_once(
    study: Path, capsys
) -> None:
    """TRAIN (split, though it looks like TRAINF), CULT and NEED (dropped; NEED is also the
    name of a CFIR 2.0 code) are named with their rows in one warning; MONEY, an alias of COST
    now, is carried as COST. Their rejections (rows 5 and 7) decide nothing, as apply-decisions
    says: none to recode (session 48)."""
    code, out, err, rows = report(study, "team_v2", capsys)
    review = study / "review.csv"
    assert (code, err) == (
        0,
        f"roqa: warning: {review}: 2 rejections of 2 codes that codebook 'team-v2' lacks, left "
        "out (a code it lacks is not given, so rejecting it decides nothing): 'TRAIN' (row 5; "
        "near 'TRAINF'); 'NEED' (row 7)\n"
        f"roqa: warning: {review}: 2 decisions on 2 codes that codebook 'team-v2' lacks, "
        "carried as they came (shown as \"Also decided\"): 'TRAIN' (row 2; near 'TRAINF'); "
        "'CULT' (row 6); recode them in the page (or in the file) to codes of "
        "'team-v2', or chart the report in the codebook they were made in (--codebook)\n",
    )
    assert "decisions: 6 on 4 segments (4 accept, 2 reject) carried into the report" in out
    assert [r[2] for r in rows] == ["TRAIN", "COST", "FUND", "TRAIN", "CULT", "NEED"]


def test_codes_not_in_leaves_out_what_the_codebook_or_the_review_knows() -> None:
    book = Codebook.from_dict(V2)
    decisions = [
        Decision("a:0", "accept", "MONEY", row=2),  # an alias
        Decision("a:0", "accept", "Formal training", row=3),  # a name
        Decision("a:1", "new-code", new_code="Peer work", row=4),
        Decision("a:1", "recode", "Peer work", row=5),  # the new code the review names
        Decision("a:2", "accept", "project.covid", row=6),  # a project code
        Decision("a:3", "accept", "IS.C", row=7),  # the model's CFIR 2009 id
        Decision("a:4", "reject", "NEED", row=8),  # only the name of a CFIR 2.0 code
        Decision("a:4", "reject", "CULT", row=9),
        Decision("a:5", "reject", "NEED", row=10),
        Decision("a:5", "valence", valence="barrier", row=11),
    ]
    assert codes_not_in(decisions, book) == {"NEED": [8, 10], "CULT": [9]}
    # the new code's name is its id, as apply-decisions reads it (it stayed "Peer work", which
    # the page said was a code the codebook lacks: session 57)
    assert [d.code_id for d in in_codebook_ids(decisions, book)] == [
        "COST",
        "TRAINF",
        "",
        "project.peer-work",
        "project.covid",
        "IS.C",
        "NEED",
        "CULT",
        "NEED",
        "",
    ]
