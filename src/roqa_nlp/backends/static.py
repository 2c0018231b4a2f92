"""The ``static`` backend: one vector per word piece, distilled from the model with model2vec.

Distillation (``roqa build-backend static``, needs torch and ``model2vec`` once) runs every word
piece of the vocabulary through the transformer alone, mean-pools it, and weights it by its
frequency rank (SIF, as ``model2vec.distill`` does; Tulkens & van Dongen, 2024, Model2Vec). No PCA
is applied, so vectors stay in the transformer's output space and the classifier trained on
``torch`` embeddings can read them. A text's embedding is the mean of its word pieces' vectors
(special and unknown tokens left out), L2-normalised — exactly ``StaticModel.encode`` — computed
here with ``tokenizers`` and numpy alone, so the runtime needs neither torch nor model2vec.

A whole `roqa code` run is 13-15× faster than with the transformer (docs/performance.md); it loses
accuracy: word order and context are gone. Use it for triage of large corpora, not for the coding a
study reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RoqaError
from ..install_hints import install_extra
from . import write_card

if TYPE_CHECKING:
    import numpy as np

VECTORS_FILE = "static.safetensors"
TOKENIZER_FILE = "tokenizer.json"
#: The card's record of the pooling, checked on loading.
POOLING = "mean of word-piece vectors (no special/unknown tokens), then L2 normalisation"


@contextmanager
def _bar_on_a_terminal_only() -> Iterator[None]:
    """model2vec's "Encoding tokens" bar, drawn only when standard error is a terminal, as
    ``roqa code`` draws its own: model2vec draws it whatever standard error is, and a job's log
    got 117 updates of it (10 KB of carriage-return lines, session 59)."""
    import sys
    from functools import partial

    from model2vec.distill import inference

    bar = getattr(inference, "tqdm", None)
    if bar is None or sys.stderr.isatty():
        yield
        return
    setattr(inference, "tqdm", partial(bar, disable=True))  # noqa: B010
    try:
        yield
    finally:
        setattr(inference, "tqdm", bar)  # noqa: B010


def distill_static(model_dir: Path, out: Path, source: dict[str, Any]) -> dict[str, Any]:
    """Distil static word-piece vectors of ``model_dir`` into ``out`` (vectors + tokenizer +
    card)."""
    try:
        import model2vec
        from model2vec.distill import distill_from_model
        from transformers import AutoModel, AutoTokenizer
    except ImportError as e:
        raise RoqaError(
            f"building the static backend needs {e.name}",
            hint=f"{install_extra('fast')} (model2vec), and transformers",
        ) from None
    import numpy as np
    from safetensors.numpy import save_file

    model = AutoModel.from_pretrained(str(model_dir), local_files_only=True)
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
    with _bar_on_a_terminal_only():
        static = distill_from_model(
            model=model,
            tokenizer=tokenizer,  # type: ignore[arg-type]
            pca_dims=None,
            quantize_to="float32",
        )
    vectors = np.ascontiguousarray(static.embedding, dtype=np.float32)  # safetensors: C order
    if static.weights is not None or static.token_mapping is not None:  # pragma: no cover
        raise RoqaError("unexpected model2vec output (vocabulary quantisation)", hint="report it")
    save_file({"vectors": vectors}, str(out / VECTORS_FILE))
    (out / TOKENIZER_FILE).write_text(static.tokenizer.to_str(), encoding="utf-8")
    card = {
        "backend": "static",
        **source,
        "pooling": POOLING,
        "dim": int(vectors.shape[1]),
        "vocabulary": int(vectors.shape[0]),
        "unk_token_id": static.unk_token_id,
        "distillation": {"pca_dims": None, "sif_coefficient": 1e-4},
        "built_with": {"model2vec": model2vec.__version__},
    }
    return write_card(out, card, [VECTORS_FILE, TOKENIZER_FILE])


class StaticEncoder:
    """Mean of static word-piece vectors per text, L2-normalised (numpy + tokenizers only)."""

    #: A text with no word piece in the vocabulary (emoji-only talk) has no mean: all zeros.
    encodes_zero_vectors = True

    def __init__(self, directory: Path, card: dict[str, Any]):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.directory = directory
        self.dim = int(card["dim"])
        self.weights_hash = str(card["sha256"])
        self._unk = card.get("unk_token_id")
        self._vectors = load_file(str(directory / VECTORS_FILE))["vectors"]
        tok = Tokenizer.from_file(str(directory / TOKENIZER_FILE))
        tok.no_padding()
        tok.no_truncation()
        self._tokenizer = tok

    def encode(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        encs = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        for i, enc in enumerate(encs):
            ids = [t for t in enc.ids if t != self._unk]
            if ids:
                v = self._vectors[ids].mean(axis=0)
                out[i] = v / (np.linalg.norm(v) + 1e-32)
        return out
