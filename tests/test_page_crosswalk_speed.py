"""Specification: the report's crosswalk for the page (``page_crosswalk``) is computed once per
segment and codebook, and is byte for byte what it was before that.

At study scale (2,255 segments) it took 7.1 s of a 12 s report: each segment's shares of
probability were worked out twice (for the ranked codes and for their origins), its words and
the target codebook's words once per suggestion, and every code looked up by id went through
the name-ambiguity check."""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions_crosswalk import page_crosswalk
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

CFIR = Codebook.load("cfir-2009")
CFIR2 = Codebook.load("cfir-2022")


#: Words CFIR 2.0's descriptions gained after these segments were drawn, left out so that the
#: segments stay as they were (s72: Mid-level Leaders' managers "report to the leaders above
#: them"), and the figures below say what charting does, not what a new word drew
_WORDS_SINCE = frozenset({"above"})


def many_codings(n: int = 300, seed: int = 40) -> CodingResult:
    """``n`` segments of words from CFIR 2.0's code names and descriptions (so a suggestion
    reaching several codes shares by them), each with five to eight suggestions of CFIR 2009
    codes; a segment with none, one with a project's own code and one certain (p = 1)."""
    rng = random.Random(seed)
    words = sorted(
        {w for c in CFIR2.codable for w in f"{c.name} {c.description or ''}".split() if w.isalpha()}
        - _WORDS_SINCE
    )
    codable = CFIR.codable
    out, pos = [], 0
    for i in range(n):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(4, 30))) + "."
        chosen = rng.sample(codable, rng.randint(5, 8))
        ps = sorted((round(rng.random() ** 3, 6) for _ in chosen), reverse=True)
        sugs = [
            Suggestion(
                c.id,
                c.name,
                c.domain,
                p,
                rng.choice(["barrier", "enabler", "neutral"]),
                valence_probability=round(rng.random(), 6),
            )
            for c, p in zip(chosen, ps)
        ]
        if i == 0:
            sugs = []
        elif i == 3:
            sugs.append(Suggestion("project:staff-wellbeing", "Staff wellbeing", None, 0.01))
        elif i == 2:
            sugs[0] = Suggestion(sugs[0].code_id, sugs[0].name, sugs[0].domain, 1.0)
        seg = Segment(f"p01:{i:04d}", "p01", "P01", "participant", pos, pos + len(text), text)
        out.append(SegmentResult(segment=seg, suggestions=sugs, novel=False, novelty_p=0.5))
        pos += len(text) + 1
    return CodingResult(out, meta={"model": {"codebook": "cfir-2009"}})


def test_the_page_crosswalk_of_300_segments_is_what_it_was() -> None:
    page = page_crosswalk(many_codings(), CFIR)
    shown = page["shown"]["cfir-2022"]  # type: ignore[index]
    # 292 until session 42: 7 whose top code has no CFIR 2.0 counterpart were not charted; 299
    # when every one was charted under its next suggestions (tester s42/cfir22, defect 3); 293
    # since only a top below the sure line (0.40) lets the next ones be charted: 6 are not
    assert len(shown) == 293
    assert shown["p01:0003"][4] == ["project:staff-wellbeing", ""]  # kept as it is
    assert shown["p01:0002"][:2] == [["IND.K", "CI.B"], ["IND.L", "CI.E"]]
    # 108 from 1380472 until its regression hunt (session 41): 17 segments whose top
    # suggestion's seed themes are all of the other side were shown none; they are shown
    # those themes again, for review (a lower suggestion of the kind still reaches none)
    # 125 until session 42; 292 when a segment whose top code reaches no seed theme was charted
    # under the themes of its next suggestions whatever the top's probability (near-zero ones
    # among them); 142 since that holds only for a top below the sure line (0.40)
    assert len(page["shown"]["erondu-2021"]) == 142  # type: ignore[index]
    text = json.dumps(page, ensure_ascii=False)
    # changed by session 42: the model's ranking kept, each code at its suggestion's probability,
    # and a sure top code with no counterpart leaving its segment uncharted; by session 52, the
    # words of the codebook's setting ("health", "mental") no longer share: the order of
    # Patient Needs & Resources' community themes changed in 2 segments (p01:0222, p01:0228);
    # by session 61, a description's "Not ... (Communications)" sentence counts for the code it
    # names, not the one it is in: the order of CFIR 2.0 counterparts changed in 102 segments,
    # and in 6 of them the suggestion a code two suggestions reach was shown for; then (its
    # regression hunt) a topic handed on to two codes counts for neither: 6 segments more; by
    # session 69, a word said twice counts twice, a word of an alias said apart from it that
    # another counterpart speaks of weighs once (nothing, if the code's description does not say
    # it), and High-level Leaders has the aliases Senior management and Senior team: the order
    # of CFIR 2.0 counterparts changed in 16 segments (the top in 1: p01:0195, Financing before
    # Policies & Laws), of the seed themes in 1
    assert (
        hashlib.sha256(text.encode()).hexdigest()
        == "8b5e10173af3645d4445e344b058dd06473d3669a017c43104fd87aac07dbea8"
    )


def test_each_segments_shares_are_worked_out_once_per_codebook(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from roqa_nlp import crosswalk

    calls: list[int] = []
    real = crosswalk._shares

    def counted(*args, **kw):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kw)

    monkeypatch.setattr(crosswalk, "_shares", counted)
    page_crosswalk(many_codings(40), CFIR)
    # 39 segments with suggestions x 2 codebooks (cfir-2022, erondu-2021) = 78, of which 59 are
    # charted there, once each (it was 116, twice): 19 tops have no counterpart and are sure (at
    # or above 0.40), so their segments are left uncharted without working their shares out (58
    # until session 42, when a top below the line did so too; 78 when no top did)
    assert len(calls) == 59


SHARES_BY_SEED = """
import sys
sys.path.insert(0, sys.argv[1])
from test_page_crosswalk_speed import CFIR2, many_codings
from roqa_nlp.crosswalk import target_shares
ids = [c.id for c in CFIR2.codable]
for s in many_codings(60).segments:
    print(repr(target_shares(s.segment.text, ids, CFIR2)))
"""


def test_shares_are_the_same_bits_in_every_python_process(tmp_path: Path) -> None:
    """The words a segment shares with a code were summed in the order of a set, which Python
    changes from process to process (PYTHONHASHSEED): the last bits of the shares moved, and
    two codes' near-equal shares swapped places in the report from one run to the next."""
    import os
    import subprocess
    import sys

    runs = []
    for seed in ("0", "1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", SHARES_BY_SEED, str(Path(__file__).parent)],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert out.returncode == 0, out.stderr
        runs.append(out.stdout)
    assert runs[0].count("\n") == 60 and runs[0] == runs[1] == runs[2]


def test_what_does_not_change_from_segment_to_segment_is_worked_out_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A warm re-code of the benchmark corpus spent 1.4-1.7 s (profiled) in page_crosswalk's
    5,479 translations: each rebuilt the key of the codebook's cached code words, found again
    the codes each suggestion reaches (34k times) and read the segment's words once per
    codebook. The codes' words are now worked out once per codebook, each model code's targets
    once per codebook, and a segment's words once."""
    from roqa_nlp import crosswalk, decisions_crosswalk

    counts: Counter[str] = Counter()
    read: Counter[str] = Counter()
    codings = many_codings(40)
    texts = {s.segment.text for s in codings.segments}

    def counted(name: str):  # type: ignore[no-untyped-def]
        real = getattr(crosswalk, name)

        def call(*args, **kw):  # type: ignore[no-untyped-def]
            counts[name] += 1
            if name == "_words" and args[0] in texts:
                read[args[0]] += 1
            return real(*args, **kw)

        return call

    for name in ("_targets", "_code_words", "_words"):
        fake = counted(name)
        monkeypatch.setattr(crosswalk, name, fake)
        if hasattr(decisions_crosswalk, name):
            monkeypatch.setattr(decisions_crosswalk, name, fake)
    page = page_crosswalk(codings, CFIR)
    # 42 (once per translation) before: once per codebook (cfir-2022, erondu-2021)
    assert counts["_code_words"] == 2
    # 478 before: once per model code reached and codebook
    assert counts["_targets"] == 77
    # 42 reads of 29 segments' words before (13 twice, once per codebook): once each
    assert sum(read.values()) == 29 and len(read) == 29
    assert len(page["shown"]["cfir-2022"]) == 38  # type: ignore[index]


def test_what_a_kind_of_suggestion_reaches_is_worked_out_once_per_codebook(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A warm re-code of the benchmark corpus asked 32,304 times which codes a suggestion
    reaches, of 39 codes, their valences and sureness: each kind of suggestion (code, name,
    valence, sure or not, sided or not) is now worked out once per codebook, and the page is
    the same (the hash above)."""
    from roqa_nlp import crosswalk

    kinds: list[tuple[object, ...]] = []
    real = crosswalk.reached

    def counted(g, walk, source, target, *, sided=True, targets=None):  # type: ignore[no-untyped-def]
        kinds.append((g.code_id, g.valence, crosswalk.sure_side(g), sided, target.id))
        return real(g, walk, source, target, sided=sided, targets=targets)

    worked: list[int] = []
    work = crosswalk._reached

    def counted_work(*args, **kw):  # type: ignore[no-untyped-def]
        worked.append(1)
        return work(*args, **kw)

    monkeypatch.setattr(crosswalk, "reached", counted)
    monkeypatch.setattr(crosswalk, "_reached", counted_work)
    page_crosswalk(many_codings(40), CFIR)
    # asked 459 times of 298 kinds: each asked was worked out before (459)
    assert (len(kinds), len(set(kinds))) == (459, 298)
    assert len(worked) == 298


def test_the_crosswalks_are_built_as_often_for_many_segments_as_for_few(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A warm re-code of the benchmark corpus (2,990 segments) built the crosswalk of the
    model's codebook onto each other one 6,071 times for its report's page, again for every
    segment and codebook (speed5, session 81): the segments are charted with one built once
    per codebook, so the count no longer grows with them."""
    from roqa_nlp import decisions_crosswalk

    built: Counter[tuple[str, str]] = Counter()
    real = decisions_crosswalk.crosswalk

    def counted(source: Codebook, target: Codebook) -> dict[str, list[str]]:
        built[(source.id, target.id)] += 1
        return real(source, target)

    monkeypatch.setattr(decisions_crosswalk, "crosswalk", counted)
    for n in (40, 120):
        built.clear()
        page_crosswalk(many_codings(n), CFIR)
        # 1 per codebook to chart the segments, and 1 for each of its codable codes (67 of
        # CFIR 2.0, 22 seed themes: the code of the model each stands for); before, 1 more for
        # each segment with suggestions: 107 and 62 for 40 segments, 187 and 142 for 120
        assert built == Counter({("cfir-2009", "cfir-2022"): 68, ("cfir-2009", "erondu-2021"): 23})
