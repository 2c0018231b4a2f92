"""A small hand-built coding result for the report tests and the demo screenshot.

Three short interviews written for these tests (not real data), each a list of turns; a
participant turn lists its segments (sentences) with the suggestions a model might make. Offsets
are computed from the text, so ``transcript.text[start:end] == segment.text`` holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn

NAMES = {
    "IC.F": "Complexity",
    "IC.H": "Cost",
    "OS.A": "Patient Needs & Resources",
    "OS.D": "External Policy & Incentives",
    "IS.C": "Culture",
    "IS.E.2": "Available Resources",
    "IS.E.3": "Access to Knowledge & Information",
    "CI.A": "Knowledge & Beliefs about the Intervention",
    "PR.B.3": "Champions",
}

# (speaker, [(sentence, [(code, probability, valence), ...], flags), ...]) ; speaker "I" = interviewer
Interview = list[tuple[str, list[tuple[str, list[tuple[str, float, str]], dict[str, Any]]]]]

INTERVIEWS: dict[str, tuple[str, Interview]] = {
    "p01_interview": (
        "P01",
        [
            ("I", [("Can you hear me okay?", [], {})]),
            ("P01", [("Yes, loud and clear.", [("IS.C", 0.21, "neutral")], {"procedural": True})]),
            ("I", [("What challenges have you met with recovery-orientated practice?", [], {})]),
            (
                "P01",
                [
                    (
                        "Our support workers have not been trained to understand what recovery means.",
                        [("IS.E.3", 0.86, "barrier"), ("CI.A", 0.41, "barrier")],
                        {},
                    ),
                    (
                        "Training costs money we simply do not have.",
                        [("IC.H", 0.78, "barrier"), ("IS.E.2", 0.55, "barrier")],
                        {},
                    ),
                    (
                        "My dog thinks Zoom calls are the best thing ever.",
                        [("IS.C", 0.12, "neutral")],
                        {"novel": True, "novelty_p": 0.004},
                    ),
                ],
            ),
            ("I", [("And what has helped?", [], {})]),
            (
                "P01",
                [
                    (
                        "From the directors down, everyone here believes in recovery.",
                        [("IS.C", 0.91, "enabler")],
                        {},
                    ),
                ],
            ),
        ],
    ),
    "p02_interview": (
        "P02",
        [
            ("I", [("How do commissioners affect your work?", [], {})]),
            (
                "P02",
                [
                    (
                        "The social worker said there was only funding for one-to-one support.",
                        [("OS.D", 0.83, "barrier"), ("IC.H", 0.47, "barrier")],
                        {},
                    ),
                    (
                        "So the client could not go swimming, which was what he really wanted.",
                        [("OS.A", 0.52, "barrier")],
                        {},
                    ),
                    (
                        "The pandemic has turned our rotas upside down.",
                        [("IS.E.2", 0.18, "barrier")],
                        {"novel": True, "novelty_p": 0.02},
                    ),
                ],
            ),
            ("I", [("Who drives the change in your organisation?", [], {})]),
            (
                "P02",
                [
                    (
                        "Honestly, I pushed recovery onto the agenda myself and kept pushing.",
                        [("PR.B.3", 0.88, "enabler")],
                        {},
                    ),
                ],
            ),
        ],
    ),
    "p03_interview": (
        "P03",
        [
            ("I", [("How do you review progress?", [], {})]),
            (
                "P03",
                [
                    (
                        "It is really hard to measure progress when you rely on what the service-user tells you.",
                        [("IC.F", 0.74, "barrier")],
                        {},
                    ),
                    (
                        "The Recovery Star helps us see change over time.",
                        [("IC.F", 0.62, "enabler"), ("CI.A", 0.33, "enabler")],
                        {},
                    ),
                    (
                        "The pandemic meant half the team was isolating at once.",
                        [("IS.E.2", 0.2, "barrier")],
                        {"novel": True, "novelty_p": 0.01},
                    ),
                ],
            ),
        ],
    ),
}


def build_result(interviews: dict[str, tuple[str, Interview]] = INTERVIEWS) -> CodingResult:
    """The coding result of ``interviews``: a transcript per interview, a segment per sentence
    of a participant turn."""
    segments: list[SegmentResult] = []
    transcripts: dict[str, Transcript] = {}
    for tid, (participant, turns) in interviews.items():
        text = ""
        turn_objs: list[Turn] = []
        n = 0
        for speaker, sentences in turns:
            role = "interviewer" if speaker == "I" else "participant"
            label = "Interviewer" if speaker == "I" else speaker
            text += f"{label}: "
            start = len(text)
            for k, (sentence, suggestions, flags) in enumerate(sentences):
                if k:
                    text += " "
                s0 = len(text)
                text += sentence
                if role == "participant":
                    segments.append(
                        SegmentResult(
                            segment=Segment(
                                id=f"{tid}:{n:04d}",
                                transcript_id=tid,
                                speaker=speaker,
                                role="participant",
                                start=s0,
                                end=len(text),
                                text=sentence,
                                turn_index=len(turn_objs),
                            ),
                            suggestions=[
                                Suggestion(
                                    code_id=c,
                                    name=NAMES.get(c, c),
                                    domain=c.split(".")[0],
                                    probability=p,
                                    valence=v,
                                    evidence=("We train every new starter in recovery.",)
                                    if c == "IS.E.3"
                                    else (),
                                )
                                for c, p, v in suggestions
                            ],
                            novel=bool(flags.get("novel", False)),
                            novelty_p=flags.get("novelty_p"),
                            procedural=bool(flags.get("procedural", False)),
                            off_topic=bool(flags.get("off_topic", False)),
                        )
                    )
                    n += 1
            turn_objs.append(Turn(speaker=label, role=role, start=start, end=len(text)))  # type: ignore[arg-type]
            text += "\n\n"
        transcripts[tid] = Transcript(
            id=tid,
            text=text,
            turns=turn_objs,
            source=f"examples/{tid}.txt",
            participant=participant,
        )
    return CodingResult(
        segments=segments,
        transcripts=transcripts,
        meta={
            "model": {
                "embedding_model": "all-MiniLM-L6-v2",
                "embedding_weights_sha256": "0" * 64,
                "codebook": "cfir-2009",
                "training_data_sha256": "1" * 64,
                "hash": "2" * 64,
            },
            "top_k": 3,
        },
    )


OPEN_CODING = [
    {
        "id": "candidate-001",
        "label": "pandemic, rotas, isolating",
        "keywords": ["pandemic", "rotas", "isolating"],
        "segment_ids": ["p02_interview:0002", "p03_interview:0002"],
    }
]


def build_persons_result(
    name: str = "Alice", uncoded: tuple[str, ...] = ("p02_interview:0001",)
) -> CodingResult:
    """The fixture as a person's codings (as ``roqa apply-decisions`` writes them: the person
    recorded as the user, no model), each segment of ``uncoded`` given no code (its suggestions
    rejected)."""
    result = build_result()
    result.meta = {"user": {"name": name}}
    for s in result:
        if s.segment.id in uncoded:
            s.suggestions = []
    return result


#: report.js's functions by which the recode box reads the code a researcher types, in the
#: codebook the page lists (:func:`report_js_functions`)
RECODE_FUNCTIONS = (
    "sameText",
    "squash",
    "labelOf",
    "codeWords",
    "startsWords",
    "recodeHits",
    "codeLabels",
    "aliasesOf",
    "recodeChoices",
    "recodeTarget",
)


def report_js() -> str:
    """The report page's script, report.js."""
    from roqa_nlp.report import HERE

    return (HERE / "static" / "report.js").read_text(encoding="utf-8")


def report_js_functions(*names: str) -> str:
    """report.js's functions ``names``, one after another (each from its ``  function NAME(``
    line to its closing brace), for :func:`node_prints` to run."""
    js = report_js()
    starts = [js.index(f"  function {name}(") for name in names]
    return "".join(js[start : js.index("\n  }\n", start) + 4] for start in starts)


def report_js_vars(*names: str) -> str:
    """report.js's top-level ``var`` statements ``names`` (each from its ``  var NAME =`` line
    to the first line at that depth that ends the statement), for :func:`node_prints` to run
    with the functions that read them."""
    js = report_js()
    out = []
    for name in names:
        lines = js[js.index(f"  var {name} =") :].split("\n")
        end = next(k for k, line in enumerate(lines) if line.endswith(";") and line[2] != " ")
        out.append("\n".join(lines[: end + 1]) + "\n")
    return "".join(out)


#: what report.js's Load decisions reads a decisions.csv with (:func:`decisions_csv_js`)
DECISIONS_CSV_VARS = (
    "SEPARATORS",
    "NOT_A_WORD",
    "UNICODE_WORDS",
    "MAX_HEADER_LINE",
    "NO_CELLS",
    "DECISIONS",
)
DECISIONS_CSV_FUNCTIONS = (
    "unprotect",
    "characterAt",
    "isQuote",
    "quotedCellSeparators",
    "lineSeparator",
    "parseCsv",
    "lineCells",
    "columnKey",
    "headerSeparator",
    "fromTheHeader",
    "readDecisionsCsv",
)


def decisions_csv_js() -> str:
    """The part of report.js that reads a decisions.csv loaded into the page (Load decisions:
    ``readDecisionsCsv``), with what it reads, for :func:`node_prints` to run."""
    return (
        'var FORMULA_START = /^[=+\\-@\\t\\r]/; var VALENCES = ["barrier", "enabler", "neutral"];\n'
        + report_js_vars(*DECISIONS_CSV_VARS)
        + report_js_functions(*DECISIONS_CSV_FUNCTIONS)
    )


def node_prints(script: str) -> Any:
    """What node prints running the JavaScript ``script``, read as JSON (the test is skipped
    where node is not installed: the browser tests run the page's script in the page)."""
    import json
    import shutil
    import subprocess
    import tempfile

    import pytest

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    # from a file, not `node -e`: one argument may hold at most 128 KiB on Linux, and the
    # functions of report.js some tests run are more than that
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "script.js")
        path.write_text(script, encoding="utf-8")
        out = subprocess.run([node, str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)
