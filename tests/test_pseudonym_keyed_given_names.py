"""A first name (and an organisation's first word) of a key row for someone who does not speak is
replaced alone too, when the key gives that word to no one else (docs/privacy.md).

Session 43 (blind tester, p02_interview): the key row ``Tom Beckett,social worker`` turned the
full name into ``[social worker]``, but two sentences later "someone like Tom" stayed, and reached
Table 2, the matrix, the report and codings.csv; so did ``Brookfield`` of ``Brookfield
House,service`` and ``Oakridge`` of ``Oakridge Lodge,service``.
"""

from __future__ import annotations

from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.schema import Transcript, Turn


def talk(tid: str, *said: str, speaker: str = "P01") -> Transcript:
    """A transcript of participant turns, one per string."""
    text, turns = "", []
    for words in said:
        start = len(text) + len(f"{speaker}: ")
        text += f"{speaker}: {words}\n"
        turns.append(Turn(speaker, "participant", start, start + len(words)))
    return Transcript(tid, text, turns)


def test_the_testers_first_name_alone_is_the_keyed_persons() -> None:
    t = talk(
        "p02",
        "There's a social worker, Tom Beckett, who's fantastic. He'll come out. When a client "
        "has someone like Tom, things move.",
    )
    (after,), _ = pseudonymise([t], PseudonymKey({"Tom Beckett": "social worker"}))
    assert after.text == (
        "P01: There's a social worker, [social worker], who's fantastic. He'll come out. When a "
        "client has someone like [social worker], things move.\n"
    )


def test_at_a_sentence_start_too_and_in_lower_case_not() -> None:
    t = talk("p02", "Tom rang me. Tom's great. I asked tom.", "Tom said so.")
    (after,), _ = pseudonymise([t], PseudonymKey({"Tom Beckett": "social worker"}))
    assert after.text == (
        "P01: [social worker] rang me. [social worker]'s great. I asked tom.\n"
        "P01: [social worker] said so.\n"
    )


def test_organisations_first_word_alone_unless_an_everyday_word() -> None:
    t = talk(
        "p01",
        "What does it mean at Brookfield? Oakridge too. The Harbour team and Lantern staff.",
    )
    key = PseudonymKey(
        {
            "Brookfield House": "service",
            "Oakridge Lodge": "service",
            "Harbour Mind Care": "provider",
            "Lantern Housing": "provider",
        }
    )
    (after,), key = pseudonymise([t], key)
    assert after.text == (
        "P01: What does it mean at [service]? [service] too. The Harbour team and [provider] "
        "staff.\n"
    )


def test_a_first_name_two_people_of_the_key_share_stays() -> None:
    t = talk("p02", "In Luton I asked Tom and Luton said no.")
    key = PseudonymKey({"Tom Beckett": "social worker", "Tom Hale": "nominated individual"})
    (after,), key = pseudonymise([t], key)
    assert after.text == "P01: In Luton I asked Tom and Luton said no.\n"


def test_a_word_name_is_the_persons_but_where_it_opens_a_question() -> None:
    t = talk("p03", "Will it help? Will said yes, and I asked Will.")
    (after,), _ = pseudonymise([t], PseudonymKey({"Will Green": "manager"}))
    assert after.text == "P01: Will it help? [manager] said yes, and I asked [manager].\n"


def test_after_a_title_the_word_is_a_surname_not_the_first_name() -> None:
    t = talk("p03", "Ms Rose agreed, and so did Rose.")
    (after,), _ = pseudonymise([t], PseudonymKey({"Rose Baker": "deputy"}))
    assert after.text == "P01: Ms Rose agreed, and so did [deputy].\n"


def test_a_participants_first_name_stays_where_they_do_not_speak() -> None:
    """A participant's first name in another site's interview is as likely someone else: a
    pseudonym would misattribute (unchanged)."""
    t = talk("p02", "Priya helped, and so did Priya Nair.")
    (after,), key = pseudonymise([t], PseudonymKey({"Priya Nair": "P01", "Sam Roe": "P02"}))
    assert after.text == "P01: Priya helped, and so did [P01].\n"


def test_where_a_speaker_of_that_first_name_speaks_it_is_theirs() -> None:
    t = talk("p05", "Tom and I set it up.", speaker="Tom Hale")
    (after,), _ = pseudonymise([t], PseudonymKey({"Tom Beckett": "social worker"}))
    assert after.text == "P05: [P05] and I set it up.\n"
