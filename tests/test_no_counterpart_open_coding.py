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
import io
import json
import re
import shutil
from html import unescape
from pathlib import Path
from typing import Any

from report_fixture import RECODE_FUNCTIONS, node_prints, report_js, report_js_functions
from roqa_nlp.codebook import Codebook
from roqa_nlp.crosswalk import chart_with
from roqa_nlp.open_coding import no_counterpart, with_no_counterpart_queued
from roqa_nlp.result import CodingResult
from test_cli_agree import run
from test_cli_core import roqa
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
        "in team, 2 candidate code(s) and 3 not grouped; 4 set aside as off-topic (small talk, "
        "background, personal talk))."
        in said
    )


def test_the_codebooks_csv_says_why_such_a_segment_has_no_code(
    tiny_model_dir: Path, tmp_path: Path, capsys
) -> None:
    """Tester, session 52: codings.cfir-2022.csv had a content segment with empty code columns
    and novel, procedural and off_topic false: a blank row with no reason. Its last column,
    uncoded_because, names the model's top code, which has no counterpart, and where it went;
    codings.csv keeps its columns."""
    interviews, out = tmp_path / "interviews", tmp_path / "coded"
    interviews.mkdir()
    shutil.copy(EXAMPLES / "p01_interview.txt", interviews)
    team = tmp_path / "team.json"
    team.write_text(json.dumps(TEAM), encoding="utf-8")
    args = ["code", str(interviews), "--out", str(out), "--model", str(tiny_model_dir)]
    code, _, err = run([*args, "--codebook", str(team)], capsys)
    assert code == 0, err
    with (out / "codings.team.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    model = {s.segment.id: s.top for s in CodingResult.read(out / "codings.jsonl")}
    said = {r["segment_id"]: r["uncoded_because"] for r in rows if r["uncoded_because"]}
    assert list(said) == [
        "p01_interview:0016",
        "p01_interview:0018",
        "p01_interview:0022",
        "p01_interview:0023",
    ]
    for sid, why in said.items():
        top = model[sid]
        assert top is not None
        assert why == (
            f"the model's top code {top.code_id} {top.name} ({top.probability:.2f}) has no "
            "counterpart in team: for open coding"
        )
    assert all(r["code_1"] == "" for r in rows if r["segment_id"] in said)
    header = (out / "codings.csv").read_text("utf-8-sig").partition("\n")[0]
    assert not header.endswith("uncoded_because")


# -- giving such a segment one of the researcher's codes in the page -----------------------------

#: the functions of report.js that the recode box and Save decisions run, run by node on the
#: review blocks of a written page (no browser here: the browser tests run the page itself)
PAGE_FUNCTIONS = (
    "blank",
    "entry",
    "segmentText",
    "csvField",
    "shownCodes",
    "rejectsAll",
    "givesCode",
    "standingExtra",
    "fitsNoCode",
    "isMark",
    "segmentRows",
    "codeRow",
    "noteRows",
    "decisionRows",
    "decisionsCsv",
    *RECODE_FUNCTIONS,
    "recodeFrom",
    "movedOff",
    "settled",
    "decisionSaid",
    "entryFromRows",
    "isOtherCode",
)

#: a DOM of the page's review blocks, as much as those functions ask of one
FAKE_DOM = r"""
function fakeReview(r) {
  var review = { sid: r.sid };
  review.items = r.items.map(function (it) {
    var item = { code: it.code, cls: it.cls.split(" ") };
    item.getAttribute = function (a) { return a === "data-code" ? item.code : null; };
    item.closest = function (sel) { return sel === ".review" ? review : item; };
    item.box = { value: "", closest: function (sel) { return sel === ".sugg" ? item : review; } };
    return item;
  });
  review.getAttribute = function (a) { return a === "data-segment" ? r.sid : null; };
  review.parentNode = { querySelector: function () { return { textContent: r.text }; } };
  review.querySelectorAll = function (sel) {
    if (sel === ".sugg[data-code]") return review.items;
    if (sel === SUGGESTIONS) return review.items.filter(function (i) {
      return i.cls.indexOf("own-code") < 0; });
    throw new Error("selector " + sel);
  };
  review.querySelector = function (sel) {
    if (sel === ".sugg.own-code") return review.items.filter(function (i) {
      return i.cls.indexOf("own-code") >= 0; })[0] || null;
    throw new Error("selector " + sel);
  };
  return review;
}
var reviews = BLOCKS.map(fakeReview);
var document = { querySelectorAll: function (sel) {
  if (sel === ".review[data-segment]") return reviews;
  if (sel === ".sugg[data-code]") return [].concat.apply([], reviews.map(function (r) { return r.items; }));
  throw new Error("selector " + sel);
} };
function paint() {}
function save() {}
function told() {}
function recodeMessage(item, text) { if (text) throw new Error(text); }
"""


def _review_blocks(html: str) -> list[dict[str, Any]]:
    """Each segment's review block of a page: its id, its text and its controls' items."""
    blocks = re.findall(
        r'<mark class="seg[^"]*" title="[^"]*">(.*?)</mark></p>\n'
        r'<div class="review" data-segment="([^"]+)">\n(.*?)</div></div>\n',
        html,
        re.S,
    )
    return [
        {
            "sid": sid,
            "text": unescape(text),
            "items": [
                {"cls": c, "code": code}
                for c, code in re.findall(r'<li class="(sugg[^"]*)" data-code="([^"]*)"', body)
            ],
        }
        for text, sid, body in blocks
    ]


def _in_page(html: str, steps: str) -> Any:
    """``steps`` (JavaScript) run by node with report.js's review functions on ``html``'s review
    blocks; what they print, read as JSON."""
    constants = "".join(
        line + "\n"
        for line in report_js().splitlines()
        if re.match(
            r"  var (HEADER|VALENCES|REJECT_ALL|FORMULA_START|SUGGESTIONS|qdaMark) = ", line
        )
    )
    (codes,) = re.findall(r'<script type="application/json" id="roqa-codes">(.*?)</script>', html)
    (near,) = re.findall(
        r'<script type="application/json" id="roqa-near-text">(.*?)</script>', html
    )
    script = (
        f"var codes = {codes};\nvar near = {near};\n"
        "var state = {}, kept = {}, knownCodes = null, carriedUnmatched = [];\n"
        "var loadedUnmatched = [];\n"
        f"var BLOCKS = {json.dumps(_review_blocks(html))};\n{constants}{FAKE_DOM}"
        + report_js_functions(*PAGE_FUNCTIONS)
        + steps
    )
    return node_prints(script)


def test_a_segment_with_no_code_in_the_codebook_is_coded_with_one_of_its_codes(
    tmp_path: Path,
) -> None:
    """Before (session 47): such a segment showed "No suggestion." with no recode box
    and no valence buttons (the box belonged to a suggestion), so the researcher could give it
    a new code only, not one of her codes. Now it has the recode box of a suggestion, with no
    suggestion to recode, and valence buttons; what the page saves for it is read by
    `roqa apply-decisions` as her code, with her valence."""
    coded = rerun()  # saved as `roqa code --codebook team.json` saves it
    coded.meta["chart_codebook"] = "chart_codebook.json"
    folder = tmp_path / "coded"
    coded.save(folder)
    (folder / "chart_codebook.json").write_text(json.dumps(TEAM), encoding="utf-8")
    page = roqa("report", folder)
    assert page.code == 0, page.err
    html = (folder / "report.html").read_text(encoding="utf-8")
    blocks = {b["sid"]: b for b in _review_blocks(html)}
    # each has the one box, and the valence buttons, with no valence of the model's beside them
    for sid in NO_COUNTERPART:
        assert blocks[sid]["items"] == [{"cls": "sugg own-code", "code": ""}]
    block = html[html.index(f'data-segment="{NO_COUNTERPART[1]}"') :]
    block = block[: block.index("</div></div>\n")]
    assert 'placeholder="code as…"' in block and 'aria-label="code this segment as"' in block
    assert re.findall(r'data-valence="(\w+)"', block) == ["barrier", "enabler", "neutral"]
    assert "the model&#39;s valence" not in block
    # a coded segment keeps its suggestions' controls only
    assert blocks["p01_interview:0002"]["items"] == [{"cls": "sugg", "code": "TRAIN"}]

    # the researcher types "fund" in p01_interview:0005's box and says it is a barrier; types
    # "money" in p02_interview:0001's; then saves
    saved = _in_page(
        html,
        """
        function boxOf(sid) { return reviews.filter(function (r) { return r.sid === sid; })[0]
          .items[0].box; }
        var box = boxOf("p01_interview:0005"); box.value = "fund"; recodeFrom(box);
        entry("p01_interview:0005").valence = "barrier";
        box = boxOf("p02_interview:0001"); box.value = "money"; recodeFrom(box);
        var csv = decisionsCsv();
        /* loaded back (Load decisions…, a reload): each on its box again */
        var back = entryFromRows(reviews.filter(function (r) {
          return r.sid === "p01_interview:0005"; })[0],
          [{decision: "recode", code_id: "FUND", suggestion: ""}]);
        console.log(JSON.stringify({csv: csv, back: back.codes}));
        """,
    )
    rows = list(csv.reader(io.StringIO(saved["csv"].lstrip("\ufeff"))))
    text = {s.segment.id: s.segment.text for s in coded}
    assert rows == [
        ["segment_id", "decision", "code_id", "new_code", "note", "text", "valence", "suggestion"],
        ["p01_interview:0005", "recode", "FUND", "", "", text["p01_interview:0005"], "", ""],
        ["p01_interview:0005", "valence", "", "", "", text["p01_interview:0005"], "barrier", ""],
        ["p02_interview:0001", "recode", "MONEY", "", "", text["p02_interview:0001"], "", ""],
    ]
    assert saved["back"] == {"": {"decision": "recode", "target": "FUND"}}

    path = tmp_path / "decisions.csv"
    path.write_text(saved["csv"], encoding="utf-8")
    out = tmp_path / "reviewed"
    applied = roqa("apply-decisions", folder, "--decisions", path, "--coder", "Alice", "--out", out)
    assert (applied.code, applied.err) == (0, "")
    summary = " ".join(applied.out.split())
    assert re.findall(r"\d+ coded with [^,]*", summary) == [
        "2 coded with 2 distinct codes (2 codings: 2 recode)"
    ]
    reviewed = {s.segment.id: s.suggestions for s in CodingResult.read(out)}
    model = {s.segment.id: s.suggestions[0].valence for s in coded if s.suggestions}
    assert {sid: [(g.code_id, g.valence) for g in gs] for sid, gs in reviewed.items()} == {
        "p01_interview:0005": [("FUND", "barrier")],
        # the model's valence of its own code, kept as a recode keeps it
        "p02_interview:0001": [("MONEY", model["p02_interview:0001"])],
    }
