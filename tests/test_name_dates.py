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
    """Name order of ``01-02-2020, 01-03-2020, 02-01-2020`` is their month-first order: the note
    says the reading is a guess, and that month first this order is theirs."""
    assert dated_order_note(["01-02-2020", "01-03-2020", "02-01-2020"], "taken") == (
        "taken (01-02-2020, 01-03-2020, 02-01-2020), not the order of the dates their names "
        "hold (02-01-2020, 01-02-2020, 01-03-2020, read day first: dd-mm-yyyy, as no number "
        "above 12 tells day from month; if they are month first, mm-dd-yyyy, this order is "
        "theirs); the saturation verdicts depend on the order: give the order the interviews "
        "were done in, `roqa report --order 02-01-2020,01-02-2020,01-03-2020` (or a file with "
        "one per line), or rename the files with the date year first (02-01-2020 as "
        "2020-01-02), which sorts by date"
    )


def test_month_first_dates_across_a_new_year_are_out_of_name_order() -> None:
    note = dated_order_note(["01-13-2021", "12-31-2020"], "taken")
    assert note.startswith(
        "taken (01-13-2021, 12-31-2020), not the order of the dates their names hold "
        "(12-31-2020, 01-13-2021, read month first: mm-dd-yyyy); "
    )
    assert note.endswith("(12-31-2020 as 2020-12-31), which sorts by date")
