"""PDF transcripts: the text layer, the page furniture left out, and the errors a PDF can give.

The PDFs are written by ``hostile_files.text_pdf`` (Helvetica text lines, one list per page)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hostile_files import text_pdf
from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.transcripts import expand_paths, read_transcript
from roqa_nlp.transcripts.pdf import pdf_text
from roqa_nlp.transcripts.roles import SpeakerWarning
from roqa_nlp.transcripts.segment import segment
from roqa_nlp.transcripts.text import parse_text

PAGE_1 = [
    "Interview P04 - confidential",
    "Interviewer: What gets in the way of recovery-orientated practice?",
    "P04: Staffing, mostly. We are short of support workers, so people",
    "wait for their one-to-one time.",
    "Page 1 of 3",
]
PAGE_2 = [
    "Interview P04 - confidential",
    "Interviewer: And what helps?",
    "P04: The recovery college training changed how staff see risk.",
    "Page 2 of 3",
]
PAGE_3 = [
    "Interview P04 - confidential",
    "Interviewer: Anything else?",
    "P04: No, that's it",
    "Page 3 of 3",
]


@pytest.fixture(autouse=True)
def _no_text_read_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test reads its PDFs afresh: the text of PDFs read by an earlier test is forgotten
    (a test that makes pypdf fail must not be answered from that memory)."""
    from collections import OrderedDict

    import roqa_nlp.transcripts.pdf as pdf_module

    monkeypatch.setattr(pdf_module, "_EXTRACTED", OrderedDict())


def write_pdf(folder: Path, name: str, pages: list[list[str]]) -> Path:
    path = folder / name
    path.write_bytes(text_pdf(pages))
    return path


def test_a_pdf_is_read_as_plain_text_without_its_running_header_and_page_numbers(
    tmp_path: Path,
) -> None:
    t = read_transcript(write_pdf(tmp_path, "p04_interview.pdf", [PAGE_1, PAGE_2, PAGE_3]))
    assert t.text == "\n".join([*PAGE_1[1:4], *PAGE_2[1:3], *PAGE_3[1:3]])
    assert [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "interviewer", PAGE_1[1].removeprefix("Interviewer: ")),
        ("P04", "participant", PAGE_1[2].removeprefix("P04: ") + "\n" + PAGE_1[3]),
        ("Interviewer", "interviewer", "And what helps?"),
        ("P04", "participant", PAGE_2[2].removeprefix("P04: ")),
        ("Interviewer", "interviewer", "Anything else?"),
        ("P04", "participant", "No, that's it"),
    ]
    assert (t.id, t.participant, t.metadata["format"]) == ("p04_interview", "P04", "pdf")
    for s in segment(t):
        assert t.text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    "furniture",
    ["3", "Page 3", "page 3 of 12", "- 3 -", "3/12", "file:///C:/p04.html 3/12",
     "11/30/26, 8:18 AM", "30.11.2026 08:18", "Interview with P04   Page 3 of 12"],
)  # fmt: skip
def test_page_furniture_at_a_page_edge_is_left_out(furniture: str) -> None:
    talk = ["Interviewer: Why?", "P04: Because the rota is full.", "It always is."]
    assert pdf_text(text_pdf([[furniture, *talk, furniture]]), "x.pdf") == "\n".join(talk)


@pytest.mark.parametrize(
    "line",
    ["We scored it 3/12 at the audit.", "Page 3 of the care plan is the one.", "2021", "it 3/12"],
)
def test_the_same_shapes_within_a_page_are_talk(line: str) -> None:
    talk = ["Interviewer: Why?", "P04: Because.", line, "And more talk.", "The end."]
    assert pdf_text(text_pdf([talk]), "x.pdf") == "\n".join(talk)


HEADER = "Brookfield House – interview RM03 – CONFIDENTIAL"


def test_a_running_header_and_footer_of_a_two_page_pdf_are_left_out(tmp_path: Path) -> None:
    pages = [
        [HEADER, "Page 1 of 2", "Interviewer: Why did staff leave?", "RM03: Partly, I think,",
         "Site B only"],
        [HEADER, "Page 2 of 2", "because they felt undermined.", "Interviewer: Thank you.",
         "Site B only"],
    ]  # fmt: skip
    t = read_transcript(write_pdf(tmp_path, "rm03.pdf", pages))
    assert t.text == "\n".join(
        ["Interviewer: Why did staff leave?", "RM03: Partly, I think,"]
        + ["because they felt undermined.", "Interviewer: Thank you."]
    )
    assert [t.text[u.start : u.end] for u in t.turns if u.role == "participant"] == [
        "Partly, I think,\nbecause they felt undermined."
    ]


@pytest.mark.parametrize(
    "pages",
    [
        # talk on page 1 (below its first label), said again at page 2's top
        [["Interviewer: Why?", "you know", "P04: Yes"], ["P04: Well", "you know", "more"]],
        # at the top of both pages, but at another place on each
        [["Interview P04", "Interviewer: Why?"], ["P04: Because", "Interview P04"]],
        # pages of two lines, each line at both edges (a header of other numbers is one)
        [["Interview P04", "Interviewer: Why?"], ["Interview P05", "P04: Because"]],
        # a speaker turn or a sentence opening or ending both pages
        [["Interviewer: Thank you.", "P04: Fine"], ["Interviewer: Thank you.", "P04: Bye"]],
        [["Interviewer: Why?", "P04: Because", "Yeah."], ["Interviewer: Sure?", "Yeah."]],
        # no speaker label on page 1 below it: its text may be the talk of a file without labels
        [["Interview P04", "We talked."], ["Interview P04", "And more."]],
    ],
)
def test_a_line_on_both_pages_of_two_is_talk_unless_it_is_a_running_line(
    pages: list[list[str]],
) -> None:
    assert pdf_text(text_pdf(pages), "x.pdf") == "\n".join(pages[0] + pages[1])


#: Speaker labels in the reader's looser shapes at the bottom (or the top) of every page: a
#: dash, no space after the colon, ``Q.``/``A.``, a label alone on its line (session 63 hunt
#: h_diar, R1: both "P32 - Yes" answers were dropped as a running footer, and dropping both
#: "PARTICIPANT" lines left a script read as a file without labels).
LABELS_AT_PAGE_EDGES = [
    [["Interviewer - Thanks for making the time today", "Interviewer - Do you run the rota?",
      "P32 - Yes"],
     ["P32 - Every week, it is always short", "Interviewer - And the supervision too?",
      "P32 - Yes"]],
    [["Interviewer:How is it?", "P01:Fine I think", "Interviewer:Right"],
     ["P01:Yes indeed", "more words", "Interviewer:Right"]],
    [["Q. How is it?", "A. Fine I think", "Q. Right"], ["A. yes", "more", "Q. Right"]],
    [["INTERVIEWER", "How is it?", "PARTICIPANT", "Fine"],
     ["INTERVIEWER", "So what?", "PARTICIPANT", "Fine"]],
    [["INTERVIEWER", "What gets in the way?", "PARTICIPANT", "Staffing mostly", "INTERVIEWER",
      "Do you run the rota?", "PARTICIPANT", "Yes"],
     ["We are always short", "INTERVIEWER", "And the supervision?", "PARTICIPANT", "Yes"]],
]  # fmt: skip


@pytest.mark.parametrize("pages", LABELS_AT_PAGE_EDGES)
def test_a_label_the_reader_takes_at_every_page_edge_is_no_running_line(
    pages: list[list[str]],
) -> None:
    assert pdf_text(text_pdf(pages), "x.pdf") == "\n".join(line for p in pages for line in p)


def test_a_header_in_a_labels_shape_at_the_top_of_three_pages_is_left_out() -> None:
    """On 3 pages or more a line at the same edge of every page is a header's, as before, even in
    a label's shape: a hunt of s63 found "P04 - confidential" read as 3 turns of P04 (and "P. 1"
    footers as talk) once labels were kept on every page count; they are kept on 2 pages only."""
    pages = [
        ["P04 - confidential", "Interviewer - Why did staff leave?", "P04 - Pay mostly."],
        ["P04 - confidential", "Interviewer - And then?", "P04 - The rota."],
        ["P04 - confidential", "Interviewer - Thanks.", "P04 - Thank you."],
    ]
    assert pdf_text(text_pdf(pages), "x.pdf") == "\n".join(line for p in pages for line in p[1:])


def test_a_dash_label_answer_ending_both_pages_is_kept_and_coded(tmp_path: Path) -> None:
    t = read_transcript(write_pdf(tmp_path, "p32.pdf", LABELS_AT_PAGE_EDGES[0]))
    assert [t.text[u.start : u.end] for u in t.turns if u.speaker == "P32"] == [
        "Yes", "Every week, it is always short", "Yes"
    ]  # fmt: skip


def test_a_script_whose_pages_end_with_a_label_alone_keeps_its_speakers(tmp_path: Path) -> None:
    t = read_transcript(write_pdf(tmp_path, "p33.pdf", LABELS_AT_PAGE_EDGES[4]))
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("INTERVIEWER", "What gets in the way?"),
        ("PARTICIPANT", "Staffing mostly"),
        ("INTERVIEWER", "Do you run the rota?"),
        ("PARTICIPANT", "Yes\nWe are always short"),
        ("INTERVIEWER", "And the supervision?"),
        ("PARTICIPANT", "Yes"),
    ]


def test_a_wrapped_line_of_talk_ending_both_of_two_pages_is_talk() -> None:
    pages = [
        ["Interviewer: What gets in the way?", "P31: Staffing, and the rota, and the budget",
         "and so on"],
        ["Interviewer: What helps?", "P31: The peer worker, the new care plans", "and so on"],
    ]  # fmt: skip
    assert pdf_text(text_pdf(pages), "x.pdf") == "\n".join(pages[0] + pages[1])


def test_a_two_page_running_header_with_the_page_number_is_left_out(tmp_path: Path) -> None:
    pages = [
        ["Brookfield study, page 1", "Interviewer: Why did staff leave?", "P34: Partly, I think,"],
        ["Brookfield study, page 2", "because they felt undermined.", "Interviewer: Thank you."],
    ]
    t = read_transcript(write_pdf(tmp_path, "p34.pdf", pages))
    assert [t.text[u.start : u.end] for u in t.turns if u.role == "participant"] == [
        "Partly, I think,\nbecause they felt undermined."
    ]


def test_a_running_line_at_the_top_of_some_pages_and_the_bottom_of_others_is_talk() -> None:
    pages = [
        ["Interviewer: Why?", "P04: Because", "right"],
        ["right", "Interviewer: Sure?", "P04: Yes"],
        ["Interviewer: And?", "P04: Done", "right"],
    ]  # "right" at the bottom of two of three pages: a running footer
    assert pdf_text(text_pdf(pages), "x.pdf") == "\n".join(
        ["Interviewer: Why?", "P04: Because", "right", "Interviewer: Sure?", "P04: Yes"]
        + ["Interviewer: And?", "P04: Done"]
    )


def test_a_speaker_label_or_a_sentence_at_every_page_top_is_no_running_header() -> None:
    pages = [
        ["Interviewer  0:0" + str(i), "Next question?", "P04  0:1" + str(i), "Yeah."]
        for i in range(4)
    ]
    assert pdf_text(text_pdf(pages), "x.pdf") == "\n".join("\n".join(p) for p in pages)


def test_a_pdf_without_a_text_layer_is_a_one_line_error(tmp_path: Path) -> None:
    path = write_pdf(tmp_path, "scan.pdf", [[], []])
    with pytest.raises(
        RoqaError, match=r"scan.pdf: holds no text, only images of pages \(a scanned PDF\?\)"
    ):
        read_transcript(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Interviewer: Hi\nP04: Hello\n", "is not a PDF document"),
        (text_pdf([PAGE_1])[:150], "is a damaged PDF that could not be read"),
        (b"%PDF-1.4\n" + b"\x00" * 64, "is a damaged PDF that could not be read"),
    ],
)
def test_what_is_no_readable_pdf_is_a_one_line_error(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "p04.pdf"
    path.write_bytes(data)
    with pytest.raises(RoqaError) as e:
        read_transcript(path)
    assert str(e.value).startswith(f"{path}: {message}")
    assert "\n" not in str(e.value)


def encrypted_pdf(folder: Path, name: str, password: str) -> Path:
    """``PAGE_2`` as a PDF encrypted with RC4 (pypdf writes it without other packages)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(text_pdf([PAGE_2]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    path = folder / name
    path.write_bytes(buf.getvalue())
    return path


def test_a_password_protected_pdf_is_a_one_line_error_and_an_empty_password_is_none(
    tmp_path: Path,
) -> None:
    with pytest.raises(RoqaError, match="p04.pdf: is password-protected"):
        read_transcript(encrypted_pdf(tmp_path, "p04.pdf", "secret"))
    opened = read_transcript(encrypted_pdf(tmp_path, "p05.pdf", ""))
    assert [u.speaker for u in opened.turns] == ["Interviewer", "P04"]


def test_a_folder_leaves_out_a_pdf_without_speaker_labels(tmp_path: Path) -> None:
    write_pdf(tmp_path, "p04_interview.pdf", [PAGE_1, PAGE_2])
    consent = write_pdf(
        tmp_path, "consent.pdf", [["Consent form", "I agree to take part in the study."]]
    )
    with pytest.warns(RoqaWarning, match="left out consent.pdf: a PDF without speaker labels"):
        assert [f.name for f in expand_paths([tmp_path])] == ["p04_interview.pdf"]
    with pytest.warns(SpeakerWarning, match="consent.pdf: no speaker labels found"):
        named = read_transcript(consent)  # named on its own, it is read as one person's talk
    assert [u.role for u in named.turns] == ["participant"]


def test_a_folders_pdfs_are_extracted_once_and_an_edited_one_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder's PDFs are read to leave out consent forms, then read again to be coded: their
    text is extracted once, and again only when the file's bytes change."""
    import roqa_nlp.transcripts.pdf as pdf_module

    calls: list[str] = []
    real = pdf_module.pdf_text
    monkeypatch.setattr(
        pdf_module, "pdf_text", lambda data, path: calls.append(Path(path).name) or real(data, path)
    )
    f = write_pdf(tmp_path, "p04_interview.pdf", [PAGE_1, PAGE_2])
    files = expand_paths([tmp_path])
    first = read_transcript(files[0])
    assert calls == ["p04_interview.pdf"]
    write_pdf(tmp_path, "p04_interview.pdf", [PAGE_1])  # edited: one page fewer
    assert read_transcript(f).text != first.text
    assert calls == ["p04_interview.pdf"] * 2


def test_a_pdf_whose_encryption_needs_another_package_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    def needs_cryptography(self: PdfReader, password: str) -> None:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    path = encrypted_pdf(tmp_path, "p04.pdf", "")
    monkeypatch.setattr(PdfReader, "decrypt", needs_cryptography)  # as for an AES-encrypted file
    with pytest.raises(RoqaError) as e:
        read_transcript(path)
    assert str(e.value) == (
        f"{path}: is encrypted in a way that needs the cryptography package to read (save a copy "
        "without protection (print it to PDF), or pip install cryptography)"
    )


# a word starts with a letter: a line of a bare number at a page's edge is its page number
WORD = st.builds(
    str.__add__,
    st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJé"),
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789'-,.?!é/"), max_size=9),
)
LINE = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
TURN = st.tuples(
    st.sampled_from(["Interviewer", "P04", "Participant 2"]), st.lists(LINE, min_size=1, max_size=3)
)


def _letters(k: int) -> str:
    return "w" + "".join(chr(ord("a") + int(d)) for d in str(k))


@settings(max_examples=60, deadline=None)
@given(turns=st.lists(TURN, min_size=1, max_size=8), per_page=st.integers(min_value=3, max_value=9))
def test_every_turn_of_a_random_pdf_is_its_words_and_segments_slice_the_text(
    turns: list[tuple[str, list[str]]], per_page: int
) -> None:
    turns = [t for i, t in enumerate(turns) if i == 0 or t[0] != turns[i - 1][0]]
    # each line its own, in letters (numbers aside, a line said at the top of half the pages
    # would be a running header)
    n = iter(range(1000))
    turns = [(sp, [f"{line} {_letters(next(n))}" for line in words]) for sp, words in turns]
    lines = [
        f"{sp}: {words[0]}" if i == 0 else words[i]
        for sp, words in turns
        for i in range(len(words))
    ]
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    text = pdf_text(text_pdf(pages), "p04.pdf")
    assert text == "\n".join(lines)
    t = parse_text(text, "p04.pdf")
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        (sp, "\n".join(words)) for sp, words in turns
    ]
    for s in segment(t, "sentence", skip_interviewer=False, skip_backchannels=False):
        assert t.text[s.start : s.end] == s.text


def test_a_pdf_whose_page_decompresses_past_the_limit_is_refused(tmp_path: Path) -> None:
    import zlib

    shown = b"BT /F1 11 Tf 72 770 Td (P04: hi) Tj ET"
    stream = zlib.compress(shown + b" " * 80_000_000, 9)  # 80 MB of page content in 78 kB
    pdf = text_pdf([["P04: hi"]])
    plain = b"<< /Length %d >>\nstream\n" % len(b"BT /F1 11 Tf 14 TL 72 770 Td (P04: hi) Tj T* ET")
    start = pdf.index(plain)
    end = pdf.index(b"endstream", start) + len(b"endstream")
    bomb = (
        pdf[:start]
        + b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
        + stream
        + b"\nendstream"
        + pdf[end:]
    )  # the cross-reference offsets are wrong now: pypdf finds the objects again, as it must
    path = tmp_path / "p04.pdf"
    path.write_bytes(bomb)
    with pytest.raises(RoqaError, match="p04.pdf: expands past the safe limit when its pages are"):
        read_transcript(path)


def test_a_subfolder_of_pdfs_is_not_taken_for_one_of_transcripts(tmp_path: Path) -> None:
    from roqa_nlp.transcripts import skipped_folders

    for name in ("literature", "interviews"):
        (tmp_path / name).mkdir()
    write_pdf(tmp_path / "literature", "smith_2020.pdf", [["Abstract", "We studied it."]])
    (tmp_path / "interviews" / "p01.txt").write_text("P01: words", encoding="utf-8")
    assert skipped_folders(tmp_path) == [tmp_path / "interviews"]
