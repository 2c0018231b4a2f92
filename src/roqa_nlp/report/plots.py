"""The report's figures, written directly as inline SVG text (no plotting library).

Each figure is a handful of rectangles, lines and text labels, so it is drawn here in plain
Python: importing and running matplotlib for them cost about 3 s of a 4 s report of a seed-size
study. Text stays text (the page's own sans-serif font draws it, and it stays searchable), every
label from the data is escaped, every number is formatted with fixed precision, and the same
result always gives byte-identical SVG. Units are CSS pixels; the page's CSS scales a figure down
to the column width keeping its aspect ratio.

The heat map's colour scale is ColorBrewer's sequential "Blues" (Brewer, Hatchard & Harrower 2003,
www.ColorBrewer.org), interpolated linearly in RGB, as matplotlib's ``Blues`` colour map is.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..framework import FrameworkMatrix, Saturation

INK = "#1f2937"
MUTED = "#4b5563"
BLUE = "#2563eb"
ORANGE = "#d97706"
GREY = "#9ca3af"
NO_CODE = "#bbaadd"  # the report's colour for "fits no code" (--dn in report.css)
GREEN = "#16a34a"
DARK_GREEN = "#166534"
PURPLE = "#7c3aed"
#: ColorBrewer "Blues", 9 classes, light to dark.
BLUES = (
    "#f7fbff",
    "#deebf7",
    "#c6dbef",
    "#9ecae1",
    "#6baed6",
    "#4292c6",
    "#2171b5",
    "#08519c",
    "#08306b",
)
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


def num(x: float) -> str:
    """A coordinate as short, stable text: at most two decimals, no trailing zeros."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def text_width(labels: Sequence[str], size: float) -> float:
    """Rough width in pixels of the longest label at font ``size`` px (0.6 em per character)."""
    return max((len(t) for t in labels), default=0) * size * 0.6


def blues(t: float) -> str:
    """The colour of ``t`` in [0, 1] on the Blues scale, as ``#rrggbb``."""
    t = min(max(t, 0.0), 1.0) * (len(BLUES) - 1)
    i = min(int(t), len(BLUES) - 2)
    f = t - i
    a, b = BLUES[i], BLUES[i + 1]
    rgb = (round(int(a[k : k + 2], 16) * (1 - f) + int(b[k : k + 2], 16) * f) for k in (1, 3, 5))
    return "#" + "".join(f"{c:02x}" for c in rgb)


def nice_ticks(vmax: float, *, target: int = 6, integer: bool = False) -> list[float]:
    """Evenly spaced ticks from 0 covering ``vmax``: a step of 1, 2, 2.5 or 5 times a power of
    ten (integer axes: 1, 2 or 5, at least 1), about ``target`` intervals; the last tick is the
    first one at or above ``vmax``."""
    vmax = vmax if vmax > 0 else 1.0
    raw = vmax / target
    mag = 10.0 ** math.floor(math.log10(raw))
    steps = (1.0, 2.0, 5.0, 10.0) if integer else (1.0, 2.0, 2.5, 5.0, 10.0)
    step = next(m * mag for m in steps if m * mag >= raw * (1 - 1e-9))
    if integer:
        step = max(1.0, float(round(step)))
    n = math.ceil(vmax / step - 1e-9)
    return [round(i * step, 10) for i in range(n + 1)]


def tick_label(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


class Figure:
    """An SVG canvas: elements are appended as text; :meth:`svg` wraps them in the root."""

    def __init__(self, width: float, height: float, label: str):
        self.width = width
        self.height = height
        self.label = label
        self.parts: list[str] = []

    def add(self, element: str) -> None:
        self.parts.append(element)

    def rect(self, x: float, y: float, w: float, h: float, fill: str, extra: str = "") -> None:
        self.add(
            f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" '
            f'fill="{fill}"{extra}/>'
        )

    def line(
        self, x1: float, y1: float, x2: float, y2: float, stroke: str, extra: str = ""
    ) -> None:
        self.add(
            f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
            f'stroke="{stroke}"{extra}/>'
        )

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        size: float = 10,
        anchor: str = "start",
        fill: str = INK,
        rotate: bool = False,
        extra: str = "",
    ) -> None:
        """``content`` at (x, y); ``y`` is the middle of the text (``dy=0.35em``)."""
        turn = f' transform="rotate(-90 {num(x)} {num(y)})"' if rotate else ""
        self.add(
            f'<text x="{num(x)}" y="{num(y)}" dy="0.35em" font-size="{num(size)}" '
            f'text-anchor="{anchor}" fill="{fill}"{turn}{extra}>{escape(content)}</text>'
        )

    def polyline(self, points: Sequence[tuple[float, float]], stroke: str, extra: str = "") -> None:
        pts = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        self.add(f'<polyline points="{pts}" fill="none" stroke="{stroke}"{extra}/>')

    def svg(self) -> str:
        w, h = num(self.width), num(self.height)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
            f'viewBox="0 0 {w} {h}" class="plot" role="img" aria-label="{escape(self.label)}" '
            f'font-family="{FONT}">\n' + "\n".join(self.parts) + "\n</svg>\n"
        )


class Axes:
    """A plot area at (left, top) of size (width, height) mapping data ranges to pixels."""

    def __init__(
        self,
        fig: Figure,
        left: float,
        top: float,
        width: float,
        height: float,
        xlim: tuple[float, float],
        ylim: tuple[float, float],
    ):
        self.fig, self.left, self.top, self.width, self.height = fig, left, top, width, height
        self.xlim, self.ylim = xlim, ylim

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def right(self) -> float:
        return self.left + self.width

    def x(self, v: float) -> float:
        lo, hi = self.xlim
        return self.left + (v - lo) / (hi - lo) * self.width

    def y(self, v: float) -> float:
        lo, hi = self.ylim
        return self.bottom - (v - lo) / (hi - lo) * self.height

    def spines(self, *, right: bool = False) -> None:
        f = self.fig
        f.line(self.left, self.top, self.left, self.bottom, INK)
        f.line(self.left, self.bottom, self.right, self.bottom, INK)
        if right:
            f.line(self.right, self.top, self.right, self.bottom, INK)

    def yticks(
        self, ticks: Sequence[float], *, side: str = "left", fill: str = INK, size: float = 10
    ) -> None:
        f = self.fig
        for t in ticks:
            y = self.y(t)
            if side == "left":
                f.line(self.left - 4, y, self.left, y, INK)
                f.text(self.left - 6, y, tick_label(t), size=size, anchor="end", fill=fill)
            else:
                f.line(self.right, y, self.right + 4, y, INK)
                f.text(self.right + 6, y, tick_label(t), size=size, fill=fill)

    def xticks(self, ticks: Sequence[float], labels: Sequence[str], *, size: float = 10) -> None:
        f = self.fig
        for t, label in zip(ticks, labels, strict=True):
            x = self.x(t)
            f.line(x, self.bottom, x, self.bottom + 4, INK)
            f.text(x, self.bottom + 12, label, size=size, anchor="middle")


def legend(fig: Figure, x: float, y: float, items: Sequence[tuple[str, str, str]]) -> None:
    """Legend entries ``(kind, colour, label)`` in a row from (x, y), above the plot so that it
    never hides data; kind = bar, line (with a marker), dashed or square."""
    for kind, colour, label in items:
        if kind == "bar":
            fig.rect(x, y - 4, 14, 8, colour)
        elif kind == "line":
            fig.line(x, y, x + 14, y, colour, ' stroke-width="1.5"')
            fig.add(f'<circle cx="{num(x + 7)}" cy="{num(y)}" r="2.5" fill="{colour}"/>')
        elif kind == "dashed":
            fig.line(x, y, x + 14, y, colour, ' stroke-dasharray="4 3"')
        else:
            fig.rect(x + 3, y - 4, 8, 8, colour)
        fig.text(x + 18, y, label, size=9)
        x += 18 + len(label) * 9 * 0.6 + 14


# -- the figures ------------------------------------------------------------------------------


def heatmap_svg(matrix: FrameworkMatrix, codes: Sequence[str] | None = None) -> str | None:
    """The framework matrix as a heat map: cases x codes, colour = number of segments, the count
    written in each non-empty cell, a colour bar, and each cell's case, code and count on hover;
    ``codes``: the columns drawn (the report gives the codes used), else every code."""
    columns = list(matrix.codes if codes is None else codes)
    if not matrix.cases or not columns:
        return None
    counts = [[matrix.count(c, k) for k in columns] for c in matrix.cases]
    from ..codebook import shown_code

    # the columns by id, a new code by its name (project.<its name> says no more)
    shown = [shown_code(k, matrix.names.get(k), matrix.names) for k in columns]
    n_rows, n_cols = len(matrix.cases), len(columns)
    top = max((max(r) for r in counts), default=0) or 1
    cell_w, cell_h = 18.0, 22.0
    # each row by its case, a joint interview's participants beside it (as the matrix's files)
    labels = [matrix.row_label(c) for c in matrix.cases]
    left = text_width(labels, 11) + 12
    plot_top = 8.0
    plot_w, plot_h = n_cols * cell_w, n_rows * cell_h
    bottom = plot_top + plot_h
    ticks = [t for t in nice_ticks(top, integer=True) if t <= top]
    bar_x = left + plot_w + 14
    tick_w = text_width([tick_label(t) for t in ticks], 10)
    width = bar_x + 12 + 6 + tick_w + 24
    height = bottom + text_width(shown, 10) + 10 + 24
    fig = Figure(width, height, f"Heat map of segments per {matrix.case_kind} and code")
    for i, (case, row) in enumerate(zip(labels, counts, strict=True)):
        y = plot_top + i * cell_h
        fig.text(left - 6, y + cell_h / 2, case, size=11, anchor="end")
        for j, (code, v) in enumerate(zip(columns, row, strict=True)):
            x = left + j * cell_w
            what = f"{case} · {matrix.column_label(code)}: {v} segment"
            tip = f"<title>{escape(what + ('' if v == 1 else 's'))}</title>"
            fig.add(
                f'<rect x="{num(x)}" y="{num(y)}" width="{num(cell_w)}" height="{num(cell_h)}" '
                f'fill="{blues(v / top)}">{tip}</rect>'
            )
            if v:
                ink = "#ffffff" if v > top * 0.55 else INK
                fig.text(x + cell_w / 2, y + cell_h / 2, str(v), size=8, anchor="middle", fill=ink)
    for j, label in enumerate(shown):
        x = left + j * cell_w + cell_w / 2
        fig.text(x, bottom + 6, label, size=10, anchor="end", rotate=True)
    fig.text(left + plot_w / 2, height - 12, "code", size=11, anchor="middle")
    stops = "".join(
        f'<stop offset="{num(k / (len(BLUES) - 1))}" stop-color="{c}"/>'
        for k, c in enumerate(BLUES)
    )
    fig.add(
        f'<defs><linearGradient id="roqa-blues" x1="0" y1="1" x2="0" y2="0">{stops}'
        "</linearGradient></defs>"
    )
    fig.rect(bar_x, plot_top, 12, plot_h, "url(#roqa-blues)")
    for t in ticks:
        y = bottom - t / top * plot_h
        fig.line(bar_x + 12, y, bar_x + 16, y, INK)
        fig.text(bar_x + 18, y, tick_label(t), size=10)
    fig.text(bar_x + 18 + tick_w + 12, plot_top + plot_h / 2, "segments", size=11,
             anchor="middle", rotate=True)  # fmt: skip
    return fig.svg()


def band_label(fig: Figure, ax: Axes, x0: float, x1: float, label: str) -> None:
    """``label`` inside the band from ``x0`` to ``x1`` at the foot of the plot, where a quiet
    run has no bars: centred across it, or, when the band is narrower than the label (a
    stopping criterion of one or two interviews), turned upright in its middle, so it never
    runs out of the band, nor over the axis at its right."""
    middle = (x0 + x1) / 2
    if text_width([label], 9) + 6 <= x1 - x0:
        fig.text(middle, ax.bottom - 10, label, size=9, anchor="middle", fill=DARK_GREEN)
    else:
        fig.text(middle, ax.bottom - 6, label, size=9, fill=DARK_GREEN, rotate=True)


def saturation_svg(sat: Saturation) -> str | None:
    """New codes per interview (bars) and the cumulative number of codes (line), with the
    initial sample and the interviews at which each saturation rule was met marked. The axis
    runs over the study's interviews (:meth:`~roqa_nlp.framework.Saturation.slots`): one a
    review did not reach keeps its place, shaded and marked ``not reviewed``, with no bar and
    no point, the line broken over it, so that the interviews after it keep their places."""
    n = len(sat.interviews)
    if n == 0:
        return None
    slots = sat.slots()
    at = {k: i for i, (_, k, _) in enumerate(slots, 1) if k is not None}  # interview -> slot
    new = sat.new_counts
    left_ticks = nice_ticks(max(new + [1]), integer=True)
    right_top = max(sat.cumulative + [1]) * 1.1
    right_ticks = [t for t in nice_ticks(right_top, integer=True) if t <= right_top]
    width = max(560.0, 36.0 * len(slots) + 160)
    height = 300.0
    ax = Axes(
        Figure(width, height, "New codes per interview and codes so far"),
        left=56,
        top=40,
        width=width - 56 - 64,
        height=height - 40 - 74,
        xlim=(0.4, len(slots) + 0.6),
        ylim=(0.0, left_ticks[-1]),
    )
    fig = ax.fig
    right = Axes(fig, ax.left, ax.top, ax.width, ax.height, ax.xlim, (0.0, right_top))
    for i, (_, k, _) in enumerate(slots, 1):
        if k is None:
            x0, x1 = ax.x(i - 0.5), ax.x(i + 0.5)
            fig.rect(x0, ax.top, x1 - x0, ax.height, GREY, ' fill-opacity="0.15"')
            # upright from the top, clear of the label of a quiet run's band at the foot
            fig.text(ax.x(i), ax.top + 6, "not reviewed", size=9, anchor="end", fill=MUTED,
                     rotate=True)  # fmt: skip
    f = sat.francis
    if f.at is not None:
        x0, x1 = ax.x(at[sat.quiet_run()[0]] - 0.5), ax.x(at[f.at] + 0.5)
        fig.rect(x0, ax.top, x1 - x0, ax.height, GREEN, ' fill-opacity="0.12"')
    for k, v in enumerate(new, 1):
        if v:
            x0, x1 = ax.x(at[k] - 0.35), ax.x(at[k] + 0.35)
            fig.rect(x0, ax.y(v), x1 - x0, ax.bottom - ax.y(v), BLUE)
    end = sat.initial_sample_end()  # interviews with nothing coded are not in its count
    if end is not None and 0 < end < n:
        # above the plot, ending at the dashed line: over the interviews it names, clear of the
        # bars and of the band of the quiet run after it (inside, it read as naming the band)
        x = ax.x(at[end] + 0.5)
        fig.line(x, ax.top - 14, x, ax.bottom, GREY, ' stroke-dasharray="4 3"')
        label = sat.initial_sample_label()
        start = max(x - 3 - text_width([label], 9), ax.left)
        fig.text(start, ax.top - 8, label, size=9, fill=MUTED)
    if f.at is not None:
        x0 = ax.x(at[sat.quiet_run()[0]] - 0.5)
        x1 = min(ax.x(at[f.at] + 0.5), ax.right)
        band_label(fig, ax, x0, x1, f"{f.initial_sample}+{f.stopping_criterion} rule met")
    # the line, broken over an interview not reviewed: what it added is not known
    pieces: list[list[tuple[float, float]]] = []
    for k, c in enumerate(sat.cumulative, 1):
        point = (ax.x(at[k]), right.y(c))
        if pieces and at.get(k - 1) == at[k] - 1:
            pieces[-1].append(point)
        else:
            pieces.append([point])
    for piece in pieces:
        fig.polyline(piece, ORANGE, ' stroke-width="1.5"')
    for x, y in (point for piece in pieces for point in piece):
        fig.add(f'<circle cx="{num(x)}" cy="{num(y)}" r="2.5" fill="{ORANGE}"/>')
    if sat.guest.at is not None:
        x, y = ax.x(at[sat.guest.at]), right.y(sat.cumulative[sat.guest.at - 1])
        fig.rect(x - 4.5, y - 4.5, 9, 9, PURPLE)
    ax.spines(right=True)
    ax.yticks(left_ticks, fill=BLUE)
    right.yticks(right_ticks, side="right", fill=ORANGE)
    for i, (number, _, p) in enumerate(slots, 1):
        x = ax.x(i)
        fig.line(x, ax.bottom, x, ax.bottom + 4, INK)
        fig.text(x, ax.bottom + 12, str(number), size=9, anchor="middle")
        fig.text(x, ax.bottom + 24, p, size=9, anchor="middle")
    fig.text(ax.left + ax.width / 2, height - 14, "interview (in order) and participant",
             size=11, anchor="middle")  # fmt: skip
    fig.text(16, ax.top + ax.height / 2, "new codes", size=11, anchor="middle", fill=BLUE,
             rotate=True)  # fmt: skip
    fig.text(width - 14, ax.top + ax.height / 2, "codes so far", size=11, anchor="middle",
             fill=ORANGE, rotate=True)  # fmt: skip
    items = [("bar", BLUE, "new codes in this interview"), ("line", ORANGE, "codes so far")]
    if sat.guest.at is not None:
        items.append(("square", PURPLE, "Guest et al. threshold met"))
    legend(fig, ax.left, 14, items)
    return fig.svg()


def histogram(values: Sequence[float], edges: Sequence[float]) -> list[int]:
    """Counts of ``values`` per bin ``[edges[i], edges[i+1])``, the last bin closed on the right
    (numpy's ``histogram``); values outside the edges are not counted."""
    counts = [0] * (len(edges) - 1)
    for v in values:
        if edges[0] <= v <= edges[-1]:
            counts[min(bisect.bisect_right(edges, v) - 1, len(counts) - 1)] += 1
    return counts


def confidence_svg(top1: Sequence[float], novel_top1: Sequence[float] = ()) -> str | None:
    """Histogram of each segment's top-1 probability in 20 bins, coded and novel segments
    stacked."""
    if not top1 and not novel_top1:
        return None
    edges = [i / 20 for i in range(21)]
    coded, novel = histogram(top1, edges), histogram(novel_top1, edges)
    ticks = nice_ticks(max(a + b for a, b in zip(coded, novel, strict=True)) or 1, integer=True)
    width, height = 560.0, 260.0
    ax = Axes(Figure(width, height, "Probability of each segment's top suggestion"),
              left=56, top=34, width=width - 56 - 20, height=height - 34 - 52,
              xlim=(0.0, 1.0), ylim=(0.0, ticks[-1]))  # fmt: skip
    fig = ax.fig
    for lo, hi, a, b in zip(edges, edges[1:], coded, novel, strict=False):
        x0, x1 = ax.x(lo), ax.x(hi)
        for base, count, colour in ((0, a, BLUE), (a, b, NO_CODE)):
            if count:
                y0, y1 = ax.y(base + count), ax.y(base)
                fig.rect(x0, y0, x1 - x0, y1 - y0, colour, ' stroke="#ffffff" stroke-width="0.5"')
    ax.spines()
    ax.yticks(ticks)
    xt = [i / 5 for i in range(6)]
    ax.xticks(xt, [f"{t:.1f}" for t in xt])
    fig.text(ax.left + ax.width / 2, height - 12, "probability of the top suggestion", size=11,
             anchor="middle")  # fmt: skip
    fig.text(16, ax.top + ax.height / 2, "segments", size=11, anchor="middle", rotate=True)
    legend(fig, ax.left, 12, [("bar", BLUE, "coded segments"),
                              ("bar", NO_CODE, "fits no code")])  # fmt: skip
    return fig.svg()


def reliability_bins(
    probabilities: Sequence[float], correct: Sequence[bool | int], n_bins: int = 10
) -> list[dict[str, float]]:
    """Equal-width confidence bins that hold a segment: per bin its mean confidence, accuracy and
    count.

    The reliability diagram (DeGroot & Fienberg 1983; Niculescu-Mizil & Caruana 2005) plots
    accuracy against mean confidence per bin; a calibrated model lies on the diagonal. The bins
    are those of :func:`roqa_nlp.evaluation.reliability_bins` (``(m-1)/M < p <= m/M``, Guo et al.
    2017), so the report's ECE is the one ``roqa evaluate`` gives for the same segments.
    """
    import numpy as np

    from ..evaluation import reliability_bins as evaluation_bins

    if len(probabilities) != len(correct):
        raise ValueError("probabilities and correct differ in length")
    bins = evaluation_bins(
        np.asarray(probabilities, dtype=float), np.asarray(correct, dtype=float), n_bins
    )
    return [
        {
            "lower": b["lo"],
            "upper": b["hi"],
            "confidence": b["confidence"],
            "accuracy": b["accuracy"],
            "count": float(b["n"]),
        }
        for b in bins
        if b["n"]
    ]


def expected_calibration_error(bins: Sequence[dict[str, float]]) -> float:
    """ECE = sum over bins of (n_b / N) * |accuracy_b - confidence_b| (Naeini et al. 2015;
    Guo et al. 2017, "On calibration of modern neural networks", ICML)."""
    total = sum(b["count"] for b in bins)
    if not total:
        return 0.0
    return sum(b["count"] / total * abs(b["accuracy"] - b["confidence"]) for b in bins)


def reliability_svg(bins: Sequence[dict[str, float]]) -> str | None:
    """Reliability diagram: accuracy vs mean confidence per bin, with the diagonal."""
    if not bins:
        return None
    width, height = 300.0, 310.0
    ax = Axes(Figure(width, height, "Reliability diagram: accuracy against mean confidence"),
              left=56, top=34, width=width - 56 - 16, height=height - 34 - 52,
              xlim=(0.0, 1.0), ylim=(0.0, 1.0))  # fmt: skip
    fig = ax.fig
    fig.line(ax.x(0), ax.y(0), ax.x(1), ax.y(1), GREY, ' stroke-dasharray="4 3"')
    points = [(ax.x(b["confidence"]), ax.y(b["accuracy"])) for b in bins]
    fig.polyline(points, BLUE, ' stroke-width="1.5"')
    for x, y in points:
        fig.add(f'<circle cx="{num(x)}" cy="{num(y)}" r="3" fill="{BLUE}"/>')
    ax.spines()
    ticks = [i / 5 for i in range(6)]
    ax.xticks(ticks, [f"{t:.1f}" for t in ticks])
    for t in ticks:
        y = ax.y(t)
        fig.line(ax.left - 4, y, ax.left, y, INK)
        fig.text(ax.left - 6, y, f"{t:.1f}", size=10, anchor="end")
    fig.text(ax.left + ax.width / 2, height - 12, "mean confidence", size=11, anchor="middle")
    fig.text(16, ax.top + ax.height / 2, "accuracy", size=11, anchor="middle", rotate=True)
    legend(fig, ax.left, 12, [("dashed", GREY, "perfect calibration"), ("line", BLUE, "model")])
    return fig.svg()
