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
