"""What a command stopped part-way through writing a set of outputs says it left.

Each output is written whole (a temporary file renamed over it), but a set stopped part-way is
from two runs: this run's codings beside an earlier report.html, a new report beside an earlier
run's Word table (interrupt tester, session 46). :func:`told_if_interrupted` turns a Ctrl-C (or
SIGTERM) in the block that writes them into :class:`~roqa_nlp.errors.OutputsInterrupted`, whose
line names the files written and those not, and which of those left are an earlier run's;
``roqa code`` and ``roqa report`` say it alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..earlier_outputs import files_in


def state_of(paths: Iterable[Path]) -> dict[Path, tuple[int, int, int] | None]:
    """Each path's inode, size and time of change (None when it does not exist): a file written
    since, renamed over it, has another."""
    found: dict[Path, tuple[int, int, int] | None] = {}
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            found[p] = None
        else:
            found[p] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return found


@contextmanager
def told_if_interrupted(
    out: Path,
    planned: list[Path],
    *,
    earlier: Callable[[list[Path]], Iterable[str]] = lambda written: (),
    unlike: str = "show these codings",
) -> Iterator[None]:
    """Turn a Ctrl-C in the block, which writes the outputs ``planned`` (and maybe other files of
    the folder ``out``), into :class:`~roqa_nlp.errors.OutputsInterrupted` saying which were
    written and which not, and which of those left are an earlier run's: those planned that
    exist, and the names in ``out`` that ``earlier`` gives of the files written. They are said
    to not ``unlike`` (``show these codings``). Before any is written, the usual message."""
    from ..errors import OutputsInterrupted
    from . import raise_stop_lost

    raise_stop_lost()  # one lost in a finaliser: before any output is written
    before = state_of([*planned, *files_in(out)])
    try:
        yield
        raise_stop_lost()  # one lost while they were written: said as a stop among them
    except KeyboardInterrupt as stop:
        files = [*planned, *(f for f in files_in(out) if f not in planned)]
        after = state_of(files)
        written = [f for f in files if after[f] is not None and after[f] != before.get(f)]
        if not written:
            raise
        left = [f for f in planned if f not in written]
        old = [f for f in left if after[f] is not None]
        old += [
            out / n
            for n in earlier(written)
            if out / n not in old and out / n not in written and (out / n).is_file()
        ]

        # each by its name in the folder when all are there, else each by its path as given:
        # "to coded (... not written: t2.docx)" put a table written elsewhere in the folder
        # (cli tester cli2, session 80)
        inside = all(f.parent == out for f in [*written, *left, *old])

        def named(files: list[Path]) -> str:
            return ", ".join(f.name if inside else str(f) for f in files)

        said = (
            f"while writing the outputs{f' to {out}' if inside else ''} (written: "
            f"{named(written)}; not written: {named(left) or 'none'})"
        )
        if old:
            one = len(old) == 1
            said += (
                f": {named(old)} {'is' if one else 'are'} from an earlier run and "
                f"{'does' if one else 'do'} not {unlike}"
            )
        # its frames, down to the write stopped, are main's to free quietly
        raise OutputsInterrupted(said).with_traceback(stop.__traceback__) from None
