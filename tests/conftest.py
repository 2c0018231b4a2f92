"""Fixtures shared by the test files.

- Every test session uses its own embedding cache (``ROQA_CACHE_DIR`` in a temporary directory),
  and its own per-user cache (``XDG_CACHE_HOME``), so tests never read or write the user's home.
- ``embedder`` loads the packaged embedding model once per session (about 10 s; slow tests only).
- ``tiny_model`` / ``tiny_model_dir``: one small AutoCoder trained once per session on the
  hand-written records in ``tests/data/core/tiny_training.jsonl`` (6 CFIR constructs, off-framework
  and procedural talk), and its saved model directory. Tests that alter a model copy the directory.
- ``cfir2009`` / ``cfir2022``: the built-in codebooks, loaded once per session.
- Torch (and OpenBLAS) compute on one thread (``OMP_NUM_THREADS=1`` unless set already), in this
  process and the commands it starts. Torch's two-thread default spends most of its time waiting
  for the second thread whenever the two cores are shared: 300 texts took 45 s and 31 s of CPU on
  two threads, 3.9 s on one. Vectors and codings do not depend on the thread count.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.embedding import Embedder
    from roqa_nlp.training import TrainingSet

TESTS = Path(__file__).resolve().parent
CORE_DATA = TESTS / "data" / "core"
REPO = TESTS.parent

# Read when torch and numpy load, which is after this file is imported (nothing imports them
# earlier); a CI that wants its own thread count sets the variable itself.
os.environ.setdefault("OMP_NUM_THREADS", "1")

# Property tests explore new random examples on every local run, to find what no one thought of;
# in CI (CI set) they run the same examples each time, so that a submission's verdict does not
# hang on which inputs a run happened to draw (one found at random is kept as a test of its own).
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``--dist loadgroup`` (`make test`) sends the tests of one ``xdist_group`` to one worker.

    pytest-xdist 3.8 names a test's group by appending ``@GROUP`` to ``item._nodeid``, which
    pytest 9 no longer reads (its node ids live in ``item._id``): no test was grouped, so each
    worker built the module fixtures of test_engines (its own local Ray too), test_no_network
    and test_cli_core again (s73 speed). The group is appended here when xdist's was lost."""
    if not config.getoption("loadgroup", default=False):  # set in xdist's workers only
        return
    try:
        from _pytest.nodeid import coerce_node_id  # pytest 9, where xdist's suffix is lost
    except ImportError:  # a pytest whose node ids xdist still sets: nothing to mend
        return
    for item in items:
        names = {
            str(m.args[0] if m.args else m.kwargs.get("name", "default"))
            for m in item.iter_markers("xdist_group")
        }
        if names and "@" not in item.nodeid:
            item._id = coerce_node_id(f"{item.nodeid}@{'_'.join(sorted(names))}")


def pytest_configure(config: pytest.Config) -> None:
    """In a parallel run (`make test`: ``-n``), the main process rewrites the asserts of every test
    module it is given once and keeps them as pytest's bytecode, before the workers start.

    Each worker collects the whole suite; on a clean clone (no ``__pycache__``) each rewrote the
    asserts of all 480 modules for itself: 43.2 s of CPU a worker, 12.7 s with the bytecode kept.
    Written once here: 17.9 s (s87 suitetime2). Nothing is done where bytecode is not written
    (``PYTHONDONTWRITEBYTECODE``, which `make test` unsets), in a worker, or without ``-n``; a
    pytest whose rewriting functions moved writes nothing and each worker rewrites as before."""
    if sys.dont_write_bytecode or hasattr(config, "workerinput"):
        return
    if getattr(config.option, "dist", "no") == "no":  # no xdist, or -n 0
        return
    try:
        from _pytest.assertion.rewrite import PYC_TAIL, _rewrite_test, _write_pyc, get_cache_dir
    except ImportError:
        return
    if config.getoption("assertmode") != "rewrite":
        return

    class Quiet:
        def trace(self, *args: object) -> None:
            pass

    # absolute, as the path pytest imports a module by (the code's file name in tracebacks)
    here = config.invocation_params.dir
    given = [Path(os.path.abspath(here / str(a).split("::")[0])) for a in config.args]
    files = {f for p in given if p.is_dir() for f in p.rglob("test_*.py")}
    files |= {p for p in given if p.suffix == ".py"}
    for p in given:  # the conftest files above each path given, as collection imports them
        for folder in [p if p.is_dir() else p.parent, *(p if p.is_dir() else p.parent).parents]:
            if (folder / "conftest.py").is_file():
                files.add(folder / "conftest.py")
            if folder == config.rootpath:
                break
    for fn in sorted(files):
        pyc = get_cache_dir(fn) / (fn.name[:-3] + PYC_TAIL)
        if pyc.exists():
            continue  # kept from an earlier run: pytest checks it against the source itself
        try:
            source_hash, code = _rewrite_test(fn, config)
            pyc.parent.mkdir(parents=True, exist_ok=True)
        except (OSError, SyntaxError):  # left to the worker, which reports it as pytest does
            continue
        _write_pyc(Quiet(), code, source_hash, pyc)  # type: ignore[arg-type]


@pytest.fixture(scope="session", autouse=True)
def private_embedding_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point the default embedding cache at a session temporary directory, and the per-user
    cache (which a cache elsewhere reads from) at another, empty one."""
    cache = tmp_path_factory.mktemp("roqa-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ROQA_CACHE_DIR", str(cache))
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache-home")))
        yield cache


@pytest.fixture(scope="session")
def embedder(private_embedding_cache: Path) -> Embedder:
    """The packaged embedding model, loaded once per session, caching in the session cache."""
    from roqa_nlp.embedding import Embedder

    emb = Embedder(cache=private_embedding_cache)
    emb.encode(["warm up"])  # load the model now, not inside the first timed test
    return emb


def tiny_training_set() -> TrainingSet:
    """The hand-written training records as a TrainingSet (no construct descriptions added)."""
    from roqa_nlp.training import TrainingSet

    path = CORE_DATA / "tiny_training.jsonl"
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    return TrainingSet(
        ids=[r["id"] for r in records],
        texts=[r["text"] for r in records],
        codes=[list(r["codes"]) for r in records],
        valences=[r["valence"] for r in records],
        # Five groups, so grouped cross-validation folds each see every class.
        groups=[f"group-{i % 5}" for i in range(len(records))],
        kinds=[r.get("kind") or ("coded" if r["codes"] else "off-framework") for r in records],
        sources=["team-written"] * len(records),
        contexts=[""] * len(records),
        hash="tiny-training-set",
    )


@pytest.fixture(scope="session")
def cfir2009() -> Codebook:
    from roqa_nlp.codebook import Codebook

    return Codebook.load("cfir-2009")


@pytest.fixture(scope="session")
def cfir2022() -> Codebook:
    from roqa_nlp.codebook import Codebook

    return Codebook.load("cfir-2022")


@pytest.fixture(scope="session")
def tiny_training() -> TrainingSet:
    return tiny_training_set()


@pytest.fixture(scope="session")
def tiny_model(embedder: Embedder, tiny_training: TrainingSet) -> AutoCoder:
    """A small AutoCoder fitted once per session. Do not modify it in tests.

    It keeps ``question_temperature`` 0.5, the default the tests of open coding, the weakly
    coded list and the codebook charts were written against: session 86 refitted the packaged
    default to 0.58 for the packaged model (tests/test_warm_recode.py checks that), which moves
    this tiny model's segments near the fits-no-code line."""
    from roqa_nlp.autocoder import AutoCoder

    return AutoCoder("cfir-2009", embedder=embedder, params={"question_temperature": 0.5}).fit(
        tiny_training
    )


@pytest.fixture(scope="session")
def tiny_model_dir(tiny_model: AutoCoder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``tiny_model`` saved to a session directory. Copy it before altering anything in it."""
    return tiny_model.save(tmp_path_factory.mktemp("tiny-model") / "model")
