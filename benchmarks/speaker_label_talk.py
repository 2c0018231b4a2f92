"""Participant talk that has a speaker label's shape, and real labels said once: how the .txt
reader reads each.

A participant's line that opens with a phrase and a colon ("Staffing (and I mean this: truly):
we never have enough people.", "Recovery: it means ...") has the shape of a speaker label; read
as one, the participant's words are filed under a "speaker" who does not exist, and the turn's
opening word is lost from what is coded. The other way is worse: a real speaker who says one
thing ("Ruth (deputy manager): yeah i'd add ...", speech-to-text opening in lower case) read as
talk files a second person's words under the speaker before them (session 35's reverted aside
rule did that).

Each line of :data:`TALK` and :data:`LABELS` is put, once, into an otherwise ordinary
transcript (an interviewer and ``P04``, each speaking three times), right after P04's first
answer, in two layouts: turns on consecutive lines ("packed") and turns parted by blank lines,
the line under P04's answer with no blank between ("blank"). Counted: a talk line read as a
speaker (a turn begins at its words) or left out of P04's turn; a label read as talk (no turn
begins at its words, or a turn of another speaker).

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/speaker_label_talk.py`` (a second).
Results: ``benchmarks/results/speaker_label_talk.md``.
"""

from __future__ import annotations

import sys
import tempfile
import warnings
from pathlib import Path

from roqa_nlp.transcripts import read_transcript

#: A participant's words, continuing P04's answer: never a speaker.
TALK = [
    "Staffing (and I mean this: truly): we never have enough people.",
    "Staffing: that's the barrier.",
    "Recovery: it means getting your life back, not just fewer symptoms.",
    "Funding (the big one): it ran out in June.",
    "Training: we had one session and that was it.",
    "Leadership (from the top, I mean): it was missing.",
    "Communication: that was the enabler, really.",
    "Paperwork: hours of it, every week.",
    "Time (and there's never enough of it): that's what we lack.",
    "Culture: it's a blame culture here.",
    "Workload: unbelievable, honestly.",
    "Governance (what a word): it meant meetings.",
    "Honestly: it was chaos.",
    "CQC: they came in March and looked at every plan.",
    "Mental Health: it's the biggest gap we have.",
    "The thing is: nobody owns the care plans.",
    "Two words: no money.",
    "My view (honestly): it was rushed.",
    "The problem was this: nobody knew who was in charge.",
    "Bottom line: we need more staff.",
    "Step one: you get the referral.",
    "At 9:30 we meet as a team and go through the plans.",
    "9:30: that's when the handover starts.",
    "1:1 support: that's what the residents need at night.",
    "Ratio (1:1 at night): that's the rule now.",
    "It's all on https://www.example.org/care: nobody reads it.",
    "Note: we never got the budget that year.",
    "Budget: zero.",
]

#: Real speaker labels, each said once in the file: always a speaker.
LABELS = [
    "P04: And the rota, that's the other thing.",
    "P04 (RM): We changed the rota in May.",
    "Jane Smith (Interviewer): Could you say more about that?",
    "Dr Jane Smith: Sorry to jump in, can I ask about the rota?",
    "Speaker 2: I'd add that the board never funds training.",
    "Unknown Speaker 1: sorry, can you repeat that?",
    "INTERVIEWER: Could you say more?",
    "Q: And the budget?",
    "Ruth (deputy manager): yeah i'd add that the board never funds training.",
    "Speaker 2 (guest): honestly the paperwork is the worst of it.",
    "Dr. Okafor (CEO): sorry to jump in, we did fund it in the end.",
    "Mary: Sorry to interrupt, the taxi's here.",
    "Dean (support worker): Time, on the floor.",
    "Priya Nair: we had the same problem on our ward.",
    "Ming: the night shift is the hardest.",
    "Grace (she/her): it was hard for everyone.",
    "Sam Roe (note-taker): can I check the date of that?",
]

_BEFORE = [
    "Interviewer: What gets in the way of the new care planning?",
    "P04: Quite a lot, honestly. We started it in March.",
]
_AFTER = [
    "Interviewer: And what helps?",
    "P04: The team, mostly. They stick with it.",
    "Interviewer: Anything else?",
    "P04: No, I think that's it.",
]


def transcript(line: str, layout: str) -> tuple[str, int]:
    """The transcript with ``line`` under P04's first answer, and the offset of ``line``."""
    if layout == "packed":
        lines = [*_BEFORE, line, *_AFTER]
        text = "\n".join(lines) + "\n"
    else:
        head = "\n\n".join(_BEFORE) + "\n" + line
        text = head + "\n\n" + "\n\n".join(_AFTER) + "\n"
    return text, text.index(line)


def reading(line: str, layout: str) -> tuple[bool, str]:
    """(whether a turn begins inside ``line`` after its first character, the speaker of the
    turn holding ``line``'s last character)."""
    text, at = transcript(line, layout)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "p04.txt"
        path.write_text(text, encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t = read_transcript(path)
    end = at + len(line) - 1
    begins = any(at < turn.start <= end for turn in t.turns)
    holder = next((turn.speaker for turn in t.turns if turn.start <= end < turn.end), "")
    return begins, holder


def main() -> int:
    rows = []
    talk_wrong = label_wrong = 0
    for layout in ("packed", "blank"):
        for line in TALK:
            begins, holder = reading(line, layout)
            wrong = begins or holder != "P04"
            talk_wrong += wrong
            rows.append((layout, "talk", line, holder, wrong))
        for line in LABELS:
            begins, holder = reading(line, layout)
            wrong = (
                not begins
                or holder in ("P04", "Interviewer")
                and not line.startswith(("P04", "INTERVIEWER"))
            )
            label_wrong += wrong
            rows.append((layout, "label", line, holder, wrong))
    for layout, kind, line, holder, wrong in rows:
        if wrong or "-v" in sys.argv:
            print(f"{'WRONG' if wrong else 'ok   '} {layout:6} {kind:5} {holder!r:28} {line}")
    n_talk, n_label = 2 * len(TALK), 2 * len(LABELS)
    print(f"talk read as a speaker or out of P04's turn: {talk_wrong}/{n_talk}")
    print(f"labels read as talk: {label_wrong}/{n_label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
