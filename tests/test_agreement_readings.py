"""Specification of the readings printed beside a coefficient: Landis & Koch's band and
Krippendorff's verdict take a value that is a bound but for floating-point error as the bound, and
``roqa agree`` shows a value with as many digits as it takes to sit on the side of the bound its
reading says. Before (code review s45): kappa 0.6 computed as 0.6000000000000001 read
"substantial" though 0.41-0.60 is moderate, and alpha 0.79958 was shown "0.800 | tentative" right
above a line saying 0.800 is enough to rely on the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.agreement import cohen_kappa, krippendorff_label, landis_koch_label
from roqa_nlp.framework import beside_line
from test_cli_agree import run


def test_a_kappa_of_exactly_060_in_floating_point_reads_moderate() -> None:
    """Figured over counts this kappa is 0.6 itself (session 76, D7); over proportions it was
    0.6000000000000001, which must still read as the bound it is."""
    kappa = cohen_kappa([1, 0, 1, 0, 1, 0, 0, 0, 1, 1], [1, 0, 1, 0, 1, 0, 1, 0, 0, 1])
    assert kappa == 0.6
    assert landis_koch_label(kappa) == "moderate"
    assert landis_koch_label(0.6000000000000001) == "moderate"


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (0.2 + 1e-12, "slight"),
        (0.2 + 1e-6, "fair"),
        (0.8 - 1e-12, "substantial"),
        (0.8 + 1e-12, "substantial"),
        (0.8 + 1e-6, "almost perfect"),
        (-1e-16, "slight"),
        (-1e-6, "poor"),
    ],
)
def test_a_band_bound_is_the_bound_within_floating_point_error(value: float, label: str) -> None:
    assert landis_koch_label(value) == label


@pytest.mark.parametrize(
    ("alpha", "label"),
    [(0.8 - 1e-12, "reliable"), (0.79958, "tentative"), (0.667 - 1e-12, "tentative")],
)
def test_krippendorffs_thresholds_are_met_within_floating_point_error(
    alpha: float, label: str
) -> None:
    assert krippendorff_label(alpha) == label


@pytest.mark.parametrize(
    ("value", "line", "shown"),
    [
        (0.79958, 0.8, "0.7996"),
        (0.8004, 0.8, "0.8004"),
        (0.80000001, 0.8, "0.8001"),
        (0.79999999, 0.8, "0.7999"),
        (0.812, 0.8, "0.812"),
        (0.6000000000000001, 0.6, "0.600"),
        (-1e-16, 0.0, "0.000"),
        (-0.0003, 0.0, "-0.0003"),
    ],
)
def test_a_value_beside_a_line_is_shown_on_its_side_of_it(
    value: float, line: float, shown: str
) -> None:
    assert beside_line(value, line, 3, within=1e-9) == shown


def table_row(out: str, statistic: str) -> list[str]:
    """The cells of the first table row that starts with ``statistic``."""
    for line in out.splitlines():
        cells = [c.strip() for c in line.strip("│ ").split("│")]
        if cells[0] == statistic:
            return cells
    raise AssertionError(f"no row {statistic!r} in\n{out}")


def long_csv(path: Path, a: list[int], b: list[int]) -> Path:
    rows = ["unit,coder,code"]
    for i, (x, y) in enumerate(zip(a, b, strict=True), 1):
        rows += [f"u{i:02d},A,{'Staffing' * x}", f"u{i:02d},B,{'Staffing' * y}"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_alpha_just_below_0800_is_shown_below_it(tmp_path: Path, capsys) -> None:
    """10 units both coded, 3 B alone, 19 neither: 64 values, 23 'Staffing'; alpha = 1 - (6/64)
    / (2 * 23 * 41 / (64 * 63)) = 1508/1886 = 0.79958."""
    p = long_csv(tmp_path / "a.csv", [1] * 10 + [0] * 22, [1] * 13 + [0] * 19)
    code, out, err = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert table_row(out, "Krippendorff's alpha") == ["Krippendorff's alpha", "0.7996", "tentative"]
    assert table_row(out, "Cohen's kappa") == ["Cohen's kappa", "0.798", "substantial"]


def test_kappa_of_060_is_shown_and_read_as_moderate(tmp_path: Path, capsys) -> None:
    p = long_csv(tmp_path / "k.csv", [1, 0, 1, 0, 1, 0, 0, 0, 1, 1], [1, 0, 1, 0, 1, 0, 1, 0, 0, 1])
    code, out, err = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert table_row(out, "Cohen's kappa") == ["Cohen's kappa", "0.600", "moderate"]
    assert table_row(out, "Gwet's AC1") == ["Gwet's AC1", "0.600", "moderate"]
