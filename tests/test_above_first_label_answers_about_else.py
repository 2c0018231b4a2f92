"""An answer typed above the first speaker's label that holds a word of a researcher's note
used of something else warns, as other talk left out there does; the notes themselves stay
silent. Session 74 hunt (G2): ``Our transcription service for the deaf residents was cut last
year, which really hurt.`` (the note word a modifier of another noun), ``The recording of
outcomes was the hardest bit ...`` (the recording of something else), ``Staff were recorded as
trained ...`` (said of staff), ``So the participant group decided ...``, ``The interview panel
for new staff ...`` were left out without a word: a note word silenced them, or their third
person did, which only a header's sentence about the recording, the interview or the
transcript should. The hunter's twenty researcher notes (s74_hunt2/hn) give no warning. Session 76 (readers, B):
``The phone never stops ringing.``, its subject a word of the recording's making said to do a
thing all the time, was silent as a note ``Phone signal was weak in the office.`` is."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.unlabelled import above_first_label_warning

ABOVE = "above the first speaker's label"

#: s74 hunt ha/a02, a04, a07, a09, a10, and more of their kinds.
ANSWERS = [
    "Our transcription service for the deaf residents was cut last year, which really hurt.",
    "The recording of outcomes was the hardest bit for staff, they hated the forms.",
    "Staff were recorded as trained when they had only done the e-learning, that's the problem.",
    "So the participant group decided the rules themselves and it worked.",
    "The interview panel for new staff now includes a resident, that's been brilliant.",
    # s76 hunt3 R2: a word in -ed before a note in brackets is no "marked as" note
    "I was shocked [laughs] when they told us, honestly.",
    "We all laughed [laughter] about the new forms every week.",
    "I was stressed [laughs] all the time back then, honestly.",
    "The commissioners were slow, it took six months to get a decision on the extra hours.",
    "Honestly the council has never understood what recovery means for these residents.",
    "The details of the contract were never agreed, so the hours were cut.",
    "The quality of care was poor before the new manager came.",
    # s75 hunt ha2: answers in the third person.
    "The service was cut in half when the new contract started.",
    "Staff were worried that the recovery star would become a tick-box exercise.",
    "The tenants chose the colours for the new lounge themselves.",
    "Our manager left and nobody replaced her for six months.",
    "The council moved everything to outcome-based payments.",
    "People stayed longer because there was nowhere to move on to.",
    "The peer workers ran the groups on their own time.",
    "Agency staff didn't know the residents.",
    "The training was brilliant but we couldn't release anyone.",
    "My deputy went off sick and I covered the rota for weeks.",
    # a word of the making of a recording said of something else than the sentence's subject
    "Supervision moved to Zoom during the pandemic and it never came back.",
    "Referrals mostly came in by phone from the crisis team.",
    "The tenants complained about the noise from the building work for months.",
    "The council never kept notes of the review meetings.",
    # s76 (readers, B): a word of the making of a recording as the subject, said to do a thing
    # all the time or never, in the present: talk about the speaker's work, silent before
    "The phone never stops ringing.",
    "The phone never stops [inaudible] ringing at night.",
    "Zoom always crashes on the old laptops.",
    "The internet is constantly down here.",
    "The phone is always ringing on the unit.",
]

#: s74 hunt hn/h01-h20 and the headers of docs/transcripts.md.
NOTES = [
    "Notes: recorded on Teams, audio quality poor in places.",
    "Transcription: intelligent verbatim; [inaudible] marks unclear audio.",
    "P07 – interview transcript – 12/03/2024",
    "Recording started.",
    "Interviewee consented to recording.",
    "Yes, consent given verbally before recording.",
    "Transcript of interview with a registered manager (Participant 12)",
    "Anonymised transcript – all names changed.",
    "Interview recorded via Zoom and transcribed verbatim by the research team.",
    "Participant was interviewed at her workplace; recording paused twice.",
    "Well-being service, participant 3, transcribed by JB.",
    "Transcribed by Rev.com. Speaker names checked by the researcher.",
    "Recorded and transcribed by the first author.",
    "Audio file: P09_interview.m4a (52 minutes), transcription checked against audio.",
    "Interview 4 of 13. Consent recorded on tape.",
    "Participant's words were transcribed verbatim, including hesitations.",
    "The participant asked for the recorder to be switched off at one point.",
    "Date of interview: 4 March. Transcriber: Jo.",
    "Well, this was transcribed from a poor recording, so gaps are marked.",
    "Interviewed by SR; transcript reviewed by participant.",
    "This call is being recorded.",
    "Verbal consent was obtained before the recording started.",
    "All names and places have been anonymised.",
    "All identifying details have been removed.",
    "This interview was recorded on Zoom and transcribed verbatim.",
    "Interview conducted by Jo Smith on Microsoft Teams, 12 May 2021.",
    "Supported living service in West Yorkshire.",
    "The participant spoke quietly and the recording was paused twice.",
    "Audio quality was poor in places.",
    "The interview schedule was followed throughout.",
    "The interview took place at the service.",
    # s75 hunt hn2: notes on the making of the recording (n09, n10 and n17 warned as talk)
    "Participant joined late.",
    "Recording paused at 12:03 while the manager took a call.",
    "Interviewer arrived ten minutes late due to traffic.",
    "The participant asked for the section on funding to be removed.",
    "Manager requested a copy of the transcript.",
    "Participant was interviewed in her office with the door closed.",
    "Internet connection dropped twice during the call.",
    "The participant's dog barked throughout the first ten minutes.",
    "Notes were taken by a second researcher.",
    "Background noise made some words inaudible.",
    "Participant chose to keep her camera off.",
    "Interview took place in a meeting room at the service.",
    "The manager had been in post for three months at the time of interview.",
    "Participant reviewed the transcript and made two corrections.",
    "Second half of the interview was conducted by phone.",
    "Zoom crashed at 31 minutes, so the rest was recorded on a phone.",
    "Speaker labels were added by the transcriber.",
    "The interview ran over by fifteen minutes.",
    "Field notes were written up the same evening.",
    "The connection dropped twice, so some answers are missing.",
    "Phone signal was weak in the office.",
    "Sound quality was poor in the second half.",
    # s76 (readers, B): a note on the recording with a word of habit tells what happened in it
    "Zoom never recorded the first part.",
    "The phone never rang during the call.",
    "The connection was always poor.",
    "The connection sometimes dropped, so some words are missing.",
    "Notes were never taken.",
    # s76 hunt2 F6: a note naming how the transcript marks a sound heard all the time
    "Background noise is constantly present (ward phone), marked [inaudible].",
    "The ward phone is always ringing, marked as [noise].",
    "The phone never stops ringing, shown as [noise] throughout.",
]


def _said(tmp_path: Path, line: str) -> tuple[list[str], str | None]:
    path = tmp_path / "h12.txt"
    path.write_text(
        f"{line}\n\nInterviewer: What got in the way?\n"
        "P07: Honestly the training from the recovery college made a huge difference.\n",
        "utf-8",
    )
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        t = read_transcript(path)
    assert [u.speaker for u in t.turns] == ["Interviewer", "P07"]
    return [str(x.message) for x in w if ABOVE in str(x.message)], above_first_label_warning(t)


@pytest.mark.parametrize("line", ANSWERS)
def test_an_answer_holding_a_note_word_of_something_else_warns(tmp_path: Path, line: str) -> None:
    said, warning = _said(tmp_path, line)
    assert len(said) == 1, said
    assert warning is not None and line[:40] in warning


@pytest.mark.parametrize("line", NOTES)
def test_a_researchers_note_above_the_first_label_gives_no_warning(
    tmp_path: Path, line: str
) -> None:
    said, warning = _said(tmp_path, line)
    assert said == [] and warning is None
