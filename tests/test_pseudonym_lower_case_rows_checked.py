"""A key row written in lower case replaces that spelling (docs/privacy.md, "Names in lower
case"), but only a row the researcher wrote, every word it replaces is listed to check, and never
inside a web address or a hashtag.

Session 77 hunt2: F1, a Zoom display name in lower case (``<v eve>``) gave the row ``eve,P01``,
which then rewrote "christmas eve" in eve's own talk in silence; F2, ``eve,Person A`` rewrote
"christmas eve" and "a tad chaotic" with nothing listed; F9, ``www.eve-care.org.uk`` became
``www.[Person A]-care.org.uk``.
"""

from __future__ import annotations

from pathlib import Path

from test_cli_core import roqa

VTT = (
    "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Interviewer>How was the winter on the "
    "ward?</v>\n\n2\n00:00:05.000 --> 00:00:09.000\n<v eve>We were short on christmas eve, and it "
    "was a tad chaotic on new year's eve.</v>\n\n3\n00:00:10.000 --> 00:00:12.000\n"
    "<v Interviewer>Thanks.</v>\n"
)


def test_a_row_roqa_wrote_from_a_lower_case_label_leaves_the_word(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "zoom.vtt").write_text(VTT, encoding="utf-8")
    k = tmp_path / "key.csv"
    for out in ("o1", "o2"):  # the run writing the row, and a later run reading it
        run = roqa("pseudonymise", tmp_path / "raw", "--key", k, "--out", tmp_path / out)
        assert run.code == 0, run.err
        text = (tmp_path / out / "zoom.txt").read_text(encoding="utf-8")
        assert (
            "P01: We were short on christmas eve, and it was a tad chaotic on new year's eve."
            in text
        )
        said = " ".join(run.out.split())
        assert "a word of the name of: eve 2 zoom [P01]" in said
        assert "Replaced in lower case" not in said
    assert k.read_text(encoding="utf-8-sig").splitlines()[1] == "eve,P01"


def test_every_word_a_lower_case_row_replaces_is_listed(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "p01.txt").write_text(
        "Interviewer: How did the rota go?\nP01: It was a tad chaotic. eve said she would cover "
        "christmas eve. tad came in from the bank.\n",
        encoding="utf-8",
    )
    (tmp_path / "raw" / "p02.txt").write_text(
        "Interviewer: And you?\nP02: eve was off.\n", encoding="utf-8"
    )
    k = tmp_path / "key.csv"
    k.write_text("name,pseudonym\neve,Person A\ntad,Person B\n", encoding="utf-8")
    run = roqa("pseudonymise", tmp_path / "raw", "--key", k, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert (tmp_path / "out" / "p01.txt").read_text(encoding="utf-8") == (
        "Interviewer: How did the rota go?\nP01: It was a [Person B] chaotic. [Person A] said she "
        "would cover christmas [Person A]. [Person B] came in from the bank.\n"
    )
    said = " ".join(run.out.split())
    assert (
        "Replaced in lower case: 2 word(s) a row of the key writes in lower case, replaced "
        "wherever they stand so; check these read as the name there; if one is also an everyday "
        f"word of the talk, write its row in {k} capitalised (the word then stays, and is "
        "listed). Word, times, transcripts, a word of the name of: "
        "eve 3 p01, p02 [Person A] tad 2 p01 [Person B]"
    ) in said


def test_a_lower_case_row_replaces_in_web_addresses_and_hashtags_as_a_capitalised_one(
    tmp_path: Path,
) -> None:
    """s77 hunt7, LOW 1: ``www.eve-care.org.uk`` and ``#eve`` stayed, and with a hyphen were
    listed nowhere, while a capitalised row replaced ``www.Eve-Care.org.uk`` and ``#Eve``; the
    word a lower-case row replaces there is listed under "Replaced in lower case"."""
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "p01.txt").write_text(
        "Interviewer: Where did you find it?\nParticipant: On www.eve-care.org.uk and the #eve "
        "hashtag, or evecare.org/rota. eve told me.\n",
        encoding="utf-8",
    )
    k = tmp_path / "key.csv"
    k.write_text("name,pseudonym\neve,Person A\n", encoding="utf-8")
    run = roqa("pseudonymise", tmp_path / "raw", "--key", k, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert (tmp_path / "out" / "p01.txt").read_text(encoding="utf-8") == (
        "Interviewer: Where did you find it?\nParticipant: On www.[Person A]-care.org.uk and the "
        "#[Person A] hashtag, or evecare.org/rota. [Person A] told me.\n"
    )
    assert "eve 3 p01 [Person A]" in " ".join(run.out.split())


def test_a_word_inside_an_email_replaced_whole_is_not_counted_as_replaced_in_lower_case(
    tmp_path: Path,
) -> None:
    """Session 78 hunt3, F2: the ``kerry`` of ``kerry@kerry-care.org.uk`` and
    ``kerry.smith@nhs.net``, which ``[email]`` replaces whole, was counted 3 times under
    "Replaced in lower case", with "0 name(s) replaced" and no such word in the copy."""
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "p01.txt").write_text(
        "Interviewer: How can people reach the service?\nParticipant: You email "
        "kerry@kerry-care.org.uk or kerry.smith@nhs.net and kerry rings back.\n",
        encoding="utf-8",
    )
    k = tmp_path / "key.csv"
    k.write_text("name,pseudonym\nkerry,Person A\n", encoding="utf-8")
    run = roqa("pseudonymise", tmp_path / "raw", "--key", k, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert (tmp_path / "out" / "p01.txt").read_text(encoding="utf-8") == (
        "Interviewer: How can people reach the service?\nParticipant: You email [email] or "
        "[email] and [Person A] rings back.\n"
    )
    said = " ".join(run.out.split())
    assert "Replaced in lower case: 1 word(s)" in said
    assert "kerry 1 p01 [Person A]" in said
