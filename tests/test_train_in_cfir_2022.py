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
        "through the documented mapping, each code as every one of its counterparts; 1 left out: "
        "no counterpart in cfir-2022"
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


def test_records_of_the_seed_themes_stay_an_unknown_code_in_cfir_2009(
    tmp_path: Path, cfir2009: Codebook
) -> None:
    """Only CFIR 2009 records train translated (into CFIR 2.0): erondu-2021 maps onto CFIR 2009
    too, but a researcher's own codes named as its aliases (Stigma, Poverty, Staff turnover) are
    no CFIR 2009 records: the unknown code is named, as before the translation (hunt s77 F2)."""
    themes = write(tmp_path / "themes.jsonl", [{"text": "The council pays.", "codes": ["T1.5"]}])
    with pytest.raises(UnknownCode, match="themes.jsonl:1: unknown code 'T1.5' in codebook 'cfir"):
        load_training_set(themes, cfir2009, descriptions=False)
    own = write(
        tmp_path / "own.jsonl",
        [{"text": "People fear being seen at the clinic.", "construct": "Stigma"}],
    )
    with pytest.raises(UnknownCode, match="own.jsonl:1: unknown code 'Stigma' in codebook 'cfir"):
        load_training_set(own, cfir2009, descriptions=False)


def with_a_new_code(book: Codebook) -> Codebook:
    """``book`` with a review's new code, as roqa train --feedback trains in it."""
    from roqa_nlp.decisions import Decision, project_codebook

    return project_codebook(book, [Decision("p01:0001", "new-code", new_code="Weather")])


def test_a_new_code_from_a_review_trains_cfir_2009_records_in_cfir_2022_too(
    folder: Path, cfir2022: Codebook
) -> None:
    """A review's new code makes the codebook ``cfir-2022+project``: its CFIR 2009 records are
    translated and its sub-folder read as in CFIR 2.0 itself, and the hash the card records of
    the data (before the decisions) counts the sub-folder learnt (hunt s77 F1)."""
    from roqa_nlp.training import training_data_hash, training_files

    book = with_a_new_code(cfir2022)
    assert book.id == "cfir-2022+project"
    with pytest.warns(UserWarning, match="3 records are coded in cfir-2009"):
        ts = load_training_set(folder, book, descriptions=False)
    assert list(zip(ts.ids, ts.codes)) == [
        ("a", ["OUT.E", "OUT.F", "OUT.G.3"]),
        ("c", []),
        ("d", ["OUT.E", "OUT.F", "OUT.G.3"]),
        ("e", ["OUT.A"]),
    ]
    with pytest.warns(UserWarning):
        assert load_training_set(folder, book).hash == training_data_hash(folder, book)
    assert [f.name for f in training_files(folder, book)] == ["old.jsonl", "new.jsonl"]


def test_a_sub_folder_is_read_in_cfir_2022_only_and_never_one_holding_a_model(
    folder: Path, cfir2009: Codebook, cfir2022: Codebook, tmp_path: Path
) -> None:
    """The sub-folder named as the codebook is CFIR 2.0's (hunt s77 F4): a backup folder
    ``cfir-2009/`` is not read in CFIR 2009, a project codebook extending CFIR 2009 reads none,
    nor does a model written into ``DATA/cfir-2022`` (its evidence is no training data)."""
    from roqa_nlp.training import training_files

    write(folder / "cfir-2009" / "copy.jsonl", [{"text": "Copied.", "codes": ["OS.D"]}])
    assert [f.name for f in training_files(folder, cfir2009)] == ["old.jsonl"]
    assert [f.name for f in training_files(folder, with_a_new_code(cfir2009))] == ["old.jsonl"]
    from roqa_nlp.training import own_sub_folder

    assert own_sub_folder(folder, cfir2022) == folder / "cfir-2022"
    (folder / "cfir-2022" / "model_card.json").write_text("{}", encoding="utf-8")
    assert own_sub_folder(folder, cfir2022) is None
    assert [f.name for f in training_files(folder, cfir2022)] == ["old.jsonl"]


def test_a_typo_in_a_file_of_cfir_2009_codes_is_named_on_its_line(
    tmp_path: Path, cfir2022: Codebook
) -> None:
    """Trained in CFIR 2.0, a CFIR 2009 file with one typo names that record and CFIR 2009's
    nearest code, not line 1's CFIR 2009 code (hunt s77 F3)."""
    data = write(
        tmp_path / "typo.jsonl",
        [
            {"text": "No money from outside.", "codes": ["OS.D"]},
            {"text": "The manager backs it.", "codes": ["IS.E.1"]},
            {"text": "It costs too much.", "codes": ["IC.HH"]},
        ],
    )
    with pytest.raises(UnknownCode) as said:
        load_training_set(data, cfir2022, descriptions=False)
    assert str(said.value).startswith(
        f"{data}:3: unknown code 'IC.HH' in codebook 'cfir-2009' (did you mean IC.H"
    )


def test_a_cfir_2022_code_in_a_file_of_cfir_2009_codes_names_both_lines(
    tmp_path: Path, cfir2022: Codebook
) -> None:
    from roqa_nlp.errors import RoqaValueError

    data = write(
        tmp_path / "mixed.jsonl",
        [
            {"text": "Can you hear me?", "codes": [], "kind": "procedural"},
            {"text": "No money from outside.", "codes": ["OS.D"]},
            {"text": "We work as one team.", "codes": ["Teaming"]},
        ],
    )
    with pytest.raises(RoqaValueError) as said:
        load_training_set(data, cfir2022, descriptions=False)
    assert str(said.value) == (
        f"{data}: line 3: 'Teaming' is a code of cfir-2022 but line 2 is coded in cfir-2009: a "
        "file's records are coded in one codebook (code every record of the file in cfir-2009 "
        "(trained as its cfir-2022 counterparts) or every one in cfir-2022, or put the "
        "cfir-2022 records in a file of their own)"
    )


def test_numbers_after_a_record_left_out_are_the_files_and_a_spreadsheet_says_row(
    tmp_path: Path, cfir2022: Codebook
) -> None:
    """A CI.D record left out (no CFIR 2.0 counterpart) does not shift the numbers errors and
    default ids give the records after it; a spreadsheet's are rows (hunt s77 F5)."""
    from roqa_nlp.errors import RoqaValueError

    lines = [
        {"text": "I feel part of this place.", "codes": ["CI.D"]},
        {"text": "No money from outside.", "codes": ["OS.D"], "valence": "barrier"},
        {"text": "Still no money.", "codes": ["OS.D"], "valence": "sideways"},
    ]
    with pytest.raises(RoqaValueError, match="line 3: unknown valence 'sideways'"):
        load_training_set(write(tmp_path / "shift.jsonl", lines), cfir2022, descriptions=False)
    with pytest.warns(UserWarning):
        ts = load_training_set(
            write(tmp_path / "ids.jsonl", lines[:2]), cfir2022, descriptions=False
        )
    assert ts.ids == ["ids-2"]
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("text,construct\nNo money.,OS.D\nThe setting.,Inner Setting\n")
    with pytest.raises(RoqaValueError, match="row 3: code 'Inner Setting' is a domain"):
        load_training_set(sheet, cfir2022, descriptions=False)


def test_a_single_file_hashes_by_its_own_name_as_before(folder: Path, cfir2009: Codebook) -> None:
    """The hash of one file given is of its name alone (a model card's data hash unchanged)."""
    from roqa_nlp.io import sha256_bytes
    from roqa_nlp.training import _training_hash

    f = folder / "old.jsonl"
    expected = _training_hash([f"old.jsonl:{sha256_bytes(f.read_bytes())}"], cfir2009, True)
    assert load_training_set(f, cfir2009).hash == expected


def test_roqa_train_in_cfir_2022_with_a_new_code_names_the_sub_folder_and_cards_the_warning(
    tmp_path: Path,
) -> None:
    """``roqa train DATA --codebook cfir-2022 --feedback`` with a new-code decision: the tiny
    CFIR 2009 records train as their CFIR 2.0 counterparts (they were an unknown code in
    ``cfir-2022+project``, hunt s77 F1), "Trained on" names the sub-folder read (F4) and the
    card keeps the translation's warning with the others (F7)."""
    import shutil

    from test_cli_core import TRAINING, roqa

    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(TRAINING, data)
    write(
        data / "cfir-2022" / "new.jsonl",
        [
            {"text": f"The lockdown stopped the groups, week {i}.", "codes": ["OUT.A"]}
            for i in (1, 2)
        ],
    )
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(
        "segment_id,decision,code_id,new_code,text\n"
        "p02:0004,new-code,,Weather,The snow closed the clinic for a week.\n",
        encoding="utf-8",
    )
    model = tmp_path / "model"
    run = roqa("train", data, "--codebook", "cfir-2022", "--out", model, "--feedback", decisions)
    assert run.code == 0, run.err
    translated = (
        "30 records are coded in cfir-2009: trained as their cfir-2022 counterparts through the "
        "documented mapping, each code as every one of its counterparts"
    )
    assert f"roqa: warning: {data}: {translated}" in run.err.splitlines()
    assert (
        f"Trained on 45 records (35 coded, 10 off-framework), those of {data / 'cfir-2022'} among "
        "them, 42 from the training data and 3 from the decisions, and the 67 code descriptions "
        f"and the definition of the new code; model written to {model}"
    ) in run.out.splitlines()
    card = json.loads((model / "model_card.json").read_text("utf-8"))
    assert card["codebook"]["id"] == "cfir-2022+project"
    assert card["training_data"]["warnings"][0] == translated


def test_a_name_of_both_codebooks_read_as_cfir_2009_in_a_translated_file_is_said(
    tmp_path: Path, cfir2022: Codebook
) -> None:
    """Staffing is CFIR 2009's Available Resources and CFIR 2.0's Work Infrastructure: in a file
    of CFIR 2009 codes it is read as the first, which is said, since a file of CFIR 2.0 codes
    reads it as the second (hunt s77 F6)."""
    data = write(
        tmp_path / "names.jsonl",
        [
            {"text": "Too few staff on shift.", "construct": "Staffing"},
            {"text": "It costs a lot.", "construct": "Cost"},
            {"text": "The climate was right.", "construct": "Implementation Climate"},
        ],
    )
    with pytest.warns(UserWarning) as said:
        ts = load_training_set(data, cfir2022, descriptions=False)
    assert ts.codes[:2] == [["INS.J"], ["INN.H"]]
    assert [str(w.message) for w in said][1:] == [
        f"{data}: in files of cfir-2009 codes, 'Staffing' is read as cfir-2009's IS.E.2 "
        "Available Resources (trained as INS.J), not as cfir-2022's INS.A.3 Work Infrastructure, "
        "as a file of cfir-2022 codes reads it: give the id of the code you mean"
    ]


def test_the_codebooks_trained_from_are_read_from_the_mapping_data() -> None:
    """Which built-in codebook's records train in which (CFIR 2009's in CFIR 2.0) is read from
    the default codebook's packaged mapping, not written in code again (s77 dfix tidy); the
    seed themes' own mapping onto CFIR 2009 makes them no source (hunt s77 F2). Reading it so
    leaves the packaged model card's codebook hash as it is."""
    from roqa_nlp.training import trained_from

    book = Codebook.load("cfir-2009")
    assert list(book.mapping) == ["cfir-2022"]
    assert trained_from() == {"cfir-2022": "cfir-2009"}
    card = json.loads(
        (Path(__file__).parent.parent / "models" / "default" / "model_card.json").read_text(
            encoding="utf-8"
        )
    )
    assert card["codebook"] == {"id": "cfir-2009", "sha256": book.hash}
