"""A Zoom display name that names a device or a guest ('iPhone', 'Samsung Galaxy S21', 'Zoom
user', 'Guest 2'), not a person, is named to check by roqa inspect and roqa code, with how to
relabel it. Session 42 tester: Sarah Khan rejoining from her phone as 'iPhone' was read as a
fourth participant silently (Table 2 counted her twice, pseudonymise gave her two numbers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.devices import device_name_warning, device_names
from test_cli_core import roqa


def _vtt(turns: list[tuple[str, str]]) -> str:
    cues = [
        f"{i}\n00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.000\n{who}: {said}\n"
        for i, (who, said) in enumerate(turns, 1)
    ]
    return "WEBVTT\n\n" + "\n".join(cues)


_CALL = [
    ("Dr Ann Lee", "What gets in the way of recovery work at your house?"),
    ("Mina Shah", "Staffing, mostly, and the paperwork that came with the new template."),
    ("Tom Reid", "For me it is the rota, nobody plans ahead any more."),
    ("Dr Ann Lee", "And what helps?"),
    ("iPhone", "Sorry, I dropped out. The team meetings help, when they happen."),
    ("Dr Ann Lee", "Does anyone else want to add something?"),
    ("Guest 2", "The allotment project has been the best thing for the residents."),
    ("Dr Ann Lee", "Thank you both."),
]


@pytest.mark.parametrize(
    ("label", "device"),
    [
        ("iPhone", True),
        ("iPad (2)", True),
        ("Samsung Galaxy S21", True),
        ("Android", True),
        ("Galaxy A52 5G", True),
        ("Zoom user", True),
        ("Guest 2", True),
        ("iPhone 12 Pro Max", True),
        ("Mina's iPhone", False),  # names Mina: her rejoin, read as her
        ("Mina Shah", False),
        ("Pro", False),  # a model word alone names no device
        ("P07", False),
        ("Galaxy Smith", False),
    ],
)
def test_a_device_or_guest_display_name_is_told_from_a_persons(
    tmp_path: Path, label: str, device: bool
) -> None:
    f = tmp_path / "call.vtt"
    turns = [("Interviewer", "What helps?"), (label, "The team does, mostly.")]
    f.write_text(_vtt([*turns, ("Interviewer", "And?"), (label, "The manager too.")]), "utf-8")
    t = read_transcript(f)
    assert device_names(t) == ([label] if device else [])


def test_inspect_and_code_name_the_device_and_guest_names_to_relabel(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    f = tmp_path / "site_call.vtt"
    f.write_text(_vtt(_CALL), "utf-8")
    expected = (
        f"{f}: 'iPhone' and 'Guest 2' are the names a video call gives a device or a guest, not "
        "a person's: each is read as a participant of its own (counted and cited apart); "
        "if one is a participant who joined from another device, put their name in "
        "place of it in the file ('iPhone: ...' -> 'Mina Shah: ...'), or rename them in the "
        "call before saving the transcript"
    )
    t = read_transcript(f, interviewer_labels=["Dr Ann Lee"])
    assert device_name_warning(t) == expected
    found = json.loads(roqa("inspect", f, "--interviewer", "Dr Ann Lee", "--json").out)
    assert found[0]["device_names"] == expected
    run = roqa(
        "code", f, "--interviewer", "Dr Ann Lee", "--out", tmp_path / "out", "--model",
        tiny_model_dir, "--no-report",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert f"roqa: note: {expected}" in run.err.splitlines()


def test_a_device_read_as_the_one_person_named_is_not_named_again(tmp_path: Path) -> None:
    """Maria Okafor, then iPhone: read as one person already (and named to check as one
    participant under two labels), so the device is not said to be a participant of its own."""
    f = tmp_path / "p17_call.vtt"
    f.write_text(
        _vtt(
            [
                ("Dr Ann Lee", "What gets in the way?"),
                ("Maria Okafor", "Staffing, mostly."),
                ("Dr Ann Lee", "And what helps?"),
                ("iPhone", "Sorry, I dropped out. The team meetings help."),
            ]
        ),
        "utf-8",
    )
    t = read_transcript(f, interviewer_labels=["Dr Ann Lee"])
    assert device_names(t) == []
    assert device_name_warning(t) is None
