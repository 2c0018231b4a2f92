"""Labels given that name no speaker of one transcript but one of another of the study
(``roles.with_labels_matched_elsewhere``): the interviewer labels move from
``interviewer_labels_unmatched`` to ``interviewer_labels_elsewhere``, the participant labels
leave ``participant_labels_unmatched``; a list left empty is dropped, the others' order kept.
Both lists are pruned by one helper, ``roles._drop_matched``."""

from __future__ import annotations

from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts.roles import _drop_matched, with_labels_matched_elsewhere


def _transcript(**metadata: object) -> Transcript:
    text = "Sam Roe: Hello.\nJo Bell: Hi.\n"
    turns = [Turn("Sam Roe", "interviewer", 9, 15), Turn("Jo Bell", "participant", 25, 28)]
    return Transcript("p01", text, turns, metadata=dict(metadata))


def test_labels_named_elsewhere_leave_the_unmatched_lists() -> None:
    t = _transcript(
        format="txt",
        interviewer_labels_unmatched=["Helen", "Zed"],
        participant_labels_unmatched=["Kim"],
        language="en",
    )
    out = with_labels_matched_elsewhere(t, {"Helen", "Kim"})
    assert list(out.metadata.items()) == [
        ("format", "txt"),
        ("interviewer_labels_unmatched", ["Zed"]),
        ("language", "en"),
        ("interviewer_labels_elsewhere", ["Helen"]),
    ]
    assert t.metadata["participant_labels_unmatched"] == ["Kim"]  # the given one unchanged


def test_a_transcript_with_no_label_named_elsewhere_is_the_same_one() -> None:
    t = _transcript(interviewer_labels_unmatched=["Zed"], participant_labels_unmatched=["Ann"])
    assert with_labels_matched_elsewhere(t, {"Helen"}) is t
    assert with_labels_matched_elsewhere(_transcript(), {"Helen"}).metadata == {}


def test_drop_matched_keeps_the_rest_in_order_and_drops_an_empty_list() -> None:
    metadata: dict[str, object] = {"a": ["x", "y", "z"], "b": ["y"], "c": 1}
    _drop_matched(metadata, "a", {"y"})
    _drop_matched(metadata, "b", {"y"})
    assert metadata == {"a": ["x", "z"], "c": 1}
