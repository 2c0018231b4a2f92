"""The built-in codebooks: one JSON data file per codebook in this folder, named by its id.

Kept free of imports beyond the standard library, so the command line can name the codebooks in
its help without loading :mod:`roqa_nlp.codebook`.
"""

from __future__ import annotations

from pathlib import Path

#: the ids of the built-in codebooks: the JSON files beside this module
BUILTIN: tuple[str, ...] = tuple(sorted(p.stem for p in Path(__file__).parent.glob("*.json")))
DEFAULT_CODEBOOK = "cfir-2009"
