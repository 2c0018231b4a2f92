"""Specification: coders whose texts of a transcript differ only in Unicode form are compared.

docs/agreement.md, "Transcripts in two Unicode forms": a QDA program on macOS may store a
source's accents decomposed (NFD: ``a`` then a combining acute), one on Windows composed (NFC:
``á``). ``roqa agree`` reads the decomposed coder's selections on the composed text, each
start and end mapped onto it exactly (one inside a letter's accents taking in the whole
letter), with one warning naming the coder and the file. Before (daily26, session 89) it
stopped, with a fix only a model's run could take, and named the model, not the person whose
text the other's differs from. Texts that differ in anything else still stop.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
import warnings
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from roqa_nlp.coding_agreement import agreement_report, coded_units_from_results
from roqa_nlp.composed_texts import composed_positions
from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn
from test_cli_agree import run
from test_refiqda import build_qdpx

#: daily26's case, made small: Siobhán's deputy and Zoë in rm01, as Alice's NVivo for Windows
#: stores it (composed) and Bob's program on a Mac (decomposed: 4 more characters)
TEXT = (
    "Interviewer: Who led it?\n"
    "Siobhán: Our deputy, Siobhán, pushed it. Zoë ran the training days.\n"
    "Interviewer: And money?\n"
    "Siobhán: There was no extra money at all.\n"
)
CHAMPIONS = "00000000-0000-4000-8000-000000000001"
RESOURCES = "00000000-0000-4000-8000-000000000002"
CODES = (
    f'<Code guid="{CHAMPIONS}" name="Champions" isCodable="true"/>'
    f'<Code guid="{RESOURCES}" name="Available Resources" isCodable="true"/>'
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def project(path: Path, user: str, text: str, codings: list[tuple[str, str, str]]) -> Path:
    """A .qdpx of one user's ``codings`` (first words, last words, code guid) of ``text``, as
    source rm01, positions in the characters of ``text`` (composed or decomposed)."""
    at = []
    for first, last, code in codings:
        start = text.index(first)
        at.append((start, text.index(last, start) + len(last), code))
    return project_at(path, user, text, at)


def project_at(
    path: Path, user: str, text: str, codings: list[tuple[int, int, str]], codes: str = CODES
) -> Path:
    """A .qdpx of one user's ``codings`` (start, end, code guid) of ``text``, as source rm01,
    in the codebook ``codes``."""
    guid = str(uuid.uuid4())
    inside = ""
    for start, end, code in codings:
        inside += (
            f'<PlainTextSelection guid="{uuid.uuid4()}" startPosition="{start}" '
            f'endPosition="{end}"><Coding guid="{uuid.uuid4()}" creatingUser="{guid}">'
            f'<CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
        )
    qde = (
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="{user}">'
        f'<Users><User guid="{guid}" name="{user}"/></Users>'
        f"<CodeBook><Codes>{codes}</Codes></CodeBook><Sources>"
        '<TextSource guid="00000000-0000-4000-8000-000000000011" name="rm01" '
        f'plainTextPath="internal://rm01.txt">{inside}</TextSource></Sources></Project>'
    )
    return build_qdpx(path, qde, {"sources/rm01.txt": text.encode("utf-8")})


def alice(tmp_path: Path) -> Path:
    """Alice codes both sentences Champions, the answer on money Available Resources."""
    return project(
        tmp_path / "alice.qdpx",
        "Alice",
        TEXT,
        [("Our deputy", "training days.", CHAMPIONS), ("There was", "at all.", RESOURCES)],
    )


def bob(tmp_path: Path, text: str, name: str = "bob.qdpx") -> Path:
    """Bob codes the first sentence Champions, Zoë's and the answer on money Resources."""
    return project(
        tmp_path / name,
        "Bob",
        text,
        [
            ("Our deputy", "pushed it.", CHAMPIONS),
            ("Zo", "training days.", RESOURCES),
            ("There was", "at all.", RESOURCES),
        ],
    )


def test_a_mac_coders_decomposed_text_is_compared_on_the_composed_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Units (by hand): the text before Alice's selection; 'Our deputy, Siobhán, pushed it.'
    (Champions, both); 'Zoë ran the training days.' (Alice Champions, Bob Resources); the
    second question; the answer on money (Resources, both). 5 units x 2 codes: both yes 2,
    both no 6, one each 2: agreement 0.8, kappa (0.8 - 0.58) / 0.42 = 11/21."""
    decomposed = nfd(TEXT)
    assert len(decomposed) == len(TEXT) + 4
    a = alice(tmp_path)
    out_json = tmp_path / "nfd.json"
    code, out, err = run(
        ["agree", str(a), str(bob(tmp_path, decomposed)), "--n-boot", "0", "--json", str(out_json)],
        capsys,
    )
    assert code == 0, err
    assert err == (
        f"roqa: warning: {tmp_path / 'bob.qdpx'}: coder 'Bob' has transcript 'rm01' with its "
        "accents decomposed (Unicode NFD, as a program on macOS may store them), where 'Alice' "
        "has it composed (NFC): the same text, so Bob's selections are compared on the "
        "composed text, each start and end mapped onto it (one inside a letter's accents "
        "taking in the whole letter)\n"
    )
    said = " ".join(out.split())
    assert "2 coders: Alice, Bob; 5 units (spans), 3 coded by someone; 2 codes used." in said
    data = json.loads(out_json.read_text("utf-8"))
    pooled = data["pooled"]["all"]
    assert pooled["n_units"] == 5
    assert pooled["percent_agreement"] == pytest.approx(0.8)
    assert pooled["kappa"] == pytest.approx(11 / 21)
    # the same figures, units and notes as Bob's project stored composed
    code, _, err = run(
        [
            "agree",
            str(a),
            str(bob(tmp_path, TEXT, "bob_nfc.qdpx")),
            "--n-boot",
            "0",
            "--json",
            str(tmp_path / "nfc.json"),
        ],
        capsys,
    )
    assert code == 0, err
    composed = json.loads((tmp_path / "nfc.json").read_text("utf-8"))
    for key in ("pooled", "pairs", "per_code", "units", "disagreements"):
        assert data.get(key) == composed.get(key), key
    assert data["notes"][1:] == composed["notes"]


# -- in memory -------------------------------------------------------------------------------


def result(text: str, spans: list[tuple[int, int, str]], *, model: bool = False) -> CodingResult:
    """A QDA project's selections (or, ``model``, a model's segments) of ``text`` as p01."""
    segs = [
        SegmentResult(
            Segment(f"p01:@{lo}-{hi}", "p01", "P01", "participant", lo, hi, text[lo:hi]),
            [Suggestion(code, code, None, 0.7 if model else 1.0)],
        )
        for lo, hi, code in spans
    ]
    t = Transcript("p01", text, [Turn("P01", "participant", 0, len(text))])
    meta = {} if model else {"source": "REFI-QDA"}
    return CodingResult(segs, transcripts={"p01": t}, meta=meta)


CAFE = "P01: the café's problem is staffing.\n\nP01: our lead championed it."


def test_a_decomposed_copy_with_a_word_changed_still_stops_and_says_where() -> None:
    """Where the composed texts differ, not the first accent (character 11)."""
    changed = nfd(CAFE.replace("lead", "boss"))
    with pytest.raises(RoqaError) as e:
        coded_units_from_results(
            {"Ann": result(CAFE, [(5, 36, "C")]), "Ben": result(changed, [(5, 37, "C")])}
        )
    assert str(e.value) == (
        "transcript 'p01' is not the same text for 'Ann' (66 characters composed) and 'Ben' (66; "
        "they differ from character 47 of the composed text; 'Ben' has its accents decomposed "
        "too, NFD, which alone roqa would map), so their selections cannot be compared "
        "(have every coder code the same text of it: the same pseudonymised copy, or the same "
        "corrected transcript)"
    )


def test_a_person_is_named_before_a_model_holding_their_text() -> None:
    """daily26: the model and Alice hold one text, Bob another: the error names Alice."""
    other = CAFE.replace("problem", "trouble")
    results = {
        "roqa_nlp": result(CAFE, [(5, 36, "C")], model=True),
        "Alice": result(CAFE, [(5, 36, "C")]),
        "Bob": result(other, [(5, 36, "C")]),
    }
    with pytest.raises(RoqaError) as e:
        coded_units_from_results(results)
    assert str(e.value).startswith(
        "transcript 'p01' is not the same text for 'Alice' (66 characters) and 'Bob' (66; they "
        "differ from character 16)"
    )


def test_the_warning_of_the_library_names_the_coder() -> None:
    with pytest.warns(RoqaWarning) as caught:
        cu = coded_units_from_results(
            {"Ann": result(CAFE, [(5, 36, "C")]), "Ben": result(nfd(CAFE), [(5, 37, "C")])}
        )
    assert [str(w.message) for w in caught] == [
        "coder 'Ben' has transcript 'p01' with its accents decomposed (Unicode NFD, as a program "
        "on macOS may store them), where 'Ann' has it composed (NFC): the same text, so Ben's "
        "selections are compared on the composed text, each start and end mapped onto it (one "
        "inside a letter's accents taking in the whole letter)"
    ]
    # one selection for both, by segment: Ben's renamed by its composed characters
    assert cu.unit_kind == "segments"
    assert [u.id for u in cu.units] == ["p01:@5-36"]


def test_an_edge_inside_a_letters_accents_takes_in_the_whole_letter() -> None:
    text = "ab" + nfd("é") + "\u0323cd"  # e, acute, dot below: one letter, three characters
    m = composed_positions(text)
    assert m is not None
    assert m.text == unicodedata.normalize("NFC", text)
    assert len(m.text) == 6  # ẹ́ is 2 composed characters, ẹ and the acute, for 3
    assert (m.starts[2], m.ends[2]) == (2, 2)
    assert (m.starts[3], m.ends[3]) == (2, 4)  # inside: a start before it, an end after
    assert (m.starts[4], m.ends[4]) == (2, 4)
    assert (m.starts[5], m.ends[5]) == (4, 4)
    assert (m.starts[7], m.ends[7]) == (6, 6)


# -- property -------------------------------------------------------------------------------

LETTERS = st.sampled_from(
    ["a", "e", " ", ".", "\n", "é", "ñ", "Å", "ẹ́", "ǖ", "한", "ö", "x", "ﬁ", "Ω", "c\u0327"]
)


@st.composite
def texts_and_selections(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]], list]:
    pieces = draw(st.lists(LETTERS, min_size=4, max_size=40))
    text = unicodedata.normalize("NFC", "".join(pieces))
    # where a program's selection may start or end: not between a letter and its accent
    edges = [
        p for p in range(len(text) + 1) if p == len(text) or not unicodedata.combining(text[p])
    ]

    def spans() -> list[tuple[int, int, str]]:
        out = []
        for _ in range(draw(st.integers(1, 4))):
            lo, hi = sorted(
                draw(st.lists(st.sampled_from(edges), min_size=2, max_size=2, unique=True))
            )
            out.append((lo, hi, draw(st.sampled_from(["A", "B"]))))
        return out

    return text, spans(), spans()


@settings(max_examples=40, deadline=None)
@given(texts_and_selections())
# a coder's selection given twice (or with codes B after A) is one id on both copies (session
# 90: on the decomposed copy the second took "#2", and Ben's codings read 5, 3 joined, not 3, 1
# joined; or a unit 1-4 more)
@example(("aaaé", [(0, 1, "A")] * 4, [(0, 1, "A"), (0, 2, "A"), (0, 1, "B")]))
@example(("aaaé", [(0, 1, "A")] * 4, [(0, 1, "A"), (0, 1, "A")]))
def test_agreement_on_a_decomposed_copy_equals_that_on_the_composed_one(
    case: tuple[str, list[tuple[int, int, str]], list[tuple[int, int, str]]],
) -> None:
    text, ann, ben = case
    decomposed = nfd(text)

    def at(p: int) -> int:  # a position of the composed text in the decomposed one
        return len(nfd(text[:p]))

    ben_nfd = [(at(lo), at(hi), code) for lo, hi, code in ben]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        try:
            one = coded_units_from_results({"Ann": result(text, ann), "Ben": result(text, ben)})
        except RoqaError:
            return  # e.g. no letter in any selection: refused alike
        two = coded_units_from_results(
            {"Ann": result(text, ann), "Ben": result(decomposed, ben_nfd)}
        )
    assert [(u.id, u.start, u.end) for u in one.units] == [
        (u.id, u.start, u.end) for u in two.units
    ]
    assert one.codings == two.codings
    r1, r2 = agreement_report(one, n_boot=0), agreement_report(two, n_boot=0)
    assert json.dumps(r1.to_dict()) == json.dumps(r2.to_dict())


@settings(max_examples=120, deadline=None)
@given(st.lists(LETTERS | st.sampled_from(["\u0301", "\u0308", "\u0323"]), max_size=30))
def test_every_composed_position_maps_back_exactly(pieces: list[str]) -> None:
    text = nfd("".join(pieces))
    m = composed_positions(text)
    assert m is not None
    assert m.text == unicodedata.normalize("NFC", text)
    for i in range(len(text) + 1):
        assert m.starts[i] <= m.ends[i]
        if i:
            assert m.starts[i - 1] <= m.starts[i] and m.ends[i - 1] <= m.ends[i]


def test_three_coders_two_of_them_decomposed_are_each_named() -> None:
    """Ben's copy decomposed; Cat's in neither form (a dot below typed after the acute, not
    before): each is read composed and named, beside Ann, or beside no one holding it
    composed; the figures are those of three composed copies."""
    text = "P01: the ẹ́ mark is staffing.\n\nP01: our lead championed it."
    sel = [(5, 28, "C")]
    odd = text.replace("ẹ́", "e\u0301\u0323")
    assert not unicodedata.is_normalized("NFC", odd) and not unicodedata.is_normalized("NFD", odd)
    with pytest.warns(RoqaWarning) as caught:
        cu = coded_units_from_results(
            {
                "Ann": result(text, sel),
                "Ben": result(nfd(text), [(5, 29, "C")]),
                "Cat": result(odd, [(5, 29, "C")]),
            }
        )
    assert [str(w.message)[:80] for w in caught] == [
        "coder 'Ben' has transcript 'p01' with its accents decomposed (Unicode NFD, as a ",
        "coder 'Cat' has transcript 'p01' with its accents decomposed (Unicode NFD, as a ",
    ]
    assert all("where 'Ann' has it composed (NFC)" in str(w.message) for w in caught)
    assert [u.id for u in cu.units] == ["p01:@5-28"]
    with pytest.warns(RoqaWarning) as caught:
        coded_units_from_results(
            {"Ben": result(nfd(text), [(5, 29, "C")]), "Cat": result(odd, [(5, 29, "C")])}
        )
    assert "where the others have it in another form: the same text" in str(caught[0].message)


def test_two_decomposed_copies_alike_but_for_a_final_newline_are_left_as_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """hunt51 F1 (session 89): Alice and Bob both hold rm01 decomposed, Bob's copy with one
    more final newline. No coder holds it composed and the copies are the same words at the
    same offsets: nothing is mapped, no warning of "another form" is given, and the units are
    named by the characters of the coders' own programs: 'Zoë ran the training days.' is
    characters 68-95 of the decomposed text (66-92 composed), as with Bob's copy unchanged."""
    decomposed = nfd(TEXT)
    a = project(
        tmp_path / "alice.qdpx",
        "Alice",
        decomposed,
        [("Our deputy", "training days.", CHAMPIONS), ("There was", "at all.", RESOURCES)],
    )
    rows = {}
    for name, text in (("bob.qdpx", decomposed + "\n"), ("bob_same.qdpx", decomposed)):
        dis = tmp_path / f"{name}.csv"
        code, _, err = run(
            ["agree", str(a), str(bob(tmp_path, text, name)), "--n-boot", "0"]
            + ["--disagreements", str(dis)],
            capsys,
        )
        assert code == 0, err
        assert err == ""
        rows[name] = [line.split(",")[:5] for line in dis.read_text("utf-8-sig").splitlines()[1:]]
    assert rows["bob.qdpx"] == [
        ["rm01:@68-95", "rm01", "Siobhán", "68", "95"],
        ["rm01:@68-95", "rm01", "Siobhán", "68", "95"],
    ]
    assert rows["bob.qdpx"] == rows["bob_same.qdpx"]


BARRIER = "00000000-0000-4000-8000-000000000009"


def test_two_selections_that_differ_inside_one_letter_keep_their_own_ids_and_valences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """hunt51 F2 (session 89): in Bob's decomposed project one selection of 'Zoë' ends
    between the 'e' and its diaeresis, coded Champions with the valence code Barrier; another
    ends after the diaeresis, coded Available Resources with no valence. Both map onto one
    composed span (characters 66-69): the first is rm01:@66-69, the second rm01:@66-69#2
    (numbered as roqa import numbers two of one name), each with its own codes and valence.
    Before, both took rm01:@66-69, their meta merged and Bob's valence was lost ("Bob's
    codings give no valence"), and Bob read 5 codings, 2 joined.

    By hand: Alice codes 'Zoë' Champions, Barrier and Available Resources (one selection: both
    codes barrier), the answer on money Available Resources. Bob's 3 codings are in 2 units
    (Champions and Resources on one span: 1 fewer as several codes). Valence: Champions
    barrier for both, 1 pair; Resources on 'Zoë' (Bob gave none) and on the money answer
    (neither gave one) are the 2 pairs left out."""
    codes = CODES + f'<Code guid="{BARRIER}" name="Barrier" isCodable="true"/>'
    s = TEXT.index("Zoë")
    e = s + len("Zoë")
    m, m2 = TEXT.index("There was"), TEXT.index("at all.") + len("at all.")
    assert (s, e, m, m2) == (66, 69, 126, 158)
    a = project_at(
        tmp_path / "alice.qdpx",
        "Alice",
        TEXT,
        [(s, e, CHAMPIONS), (s, e, BARRIER), (s, e, RESOURCES), (m, m2, RESOURCES)],
        codes,
    )
    decomposed = nfd(TEXT)

    def at(p: int) -> int:  # a position of the composed text in the decomposed one
        return len(nfd(TEXT[:p]))

    e_at = at(e - 1)  # the "e" of Zoë
    assert decomposed[e_at : e_at + 2] == "e\u0308"
    b = project_at(
        tmp_path / "bob.qdpx",
        "Bob",
        decomposed,
        [
            (at(s), e_at + 1, CHAMPIONS),  # ends between the "e" and its diaeresis
            (at(s), e_at + 1, BARRIER),
            (at(s), e_at + 2, RESOURCES),  # ends after it
            (at(m), at(m2), RESOURCES),
        ],
        codes,
    )
    out_json = tmp_path / "a.json"
    code, _, err = run(["agree", str(a), str(b), "--n-boot", "0", "--json", str(out_json)], capsys)
    assert code == 0, err
    data = json.loads(out_json.read_text("utf-8"))
    assert data["unit_kind"] == "spans"
    assert data["codings"]["Bob"] == {
        "codings": 3,
        "units": 2,
        "joined": 0,
        "several_codes": 1,
        "cut": 0,
        "outside": 0,
        "rolled_up": 0,
    }
    valence = data["valence"]
    assert valence["n_pairs"] == 1
    assert valence["pairs"][0]["table"] == {"barrier": {"barrier": 1}}
    assert data["valence_note"].endswith(
        "; 2 more pairs where fewer than two of them gave the code a valence (or gave it two) "
        "left out"
    )
    from roqa_nlp.coding_agreement import composed_copies
    from roqa_nlp.exchange.qdpx_import import read_qdpx
    from roqa_nlp.exchange.review import valence_not_given

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        results = {
            "Alice": read_qdpx(a).codings["Alice"],
            "Bob": read_qdpx(b).codings["Bob"],
        }
        composed, _ = composed_copies(results)
    bob_ids = [(sr.segment.id, sr.segment.start, sr.segment.end) for sr in composed["Bob"]]
    assert bob_ids == [
        ("rm01:@66-69", 66, 69),
        ("rm01:@66-69#2", 66, 69),
        ("rm01:@126-158", 126, 158),
    ]
    assert valence_not_given(composed["Bob"]) == {"rm01:@66-69#2", "rm01:@126-158"}


def test_a_decomposed_coders_coverage_is_mapped_as_their_selections() -> None:
    """Ben judged the first line only: characters 0-37 of his decomposed copy, 0-36 composed.
    The units and codings are those of his copy stored composed, with its coverage 0-36."""
    sel_nfc, sel_nfd = [(5, 36, "C")], [(5, 37, "C")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        two = coded_units_from_results(
            {"Ann": result(CAFE, sel_nfc), "Ben": result(nfd(CAFE), sel_nfd)},
            units="spans",
            coverage={"Ben": {"p01": [(0, 37)]}},
        )
    one = coded_units_from_results(
        {"Ann": result(CAFE, sel_nfc), "Ben": result(CAFE, sel_nfc)},
        units="spans",
        coverage={"Ben": {"p01": [(0, 36)]}},
    )
    assert [(u.id, u.start, u.end) for u in two.units] == [
        (u.id, u.start, u.end) for u in one.units
    ]
    assert two.codings == one.codings
    assert json.dumps(agreement_report(two, n_boot=0).to_dict()) == json.dumps(
        agreement_report(one, n_boot=0).to_dict()
    )
