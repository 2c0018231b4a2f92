"""Repairs on a bad line: turns that only ask to hear something again or say the line failed.

On a video call the interviewer often says ``Sorry, you cut out there, what was that?``, ``You
froze for a second, could you say that again?``, ``You're on mute.`` or, after the participant's
own ``Sorry, I think I froze.``, ``Yes, I can hear you now.``. Such a turn asks no question of
its own: the participant's answer after it (``Oh sorry, the signal in this car park, I said it
asks about hours delivered ...``) answers the question before it. Read with the repair as its
question it was set aside as procedural talk (session 36: a tester's Zoom interviews); read with
the question before it, it is coded. So :func:`~roqa_nlp.transcripts.segment.questions_before`
passes over an interviewer's turn that :func:`only_repairs`, as it passes over a backchannel,
and a participant's ``Yes.`` to ``Can you hear me now?`` is no answer to code
(:func:`~roqa_nlp.transcripts.segment.left_out_as_backchannels`).

A turn only repairs when each of its words (bracketed notes aside) is a word of
:data:`~roqa_nlp.transcripts.backchannels.BACKCHANNEL_WORDS` or in a phrase of
:data:`REPAIR_PHRASES` (``data/repair_phrases.txt``: ``you cut out``, ``can you hear me``,
``say the last part again``) or of :data:`REPAIR_FILLERS` (``data/repair_fillers.txt``: the small
words a repair is said with, ``for a second``, ``there``, ``I think``, ``hi``), matched as the
backchannel phrases are (:func:`~roqa_nlp.transcripts.backchannels.covered_by`), and they are
not all backchannel words and small words (``And then?``, ``A little?`` are prompts). A repair that
asks something new (``Sorry, you cut out. So what about training?``) or checks what it heard
(``Did you say you lose people every May?``) has other words, and is a question.
"""

from __future__ import annotations

from .backchannels import covered_by, phrases_of, words_of

#: The packaged lists of repair phrases and of the small words said with them
#: (``roqa_nlp/data/``): see the module docstring.
REPAIR_PHRASES = "repair_phrases.txt"
REPAIR_FILLERS = "repair_fillers.txt"


def repair_phrases() -> list[str]:
    """The phrases :func:`only_repairs` takes, sorted, then its small words: a change to the
    lists moves segments (a reply to a repair is left out), so the segmentation cache keys on
    them (:mod:`~roqa_nlp.transcripts.segment_cache`)."""
    return [
        *sorted(" ".join(p) for p in phrases_of(REPAIR_PHRASES)),
        "--",
        *sorted(" ".join(p) for p in phrases_of(REPAIR_FILLERS)),
    ]


def only_repairs(words: str) -> bool:
    """Whether ``words`` only ask to hear something again or speak of the line (``Sorry, you cut
    out there, what was that?``, ``Can you repeat that?``, ``You're on mute.``): see the module
    docstring."""
    tokens = words_of(words)
    return covered_by(tokens, REPAIR_PHRASES, REPAIR_FILLERS) and not covered_by(
        tokens, REPAIR_FILLERS
    )
