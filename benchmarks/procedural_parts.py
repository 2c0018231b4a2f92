"""Session 31: should a segment set aside as procedural talk be judged by its parts?

A blind tester's answer was joined, across the interviewer's "Okay.", to an aside ("Sorry,
someone's knocking."), and the whole was read as procedural talk and left out of the coding.
Rules tried on segments flagged procedural (top code below FITS_A_CODE):

* A0: several sentences, and one of them (not procedural itself) fits a code: not procedural
  (the segment's own p-value and top code then judge novelty);
* A / B / C: coded on its sentences that are not procedural, when one of them fits a code (A),
  when they are at least half its words (B), or either (C);
* P: several paragraphs (one speaker's turn joined across another's backchannel): coded on its
  paragraphs that are not procedural.

Counts: (i) gold-coded segments flagged procedural (and set aside at all), (ii) gold-uncoded
segments set aside before and charted after. Scored on the interview sets out of sample (five
folds of whole sets, ``set_folds.fold_training``), on simulated joins of consecutive participant
turns of those sets (at most 150 words), and on the example interviews with the packaged model
(never trained on). Rule set before the run: adopt only if (i) falls and (ii) rises by no more.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/procedural_parts.py`` (about four
minutes with a warm embedding cache). Results: printed; see classifier_comparison.md, session 31.
"""

import json
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import TRAINED_SETS, heldout_segments  # noqa: E402
from interview_records import base_and_interviews  # noqa: E402
from set_folds import fold_training  # noqa: E402

from roqa_nlp.autocoder import FITS_A_CODE, AutoCoder, _tops, segment_flags  # noqa: E402
from roqa_nlp.transcripts.sentences import split_sentences  # noqa: E402


def outputs(ac, texts, ctxs):
    contexts = list(ctxs) if ac.params.get("use_context") else None
    X = ac._inputs(list(texts), contexts, whole=False)
    rows, pv, _, proc, aside = ac._suggest_rows(X, 1, list(texts), contexts)
    a = float(ac.params["alpha"])
    return rows, [
        segment_flags(p, pr, s, a, t) for p, pr, s, t in zip(pv, proc, aside, _tops(rows))
    ]


def variants(ac, texts, ctxs):
    rows, flags = outputs(ac, texts, ctxs)
    out = {"before": flags}
    cand = [
        i for i, f in enumerate(flags) if f["procedural"] and len(split_sentences(texts[i])) >= 2
    ]
    sents, owner, sctx = [], [], []
    for i in cand:
        for a, b in split_sentences(texts[i]):
            sents.append(texts[i][a:b])
            owner.append(i)
            sctx.append(ctxs[i])
    srows, sflags = outputs(ac, sents, sctx) if sents else ([], [])
    by = {}
    for k, i in enumerate(owner):
        by.setdefault(i, []).append((sents[k], srows[k], sflags[k]))
    # kept text per candidate: the sentences not procedural
    kept = {i: [s for s, r, f in v if not f["procedural"]] for i, v in by.items()}
    fits = {
        i: any(
            (r[0].probability if r else 0) >= FITS_A_CODE and not f["procedural"] for s, r, f in v
        )
        for i, v in by.items()
    }
    share = {
        i: sum(len(s.split()) for s in kept[i]) / max(1, sum(len(s.split()) for s, _, _ in v))
        for i, v in by.items()
    }
    recode_ids = [i for i in cand if kept[i]]
    rr, rf = (
        outputs(ac, [" ".join(kept[i]) for i in recode_ids], [ctxs[i] for i in recode_ids])
        if recode_ids
        else ([], [])
    )
    recoded = dict(zip(recode_ids, rf))
    # A0: literal (a): not procedural when any sentence fits a code; segment's own novelty kept
    a0 = list(flags)
    for i in cand:
        if fits[i]:
            f = dict(flags[i])
            f["procedural"] = False
            f["novel"] = (
                flags[i]["novelty_p"] < float(ac.params["alpha"])
                and (rows[i][0].probability if rows[i] else 0) < FITS_A_CODE
            )
            a0[i] = f
    out["A0 any-sentence-fits, flags only"] = a0
    # A: any non-procedural sentence fits a code -> coded on its non-procedural sentences
    out["A any-fits -> recode kept"] = [
        recoded[i] if i in fits and fits[i] else f for i, f in enumerate(flags)
    ]
    # B: non-procedural sentences are at least half the words -> coded on them
    out["B kept>=half -> recode kept"] = [
        recoded[i] if i in share and share[i] >= 0.5 and kept[i] else f for i, f in enumerate(flags)
    ]
    # C: A or B
    out["C A or B"] = [
        recoded[i] if i in by and kept[i] and (fits[i] or share[i] >= 0.5) else f
        for i, f in enumerate(flags)
    ]
    return out, cand, by, recoded


def tally(kinds, variants_):
    """kinds: 'coded' / 'procedural' / 'off-framework' / 'none' per segment."""
    res = {}
    before = variants_["before"]

    def aside(f):
        return f["novel"] or f["procedural"]

    for name, fl in variants_.items():
        coded_proc = sum(1 for k, f in zip(kinds, fl) if k == "coded" and f["procedural"])
        coded_aside = sum(1 for k, f in zip(kinds, fl) if k == "coded" and aside(f))
        newly = sum(
            1 for k, f, b in zip(kinds, fl, before) if k != "coded" and aside(b) and not aside(f)
        )
        res[name] = (coded_proc, coded_aside, newly)
    return res


def pvariant(ac, texts, ctxs, before):
    cand = [
        i
        for i, f in enumerate(before)
        if f["procedural"] and len([p for p in texts[i].split("\n") if p.strip()]) >= 2
    ]
    paras, owner, pc = [], [], []
    for i in cand:
        for p in texts[i].split("\n"):
            if p.strip():
                paras.append(p.strip())
                owner.append(i)
                pc.append(ctxs[i])
    if not paras:
        return list(before), cand
    _, pf = outputs(ac, paras, pc)
    kept = {}
    for k, i in enumerate(owner):
        kept.setdefault(i, [])
        if not pf[k]["procedural"]:
            kept[i].append(paras[k])
    ids = [i for i in cand if kept[i]]
    if not ids:
        return list(before), cand
    _, rf = outputs(ac, ["\n".join(kept[i]) for i in ids], [ctxs[i] for i in ids])
    out = list(before)
    for i, f in zip(ids, rf):
        out[i] = f
    return out, cand


def run(ac, texts, ctxs, kinds):
    v, cand, by, rec = variants(ac, texts, ctxs)
    v["P paragraphs -> recode kept"], pc = pvariant(ac, texts, ctxs, v["before"])
    return tally(kinds, v), len(texts), sum(k == "coded" for k in kinds)


def joins(h):
    """Consecutive participant turns of one transcript joined as a backchannel bridge joins them."""
    turns = {}
    for t, tr, txt, q, c, n in zip(h.transcripts, h.turns, h.texts, h.questions, h.codes, h.notes):
        d = turns.setdefault(
            (t, tr),
            {
                "text": [],
                "q": q,
                "coded": bool(c),
                "kind": "coded" if c else n.split(":", 1)[0].strip(),
            },
        )
        d["text"].append(txt)
    keys = list(turns)
    texts, ctxs, kinds = [], [], []
    for a, b in zip(keys, keys[1:]):
        if a[0] != b[0] or b[1] != a[1] + 1:
            continue
        A, B = turns[a], turns[b]
        t = " ".join(A["text"]) + "\n" + " ".join(B["text"])
        if len(t.split()) > 150:
            continue
        texts.append(t)
        ctxs.append(A["q"])
        kinds.append("coded" if A["coded"] or B["coded"] else f"{A['kind']}+{B['kind']}")
    return texts, ctxs, kinds


if __name__ == "__main__":
    warnings.simplefilter("ignore")
    packaged = AutoCoder.load()
    book, emb, params = packaged.codebook, packaged.embedder, packaged.params
    report = {}
    from gold_to_codings import read_gold

    gold = read_gold()
    res = packaged.code(str(Path(__file__).resolve().parents[1] / "examples" / "interviews"))
    segs = [s for s in res.segments if s.segment.role == "participant"]
    texts = [s.segment.text for s in segs]
    ctxs = [s.segment.context or "" for s in segs]
    kinds = [
        "coded" if gold.get(s.segment.id) and gold[s.segment.id].codes else "none" for s in segs
    ]
    print("examples segments with paragraphs:", sum("\n" in t for t in texts))
    report["examples"] = run(packaged, texts, ctxs, kinds)
    print(report, flush=True)
    base, interviews = base_and_interviews(book)
    for f, held, ts in fold_training(base, interviews, 5):
        t0 = time.time()
        ac = AutoCoder(book, embedder=emb, params=params).fit(ts)
        for name in held:
            h = heldout_segments(book, "window", TRAINED_SETS[name])
            kinds = ["coded" if c else n.split(":", 1)[0].strip() for c, n in zip(h.codes, h.notes)]
            report["real:" + name] = run(ac, h.texts, h.questions, kinds)
            jt, jc, jk = joins(h)
            report["join:" + name] = run(ac, jt, jc, jk)
        print("fold", f, round(time.time() - t0), "s", flush=True)
    print(json.dumps(report, indent=1))
