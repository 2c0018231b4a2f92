"""Specification of a review's codings going to a QDA program and back (REFI-QDA round trips).

The codings ``roqa apply-decisions`` writes from a review (a person's, under the reviewer's name)
are exported with ``roqa export --qdpx`` and read back with ``roqa import``. What the reviewer
decided comes back as it was: each code, each valence (a neutral the reviewer set as well as a
barrier or an enabler, and the model's valence they kept, with its probability), and "no
valence given" only where none was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, reviewed_codings
from roqa_nlp.exchange import export_qdpx, read_qdpx
from roqa_nlp.exchange.validation import qdpx_schema_errors
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn
from test_refiqda import NS, PROJECT_XSD, needs_reference, qde_of

TEXTS = [
    "We could change who gets notified, not the scoring.",
    "Some older patients think we are texting.",
    "The devices are always on charge.",
    "Nobody told us about the pilot.",
]


@pytest.fixture(scope="module")
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")


def model_codings() -> CodingResult:
    """One transcript p01, a segment per text: the model suggested IS.E.2 (neutral, 0.45) on
    the first three, nothing on the fourth."""
    text = " ".join(TEXTS)
    segs, pos = [], 0
    for n, words in enumerate(TEXTS, 1):
        seg = Segment(f"p01:{n:04d}", "p01", "P01", "participant", pos, pos + len(words), words)
        suggested = [
            Suggestion(
                "IS.E.2", "Available Resources", "IS", 0.6, "neutral", valence_probability=0.454
            )
        ]
        segs.append(SegmentResult(seg, suggested if n < 4 else [], novel=n == 4))
        pos += len(words) + 1
    transcript = Transcript(
        "p01", text, [Turn("P01", "participant", 0, len(text))], participant="P01"
    )
    return CodingResult(segs, {"p01": transcript}, {"model": {"hash": "abc123"}})


REVIEW = [
    Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
    Decision("p01:0001", "valence", text=TEXTS[0], valence="neutral"),  # the reviewer's neutral
    Decision("p01:0002", "accept", "IS.E.2", text=TEXTS[1]),  # the model's neutral, kept
    Decision("p01:0003", "accept", "IS.E.2", text=TEXTS[2]),
    Decision("p01:0003", "valence", text=TEXTS[2], valence="barrier"),
    Decision("p01:0004", "recode", "IS.B", text=TEXTS[3]),  # no valence from anyone
]


def reviewed(cfir: Codebook) -> CodingResult:
    result, _, _ = reviewed_codings(REVIEW, model_codings(), cfir, coder="Alice")
    return result


def descriptions(path: Path) -> list[tuple[str, str | None]]:
    """(selection name, description) of each selection of an exported project."""
    return [
        (sel.get("name") or "", sel.findtext(NS + "Description"))
        for sel in qde_of(path).iter(NS + "PlainTextSelection")
    ]


@needs_reference
def test_a_reviewers_neutral_is_written_like_a_barrier(cfir: Codebook, tmp_path: Path) -> None:
    """Before: only a barrier or an enabler was written (`valence: barrier`), so the reviewer's
    neutral on p01:0001 and the model's neutral they kept on p01:0002 had no description and
    came back as "no valence given"."""
    out = tmp_path / "alice.qdpx"
    export_qdpx(reviewed(cfir), cfir, out)
    assert qdpx_schema_errors(out, PROJECT_XSD) == []
    assert descriptions(out) == [
        ("line:0 p01:0001", "valence: neutral"),
        ("line:0 p01:0002", "valence: neutral (p=0.454)"),
        ("line:0 p01:0003", "valence: barrier"),
        ("line:0 p01:0004", None),  # given no valence by anyone: none written
    ]


def test_a_reviewers_neutral_comes_back_as_given(cfir: Codebook, tmp_path: Path) -> None:
    """Before: run.json listed valence_not_given: [p01:0001, p01:0002], and `roqa agree`
    between the reviewed codings and these left both out of the valence comparison."""
    out = tmp_path / "alice.qdpx"
    export_qdpx(reviewed(cfir), cfir, out)
    back = read_qdpx(out).codings["Alice"]
    assert [
        (s.segment.id, g.code_id, g.valence, g.valence_probability)
        for s in back
        for g in s.suggestions
    ] == [
        ("p01:0001", "IS.E.2", "neutral", None),
        ("p01:0002", "IS.E.2", "neutral", 0.454),
        ("p01:0003", "IS.E.2", "barrier", None),
        ("p01:0004", "IS.B", "neutral", None),
    ]
    assert back.meta["valence_not_given"] == ["p01:0004"]


def merged(model: Path, person: Path, out: Path) -> Path:
    """The two exports merged as a QDA program merges projects by GUID: ``person``'s user,
    selections and the top-level codes ``model`` lacks added to ``model``'s project (same
    transcripts: same source GUIDs)."""
    import xml.etree.ElementTree as ET
    import zipfile

    with zipfile.ZipFile(model) as z:
        members = {n: z.read(n) for n in z.namelist()}
    root = ET.fromstring(members.pop("project.qde"))
    theirs = qde_of(person)
    codes = root.find(f"{NS}CodeBook/{NS}Codes")
    known = {c.get("guid") for c in root.iter(NS + "Code")}
    for code in theirs.find(f"{NS}CodeBook/{NS}Codes"):  # type: ignore[union-attr]
        if code.get("guid") not in known:
            codes.append(code)  # type: ignore[union-attr]
    root.find(NS + "Users").extend(theirs.find(NS + "Users"))  # type: ignore[union-attr]
    source = root.find(f"{NS}Sources/{NS}TextSource")
    source.extend(theirs.find(f"{NS}Sources/{NS}TextSource"))  # type: ignore[union-attr,arg-type]
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("project.qde", ET.tostring(root, encoding="utf-8", xml_declaration=True))
        for n, data in members.items():
            z.writestr(n, data)
    return out


@needs_reference
def test_a_reviewers_neutral_in_a_merged_project_is_a_valence_decision(
    cfir: Codebook, tmp_path: Path
) -> None:
    """The reviewer's export merged with the suggestions: their `valence: neutral` gives a
    valence decision as `valence: barrier` does. Before: the barrier gave one, the neutral
    none, and the model's neutral they kept (`valence: neutral (p=0.454)`) none either, as
    it should."""
    from roqa_nlp.exchange.review import review_decisions

    export_qdpx(model_codings(), cfir, tmp_path / "model.qdpx", top_k=1)
    export_qdpx(reviewed(cfir), cfir, tmp_path / "alice.qdpx")
    project = merged(tmp_path / "model.qdpx", tmp_path / "alice.qdpx", tmp_path / "both.qdpx")
    assert qdpx_schema_errors(project, PROJECT_XSD) == []
    codings = read_qdpx(project).codings
    (machine,) = [r for u, r in codings.items() if u != "Alice"]
    found = review_decisions(machine, codings["Alice"], coder="Alice")
    assert [(d.segment_id, d.decision, d.code_id, d.valence) for d in found] == [
        ("p01:0001", "accept", "IS.E.2", ""),
        ("p01:0001", "valence", "", "neutral"),
        ("p01:0002", "accept", "IS.E.2", ""),
        ("p01:0003", "accept", "IS.E.2", ""),
        ("p01:0003", "valence", "", "barrier"),
        ("p01:0004", "recode", "IS.B", ""),
    ]
