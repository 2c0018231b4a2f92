"""Given names: the common given names and nicknames of people in the UK
(``data/given_names.txt``), by which a capitalised word the talk's sentences do not mark as a
name may still be one.

:func:`roqa_nlp.pseudonyms.names_to_check` lists a word of these that only ever opens a
sentence ("Maya at the agency is good", "Paddy, that's my deputy, does ..."), where a
sentence's capital says nothing of a name, and one the study also writes in lower case
("deirdre cries", as speech-to-text writes names), unless it is an everyday English word,
which the word lists of the names to check decide (``data/word_given_names.txt``: "Grace",
"Hope", "Will"). The list is a reading aid, as the names to check are: a name missing from it
is still found where its sentence reads as a name's.
"""

from __future__ import annotations

from functools import cache

from .io import packaged_words
from .transcripts.roles import without_accents

__all__ = ["is_common_given_name"]


@cache
def _given_names() -> frozenset[str]:
    """The names of ``data/given_names.txt``, lower case, without accents."""
    return packaged_words("given_names.txt")


def is_common_given_name(word: str) -> bool:
    """Whether ``word`` (any case, accents or none: "Siobhán", "deirdre", "PADDY") is a common
    given name or nickname of ``data/given_names.txt``."""
    return without_accents(word).casefold() in _given_names()
