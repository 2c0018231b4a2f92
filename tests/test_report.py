"""Specification of the offline HTML report (roqa_nlp.report) and ``roqa report``."""

from __future__ import annotations

import csv
import io
import re
from html import escape
from pathlib import Path
from typing import Any

import pytest

from report_fixture import (
    INTERVIEWS,
    OPEN_CODING,
    RECODE_FUNCTIONS,
    build_result,
    node_prints,
    report_js_functions,
)
from roqa_nlp.cli import main
from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision
from roqa_nlp.report import ReportOptions, fragments, render_report, write_report
from roqa_nlp.report.plots import expected_calibration_error, reliability_bins
from roqa_nlp.schema import Code, Suggestion

SECTIONS = [
    "overview",
    "transcripts",
    "matrix",
    "table2",
    "ratings",
    "saturation",
    "confidence",
    "open-coding",
    "model-card",
]


@pytest.fixture(scope="module")
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")


@pytest.fixture(scope="module")
def html(cfir: Codebook) -> str:
    return render_report(build_result(), cfir, open_coding=OPEN_CODING)


def test_report_references_no_remote_resource(html: str) -> None:
    remote = re.findall(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert remote == []
    assert re.findall(r"url\(\s*['\"]?\s*(?:https?:)?//", html, re.I) == []
    assert "@import" not in html


def test_report_forbids_network_requests_by_content_security_policy(html: str) -> None:
    assert "Content-Security-Policy\" content=\"default-src 'none';" in html


def test_report_has_every_section(html: str) -> None:
    for section in SECTIONS:
        assert f'<section id="{section}">' in html, section


def test_report_inlines_its_css_js_and_plots(html: str) -> None:
    assert "<link" not in html
    assert html.count("<svg") == 3  # heat map, saturation, confidence (no gold labels here)
    assert "function decisionsCsv()" in html
    assert "mark.seg" in html


def test_report_shows_every_segment_with_review_controls(html: str) -> None:
    result = build_result()
    for s in result:
        assert f'<div class="review" data-segment="{s.segment.id}">' in html
    assert html.count('data-action="accept"') == sum(len(s.suggestions) for s in result)


def test_report_greys_interviewer_questions(html: str) -> None:
    assert re.search(r'<div class="row question"><span class="spk">Interviewer</span>'
                     r"<p>What challenges have you met", html)  # fmt: skip


def test_report_groups_the_open_coding_queue_by_candidate(html: str) -> None:
    section = html[html.index('<section id="open-coding">') :]
    assert "pandemic, rotas, isolating" in section
    assert section.index("p03_interview:0002") < section.index("Not grouped")
    assert section.index("Not grouped") < section.index("p01_interview:0003")


def test_report_lists_small_talk_apart_from_the_open_coding_queue(cfir: Codebook) -> None:
    result = build_result()
    dog = next(s for s in result if s.segment.id == "p01_interview:0003")
    dog.off_topic = True
    out = render_report(result, cfir, open_coding=OPEN_CODING)
    section = out[out.index('<section id="open-coding">') : out.index('<section id="model-card">')]
    assert (
        "2 segments fit no code of the codebook, besides 1 set aside as off-topic (small talk, "
        "background, personal talk), listed at the end" in section
    )
    assert "Not grouped" not in section
    fold = section[section.index('<details class="candidate off-topic">') :]
    assert (
        "Talk set aside as off-topic (small talk, background, personal talk): 1 segment that fits"
        in fold
    )
    assert '<a href="#' in fold and "p01_interview:0003</a> My dog thinks" in fold
    review = out[out.index('data-segment="p01_interview:0003"') :]
    flag = "Fits no code (p=0.004): set aside as off-topic (small talk, background, personal talk)"
    assert review.index(flag) < review.index("</div>")
    overview = out[out.index('<section id="overview">') : out.index('<section id="transcripts">')]
    assert "<dt>For open coding</dt><dd>2</dd>" in overview
    aside = "set aside as off-topic (small talk, background, personal talk)"
    assert f"<dt>S{aside[1:]}</dt><dd>1</dd>" in overview
    assert f"(P01) – 5 segments, 1 {aside}</li>" in overview
    assert re.search(r'<mark class="seg dx c-\w+" title="p01_interview:0003 ', out)


def test_report_accepts_candidate_objects_with_to_dict(cfir: Codebook) -> None:
    class Candidate:
        def to_dict(self) -> dict:
            return {
                "id": "c1",
                "label": "lockdown",
                "keywords": [],
                "segment_ids": ["p02_interview:0002"],
            }

    out = render_report(build_result(), cfir, open_coding=[Candidate()])
    assert "<h3>lockdown <span" in out


def test_overview_counts_the_people_something_is_coded_for_and_names_those_left_out(
    cfir: Codebook,
) -> None:
    """The study's Overview said "14 participants", counting an interviewer-only file and a
    dropped call with procedural talk only, and one interview's heat map "1 participants"
    (session 33, tester K). The Overview counts the people something is charted for, as Table 2
    counts them, and names the transcripts left out and why."""
    extra = {
        "p14_dropped": (
            "P14",
            [
                ("I", [("Hello, can you hear me?", [], {})]),
                ("P14", [("Hello? You're breaking up.", [("IS.C", 0.2, "neutral")],
                          {"procedural": True})]),
            ],
        ),
        "p16_interviewer_only": ("P16", [("I", [("Thanks for joining, shall we start?", [], {})])]),
    }  # fmt: skip
    page = render_report(build_result({**INTERVIEWS, **extra}), cfir, open_coding=OPEN_CODING)
    assert re.search(r"<dt>Transcripts</dt><dd>(\d+)</dd>", page)[1] == "5"  # type: ignore[index]
    assert re.search(r"<dt>Participants</dt><dd>(.*?)</dd>", page)[1] == (  # type: ignore[index]
        "3 <small>(not counted, nothing coded: P14 (p14_dropped, procedural talk only), P16 "
        "(p16_interviewer_only, no participant speech))</small>"
    )
    # the matrix keeps a row for every transcript, and its heat map says which are empty
    assert (
        "Heat map of the framework matrix (5 cases (2 with nothing coded, an empty row) × " in page
    )
    one = {"p01_interview": INTERVIEWS["p01_interview"]}
    page = render_report(build_result(one), cfir, open_coding=OPEN_CODING)
    assert re.search(r"<dt>Participants</dt><dd>(.*?)</dd>", page)[1] == "1"  # type: ignore[index]
    assert "Heat map of the framework matrix (1 case × " in page


def test_report_shows_the_model_card(html: str) -> None:
    section = html[html.index('<section id="model-card">') :]
    assert "all-MiniLM-L6-v2" in section
    assert Codebook.load("cfir-2009").hash in section


def test_report_shows_the_codebooks_version_and_how_to_check_its_hash(html: str) -> None:
    """Tester, session 60: the report named the codebook and a sha256 that matched no file's
    `sha256sum`, and not the codebook's version, the one word telling two files of one id
    apart. It shows the version, and says the hash is of the content, as `roqa codebook`
    prints it."""
    section = html[html.index('<section id="model-card">') :]
    cfir = Codebook.load("cfir-2009")
    assert (
        '<tr><th scope="row">report codebook</th><td>cfir-2009 – Consolidated Framework for '
        "Implementation Research (CFIR) 2009, version 2009</td></tr>"
    ) in section
    assert (
        f'<code>{cfir.hash}</code> <span class="muted">of the codebook\'s content, not its '
        "file's bytes: <code>roqa codebook FILE</code> prints it</span>"
    ) in section


FEEDBACK_CARD = {
    "embedding_model": {"name": "sentence-transformers/all-MiniLM-L6-v2"},
    "feedback": {
        "decisions_files": [
            {"name": "out/r1_coded/decisions.csv", "sha256": "d91eed2a5fb0cb60" * 4, "n_decisions": 28},
            {"name": "out/r2_coded/decisions.csv", "sha256": "c2e95678d0630958" * 4, "n_decisions": 33},
        ],
        "n_decisions": 61,
        "codings": [
            {"path": "out/r1_coded/codings.jsonl", "sha256": "2d432bbbfda3ae7f" * 4},
            {"path": None, "sha256": None},
        ],
    },
}  # fmt: skip


def test_the_model_cards_decisions_files_are_one_readable_line_each() -> None:
    """adapt tester, session 42: the model card showed `feedback.decisions_files
    [{&#34;name&#34;: ...}]`, the raw JSON escaped."""
    from roqa_nlp.report import flatten

    rows = dict(flatten(FEEDBACK_CARD))
    assert rows["feedback.decisions_files"] == (
        "out/r1_coded/decisions.csv: 28 decisions, sha256 d91eed2a5fb0…\n"
        "out/r2_coded/decisions.csv: 33 decisions, sha256 c2e95678d063…"
    )
    assert rows["feedback.codings"] == (
        "out/r1_coded/codings.jsonl: sha256 2d432bbbfda3…\n(given in memory)"
    )


def test_a_decisions_files_segments_learnt_are_counted_on_its_line() -> None:
    """Hunt s64 loop2: the card records with each decisions file the hashes of the segments
    the model learnt that it decided; its line counts them, not a list of hashes."""
    from roqa_nlp.report import flatten
    from roqa_nlp.training import text_hashes

    learnt = text_hashes(["We never have enough staff.", "The manager backs us."])
    one = {"name": "r1.csv", "sha256": "d91eed2a5fb0cb60" * 4, "n_decisions": 3}
    card = {
        "feedback": {
            "decisions_files": [
                {**one, "text_sha256": learnt},
                {**one, "name": "r2.csv", "text_sha256": learnt[:1]},
                {**one, "name": "r3.csv", "text_sha256": []},
            ]
        }
    }
    assert dict(flatten(card))["feedback.decisions_files"] == (
        "r1.csv: 3 decisions, 2 segments learnt from it (hashes of their words), "
        "sha256 d91eed2a5fb0…\n"
        "r2.csv: 3 decisions, 1 segment learnt from it (a hash of its words), sha256 d91eed2a5fb0…\n"
        "r3.csv: 3 decisions, no segments learnt from it, sha256 d91eed2a5fb0…"
    )


def test_the_model_cards_decided_segments_are_one_line_counting_them() -> None:
    """Tester learning, s59: the model card listed every `feedback.decided.<hash> [["OS.D"],
    ""]` entry, 19 lines after one round."""
    from roqa_nlp.report import flatten
    from roqa_nlp.training import text_hashes

    a, b = text_hashes(["We never have enough staff.", "The manager backs us."])
    card = {
        "feedback": {
            "n_decisions": 2,
            "decided": {a: [["OS.D"], ""], b: [["IC.H"], "barrier"]},
            "decided_in": {"cfir-2022": {a: [["OUT.B"], ""]}},
        }
    }
    assert flatten(card) == [
        ("feedback.n_decisions", "2"),
        ("feedback.decided", "2 decided segments, by a hash of their words"),
        ("feedback.decided_in.cfir-2022", "1 decided segment, by a hash of its words"),
    ]


def test_the_report_shows_each_decisions_file_on_a_line_of_its_own(cfir: Codebook) -> None:
    page = render_report(build_result(), cfir, open_coding=OPEN_CODING, model_card=FEEDBACK_CARD)
    section = page[page.index('<section id="model-card">') :]
    assert (
        '<tr><th scope="row">feedback.decisions_files</th><td><code>out/r1_coded/decisions.csv: 28 '
        "decisions, sha256 d91eed2a5fb0…<br>out/r2_coded/decisions.csv: 33 decisions, sha256 "
        "c2e95678d063…</code></td></tr>"
    ) in section
    assert "&#34;" not in section


RETRAINED_CARD = {
    "library": "roqa_nlp",
    "library_version": "0.1.0",
    "embedding_model": {"name": "sentence-transformers/all-MiniLM-L6-v2", "dim": 384},
    "codebook": {"id": "cfir-2009+project", "sha256": "c5c584c5" * 8},
    "training_data": {"sha256": "fac62e7f" * 8, "n_records": 9812, "n_coded": 8377, "n_none": 1435},
    "temperature": 0.6933324337005615,
    "n_calibration": 8377,
    "metrics": {
        "dev.jsonl": {"n": 68, "n_coded": 48, "construct_top1": 0.4166666666666667, "construct_top3": 0.6041666666666666, "domain_accuracy": 0.5625, "valence_accuracy": 0.7083333333333334, "construct_kappa": 0.36603773584905663, "ece": 0.1447747916666667},
    },
    "feedback": {
        "decisions_files": [{"name": "rev1/decisions.csv", "sha256": "3a252056" * 8, "n_decisions": 295}],
        "n_decisions": 295,
        "by_decision": {"accept": 78, "recode": 6, "new-code": 31, "reject": 114, "valence": 66},
        "n_examples": 115,
        "examples_by_kind": {"coded": 115},
        "decisions_by_kind": {"valence": 66},
        "codes_by_decision": {"accept": 78, "recode": 6, "new-code": 31},
        "n_rejections_kept": 114,
        "n_records": 345,
        "n_new_code_definitions": 2,
        "left_out": {"rejections on segments given a code": 114},
        "weight": 3,
        "codings": [{"path": "coded_a/codings.jsonl", "sha256": "1a80602c" * 8}],
        "n_researcher_valence": 66,
        "n_valences_kept": 66,
        "new_codes": ["project.lone-working-safety", "project.staff-wellbeing"],
        "new_codes_created": ["project.lone-working-safety", "project.staff-wellbeing"],
    },
    "classifier": {"params": {"calibration_group": "seed-paper"}},
    "model_sha256": "d0c98ca1d62145d5" * 4,
}  # fmt: skip


def test_the_model_card_reads_as_a_short_table_in_words_with_every_field_below(
    cfir: Codebook,
) -> None:
    """Tester daily24, s89: the section was a flat key dump (`feedback.by_decision.reject 114`).
    It says first, in words, what the model was trained on, what it learnt from a review, its
    calibration and its scores; the card's every field is kept in a collapsed table below."""
    from roqa_nlp.report.model_card import card_summary

    assert card_summary(RETRAINED_CARD) == [
        ("Embedding model", "sentence-transformers/all-MiniLM-L6-v2"),
        ("Codes it suggests", "those of codebook cfir-2009+project"),
        (
            "Trained on",
            "9,812 records (8,377 coded, 1,435 fitting no code), one for each code's description "
            "among them; 345 of them from a review's decisions",
        ),
        ("Trained with", "roqa_nlp 0.1.0"),
        (
            "Learnt from a review",
            "115 examples from 295 decisions (78 accepted, 6 recoded, 31 new-code (2 new codes "
            "created), 66 valence corrections), each example a decided text (one for the same "
            "words in several segments) counted 3 times (--feedback-weight): 345 training "
            "records; 114 left out (114 rejections on segments given a code); 114 rejected codes "
            "kept with their segments: not suggested there again, and less on talk read much "
            "like them; codings: coded_a/codings.jsonl; valence: the researcher's on 66 "
            "examples, the model's on the rest",
        ),
        ("Decisions files", "rev1/decisions.csv: 295 decisions, sha256 3a2520563a25…"),
        ("New codes", "project.lone-working-safety, project.staff-wellbeing"),
        (
            "Calibration",
            "probabilities scaled by a temperature of 0.693, fitted on 8,377 examples "
            "(calibration group seed-paper)",
        ),
        (
            "Scores on dev.jsonl",
            "68 records (48 coded): top code right 41.7%; right code among the first 3 60.4%; "
            "right domain 56.2%; right barrier/enabler 70.8%; Cohen's kappa 0.366; calibration "
            "error (ECE) 0.145",
        ),
        ("Model sha256", "d0c98ca1d621…"),
    ]
    page = render_report(build_result(), cfir, open_coding=OPEN_CODING, model_card=RETRAINED_CARD)
    section = _section(page, "model-card")
    shown, kept = section.split('<details class="card-fields">')
    assert '<tr><th scope="row">Trained with</th><td>roqa_nlp 0.1.0</td></tr>' in shown
    assert "feedback.by_decision" not in shown
    # nothing dropped: each dotted key, in a collapsed table
    assert "<summary>Every field of the model card (45)</summary>" in kept
    assert '<tr><th scope="row">feedback.by_decision.reject</th><td><code>114</code>' in kept
    assert '<tr><th scope="row">model_sha256</th>' in kept
    # the report's codebook names the new codes as they were typed
    named = card_summary(RETRAINED_CARD, {"project.staff-wellbeing": "Staff wellbeing"})
    assert (
        "New codes",
        "project.lone-working-safety, Staff wellbeing (project.staff-wellbeing)",
    ) in named
    # a model trained without --evaluate says where its scores would come from
    unscored = {k: v for k, v in RETRAINED_CARD.items() if k != "metrics"}
    assert ("Scores", "none recorded (roqa train --evaluate FILE records them)") in card_summary(
        unscored
    )
    # no card, no table of its fields
    assert 'class="card-fields"' not in render_report(build_result(), cfir, model_card={})


def test_each_new_code_box_offers_the_pages_list_of_new_code_names(html: str) -> None:
    """Tester daily24, s89: each of 31 new-code segments had its name typed by hand. Every
    segment's box, and each group's, offers the page's one list of names (#new-code-names, a
    <datalist> report.js fills with the project codes and the review's new codes)."""
    assert html.count('<datalist id="new-code-names"></datalist>') == 1
    boxes = re.findall(r'<input type="text" class="(?:new-code|group-code-name)"[^>]*>', html)
    assert len(boxes) == 13
    assert all('list="new-code-names"' in b for b in boxes)


def test_report_shows_both_saturation_verdicts(html: str) -> None:
    assert "</strong> Only 3 interview(s), the rule needs at least 13.</p>" in html
    assert "</strong> 3 interview(s) are too few for a base of 4 and a run of 2.</p>" in html
    # and, row by row, where the 10+3 rule stands (as the saturation .csv and .xlsx say)
    table = html.split('id="saturation"')[1].split("</section>")[0]
    assert ">Stopping rule</th>" in table
    assert re.findall(r"<td>([^<]*)</td></tr>", table)[:3] == ["initial sample"] * 3


def test_report_is_deterministic(cfir: Codebook, html: str) -> None:
    assert render_report(build_result(), cfir, open_coding=OPEN_CODING) == html


@pytest.fixture(scope="module")
def hostile_html(cfir: Codebook) -> str:
    """A report whose transcript text, ids, speaker, and code names all carry markup."""
    evil = '<script>alert("owned")</script>'
    interviews = {
        "x<b>1": (
            "P<i>9",
            [("P<i>9", [(f"We said {evil} in the meeting.", [("IS.C", 0.9, "enabler")], {})])],
        )
    }
    result = build_result(interviews)
    result.segments[0].suggestions[0] = Suggestion(
        code_id="X.1", name="<img src=x onerror=alert(1)>", domain="X", probability=0.9
    )
    book = cfir.with_codes([Code("X.1", "</script><b>x", "code")], id="hostile")
    review = [
        Decision(
            result.segments[0].segment.id,
            "new-code",
            new_code="</script><b>x",
            note=evil,
            text=result.segments[0].segment.text,
        )
    ]
    return render_report(result, book, decisions=review)


def test_report_escapes_script_in_transcript_text(hostile_html: str) -> None:
    assert "<script>alert(" not in hostile_html
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in hostile_html


def test_report_escapes_ids_speakers_and_code_names(hostile_html: str) -> None:
    assert "<b>" not in hostile_html and "<i>" not in hostile_html
    assert "<img" not in hostile_html


def test_report_keeps_a_closing_script_tag_out_of_embedded_json(hostile_html: str) -> None:
    assert "</script><b>" not in hostile_html
    # the codes JSON, the embedded decisions and those on no segment, the crosswalk (its
    # segment ids hostile too), the other built-in codebooks' ids and near-text thresholds Load
    # decisions… reads with, and the report's own script
    assert hostile_html.count("</script>") == 7


def test_report_draws_a_reliability_diagram_when_gold_labels_are_given(cfir: Codebook) -> None:
    result = build_result()
    result.meta["reliability"] = {
        "probabilities": [0.95, 0.85, 0.35, 0.25],
        "correct": [1, 1, 0, 1],
    }
    out = render_report(result, cfir)
    assert out.count("<svg") == 4
    # |1-.95| + |1-.85| + |0-.35| + |1-.25| = 1.3, over 4 segments = 0.325
    assert "expected calibration error 0.325" in out


def test_without_gold_labels_the_report_says_how_to_get_a_reliability_diagram(
    cfir: Codebook,
) -> None:
    """No command writes `reliability` into a run: the report names the real ways (roqa
    evaluate's calibration on coded records; its --predictions into run.json, as docs/report.md
    shows) rather than a "run metadata" the user has no command to set."""
    out = " ".join(render_report(build_result(), cfir).split())
    assert "to the run metadata to show one" not in out
    assert (
        "No gold labels in this run, so no reliability diagram. <code>roqa evaluate "
        "LABELLED.jsonl</code> measures how well the model's probabilities are calibrated "
        "(<code>ece</code>, expected calibration error) on quotes you have coded; no command "
        "adds it to a run: to draw the diagram here, add <code>reliability</code> (each record's "
        "top probability and whether it was right, from <code>roqa evaluate LABELLED.jsonl "
        "--predictions preds.jsonl</code>) to this run's <code>run.json</code>, as the roqa "
        'documentation\'s report page (docs/report.md, "A reliability diagram") shows.'
    ) in out


def test_reliability_bins_and_ece_match_a_hand_computation() -> None:
    bins = reliability_bins([0.95, 0.91, 0.15], [1, 0, 0])
    assert [(round(b["lower"], 9), b["count"], b["accuracy"]) for b in bins] == [
        (0.1, 1.0, 0.0),
        (0.9, 2.0, 0.5),
    ]
    assert bins[1]["confidence"] == pytest.approx(0.93)
    # (1/3)|0 - .15| + (2/3)|.5 - .93| = .05 + .286667
    assert expected_calibration_error(bins) == pytest.approx(0.05 + 2 / 3 * 0.43)


def test_report_without_transcript_text_lists_segments(cfir: Codebook) -> None:
    result = build_result()
    result.transcripts = {}
    out = render_report(result, cfir)
    assert out.count("Transcript text not available: segments only.") == len(INTERVIEWS)
    assert '<div class="review" data-segment="p01_interview:0000">' in out


def test_write_report_writes_the_file_atomically(cfir: Codebook, tmp_path: Path) -> None:
    out = write_report(build_result(), tmp_path / "sub" / "report.html", cfir)
    assert out == tmp_path / "sub" / "report.html"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]


# -- roqa report --------------------------------------------------------------------------------


def test_cli_report_writes_html_and_matrix(tmp_path: Path) -> None:
    build_result().save(tmp_path / "run")
    (tmp_path / "run" / "open_coding.jsonl").write_text(
        '{"id": "c1", "label": "pandemic", "keywords": [], "segment_ids": ["p03_interview:0002"]}\n',
        encoding="utf-8",
    )
    main(
        [
            "report",
            str(tmp_path / "run"),
            "--out",
            str(tmp_path / "r.html"),
            "--matrix",
            str(tmp_path / "m.xlsx"),
        ]
    )
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<h3>pandemic <span" in html
    assert (tmp_path / "m.xlsx").read_bytes()[:2] == b"PK"


def test_cli_report_defaults_to_report_html_beside_the_codings(tmp_path: Path) -> None:
    build_result().save(tmp_path)
    main(["report", str(tmp_path / "codings.jsonl"), "--matrix", str(tmp_path / "m.csv")])
    assert (tmp_path / "report.html").exists()
    assert (tmp_path / "m.csv").read_text(encoding="utf-8").startswith("\ufeffparticipant,IC.A")
    # the report's matrix: up to two quotes per cell (each cited as [transcript:start-end])
    rows = list(csv.reader(io.StringIO((tmp_path / "m.csv").read_text("utf-8-sig"))))
    cells = [c for row in rows[1:] for c in row[1:]]
    assert max(len(re.findall(r"\[p0\d_interview:\d+-\d+\]", c)) for c in cells) == 2


def _saturation_rows(html: str) -> list[str]:
    """The transcript ids of the report's new-codes-per-interview table, in its order."""
    table = html.split('id="saturation"')[1].split("</section>")[0]
    return re.findall(r"<tr><td>\d+</td><td>([^<]+)</td>", table)


@pytest.mark.parametrize("as_file", [False, True])
def test_cli_report_order_sets_the_interview_order_of_saturation(
    tmp_path: Path, as_file: bool
) -> None:
    build_result().save(tmp_path)
    order = "p03_interview, p01_interview,p02_interview"
    if as_file:
        (tmp_path / "order.txt").write_text(order.replace(",", "\n"), encoding="utf-8")
        order = str(tmp_path / "order.txt")
    main(["report", str(tmp_path), "--order", order, "--initial-sample", "1"])
    html = (tmp_path / "report.html").read_text("utf-8")
    assert _saturation_rows(html) == ["p03_interview", "p01_interview", "p02_interview"]
    assert "1+3 rule" in html and "Interviews in the order given with" in html


def test_cli_report_without_order_charts_saturation_in_coded_order(tmp_path: Path) -> None:
    build_result().save(tmp_path)
    main(["report", str(tmp_path)])
    html = (tmp_path / "report.html").read_text("utf-8")
    assert _saturation_rows(html) == ["p01_interview", "p02_interview", "p03_interview"]
    assert "10+3 rule" in html and "give it with <code>roqa report --order</code>" in html


def test_cli_report_order_naming_an_unknown_interview_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_result().save(tmp_path)
    with pytest.raises(SystemExit) as e:
        main(["report", str(tmp_path), "--order", "p01_interview,p9"])
    assert e.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "'p9'" in err[0] and "p01_interview" in err[0]


def test_cli_report_missing_input_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as e:
        main(["report", str(tmp_path / "nope.jsonl")])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.jsonl: file not found" in err


def test_cli_report_rejects_an_unknown_matrix_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_result().save(tmp_path)
    with pytest.raises(SystemExit) as e:
        main(["report", str(tmp_path), "--matrix", str(tmp_path / "m.ods")])
    assert e.value.code == 2
    assert "m.ods: unknown matrix format" in capsys.readouterr().err


def test_report_of_an_empty_result_still_has_every_section(cfir: Codebook) -> None:
    from roqa_nlp.result import CodingResult

    out = render_report(CodingResult(), cfir)
    for section in SECTIONS:
        assert f'<section id="{section}">' in out, section
    assert "<svg" not in out
    assert "No transcripts." in out


@pytest.mark.parametrize(
    ("valence_probability", "marked"), [(None, False), (0.59, True), (0.6, False), (0.9, False)]
)
def test_a_quote_whose_valence_the_model_is_unsure_of_says_so(
    valence_probability: float | None, marked: bool
) -> None:
    from roqa_nlp.report.fragments import quote_html

    q = {
        "text": "Funding is the big one.",
        "participant": "P01",
        "citation": "p01:10-33",
        "probability": 0.94,
        "valence_probability": valence_probability,
        "anchor": "",
    }
    html = str(quote_html(q))
    assert ('<span class="unsure">valence unsure (0.59)</span>' in html) is marked
    assert "p=0.94" in html


def test_cli_report_says_how_many_codings_on_interviewer_turns_it_does_not_chart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A QDA coder may code the moderator's lines: the report keeps them out of the matrix and
    tables and says so, rather than dropping them in silence."""
    from dataclasses import replace

    result = build_result()
    i = next(n for n, s in enumerate(result.segments) if s.suggestions and not s.procedural)
    first = result.segments[i]
    result.segments[i] = replace(first, segment=replace(first.segment, role="interviewer"))
    result.save(tmp_path)
    main(["report", str(tmp_path)])
    out = capsys.readouterr().out
    assert (
        "1 coded passage(s) on interviewer turns are not charted (the matrix and tables chart "
        "participants' talk); they stay in the transcripts section"
    ) in out
    html = (tmp_path / "report.html").read_text("utf-8")
    (row,) = re.findall(r'<div class="row segment question[" ][^>]*>.*?</mark>', html, re.S)
    assert escape(first.segment.text) in row


def test_report_bins_are_those_of_roqa_evaluate_on_bin_edges() -> None:
    """Confidences on a bin edge (0.7) fall in the bin they close, as in `roqa evaluate`: the
    audit's 0.7, 0.7, 0.75 with right, wrong, right gave 0.050 in the report and 0.217 there."""
    import numpy as np

    from roqa_nlp.evaluation import expected_calibration_error as evaluate_ece

    p, correct = [0.7, 0.7, 0.75], [1, 0, 1]
    bins = reliability_bins(p, correct)
    assert [(round(b["lower"], 9), b["count"]) for b in bins] == [(0.6, 2.0), (0.7, 1.0)]
    # (2/3)|0.5 - 0.7| + (1/3)|1 - 0.75| = 0.1333 + 0.0833
    assert expected_calibration_error(bins) == pytest.approx(0.2 * 2 / 3 + 0.25 / 3)
    assert expected_calibration_error(bins) == pytest.approx(
        evaluate_ece(np.array(p), np.array(correct, dtype=float))
    )


# -- weak evidence and what is charted (audit G) ------------------------------------------------


def _section(html: str, name: str) -> str:
    start = html.index(f'<section id="{name}">')
    return html[start : html.index("</section>", start)]


def test_each_analytic_section_says_it_charts_suggestions_not_decisions(html: str) -> None:
    """Blind tester, session 42: the note named accept/reject/recode but not the valence
    corrections, which are not applied here either."""
    note = "your accept/reject/recode decisions and valence corrections are not applied here"
    for name in ("overview", "matrix", "table2", "ratings", "saturation"):
        assert note in _section(html, name), name
    assert note not in _section(html, "transcripts")
    assert "roqa apply-decisions OUT --coder NAME --out reviewed/" in _section(html, "table2")


def test_the_hint_names_the_codings_folder_and_its_decisions_file(
    cfir: Codebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """Blind tester s89 daily25, D5: every section's hint read `roqa apply-decisions OUT ...`
    (in a CFIR 2.0 report OUT is also the Outer Setting's id) and `roqa train --feedback` with
    no file, though the report knew its folder. ``roqa report`` and ``roqa code`` name it."""
    page = render_report(
        build_result(), cfir, options=ReportOptions(codings_folder="My study/coded22")
    )
    for name in ("overview", "matrix", "table2", "ratings", "saturation"):
        assert (
            "(chart them: <code>roqa apply-decisions &#39;My study/coded22&#39; --coder NAME "
            "--out reviewed/</code>, then <code>roqa report reviewed/</code>; train with them: "
            "<code>roqa train training_data --feedback &#39;My study/coded22/decisions.csv&#39; "
            "--out models/study</code>)"
        ) in _section(page, name), name
    monkeypatch.chdir(tmp_path)
    build_result().save(Path("coded22"))
    main(["report", "coded22"])
    written = Path("coded22/report.html").read_text("utf-8")
    assert "<code>roqa apply-decisions coded22 --coder NAME --out reviewed/</code>" in written
    assert (
        "<code>roqa train training_data --feedback coded22/decisions.csv --out models/study</code>"
        in written
    )
    assert "apply-decisions OUT" not in written


def test_a_persons_codings_are_said_to_be_charted_from_their_codes(cfir: Codebook) -> None:
    from roqa_nlp.report import render_report

    result = build_result()
    result.meta = {"user": {"name": "Alice"}}
    page = render_report(result, cfir)
    for name in ("overview", "matrix", "table2", "ratings", "saturation"):
        assert "Charted from the codes Alice gave." in _section(page, name), name
    assert "are not applied here" not in page


def test_a_partial_review_says_under_table_2_what_it_left_out(cfir: Codebook) -> None:
    """Blind tester s42 (review) 2: the report of apply-decisions output said only "Charted from
    the codes Review Tester gave." under Table 2, while the Word caption of the same codings
    said "Left out as not reviewed yet: 11 undecided segments of the reviewed transcripts", as
    docs/report.md promises for every file. Each section charting the codes says it now."""
    from roqa_nlp.report import render_report

    result = build_result()
    result.meta = {
        "user": {"name": "Alice"},
        "undecided_segments": {"p01_interview": [2, 5], "p02_interview": [1, 4]},
        "transcripts_not_reviewed": ["p04_interview"],
    }
    page = render_report(result, cfir)
    line = (
        "Charted from the codes Alice gave. Left out as not reviewed yet: 3 undecided segments "
        "of the reviewed transcripts and 1 transcript the review did not reach (p04_interview)."
    )
    for name in ("overview", "matrix", "table2", "ratings", "saturation"):
        assert line in _section(page, name), name
    result.meta = {"user": {"name": "Alice"}}  # a review that decided every segment
    assert "Left out as not reviewed" not in render_report(result, cfir)


#: markup of the review: none of it is in the report of a person's codings
REVIEW_MARKUP = (
    "data-action=",
    'class="recode"',
    'id="recode-codes"',
    'class="new-code"',
    'class="note"',
    "data-valence=",
    'class="vfix',
    'class="extra"',
    'id="decision-count"',
    'id="save-decisions"',
    'id="load-decisions',
    'id="clear-decisions"',
    'id="status-line"',
    'value="unreviewed"',
    'value="unsure"',
)
#: wording of a model's suggestions: none of it is in the report of a person's codings
MODEL_WORDING = (
    "reviewed",
    "to review",
    "not reviewed yet",
    "top suggestion",
    "top 2 suggestions",
    "Mean top-1 probability",
    "<dt>For open coding</dt>",
    "Suggestions only",
    "show the model's suggestions",
    "resembles training examples",
    "Save decisions",
    "are not applied here",
    "No suggestion.",
    'class="prob"',
)


def _page(html: str) -> str:
    """The report without its script (report.js names every control it drives)."""
    return html[: html.index("<script>")]


def test_a_persons_codings_are_shown_read_only(cfir: Codebook) -> None:
    result = build_result()
    result.meta = {"user": {"name": "Alice"}}
    html = render_report(
        result,
        cfir,
        open_coding=OPEN_CODING,
        decisions=[Decision("p01_interview:0001", "reject", "IS.E.3")],
    )
    page = _page(html)
    for markup in REVIEW_MARKUP + MODEL_WORDING:
        assert markup not in page, markup
    assert "<body data-report-id=" in page and " data-read-only>" in page
    # no review is embedded: there is none to start from
    assert '<script type="application/json" id="roqa-decisions">[]</script>' in html
    # each segment with the codes given it: chip, name and valence, and no probability
    transcripts = _section(page, "transcripts")
    for s in result:
        block = transcripts.split(f'<div class="review given" data-segment="{s.segment.id}">')[1]
        block = block[: block.index("</div>")]
        given = re.findall(
            r'<li class="sugg" data-code="([^"]+)"><span class="chip d\d">\1</span> '
            r'<span class="name">([^<]+)</span> <span class="val v-(\w+)">\3</span></li>',
            block,
        )
        assert given == [
            (g.code_id, escape(cfir.find(g.code_id).name, quote=False), g.valence)
            for g in s.suggestions
        ], s.segment.id
    assert "%" not in transcripts
    # the overview: who coded, and counts that mean something for a person
    overview = _section(page, "overview")
    assert "<div><dt>Coded by</dt><dd>Alice</dd></div>" in overview
    assert "<div><dt>Segments with no code</dt><dd>0</dd></div>" in overview
    assert "Charted codes: every code Alice gave a segment" in overview  # as roqa report
    assert '<span class="controls coded-by">Coded by Alice</span>' in page
    # the picker and each transcript's heading count segments, not a review progress
    assert re.findall(r'<option value="[^"]*" data-label="[^"]*">([^<]*)</option>', page) == [
        "All transcripts – 12 segments",
        "p01_interview (P01) – 5 segments",
        "p02_interview (P02) – 4 segments",
        "p03_interview (P03) – 3 segments",
    ]
    assert re.findall(r'<span class="progress">([^<]*)</span></summary>', transcripts) == [
        "5 segments, 5 coded",
        "4 segments, 4 coded",
        "3 segments, 3 coded",
    ]
    for mode in ("all", "coded", "uncoded"):
        assert f'<input type="radio" name="show" value="{mode}"' in transcripts
    # codes, not suggestions: the ratings, quotes without a probability, no confidence chart
    assert "Derived from Alice's codes, not given by them." in _section(page, "ratings")
    assert "p=" not in "".join(re.findall(r"<cite>.*?</cite>", page, re.S))
    assert "<svg" not in _section(page, "confidence")
    assert "No model: these are the codes Alice gave." in _section(page, "model-card")
    assert "Name a new code beside a segment" not in page


def test_a_persons_segment_with_no_code_says_so_and_every_code_is_shown(
    cfir: Codebook,
) -> None:
    from report_fixture import build_persons_result

    result = build_persons_result("Alice", uncoded=("p02_interview:0001",))
    many = next(s for s in result if s.segment.id == "p03_interview:0001")
    many.suggestions = [
        Suggestion(code_id=k, name=k, domain=k.split(".")[0], probability=1.0, valence="enabler")
        for k in ("IC.F", "CI.A", "IS.C", "PR.B.3")
    ]
    page = _page(render_report(result, cfir, options=ReportOptions(top_k=4)))
    row = re.search(r'<div class="row segment" id="s6" data-uncoded>.*?</div></div>', page, re.S)
    assert row is not None
    assert '<mark class="seg dx c-none"' in row.group(0)
    assert '<li class="muted">No code.</li>' in row.group(0)
    assert page.count("data-uncoded") == 1
    block = page.split('data-segment="p03_interview:0001">')[1].split("</ul>")[0]
    assert re.findall(r'data-code="([^"]+)"', block) == ["IC.F", "CI.A", "IS.C", "PR.B.3"]
    overview = _section(page, "overview")
    assert "<div><dt>Segments with no code</dt><dd>1</dd></div>" in overview
    assert "Charted codes: every code Alice gave a segment" in overview
    assert "4 segments, 3 coded" in _section(page, "transcripts")


def test_a_models_report_keeps_its_review_controls_and_wording(html: str) -> None:
    page = _page(html)
    for markup in REVIEW_MARKUP:
        assert markup in page, markup
    assert "data-read-only" not in page
    assert "Coded by" not in page and "data-uncoded" not in page


def test_overview_says_how_many_charted_segments_rest_on_an_unsure_suggestion(
    cfir: Codebook,
) -> None:
    from dataclasses import replace

    from roqa_nlp.framework import SURE_CODE, coded_segments

    result = build_result()
    ids = {q.segment_id for q in coded_segments(result, codebook=cfir)}
    weak = next(s for s in result if s.segment.id in ids)
    weak.suggestions = [replace(weak.suggestions[0], probability=0.13)]
    unsure = sum(1 for s in result if s.segment.id in ids and s.top.probability < SURE_CODE)
    assert 0 < unsure < len(ids)
    html = render_report(result, cfir, open_coding=OPEN_CODING)
    assert (
        f"{unsure} of {len(ids)} charted segments rest on a top suggestion below 40 %"
        in _section(html, "overview")
    )


def test_rating_cells_show_their_segments_and_frame_weak_ones(cfir: Codebook) -> None:
    from roqa_nlp.framework import SURE_CODE, construct_ratings

    result = build_result()
    html = render_report(result, cfir, open_coding=OPEN_CODING)
    grid = _section(html, "ratings").split('<table class="ratings">')[1].split("</table>")[0]
    cells = re.findall(
        r'<td class="(r\w+)( thin)?" title="[^"]*"><span class="cell-code">[^<]*</span>([^<]+)'
        r'<span class="n">n=(\d+)<',
        grid,
    )
    ratings = list(construct_ratings(result, cfir))
    assert len(cells) == len(ratings)
    got = sorted((rating, int(n), bool(thin)) for _, thin, rating, n in cells)
    want = sorted(
        (
            r.rating,
            r.barriers + r.enablers + r.neutral,
            r.barriers + r.enablers + r.neutral <= 1 or r.mean_probability < SURE_CODE,
        )
        for r in ratings
    )
    assert got == want
    assert any(t for *_, t in got) and not all(t for *_, t in got)


def test_ratings_caption_names_the_dashed_frame_of_weak_cells(html: str) -> None:
    """Blind tester s61 (review, finding 2): the caption told the reader that "a faded cell"
    rests on a single segment, but such a cell is framed in a dashed line, its text not bold
    (td.thin, test_no_text_is_faded_below_wcag_aa): nothing on the page is faded."""
    section = _section(html, "ratings")
    assert (
        "a cell framed in a dashed line, its text not bold, rests on a single segment or on a "
        "mean code probability below 0.4."
    ) in section
    assert "faded" not in section


def test_rating_quotes_say_their_side_and_the_heading_its_neutral_segments(cfir: Codebook) -> None:
    """Blind tester s50 (wholeint, finding 3): a rating's quotes mix its barrier, enabler and
    neutral segments, so each says its side, and the heading counts the neutral ones and says
    its mean probability is the winning side's (P03's IC.F here: a barrier at 0.74 and an
    enabler at 0.62, the enabler made neutral)."""
    from dataclasses import replace

    result = build_result()
    i = next(i for i, s in enumerate(result.segments) if s.segment.id == "p03_interview:0001")
    s = result.segments[i]
    s.suggestions = [replace(s.suggestions[0], valence="neutral")] + s.suggestions[1:]
    section = _section(render_report(result, cfir, open_coding=OPEN_CODING), "ratings")
    entry = section[section.index("<strong>P03</strong> · IC.F") :].split("</li>")[0]
    assert (
        "— 1 barrier vs 0 enabler segment(s), 1 neutral; the barrier segment&#39;s mean "
        "probability 0.74"
    ) in entry
    cites = re.findall(r"<cite>(.*?)</cite>", entry)
    assert [re.sub(r"<[^>]+>", "", c).split(" · ", 2)[2] for c in cites] == [
        "p=0.74 · barrier",
        "p=0.62 · neutral",
    ]


def test_heat_map_draws_the_codes_its_caption_and_the_quote_matrix_count(html: str) -> None:
    section = _section(html, "matrix")
    svg = section[section.index("<svg") : section.index("</svg>")]
    caption = re.search(r"× (\d+) codes used", section)
    assert caption
    header = section.split('<table class="matrix">')[1].split("</thead>")[0]
    n_table = header.count('<th scope="col" title=')
    n_cases = (
        section.split('<table class="matrix">')[1].split("<tbody>")[1].count('<tr><th scope="row">')
    )
    # one cell (with its hover title) per case and code drawn
    n_cells = len(re.findall(r"<rect [^>]*><title>", svg))
    assert n_cells % n_cases == 0
    assert int(caption.group(1)) == n_table == n_cells // n_cases


def _rgb(colour: str) -> tuple[int, ...]:
    """``#rrggbb``, ``#rgb`` or the ``r, g, b`` of a CSS variable, as integers."""
    h = colour.strip().lstrip("#")
    if "," in h:
        return tuple(int(x) for x in h.split(","))
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return tuple(int(h[i : i + 2], 16) for i in (0, 2, 4))


def _linear(rgb: tuple[int, ...]) -> list[float]:
    c = [x / 255 for x in rgb]
    return [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]


def _contrast(a: str, b: str) -> float:
    def lum(colour: str) -> float:
        r, g, b_ = _linear(_rgb(colour))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    la, lb = lum(a), lum(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _blend(colour: str, alpha: float) -> str:
    """``colour`` at ``alpha`` over white, as the page paints ``rgba(...)``."""
    return "#" + "".join(f"{round(255 * (1 - alpha) + c * alpha):02x}" for c in _rgb(colour))


def _css() -> str:
    from roqa_nlp.report import HERE

    return (HERE / "static" / "report.css").read_text(encoding="utf-8")


def _palette(css: str) -> dict[str, str]:
    """The report's colour variables (``--name: value;`` in ``:root``)."""
    root = css[css.index(":root {") : css.index("}", css.index(":root {"))]
    return dict(re.findall(r"--([a-z0-9-]+): (#[0-9a-f]{6}|[\d, ]+);", root))


def _resolve(value: str, palette: dict[str, str]) -> str:
    var = re.fullmatch(r"var\(--([a-z0-9-]+)\)", value.strip())
    return palette[var.group(1)] if var else value.strip()


def _rule(css: str, selector: str) -> dict[str, str]:
    body = css[css.index(selector + " {") + len(selector) + 2 :].split("}")[0]
    return {k.strip(): v.strip() for k, v in re.findall(r"([a-z-]+):([^;]+);", body)}


def test_text_colours_meet_wcag_aa_contrast() -> None:
    css = _css()
    palette = _palette(css)
    ink, chip_ink = palette["ink"], palette["chip-ink"]
    # domain chips carry dark bold 12 px text, and highlighted segments the page's ink at their
    # most confident (darkest) shading
    assert re.search(r"\.chip \{[^}]*color: var\(--chip-ink\)", css)
    high = re.search(r"mark\.seg\.c-high \{ background: rgba\(var\(--c\), ([\d.]+)\)", css)
    assert high
    for name in ("d0", "d1", "d2", "d3", "d4", "d5", "dx", "dn"):
        assert _contrast(palette[name], chip_ink) >= 4.5, name
        assert _contrast(_blend(palette[name], float(high.group(1))), ink) >= 4.5, name
    muted = palette["muted"]
    assert _contrast(muted, "#ffffff") >= 4.5
    assert re.search(r"\.row\.question p, \.row\.question \.spk \{ color: var\(--muted\)", css)
    # a transcript's review progress, on its heading's grey
    soft = palette["soft"]
    assert _contrast(muted, soft) >= 4.5
    assert re.search(r"summary \.progress \{[^}]*color: var\(--muted\)", css)
    done = re.search(r"summary \.progress\.done \{ color: (#[0-9a-f]{6})", css)
    assert done and done.group(1) == palette["accept"] and _contrast(done.group(1), soft) >= 4.5
    # coloured text on white: links, the open-coding flag, the valence words and Table 2's sides
    for name in ("link", "dn-ink", "barrier", "enabler", "accept", "reject"):
        assert _contrast(palette[name], "#ffffff") >= 4.5, name
    # text on the tints of decided suggestions and ratings: the page's ink, and each mark's sign
    for name in ("accept-tint", "reject-tint", "recode-tint", "barrier-tint", "enabler-tint"):
        assert _contrast(palette[name], ink) >= 4.5, name
    assert _contrast(palette["accept-tint"], palette["accept"]) >= 4.5
    assert _contrast(palette["reject-tint"], palette["reject"]) >= 4.5
    for name in ("accept-tint", "reject-tint", "recode-tint"):  # the probability, the ↪ sign
        assert _contrast(palette[name], palette["muted-on-tint"]) >= 4.5, name
    assert re.search(r"\.sugg\.is-recode \.prob \{ color: var\(--muted-on-tint\)", css)
    # filled buttons and rating cells: their text on their background
    for selector in (
        "#save-decisions",
        'button[aria-pressed="true"].accept',
        'button[aria-pressed="true"].reject',
        'button[aria-pressed="true"].vfix-barrier',
        'button[aria-pressed="true"].vfix-enabler',
        ".rp2",
        ".rm2",
    ):
        rule = _rule(css, selector)
        bg, fg = _resolve(rule["background"], palette), _resolve(rule["color"], palette)
        assert _contrast(bg, fg) >= 4.5, selector


# -- the palette: every colour that means something differs from every other ------------------

#: Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of color
#: vision deficiency", IEEE TVCG 15(6): the matrices for full dichromacy (severity 1.0), applied
#: to linear RGB.
CVD = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _lab(colour: str, deficiency: str | None = None) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour, as seen with ``deficiency`` when given."""
    rgb = _linear(_rgb(colour))
    if deficiency:
        m = CVD[deficiency]
        rgb = [min(1.0, max(0.0, sum(m[i][j] * rgb[j] for j in range(3)))) for i in range(3)]
    r, g, b = rgb
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    fx, fy, fz = (t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference (Sharma, Wu & Dalal 2005, Color Res Appl 30(1))."""
    from math import atan2, cos, degrees, exp, hypot, radians, sin, sqrt

    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (hypot(a1, b1) + hypot(a2, b2)) / 2
    g = 0.5 * (1 - sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = hypot(a1, b1), hypot(a2, b2)
    h1 = degrees(atan2(b1, a1)) % 360 if c1 else 0.0
    h2 = degrees(atan2(b2, a2)) % 360 if c2 else 0.0
    dh = 0.0
    if c1 * c2:
        dh = h2 - h1
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    d_h = 2 * sqrt(c1 * c2) * sin(radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if not c1 * c2:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + (360 if h1 + h2 < 360 else -360)) / 2
    t = (
        1
        - 0.17 * cos(radians(h_mean - 30))
        + 0.24 * cos(radians(2 * h_mean))
        + 0.32 * cos(radians(3 * h_mean + 6))
        - 0.20 * cos(radians(4 * h_mean - 63))
    )
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_mean, 1 + 0.015 * c_mean * t
    r_t = (
        -sin(radians(60 * exp(-(((h_mean - 275) / 25) ** 2))))
        * 2
        * sqrt(c_mean**7 / (c_mean**7 + 25**7))
    )
    dl, dc = (l2 - l1) / s_l, (c2 - c1) / s_c
    return sqrt(dl**2 + dc**2 + (d_h / s_h) ** 2 + r_t * dc * (d_h / s_h))


def test_ciede2000_matches_sharma_wu_dalal_test_data() -> None:
    # pairs 1, 7, 17 and 25 of the paper's table of test data
    assert _ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert _ciede2000((50, 0, 0), (50, -1, 2)) == pytest.approx(2.3669, abs=1e-4)
    assert _ciede2000((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)
    assert _ciede2000((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387)) == (
        pytest.approx(1.2644, abs=1e-4)
    )


#: The least CIEDE2000 difference between two colours that mean different things. About 1 is a
#: just-noticeable difference between patches side by side; a domain chip is told from a decision
#: or a valence apart from it, by its colour alone, so the nine colours must be different colours,
#: not shades: 15 is well above the 10 at which patches are commonly called clearly different
#: colours (the CVD-safe palettes of Okabe & Ito and of Tol keep about that under dichromacy).
DISTINCT = 15.0
#: Tritanopia (about 1 in 10,000) is held to less: every mark also says what it is in words or
#: signs.
DISTINCT_TRITAN = 7.0


def test_domain_decision_and_valence_colours_are_pairwise_distinct() -> None:
    import itertools

    palette = _palette(_css())
    names = ["d0", "d1", "d2", "d3", "d4", "accept", "reject", "barrier", "enabler"]
    # the audit's case: no two of the nine are one colour (Process was the reject red)
    assert len({palette[n].replace(" ", "") for n in names}) == len(names)
    for deficiency in (None, "protanopia", "deuteranopia", "tritanopia"):
        least = DISTINCT_TRITAN if deficiency == "tritanopia" else DISTINCT
        for a, b in itertools.combinations(names, 2):
            d = _ciede2000(_lab(palette[a], deficiency), _lab(palette[b], deficiency))
            assert d >= least, (a, b, deficiency, round(d, 1))
    # "fits no code" and a sixth domain are told from the five domains in normal vision
    for extra in ("dn", "d5"):
        for n in names[:5]:
            assert _ciede2000(_lab(palette[extra]), _lab(palette[n])) >= DISTINCT, (extra, n)


def test_decisions_and_valence_do_not_rest_on_colour_alone() -> None:
    css = _css()
    # a sign before the suggestion's name, and a rejected one struck through
    assert '.sugg.is-accept .name::before { content: "✓"' in css
    assert '.sugg.is-reject .name::before { content: "✗"' in css
    assert '.sugg.is-recode .name::before { content: "↪"' in css
    assert ".sugg.is-reject .name { text-decoration: line-through; }" in css
    assert 'button[aria-pressed="true"].accept::before { content: "✓ "; }' in css
    # the valence is a word: the chip says barrier or enabler
    assert re.search(
        r'<span class="val v-barrier"[^>]*>barrier</span>', fragments.valence_fix("barrier")
    )
    row = fragments.SegmentRows().suggestion(
        {"code_id": "IC.A", "css": "d0", "name": "Source", "probability": 0.8,
         "valence": "enabler", "evidence": []}
    )  # fmt: skip
    assert '<span class="val v-enabler">enabler</span>' in row


def test_plots_draw_fits_no_code_in_the_page_colour() -> None:
    from roqa_nlp.report import plots

    assert _rgb(plots.NO_CODE) == _rgb(_palette(_css())["dn"])


def test_overview_notes_participants_numbered_two_ways(cfir: Codebook) -> None:
    import copy

    from roqa_nlp.errors import RoqaWarning

    interviews = copy.deepcopy(INTERVIEWS)
    interviews["p04_interview"] = (
        "P4",
        [("P4", [("We have a peer worker now and it shows.", [("IS.E.2", 0.7, "enabler")], {})])],
    )
    with pytest.warns(RoqaWarning):
        html = render_report(build_result(interviews), cfir)
    assert "Participants are numbered two ways (P01, P02, P03 beside P4)" in _section(
        html, "overview"
    )
    assert "numbered two ways" not in render_report(build_result(), cfir)


def test_transcripts_section_has_a_picker_and_a_progress_label_per_transcript(
    cfir: Codebook, html: str
) -> None:
    section = _section(html, "transcripts")
    picker = re.search(
        r'<select id="transcript-select" name="transcript">(.*?)</select>', section, re.S
    )
    assert picker, "no transcript picker"
    options = re.findall(
        r'<option value="([^"]*)" data-label="([^"]*)">([^<]*)</option>', picker.group(1)
    )
    blocks = re.findall(r'<details class="transcript" id="([^"]+)" open>', section)
    assert options == [
        ("", "All transcripts", "All transcripts"),
        (blocks[0], "p01_interview (P01)", "p01_interview (P01)"),
        (blocks[1], "p02_interview (P02)", "p02_interview (P02)"),
        (blocks[2], "p03_interview (P03)", "p03_interview (P03)"),
    ]
    # before report.js counts the decisions: how many segments each transcript has to review
    # (procedural talk, small talk and the interviewer left out, as the review filter does)
    assert re.findall(r'<span class="progress">([^<]*)</span></summary>', section) == [
        "4 segments to review",
        "4 segments to review",
        "3 segments to review",
    ]
    # one transcript: nothing to pick
    one = render_report(build_result({"p03_interview": INTERVIEWS["p03_interview"]}), cfir)
    assert "transcript-select" not in _section(one, "transcripts")
    assert '<span class="progress">3 segments to review</span>' in one


def test_a_persons_code_with_no_valence_given_says_so_not_neutral(cfir: Codebook) -> None:
    """roqa import records the passages a reviewer gave no valence (valence_not_given): their
    codes read "no valence given", not "neutral", on the read-only page."""
    from report_fixture import build_persons_result

    result = build_persons_result("Alice")
    result.meta["valence_not_given"] = ["p01_interview:0001"]
    page = _page(render_report(result, cfir))
    block = page.split('data-segment="p01_interview:0001">')[1].split("</ul>")[0]
    assert block.count('<span class="val v-none">no valence given</span>') == 2  # both codes
    assert "v-none" not in page.split('data-segment="p01_interview:0002">')[1].split("</ul>")[0]
    assert page.count('<span class="val v-none">') == 2


def test_the_barriers_and_enablers_heading_names_themes_for_a_codebook_of_themes() -> None:
    """Audit T2, N7: the seed study's themes were headed "by CFIR domain"."""
    from report_fixture import build_result
    from roqa_nlp.crosswalk import chart_with

    themes = Codebook.load("erondu-2021")
    result, _ = chart_with(build_result(), themes)
    page = _page(render_report(result, themes))
    assert "<h2>Barriers and enablers by theme</h2>" in page
    assert "<h2>Barriers and enablers by CFIR domain</h2>" not in page


def test_a_report_in_another_framework_does_not_call_it_cfir(tmp_path) -> None:
    """A researcher's own codebook's report said 'Suggested CFIR construct ratings' and 'as in
    Table 2 of a typical CFIR paper' (session 28)."""
    themes = Codebook.load("erondu-2021")
    page = write_report(build_result(), tmp_path / "report.html", themes).read_text("utf-8")
    assert "Suggested code ratings" in page and "typical framework-guided paper" in page
    assert "Suggested CFIR construct ratings" not in page and "typical CFIR paper" not in page


def test_a_cfir_report_still_says_cfir(html: str) -> None:
    assert "Suggested CFIR construct ratings" in html and "typical CFIR paper" in html


def test_the_mean_top_1_probability_is_over_the_coded_segments(html: str) -> None:
    """It sat beside 'Coded segments' but took in small talk, whose top is about 0 (0.60 for
    0.71 over the coded segments, session 28)."""
    from roqa_nlp.framework import coded_segments

    result = build_result()
    charted = {q.segment_id for q in coded_segments(result)}
    tops = [s.top.probability for s in result if s.segment.id in charted]
    assert f"<dd>{sum(tops) / len(tops):.2f}</dd>" in html.split("Mean top-1 probability")[1][:40]


def test_docs_list_every_stopping_rule_value_the_saturation_table_writes() -> None:
    """docs/report.md lists the values of the saturation table's `stopping_rule` column; a
    partial review whose last interview brings a new code after saturation writes two that it
    once left out."""
    from roqa_nlp.framework import saturation
    from test_framework import partly_reviewed

    s = saturation(partly_reviewed(), initial_sample=1, stopping_criterion=1, base_size=1,
                   run_length=1)  # fmt: skip
    written = [r[8] for r in s.rows()[1:]]
    assert written == [
        "initial sample",
        "new code",
        "not reviewed",
        "saturation reached (1 of 1)",
        "after saturation: new code, partly reviewed (1 of 2 segments undecided)",
    ]
    doc = (Path(__file__).resolve().parents[1] / "docs" / "report.md").read_text("utf-8")
    listing = " ".join(doc.split("`stopping_rule`:", 1)[1].split("The workbook adds")[0].split())
    # the documented examples count other interviews: "(3 of 3)" stands for "(1 of 1)"
    listed = {re.sub(r"\d+", "N", v) for v in re.findall(r"`([^`]+)`", listing)}
    partly = ", partly reviewed (N of N segments undecided)"
    assert partly in listed  # documented as what any value may end with
    assert [v for v in written if re.sub(r"\d+", "N", v).removesuffix(partly) not in listed] == []


# -- the training examples beside a suggestion, folded (blind testers, session 42) -------------


def test_a_suggestions_training_examples_are_folded_with_a_summary_to_open_them() -> None:
    """Blind testers s42: the training examples beside every suggestion, always shown, made the
    review long (111,134 bytes of the 707,587 of the demo's report). Each suggestion's are folded
    in a native <details>: its summary is reached with Tab and opened with a click, Enter or
    Space, and the page's script keeps no state of it (decisions are the same folded or not)."""
    rows = fragments.SegmentRows()
    suggestion = {"code_id": "IS.B", "css": "d2", "name": "Networks & Communications",
                  "probability": 0.62, "valence": "enabler"}  # fmt: skip
    two = rows.suggestion({**suggestion, "evidence": ["We meet <weekly>.", "Staff talk"]})
    assert two.endswith(
        '<details class="evidence muted"><summary>resembles 2 training examples</summary>'
        "“We meet &lt;weekly&gt;.” · “Staff talk”</details></li>\n"
    )
    # blind tester (s53), finding 1: each quote's valence, and how many of each, are shown
    sided = {
        "evidence": ["We meet <weekly>.", "Staff talk"],
        "evidence_valence": ["enabler", "barrier"],
    }
    assert rows.suggestion({**suggestion, **sided}).endswith(
        '<details class="evidence muted"><summary>resembles 2 training examples: 1 barrier, '
        "1 enabler</summary>[enabler] “We meet &lt;weekly&gt;.” · [barrier] “Staff talk”"
        "</details></li>\n"
    )
    same = {"evidence": ["a", "b"], "evidence_valence": ["neutral", "neutral"]}
    assert "<summary>resembles 2 training examples: 2 neutral</summary>" in rows.suggestion(
        {**suggestion, **same}
    )
    one = rows.suggestion({**suggestion, "evidence": ["Staff talk"]})
    assert one.endswith(
        '<details class="evidence muted"><summary>resembles 1 training example</summary>'
        "“Staff talk”</details></li>\n"
    )
    assert "<details" not in rows.suggestion({**suggestion, "evidence": []})


def test_the_report_folds_every_suggestions_training_examples(html: str) -> None:
    page = _page(html)
    folds = re.findall(r'<details class="evidence muted"( open)?><summary>([^<]*)</summary>', page)
    # the fixture's one suggestion with evidence: IS.E.3 on p01_interview:0001
    assert folds == [("", "resembles 1 training example")]
    assert page.count("We train every new starter in recovery.") == 1
    assert 'class="ev-label"' not in page


def test_key_t_opens_the_training_examples_of_the_outlined_segment() -> None:
    """The keys list says so; report.js opens or closes the folds of the outlined segment's
    suggestions (details.evidence) and nothing else."""
    from roqa_nlp.report import HERE

    template = (HERE / "templates" / "report.html.j2").read_text(encoding="utf-8")
    assert "<kbd>t</kbd> shows or hides the training examples its suggestions resemble" in template
    js = (HERE / "static" / "report.js").read_text(encoding="utf-8")
    assert 'row.querySelectorAll("details.evidence")' in js


# -- the recode box: part of a code's id or name, picked from a list (blind testers, s42) -----


def test_recode_is_a_box_that_lists_every_codable_code_to_search(cfir: Codebook, html: str) -> None:
    """Blind testers s42: the recode… list held every code (39 in CFIR 2009, 67 in CFIR 2.0) with
    no way to search it. Each suggestion has a text box instead, a combobox whose list (one
    listbox for the page, filled by report.js) holds the codable codes its text names, each as
    "id name"; the page's codes are those of the codebook."""
    page = _page(html)
    assert page.count('id="recode-codes"') == 1
    assert (
        '<ul id="recode-codes" class="recode-list no-print" role="listbox" '
        'aria-label="codes to recode to" hidden></ul>'
    ) in page
    # not a <datalist> (the browser's own matches: none for "avail res"); the page's one is
    # the new-code boxes' list of names
    assert re.findall(r"<datalist[^>]*>", page) == ['<datalist id="new-code-names">']
    assert re.findall(r'<input type="text" class="recode"[^>]*\blist=', page) == []
    assert [c["id"] for c in _page_codes(page)] == [c.id for c in cfir.codable]
    assert len(cfir.codable) == 39
    assert '<select class="recode"' not in page
    row = fragments.SegmentRows().suggestion(
        {"code_id": "IS.B", "css": "d2", "name": "Networks & Communications",
         "probability": 0.62, "valence": "enabler", "evidence": []}
    )  # fmt: skip
    assert (
        '<input type="text" class="recode" role="combobox" aria-autocomplete="list" '
        'aria-expanded="false" aria-controls="recode-codes" placeholder="recode…" '
        'autocomplete="off" aria-label="recode IS.B as" aria-describedby="recode-hint">'
    ) in row
    # what the box is for, said once in the page for every box
    assert (
        '<span id="recode-hint">type part of a code\'s id, name or alias, and pick one</span>'
    ) in page
    assert page.count('aria-controls="recode-codes"') == page.count('data-action="accept"') == 16


def test_the_page_says_accepting_confirms_the_code_not_its_valence(html: str) -> None:
    """study6 tester, s76: accepted segments came out "valence unsure ‡" though the reviewer
    thought accepting confirmed them. docs/report.md said so; the page did not. Each accept
    button says it as its tooltip and points a screen reader at the one hint in the review
    help, which says how to confirm the model's side."""
    page = _page(html)
    assert page.count('id="accept-hint"') == 1
    assert (
        "<span id=\"accept-hint\"><em>accept</em> confirms a suggestion's code, not the segment's "
        "valence: to confirm the model's side, press its valence button too (else a valence "
        "below 60 % stays marked ‡ in the reviewed outputs).</span>"
    ) in page
    button = (
        'aria-label="accept IS.B Networks &amp; Communications" aria-describedby="accept-hint" '
        'title="accepts the code, not its valence">accept</button>'
    )
    row = fragments.SegmentRows().suggestion(
        {"code_id": "IS.B", "css": "d2", "name": "Networks & Communications",
         "probability": 0.62, "valence": "enabler", "evidence": []}
    )  # fmt: skip
    assert button in row
    n = page.count('data-action="accept"')
    assert n == 16
    assert (
        page.count('aria-describedby="accept-hint" title="accepts the code, not its valence"') == n
    )


def _page_codes(page: str) -> list[dict[str, str]]:
    """The codes the page gives report.js (#roqa-codes)."""
    import json

    found = re.search(r'<script type="application/json" id="roqa-codes">(.*?)</script>', page)
    assert found is not None
    return list(json.loads(found.group(1)))


def _recode_targets(
    book: str, cases: list[tuple[str, str]], function_name: str = "recodeTarget"
) -> list[Any]:
    """What report.js's recode box reads each (text, suggestion's code) as, in the codebook
    ``book`` (``function_name``: recodeTarget, or recodeChoices for the codes its list shows):
    its functions squash, labelOf, codeWords, startsWords, recodeHits, recodeChoices and
    recodeTarget run by node on the codes the page lists (skipped without node: the browser
    tests run them in the page)."""
    import json

    codes = [
        {"id": c.id, "name": c.name} | ({"aliases": list(c.aliases)} if c.aliases else {})
        for c in Codebook.load(book).codable
    ]  # as the page lists them (codes_json)
    script = (
        f"var codes = {json.dumps(codes)};\n"
        + report_js_functions(*RECODE_FUNCTIONS)
        + f"console.log(JSON.stringify({json.dumps(cases)}.map(function (c) "
        f"{{ return {function_name}(c[0], c[1]); }})));"
    )
    return list(node_prints(script))


def test_recode_box_reads_part_of_a_codes_id_or_name_as_that_code() -> None:
    """The text of a recode box names a code: its id, its name or "id name" (case and spaces
    aside), else the one code whose "id name" the text is part of, as the blind testers typed
    ("netw", "readiness", "IS.E"); no text takes a recode back."""
    assert _recode_targets(
        "cfir-2009",
        [("netw", "IC.H"), ("readiness", "IC.H"), ("IS.E", "IC.H"), ("Planning", "IC.H"),
         ("  is.b   NETWORKS & communications ", "IC.H"), ("is.e.", "IS.E.2"), ("", "IC.H")],
    ) == [  # fmt: skip
        {"code": "IS.B"},
        {"code": "IS.E"},  # Readiness for Implementation, not its sub-constructs IS.E.1-3
        {"code": "IS.E"},  # the id itself, though IS.E.1-3 contain it
        {"code": "PR.A"},
        {"code": "IS.B"},  # as the list gives it, picked
        {"refused": "“is.e.” matches 2 codes (IS.E.1 Leadership Engagement, IS.E.3 Access to "
         "Knowledge & Information): type more of one, or pick it from the list."},
        {"code": ""},
    ]  # fmt: skip
    assert _recode_targets("cfir-2022", [("funding", "INS.B"), ("communications", "INS.B")]) == [
        {"code": "INS.J.1"},
        {"code": "INS.C"},
    ]


def test_recode_box_reads_and_as_ampersand_as_codebook_names_are_resolved() -> None:
    """Hunt s43 (2): the box refused "Goals and Feedback" though "goals & feedback" gave IS.D.5;
    "&" and "and", and the spacing around them, are alike, as a codebook's names are looked up
    (codebook.normalise_name)."""
    assert _recode_targets(
        "cfir-2009",
        [("Goals and Feedback", "IC.H"), ("goals & feedback", "IC.H"), ("Goals&Feedback", "IC.H"),
         ("is.d.5 goals and  feedback", "IC.H"), ("knowledge and inf", "IC.H")],
    ) == [{"code": "IS.D.5"}] * 4 + [{"code": "IS.E.3"}]  # fmt: skip


def test_recode_list_shows_the_codes_enter_chooses_among() -> None:
    """Left-over defect, session 45: Enter took the starts of a code's words in any order
    ("avail res": IS.E.2 Available Resources) while the box's list (a <datalist>) showed the
    browser's matches, codes containing the very text typed: none for "avail res". The list is
    now the codes the same rule finds, the suggestion's own left out: one, the one Enter
    picks; several, those Enter asks to choose among; none, for text Enter refuses."""

    def labels(found: list[Any]) -> list[list[str]]:
        return [[f"{c['id']} {c['name']}" for c in codes] for codes in found]

    assert labels(
        _recode_targets(
            "cfir-2009",
            [
                ("avail res", "OS.A"),
                ("resources avail", "OS.A"),
                ("netw", "OS.A"),
                ("is.e.", "IS.E.2"),
                ("knowledge beliefs", "OS.A"),
                ("zzz", "OS.A"),
                ("cost", "IC.H"),
                ("IS.E", "IC.H"),
            ],
            "recodeChoices",
        )
    ) == [  # fmt: skip
        ["IS.E.2 Available Resources"],
        ["IS.E.2 Available Resources"],
        ["IS.B Networks & Communications"],
        ["IS.E.1 Leadership Engagement", "IS.E.3 Access to Knowledge & Information"],
        ["CI.A Knowledge & Beliefs about the Intervention"],
        [],
        [],  # the suggestion's own code: refused by Enter too
        ["IS.E Readiness for Implementation"],  # its id, not IS.E.1-3 that contain it
    ]
    every = _recode_targets("cfir-2009", [("", "IC.H"), ("  ", "IC.H")], "recodeChoices")
    assert [len(c) for c in every] == [38, 38]  # no text: every codable code but its own
    assert "IC.H" not in [c["id"] for c in every[0]]


def test_recode_box_refuses_text_that_names_no_code_or_the_suggestions_own() -> None:
    """Text matching no code, or only the suggestion's own code, decides nothing: report.js
    says why beside the box (role=alert, the box aria-invalid) until the text is corrected."""
    from roqa_nlp.report import HERE

    assert _recode_targets(
        "cfir-2009", [("zzz", "IC.H"), ("INS.J", "IC.H"), ("cost", "IC.H"), ("re", "IC.H")]
    ) == [
        {"refused": "No code of this codebook matches “zzz”: type part of a code's id, name or "
         "alias, and pick one from the list."},
        {"refused": "No code of this codebook matches “INS.J”: type part of a code's id, name "
         "or alias, and pick one from the list."},  # a CFIR 2.0 id in a CFIR 2009 report
        {"refused": "IC.H Cost is this suggestion's own code: accept it instead."},
        {"refused": "“re” matches 10 codes (IC.B Evidence Strength & Quality, IC.C Relative "
         "Advantage, OS.A Patient Needs & Resources, …): type more of one, or pick it from "
         "the list."},
    ]  # fmt: skip
    js = (HERE / "static" / "report.js").read_text(encoding="utf-8")
    assert 'msg.setAttribute("role", "alert")' in js
    assert 'box.setAttribute("aria-invalid", "true")' in js


def _print_css(css: str) -> str:
    """The rules of the report's ``@media print`` block (the last block of report.css)."""
    return css[css.index("@media print {") :]


def test_the_wide_tables_print_as_lists_with_nothing_scrolled_or_cut(html: str) -> None:
    """Blind tester s44: on paper the framework matrix (4,843 px wide) kept 25 of 143 quotes and
    the ratings' scrolling box lost 50 of 128 cells, with nothing saying so. In print nothing
    scrolls or clips, no rule gives the two tables a width, and each row prints as a list of its
    charted cells, each said with its code."""
    printed = _print_css(_css())
    assert not re.search(r"overflow(?:-[xy])?:\s*(?:hidden|auto|scroll)", printed)
    assert (
        ".scroll, .matrix-quotes .scroll { max-height: none; overflow: visible; position: static; }"
        in printed
    )
    rules = re.findall(r"([^{}]*table\.(?:matrix|ratings)[^{}]*)\{([^}]*)\}", printed)
    assert rules
    for selector, body in rules:
        for width in re.findall(r"(?:min-|max-)?width:\s*([^;]+);", body):
            assert width.strip() in ("auto", "0"), selector
    blocks = _rule(
        printed, "  table.ratings, table.ratings tbody, table.ratings tr, table.ratings th"
    )
    assert blocks["display"] == "block" and blocks["min-width"] == "0"
    assert _rule(printed, "  table.ratings td")["min-width"] == "0"  # 2.6rem on screen
    assert "table.matrix td:empty, table.ratings td:empty { display: none; }" in printed
    assert _rule(_css(), ".cell-code") == {"display": "none"}  # said on paper only
    assert _rule(printed, "  .cell-code") == {"display": "inline", "font-weight": "600"}
    assert (
        '<td style="--a: 1.0"><span class="cell-code">IC.F Complexity: </span><strong>2</strong>'
        in html
    )
    assert (
        '<span class="cell-code">OS.D External Policy &amp; Incentives: </span>-1<span class="n">'
        "n=1</span></td>" in html
    )
    # the fixture's 7 charted matrix cells and 7 ratings, each with its code; no empty cell
    assert len(re.findall(r'<td style="--a: [^"]*"><span class="cell-code">', html)) == 7
    assert len(re.findall(r'<td class="r[^"]*" title="[^"]*"><span class="cell-code">', html)) == 7
    assert html.count('<span class="cell-code">') == 14


def test_print_breaks_a_table_row_between_quotes_and_names_table2s_sides() -> None:
    """Left-over defect, session 45: a table row kept whole on paper pushed each of Table 2's
    constructs to a page of its own (74 A4 pages for the example study). A row may break, a
    quote and a transcript's row may not; Table 2 prints each construct over its sides, each
    named, the sides with no segment left out."""
    printed = _print_css(_css())
    assert _rule(printed, "  tr") == {"break-inside": "auto"}
    assert _rule(printed, "  .row, blockquote.quote, figure") == {"break-inside": "avoid"}
    assert _rule(printed, "  table.table2 thead, table.table2 td:not(:has(.who))") == {
        "display": "none"
    }
    assert [
        _rule(printed, f"  table.table2 td.{side} .who::before")["content"]
        for side in ("barrier", "enabler", "neutral")
    ] == ['"Barriers: "', '"Enablers: "', '"Neutral: "']


def test_no_text_is_faded_below_wcag_aa() -> None:
    """Blind tester s44: 240 of 663 suggestions (below 10 %) were faded to opacity 0.55, their
    name 3.51:1, percentage 2.14:1, chip 2.19:1, and weak ratings to 0.5, under the 4.5:1 the
    docs claim. They are set apart by size, weight and a dashed frame instead; the only
    translucent thing left is a disabled button (WCAG 1.4.3 exempts inactive controls)."""
    css = _css()
    faded = [
        rule.split("{")[0].strip().splitlines()[-1]
        for rule in re.findall(r"[^{}]*\{[^}]*opacity:\s*0?\.\d+[^}]*\}", css)
    ]
    assert faded == [".group-code button:disabled"]
    assert _rule(css, ".sugg.faint") == {
        "font-size": "0.75rem",
        "outline": "1px dashed #6b7280",
        "outline-offset": "-1px",
    }
    assert _rule(css, "table.ratings td.thin") == {
        "font-weight": "400",
        "outline": "2px dashed var(--ink)",
        "outline-offset": "-4px",
    }


def test_rows_are_not_left_out_of_the_accessibility_tree() -> None:
    """Blind tester s44: rows were content-visibility: auto, which keeps the rows Chromium has not
    rendered out of its accessibility tree (9 of 495 accept buttons at load on a 13-interview
    page). Without it the page took 0.5 s longer to load there (1.1 s instead of 0.5 s)."""
    rules = re.sub(r"/\*.*?\*/", "", _css(), flags=re.S)
    assert "content-visibility" not in rules


def test_tables_have_captions_and_scoped_headers_and_headings_do_not_skip(html: str) -> None:
    """Blind tester s44: no table had a caption, no header cell a scope, the matrix and ratings
    headers named a code by its id only (the name in a tooltip), and the headings ran h1, h3
    "Transcripts", h2 "Transcripts"."""
    from roqa_nlp.report import HERE

    template = (HERE / "templates" / "report.html.j2").read_text(encoding="utf-8")
    assert template.count("<table") == template.count("<caption") == 8
    tables = re.findall(r"<table\b.*?</table>", html, flags=re.S)
    assert len(tables) == 7  # the fixture has no run of interviews past Guest's base
    assert all(re.match(r"<table[^>]*>\s*<caption", t) for t in tables)
    assert re.findall(r"<th\b(?![^>]*\bscope=)[^>]*>", html) == []
    assert '<th colspan="4" scope="rowgroup">IC Intervention Characteristics</th>' in html
    assert '<th scope="col" title="Culture">IS.C<span class="vh"> Culture</span></th>' in html
    assert '<th scope="col" title="Cost">IC.H<span class="vh"> Cost</span></th>' in html
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", html)]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:]))
    headings = re.findall(r"<h[12]\b[^>]*>([^<]*)<", html)
    assert len(headings) == len(set(headings))
    assert headings[:3] == [
        "roqa report – examples",
        "The transcripts in this report",
        "Transcripts",
    ]


def test_the_title_names_the_folder_the_transcripts_were_read_from() -> None:
    from roqa_nlp.report import default_title

    assert default_title(["interviews/p01.vtt", "interviews/p02.docx"]) == (
        "roqa report – interviews"
    )
    assert default_title(["a\\study\\p01.txt"]) == "roqa report – study"
    assert default_title(["a/p01.txt", "b/p02.txt"]) == "roqa report"  # no one folder
    assert default_title(["p01.txt"]) == "roqa report"
    assert default_title([]) == "roqa report"
    # read from a QDA project: its name, not the archive's inner folder (hunt s44 read
    # "roqa report – project.qdpx:sources")
    assert default_title(
        ["alone/Recovery study.qdpx:sources/2c1c.txt", "alone/Recovery study.qdpx:sources/13cf.txt"]
    ) == ("roqa report – Recovery study")
    assert default_title(["C:\\qx\\study.QDPX:sources\\a.txt"]) == "roqa report – study"


def test_print_keeps_the_speaker_whole_the_progress_and_not_the_controls_labels(
    html: str,
) -> None:
    """Blind tester s44: on paper "Interviewer" was split ("Intervi/ewer": a page is narrower
    than the 800px layout), a fold's label ("show the model's suggestions (3)") printed, and
    each transcript's review progress did not."""
    printed = _print_css(_css())
    assert _rule(printed, "  .row.segment") == {
        "grid-template-columns": "6.5rem minmax(0, 1.25fr) minmax(0, 1fr)"
    }
    assert _rule(printed, "  .spk") == {"overflow-wrap": "normal"}
    assert _rule(printed, "  details.set-aside > summary") == {"display": "none"}
    assert '<span class="progress">' in html and '<span class="progress no-print">' not in html
    css = _css()
    assert _rule(css, ":focus-visible") == {"outline": "3px solid #1f2937", "outline-offset": "2px"}
    assert 'aria-controls="kb-help" aria-expanded="false"' in html


def test_heat_map_caption_counts_cases_and_names_a_joint_interview(cfir: Codebook) -> None:
    """The heat map's caption said "4 participants" of four rows when one of them, a joint
    interview, holds two participants' talk (session 46 tester): a row is a case, so the caption
    counts cases and says which case holds several participants."""
    joint = {
        "p04_joint": (
            "P04",
            [
                ("I", [("What helps?", [], {})]),
                ("P04a", [("Our champion keeps it going.", [("PR.B.3", 0.9, "enabler")], {})]),
                ("P04b", [("Training is too costly.", [("IC.H", 0.8, "barrier")], {})]),
            ],
        )
    }
    page = render_report(build_result({**INTERVIEWS, **joint}), cfir, open_coding=OPEN_CODING)
    assert (
        "Heat map of the framework matrix (4 cases (P04 holds the talk of 2 participants) × "
        in page
    )
    page = render_report(build_result(INTERVIEWS), cfir, open_coding=OPEN_CODING)
    assert "Heat map of the framework matrix (3 cases × " in page


def test_the_run_table_counts_a_translations_per_segment_records() -> None:
    """Session 53 (cases, 4): the Run table listed a row per segment of a translation's records
    (``crosswalk.split.<segment>``: 185 rows, +49 KB on a 13-interview study charted in
    erondu-2021). Each is one row counting its segments; run.json keeps them whole. A record
    counting procedural talk or talk that fits no code says how many it counts of the coded
    segments, which the terminal and the notes count alone (study9 s79, 7: "crosswalk.tied 13
    segments" beside "the top is tied on 3 segments"): here p01_interview:0000 is procedural,
    p01_interview:0003 fits no code, p02_interview:0001 is coded."""
    from roqa_nlp.crosswalk import chart_with

    themes = Codebook.load("erondu-2021")
    result, _ = chart_with(build_result(), themes)
    page = render_report(result, themes)
    run = page[page.index("<summary>Run</summary>") :]
    run = run[: run.index("</table>")]
    assert re.findall(r'<tr><th scope="row">([^<]*)</th><td><code>(.*?)</code>', run) == [
        ("top_k", "3"),
        ("codebook", "erondu-2021"),
        ("crosswalk.from", "cfir-2009"),
        ("crosswalk.to", "erondu-2021"),
        ("crosswalk.tied", "3 segments (1 coded, 2 procedural or fitting no code)"),
        ("crosswalk.other_side", "1 segment"),
        ("crosswalk.source_p", "3 segments"),
        ("crosswalk.split", "11 segments (7 coded, 4 procedural or fitting no code)"),
    ]
    assert (
        chart_with(build_result(), themes)[1].count(  # the note counts the coded one alone
            "the top suggestion of 1 segment is an exact tie"
        )
        == 1
    )
    assert len(result.meta["crosswalk"]["split"]) == 11


def test_recode_box_finds_a_code_by_its_codebook_alias_when_no_id_or_name_matches() -> None:
    """Tester cfir2ui (s63): "Staffing", an alias CFIR 2.0 gives INS.A.3 Work Infrastructure
    (docs/codebooks.md: "other names a record or a coder may use"), was refused by the recode
    box. Aliases are searched as ids and names are, after them: a code whose id or name
    matches still comes alone ("netw" is IS.B, not OUT.D by its alias "External networks")."""
    assert _recode_targets(
        "cfir-2022",
        [("Staffing", "INS.J"), ("workforce", "INS.J"), ("IT systems", "INS.J"),
         ("staff", "INS.J"), ("partnerships", "INS.J")],
    ) == [
        {"code": "INS.A.3"},
        {"code": "INS.A.3"},
        {"code": "INS.A.2"},
        {"refused": "“staff” matches 5 codes (INS.A.3 Work Infrastructure, INS.D.3 "
         "Deliverer-Centeredness, INS.K Access to Knowledge & Information, …): type more of "
         "one, or pick it from the list."},
        {"code": "OUT.D"},  # its name: Partnerships & Connections
    ]  # fmt: skip
    assert _recode_targets("cfir-2009", [("netw", "OS.A"), ("Staffing", "OS.A")]) == [
        {"code": "IS.B"},
        {"code": "IS.E.2"},
    ]


def test_reports_rendered_in_one_process_compile_the_template_once(
    cfir: Codebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The template is compiled for the first report of a process (0.2-0.5 s), not for each:
    a model's report and a person's, in turn, each keep their own quote filters."""
    import jinja2

    from report_fixture import build_persons_result

    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counted(self: jinja2.Environment, *args: Any, **kwargs: Any) -> Any:
        compiled.append("report")
        return compile_template(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    first = [render_report(build_result(), cfir), render_report(build_persons_result(), cfir)]
    assert len(compiled) <= 2  # none if an earlier test of this process rendered both
    compiled.clear()
    again = [render_report(build_result(), cfir), render_report(build_persons_result(), cfir)]
    assert compiled == []
    # a person's quotes are the codings given, a model's its suggestions: each page as before
    assert [_section(p, "transcripts") for p in again] == [
        _section(p, "transcripts") for p in first
    ]
    assert _section(again[0], "transcripts") != _section(again[1], "transcripts")


def test_a_click_taken_back_with_a_carried_decision_moved_onto_it_is_said_as_its_box_shows() -> (
    None
):
    """hunt3 (s91): taking back a suggestion's decision onto which the page then moves a decision
    carried from a file (settled: a recode of that suggestion) said "undefinedIS.E.3 ..." in the
    keys' status, which screen readers read; it says what was taken back and what the box shows.
    Accept, reject and taking back with nothing moved are said as before."""
    import json

    codes = [{"id": "IS.E.3", "name": "Access to Knowledge"}, {"id": "CI.A", "name": "Champions"}]
    item = (
        "{ getAttribute: function () { return 'IS.E.3'; }, querySelector: function () "
        "{ return { textContent: ' Access to Knowledge ' }; } }"
    )
    cases = [
        [None, {"decision": "recode", "target": "CI.A", "carried": "accept"}],
        [{"decision": "accept"}, {"decision": "accept"}],
        [None, {"decision": "reject"}],
        [{"decision": "accept"}, None],
        [{"decision": "recode", "target": "CI.A"}, {"decision": "accept"}],
    ]
    script = (
        f"var codes = {json.dumps(codes)};\n"
        + report_js_functions("labelOf", "clickSaid")
        + f"var item = {item};\n"
        + f"console.log(JSON.stringify({json.dumps(cases)}.map(function (c) "
        "{ return clickSaid(item, c[0] || undefined, c[1] || undefined); })));"
    )
    assert node_prints(script) == [
        "taken back IS.E.3 Access to Knowledge; its box shows CI.A Champions, decided before",
        "accepted IS.E.3 Access to Knowledge",
        "rejected IS.E.3 Access to Knowledge",
        "taken back IS.E.3 Access to Knowledge",
        "accepted IS.E.3 Access to Knowledge; recode to CI.A Champions dropped",
    ]
