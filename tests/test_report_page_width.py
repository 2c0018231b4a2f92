"""The report fits a 1280 px screen: only a wide table scrolls sideways, in its own box.

Session 88 (daily23 D6): at 1280 px the page itself scrolled sideways (scrollWidth 1301 of
1265): the ratings table's header names each code for screen readers in a ``.vh`` span, placed
absolutely, and its scrolling box was no positioned box, so the spans were laid out on the page
beyond the box's edge. And the overview card "Set aside as off-topic" set its words ("12 of them
in 1 group recurring across interviews ...") in the number's large bold type, a card ~190 px
tall. The page in a real browser: test_report_browser.py
(test_a_report_of_many_codes_does_not_scroll_sideways_at_1280_px).
"""

from __future__ import annotations

import re
from pathlib import Path

from report_fixture import Interview, build_result
from roqa_nlp.codebook import builtin_codebook
from roqa_nlp.report import write_report

#: the codes of the wide result, more than a 1280 px page shows side by side in the ratings
CODES = [c.id for c in builtin_codebook("cfir-2009").codable][:30]


def wide_report(path: Path) -> str:
    """A report of one interview coded with :data:`CODES` (a column each in the matrix and the
    ratings) and one whose participant has nothing coded (said beside the Participants
    count): its HTML, written to ``path``."""
    said: Interview = [
        ("I", [("Tell me about the service.", [], {})]),
        (
            "P01",
            [
                (f"Point {k} about the service and the staff.", [(c, 0.9, "barrier")], {})
                for k, c in enumerate(CODES)
            ],
        ),
    ]
    quiet: Interview = [("P02", [("Nothing much to add there really.", [], {})])]
    write_report(build_result({"wide": ("P01", said), "quiet": ("P02", quiet)}), path, "cfir-2009")
    return path.read_text(encoding="utf-8")


def _rule(html: str, selector: str) -> str:
    """The declarations of the page's CSS rule for ``selector`` (one line each)."""
    (found,) = re.findall(rf"^{re.escape(selector)} \{{ (.*) \}}$", html, flags=re.M)
    return found


def test_hidden_code_names_of_a_wide_tables_header_stay_in_its_scrolling_box(
    tmp_path: Path,
) -> None:
    html = wide_report(tmp_path / "report.html")
    # every wide table scrolls in a box, and its header's hidden code names are in it
    for table in ("matrix", "ratings"):
        (box,) = re.findall(
            rf'<div class="scroll">\s*<table class="{table}">.*?</table>', html, flags=re.S
        )
        assert len(re.findall(r'<th scope="col"[^>]*>[^<]*<span class="vh">', box)) >= 30
    assert "position: absolute" in _rule(html, ".vh")
    # a positioned box: the absolutely placed spans are laid out (and clipped) in it
    assert _rule(html, ".scroll") == "overflow-x: auto; position: relative;"


def test_a_cards_words_beside_its_number_are_set_as_text(tmp_path: Path) -> None:
    html = wide_report(tmp_path / "report.html")
    assert re.findall(r"<dt>Participants</dt><dd>(.*?)</dd>", html) == [
        "1 <small>(not counted, nothing coded: P02 (quiet, nothing coded))</small>"
    ]
    assert _rule(html, ".stats dd small") == (
        "display: block; font-size: 0.75rem; font-weight: 400; color: var(--muted);"
    )
