"""Specification of the offline HTML report (roqa_nlp.report) and ``roqa report``."""

from __future__ import annotations

import csv
import io
import re
from html import escape
from pathlib import Path

import pytest

from report_fixture import INTERVIEWS, OPEN_CODING, build_result
from roqa_nlp.cli import main
from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision
from roqa_nlp.report import render_report, write_report
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
        "2 segments fit no code of the codebook, besides 1 of small talk or background" in section
    )
    assert "Not grouped" not in section
    fold = section[section.index('<details class="candidate off-topic">') :]
    assert "Small talk and background (1 segment)" in fold
    assert '<a href="#' in fold and "p01_interview:0003</a> My dog thinks" in fold
    review = out[out.index('data-segment="p01_interview:0003"') :]
    assert review.index("Fits no code (p=0.004): small talk or background") < review.index("</div>")
    overview = out[out.index('<section id="overview">') : out.index('<section id="transcripts">')]
    assert "<dt>For open coding</dt><dd>2</dd>" in overview
    assert "<dt>Small talk, background</dt><dd>1</dd>" in overview
    assert "(P01) – 5 segments, 1 small talk or background</li>" in overview
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


def test_report_shows_the_model_card(html: str) -> None:
    section = html[html.index('<section id="model-card">') :]
    assert "all-MiniLM-L6-v2" in section
    assert Codebook.load("cfir-2009").hash in section


def test_report_shows_both_saturation_verdicts(html: str) -> None:
    assert "only 3 interview(s), the rule needs at least 13" in html
    assert "3 interview(s) are too few for a base of 4 and a run of 2" in html


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
    # the codes JSON, the embedded decisions and the report's own script
    assert hostile_html.count("</script>") == 3


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
    note = "your accept/reject/recode decisions are not applied here"
    for name in ("overview", "matrix", "table2", "ratings", "saturation"):
        assert note in _section(html, name), name
    assert note not in _section(html, "transcripts")


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


def test_rating_cells_show_their_segments_and_fade_weak_ones(cfir: Codebook) -> None:
    from roqa_nlp.framework import SURE_CODE, construct_ratings

    result = build_result()
    html = render_report(result, cfir, open_coding=OPEN_CODING)
    grid = _section(html, "ratings").split('<table class="ratings">')[1].split("</table>")[0]
    cells = re.findall(
        r'<td class="(r\w+)( thin)?" title="[^"]*">([^<]+)<span class="n">n=(\d+)<', grid
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


def test_heat_map_draws_the_codes_its_caption_and_the_quote_matrix_count(html: str) -> None:
    section = _section(html, "matrix")
    svg = section[section.index("<svg") : section.index("</svg>")]
    caption = re.search(r"× (\d+) codes used", section)
    assert caption
    header = section.split('<table class="matrix">')[1].split("</thead>")[0]
    n_table = header.count("<th title=")
    n_cases = section.split('<table class="matrix">')[1].split("<tbody>")[1].count("<tr><th>")
    # one cell (with its hover title) per case and code drawn
    n_cells = len(re.findall(r"<rect [^>]*><title>", svg))
    assert n_cells % n_cases == 0
    assert int(caption.group(1)) == n_table == n_cells // n_cases


def _contrast(a: str, b: str) -> float:
    def lum(rgb: tuple[int, ...]) -> float:
        c = [x / 255 for x in rgb]
        c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    def rgb(h: str) -> tuple[int, ...]:
        h = h.strip().lstrip("#")
        if "," in h:
            return tuple(int(x) for x in h.split(","))
        return tuple(int(h[i : i + 2], 16) for i in (0, 2, 4))

    la, lb = lum(rgb(a)), lum(rgb(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def test_text_colours_meet_wcag_aa_contrast() -> None:
    from roqa_nlp.report import HERE

    css = (HERE / "static" / "report.css").read_text(encoding="utf-8")
    # domain chips carry white bold 12 px text
    for name, value in re.findall(r"--(d[0-9xn]): ([\d, ]+);", css):
        assert _contrast(value, "#ffffff") >= 4.5, name
    muted = re.search(r"--muted: (#[0-9a-f]{6})", css)
    assert muted and _contrast(muted.group(1), "#ffffff") >= 4.5
    assert re.search(r"\.row\.question p, \.row\.question \.spk \{ color: var\(--muted\)", css)
    # a transcript's review progress, on its heading's grey
    soft = re.search(r"--soft: (#[0-9a-f]{6})", css)
    assert soft and _contrast(muted.group(1), soft.group(1)) >= 4.5
    assert re.search(r"summary \.progress \{[^}]*color: var\(--muted\)", css)
    done = re.search(r"summary \.progress\.done \{ color: (#[0-9a-f]{6})", css)
    assert done and _contrast(done.group(1), soft.group(1)) >= 4.5
    # white text on buttons and rating cells
    for rule in ("#save-decisions {", 'button[aria-pressed="true"].accept {', ".rp2 {", ".rm2 {"):
        body = css[css.index(rule) :].split("}")[0]
        bg = re.search(r"background: (#[0-9a-f]{6})", body)
        assert bg and "color: #fff" in body, rule
        assert _contrast(bg.group(1), "#ffffff") >= 4.5, rule


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
    assert re.findall(r'<span class="progress no-print">([^<]*)</span></summary>', section) == [
        "4 segments to review",
        "4 segments to review",
        "3 segments to review",
    ]
    # one transcript: nothing to pick
    one = render_report(build_result({"p03_interview": INTERVIEWS["p03_interview"]}), cfir)
    assert "transcript-select" not in _section(one, "transcripts")
    assert '<span class="progress no-print">3 segments to review</span>' in one
