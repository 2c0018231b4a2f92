"""Specification of the direct identifiers other than names that pseudonymising replaces
(``roqa_nlp.identifiers``, ``data/direct_identifiers.json``): e-mail addresses, UK phone
numbers, NHS numbers, full dates and UK postcodes become placeholders, ordinary numbers stay,
and offsets into the pseudonymised text stay exact (tester s37 privacy, 2 and 3)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.identifiers import replace_identifiers
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment
from test_cli_core import roqa


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # e-mail addresses, whoever's name they hold
        ("or maria.okafor@herts-care.org.uk if you need", "or [email] if you need"),
        ("and I'm gareth.jones@brookside.wales.", "and I'm [email]."),
        ("email Derek_W+notes@nhs.net, please", "email [email], please"),
        # NHS numbers: 3 3 4 digits, spaced, hyphened or not
        ("NHS number 943 476 5919, living", "NHS number [NHS number], living"),
        ("it's 401-023-2137 or 4010232137.", "it's [NHS number] or [NHS number]."),
        # UK phone numbers
        ("reach me on 07700 900123 or", "reach me on [phone] or"),
        ("My direct line is 01582 496000,", "My direct line is [phone],"),
        ("mobile is +44 7700 900456 and", "mobile is [phone] and"),
        ("ring (01632) 960001 or 0044 20 7946 0000", "ring [phone] or [phone]"),
        ("+44 (0)20 7946 0000, 0800 123 4567, 07700900123", "[phone], [phone], [phone]"),
        # full dates: day, month and year, in figures or words, either order
        ("born 14/03/1978, so", "born [date], so"),
        ("my date of birth is 2 July 1969 if", "my date of birth is [date] if"),
        ("DOB 23/11/1975.", "DOB [date]."),
        ("on the 2nd of July 1969, July 2, 1969", "on the [date], [date]"),
        ("1969-07-02 or 02.07.1969 or 2-7-1969 or 02/07/69", "[date] or [date] or [date] or [date]"),
        ("12/25/2019 and 3 Sept 2020", "[date] and [date]"),
        # UK postcodes, as written in capitals
        ("living at SG1 2AB, told", "living at [postcode], told"),
        ("college is LU4 0DZ. And MK9 3EP, EC1A 1BB, M1 1AE", "college is [postcode]. And "
         "[postcode], [postcode], [postcode]"),
        ("postcode NN1 5BD, or SG12AB", "postcode [postcode], or [postcode]"),
    ],
)  # fmt: skip
def test_each_identifier_is_replaced_by_its_placeholder(said: str, expected: str) -> None:
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    "said",
    [
        "In 2019 we had 12 staff, 3 on nights, and 15% turnover.",
        "The budget was £20,000, then £1,250,000, and it costs 1234 pounds a week.",
        "We started in March 2019 and by July 2020 it was 24/7 care.",
        "1 in 10 staff left in the 2019/20 budget year, 2020-21 too.",
        "Ward 7 and room 12, the meeting at 10:30, or 10.30, or 2.30pm.",
        "Version 1.2.10 of the app; a 0-10 scale, scored 7/10, 50-60 patients.",
        "The CFIR has 39 constructs in 5 domains, 3-4 times a week.",
        "I've worked here 14 years, since 1978, about 100 200 people.",
        "Call 999 or 111; 0.5 FTE; a ratio of 1:4; 1/2 of them; 2/3 of staff.",
        "The 3rd of July meeting, 2 July, on the 14th, in May 2023.",
        "NHS 111, the 5 Year Forward View, Band 5 to Band 6, COVID-19.",
        "CQC rated us Good in 2022, on the A1, with PHQ9 and GAD7 scores.",
        "12,345 people, ID 123456, a 10-point plan, 00:01:02 in.",
    ],
)
def test_ordinary_numbers_are_left(said: str) -> None:
    assert replace_identifiers(said) == said


TALK = (
    "Interviewer: Can I check your details, Maria?\n"
    "Maria Okafor: You can reach me on 07700 900123 or maria.okafor@herts-care.org.uk. "
    "One service user, born 14/03/1978, NHS number 943 476 5919, living at SG1 2AB, "
    "told the inspector. We had 12 staff in 2019.\n"
)


def read(tmp_path: Path, name: str, text: str) -> object:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_transcript(path)


def test_pseudonymised_talk_holds_placeholders_and_offsets_stay_exact(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (t,), _ = pseudonymise([read(tmp_path, "p07.txt", TALK)])
    assert t.text == (
        "Interviewer: Can I check your details, [P07]?\n"
        "P07: You can reach me on [phone] or [email]. One service user, born [date], NHS number "
        "[NHS number], living at [postcode], told the inspector. We had 12 staff in 2019.\n"
    )
    assert [t.turn_text(u) for u in t.turns] == [
        "Can I check your details, [P07]?",
        "You can reach me on [phone] or [email]. One service user, born [date], NHS number "
        "[NHS number], living at [postcode], told the inspector. We had 12 staff in 2019.",
    ]
    assert t.metadata["names_replaced"] == 2  # the label and "Maria"
    assert t.metadata["identifiers_replaced"] == 5
    for unit in ("turn", "sentence"):
        segments = segment(t, unit)
        assert segments and all(t.text[s.start : s.end] == s.text for s in segments)


def test_an_email_address_holding_a_keyed_name_is_replaced_whole(tmp_path: Path) -> None:
    """maria.okafor@... survived with the name in the key (tester s37 privacy, 2)."""
    text = "Interviewer: Hi?\nP08: Ask Maria Okafor, maria.okafor@nhs.net, or Maria.\n"
    key = PseudonymKey({"Maria Okafor": "P07"})
    (t,), _ = pseudonymise([read(tmp_path, "p08.txt", text)], key)
    assert t.text == "Interviewer: Hi?\nP08: Ask [P07], [email], or Maria.\n"


def test_key_rows_for_numbers_and_addresses_replace_them(tmp_path: Path) -> None:
    """Rows "943 476 5919,NHS number" and "07700 900123,phone" were read and did nothing (tester
    s37 privacy, 3); a row's own pseudonym wins over the placeholder of the same string, and a
    number the patterns leave (an extension) is replaced by its row."""
    text = (
        "Interviewer: Hi?\n"
        "P08: It's 943 476 5919, extension 496000, mobile 07700 900123, "
        "or maria.okafor@herts-care.org.uk.\n"
    )
    key = PseudonymKey(
        {
            "943 476 5919": "resident's NHS number",
            "496000": "extension",
            "07700 900123": "phone",
            "maria.okafor@herts-care.org.uk": "email",
        }
    )
    (t,), _ = pseudonymise([read(tmp_path, "p08.txt", text)], key)
    assert t.turn_text(t.turns[1]) == (
        "It's [resident's NHS number], extension [extension], mobile [phone], or [email]."
    )


def test_a_placeholder_opening_a_line_reads_back_as_the_same_turn(tmp_path: Path) -> None:
    """The copy `roqa pseudonymise` writes is read back to the same text and turns, so coding it
    gives the offsets `roqa code --pseudonymise` gives."""
    text = (
        "Interviewer: How can I reach you?\nP07: Here:\n07700 900123\n14/03/1978 is my birthday.\n"
    )
    (t,), _ = pseudonymise([read(tmp_path, "p07.txt", text)])
    assert (
        t.text == "Interviewer: How can I reach you?\nP07: Here:\n[phone]\n[date] is my birthday.\n"
    )
    back = read(tmp_path, "copy.txt", t.text)
    assert back.text == t.text  # type: ignore[attr-defined]
    assert [(u.speaker, u.start, u.end) for u in back.turns] == [  # type: ignore[attr-defined]
        (u.speaker, u.start, u.end) for u in t.turns
    ]


def test_roqa_pseudonymise_replaces_identifiers_and_counts_them(tmp_path: Path) -> None:
    study = tmp_path / "raw"
    study.mkdir()
    (study / "p07.txt").write_text(TALK, encoding="utf-8")
    run = roqa("pseudonymise", study, "--key", tmp_path / "key.csv", "--out", tmp_path / "shared")
    assert run.code == 0, run.err
    assert (tmp_path / "shared" / "p07.txt").read_text("utf-8") == (
        "Interviewer: Can I check your details, [P07]?\n"
        "P07: You can reach me on [phone] or [email]. One service user, born [date], NHS number "
        "[NHS number], living at [postcode], told the inspector. We had 12 staff in 2019.\n"
    )
    assert (
        "Pseudonyms: 2 name(s) replaced in the transcripts' text, labels included, and 5 contact "
        "detail(s), date(s) or number(s) by placeholders ([email], [NHS number], [phone], "
        "[date], [postcode]); new key"
    ) in " ".join(run.out.split())


def test_a_key_row_for_a_numbered_speaker_leaves_numbers_in_the_talk(tmp_path: Path) -> None:
    """Regression hunt s37: roqa writes rows "1,P01" and "2,P02" for speakers labelled 1: and 2:;
    read as numbers to replace, they turned "We had 2 trainers for 1 day" into "We had [P02]
    trainers for [P01] day" in every transcript of the study. A bare number of under six digits
    and a numbered speaker ("Speaker 3") are labels only; a longer number is still replaced."""
    text = (
        "1: How many came?\n"
        "2: We had 2 trainers for 1 day, Speaker 3 said, and 2 of our 12 posts are empty. "
        "Call 496000.\n"
    )
    key = PseudonymKey({"1": "Interviewer", "2": "P02", "Speaker 3": "P03", "496000": "phone"})
    (t,), _ = pseudonymise([read(tmp_path, "p02.txt", text)], key)
    assert t.turn_text(t.turns[1]) == (
        "We had 2 trainers for 1 day, Speaker 3 said, and 2 of our 12 posts are empty. "
        "Call [phone]."
    )


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # postcodes as an automatic transcript or a typist writes them: lower case, unspaced
        ("we're in ls6 2qt, near", "we're in [postcode], near"),
        ("it's LS62QT or ls62qt.", "it's [postcode] or [postcode]."),
        ("Ls6 2Qt and sg1 2ab and ec1a 1bb", "[postcode] and [postcode] and [postcode]"),
        # e-mail addresses read out
        ("email jane dot smith at nhs dot net and", "email [email] and"),
        ("it's j.smith at gmail dot com.", "it's [email]."),
        ("j underscore smith at leeds dot ac dot uk, or", "[email], or"),
        ("Jane.Smith at nhs.net please", "[email] please"),
        # street addresses: a house number, the street's name and its kind
        ("she lives at 14 Elm Road, and", "she lives at [address], and"),
        ("it was flat 3, 22 Park Avenue in", "it was [address] in"),
        # the dot of "Rd." is the address's, not a stray full stop (session 52)
        ("Flat 3 22 Park Avenue, 14a Elm Rd. and 2 St John's Close", "[address], [address] and "
         "[address]"),
    ],
)  # fmt: skip
def test_spoken_and_lower_case_identifiers_are_replaced(said: str, expected: str) -> None:
    """Missed before: a postcode in lower case, an address read out (``dot``, ``at``) and a
    street address stayed in the pseudonymised talk."""
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    "said",
    [
        "Come at 3 o'clock, at 10 am, at 2.30pm or at 11.",
        "There were two road closures and 3 roads shut, on the A1 and the M62.",
        "You have to dot the i's and cross the t's; on the dot at nine.",
        "We looked at the dot com boom, at nhs net, and at it.",
        "It's a 10 minute walk, a 5 minute drive, 20 minutes away, 3 Park Rangers.",
        "The 5 Year Forward View, the 12 Step Programme, 2 Close Calls.",
        "On the 1st, a1 1st, b2 2nd, y9 3rd, m4 4th, the 3rd of May.",
        "Year 7 and year 11, b12 vitamins, covid19 wave 2, ps4 games, h1n1 flu.",
        "We met at Elm Road surgery and Park Avenue clinic, 14 of us.",
        "Email me at work, she's at uni dot, dot dot dot, at the end.",
        "Have a look at nhs dot uk, or look at the nhs dot uk site.",
        "We had 2 Locum Dr Patel shifts and 3 Guy's St Thomas' nurses.",
    ],
)
def test_ordinary_talk_like_an_address_is_left(said: str) -> None:
    assert replace_identifiers(said) == said


def test_a_long_run_of_spoken_dots_is_read_in_one_pass() -> None:
    """An e-mail address read out has at most four words a side of ``at``: an unbounded run
    of ``dot`` took 31 s over 120,000 characters, read again from each word. Read in time
    linear in the run: four times the dots take far less than sixteen times as long."""
    from growth import assert_linear

    talk = "a dot " * 20_000 + "jane at nhs dot net"
    assert replace_identifiers(talk) == "a dot " * 19_997 + "[email]"  # four words before at
    assert_linear(replace_identifiers, "a dot " * 5_000 + "jane at nhs dot net", talk)


def test_unlabelled_talk_named_for_checking_is_pseudonymised_too(tmp_path: Path) -> None:
    """A cue with no speaker's name that could be either speaker's is kept in the transcript's
    metadata with its words and whose talk it was read as, for the warning: pseudonymised, the
    names and identifiers in both are replaced as in the talk."""
    from test_cue_turns import subtitles

    f = subtitles(
        tmp_path / "p24.vtt",
        [
            "Sam Roe: Could you tell me about staff training?",
            "Priya Nair: We use the recovery college,",
            "Priya Nair: but face-to-face costs us cover.",
            "Sam Roe: Mm-hmm.",
            "What would you change, Priya? Or email sam.roe@leeds.ac.uk?",
            "Priya Nair: Protected time.",
        ],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (t,), key = pseudonymise([read_transcript(f, interviewer_labels=["Sam Roe"])])
    assert key.get("Sam Roe") is not None and key.get("Priya Nair") is not None
    interviewer, participant = key.get("Sam Roe"), key.get("Priya Nair")
    assert t.metadata["unlabelled_talk_undecided_read_as"] == [interviewer]
    assert t.metadata["unlabelled_talk_undecided_words"] == [
        f"What would you change, {participant}? Or email [email]?"
    ]


# --- a name of the key or the speakers always wins over an identifier (regression hunt s38) ---

NAMES_AT = (
    "Sam Roe: Where can I reach people?\n\n"
    "Maria Okafor: Maria Okafor at nhs dot net is my work address. Talk to Dean Smith at leeds "
    "dot ac dot uk, or Dean Smith at home. Our lead Priya Nair at gmail dot com too. Or "
    "Dean Smith underscore 84 at gmail dot com, Priya Nair.work@gmail.com or "
    "dean.smith@nhs.net.\n"
)


def test_an_identifier_never_leaves_part_of_a_name(tmp_path: Path) -> None:
    """A spoken e-mail address's local part took the surname of 'Maria Okafor at nhs dot net',
    and the longer match won over the name: 'Maria [email]', 'Dean [email]' and 'Priya [email]'
    left the first names of the key's people in the shared talk. An identifier that would leave
    part of a name is dropped; one that holds a whole name is kept (dean.smith@nhs.net)."""
    key = PseudonymKey(
        {"Dean Smith": "Colleague A", "Priya Nair": "Colleague B", "Sam Roe": "Interviewer"}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (t,), _ = pseudonymise([read(tmp_path, "p01.txt", NAMES_AT)], key)
    assert t.turn_text(t.turns[1]) == (
        "[P01] at nhs dot net is my work address. Talk to [Colleague A] at leeds dot ac dot uk, "
        "or [Colleague A] at home. Our lead [Colleague B] at gmail dot com too. Or "
        "[Colleague A] underscore 84 at gmail dot com, [Colleague B].work@gmail.com or [email]."
    )
    assert t.metadata["names_replaced"] == 8  # the two labels and six names in the talk
    assert t.metadata["identifiers_replaced"] == 1


@pytest.mark.parametrize(
    "said",
    [
        "the guidance at nice dot org dot uk is clear",
        "I logged in at nhs dot net and the leaflets at nhs dot uk helped.",
        "All the information at gov dot uk, posted at twitter dot com.",
        "The training at hee dot nhs dot uk, the team at leeds dot ac dot uk.",
        "The nurses at nhs dot net and my colleague at bristol dot ac dot uk.",
        "Sarah at nhs dot net said so.",  # a first name alone is no address read out
    ],
)
def test_talk_of_web_sites_is_no_email_address(said: str) -> None:
    """Regression hunt s38: one ordinary word before 'at' and a web site after it read as an
    address read out, so "the guidance at nice dot org dot uk is clear" became "the [email] is
    clear". The part before 'at' must itself be spelled as an address's is."""
    assert replace_identifiers(said) == said


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("it's jsmith84 at gmail dot com.", "it's [email]."),
        ("it's jsmith 84 at gmail dot com.", "it's [email]."),
        ("mail j dash smith at nhs dot net", "mail [email]"),
        ("it's jane hyphen smith at leeds dot ac dot uk", "it's [email]"),
    ],
)
def test_an_address_read_out_with_figures_or_joins_is_replaced(said: str, expected: str) -> None:
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    "said",
    [
        "we saw 3 High Street Surgery patients, 2 North Street beds and 2 Church Lane Practice GPs.",
        "It's the 12 Step Way, or the 12 Steps Way group, or 12 Steps Way group.",
        "At the 2 Church Street sites and Unit 4 Park Lane, 2 Acute Hill Rise teams.",
        "I had 6 Court Walk sessions with our 3 Elm Road clinics.",
        "It's the m1 2hr drive, a 2ft wall, b2 3lb weights.",
    ],
)
def test_counts_and_names_of_places_are_no_address(said: str) -> None:
    """Regression hunt s38: a count before a place named for its street read as a house number
    ('we saw [address] Surgery patients', 'Unit [address]'), and a lower-case postcode took a
    unit ('the [postcode] drive'). A street address is not followed by another capitalised word
    or a plural noun (a named place's patients, beds, sites), nor preceded by 'the', 'our' or a
    word that numbers things (Unit, Ward, Room ...)."""
    assert replace_identifiers(said) == said


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("She lives at 10 Downing St. We met", "She lives at [address]. We met"),
        ("Our old base was 3 Church Street. That was", "Our old base was [address]. That was"),
        ("Ask Dr Patel at 12 Harley Street, or at 14 Elm Road in Leeds.",
         "Ask Dr Patel at [address], or at [address] in Leeds."),
        ("She lives at 14 Elm Road and I live at 3 The Close.",
         "She lives at [address] and I live at [address]."),
        ("It's M1 2HR, near 14 Elm Road I think.", "It's [postcode], near [address] I think."),
    ],
)  # fmt: skip
def test_street_addresses_are_still_replaced(said: str, expected: str) -> None:
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("The clinic at 14 Elm Road handles the rota.", "The clinic at [address] handles the rota."),
        ("Her flat at 40 King Street overlooks the park.",
         "Her flat at [address] overlooks the park."),
        ("The practice at 5 Mill Lane serves two villages.",
         "The practice at [address] serves two villages."),
        ("He said 22 Park Avenue floods every winter.", "He said [address] floods every winter."),
        ("and 3 Church Street always helps", "and [address] always helps"),
    ],
)  # fmt: skip
def test_an_address_before_a_verb_ending_in_s_is_replaced(said: str, expected: str) -> None:
    """Regression hunt s38 (R3): any word ending in s after a street was read as a plural noun,
    so an address before a verb ('handles', 'overlooks') was left in the text. Only the nouns
    of things counted at a place (beds, sites, patients ...) make it a count."""
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    "said",
    [
        "we had 3 Elm Road patients and 2 Park Avenue clients",
        "the nurses at 2 Church Street sites",
        "2 Mill Lane residents, 4 North Street wards and 3 Station Road ones",
    ],
)
def test_a_count_of_things_at_a_place_is_still_no_address(said: str) -> None:
    assert replace_identifiers(said) == said


def test_an_address_that_houses_a_team_is_replaced() -> None:
    assert (
        replace_identifiers("Now 14 Elm Road houses the team.") == "Now [address] houses the team."
    )


SONIX_FOOTER = (
    "Automatically convert your audio files to text with Sonix. Sonix is the best online, "
    "automated transcription service."
)
# the lines after the first line of Sonix's trial footer, which runs on, are left out with it
SERVICE_TALK = (
    f"Sam Roe: Why?\n\nKim Wu: Staffing.\n\n{SONIX_FOOTER}\n\nMeeting ended after 00:09:12 the first time, "
    "Kim Wu from IT said to email MKB at gmail dot com.\n\n"
    "Sonix is the best online, automated transcription service we tried, and Priya Shah at "
    "14 Elm Road uses it too.\n"
)


def test_a_transcription_services_text_left_out_is_pseudonymised_as_talk(tmp_path: Path) -> None:
    """Session 40 (hunt): the lines a reader leaves out as a transcription service's closing
    text stay in a .txt's text, which roqa pseudonymise writes: a key's name there was written
    bare ('Mary Kate P01', read as a label), not as in talk ('[P01]'), and the names it holds
    that no key knows ('Priya Shah') dropped off names_to_check, which reads only turns. Both
    are as they were when those lines were read as the last answer."""
    from roqa_nlp.pseudonyms import NameToCheck, names_to_check

    f = tmp_path / "p64.txt"
    f.write_text(SERVICE_TALK, "utf-8")
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert len(t.metadata["service_text"]) == 3  # the reader left the footer's lines out
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (done,), key = pseudonymise([t], PseudonymKey())
    said = (
        SONIX_FOOTER,
        "Meeting ended after 00:09:12 the first time, [P64] from IT said to email [email].",
        "Sonix is the best online, automated transcription service we tried, and Priya Shah at "
        "[address] uses it too.",
    )
    assert done.text == (
        f"Interviewer: Why?\n\nP64: Staffing.\n\n{said[0]}\n\n{said[1]}\n\n{said[2]}\n"
    )
    assert done.metadata["service_text"] == list(said)
    # (the footer names its service: listed too, as in any Sonix trial export)
    assert names_to_check([done], key) == [
        NameToCheck("Sonix", 3, ("p64",)),
        NameToCheck("Priya", 1, ("p64",)),
        NameToCheck("Shah", 1, ("p64",)),
    ]


def test_the_pseudonymise_command_writes_the_service_text_pseudonymised(tmp_path: Path) -> None:
    study = tmp_path / "study"
    study.mkdir()
    (study / "p64.txt").write_text(SERVICE_TALK, "utf-8")
    run = roqa(
        "pseudonymise", study, "--key", tmp_path / "key.csv", "--out", tmp_path / "shared",
        "--interviewer", "Sam Roe",
    )  # fmt: skip
    assert run.code == 0, run.err
    written = (tmp_path / "shared" / "p64.txt").read_text("utf-8")
    assert "Kim Wu" not in written and "MKB" not in written and "Elm Road" not in written
    assert "[P64] from IT said to email [email]." in written


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("or post to 7 Ffordd Las, Rhyl, LL18 2AB", "or post to [address], [postcode]"),
        ("The office is Flat 2, 9 Heol y Wern, Bala, and our second house is 3 Maes Glas, Bala",
         "The office is [address], and our second house is [address]"),
        ("the rota at 4 Bóthar na Trá fell apart", "the rota at [address] fell apart"),
        ("She lives at 12 Stryd Fawr. We met", "She lives at [address]. We met"),
        ("at 2 Lôn Goch and 5 Sráid an Mhuilinn, 8 Rathad na Mara.",
         "at [address] and [address], [address]."),
        ("It's 3 Bryn Awel, then 14 Tan-y-Bryn Road.", "It's [address], then [address]."),
        ("post it to 3 Bryn Awel. Or 5 Bryn Glas, Ruthin", "post it to [address]. Or [address]"),
    ],
)  # fmt: skip
def test_a_street_whose_kind_comes_first_is_an_address(said: str, expected: str) -> None:
    """Tester s51 privacy, 2: Welsh, Irish and Scottish Gaelic streets put the street's kind
    first (Ffordd, Heol, Maes, Bóthar, Sráid, Rathad), so '7 Ffordd Las' and '4 Bóthar na Trá'
    stayed while '14 Tan-y-Bryn Road' became [address]."""
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    "said",
    [
        "We had 3 Maes and 2 Heol staff, then 4 Bryn said no.",
        "Out of 10 Bryn gave it a 7, and 3 Lon Chaney films.",
        "I met Bryn Jones at Heol y Wern surgery with 4 colleagues.",
        "We saw 7 Ffordd Las patients and 2 Stryd Fawr clinics.",
        # Bryn is also a first name: a time or a count before a Bryn's full name (review s51, 5)
        "and then at 4 Bryn Thomas came in",
        "By 3 Bryn Jones had rung, and at 10 Bryn Morgan from the CMHT rang.",
    ],
)
def test_talk_like_a_street_whose_kind_comes_first_is_left(said: str) -> None:
    assert replace_identifiers(said) == said


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("hers is DOB 03-03-62 and", "hers is DOB [date] and"),
        ("DOB: 3.3.62, born on 14-03-78 or d.o.b. 14/3/78", "DOB: [date], born on [date] or "
         "d.o.b. [date]"),
        ("my date of birth is 03-03-62.", "my date of birth is [date]."),
        ("she was born in 3-3-62 and", "she was born in [date] and"),
        ("DOB - 03-03-62. D.O.B. – 3.3.62", "DOB - [date]. D.O.B. – [date]"),
        ("Her NHS no. is 943 4765 919 and", "Her NHS no. is [NHS number] and"),
        ("943-4765-919 or 943 476 5919", "[NHS number] or [NHS number]"),
    ],
)  # fmt: skip
def test_a_birth_date_with_two_figures_of_year_and_a_3_4_3_nhs_number_are_replaced(
    said: str, expected: str
) -> None:
    """Tester s51 privacy, 3: 'DOB 03-03-62' (a year of two figures, dashes) and the NHS number
    '943 4765 919' (grouped 3 4 3) stayed."""
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    "said",
    [
        "Shifts ran 10-11-12 hours, scores 03-03-62 and 7.3.62 on the scale.",
        "We met 12-01-24 and in 2019-20; £943 4765 919 is not money anyone has.",
        "Times 10.30-11.45, rooms 101 2345 678x, and 123 4567 8901 digits.",
    ],
)
def test_dashed_figures_without_a_birth_cue_are_left(said: str) -> None:
    assert replace_identifiers(said) == said


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("Referrals went 450 1200 800 over three years", None),
        ("then 300 2500 600, 120 1300 900 and 375 1950 375.", None),
        ("Her number is 943 4765 918 I think", None),
        ("It's 401-0232-137, or 401 0232 137.", "It's [NHS number], or [NHS number]."),
        ("The old one, 450 120 0800, stays replaced", "The old one, [NHS number], stays replaced"),
    ],
)
def test_figures_grouped_3_4_3_are_an_nhs_number_only_with_its_check_digit(
    said: str, expected: str | None
) -> None:
    """Re-tester s51, 5: counts written 3 4 3 ('450 1200 800') became [NHS number]. Grouped so,
    ten figures are an NHS number only where the last is its modulus 11 check digit; grouped 3 3
    4, as NHS numbers are written, they are one whatever it is."""
    assert replace_identifiers(said) == (said if expected is None else expected)


def test_phone_numbers_not_found_stay_and_their_key_rows_replace_them(tmp_path: Path) -> None:
    """A figure too many and a number read out figure by figure stay, as docs/privacy.md ("What
    is not found") says; the key rows it gives replace them (tester s65 privacy, 6)."""
    text = "Interviewer: Hi?\nP08: Ring 01792 555 0144 or 0 7 7 0 0 9 0 0 1 2 3 today.\n"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (kept,), _ = pseudonymise([read(tmp_path, "p08.txt", text)])
    assert kept.turn_text(kept.turns[1]) == "Ring 01792 555 0144 or 0 7 7 0 0 9 0 0 1 2 3 today."
    key = PseudonymKey({"01792 555 0144": "phone", "0 7 7 0 0 9 0 0 1 2 3": "phone"})
    (t,), _ = pseudonymise([read(tmp_path, "p08.txt", text)], key)
    assert t.turn_text(t.turns[1]) == "Ring [phone] or [phone] today."
