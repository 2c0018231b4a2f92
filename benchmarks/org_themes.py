"""How ``roqa`` routes the session-84 organisational-themes battery (``benchmarks/data/org_themes_s84/``).

``themes.txt`` holds off-framework organisational themes in a registered manager's voice (8
themes x 5 lines: a building flood, staff visa refusals, ...), ``personal.txt`` small talk,
personal asides and procedural talk, ``cfir.txt`` talk a CFIR 2009 coder codes (its intended
construct before a tab). Half ``A`` was drafted on, half ``B`` is held out (other themes).

Two readings of each half:

- ``alone``: every line read alone, as ``roqa suggest`` reads it;
- ``interviews``: five interviews a half (each line answers an interviewer's neutral prompt; every
  interview has one line of each of the half's 4 themes, 4 personal and 4 CFIR lines), coded as
  ``roqa code`` codes them (whole turns, question context).

Each participant line is routed ``sure`` (charted, top code at least 0.40), ``weak`` (charted,
top below 0.40: the report's *Coded, but weakly* list), ``open`` (fits no code, for open coding)
or ``aside`` (procedural, or set aside as off-topic); read alone, CFIR lines are also scored top-1
against their decided construct. For the interviews it also groups, as the
open-coding queue does (average-linkage cosine distance below 0.6, the whole-turn default, and
0.7), the lines for open coding alone (what ``roqa code`` offers as candidate codes), then with
the weakly coded lines added, then with the set-aside lines added too (what-ifs): groups of two or
more, those holding one theme only ("pure"), and theme lines in a pure group.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/org_themes.py [MODEL_FOLDER] [--alpha A]
[--json OUT]`` (about two minutes). Results: ``results/classifier_comparison.md``, session 84.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from roqa_nlp.io import read_text

DATA = Path(__file__).resolve().parent / "data" / "org_themes_s84"
KINDS = ("themes", "personal", "cfir")
ROUTES = ("sure", "weak", "open", "aside")
#: neutral prompts the interviewer asks before each answer, in turn
PROMPTS = (
    "And what else was going on for the service around then?",
    "Mm. Can you tell me a bit more about that?",
    "What was that like for you and the team?",
    "Go on.",
    "Was there anything else that stood out that year?",
)
SURE = 0.4  # roqa_nlp.framework.SURE_CODE


def read(name: str) -> list[tuple[str, str, str]]:
    """(half, label, text) of each line; ``# half X`` lines start a half; a tab ends a label."""
    half, out = "", []
    for line in read_text(DATA / f"{name}.txt").splitlines():
        if line.startswith("# half "):
            half = line.split()[-1]
        elif line.strip():
            label, _, text = line.partition("\t") if "\t" in line else ("", "", line)
            out.append((half, label, text.strip()))
    return out


def route(novel: bool, procedural: bool, off_topic: bool, top: float) -> str:
    if procedural or (novel and off_topic):
        return "aside"
    if novel:
        return "open"
    return "weak" if top < SURE else "sure"


def interviews(half: dict[str, list[tuple[str, str]]]) -> list[list[tuple[str, str, str]]]:
    """Five interviews of (kind, label, text): one line of each theme, 4 personal, 4 CFIR."""
    themes = half["themes"]
    n_themes = len(themes) // 5
    out = []
    for k in range(5):
        items = [("themes", *themes[j * 5 + k]) for j in range(n_themes)]
        items += [("personal", *x) for x in half["personal"][k * 4 : k * 4 + 4]]
        items += [("cfir", *x) for x in half["cfir"][k * 4 : k * 4 + 4]]
        # personal and CFIR talk between the themes, as an interview mixes them
        order = (4, 8, 0, 9, 1, 5, 10, 2, 11, 3, 6, 7)
        out.append([items[i] for i in order])
    return out


def grouping(names: list[str], X, threshold: float) -> dict[str, object]:
    from roqa_nlp.open_coding import cluster_embeddings

    groups: dict[int, list[int]] = {}
    for i, c in enumerate(cluster_embeddings(X, threshold).tolist()):
        groups.setdefault(c, []).append(i)
    real = [g for g in groups.values() if len(g) >= 2]
    pure = [g for g in real if len({names[i] for i in g}) == 1 and names[g[0]] not in KINDS]
    return {
        "lines": len(names),
        "groups": len(real),
        "pure_theme_groups": len(pure),
        "theme_lines_in_pure_group": sum(len(g) for g in pure),
        "members": ["+".join(sorted(names[i] for i in g)) for g in real],
    }


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder

    args = sys.argv[1:]
    opts = {}
    for flag in ("--json", "--alpha"):
        if flag in args:
            at = args.index(flag)
            opts[flag] = args[at + 1]
            del args[at : at + 2]
    ac = AutoCoder.load(args[0]) if args else AutoCoder.load()
    if "--alpha" in opts:
        ac.params["alpha"] = float(opts["--alpha"])
    lines = {k: read(k) for k in KINDS}
    summary: dict[str, dict] = {}
    per_line: list[dict] = []
    for half in ("A", "B"):
        mine = {k: [(lab, t) for h, lab, t in v if h == half] for k, v in lines.items()}
        res: dict[str, object] = {}
        # read alone
        texts = [t for k in KINDS for _, t in mine[k]]
        kinds = [k for k in KINDS for _ in mine[k]]
        sugg, flags = ac.suggest_and_flag(texts)
        for kind in KINDS:
            got = [
                route(f["novel"], f["procedural"], f["off_topic"], s[0].probability if s else 0)
                for k, s, f in zip(kinds, sugg, flags)
                if k == kind
            ]
            res[f"alone_{kind}"] = {r: got.count(r) for r in ROUTES}
        labels = [lab for k in KINDS for lab, _ in mine[k]]
        res["alone_cfir_top1"] = sum(
            bool(s) and s[0].code_id == lab for k, lab, s in zip(kinds, labels, sugg) if k == "cfir"
        )
        # in interviews
        made = interviews(mine)
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for n, items in enumerate(made, 1):
                turns = []
                for m, (_, _, text) in enumerate(items):
                    turns += [f"Interviewer: {PROMPTS[m % 5]}", f"P{n:02d}: {text}"]
                path = Path(tmp) / f"p{n:02d}_{half}.txt"
                path.write_text("\n\n".join(turns) + "\n", encoding="utf-8")
                paths.append(path)
            result = ac.code(paths)
        key = {text: (kind, label) for items in made for kind, label, text in items}
        seen = []
        for s in result.segments:
            if s.segment.role != "participant":
                continue
            kind, label = key[s.segment.text]
            top = s.suggestions[0].probability if s.suggestions else 0.0
            r = route(s.novel, s.procedural, s.off_topic, top)
            seen.append((kind, label if kind == "themes" else kind, r, s.segment.text))
            per_line.append(
                {"half": half, "kind": kind, "label": label, "route": r, "top": round(top, 3)}
            )
        for kind in KINDS:
            got = [r for k, _, r, _ in seen if k == kind]
            res[f"interviews_{kind}"] = {r: got.count(r) for r in ROUTES}
        for pool in (("open",), ("open", "weak"), ("open", "weak", "aside")):
            picked = [x for x in seen if x[2] in pool]
            X = ac.embedder.encode([x[3] for x in picked]) if picked else None
            for t in (0.6, 0.7):
                res[f"group_{'+'.join(pool)}_{t}"] = (
                    grouping([x[1] for x in picked], X, t) if picked else {"lines": 0}
                )
        summary[half] = res
    print(json.dumps(summary, indent=1))
    if "--json" in opts:
        Path(opts["--json"]).write_text(
            json.dumps({"summary": summary, "lines": per_line}, indent=1) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
