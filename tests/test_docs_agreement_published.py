"""docs/agreement.md says which line of ``roqa agree`` gives Krippendorff's published alpha.

Krippendorff's (2011) two-coder binary example gives alpha 0.095; through the CLI, the main
table shows 0.220 (presence or absence pooled over the codes "0" and "1"), and 0.095 is on the
one-code-per-unit line only. "Checked against published values" did not say so (tester agree2,
session 79).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_agree import run

DOC = Path(__file__).resolve().parents[1] / "docs" / "agreement.md"

#: Krippendorff (2011), two coders A and B, ten units, binary values
A = "0100000010"
B = "1110010000"


def test_the_published_binary_alpha_is_on_the_line_the_docs_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(f"u{i},A,{a}\nu{i},B,{b}\n" for i, (a, b) in enumerate(zip(A, B, strict=True)))
    p = tmp_path / "kbin.csv"
    p.write_text("unit,coder,code\n" + rows, "utf-8")
    code, out, err = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 0, err
    text = " ".join(out.split())
    line = next(x for x in out.splitlines() if x.startswith("One code per unit"))
    assert "alpha 0.095 (nominal)" in line
    assert "│ Krippendorff's alpha │ 0.220 │" in text
    doc = " ".join(DOC.read_text("utf-8").split())
    assert "these are on the **One code per unit** line" in doc
    assert "alpha 0.095 (nominal)` for the binary example" in doc
    assert "(alpha 0.220 for the binary example), not the published one" in doc
