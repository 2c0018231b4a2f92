"""report.js's pseudonymsStand: whether a row of the review kept by a report that was not
pseudonymised is on a segment of the pseudonymised report written in its place, its words the
segment's with each bracketed pseudonym read as the words it replaced (session 79 hunt5 F3; the
page in a browser: test_report_browser's tests of a pseudonymised report)."""

from __future__ import annotations

import json

from report_fixture import node_prints, report_js_functions, report_js_vars

#: words enough around a pseudonym standing for ten or more words
LONG = " ".join(["we"] * 11) + " asked "

CASES = [
    # the names it replaced, one word or two, before a comma or a possessive
    (
        "Honestly [Interviewer], I ran it, [P01] the trainer.",
        "Honestly Sam, I ran it, Lucy Pemberton the trainer.",
        True,
    ),
    ("[P01]'s team and [P02].", "Lucy's team and Bev Hirst.", True),
    ("Mail [email] today.", "Mail lucy@example.org today.", True),  # an identifier
    ("Ask [P01] now, she ran it.", "Ask Lucy Ann Pemberton now, she ran it.", True),  # 3 words
    (LONG + "[P01].", LONG + " ".join(["W"] * 10) + ".", True),  # 10 words, the most
    (LONG + "[P01].", LONG + "X" * 120 + ".", True),  # 120 characters, the most
    # what pseudonymising replaces: initials, a phone number, an e-mail, an address
    ("Ask [P01] about it.", "Ask J. R. Smith about it.", True),
    ("Ring [phone] today, she said.", "Ring +44 7700 900123 today, she said.", True),
    ("Ring [phone] today, she said.", "Ring (0113) 496 0000 today, she said.", True),
    ("Mail [email] now.", "Mail lucy.p@example.org now.", True),
    ("She lives at [address] now.", "She lives at 12 High Street now.", True),
    # no pseudonym: an exact match is another rule's, as are the same words
    ("I said so.", "I said so.", False),
    ("Honestly [P01].", "Honestly [P01].", False),
    ("I said so.", "I said it.", False),
    # a pseudonym stands for words of their own, at most 10 words, 120 characters
    ("Honestly [P01], yes.", "Honestly , yes.", False),
    (LONG + "[P01].", LONG + " ".join(["W"] * 11) + ".", False),
    (LONG + "[P01].", LONG + "X" * 121 + ".", False),
    # a pseudonym stands for no sentence end, nor for words that are no name (lower-case
    # first), and the words outside the pseudonyms are at least half the row's (session 80
    # hunt6 F1: after re-segmenting, a whole turn's decision moved onto a short sentence)
    ("It was [P02].", "It was Anna Kowalski. She explained every screen twice.", False),
    ("Ask [P02].", "Ask the managers. They backed the programme from the start.", False),
    ("Ask [P01] now, she ran it.", "Ask Lucy. She said so now, she ran it.", False),
    ("Ask [P01] now, she ran it.", "Ask Lucy? Yes now, she ran it.", False),
    ("[inaudible] yes.", "I think so yes.", False),
    ("I was [laughs] happy.", "I was really very happy.", False),
    ("Thanks [P01].", "Thanks for all your help today.", False),
    ("[P01]?", "What about the leaders?", False),
    ("[P01].", "We never had enough money for the extra staff.", False),
    ("[Interviewer]: [P01]", "Sam: anything at all here", False),
    ("And [P01] said no.", "And then the manager said no.", False),
    ("[P01] and [P02] helped.", "Nobody and nothing helped.", False),
    ("[crosstalk]", "Yes, definitely.", False),
    ("[P01]", "Yes.", False),
    ("Yes [P01].", "Yes, definitely not.", False),
    ("It was [P01].", "It was not good at all, honestly.", False),
    ("Well [P01] said it.", "Well Many Of Them Said It Then said it.", False),
    # every other character the same, in order
    ("Ask [P01] now.", "Ask Lucy later.", False),
    ("[P01] and [P02] said so.", "Lucy said so.", False),
    ("Ask [P01] now.", "ask Lucy now.", False),
]


def test_a_pseudonym_stands_for_the_words_it_replaced_and_no_others() -> None:
    script = (
        report_js_vars("PSEUDONYM", "REPLACED_WORDS")
        + report_js_functions("isWord", "mayBeginReplaced", "endsSentence", "pseudonymsStand")
        + f"var cases = {json.dumps([c[:2] for c in CASES])};"
        + "console.log(JSON.stringify(cases.map(function (c) { return pseudonymsStand(c[0], c[1]); })));"
    )
    assert list(zip(CASES, node_prints(script), strict=True)) == [(c, c[2]) for c in CASES]


def test_a_long_segment_of_many_pseudonyms_is_read_at_once() -> None:
    """No backtracking: 200 pseudonyms, each between the same two words, against words that
    differ only at the end, answer at once (False), and the same words with names (True)."""
    now = " ".join(["[P01] and we met"] * 200) + " done."
    names = " ".join(["Lucy Pemberton and we met"] * 200)
    script = (
        report_js_vars("PSEUDONYM", "REPLACED_WORDS")
        + report_js_functions("isWord", "mayBeginReplaced", "endsSentence", "pseudonymsStand")
        + f"var now = {json.dumps(now)}, t = Date.now();"
        + f"var a = pseudonymsStand(now, {json.dumps(names + ' gone.')});"
        + f"var b = pseudonymsStand(now, {json.dumps(names + ' done.')});"
        + "console.log(JSON.stringify([a, b, Date.now() - t < 2000]));"
    )
    assert node_prints(script) == [False, True, True]
