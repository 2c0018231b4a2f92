"""The ``onnx-int8`` backend: the transformer exported to ONNX, weights quantised to int8.

Export (``roqa build-backend onnx-int8``, needs torch once): ``torch.onnx.export`` of the
model's transformer (token embeddings out), then ``onnxruntime.quantization.quantize_dynamic``
(int8 weights, activations quantised on the fly). The runtime needs ``onnxruntime`` and
``tokenizers`` only — torch is not imported.

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
from . import write_card

if TYPE_CHECKING:
    import numpy as np

MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
OPSET = 17
#: How the weights are quantised, chosen by fidelity to the torch embeddings on 568 training and
#: dev texts (cosine mean / 1st percentile; top-1 agreement of the trained classifier):
#: onnxruntime's default per-tensor int8 0.952 / 0.90; per-channel 0.991 / 0.984, 97.0 %; and
#: per-channel with each layer's feed-forward output projection (its input, the GELU output, has
#: the widest range) left in fp32: 0.995 / 0.991, 97.4 %, at a small cost in speed.
QUANTIZATION: dict[str, Any] = {"per_channel": True, "extra_options": {"MatMulConstBOnly": True}}
KEEP_FP32 = re.compile(r"layer\.\d+/output/dense/MatMul$")


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
    model_dir: Path, out: Path, source: dict[str, Any], *, quantize: bool = True
) -> dict[str, Any]:
    """Export ``model_dir`` into ``out`` (``model.onnx`` + ``tokenizer.json`` + card).

    ``quantize=False`` keeps fp32 weights (used by the tests to check the pooling exactly).
    """
    try:
        import onnxruntime
        import torch
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from transformers import AutoModel
    except ImportError as e:
        raise RoqaError(
            f"building the onnx-int8 backend needs {e.name}",
            hint="pip install 'roqa_nlp[fast]'",
        ) from None
    import warnings

    _check_mean_pooling(model_dir)
    if not (model_dir / TOKENIZER_FILE).exists():
        raise RoqaError(
            "the model has no tokenizer.json (a fast tokenizer is needed)",
            path=model_dir,
            hint="use the torch backend for this model",
        )
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
    fp32 = out / ("model.fp32.onnx" if quantize else MODEL_FILE)
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            TokenEmbeddings(model),
            example,
            str(fp32),
            input_names=names,
            output_names=["token_embeddings"],
            dynamic_axes=axes,
            opset_version=OPSET,
            dynamo=False,
        )
    if quantize:
        import logging

        logging.getLogger().setLevel(logging.ERROR)  # quantize_dynamic's pre-processing advice
        import onnx

        keep = [n.name for n in onnx.load(str(fp32)).graph.node if KEEP_FP32.search(n.name)]
        quantize_dynamic(
            str(fp32),
            str(out / MODEL_FILE),
            weight_type=QuantType.QInt8,
            nodes_to_exclude=keep,
            **QUANTIZATION,
        )
        fp32.unlink()
    shutil.copyfile(model_dir / TOKENIZER_FILE, out / TOKENIZER_FILE)
    card = {
        "backend": "onnx-int8",
        **source,
        "quantization": (
            {
                "method": "onnxruntime quantize_dynamic",
                "weight_type": "QInt8",
                "kept_fp32": "feed-forward output projections",
                **QUANTIZATION,
            }
            if quantize
            else None
        ),
        "pooling": "mean over attention mask, then L2 normalisation",
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


class OnnxEncoder:
    """Encodes texts one at a time with onnxruntime (no torch), mean-pooled and L2-normalised."""

    def __init__(self, directory: Path, card: dict[str, Any], *, threads: int | None = None):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as e:
            raise RoqaError(
                f"the onnx-int8 backend needs {e.name}", hint="pip install 'roqa_nlp[fast]'"
            ) from None
        self.directory = directory
        self.dim = int(card["dim"])
        self.weights_hash = str(card["sha256"])
        self.max_tokens = int(card.get("max_tokens", 256))
        # One single-threaded session run per text, ``workers`` texts at a time: a text alone is
        # too small to split across cores (2 intra-op threads ran slower than 1), and threads
        # that spin-wait starve on a shared machine.
        self.workers = max(1, threads or os.cpu_count() or 1)
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
