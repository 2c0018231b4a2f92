"""One more speaker said once, with initials or in capitals, cutting in right after the file's
longest turn is a speaker (session 81 hunt12 F1: such a joiner, ``GP  1:01`` after a
four-paragraph answer, was read, label line and words, into that answer: a once-said label was
refused wherever the turn above ran on over more lines than any other, which is where a carer,
an interpreter or a colleague cuts in; 56% of hunt12's realistic files of that kind lost their
joiner). A line of an answer laid out as a label still stays the answer's words: its words a
blank line below it where the speakers' words follow their labels, or its time cutting the
answer off at no pace the file's speakers keep. The files in tests/data/joiners_after_long_turns
are hunt12's synthetic files."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript

DATA = Path(__file__).parent / "data" / "joiners_after_long_turns"
H, G = "Hannah Whitfield", "Gareth Price"
INTERVIEW = [H, G, H, G, H, G, H, G, H, G]
GROUP = ["Jo Facilitator", "Amy L.", "Ben C.", "Chloe D."]


def _turns(path: Path) -> list[tuple[str, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    return [(u.speaker, " ".join(t.text[u.start : u.end].split())) for u in t.turns]


LONG_ANSWER = (
    "Mixed, honestly. Some of the senior staff thought it was more paperwork for nothing. "
    "Seeing the length of stay numbers drop, I think, and the matron backing it in every huddle. "
    "We got a discharge coordinator for six months, which was brilliant, but the funding ended. "
    "The families liked knowing the date early, even when it moved, because they could plan "
    "transport."
)
#: file: (the speakers in order, the joiner's turn, the turn above it, as said)
JOINERS = {
    "L_GP_after_longest__otter.txt": (
        [*INTERVIEW[:6], "GP", *INTERVIEW[6:]],
        6,
        "Sorry to interrupt, I need the keys for the drug cupboard.",
        LONG_ANSWER,
    ),
    "L_GP_after_longest__otter_nb.txt": (
        [*INTERVIEW[:6], "GP", *INTERVIEW[6:]],
        6,
        "Sorry to interrupt, I need the keys for the drug cupboard.",
        LONG_ANSWER,
    ),
    "L_Mary_O_after_long_question__word.txt": (
        [*INTERVIEW[:5], "Mary O.", *INTERVIEW[5:]],
        5,
        "He means the discharge lounge, that is what he is describing.",
        "Were there any resources that made a difference? So what helped, really, if you had "
        "to pick one thing?",
    ),
    "G4_init_long__zoom.txt": (
        [*GROUP, *GROUP[:2], "Fran G.", *GROUP[2:], *GROUP],
        6,
        "He means the discharge lounge, that is what he is describing.",
        "I would get the pharmacy team in from the first week, because the medicines held "
        "everything up. The social workers were part of it from the start, and the therapists "
        "joined later on. We look at the delayed discharges every Monday and talk through each "
        "one as a team.",
    ),
    "G4_init_long__zoom_nb.txt": (
        [*GROUP, *GROUP[:2], "Fran G.", *GROUP[2:], *GROUP],
        6,
        "He means the discharge lounge, that is what he is describing.",
        "I would get the pharmacy team in from the first week, because the medicines held "
        "everything up. The social workers were part of it from the start, and the therapists "
        "joined later on. We look at the delayed discharges every Monday and talk through each "
        "one as a team.",
    ),
    "E_Mary_O_once_inaudible__rev.txt": (
        [*INTERVIEW[:4], "Mary O.", *INTERVIEW[4:8]],
        4,
        "[inaudible]",
        "We look at the delayed discharges every Monday and talk through each one as a team. "
        "There was a lot of resistance at first, mostly because people were tired and short "
        "staffed.",
    ),
}


@pytest.mark.parametrize("name", sorted(JOINERS))
def test_a_joiner_said_once_after_the_longest_turn_is_a_speaker(name: str) -> None:
    speakers, k, joiner_said, above_said = JOINERS[name]
    turns = _turns(DATA / name)
    assert [s for s, _ in turns] == speakers
    assert turns[k][1] == joiner_said
    assert turns[k - 1][1] == above_said


def _otter(s: int) -> str:
    return f"{s // 60}:{s % 60:02d}"


def _answer_holding(line: str, blank: str, label_gap: str = "\n") -> str:
    """An Otter file whose second answer, its longest turn, holds ``line`` as a paragraph of
    its own (hunt9's talk probes: 13 s a question, 40 s an answer)."""
    turns = [
        (H, 3, ["Can you tell me a bit about how the new discharge process works on your ward?"]),
        (G, 16, ["So basically we start planning on the day of admission, which is new for us."]),
        (H, 56, ["And how did the team feel about that change at the start?"]),
        (
            G,
            69,
            [
                "Mixed, honestly. Some of the senior staff thought it was more paperwork.",
                "The one that matters most is this.",
                line,
                "That is what the managers look at.",
            ],
        ),
        (H, 109, ["What helped people come round to it in the end?"]),
        (G, 122, ["Seeing the length of stay numbers drop, I think."]),
    ]
    return (
        blank.join(f"{n}  {_otter(s)}{label_gap}{blank.join(said)}" for n, s, said in turns) + "\n"
    )


@pytest.mark.parametrize("blank", ["\n\n", "\n"], ids=["blank lines", "no blank lines"])
@pytest.mark.parametrize("label", ["GP  1:15", "Dr K.  1:15", "Mary O.  1:15", "CEO  1:15"])
def test_a_label_shaped_line_inside_the_longest_answer_stays_talk(
    tmp_path: Path, label: str, blank: str
) -> None:
    """hunt9's t_*_timed probes: in order, but a paragraph of its own where the speakers'
    words follow their labels, and 6 s after an answer of 20 words where the file's speakers
    take a second or more a word."""
    path = tmp_path / "t.txt"
    path.write_text(_answer_holding(label, blank), encoding="utf-8")
    turns = _turns(path)
    assert [s for s, _ in turns] == [H, G, H, G, H, G]
    assert turns[3][1] == (
        "Mixed, honestly. Some of the senior staff thought it was more paperwork. The one that "
        f"matters most is this. {' '.join(label.split())} That is what the managers look at."
    )
