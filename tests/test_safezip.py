"""Specification of SafeZip: which archives are refused before any member is read."""

from __future__ import annotations

import io
import stat
import struct
import warnings
import zipfile
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.exchange.safezip import DEFAULT_LIMITS, MEDIA_SUFFIXES, SafeZip, ZipLimits


def make_zip(members: list[tuple[str, bytes]], *, symlink: str | None = None) -> bytes:
    """A deflated zip of ``members``; ``symlink`` names a member stored as a symbolic link."""
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members:
                info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3
                info.external_attr = (
                    (stat.S_IFLNK | 0o777) << 16
                    if name == symlink
                    else (stat.S_IFREG | 0o644) << 16
                )
                zf.writestr(info, data)
    return buf.getvalue()


def patch_central_directory(data: bytes, *, field: str, value: int) -> bytes:
    """Overwrite one field of the first central-directory entry (to forge sizes or flags)."""
    offsets = {"version_needed": (6, "<H"), "flags": (8, "<H"), "uncompressed_size": (24, "<I")}
    i = data.index(b"PK\x01\x02")
    off, fmt = offsets[field]
    return data[: i + off] + struct.pack(fmt, value) + data[i + off + struct.calcsize(fmt) :]


def test_reads_a_member_into_memory() -> None:
    with SafeZip(make_zip([("project.qde", b"<Project/>")])) as z:
        assert z.read("project.qde") == b"<Project/>"


def test_finds_a_member_whatever_the_case_of_its_folder() -> None:
    with SafeZip(make_zip([("Sources/a.txt", b"x")])) as z:
        assert z.find("sources/a.txt") == "Sources/a.txt"


def test_finds_nothing_for_an_absent_member() -> None:
    with SafeZip(make_zip([("sources/a.txt", b"x")])) as z:
        assert z.find("sources/b.txt") is None


def test_lists_members_without_directories() -> None:
    with SafeZip(make_zip([("sources/", b""), ("sources/a.txt", b"x")])) as z:
        assert z.names == ["sources/a.txt"]


@pytest.mark.parametrize("name", ["../x.txt", "sources/../../x.txt", "..\\x.txt"])
def test_refuses_a_member_that_climbs_out_with_dotdot(name: str) -> None:
    with pytest.raises(RoqaError, match=r"unsafe archive: member .* contains '\.\.'"):
        SafeZip(make_zip([(name, b"x")]))


@pytest.mark.parametrize("name", ["/etc/x.txt", "C:/x.txt", "\\x.txt"])
def test_refuses_a_member_with_an_absolute_path(name: str) -> None:
    with pytest.raises(RoqaError, match="is an absolute path"):
        SafeZip(make_zip([(name, b"x")]))


def test_refuses_a_symbolic_link_member() -> None:
    data = make_zip([("sources/a.txt", b"/etc/passwd")], symlink="sources/a.txt")
    with pytest.raises(RoqaError, match="is a symbolic link"):
        SafeZip(data)


def test_refuses_more_members_than_the_default_limit() -> None:
    members = [(f"m{i}", b"") for i in range(DEFAULT_LIMITS.max_members + 1)]
    with pytest.raises(RoqaError, match="10001 members, above the limit of 10000"):
        SafeZip(make_zip(members))


def test_accepts_exactly_the_member_limit() -> None:
    with SafeZip(make_zip([("a", b""), ("b", b"")]), limits=ZipLimits(max_members=2)) as z:
        assert len(z.names) == 2


def test_refuses_a_zip_bomb_by_compression_ratio() -> None:
    data = make_zip([("project.qde", b"\0" * (2 * 1024 * 1024))])
    with pytest.raises(RoqaError, match=r"compression ratio of \d+:1, above 100:1"):
        SafeZip(data)


def test_refuses_members_declaring_more_than_the_total_size_limit() -> None:
    forged = patch_central_directory(
        make_zip([("project.qde", b"<Project/>")]), field="uncompressed_size", value=600 * 2**20
    )
    with pytest.raises(RoqaError, match="more than 524288000 bytes in total"):
        SafeZip(forged)


def test_refuses_members_adding_up_beyond_the_total_size_limit() -> None:
    members = [(f"sources/{i}.txt", bytes(range(256)) * 16) for i in range(3)]  # 4 KiB each
    with pytest.raises(RoqaError, match="more than 10000 bytes in total"):
        SafeZip(make_zip(members), limits=ZipLimits(max_total_bytes=10_000))


def test_refuses_a_member_that_expands_beyond_its_declared_size() -> None:
    forged = patch_central_directory(
        make_zip([("project.qde", b"<Project>" + b"x" * 5000 + b"</Project>")]),
        field="uncompressed_size",
        value=10,
    )
    with SafeZip(forged) as z, pytest.raises(RoqaError, match="project.qde"):
        z.read("project.qde")


def test_refuses_an_encrypted_member() -> None:
    forged = patch_central_directory(make_zip([("project.qde", b"x")]), field="flags", value=1)
    with pytest.raises(RoqaError, match="is encrypted"):
        SafeZip(forged)


def test_refuses_a_member_that_appears_twice() -> None:
    with pytest.raises(RoqaError, match="appears twice"):
        SafeZip(make_zip([("project.qde", b"a"), ("project.qde", b"b")]))


def test_refuses_a_file_that_is_not_a_zip(tmp_path: Path) -> None:
    p = tmp_path / "x.qdpx"
    p.write_text("<Project/>")
    with pytest.raises(RoqaError, match=r"x\.qdpx: is not a zip archive"):
        SafeZip(p)


def test_a_zip_version_zipfile_cannot_read_is_a_damaged_zip_archive() -> None:
    # a damaged header can claim "version 16.2 needed": zipfile raises NotImplementedError
    forged = patch_central_directory(
        make_zip([("project.qde", b"x")]), field="version_needed", value=162
    )
    with pytest.raises(RoqaError, match=r"archive: is an incomplete or damaged zip archive"):
        SafeZip(forged)


def test_a_zip_cut_short_is_an_incomplete_archive() -> None:
    whole = make_zip([("project.qde", bytes(range(256)) * 16)])
    with pytest.raises(RoqaError) as err:
        SafeZip(whole[: len(whole) // 2])
    assert str(err.value) == (
        "archive: is an incomplete or damaged zip archive (a download or copy cut short?) "
        "(copy or download it again, or export the project again from your QDA program)"
    )


def test_an_office_file_that_is_no_zip_says_so_in_office_terms(tmp_path: Path) -> None:
    from roqa_nlp.exchange.safezip import screen_office_file

    with pytest.raises(RoqaError) as err:
        screen_office_file(b"PK\x03\x04 not really", "gold.xlsx", app="Excel")
    assert str(err.value) == (
        "gold.xlsx: is not a readable Office file (open it and save it again, or save it as .csv)"
    )


def test_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RoqaError, match="file not found"):
        SafeZip(tmp_path / "missing.qdpx")


def test_error_is_one_line_naming_the_archive(tmp_path: Path) -> None:
    p = tmp_path / "evil.qdpx"
    p.write_bytes(make_zip([("../x", b"x")]))
    with pytest.raises(RoqaError) as err:
        SafeZip(p)
    assert str(err.value).startswith(f"{p}: unsafe archive:")
    assert "\n" not in str(err.value)


AUDIO = bytes(range(256)) * 40  # 10 KiB that do not compress


def test_members_never_read_do_not_count_towards_the_total_size() -> None:
    """A project's recordings (hundreds of MB) are not read: they cannot exhaust the budget."""
    data = make_zip([("project.qde", b"<Project/>"), ("sources/a.m4a", AUDIO)])
    limits = ZipLimits(max_total_bytes=1000)
    with SafeZip(data, limits=limits, unread=MEDIA_SUFFIXES) as z:
        assert z.read("project.qde") == b"<Project/>"


def test_a_member_never_meant_to_be_read_is_still_bounded_when_read() -> None:
    data = make_zip([("project.qde", b"<Project/>"), ("sources/a.m4a", AUDIO)])
    limits = ZipLimits(max_total_bytes=1000)
    with (
        SafeZip(data, limits=limits, unread=MEDIA_SUFFIXES) as z,
        pytest.raises(RoqaError, match="'sources/a.m4a' expands beyond its declared size or"),
    ):
        z.read("sources/a.m4a")


def test_members_that_are_read_still_add_up_to_the_total_size_limit() -> None:
    data = make_zip([("project.qde", b"<Project/>"), ("sources/a.txt", AUDIO)])
    with pytest.raises(RoqaError, match="more than 1000 bytes in total"):
        SafeZip(data, limits=ZipLimits(max_total_bytes=1000), unread=MEDIA_SUFFIXES)


def test_media_suffixes_are_recordings_pictures_and_pdfs() -> None:
    assert {"m4a", "mp3", "wav", "mp4", "mov", "jpg", "png", "pdf"} <= MEDIA_SUFFIXES
    assert not {"txt", "docx", "qde", "xml"} & MEDIA_SUFFIXES
