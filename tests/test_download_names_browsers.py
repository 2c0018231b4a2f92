"""Specification (s91): names are taken for a browser's download copies only as browsers
write them. Chrome and Edge keep the name and number each later download `` (1)``,
`` (2)`` ...; Firefox ``(1)``, ``(2)`` with no space; Safari ``-1``, ``-2``: a group needs the
unmarked name and its copy numbered 1, since a browser writes 1 first. ``Site A`` beside
``Site A (2)`` (a second site A, or the researcher's own numbering), ``Focus group 2`` (Finder's
copy, or a researcher's second group) and counters a browser never writes (``(0)``, ``(01)``)
are not, and are not warned of."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.transcripts.download_names import download_copies
from test_cli_core import roqa

RI = "Research interview"

#: each name set with the groups of download copies in it (the truth)
TABLE: list[tuple[list[str], list[list[str]]]] = [
    # the browsers' copies
    ([RI, f"{RI} (1)"], [[RI, f"{RI} (1)"]]),  # Chrome, Edge
    ([f"{RI} (2)", RI, f"{RI} (1)"], [[RI, f"{RI} (1)", f"{RI} (2)"]]),
    ([RI, f"{RI}(1)"], [[RI, f"{RI}(1)"]]),  # Firefox
    ([RI, f"{RI}(1)", f"{RI}(2)"], [[RI, f"{RI}(1)", f"{RI}(2)"]]),
    ([RI, f"{RI}-1"], [[RI, f"{RI}-1"]]),  # Safari
    ([RI, f"{RI}-2", f"{RI}-1"], [[RI, f"{RI}-1", f"{RI}-2"]]),
    (["transcript", "transcript (1)"], [["transcript", "transcript (1)"]]),
    ([RI, "research interview (1)"], [[RI, "research interview (1)"]]),  # one name but for case
    (
        ["Team meeting", "Team meeting (1)", "Team meeting (3)"],  # (2) deleted
        [["Team meeting", "Team meeting (1)", "Team meeting (3)"]],
    ),
    (["Pilot", "Pilot (1)", "Pilot (2023)"], [["Pilot", "Pilot (1)"]]),  # a year is no copy
    ([RI, f"{RI} (1)", "P01", "Site A", "Site A (2)"], [[RI, f"{RI} (1)"]]),
    # a researcher's names
    (["Site A", "Site A (2)"], []),
    (["Site A", "Site A (2)", "Site A (3)"], []),
    (["Site A (1)", "Site A (2)"], []),
    (["Focus group", "Focus group 2"], []),  # Finder's copy or a second group, no browser's
    (["Focus group", "Focus group 2", "Focus group 3"], []),
    (["Clinic", "Clinic-2"], []),
    (["Interview", "Interview-01"], []),
    (["Site A", "Site A (01)"], []),
    (["Interview", "Interview (0)"], []),
    (["Ward 1", "Ward 1 (2)"], []),
    (["Wave-1", "Wave-2"], []),
    (["Staff interview", "Staff interview (2024)"], []),
    (["Manager interview", "Manager interview - 1"], []),
    (["Interview 1", "Interview 2"], []),
    (["Site A", "Site A (1) notes"], []),
]


@pytest.mark.parametrize(("ids", "copies"), TABLE)
def test_download_copies_as_browsers_write_them(ids: list[str], copies: list[list[str]]) -> None:
    assert download_copies((i, i) for i in ids) == copies


def test_roqa_inspect_says_nothing_of_a_second_site_a(tmp_path: Path) -> None:
    """The leftover of s91: ``Site A.vtt`` and ``Site A (2).vtt`` were warned of as downloads."""
    folder = tmp_path / "sites"
    folder.mkdir()
    for name, person in (("Site A", "Hannah Whitfield"), ("Site A (2)", "Ruth Okonjo")):
        (folder / f"{name}.vtt").write_text(
            "WEBVTT\n\n"
            "00:00:01.000 --> 00:00:05.000\n"
            "<v Priya Nair>What gets in the way of recovery work in your service?</v>\n\n"
            "00:00:05.500 --> 00:00:12.000\n"
            f"<v {person}>Staffing is the big one, we never have enough support workers "
            "on shift to sit down with people and plan their goals.</v>\n",
            encoding="utf-8",
        )
    run = roqa("inspect", folder, "--interviewer", "Priya Nair")
    assert run.code == 0, run.err
    assert "browser" not in run.err
    (folder / "Site A (1).vtt").write_bytes((folder / "Site A.vtt").read_bytes())
    run = roqa("inspect", folder, "--interviewer", "Priya Nair")
    assert [line for line in run.err.splitlines() if "browser" in line] == [
        "roqa: warning: Site A, Site A (1) and Site A (2) are named as a browser names one file "
        "downloaded again, with no participant id in their names, headers or labels: each is a "
        "case under its file name, cited so in Table 2, and saturation takes them in the order "
        "coded, which need not be the order they were done in; rename each file after its "
        "participant (P01.vtt), or code them with --pseudonymise KEY (each display name's "
        "participant id), and give the order they were done in with roqa report --order"
    ]
