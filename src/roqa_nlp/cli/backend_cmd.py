"""``roqa build-backend``: export the embedding model into a fast backend, offline."""

from __future__ import annotations

from pathlib import Path

import typer

from ._app import app, console


@app.command("build-backend")
def build_backend_command(
    kind: str = typer.Argument(
        ...,
        help="onnx-int8 (≈2-2.5× faster whole runs) or static (≈13-15× faster, less accurate); "
        "measured"
        " in docs/performance.md.",
        metavar="KIND",
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Backend directory (default: the cache folder, where --backend KIND looks).",
        metavar="FOLDER",
    ),
    model: Path | None = typer.Option(
        None,
        "--embedding-model",
        help="sentence-transformers directory (default: the packaged model).",
        metavar="FOLDER",
    ),
) -> None:
    """Build a fast embedding backend from the local model (no download) with a hash-checked
    card."""
    from ..backends import build_backend
    from ..embedding import Embedder
    from ..io import check_output_folder

    if out is not None:
        check_output_folder(out)
    emb = Embedder(model, cache=False)
    path = build_backend(kind, emb.model_path, emb.weights_hash, out, source_name=emb.model_name)
    console().print(
        f"Built the {kind} backend of {emb.model_name} in {path}; "
        f"use it with `--backend {kind if out is None else path}`."
    )
