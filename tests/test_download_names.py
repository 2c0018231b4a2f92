"""Specification of transcripts named as a browser names one file downloaded again (daily27,
s90, D2): Teams' ``Research interview.vtt``, ``Research interview (1).vtt`` and ``(2)`` became
three cases under those names, and saturation judged the first download third, with no word
in `roqa inspect`, `roqa code` or the saturation note. roqa renames nothing and says so once,
naming the files and the fix; a pseudonym key giving each display name an id leaves nothing
to say."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.framework import saturation
from roqa_nlp.result import CodingResult
from roqa_nlp.transcripts.download_names import download_copies
from test_cli_core import roqa

NAMES = ["Research interview", "Research interview (1)", "Research interview (2)"]
PEOPLE = ["Hannah Whitfield", "Aisha Mahmood", "Ruth Okonjo"]

WARNING = (
    "roqa: warning: Research interview, Research interview (1) and Research interview (2) are "
    "named as a browser names one file downloaded again, with no participant id in their "
    "names, headers or labels: each is a case under its file name, cited so in Table 2, and "
    "saturation takes them in the order coded, which need not be the order they were done in; "
    "rename each file after its participant (P01.vtt), or code them with --pseudonymise KEY "
    "(each display name's participant id), and give the order they were done in with roqa "
    "report --order"
)


@pytest.fixture()
def downloads(tmp_path: Path) -> Path:
    """Three Teams transcripts as a browser saved them, one meeting title."""
    folder = tmp_path / "teams"
    folder.mkdir()
    for name, person in zip(NAMES, PEOPLE, strict=True):
        (folder / f"{name}.vtt").write_text(
            "WEBVTT\n\n"
            "00:00:01.000 --> 00:00:05.000\n"
            "<v Priya Nair>What gets in the way of recovery work in your service?</v>\n\n"
            "00:00:05.500 --> 00:00:12.000\n"
            f"<v {person}>Staffing is the big one, we never have enough support workers "
            "on shift to sit down with people and plan their goals.</v>\n",
            encoding="utf-8",
        )
    return folder


def test_names_one_browser_download_mark_apart_are_grouped() -> None:
    found = download_copies(
        [
            ("Research interview (1)", "Research interview (1)"),
            ("Research interview", "Research interview"),
            ("Research interview(2)", "Research interview(2)"),
            ("Team meeting (1)", "P04"),  # a participant id found: no case under the name
            ("Team meeting (2)", "Team meeting (2)"),  # alone
            ("P01", "P01"),
            ("notes", "notes"),
            ("notes v2", "notes v2"),  # no browser's mark
        ]
    )
    assert found == [["Research interview", "Research interview (1)", "Research interview(2)"]]


def test_roqa_inspect_warns_once_of_names_a_browser_gave(downloads: Path) -> None:
    run = roqa("inspect", downloads, "--interviewer", "Priya Nair")
    assert run.code == 0, run.err
    lines = [line for line in run.err.splitlines() if "browser" in line]
    assert lines == [WARNING]


def test_roqa_code_warns_once_and_the_saturation_note_says_the_fix(
    downloads: Path, tmp_path: Path, tiny_model_dir: Path
) -> None:
    out = tmp_path / "coded"
    run = roqa(
        "code", downloads, "--out", out, "--model", tiny_model_dir, "--interviewer", "Priya Nair"
    )
    assert run.code == 0, run.err
    assert [line for line in run.err.splitlines() if "browser" in line] == [WARNING]
    result = CodingResult.read(out)
    assert saturation(result).order_note == (
        "saturation takes Research interview (1), Research interview (2) and Research "
        "interview in the order they were coded, but a browser named them, downloading one "
        "name again, so their names say nothing of the order they were done in; give that "
        "order as every transcript's id (here the order taken, with the downloads in the order "
        'downloaded: `roqa report --order "Research interview,Research interview (1),Research '
        'interview (2)"`, or a file with one per line), or rename each file after its '
        "participant (P01.vtt) or code them with --pseudonymise KEY"
    )
    assert saturation(result, order=",".join(NAMES)).order_note == ""


def test_the_order_to_give_names_every_interview_of_the_study(
    downloads: Path, tmp_path: Path, tiny_model_dir: Path
) -> None:
    """hunt55 (s90), M2: beside P01 and P02 the example named only the downloads; pasted, it
    left P01 and P02 out of saturation. It names all four, the downloads in download order."""
    (downloads / "Research interview (2).vtt").unlink()
    for who in ("P01", "P02"):
        text = (downloads / "Research interview.vtt").read_text(encoding="utf-8")
        (downloads / f"{who}.vtt").write_text(text, encoding="utf-8")
    out = tmp_path / "coded"
    run = roqa(
        "code", downloads, "--out", out, "--model", tiny_model_dir, "--interviewer", "Priya Nair"
    )
    assert run.code == 0, run.err
    result = CodingResult.read(out)
    note = saturation(result).order_note
    example = "P01,P02,Research interview,Research interview (1)"
    assert note.startswith(
        "saturation takes Research interview (1) and Research interview in the order they "
        "were coded, "
    )
    assert f'`roqa report --order "{example}"`' in note
    given = saturation(result, order=example)
    assert (given.participants, given.order_note) == (example.split(","), "")


def test_a_key_giving_each_display_name_an_id_leaves_nothing_to_say(
    downloads: Path, tmp_path: Path, tiny_model_dir: Path
) -> None:
    key = tmp_path / "key.csv"
    key.write_text(
        "name,pseudonym\nHannah Whitfield,P01\nAisha Mahmood,P03\nRuth Okonjo,P05\n"
        "Priya Nair,Interviewer\n",
        encoding="utf-8",
    )
    out = tmp_path / "coded"
    run = roqa(
        "code", downloads, "--out", out, "--model", tiny_model_dir, "--interviewer",
        "Priya Nair", "--pseudonymise", key,
    )  # fmt: skip
    assert run.code == 0, run.err
    assert "browser" not in run.err
    result = CodingResult.read(out)
    assert sorted(result.participant_of(t) for t in result.transcripts) == ["P01", "P03", "P05"]
    assert "browser" not in saturation(result).order_note
