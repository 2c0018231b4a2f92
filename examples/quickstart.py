"""Code the example interviews with the packaged model and print what it found.

Run from the repository root: ``.venv/bin/python examples/quickstart.py``
"""

from __future__ import annotations

from pathlib import Path

from roqa_nlp import AutoCoder, Suggestion, barriers_enablers, framework_matrix
from roqa_nlp.framework import SURE_CODE, shown_beside

HERE = Path(__file__).parent


def coded_line(top: Suggestion) -> str:
    """A segment's top code, its probability and valence, said to be unsure below 0.40 (Table 2
    marks it †, and it may be talk no code fits); shown_beside prints 0.3996 as 0.3996, not as
    the 0.40 it is below."""
    unsure = "" if top.probability >= SURE_CODE else ", unsure"
    return f"{top.name} ({shown_beside(top.probability)}, {top.valence}{unsure})"


def main() -> None:
    ac = AutoCoder.load()
    result = ac.code(sorted((HERE / "interviews").iterdir()))
    print(f"{len(result.transcripts)} transcripts, {len(result)} participant segments")
    procedural = sum(1 for s in result if s.procedural)
    open_coding = sum(1 for s in result if s.for_open_coding)
    set_aside = sum(1 for s in result if s.novel and s.off_topic)
    print(
        f"{procedural} procedural, {open_coding} for open coding, "
        f"{set_aside} set aside as off-topic (small talk, background, personal talk)"
    )
    coded = [s for s in result if s.top is not None and not s.novel and not s.procedural]
    for s in coded[:5]:
        top = s.top
        assert top is not None
        print(f"{s.segment.id}  {coded_line(top)}")
        print(f"    {s.segment.text[:100]}")
    matrix = framework_matrix(result)
    print(f"framework matrix: {len(matrix.cases)} cases x {len(matrix.codes)} codes")
    table = barriers_enablers(result, ac.codebook)
    print(f"barriers/enablers table covers {len(table.domains)} CFIR domains")
    print(ac.suggest("We just don't have the staff to give people that one-to-one time.")[0][0])


if __name__ == "__main__":
    main()
