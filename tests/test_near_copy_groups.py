"""Near copies beyond a pair (fixer nearcopy, session 83): one interview saved three times under
three case ids, and a copy whose speaker labels were renamed and swapped in a study whose
interviewer reads one guide word for word to every case. Each study is the example interview
``p01_interview.txt`` (a seed-setting interview, over 500 participant words) saved again in
other formats and labels, beside other cases asked the same questions."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.transcripts import read_transcript, read_transcripts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "interviews"


def _talk(name: str) -> list[tuple[str, str]]:
    """The (role, words) of each turn of the example interview ``name``."""
    t = read_transcript(EXAMPLES / name)
    return [(u.role, " ".join(t.turn_text(u).split())) for u in t.turns]


def _text(turns: list[tuple[str, str]], asker: str, teller: str) -> str:
    """``turns`` as a .txt transcript, the interviewer's labelled ``asker``, the rest ``teller``."""
    return "".join(
        f"{asker if role == 'interviewer' else teller}: {said}\n\n" for role, said in turns
    )


def _captions(turns: list[tuple[str, str]], teller: str) -> str:
    """``turns`` as a .vtt of cues of ten words each, the participant labelled ``teller``."""
    cues, second = ["WEBVTT", ""], 0
    for role, said in turns:
        words = said.split()
        for i in range(0, len(words), 10):
            start, end = divmod(second, 60), divmod(second + 4, 60)
            who = "Interviewer" if role == "interviewer" else teller
            cues += [
                f"00:{start[0]:02d}:{start[1]:02d}.000 --> 00:{end[0]:02d}:{end[1]:02d}.000",
                f"{who}: {' '.join(words[i : i + 10])}",
                "",
            ]
            second += 5
    return "\n".join(cues)


def _on_p01_guide(name: str) -> list[tuple[str, str]]:
    """The example interview ``name``'s answers, in turn, to every one of p01's questions,
    asked word for word."""
    asked = [said for role, said in _talk("p01_interview.txt") if role == "interviewer"]
    answers = [said for role, said in _talk(name) if role == "participant"]
    return [
        turn
        for i, question in enumerate(asked)
        for turn in (("interviewer", question), ("participant", answers[i % len(answers)]))
    ]


def _near_copies(folder: Path) -> list[str]:
    """The near-copy warnings of reading ``folder``, each up to its share: 'P07.txt: is nearly
    the same text as P03.vtt (100%'."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RoqaWarning)
        read_transcripts(folder)
    lines = [str(w.message) for w in caught if "is nearly the same text" in str(w.message)]
    return [line.replace(f"{folder}/", "").split(" of the participant words")[0] for line in lines]


def test_three_copies_of_one_interview_under_three_cases_are_warned_of(tmp_path: Path) -> None:
    """P03.vtt, P07.txt and P11.txt hold one talk: each pair's runs were all said by the third
    case too, text common to the study, and none was warned of (two copies were). Two
    transcripts of 500 participant words or more each saying nearly all the other's words
    (NEAR_COPY_WHOLE) are one interview, whoever else says them: P07 and P11 are both named,
    each with the first copy read. P08, asked the same questions, is no copy."""
    study = tmp_path / "study"
    study.mkdir()
    talk = _talk("p01_interview.txt")
    (study / "P03.vtt").write_text(_captions(talk, "P03"), "utf-8")
    (study / "P07.txt").write_text(_text(talk, "Interviewer", "P07"), "utf-8")
    (study / "P11.txt").write_text(_text(talk, "Researcher", "P11"), "utf-8")
    (study / "P08.txt").write_text(
        _text(_on_p01_guide("p03_interview.docx"), "Interviewer", "P08"), "utf-8"
    )
    assert _near_copies(study) == [
        "P07.txt: is nearly the same text as P03.vtt (100%",
        "P11.txt: is nearly the same text as P03.vtt (100%",
    ]


def test_a_third_copy_cut_short_and_read_first_is_warned_of(tmp_path: Path) -> None:
    """Zoom's captions of the interview, from its 21st turn on (the recording started late) and
    named by the date, are read first: when P07.txt is found to be a copy of P03.txt, the
    captions' runs, all said by both, are no other case's text, and they are named too."""
    study = tmp_path / "study"
    study.mkdir()
    talk = _talk("p01_interview.txt")
    (study / "GMT20240412-zoom.vtt").write_text(_captions(talk[20:], "Sam Patel"), "utf-8")
    (study / "P03.txt").write_text(_text(talk, "Interviewer", "P03"), "utf-8")
    (study / "P07.txt").write_text(_text(talk, "Researcher", "P07"), "utf-8")
    (study / "P08.txt").write_text(
        _text(_on_p01_guide("p03_interview.docx"), "Interviewer", "P08"), "utf-8"
    )
    assert _near_copies(study) == [
        "P07.txt: is nearly the same text as P03.txt (100%",
        "P07.txt: is nearly the same text as GMT20240412-zoom.vtt (100%",
    ]


@pytest.mark.parametrize(("asker", "teller"), [("Anne", "Researcher"), ("P11", "Interviewer")])
def test_a_copy_with_its_labels_swapped_on_one_guide_is_warned_of(
    tmp_path: Path, asker: str, teller: str
) -> None:
    """P11.txt is P03's interview with the questions labelled 'Anne' (or 'P11') and the
    answers 'Researcher' (or 'Interviewer'): read with the roles swapped, its participant says
    the guide's questions, which every case of the study is asked word for word, all of it
    common text, and the check of a copy whose roles came out swapped (its participant saying
    a quarter of the other's interviewer's words, text of other cases aside) never held."""
    study = tmp_path / "study"
    study.mkdir()
    talk = _talk("p01_interview.txt")
    (study / "P03.txt").write_text(_text(talk, "Interviewer", "P03"), "utf-8")
    (study / "P11.txt").write_text(_text(talk, asker, teller), "utf-8")
    for case, name in (("P08", "p03_interview.docx"), ("P09", "p02_interview.vtt")):
        (study / f"{case}.txt").write_text(_text(_on_p01_guide(name), "Interviewer", case), "utf-8")
    assert _near_copies(study) == ["P11.txt: is nearly the same text as P03.txt (100%"]


def test_the_check_of_a_study_whose_every_interview_is_saved_three_times_grows_linearly() -> None:
    """Every interview of the study saved three times, under three case ids: the shares of a
    pair are counted only when one says most of the other's least runs (NearCopies.marks), or
    at least an eighth of them of a case known to hold a copy, not for every pair. Four times
    the interviews take far less than sixteen times the time (tests/growth.py)."""
    import random

    from growth import assert_linear
    from roqa_nlp.schema import Transcript
    from roqa_nlp.transcripts import NearCopies, warn_if_near_copy

    rng = random.Random(83)
    vocabulary = [f"w{i}" for i in range(3_000)]

    def study(interviews: int) -> list[Transcript]:
        out = []
        for i in range(interviews):
            said = [" ".join(rng.choices(vocabulary, k=100)) for _ in range(8)]
            for copy in "abc":
                case = f"P{i}{copy}"
                turns = [
                    x
                    for answer in said
                    for x in (("I", "interviewer", "Why?"), (case, "participant", answer))
                ]
                out.append(Transcript.from_turns(f"s{i}_{copy}", turns, participant=case))
        return out

    def check(transcripts: list[Transcript]) -> list[str]:
        near = NearCopies()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", RoqaWarning)
            near.know(transcripts)
            for t in transcripts:
                warn_if_near_copy(t, near)
        return [str(w.message)[:46] for w in caught]

    small, large = study(10), study(40)
    said = check(small)  # each interview's second and third copies, each naming the first
    assert len(said) == 20
    assert said[:2] == [
        "s0_b: is nearly the same text as s0_a (100% of",
        "s0_c: is nearly the same text as s0_a (100% of",
    ]
    assert_linear(check, small, large)


_VIGNETTE = (
    "Picture a man called Dev who has lived in a supported flat for three years. Lately he has "
    "skipped the drop-in group, left his tablets in the blister pack, and the night worker "
    "hears him walking about until the small hours. His sister phones now and then from the "
    "coast. The new planning tool asks his key worker to sit with him, write down three goals "
    "in his own words, and look at them again each month."
)


def test_a_stream_calling_its_first_two_cases_one_calls_no_third_so() -> None:
    """Three cases read a vignette aloud, each then saying a little of their own. A stream
    knows no case but those read before, so P01 and P02 are called one interview, as before
    (a study of two cases shows no common text); that pair is not noted as cases holding one
    interview, since neither says nearly all of the other: noted, P02's transcript was no other
    case to P03, the vignette no common text, and P03 was called a copy of P01 too."""
    from roqa_nlp.schema import Transcript
    from roqa_nlp.transcripts import NearCopies, warn_if_near_copy

    own = {
        "P01": "I think I would start with the tablets because that worries me most.",
        "P02": "Honestly my first step would be ringing his sister to find out what she has "
        "noticed, then a chat with him over a cup of tea about the nights.",
        "P03": "We had a man a lot like Dev last winter and what worked was a walk together "
        "every morning, and the goals came out of those walks rather than a form.",
    }
    near = NearCopies()
    with pytest.warns(RoqaWarning) as caught:
        for case, said in own.items():
            turns = [
                ("Interviewer", "interviewer", "Please read the card aloud, then tell me more."),
                (case, "participant", f"{_VIGNETTE} {said}"),
            ]
            warn_if_near_copy(Transcript.from_turns(case, turns, participant=case), near)
    assert [str(w.message)[:40] for w in caught] == ["P02: is nearly the same text as P01 (86%"]
