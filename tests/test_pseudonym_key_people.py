"""A pseudonym key that gives two people one pseudonym is warned of, naming both rows
(docs/privacy.md: two names with no name word in common may be two people; a nickname or another
spelling of one person's name may share theirs, so the key is read as the researcher wrote it).

Session 40 (robustness): a key with `Zoë Smith,P09` and `Siobhán Ó Briain,P09` was read, and
the two participants were made one case, P09, with only a warning that P09 spoke in two
transcripts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey


def key_file(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "key.csv"
    path.write_text("\ufeffname,pseudonym\n" + rows, encoding="utf-8")
    return path


def test_two_people_given_one_participant_pseudonym_are_warned_of_naming_both_rows(
    tmp_path: Path,
) -> None:
    """Session 40 (robustness) key_dup2: told, not silently made one case."""
    path = key_file(tmp_path, "Zoë Smith,P09\nSiobhán Ó Briain,P09\nSam Roe,Interviewer\n")
    with pytest.warns(RoqaWarning) as told:
        key = PseudonymKey.read(path)
    assert [str(w.message) for w in told] == [
        f"{path}: rows 2 and 3: 'Zoë Smith' and 'Siobhán Ó Briain' are both P09, so their talk "
        "is one person's: if they are two people, give each their own pseudonym (a nickname or "
        "another spelling of one person's name may share it)"
    ]
    assert key.pseudonyms == {
        "Zoë Smith": "P09",
        "Siobhán Ó Briain": "P09",
        "Sam Roe": "Interviewer",
    }


def test_two_interviewers_given_one_pseudonym_are_warned_of(tmp_path: Path) -> None:
    path = key_file(tmp_path, "Sam Roe,Interviewer\nHannah Whitfield,Interviewer\n")
    with pytest.warns(
        RoqaWarning, match="rows 2 and 3: 'Sam Roe' and 'Hannah Whitfield' are both Interviewer, so"
    ):
        PseudonymKey.read(path)


@pytest.mark.parametrize(
    "rows",
    [
        "Jose Garcia,P01\nJosé García,P01\n",  # roqa's own key gave them P01 and P02: merged
        "Renee Lévesque,P02\nRenée Lévesque,P02\n",
        "Siobhan O'Brien,P09\nSiobhán Ó Briain,P09\n",
        "Mohammed Al-Rashid,P03\nMuhammad Alrashid,P03\n",
        "Katherine Louise Brown,P02\nKate Brown-Lee,P02\n",
        "Elizabeth Smith,P04\nBeth Jones,P04\n",
    ],
    ids=["accents", "accent", "irish", "transliterated", "married-hyphen", "nickname-married"],
)
def test_two_spellings_of_one_person_given_one_pseudonym_are_read(
    tmp_path: Path, rows: str
) -> None:
    """Session 40 (hunt): since 3670f26 these keys were refused (exit 2, "would make two people
    one"), though a researcher merges one person's two spellings on purpose; at most a warning."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        key = PseudonymKey.read(key_file(tmp_path, rows))
    assert len(key.pseudonyms) == 2 and len(set(key.pseudonyms.values())) == 1


@pytest.mark.parametrize(
    "rows",
    [
        "Maria Okafor,P07\nMo,P07\n",  # a nickname (docs/privacy.md)
        "Maria Okafor,P07\nMaria Bello,P07\n",  # a surname changed: a name word in common
        "Maria Okafor,P07\nDr Maria Okafor (iPhone),P07\n",  # a display name
        "Tom Hale,nominated individual\nAnn Lee,nominated individual\n",  # a role, not a person
    ],
    ids=["nickname", "surname-changed", "display-name", "role"],
)
def test_names_that_may_be_one_person_or_a_role_share_a_pseudonym(
    tmp_path: Path, rows: str
) -> None:
    key = PseudonymKey.read(key_file(tmp_path, rows))
    assert len(set(key.pseudonyms.values())) == 1


KATE = "Interviewer: How did it go?\n\nKate: {answer}\n\nInterviewer: Thanks Kate.\n"


def test_one_first_name_in_two_numbered_files_is_two_cases(tmp_path: Path) -> None:
    """Re-test s52 reprivacy, 4 (HIGH): ``Kate:`` in p51.txt and in p52.txt, with a new key,
    were both P51 ("speaks in 2 transcripts ... one case"): the first file's row ``Kate,P51``
    made p52's Kate that person. A participant takes the number in her file's name, so p52's
    Kate is P52, in a row of the key for p52.txt alone, and a second run reads it back."""
    from test_cli_core import roqa

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "p51.txt").write_text(KATE.format(answer="It went okay."), "utf-8")
    (folder / "p52.txt").write_text(KATE.format(answer="Badly."), "utf-8")
    key = tmp_path / "key.csv"
    for out in ("o1", "o2"):
        run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / out)
        assert run.code == 0, run.err
        assert "one case" not in run.err
        copies = {p.name: p.read_text("utf-8") for p in sorted((tmp_path / out).iterdir())}
        assert copies == {
            "p51.txt": "Interviewer: How did it go?\n\nP51: It went okay.\n\n"
            "Interviewer: Thanks [P51].\n",
            "p52.txt": "Interviewer: How did it go?\n\nP52: Badly.\n\nInterviewer: Thanks [P52].\n",
        }
    assert key.read_text("utf-8-sig").splitlines() == [
        "name,pseudonym,transcript",
        "Kate,P51,",
        "Kate,P52,in/p52.txt",
    ]


def test_a_participant_renumbered_for_a_taken_file_number_keeps_one_pseudonym(
    tmp_path: Path,
) -> None:
    """Tester s57 privacy, MEDIUM 2 (repro3): with ``Joan Smith,P03`` keyed, ``Mohammed:`` of
    ``Interview 03 - Mohammed Rahman.txt`` was keyed P04 (the next free number), then given a
    row ``Mohammed,P05`` for the file alone: his labels and talk said P05, ``Mr Rahman`` said
    ``Mr [P04]`` and the copy was named ``Interview 05 - P04``; a second run split him again.
    One participant has one pseudonym, and the file is named by it."""
    from test_cli_core import roqa

    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "Interview 03 - Mohammed Rahman.txt").write_text(
        "Rachel: Mohammed, tell me about your service.\n"
        "Mohammed: Sure, I run a care home. Mr Rahman on the badge.\n"
        "Rachel: Thanks Mohammed.\n",
        "utf-8",
    )
    key = key_file(tmp_path, "Joan Smith,P03\n")
    for out in ("o1", "o2"):
        run = roqa(
            "pseudonymise", folder, "--interviewer", "Rachel", "--key", key, "--out", tmp_path / out
        )
        assert run.code == 0, run.err
        copies = {p.name: p.read_text("utf-8") for p in sorted((tmp_path / out).iterdir())}
        assert copies == {
            "Interview 04 - P04.txt": "Interviewer: [P04], tell me about your service.\n"
            "P04: Sure, I run a care home. Mr [P04] on the badge.\n"
            "Interviewer: Thanks [P04].\n"
        }
    assert key.read_text("utf-8-sig").splitlines() == [
        "name,pseudonym",
        "Joan Smith,P03",
        "Rachel,Interviewer",
        "Mohammed,P04",
        "Mohammed Rahman,P04",
    ]


# -- a name written surname first ------------------------------------------------------------

#: A Zoom interview of Grace Adeyemi by Hannah Whitfield, each speaker's label given as
#: ``{grace}`` and ``{hannah}``, and Grace's first answer as ``{answer}`` (blind test s55,
#: edge/nm3 and edge/nm4).
ADEYEMI_VTT = (
    "WEBVTT\n\n"
    "00:00:01.000 --> 00:00:04.000\n<v {hannah}>What gets in the way of recovery work?</v>\n\n"
    "00:00:05.000 --> 00:00:12.000\n<v {grace}>{answer}</v>\n\n"
    "00:00:13.000 --> 00:00:15.000\n<v {hannah}>And what helps you?</v>\n\n"
    "00:00:16.000 --> 00:00:22.000\n<v {grace}>Our director backed us and funded the recovery "
    "college course.</v>\n\n"
    "00:00:23.000 --> 00:00:25.000\n<v {hannah}>What about families?</v>\n\n"
    "00:00:26.000 --> 00:00:32.000\n<v {grace}>Families can be frightened of positive risk "
    "taking.</v>\n"
)
ADEYEMI_TXT = (
    "{hannah}: What gets in the way of recovery work?\n\n"
    "{grace}: {answer}\n\n"
    "{hannah}: And what helps you?\n\n"
    "{grace}: Our director backed us and funded the recovery college course.\n\n"
    "{hannah}: What about families?\n\n"
    "{grace}: Families can be frightened of positive risk taking.\n"
)
FIRST = "Time and money mostly. The hours were cut again last year."
SINCE = "Since we last spoke the hours were cut again, so there is no slack."


def adeyemi_study(tmp_path: Path, *files: tuple[str, str, str, str]) -> Path:
    """A folder of Zoom transcripts, each ``(file name, Grace's label, Hannah's label, Grace's
    first answer)``."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, grace, hannah, answer in files:
        text = ADEYEMI_VTT.format(grace=grace, hannah=hannah, answer=answer)
        (folder / name).write_text(text, "utf-8")
    return folder


def test_a_name_written_surname_first_is_the_keyed_persons() -> None:
    """``Adeyemi, Grace`` is ``Grace Adeyemi``, as ``--interviewer`` and ``roqa inspect`` read it
    (:func:`~roqa_nlp.transcripts.roles.person_name`)."""
    key = PseudonymKey({"Grace Adeyemi": "P1", "Whitfield, Hannah (UCL)": "Interviewer"})
    assert [
        key.get(n) for n in ("Adeyemi, Grace", "ADEYEMI, Grace (Guest)", "Hannah Whitfield")
    ] == [
        "P1",
        "P1",
        "Interviewer",
    ]


def test_a_participant_named_surname_first_in_a_follow_up_keeps_her_pseudonym(
    tmp_path: Path,
) -> None:
    """Blind test s55 (edge/nm4): ``Grace Adeyemi`` in interview_1.vtt and ``Adeyemi, Grace`` in
    interview_1_followup.vtt were keyed P1 and P02, two people: the follow-up was renamed
    interview_2_followup, warned of as renumbered, and counted as a second case. She is P1 in
    both, the key has one row for her, and nothing is renumbered."""
    from test_cli_core import roqa

    folder = adeyemi_study(
        tmp_path,
        ("interview_1.vtt", "Grace Adeyemi", "Hannah Whitfield", FIRST),
        ("interview_1_followup.vtt", "Adeyemi, Grace", "Hannah Whitfield", SINCE),
    )
    key = tmp_path / "key.csv"
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert run.err.splitlines()[1:] == [  # after: no key there, a new one started
        "roqa: warning: no speaker is named as the interviewer in 2 transcripts, so the one who "
        "asks the questions was taken as the interviewer in each ('Interviewer' in "
        "interview_1.vtt, interview_1_followup.vtt), and the key gives them those pseudonyms "
        "(name the interviewer with --interviewer NAME to choose otherwise)"
    ]
    assert key.read_text("utf-8-sig").splitlines() == [
        "name,pseudonym",
        "Hannah Whitfield,Interviewer",
        "Grace Adeyemi,P1",
    ]
    assert {p.name: p.read_text("utf-8") for p in sorted((tmp_path / "out").iterdir())} == {
        "interview_1.txt": ADEYEMI_TXT.format(grace="P1", hannah="Interviewer", answer=FIRST),
        "interview_1_followup.txt": ADEYEMI_TXT.format(
            grace="P1", hannah="Interviewer", answer=SINCE
        ),
    }


@pytest.mark.parametrize("named", [(), ("--interviewer", "Hannah Whitfield")], ids=["", "named"])
def test_an_interviewer_named_surname_first_in_one_file_keeps_her_pseudonym(
    tmp_path: Path, named: tuple[str, ...]
) -> None:
    """Blind test s55 (edge/nm3): ``Whitfield, Hannah`` in P01.vtt and ``Hannah Whitfield`` in
    P02.vtt were keyed Interviewer and Interviewer 2, with or without ``--interviewer``."""
    from test_cli_core import roqa

    folder = adeyemi_study(
        tmp_path,
        ("P01.vtt", "Grace Adeyemi", "Whitfield, Hannah", FIRST),
        ("P02.vtt", "Tom Brennan", "Hannah Whitfield", SINCE),
    )
    key = tmp_path / "key.csv"
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "out", *named)
    assert run.code == 0, run.err
    assert key.read_text("utf-8-sig").splitlines() == [
        "name,pseudonym",
        '"Whitfield, Hannah",Interviewer',
        "Grace Adeyemi,P01",
        "Tom Brennan,P02",
    ]
    assert {p.name: p.read_text("utf-8") for p in sorted((tmp_path / "out").iterdir())} == {
        "P01.txt": ADEYEMI_TXT.format(grace="P01", hannah="Interviewer", answer=FIRST),
        "P02.txt": ADEYEMI_TXT.format(grace="P02", hannah="Interviewer", answer=SINCE),
    }


@pytest.mark.slow
def test_roqa_code_pseudonymise_keeps_a_participant_named_surname_first_one_case(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    """Blind test s55 (edge/nm4), as ``roqa code --pseudonymise``: the follow-up was P02, a
    second case of the matrix, Table 2 and saturation."""
    import json

    from test_cli_core import roqa

    folder = adeyemi_study(
        tmp_path,
        ("interview_1.vtt", "Grace Adeyemi", "Hannah Whitfield", FIRST),
        ("interview_1_followup.vtt", "Adeyemi, Grace", "Hannah Whitfield", SINCE),
    )
    key = tmp_path / "key.csv"
    run = roqa(
        "code", folder, "--out", tmp_path / "coded", "--model", tiny_model_dir,
        "--pseudonymise", key, "--no-report",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert key.read_text("utf-8-sig").splitlines() == [
        "name,pseudonym",
        "Hannah Whitfield,Interviewer",
        "Grace Adeyemi,P1",
    ]
    lines = (tmp_path / "coded" / "transcripts.jsonl").read_text("utf-8").splitlines()
    read = [json.loads(line) for line in lines]
    assert [
        (t["id"], t["participant"], sorted({u["speaker"] for u in t["turns"]})) for t in read
    ] == [
        ("interview_1", "P1", ["Interviewer", "P1"]),
        ("interview_1_followup", "P1", ["Interviewer", "P1"]),
    ]


def test_a_key_giving_one_name_two_pseudonyms_surname_first_or_not_is_refused(
    tmp_path: Path,
) -> None:
    """Such a key (as roqa wrote it before blind test s55) gives one person two pseudonyms, so
    which is hers is the researcher's to say: a one-line error naming the row, as for any two
    spellings of one name (``Hannah Whitfield (Host)``)."""
    from roqa_nlp.errors import RoqaError

    path = key_file(tmp_path, 'Grace Adeyemi,P1\n"Adeyemi, Grace",P02\n')
    with pytest.raises(RoqaError) as refused:
        PseudonymKey.read(path)
    assert str(refused.value) == (
        f"{path}: row 3: 'Adeyemi, Grace' is 'P1' in the pseudonym key already (under another "
        "spelling of the name), so cannot be 'P02' (give one person one pseudonym: use the "
        "key's, or change its row)"
    )


def test_names_written_surname_first_in_the_talk_are_replaced_and_not_left_to_check(
    tmp_path: Path,
) -> None:
    """Regression hunt s55 (ps/q01.txt): 'Lee, Sam', 'Okafor, Maria' and 'Smith, Jane' in the
    talk stayed in the shared copy and were listed under "Still in the talk" for rows 'Sam
    Lee,P02', 'Maria Okafor,P06' and 'Jane Smith,P04': the researcher had to add a row for a
    spelling roqa reads as the same person. They are each person's pseudonym now, and 'Smith,
    J.' (as 'J. Smith') too; the key is unchanged."""
    from test_cli_core import roqa

    rows = "Grace Adeyemi,P01\nSam Lee,P02\nJane Smith,P04\nMaria Okafor,P06\n"
    key = key_file(tmp_path, rows)
    (tmp_path / "q01.txt").write_text(
        "Interviewer: Thanks. How did it start?\n"
        "Adeyemi, Grace: With Sam Lee. Lee, Sam did the numbers; Okafor, Maria the rota.\n"
        "Interviewer: Who else?\n"
        "Adeyemi, Grace: Smith, Jane, and Smith, J. from finance.\n",
        encoding="utf-8",
    )
    run = roqa("pseudonymise", tmp_path / "q01.txt", "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert (tmp_path / "out" / "q01.txt").read_text("utf-8") == (
        "Interviewer: Thanks. How did it start?\n"
        "P01: With [P02]. [P02] did the numbers; [P06] the rota.\n"
        "Interviewer: Who else?\n"
        "P01: [P04], and [P04] from finance.\n"
    )
    assert run.out.splitlines() == [
        "Pseudonyms: 7 name(s) replaced in the transcripts' text, labels included; no new name in "
        f"{key}.",
        f"Wrote 1 pseudonymised transcript(s) to {tmp_path / 'out'}.",
    ]
    assert key.read_text("utf-8-sig") == "name,pseudonym\n" + rows
