"""Specification of training_data/seed_quotes.jsonl and tests/data/seed_table2.json.

The seed quotes are the participant quotes of Erondu & McGraw (2021), labelled with the CFIR
2009 construct and the Table 2 row the paper gives them; Table 2 is the paper's summary of
barriers and enablers by CFIR domain.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook

REPO = Path(__file__).resolve().parents[1]
SEED_QUOTES = REPO / "training_data" / "seed_quotes.jsonl"
TABLE2 = REPO / "tests" / "data" / "seed_table2.json"
SEED_PAPER = REPO.parent / "shared" / "seeds" / "000_4e493351770c42cd.txt"


def _records() -> list[dict]:
    return [json.loads(line) for line in SEED_QUOTES.read_text(encoding="utf-8").splitlines()]


def _table2() -> dict[str, dict[str, list[str]]]:
    return json.loads(TABLE2.read_text(encoding="utf-8"))


def _paper() -> str:
    if not SEED_PAPER.exists():
        pytest.skip(f"seed paper not available at {SEED_PAPER}")
    return SEED_PAPER.read_text(encoding="utf-8")


def test_there_is_one_record_per_quote_in_the_seed_paper() -> None:
    attributed = re.findall(r"\((P\d{2})\)\.\s*$", _paper(), flags=re.M)
    assert [r["participant"] for r in _records()] == attributed


def test_every_quote_is_verbatim_and_attributed_to_its_participant() -> None:
    paper = _paper()
    for r in _records():
        assert f"{r['text']} ({r['participant']})." in paper, r["id"]


def test_ids_run_from_seed_01_to_seed_22() -> None:
    assert [r["id"] for r in _records()] == [f"seed-{i:02d}" for i in range(1, 23)]


def test_table2_has_the_papers_eleven_barriers_and_nine_enablers() -> None:
    t2 = _table2()
    assert list(t2) == ["IC", "OS", "IS", "CI", "PR"]
    assert sum(len(d["barriers"]) for d in t2.values()) == 11
    assert sum(len(d["enablers"]) for d in t2.values()) == 9


def test_table2_rows_are_printed_verbatim_in_the_paper() -> None:
    paper = _paper()
    for domain in _table2().values():
        for row in domain["barriers"] + domain["enablers"]:
            assert f"• {row}" in paper, row


def test_a_quotes_table2_row_sits_under_the_quotes_domain() -> None:
    t2 = _table2()
    for r in _records():
        if r["table2"] is not None:
            d = t2[r["domain"]]
            assert r["table2"] in d["barriers"] + d["enablers"], r["id"]


def test_domain_is_the_domain_of_the_first_code() -> None:
    for r in _records():
        assert r["codes"][0].split(".")[0] == r["domain"], r["id"]


def test_codes_are_codable_cfir_2009_constructs() -> None:
    if not (REPO / "src" / "roqa_nlp" / "codebooks" / "cfir-2009.json").exists():
        pytest.skip("the cfir-2009 codebook data file has not been written yet")
    book = Codebook.load("cfir-2009")
    codable = {c.id for c in book.codable}
    for r in _records():
        assert set(r["codes"]) <= codable, r["id"]


def test_valences_are_barrier_enabler_or_neutral() -> None:
    assert {r["valence"] for r in _records()} == {"barrier", "enabler", "neutral"}


def test_quotes_cover_every_table2_domain() -> None:
    covered = {r["domain"] for r in _records() if r["table2"] is not None}
    assert covered == set(_table2())


def test_every_quote_carries_the_papers_doi() -> None:
    assert {r["provenance"]["doi"] for r in _records()} == {"10.1080/15332985.2021.1949426"}
