"""Specification: coders compared by segment must have coded the same text.

docs/agreement.md: when two coders' texts of one transcript differ, ``roqa agree`` stops with a
one-line error naming the transcript, the two coders and where the texts first differ. Units
that are character spans were checked; units that are segments (the same ids and character
ranges, as two reviews of one run have) were not, so an edit that kept every offset (one word
swapped for another of its length: "staffing" for "training") was compared silently (tester,
session 38, err/BobSwap).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.coding_agreement import coded_units_from_results
from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn
from test_cli_agree import run

TEXT = "P01: the biggest problem is staffing.\n\nP01: our lead championed it."
SWAPPED = TEXT.replace("staffing", "training")  # same length: every offset is kept
SEGMENTS = ((5, 37), (44, len(TEXT)))


#: Two coders' copies of one interview (tests/data/agree_whitespace, tester session 38): Bob's
#: transcripts.jsonl has a final newline Alice's lacks (the same .txt saved with one more), and
#: BobEdited's rm01_zoom a comma added at character 219 while its segments still give the old
#: words and offsets.
WHITESPACE = Path(__file__).parent / "data" / "agree_whitespace"


def result(
    text: str, *, with_transcript: bool = True, segment_text: str | None = None
) -> CodingResult:
    said = text if segment_text is None else segment_text
    segs = [
        SegmentResult(
            Segment(f"p01:{k}", "p01", "P01", "participant", lo, hi, said[lo:hi]),
            [Suggestion("C", "Cost", None, 1.0)],
        )
        for k, (lo, hi) in enumerate(SEGMENTS)
    ]
    t = Transcript("p01", text, [Turn("P01", "participant", 0, len(text))])
    return CodingResult(segs, transcripts={"p01": t} if with_transcript else {})


def test_a_same_length_edit_of_the_transcript_stops_segment_units() -> None:
    with pytest.raises(RoqaError) as e:
        coded_units_from_results({"Ann": result(TEXT), "Ben": result(SWAPPED)})
    assert str(e.value) == (
        "transcript 'p01' is not the same text for 'Ann' (67 characters) and 'Ben' (67; they "
        "differ from character 28), so their selections cannot be compared (have every coder "
        "code the same text of it: the same pseudonymised copy, or the same corrected "
        "transcript)"
    )


def test_segment_texts_are_compared_when_the_results_hold_no_transcript() -> None:
    ann = result(TEXT, with_transcript=False)
    ben = result(SWAPPED, with_transcript=False)
    with pytest.raises(RoqaError) as e:
        coded_units_from_results({"Ann": ann, "Ben": ben})
    assert str(e.value) == (
        "segment 'p01:0' of transcript 'p01' is not the same text for 'Ann' and 'Ben' (they "
        "differ from character 23 of it), so their codings cannot be compared (have every "
        "coder code the same text of it: the same pseudonymised copy, or the same corrected "
        "transcript)"
    )


def test_the_same_text_is_compared_by_segment() -> None:
    cu = coded_units_from_results({"Ann": result(TEXT), "Ben": result(TEXT)})
    assert cu.unit_kind == "segments"
    assert [u.id for u in cu.units] == ["p01:0", "p01:1"]


def test_a_transcript_differing_only_in_trailing_whitespace_is_the_same_text() -> None:
    """read_transcript keeps a final newline and trailing spaces: the same transcript read on
    two machines can differ there while every segment's words are the same."""
    for more in ("\n", " \t\n", "\n\n"):
        cu = coded_units_from_results({"Ann": result(TEXT), "Ben": result(TEXT + more)})
        assert cu.unit_kind == "segments"
        assert [u.id for u in cu.units] == ["p01:0", "p01:1"]


def test_an_edit_the_segments_do_not_show_is_found_in_the_transcript() -> None:
    """Ben's transcript has a comma added; his segments still give the old words at the old
    offsets, which now cover other text of his transcript."""
    edited = TEXT.replace("the biggest", "the, biggest")
    with pytest.raises(RoqaError) as e:
        coded_units_from_results({"Ann": result(TEXT), "Ben": result(edited, segment_text=TEXT)})
    assert str(e.value) == (
        "transcript 'p01' is not the same text for 'Ann' (67 characters) and 'Ben' (68; they "
        "differ from character 8), so their selections cannot be compared (have every coder "
        "code the same text of it: the same pseudonymised copy, or the same corrected "
        "transcript)"
    )


def test_texts_differing_only_in_their_unicode_form_are_compared_on_the_composed_text() -> None:
    """The same words, accents composed (NFC) for one coder and decomposed (NFD, as a QDA
    program on macOS may store them) for the other: the decomposed coder's segments are read on
    the composed text, with a warning (before, s62 to s88: an error whose fix fitted a model's
    run only; daily26, session 89; tests/test_agree_decomposed_texts.py)."""
    composed = TEXT.replace("the biggest", "the café's")
    decomposed = composed.replace("é", "e\u0301")
    with pytest.warns(RoqaWarning, match="^coder 'Ben' has transcript 'p01' with its accents"):
        cu = coded_units_from_results({"Ann": result(composed), "Ben": result(decomposed)})
    # both coders' segments are at SEGMENTS' offsets in their own text: Ben's, after the
    # accent, are one character earlier on the composed text, so the two are cut apart there
    assert cu.unit_kind == "spans"
    assert [(u.start, u.end) for u in cu.units] == [(5, 36), (43, 44), (44, 66)]


def test_two_result_folders_differing_in_a_final_newline_are_compared(capsys) -> None:
    code, out, err = run(
        ["agree", str(WHITESPACE / "Alice"), str(WHITESPACE / "Bob"), "--n-boot", "0"], capsys
    )
    assert code == 0, err
    assert "2 coders: Alice, Bob; 12 units (segments), 11 compared" in " ".join(out.split())


def test_a_result_folder_with_an_edited_transcript_is_refused(capsys) -> None:
    code, out, err = run(
        ["agree", str(WHITESPACE / "Alice"), str(WHITESPACE / "BobEdited"), "--n-boot", "0"],
        capsys,
    )
    assert code != 0
    # Bob's codings no longer match his edited transcripts.jsonl, and say so (session 54)
    warning, error = err.strip().splitlines()
    assert warning == (
        f"roqa: warning: {WHITESPACE / 'BobEdited' / 'codings.jsonl'}: 3 segments whose text "
        "is not the transcript's at their offsets in transcripts.jsonl: line 2 (rm01_zoom:0002), "
        "line 3 (rm01_zoom:0003), line 4 (rm01_zoom:0004): which of the two files was changed "
        "since coding cannot be told, so the text codings.jsonl gives is quoted (run roqa code "
        "again to code the transcripts as they are)"
    )
    assert error == (
        "roqa: error: transcript 'rm01_zoom' is not the same text for 'Alice' (871 characters) "
        "and 'Bob' (872; they differ from character 219), so their selections cannot be "
        "compared (have every coder code the same text of it: the same pseudonymised copy, or "
        "the same corrected transcript)"
    )


def _run_and_table(tmp_path: Path, rows: str) -> tuple[Path, Path]:
    """A result folder of TEXT's two segments, both coded Cost, and a long CSV of ``rows``."""
    result(TEXT).save(tmp_path / "run")
    table = tmp_path / "ann.csv"
    table.write_text(rows, encoding="utf-8")
    return tmp_path / "run", table


def test_a_long_csv_whose_text_is_another_segments_words_is_refused(tmp_path, capsys) -> None:
    # the CSV was coded against an earlier run: p01:0 is now the segment "our lead ..." (the
    # transcript changed, its ids moved), so Ann's Cost would be compared on other words
    # (tester, session 56: kappa 0.563 -> 0.326 with no warning)
    run_dir, table = _run_and_table(
        tmp_path,
        "unit,coder,code,text\n"
        'p01:1,Ann,Cost,"the biggest problem is staffing."\n'
        'p01:0,Ann,,"the biggest problem is staffing."\n',
    )
    code, out, err = run(["agree", str(table), str(run_dir), "--n-boot", "0"], capsys)
    assert code == 2
    assert err == (
        f"roqa: error: {table}: the text of its line 2 is the words of segment 'p01:0' of "
        "'run', not of segment 'p01:1', so its codes would be compared with the codes of other "
        "words (its units are segment ids of another run of transcript 'p01': ids move when a "
        "changed transcript is coded again; compare it with the run its codes were given on)\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "the biggest problem ...",  # an excerpt of its own segment
        "The biggest problem is staffing.",  # case
        '"the biggest problem is staffing."',  # in quote marks
        "P01: the biggest problem is staffing.",  # with its speaker's label
        "the biggest … staffing.",  # cut
        "unsure - discuss with Bob",  # a comment
    ],
)
def test_a_text_column_of_its_own_words_as_researchers_write_them_is_compared(
    tmp_path, capsys, text: str
) -> None:
    """Regression hunt, session 56: an excerpt, other case, quote marks, a label or a comment in
    the text column were refused as ids moved, with that wrong cause. Only the words of another
    segment are evidence of it."""
    run_dir, table = _run_and_table(
        tmp_path, f'unit,coder,code,text\np01:0,Ann,C,"{text.replace(chr(34), chr(34) * 2)}"\n'
    )
    code, out, err = run(["agree", str(table), str(run_dir), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "2 coders: Ann, run; 2 units" in " ".join(out.split())


def test_an_excerpt_of_another_segment_in_curly_quotes_is_refused(tmp_path, capsys) -> None:
    run_dir, table = _run_and_table(
        tmp_path, "unit,coder,code,text\np01:0,Ann,C,\u201cOur lead \u2026 championed it\u201d\n"
    )
    code, out, err = run(["agree", str(table), str(run_dir), "--n-boot", "0"], capsys)
    assert code == 2
    assert "the text of its line 2 is the words of segment 'p01:1' of 'run'" in err


def test_a_long_csv_whose_text_is_its_segments_words_is_compared(tmp_path, capsys) -> None:
    run_dir, table = _run_and_table(
        tmp_path,
        "unit,coder,code,text\n"
        'p01:0,Ann,C,"the biggest  problem is staffing.\n"\n'  # whitespace aside
        'p01:1,Ann,,"our lead championed it."\n',
    )
    code, out, err = run(["agree", str(table), str(run_dir), "--n-boot", "0"], capsys)
    assert code == 0, err
    said = " ".join(out.split())
    assert "2 coders: Ann, run; 2 units (mixed), 2 coded by someone; 1 code used" in said
    assert "text column" not in said


def test_a_long_csv_without_a_text_column_is_said_to_be_matched_by_id_alone(
    tmp_path, capsys
) -> None:
    """Shorter since session 57: the whole explanation on every comparison was noise."""
    run_dir, table = _run_and_table(tmp_path, "unit,coder,code\np01:0,Ann,C\np01:1,Ann,\n")
    code, out, err = run(["agree", str(table), str(run_dir), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert (
        "Note: ann.csv has no text column, so its unit ids are matched to run's segments "
        "unchecked (a text column of each segment's words lets them be checked)."
    ) in " ".join(out.split())


def test_long_csvs_without_a_text_column_get_one_note(tmp_path, capsys) -> None:
    """Before, each CSV had a note of its own, the same three lines each (session 57)."""
    run_dir, ann = _run_and_table(tmp_path, "unit,coder,code\np01:0,Ann,C\np01:1,Ann,\n")
    bea = tmp_path / "bea.csv"
    bea.write_text("unit,coder,code\np01:0,Bea,C\np01:1,Bea,C\n", encoding="utf-8")
    code, out, err = run(
        ["agree", str(ann), str(bea), str(run_dir), "--n-boot", "0", "--json", "-"], capsys
    )
    assert code == 0, err
    notes = [n for n in json.loads(out)["notes"] if "text column" in n]
    assert notes == [
        "ann.csv, bea.csv have no text column, so their unit ids are matched to run's segments "
        "unchecked (a text column of each segment's words lets them be checked)"
    ]


def test_a_long_csv_without_a_text_column_naming_no_segment_of_the_run_is_said_so(
    tmp_path, capsys
) -> None:
    """p01:2 is of transcript p01, which the run coded in two segments: the CSV's ids look
    like another run's, which the note says, with the unit."""
    run_dir, table = _run_and_table(
        tmp_path, "unit,coder,code\np01:0,Ann,C\np01:1,Ann,C\np01:2,Ann,C\n"
    )
    code, out, err = run(
        ["agree", str(table), str(run_dir), "--n-boot", "0", "--json", "-"], capsys
    )
    assert code == 0, err
    notes = [n for n in json.loads(out)["notes"] if "text column" in n]
    assert notes == [
        "ann.csv has no text column, and 1 of its units is no segment of run though of a "
        "transcript it coded (e.g. 'p01:2'): its ids may be another run's, and ids move when a "
        "changed transcript is coded again, so its codes may be compared with other words; give "
        "each row its segment's words in a text column (as codings.csv has) to have them "
        "checked"
    ]


def _one_segment(text: str) -> CodingResult:
    """A coder who cut TEXT into one segment of both turns (so no segmentation is shared with
    :func:`result`'s two and the coders are compared by character span)."""
    seg = Segment("p01:0", "p01", "P01", "participant", 5, len(TEXT), text[5 : len(TEXT)])
    t = Transcript("p01", text, [Turn("P01", "participant", 0, len(text))])
    return CodingResult(
        [SegmentResult(seg, [Suggestion("C", "Cost", None, 1.0)])], transcripts={"p01": t}
    )


@pytest.mark.parametrize("more", ["\n", " \t\n", "\n\n"])
def test_a_final_newline_is_no_difference_by_character_span_either(more: str) -> None:
    """docs/privacy.md: a pseudonymised copy ends with one newline, which roqa agree does not
    count. It was not counted by segment only: a coding of the copy cut otherwise than the
    roqa code --pseudonymise run of the original was refused (tester, session 77: 'p03_zoom'
    2334 and 2335 characters, "they differ from character 2334")."""
    for ann, ben in (
        (result(TEXT), _one_segment(TEXT + more)),
        (_one_segment(TEXT + more), result(TEXT)),
    ):
        cu = coded_units_from_results({"Ann": ann, "Ben": ben})
        assert cu.unit_kind == "spans"
        assert [(u.start, u.end) for u in cu.units] == [(5, 37), (37, 44), (44, 67)]


def test_whitespace_that_moves_words_is_a_difference_by_character_span() -> None:
    """A space more between two words moves every offset after it: other words are read there."""
    spaced = TEXT.replace("biggest problem", "biggest  problem")
    with pytest.raises(RoqaError) as e:
        coded_units_from_results({"Ann": result(TEXT), "Ben": _one_segment(spaced)})
    assert str(e.value).startswith(
        "transcript 'p01' is not the same text for 'Ann' (67 characters) and 'Ben' (68; they "
        "differ from character 17)"
    )
