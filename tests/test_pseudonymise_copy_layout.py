"""What a ``roqa pseudonymise`` copy looks like, as docs/privacy.md ("Copies for a second coder")
says: the pseudonymised text roqa codes, so coding the copy gives the same offsets. A rendered
format's copy (.vtt, .docx, ...) reads ``P01: words`` with no times; a .txt keeps its own
layout and times, and the labels and backchannel between one speaker's blocks stay blanked.
Before (s62 formats, F2) the page said every copy read ``P07: words`` with no times."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_cli_core import roqa

DOCS = Path(__file__).resolve().parents[1] / "docs" / "privacy.md"

OTTER = (
    "Jane Smith  0:03\nCould you tell me about your role?\n\n"
    "Ann Lee  0:10\nI manage a supported living service.\n\n"
    "Jane Smith  0:20\nMm-hmm.\n\n"
    "Ann Lee  0:22\nWe have fourteen tenants.\n"
)
VTT = (
    "WEBVTT\n\n00:00:03.000 --> 00:00:06.000\nJane Smith: Could you tell me about your role?\n\n"
    "00:00:10.000 --> 00:00:14.000\nAnn Lee: I manage a supported living service.\n"
)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "study").mkdir()
    return tmp_path


def test_a_rendered_formats_copy_reads_p01_words_with_no_times(here: Path) -> None:
    (here / "study" / "rm03.vtt").write_text(VTT, encoding="utf-8")
    run = roqa("pseudonymise", "study", "--key", "key.csv", "--out", "ps", "--interviewer",
               "Jane Smith")  # fmt: skip
    assert run.code == 0, run.err
    assert (here / "ps" / "rm03.txt").read_text(encoding="utf-8") == (
        "Interviewer: Could you tell me about your role?\n\n"
        "P03: I manage a supported living service.\n"
    )


def test_a_timed_text_copy_keeps_its_layout_and_blanks_the_backchannel(here: Path) -> None:
    (here / "study" / "rm03.txt").write_text(OTTER, encoding="utf-8")
    run = roqa("pseudonymise", "study", "--key", "key.csv", "--out", "ps", "--interviewer",
               "Jane Smith")  # fmt: skip
    assert run.code == 0, run.err
    assert (here / "ps" / "rm03.txt").read_text(encoding="utf-8") == (
        "Interviewer  0:03\nCould you tell me about your role?\n\n"
        "P03  0:10\nI manage a supported living service.\n\n"
        f"{' ' * 16}\n{' ' * 7}\n\n{' ' * 13}\nWe have fourteen tenants.\n"
    )


def test_the_privacy_page_says_what_a_copy_of_each_kind_holds() -> None:
    page = DOCS.read_text(encoding="utf-8")
    section = page.split("## Copies for a second coder", 1)[1].split("\n## ", 1)[0]
    said = " ".join(section.split())
    assert "The lines read `P07: words`. Times are not kept." not in said  # of every copy
    assert re.search(r"`\.txt`.*keeps? its own layout", said)
    assert "blanked" in said
