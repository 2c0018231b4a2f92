"""Print the participant segments of a coding run as ``segment_id`` and text only.

Gold coding must be independent of the model, so this shows the coder nothing the model said:
no suggestions, probabilities, valences or novelty flags, only the segment id and its text.

Run: ``.venv/bin/python benchmarks/gold_segments.py /tmp/gold_run/codings.jsonl``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(path: str) -> None:
    p = Path(path)
    if p.is_dir():
        p = p / "codings.jsonl"
    for line in p.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if r.get("role", "participant") != "participant":
            continue
        print(f"=== {r['segment_id']}\n{r['text']}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/gold_run/codings.jsonl")
