"""A transcription tool's .txt export that repeats the speaker's timed label over each paragraph
of one answer (Zoom's saved transcript, Otter), or parts an answer with the interviewer's
``Mm hmm.`` block: the answer is one turn, as the same lines in .docx are, the lines between
blanked so that every offset still matches the file (tester s48: 16 segments for 3 answers,
``That's five months.`` coded alone)."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

ZOOM = (
    "[Hannah Whitfield] 10:15:32\n"
    "What support do you get from the mental health team?\n\n"
    "[Priya Nair] 10:15:37\n"
    "It varies massively.\n\n"
    "[Priya Nair] 10:15:45\n"
    "That's five months.\n\n"
    "[Hannah Whitfield] 10:15:50\n"
    "And the training?\n\n"
    "[Priya Nair] 10:15:55\n"
    "Proper joint working.\n"
)

OTTER = (
    "Hannah Whitfield  0:00\n"
    "Can you tell me what recovery means in your service?\n\n"
    "Joanne Platt  0:04\n"
    "For us it's very much about hope.\n\n"
    "Hannah Whitfield  0:24\n"
    "Mm hmm.\n\n"
    "Joanne Platt  0:25\n"
    "And we try to hold the hope for them.\n"
)


def _read(tmp_path: Path, text: str) -> tuple[object, list[str]]:
    f = tmp_path / "rm04.txt"
    f.write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f, interviewer_labels=["Hannah Whitfield"])
    return t, [str(w.message) for w in caught if "split" in str(w.message)]


def test_zoom_saved_transcript_repeating_a_label_is_one_answer(tmp_path: Path) -> None:
    t, split = _read(tmp_path, ZOOM)
    assert split == []
    answers = [t.text[u.start : u.end] for u in t.turns if u.speaker == "Priya Nair"]
    assert answers == [
        "It varies massively.\n\n                     \nThat's five months.",
        "Proper joint working.",
    ]
    assert [u.begin_time for u in t.turns] == [0.0, 5.0, 18.0, 23.0]
    # the file's text but the repeated label, blanked: offsets hold
    assert t.text == ZOOM.replace("[Priya Nair] 10:15:45", " " * 21)
    got = segment(t, "sentence")
    assert [(s.text, s.begin_time) for s in got] == [
        ("It varies massively.", 5.0),
        ("That's five months.", 13.0),
        ("Proper joint working.", 23.0),
    ]
    assert all(ZOOM[s.start : s.end] == s.text for s in got)


def test_otter_interviewers_mm_hmm_block_does_not_split_the_answer(tmp_path: Path) -> None:
    t, split = _read(tmp_path, OTTER)
    assert split == []
    assert [(u.speaker, u.begin_time) for u in t.turns] == [
        ("Hannah Whitfield", 0.0),
        ("Joanne Platt", 4.0),
    ]
    blanked = OTTER
    for line in ("Hannah Whitfield  0:24", "Mm hmm.", "Joanne Platt  0:25"):
        blanked = blanked.replace(line, " " * len(line))
    assert t.text == blanked
    assert t.text[t.turns[1].start : t.turns[1].end] == (
        "For us it's very much about hope.\n\n"
        + " " * 22
        + "\n"
        + " " * 7
        + "\n\n"
        + " " * 18
        + "\nAnd we try to hold the hope for them."
    )
    assert t.metadata["backchannels_left_out"] == 1


def test_a_note_after_the_interviewers_mm_hmm_block_stays_in_the_answer(
    tmp_path: Path,
) -> None:
    """A paragraph of only '[inaudible]' with no label after the interviewer's 'Mm hmm.' was
    blanked with it, so the joined answer read as one run of speech (session 59 docs tester,
    M2). It stays in the answer at its place, as in a .vtt; the backchannel alone is blanked
    and counted."""
    text = OTTER.replace("Mm hmm.\n\n", "Mm hmm.\n\n[inaudible]\n\n")
    t, split = _read(tmp_path, text)
    assert split == []
    assert [(u.speaker, u.begin_time) for u in t.turns] == [
        ("Hannah Whitfield", 0.0),
        ("Joanne Platt", 4.0),
    ]
    assert t.text[t.turns[1].start : t.turns[1].end] == (
        "For us it's very much about hope.\n\n"
        + " " * 22
        + "\n"
        + " " * 7
        + "\n\n[inaudible]\n\n"
        + " " * 18
        + "\nAnd we try to hold the hope for them."
    )
    assert t.metadata["backchannels_left_out"] == 1


def test_a_typists_repeated_label_without_a_time_stays_split(tmp_path: Path) -> None:
    t, split = _read(
        tmp_path,
        "Interviewer: Tell me about yourself.\n\n"
        "P01: I did my degree in history.\n\n"
        "P01: Then I didn't know what to do.\n",
    )
    assert [u.speaker for u in t.turns] == ["Interviewer", "P01", "P01"]
    assert len(split) == 1


def test_a_time_mark_in_a_joined_answer_keeps_each_block_at_its_time(tmp_path: Path) -> None:
    """A time mark in the answer (MAXQDA's ``#00:00:28-1#``) renders the transcript without it:
    the rendering joins the blocks itself, so the cue times point into the rendered text (the
    join on the file's text gave a cue at offset 24 of a 5-character turn, which the segmenter
    then dropped; found by the PDF reader's fuzz test)."""
    from roqa_nlp.transcripts.cue_times import CUE_TIMES, cue_timeline

    path = tmp_path / "rm50.txt"
    path.write_text(
        "Kate Brown  0:00\nWhat helps?\n\nMaria Okafor  0:05\nWe have a good team.\n\n"
        "Maria Okafor  0:20\nAnd #00:00:28-1# the funding is fine.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path, interviewer_labels=["Kate Brown"])
    assert t.metadata["rendering"] == "canonical"
    answer = t.turns[1]
    assert t.text[answer.start : answer.end] == "We have a good team.\nAnd the funding is fine."
    assert len(t.metadata[CUE_TIMES]) == len(cue_timeline(t)) == 1
    assert [(s.text, s.begin_time) for s in segment(t, unit="sentence")] == [
        ("We have a good team.", 5.0),
        ("And the funding is fine.", 20.0),
    ]
