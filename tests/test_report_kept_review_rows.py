"""report.js's stateRows and sameRows, run by node (no page): a review the browser kept, written
as the rows of a decisions file from the kept state alone, so that a report coded again with
other suggestions (the same segments: the same report id) reads it as it reads a carried file,
and the toolbar telling rows saved in another order as saved (daily24, s89: the decisions on
codes no longer suggested were counted, shown nowhere and left out of the file saved)."""

from __future__ import annotations

import json

from report_fixture import node_prints, report_js_functions, report_js_vars

#: a segment's state as the browser keeps it: a decision on each kind of control, a recode shown
#: as the accept of the code it gave (from), a carried recode beside the reject of its suggestion
STATE = {
    "codes": {
        "IS.C": {"decision": "accept"},
        "IC.H": {"decision": "reject"},
        "OS.D": {"decision": "recode", "target": "IS.D.3"},
        "IS.E.3": {"decision": "accept", "from": "IS.D.6"},
        "CI.A": {"decision": "accept", "from": ""},
    },
    "newCode": "Staff wellbeing",
    "note": "check",
    "valence": "barrier",
    "extra": [["reject", "OS.A", ""], ["recode", "PR.B.3", "", "IC.F"], ["no-code", "", ""]],
    "more": ["another note"],
}


def _run(body: str) -> object:
    return node_prints(
        "var near = {};"
        + report_js_vars("VALENCES", "qdaMark")
        + report_js_functions("isMark", "normal", "codeRow", "noteRows", "stateRows", "sameRows")
        + body
    )


def test_a_kept_state_is_written_as_every_row_it_holds() -> None:
    rows = _run(f"console.log(JSON.stringify(stateRows('s:1', {json.dumps(STATE)}, 'Words.')));")
    n = ["s:1", "check", "Words."]
    assert rows == [
        [n[0], "accept", "IS.C", "", *n[1:]],
        [n[0], "reject", "IC.H", "", *n[1:]],
        [n[0], "recode", "IS.D.3", "", *n[1:], "", "OS.D"],
        [n[0], "recode", "IS.E.3", "", *n[1:], "", "IS.D.6"],
        [n[0], "recode", "CI.A", "", *n[1:]],
        [n[0], "new-code", "", "Staff wellbeing", *n[1:]],
        [n[0], "reject", "OS.A", "", *n[1:]],
        [n[0], "recode", "PR.B.3", "", *n[1:], "", "IC.F"],
        [n[0], "no-code", "", "", *n[1:]],
        [n[0], "valence", "", "", *n[1:], "barrier"],
        [n[0], "note", "", "", "another note", "Words."],
    ]


def test_a_note_alone_is_one_note_row() -> None:
    rows = _run("console.log(JSON.stringify(stateRows('s:2', {note: 'only this'}, 'W.')));")
    assert rows == [["s:2", "note", "", "", "only this", "W."]]


def test_rows_saved_in_another_order_are_the_same_rows() -> None:
    a = json.dumps([["s", "accept", "X"], ["s", "reject", "Y"]])
    b = json.dumps([["s", "reject", "Y"], ["s", "accept", "X"]])
    c = json.dumps([["s", "reject", "Y"]])
    script = (
        f"var a = {json.dumps(a)}, b = {json.dumps(b)}, c = {json.dumps(c)};"
        "console.log(JSON.stringify([sameRows(a, b), sameRows(a, a), sameRows(a, c),"
        " sameRows(a, undefined), sameRows(undefined, undefined)]));"
    )
    assert _run(script) == [True, True, False, False, True]


def test_an_accept_shown_on_a_free_suggestion_is_written_as_that_accept() -> None:
    """An accept of a code no longer suggested, shown on a free suggestion (entryFromRows marks
    it carried), is the row the researcher decided; her own recode of that suggestion is a
    recode of it (hunt49 D3, s90: both were written as the recode)."""
    script = (
        "var marked = {decision: 'recode', target: 'CI.A', carried: 'accept'};"
        "var own = {decision: 'recode', target: 'CI.A'};"
        "console.log(JSON.stringify([codeRow('s:3', 'IS.E.3', marked, '', 'W.'),"
        " codeRow('s:3', 'IS.E.3', own, '', 'W.')]));"
    )
    assert _run(script) == [
        ["s:3", "accept", "CI.A", "", "", "W."],
        ["s:3", "recode", "CI.A", "", "", "W.", "", "IS.E.3"],
    ]


def test_a_recode_shown_on_a_free_suggestion_is_written_as_the_recode_it_is() -> None:
    """A recode moved off the suggestion it replaced onto a free one (entryFromRows marks it
    carried, with that suggestion) is the recode of that suggestion (hunt49 D3 A05, s90: written
    as the recode of the free one)."""
    script = (
        "var moved = {decision: 'recode', target: 'IS.E.2', carried: 'recode', suggestion: 'OS.D'};"
        "console.log(JSON.stringify(codeRow('s:4', 'IC.F', moved, '', 'W.')));"
    )
    assert _run(script) == ["s:4", "recode", "IS.E.2", "", "", "W.", "", "OS.D"]
