"""The report says which embedding backend produced the codings, and that the model card's
metrics were measured with the backend the model was trained on (backend tester, session 53:
an onnx-int8 run's report.html named no backend and showed torch's dev metrics as its own)."""

from __future__ import annotations

from report_fixture import build_result
from roqa_nlp.report import render_report

ONNX = {
    "embedding_backend": "bk_onnx",
    "embedding_backend_kind": "onnx-int8",
    "embedding_backend_sha256": "84e38cc249160ed07eff6ee38bd6e7d3fdf98a58717d1e59f371a2e14f356969",
}
CARD = {
    "embedding_model": {"name": "all-MiniLM-L6-v2", "weights_sha256": "0" * 64},
    "metrics": {"cfir_dev.jsonl": {"construct_top1": 0.4167}},
}
NOTE = (
    '<p class="muted backend-note">These codings were embedded with the onnx-int8 backend '
    "(build 84e38cc24916). The card's metrics were measured with the torch backend, the one the "
    "model was trained on: on some segments the two backends suggest different codes "
    "(docs/performance.md).</p>"
)


def report_of(model: dict[str, object]) -> str:
    result = build_result()
    result.meta["model"] = {**result.meta["model"], **model}
    result.meta["model_card"] = CARD
    return render_report(result, "cfir-2009")


def test_the_overview_names_a_fast_backend_and_its_build() -> None:
    html = report_of(ONNX)
    assert (
        "embedding model <strong>all-MiniLM-L6-v2</strong>, embedded with the "
        "<strong>onnx-int8</strong> backend (build <code>84e38cc24916</code>)."
    ) in html


def test_the_model_card_says_its_metrics_are_the_trained_backends() -> None:
    assert NOTE in report_of(ONNX)


def test_a_backend_given_by_kind_before_its_kind_was_recorded_is_named() -> None:
    """run.json of earlier versions: embedding_backend only."""
    html = report_of({"embedding_backend": "onnx-int8"})
    assert "embedded with the <strong>onnx-int8</strong> backend." in html


def test_a_torch_run_says_nothing_of_backends() -> None:
    html = report_of({"embedding_backend": "torch", "embedding_backend_kind": "torch"})
    assert "embedded with" not in html and "backend-note" not in html
