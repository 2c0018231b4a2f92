"""A focus group's collective reply (``Several voices: Yeah. Mm.``, ``Everyone: [laughter]``,
``Multiple speakers: Yes.``) is a turn of no single participant: never part of a member's segment, never
coded or quoted, and named by ``roqa inspect`` (session 62, focus tester, finding 1: it was
glued to the member's turn above and quoted in Table 2 as P09's words). The labels are in
``data/collective_labels.txt``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from roqa_nlp.cli import app
from roqa_nlp.cli.inspect_cmd import reading_notes
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import agreed_turns, questions_before, segment
from roqa_nlp.transcripts.text import parse_text

FG05 = """Facilitator (Helen Marsh): Okay, we're recording. Welcome, everyone.

Joe Barker: Honestly the best thing is the peer workers.

Amira Haddad: Aw, Joe.

Everyone: [laughter]

Joe Barker: No, seriously, she challenges us when we slip into jargon.

Kath Jennings: Yes, same here.

Sam Oyelaran: The rota gets in the way, and then people lose faith in us.

Several voices: Yeah. Mm.

Amira Haddad: That's so true. Someone I work with just stops coming.

Facilitator (Helen Marsh): Thank you all.
"""


def turn_texts(t):
    return [(u.speaker, t.text[u.start : u.end]) for u in t.turns]


def test_collective_replies_are_no_members_turn():
    t = parse_text(FG05, "fg05.txt")
    assert turn_texts(t) == [
        ("Facilitator (Helen Marsh)", "Okay, we're recording. Welcome, everyone."),
        ("Joe Barker", "Honestly the best thing is the peer workers."),
        ("Amira Haddad", "Aw, Joe."),
        ("Joe Barker", "No, seriously, she challenges us when we slip into jargon."),
        ("Kath Jennings", "Yes, same here."),
        ("Sam Oyelaran", "The rota gets in the way, and then people lose faith in us."),
        ("Amira Haddad", "That's so true. Someone I work with just stops coming."),
        ("Facilitator (Helen Marsh)", "Thank you all."),
    ]
    assert t.metadata["collective_replies"] == [
        "Everyone: [laughter]",
        "Several voices: Yeah. Mm.",
    ]


def test_no_segment_quotes_a_collective_reply():
    t = parse_text(FG05, "fg05.txt")
    texts = [s.text for s in segment(t)]
    assert not [x for x in texts if "Several voices" in x or "Everyone" in x]
    assert all(t.text[s.start : s.end] == s.text for s in segment(t))


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("Everybody: Yes.", "Everybody: Yes."),
        ("[Crosstalk]: Yes, yes, exactly.", "Crosstalk: Yes, yes, exactly."),
        ("Overlapping voices: Mm.", "Overlapping voices: Mm."),
        ("Several participants: Yeah, definitely.", "Several participants: Yeah, definitely."),
        ("Multiple speakers: [crosstalk]", "Multiple speakers: [crosstalk]"),
        ("[Several voices]: Yes, yes.", "Several voices: Yes, yes."),
        ("Various voices: Mm-hmm.", "Various voices: Mm-hmm."),
        ("Several participants:\nYeah, definitely.", "Several participants: Yeah, definitely."),
    ],
)
def test_each_collective_label_ends_the_turn_above(line, said):
    text = (
        "Facilitator: What gets in the way?\n\n"
        "Sam: The rota, mostly.\n\n"
        f"{line}\n\n"
        "Kath: And the paperwork.\n\n"
        "Joe: Same here.\n"
    )
    t = parse_text(text, "fg06.txt")
    assert turn_texts(t) == [
        ("Facilitator", "What gets in the way?"),
        ("Sam", "The rota, mostly."),
        ("Kath", "And the paperwork."),
        ("Joe", "Same here."),
    ]
    assert t.metadata["collective_replies"] == [said]


def test_a_group_labelled_as_one_participant_is_still_coded():
    # a group interview typed with one label for the whole group: that label is the talk
    text = (
        "Interviewer: What helps?\n\nGroup: The peer workers, mostly.\n\n"
        "Interviewer: And what gets in the way?\n\nGroup: The rota.\n"
    )
    t = parse_text(text, "g01.txt")
    assert [(u.speaker, u.role) for u in t.turns if u.role == "participant"] == [
        ("Group", "participant"),
        ("Group", "participant"),
    ]
    assert "collective_replies" not in t.metadata


def test_all_inside_a_one_to_one_answer_stays_the_answer():
    text = (
        "Interviewer: What helps?\n\nP04: The peer workers.\nAll: the whole team backs it.\n\n"
        "Interviewer: Thanks.\n\nP04: No problem.\n"
    )
    t = parse_text(text, "p04.txt")
    assert turn_texts(t)[1] == ("P04", "The peer workers.\nAll: the whole team backs it.")
    assert "collective_replies" not in t.metadata


def test_inspect_names_the_collective_replies(tmp_path: Path):
    path = tmp_path / "fg05.txt"
    path.write_text(FG05, encoding="utf-8")
    note = (
        "2 collective replies of several speakers read as no one's turn, not coded or "
        "quoted ('Everyone: [laughter]', 'Several voices: Yeah. Mm.'): if one is a single "
        "member's, put their label on it"
    )
    assert note in reading_notes(read_transcript(path))
    out = CliRunner().invoke(app, ["inspect", str(path), "--json"])
    assert out.exit_code == 0, out.output
    assert note in json.loads(out.stdout)[0]["read_as"]
    speakers = [s["speaker"] for s in json.loads(out.stdout)[0]["speakers"]]
    assert "Everyone" not in speakers and "Several voices" not in speakers


def test_the_collective_replies_left_out_are_pseudonymised_as_talk(tmp_path: Path):
    from roqa_nlp.pseudonyms import pseudonymise

    path = tmp_path / "fg05.txt"
    path.write_text(FG05.replace("Yeah. Mm.", "Yeah, Sam Oyelaran is right."), encoding="utf-8")
    t = read_transcript(path)
    assert t.metadata["collective_replies"][1] == "Several voices: Yeah, Sam Oyelaran is right."
    done, _ = pseudonymise([t])
    # as a name in the talk is written, in the text and its metadata alike (s62 focus hunter,
    # 5: both had a bare P09 where the turns have [P09])
    assert done[0].metadata["collective_replies"] == [
        "Everyone: [laughter]",
        "Several voices: Yeah, [P09] is right.",
    ]
    assert "\nSeveral voices: Yeah, [P09] is right.\n" in done[0].text
    assert "Sam Oyelaran" not in done[0].text


def test_a_word_file_reads_them_so_too(tmp_path: Path):
    import docx

    document = docx.Document()
    for paragraph in FG05.strip().split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(str(tmp_path / "fg05.docx"))
    t = read_transcript(tmp_path / "fg05.docx")
    assert [u.speaker for u in t.turns].count("Amira Haddad") == 2
    assert not [u for u in t.turns if "Everyone" in t.text[u.start : u.end]]
    assert t.metadata["collective_replies"] == [
        "Everyone: [laughter]",
        "Several voices: Yeah. Mm.",
    ]


MOSTLY_GROUP = """Interviewer: What did the ward team think of the new e-rostering system?
Group: We found it slow to start, the forms took hours and the IT kept crashing.
Interviewer: What about the training you were given?
Group: The training was rushed, most of us had one session and no follow-up at all.
Anna: I did the e-learning at home, in my own time.
Interviewer: And did the managers support it?
Group: The ward manager really championed it, she gave us protected time.
Ben: Not on nights though.
Interviewer: Anything else?
Group: It needs more funding if it is going to last.
"""


@pytest.mark.parametrize("label", ["Group", "Several voices", "Everyone"])
def test_a_group_typed_mostly_as_one_voice_keeps_its_talk(label):
    """A group typed mostly as one voice, two members named once each: its label holds more
    of the participant talk than any member, so it is a speaker, as before session 62 (s62
    focus hunter, 1: its 4 answers, 51 words, were left out unsaid)."""
    t = parse_text(MOSTLY_GROUP.replace("Group:", f"{label}:"), "grp_mostly_group.txt")
    said = [(u.speaker, len(t.text[u.start : u.end].split())) for u in t.turns]
    assert [s for s in said if s[0] != "Interviewer"] == [
        (label, 15),
        (label, 15),
        ("Anna", 10),
        (label, 11),
        ("Ben", 4),
        (label, 10),
    ]
    assert "collective_replies" not in t.metadata


@pytest.mark.parametrize(
    ("text", "name", "answer"),
    [
        (
            "Facilitator: What stopped you using the new pathway?\n"
            "Gary Fletcher: There were three problems with it.\n"
            "Both: the cost and the time it took, really.\n"
            "Priya Nair: I agree about the time.\n"
            "Tom Birch: For us it was the IT, the system kept crashing.\n"
            "Facilitator: And leadership?\n"
            "Priya Nair: The managers were supportive.\n"
            "Tom Birch: Mostly.\n",
            "grp_all_talk.txt",
            "There were three problems with it.\nBoth: the cost and the time it took, really.",
        ),
        (
            "Interviewer: How much of the training was useful?\n"
            "Maria: Honestly?\n"
            "All: of it was useless, the whole package.\n"
            "Carer: She's right, it was.\n"
            "Interviewer: Why was that?\n"
            "Maria: It was written for another service.\n",
            "one2one_carer.txt",
            "Honestly?\nAll: of it was useless, the whole package.",
        ),
    ],
)
def test_both_or_all_opening_a_line_of_talk_stays_the_answer(text, name, answer):
    """'Both:' / 'All:' may open a line of talk, so they are no collective reply's label (s62
    focus hunter, 2: 9 of Gary's words and 8 of Maria's were left out)."""
    t = parse_text(text, name)
    assert turn_texts(t)[1][1] == answer
    assert "collective_replies" not in t.metadata


@pytest.mark.parametrize("no", ["Several voices: No, not really.", "[Several voices]: No."])
def test_an_agreement_after_a_collective_no_borrows_nothing(no):
    """'Agreed.' after 'Several voices: No, not really.' agrees with the no, not with the turn
    it contradicted, and takes no code, as after a member's bare no (s62 focus hunter, 4: Ben
    and Cara took Anna's enabler)."""
    text = (
        "Facilitator: Did the managers support the change?\n"
        "Anna Price: They were very supportive, they gave us protected time for training.\n"
        f"{no}\n"
        "Ben Cole: Agreed.\n"
        "Cara Dunn: Same here.\n"
        "Facilitator: OK.\n"
    )
    t = parse_text(text, "fg07.txt")
    assert [u.speaker for u in t.turns][2:4] == ["Ben Cole", "Cara Dunn"]
    assert agreed_turns(t) == [None, None, None, None, None]
    question = "Did the managers support the change?"
    assert questions_before(t)[1:4] == [question, question, question]


def test_an_agreement_after_a_collective_yes_still_agrees_with_the_member():
    text = (
        "Facilitator: Did the managers support the change?\n"
        "Anna Price: They were very supportive, they gave us protected time for training.\n"
        "Several voices: Yeah. Mm.\n"
        "Ben Cole: Agreed.\n"
        "Cara Dunn: Same here.\n"
    )
    assert agreed_turns(parse_text(text, "fg07.txt")) == [None, None, 1, 1]


@pytest.mark.parametrize(
    "noise",
    ["Everyone: [laughs]", "Everyone: [laughter]", "Several voices: [inaudible]",
     "Several voices: [crosstalk]", "Several voices: Mm."],
)  # fmt: skip
def test_an_agreement_after_a_collective_noise_or_note_still_agrees_with_the_member(noise):
    """A noise or a note said by several people is passed over, as a member's is: it did not
    contradict the turn before (s62 final hunter: 'Same for us.' and 'Yeah, me too.' after
    'Everyone: [laughs]' lost Anna's barrier and were coded on their own words at 0.11, 0.01)."""
    text = (
        "Facilitator: What gets in the way?\n"
        "Anna Price: Honestly the caseloads, we never have time to sit with people.\n"
        f"{noise}\n"
        "Ben Cole: Same for us.\n"
        "Cara Dunn: Yeah, me too.\n"
    )
    assert agreed_turns(parse_text(text, "fg07.txt")) == [None, None, 1, 1]


def test_a_collective_no_then_a_noise_still_leaves_the_agreement_after_them_nothing():
    """'Several voices: No, not really.' then 'Everyone: [laughter]': the no is what the
    agreement after them agrees with, not the member's turn it contradicted (s62 last hunter:
    only the last collective reply between two turns, the noise, was looked at)."""
    text = (
        "Facilitator: Did the managers support the change?\n"
        "Anna Price: They were very supportive, they gave us protected time for training.\n"
        "Several voices: No, not really.\n"
        "Everyone: [laughter]\n"
        "Ben Cole: Same for us.\n"
    )
    assert agreed_turns(parse_text(text, "fg07.txt")) == [None, None, None]


def test_the_reports_transcript_view_shows_a_collective_reply_between_the_turns():
    """s64 Zoom focus-group tester, 3: ``Everyone: Yes.`` (the group's consent to recording),
    kept in the text between the turns, was left off the report's transcript view, which showed
    the question straight followed by the next. It is shown there as that text, no one's turn:
    with no speaker, as a row of its own kind."""
    from roqa_nlp.report import fragments, transcript_view
    from roqa_nlp.result import CodingResult

    t = parse_text(
        FG05.replace("Joe Barker: Honestly", "Everyone: Yes.\n\nJoe Barker: Honestly"), "fg05.txt"
    )
    rows = transcript_view(CodingResult([], {"fg05": t}), "fg05", [], {})["rows"]
    assert [(r["kind"], r["speaker"], r["text"]) for r in rows] == [
        ("question", "Facilitator (Helen Marsh)", "Okay, we're recording. Welcome, everyone."),
        ("between", "", "Everyone: Yes."),
        ("talk", "Joe Barker", "Honestly the best thing is the peer workers."),
        ("talk", "Amira Haddad", "Aw, Joe."),
        ("between", "", "Everyone: [laughter]"),
        ("talk", "Joe Barker", "No, seriously, she challenges us when we slip into jargon."),
        ("talk", "Kath Jennings", "Yes, same here."),
        ("talk", "Sam Oyelaran", "The rota gets in the way, and then people lose faith in us."),
        ("between", "", "Several voices: Yeah. Mm."),
        ("talk", "Amira Haddad", "That's so true. Someone I work with just stops coming."),
        ("question", "Facilitator (Helen Marsh)", "Thank you all."),
    ]
    assert fragments.SegmentRows().row(rows[1]) == (
        '      <div class="row between"><span class="spk"></span><p>Everyone: Yes.</p></div>\n'
    )


GROUP_REPLY = """Facilitator: How did the team first react to the new rota?

P01: They were wary at first, they had seen lots of initiatives come and go.

P02: Same for us, the night staff especially.

Facilitator: Would you all say it worked in the end?

{reply}

P01: Mostly, yes, apart from nights.

Facilitator: And who decided in the end?

P02: The deputy did, after the CQC visit.
"""


@pytest.mark.parametrize(
    "reply", ["All: Yes, mostly.", "Several: Yes, mostly.", "Group: [laughter] Yes.", "ALL: Yes."]
)
def test_all_several_or_group_alone_as_a_label_is_a_collective_reply(reply):
    """'All:', 'Several:' and 'Group:' standing as a label before a sentence, in a file that
    labels three or more other speakers, are a collective reply: the question's turn ends there
    and the reply is no one's (s83 formats13 D1: it was joined onto the facilitator's question,
    label and all; 'Group' was a member)."""
    t = parse_text(GROUP_REPLY.format(reply=reply), "fg09.txt")
    assert turn_texts(t)[3:5] == [
        ("Facilitator", "Would you all say it worked in the end?"),
        ("P01", "Mostly, yes, apart from nights."),
    ]
    assert t.metadata["collective_replies"] == [reply]
    assert sorted({u.speaker for u in t.turns if u.role == "participant"}) == ["P01", "P02"]


def test_all_before_words_going_on_stays_the_answer_in_a_group():
    text = GROUP_REPLY.replace(
        "P02: Same for us, the night staff especially.",
        "P02: Same for us, the night staff especially.\nAll: of them, not just nights.",
    ).format(reply="P03: Yes.")
    t = parse_text(text, "fg09.txt")
    assert turn_texts(t)[2] == (
        "P02",
        "Same for us, the night staff especially.\nAll: of them, not just nights.",
    )
    assert "collective_replies" not in t.metadata


READ_OUT_LIST = """Facilitator: Who needs the training?
Ann Lee: The list we were given said:
{quoted}
Which nobody could manage, not with the rota we had then.
Bob Ray: True, and the modules kept crashing.
Cat Poe: Yes, and nobody paid them for it.
Facilitator: Anything else?
Bob Ray: No.
"""


@pytest.mark.parametrize(
    "quoted",
    [
        "All: Managers, nurses and support workers, by March.",
        "All: Yes.",
        "Several: Managers, nurses, support workers and their deputies, by March.",
    ],
)
def test_all_or_several_line_read_out_in_an_answer_stays_the_members(quoted):
    """A member reading out a list's line that opens with 'All:' (or 'Several:'), her words
    going on below it, keeps both lines in her turn, as at 93381fb9 (s83 hunt18 C1:
    they went to collective_replies, 22 of her words uncoded, or made a member 'All')."""
    t = parse_text(READ_OUT_LIST.format(quoted=quoted), "fg10.txt")
    assert turn_texts(t)[1] == (
        "Ann Lee",
        f"The list we were given said:\n{quoted}\n"
        "Which nobody could manage, not with the rota we had then.",
    )
    assert "collective_replies" not in t.metadata
    assert sorted({u.speaker for u in t.turns if u.role == "participant"}) == [
        "Ann Lee",
        "Bob Ray",
        "Cat Poe",
    ]


def test_all_before_a_long_line_stays_the_answer_in_a_group():
    """Nine words or more after 'All:' are a line of talk, not a reply said at once (s83 C1)."""
    line = "All: Managers, nurses, support workers and their deputies, by March."
    text = GROUP_REPLY.replace(
        "P02: Same for us, the night staff especially.",
        f"P02: Same for us, the night staff especially.\n{line}",
    ).format(reply="P03: Yes.")
    t = parse_text(text, "fg09.txt")
    assert turn_texts(t)[2] == ("P02", f"Same for us, the night staff especially.\n{line}")
    assert "collective_replies" not in t.metadata
