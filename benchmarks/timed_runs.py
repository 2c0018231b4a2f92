"""Timing two ways of doing one thing, each run in a fresh child process on one thread, for the
speed benchmarks (``agree_speed.py``, ``segment_speed.py``: duplicates D1 of session 74, where the
second had written the first's loop out again).

- :func:`run_child` runs a piece of Python in a fresh process, one thread, and reads the JSON
  of the last line it prints;
- :func:`alternate` runs each way once a round, in turn, so that a busy spell of the machine
  hits every way alike;
- :func:`machine` is the head of a result entry: the date, the machine, its cores and the load
  average when the runs ended (other helpers on the machine slow every way).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
import sys
from collections.abc import Callable, Iterable
from typing import Any

#: One thread for every numerical library and the tokenizer, so that a timing is not a count of
#: the cores another process left free.
ONE_THREAD = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def run_child(code: str, *args: str) -> dict[str, Any]:
    """Runs ``python -c code args`` in a fresh process on one thread (:data:`ONE_THREAD`) and
    returns the JSON object its last printed line holds (an error when it fails)."""
    p = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **ONE_THREAD},
        check=True,
    )
    return dict(json.loads(p.stdout.strip().splitlines()[-1]))


def alternate(
    ways: Iterable[str], rounds: int, run: Callable[[str], dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """Way -> what ``run(way)`` gave in each of ``rounds`` rounds, the ways run in turn within a
    round, so that a busy spell hits both."""
    ways = list(ways)
    found: dict[str, list[dict[str, Any]]] = {way: [] for way in ways}
    for _ in range(rounds):
        for way in ways:
            found[way].append(run(way))
    return found


def machine() -> dict[str, Any]:
    """The head of a result entry: ``date``, ``machine``, ``cores``, ``load_average_at_end``."""
    return {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()} python {platform.python_version()}",
        "cores": os.cpu_count(),
        "load_average_at_end": round(os.getloadavg()[0], 2),
    }
