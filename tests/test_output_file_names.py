"""Specification of the names of the files roqa writes after a transcript id (s44, portability
tester): one function, :func:`roqa_nlp.io.file_stem`, for ``roqa pseudonymise`` and ``roqa
import``; a transcript id from a QDA project's source name (an absolute path, ``../``, ``/``,
``:?|<>*``) names a file inside ``--out`` that Windows can hold, and two ids that clean to one
name do not overwrite each other."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.io import file_stem, typable_stem
from test_cli_core import roqa
from test_refiqda import build_qdpx, project_xml

TEXT = "Interviewer: How were staff?\nP07: We lacked staff, honestly.\n"


def qdpx_of(path: Path, names: list[str]) -> Path:
    """A project of one source per name, each the same short interview."""
    xml, files = "", {}
    for n, name in enumerate(names, 16):
        xml += (
            f'<TextSource guid="00000000-0000-4000-8000-0000000000{n:02x}" name="{name}" '
            f'plainTextPath="internal://{n}.txt"/>'
        )
        files[f"sources/{n}.txt"] = TEXT.encode("utf-8")
    return build_qdpx(path, project_xml(xml), files)


def test_file_stem_keeps_a_name_in_its_folder_and_holdable_on_windows() -> None:
    """Each name beside the stem it gives, in this order (a stem taken before takes -2)."""
    used: set[str] = set()
    names = [
        ("/tmp/study/victim/notes", "tmp_study_victim_notes"),
        ("../../escaped_P01", "escaped_P01"),
        ("Site A/B P02", "Site A_B P02"),
        ("Site A_B P02", "Site A_B P02-2"),
        ("P01: Siobhán?", "P01_Siobhán"),
        ('Site A|B <draft> *final* "v2"\\x', "Site A_B_draft_final_v2_x"),
        ("..", "unnamed"),
        ("CON", "_CON"),
        ("p01_siobhán", "p01_siobhán-2"),
        (" tab\there. ", "tab_here"),
    ]
    assert [file_stem(name, used) for name, _ in names] == [stem for _, stem in names]


#: Names every system can hold, with the characters researchers put in them (s44: apostrophes,
#: brackets, commas, '&' and '#' were replaced, so a second coder's copies no longer lined up)
KEPT = [
    "Interview 11 - P11",
    "P03 O'Neill",
    "P12 (follow-up)",
    "Smith, J - P13",
    "P14 & P15 joint",
    "P16 #2",
    "P17 [site B]",
]


@pytest.mark.parametrize("name", KEPT)
def test_file_stem_keeps_a_name_every_system_can_hold_as_it_is(name: str) -> None:
    """Kept whole, and taken: the same name again takes -2."""
    used: set[str] = set()
    assert [file_stem(name, used), file_stem(name, used)] == [name, f"{name}-2"]


def test_roqa_pseudonymise_writes_every_copy_inside_out_under_a_clean_name(
    tmp_path: Path,
) -> None:
    """Before, ``/…/victim/notes`` overwrote victim/notes.txt outside --out, ``../../escaped_P01``
    was written two folders up, ``Site A/B P02`` made a subfolder, and ``P01: Siobhán?`` and
    ``Site A|B <draft> *final*`` were names Windows cannot hold."""
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "notes.txt").write_text("mine\n", encoding="utf-8")
    names = [
        str(victim / "notes"),
        "../../escaped_P01",
        "Site A/B P02",
        "Site A_B P02",
        "P01: Siobhán?",
        "Site A|B &lt;draft&gt; *final*",
    ]
    out = tmp_path / "a" / "b" / "copies"
    project = qdpx_of(tmp_path / "q.qdpx", names)
    run = roqa("pseudonymise", project, "--key", tmp_path / "key.csv", "--out", out)
    assert run.code == 0, run.err
    assert (victim / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.txt")) == [
        "a/b/copies/P01_Siobhán.txt",
        "a/b/copies/Site A_B P02-2.txt",
        "a/b/copies/Site A_B P02.txt",
        "a/b/copies/Site A_B_draft_final.txt",
        "a/b/copies/escaped_P01.txt",
        f"a/b/copies/{file_stem(str(victim / 'notes'), set())}.txt",
        "victim/notes.txt",
    ]
    assert "Wrote 6 pseudonymised transcript(s)" in run.out


def test_file_stem_keeps_a_long_name_whole_up_to_250_bytes() -> None:
    """A file name holds 255 bytes; the extension takes the rest. A 246-byte id is kept whole
    (roqa pseudonymise copies 'P08 xxx...x.txt' of 250 bytes under its own name), 100 CJK
    characters (300 bytes) are cut on a character boundary, and a second such name takes -2
    within the 250."""
    used: set[str] = set()
    long = "P08 " + "x" * 242
    assert file_stem(long, used) == long
    cjk = "安" * 100
    first, second = file_stem(cjk, used), file_stem(cjk, used)
    assert (first, second) == ("安" * 83, "安" * 82 + "-2")
    assert [len(s.encode("utf-8")) for s in (first, second)] == [249, 248]


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("roqa_nlp 0.1.0 (model sha256: e0d5c0d6…)", "roqa_nlp_0.1.0_model_sha256_e0d5c0d6"),
        ("Dr Siân O'Neill", "Dr_Siân_O_Neill"),
        ("Alice ≈ ✓ …", "Alice"),
        ("-rf *", "rf"),
        ("…", "unnamed"),
        ("con", "_con"),
    ],
)
def test_typable_stem_names_a_coder_with_no_character_a_shell_reads_otherwise(
    name: str, stem: str
) -> None:
    assert typable_stem(name, set()) == stem


def test_typable_stem_keeps_coders_whose_names_differ_in_punctuation_apart() -> None:
    used: set[str] = set()
    assert [typable_stem(n, used) for n in ("Ann Lee", "Ann (Lee)", "ann lee")] == [
        "Ann_Lee",
        "Ann_Lee-2",
        "ann_lee-3",
    ]
