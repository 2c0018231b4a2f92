"""An alternation compiled in parts finds what the whole alternation finds (session 70: a key's
names were compiled anew for each transcript, most of a study's pseudonymising time)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from roqa_nlp.alternation import Alternation, _compiled
from roqa_nlp.pseudonyms import PseudonymKey
from roqa_nlp.schema import Transcript, Turn

BEFORE, AFTER = r"(?<![^\W\d_])", r"(?![^\W\d_])"


def whole_matches(regexes: list[str], text: str, flags: int = 0) -> list[tuple[int, int, int]]:
    body = "|".join(f"(?P<_{i}>{r})" for i, r in enumerate(regexes))
    pattern = re.compile(f"{BEFORE}(?:{body}){AFTER}", flags)
    return [(m.start(), m.end(), int(str(m.lastgroup)[1:])) for m in pattern.finditer(text)]


def parts_matches(
    regexes: list[str], text: str, flags: int = 0, part=lambda i: i % 3
) -> list[tuple[int, int, int]]:
    alternation = Alternation(list(zip(regexes, range(len(regexes)))), BEFORE, AFTER, flags, part)
    return [(m.start(), m.end(), i) for m, i in alternation.finditer(text)]


REGEXES = [
    r"Mac ?Briain",
    r"(?i:Ó'?\s*Briain)",
    r"Briain",
    r"Mac",
    r"Seán(?: Ó)?",
    r"Se[aá]n",
    r"Ann(?:e)?",
    r"Anne Marie",
]
TEXT = "Mac Briain, Ó Briain and Seán Ó Briain met Anne Marie, Anne and Ann. MacBriain? Mac."


def test_the_parts_find_what_the_whole_finds_first_in_order_where_two_start_together():
    assert parts_matches(REGEXES, TEXT) == whole_matches(REGEXES, TEXT)
    for part in (lambda i: None, lambda i: i, lambda i: i % 2):
        assert parts_matches(REGEXES, TEXT, part=part) == whole_matches(REGEXES, TEXT)
    assert parts_matches(REGEXES, TEXT.lower(), re.IGNORECASE) == whole_matches(
        REGEXES, TEXT.lower(), re.IGNORECASE
    )


def test_a_search_back_before_the_last_and_a_match_at_a_place_are_the_wholes():
    body = "|".join(f"(?P<_{i}>{r})" for i, r in enumerate(REGEXES))
    whole = re.compile(f"{BEFORE}(?:{body}){AFTER}")
    alternation = Alternation(list(zip(REGEXES, range(len(REGEXES)))), BEFORE, AFTER, 0, str)
    for pos in [40, 0, 5, 4, 60, 12, 12, 13, 2, 85]:  # forward and back, as _edits searches
        found, expected = alternation.search(TEXT, pos), whole.search(TEXT, pos)
        assert (found and (found[0].span(), found[1])) == (
            expected and (expected.span(), int(str(expected.lastgroup)[1:]))
        )
        found, expected = alternation.match(TEXT, pos), whole.match(TEXT, pos)
        assert (found and (found[0].span(), found[1])) == (
            expected and (expected.span(), int(str(expected.lastgroup)[1:]))
        )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(REGEXES), min_size=1, max_size=6, unique=True),
    st.text(alphabet="MacBriainÓSeán O'AnneMr ,.", max_size=60),
)
def test_any_alternatives_in_any_text(regexes, text):
    assert parts_matches(regexes, text) == whole_matches(regexes, text)


def test_a_study_compiles_each_rows_names_once_not_once_a_transcript():
    key = PseudonymKey({"Sam Roe": "Interviewer", "Seán Ó Briain": "P01", "Aoife MacLeod": "P02"})

    def interview(who: str, number: int) -> Transcript:
        text = f"Sam Roe: Hello.\n{who}: Seán Ó Briain and Aoife MacLeod came.\n"
        first = text.index("\n") + 1
        return Transcript(
            id=f"interview_{number}",
            text=text,
            turns=[
                Turn(speaker="Sam Roe", role="interviewer", start=0, end=first - 1),
                Turn(speaker=who, role="participant", start=first, end=len(text) - 1),
            ],
        )

    key.apply(interview("Seán Ó Briain", 1))
    compiled = _compiled.cache_info().misses
    key.apply(interview("Seán Ó Briain", 1))  # the same speakers: nothing compiled anew
    assert _compiled.cache_info().misses == compiled
    key.apply(interview("Aoife MacLeod", 2))  # another speaks: her row's and his alone anew
    assert _compiled.cache_info().misses - compiled <= 4
