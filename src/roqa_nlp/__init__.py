"""roqa_nlp: local, offline CFIR auto-coding for qualitative interview transcripts.

The public API is re-exported here lazily, so ``import roqa_nlp`` stays fast and imports neither
numpy nor torch until a heavy object is used.
"""

# Nothing but os (imported as Python starts) is imported here: the ``roqa`` console script
# imports this module before roqa_nlp.cli.main can catch a Ctrl-C, so every module imported here
# was time in which Ctrl-C printed a traceback (hence no ``from __future__ import annotations``,
# typing or importlib: quoted annotations instead).
import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING, as type checkers read it, without typing

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# torch's OpenMP threads (libgomp) spin between operations, waiting for the next, unless told to
# sleep. On a busy machine a spinning thread holds a core the other thread needs: a tester's
# 90-minute interview took 200 s and 58 CPU-s that way, 30 s and 14 CPU-s with PASSIVE, for the
# same codings (docs/performance.md, "Using both cores"). libgomp reads this once, as torch
# loads it, so it is set here, before any roqa module imports torch; child processes (a local
# Ray's workers) inherit it. A value the user set wins (ACTIVE brings the spinning back).
if not os.environ.get("OMP_WAIT_POLICY", "").strip():
    os.environ["OMP_WAIT_POLICY"] = "PASSIVE"

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
    "RoqaWarning": "roqa_nlp.errors",
    "SpeakerWarning": "roqa_nlp.transcripts.roles",
    "read_transcript": "roqa_nlp.transcripts",
    "read_transcripts": "roqa_nlp.transcripts",
    "PseudonymKey": "roqa_nlp.pseudonyms",
    "pseudonymise": "roqa_nlp.pseudonyms",
    "names_to_check": "roqa_nlp.pseudonyms",
    "reviewed_codings": "roqa_nlp.decisions",
    "TrainingSet": "roqa_nlp.training",
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

if TYPE_CHECKING:
    # What type checkers (mypy, pyright, an editor) see: the real names, not the object that
    # __getattr__ returns. Never run, so importing roqa_nlp stays fast; tests/test_exports.py
    # checks it names everything _EXPORTS does, from the same modules.
    from roqa_nlp.autocoder import AutoCoder as AutoCoder
    from roqa_nlp.classifier import CodeClassifier as CodeClassifier
    from roqa_nlp.codebook import Codebook as Codebook
    from roqa_nlp.codebook import load_codebook as load_codebook
    from roqa_nlp.decisions import reviewed_codings as reviewed_codings
    from roqa_nlp.embedding import Embedder as Embedder
    from roqa_nlp.errors import RoqaError as RoqaError
    from roqa_nlp.errors import RoqaWarning as RoqaWarning
    from roqa_nlp.framework import barriers_enablers as barriers_enablers
    from roqa_nlp.framework import construct_ratings as construct_ratings
    from roqa_nlp.framework import framework_matrix as framework_matrix
    from roqa_nlp.framework import saturation as saturation
    from roqa_nlp.novelty import NoveltyDetector as NoveltyDetector
    from roqa_nlp.pseudonyms import PseudonymKey as PseudonymKey
    from roqa_nlp.pseudonyms import names_to_check as names_to_check
    from roqa_nlp.pseudonyms import pseudonymise as pseudonymise
    from roqa_nlp.report import write_report as write_report
    from roqa_nlp.result import CodingResult as CodingResult
    from roqa_nlp.schema import Code as Code
    from roqa_nlp.schema import Segment as Segment
    from roqa_nlp.schema import SegmentResult as SegmentResult
    from roqa_nlp.schema import Suggestion as Suggestion
    from roqa_nlp.schema import Transcript as Transcript
    from roqa_nlp.schema import Turn as Turn
    from roqa_nlp.training import TrainingSet as TrainingSet
    from roqa_nlp.transcripts import read_transcript as read_transcript
    from roqa_nlp.transcripts import read_transcripts as read_transcripts
    from roqa_nlp.transcripts.roles import SpeakerWarning as SpeakerWarning
    from roqa_nlp.transcripts.segment import segment as segment

# Spelled out (not built from _EXPORTS) so that type checkers can read it.
__all__ = [
    "__version__",
    "AutoCoder",
    "CodingResult",
    "Codebook",
    "load_codebook",
    "Code",
    "Turn",
    "Transcript",
    "Segment",
    "Suggestion",
    "SegmentResult",
    "RoqaError",
    "RoqaWarning",
    "SpeakerWarning",
    "read_transcript",
    "read_transcripts",
    "PseudonymKey",
    "pseudonymise",
    "names_to_check",
    "reviewed_codings",
    "TrainingSet",
    "segment",
    "Embedder",
    "CodeClassifier",
    "NoveltyDetector",
    "framework_matrix",
    "barriers_enablers",
    "saturation",
    "construct_ratings",
    "write_report",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'roqa_nlp' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
