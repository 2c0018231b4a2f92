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
one must stay a speaker. :data:`NAME_WORDS_UNLISTED` are names that are also English words
(Heather, Chase, Banks) read with ``data/name_words.txt`` (the guard list) told to leave them
out, so they measure the rule's margin for a name-word the list lacks, not the list.

Each line is put right after P04's first answer in an Interviewer/P04 transcript, in two
contexts (and, with ``--real``, in a third: under the first answer of each of the first 40
interviews of ``benchmarks/data`` as written, 2,600 words each on average, where the word is in
lower case elsewhere only if the interview happens to say it): "plain", and "mentioned", where a later question uses the word ("You mentioned
families earlier ..."): in lower case for talk and for names that are words ("hope"), as a
long interview often does, the adversarial case for those names; as written for other names
("Ming"). Counted as in ``speaker_label_talk.py``.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/speaker_label_words.py [-v]`` (seconds).
Results: ``benchmarks/results/speaker_label_words.md``.
"""

from __future__ import annotations

import re
import sys
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from roqa_nlp.io import packaged_words
from roqa_nlp.transcripts import read_transcript, speaker_labels

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

#: A second held-out set, written after the rule was, and run once on it (session 36).
FRESH_TALK = [
    "Ambulances", "Paramedics", "Receptionists", "Cleaners", "Porters", "Pharmacists",
    "Dentists", "Midwives", "Grandparents", "Siblings", "Apprentices", "Locums", "Interpreters",
    "Chaplains", "Physios", "Psychiatrists", "Inspectors", "Auditors", "Petrol", "Childcare",
    "Burnout", "Kitchen", "Minibus", "Unfortunately", "Essentially", "Interestingly",
    "Admittedly", "Historically", "Traditionally", "Practically", "Surprisingly", "Truthfully",
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


@contextmanager
def unlisted(names: list[str]) -> Iterator[None]:
    """Within: the reader's ``data/name_words.txt`` without ``names``."""
    real = speaker_labels.packaged_words
    left_out = frozenset(n.casefold() for n in names)

    def without(name: str) -> frozenset[str]:
        return real(name) - left_out if name == "name_words.txt" else real(name)

    speaker_labels.packaged_words = without  # type: ignore[assignment]
    try:
        yield
    finally:
        speaker_labels.packaged_words = real  # type: ignore[assignment]


def _is_word(name: str) -> bool:
    listed_names = packaged_words("name_words.txt") if _exists("name_words.txt") else frozenset()
    return name.casefold() in listed_names or name in NAME_WORDS_UNLISTED


def transcript(label: str, said: str, mentioned: bool) -> tuple[str, int]:
    """The transcript with ``label: said`` under P04's first answer, and the line's offset."""
    line = f"{label}: {said}"
    word = label.split(" (")[0].split()[-1]
    if said == _TALK_WORDS or _is_word(word):
        word = word.casefold()
    ask = f"You mentioned {word} earlier, can you say more?" if mentioned else "And what helps?"
    text = (
        "Interviewer: What gets in the way of the new care planning?\n"
        f"P04: Quite a lot, honestly. We started it in March.\n{line}\n"
        f"Interviewer: {ask}\nP04: The team, mostly. They stick with it.\n"
        "Interviewer: Anything else?\nP04: No, I think that's it.\n"
    )
    return text, text.index(line)


_REAL = sorted(Path(__file__).parent.joinpath("data").rglob("*.txt"))[:40]
_ANSWER = re.compile(r"^(P\d+): .*$", re.M)


def real_reading(path: Path, label: str, said: str) -> tuple[bool, str, str]:
    """(whether a turn begins inside ``label: said`` put under the first answer of the
    interview at ``path``, the speaker of the turn holding its last character, the speaker of
    that answer)."""
    text = path.read_text("utf-8")
    answer = _ANSWER.search(text)
    assert answer is not None, path
    line = f"{label}: {said}"
    at = answer.end() + 1
    text = text[: answer.end()] + "\n" + line + text[answer.end() :]
    with tempfile.TemporaryDirectory() as d:
        copy = Path(d) / path.name
        copy.write_text(text, encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t = read_transcript(copy)
    end = at + len(line) - 1
    begins = any(at < turn.start <= end for turn in t.turns)
    holder = next((turn.speaker for turn in t.turns if turn.start <= end < turn.end), "")
    return begins, holder, answer.group(1)


def real(verbose: bool) -> None:
    """Each word and name in each of :data:`_REAL`."""
    for title, words in (("held-out", HELD_OUT_TALK), ("fresh", FRESH_TALK)):
        held_out = [w for w in words if not listed(w)]
        wrong: dict[str, int] = {}
        for word in held_out:
            for path in _REAL:
                begins, holder, answerer = real_reading(path, word, _TALK_WORDS)
                if begins or holder != answerer:
                    wrong[word] = wrong.get(word, 0) + 1
        n = len(held_out) * len(_REAL)
        print(f"[real] {title} talk read as a speaker: {sum(wrong.values())}/{n}")
        if verbose:
            print("    " + ", ".join(f"{w} {k}" for w, k in wrong.items()))
    for group, names in (("names", NAMES), ("unlisted name-words", NAME_WORDS_UNLISTED)):
        wrong = {}
        with unlisted(names if names is NAME_WORDS_UNLISTED else []):
            for name in names:
                for path in _REAL:
                    begins, holder, _ = real_reading(path, name, _NAME_WORDS)
                    if not begins or holder != name:
                        wrong[name] = wrong.get(name, 0) + 1
        print(f"[real] {group} read as talk: {sum(wrong.values())}/{len(names) * len(_REAL)}")
        if wrong:
            print("    " + ", ".join(f"{w} {k}" for w, k in wrong.items()))


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
    for title, words in (("held-out", HELD_OUT_TALK), ("fresh", FRESH_TALK)):
        print(f"{title} talk words: {sum(not listed(w) for w in words)} of {len(words)} (listed: "
              f"{', '.join(w for w in words if listed(w)) or 'none'})")  # fmt: skip
    for mentioned in (False, True):
        context = "mentioned" if mentioned else "plain"
        for title, words in (("held-out", HELD_OUT_TALK), ("fresh", FRESH_TALK)):
            held_out = [w for w in words if not listed(w)]
            wrong = []
            for word in held_out:
                begins, holder = reading(word, _TALK_WORDS, mentioned)
                if begins or holder != "P04":
                    wrong.append(word)
            print(f"[{context}] {title} talk read as a speaker: {len(wrong)}/{len(held_out)}")
            if verbose and wrong:
                print("    " + ", ".join(wrong))
        for group, names in (("names", NAMES), ("unlisted name-words", NAME_WORDS_UNLISTED)):
            wrong = []
            with unlisted(names if names is NAME_WORDS_UNLISTED else []):
                for name in names:
                    begins, holder = reading(name, _NAME_WORDS, mentioned)
                    if not begins or holder != name:
                        wrong.append(name)
            print(f"[{context}] {group} read as talk: {len(wrong)}/{len(names)}")
            if wrong:
                print("    " + ", ".join(wrong))
    if "--real" in sys.argv:
        real(verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
