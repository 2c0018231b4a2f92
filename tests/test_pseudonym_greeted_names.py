"""A name said to someone ("Hi Ruth", "Thanks, Ruth", "Ruth, can you ...") or a given name is
listed to check before the other words, and the name the interviewer greets a participant by
whose label is a job's title (``Team Leader:``) is that participant's (docs/privacy.md).

Session 73 tester (study3, D4 ii): ``Team Leader:`` was greeted "Hi Ruth"; ``Ruth`` stayed in the
codings and the report, and ``roqa code --pseudonymise``, which shows the twelve most frequent
words to check, ranked Ofsted, Amazon and God before it: Ruth was among "and 11 more". Also
(f_privacy, still open): ``Peer Lead:`` and ``Clinical Lead:`` were read as names."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pytest

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import PseudonymKey, name_parts, names_to_check, pseudonymise
from roqa_nlp.transcripts import read_transcript
from test_cli_core import roqa

PLACES = (
    "We were inspected by Ofsted and Ofsted came back, Ofsted again. We order from Amazon. "
    "Thank God for Bramley and Bramley. We cover Easton, Armley and Portishead."
)


@pytest.mark.parametrize(
    "said",
    [
        "Hi Ruth, thanks for joining.",
        "Thanks, Ruth.",
        "Thank you Ruth, that's all.",
        "What do you think, Ruth?",
        "Ruth, can you tell me more?",
    ],
)
def test_a_name_said_to_someone_is_listed_before_more_frequent_words(said: str) -> None:
    found = names_to_check([talk("b01", said, PLACES)])
    assert [f.word for f in found][0] == "Ruth"


def test_a_given_name_that_is_also_a_word_comes_before_the_other_words() -> None:
    t = talk("b01", PLACES, "I went with Hope to the meeting.")
    words = [f.word for f in names_to_check([t])]
    assert words[0] == "Hope"
    assert words[1:3] == ["Ofsted", "Bramley"]  # then the most frequent first


def test_a_word_said_after_a_greeting_that_is_an_everyday_word_is_not_taken() -> None:
    t = talk("b01", "Hi there. Sorry, can you hear me?", PLACES)
    words = [f.word for f in names_to_check([t])]
    assert "Sorry" not in words and "There" not in words
    assert words[:2] == ["Ofsted", "Bramley"]


def test_roqa_code_shows_the_greeted_name_among_the_twelve() -> None:
    from roqa_nlp.cli.code_cmd import names_to_check_lines

    places = " ".join(f"We went to Town{c} and Town{c}." for c in "abcdefghijklmn")
    found = names_to_check([talk("b01", places, "Hi Ruth, welcome.")])
    (line,) = names_to_check_lines(found, Path("key.csv"), every_name=False)
    assert ": Ruth, Towna ×2," in line


TEAM_LEADER = (
    "1\n00:00:03,200 --> 00:00:06,662\nInterviewer: Hi Ruth, thanks for joining.\n"
    "Can you hear me?\n\n"
    "2\n00:00:07,662 --> 00:00:11,508\nTeam Leader: Hiya, yes, sorry I'm a bit late.\n\n"
    "3\n00:00:12,508 --> 00:00:15,200\nInterviewer: Can you tell me about Haven?\n\n"
    "4\n00:00:16,200 --> 00:00:22,738\nTeam Leader: Haven is a six-bed crisis house. I'm "
    "Ruth, I lead the night team. Staff know me.\n\n"
    "5\n00:00:23,200 --> 00:00:26,000\nInterviewer: Thanks, Ruth. That's all.\n\n"
)
OTHER = (
    "Interviewer: Hello Dele, can you hear me?\n"
    "Dele Okonjo: Yes. Ruth at Haven runs the night team there.\n"
)


def _study(tmp_path: Path) -> list[Path]:
    (tmp_path / "raw").mkdir()
    b = tmp_path / "raw" / "b_haven.srt"
    b.write_text(TEAM_LEADER, encoding="utf-8")
    d = tmp_path / "raw" / "d_opendoor.txt"
    d.write_text(OTHER, encoding="utf-8")
    return [b, d]


def test_the_name_a_participant_labelled_by_a_job_is_greeted_by_is_theirs(
    tmp_path: Path,
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        (b, d), key = pseudonymise([read_transcript(p) for p in _study(tmp_path)])
    assert "Ruth" not in b.text
    assert "Interviewer: Hi [P01], thanks for joining." in b.text
    assert "I'm [P01], I lead the night team" in b.text
    assert "Interviewer: Thanks, [P01]." in b.text
    # the row is that transcript's alone: another's Ruth stays, and is listed to check
    assert "Ruth at Haven runs" in d.text
    rows = {(name, p) for own in key.scoped.values() for name, p in own.items()}
    assert rows == {("Team Leader", "P01"), ("Ruth", "P01")}
    assert "Ruth" not in key.pseudonyms
    said = [str(w.message) for w in caught]
    assert any("'Ruth,P01'" in s and "greet" in s and "'Team Leader'" in s for s in said), said


def test_the_greeted_name_is_written_to_the_key_and_kept_on_a_second_run(
    tmp_path: Path,
) -> None:
    _study(tmp_path)
    key_path = tmp_path / "private" / "key.csv"
    copies = []
    for out in ("shared1", "shared2"):
        run = roqa("pseudonymise", tmp_path / "raw", "--key", key_path, "--out", tmp_path / out)
        assert run.code == 0, run.err
        copies.append((tmp_path / out / "b_haven.txt").read_text(encoding="utf-8"))
    assert copies[0] == copies[1]
    assert "Ruth" not in copies[0]
    with key_path.open(encoding="utf-8-sig", newline="") as f:
        rows = [(r["name"], r["pseudonym"], r["transcript"]) for r in csv.DictReader(f)]
    assert ("Ruth", "P01", "../raw/b_haven.srt") in rows
    assert ("Team Leader", "P01", "../raw/b_haven.srt") in rows


def test_a_key_from_before_with_the_job_row_gains_the_greeted_name(tmp_path: Path) -> None:
    (b_path, _) = _study(tmp_path)
    key = PseudonymKey({"Team Leader": "P16"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (b,), key = pseudonymise([read_transcript(b_path)], key)
    assert "Ruth" not in b.text
    assert "Hi [P16]," in b.text


@pytest.mark.parametrize(
    ("greeting", "label"),
    [
        ("Hi Ruth, thanks for joining.", "Ruth Evans"),  # a name: keyed as it is
        ("Hi everyone, thanks for joining.", "Team Leader"),  # no one named
        ("Hi there, thanks for joining.", "Team Leader"),
        ("Morning Doctor, thanks for joining.", "Team Leader"),
        ("Hi Ruth, thanks for joining.", "Participant"),  # a role's label: listed, first
        ("Hi Ruth, hi Tom, thanks for joining.", "Team Leader"),  # two names: whose?
    ],
)
def test_no_row_from_a_greeting_unless_it_names_one_person(
    tmp_path: Path, greeting: str, label: str
) -> None:
    path = tmp_path / "p01.txt"
    path.write_text(
        f"Interviewer: {greeting}\n{label}: Hello. We run Haven.\nInterviewer: Lovely.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, key = pseudonymise([read_transcript(path)])
    rows = {name for own in key.scoped.values() for name in own} | set(key.pseudonyms)
    assert not {"Ruth", "Tom", "Everyone", "There", "Doctor"} & rows


def test_no_row_from_a_greeting_in_a_joint_interview(tmp_path: Path) -> None:
    path = tmp_path / "p01.txt"
    path.write_text(
        "Interviewer: Hi Ruth, thanks for joining.\nTeam Leader: Hello.\n"
        "Manager: Hi, I'm here too.\nInterviewer: Lovely.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (t,), key = pseudonymise([read_transcript(path)])
    assert "Ruth" not in {name for own in key.scoped.values() for name in own}
    assert "Hi Ruth" in t.text  # left, and listed to check first


@pytest.mark.parametrize("label", ["Peer Lead", "Clinical Lead", "Team Lead"])
def test_a_lead_is_a_job_title(label: str) -> None:
    assert name_parts(label) == []


def test_a_name_before_lead_stays_a_name() -> None:
    assert name_parts("Priya Lead") == ["Priya"]
    assert name_parts("Rose Lead") == ["Rose"]


def test_a_row_of_the_greeted_name_stands(tmp_path: Path) -> None:
    """Someone else greeted ("Hi Denise, is Mum there?"): a row of her own keeps her apart."""
    path = tmp_path / "p24.txt"
    path.write_text(
        "Interviewer: Hi Denise, is Mum there with you?\nMum: Yes. Denise is fine.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (t,), key = pseudonymise([read_transcript(path)], PseudonymKey({"Denise": "daughter"}))
    assert (
        t.text
        == "Interviewer: Hi [daughter], is Mum there with you?\nP24: Yes. [daughter] is fine.\n"
    )
    assert "Denise" not in {name for own in key.scoped.values() for name in own}


@pytest.mark.parametrize(
    "said",
    [
        "We've got a peer support worker now, Leanne, two days a week.",
        "Our chief exec, Sandra, she came up through services herself.",
        "We hired Leanne, our new peer worker, in May.",
    ],
)
def test_a_name_said_of_a_person_comes_before_more_frequent_words(said: str) -> None:
    """A name beside a person's word ("a peer support worker now, Leanne,", "Leanne, our new
    peer worker,") or before "she" or "he" ("Sandra, she came up") names a person: roqa code
    showed Ofsted, Amazon and the places first, and Sandra and Leanne among "and 12 more" (s74
    hunt2)."""
    words = [f.word for f in names_to_check([talk("b01", PLACES, said)])]
    assert words[0] in ("Leanne", "Sandra"), words
    assert words[1:3] == ["Ofsted", "Bramley"]


def test_roqa_codes_short_list_says_where_the_full_list_is() -> None:
    from roqa_nlp.cli.code_cmd import names_to_check_lines

    places = " ".join(f"We went to Town{c} and Town{c}." for c in "abcdefghijklmn")
    (line,) = names_to_check_lines(
        names_to_check([talk("b01", places)]), Path("key.csv"), every_name=False
    )
    assert " and 2 more (roqa pseudonymise lists them all, with their transcripts);" in line


def test_a_word_after_a_filler_is_not_said_of_a_person() -> None:
    """``um`` is a word of ``not_names.txt`` (a filler), no person's: "So, um, Oakfield is" (the
    gate of s75: Oakfield was ranked among the names)."""
    t = talk("b01", PLACES, "So, um, Oakfield is a supported living service at Oakfield.")
    words = [f.word for f in names_to_check([t])]
    assert words[:2] == ["Ofsted", "Bramley"], words
