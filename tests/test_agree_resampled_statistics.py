"""The bootstrap of the valence figures and of Light's kappa is computed from resampled tables.

Session 74: ``roqa agree`` with three coders recomputed Cohen's kappa for every pair of every
resample, one call each (about 24,000 for 12 units and the default 1000 resamples): 15 s for 60
units of three coders, 46 s for six, in silence. Every figure of a resample is now a ratio of
sums over its units, which one matrix product over the resamples' unit counts gives, as the
pooled figures already were. The draws are the same, and so are the intervals, to 1e-12 (the
sums are added in another order).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

import roqa_nlp.agreement as agreement_module
import roqa_nlp.coding_agreement as coding_agreement
from agree_helpers import mostly_agreeing_rows
from roqa_nlp.coding_agreement import (
    _categorical_figures,
    _resampled_statistics,
    agreement_report,
    read_long_csv,
)

pytestmark = pytest.mark.filterwarnings("error")


def _rows() -> str:
    """Twenty units, four coders (D gave some units no row), codes X/Y/Z or none, valences."""
    rows = mostly_agreeing_rows(
        74, 20, "ABCD", sometimes_missing="D", p_missing=0.15, p_code=0.7, p_valence=0.75
    )
    return "unit,coder,code,valence\n" + "".join(",".join(r) + "\n" for r in rows)


@pytest.fixture
def four_coders(tmp_path: Path) -> Path:
    p = tmp_path / "four.csv"
    p.write_text(_rows(), encoding="utf-8")
    return p


def test_the_intervals_are_those_of_one_resample_at_a_time(four_coders: Path) -> None:
    """The figures roqa 0.x gave, each resample figured on its own (e15b43d8), to 1e-12."""
    found = agreement_report(read_long_csv(four_coders), n_boot=200, seed=7).to_dict()
    valence = found["valence"]["ci"]
    assert valence["percent_agreement"] == pytest.approx(
        [0.5368055555555555, 0.8148391812865496], abs=1e-12
    )
    assert valence["kappa"] == pytest.approx([0.3936028225731858, 0.8269806483417133], abs=1e-12)
    assert valence["alpha"] == pytest.approx([0.3201003824091779, 0.7341966834690402], abs=1e-12)
    assert valence["ac1"] == pytest.approx([0.3114493224550085, 0.7327802503650126], abs=1e-12)
    first_pair = found["valence"]["pairs"][0]["ci"]
    assert first_pair["kappa"] == pytest.approx([-0.07916666666666627, 1.0], abs=1e-12)
    assert first_pair["ac1"] == pytest.approx([0.14954846478025316, 1.0], abs=1e-12)
    # Light's kappa of the one-code-per-unit view, bootstrapped over the units
    single = found["single_code"]
    assert single["all"]["ci"]["kappa"] == pytest.approx(
        [0.23262827310517228, 0.6442352577456669], abs=1e-12
    )
    assert single["coded"]["ci"]["kappa"] == pytest.approx(
        [0.19555402271203495, 0.5591324825422366], abs=1e-12
    )
    assert single["all"]["n_valid"] == {"kappa": 200}


def test_no_kappa_is_recomputed_for_each_resample(four_coders: Path, monkeypatch) -> None:
    calls = {"n": 0}
    real = agreement_module.cohen_kappa

    def counted(*args, **kwargs):
        calls["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(coding_agreement, "cohen_kappa", counted)
    monkeypatch.setattr(agreement_module, "cohen_kappa", counted)
    agreement_report(read_long_csv(four_coders), n_boot=1000, seed=0)
    # the point estimates only (six pairs, a few views); it was 6 x 1000 per view resampled
    assert calls["n"] < 100


@pytest.mark.parametrize("n_coders", [2, 3, 6])
def test_each_resample_s_figures_are_those_of_its_columns(n_coders: int) -> None:
    rng = np.random.default_rng(n_coders)
    x = rng.integers(0, 3, size=(n_coders, 30)).astype(float)
    x[rng.random(x.shape) < 0.2] = np.nan  # a coder gave no value
    x[:, 0] = [0.0] + [np.nan] * (n_coders - 1)  # one value: not pairable
    x[:, 1] = 2.0  # every coder the same
    weights = rng.integers(0, 3, size=(40, 30))
    weights[0] = 0
    weights[0, 1] = 5  # one resample of the one column where all agree: kappa undefined
    categories = [0, 1, 2]
    found = _resampled_statistics(x, categories, weights)
    for b, w in enumerate(weights):
        expected = _categorical_figures(x[:, np.repeat(np.arange(30), w)], categories)
        for k, v in zip(("percent_agreement", "kappa", "alpha", "ac1"), expected, strict=True):
            if np.isnan(v):
                assert np.isnan(found[k][b]), (b, k)
            else:
                assert found[k][b] == pytest.approx(v, abs=1e-12), (b, k)
    assert np.isnan(found["kappa"][0]) and found["ac1"][0] == 1.0


def test_kappa_of_each_pair_is_the_same_whichever_coder_comes_first() -> None:
    rng = np.random.default_rng(5)
    x = rng.integers(0, 4, size=(3, 25)).astype(float)
    weights = rng.integers(0, 3, size=(50, 25))
    for order in itertools.permutations(range(3)):
        assert np.array_equal(
            _resampled_statistics(x[list(order)], [0, 1, 2, 3], weights)["kappa"],
            _resampled_statistics(x, [0, 1, 2, 3], weights)["kappa"],
            equal_nan=True,
        ), order


def test_a_long_bootstrap_is_said_on_a_terminal_and_a_short_one_is_not(monkeypatch) -> None:
    import io
    import time

    from rich.console import Console

    import roqa_nlp.embedding as embedding
    from roqa_nlp.cli.agree_cmd import said_while_long

    screens: list[io.StringIO] = []

    def terminal() -> Console:
        screens.append(io.StringIO())
        return Console(file=screens[-1], force_terminal=True, width=80)

    monkeypatch.setattr(embedding, "_progress_console", terminal)
    with said_while_long("Bootstrapping the intervals", after=0.05):
        time.sleep(0.5)
    assert "Bootstrapping the intervals..." in screens[0].getvalue()
    with said_while_long("Bootstrapping the intervals", after=5.0):
        pass
    assert screens[1].getvalue() == ""
