"""``roqa code`` carries a saved review into the new report.html: a researcher reviewed P01,
adds P02 weeks later and codes the folder again; the decisions.csv saved in the output folder
(or given with ``--decisions``) shows in the new report, matched to the segments by their text."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from roqa_nlp.result import CodingResult
from test_cli_agree import run

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "interviews"


def embedded(html: str) -> list[list[str]]:
    (data,) = re.findall(r'id="roqa-decisions">(.*?)</script>', html, re.S)
    return json.loads(data)


def test_roqa_code_again_keeps_the_review_of_the_first_run(
    tiny_model_dir: Path, tmp_path: Path, capsys
) -> None:
    interviews, out = tmp_path / "interviews", tmp_path / "coded"
    interviews.mkdir()
    shutil.copy(EXAMPLES / "p01_interview.txt", interviews)
    args = ["code", str(interviews), "--out", str(out), "--model", str(tiny_model_dir)]
    code, _, err = run(args, capsys)
    assert code == 0, err
    first = [s for s in CodingResult.read(out) if s.suggestions][:2]
    assert len(first) == 2
    with (out / "decisions.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["segment_id", "decision", "code_id", "new_code", "note", "text"])
        for s in first:
            w.writerow([s.segment.id, "accept", s.suggestions[0].code_id, "", "", s.segment.text])
        w.writerow(["p01_interview:0099", "reject", "IC.H", "", "", "Nobody said this at all."])
    shutil.copy(EXAMPLES / "p02_interview.vtt", interviews)  # weeks later: P02

    code, stdout, err = run(args, capsys)
    assert code == 0, err
    assert (
        f"decisions: 2 on 2 segments (2 accept) carried into the report from "
        f"{out / 'decisions.csv'} (found beside the codings); 1 matches no segment: "
        "p01_interview:0099 (row 4)"
    ) in stdout.splitlines()
    again = {s.segment.text: s.segment.id for s in CodingResult.read(out)}
    assert embedded((out / "report.html").read_text(encoding="utf-8")) == [
        [again[s.segment.text], "accept", s.suggestions[0].code_id, "", ""] for s in first
    ]

    review = tmp_path / "review.csv"
    shutil.move(out / "decisions.csv", review)
    code, stdout, err = run([*args, "--decisions", str(review)], capsys)
    assert code == 0, err
    assert (
        f"decisions: 2 on 2 segments (2 accept) carried into the report from {review}; 1 " in stdout
    )


def test_roqa_code_carries_a_recode_to_a_misspelt_code_with_one_warning(
    tiny_model_dir: Path, tmp_path: Path, capsys
) -> None:
    """As roqa report --decisions carries it: one warning naming the code the codebook lacks,
    its row and the code nearest (before, refused only when a look-alike code existed, carried
    silently otherwise: tester, session 46); not a row that matches no segment, which is not
    carried (before, 'ZZZ' was named too, as "carried ... shown as Also decided")."""
    interviews, out = tmp_path / "interviews", tmp_path / "coded"
    interviews.mkdir()
    shutil.copy(EXAMPLES / "p01_interview.txt", interviews)
    review = tmp_path / "decisions.csv"
    review.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        "p01_interview:0002,recode,Leadership Engagment,,,\n"
        "p01_interview:0099,accept,ZZZ,,,Nobody said this at all.\n",
        encoding="utf-8",
    )
    args = ["code", str(interviews), "--out", str(out), "--model", str(tiny_model_dir)]
    code, out_, err = run([*args, "--decisions", str(review)], capsys)
    assert code == 0
    assert (
        f"decisions: 1 on 1 segment (1 recode) carried into the report from {review}; 1 "
        "matches no segment: p01_interview:0099 (row 3)"
    ) in out_.splitlines()
    assert [line for line in err.splitlines() if str(review) in line] == [
        f"roqa: warning: {review}: 1 decision on 1 code that codebook 'cfir-2009' lacks, carried "
        "as they came (shown as \"Also decided\"): 'Leadership Engagment' (row 2; near "
        "'Leadership Engagement'); recode them in the page (or in the file) to codes of "
        "'cfir-2009', or chart the report in the codebook they were made in (--codebook)"
    ]
    assert (out / "report.html").is_file()


TEAM = {
    "id": "team-2024",
    "name": "Team codebook",
    "version": "1",
    "codes": [
        {"id": "T1", "name": "Staff engagement", "description": "Staff taking part."},
        {"id": "T2", "name": "Funding", "description": "Money for the service."},
    ],
    "mapping": {"cfir-2009": {"T1": ["PR.B"], "T2": ["IS.E.2"]}},
}


@pytest.mark.parametrize(
    ("code_id", "warned"),
    [
        ("Staff engagement", None),  # before: unknown code ... in codebook 'cfir-2009'
        (
            "Staff engagment",
            "1 decision on 1 code that codebook 'team-2024' lacks, carried as they came (shown "
            "as \"Also decided\"): 'Staff engagment' (row 2; near 'Staff engagement'); recode "
            "them in the page (or in the file) to codes of 'team-2024', or chart the report in "
            "the codebook they were made in (--codebook)",
        ),
    ],
)
def test_roqa_code_checks_the_codes_of_the_codebook_the_report_is_charted_in(
    tiny_model_dir: Path, tmp_path: Path, capsys, code_id: str, warned: str | None
) -> None:
    """A review made in --codebook team.json is checked against its codes, as roqa report
    --codebook team.json checks it, not the model's (hunter, session 39); a code it lacks is
    carried and warned of (session 46)."""
    interviews, out = tmp_path / "interviews", tmp_path / "coded"
    interviews.mkdir()
    shutil.copy(EXAMPLES / "p01_interview.txt", interviews)
    team = tmp_path / "team.json"
    team.write_text(json.dumps(TEAM), encoding="utf-8")
    review = tmp_path / "decisions.csv"
    review.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0002,recode,{code_id},,,\n",  # on the segment of its id
        encoding="utf-8",
    )
    args = ["code", str(interviews), "--out", str(out), "--model", str(tiny_model_dir)]
    code, _, err = run([*args, "--codebook", str(team), "--decisions", str(review)], capsys)
    assert code == 0
    assert (out / "report.html").is_file()
    assert [line for line in err.splitlines() if str(review) in line] == (
        [] if warned is None else [f"roqa: warning: {review}: {warned}"]
    )


RM09 = (
    "Eleanor Whitcombe: Who helped most with the recovery work?\n\n"
    "Grace Holloway: Tom Brennan at Meadowbank House in Stevenage, ring him on 07700 900461.\n\n"
    "Eleanor Whitcombe: And what helps?\n\n"
    "Grace Holloway: Supervision helps. Every worker gets an hour a week with me, and that is "
    "where we talk about what recovery means for each person.\n"
)
RM09_KEY = (
    "name,pseudonym\nTom Brennan,deputy manager\nMeadowbank House,care home\nStevenage,town\n"
    "Eleanor Whitcombe,Interviewer\nGrace Holloway,P09\n"
)


def _unmatched(html: str) -> dict[str, object]:
    (data,) = re.findall(r'id="roqa-unmatched">(.*?)</script>', html, re.S)
    return json.loads(data)


def test_a_pseudonymised_report_leaves_out_the_words_of_a_review_made_before_pseudonymising(
    tiny_model_dir: Path, tmp_path: Path, capsys
) -> None:
    """Before, report.html's roqa-unmatched block carried the earlier review's row word for
    word ("Tom Brennan at Meadowbank House in Stevenage, ring him on 07700 900461."), and
    `roqa report` wrote it again (privacy tester s59, H1); the row stays in decisions.csv."""
    interviews, out, key = tmp_path / "interviews", tmp_path / "coded", tmp_path / "key.csv"
    interviews.mkdir()
    (interviews / "rm09.txt").write_text(RM09, encoding="utf-8")
    key.write_text(RM09_KEY, encoding="utf-8")
    args = ["code", str(interviews), "--out", str(out), "--model", str(tiny_model_dir)]
    code, _, err = run([*args, "--interviewer", "Eleanor Whitcombe"], capsys)
    assert code == 0, err
    named = next(s for s in CodingResult.read(out) if "Brennan" in s.segment.text)
    review = "segment_id,decision,code_id,new_code,note,text\n" + (
        f'{named.segment.id},accept,{named.suggestions[0].code_id},,,"{named.segment.text}"\n'
    )
    (out / "decisions.csv").write_text(review, encoding="utf-8")

    warned = (
        f"roqa: warning: {out / 'decisions.csv'}: 1 decision (row 2) matches no segment of these "
        "pseudonymised codings and is left out of the report page, whose copy of its words may "
        "be talk from before pseudonymising; it stays in this file, but the page's Save "
        "decisions does not write it (keep this file rather than replace it with the page's)"
    )
    said = {
        "said": "1 decision of the review (row 2) matches no segment of these pseudonymised "
        "codings and is left out of the page: it may be on talk from before pseudonymising, "
        "which the page would carry word for word. Save decisions does not write it: keep the "
        "decisions file it came from"
    }
    code, _, err = run(
        [*args, "--interviewer", "Eleanor Whitcombe", "--pseudonymise", str(key)], capsys
    )
    assert code == 0, err
    assert warned in err.splitlines()
    for command in ("code", "report"):  # roqa report reads transcripts.jsonl, which records it
        html = (out / "report.html").read_text(encoding="utf-8")
        assert [w for w in ("Brennan", "Meadowbank", "Stevenage", "900461") if w in html] == []
        assert _unmatched(html) == said, command
        code, _, err = run(["report", str(out)], capsys)
        assert (code, [line for line in err.splitlines() if "decisions.csv" in line]) == (
            0,
            [warned],
        )
    assert (out / "decisions.csv").read_text(encoding="utf-8") == review  # the decision kept


def test_roqa_code_leaves_a_review_not_in_utf_8_as_the_reviewer_saved_it(
    tiny_model_dir: Path, tmp_path: Path, capsys
) -> None:
    """A review saved in Central-European Excel (cp1250) beside the codings, every suggestion
    of a segment rejected: roqa code --out refuses it with the re-save hint and writes nothing
    to it. Read as Windows-1252, its rows of no code were added and the whole file written
    again as UTF-8, 'Współpraca' as 'Wspó³praca', the reviewer's bytes lost (s78 hunt2 F1)."""
    interviews, out = tmp_path / "interviews", tmp_path / "coded"
    interviews.mkdir()
    shutil.copy(EXAMPLES / "p01_interview.txt", interviews)
    args = ["code", str(interviews), "--out", str(out), "--model", str(tiny_model_dir)]
    code, _, err = run(args, capsys)
    assert code == 0, err
    first, second = [s for s in CodingResult.read(out) if s.suggestions][:2]
    rows = [
        [first.segment.id, "reject", c.code_id, "", "", first.segment.text]
        for c in first.suggestions
    ]
    rows.append([second.segment.id, "new-code", "", "Współpraca z żłobkiem", "Ważne", ""])
    text = io.StringIO()
    w = csv.writer(text, delimiter=";", lineterminator="\r\n")
    w.writerow(["segment_id", "decision", "code_id", "new_code", "note", "text"])
    w.writerows(rows)
    data = text.getvalue().encode("cp1250")
    review = out / "decisions.csv"
    review.write_bytes(data)
    column = text.getvalue().splitlines()[-1].index("ó") + 1
    line = len(rows) + 1

    code, _, err = run(args, capsys)
    assert (code, err) == (
        2,
        f"roqa: error: {review}: is not UTF-8 text (line {line}, column {column}: byte 0xF3, "
        'which is "ó" in Windows-1252) (re-save the file as UTF-8: in Excel, Save As CSV UTF-8 '
        "(Comma delimited))\n",
    )
    assert review.read_bytes() == data
