"""Selections counted in UTF-16 code units. REFI-QDA does not say what unit a selection's
positions count; roqa reads and writes code points, but a .NET or Qt program may count UTF-16
code units, which count an emoji (a character outside the Basic Multilingual Plane) twice. Before,
such a project's selections after an emoji were imported shifted (``"…check.\\nI"``) or dropped as
"outside its text", with no hint of why. Now, when a source's text holds such characters and only
reading its positions as UTF-16 units puts every selection inside the text without cutting
words, they are read so, with one warning naming the project's file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.exchange import export_qdpx, read_qdpx
from roqa_nlp.exchange.plaintext import POSITION_UNIT
from roqa_nlp.exchange.validation import qdpx_schema_errors
from roqa_nlp.transcripts import read_transcripts
from test_refiqda import (
    NS,
    PROJECT_XSD,
    build_qdpx,
    needs_reference,
    project_xml,
    qde_of,
    selection,
    selections_of,
)

TEXT = "Interviewer: How was it 😀?\nP01: We lacked staff 😀😀 and the manager 🙂 backed us.\n"
WORDS = ("lacked staff", "manager", "backed us.")


def _points(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _units(word: str) -> tuple[int, int]:
    start, end = _points(word)
    return (len(TEXT[:start].encode("utf-16-le")) // 2, len(TEXT[:end].encode("utf-16-le")) // 2)


def _project(tmp_path: Path, positions: list[tuple[int, int]], text: str = TEXT) -> Path:
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="p01" '
        'plainTextPath="internal://p01.txt">'
        + "".join(
            selection(s, e).replace("<PlainTextSelection ", f'<PlainTextSelection name="s{i}" ')
            for i, (s, e) in enumerate(positions)
        )
        + "</TextSource>"
    )
    return build_qdpx(
        tmp_path / "nvivo.qdpx", project_xml(src), {"sources/p01.txt": text.encode("utf-8")}
    )


def _coded(path: Path) -> tuple[list[str], list[str]]:
    p = read_qdpx(path)
    return [s.segment.text for s in p.codings["Alice"]], p.warnings


def test_positions_counted_in_utf16_units_are_read_so_with_one_warning(tmp_path: Path) -> None:
    assert [_points(w) for w in WORDS] == [(35, 47), (59, 66), (69, 79)]
    assert [_units(w) for w in WORDS] == [(36, 48), (62, 69), (73, 83)]
    texts, warnings = _coded(_project(tmp_path, [_units(w) for w in WORDS]))
    assert texts == list(WORDS)  # before: "acked staff ", "ager 🙂 ", "cked us.\n" cut words
    assert warnings == [
        "the selections of 1 source ('p01') are read as counted in UTF-16 code units, not in "
        "characters (code points): their text holds characters outside the Basic Multilingual "
        "Plane (emoji), and only read so do its selections fall inside the text without cutting "
        "words; check a few of the imported codings against the program that wrote it"
    ]


def test_reading_transcripts_says_they_are_read_in_utf16_units(tmp_path: Path) -> None:
    """``roqa code project.qdpx --qdpx`` writes such a source's selections in UTF-16 units:
    before, it printed nothing of the reading (tester s54), which ``roqa agree`` printed."""
    path = _project(tmp_path, [_units(w) for w in WORDS])
    with pytest.warns(RoqaWarning) as got:
        read_transcripts([path])
    assert [str(w.message) for w in got] == [
        f"{path}: the selections of 1 source ('p01') are read as counted in UTF-16 "
        "code units, not in characters (code points): their text holds characters outside the "
        "Basic Multilingual Plane (emoji), and only read so do its selections fall inside the "
        "text without cutting words; check a few of the imported codings against the program "
        "that wrote it"
    ]


def test_roqa_agree_names_the_file_once_in_the_utf16_warning(tmp_path: Path, capsys) -> None:
    """``roqa agree`` put its file before the warning, which named it again: "own/maxqda.qdpx:
    maxqda.qdpx: the selections ..." (refi tester, session 69)."""
    from test_cli_agree import run

    path = _project(tmp_path, [_units(w) for w in WORDS])
    _, _, err = run(["agree", str(path), "--n-boot", "0"], capsys)
    said = [line for line in err.splitlines() if "UTF-16" in line]
    assert said and said[0].startswith(f"roqa: warning: {path}: the selections of 1 source")


def test_positions_in_code_points_stay_code_points(tmp_path: Path) -> None:
    texts, warnings = _coded(_project(tmp_path, [_points(w) for w in WORDS]))
    assert (texts, warnings) == (list(WORDS), [])


def test_a_selection_before_any_emoji_is_the_same_in_both_units(tmp_path: Path) -> None:
    # "Interviewer" and "How" end before the first emoji: both readings agree, code points kept
    texts, warnings = _coded(_project(tmp_path, [(0, 11), (13, 16)]))
    assert (texts, warnings) == (["Interviewer", "How"], [])


def test_a_selection_outside_the_text_in_either_unit_is_reported_and_has_no_say(
    tmp_path: Path,
) -> None:
    # 200-210 is outside the text in either unit: the selection is reported, and the unit is
    # the one the other selections fit (before hunt3, session 80, F4: it kept code points,
    # "ager 🙂 " for "manager", with no UTF-16 warning)
    texts, warnings = _coded(_project(tmp_path, [_units("manager"), (200, 210)]))
    assert texts == ["manager"]
    assert warnings == [
        "source 'p01', selection 's1': 200-210 is outside its text (0-84 UTF-16 units); 1 coding "
        "not imported (select and code that passage again in the QDA program, and export the "
        "project again)",
        UTF16_WARNING,
    ]


def test_text_without_emoji_is_never_reread(tmp_path: Path) -> None:
    plain = "P01: We lacked staff and the manager backed us.\n"
    texts, warnings = _coded(_project(tmp_path, [(8, 20), (100, 104)], text=plain))
    assert texts == ["lacked staff"]
    assert warnings == [
        "source 'p01', selection 's1': 100-104 is outside its text (0-48); 1 coding not imported "
        "(select and code that passage again in the QDA program, and export the project again)"
    ]


def test_a_utf16_reading_that_cuts_more_words_is_not_taken(tmp_path: Path) -> None:
    # read as code points 59-65 is "manage" (one word cut); read as UTF-16 units it would be
    # "he mana" (two cut): code points are kept, and said to be close (one cut word apart)
    texts, warnings = _coded(_project(tmp_path, [(59, 65)]))
    assert (texts, warnings) == (["manage"], [close_warning("code points")])


def close_warning(unit: str) -> str:
    return (
        f"the selections of 1 source ('p01': read in {unit}) fit its text about as well counted "
        "in characters (code points) as in UTF-16 code units (an emoji counts twice), so they "
        "may be shifted by one place per emoji before them: check a few of the imported codings "
        "against the program that wrote it"
    )


def test_sloppy_utf16_selections_that_fit_code_points_as_well_are_read_so_with_a_warning(
    tmp_path: Path,
) -> None:
    """s91 interop MED-1: "lacked staff" and "manager" selected one character short at the start
    in UTF-16 units ("acked staff", "anager": two cut words) read as code points cut two words
    as well ("cked staff ", "ger 🙂 "). Code points are kept on a tie, as before, but before
    nothing said that the codings may be shifted."""
    sloppy = [(s + 1, e) for s, e in (_units("lacked staff"), _units("manager"))]
    texts, warnings = _coded(_project(tmp_path, sloppy))
    assert (texts, warnings) == (["cked staff ", "ger 🙂 "], [close_warning("code points")])


def test_a_utf16_reading_one_cut_word_ahead_is_taken_and_said_to_be_close(
    tmp_path: Path,
) -> None:
    # "lacked staff" and "anager" in UTF-16 units (one cut word) are "acked staff " and "ger 🙂 "
    # read as code points (two): UTF-16 units are taken, said to be close, not "only read so"
    start, end = _units("manager")
    texts, warnings = _coded(_project(tmp_path, [_units("lacked staff"), (start + 1, end)]))
    assert (texts, warnings) == (["lacked staff", "anager"], [close_warning("UTF-16 code units")])


def test_readings_one_cut_word_apart_are_not_close_when_the_one_taken_cuts_none(
    tmp_path: Path,
) -> None:
    # "manager" in UTF-16 units cuts no word; as code points ("ager 🙂 ") one: not in doubt
    texts, warnings = _coded(_project(tmp_path, [_units("manager")]))
    assert (texts, warnings) == (["manager"], [UTF16_WARNING])


def test_sentences_after_one_emoji_in_code_points_are_not_said_to_be_close(
    tmp_path: Path,
) -> None:
    """s91 hunt2 E11: read as UTF-16 units, sentences after one emoji start on the space and end
    before the full stop, cutting no word either, and were warned of as close (12 of 40
    generated code point projects); those loose edges leave the code point reading in no doubt."""
    text = "Interviewer: Well?\nP01: It went 😀. Staff are few. Money is short.\n"
    sentences = ("Staff are few.", "Money is short.")
    positions = [(text.index(w), text.index(w) + len(w)) for w in sentences]
    texts, warnings = _coded(_project(tmp_path, positions, text))
    assert (texts, warnings) == (list(sentences), [])


def test_a_selection_ending_inside_an_emoji_read_as_utf16_keeps_code_points(
    tmp_path: Path,
) -> None:
    # 50 UTF-16 units fall between the two halves of an emoji: no UTF-16 reading of it
    texts, warnings = _coded(_project(tmp_path, [(50, 65)]))
    assert (texts, warnings) == ([" and the manage"], [])


UTF16_WARNING = (
    "the selections of 1 source ('p01') are read as counted in UTF-16 code units, not in "
    "characters (code points): their text holds characters outside the Basic Multilingual "
    "Plane (emoji), and only read so do its selections fall inside the text without cutting "
    "words; check a few of the imported codings against the program that wrote it"
)


@pytest.mark.parametrize(
    ("broken", "why"),
    [
        ((36, 36), "36-36 is an empty selection (zero length: it ends where it starts)"),
        ((48, 36), "48-36 ends before it starts"),
    ],
)
def test_an_empty_or_reversed_selection_has_no_say_in_the_unit(
    tmp_path: Path, broken: tuple[int, int], why: str
) -> None:
    """qda2 tester, session 80, D1: one empty (or reversed) selection, invalid in either unit,
    kept the whole source in code points: "acked staff ", "ager 🙂 ", and "backed us." dropped
    as outside the text, with no UTF-16 warning. It is left out when choosing the unit, and
    reported by the positions the file gives."""
    texts, warnings = _coded(_project(tmp_path, [*(_units(w) for w in WORDS), broken]))
    assert texts == list(WORDS)
    assert warnings == [
        f"source 'p01', selection 's3': {why}; 1 coding not imported (select and code that "
        "passage again in the QDA program, and export the project again)",
        UTF16_WARNING,
    ]


def test_a_selection_outside_the_text_in_both_units_has_no_say_in_the_unit(
    tmp_path: Path,
) -> None:
    """hunt3, session 80, F4: one selection past the end of the text read either way (82-86 of
    a text of 80 code points, 84 UTF-16 units) kept the whole source in code points, as an
    empty one did (D1). It is left out when choosing the unit, and reported by the file's
    positions, with the bound in the unit chosen."""
    texts, warnings = _coded(_project(tmp_path, [*(_units(w) for w in WORDS), (82, 86)]))
    assert texts == list(WORDS)
    assert warnings == [
        "source 'p01', selection 's3': 82-86 is outside its text (0-84 UTF-16 units); 1 coding "
        "not imported (select and code that passage again in the QDA program, and export the "
        "project again)",
        UTF16_WARNING,
    ]


def test_a_project_roqa_wrote_is_always_read_in_code_points(tmp_path: Path) -> None:
    path = _project(tmp_path, [_units(w) for w in WORDS])
    with zipfile.ZipFile(path) as z:
        qde = z.read("project.qde").decode("utf-8")
    roqa = build_qdpx(
        tmp_path / "roqa.qdpx",
        qde.replace('name="Quirks"', 'name="Quirks" origin="roqa_nlp 0.1.0"'),
        {"sources/p01.txt": TEXT.encode("utf-8")},
    )
    assert _coded(roqa) == (
        ["acked staff ", "ager 🙂 "],
        [
            "source 'p01', selection 's2': 73-83 is outside its text (0-80); 1 coding not imported "
            "(select and code that passage again in the QDA program, and export the project again)"
        ],
    )


# -- exported again: in the unit the program counts ------------------------------------------------
# Before, such a source went back under its GUID with code-point positions and no word: in the
# program that counts UTF-16 units each selection after an emoji stood one place earlier per
# emoji ("…covering twice the case", "…his plan 🙂" for "…his plan 🙂🙂.").


def _positions(path: Path) -> list[tuple[int, int]]:
    return [
        (int(s.get("startPosition", "")), int(s.get("endPosition", "")))
        for s in selections_of(path)
    ]


def _exported(tmp_path: Path, text: str, positions: list[tuple[int, int]]) -> Path:
    p = read_qdpx(_project(tmp_path, positions, text=text))
    export_qdpx(p.codings["Alice"], p.codebook, tmp_path / "alice.qdpx")
    return tmp_path / "alice.qdpx"


def test_a_source_read_in_utf16_units_records_the_unit(tmp_path: Path) -> None:
    p = read_qdpx(_project(tmp_path, [_units(w) for w in WORDS]))
    assert p.transcripts[0].metadata[POSITION_UNIT] == "utf-16"


def test_a_source_read_in_code_points_records_no_unit(tmp_path: Path) -> None:
    p = read_qdpx(_project(tmp_path, [_points(w) for w in WORDS]))
    assert POSITION_UNIT not in p.transcripts[0].metadata


def test_a_source_read_in_utf16_units_is_exported_in_them(tmp_path: Path) -> None:
    out = _exported(tmp_path, TEXT, [_units(w) for w in WORDS])
    assert _positions(out) == [(36, 48), (62, 69), (73, 83)]  # before: (35, 47), (59, 66) ...
    description = qde_of(out).find(NS + "Description")
    assert description is not None and (description.text or "").splitlines()[-1] == (
        'roqa_nlp UTF-16 positions: ["00000000-0000-4000-8000-000000000010"]'
    )


def test_a_source_read_in_code_points_is_exported_in_them(tmp_path: Path) -> None:
    out = _exported(tmp_path, TEXT, [_points(w) for w in WORDS])
    assert _positions(out) == [(35, 47), (59, 66), (69, 79)]
    description = qde_of(out).find(NS + "Description")
    assert description is None or "UTF-16" not in (description.text or "")


def test_utf16_units_count_with_the_windows_line_ends_the_source_goes_back_with(
    tmp_path: Path,
) -> None:
    crlf = TEXT.replace("\n", "\r\n")
    units = [
        (len(crlf[: crlf.index(w)].encode("utf-16-le")) // 2,
         len(crlf[: crlf.index(w) + len(w)].encode("utf-16-le")) // 2)
        for w in WORDS
    ]  # fmt: skip
    assert units == [(37, 49), (63, 70), (74, 84)]
    assert _positions(_exported(tmp_path, crlf, units)) == units


def test_roqa_s_own_utf16_export_reads_back_the_same_codings(tmp_path: Path) -> None:
    out = _exported(tmp_path, TEXT, [_units(w) for w in WORDS])
    again = read_qdpx(out)
    assert [s.segment.text for s in again.codings["Alice"]] == list(WORDS)
    assert again.warnings == []
    assert again.transcripts[0].metadata[POSITION_UNIT] == "utf-16"
    export_qdpx(again.codings["Alice"], again.codebook, tmp_path / "again.qdpx")
    assert _positions(tmp_path / "again.qdpx") == _positions(out)


def _edited(tmp_path: Path, out: Path, old: str, new: str) -> Path:
    """``out`` (a roqa export) with one selection's position changed, as a person might."""
    with zipfile.ZipFile(out) as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = members.pop("project.qde").decode("utf-8")
    assert qde.count(old) == 1
    return build_qdpx(tmp_path / "edited.qdpx", qde.replace(old, new), members)


@pytest.mark.parametrize(
    ("end", "why"),
    [
        ("9999", "is outside its text (0-84 UTF-16 units)"),
        (
            "50",
            "cuts a character outside the Basic Multilingual Plane (an emoji: two UTF-16 units)",
        ),
    ],
)
def test_a_selection_of_roqa_s_utf16_export_that_no_utf16_reading_fits_is_a_warning(
    tmp_path: Path, end: str, why: str
) -> None:
    # before: "internal error: KeyError: 9999" in roqa import, code and agree
    out = _exported(tmp_path, TEXT, [_units(w) for w in WORDS])
    p = read_qdpx(_edited(tmp_path, out, 'endPosition="48"', f'endPosition="{end}"'))
    assert [s.segment.text for s in p.codings["Alice"]] == ["manager", "backed us."]
    assert p.warnings == [
        f"source 'p01', selection 'line:1 p01:@35-47': 36-{end} {why}; 1 coding not imported "
        "(select and code that passage again in the QDA program, and export the project again)"
    ]


@needs_reference
def test_an_export_in_utf16_units_is_valid_against_the_project_schema(tmp_path: Path) -> None:
    out = _exported(tmp_path, TEXT, [_units(w) for w in WORDS])
    assert qdpx_schema_errors(out, PROJECT_XSD) == []
