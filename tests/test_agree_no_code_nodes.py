"""Specification: a QDA node named as a long table's "coded with nothing" (``NONE``,
``no code``, ``Off-framework``: :data:`roqa_nlp.training.NONE_LABELS`) is no code in
``roqa agree``.

Teams mark "read, nothing applies" with such a node. It was compared as a code: each such
passage a disagreement with a coder who left it uncoded, silently (tester agree2, session 79:
kappa 0.840 for the 1.000 of the same codings without the node; 0.891 for 0.903 on a study).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agree_helpers import ANA, agree, answer, two_users_qdpx

WEEKEND = answer("Lovely, we went to the seaside with the kids.")


@pytest.mark.parametrize("node", ["NONE", "Off-framework", "no code"])
def test_a_none_node_agrees_with_no_coding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], node: str
) -> None:
    path = two_users_qdpx(tmp_path / "p.qdpx", {"Ana": ANA, "Ben": [*ANA, (*WEEKEND, node)]})
    code, data, out, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    same = two_users_qdpx(tmp_path / "same.qdpx", {"Ana": ANA, "Ben": ANA})
    _, alike, _, _ = agree(tmp_path, capsys, str(same))
    assert data is not None and alike is not None
    # the codes of the project without the node, all agreed on; the weekend answer is a unit
    # both coded with nothing (hunt s79 H1: it was left out, as if Ben never read it), and as
    # Ben's selections are not Ana's, the units are character spans: 3 answers, the weekend
    # one, and the 4 stretches between them
    assert alike["n_units"] == {"total": 3, "all": 3, "coded": 3}
    assert data["n_units"] == {"total": 8, "all": 8, "coded": 3}
    assert data["pooled"]["all"]["kappa"] == 1.0
    assert data["pooled"]["all"]["percent_agreement"] == 1.0
    assert data["codes"] == alike["codes"]
    assert [c["all"]["kappa"] for c in data["per_code"]] == [1.0, 1.0, 1.0]
    assert len(data["codes"]) == 3
    assert (
        f"Note: 1 coding of a code named as 'coded with nothing' (Ben: '{node}' 1) is read as "
        "no code, as NONE in a long table is: such a passage agrees with a coder who coded "
        "nothing there (docs/agreement.md, Empty and missing)"
    ) in out
    assert "coded with nothing" not in " ".join(agree(tmp_path, capsys, str(same))[2].split())


def test_a_none_node_beside_a_code_leaves_the_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = ANA[0]
    ben = [*ANA, (first[0], first[1], "NONE"), (*WEEKEND, "NONE")]
    path = two_users_qdpx(tmp_path / "p.qdpx", {"Ana": ANA, "Ben": ben})
    code, data, out, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    assert data is not None
    assert data["n_units"] == {"total": 8, "all": 8, "coded": 3}
    assert data["pooled"]["all"]["kappa"] == 1.0
    assert "Note: 2 codings of a code named as 'coded with nothing' (Ben: 'NONE' 2) are read" in out
    # said, as a long table's NONE beside a code in one cell is (hunt s79 L5: silent)
    said = (
        "Ben coded 1 passage with a code named as 'coded with nothing' (NONE) beside a code: "
        "only the code is compared there, as if the NONE were not given (as a long table's "
        "'NONE; Cost' is read); to say nothing applies, give NONE alone"
    )
    assert f"{path}: {said}" in " ".join(err.split())
    assert f"{path}: {said}" in data["notes"]
