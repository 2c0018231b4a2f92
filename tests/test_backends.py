"""Specification of the fast embedding backends (onnx-int8, static) and their cards.

A tiny BERT sentence-transformers model is built in the test session (random weights, a 60-word
vocabulary), so export, quantisation and distillation take seconds; no weights are downloaded.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from roqa_nlp.errors import RoqaError

# One worker runs every test here when the suite runs in parallel (`make test`, --dist
# loadgroup): each worker that ran one built the tiny model and its ONNX export again
# (18-24 s a worker on a loaded 2-core machine, s75 suite).
pytestmark = pytest.mark.xdist_group("backends")

# Looked up, not imported: importing onnx and onnxruntime costs ~2 s in every process that
# collects the suite (each xdist worker), most of which never runs a test of this file.
for _module, _reason in (
    ("onnxruntime", "the fast backends need `pip install roqa_nlp[fast]`"),
    ("onnx", "exporting to ONNX needs `pip install roqa_nlp[fast]`"),
):
    if importlib.util.find_spec(_module) is None:
        pytest.skip(_reason, allow_module_level=True)

from roqa_nlp.backends import build_backend, load_encoder, read_card  # noqa: E402
from roqa_nlp.embedding import Embedder, weights_hash  # noqa: E402

WORDS = [
    "we",
    "just",
    "don't",
    "have",
    "the",
    "staff",
    "to",
    "release",
    "people",
    "for",
    "training",
    ".",
    "the",
    "commissioners",
    "changed",
    "thresholds",
    "again",
    "and",
    "nobody",
    "told",
    "us",
    "until",
    "audit",
    ",",
    "which",
    "meant",
    "weeks",
    "of",
    "rework",
    "for",
    "whole",
    "team",
    "our",
    "manager",
    "backed",
    "it",
    "from",
    "start",
]
TEXTS = [
    "We just don't have the staff.",
    "The commissioners changed the thresholds again, and nobody told us until the audit, which "
    "meant weeks of rework for the whole team.",
    "Our manager backed it from the start.",
    "",
]


@pytest.fixture(scope="module")
def tiny_st_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer, 32-wide BERT with mean pooling, saved as a sentence-transformers directory."""
    import torch
    from sentence_transformers import SentenceTransformer, models
    from tokenizers import Tokenizer
    from tokenizers.models import WordPiece
    from tokenizers.normalizers import BertNormalizer
    from tokenizers.pre_tokenizers import BertPreTokenizer
    from tokenizers.processors import TemplateProcessing
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    root = tmp_path_factory.mktemp("tiny-st")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *dict.fromkeys(WORDS)]
    tok = Tokenizer(WordPiece({w: i for i, w in enumerate(vocab)}, unk_token="[UNK]"))
    tok.normalizer = BertNormalizer(lowercase=True)
    tok.pre_tokenizer = BertPreTokenizer()
    tok.post_processor = TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    hf = root / "hf"
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
    )
    fast.save_pretrained(hf)
    torch.manual_seed(0)
    cfg = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
    )
    BertModel(cfg).save_pretrained(hf)
    word = models.Transformer(str(hf), max_seq_length=48)
    pool = models.Pooling(32, pooling_mode="mean")
    out = root / "st"
    SentenceTransformer(modules=[word, pool], device="cpu").save(str(out))
    return out


@pytest.fixture(scope="module")
def source_hash(tiny_st_model: Path) -> str:
    return weights_hash(tiny_st_model)


@pytest.fixture(scope="module")
def onnx_dir(
    tiny_st_model: Path, source_hash: str, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    out = tmp_path_factory.mktemp("backends") / "onnx-int8"
    return build_backend("onnx-int8", tiny_st_model, source_hash, out, source_name="tiny")


def reference(model: Path, texts: list[str]) -> np.ndarray:
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(model), device="cpu")
    return st.encode(texts, normalize_embeddings=True, convert_to_numpy=True)


# -- onnx-int8 ----------------------------------------------------------------------------------


def test_fp32_export_pools_exactly_like_sentence_transformers(
    tiny_st_model: Path, source_hash: str, tmp_path: Path
) -> None:
    from roqa_nlp.backends.onnx_int8 import OnnxEncoder, export_onnx

    card = export_onnx(
        tiny_st_model, tmp_path, {"source_weights_sha256": source_hash}, quantize=False, fuse=False
    )
    got = OnnxEncoder(tmp_path, card).encode(TEXTS)
    np.testing.assert_allclose(got, reference(tiny_st_model, TEXTS), atol=2e-6)


def test_the_fused_fp32_graph_encodes_like_sentence_transformers(
    tiny_st_model: Path, source_hash: str, tmp_path: Path
) -> None:
    from roqa_nlp.backends.onnx_int8 import OnnxEncoder, export_onnx

    card = export_onnx(
        tiny_st_model, tmp_path, {"source_weights_sha256": source_hash}, quantize=False
    )
    fused = card["fused_operators"]
    assert (fused["Attention"], fused["SkipLayerNormalization"]) == (2, 4)  # per layer: 1 and 2
    got = OnnxEncoder(tmp_path, card).encode(TEXTS)
    np.testing.assert_allclose(got, reference(tiny_st_model, TEXTS), atol=1e-5)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "backend_card.json",
        "model.onnx",
        "tokenizer.json",
    ]


def test_int8_vectors_are_close_to_torch_and_unit_length(
    tiny_st_model: Path, onnx_dir: Path, source_hash: str
) -> None:
    got = load_encoder(onnx_dir, source_hash).encode(TEXTS)
    cos = (got * reference(tiny_st_model, TEXTS)).sum(axis=1)
    assert cos.min() > 0.95
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-6)


def test_an_int8_embedding_does_not_depend_on_its_batch(onnx_dir: Path, source_hash: str) -> None:
    enc = load_encoder(onnx_dir, source_hash)
    alone = enc.encode([TEXTS[0]])[0]
    with_longer = enc.encode([TEXTS[1], TEXTS[0], TEXTS[2]])[1]
    assert np.array_equal(alone, with_longer)


def test_the_card_records_source_files_and_pooling(onnx_dir: Path, source_hash: str) -> None:
    card = json.loads((onnx_dir / "backend_card.json").read_text())
    assert card["backend"] == "onnx-int8"
    assert card["source_weights_sha256"] == source_hash
    assert sorted(card["files"]) == ["model.onnx", "tokenizer.json"]
    assert card["max_tokens"] == 48
    assert card["pooling"].startswith("mean")
    assert card["fused_operators"]["Attention"] == 2
    assert card["quantization"]["reduce_range"] is True


def test_a_fusion_that_changes_the_token_embeddings_is_not_used(
    tiny_st_model: Path, source_hash: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roqa_nlp.backends import onnx_int8

    monkeypatch.setattr(onnx_int8, "FUSION_TOLERANCE", -1.0)  # any difference is too large
    card = onnx_int8.export_onnx(
        tiny_st_model, tmp_path, {"source_weights_sha256": source_hash}, quantize=False
    )
    assert card["fused_operators"] is None
    assert not (tmp_path / "model.fused.onnx").exists()


def test_an_altered_backend_file_is_refused_naming_it(
    onnx_dir: Path, source_hash: str, tmp_path: Path
) -> None:
    import shutil

    copy = tmp_path / "b"
    shutil.copytree(onnx_dir, copy)
    with open(copy / "tokenizer.json", "a") as fh:
        fh.write(" ")
    with pytest.raises(RoqaError, match=r"tokenizer\.json: backend file is missing or does not"):
        load_encoder(copy, source_hash)


def test_a_backend_built_from_another_model_is_refused(onnx_dir: Path) -> None:
    with pytest.raises(RoqaError, match="built from a different embedding model"):
        read_card(onnx_dir, kind="onnx-int8", source_weights_sha256="0" * 64)


def test_a_directory_of_another_kind_is_refused(onnx_dir: Path, source_hash: str) -> None:
    with pytest.raises(RoqaError, match="holds a 'onnx-int8' backend, not 'static'"):
        read_card(onnx_dir, kind="static", source_weights_sha256=source_hash)


def test_an_unbuilt_backend_names_the_command_that_builds_it(tiny_st_model: Path) -> None:
    emb = Embedder(tiny_st_model, backend="onnx-int8", cache=False)
    with pytest.raises(RoqaError, match=r"run `roqa build-backend onnx-int8`"):
        emb.encode(["x"])


def test_an_unknown_backend_lists_the_known_ones(tiny_st_model: Path) -> None:
    emb = Embedder(tiny_st_model, backend="tensorrt", cache=False)
    with pytest.raises(RoqaError, match="use one of torch, onnx-int8, static"):
        emb.encode(["x"])


def test_a_backend_folder_that_is_not_there_is_named_as_such(
    tiny_st_model: Path, tmp_path: Path
) -> None:
    """--backend /no/such/dir said "unknown embedding backend", as if a kind were misspelt."""
    missing = tmp_path / "backends" / "onnx"
    with pytest.raises(RoqaError) as err:
        Embedder(tiny_st_model, backend=str(missing), cache=False).encode(["x"])
    assert str(err.value).startswith(f"{missing}: no such backend folder (give the folder")


def test_the_cache_keys_fast_vectors_by_the_backend_hash(
    tiny_st_model: Path, onnx_dir: Path, source_hash: str, tmp_path: Path
) -> None:
    import sqlite3

    Embedder(tiny_st_model, backend=onnx_dir, cache=tmp_path).encode([TEXTS[0]])
    Embedder(tiny_st_model, cache=tmp_path).encode([TEXTS[0]])
    card = json.loads((onnx_dir / "backend_card.json").read_text())
    with sqlite3.connect(tmp_path / "embeddings.sqlite") as db:
        models = sorted(r[0] for r in db.execute("SELECT model FROM emb"))
    # torch vectors are keyed by the weights and the unpadded batching (embedding.TORCH_ENCODING)
    assert models == sorted([card["sha256"], f"{source_hash}:unpadded"])


def test_the_onnx_runtime_never_imports_torch(onnx_dir: Path, source_hash: str) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from roqa_nlp.backends import load_encoder\n"
        f"load_encoder(Path({str(onnx_dir)!r}), {source_hash!r}).encode(['hello'])\n"
        "print('torch' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- static ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def static_dir(
    tiny_st_model: Path, source_hash: str, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    pytest.importorskip("model2vec", reason="the static backend is distilled with model2vec")
    pytest.importorskip("skeletoken", reason="model2vec distillation needs skeletoken")
    out = tmp_path_factory.mktemp("backends") / "static"
    return build_backend("static", tiny_st_model, source_hash, out, source_name="tiny")


def test_static_encoding_equals_model2vec(static_dir: Path, source_hash: str) -> None:
    from model2vec import StaticModel
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    vectors = load_file(str(static_dir / "static.safetensors"))["vectors"]
    tok = Tokenizer.from_file(str(static_dir / "tokenizer.json"))
    m2v = StaticModel(vectors=vectors, tokenizer=tok, normalize=True)
    want = m2v.encode(TEXTS, max_length=None)
    got = load_encoder(static_dir, source_hash).encode(TEXTS)
    np.testing.assert_allclose(got, want, atol=1e-6)


def test_static_vectors_keep_the_model_width_for_its_classifier(
    static_dir: Path, source_hash: str
) -> None:
    assert load_encoder(static_dir, source_hash).encode(TEXTS).shape == (4, 32)


# -- the card: what it names and what loading checks ---------------------------------------------


def card_copy(onnx_dir: Path, tmp_path: Path, **changes: object) -> Path:
    """A copy of the built backend whose card has ``changes`` (its files untouched)."""
    import shutil

    copy = tmp_path / "bk"
    shutil.copytree(onnx_dir, copy)
    card = json.loads((copy / "backend_card.json").read_text())
    card.update(changes)
    (copy / "backend_card.json").write_text(json.dumps(card, indent=2))
    return copy


def test_the_rebuild_advice_for_a_folder_names_the_kind_its_card_records(
    onnx_dir: Path, tmp_path: Path
) -> None:
    """--backend DIR: the advice printed a literal KIND (`roqa build-backend KIND --out DIR`)."""
    copy = card_copy(onnx_dir, tmp_path)
    with pytest.raises(RoqaError) as err:
        read_card(copy, kind=None, source_weights_sha256="0" * 64)
    assert str(err.value) == (
        f"{copy / 'backend_card.json'}: the backend was built from a different embedding model "
        f"than the one in use (rebuild it with `roqa build-backend onnx-int8 --out {copy}`)"
    )


def test_the_rebuild_advice_for_an_unreadable_card_names_both_kinds(tmp_path: Path) -> None:
    (tmp_path / "backend_card.json").write_text("{", encoding="utf-8")
    with pytest.raises(RoqaError) as err:
        read_card(tmp_path, kind=None, source_weights_sha256="0" * 64)
    assert str(err.value) == (
        f"{tmp_path / 'backend_card.json'}: the backend card is not valid (rebuild it with "
        f"`roqa build-backend onnx-int8 --out {tmp_path}` or `roqa build-backend static --out "
        f"{tmp_path}`)"
    )


def test_a_card_with_another_pooling_is_refused(
    onnx_dir: Path, source_hash: str, tmp_path: Path
) -> None:
    """Docs say loading checks the card's pooling: an edited "cls" was used as mean pooling."""
    copy = card_copy(onnx_dir, tmp_path, pooling="cls")
    with pytest.raises(RoqaError) as err:
        load_encoder(copy, source_hash)
    assert str(err.value) == (
        f"{copy / 'backend_card.json'}: the backend card records another pooling than this roqa "
        f"builds ('cls') (rebuild it with `roqa build-backend onnx-int8 --out {copy}`)"
    )


def test_a_card_with_another_quantisation_is_refused(
    onnx_dir: Path, source_hash: str, tmp_path: Path
) -> None:
    card = json.loads((onnx_dir / "backend_card.json").read_text())
    other = {**card["quantization"], "weight_type": "QUInt8", "per_channel": False}
    copy = card_copy(onnx_dir, tmp_path, quantization=other)
    with pytest.raises(RoqaError) as err:
        load_encoder(copy, source_hash)
    assert str(err.value) == (
        f"{copy / 'backend_card.json'}: the backend card records another quantisation than this "
        f"roqa builds (per_channel False, weight_type QUInt8) (rebuild it with "
        f"`roqa build-backend onnx-int8 --out {copy}`)"
    )


def test_a_card_as_built_loads(onnx_dir: Path, source_hash: str, tmp_path: Path) -> None:
    assert load_encoder(card_copy(onnx_dir, tmp_path), source_hash).encode(TEXTS).shape == (4, 32)


def test_run_json_records_the_backends_kind_and_card_hash_for_a_folder(
    tiny_st_model: Path, onnx_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--backend DIR: run.json's embedding_backend was the path as typed, with no build hash, so
    two builds could not be told apart; the kind and the card's hash are recorded beside it."""
    from roqa_nlp.autocoder import AutoCoder

    card = json.loads((onnx_dir / "backend_card.json").read_text())
    card_copy(onnx_dir, tmp_path)
    monkeypatch.chdir(tmp_path)
    emb = Embedder(tiny_st_model, backend="bk", cache=False)
    summary = AutoCoder("cfir-2009", embedder=emb).model_summary()
    assert {k: v for k, v in summary.items() if k.startswith("embedding_backend")} == {
        "embedding_backend": "bk",  # the folder as typed, as before
        "embedding_backend_kind": "onnx-int8",
        "embedding_backend_sha256": card["sha256"],
    }


def test_the_static_backends_all_zero_vector_is_kept_and_onnxs_is_damage(
    tiny_st_model: Path, static_dir: Path, onnx_dir: Path, tmp_path: Path
) -> None:
    """The static backend encodes a text with no word piece it knows ("" here) as all zeros:
    cached and reused without a warning (hunt s44). onnx-int8 never makes zeros: a cached one is
    damage, encoded again with one warning (tester s53 resilience, 1)."""
    import sqlite3
    import warnings

    from roqa_nlp.errors import RoqaWarning

    static = Embedder(tiny_st_model, backend=static_dir, cache=tmp_path / "s")
    assert static.encode([""]).tolist() == [[0.0] * 32]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        again = Embedder(tiny_st_model, backend=static_dir, cache=tmp_path / "s")
        assert again.encode([""]).tolist() == [[0.0] * 32]

    onnx = Embedder(tiny_st_model, backend=onnx_dir, cache=tmp_path / "o")
    want = onnx.encode([TEXTS[0]])
    onnx._cache.close()  # type: ignore[union-attr]
    path = tmp_path / "o" / "embeddings.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("UPDATE emb SET vec = ?", (bytes(4 * 32),))
    db.close()
    with pytest.warns(RoqaWarning) as caught:
        got = Embedder(tiny_st_model, backend=onnx_dir, cache=tmp_path / "o").encode([TEXTS[0]])
    assert got.tobytes() == want.tobytes()
    assert [str(w.message) for w in caught] == [
        f"{path}: 1 cached embedding was damaged (not 32 finite numbers of unit length): it is "
        "encoded again and written over (delete the file if this keeps happening: the disk may "
        "be failing)"
    ]
    assert (
        static.encodes_zero_vectors,
        onnx.encodes_zero_vectors,
        Embedder(tiny_st_model).encodes_zero_vectors,
    ) == (True, False, False)


@pytest.mark.parametrize(
    ("threads", "omp", "workers"),
    [(None, "1", 1), (None, " 3 ", 3), (2, "1", 2), (None, None, "cores"), (None, "x", "cores")],
)
def test_onnx_int8_runs_as_many_workers_as_torch_would_threads(
    monkeypatch: pytest.MonkeyPatch, threads: int | None, omp: str | None, workers: int | str
) -> None:
    """``--threads`` first, then OMP_NUM_THREADS as torch reads it (session 59: with
    OMP_NUM_THREADS=1, torch ran on one core and onnx-int8 on two), then one per core."""
    from roqa_nlp.backends.onnx_int8 import default_workers

    if omp is None:
        monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    else:
        monkeypatch.setenv("OMP_NUM_THREADS", omp)
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert default_workers(threads) == (4 if workers == "cores" else workers)


@pytest.mark.parametrize("terminal", [False, True])
def test_building_static_draws_its_progress_bar_on_a_terminal_only(
    tiny_st_model: Path,
    source_hash: str,
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    terminal: bool,
) -> None:
    """As `roqa code` does (session 59: `roqa build-backend static` wrote 117 bar updates into a
    job's log)."""
    pytest.importorskip("model2vec", reason="the static backend is distilled with model2vec")
    pytest.importorskip("skeletoken", reason="model2vec distillation needs skeletoken")
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: terminal)
    build_backend("static", tiny_st_model, source_hash, tmp_path / "static", source_name="tiny")
    assert ("Encoding tokens" in capfd.readouterr().err) is terminal
