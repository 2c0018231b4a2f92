"""A name that only opens a sentence is listed to check where it reads as a name there: before a
comma and an apposition (``Tom, our commissioner, ...``, ``Ciaran, one of my night staff, ...``,
``Bernadette, who leads the day team, ...``), or before a surname the list holds (``Janet
Hughes from the council ...``). Session 73 study3 tester, D4 (i): such colleagues' names were
neither replaced nor listed, and reached every output of ``roqa code --pseudonymise``."""

from __future__ import annotations

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import PseudonymKey, names_to_check, pseudonymise


def listed(*said: str) -> list[str]:
    (after,), key = pseudonymise([talk("p01", *said)], PseudonymKey({}))
    return [f.word for f in names_to_check([after], key)]


def test_a_name_opening_a_sentence_before_an_apposition_is_listed() -> None:
    said = (
        "We run supported living. Tom, our commissioner, comes out every quarter. Ciaran, one "
        "of my night staff, trained as a peer worker. Bernadette, who leads the day team, keeps "
        "the rota going. Priya, the deputy, covers nights. Kwame, my deputy, left."
    )
    assert sorted(listed(said)) == ["Bernadette", "Ciaran", "Kwame", "Priya", "Tom"]


def test_an_everyday_or_stop_word_before_such_a_comma_is_not() -> None:
    said = (
        "Honestly, the staffing is hard. Yes, my team is good. Unfortunately, our funding was "
        "cut. So, the rota. Again, who pays? Yesterday, a resident left. Obviously, one of "
        "us covers."
    )
    assert listed(said) == []


def test_a_word_the_study_writes_in_lower_case_is_not() -> None:
    assert listed("Funding, the big one, was cut. We had no funding at all.") == []


def test_a_name_opening_a_sentence_before_a_listed_surname_is_listed() -> None:
    said = "Funding mostly. Janet Hughes from the council said the budget would be cut again."
    assert sorted(listed(said)) == ["Hughes", "Janet"]


def test_not_before_a_word_of_a_phrase() -> None:
    """``Mental Health`` opens a sentence before a word the study writes in lower case."""
    assert listed("Mental Health services are stretched. Our health team helps.") == []


def test_a_stop_word_name_before_an_apposition_is_listed() -> None:
    """``Will, our deputy, ...`` reads as Tom's ``Tom, our commissioner, ...`` does, though
    "will" is a stop word the study writes in lower case (s74 hunt2: it was not listed)."""
    said = "Will, our deputy, did most of the training. It will help, I think."
    assert listed(said) == ["Will"]


def test_but_not_a_day_or_a_word_before_no_apposition() -> None:
    said = (
        "Sunday, the worst day, was short staffed. Hope, I think, is what we give. I hope so. "
        "May, the busiest month, was hard. Will, I think, is the word. It will pass."
    )
    assert listed(said) == []


def test_a_name_opening_an_answer_before_she_or_he_is_listed_first() -> None:
    """``Sandra, she's the one ...`` reads as ``Our chief exec, Sandra, she came up`` does: a name
    said of a person (s75 tester, A: neither was listed where the name opened the answer; ``And
    Bill`` was taken for a word of a law's name, as ``the Mental Health Bill``)."""
    said = (
        "Sandra, she's the one who does the rotas. Grace, she never misses a shift. And Bill, "
        "he never came back. We went to Bramley and Bramley."
    )
    assert listed(said) == ["Bill", "Grace", "Sandra", "Bramley"]


def test_a_name_in_ly_made_of_a_word_before_an_apposition_is_listed() -> None:
    """Session 76 hunt3 R3: the adverb rule ("Sadly" of ``sad``) took Carly (``car``), Everly
    (``ever``) and Manly (``man``, a Sydney suburb) for adverbs, and none was listed; on
    d055517c each was."""
    said = (
        "Carly, our deputy manager, set it up. Everly, my team lead, ran it. Manly, the "
        "suburb, was where we started."
    )
    assert listed(said) == ["Carly", "Everly", "Manly"]


def test_an_everyday_word_or_a_day_before_she_or_he_is_not() -> None:
    said = (
        "Obviously, she said no. Yesterday, he left. Honestly, she's great. Apparently, he quit. "
        "Sunday, she was off. Initially, he came. Sometimes, she rings. May, she said, was busy. "
        "Sadly, she died. Happily, he stayed. Sadly, the funding went."
    )
    assert listed(said) == []


def test_a_surname_opening_a_line_of_a_hard_wrapped_turn_is_listed() -> None:
    """Privacy2 L6 (session 78): a line start inside a turn was taken for a sentence start, so a
    surname wrapped onto the next line (a .txt's line breaks, a .docx's soft ones) was not
    listed: only ``Chidi`` was. A line is a sentence start after a line that ends a sentence or
    after a blank line, as before."""
    said = (
        "Our consultant, Dr Chidi\nOkonkwo-Bello, set it up. And Dr Mary\nSmith-Jones too, "
        "with Bernadette\nQuigley. It helped.\nFunding was the problem.\n\nStaffing too."
    )
    assert sorted(listed(said)) == ["Bernadette", "Chidi", "Mary", "Okonkwo-Bello", "Quigley",
                                    "Smith-Jones"]  # fmt: skip


def test_the_items_of_a_list_written_one_a_line_are_not_listed() -> None:
    """Hunter s78 hunt6 F2: after the hard-wrap rule above, a list of services one a line
    (``We use`` / ``Physiotherapy`` / ``Counselling`` ...) listed every capitalised item; a line
    of at most three words ends like a sentence, so the next line's first word is an opener,
    while a wrapped surname after a longer line is still listed."""
    said = (
        "We use\nPhysiotherapy\nCounselling\nDietetics\nOccupational therapy\nPharmacy\n"
        "and the\nDistrict nurses who visit twice a week when the roads are clear, and Dr Chidi\n"
        "Okonkwo-Bello."
    )
    assert sorted(listed(said)) == ["Chidi", "Okonkwo-Bello"]


def test_a_surname_after_a_given_name_is_listed_though_written_after_it_in_lower_case() -> None:
    """Privacy2 L7 (session 78): the study's ``fiona mcallister`` (speech-to-text's lower case)
    kept ``McAllister`` off the list, as a word also written in lower case; written so only right
    after a given name in lower case, it is a surname still. Not where the study writes it in
    lower case apart (``a mcallister review``), as a word (``trust``)."""
    said = (
        "I spoke to Fiona McAllister about it, she is our area director. So fiona mcallister "
        "froze recruitment."
    )
    assert sorted(listed(said)) == ["Fiona", "McAllister", "fiona"]
    said = "I asked Fiona Trust about it. The trust said no, fiona trust."
    assert sorted(listed(said)) == ["Fiona", "fiona"]
