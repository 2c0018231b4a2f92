"""What docs/transcripts.md says of a .txt file's text and of a subtitle file without speakers,
checked against what the readers do."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

DATA = Path(__file__).parent / "data" / "unlabelled_cues"


def test_a_windows_txt_is_read_with_one_line_feed_per_line_break(tmp_path: Path) -> None:
    """The byte order mark is dropped and each \\r\\n read as one \\n: offsets count one character
    per line break, so past each line break they are one less than in the file as saved."""
    f = tmp_path / "p04.txt"
    f.write_bytes("\ufeffInterviewer: Why?\r\nP04: No staff.\r\nAnd no time.\r\n".encode())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f)
    assert t.text == "Interviewer: Why?\nP04: No staff.\nAnd no time.\n"
    [s] = segment(t)
    assert (s.start, s.end, s.text) == (23, 45, "No staff.\nAnd no time.")
    as_saved = f.read_bytes().decode("utf-8-sig")
    assert as_saved.index("No staff.") == s.start + 1  # one \r before it
    assert as_saved.index("time.") + len("time.") == s.end + 2  # two before its end


def test_a_subtitle_file_without_speakers_is_one_participant_turn_with_a_warning() -> None:
    """Its cues are cut by time, often inside a sentence, not where the speaker changes: they
    are read as one participant turn (as a speech-to-text .json or .tsv without speakers is),
    which segmenting cuts at sentence ends, not one turn per cue."""
    f = DATA / "p11_no_speakers.srt"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f)
    assert [
        (u.speaker, u.role, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns
    ] == [
        (
            "P11",
            "participant",
            "Could you describe your service briefly? We run three day services and an "
            "outreach team across the county.",
            2.0,
            12.0,
        )
    ]
    assert [str(w.message) for w in caught] == [
        f"{f}: no speaker labels found, so all of it is coded as the participant's talk, "
        "questions included (re-export it with speaker names (Zoom, Teams, Otter), transcribe it "
        "with speakers (diarisation: WhisperX, or whisper.cpp --diarize), or label the turns "
        "'Interviewer: ...' and 'P04: ...')"
    ]


def test_the_reactions_docs_cite_from_backchannel_phrases_are_in_that_file() -> None:
    """s54 review 2, finding 6: the docs listed `Oh no.` among the phrases of
    backchannel_phrases.txt; it is in backchannel_agreements.txt, and a participant's is coded."""
    import re

    from roqa_nlp.io import packaged_words

    docs = (Path(__file__).parents[1] / "docs" / "transcripts.md").read_text("utf-8")
    cited = re.search(r"sympathy or interest \(([^)]*)\): the phrases of", " ".join(docs.split()))
    assert cited is not None
    phrases = [p.rstrip(".").casefold() for p in re.findall(r"`([^`]+)`", cited[1])]
    assert phrases == ["oh dear", "interesting", "blimey", "how awful"]
    assert set(phrases) <= packaged_words("backchannel_phrases.txt")
