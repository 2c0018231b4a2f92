"""What the fast paths import: `roqa --help` and sentence splitting stay clear of numpy/torch.

A warm re-code (every embedding cached) only needs the classifier; torch costs seconds to import,
so nothing on that path may pull it in by accident. Each check runs in a fresh interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys


def imported_after(code: str) -> dict[str, bool]:
    probe = (
        code
        + "\nimport json, sys\nprint(json.dumps({m: m in sys.modules for m in ('numpy', 'torch')}))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    result: dict[str, bool] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_roqa_help_imports_neither_numpy_nor_torch() -> None:
    code = "from roqa_nlp.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    assert imported_after(code) == {"numpy": False, "torch": False}


def test_sentence_splitting_does_not_import_torch() -> None:
    code = "from roqa_nlp.transcripts.sentences import split_sentences\nsplit_sentences('A. B.')"
    assert imported_after(code)["torch"] is False


def test_torch_still_imports_after_the_sentencizer() -> None:
    code = (
        "from roqa_nlp.transcripts.sentences import split_sentences\n"
        "split_sentences('A. B.')\n"
        "import torch\n"
        "assert torch.ones(2).sum().item() == 2.0"
    )
    assert imported_after(code)["torch"] is True


def test_importing_the_package_and_listing_its_names_imports_neither_numpy_nor_torch() -> None:
    code = "import roqa_nlp\nassert 'AutoCoder' in dir(roqa_nlp) and roqa_nlp.__all__"
    assert imported_after(code) == {"numpy": False, "torch": False}


def test_writing_codings_csv_and_charting_them_imports_not_the_autocoder() -> None:
    """Review, session 44: check_top_k lived in autocoder.py, so CodingResult's codings.csv and
    framework.coded_segments imported the autocoder (and all it imports) to check top_k; it is
    schema.check_top_k now, imported normally from both."""
    code = (
        "import json, sys\n"
        "from roqa_nlp.framework import coded_segments\n"
        "from roqa_nlp.result import CodingResult\n"
        "from roqa_nlp.schema import Segment, SegmentResult, Suggestion\n"
        "seg = Segment('p1:0001', 'p1', 'P1', 'participant', 4, 9, 'staff')\n"
        "sug = Suggestion('IS.E.2', 'Available Resources', 'IS', 0.9, 'barrier')\n"
        "r = CodingResult([SegmentResult(seg, [sug])])\n"
        "assert 'code_2' in r.to_csv(top_k=2)\n"
        "assert len(coded_segments(r, top_k=1)) == 1\n"
        "print(json.dumps('roqa_nlp.autocoder' in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) is False
