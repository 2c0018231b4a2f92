"""A number under an Excel number format, as Excel shows it: ``"£"#,##0.00`` shows 1500 as
``£1,500.00``, ``#,##0`` 12000 as ``12,000``, ``# ?/?`` 0.5 as ``1/2``, ``0.00E+00`` 12345 as
``1.23E+04``, ``0.0%`` 0.125 as ``12.5%`` (tester s83 messy13, D6: an answer typed ``£1,500``
was read as ``1500``).

What it reads of a format (ECMA-376 Part 1, 18.8.31 numFmts): up to four sections parted by
``;`` (positive; negative, shown without its minus sign; zero; text), quoted and escaped
literals, ``_x`` (the width of ``x``: a space) and ``*x`` (a fill: nothing), colours
(``[Red]``, ``[Color10]``), locale tags (``[$£-809]`` shows ``£``, ``[$-409]`` nothing), the
digit placeholders ``0`` ``#`` ``?`` with a decimal point, a thousands separator and the
scaling comma after the digits, ``%``, a scientific exponent (``E+00``, ``E-0``), fractions
(``# ?/?``, ``??/??``, ``# ?/8``) and ``General``. A format with a condition (``[>=100]``) or
any other bracket, date or time letters, or ``@`` is not read (:func:`number_as_shown` gives
None): a reader then keeps the number's own text, as before."""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

#: One piece of a number format's section: a quoted literal, an escaped character, a padding or
#: fill character, a bracketed part, ``General``, a scientific exponent, a digit placeholder, or
#: any other character (shown as it is, unless it is one that asks for what a number has not).
_PIECE = re.compile(
    r'"(?P<quoted>[^"]*)"?|\\(?P<escaped>.)|(?P<padding>_.)|(?P<fill>\*.)|\[(?P<bracket>[^\]]*)\]'
    r"|(?P<general>(?i:general))|(?P<exponent>[eE][+-])|(?P<digit>[0#?])|(?P<other>.)",
    re.DOTALL,
)
#: a bracket showing a colour (``[Red]``, ``[Color10]``), which shows nothing: the eight
#: names and the 56 numbered colours of the format's grammar
_COLOUR = re.compile(r"(?i)black|blue|cyan|green|magenta|red|white|yellow|color\d{1,2}")
#: what no number's format holds outside quotes: date and time letters, a text placeholder
_NOT_A_NUMBER = set("yYmMdDhHsSeEbBgG@")


#: what a digit placeholder shows where the number has no digit for it (a leading or trailing
#: zero): ``0`` a zero, ``?`` a space (keeping the digits aligned), ``#`` nothing
_PAD = {"0": "0", "?": " ", "#": ""}


class _Unread(Exception):
    """A number format (or one of its sections) this module does not read."""


def format_sections(number_format: str) -> list[str]:
    """The sections of a number format (``positive;negative;zero;text``), split at each ``;``
    outside quotes and not escaped."""
    out, piece, quoted, escaped = [], "", False, False
    for c in number_format:
        if c == '"' and not escaped:
            quoted = not quoted
        if c == ";" and not quoted and not escaped:
            out.append(piece)
            piece = ""
        else:
            piece += c
        escaped = c == "\\" and not escaped and not quoted
    return [*out, piece]


def number_as_shown(value: float, number_format: str) -> str | None:
    """The text Excel shows for the number ``value`` under ``number_format``, its ends
    stripped of padding, or None for a format this module does not read (see the module
    docstring) and for ``General`` alone, under which a number shows its own text."""
    if not math.isfinite(value):
        return None
    sections = format_sections(number_format)
    if value < 0 and len(sections) >= 2:
        section, value, signed = sections[1], -value, False
    elif value == 0 and len(sections) >= 3:
        section, signed = sections[2], False
    else:
        section, signed = sections[0], True
    if section.strip().lower() == "general":  # the number's own text (less its minus sign)
        return None if signed else _general(value)
    try:
        pieces = _pieces(section)
        shown = _shown(value, pieces, signed)
    except _Unread:
        return None
    return shown.strip() or None


def _pieces(section: str) -> list[tuple[str, str]]:
    """The pieces of a section: (kind, text) with kind ``literal``, ``general``, ``exponent``
    (its sign), ``digit`` (``0``, ``#`` or ``?``), or ``.``, ``,``, ``%``, ``/``."""
    out: list[tuple[str, str]] = []
    for m in _PIECE.finditer(section):
        if m["quoted"] is not None:
            out.append(("literal", m["quoted"]))
        elif m["escaped"] is not None:
            out.append(("literal", m["escaped"]))
        elif m["padding"]:
            out.append(("literal", " "))
        elif m["fill"]:
            continue
        elif m["bracket"] is not None:
            out.append(("literal", _bracket(m["bracket"])))
        elif m["general"]:
            out.append(("general", ""))
        elif m["exponent"]:
            out.append(("exponent", m["exponent"][1]))
        elif m["digit"]:
            out.append(("digit", m["digit"]))
        elif m[0] in ".,%/":
            out.append((m[0], m[0]))
        elif m[0] in _NOT_A_NUMBER:
            raise _Unread
        else:
            out.append(("literal", m[0]))
    return out


def _bracket(inside: str) -> str:
    """What a bracketed part shows: a locale tag's currency symbol, a colour nothing."""
    if inside.startswith("$"):
        return inside[1:].split("-")[0]
    if _COLOUR.fullmatch(inside):
        return ""
    raise _Unread  # a condition ([>=100]), an elapsed time ([h]), a calendar ([$-F800] aside)


def _shown(value: float, pieces: list[tuple[str, str]], signed: bool) -> str:
    kinds = [k for k, _ in pieces]
    sign = "-" if signed and value < 0 else ""
    value = abs(value) * 100 ** kinds.count("%")
    if not math.isfinite(value):  # a percentage of a number near the largest there is
        raise _Unread
    if "general" in kinds:
        if "digit" in kinds:
            raise _Unread
        return sign + "".join(_general(value) if k == "general" else t for k, t in pieces)
    if "digit" not in kinds:  # literals alone ("zero", or "-" in an accounting format)
        return "".join(t for k, t in pieces if k != ",")
    if "/" in kinds and _fraction_slash(pieces) is not None:
        return sign + _fraction(value, pieces)
    if "exponent" in kinds:
        return sign + _scientific(value, pieces)
    return sign + _decimal(value, pieces)


def _general(value: float) -> str:
    """A number's own text, as ``General`` shows it (a whole number without ``.0``, a tiny one
    ``1E-10``)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).upper()


def _rounded(value: float, decimals: int) -> Decimal:
    """``value`` rounded half away from zero to ``decimals`` places, as Excel rounds what it
    shows (2.675 to 2.68: from the number's shortest text, not its binary value), after its
    15 significant digits, all Excel keeps (123456789012345678 shows 123456789012346000)."""
    exact = Decimal(repr(float(value)))
    if not exact.is_finite():  # scaled past the largest float
        raise _Unread
    context = Context(prec=max(exact.adjusted(), 0) + 20 + decimals)
    if exact and exact.as_tuple().exponent < exact.adjusted() - 14:  # type: ignore[operator]
        exact = exact.quantize(Decimal(1).scaleb(exact.adjusted() - 14), ROUND_HALF_UP, context)
    return exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP, context)


def _decimal(value: float, pieces: list[tuple[str, str]]) -> str:
    """A number under digit placeholders with a decimal point, thousands separator, scaling
    commas and percent signs."""
    point = next((i for i, (k, _) in enumerate(pieces) if k == "."), len(pieces))
    whole_part, decimal_part = pieces[:point], pieces[point + 1 :]
    digits = [i for i, (k, _) in enumerate(whole_part) if k == "digit"]
    if not digits and point == len(pieces):
        raise _Unread
    if any(k in (".", "exponent") for k, _ in decimal_part):
        raise _Unread
    # a comma between placeholders groups the thousands; commas right after the last
    # placeholder of the whole or the decimal part scale by a thousand each
    grouped = bool(digits) and any(k == "," for k, _ in whole_part[digits[0] : digits[-1]])
    scale = _commas_after(whole_part) + _commas_after(decimal_part)
    places = [t for k, t in decimal_part if k == "digit"]
    number = _rounded(value / 1000**scale, len(places))
    whole, _, fraction = f"{number:f}".partition(".")
    whole = whole.lstrip("0")
    out = _whole_digits(whole, whole_part, digits, grouped)
    if point < len(pieces):
        out += "." + _decimal_digits(fraction, decimal_part)
    return out


def _commas_after(part: list[tuple[str, str]]) -> int:
    """How many commas follow the last digit placeholder of ``part`` (the scaling commas)."""
    last = max((i for i, (k, _) in enumerate(part) if k == "digit"), default=None)
    if last is None:
        return 0
    n = 0
    while last + 1 + n < len(part) and part[last + 1 + n][0] == ",":
        n += 1
    return n


def _text(kind: str, text: str) -> str:
    """What a piece that is no placeholder shows: a literal, ``%`` or ``/`` as itself."""
    return text if kind in ("literal", "%", "/") else ""


def _whole_digits(whole: str, part: list[tuple[str, str]], digits: list[int], grouped: bool) -> str:
    """The digits of a whole number ``whole`` ("" for 0) in the placeholders of ``part`` (at
    ``digits``), filled from the right: ``0`` shows a zero where no digit is left, ``?`` a
    space, ``#`` nothing; digits beyond the placeholders go to the leftmost."""
    if not digits:
        return "".join(_text(k, t) for k, t in part)
    placeholders = [part[i][1] for i in digits]
    padded = whole
    for p in reversed(placeholders[: max(len(placeholders) - len(whole), 0)]):
        padded = _PAD[p] + padded
    if grouped:
        between = [k for k, _ in part[digits[0] : digits[-1]] if k not in ("digit", ",")]
        if between:
            raise _Unread  # literals among grouped placeholders
        shown = _grouped(padded)
        before = "".join(_text(k, t) for k, t in part[: digits[0]])
        after = "".join(_text(k, t) for k, t in part[digits[-1] + 1 :])
        return before + shown + after
    # fill from the right, the rest of the number in the leftmost placeholder
    texts: dict[int, str] = {}
    rest = padded
    for n, i in enumerate(reversed(digits)):
        if n == len(digits) - 1:
            texts[i] = rest
        else:
            texts[i], rest = rest[-1:], rest[:-1]
    return "".join(texts[i] if i in texts else _text(k, t) for i, (k, t) in enumerate(part))


def _grouped(digits: str) -> str:
    """``digits`` (zeros and spaces of padding included) with a comma between each three."""
    core = digits.lstrip(" ")
    lead = digits[: len(digits) - len(core)]
    groups: list[str] = []
    while core:
        groups.insert(0, core[-3:])
        core = core[:-3]
    return lead + ",".join(groups)


def _decimal_digits(fraction: str, part: list[tuple[str, str]]) -> str:
    """The decimal digits ``fraction`` in the placeholders of ``part``: trailing zeros show as
    ``0`` under ``0``, a space under ``?``, nothing under ``#``."""
    significant = len(fraction.rstrip("0"))
    out, n = [], 0
    for k, t in part:
        if k == "digit":
            if n < significant:
                out.append(fraction[n])
            else:
                out.append(_PAD[t])
            n += 1
        else:
            out.append(_text(k, t))
    return "".join(out)


def _scientific(value: float, pieces: list[tuple[str, str]]) -> str:
    """A number under ``0.00E+00``: the mantissa's placeholders before the exponent, the
    exponent's after it (``E+`` shows its sign always, ``E-`` only when negative); with ``#``
    among several whole-number placeholders (``##0.0E+0``), the exponent is a multiple of
    their count."""
    at = next(i for i, (k, _) in enumerate(pieces) if k == "exponent")
    mantissa_part, exponent_part = pieces[:at], pieces[at + 1 :]
    exponent_places = [t for k, t in exponent_part if k == "digit"]
    if not exponent_places or any(k in (".", ",", "/", "exponent") for k, _ in exponent_part):
        raise _Unread
    point = next((i for i, (k, _) in enumerate(mantissa_part) if k == "."), len(mantissa_part))
    whole_places = [t for k, t in mantissa_part[:point] if k == "digit"]
    decimals = sum(1 for k, _ in mantissa_part[point + 1 :] if k == "digit")
    step = len(whole_places) if "#" in whole_places and len(whole_places) > 1 else 1
    wide = max(len(whole_places), 1)
    exponent = 0
    if value:
        top = math.floor(math.log10(value))
        exponent = (top // step) * step if step > 1 else top - (wide - 1)
        mantissa = _rounded(_shifted(value, -exponent), decimals)
        if step == 1 and mantissa >= 10**wide:  # 9.999 rounded up to 10.00: one place up
            exponent += 1
        elif step > 1 and mantissa >= 10**step:
            exponent += step
    mantissa_text = _decimal(_shifted(value, -exponent), [p for p in mantissa_part if p[0] != ","])
    exponent_sign = "-" if exponent < 0 else ("+" if pieces[at][1] == "+" else "")
    zeros = sum(1 for t in exponent_places if t == "0")
    tail = "".join(_text(k, t) for k, t in exponent_part)
    return f"{mantissa_text}E{exponent_sign}{str(abs(exponent)).zfill(zeros)}{tail}"


def _shifted(value: float, places: int) -> float:
    """``value`` times ten to the power ``places``, exact in decimal (a float's power of ten
    underflows to 0 below 1e-323)."""
    return float(Decimal(repr(float(value))).scaleb(places))


def _fraction_slash(pieces: list[tuple[str, str]]) -> int | None:
    """Where the ``/`` of a fraction stands: right after a numerator's placeholders and before
    a denominator's (placeholders or digits); None when the ``/`` is only a character shown."""
    at = next(i for i, (k, _) in enumerate(pieces) if k == "/")
    before = pieces[at - 1] if at else ("", "")
    after = pieces[at + 1] if at + 1 < len(pieces) else ("", "")
    if before[0] == "digit" and (after[0] == "digit" or after[1][:1].isdigit()):
        return at
    return None


def _fraction(value: float, pieces: list[tuple[str, str]]) -> str:
    """A number under ``# ?/?``, ``# ??/??``, ``?/?`` (no whole part) or ``# ?/8`` (a fixed
    denominator): the whole part, then the nearest fraction whose denominator fits the
    placeholders (Python's ``Fraction.limit_denominator``). A number with no fraction left
    shows its whole part alone, spaces in the fraction's place."""
    at = _fraction_slash(pieces)
    assert at is not None
    start = at
    while start and pieces[start - 1][0] == "digit":
        start -= 1
    numerator_places = [t for _, t in pieces[start:at]]
    end = at + 1
    denominator = ""
    while end < len(pieces) and (pieces[end][0] == "digit" or pieces[end][1].isdigit()):
        denominator += pieces[end][1]
        end += 1
    whole_part, tail = pieces[:start], pieces[end:]
    if not denominator or any(
        k in (".", "/", "exponent", ",", "%") for k, _ in [*whole_part, *tail]
    ):
        raise _Unread
    digits = [i for i, (k, _) in enumerate(whole_part) if k == "digit"]
    whole, rest = (int(value), value - int(value)) if digits else (0, value)
    if denominator.isdigit() and denominator[0] != "0":  # a fixed denominator, not reduced
        below = int(denominator)
        if not math.isfinite(rest * below):
            raise _Unread
        top = int(_rounded(rest * below, 0))
        below_text = denominator
    else:
        if any(c.isdigit() and c != "0" for c in denominator):
            raise _Unread
        nearest = Fraction(rest).limit_denominator(10 ** len(denominator) - 1)
        top, below = nearest.numerator, nearest.denominator
        below_text = _padded_right(str(below), list(denominator))
    if top >= below and digits:
        whole, top = whole + 1, 0
    width = len(numerator_places) + 1 + len(denominator)
    if top == 0 and digits:
        return _whole_digits(str(whole) if whole else "0", whole_part, digits, False) + (
            " " * width
        )
    whole_text = _whole_digits(str(whole) if whole else "", whole_part, digits, False)
    if not digits:
        whole_text = "".join(_text(k, t) for k, t in whole_part)
    top_text = _padded_left(str(top), numerator_places)
    tail_text = "".join(_text(k, t) for k, t in tail)
    return f"{whole_text}{top_text}/{below_text}{tail_text}"


def _padded_left(text: str, places: list[str]) -> str:
    pad = "".join(_PAD[p] for p in places[: max(0, len(places) - len(text))])
    return pad + text


def _padded_right(text: str, places: list[str]) -> str:
    pad = "".join(_PAD[p] for p in places[len(text) :])
    return text + pad
