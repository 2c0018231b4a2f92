"""``import roqa_nlp`` asks torch's OpenMP threads to sleep, not spin, while they wait
(``OMP_WAIT_POLICY=PASSIVE``) unless the user set the policy. Session 77, ux tester defect 1: on a
busy 2-core machine a 90-minute interview took 200 s and 58 CPU-s with the threads spinning, 30 s
and 14 CPU-s with PASSIVE, for the same codings (benchmarks/results/omp_wait_policy.md).

libgomp reads the variable once, as torch loads it, so it must be set before torch is imported:
each check runs in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = (
    "import json, os, sys\n"
    "{code}\n"
    "print(json.dumps([os.environ.get('OMP_WAIT_POLICY'), 'torch' in sys.modules]))\n"
)


def policy_after(code: str, policy: str | None) -> tuple[str | None, bool]:
    """``OMP_WAIT_POLICY`` after ``code`` ran in a fresh process started with ``policy`` (None:
    unset), and whether torch was imported."""
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    if policy is not None:
        env["OMP_WAIT_POLICY"] = policy
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(code=code)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    found, torch = json.loads(out.stdout.strip().splitlines()[-1])
    return found, torch


@pytest.mark.parametrize("unset", [None, "", "  "], ids=["unset", "empty", "blank"])
def test_importing_roqa_sets_passive_without_importing_torch(unset: str | None) -> None:
    assert policy_after("import roqa_nlp", unset) == ("PASSIVE", False)


@pytest.mark.parametrize("own", ["ACTIVE", "active", "PASSIVE"])
def test_a_policy_the_user_set_wins(own: str) -> None:
    assert policy_after("import roqa_nlp", own) == (own, False)


def test_the_roqa_command_sets_it_before_any_command_runs() -> None:
    code = "from roqa_nlp.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    assert policy_after(code, None) == ("PASSIVE", False)


def test_torch_loaded_after_roqa_sleeps_at_once() -> None:
    """What libgomp itself reports as torch loads it (``OMP_DISPLAY_ENV=VERBOSE``): a spin count
    of 0 (PASSIVE), not 300000 (the variable unset, as before) or 30000000000 (ACTIVE)."""
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")}
    run = subprocess.run(
        [sys.executable, "-c", "import roqa_nlp.embedding\nimport torch"],
        capture_output=True,
        text=True,
        env={**env, "OMP_DISPLAY_ENV": "VERBOSE"},
        check=True,
    )
    assert "  GOMP_SPINCOUNT = '0'\n" in run.stderr, run.stderr[-2000:]
