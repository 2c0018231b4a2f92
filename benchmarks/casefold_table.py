"""Write ``src/roqa_nlp/data/casefold_table.json``: the characters :meth:`str.casefold` changes.

Every report carries, for its page's script, the characters Python's :meth:`str.casefold`
changes (``roqa_nlp.decisions.casefold_table``: runs of code points folded by one offset, and
the characters folded to several, ß: ss). Working it out from Python's Unicode data took about
50 ms of every report, a warm re-code's too (session 85); the file holds the answer, made once
by this script. It is a function of this Python's Unicode version (``unidata_version``, written
in it) only: a Python of another Unicode works the table out itself.
``tests/test_casefold_table_kept.py`` makes it again and fails when it differs, as it will when a
newer Python brings a newer Unicode: run this script then and commit the file::

    .venv/bin/python benchmarks/casefold_table.py
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from roqa_nlp.decisions import scanned_casefold_table

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "roqa_nlp" / "data" / "casefold_table.json"

ABOUT = (
    "The characters Python's str.casefold changes, read by roqa_nlp.decisions.casefold_table "
    "for the report's page: runs [first, last, step, delta] of code points each folded to the "
    "one delta after it, and more: [character, its casefold] of those folded to several. Made "
    "from Python's Unicode data by benchmarks/casefold_table.py: do not edit, run that script "
    "when a newer Python brings a newer Unicode."
)


def casefold_table_json() -> str:
    """The text of ``casefold_table.json`` for this Python's Unicode (the whole of it scanned)."""
    runs, more = scanned_casefold_table()
    body = {
        "about": ABOUT,
        "unidata_version": unicodedata.unidata_version,
        "runs": [list(r) for r in runs],
        "more": [list(m) for m in more],
    }
    return json.dumps(body, indent=1, ensure_ascii=True) + "\n"


def main() -> None:
    text = casefold_table_json()
    tmp = OUT.with_name(OUT.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    tmp.replace(OUT)
    print(f"wrote {OUT.relative_to(REPO)} (Unicode {unicodedata.unidata_version})")


if __name__ == "__main__":
    main()
