"""Dates in interview file names, and whether the order taken is theirs (s59 sat, finding 1)."""

from __future__ import annotations

import datetime

from roqa_nlp.name_dates import DAY_FIRST, MONTH_FIRST, dated_order_note, name_dates


def test_a_first_number_above_12_makes_the_dates_day_first() -> None:
    assert name_dates(["P01_24-06-2020", "P02_06.07.2020", "P03 no date"]) == (
        DAY_FIRST,
        [("P01_24-06-2020", datetime.date(2020, 6, 24)), ("P02_06.07.2020", datetime.date(2020, 7, 6))],
    )  # fmt: skip


def test_a_second_number_above_12_makes_the_dates_month_first() -> None:
    assert name_dates(["06-24-2020", "07_06_2020"]) == (
        MONTH_FIRST,
        [("06-24-2020", datetime.date(2020, 6, 24)), ("07_06_2020", datetime.date(2020, 7, 6))],
    )


def test_year_first_dates_one_date_alone_and_numbers_that_are_no_date_are_not_read() -> None:
    assert name_dates(["2020-07-06", "2020-06-24"]) == ("", [])
    assert name_dates(["06-07-2020", "p2"]) == ("", [])
    assert name_dates(["13-13-2020", "01-01-2020"]) == ("", [])


def test_no_note_when_the_dates_are_in_the_order_taken() -> None:
    assert dated_order_note(["24-06-2020", "06-07-2020", "06-07-2020_b"], "x") == ""


def test_dates_no_number_above_12_tells_are_read_day_first_and_the_note_says_so() -> None:
    """Neither reading of ``01-03-2020, 02-01-2020, 01-02-2020`` is in the order taken: the note
    says day first is a guess."""
    assert dated_order_note(["01-03-2020", "02-01-2020", "01-02-2020"], "taken") == (
        "taken (01-03-2020, 02-01-2020, 01-02-2020), not the order of the dates their names "
        "hold (02-01-2020, 01-02-2020, 01-03-2020, read day first: dd-mm-yyyy, as no number "
        "above 12 tells day from month); the saturation verdicts depend on the order: give the "
        "order the interviews were done in, `roqa report --order 02-01-2020,01-02-2020,"
        "01-03-2020` (or a file with one per line), or rename the files with the date year "
        "first (02-01-2020 as 2020-01-02), which sorts by date"
    )


def test_no_note_when_no_number_tells_and_month_first_the_dates_are_in_order() -> None:
    """s60 hunt (L2): US names ``01-05-2020, 02-03-2020, 03-01-2020`` are in date order month
    first; with no number above 12 the order is not called wrong. Nor are site, participant and
    year (``1_2_2020``) read so."""
    assert dated_order_note(["01-05-2020", "02-03-2020", "03-01-2020"], "taken") == ""
    assert dated_order_note(["1_2_2020", "1_3_2020", "2_1_2020"], "taken") == ""


def test_a_record_number_is_no_year() -> None:
    """s60 hunt (L1): ``site-1-12-1002`` holds a record number, not a date in the year 1002."""
    assert dated_order_note(["site-1-12-1002", "site-2-05-1001", "site-3-01-1003"], "x") == ""


def test_a_name_with_no_date_among_dated_ones_gives_no_note() -> None:
    """s60 hunt (M1): an order of the dated names alone would leave the others out of the
    saturation table, so with ``p01_pilot`` among them nothing is said."""
    assert dated_order_note(["04-09-2020", "15-06-2020", "p01_pilot"], "x") == ""


def test_a_name_renamed_year_first_is_placed_by_its_date_and_named_in_the_order() -> None:
    """s60 hunt (M1): one file renamed year first as the note advises is dated too; the
    ``--order`` holds every name, ready to paste."""
    note = dated_order_note(["04-09-2020", "06-07-2020", "15-06-2020", "2020-09-21"], "taken")
    assert "`roqa report --order 15-06-2020,06-07-2020,04-09-2020,2020-09-21`" in note
    assert note.startswith("taken (04-09-2020, 06-07-2020, 15-06-2020 ...), not the order ")
    assert note.endswith("(15-06-2020 as 2020-06-15), which sorts by date")


def test_month_first_dates_across_a_new_year_are_out_of_name_order() -> None:
    note = dated_order_note(["01-13-2021", "12-31-2020"], "taken")
    assert note.startswith(
        "taken (01-13-2021, 12-31-2020), not the order of the dates their names hold "
        "(12-31-2020, 01-13-2021, read month first: mm-dd-yyyy); "
    )
    assert note.endswith("(12-31-2020 as 2020-12-31), which sorts by date")
