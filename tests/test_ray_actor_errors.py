"""What a Ray actor does with a user mistake it meets, and what the driver does with it: without
Ray (cheap, on any worker).

The driver reads every transcript before Ray starts and refuses one it cannot read
(``_read_on_driver``), so an actor meets a transcript it cannot read only when the file was
deleted or changed after that: the actor (``CodeChunk``) sends the error back as data, and the
driver removes the shards the other actors wrote and raises the first error, one line
(``code_with_ray``). Here the actor's callable is called in-process, and Ray's map step is a
fake that calls it chunk by chunk, as Ray Data's actors do.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from test_engines import NAMED, roqa_error

pytestmark = pytest.mark.slow

NO_SPEECH = "no speech found (the file is empty: check that it is the right file)"


def a_study(folder: Path) -> tuple[Path, Path, Path]:
    """Three short transcripts in ``folder``, each one a chunk of its own."""
    first, second, third = (folder / f"p0{n}.txt" for n in (1, 2, 3))
    for path in (first, second, third):
        path.write_text(NAMED, encoding="utf-8")
    return first, second, third


def actor(out: Path, model: Path | str) -> Any:
    """An actor's callable, made as ``code_with_ray`` has Ray make it."""
    from roqa_nlp.ray_engine import CodeChunk

    return CodeChunk(
        out=str(out), model=str(model), backend=None, top_k=None, cache=True, threads=1
    )


def test_an_actor_returns_the_error_of_a_transcript_deleted_or_emptied_after_the_driver_read_it(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    from roqa_nlp.ray_engine import _read_on_driver

    good, gone, emptied = a_study(tmp_path)
    _read_on_driver([good, gone, emptied], None)  # refuses none of them: all three are read
    gone.unlink()
    emptied.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    code = actor(out, tiny_model_dir)
    rows = [code({"chunk": [n], "paths": [[str(p)]]}) for n, p in enumerate((good, gone, emptied))]
    assert [(r["chunk"], r["error"], r["n_transcripts"], r["meta"][0] != "{}") for r in rows] == [
        ([0], [""], [1], True),
        ([1], [f"{gone}: file or folder not found (check the path)"], [0], False),
        ([2], [f"{emptied}: {NO_SPEECH}"], [0], False),
    ]
    assert [r["n_segments"] for r in rows[1:]] == [[0], [0]]
    # the chunk coded is written, the others are not
    assert sorted(p.name for p in out.iterdir()) == [
        "codings-00000.jsonl",
        "transcripts-00000.jsonl",
    ]


def test_an_actor_whose_model_cannot_be_loaded_returns_the_error_for_every_chunk(
    tmp_path: Path,
) -> None:
    """The driver loads the model before Ray starts; a model gone since, or one an actor's node
    cannot read, is every chunk's error, and no shard is written."""
    good = a_study(tmp_path)[0]
    out = tmp_path / "out"
    out.mkdir()
    code = actor(out, tmp_path / "gone-model")
    row = code({"chunk": [0, 1], "paths": [[str(good)], [str(good)]]})
    error = code.error
    assert error == (
        f"{tmp_path / 'gone-model'}: folder not found (check the path: give the model folder "
        "roqa train wrote)"
    )
    assert row == {
        "chunk": [0, 1],
        "n_segments": [0, 0],
        "n_novel": [0, 0],
        "n_transcripts": [0, 0],
        "meta": ["{}", "{}"],
        "error": [error, error],
    }
    assert list(out.iterdir()) == []


class FakeRay:
    """A Ray of two CPUs whose map step calls the actor's callable in this process, chunk by
    chunk (``batch_size=1``), after ``before_map`` (which changes the files the driver read)."""

    def __init__(self, before_map: Callable[[], None]):
        self.before_map = before_map
        #: what the out folder held after the map step, before the driver saw the rows
        self.after_map: list[str] = []
        self.data = self

    def cluster_resources(self) -> dict[str, float]:
        return {"CPU": 2.0}

    def ActorPoolStrategy(self, size: int) -> int:  # noqa: N802 (Ray Data's name)
        return size

    def from_items(self, items: list[dict[str, Any]], **_: object) -> FakeRay:
        self.items = items
        return self

    def map_batches(self, fn: type, fn_constructor_kwargs: dict[str, Any], **_: object) -> FakeRay:
        self.fn, self.kwargs = fn, fn_constructor_kwargs
        return self

    def take_all(self) -> list[dict[str, Any]]:
        self.before_map()
        code = self.fn(**self.kwargs)
        rows = []
        for item in self.items:
            batch = code({"chunk": [item["chunk"]], "paths": [item["paths"]]})
            rows.append({key: values[0] for key, values in batch.items()})
        self.after_map = sorted(p.name for p in Path(self.kwargs["out"]).iterdir())
        return rows


def emptied_on_the_map_step(monkeypatch: pytest.MonkeyPatch, emptied: Path) -> FakeRay:
    """Ray, for ``code_with_ray``, is ``FakeRay``; ``emptied`` is emptied as its map step starts."""
    import roqa_nlp.ray_engine as ray_engine

    ray = FakeRay(before_map=lambda: emptied.write_text("", encoding="utf-8"))

    @contextlib.contextmanager
    def fake_session(num_cpus: int | None = None) -> Iterator[FakeRay]:
        yield ray

    monkeypatch.setattr(ray_engine, "ray_session", fake_session)
    return ray


@pytest.mark.parametrize("out_there", [False, True], ids=["new_out", "out_with_a_file"])
def test_a_ray_run_an_actor_failed_removes_the_shards_written_and_raises_the_actors_error(
    out_there: bool, tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first chunk is coded and its shards written; the second chunk's transcript was emptied
    after the driver read it: the actor's error is raised, and the run leaves nothing (the out
    folder it made is removed; a folder that was there keeps the file it held)."""
    from roqa_nlp.errors import RoqaError
    from roqa_nlp.ray_engine import code_with_ray

    good, emptied = a_study(tmp_path)[:2]
    ray = emptied_on_the_map_step(monkeypatch, emptied)
    out = tmp_path / "out"
    if out_there:
        out.mkdir()
        (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(RoqaError) as caught:
        code_with_ray([good, emptied], out, model=tiny_model_dir)
    assert str(caught.value) == f"{emptied}: {NO_SPEECH}"
    assert [item["paths"] for item in ray.items] == [[str(good)], [str(emptied)]]
    written = ["codings-00000.jsonl", "transcripts-00000.jsonl"]
    assert ray.after_map == sorted(written + (["notes.txt"] if out_there else []))
    if out_there:
        assert [p.name for p in out.iterdir()] == ["notes.txt"]
    else:
        assert not out.exists()


def test_roqa_code_says_the_error_of_an_actor_in_one_line_and_leaves_no_output(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, emptied = a_study(tmp_path)[:2]
    ray = emptied_on_the_map_step(monkeypatch, emptied)
    out = tmp_path / "out"
    line = roqa_error(
        "code", good, emptied, "--out", out, "--model", tiny_model_dir, "--engine", "ray"
    )
    assert line == f"roqa: error: {emptied}: {NO_SPEECH}"
    # the folder lock is the command's
    assert ray.after_map == [".roqa.lock", "codings-00000.jsonl", "transcripts-00000.jsonl"]
    assert not out.exists()
