"""Where the passages a review decided are in a REFI-QDA project edited in a QDA program.

roqa's export of a review records in the project's description which passages the reviewer
decided, where (their spans) and, since s62, each passage's text (a digest) and its selections'
GUIDs (:data:`~.qdpx_export.REVIEW_RECORD`). Reading the project back (:mod:`.qdpx_import`), the
reviewer's selections are matched with those passages again: a passage is found by its text
where the transcript was edited before it, a selection by its GUID where the program dropped
roqa's selection names, and a passage whose coding was deleted or moved is read as decided with
no code, with a warning (:func:`decided_without_passage`).
"""

from __future__ import annotations

import bisect
from typing import Any

from ..errors import first_few
from ..schema import Transcript
from .qdpx_export import passage_digest
from .qdpx_media import _plural
from .qdpx_selection import LINE_PREFIX, PendingSelection, same_passage
from .refiqda import normalise_guid


def decided_without_passage(
    left_out: dict[str, Any],
    carried: dict[tuple[str, int, int], PendingSelection] | None,
    by_name: dict[str, Transcript],
    warnings: list[str],
) -> list[PendingSelection]:
    """The passages a review decided (``left_out``, :func:`~.qdpx_import._review_record`,
    popping its spans) that none of the reviewer's selections (``carried``) carries, given back
    as decided with no code: those it decided so (:data:`~roqa_nlp.framework.REVIEWED_NO_CODE`), and those whose
    coded passage the QDA program lost, with a warning, where the export recorded their span
    (:data:`~roqa_nlp.framework.REVIEWED_SPANS`). Before, such a segment was dropped from the
    reviewer's codings while ``reviewed_segments`` still listed it, and ``roqa agree`` left it
    out with every other coder's codings in it, in silence (exchange tester, s61: a deleted
    coding read as 100% agreement). One the project does not place (an earlier export) is
    named in a warning as left out.

    Where the export recorded each passage's text and selections
    (:data:`~roqa_nlp.framework.REVIEWED_PASSAGES`), a passage is found again by its text where
    the transcript was edited before it in the program, and a selection by its GUID where the
    program dropped roqa's selection names (it then takes its segment's id back); a selection
    moved off its passage is said moved, its passage read as decided with no code (s62: both
    were said deleted, and ``roqa agree`` compared such an import on 0 units)."""
    from ..framework import REVIEWED, REVIEWED_NO_CODE, REVIEWED_PASSAGES, REVIEWED_SPANS

    no_code = left_out.pop(REVIEWED_NO_CODE, {})  # a review's segments decided with no code
    spans = {**left_out.pop(REVIEWED_SPANS, {}), **no_code}
    passages: dict[str, list[str]] = left_out.pop(REVIEWED_PASSAGES, {})
    if carried is None:  # the reviewer coded nothing in the project (or was renamed there)
        return []
    _forget_deleted_transcripts(left_out, spans, by_name, warnings)
    mine = list(carried.values())
    named = {LINE_PREFIX.sub("", p.name) for p in mine}
    # a program that renames selections (ATLAS.ti's own quotation names) keeps none of the
    # segment ids: a segment no name carries is then no sign of a deleted coding (regression
    # hunt, s61: all 46 passages of an untouched earlier export were said deleted)
    names_kept = bool(named & {*spans, *left_out.get(REVIEWED, [])})
    owners = _owners(mine, spans, passages, names_kept)
    placed, edited = _placed_again(spans, passages, by_name, mine, owners)
    moved, onto = _found_by_record(placed, passages, mine, owners)
    if edited and isinstance(left_out.get(REVIEWED), list):  # not read as decided (s62: counted)
        left_out[REVIEWED] = [i for i in left_out[REVIEWED] if i not in edited]
    named = {LINE_PREFIX.sub("", p.name) for p in mine}
    out: list[PendingSelection] = []
    lost: list[str] = []
    unplaced: list[str] = []
    gone: list[str] = []  # of those, the ones moved elsewhere
    for seg_id in [*spans, *(i for i in left_out.get(REVIEWED, []) if i not in spans)]:
        if seg_id in named:
            continue
        if seg_id not in spans:
            if names_kept:
                unplaced.append(seg_id)
            continue
        tid, start, end = placed.get(seg_id, spans[seg_id])
        told = by_name.get(tid)
        if told is None or end > len(told.text):
            continue
        if seg_id in moved:
            p = moved[seg_id]
            gone.append(f"{seg_id} to {p.transcript.id}:@{p.start}-{p.end}")
        elif seg_id in onto:
            pass  # said below, with the passage it is on now
        elif (tid, start, end) in carried:
            continue
        elif seg_id not in no_code:
            # coded when exported: recoded in the program on a passage of its own (the
            # documented same passage: overlapping by half the shorter) is no loss
            if any(p.transcript.id == tid and same_passage(p, start, end) for p in mine):
                continue
            if seg_id in edited:  # not found at its text: no sign of a deletion
                continue
            lost.append(seg_id)
        elif seg_id in edited:  # decided with no code, its text edited: where is not known
            continue
        out.append(PendingSelection(told, start, end, seg_id, len(out)))
    who = left_out.get("user")
    if lost:
        one = len(lost) == 1
        warnings.append(
            f"{who}: {_plural(len(lost), 'passage')} the review decided with a code "
            f"{'holds' if one else 'hold'} no coding of theirs in the project any more "
            f"({first_few(lost)}; deleted in the QDA program): read as decided with no code, "
            "so roqa agree counts another coder's code there as a disagreement; to keep a code "
            "there, code the passage again"
        )
    if gone:
        one = len(gone) == 1
        warnings.append(
            f"{who}: {_plural(len(gone), 'passage')} the review decided with a code "
            f"{'was' if one else 'were'} moved in the QDA program ({first_few(gone)}): read as "
            f"decided with no code where {'it was' if one else 'they were'}, and as a coding "
            f"where {'it is' if one else 'they are'} now, on a passage the review did not decide"
        )
    if onto:
        one = len(onto) == 1
        warnings.append(
            f"{who}: the {'selection' if one else 'selections'} of {_plural(len(onto), 'passage')}"
            " the review decided with a "
            f"code {'was' if one else 'were'} moved in the QDA program onto another passage it "
            f"decided ({first_few([f'{k} to {v}' for k, v in onto.items()])}): read as a coding "
            "of the passage it is on now, so roqa agree compares it there; a passage left with "
            "no selection is read as decided with no code"
        )
    if edited:
        one = len(edited) == 1
        warnings.append(
            f"{who}: {_plural(len(edited), 'passage')} the review decided {'is' if one else 'are'}"
            f" not found by {'its' if one else 'their'} text ({first_few(edited)}; the "
            "transcript's text was edited in the QDA program there): not read as decided, so "
            f"roqa agree compares {'it' if one else 'them'} with no one; a coding of theirs "
            "there is read as a passage of its own"
        )
    if unplaced:
        one = len(unplaced) == 1
        warnings.append(
            f"{who}: {_plural(len(unplaced), 'segment')} the review decided "
            f"{'has' if one else 'have'} no coded passage in the project any more "
            f"({first_few(unplaced)}; deleted in the QDA program), and the project (exported "
            "by an earlier version) does not record where: left out of their codings, so "
            f"roqa agree compares {'it' if one else 'them'} with no one, every coder's "
            "codings in it left out too; code the passage again in the QDA program, or export "
            "the review again"
        )
    return out


def _forget_deleted_transcripts(
    left_out: dict[str, Any],
    spans: dict[str, tuple[str, int, int]],
    by_name: dict[str, Transcript],
    warnings: list[str],
) -> None:
    """The segments a review decided in transcripts no longer in the project (deleted in the
    QDA program) taken out of the record ``left_out`` (and of ``spans``), with their undecided
    counts and reviewable segments (:data:`~roqa_nlp.framework.REVIEW_SCOPE`), and named
    in one warning. Before (blind tester s64), such a transcript went in silence while
    ``reviewed_segments`` still listed its segments as decided; and its segments stayed in the
    review's scope, so decided + undecided fell short of the reviewable count (regression hunt
    s64, h_qdpx 3). It keeps its place in the study's order
    (:data:`~roqa_nlp.framework.STUDY_INTERVIEWS`): the interviews after it keep their numbers
    in saturation, as they did."""
    from ..framework import REVIEW_SCOPE, REVIEWED, UNDECIDED

    decided = [*spans, *(i for i in left_out.get(REVIEWED, []) if i not in spans)]
    gone: dict[str, list[str]] = {}  # transcript -> its decided segments
    for seg_id in decided:
        tid = spans[seg_id][0] if seg_id in spans else seg_id.rpartition(":")[0]
        if tid and tid not in by_name:
            gone.setdefault(tid, []).append(seg_id)
    if not gone:
        return
    lost = {i for ids in gone.values() for i in ids}
    for seg_id in lost:
        spans.pop(seg_id, None)
    if isinstance(left_out.get(REVIEWED), list):
        left_out[REVIEWED] = [i for i in left_out[REVIEWED] if i not in lost]
        if not left_out[REVIEWED]:
            del left_out[REVIEWED]
    recorded = left_out.get(UNDECIDED)
    undecided: dict[str, list[int]] = recorded if isinstance(recorded, dict) else {}
    scope = left_out.get(REVIEW_SCOPE)
    if isinstance(scope, dict) and "participant_segments" in scope:
        # their reviewable segments (decided or not) leave what the review had to decide, so
        # decided + undecided is the reviewable count again; what was set aside there is not
        # recorded by transcript, so it stays counted (and set aside)
        reviewable = sum(undecided[t][1] if t in undecided else len(gone[t]) for t in gone)
        left_out[REVIEW_SCOPE] = scope | {
            "participant_segments": max(0, scope["participant_segments"] - reviewable)
        }
    if undecided:
        left_out[UNDECIDED] = {t: n for t, n in undecided.items() if t not in gone}
        if not left_out[UNDECIDED]:
            del left_out[UNDECIDED]
    one = len(gone) == 1
    segments = "segment is" if len(lost) == 1 else "segments are"
    warnings.append(
        f"{left_out.get('user')}: {_plural(len(gone), 'transcript')} the review decided segments "
        f"in {'is' if one else 'are'} no longer in the project ("
        + ", ".join(f"{t}: {_plural(len(ids), 'decided segment')}" for t, ids in gone.items())
        + f"; deleted in the QDA program): {'its' if one else 'their'} {segments} not read as "
        f"decided, so roqa agree compares {'it' if len(lost) == 1 else 'them'} with no one"
    )


def _owners(
    mine: list[PendingSelection],
    spans: dict[str, tuple[str, int, int]],
    passages: dict[str, list[str]],
    names_kept: bool,
) -> dict[int, set[str]]:
    """The decided passages each of the reviewer's selections (``mine``, by ``id``) was exported
    as (those whose span the export recorded, ``spans``): by roqa's names where the program kept
    them (its own and those of the selections on its span merged into it), else by the GUIDs
    the export recorded (``passages``)."""
    by_guid = {normalise_guid(g): seg_id for seg_id, v in passages.items() for g in v[1:]}
    out: dict[int, set[str]] = {}
    for p in mine:
        if names_kept:
            ids = {LINE_PREFIX.sub("", n) for n in (p.name, *p.merged_names)} & spans.keys()
        else:
            guids = map(normalise_guid, p.selection_guids.values())
            ids = {by_guid[g] for g in guids if g in by_guid} & spans.keys()
        if ids:
            out[id(p)] = ids
    return out


def _placed_again(
    spans: dict[str, tuple[str, int, int]],
    passages: dict[str, list[str]],
    by_name: dict[str, Transcript],
    mine: list[PendingSelection],
    owners: dict[int, set[str]],
) -> tuple[dict[str, tuple[str, int, int]], list[str]]:
    """Where each decided passage (``spans``, as exported) is in the project's text: at its
    span while the text there is the text exported (its digest in ``passages``); else, where
    the transcript was edited before it in the program, at its own selection holding that text
    (``owners``), or at the one selection of no decided passage holding it; else shifted as the
    passages found next to it were, where that span holds it and no other passage's selection
    lies on it; else, its text edited inside it, at its own selection still on it. Those found
    nowhere are listed second; a passage with no digest (an earlier export), or found at two
    places, is left as exported, as before s62 (regression hunt s62: a passage whose text
    recurs was placed on its twin, and the search over every selection was quadratic)."""

    def holds(tid: str, start: int, end: int, digest: str) -> bool:
        text = by_name[tid].text
        return 0 <= start < end <= len(text) and passage_digest(text[start:end]) == digest

    own: dict[str, list[PendingSelection]] = {}
    for p in mine:
        for seg_id in owners.get(id(p), ()):
            own.setdefault(seg_id, []).append(p)
    owned_at = {  # a span a selection of a decided passage lies on -> those passages
        (p.transcript.id, p.start, p.end): owners[id(p)] for p in mine if id(p) in owners
    }
    free: dict[tuple[str, str], list[PendingSelection]] | None = None  # (transcript, digest) -> ...
    placed: dict[str, tuple[str, int, int]] = {}
    found: dict[str, list[tuple[int, int]]] = {}  # transcript -> (exported start, shift)
    moved_text: list[str] = []
    for seg_id, (tid, start, end) in spans.items():
        digest = (passages.get(seg_id) or [""])[0]
        if not digest or tid not in by_name or holds(tid, start, end, digest):
            placed[seg_id] = (tid, start, end)
            found.setdefault(tid, []).append((start, 0))
        else:
            moved_text.append(seg_id)
    taken = set(placed.values())
    astray: list[str] = []
    for seg_id in moved_text:
        tid, start, end = spans[seg_id]
        digest = passages[seg_id][0]
        at = [
            p for p in own.get(seg_id, []) if p.transcript.id == tid
            and holds(tid, p.start, p.end, digest)
        ]  # fmt: skip
        if not at:
            if free is None:  # the selections of no decided passage, by their text's digest
                free = {}
                for p in mine:
                    if id(p) not in owners:
                        t = p.transcript
                        key = (t.id, passage_digest(t.text[p.start : p.end]))
                        free.setdefault(key, []).append(p)
            at = free.get((tid, digest), [])
        span = (tid, at[0].start, at[0].end) if len(at) == 1 else None
        if span is None or span in taken:
            astray.append(seg_id)
            continue
        placed[seg_id] = span
        taken.add(span)
        found.setdefault(tid, []).append((start, span[1] - start))
    near = {t: sorted(f) for t, f in found.items()}
    edited: list[str] = []
    for seg_id in astray:
        tid, start, end = spans[seg_id]
        digest = passages[seg_id][0]
        by = near.get(tid, [])
        i = bisect.bisect_left(by, (start, 0))
        shifts = {s for _, s in by[max(0, i - 1) : i + 1]}  # the passages found either side
        at_shift = {
            (tid, start + s, end + s)
            for s in shifts
            if holds(tid, start + s, end + s, digest)
            and (tid, start + s, end + s) not in taken
            and owned_at.get((tid, start + s, end + s), {seg_id}) == {seg_id}
        }
        if len(at_shift) == 1:
            placed[seg_id] = next(iter(at_shift))
            continue
        if at_shift:  # at two places: left as exported
            continue
        still = [  # its own selection, on the passage it was, its text edited inside it
            p for p in own.get(seg_id, []) if p.transcript.id == tid
            and any(same_passage(p, start + s, end + s) for s in shifts | {0})
        ]  # fmt: skip
        if still:
            placed[seg_id] = (tid, still[0].start, still[0].end)
        elif not own.get(seg_id):
            edited.append(seg_id)
        # else its selection is elsewhere and its text is not found: left as exported
    return placed, edited


def _found_by_record(
    placed: dict[str, tuple[str, int, int]],
    passages: dict[str, list[str]],
    mine: list[PendingSelection],
    owners: dict[int, set[str]],
) -> tuple[dict[str, PendingSelection], dict[str, str]]:
    """The decided passages (``placed``: found by their text, with the GUIDs of their selections
    in ``passages``) whose selection the reviewer moved off them in the program, with the
    selection where it is now; and those whose selection is now exactly on another decided
    passage, with that passage. A selection lying exactly on a decided passage takes its id,
    whatever it was exported as (s62: two selections swapped between passages hid the
    disagreement; one moved onto another passage took that one's id or not by the order of
    the XML). A selection of one passage (``owners``: by roqa's name or its GUID) takes its id
    back where it is on it; one moved off it loses its name, so that it is read as a passage of
    its own, when no other selection of that passage is still on it."""
    at = {span: seg_id for seg_id, span in placed.items()}
    onto: dict[str, str] = {}
    off: dict[str, list[PendingSelection]] = {}
    kept: set[str] = set()  # the passages a selection of theirs is still on
    for p in mine:
        ids = owners.get(id(p), set())
        here = at.get((p.transcript.id, p.start, p.end))
        if here is not None:
            p.name = here
            if here in ids:
                kept.add(here)
            for seg_id in sorted(ids - {here}):
                if seg_id in passages and seg_id in placed:
                    onto[seg_id] = here
            continue
        if len(ids) != 1:
            continue  # of no decided passage, or of two: as the program named it
        (seg_id,) = ids
        if seg_id not in placed:
            p.name = seg_id
            continue
        tid, start, end = placed[seg_id]
        if p.transcript.id == tid and same_passage(p, start, end):
            p.name = seg_id
            kept.add(seg_id)
        elif seg_id in passages:  # found by its text: known to be elsewhere
            off.setdefault(seg_id, []).append(p)
        else:
            p.name = seg_id
    moved: dict[str, PendingSelection] = {}
    for seg_id, sels in off.items():
        if seg_id in kept:
            continue  # a selection of it is still on it too
        moved[seg_id] = sels[0]
        onto.pop(seg_id, None)
        for p in sels:
            p.name = ""
    for seg_id in kept:
        onto.pop(seg_id, None)
    return moved, onto
