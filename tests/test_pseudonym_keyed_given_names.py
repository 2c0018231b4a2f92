"""A first name (and an organisation's first word) of a key row for someone who does not speak is
replaced alone too, when the key gives that word to no one else (docs/privacy.md).

Session 43 (blind tester, p02_interview): the key row ``Tom Beckett,social worker`` turned the
full name into ``[social worker]``, but two sentences later "someone like Tom" stayed, and reached
Table 2, the matrix, the report and codings.csv; so did ``Brookfield`` of ``Brookfield
House,service`` and ``Oakridge`` of ``Oakridge Lodge,service``.
"""

from __future__ import annotations

from pathlib import Path

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import NameToCheck, PseudonymKey, names_to_check, pseudonymise
from roqa_nlp.schema import Transcript
from test_cli_core import roqa


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


def test_organisations_first_word_alone_unless_an_everyday_word_or_an_organisations() -> None:
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
        "P01: What does it mean at [service]? [service] too. The Harbour team and Lantern "
        "staff.\n"  # Lantern Housing: a name and an everyday word no one has as a surname
    )


def test_a_first_name_two_people_of_the_key_share_stays_and_is_listed_first() -> None:
    t = talk("p02", "In Luton I asked Tom and Luton said no.")
    key = PseudonymKey({"Tom Beckett": "social worker", "Tom Hale": "nominated individual"})
    (after,), key = pseudonymise([t], key)
    assert after.text == "P01: In Luton I asked Tom and Luton said no.\n"
    assert names_to_check([after], key) == [
        NameToCheck("Tom", 1, ("p02",), ("nominated individual", "social worker")),
        NameToCheck("Luton", 2, ("p02",)),
    ]


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
    pseudonym would misattribute (unchanged); it is listed first, as a word of the key."""
    t = talk("p02", "Priya helped, and so did Priya Nair.")
    (after,), key = pseudonymise([t], PseudonymKey({"Priya Nair": "P01", "Sam Roe": "P02"}))
    assert after.text == "P01: Priya helped, and so did [P01].\n"
    # only ever opening a sentence, yet listed: a word of a keyed name that is no everyday word
    assert names_to_check([after], key) == [NameToCheck("Priya", 1, ("p02",), ("P01",))]


def test_where_a_speaker_of_that_first_name_speaks_it_is_theirs() -> None:
    t = talk("p05", "Tom and I set it up.", speaker="Tom Hale")
    (after,), _ = pseudonymise([t], PseudonymKey({"Tom Beckett": "social worker"}))
    assert after.text == "P05: [P05] and I set it up.\n"


def test_words_of_keyed_names_left_are_listed_first_with_their_pseudonyms() -> None:
    t = talk(
        "p01",
        "Our service in Stevenage, Pathways Stevenage, and Luton, Luton and Bedford. The "
        "Harbour team.",
    )
    key = PseudonymKey({"Pathways Stevenage": "provider", "Harbour Mind Care": "provider"})
    (after,), key = pseudonymise([t], key)
    assert after.text == (
        "P01: Our service in Stevenage, [provider], and Luton, Luton and Bedford. The Harbour "
        "team.\n"
    )
    assert names_to_check([after], key) == [
        NameToCheck("Harbour", 1, ("p01",), ("provider",)),
        NameToCheck("Stevenage", 1, ("p01",), ("provider",)),
        NameToCheck("Luton", 2, ("p01",)),
        NameToCheck("Bedford", 1, ("p01",)),
    ]


def test_roqa_pseudonymise_lists_the_keys_words_first_saying_what_they_are(
    tmp_path: Path,
) -> None:
    """The tester's list: 'Tom' (a keyed person's first name, two of the key) was ranked with
    'Hatfield' and 'Tesco' under a header saying the words were not in the key."""
    study = tmp_path / "study"
    study.mkdir()
    (study / "p02.txt").write_text(
        "Interviewer: Who?\nP02: In Luton, Luton and Hatfield I asked Tom.\n", encoding="utf-8"
    )
    key = tmp_path / "key.csv"
    key.write_text(
        "name,pseudonym\nTom Beckett,social worker\nTom Hale,nominated individual\n",
        encoding="utf-8",
    )
    run = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert (
        "Still in the talk: 1 word(s) of names in the key, not replaced where they stand (a first "
        "name two people of the key share, a participant's first name where they do not speak, "
        "a surname without a title, an everyday word of a keyed name, a name word in lower "
        f"case); add a row to {key} for each that names that person or place there (e.g. "
        "Tom,social worker gives [social worker] for Tom alone), then run again. Word, times, transcripts, a word of the name "
        "of: "
        "Tom 1 p02 [nominated individual], [social worker] "
        "Check 2 other word(s) of the talk that may still name a person or a place (written as "
        "a name at least once, not in the key); add a row to "
        f"{key} for each that identifies someone (e.g. London,city gives [city]), then run "
        "again. Word, times, transcripts: Luton 2 p02 Hatfield 1 p02"
    ) in " ".join(run.out.split())


def test_the_words_shown_by_roqa_code_put_the_keys_first() -> None:
    from roqa_nlp.cli.code_cmd import names_to_check_lines

    found = [
        NameToCheck("Tom", 1, ("p02",), ("social worker",)),
        *(NameToCheck(f"Town{c}", 2, ("p01",)) for c in "abcdefghijklmn"),
    ]
    assert names_to_check_lines(found, Path("key.csv"), every_name=False) == [
        "Still in the talk: 1 word(s) of names in the key, not replaced where they stand (a "
        "first name two people of the key share, a participant's first name where they do not "
        "speak, a surname without a title, an everyday word of a keyed name, a name word in "
        "lower case): Tom (of [social worker]); add a row to key.csv for each that names that "
        "person or place there (e.g. Tom,social worker gives [social worker] for Tom alone), "
        "then run again.",
        "Check 14 other word(s) of the talk that may still name a person or a place "
        "(written as a name at least once, not in the key): Towna ×2, "
        "Townb ×2, Townc ×2, Townd ×2, Towne ×2, Townf ×2, Towng ×2, Townh ×2, Towni ×2, "
        "Townj ×2, Townk ×2, Townl ×2 and 2 more (roqa pseudonymise lists them all, with "
        "their transcripts); add a row to key.csv for each that "
        "identifies someone (e.g. London,city gives [city]), then run again.",
    ]


def test_regression_hunt_s43_words_that_are_no_ones_name_alone_stay() -> None:
    """A regression hunt of session 43 found the first-word rule rewrote "The", "Our", months,
    places and titles in every transcript ("By April we had" -> "By [deputy manager] we had", "I
    trained in Leeds" -> "I trained in [charity]"), an all-capitals programme ("IRIS referrals"),
    and a word of a three-word organisation ("Mary, our cleaner" -> "[service], our cleaner"); and
    "key" among the words that are no names left "Mr Key" in place."""
    t = talk(
        "p01",
        "The staff are lovely. Our staff too. By April we had it. In May the CQC came. I trained "
        "in Leeds. St John Ambulance came. Mary, our cleaner, said so. IRIS referrals help. Iris "
        "helped. Ask Mr Key.",
    )
    key = PseudonymKey(
        {
            "The Willows": "care home",
            "Our Place": "drop-in",
            "April Lewis": "deputy manager",
            "May Chen": "nurse",
            "Leeds Mind": "charity",
            "St Anne's Hospice": "hospice",
            "Mary Seacole House": "service",
            "Iris Wong": "pharmacist",
            "Jordan Key": "key worker",
        }
    )
    (after,), _ = pseudonymise([t], key)
    assert after.text == (
        "P01: The staff are lovely. Our staff too. By April we had it. In May the CQC came. I "
        "trained in Leeds. St John Ambulance came. Mary, our cleaner, said so. IRIS referrals "
        "help. [pharmacist] helped. Ask Mr [key worker].\n"
    )


def test_a_keyed_given_name_that_is_also_a_laws_word_is_replaced() -> None:
    """Tester s57 privacy, HIGH 1 (probe2): ``Bill`` of ``Bill Turner,deputy A`` stayed in
    every output, as ``bill`` is also a word of laws (``data/public_proper_words.txt``), while
    ``Mark`` of ``Mark Hughes`` was replaced. A given name of ``data/word_given_names.txt`` the
    researcher keyed is replaced, also opening a sentence; a month (``April``) still stays."""
    t = talk(
        "p10",
        "My deputy Bill Turner. Bill will sit with people. Yesterday Bill sat with a resident, "
        "and Bill said it went well.",
        "My other deputy Mark Hughes. Mark will cover nights, and Mark said so.",
    )
    key = PseudonymKey({"Bill Turner": "deputy A", "Mark Hughes": "deputy B"})
    (after,), _ = pseudonymise([t], key)
    assert after.text == (
        "P01: My deputy [deputy A]. [deputy A] will sit with people. Yesterday [deputy A] sat "
        "with a resident, and [deputy A] said it went well.\n"
        "P01: My other deputy [deputy B]. [deputy B] will cover nights, and [deputy B] said so.\n"
    )


def test_a_keyed_given_name_of_a_national_bodys_name_is_replaced_a_month_stays() -> None:
    t = talk("p11", "Justice rang. By April we had it, and April agreed. Bill it? No.")
    key = PseudonymKey(
        {"Justice Mensah": "nurse", "April Lewis": "deputy manager", "Bill Ray": "cook"}
    )
    (after,), _ = pseudonymise([t], key)
    assert after.text == ("P01: [nurse] rang. By April we had it, and April agreed. Bill it? No.\n")


def test_a_participants_nickname_in_lower_case_where_they_do_not_speak_is_not_listed() -> None:
    """Tester s57 privacy, LOW 4: ``mo`` of ``Mo,P03`` where P03 does not speak is an everyday
    word ("wait a mo"), as ``rose`` is where Rose Baker does not (docs/privacy.md); ``Mo``
    capitalised is listed, as the key's word."""
    t = talk("p11", "Then mo and Mo came.")
    (after,), key = pseudonymise([t], PseudonymKey({"Mo": "P03"}))
    assert names_to_check([after], key) == [NameToCheck("Mo", 1, ("p11",), ("P03",))]


def test_a_shared_first_name_that_is_also_a_word_is_listed_where_it_reads_as_a_name() -> None:
    """Privacy tester s59, M2: "Will" of Will Danby and Will Hartley stayed in "Will now cooks"
    and "Will's sister cried" (both opening a sentence) but was not listed, while "Tom" was;
    "Will it last?" alone is the verb, not listed."""
    key = PseudonymKey({"Will Danby": "service user B", "Will Hartley": "deputy C"})
    t = talk("p01", "Will now cooks for himself. Will's sister cried when she saw his flat.")
    (after,), key = pseudonymise([t], key)
    assert after.text == (
        "P01: Will now cooks for himself. Will's sister cried when she saw his flat.\n"
    )
    assert names_to_check([after], key) == [
        NameToCheck("Will", 2, ("p01",), ("deputy C", "service user B"))
    ]
    (after,), key = pseudonymise([talk("p02", "Will it last? I doubt it.")], key)
    assert names_to_check([after], key) == []


def test_the_advice_to_add_rows_to_a_key_not_written_yet_says_its_first_line(
    tmp_path: Path,
) -> None:
    """Newcomer s67: with no key written yet, "add a row to private/key.csv" done as said gave
    "not a pseudonym key: it needs the columns name and pseudonym"."""
    from roqa_nlp.cli.code_cmd import names_to_check_lines

    t = Transcript.from_turns(
        "p01", [("P01", "participant", "I drove to Townsville with the team.")]
    )
    found = names_to_check([t], PseudonymKey())
    key = tmp_path / "key.csv"
    (line,) = names_to_check_lines(found, key, every_name=False)
    assert line.endswith(
        f"add a row to {key}, a new file whose first line is name,pseudonym, for each that "
        "identifies someone (e.g. London,city gives [city]), then run again."
    )
    key.write_text("name,pseudonym\n", encoding="utf-8")
    (line,) = names_to_check_lines(found, key, every_name=False)
    assert line.endswith(
        f"add a row to {key} for each that identifies someone (e.g. London,city gives [city]), "
        "then run again."
    )


def test_a_first_name_of_another_interview_before_a_comma_is_listed() -> None:
    """Privacy tester s68, 4: "Rose, our senior support worker, became the recovery champion"
    (Rose Whitfield-Agyeman speaks in another interview) stayed, and was not listed, though
    docs/privacy.md lists such a name: an everyday word opening a sentence reads as a name
    before a comma."""
    key = PseudonymKey({"Rose Whitfield-Agyeman": "P01", "Sam Roe": "P02"})
    t = talk("p02", "Rose, our senior support worker, became the recovery champion.")
    (after,), key = pseudonymise([t], key)
    assert after.text == "P01: Rose, our senior support worker, became the recovery champion.\n"
    assert names_to_check([after], key) == [NameToCheck("Rose", 1, ("p02",), ("P01",))]
    (after,), key = pseudonymise([talk("p03", "Rose to the occasion, they did.")], key)
    assert names_to_check([after], key) == []


def test_a_surname_after_a_keyed_given_name_is_listed_though_also_a_word(tmp_path: Path) -> None:
    """s76 hunt n3: with the key ``Bill,manager``, "Bill Summers" became "[manager] Summers", and
    "Summers" was listed nowhere, as the study also wrote "in the summers"."""
    study = tmp_path / "raw"
    study.mkdir()
    (study / "p01.txt").write_text(
        "Interviewer: Who helped most with the changes?\nParticipant: We worked with Bill "
        "Summers on the plans. In the summers we ran walks with the residents.\n",
        encoding="utf-8",
    )
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nBill,manager\n", encoding="utf-8")
    run = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    copy = (tmp_path / "out" / "p01.txt").read_text(encoding="utf-8")
    assert copy.endswith(
        "We worked with [manager] Summers on the plans. In the summers we ran walks with the "
        "residents.\n"
    )
    assert "Word, times, transcripts: Summers 1 p01 Wrote" in " ".join(run.out.split())


def test_after_a_keyed_given_name_or_its_pseudonym_a_surname_opening_a_sentence_too() -> None:
    said = [
        ("Bill Summers said yes. In the summers we ran walks.", {"Bill": "manager"}),
        ("We asked Sandra Summers. In the summers we ran walks.", {"Sandra": "manager"}),
        ("Ask Maria Okafor or Maria Summers, in the summers.", {"Maria Okafor": "P07"}),
    ]
    found = []
    for words, rows in said:
        (after,), key = pseudonymise([talk("p01", words)], PseudonymKey(rows))
        found.append([(f.word, f.keyed_as) for f in names_to_check([after], key)])
    assert found == [
        [("Summers", ())],
        [("Summers", ())],
        [("Maria", ("P07",)), ("Summers", ())],
    ]


def test_after_a_keyed_given_name_no_known_nor_everyday_word_is_a_surname() -> None:
    t = talk("p01", "We asked Bill Then. Bill Nurses came. We asked Bill. Then we ran.")
    (after,), key = pseudonymise([t], PseudonymKey({"Bill": "manager"}))
    assert after.text == (
        "P01: We asked [manager] Then. [manager] Nurses came. We asked [manager]. Then we ran.\n"
    )
    assert names_to_check([after], key) == []
