"""Screen verdicts (roqa_nlp.exchange.screen_verdicts): a .docx whose bytes passed the safety
screen is not screened again where a reading cache is in use; new bytes are always screened, and
a refused file is refused every time."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile_files import LAUGHS_DTD, document_xml, docx_bytes, docx_paragraph
from roqa_nlp.errors import RoqaError
from roqa_nlp.exchange import refiqda
from roqa_nlp.exchange import screen_verdicts as sv
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_files
from roqa_nlp.transcripts.reading_cache import CACHE_FILE, open_reading_cache

LABELS = ["Interviewer"]
BODY = docx_paragraph("What helped?", "Interviewer:", True) + docx_paragraph(
    "Protected time for training.", "P01:", True
)
OTHER_BODY = BODY + docx_paragraph("And the rota.", "P01:", True)


@pytest.fixture
def parsed_parts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The labels of the XML parts the safety screen parsed, in order."""
    parse = refiqda.parse_xml
    labels: list[str] = []

    def counting(data: bytes, *, label: object, **kwargs: object) -> object:
        labels.append(str(label))
        return parse(data, label=label, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(refiqda, "parse_xml", counting)
    return labels


def test_unchanged_bytes_are_screened_once_with_a_cache(
    tmp_path: Path, parsed_parts: list[str]
) -> None:
    path = tmp_path / "p01.docx"
    path.write_bytes(docx_bytes(BODY))
    cache = open_reading_cache(tmp_path / "cache")
    first = read_files([path], LABELS, whole_study=False, cache=cache)
    screened = len(parsed_parts)
    assert screened == 16  # every XML part of the template: [Content_Types], rels, styles...
    second = read_files([path], LABELS, whole_study=False, cache=cache)
    assert len(parsed_parts) == screened
    assert second == first  # read again (python-docx), the same transcript


def test_without_a_cache_every_reading_is_screened(tmp_path: Path, parsed_parts: list[str]) -> None:
    path = tmp_path / "p01.docx"
    path.write_bytes(docx_bytes(BODY))
    read_files([path], LABELS, whole_study=False)
    read_files([path], LABELS, whole_study=False)
    assert len(parsed_parts) == 32


def test_changed_bytes_are_screened_again(tmp_path: Path, parsed_parts: list[str]) -> None:
    path = tmp_path / "p01.docx"
    path.write_bytes(docx_bytes(BODY))
    cache = open_reading_cache(tmp_path / "cache")
    read_files([path], LABELS, whole_study=False, cache=cache)
    path.write_bytes(docx_bytes(OTHER_BODY))
    read_files([path], LABELS, whole_study=False, cache=cache)
    assert len(parsed_parts) == 32


def test_a_hostile_file_in_place_of_a_screened_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p01.docx"
    path.write_bytes(docx_bytes(BODY))
    cache = open_reading_cache(tmp_path / "cache")
    read_files([path], LABELS, whole_study=False, cache=cache)
    hostile = docx_bytes(document_xml(BODY, LAUGHS_DTD))
    path.write_bytes(hostile)
    for _ in range(2):  # a refusal is not recorded: refused every time
        with pytest.raises(RoqaError, match="DTDs and entities are not allowed"):
            read_files([path], LABELS, whole_study=False, cache=cache)


def test_a_recorded_value_other_than_a_pass_is_screened_again(
    tmp_path: Path, parsed_parts: list[str]
) -> None:
    data = docx_bytes(BODY)
    path = tmp_path / "p01.docx"
    path.write_bytes(data)
    cache = open_reading_cache(tmp_path / "cache")
    assert cache is not None
    for value in ({"screened": 1}, {"screened": True, "by": "x"}, True, [True]):
        cache.put(sv.verdict_key(data), value)
        read_files([path], LABELS, whole_study=False, cache=cache)
    assert len(parsed_parts) == 64
    assert cache.get(sv.verdict_key(data)) == {"screened": True}


def test_a_deleted_or_corrupt_cache_only_costs_a_screen(
    tmp_path: Path, parsed_parts: list[str]
) -> None:
    path = tmp_path / "p01.docx"
    path.write_bytes(docx_bytes(BODY))
    folder = tmp_path / "cache"

    def read() -> list[Transcript]:
        cache = open_reading_cache(folder)
        try:
            return read_files([path], LABELS, whole_study=False, cache=cache)
        finally:
            if cache is not None:
                cache.close()

    first = read()
    (folder / CACHE_FILE).unlink()
    assert read() == first
    for log in folder.glob(CACHE_FILE + "-*"):  # its write-ahead log
        log.unlink()
    (folder / CACHE_FILE).write_bytes(b"not a database" * 100)
    assert read() == first
    assert len(parsed_parts) == 48


def test_the_key_is_the_bytes_and_the_screen() -> None:
    a, b = docx_bytes(BODY), docx_bytes(OTHER_BODY)
    assert sv.verdict_key(a) == sv.verdict_key(bytes(a))
    assert sv.verdict_key(a) != sv.verdict_key(b)
    assert len(sv.verdict_key(a)) == 64
