"""docs/refi-qda.md, "4. Bring the decisions back", run as written: ``roqa import`` names each
coder's folder so that it can be typed in a shell (the model user ``roqa_nlp 0.1.0 (model sha256:
e0d5c0d6…)`` as ``roqa_nlp_0.1.0_model_sha256_e0d5c0d6``), so the documented glob
``reviewed/codings/roqa_nlp_*/codings.jsonl`` finds the model's codings and training runs. Before
(newcomer, session 47), the folder was ``roqa_nlp 0.1.0 (model sha256_e0d5c0d6…)``, with spaces,
brackets and a "…", and the shell passed the glob on unmatched."""

from __future__ import annotations

import glob
import json
import re
import shlex
import zipfile
from pathlib import Path

import pytest

from roqa_nlp import __version__
from roqa_nlp.exchange import export_qdpx
from roqa_nlp.exchange.refiqda import code_guid
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript
from test_cli_core import TRAINING, roqa

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "refi-qda.md"
CARD = REPO / "models" / "default" / "model_card.json"
TEXT = "P04: We lacked staff for weeks. The manager found agency cover."
MODEL_HASH = json.loads(CARD.read_text("utf-8"))["model_sha256"]


def documented_commands() -> list[list[str]]:
    """The commands of the section's bash block, each as the shell splits it (comments and line
    continuations as the shell reads them)."""
    section = DOC.read_text("utf-8").split("## 4. Bring the decisions back", 1)[1]
    block = section.split("```bash\n", 1)[1].split("```", 1)[0]
    return [shlex.split(line, comments=True) for line in block.replace("\\\n", " ").splitlines()]


def reviewed_qdpx(folder: Path) -> Path:
    """The packaged model's suggestion (IS.E.2 on the staff passage) exported, then Alice's
    coding of the passage to IS.E.1 added as a QDA program would."""
    start = TEXT.index("We lacked")
    end = start + len("We lacked staff for weeks.")
    seg = Segment("P04:1", "P04", "P04", "participant", start, end, TEXT[start:end])
    suggestion = Suggestion("IS.E.2", "Available Resources", "IS", 0.8, "barrier")
    result = CodingResult(
        segments=[SegmentResult(seg, [suggestion])],
        transcripts={"P04": Transcript("P04", TEXT, [], participant="P04")},
        meta={"model": {"hash": MODEL_HASH}},
    )
    export_qdpx(result, "cfir-2009", folder / "s.qdpx")
    with zipfile.ZipFile(folder / "s.qdpx") as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = members.pop("project.qde").decode()
    alice = "00000000-0000-4000-8000-0000000000aa"
    qde = qde.replace("</Users>", f'<User guid="{alice}" name="Alice"/></Users>').replace(
        "</TextSource>",
        f'<PlainTextSelection guid="00000000-0000-4000-8000-0000000000b1" '
        f'startPosition="{start}" endPosition="{end - 1}"><Coding '
        f'guid="00000000-0000-4000-8000-0000000000c1" creatingUser="{alice}"><CodeRef '
        f'targetGUID="{code_guid("cfir-2009", "IS.E.1")}"/></Coding></PlainTextSelection>'
        "</TextSource>",
    )
    with zipfile.ZipFile(folder / "reviewed.qdpx", "w") as z:
        z.writestr("project.qde", qde)
        for n, data in members.items():
            z.writestr(n, data)
    return folder / "reviewed.qdpx"


def test_the_folder_the_docs_name_is_the_packaged_models() -> None:
    prose = DOC.read_text("utf-8")
    named = f"`roqa_nlp_{__version__}_model_sha256_{MODEL_HASH[:8]}` for the packaged model today"
    assert named in re.sub(r"\s+", " ", prose)


@pytest.mark.slow
def test_the_documented_round_trip_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reviewed_qdpx(tmp_path)
    monkeypatch.chdir(tmp_path)
    imported, reported, agreed, trained = documented_commands()
    assert imported == [".venv/bin/roqa", "import", "reviewed.qdpx", "--out", "reviewed"]
    assert reported == [
        ".venv/bin/roqa",
        "report",
        "reviewed/codings/Alice",
        "--table",
        "table2.docx",
    ]
    run = roqa(*imported[1:])
    assert (run.code, run.err) == (0, "")
    model = f"roqa_nlp_{__version__}_model_sha256_{MODEL_HASH[:8]}"
    assert sorted(p.name for p in Path("reviewed/codings").iterdir()) == ["Alice", model]
    # each user's folder holds what the documented tree lists
    for user in ("Alice", model):
        held = sorted(p.name for p in (Path("reviewed/codings") / user).iterdir())
        assert held == ["codings.csv", "codings.jsonl", "run.json", "transcripts.jsonl"], user
    # the user's name is kept where it is read from (run.json, import.json)
    run_json = json.loads((Path("reviewed/codings") / model / "run.json").read_text("utf-8"))
    user = f"roqa_nlp {__version__} (model sha256: {MODEL_HASH[:8]}…)"
    assert run_json["user"]["name"] == user
    report = json.loads(Path("reviewed/import.json").read_text("utf-8"))
    assert report["codings"][user]["dir"] == f"codings/{model}"
    assert report["decisions"]["Alice"]["file"] == "decisions/Alice.csv"
    # a coder's folder, not reviewed/, is what roqa report takes (study10 D5, session 80)
    run = roqa(*reported[1:])
    assert run.code == 0, run.err
    assert (tmp_path / "table2.docx").is_file()
    run = roqa(*agreed[1:])
    assert run.code == 0, run.err
    # the shell expands the glob before roqa sees it: it matches the model's codings alone
    expanded = [a for arg in trained[1:] for a in (sorted(glob.glob(arg)) or [arg])]
    assert expanded[expanded.index("--codings") + 1] == f"reviewed/codings/{model}/codings.jsonl"
    assert expanded[:2] == ["train", "training_data"]
    run = roqa("train", TRAINING, *expanded[2:])
    assert run.code == 0, run.err
    assert (tmp_path / "my-model" / "model_card.json").is_file()
