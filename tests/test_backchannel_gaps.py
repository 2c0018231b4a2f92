"""Where a reader left another speaker's backchannel out of a turn (``backchannels_left_out_at``).

Session 73: :meth:`roqa_nlp.AutoCoder.segments_of` parts an answer from an aside only where a
backchannel was left out (s72 tried every line break after a sentence's end, embedding each
multi-line segment's pieces again: +23% CPU on cold coding). So the readers record those
places, and the record survives ``transcripts.jsonl`` and pseudonymisation.
"""

from __future__ import annotations

import json
from pathlib import Path

from roqa_nlp.pseudonyms import PseudonymKey
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.backchannel_gaps import (
    BACKCHANNEL_GAPS,
    backchannel_gaps,
    with_backchannel_gaps,
)

ASIDES = Path(__file__).resolve().parent / "data" / "asides"


def _after(t: Transcript) -> list[str]:
    """The first words after each backchannel left out."""
    return [t.text[at : at + 20] for at in backchannel_gaps(t)]


def test_a_table_records_where_a_backchannel_was_left_out_and_nowhere_else() -> None:
    t = read_transcript(ASIDES / "parcel_after_backchannel.csv")
    assert _after(t) == ["Sorry, can I just, I", "And the move-on flat"]
    assert t.metadata["backchannels_left_out"] == 2
    assert all(t.text[at - 1] == "\n" for at in backchannel_gaps(t))


def test_subtitles_record_the_backchannel_not_a_speakers_next_cue() -> None:
    """P21's 'Staffing is the big one.' / 'We just don't have the hours.' are two cues of one
    speaker joined with no backchannel between: no place to part there."""
    t = read_transcript(ASIDES / "dog_after_backchannel.vtt", interviewer_labels=["Hannah Okafor"])
    after = _after(t)
    assert after[0] == "Sorry, my dog's bark"
    assert len(after) == t.metadata["backchannels_left_out"]
    assert not any(a.startswith("We just don't") for a in after)


def test_an_otter_text_export_records_the_backchannel_it_blanks(tmp_path: Path) -> None:
    said = [
        ("Speaker 1", "What has helped the service?"),
        ("Speaker 2", "The champions on each shift, mostly."),
        ("Speaker 1", "Yeah."),
        ("Speaker 2", "Sorry, my phone is ringing, one second."),
        ("Speaker 1", "And what got in the way?"),
        ("Speaker 2", "The software, which kept crashing."),
    ]
    path = tmp_path / "p32.txt"
    path.write_text("".join(f"{w}  0:{i:02d}\n{s}\n\n" for i, (w, s) in enumerate(said)), "utf-8")
    t = read_transcript(path, interviewer_labels=["Speaker 1"])
    assert _after(t) == ["Sorry, my phone is r"]  # offsets of the file's own text


def test_a_plain_text_without_backchannels_records_none(tmp_path: Path) -> None:
    path = tmp_path / "p05.txt"
    path.write_text(
        "Interviewer: What gets in the way?\n\nP05: The budget was cut.\nSorry, a parcel.\n",
        "utf-8",
    )
    t = read_transcript(path)
    assert backchannel_gaps(t) == []
    assert BACKCHANNEL_GAPS not in t.metadata


def test_transcripts_jsonl_keeps_where_backchannels_were_left_out(tmp_path: Path) -> None:
    t = read_transcript(ASIDES / "parcel_after_backchannel.csv")
    CodingResult(transcripts={t.id: t}).save(tmp_path / "coded")
    back = CodingResult.read(tmp_path / "coded").transcripts[t.id]
    assert back.metadata[BACKCHANNEL_GAPS] == t.metadata[BACKCHANNEL_GAPS]
    assert backchannel_gaps(back) == backchannel_gaps(t)


def test_pseudonymising_moves_the_places_with_the_names_replaced() -> None:
    """'Jo' before the gap becomes a longer pseudonym: the gap stays before 'Sorry'."""
    t = read_transcript(ASIDES / "parcel_after_backchannel.csv")
    key = PseudonymKey()
    key.add("Jo", "Person 1")
    after = key.apply(t)
    assert "Jo," not in after.text
    assert _after(after)[0] == "Sorry, can I just, I"


def test_an_entry_that_no_longer_fits_its_turn_is_ignored() -> None:
    t = read_transcript(ASIDES / "parcel_after_backchannel.csv")
    entries = json.loads(json.dumps(t.metadata[BACKCHANNEL_GAPS]))
    entries[0]["check"] = "000000000000"  # the turn's words were edited after reading
    entries[1]["at"] = [10**6]  # past the turn's end
    edited = Transcript(t.id, t.text, t.turns, metadata={BACKCHANNEL_GAPS: entries})
    assert backchannel_gaps(edited) == []
    for junk in ("x", [1], [{"turn": "1"}], [{"turn": 0, "check": 5, "at": "1"}]):
        assert (
            backchannel_gaps(Transcript(t.id, t.text, t.turns, metadata={BACKCHANNEL_GAPS: junk}))
            == []
        )


def test_with_backchannel_gaps_marks_a_transcript_built_in_memory() -> None:
    t = Transcript.from_turns(
        "p05",
        [
            ("Interviewer", "interviewer", "What gets in the way?"),
            ("P05", "participant", "The budget was cut.\nSorry, a parcel."),
        ],
    )
    at = t.text.index("Sorry")
    marked = with_backchannel_gaps(t, [at, 0, len(t.text) + 5])  # outside a turn's words: none
    assert backchannel_gaps(marked) == [at]
    assert backchannel_gaps(t) == []
