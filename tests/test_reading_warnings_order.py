"""``warn_of_reading`` issues the warnings of how a file was read one by one, in one order (the
order ``roqa code`` prints them in), each at the same place (the stacklevel the caller gives), and none for a
check with nothing to say."""

from __future__ import annotations

import warnings

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts.language import warn_of_reading

#: each check warn_of_reading asks, after the speakers and the language, in its order
CHECKS = [
    ("cues", "unread_cues_warning"),
    ("cues", "backward_cues_warning"),
    ("cue_ids", "ids_said_once_warning"),
    ("unlabelled", "above_first_label_warning"),
    ("unlabelled", "no_turn_warning"),
    ("unlabelled", "field_lines_warning"),
    ("unlabelled", "unnamed_opening_warning"),
    ("unlabelled", "unidentified_voice_warning"),
    ("headings", "headings_warning"),
    ("headings", "heading_shaped_talk_warning"),
    ("unlabelled", "undecided_talk_warning"),
    ("unlabelled", "after_change_warning"),
    ("render", "split_turns_warning"),
    ("initialled_talk", "initialled_talk_warning"),
    ("folded_initials", "folded_initials_warning"),
    ("folded_initials", "folded_into_answers_warning"),
    ("quoted_labels", "quoted_labels_warning"),
    ("midline_labels", "midline_labels_warning"),
    ("unlabelled_answers", "unlabelled_answers_warning"),
    ("language", "name_in_file_warning"),
    ("roles", "zoom_default_name_warning"),
]


def test_the_checks_are_said_in_order_at_the_callers_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    for i, (module, name) in enumerate(CHECKS):
        said = None if i % 3 == 1 else f"{i:02d} {name}"  # every third says nothing
        monkeypatch.setattr(
            importlib.import_module(f"roqa_nlp.transcripts.{module}"),
            name,
            lambda t, said=said: said,
        )
    text = "Interviewer: How is it going?\nP01: Well, thank you, the staff are settled.\n"
    t = Transcript(
        "p01",
        text,
        [Turn("Interviewer", "interviewer", 13, 29), Turn("P01", "participant", 35, len(text) - 1)],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_of_reading(t)
    ours = [w for w in caught if str(w.message)[:2].isdigit()]
    assert [str(w.message) for w in ours] == [
        f"{i:02d} {name}" for i, (_, name) in enumerate(CHECKS) if i % 3 != 1
    ]
    assert all(w.category is RoqaWarning for w in ours)
    assert len({(w.filename, w.lineno) for w in ours}) == 1  # one place: the same stacklevel
