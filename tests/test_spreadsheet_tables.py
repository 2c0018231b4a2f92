"""Transcript tables after a round-trip through a spreadsheet program (session 41): Excel's
"Unicode Text" save (.txt, UTF-16, tabs), Excel's error cells, a copy of roqa's own codings in
the interviews folder, and comma-decimal times from a European locale."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

ROWS = [
    ("Interviewer", "Thanks for joining. What does recovery mean in your service?", "0.5", "6.25"),
    ("P04", "For us it\u2019s about the person leading. We spend \u00a340 a week on caf\u00e9 trips.", "7.0", "19.75"),
    ("Interviewer", "And what gets in the way?", "20.0", "22.5"),
    ("P04", "Staffing, mainly. We lose people to the NHS all the time.", "23.0", "35.5"),
    ("Interviewer", "Mm-hmm.", "36.0", "36.5"),
    ("P04", "And commissioners keep moving the bar, so planning is hard.", "37.0", "44.25"),
]  # fmt: skip


def turns_of(t: Transcript) -> list[tuple[str, str, str, float | None, float | None]]:
    return [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns]


def read_quietly(path: Path) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path)


def write_csv(path: Path) -> Path:
    import csv

    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["speaker", "text", "start", "end"])
        w.writerows(ROWS)
    return path


def test_an_excel_unicode_text_save_of_a_transcript_table_is_read_as_the_csv(
    tmp_path: Path,
) -> None:
    """Excel's "Unicode Text" (.txt): UTF-16 LE with a BOM, tabs, CRLF. Before, it was read as
    prose: the times were words of the talk and every time was lost."""
    txt = tmp_path / "p04.txt"
    lines = ["speaker\ttext\tstart\tend", *("\t".join(row) for row in ROWS)]
    txt.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    csv_t = read_quietly(write_csv(tmp_path / "p04_csv.csv"))
    t = read_quietly(txt)
    assert t.text == csv_t.text
    assert turns_of(t) == turns_of(csv_t)
    assert [(s, r, b, e) for s, r, _, b, e in turns_of(t)] == [
        ("Interviewer", "interviewer", 0.5, 6.25),
        ("P04", "participant", 7.0, 19.75),
        ("Interviewer", "interviewer", 20.0, 22.5),
        ("P04", "participant", 23.0, 44.25),  # the Mm-hmm left out, the answer one turn
    ]
    assert t.metadata["backchannels_left_out"] == 1
    assert t.metadata["rows"] == 6


def test_a_tab_table_txt_below_blank_lines_and_in_utf8_is_a_table(tmp_path: Path) -> None:
    txt = tmp_path / "p04.txt"
    txt.write_text(
        "\n\nSpeaker\tText\nInterviewer\tWhat gets in the way?\nP04\tStaffing, mainly.\n",
        encoding="utf-8",
    )
    t = read_quietly(txt)
    assert [(s, w) for s, _, w, _, _ in turns_of(t)] == [
        ("Interviewer", "What gets in the way?"),
        ("P04", "Staffing, mainly."),
    ]


def test_a_txt_with_a_tab_in_its_first_line_but_no_table_header_is_prose(tmp_path: Path) -> None:
    txt = tmp_path / "p04.txt"
    txt.write_text("Interview\t3 May\nInterviewer: Hello?\nP04: Hi.\n", encoding="utf-8")
    t = read_quietly(txt)
    assert [(s, w) for s, _, w, _, _ in turns_of(t)] == [("Interviewer", "Hello?"), ("P04", "Hi.")]


def test_an_excel_error_cell_in_the_text_column_is_no_talk_and_is_warned_of_once(
    tmp_path: Path,
) -> None:
    """Excel turns a turn typed as ``- staffing`` or ``=...`` into ``#NAME?``: before, the error
    was coded as the participant's turn, without a warning."""
    f = tmp_path / "p04.csv"
    f.write_text(
        "speaker,text\nInterviewer,What gets in the way?\nP04,#NAME?\nInterviewer,Go on.\n"
        'P04,"Staffing, mainly."\nInterviewer,And then?\nP04, #REF! \n',
        encoding="utf-8",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f)
    assert [(s, w) for s, _, w, _, _ in turns_of(t)] == [
        ("Interviewer", "What gets in the way? Go on."),
        ("P04", "Staffing, mainly."),
        ("Interviewer", "And then?"),
    ]
    assert t.metadata["rows"] == 4
    errors = [str(w.message) for w in caught if "error" in str(w.message)]
    assert errors == [
        f"{f}: rows 3, 7 hold a spreadsheet's error value (#NAME?, #REF!), not talk: left "
        "out (Excel shows #NAME? for a cell it read as a formula, a turn typed starting with - "
        "or =: type the words again, starting with an apostrophe, and save again)"
    ]


def test_an_error_cell_of_an_xlsx_transcript_is_no_talk(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Speaker", "Text"])
    sheet.append(["Interviewer", "What gets in the way?"])
    sheet.append(["P04", "#DIV/0!"])
    sheet.append(["P04", "Staffing, mainly."])
    book.save(tmp_path / "p04.xlsx")
    t = read_quietly(tmp_path / "p04.xlsx")
    assert [(s, w) for s, _, w, _, _ in turns_of(t)] == [
        ("Interviewer", "What gets in the way?"),
        ("P04", "Staffing, mainly."),
    ]


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_roqas_codings_as_xlsx_and_a_quotes_sheet_copied_from_them_are_left_out_of_a_folder(
    tmp_path: Path,
) -> None:
    """Before, codings.xlsx stopped the whole run ("is a roqa codings or decisions file") while
    codings.csv was left out, and a quotes sheet copied from codings.csv (speaker, text, name_1)
    was read as one more interview."""
    from roqa_nlp.transcripts import expand_paths

    (tmp_path / "p01.txt").write_text("Interviewer: Hello?\nP01: Hi.\n", encoding="utf-8")
    codings = ["transcript", "segment_id", "speaker", "text", "code_1", "name_1"]
    row = ["p01", "p01:0001", "P01", "Hi.", "IS.A", "Structural Characteristics"]
    _xlsx(tmp_path / "codings.xlsx", [codings, row])
    (tmp_path / "codings.csv").write_text(",".join(codings) + "\n", encoding="utf-8")
    _xlsx(
        tmp_path / "my_quotes.xlsx",
        [["speaker", "text", "name_1", "probability_1"], ["P01", "Hi.", "x", "0.9"]],
    )
    (tmp_path / "quotes.csv").write_text(
        "Speaker,Text,Name_1,Probability_1\nP01,Hi.,x,0.9\n", encoding="utf-8"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert expand_paths([tmp_path]) == [tmp_path / "p01.txt"]
    assert [str(w.message) for w in caught] == [
        f"{tmp_path}: left out codings.csv, codings.xlsx, my_quotes.xlsx, quotes.csv: roqa's "
        "own output (codings or decisions, a table with its segment_id, or name_1 and "
        "probability_1, columns), not a transcript"
    ]


def test_a_transcript_table_with_a_code_column_of_its_own_is_still_read_from_a_folder(
    tmp_path: Path,
) -> None:
    (tmp_path / "p01.csv").write_text(
        "speaker,text,code_1\nInterviewer,Hello?,\nP01,Hi.,greeting\n", encoding="utf-8"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from roqa_nlp.transcripts import expand_paths

        assert expand_paths([tmp_path]) == [tmp_path / "p01.csv"]


def test_comma_decimal_seconds_in_a_semicolon_table_are_times(tmp_path: Path) -> None:
    """Excel in a comma-decimal locale saves ``0,5`` seconds in a semicolon CSV: before, "start
    '0,5' is not a time", while ``00:00:07,000`` was read."""
    f = tmp_path / "p04.csv"
    f.write_text(
        "speaker;text;start;end\nInterviewer;What gets in the way?;0,5;6,25\n"
        'P04;"Staffing, mainly.";7;19,75\nInterviewer;Go on.;00:00:20,000;22,5\n',
        encoding="utf-8",
    )
    t = read_quietly(f)
    assert [(s, b, e) for s, _, _, b, e in turns_of(t)] == [
        ("Interviewer", 0.5, 6.25),
        ("P04", 7.0, 19.75),
        ("Interviewer", 20.0, 22.5),
    ]


def test_a_comma_decimal_in_a_comma_table_is_still_no_time(tmp_path: Path) -> None:
    import pytest

    from roqa_nlp.errors import RoqaError

    f = tmp_path / "p04.csv"
    f.write_text('speaker,text,start\nP04,Staffing.,"0,5"\n', encoding="utf-8")
    with pytest.raises(RoqaError, match=r"row 2: start '0,5' is not a time"):
        read_quietly(f)


def test_decisions_on_the_second_sheet_of_a_workbook_say_only_the_first_is_read(
    tmp_path: Path,
) -> None:
    """Before: "holds no decisions", though the workbook holds them, on its second sheet."""
    import pytest
    from openpyxl import Workbook

    from roqa_nlp.decisions import read_decisions
    from roqa_nlp.errors import RoqaError

    book = Workbook()
    second = book.create_sheet("Alice")
    second.append(["segment_id", "decision", "code_id"])
    second.append(["p01:0008", "accept", "IS.A"])
    f = tmp_path / "decisions.xlsx"
    book.save(f)
    with pytest.raises(RoqaError) as exc:
        read_decisions(f)
    assert str(exc.value) == (
        f"{f}: its first sheet is empty, and only the first sheet of a workbook is read (the "
        "sheet 'Alice' holds cells) (move the decisions to the first sheet, or save that sheet "
        "as CSV UTF-8)"
    )


def test_a_spreadsheet_given_as_a_transcript_is_told_to_save_as_xlsx_or_csv(
    tmp_path: Path,
) -> None:
    """Before, an .ods transcript was told to save as .docx, .txt or .vtt."""
    import pytest

    from roqa_nlp.errors import RoqaError

    f = tmp_path / "p04.ods"
    f.write_bytes(b"PK\x03\x04")
    with pytest.raises(RoqaError) as exc:
        read_transcript(f)
    assert str(exc.value) == (
        f"{f}: is an OpenDocument spreadsheet (LibreOffice, OpenOffice), which roqa does not "
        "read as a transcript (save it as .xlsx or CSV UTF-8 with File > Save As in LibreOffice "
        "Calc, the transcript on its first sheet with the columns speaker and text, optional "
        "start and end)"
    )


def test_a_title_row_above_a_decisions_header_is_passed_over(tmp_path: Path) -> None:
    """Before: "decisions file has no segment_id column" (dec/title_row_above.csv), while a
    transcript table's title row was passed over."""
    from roqa_nlp.decisions import read_decisions

    f = tmp_path / "decisions.csv"
    f.write_text(
        '\ufeffAlice review 3 Dec,,\n""\nsegment_id;decision;code_id\np01:0008;accept;IS.A\n'
        "p01:0009;reject;IS.B\n",
        encoding="utf-8",
    )
    decisions, _ = read_decisions(f)
    assert [(d.segment_id, d.decision, d.code_id, d.row) for d in decisions] == [
        ("p01:0008", "accept", "IS.A", 4),
        ("p01:0009", "reject", "IS.B", 5),
    ]


def test_a_title_row_above_a_decisions_sheet_header_is_passed_over(tmp_path: Path) -> None:
    from roqa_nlp.decisions import read_decisions

    f = _xlsx(
        tmp_path / "decisions.xlsx",
        [
            ["Alice review"],
            [],
            ["segment_id", "decision", "code_id"],
            ["p01:0008", "accept", "IS.A"],
        ],
    )
    decisions, _ = read_decisions(f)
    assert [(d.segment_id, d.decision, d.code_id, d.row) for d in decisions] == [
        ("p01:0008", "accept", "IS.A", 4)
    ]


def test_a_title_row_above_a_records_header_is_passed_over(tmp_path: Path) -> None:
    """Before: "has no `text` column in its header row" (ev/title_row.csv)."""
    from roqa_nlp.record_files import read_records

    f = tmp_path / "gold.csv"
    f.write_text(
        '"Gold coding, team A"\n\ntext,construct\n"Staffing, mainly.",IS.D\n', encoding="utf-8"
    )
    assert read_records(f) == [(4, {"text": "Staffing, mainly.", "construct": "IS.D"})]
    x = _xlsx(tmp_path / "gold.xlsx", [["Gold coding"], ["text", "construct"], ["Yes.", "NONE"]])
    assert read_records(x) == [(3, {"text": "Yes.", "construct": "NONE"})]


def test_a_header_below_rows_of_several_cells_or_below_the_fifth_line_is_not_taken(
    tmp_path: Path,
) -> None:
    """Only a title (one cell a row) may come above the header, within the first 5 lines:
    else which row is the header is not clear, and the file is refused as before."""
    import pytest

    from roqa_nlp.decisions import read_decisions
    from roqa_nlp.errors import RoqaError

    several = tmp_path / "several.csv"
    several.write_text(
        "id,decision\nsegment_id,decision,code_id\np01:0008,accept,IS.A\n", encoding="utf-8"
    )
    deep = tmp_path / "deep.csv"
    deep.write_text(
        "Review\nby Alice\non 3 Dec\nof run 2\nfinal\nsegment_id,decision,code_id\n"
        "p01:0008,accept,IS.A\n",
        encoding="utf-8",
    )
    for f in (several, deep):
        with pytest.raises(RoqaError, match="decisions file has no segment_id column"):
            read_decisions(f)


def test_decisions_appended_below_a_title_row_take_the_headers_columns(tmp_path: Path) -> None:
    from roqa_nlp.decisions import Decision, append_decisions

    f = tmp_path / "decisions.csv"
    f.write_text("Alice review\nsegment_id;decision;code_id\np01:0008;accept;IS.A\n", "utf-8")
    append_decisions(f, [Decision(segment_id="p01:0009", decision="no-code")])
    assert f.read_text("utf-8-sig").splitlines()[-1] == "p01:0009;no-code;"


ERROR_THEN_CONTINUED = [
    ["speaker", "text"],
    ["Interviewer", "What gets in the way?"],
    ["Participant", "#NAME?"],
    ["", "And the rota is always late, so nobody can plan childcare."],
    ["", "We lose good people because of it."],
    ["Interviewer", "What helps?"],
    ["Participant", "The manager backs us."],
]


def _continued_turns(t: Transcript) -> list[tuple[str, str]]:
    return [(s, w) for s, _, w, _, _ in turns_of(t)]


def test_rows_with_no_speaker_after_an_error_cell_stay_the_error_rows_speakers(
    tmp_path: Path,
) -> None:
    """A turn typed starting with - becomes #NAME? in its first row only; the rows below it
    with an empty speaker are the rest of that answer. Before, the error row was left out with
    its speaker, so those rows continued the Interviewer's turn (participant words 23 -> 4)."""
    import csv

    f = tmp_path / "p04.csv"
    with open(f, "w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(ERROR_THEN_CONTINUED)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f)
    assert _continued_turns(t) == [
        ("Interviewer", "What gets in the way?"),
        (
            "Participant",
            "And the rota is always late, so nobody can plan childcare. "
            "We lose good people because of it.",
        ),
        ("Interviewer", "What helps?"),
        ("Participant", "The manager backs us."),
    ]
    assert [str(w.message) for w in caught] == [
        f"{f}: row 3 holds a spreadsheet's error value (#NAME?), not talk: left out (Excel "
        "shows #NAME? for a cell it read as a formula, a turn typed starting with - or =: type "
        "the words again, starting with an apostrophe, and save again)"
    ]


def test_rows_with_no_speaker_after_an_error_cell_of_an_xlsx_stay_its_speakers(
    tmp_path: Path,
) -> None:
    t = read_quietly(_xlsx(tmp_path / "p04.xlsx", ERROR_THEN_CONTINUED))
    assert [s for s, _ in _continued_turns(t)] == [
        "Interviewer",
        "Participant",
        "Interviewer",
        "Participant",
    ]
    assert _continued_turns(t)[1][1].startswith("And the rota is always late")


def test_a_txt_with_a_tab_header_line_but_prose_below_it_is_read_as_prose(tmp_path: Path) -> None:
    """A first line that looks like a tab table's header, then "Interviewer: ..." prose: no row
    has words in the text column, so it is no table. Before, "no speech found"."""
    txt = tmp_path / "p04.txt"
    txt.write_text(
        "Speaker\tText\tnotes\nInterviewer: What gets in the way?\nParticipant: Staffing.\n",
        encoding="utf-8",
    )
    t = read_quietly(txt)
    assert [(s, w) for s, _, w, _, _ in turns_of(t)] == [
        ("Interviewer", "What gets in the way?"),
        ("Participant", "Staffing."),
    ]
    assert t.metadata["format"] == "txt"


def test_a_tab_header_line_above_prose_with_a_tab_in_one_turn_is_read_as_prose(
    tmp_path: Path,
) -> None:
    """Hunt s41/5 (e/hdr2.txt): one turn of the prose holding a tab made the file a table of
    one row ('P05: Staffing mostly.' as a speaker), five turns lost; a table's lines below its
    header are rows, most of them at least."""
    txt = tmp_path / "p05.txt"
    txt.write_text(
        "Speaker\tText\n"
        "Interviewer: What gets in the way?\n"
        "P05:\tStaffing mostly.\n"
        "Interviewer: And what helps?\n"
        "P05: A manager who backs us.\n",
        encoding="utf-8",
    )
    t = read_quietly(txt)
    assert [(s, w) for s, _, w, _, _ in turns_of(t)] == [
        ("Interviewer", "What gets in the way?"),
        ("P05", "Staffing mostly."),
        ("Interviewer", "And what helps?"),
        ("P05", "A manager who backs us."),
    ]
    assert t.metadata["format"] == "txt"


@pytest.mark.parametrize("extra", [["name_1"], ["probability_1"], ["Name_1", "notes"]])
def test_a_transcript_table_with_one_of_roqas_ranked_columns_is_read_from_a_folder(
    tmp_path: Path, extra: list[str]
) -> None:
    """A transcript sheet of its own with a name_1 column (the interviewer's name, hunt2
    t2/f2/p06.xlsx): only segment_id, or both name_1 and probability_1, make roqa's codings.
    Before, it was left out of the folder with a warning."""
    from roqa_nlp.transcripts import expand_paths

    header = ["speaker", "text", *extra]
    _xlsx(tmp_path / "p06.xlsx", [header, ["P06", "Hi.", *(["Tom"] * len(extra))]])
    (tmp_path / "p07.csv").write_text(
        ",".join(header) + "\nP07,Hi.," + ",".join(["x"] * len(extra)) + "\n", encoding="utf-8"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert expand_paths([tmp_path]) == [tmp_path / "p06.xlsx", tmp_path / "p07.csv"]


#: s71 readers, finding 1: Excel keeps a time as the fraction of a day it is; a Start column
#: formatted General shows (and saves in a CSV) ``0.0008351852``, which is 00:01:12.160.
DAY_ROWS = [
    ("Interviewer", "Thanks for joining me. Could you tell me about your service?", 0.0007523148, 0.0008270833),
    ("P42", "I'm the registered manager of a supported living service in Luton.", 0.0008351852, 0.0009583333),
    ("Interviewer", "What gets in the way?", 0.0009664352, 0.0010148148),
    ("P42", "Honestly, staffing. We lose people to the supermarkets.", 0.0010229167, 0.0011768519),
]  # fmt: skip
DAY_SECONDS = [(65.0, 71.46), (72.16, 82.8), (83.5, 87.68), (88.38, 101.68)]


def read_warning(path: Path) -> tuple[Transcript, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path)
    return t, [str(w.message) for w in caught]


def test_excel_day_fractions_in_a_csv_are_read_as_times_with_one_warning(tmp_path: Path) -> None:
    """Before, the times were read as seconds (every quote cited at 00:00:00), silently."""
    f = tmp_path / "p42.csv"
    f.write_text(
        "Speaker,Text,Start,End\n"
        + "".join(f'{s},"{w}",{b:.10f},{e:.10f}\n' for s, w, b, e in DAY_ROWS),
        encoding="utf-8",
    )
    t, said = read_warning(f)
    assert [(b, e) for _, _, _, b, e in turns_of(t)] == DAY_SECONDS
    assert said == [
        f"{f}: its Start and End columns hold numbers below 1 for 35 words of talk: read as "
        "Excel's fractions of a day (0.0007523148 is 00:01:05.000; format the Start and End "
        "columns as hh:mm:ss in Excel before saving, to keep them as times)"
    ]


def test_excel_day_fractions_in_an_xlsx_general_column_are_read_as_times(tmp_path: Path) -> None:
    """Numeric cells of a column formatted General, one below 8.64 s (Python writes it as
    ``4.6296296296296294e-05``: before, "start ... is not a time")."""
    rows = [list(r) for r in DAY_ROWS]
    rows[0][2] = 4 / 86400
    f = _xlsx(tmp_path / "p44.xlsx", [["Speaker", "Text", "Start", "End"], *rows])
    t, said = read_warning(f)
    assert [(b, e) for _, _, _, b, e in turns_of(t)] == [(4.0, 71.46), *DAY_SECONDS[1:]]
    assert len(said) == 1
    assert said[0].startswith(f"{f}: its Start and End columns hold numbers below 1 for 35 words")


def test_day_fractions_with_a_decimal_comma_in_a_semicolon_table_are_times(
    tmp_path: Path,
) -> None:
    f = tmp_path / "p42.csv"
    f.write_text(
        "Speaker;Text;Start\n"
        + "".join(f"{s};{w};{str(b).replace('.', ',')}\n" for s, w, b, _ in DAY_ROWS),
        encoding="utf-8",
    )
    t, said = read_warning(f)
    assert [b for _, _, _, b, _ in turns_of(t)] == [b for b, _ in DAY_SECONDS]
    assert "its Start column holds numbers below 1" in said[0]


def test_times_below_a_second_of_a_few_words_are_still_seconds(tmp_path: Path) -> None:
    """A clip of a few words can last under a second: its times are seconds, as written."""
    f = tmp_path / "p04.csv"
    f.write_text(
        "speaker,text,start,end\nInterviewer,Okay?,0.1,0.4\nP04,Yes.,0.5,0.9\n", encoding="utf-8"
    )
    t, said = read_warning(f)
    assert [(b, e) for _, _, _, b, e in turns_of(t)] == [(0.1, 0.4), (0.5, 0.9)]
    assert said == []


def test_xlsx_time_cells_and_seconds_are_read_as_before(tmp_path: Path) -> None:
    """Cells formatted as times (datetime.time) and durations (timedelta) read as clock times
    and seconds; no day fractions, no warning."""
    import datetime

    f = _xlsx(
        tmp_path / "p33.xlsx",
        [
            ["Start", "End", "Speaker", "Text"],
            [datetime.time(0, 1, 5), datetime.timedelta(seconds=70), "Interviewer", ROWS[0][1]],
            [datetime.time(0, 1, 10, 500000), 80.25, "P33", ROWS[1][1]],
        ],
    )
    t, said = read_warning(f)
    assert [(b, e) for _, _, _, b, e in turns_of(t)] == [(65.0, 70.0), (70.5, 80.25)]
    assert said == []
