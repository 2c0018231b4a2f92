"""Every way of running ``roqa code`` gives the same codings: in memory, streamed, and on Ray.

``--stream`` writes the codings part by part (flat memory); ``--engine ray`` codes chunks of
transcripts in Ray Data ``map_batches`` actors and merges their shards. Both must write the
codings the default run writes, byte for byte. In those comparisons every engine embeds for
itself: the streamed and Ray runs with the cache off, the default run (``local_run``) into an
empty cache of its own, which the tests of what a run writes then read. What a Ray run says is
test_ray_run_says', how Ray is started test_ray_session's.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from roqa_nlp.cli import main

# One worker runs every test here when the suite runs in parallel (`make test`), with one local
# Ray of two CPUs for the module; test_ray_run_says (what a Ray run says, on a Ray of one CPU)
# is a group of its own, which another worker can run meanwhile, and test_ray_session's tests
# (how Ray is started) need no Ray of the module's.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("ray")]

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
def examples_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An embedding cache of the examples alone, filled by ``local_run``."""
    return tmp_path_factory.mktemp("examples-cache")


@pytest.fixture(scope="module")
def local_run(
    examples: Path,
    tiny_model_dir: Path,
    examples_cache: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """The default run of the examples. It embeds every text itself, as a run with the cache off
    does (its cache, ``examples_cache``, is empty before it), and keeps the vectors for the tests
    of what a run writes, which each embedded the examples again (10-15 s each)."""
    out = tmp_path_factory.mktemp("engines") / "local"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROQA_CACHE_DIR", str(examples_cache))
        roqa("code", examples, "--out", out, "--model", tiny_model_dir, "--no-report")
    return out


def test_a_streamed_run_writes_the_files_of_the_default_run(
    local_run: Path, examples: Path, tiny_model_dir: Path, tmp_path: Path
) -> None:
    roqa("code", examples, "--out", tmp_path, "--model", tiny_model_dir, "--no-cache", "--stream")
    for name in SAME:
        assert (tmp_path / name).read_bytes() == (local_run / name).read_bytes(), name


def test_a_streamed_run_skips_the_whole_corpus_outputs(
    local_run: Path,
    examples_cache: Path,
    examples: Path,
    tiny_model_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ROQA_CACHE_DIR", str(examples_cache))  # the examples embedded already
    roqa("code", examples, "--out", tmp_path, "--model", tiny_model_dir, "--stream")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SAME)


def test_code_batches_are_the_parts_of_code(
    local_run: Path,
    examples_cache: Path,
    examples: Path,
    tiny_model_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from roqa_nlp.autocoder import AutoCoder

    monkeypatch.setenv("ROQA_CACHE_DIR", str(examples_cache))  # the examples embedded already

    ac = AutoCoder.load(tiny_model_dir)
    parts = list(ac.code_batches([examples], batch_segments=16))
    whole = ac.code([examples])
    assert len(parts) == 3  # a part closes at the first transcript end past 16 segments
    assert [s.to_dict() for p in parts for s in p.segments] == [s.to_dict() for s in whole]
    assert [k for p in parts for k in p.transcripts] == list(whole.transcripts)


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    if importlib.util.find_spec("ray") is None:  # not imported here: ray_session imports it
        pytest.skip("the ray engine needs `pip install roqa_nlp[ray]`")
    from roqa_nlp.ray_engine import ray_session

    # roqa's own local Ray: on this machine, in a private temp folder removed at the end
    with ray_session(num_cpus=2):
        yield


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
    said = roqa_said(
        "code", examples, "--out", out, "--model", tiny_model_dir, "--no-cache", "--engine", "ray"
    )
    # into a new folder, a study needing no warning: nothing said (the first run of
    # test_a_ray_run_again_into_its_folder_calls_only_the_files_it_did_not_rewrite_stale, in
    # test_ray_run_says)
    assert said == []
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
    assert "folder not found" in line
    assert not out.exists()


NAMED = (
    "Sam Roe: Thanks for joining. What has helped the new care plans along?\n\n"
    "Jo Bell: Honestly the training days. Everyone came back with the same language.\n"
)


def test_a_transcript_an_actor_cannot_read_is_one_line_and_leaves_no_output(
    local_ray: None, tiny_model_dir: Path, tmp_path: Path
) -> None:
    """A transcript that cannot be read reaches the user as the local engine's one line, and
    nothing is written. The driver refuses it now, before Ray starts (``_read_on_driver``); an
    actor meets one only when the file changed after that, and what it and the driver do then
    is test_ray_actor_errors' (without Ray)."""
    good = tmp_path / "p01.txt"
    good.write_text(NAMED, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    line = roqa_error(
        "code",
        good,
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


def test_the_ray_engine_passes_unit_context_and_alpha_to_its_actors(
    local_ray: None, examples: Path, tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Two of the examples, two chunks, so two actors: each codes as the local engine with the
    options (the local run, first, puts every sentence in the embedding cache the actors read).
    """
    options = ("--unit", "sentence", "--no-context", "--alpha", "0.2")
    local, ray = tmp_path / "local", tmp_path / "ray"
    two = (examples / "p01_interview.txt", examples / "p02_interview.vtt")
    roqa("code", *two, "--out", local, "--model", tiny_model_dir, "--no-report", *options)
    roqa("code", *two, "--out", ray, "--model", tiny_model_dir, "--engine", "ray", *options)
    assert len(list(ray.glob("codings-*.jsonl"))) == 2
    assert (
        without_probabilities(ray / "codings.jsonl")[0]
        == (without_probabilities(local / "codings.jsonl")[0])
    )
    params = json.loads((ray / "run.json").read_text("utf-8"))["params"]
    assert (params["unit"], params["use_context"], params["alpha"]) == ("sentence", False, 0.2)


def test_the_ray_engine_refuses_two_transcripts_with_one_id_as_the_local_engine_does(
    local_ray: None, tiny_model_dir: Path, tmp_path: Path
) -> None:
    for site in ("siteA", "siteB"):
        (tmp_path / site).mkdir()
        (tmp_path / site / "interview.txt").write_text("Interviewer: Why?\nP01: No staff.\n")
    out = tmp_path / "out"
    line = roqa_error(
        "code", tmp_path / "siteA", tmp_path / "siteB", "--out", out,
        "--model", tiny_model_dir, "--engine", "ray",
    )  # fmt: skip
    assert line == (
        f"roqa: error: {tmp_path / 'siteB' / 'interview.txt'}: two transcripts share the id "
        "'interview' (rename one of the files so every transcript has its own name; the other "
        "transcript was not coded)"
    )
    assert not out.exists()


def _no_ray_started(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run refused on the driver starts no Ray: one that would, fails the test at once."""

    def started(*_: object, **__: object) -> None:
        raise AssertionError("Ray was started for a study that should have been refused")

    monkeypatch.setattr("roqa_nlp.ray_engine.ray_session", started)


def _both_engines(tmp_path: Path, model: Path, *given: Path) -> dict[str, tuple[int, list[str]]]:
    """Exit status and stderr lines of `roqa code GIVEN` with each engine, each into its own
    folder, which neither leaves behind."""
    from test_cli_core import roqa as run

    said = {}
    for engine in ("local", "ray"):
        out = tmp_path / f"out-{engine}"
        done = run("code", *given, "--out", out, "--model", model, "--engine", engine)
        said[engine] = (done.code, done.err.splitlines())
        assert not out.exists(), engine
    return said


def test_the_ray_engine_refuses_qdpx_projects_sharing_an_id_as_the_local_engine_does(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fixer s66 (ray, R1; hunt s66 h_unread D4): `roqa code q5 --engine ray` exited 0, "Coded 6
    transcript(s)", its transcripts.jsonl holding three transcripts of id p01 and the segment
    p01:0001 three times: the Ray engine compared file names, and passed over projects."""
    from test_cli_every_unreadable import qdpx_study

    _no_ray_started(monkeypatch)
    files = qdpx_study(tmp_path, 3)
    shared = (
        "two transcripts share the id 'p01' (rename the source in the QDA program, or one of "
        "the files, so every transcript has its own name)"
    )
    said = _both_engines(tmp_path, tiny_model_dir, files[0].parent)
    assert said["ray"] == (
        2,
        [
            f"roqa: error: {files[1]}: source 'p01': {shared}",
            f"roqa: error: {files[2]}: source 'p01': {shared}",
            "roqa: error: the 2 transcripts above cannot be used as given, so the other file "
            "was not coded (give each interview once under a name of its own, and run again)",
        ],
    )
    assert said["ray"] == said["local"]


def test_the_ray_engine_names_every_transcript_it_refuses_as_the_local_engine_does(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fixer s66 (ray, R2; hunt s66 h_unread D4): `roqa code s2 s1 --engine ray` named s1/p01.txt
    alone ("the other 4 transcripts were not coded"), and the next run s1/p02.txt, then s2's
    empty file: the local engine names the three in one run."""
    _no_ray_started(monkeypatch)
    s1, s2 = tmp_path / "s1", tmp_path / "s2"
    for folder, names in ((s2, ("p01", "p02", "p70_empty")), (s1, ("p01", "p02"))):
        folder.mkdir()
        for name in names:
            text = "" if "empty" in name else f"Interviewer: Why?\n{name.upper()}: No staff.\n"
            (folder / f"{name}.txt").write_text(text, "utf-8")
    said = _both_engines(tmp_path, tiny_model_dir, s2, s1)
    shared = "(rename one of the files so every transcript has its own name)"
    assert said["ray"] == (
        2,
        [
            f"roqa: error: {s2 / 'p70_empty.txt'}: no speech found (the file is empty: check "
            "that it is the right file)",
            f"roqa: error: {s1 / 'p01.txt'}: two transcripts share the id 'p01' {shared}",
            f"roqa: error: {s1 / 'p02.txt'}: two transcripts share the id 'p02' {shared}",
            "roqa: error: of the 3 transcripts above, 1 cannot be read and 2 cannot be used as "
            "given, so the other 2 were not coded (fix this file or leave it out, give each "
            "interview once under a name of its own, and run again)",
        ],
    )
    assert said["ray"] == said["local"]


def roqa_said(*args: str | Path) -> list[str]:
    """Run ``roqa ARGS`` in-process; the warning and note lines it wrote on stderr."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        main([str(a) for a in args])
    return [line for line in err.getvalue().splitlines() if line.startswith("roqa: ")]


def test_a_ray_run_keeps_a_report_roqa_did_not_write(tmp_path: Path) -> None:
    """Only roqa's own earlier outputs are removed: a researcher's report.html of notes stays
    (and is warned of as from an earlier run)."""
    from roqa_nlp.cli.code_cmd import _remove_what_replaced_codings_made

    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("<html><body>My notes</body></html>\n", "utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        _remove_what_replaced_codings_made(out, {"report.html", "codings.jsonl"})
    assert (out / "report.html").is_file() and err.getvalue() == ""


def test_a_ray_run_keeps_what_stream_and_no_report_keep(tmp_path: Path) -> None:
    """--stream keeps the earlier report and queue, and --no-report the report, as docs/cli.md
    says and the local engine does: a hunt of s63 found --engine ray removing them under both."""
    from roqa_nlp.cli.code_cmd import _remove_what_replaced_codings_made
    from roqa_nlp.io import atomic_write_text

    names = ("open_coding.csv", "open_coding.jsonl", "report.html")
    for keep, left in (
        (names, list(names)),
        (("report.html",), ["report.html"]),
        ((), []),
    ):
        out = tmp_path / f"out{len(keep)}"
        out.mkdir()
        for name in names:
            atomic_write_text(out / name, "")  # empty: written_by_roqa
        with contextlib.redirect_stderr(io.StringIO()):
            _remove_what_replaced_codings_made(out, {*names, "codings.jsonl"}, keep=keep)
        assert [name for name in names if (out / name).exists()] == left
