"""A header read as a header in the researcher's transcript is read as one in the copy roqa
pseudonymise writes of it (re-test reids4 finding 1): the pseudonym it puts in the name's
place (``P03``, ``Interviewer``) keeps the line a header's, so coding the copies gives the turns,
text and offsets that ``roqa code --pseudonymise`` gives of the originals."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

ROLE_LABELLED_TALK = (
    "Interviewer: So what's your role there?\n\n"
    "Participant: I've been the manager for nine years now, so quite a while.\n\n"
    "Interviewer: And the rollout?\n\n"
    "Participant: Patchy. Night staff, agency, nobody trained them.\n"
)

#: the header forms this session's header fixes read (test_header_reading; reids3, reids4 F/)
HEADERS = [
    "Interviewer: Kate Brown\nParticipant: Maria Okafor\n\n",
    "Interviewer: Kate Brown\n\nParticipant: Maria Okafor\n\n",
    "Participant: Maria Okafor\nInterviewer: Kate Brown\n\n",
    "Interviewer: Kate Brown\nParticipant: Joe Bright, registered manager, Elm Court\n\n",
    "Interviewer: Kate Brown\nInterviewee: Joe Bright (registered manager)\n\n",
    "Interviewer: Priya Shah (PS)\nParticipant: Tom Gallagher (TG)\n\n",
    "Interviewer: Dr Priya Shah\nInterviewee: Mr Tom Gallagher\n\n",
    "Respondent: Tom Gallagher (deputy manager)\n\n",
    "Interviewee: Maria Okafor (registered manager)\n\n",
    "Participant: Fiona Walsh - registered manager - Rosewood\n\n",
    "Participant: Anwen Price \u2013 team leader \u2013 Larkfield\n\n",
    "Participant: Joe Bright \u2013 registered manager, Elm Court\n\n",
    "Participant: Joe Bright (RM, Elm Court)\n\n",
    "Participant: Anwen Price, Team Manager, Calder and Ryburn Community Mental Health Team\n\n",
    "Participant: Dr Joe Bright, Consultant Psychiatrist, "
    "Leeds and York Partnership NHS Foundation Trust\n\n",
    "Participant: Maria Okafor, registered manager, Oakwood supported living\n\n",
]


def _read(path: Path, text: str) -> Transcript:
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path)


@pytest.mark.parametrize("header", HEADERS)
def test_a_header_reads_the_same_in_the_pseudonymised_copy(tmp_path: Path, header: str) -> None:
    from roqa_nlp.pseudonyms import pseudonymise

    label = next(
        line.split(":")[0]
        for line in header.splitlines()
        if ":" in line and not line.startswith("Interviewer")
    )
    talk = ROLE_LABELLED_TALK.replace("Participant:", f"{label}:")
    raw = _read(tmp_path / "f03.txt", header + talk)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (out,), _ = pseudonymise([raw])
    (tmp_path / "copy").mkdir()
    copy = _read(tmp_path / "copy" / "f03.txt", out.text)

    def turns(t: Transcript) -> list[tuple[str, str, int, int, str]]:
        return [(u.speaker, u.role, u.start, u.end, t.text[u.start : u.end]) for u in t.turns]

    assert [u.role for u in raw.turns] == ["interviewer", "participant"] * 2
    assert turns(copy) == turns(out)


@pytest.mark.parametrize(
    ("header", "listed"),
    [
        (
            "Participant: Anwen Price \u2013 Thornbury Lodge \u2013 Halifax\n\n",
            ["Halifax", "Thornbury Lodge"],
        ),
        ("Participant: Anwen Price - team leader - Thornbury Lodge\n\n", ["Thornbury Lodge"]),
        ("Participant: Anwen Price (team leader, Thornbury Lodge)\n\n", ["Thornbury Lodge"]),
        (
            "Interviewee: Anwen Price, Team Manager, Calder and Ryburn Community Mental "
            "Health Team\n\n",
            ["Calder", "Community", "Health", "Mental", "Ryburn"],
        ),
    ],
)
def test_the_places_a_header_names_are_listed_to_check(
    tmp_path: Path, header: str, listed: list[str]
) -> None:
    """The name a header line gives is replaced and its role's words are no one's, but the
    service and the place it names beside them are left in the copy and identify a manager of
    one home: they are listed to check as capitalised words of the talk are (re-test reids4
    finding 2: listed while the line was read as a turn, not once it was a header's)."""
    from roqa_nlp.pseudonyms import names_to_check, pseudonymise

    label = header.split(":")[0]
    raw = _read(
        tmp_path / "v4.txt", header + ROLE_LABELLED_TALK.replace("Participant:", f"{label}:")
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out, key = pseudonymise([raw])
    assert "Anwen" not in out[0].text and "Price" not in out[0].text
    assert sorted(n.word for n in names_to_check(out, key)) == listed


def test_a_joint_interview_stays_its_own_case_in_the_pseudonymised_copies(
    tmp_path: Path,
) -> None:
    """``P04_P05 joint.txt`` beside P04.txt and P05.txt is a case of its own; its second member
    is keyed by the number the study gives them, P05, not as P04's joint member ``P04a`` (the
    file's first number), so the copy's labels P04 and P05 keep it its own case, not joined to
    P04.txt (re-test reids4 finding 3)."""
    from roqa_nlp.pseudonyms import pseudonymise
    from roqa_nlp.transcripts import read_transcripts

    talk = "Interviewer: So what's your role there?\n\n{}: Manager, nine years now.\n\n"
    files = {
        "P04.txt": "Participant: Maria Okafor, registered manager, Oakwood\n\n"
        + ROLE_LABELLED_TALK,
        "P04_P05 joint.txt": talk.format("Maria Okafor")
        + "Dean Hughes: Deputy, two years.\n\nInterviewer: And the rollout?\n\n"
        + "Maria Okafor: Patchy.\n\nDean Hughes: Nobody trained the night staff.\n",
        "P05.txt": "Participant: Dean Hughes, deputy manager, Oakwood\n\n" + ROLE_LABELLED_TALK,
    }
    (tmp_path / "raw").mkdir()
    (tmp_path / "copy").mkdir()
    for name, text in files.items():
        (tmp_path / "raw" / name).write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        raw = read_transcripts(tmp_path / "raw")
        out, key = pseudonymise(raw)
    assert {n: key.pseudonyms[n] for n in ("Maria Okafor", "Dean Hughes")} == {
        "Maria Okafor": "P04",
        "Dean Hughes": "P05",
    }
    for t in out:
        (tmp_path / "copy" / Path(t.source).name).write_text(t.text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        copy = read_transcripts(tmp_path / "copy")
    assert [t.participant for t in raw] == ["P04", "P04_P05 joint", "P05"]
    assert [t.participant for t in copy] == ["P04", "P04_P05 joint", "P05"]


@pytest.mark.parametrize("service", ["service A", "site B", "Ward C"])
def test_a_header_naming_a_service_keyed_with_a_letter_reads_the_same_in_the_copy(
    tmp_path: Path, service: str
) -> None:
    """A key row ``Rowan House,service A`` puts ``service A`` in the header's description
    (``Participant: P01, registered manager, service A supported living``); the article-like
    letter made the line talk, so the copy had a speaker ``Participant`` and an extra
    interviewer turn, 29 segments against 28 (tester s51 privacy, 6)."""
    from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise

    raw = _read(
        tmp_path / "p01_siobhan_odriscoll.txt",
        "Participant: Siobhán O'Driscoll, registered manager, Rowan House supported living\n"
        "Interviewer: Eleri Pritchard\nDate of interview: 14/09/2026\n\n"
        "Eleri Pritchard: Right, I think that's recording now. Can you hear me okay?\n\n"
        "Siobhán O'Driscoll: Yeah, loud and clear. I run Rowan House.\n\n"
        "Eleri Pritchard: And the rollout?\n\n"
        "Siobhán O'Driscoll: Patchy. Night staff, agency, nobody trained them.\n",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (out,), _ = pseudonymise([raw], PseudonymKey({"Rowan House": service}))
    assert out.text.splitlines()[0] == (
        f"Participant: P01, registered manager, {service} supported living"
    )
    (tmp_path / "copy").mkdir()
    copy = _read(tmp_path / "copy" / "p01_P01.txt", out.text)

    def turns(t: Transcript) -> list[tuple[str, str, int, int]]:
        return [(u.speaker, u.role, u.start, u.end) for u in t.turns]

    assert [u.speaker for u in copy.turns] == ["Interviewer", "P01"] * 2
    assert turns(copy) == turns(out)
