"""Specification of ``roqa agree project.qdpx --interviewer NAME`` (and ``--participant``).

``roqa agree`` reads a ``.qdpx``'s sources into speaker turns as ``roqa import`` does, and notes
the coded units that lie wholly in interviewers' turns (a coded question is compared as any
other, though ``roqa code`` skips those turns). A project whose interviewer no label names
(a Zoom export's ``Sam Roe:``) read everyone as a participant, so that note was never given
and nothing said why; ``roqa import`` took ``--interviewer`` for this, ``roqa agree`` did not
(s71). Now agree takes the options with import's meaning and warns of such a source as import
does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_agree import run
from test_import_cli_sources import ALICE, TEXT, coded, no_interviewer
from test_refiqda import build_qdpx, project_xml

BOB = "00000000-0000-4000-8000-0000000000bb"
USERS = f'<User guid="{ALICE}" name="Alice"/><User guid="{BOB}" name="Bob"/>'
QUESTION = "rm01:@9-67"


def two_coders(tmp_path: Path, text: str = TEXT) -> Path:
    """Alice and Bob each coded the first question and its answer Staffing."""
    q, q_end = text.index("Thanks"), text.index("moment?") + 7
    a, a_end = text.index("Honestly"), text.index("get.") + 4
    inside = "".join(coded(s, e, u) for u in (ALICE, BOB) for s, e in ((q, q_end), (a, a_end)))
    source = (
        '<TextSource guid="00000000-0000-4000-8000-000000000011" name="rm01" '
        f'plainTextPath="internal://rm01.txt">{inside}</TextSource>'
    )
    return build_qdpx(
        tmp_path / "two.qdpx", project_xml(source, users=USERS), {"sources/rm01.txt": text.encode()}
    )


def test_agree_names_the_interviewer_of_a_project_with_interviewer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = two_coders(tmp_path)
    code, out, err = run(["agree", str(path), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "lies wholly in interviewers' turns" not in out
    # said, as roqa import says it, with the fix
    assert err == no_interviewer(path)

    code, out, err = run(["agree", str(path), "--n-boot", "0", "--interviewer", "Sam Roe"], capsys)
    assert code == 0, err
    assert err == ""
    assert f"1 of the 2 coded units compared lies wholly in interviewers' turns ({QUESTION} " in (
        " ".join(out.split())
    )
    # the figures are the same: roles give the note, not the units
    assert "2 coders: Alice, Bob; 2 units (segments), 2 coded by someone" in out


def test_agree_participant_overrules_an_interviewer_label(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--participant as import's: 'Host' is an interviewer label, here the participant, so the
    answer is no unit of an interviewer's turn; Sam Roe's question still is."""
    text = TEXT.replace("Jane Doe:", "Host:    ")
    path = two_coders(tmp_path, text)
    args = ["agree", str(path), "--n-boot", "0", "--interviewer", "Sam Roe"]
    code, out, err = run(args, capsys)
    assert code == 0, err
    assert "2 of the 2 coded units compared lie wholly in interviewers' turns" in (
        " ".join(out.split())
    )
    code, out, err = run([*args, "--participant", "Host"], capsys)
    assert code == 0, err
    assert "1 of the 2 coded units compared lies wholly in interviewers' turns" in (
        " ".join(out.split())
    )


def test_agree_says_interviewer_is_not_used_without_a_qdpx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A result folder's turns were read when it was coded or imported: the option changes
    nothing there, and a warning says so, as for --model-threshold with no model."""
    path = two_coders(tmp_path)
    code, _, err = run(["import", str(path), "--out", str(tmp_path / "imp")], capsys)
    assert code == 0, err
    folders = [str(tmp_path / "imp" / "codings" / c) for c in ("Alice", "Bob")]
    code, out, err = run(["agree", *folders, "--n-boot", "0", "--interviewer", "Sam Roe"], capsys)
    assert code == 0, err
    assert (
        "Warning: --interviewer is not used: no input is a .qdpx (they read its sources' "
        "speakers; a result folder's were read when it was coded or imported: give them to "
        "roqa code or roqa import)."
    ) in " ".join(out.split())
