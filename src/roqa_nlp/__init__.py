"""roqa_nlp: local, offline CFIR auto-coding for qualitative interview transcripts.

The public API is re-exported here lazily, so ``import roqa_nlp`` stays fast and imports neither
numpy nor torch until a heavy object is used.
"""

from __future__ import annotations

import os
from importlib import import_module
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "AutoCoder": "roqa_nlp.autocoder",
    "CodingResult": "roqa_nlp.result",
    "Codebook": "roqa_nlp.codebook",
    "load_codebook": "roqa_nlp.codebook",
    "Code": "roqa_nlp.schema",
    "Turn": "roqa_nlp.schema",
    "Transcript": "roqa_nlp.schema",
    "Segment": "roqa_nlp.schema",
    "Suggestion": "roqa_nlp.schema",
    "SegmentResult": "roqa_nlp.schema",
    "RoqaError": "roqa_nlp.errors",
    "read_transcript": "roqa_nlp.transcripts",
    "segment": "roqa_nlp.transcripts.segment",
    "Embedder": "roqa_nlp.embedding",
    "CodeClassifier": "roqa_nlp.classifier",
    "NoveltyDetector": "roqa_nlp.novelty",
    "framework_matrix": "roqa_nlp.framework",
    "barriers_enablers": "roqa_nlp.framework",
    "saturation": "roqa_nlp.framework",
    "construct_ratings": "roqa_nlp.framework",
    "write_report": "roqa_nlp.report",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'roqa_nlp' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
