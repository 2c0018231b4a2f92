"""A number under an Excel number format reads as Excel shows it (tester s83 messy13, D6: a
participant's answer typed ``£1,500`` in an .xlsx transcript was coded as ``1500``; ``12,000``
as ``12000``, ``1/2`` as ``0.5``, ``3.50`` as ``3.5``). Expected strings are what Excel shows
(its ends stripped of alignment padding); a format the formatter does not read gives None, and
the reader keeps the number's own text as before."""

from __future__ import annotations

import pytest

from roqa_nlp.number_formats import format_sections, number_as_shown

ACCOUNTING_GBP = '_-"£"* #,##0.00_-;-"£"* #,##0.00_-;_-"£"* "-"??_-;_-@_-'


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        # whole numbers and fixed decimals, rounded half away from zero as Excel shows them
        (3.5, "0", "4"),
        (3.0, "0", "3"),
        (3.5, "0.00", "3.50"),
        (2.675, "0.00", "2.68"),
        (-2.675, "0.00", "-2.68"),
        (0.5, "#.00", ".50"),
        (0.5, "0.0#", "0.5"),
        (123, "00000", "00123"),
        (1234, "000-000", "001-234"),
        # thousands separator, and the scaling comma after the digits
        (12000, "#,##0", "12,000"),
        (1234567.891, "#,##0.00", "1,234,567.89"),
        (999, "#,##0", "999"),
        (123456789012345678, "#,##0", "123,456,789,012,346,000"),  # 15 digits kept
        (0.1 + 0.2, "0.0000000000000000", "0.3000000000000000"),
        (5, "0,000", "0,005"),
        (1234567, "#,##0,", "1,235"),
        (1234567, '0.0,,"M"', "1.2M"),
        # currency: a quoted or bare symbol, a locale tag, the accounting layout
        (1500, '"£"#,##0.00', "£1,500.00"),
        (-1500, '"£"#,##0.00', "-£1,500.00"),
        (1500, "[$£-809]#,##0.00", "£1,500.00"),
        (1500, "[$€-2] #,##0", "€ 1,500"),
        (1500, "[$-409]#,##0", "1,500"),
        (1500, "$#,##0.00", "$1,500.00"),
        (1500, ACCOUNTING_GBP, "£1,500.00"),
        (-1500, ACCOUNTING_GBP, "-£1,500.00"),
        (0, ACCOUNTING_GBP, "£-"),
        # negative and zero sections (the negative one shows no minus of its own), colours
        (-1500, "#,##0.00;[Red]-#,##0.00", "-1,500.00"),
        (-1500, "#,##0;(#,##0)", "(1,500)"),
        (-1500, "#,##0.00_);[Red](#,##0.00)", "(1,500.00)"),
        (1500, "#,##0.00_);[Red](#,##0.00)", "1,500.00"),
        (0, '#,##0;-#,##0;"nil"', "nil"),
        (7, "[Blue]0.00", "7.00"),
        (7, "[Color10]0", "7"),
        (-5, "0.00;General", "5"),
        # fractions: nearest with a denominator of up to one, two or three digits, or a fixed one
        (0.5, "# ?/?", "1/2"),
        (1.5, "# ?/?", "1 1/2"),
        (-1.5, "# ?/?", "-1 1/2"),
        (1.3, "# ?/?", "1 2/7"),  # 2/7 is nearer 0.3 than 1/3
        (0.3333, "# ??/??", "1/3"),
        (1.5, "# ??/??", "1  1/2"),
        (0.3125, "# ???/???", "5/16"),
        (1.75, "?/?", "7/4"),
        (2, "# ?/?", "2"),
        (0, "# ?/?", "0"),
        (0.999, "# ?/?", "1"),
        (1.3, "# ?/8", "1 2/8"),
        (0.25, "# ??/100", "25/100"),
        # scientific, and engineering with ##0
        (12345, "0.00E+00", "1.23E+04"),
        (0.00012345, "0.00E+00", "1.23E-04"),
        (99999, "0.0E+0", "1.0E+5"),
        (12345, "0.00E-00", "1.23E04"),
        (0, "0.00E+00", "0.00E+00"),
        (12345, "##0.0E+0", "12.3E+3"),
        (0.5, "##0.0E+0", "500.0E-3"),
        # percentages
        (0.25, "0%", "25%"),
        (12.3456, "#,##0.0%", "1,234.6%"),
        (-0.5, "0.00%", "-50.00%"),
        # literals: quoted, escaped, a unit after the number, General among them
        (5, '0" kg"', "5 kg"),
        (5, "0\\h", "5h"),
        (5, '"£"General', "£5"),
        (0.5, '"Score: "General', "Score: 0.5"),
        # formats not read: the number's own text, as before
        (25, "General", None),
        (25, "@", None),
        (5, "[>=100]0;0.0", None),
        (5, "d-mmm", None),
        (-5, "0;;", None),  # an empty section hides the number: its own text, not nothing
        (0.25, "#", None),
        (float("inf"), "0.00", None),
        # numbers at the ends of a float's range, under formats asking too much of them
        (5e-324, "0.00E+00", "5.00E-324"),
        (1e308, "0.00E+00", "1.00E+308"),
        (1e308, "0%", None),
        (1e308, "?/8", None),
        (1234.5, "0" * 400 + ".0E+0", None),
        (5, '0/"1a"', None),  # no denominator after the slash
    ],
)
def test_number_as_shown(value: float, number_format: str, shown: str | None) -> None:
    assert number_as_shown(value, number_format) == shown


def test_excel_built_in_number_formats_are_all_read() -> None:
    """Every built-in number format Excel offers (openpyxl's list) but General and Text shows
    1234.5 and -1234.5 as Excel does; id 44 is left out: openpyxl's copy of it lost its
    semicolons."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    shown = {
        i: (number_as_shown(1234.5, f), number_as_shown(-1234.5, f))
        for i, f in BUILTIN_FORMATS.items()
        if not is_date_format(f) and i not in (0, 44, 49)
    }
    assert shown == {
        1: ("1235", "-1235"),
        2: ("1234.50", "-1234.50"),
        3: ("1,235", "-1,235"),
        4: ("1,234.50", "-1,234.50"),
        5: ("$1,235", "($1,235)"),
        6: ("$1,235", "($1,235)"),
        7: ("$1,234.50", "($1,234.50)"),
        8: ("$1,234.50", "($1,234.50)"),
        9: ("123450%", "-123450%"),
        10: ("123450.00%", "-123450.00%"),
        11: ("1.23E+03", "-1.23E+03"),
        12: ("1234 1/2", "-1234 1/2"),
        13: ("1234  1/2", "-1234  1/2"),
        37: ("1,235", "(1,235)"),
        38: ("1,235", "(1,235)"),
        39: ("1,234.50", "(1,234.50)"),
        40: ("1,234.50", "(1,234.50)"),
        41: ("1,235", "(1,235)"),
        42: ("$1,235", "$(1,235)"),
        43: ("1,234.50", "(1,234.50)"),
        48: ("1.2E+3", "-1.2E+3"),
    }


def test_format_sections_split_at_semicolons_outside_quotes_and_escapes() -> None:
    assert format_sections('0;"a;b"\\;0;@') == ["0", '"a;b"\\;0', "@"]
