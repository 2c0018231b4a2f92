"""A folder of codings not found is said a folder: ``missing/: folder not found``.

Terminal tester, session 45: `roqa report missing/` said "missing: file not found", the slash
dropped (typer's Path takes it off) and the folder called a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa


@pytest.mark.parametrize(
    "args",
    [["report", "missing/"], ["report", "missing"], ["agree", "missing/", "other/"]],
)
def test_a_missing_folder_is_said_a_folder(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert tuple(roqa(*args)) == (
        2,
        "",
        "roqa: error: missing/: folder not found (check the path: give the folder roqa code "
        "wrote)\n",
    )


def test_a_missing_file_is_still_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert tuple(roqa("report", "missing.jsonl")) == (
        2,
        "",
        "roqa: error: missing.jsonl: file not found (check the path)\n",
    )


# Session 56 survey: one mistake, one wording, whichever command is given it.

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    "args",
    [["evaluate", "adir"], ["report", "codings.jsonl", "--open-coding", "adir"]],
    ids=["evaluate", "report --open-coding"],
)
def test_a_folder_given_as_a_file_is_said_a_folder(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a file said "is a directory, not a file" where writing one (--qdpx, --json, the
    pseudonym key) says "is a folder, not a file": now the folder is a folder everywhere."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "adir").mkdir()
    (tmp_path / "codings.jsonl").write_bytes(
        (DATA / "examples_coded" / "codings.jsonl").read_bytes()
    )
    run = roqa(*args)
    assert (run.code, run.err) == (
        2,
        "roqa: error: adir: is a folder, not a file (give a file path)\n",
    )


def test_import_says_a_folder_and_a_file_as_the_other_commands_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``roqa import`` said "is a directory, not a file" of a folder given as the project, and
    "exists and is not a directory (give a directory for --out)" of a file given as --out,
    where roqa code, pseudonymise and apply-decisions say "is a file, not a folder"."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "adir").mkdir()
    (tmp_path / "afile.txt").write_text("x\n", "utf-8")
    qdpx = DATA / "agree_codebooks" / "alice.qdpx"
    assert tuple(roqa("import", "adir", "--out", "o")) == (
        2,
        "",
        "roqa: error: adir: is a folder, not a file (give a .qdpx file)\n",
    )
    assert tuple(roqa("import", qdpx, "--out", "afile.txt")) == (
        2,
        "",
        "roqa: error: afile.txt: is a file, not a folder (give a folder with --out)\n",
    )


@pytest.mark.parametrize("command", ["suggest", "evaluate"])
def test_a_model_folder_not_there_or_a_file_is_said_so(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--model said "not a model directory (no model_card.json)" of a path that is not there
    and of a file: now as a missing or mistaken folder is said by the other commands."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile.txt").write_text("x\n", "utf-8")
    first = "staff were short" if command == "suggest" else DATA / "core" / "tiny_labelled.jsonl"
    assert tuple(roqa(command, first, "--model", "nomodel")) == (
        2,
        "",
        "roqa: error: nomodel: folder not found (check the path: give the model folder roqa "
        "train wrote)\n",
    )
    assert tuple(roqa(command, first, "--model", "afile.txt")) == (
        2,
        "",
        "roqa: error: afile.txt: is a file, not a folder (give the model folder roqa train "
        "wrote, holding model_card.json)\n",
    )


def test_train_says_a_decisions_file_not_found_as_report_and_code_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``roqa train --feedback`` said only "file not found (check the path)" where roqa code,
    report and apply-decisions --decisions name the decisions file saved from report.html."""
    monkeypatch.chdir(tmp_path)
    training = DATA / "core" / "tiny_training.jsonl"
    run = roqa("train", training, "--out", "m", "--feedback", "nodec.csv")
    assert (run.code, run.err.splitlines()[-1]) == (
        2,
        "roqa: error: nodec.csv: file not found (check the path: the decisions file saved from "
        "report.html)",
    )
    assert not (tmp_path / "m").exists()


def test_pseudonymise_says_a_missing_transcript_before_starting_a_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``roqa pseudonymise nope.txt --key k.csv`` warned that a new key was started, then said
    the transcript was not found: a missing transcript is said alone, as roqa code says it."""
    monkeypatch.chdir(tmp_path)
    assert tuple(roqa("pseudonymise", "nope.txt", "--key", "k.csv", "--out", "o")) == (
        2,
        "",
        "roqa: error: nope.txt: file or folder not found (check the path)\n",
    )


def test_a_dash_is_said_to_be_standard_input_which_code_does_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cli tester cli2, session 80: `roqa code - --out o` said "-: file or folder not found",
    while `roqa suggest -` reads standard input."""
    monkeypatch.chdir(tmp_path)
    run = roqa("code", "-", "--out", "o")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "roqa: error: -: is standard input, which is not read here: transcripts are read from "
        "files (save the text in a file, such as p01.txt, and give its name)\n"
    )


@pytest.mark.parametrize("beside", [True, False], ids=["in-its-folder", "moved"])
def test_roqas_own_jsonl_output_is_said_to_be_roqas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, beside: bool
) -> None:
    """Cli tester cli2, session 80: `roqa code onm/transcripts.jsonl` said "'.jsonl' files
    are not supported ... save the transcript as .docx", though roqa wrote it; codings.csv is
    known as roqa's. Beside run.json, or a codings.jsonl moved away (its first line a
    coding)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "coded").mkdir()
    codings = tmp_path / "coded" / "codings.jsonl"
    codings.write_text('{"transcript": "p01", "segment_id": "p01:0001", "text": "Hi."}\n')
    if beside:
        (tmp_path / "coded" / "run.json").write_text("{}")
    run = roqa("code", "coded/codings.jsonl", "--out", "o")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "roqa: error: coded/codings.jsonl: is roqa's own output (its folder holds run.json), "
        "not a transcript (read its codings with CodingResult.read('coded') or `roqa report "
        "coded`; give the transcript files to code them)\n"
        if beside
        else "roqa: error: coded/codings.jsonl: is roqa's own output (codings), not a "
        "transcript (read its codings with CodingResult.read('coded/codings.jsonl'); give the "
        "transcript files to code them)\n"
    )


def test_a_model_folder_is_said_to_be_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cli tester cli2, session 80: `roqa code mdl` (a model `roqa train` wrote) warned of
    its JSON files, then said "holds no transcripts"."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mdl").mkdir()
    for name in ("model_card.json", "codebook.json", "lexical.json"):
        (tmp_path / "mdl" / name).write_text("{}")
    run = roqa("code", "mdl", "--out", "o")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "roqa: error: mdl: is a model folder (it holds model_card.json), not transcripts (give "
        "the folder of transcript files to code them, and a model folder with --model)\n"
    )


def test_a_model_folder_mistyped_is_told_the_near_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docswalk s86, L2: `--model models/mnie` and `--model mine` beside models/mine said only
    "folder not found": the hint names the folder meant, when one alone is that near."""
    monkeypatch.chdir(tmp_path)
    for name in ("mine", "study"):  # as roqa train --out models/NAME writes them
        (tmp_path / "models" / name).mkdir(parents=True)
        (tmp_path / "models" / name / "model_card.json").write_text("{}", encoding="utf-8")
    (tmp_path / "models" / "mien").mkdir()  # no model: never named
    said = {
        model: roqa("suggest", "staff were short", "--model", model).err
        for model in ("models/mnie", "mine", "models/other", "modles")
    }
    assert said == {
        "models/mnie": "roqa: error: models/mnie: folder not found (did you mean models/mine? "
        "Give the model folder roqa train wrote)\n",
        "mine": "roqa: error: mine: folder not found (did you mean models/mine? Give the model "
        "folder roqa train wrote)\n",
        "models/other": "roqa: error: models/other: folder not found (check the path: give the "
        "model folder roqa train wrote)\n",
        "modles": "roqa: error: modles: folder not found (check the path: give the model folder "
        "roqa train wrote)\n",
    }


def test_the_packaged_model_named_as_a_folder_is_told_to_leave_out_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docswalk s86, L2: `--model default` away from the clone said only "folder not found":
    the packaged model is the one used when --model is left out. A word that names no packaged
    model (`mine`) keeps the usual hint."""
    monkeypatch.chdir(tmp_path)
    said = {
        model: roqa("suggest", "staff were short", "--model", model).err
        for model in ("default", "Packaged", "models/default", "mine")
    }
    assert said == {
        "default": "roqa: error: default: folder not found (leave out --model to use the "
        "packaged model)\n",
        "Packaged": "roqa: error: Packaged: folder not found (leave out --model to use the "
        "packaged model)\n",
        "models/default": "roqa: error: models/default: folder not found (leave out --model to "
        "use the packaged model)\n",
        "mine": "roqa: error: mine: folder not found (check the path: give the model folder "
        "roqa train wrote)\n",
    }


def test_the_packaged_model_named_in_python_is_told_to_load_with_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same mistake in Python, AutoCoder.load('default'), is told the call that loads it."""
    from roqa_nlp import AutoCoder
    from roqa_nlp.errors import RoqaFileNotFoundError

    monkeypatch.chdir(tmp_path)
    with pytest.raises(RoqaFileNotFoundError) as raised:
        AutoCoder.load("default")
    assert str(raised.value) == (
        "default: folder not found (leave out --model to use the packaged model; in Python, "
        "AutoCoder.load() with no folder)"
    )


def test_a_transcript_path_mistyped_is_told_the_near_file_or_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docswalk s86: `roqa code intervews/` said only "file or folder not found (check the
    path)": the folder or file a letter or two away is named, when one alone is; two as near
    (p01/p02), another number (p03 of p01, another participant) or none name nothing."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "study" / "interviews").mkdir(parents=True)
    for name in ("p01.txt", "p02.txt", "rm_kate.txt", "wave2.txt"):
        (tmp_path / "study" / name).write_text("P1: We had no staff.\n", encoding="utf-8")
    said = {
        path: roqa("code", path, "--out", "coded").err
        for path in (
            "study/intervews",
            "study/rm_kat.txt",
            "study/p03.txt",
            "study/p0.txt",
            "study/wave3.txt",
            "nowhere/x.txt",
        )
    }
    assert said == {
        "study/intervews": "roqa: error: study/intervews: file or folder not found (did you mean "
        "study/interviews/?)\n",
        "study/rm_kat.txt": "roqa: error: study/rm_kat.txt: file or folder not found (did you "
        "mean study/rm_kate.txt?)\n",
        "study/p03.txt": "roqa: error: study/p03.txt: file or folder not found (check the path)\n",
        "study/p0.txt": "roqa: error: study/p0.txt: file or folder not found (check the path)\n",
        "study/wave3.txt": "roqa: error: study/wave3.txt: file or folder not found (check the "
        "path)\n",
        "nowhere/x.txt": "roqa: error: nowhere/x.txt: file or folder not found (check the path)\n",
    }
    assert not (tmp_path / "coded").exists()
