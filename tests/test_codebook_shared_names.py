"""Specification: a name two codes of a codebook share is refused by ``roqa agree`` as by
``roqa train`` (it could mean either code), and ``roqa codebook`` warns of it (tester, session
52: agree read "Peer Support" as the first of COMM.PEER and COMM.PEER2, with no word)."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli_agree import run


def shared_name_codebook(path: Path) -> Path:
    """Codebook ``dup``: PEER and PEER2 both named "Peer Support"."""
    path.write_text(
        json.dumps(
            {
                "id": "dup",
                "name": "Two codes, one name",
                "codes": [
                    {"id": "COMM", "name": "Community", "level": "domain", "codable": False},
                    *(
                        {
                            "id": i,
                            "name": n,
                            "level": "construct",
                            "parent": "COMM",
                            "description": n,
                        }
                        for i, n in (
                            ("PEER", "Peer Support"),
                            ("PEER2", "Peer support"),
                            ("HOME", "Housing"),
                        )
                    ),
                ],
            }
        ),
        encoding="utf-8",
    )
    return path


def test_agree_refuses_a_name_two_codes_share(tmp_path, capsys) -> None:
    book = shared_name_codebook(tmp_path / "dup.json")
    csv = tmp_path / "codings.csv"
    csv.write_text("unit,coder,code\nu1,Ann,Housing\nu1,Ben,HOME\nu2,Ann,Peer Support\n", "utf-8")
    code, _, err = run(["agree", str(csv), "--codebook", str(book), "--n-boot", "0"], capsys)
    assert code == 2
    assert err.strip() == (
        f"roqa: error: {csv}: line 4: code name 'Peer Support' is that of 2 codes of codebook "
        "'dup' (PEER, PEER2) (use the code's id instead, or give the codes names of their own)"
    )


def test_agree_without_codebook_refuses_a_name_two_codes_of_the_results_codebook_share(
    tmp_path, capsys
) -> None:
    """The CSV's names resolved in the codebook a model's codings carry: as with --codebook."""
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion

    segs = [
        SegmentResult(
            Segment(f"u{i}", "T1", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9),
            [Suggestion(c, c, None, 0.9)],
        )
        for i, c in ((1, "HOME"), (2, "PEER"))
    ]
    coded = tmp_path / "coded"
    CodingResult(segs, meta={"model": {"codebook": "dup"}}).save(coded)
    shared_name_codebook(coded / "codebook.json")
    csv = tmp_path / "codings.csv"
    csv.write_text("unit,coder,code\nu1,Ann,Housing\nu2,Ann,Peer Support\n", "utf-8")
    code, _, err = run(["agree", str(csv), str(coded), "--n-boot", "0"], capsys)
    assert code == 2
    assert err.strip() == (
        f"roqa: error: {csv} (coder Ann): code name 'Peer Support' is that of 2 codes of "
        "codebook 'dup' "
        "(PEER, PEER2), the codebook the other inputs use (use the code's id instead, or give "
        "the codes names of their own)"
    )


def test_roqa_codebook_warns_of_a_name_two_codes_share(tmp_path, capsys) -> None:
    book = shared_name_codebook(tmp_path / "dup.json")
    code, out, err = run(["codebook", str(book)], capsys)
    assert code == 0
    assert err.strip() == (
        f"roqa: warning: {book}: the code name 'Peer Support' is that of 2 codes (PEER, PEER2): "
        "a record or coding by that name could mean either, so roqa train and roqa agree refuse "
        "it (give the codes names of their own, or name them by id)"
    )
    assert "PEER2" in out
