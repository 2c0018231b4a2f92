"""A coder's selection as a REFI-QDA project is read (:mod:`.qdpx_import`), and what the
re-placement of a review's passages (:mod:`.review_placement`) knows of it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema import Suggestion, Transcript
from .review import spans_same_passage

#: roqa_nlp's selection names: ``line:<n> <segment id>``; the prefix, before the segment id.
LINE_PREFIX = re.compile(r"^line:\d+ ")


@dataclass
class PendingSelection:
    """One user's selection on a span, accumulating codings."""

    transcript: Transcript
    start: int
    end: int
    name: str
    order: int
    suggestions: list[Suggestion] = field(default_factory=list)
    noted: bool = False  # a selection's description gave the person's valence
    model_valence: bool = False  # that valence is the model's, kept (``(p=0.550)``)
    lost: list[str] = field(default_factory=list)  # codes whose probability no note gave
    notes: list[str] = field(default_factory=list)  # REFI-QDA notes on the selection
    targets: set[str] = field(default_factory=set)  # the codes' GUIDs coded on it
    # code id -> valence -> the codes below it that gave it that valence (Barrier, Facilitator)
    rated: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # seconds into the recording, for a passage of a recording's transcript
    times: tuple[float | None, float | None] = (None, None)
    created: str | None = None  # the selection's creationDateTime (the first one's, merged)
    coded_at: dict[str, str] = field(default_factory=dict)  # code id -> its coding's date
    # the GUIDs the program gave it, kept for an export of it (refiqda.REFI_GUIDS): code id ->
    # its selection's and its coding's GUID; a note's text -> the note's normalised GUID
    selection_guids: dict[str, str] = field(default_factory=dict)
    coding_guids: dict[str, str] = field(default_factory=dict)
    note_guids: dict[str, str] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)  # of those notes, the selection's comments
    # a note's (or comment's) text -> the GUIDs of the program's selections that had it
    note_selections: dict[str, list[str]] = field(default_factory=dict)
    # the names of the other selections on its span, merged into it (roqa_nlp's segment ids)
    merged_names: list[str] = field(default_factory=list)


def same_passage(p: PendingSelection, start: int, end: int) -> bool:
    """Whether selection ``p`` and the span ``start``-``end`` of its transcript overlap by at
    least half of the shorter one (:func:`~.review.spans_same_passage`)."""
    return spans_same_passage(p.start, p.end, start, end)
