"""Specification of what the terminal tables of ``roqa agree`` show beside each figure.

The per-code table (``--by code``) showed bare figures while the JSON held their bootstrap
intervals (tester, session 38): it now shows them as the pooled and pair tables do, ``[—]``
where these data cannot give one, with the footnote naming why.
"""

from __future__ import annotations

from pathlib import Path

from test_cli_agree import run

EDGE = Path(__file__).parent / "data" / "agree_edge"


def rows(out: str, title: str) -> list[str]:
    """The body rows of the table titled ``title``, each cell stripped, joined by " | "."""
    lines = out.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith(title))
    body = []
    for line in lines[start + 4 :]:
        if line.startswith("└"):
            break
        body.append(" | ".join(cell.strip() for cell in line.strip("│").split("│")))
    return body


def test_the_per_code_table_shows_each_figures_interval(capsys) -> None:
    """30 units, 1000 resamples, seed 0: the intervals the JSON holds for each code."""
    code, out, err = run(["agree", str(EDGE / "single.csv"), "--by", "code"], capsys)
    assert code == 0, err
    assert rows(out, "Each code") == [
        "Cost | 9 / 5 | 30 | 80.0% [66.7%, 93.3%] | 0.455 [0.081, 0.772] | "
        "0.450 [0.015, 0.773] | 0.689 [0.425, 0.902]",
        "Culture | 5 / 9 | 30 | 80.0% [66.7%, 93.3%] | 0.455 [0.104, 0.793] | "
        "0.450 [0.056, 0.795] | 0.689 [0.400, 0.908]",
        "Planning | 6 / 5 | 30 | 83.3% [70.0%, 96.7%] | 0.444 [-0.071, 0.814] | "
        "0.453 [-0.073, 0.817] | 0.762 [0.520, 0.950]",
    ]


# -- undefined figures ----------------------------------------------------------------------------


def agree_json(tmp_path: Path, capsys, csv: Path, *args: str) -> tuple[str, dict]:
    import json

    out_json = tmp_path / "a.json"
    code, out, err = run(["agree", str(csv), *args, "--json", str(out_json)], capsys)
    assert code == 0, err
    return out, json.loads(out_json.read_text("utf-8"))


def test_a_code_every_coder_applied_everywhere_says_why_kappa_is_undefined(
    tmp_path, capsys
) -> None:
    """Both coders applied Culture to all 6 units: kappa and alpha are undefined (chance
    agreement 1), which is the estimate's own reason, not a resampling problem (it read
    ``ci_withheld_why`` "resamples" with no word on the estimate)."""
    out, data = agree_json(tmp_path, capsys, EDGE / "prev100.csv", "--by", "code")
    culture = next(c for c in data["per_code"] if c["code"] == "Culture")["all"]
    assert (culture["kappa"], culture["alpha"]) == (None, None)
    assert culture["undefined_why"] == {"kappa": "one_category", "alpha": "one_category"}
    assert culture["ci_withheld_why"] == {
        "percent_agreement": "zero_width",
        "kappa": "undefined",
        "alpha": "undefined",
        "ac1": "zero_width",
    }
    assert rows(out, "Each code") == [
        "Cost | 2 / 2 | 6 | 66.7% [—] | 0.250 [—] | 0.312 [—] | 0.400 [—]",
        "Culture | 6 / 6 | 6 | 100.0% [—] | - | - | 1.000 [—]",
    ]
    flat = " ".join(out.split())
    assert (
        "'-' = undefined: every compared unit is in one category (for a code: every coder "
        "applied it there, or none did), so kappa's and alpha's chance agreement is 1."
    ) in flat


def test_no_code_applied_by_anyone_is_said_so(tmp_path, capsys) -> None:
    out, data = agree_json(tmp_path, capsys, EDGE / "empty_codes.csv", "--by", "code")
    note = (
        "no coder applied any code to the 2 compared units, so there is no code to compare: "
        "every figure of codes is undefined"
    )
    assert note in data["notes"]
    assert f"Note: {note}." in " ".join(out.split())
    assert data["pooled"]["all"]["undefined_why"] == {
        "percent_agreement": "no_code",
        "kappa": "no_code",
        "alpha": "no_code",
        "ac1": "no_code",
    }
    assert "Each code" not in out


def test_no_code_applied_by_anyone_leaves_the_one_code_view_undefined_too(tmp_path, capsys) -> None:
    """Every unit '(none)' from both coders is no coding to agree on, as the pooled figures
    and the note say. Before (blind tester, session 50, finding 3), the one-code line read
    "agreement 100.0%, kappa -, alpha - (nominal), AC1 1.000" (JSON percent_agreement 1.0,
    ac1 1.0) under the note that every figure of codes is undefined."""
    out, data = agree_json(tmp_path, capsys, EDGE / "empty_codes.csv")
    single = data["single_code"]["all"]
    assert single["n_units"] == 2 and single["n_with_code"] == 0
    assert [single[k] for k in ("percent_agreement", "kappa", "alpha", "ac1")] == [None] * 4
    assert single["undefined_why"] == {
        "percent_agreement": "no_code",
        "kappa": "no_code",
        "alpha": "no_code",
        "ac1": "no_code",
    }
    assert single["ci_withheld_why"] == {"kappa": "undefined", "ac1": "undefined"}
    flat = " ".join(out.split())
    assert (
        "One code per unit (each unit's code, or (none), as one nominal value, n=2): agreement "
        "-, kappa -, alpha - (nominal), AC1 -."
    ) in flat
    assert "'-' = undefined: no coder applied any code to the compared units. Use" in flat


def test_no_code_applied_by_anyone_still_counts_the_units_compared(tmp_path, capsys) -> None:
    """The pooled line, the pairs table and the one-code line all count the 2 units both
    coders coded (with nothing); the coded universe has none. Before (re-tester, session 50,
    finding 7), the header said the units and the one-code line n=2, but the pooled line read
    "all units (n=0)" and the pair's row 0 units."""
    out, data = agree_json(tmp_path, capsys, EDGE / "empty_codes.csv", "--n-boot", "0")
    assert data["pooled"]["all"]["n_units"] == 2
    assert data["pooled"]["coded"]["n_units"] == 0
    assert [p["all"]["n_units"] for p in data["pairs"]] == [2]
    assert [p["coded"]["n_units"] for p in data["pairs"]] == [0]
    assert data["single_code"]["all"]["n_units"] == 2
    flat = " ".join(out.split())
    assert "Pooled over every code, presence/absence, all units (n=2)" in flat
    assert rows(out, "Every pair of coders")[0].startswith("A | B | human-human | 2 | -")


def test_without_resamples_the_pooled_column_promises_no_interval(capsys) -> None:
    """--n-boot 0 gives no bootstrap interval: the column is "value", not "value [95% CI]"."""
    code, out, err = run(["agree", str(EDGE / "single.csv"), "--n-boot", "0"], capsys)
    assert code == 0, err
    header = next(line for line in out.splitlines() if "statistic" in line)
    assert [c.strip() for c in header.strip("┃").split("┃")] == ["statistic", "value", "reading"]
    code, out, err = run(["agree", str(EDGE / "single.csv"), "--n-boot", "10"], capsys)
    header = next(line for line in out.splitlines() if "statistic" in line)
    assert [c.strip() for c in header.strip("┃").split("┃")] == [
        "statistic",
        "value [95% CI]",
        "reading",
    ]


COST_GUID = "d7c64166-681e-5210-8c05-af7e1ab59a23"
STAFF_GUID = "c15c74a7-1487-573b-aa3a-40a9d32007bd"
OTHER_STAFF = "a15c74a7-1487-573b-aa3a-40a9d32007bd"


def project(tmp_path: Path, user: str, coded: list[tuple[str, str]]) -> Path:
    """A QDA coder's selections of six 10-character units of p01, each given its (GUID, name)
    code, or none when the GUID is empty."""
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript

    text = "".join(f"Sentence{k}.\n" for k in range(6))
    CodingResult(
        segments=[
            SegmentResult(
                Segment(f"p01:@{k}", "p01", "P01", "participant", 11 * k, 11 * k + 10, "x"),
                [Suggestion(guid, name, None, 1.0)] if guid else [],
            )
            for k, (guid, name) in enumerate(coded)
        ],
        transcripts={"p01": Transcript("p01", text, [], participant="P01")},
        meta={"source": "REFI-QDA", "user": {"name": user}},
    ).save(tmp_path / user)
    return tmp_path / user


def test_a_qda_projects_own_codes_are_shown_by_name_not_guid(tmp_path, capsys) -> None:
    """Before, the code column showed each code's GUID beside its name (tester, session 50).
    Two codes of one name keep the start of their GUID apart."""
    cost, staff, other = (COST_GUID, "Cost"), (STAFF_GUID, "Staffing"), (OTHER_STAFF, "Staffing")
    ana = project(tmp_path, "Ana", [cost, cost, staff, ("", ""), staff, other])
    ben = project(tmp_path, "Ben", [cost, ("", ""), staff, ("", ""), staff, other])
    code, out, err = run(["agree", str(ana), str(ben), "--by", "code", "--n-boot", "0"], capsys)
    assert code == 0, err
    assert COST_GUID not in out
    assert [r.split(" | ")[:2] for r in rows(out, "Each code")] == [
        ["Cost", "2 / 1"],
        ["Staffing (a15c74a7)", "1 / 1"],
        ["Staffing (c15c74a7)", "2 / 2"],
    ]
