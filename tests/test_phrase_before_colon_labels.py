"""A phrase before a colon that opens two or more lines of talk is talk, not a speaker.

Session 82 (messy12, class A): a phrase a participant opens a sentence with (``The problem is:
...``, reported speech ``and she said: ...``, ``Then he goes: ...``, ``Honestly: ...``) opening
two or more lines was taken as a recurring speaker label: its words were cut from the text (never
coded or quoted), its turns given to a made-up participant, and, below an Otter label, the real
label was put inside the interviewer's question. Such a phrase is a speaker only where the
researcher names it; no word of a line judged talk is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript

DATA = Path(__file__).parent / "data" / "phrase_before_colon"


def _turns(name: str, **kwargs: list[str]) -> list[tuple[str, str, str]]:
    t = read_transcript(DATA / name, **kwargs)  # type: ignore[arg-type]
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def test_a_phrase_below_otter_labels_stays_in_the_answer() -> None:
    assert _turns("otter_phrase.txt", interviewer_labels=["Sam Roe"]) == [
        ("Sam Roe", "interviewer", "What made the discharge plans hard to keep?"),
        (
            "Zoë Adams",
            "participant",
            "The thing I keep coming back to is: beds first, patients second.\n"
            "We never had the time to sit with families.",
        ),
        ("Sam Roe", "interviewer", "And the community teams?"),
        ("Zoë Adams", "participant", "The thing I keep coming back to is: nobody phones back."),
        ("Sam Roe", "interviewer", "How did the managers take it?"),
        ("Zoë Adams", "participant", "They listened, mostly."),
    ]


def test_reported_speech_continues_the_typed_turn() -> None:
    assert _turns("typed_reported_speech.txt") == [
        ("Interviewer", "interviewer", "Did you raise the staffing with anyone?"),
        (
            "P02",
            "participant",
            "I took it to the matron, twice.\nand she said: there is nothing in the budget for it.",
        ),
        ("Interviewer", "interviewer", "What about the audit forms?"),
        (
            "P02",
            "participant",
            "Nobody reads them. I asked the governance lead once,\n"
            "and she said: just fill them in for the inspectors.",
        ),
        ("Interviewer", "interviewer", "How did that land with the team?"),
        (
            "P02",
            "participant",
            "Not well.\nThen he goes: we all have to do our bit.\n"
            "Then he goes: it will be better next year.",
        ),
    ]


def test_a_phrase_opening_caption_cues_keeps_its_words() -> None:
    assert _turns("captions_phrase.vtt") == [
        (
            "Participant",
            "participant",
            "What stopped the clinic from starting on time? Honestly: the rooms were double "
            "booked. And the records system? Honestly: it crashed every Monday.",
        )
    ]


def test_a_phrase_the_researcher_names_is_a_speaker() -> None:
    turns = _turns("typed_reported_speech.txt", participant_labels=["Then he goes"])
    assert [(s, r) for s, r, _ in turns][-3:] == [
        ("P02", "participant"),
        ("Then he goes", "participant"),
        ("Then he goes", "participant"),
    ]


def test_roles_and_names_holding_such_words_stay_speakers() -> None:
    assert [(s, r) for s, r, _ in _turns("real_labels_kept.txt")] == [
        ("Interviewer", "interviewer"),
        ("Support worker", "participant"),
        ("IT lead", "participant"),
        ("Said Ahmed", "participant"),
        ("Interviewer", "interviewer"),
        ("Support worker", "participant"),
        ("IT lead", "participant"),
        ("Said Ahmed", "participant"),
    ]


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("The problem is", True),
        ("and she said", True),
        ("My manager said", True),
        ("What I'd say is", True),
        ("What I’d say is", True),
        ("Then he goes", True),
        # one such word alone is as often a name's particle or a display name in lower case
        # (hunter s82 hunt15): it reads as a phrase only when it ends the label
        ("It's the same story everywhere", False),
        ("Maria do Carmo", False),
        ("Joana Puig i Soler", False),
        ("Ahmed bin Said", False),
        ("can yilmaz", False),
        ("do thi lan", False),
        ("said ahmed", False),
        ("he wei", False),
        ("It lead", False),
        ("it support", False),
        ("Honestly", True),
        ("Long story short", True),
        ("Bottom Line", True),
        ("Said Ahmed", False),
        ("IT lead", False),
        ("Member of the public", False),
        ("Mum and Dad", False),
        ("Her mother", False),
        ("Support worker", False),
        ("Speaker 1", False),
        ("interviewer", False),
        ("sam roe", False),
    ],
)
def test_reads_as_a_phrase(name: str, phrase: bool) -> None:
    from roqa_nlp.transcripts.speaker_labels import reads_as_a_phrase

    assert reads_as_a_phrase(name) is phrase


def test_a_phrase_right_below_a_label_alone_is_that_speakers_talk() -> None:
    """``Short answer:`` holds none of the listed words; below Rev's label holding its line with no
    words, each time, it opens that speaker's answer (on bf84a41f, a speaker 'Short answer',
    and ``Priya Nair (00:00:06):`` was put in the interviewer's turn)."""
    assert _turns("rev_phrase.txt", interviewer_labels=["Sam Roe"]) == [
        ("Sam Roe", "interviewer", "What slowed the referrals down?"),
        ("Priya Nair", "participant", "Short answer: the forms went to the wrong inbox."),
        ("Sam Roe", "interviewer", "And once that was fixed?"),
        ("Priya Nair", "participant", "Short answer: they came through in a day."),
        ("Sam Roe", "interviewer", "Good to hear."),
        ("Priya Nair", "participant", "It was a relief, honestly."),
    ]


def test_a_third_speaker_named_with_a_particle_is_a_speaker(tmp_path: Path) -> None:
    """Hunter s82 hunt15: ``Joana Puig i Soler`` (a Catalan name's ``i``) and ``Maria do
    Carmo`` were read as phrases: their label and words went into the participant's turn above,
    nothing said."""
    turns = [
        ("Interviewer", "What did you make of the new rota?"),
        ("P01", "It was chaos for the first fortnight."),
        ("Joana Puig i Soler", "Sorry to cut in, it was worse on nights."),
        ("Interviewer", "Who helped most?"),
        ("P01", "The deputy sister sat with each of us."),
        ("Joana Puig i Soler", "And the bank staff never got told."),
        ("Interviewer", "And your mother?"),
        ("Maria do Carmo", "Nobody asked me anything at all."),
        ("Interviewer", "Nothing?"),
        ("Maria do Carmo", "Not once in three months."),
    ]
    path = tmp_path / "p01.txt"
    path.write_text("".join(f"{who}: {said}\n\n" for who, said in turns), encoding="utf-8")
    t = read_transcript(path)
    assert [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns] == [
        (who, "interviewer" if who == "Interviewer" else "participant", said) for who, said in turns
    ]
