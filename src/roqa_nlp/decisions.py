"""The researcher's decisions on suggestions, and the training examples they become.

A decisions file (CSV or JSON Lines) has one row per decision::

    segment_id,decision,code_id,new_code,note
    p01_interview:0003,accept,IS.E.2,,
    p01_interview:0004,reject,IC.H,,
    p01_interview:0007,recode,OS.D,,commissioner thresholds
    p01_interview:0011,new-code,,COVID-19 disruption,

``accept`` confirms ``code_id`` for the segment; ``reject`` says the segment is not ``code_id``;
``recode`` gives the right code (``code_id``); ``new-code`` creates a project code named
``new_code``. It is written by the HTML report's review buttons, by hand in a spreadsheet, or
from a REFI-QDA import. Optional ``text`` gives the segment text when no coding result is at hand.

How decisions become training examples (:func:`feedback_examples`):

- accepted and recoded codes label the segment with those codes;
- a new code is added to a project codebook with a stable id ``project.<slug-of-name>`` and
  labels the segment;
- a segment whose decisions reject its top :data:`REJECT_ALL` suggestions (or every one it
  has, when the codings show fewer) and accept none becomes an example of talk that fits no code
  (the researcher saw the suggestions and none applied), in a class of its own (``REJECTED``)
  rather than the team-written small talk's (``NONE``), so that talk like it is flagged for open
  coding and not set aside as small talk or background (``off_topic``);
- a segment with fewer rejections and nothing accepted is left out: rejecting one wrong
  suggestion says what the segment is not, not that no code fits it.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .codebook import Codebook
from .errors import RoqaError, quoted
from .io import read_jsonl, read_text, sha256_bytes
from .result import CodingResult
from .schema import Code

DECISIONS = ("accept", "reject", "recode", "new-code")
#: rejections (of different codes, none accepted) that make a segment talk that fits no code:
#: the three suggestions codings.csv and the report's top-3 show first
REJECT_ALL = 3


@dataclass(frozen=True)
class Decision:
    segment_id: str
    decision: str
    code_id: str = ""
    new_code: str = ""
    note: str = ""
    text: str = ""


def slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return s or "code"


def project_code_id(name: str) -> str:
    return f"project.{slug(name)}"


def read_decisions(path: str | Path, *, allow_empty: bool = False) -> tuple[list[Decision], str]:
    """Decisions from a CSV or JSONL file, and the SHA-256 of the file; a file holding none is
    an error unless ``allow_empty`` (a report saved before any decision was made)."""
    p = Path(path)
    if p.suffix.lower() in (".jsonl", ".json"):
        rows = read_jsonl(p)
    else:
        text = read_text(p)
        rows = list(csv.DictReader(io.StringIO(text)))
        if rows and "segment_id" not in {str(k).strip().lower() for k in rows[0] if k}:
            raise RoqaError(
                "decisions file has no segment_id column",
                path=p,
                hint="header: segment_id,decision,code_id,new_code,note",
            )
    out = []
    for i, r in enumerate(rows, 2 if p.suffix.lower() not in (".jsonl", ".json") else 1):
        r = {
            str(k).strip().lower(): ("" if v is None else str(v).strip()) for k, v in r.items() if k
        }
        d = r.get("decision", "").lower().replace("_", "-").replace("newcode", "new-code")
        if d not in DECISIONS:
            raise RoqaError(
                f"row {i}: unknown decision {quoted(r.get('decision', ''))}",
                path=p,
                hint="use accept, reject, recode or new-code",
            )
        if not r.get("segment_id"):
            raise RoqaError(
                f"row {i}: no segment_id", path=p, hint="every decision names a segment"
            )
        if d in ("accept", "reject", "recode") and not r.get("code_id"):
            raise RoqaError(f"row {i}: {d} needs a code_id", path=p)
        if d == "new-code" and not r.get("new_code"):
            raise RoqaError(f"row {i}: new-code needs a new_code name", path=p)
        out.append(
            Decision(
                segment_id=r["segment_id"],
                decision=d,
                code_id=r.get("code_id", ""),
                new_code=r.get("new_code", ""),
                note=r.get("note", ""),
                text=r.get("text", ""),
            )
        )
    if not out and not allow_empty:
        raise RoqaError(
            "holds no decisions",
            path=p,
            hint="accept, reject or recode suggestions in report.html and save its decisions",
        )
    return out, sha256_bytes(p.read_bytes())


def same_text(text: str) -> str:
    """``text`` as decisions are matched by it: spacing and line breaks do not count (a
    transcript coded again may wrap its lines otherwise)."""
    return " ".join(text.split())


def _transcript_part(segment_id: str) -> str:
    """The transcript part of a segment id (``p01_interview`` of ``p01_interview:0003``)."""
    return segment_id.rpartition(":")[0]


@dataclass(frozen=True)
class DecisionMatch:
    """Decisions matched to the segments of a coding result (:func:`match_decisions`)."""

    #: (decision, id of the segment it is now on), in the decisions' order
    matched: tuple[tuple[Decision, str], ...]
    #: decisions whose text (or, without text, whose segment id) is in no segment
    unmatched: tuple[Decision, ...]

    def summary(self, source: str | Path | None = None, *, limit: int = 3) -> str:
        """One line for the CLI: how many decisions were carried, and which match no segment
        (named by their first words, ``limit`` at most)."""
        where = "" if source is None else f" from {source}"
        line = f"decisions: {len(self.matched)} carried into the report{where}"
        if not self.unmatched:
            return line
        named = list(dict.fromkeys(_first_words(d) for d in self.unmatched))
        more = f" and {len(named) - limit} more" if len(named) > limit else ""
        verb = "matches" if len(self.unmatched) == 1 else "match"
        unmatched = f"{len(self.unmatched)} {verb} no segment"
        return f"{line}; {unmatched}: " + ", ".join(named[:limit]) + more


def _first_words(d: Decision, n: int = 6) -> str:
    words = same_text(d.text).split()
    if not words:
        return d.segment_id
    return "“" + " ".join(words[:n]) + ("…" if len(words) > n else "") + "”"


def match_decisions(decisions: list[Decision], result: CodingResult) -> DecisionMatch:
    """The segments of ``result`` the decisions are on, found as feedback finds their text.

    A decision with text goes to a segment with that text (spacing aside): the segment of its
    own id when that one has the text, else one in the same transcript not taken by another
    segment's decisions, else any such segment; ids move when transcripts are coded again,
    words do not. A decision without text goes to the segment of its id. The rest match no
    segment. Report.js applies the same rule to a decisions.csv loaded in the browser.
    """
    by_text: dict[str, list[str]] = {}
    ids: set[str] = set()
    for s in result.segments:
        ids.add(s.segment.id)
        by_text.setdefault(same_text(s.segment.text), []).append(s.segment.id)
    keys = list(dict.fromkeys((d.segment_id, same_text(d.text)) for d in decisions))
    # first the segments that kept their id and words, then the moved ones take what is left
    chosen: dict[tuple[str, str], str | None] = {
        (sid, text): sid
        for sid, text in keys
        if sid in ids and (not text or sid in by_text.get(text, ()))
    }
    taken = set(chosen.values())
    for sid, text in keys:
        if (sid, text) not in chosen:
            chosen[(sid, text)] = found = _moved_segment(sid, by_text.get(text, []), taken)
            if found is not None:
                taken.add(found)
    matched: list[tuple[Decision, str]] = []
    unmatched: list[Decision] = []
    for d in decisions:
        on = chosen[(d.segment_id, same_text(d.text))]
        if on is None:
            unmatched.append(d)
        else:
            matched.append((d, on))
    return DecisionMatch(tuple(matched), tuple(unmatched))


def _moved_segment(segment_id: str, candidates: list[str], taken: set[str | None]) -> str | None:
    """Of the segments with a decision's text (``candidates``), the one it moved to: one in its
    own transcript not holding other decisions, else any such one, else the first."""
    if not candidates:
        return None
    free = [c for c in candidates if c not in taken]
    part = _transcript_part(segment_id)
    return next(
        (c for c in free if _transcript_part(c) == part), free[0] if free else candidates[0]
    )


def project_codebook(
    codebook: Codebook, decisions: list[Decision], *, where: str | Path = "decisions"
) -> Codebook:
    """The codebook plus one codable project code per distinct new-code name (stable ids); a
    new-code name that is already a code's name (or alias) is a one-line error."""
    new: dict[str, Code] = {}
    for d in decisions:
        if d.decision != "new-code":
            continue
        cid = project_code_id(d.new_code)
        same = codebook.find(d.new_code)
        if same is not None and same.id != cid:
            raise RoqaError(
                f"new code {quoted(d.new_code)} is the name of {same.id} {same.name}",
                path=where,
                hint=f"accept or recode to {same.id} instead, or give the new code another name",
            )
        if codebook.find(cid) is None and cid not in new:
            new[cid] = Code(
                id=cid,
                name=d.new_code,
                level="code",
                parent=None,
                domain=None,
                codable=True,
                description=f"Project code created during open coding: {d.new_code}.",
            )
    if not new:
        return codebook
    pid = codebook.id if codebook.id.endswith("+project") else f"{codebook.id}+project"
    return codebook.with_codes(new.values(), id=pid)


def feedback_examples(
    decisions: list[Decision],
    codebook: Codebook,
    result: CodingResult | None,
    *,
    where: str | Path = "decisions",
) -> tuple[list[str], list[list[str]], list[str]]:
    """(texts, code-id lists, segment ids) of the training examples the decisions give."""
    segs = {} if result is None else {s.segment.id: s for s in result.segments}
    by_seg: dict[str, list[Decision]] = {}
    for d in decisions:
        by_seg.setdefault(d.segment_id, []).append(d)
    texts: list[str] = []
    labels: list[list[str]] = []
    ids: list[str] = []
    for sid, ds in by_seg.items():
        text = next((d.text for d in ds if d.text), "")
        if not text:
            if sid not in segs:
                raise RoqaError(
                    f"unknown segment id {quoted(sid)}",
                    path=where,
                    hint="give the codings.jsonl the decisions refer to (--codings)",
                )
            text = segs[sid].segment.text
        codes: list[str] = []
        for d in ds:
            if d.decision in ("accept", "recode"):
                codes.append(_model_code(codebook, d.code_id, where))
            elif d.decision == "new-code":
                codes.append(project_code_id(d.new_code))
            else:
                _model_code(codebook, d.code_id, where)
        # An explicit accept or recode of a code wins over a rejection of the same code.
        codes = list(dict.fromkeys(codes))
        if not codes:
            rejected = {d.code_id for d in ds if d.decision == "reject"}
            shown = len(segs[sid].suggestions) if sid in segs else REJECT_ALL
            if len(rejected) < min(REJECT_ALL, max(shown, 1)):
                continue  # "not this code" only: nothing to learn the segment as
        texts.append(text)
        labels.append(codes)
        ids.append(sid)
    return texts, labels, ids


def _model_code(codebook: Codebook, code_id: str, where: str | Path) -> str:
    """The id of ``code_id`` in the model's codebook; a decision made on a report charted in
    another built-in codebook (its codes translated) is named as such."""
    from .codebook import builtin_codebook_with

    other = (
        None if codebook.find(code_id) else builtin_codebook_with([code_id], besides=codebook.id)
    )
    if other is not None:
        raise RoqaError(
            f"code {quoted(code_id)} is a code of {other}, not of the model's codebook {codebook.id}",
            path=where,
            hint="record decisions on a report in the model's codebook: "
            f"roqa report CODINGS --codebook {codebook.id}",
        )
    code = codebook.resolve(code_id, where=where)
    if not code.codable:
        parts = [c.id for c in codebook.codes if c.codable and c.domain == code.id][:3]
        raise RoqaError(
            f"code {quoted(code_id)} is {code.id} {code.name}, a domain, not a codable construct",
            path=where,
            hint="give one of its constructs"
            + (f", e.g. {', '.join(parts)}" if parts else "")
            + " (roqa codebook lists them)",
        )
    return code.id
