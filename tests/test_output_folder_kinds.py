"""An output folder is never one whose files a command would replace or bury: a codebook.json
roqa did not write, a model's folder, a folder of transcripts or (for pseudonymised copies) a
coding output folder. Each is refused before anything is written, in one line naming the folder.

Mistakes tester, session 52: `roqa apply-decisions coded --out r_owncb` deleted the researcher's
own codebook.json there, and into a model copy the model's, exit 0; `roqa import X.qdpx --out
MODEL_DIR` replaced the model's codebook.json, so the model no longer loaded; `roqa code FILE
--out models/default` wrote 7 files among the packaged model's; `apply-decisions` and `import`
into the study's transcripts folder made it unreadable as transcripts; `pseudonymise --out` a
coding output folder or a model folder wrote the copies there."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from test_cli_agree import run
from test_cli_output_guard import TEXT, _refused, coded_study

OWN_CODEBOOK = (
    '{"id": "my-study", "name": "My study codebook", "codes": [{"id": "S1", "name": "Staffing", '
    '"level": "construct", "description": "Talk about staff numbers"}]}\n'
)
CARD = '{"library": "roqa_nlp", "classes": ["IS.E.2"], "files": {}}\n'


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, Path]]:
    monkeypatch.chdir(tmp_path)
    return coded_study(tmp_path)


def _decisions(coded: Path) -> Path:
    path = coded / "decisions.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["segment_id", "decision", "code_id", "new_code", "note", "text", "valence"])
        w.writerow(["p07:0001", "accept", "IS.E.2", "", "", TEXT[5:], ""])
    return path


def _model_copy(name: str) -> Path:
    """A folder as `cp -r models/default NAME` leaves it: its card and its codebook."""
    folder = Path(name)
    folder.mkdir()
    (folder / "model_card.json").write_text(CARD, encoding="utf-8")
    (folder / "codebook.json").write_text(OWN_CODEBOOK.replace("my-study", "cfir-2009"), "utf-8")
    return folder


def test_apply_decisions_refuses_a_codebook_json_it_did_not_write(study, capsys) -> None:
    coded, files = study
    files["decisions"] = _decisions(coded)
    own = Path("r_owncb")
    own.mkdir()
    files["codebook"] = own / "codebook.json"
    files["codebook"].write_text(OWN_CODEBOOK, encoding="utf-8")
    _refused(
        ["apply-decisions", "coded", "--coder", "Alice", "--out", "r_owncb"],
        "r_owncb/codebook.json: --out holds a file roqa did not write that it would replace "
        "(give another --out folder, or move it out of it)",
        capsys,
        files,
    )
    assert sorted(p.name for p in own.iterdir()) == ["codebook.json"]


def test_a_codebook_json_an_earlier_review_recorded_is_replaced(study, capsys) -> None:
    """The codebook of an earlier review's new codes, which its run.json records, is roqa's:
    a review in the built-in codebook removes it, as before."""
    coded, _ = study
    _decisions(coded)
    out = Path("reviewed")
    code, _, err = run(
        ["apply-decisions", "coded", "--coder", "Alice", "--out", "reviewed"], capsys
    )
    assert (code, err) == (0, "")
    (out / "run.json").write_text(
        (out / "run.json").read_text("utf-8").replace('"cfir-2009"', '"cfir-2009+project"'),
        "utf-8",
    )
    (out / "codebook.json").write_text(OWN_CODEBOOK.replace("my-study", "cfir-2009+project"))
    code, _, err = run(
        ["apply-decisions", "coded", "--coder", "Alice", "--out", "reviewed"], capsys
    )
    assert (code, err) == (0, "")
    assert not (out / "codebook.json").exists()


MODEL_FOLDER = (
    "mc: --out is a model folder (it holds model_card.json): the outputs would go in among the "
    "model's files (give another --out folder)"
)


@pytest.mark.parametrize(
    "args",
    [
        ["code", "interviews/p07.txt", "--out", "mc", "--model", "no-model"],
        ["apply-decisions", "coded", "--coder", "Alice", "--out", "mc"],
        ["import", "p.qdpx", "--out", "mc"],
        ["pseudonymise", "interviews/p07.txt", "--key", "key.csv", "--out", "mc"],
    ],
    ids=["code", "apply-decisions", "import", "pseudonymise"],
)
def test_every_command_refuses_a_model_folder_as_its_out(study, capsys, args: list[str]) -> None:
    coded, files = study
    files["decisions"] = _decisions(coded)
    assert run(["export", "coded", "--qdpx", "p.qdpx"], capsys)[0] == 0
    model = _model_copy("mc")
    files.update({p.name: p for p in model.iterdir()})
    _refused(args, MODEL_FOLDER, capsys, files)
    assert sorted(p.name for p in model.iterdir()) == ["codebook.json", "model_card.json"]


@pytest.mark.parametrize(
    "args",
    [
        ["apply-decisions", "coded", "--coder", "Alice", "--out", "interviews"],
        ["import", "p.qdpx", "--out", "interviews"],
    ],
    ids=["apply-decisions", "import"],
)
def test_apply_decisions_and_import_refuse_a_folder_of_transcripts(
    study, capsys, args: list[str]
) -> None:
    coded, files = study
    files["decisions"] = _decisions(coded)
    assert run(["export", "coded", "--qdpx", "p.qdpx"], capsys)[0] == 0
    _refused(
        args,
        "interviews: --out is a folder of transcripts (P03.csv, p04 interview.docx, p07.txt): "
        "the outputs would go in among them, and it would no longer be read as transcripts "
        "(give another --out folder)",
        capsys,
        files,
    )
    assert sorted(p.name for p in Path("interviews").iterdir()) == [
        "P03.csv", "p04 interview.docx", "p07.txt",
    ]  # fmt: skip


def test_a_coding_output_folder_with_its_export_is_not_called_a_folder_of_transcripts(
    study, capsys
) -> None:
    """roqa code --qdpx run/suggestions.qdpx puts a file roqa code reads beside run.json:
    `roqa import` refuses it as the folder it is (before: "a folder of transcripts
    (suggestions.qdpx)")."""
    args = ["import", "p.qdpx", "--out", "run"]
    coded, files = study
    files["decisions"] = _decisions(coded)
    shutil.copytree(coded, "run")
    assert run(["export", "coded", "--qdpx", "run/suggestions.qdpx"], capsys)[0] == 0
    assert run(["export", "coded", "--qdpx", "p.qdpx"], capsys)[0] == 0
    files.update({p.name: p for p in Path("run").iterdir()})
    _refused(
        args,
        "run: --out is a roqa coding output folder (it holds run.json and suggestions.qdpx): "
        "the outputs would go in among its files (give another --out folder)",
        capsys,
        files,
    )


def test_pseudonymise_refuses_a_coding_output_folder(study, capsys) -> None:
    coded, files = study
    before = sorted(p.name for p in coded.iterdir())
    _refused(
        ["pseudonymise", "interviews/p07.txt", "--key", "key.csv", "--out", "coded"],
        "coded: --out is a roqa coding output folder (it holds run.json), where transcripts are "
        "not read (give another --out folder)",
        capsys,
        files,
    )
    assert sorted(p.name for p in coded.iterdir()) == before


def test_a_codebook_json_the_runs_model_records_is_roqas(tmp_path: Path) -> None:
    """roqa code records a retrained model's project codebook under run.json's model (its
    description), and writes the codebook beside the codings: a rerun replaces it."""
    from roqa_nlp.io import written_by_roqa

    (tmp_path / "codebook.json").write_text(OWN_CODEBOOK.replace("my-study", "cfir-2009+project"))
    (tmp_path / "run.json").write_text('{"model": {"codebook": "cfir-2009+project"}}')
    assert written_by_roqa(tmp_path / "codebook.json")
    (tmp_path / "run.json").write_text('{"model": {"codebook": "cfir-2009"}}')
    assert not written_by_roqa(tmp_path / "codebook.json")


def test_a_codebook_json_an_earlier_run_left_and_recorded_is_roqas(tmp_path: Path) -> None:
    """A run of a built-in codebook writes no codebook.json: the one an earlier run wrote stays,
    and its run.json records it as the earlier run's (``earlier_codebook``), not the codings'."""
    from roqa_nlp.io import written_by_roqa

    (tmp_path / "codebook.json").write_text(OWN_CODEBOOK.replace("my-study", "cfir-2009+project"))
    (tmp_path / "run.json").write_text(
        '{"model": {"codebook": "cfir-2009"}, "earlier_codebook": "cfir-2009+project"}'
    )
    assert written_by_roqa(tmp_path / "codebook.json")
    (tmp_path / "codebook.json").write_text(OWN_CODEBOOK)
    assert not written_by_roqa(tmp_path / "codebook.json")


@pytest.fixture(scope="module")
def project_model(tiny_model, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model of a project codebook (cfir-2009 and a review's new code), as `roqa train
    --feedback` leaves one: the tiny model with that codebook."""
    import copy

    from roqa_nlp.codebook import Codebook
    from roqa_nlp.schema import Code

    model = copy.copy(tiny_model)
    model.codebook = Codebook.load("cfir-2009").with_codes(
        [Code("project.agency-staff", "Agency staff", "code", description="Agency staff.")],
        id="cfir-2009+project",
    )
    model.card = {
        **model.card,
        "codebook": {"id": model.codebook.id, "sha256": model.codebook.hash},
    }
    return model.save(tmp_path_factory.mktemp("project-model") / "models_study")


@pytest.mark.slow
def test_code_with_a_model_after_a_packaged_run_replaces_the_models_codebook_json(
    study, project_model: Path, capsys
) -> None:
    """satur fixer, session 56: a folder coded with --model, then with the packaged model (which
    writes no codebook.json and left the model's), then with --model again, as the warning of a
    model switch advises. Before, the last run was refused: 'mr/codebook.json: --out holds a
    file roqa did not write that it would replace', as the packaged run's run.json no longer
    named it. Now it is roqa's, and the model's codebook.json is written again."""
    with_model = ["code", "interviews/p07.txt", "--out", "mr", "--no-report"]
    with_model += ["--model", str(project_model)]
    assert run(with_model, capsys)[0] == 0
    code, _, err = run(["code", "interviews/p07.txt", "--out", "mr", "--no-report"], capsys)
    assert code == 0, err
    assert (Path("mr") / "codebook.json").read_bytes() == (
        project_model / "codebook.json"
    ).read_bytes()
    code, _, err = run(with_model, capsys)
    assert code == 0, err
    assert (Path("mr") / "codebook.json").read_bytes() == (
        project_model / "codebook.json"
    ).read_bytes()


@pytest.mark.slow
def test_a_researchers_codebook_json_put_in_after_a_packaged_run_is_still_refused(
    study, project_model: Path, capsys
) -> None:
    """The record of the earlier run's codebook.json names its id: the researcher's own codebook,
    put there after the packaged run, is not roqa's and is kept."""
    _, files = study
    with_model = ["code", "interviews/p07.txt", "--out", "mr", "--no-report"]
    with_model += ["--model", str(project_model)]
    assert run(with_model, capsys)[0] == 0
    assert run(["code", "interviews/p07.txt", "--out", "mr", "--no-report"], capsys)[0] == 0
    files["codebook"] = Path("mr") / "codebook.json"
    files["codebook"].write_text(OWN_CODEBOOK, encoding="utf-8")
    _refused(
        with_model,
        "mr/codebook.json: --out holds a file roqa did not write that it would replace "
        "(give another --out folder, or move it out of it)",
        capsys,
        files,
    )


def test_the_review_is_applied_again_into_its_folder_after_an_export_into_it(study, capsys) -> None:
    """README step 9 exports into the reviewed folder (`roqa export reviewed --qdpx
    reviewed/project.qdpx`); applying the review again there (step 7) was refused as "a roqa
    coding output folder (it holds run.json and project.qdpx)" (daily12 tester, session 82).
    The .qdpx is the folder's own export: the run writes, and names it as made before it."""
    coded, _ = study
    _decisions(coded)
    apply = ["apply-decisions", "coded", "--coder", "Alice", "--out", "reviewed"]
    assert run(apply, capsys)[0] == 0
    assert run(["export", "reviewed", "--qdpx", "reviewed/project.qdpx"], capsys)[0] == 0
    qdpx = Path("reviewed/project.qdpx").read_bytes()
    code, _, err = run(apply, capsys)
    assert (code, err) == (
        0,
        "roqa: warning: reviewed: project.qdpx is from before this run, which did not rewrite "
        "it: a report, table or export among them shows the earlier codings (make it again "
        "from these)\n",
    )
    assert Path("reviewed/project.qdpx").read_bytes() == qdpx
