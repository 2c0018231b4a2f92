"""Specification of the interviewer a roqa ``.qdpx`` export records on each source.

A transcript whose interviewer only ``--interviewer NAME`` (or the guess of who asks the
questions) names was exported as its text alone, so importing the export again (``roqa import``,
``roqa inspect``, ``read_transcript``) guessed the roles again and could read the interviewer
as a participant, their prompts coded and charted (s74, MED). Each source now carries a text
variable ``Interviewer (roqa_nlp)`` naming its interviewers, as the REFI-QDA schema allows
(``<Variables>``, ``<VariableValue>``), and the import reads them back as interviewer labels of
that source. Projects carrying no such variable (the real NVivo, ATLAS.ti and qc exports) are
read as before. An interviewer roqa only guessed is recorded as a guess too (``Interviewer
guessed (roqa_nlp)``) and comes back as one, warned of again (s76 tidy: one round trip made the
guess a recorded fact and its warning was lost).
"""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from roqa_nlp.exchange import export_qdpx, read_qdpx
from roqa_nlp.exchange.qdpx_import import read_qdpx_transcripts
from roqa_nlp.exchange.validation import qdpx_schema_errors
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import SegmentResult, Suggestion, Transcript
from roqa_nlp.transcripts import read_transcript, read_transcripts
from roqa_nlp.transcripts.roles import speaker_warning
from roqa_nlp.transcripts.segment import segment
from test_cli_agree import run
from test_named_roles import _host_answers
from test_refiqda import NS, PROJECT_XSD, SAMPLES, needs_reference, small_codebook

# Helen leads with prompts that end on no question mark: nothing but --interviewer names her
PROMPTS = (
    "Helen: Thanks for making the time today. Tell me about your service and your role in it.\n"
    "Marcus: I'm the registered manager of a supported living service, about forty staff and "
    "twenty-two people we support.\n"
    "Helen: Talk me through what got in the way when you brought recovery practice in.\n"
    "Marcus: Money, mostly. The local authority pays a fixed hourly rate, so we can't release "
    "staff for training without leaving shifts short.\n"
    "Helen: And then what helped.\n"
    "Marcus: Our peer support workers made the biggest difference, and the board backed it.\n"
    "Helen: Thank you so much, Marcus.\n"
)


def roles(turns: list) -> dict[str, str]:
    return {t.speaker: t.role for t in turns}


def exported(tmp_path: Path, text: str = PROMPTS, **labels: list[str]) -> Path:
    """``text`` read with ``labels`` (as roqa code --interviewer/--participant reads it), its
    participant segments coded by hand, exported as roqa exports a run."""
    src = tmp_path / "rm08.txt"
    src.write_text(text, encoding="utf-8")
    return export_of([read_transcript(src, **labels)], tmp_path / "rm08.qdpx")


def export_of(transcripts: list[Transcript], out: Path) -> Path:
    """``transcripts``, their participant segments coded by hand, exported to ``out`` as roqa
    exports a run."""
    segs = [s for t in transcripts for s in segment(t)]
    assert segs, "the transcripts have participant talk to code"
    result = CodingResult(
        segments=[
            SegmentResult(s, [Suggestion("IS.E.2", "Available Resources", "IS", 1.0, "barrier")])
            for s in segs
        ],
        transcripts={t.id: t for t in transcripts},
        meta={"user": "Alice"},
    )
    export_qdpx(result, small_codebook(), out)
    return out


def test_the_interviewer_named_by_a_label_comes_back_from_the_export(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text(PROMPTS, encoding="utf-8")
    with pytest.warns(UserWarning, match="no interviewer among the speakers"):
        unnamed = read_transcript(plain)
    assert roles(unnamed.turns) == {
        "Helen": "participant",
        "Marcus": "participant",
    }, "without --interviewer nobody is the interviewer: the case this record is for"
    out = exported(tmp_path, interviewer_labels=["Helen"])
    [t] = read_qdpx_transcripts(out)
    assert roles(t.turns) == {"Helen": "interviewer", "Marcus": "participant"}
    assert read_qdpx(out).warnings == []  # no speaker warning, and the variable is no loss
    # every reader of a .qdpx: read_transcript(s), as roqa inspect and roqa code read it
    assert roles(read_transcripts([out])[0].turns) == roles(t.turns)


def test_the_record_is_a_schema_valid_text_variable_on_the_source(tmp_path: Path) -> None:
    out = exported(tmp_path, interviewer_labels=["Helen"])
    with zipfile.ZipFile(out) as z:
        root = ET.fromstring(z.read("project.qde"))
    [var] = root.iter(NS + "Variable")
    assert (var.get("name"), var.get("typeOfVariable")) == ("Interviewer (roqa_nlp)", "Text")
    [value] = root.iter(NS + "VariableValue")
    assert value.find(NS + "VariableRef").get("targetGUID") == var.get("guid")
    assert value.find(NS + "TextValue").text == "Helen"
    [src] = root.iter(NS + "TextSource")
    assert value in list(src)
    if PROJECT_XSD.exists():
        assert qdpx_schema_errors(out, PROJECT_XSD) == []


def test_inspect_of_the_export_gives_the_roles_of_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = exported(tmp_path, interviewer_labels=["Helen"])
    code, out_text, err = run(["inspect", str(out)], capsys)
    assert code == 0, err
    row = next(line for line in out_text.splitlines() if "Helen" in line)
    assert "interviewer" in row, out_text
    assert "no interviewer among the speakers" not in err + out_text


def test_labels_given_on_import_still_overrule_the_record(tmp_path: Path) -> None:
    """--participant at import names a participant whatever the export recorded."""
    out = exported(tmp_path, interviewer_labels=["Helen"])
    [t] = read_qdpx_transcripts(out, participant_labels=["Helen"])
    assert roles(t.turns)["Helen"] == "participant"


def test_a_participant_under_an_interviewer_label_stays_one(tmp_path: Path) -> None:
    """A participant who hosted the call (``Jane Smith (Host)``, read as one with --participant)
    is not made the interviewer again by the Host label on import."""
    text = PROMPTS.replace("Marcus:", "Jane Smith (Host):")
    out = exported(tmp_path, text, interviewer_labels=["Helen"], participant_labels=["Jane Smith"])
    [t] = read_qdpx_transcripts(out)
    assert roles(t.turns) == {"Helen": "interviewer", "Jane Smith (Host)": "participant"}


def test_projects_without_the_record_are_read_as_before(tmp_path: Path) -> None:
    """An export holding no interviewer (nobody named one) carries no variable."""
    with pytest.warns(UserWarning, match="no interviewer among the speakers"):
        out = exported(tmp_path)
    with zipfile.ZipFile(out) as z:
        assert b"Variable" not in z.read("project.qde")
    [t] = read_qdpx_transcripts(out)
    assert set(roles(t.turns).values()) == {"participant"}


@needs_reference
@pytest.mark.parametrize("name", ["qc-demo.qdpx", "atlasti-win-23-target.qdpx"])
def test_real_exports_carry_no_record(name: str) -> None:
    with zipfile.ZipFile(SAMPLES / name) as z:
        qde = next(n for n in z.namelist() if n.endswith(".qde"))
        assert b"Interviewer (roqa_nlp)" not in z.read(qde)


def test_two_interviewers_are_one_value_and_come_back_both(tmp_path: Path) -> None:
    text = PROMPTS.replace("Helen: And then what helped.", "Tom Bates: And then what helped.")
    out = exported(tmp_path, text, interviewer_labels=["Helen", "Tom Bates"])
    with zipfile.ZipFile(out) as z:
        root = ET.fromstring(z.read("project.qde"))
    assert [v.text for v in root.iter(NS + "TextValue")] == ["Helen; Tom Bates"]
    [t] = read_qdpx_transcripts(out)
    assert roles(t.turns) == {
        "Helen": "interviewer",
        "Marcus": "participant",
        "Tom Bates": "interviewer",
    }


def test_a_label_holding_the_separator_comes_back_whole(tmp_path: Path) -> None:
    text = PROMPTS.replace("Helen:", "Dr. Lee; Helen:")
    out = exported(tmp_path, text, interviewer_labels=["Dr. Lee; Helen"])
    [t] = read_qdpx_transcripts(out)
    assert roles(t.turns) == {"Dr. Lee; Helen": "interviewer", "Marcus": "participant"}


def test_the_variable_renamed_guid_by_a_program_is_known_by_its_name(tmp_path: Path) -> None:
    """A program that gives variables GUIDs of its own on export (as qc does codes)."""
    out = exported(tmp_path, interviewer_labels=["Helen"])
    with zipfile.ZipFile(out) as z:
        members = {n: z.read(n) for n in z.namelist()}
    from roqa_nlp.exchange.interviewer_record import VARIABLE_GUID

    new = "0000aaaa-0000-4000-8000-000000000001"
    members["project.qde"] = members["project.qde"].replace(VARIABLE_GUID.encode(), new.encode())
    moved = tmp_path / "moved.qdpx"
    with zipfile.ZipFile(moved, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)
    [t] = read_qdpx_transcripts(moved)
    assert roles(t.turns) == {"Helen": "interviewer", "Marcus": "participant"}


#: The end of the warning when --interviewer, added to the record, leaves no participant (hunt
#: s75 hunt2, LOW: it said "check that --interviewer names only the interviewer", not that
#: Helen came from the project's record nor how to overrule that).
FROM_THE_RECORD = (
    "so {nothing}: 'Helen' is named the interviewer by the project's 'Interviewer (roqa_nlp)' "
    "record of this source, and --interviewer adds 'Marcus' (check that --interviewer names only "
    "the interviewer; if the record names a participant, name them with --participant NAME, "
    "which overrules it)"
)


@pytest.mark.parametrize(
    ("command", "nothing"),
    [
        (
            "import",
            "every coded passage is read as the interviewer's, which roqa report does not chart",
        ),
        ("inspect", "there is nothing to code"),
    ],
)
def test_no_participant_left_says_the_record_named_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, nothing: str
) -> None:
    out = exported(tmp_path, interviewer_labels=["Helen"])
    args = [command, str(out), "--interviewer", "Marcus"]
    code, out_text, err = run(
        [*args, "--out", str(tmp_path / "imp")] if command == "import" else args, capsys
    )
    assert code == 0, err
    said = " ".join((err + out_text).split())
    assert "source 'rm08': no participant talk found: all 7 turns are the interviewer's" in said
    assert FROM_THE_RECORD.format(nothing=nothing) in said, said
    # who is whose is unchanged: the options add to the record, as docs/refi-qda.md says
    [t] = read_qdpx_transcripts(out, interviewer_labels=["Marcus"])
    assert roles(t.turns) == {"Helen": "interviewer", "Marcus": "interviewer"}


# -- a guessed interviewer stays a guess ---------------------------------------------------------

#: No label names an interviewer: Sam Roe is guessed as the one who asks the questions
SAM_ASKS = (
    "Sam Roe: Thanks for making the time today. What is your role in the service?\n"
    "Jane Doe: I'm the registered manager of a supported living service, about forty staff.\n"
    "Sam Roe: What got in the way when you brought recovery practice in?\n"
    "Jane Doe: Money, mostly. The local authority pays a fixed hourly rate.\n"
    "Sam Roe: And what helped?\n"
    "Jane Doe: Our peer support workers made the biggest difference.\n"
)
#: The warning of the run that guessed, as roqa import of a project says it (s76 tidy: after one
#: export and import round trip the guess was read as recorded, and this was not said)
GUESSED = (
    "source 'rm08': no speaker is named as the interviewer, so 'Sam Roe', who asks the "
    "questions (3 of 3 turns), was taken as the interviewer (name the interviewer with "
    "--interviewer NAME to choose otherwise)"
)


def guessed_export(tmp_path: Path) -> Path:
    with pytest.warns(UserWarning, match="'Sam Roe', who asks the questions"):
        return exported(tmp_path, SAM_ASKS)


def test_a_guessed_interviewer_is_recorded_as_a_guess(tmp_path: Path) -> None:
    out = guessed_export(tmp_path)
    with zipfile.ZipFile(out) as z:
        root = ET.fromstring(z.read("project.qde"))
    names = [v.get("name") for v in root.iter(NS + "Variable")]
    assert names == ["Interviewer (roqa_nlp)", "Interviewer guessed (roqa_nlp)"]
    assert [v.text for v in root.iter(NS + "TextValue")] == [
        "Sam Roe",
        "Sam Roe (who asks the questions)",
    ]
    if PROJECT_XSD.exists():
        assert qdpx_schema_errors(out, PROJECT_XSD) == []


def test_a_guessed_interviewer_comes_back_as_a_guess(tmp_path: Path) -> None:
    out = guessed_export(tmp_path)
    [t] = read_qdpx_transcripts(out)
    assert roles(t.turns) == {"Sam Roe": "interviewer", "Jane Doe": "participant"}
    assert t.metadata["interviewer_guessed"] == "Sam Roe"
    assert "variable" not in " ".join(read_qdpx(out).warnings)  # the guess is read, not left


@pytest.mark.parametrize("command", ["import", "inspect"])
def test_import_and_inspect_of_the_export_warn_of_the_guess_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    out = guessed_export(tmp_path)
    args = [command, str(out)]
    code, out_text, err = run(
        [*args, "--out", str(tmp_path / "imp")] if command == "import" else args, capsys
    )
    assert code == 0, err
    assert f"{out}: {GUESSED}" in " ".join((err + out_text).split())


def test_a_guess_from_the_study_comes_back_as_one(tmp_path: Path) -> None:
    """Sam Roe asks in p01 (guessed so) and, as Ada Lee asks back, is taken in p02 for
    interviewing in the study's other transcript: both guesses come back as they were."""
    study = tmp_path / "study"
    study.mkdir()
    (study / "p01.txt").write_text(SAM_ASKS.replace("Jane Doe", "Jo Bell"), encoding="utf-8")
    (study / "p02.txt").write_text(
        "Sam Roe: Thanks for joining. Happy to start?\n"
        "Ada Lee: Yes. Who else are you talking to? Managers only?\n"
        "Sam Roe: Mostly managers. Is that all right?\n"
        "Ada Lee: Fine. Will my trust be named? I want to be honest about the staffing.\n"
        "Sam Roe: No, everything is anonymised.\n"
        "Ada Lee: Good, because we were four nurses short all year and the rota fell apart.\n",
        encoding="utf-8",
    )
    with pytest.warns(UserWarning):
        read = read_transcripts(study)
    assert [t.metadata.get("interviewer_from_study") for t in read] == [None, ["Sam Roe"]]
    out = export_of(read, tmp_path / "study.qdpx")
    with zipfile.ZipFile(out) as z:
        root = ET.fromstring(z.read("project.qde"))
    assert [v.text for v in root.iter(NS + "TextValue")] == [
        "Sam Roe",
        "Sam Roe (who asks the questions)",
        "Sam Roe",
        "Sam Roe (who interviews in the study's other transcripts)",
    ]
    if PROJECT_XSD.exists():
        assert qdpx_schema_errors(out, PROJECT_XSD) == []
    p01, p02 = read_qdpx_transcripts(out)
    assert (
        p01.metadata.get("interviewer_guessed"),
        p01.metadata.get("interviewer_from_study"),
    ) == (
        "Sam Roe",
        None,
    )
    assert (
        p02.metadata.get("interviewer_guessed"),
        p02.metadata.get("interviewer_from_study"),
    ) == (
        None,
        ["Sam Roe"],
    )


def _with_values(out: Path, tmp_path: Path, old: str, new: str) -> Path:
    """``out`` with the text ``old`` of its project replaced by ``new`` (an edit in a QDA
    program)."""
    with zipfile.ZipFile(out) as z:
        members = {n: z.read(n) for n in z.namelist()}
    assert old.encode() in members["project.qde"]
    members["project.qde"] = members["project.qde"].replace(old.encode(), new.encode())
    edited = tmp_path / "edited.qdpx"
    with zipfile.ZipFile(edited, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)
    return edited


@pytest.mark.parametrize(
    ("old", "new", "interviewer"),
    [
        # the guess emptied once checked
        (
            "<TextValue>Sam Roe (who asks the questions)</TextValue>",
            "<TextValue></TextValue>",
            "Sam Roe",
        ),
        # another named in the record: it no longer names whom the guess took
        ("<TextValue>Sam Roe</TextValue>", "<TextValue>Jane Doe</TextValue>", "Jane Doe"),
    ],
)
def test_a_guess_checked_in_the_program_is_no_longer_one(
    tmp_path: Path, old: str, new: str, interviewer: str
) -> None:
    edited = _with_values(guessed_export(tmp_path), tmp_path, old, new)
    [t] = read_qdpx_transcripts(edited)
    assert "interviewer_guessed" not in t.metadata
    assert [s for s, r in roles(t.turns).items() if r == "interviewer"] == [interviewer]


@pytest.mark.parametrize(
    ("labels", "interviewers"),
    [
        ({"interviewer_labels": ["Jane Doe"]}, ["Sam Roe", "Jane Doe"]),
        ({"participant_labels": ["Sam Roe"]}, []),
    ],
)
def test_labels_given_on_import_make_the_guess_no_guess(
    tmp_path: Path, labels: dict[str, list[str]], interviewers: list[str]
) -> None:
    """A label given on import names someone: the guess is no longer all that names them."""
    out = guessed_export(tmp_path)
    [t] = read_qdpx_transcripts(out, **labels)
    assert "interviewer_guessed" not in t.metadata
    assert [s for s, r in roles(t.turns).items() if r == "interviewer"] == interviewers


def test_a_host_who_answered_is_said_so_again(tmp_path: Path) -> None:
    """Zoom marks Joanne Pike the host, but Dr Haddad asks every question: the guess took her
    for the interviewer and the host for the participant, and the import says so again."""
    with pytest.warns(UserWarning, match="is marked as the call's host"):
        t = read_transcript(_host_answers(tmp_path, 5))
    out = export_of([t], tmp_path / "host.qdpx")
    [back] = read_qdpx_transcripts(out)
    assert roles(back.turns) == {
        "Joanne Pike (Host)": "participant",
        "Dr Amira Haddad": "interviewer",
    }
    assert speaker_warning(back, interface="qdpx") == speaker_warning(t, interface="qdpx").replace(
        str(t.source), str(back.source)
    )


def test_naming_the_guessed_interviewer_on_import_ends_the_guess(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the warning says to: --interviewer "Sam Roe" names whom the run guessed."""
    out = guessed_export(tmp_path)
    [t] = read_qdpx_transcripts(out, interviewer_labels=["Sam Roe"])
    assert "interviewer_guessed" not in t.metadata
    assert roles(t.turns) == {"Sam Roe": "interviewer", "Jane Doe": "participant"}
    code, out_text, err = run(["inspect", str(out), "--interviewer", "Sam Roe"], capsys)
    assert code == 0, err
    assert "no speaker is named as the interviewer" not in err + out_text


#: Otter's export: Speaker 1 asks, and one of the questions is under Speaker 3 of its own
STRAY = Path(__file__).parent / "data" / "stray_asker" / "otter_stray_speaker.txt"


@pytest.mark.parametrize(
    ("labels", "guessed"),
    [
        (
            None,
            "Speaker 1 (who asks the questions); Speaker 3 (who only asks a question another "
            "speaker answers)",
        ),
        (["Speaker 1"], "Speaker 3 (who only asks a question another speaker answers)"),
    ],
)
def test_a_stray_asker_comes_back_as_one(
    tmp_path: Path, labels: list[str] | None, guessed: str
) -> None:
    """Speaker 3 only asks one question Speaker 2 answers, so is read as the interviewer: a
    guess too, which the import warns of as the run did (with the guessed lead interviewer, or
    with the one --interviewer named)."""
    with pytest.warns(UserWarning, match="'Speaker 3' only asks a question"):
        t = read_transcript(STRAY, interviewer_labels=labels)
    out = export_of([t], tmp_path / "stray.qdpx")
    with zipfile.ZipFile(out) as z:
        root = ET.fromstring(z.read("project.qde"))
    assert [v.text for v in root.iter(NS + "TextValue")] == ["Speaker 1; Speaker 3", guessed]
    if PROJECT_XSD.exists():
        assert qdpx_schema_errors(out, PROJECT_XSD) == []
    [back] = read_qdpx_transcripts(out)
    assert back.metadata["stray_askers"] == ["Speaker 3"]
    assert roles(back.turns) == roles(t.turns)
    assert speaker_warning(back, interface="qdpx") == speaker_warning(t, interface="qdpx").replace(
        str(t.source), str(back.source)
    )


#: The warning of a record that names no speaker of its source (hunt s76 M1).
STALE = (
    "source 'rm08': its 'Interviewer (roqa_nlp)' record names "
    "'Helen', whom no speaker of the source is called (its speakers: 'Interviewer', 'Marcus'): "
    "the record is out of date and is left out, the roles read from the labels as in a project "
    "without it (edit the record in the QDA program, or name the interviewer with "
    "--interviewer NAME)"
)


def test_a_record_naming_no_speaker_is_left_out_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record out of date (the project renamed ``Helen:`` to ``Interviewer:`` since, an
    anonymising edit) does not make the built-in ``Interviewer`` label a participant (hunt s76
    M1: its questions were coded, 4 turns to code, with a check naming 'Helen' as though the
    user had given her)."""
    text = PROMPTS.replace("Helen:", "Interviewer:").replace("?", "")
    out = exported(tmp_path, text)
    with zipfile.ZipFile(out) as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = members["project.qde"]
    assert qde.count(b"<TextValue>Interviewer</TextValue>") == 1, qde
    members["project.qde"] = qde.replace(
        b"<TextValue>Interviewer</TextValue>", b"<TextValue>Helen</TextValue>"
    )
    out.unlink()
    with zipfile.ZipFile(out, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        [t] = read_qdpx_transcripts(out)
    assert roles(t.turns) == {"Interviewer": "interviewer", "Marcus": "participant"}
    assert [str(w.message) for w in caught] == [f"{out}: {STALE}"]
    code, out_text, err = run(["inspect", str(out)], capsys)
    assert code == 0, err
    assert err.strip().splitlines() == [f"roqa: warning: {out}: {STALE}"], err
    assert "3 participant turn(s) to code" in out_text, out_text


def _record_edited(out: Path, was: bytes, now: bytes) -> None:
    """The export ``out`` with its record's value ``was`` made ``now``, as a QDA program edits it."""
    with zipfile.ZipFile(out) as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = members["project.qde"]
    assert qde.count(b"<TextValue>" + was + b"</TextValue>") == 1, qde
    members["project.qde"] = qde.replace(was, now)
    out.unlink()
    with zipfile.ZipFile(out, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)


def test_a_record_naming_a_speaker_and_a_dead_name_makes_no_one_a_participant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record that still names one speaker (Sam) but also one no speaker is called any more
    (Helen, renamed ``Interviewer:`` in the project) is out of date too: it made the built-in
    ``Interviewer`` label a participant, 5 turns to code, unsaid (s76 hfix2, LOW). Sam is still
    read from it; the dead name is said in the words of the record left out."""
    text = PROMPTS.replace("Helen:", "Interviewer:").replace(
        "Interviewer: Thank you so much", "Sam: Anything else to add?\nMarcus: No.\nSam: Thanks"
    )
    out = exported(tmp_path, text, interviewer_labels=["Interviewer", "Sam"])
    _record_edited(out, b"Interviewer; Sam", b"Helen; Sam")
    said = (
        "source 'rm08': its 'Interviewer (roqa_nlp)' record names 'Helen', whom no speaker of "
        "the source is called (its speakers: 'Interviewer', 'Marcus', 'Sam'): the record is out "
        "of date: only 'Sam' read from it as interviewers, and it makes no speaker a participant "
        "(edit the record in the QDA program, or name the interviewer with --interviewer NAME)"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        [t] = read_qdpx_transcripts(out)
    assert roles(t.turns) == {
        "Interviewer": "interviewer",
        "Marcus": "participant",
        "Sam": "interviewer",
    }
    assert [str(w.message) for w in caught] == [f"{out}: {said}"]
    code, out_text, err = run(["inspect", str(out)], capsys)
    assert code == 0, err
    assert err.strip().splitlines() == [f"roqa: warning: {out}: {said}"], err
    assert "4 participant turn(s) to code" in out_text, out_text


def test_a_record_naming_every_speaker_still_makes_another_interviewer_a_participant(
    tmp_path: Path,
) -> None:
    """No dead name, no change: a speaker the default labels read as an interviewer whom the
    record does not name (``Researcher``, read with --participant Researcher on export) is a
    participant again, and nothing is warned of."""
    text = PROMPTS.replace("Marcus:", "Researcher:")
    out = exported(tmp_path, text, interviewer_labels=["Helen"], participant_labels=["Researcher"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        [t] = read_qdpx_transcripts(out)
    assert roles(t.turns) == {"Helen": "interviewer", "Researcher": "participant"}
    assert [str(w.message) for w in caught] == []
