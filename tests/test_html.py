"""HTML transcripts (.html, .htm): noScribe's output, Word's web pages, transcript tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.html import html_text
from roqa_nlp.transcripts.roles import SpeakerWarning
from roqa_nlp.transcripts.segment import segment


def _turns(path: Path, **kwargs: object) -> list[tuple[str, str, str]]:
    t = read_transcript(path, **kwargs)  # type: ignore[arg-type]
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def test_paragraphs_with_labels_read_as_turns_and_what_is_not_talk_is_left_out(
    tmp_path: Path,
) -> None:
    f = tmp_path / "p04.html"
    f.write_text(
        "<!DOCTYPE html><html><head><title>Interview P04</title><style>p {color: red}</style>"
        "</head><body><h1>Interview with P04</h1>\n"
        "<p><b>S00:</b> How is recovery-orientated\n   practice going?</p>\n"
        "<p><span>S01:</span> Short of staff &amp; the agency staff come and go.<br>It is "
        "hard.</p>\n<!-- S01: a comment -->\n<script>var s = 'S01: not talk';</script>\n"
        "<p><b>S00:</b> What helps?</p><p><b>S01:</b> Supervision <i>and</i> the college.</p>"
        "</body></html>",
        "utf-8",
    )
    t = read_transcript(f, interviewer_labels=["S00"])
    assert t.text == (
        "S00: How is recovery-orientated practice going?\n\n"
        "S01: Short of staff & the agency staff come and go.\nIt is hard.\n\n"
        "S00: What helps?\n\nS01: Supervision and the college."
    )
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("S00", "interviewer"),
        ("S01", "participant"),
        ("S00", "interviewer"),
        ("S01", "participant"),
    ]
    assert t.metadata["format"] == "html"
    assert all(t.text[s.start : s.end] == s.text for s in segment(t, "sentence"))


def test_a_word_web_page_reads_as_its_document(tmp_path: Path) -> None:
    """Word's "Save as Web Page": Office namespaces, conditional comments, &nbsp; and empty
    <o:p> elements around the words."""
    f = tmp_path / "p07.htm"
    f.write_text(
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><!--[if gte mso 9]><xml>'
        "<o:DocumentProperties><o:Author>Sam</o:Author></o:DocumentProperties></xml><![endif]-->"
        "</head><body lang=EN-GB><div class=WordSection1>"
        "<p class=MsoNormal><b><span>Interviewer:</span></b><span>&nbsp;What helps?<o:p></o:p>"
        "</span></p><p class=MsoNormal><b><span>P07:</span></b><span> Peer workers.<o:p></o:p>"
        "</span></p><p class=MsoNormal><o:p>&nbsp;</o:p></p></div></body></html>",
        "utf-8",
    )
    assert _turns(f) == [
        ("Interviewer", "interviewer", "What helps?"),
        ("P07", "participant", "Peer workers."),
    ]


def test_a_speaker_and_words_table_reads_as_turns(tmp_path: Path) -> None:
    f = tmp_path / "p08.html"
    f.write_text(
        "<table><tr><td>Interviewer</td><td>What gets in the way?</td></tr>"
        "<tr><td>P08</td><td>The rota, <em>always</em>.</td></tr>"
        "<tr><td>Interviewer</td><td>And?</td></tr><tr><td>P08</td><td>Money.</td></tr></table>",
        "utf-8",
    )
    assert [(s, w) for s, _, w in _turns(f)] == [
        ("Interviewer", "What gets in the way?"),
        ("P08", "The rota, always."),
        ("Interviewer", "And?"),
        ("P08", "Money."),
    ]


def test_paragraphs_without_labels_are_one_participant_turn_each(tmp_path: Path) -> None:
    f = tmp_path / "p09.html"
    f.write_text("<p>We were short of staff.</p><p>Training helped.</p>", "utf-8")
    with pytest.warns(SpeakerWarning, match="no speaker labels found"):
        turns = _turns(f)
    assert turns == [
        ("P09", "participant", "We were short of staff."),
        ("P09", "participant", "Training helped."),
    ]


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("<p>a</p><p>b</p>", "a\n\nb"),
        ("<div>a<br>b<br/>c</div>", "a\nb\nc"),
        ("<p>  a \n\n  b  </p>", "a b"),
        ("<ul><li>a</li><li>b</li></ul>", "a\n\nb"),
        ("<p>x &lt;y&gt; &#233;</p>", "x <y> é"),
        ("<p>a<script>b</script>c</p><style>d</style>", "ac"),
        ("<p>unclosed <b>bold", "unclosed bold"),
    ],
)
def test_html_text_lays_out_the_page_as_a_browser_does(page: str, text: str) -> None:
    assert html_text(page) == text


def test_an_html_file_that_is_not_text_is_a_one_line_error(tmp_path: Path) -> None:
    f = tmp_path / "p10.html"
    f.write_bytes("<p>caf\xe9</p>".encode("latin-1"))
    with pytest.raises(RoqaError, match=r"p10\.html: is not UTF-8 text"):
        read_transcript(f)


def test_in_a_folder_roqas_report_and_pages_without_labels_are_left_out(tmp_path: Path) -> None:
    from roqa_nlp.errors import RoqaWarning
    from roqa_nlp.transcripts import expand_paths

    (tmp_path / "report.html").write_text(
        '<html><head><meta charset="utf-8"><meta name="generator" content="roqa_nlp"></head>'
        "<body><p>P01: Staffing, mostly.</p></body></html>",
        "utf-8",
    )
    (tmp_path / "information_sheet.htm").write_text(
        "<p>You are invited to take part in a study.</p>", "utf-8"
    )
    (tmp_path / "p11.html").write_text("<p>Interviewer: What helps?</p><p>P11: Time.</p>", "utf-8")
    with pytest.warns(RoqaWarning) as caught:
        files = expand_paths([tmp_path])
    assert files == [tmp_path / "p11.html"]
    assert [str(w.message) for w in caught] == [
        f"{tmp_path}: left out report.html: roqa's own report, not a transcript",
        f"{tmp_path}: left out information_sheet.htm: a web page without speaker labels is not "
        "read from a folder (name the file on its own to read it)",
    ]


def test_a_word_web_page_table_with_paragraphs_in_its_cells_reads_as_turns(
    tmp_path: Path,
) -> None:
    """Word writes a <p> in every cell of a table saved as a web page."""
    cell = "<td><p class=MsoNormal>{}</p></td>"
    rows = [("Interviewer", "What gets in the way?</p><p class=MsoNormal>Anything?"),
            ("P12", "The <b>rota</b>."), ("Interviewer", "And?"), ("P12", "Money.")]  # fmt: skip
    f = tmp_path / "p12.htm"
    f.write_text(
        "<table>"
        + "".join("<tr>" + cell.format(s) + cell.format(w) + "</tr>" for s, w in rows)
        + "</table><p>End of interview</p>",
        "utf-8",
    )
    assert [(s, w) for s, _, w in _turns(f)] == [
        ("Interviewer", "What gets in the way? Anything?"),
        ("P12", "The rota."),
        ("Interviewer", "And?"),
        ("P12", "Money."),
    ]


def test_roqa_s_own_report_named_on_its_own_is_refused_not_coded(tmp_path: Path) -> None:
    """A folder's report.html was already passed over; named on its own it was read as a
    transcript, its table rows as turns (`Interviewer`, `P01`, `Fits no code (p=0.000)`: api
    hunter s62). It is refused in one line, a ValueError, and the CLI exits 2."""
    import contextlib
    import io

    from roqa_nlp.cli import main
    from roqa_nlp.errors import RoqaValueError

    f = tmp_path / "report.html"
    f.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        '<meta name="generator" content="roqa_nlp"><title>roqa_nlp report</title></head>'
        "<body><table><tr><td>P01:</td><td>We had no staff.</td></tr>"
        "<tr><td>Interviewer:</td><td>Why?</td></tr></table></body></html>",
        "utf-8",
    )
    with pytest.raises(
        RoqaValueError, match=r"report\.html: is roqa's own report, not a transcript"
    ):
        read_transcript(f)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as exited:
        main(["inspect", str(f)])
    assert exited.value.code == 2
    assert "is roqa's own report, not a transcript (open it in a browser" in err.getvalue()
    assert "Traceback" not in err.getvalue()
    page = f.read_text("utf-8").replace('<meta name="generator" content="roqa_nlp">', "")
    f.write_text(page, "utf-8")
    assert [u.speaker for u in read_transcript(f).turns] == ["P01", "Interviewer"]


def test_roqa_s_report_re_saved_as_utf16_is_left_out_of_a_folder(tmp_path: Path) -> None:
    """The folder rule read raw bytes for the mark, the reader decoded text: a report re-saved as
    UTF-16 was not left out, then refused, which stopped the whole folder (s62 last hunter)."""
    from roqa_nlp.transcripts import expand_paths

    (tmp_path / "report.html").write_text(
        '<html><head><meta name="generator" content="roqa_nlp"></head><body>'
        "<p>P01: We had no staff.</p></body></html>",
        "utf-16",
    )
    (tmp_path / "p01.txt").write_text("Interviewer: Why?\nP01: We had no staff.\n", "utf-8")
    with pytest.warns(UserWarning, match="roqa's own report, not a transcript"):
        assert [f.name for f in expand_paths([tmp_path])] == ["p01.txt"]
