"""Which lines opening with a list's marker are a speaker's label, and which a list's item.

A list's marker is a lower-case letter or a lower-case roman numeral with its full stop
(``a.``, ``b.``, ``i.``, ``ii.``, ``iv.``): the shape of a question-and-answer transcript's
``q.``/``a.`` labels too (:data:`.speaker_labels.PERIOD_LINE`). Read as a label, a
participant's ``i.`` item would be the interviewer's ``I`` and left out of coding, and ``a.``,
``b.`` a speaker of their own; read as an item, a ``q.``/``a.`` transcript's questions would be
coded. The rule, as a researcher checks it by eye (:func:`without_list_items`):

1. Two markers that take turns are the transcript's labels: a ``q.`` line that asks, then an
   ``a.`` line (``q. and is it protected time?`` / ``a. not really.``), or two one-letter
   markers taking turns across the whole file (``q. a. q. a.``, a title or one ``Ruth:`` line
   between them) where a line of theirs asks or they take turns before any speaker labelled
   ``Name:``. Letters restarting in an answer (``a. Leeds.`` ``i. care plans.`` ``a.
   Wakefield.`` ``i. risk.``), none asking, are a list's, and so are ``i. ii. i. ii.``.
2. Any other marker opens an item below a speaker's turn (``P02: Two things.``,
   ``Interviewer:``, a known speaker's ``A. Several things.``, a line of the pair of rule 1,
   ``q. Two things.`` with no title above it; not a header's ``Date:``), with
   or without a heading (``a. the referral.``), and anywhere when a heading and a colon follow
   it (``a. first item: the referral.``, ``i. care plans: every month.``).
3. A marker is still a label where not every line it opens is an item (``q. what helped?``
   beside ``q. and money?``), compared in its case (an ``I.``/``R.`` file's ``i. care plans:
   ...`` is an item), and a speaker even alone where the researcher names it with
   ``--interviewer``/``--participant`` as the file writes it, or in another case that opens
   none of the file's lines (``--interviewer Q`` for ``q.``).
4. Capital letters in order opening lines one after another in the full-stop shape in a
   participant's turn (``P04: Three things.`` / ``A. First item: ...`` / ``B. Second item: ...`` /
   ``C. ...``, from ``A.``; :func:`_lettered_items`), or below a numbered question
   (``Question 1: What got in the way?`` / ``Two things.`` / ``A. ...`` / ``B. ...``) in a file
   that labels no answers, are a list's items, where none of those
   letters opens another line of the file as a label (``A.`` answering ``Q.``) and the
   researcher names none of them: ``A.`` and ``B.`` are the answerer's labels too, so a
   ``Q.``/``A.`` transcript's ``A. First item:`` / ``B. ...`` stay labels as before.
5. Below a question marker's words (``Q.``, ``Question 5:``) the interviewer's own list of
   questions stays the interviewer's, not the answer: an item below an item that asks, or an
   item that asks below the marker's words that do not (``Q. Two things.`` / ``i. how did
   training go?`` / ``ii. was there enough money?``; :func:`goes_on_asking`, for the Word and
   the plain-text reader), and so does any item below the marker's words ending in a colon
   (``Question 3: Tell me about:`` / ``a. your team`` / ``b. the money``); the list ends at the
   first line that is no item, after an item ending its sentence or opening with a capital
   (:func:`ends_question_list`): ``Q.: Two things.`` / ``i. how did training go?`` / ``ii. and
   the money.`` / ``It went well.``, the last the answer, in either reader. A list below
   ``Question 5: What helped?`` is the answer's, and so is a list that does not ask below words
   ending a sentence (``Question 3: Tell me about the barriers.`` / ``i. money.``); in plain
   text, as in Word, the line after words ending a sentence is the answer
   (:func:`ends_question`).

(Session 69 hunts h_initials t17, h_lists, h_lists2, h_lists3 and f_lists4.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from itertools import pairwise

from .roles import is_question_marker, role_of
from .speaker_labels import MAX_LABEL_CHARS, PERIOD_LINE, LabelMatch, named_people

#: A list's marker in the full-stop shape: a lower-case roman numeral (``i``, ``ii``, ``iv``,
#: ``xii``; one letter is :func:`is_list_marker`'s own case).
_ROMAN_NUMERAL = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")
#: A list item's heading after its marker: words, then a colon before a blank or the line's end
#: (``first item: the referral.``), no longer than a label and ending no sentence before it.
_LIST_ITEM_HEAD = re.compile(rf"[^:.?!\n]{{1,{MAX_LABEL_CHARS}}}:(?=[ \t]|$)")

#: The lines a list's marker opens with no other label between them, (index, match) each, and
#: whether a speaker's turn came before them.
_Run = tuple[list[tuple[int, LabelMatch]], bool]


def is_list_marker(label: str) -> bool:
    """Whether ``label``, read in the full-stop shape, may be a list's marker: one lower-case
    letter or a lower-case roman numeral (``a``, ``i``, ``iv``), never ``Q`` or ``A``."""
    return label.islower() and (len(label) == 1 or _ROMAN_NUMERAL.fullmatch(label) is not None)


def opens_with_list_marker(line: str) -> bool:
    """Whether ``line`` opens with a list's marker in the full-stop shape (``ii. was there
    enough money?``, ``b. money: ...``; :func:`is_list_marker`)."""
    m = PERIOD_LINE.match(line)
    return m is not None and is_list_marker(" ".join(m.group("label").split()))


def goes_on_asking(last: str, words: str, lead: str = "") -> bool:
    """Whether ``words``, a line or paragraph below ``last``, the last words of a question
    marker's turn (``Q. ...``, ``Question 5: ...``), go on with the interviewer's own question,
    not the answer (rule 5 of the module docstring): an item (:func:`opens_with_list_marker`)
    below an item that asks, or an item that asks below words that do not (``Q. Two things.`` /
    ``i. how did training go?`` / ``ii. was there enough money?``), any item of a list whose
    ``lead``, the marker's own words, ends in a colon (``Question 3: Tell me about:`` / ``a. your
    team`` / ``b. the money``). A list below a question that asks (``Question 5: What
    helped?``) is the answer's, and so is a line that is no item: an answer may end asking
    (``Two things.`` / ``It went well, was it enough?``)."""
    last, words = last.rstrip(), words.rstrip()
    if not opens_with_list_marker(words):
        return False
    if lead.rstrip().endswith(":"):
        return True
    if opens_with_list_marker(last):
        return last.endswith("?")
    return not last.endswith("?") and words.endswith("?")


#: The end of a sentence at the end of a line: its full stop, question or exclamation mark
#: (an ellipsis too), a closing quote or bracket after it.
_SENTENCE_END = re.compile(r"[.?!\u2026][\"'\u2019\u201d)\]]*\s*$")


def ends_question_list(last: str, words: str) -> bool:
    """Whether ``words``, a line of plain text below ``last``, the words of an item of the
    interviewer's list of questions since its marker (``ii. and the money.``, an item typed on
    over two lines joined), end the list: a line that is no item (:func:`opens_with_list_marker`)
    after an item that ends its sentence is the answer, as the paragraph after the list is in
    Word (rule 5), and so is one opening with a capital after an item typed with no full stop
    (``ii. the money`` / ``We have five nurses.``); a line in lower case after an item that ends
    no sentence (``ii. and what about`` / ``the money.``) is the item's words typed on."""
    return (
        opens_with_list_marker(last)
        and not opens_with_list_marker(words)
        and (_SENTENCE_END.search(last) is not None or words.lstrip()[:1].isupper())
    )


def ends_question(words: str) -> bool:
    """Whether ``words``, a line of plain text of a question marker's turn, end its question
    where they end a sentence (``Question 2: Tell me about your team.``): the next line is the
    answer, as the paragraph after it is in Word, unless it goes on asking
    (:func:`goes_on_asking`); a line ending no sentence (``Tell me about your team, who is in
    it``) is typed on below."""
    return _SENTENCE_END.search(words) is not None


def without_list_items(
    lines: Sequence[str],
    found: Sequence[LabelMatch | None],
    loose: Sequence[LabelMatch | None],
    header: Collection[int],
    interviewer_labels: Sequence[str] | None,
    speaks: Callable[[str], bool],
) -> tuple[list[LabelMatch | None], set[str]]:
    """``loose``, the labels of ``lines`` in the looser shapes, without the lines that open a
    list's item (rules 1 to 4 of the module docstring), and the markers the researcher names,
    speakers even alone. ``found`` holds the labels in the usual shape (``P02:``), ``header``
    the lines of the file's header fields (``Date: 12 March``, labels of no speaker), and
    ``speaks`` says whether a label in the full-stop shape is a speaker's (``A. Several
    things.``)."""
    runs = _marker_runs(found, loose, header, speaks)
    takers = _turn_takers(lines, runs)
    items = {
        i: m
        for run, after_talk in runs
        for k, (i, m) in enumerate(run)
        if m.label not in takers
        and (
            after_talk
            # below a line of the transcript's own labels (the first ``q.`` of a file with no
            # title above it): a speaker's turn, as below ``P02:``
            or any(n.label in takers for _, n in run[:k])
            or _opens_with_heading(lines[i][m.words_start :])
        )
    }
    labelled = {m.label for i, m in enumerate(loose) if m is not None and i not in items}
    named = {
        m.label
        for m in loose
        if m is not None and m.form == "full stop" and is_list_marker(m.label)
        for n in named_people(interviewer_labels)
        if n == m.label or (n.casefold() == m.label.casefold() and n not in labelled)
    }
    dropped = {i for i, m in items.items() if m.label not in labelled | named}
    dropped |= _lettered_items(lines, found, loose, header, interviewer_labels, speaks)
    return [None if i in dropped else m for i, m in enumerate(loose)], named


#: The capital letters a lettered list's items open with, in order (:func:`_lettered_items`).
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _lettered_items(
    lines: Sequence[str],
    found: Sequence[LabelMatch | None],
    loose: Sequence[LabelMatch | None],
    header: Collection[int],
    interviewer_labels: Sequence[str] | None,
    speaks: Callable[[str], bool],
) -> set[int]:
    """The lines of ``loose`` that open a lettered list's items (rule 4 of the module
    docstring): runs of two or more lines opening in the full-stop shape with ``A``, ``B``,
    ``C``, ... in order, no other label between them, in the turn of a participant labelled in
    the usual shape (``found``: ``P04:``, not a header's ``Date:`` nor the interviewer, below
    whose question an unlabelled answer may stand) or below a question marker so labelled
    (``Question 1:``) in a file that labels no answers, where the lines below it are the
    answer (not below words of its ending in a colon: ``Tell me about:`` / ``A. your team``,
    which may be the question's own list), where no other line of the file opens with one of
    those letters as a label and the researcher names none. A line of talk in the full-stop
    shape that ``speaks`` says is no speaker's (``Mostly staffing. We lost two nurses.``) is
    the turn's words, as a line with no label is."""
    runs: list[tuple[list[int], bool]] = []  # lines opening with a capital letter, in a turn?
    run: list[int] = []
    turn = False  # the last label in the usual shape was a participant's
    # a file whose question markers' lines (``Question 1:``) are followed by unlabelled answers:
    # no label in the usual shape is an answerer's, so the lines below a marker are the answer
    answers_unlabelled = not any(
        f is not None
        and i not in header
        and not is_question_marker(f.label)
        and role_of(f.label, interviewer_labels) == "participant"
        for i, f in enumerate(found)
    )
    below_marker = False  # the turn is a question marker's, its lines below the answer
    last = ""  # the last line with words
    for i, (f, m) in enumerate(zip(found, loose, strict=True)):
        if m is not None and m.form == "full stop" and len(m.label) == 1 and m.label in _LETTERS:
            if not run:
                # below a question marker, a list below words ending in a colon may be the
                # question's own ('Question 3: Tell me about:' / 'A. your team'): left as it was
                runs.append((run, turn and not (below_marker and last.endswith(":"))))
            run.append(i)
        elif f is not None or (m is not None and (m.form != "full stop" or speaks(m.label))):
            run = []
            below_marker = f is not None and answers_unlabelled and is_question_marker(f.label)
            turn = (
                f is not None
                and i not in header
                and (role_of(f.label, interviewer_labels) == "participant" or below_marker)
            )
        if lines[i].strip():
            last = lines[i].rstrip()
    lists = [
        run
        for run, turn in runs
        if turn
        and len(run) >= 2
        and "".join(m.label for i in run if (m := loose[i]) is not None) == _LETTERS[: len(run)]
    ]
    items = {i for run in lists for i in run}
    elsewhere = {
        m.label.casefold()
        for i, (f, n) in enumerate(zip(found, loose, strict=True))
        if i not in items
        for m in (f, n)
        if m is not None
    } | {n.casefold() for n in named_people(interviewer_labels)}
    return {
        i
        for run in lists
        if not any(_LETTERS[k].casefold() in elsewhere for k in range(len(run)))
        for i in run
    }


def _opens_with_heading(words: str) -> bool:
    """Whether a list's marker's ``words`` open with a heading and a colon (``first item: the
    referral.``, ``another: audits?``; :data:`_LIST_ITEM_HEAD`), as a list's item does, not a
    question (``q. what helped?``)."""
    head = _LIST_ITEM_HEAD.match(words)
    return head is not None and any(c.isalpha() for c in head.group())


def _marker_runs(
    found: Sequence[LabelMatch | None],
    loose: Sequence[LabelMatch | None],
    header: Collection[int],
    speaks: Callable[[str], bool],
) -> list[_Run]:
    """The runs of lines that a list's marker opens in the full-stop shape (``a. ...``,
    ``ii. ...``; :func:`is_list_marker`) with no other label between them, each with whether a
    speaker labelled in the usual shape (``P02:``, not a header's ``Date:``) or in the
    full-stop shape as ``speaks`` says (``A. Several things.``) opens a line before it."""
    runs: list[_Run] = []
    run: list[tuple[int, LabelMatch]] = []
    after_talk = False
    for i, (f, m) in enumerate(zip(found, loose, strict=True)):
        if m is not None and m.form == "full stop" and is_list_marker(m.label):
            run.append((i, m))
        elif m is not None or (f is not None and i not in header):
            if run:
                runs.append((run, after_talk))
                run = []
            after_talk = (
                after_talk
                or (f is not None and i not in header)
                or (m is not None and m.form == "full stop" and speaks(m.label))
            )
    if run:
        runs.append((run, after_talk))
    return runs


def _turn_takers(lines: Sequence[str], runs: Sequence[_Run]) -> set[str]:
    """The two one-letter markers that label a question-and-answer transcript's lines, not a
    list's items (rule 1; session 69 hunts h_lists2 N15/N07/N04): a ``q.`` line that asks, then
    an ``a.`` line, or two markers that take turns across all the file's ``runs``, where a line
    of theirs asks or they take turns before any colon-labelled speaker. Empty when there is no
    such pair."""
    for run, _ in runs:
        for (i, m), (_, n) in pairwise(run):
            if (m.label, n.label) == ("q", "a") and "?" in lines[i][m.words_start :]:
                return {"q", "a"}
    order = [(i, m) for run, _ in runs for i, m in run]
    pair = _alternating_pair([m.label for _, m in order])
    if pair is None or not all(len(p) == 1 for p in pair):
        return set()
    asks = any("?" in lines[i][m.words_start :] for i, m in order if m.label in pair)
    before_talk = any(
        not after_talk and pair <= {m.label for _, m in run} for run, after_talk in runs
    )
    return set(pair) if asks or before_talk else set()


def _alternating_pair(labels: Sequence[str]) -> frozenset[str] | None:
    """The first two labels that take turns in ``labels`` (``q a q a``, a line said twice by
    one counted once): a question-and-answer transcript's labels, not a list's markers, which
    follow on (``a b c``, ``a i ii b``); None when none do."""
    turns = [label for k, label in enumerate(labels) if k == 0 or labels[k - 1] != label]
    for k in range(len(turns) - 3):
        if turns[k] == turns[k + 2] and turns[k + 1] == turns[k + 3]:
            return frozenset(turns[k : k + 2])
    return None
