"""The probability ``evaluate`` scores (its ``ece``) is the one a user is shown: a record with a
``context`` at the probability ``roqa code`` shows a segment read with that question
(``question_temperature``), one without at ``roqa suggest``'s (the fitted temperature of a text
read alone). eceprobe, session 90: ownbook2 refitted an own model's temperature two ways and
``evaluate``'s ECE of records with questions did not move, since those are not shown at it."""

from __future__ import annotations

import copy
from pathlib import Path

from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.transcripts import read_transcript

SAID = "The new electronic record took ages to learn and nobody had time to sit with it."
ASKED = "How did the staff get on with the new system?"


def top_of(ac: AutoCoder, tmp_path: Path, asked: bool) -> tuple[float, float]:
    """The top probability ``evaluate`` scores and the one ``code`` shows, for SAID with ASKED
    before it or alone."""
    record = {"text": SAID, "construct": "IS.E"} | ({"context": ASKED} if asked else {})
    (p,) = ac.evaluate([record], predictions=True)["predictions"]
    path = tmp_path / ("asked.txt" if asked else "alone.txt")
    path.write_text((f"Interviewer: {ASKED}\n\n" if asked else "") + f"P02: {SAID}\n")
    (s,) = ac.code(read_transcript(path)).segments
    assert s.segment.context == (ASKED if asked else "")
    assert s.top is not None
    return max(g["probability"] for g in p["suggestions"]), s.top.probability


def test_evaluate_scores_the_probability_code_and_suggest_show(
    tiny_model: AutoCoder, tmp_path: Path
) -> None:
    asked, coded_asked = top_of(tiny_model, tmp_path, asked=True)
    alone, coded_alone = top_of(tiny_model, tmp_path, asked=False)
    assert asked == coded_asked
    assert alone == coded_alone == tiny_model.suggest(SAID)[0][0].probability
    assert asked != alone


def test_a_refitted_temperature_moves_texts_read_alone_not_segments_read_with_a_question(
    tiny_model: AutoCoder, tmp_path: Path
) -> None:
    ac = copy.deepcopy(tiny_model)
    assert ac._lexical is not None
    before = top_of(ac, tmp_path, asked=True), top_of(ac, tmp_path, asked=False)
    ac._lexical.temperature_ = 2 * float(ac._lexical.temperature_)
    after = top_of(ac, tmp_path, asked=True), top_of(ac, tmp_path, asked=False)
    assert after[0] == before[0]
    assert after[1][0] < before[1][0]
