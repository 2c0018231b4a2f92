"""A pseudonym key's row of one transcript may name it without its extension (``../raw/P05``);
the row roqa adds for that transcript names it with it (``../raw/P05.txt``). Read back, the two
spellings were two sets of rows and the first hid the second: each run added another row for
the interviewer (Interviewer 2, then Interviewer 3), and the third refused the key for two
pseudonyms (code review). Both spellings are one transcript's rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa

TALK = (
    "Tom Hale: Thanks Kate. What helps recovery work in your service?\n"
    "Kate: Honestly, the team. We have good supervision and we talk about hope every week.\n"
    "Tom Hale: And what gets in the way?\n"
    "Kate: Staffing, mostly. We lost two support workers this year.\n"
)


def test_rows_of_one_transcript_spelled_two_ways_are_one_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("raw").mkdir()
    Path("keys").mkdir()
    Path("raw/P05.txt").write_text(TALK, encoding="utf-8")
    key = Path("keys/key.csv")
    key.write_text(
        "name,pseudonym,transcript\nKate,Interviewer,\nTom Hale,P02,\nKate,P05,../raw/P05\n",
        encoding="utf-8",
    )
    keys = []
    for i in range(3):
        run = roqa("pseudonymise", "raw", "--key", str(key), "--out", f"out{i}",
                   "--interviewer", "Tom Hale")  # fmt: skip
        assert run.code == 0, run.err
        keys.append(key.read_text(encoding="utf-8-sig"))
        assert Path(f"out{i}/P05.txt").read_text(encoding="utf-8").splitlines()[:2] == [
            "Interviewer 2: Thanks [P05]. What helps recovery work in your service?",
            "P05: Honestly, the team. We have good supervision and we talk about hope every week.",
        ]
    assert keys == [keys[0]] * 3
    assert keys[0].splitlines()[-2:] == [
        "Kate,P05,../raw/P05",
        "Tom Hale,Interviewer 2,../raw/P05.txt",
    ]
