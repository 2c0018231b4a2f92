"""Specification of ``roqa agree`` (called through ``roqa_nlp.cli.main``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from roqa_nlp.cli import main
from roqa_nlp.errors import RoqaError
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

#: Two coders, ten units (see tests/test_coding_agreement.py for the hand computations):
#: code X has kappa 11/21 over all units and 1/6 over the five coded units.
CSV = (
    "unit,coder,code\n"
    "u1,A,X\nu1,B,X\nu2,A,X\nu2,B,X\nu3,A,X\nu3,B,\nu4,A,Y\nu4,B,X\nu5,A,\nu5,B,Y\n"
    + "".join(f"u{i},A,\nu{i},B,\n" for i in range(6, 11))
)


def run(args: list[str], capsys) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as e:
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    p = tmp_path / "codings.csv"
    p.write_text(CSV, encoding="utf-8")
    return p


def test_csv_input_prints_pooled_and_pair_tables(csv_file, capsys) -> None:
    code, out, _ = run(["agree", str(csv_file), "--n-boot", "0"], capsys)
    assert code == 0
    assert "2 coders: A, B; 10 units" in out
    assert "Cohen's kappa" in out and "0.375" in out  # pooled kappa over all units


def test_by_code_adds_a_row_per_code(csv_file, capsys) -> None:
    code, out, _ = run(["agree", str(csv_file), "--by", "code", "--n-boot", "0"], capsys)
    assert code == 0
    assert f"{11 / 21:.3f}" in out  # X over all units


def test_universe_coded_shows_the_coded_units_figures(csv_file, capsys) -> None:
    code, out, _ = run(
        ["agree", str(csv_file), "--by", "code", "--universe", "coded", "--n-boot", "0"], capsys
    )
    assert code == 0
    assert f"{1 / 6:.3f}" in out


def test_json_writes_every_figure(csv_file, tmp_path, capsys) -> None:
    out_path = tmp_path / "out" / "agreement.json"
    code, _, _ = run(
        ["agree", str(csv_file), "--json", str(out_path), "--n-boot", "100", "--seed", "1"], capsys
    )
    assert code == 0
    data = json.loads(out_path.read_text(encoding="utf-8"))
    x = next(c for c in data["per_code"] if c["code"] == "X")
    assert x["all"]["kappa"] == pytest.approx(11 / 21)
    assert x["coded"]["kappa"] == pytest.approx(1 / 6)
    assert data["pooled"]["all"]["kappa"] == pytest.approx(0.375)
    assert len(data["pooled"]["all"]["ci"]["kappa"]) == 2
    assert data["settings"] == {
        "level": "nominal",
        "single_code_kappa_ac1": "unweighted",
        "n_boot": 100,
        "ci_level": 0.95,
        "seed": 1,
        "ci_withheld_below_units": 5,
        "ci_withheld_below_valid_share": 0.9,
    }
    assert any("Krippendorff" in r for r in data["references"])


def test_json_output_is_the_same_for_the_same_seed(csv_file, tmp_path, capsys) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    run(["agree", str(csv_file), "--json", str(first), "--n-boot", "50"], capsys)
    run(["agree", str(csv_file), "--json", str(second), "--n-boot", "50"], capsys)
    strip = lambda p: {k: v for k, v in json.loads(p.read_text()).items() if k != "inputs"}  # noqa: E731
    assert strip(first) == strip(second)


def write_result(folder: Path, segments: list[SegmentResult]) -> Path:
    CodingResult(segments=segments).save(folder)
    return folder


def seg(i: int, codes: list[str], p: float = 1.0, novel: bool | None = None) -> SegmentResult:
    s = Segment(f"T1:{i}", "T1", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9)
    return SegmentResult(s, [Suggestion(c, c, None, p) for c in codes], novel=novel)


def test_one_result_folder_per_coder_with_a_model(tmp_path, capsys) -> None:
    ann = write_result(tmp_path / "ann", [seg(0, ["X"]), seg(1, ["Y"]), seg(2, [])])
    ben = write_result(tmp_path / "ben", [seg(0, ["X"]), seg(1, ["X"]), seg(2, [])])
    bot = write_result(
        tmp_path / "model",
        [seg(0, ["X"], 0.8, False), seg(1, ["Y"], 0.6, False), seg(2, ["Y"], 0.3, True)],
    )
    out_path = tmp_path / "a.json"
    code, out, _ = run(
        [
            "agree",
            str(ann),
            str(ben / "codings.jsonl"),
            str(bot),
            "--json",
            str(out_path),
            "--n-boot",
            "0",
        ],
        capsys,
    )
    assert code == 0
    assert "model (model)" in out
    data = json.loads(out_path.read_text())
    assert data["coders"] == ["ann", "ben", "model"]
    assert data["models"] == ["model"]
    assert data["unit_kind"] == "segments"
    ann_model = next(p for p in data["pairs"] if (p["coder_a"], p["coder_b"]) == ("ann", "model"))
    assert ann_model["kind"] == "model-human"
    assert ann_model["all"]["percent_agreement"] == 1.0  # novel segment 2 = coded with nothing


def test_model_threshold_changes_what_the_model_coded(tmp_path, capsys) -> None:
    ann = write_result(tmp_path / "ann", [seg(0, ["X"]), seg(1, ["X"])])
    bot = write_result(
        tmp_path / "bot",
        [seg(0, ["X"], 0.9, False), seg(1, ["Y", "X"], 0.55, False)],
    )
    out_path = tmp_path / "a.json"
    run(
        [
            "agree",
            str(ann),
            str(bot),
            "--model-threshold",
            "0.5",
            "--json",
            str(out_path),
            "--n-boot",
            "0",
        ],
        capsys,
    )
    data = json.loads(out_path.read_text())
    x = next(c for c in data["per_code"] if c["code"] == "X")
    assert x["units_coded"] == {"ann": 2, "bot": 2}


def test_qdpx_codings_come_from_the_exchange_reader(tmp_path, capsys, monkeypatch) -> None:
    from types import SimpleNamespace

    import roqa_nlp.exchange.qdpx_import

    def fake(path: object, **kwargs: object) -> SimpleNamespace:  # interviewer_labels=
        codings = {
            "Ann": CodingResult(segments=[seg(0, ["X"]), seg(1, [])]),
            "Ben": CodingResult(segments=[seg(0, ["X"]), seg(1, ["X"])]),
        }
        return SimpleNamespace(  # the passages given two valences: none (afix3, session 80)
            codings=codings, warnings=[], users=[], transcripts=[], dropped_by={}, two_valences=[]
        )

    monkeypatch.setattr(roqa_nlp.exchange.qdpx_import, "read_qdpx", fake)
    p = tmp_path / "project.qdpx"
    p.write_bytes(b"PK")
    code, out, _ = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 0
    assert "2 coders: Ann, Ben; 2 units" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--universe", "some"], "--universe 'some' is not one of all, coded"),
        (["--level", "metric"], "--level 'metric' is not one of"),
        (["--by", "coder"], "--by 'coder' is not one of pair, code"),
        (["--model-threshold", "1.5"], "is not a probability"),
    ],
)
def test_bad_options_exit_2_with_one_line(csv_file, capsys, args, message) -> None:
    code, _, err = run(["agree", str(csv_file), *args], capsys)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1


def test_missing_input_exits_2_naming_the_file(tmp_path, capsys) -> None:
    code, _, err = run(["agree", str(tmp_path / "nope.csv")], capsys)
    assert code == 2
    assert "nope.csv: file not found" in err


def test_unknown_input_type_exits_2(tmp_path, capsys) -> None:
    p = tmp_path / "notes.docx"
    p.write_bytes(b"x")
    code, _, err = run(["agree", str(p)], capsys)
    assert code == 2
    assert "cannot read .docx as codings" in err


def test_single_coder_exits_2(tmp_path, capsys) -> None:
    p = tmp_path / "one.csv"
    p.write_text("unit,coder,code\nu1,A,X\n", encoding="utf-8")
    code, _, err = run(["agree", str(p)], capsys)
    assert code == 2
    assert "at least two coders" in err


def test_two_inputs_with_the_same_coder_name_exit_2(tmp_path, capsys) -> None:
    a = write_result(tmp_path / "one" / "ann", [seg(0, ["X"])])
    b = write_result(tmp_path / "two" / "ann", [seg(0, ["X"])])
    code, _, err = run(["agree", str(a), str(b)], capsys)
    assert code == 2
    assert "also coder 'ann'" in err
    # the hint says what to change: both folders already carry the coder's name
    assert "give each coder's folder a name of its own (ann/ and ann_round2/)" in " ".join(
        err.split()
    )


def test_one_input_given_twice_is_said_to_be(tmp_path, capsys) -> None:
    """A folder and its codings.jsonl, or one CSV twice, are one input, not two coders who
    share a name."""
    ann = write_result(tmp_path / "ann", [seg(0, ["X"])])
    code, _, err = run(["agree", str(ann / "codings.jsonl"), str(ann)], capsys)
    assert (code, err.strip()) == (
        2,
        f"roqa: error: {ann}: is given twice (as {ann / 'codings.jsonl'}) (give each input once)",
    )
    p = tmp_path / "c.csv"
    p.write_text("unit,coder,code\nu1,A,X\nu1,B,X\n", encoding="utf-8")
    code, _, err = run(["agree", str(p), str(p)], capsys)
    assert (code, err.strip()) == (2, f"roqa: error: {p}: is given twice (give each input once)")


def test_the_codings_spreadsheet_says_to_give_codings_jsonl(tmp_path, capsys) -> None:
    ann = write_result(tmp_path / "ann", [seg(0, ["X"])])
    CodingResult.read(ann).to_csv(ann / "codings.csv")
    code, _, err = run(["agree", str(ann / "codings.csv"), str(ann)], capsys)
    assert code == 2
    assert err.strip().endswith(
        f"(give the codings.jsonl beside it, or its folder {ann}, to compare a roqa result)"
    )
    with pytest.raises(RoqaError, match="is the spreadsheet of the codings, which cannot be read"):
        CodingResult.read(ann / "codings.csv")


def test_cli_help_does_not_import_numpy() -> None:
    code = (
        "import sys\n"
        "from roqa_nlp.cli import main\n"
        "try:\n    main(['agree', '--help'])\nexcept SystemExit:\n    pass\n"
        "print('numpy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False"


# -- coders in different codebooks ------------------------------------------------------------


def two_codebooks(tmp_path: Path) -> tuple[Path, Path]:
    """A model that coded in CFIR 2009 and a person who coded the same segments in CFIR 2.0.

    In CFIR 2.0 terms the model's top codes are INN.F, INS.J (Available Resources), INS.B (IS.B
    Networks & Communications maps onto INS.B and INS.C, which the segment's words do not tell
    apart: charted under the first, as its report charts it) and nothing (novel); the person
    applied INN.F, INS.K, INS.B and nothing. With --model-threshold, IS.B reaches both.
    """
    model = tmp_path / "model"
    CodingResult(
        segments=[
            seg(0, ["IC.F"], 0.6, False),
            seg(1, ["IS.E.2"], 0.5, False),
            seg(2, ["IS.B"], 0.7, False),
            seg(3, ["IC.F"], 0.2, True),
        ],
        meta={"model": {"codebook": "cfir-2009"}},
    ).save(model)
    person = tmp_path / "ann"
    CodingResult(
        segments=[seg(0, ["INN.F"]), seg(1, ["INS.K"]), seg(2, ["INS.B"]), seg(3, [])],
        meta={"codebook": {"id": "cfir-2022"}},
    ).save(person)
    return model, person


def test_coders_in_different_codebooks_are_a_one_line_error(tmp_path, capsys) -> None:
    model, person = two_codebooks(tmp_path)
    code, _, err = run(["agree", str(model), str(person), "--n-boot", "0"], capsys)
    assert code == 2
    assert err.strip() == (
        "roqa: error: the coders used different codebooks (model: cfir-2009, ann: cfir-2022), "
        "so no code can agree (compare them in one with --codebook cfir-2022)"
    )


@pytest.mark.parametrize(
    ("codebook", "translated", "agreement", "kappa"),
    [
        ("cfir-2022", ["model: codes translated from cfir-2009 to cfir-2022"], 14 / 16, 46 / 78),
        ("cfir-2009", ["ann: codes translated from cfir-2022 to cfir-2009"], 14 / 16, 46 / 78),
    ],
)
def test_codebook_compares_every_coder_in_one(
    tmp_path, capsys, codebook, translated, agreement, kappa
) -> None:
    """In CFIR 2009: 4 units x the 4 codes used = 16 decisions; they differ on segment 1 only
    (Available Resources vs Access to Knowledge & Information): 14 / 16 agree, and with 3
    presences per coder Cohen's kappa is (14/16 - 178/256) / (1 - 178/256) = 46/78.
    In CFIR 2.0: 4 units x 4 codes, segment 1 differs twice (INS.J vs INS.K): the same figures.
    Before session 74 the model's IS.B also counted as INS.C, which the person did not apply
    and its report did not chart: 17 / 20, kappa 14/29."""
    model, person = two_codebooks(tmp_path)
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(model), str(person), "--codebook", codebook, "--json", str(out_path)]
        + ["--n-boot", "0"],
        capsys,
    )
    assert code == 0, err
    assert f"Note: {translated[0]} through the documented mapping" in " ".join(out.split())
    data = json.loads(out_path.read_text())
    assert data["codebook"] == codebook
    tie = (
        "; the top suggestion of 1 segment is an exact tie of several cfir-2022 codes (nothing "
        "in the segment decides between them), charted under the first of them (T1:2)"
    )
    assert data["translated"] == [
        f"{t} through the documented mapping{tie * (codebook == 'cfir-2022')}" for t in translated
    ]
    (pair,) = data["pairs"]
    assert pair["all"]["percent_agreement"] == pytest.approx(agreement)
    assert pair["all"]["kappa"] == pytest.approx(kappa)


def test_table_of_each_code_marks_a_models_code_charted_onto_several(tmp_path, capsys) -> None:
    """Tester (session 58): the model's CFIR 2009 External Policy & Incentives counted as
    OUT.E, OUT.F and OUT.G.3, though its codings.cfir-2022.csv ranked OUT.F 0.91 and OUT.E 0.04,
    with no word at the table of each code. The documented rule stays (the model chooses its
    code in its own codebook; the code then applies every counterpart, as a person's does), and
    the rows it reaches are marked ‡ with a line under the table saying so. Since session 74
    that is the rule with --model-threshold only: here IS.B reaches INS.B and INS.C. Without
    it, the model counts the code its report charts, and no row is marked."""
    model, person = two_codebooks(tmp_path)
    args = ["agree", str(model), str(person), "--codebook", "cfir-2022", "--by", "code"]
    code, out, err = run([*args, "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "‡" not in out
    code, out, err = run([*args, "--n-boot", "0", "--model-threshold", "0.5"], capsys)
    assert code == 0, err
    marked = [
        line.split("│")[1].strip()
        for line in out.splitlines()
        if line.startswith("│ ") and "‡" in line
    ]
    assert marked == ["INS.B ‡", "INS.C ‡"]
    assert (
        "‡ model counts this code wherever the code it chose in its own codebook maps onto it "
        "and others, each counted as applied, as a person's code is: IS.B as INS.B, INS.C "
        "(model 1 segment). Charted in cfir-2022 (the report and codings.cfir-2022.csv of "
        "`roqa code --codebook cfir-2022`), a model's suggestions share that code's "
        "probability among them instead, and may rank one first and the others near zero, so "
        "these rows can count more of the model's units than those files show "
        "(docs/agreement.md, Coders in different codebooks)."
    ) in " ".join(out.split())


def test_a_persons_code_charted_onto_several_is_not_marked(tmp_path, capsys) -> None:
    """A person's code applies each counterpart as they gave it, and no charted file of theirs
    ranks them: the one note above the tables says so, and no row is marked."""
    _, person = two_codebooks(tmp_path)
    ben = tmp_path / "ben"
    CodingResult(
        segments=[seg(0, ["IC.F"]), seg(1, ["IS.E.3"]), seg(2, ["IS.B"]), seg(3, [])],
        meta={"codebook": {"id": "cfir-2009"}},
    ).save(ben)
    args = ["agree", str(ben), str(person), "--codebook", "cfir-2022", "--by", "code"]
    code, out, err = run([*args, "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "IS.B as INS.B and INS.C (ben 1 segment)" in " ".join(out.split())
    assert "‡" not in out


def test_names_in_square_brackets_are_shown_as_written(tmp_path, capsys) -> None:
    """Code and coder names are the researcher's text, not rich markup: "Culture [/b]" crashed
    the table (MarkupError), "[new] Workforce" showed as " Workforce", "[red]Cost" in red."""
    p = tmp_path / "m.csv"
    p.write_text(
        "unit,coder,code\nu1,Ann [PI],[red]Cost\nu1,Ben,[red]Cost\n"
        "u2,Ann [PI],Culture [/b]\nu2,Ben,Culture [/b]\nu3,Ann [PI],\nu3,Ben,[new] Workforce\n",
        encoding="utf-8",
    )
    code, out, err = run(["agree", str(p), "--by", "code", "--n-boot", "0"], capsys)
    assert (code, err) == (0, "")
    assert "2 coders: Ann [PI], Ben;" in out
    assert "units coded (Ann [PI] / Ben)" in " ".join(out.split())
    codes = [line.split("│")[1].strip() for line in out.splitlines() if line.startswith("│ ")]
    assert sorted(c for c in codes if c[:1] == "[" or c.startswith("Culture")) == [
        "Culture [/b]",
        "[new] Workforce",
        "[red]Cost",
    ]


def test_long_csv_codes_by_name_get_no_empty_name_column(tmp_path, capsys) -> None:
    p = tmp_path / "c.csv"
    p.write_text("unit,coder,code\nu1,A,Culture\nu1,B,Culture\nu2,A,X\nu2,B,\n", encoding="utf-8")
    code, out, err = run(["agree", str(p), "--by", "code", "--n-boot", "0"], capsys)
    assert code == 0, err
    header = next(line for line in out.splitlines() if "┃ code " in line)
    assert "name" not in header
    assert "units coded (A / B)" in header


def test_codes_with_names_keep_the_name_column(tmp_path, capsys) -> None:
    p = tmp_path / "c.csv"
    p.write_text("unit,coder,code\nu1,A,IS.C\nu1,B,IS.C\nu2,A,IS.A\nu2,B,\n", encoding="utf-8")
    code, out, err = run(["agree", str(p), "--by", "code", "--n-boot", "0"], capsys)
    assert code == 0, err
    header = next(line for line in out.splitlines() if "┃ code " in line)
    assert "┃ name" in header
    assert "Culture" in out  # IS.C's CFIR 2009 name


def test_a_model_charted_in_cfir_2_0_by_roqa_code_is_compared_there_by_default(
    tmp_path, capsys
) -> None:
    """Tester R (session 35): `roqa code --codebook cfir-2022` records the codebook chosen
    (run.json ``chart_codebook``); the model's codings and a person's in CFIR 2.0 are then
    compared in CFIR 2.0, as with --codebook cfir-2022 (14/16, kappa 46/78), not refused."""
    model, person = two_codebooks(tmp_path)
    meta = json.loads((model / "run.json").read_text("utf-8"))
    (model / "run.json").write_text(json.dumps({**meta, "chart_codebook": "cfir-2022"}), "utf-8")
    out_path = tmp_path / "a.json"
    args = ["agree", str(model), str(person), "--json", str(out_path), "--n-boot", "0"]
    code, out, err = run(args, capsys)
    assert (code, err) == (0, "")
    data = json.loads(out_path.read_text())
    assert data["translated"] == [
        "compared in cfir-2022, the codebook `roqa code --codebook` chose (run.json); "
        "--codebook sets another",
        "model: codes translated from cfir-2009 to cfir-2022 through the documented mapping; "
        "the top suggestion of 1 segment is an exact tie of several cfir-2022 codes (nothing in "
        "the segment decides between them), charted under the first of them (T1:2)",
    ]
    (pair,) = data["pairs"]
    assert pair["all"]["percent_agreement"] == pytest.approx(14 / 16)
    assert pair["all"]["kappa"] == pytest.approx(46 / 78)


def test_a_kappa_that_rounds_to_zero_is_shown_without_a_minus_sign(tmp_path, capsys) -> None:
    """Session 37 (daily): a code one coder gave once and the other never, over 7 units, showed
    kappa "-0.000" (its kappa is 0, computed as -1e-16)."""
    p = tmp_path / "k.csv"
    p.write_text(
        "unit,coder,code\nu1,A,Z\nu1,B,\nu2,A,X\nu2,B,X\nu3,A,X\nu3,B,X\n"
        + "".join(f"u{i},A,\nu{i},B,\n" for i in range(4, 8)),
        encoding="utf-8",
    )
    code, out, _ = run(["agree", str(p), "--by", "code", "--n-boot", "0"], capsys)
    assert code == 0
    (row,) = [line for line in out.splitlines() if "│ Z " in line]
    assert [c.strip() for c in row.split("│")[1:-1]] == [
        "Z", "1 / 0", "7", "85.7%", "0.000", "0.000", "0.835"
    ]  # fmt: skip
    from roqa_nlp.cli.agree_cmd import _fmt

    assert [_fmt(-1e-16), _fmt(-0.0004), _fmt(-0.25), _fmt(-1e-5, pct=True)] == [
        "0.000", "0.000", "-0.250", "0.0%"
    ]  # fmt: skip


def test_a_handful_of_resamples_is_warned_of(tmp_path: Path, capsys) -> None:
    """Tester s65 (stats, 4): `--n-boot 3` printed a '95% CI' from 3 resamples, unsaid."""
    p = tmp_path / "two.csv"
    p.write_text(
        "unit,coder,code\n"
        + "".join(f"u{i},Ann,{c}\nu{i},Ben,{c}\n" for i, c in enumerate("ABABAB"))
        + "u9,Ann,A\nu9,Ben,B\n",
        encoding="utf-8",
    )
    code, _, err = run(["agree", str(p), "--n-boot", "3"], capsys)
    assert code == 0
    assert (
        "roqa: warning: --n-boot 3: so few resamples give rough percentile intervals; use 200 "
        "or more (1000 to 10000 suffice)"
    ) in err
    code, _, err = run(["agree", str(p), "--n-boot", "200"], capsys)
    assert "so few resamples" not in err
    # a refusal stays one line: the warning waits for inputs read well (CLI fuzz, s66)
    missing = tmp_path / "missing.txt"
    code, _, err = run(["agree", str(missing), "--n-boot", "5"], capsys)
    assert (code, err) == (2, f"roqa: error: {missing}: file not found (check the path)\n")
    one = tmp_path / "one.csv"
    one.write_text("unit,coder,code\nu1,Ann,A\nu2,Ann,B\n", encoding="utf-8")
    code, _, err = run(["agree", str(one), "--n-boot", "5"], capsys)
    assert (code, err.count("\n"), "so few resamples" in err) == (2, 1, False)
