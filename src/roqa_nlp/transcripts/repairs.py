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

The participant's answer said again often opens with their own repair talk (``Oh sorry. I said
recovery isn't measured, so it doesn't get done.`` after ``Sorry, you froze there for a
second.``). Read whole, the apology pulled it to procedural talk and it was set aside (session
38 tester, P26: the packaged model read it as procedural; from ``I said`` on it reads Goals &
Feedback at 0.74). So the model reads such an answer from the phrase that leads into what was
said before (:data:`RESTATEMENT_LEADS`, ``data/restatement_leads.txt``: ``I said``, ``I was
saying``) when it opens a clause of the first two sentences after the repair talk (the longest
run of words from the start that :func:`only_repairs` takes, a sentence or clause ending it;
sentences of repair talk alone, ``Can you hear me now?``, are not counted), so the line talk
between (``Oh, sorry, it's the wifi in this corner, it's awful, I was saying ...``) is left out
of what it reads, not out of the segment (:func:`restated_after_repair`). Reading every answer
from the first word after its opening repair talk instead turned 37 interruptions and sound
checks of the team-written interviews (``Sorry, that's the on-call phone. Two minutes.``, ``Can
you hear me now? I think my headphones were dying.``) from procedural talk to content: without
the apology the model does not know them for procedural talk. Talk that is only a repair, or a
repair followed by anything but an answer said again, is read whole as before
(``benchmarks/results/repair_contexts.md``), with one exception: an answer that opens with whole
sentences of repair talk (``Yes, I can hear you now.``, not a question) and goes on with an
answer of its own (:func:`~roqa_nlp.transcripts.courtesies.an_answer_of_its_own`: one sentence
of 15 words or more, :data:`~roqa_nlp.transcripts.courtesies.REPLY_ANSWER_WORDS`, or 40 words or
more, asking nothing and holding no courtesy) is read from the sentence after the repair talk
(:func:`after_repair_reply`). Read whole, "Yes, I can hear you now. The commissioners only pay us
for forty-five minutes, and a goal-setting session takes two hours." was procedural talk, top
code OS.D at 0.16 (tester s82 daily12, 1).

An answer said again may say nothing of its own: ``Oh sorry, can you hear me now? I said that's
the main thing for us.`` points back at what was said before the line cut out, which is coded
there. Read from ``I said`` on, the packaged model coded it Relative Priority at 0.80, and it was
the only Table 2 quote of three participants (session 69, seed13). So such an answer
(:func:`restates_nothing`: after the lead only a pointer back of :data:`RESTATEMENT_POINTERS`,
``data/restatement_pointers.txt``: ``that's it``, ``that's the main thing for us``, ``that's
all``, ``what I said``, ``same as before``, with fillers, a sign-off and a closing ``yeah``),
after a repair phrase about the line, not an apology alone (:data:`REPAIR_APOLOGIES`), is
procedural talk, as the repair talk it opens with and a closing formula are
(:func:`~roqa_nlp.autocoder.segment_flags`): never coded, quoted or counted. It is not a reply
that only agrees (counted in its cell, not quoted): that one answers the question before it, and
a sure code on it is counted as a participant's evidence, which this is not. Any other answer said
again is coded as before, however short: a yes or no (``I said yes, definitely``), an echo (``I
said they were``), a pronoun or a quantity (``I said her``, ``I said all of them``, ``I said
one``), an evaluation (``I said it's really important to us``), a word of its own (``I said the
staffing is the main thing for us``, ``I said that's not the main thing``). A list of small words
(pronouns, be/have/do, backchannel words) in place of the pointers set 48 of 77 answers after a
repair aside, these among them (session 69 hunt h_restate). ``Sorry, I said that to them all``
reports what was said to someone, after an apology, and is coded too.

A participant's turn may be a repair too: ``Sorry, the Wi-Fi dropped out, what was the last
bit?`` after the interviewer's ``Can you hear me okay?``. Read with the question before that (as
above), the packaged model queued it for open coding, the study's only candidate new code, and
charted ``You broke up a bit, can you say that again?`` as Culture at 0.157 (s88 daily22 D1). So
a segment that only tells of a bad line and asks again or speaks to the listener
(:func:`only_asks_again`) is procedural talk whatever the question. Talk of the line alone that
asks nothing of the listener is not taken: said as an answer it may mean what it says (``The
internet went.`` about a launch day, ``I missed that.``, ``Well, there you are.``). A rule that
took all talk of the line set 32 of 86 such answers aside (s88 hunt44 D1, reverted).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..io import packaged_words
from .backchannels import (
    BACKCHANNEL_WORDS,
    WORDS_KEPT,
    covered_by,
    covered_prefixes,
    longest_of,
    phrases_of,
    word_spans,
    words_of,
)

#: The packaged lists of repair phrases and of the small words said with them
#: (``roqa_nlp/data/``): see the module docstring.
REPAIR_PHRASES = "repair_phrases.txt"
REPAIR_FILLERS = "repair_fillers.txt"

#: The packaged phrases that lead into an answer said again (``I said``, ``I was saying``).
RESTATEMENT_LEADS = "restatement_leads.txt"
#: The packaged pointers back an answer said again may be after such a lead and say nothing of
#: its own (``that's the main thing for us``, ``that's it``), the fillers said with them (``you
#: know``, ``really``), and the repair phrases that only apologise (``sorry``): see the module
#: docstring.
RESTATEMENT_POINTERS = "restatement_pointers.txt"
RESTATEMENT_FILLERS = "restatement_fillers.txt"
REPAIR_APOLOGIES = "repair_apologies.txt"
#: Words by which repair talk speaks to the other person on the call: :func:`before_repair_line`.
REPAIR_LISTENER_WORDS = "repair_listener_words.txt"
#: The packaged phrases by which a participant says their own line failed or asks for the
#: question again (``the wi-fi dropped out``, ``what was the question``), not said by an
#: interviewer who only repairs (``And what did you say?`` asks): :func:`only_asks_again`.
REPAIR_PHRASES_OF_PARTICIPANTS = "repair_phrases_of_participants.txt"
#: The packaged words by which a repair phrase speaks to the listener or asks again (``you``,
#: ``question``, ``pardon``), and the repair phrases that are also everyday remarks (``there you
#: are``), whose words do not: :func:`only_asks_again`.
REPAIR_ASKING_WORDS = "repair_asking_words.txt"
REPAIR_EVERYDAY_REMARKS = "repair_everyday_remarks.txt"
#: The packaged words that open a phrase telling the listener their line failed (``you cut
#: out``, ``your screen froze``): such a phrase asks again only with an apology or a ``?``
#: (:func:`only_asks_again`).
REPAIR_STATEMENT_OPENINGS = "repair_statement_openings.txt"
#: The packaged hesitations (``um``, ``er``), left out of a pointer back as its fillers are.
HESITATION_FILLERS = "hesitation_fillers.txt"
#: The packaged words that answer nothing said around repair talk (``oh``, ``well``): with the
#: repair phrases, their small words and hesitations, the only words a pointer back's repair
#: talk may have before its lead (:func:`restates_nothing`), and there only those that are
#: backchannel words too (``oops`` is not: ``Oops, you froze. I said that's it.`` is coded;
#: s89 hunt48 D2). A participant's talk that asks again may have any of them
#: (:func:`only_asks_again`).
REPAIR_INTERJECTIONS = "repair_interjections.txt"

#: What ends a sentence, or a sentence or a clause, between two words.
_SENTENCE_END = re.compile(r"[.!?…]")
_CLAUSE_END = re.compile(r"[.,;:!?…\u2013\u2014]|(?:^|\s)-+(?:\s|$)")
#: What ends the repair talk an answer opens with (:func:`after_repair_reply`): not a question
_OPENING_END = re.compile(r"[.!…]")


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


def restated_after_repair(words: str) -> str:
    """``words`` from the phrase of :data:`RESTATEMENT_LEADS` (``I said``, ``I was saying``) that
    opens a clause of their first two sentences after the repair talk they open with: ``Oh
    sorry. I said recovery isn't measured.`` gives ``I said recovery isn't measured.``, and
    ``Oh, sorry, it's the wifi in this corner, it's awful, I was saying the manager ...`` gives
    ``I was saying the manager ...`` (see the module docstring). Any other words are given back
    whole: those that open with no repair talk (``I said to her ...``), are only repair talk
    (``Sorry, can you hear me now?``) or say no such phrase after it (``Sorry, that's the on-call
    phone.``)."""
    lead = _restatement_lead(words)
    return words if lead is None else words[word_spans(words)[lead[0]][0] :]


def after_repair_reply(words: str) -> str:
    """``words`` from the sentence after the whole sentences of repair talk they open with when
    that is an answer of its own (:func:`~roqa_nlp.transcripts.courtesies.an_answer_of_its_own`:
    one sentence of 15 words or more, or 40 words or more, asking nothing and holding no
    courtesy): ``Yes, I can hear you now. The commissioners only pay us for forty-five
    minutes.`` gives ``The commissioners only pay us for forty-five minutes.`` (see the module
    docstring). Any other words are given back whole: those that open with no repair talk, are
    only repair talk, whose repair talk is a question (``Can you hear me now? I think my
    headphones were dying.``) or goes on in its sentence, or are followed by less (``Sorry, you
    froze. Two minutes.``)."""
    from .courtesies import REPLY_ANSWER_WORDS, an_answer_of_its_own

    opening = _repair_opening(words)
    if opening is None:
        return words
    tokens, talk, small, spans = opening
    for i in range(len(tokens) - 1, 0, -1):
        if talk[i] and not small[i] and _OPENING_END.search(words[spans[i - 1][1] : spans[i][0]]):
            rest = words[spans[i][0] :]
            return rest if an_answer_of_its_own(rest, REPLY_ANSWER_WORDS) else words
    return words


def restates_nothing(words: str) -> bool:
    """Whether ``words`` are an answer said again after repair talk about the line
    (:func:`restated_after_repair` reads them from a lead, and a phrase of
    :data:`REPAIR_PHRASES` but an apology of :data:`REPAIR_APOLOGIES` comes before it) that only
    points back at what was said: the rest after the lead, but its fillers
    (:data:`RESTATEMENT_FILLERS` and hesitations), its sign-off
    (:func:`~roqa_nlp.transcripts.closings.before_sign_off`) and backchannel words it ends with,
    is one or more patterns of :data:`RESTATEMENT_POINTERS`. ``Oh sorry, can you hear me now? I
    said that's the main thing for us.`` and ``Sorry, you cut out. Like I said, that's it
    really.`` are; ``I said yes``, ``I said they were``, ``I said all of them``, ``I said it's
    really important to us`` after the same repair talk are not (each answers the question before
    it), nor ``Sorry, I said that to them all.`` (an apology, not about the line), nor words with
    no repair talk or no lead (see the module docstring)."""
    from .closings import before_sign_off

    lead = _restatement_lead(words)
    if lead is None:
        return False
    k, n = lead
    tokens = words_of(words)
    line = phrases_of(REPAIR_PHRASES) - phrases_of(REPAIR_APOLOGIES)
    if not any(
        tuple(tokens[i : i + m]) in line
        for i in range(k)
        for m in range(1, min(longest_of(REPAIR_PHRASES), k - i) + 1)
    ):
        return False
    if not _only_repair_talk(tokens[:k]):  # "Sorry, you froze. No. I said that's it." answers
        return False
    rest = words_of(before_sign_off(words[word_spans(words)[k + n - 1][1] :]))
    while rest and rest[-1] in BACKCHANNEL_WORDS:  # "that's the main thing for us, yeah"
        rest.pop()
    names = (RESTATEMENT_FILLERS, HESITATION_FILLERS)
    fillers, longest = phrases_of(*names), longest_of(*names)
    said, i = [], 0
    while i < len(rest):
        m = next((m for m in range(longest, 0, -1) if tuple(rest[i : i + m]) in fillers), 0)
        said.extend(rest[i : i + 1] if m == 0 else [])
        i += max(m, 1)
    return _pointers().fullmatch(" ".join(said) + " ") is not None


def only_asks_again(words: str) -> bool:
    """Whether ``words``, a participant's, only tell of a bad line and ask to hear the question
    again or speak to the other person on the call: every word is in a phrase of
    :data:`REPAIR_PHRASES` or :data:`REPAIR_PHRASES_OF_PARTICIPANTS`, a small word of
    :data:`REPAIR_FILLERS`, a hesitation or a word of :data:`REPAIR_INTERJECTIONS` (no yes or no,
    nor any word of an answer), and one of those phrases holds a word of
    :data:`REPAIR_ASKING_WORDS` (not in a remark of :data:`REPAIR_EVERYDAY_REMARKS`). ``Sorry,
    the Wi-Fi dropped out, what was the last bit?`` and ``You broke up a bit, can you say that
    again?`` do, whatever the question before them (s88 daily22 D1: read with the question
    before the interviewer's ``Can you hear me okay?``, one was the study's only candidate code
    and one was charted as Culture). ``The internet went.``, ``I missed that.``, ``Well, the
    screen froze. Again.`` and ``Well, there you are.`` ask nothing of the listener and may
    answer the question in their everyday sense (s88 hunt44 D1), and ``Can you say that again?
    We just don't have the beds.`` has words of an answer: these do not. A phrase that only
    tells the listener their line failed (it opens with a word of
    :data:`REPAIR_STATEMENT_OPENINGS` and holds no other asking word: ``you cut out``, ``your
    screen froze``) counts only with an apology of :data:`REPAIR_APOLOGIES` or a ``?`` in
    ``words``: ``Sorry, you froze.`` does, but ``The screen froze, the line dropped, you cut
    out.``, a list of what went wrong on remote assessments, is an answer (s89 hunt48 D1)."""
    tokens = words_of(words)
    names = (
        REPAIR_PHRASES,
        REPAIR_PHRASES_OF_PARTICIPANTS,
        REPAIR_FILLERS,
        HESITATION_FILLERS,
        REPAIR_INTERJECTIONS,
    )
    if not tokens or not covered_by(tokens, *names, backchannel_words=False):
        return False
    asking, longest = _asking_phrases(), longest_of(REPAIR_PHRASES, REPAIR_PHRASES_OF_PARTICIPANTS)
    found = [
        phrase
        for i in range(len(tokens))
        for m in range(1, min(longest, len(tokens) - i) + 1)
        if (phrase := tuple(tokens[i : i + m])) in asking
    ]
    if not found:
        return False
    if any(not _tells_the_listener(p) for p in found) or "?" in words:
        return True
    apologies = phrases_of(REPAIR_APOLOGIES)
    return any(
        tuple(tokens[i : i + m]) in apologies
        for i in range(len(tokens))
        for m in range(1, min(longest_of(REPAIR_APOLOGIES), len(tokens) - i) + 1)
    )


def _tells_the_listener(phrase: tuple[str, ...]) -> bool:
    """Whether an asking ``phrase`` of :func:`_asking_phrases` only tells the listener their
    line failed: it opens with a word of :data:`REPAIR_STATEMENT_OPENINGS` and holds no asking
    word but those (``you cut out``, not ``you broke up can you say that again``)."""
    openings = packaged_words(REPAIR_STATEMENT_OPENINGS)
    proper = packaged_words(REPAIR_ASKING_WORDS) - openings
    return phrase[0] in openings and proper.isdisjoint(phrase)


@cache
def _asking_phrases() -> frozenset[tuple[str, ...]]:
    """The phrases of :data:`REPAIR_PHRASES` and :data:`REPAIR_PHRASES_OF_PARTICIPANTS` that
    speak to the listener or ask again (:func:`only_asks_again`)."""
    words = packaged_words(REPAIR_ASKING_WORDS)
    phrases = phrases_of(REPAIR_PHRASES, REPAIR_PHRASES_OF_PARTICIPANTS)
    return frozenset(
        p for p in phrases - phrases_of(REPAIR_EVERYDAY_REMARKS) if not words.isdisjoint(p)
    )


def _only_repair_talk(tokens: list[str]) -> bool:
    """Whether ``tokens`` are all repair phrases, their small words, hesitations and
    :data:`REPAIR_INTERJECTIONS`: no yes or no, nor any other word of an answer (backchannel
    words but those are not taken: :func:`covered_by` without ``backchannel_words``)."""
    names = (REPAIR_PHRASES, REPAIR_FILLERS, HESITATION_FILLERS, REPAIR_INTERJECTIONS)
    return covered_by(tokens, *names, backchannel_words=False)


@cache
def _pointers() -> re.Pattern[str]:
    """The patterns of :data:`RESTATEMENT_POINTERS` as one regular expression over words each
    followed by a space, matching one or more of them."""

    def pattern(line: str) -> str:
        parts = []
        for piece in re.findall(r"[()]|[^\s()]+", line):
            if piece == "(":
                parts.append("(?:")
            elif piece == ")":
                parts.append(")?")
            else:
                parts.append("(?:" + "|".join(re.escape(w) + " " for w in piece.split("/")) + ")")
        return "".join(parts)

    lines = sorted(packaged_words(RESTATEMENT_POINTERS))
    return re.compile("(?:" + "|".join(f"(?:{pattern(p)})" for p in lines) + ")+")


@lru_cache(maxsize=WORDS_KEPT)
def _repair_opening(
    words: str,
) -> tuple[list[str], list[bool], list[bool], list[tuple[int, int]]] | None:
    """What :func:`after_repair_reply` and :func:`_restatement_lead` read of ``words`` to find
    the repair talk they open with: their words, whether the words before each index are repair
    talk (``talk``) or only its small words (``small``), and each word's span; None when they
    are fewer than two words or only repair talk."""
    tokens = words_of(words)
    talk = covered_prefixes(tokens, REPAIR_PHRASES, REPAIR_FILLERS)
    if len(tokens) < 2 or talk[-1]:
        return None
    return tokens, talk, covered_prefixes(tokens, REPAIR_FILLERS), word_spans(words)


def _restatement_lead(words: str) -> tuple[int, int] | None:
    """Where the lead :func:`restated_after_repair` reads ``words`` from is: its first word's
    index in :func:`~roqa_nlp.transcripts.backchannels.words_of` and its number of words; None
    when it reads them whole. Found once for each words: a segment's are read for it twice,
    by :func:`restated_after_repair` and :func:`restates_nothing` (s79: 6,013 calls, 0.56 s of
    a warm re-code of the 2,990-segment corpus)."""
    opening = _repair_opening(words)
    if opening is None:
        return None
    tokens, talk, small, spans = opening

    def gap(i: int) -> str:  # what comes between word i - 1 and word i
        return words[spans[i - 1][1] : spans[i][0]]

    start = next(
        (
            i
            for i in range(len(tokens) - 1, 0, -1)
            if talk[i] and not small[i] and _CLAUSE_END.search(gap(i))
        ),
        None,
    )
    if start is None:
        return None
    leads, longest = phrases_of(RESTATEMENT_LEADS), longest_of(RESTATEMENT_LEADS)
    sentences, begun = 0, start  # sentences of more than repair talk since it; where this began
    for j in range(start, len(tokens)):
        if j > start and _SENTENCE_END.search(gap(j)):
            sentences += not covered_by(tokens[begun:j], REPAIR_PHRASES, REPAIR_FILLERS)
            begun = j
        if sentences > 1:
            break
        if j > start and not _CLAUSE_END.search(gap(j)):
            continue
        k = j
        while k < len(tokens) and tokens[k] in BACKCHANNEL_WORDS:  # "Yeah, so I was saying"
            k += 1
        for n in range(longest, 0, -1):  # the longest lead: "what I said was", not "I said"
            if tuple(tokens[k : k + n]) in leads and k + n < len(tokens):
                return k, n
    return None


def before_repair_line(words: str) -> str:
    """``words`` without the whole sentences of repair talk they end with (:func:`only_repairs`):
    Zoom joins a participant's ``Sorry, you've frozen, I lost you for a second there.`` to the
    answer before it, and "... so they make it up. Sorry, you've frozen, I lost you for a second
    there." gives "... so they make it up." (tester s88 daily23: 15 coded windows quoted it). Any
    other words are given back whole: those that end with no such sentences, are only repair
    talk, or end with repair talk inside a sentence of other words (``I said sorry to her.``),
    or with repair talk that does not speak to the other person on the call (no word of
    :data:`REPAIR_LISTENER_WORDS`: "... live out in the villages. The signal's terrible." is said
    of the service; s88 hunt45 D2)."""
    spans = word_spans(words)
    for i in range(1, len(spans)):
        tail = words[spans[i][0] :]
        if (
            _SENTENCE_END.search(words[spans[i - 1][1] : spans[i][0]])
            and only_repairs(tail)
            and not _listener_words().isdisjoint(words_of(tail))
        ):
            return words[: spans[i][0]].rstrip()
    return words


@cache
def _listener_words() -> frozenset[str]:
    return packaged_words(REPAIR_LISTENER_WORDS)


def answer_before_repair_line(words: str) -> str:
    """``words`` without the repair line they end with (:func:`before_repair_line`) when what is
    before it is an answer of its own (:func:`~roqa_nlp.transcripts.courtesies.an_answer_of_its_own`,
    as :func:`after_repair_reply` asks of what follows a repair), else whole: short talk about the
    call (``I've only got ten minutes. Can you hear me okay?``) is read with its repair talk,
    and stays procedural talk, as :func:`after_repair_reply` leaves it."""
    from .courtesies import REPLY_ANSWER_WORDS, an_answer_of_its_own

    rest = before_repair_line(words)
    return rest if rest != words and an_answer_of_its_own(rest, REPLY_ANSWER_WORDS) else words
