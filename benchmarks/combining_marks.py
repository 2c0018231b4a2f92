"""Write ``src/roqa_nlp/data/combining_marks.json``: Unicode's combining marks as code-point ranges.

The patterns that read a person's name (:mod:`roqa_nlp.name_characters`) add the combining
marks (Unicode category M) to ``\\w``. Finding them in :mod:`unicodedata` means asking the
category of some 127,000 code points, which cost every start of the program (every transcript
read) about 16 ms; the file holds the answer, made once by this script (s63). Two lists of ranges
(hex, ``0300-036F``; one code point alone is ``05BF``):

- ``marks``: every combining mark;
- ``omissible_marks``: those a writer may leave out of a name or add to it, the marks that sit on
  a letter (a combining class other than 0), not a virama (class 9), which joins two letters;
- ``capitals``: the upper-case and title-case letters (Lu, Lt), the first letter of a capitalised
  name in any script (``Étoile House``, ``Łukasz``), which ``[A-Z]`` is not (s77).

The file is a function of this Python's Unicode version (``unidata_version``, written in it) only.
``tests/test_name_characters.py`` makes it again and fails when it differs, as it will when a
newer Python brings a newer Unicode: run this script then and commit the file::

    .venv/bin/python benchmarks/combining_marks.py
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from roqa_nlp.name_characters import scanned_mark_ranges

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "roqa_nlp" / "data" / "combining_marks.json"

ABOUT = (
    "The combining marks (Unicode category M) as code-point ranges (hex, first-last, or one "
    "code point), read by roqa_nlp.name_characters for the patterns that read a person's name "
    "(Python's re has no \\p{M} and \\w leaves the marks out, as a Yoruba name's tone mark "
    "on a letter with no precomposed form). marks: every combining mark; omissible_marks: those that sit on a letter (a "
    "combining class other than 0), which a writer may leave out of a name or add, not a virama "
    "(class 9); capitals: the upper-case and title-case letters (Lu, Lt), a capitalised name's "
    "first letter in any script. Made from Python's unicodedata by benchmarks/combining_marks.py: "
    "do not edit, run that script when a newer Python brings a newer Unicode."
)


def combining_marks_json() -> str:
    """The text of ``combining_marks.json`` for this Python's Unicode (the whole of it scanned)."""
    return json.dumps({"about": ABOUT, **scanned_mark_ranges()}, indent=1, ensure_ascii=True) + "\n"


def main() -> None:
    text = combining_marks_json()
    tmp = OUT.with_name(OUT.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    tmp.replace(OUT)
    print(f"wrote {OUT.relative_to(REPO)} (Unicode {unicodedata.unidata_version})")


if __name__ == "__main__":
    main()
