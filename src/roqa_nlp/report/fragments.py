"""The report's repeated HTML fragments: transcript rows (interviewer questions, uncoded talk,
coded segments with their review controls) and quotes.

A seed-size study has thousands of segment rows, each with its suggestions and buttons, and
about two thousand quotes in the matrix and tables; rendered by jinja2 macros they took most of
the report's time (about 300,000 template calls), so they are built here as plain strings and
handed to the template as safe markup. The markup is exactly what ``templates/report.html.j2``
produced for them before, and the same rule holds: every value that comes from a transcript, a
code or a model is escaped, exactly as jinja2's autoescape (:func:`markupsafe.escape`) escapes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup

from ..evidence import quote_valences, tagged, valence_counts
from ..framework import NO_QUOTE, SURE_CODE, below_line, shown_beside, valence_doubt
from ..open_coding import SET_ASIDE, own_code_verdict
from . import CONFIDENCE_BANDS

#: A suggestion below this probability is shown smaller, in a dashed frame, beside its segment.
FAINT_SUGGESTION = 0.1
#: the lines a suggestion's percentage is shown beside: the shading bands', the faint one's
_SHOWN_LINES = (FAINT_SUGGESTION, *(floor for floor, _ in CONFIDENCE_BANDS if floor))

#: Beside each segment: a free-text new code, offering the names of the new codes the model and
#: the review already have (``#new-code-names``, filled by report.js), and a note.
EXTRA = (
    '<div class="extra"><input type="text" class="new-code" placeholder="new code name" '
    'list="new-code-names" aria-label="new code for this segment"><input type="text" class="note" placeholder="note" '
    'aria-label="note on this segment"></div>\n'
)
#: The review buttons and the recode box: a combobox whose text report.js reads as a code, its
#: list (``<ul id="recode-codes" role="listbox">``, one in the template) the codes that text
#: names; a screen reader names the code each control acts on, and reads the box's use
#: (#recode-hint) once in the page; accepting confirms the code, not the segment's valence, as the
#: button's tooltip and, once in the page, #accept-hint say (study6 tester, s76).
ACTIONS = (
    '<span class="act"><button type="button" class="accept" data-action="accept" '
    'aria-pressed="false" aria-label="accept {code} {name}" aria-describedby="accept-hint" '
    'title="accepts the code, not its valence">accept</button><button '
    'type="button" class="reject" data-action="reject" aria-pressed="false" '
    'aria-label="reject {code} {name}">reject</button><input type="text" class="recode" '
    'role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="recode-codes" '
    'placeholder="recode…" autocomplete="off" aria-label="recode {code} as" '
    'aria-describedby="recode-hint"></span>'
)

#: The valence buttons under a segment's suggestions: the researcher's valence where the model's
#: (the same for every code of the segment) is wrong; report.js saves it as a ``valence`` row.
VALENCE_BUTTONS = "".join(
    f'<button type="button" class="vfix-{v}" data-valence="{v}" aria-pressed="false">{v}</button>'
    for v in ("barrier", "enabler", "neutral")
)


#: A segment the page shows no suggestion for (its model codes have no counterpart in the
#: researcher's codebook, or the model gave none): the recode box of a suggestion, with no
#: suggestion to recode (``data-code=""``), so that it can be given a code of the codebook as the
#: others are; report.js saves it as a ``recode`` row with no ``suggestion``.
OWN_CODE = (
    '<li class="sugg own-code" data-code=""><span class="name muted">No suggestion.</span> '
    '<span class="act"><input type="text" class="recode" role="combobox" '
    'aria-autocomplete="list" aria-expanded="false" aria-controls="recode-codes" '
    'placeholder="code as…" autocomplete="off" aria-label="code this segment as" '
    'aria-describedby="recode-hint"></span></li>\n'
)


def valence_chip(valence: str, unsure: str = "", *, title: str = "") -> str:
    """A valence as a segment's row shows it: the word in its colour (``title``: its tooltip,
    already HTML). One the outputs mark unsure (``unsure``: what Table 2 says of it,
    ``valence unsure (0.51)``: :func:`~roqa_nlp.framework.valence_doubt_of`) reads ``enabler?``
    in a dashed frame (class ``v-unsure``), titled with why, and keeps the valence in
    ``data-valence``, which report.js reads (a reviewer read a coin-flip's plain "enabler" chip
    as the model's sure call, api tester s79)."""
    v = escape(valence)
    if not unsure:
        tip = f' title="{title}"' if title else ""
        return f'<span class="val v-{v}"{tip}>{v}</span>'
    tip = f"{title}: {escape(unsure)}" if title else escape(unsure)
    return f'<span class="val v-{v} v-unsure" data-valence="{v}" title="{tip}">{v}?</span>'


def valence_fix(model_valence: str | None, unsure: str = "") -> str:
    """The valence correction of a segment, beside the model's valence chip (none when the page
    shows no suggestion of the model's for it; ``unsure``: :func:`valence_chip`'s)."""
    chip = ""
    if model_valence is not None:
        chip = (
            valence_chip(model_valence, unsure, title="the model's valence")
            + ' <span class="vfix-to">is</span> '
        )
    return (
        f'<div class="vfix" role="group" aria-label="valence of this segment">'
        f'<span class="vfix-label">valence</span> {chip}'
        f'<span class="act">{VALENCE_BUTTONS}</span></div>\n'
    )


def escape(value: Any) -> str:
    """``value`` as HTML text: ``& < > " '`` escaped as :func:`markupsafe.escape` does, without
    building a ``Markup`` object per value (a report escapes about 100,000 values)."""
    return (
        str(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def _row_head(
    s: Mapping[str, Any],
    speaker: str,
    css: str,
    band: str,
    attrs: str,
    review: str,
    *,
    procedural: bool = False,
) -> str:
    """The start of a segment's row: the speaker, the text highlighted in ``css`` at
    confidence ``band``, and the opening of its ``review`` block beside it (``attrs``: more
    attributes of the row, already escaped; ``procedural`` marks the row as such)."""
    classes = "row segment"
    if s["role"] == "interviewer":
        classes += " question"
    if procedural:
        classes += " procedural"
    sid = escape(s["id"])
    return (
        f'<div class="{classes}" id="{escape(s["anchor"])}"{attrs}><span class="spk">'
        f'{escape(speaker)}</span><p><mark class="seg {escape(css)} c-{escape(band)}" '
        f'title="{sid} [{s["start"]}–{s["end"]}]">{escape(s["text"])}</mark></p>\n'
        f'<div class="{review}" data-segment="{sid}">\n'
    )


class SegmentRows:
    """Builds segment rows; the markup of each code's chip, name and controls, the same for
    every suggestion of that code, is escaped once.

    ``read_only``: the rows of a person's codings (``roqa apply-decisions``, ``roqa import``):
    each segment with the codes given it (chip, name, valence) and nothing to review, no model
    figure (probability, novelty, resembled training examples).

    ``unit``: what Table 2 calls its rows (:func:`~roqa_nlp.framework.row_unit` of the codebook
    charted), which names what talk flagged as fitting no code fits none of when its top
    suggestion is the researcher's own code (a CFIR construct).

    ``notes``: segment id -> the reviewer's notes on it that a person's codings keep
    (:func:`~roqa_nlp.decisions.segment_notes`), shown under its codes."""

    def __init__(
        self,
        *,
        read_only: bool = False,
        unit: str = "code",
        notes: Mapping[str, list[str]] | None = None,
    ) -> None:
        self._code_html: dict[tuple[str, str, str], tuple[str, str]] = {}
        self.read_only = read_only
        self.unit = unit
        self.notes = notes or {}

    def _code(self, g: Mapping[str, Any]) -> tuple[str, str]:
        key = (g["code_id"], g["css"], g["name"])
        if key not in self._code_html:
            code = escape(g["code_id"])
            self._code_html[key] = (
                f'<li class="sugg" data-code="{code}"><span class="chip {escape(g["css"])}">'
                f'{code}</span> <span class="name">{escape(g["name"])}</span> ',
                ACTIONS.format(code=code, name=escape(g["name"])),
            )
        return self._code_html[key]

    def suggestion(self, g: Mapping[str, Any]) -> str:
        """One suggestion: code chip, name, probability bar, valence, review controls, and the
        training examples it resembles (folded)."""
        head, actions = self._code(g)
        p = g["probability"]
        evidence = ""
        if g["evidence"]:
            # folded: shown always, they made the review long (a sixth of the demo's report);
            # the summary is a native control, reached with Tab and opened with Enter. Each
            # quote's own valence is shown: they are the code's nearest, of any valence.
            quotes = g["evidence"]
            sides = quote_valences(quotes, g.get("evidence_valence"))
            n = len(quotes)
            counts = valence_counts(sides)
            joined = " · ".join(tagged(f"“{escape(e)}”", v) for e, v in zip(quotes, sides))
            evidence = (
                f'<details class="evidence muted"><summary>resembles {n} training '
                f"example{'s' if n != 1 else ''}{': ' + counts if counts else ''}</summary>"
                f"{joined}</details>"
            )
        if p < FAINT_SUGGESTION:
            head = head.replace('<li class="sugg"', '<li class="sugg faint"', 1)
        return (
            f'{head}<span class="prob"><span class="bar" style="--p:{p:.2f}"></span>'
            f"{shown_beside(p, _SHOWN_LINES, 0, percent=True)}%</span> "
            f"{valence_chip(g['valence'], g.get('valence_unsure', ''))} "
            f"{actions}{evidence}</li>\n"
        )

    def given_code(self, g: Mapping[str, Any]) -> str:
        """A code a person gave: its chip, name and valence."""
        head, _ = self._code(g)
        if g.get("valence_given") is False:
            return f'{head}<span class="val v-none">no valence given</span></li>\n'
        return f"{head}{valence_chip(g['valence'], g.get('valence_unsure', ''))}</li>\n"

    def coded_segment(self, s: Mapping[str, Any], speaker: str) -> str:
        """A segment of a person's codings: the text highlighted in its (first) code's domain
        colour and, beside it, the codes given it, or "No code." (a reviewer who rejected every
        suggestion coded it with none), and the notes written on it."""
        codes = s["suggestions"]
        css = codes[0]["css"] if codes else "dx"
        attrs = "" if codes else " data-uncoded"
        parts = [
            _row_head(s, speaker, css, "high" if codes else "none", attrs, "review given"),
            '<ul class="suggestions">\n',
        ]
        if codes:
            parts.extend(self.given_code(g) for g in codes)
        else:
            parts.append('<li class="muted">No code.</li>\n')
        parts.append("</ul>\n")
        parts.extend(
            f'<p class="given-note">note: {escape(n)}</p>\n' for n in self.notes.get(s["id"], ())
        )
        parts.append("</div></div>\n")
        return "".join(parts)

    def _own_code(self, s: Mapping[str, Any]) -> tuple[str, str] | None:
        """:func:`~roqa_nlp.open_coding.own_code_verdict` of the segment view ``s``'s top
        suggestion (set aside or for open coding as ``s`` is), or None (no suggestion, or one of the framework's codes on top)."""
        if not s["suggestions"]:
            return None
        top = s["suggestions"][0]
        return own_code_verdict(
            top["code_id"],
            top["name"],
            top["probability"],
            self.unit,
            off_topic=bool(s.get("off_topic")),
        )

    def segment(self, s: Mapping[str, Any], speaker: str) -> str:
        """A coded segment's row: the highlighted text and, beside it, its review block."""
        if self.read_only:
            return self.coded_segment(s, speaker)
        # what the review filter reads: the top suggestion's confidence band, and whether the
        # segment is set aside (procedural talk, small talk or background)
        attrs = f' data-band="{escape(s["band"])}"'
        if s["procedural"] or s.get("off_topic"):
            attrs += " data-aside"
        parts = [
            _row_head(s, speaker, s["css"], s["band"], attrs, "review", procedural=s["procedural"])
        ]
        if s["novel"]:
            p = s["novelty_p"]
            flag = "" if p is None else f" (p={p:.3f})"
            if s.get("no_code_in"):  # its model codes have no counterpart in the codebook
                no_code = escape(s["no_code_in"])
                parts.append(f'<div class="flag">Has no code in {no_code}: open coding</div>')
            elif own := self._own_code(s):  # its top suggestion is the researcher's own code
                said = f"{own[0][0].upper()}{own[0][1:]}{flag}; {own[1]}"
                muted = " muted" if s.get("off_topic") else ""  # still set aside
                parts.append(f'<div class="flag{muted}">{escape(said)}</div>')
            elif s.get("off_topic"):
                parts.append(f'<div class="flag muted">Fits no code{flag}: {SET_ASIDE}</div>')
            else:
                parts.append(f'<div class="flag">Fits no code{flag}: open coding</div>')
        if s["procedural"]:
            parts.append('<div class="flag muted">Procedural talk</div>')
        # Talk that fits no code, or is procedural, keeps its suggestions out of the way: folded,
        # one click to open, so a researcher who disagrees can still accept or recode one.
        set_aside = bool(s["suggestions"]) and (s["novel"] or s["procedural"])
        if set_aside:
            parts.append(
                '<details class="set-aside"><summary class="muted">'
                f"show the model's suggestions ({len(s['suggestions'])})</summary>\n"
            )
        parts.append('<ul class="suggestions">\n')
        # a participant's segment with no suggestion can still be given a code of the codebook
        own_code = not s["suggestions"] and s["role"] != "interviewer"
        if s["suggestions"]:
            parts.extend(self.suggestion(g) for g in s["suggestions"])
        elif own_code:
            parts.append(OWN_CODE)
        else:
            parts.append('<li class="muted">No suggestion.</li>\n')
        parts.append("</ul>\n")
        if s.get("other_side"):  # a sure valence whose code maps only onto the other side's
            parts.append(f'<div class="flag muted other-side">{escape(s["other_side"])}</div>\n')
        # on talk that fits no code the valence stands beside the new-code box, unfolded: the
        # valence of a new code named there is the reviewer's to give, not the model's guess
        beside_new_code = bool(s["novel"]) and not s["procedural"]
        top = s["suggestions"][0] if s["suggestions"] else None
        if top is not None and not beside_new_code:
            parts.append(valence_fix(top["valence"], top.get("valence_unsure", "")))
        if set_aside:
            parts.append("</details>\n")
        if top is not None and beside_new_code:
            parts.append(valence_fix(top["valence"], top.get("valence_unsure", "")))
        if own_code:  # the valence of the code given, the reviewer's: the model showed none
            parts.append(valence_fix(None))
        parts.append(EXTRA)
        parts.append("</div></div>\n")
        return "".join(parts)

    def row(self, row: Mapping[str, Any]) -> str:
        """One row of a transcript: a question, uncoded talk, a collective reply between the
        turns (``between``, with no speaker), or a segment."""
        kind = row["kind"]
        if kind in ("question", "talk", "between"):
            return (
                f'      <div class="row {kind}"><span class="spk">{escape(row["speaker"])}'
                f"</span><p>{escape(row['text'])}</p></div>\n"
            )
        return self.segment(row["seg"], row["speaker"])

    def block(self, rows: Iterable[Mapping[str, Any]]) -> Markup:
        """A transcript's rows in their ``<div class="rows">`` block, safe to place in the page."""
        return Markup('<div class="rows">\n' + "".join(self.row(r) for r in rows) + "    </div>")


#: Table 2's quotes are cut to this many words, with "… more" linking to the segment.
SHORT_QUOTE_WORDS = 40


def quote_text(q: Mapping[str, Any], words: int | None) -> str:
    """A quote's text as HTML; past ``words`` words (when the quote's segment is in the report
    to link to) the rest is hidden on screen behind "… more", a link to the segment titled with
    the full text, and printed. The link is named by whose quote it opens and where ("more of
    the quote by P04, at p04_interview:5-468 in the transcript"): a screen reader's list of
    links told dozens of "… more" apart by nothing."""
    text = str(q["text"])
    cut = text.split()
    if words is None or not q["anchor"] or len(cut) <= words + 5:
        return f'<span class="qtext">{escape(text)}</span>'
    name = f"more of the quote by {q['participant']}, at {q['citation']} in the transcript"
    return (
        f'<span class="qtext">{escape(" ".join(cut[:words]))}<span class="qrest"> '
        f'{escape(" ".join(cut[words:]))}</span></span> <a class="more no-print" '
        f'href="#{escape(q["anchor"])}" title="{escape(" ".join(cut))}" '
        f'aria-label="{escape(name)}">… more</a>'
    )


def short_quote_html(q: Mapping[str, Any]) -> Markup:
    """A quote of Table 2: :func:`quote_html` cut to :data:`SHORT_QUOTE_WORDS` words."""
    return quote_html(q, words=SHORT_QUOTE_WORDS)


def given_quote_html(q: Mapping[str, Any]) -> Markup:
    """A quote of a person's codings: :func:`quote_html` without the code's probability."""
    return quote_html(q, given=True)


def given_short_quote_html(q: Mapping[str, Any]) -> Markup:
    """A quote of Table 2 from a person's codings (:func:`given_quote_html`, cut)."""
    return quote_html(q, words=SHORT_QUOTE_WORDS, given=True)


def quote_html(q: Mapping[str, Any], *, words: int | None = None, given: bool = False) -> Markup:
    """A quote: its text (cut to ``words`` words, see :func:`quote_text`), who said it where (a
    link to the segment when it is in the report), the probability of the code it
    illustrates and, for a rating's quote, its side (``side``); ``given``: a code a person gave, which has no probability to show (a valence
    the model proposed and they kept is still said to be unsure)."""
    who = f"{escape(q['participant'])} · {escape(q['citation'])}"
    if q["anchor"]:
        who = f'<a href="#{escape(q["anchor"])}">{who}</a>'
    # a code or a valence the model is unsure of is said so: the researcher's call
    p = q["probability"]
    # judged on the model's own probability, not the share a mapping gave the code
    sure = q.get("sure_probability", p)
    unsure = (
        f' · <span class="unsure code-unsure">code unsure ({below_line(sure, SURE_CODE)})</span>'
        if sure < SURE_CODE and not given
        else ""
    )
    # a person's new code with the model's valence is its guess, not theirs: said so
    if doubt := valence_doubt(q.get("valence_probability"), guessed=bool(q.get("valence_guessed"))):
        unsure += f' · <span class="unsure">{escape(doubt)}</span>'
    prob = "" if given else f" · p={shown_beside(p)}"  # never 0.40 beside "code unsure"
    if q.get("side"):  # a rating's quote: barrier, enabler or neutral
        prob += f" · {escape(q['side'])}"
    # a reply that only agrees is counted, but no evidence: said so, not quoted as such
    lead = f'<span class="no-quote">{NO_QUOTE}:</span> ' if q.get("only_agrees") else ""
    return Markup(
        f'<blockquote class="quote">{lead}{quote_text(q, words)}\n'
        f"  <cite>{who}{prob}{unsure}</cite></blockquote>\n"
    )
