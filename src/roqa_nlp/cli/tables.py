"""The tables the commands print: figures a researcher quotes are never cut to "…".

A table's columns are short (ids, numbers, intervals, labels: kept whole on one line, as wide
as their longest cell) or text (names, quotes, descriptions: wrapped, and a word longer than
the column folded onto the next line, never cut). When the short columns alone do not fit the
terminal, the table is printed wider than it and the terminal wraps its lines: a figure or an
id is whole either way (tester, session 45: ``[0.03…`` for a kappa's interval at 80 columns).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Literal

#: The width a text column is given, at least, when the table must be wider than the terminal.
TEXT_MIN_WIDTH = 10


def table(
    *columns: str,
    text: Collection[str] = (),
    right: Collection[str] = (),
    intervals: Collection[str] = (),
    **options: Any,
) -> Any:
    """A rich ``Table`` with ``columns``: those in ``text`` wrap (long text), the others are
    short and never cut; those in ``right`` are right-justified; those in ``intervals`` hold
    figures with their interval (``0.414 [0.038, 0.805]``), put on two lines, the interval
    whole on the second, when the table is wider than the terminal. ``options`` are rich's
    ``Table`` options (``title``, ...). Print it with :func:`print_table`."""
    from rich.table import Table

    class _Table(Table):
        #: the indices of the columns of figures with their intervals
        interval_columns: list[int] = []

    t = _Table(**options)
    t.interval_columns = [i for i, name in enumerate(columns) if name in intervals]
    for name in columns:
        justify: Literal["left", "right"] = "right" if name in right else "left"
        if name in text:
            t.add_column(name, justify=justify, overflow="fold")
        else:
            t.add_column(name, justify=justify, no_wrap=True)
    return t


def print_table(console: Any, t: Any) -> None:
    """Print ``t`` (a rich ``Table``) on ``console``, every ``no_wrap`` column as wide as its
    widest cell (header included) and every other column folding what does not fit; wider
    than the console if that is what the ``no_wrap`` columns need (the terminal wraps the
    lines then, but cuts nothing)."""
    need = _needed_width(console, t)
    if need > console.width and getattr(t, "interval_columns", ()):
        for i in t.interval_columns:
            column = t.columns[i]
            column.header = _two_lines(column.header)
            column._cells = [_two_lines(c) for c in column._cells]
        need = _needed_width(console, t)
    if need <= console.width:
        console.print(t)
        return
    saved = console._width
    console.width = need
    try:
        console.print(t)
    finally:
        console._width = saved


def _two_lines(cell: Any) -> Any:
    """``cell`` (``0.414 [0.038, 0.805]``) with its interval on a line of its own."""
    return cell.replace(" [", "\n[", 1) if isinstance(cell, str) else cell


def _needed_width(console: Any, t: Any) -> int:
    """The width ``t`` needs: each ``no_wrap`` column's widest cell (made its ``min_width``),
    each other column :data:`TEXT_MIN_WIDTH` (or its widest cell, if narrower)."""
    from rich.measure import Measurement

    wide = console.options.update_width(10**6)
    need: int = t._extra_width
    for i, column in enumerate(t.columns):
        pad = t._get_padding_width(i)
        if column.no_wrap:
            cells = [column.header, *column.cells]
            column.min_width = max(Measurement.get(console, wide, c).maximum for c in cells)
            need += column.min_width + pad
        else:
            if column.overflow == "ellipsis":
                column.overflow = "fold"
            widths = [Measurement.get(console, wide, c).maximum for c in column.cells]
            longest = max(widths, default=1)
            need += min(longest, TEXT_MIN_WIDTH) + pad
    return need
