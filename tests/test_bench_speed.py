"""benchmarks/bench_speed.py's table header: the sections are measured separately (--only), so
the header names when they were measured, not only the last section's run."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_speed.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_speed_under_test", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules.pop("bench_speed_under_test", None)
    return module


def machine(date: str) -> dict[str, Any]:
    return {
        "date": date,
        "cpu": "AMD EPYC",
        "cores": 2,
        "memory_gib": 23.5,
        "python": "3.11.7",
        "load_average_at_start": 0.65,
        "versions": {"torch": "2.13.0+cpu", "onnxruntime": "1.32.0"},
    }


def test_sections_measured_on_several_dates_are_said_to_be(bench: ModuleType) -> None:
    r = {
        "machine": machine("2026-11-30 14:12 UTC"),
        "runs_on": {"memory": "2026-11-28 02:36 UTC", "backends": "2026-11-30 14:12 UTC"},
    }
    assert (
        bench.performance_table(r)
        .splitlines()[0]
        .startswith(
            "Measured from 2026-11-28 02:36 UTC to 2026-11-30 14:12 UTC, section by section "
            "(speed.json's `runs_on`) on AMD EPYC, 2 cores, 23.5 GiB, Python 3.11.7, "
        )
    )


def test_one_run_of_every_section_names_its_date_and_load(bench: ModuleType) -> None:
    r = {"machine": machine("2026-11-30 14:12 UTC"), "runs_on": {"memory": "2026-11-30 14:12 UTC"}}
    assert (
        bench.performance_table(r)
        .splitlines()[0]
        .startswith(
            "Measured 2026-11-30 14:12 UTC (load average 0.65 at start) on AMD EPYC, 2 cores, "
        )
    )
