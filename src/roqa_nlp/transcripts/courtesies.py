"""Courtesy replies: an answer that opens with one (``Yeah, no problem. So I became a champion
...``) is read from what follows it.

Read whole, the packaged embedding classifier took the tester's answer "Yeah, no problem. So I
became a champion about a year ago. ... We get a day's training ..." for procedural talk
(agreeing to a request, as consent is), above its top code PR.B.3 at 0.37; read from "So I" on,
it is PR.B.3 at 0.85 (tester s49 focus, 4). So, as a closing formula it opens with is
(:func:`~roqa_nlp.transcripts.closings.after_closing_formula`), the model reads an answer from
the word after a courtesy clause it opens with: words that are one or more phrases of
:data:`COURTESY_REPLIES` (``data/courtesy_replies.txt``: "no problem", "of course", "happy to")
and words of :data:`~roqa_nlp.transcripts.backchannels.BACKCHANNEL_WORDS` ("yeah", "sure"),
that end a sentence. A courtesy alone ("Yes, of course, no problem.") is read whole and stays
procedural talk; so is one whose sentence goes on ("No worries, same here. My neighbour's having
his kitchen done, so if you hear drilling ...", procedural talk in ``examples/interviews``; "No
problem with the staff"), and so is one followed by fewer than :data:`ANSWER_WORDS` words that
are no answer of their own (:func:`an_answer_of_its_own`): a short rest is as often what the
courtesy agrees to ("Yes, that's fine. On that basis.", "No problem at all. Cheerio now."). One
sentence of :data:`REPLY_ANSWER_WORDS` words or more that asks nothing and holds no courtesy is
read alone: read whole, "Yes, that's fine, go ahead. We use
the Recovery Star at the first meeting and people choose which arms to work on, so the plan is
theirs." (22 words after the courtesy) was procedural talk, top code IS.D.2 at 0.04, out of Table
2 and the matrix (tester s82 daily12, 1).

An interviewer's turn that is only a courtesy or an acknowledgement (``No problem at all.``,
``Lovely, thanks.``, ``Great, thank you.``: :func:`only_courtesy`) asks no question, so
:func:`~roqa_nlp.transcripts.segment.questions_before` passes over it: the answers after it keep
the question before it as their context (s64 Zoom focus-group tester, 1). So is one that only
thanks a member or the group (``Thanks, Amy.``, ``Welcome back, Cara.``, ``Thanks everyone.``):
read as the question, it became the context of every answer after it (s64 h_ctx hunter, R2).

A participant's turn (or segment) that is only courtesies (``It's a pleasure. I've been looking
forward to it actually.``, ``No problem at all, glad to help.``, ``Sorry about the dog. She's
gone now.``, ``Thanks so much, bye now.``: :func:`only_courtesies`) holds nothing to code, so it
is procedural talk whatever the model reads in it (:func:`~roqa_nlp.autocoder.says_nothing`).
Read by the packaged model, the first was Motivation at 0.40, sure, and charted in Table 2 (s69
seed13, defect 3). One word more keeps it coded: ``Thank you. The training budget was the real
barrier.``, ``I'm grateful the board funded it.``. A yes before the first courtesy (``Yes, thank
you.``) may answer a question on the work, so such a turn is the model's to read (s70).

An answer that opens with whole sentences of such courtesies (``Sorry about the dog. The biggest
problem is the paperwork.``) is read from the sentence after them when that is an answer of its
own (:func:`an_answer_of_its_own`): read whole, the packaged model set aside 3 of 44 such answers as
procedural talk (s70 courtesy battery). Over the 16,021 training, benchmark and example records
(not cfir_dev), 25 are so read, and none changes its procedural, novel or small-talk flag or its
top code; read from after their courtesies whatever followed, 25 of 175 with gold procedural
labels lost them (``Sorry, my phone. I need to take this, it's the department. Two minutes.``,
``You're welcome. Will we see anything from the study?``), hence the conditions.
"""

from __future__ import annotations

import re

from .backchannels import (
    ACKNOWLEDGEMENT_PHRASES,
    BACKCHANNEL_WORDS,
    covered_prefixes,
    longest_of,
    only_agrees,
    phrases_of,
    word_spans,
    words_of,
)
from .closings import CLOSING_FORMULAS
from .repairs import HESITATION_FILLERS

#: The packaged list of courtesy replies (``roqa_nlp/data/``): see the module docstring.
COURTESY_REPLIES = "courtesy_replies.txt"
#: The packaged list of an interviewer's thanks and acknowledgements (``Thank you``, ``Thanks for
#: that``, ``Take your time``): see :func:`only_courtesy`.
INTERVIEWER_COURTESIES = "interviewer_courtesies.txt"
#: The packaged list of words with which such thanks address the group (``everyone``, ``all``,
#: ``guys``): see :func:`only_courtesy`.
COURTESY_ADDRESS_TERMS = "courtesy_address_terms.txt"

#: The packaged list of a participant's courtesies (``it's a pleasure``, ``thanks for having
#: me``, ``you're welcome``, ``good luck with the write-up``, ``sorry about the dog``): see
#: :func:`only_courtesies`.
PARTICIPANT_COURTESIES = "participant_courtesies.txt"
#: The packaged list of the words that may come with them and are no courtesy alone
#: (``actually``, ``really``, ``again``, ``she's gone now``): see :func:`only_courtesies`.
COURTESY_FILLERS = "courtesy_fillers.txt"

#: The fewest words after the courtesy for the answer to be read from them whatever they are
#: (fewer are read alone when they are an answer of their own: :func:`an_answer_of_its_own`).
#: Over the 42 records of the training and benchmark sets that open with a courtesy reply, read
#: from what follows it, 3 of the 26 followed by fewer than 40 words (30 at most) lost their
#: gold procedural label ("Yes, that's fine. On that basis." was coded OS.D); of the 16 followed
#: by more (56 words or more), none changed its procedural, novel or small-talk flag and one top
#: code came right (PR.A). The tester's answer is followed by 46 words.
ANSWER_WORDS = 40

#: The words of a bare yes: opening a turn of courtesies they may answer a question on the work
#: ("Did the board back the recovery training?" "Yes, thank you."), so such a turn is not set
#: aside whatever the model reads (:func:`only_courtesies`); the model reads it with the question.
YES_WORDS: frozenset[str] = frozenset(("yeah", "yes", "yep", "yup", "yeh", "ya", "aye"))

#: The fewest words of an answer of one sentence after a participant's opening courtesies for it
#: to be read alone (:func:`after_courtesy_reply`). Over the training, benchmark and example
#: records (not cfir_dev), read from after their opening courtesies, "Fine, thanks. Busy week
#: but fine." (4 words) lost its gold procedural label; the s70 courtesy batteries' answers after
#: courtesies have 6 words or more ("The biggest problem is the paperwork.").
OPENING_ANSWER_WORDS = 5

#: The fewest words of an answer of one sentence after a courtesy reply or a sentence of
#: repair talk (``Yes, that's fine.``, ``Yes, I can hear you now.``) for it to be read alone
#: (:func:`after_courtesy_reply`, :func:`~roqa_nlp.transcripts.repairs.after_repair_reply`):
#: such an opener is most often followed by more talk about the call or the day (hunter s82
#: hunt14: with 5 words, 5 of 66 written openers, "Yes, that's fine. I only have about forty
#: minutes before my next clinic though." (11 words), were coded as Available Resources, and 4
#: more set aside as off-topic or novel; those rests run 8 to 13 words), while the answers the
#: tester daily12 found set aside run 16 and 22 words.
REPLY_ANSWER_WORDS = 15

#: What ends a courtesy reply between its last word and the answer's next: the end of a sentence
_SENTENCE_END = re.compile(r"[.!?]")
#: What ends a participant's opening courtesies: not a question ("Sorry, now? This laptop ...")
_OPENING_END = re.compile(r"[.!]")
#: What, between a courtesy and the next word, parts them: that word addresses no one
_ADDRESS_BREAK = re.compile(r"[.!?;:]")

#: The most words of a name a courtesy may address, its title aside (``Thanks, Amy Stone.``,
#: ``Thank you, Dr Jane Okoro.``): three capitalised words after thanks are more than a name.
NAME_WORDS = 2


def after_courtesy_reply(words: str) -> str:
    """``words`` from the word after the courtesy sentence they open with (see the module
    docstring): "Yeah, no problem. So I became a champion ..." gives "So I became a champion ...".
    Any other words are given back whole: those that open with no courtesy reply, are only
    one, are followed by fewer than :data:`ANSWER_WORDS` words that are no answer of their own
    (:func:`an_answer_of_its_own`: "Yes, that's fine. On that basis."), or go on from it in the
    same sentence ("Of course, the staff were keen.")."""
    spans, tokens = word_spans(words), words_of(words)
    rest = _after_opening_courtesies(words, spans)
    if rest is not None:
        return rest
    covered = covered_prefixes(tokens, COURTESY_REPLIES)
    if covered[-1]:  # only courtesies: procedural talk, read whole
        return words
    replies, longest = phrases_of(COURTESY_REPLIES), longest_of(COURTESY_REPLIES)
    for i in range(len(tokens) - 1, 0, -1):
        if not covered[i] or not _SENTENCE_END.search(words[spans[i - 1][1] : spans[i][0]]):
            continue
        if len(tokens) - i < ANSWER_WORDS and not an_answer_of_its_own(
            words[spans[i][0] :], REPLY_ANSWER_WORDS
        ):
            continue
        said = tokens[:i]
        if any(
            tuple(said[j : j + n]) in replies
            for n in range(1, longest + 1)
            for j in range(len(said) - n + 1)
        ):
            return words[spans[i][0] :]
    return words


def _after_opening_courtesies(words: str, spans: list[tuple[int, int]]) -> str | None:
    """``words`` from the sentence after the longest run of whole sentences of a participant's
    courtesies they open with (:func:`only_courtesies`, a yes among them or not, the last
    ending in ``.`` or ``!``: "Sorry about the dog. The biggest problem is the paperwork."
    gives "The biggest problem is the paperwork.") when what follows is an answer of its own
    (:func:`an_answer_of_its_own`); None when there is no such run or no such answer after it."""
    covered, courteous = _participant_courtesies_cover(words)
    for i in range(len(spans) - 1, 0, -1):
        if not (covered[i] and courteous[i]):
            continue
        if not _OPENING_END.search(words[spans[i - 1][1] : spans[i][0]]):
            continue
        rest = words[spans[i][0] :]
        return rest if an_answer_of_its_own(rest) else None
    return None


def an_answer_of_its_own(words: str, fewest: int = OPENING_ANSWER_WORDS) -> bool:
    """Whether ``words``, after a participant's opening courtesies, are an answer of their own
    rather than more talk about the talk: no ``?`` (a question of theirs after thanks is about
    the study: "Will we see anything from it?"), no courtesy among them ("Thank you. And sorry
    about my English."), each sentence saying something (:func:`_says_something`: not "Two
    minutes. Okay, bye now."), and one sentence of ``fewest`` words or more
    (:data:`OPENING_ANSWER_WORDS`), or :data:`ANSWER_WORDS` words or more. An apology's reason ("Sorry, my phone. I need to
    take this. Two minutes.") is most often two or more short sentences."""
    tokens = words_of(words)
    if "?" in words or _has_a_courtesy(tokens):
        return False
    spans = word_spans(words)
    starts = [0] + [
        i
        for i in range(1, len(spans))
        if _SENTENCE_END.search(words[spans[i - 1][1] : spans[i][0]])
    ]
    if len(tokens) < ANSWER_WORDS and (len(starts) > 1 or len(tokens) < fewest):
        return False
    ends = [*starts[1:], len(spans)]
    return all(
        _says_something(words[spans[a][0] : spans[b - 1][1]])
        for a, b in zip(starts, ends, strict=True)
    )


def _has_a_courtesy(tokens: list[str]) -> bool:
    """Whether ``tokens`` hold a phrase of :data:`PARTICIPANT_COURTESIES`."""
    phrases, longest = phrases_of(PARTICIPANT_COURTESIES), longest_of(PARTICIPANT_COURTESIES)
    return any(
        tuple(tokens[j : j + n]) in phrases
        for n in range(1, longest + 1)
        for j in range(len(tokens) - n + 1)
    )


def _says_something(words: str) -> bool:
    """Whether ``words`` say more than courtesies (:func:`only_courtesies`, with a yes or not),
    a closing formula (:func:`~roqa_nlp.transcripts.closings.is_closing_formula`), a yes or no
    (:func:`~roqa_nlp.transcripts.backchannels.only_agrees`) or an answer said again after a
    repair that says nothing of its own
    (:func:`~roqa_nlp.transcripts.repairs.restates_nothing`)."""
    from .closings import is_closing_formula
    from .repairs import restates_nothing

    covered, _ = _participant_courtesies_cover(words)
    if not covered or covered[-1]:
        return False
    return not (is_closing_formula(words) or only_agrees(words) or restates_nothing(words))


def only_courtesy(words: str) -> bool:
    """Whether ``words``, an interviewer's turn, are only a courtesy or an acknowledgement and ask
    nothing: no ``?``, and every word (bracketed notes aside, any case or punctuation) a word of
    :data:`~roqa_nlp.transcripts.backchannels.BACKCHANNEL_WORDS` or in a phrase of
    :data:`INTERVIEWER_COURTESIES` (``data/interviewer_courtesies.txt``: ``thank you``, ``take
    your time``, ``hi``), :data:`COURTESY_REPLIES` (``no problem at all``) or the acknowledging
    phrases (``I see``): ``Lovely, thanks.``, ``No problem at all.``, ``Great, thank you.``. A
    phrase of the first two may address someone (:func:`_address_ends`: ``Thanks, Will.``,
    ``Thank you, Dr Okoro.``, ``Hi Cara.``, ``Thanks, all of you.``, ``Thank you, Ben, that's
    helpful.``). Not ``Thank you. And what helped?``, ``Thank you, that's really interesting.``
    nor ``Thanks Amy, that's the rota then.``, not an address alone (``Cara.``), not a word in
    capitals throughout (``TA.``, a teaching assistant, is not ``ta``), nor words with no word
    at all."""
    if "?" in words:
        return False
    covered, _ = _courtesies_prefixes(
        words, (INTERVIEWER_COURTESIES, COURTESY_REPLIES), (ACKNOWLEDGEMENT_PHRASES,)
    )
    return bool(covered) and covered[-1]


def only_courtesies(words: str) -> bool:
    """Whether ``words``, a participant's turn or segment, are only courtesies, with nothing to
    code: one or more phrases of :data:`PARTICIPANT_COURTESIES`
    (``data/participant_courtesies.txt``: ``it's a pleasure``, ``thanks for having me``,
    ``you're welcome``, ``no problem``, ``good luck with the write-up``, ``bye``, ``sorry about
    the dog``), each of which may address someone (``Thanks, Sam.``, ``Thanks, everyone.``: see
    :func:`only_courtesy`), with around them only words of
    :data:`~roqa_nlp.transcripts.backchannels.BACKCHANNEL_WORDS` and phrases of
    :data:`COURTESY_FILLERS` (``data/courtesy_fillers.txt``: ``actually``, ``again``, ``she's
    gone now``), the acknowledging phrases (``ha``, ``oh dear``), hesitations and closing
    formulas (``that's everything from me``), bracketed notes aside. ``It's a pleasure. I've
    been looking forward to it actually.``, ``No problem at all, glad to help.``, ``Sorry about
    the dog. She's gone now.``, ``I'm very well, thank you. And you?`` are; ``Only that good
    partners make all the difference. Thank you.``, ``Thank you. The training budget was the
    real barrier.``, ``I'm grateful the board funded it.``, ``Yeah, she's gone now.`` (no
    courtesy) and a word in capitals throughout are not."""
    covered, courteous = _participant_courtesies_cover(words, YES_WORDS)
    return bool(covered) and covered[-1] and courteous[-1]


def _participant_courtesies_cover(
    words: str, bare: frozenset[str] = frozenset()
) -> tuple[list[bool], list[bool]]:
    """:func:`_courtesies_prefixes` of ``words`` with a participant's courtesies and the words
    that may come with them (:func:`only_courtesies`), none of ``bare`` said as a word alone
    before the first courtesy."""
    return _courtesies_prefixes(
        words,
        (PARTICIPANT_COURTESIES,),
        (COURTESY_FILLERS, ACKNOWLEDGEMENT_PHRASES, HESITATION_FILLERS, CLOSING_FORMULAS),
        bare,
    )


def _courtesies_prefixes(
    words: str,
    courtesies: tuple[str, ...],
    others: tuple[str, ...],
    bare: frozenset[str] = frozenset(),
) -> tuple[list[bool], list[bool]]:
    """For each ``i`` from 0 to the number of words of ``words`` (any case or punctuation,
    bracketed notes aside), whether their first ``i`` words are all words of
    :data:`~roqa_nlp.transcripts.backchannels.BACKCHANNEL_WORDS` or in phrases of the packaged
    lists ``courtesies`` and ``others``, a phrase of ``courtesies`` perhaps addressing someone
    (:func:`_address_ends`), a word in capitals throughout (``TA``) in no phrase; and whether
    with a phrase of ``courtesies`` among them; a word of ``bare`` alone covers none before the first such
    phrase ("Yes, thank you."; "Hiya! Yeah, I'm good thanks." is covered; it may in a phrase).
    Both lists are empty when ``words`` have no word."""
    spans, tokens = word_spans(words), words_of(words)
    if not tokens:
        return [], []
    # a word in capitals throughout is an acronym ("TA"), in no phrase; "OK" is still a word of
    # BACKCHANNEL_WORDS, which are looked up in lower case. Worked out only as far as the words
    # are read: most answers open with no courtesy.
    cased: list[str] = []

    def piece_of(i: int, n: int) -> tuple[str, ...]:  # the words i to i + n as looked up
        while len(cased) < i + n:
            a, b = spans[len(cased)]
            cased.append(words[a:b] if b - a > 1 and words[a:b].isupper() else tokens[len(cased)])
        return tuple(cased[i : i + n])

    thanks, plain = phrases_of(*courtesies), phrases_of(*others)
    longest = max(longest_of(*courtesies), longest_of(*others))
    # the most words one piece covers: a phrase, an address term or a titled name
    reach = max(longest, longest_of(COURTESY_ADDRESS_TERMS), NAME_WORDS + 1)
    n_tokens = len(tokens)
    covered = [True] + [False] * n_tokens  # covered[i]: tokens[:i] are such pieces
    courteous = [False] * (n_tokens + 1)  # ... with a phrase of `courtesies` among them
    addressing = [False] * (n_tokens + 1)  # ... and end on one that may address someone
    last = 0  # the last i covered: none further on can be once `reach` words are not
    for i in range(n_tokens):
        if not covered[i]:
            if i - last >= reach:
                break
            continue
        last = i
        if tokens[i] in BACKCHANNEL_WORDS and (courteous[i] or tokens[i] not in bare):
            covered[i + 1] = True
            courteous[i + 1] = courteous[i + 1] or courteous[i]
        for n in range(1, min(longest, n_tokens - i) + 1):
            piece = piece_of(i, n)
            if piece in thanks:
                covered[i + n] = addressing[i + n] = courteous[i + n] = True
            elif piece in plain:
                covered[i + n] = True
                courteous[i + n] = courteous[i + n] or courteous[i]
        if addressing[i]:
            for end in _address_ends(words, spans, tokens, i):
                covered[end] = courteous[end] = True
                # "Thanks, Amy and Ben.": another address may follow "and"
                if end < n_tokens and tokens[end] == "and":
                    addressing[end + 1] = True
    return covered, courteous


def _address_ends(words: str, spans: list[tuple[int, int]], tokens: list[str], i: int) -> list[int]:
    """Where an address of someone that opens at word ``i`` of ``words``, right after a courtesy
    in the same sentence (no ``.``, ``!``, ``;`` or ``:`` between), may end: the words of a
    phrase of :data:`COURTESY_ADDRESS_TERMS` (``everyone``, ``all of you``, ``team``), or a name
    of at most :data:`NAME_WORDS` capitalised words with no more than a space between, with or
    without a title of ``data/honorifics.txt`` before it (``Will``, ``Amy Stone``, ``Dr.
    Okoro``). Any name, not only a speaker's (pseudonymised labels, a co-facilitator named by
    role): the courtesy before it says it is one (s64 h_ctx2 hunter)."""
    from .roles import honorifics

    if i and _ADDRESS_BREAK.search(words[spans[i - 1][1] : spans[i][0]]):
        return []
    ends = [
        i + len(p) for p in phrases_of(COURTESY_ADDRESS_TERMS) if tuple(tokens[i : i + len(p)]) == p
    ]
    first = i
    if tokens[i] in honorifics() and words[spans[i][0]].isupper() and i + 1 < len(tokens):
        if words[spans[i][1] : spans[i + 1][0]].strip() not in ("", "."):
            return ends
        first = i + 1
    for j in range(first, min(first + NAME_WORDS, len(tokens))):
        if not words[spans[j][0]].isupper():
            break
        if j > first and words[spans[j - 1][1] : spans[j][0]].strip():
            break
        ends.append(j + 1)
    return ends
