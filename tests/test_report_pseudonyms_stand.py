"""report.js's pseudonymsStand: whether a row of the review kept by a report that was not
pseudonymised is on a segment of the pseudonymised report written in its place, its words the
segment's with each bracketed pseudonym read as the words it replaced (session 79 hunt5 F3; the
page in a browser: test_report_browser's tests of a pseudonymised report)."""

from __future__ import annotations

import json

from report_fixture import node_prints, report_js_functions, report_js_vars

CASES = [
    # the names it replaced, one word or two, before a comma or a possessive
    (
        "Honestly [Interviewer], I ran it, [P01] the trainer.",
        "Honestly Sam, I ran it, Lucy Pemberton the trainer.",
        True,
    ),
    ("[P01]'s team and [P02].", "Lucy's team and Bev Hirst.", True),
    ("Mail [email] today.", "Mail lucy@example.org today.", True),  # an identifier
    ("Ask [P01] now.", "Ask Lucy about it now.", True),  # 3 words stand for it
    ("Ask [P01].", "Ask " + " ".join(["w"] * 10) + ".", True),  # 10 words, the most
    ("Ask [P01].", "Ask " + "x" * 120 + ".", True),  # 120 characters, the most
    # no pseudonym: an exact match is another rule's, as are the same words
    ("I said so.", "I said so.", False),
    ("Honestly [P01].", "Honestly [P01].", False),
    ("I said so.", "I said it.", False),
    # a pseudonym stands for words of their own, at most 10 words, 120 characters
    ("Honestly [P01], yes.", "Honestly , yes.", False),
    ("Ask [P01].", "Ask " + " ".join(["w"] * 11) + ".", False),
    ("Ask [P01].", "Ask " + "x" * 121 + ".", False),
    # every other character the same, in order
    ("Ask [P01] now.", "Ask Lucy later.", False),
    ("[P01] and [P02] said so.", "Lucy said so.", False),
    ("Ask [P01] now.", "ask Lucy now.", False),
]


def test_a_pseudonym_stands_for_the_words_it_replaced_and_no_others() -> None:
    script = (
        report_js_vars("PSEUDONYM", "REPLACED_WORDS")
        + report_js_functions("pseudonymsStand")
        + f"var cases = {json.dumps([c[:2] for c in CASES])};"
        + "console.log(JSON.stringify(cases.map(function (c) { return pseudonymsStand(c[0], c[1]); })));"
    )
    assert list(zip(CASES, node_prints(script), strict=True)) == [(c, c[2]) for c in CASES]


def test_a_long_segment_of_many_pseudonyms_is_read_at_once() -> None:
    """No backtracking: 200 pseudonyms, each between the same two words, against words that
    differ only at the end, answer at once (False), and the same words with names (True)."""
    now = " ".join(["[P01] and"] * 200) + " done."
    names = " ".join(["Lucy Pemberton and"] * 200)
    script = (
        report_js_vars("PSEUDONYM", "REPLACED_WORDS")
        + report_js_functions("pseudonymsStand")
        + f"var now = {json.dumps(now)}, t = Date.now();"
        + f"var a = pseudonymsStand(now, {json.dumps(names + ' gone.')});"
        + f"var b = pseudonymsStand(now, {json.dumps(names + ' done.')});"
        + "console.log(JSON.stringify([a, b, Date.now() - t < 2000]));"
    )
    assert node_prints(script) == [False, True, True]
