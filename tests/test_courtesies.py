"""Courtesy replies: an answer that opens with "Yeah, no problem." is read from what follows."""

from __future__ import annotations

import pytest

from roqa_nlp.io import packaged_words
from roqa_nlp.transcripts.courtesies import (
    COURTESY_ADDRESS_TERMS,
    COURTESY_FILLERS,
    COURTESY_REPLIES,
    INTERVIEWER_COURTESIES,
    PARTICIPANT_COURTESIES,
    after_courtesy_reply,
    only_courtesies,
    only_courtesy,
)

REPLIES = sorted(packaged_words(COURTESY_REPLIES))


#: An answer of 46 words, as the tester's was after "Yeah, no problem." (s49 focus, 4)
ANSWER = (
    "So I became a champion about a year ago. Marek asked if anyone was interested and I said "
    "yes because I'd done a bit of it in my last job. We get a day's training from the provider "
    "and then a champions' network meeting every two months."
)


@pytest.mark.parametrize(
    ("words", "read"),
    [(f"Yeah, no problem. {ANSWER}", ANSWER),
     (f"Sure, no problem, happy to. {ANSWER}", ANSWER),
     (f"Of course! {ANSWER}", ANSWER),
     (f"Um, yeah, no worries. [laughs] {ANSWER}", f"{ANSWER}"),
     # a courtesy alone, or none first: read whole (procedural talk stays procedural)
     ("Yes, of course, no problem.", "Yes, of course, no problem."),
     ("Yeah, no problem.", "Yeah, no problem."),
     (f"No problem with the staff. {ANSWER}", f"No problem with the staff. {ANSWER}"),
     (f"Of course, {ANSWER}", f"Of course, {ANSWER}"),
     (f"Yeah. {ANSWER}", f"Yeah. {ANSWER}"),
     # fewer than ANSWER_WORDS words after it: as often what the courtesy agrees to
     ("Yes, that's fine. On that basis.", "Yes, that's fine. On that basis."),
     ("No problem at all. Cheerio now.", "No problem at all. Cheerio now."),
     # examples/interviews p02: Zoom talk, procedural read whole
     ("No worries, same here. My neighbour's having his kitchen done.",
      "No worries, same here. My neighbour's having his kitchen done."),
     ("", "")],
)  # fmt: skip
def test_an_answer_is_read_from_what_follows_the_courtesy_it_opens_with(
    words: str, read: str
) -> None:
    """Tester s49 focus, 4: "Yeah, no problem. So I became a champion ... We get a day's
    training ..." was procedural talk (the packaged model's procedural class outweighed every
    code read whole), so it was in no Table 2 row, matrix cell or saturation count; read from
    "So I" on it is coded PR.B.3 at 0.85."""
    assert after_courtesy_reply(words) == read


#: Answers of one sentence after a courtesy reply (tester s82 daily12, 1): read whole, the
#: packaged model set them aside as procedural talk, out of Table 2 and the matrix. The rest is
#: one sentence of REPLY_ANSWER_WORDS (15) words or more asking nothing and holding no courtesy,
#: so it is read alone however short of ANSWER_WORDS it is.
SHORT_ANSWERS = [
    ("Yes, of course, go ahead. We agree the goals with each tenant in their first week, and we "
     "write them down in their words.",
     "We agree the goals with each tenant in their first week, and we write them down in their "
     "words."),
    ("Sure, that's fine. Half the team has never been trained in recovery work, because the "
     "budget went on agency cover.",
     "Half the team has never been trained in recovery work, because the budget went on agency "
     "cover."),
    ("By all means. The council pays for forty minutes and a review of someone's recovery goals "
     "takes two whole hours.",
     "The council pays for forty minutes and a review of someone's recovery goals takes two whole "
     "hours."),
]  # fmt: skip

#: ... and those read whole, their rest being no answer of its own: too short, more than one
#: short sentence, a question, or a courtesy again; or one sentence of fewer than 15 words, most
#: often more talk about the call or the day (hunter s82 hunt14: with 5 words as the bound, the
#: last three were coded Available Resources or set aside as off-topic).
SHORT_RESTS_READ_WHOLE = [
    "Yes, of course. Two minutes.",
    "Yes, that's fine. I'll be quick. Only ten minutes.",
    "Of course, go ahead. Will we see the findings at the end of it?",
    "Yes, of course. Thanks for asking me to take part in this.",
    "Yes, that's fine. I've only got about forty minutes before my next clinic though.",
    "Sure, go ahead. I'm sat in the staff room and nobody else is in here.",
    "Yes, that's fine. The dog was barking but he's gone outside now.",
]


@pytest.mark.parametrize(("words", "read"), SHORT_ANSWERS)
def test_an_answer_of_one_sentence_after_a_courtesy_reply_is_read_alone(
    words: str, read: str
) -> None:
    assert after_courtesy_reply(words) == read


@pytest.mark.parametrize("words", SHORT_RESTS_READ_WHOLE)
def test_a_courtesy_reply_before_a_rest_that_is_no_answer_is_read_whole(words: str) -> None:
    assert after_courtesy_reply(words) == words


@pytest.mark.parametrize("reply", REPLIES)
def test_every_reply_of_the_file_is_cut_before_an_answer_and_kept_alone(reply: str) -> None:
    assert after_courtesy_reply(f"Yeah, {reply}. {ANSWER}") == ANSWER
    assert after_courtesy_reply(f"Yeah, {reply}.") == f"Yeah, {reply}."
    assert after_courtesy_reply(f"{reply} {ANSWER}") == f"{reply} {ANSWER}"


# --- an interviewer's turn of courtesies alone is no question (s64 zoomfg tester, 1) ---------


@pytest.mark.parametrize(
    "words",
    ["Thank you.", "Lovely, thanks.", "Great, thank you.", "No problem at all.",
     "Okay, thank you so much.", "No worries, take your time.", "Thanks for that. Lovely.",
     "Welcome back."],
)  # fmt: skip
def test_a_turn_of_courtesies_alone_is_only_courtesy(words: str) -> None:
    assert only_courtesy(words)


@pytest.mark.parametrize(
    "words",
    ["Thank you. And what helped?", "Thank you?", "Thank you, that's really interesting.",
     "No problem at all, we can come back to training later.", "", "[laughs]"],
)  # fmt: skip
def test_a_courtesy_that_asks_or_says_more_is_not_only_courtesy(words: str) -> None:
    assert not only_courtesy(words)


@pytest.mark.parametrize("phrase", sorted(packaged_words(INTERVIEWER_COURTESIES)))
def test_each_interviewer_courtesy_said_alone_is_only_courtesy(phrase: str) -> None:
    assert only_courtesy(f"{phrase.capitalize()}.")


# --- thanks to a member or the group (s64 h_ctx hunter, R2) -----------------------------------


@pytest.mark.parametrize(
    "words",
    ["Thanks, Amy.", "Welcome back, Cara.", "Thank you, Amy Stone.", "Thanks everyone.",
     "Thank you all.", "Thanks, guys.", "Lovely, thank you both.", "No problem at all, folks.",
     "Thank you, Ben, that's helpful.", "Thank-you, ta, cheers.", "Thanks ever so much.",
     "Thanks, Dan.", "Thank you Amy, that's very helpful. Thank-you.", "Thanks, Amy and Ben."],
)  # fmt: skip
def test_thanks_naming_a_member_or_the_group_are_only_courtesy(words: str) -> None:
    assert only_courtesy(words)


@pytest.mark.parametrize(
    "words",
    ["Thanks, Cara. And what about the rota?", "Thanks, Cara. And what about the rota",
     "Cara.", "Everyone.", "Amy, all of you.", "Cara?", "Thanks Amy, that's the rota then.",
     "Thanks Amy. Supervision", "Wonderful. Supervision.", "Thanks, Amy Jo Stone.",
     "Dr Okoro.", "thanks, the TA"],
)  # fmt: skip
def test_a_name_or_the_group_alone_or_with_more_is_not_only_courtesy(words: str) -> None:
    assert not only_courtesy(words)


# --- any name, a title, a greeting or the group (s64 h_ctx2 hunter, R1 and R2) ---------------


@pytest.mark.parametrize(
    "words",
    ["Thanks, Will.", "Thanks, May.", "Thanks, Bill.", "Thanks, Don.", "Thank you, Dr Okoro.",
     "Thank you, Dr. Okoro.", "Thanks, Prof Jane Okoro.", "Hi Cara.", "Hello, everyone.",
     "Welcome, Cara.", "Thanks, team.", "Thanks, all of you.", "Ta very much.", "Thanks, TA."],
)  # fmt: skip
def test_a_courtesy_to_anyone_named_or_the_group_is_only_courtesy(words: str) -> None:
    """Names that are stop words (``Will``), that are no speaker's label, with a title, after a
    greeting, and the group (``team``, ``all of you``) were not recognised, so such a turn was
    the context of every answer after it (s64 h_ctx2 hunter)."""
    assert only_courtesy(words)


@pytest.mark.parametrize("words", ["TA.", "TA, thanks.", "Thanks, Amy Jo Stone Reid."])
def test_an_acronym_is_no_courtesy_nor_are_three_names(words: str) -> None:
    """``TA.`` (a teaching assistant) is not the courtesy ``ta``: an echo of it is the context
    (s64 h_ctx2 hunter, defects)."""
    assert not only_courtesy(words)


@pytest.mark.parametrize("term", sorted(packaged_words(COURTESY_ADDRESS_TERMS)))
def test_each_address_term_with_thanks_is_only_courtesy_and_alone_is_not(term: str) -> None:
    assert only_courtesy(f"Thanks, {term}.")
    assert not only_courtesy(f"{term.capitalize()}.")


# --- a participant's turn of courtesies alone is procedural talk (s69 seed13, defect 3) -------

#: Turns of courtesies alone, in British English and Zoom talk: the first two were charted as
#: Motivation (0.40, sure; 0.31) by the packaged model.
ONLY_COURTESIES = [
    "It's a pleasure. I've been looking forward to it actually.",
    "Sorry about the cat. Okay, she's gone now.",
    "Thank you, that's everything from me.", "Thanks so much, bye now.",
    "You're very welcome.", "No problem at all, glad to help.",
    "Oh, sorry, that's the doorbell. Sorry about that.", "Lovely to meet you too.",
    "No worries at all. Good luck with the write-up.", "I'm very well, thank you. And you?",
    "Ta-ra then, speak soon.", "Thank you very much, Sam.", "Bye-bye, have a lovely weekend.",
    "Sorry, one second. Right, I'm back.", "Brilliant, thanks ever so much. Cheerio.",
    "Thank you so much for your time, it's been lovely talking to you.", "Thanks, everyone.",
    "Um, I think that's everything from me. Thanks again.", "Mm, thank you, same to you.",
    "[laughs] Aw, that's very kind of you, thank you.",
]  # fmt: skip

#: Courtesies with something to code, or words that look courteous and speak of the work.
COURTESIES_AND_MORE = [
    "Only that good partners make all the difference. Thank you.",
    "Thank you. The training budget was the real barrier.", "I'm grateful the board funded it.",
    "Thanks to the commissioners, we finally got a second worker.",
    "It's a pleasure to see staff grow into the peer support role.",
    "No problem recruiting, but keeping them is another matter.",
    "Sorry about the dog. The biggest problem is the paperwork.",
    "The manager never once said thank you to the team.",
    "Good luck getting the council to pay for anything.",
    "I'm very well supported by my area manager, thank you.",
    "You're welcome to visit the service any time, by the way.",
    "Take care of your staff, that's what I'd tell other managers.",
    "Thanks for listening to the staff, that's what the new manager did.",
    # no courtesy at all: fillers, backchannels, an interruption's end, a yes alone
    "Yeah, she's gone now.", "She's gone now.", "Actually, really.", "Yes.", "Right, okay.",
    "[laughs]", "",
]  # fmt: skip


@pytest.mark.parametrize("words", ONLY_COURTESIES)
def test_a_participants_turn_of_courtesies_alone_says_nothing(words: str) -> None:
    from roqa_nlp.autocoder import says_nothing

    assert only_courtesies(words)
    assert says_nothing(words)


@pytest.mark.parametrize("words", COURTESIES_AND_MORE)
def test_a_courtesy_with_any_other_word_is_coded(words: str) -> None:
    from roqa_nlp.autocoder import says_nothing

    assert not only_courtesies(words)
    assert not says_nothing(words)


@pytest.mark.parametrize("phrase", sorted(packaged_words(PARTICIPANT_COURTESIES)))
def test_each_participant_courtesy_alone_is_one_and_with_content_is_not(phrase: str) -> None:
    assert only_courtesies(f"{phrase.capitalize()}.")
    assert only_courtesies(f"Oh, {phrase}, really.")
    assert not only_courtesies(f"{phrase.capitalize()}. The rota was the real barrier.")
    assert not only_courtesies(f"Staffing, {phrase}.")


@pytest.mark.parametrize("filler", sorted(packaged_words(COURTESY_FILLERS)))
def test_a_filler_alone_is_no_courtesy(filler: str) -> None:
    assert not only_courtesies(f"{filler.capitalize()}.")
    assert only_courtesies(f"Thank you, {filler}.")


# --- an answer that opens with a participant's courtesies is read from what follows (s70) ----

#: Answers of a few words after a participant's courtesies: read whole, the packaged model set
#: the first three aside as procedural talk (s70 courtesy battery, 8 of 44 content lines).
OPENING_COURTESIES = [
    ("Sorry about the dog. The biggest problem is the paperwork.",
     "The biggest problem is the paperwork."),
    ("Thanks for having me. Recovery is really at the heart of what we do.",
     "Recovery is really at the heart of what we do."),
    ("You're welcome. The recovery college changed how we work.",
     "The recovery college changed how we work."),
    ("Thanks, Sam. Honestly the managers' forum is what keeps me going.",
     "Honestly the managers' forum is what keeps me going."),
    ("Oh, sorry about that. Thank you. Funding is only ever for twelve months.",
     "Funding is only ever for twelve months."),
    ("Yes, thank you. They paid for all of it.", "They paid for all of it."),
]  # fmt: skip

#: ... and those read whole: nothing but courtesies, a closing formula or a yes after them, a
#: courtesy going on in its sentence, or a consent reply's (courtesy_replies.txt) short rest.
READ_WHOLE = [
    "Thank you. Bye now.", "Sorry about the cat. Okay, she's gone now.", "Thanks. Yes.",
    "No problem at all. Cheerio now.", "Thank you. That's everything from me.",
    "Sorry, the budget is the real problem.", "Thanks to the commissioners, we got the funding.",
    "Yes, that's fine. On that basis.", "Thank you.", "The paperwork. Thank you.",
]  # fmt: skip


@pytest.mark.parametrize(("words", "read"), OPENING_COURTESIES)
def test_an_answer_after_a_participants_courtesies_is_read_from_it(words: str, read: str) -> None:
    assert after_courtesy_reply(words) == read


@pytest.mark.parametrize("words", READ_WHOLE)
def test_courtesies_before_nothing_to_code_or_in_its_sentence_are_read_whole(words: str) -> None:
    assert after_courtesy_reply(words) == words


@pytest.mark.parametrize(
    "words", ["Yes, thank you.", "Yeah, thanks.", "Um, yes, thank you very much.", "Yep, cheers."]
)
def test_a_yes_with_courtesies_may_answer_a_question_so_it_is_not_only_courtesies(
    words: str,
) -> None:
    """ "Did the board back the recovery training?" "Yes, thank you.": the yes answers it, as
    "Yes." alone does, which stays coded; the model reads it with the question."""
    assert not only_courtesies(words)


@pytest.mark.parametrize(
    "words", ["Hiya! Yeah, I'm good thanks, how are you?", "Thank you, yes.", "No problem, yeah."]
)
def test_a_yes_after_a_courtesy_is_still_only_courtesies(words: str) -> None:
    assert only_courtesies(words)


#: Closing remarks on having talked, after "Is there anything else you'd like to add?", written by
#: the roqa_nlp team: the first (s75 study5 p02) went to the open-coding queue as fitting no code.
CLOSING_PLEASURES = [
    "No, I think that's it. It's been nice to actually talk about it for once.",
    "No, that's all. It's been good to talk about it, really.",
    "Not that I can think of. Nice to get it off my chest, honestly.",
    "Um, no, I think that's everything. It's been nice to be asked for a change. Thank you.",
    "That's it from me. It was good to talk about it. Take care.",
    "Nothing else. It's been helpful to talk it through, thanks.",
    "No, I think we've covered it. It's been really good to talk about all this.",
    # a closing formula after "no", with a courtesy of any kind
    "No, that's everything. It's been a pleasure.",
    "No, I think that's everything. It's been lovely talking to you.",
    "No, nothing else to add. Good luck with the study.",
]  # fmt: skip

#: Talk of the same words that says something of the work: coded as before.
CLOSING_PLEASURES_AND_MORE = [
    "It's been nice to talk about it at handover, the staff open up more now.",
    "No, that's all. It's been good to talk about it in supervision since the review.",
    "Nice to talk about it, but the funding still worries me.",
    "It's good to talk about it with the commissioners for once.",
    "It's been good to talk it through with the other managers at the network.",
    "It's been nice to be asked about it by the board for a change.",
    "No. It's been a pleasure to see the staff grow.",
    "No, that's everything we tried. It's been a pleasure.",
]  # fmt: skip


@pytest.mark.parametrize("words", CLOSING_PLEASURES)
def test_a_closing_remark_on_having_talked_says_nothing(words: str) -> None:
    from roqa_nlp.autocoder import says_nothing

    assert only_courtesies(words)
    assert says_nothing(words)


@pytest.mark.parametrize("words", CLOSING_PLEASURES_AND_MORE)
def test_a_remark_on_talking_that_says_more_is_coded(words: str) -> None:
    from roqa_nlp.autocoder import says_nothing

    assert not only_courtesies(words)
    assert not says_nothing(words)


def test_a_long_answer_is_read_only_as_far_as_its_opening_courtesies() -> None:
    """Whether an answer opens with courtesies is read from its first words only as far as they
    go: a 2,000-word answer runs at most 1,000 lines of the module (10,048 before), as a short
    one does (s79: 6,691 calls in a warm re-code of the 2,990-segment corpus took 0.5 s, a pass
    over every word)."""
    import sys

    from roqa_nlp.transcripts import courtesies

    said = " ".join(["The rota was the problem, Amy."] * 333)
    for opening, covered in [("", 0), ("Yeah, no problem, thanks, Amy. ", 5)]:
        words = opening + said
        lines = 0

        def trace(frame, event, arg):  # type: ignore[no-untyped-def]
            nonlocal lines
            if frame.f_code.co_filename == courtesies.__file__:
                lines += event == "line"
                return trace
            return None

        sys.settrace(trace)
        try:
            cover, _ = courtesies._participant_courtesies_cover(words)
        finally:
            sys.settrace(None)
        assert [i for i, c in enumerate(cover) if c][-1] == covered
        assert only_courtesies(words) is False
        assert lines <= 1000
