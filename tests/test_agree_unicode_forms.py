"""Specification: a code name or a coder's name written in two Unicode forms (an accented letter
composed, NFC, as most keyboards type it; or decomposed, NFD, a letter and a combining accent,
as a paste from a Mac, a PDF or some QDA exports gives it) is one name: the two look alike on
screen and are the same text (Unicode's canonical equivalence).

Before (session 76's api tester, D1 and D2): Ana's "Coût" (NFC) against Ben's "Coût" (NFD) on 6
units made two codes, each "never applied" by one coder: 60.0 % agreement and kappa 0.100 where
the coders agree on all 10 units (100 %, 1.000), with no note; an own codebook's "Coût" refused
the NFD cell as an unknown code; and one coder "Siân" in two sheets made two coders, and
Light's kappa of three in place of Cohen's of two.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from agree_helpers import agree
from roqa_nlp.codebook import Codebook, normalise_name

COMPOSED = unicodedata.normalize("NFC", "Coût")
DECOMPOSED = unicodedata.normalize("NFD", "Coût")
SIAN = unicodedata.normalize("NFC", "Siân")
SIAN_NFD = unicodedata.normalize("NFD", "Siân")


def test_the_two_spellings_are_two_texts_alike_on_screen() -> None:
    """The premise: the two are different strings, one letter longer decomposed."""
    assert COMPOSED != DECOMPOSED
    assert (len(COMPOSED), len(DECOMPOSED)) == (4, 5)
    assert normalise_name(COMPOSED) == normalise_name(DECOMPOSED) == "coût"
    assert normalise_name(SIAN_NFD.upper()) == normalise_name(SIAN) == "siân"


def nfd_table(tmp_path: Path) -> Path:
    """The tester's D1_nfd_codes.csv: Ana codes Coût in NFC, Ben in NFD, on u1..u6; both code
    Culture on u7..u10."""
    rows = ["unit,coder,code"]
    for k in range(1, 7):
        rows += [f"u{k},Ana,{COMPOSED}", f"u{k},Ben,{DECOMPOSED}"]
    for k in range(7, 11):
        rows += [f"u{k},Ana,Culture", f"u{k},Ben,Culture"]
    path = tmp_path / "nfd.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_code_in_two_unicode_forms_is_one_code(tmp_path, capsys) -> None:
    code, data, out, err = agree(tmp_path, capsys, str(nfd_table(tmp_path)))
    assert code == 0, err
    assert data is not None
    # 6 cells each: the composed spelling is kept on a tie (s77: the decomposed one, first in
    # natural order, was, and went on into the tables)
    assert data["codes"] == [COMPOSED, "Culture"]
    pooled = data["pooled"]["all"]
    assert (pooled["n_units"], pooled["percent_agreement"], pooled["kappa"]) == (10, 1.0, 1.0)
    note = (
        "counted as one code, as the names differ only in case, spacing, punctuation, &/and "
        f"or Unicode form: {COMPOSED!r} = {DECOMPOSED!r} (decomposed, NFD) (--codebook "
        "compares codes by codebook id)"
    )
    assert note in data["notes"]
    assert "2 codes used" in out


def test_an_own_codebook_resolves_a_name_in_either_form(tmp_path, capsys) -> None:
    """The tester's D1b: an own codebook's code ORG.C "Coût" (typed NFC), the CSV's cells NFD."""
    book = tmp_path / "fr.json"
    book.write_text(
        '{"id": "fr-lite", "name": "FR", "version": "0.1", "source": "ours", "codes": ['
        '{"id": "ORG", "name": "Organisation", "level": "domain", "codable": false, '
        '"description": "x"}, {"id": "ORG.C", "name": "' + COMPOSED + '", "level": '
        '"construct", "parent": "ORG", "description": "le coût"}, {"id": "ORG.Q", "name": '
        '"Qualité", "level": "construct", "parent": "ORG", "description": "la qualité"}]}',
        encoding="utf-8",
    )
    fr = Codebook.load(str(book))
    assert fr.resolve(DECOMPOSED).id == "ORG.C"
    assert fr.resolve(unicodedata.normalize("NFD", "QUALITÉ")).id == "ORG.Q"
    rows = ["unit,coder,code"]
    for k in range(1, 5):
        rows += [f"u{k},Ana,{DECOMPOSED}", f"u{k},Ben,{COMPOSED}"]
    rows += ["u5,Ana,Qualité", "u5,Ben,Qualité"]
    table = tmp_path / "fr_nfd.csv"
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, data, _, err = agree(tmp_path, capsys, str(table), "--codebook", str(book))
    assert code == 0, err
    assert data is not None
    assert data["codes"] == ["ORG.C", "ORG.Q"]
    assert data["pooled"]["all"]["kappa"] == 1.0


def test_a_coder_named_in_two_unicode_forms_across_files_is_one_coder(tmp_path, capsys) -> None:
    """The tester's D2: the same Siân in two sheets (NFC in one, NFD in the other), Ben in
    both. Ana-less: Siân and Ben agree on u1, u2, u4 and u5 of u1..u6 (Cost/Culture), and
    the sheets' halves are one coder's, so Cohen's kappa of two coders, not Light's of three."""
    first = tmp_path / "sheet1.csv"
    second = tmp_path / "sheet2.csv"
    first.write_text(
        "unit,coder,code\n"
        f"u1,{SIAN},Cost\nu1,Ben,Cost\nu2,{SIAN},Culture\nu2,Ben,Culture\n"
        f"u3,{SIAN},Cost\nu3,Ben,Culture\n",
        encoding="utf-8",
    )
    second.write_text(
        "unit,coder,code\n"
        f"u4,{SIAN_NFD},Cost\nu4,Ben,Cost\nu5,{SIAN_NFD},Culture\nu5,Ben,Culture\n"
        f"u6,{SIAN_NFD},Culture\nu6,Ben,Cost\n",
        encoding="utf-8",
    )
    code, data, _, err = agree(tmp_path, capsys, str(first), str(second))
    assert code == 0, err
    assert data is not None
    assert data["coders"] == [SIAN, "Ben"]
    pooled = data["pooled"]["all"]
    # 2 codes x 6 units, each coder says present 6 times of 12; they agree on 8 of 12:
    # p_e = 1/2, kappa = (8/12 - 1/2) / (1/2) = 1/3
    assert (pooled["kappa_method"], pooled["n_units"]) == ("cohen", 6)
    assert pooled["kappa"] == pytest.approx(1 / 3)
    note = (
        "read as one coder across files, as the names are the same but for case, spacing, "
        f"punctuation, &/and or Unicode form: {SIAN!r} (sheet1.csv) = {SIAN_NFD!r} "
        "(decomposed, NFD) (sheet2.csv); 'Ben' (sheet1.csv, sheet2.csv)"
    )
    assert note in data["notes"]


def test_a_coder_in_two_unicode_forms_within_one_file_is_one_coder(tmp_path, capsys) -> None:
    table = tmp_path / "one.csv"
    table.write_text(
        "unit,coder,code\n"
        f"u1,{SIAN},Cost\nu1,Ben,Cost\nu2,{SIAN},Culture\nu2,Ben,Culture\n"
        f"u3,{SIAN_NFD},Cost\nu3,Ben,Culture\n",
        encoding="utf-8",
    )
    code, data, _, err = agree(tmp_path, capsys, str(table))
    assert code == 0, err
    assert data is not None
    assert data["coders"] == [SIAN, "Ben"]
    assert data["pooled"]["all"]["kappa_method"] == "cohen"
    assert (
        "counted as one coder, as the names differ only in case, spacing, punctuation, &/and or "
        f"Unicode form: {SIAN!r} = {SIAN_NFD!r} (decomposed, NFD) (one.csv)" in data["notes"]
    )


def test_the_decomposed_spelling_on_more_rows_is_kept_the_composed_on_a_tie(
    tmp_path, capsys
) -> None:
    """The spelling on most rows names the merged code or coder, in its composed form (NFC)
    whatever its form on them (s77 hunt2 F8: the decomposed one was kept as it was); on a tie
    the composed one, not the decomposed one that sorts first (s77)."""
    for nfd_rows, kept in ((2, SIAN), (3, SIAN)):
        rows = ["unit,coder,code"]
        for k in range(1, 5):
            who = SIAN_NFD if k <= nfd_rows else SIAN
            rows += [f"u{k},{who},{COMPOSED if k % 2 else DECOMPOSED}", f"u{k},Ben,Culture"]
        table = tmp_path / f"tie{nfd_rows}.csv"
        table.write_text("\n".join(rows) + "\n", encoding="utf-8")
        code, data, _, err = agree(tmp_path, capsys, str(table))
        assert code == 0, err
        assert data is not None
        assert data["coders"] == [kept, "Ben"]
        assert data["codes"] == [COMPOSED, "Culture"]  # 2 cells each


def test_a_coder_in_two_unicode_forms_across_files_is_named_composed_on_a_tie(
    tmp_path, capsys
) -> None:
    """The decomposed sheet given first: its spelling was kept on the tie of 3 rows each."""
    first = tmp_path / "sheet1.csv"
    second = tmp_path / "sheet2.csv"
    first.write_text(
        f"unit,coder,code\nu1,{SIAN_NFD},Cost\nu1,Ben,Cost\nu2,{SIAN_NFD},Culture\n"
        f"u2,Ben,Culture\nu3,{SIAN_NFD},Cost\nu3,Ben,Culture\n",
        encoding="utf-8",
    )
    second.write_text(
        f"unit,coder,code\nu4,{SIAN},Cost\nu4,Ben,Cost\nu5,{SIAN},Culture\nu5,Ben,Culture\n"
        f"u6,{SIAN},Culture\nu6,Ben,Cost\n",
        encoding="utf-8",
    )
    code, data, _, err = agree(tmp_path, capsys, str(first), str(second))
    assert code == 0, err
    assert data is not None
    assert data["coders"] == [SIAN, "Ben"]


def test_tidiness_and_a_capital_choose_before_the_form_then_the_form_is_composed() -> None:
    """s77 hunt2 F8: the composed form outranked a capital first letter and single spaces, so
    "coût des soins" (or "Coût  des soins") named the code over a decomposed "Coût des soins":
    the tidy capitalised spelling is chosen, as before s77, and written composed."""
    from roqa_nlp.coding_agreement import _spelling_groups

    tidy = unicodedata.normalize("NFD", "Coût des soins")
    for untidy in ("coût des soins", "Coût  des soins"):
        assert _spelling_groups([untidy, tidy], {}, normalise_name) == [
            ["Coût des soins", untidy, tidy]
        ]
    assert _spelling_groups(["Coût des soins", tidy], {tidy: 2}, normalise_name) == [
        ["Coût des soins", tidy]
    ]
