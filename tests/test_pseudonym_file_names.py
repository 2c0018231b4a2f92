"""Specification of transcripts' names under a pseudonym key: a name of the key in a file name
is replaced as it is in the talk, and no folder name is recorded, so neither reaches an output
(tester s37 privacy, 1: "Interview 11 - Gareth Jones.txt" and the folder "Sam Roe interviews"
were in every output of `roqa code --pseudonymise`, with only a warning)."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts import read_transcript
from test_cli_core import roqa

GARETH = (
    "Sam Roe: Gareth, thanks for joining. How does your team use care plans?\n"
    "Gareth Jones: We use them daily. My mobile is +44 7700 900456 and I'm "
    "gareth.jones@brookside.wales.\n"
)


@pytest.fixture()
def study(tmp_path: Path) -> Path:
    folder = tmp_path / "Sam Roe interviews"
    folder.mkdir()
    (folder / "Interview 11 - Gareth Jones.txt").write_text(GARETH, encoding="utf-8")
    return folder


def test_a_full_name_in_the_file_name_becomes_the_pseudonym(study: Path) -> None:
    path = study / "Interview 11 - Gareth Jones.txt"
    with pytest.warns(RoqaWarning) as caught:
        (t,), key = pseudonymise([read_transcript(path, interviewer_labels=["Sam Roe"])])
    assert key.pseudonyms == {"Sam Roe": "Interviewer", "Gareth Jones": "P11"}
    assert (t.id, t.source, t.participant) == (
        "Interview 11 - P11",
        "Interview 11 - P11.txt",  # the file name only: no folder
        "P11",
    )
    assert [str(w.message) for w in caught if "pseudonym key" in str(w.message)] == [
        f"{path}: the file's name holds a name of the pseudonym key (Gareth, Jones), so the "
        "outputs name the transcript 'Interview 11 - P11'"
    ]


@pytest.mark.parametrize(
    ("file_name", "renamed"),
    [
        ("zoom_maria_okafor.vtt", "zoom_P07.vtt"),
        ("MariaOkafor.txt", "P07.txt"),
        ("okafor, maria - follow-up.txt", "P07 - follow-up.txt"),
        ("MARIA-interview.docx", "P07-interview.docx"),  # a word of a speaker's name
        ("maria okafor (she-her).csv", "P07 (she-her).csv"),
        ("Interview 3 - Tom Hale.txt", "Interview 3 - nominated individual.txt"),  # a full name
        ("priya_notes.txt", "nurse_notes.txt"),  # a one-word row of no speaker
        ("mo_interview.txt", "P07_interview.txt"),  # a nickname of a speaker's, keyed to them
        ("del_interview.txt", "del_interview.txt"),  # one of someone who does not speak there
        ("aoife_obrien-walsh.txt", "aoife_obrien-walsh.txt"),  # not in the key
        ("will_interview.txt", "will_interview.txt"),  # a word, though Will speaks
    ],
)
def test_names_in_a_file_name_are_replaced_as_file_names_write_them(
    file_name: str, renamed: str
) -> None:
    key = PseudonymKey(
        {
            "Maria Okafor (she/her)": "P07",
            "Will Hughes": "P12",
            "Tom Hale": "nominated individual",
            "Priya": "nurse",
            "Mo": "P07",
            "Del": "P08",
        }
    )
    assert key.pseudonymised_name(file_name, ["Maria Okafor (she/her)", "Will Hughes"]) == renamed


def test_a_first_name_of_someone_who_does_not_speak_stays_and_is_warned_of(
    tmp_path: Path,
) -> None:
    """As in the talk, a first name alone where its person does not speak is as likely someone
    else's: it stays, and the warning says to rename the file."""
    path = tmp_path / "p08_with_gareth.txt"
    path.write_text("Interviewer: Hi?\nDerek Whitfield: Hello.\n", encoding="utf-8")
    with pytest.warns(RoqaWarning) as caught:
        (t,), _ = pseudonymise([read_transcript(path)], PseudonymKey({"Gareth Jones": "P11"}))
    assert (t.id, t.source) == ("p08_with_gareth", "p08_with_gareth.txt")
    assert [str(w.message) for w in caught if "file name" in str(w.message)] == [
        f"{path}: the file name still holds a name of the pseudonym key (Gareth), which the "
        "outputs carry: rename the file"
    ]


def test_a_pseudonym_put_in_a_file_name_holds_no_path_separator() -> None:
    key = PseudonymKey({"Tom Hale": "deputy/nominated individual"})
    assert key.pseudonymised_name("notes on tom hale") == "notes on deputy-nominated individual"


def test_a_qda_projects_source_name_and_path_are_pseudonymised() -> None:
    text = "Gareth Jones: We use them daily."
    t = Transcript(
        "Gareth Jones",
        text,
        [Turn("Gareth Jones", "participant", 14, len(text))],
        source="/home/sam/Sam Roe/study.qdpx:sources/0b1c.txt",
        metadata={
            "refi_name": "Gareth Jones.docx",
            "refi_path": "relative://Sam Roe/Gareth Jones.docx",
        },
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey({"Gareth Jones": "P11"}))
    assert (after.id, after.source) == ("P11", "0b1c.txt")
    assert (after.metadata["refi_name"], after.metadata["refi_path"]) == ("P11.docx", "P11.docx")


def test_a_qda_projects_case_name_is_pseudonymised_as_the_participant_is() -> None:
    """Before, the project's case name stayed in transcripts.jsonl's ``refi_case`` after the
    participant was given a pseudonym; with the same name as the participant, an export keeps
    the case's GUID, as it keeps the source's."""
    text = "Gareth Jones: We use them daily."
    t = Transcript(
        "Gareth Jones",
        text,
        [Turn("Gareth Jones", "participant", 14, len(text))],
        participant="Gareth Jones",
        metadata={
            "refi_case": {"guid": "3FCA6158-0000-4000-8000-000000000001", "name": "Gareth Jones"}
        },
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey({"Gareth Jones": "P11"}))
    assert after.participant == "P11"
    assert after.metadata["refi_case"] == {
        "guid": "3FCA6158-0000-4000-8000-000000000001",
        "name": "P11",
    }


def test_roqa_pseudonymise_names_the_copy_by_the_pseudonym(study: Path, tmp_path: Path) -> None:
    run = roqa(
        "pseudonymise", study, "--interviewer", "Sam Roe", "--key", tmp_path / "key.csv",
        "--out", tmp_path / "shared",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert [p.name for p in (tmp_path / "shared").iterdir()] == ["Interview 11 - P11.txt"]
    assert (tmp_path / "shared" / "Interview 11 - P11.txt").read_text("utf-8") == (
        "Interviewer: [P11], thanks for joining. How does your team use care plans?\n"
        "P11: We use them daily. My mobile is [phone] and I'm [email].\n"
    )


@pytest.mark.slow
def test_roqa_code_pseudonymise_leaves_no_name_of_a_file_or_folder_in_any_output(
    study: Path, tmp_path: Path, tiny_model_dir: Path
) -> None:
    out = tmp_path / "coded"
    run = roqa(
        "code", study, "--out", out, "--model", tiny_model_dir, "--interviewer", "Sam Roe",
        "--pseudonymise", tmp_path / "key.csv", "--qdpx", out / "project.qdpx",
    )  # fmt: skip
    assert run.code == 0, run.err
    run = roqa(
        "report", out, "--matrix", out / "matrix.csv", "--table", out / "table2.csv",
        "--saturation", out / "saturation.csv",
    )  # fmt: skip
    assert run.code == 0, run.err
    names = {p.name for p in out.iterdir()}
    assert names >= {"codings.jsonl", "codings.csv", "transcripts.jsonl", "report.html"}
    assert names >= {"project.qdpx", "matrix.csv", "table2.csv", "saturation.csv"}
    for p in out.iterdir():
        data = p.read_bytes()
        if p.suffix == ".qdpx":
            with zipfile.ZipFile(p) as z:
                data = b"".join(z.read(n) for n in z.namelist())
        for name in (b"Gareth", b"Jones", b"Sam", b"Roe", b"gareth", b"7700", b"brookside"):
            assert name not in data, (p.name, name)
    assert b"Interview 11 - P11" in (out / "codings.jsonl").read_bytes()


def test_a_renamed_transcript_never_takes_another_transcripts_name(tmp_path: Path) -> None:
    """Regression hunt s37: with the key giving Gareth Jones P11, 'Gareth Jones.txt' beside
    'P11.txt' were both named 'P11', and `roqa code` stopped: "two transcripts share the id
    'P11'" (before names in file names were replaced, it coded both as the case P11). The
    renamed one gives way, 'P11-2', and keeps that name however often the key applies it."""
    (tmp_path / "Gareth Jones.txt").write_text(GARETH, encoding="utf-8")
    (tmp_path / "P11.txt").write_text("Sam Roe: Hello again?\nP11: Yes, still here.\n", "utf-8")
    given = [
        read_transcript(tmp_path / name, interviewer_labels=["Sam Roe"])
        for name in ("Gareth Jones.txt", "P11.txt")
    ]
    key = PseudonymKey({"Gareth Jones": "P11"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        renamed, _ = pseudonymise(given, key)
        again = key.apply(given[0])
    assert [(t.id, t.source, t.participant) for t in renamed] == [
        ("P11-2", "P11-2.txt", "P11"),
        ("P11", "P11.txt", "P11"),
    ]
    assert (again.id, again.source) == ("P11-2", "P11-2.txt")


def test_cli_codes_a_renamed_transcript_beside_the_one_of_its_new_name(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "Gareth Jones.txt").write_text(GARETH, encoding="utf-8")
    (tmp_path / "in" / "P11.txt").write_text("Sam Roe: Hello?\nP11: Still here.\n", "utf-8")
    (tmp_path / "key.csv").write_text("name,pseudonym\nGareth Jones,P11\n", encoding="utf-8")
    run = roqa(
        "pseudonymise", str(tmp_path / "in"), "--interviewer", "Sam Roe",
        "--key", str(tmp_path / "key.csv"), "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["P11-2.txt", "P11.txt"]


def test_a_participant_id_in_a_speakers_label_stays_in_the_file_name(tmp_path: Path) -> None:
    """Regression hunt s37: with labels "Interviewer - P04:", `roqa pseudonymise` wrote
    p04_v16.txt as "Interviewer_v16.txt": the label's P04 was taken for a name of the
    interviewer's, and the file lost the participant's id. Ids and roles name no one; they
    stay."""
    text = (
        "Interviewer - P04: Thank you for joining. Can you tell me about your role?\n"
        "P04: I manage a supported living service for adults with mental health needs.\n"
        "Interviewer - P04: What helped when you introduced the new care plans?\n"
        "P04: The training from the provider was good, and the team bought in early.\n"
        "Interviewer - P04: And what got in the way?\n"
        "P04: Time, mostly. Rotas leave no room for it.\n"
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p04_v16.txt").write_text(text, encoding="utf-8")
    run = roqa(
        "pseudonymise", str(tmp_path / "in"), "--key", str(tmp_path / "key.csv"),
        "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert run.code == 0, run.err
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["p04_v16.txt"]


# -- a capitalised word of a file name that the key does not hold (tester s39 privacy, 2) -------


def file_name_warnings(tmp_path: Path, name: str, key: dict[str, str]) -> tuple[str, list[str]]:
    """The new id of the transcript ``name`` pseudonymised with ``key``, and the warnings about
    its file name."""
    path = tmp_path / name
    path.write_text("Interviewer: Hi?\nP14: Hello, thanks.\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RoqaWarning)
        (t,), _ = pseudonymise([read_transcript(path)], PseudonymKey(key))
    return t.id, [str(w.message) for w in caught if "file" in str(w.message)]


def test_a_capitalised_word_of_a_file_name_is_warned_of_as_maybe_a_name(tmp_path: Path) -> None:
    """ "P14 - Karen interview.txt" kept "Karen" in every output, with no warning."""
    new_id, said = file_name_warnings(tmp_path, "P14 - Karen interview.txt", {"Maria": "deputy"})
    assert new_id == "P14 - Karen interview"
    assert said == [
        f"{tmp_path / 'P14 - Karen interview.txt'}: the file name holds Karen, which may be a "
        "name (a capitalised word roqa does not know), and the outputs carry it: rename the file"
    ]


def test_a_possessive_name_with_an_accent_in_a_file_name_is_warned_of(tmp_path: Path) -> None:
    name = "P13 – Zoë's interview.txt"
    _, said = file_name_warnings(tmp_path, name, {})
    assert said == [
        f"{tmp_path / name}: the file name holds "
        "Zoë, which may be a name (a capitalised word roqa does not know), and the outputs carry "
        "it: rename the file"
    ]


@pytest.mark.parametrize(
    "name",
    [
        "P14 - Interview Transcript FINAL v2.txt",
        "Zoom Recording P14 March 2026 Monday.txt",
        "p14_interview.txt",
        "Interview 14 - Site A - Focus Group (Clean Verbatim).txt",
        "P14 Interviewer Notes Part 2.txt",
    ],
)
def test_ordinary_words_and_ids_of_a_file_name_are_not_warned_of(tmp_path: Path, name: str) -> None:
    assert file_name_warnings(tmp_path, name, {})[1] == []


@pytest.mark.parametrize(
    "name",
    [
        "Matron interview.txt",
        "Head of Nursing.txt",
        "Quality Improvement lead.txt",
        "Telephone interview P05.txt",
        "Junior Doctor P4.txt",
        "Healthcare Assistant P05.txt",
        "Spring interview P3.txt",
        "Physiotherapist P12.txt",
        "Paramedic P11.txt",
        "Anaesthetist P3.txt",
        "Clinical Nurse Specialist 03.txt",
    ],
)
def test_everyday_and_job_words_of_a_file_name_are_not_warned_of(tmp_path: Path, name: str) -> None:
    """Regression hunt s39: 93 of 200 realistic file names were warned of, for words such as
    Matron, Nursing, Telephone or Spring."""
    assert file_name_warnings(tmp_path, name, {})[1] == []


def test_names_and_a_town_of_a_file_name_are_still_warned_of(tmp_path: Path) -> None:
    name = "Denise Okoro Leeds interview.txt"
    assert file_name_warnings(tmp_path, name, {})[1] == [
        f"{tmp_path / name}: the file name holds Denise, Okoro, Leeds, which may be a name (a "
        "capitalised word roqa does not know), and the outputs carry it: rename the file"
    ]


def test_a_short_name_ending_in_s_in_a_file_name_is_warned_of(tmp_path: Path) -> None:
    """Tester s57 privacy, LOW 3: "Des" was taken for a plural of the stop word "de"."""
    name = "P12 - Des interview.txt"
    assert file_name_warnings(tmp_path, name, {})[1] == [
        f"{tmp_path / name}: the file name holds Des, which may be a name (a capitalised word "
        "roqa does not know), and the outputs carry it: rename the file"
    ]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Hope Young interview.txt", "Hope, Young"),
        ("Bill Wood.txt", "Bill, Wood"),
        ("Mark White zoom.txt", "Mark, White"),
    ],
)
def test_a_full_name_of_everyday_words_in_a_file_name_is_warned_of(
    tmp_path: Path, name: str, words: str
) -> None:
    """Hunt s39/3: skipping everyday words silenced full names made of them; a given name that
    is also a word (data/word_given_names.txt) before another capitalised word is one."""
    assert file_name_warnings(tmp_path, name, {})[1] == [
        f"{tmp_path / name}: the file name holds {words}, which may be a name (a capitalised "
        "word roqa does not know), and the outputs carry it: rename the file"
    ]


def test_a_name_replaced_and_another_left_in_a_file_name_make_one_warning(tmp_path: Path) -> None:
    new_id, said = file_name_warnings(
        tmp_path, "Interview 14 - Gareth Jones with Karen.txt", {"Gareth Jones": "P14"}
    )
    assert new_id == "Interview 14 - P14 with Karen"
    assert said == [
        f"{tmp_path / 'Interview 14 - Gareth Jones with Karen.txt'}: the file's name holds a "
        "name of the pseudonym key (Gareth, Jones), so the outputs name the transcript "
        "'Interview 14 - P14 with Karen'; its new name holds Karen, which may be a name (a "
        "capitalised word roqa does not know), and the outputs carry it: rename the file"
    ]


def test_roqa_pseudonymise_warns_of_a_first_name_in_a_file_name(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "P14 - Karen interview.txt").write_text(
        "Interviewer: Hi?\nP14: Hello.\n", "utf-8"
    )
    run = roqa(
        "pseudonymise", tmp_path / "in", "--key", tmp_path / "key.csv", "--out", tmp_path / "o"
    )
    assert run.code == 0, run.err
    assert "P14 - Karen interview.txt: the file name holds Karen, which may be a name" in run.err


def test_help_names_the_file_of_a_new_key_and_of_a_keyed_name() -> None:
    """Before: the help gave zoom_P07.txt alone, where a new key names the file zoom_P01.txt."""
    run = roqa("pseudonymise", "--help")
    assert (
        "zoom_maria_okafor.vtt -> zoom_P01.txt with a new key, its first participant; "
        "zoom_P07.txt when the key has the row Maria Okafor,P07"
    ) in " ".join(run.out.split())


def test_a_full_name_in_the_file_name_is_the_name_of_its_one_word_speaker(tmp_path: Path) -> None:
    """Tester s51 privacy, 8: a first run with a new key, label ``Rhiannon:`` and the file
    ``Interview 03 - Rhiannon Llewellyn.txt``: the surname stayed in the talk (``I'm [P03]
    Llewellyn``) and in the case id (``Interview 03 - P03 Llewellyn``). The file name's full
    name is that speaker's, a row of the key."""
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "Interview 03 - Rhiannon Llewellyn.txt").write_text(
        "Interviewer: Could you introduce yourself?\n\n"
        "Rhiannon: I'm Rhiannon Llewellyn, the manager. Llewellyn is a Welsh name.\n\n"
        "Interviewer: Thanks, Rhiannon.\n",
        "utf-8",
    )
    key = tmp_path / "key.csv"
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["Interview 03 - P03.txt"]
    assert (tmp_path / "o" / "Interview 03 - P03.txt").read_text("utf-8") == (
        "Interviewer: Could you introduce yourself?\n\n"
        "P03: I'm [P03], the manager. [P03] is a Welsh name.\n\n"
        "Interviewer: Thanks, [P03].\n"
    )
    assert "Rhiannon Llewellyn,P03" in key.read_text("utf-8-sig").splitlines()
    assert "P03 Llewellyn" not in run.err


def test_a_place_in_the_file_name_is_no_full_name_of_its_speaker(tmp_path: Path) -> None:
    """Re-tester s51, 6: ``Interview 05 - Bryn Awel.txt`` (label ``Bryn:``, Bryn Awel a
    service, ``Bryn`` a word that opens a Welsh place's name) and ``Interview 06 - Rose
    Cottage.txt`` (``Cottage`` an everyday word) gave the key rows ``Bryn Awel,P05`` and ``Rose
    Cottage,P06``, silently: a place was a person's name across interviews."""
    folder = tmp_path / "fn"
    folder.mkdir()
    (folder / "Interview 05 - Bryn Awel.txt").write_text(
        "Interviewer: So you manage Bryn Awel?\n\nBryn: I do, yeah.\n", "utf-8"
    )
    (folder / "Interview 06 - Rose Cottage.txt").write_text(
        "Interviewer: Thanks for having me.\n\n"
        "Rose: We send people to Bryn Awel sometimes when we're full.\n",
        "utf-8",
    )
    key = tmp_path / "key.csv"
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert key.read_text("utf-8-sig").splitlines() == ["name,pseudonym", "Bryn,P05", "Rose,P06"]
    assert (tmp_path / "o" / "Interview 06 - P06 Cottage.txt").read_text("utf-8") == (
        "Interviewer: Thanks for having me.\n\n"
        "P06: We send people to Bryn Awel sometimes when we're full.\n"
    )
    err = " ".join(run.err.split())
    assert "its new name holds Awel, which may be a name" in err
    assert "gained" not in err


def test_a_row_taken_from_the_file_name_is_said(tmp_path: Path) -> None:
    """Re-tester s51, 6: the key's row ``Rhiannon Llewellyn,P03`` taken from the file name is
    said in one line, so the researcher checks it is her surname."""
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "Interview 03 - Rhiannon Llewellyn.txt").write_text(
        "Interviewer: Hello.\n\nRhiannon: I'm Rhiannon Llewellyn.\n", "utf-8"
    )
    key = tmp_path / "key.csv"
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert "Rhiannon Llewellyn,P03" in key.read_text("utf-8-sig").splitlines()
    assert (
        "the pseudonym key gained the row 'Rhiannon Llewellyn,P03' from the file's name, "
        "taken for the full name of the speaker 'Rhiannon': if it is not their name (a place, "
        "a service), delete that row and rename the file"
    ) in " ".join(run.err.split())


def test_a_one_word_speaker_is_the_keyed_full_name_of_the_file_name(tmp_path: Path) -> None:
    """Re-tester s51, 2: the key has ``Rhiannon Llewellyn,P03``, the file is ``Interview 03 -
    Rhiannon Llewellyn.txt`` and its label ``Rhiannon:``: she became P04, with a new row
    ``Rhiannon,P04``. The label is the first name of that row, whose full name the file name
    holds: she is P03."""
    folder = tmp_path / "rh"
    folder.mkdir()
    (folder / "Interview 03 - Rhiannon Llewellyn.txt").write_text(
        "Interviewer: Thanks for doing this, Rhiannon.\n\nRhiannon: I'm Rhiannon Llewellyn.\n",
        "utf-8",
    )
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nRhiannon Llewellyn,P03\n", "utf-8")
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert key.read_text("utf-8-sig").splitlines() == [
        "name,pseudonym",
        "Rhiannon Llewellyn,P03",
        "Rhiannon,P03",
    ]
    assert (tmp_path / "o" / "Interview 03 - P03.txt").read_text("utf-8") == (
        "Interviewer: Thanks for doing this, [P03].\n\nP03: I'm [P03].\n"
    )
    assert "gives someone else" not in run.err


@pytest.mark.parametrize(
    ("file_name", "written"),
    [
        ("p02_alpha.txt", "p06_P06.txt"),
        ("p02_interview.txt", "p06_interview.txt"),
        ("Interview 02 - notes.txt", "Interview 06 - notes.txt"),
    ],
)
def test_a_renumbered_participants_copy_is_named_with_the_new_number(
    tmp_path: Path, file_name: str, written: str
) -> None:
    """Session 52: with ``P02`` the key's for someone else, the participant of ``p02_alpha.txt``
    became P06, but the copy was written ``p02_P06.txt`` (and ``p02_interview.txt`` kept its
    name whole): its name said P02, another person's number. The file name's number is the new
    one, so the copy, its segment ids and its case agree."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / file_name).write_text("Interviewer: How is it?\n\nAlpha Jones: Fine.\n", "utf-8")
    (folder / "p05_beta.txt").write_text("Interviewer: How is it?\n\nBeta Brown: Fine.\n", "utf-8")
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nGamma Green,P02\n", "utf-8")
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == sorted([written, "p05_P05.txt"])
    assert (tmp_path / "o" / written).read_text(
        "utf-8"
    ) == "Interviewer: How is it?\n\nP06: Fine.\n"
    assert "gives someone else, so they are P06" in run.err
    # a later run, the key now holding her as P06, names the copy so too
    again = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "o2")
    assert again.code == 0, again.err
    assert sorted(p.name for p in (tmp_path / "o2").iterdir()) == sorted([written, "p05_P05.txt"])


def test_a_file_names_number_of_another_person_is_said_so(tmp_path: Path) -> None:
    """Codereview s52, 4: ``p02_alpha.txt`` of Maria Okafor, P06 in the key, where P02 is John
    Brown, was warned of as "the file's name holds a name of the pseudonym key": it holds no
    name but a number, another person's."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "p02_alpha.txt").write_text(
        "Interviewer: How is it?\n\nMaria Okafor: Fine.\n", "utf-8"
    )
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nMaria Okafor,P06\nJohn Brown,P02\n", "utf-8")
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["p06_alpha.txt"]
    assert run.err.splitlines() == [
        f"roqa: warning: {folder / 'p02_alpha.txt'}: the file's name holds the number of P02, "
        "someone else's in the key, so the outputs name the transcript 'p06_alpha'"
    ]


def test_a_file_names_number_of_another_person_is_said_as_the_key_writes_it(
    tmp_path: Path,
) -> None:
    """Blind test s55: ``interview_1.vtt`` of Tom Brennan, where the key gives ``P1`` (as a file
    name wrote it) to Maria Okafor, was said to hold "the number of P01", a pseudonym the key
    has nowhere; both warnings now name the key's P1."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "interview_1.txt").write_text(
        "Interviewer: How is it?\n\nTom Brennan: Fine.\n", "utf-8"
    )
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nMaria Okafor,P1\n", "utf-8")
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["interview_2.txt"]
    where = folder / "interview_1.txt"
    assert run.err.splitlines() == [
        f"roqa: warning: {where}: the file's name gives its participant the number P1, which the "
        "pseudonym key gives someone else, so they are P02: if they are that person, give their "
        "name that row's pseudonym in the key",
        f"roqa: warning: {where}: the file's name holds the number of P1, someone else's in the "
        "key, so the outputs name the transcript 'interview_2'",
    ]


def test_a_follow_up_interview_added_later_never_takes_the_first_ones_copy(tmp_path: Path) -> None:
    """hunt38 s87, HIGH-1 (why c69a3a1b was reverted): with the key row `Karen Hill,P14`, the
    first run wrote `P14 Karen.txt` alone; a second run of the folder, now with her follow-up
    `P14 Karen Hill.txt`, must leave the first interview's copy under its name with its talk
    (the decisions recorded for it follow its name), and write the follow-up under its own. A
    first name alone in a file name stays, warned of, rather than two files of one person being
    given one name and one of them renamed `-2` by the order they were read in."""
    folder = tmp_path / "in"
    folder.mkdir()
    first = "Interviewer: How do you plan the rota?\nP14: We plan the rota four weeks ahead.\n"
    second = "Interviewer: What changed since we spoke?\nP14: We bought a new system.\n"
    (folder / "P14 Karen.txt").write_text(first, encoding="utf-8")
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nKaren Hill,P14\n", encoding="utf-8")
    shared = tmp_path / "shared"
    assert (
        roqa(
            "pseudonymise", str(folder / "P14 Karen.txt"), "--key", str(key), "--out", str(shared)
        ).code
        == 0
    )
    before = {p.name: p.read_text(encoding="utf-8") for p in shared.glob("*.txt")}
    (folder / "P14 Karen Hill.txt").write_text(second, encoding="utf-8")
    assert roqa("pseudonymise", str(folder), "--key", str(key), "--out", str(shared)).code == 0
    after = {p.name: p.read_text(encoding="utf-8") for p in shared.glob("*.txt")}
    assert before == {"P14 Karen.txt": first}
    assert after == {"P14 Karen.txt": first, "P14 P14.txt": second}
