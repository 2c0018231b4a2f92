"""Fillers: words that say nothing, said to hold the floor or turn to what comes next (``Um.
So.``, ``Okay, so.``, ``Well, you know.``).

A piece of talk is only fillers when every word of it (:func:`~roqa_nlp.transcripts.backchannels.words_of`,
bracketed notes such as ``[laughs]`` aside) is a hesitation (``data/hesitation_fillers.txt``:
``um``, ``er``, ``erm``) or in a phrase of ``data/discourse_fillers.txt`` (``so``, ``well``,
``like``, ``you know``, ``right``, ``okay``), however many. No word of a yes or no is one:
``Yes, absolutely.`` or ``Yeah, definitely.`` said right after a question answers it, and
``Mm-hmm.`` may say yes, so neither is only fillers though both are backchannels
(:func:`~roqa_nlp.transcripts.backchannels.is_backchannel`). A piece of an answer that is only
fillers is never parted off it (:func:`~roqa_nlp.transcripts.segment.pieces_apart`).
"""

from __future__ import annotations

from .backchannels import covered_by, words_of
from .repairs import HESITATION_FILLERS

#: The packaged words and phrases that say nothing beside the hesitations: see the module
#: docstring.
DISCOURSE_FILLERS = "discourse_fillers.txt"


def only_fillers(words: str) -> bool:
    """Whether ``words`` say nothing: each word a hesitation or in a discourse filler (``Um.
    So.``, ``Okay, so, you know.``), or no word at all (``[laughs]``); not ``Yes, absolutely.``
    nor ``Mm-hmm.``."""
    return covered_by(
        words_of(words), HESITATION_FILLERS, DISCOURSE_FILLERS, backchannel_words=False
    )
