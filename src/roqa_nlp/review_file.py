"""What a review (decisions) file holds: its columns, its decision words, and the weight its
decisions carry when a model learns from them.

Kept apart from :mod:`roqa_nlp.decisions` (which reads and applies reviews) so that the CLI's
help, which names these, starts without importing the reader (``roqa --help`` time)."""

from __future__ import annotations

#: a row that keeps a note on a segment with no decision: read back, never trained on
NOTE = "note"
#: a row that corrects the valence of a segment (column ``valence``), on no code
VALENCE = "valence"
#: a row that says the segment fits no code: the reviewer rejected every suggestion it showed
#: when the review was made (``roqa code`` adds one when it carries a review into codings made
#: again, whose retrained model may suggest other codes there)
NO_CODE = "no-code"
DECISIONS = ("accept", "reject", "recode", "new-code", NOTE, VALENCE, NO_CODE)
#: the columns of a decisions file, as the report writes them (``valence`` and ``suggestion``
#: when a row needs them)
COLUMNS = ("segment_id", "decision", "code_id", "new_code", "note", "text", "valence", "suggestion")
#: How many times each decided segment counts in ``AutoCoder.update`` (they come from the study
#: being coded).
UPDATE_WEIGHT = 3
