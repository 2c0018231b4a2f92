"""Training a model in CFIR 2.0 (``roqa train DATA --codebook cfir-2022``, session 77): records
coded in CFIR 2009 are trained as their CFIR 2.0 counterparts, and a sub-folder named as the
codebook holds records of CFIR 2.0's own codes, read only when training in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook, UnknownCode
from roqa_nlp.training import load_training_set


def write(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(
        tmp_path / "data" / "old.jsonl",
        [
            {"id": "a", "text": "We have no money from outside for it.", "codes": ["OS.D"]},
            {"id": "b", "text": "I feel part of this place.", "codes": ["CI.D"]},
            {"id": "c", "text": "Can you hear me?", "codes": [], "kind": "procedural"},
            {
                "id": "d",
                "text": "The funding never came.",
                "construct": "External Policy & Incentives",
            },
        ],
    )
    write(
        tmp_path / "data" / "cfir-2022" / "new.jsonl",
        [{"id": "e", "text": "The pandemic stopped the groups.", "codes": ["OUT.A"]}],
    )
    return tmp_path / "data"


def test_cfir_2009_records_are_trained_as_their_counterparts_with_the_sub_folder(
    folder: Path, cfir2022: Codebook
) -> None:
    with pytest.warns(UserWarning) as said:
        ts = load_training_set(folder, cfir2022, descriptions=False)
    assert [str(w.message) for w in said] == [
        f"{folder}: 3 records are coded in cfir-2009: trained as their cfir-2022 counterparts "
        "through the documented mapping, each code as every one of its counterparts; 1 whose "
        "codes have no counterpart in it left out"
    ]
    assert list(zip(ts.ids, ts.codes)) == [
        ("a", ["OUT.E", "OUT.F", "OUT.G.3"]),
        ("c", []),
        ("d", ["OUT.E", "OUT.F", "OUT.G.3"]),
        ("e", ["OUT.A"]),
    ]


def test_training_in_cfir_2009_reads_neither_the_sub_folder_nor_translates(
    folder: Path, cfir2009: Codebook
) -> None:
    ts = load_training_set(folder, cfir2009, descriptions=False)
    assert list(zip(ts.ids, ts.codes)) == [
        ("a", ["OS.D"]),
        ("b", ["CI.D"]),
        ("c", []),
        ("d", ["OS.D"]),
    ]


def test_cfir_2022_names_trained_in_cfir_2009_stay_an_unknown_code(
    tmp_path: Path, cfir2009: Codebook
) -> None:
    """CFIR 2009 documents the mapping onto CFIR 2.0, not back: a CFIR 2.0 study's records
    trained without --codebook are an unknown code, as before, not read back into CFIR 2009."""
    data = write(
        tmp_path / "new.jsonl", [{"text": "Half my rota is agency staff.", "codes": ["Teaming"]}]
    )
    with pytest.raises(UnknownCode, match="unknown code 'Teaming' in codebook 'cfir-2009'"):
        load_training_set(data, cfir2009)


def test_the_data_hash_without_reading_the_records_is_the_one_training_gives(
    folder: Path, cfir2009: Codebook, cfir2022: Codebook
) -> None:
    """``training_data_hash`` (what ``roqa train --feedback`` compares a model's data with)
    counts the codebook's sub-folder as loading it does."""
    from roqa_nlp.training import training_data_hash

    with pytest.warns(UserWarning):
        in_2022 = load_training_set(folder, cfir2022).hash
    assert training_data_hash(folder, cfir2022) == in_2022
    assert training_data_hash(folder, cfir2009) == load_training_set(folder, cfir2009).hash


@pytest.mark.parametrize(
    ("codes", "trained_as"),
    [
        (["OS.D"], ["OUT.E", "OUT.F", "OUT.G.3"]),
        (["IS.E.1"], ["IND.A", "IND.B"]),
        (["CI.E"], ["IND.J", "IND.K", "IND.L", "IND.M"]),
        # Implementation Climate: its sub-constructs' counterparts together
        (["IS.D"], ["INS.E", "INS.F", "INS.G", "INS.H", "PRO.D", "PRO.H.1", "INS.D.4"]),
        # a sub-construct without an entry of its own: its construct's
        (["PR.B.3"], ["IND.C", "IND.E", "IND.F"]),
        # Individual Identification with Organization, which CFIR 2.0 dropped: none
        (["CI.D"], []),
        (["IS.E.1", "CI.D", "PR.B.1"], ["IND.A", "IND.B", "IND.C"]),
    ],
)
def test_a_cfir_2009_code_is_trained_in_cfir_2022_as_every_counterpart(
    cfir2009: Codebook, cfir2022: Codebook, codes: list[str], trained_as: list[str]
) -> None:
    from roqa_nlp.crosswalk import trained_counterparts

    assert trained_counterparts(codes, cfir2009, cfir2022) == trained_as


def test_records_of_the_seed_themes_are_trained_in_cfir_2009_as_the_constructs_they_chart(
    tmp_path: Path, cfir2009: Codebook
) -> None:
    """erondu-2021 documents its mapping onto CFIR 2009 too: a theme is trained as the
    constructs the seed paper charted it under."""
    data = write(
        tmp_path / "themes.jsonl",
        [
            {"text": "The council only pays for the visit.", "codes": ["T1.5"]},
            {"text": "They are scared of anything going wrong.", "codes": ["T1.3"]},
        ],
    )
    with pytest.warns(UserWarning, match="2 records are coded in erondu-2021: trained as"):
        ts = load_training_set(data, cfir2009, descriptions=False)
    assert ts.codes == [["OS.D"], ["IS.C", "IS.E.1"]]


def test_a_single_file_hashes_by_its_own_name_as_before(folder: Path, cfir2009: Codebook) -> None:
    """The hash of one file given is of its name alone (a model card's data hash unchanged)."""
    from roqa_nlp.io import sha256_bytes
    from roqa_nlp.training import _training_hash

    f = folder / "old.jsonl"
    expected = _training_hash([f"old.jsonl:{sha256_bytes(f.read_bytes())}"], cfir2009, True)
    assert load_training_set(f, cfir2009).hash == expected
