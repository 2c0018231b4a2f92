"""No segment boundary falls inside a transcriber's note in brackets ([laughs], (pause),
[inaudible 00:12:03], {laughter}), whatever the unit and format; a note at a sentence's end stays
with that sentence, and a sentence of only notes is none (s45 tester: ". [" and "laughs] It
works." were two segments, and a turn of 40 sentences each ending "[laughs]" 80 segments)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment, turn_spans
from roqa_nlp.transcripts.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("No proper training on recovery. [laughs]", ["No proper training on recovery. [laughs]"]),
        ("That's not affordable. (pause)", ["That's not affordable. (pause)"]),
        ("There was no plan. [Laughter] It was announced.",
         ["There was no plan. [Laughter]", "It was announced."]),
        ("Safe here. [inaudible] We talk. (laughs) It works.",
         ["Safe here. [inaudible]", "We talk. (laughs)", "It works."]),
        ("We went. {laughter} Then came.", ["We went. {laughter}", "Then came."]),
        ("Fine. [inaudible 00:12:03] Next one.", ["Fine. [inaudible 00:12:03]", "Next one."]),
        ("Okay. [laughs] [crosstalk] Yes.", ["Okay. [laughs] [crosstalk]", "Yes."]),
        ("Fine? [laughs]. Good.", ["Fine? [laughs].", "Good."]),
        ("Yes. [Int: That's good.] And then.", ["Yes. [Int: That's good.]", "And then."]),
        # a first sentence of only a note joins the next; a text of only notes is one sentence
        ("[laughs]. Yes we did. Good.", ["[laughs]. Yes we did.", "Good."]),
        ("(pause) [laughs]", ["(pause) [laughs]"]),
        # a typist's word filled in is words: it opens the next sentence, whole
        ("I said fine. [the ward] was good.", ["I said fine.", "[the ward] was good."]),
        ("Three steps: (1) Plan it. (2) Do it.", ["Three steps: (1) Plan it.", "(2) Do it."]),
        # a sentence inside a speaker's aside is not cut out of it
        ("He said (I mean. It was hard.) fine.", ["He said (I mean. It was hard.)", "fine."]),
        # a note closed by a full stop, in double parentheses, or of a few words (hunt s45)
        ("It went well. [Laughs.] Then it stopped.", ["It went well. [Laughs.]", "Then it stopped."]),
        ("Fine. ((laughs)) Good.", ["Fine. ((laughs))", "Good."]),
        ("We talked. [both laugh] Then we left.", ["We talked. [both laugh]", "Then we left."]),
        ("It was hard. (sighs heavily) Yes.", ["It was hard. (sighs heavily)", "Yes."]),
    ],
)  # fmt: skip
def test_no_sentence_ends_inside_a_note_in_brackets(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


TXT = """Interviewer: How has training gone?

P01: Most of my staff never had proper training on recovery. [laughs]

Interviewer: And funding?

P01: The training costs £500 a head, and that's simply not affordable. (pause) So we wait.

Interviewer: Anything else?

P01: Staff feel safe to try new things. [inaudible] We talk in supervision. (laughs) It works.
"""


def _texts(path: Path, unit: str, max_tokens: int = 200) -> list[str]:
    t = read_transcript(path)
    segs = segment(t, unit, max_tokens=max_tokens)  # type: ignore[arg-type]
    assert all(t.text[s.start : s.end] == s.text for s in segs)
    return [s.text for s in segs]


def test_a_txt_transcript_s_sentences_keep_their_notes(tmp_path: Path) -> None:
    f = tmp_path / "p01.txt"
    f.write_text(TXT, "utf-8")
    assert _texts(f, "sentence") == [
        "Most of my staff never had proper training on recovery. [laughs]",
        "The training costs £500 a head, and that's simply not affordable. (pause)",
        "So we wait.",
        "Staff feel safe to try new things. [inaudible]",
        "We talk in supervision. (laughs)",
        "It works.",
    ]


VTT = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
<v Interviewer>How has training gone?

2
00:00:05.000 --> 00:00:09.000
<v P01>Most of my staff never had proper training on recovery. [laughs]

3
00:00:09.000 --> 00:00:12.000
<v P01>It was just announced one Monday. [crosstalk] We had no plan.
"""


def test_a_vtt_transcript_s_sentences_keep_their_notes(tmp_path: Path) -> None:
    f = tmp_path / "p01.vtt"
    f.write_text(VTT, "utf-8")
    assert _texts(f, "sentence") == [
        "Most of my staff never had proper training on recovery. [laughs]",
        "It was just announced one Monday. [crosstalk]",
        "We had no plan.",
    ]


LONG = (
    "P01: We don't have enough staff to give people time. [laughs] Our director's been behind "
    "it from the start. [laughs] The senior team don't really buy into it. [laughs] There's a "
    "very medical-model culture here. [laughs]\n"
)


@pytest.mark.parametrize("suffix", [".txt", ".vtt"])
def test_windows_of_a_long_turn_keep_their_notes(tmp_path: Path, suffix: str) -> None:
    f = tmp_path / f"p01{suffix}"
    if suffix == ".txt":
        f.write_text(LONG, "utf-8")
    else:
        said = LONG.removeprefix("P01: ").strip()
        f.write_text(f"WEBVTT\n\n1\n00:00:01.000 --> 00:00:30.000\n<v P01>{said}\n", "utf-8")
    assert _texts(f, "window", max_tokens=50) == [
        "We don't have enough staff to give people time. [laughs] Our director's been behind "
        "it from the start. [laughs]",
        "The senior team don't really buy into it. [laughs] There's a very medical-model "
        "culture here. [laughs]",
    ]


def test_a_long_sentence_is_not_cut_inside_a_note(tmp_path: Path) -> None:
    text = "we waited and waited [inaudible 00:12:03] and then the rota came out again"
    pieces = [text[a:b] for a, b in turn_spans(text, 0, len(text), "sentence", max_tokens=16)]
    assert pieces == [
        "we waited and waited",
        "[inaudible 00:12:03] and",
        "then the rota came out again",
    ]
