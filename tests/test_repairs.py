"""An answer said again after a repair on a bad line is read from what it says again.

``Oh sorry. I said recovery isn't measured, so it doesn't get done.`` after the interviewer's
``Sorry, you froze there for a second.`` was set aside as procedural talk: the apology pulled it
there (session 38 tester, P26). The model reads it from ``I said`` on; talk that is only a repair,
or a repair followed by anything but an answer said again, is read whole as before.
"""

from __future__ import annotations

import pytest

from roqa_nlp.io import packaged_words
from roqa_nlp.transcripts.repairs import (
    RESTATEMENT_LEADS,
    after_repair_reply,
    restated_after_repair,
    restates_nothing,
)

LEADS = sorted(packaged_words(RESTATEMENT_LEADS))


@pytest.mark.parametrize(
    ("words", "read"),
    [
        ("Oh sorry. I said recovery isn't measured, so it doesn't get done.",
         "I said recovery isn't measured, so it doesn't get done."),
        ("Oh, sorry, it's the wifi in this corner, it's awful, I was saying the manager made a "
         "point of it at the huddle.",
         "I was saying the manager made a point of it at the huddle."),
        ("Yes, sorry. It's the hotspot. I said one support worker makes that decision.",
         "I said one support worker makes that decision."),
        ("Oh, sorry, the wifi in this wing is terrible. Can you hear me now? Yeah, I was just "
         "saying the parent night was poorly attended.",
         "I was just saying the parent night was poorly attended."),
        ("Can you hear me now? Like I said, nobody reads the audit.",
         "Like I said, nobody reads the audit."),
        ("Sorry, you cut out there. What I was saying was the rota is the problem.",
         "What I was saying was the rota is the problem."),
    ],
)  # fmt: skip
def test_an_answer_said_again_after_repair_talk_is_read_from_its_lead(
    words: str, read: str
) -> None:
    assert restated_after_repair(words) == read


@pytest.mark.parametrize(
    "words",
    [
        "Sorry, can you hear me now?",  # only repair talk
        "You froze. Shall I say that again?",  # no lead into an answer said again
        "Sorry, I think I froze. Can you hear me?",
        "Sorry, that's the on-call phone. Two minutes.",  # an interruption, no repair of words
        "Sorry about that, it was just pharmacy asking about a delivery.",
        "I said to her, you are doing the most important job.",  # no repair talk first
        "Recovery isn't measured, so it doesn't get done.",
        "Sorry I said the rota was fine.",  # the repair talk runs on with no stop
        "Sorry, the wifi. The router is in the hall. It drops all day. I said the rota is late.",
        "Sorry.",
        "",
    ],
)
def test_anything_but_an_answer_said_again_after_repair_talk_is_read_whole(words: str) -> None:
    """An interruption, a sound check or a repair with no ``I said`` after it stays as it was
    read; so does a lead two sentences of other talk after the repair, or one that says nothing
    more."""
    assert restated_after_repair(words) == words


@pytest.mark.parametrize("lead", LEADS)
def test_every_lead_of_the_file_is_read_after_repair_talk(lead: str) -> None:
    said = lead[0].upper() + lead[1:]
    assert (
        restated_after_repair(f"Oh sorry. {said} the rota is late.") == f"{said} the rota is late."
    )
    assert restated_after_repair(f"Sorry, you cut out. Yeah, so {lead} the rota is late.") == (
        f"{lead} the rota is late."
    )
    assert restated_after_repair(f"Oh sorry. {said}.") == f"Oh sorry. {said}."


@pytest.mark.parametrize(
    "words",
    [
        "Oh sorry, can you hear me now? I said that's the main thing for us.",  # s69 seed13
        "Sorry, you cut out. Like I said, that's it really.",
        "Oh, sorry, you cut out. I was saying, that's the big one.",
        "Can you hear me now? Well, what I was saying was, it's the key thing for me. Sorry.",
        "Sorry, you froze. I said, you know, um, that's the main thing for us, yeah.",
        "Sorry, can you hear me now? I said that's it, that's everything.",
        "Sorry, you just froze. I said that was it. Sorry. Thank you.",
        "Hello? Are you there? I said that's all.",
        "Sorry, you cut out. I said it's what I said before, same as before.",
        "Sorry, you cut out. I said same as before.",
        "Sorry, can you hear me now? [laughs] I said it's the crux of it for them.",
    ],
)
def test_an_answer_said_again_that_only_points_back_restates_nothing(words: str) -> None:
    """After its lead it is only a pointer back (data/restatement_pointers.txt: "that's it",
    "the main thing for us", "same as before"): what it means was said before the line cut out,
    and it is procedural talk, not a construct (s69 seed13: coded INS.G at 0.80 and the only
    Table 2 quote of three participants)."""
    assert restates_nothing(words)


@pytest.mark.parametrize(
    "words",
    [
        "Oh sorry, can you hear me now? I said the staffing is the main thing for us.",
        "Oh sorry. I said recovery isn't measured, so it doesn't get done.",
        "Sorry, you cut out. Like I said, that's not the main thing.",  # a negation
        "Sorry, you cut out. I said it isn't the main thing.",
        "Sorry, you cut out. I said that's the main thing for us, the commissioners.",
        "Sorry, you cut out. I said that's the main problem for us.",  # a barrier's word
        "Sorry, can you hear me now?",  # only repair talk: the model's say, as before
        "I said that's the main thing for us.",  # no repair talk first
        "Sorry, that's the on-call phone. Two minutes.",
        "Oh sorry. I said.",
        "",
        # s69 hunt h_restate: answers to the question before them, set aside by the word list
        "Sorry, can you hear me now? I said yes.",
        "Sorry, can you hear me now? I said yes, definitely.",
        "Sorry, you froze. I said absolutely.",
        "Sorry, can you hear me? I said no.",
        "Sorry, can you hear me? I said that's right.",
        "Sorry, can you hear me? I said true.",
        "Sorry, can you hear me? I said so.",
        "Sorry, can you hear me? I said I think so.",
        "Sorry, can you hear me? I said I guess it is.",
        "Sorry, can you hear me? I said it is.",
        "Sorry, can you hear me? I said we do.",
        "Sorry, can you hear me? I said it has.",
        "Sorry, can you hear me? I said they had.",
        "Sorry, can you hear me now? I said we have to.",
        "Sorry, can you hear me? I said they were.",
        "Sorry, can you hear me? I said all of it.",
        "Sorry, can you hear me? I said all of them.",
        "Sorry, can you hear me? I said most of them did.",
        "Sorry, can you hear me? I said one.",
        "Sorry, can you hear me? I said two.",
        "Sorry, can you hear me? I said the whole thing.",
        "Sorry, you cut out. I said it's all of them. Thank you. Bye.",
        "Sorry, can you hear me? I said me.",
        "Sorry, can you hear me? I said her.",
        "Sorry, can you hear me? I said it was about them.",
        "Sorry, can you hear me? I said it was great.",
        "Sorry, can you hear me? I said it was fine.",
        "Sorry, can you hear me? I said it's brilliant for us.",
        "Sorry, can you hear me? I said it was okay, sure.",
        "Sorry, can you hear me? I said it's important to us.",
        "Sorry, can you hear me now? I said it's really important to us.",
        "Sorry, can you hear me now? I said it's the most important thing for the team.",
        "Sorry, can you hear me? I said the same.",
        "Sorry, I said that to them all.",  # an apology, not about the line
        "Sorry, I was going to say it's all we have.",
        "Sorry, I said that's it.",  # a pointer, but after an apology alone
        "Sorry, can you hear me now? I said that's the main thing for us. And then the funding got"
        " cut in April and we lost two nurses.",
        # s69 hunt h_restate2: words of an answer between the repair talk and the lead
        "Sorry, you froze. No. I said that's it.",
        # a yes may answer the question as well as the repair: kept
        "Can you hear me now? Yeah, what I was saying was, it's the key thing for me. Sorry.",
        "Sorry, you froze. Not really, I was saying that's all.",
        "Sorry, you cut out. Yes, definitely. I said that's it.",
        "Sorry, you cut out. The rota was the problem. I said that's it.",
        "Sorry, you cut out, the rota was the problem, I said that's it.",
        "Sorry, you cut out. Staffing. I said that's the main thing.",
        "Sorry, you froze. Funding, I was saying, that's the main thing for us.",
        "Sorry, can you hear me? The CQC inspection. Like I said, that's the big one for us.",
        "Sorry, you cut out. We lost two posts in March. I said that's it really.",
    ],
)
def test_an_answer_said_again_with_words_of_its_own_does_not(words: str) -> None:
    """A yes or no, an echo, a pronoun, a quantity or an evaluation answers the question before
    it, and an apology alone is no repair on a bad line: coded as before."""
    assert not restates_nothing(words)


@pytest.mark.parametrize("lead", LEADS)
def test_every_lead_of_the_file_restates_nothing_before_a_pointer(lead: str) -> None:
    said = lead[0].upper() + lead[1:]
    assert restates_nothing(f"Sorry, you cut out. {said} that's the main thing for us.")
    assert not restates_nothing(f"Sorry, you cut out. {said} the rota is the main thing for us.")
    assert not restates_nothing(f"Sorry, you cut out. {said} yes, definitely.")


def test_a_segment_s_lead_is_found_once_for_both_readings(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the model reads of a segment and whether it says nothing each look for the lead of an
    answer said again (s79: 6,013 searches for 2,990 segments): it is found once."""
    from roqa_nlp.transcripts import repairs

    searched: list[str] = []
    real = repairs.covered_prefixes

    def counted(tokens: list[str], *names: str, backchannel_words: bool = True) -> list[bool]:
        searched.append(" ".join(tokens))
        return real(tokens, *names, backchannel_words=backchannel_words)

    monkeypatch.setattr(repairs, "covered_prefixes", counted)
    words = "Oh sorry, can you hear me now? I said that's the main thing for us in s79."
    assert restated_after_repair(words) == "I said that's the main thing for us in s79."
    assert restates_nothing(words) is False
    assert restated_after_repair(words) == "I said that's the main thing for us in s79."
    assert len(searched) == 2  # the repair talk it opens with, and its small words


# --- an answer that opens with a sentence on the line is read from the next (s82 daily12, 1) ---


@pytest.mark.parametrize(
    ("words", "read"),
    [
        ("Yes, I can hear you now. The council only funds forty minutes a visit, and a proper "
         "review takes a whole afternoon.",
         "The council only funds forty minutes a visit, and a proper review takes a whole afternoon."),
        ("Yep, I can hear you again. Our budget for training is tiny this year, so nobody has "
         "been on the course.",
         "Our budget for training is tiny this year, so nobody has been on the course."),
        ("Oh, you're back. We lose a third of the support workers every year, mostly to the NHS "
         "trusts nearby.",
         "We lose a third of the support workers every year, mostly to the NHS trusts nearby."),
        ("Sorry, I froze. I think I froze. Nobody audits the goals once they are set, so they "
         "just sit in the file.",
         "Nobody audits the goals once they are set, so they just sit in the file."),
    ],
)  # fmt: skip
def test_an_answer_after_whole_sentences_of_repair_talk_is_read_from_the_next(
    words: str, read: str
) -> None:
    """Read whole, "Yes, I can hear you now. The commissioners only pay us for forty-five
    minutes, ..." was set aside as procedural talk (tester s82 daily12, 1)."""
    assert after_repair_reply(words) == read


@pytest.mark.parametrize(
    "words",
    [
        "Yes, I can hear you now.",  # only repair talk
        "Can you hear me now? I think my headphones were dying.",  # the repair talk asks
        "Sorry, you froze. Two minutes.",  # too short to be an answer of its own
        "I can hear you now. Okay. Go on then.",  # short sentences
        "Yes, I can hear you now. Did you get my email about the consent form?",  # a question
        "Yes, I can hear you now. Thanks for waiting while I sorted that out.",  # a courtesy
        "I can hear you now the council only funds forty minutes a visit.",  # one sentence
        "The council only funds forty minutes a visit.",  # no repair talk
        "Hi there. The council only funds forty minutes a visit.",  # only small words of one
        # one sentence of fewer than 15 words: more talk about the call (hunter s82 hunt14)
        "Yes, I can hear you now. It's the hospital wifi, it always drops around lunchtime.",
        "Sorry, you cut out there. I think the wifi in this building drops every few minutes.",
        "",
    ],
)
def test_repair_talk_before_no_answer_of_its_own_is_read_whole(words: str) -> None:
    assert after_repair_reply(words) == words
