"""The bootstrap intervals (and every figure) depend on the data, not on the order it comes in.

Blind tester, session 67: with three coders, one long table's rows in another order (a coder's
rows first, or the whole table sorted the other way in a spreadsheet), or the coders' files
named in another order, gave other intervals with the same seed: pooled kappa [-0.237, 0.085]
and [-0.241, 0.102]. The units were resampled in the order they first came. They are resampled
by transcript, start and id now, and the means over pairs of coders are added in one order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from agree_helpers import mostly_agreeing_rows
from roqa_nlp.coding_agreement import agreement_report, read_long_csv, valence_agreement
from test_cli_agree import run

pytestmark = pytest.mark.filterwarnings("error")

#: Twelve units, three coders (C gave u03 no row); a code with a valence, B's on every fourth
#: unit neutral. The tester's table (edge/ord_ABC.csv) with a valence column.
CODES = {
    "A": "X - X Y X Y Y Y - Y X X",
    "B": "Y X Y Y - X - Y Y - X -",
    "C": "X Y . X X X - - X Y - X",
}
ROWS = [
    (f"u{k + 1:02d}", coder, code)
    for coder, cells in CODES.items()
    for k, code in enumerate(cells.split())
    if code != "."
]


def row(unit: str, coder: str, code: str) -> str:
    if code == "-":
        return f"{unit},{coder},,\n"
    neutral = coder == "B" and int(unit[1:]) % 4 == 0
    valence = "neutral" if neutral else {"X": "barrier", "Y": "enabler"}[code]
    return f"{unit},{coder},{code},{valence}\n"


def table(tmp_path: Path, name: str, rows: list[tuple[str, str, str]]) -> Path:
    p = tmp_path / name
    p.write_text("unit,coder,code,valence\n" + "".join(row(*r) for r in rows), encoding="utf-8")
    return p


ORDERS = {
    "as_given.csv": ROWS,
    "c_first.csv": [r for r in ROWS if r[1] == "C"] + [r for r in ROWS if r[1] != "C"],
    "reversed.csv": ROWS[::-1],
}


def figures(found: dict[str, Any]) -> str:
    """The figures of ``roqa agree --json``, written out: every pair under its two coders in
    name order (the coders are listed in the order given)."""

    def by_pair(pairs: list[dict[str, Any]]) -> dict[str, Any]:
        out = {}
        for p in pairs:
            p = dict(p)
            names = sorted((p.pop("coder_a"), p.pop("coder_b")))
            p.pop("table", None)  # the valence table is a's rows by b's columns
            out[" / ".join(names)] = p
        return out

    valence = dict(found["valence"])
    valence["coders"] = sorted(valence["coders"])
    valence["pairs"] = by_pair(valence["pairs"])
    kept = {
        k: found[k]
        for k in ("n_units", "codes", "pooled", "per_code", "single_code", "versus_humans")
    }
    kept |= {"pairs": by_pair(found["pairs"]), "valence": valence}
    return json.dumps(kept, sort_keys=True)


def test_three_coders_rows_in_any_order_give_the_same_intervals(tmp_path, capsys) -> None:
    said = {}
    for name, rows in ORDERS.items():
        out = tmp_path / f"{name}.json"
        code, _, err = run(["agree", str(table(tmp_path, name, rows)), "--json", str(out)], capsys)
        assert code == 0, err
        said[name] = json.loads(out.read_text(encoding="utf-8"))
    first = said["as_given.csv"]
    # the figures the rows as given gave before (the order of the units is theirs)
    assert first["pooled"]["all"]["kappa"] == pytest.approx(-0.0772065667112477)
    assert first["pooled"]["all"]["ci"]["kappa"] == pytest.approx(
        [-0.23706485813059774, 0.08509588450764924]
    )
    assert first["valence"]["n_pairs"] == 8
    for name in ("c_first.csv", "reversed.csv"):
        assert figures(said[name]) == figures(first), name


#: Forty units (u1 ... u40, so that u10 sorts after u9), three coders who agree mostly, on codes
#: and valences; C coded some units not at all.
MANY = mostly_agreeing_rows(
    67, 40, "ABC", sometimes_missing="C", p_missing=0.1, p_code=0.75, p_valence=0.8
)


def many(tmp_path: Path, name: str, rows: list[tuple[str, str, str, str]]) -> Path:
    p = tmp_path / name
    p.write_text(
        "unit,coder,code,valence\n" + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8"
    )
    return p


def test_two_coders_rows_in_any_order_give_the_same_intervals(tmp_path) -> None:
    two = [r for r in MANY if r[1] != "C"]
    reports = [
        agreement_report(read_long_csv(many(tmp_path, name, rows)), seed=3).to_dict()
        for name, rows in (("ab.csv", two), ("ba.csv", two[::-1]))
    ]
    assert reports[1]["coders"] == ["B", "A"]
    assert figures(reports[1]) == figures(reports[0])


def test_valence_agreement_from_python_resamples_the_units_in_one_order(tmp_path) -> None:
    found = []
    for name, rows in (("abc.csv", MANY), ("cba.csv", MANY[::-1])):
        v = valence_agreement(read_long_csv(many(tmp_path, name, rows)), seed=5)[0]
        assert v is not None
        found.append(json.dumps(v.ci, sort_keys=True))
    assert found[1] == found[0]
