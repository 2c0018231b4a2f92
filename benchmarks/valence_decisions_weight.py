"""Do a researcher's valence corrections stick if the valence head weighs them more? (session 38)

A blind tester retrained the packaged model with ``roqa train training_data --feedback
coded_all/decisions.csv`` (74 decisions on three interviews, 14 of them ``valence`` rows, all
correcting the model) and re-coded: 8 of the 14 corrected segments took the researcher's valence.
This script reproduces that model's valence exactly from its folder (``model_fb``), then refits
the valence head alone (and the per-code valence prior) with the corrected examples weighted
more, and scores: the corrected segments re-coded (stick), and the held-out interviews P25-P27
against the tester's gold (``src/score.py`` of their folder, scored by snippet).

The tester's folder is not part of the project (their data and gold): give it as ROQA_TESTER_DIR
(default /tmp/s38_natural3). Variants: ``base`` (as trained), ``w:N`` (corrected rows weigh N
in the valence head), ``wp:N`` (and N times in the prior), ``p:N`` (the prior alone), ``nonew``
(new-code examples without a valence row left out of the valence head). Results:
``benchmarks/results/classifier_comparison.md``, "Session 38: valence decisions in feedback".

    OPENBLAS_NUM_THREADS=1 flock /tmp/roqa-heavy.lock .venv/bin/python \
        benchmarks/valence_decisions_weight.py base w:3 w:10 w:30 w:100 p:30 nonew
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.classifier import VALENCE_TOL, _fit_labels, class_weights
from roqa_nlp.decisions import feedback_plan, read_decisions
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import VALENCES
from roqa_nlp.training import load_training_set
from roqa_nlp.valence_prior import ValencePrior

N3 = os.environ.get("ROQA_TESTER_DIR", "/tmp/s38_natural3")
t0 = time.time()
ac = AutoCoder.load(f"{N3}/model_fb")
book = ac.codebook
decs, _ = read_decisions(f"{N3}/coded_all/decisions.csv")
res = CodingResult.read(f"{N3}/coded_all/codings.jsonl")
plan = feedback_plan([(decs, res, "d")], book, valence_only=True)
ts = load_training_set("/work/main/training_data", book)
fb = plan.training_set("x")
W = 3
comb = ts
for _ in range(W):
    comb = comb.extend(fb)
vrows = comb.valence_rows()
X_all = ac._inputs(comb.texts)
print("embedded", time.time() - t0, len(comb), len(vrows), flush=True)
nb = len(ts)
isfb = np.array([i >= nb for i in range(len(comb))])
# researcher-valence feedback rows (coded with researcher valence, or valence-only)
corr_texts = {" ".join(d.text.split()): d.valence for d in decs if d.decision == "valence"}
is_corr = np.array(
    [i >= nb and " ".join(comb.texts[i].split()) in corr_texts for i in range(len(comb))]
)
newcode_unrev = np.array(
    [
        i >= nb
        and any(c.startswith("project.") for c in comb.codes[i])
        and " ".join(comb.texts[i].split()) not in corr_texts
        for i in range(len(comb))
    ]
)
print("corr rows", is_corr.sum(), "newcode unreviewed rows", newcode_unrev.sum())

pred = ac._predictor


def fit_head(vals, sw):
    rows = [i for i in vrows if vals[i] in VALENCES]
    vy = np.array([VALENCES.index(vals[i]) for i in rows])
    lr = LogisticRegression(
        C=ac.params["valence_C"], class_weight="balanced", max_iter=5000, tol=VALENCE_TOL
    )
    with threadpool_limits(limits=1, user_api="blas"):
        _fit_labels(lr, X_all[rows], vy, sample_weight=sw[rows])
    c, b = class_weights(lr)
    return c.astype(np.float32), b.astype(np.float32)


rev = [
    json.loads(x) for x in Path(f"{N3}/coded_fb_reviewed/codings.jsonl").read_text().splitlines()
]
held = [json.loads(x) for x in Path(f"{N3}/coded_fb/codings.jsonl").read_text().splitlines()]


def run(rows):
    keep = [r for r in rows if r["role"] == "participant" or True]
    texts = [r["text"] for r in keep]
    ctx = [r.get("context", "") for r in keep]
    X = ac._inputs(texts, ctx if ac.params.get("use_context") else None, whole=False)
    sugg = ac._suggest_rows(X, texts=texts, contexts=ctx)[0]
    out = []
    for r, s in zip(keep, sugg):
        r = dict(r)
        r["suggestions"] = [
            {
                "name": g.name,
                "domain": g.domain,
                "valence": g.valence,
                "probability": g.probability,
                "code_id": g.code_id,
            }
            for g in s
        ]
        out.append(r)
    return out


def stick(rows):
    by = {" ".join(r["text"].split()): r for r in rows}
    ok = 0
    det = []
    for t, v in corr_texts.items():
        r = by.get(t)
        mv = r["suggestions"][0]["valence"] if r else None
        ok += mv == v
        det.append((r["segment_id"] if r else None, v, mv))
    return ok, det


def heldscore(rows):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    o = subprocess.run(
        [sys.executable, f"{N3}/src/score.py", f.name, "P25,P26,P27", "Pandemic disruption"],
        capture_output=True,
        text=True,
    ).stdout
    return o.strip().splitlines()[-1], o


variants = sys.argv[1:] or ["base"]
orig = (pred.valence_coef_.copy(), pred.valence_intercept_.copy(), ac._valence_prior)
for var in variants:
    vals = list(comb.valences)
    sw = np.ones(len(comb))
    prior = orig[2]
    name, _, arg = var.partition(":")
    if "nonew" in name:
        for i in np.flatnonzero(newcode_unrev):
            vals[i] = ""
    if "w" in name and arg:
        sw[is_corr] = float(arg)
    if name == "orig":
        pred.valence_coef_, pred.valence_intercept_ = orig[0], orig[1]
    else:
        pred.valence_coef_, pred.valence_intercept_ = fit_head(vals, sw)
        if "p" in name:
            # prior counts: corrected rows counted sw times
            reps = [max(1, int(round(float(arg)))) if is_corr[i] else 1 for i in range(len(comb))]
            codes = [c for i, c in enumerate(comb.codes) for _ in range(reps[i])]
            vv = [vals[i] for i in range(len(comb)) for _ in range(reps[i])]
            prior = ValencePrior.fit(codes, vv)
        else:
            prior = ValencePrior.fit(comb.codes, vals)
    ac._valence_prior = prior
    s_ok, det = stick(run(rev))
    hr = run(held)
    h, full = heldscore(hr)
    print(
        "pandemic",
        [
            (r["segment_id"], r["suggestions"][0]["name"][:12], r["suggestions"][0]["valence"])
            for r in hr
            if r["suggestions"] and r["suggestions"][0]["name"] == "Pandemic disruption"
        ],
        [
            (
                r["segment_id"],
                r["suggestions"][0]["valence"],
                round(r["suggestions"][0]["probability"], 2),
            )
            for r in hr
            if "devastating" in r["text"]
        ],
    )
    print(f"== {var}: stick {s_ok}/14 | {h}", flush=True)
    if "-v" in sys.argv[0:1] or var == variants[0]:
        print(det)
    Path(
        f"{os.environ.get('TMPDIR', '/tmp')}/valence_decisions_{var.replace(':', '_')}.txt"
    ).write_text(full + "\n" + repr(det))
print("done", time.time() - t0)
