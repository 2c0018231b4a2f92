"""Model directories are tamper-evident and never run code.

Complements ``tests/test_autocoder.py`` (one altered byte per file, named card edits, no
unpickling on a tiny model): here the packaged model ``models/default`` is altered at many byte
positions of every file, every single-byte change of its card is shown to be refused, cards forged
with a recomputed hash but unusable fields fail in one line, and files planted in the model
directory (a pickle, ``modules.py``, ``__init__.py``, ``sitecustomize.py``, a ``.pth``) or in an
embedding model the card points to are never executed.

Loading here needs no embedding model: an :class:`Embedder` only hashes the packaged weights until
it encodes. The one test that encodes is marked ``slow``.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from roqa_nlp.autocoder import CARD, AutoCoder, card_sha256, card_text
from roqa_nlp.embedding import Embedder
from roqa_nlp.errors import RoqaError

ROOT = Path(__file__).resolve().parents[1]
PACKAGED = ROOT / "models" / "default"
MODEL_FILES = (
    "classifier.safetensors",
    "codebook.json",
    "evidence.jsonl",
    "evidence.safetensors",
    "lexical.json",
    "lexical.safetensors",
    "model_card.json",
    "novelty.safetensors",
)
#: Where bytes are altered, as fractions of the file length (0 = first byte, 1 = last byte).
POSITIONS = (0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0)

pytestmark = pytest.mark.skipif(
    not (PACKAGED / CARD).exists(),
    reason="the packaged model models/default is not built yet (`make model`)",
)


@pytest.fixture(scope="module")
def default_weights() -> Embedder:
    """The packaged embedding model, hashed once; never loaded by these tests (no torch)."""
    emb = Embedder(cache=False)
    _ = emb.weights_hash
    return emb


@pytest.fixture
def model(tmp_path: Path) -> Path:
    """A private copy of the packaged model directory."""
    return Path(shutil.copytree(PACKAGED, tmp_path / "model"))


def alter_byte(path: Path, fraction: float, mask: int = 0x01) -> int:
    data = bytearray(path.read_bytes())
    i = min(int(fraction * len(data)), len(data) - 1)
    data[i] ^= mask
    path.write_bytes(bytes(data))
    return i


def refused(d: Path, emb: Embedder) -> str:
    with pytest.raises(RoqaError) as err:
        AutoCoder.load(d, embedder=emb)
    message = str(err.value)
    assert len(message.splitlines()) == 1
    return message


def test_the_unaltered_copy_loads(model: Path, default_weights: Embedder) -> None:
    ac = AutoCoder.load(model, embedder=default_weights)
    assert (
        ac.card["model_sha256"] == json.loads((PACKAGED / CARD).read_text("utf-8"))["model_sha256"]
    )


@pytest.mark.parametrize("fraction", POSITIONS)
@pytest.mark.parametrize("name", MODEL_FILES)
def test_one_altered_byte_anywhere_in_any_model_file_is_refused(
    name: str, fraction: float, model: Path, default_weights: Embedder
) -> None:
    alter_byte(model / name, fraction)
    message = refused(model, default_weights)
    assert "model card" in message
    if name == CARD:  # a recorded file hash altered names that file: they no longer match
        assert message.startswith(str(model) + os.sep)
    else:
        assert message.startswith(f"{model / name}: model file does not match its model card")


@pytest.mark.parametrize("mask", [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80])
def test_no_single_byte_change_of_the_card_passes_its_checks(mask: int) -> None:
    """Exhaustive over every byte of the card: a flipped bit makes it undecodable, not JSON, a
    different content (its hash no longer matches) or a different text than save() writes.
    These are the checks AutoCoder.load applies; the real loader is exercised above."""
    raw = (PACKAGED / CARD).read_bytes()
    passed = []
    for i in range(len(raw)):
        data = bytearray(raw)
        data[i] ^= mask
        try:
            text = bytes(data).decode("utf-8")
            card = json.loads(text)
        except (ValueError, RecursionError):
            continue
        same_hash = isinstance(card, dict) and card.get("model_sha256") == card_sha256(card)
        if same_hash and text == card_text(card):
            passed.append(i)
    assert passed == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('{\n  "library"', '{\r\n  "library"'),  # a line ending
        ('{\n  "library"', '{\n \t"library"'),  # indentation
        ('"alpha": 0.1,', '"alpha": 0.10,'),  # the same number spelled otherwise
        ('"library": "roqa_nlp"', '"library": "roqa\\u005fnlp"'),  # the same text, escaped
    ],
)
def test_an_edit_of_the_card_that_keeps_its_content_is_refused(
    old: str, new: str, model: Path, default_weights: Embedder
) -> None:
    card = model / CARD
    text = card.read_bytes().decode("utf-8")
    assert text.count(old) >= 1, old
    card.write_bytes(text.replace(old, new, 1).encode("utf-8"))
    assert json.loads(card.read_bytes()) == json.loads(text)  # same content, other bytes
    assert "the model card was altered" in refused(model, default_weights)


def forge(model: Path, **fields: object) -> None:
    """Rewrite the card with ``fields`` and a recomputed hash, as a forger would."""
    card = json.loads((model / CARD).read_text("utf-8"))
    card.update(fields)
    card["model_sha256"] = card_sha256(card)
    (model / CARD).write_text(card_text(card), encoding="utf-8")


@pytest.mark.parametrize(
    "fields",
    [
        {"files": []},
        {"codebook": ["cfir-2009"]},
        {"embedding_model": 5},
        {"params": "fast"},
        {"classifier": "logreg"},
        {"novelty": []},
        {
            "novelty": {
                "alpha": 0.1,
                "k": 5,
                "n_splits": 5,
                "random_state": 0,
                "score": "combined",
                "run": "rm -rf",
            }
        },
    ],
    ids=["files", "codebook", "embedding", "params", "classifier", "novelty", "novelty-extra"],
)
def test_a_forged_card_with_unusable_fields_is_one_error_line(
    fields: dict[str, object], model: Path, default_weights: Embedder
) -> None:
    forge(model, **fields)
    message = refused(model, default_weights)
    assert message.startswith(str(model / CARD))


@pytest.mark.parametrize("name", ["novelty.safetensors", "evidence.jsonl"])
def test_a_model_file_that_is_a_device_is_refused_without_reading_it(
    name: str, model: Path, default_weights: Embedder
) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    (model / name).unlink()
    (model / name).symlink_to("/dev/zero")  # hashing it would never end
    assert "not a regular file" in refused(model, default_weights)


# -- no code from the model directory --------------------------------------------------------------


class _Planted:
    """Unpickling this writes the sentinel file (what a malicious pickle would do)."""

    def __init__(self, sentinel: str):
        self.sentinel = sentinel

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path(self.sentinel).write_text, ("executed",))


def plant(d: Path, sentinel: Path) -> list[str]:
    """Files that would run code if anything imported, unpickled or auto-loaded them."""
    code = f"open({str(sentinel)!r}, 'w').write('executed')\n"
    (d / "evil.pkl").write_bytes(pickle.dumps(_Planted(str(sentinel))))
    (d / "classifier.pkl").write_bytes(pickle.dumps(_Planted(str(sentinel))))
    (d / "pytorch_model.bin").write_bytes(pickle.dumps(_Planted(str(sentinel))))
    (d / "modules.py").write_text(code, "utf-8")
    (d / "__init__.py").write_text(code, "utf-8")
    (d / "sitecustomize.py").write_text(code, "utf-8")
    (d / "roqa_evil.pth").write_text(f"import os; {code}", "utf-8")
    (d / "config.json").write_text(
        json.dumps({"auto_map": {"AutoModel": "modules.Evil"}, "trust_remote_code": True}), "utf-8"
    )
    return ["modules", "sitecustomize", "evil", "classifier"]


def test_files_planted_in_the_model_directory_are_never_run(
    model: Path,
    default_weights: Embedder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentinel = tmp_path / "EXECUTED"
    names = plant(model, sentinel)

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the loader tried to unpickle")

    for target in ("pickle.load", "pickle.loads", "pickle.Unpickler", "numpy.load"):
        monkeypatch.setattr(target, refuse)
    monkeypatch.chdir(model)  # even from inside the model directory
    monkeypatch.syspath_prepend(str(model))  # and with it on the import path
    before = set(sys.modules)
    ac = AutoCoder.load(model, embedder=default_weights)
    assert ac.classifier is not None
    assert not sentinel.exists()
    new = set(sys.modules) - before
    assert not [m for m in new if m in names or m.split(".")[0] in names]
    from_model = [
        m for m in new if str(getattr(sys.modules[m], "__file__", "") or "").startswith(str(model))
    ]
    assert from_model == []


@pytest.mark.slow
def test_an_embedding_model_with_custom_code_is_refused_without_running_it(
    model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A forged card may point at any local embedding directory; its custom code never runs."""
    sentinel = tmp_path / "EXECUTED"
    real = Embedder(cache=False).model_path
    evil = model / "embedding"
    evil.mkdir()
    for item in real.iterdir():
        if item.name not in ("modules.json", "config.json"):
            (evil / item.name).symlink_to(item)
    config = json.loads((real / "config.json").read_text("utf-8"))
    config["auto_map"] = {
        "AutoModel": "evil_module.EvilModel",
        "AutoConfig": "evil_module.EvilConfig",
    }
    (evil / "config.json").write_text(json.dumps(config), "utf-8")
    modules = json.loads((real / "modules.json").read_text("utf-8"))
    modules.append({"idx": len(modules), "name": "x", "path": "", "type": "evil_module.Evil"})
    (evil / "modules.json").write_text(json.dumps(modules), "utf-8")
    code = f"open({str(sentinel)!r}, 'w').write('executed')\nclass Evil: pass\nclass EvilModel: pass\nclass EvilConfig: pass\n"
    (evil / "evil_module.py").write_text(code, "utf-8")
    card = json.loads((model / CARD).read_text("utf-8"))
    forge(model, embedding_model={**card["embedding_model"], "name": str(evil)})
    monkeypatch.chdir(evil)
    monkeypatch.syspath_prepend(str(evil))
    monkeypatch.setenv("ROQA_CACHE_DIR", str(tmp_path / "cache"))
    ac = AutoCoder.load(model, cache=False)
    with pytest.raises(RoqaError) as err:
        ac.suggest("We lacked staff.")
    assert "cannot load the embedding model" in str(err.value)
    assert not sentinel.exists()
    assert "evil_module" not in sys.modules


@pytest.mark.parametrize("backend", ["torch", "onnx-int8"])
def test_a_model_trained_on_static_vectors_refuses_a_transformer_backend(
    model: Path, backend: str
) -> None:
    """Static vectors are not the transformer's embeddings: a model trained on them, run with
    --backend torch, scored dev top-1 0.167 against 0.333 on its own vectors, without a word
    (the other way round was refused already)."""
    card = json.loads((model / CARD).read_text("utf-8"))
    forge(model, embedding_model={**card["embedding_model"], "backend": "static"})
    with pytest.raises(RoqaError) as err:
        AutoCoder.load(model, backend=backend)
    assert str(err.value) == (
        f"{model}: this model was trained on static vectors, not the {backend} backend's "
        "embeddings (leave out --backend (the model loads with the backend it was trained on), "
        "or use a model trained on that backend)"
    )


def test_a_model_a_train_is_moving_in_is_said_so_not_altered(
    model: Path, default_weights: Embedder
) -> None:
    """Re-test, session 46: a model read while `roqa train` moved its new files in (or after a
    train killed then: its temporary folder is left in the model folder) was said "altered or
    corrupted (retrain the model or restore the directory)"."""
    alter_byte(model / "classifier.safetensors", 0.5)  # the new classifier, beside the old card
    (model / ".roqa.k1ll3d00.tmp").mkdir()
    assert refused(model, default_weights) == (
        f"{model / 'classifier.safetensors'}: model file does not match its model card: a roqa "
        "train is replacing this model, or one was stopped while it did (wait for the training "
        "to end; if none is running, train the model again)"
    )
