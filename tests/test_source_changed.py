"""A transcript edited after it was coded is said by the commands that chart or export the codings.

Tester s46 (interrupt, 5): tr6/p01_interview.txt was coded, then 7 words of it edited; `roqa report`
and `roqa export` said nothing and charted the coding of the old text. ``roqa code`` now records
the SHA-256 of each source file it reads (``metadata["source_sha256"]`` in transcripts.jsonl), and
`roqa report`, `export` and `agree` warn once, in one line, of a source still at its recorded path
whose bytes are no longer those coded. A source gone says nothing: the codings hold the text."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn
from roqa_nlp.source_fingerprints import (
    SOURCE_SHA256,
    changed_sources,
    source_record,
)
from test_cli_agree import run

WORDS = "We never have the staff. Our manager backs us though."


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _coded(folder: Path, sources: dict[str, str], *, fingerprint: bool = True) -> Path:
    """Codings of one segment per transcript read from each file ``sources`` names (relative to
    the current folder, as roqa code records them), with each file's SHA-256 as it is now."""
    segments, transcripts = [], {}
    for tid, source in sources.items():
        text = f"{tid.upper()}: {WORDS}"
        meta = source_record(source, _sha(Path(source).read_bytes())) if fingerprint else {}
        transcripts[tid] = Transcript(
            id=tid,
            text=text,
            turns=[Turn(tid.upper(), "participant", len(tid) + 2, len(text))],
            source=source,
            participant=tid.upper(),
            metadata=meta,
        )
        suggestion = Suggestion("IS.E.2", "Available Resources", "IS", 0.9, "barrier")
        segments.append(
            SegmentResult(
                segment=Segment(
                    f"{tid}:0001", tid, tid.upper(), "participant", len(tid) + 2, len(text), WORDS
                ),
                suggestions=[suggestion],
            )
        )
    CodingResult(segments=segments, transcripts=transcripts, meta={"codebook": "cfir-2009"}).save(
        folder
    )
    return folder


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """interviews/p01.txt ... p06.txt, coded into coded/ (and coded2/) from inside the study
    folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "interviews").mkdir()
    for i in range(1, 7):
        (tmp_path / "interviews" / f"p0{i}.txt").write_text(f"P0{i}: {WORDS}\n", "utf-8")
    coded = _coded(Path("coded"), {f"p0{i}": f"interviews/p0{i}.txt" for i in range(1, 7)})
    shutil.copytree(coded, "coded2")  # a second coder's copy, of the same files
    return coded


def _edit(name: str) -> None:
    p = Path("interviews") / name
    p.write_text(p.read_text("utf-8").replace("staff", "STAFFX"), "utf-8")


def _warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("roqa: warning:")]


ONE_CHANGED = (
    "roqa: warning: interviews/p01.txt changed since it was coded: its codings are of the text "
    "it had then; code it again (roqa code) to chart the text it has now"
)


def test_coding_a_file_records_the_sha256_of_its_bytes(
    tiny_model: AutoCoder, tmp_path: Path
) -> None:
    f = tmp_path / "p01.txt"
    f.write_text("Interviewer: What helps?\n\nP01: " + WORDS + "\n", "utf-8")
    result = tiny_model.code([f])
    result.save(tmp_path / "coded")
    line = json.loads((tmp_path / "coded" / "transcripts.jsonl").read_text("utf-8"))
    assert (result.transcripts["p01"].metadata[SOURCE_SHA256], line["metadata"][SOURCE_SHA256]) == (
        _sha(f.read_bytes()),
        _sha(f.read_bytes()),
    )


def test_a_transcript_given_as_an_object_records_no_fingerprint(tiny_model: AutoCoder) -> None:
    t = Transcript.from_turns("p01", [("P01", "participant", WORDS)], participant="P01")
    assert SOURCE_SHA256 not in tiny_model.code([t]).transcripts["p01"].metadata


def test_a_pseudonymised_coding_records_no_fingerprint_and_outputs_md_says_why(
    tiny_model: AutoCoder, tmp_path: Path
) -> None:
    """transcripts.jsonl had no source_sha256 with --pseudonymise, while docs/outputs.md said
    it was there (tester s51 privacy, 12): the raw file's hash would let anyone holding a file
    tell that it is the one coded, so it is not recorded, and the page says so."""
    from roqa_nlp.pseudonyms import PseudonymKey

    f = tmp_path / "p01_maria_okafor.txt"
    f.write_text("Interviewer: What helps?\n\nMaria Okafor: " + WORDS + "\n", "utf-8")
    (t,) = tiny_model.code([f], pseudonyms=PseudonymKey()).transcripts.values()
    assert (t.id, SOURCE_SHA256 in t.metadata) == ("p01_P01", False)
    page = (Path(__file__).resolve().parents[1] / "docs" / "outputs.md").read_text("utf-8")
    section = page.split("## `transcripts.jsonl`")[1].split("\n## ")[0]
    assert (
        "With `--pseudonymise` there is no `source_sha256` and no `source_folder_sha256`: the "
        "source it names is no file" in " ".join(section.split())
    )


@pytest.mark.parametrize(
    "command",
    [["report", "coded"], ["export", "coded", "--qdpx", "out.qdpx"], ["agree", "coded", "coded2"]],
    ids=lambda c: c[0],
)
def test_a_source_edited_since_coding_is_warned_of_once(study: Path, command, capsys) -> None:
    _edit("p01.txt")
    code, _, err = run(command, capsys)
    assert (code, _warnings(err)) == (0, [ONE_CHANGED])


@pytest.mark.parametrize(
    "command",
    [["report", "coded"], ["export", "coded", "--qdpx", "out.qdpx"], ["agree", "coded", "coded2"]],
    ids=lambda c: c[0],
)
def test_sources_unchanged_or_gone_say_nothing(study: Path, command, capsys) -> None:
    Path("interviews/p02.txt").unlink()  # moved away: the codings hold the text
    code, _, err = run(command, capsys)
    assert (code, _warnings(err)) == (0, [])


def test_a_relative_source_is_checked_only_from_the_folder_it_was_coded_in(
    study: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """Review, session 46: from another study's folder holding its own interviews/p01.txt, the
    report of these codings warned that interviews/p01.txt had changed since it was coded (a
    false alarm: that is another file). A relative source names the file coded only from the
    folder roqa code ran in, never from another folder's same relative path; an absolute one is
    checked from anywhere."""
    other = tmp_path / "other"
    (other / "interviews").mkdir(parents=True)
    (other / "interviews" / "p01.txt").write_text("P01: Another study's words.\n", "utf-8")
    monkeypatch.chdir(other)
    code, _, err = run(["report", str(tmp_path / "coded")], capsys)
    assert (code, _warnings(err)) == (0, [])
    monkeypatch.chdir(tmp_path)
    _edit("p01.txt")
    code, _, err = run(["report", "coded"], capsys)
    assert (code, _warnings(err)) == (0, [ONE_CHANGED])
    absolute = _coded(tmp_path / "abs", {"p01": str(tmp_path / "interviews" / "p01.txt")})
    assert (
        "source_folder_sha256"
        not in json.loads((absolute / "transcripts.jsonl").read_text("utf-8"))["metadata"]
    )
    with open(tmp_path / "interviews" / "p01.txt", "a", encoding="utf-8") as fh:
        fh.write("P01: One more answer.\n")  # edited again, after this coding
    monkeypatch.chdir(other)
    assert changed_sources([absolute / "codings.jsonl"]) == [str(tmp_path / "interviews/p01.txt")]


def test_a_relative_source_is_checked_from_outside_the_folder_it_was_coded_in(
    study: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """Daily, session 57: `roqa report` of the codings run from another folder than `roqa code`
    (cd /tmp && roqa report s57_daily/study) said nothing of a transcript edited since. The folder
    code ran in is found above the codings' folder, and the file is named from here."""
    _edit("p01.txt")
    monkeypatch.chdir(tmp_path.parent)
    code, _, err = run(["report", f"{tmp_path.name}/coded"], capsys)
    assert (code, _warnings(err)) == (
        0,
        [
            f"roqa: warning: {tmp_path.name}/interviews/p01.txt changed since it was coded: its "
            "codings are of the text it had then; code it again (roqa code) to chart the text it "
            "has now"
        ],
    )
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")  # the file is not inside it: named in full
    assert changed_sources([tmp_path / "coded" / "codings.jsonl"]) == [
        str(tmp_path / "interviews" / "p01.txt")
    ]


@pytest.mark.parametrize("where", ["inside the copy", "above the copy", "out folder only"])
def test_codings_copied_out_of_the_folder_roqa_code_ran_in_say_nothing(
    study: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
    where: str,
) -> None:
    """Regression hunt, session 57: a study copied (cp -r) or its codings folder shared, then
    reported there, warned on every run that 'could not check whether 6 transcript files
    changed ... run this command from that folder to check', a folder that may not be on this
    machine (before, and by the module's rule for a source not found, it said nothing). Their
    relative sources are not checked, and say nothing."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    if where == "out folder only":
        shutil.copytree("coded", elsewhere / "coded")
        monkeypatch.chdir(elsewhere)
        command = ["report", "coded"]
    else:
        shutil.copytree(Path.cwd(), elsewhere / "study")
        monkeypatch.chdir(elsewhere / "study" if where == "inside the copy" else elsewhere)
        command = ["report", "coded" if where == "inside the copy" else "study/coded"]
    code, _, err = run(command, capsys)
    assert (code, _warnings(err)) == (0, [])


def test_codings_copied_elsewhere_are_not_checked_and_those_in_place_are(
    study: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    moved = tmp_path_factory.mktemp("moved") / "coded"
    shutil.copytree("coded", moved)
    _edit("p01.txt")
    study_folder = Path.cwd()
    monkeypatch.chdir(moved.parent)
    assert changed_sources([moved / "codings.jsonl", study_folder / "coded/codings.jsonl"]) == [
        str(study_folder / "interviews/p01.txt")  # the codings in place: checked
    ]


def test_a_study_reached_through_a_symbolic_link_is_checked(
    study: Path,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
) -> None:
    """Regression hunt, session 57: coded in orig/, reported as link/coded (link -> orig, as
    /tmp -> /private/tmp on macOS or a cloud drive's folder), an edited transcript was not
    found: the folder code ran in is recorded with its links resolved, the path given was not."""
    links = tmp_path_factory.mktemp("links")
    (links / "study").symlink_to(tmp_path, target_is_directory=True)
    _edit("p01.txt")
    monkeypatch.chdir(links)
    code, _, err = run(["report", "study/coded"], capsys)
    assert (code, _warnings(err)) == (
        0,
        [
            "roqa: warning: study/interviews/p01.txt changed since it was coded: its codings are "
            "of the text it had then; code it again (roqa code) to chart the text it has now"
        ],
    )
    monkeypatch.chdir(tmp_path_factory.mktemp("other"))
    assert changed_sources([links / "study" / "coded" / "codings.jsonl"]) == [
        str(links / "study" / "interviews" / "p01.txt")
    ]


def test_several_changed_sources_are_one_line_naming_the_first_few(study: Path, capsys) -> None:
    for i in range(1, 7):
        _edit(f"p0{i}.txt")
    code, _, err = run(["report", "coded"], capsys)
    assert (code, _warnings(err)) == (
        0,
        [
            "roqa: warning: 6 transcript files changed since they were coded (interviews/p01.txt,"
            " interviews/p02.txt, interviews/p03.txt, interviews/p04.txt ...): their codings are "
            "of the text they had then; code them again (roqa code) to chart the text they have "
            "now"
        ],
    )


def test_codings_written_before_fingerprints_were_recorded_read_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p01.txt").write_text("P01: " + WORDS, "utf-8")
    _coded(Path("old"), {"p01": "p01.txt"}, fingerprint=False)
    Path("p01.txt").write_text("P01: something else entirely", "utf-8")
    code, _, err = run(["report", "old"], capsys)
    assert (code, _warnings(err)) == (0, [])


def test_changed_sources_hashes_only_the_files_still_there(study: Path) -> None:
    _edit("p03.txt")
    Path("interviews/p05.txt").unlink()
    assert changed_sources([Path("coded/codings.jsonl")]) == ["interviews/p03.txt"]


def test_one_source_in_two_codings_is_named_once(study: Path) -> None:
    _coded(Path("again"), {"p01": "interviews/p01.txt"})
    _edit("p01.txt")
    assert changed_sources([Path("coded/codings.jsonl"), Path("again/codings.jsonl")]) == [
        "interviews/p01.txt"
    ]


def _coded_as_read(folder: Path, source: str) -> None:
    """Codings of ``source`` (relative to the current folder) as roqa code records them: the
    transcript read from the file, with the SHA-256 of its bytes now."""
    from roqa_nlp.transcripts import read_transcript

    t = read_transcript(source, interviewer_labels=["Sam Roe"])
    meta = {**t.metadata, **source_record(source, _sha(Path(source).read_bytes()))}
    t = Transcript(t.id, t.text, t.turns, source, t.participant, meta)
    turn = next(u for u in t.turns if u.role == "participant")
    segment = Segment(f"{t.id}:0001", t.id, t.participant, "participant", turn.start, turn.end,
                      t.text[turn.start : turn.end])  # fmt: skip
    suggestion = Suggestion("IS.E.2", "Available Resources", "IS", 0.9, "barrier")
    CodingResult(
        segments=[SegmentResult(segment=segment, suggestions=[suggestion])],
        transcripts={t.id: t},
        meta={"codebook": "cfir-2009"},
    ).save(folder)


def _docx(path: Path, answer: str) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Sam Roe: What gets in the way?")
    d.add_paragraph(f"Helen Okafor: {answer}")
    d.save(str(path))


def _resave_docx(path: Path, old: str = "", new: str = "") -> None:
    """Open the document and save it again, as Word does: its properties change (so the zip's
    bytes), and its words only where ``old`` is replaced by ``new``."""
    import docx

    d = docx.Document(str(path))
    d.core_properties.revision = d.core_properties.revision + 1
    d.core_properties.last_modified_by = "Someone Else"
    if old:
        for p in d.paragraphs:
            for r in p.runs:
                r.text = r.text.replace(old, new)
    d.save(str(path))


def test_a_docx_saved_again_with_the_same_words_is_not_said_to_have_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """daily17 tester, session 86, D5: re-saving the .docx with identical text (its zip's bytes
    changed) made roqa report say it changed since it was coded; re-coding it gives the same
    codings. The file is read again when its bytes differ, and said only if what it reads as
    does (its text and turns)."""
    monkeypatch.chdir(tmp_path)
    Path("study").mkdir()
    _docx(Path("study/rm03.docx"), WORDS)
    _coded_as_read(Path("coded"), "study/rm03.docx")
    before = Path("study/rm03.docx").read_bytes()
    _resave_docx(Path("study/rm03.docx"))
    assert Path("study/rm03.docx").read_bytes() != before
    assert changed_sources([Path("coded/codings.jsonl")]) == []
    code, _, err = run(["report", "coded"], capsys)
    assert (code, _warnings(err)) == (0, [])


def test_a_docx_saved_again_with_a_word_changed_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("study").mkdir()
    _docx(Path("study/rm03.docx"), WORDS)
    _coded_as_read(Path("coded"), "study/rm03.docx")
    _resave_docx(Path("study/rm03.docx"), "staff", "stuff")
    code, _, err = run(["report", "coded"], capsys)
    assert (code, _warnings(err)) == (
        0,
        [
            "roqa: warning: study/rm03.docx changed since it was coded: its codings are of the "
            "text it had then; code it again (roqa code) to chart the text it has now"
        ],
    )


@pytest.mark.parametrize(
    ("now", "said"),
    [
        ("Sam Roe: What gets in the way?\r\n\r\nHelen Okafor: " + WORDS + "\r\n", False),
        ("\ufeffSam Roe: What gets in the way?\n\nHelen Okafor: " + WORDS + "\n", False),
        ("Sam Roe: What gets in the way?\n\nHelen Okafor: " + WORDS + " Always.\n", True),
        ("Sam Roe: What gets in the way?\n\nHelen Okafor: " + WORDS + "\n\nSam Roe: Ta.\n", True),
        ("Sam Roe: What gets in the way?\n\nHelena Okafor: " + WORDS + "\n", True),
    ],
)
def test_a_text_file_is_said_only_when_its_reading_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, now: str, said: bool
) -> None:
    """Saved again with Windows line ends or a byte order mark, a .txt reads as it did: not
    said; a word, a turn or a speaker's label changed is."""
    monkeypatch.chdir(tmp_path)
    Path("study").mkdir()
    f = Path("study/p03.txt")
    f.write_text("Sam Roe: What gets in the way?\n\nHelen Okafor: " + WORDS + "\n", "utf-8")
    _coded_as_read(Path("coded"), str(f))
    f.write_bytes(now.encode("utf-8"))
    assert changed_sources([Path("coded/codings.jsonl")]) == (["study/p03.txt"] if said else [])


def test_a_file_that_no_longer_reads_is_said_to_have_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("study").mkdir()
    _docx(Path("study/rm03.docx"), WORDS)
    _coded_as_read(Path("coded"), "study/rm03.docx")
    Path("study/rm03.docx").write_bytes(b"not a zip at all")
    assert changed_sources([Path("coded/codings.jsonl")]) == ["study/rm03.docx"]
