"""No network: every command works with sockets blocked for the whole process.

``socket.socket`` is replaced, for the whole module, by a class whose ``connect``, ``sendto``
and ``listen`` record the attempt and raise, and ``socket.create_connection``,
``socket.getaddrinfo`` (DNS) and ``socket.create_server`` by functions that do the same.
``roqa train``, ``code``, ``evaluate``, ``suggest``, ``report``, ``export`` and ``import`` then run in this process (a library that caught the error and carried on would still
leave its attempt in the record, which must stay empty). Each command also leaves its inputs
byte-identical. Separately, ``import roqa_nlp`` must set ``HF_HUB_OFFLINE`` and
``TRANSFORMERS_OFFLINE`` before transformers or huggingface_hub is imported.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from roqa_nlp.cli import main

# One worker runs the whole module when the suite runs in parallel (`make test`, --dist
# loadgroup): its tests share the model trained and the examples coded by the module fixtures
# below, which each worker that ran some of them trained and coded again (12-13 s a worker).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("no_network")]

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "tests" / "data" / "core" / "tiny_training.jsonl"
LABELLED = ROOT / "tests" / "data" / "core" / "tiny_labelled.jsonl"
EXAMPLES = ROOT / "examples" / "interviews"


class NetworkAttempt(RuntimeError):
    pass


ATTEMPTS: list[str] = []


def _blocked(name: str):  # type: ignore[no-untyped-def]
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        ATTEMPTS.append(f"{name}{args[:2]!r}")
        raise NetworkAttempt(f"network access attempted: {name}")

    return refuse


class BlockedSocket(socket.socket):
    """A socket that can be made but never reaches anything: connecting, sending a datagram or
    listening records the attempt and raises. (Creating one is allowed: urllib3 probes IPv6
    support at import by binding a socket to ::1, which sends nothing.) It is a class, so
    libraries that subclass ``socket.socket`` (PySocks) still import."""

    def connect(self, address):  # type: ignore[no-untyped-def]
        ATTEMPTS.append(f"socket.connect({address!r})")
        raise NetworkAttempt(f"network access attempted: connect to {address!r}")

    def connect_ex(self, address):  # type: ignore[no-untyped-def]
        return self.connect(address)

    def sendto(self, *args):  # type: ignore[no-untyped-def]
        ATTEMPTS.append(f"socket.sendto{args[1:]!r}")
        raise NetworkAttempt("network access attempted: sendto")

    def listen(self, *args):  # type: ignore[no-untyped-def]
        ATTEMPTS.append("socket.listen")
        raise NetworkAttempt("network access attempted: listen")


@pytest.fixture(scope="module", autouse=True)
def sockets_blocked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Sockets blocked and a private embedding cache for every test of this module."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket, "socket", BlockedSocket)
        for name in ("create_connection", "getaddrinfo", "create_server"):
            mp.setattr(socket, name, _blocked(f"socket.{name}"))
        mp.setenv("ROQA_CACHE_DIR", str(tmp_path_factory.mktemp("no-network-cache")))
        yield
    assert ATTEMPTS == [], ATTEMPTS


def fingerprint(*paths: Path) -> dict[str, str]:
    out = {}
    for root in paths:
        for p in [root] if root.is_file() else sorted(root.rglob("*")):
            if p.is_file():
                out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def roqa(*args: str | Path, inputs: tuple[Path, ...] = ()) -> None:
    """Run one command in this process; it must succeed, touch no socket, change no input."""
    before = fingerprint(*inputs)
    try:
        main([str(a) for a in args])
    except SystemExit as e:
        assert e.code in (0, None), f"roqa {' '.join(map(str, args))} exited {e.code}"
    assert ATTEMPTS == [], ATTEMPTS
    assert fingerprint(*inputs) == before, "an input file changed"


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Copies of the inputs (training data, labelled data, the three example interviews)."""
    d = tmp_path_factory.mktemp("offline")
    shutil.copy(TRAINING, d / "training.jsonl")
    shutil.copy(LABELLED, d / "labelled.jsonl")
    shutil.copytree(EXAMPLES, d / "interviews")
    return d


@pytest.fixture(scope="module")
def trained(work: Path) -> Path:
    roqa(
        "train", work / "training.jsonl", "--out", work / "model", inputs=(work / "training.jsonl",)
    )
    return work / "model"


@pytest.fixture(scope="module")
def coded(work: Path, trained: Path) -> Path:
    roqa(
        "code", work / "interviews", "--out", work / "coded", "--model", trained,
        inputs=(work / "interviews", trained),
    )  # fmt: skip
    return work / "coded"


def test_connections_and_lookups_are_really_blocked() -> None:
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkAttempt):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9))
    with pytest.raises(NetworkAttempt):
        socket.getaddrinfo("huggingface.co", 443)
    assert len(ATTEMPTS) == 3
    ATTEMPTS.clear()


def test_train_writes_a_model_offline(trained: Path) -> None:
    card = json.loads((trained / "model_card.json").read_text("utf-8"))
    assert card["training_data"]["n_records"] > 40


def test_code_writes_codings_and_report_offline(coded: Path) -> None:
    assert (coded / "codings.jsonl").stat().st_size > 0
    assert (coded / "report.html").stat().st_size > 0


def test_evaluate_runs_offline(work: Path, trained: Path) -> None:
    out = work / "metrics.json"
    roqa(
        "evaluate", work / "labelled.jsonl", "--model", trained, "--json", out,
        inputs=(work / "labelled.jsonl", trained),
    )  # fmt: skip
    assert json.loads(out.read_text("utf-8"))


def test_suggest_runs_offline(trained: Path) -> None:
    roqa("suggest", "We lacked staff to cover the training.", "--model", trained, inputs=(trained,))


def test_report_runs_offline(work: Path, coded: Path) -> None:
    roqa("report", coded, "--out", work / "again.html", inputs=(coded,))
    assert "<html" in (work / "again.html").read_text("utf-8").lower()


def test_export_and_import_run_offline(work: Path, coded: Path) -> None:
    roqa("export", coded, "--qdpx", work / "project.qdpx", inputs=(coded,))
    roqa(
        "import", work / "project.qdpx", "--out", work / "imported", inputs=(work / "project.qdpx",)
    )
    assert (work / "imported" / "codebook.json").exists()


def test_importing_the_library_sets_offline_mode_before_transformers() -> None:
    """In a fresh interpreter without the variables: set by `import roqa_nlp`, and
    huggingface_hub, imported afterwards, reads them as offline."""
    script = (
        "import os, sys\n"
        "import roqa_nlp\n"
        "assert 'transformers' not in sys.modules and 'huggingface_hub' not in sys.modules\n"
        "assert os.environ['HF_HUB_OFFLINE'] == '1', os.environ.get('HF_HUB_OFFLINE')\n"
        "assert os.environ['TRANSFORMERS_OFFLINE'] == '1'\n"
        "from roqa_nlp.embedding import Embedder\n"
        "import huggingface_hub.constants as c\n"
        "assert c.HF_HUB_OFFLINE is True\n"
        "print('offline')\n"
    )
    env = {
        k: v for k, v in os.environ.items() if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    }
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "offline"
