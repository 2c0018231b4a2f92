"""The report's figures, drawn with matplotlib and returned as inline SVG text.

matplotlib is imported only when a figure is drawn. Figures are built on a bare
:class:`~matplotlib.figure.Figure` (no pyplot, so no global backend or figure state), with text kept
as text (``svg.fonttype: none``, so the browser's own sans-serif font draws it and it stays
searchable), a fixed ``svg.hashsalt`` and no date in the metadata: the same result always gives
byte-identical SVG.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..framework import FrameworkMatrix, Saturation

RC: Any = {
    "svg.fonttype": "none",
    "svg.hashsalt": "roqa-report",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica", "Liberation Sans"],
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
INK = "#1f2937"
BLUE = "#2563eb"
ORANGE = "#d97706"
GREY = "#9ca3af"
PINK = "#db2777"  # the report's colour for "fits no code"


def to_svg(fig: Figure) -> str:
    """The figure as an ``<svg>`` element to place inside HTML (no XML prolog, no metadata).

    The page's CSS caps the width at the column and keeps the aspect ratio (``height: auto``).
    """
    from matplotlib import rc_context

    buf = io.StringIO()
    with rc_context(RC):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    head_end = svg.index(">")
    return svg[:head_end] + ' class="plot" role="img"' + svg[head_end:]


def new_figure(
    width: float,
    height: float,
    *,
    left: float = 0.7,
    right: float = 0.2,
    bottom: float = 0.6,
    top: float = 0.2,
) -> Figure:
    """A figure of ``width`` x ``height`` inches whose axes leave the given margins (inches).

    Fixed margins rather than ``bbox_inches="tight"``, which draws every figure twice: a study's
    heat map has hundreds of labelled cells.
    """
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    with rc_context(RC):
        fig = Figure(figsize=(width, height), dpi=100)
    fig.subplots_adjust(
        left=left / width,
        right=1 - right / width,
        bottom=bottom / height,
        top=1 - top / height,
    )
    return fig


def text_inches(labels: Sequence[str], size: float) -> float:
    """Rough width of the longest label at font ``size`` points (0.6 em per character)."""
    return max((len(t) for t in labels), default=0) * size * 0.6 / 72


def heatmap_svg(matrix: FrameworkMatrix) -> str | None:
    """The framework matrix as a heat map: cases x codes, colour = number of segments."""
    from matplotlib import rc_context
    from matplotlib.ticker import MaxNLocator

    counts = matrix.counts()
    if not matrix.cases or not matrix.codes:
        return None
    n_rows, n_cols = len(matrix.cases), len(matrix.codes)
    with rc_context(RC):
        left = text_inches(matrix.cases, 8) + 0.25
        bottom = text_inches(matrix.codes, 7) + 0.5
        width = max(6.0, 0.22 * n_cols + left + 1.0)
        height = 0.3 * n_rows + bottom + 0.15
        fig = new_figure(width, height, left=left, right=1.0, bottom=bottom, top=0.15)
        ax = fig.add_subplot()
        top = max((max(r) for r in counts), default=0) or 1
        im = ax.imshow(counts, cmap="Blues", vmin=0, vmax=top, aspect="auto")
        ax.set_xticks(range(n_cols), matrix.codes, rotation=90, fontsize=7)
        ax.set_yticks(range(n_rows), matrix.cases, fontsize=8)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        for i, row in enumerate(counts):
            for j, v in enumerate(row):
                if v:
                    ax.text(
                        j,
                        i,
                        str(v),
                        ha="center",
                        va="center",
                        fontsize=6.5,
                        color="white" if v > top * 0.55 else INK,
                    )
        box = ax.get_position()
        cax = fig.add_axes((box.x1 + 0.1 / width, box.y0, 0.12 / width, box.height))
        cb = fig.colorbar(im, cax=cax)
        cb.set_label("segments")
        cb.locator = MaxNLocator(integer=True)
        cb.update_ticks()
        cb.outline.set_visible(False)  # type: ignore[operator]
        ax.set_xlabel("code")
        return to_svg(fig)


def saturation_svg(sat: Saturation) -> str | None:
    """New codes per interview (bars) and the cumulative number of codes (line), with the
    initial sample and the interviews at which each saturation rule was met marked."""
    from matplotlib import rc_context
    from matplotlib.ticker import MaxNLocator

    n = len(sat.interviews)
    if n == 0:
        return None
    xs = list(range(1, n + 1))
    with rc_context(RC):
        fig = new_figure(max(6.0, 0.38 * n + 2.5), 3.4, right=0.75, bottom=0.8, top=0.45)
        ax = fig.add_subplot()
        ax.bar(xs, sat.new_counts, color=BLUE, width=0.7, label="new codes in this interview")
        ax2 = ax.twinx()
        ax2.plot(xs, sat.cumulative, color=ORANGE, marker="o", ms=3, label="codes so far")
        ax2.set_ylim(0, max(sat.cumulative + [1]) * 1.1)
        ax2.spines["right"].set_visible(True)
        ax2.set_ylabel("codes so far", color=ORANGE)
        ax.set_ylabel("new codes", color=BLUE)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax2.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xticks(xs, [f"{i}\n{p}" for i, p in zip(xs, sat.participants, strict=True)])
        ax.tick_params(axis="x", labelsize=7)
        ax.set_xlim(0.4, n + 0.6)
        f = sat.francis
        if 0 < f.initial_sample < n:
            ax.axvline(f.initial_sample + 0.5, color=GREY, ls="--", lw=1)
            ax.text(
                f.initial_sample + 0.55,
                ax.get_ylim()[1] * 0.95,
                "initial sample",
                fontsize=7,
                color="#4b5563",
                va="top",
            )
        if f.at is not None:
            ax.axvspan(f.at - f.stopping_criterion + 0.5, f.at + 0.5, color="#16a34a", alpha=0.12)
            ax.annotate(
                f"{f.initial_sample}+{f.stopping_criterion} rule met",
                (f.at, 0),
                xytext=(0, 14),
                textcoords="offset points",
                ha="center",
                fontsize=7,
                color="#166534",
            )
        if sat.guest.at is not None:
            ax2.plot([sat.guest.at], [sat.cumulative[sat.guest.at - 1]], "s", color="#7c3aed", ms=7)
            ax2.plot([], [], "s", color="#7c3aed", label="Guest et al. threshold met")
        handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
        ax.legend(handles=handles, loc="upper center", fontsize=7, frameon=False, ncol=3,
                  bbox_to_anchor=(0.5, 1.0), bbox_transform=fig.transFigure)  # fmt: skip
        ax.set_xlabel("interview (in order) and participant")
        return to_svg(fig)


def confidence_svg(top1: Sequence[float], novel_top1: Sequence[float] = ()) -> str | None:
    """Histogram of each segment's top-1 probability, coded and novel segments stacked."""
    from matplotlib import rc_context
    from matplotlib.ticker import MaxNLocator

    if not top1 and not novel_top1:
        return None
    bins = [i / 20 for i in range(21)]
    with rc_context(RC):
        fig = new_figure(6.0, 2.8, bottom=0.55)
        ax = fig.add_subplot()
        ax.hist(
            [list(top1), list(novel_top1)],
            bins=bins,
            stacked=True,
            color=[BLUE, PINK],
            label=["coded segments", "flagged for open coding"],
            edgecolor="white",
            linewidth=0.5,
        )
        ax.set_xlim(0, 1)
        ax.set_xlabel("probability of the top suggestion")
        ax.set_ylabel("segments")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(fontsize=7, frameon=False)
        return to_svg(fig)


def reliability_bins(
    probabilities: Sequence[float], correct: Sequence[bool | int], n_bins: int = 10
) -> list[dict[str, float]]:
    """Equal-width confidence bins: per bin its mean confidence, accuracy and count.

    The reliability diagram (DeGroot & Fienberg 1983; Niculescu-Mizil & Caruana 2005) plots
    accuracy against mean confidence per bin; a calibrated model lies on the diagonal.
    """
    if len(probabilities) != len(correct):
        raise ValueError("probabilities and correct differ in length")
    out = []
    for b in range(n_bins):
        lo, hi = b / n_bins, (b + 1) / n_bins
        idx = [
            i for i, p in enumerate(probabilities) if lo <= p < hi or (b == n_bins - 1 and p == 1.0)
        ]
        if not idx:
            continue
        out.append(
            {
                "lower": lo,
                "upper": hi,
                "confidence": sum(probabilities[i] for i in idx) / len(idx),
                "accuracy": sum(bool(correct[i]) for i in idx) / len(idx),
                "count": float(len(idx)),
            }
        )
    return out


def expected_calibration_error(bins: Sequence[dict[str, float]]) -> float:
    """ECE = sum over bins of (n_b / N) * |accuracy_b - confidence_b| (Naeini et al. 2015;
    Guo et al. 2017, "On calibration of modern neural networks", ICML)."""
    total = sum(b["count"] for b in bins)
    if not total:
        return 0.0
    return sum(b["count"] / total * abs(b["accuracy"] - b["confidence"]) for b in bins)


def reliability_svg(bins: Sequence[dict[str, float]]) -> str | None:
    """Reliability diagram: accuracy vs mean confidence per bin, with the diagonal."""
    from matplotlib import rc_context

    if not bins:
        return None
    with rc_context(RC):
        fig = new_figure(3.6, 3.4, bottom=0.55)
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, 1], color=GREY, ls="--", lw=1, label="perfect calibration")
        ax.plot(
            [b["confidence"] for b in bins],
            [b["accuracy"] for b in bins],
            marker="o",
            color=BLUE,
            label="model",
        )
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_xlabel("mean confidence")
        ax.set_ylabel("accuracy")
        ax.legend(fontsize=7, frameon=False, loc="upper left")
        return to_svg(fig)
