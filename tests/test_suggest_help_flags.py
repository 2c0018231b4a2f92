"""``roqa suggest --help`` said its flags were "the flags `roqa code` would give it", but
``code`` reads an answer with the interviewer's question before it, so the same words can be
flagged otherwise (blind evidence tester, s53: a family line flagged off-topic by ``code`` only)."""

from __future__ import annotations

from test_help_metavars import help_of


def test_suggest_help_says_its_flags_are_read_from_the_text_alone() -> None:
    text = " ".join(help_of("suggest").split())
    assert "would give it" not in text
    assert (
        "its flags (novel, novelty_p, procedural, off_topic), read from the text alone: `roqa "
        "code` also reads the interviewer's question before an answer, so it can flag the same "
        "words otherwise." in text
    )
