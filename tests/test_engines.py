"""Every way of running ``roqa code`` gives the same codings: in memory, streamed, and on Ray.

``--stream`` writes the codings part by part (flat memory); ``--engine ray`` codes chunks of
transcripts in Ray Data ``map_batches`` actors and merges their shards. Both must write the
codings the default run writes, byte for byte. The embedding cache is off, so every engine
embeds for itself.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from roqa_nlp.cli import main

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "interviews"
SAME = ("codings.jsonl", "codings.csv", "transcripts.jsonl", "run.json")


def roqa(*args: str | Path) -> str:
    """Run ``roqa ARGS`` in-process and return stdout; fail on a non-zero exit."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main([str(a) for a in args])
        except SystemExit as e:
            assert not e.code, err.getvalue()
    return out.getvalue()


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not EXAMPLES.is_dir():
        pytest.skip("examples/interviews is missing")
    return EXAMPLES


@pytest.fixture(scope="module")
def local_run(
    examples: Path, tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    out = tmp_path_factory.mktemp("engines") / "local"
    roqa("code", examples, "--out", out, "--model", tiny_model_dir, "--no-cache", "--no-report")
    return out


def test_a_streamed_run_writes_the_files_of_the_default_run(
    local_run: Path, examples: Path, tiny_model_dir: Path, tmp_path: Path
) -> None:
    roqa("code", examples, "--out", tmp_path, "--model", tiny_model_dir, "--no-cache", "--stream")
    for name in SAME:
        assert (tmp_path / name).read_bytes() == (local_run / name).read_bytes(), name


def test_a_streamed_run_skips_the_whole_corpus_outputs(
    examples: Path, tiny_model_dir: Path, tmp_path: Path
) -> None:
    roqa("code", examples, "--out", tmp_path, "--model", tiny_model_dir, "--stream")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SAME)


def test_code_batches_are_the_parts_of_code(examples: Path, tiny_model_dir: Path) -> None:
    from roqa_nlp.autocoder import AutoCoder

    ac = AutoCoder.load(tiny_model_dir)
    parts = list(ac.code_batches([examples], batch_segments=16))
    whole = ac.code([examples])
    assert len(parts) == 3  # a part closes at the first transcript end past 16 segments
    assert [s.to_dict() for p in parts for s in p.segments] == [s.to_dict() for s in whole]
    assert [k for p in parts for k in p.transcripts] == list(whole.transcripts)


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray = pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def without_probabilities(path: Path) -> tuple[list[dict[str, object]], list[list[float]]]:
    """Codings with their probabilities taken out, and the probabilities."""
    rows, probs = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        probs.append([r["novelty_p"]] + [g.pop("probability") for g in r["suggestions"]])
        probs[-1] += [g.pop("valence_probability") for g in r["suggestions"]]
        r.pop("novelty_p")
        rows.append(r)
    return rows, probs


def test_the_ray_engine_writes_the_codings_of_the_local_engine(
    local_ray: None, local_run: Path, examples: Path, tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Same segments, codes, order, valences and flags; probabilities to the 6th decimal.

    Torch embeds a text in a batch whose make-up differs between engines, which moves float32
    results in the last bits and can turn a probability's rounding at 1e-6 (with the shared
    embedding cache, the default, the files are byte-identical).
    """
    out = tmp_path / "out"
    roqa("code", examples, "--out", out, "--model", tiny_model_dir, "--no-cache", "--engine", "ray")
    ray_rows, ray_p = without_probabilities(out / "codings.jsonl")
    local_rows, local_p = without_probabilities(local_run / "codings.jsonl")
    assert ray_rows == local_rows
    assert np.allclose(np.array(ray_p, dtype=float), np.array(local_p, dtype=float), atol=2e-6)
    for name in ("transcripts.jsonl", "run.json"):
        assert (out / name).read_bytes() == (local_run / name).read_bytes(), name
    assert sorted(p.name for p in out.glob("codings-*.jsonl")) == [
        "codings-00000.jsonl",
        "codings-00001.jsonl",
        "codings-00002.jsonl",
    ]


def roqa_error(*args: str | Path) -> str:
    """Run ``roqa ARGS`` in-process expecting a user error: exit status 2, one line on stderr."""
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        pytest.raises(SystemExit) as e,
    ):
        main([str(a) for a in args])
    assert e.value.code == 2, err.getvalue()
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("roqa: error: "), err.getvalue()
    return lines[0]


def test_the_ray_engine_refuses_a_missing_model_before_writing_anything(
    examples: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    line = roqa_error(
        "code", examples, "--out", out, "--model", tmp_path / "no-model", "--engine", "ray"
    )
    assert "not a model directory" in line
    assert not out.exists()


def test_a_transcript_an_actor_cannot_read_is_one_line_and_leaves_no_output(
    local_ray: None, examples: Path, tiny_model_dir: Path, tmp_path: Path
) -> None:
    """The error raised inside a Ray actor reaches the user as the local engine's one line."""
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    line = roqa_error(
        "code",
        examples,
        empty,
        "--out",
        out,
        "--model",
        tiny_model_dir,
        "--no-cache",
        "--engine",
        "ray",
    )
    assert "empty.txt" in line and "no speech found" in line
    assert not out.exists()


NAMED = (
    "Sam Roe: Thanks for joining. What has helped the new care plans along?\n\n"
    "Jo Bell: Honestly the training days. Everyone came back with the same language.\n"
)


def test_the_ray_engine_warns_of_no_interviewer_and_takes_the_interviewer_option(
    local_ray: None, tiny_model_dir: Path, tmp_path: Path
) -> None:
    from roqa_nlp.result import CodingResult

    named = tmp_path / "zoom_p07.txt"
    named.write_text(NAMED, "utf-8")
    for extra in ([], ["--interviewer", "Sam Roe"]):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(
                [
                    str(a)
                    for a in (
                        "code",
                        named,
                        "--out",
                        tmp_path / f"out{len(extra)}",
                        "--model",
                        tiny_model_dir,
                        "--engine",
                        "ray",
                        *extra,
                    )
                ]
            )
        warned = [line for line in err.getvalue().splitlines() if line.startswith("roqa: ")]
        speakers = [s.segment.speaker for s in CodingResult.read(tmp_path / f"out{len(extra)}")]
        if extra:
            assert (warned, speakers) == ([], ["Jo Bell"])
        else:
            assert warned == [
                f"roqa: warning: {named}: no interviewer among the speakers 'Sam Roe', 'Jo Bell', "
                "so everyone's talk was coded (name the interviewer with --interviewer NAME)"
            ]
            assert speakers == ["Sam Roe", "Jo Bell"]


def test_the_ray_engine_passes_unit_context_and_alpha_to_its_actors(
    local_ray: None, examples: Path, tiny_model_dir: Path, tmp_path: Path
) -> None:
    options = ("--unit", "sentence", "--no-context", "--alpha", "0.2")
    local, ray = tmp_path / "local", tmp_path / "ray"
    roqa("code", examples, "--out", local, "--model", tiny_model_dir, "--no-report", *options)
    roqa("code", examples, "--out", ray, "--model", tiny_model_dir, "--engine", "ray", *options)
    assert (
        without_probabilities(ray / "codings.jsonl")[0]
        == (without_probabilities(local / "codings.jsonl")[0])
    )
    params = json.loads((ray / "run.json").read_text("utf-8"))["params"]
    assert (params["unit"], params["use_context"], params["alpha"]) == ("sentence", False, 0.2)
