"""The offline HTML report: one self-contained file a researcher opens in any browser.

:func:`write_report` renders ``templates/report.html.j2`` with jinja2 (autoescaping on: transcripts
are untrusted text) and inlines ``static/report.css`` and ``static/report.js`` into the page.
Figures are inline SVG written by :mod:`roqa_nlp.report.plots`. The page loads nothing:
no CDN, no web fonts, and a Content-Security-Policy that forbids every network request, so
confidential transcripts never leave the machine.

Sections: overview, transcripts (one picked or all, each with its review progress; segments
highlighted by code and confidence, interviewer questions greyed, review controls beside each
suggestion), framework matrix (heat map), barriers and
enablers (Table 2), suggested CFIR ratings, saturation, confidence/reliability, open-coding queue
and the model card. The review controls save a ``decisions.csv``
(``segment_id,decision,code_id,new_code,note,text``) through a Blob download: the file
``roqa train --feedback`` reads. Decisions given to :func:`write_report` (a decisions file or a
list of :class:`~roqa_nlp.decisions.Decision`) are matched to the segments by their text
(:func:`~roqa_nlp.decisions.match_decisions`) and embedded as the review the page starts from,
so a review survives coding the transcripts again.

A person's codings (``roqa apply-decisions``, ``roqa import``: a result whose meta records a
person, :func:`~roqa_nlp.exchange.qdpx_export.coder_of`) are shown read-only: each segment with
the codes given it and the notes their run.json keeps on it, no review control, no decision
embedded or kept, and no model figure in the overview, the transcripts or the quotes.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RoqaError
from ..framework import (
    NOT_REVIEWED,
    SURE_CODE,
    SURE_VALENCE,
    as_result,
    below_line,
    review_left_out,
    shown_beside,
    valence_doubt_of,
)
from ..io import atomic_write_text, given_path
from ..open_coding import OFF_TOPIC, SET_ASIDE
from ..result import CODINGS_KEY, MODEL_CARD_KEY

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..codebook import Codebook
    from ..decisions import Decision
    from ..framework import Quote, Saturation, StudyOrder
    from ..result import CodingResult
    from ..schema import SegmentResult, Suggestion, Transcript

HERE = Path(__file__).resolve().parent
#: Suggestions shown (and reviewable) per segment.
SHOWN_SUGGESTIONS = 3
#: Domain colours cycle through this many CSS classes (``d0`` ... ``d5``); ``dx`` = no domain.
N_COLOURS = 6
#: Segment shading bands by top-1 probability: below ``SURE_CODE`` a suggestion is unsure.
CONFIDENCE_BANDS = ((0.7, "high"), (SURE_CODE, "mid"), (0.0, "low"))
#: A suggested rating resting on at most this many segments is framed in a dashed line (as one
#: below SURE_CODE), its text not bold.
THIN_RATING = 1


#: quotes per cell of the framework matrix (the report and `roqa report --matrix`)
MATRIX_QUOTES = 2
#: quotes per side of a construct in the barriers/enablers table (report and `--table`)
TABLE2_QUOTES = 3


@dataclass
class ReportOptions:
    """What the derived sections are computed with (the framework functions' parameters)."""

    top_k: int | None = None  # a model's top one, every code of a person's codings
    min_probability: float = 0.0
    initial_sample: int = 10
    stopping_criterion: int = 3
    new_info_threshold: float = 0.05
    base_size: int = 4
    run_length: int = 2
    #: transcript ids in the order the interviews were done (saturation); None: the
    #: participants' order when numbered alike, else the order coded (framework.study_order)
    order: tuple[str, ...] | None = None
    #: ``--order`` as the researcher typed it (a file's name, or the ids), carried into the
    #: commands the report suggests (:meth:`rule_options`); None: the ids of ``order``
    order_typed: str | None = None
    #: the codings' folder as the researcher typed it (``coded``), carried into the commands
    #: the report suggests to chart and learn from the review; None: "OUT" stands for it
    codings_folder: str | None = None

    def review_commands(self) -> tuple[str, str]:
        """The commands the report suggests to chart the review and to train with it: with the
        codings' folder known, its name and the decisions file saved in it (``roqa
        apply-decisions coded --coder NAME --out reviewed/``, ``roqa train training_data
        --feedback coded/decisions.csv --out models/study``); else "OUT", in a CFIR 2.0 report
        also the Outer Setting's id (blind tester s89 daily25, D5)."""
        from ..io import shell_quoted

        if self.codings_folder is None:
            return "roqa apply-decisions OUT --coder NAME --out reviewed/", "roqa train --feedback"
        folder = shell_quoted(self.codings_folder)
        saved = shell_quoted(str(Path(self.codings_folder) / "decisions.csv"))
        return (
            f"roqa apply-decisions {folder} --coder NAME --out reviewed/",
            f"roqa train training_data --feedback {saved} --out models/study",
        )

    def rule_options(self) -> str:
        """The ``roqa report`` options that give these options' interview order and saturation
        rules, as a command suggested to judge a review takes them (quoted for the shell, each
        as typed; those at their defaults left out): `` --order order.txt --initial-sample 8``,
        or empty. Without them the review's verdict is judged in another order under another
        rule (blind tester s63, sat, finding 1)."""
        from ..io import shell_quoted

        default = ReportOptions()
        said: list[str] = []
        if self.order is not None:
            typed = self.order_typed if self.order_typed is not None else ",".join(self.order)
            said.append(f"--order {shell_quoted(typed)}")
        for option, value, was in (
            ("--initial-sample", self.initial_sample, default.initial_sample),
            ("--stopping-criterion", self.stopping_criterion, default.stopping_criterion),
            ("--base-size", self.base_size, default.base_size),
            ("--run-length", self.run_length, default.run_length),
            ("--new-information", self.new_info_threshold, default.new_info_threshold),
        ):
            if value != was:
                said.append(f"{option} {value}")
        return "".join(f" {x}" for x in said)

    def saturation(
        self,
        result: CodingResult,
        coded: Sequence[Quote] | None = None,
        codebook: Codebook | None = None,
        decided: Mapping[str, Collection[str]] | None = None,
        decided_names: Mapping[str, str] | None = None,
        in_order: StudyOrder | None = None,
    ) -> Saturation:
        """The saturation of ``result`` computed with these options (``coded``: the segments
        already charted with them, to chart them once; ``codebook``: the one they are charted
        in, default the one the result recorded; ``decided``: the segments a review carried in
        decided, and ``decided_names`` the names of its new codes; ``in_order``: the study's
        order of its interviews, worked out once for the report, as
        :func:`~roqa_nlp.framework.saturation` takes them)."""
        from ..framework import saturation

        return saturation(
            result,
            self.order,
            initial_sample=self.initial_sample,
            stopping_criterion=self.stopping_criterion,
            new_info_threshold=self.new_info_threshold,
            base_size=self.base_size,
            run_length=self.run_length,
            top_k=self.top_k,
            min_probability=self.min_probability,
            coded=coded,
            codebook=codebook,
            decided=decided,
            decided_names=decided_names,
            in_order=in_order,
        )


def default_title(sources: Iterable[str]) -> str:
    """The page's title when none is given: "roqa report", with the folder its transcripts were
    read from when they share one (``interviews/p01.vtt``, ``interviews/p02.docx``: "roqa report
    – interviews"), so that a browser's tabs and history tell studies apart."""
    from pathlib import PurePath

    def folder(source: str) -> str:
        path = source.replace("\\", "/")
        # a source read from a QDA project (``alone/study.qdpx:sources/<guid>.txt``) was read
        # from the project, not from the archive's folder inside it: the project's name
        project = re.search(r"(?i)\.qdpx:", path)
        if project is not None:
            return PurePath(path[: project.start() + len(".qdpx")]).stem
        return PurePath(path).parent.name

    folders = {folder(s) for s in sources if s}
    return (
        f"roqa report – {folders.pop()}"
        if len(folders) == 1 and "" not in folders
        else "roqa report"
    )


def _warn_of_speakers_cited_by_name(result: CodingResult) -> None:
    """One warning line per transcript whose speakers Table 2 and the matrix cite by the names
    they are labelled with (:func:`~roqa_nlp.framework.speakers_cited_by_name`; tester s46 ids
    5: a joint Zoom interview's "(Tom Okafor)" reached the paper's table, silently)."""
    from ..errors import in_python_too, warn
    from ..framework import speakers_cited_by_name

    for t, labels in speakers_cited_by_name(result).items():
        known = result.transcripts.get(t)
        where = (known.source if known is not None else "") or t
        warn(
            "Table 2 and the framework matrix cite its speakers by the names they are labelled "
            f"with ({', '.join(map(repr, labels))}): pseudonymise first ("
            + in_python_too(
                "roqa pseudonymise FILES --key KEY.csv --out DIR, then code the copies; or roqa "
                "code --pseudonymise KEY.csv",
                "ac.code(FILES, pseudonyms=PseudonymKey.read('KEY.csv'))",
            )
            + ")",
            path=where,
        )


def write_report(
    result: CodingResult,
    path: str | Path | Codebook,
    codebook: Codebook | str | Path | None = None,
    *,
    model_card: Mapping[str, Any] | None = None,
    open_coding: Sequence[Any] | None = None,
    options: ReportOptions | None = None,
    title: str | None = None,
    decisions: str | Path | Sequence[Decision] | None = None,
    decisions_from: str | Path | None = None,
    cache_dir: str | Path | None = None,
) -> Path:
    """Render the report for ``result`` and write it atomically to ``path`` (an ``.html`` file).

    ``codebook`` is a :class:`~roqa_nlp.codebook.Codebook`, a built-in id (``"cfir-2009"``) or
    a codebook JSON file (default: the one the result recorded). ``write_report(result,
    codebook, path)``, the order of earlier versions, works too. ``model_card`` (default
    the card run.json keeps, ``result.meta["model_card"]``, else ``result.meta["model"]``) is shown
    in the model card section; ``open_coding`` is a list of candidate codes (dicts or objects with
    ``id``, ``label`` and/or ``keywords`` and ``segment_ids``) that groups the open-coding queue;
    ``options`` sets what is charted (:class:`ReportOptions`: top_k, min_probability, the saturation
    rule and interview order); ``title`` heads the page (default: :func:`default_title`).
    ``decisions`` (a decisions.csv/.jsonl file or a list of
    :class:`~roqa_nlp.decisions.Decision`) is the review the page starts from: each decision is
    shown on the segment with its text (see :func:`~roqa_nlp.decisions.match_decisions`;
    those on no segment are left out); a review kept in the browser for the same report, or for an
    earlier report written at the same path (matched the same way), wins. ``decisions_from``: the
    file a list of ``decisions`` was read from, named in the warning that says how rows on another
    codebook's codes were read (:func:`embedded_decisions`). ``cache_dir``: a cache folder
    (``roqa code``'s) that keeps the page's template compiled for the next report
    (:mod:`~roqa_nlp.report.template_cache`) and its crosswalk onto the other codebooks
    (:mod:`~roqa_nlp.crosswalk_cache`); None (the default) works both out in each process."""
    from ..codebook import Codebook

    if isinstance(path, Codebook):  # write_report(result, codebook, path)
        if not isinstance(codebook, (str, Path)):
            raise RoqaError("write_report needs a file to write", hint="write_report(result, path)")
        path, codebook = codebook, path
    elif (
        isinstance(codebook, (str, Path))
        and Path(codebook).suffix.lower() in (".html", ".htm")
        and isinstance(path, (str, Path))
        and Path(path).suffix.lower() not in (".html", ".htm")
    ):  # write_report(result, "cfir-2009", "report.html"): the old order with a codebook's id
        path, codebook = codebook, path
    out = given_path(path, "write_report", "the .html file to write", "'report.html'")
    result = as_result(result, "write_report")  # None was AttributeError 'meta' (s82 api)
    html = render_report(
        result,
        codebook,
        model_card=model_card,
        open_coding=open_coding,
        options=options,
        title=title,
        decisions=decisions,
        decisions_from=decisions_from,
        earlier_report_id=earlier_report_id(out),
        cache_dir=cache_dir,
    )
    atomic_write_text(out, html)
    return out


#: the report id in the body tag of a page roqa wrote (report.html.j2)
_BODY_REPORT_ID = re.compile(
    r'<body data-report-id="([0-9a-f]{16})"(?: data-earlier-report-id="([0-9a-f]{16})")?'
)


def earlier_report_id(path: Path) -> str | None:
    """The report id of the roqa report at ``path`` that a new one is about to replace (None:
    no such page). Written into the new page (``data-earlier-report-id``), so that a review an
    older page kept in the browser under that id alone (before the review was kept per place)
    is carried into the report written over it, as ``roqa code`` says it is. A page that
    names an earlier page's id itself passes that id on, so a report written twice before it
    is opened (``roqa code``, then ``roqa report``) still names the older page's."""
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            found = _BODY_REPORT_ID.search(f.read())
    except OSError:  # none there, a folder, unreadable: nothing to carry
        return None
    return (found.group(2) or found.group(1)) if found else None


@functools.cache
def _environment(*, given: bool, cache_dir: Path | None = None) -> Environment:
    """The report template's environment, made once per process (for a model's suggestions, or
    for a person's ``given`` codings: their quote filters differ): compiling the template took
    0.2-0.5 s on each report written. Its loader still reads the template again when the file
    changes. ``cache_dir``: the cache folder, which keeps the template compiled from one run to
    the next (:mod:`~roqa_nlp.report.template_cache`); None, compiled in each process."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from . import fragments
    from .template_cache import TemplateCache

    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        bytecode_cache=(
            None if cache_dir is None else TemplateCache(cache_dir, "given" if given else "model")
        ),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # a probability beside the 0.40 rule: 0.3996 is 0.3996, not 0.40 (session 67)
    env.filters["beside_sure"] = shown_beside
    if given:
        env.filters["quote"] = fragments.given_quote_html
        env.filters["short_quote"] = fragments.given_short_quote_html
    else:
        env.filters["quote"] = fragments.quote_html
        env.filters["short_quote"] = fragments.short_quote_html
    return env


def render_report(
    result: CodingResult,
    codebook: Codebook | str | Path | None = None,
    *,
    model_card: Mapping[str, Any] | None = None,
    open_coding: Sequence[Any] | None = None,
    options: ReportOptions | None = None,
    title: str | None = None,
    decisions: str | Path | Sequence[Decision] | None = None,
    decisions_from: str | Path | None = None,
    earlier_report_id: str | None = None,
    cache_dir: str | Path | None = None,
) -> str:
    """The report as one HTML string (see :func:`write_report`). ``earlier_report_id``: the id
    of the report this one replaces at its place (:func:`earlier_report_id`), or None;
    ``cache_dir``: as :func:`write_report`'s."""
    from markupsafe import Markup

    from ..exchange.qdpx_export import coder_of
    from ..framework import chart_codebook, in_recorded_chart
    from ..open_coding import with_no_counterpart_queued
    from . import fragments

    result, codebook = in_recorded_chart(result, codebook)  # by default as `roqa code` chose
    book = chart_codebook(codebook, result)
    assert book is not None
    # a person's codings (roqa apply-decisions, roqa import) chart that person's codes, and the
    # page shows them read-only: nothing to review, no model figure
    person = coder_of(result)
    if person is None:  # talk whose model codes have no counterpart in the codebook charted:
        # for open coding, counted and listed so (a person's codes are kept, never emptied)
        result = with_no_counterpart_queued(result)
    carried, lost = (
        ([], [])
        if person is not None
        else carried_decisions(result, decisions, codebook=book, where=decisions_from)
    )
    ctx = report_context(
        result,
        book,
        model_card=model_card,
        open_coding=open_coding,
        options=options or ReportOptions(),
        title=title,
        person=person is not None,
        decided=decided_in_review(carried, result, book) or None,
        decided_names=_new_codes_in_review(carried),
    )
    ctx["decisions_json"] = carried
    ctx["pseudonymised"] = pseudonymised(result)
    # the transcripts whose brackets are pseudonyms (report.js's pseudonymisedHere; hunt6 F6)
    ctx["pseudonymised_transcripts"] = sorted(
        t for t, v in result.transcripts.items() if v.metadata.get("pseudonymised") is True
    )
    ctx["unmatched_json"] = unmatched_view(
        lost, pseudonymised=ctx["pseudonymised"], where=decisions_from or decisions, result=result
    )
    ctx["charted_by"] = person
    # the page written over: only another report's (the same report's review is its own)
    ctx["earlier_report_id"] = earlier_report_id if earlier_report_id != ctx["report_id"] else None
    # what a partial review (roqa apply-decisions) left out, as Table 2's Word caption says it
    ctx["review_left_out"] = (
        review_left_out(result.meta if isinstance(result.meta, dict) else {})
        if person is not None
        else ""
    )
    ctx["queue"]["named"] = named = _named_in_review(ctx["decisions_json"])
    ctx["queue"]["n_named"] = sum(1 for s in result if s.for_open_coding and s.segment.id in named)
    ctx["queue"]["n_weak_named"] = sum(1 for v in ctx["queue"]["weak"] if v["id"] in named)
    # the weakly coded segments the review decided otherwise (a code kept, fitting no code)
    ctx["queue"]["decided"] = decided = {
        sid: f"decided: {', '.join(codes) or 'fits no code'}"
        for sid, codes in decided_in_review(ctx["decisions_json"], result, book).items()
        if sid not in named
    }
    ctx["queue"]["weak_said"] = weak_said(
        len(ctx["queue"]["weak"]),
        ctx["queue"]["n_weak_named"],
        sum(1 for v in ctx["queue"]["weak"] if v["id"] in decided),
    )
    ctx["queue"]["named_said"] = named_in_queue(ctx["queue"], named, decided)
    # the overview counts the recurring set-aside talk not yet named, as the notes do
    ctx["queue"]["recurring_said"] = _recurring_said(ctx["queue"], named)
    # what Load decisions… needs to read a file as Python does: a review made on these codings
    # charted in another codebook (CFIR 2.0) read in theirs; on codings charted in CFIR 2.0 from
    # the model's CFIR 2009, a review made in CFIR 2009 read in CFIR 2.0; text edited since matched
    ctx["crosswalk_json"] = {}
    if person is None:
        from ..decisions_crosswalk import page_charted_crosswalk, page_crosswalk

        charted = isinstance(result.meta, dict) and result.meta.get("crosswalk")
        if charted:
            ctx["crosswalk_json"] = page_charted_crosswalk(result, book)
        else:  # kept in the cache folder: a warm re-code does not translate it again
            from ..crosswalk_cache import cached_page_crosswalk

            ctx["crosswalk_json"] = cached_page_crosswalk(result, book, cache_dir, page_crosswalk)
    from ..decisions import (
        IDENTIFYING_WORDS,
        NEAR_MARGIN,
        NEAR_TEXT,
        QDA_REVIEW_NOTE,
        casefold_table,
    )

    # how the page reads a decisions file as Python does: matching, and which note is no note
    ctx["near_text_json"] = {
        "near_text": NEAR_TEXT,
        "near_margin": NEAR_MARGIN,
        "identifying_words": IDENTIFYING_WORDS,
        "casefold": casefold_table(),
        "qda_review_note": QDA_REVIEW_NOTE,
    }
    env = _environment(
        given=person is not None, cache_dir=None if cache_dir is None else Path(cache_dir)
    )
    ctx["css"] = Markup((HERE / "static" / "report.css").read_text(encoding="utf-8"))
    js = (HERE / "static" / "report.js").read_text(encoding="utf-8")
    if "</script" in js.lower():
        raise RuntimeError("report.js must not contain a closing script tag")
    ctx["js"] = Markup(js)
    for key in ("heatmap_svg", "saturation_svg", "confidence_svg", "reliability_svg"):
        if ctx[key] is not None:
            ctx[key] = Markup(ctx[key])
    # a person's codings show the notes their run.json keeps (apply-decisions keeps a review's
    # notes there: shown nowhere before, session 66), each beside its segment, or listed when
    # the codings leave its segment out
    from ..decisions import segment_notes

    notes = segment_notes(result) if person is not None else {}
    shown = {s.segment.id for s in result}
    ctx["notes_elsewhere"] = [(sid, n) for sid, ns in notes.items() if sid not in shown for n in ns]
    # a flagged row names what it fits none of as Table 2 names its rows (hunt s65 h_open D2)
    rows = fragments.SegmentRows(read_only=person is not None, unit=ctx["table2_unit"], notes=notes)
    for t in ctx["transcripts"]:
        t["rows_html"] = rows.block(t["rows"])
    return env.get_template("report.html.j2").render(**ctx)


# -- the template's data ----------------------------------------------------------------------


def _people_coded(
    result: CodingResult, coded: Sequence[Any], transcripts: Iterable[str]
) -> tuple[set[str], list[str]]:
    """The people something is charted for (:attr:`~roqa_nlp.framework.Quote.who`: a focus
    group's speakers, else the participant, as Table 2 counts them), and the ``transcripts``
    (in the study's order) with nothing charted whose participant is not among them, each said
    with why: ``P14
    (p14_dropped, procedural talk only)``; ``no participant speech`` for an interviewer-only
    file, ``nothing coded`` otherwise (talk for open coding or small talk only, or a person
    gave it no code)."""
    from ..transcripts.roles import UNKNOWN_SPEAKER

    people = {q.who for q in coded if q.who != UNKNOWN_SPEAKER}
    charted = {q.transcript_id for q in coded}
    said = result.by_transcript()
    left_out = []
    for tid in transcripts:
        case = result.participant_of(tid)
        if tid in charted or case in people:
            continue
        talk = [s for s in said.get(tid, []) if s.segment.role != "interviewer"]
        why = (
            "no participant speech"
            if not talk
            else "procedural talk only"
            if all(s.procedural for s in talk)
            else "nothing coded"
        )
        left_out.append(f"{case} ({tid}, {why})" if case != tid else f"{tid} ({why})")
    return people, left_out


def report_context(
    result: CodingResult,
    codebook: Codebook,
    *,
    model_card: Mapping[str, Any] | None,
    open_coding: Sequence[Any] | None,
    options: ReportOptions,
    title: str | None,
    person: bool = False,
    decided: Mapping[str, Collection[str]] | None = None,
    decided_names: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Everything the template shows, as plain data (no markup is built here); ``person``: the
    result holds a person's codings (every code they gave a segment is shown beside it);
    ``decided``: the segments the review carried in decides (:func:`decided_in_review`), which
    the saturation verdict says, as ``roqa report --saturation`` does (its new codes named by
    ``decided_names``)."""
    from ..crosswalk import source_top
    from ..decisions import ids_elsewhere
    from ..exchange.qdpx_export import coder_of
    from ..framework import (
        barriers_enablers,
        charted_top_k,
        coded_segments,
        construct_ratings,
        framework_matrix,
        interviews_in_study_order,
        mixed_id_spellings,
        mixed_ids_warning,
        other_side_ids,
        table2_checks,
        translated_note,
    )
    from ..open_coding import no_counterpart_queued, weakly_coded
    from . import plots

    k, p = charted_top_k(result, options.top_k), options.min_probability
    # the study's order of its interviews, worked out once: saturation's default, the
    # transcripts', the open-coding queue's and the weakly coded list's
    in_order = interviews_in_study_order(result)
    colours = DomainColours(codebook)
    # charted four ways below
    coded = coded_segments(result, top_k=k, min_probability=p, codebook=codebook)
    matrix = framework_matrix(
        result,
        "participant",
        codebook=codebook,
        quotes=MATRIX_QUOTES,
        top_k=k,
        min_probability=p,
        coded=coded,
    )
    table2 = barriers_enablers(
        result, codebook, quotes=TABLE2_QUOTES, top_k=k, min_probability=p, coded=coded
    )
    ratings = construct_ratings(result, codebook, top_k=k, min_probability=p, coded=coded)
    sat = options.saturation(
        result, coded, codebook, decided=decided, decided_names=decided_names, in_order=in_order
    )
    # an order given (--order) is the transcripts' and the lists' too, as it is saturation's
    order = in_order.transcripts if options.order is None else in_the_order_given(sat, in_order)
    ordered = ordered_transcripts(result, order)
    places = segment_places(ordered)

    shown = None if person else SHOWN_SUGGESTIONS
    views = {
        s.segment.id: segment_view(s, n, codebook, colours, shown=shown, person=person)
        for n, s in enumerate(result)
    }
    for sid in no_counterpart_queued(result):  # queued for having no code here, not for novelty
        if sid in views:
            views[sid]["no_code_in"] = codebook.id
    for sid in other_side_ids(result):  # shown for review, left out of Table 2's columns
        v = views.get(sid)
        if v is not None and v["suggestions"]:
            v["other_side"] = (
                f"The model's valence, {v['suggestions'][0]['valence']}, is the other side of "
                f"these {codebook.id} codes: left out of Table 2's columns."
            )
    for (sid, _), why in table2_checks(result, coded, codebook).items():
        v = views.get(sid)  # its row would contradict it: named to check (docs/codebooks.md)
        if v is not None and v["suggestions"] and "other_side" not in v:
            v["other_side"] = f"Left out of Table 2's columns, to check: {why}."
    if person:  # codes a reviewer gave no valence (roqa import): said so, not "neutral"
        from ..exchange.review import codes_given_no_valence

        for sid, codes in codes_given_no_valence(result).items():
            for g in views[sid]["suggestions"] if sid in views else []:
                if g["code_id"] in codes:
                    g["valence_given"] = False
    anchors = {sid: v["anchor"] for sid, v in views.items()}
    transcripts = [transcript_view(result, tid, segs, views) for tid, segs in ordered.items()]

    coded_top = [
        s.top.probability for s in result if s.top and not s.procedural and s.novel is not True
    ]
    novel_top = [s.top.probability for s in result if s.top and not s.procedural and s.novel]
    reliability = reliability_view(result.meta.get("reliability"))

    # the card run.json keeps (roqa code's report shows the model's), else its summary of it
    recorded = result.meta.get(MODEL_CARD_KEY) or result.meta.get("model")
    card = dict(model_card) if model_card is not None else dict(recorded or {})
    from ..training import suggestions_shown, trained_on_said
    from .model_card import card_summary

    spoken = [s for s in result if s.segment.role != "interviewer"]
    suggested = suggestions_shown(result, [s.segment.id for s in spoken])
    # run.json's record of codings.jsonl is a check on the file (CodingResult.read), not news
    run_meta = {
        k: v
        for k, v in result.meta.items()
        if k not in ("model", MODEL_CARD_KEY, "reliability", CODINGS_KEY)
    }
    unreached = result.meta.get(NOT_REVIEWED)
    emptied = set(no_counterpart_queued(result))

    used_codes = [k for k in matrix.codes if any(matrix.count(c, k) for c in matrix.cases)]
    charted_ids = {q.segment_id for q in coded}
    # the top suggestions the charted segments rest on (not small talk's, whose top is ~0)
    tops = [s.top.probability for s in result if s.segment.id in charted_ids and s.top is not None]
    # unsure: the model's own top below SURE_CODE, not the share a mapping into another
    # codebook gave it (source_top), as Table 2 marks a quote "code unsure"
    owns = [source_top(result, s) for s in result if s.segment.id in charted_ids]
    unsure_charted = sum(1 for own in owns if own is not None and own < SURE_CODE)
    participants = sorted({result.participant_of(t) for t in ordered}, key=_natural)
    people, left_out = _people_coded(result, coded, ordered)
    mixed = mixed_id_spellings(participants)
    if (line := mixed_ids_warning(participants)) is not None:
        from ..errors import warn

        warn(line)
    _warn_of_speakers_cited_by_name(result)
    return {
        "title": title or default_title(t["source"] for t in transcripts),
        "report_id": report_id(result),
        "codebook": {
            "id": codebook.id,
            "name": codebook.name,
            "version": codebook.version,
            "hash": codebook.hash,
        },
        "domains": [
            {"id": d.id, "name": d.name, "css": colours.of_domain(d.id)} for d in codebook.domains
        ],
        # a code's aliases too, when it has any: report.js takes a decision on one (an id
        # renamed, kept as an alias) for that code, as roqa apply-decisions does (lacksCode)
        "codes_json": [
            {"id": c.id, "name": c.name, "domain": c.domain or ""}
            | ({"aliases": list(c.aliases)} if c.aliases else {})
            for c in codebook.codable
        ],
        # the ids of the other built-in codebooks' codes: a decision on one is read through a
        # mapping or in the model's codes, no code the codebook lacks (lacksCode)
        "other_ids_json": sorted(ids_elsewhere(codebook)),
        "overview": {
            "transcripts": len(transcripts),
            # the study's transcripts a review (roqa apply-decisions) did not reach
            "not_reviewed": len(unreached) if isinstance(unreached, list) else 0,
            # the people something is charted for, as Table 2 counts them (a focus group's
            # speakers), and the transcripts of no one else with nothing charted, said why
            "participants": len(people),
            "participants_left_out": left_out,
            "segments": len(result),
            "coded_segments": len(charted_ids),
            "unsure_charted": unsure_charted,
            # participant ids spelt two ways (P03 beside P1): first few of each
            "mixed_ids": [list(m)[:3] for m in mixed] if mixed else None,
            "novel": sum(1 for s in result if s.for_open_coding),
            # of them, talk coded with codes that have no counterpart in the codebook charted
            "no_counterpart": sum(
                1 for s in result if s.for_open_coding and s.segment.id in emptied
            ),
            "off_topic": sum(1 for s in result if s.novel and s.off_topic),
            "procedural": sum(1 for s in result if s.procedural),
            "codes_used": len(used_codes),
            "codable": len(codebook.codable),
            "mean_top1": (sum(tops) / len(tops)) if tops else None,
            # a person's codings: the segments given no code, the most codes given one
            "uncoded_segments": sum(1 for s in result if not s.suggestions),
            "most_codes": max((len(s.suggestions) for s in result), default=0),
            "model": _model_name(card),
            # a fast backend's kind and build, and the backend the card's metrics were measured
            # with (the one the model was trained on); None for torch
            "backend": _backend_used(result.meta.get("model"), card),
            # segments the model was trained on (its review decisions): their suggestions repeat
            # the decisions, so the mean top-1 probability above is no held-out judgement
            "trained_on": trained_on_said(
                card,
                [s.segment.text for s in spoken],
                # in the model's codes: not when charted in another codebook, but in its codes
                # where the review was made in them (the card's feedback.decided_in)
                None if result.meta.get("crosswalk") else suggested,
                charted=(codebook.id, suggested) if result.meta.get("crosswalk") else None,
            ),
            "charting": dataclasses.replace(options, top_k=k),
            # codes translated from another codebook, and those no code of it maps onto, as
            # Table 2's note and the matrix's About sheet say it
            "translated": translated_note(
                result.meta.get("crosswalk"), coder_of(result) if person else None, codebook
            ).strip(),
        },
        "transcripts": transcripts,
        "matrix": matrix_view(matrix, used_codes, anchors),
        "heatmap_svg": plots.heatmap_svg(matrix, codes=used_codes),
        "sure_code": SURE_CODE,
        "sure_code_pct": f"{SURE_CODE * 100:.0f}",
        "sure_valence_pct": f"{SURE_VALENCE * 100:.0f}",
        # the legend says what a valence chip's "?" means when a row shows one
        "valence_unsure_shown": any(
            g["valence_unsure"] for v in views.values() for g in v["suggestions"]
        ),
        "set_aside": SET_ASIDE,
        "off_topic": OFF_TOPIC,
        "table2": table2_view(table2, anchors),
        "table2_other_side": table2.other_side,
        "table2_agreeing": table2.agreeing,
        "table2_check": table2.check,
        "table2_unit": table2.unit,
        "ratings": ratings_view(ratings, anchors),
        "saturation": saturation_view(sat, person=person),
        "saturation_order_given": options.order is not None,
        # the order and rules given, carried into the command that charts the review
        "rule_options": options.rule_options(),
        "review_commands": options.review_commands(),
        "saturation_svg": plots.saturation_svg(sat),
        "confidence_svg": plots.confidence_svg(coded_top, novel_top),
        "reliability": reliability,
        "reliability_svg": plots.reliability_svg(reliability["bins"]) if reliability else None,
        "queue": {
            **open_coding_view(result, open_coding, views, places),
            # charted with a top code below SURE_CODE: it may be a theme the codebook lacks
            "weak": in_study_order(
                [views[s.segment.id] for s in weakly_coded(result, charted_ids)], places
            ),
        },
        "model_card": flatten(card),
        "model_card_summary": card_summary(card, {c.id: c.name for c in codebook.codes}),
        "run_meta": flatten(
            run_meta,
            segments={s.segment.id for s in result.segments},
            coded={s.segment.id for s in result if not s.procedural and s.novel is not True},
        ),
    }


def embedded_decisions(
    result: CodingResult,
    decisions: str | Path | Sequence[Decision] | None,
    *,
    codebook: Codebook | None = None,
    where: str | Path | None = None,
) -> list[list[str]]:
    """The decisions the page starts from, as rows ``[segment_id, decision, code_id, new_code,
    note, valence, suggestion]`` (the researcher's valence and a recode's suggestion, when a
    row gives them) with the id of the segment each is on now (those on no segment left out).
    Given a file, the decisions that went to a segment whose text was edited since the review
    are warned about, naming it (:func:`~roqa_nlp.decisions.warn_of_edited_text`; the CLI,
    which gives a list, says so with its line on the review).

    Charted in ``codebook``, the codings' own (not translated into another), decisions on codes
    of another codebook (a review made on the codings charted in CFIR 2.0) are shown as the
    decisions they are on its codes (:func:`~roqa_nlp.decisions_crosswalk.in_model_codes`, which
    warns), so the page's controls show them and *Save decisions* writes them so; charted in
    ``codebook`` from the model's codebook (CFIR 2.0 from CFIR 2009), decisions on the model's
    codes likewise (:func:`~roqa_nlp.decisions_crosswalk.in_charted_codes`). Their warning names
    the file read, else ``where`` (the file a list was read from), else "decisions".

    Only the rows that stand are given (:func:`~roqa_nlp.decisions.standing`: the later row
    wins, as ``roqa apply-decisions`` and ``roqa train`` read the file); one a later row
    overrules is given as its note or valence alone, when it has one, which the commands still
    read."""
    return carried_decisions(result, decisions, codebook=codebook, where=where)[0]


def carried_decisions(
    result: CodingResult,
    decisions: str | Path | Sequence[Decision] | None,
    *,
    codebook: Codebook | None = None,
    where: str | Path | None = None,
) -> tuple[list[list[str]], list[Decision]]:
    """The rows of :func:`embedded_decisions`, and the decisions that match no segment of
    ``result``, as they came (their words rewritten since, or their transcript not coded): the
    page writes those back unchanged when it saves the review, so that a Save moved into the
    coded folder loses none of them (learn tester, session 56)."""
    from dataclasses import replace

    from ..decisions import (
        NOTE,
        VALENCE,
        match_decisions,
        page_row,
        read_decisions,
        standing,
        warn_of_edited_text,
    )

    if decisions is None:
        return [], []
    read_from = None
    if isinstance(decisions, (str, Path)):
        read_from = where = decisions
        decisions = read_decisions(decisions, allow_empty=True)[0]
    given = list(decisions)
    source = None
    # codings charted from another codebook (roqa report --codebook), else in the model's own
    charted = isinstance(result.meta, dict) and bool(result.meta.get("crosswalk"))
    if codebook is not None:
        from ..decisions import in_codebook_ids
        from ..decisions_crosswalk import charted_from, in_charted_codes, in_model_codes

        if charted:
            decisions = in_charted_codes(decisions, result, codebook, where=where or "decisions")
            source = charted_from(result)
        else:
            decisions = in_model_codes(decisions, codebook, result, where=where or "decisions")
        # a decision on an id renamed since (kept as an alias) on the code it is now
        decisions = in_codebook_ids(decisions, codebook)
    match = match_decisions(list(decisions), result)
    if codebook is not None:
        from ..codebook import builtin_codebook
        from ..decisions import warn_of_codes_not_in

        # those carried on codes the codebook lacks (dropped, split, misspelt) and nothing reads
        # (not a code of the model's codebook the codings were charted from), said once
        warn_of_codes_not_in(
            [d for d, _ in match.matched],
            codebook,
            where or "decisions",
            charted_from=None if source is None else builtin_codebook(source),
            of_model=not charted,
        )
    if read_from is not None:  # a list's caller warns of edited text (the CLI, with its line)
        warn_of_edited_text(match, read_from, codebook)
    rows = []
    for (d, sid), stands in zip(match.matched, standing(match.matched, codebook=codebook)):
        if not stands:  # overruled by a later row: its note or valence alone still counts
            if not (d.note or d.valence):
                continue
            kind = VALENCE if d.valence else NOTE
            d = replace(d, decision=kind, code_id="", new_code="", suggestion="")
        rows.append(page_row(d, sid))
    # words are matched, never codes: the rows as given match as those read in other codes do
    lost = match.unmatched if given == list(decisions) else match_decisions(given, result).unmatched
    return rows, list(lost)


def pseudonymised(result: CodingResult) -> bool:
    """Whether ``result`` codes pseudonymised transcripts (``roqa code --pseudonymise``, as
    transcripts.jsonl records each one's ``metadata["pseudonymised"]``)."""
    return any(t.metadata.get("pseudonymised") is True for t in result.transcripts.values())


def unmatched_view(
    lost: Sequence[Decision],
    *,
    pseudonymised: bool = False,
    where: str | Path | Sequence[Decision] | None = None,
    result: CodingResult | None = None,
) -> dict[str, Any]:
    """What the page is given of the decisions carried in that match no segment of it
    (:func:`carried_decisions`): their rows as the decisions file has them (``rows``, which
    *Save decisions* writes back unchanged after the page's own) and the line it shows
    (``said``); empty when there are none.

    On ``pseudonymised`` codings their rows are left out, and the line names them by row only,
    with one warning naming the decisions file (``where``, when a file): their text (and the
    transcript's name in their segment ids) may be talk from before pseudonymising, which the
    page kept word for word (privacy tester s59, H1: a phone number, a postcode, surnames). The
    decisions file keeps them; the page's Save does not write them back. Their words all said
    still in the codings ``result`` (a turn parted or joined since the review,
    :func:`~roqa_nlp.decisions.unmatched_cause`), pseudonymising is not said to be why (study3
    tester s73, D2: it was, of a row with no name in it and the key unchanged)."""
    from ..decisions import COLUMNS, _named

    if not lost:
        return {}
    n = len(lost)
    one = n == 1
    if pseudonymised:
        return {"said": _left_out_unpseudonymised(lost, where, result)}
    said = (
        f"{n} decision{'' if one else 's'} of the review carried into this report "
        f"{'matches' if one else 'match'} no segment of it (words changed since, or a "
        f"transcript not in these codings): {_named(lost)}. Save decisions writes "
        f"{'it' if one else 'them'} back unchanged, at the end of the file"
    )
    rows = []
    for d in lost:  # the columns after text written only when a row has them, as the page does
        row = [str(getattr(d, f)) for f in COLUMNS]
        while len(row) > 6 and not row[-1]:
            row.pop()
        rows.append(row)
    return {"rows": rows, "said": said}


def _left_out_unpseudonymised(
    lost: Sequence[Decision],
    where: str | Path | Sequence[Decision] | None,
    result: CodingResult | None = None,
) -> str:
    """The page's line on the decisions of :func:`unmatched_view` left out of a pseudonymised
    page, after one warning saying the same of the file ``where``. Why they match nothing is
    talk from before pseudonymising when a word of one is said nowhere in its transcript in
    ``result`` (a name the key replaced), or ``result`` is not given; else the segments changed
    (a turn parted or joined) since the review."""
    from ..decisions import UNSAID, unmatched_cause
    from ..errors import warn

    causes = [(UNSAID, ())] if result is None else [unmatched_cause(d, result) for d in lost]
    if all(why != UNSAID for why, _ in causes):
        return _left_out_segments_changed(lost, where, causes)

    n = len(lost)
    one = n == 1
    which = _rows_of_lost(lost)
    it, they = ("it", "it") if one else ("them", "they")
    said = (
        f"{n} decision{'' if one else 's'} of the review{which} "
        f"{'matches' if one else 'match'} no segment of these pseudonymised codings and "
        f"{'is' if one else 'are'} left out of the page: {they} may be on talk from before "
        f"pseudonymising, which the page would carry word for word. Save decisions does not "
        f"write {it}: keep the decisions file {they} came from"
    )
    file = where if isinstance(where, (str, Path)) else None
    warn(
        f"{n} decision{'' if one else 's'}{which} {'matches' if one else 'match'} no segment "
        f"of these pseudonymised codings and {'is' if one else 'are'} left out of the report "
        f"page, whose copy of {'its' if one else 'their'} words may be talk from before "
        f"pseudonymising; {'it stays' if one else 'they stay'} in "
        f"{'this file' if file else 'the decisions'}, but the page's Save decisions does not "
        f"write {it} (keep this file rather than replace it with the page's)",
        path=file,
    )
    return said


def _rows_of_lost(lost: Sequence[Decision]) -> str:
    """ " (rows 3, 7 and 9)": the decisions file's rows of ``lost``, the first five then a count;
    by row, never by segment id, since an id holds the transcript's name as it was."""
    from ..errors import and_list, first_and_count

    rows = [str(r) for r in sorted({d.row for d in lost if d.row is not None})]
    listed = and_list(rows) if len(rows) <= 5 else first_and_count(rows)
    return f" (row{'' if len(rows) == 1 else 's'} {listed})" if rows else ""


def _left_out_segments_changed(
    lost: Sequence[Decision],
    where: str | Path | Sequence[Decision] | None,
    causes: Sequence[tuple[str, tuple[str, ...]]],
) -> str:
    """:func:`_left_out_unpseudonymised` of decisions whose words are all still said in the
    codings: the segments changed since the review (a turn parted or joined), not
    pseudonymising, is why they match nothing; the one warning names the segments their words
    are now said across, when one decision's are (ids of pseudonymised codings)."""
    from ..decisions import PARTED, SEGMENTS_CHANGED
    from ..errors import warn

    n = len(lost)
    one = n == 1
    which = _rows_of_lost(lost)
    it, they = ("it", "it") if one else ("them", "they")
    across = ""
    if one and causes[0][0] == PARTED:
        across = f", its words now said across {', '.join(causes[0][1])}"
    said = (
        f"{n} decision{'' if one else 's'} of the review{which} "
        f"{'matches' if one else 'match'} no segment of these pseudonymised codings and "
        f"{'is' if one else 'are'} left out of the page: {SEGMENTS_CHANGED}. Save decisions "
        f"does not write {it}: keep the decisions file {they} came from"
    )
    file = where if isinstance(where, (str, Path)) else None
    warn(
        f"{n} decision{'' if one else 's'}{which} {'matches' if one else 'match'} no segment "
        f"of these pseudonymised codings and {'is' if one else 'are'} left out of the report "
        f"page: {SEGMENTS_CHANGED}{across}; {'it stays' if one else 'they stay'} in "
        f"{'this file' if file else 'the decisions'}, but the page's Save decisions does not "
        f"write {it} (keep this file rather than replace it with the page's)",
        path=file,
    )
    return said


#: the page's element holding the review it starts from (rows of :func:`embedded_decisions`)
_CARRIED = re.compile(
    r'<script type="application/json" id="roqa-decisions">(.*?)</script>', re.DOTALL
)


def carried_review(path: str | Path) -> list[list[str]] | None:
    """The review a report page starts from, as :func:`embedded_decisions` wrote it into the
    page (rows ``[segment_id, decision, code_id, new_code, note, valence, suggestion]``, the
    fields no row needs left out; a null cell, as a page edited by hand may hold, read as an
    empty one); None when ``path`` is no readable report page."""
    try:
        html = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = _CARRIED.search(html)
    if found is None:
        return None
    try:
        rows = json.loads(found.group(1))
    except ValueError:
        return None
    if not isinstance(rows, list):
        return None
    return [
        ["" if v is None else str(v) for v in row]
        for row in rows
        if isinstance(row, list) and len(row) >= 2
    ]


def named_in_queue(
    queue: Mapping[str, Any], named: Collection[str], decided: Collection[str] = ()
) -> str:
    """What the open-coding section's first line says of the segments the review carried in
    names a new code for (``named``, ids) or decides otherwise (``decided``, ids: a code kept,
    or fitting no code): of those that fit no code (``queue["total"]``), of those in recurring
    groups of set-aside talk and of the rest of the small talk, each counted apart, and what is
    left to name; "All of them" only when the line counts no set-aside talk and nothing is left
    (a re-run whose one queued segment was named said so beside 2 groups not named, and beside
    small talk not named: tester s48). Decided ones are counted as named ones are: a re-run
    after `roqa train --feedback` asked for names for 4 answers the review had decided fit no
    code (tester s51)."""
    done = {*named, *decided}
    queued = queue["total"]
    waiting = [s["id"] for g in queue["groups"] for s in g["segments"]]
    listed = waiting + [s["id"] for s in queue["ungrouped"]]
    n_queued = sum(1 for sid in listed if sid in done)
    aside = [s["id"] for g in queue["set_aside_groups"] for s in g["segments"]]
    n_aside = sum(1 for sid in aside if sid in done)
    rest = [s["id"] for s in queue.get("off_topic_rest", [])]
    n_rest = sum(1 for sid in rest if sid in done)
    # a group is offered to be named while one of its segments is not decided
    grouped = any(sid not in done for sid in waiting + aside)
    if not n_queued and not n_aside and not n_rest:
        group = ", or for a whole group below," if grouped else ""
        return f"Name a new code beside a segment in the transcripts{group} to record it."
    # set-aside talk not named is not asked for: it is not offered as a theme
    left = n_queued < queued or n_aside < len(aside)
    if not aside and not rest:  # "them": the segments that fit no code, the only ones counted
        parts = ["All of them" if not left else f"{n_queued} of them"]
    else:
        parts = []
        if n_queued:
            every = "the one" if queued == 1 else f"all {queued}"
            some = every if n_queued == queued else f"{n_queued} of the {queued}"
            parts.append(f"{some} that {'fits' if queued == 1 else 'fit'} no code")
        if n_aside:
            some = (
                f"the {len(aside)}" if n_aside == len(aside) else f"{n_aside} of the {len(aside)}"
            )
            parts.append(f"{some} in recurring groups")
        if n_rest:
            some = f"the {len(rest)}" if n_rest == len(rest) else f"{n_rest} of the {len(rest)}"
            # the set-aside talk in no recurring group
            parts.append(f"{some} {OFF_TOPIC}{' outside them' if aside else ''}")
    one = len(parts) == 1 and n_queued + n_aside + n_rest == 1 and parts[0] != "All of them"
    where = "in the review carried into this report"
    if not any(sid in done and sid not in named for sid in listed + aside + rest):
        said = f"already {'has' if one else 'have'} a new code {where} (marked named below)"
    else:
        marked = (
            "named or decided" if any(sid in named for sid in listed + aside + rest) else "decided"
        )
        said = f"{'is' if one else 'are'} already decided {where} (marked {marked} below)"
    said = f"{' and '.join(parts)} {said}"
    said = said[0].upper() + said[1:]
    if not left:
        return said + "."
    group = " or for a group below" if grouped else ""
    return (
        f"{said}; name a new code beside one of the others in the transcripts{group} to record it."
    )


def weak_said(n: int, n_named: int, n_decided: int = 0) -> str:
    """What the "Coded, but weakly" section asks of its ``n`` segments, of which the review
    carried in names a new code for ``n_named`` and decides ``n_decided`` others (a code kept,
    or fitting no code): those are not asked for again."""
    one = n == 1
    if not n_decided:
        if n_named and n_named >= n:
            return (
                f"{'It already has' if one else 'All of them already have'} a new code in the "
                "review carried into this report (marked named below)."
            )
        if n_named:
            return (
                f"Read them beside the segments above; {n_named} of them already "
                f"{'has' if n_named == 1 else 'have'} a new code in the review carried into this "
                "report (marked named below); name a new code beside one of the others in the "
                "transcripts to record it."
            )
        return (
            f"Read {'it' if one else 'them'} beside the segments above; name a new code beside "
            f"{'it' if one else 'one'} in the transcripts to record it."
        )
    marked = "named or decided" if n_named else "decided"
    k = n_named + n_decided
    if k >= n:
        return (
            f"{'It is' if one else 'All of them are'} decided in the review carried into this "
            f"report (marked {marked} below)."
        )
    return (
        f"Read them beside the segments above; {k} of them {'is' if k == 1 else 'are'} decided "
        f"in the review carried into this report (marked {marked} below); name a new code beside "
        "one of the others in the transcripts to record it."
    )


def decided_in_review(
    rows: Sequence[Sequence[Any]], result: CodingResult, codebook: Codebook | None = None
) -> dict[str, list[str]]:
    """The segments the review carried into the report decides (rows of
    :func:`embedded_decisions`, on the segments' ids now, read as a decisions file's rows are:
    :func:`~roqa_nlp.decisions.page_decisions`), each with the codes it gives them
    (:func:`~roqa_nlp.decisions.decided_segments`; rows on codes ``codebook`` lacks decide
    nothing)."""
    if not rows:
        return {}
    from ..decisions import decided_segments, page_decisions

    return decided_segments(page_decisions(rows), result, codebook)


def _recurring_said(queue: Mapping[str, Any], named: Collection[str]) -> str:
    """The overview's clause of the set-aside talk in recurring groups (``queue``'s
    ``set_aside_groups``) that the review carried in does not name a new code for (``named``,
    ids), the named said apart (:func:`~roqa_nlp.open_coding.recurring_clause`); none when
    every one is named."""
    from ..open_coding import recurring_clause, unnamed_sizes

    groups = [[s["id"] for s in g["segments"]] for g in queue["set_aside_groups"]]
    sizes, n_named = unnamed_sizes(groups, named)
    return recurring_clause(sizes, n_named) if sizes else ""


def _new_codes_in_review(rows: Sequence[Sequence[Any]]) -> dict[str, str]:
    """The new codes the review carried into the report names (rows of
    :func:`embedded_decisions`), id -> name (:func:`~roqa_nlp.decisions.new_code_names`)."""
    from ..decisions import new_code_names, page_decisions

    return new_code_names(page_decisions(rows)) if rows else {}


def _named_in_review(rows: Sequence[Sequence[Any]]) -> dict[str, str]:
    """Segment id -> the new code(s) the review carried into the report names it (rows of
    :func:`embedded_decisions`, read as :func:`decided_in_review` reads them; several joined by
    ", "): the open-coding section says they are
    named, so a re-run does not ask for their names again."""
    from ..decisions import page_decisions

    named: dict[str, list[str]] = {}
    for d in page_decisions(rows):
        if d.decision == "new-code":
            names = named.setdefault(d.segment_id, [])
            if d.new_code not in names:
                names.append(d.new_code)
    return {sid: ", ".join(names) for sid, names in named.items()}


def report_id(result: CodingResult) -> str:
    """A short id of the coded segments: a key under which the browser keeps the review (it
    keeps it under the page's path too, so that a report written again there finds it). The
    codings pseudonymised (:func:`pseudonymised`) give another id than the same segments not
    pseudonymised, so that the review a browser kept for the report that was not, notes and all,
    is never taken as the pseudonymised report's own (its notes are left out: report.js)."""
    h = hashlib.sha256()
    if pseudonymised(result):
        h.update(b"pseudonymised\n")
    for s in result:
        g = s.segment
        h.update(f"{g.transcript_id}\t{g.id}\t{g.start}\t{g.end}\n".encode())
    return h.hexdigest()[:16]


def _natural(text: str) -> tuple[Any, ...]:
    from ..framework import natural_key

    return natural_key(text)


class DomainColours:
    """CSS colour class per codebook domain (``d0`` ... ``d5``, cycling; ``dx`` = none)."""

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        self.index = {d.id: i for i, d in enumerate(codebook.domains)}
        self._by_code: dict[str, str] = {}

    def of_domain(self, domain_id: str | None) -> str:
        if domain_id is None or domain_id not in self.index:
            return "dx"
        return f"d{self.index[domain_id] % N_COLOURS}"

    def of_code(self, code_id: str) -> str:
        if code_id not in self._by_code:
            code = self.codebook.find(code_id)
            dom = None if code is None else self.codebook.domain_of(code.id)
            self._by_code[code_id] = self.of_domain(None if dom is None else dom.id)
        return self._by_code[code_id]


def confidence_band(p: float | None) -> str:
    if p is None:
        return "none"
    return next(name for floor, name in CONFIDENCE_BANDS if p >= floor)


def suggestion_view(
    g: Suggestion, codebook: Codebook, colours: DomainColours, *, person: bool = False
) -> dict[str, Any]:
    """A suggestion as a segment's row shows it; ``valence_unsure``: what Table 2 says of its
    valence when it marks it unsure (:func:`~roqa_nlp.framework.valence_doubt_of`, ``person``:
    of a person's codings), else ``""``."""
    code = codebook.find(g.code_id)
    return {
        "code_id": g.code_id,
        "name": code.name if code is not None else g.name,
        "css": colours.of_code(g.code_id),
        "probability": g.probability,
        "valence": g.valence,
        "valence_unsure": valence_doubt_of(g, person=person),
        "evidence": list(g.evidence[:2]),
        "evidence_valence": list(g.evidence_valence[:2]),
    }


def segment_view(
    s: SegmentResult,
    n: int,
    codebook: Codebook,
    colours: DomainColours,
    *,
    shown: int | None = SHOWN_SUGGESTIONS,
    person: bool = False,
) -> dict[str, Any]:
    """A segment as the transcripts show it, with its first ``shown`` suggestions (None: all,
    as for a person's codings; ``person``: they are a person's codings)."""
    top = s.top
    return {
        "id": s.segment.id,
        "anchor": f"s{n}",
        "text": s.segment.text,
        "speaker": s.segment.speaker,
        "role": s.segment.role,
        "start": s.segment.start,
        "end": s.segment.end,
        "suggestions": [
            suggestion_view(g, codebook, colours, person=person) for g in s.suggestions[:shown]
        ],
        "css": "dn"
        if s.novel and not s.off_topic
        else "dx"
        if s.procedural or s.off_topic or top is None
        else colours.of_code(top.code_id),
        "band": confidence_band(None if top is None else top.probability),
        "novel": bool(s.novel),
        "novelty_p": s.novelty_p,
        "procedural": s.procedural,
        "off_topic": s.off_topic,
    }


def ordered_transcripts(
    result: CodingResult, order: Sequence[str] | None = None
) -> dict[str, list[SegmentResult]]:
    """Each transcript's segments, the transcripts in the study's order
    (:func:`~roqa_nlp.framework.study_order`: their participants' when numbered alike), as
    saturation takes them; ``order``: that order, when worked out already."""
    from ..framework import study_order

    by = result.by_transcript()
    return {tid: by.get(tid, []) for tid in (study_order(result) if order is None else order)}


def in_the_order_given(sat: Saturation, in_order: StudyOrder) -> list[str]:
    """The result's transcripts (``in_order``: in the study's order) in the order saturation
    took its interviews, an order given (``--order``): each interview's files in its place,
    those the order leaves out after them, in the study's order. The report's transcripts, its
    open-coding queue and its weakly coded list follow it, as saturation does (hunt1 s79 F)."""
    known = set(in_order.transcripts)
    given = [t for files in sat.transcripts for t in files if t in known]
    taken = set(given)
    return given + [t for t in in_order.transcripts if t not in taken]


def segment_places(ordered: Mapping[str, Sequence[SegmentResult]]) -> dict[str, int]:
    """Each segment's place (its id's) in the study's order: the transcripts in their order
    (:func:`ordered_transcripts`), each one's segments in segment order."""
    segments = (s for segs in ordered.values() for s in segs)
    return {s.segment.id: n for n, s in enumerate(segments)}


def in_study_order(
    views: Iterable[dict[str, Any]], places: Mapping[str, int]
) -> list[dict[str, Any]]:
    """Segments as the report shows them (:func:`segment_view`) in the study's order
    (:func:`segment_places`), as its transcripts are: the open-coding queue and the weakly
    coded list read P01's first, as the matrix does, not the order the files were coded in
    (s79)."""
    return sorted(views, key=lambda v: places.get(v["id"], len(places)))


def transcript_view(
    result: CodingResult,
    tid: str,
    segments: list[SegmentResult],
    views: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """A transcript as rows: interviewer questions, uncoded talk and coded segments, in order.

    When the transcript text is known and every segment's offsets match it, the full text is
    shown with segments in place; otherwise the segments alone, in order. A focus group's
    collective reply (``Everyone: Yes.``, no one's turn) is shown where it is, as the text
    between the turns it is (a row of kind ``between``, with no speaker): left off, the page
    showed the facilitator's question with no answer (s64 Zoom focus-group tester, 3).
    """
    t = result.transcripts.get(tid)
    rows: list[dict[str, Any]] = []
    placed: set[str] = set()
    fits = t is not None and all(
        t.text[s.segment.start : s.segment.end] == s.segment.text for s in segments
    )
    if t is not None and fits:
        turns = t.turns or []
        ordered = sorted(segments, key=lambda s: (s.segment.start, s.segment.end))
        starts = [s.segment.start for s in ordered]
        between = _collective_lines(t) if turns else []
        for turn in turns:
            while between and between[0][0] < turn.start:
                rows.append({"kind": "between", "speaker": "", "text": between.pop(0)[1]})
            kind = "question" if turn.role == "interviewer" else "talk"
            cursor = turn.start
            inside = segments_in_turn(ordered, starts, turn.start, turn.end)
            first = True
            for s in inside:
                if s.segment.start > cursor:
                    _text_row(
                        rows, kind, turn.speaker if first else "", t.text[cursor : s.segment.start]
                    )
                    first = False
                view = views[s.segment.id]
                rows.append(
                    {"kind": "segment", "speaker": turn.speaker if first else "", "seg": view}
                )
                first = False
                placed.add(s.segment.id)
                cursor = max(cursor, s.segment.end)
            if cursor < turn.end:
                _text_row(rows, kind, turn.speaker if first else "", t.text[cursor : turn.end])
        rows.extend({"kind": "between", "speaker": "", "text": line} for _, line in between)
    for s in segments:
        if s.segment.id not in placed:
            rows.append(
                {"kind": "segment", "speaker": s.segment.speaker, "seg": views[s.segment.id]}
            )
    participant = result.participant_of(tid)
    return {
        "id": tid,
        "anchor": "t-" + hashlib.sha1(tid.encode("utf-8")).hexdigest()[:10],
        "participant": participant,
        # its name in the transcript picker
        "label": tid if participant == tid else f"{tid} ({participant})",
        "source": "" if t is None else t.source,
        "rows": rows,
        "n_segments": len(segments),
        # the segments the review filter and the review progress count: not the interviewer's,
        # not set aside (procedural talk, small talk or background)
        "n_reviewable": sum(
            1
            for s in segments
            if s.segment.role != "interviewer" and not (s.procedural or s.off_topic)
        ),
        # a person's codings: the segments given a code
        "n_coded": sum(1 for s in segments if s.suggestions),
        "n_novel": sum(1 for s in segments if s.for_open_coding),
        "n_off_topic": sum(1 for s in segments if s.novel and s.off_topic),
        "full_text": bool(t is not None and fits and t.turns),
    }


def segments_in_turn(
    ordered: list[SegmentResult], starts: list[int], start: int, end: int
) -> list[SegmentResult]:
    """The segments (sorted by offsets; ``starts`` their start offsets) that begin inside the
    turn ``[start, end)``, and the empty ones at its start; found by bisection, since a study has
    thousands of segments and hundreds of turns."""
    lo = bisect.bisect_left(starts, start)
    if end > start:
        return ordered[lo : bisect.bisect_left(starts, end)]
    at = ordered[lo : bisect.bisect_right(starts, start)]
    return [s for s in at if s.segment.end == s.segment.start]


def _collective_lines(transcript: Transcript) -> list[tuple[int, str]]:
    """Where each collective reply left out of the turns starts in ``transcript``'s text, and
    its line there, label included (``Everyone: Yes.``): from the start of its line, not before
    the turn above it ends (:func:`~roqa_nlp.transcripts.roles.collective_reply_spans`)."""
    from ..transcripts.roles import collective_reply_spans

    text = transcript.text
    ends = [t.end for t in transcript.turns]
    lines: list[tuple[int, str]] = []
    for start, end, _ in collective_reply_spans(transcript):
        i = bisect.bisect_right(ends, start)
        above = ends[i - 1] if i else 0
        begin = max(text.rfind("\n", above, start) + 1, above)
        lines.append((begin, text[begin:end].strip()))
    return lines


def _text_row(rows: list[dict[str, Any]], kind: str, speaker: str, text: str) -> None:
    if text.strip():
        rows.append({"kind": kind, "speaker": speaker, "text": text.strip()})


def _quote_view(q: Any, anchors: Mapping[str, str]) -> dict[str, Any]:
    return {
        "text": q.one_line,  # without [crosstalk] or [laughs] at its edges, on one line
        "participant": q.who,
        "citation": q.citation,
        "probability": q.probability,
        # what "code unsure" is judged on: the model's own probability, not a mapping's share
        "sure_probability": q.sure_probability,
        "valence_probability": q.valence_probability,
        "valence_guessed": q.valence_guessed,
        "anchor": anchors.get(q.segment_id, ""),
        "only_agrees": q.only_agrees,
    }


def matrix_view(matrix: Any, used_codes: list[str], anchors: Mapping[str, str]) -> dict[str, Any]:
    from ..codebook import shown_code

    top = max((matrix.count(c, k) for c in matrix.cases for k in used_codes), default=0) or 1
    return {
        "case_kind": matrix.case_kind,
        # what a row is: a participant's case may be a joint interview's two people (P05a, P05b)
        # or a focus group, so the heat map counts cases, not participants
        "row_noun": "case" if matrix.case_kind == "participant" else matrix.case_kind,
        "groups": [
            f"{case} holds the talk of {len(who)} participants"
            for case, who in matrix.several_speakers.items()
        ],
        "cases": matrix.cases,
        # every transcript is a row, one with nothing charted too: the heat map says how many
        "empty_cases": sum(
            1 for c in matrix.cases if not any(matrix.count(c, k) for k in used_codes)
        ),
        "codes": [
            {
                "id": k,
                "name": matrix.names.get(k, k),
                # a column by its code's id, a new code by its name (project.<its name>)
                "shown": shown_code(k, matrix.names.get(k), matrix.names),
            }
            for k in used_codes
        ],
        # a row is a case: those of several participants' talk named (a focus group)
        "speakers_note": matrix.speakers_note,
        "rows": [
            {
                "case": matrix.row_label(c),
                "cells": [
                    {
                        "count": matrix.count(c, k),
                        "alpha": round(matrix.count(c, k) / top, 3),
                        "quotes": [_quote_view(q, anchors) for q in matrix.cell(c, k).quotes],
                    }
                    for k in used_codes
                ],
            }
            for c in matrix.cases
        ],
    }


def _side_view(side: Any, anchors: Mapping[str, str]) -> dict[str, Any]:
    return {
        "segments": side.segments,
        "participants": side.participants,
        # "P09, P10 (code unsure)": as the .csv/.xlsx table lists them
        "participant_list": side.participant_list(),
        "quotes": [_quote_view(q, anchors) for q in side.quotes],
    }


def table2_view(table: Any, anchors: Mapping[str, str]) -> list[dict[str, Any]]:
    from ..codebook import named_code
    from ..framework import NEW_CODES_DOMAIN, NO_DOMAIN, OTHER_DOMAIN

    return [
        {
            "id": d.id,
            "name": d.name,
            # a codebook's domain by its id and name, the rows of codes under none by heading
            "heading": d.name
            if d.id in (NEW_CODES_DOMAIN, NO_DOMAIN, OTHER_DOMAIN)
            else f"{d.id} {d.name}",
            "constructs": [
                {
                    "code_id": c.code_id,
                    "name": c.name,
                    "label": named_code(c.code_id, c.name),
                    "barriers": _side_view(c.barriers, anchors),
                    "enablers": _side_view(c.enablers, anchors),
                    "neutral": _side_view(c.neutral, anchors),
                }
                for c in d.constructs
            ],
        }
        for d in table.domains
    ]


RATING_CSS = {"+2": "rp2", "+1": "rp1", "0": "r0", "-1": "rm1", "-2": "rm2", "X": "rx"}


def ratings_view(ratings: Any, anchors: Mapping[str, str]) -> dict[str, Any]:
    return {
        "cases": ratings.cases,
        "codes": [{"id": k, "name": ratings.names.get(k, k)} for k in ratings.codes],
        "rows": [
            {
                "case": c,
                "cells": [
                    None
                    if (r := ratings.get(c, k)) is None
                    else {
                        "rating": r.rating,
                        "css": RATING_CSS[r.rating],
                        "reason": r.reason,
                        "n": rating_segments(r),
                        "thin": thin_rating(r),
                    }
                    for k in ratings.codes
                ],
            }
            for c in ratings.cases
        ],
        "entries": [
            {
                "case": r.case,
                "code_id": r.code_id,
                "name": r.name,
                "rating": r.rating,
                "css": RATING_CSS[r.rating],
                "reason": r.reason,
                # a rating's quotes mix its barrier, enabler and neutral segments: each says its
                # side, so a neutral quote at p=1.00 is not read against the winning side's mean
                "quotes": [{**_quote_view(q, anchors), "side": q.valence} for q in r.quotes],
            }
            for r in ratings
        ],
    }


def rating_segments(r: Any) -> int:
    """The number of charted segments a suggested rating rests on."""
    return int(r.barriers + r.enablers + r.neutral)


def thin_rating(r: Any) -> bool:
    """Whether a suggested rating rests on weak evidence: at most :data:`THIN_RATING` segments,
    or a mean code probability below :data:`~roqa_nlp.framework.SURE_CODE`."""
    return rating_segments(r) <= THIN_RATING or r.mean_probability < SURE_CODE


def verdict_shown(verdict: Any) -> dict[str, Any]:
    """A saturation verdict as the report shows it: its answer, its cause and the sentences
    after them (:func:`~roqa_nlp.framework.verdict_sentences`, every one in full); a verdict
    with no answer (made before s68) is its message alone."""
    from ..framework import verdict_sentences

    if not verdict.answer:
        return {"answer": verdict.message, "cause": "", "more": []}
    return {
        "answer": verdict.answer,
        "cause": verdict.cause,
        "more": verdict_sentences(verdict)[1:],
    }


def saturation_view(sat: Any, *, person: bool = False) -> dict[str, Any]:
    """The saturation verdicts and each interview's new codes, each with its segments in the
    interview and their highest probability (a person's codes with their segments only), and
    ``code unsure`` when it rests only on suggestions below
    :data:`~roqa_nlp.framework.SURE_CODE` (:attr:`~roqa_nlp.framework.Saturation.unsure_new`)."""
    unsure = sat.unsure_new or [[] for _ in sat.interviews]
    judged = [
        {
            "n": sat.number(i),
            "id": tid,
            "participant": p,
            "new": [
                sat.code_label(k)
                if k not in support
                else f"{sat.code_label(k)} ({support[k][0]})"
                if person
                else f"{sat.code_label(k)} ({support[k][0]}, "
                + (
                    f"p={below_line(support[k][1], SURE_CODE)}, code unsure)"
                    if k in doubtful
                    else f"p={support[k][1]:.2f})"
                )
                for k in new
            ],
            "cumulative": cum,
            "open_coding": n_open,
            "stopping_rule": rule,
        }
        for i, (tid, p, new, cum, n_open, support, doubtful, rule) in enumerate(
            zip(
                sat.interviews,
                sat.participants,
                sat.new_codes,
                sat.cumulative,
                sat.open_coding,
                sat.new_support,
                unsure,
                sat.stopping_rule(),
                strict=True,
            ),
            1,
        )
    ]
    # the transcripts a review did not reach, in their place in the study's order (as the .csv)
    unreached = {t for t, _, _ in sat.not_reviewed}
    each = iter(judged)
    interviews = [
        {
            "n": row[0],
            "id": row[1],
            "participant": row[2],
            "new": [],
            "cumulative": "",
            "open_coding": "",
            "stopping_rule": "not reviewed",
        }
        if row[1] in unreached
        else next(each)
        for row in sat.rows()[1:]
    ]
    return {
        "interviews": interviews,
        "agreeing_only": sat.agreeing_only_note(),
        "groups": sat.groups_note(),
        "francis": sat.francis,
        "guest": sat.guest,
        # the answer shown first, its cause beside it, the other sentences below (s68, verdict)
        "francis_said": verdict_shown(sat.francis),
        "guest_said": verdict_shown(sat.guest),
        "runs": [
            {
                "first": sat.number(r.first),
                "last": sat.number(r.last),
                "new": r.new,
                "ratio": r.ratio,
            }
            for r in sat.guest.runs
        ],
        "left_out": sat.left_out,
        "not_reviewed": (note := sat.not_reviewed_note())[:1].upper() + note[1:],
        "order_note": sat.order_note,
        "by_participant": sat.by_participant,
    }


def reliability_view(data: Any) -> dict[str, Any] | None:
    """Reliability data from ``result.meta["reliability"]``, when gold labels were available.

    Accepted shapes: ``{"probabilities": [...], "correct": [...]}`` (top-1 probability and
    whether the top suggestion matched the gold code, per segment), or ``{"bins": [{"confidence",
    "accuracy", "count"}, ...]}``. Anything else is ignored (the section says so).
    """
    from . import plots

    if not isinstance(data, Mapping):
        return None
    try:
        if "bins" in data:
            bins = [
                {k: float(b[k]) for k in ("confidence", "accuracy", "count")} for b in data["bins"]
            ]
        else:
            bins = plots.reliability_bins(
                [float(p) for p in data["probabilities"]], list(data["correct"])
            )
    except (KeyError, TypeError, ValueError):
        return None
    return {
        "bins": bins,
        "ece": plots.expected_calibration_error(bins),
        "n": int(sum(b["count"] for b in bins)),
        "source": str(data.get("source", "")),
    }


def _candidate(c: Any) -> dict[str, Any]:
    if hasattr(c, "to_dict"):
        c = c.to_dict()
    if not isinstance(c, Mapping) or "segment_ids" not in c:
        raise RoqaError(
            "an open-coding candidate has no segment_ids",
            hint="give dicts with id, label or keywords, and segment_ids",
        )
    kw = [str(k) for k in c.get("keywords") or []]
    size = c.get("size")
    return {
        # a candidate code needs two segments: roqa marks one alone ``grouped`` false, and files
        # written before it did give its size as 1
        "grouped": c.get("grouped") is not False
        and not (isinstance(size, int) and not isinstance(size, bool) and size < 2),
        "id": str(c.get("id", "")),
        "label": str(c.get("label") or ", ".join(kw[:3]) or c.get("id", "")),
        "keywords": kw,
        "segment_ids": [str(s) for s in c["segment_ids"]],
        # talk set aside as small talk or background that recurs across interviews: no candidate
        "set_aside": c.get("set_aside") is True,
    }


def _candidates(open_coding: Iterable[Any] | None) -> list[dict[str, Any]]:
    """The entries of ``open_coding`` (an :class:`~roqa_nlp.open_coding.OpenCodingQueue`: all
    of it, not only its candidate codes), as :func:`_candidate` reads them."""
    from ..open_coding import OpenCodingQueue

    if isinstance(open_coding, OpenCodingQueue):
        open_coding = open_coding.everything()
    return [_candidate(c) for c in open_coding or []]


def stale_group_members(
    result: CodingResult, open_coding: Iterable[Any] | None
) -> dict[tuple[bool, bool], int]:
    """How many segments the candidate groups (and the groups of recurring set-aside talk)
    list that no longer fit no code in ``result``, by ``(set_aside, missing)``: of a group of
    set-aside talk or a candidate group, and not in ``result`` at all (a codings.jsonl cut
    short) or coded there since the groups were made. The report leaves them out."""
    ids = {s.segment.id for s in result}
    waiting = {s.segment.id for s in result if s.for_open_coding}
    novel = {s.segment.id for s in result if s.novel}
    counts: dict[tuple[bool, bool], int] = {}
    for c in _candidates(open_coding):
        if not c["grouped"]:
            continue
        for sid in c["segment_ids"]:
            if sid not in (novel if c["set_aside"] else waiting):
                key = (c["set_aside"], sid not in ids)
                counts[key] = counts.get(key, 0) + 1
    return counts


def stale_candidates(result: CodingResult, open_coding: Iterable[Any] | None) -> int:
    """How many segments the groups of ``open_coding`` list that no longer fit no code in
    ``result`` (coded, or gone, since the groups were made: :func:`stale_group_members`)."""
    return sum(stale_group_members(result, open_coding).values())


def stale_groups_said(result: CodingResult, open_coding: Iterable[Any] | None) -> str | None:
    """What ``roqa report`` warns of the :func:`stale_group_members` (None when there are
    none): those coded since and those missing from the codings, of each kind of group."""
    counts = stale_group_members(result, open_coding)
    said = []
    for aside in (False, True):
        groups = "groups of set-aside talk" if aside else "candidate groups"
        if n := counts.get((aside, False)):
            said.append(
                f"{n} segment(s) of its {groups} no longer fit no code in these codings (coded "
                "since the groups were made)"
            )
        if n := counts.get((aside, True)):
            said.append(f"{n} segment(s) of its {groups} are not in these codings")
    return "; ".join(said) or None


def recurring_set_aside_groups(
    result: CodingResult, open_coding: Iterable[Any] | None
) -> list[dict[str, Any]]:
    """The groups of ``open_coding`` marked ``set_aside`` (talk set aside as small talk or
    background that recurs across interviews, :func:`~roqa_nlp.open_coding.recurring_set_aside`)
    with only the members still set aside in ``result``, each with its ``transcripts`` and
    ``participants`` (natural order); a group left with one member, or in one interview, is no
    longer one."""
    from ..transcripts import natural_key

    aside = {s.segment.id: s.segment.transcript_id for s in result if s.novel and s.off_topic}
    out = []
    for c in _candidates(open_coding):
        if not (c["grouped"] and c["set_aside"]):
            continue
        members = [sid for sid in c["segment_ids"] if sid in aside]
        tids = sorted({aside[sid] for sid in members}, key=natural_key)
        if len(members) < 2 or len(tids) < 2:
            continue
        participants = sorted({result.participant_of(t) for t in tids}, key=natural_key)
        out.append({**c, "segment_ids": members, "transcripts": tids, "participants": participants})
    return out


def open_coding_view(
    result: CodingResult,
    open_coding: Iterable[Any] | None,
    views: Mapping[str, dict[str, Any]],
    places: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """Novel segments, grouped by the candidate codes when they are given (a segment alone is
    listed as not grouped, with no label); small talk and background listed apart, the groups
    of it that recur across interviews first (:func:`recurring_set_aside_groups`). ``rule``:
    the grouping rule the segments not grouped fell short of (:func:`grouping_rule`). Each
    list's segments, a group's too, are in the study's order (``places``, default
    :func:`segment_places` of the result's :func:`ordered_transcripts`)."""
    from ..open_coding import recurring_clause

    if places is None:
        places = segment_places(ordered_transcripts(result))
    novel = [s.segment.id for s in result if s.for_open_coding]
    waiting = set(novel)
    groups = []
    grouped: set[str] = set()
    for c in _candidates(open_coding):
        if not c["grouped"] or c["set_aside"]:
            continue
        # only the members still waiting for open coding: a group written before they were
        # coded (an older open_coding.jsonl beside re-coded codings) is not shown as current
        segs = in_study_order(
            [views[sid] for sid in c["segment_ids"] if sid in views and sid in waiting], places
        )
        if not segs or (len(segs) < 2 <= len(c["segment_ids"])):
            continue  # a group left with one member is no group: listed as not grouped
        grouped.update(v["id"] for v in segs)
        groups.append({**c, "segments": segs})
    rest = in_study_order([views[sid] for sid in novel if sid not in grouped], places)
    recurring = [
        {**g, "segments": in_study_order([views[sid] for sid in g["segment_ids"]], places)}
        for g in recurring_set_aside_groups(result, open_coding)
    ]
    in_recurring = {sid for g in recurring for sid in g["segment_ids"]}
    off_topic = in_study_order(
        [views[s.segment.id] for s in result if s.novel and s.off_topic], places
    )
    return {
        "total": len(novel),
        "clustered": open_coding is not None,
        "groups": groups,
        "ungrouped": rest,
        "off_topic": off_topic,
        "set_aside_groups": recurring,
        "n_set_aside_grouped": len(in_recurring),
        # said beside the overview's count of small talk: they may be themes
        "recurring_said": recurring_clause([len(g["segments"]) for g in recurring])
        if recurring
        else "",
        # the small talk and background in no recurring group, listed flat at the end
        "off_topic_rest": [v for v in off_topic if v["id"] not in in_recurring],
        "rule": grouping_rule(result, open_coding),
    }


def grouping_rule(result: CodingResult, open_coding: Iterable[Any] | None) -> dict[str, str]:
    """The rule the open-coding queue was grouped by, for the report to say why a segment is
    not grouped (a cut-off, not a finding that it is unlike the others): the grouping distance
    and fewest segments of a candidate code the queue records
    (:class:`~roqa_nlp.open_coding.OpenCodingQueue`), else those ``roqa code --group-distance
    / --min-group-size`` recorded in the run (``result.meta["open_coding"]``), else the
    defaults (the distance for the result's segment unit)."""
    from ..open_coding import MIN_GROUP_SIZE, RULE_KEY, OpenCodingQueue, distance_threshold_for

    recorded = result.meta.get(RULE_KEY) if isinstance(result.meta, dict) else None
    recorded = recorded if isinstance(recorded, dict) else {}
    queue = open_coding if isinstance(open_coding, OpenCodingQueue) else None
    distance = getattr(queue, "distance_threshold", None)
    if distance is None:
        distance = recorded.get("distance_threshold")
    if not isinstance(distance, (int, float)) or isinstance(distance, bool):
        distance = distance_threshold_for(result)
    size = getattr(queue, "min_group_size", None)
    if size is None:
        size = recorded.get("min_group_size")
    if type(size) is not int:
        size = MIN_GROUP_SIZE
    return {"distance": f"{distance:g}", "min_size": str(size)}


def flatten(
    d: Mapping[str, Any],
    prefix: str = "",
    depth: int = 0,
    segments: Collection[str] = (),
    coded: Collection[str] | None = None,
) -> list[tuple[str, str]]:
    """Nested metadata as ``(dotted.key, value)`` rows; long lists and deep dicts summarised.
    A record of some of the ``segments`` (their ids as its keys or items: a translation's
    ``crosswalk.split``) is one row counting them, not a row each (185 rows on a 13-interview
    study charted in another codebook); the run's ``run.json`` keeps it whole. Given the
    ``coded`` segments (neither procedural nor fitting no code), the row says how many of them
    it counts when it counts others too, as the terminal and the notes count the coded alone
    (study9 s79, 7: "crosswalk.tied 13 segments" beside "tied on 3 segments"). So is what a
    model card keeps by the hashes of decided segments' words (``feedback.decided``: 19 rows of
    ``[["OS.D"], ""]`` after one round, tester learning, s59)."""
    rows: list[tuple[str, str]] = []
    for k, v in d.items():
        key = f"{prefix}{k}"
        if _of_segments(v, segments):
            rows.append((key, _segments_counted(v, coded)))
        elif _by_text_hash(v):
            one = len(v) == 1
            whose = "its" if one else "their"
            rows.append(
                (key, f"{len(v)} decided segment{'' if one else 's'}, by a hash of {whose} words")
            )
        elif isinstance(v, Mapping) and depth < 2:
            rows.extend(flatten(v, key + ".", depth + 1, segments, coded))
        elif isinstance(v, (list, tuple)) and v and all(isinstance(i, Mapping) for i in v):
            # records (a model's decisions files, its codings): a line each, not escaped JSON
            # (adapt tester, s42: feedback.decisions_files [{&#34;name&#34;: ...}])
            rows.append((key, "\n".join(_record_line(i) for i in v)))
        elif isinstance(v, (list, tuple)) and len(v) > 12:
            rows.append((key, f"{len(v)} items"))
        else:
            text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
            rows.append((key, text if len(text) <= 300 else text[:297] + "..."))
    return rows


def _by_text_hash(value: Any) -> bool:
    """Whether ``value`` is a mapping keyed by the short hashes of segments' words
    (:func:`~roqa_nlp.training.text_hashes`): what a model card keeps of each decided segment."""
    from ..training import TEXT_HASH_DIGITS

    return (
        isinstance(value, Mapping)
        and bool(value)
        and all(
            isinstance(k, str)
            and len(k) == TEXT_HASH_DIGITS
            and all(c in "0123456789abcdef" for c in k)
            for k in value
        )
    )


def _segments_counted(ids: Collection[str], coded: Collection[str] | None) -> str:
    """A Run row's count of a record of segments (``ids``): ``13 segments (3 coded, 10
    procedural or fitting no code)`` when it counts others than the ``coded`` ones."""
    n = len(ids)
    said = f"{n} segment{'' if n == 1 else 's'}"
    if coded is None:
        return said
    k = sum(1 for i in ids if i in coded)
    return said if k == n else f"{said} ({k} coded, {n - k} procedural or fitting no code)"


def _of_segments(value: Any, segments: Collection[str]) -> bool:
    """Whether ``value`` is a record of some of ``segments``: a mapping or list whose keys or
    items are all their ids."""
    if not isinstance(value, (Mapping, list, tuple)) or not value:
        return False
    return all(isinstance(i, str) and i in segments for i in value)


def _record_line(record: Mapping[str, Any]) -> str:
    """One record of a card's list (a decisions file, codings) as a line of the model card: its
    name or path, then its counts (``n_decisions`` 28: "28 decisions"; ``text_sha256``, the
    segments learnt from a decisions file, by their hashes), other fields and its SHA-256 cut
    to the first 12 characters; "(given in memory)" for one with none of them."""
    lead = record.get("name", record.get("path"))
    counts, others, hashes = [], [], []
    for k, v in record.items():
        if k in ("name", "path") or v is None:
            continue
        if k == "text_sha256" and isinstance(v, list):  # the segments learnt from the file
            one = len(v) == 1
            counts.append(
                f"{len(v) or 'no'} segment{'' if one else 's'} learnt from it"
                + ((" (a hash of its words)" if one else " (hashes of their words)") if v else "")
            )
        elif k == "sha256" or k.endswith("_sha256"):
            hashes.append(f"{k} {str(v)[:12]}…")
        elif k.startswith("n_"):
            what = k[2:].replace("_", " ")
            counts.append(f"{v} {what[:-1] if v == 1 and what.endswith('s') else what}")
        else:
            others.append(f"{k} {v if isinstance(v, str) else json.dumps(v, default=str)}")
    rest = ", ".join([*counts, *others, *hashes])
    line = f"{lead}: {rest}" if lead is not None and rest else str(lead) if lead else rest
    line = line or "(given in memory)"
    return line if len(line) <= 300 else line[:297] + "..."


__all__ = ["ReportOptions", "render_report", "write_report"]


def _model_name(card: dict[str, Any]) -> str:
    """The embedding model's name, whether the card holds a name or a description dict."""
    emb = card.get("embedding_model") or card.get("name") or ""
    if isinstance(emb, dict):
        return str(emb.get("name") or "")
    return str(emb)


def _backend_used(model: Any, card: Mapping[str, Any]) -> dict[str, Any] | None:
    """The embedding backend run.json records (``model.embedding_backend_kind``, or the kind given
    as ``embedding_backend`` before that was recorded), its build (the backend card's hash, first
    12 characters) and the backend the model card's metrics were measured with (its
    ``embedding_model.backend``, torch when not said); None for torch or when not recorded."""
    if not isinstance(model, Mapping):
        return None
    from ..backends import FAST_BACKENDS

    kind = model.get("embedding_backend_kind") or model.get("embedding_backend")
    if kind not in FAST_BACKENDS:
        return None
    emb = card.get("embedding_model")
    trained = emb.get("backend") if isinstance(emb, Mapping) else None
    build = model.get("embedding_backend_sha256")
    return {
        "kind": kind,
        "build": build[:12] if isinstance(build, str) else None,
        "metrics_by": (trained or "torch") if "metrics" in card else None,
    }
