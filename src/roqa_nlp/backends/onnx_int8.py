"""The ``onnx-int8`` backend: the transformer exported to ONNX, weights quantised to int8.

Export (``roqa build-backend onnx-int8``, needs torch once), in three steps:

1. ``torch.onnx.export`` of the model's transformer (token embeddings out), with the classic
   ("eager") attention, whose graph pattern onnxruntime recognises;
2. onnxruntime's transformer optimizer fuses it (embedding + layer norm, multi-head attention,
   bias + GELU, residual + layer norm: about 500 nodes become about 50); the fused graph must give
   the same token embeddings as the exported one, or the unfused graph is kept;
3. ``onnxruntime.quantization.quantize_dynamic``: int8 weights (activations quantised on the fly).

The runtime needs ``onnxruntime`` and ``tokenizers`` only — torch is not imported.

Pooling is the sentence-transformers pipeline of the source model: mean of the token embeddings
over the attention mask, then L2 normalisation. Each text is run on its own, unpadded: dynamic
quantisation computes one activation scale per tensor, so in a padded batch a text's vector
would depend on its neighbours (and on their padding); alone, it cannot.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RoqaError
from ..install_hints import install_extra
from . import write_card

if TYPE_CHECKING:
    import numpy as np

MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
OPSET = 17
#: How the weights are quantised. Per-channel int8 weights, reduced to 7 bits (``reduce_range``:
#: without VNNI, the AVX2/AVX-512 int8 kernels can saturate on full 8-bit weights), matrix
#: products with weights only. Chosen by fidelity to the torch embeddings on 299 segments of the
#: benchmark corpus (cosine mean / 1st percentile) against CPU time (single thread, same texts):
#: onnxruntime's default per-tensor int8 0.949 / 0.909; everything per-channel int8 0.990 / 0.982
#: in 75 % of the time of the previous export (unfused, feed-forward output projections fp32:
#: 0.994 / 0.984); the fused graph with every feed-forward output projection in fp32 0.995 / 0.991
#: in 91 %; with only those of the first two layers in fp32 (the GELU output of layer 0 has by far
#: the widest range: keeping layers 4-5 instead gains nothing) 0.994 / 0.989 in 84 %.
QUANTIZATION: dict[str, Any] = {
    "per_channel": True,
    "reduce_range": True,
    "extra_options": {"MatMulConstBOnly": True},
}
#: The card's record of the quantisation: what a backend this roqa builds says, and loading checks.
QUANTIZATION_CARD: dict[str, Any] = {
    "method": "onnxruntime quantize_dynamic",
    "weight_type": "QInt8",
    "kept_fp32": "token embeddings; feed-forward output projections of layers 0-1",
    **QUANTIZATION,
}
#: The card's record of the pooling (see the module docstring), checked on loading.
POOLING = "mean over attention mask, then L2 normalisation"
#: The feed-forward output projections left in fp32 (layers 0 and 1), by node name.
KEEP_FP32 = re.compile(r"layer\.[01]/output/dense/MatMul$")
#: Fused operators kept in fp32: the token/position/segment embeddings are a table lookup, int8
#: would only lose precision.
KEEP_FP32_OPS = ("EmbedLayerNormalization",)
#: Largest difference in token embeddings the fused graph may show against the exported one.
FUSION_TOLERANCE = 1e-4


def source_max_tokens(model_dir: Path, default: int = 256) -> int:
    """Word pieces sentence-transformers reads (``max_seq_length``; in v6 the tokenizer's
    ``model_max_length``): longer texts are truncated to it, here as there."""
    for name, key in (
        ("sentence_bert_config.json", "max_seq_length"),
        ("tokenizer_config.json", "model_max_length"),
    ):
        cfg = model_dir / name
        if cfg.exists():
            try:
                value = json.loads(cfg.read_text(encoding="utf-8")).get(key)
            except (json.JSONDecodeError, UnicodeDecodeError):
                value = None
            if isinstance(value, int) and 0 < value < 1_000_000:
                return value
    return default


def is_mean_pooling(pooling: dict[str, Any]) -> bool:
    """Whether a sentence-transformers pooling config is plain mean pooling (either format)."""
    if "pooling_mode" in pooling:  # sentence-transformers >= 6
        return pooling["pooling_mode"] in ("mean", ["mean"])
    modes = [k for k, v in pooling.items() if k.startswith("pooling_mode_") and v]
    return modes == ["pooling_mode_mean_tokens"]


def _check_mean_pooling(model_dir: Path) -> None:
    cfg = model_dir / "1_Pooling" / "config.json"
    if cfg.exists() and not is_mean_pooling(json.loads(cfg.read_text(encoding="utf-8"))):
        raise RoqaError(
            "only mean-pooling sentence-transformers models can be exported",
            path=cfg,
            hint="use the torch backend for this model",
        )


def export_onnx(
    model_dir: Path,
    out: Path,
    source: dict[str, Any],
    *,
    quantize: bool = True,
    fuse: bool = True,
) -> dict[str, Any]:
    """Export ``model_dir`` into ``out`` (``model.onnx`` + ``tokenizer.json`` + card).

    ``quantize=False`` keeps fp32 weights and ``fuse=False`` the exported graph as it is (used by
    the tests to check the pooling and the fusion exactly).
    """
    try:
        import onnxruntime
        import torch
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from transformers import AutoModel
    except ImportError as e:
        raise RoqaError(
            f"building the onnx-int8 backend needs {e.name}",
            hint=install_extra("fast"),
        ) from None
    import warnings

    _check_mean_pooling(model_dir)
    if not (model_dir / TOKENIZER_FILE).exists():
        raise RoqaError(
            "the model has no tokenizer.json (a fast tokenizer is needed)",
            path=model_dir,
            hint="use the torch backend for this model",
        )
    try:
        model = AutoModel.from_pretrained(
            str(model_dir), local_files_only=True, attn_implementation="eager"
        )
    except (ValueError, TypeError):  # a model class without the eager attention choice
        model = AutoModel.from_pretrained(str(model_dir), local_files_only=True)
    model.eval()
    takes_types = "token_type_ids" in inspect.signature(model.forward).parameters

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self, inner: Any):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any = None) -> Any:
            kw = {"token_type_ids": token_type_ids} if token_type_ids is not None else {}
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, **kw
            ).last_hidden_state

    names = ["input_ids", "attention_mask"] + (["token_type_ids"] if takes_types else [])
    example = tuple(torch.ones((1, 8), dtype=torch.long) for _ in names)
    axes = {n: {0: "batch", 1: "tokens"} for n in names}
    axes["token_embeddings"] = {0: "batch", 1: "tokens"}
    exported = out / "model.exported.onnx"
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            TokenEmbeddings(model),
            example,
            str(exported),
            input_names=names,
            output_names=["token_embeddings"],
            dynamic_axes=axes,
            opset_version=OPSET,
            dynamo=False,
        )
    import logging

    logging.getLogger().setLevel(logging.ERROR)  # the optimizer's and quantizer's advice
    fused = out / "model.fused.onnx"
    fusion = fuse_transformer(exported, fused, model.config) if fuse else None
    graph = fused if fusion else exported
    if quantize:
        import onnx

        nodes = onnx.load(str(graph)).graph.node
        keep = [n.name for n in nodes if KEEP_FP32.search(n.name) or n.op_type in KEEP_FP32_OPS]
        options = {**QUANTIZATION, "extra_options": dict(QUANTIZATION["extra_options"])}
        # Fused operators come from onnxruntime's own domain, which shape inference cannot type.
        options["extra_options"]["DefaultTensorType"] = onnx.TensorProto.FLOAT
        quantize_dynamic(
            str(graph),
            str(out / MODEL_FILE),
            weight_type=QuantType[QUANTIZATION_CARD["weight_type"]],
            nodes_to_exclude=keep,
            **options,
        )
    else:
        graph.replace(out / MODEL_FILE)
    for leftover in (exported, fused):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(model_dir / TOKENIZER_FILE, out / TOKENIZER_FILE)
    card = {
        "backend": "onnx-int8",
        **source,
        "fused_operators": fusion,
        "quantization": QUANTIZATION_CARD if quantize else None,
        "pooling": POOLING,
        "max_tokens": source_max_tokens(model_dir),
        "dim": int(model.config.hidden_size),
        "inputs": names,
        "built_with": {
            "torch": torch.__version__,
            "onnxruntime": onnxruntime.__version__,
            "opset": OPSET,
        },
    }
    return write_card(out, card, [MODEL_FILE, TOKENIZER_FILE])


def fuse_transformer(src: Path, dst: Path, config: Any) -> dict[str, int] | None:
    """Fuse the exported transformer ``src`` into ``dst`` with onnxruntime's optimizer.

    Returns the fused operators and their counts, or ``None`` (``dst`` not written) when nothing
    was fused or the fused graph's token embeddings differ from the exported graph's by more than
    :data:`FUSION_TOLERANCE` (a model whose graph the BERT fusions misread).
    """
    from onnxruntime.transformers.optimizer import optimize_model

    heads = int(getattr(config, "num_attention_heads", 0) or 0)
    hidden = int(getattr(config, "hidden_size", 0) or 0)
    # opt_level 0: only the fusions, no hardware-specific rewrite, so the file runs on any CPU.
    optimized = optimize_model(
        str(src), model_type="bert", num_heads=heads, hidden_size=hidden, opt_level=0
    )
    fused = {k: int(v) for k, v in optimized.get_fused_operator_statistics().items() if v}
    if not fused:
        return None
    optimized.save_model_to_file(str(dst))
    vocab = int(getattr(config, "vocab_size", 100) or 100)
    if token_embeddings_differ(src, dst, vocab) > FUSION_TOLERANCE:
        dst.unlink()
        return None
    return fused


def token_embeddings_differ(a: Path, b: Path, vocab_size: int) -> float:
    """Largest absolute difference between the token embeddings two graphs give for the same
    inputs (two sequences of token ids spread over the vocabulary, 7 and 19 tokens long)."""
    import numpy as np
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    runs = [
        ort.InferenceSession(str(p), options, providers=["CPUExecutionProvider"]) for p in (a, b)
    ]
    worst = 0.0
    for length in (7, 19):
        ids = np.asarray([[(i * 7919 + 1) % vocab_size for i in range(length)]], dtype=np.int64)
        feeds = []
        for run in runs:
            feed = {"input_ids": ids}
            names = [i.name for i in run.get_inputs()]
            if "attention_mask" in names:
                feed["attention_mask"] = np.ones_like(ids)
            if "token_type_ids" in names:
                feed["token_type_ids"] = np.zeros_like(ids)
            feeds.append(run.run(None, feed)[0])
        worst = max(worst, float(np.abs(feeds[0] - feeds[1]).max()))
    return worst


def default_workers(threads: int | None = None) -> int:
    """How many texts the onnx-int8 backend encodes at once: ``threads`` (``--threads``), else
    ``OMP_NUM_THREADS`` when it is set to a whole number, as torch takes it, else one per core.

    Before session 59 ``OMP_NUM_THREADS=1`` kept torch on one core but onnx-int8 on both (150 %
    CPU), so a shared machine's user got two busy cores and the two backends' speeds, measured
    that way, did not compare.
    """
    if threads:
        return max(1, threads)
    omp = os.environ.get("OMP_NUM_THREADS", "").strip()
    if omp.isdigit() and int(omp) > 0:
        return int(omp)
    return max(1, os.cpu_count() or 1)


class OnnxEncoder:
    """Encodes texts one at a time with onnxruntime (no torch), mean-pooled and L2-normalised."""

    #: Every text has at least [CLS] and [SEP] to pool: never all zeros.
    encodes_zero_vectors = False

    def __init__(self, directory: Path, card: dict[str, Any], *, threads: int | None = None):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as e:
            raise RoqaError(
                f"the onnx-int8 backend needs {e.name}", hint=install_extra("fast")
            ) from None
        self.directory = directory
        self.dim = int(card["dim"])
        self.weights_hash = str(card["sha256"])
        self.max_tokens = int(card.get("max_tokens", 256))
        # One single-threaded session run per text, ``workers`` texts at a time: a text alone is
        # too small to split across cores (2 intra-op threads ran slower than 1), and threads
        # that spin-wait starve on a shared machine.
        self.workers = default_workers(threads)
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(
            str(directory / MODEL_FILE), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = [i.name for i in self._session.get_inputs()]
        tok = Tokenizer.from_file(str(directory / TOKENIZER_FILE))
        tok.no_padding()
        tok.enable_truncation(self.max_tokens)
        self._tokenizer = tok

    def encode(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        encodings = self._tokenizer.encode_batch(list(texts))
        out = np.empty((len(texts), self.dim), dtype=np.float32)

        def run(i: int) -> None:
            enc = encodings[i]
            ids = np.asarray([enc.ids], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            if "token_type_ids" in self._inputs:
                feed["token_type_ids"] = np.asarray([enc.type_ids], dtype=np.int64)
            tokens = self._session.run(None, feed)[0][0]
            v = tokens.mean(axis=0)
            out[i] = v / max(float(np.linalg.norm(v)), 1e-12)

        if self.workers == 1 or len(texts) < 2:
            for i in range(len(texts)):
                run(i)
        else:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(self.workers) as pool:
                list(pool.map(run, range(len(texts))))
        return out
