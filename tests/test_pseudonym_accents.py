"""Specification of names with accents (session 42, tester's D3): a keyed name is found with
or without its accents, in the talk and the file name, and an unaccented key finds the accented
talk; offsets stay exact. Before, "Siobhan", "Zoe Wisniewska", "Ms Wisniewska" and the lower-case
"siobhan o'brien" were left in the copy of an interview of Siobhán O'Brien and Zoë Wiśniewska
(6 of 14 mentions)."""

from __future__ import annotations

import unicodedata
import warnings

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey, names_to_check, pseudonymise
from roqa_nlp.schema import Transcript, Turn


def joint(source: str, *turns: tuple[str, str]) -> Transcript:
    """A transcript of ``turns`` (speaker, talk), ``Speaker: talk`` a line each."""
    text, spans = "", []
    for speaker, talk in turns:
        start = len(text) + len(speaker) + 2
        text += f"{speaker}: {talk}\n"
        role = "interviewer" if speaker == "Interviewer" else "participant"
        spans.append(Turn(speaker, role, start, start + len(talk)))
    return Transcript(source.rsplit(".", 1)[0], text, spans, source=source)


def pseudonymised(t: Transcript, key: dict[str, str]) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey(dict(key)))
    return after


ACCENTED = {"Siobhán O'Brien": "P10a", "Zoë Wiśniewska": "P10b"}


def test_a_keyed_name_with_accents_is_found_without_them() -> None:
    t = joint(
        "p10_interview.txt",
        ("Interviewer", "Thanks Siobhan, and welcome Zoe."),
        ("Siobhán O'Brien", "Everyone says Siobhan. The team is Siobhan's team."),
        ("Zoë Wiśniewska", "I'm Zoe Wisniewska, deputy. Ms Wisniewska on the rota."),
        ("Siobhán O'Brien", "It writes siobhan o'brien and zoe wisniewska."),
    )
    after = pseudonymised(t, ACCENTED)
    assert after.text == (
        "Interviewer: Thanks [P10a], and welcome [P10b].\n"
        "P10a: Everyone says [P10a]. The team is [P10a]'s team.\n"
        "P10b: I'm [P10b], deputy. Ms [P10b] on the rota.\n"
        "P10a: It writes [P10a] and [P10b].\n"
    )
    assert [after.turn_text(turn) for turn in after.turns] == [
        "Thanks [P10a], and welcome [P10b].",
        "Everyone says [P10a]. The team is [P10a]'s team.",
        "I'm [P10b], deputy. Ms [P10b] on the rota.",
        "It writes [P10a] and [P10b].",
    ]


def test_an_unaccented_key_finds_the_accented_talk_composed_or_not() -> None:
    talk = "I'm Zoë Wiśniewska. Ms Wiśniewska, or Zoë."
    decomposed = unicodedata.normalize("NFD", talk)
    for said in (talk, decomposed):
        t = joint("p10.txt", ("Interviewer", "Go on."), ("Zoe Wisniewska", said))
        after = pseudonymised(t, {"Zoe Wisniewska": "P10"})
        assert after.turn_text(after.turns[1]) == "I'm [P10]. Ms [P10], or [P10]."


def test_a_file_name_without_the_accents_is_renamed() -> None:
    t = joint("zoom_zoe_wisniewska.txt", ("Interviewer", "Go on."), ("Zoë Wiśniewska", "Yes."))
    assert pseudonymised(t, ACCENTED).id == "zoom_P10b"


def test_other_words_that_share_letters_stay() -> None:
    t = joint(
        "p10.txt", ("Interviewer", "Go on."), ("Zoë Wiśniewska", "Zoes and Zoëy? Wisniewski.")
    )
    after = pseudonymised(t, ACCENTED)
    assert after.turn_text(after.turns[1]) == "Zoes and Zoëy? Wisniewski."


def test_a_lower_case_first_name_without_its_accent_is_listed_to_check() -> None:
    t = joint("p10.txt", ("Interviewer", "Go on."), ("Siobhán O'Brien", "Ask siobhan."))
    after = pseudonymised(t, ACCENTED)
    assert after.turn_text(after.turns[1]) == "Ask siobhan."
    listed = [(n.word, n.count) for n in names_to_check([after], PseudonymKey(dict(ACCENTED)))]
    assert listed == [("siobhan", 1)]


def test_a_letter_unicode_does_not_decompose_is_one_persons_under_two_labels() -> None:
    """Session 52: pseudonymising took 'Łukasz' for 'Lukasz' (data/letters_without_accents.txt)
    but the labels' comparison (transcripts.roles.name_key, NFKD alone) did not, so a Zoom
    rename 'Łukasz Nowak' -> 'Lukasz Nowak (iPhone)' was two people. One folding serves both."""
    from roqa_nlp.pseudonyms import people_named

    assert people_named(["Łukasz Nowak", "Lukasz Nowak (iPhone)", "Søren Berg"]) == [
        ["Łukasz Nowak", "Lukasz Nowak (iPhone)"],
        ["Søren Berg"],
    ]


def test_labels_and_file_names_compare_names_in_one_form_but_apostrophes() -> None:
    """A file name drops a name's apostrophe (p01_siobhan_odriscoll.txt), a label keeps it."""
    from roqa_nlp.pseudonyms import _file_name_form
    from roqa_nlp.transcripts.roles import name_key

    assert name_key("Søren Ó’Brien 🌻") == "soren o'brien"
    assert _file_name_form("Søren Ó’Brien 🌻") == "soren obrien"
