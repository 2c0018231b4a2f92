"""What ``roqa code`` says of a re-run into a coded folder: how many texts it embedded anew and
how many it read from the cache, which transcripts changed or are new since the folder's last
run, and which were renamed (the same text under a new name).

Before, a re-run after an edit said none of it: off a terminal nothing showed what was
re-encoded, and a renamed transcript was warned of as one "this run does not code", with the
advice to give every transcript, which had been given (stream tester, session 60, LOW-2/3).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from ..earlier_outputs import changes_between


@contextmanager
def counted_encoding(embedder: Any) -> Iterator[Any]:
    """Within: every text the ``embedder`` encodes is one run's, which counts those encoded anew
    (``done``) and those read from the cache (``cached``); yields that run, or None for a
    stand-in embedder that has none."""
    run = getattr(embedder, "encoding_run", None)
    with run() if run is not None else nullcontext() as counted:
        yield counted


def embedding_line(
    run: Any, cached: bool, before: Mapping[str, str], after: Mapping[str, str]
) -> str | None:
    """The one summary line of a run: the texts (segments, and the questions read with them)
    ``run`` (:func:`counted_encoding`) embedded and those it read from the cache (``cached``:
    False with --no-cache), then, when the folder held a run (``before``, its
    :func:`~roqa_nlp.earlier_outputs.transcript_texts`), the transcripts whose text changed or
    that are new since (``after``: this run's). Renamed ones are said by :func:`renamed_note`.
    None when there is nothing to say."""
    from ..errors import first_and_count

    said = []
    if run is not None:
        n = run.done
        texts = f"{n:,} {'new ' if cached else ''}text{'' if n == 1 else 's'}"
        said.append(
            f"Embedded {texts}, {run.cached:,} read from the cache"
            if cached
            else f"Embedded {texts} (no cache)"
        )
    if before:
        changed, new, _ = changes_between(dict(before), dict(after))
        since = "since this folder's last run"
        # five named, then how many more ("rm44 ...." cut five at four: scale tester, s62)
        parts = [f"changed {since}: {first_and_count(changed)}"] if changed else []
        if new:
            parts.append(f"{'new' if changed else f'new {since}'}: {first_and_count(new)}")
        said.append("; ".join(parts) if parts else f"no transcript changed {since}")
    if not said:
        return None
    return "; ".join(said) + "."


def renamed_note(out: Path, renamed: Mapping[str, str], review_file: Path | None) -> None:
    """One note naming the transcripts of ``out``'s earlier run given again under another name
    (``renamed``: old -> new, the same text): their codings are written under the new name,
    not lost. ``review_file``: the review saved in ``out`` that this run did not read
    (``--stream``, ``--no-report``), whose decisions name the old segment ids: `roqa report`
    matches them to the new segments by their words (:func:`~roqa_nlp.decisions.match_decisions`,
    which names those it cannot match, e.g. rows saved without their text)."""
    if not renamed:
        return
    from ..errors import first_and_count
    from ..io import shell_quoted

    pairs = [f"{old} is now {new}" for old, new in renamed.items()]
    one = len(pairs) == 1
    its = "its" if one else "their"
    review = (
        f"; {review_file.name} names {its} old segment ids: `roqa report {shell_quoted(out)}` "
        f"moves each decision to the segment of the new name{'' if one else 's'} with its "
        "words, and names those it cannot"
        if review_file is not None
        else ""
    )
    print(
        f"roqa: note: {out}: {first_and_count(pairs)} (renamed, {its} text unchanged): {its} "
        f"codings are written again under the new name{'' if one else 's'}{review}",
        file=sys.stderr,
    )
