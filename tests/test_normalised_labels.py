"""A speaker label's comparable form (:func:`~roqa_nlp.transcripts.roles.normalise_label`): lower
case, no bracketed note, no trailing number; worked out once per label, as a transcript's few
labels are looked up at every line and by every check (s79: 93,169 calls in a warm re-code of
the 2,990-segment benchmark corpus, 0.55 s)."""

from __future__ import annotations

import pytest

from roqa_nlp.transcripts import roles
from roqa_nlp.transcripts.roles import normalise_label


@pytest.mark.parametrize(
    ("label", "form"),
    [("Interviewer", "interviewer"), ("Interviewer 2", "interviewer"), ("P01", "p"),
     ("Jane Smith (Interviewer)", "jane smith"), ("  Note-taker #3:", "note-taker"),
     ("Respondent_12.", "respondent"), ("Dr  Amy [JM]  Jones", "dr amy jones"), ("42", "")],
)  # fmt: skip
def test_a_label_s_comparable_form(label: str, form: str) -> None:
    assert normalise_label(label) == form


def test_a_label_is_read_once_however_often_it_is_looked_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scans: list[str] = []
    scan = roles._without_bracketed_notes

    def counted(label: str) -> str:
        scans.append(label)
        return scan(label)

    monkeypatch.setattr(roles, "_without_bracketed_notes", counted)
    label = "Facilitator 7 (s79 test label, looked up three times)"
    assert [normalise_label(label) for _ in range(3)] == ["facilitator"] * 3
    assert scans == [label]
