"""Builders shared by the ``roqa agree`` tests: a run of ``roqa agree`` read back from its
JSON, and long tables of coders who mostly agree (duplicates D2, D3 and D10 of session 74:
each test file had written them out again)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_agree import run


def agree(tmp_path: Path, capsys: Any, *args: str) -> tuple[int, dict | None, str, str]:
    """``roqa agree ARGS --json FILE --n-boot 0``: the exit code, the JSON (None when it
    failed), the printed output with its white space folded (as wrapped lines read), and the
    standard error."""
    out_path = tmp_path / "agreement.json"
    code, out, err = run(["agree", *args, "--json", str(out_path), "--n-boot", "0"], capsys)
    data = json.loads(out_path.read_text("utf-8")) if code == 0 else None
    return code, data, " ".join(out.split()), err


def model_run(
    folder: Path,
    suggestions: list[list[Suggestion]],
    *,
    texts: list[str] | None = None,
    step: int = 10,
    **meta: object,
) -> Path:
    """A model's run (``meta``, as run.json records it) coding T1:0, T1:1 ... of P01 with
    ``suggestions``, one list a segment: segment i's text is ``texts[i]`` (else ``"x" * 9``),
    from character ``step * i``."""
    segments = []
    for i, given in enumerate(suggestions):
        text = "x" * 9 if texts is None else texts[i]
        s = Segment(f"T1:{i}", "T1", "P01", "participant", step * i, step * i + len(text), text)
        segments.append(SegmentResult(s, given))
    CodingResult(segments=segments, meta=dict(meta)).save(folder)
    return folder


def mostly_agreeing_rows(
    seed: int,
    n_units: int,
    coders: str,
    *,
    sometimes_missing: str,
    p_missing: float,
    p_code: float,
    p_valence: float,
) -> list[tuple[str, str, str, str]]:
    """Long-table rows (unit, coder, code, valence) of ``n_units`` units u1, u2 ...: each unit
    has a code X, Y, Z or none and a valence that each coder gives with probability ``p_code``
    and ``p_valence`` (else a code drawn again, a barrier or enabler); the coder
    ``sometimes_missing`` has no row for a unit with probability ``p_missing``. A fixed
    function of the arguments (``random.Random(seed)``)."""
    rng = random.Random(seed)
    rows = []
    for k in range(1, n_units + 1):
        agreed, agreed_valence = rng.choice("XYZ-"), rng.choice(("barrier", "enabler", "neutral"))
        for coder in coders:
            if coder == sometimes_missing and rng.random() < p_missing:
                continue
            code = agreed if rng.random() < p_code else rng.choice("XYZ-")
            valence = (
                agreed_valence if rng.random() < p_valence else rng.choice(("barrier", "enabler"))
            )
            rows.append((f"u{k}", coder, *(("", "") if code == "-" else (code, valence))))
    return rows


#: a short interview two coders Ana and Ben code in a QDA project (:func:`two_users_qdpx`)
INTERVIEW = (
    "Interviewer: What gets in the way?\n\nP01: We just do not have the staff to do it properly."
    "\n\nInterviewer: And what helps?\n\nP01: Our manager backs us all the way, every single "
    "time.\n\nInterviewer: How was your weekend?\n\nP01: Lovely, we went to the seaside with the "
    "kids.\n\nInterviewer: Anything else?\n\nP01: Money from the council is always late and "
    "always short.\n"
)


def two_users_qdpx(
    path: Path,
    codings: dict[str, list[tuple[int, int, str]]],
    text: str = INTERVIEW,
    source: str = "p01",
) -> Path:
    """A .qdpx of one source (named ``source``) holding ``text``, and users who each coded the
    selections (start, end, code name) ``codings`` gives them; a node per code name."""
    import zipfile
    from xml.sax.saxutils import escape

    def guid(k: int) -> str:
        return f"00000000-0000-4000-8000-{k:012d}"

    names = list(dict.fromkeys(c for sel in codings.values() for _, _, c in sel))
    users = {u: guid(100 + i) for i, u in enumerate(codings)}
    codes = {c: guid(200 + i) for i, c in enumerate(names)}
    selections = "".join(
        f'<PlainTextSelection guid="{guid(1000 + 10 * i + j)}" startPosition="{a}" '
        f'endPosition="{b}" creatingUser="{users[u]}"><Coding guid="{guid(5000 + 10 * i + j)}" '
        f'creatingUser="{users[u]}"><CodeRef targetGUID="{codes[c]}"/></Coding>'
        "</PlainTextSelection>"
        for i, (u, sel) in enumerate(codings.items())
        for j, (a, b, c) in enumerate(sel)
    )
    qde = (
        '<?xml version="1.0" encoding="UTF-8"?><Project xmlns="urn:QDA-XML:project:1.0" '
        'name="tiny" origin="NVivo 14"><Users>'
        + "".join(f'<User guid="{g}" name="{u}"/>' for u, g in users.items())
        + "</Users><CodeBook><Codes>"
        + "".join(
            f'<Code guid="{g}" name="{escape(c)}" isCodable="true"/>' for c, g in codes.items()
        )
        + f'</Codes></CodeBook><Sources><TextSource guid="{guid(1)}" name="{source}" '
        f'plainTextPath="internal://{guid(1)}.txt">{selections}</TextSource></Sources></Project>'
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", qde)
        zf.writestr(f"sources/{guid(1)}.txt", text)
    return path


def answer(text: str, words: str = INTERVIEW) -> tuple[int, int]:
    """Where ``text`` lies in ``words``: its start and end."""
    return words.index(text), words.index(text) + len(text)


#: Ana's codings of :data:`INTERVIEW`: the three answers but the weekend's
ANA = [
    (*answer("We just do not have the staff to do it properly."), "Available Resources"),
    (*answer("Our manager backs us all the way, every single time."), "Leadership Engagement"),
    (
        *answer("Money from the council is always late and always short."),
        "External Policy & Incentives",
    ),
]


def project_qdpx(
    path: Path,
    sources: dict[str, str],
    codings: dict[str, list[tuple[str, int, int, str]]],
    parents: dict[str, str] | None = None,
) -> Path:
    """A .qdpx of the ``sources`` (name -> text) and users who each coded the selections
    (source, start, end, code name) ``codings`` gives them; a node per code name, under the
    node ``parents`` names for it (a code named there only is a node with no coding)."""
    import zipfile
    from xml.sax.saxutils import escape

    def guid(k: int) -> str:
        return f"00000000-0000-4000-8000-{k:012d}"

    parents = parents or {}
    coded = [c for sel in codings.values() for *_, c in sel]
    names = list(dict.fromkeys([*parents.values(), *coded]))
    users = {u: guid(100 + i) for i, u in enumerate(codings)}
    codes = {c: guid(200 + i) for i, c in enumerate(names)}
    ids = {s: guid(1 + i) for i, s in enumerate(sources)}

    def node(c: str) -> str:
        below = "".join(node(k) for k, p in parents.items() if p == c)
        return f'<Code guid="{codes[c]}" name="{escape(c)}" isCodable="true">{below}</Code>'

    def selections(source: str) -> str:
        return "".join(
            f'<PlainTextSelection guid="{guid(1000 + 100 * i + j)}" startPosition="{a}" '
            f'endPosition="{b}" creatingUser="{users[u]}"><Coding '
            f'guid="{guid(50000 + 100 * i + j)}" creatingUser="{users[u]}"><CodeRef '
            f'targetGUID="{codes[c]}"/></Coding></PlainTextSelection>'
            for i, (u, sel) in enumerate(codings.items())
            for j, (s, a, b, c) in enumerate(sel)
            if s == source
        )

    qde = (
        '<?xml version="1.0" encoding="UTF-8"?><Project xmlns="urn:QDA-XML:project:1.0" '
        'name="tiny" origin="NVivo 14"><Users>'
        + "".join(f'<User guid="{g}" name="{u}"/>' for u, g in users.items())
        + "</Users><CodeBook><Codes>"
        + "".join(node(c) for c in names if c not in parents)
        + "</Codes></CodeBook><Sources>"
        + "".join(
            f'<TextSource guid="{g}" name="{escape(s)}" plainTextPath="internal://{g}.txt">'
            f"{selections(s)}</TextSource>"
            for s, g in ids.items()
        )
        + "</Sources></Project>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", qde)
        for s, g in ids.items():
            zf.writestr(f"sources/{g}.txt", sources[s])
    return path
