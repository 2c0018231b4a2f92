"""What the session-82 off-topic battery (``benchmarks/data/off_topic_battery_s82/``) sets aside.

Each line of ``personal.txt`` (talk a coder leaves uncoded) and ``work.txt`` (work talk in personal
words, coded) is read alone, as ``roqa suggest`` reads it, by the packaged model or the model
folder given. Printed per file: lines, set aside as off-topic, fitting no code (novel), procedural,
and charted (neither); then off-topic precision (personal lines of all set aside as off-topic) and
recall (of the personal lines).

Run: ``.venv/bin/python benchmarks/off_topic_battery.py [MODEL_FOLDER] [--data FOLDER]`` (under a
minute); ``--data`` reads another battery of the two files, session 83's work strain and personal
asides (``benchmarks/data/work_strain_s83/``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from roqa_nlp.io import read_text

DATA = Path(__file__).resolve().parent / "data" / "off_topic_battery_s82"


def counts(flags: list[dict]) -> dict[str, int]:
    return {
        "lines": len(flags),
        "off_topic": sum(bool(f["off_topic"]) for f in flags),
        "novel": sum(bool(f["novel"]) for f in flags),
        "procedural": sum(bool(f["procedural"]) for f in flags),
        "charted": sum(not (f["novel"] or f["procedural"]) for f in flags),
    }


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder

    args = sys.argv[1:]
    data = DATA
    if "--data" in args:
        at = args.index("--data")
        data = Path(args[at + 1])
        del args[at : at + 2]
    ac = AutoCoder.load(args[0]) if args else AutoCoder.load()
    rows: dict[str, object] = {}
    found = {}
    for name in ("personal", "work"):
        lines = [t for t in read_text(data / f"{name}.txt").splitlines() if t.strip()]
        found[name] = rows[name] = counts(ac.suggest_and_flag(lines)[1])
    hit, false = found["personal"]["off_topic"], found["work"]["off_topic"]
    rows["off_topic_precision"] = round(hit / (hit + false), 3) if hit + false else None
    rows["off_topic_recall"] = round(hit / found["personal"]["lines"], 3)
    print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
