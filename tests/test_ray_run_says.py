"""What a Ray run says and leaves, as the local engine does: its warnings of the speakers and of
reading, who it learns interviews from the whole study, the files of an earlier run.

What is said here is the driver's, from the study read before Ray starts and the shards merged
after: the chunks, and each chunk coded apart, are those of any number of actors. So this
module's local Ray has one CPU, and each run codes its chunks in one actor (each actor that
starts imports Ray Data and roqa again: 2-3 s of CPU); the actors themselves, two of them, their
options and their embedding with the cache off, are test_engines'. The texts of each study are
embedded beforehand (``embedded_beforehand``, or a local run first), so no actor loads the
embedding model.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from roqa_nlp.cli import main
from test_engines import NAMED, SAME, roqa, roqa_said

if TYPE_CHECKING:
    from roqa_nlp.autocoder import AutoCoder

# A group of its own, beside test_engines' ("ray"): the two can run on two workers, each with
# its own local Ray (of one CPU here).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("ray_says")]


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """A local Ray of one CPU for the module: each run's actor pool is one actor."""
    if importlib.util.find_spec("ray") is None:  # not imported here: ray_session imports it
        pytest.skip("the ray engine needs `pip install roqa_nlp[ray]`")
    from roqa_nlp.ray_engine import ray_session

    # roqa's own local Ray: on this machine, in a private temp folder removed at the end
    with ray_session(num_cpus=1):
        yield


def embedded_beforehand(
    coder: AutoCoder, *paths: Path, interviewer_labels: list[str] | None = None
) -> None:
    """Code ``paths`` with the local engine in this process first (its embedding model loaded
    already), so that every text a Ray run of them embeds is in the session's embedding cache
    and its actors load no embedding model: each actor that embeds spent 8-15 s importing
    sentence-transformers and loading the model, for a few short turns. For the tests of what a
    Ray run says; how the actors embed, with the cache off, is
    test_engines' test_the_ray_engine_writes_the_codings_of_the_local_engine's."""
    import warnings

    with warnings.catch_warnings():  # said by the Ray run under test, not by this one
        warnings.simplefilter("ignore")
        coder.code(list(paths), interviewer_labels=interviewer_labels)


def test_the_ray_engine_warns_of_no_interviewer_and_takes_the_interviewer_option(
    local_ray: None,
    tiny_model: AutoCoder,
    tiny_model_dir: Path,
    tmp_path: Path,
    sam_roe_named: tuple[Path, list[str]],
) -> None:
    """Without --interviewer, a warning and everyone's talk coded; with it (the study of
    ``sam_roe_named``, where zoom_p08 holds these very turns), Sam Roe's talk is left out and
    nothing is said of zoom_p08."""
    from roqa_nlp.result import CodingResult

    named = tmp_path / "zoom_p07.txt"
    named.write_text(NAMED, "utf-8")
    embedded_beforehand(tiny_model, named)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(
            [
                str(a)
                for a in (
                    "code", named, "--out", tmp_path / "out0", "--model", tiny_model_dir,
                    "--engine", "ray",
                )
            ]
        )  # fmt: skip
    warned = [line for line in err.getvalue().splitlines() if line.startswith("roqa: ")]
    speakers = [s.segment.speaker for s in CodingResult.read(tmp_path / "out0")]
    assert warned == [
        f"roqa: warning: {named}: no interviewer among the speakers 'Sam Roe', 'Jo Bell', "
        "so everyone's talk was coded (name the interviewer with --interviewer NAME)"
    ]
    assert speakers == ["Sam Roe", "Jo Bell"]
    study_out, warned = sam_roe_named
    speakers = [
        s.segment.speaker
        for s in CodingResult.read(study_out)
        if s.segment.transcript_id == "zoom_p08"
    ]
    assert ([w for w in warned if "zoom_p08" in w], speakers) == ([], ["Jo Bell"])


@pytest.fixture(scope="module")
def sam_roe_named(
    local_ray: None,
    tiny_model: AutoCoder,
    tiny_model_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, list[str]]:
    """``roqa code --engine ray --interviewer 'Sam Roe'`` of test_cli_inspect's STUDY_OF_TWO
    and NAMED as zoom_p08 (Sam Roe asks there too): its output folder and the lines it said.
    One Ray run for two tests, which each started one (6-15 s of actor start-up)."""
    from test_cli_inspect import STUDY_OF_TWO

    study = tmp_path_factory.mktemp("sam-roe") / "study"
    study.mkdir()
    for name, text in {**STUDY_OF_TWO, "zoom_p08.txt": NAMED}.items():
        (study / name).write_text(text, "utf-8")
    embedded_beforehand(tiny_model, study, interviewer_labels=["Sam Roe"])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(
            [
                str(a)
                for a in (
                    "code", study, "--out", study.parent / "out", "--model", tiny_model_dir,
                    "--engine", "ray", "--interviewer", "Sam Roe",
                )
            ]
        )  # fmt: skip
    warned = [line for line in err.getvalue().splitlines() if line.startswith("roqa: ")]
    return study.parent / "out", warned


def test_the_ray_engine_calls_an_interviewer_name_unmatched_only_when_no_transcript_has_it(
    sam_roe_named: tuple[Path, list[str]],
) -> None:
    """As the local engine (test_reader_audit): Sam Roe interviews in zoom_p07, so p31, whose
    interviewer is guessed, is not said to match no 'Sam Roe'."""
    out, warned = sam_roe_named
    study = out.parent / "study"
    assert warned == [
        f"roqa: warning: {study / 'p31.txt'}: no speaker is named as the interviewer, so "
        "'Speaker 1', who asks the questions (3 of 3 turns), was taken as the interviewer (name "
        "the interviewer with --interviewer NAME to choose otherwise)"
    ]


def _study_without_a_clear_interviewer(folder: Path) -> Path:
    """Sam Roe asks in p01 and p02; in p03 Ada Lee asks back, so only the study says who
    interviews there (roles.with_study_interviewers)."""
    from test_transcripts import ADA_ASKS_BACK, SAM_ASKS

    folder.mkdir()
    for name, turns in (("p01", SAM_ASKS), ("p02", SAM_ASKS), ("p03", ADA_ASKS_BACK)):
        (folder / f"{name}_zoom.txt").write_text("".join(f"{s}: {w}\n" for s, w in turns), "utf-8")
    return folder


def test_the_ray_engine_learns_who_interviews_from_the_whole_study(
    local_ray: None, tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Each chunk coded alone did not see the study: Sam Roe's questions in p03 were coded as
    participant talk under Ray, not under the local engine (session 27)."""
    study = _study_without_a_clear_interviewer(tmp_path / "study")
    local, ray = tmp_path / "local", tmp_path / "ray"
    roqa("code", study, "--out", local, "--model", tiny_model_dir, "--no-report")
    roqa("code", study, "--out", ray, "--model", tiny_model_dir, "--engine", "ray")
    assert len(list(ray.glob("codings-*.jsonl"))) == 3  # one transcript a chunk
    for name in SAME:
        assert (ray / name).read_bytes() == (local / name).read_bytes(), name
    speakers = {
        json.loads(line)["speaker"] for line in (ray / "codings.jsonl").open(encoding="utf-8")
    }
    assert speakers == {"Jo Bell", "Ada Lee"}


def test_the_ray_engine_warns_as_the_local_engine_does_and_leaves_no_stale_shards(
    local_ray: None, tiny_model_dir: Path, tmp_path: Path
) -> None:
    """A transcript of backchannels only, and words between cues without a timing line, were
    warned of by the local engine only; shards of an earlier, larger run stayed (session 27)."""
    study = tmp_path / "study"
    study.mkdir()
    (study / "p01.txt").write_text("Interviewer: Why?\nP01: No staff, and no money.\n", "utf-8")
    # a reply to a statement, not to a question (which would be an answer, and coded)
    (study / "p02.txt").write_text("Interviewer: That sounds hard.\nP02: Yeah.\n", "utf-8")
    (study / "p03.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nInterviewer: What helped?\n\n"
        "00:00:05.000 --> 00:00:09.000\nP03: The manager.\n\nP03: And the training.\n",
        "utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    for kind in ("codings", "transcripts"):
        (out / f"{kind}-00007.jsonl").write_text("{}\n", "utf-8")  # an earlier run's
    warned = {}
    for engine in ("local", "ray"):
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            main(
                [
                    str(a)
                    for a in (
                        "code",
                        study,
                        "--out",
                        out if engine == "ray" else tmp_path / "local",
                        "--model",
                        tiny_model_dir,
                        "--no-report",
                        "--engine",
                        engine,
                    )
                ]
            )
        warned[engine] = sorted(
            line for line in err.getvalue().splitlines() if line.startswith("roqa: warning:")
        )
    assert warned["ray"] == warned["local"] and len(warned["ray"]) == 2, warned
    assert any("nothing to code" in w for w in warned["ray"])
    assert any("has no timing line" in w for w in warned["ray"])
    assert not (out / "codings-00007.jsonl").exists()
    assert not (out / "transcripts-00007.jsonl").exists()


@pytest.fixture(scope="module")
def guesses_and_chat(
    local_ray: None,
    tiny_model: AutoCoder,
    tiny_model_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, list[str]]:
    """``roqa code --engine ray`` of a study whose interviewers are guessed (zoom_p07-p09) and
    of a call with Zoom chat lines (p04): the study folder and the lines said. One Ray run for
    the two tests below, which each started one (6-15 s of actor start-up)."""
    from test_cli_core import NAMED as TALK
    from test_cli_inspect import CHAT_CALL

    study = tmp_path_factory.mktemp("guesses") / "study"
    study.mkdir()
    talk = TALK + "Sam Roe: Anything else?\n\nJo Bell: No, that's everything.\n"
    (study / "zoom_p07.txt").write_text(talk, "utf-8")
    (study / "zoom_p08.txt").write_text(talk.replace("Jo Bell", "Kim Ng"), "utf-8")
    (study / "zoom_p09.txt").write_text(talk.replace("Sam Roe", "Ann Lee"), "utf-8")
    (study / "p04.txt").write_text(CHAT_CALL, "utf-8")
    embedded_beforehand(tiny_model, study)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(
            [
                str(a)
                for a in (
                    "code", study, "--out", study.parent / "out", "--model", tiny_model_dir,
                    "--engine", "ray",
                )
            ]
        )  # fmt: skip
    return study, [line for line in err.getvalue().splitlines() if line.startswith("roqa: ")]


def test_the_ray_engine_says_an_interviewer_guessed_alike_in_several_files_once(
    guesses_and_chat: tuple[Path, list[str]],
) -> None:
    """As the local engine (test_cli_core): the guesses taking 'Sam Roe' in two files are one
    line for the run; Ann Lee's, taken in no other file, keeps its own. (p04, the Zoom call of
    the test below, has its interviewer named: nothing else is said of it.)"""
    study, said = guesses_and_chat
    assert [line for line in said if str(study / "p04.txt") not in line] == [
        "roqa: warning: no speaker is named as the interviewer in 2 transcripts, so the one who "
        "asks the questions was taken as the interviewer in each ('Sam Roe' in zoom_p07.txt, "
        "zoom_p08.txt) (name the interviewer with --interviewer NAME to choose otherwise)",
        f"roqa: warning: {study / 'zoom_p09.txt'}: no speaker is named as the interviewer, so "
        "'Ann Lee', who asks the questions (3 of 3 turns), was taken as the interviewer (name the "
        "interviewer with --interviewer NAME to choose otherwise)",
    ]


def test_the_ray_engine_notes_the_zoom_chat_lines_left_out_as_the_local_engine_does(
    guesses_and_chat: tuple[Path, list[str]],
) -> None:
    study, said = guesses_and_chat
    chat = study / "p04.txt"
    assert [line for line in said if str(chat) in line] == [
        f"roqa: note: {chat}: 2 Zoom chat lines left out (typed in the call's chat, not speech: "
        "not coded; roqa inspect lists them)",
        f"roqa: note: {chat}: 2 participants speak ('P04a', 'P04b'), each counted and cited by "
        "their label in the case P04: if they are one person under two labels (renamed in the "
        "call), label all their turns alike",
    ]


def a_small_study(folder: Path) -> Path:
    """Two short transcripts with their interviewer named: coded without a warning."""
    folder.mkdir()
    (folder / "p01.txt").write_text(
        "Interviewer: What got in the way?\nP01: No staff, and no money for agency cover.\n",
        "utf-8",
    )
    (folder / "p02.txt").write_text(
        "Interviewer: What helped?\nP02: The manager backed the training every week.\n", "utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def ray_over_local(
    local_ray: None, tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, object]:
    """A small study coded by the local engine, then by Ray into the same folder, then (with an
    export made from the codings) by Ray again: what each Ray run said and left. One sequence for
    the two tests below, which each ran Ray on this study (6-15 s of actor start-up a run)."""
    study = a_small_study(tmp_path_factory.mktemp("again") / "study")
    out = study.parent / "out"
    assert roqa_said("code", study, "--out", out, "--model", tiny_model_dir) == []
    earlier = ("open_coding.csv", "open_coding.jsonl", "report.html")
    assert all((out / name).is_file() for name in earlier)
    run = ("code", study, "--out", out, "--model", tiny_model_dir, "--engine", "ray")
    seen: dict[str, object] = {"out": out, "said over local": roqa_said(*run)}
    seen["left of local"] = [name for name in earlier if (out / name).exists()]
    (out / "export.csv").write_text("transcript,code\np01,IC.B\n", "utf-8")  # made from them
    seen["said again"] = roqa_said(*run)
    seen["shards"] = sorted(p.name for p in out.glob("*-0000*.jsonl"))
    return seen


def test_a_ray_run_again_into_its_folder_calls_only_the_files_it_did_not_rewrite_stale(
    ray_over_local: dict[str, object],
) -> None:
    """Coding a folder again with Ray said its own shards, rewritten by that run, were 'from
    before this run, which did not rewrite them' (engines tester s63, 1): the shards were named
    by a pattern among the files written, not one by one. (A first Ray run into a new folder
    says nothing: test_engines' test_the_ray_engine_writes_the_codings_of_the_local_engine.)"""
    out = ray_over_local["out"]
    assert ray_over_local["said again"] == [
        f"roqa: warning: {out}: export.csv is from before this run, which did not rewrite it: a "
        "report, table or export among them shows the earlier codings (make it again from these)"
    ]
    assert ray_over_local["shards"] == [
        "codings-00000.jsonl",
        "codings-00001.jsonl",
        "transcripts-00000.jsonl",
        "transcripts-00001.jsonl",
    ]


def test_a_ray_run_removes_the_report_and_queue_of_the_codings_it_replaced(
    ray_over_local: dict[str, object],
) -> None:
    """A Ray run into a folder the local engine coded left that run's report.html and
    open_coding.* beside the new codings, warned of (engines tester s63, 3), where the local
    engine writes them again: a report.html opened showed the earlier codings. Roqa's own are
    removed once the new codings are in place, and said so."""
    out = ray_over_local["out"]
    assert ray_over_local["said over local"] == [
        f"roqa: note: {out}: removed the earlier run's open_coding.csv, open_coding.jsonl and "
        "report.html, made from the codings this run replaced (the Ray engine writes none: "
        f"`roqa report {out}` writes the report of these; a review kept in the browser is "
        "carried into it when it is opened from the same place)"
    ]
    assert ray_over_local["left of local"] == []


def test_the_ray_engine_warns_of_a_review_its_unit_does_not_carry(
    local_ray: None, tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Session 81: a folder reviewed in windows, coded again by Ray with --unit sentence, said
    nothing of the review its segments no longer hold, where the local engine warns (hunt7 H2's
    rule: judged by the review's matches). Ray reads back the codings it wrote, and warns alike."""
    study = tmp_path / "study"
    study.mkdir()
    (study / "p01.txt").write_text(
        "Interviewer: What got in the way?\n"
        "P01: No staff came. There was no money for agency cover either.\n",
        "utf-8",
    )
    out = tmp_path / "out"
    roqa("code", study, "--out", out, "--model", tiny_model_dir)
    # the sentences embedded here first, so that no actor loads the embedding model
    roqa("code", study, "--out", tmp_path / "sentences", "--model", tiny_model_dir,
         "--unit", "sentence")  # fmt: skip
    segment = json.loads((out / "codings.jsonl").read_text("utf-8").splitlines()[0])
    assert segment["text"] == "No staff came. There was no money for agency cover either."
    (out / "decisions.csv").write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f'{segment["segment_id"]},note,,,read again,"{segment["text"]}"\n',
        "utf-8",
    )
    run = ("code", study, "--out", out, "--model", tiny_model_dir, "--engine", "ray")
    said = roqa_said(*run, "--unit", "sentence")
    assert [line for line in said if "--unit" in line] == [
        f"roqa: warning: {out}: 1 decision of decisions.csv matches no segment of this run, which "
        "codes with --unit sentence; the earlier run in it coded with --unit window (if the "
        "review was made on its segments, give --unit window to keep it, or another --out)"
    ]
    assert [line for line in roqa_said(*run, "--unit", "window") if "--unit" in line] == []


def test_the_ray_engine_warns_of_one_interview_under_two_names_as_the_local_engine_does(
    local_ray: None, tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Hunter hunt13 (session 81, F5): with --engine ray, a copy of an interview under another
    name (coded twice) and its Zoom captions relabelled as another case were said by the local
    engine only: each chunk (one transcript here) was checked alone on its actor, whose warnings
    never reach the user. The merge checks the study's transcripts as the local engine does."""
    from test_transcripts import _CLEANED, _FOLLOW_UP, _ZOOM

    study = tmp_path / "study"
    study.mkdir()
    (study / "p07.txt").write_text(_CLEANED, "utf-8")
    (study / "p07 copy.txt").write_text(_CLEANED, "utf-8")
    (study / "p08.txt").write_text(_FOLLOW_UP.replace("P07", "P08"), "utf-8")
    (study / "p09.vtt").write_text(_ZOOM.replace("P07", "P09"), "utf-8")
    said = {}
    for engine in ("local", "ray"):  # the local run first: the actor loads no embedding model
        run = ("code", study, "--out", tmp_path / engine, "--model", tiny_model_dir)
        said[engine] = [
            line
            for line in roqa_said(*run, "--no-report", "--engine", engine)
            if "same text as" in line
        ]
    assert len(list((tmp_path / "ray").glob("codings-*.jsonl"))) == 4  # one transcript a chunk
    copy, first = study / "p07 copy.txt", study / "p07.txt"
    assert said["local"] == [
        f"roqa: warning: {first}: holds the same text as {copy}: one interview under two names "
        "is coded twice (its quotes are in the codings twice), though both are case P07, which "
        "saturation counts once (leave one out)",
        f"roqa: warning: {study / 'p09.vtt'}: is nearly the same text as {copy} (86% of the "
        "participant words of the shorter said in the other too, 4 or more in a row), read as "
        f"case P09 and {copy} as case P07: one interview saved twice under two names (a "
        "recording's captions named by the recorder beside its transcript, a draft and its "
        "final) would be coded twice and counted as two cases toward saturation (leave one out)",
    ]
    assert said["ray"] == said["local"]
