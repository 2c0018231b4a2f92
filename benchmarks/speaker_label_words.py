"""One word before a colon, said once inside a participant's answer: talk or a second speaker?
Measured on words the rule was NOT written from.

``Families: we never have enough people.`` inside P04's answer is the participant naming what
they go on to speak to; read as a speaker it opens a participant called "Families" (Table 2:
"1 participant (Families)") and the word is lost from the coded text. ``Hope: sorry to jump
in`` in the same place is a second person who speaks once, and must stay a speaker. Session
36's first rule (``data/talk_words.txt``) listed the topics of the corpus it was measured on;
a blind tester's words (Families, Commissioners, Mum) were not in it.

:data:`HELD_OUT_TALK` was written before the rule that reads it, and none of its words is in
any data file the rule reads (checked by :func:`listed`, which reports any that are and
leaves them out of the count). :data:`NAMES` are people's names and labels, said once: every
one must stay a speaker; :data:`NAME_WORDS_UNLISTED` are names that are also English words and
are not in ``data/name_words.txt`` (the guard list), so they test the rule, not the list.

Each line is put right after P04's first answer in an Interviewer/P04 transcript, in two
contexts: "plain", and "mentioned", where a later question uses the word in lower case ("You
mentioned hope earlier ..."), as a long interview often does, the adversarial case for names
that are words. Counted as in ``speaker_label_talk.py``.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/speaker_label_words.py [-v]`` (seconds).
Results: ``benchmarks/results/speaker_label_words.md``.
"""

from __future__ import annotations

import sys
import tempfile
import warnings
from pathlib import Path

from roqa_nlp.io import packaged_words
from roqa_nlp.transcripts import read_transcript

#: Words a participant may name before a colon and speak to, written before the rule (session
#: 36): people in plural, family, topics, adverbs. Not used to write the rule.
HELD_OUT_TALK = [
    # people, plural and family
    "Families", "Commissioners", "Mum", "Carers", "Volunteers", "GPs", "Nurses", "Parents",
    "Residents", "Relatives", "Patients", "Clients", "Doctors", "Councillors", "Trustees",
    "Dad", "Husband", "Kids", "Teenagers", "Neighbours", "Landlords", "Police", "Schools",
    "Hospitals", "Pharmacies", "Charities", "Councils", "Managers",
    # topics
    "Agency", "Covid", "Lockdown", "Rent", "Food", "Sleep", "Parking", "Weather", "Overtime",
    "Pensions", "Uniforms", "Meetings", "Emails", "Forms", "Targets", "Audits", "Inspections",
    "Benefits", "Relationships", "Boundaries", "Evenings", "Mornings", "Nights", "Holidays",
    "Phones", "Computers", "Software", "Buildings", "Noise", "Laundry", "Medicines", "Alcohol",
    "Smoking", "Diet", "Exercise", "Language", "Politics", "Brexit", "Austerity", "Travel",
    # adverbs
    "Basically", "Personally", "Obviously", "Seriously", "Generally", "Luckily", "Sadly",
    "Realistically", "Ultimately", "Firstly", "Secondly", "Finally",
]  # fmt: skip

#: Names and labels of real people, said once: always a speaker.
NAMES = [
    "Ruth (deputy manager)", "Hope", "Will", "Grace", "Rose", "Dawn", "Mark", "Frank", "Bill",
    "Pat", "Carol", "Ward", "Price", "Bell", "Hill", "Wood", "King", "Young", "Brown", "Green",
    "Ming", "Mary", "Sion", "Siobhan", "Tomasz", "Chidi", "Aisha", "Kwame", "Priya Nair",
    "Charles", "James", "Miles", "Agnes", "Jules", "Dennis", "Doris", "Iris", "Lukas",
    "Santos", "Reyes", "Evans", "Jones", "Williams", "Hughes", "Davies", "Ross", "Jess",
    "Dr Banks", "Mr Fields",
]  # fmt: skip

#: Names that are English words, not in ``data/name_words.txt``: the rule's own margin.
NAME_WORDS_UNLISTED = [
    "Sandy", "Sunny", "Rusty", "Heather", "Olive", "Hazel", "Pearl", "Jade", "Autumn", "Sky",
    "River", "Stone", "Fox", "Lamb", "Chase", "Hunter", "Mason", "Cook", "Baker", "Banks",
    "Fields", "Brooks", "Mills", "Woods", "Sharp", "Major",
]  # fmt: skip

_TALK_WORDS = "we never have enough of them, not on any shift."
_NAME_WORDS = "sorry to jump in, can I add something?"


def listed(word: str) -> bool:
    """Whether ``word`` is in a data file the rule reads, so is not held out."""
    w = word.casefold()
    return any(
        w in packaged_words(f)
        for f in ("talk_words.txt", "stop_words_en.txt", "stop_words_spoken.txt", "name_words.txt")
        if _exists(f)
    )


def _exists(name: str) -> bool:
    try:
        packaged_words(name)
    except (FileNotFoundError, OSError):
        return False
    return True


def transcript(label: str, said: str, mentioned: bool) -> tuple[str, int]:
    """The transcript with ``label: said`` under P04's first answer, and the line's offset."""
    line = f"{label}: {said}"
    word = label.split(" (")[0].split()[-1].casefold()
    ask = f"You mentioned {word} earlier, can you say more?" if mentioned else "And what helps?"
    text = (
        "Interviewer: What gets in the way of the new care planning?\n"
        f"P04: Quite a lot, honestly. We started it in March.\n{line}\n"
        f"Interviewer: {ask}\nP04: The team, mostly. They stick with it.\n"
        "Interviewer: Anything else?\nP04: No, I think that's it.\n"
    )
    return text, text.index(line)


def reading(label: str, said: str, mentioned: bool) -> tuple[bool, str]:
    """(whether a turn begins inside the line after its first character, the speaker of the
    turn holding its last character)."""
    text, at = transcript(label, said, mentioned)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "p04.txt"
        path.write_text(text, encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t = read_transcript(path)
    end = at + len(label) + 2 + len(said) - 1
    begins = any(at < turn.start <= end for turn in t.turns)
    holder = next((turn.speaker for turn in t.turns if turn.start <= end < turn.end), "")
    return begins, holder


def main() -> int:
    verbose = "-v" in sys.argv
    held_out = [w for w in HELD_OUT_TALK if not listed(w)]
    print(f"held-out talk words: {len(held_out)} of {len(HELD_OUT_TALK)} (listed: "
          f"{', '.join(w for w in HELD_OUT_TALK if listed(w)) or 'none'})")  # fmt: skip
    for mentioned in (False, True):
        context = "mentioned" if mentioned else "plain"
        wrong = []
        for word in held_out:
            begins, holder = reading(word, _TALK_WORDS, mentioned)
            if begins or holder != "P04":
                wrong.append(word)
        print(f"[{context}] held-out talk read as a speaker: {len(wrong)}/{len(held_out)}")
        if verbose and wrong:
            print("    " + ", ".join(wrong))
        for group, names in (("names", NAMES), ("unlisted name-words", NAME_WORDS_UNLISTED)):
            wrong = []
            for name in names:
                begins, holder = reading(name, _NAME_WORDS, mentioned)
                if not begins or holder != name:
                    wrong.append(name)
            print(f"[{context}] {group} read as talk: {len(wrong)}/{len(names)}")
            if wrong:
                print("    " + ", ".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
