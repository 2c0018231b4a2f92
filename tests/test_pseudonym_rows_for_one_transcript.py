"""A word of a key row for one transcript alone (column ``transcript``), left in another
transcript, is listed there among the key's words still in the talk, wherever it stands
capitalised (docs/privacy.md, "Words listed to check").

s76 hunt q2: with ``Rose,Beryl,../raw/p07.txt``, "Rose said we lacked staff. Rose runs the rota."
in p06.txt kept "Rose" twice, and no list named it: it only opens sentences, and "rose" is an
everyday word.
"""

from __future__ import annotations

from pathlib import Path

from test_cli_core import roqa


def _study(tmp_path: Path, rows: str) -> tuple[Path, Path]:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "p06.txt").write_text(
        "Interviewer: What gets in the way?\n"
        "Participant: Rose said we lacked staff. Rose runs the rota. Will it last?\n",
        encoding="utf-8",
    )
    (raw / "p07.txt").write_text(
        "Interviewer: And what helped?\nParticipant: Rose backed us. Our manager Rose was great.\n",
        encoding="utf-8",
    )
    keys = tmp_path / "keys"
    keys.mkdir()
    key = keys / "key.csv"
    key.write_text(f"name,pseudonym,transcript\n{rows}", encoding="utf-8")
    return raw, key


def test_a_word_of_a_row_for_another_transcript_is_listed_where_it_stays(
    tmp_path: Path,
) -> None:
    raw, key = _study(tmp_path, "Rose,Beryl,../raw/p07.txt\nWill,deputy,../raw/p07.txt\n")
    run = roqa("pseudonymise", raw, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    p06, p07 = ((tmp_path / "out" / f).read_text(encoding="utf-8") for f in ("p06.txt", "p07.txt"))
    assert p07.endswith("[Beryl] backed us. Our manager [Beryl] was great.\n")
    assert p06.endswith("Rose said we lacked staff. Rose runs the rota. Will it last?\n")
    said = " ".join(run.out.split())
    assert "Still in the talk: 1 word(s) of names in the key" in said
    assert "Word, times, transcripts, a word of the name of: Rose 2 p06 [Beryl] Wrote" in said


def test_a_row_of_the_study_keeps_its_own_rule(tmp_path: Path) -> None:
    """The same row for every transcript replaces "Rose" in both: nothing is left to list."""
    raw, key = _study(tmp_path, "Rose,Beryl,\n")
    run = roqa("pseudonymise", raw, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    p06 = (tmp_path / "out" / "p06.txt").read_text(encoding="utf-8")
    assert p06.endswith("[Beryl] said we lacked staff. [Beryl] runs the rota. Will it last?\n")
    assert "Still in the talk" not in run.out


def _vtt(turns: list[str]) -> str:
    cues = [
        f"00:00:{5 * k:02d}.000 --> 00:00:{5 * k + 4:02d}.000\n{turn}\n"
        for k, turn in enumerate(turns)
    ]
    return "WEBVTT\n\n" + "\n".join(cues)


def test_a_label_joining_a_participant_number_is_keyed_for_its_transcript_alone(
    tmp_path: Path,
) -> None:
    """Session 77 hunt1 F1b (HIGH): ``TL:`` read as one person with ``P04:`` in P04's interview
    was keyed ``TL,P04`` for the whole study, so in Sarah Jones's interview, where the same
    quote stands under ``TL:``, P04 spoke inside P05's copy. The row is P04's transcript's
    alone; elsewhere TL is no one of the key's."""
    raw = tmp_path / "raw"
    raw.mkdir()
    quote = "TL: We can't spare you this month."
    for name, label in (("interview_04.vtt", "P04"), ("sarah_jones.vtt", "Sarah Jones")):
        (raw / name).write_text(
            _vtt(
                [
                    "Interviewer: Did you ask to go on the training course?",
                    f"{label}: I asked my team leader and she just said",
                    quote,
                    "Interviewer: How often did that happen?",
                    f"{label}: Every time I asked, more or less.",
                ]
            ),
            encoding="utf-8",
        )
    key = tmp_path / "key.csv"
    out = tmp_path / "out"
    run = roqa(
        "pseudonymise", raw / "interview_04.vtt", raw / "sarah_jones.vtt", "--key", key, "-o", out
    )
    assert run.code == 0, run.err
    rows = key.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0] == "name,pseudonym,transcript"
    assert sorted(rows[1:]) == [
        "Sarah Jones,P05,",
        "TL,P04,raw/interview_04.vtt",
        "TL,P06,",
    ]
    p04 = (out / "interview_04.txt").read_text(encoding="utf-8")
    p05 = (out / "P05.txt").read_text(encoding="utf-8")
    assert "P04: We can't spare you this month." in p04
    assert "P04" not in p05
    assert "P05: I asked my team leader and she just said" in p05


def test_a_lower_case_row_for_another_transcript_is_listed_where_it_stays(
    tmp_path: Path,
) -> None:
    """s77 hunt2 F6: with ``kerry,Beryl,../raw/p07.txt`` (a row written in lower case is that
    spelling), "kerry" left in p06.txt was listed nowhere; where it was replaced, in p07.txt,
    it is listed as replaced in lower case, with its pseudonym."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "p06.txt").write_text(
        "Interviewer: What gets in the way?\n"
        "Participant: kerry said we lacked staff. kerry runs the rota.\n",
        encoding="utf-8",
    )
    (raw / "p07.txt").write_text(
        "Interviewer: And what helped?\nParticipant: kerry backed us. Our manager kerry was great.\n",
        encoding="utf-8",
    )
    (tmp_path / "keys").mkdir()
    key = tmp_path / "keys" / "key.csv"
    key.write_text("name,pseudonym,transcript\nkerry,Beryl,../raw/p07.txt\n", encoding="utf-8")
    run = roqa("pseudonymise", raw, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert (
        (tmp_path / "out" / "p06.txt")
        .read_text(encoding="utf-8")
        .endswith("Participant: kerry said we lacked staff. kerry runs the rota.\n")
    )
    said = " ".join(run.out.split())
    assert "a word of the name of: kerry 2 p06 [Beryl] Replaced in lower case: 1 word(s)" in said
    assert "Word, times, transcripts, a word of the name of: kerry 2 p07 [Beryl] Wrote" in said


def _tl_study(tmp_path: Path, *, with_p04: bool = True) -> Path:
    """Sarah Jones's interview, where her team leader speaks under ``TL:``, and (``with_p04``)
    P04's, where P04 and the one under ``TL:`` were read as one person."""
    raw = tmp_path / "raw"
    raw.mkdir()
    files = [("sarah_jones.vtt", "Sarah Jones")]
    if with_p04:
        files.insert(0, ("interview_04.vtt", "P04"))
    for name, label in files:
        (raw / name).write_text(
            _vtt(
                [
                    "Interviewer: Did you ask to go on the training course?",
                    f"{label}: I asked my team leader and she just said",
                    "TL: We can't spare you this month.",
                    "Interviewer: How often did that happen?",
                    f"{label}: Every time I asked, more or less.",
                ]
            ),
            encoding="utf-8",
        )
    return raw


def _alias_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "is keyed P04 for the whole study" in line]


def test_an_alias_row_of_an_older_key_relabels_no_one_where_its_participant_does_not_speak(
    tmp_path: Path,
) -> None:
    """s78 pfix task 4 (MED): a key written before session 77 holds ``TL,P04`` for the whole
    study (TL read as P04's alias in interview_04), and Sarah Jones's ``TL:`` still became P04,
    P04 speaking inside P05's copy, unsaid. P04 speaks in interview_04 (``P04:``), not in Sarah
    Jones's interview: there TL takes a row of that transcript alone, warned once; the next run
    with the key so written is silent and writes the same."""
    raw = _tl_study(tmp_path)
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nTL,P04\nSarah Jones,P05\n", encoding="utf-8")
    first = roqa("pseudonymise", raw, "--key", key, "-o", tmp_path / "o1")
    assert first.code == 0, first.err
    assert _alias_lines(first.err) == [
        f"roqa: warning: {raw / 'sarah_jones.vtt'}: the label 'TL' is keyed P04 for the "
        f"whole study, but P04 is the participant of {raw / 'interview_04.vtt'} and does "
        "not speak here, so here 'TL' is P06, in a row for this transcript alone added to the key "
        "(column transcript); a key from before session 77 keyed a label read as P04's alias in "
        "one interview so: give that row the transcript it is P04's in, and if 'TL' here is P04 "
        "too, delete the row added"
    ]
    assert key.read_text(encoding="utf-8").splitlines() == [
        "name,pseudonym,transcript",
        "TL,P04,",
        "Sarah Jones,P05,",
        "TL,P06,raw/sarah_jones.vtt",
    ]
    p05 = (tmp_path / "o1" / "P05.txt").read_text(encoding="utf-8")
    assert "P06: We can't spare you this month." in p05
    assert "P04" not in p05
    p04 = (tmp_path / "o1" / "interview_04.txt").read_text(encoding="utf-8")
    assert "P04: We can't spare you this month." in p04
    written = key.read_text(encoding="utf-8")
    again = roqa("pseudonymise", raw, "--key", key, "-o", tmp_path / "o2")
    assert again.code == 0, again.err
    assert _alias_lines(again.err) == []
    assert key.read_text(encoding="utf-8") == written
    for name in ("P05.txt", "interview_04.txt"):
        assert (tmp_path / "o2" / name).read_text(encoding="utf-8") == (
            tmp_path / "o1" / name
        ).read_text(encoding="utf-8")


def test_an_alias_row_whose_number_another_row_gives_relabels_no_one_elsewhere(
    tmp_path: Path,
) -> None:
    """The same older row, Sarah Jones's interview given alone: the key gives P04 to Maria
    Okafor, who does not speak there, so ``TL:`` there is not P04."""
    raw = _tl_study(tmp_path, with_p04=False)
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nMaria Okafor,P04\nTL,P04\nSarah Jones,P05\n", encoding="utf-8")
    run = roqa("pseudonymise", raw, "--key", key, "-o", tmp_path / "o")
    assert run.code == 0, run.err
    assert _alias_lines(run.err) == [
        f"roqa: warning: {raw / 'sarah_jones.vtt'}: the label 'TL' is keyed P04 for the whole "
        "study, but P04 is the participant of Maria Okafor's row of the key and does not speak "
        "here, so here 'TL' is P06, in a row for this transcript alone added to the key (column "
        "transcript); a key from before session 77 keyed a label read as P04's alias in one "
        "interview so: give that row the transcript it is P04's in, and if 'TL' here is P04 too, "
        "delete the row added"
    ]
    p05 = (tmp_path / "o" / "P05.txt").read_text(encoding="utf-8")
    assert "P06: We can't spare you this month." in p05


def test_a_one_word_participant_of_its_own_keeps_its_number_on_every_run(tmp_path: Path) -> None:
    """The row roqa writes for ``TL:`` as a participant of its own (``TL,P06``, for the study)
    is not taken for an older key's alias: runs with the key it wrote are silent and the same."""
    raw = _tl_study(tmp_path, with_p04=False)
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nSarah Jones,P05\n", encoding="utf-8")
    first = roqa("pseudonymise", raw, "--key", key, "-o", tmp_path / "o1")
    assert first.code == 0, first.err
    assert key.read_text(encoding="utf-8").splitlines() == [
        "name,pseudonym",
        "Sarah Jones,P05",
        "TL,P06",
    ]
    again = roqa("pseudonymise", raw, "--key", key, "-o", tmp_path / "o2")
    assert again.code == 0, again.err
    assert "is keyed" not in again.err
    assert key.read_text(encoding="utf-8").splitlines()[1:] == ["Sarah Jones,P05", "TL,P06"]
    assert (tmp_path / "o2" / "P05.txt").read_text(encoding="utf-8") == (
        tmp_path / "o1" / "P05.txt"
    ).read_text(encoding="utf-8")
