"""Backchannels: turns that only acknowledge (``Yeah.``, ``Mm-hmm.``, ``Okay, right.``, ``I see.``).

A turn is a backchannel when, ignoring bracketed notes such as ``[laughs]`` or ``(inaudible)``
and punctuation, it is made of at most :data:`MAX_BACKCHANNEL_WORDS` pieces, each a word of
:data:`BACKCHANNEL_WORDS` or a phrase of :data:`ACKNOWLEDGEMENT_PHRASES`
(``data/backchannel_phrases.txt``: ``I see``, ``Oh dear``, ``That makes sense``, and a laugh
or a reaction of sympathy or interest, ``Ha``, ``Haha``, ``Interesting``, ``How awful``), a
phrase counting as one (a turn with no words left, e.g. ``[inaudible]``, counts too). So ``Oh, I see,
yeah.`` is one and ``I see the problem.`` is not. They are skipped because they carry no codable
content and would otherwise crowd the novelty flags; ``No.`` is not in the list because a bare
refusal or denial can be an answer worth coding.

Phrases that agree (:data:`AGREEMENT_PHRASES`, ``data/backchannel_agreements.txt``: ``Of
course``, ``That's right``) acknowledge too when a listener says them while the other speaker
talks, but answer a yes/no question as well, which makes them codable: they count only in
:func:`only_acknowledges` (joining the pieces of the participant's turn around an interviewer's
``Of course.``), not in :func:`is_backchannel` (which leaves a participant's turn out of the
coding). A participant's ``That's right.`` between two interviewer turns confirms what the
interviewer said (``So the staffing was the main barrier.``) and stays a turn. The agreeing
phrases include the bare echoes of a yes (``It is.``, ``They do.``) for the same reason.

An agreeing phrase said over again, and nothing else (``It is. It is.``, ``They do, they do.``,
``Yes, of course, of course.``), is a backchannel as ``Yeah. Yeah.`` and ``Absolutely.
Absolutely.`` are: the listener agreeing along, with nothing to code (session 34: a tester's
``It is. It is.`` went to the open-coding queue as fitting no code; none of the 4,814
participant turns of the team-written interview sets is one, so no coded turn is lost). So
:func:`is_backchannel` also takes a turn of at most :data:`MAX_BACKCHANNEL_WORDS` pieces of
which every agreeing phrase is said at least twice.

A participant's backchannel said once right after the interviewer's question (``Is it okay to
record?`` ``Yes.``; ``Did your manager back it?`` ``Yep, absolutely.``) is the answer, as ``No.``
or ``Of course.`` would be, and is coded with the question as its context
(:func:`~roqa_nlp.transcripts.segment.left_out_as_backchannels`); one said over again (``Yeah.
Yeah.``, :func:`said_over_again`) is agreeing along wherever it falls.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from ..io import packaged_words

#: Words a backchannel turn is made of (lower case; hyphenated forms as researchers type them).
BACKCHANNEL_WORDS: frozenset[str] = frozenset(
    (
        "yeah", "yes", "yep", "yup", "yeh", "ya", "aye",
        "mm", "mmm", "mhm", "mmhm", "mm-hmm", "mm-hm", "hmm", "hm", "uh-huh", "uh", "huh",
        "um", "umm", "er", "erm", "ah", "aha", "oh", "ooh",
        "okay", "ok", "alright", "right", "sure", "exactly", "absolutely", "definitely",
        "indeed", "true", "fine", "cool", "great", "lovely", "brilliant", "perfect", "wow",
        "gosh", "so", "well", "and", "gotcha",
    )
)  # fmt: skip

#: Longest backchannel, in words or phrases (``Yeah, yeah, right, okay.``, ``Oh, I see, right.``).
MAX_BACKCHANNEL_WORDS = 4
#: The packaged lists of phrases (``roqa_nlp/data/``): see the module docstring.
ACKNOWLEDGEMENT_PHRASES = "backchannel_phrases.txt"
AGREEMENT_PHRASES = "backchannel_agreements.txt"
#: phrases of a bare no (``No.``, ``Not really.``, ``No, they did not.``): with the two lists
#: above, a reply of them alone says only yes or no (:func:`only_agrees`)
BARE_ANSWERS = "bare_answers.txt"
#: phrases that agree with the interviewer's summary and say no more (``Exactly that``, ``You've
#: put it better than I could``, ``Spot on``), with a few fillers said with them: with the three
#: lists above, a reply of them alone holds nothing of its own (:func:`only_agrees`); no part of
#: what is a backchannel, so no turn is segmented or coded otherwise for them
SUMMARY_AGREEMENTS = "summary_agreements.txt"
#: phrases with which a participant agrees with what another speaker just said (``Same here``,
#: ``I'd agree with that``, ``Exactly``): in a group, a reply of them alone, with acknowledging,
#: agreeing and summary-agreeing phrases, only agrees (:func:`only_agrees`), and so does one of
#: them with only the words of the member's turn it answers, or stop words, too (:func:`echoes`);
#: no part of what is a backchannel
GROUP_AGREEMENTS = "group_agreements.txt"
#: words that turn an agreement into a qualification or contradiction of its own (``Same, but
#: not here.``, ``That's the thing, they didn't.``): a reply holding one, or a word ending in
#: ``n't``, never only echoes (:func:`echoes`)
NOT_ECHOING = "not_echoing.txt"
#: the words a first-person clause opens with (``I``, ``we``): one in a member's agreeing reply
#: says something of its own unless what follows it agrees or repeats the answered turn
FIRST_PERSON_SUBJECTS = "first_person_subjects.txt"
#: phrases with which a group member, saying no (a one-word phrase of :data:`BARE_ANSWERS`),
#: agrees with another (``No, exactly.``, ``No, I agree.``, ``Nah, totally.``): a reply of a no
#: and them alone agrees with the member's turn it answers (:func:`agrees_with`) and only agrees
NO_AGREEMENTS = "no_agreements.txt"
#: phrases with which a group member concedes another's point, their "but" conceding, not
#: contrasting (``harsh but true``, ``sad but it's true``): made of them, a reply only agrees
CONCESSION_AGREEMENTS = "concession_agreements.txt"
#: words and phrases that only stress a yes (``really``, ``definitely``, ``very much``): left out
#: of a reply, they leave what it agrees with (``It is. It really is.`` says ``It is. It is.``),
#: so a reply that, without them, says only yes or no only agrees (:func:`only_agrees`)
AGREEMENT_INTENSIFIERS = "agreement_intensifiers.txt"
#: words of :data:`BACKCHANNEL_WORDS` that also judge (``great``, ``brilliant``, ``lovely``,
#: ``fine``): said of something (``It was great.``) or stressed (``Truly lovely.``), a
#: judgement (:func:`judges`), which no reply that only agrees holds
JUDGEMENT_WORDS = "judgement_words.txt"
#: the lists of phrases a reply that :func:`only_agrees` is made of: a yes or no (the f2366dbb
#: rule, every interview), or, in a group, an agreement with another member
_SAYS_YES_OR_NO = (ACKNOWLEDGEMENT_PHRASES, AGREEMENT_PHRASES, BARE_ANSWERS, SUMMARY_AGREEMENTS)
_AGREES_IN_GROUP = (
    ACKNOWLEDGEMENT_PHRASES,
    AGREEMENT_PHRASES,
    SUMMARY_AGREEMENTS,
    GROUP_AGREEMENTS,
    CONCESSION_AGREEMENTS,
)

#: Words that end asking (``... alright?``, ``... alright?)``): a short reply to them is an answer.
_ENDS_ASKING = re.compile(r"\?[^\w]*$")
_NOTE = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


#: How many texts' words :func:`words_of` and :func:`word_spans` keep: a segment's words are read
#: by some ten checks in a run (backchannel, agreement, repair, closing formula), so each is
#: parsed once rather than each time (s45: 33,265 parses of 2,990 segments' words in a warm
#: re-code)
WORDS_KEPT = 4096


def words_of(words: str) -> list[str]:
    """The words of ``words``, lower-cased, without bracketed notes (``[laughs]``), any
    apostrophe as ``'``."""
    return list(_words_of(words))


@lru_cache(maxsize=WORDS_KEPT)
def _words_of(words: str) -> tuple[str, ...]:
    return tuple(t.lower().replace("’", "'") for t in _WORD.findall(_NOTE.sub(" ", words)))


def word_spans(words: str) -> list[tuple[int, int]]:
    """Where each word of :func:`words_of` is in ``words`` (start, end-exclusive)."""
    return list(_word_spans(words))


@lru_cache(maxsize=WORDS_KEPT)
def _word_spans(words: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _WORD.finditer(_NOTE.sub(lambda m: " " * len(m[0]), words)))


@cache
def phrases_of(*names: str) -> frozenset[tuple[str, ...]]:
    """The phrases of the packaged lists ``names``, each as its words (:func:`words_of`)."""
    return frozenset(tuple(words_of(p)) for name in names for p in packaged_words(name))


@cache
def longest_of(*names: str) -> int:
    """The most words of a phrase of the packaged lists ``names`` (1 when they hold none)."""
    return max(map(len, phrases_of(*names)), default=1)


def acknowledgement_phrases() -> list[str]:
    """The phrases :func:`is_backchannel` takes as acknowledgements, sorted: a change to the list
    moves segments, so the segmentation cache keys on it
    (:mod:`~roqa_nlp.transcripts.segment_cache`)."""
    return sorted(" ".join(p) for p in phrases_of(ACKNOWLEDGEMENT_PHRASES))


def agreement_phrases() -> list[str]:
    """The agreeing phrases, sorted: said over again, they make a backchannel
    (:func:`is_backchannel`), so the segmentation cache keys on them too."""
    return sorted(" ".join(p) for p in phrases_of(AGREEMENT_PHRASES))


def _acknowledgement(tokens: list[str], *, agreeing: bool = False) -> bool:
    """Whether ``tokens`` are at most :data:`MAX_BACKCHANNEL_WORDS` pieces, each a word of
    :data:`BACKCHANNEL_WORDS` or an acknowledging phrase (and, when ``agreeing``, an agreeing
    one)."""
    if len(tokens) <= MAX_BACKCHANNEL_WORDS and all(t in BACKCHANNEL_WORDS for t in tokens):
        return True  # the common case, words alone
    names = (ACKNOWLEDGEMENT_PHRASES, AGREEMENT_PHRASES) if agreeing else (ACKNOWLEDGEMENT_PHRASES,)
    phrases, longest = phrases_of(*names), longest_of(*names)
    if len(tokens) > MAX_BACKCHANNEL_WORDS * longest:
        return False
    # fewest pieces covering tokens[:i], the words of a phrase taken together
    fewest = [0] + [MAX_BACKCHANNEL_WORDS + 1] * len(tokens)
    for i in range(1, len(tokens) + 1):
        if tokens[i - 1] in BACKCHANNEL_WORDS:
            fewest[i] = fewest[i - 1] + 1
        for n in range(1, min(longest, i) + 1):
            if tuple(tokens[i - n : i]) in phrases:
                fewest[i] = min(fewest[i], fewest[i - n] + 1)
    return fewest[-1] <= MAX_BACKCHANNEL_WORDS


def _pieces(
    tokens: tuple[str, ...], phrases: frozenset[tuple[str, ...]], longest: int, most: int
) -> Iterator[list[tuple[str, ...]]]:
    """Every way of reading ``tokens`` as at most ``most`` pieces, each a word of
    :data:`BACKCHANNEL_WORDS` or a phrase of ``phrases``, as the list of its pieces."""
    if not tokens:
        yield []
        return
    if most == 0:
        return
    for n in range(1, min(longest, len(tokens)) + 1):
        head = tokens[:n]
        if head in phrases or (n == 1 and head[0] in BACKCHANNEL_WORDS):
            for rest in _pieces(tokens[n:], phrases, longest, most - 1):
                yield [head, *rest]


def _repeated_agreement(tokens: list[str]) -> bool:
    """Whether ``tokens`` are at most :data:`MAX_BACKCHANNEL_WORDS` pieces (acknowledgements and
    agreeing phrases) with an agreeing phrase among them and each said at least twice."""
    names = (ACKNOWLEDGEMENT_PHRASES, AGREEMENT_PHRASES)
    agreeing = phrases_of(AGREEMENT_PHRASES)
    if len(tokens) > MAX_BACKCHANNEL_WORDS * longest_of(*names):
        return False
    for pieces in _pieces(
        tuple(tokens), phrases_of(*names), longest_of(*names), MAX_BACKCHANNEL_WORDS
    ):
        said = [p for p in pieces if p in agreeing]
        if said and all(said.count(p) >= 2 for p in said):
            return True
    return False


def said_over_again(words: str) -> bool:
    """Whether ``words`` are a backchannel (at most :data:`MAX_BACKCHANNEL_WORDS` pieces, each a
    word of :data:`BACKCHANNEL_WORDS` or an acknowledging or agreeing phrase) that says one of
    its pieces at least twice: ``Yeah. Yeah.``, ``Yes, yes, right.``, ``It is. It is.``."""
    names = (ACKNOWLEDGEMENT_PHRASES, AGREEMENT_PHRASES)
    tokens = tuple(words_of(words))
    if len(tokens) > MAX_BACKCHANNEL_WORDS * longest_of(*names):
        return False
    return any(
        len(set(pieces)) < len(pieces)
        for pieces in _pieces(tokens, phrases_of(*names), longest_of(*names), MAX_BACKCHANNEL_WORDS)
    )


def only_agrees(words: str, answered: str = "", *, group: bool = False) -> bool:
    """Whether ``words`` say nothing but yes or no, however many times: every word a word of
    :data:`BACKCHANNEL_WORDS` or in an acknowledging, agreeing, bare-no or summary-agreeing
    phrase (``Yeah. Yeah it was.``, ``Yes, of course.``, ``No, they did not.``:
    :data:`BARE_ANSWERS`; ``Exactly that, you've put it better than I could.``:
    :data:`SUMMARY_AGREEMENTS`), with no limit on the pieces; not words that hold no word at all.
    So too words that do so once the words that only stress a yes are left out
    (:func:`without_intensifiers`: ``It is. It really is.``, ``We definitely did.``), words of
    those alone too (``Certainly.``, ``Very much so.``, as ``Yes, certainly.``), not with any
    other (``It really is a problem.``). Never words holding a judgement (:func:`judges`: ``It
    was great.``, ``It really was brilliant.``, ``Truly lovely.``), evidence whichever side it
    falls on, as ``It was awful.`` is; ``Great.`` and ``Yeah, lovely.`` only acknowledge.

    With ``group`` (a focus group member's words), also a reply of group-agreeing phrases
    (``Yeah, same here.``, ``I'd agree with that.``: :data:`GROUP_AGREEMENTS`) with
    acknowledgements, but no bare no (``Same, it wasn't.`` disagrees). With ``answered``, the
    turn of another member the words reply to, also an agreement that only echoes it
    (:func:`echoes`: ``Yeah, a tick box. Exactly.`` after ``...it's like a tick box.``); never
    the interviewer's question, whose words a participant's answer takes up as evidence
    (``Exactly, it was the funding.`` after ``Was it the funding?``). Such words are counted
    where they are coded but are no quote of their own: they hold no evidence of their own
    (:attr:`roqa_nlp.framework.Quote.only_agrees`)."""
    tokens = words_of(words)
    if not tokens:
        return False
    return _says_only_yes_or_no(tokens, answered, group) and not judges(words, answered)


def _says_only_yes_or_no(tokens: list[str], answered: str, group: bool) -> bool:
    """:func:`only_agrees` of the words ``tokens`` but for a judgement in them: their words
    read as the phrase lists read them, or as a group member's agreeing reply."""
    if _yes_or_no_words().issuperset(tokens):  # a word of no list: neither reading covers it
        if covered_by(tokens, *_SAYS_YES_OR_NO):
            return True
        plain = without_intensifiers(tokens)
        if len(plain) < len(tokens) and covered_by(plain, *_SAYS_YES_OR_NO):
            return True  # "It is. It really is.", "They definitely did.", "Certainly."
    return bool(group or answered) and (_agrees(tokens, answered) or _agrees_saying_no(tokens))


@cache
def _yes_or_no_words() -> frozenset[str]:
    """Every word that :func:`covered_by` ``_SAYS_YES_OR_NO`` may cover, the words that only
    stress a yes too: a text holding any other word is not covered, with those words left out
    or not, so a long answer is not read phrase by phrase (a warm re-code of the scale-1
    corpus spent 2 s there: the report asks it of every quote)."""
    phrases = phrases_of(*_SAYS_YES_OR_NO) | phrases_of(AGREEMENT_INTENSIFIERS)
    return BACKCHANNEL_WORDS | frozenset(w for p in phrases for w in p)


def judges(words: str, answered: str = "") -> bool:
    """Whether ``words`` hold a judgement: a word of :data:`JUDGEMENT_WORDS` said of something,
    right after an agreeing phrase of :data:`AGREEMENT_PHRASES` (``It was great.``, ``They
    were brilliant.``; ``It really was brilliant.`` and ``It was genuinely brilliant.``, the words
    of :data:`AGREEMENT_INTENSIFIERS` left out), or stressed by one of those words right before
    it (``Truly lovely.``, ``Really great.``), with no punctuation between (a bracketed note
    aside): not ``Great.``, ``Yeah, great.``, ``Yes, absolutely, great.`` nor ``It is. Fine.``,
    a yes and an acknowledgement. Not a word of ``answered``, the group member's turn the words
    reply to, either: ``Yeah, it was brilliant.`` after ``The training was brilliant.`` echoes
    it (:func:`echoes`)."""
    tokens = words_of(words)
    judging = _judgement_words().difference(words_of(answered))
    if not any(t in judging for t in tokens):
        return False
    agreeing, longest = phrases_of(AGREEMENT_PHRASES), longest_of(AGREEMENT_PHRASES)
    for run in _runs(words, tokens):
        plain, stressed = _without_intensifiers(run)
        for i, word in enumerate(plain):
            if word in judging and (
                stressed[i]
                or any(tuple(plain[i - n : i]) in agreeing for n in range(1, min(longest, i) + 1))
            ):
                return True
    return False


@cache
def _judgement_words() -> frozenset[str]:
    return packaged_words(JUDGEMENT_WORDS)


def _runs(words: str, tokens: list[str]) -> list[list[str]]:
    """``tokens``, the words of ``words`` (:func:`words_of`), in runs that only whitespace or a
    bracketed note parts: ``It really was brilliant, yeah.`` gives ``it really was brilliant``
    and ``yeah``."""
    blank = _NOTE.sub(lambda m: " " * len(m[0]), words)
    spans = word_spans(words)
    runs: list[list[str]] = []
    for k, token in enumerate(tokens):
        if k == 0 or blank[spans[k - 1][1] : spans[k][0]].strip():
            runs.append([])
        runs[-1].append(token)
    return runs


def without_intensifiers(tokens: list[str]) -> list[str]:
    """``tokens`` (:func:`words_of`) without the words and phrases of
    :data:`AGREEMENT_INTENSIFIERS`, the longest phrase first: ``it is it really is`` gives
    ``it is it is``."""
    return _without_intensifiers(tokens)[0]


def _without_intensifiers(tokens: list[str]) -> tuple[list[str], list[bool]]:
    """:func:`without_intensifiers`, and for each word kept whether words so left out were right
    before it (``truly lovely`` gives ``lovely``, stressed)."""
    phrases, longest = phrases_of(AGREEMENT_INTENSIFIERS), longest_of(AGREEMENT_INTENSIFIERS)
    out: list[str] = []
    stressed: list[bool] = []
    after = False  # whether the words just before were left out
    i = 0
    while i < len(tokens):
        n = next(
            (
                n
                for n in range(min(longest, len(tokens) - i), 0, -1)
                if tuple(tokens[i : i + n]) in phrases
            ),
            0,
        )
        if n:
            i += n
            after = True
        else:
            out.append(tokens[i])
            stressed.append(after)
            after = False
            i += 1
    return out, stressed


def agrees_with(words: str, answered: str) -> bool:
    """Whether ``words``, a group member's reply to ``answered`` (another member's turn), only
    agree with it: acknowledging, agreeing and group-agreeing phrases alone (``Yeah, same
    here.``), an agreement that only echoes it (:func:`echoes`), or a no said with phrases of
    :data:`NO_AGREEMENTS` alone (``No, exactly.``, ``No, I agree.``). Not a bare no (``No.``,
    ``Not really.``, ``Exactly, we didn't.``), nor a no with words of a yes or no (``No, we
    did.``, ``No, exactly, it wasn't.``), whatever the turn: :func:`only_agrees` takes it as
    saying only yes or no, but it may contradict the turn (``No, there is.`` after ``There isn't
    any support.``; ``No.`` after ``...with no trouble at all.``) as well as agree with it, and no
    word list tells which (session 62 hunt). Such a reply is read with the question, not with the
    turn it may disagree with (:func:`~roqa_nlp.transcripts.segment.questions_before`)."""
    tokens = words_of(words)
    if not tokens or judges(words, answered):  # "Yeah, it was brilliant." after "...awful."
        return False
    return _agrees(tokens, answered) or _agrees_saying_no(tokens)


def _agrees(tokens: list[str], answered: str) -> bool:
    return covered_by(tokens, *_AGREES_IN_GROUP) or (bool(answered) and echoes(tokens, answered))


def _agrees_saying_no(tokens: list[str]) -> bool:
    """Whether ``tokens`` are a no (a one-word phrase of :data:`BARE_ANSWERS`) and a phrase of
    :data:`NO_AGREEMENTS`, with only noes, other such phrases and words of
    :data:`BACKCHANNEL_WORDS` (``No, exactly.``, ``Yeah, no, I agree.``, ``Ah no, sure,
    totally.``): not ``No, we did.``, ``No, exactly, it wasn't.`` or ``No, absolutely not.``,
    whose words of a yes or no may contradict the turn they answer (session 62 hunt)."""
    noes = _noes()
    pieces: list[list[str]] = [[]]  # the words between the noes
    for t in tokens:
        if t in noes:
            pieces.append([])
        else:
            pieces[-1].append(t)
    return (
        len(pieces) > 1
        and _holds(tokens, NO_AGREEMENTS)
        and all(covered_by(piece, NO_AGREEMENTS) for piece in pieces)
    )


@cache
def _noes() -> frozenset[str]:
    return frozenset(p[0] for p in phrases_of(BARE_ANSWERS) if len(p) == 1)


def _holds(tokens: list[str], name: str) -> bool:
    """Whether ``tokens`` hold a phrase of the packaged list ``name``."""
    phrases, longest = phrases_of(name), longest_of(name)
    return any(
        tuple(tokens[i : i + n]) in phrases
        for i in range(len(tokens))
        for n in range(1, longest + 1)
    )


def echoes(tokens: list[str], answered: str) -> bool:
    """Whether ``tokens`` (:func:`words_of`) agree with ``answered``, another member's turn, and
    say nothing of their own: they hold a phrase of :data:`GROUP_AGREEMENTS` (``same``,
    ``exactly``), no word of :data:`NOT_ECHOING` nor any ending in ``n't`` (a contrast or a
    negation: ``Same, but not here.``, ``Same here, it wasn't easy to use.``), and every other
    word is in an acknowledging, agreeing, summary- or group-agreeing phrase (a bare no is not:
    it contradicts), a word of :data:`BACKCHANNEL_WORDS`, a stop word
    (:func:`~roqa_nlp.open_coding.english_stop_words`) or a word of ``answered``: ``Yeah, a tick
    box. Exactly.`` after ``...it's like a tick box.``, ``Same, when I started.`` after ``I was
    lost when I started``; not ``Same, the rota's the problem for us.``, which adds words, nor
    ``Same, only on nights.`` (a restriction) or ``Same, I do a lot of nights too.``, a
    first-person clause of its own (:func:`_own_clause`)."""
    found = _holds(tokens, GROUP_AGREEMENTS)
    contrasting = _not_echoing()
    if not found or any(t in contrasting or t.endswith("n't") for t in tokens):
        return False
    phrases, most = phrases_of(*_AGREES_IN_GROUP), longest_of(*_AGREES_IN_GROUP)
    from ..open_coding import english_stop_words  # the words that add nothing of their own

    heard = words_of(answered)
    if _own_clause(tokens, heard):
        return False
    said = set(heard) | english_stop_words()
    # covered[i]: tokens[:i] are pieces that say nothing of their own
    covered = [True] + [False] * len(tokens)
    for i in range(1, len(tokens) + 1):
        word = tokens[i - 1]
        covered[i] = (covered[i - 1] and (word in BACKCHANNEL_WORDS or word in said)) or any(
            covered[i - n] and tuple(tokens[i - n : i]) in phrases
            for n in range(1, min(most, i) + 1)
        )
    return covered[-1]


@cache
def _not_echoing() -> frozenset[str]:
    return packaged_words(NOT_ECHOING)


@cache
def _first_person_subjects() -> frozenset[str]:
    return packaged_words(FIRST_PERSON_SUBJECTS)


def _own_clause(tokens: list[str], heard: list[str]) -> bool:
    """Whether ``tokens`` hold a first-person clause of their own: from a word of
    :data:`FIRST_PERSON_SUBJECTS` on (backchannel words at the end aside), words that are neither
    agreeing phrases (``I agree with that``, ``we had the same``, ``I do``) nor the words of
    ``heard``, the answered turn, in its order (``Same, when I started.`` after ``...when I
    started.``): ``Same, I do a lot of nights too.``, ``Same, we work nights as well.``."""
    subjects = _first_person_subjects()
    for k, word in enumerate(tokens):
        if word not in subjects:
            continue
        rest = tokens[k:]
        while rest and rest[-1] in BACKCHANNEL_WORDS:
            rest = rest[:-1]
        if covered_by(rest, *_AGREES_IN_GROUP):
            continue
        n = len(rest)
        if not any(heard[i : i + n] == rest for i in range(len(heard) - n + 1)):
            return True
    return False


def covered_by(tokens: list[str], *names: str, backchannel_words: bool = True) -> bool:
    """Whether ``tokens`` (:func:`words_of`) are all words of :data:`BACKCHANNEL_WORDS` (unless
    ``backchannel_words`` is false) or in phrases of the packaged lists ``names``, however many
    (true for no tokens)."""
    return covered_prefixes(tokens, *names, backchannel_words=backchannel_words)[-1]


def covered_prefixes(tokens: list[str], *names: str, backchannel_words: bool = True) -> list[bool]:
    """For each ``i`` from 0 to ``len(tokens)``: whether ``tokens[:i]`` are as
    :func:`covered_by` takes them."""
    phrases, longest = phrases_of(*names), longest_of(*names)
    words = BACKCHANNEL_WORDS if backchannel_words else frozenset()
    covered = [True] + [False] * len(tokens)  # covered[i]: tokens[:i] are such pieces
    last = 0  # the last i so covered: none further on can be once `longest` words are not
    for i in range(1, len(tokens) + 1):
        if i - last > longest:
            break
        covered[i] = (covered[i - 1] and tokens[i - 1] in words) or any(
            covered[i - n] and tuple(tokens[i - n : i]) in phrases
            for n in range(1, min(longest, i) + 1)
        )
        last = i if covered[i] else last
    return covered


def ends_asking(words: str) -> bool:
    """Whether ``words`` end on a question mark (closing brackets and quotes aside)."""
    return _ENDS_ASKING.search(words) is not None


def marks_questions(talk: str) -> bool:
    """Whether ``talk`` (a transcript's words) is punctuated, a question mark or a sentence's
    end anywhere: speech-to-text that writes no punctuation (auto captions) marks none, and
    then no turn can be told to ask by how it ends (:func:`may_answer`). Talk typed with full
    stops but no question mark marks its questions (it asks none): a reply there to a remark
    (``That sounds hard.`` ``Yeah.``) stays a backchannel (s87: test_ray_run_says' p02)."""
    return "?" in talk or "." in talk or "!" in talk


def may_answer(asked: str, *, questions_marked: bool) -> bool:
    """Whether a short reply (``Yes.``, ``Absolutely.``) right after the interviewer's turn
    ``asked`` is the answer to it, not a backchannel: ``asked`` ends asking, or the transcript
    marks no question anywhere (``questions_marked`` False, :func:`marks_questions`), where a
    question cannot be told from a remark by its punctuation and the reply is kept as an answer
    (s87: ``Jo Lee: has the new referral pathway helped`` ``Sam Roe: absolutely`` in auto
    captions was left out and the two questions around it joined)."""
    return ends_asking(asked) or not questions_marked


def is_backchannel(words: str) -> bool:
    """True when a turn's words are only an acknowledgement, or an agreement said over again
    (see the module docstring)."""
    tokens = words_of(words)
    return _acknowledgement(tokens) or _repeated_agreement(tokens)


def only_acknowledges(words: str, *, agreeing: bool = True) -> bool:
    """True for a backchannel that asks nothing: ``Mm-hmm.``, ``I see.``, also (with
    ``agreeing``) one that agrees (``Of course.``), not ``And?`` or ``Yeah?``, which prompt for
    more. Such a turn of another
    speaker does not part one speaker's turn
    (:func:`~roqa_nlp.transcripts.render.across_backchannels`, which keeps a short reply to the
    interviewer's question as an answer), nor count as a turn of the one who may be asking the
    questions (:func:`~roqa_nlp.transcripts.roles.guess_interviewer`). A turn of only a
    transcriber's bracketed note (``[inaudible]``, ``[laughs]``, ``(pause)``) is taken as one too:
    between two pieces of an answer it carries nothing of its own, as ``Mm-hmm.`` does (s43: an
    interviewer's ``[inaudible]`` cue split an answer ``Mm-hmm.`` would not). Words holding no
    word and no note (a symbol, ``-``) acknowledge nothing: such a turn stays where it is.

    A turn's words are judged once, however many checks ask (s79: 35,168 calls for the 5,980
    turns of a warm re-code of the 2,990-segment benchmark corpus)."""
    return _only_acknowledges(words, agreeing)


@lru_cache(maxsize=WORDS_KEPT)
def _only_acknowledges(words: str, agreeing: bool) -> bool:
    if "?" in words:
        return False
    tokens = words_of(words)
    if not tokens:
        return _NOTE.search(words) is not None
    return _acknowledgement(tokens, agreeing=agreeing)
