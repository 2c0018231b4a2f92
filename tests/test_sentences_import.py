"""spaCy's import hides torch from every thread (so thinc does not load it for the rule-based
sentencizer); a thread importing torch meanwhile (the model loaded for the first encode while the
segmenting thread reads a transcript the segment cache did not hold) found it missing. The two
imports now take one lock (speed4, session 80)."""

from __future__ import annotations

import threading


def test_spacy_is_not_imported_while_another_thread_imports_torch() -> None:
    from roqa_nlp.transcripts.sentences import import_spacy, importing_torch

    done = threading.Event()

    def spacy_import() -> None:
        import_spacy()
        done.set()

    with importing_torch():
        worker = threading.Thread(target=spacy_import, daemon=True)
        worker.start()
        assert not done.wait(0.5)  # waits for the torch import to end
    assert done.wait(60)
    worker.join(60)
