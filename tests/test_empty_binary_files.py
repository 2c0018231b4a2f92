"""A 0-byte file says it is empty in every format (hunt s63, readers finding 6): a 0-byte .pdf
was "not a PDF document (no %PDF- header)", a 0-byte .xlsx "not an Excel .xlsx file", so a
failed sync or copy looked like a file saved in the wrong format."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp import read_transcript
from roqa_nlp.errors import RoqaError


@pytest.mark.parametrize(
    "suffix", [".pdf", ".xlsx", ".docx", ".odt", ".fodt", ".rtf", ".qdpx", ".txt", ".csv"]
)
def test_a_0_byte_file_is_empty_in_every_format(tmp_path: Path, suffix: str) -> None:
    p = tmp_path / f"p01{suffix}"
    p.write_bytes(b"")
    with pytest.raises(RoqaError) as exc:
        read_transcript(p)
    assert str(exc.value) == (
        f"{p}: no speech found (the file is empty: check that it is the right file)"
    )


def test_importing_a_0_byte_project_says_it_is_empty(tmp_path: Path) -> None:
    from roqa_nlp.exchange.qdpx_import import read_qdpx

    p = tmp_path / "study.qdpx"
    p.write_bytes(b"")
    with pytest.raises(RoqaError) as exc:
        read_qdpx(p)
    # worded as a 0-byte transcript's is (hunt s63 h_tab, D2)
    assert str(exc.value) == (
        f"{p}: no project found (the file is empty: check that it is the right file)"
    )
