"""A piece of an answer that is only a backchannel's words (``Um. So.``) before the
interviewer's ``Mm-hmm.`` is not parted off the answer: README, "the interviewer's Mm-hmm.
between two pieces of an answer is left out, so the answer is coded whole".

Tester s77 study7 (defects 1b and 4): ``Um. So.`` / ``Mm-hmm.`` / the answer was cut in two by
the packaged model, which set ``Um. So.`` aside as off-topic, and joined again by the model
retrained on the team's decisions, so the ids of segments already reviewed moved; the
pseudonymised copy (no backchannel left) was one segment, so a second coder's codings of it
were refused beside the first coder's (``roqa agree`` exit 2).
"""

from __future__ import annotations

import json
from pathlib import Path

from roqa_nlp import AutoCoder
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import pieces_apart
from test_cli_core import roqa

VTT = """WEBVTT

1
00:00:12.754 --> 00:00:16.985
Chloe Bennett: What does recovery-orientated practice mean to you?

2
00:00:17.585 --> 00:00:19.085
Fatima Begum: Um. So.

3
00:00:19.285 --> 00:00:20.085
Chloe Bennett: Mm-hmm.

4
00:00:20.285 --> 00:00:26.438
Fatima Begum: I'd say it's, it's hope really. Believing people can have a good life.

5
00:00:26.638 --> 00:00:35.100
Fatima Begum: And the clinical side still matters, and we do the rest, the living part.
"""

ANSWER = (
    "Um. So.\nI'd say it's, it's hope really. Believing people can have a good life. And the "
    "clinical side still matters, and we do the rest, the living part."
)


def test_a_piece_of_only_fillers_is_no_piece_of_its_own() -> None:
    """It goes with the words after it (the last, with the words before it), whatever a model
    would read in it; a reply that answers (``Yeah.``) is a piece of its own."""
    text = "x Um. So.\nIt's hope really.\nYeah.\nSorry, a parcel.\nOkay. y"
    start, end = 2, len(text) - 2
    at = [text.index(w) for w in ("It's", "Yeah", "Sorry", "Okay")]
    assert [text[a:b] for a, b in pieces_apart(text, start, end, at)] == [
        "Um. So.\nIt's hope really.",
        "Yeah.",
        "Sorry, a parcel.\nOkay.",
    ]
    only = "Mm. Right.\nYeah."
    assert pieces_apart(only, 0, len(only), [only.index("Yeah")]) == [(0, len(only))]


def test_a_run_of_filler_pieces_goes_with_the_answer_however_many_words() -> None:
    """Hunter s77 F2: each piece is judged on its own words, so filler pieces in a row of more
    than 4 words in all (the most a backchannel holds) are not parted off as one piece."""
    text = "Um. So.\nWell, okay, right.\nI would say it is hope really."
    at = [text.index("Well"), text.index("I would")]
    assert pieces_apart(text, 0, len(text), at) == [(0, len(text))]
    text = "It is hope really.\nUm, well.\nOkay, so, you know, right."
    at = [text.index("Um,"), text.index("Okay")]
    assert pieces_apart(text, 0, len(text), at) == [(0, len(text))]


YES_BEFORE_A_PARCEL = """WEBVTT

1
00:01:40.000 --> 00:01:44.000
Hannah Okafor: Did senior leaders in the trust actively support the recovery planning work?

2
00:01:44.000 --> 00:01:48.000
P21: Yes, absolutely.

3
00:01:48.000 --> 00:01:52.000
Hannah Okafor: Mm-hmm.

4
00:01:52.000 --> 00:01:56.000
P21: Sorry, can I just, I need to sign for a parcel, two seconds. Right, sorry about that, that \
was the new printer toner, very exciting stuff.

5
00:01:56.000 --> 00:02:00.000
Hannah Okafor: Mm-hmm.

6
00:02:00.000 --> 00:02:04.000
P21: Anyway, the point is it has made a real difference to how the teams work.
"""
PARCEL = (
    "Sorry, can I just, I need to sign for a parcel, two seconds. Right, sorry about that, that "
    "was the new printer toner, very exciting stuff."
)
ANYWAY = "Anyway, the point is it has made a real difference to how the teams work."


def test_a_reply_that_answers_is_not_joined_to_the_aside_after_it() -> None:
    """Hunter s77 F1: ``Yes, absolutely.`` (a backchannel's words, but the answer to a yes/no
    question) was joined to the parcel aside after it and set aside with it as procedural."""
    for reply in ("Yes, absolutely.", "Yeah, definitely.", "Absolutely.", "Mm-hmm."):
        text = f"{reply}\n{PARCEL}\n{ANYWAY}"
        at = [text.index(PARCEL), text.index(ANYWAY)]
        assert [text[a:b] for a, b in pieces_apart(text, 0, len(text), at)] == [
            reply,
            PARCEL,
            ANYWAY,
        ]


def test_a_yes_before_a_parcel_stays_talk(tmp_path: Path) -> None:
    (tmp_path / "q0y0.vtt").write_text(YES_BEFORE_A_PARCEL, encoding="utf-8")
    t = read_transcript(tmp_path / "q0y0.vtt", interviewer_labels=["Hannah Okafor"])
    coder = AutoCoder.load()
    segments = coder.segments_of(t)
    assert [s.text for s in segments] == ["Yes, absolutely.", PARCEL, ANYWAY]
    assert [s.procedural for s in coder.code(t)] == [False, True, False]


def test_the_answer_is_one_segment_whatever_the_model(tmp_path: Path) -> None:
    (tmp_path / "p03.vtt").write_text(VTT, encoding="utf-8")
    t = read_transcript(tmp_path / "p03.vtt", interviewer_labels=["Chloe Bennett"])
    assert [s.text for s in AutoCoder.load().segments_of(t)] == [ANSWER]


def _segments(folder: Path) -> list[tuple[str, int, int, str]]:
    with (folder / "codings.jsonl").open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [(r["segment_id"], r["start"], r["end"], r["text"]) for r in rows]


def test_a_pseudonymised_copy_is_cut_as_its_original_and_compared(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("src").mkdir()
    Path("src/p03.vtt").write_text(VTT, encoding="utf-8")
    Path("k.csv").write_text("name,pseudonym\nFatima Begum,P03\n", encoding="utf-8")
    them = ("--interviewer", "Chloe Bennett")
    assert roqa("pseudonymise", "src", *them, "--key", "k.csv", "--out", "copies").code == 0
    a = roqa("code", "src", *them, "--pseudonymise", "k.csv", "--out", "a", "--no-report")
    assert a.code == 0, a.err
    b = roqa("code", "copies", "--out", "b", "--no-report")
    assert b.code == 0, b.err
    assert _segments(Path("a")) == _segments(Path("b")) == [("p03:0001", 71, 223, ANSWER)]
    agreed = roqa("agree", "a", "b", "--n-boot", "0")
    assert agreed.code == 0, agreed.err
    assert "2 coders: a (model), b (model); 1 unit (segments)" in " ".join(agreed.out.split())
