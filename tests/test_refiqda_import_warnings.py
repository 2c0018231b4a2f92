"""Specification of what ``roqa import`` says about codings it changes or leaves out.

Nothing a QDA project holds is dropped or changed without a line saying what and whose: a
coding given twice, codings that name no coder, codings of a whole source, and a selection
that selects nothing.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.exchange import read_qdpx
from test_cli_agree import run
from test_refiqda import build_qdpx, project_xml, selection

TEXT = b"We lacked staff. The manager backed us."
ALICE = "00000000-0000-4000-8000-0000000000aa"
BOB = "00000000-0000-4000-8000-0000000000bb"
STAFFING = "00000000-0000-4000-8000-000000000001"
USERS = f'<User guid="{ALICE}" name="Alice"/><User guid="{BOB}" name="Bob"/>'


def project(tmp_path: Path, inside: str, users: str = USERS) -> Path:
    """A project of one text source, p01 (``TEXT``), holding ``inside``."""
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="p01" '
        f'plainTextPath="internal://p01.txt">{inside}</TextSource>'
    )
    return build_qdpx(tmp_path / "q.qdpx", project_xml(src, users=users), {"sources/p01.txt": TEXT})


def whole_source_coding(user: str) -> str:
    return (
        f'<Coding guid="00000000-0000-4000-8000-0000000001{user[-2:]}" creatingUser="{user}">'
        f'<CodeRef targetGUID="{STAFFING}"/></Coding>'
    )


def test_a_coding_given_twice_is_kept_once_and_said_so(tmp_path: Path) -> None:
    """Before: Alice's two codings of Staffing on 3-9 (two selections) became one, and the
    import said only "Alice (1)"."""
    p = read_qdpx(project(tmp_path, selection(3, 9) + selection(3, 9) + selection(17, 24)))
    assert [(s.segment.start, [g.code_id for g in s.suggestions]) for s in p.codings["Alice"]] == [
        (3, [STAFFING]),
        (17, [STAFFING]),
    ]
    assert p.warnings == [
        "Alice: 1 coding repeats another of the same code on the same passage (same start and "
        "end): kept once"
    ]


def test_codings_that_name_no_user_are_imported_with_one_warning(tmp_path: Path) -> None:
    """Before: they went to "unknown user" with no word of it."""
    nobody = [
        selection(s, e).replace(f' creatingUser="{ALICE}"', "") for s, e in [(3, 9), (17, 24)]
    ]
    p = read_qdpx(project(tmp_path, "".join(nobody), users=""))
    assert list(p.codings) == ["unknown user"]
    assert len(p.codings["unknown user"]) == 2
    assert p.warnings == [
        "2 codings name no user (no creatingUser on them or their selections): imported as "
        "the coder 'unknown user'"
    ]


def test_a_coding_of_the_whole_source_is_reported_with_its_coder(tmp_path: Path) -> None:
    """Before: "source 'p01': 1 codings of the whole source not imported" named no one, and
    Bob, whose only coding it was, vanished from the coders without a word."""
    inside = selection(3, 9) + whole_source_coding(BOB) + whole_source_coding(ALICE)
    p = read_qdpx(project(tmp_path, inside))
    assert list(p.codings) == ["Alice"]
    assert p.warnings == [
        "source 'p01': 2 codings of the whole source (Bob 1, Alice 1) not imported: only "
        "codings of a selection of its text are",
        "Bob coded whole sources only: no codings of theirs imported",
    ]


def test_an_empty_selection_is_called_an_empty_selection(tmp_path: Path) -> None:
    """Before: "9-9 is outside its text (0-39) or empty", for a selection inside the text."""
    p = read_qdpx(project(tmp_path, selection(3, 9) + selection(9, 9)))
    (line,) = p.warnings
    assert line.endswith(
        ": 9-9 is an empty selection (zero length: it ends where it starts); 1 coding not "
        "imported (select and code that passage again in the QDA program, and export the project "
        "again)"
    )


def test_a_reversed_selection_is_said_to_end_before_it_starts(tmp_path: Path) -> None:
    p = read_qdpx(project(tmp_path, selection(3, 9) + selection(9, 3)))
    (line,) = p.warnings
    assert line.endswith(
        ": 9-3 ends before it starts; 1 coding not imported (select and code that passage "
        "again in the QDA program, and export the project again)"
    )


def test_a_selection_beyond_the_text_is_said_to_be_outside_it(tmp_path: Path) -> None:
    p = read_qdpx(project(tmp_path, selection(3, 9) + selection(30, 99)))
    (line,) = p.warnings
    assert line.endswith(
        ": 30-99 is outside its text (0-39); 1 coding not imported (select and code that "
        "passage again in the QDA program, and export the project again)"
    )


def test_a_code_with_no_name_is_named_by_its_id_in_one_warning(tmp_path: Path, capsys) -> None:
    """The tester saw this line twice (s39, awk/A_internal.qdpx); not reproduced on the code of
    that day: import, `roqa import` and `roqa agree` each say it once."""
    nameless = "A0000005-0000-4000-8000-000000000005"
    codes = (
        f'<Code guid="{STAFFING}" name="Staffing" isCodable="true"/>'
        f'<Code guid="{nameless}" name="" isCodable="true"/>'
    )
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="p01" '
        f'plainTextPath="internal://p01.txt">{selection(3, 9)}'
        f"{selection(17, 24, nameless.lower())}"
        f"{selection(3, 9, nameless).replace(ALICE, BOB)}</TextSource>"
    )
    path = build_qdpx(
        tmp_path / "q.qdpx", project_xml(src, codes, USERS), {"sources/p01.txt": TEXT}
    )
    line = (
        f"code {nameless} has no name: named by its id (name it in the QDA program, and export "
        "again)"
    )
    p = read_qdpx(path)
    assert p.warnings == [line]
    assert [c.name for c in p.codebook.codes] == ["Staffing", nameless]
    code, _, err = run(["import", str(path), "--out", str(tmp_path / "imp")], capsys)
    assert (code, err) == (0, f"roqa: warning: {path}: {line}\n")
    code, said, err = run(["agree", str(path), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert (said + err).count("has no name") == 1


# -- repeated GUIDs (refi tester, session 58: mostly accepted without a word) -----------------------


def test_two_users_sharing_a_guid_is_an_error_naming_the_file(tmp_path: Path) -> None:
    """Before: Bob's codings, under Alice's GUID, were imported as Alice's (a co-author's
    codings became the model's)."""
    users = f'<User guid="{ALICE}" name="Alice"/><User guid="{ALICE}" name="Bob"/>'
    path = project(tmp_path, selection(3, 9), users=users)
    with pytest.raises(RoqaError) as err:
        read_qdpx(path)
    assert str(err.value) == (
        f"{path}: the users 'Alice' and 'Bob' share the GUID {ALICE}, so their codings cannot be "
        "told apart; refusing to give one's codings to the other (export the project again from "
        "the QDA program, with a GUID of its own for each user)"
    )


def test_a_user_listed_twice_with_one_name_is_one_user(tmp_path: Path) -> None:
    users = f'<User guid="{ALICE}" name="Alice"/><User guid="{ALICE}" name="Alice"/>'
    p = read_qdpx(project(tmp_path, selection(3, 9), users=users))
    assert list(p.codings) == ["Alice"]


def test_two_selections_sharing_a_guid_are_named_with_the_fix(
    tmp_path: Path,
) -> None:
    one = "00000000-0000-4000-8000-000000000099"
    inside = "".join(
        f'<PlainTextSelection guid="{one}" name="s" startPosition="{a}" endPosition="{b}">'
        f'<Coding guid="00000000-0000-4000-8000-00000000010{a}" creatingUser="{ALICE}">'
        f'<CodeRef targetGUID="{STAFFING}"/></Coding></PlainTextSelection>'
        for a, b in [(0, 2), (3, 9)]
    )
    p = read_qdpx(project(tmp_path, inside))
    assert len(p.codings["Alice"]) == 2
    assert p.warnings == [
        f"<PlainTextSelection 's'> and <PlainTextSelection 's'> share the GUID {one}: "
        "each is imported as it is, but a QDA program reading the file by GUID may mix them up; "
        "export the project again from the QDA program (each needs a GUID of its own)"
    ]


def test_a_code_repeating_a_guid_is_named_with_the_first_and_the_fix(
    tmp_path: Path,
) -> None:
    codes = (
        f'<Code guid="{STAFFING}" name="Staffing" isCodable="true"/>'
        f'<Code guid="{STAFFING}" name="Burnout" isCodable="true"><Description>Tired</Description>'
        '<Code guid="00000000-0000-4000-8000-000000000002" name="Sick leave"/></Code>'
    )
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="p01" '
        f'plainTextPath="internal://p01.txt">{selection(3, 9)}</TextSource>'
    )
    path = build_qdpx(
        tmp_path / "q.qdpx", project_xml(src, codes=codes, users=USERS), {"sources/p01.txt": TEXT}
    )
    p = read_qdpx(path)
    assert p.warnings == [
        f"code 'Burnout' repeats the GUID {STAFFING} of code 'Staffing': skipped with "
        "the 1 code(s) below it, and the codings of that GUID are read as codings of the first; "
        "export the project again from the QDA program (each code needs a GUID of its own)"
    ]


BARRIER = "00000000-0000-4000-8000-000000000002"
WITH_BARRIER = (
    '<Code guid="00000000-0000-4000-8000-000000000001" name="Staffing" isCodable="true"/>'
    f'<Code guid="{BARRIER}" name="Barrier" isCodable="true"/>'
)


def valence_project(tmp_path: Path, inside: str) -> Path:
    """A project of one text source, p01 (``TEXT``), coded with Staffing and the valence code
    Barrier (a code made in the program, named as a valence: not a code), holding ``inside``."""
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="p01" '
        f'plainTextPath="internal://p01.txt">{inside}</TextSource>'
    )
    qde = project_xml(src, codes=WITH_BARRIER, users=USERS)
    return build_qdpx(tmp_path / "q.qdpx", qde, {"sources/p01.txt": TEXT})


def test_a_selection_outside_its_text_counts_its_codings_as_the_summary_does(
    tmp_path: Path,
) -> None:
    """Before: "2 codings not imported" for a passage coded with Staffing and Barrier, of
    which the summary counts one coding (Barrier gives the passage its valence); and "1
    codings" (QDA tester, session 67)."""
    both = selection(30, 99).replace(
        "</Coding></PlainTextSelection>",
        f'</Coding><Coding guid="{uuid.uuid4()}" creatingUser="{ALICE}">'
        f'<CodeRef targetGUID="{BARRIER}"/></Coding></PlainTextSelection>',
    )
    p = read_qdpx(valence_project(tmp_path, selection(3, 9) + both))
    (line,) = p.warnings
    assert line.endswith(
        ": 30-99 is outside its text (0-39); 1 coding and its valence not imported (select and "
        "code that passage again in the QDA program, and export the project again)"
    )
    alone = selection(30, 99, BARRIER)
    p = read_qdpx(valence_project(tmp_path, selection(3, 9) + alone))
    (line,) = p.warnings
    assert line.endswith(
        ": 30-99 is outside its text (0-39); the valence coded on it (1 coding of a valence code) "
        "not imported (select and code that passage again in the QDA program, and export the "
        "project again)"
    )


def test_agree_says_what_a_selection_not_imported_counts_as(tmp_path: Path, capsys) -> None:
    """Alice's selection past the end of the text is dropped with a warning; roqa agree then
    counts the text as Alice coding nothing there, and nothing said so (refi tester, session
    69: 12 span units instead of 6, kappa with no note)."""
    import json

    def coded(user: str, start: int, end: int) -> str:
        return (
            f'<PlainTextSelection guid="{uuid.uuid4()}" startPosition="{start}" '
            f'endPosition="{end}"><Coding guid="{uuid.uuid4()}" creatingUser="{user}">'
            f'<CodeRef targetGUID="{STAFFING}"/></Coding></PlainTextSelection>'
        )

    path = project(
        tmp_path, coded(ALICE, 3, 9) + coded(ALICE, 30, 99) + coded(BOB, 3, 9) + coded(BOB, 17, 38)
    )
    out_json = tmp_path / "a.json"
    code, out, err = run(["agree", str(path), "--n-boot", "0", "--json", str(out_json)], capsys)
    assert code == 0, err
    note = (
        "q.qdpx: 1 selection of Alice's not imported (warned of above) is not compared: where "
        "it lay, Alice counts as coding nothing, as text a QDA coder did not select is text they "
        "read and gave no code (or as missing, in a transcript they coded nothing else in); to "
        "compare it, select and code it again in the QDA program, and export the project again"
    )
    assert note in json.loads(out_json.read_text("utf-8"))["notes"]
    assert note in " ".join(out.split())


def test_agree_names_the_coders_of_the_selections_not_imported(tmp_path: Path, capsys) -> None:
    """Session 70: the note said "their coder counts as coding nothing", naming no one; a
    selection past the end of the text is now counted under its coder: Bob 2, Alice 1."""

    def coded(user: str, start: int, end: int) -> str:
        return (
            f'<PlainTextSelection guid="{uuid.uuid4()}" startPosition="{start}" '
            f'endPosition="{end}" creatingUser="{user}"><Coding guid="{uuid.uuid4()}" '
            f'creatingUser="{user}"><CodeRef targetGUID="{STAFFING}"/></Coding>'
            "</PlainTextSelection>"
        )

    inside = (
        coded(ALICE, 3, 9) + coded(BOB, 3, 9) + coded(BOB, 30, 99) + coded(BOB, 41, 45)
        + coded(ALICE, 30, 80)
    )  # fmt: skip
    p = read_qdpx(project(tmp_path, inside))
    assert p.dropped_by == {"Bob": 2, "Alice": 1}
    code, out, err = run(["agree", str(project(tmp_path, inside)), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert (
        "q.qdpx: 3 selections (Bob 2, Alice 1) not imported (warned of above) are not compared: "
        "where they lay, their coder counts as coding nothing"
    ) in " ".join(out.split())
