"""Talk whose model codes have no counterpart in the researcher's own codebook fits no code of
it: counted with the talk for open coding in the report's overview and in ``roqa code``'s
summary, listed in the report's open-coding section and queued in open_coding.csv.

Before (tester, session 46): `roqa code study/ --codebook cb_v1.json` said "0 fit no code (0
for open coding)", and the report's overview had Segments 20, Coded 15, For open coding 0,
Small talk 0, Procedural 0: 5 segments (three of them COVID answers) in no count, no list and
no queue, only in run.json's crosswalk.no_counterpart."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
import shutil
from pathlib import Path

from roqa_nlp.codebook import Codebook
from roqa_nlp.crosswalk import chart_with
from roqa_nlp.open_coding import no_counterpart, with_no_counterpart_queued
from roqa_nlp.result import CodingResult
from test_cli_agree import run
from test_report_decisions import rerun

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "interviews"

HEAD = {"id": "ORG", "name": "Inside", "level": "domain", "parent": None, "codable": False}

#: a team's own codebook charting four of the model's CFIR 2009 codes
TEAM = {
    "id": "team",
    "name": "Team codebook",
    "version": "1",
    "codes": [
        HEAD,
        {"id": "TRAIN", "name": "Training", "level": "construct", "parent": "ORG"},
        {"id": "MONEY", "name": "Money", "level": "construct", "parent": "ORG"},
        {"id": "FUND", "name": "Funding rules", "level": "construct", "parent": "ORG"},
        {"id": "STAFF", "name": "Staff", "level": "construct", "parent": "ORG"},
    ],
    "mapping": {
        "cfir-2009": {"TRAIN": ["IS.E.3"], "MONEY": ["IC.H"], "FUND": ["OS.D"], "STAFF": ["IS.E.2"]}
    },
}

#: the segments of rerun() whose model codes (IS.C, OS.A, PR.B.3, IC.F) have no counterpart in
#: TEAM, not flagged fitting no code nor procedural
NO_COUNTERPART = [
    "p01_interview:0001",
    "p01_interview:0005",
    "p02_interview:0001",
    "p02_interview:0003",
    "p03_interview:0000",
    "p03_interview:0001",
]


def test_the_segments_the_chart_leaves_with_no_code_are_queued() -> None:
    charted, _ = chart_with(rerun(), Codebook.from_dict(TEAM))
    # p01_interview:0000 (procedural) and :0004 (flagged novel) lost their codes too
    assert no_counterpart(charted) == NO_COUNTERPART
    queued = with_no_counterpart_queued(charted)
    assert [s.segment.id for s in queued if s.for_open_coding] == [
        "p01_interview:0001",
        "p01_interview:0004",
        "p01_interview:0005",
        "p02_interview:0001",
        "p02_interview:0002",
        "p02_interview:0003",
        "p03_interview:0000",
        "p03_interview:0001",
        "p03_interview:0002",
    ]
    # the copy keeps what the result carries besides its segments: where it was read from and
    # its project codebook (a review's new codes), which the charts look for
    charted.source, charted.codebook = Path("coded/codings.jsonl"), Codebook.from_dict(TEAM)
    kept = with_no_counterpart_queued(charted)
    assert (kept.source, kept.codebook.id if kept.codebook else None) == (
        Path("coded/codings.jsonl"),
        "team",
    )
    uncharted = rerun()  # in the model's own codebook: nothing lost, as it is
    assert with_no_counterpart_queued(uncharted) is uncharted


def overview(html: str) -> dict[str, str]:
    return {
        k: re.sub(r"<[^>]+>", "", v)
        for k, v in re.findall(r"<div><dt>([^<]+)</dt><dd>(.*?)</dd></div>", html)
    }


def test_the_report_counts_and_lists_them_for_open_coding(tmp_path: Path, capsys) -> None:
    # typical talk, by the novelty test: what the model's codings give them (0.984 in a tester's)
    coded = rerun()
    coded.segments = [
        dataclasses.replace(s, novelty_p=0.984) if s.segment.id in NO_COUNTERPART else s
        for s in coded.segments
    ]
    coded.save(tmp_path / "coded")
    team = tmp_path / "team.json"
    team.write_text(json.dumps(TEAM), encoding="utf-8")
    out = tmp_path / "report.html"
    code, _, err = run(
        ["report", str(tmp_path / "coded"), "--codebook", str(team), "--out", str(out)], capsys
    )
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    seen = overview(html)
    # 14 = 4 coded + 9 for open coding (3 flagged, 6 with no counterpart) + 1 procedural
    assert [seen[k] for k in ("Segments", "Coded segments", "For open coding", "Procedural")] == [
        "14",
        "4",
        "9 (6 coded with codes that have no counterpart in team)",
        "1",
    ]
    section = html[html.index('<section id="open-coding">') :]
    section = section[: section.index("</section>")]
    assert (
        "9 segments fit no code of the codebook (6 of them coded by the model with codes that "
        "have no counterpart in team)." in section
    )
    listed = re.findall(r'<li><a href="#[^"]+">([^<]+)</a>', section)
    assert set(NO_COUNTERPART) <= set(listed)
    # each says why it is there: no code in team, not the novelty p of talk that fits no code
    # (high for these: typical talk; before, "Fits no code (p=0.984): open coding", and
    # "(p=0.984)" in the list)
    flags = dict(re.findall(r'data-segment="([^"]+)">\n<div class="flag[^"]*">([^<]+)</div>', html))
    assert [flags[sid] for sid in NO_COUNTERPART] == ["Has no code in team: open coding"] * 6
    assert flags["p01_interview:0004"].startswith("Fits no code (p=")
    items = dict(re.findall(r'<li><a href="#[^"]+">([^<]+)</a>(.*?)</li>', section))
    assert [
        items[sid].endswith('<span class="muted">(no code in team)</span>')
        for sid in NO_COUNTERPART
    ] == [True] * 6


def test_roqa_code_counts_and_queues_them(tiny_model_dir: Path, tmp_path: Path, capsys) -> None:
    interviews, out = tmp_path / "interviews", tmp_path / "coded"
    interviews.mkdir()
    shutil.copy(EXAMPLES / "p01_interview.txt", interviews)
    team = tmp_path / "team.json"
    team.write_text(json.dumps(TEAM), encoding="utf-8")
    code, stdout, err = run(
        [
            "code",
            str(interviews),
            "--out",
            str(out),
            "--model",
            str(tiny_model_dir),
            "--codebook",
            str(team),
        ],
        capsys,
    )
    assert code == 0, err
    charted, _ = chart_with(CodingResult.read(out / "codings.jsonl"), Codebook.from_dict(TEAM))
    gone = no_counterpart(charted)
    said = " ".join(stdout.split())
    with (out / "open_coding.csv").open(encoding="utf-8-sig", newline="") as f:
        queued = [i for r in csv.DictReader(f) for i in r["segment_ids"].split("; ")]
    assert gone == [
        "p01_interview:0016",
        "p01_interview:0018",
        "p01_interview:0022",
        "p01_interview:0023",
    ]
    assert set(gone) <= set(queued)
    # 29 = 11 coded + 6 procedural + 12 fitting no code (8 of them queued, 4 of those with codes
    # that have no counterpart in team; 4 small talk); before: 15 coded, 8 fitting no code
    assert (
        "29 segments with the model in " in said
        and ": 11 with a suggested code, 6 procedural (greetings, connection trouble, goodbyes), "
        "12 fit no code (8 for open coding, 4 of them coded with codes that have no counterpart "
        "in team, 2 candidate code(s) and 3 not grouped; 4 small talk or background)."
        in said
    )
