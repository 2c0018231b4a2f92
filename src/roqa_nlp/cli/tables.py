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
    lists: Collection[str] = (),
    **options: Any,
) -> Any:
    """A rich ``Table`` with ``columns``: those in ``text`` wrap (long text), the others are
    short and never cut; those in ``right`` are right-justified; those in ``intervals`` hold
    figures with their interval (``0.414 [0.038, 0.805]``), put on two lines, the interval
    whole on the second, when the table is wider than the terminal; those in ``lists`` hold
    short items joined by ", " (ids: ``CI.A, CI.B, CI.E``), on one line when the table fits,
    else wrapped between items before a ``text`` column gives up any width, down to one item a
    line (hunt s65 h_book R2: a column of CFIR 2009 ids squeezed `roqa codebook`'s names onto
    two or three lines each). ``options`` are rich's ``Table`` options (``title``, ...). Print
    it with :func:`print_table`."""
    from rich.table import Table

    class _Table(Table):
        #: the indices of the columns of figures with their intervals
        interval_columns: list[int] = []
        #: the indices of the columns of lists of short items
        list_columns: list[int] = []

    t = _Table(**options)
    t.interval_columns = [i for i, name in enumerate(columns) if name in intervals]
    t.list_columns = [i for i, name in enumerate(columns) if name in lists]
    for name in columns:
        justify: Literal["left", "right"] = "right" if name in right else "left"
        if name in text or name in lists:
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
    _narrow_lists(console, t)
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


def _narrow_lists(console: Any, t: Any) -> None:
    """Take from ``t``'s list columns (:func:`table`'s ``lists``) the width the table lacks on
    ``console``, before rich narrows its text columns (it narrows the widest first): a list
    column's ``max_width`` is its widest cell less what is lacking, its items wrapped between
    them; below its longest item (with its comma) it holds one item a line, without commas,
    as wide as its longest item."""
    from rich.measure import Measurement

    lists = getattr(t, "list_columns", ())
    if not lists:
        return
    wide = console.options.update_width(10**6)

    def widest(cells: list[Any]) -> int:
        return max((Measurement.get(console, wide, c).maximum for c in cells), default=0)

    lacking = t._extra_width - console.width
    for i, column in enumerate(t.columns):
        lacking += widest([column.header, *column.cells]) + t._get_padding_width(i)
    for i in lists:
        column = t.columns[i]
        full = widest([column.header, *column.cells])
        if lacking <= 0:
            return
        width = full - lacking
        longest = max((Measurement.get(console, wide, c).minimum for c in column.cells), default=0)
        if width < longest:  # one item a line
            column._cells = [_stacked(c) for c in column._cells]
            width = min(full, max(widest(column.cells), 1))
        column.max_width = width
        lacking -= full - width


def _stacked(cell: Any) -> Any:
    """``cell`` (``CI.A, CI.B, CI.E``) with one item a line."""
    return cell.replace(", ", "\n") if isinstance(cell, str) else cell


def _needed_width(console: Any, t: Any) -> int:
    """The width ``t`` needs: each ``no_wrap`` column's widest cell (made its ``min_width``),
    each list column its longest item, each other column :data:`TEXT_MIN_WIDTH` (or its widest
    cell, if narrower)."""
    from rich.measure import Measurement

    wide = console.options.update_width(10**6)
    need: int = t._extra_width
    for i, column in enumerate(t.columns):
        pad = t._get_padding_width(i)
        if i in getattr(t, "list_columns", ()):  # one item a line
            items = [Measurement.get(console, wide, _stacked(c)).maximum for c in column.cells]
            need += max(items, default=1) + pad
        elif column.no_wrap:
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
