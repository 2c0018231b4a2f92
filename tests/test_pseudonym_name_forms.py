"""Specification of the forms of a keyed name that pseudonymising replaces besides the full
name (session 39): a surname alone in any interview, a name joined up as a handle or a file
name writes it, an e-mail address read out with a name before "at", and a street address with
its town (``roqa_nlp.pseudonyms``, ``roqa_nlp.identifiers``)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.identifiers import replace_identifiers
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts import read_transcript


def said_by_p02(talk: str, key: dict[str, str]) -> str:
    """``talk`` as P02's turn of an interview in which no keyed person speaks, pseudonymised."""
    text = f"Interviewer: Who else?\nP02: {talk}\n"
    start = text.index("P02: ") + 5
    turns = [
        Turn("Interviewer", "interviewer", 13, 22),
        Turn("P02", "participant", start, start + len(talk)),
    ]
    t = Transcript("p02", text, turns, source="p02.txt", participant="P02")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey(key))
    return after.turn_text(after.turns[1])


# -- a surname alone ---------------------------------------------------------------------------


def test_a_keyed_surname_alone_is_replaced_after_a_title_where_its_person_does_not_speak() -> None:
    """Session 39 first replaced a surname alone wherever its person does not speak; alone (not
    after a title) it was as often a word, a place or someone else (below), so it stays there
    and is listed to check."""
    talk = "Kowalski's on nights this week, so ask Sister Kowalski. KOWALSKI signs it off."
    assert said_by_p02(talk, {"Anna Kowalski": "ward manager"}) == (
        "Kowalski's on nights this week, so ask Sister [ward manager]. KOWALSKI signs it off."
    )


def test_a_surname_of_a_participant_keyed_elsewhere_is_their_pseudonym_after_a_title() -> None:
    assert said_by_p02("I trained with Okafor and Dr Okafor's team.", {"Maria Okafor": "P07"}) == (
        "I trained with Okafor and Dr [P07]'s team."
    )


BENCHMARK_KEY = {"Ian Power": "P22", "Nia Head": "P24", "Ben Major": "P23", "Kate Star": "P18",
                 "Sue Ford": "P21", "Will Hunt": "P02", "Ann Preston": "P30", "Rob Lee": "P71",
                 "Ruth Dunmore": "P41", "Grace Okafor": "P40", "Iain Fraser": "P53"}  # fmt: skip


@pytest.mark.parametrize(
    ("talk", "expected"),
    [
        # words, places, a public figure and a first name the benchmark's surnames stood for
        ("Power cuts also, in summer. Head office had bought it.",
         "Power cuts also, in summer. Head office had bought it."),
        ("A Major incident, the Head of Nursing, Star ratings and Ford cars.",
         "A Major incident, the Head of Nursing, Star ratings and Ford cars."),
        ("Hunt's reforms in 2015 hurt.", "Hunt's reforms in 2015 hurt."),
        ("I trained in Preston. The one out in Dunmore has one navigator.",
         "I trained in Preston. The one out in Dunmore has one navigator."),
        ("me, Lee and Gemma. Lee got clean himself.", "me, Lee and Gemma. Lee got clean himself."),
        ("Okafor said so, and Fraser's caseload.", "Okafor said so, and Fraser's caseload."),
        # after a title: the person
        ("Dr Okafor and Dr. Fraser's team, Mrs Dunmore, Mr Lee.",
         "Dr [P40] and Dr. [P53]'s team, Mrs [P41], Mr [P71]."),
        ("Sister Head, Nurse Major, Matron Star, Cllr Ford and Councillor Preston came.",
         "Sister [P24], Nurse [P23], Matron [P18], Cllr [P21] and Councillor [P30] came."),
    ],
)  # fmt: skip
def test_a_keyed_surname_alone_where_its_person_does_not_speak_needs_a_title(
    talk: str, expected: str
) -> None:
    assert said_by_p02(talk, BENCHMARK_KEY) == expected


def test_a_keyed_surname_left_alone_is_listed_to_check() -> None:
    from roqa_nlp.pseudonyms import names_to_check

    text = "Interviewer: Who else?\nP02: I asked Okafor, then trained in Preston with Lee.\n"
    start = text.index("I asked")
    turns = [
        Turn("Interviewer", "interviewer", 13, 22),
        Turn("P02", "participant", start, len(text) - 1),
    ]
    t = Transcript("p02", text, turns, source="p02.txt", participant="P02")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), key = pseudonymise([t], PseudonymKey(dict(BENCHMARK_KEY)))
    assert after.text == text
    assert [f.word for f in names_to_check([after], key)] == ["Lee", "Okafor", "Preston"]


def test_where_the_keyed_person_speaks_each_word_of_their_name_stays_theirs() -> None:
    text = "Interviewer: Who?\nRob Lee: me, Lee and Gemma. Lee got clean himself.\n"
    start = text.index("me,")
    turns = [
        Turn("Interviewer", "interviewer", 13, 17),
        Turn("Rob Lee", "participant", start, len(text) - 1),
    ]
    t = Transcript("p127", text, turns, source="p127.txt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey({"Rob Lee": "P71"}))
    assert after.turn_text(after.turns[1]) == "me, [P71] and Gemma. [P71] got clean himself."


@pytest.mark.parametrize(
    ("talk", "expected"),
    [
        # another person's double-barrelled surname: neither half is the keyed one's
        ("Mr Rhys-Evans, Dr. Owusu-Mensah and Helen Rees-Jones met Mr Evans.",
         "Mr Rhys-Evans, Dr. Owusu-Mensah and Helen Rees-Jones met Mr [P62]."),
        ("Dr Evans-Smith and Mr Jones-Rees came.", "Dr Evans-Smith and Mr Jones-Rees came."),
    ],
)  # fmt: skip
def test_a_name_part_joined_by_a_hyphen_to_another_word_is_not_the_keyed_name(
    talk: str, expected: str
) -> None:
    key = {"Lucy Evans": "P62", "Kwame Mensah": "P55", "David Jones": "P58"}
    assert said_by_p02(talk, key) == expected


def test_a_speakers_name_joined_by_a_hyphen_is_theirs_in_their_own_interview() -> None:
    """Where the person speaks, a word of their name is theirs joined to any word (hunt s39/3:
    "my maiden name was Grace Okafor-Bello", "the Okafor-led pilot" were left whole, the
    participant's own name in the shared copy): half a name left is less than a whole one."""
    text = "Interviewer: Who?\nDavid Jones: Rees-Jones rang David, then Jones-Smith.\n"
    start = text.index("Rees")
    turns = [
        Turn("Interviewer", "interviewer", 13, 17),
        Turn("David Jones", "participant", start, len(text) - 1),
    ]
    t = Transcript("p58", text, turns, source="p58.txt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey({"David Jones": "P58"}))
    assert after.turn_text(after.turns[1]) == "Rees-[P58] rang [P58], then [P58]-Smith."


def test_a_name_joined_by_a_hyphen_to_a_lower_case_word_is_replaced() -> None:
    """Hunt s39/3: blocking every hyphen left "Okafor-led", "non-Okafor", "ex-Okafor" and "Anna
    Kowalski-led" in the talk, unlisted; a keyed surname after a title joined to a capitalised
    word where its person does not speak stays someone else's ("Dr Kowalski-Smith")."""
    text = (
        "Interviewer: Who?\nGrace Okafor: The Okafor-led pilot, the non-Okafor sites, ex-Okafor "
        "staff, Anna Kowalski-led teams, Tom Hale-ish. Dr Kowalski-Smith came.\n"
    )
    start = text.index("The Okafor")
    turns = [
        Turn("Interviewer", "interviewer", 13, 17),
        Turn("Grace Okafor", "participant", start, len(text) - 1),
    ]
    t = Transcript("p21", text, turns, source="p21.txt")
    key = {"Grace Okafor": "P21", "Anna Kowalski": "P20", "Tom Hale": "nominated individual"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey(key))
    assert after.turn_text(after.turns[1]) == (
        "The [P21]-led pilot, the non-[P21] sites, ex-[P21] staff, [P20]-led teams, [nominated "
        "individual]-ish. Dr Kowalski-Smith came."
    )


@pytest.mark.parametrize(
    ("talk", "expected"),
    [
        # surnames that are English words: the word, not the person, unless after an honorific
        ("Hope it helps. Young people need Green spaces and a Bell rings.",
         "Hope it helps. Young people need Green spaces and a Bell rings."),
        ("We saw Mrs Rose and Dr Green, then Mr Bell.", "We saw Mrs [P37] and Dr [P40], then Mr [P41]."),
        # a surname written in lower case in the same interview is a word there
        ("The Star ward won a star award.", "The Star ward won a star award."),
        # a surname in lower case is no name
        ("the kowalski file", "the kowalski file"),
    ],
)  # fmt: skip
def test_a_keyed_surname_that_is_a_word_is_replaced_only_after_an_honorific(
    talk: str, expected: str
) -> None:
    key = {"Amy Rose": "P37", "Ben Hope": "P38", "Cy Young": "P39", "Di Green": "P40",
           "Ed Bell": "P41", "Tom Star": "P31"}  # fmt: skip
    assert said_by_p02(talk, key) == expected


@pytest.mark.parametrize(
    ("talk", "expected"),
    [
        # one word of another name: a capitalised word beside it
        ("He's on Universal Credit; the Recovery Star helps.",
         "He's on Universal Credit; the Recovery Star helps."),
        ("Piotr Kowalski rang, not Anna.", "Piotr Kowalski rang, not Anna."),
        # a day's name, a thing named after a determiner, a compound word
        ("I sent it on Friday.", "I sent it on Friday."),
        ("so the Star helps, and Recovery-focused care.", "so the Star helps, and Recovery-focused care."),
        # after a title, the sentence's first word before it is no matter
        ("So Dr Kowalski said yes. And Dr Kowalski's team?",
         "So Dr [P05] said yes. And Dr [P05]'s team?"),
    ],
)  # fmt: skip
def test_a_keyed_surname_beside_another_capitalised_word_is_no_one_alone(
    talk: str, expected: str
) -> None:
    key = {"Jo Universal": "P33", "Ann Credit": "P34", "Tom Star": "P31", "Ruth Recovery": "P36",
           "Lee Friday": "P32", "Anna Kowalski": "P05"}  # fmt: skip
    assert said_by_p02(talk, key) == expected


def test_a_surname_two_keyed_people_share_is_left_where_neither_speaks() -> None:
    key = {"Anna Kowalski": "P05", "Piotr Kowalski": "P06"}
    assert said_by_p02("Kowalski rang.", key) == "Kowalski rang."


# -- a name joined up ---------------------------------------------------------------------------


def test_a_keyed_name_joined_up_is_replaced() -> None:
    talk = "Tag AishaRahman or @aisha_rahman, see aisha.rahman on Teams, or aisha.rahman@nhs.net."
    assert said_by_p02(talk, {"Aisha Rahman": "P03"}) == (
        "Tag [P03] or [P03], see [P03] on Teams, or [email]."
    )


def test_a_keyed_name_joined_by_a_hyphen_is_replaced_as_one_name() -> None:
    """Privacy2 L5 (session 78): joined by a hyphen in lower case it stayed, unlisted, while
    ``aisha_rahman`` and ``aisha.rahman`` were replaced; capitalised, each word was replaced
    apart (``[P03]-[P03]``)."""
    talk = (
        "Book calendly.com/aisha-rahman/30min, see aisha-rahman on the rota, "
        "or Aisha-Rahman on Teams."
    )
    assert said_by_p02(talk, {"Aisha Rahman": "P03"}) == (
        "Book calendly.com/[P03]/30min, see [P03] on the rota, or [P03] on Teams."
    )
    talk = "Find her on linkedin.com/in/priya-raman-4b21 today."
    assert said_by_p02(talk, {"Priya Raman": "clinical lead"}) == (
        "Find her on linkedin.com/in/[clinical lead]-4b21 today."
    )


def test_a_name_of_everyday_words_joined_by_a_hyphen_in_lower_case_is_the_words_own() -> None:
    """Hunter s78 hunt6 F1: with key rows of everyday words (``Will Power``, ``Rose Water``,
    ``Pat Down``), ``sheer will-power``, ``rose-water cream`` and ``a pat-down`` became the
    people's pseudonyms, silently; the name written as a name (``Will-Power``, each word's
    capital), or joined by a dot or underscore, is still theirs, and ``Mary-Kate`` (a name not
    of everyday words) in any case."""
    key = {"Will Power": "P21", "Rose Water": "P22", "Pat Down": "P24", "Mary Kate": "P23"}
    talk = (
        "It took sheer will-power. The rose-water cream helped. We had a pat-down. "
        "Ask Will-Power, will.power, Rose_Water or mary-kate."
    )
    assert said_by_p02(talk, key) == (
        "It took sheer will-power. The rose-water cream helped. We had a pat-down. "
        "Ask [P21], [P21], [P22] or [P23]."
    )


def test_words_that_join_into_a_name_in_lower_case_stay() -> None:
    assert said_by_p02("It was almost done.", {"Al Most": "P04"}) == "It was almost done."


# -- an e-mail address read out with one word before "at" -------------------------------------


@pytest.mark.parametrize(
    ("talk", "expected"),
    [
        ("email me on aisha at nhs dot net, thanks", "email me on [email], thanks"),
        ("it's rahman at gmail dot com", "it's [email]"),  # the keyed surname
        ("so the team at leeds dot ac dot uk said", "so the team at leeds dot ac dot uk said"),
        ("meet at the office dot com", "meet at the office dot com"),
    ],
)
def test_an_address_read_out_with_a_keyed_name_before_at_is_an_email(
    talk: str, expected: str
) -> None:
    assert said_by_p02(talk, {"Aisha Rahman": "P03"}) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("email me on aisha at nhs dot net", "email me on [email]"),
        ("my email address is dsmith at gmail dot com.", "my email address is [email]."),
        ("e-mail me at bob at nhs dot uk", "e-mail me at [email]"),
        # no cue, no name: talk of a web site or a team
        ("look at nhs dot uk", "look at nhs dot uk"),
        ("the guidance at nice dot org dot uk", "the guidance at nice dot org dot uk"),
        ("meet at the office dot com", "meet at the office dot com"),
        ("email the team at leeds dot ac dot uk", "email the team at leeds dot ac dot uk"),
    ],
)
def test_an_address_read_out_after_an_email_cue_is_an_email(said: str, expected: str) -> None:
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # an organisation's acronym and a web site said aloud: no one's address
        ("Contact PALS at nhs dot uk", "Contact PALS at nhs dot uk"),
        ("you can contact PALS at nhs dot uk if not.", "you can contact PALS at nhs dot uk if not."),
        ("Write to CQC at cqc dot org dot uk, or", "Write to CQC at cqc dot org dot uk, or"),
        # a person's address read out after the same words still is one
        ("email me on jane dot smith at nhs dot net", "email me on [email]"),
        ("contact smith at nhs dot net", "contact [email]"),
        ("Contact Jane at nhs dot net", "Contact [email]"),
        ("contact JS84 at nhs dot net", "contact [email]"),
        ("email me on JS at nhs dot net", "email me on [email]"),  # initials
    ],
)  # fmt: skip
def test_an_organisations_acronym_after_an_email_cue_is_no_address(
    said: str, expected: str
) -> None:
    """Session 40: 'Contact PALS at nhs dot uk' became 'Contact [email]', an organisation's
    name (the Patient Advice and Liaison Service) and a public web site read as a person's
    address. A word of three or more capitals alone before 'at' names an organisation, not a
    mailbox (two may be initials: 'JS')."""
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # a person's initials of three letters are a mailbox, not an organisation
        ("They email SJT at nhs dot net, that's Sarah.", "They email [email], that's Sarah."),
        ("Or contact MKB at gmail dot com out of hours.", "Or contact [email] out of hours."),
        ("You can email JOB at jobell dot net too.", "You can email [email] too."),
        ("Or write to ABC at abcare dot co dot uk which", "Or write to [email] which"),
        # the acronyms of data/direct_identifiers.json (ORGANISATION) stay, in capitals only
        ("Contact PALS at nhs dot uk, or email CQC at cqc dot org dot uk.",
         "Contact PALS at nhs dot uk, or email CQC at cqc dot org dot uk."),
        ("email NICE at nice dot org dot uk", "email NICE at nice dot org dot uk"),
        ("contact pals at nhs dot uk", "contact [email]"),
    ],
)  # fmt: skip
def test_three_initials_after_an_email_cue_are_an_address_unless_a_known_organisation(
    said: str, expected: str
) -> None:
    """Session 40 (hunt): any word of three or more capitals before 'at' was taken for an
    organisation, so a person's address of their initials was left in the talk ('email SJT at
    nhs dot net', 'contact MKB at gmail dot com'). Only a known organisation's acronym stays."""
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("Email GMB at gmail dot com, that is me, Gemma Bright.",
         "Email [email], that is me, Gemma Bright."),
        ("Or email NES at hotmail dot co dot uk for my colleague",
         "Or email [email] for my colleague"),
        ("Or contact HEE at yahoo dot com.", "Or contact [email]."),
        ("You could contact PCN at gmail dot com, or write to CQC at cqc dot org dot uk.",
         "You could contact [email], or write to CQC at cqc dot org dot uk."),
        ("email NHS at icloud dot com", "email [email]"),
        ("Email GMB at gmb dot org dot uk", "Email GMB at gmb dot org dot uk"),
        ("Contact PALS at nhs dot uk", "Contact PALS at nhs dot uk"),
    ],
)  # fmt: skip
def test_an_organisations_acronym_at_a_personal_mail_domain_is_an_address(
    said: str, expected: str
) -> None:
    """Hunt s40: a person's initials that match an organisation's acronym (GMB, NES, HEE) were
    kept before a personal mail domain ('Email GMB at gmail dot com'): no organisation's address
    is at gmail, hotmail or yahoo (WEBMAIL, data/direct_identifiers.json)."""
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # a mail server of the organisation's own domain is no personal mail domain
        ("You can contact PALS at mail dot leedsmind dot org dot uk and they reply.",
         "You can contact PALS at mail dot leedsmind dot org dot uk and they reply."),
        ("Or write to CQC at mail dot cqc dot org dot uk.",
         "Or write to CQC at mail dot cqc dot org dot uk."),
        ("email NICE at live dot nice dot org dot uk", "email NICE at live dot nice dot org dot uk"),
        # the providers themselves still are (mail.com, live.co.uk, me.com)
        ("email NHS at mail dot com", "email [email]"),
        ("Email GMB at live dot co dot uk, that is me.", "Email [email], that is me."),
        ("contact HEE at me dot com", "contact [email]"),
        # a written address is one whatever its host
        ("Write to PALS@mail.leedsmind.org.uk today.", "Write to [email] today."),
    ],
)  # fmt: skip
def test_a_mail_subdomain_of_an_organisations_domain_is_no_personal_mail_domain(
    said: str, expected: str
) -> None:
    """Session 41: 'contact PALS at mail dot leedsmind dot org dot uk' became 'contact [email]':
    the host's first word, 'mail', was read as the personal mail domain mail.com, though it
    is the organisation's own mail server. A word of WEBMAIL is a personal mail domain only
    where the domain ends after it ('mail dot com', 'live dot co dot uk')."""
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("Email me, SJT at nhs dot net", "Email me, [email]"),
        ("Email me: SJT at nhs dot net.", "Email me: [email]."),
        ("or email me, aisha at nhs dot net, thanks", "or email me, [email], thanks"),
        ("My email address is: dsmith at gmail dot com", "My email address is: [email]"),
        ("email me: jo dot bloggs at nhs dot net", "email me: [email]"),
        ("e-mail me at jo dot bloggs at gmail dot com", "e-mail me at [email]"),
        # an organisation's acronym and a word of talk still stay after the comma
        ("Contact PALS at nhs dot uk", "Contact PALS at nhs dot uk"),
        ("Contact, PALS at nhs dot uk", "Contact, PALS at nhs dot uk"),
        ("I'd email, then look at nhs dot uk", "I'd email, then look at nhs dot uk"),
        # a comma or colon after a cue that asks no one for an address opens other talk
        # (hunt s40/4: each became '[email]')
        ("We had to contact, colleagues at leeds dot ac dot uk helped us.",
         "We had to contact, colleagues at leeds dot ac dot uk helped us."),
        ("I'd write, researchers at kcl dot ac dot uk know more.",
         "I'd write, researchers at kcl dot ac dot uk know more."),
        ("Reach them, ideally at nhs dot net.", "Reach them, ideally at nhs dot net."),
        ("Contact us, everybody at nice dot org dot uk agreed.",
         "Contact us, everybody at nice dot org dot uk agreed."),
        ("I'd email, clinicians at nhs dot uk would know.",
         "I'd email, clinicians at nhs dot uk would know."),
        ("Contact them: guidance at gov dot uk is clear.",
         "Contact them: guidance at gov dot uk is clear."),
        ("Honestly, write: nobody at gov dot uk reads it.",
         "Honestly, write: nobody at gov dot uk reads it."),
    ],
)  # fmt: skip
def test_an_address_after_an_email_cue_and_a_comma_or_colon_is_replaced(
    said: str, expected: str
) -> None:
    """Session 40: 'Email me, SJT at nhs dot net' stayed in the talk while 'email me on SJT at
    nhs dot net' became '[email]': the word asking for an address (EMAIL_CUE) had to be followed
    by a blank, so a comma or colon after it hid the one-word address."""
    assert replace_identifiers(said) == expected


# -- a street address and its town --------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("I live at 12 Station Road Leeds LS1 4AB now", "I live at [address] [postcode] now"),
        ("I live at 12 Station Road Leeds LS1, near", "I live at [address], near"),
        ("I live at 12 Station Road Leeds.", "I live at [address]."),
        ("at 12 Station Road Milton Keynes, by the", "at [address], by the"),
        # a sentence after the street keeps its first word
        ("at 12 Station Road. Leeds was busy", "at [address]. Leeds was busy"),
        # a place named for its street stays as before
        ("at 3 High Street Surgery, the nurse", "at 3 High Street Surgery, the nurse"),
        ("2 North Street Leeds beds were shut", "2 North Street Leeds beds were shut"),
        ("at 12 Station Road I think", "at [address] I think"),
    ],
)
def test_a_town_after_a_street_without_a_comma_is_part_of_the_address(
    said: str, expected: str
) -> None:
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # a known place (PLACE) after the street is the address's town whatever talk follows
        ("12 Station Road Leeds was busy", "[address] was busy"),
        ("We were at 22 Park Avenue, Harrogate and then moved.",
         "We were at [address] and then moved."),
        ("at 5 Mill Lane Milton Keynes we had", "at [address] we had"),
        # an ordinary word, or a name that is no listed place, is not eaten
        ("12 Station Road was busy", "[address] was busy"),
        ("at 14 Elm Road Maria said so.", "at 14 Elm Road Maria said so."),
        # a place opening a longer name, or a count at a place, is still no town
        ("at 3 Mill Lane, Leeds City Council pays", "at [address], Leeds City Council pays"),
        ("2 North Street Leeds beds were shut", "2 North Street Leeds beds were shut"),
    ],
)  # fmt: skip
def test_a_known_place_after_a_street_followed_by_talk_is_part_of_the_address(
    said: str, expected: str
) -> None:
    """Session 41: '12 Station Road Leeds was busy' was left whole, house number and all, as a
    town followed by talk is not told from a name; a place of data/direct_identifiers.json
    (PLACE, UK cities and towns that are no one's name) is the address's town there too."""
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # a town and its county after the street, with commas or none
        ("I live at 22 Park Avenue Harrogate North Yorkshire.", "I live at [address]."),
        ("22 Park Avenue, Harrogate", "[address]"),
        ("we moved to 22 Park Avenue, Harrogate, and", "we moved to [address], and"),
        ("22 Park Avenue, Harrogate HG1 2AB", "[address] [postcode]"),
        ("22 Park Avenue, Harrogate, North Yorkshire, HG1 2AB", "[address], [postcode]"),
        ("at 12 Station Road Milton Keynes Buckinghamshire MK9 3EP", "at [address] [postcode]"),
        ("at 14 Elm Road, Leeds, Dr Patel said", "at [address], Dr Patel said"),
        # a county of data/direct_identifiers.json ends the address whatever follows
        ("I live at 22 Park Avenue Harrogate North Yorkshire and love it",
         "I live at [address] and love it"),
        ("it's 5 Mill Lane, County Durham now", "it's [address] now"),
        # a title after the comma opens a name, not a town
        ("She lives at 14 Elm Road, Dr Patel.", "She lives at [address], Dr Patel."),
        # a place named for its street stays, and so does the town after it
        ("at 3 High Street Surgery, Harrogate, the nurse",
         "at 3 High Street Surgery, Harrogate, the nurse"),
    ],
)  # fmt: skip
def test_a_town_and_county_after_a_street_are_part_of_the_address(said: str, expected: str) -> None:
    """Session 40: a town after a comma ('22 Park Avenue, Harrogate') stayed, and a town with
    its county ('22 Park Avenue Harrogate North Yorkshire', three words) left the whole address
    in the talk, house number and all."""
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # a county opening a longer name: an organisation, not the address's end
        ("10 Church Street, Lancashire County Council commissioned it.",
         "[address], Lancashire County Council commissioned it."),
        ("Our office is on 3 Mill Lane, Yorkshire Water pays for the parking.",
         "Our office is on [address], Yorkshire Water pays for the parking."),
        ("5 Station Road, Durham University owns it", "[address], Durham University owns it"),
        ("8 Bridge Street, Essex Partnership University NHS Foundation Trust leases it.",
         "[address], Essex Partnership University NHS Foundation Trust leases it."),
        ("We also use 7 High Street, Cornwall Partnership NHS Foundation Trust premises.",
         "We also use [address], Cornwall Partnership NHS Foundation Trust premises."),
        ("The hub at 5 Station Road, Surrey Heath council runs it",
         "The hub at [address], Surrey Heath council runs it"),
        # a one-word county alone after the street, then talk: a name or a clause may open
        ("We're at 14 Elm Road, Kent said we could expand", "We're at [address], Kent said we could expand"),
        # a county after a town, or of two words, still ends the address
        ("22 Park Avenue, Harrogate North Yorkshire is the second house.",
         "[address] is the second house."),
        ("22 Park Avenue Harrogate North Yorkshire I think", "[address] I think"),
        ("it's 5 Mill Lane, Kent.", "it's [address]."),
        ("22 Park Avenue, Leeds, West Yorkshire Police said", "[address], West Yorkshire Police said"),
        # nor does one opening an organisation's name at the sentence's end
        ("We're funded by 10 Church Street, Lancashire County Council.",
         "We're funded by [address], Lancashire County Council."),
        ("at 3 Mill Lane, Yorkshire Water.", "at [address], Yorkshire Water."),
        ("at 5 Station Road, Kent Police, and", "at [address], Kent Police, and"),
    ],
)  # fmt: skip
def test_a_county_opening_a_longer_name_after_a_street_is_not_part_of_the_address(
    said: str, expected: str
) -> None:
    """Session 40 (hunt): a county ended an address whatever followed, so the start of an
    organisation's name or of the next clause went with it ('10 Church Street, Lancashire County
    Council' -> '[address] County Council', '14 Elm Road, Kent said' -> '[address] said')."""
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    "said",
    [
        "We cover 3 High Street Pharmacies.",
        "We cover 3 High Street Opticians.",
        "We run 2 Church Lane Clinics, and more",
        "There are 4 Mill Road Dentists.",
        "We had 2 Park Road Hostels.",
        "Mind you, 3 Station Road Cafes.",
        "We had 5 High Street Nurses.",
        "We recorded at 3 Abbey Road Studios, then",
        "We run 2 King Street Surgeries.",
    ],
)
def test_a_plural_of_a_place_named_for_its_street_is_no_town(said: str) -> None:
    """The town after a street (session 39) took the plural of a place named for it
    ("Pharmacies") for a town, and the count and street for an address."""
    assert replace_identifiers(said) == said


def test_the_words_no_town_is_are_in_the_data_file_and_their_plurals_derived() -> None:
    from roqa_nlp.identifiers import plurals

    assert plurals("Pharmacy") == ["Pharmacy", "Pharmacies"]
    assert plurals("Clinic") == ["Clinic", "Clinics"]
    assert plurals("Branch") == ["Branch", "Branches"]
    assert plurals("Nurse") == ["Nurse", "Nurses"]
    assert plurals("Café") == ["Café", "Cafés"]
    assert plurals("GP") == ["GP", "GPs"]
    assert plurals("Studio") == ["Studio", "Studios"]
    assert plurals("Day") == ["Day", "Days"]


def test_a_role_word_after_a_nurses_title_is_not_listed_as_a_name() -> None:
    """Nurse and Sister are titles (session 39: "Sister Dunmore"), and also open a role's name
    ("Nurse Practitioner", "Nurse Manager"): a word of data/not_names.txt after one is no name."""
    from roqa_nlp.pseudonyms import names_to_check

    said = "The Nurse Practitioner and the Nurse Manager came, with Sister Dunmore."
    t = Transcript("p01", f"P01: {said}", [Turn("P01", "participant", 5, 5 + len(said))])
    assert [f.word for f in names_to_check([t])] == ["Dunmore"]


def said_by_maria(talk: str) -> str:
    """``talk`` as the turn of Maria Okafor, keyed P08, pseudonymised in her own interview."""
    text = f"Interviewer: Who else?\nMaria Okafor: {talk}\n"
    start = text.index("Okafor: ") + 8
    turns = [
        Turn("Interviewer", "interviewer", 13, 22),
        Turn("Maria Okafor", "participant", start, start + len(talk)),
    ]
    t = Transcript("p08", text, turns, source="p08.txt", participant="P08")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey({"Maria Okafor": "P08"}))
    return after.turn_text(after.turns[1])


def test_a_keyed_name_after_a_street_and_a_comma_is_no_town() -> None:
    """Session 41: '14 Elm Road, Maria.' became '[address].', the keyed name after the comma
    eaten as the street's town (and not replaced where Maria speaks, nor left where she does
    not). A word of a keyed name ends the address as a name, as the module's rule for names
    says: replaced where its person speaks, left where she does not."""
    assert said_by_maria("It is 14 Elm Road, Maria.") == "It is [address], [P08]."
    assert said_by_p02("It is 14 Elm Road, Maria.", {"Maria Okafor": "P08"}) == (
        "It is [address], Maria."
    )
    # a town is still the address's, and so is one beside a keyed name that is no town
    assert said_by_maria("It is 14 Elm Road, Harrogate.") == "It is [address]."
    assert said_by_maria("It is 14 Elm Road, Harrogate, Maria.") == "It is [address], [P08]."


# -- name variants (tester s51 privacy, 7) -----------------------------------------------------


def test_a_full_name_without_its_middle_name_is_replaced() -> None:
    """``Gurpreet Sandhu`` stayed in another interview for a key row ``Gurpreet Kaur Sandhu``: a
    middle name (Kaur, Singh) is often dropped, and first and last name alone name her."""
    talk = "Also Gurpreet Sandhu and GURPREET KAUR SANDHU, then G Sandhu signed."
    assert said_by_p02(talk, {"Gurpreet Kaur Sandhu": "P04"}) == (
        "Also [P04] and [P04], then [P04] signed."
    )


def test_an_o_or_mac_surname_without_its_apostrophe_or_with_a_blank_is_replaced() -> None:
    """``Mrs O Driscoll`` and ``ODriscoll`` stayed for ``Siobhán O'Driscoll``: the apostrophe of
    O' is dropped or written as a blank, and Mc/Mac split from the rest, on forms and e-mails."""
    talk = (
        "Ask Mrs O Driscoll, or Ms ODriscoll, or Dr Mac Leod, Mr Mc Donald and Mrs S. O’Driscoll."
    )
    key = {"Siobhán O'Driscoll": "P01", "Ewan MacLeod": "P05", "Fiona McDonald": "P06"}
    assert said_by_p02(talk, key) == (
        "Ask Mrs [P01], or Ms [P01], or Dr [P05], Mr [P06] and Mrs [P01]."
    )


def test_a_middle_name_or_initial_form_is_still_no_other_word() -> None:
    talk = "Gurpreet and Sandhu came; Kaur Sandhu, O Driscoll and G Smith too, with Mac Leod."
    key = {"Gurpreet Kaur Sandhu": "P04", "Siobhán O'Driscoll": "P01", "Ewan MacLeod": "P05"}
    assert said_by_p02(talk, key) == talk


# -- the initial and middle-name forms are no everyday word or other row (review s51, 1 and 4) ---

EVERYDAY_SURNAMES = {"Amanda Little": "P11", "Ian Hope": "P12", "Isla Will": "P13"}


def test_an_initial_before_a_surname_that_is_a_word_is_the_word() -> None:
    """Review s51, 1: 'A little while' became '[P01] while' for Amanda Little, 'I hope' and 'I
    will' became [P02] and [P03] for Ian Hope and Isla Will: the surname after an initial was
    taken in any case, also where it is an everyday word."""
    talk = (
        "A little while after I started, and I hope we never go back. I will be honest, "
        "A Little more time. I Hope so."
    )
    assert said_by_p02(talk, EVERYDAY_SURNAMES) == talk


def test_an_initial_before_a_surname_that_is_a_word_is_the_word_where_she_speaks(
    tmp_path: Path,
) -> None:
    """The reviewer's interview: Amanda Little speaks, and her surname is also a word."""
    path = tmp_path / "interview_p01.txt"
    path.write_text(
        "Interviewer: Can you tell me about your role?\n\n"
        "Amanda Little: A little while after I started we got the new system, and I hope we never "
        "go back. I will say the staff took to it. I will be honest, A little more time would've "
        "helped.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([read_transcript(path)], PseudonymKey(EVERYDAY_SURNAMES))
    assert after.turn_text(after.turns[1]) == (
        "A little while after I started we got the new system, and I hope we never go back. I "
        "will say the staff took to it. I will be honest, A little more time would've helped."
    )


def test_an_initial_needs_a_dot_or_the_surname_capitalised_as_the_key_writes_it() -> None:
    talk = "G. sandhu signed, G Sandhu checked it, and G sandhu is a typo."
    assert said_by_p02(talk, {"Gurpreet Kaur Sandhu": "P04"}) == (
        "[P04] signed, [P04] checked it, and G sandhu is a typo."
    )


def test_a_place_row_has_no_initial_or_middle_word_form() -> None:
    """Review s51, 1 and 4: 'A house like Ash Tree' became '[care home] like Ash Tree' for the
    row Ash Tree House, 'Oak House' [care home] for Oak Tree House and 'Leeds Infirmary'
    [hospital] for Leeds General Infirmary: another place, given the row's placeholder."""
    talk = "A house like Ash Tree is small. Oak House down the road, and Leeds Infirmary."
    key = {
        "Ash Tree House": "[care home]",
        "Oak Tree House": "[care home]",
        "Leeds General Infirmary": "[hospital]",
    }
    assert said_by_p02(talk, key) == talk


def test_a_name_without_its_middle_is_not_taken_from_the_row_of_that_name() -> None:
    """Review s51, 4: 'Mary Smith, no relation to Mary Ann Smith' became '[P10], no relation to
    [P10]' though Mary Smith had her own row: the shorter form is hers."""
    talk = "And Mary Smith, no relation to Mary Ann Smith."
    key = {"Mary Ann Smith": "P10", "Mary Smith": "P12"}
    assert said_by_p02(talk, key) == "And [P12], no relation to [P10]."


def _pseudonymised_with_warnings(
    speaker: str, talk: str, key: dict[str, str]
) -> tuple[str, list[str]]:
    """``talk`` as ``speaker``'s turn of p02.txt pseudonymised with ``key``, and the warnings."""
    text = f"Interviewer: Who else?\n{speaker}: {talk}\n"
    start = text.index(f"{speaker}: ") + len(speaker) + 2
    turns = [
        Turn("Interviewer", "interviewer", 13, 22),
        Turn(speaker, "participant", start, start + len(talk)),
    ]
    t = Transcript("p02", text, turns, source="p02.txt")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        (after,), _ = pseudonymise([t], PseudonymKey(key))
    said = [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]
    return after.turn_text(after.turns[1]), said


def test_a_name_without_its_middle_where_she_does_not_speak_is_replaced_and_told() -> None:
    """Review s51: with only 'Mary Ann Smith' keyed, 'Mary Smith' in another interview became
    her pseudonym, though a Mary Smith may be someone else. docs/privacy.md promises the
    replacement (a name left would name someone; a pseudonym at worst misattributes), so it
    stays, and a warning names the form taken, for the researcher to give another Mary Smith a
    row of her own."""
    said, warned = _pseudonymised_with_warnings(
        "P02", "Mary Smith helped, and mary smith again.", {"Mary Ann Smith": "P09"}
    )
    assert said == "[P09] helped, and [P09] again."
    assert [w for w in warned if "middle" in w] == [
        "p02.txt: 'Mary Smith' was taken for [P09], a name of the pseudonym key without its "
        "middle name, though that person does not speak here: if it is someone else, give "
        "'Mary Smith' a row of its own in the key and run again"
    ]


def test_a_name_without_its_middle_where_she_speaks_is_hers_untold() -> None:
    said, warned = _pseudonymised_with_warnings(
        "Mary Ann Smith", "I'm Mary Smith to most.", {"Mary Ann Smith": "P09"}
    )
    assert said == "I'm [P09] to most."
    assert [w for w in warned if "middle" in w] == []


# -- a keyed name written surname first in the talk (regression hunt s55, ps/q01) ----------------


def test_a_keyed_name_written_surname_first_in_the_talk_is_replaced() -> None:
    """Regression hunt s55 (ps/q01.txt): with rows 'Sam Lee,P02', 'Maria Okafor,P06' and 'Jane
    Smith,P04', 'Lee, Sam did the numbers; Okafor, Maria the rota' and 'Smith, Jane' stayed in the
    shared copy, listed under "Still in the talk", though roqa reads a label so written as the
    same person (roles.given_name_first). In any case, accents and apostrophe as the name
    written given name first."""
    talk = (
        "With Sam Lee. Lee, Sam did the numbers; Okafor, Maria the rota, and Smith, Jane. "
        "LEE, SAM and okafor,maria signed, then Wisniewska, Zoe and O’Driscoll, Siobhan."
    )
    key = {
        "Sam Lee": "P02",
        "Maria Okafor": "P06",
        "Jane Smith": "P04",
        "Zoë Wiśniewska": "P07",
        "Siobhán O'Driscoll": "P01",
    }
    assert said_by_p02(talk, key) == (
        "With [P02]. [P02] did the numbers; [P06] the rota, and [P04]. "
        "[P02] and [P06] signed, then [P07] and [P01]."
    )


def test_a_keyed_name_of_three_words_written_surname_first_is_replaced() -> None:
    talk = "Sandhu, Gurpreet Kaur and Kaur Sandhu, Gurpreet, then Sandhu, Gurpreet signed."
    assert said_by_p02(talk, {"Gurpreet Kaur Sandhu": "P04"}) == (
        "[P04] and [P04], then [P04] signed."
    )


def test_a_keyed_surname_first_with_the_initial_needs_its_dot() -> None:
    """'Smith, J.' as 'J. Smith' is found; without the dot it is the surname and a word:
    'Smith, I think' of Ian Smith stays (his surname alone is listed to check)."""
    talk = "Smith, J. and Adeyemi, G. signed it. Smith, I think, checked it."
    key = {"Jane Smith": "P04", "Grace Adeyemi": "P01", "Ian Smith": "P05"}
    assert said_by_p02(talk, key) == "[P04] and [P01] signed it. Smith, I think, checked it."


def test_a_keyed_name_of_everyday_words_surname_first_keeps_its_capitals() -> None:
    """After a comma a name's everyday word in lower case is as often the word: 'in hope, mark
    my words' of Mark Hope stays, 'Hope, Mark' is him."""
    talk = (
        "We live in hope, mark my words. Hope, Mark said so; smith, will you sign? Smith, Will did."
    )
    key = {"Mark Hope": "P03", "Will Smith": "P05"}
    assert said_by_p02(talk, key) == (
        "We live in hope, mark my words. [P03] said so; smith, will you sign? [P05] did."
    )


def test_a_row_of_a_description_has_no_surname_first_form() -> None:
    """A row whose pseudonym is no speaker's may name a place or a service, and two places are
    often said so: 'Luton, Pathways' of Pathways Luton is two places."""
    talk = "We cover Luton, Pathways and Bedford. House, Ash Tree is not said."
    key = {"Pathways Luton": "provider", "Ash Tree House": "[care home]"}
    assert said_by_p02(talk, key) == talk
