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
