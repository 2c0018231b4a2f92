"""A speaker's label becomes that speaker's own pseudonym, never another's (docs/privacy.md).

Session 46 (tester, ids 2): a participant labelled `Kate:` beside an interviewer `Kate Brown:`
was keyed `Kate,P15`, but her six labels were written `Interviewer:` (the interviewer's first
name, a word of her name, was found first), so `roqa inspect` of the copy found no participant
turn, and `roqa code --pseudonymise` coded her answers as an interviewer's.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript, read_transcripts
from test_cli_core import roqa

KATES = (
    "Kate Brown: What does recovery mean in your service?\n\n"
    "Kate: It means people leading their own support plans.\n\n"
    "Kate Brown: What makes that hard, Kate?\n\n"
    "Kate: Staff shortages.\n\n"
    "Kate Brown: And what helps?\n\n"
    "Kate: A manager who trusts my judgement.\n"
)


def read(tmp_path: Path, name: str, text: str) -> Transcript:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_transcript(path)


def test_a_participant_named_as_the_interviewers_first_name_keeps_her_own_pseudonym(
    tmp_path: Path,
) -> None:
    key = PseudonymKey()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (t,), _ = pseudonymise([read(tmp_path, "P15.txt", KATES)], key)
    assert key.pseudonyms == {"Kate Brown": "Interviewer", "Kate": "P15"}
    assert t.text == (
        "Interviewer: What does recovery mean in your service?\n\n"
        "P15: It means people leading their own support plans.\n\n"
        "Interviewer: What makes that hard, [P15]?\n\n"
        "P15: Staff shortages.\n\n"
        "Interviewer: And what helps?\n\n"
        "P15: A manager who trusts my judgement.\n"
    )
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Interviewer", "interviewer"),
        ("P15", "participant"),
    ] * 3


def test_the_interviewer_named_as_a_participants_first_name_keeps_hers(tmp_path: Path) -> None:
    text = (
        "Kate: What does recovery mean in your service?\n\n"
        "Kate Brown: It means people leading their own support plans.\n\n"
        "Kate: And what makes that hard?\n\n"
        "Kate Brown: Staff shortages.\n\n"
        "Kate: And what helps?\n\n"
        "Kate Brown: A manager who trusts my judgement.\n"
    )
    key = PseudonymKey({"Kate Brown": "P03"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (t,), _ = pseudonymise([read(tmp_path, "P03.txt", text)], key)
    assert key.pseudonyms == {"Kate Brown": "P03", "Kate": "Interviewer"}
    assert t.text == (
        "Interviewer: What does recovery mean in your service?\n\n"
        "P03: It means people leading their own support plans.\n\n"
        "Interviewer: And what makes that hard?\n\n"
        "P03: Staff shortages.\n\n"
        "Interviewer: And what helps?\n\n"
        "P03: A manager who trusts my judgement.\n"
    )


def test_roqa_pseudonymise_writes_the_participants_label_and_inspect_finds_her(
    tmp_path: Path,
) -> None:
    study = tmp_path / "raw"
    study.mkdir()
    (study / "P15.txt").write_text(KATES, encoding="utf-8")
    key, shared = tmp_path / "private" / "key.csv", tmp_path / "shared"
    run = roqa("pseudonymise", study, "--key", key, "--out", shared)
    assert run.code == 0, run.err
    copy = (shared / "P15.txt").read_text("utf-8")
    assert [line.split(":")[0] for line in copy.splitlines() if line] == [
        "Interviewer",
        "P15",
    ] * 3
    back = read_transcript(shared / "P15.txt")
    assert [(u.speaker, u.role) for u in back.turns] == [
        ("Interviewer", "interviewer"),
        ("P15", "participant"),
    ] * 3


def test_roqa_code_pseudonymise_codes_her_answers_as_the_participants(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    study = tmp_path / "raw"
    study.mkdir()
    (study / "P15.txt").write_text(KATES, encoding="utf-8")
    key, out = tmp_path / "private" / "key.csv", tmp_path / "coded"
    run = roqa("code", study, "--out", out, "--model", tiny_model_dir, "--pseudonymise", key)
    assert run.code == 0, run.err
    records = [json.loads(line) for line in (out / "codings.jsonl").read_text("utf-8").splitlines()]
    assert [(r["speaker"], r["role"]) for r in records] == [("P15", "participant")] * 3
    assert "change that row of the key" not in run.err


RM07 = (
    "I: Thanks for joining. Could you tell me about your service?\n\n"
    "RM07: We're a supported living provider, twelve tenants across three houses.\n\n"
    "I: What helps you deliver recovery-focused support?\n\n"
    "RM07: Our director. She funds the recovery college courses for staff.\n\n"
    "I: And what makes it harder?\n\n"
    "RM07: The neighbours. When one of our houses opened there was a petition.\n"
)


def test_a_participant_labelled_by_a_study_id_keeps_it(tmp_path: Path) -> None:
    """Session 46 (tester, ids 3): `RM07:` in RM07.txt became P01 (file P01.txt, key row
    RM07,P01) with no warning, while `P6:` stayed P6; a study id names no one."""
    study = tmp_path / "raw"
    study.mkdir()
    (study / "RM07.txt").write_text(RM07, encoding="utf-8")
    (study / "P06.txt").write_text(  # another interview (RM07's under P6: is one saved twice)
        "I: Thanks for joining. Could you tell me about your service?\n\n"
        "P6: A day centre for older people, about forty a week.\n\n"
        "I: What helps?\n\nP6: The volunteers, retired nurses who know the families.\n",
        encoding="utf-8",
    )
    key, shared = tmp_path / "private" / "key.csv", tmp_path / "shared"
    run = roqa("pseudonymise", study, "--key", key, "--out", shared)
    assert run.code == 0, run.err
    assert sorted(p.name for p in shared.iterdir()) == ["P06.txt", "RM07.txt"]
    assert (shared / "RM07.txt").read_text("utf-8") == RM07
    assert not key.exists()  # no one to key: RM07 and P6 name no one
    assert "RM07" not in run.err


def test_a_named_participant_takes_the_number_of_a_study_id_file_name(tmp_path: Path) -> None:
    """docs/privacy.md: a participant gets "the number the key or the file's name gives her";
    `Maria Okafor:` in RM07.txt was P01."""
    key = PseudonymKey()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (t,), _ = pseudonymise(
            [read(tmp_path, "RM07.txt", RM07.replace("RM07:", "Maria Okafor:"))], key
        )
    assert key.pseudonyms == {"Maria Okafor": "P07"}
    assert [u.speaker for u in t.turns] == ["I", "P07"] * 3


@pytest.mark.parametrize("name", ["T2 RM07.txt", "W1_RM07.txt", "Second interview RM07.txt"])
def test_a_named_participant_takes_the_number_of_a_study_id_after_a_wave(
    tmp_path: Path, name: str
) -> None:
    """A wave's mark before the study id (re-test s47, reids2 F) makes the file RM07's, so its
    participant takes RM07's number, not the wave's (``T2`` gave P02, ``W1`` P01)."""
    key = PseudonymKey()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        pseudonymise([read(tmp_path, name, RM07.replace("RM07:", "Maria Okafor:"))], key)
    assert key.pseudonyms == {"Maria Okafor": "P07"}


def test_a_participant_not_given_her_file_names_number_is_told_so(tmp_path: Path) -> None:
    """docs/privacy.md: the number the file's name gives her "unless another name has it";
    the renumbering is said in one line."""
    key = PseudonymKey({"Ann Lee": "P07"})
    transcript = read(tmp_path, "RM07.txt", RM07.replace("RM07:", "Maria Okafor:"))
    with pytest.warns(RoqaWarning) as told:
        pseudonymise([transcript], key)
    assert key.pseudonyms == {"Ann Lee": "P07", "Maria Okafor": "P08"}
    assert [str(w.message) for w in told if "number" in str(w.message)] == [
        f"{tmp_path / 'RM07.txt'}: the file's name gives its participant the number P07, which "
        "the pseudonym key gives someone else, so they are P08: if they are that person, give "
        "their name that row's pseudonym in the key"
    ]


def test_no_renumbering_is_said_when_the_file_names_number_is_its_participants_own_label(
    tmp_path: Path,
) -> None:
    """Regression hunt s46 (huntids 4): P07.txt of 'Kate Brown:' (not taken for the
    interviewer) and 'P07:' turns warned "the file's name gives its participant the number P07,
    which the pseudonym key gives someone else, so they are P08", though the key gives P07 to
    no one: the file's participant speaks as P07 and keeps it. (Kate's turn asks nothing: one
    question of hers that P07 answers would make Kate Brown's three the interviewer's since
    session 48, roles.stray_askers.)"""
    text = (
        "Kate Brown: Can you tell me about your role?\n\n"
        "P07: I am a community nurse in the district team.\n\n"
        "Kate Brown: What helped when the new pathway came in?\n\n"
        "P07: The training helped, we had protected time on Wednesdays.\n\n"
        "Kate: Sorry, one more thing, you said you had been in post a while.\n\n"
        "P07: Six years now, mostly on nights in the community.\n"
    )
    key = PseudonymKey()
    with warnings.catch_warnings(record=True) as told:
        warnings.simplefilter("always", RoqaWarning)
        (t,), _ = pseudonymise([read(tmp_path, "P07.txt", text)], key)
    assert key.pseudonyms == {"Kate Brown": "P08", "Kate": "P08"}
    assert [u.speaker for u in t.turns][:2] == ["P08", "P07"]
    assert [str(w.message) for w in told if "file's name gives" in str(w.message)] == []


SARAH = (
    "Interviewer: Can you tell me about your role?\n\n"
    "{label}: I am a community nurse in the district team, mostly with older patients.\n\n"
    "Interviewer: What helped when the new pathway came in?\n\n"
    "{label}: Honestly the training helped, we had protected time on {day}.\n"
)


def test_roqa_pseudonymise_says_a_label_two_transcripts_share_once(tmp_path: Path) -> None:
    """Regression hunt s46 (huntids 2): 'Sarah (P04):' in one.txt and 'P04:' in two.txt were
    warned of as one case twice, first under both labels, then, pseudonymised, under 'P04'
    alone; `roqa code --pseudonymise` says it once."""
    study = tmp_path / "raw"
    study.mkdir()
    (study / "one.txt").write_text(
        SARAH.format(label="Sarah (P04)", day="Wednesdays"), encoding="utf-8"
    )
    (study / "two.txt").write_text(SARAH.format(label="P04", day="Mondays"), encoding="utf-8")
    run = roqa("pseudonymise", study, "--key", tmp_path / "key.csv", "--out", tmp_path / "out")
    assert run.code == 0, run.err
    told = [line for line in run.err.splitlines() if "speaks in 2 transcripts" in line]
    assert told == [
        "roqa: warning: the participant label 'Sarah (P04)', 'P04' speaks in 2 transcripts "
        "(one, two), so they are one case, P04, as a follow-up interview of one person is: if "
        "they are different people, give each transcript's participant their own id (label "
        "their turns 'P02: ...', or add a header line 'Participant ID: P02' above the talk)"
    ]


def test_a_number_written_two_ways_is_keyed_as_the_case_roqa_names(tmp_path: Path) -> None:
    """Re-test s46 (ids2 1): P01.txt, P02.txt, P04.txt and 'P4 follow-up.txt' (Priya Patel named
    in both of hers): roqa said "case P04", then keyed her P4 and wrote 'P4:' in both copies,
    which inspect then warned were numbered unlike P01 and P02. She is P04, as said."""
    study = tmp_path / "raw"
    study.mkdir()
    for name, who in (("P01", "Sarah Jones"), ("P02", "Tom Okafor"), ("P04", "Priya Patel")):
        (study / f"{name}.txt").write_text(
            f"Interviewer: What helps?\n\n{who}: Our manager backs recovery work.\n", "utf-8"
        )
    (study / "P4 follow-up.txt").write_text(
        "Interviewer: What changed?\n\nPriya Patel: We finally got a peer worker post.\n", "utf-8"
    )
    key = tmp_path / "key.csv"
    run = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert "Priya Patel,P04" in key.read_text("utf-8-sig").splitlines()
    assert (tmp_path / "out" / "P4 follow-up.txt").read_text("utf-8").splitlines()[2] == (
        "P04: We finally got a peer worker post."
    )
    inspected = roqa("inspect", tmp_path / "out")
    assert "numbered two ways" not in inspected.err


def _interview(asker: str, answerer: str, *, asks: bool) -> str:
    """Three exchanges of ``asker`` and ``answerer``; with ``asks`` False, the asker remarks
    more than asks, so no one is guessed the interviewer from this file alone."""
    said = (
        ["Tell me about your role.", "I see. What helped you most?", "That is what others said."]
        if not asks
        else ["What is your role?", "What helped you most?", "And what got in the way?"]
    )
    answers = [
        "I run a supported living service for twelve tenants, do you know it?",
        "Support from managers helped the most, and the training budget we won last year.",
        "Staff turnover got in the way, every time we trained someone they left for more pay.",
    ]
    return "".join(f"{asker}: {q}\n{answerer}: {a}\n" for q, a in zip(said, answers))


@pytest.mark.parametrize("asks", [True, False])
def test_the_interviewers_first_name_as_a_label_elsewhere_is_the_interviewer(
    tmp_path: Path, asks: bool
) -> None:
    """Tester s46 (pseudonymise 2): the interviewer labelled 'Kate Brown:' in P01.txt and
    'Kate:' in P02.txt was keyed 'Kate,P02' (a participant's pseudonym, and P02's own number)
    when her questions in P02.txt did not give her away, or 'Kate,Interviewer 2' when they did.
    A label that is the first name of one interviewer's full label, and of no other, is hers:
    the interviewer, with her pseudonym."""
    study = tmp_path / "raw"
    study.mkdir()
    (study / "P01.txt").write_text(_interview("Kate Brown", "Maria Okafor", asks=True), "utf-8")
    (study / "P02.txt").write_text(_interview("Kate", "Dean Smith", asks=asks), "utf-8")
    key, shared = tmp_path / "private" / "key.csv", tmp_path / "shared"
    run = roqa("pseudonymise", study, "--key", key, "--out", shared)
    assert run.code == 0, run.err
    assert key.read_text("utf-8-sig").splitlines() == [
        "name,pseudonym",
        "Kate Brown,Interviewer",
        "Maria Okafor,P01",
        "Kate,Interviewer",
        "Dean Smith,P02",
    ]
    copy = (shared / "P02.txt").read_text("utf-8")
    assert [line.split(":")[0] for line in copy.splitlines()] == ["Interviewer", "P02"] * 3


def test_a_first_name_two_interviewers_share_is_neither_ones(tmp_path: Path) -> None:
    """'Kate:' beside the interviewers 'Kate Brown:' and 'Kate Green:' of other files may be
    either, or a participant: it is read from its own file (here no one asks like an
    interviewer, so both its speakers are participants), as before session 47."""
    study = tmp_path / "raw"
    study.mkdir()
    (study / "P01.txt").write_text(_interview("Kate Brown", "Maria Okafor", asks=True), "utf-8")
    (study / "P03.txt").write_text(_interview("Kate Green", "Ann Lee", asks=True), "utf-8")
    (study / "P02.txt").write_text(_interview("Kate", "Dean Smith", asks=False), "utf-8")
    key, shared = tmp_path / "private" / "key.csv", tmp_path / "shared"
    run = roqa("pseudonymise", study, "--key", key, "--out", shared)
    assert run.code == 0, run.err
    rows = dict(line.split(",") for line in key.read_text("utf-8-sig").splitlines()[1:])
    assert (rows["Kate"], rows["Kate Brown"], rows["Kate Green"]) == (
        "P02",
        "Interviewer",
        "Interviewer 2",
    )


def test_the_interviewers_full_label_after_her_first_name_is_hers(tmp_path: Path) -> None:
    """The other way round: 'Kate:' keyed the interviewer first (a.txt), then 'Kate Brown:'
    (b.txt) is the same interviewer, not 'Interviewer 2'."""
    study = tmp_path / "raw"
    study.mkdir()
    (study / "a.txt").write_text(_interview("Kate", "Dean Smith", asks=True), "utf-8")
    (study / "b.txt").write_text(_interview("Kate Brown", "Maria Okafor", asks=True), "utf-8")
    key, shared = tmp_path / "private" / "key.csv", tmp_path / "shared"
    run = roqa("pseudonymise", study, "--key", key, "--out", shared)
    assert run.code == 0, run.err
    rows = dict(line.split(",") for line in key.read_text("utf-8-sig").splitlines()[1:])
    assert (rows["Kate"], rows["Kate Brown"]) == ("Interviewer", "Interviewer")


def test_a_speaker_who_interviews_in_one_file_and_is_interviewed_in_another_has_two_rows(
    tmp_path: Path,
) -> None:
    """Tester s46 (pseudonymise 1): Kate interviews in P01.txt and is interviewed, as 'Kate:',
    by a colleague in P05.txt; the key gave her one row, 'Kate,Interviewer', so her answers in
    P05.txt were written 'Interviewer:' (and a warning said to change a row that must stay).
    The key keeps her study-wide row and adds one for the transcript where her role differs,
    'Kate,P05,../raw/P05.txt' (its path from the key's folder), which a second run reads back
    to the same copies."""
    study = tmp_path / "raw"
    study.mkdir()
    (study / "P01.txt").write_text(_interview("Kate", "Maria Okafor", asks=True), "utf-8")
    (study / "P05.txt").write_text(
        _interview("Tom Hale", "Kate", asks=True).replace("What is your", "Thanks, Kate. Your"),
        "utf-8",
    )
    key, shared = tmp_path / "private" / "key.csv", tmp_path / "shared"
    run = roqa("pseudonymise", study, "--key", key, "--out", shared)
    assert run.code == 0, run.err
    assert "change that row" not in run.err
    assert key.read_text("utf-8-sig").splitlines() == [
        "name,pseudonym,transcript",
        "Kate,Interviewer,",
        "Maria Okafor,P01,",
        "Tom Hale,Interviewer 2,",
        "Kate,P05,../raw/P05.txt",
    ]
    p01 = (shared / "P01.txt").read_text("utf-8")
    p05 = (shared / "P05.txt").read_text("utf-8")
    assert [line.split(":")[0] for line in p01.splitlines()] == ["Interviewer", "P01"] * 3
    assert [line.split(":")[0] for line in p05.splitlines()] == ["Interviewer 2", "P05"] * 3
    assert p05.startswith("Interviewer 2: Thanks, [P05]. Your role?\n")
    again = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "again")
    assert again.code == 0, again.err
    assert key.read_text("utf-8-sig").splitlines()[-1] == "Kate,P05,../raw/P05.txt"
    assert (tmp_path / "again" / "P05.txt").read_text("utf-8") == p05
    assert (tmp_path / "again" / "P01.txt").read_text("utf-8") == p01


@pytest.mark.parametrize("order", [("P01", "P02", "P03"), ("P03", "P02", "P01")])
def test_a_first_name_of_two_interviewers_is_neither_ones_whatever_the_order(
    tmp_path: Path, order: tuple[str, ...]
) -> None:
    """Re-test s47 (reids 2): Kate Brown interviews in P01.txt, Kate Smith in P03.txt, and
    'Kate:' asks in P02.txt. 'Kate' took the pseudonym of whichever Kate was read first, unsaid.
    Every interviewer of the study is weighed first: 'Kate' is either, so neither's, with a
    warning naming both."""
    study = tmp_path / "raw"
    study.mkdir()
    (study / "P01.txt").write_text(_interview("Kate Brown", "Maria Okafor", asks=True), "utf-8")
    (study / "P02.txt").write_text(_interview("Kate", "Dean Smith", asks=True), "utf-8")
    (study / "P03.txt").write_text(_interview("Kate Smith", "Jo Bell", asks=True), "utf-8")
    key, shared = tmp_path / "private" / "key.csv", tmp_path / "shared"
    files = [study / f"{name}.txt" for name in order]
    run = roqa("pseudonymise", *files, "--key", key, "--out", shared)
    assert run.code == 0, run.err
    rows = dict(line.split(",") for line in key.read_text("utf-8-sig").splitlines()[1:])
    assert rows["Kate"] == "Interviewer 2"
    assert sorted((rows["Kate Brown"], rows["Kate Smith"])) == ["Interviewer", "Interviewer 3"]
    said = [line for line in run.err.splitlines() if "Kate Brown" in line]
    assert len(said) == 1 and "Kate Smith" in said[0] and "P02.txt" in said[0]


def test_a_first_name_the_header_of_its_file_names_in_full_is_that_interviewers(
    tmp_path: Path,
) -> None:
    """Re-test s47 (reids 2): 'Kate:' under the header 'Interviewer: Kate Jones', beside Kate
    Brown interviewing in P01.txt, was keyed with Kate Brown's pseudonym, and so was Kate Jones:
    two interviewers as one. The header names her: Kate and Kate Jones share their own."""
    study = tmp_path / "raw"
    study.mkdir()
    (study / "P01.txt").write_text(_interview("Kate Brown", "Maria Okafor", asks=True), "utf-8")
    (study / "P02.txt").write_text(
        "Interviewer: Kate Jones\n\n" + _interview("Kate", "Dean Smith", asks=True), "utf-8"
    )
    key, shared = tmp_path / "private" / "key.csv", tmp_path / "shared"
    run = roqa("pseudonymise", study, "--key", key, "--out", shared)
    assert run.code == 0, run.err
    rows = dict(line.split(",") for line in key.read_text("utf-8-sig").splitlines()[1:])
    assert (rows["Kate Brown"], rows["Kate"], rows["Kate Jones"]) == (
        "Interviewer",
        "Interviewer 2",
        "Interviewer 2",
    )


@pytest.mark.parametrize(
    "label",
    ["Respondent", "Interviewee", "Resp", "R", "Answer", "Service user", "Client", "Patient"],
)
def test_a_generic_interviewee_label_is_no_one_person(tmp_path: Path, label: str) -> None:
    """Re-test s47 (reids 4): a role label in two transcripts of two people ('Respondent:' in
    RM04.txt and 'T1 manager.txt') was keyed as a person, 'Respondent,P04', so both became one
    case P04. Only 'Participant' was read as a role. A label naming a role, not a person, gets
    no row and stays as written, as 'Participant' does, each file its own case."""
    study = tmp_path / "raw"
    study.mkdir()
    (study / "RM04.txt").write_text(_interview("Interviewer", label, asks=True), "utf-8")
    (study / "T1 manager.txt").write_text(
        _interview("Interviewer", label, asks=True).replace("your", "your own"), "utf-8"
    )
    key, shared = tmp_path / "private" / "key.csv", tmp_path / "shared"
    run = roqa("pseudonymise", study, "--key", key, "--out", shared)
    assert run.code == 0, run.err
    assert not key.exists() or key.read_text("utf-8-sig").splitlines()[1:] == []
    labels = {line.split(":")[0] for line in (shared / "RM04.txt").read_text("utf-8").splitlines()}
    assert labels == {"Interviewer", label}
    found = read_transcripts(shared)
    assert sorted(t.participant or "" for t in found) == ["RM04", "T1 manager"]


def test_a_transcripts_own_row_applies_to_that_transcript_alone(tmp_path: Path) -> None:
    """Re-test s47 (reids 3): the row 'Kate Brown,P05,P05.txt', written for ps/P05.txt where
    Kate is interviewed, applied to siteB/P05.txt, another interview, where she asks: she was
    written 'P05:' there, her participant P06. The column names a transcript by its path from
    the key's folder, so the row is ps/P05.txt's alone; a row of a bare file name still names
    the file beside the key."""
    ps, site = tmp_path / "ps", tmp_path / "siteB"
    ps.mkdir()
    site.mkdir()
    (ps / "P01.txt").write_text(_interview("Kate Brown", "Maria Okafor", asks=True), "utf-8")
    (ps / "P05.txt").write_text(_interview("Tom Hale", "Kate Brown", asks=True), "utf-8")
    (site / "P05.txt").write_text(_interview("Kate Brown", "Dean Smith", asks=True), "utf-8")
    key = tmp_path / "key.csv"
    run = roqa("pseudonymise", ps, "--key", key, "--out", tmp_path / "ps_out")
    assert run.code == 0, run.err
    assert key.read_text("utf-8-sig").splitlines()[-1] == "Kate Brown,P05,ps/P05.txt"
    run = roqa("pseudonymise", site, "--key", key, "--out", tmp_path / "site_out")
    assert run.code == 0, run.err
    # Dean is not P05: the key gives P05 to Kate, in ps/P05.txt (a warning says so), and his
    # copy is named for his own number (session 52)
    copy = (tmp_path / "site_out" / "P06.txt").read_text("utf-8")
    assert [line.split(":")[0] for line in copy.splitlines()] == ["Interviewer", "P06"] * 3
    beside = tmp_path / "P05.txt"
    beside.write_text((ps / "P05.txt").read_text("utf-8"), "utf-8")
    key.write_text(
        "name,pseudonym,transcript\nKate Brown,Interviewer,\nTom Hale,Interviewer 2,\n"
        "Kate Brown,P07,P05.txt\n",
        "utf-8",
    )
    run = roqa("pseudonymise", beside, "--key", key, "--out", tmp_path / "beside_out")
    assert run.code == 0, run.err
    copy = (tmp_path / "beside_out" / "P05.txt").read_text("utf-8")
    assert [line.split(":")[0] for line in copy.splitlines()] == ["Interviewer 2", "P07"] * 3


def test_a_second_interviewer_of_a_keyed_first_name_in_a_later_run_is_warned_of(
    tmp_path: Path,
) -> None:
    """Re-test s47 (reids2 A): pseudonymised one file a run, 'Kate:' (P02.txt) was joined to Kate
    Brown (P01.txt, the next run); when Kate Smith came (P03.txt, a third run) she took
    Interviewer 2 unsaid, so 'Kate' stayed Kate Brown's whichever Kate she was. The run that
    brings the second full-named Kate says once that 'Kate' is keyed as Kate Brown's."""
    study = tmp_path / "raw"
    study.mkdir()
    (study / "P01.txt").write_text(_interview("Kate Brown", "Maria Okafor", asks=True), "utf-8")
    (study / "P02.txt").write_text(_interview("Kate", "Dean Smith", asks=True), "utf-8")
    (study / "P03.txt").write_text(_interview("Kate Smith", "Jo Bell", asks=True), "utf-8")
    key = tmp_path / "private" / "key.csv"
    runs = [
        roqa("pseudonymise", study / f"{name}.txt", "--key", key, "--out", tmp_path / name)
        for name in ("P02", "P01", "P03")
    ]
    assert [run.code for run in runs] == [0, 0, 0], runs[-1].err
    rows = dict(line.split(",")[:2] for line in key.read_text("utf-8-sig").splitlines()[1:])
    assert (rows["Kate"], rows["Kate Brown"], rows["Kate Smith"]) == (
        "Interviewer", "Interviewer", "Interviewer 2"
    )  # fmt: skip
    assert not any("Kate Smith" in run.err for run in runs[:2])
    said = [line for line in runs[2].err.splitlines() if "'Kate'" in line]
    assert said == [
        f"roqa: warning: {study / 'P03.txt'}: the pseudonym key gives 'Kate' the pseudonym of "
        "Kate Brown (Interviewer), but the study now has 2 interviewers named Kate, Kate Brown and Kate "
        "Smith (Interviewer 2): if 'Kate' is Kate Smith in a transcript, give the row 'Kate' "
        "that pseudonym in the key, or add a row for that transcript alone (column transcript)"
    ]
    again = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "all")
    assert again.code == 0 and "'Kate' the pseudonym of" not in again.err


def test_a_job_title_label_is_not_one_pseudonym_across_headers_naming_two_people(
    tmp_path: Path,
) -> None:
    """Re-test s47 (reids2 C): 'Manager:' turns in S01.txt (header 'Participant: Maria Okafor')
    and S02.txt ('Participant: Dean Hughes') keyed Manager,P01, Maria Okafor,P01 and Dean
    Hughes,P01: two people joined, unsaid. The header names the pseudonym's owner, so the label
    takes another pseudonym in S02 alone (a row of that transcript), warned of; a re-run
    keeps it. Since session 73 a label of no name words is keyed for its transcript alone in
    the first place (test_pseudonym_role_titles.py), so this is a key from before: the
    study's row Manager,P01."""
    study = tmp_path / "raw"
    study.mkdir()
    for stem, name in (("S01", "Maria Okafor"), ("S02", "Dean Hughes")):
        text = _interview("Kate Brown", "Manager", asks=True)
        head = f"Date: 3 March 2024\nInterviewer: Kate Brown\nParticipant: {name}\n\n"
        (study / f"{stem}.txt").write_text(head + text, "utf-8")
    key, shared = tmp_path / "private" / "key.csv", tmp_path / "shared"
    new = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "new")
    assert new.code == 0 and "Dean Hughes" not in new.err, new.err
    assert key.read_text("utf-8-sig").splitlines() == [
        "name,pseudonym,transcript",
        "Kate Brown,Interviewer,",
        "Maria Okafor,P01,",
        "Dean Hughes,P02,",
        "Manager,P01,../raw/S01.txt",
        "Manager,P02,../raw/S02.txt",
    ]
    key.write_text("name,pseudonym\nKate Brown,Interviewer\nManager,P01\nMaria Okafor,P01\n")
    run = roqa("pseudonymise", study, "--key", key, "--out", shared)
    assert run.code == 0, run.err
    assert key.read_text("utf-8-sig").splitlines() == [
        "name,pseudonym,transcript",
        "Kate Brown,Interviewer,",
        "Manager,P01,",
        "Maria Okafor,P01,",
        "Dean Hughes,P02,",
        "Manager,P02,../raw/S02.txt",
    ]
    said = [line for line in run.err.splitlines() if "Dean Hughes" in line]
    assert said == [
        f"roqa: warning: {study / 'S02.txt'}: the label 'Manager' is keyed P01, the pseudonym of "
        "Maria Okafor, but the header names Dean Hughes the participant, so here it is P02, in a "
        "row for this transcript alone added to the key (column transcript): if they are one "
        "person, delete that row and give Dean Hughes P01"
    ]
    s02 = (shared / "S02.txt").read_text("utf-8")
    again = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "again")
    assert again.code == 0 and "Dean Hughes" not in again.err
    assert (tmp_path / "again" / "S02.txt").read_text("utf-8") == s02
    assert "Participant: P02\n\nInterviewer: What is your role?\nP02: I run" in s02


def test_an_interviewer_named_only_in_a_header_is_not_another_interviewers_pseudonym(
    tmp_path: Path,
) -> None:
    """Re-test s47 (reids2 D): Kate Brown interviews in P01.txt; P03.txt's header says
    'Interviewer: Sam Roe' above generic 'Interviewer:' turns. The key gave Sam Roe Kate
    Brown's pseudonym, Interviewer, unsaid: two interviewers as one. Different named
    interviewers get different pseudonyms; one named in two headers keeps one."""
    study = tmp_path / "raw"
    study.mkdir()
    (study / "P01.txt").write_text(_interview("Kate Brown", "Maria Okafor", asks=True), "utf-8")
    for stem, who in (("P03", "Jo Bell"), ("P04", "Ann Lee")):
        head = f"Date: 5 April 2024\nInterviewer: Sam Roe\nParticipant: {who}\n\n"
        (study / f"{stem}.txt").write_text(
            head + _interview("Interviewer", who, asks=True), "utf-8"
        )
    key, shared = tmp_path / "private" / "key.csv", tmp_path / "shared"
    run = roqa("pseudonymise", study, "--key", key, "--out", shared)
    assert run.code == 0, run.err
    rows = dict(line.split(",") for line in key.read_text("utf-8-sig").splitlines()[1:])
    assert (rows["Kate Brown"], rows["Sam Roe"]) == ("Interviewer", "Interviewer 2")
    assert "Interviewer: Interviewer 2\n" in (shared / "P04.txt").read_text("utf-8")


def _asked_by(asks: str, answers: str, topic: str) -> str:
    return (
        f"{asks}: Thanks for joining. What has helped {topic} along?\n\n"
        f"{answers}: Honestly the training days. Everyone came back with the same language.\n\n"
        f"{asks}: And what got in the way of {topic}?\n\n"
        f"{answers}: Staffing. We were two carers short for most of the winter.\n\n"
        f"{asks}: Anything else?\n\n{answers}: No, that's everything.\n"
    )


def test_a_guessed_interviewer_is_said_once_a_run_and_not_once_the_key_names_them(
    tmp_path: Path,
) -> None:
    """Re-test s47 (reids2 I): each run warned, for each file, that no speaker is named as the
    interviewer so 'Interviewer 2' was taken, even when the key already named who interviews.
    The guesses of one run are one line; a guess the key gave an interviewer's pseudonym
    before the run is the key's word, and is not said."""
    study = tmp_path / "raw"
    study.mkdir()
    people = [("Kate Brown", "Maria Okafor"), ("Sam Roe", "Dean Hughes"), ("Ann Lee", "Jo Bell")]
    for k, (asks, answers) in enumerate(people, start=1):
        topic = ["the care plans", "the new rota", "the recovery tool"][k - 1]
        (study / f"P0{k}.txt").write_text(_asked_by(asks, answers, topic), encoding="utf-8")
    key = tmp_path / "private" / "key.csv"
    first = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "out1")
    assert first.code == 0, first.err
    guessed = [line for line in first.err.splitlines() if "as the interviewer" in line]
    assert guessed == [
        "roqa: warning: no speaker is named as the interviewer in 3 transcripts, so the one who "
        "asks the questions was taken as the interviewer in each ('Interviewer' in P01.txt; "
        "'Interviewer 2' in P02.txt; 'Interviewer 3' in P03.txt), and the key gives them those "
        "pseudonyms (name the interviewer with --interviewer NAME to choose otherwise)"
    ]
    again = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "out2")
    assert again.code == 0, again.err
    assert "as the interviewer" not in again.err
    assert (tmp_path / "out2" / "P02.txt").read_text("utf-8").startswith("Interviewer 2: ")


def test_a_keyed_interviewer_read_as_a_participant_is_advised_to_be_named_the_interviewer(
    tmp_path: Path,
) -> None:
    """Re-test s52, 8: a keyed interviewer whom a later file does not show as one (no one read as
    the interviewer there) was told "change that row of the key", though the row is right: the
    advice is to name them with --interviewer, which works."""
    with pytest.warns(RoqaWarning):  # no interviewer among the speakers: said by the reader
        t = read(
            tmp_path,
            "p41_followup.txt",
            "Hannah Whitfield: Thanks for joining again.\n\n"
            "Nadia Hussain: Yes, glad to.\n\n"
            "Hannah Whitfield: How has the peer work gone since?\n\n"
            "Nadia Hussain: Better. We have two peer workers now.\n",
        )
    key = PseudonymKey({"Hannah Whitfield": "Interviewer 3"})
    with pytest.warns(RoqaWarning) as caught:
        pseudonymise([t], key)
    said = [str(w.message) for w in caught if "Interviewer 3" in str(w.message)]
    assert said == [
        f"{tmp_path / 'p41_followup.txt'}: the pseudonym key gives 'Hannah Whitfield' the "
        "interviewer's pseudonym Interviewer 3, but no one here was read as the interviewer, so "
        "their talk is a participant's: if they interview here, name them with --interviewer "
        "'Hannah Whitfield' and run again (the row is right); if they do not, change that row "
        "of the key"
    ]
