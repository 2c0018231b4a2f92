"""Every way of running ``roqa code`` gives the same codings: in memory, streamed, and on Ray.

``--stream`` writes the codings part by part (flat memory); ``--engine ray`` codes chunks of
transcripts in Ray Data ``map_batches`` actors and merges their shards. Both must write the
codings the default run writes, byte for byte. In those comparisons every engine embeds for
itself: the streamed and Ray runs with the cache off, the default run (``local_run``) into an
empty cache of its own, which the tests of what a run writes then read; the tests of what a Ray
run says find its texts in the cache (``embedded_beforehand``).
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

from roqa_nlp.cli import main

if TYPE_CHECKING:
    from roqa_nlp.autocoder import AutoCoder

# One worker runs every test here when the suite runs in parallel (`make test`): two Ray
# clusters at once would only slow each other on a two-core machine.
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
    ray = pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def embedded_beforehand(
    coder: AutoCoder, *paths: Path, interviewer_labels: list[str] | None = None
) -> None:
    """Code ``paths`` with the local engine in this process first (its embedding model loaded
    already), so that every text a Ray run of them embeds is in the session's embedding cache
    and its actors load no embedding model: each actor that embeds spent 8-15 s importing
    sentence-transformers and loading the model, for a few short turns. For the tests of what a
    Ray run says; how the actors embed, with the cache off, is
    test_the_ray_engine_writes_the_codings_of_the_local_engine's."""
    import warnings

    with warnings.catch_warnings():  # said by the Ray run under test, not by this one
        warnings.simplefilter("ignore")
        coder.code(list(paths), interviewer_labels=interviewer_labels)


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
    # test_a_ray_run_again_into_its_folder_calls_only_the_files_it_did_not_rewrite_stale)
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
    """The error raised inside a Ray actor reaches the user as the local engine's one line, and
    the shard of the chunk an actor coded before it is removed. (One short transcript before
    the empty one, not the three example interviews: those took 20-39 s to embed in the
    actors, with the cache off, for the same two chunks' behaviour.)"""
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


def test_the_ray_engine_warns_of_no_interviewer_and_takes_the_interviewer_option(
    local_ray: None,
    tiny_model: AutoCoder,
    tiny_model_dir: Path,
    tmp_path: Path,
    sam_roe_named: tuple[Path, list[str]],
) -> None:
    """Without --interviewer, a warning and everyone's talk coded; with it (the study of
    ``sam_roe_named``, where zoom_p08 holds these very turns), Sam Roe's talk is left out and
    nothing is said of zoom_p08."""
    from roqa_nlp.result import CodingResult

    named = tmp_path / "zoom_p07.txt"
    named.write_text(NAMED, "utf-8")
    embedded_beforehand(tiny_model, named)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(
            [
                str(a)
                for a in (
                    "code", named, "--out", tmp_path / "out0", "--model", tiny_model_dir,
                    "--engine", "ray",
                )
            ]
        )  # fmt: skip
    warned = [line for line in err.getvalue().splitlines() if line.startswith("roqa: ")]
    speakers = [s.segment.speaker for s in CodingResult.read(tmp_path / "out0")]
    assert warned == [
        f"roqa: warning: {named}: no interviewer among the speakers 'Sam Roe', 'Jo Bell', "
        "so everyone's talk was coded (name the interviewer with --interviewer NAME)"
    ]
    assert speakers == ["Sam Roe", "Jo Bell"]
    study_out, warned = sam_roe_named
    speakers = [
        s.segment.speaker
        for s in CodingResult.read(study_out)
        if s.segment.transcript_id == "zoom_p08"
    ]
    assert ([w for w in warned if "zoom_p08" in w], speakers) == ([], ["Jo Bell"])


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


def _study_without_a_clear_interviewer(folder: Path) -> Path:
    """Sam Roe asks in p01 and p02; in p03 Ada Lee asks back, so only the study says who
    interviews there (roles.with_study_interviewers)."""
    from test_transcripts import ADA_ASKS_BACK, SAM_ASKS

    folder.mkdir()
    for name, turns in (("p01", SAM_ASKS), ("p02", SAM_ASKS), ("p03", ADA_ASKS_BACK)):
        (folder / f"{name}_zoom.txt").write_text("".join(f"{s}: {w}\n" for s, w in turns), "utf-8")
    return folder


def test_the_ray_engine_learns_who_interviews_from_the_whole_study(
    local_ray: None, tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Each chunk coded alone did not see the study: Sam Roe's questions in p03 were coded as
    participant talk under Ray, not under the local engine (session 27)."""
    study = _study_without_a_clear_interviewer(tmp_path / "study")
    local, ray = tmp_path / "local", tmp_path / "ray"
    roqa("code", study, "--out", local, "--model", tiny_model_dir, "--no-report")
    roqa("code", study, "--out", ray, "--model", tiny_model_dir, "--engine", "ray")
    assert len(list(ray.glob("codings-*.jsonl"))) == 3  # one transcript a chunk
    for name in SAME:
        assert (ray / name).read_bytes() == (local / name).read_bytes(), name
    speakers = {
        json.loads(line)["speaker"] for line in (ray / "codings.jsonl").open(encoding="utf-8")
    }
    assert speakers == {"Jo Bell", "Ada Lee"}


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


def test_the_ray_engine_warns_as_the_local_engine_does_and_leaves_no_stale_shards(
    local_ray: None, tiny_model_dir: Path, tmp_path: Path
) -> None:
    """A transcript of backchannels only, and words between cues without a timing line, were
    warned of by the local engine only; shards of an earlier, larger run stayed (session 27)."""
    study = tmp_path / "study"
    study.mkdir()
    (study / "p01.txt").write_text("Interviewer: Why?\nP01: No staff, and no money.\n", "utf-8")
    # a reply to a statement, not to a question (which would be an answer, and coded)
    (study / "p02.txt").write_text("Interviewer: That sounds hard.\nP02: Yeah.\n", "utf-8")
    (study / "p03.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nInterviewer: What helped?\n\n"
        "00:00:05.000 --> 00:00:09.000\nP03: The manager.\n\nP03: And the training.\n",
        "utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    for kind in ("codings", "transcripts"):
        (out / f"{kind}-00007.jsonl").write_text("{}\n", "utf-8")  # an earlier run's
    warned = {}
    for engine in ("local", "ray"):
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            main(
                [
                    str(a)
                    for a in (
                        "code",
                        study,
                        "--out",
                        out if engine == "ray" else tmp_path / "local",
                        "--model",
                        tiny_model_dir,
                        "--no-report",
                        "--engine",
                        engine,
                    )
                ]
            )
        warned[engine] = sorted(
            line for line in err.getvalue().splitlines() if line.startswith("roqa: warning:")
        )
    assert warned["ray"] == warned["local"] and len(warned["ray"]) == 2, warned
    assert any("nothing to code" in w for w in warned["ray"])
    assert any("has no timing line" in w for w in warned["ray"])
    assert not (out / "codings-00007.jsonl").exists()
    assert not (out / "transcripts-00007.jsonl").exists()


def test_ray_that_cannot_start_or_be_reached_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """RAY_ADDRESS=auto with no cluster printed a traceback; a ray:// address without
    ray[client] an 'internal error' (session 27)."""
    ray = pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    from roqa_nlp.errors import RoqaError
    from roqa_nlp.ray_engine import init_ray

    def refuse(**kwargs: object) -> None:
        raise ConnectionError("Could not find any running Ray instance.")

    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", refuse)
    monkeypatch.setenv("RAY_ADDRESS", "auto")
    with pytest.raises(RoqaError) as caught:
        init_ray()
    assert str(caught.value) == (
        "could not start or reach the Ray cluster at RAY_ADDRESS=auto (Could not find any "
        "running Ray instance.) (start the cluster (`ray start --head`) or unset RAY_ADDRESS; a "
        "ray:// address needs pip install 'ray[client]'; or use --engine local)"
    )
    seen: dict[str, object] = {}
    monkeypatch.delenv("RAY_ADDRESS")
    monkeypatch.setattr(ray, "init", lambda **kwargs: seen.update(kwargs))
    init_ray(num_cpus=2)
    assert (seen["address"], seen["num_cpus"]) == ("local", 2)  # never a cluster left running


def test_an_address_where_nothing_listens_is_named_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ray retries an unreachable RAY_ADDRESS for a long while before it gives up; a refused
    connection is said at once, and Ray is never asked."""
    import socket

    ray = pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    from roqa_nlp.errors import RoqaError
    from roqa_nlp.ray_engine import init_ray

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    asked: list[object] = []
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", lambda **kwargs: asked.append(kwargs))
    for address in (f"127.0.0.1:{port}", f"ray://127.0.0.1:{port}"):
        monkeypatch.setenv("RAY_ADDRESS", address)
        with pytest.raises(RoqaError) as caught:
            init_ray()
        assert str(caught.value).startswith(
            f"no Ray cluster answers at RAY_ADDRESS={address} (Connection refused) (start the "
            "cluster (`ray start --head`), check the address and port, or unset RAY_ADDRESS"
        )
    assert asked == []
    with socket.socket() as listening:  # an address that answers is left to Ray
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        monkeypatch.setenv("RAY_ADDRESS", f"127.0.0.1:{listening.getsockname()[1]}")
        init_ray()
    assert len(asked) == 1


@pytest.fixture(scope="module")
def sam_roe_named(
    local_ray: None,
    tiny_model: AutoCoder,
    tiny_model_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, list[str]]:
    """``roqa code --engine ray --interviewer 'Sam Roe'`` of test_cli_inspect's STUDY_OF_TWO
    and NAMED as zoom_p08 (Sam Roe asks there too): its output folder and the lines it said.
    One Ray run for two tests, which each started one (6-15 s of actor start-up)."""
    from test_cli_inspect import STUDY_OF_TWO

    study = tmp_path_factory.mktemp("sam-roe") / "study"
    study.mkdir()
    for name, text in {**STUDY_OF_TWO, "zoom_p08.txt": NAMED}.items():
        (study / name).write_text(text, "utf-8")
    embedded_beforehand(tiny_model, study, interviewer_labels=["Sam Roe"])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(
            [
                str(a)
                for a in (
                    "code", study, "--out", study.parent / "out", "--model", tiny_model_dir,
                    "--engine", "ray", "--interviewer", "Sam Roe",
                )
            ]
        )  # fmt: skip
    warned = [line for line in err.getvalue().splitlines() if line.startswith("roqa: ")]
    return study.parent / "out", warned


def test_the_ray_engine_calls_an_interviewer_name_unmatched_only_when_no_transcript_has_it(
    sam_roe_named: tuple[Path, list[str]],
) -> None:
    """As the local engine (test_reader_audit): Sam Roe interviews in zoom_p07, so p31, whose
    interviewer is guessed, is not said to match no 'Sam Roe'."""
    out, warned = sam_roe_named
    study = out.parent / "study"
    assert warned == [
        f"roqa: warning: {study / 'p31.txt'}: no speaker is named as the interviewer, so "
        "'Speaker 1', who asks the questions (3 of 3 turns), was taken as the interviewer (name "
        "the interviewer with --interviewer NAME to choose otherwise)"
    ]


@pytest.fixture(scope="module")
def guesses_and_chat(
    local_ray: None,
    tiny_model: AutoCoder,
    tiny_model_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, list[str]]:
    """``roqa code --engine ray`` of a study whose interviewers are guessed (zoom_p07-p09) and
    of a call with Zoom chat lines (p04): the study folder and the lines said. One Ray run for
    the two tests below, which each started one (6-15 s of actor start-up)."""
    from test_cli_core import NAMED as TALK
    from test_cli_inspect import CHAT_CALL

    study = tmp_path_factory.mktemp("guesses") / "study"
    study.mkdir()
    talk = TALK + "Sam Roe: Anything else?\n\nJo Bell: No, that's everything.\n"
    (study / "zoom_p07.txt").write_text(talk, "utf-8")
    (study / "zoom_p08.txt").write_text(talk.replace("Jo Bell", "Kim Ng"), "utf-8")
    (study / "zoom_p09.txt").write_text(talk.replace("Sam Roe", "Ann Lee"), "utf-8")
    (study / "p04.txt").write_text(CHAT_CALL, "utf-8")
    embedded_beforehand(tiny_model, study)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(
            [
                str(a)
                for a in (
                    "code", study, "--out", study.parent / "out", "--model", tiny_model_dir,
                    "--engine", "ray",
                )
            ]
        )  # fmt: skip
    return study, [line for line in err.getvalue().splitlines() if line.startswith("roqa: ")]


def test_the_ray_engine_says_an_interviewer_guessed_alike_in_several_files_once(
    guesses_and_chat: tuple[Path, list[str]],
) -> None:
    """As the local engine (test_cli_core): the guesses taking 'Sam Roe' in two files are one
    line for the run; Ann Lee's, taken in no other file, keeps its own. (p04, the Zoom call of
    the test below, has its interviewer named: nothing else is said of it.)"""
    study, said = guesses_and_chat
    assert [line for line in said if str(study / "p04.txt") not in line] == [
        "roqa: warning: no speaker is named as the interviewer in 2 transcripts, so the one who "
        "asks the questions was taken as the interviewer in each ('Sam Roe' in zoom_p07.txt, "
        "zoom_p08.txt) (name the interviewer with --interviewer NAME to choose otherwise)",
        f"roqa: warning: {study / 'zoom_p09.txt'}: no speaker is named as the interviewer, so "
        "'Ann Lee', who asks the questions (3 of 3 turns), was taken as the interviewer (name the "
        "interviewer with --interviewer NAME to choose otherwise)",
    ]


def test_the_ray_engine_notes_the_zoom_chat_lines_left_out_as_the_local_engine_does(
    guesses_and_chat: tuple[Path, list[str]],
) -> None:
    study, said = guesses_and_chat
    chat = study / "p04.txt"
    assert [line for line in said if str(chat) in line] == [
        f"roqa: note: {chat}: 2 Zoom chat lines left out (typed in the call's chat, not speech: "
        "not coded; roqa inspect lists them)",
        f"roqa: note: {chat}: 2 participants speak ('P04a', 'P04b'), each counted and cited by "
        "their label in the case P04: if they are one person under two labels (renamed in the "
        "call), label all their turns alike",
    ]


def fake_ray(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Ray's init and shutdown recorded instead of run; what init was given is returned."""
    import os

    ray = pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    seen: dict[str, object] = {"shutdown": 0}
    running: list[bool] = []
    monkeypatch.setattr(ray, "is_initialized", lambda: bool(running))

    def init(**kwargs: object) -> None:
        seen.update(kwargs, proxy=os.environ.get("http_proxy"))
        running.append(True)

    monkeypatch.setattr(ray, "init", init)

    def shutdown() -> None:
        seen["shutdown"] = int(seen["shutdown"]) + 1  # type: ignore[call-overload]
        running.clear()

    monkeypatch.setattr(ray, "shutdown", shutdown)
    return seen


def test_a_local_ray_stays_on_this_machine_in_a_private_folder_removed_after_the_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Session 44's audit: the local Ray bound its GCS to the machine's network address, asked
    169.254.169.254 and DNS for its usage statistics, and left world-readable session logs
    naming participants in $TMPDIR/ray, never deleted."""
    import os
    import stat

    from roqa_nlp.ray_engine import ray_session

    for name in ("RAY_ADDRESS", "RAY_TMPDIR", "RAY_USAGE_STATS_ENABLED"):
        monkeypatch.setenv(name, "")  # restored after the test
        monkeypatch.delenv(name)
    monkeypatch.setenv("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "")
    monkeypatch.delenv("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER")
    proxy = os.environ.get("http_proxy")
    seen = fake_ray(monkeypatch)
    with ray_session() as ray:
        assert ray.is_initialized()
        temp = Path(str(seen["_temp_dir"])).parent  # Ray makes its own temp dir 0777
        assert stat.S_IMODE(temp.stat().st_mode) == 0o700
        assert (
            len(str(seen["_temp_dir"])) <= 46
        )  # Ray's socket paths under it stay within 107 bytes
    assert not temp.exists() and seen["shutdown"] == 1
    assert os.environ["RAY_USAGE_STATS_ENABLED"] == "0"
    assert os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] == "0"  # node address 127.0.0.1
    # Ray's processes ask the cloud metadata servers through a proxy where nothing listens
    assert seen["proxy"] == "http://127.0.0.1:9" and os.environ.get("http_proxy") == proxy
    with pytest.raises(KeyboardInterrupt), ray_session():  # Ctrl-C: shut down, removed too
        temp = Path(str(seen["_temp_dir"])).parent
        raise KeyboardInterrupt
    assert not temp.exists() and seen["shutdown"] == 2


@pytest.mark.parametrize(
    "failure",
    [RuntimeError("Failed to start the GCS"), KeyboardInterrupt()],
    ids=["ray-fails", "ctrl-c"],
)
def test_the_users_proxies_are_given_back_when_a_local_ray_fails_to_start(
    monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    """The proxy where nothing listens is in the whole process's environment while ray.init
    starts Ray's processes: whether Ray starts, fails or is interrupted, the user's proxy
    settings are as they were after it (one set, the others unset)."""
    import os

    from roqa_nlp.errors import RoqaError
    from roqa_nlp.ray_engine import NO_WAY_OUT, ray_session

    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    monkeypatch.delenv("RAY_TMPDIR", raising=False)
    for name in NO_WAY_OUT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("https_proxy", "http://proxy.example:3128")
    seen = fake_ray(monkeypatch)
    ray = pytest.importorskip("ray")

    def init(**kwargs: object) -> None:
        seen["during"] = {name: os.environ.get(name) for name in NO_WAY_OUT}
        raise failure

    monkeypatch.setattr(ray, "init", init)
    expected: type[BaseException] = RoqaError if isinstance(failure, Exception) else type(failure)
    with pytest.raises(expected) as caught, ray_session():
        pass
    if expected is RoqaError:
        assert str(caught.value).startswith(
            "could not start or reach a local Ray (Failed to start the GCS)"
        )
    assert seen["during"] == NO_WAY_OUT
    after = {name: os.environ.get(name) for name in NO_WAY_OUT}
    assert after == {name: None for name in NO_WAY_OUT} | {
        "https_proxy": "http://proxy.example:3128"
    }


def test_a_ray_the_user_chose_is_left_as_they_set_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import os

    from roqa_nlp.ray_engine import ray_session

    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    monkeypatch.setenv("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "1")
    monkeypatch.setenv("RAY_TMPDIR", str(tmp_path))
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "1")
    seen = fake_ray(monkeypatch)
    with ray_session():
        pass
    assert "_temp_dir" not in seen and seen["shutdown"] == 1
    assert os.environ["RAY_USAGE_STATS_ENABLED"] == "1"
    ray = pytest.importorskip("ray")
    monkeypatch.setattr(ray, "is_initialized", lambda: True)  # a Ray of the caller's: kept
    with ray_session():
        pass
    assert seen["shutdown"] == 1


def test_a_real_local_ray_listens_on_loopback_and_leaves_no_session_behind(
    tmp_path: Path,
) -> None:
    """In a fresh process (Ray reads its node address setting at import): the GCS address is
    127.0.0.1 and the session folder, under a private 0700 folder, is gone after the run."""
    import os
    import subprocess
    import sys

    pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    script = (
        "import os, stat\n"
        "from roqa_nlp.ray_engine import ray_session\n"
        "with ray_session(num_cpus=1) as ray:\n"
        "    session = ray._private.worker._global_node.get_session_dir_path()\n"
        "    parent = os.path.dirname(os.path.dirname(session))\n"
        "    print(ray.get_runtime_context().gcs_address.rsplit(':', 1)[0])\n"
        "    print(oct(stat.S_IMODE(os.stat(parent).st_mode)))\n"
        "print(os.path.exists(session), os.path.exists(parent))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAY_")}
    env["PYTHONPATH"] = str(Path(__file__).parents[1] / "src")
    env["TMPDIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.split("\n") == ["127.0.0.1", "0o700", "False False", ""], done.stderr


def roqa_said(*args: str | Path) -> list[str]:
    """Run ``roqa ARGS`` in-process; the warning and note lines it wrote on stderr."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        main([str(a) for a in args])
    return [line for line in err.getvalue().splitlines() if line.startswith("roqa: ")]


def a_small_study(folder: Path) -> Path:
    """Two short transcripts with their interviewer named: coded without a warning."""
    folder.mkdir()
    (folder / "p01.txt").write_text(
        "Interviewer: What got in the way?\nP01: No staff, and no money for agency cover.\n",
        "utf-8",
    )
    (folder / "p02.txt").write_text(
        "Interviewer: What helped?\nP02: The manager backed the training every week.\n", "utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def ray_over_local(
    local_ray: None, tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, object]:
    """A small study coded by the local engine, then by Ray into the same folder, then (with an
    export made from the codings) by Ray again: what each Ray run said and left. One sequence for
    the two tests below, which each ran Ray on this study (6-15 s of actor start-up a run)."""
    study = a_small_study(tmp_path_factory.mktemp("again") / "study")
    out = study.parent / "out"
    assert roqa_said("code", study, "--out", out, "--model", tiny_model_dir) == []
    earlier = ("open_coding.csv", "open_coding.jsonl", "report.html")
    assert all((out / name).is_file() for name in earlier)
    run = ("code", study, "--out", out, "--model", tiny_model_dir, "--engine", "ray")
    seen: dict[str, object] = {"out": out, "said over local": roqa_said(*run)}
    seen["left of local"] = [name for name in earlier if (out / name).exists()]
    (out / "export.csv").write_text("transcript,code\np01,IC.B\n", "utf-8")  # made from them
    seen["said again"] = roqa_said(*run)
    seen["shards"] = sorted(p.name for p in out.glob("*-0000*.jsonl"))
    return seen


def test_a_ray_run_again_into_its_folder_calls_only_the_files_it_did_not_rewrite_stale(
    ray_over_local: dict[str, object],
) -> None:
    """Coding a folder again with Ray said its own shards, rewritten by that run, were 'from
    before this run, which did not rewrite them' (engines tester s63, 1): the shards were named
    by a pattern among the files written, not one by one. (A first Ray run into a new folder
    says nothing: test_the_ray_engine_writes_the_codings_of_the_local_engine.)"""
    out = ray_over_local["out"]
    assert ray_over_local["said again"] == [
        f"roqa: warning: {out}: export.csv is from before this run, which did not rewrite it: a "
        "report, table or export among them shows the earlier codings (make it again from these)"
    ]
    assert ray_over_local["shards"] == [
        "codings-00000.jsonl",
        "codings-00001.jsonl",
        "transcripts-00000.jsonl",
        "transcripts-00001.jsonl",
    ]


def test_a_ray_run_removes_the_report_and_queue_of_the_codings_it_replaced(
    ray_over_local: dict[str, object],
) -> None:
    """A Ray run into a folder the local engine coded left that run's report.html and
    open_coding.* beside the new codings, warned of (engines tester s63, 3), where the local
    engine writes them again: a report.html opened showed the earlier codings. Roqa's own are
    removed once the new codings are in place, and said so."""
    out = ray_over_local["out"]
    assert ray_over_local["said over local"] == [
        f"roqa: note: {out}: removed the earlier run's open_coding.csv, open_coding.jsonl and "
        "report.html, made from the codings this run replaced (the Ray engine writes none: "
        f"`roqa report {out}` writes the report of these; a review kept in the browser is "
        "carried into it when it is opened from the same place)"
    ]
    assert ray_over_local["left of local"] == []


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


def test_a_dashboard_address_is_named_as_such_before_any_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """RAY_ADDRESS=http://127.0.0.1:8265, the dashboard's web address (which `ray job submit`
    takes), was read as the host 'http': 'no Ray cluster answers ... (Name or service not
    known)' (engines tester s63, 5). It is said to be the dashboard's, with the addresses to
    give, before Ray is asked or a connection tried."""
    import socket

    ray = pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    from roqa_nlp.errors import RoqaError
    from roqa_nlp.ray_engine import init_ray

    asked: list[object] = []
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", lambda **kwargs: asked.append(kwargs))

    def connect(*args: object, **kwargs: object) -> None:
        asked.append(args)
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(socket, "create_connection", connect)
    said = {}
    for address in ("http://127.0.0.1:8265", "https://head.example.org:8265/", "HTTP://[::1]"):
        monkeypatch.setenv("RAY_ADDRESS", address)
        with pytest.raises(RoqaError) as caught:
            init_ray()
        said[address] = str(caught.value)
    assert said["http://127.0.0.1:8265"] == (
        "RAY_ADDRESS=http://127.0.0.1:8265 is a web address, as of the Ray dashboard, not a Ray "
        "cluster's (give the cluster's: 127.0.0.1:6379 on one of its nodes, or "
        "ray://127.0.0.1:10001 for Ray Client, which needs pip install 'ray[client]'; or unset "
        "RAY_ADDRESS)"
    )
    assert (
        "head.example.org:6379 on one of its nodes, or ray://head.example.org:10001"
        in (said["https://head.example.org:8265/"])
    )
    assert "[::1]:6379 on one of its nodes, or ray://[::1]:10001" in said["HTTP://[::1]"]
    assert asked == []


def test_a_user_or_password_in_the_ray_address_is_refused_and_never_printed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """RAY_ADDRESS=Http://user:pw@10.0.0.5:8265 printed the password back in the one-line error
    (hunt s63, D3), and ann@HOST:PORT with a port that answers was sent to Ray, which retried it
    for ever (hunt s64: still waiting after 590 s). A Ray cluster's address holds no user name or
    password: one is refused before any connection or lookup, whatever the scheme, and whatever
    comes before the last '@' is shown as *** (a password may hold '@', ':' or '://')."""
    import socket

    ray = pytest.importorskip("ray", reason="the ray engine needs `pip install roqa_nlp[ray]`")
    from roqa_nlp.errors import RoqaError
    from roqa_nlp.ray_engine import init_ray

    monkeypatch.setattr(ray, "is_initialized", lambda: False)

    def never(**kwargs: object) -> None:
        raise AssertionError("ray.init was asked")

    monkeypatch.setattr(ray, "init", never)
    monkeypatch.setattr(socket, "create_connection", never)
    monkeypatch.setattr(socket, "getaddrinfo", never)
    said = {}
    for address in (
        "Http://ann:s3cret@10.0.0.5:8265",
        "ray://ann:s3cret@127.0.0.1:10001",
        "ann:s3c:ret@127.0.0.1:6379",
        "ann@127.0.0.1:6379",
        "ann:s3c://x@127.0.0.1:6379",
        "ray://ann:s3c@t@[::1]:10001",
    ):
        monkeypatch.setenv("RAY_ADDRESS", address)
        with pytest.raises(RoqaError) as caught:
            init_ray()
        said[address] = str(caught.value)
    assert said["Http://ann:s3cret@10.0.0.5:8265"] == (
        "RAY_ADDRESS=Http://***@10.0.0.5:8265 is a web address, as of the Ray dashboard, not "
        "a Ray cluster's (give the cluster's: 10.0.0.5:6379 on one of its nodes, or "
        "ray://10.0.0.5:10001 for Ray Client, which needs pip install 'ray[client]'; or unset "
        "RAY_ADDRESS)"
    )
    refused = (
        " holds a user name or password, which no Ray cluster's address does (give the "
        "cluster's address alone: HOST:6379 on one of its nodes, or ray://HOST:10001 for Ray "
        "Client; or unset RAY_ADDRESS)"
    )
    assert said["ray://ann:s3cret@127.0.0.1:10001"] == (
        f"RAY_ADDRESS=ray://***@127.0.0.1:10001{refused}"
    )
    assert said["ann:s3c:ret@127.0.0.1:6379"] == f"RAY_ADDRESS=***@127.0.0.1:6379{refused}"
    assert said["ann@127.0.0.1:6379"] == f"RAY_ADDRESS=***@127.0.0.1:6379{refused}"
    assert said["ann:s3c://x@127.0.0.1:6379"] == f"RAY_ADDRESS=***@127.0.0.1:6379{refused}"
    assert said["ray://ann:s3c@t@[::1]:10001"] == f"RAY_ADDRESS=ray://***@[::1]:10001{refused}"
    assert not any("s3c" in message or "ann" in message for message in said.values())
