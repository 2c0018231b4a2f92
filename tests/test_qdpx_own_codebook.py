"""Specification of a REFI-QDA round trip of codings in the researcher's own codebook: `roqa
export` records the codebook in the project's description, and `roqa import` gives the codes
their ids, and the codebook its id and mapping, back (ownloop tester, session 46)."""

from __future__ import annotations

import json
from pathlib import Path

from roqa_nlp.exchange.qdpx_import import read_qdpx
from test_apply_decisions import write_decisions
from test_cli_core import roqa
from test_own_codebook_review import OWN_REVIEW, coded_in_own


def reviewed_export(tmp_path: Path) -> Path:
    """Alice's review of codings charted in own-v1, applied and exported to a .qdpx."""
    coded = coded_in_own(tmp_path / "coded")
    write_decisions(coded / "decisions.csv", OWN_REVIEW)
    assert roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "rv").code == 0
    qdpx = tmp_path / "x" / "project.qdpx"
    run = roqa("export", tmp_path / "rv", "--qdpx", qdpx)
    assert run.code == 0, run.err
    return qdpx


def test_import_gives_an_own_codebooks_ids_and_mapping_back(tmp_path: Path) -> None:
    """Before: codebook 'alice-s-codings-our-codebook-v1', every code id a GUID, no mapping."""
    qdpx = reviewed_export(tmp_path)
    out = tmp_path / "imported"
    run = roqa("import", qdpx, "--out", out)
    assert run.code == 0, run.err
    book = json.loads((out / "codebook.json").read_text("utf-8"))
    assert book["id"] == "own-v1+project"
    assert [c["id"] for c in book["codes"]] == [
        "ORG",
        "STAFF",
        "COMPLEX",
        "NEED",
        "project.agency-staff",
    ]
    assert book["mapping"] == {
        "cfir-2009": {"STAFF": ["IS.E.2"], "COMPLEX": ["IC.F"], "NEED": ["OS.A"]}
    }
    codes = sorted(
        g.code_id for s in read_qdpx(qdpx).codings["Alice"].segments for g in s.suggestions
    )
    assert codes == ["NEED", "STAFF", "project.agency-staff"]


def test_the_project_description_records_the_own_codebook_once(tmp_path: Path) -> None:
    import zipfile

    qdpx = reviewed_export(tmp_path)
    with zipfile.ZipFile(qdpx) as z:
        qde = z.read("project.qde").decode("utf-8")
    assert qde.count("roqa_nlp codebook: {") == 1
    assert '"id": "own-v1"' in qde
    assert "project.agency-staff" not in qde.split("roqa_nlp codebook: ")[1].split("</")[0]
