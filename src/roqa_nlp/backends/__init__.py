"""Fast embedding backends: the packaged model exported for faster CPU inference.

Three backends encode text for :class:`~roqa_nlp.embedding.Embedder`:

==============  =================================================================================
``torch``       sentence-transformers on torch: the reference, most accurate (the default)
``onnx-int8``   the same transformer exported to ONNX with dynamic int8 weights, run with
                ``onnxruntime`` and ``tokenizers`` only (:mod:`.onnx_int8`): 2-2.5× faster
``static``      static token vectors distilled from the model with ``model2vec``
                (:mod:`.static`): 13-15× faster, for triage, at a stated accuracy cost
==============  =================================================================================

A fast backend is built once, offline, from the local model by ``roqa build-backend KIND``
into a directory with a card (``backend_card.json``) that records the backend kind, the source
model's weights hash (so an export of another model is never used in its place), the SHA-256 of
every file, the pooling and the quantisation. Loading recomputes every hash and refuses a card
whose pooling or quantisation is not what this roqa builds. The backend's own hash (of its
files) keys the embedding cache, so vectors from different backends never mix.

Every backend encodes each text on its own (no padding), so an embedding never depends on the
other texts in its batch and cached vectors are deterministic.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from shlex import quote
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import RoqaError
from ..io import atomic_write_text, sha256_bytes, sha256_file

if TYPE_CHECKING:
    import numpy as np

BACKENDS: tuple[str, ...] = ("torch", "onnx-int8", "static")
FAST_BACKENDS: tuple[str, ...] = ("onnx-int8", "static")
CARD = "backend_card.json"
CARD_VERSION = 1


class Encoder(Protocol):
    """What a fast backend provides to the Embedder."""

    dim: int
    weights_hash: str
    #: Whether some text is encoded as all zeros (the static backend's text with no word piece
    #: it knows); the embedding cache counts all zero as damage for a backend that never does.
    encodes_zero_vectors: bool

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 embeddings [n, dim], each text encoded on its own."""
        ...


def default_backend_dir(kind: str, source_weights_sha256: str) -> Path:
    """Where ``roqa build-backend KIND`` puts a backend when no ``--out`` is given."""
    from ..embedding import default_cache_dir

    return default_cache_dir() / "backends" / f"{kind}-{source_weights_sha256[:12]}"


def files_hash(files: dict[str, str]) -> str:
    """One hash for a backend: SHA-256 of its sorted ``{file: sha256}`` JSON."""
    return sha256_bytes(json.dumps(files, sort_keys=True).encode("utf-8"))


def write_card(out: Path, card: dict[str, Any], files: list[str]) -> dict[str, Any]:
    """Hash ``files`` (names inside ``out``) into the card and write it atomically, last."""
    hashes = {name: sha256_file(out / name) for name in sorted(files)}
    full = {"card_version": CARD_VERSION, **card, "files": hashes, "sha256": files_hash(hashes)}
    atomic_write_text(out / CARD, json.dumps(full, indent=2) + "\n")
    return full


def rebuild_hint(directory: Path, kind: str | None) -> str:
    """The advice to rebuild the backend in ``directory``: with its kind, or each fast kind's
    command when the kind is not known (no readable card)."""
    kinds = FAST_BACKENDS if kind is None or kind not in FAST_BACKENDS else (kind,)
    where = quote(str(directory))
    return "rebuild it with " + " or ".join(
        f"`roqa build-backend {k} --out {where}`" for k in kinds
    )


def built_recipe(kind: str) -> list[tuple[str, str, Any]]:
    """What a backend of ``kind`` built by this roqa records in its card and loading checks:
    ``(card key, its name in messages, the value)`` for the pooling and the quantisation (none
    for the static vectors). An unknown kind has none (loading refuses it)."""
    if kind == "onnx-int8":
        from .onnx_int8 import POOLING, QUANTIZATION_CARD

        return [
            ("pooling", "pooling", POOLING),
            ("quantization", "quantisation", QUANTIZATION_CARD),
        ]
    if kind == "static":
        from .static import POOLING as STATIC_POOLING

        return [("pooling", "pooling", STATIC_POOLING), ("quantization", "quantisation", None)]
    return []


def recipe_difference(got: Any, want: Any) -> str:
    """A card's entry as it differs from what this roqa builds: the differing keys of a mapping
    with their values (sorted), else the value."""
    if isinstance(got, dict) and isinstance(want, dict):
        keys = sorted(k for k in {*got, *want} if got.get(k) != want.get(k))
        return ", ".join(f"{k} {got.get(k)}" for k in keys)
    return repr(got)


def read_card(directory: Path, *, kind: str | None, source_weights_sha256: str) -> dict[str, Any]:
    """Read and check a backend card: its kind, source model and the hash of every file."""
    path = directory / CARD
    if not path.exists():
        raise RoqaError(
            "not a built embedding backend (no backend_card.json)",
            path=directory,
            hint=rebuild_hint(directory, kind),
        )
    try:
        card = json.loads(path.read_text(encoding="utf-8"))
        files: dict[str, str] = card["files"]
        card_kind = str(card["backend"])
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError):
        raise RoqaError(
            "the backend card is not valid", path=path, hint=rebuild_hint(directory, kind)
        ) from None
    hint = rebuild_hint(directory, kind or card_kind)
    if kind is not None and card_kind != kind:
        raise RoqaError(
            f"this directory holds a {card_kind!r} backend, not {kind!r}",
            path=directory,
            hint=f"pass --backend {card_kind} or build {kind}",
        )
    if card.get("source_weights_sha256") != source_weights_sha256:
        raise RoqaError(
            "the backend was built from a different embedding model than the one in use",
            path=path,
            hint=hint,
        )
    for key, said, want in built_recipe(card_kind):
        if card.get(key) != want:
            raise RoqaError(
                f"the backend card records another {said} than this roqa builds "
                f"({recipe_difference(card.get(key), want)})",
                path=path,
                hint=hint,
            )
    for name, digest in files.items():
        p = directory / name
        if not p.exists() or sha256_file(p) != digest:
            raise RoqaError("backend file is missing or does not match its card", path=p, hint=hint)
    if card.get("sha256") != files_hash(files):
        raise RoqaError("the backend card was altered", path=path, hint=hint)
    return dict(card)


def backend_kind(backend: str | Path) -> str | None:
    """The kind of an embedding backend given by kind or by directory (its card says), or None
    when a directory has no readable card."""
    if str(backend) in BACKENDS:
        return str(backend)
    try:
        card = json.loads((Path(backend) / CARD).read_text("utf-8"))
        return str(card["backend"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def resolve_backend_dir(spec: str | Path, source_weights_sha256: str) -> tuple[str | None, Path]:
    """``(kind, directory)`` of a backend given by kind name or by directory."""
    if str(spec) in FAST_BACKENDS:
        kind = str(spec)
        d = default_backend_dir(kind, source_weights_sha256)
        if not (d / CARD).exists():
            raise RoqaError(
                f"the {kind} embedding backend has not been built for this model",
                path=d,
                hint=f"run `roqa build-backend {kind}` once (offline, under a minute)",
            )
        return kind, d
    d = Path(spec)
    if not d.is_dir():
        if any(sep in str(spec) for sep in ("/", "\\")) or d.exists():  # meant as a folder
            raise RoqaError(
                "no such backend folder" if not d.exists() else "is a file, not a backend folder",
                path=d,
                hint="give the folder `roqa build-backend KIND --out DIR` wrote, or one of "
                f"{', '.join(BACKENDS)}",
            )
        raise RoqaError(
            f"unknown embedding backend {str(spec)!r}",
            hint=f"use one of {', '.join(BACKENDS)} or a directory made by `roqa build-backend`",
        )
    return None, d


def load_encoder(
    spec: str | Path, source_weights_sha256: str, *, threads: int | None = None
) -> Encoder:
    """The encoder of a built fast backend (kind name or directory), checked against its card."""
    kind, d = resolve_backend_dir(spec, source_weights_sha256)
    card = read_card(d, kind=kind, source_weights_sha256=source_weights_sha256)
    if card["backend"] == "onnx-int8":
        from .onnx_int8 import OnnxEncoder

        return OnnxEncoder(d, card, threads=threads)
    if card["backend"] == "static":
        from .static import StaticEncoder

        return StaticEncoder(d, card)
    raise RoqaError(f"unknown backend kind {card['backend']!r}", path=d / CARD, hint="rebuild it")


def build_backend(
    kind: str,
    model_dir: Path,
    source_weights_sha256: str,
    out: Path | None = None,
    *,
    source_name: str = "",
) -> Path:
    """Build a fast backend of ``kind`` from a local sentence-transformers model into ``out``.

    The directory is assembled beside ``out`` and renamed into place only when complete.
    """
    if kind not in FAST_BACKENDS:
        raise RoqaError(
            f"cannot build backend {kind!r}", hint=f"build one of {', '.join(FAST_BACKENDS)}"
        )
    dest = default_backend_dir(kind, source_weights_sha256) if out is None else Path(out)
    if dest.exists() and any(dest.iterdir()) and not (dest / CARD).exists():
        raise RoqaError(
            "the output folder exists and is not a backend",
            path=dest,
            hint="choose an empty folder",
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.building")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    source = {"source_model": source_name, "source_weights_sha256": source_weights_sha256}
    try:
        if kind == "onnx-int8":
            from .onnx_int8 import export_onnx

            export_onnx(model_dir, tmp, source)
        else:
            from .static import distill_static

            distill_static(model_dir, tmp, source)
        if dest.exists():
            shutil.rmtree(dest)
        tmp.rename(dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return dest


__all__ = [
    "BACKENDS",
    "FAST_BACKENDS",
    "Encoder",
    "build_backend",
    "default_backend_dir",
    "load_encoder",
    "read_card",
]
