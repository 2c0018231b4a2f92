/* roqa report: review controls and the decisions file.
 *
 * Plain JavaScript, no libraries, no network. Decisions are kept per segment and saved as
 * decisions.csv (segment_id,decision,code_id,new_code,note,text[,valence[,suggestion]]; UTF-8
 * with a byte order mark, a cell that would run as a formula with a "'" before it, as every CSV
 * roqa writes for a spreadsheet; suggestion: the suggested code a recode replaced, so that it is
 * shown there again) through a Blob download, the file `roqa train --feedback` reads. They are
 * also kept in this browser's localStorage, twice: per report and place (the segments' state,
 * under "roqa-decisions:" + report id + the page's path, so that a copy elsewhere starts afresh)
 * and per place (the decisions
 * with each segment's text, under "roqa-review:" + the page's path), so that a report written
 * again in the same place (a folder coded again with an interview added: other segments, another
 * report id) finds the review; "Clear" forgets them. Two tabs of the report share one review
 * (sync: each writes its changes on top of the other's and takes the other's in). What Save
 * decisions last saved is kept there too ("roqa-saved:" + report id + path), so that the toolbar
 * says how many segments are not saved yet (showUnsaved). Clearing the browser's data loses them:
 * only "Save decisions" keeps a review safe.
 *
 * The page starts from the decisions `roqa report --decisions` embedded in it (#roqa-decisions:
 * rows already matched to this report's segments, only those that stand once later rows are read:
 * roqa_nlp.decisions.standing, which standingRows ports for a file loaded here; those matching
 * no segment, #roqa-unmatched, are said in the status line and saved back unchanged); a review kept in this place by an earlier
 * version of the report wins over them for the segments it has, and a review kept for this very
 * report wins over both (read as a carried file is when the folder was coded again with other
 * suggestions, the same segments: fitted). A review an older page kept under "roqa-decisions:" + report id alone
 * (roqa before the review was kept per place) is read when this page keeps none: this report's
 * id, else that of the report this page was written over (data-earlier-report-id), carried in by
 * segment id, then moved to this page's keys (legacyKey, earlierKey). "Load decisions…" reads a saved decisions.csv and applies it, each
 * decision matched to a segment by its text first (ids move when transcripts are coded again),
 * then by its id, then by nearly the same words (a transcript corrected since the review, said
 * in the status line); its rows matching no segment are kept and saved back as the carried ones
 * are (keepUnmatched), except on a pseudonymised page, which keeps and writes none (they may hold
 * names), as roqa report --decisions leaves them out of it, and its rows are read after those the page holds for their segments
 * (underPageRows): the rule of roqa_nlp.decisions.match_decisions, its thresholds given by
 * Python (#roqa-near-text); a file saved from the report charted in CFIR 2.0 (decisions on codes
 * of another codebook) is read in this report's codes as roqa_nlp.decisions_crosswalk reads it,
 * from the mapping Python writes into the page (#roqa-crosswalk), and a review made in CFIR 2009
 * loaded into this report charted in CFIR 2.0 on the CFIR 2.0 codes it shows, as
 * roqa_nlp.decisions_crosswalk.in_charted_codes reads it; the review of an earlier
 * version is matched and read the same way. A note on a segment with no decision is saved as a row of
 * its own, decision "note" (roqa train ignores it). The valence buttons under a segment's
 * suggestions correct the model's valence: saved as a row of its own, decision "valence" with the
 * column valence (barrier, enabler or neutral), restored like any other decision. A segment whose
 * every suggestion shown is rejected (x, or each reject button) and nothing else decided is saved
 * with a "no-code" row too (it fits no code: decisions.no_code_rows, which roqa code --out adds
 * when it carries a review into codings made again, where a retrained model may suggest other
 * codes); any other decision on the segment, or a reject taken back, takes it back. A "no-code"
 * row loaded on a segment whose shown suggestions it does not all reject (the codings were made
 * again since) is shown as "Also decided: fits no code" and saved back as it came, unless the
 * page gives the segment a code: the reviewer's code then stands and the row is left out while it
 * does (standingExtra), as apply-decisions would keep the later of the two. A group of
 * the open-coding queue names a new code for its ticked segments at once: each is given it as
 * its own new-code box gives it (nameGroup).
 *
 * A report of a person's codings (body[data-read-only]: roqa apply-decisions, roqa import) has
 * nothing to review: no controls, no decision kept or saved, nothing written to localStorage;
 * the transcript picker and a filter of coded / uncoded segments work as in a model's report.
 */
(function () {
  "use strict";

  /* the column valence is written when a segment's valence is corrected (a file without it
     reads as before) */
  var HEADER = ["segment_id", "decision", "code_id", "new_code", "note", "text"];
  var VALENCES = ["barrier", "enabler", "neutral"];
  /* the suggestions of a segment that its review must reject to decide it fits no code: the
     first three (roqa_nlp.decisions.REJECT_ALL, the report's SHOWN_SUGGESTIONS) */
  var REJECT_ALL = 3;
  var codes = JSON.parse(document.getElementById("roqa-codes").textContent || "[]");
  /* the codes a decision may name on this page (isOtherCode), found when first needed */
  var knownCodes = null;
  var embeddedNode = document.getElementById("roqa-decisions");
  var embedded = embeddedNode ? JSON.parse(embeddedNode.textContent || "[]") : [];
  /* what reading a loaded file as Python reads it needs, written by Python from its own rules
     and data (never by hand here): #roqa-crosswalk, roqa_nlp.decisions_crosswalk.page_crosswalk
     (the codes of the other codebooks documented as mapping onto this report's, the code each
     stands for, and the codes each segment showed charted in them); #roqa-near-text, the
     thresholds of roqa_nlp.decisions.NEAR_TEXT and NEAR_MARGIN, and the mark roqa import
     writes in the note column of each decision row of a review made in a QDA program
     (roqa_nlp.decisions.QDA_REVIEW_NOTE) */
  function jsonOf(id, empty) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent || empty) : JSON.parse(empty);
  }
  var crosswalk = jsonOf("roqa-crosswalk", "{}");
  /* the ids of the other built-in codebooks' codes (roqa_nlp.decisions.ids_elsewhere): read
     through a mapping or in the model's codes, never a code the codebook lacks (lacksCode) */
  var otherIds = jsonOf("roqa-other-ids", "[]");
  var near = jsonOf("roqa-near-text", "{}");
  /* Whether a row's note is the mark of a review made in a QDA program ("REFI-QDA review by
     Alice"), as roqa_nlp.decisions.from_qda_review tells it: where the row came from, no note of
     the reviewer's; apply-decisions reads a valence alone on such a row as keeping its code, and
     roqa train names the reviewer by it, so the page keeps it and writes it back (mark) */
  var qdaMark = String(near.qda_review_note || "").split("{coder}");
  function isMark(note) {
    var s = String(note || "").trim();
    if (qdaMark.length !== 2) return false;
    var head = qdaMark[0], tail = qdaMark[1];
    return s.length > head.length + tail.length && s.indexOf(head) === 0 &&
      s.slice(s.length - tail.length) === tail;
  }
  /* the rows of the review carried in (roqa report --decisions, roqa code) that match no
     segment of this report, as the decisions file has them, and the line saying so: Save
     decisions writes them back unchanged after the page's own rows, so that a file saved here
     loses none (roqa_nlp.report.unmatched_view) */
  var unmatchedCarried = jsonOf("roqa-unmatched", "{}");
  var carriedUnmatched = Array.isArray(unmatchedCarried.rows) ? unmatchedCarried.rows : [];
  /* the rows of files loaded here (Load decisions…) that match no segment of this report, as
     the file has them: saved back after the carried ones, as they are, so that a file loaded and
     saved again loses none; kept in this browser for this report and place (unmatchedKey), each
     once (a file loaded twice, or one saved from this page holding the carried rows, adds none
     again), until Clear */
  var COLUMNS = HEADER.concat(["valence", "suggestion"]);
  var loadedUnmatched = [];
  var reportId = document.body.getAttribute("data-report-id") || "report";
  var readOnly = document.body.hasAttribute("data-read-only");
  var storeKey = "roqa-decisions:" + reportId + ":" + window.location.pathname;
  var unmatchedKey = "roqa-unmatched:" + reportId + ":" + window.location.pathname;
  /* the review kept for whatever report is written at this place: {report, rows} (rows as in
     decisions.csv, a row with no decision keeping a segment decided on and taken back) */
  var placeKey = "roqa-review:" + window.location.pathname;
  /* Whether this page shows pseudonymised codings (body[data-pseudonymised]: roqa code
     --pseudonymise), kept with the place's review (pseudonymised: true) by a page that is: a
     pseudonymised page takes the decisions of a place's review kept by a page that was not (or
     by a page from before this was kept) but not its notes, which may name the people the
     pseudonymising took out (hunt s78 F3); carryFromPlace leaves them out and says so. */
  var pseudonymisedPage = document.body.hasAttribute("data-pseudonymised");
  /* The transcripts of a pseudonymised page its codings record as pseudonymised
     (#roqa-pseudonymised; every one when the page gives none): a bracket in the talk of another
     ("[inaudible]") is no pseudonym (session 80 hunt6 F6). */
  var pseudonymisedNode = document.getElementById("roqa-pseudonymised");
  var pseudonymisedTranscripts = pseudonymisedNode ? JSON.parse(pseudonymisedNode.textContent || "[]") : null;
  function pseudonymisedHere(segmentId) {
    return pseudonymisedPage && (pseudonymisedTranscripts === null ||
      pseudonymisedTranscripts.indexOf(transcriptPart(segmentId)) >= 0);
  }
  /* The keys an older page (roqa before the review was kept per place) kept its review under,
     "roqa-decisions:" + its report id alone, in the state's own shape: this report's id (its
     segments unchanged), then the id of the report this page was written over
     (data-earlier-report-id, which Python reads from that page: the folder coded again). Read
     when this page keeps nothing of its own, then moved to storeKey (legacyFound). */
  var earlierId = document.body.getAttribute("data-earlier-report-id") || "";
  var legacyKey = "roqa-decisions:" + reportId;
  var earlierKey = earlierId && earlierId !== reportId ? "roqa-decisions:" + earlierId : "";
  var legacyFound = "";
  /* segment id -> {codes: {suggested code: {decision, target[, from]}}, newCode, note, valence,
     extra [, before][, mark][, more]}; from: on an accept, the suggestion a recode to this code
     replaced (a string, "" when the file named none), saved as that recode (a recode carried
     into codings made again, whose code is suggested now: entryFromRows); note: the note in its
     box; more: the other notes a file gave the segment (each once, as written, in the file's
     order), shown under the box and saved as note rows of their own; mark: the QDA review mark (isMark) its decision rows carried, written back
     in their note column; valence: the researcher's valence for the segment or ""; before: the new code
     the segment had before a group of the open-coding queue named it (nameGroup); extra:
     decisions carried from a file that no control shows ([decision, code_id, new_code]: a code
     this report does not suggest for the segment), kept so that saving loses none */
  var state = {};
  /* the segments whose state this browser keeps (decided or loaded here, or kept from before):
     the embedded review is not copied, so a report written again with a corrected file shows it */
  var kept = {};

  function blank() {
    return { codes: {}, newCode: "", note: "", valence: "", extra: [], mark: "", more: [] };
  }

  function entry(seg) {
    kept[seg] = true;
    if (!state[seg]) state[seg] = blank();
    return state[seg];
  }

  function segmentText(review) {
    var mark = review.parentNode.querySelector("mark.seg");
    return mark ? mark.textContent : "";
  }

  /* A segment's span in its transcript and its text, from its mark's title ("p13:0003
     [275–737]"); null when the title gives none. */
  function segmentSpan(review) {
    var mark = review.parentNode.querySelector("mark.seg");
    var m = mark ? /\[(\d+)\u2013(\d+)\]$/.exec(mark.getAttribute("title") || "") : null;
    return m ? { start: +m[1], end: +m[2], text: mark.textContent } : null;
  }

  /* Whether a row (its segment id rowId, its words text as sameText reads them) matched to
     segment sid is on a selection a QDA program narrowed: its id a span of sid's transcript
     ("p13_interview:@275-732") inside sid's (segmentSpan), a part of it, whose words there are
     the row's, as roqa_nlp.decisions._narrowed_selection reads it (study8 tester, s78, L3). */
  function narrowedSelection(rowId, text, sid) {
    var m = /^(.+):@(\d+)-(\d+)$/.exec(rowId);
    if (!m || m[1] !== transcriptPart(sid)) return false;
    var review = reviewsById()[sid], span = review ? segmentSpan(review) : null;
    if (!span) return false;
    var start = +m[2], end = +m[3];
    var inside = span.start <= start && start < end && end <= span.end &&
      !(start === span.start && end === span.end);
    if (!inside || span.text.length !== span.end - span.start) return false;
    var said = sameText(span.text.slice(start - span.start, end - span.start));
    return !!said && said === text;
  }

  /* segment id -> its review block (a study has thousands: found through one map) */
  var reviewMap = null;
  function reviewsById() {
    if (!reviewMap) {
      reviewMap = {};
      var nodes = document.querySelectorAll(".review[data-segment]");
      for (var i = 0; i < nodes.length; i++) reviewMap[nodes[i].getAttribute("data-segment")] = nodes[i];
    }
    return reviewMap;
  }

  /* A cell a spreadsheet would run as a formula (= + - @, a tab or carriage return first) gets
     a "'" before it, as roqa_nlp.io.spreadsheet_safe writes it; unprotect reads it back. */
  var FORMULA_START = /^[=+\-@\t\r]/;

  function csvField(value) {
    var s = value == null ? "" : String(value);
    if (FORMULA_START.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function unprotect(s) {
    return s.charAt(0) === "'" && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
  }

  /* A segment's suggestions, and the box that codes a segment shown with none (.own-code,
     data-code "": a recode box with no suggestion to recode, saved as a recode row with no
     suggestion); every control the review keeps a decision of is a ".sugg[data-code]". */
  var SUGGESTIONS = ".sugg[data-code]:not(.own-code)";

  function shownCodes(review) {
    var codes = [];
    var items = review ? review.querySelectorAll(SUGGESTIONS) : [];
    for (var i = 0; i < items.length; i++) codes.push(items[i].getAttribute("data-code"));
    return codes;
  }

  /* Whether a segment's review decides that it fits no code, as roqa_nlp.decisions.no_code_rows
     has it: every decision on it a reject (none accepted or recoded, no new code) and those
     rejects every suggestion it shows, its first REJECT_ALL (rejects_all; any reject, when it
     shows none). A "no-code" row it holds already (loaded, carried) is not counted here. */
  function rejectsAll(review, st) {
    if (st.newCode) return false;
    var rejected = {}, any = false, other = false;
    Object.keys(st.codes).forEach(function (code) {
      if (st.codes[code].decision === "reject") { rejected[code] = true; any = true; } else other = true;
    });
    (st.extra || []).forEach(function (e) {
      /* a rejection of a code the codebook lacks is left out, as apply-decisions leaves it */
      if (e[0] === "reject") { if (!lacksCode(e)) { rejected[e[1]] = true; any = true; } }
      else if (e[0] !== "no-code") other = true;
    });
    if (other) return false;
    var shown = shownCodes(review).slice(0, REJECT_ALL);
    return shown.length ? shown.every(function (c) { return rejected[c]; }) : any;
  }

  /* Whether the page's own decisions give the segment a code (accepted, recoded to or new). */
  function givesCode(st) {
    return !!st.newCode || Object.keys(st.codes).some(function (code) {
      var d = st.codes[code].decision;
      return d === "accept" || d === "recode";
    });
  }

  /* The carried decisions no control shows that still stand: a "no-code" row loaded or carried
     is taken back while the page gives the segment a code (the reviewer's judgement now), and
     stands again when that code is taken back. */
  function standingExtra(st) {
    var extra = st.extra || [];
    return givesCode(st) ? extra.filter(function (e) { return e[0] !== "no-code"; }) : extra;
  }

  /* Whether a segment is saved with a "no-code" row: its review rejects every suggestion, or it
     holds one (loaded, carried) that stands (standingExtra). */
  function fitsNoCode(review, st) {
    return standingExtra(st).some(function (e) { return e[0] === "no-code"; }) || rejectsAll(review, st);
  }

  /* One segment's decision rows: each suggestion's decision, then its new code, then the
     carried decisions no control shows, then "no-code" when it fits no code. The segment's text
     goes with its decisions: they stay right if the transcript is coded again and its segment
     ids move. */
  function segmentRows(review, seg, st) {
    var rows = [];
    var text = segmentText(review);
    /* the note column of its decision rows: the QDA review mark they came with, else the note */
    var note = st.mark || st.note;
    var items = review.querySelectorAll(".sugg[data-code]"), order = [];
    for (var j = 0; j < items.length; j++) order.push(items[j].getAttribute("data-code"));
    /* a decision on a code no control shows (kept by a page that suggested it) is written
       too, after the shown ones: never lost (restore fits such a review to the page) */
    Object.keys(st.codes).forEach(function (code) { if (order.indexOf(code) < 0) order.push(code); });
    order.forEach(function (code) {
      var row = codeRow(seg, code, st.codes[code], note, text);
      if (row) rows.push(row);
    });
    if (st.newCode) rows.push([seg, "new-code", "", st.newCode, note, text]);
    (st.extra || []).forEach(function (e) {
      if (e[0] === "no-code") return;
      /* a recode kept beside the reject of its suggestion: that suggestion with it */
      rows.push(e[3] ? [seg, e[0], e[1], e[2], note, text, "", e[3]] : [seg, e[0], e[1], e[2], note, text]);
    });
    if (fitsNoCode(review, st)) rows.push([seg, "no-code", "", "", note, text]);
    if (st.valence) rows.push([seg, "valence", "", "", note, text, st.valence]);
    return rows.concat(noteRows(seg, st, text, rows.length > 0));
  }

  /* The row of the decision `d` on suggestion `code` (none: null): a recode, the code recoded
     to and (column suggestion) the suggestion it replaced; an accept given by a recode
     (d.from), that recode; an accept a page put on a free slot (d.carried, entryFromRows), the
     accept it is: never a recode of that slot, which training reads as the slot's code wrong
     there, a decision the researcher never made (hunt49 D3, s90); a recode moved there off the
     suggestion it replaced (d.carried "recode"), the recode of that one (d.suggestion) */
  function codeRow(seg, code, d, note, text) {
    if (!d || !d.decision) return null;
    if (d.decision === "recode" && d.carried === "accept" && d.target) {
      return [seg, "accept", d.target, "", note, text];
    }
    if (d.decision === "recode" && d.carried === "recode" && d.target && d.suggestion) {
      return [seg, "recode", d.target, "", note, text, "", String(d.suggestion)];
    }
    if (d.decision === "recode") return [seg, "recode", d.target, "", note, text, "", code];
    if (d.decision === "accept" && typeof d.from === "string") {
      return d.from ? [seg, "recode", code, "", note, text, "", d.from] : [seg, "recode", code, "", note, text];
    }
    return [seg, d.decision, code, "", note, text];
  }

  /* The "note" rows of a segment (`decided`: it has decision rows): its note, when no decision
     row carries it (none, or they carry the QDA review mark), and each other note a file gave
     it, one row each: a note on its own is lost otherwise wherever the saved file is used, and
     notes joined in one would be read as one */
  function noteRows(seg, st, text, decided) {
    var notes = st.note && (st.mark || !decided) ? [st.note] : [];
    return notes.concat(st.more || []).map(function (n) { return [seg, "note", "", "", n, text]; });
  }

  /* Decision rows in document order. */
  function decisionRows() {
    var rows = [];
    var reviews = document.querySelectorAll(".review[data-segment]");
    for (var i = 0; i < reviews.length; i++) {
      var seg = reviews[i].getAttribute("data-segment");
      if (state[seg]) rows = rows.concat(segmentRows(reviews[i], seg, state[seg]));
    }
    return rows;
  }

  /* The review this browser keeps for this place: the decisions of the segments it keeps, with
     their text; a kept segment without any (taken back, or cleared) as one row with no
     decision, so that it stays undecided in a report written here again. */
  function placeRows() {
    var rows = [], reviews = reviewsById();
    Object.keys(kept).forEach(function (seg) {
      var st = state[seg], review = reviews[seg];
      if (!st || !review) return;
      var own = segmentRows(review, seg, st);
      rows = rows.concat(own.length ? own : [[seg, "", "", "", st.note, segmentText(review)]]);
    });
    return rows;
  }

  /* A row matching no segment as the decisions file has it: its fields in the order COLUMNS,
     those after text only as far as the row fills them, as roqa_nlp.report.unmatched_view
     writes the carried ones; `r`: a row read from a file (readDecisionsCsv) or such a list. */
  function fileRow(r) {
    var row = COLUMNS.map(function (c, i) {
      var v = Array.isArray(r) ? r[i] : r[c];
      return v === undefined || v === null ? "" : String(v);
    });
    while (row.length > HEADER.length && !row[row.length - 1]) row.pop();
    return row;
  }

  /* The rows of files loaded here that match no segment, kept in this browser (keepUnmatched); none
     on a pseudonymised page, which keeps none (their words and notes may be talk from before
     pseudonymising: a name), and forgets any an older page kept there. */
  function storedUnmatched() {
    if (pseudonymisedPage) {
      try { window.localStorage.removeItem(unmatchedKey); } catch (e) { /* none kept */ }
      return [];
    }
    var rows = stored(unmatchedKey);
    return Array.isArray(rows) ? rows.filter(Array.isArray).map(fileRow) : [];
  }

  /* `rows` (loaded, matching no segment) kept with those kept already, in this tab and this
     browser: each row once, none that the page carries in already. */
  function keepUnmatched(rows) {
    var have = {}, out = [];
    carriedUnmatched.forEach(function (r) { have[JSON.stringify(fileRow(r))] = true; });
    loadedUnmatched.concat(storedUnmatched(), rows.map(fileRow)).forEach(function (r) {
      var k = JSON.stringify(r);
      if (!have[k]) { have[k] = true; out.push(r); }
    });
    loadedUnmatched = out;
    try {
      if (out.length) window.localStorage.setItem(unmatchedKey, JSON.stringify(out));
      else window.localStorage.removeItem(unmatchedKey);
    } catch (e) { /* this tab only: Save decisions still writes them */ }
  }

  function decisionsCsv() {
    var rows = decisionRows().concat(carriedUnmatched, loadedUnmatched);
    var width = rows.reduce(function (w, r) { return Math.max(w, r.length); }, HEADER.length);
    var lines = [HEADER.concat(["valence", "suggestion"]).slice(0, width).join(",")];
    rows.forEach(function (r) {
      var fields = [];
      for (var i = 0; i < width; i++) fields.push(csvField(r[i]));
      lines.push(fields.join(","));
    });
    return "\ufeff" + lines.join("\n") + "\n";
  }

  /* the rows Save decisions writes, notes left out */
  function countDecisions() {
    var n = 0, reviews = reviewsById();
    Object.keys(state).forEach(function (seg) {
      var st = state[seg];
      n += Object.keys(st.codes).length + (st.newCode ? 1 : 0) + (st.valence ? 1 : 0) +
        (st.extra || []).filter(function (e) { return e[0] !== "no-code"; }).length +
        (fitsNoCode(reviews[seg], st) ? 1 : 0);
    });
    return n;
  }

  /* -- one report open in two tabs (or windows) of a browser --------------------------------
     Both keep the review under the same key. A tab never writes it from its own memory alone,
     which would drop what the other tab decided since it opened: it writes the segments it
     changed on top of what the browser keeps now, and takes in every other segment from there
     (sync), on each change and whenever the other tab writes (the "storage" event). A segment
     taken back in one tab is stored so (an empty entry), so the other takes it back too and
     never writes it again. `synced`: segment id -> the segment's state (as keyOf writes it) as
     this tab last read or wrote it in the browser's copy; a segment whose state differs from it
     was changed here. */
  var synced = {};
  /* A segment kept in the browser by a page that suggested other codes is shown fitted to this
     page (fitted) but stays stored as it was kept until it is changed here: another page of the
     same report (coded again with its codes back, or open in another tab) reads the decisions
     the researcher made, not this page's fitting of them (hunt49 D1, D2, s89: a reject stored as
     "Also decided" showed on no control when its code came back, so deciding it again saved two
     rows). `asStored`: segment id -> [its state as stored, as fitted here] (as keyOf writes them).
     `placeBySeg`: the rows the place's review of this report keeps, by segment. */
  var asStored = {};
  var placeBySeg = {};

  /* a segment's state as the browser keeps it (`st`), fitted to this page (the review shown) */
  function fromStore(seg, st, reviews) {
    var out = reviews[seg] ? fitted(reviews[seg], seg, normal(st), placeBySeg[seg]) : normal(st);
    var was = keyOf(st), now = keyOf(out);
    if (now !== was) asStored[seg] = [was, now]; else delete asStored[seg];
    return out;
  }

  /* this tab's state of a segment (as keyOf writes it), as it is stored when it is still the
     stored state fitted here */
  function storedKeyOf(seg) {
    var mine = kept[seg] && state[seg] ? keyOf(state[seg]) : undefined;
    var as = asStored[seg];
    return as && mine === as[1] ? as[0] : mine;
  }

  /* a segment's state as kept in the browser, its fields in one order */
  function normal(st) {
    var out = { codes: st.codes && typeof st.codes === "object" ? st.codes : {}, newCode: st.newCode || "",
                note: st.note || "", valence: VALENCES.indexOf(st.valence) >= 0 ? st.valence : "",
                extra: Array.isArray(st.extra) ? st.extra : [] };
    if (typeof st.before === "string") out.before = st.before;
    if (typeof st.mark === "string" && st.mark) out.mark = st.mark;
    /* an older page kept the QDA review mark as the note: a mark, not in the box (hunt s67) */
    if (isMark(out.note)) { if (!out.mark) out.mark = String(out.note).trim(); out.note = ""; }
    var more = Array.isArray(st.more) ? st.more.filter(function (n) { return typeof n === "string" && n; }) : [];
    if (more.length) out.more = more;
    return out;
  }

  function keyOf(st) {
    return st && typeof st === "object" ? JSON.stringify(normal(st)) : undefined;
  }

  /* Merges this tab's review with the one the browser keeps: a segment changed here since the
     last sync (or every segment, `replace`: Clear) as this tab has it, every other one as the
     browser keeps it (taken into memory); `write`: the merged review is written back. Returns
     the segments taken in from the other tab, to paint. */
  function sync(write, replace) {
    var theirs = replace ? {} : stored(storeKey);
    if (!theirs || typeof theirs !== "object") theirs = {};
    var out = {}, came = [], seen = {}, segs = [], reviews = null;
    [theirs, kept, synced].forEach(function (o) {
      Object.keys(o).forEach(function (seg) { if (!seen[seg]) { seen[seg] = true; segs.push(seg); } });
    });
    segs.forEach(function (seg) {
      var mine = storedKeyOf(seg);
      var other = keyOf(theirs[seg]);
      if (replace || mine !== synced[seg]) {  /* changed here: this tab's state */
        var as = asStored[seg];
        if (as && (replace || mine !== as[0])) {
          mine = kept[seg] && state[seg] ? keyOf(state[seg]) : undefined;
          if (replace) delete asStored[seg];
        }
        /* a change taken back to the state fitted here: written as it was stored, not as
           fitted (hunt52 H1, s89: an undone valence stored the fitted state for good) */
        if (as && !replace && mine === as[0]) out[seg] = JSON.parse(as[0]);
        else if (mine !== undefined) out[seg] = state[seg];
        if (write || replace) synced[seg] = mine;
        return;
      }
      if (other !== undefined) out[seg] = theirs[seg];
      if (other !== mine) {  /* changed in the other tab */
        if (other === undefined) { delete state[seg]; delete kept[seg]; delete asStored[seg]; } else {
          reviews = reviews || reviewsById();
          state[seg] = fromStore(seg, theirs[seg], reviews);
          kept[seg] = true;
        }
        came.push(seg);
      }
      synced[seg] = other;
    });
    Object.keys(synced).forEach(function (seg) { if (synced[seg] === undefined) delete synced[seg]; });
    if (write) window.localStorage.setItem(storeKey, JSON.stringify(out));
    return came;
  }

  /* the segments another tab changed painted as it left them, and the counts */
  function paintCame(came) {
    var reviews = reviewsById();
    came.forEach(function (seg) { if (reviews[seg]) paintReview(reviews[seg], state[seg]); });
  }

  window.addEventListener("storage", function (ev) {
    /* a file loaded, or Clear, in another tab of the report */
    if (!readOnly && ev.key === unmatchedKey) loadedUnmatched = storedUnmatched();
    if (readOnly || ev.key !== storeKey) return;
    var came = sync(false);
    if (!came.length) return;
    paintCame(came);
    showCount();
  });

  var warnedFull = false;
  function save(replace) {
    try {
      paintCame(sync(true, replace));
      var place = { report: reportId, rows: placeRows() };
      if (pseudonymisedPage) place.pseudonymised = true;
      window.localStorage.setItem(placeKey, JSON.stringify(place));
    } catch (e) {
      /* private mode, or no room left: the review lives in this tab only */
      storageFailed = true;
      if (!warnedFull && Object.keys(kept).length) {
        warnedFull = true;
        showStatus("This browser could not keep the review: use Save decisions before closing the tab.");
      }
    }
    paintDecidedAll();
    showCount();
  }

  /* the toolbar's count of decisions (and of the segments not saved), the review progress
     and the open-coding groups */
  function showCount() {
    clearedSaid();
    var n = countDecisions();
    var label = document.getElementById("decision-count");
    if (label) label.textContent = n + (n === 1 ? " decision" : " decisions");
    showUnsaved();
    showProgress();
    paintGroups();
  }

  /* -- what Save decisions has not saved yet ----------------------------------------------------
     roqa apply-decisions and roqa train read the saved decisions.csv, not this browser: the
     toolbar says how many segments' rows differ from the file last saved, "(3 segments not
     saved)", or "(all saved)". What was saved is kept in this browser (savedKey: segment id ->
     its rows as saved, for every tab and after a reload); before any save, the decisions written
     into the page (roqa report --decisions, the file they came from) count as saved; a file
     loaded counts as saved for its segments. */
  var savedKey = "roqa-saved:" + reportId + ":" + window.location.pathname;
  var savedRows = null;  /* segment id -> JSON of its rows as saved; null: never saved here */
  var embeddedRows = {};
  var storageFailed = false;

  /* segment id -> [its state (keyOf), its rows]: a segment's rows are found again only when
     its state changed (a study has thousands, each found in the page) */
  var rowsCache = {};
  function rowsKey(seg) {
    var review = reviewsById()[seg], st = state[seg];
    if (!review || !st) return undefined;
    var k = keyOf(st), cached = rowsCache[seg];
    if (cached && cached[0] === k) return cached[1];
    var rows = segmentRows(review, seg, st);
    rowsCache[seg] = [k, rows.length ? JSON.stringify(rows) : undefined];
    return rowsCache[seg][1];
  }

  function currentRows(segs) {
    var out = {};
    segs.forEach(function (seg) { var k = rowsKey(seg); if (k !== undefined) out[seg] = k; });
    return out;
  }

  function unsavedCount() {
    var base = savedRows || embeddedRows, seen = {}, n = 0;
    Object.keys(state).concat(Object.keys(base)).forEach(function (seg) {
      if (seen[seg]) return;
      seen[seg] = true;
      if (!sameRows(rowsKey(seg), base[seg])) n += 1;
    });
    return n;
  }

  /* Whether two segments' rows (JSON, as rowsKey gives them) are the same rows, in any order:
     a review kept for a report coded again with other suggestions writes the rows of the codes
     no longer suggested after the others (fitted), the file saved before holding the same ones
     (daily24, s89: "47 segments not saved" after a reload, each holding the rows saved) */
  function sameRows(a, b) {
    if (a === b) return true;
    if (a === undefined || b === undefined) return false;
    var sorted = function (k) {
      try {
        return JSON.stringify(JSON.parse(k).map(function (r) { return JSON.stringify(r); }).sort());
      } catch (e) { return k; }
    };
    return sorted(a) === sorted(b);
  }

  function showUnsaved() {
    var label = document.getElementById("unsaved-count");
    if (!label) return;
    var n = unsavedCount();
    label.textContent = n ? "(" + n + (n === 1 ? " segment" : " segments") + " not saved)" :
      savedRows && Object.keys(savedRows).length ? "(all saved)" : "";
  }

  /* `segs` (every segment when none) recorded as saved as they stand, or as `as` (segment id ->
     its rows as a file has them, JSON) gives them */
  function markSaved(segs, as) {
    if (!segs) savedRows = currentRows(Object.keys(state));
    else {
      if (!savedRows) savedRows = Object.assign({}, embeddedRows);
      segs.forEach(function (seg) {
        var k = as && seg in as ? as[seg] : rowsKey(seg);
        if (k === undefined) delete savedRows[seg]; else savedRows[seg] = k;
      });
    }
    try { window.localStorage.setItem(savedKey, JSON.stringify(savedRows)); } catch (e) { /* this tab only */ }
    showUnsaved();
  }

  function restoreSaved() {
    var rows = stored(savedKey);
    savedRows = rows && typeof rows === "object" ? rows : null;
  }

  window.addEventListener("storage", function (ev) {
    if (readOnly || ev.key !== savedKey) return;
    restoreSaved();
    showUnsaved();
  });

  /* leaving the page asks first only when this browser could not keep the review and decisions
     are not saved: else they are here when the report is opened again */
  window.addEventListener("beforeunload", function (ev) {
    if (readOnly || !storageFailed || !unsavedCount()) return;
    ev.preventDefault();
    ev.returnValue = "";
  });

  /* -- the open-coding queue: a new code named for a whole group ---------------------------- */

  /* Each group of the queue (a candidate code, or set-aside talk that recurs) has a box and a
     button (.group-code) that give its ticked segments (input.group-member, all ticked in the
     page as written) a new code at once: each gets it as when it is typed in the segment's own
     new-code box (st.newCode, saved as its "new-code" row), nothing else of the segment
     changed. A segment holding a decision when the page opens, a file is loaded or the review
     is cleared starts unticked (tickUndecided), so it keeps its decisions unless it is ticked
     again; so does every segment of a group of set-aside talk (.recurring), which often mixes a
     theme with small talk: the researcher ticks those of the theme (tester s59). The button is
     pressed while every ticked segment holds the name in the box; pressed again, it takes the
     name back, as accept does: each ticked segment gets back the new code it had before the
     group named it (st.before), or none. */
  function groupMembers(control) {
    var group = control.closest(".candidate");
    return group ? Array.prototype.slice.call(group.querySelectorAll("input.group-member")) : [];
  }

  function groupName(control) {
    var box = control.querySelector("input.group-code-name");
    return box ? box.value.trim() : "";
  }

  function groupHoldsName(control) {
    var name = groupName(control);
    var ticked = groupMembers(control).filter(function (b) { return b.checked; });
    return !!name && ticked.length > 0 && ticked.every(function (b) {
      return !!state[b.value] && state[b.value].newCode === name;
    });
  }

  function tickUndecided() {
    var boxes = document.querySelectorAll("input.group-member");
    for (var i = 0; i < boxes.length; i++) {
      boxes[i].checked = !hasDecision(boxes[i].value) && !boxes[i].closest(".candidate.recurring");
    }
  }

  /* A group's segment in the queue says the new codes it holds ("named: …", as the page is
     written for a review carried in), else what its review decides otherwise ("decided: OS.A",
     "decided: fits no code": isReviewed, as roqa_nlp.decisions.decided_segments has it), or
     nothing: a segment decided fitting no code read as a candidate for a new code (tester s51). */
  function paintNamed(item, seg) {
    var st = state[seg];
    var names = st && st.newCode ? [st.newCode] : [];
    ((st && st.extra) || []).forEach(function (e) { if (e[0] === "new-code") names.push(e[2]); });
    var said = names.length ? "named: " + names.join(", ")
      : isReviewed(seg) ? "decided: " + (decidedCodes(st).join(", ") || "fits no code") : "";
    var span = item.querySelector("span.named");
    if (!said) { if (span) span.remove(); return; }
    if (!span) {
      span = document.createElement("span");
      span.className = "named";
      if (!/\s$/.test(item.textContent)) item.appendChild(document.createTextNode(" "));
      item.appendChild(span);
    }
    span.textContent = said;
  }

  /* The codes a segment's review gives it (accepted, recoded to; carried rows no control shows
     too, those on a code the codebook lacks left out), in the order decided. */
  function decidedCodes(st) {
    var out = [];
    function add(c) { if (c && out.indexOf(c) < 0) out.push(c); }
    Object.keys(st.codes).forEach(function (code) {
      var d = st.codes[code];
      add(d.decision === "recode" ? d.target : d.decision === "accept" ? code : "");
    });
    standingExtra(st).forEach(function (e) {
      if ((e[0] === "accept" || e[0] === "recode") && !lacksCode(e)) add(e[1]);
    });
    return out;
  }

  function paintGroups() {
    var controls = document.querySelectorAll(".group-code[data-candidate]");
    for (var i = 0; i < controls.length; i++) {
      var button = controls[i].querySelector("button.group-code-apply");
      var members = groupMembers(controls[i]);
      var pressed = groupHoldsName(controls[i]);
      if (button) {
        button.disabled = !groupName(controls[i]) || !members.some(function (b) { return b.checked; });
        button.setAttribute("aria-pressed", pressed ? "true" : "false");
        button.textContent = pressed ? "Take back" : "Name them";
      }
      members.forEach(function (b) { paintNamed(b.closest("li"), b.value); });
    }
  }

  function nameGroup(control) {
    var name = groupName(control);
    if (!name) return;
    var takeBack = groupHoldsName(control), reviews = reviewsById();
    groupMembers(control).forEach(function (b) {
      if (!b.checked) return;
      var st = entry(b.value);
      if (takeBack) {
        st.newCode = st.before || "";
        delete st.before;
      } else if (st.newCode !== name) {
        st.before = st.newCode;
        st.newCode = name;
      }
      var nc = reviews[b.value] && reviews[b.value].querySelector("input.new-code");
      if (nc) { nc.value = st.newCode; nc.classList.toggle("has-value", !!st.newCode); }
    });
    save();
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest("button.group-code-apply");
    if (button) nameGroup(button.closest(".group-code"));
  });
  document.addEventListener("change", function (ev) {
    if (ev.target.matches && ev.target.matches("input.group-member")) paintGroups();
  });
  document.addEventListener("input", function (ev) {
    if (ev.target.matches && ev.target.matches("input.group-code-name")) paintGroups();
  });
  /* Enter in a group's box presses its button */
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" || !ev.target.matches || !ev.target.matches("input.group-code-name")) return;
    ev.preventDefault();
    var button = ev.target.closest(".group-code").querySelector("button.group-code-apply");
    if (button && !button.disabled) button.click();
  });

  function paint(item, d) {
    /* A decision on a folded suggestion (talk that fits no code) stays in sight. */
    var folded = d && item.closest("details.set-aside");
    if (folded) folded.setAttribute("open", "");
    item.classList.toggle("is-accept", !!d && d.decision === "accept");
    item.classList.toggle("is-reject", !!d && d.decision === "reject");
    item.classList.toggle("is-recode", !!d && d.decision === "recode");
    var buttons = item.querySelectorAll("button[data-action]");
    for (var i = 0; i < buttons.length; i++) {
      var on = !!d && d.decision === buttons[i].getAttribute("data-action");
      buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
    }
    var box = item.querySelector("input.recode");
    if (!box) return;
    box.value = recodeShown(d);
    recodeMessage(item, "");
  }
  /* the text a suggestion's recode box shows for its decision `d`: the code recoded to, or none */
  function recodeShown(d) {
    return d && d.decision === "recode" ? labelOf(d.target) : "";
  }

  /* -- the recode box: text read as a code of the page's list (#recode-codes, "id name") -- */

  /* text with its blanks made one space between words, none around them: how the page
     compares texts spacing aside (squash, nameKey, recodeTarget, a loaded file's rows, as
     roqa_nlp.decisions.same_text) */
  function sameText(text) {
    return String(text || "").split(/\s+/).filter(Boolean).join(" ");
  }
  /* text as codes are looked up: case and spacing aside, "&" read as "and" (as Python's
     codebook.normalise_name reads a code's name) */
  function squash(text) {
    return sameText(String(text || "").toLowerCase().replace(/&/g, " and "));
  }
  function labelOf(id) {
    for (var i = 0; i < codes.length; i++) if (codes[i].id === id) return codes[i].id + " " + codes[i].name;
    return id;
  }
  /* the words of text as codes are looked up (squash), cut at spaces and at - / ( ) , : ; */
  function codeWords(text) {
    return squash(text).split(/[\s\-\/(),:;]+/).filter(Boolean);
  }
  /* whether each word of the squashed typed text t begins a word of label, in any order
     ("avail res", "resources avail": Available Resources; "knowledge beliefs") */
  function startsWords(t, label) {
    var have = codeWords(label);
    return codeWords(t).every(function (w) {
      return have.some(function (h) { return h.lastIndexOf(w, 0) === 0; });
    });
  }
  /* The codes the squashed text t names, in the first of these that any code passes: its id,
     name or "id name" is t; t is part of its "id name" ("netw", "IS.E", "readiness"); each
     typed word begins a word of its id or name, in any order ("avail res", "knowledge
     beliefs"); then the same three on the codebook's aliases of a code, other names a coder
     may use ("Staffing": INS.A.3 Work Infrastructure in CFIR 2.0; tester cfir2ui, s63), only
     when no id or name matches, but a whole alias before part of a name. Every code for no
     text. */
  function recodeHits(t) {
    if (!t) return codes.slice();
    var whole = function (s) { return s === t; };
    var part = function (s) { return s.indexOf(t) >= 0; };
    var starts = function (s, l) { return startsWords(t, l); };
    /* a whole alias before part of another code's name: "Engagement" is PR.B Engaging's alias,
       not IS.E.1 Leadership Engagement (a hunt of s63); a whole id or name before both */
    var tiers = [[codeLabels, whole], [aliasesOf, whole], [codeLabels, part], [codeLabels, starts],
                 [aliasesOf, part], [aliasesOf, starts]];
    for (var i = 0; i < tiers.length; i++) {
      var labels = tiers[i][0], test = tiers[i][1];
      var hits = codes.filter(function (c) {
        return labels(c).some(function (l) { return test(squash(l), l); });
      });
      if (hits.length) return hits;
    }
    return [];
  }
  /* the labels recodeHits matches first: a code's "id name" (id and name alone for the whole
     text); then its aliases */
  function codeLabels(c) { return [c.id + " " + c.name, c.id, c.name]; }
  function aliasesOf(c) { return c.aliases || []; }
  /* the alias of c the squashed text t was found by (recodeHits), "" when its id or name
     matches: the recode list shows it beside the code's own name */
  function aliasFound(c, t) {
    var label = c.id + " " + c.name;
    if (!t || squash(label).indexOf(t) >= 0 || startsWords(t, label)) return "";
    var tests = [
      function (a) { return squash(a) === t; },
      function (a) { return squash(a).indexOf(t) >= 0; },
      function (a) { return startsWords(t, a); }
    ];
    for (var i = 0; i < tests.length; i++) {
      var found = aliasesOf(c).filter(tests[i])[0];
      if (found) return found;
    }
    return "";
  }
  /* the codes the recode box's list shows for its text: those Enter chooses among (recodeHits),
     the suggestion's own code left out */
  function recodeChoices(typed, own) {
    return recodeHits(squash(typed)).filter(function (c) { return c.id !== own; });
  }
  /* The code the text of `own`'s recode box names: the one code other than `own` that
     recodeHits finds, the suggestion's own code only when no other matches. {code: ""} for no
     text, {refused: why} for text that names no code, several, or the suggestion's own. */
  function recodeTarget(typed, own) {
    var text = sameText(typed);
    var t = squash(text);
    if (!t) return { code: "" };
    var hits = recodeHits(t);
    var others = hits.filter(function (c) { return c.id !== own; });
    if (others.length === 1) return { code: others[0].id };
    if (!others.length && hits.length) return { refused: labelOf(own) + " is this suggestion's own code: accept it instead." };
    if (!others.length) {
      return { refused: "No code of this codebook matches “" + text + "”: type part of a code's id, name or alias, and pick one from the list." };
    }
    return { refused: "“" + text + "” matches " + others.length + " codes (" +
      others.slice(0, 3).map(function (c) { return c.id + " " + c.name; }).join(", ") +
      (others.length > 3 ? ", …" : "") + "): type more of one, or pick it from the list." };
  }
  /* the reason a recode box's text was refused, said beside it (and read out), or taken away */
  function recodeMessage(item, text) {
    var box = item.querySelector("input.recode");
    var msg = item.querySelector(".recode-msg");
    if (box && text) box.setAttribute("aria-invalid", "true");
    else if (box) box.removeAttribute("aria-invalid");
    if (!text) { if (msg) msg.remove(); return; }
    if (!msg) {
      msg = document.createElement("p");
      msg.className = "recode-msg";
      msg.setAttribute("role", "alert");
      item.insertBefore(msg, item.querySelector("details.evidence"));
    }
    msg.textContent = text;
  }
  /* The recode box read (its text changed: Enter, leaving it, or a code picked from the list):
     a code recodes the suggestion to it, no text takes a recode back, refused text decides
     nothing and stays in the box to be corrected. */
  function recodeFrom(box) {
    var item = box.closest(".sugg");
    var code = item.getAttribute("data-code");
    var seg = box.closest(".review").getAttribute("data-segment");
    var d = state[seg] && state[seg].codes[code];
    var now = d && d.decision === "recode" ? d.target : "";
    var found = recodeTarget(box.value, code);
    if (found.refused) { recodeMessage(item, found.refused); return; }
    if (found.code === now) { paint(item, d); return; }
    var st = entry(seg);
    var was = st.codes[code];
    if (found.code) st.codes[code] = { decision: "recode", target: found.code };
    else delete st.codes[code];
    /* a decision only put on this suggestion as a free slot is kept when the box recodes the
       suggestion, taken back when it is emptied (it showed that decision's code) */
    st = settled(item.closest(".review"), seg, st, found.code ? was : undefined);
    paint(item, st.codes[code]);
    save();
    told(item.closest(".row.segment"), found.code ? decisionSaid(code, st.codes[code]) : "recode of " + code + " taken back");
  }

  /* Every review block painted from the state: buttons, recode boxes, new code, note, and the
     carried decisions no control shows; `decidedOnly`: only those with a state (the page as
     loaded, where the others are blank already: a study has thousands). */
  function paintAll(decidedOnly) {
    var reviews = document.querySelectorAll(".review[data-segment]");
    for (var i = 0; i < reviews.length; i++) {
      var st = state[reviews[i].getAttribute("data-segment")];
      if (decidedOnly && !st) continue;
      paintReview(reviews[i], st);
    }
  }

  /* What the reviewer decided on a segment, as text: the page prints it (report.css, @media
     print) in place of the controls print hides (buttons, recode, new-code and note boxes,
     valence buttons), so that paper keeps every decision: "Decided: OS.A recoded to OS.D
     External Policy & Incentives; new code: Staff wellbeing; valence: barrier (the model's:
     neutral); note: check this later", "Decided: rejected IC.H; rejected IS.E.2; fits no code"
     (rejectsAll: the no-code row decisions.csv has); a note alone decides nothing, as the
     progress counts it: "Note: pastor phones" (blind tester s67). Decisions of a file no control
     shows are printed by .carried ("Also decided: ..."). Written on every save and paint
     (decidedShown: the segments that have it). */
  var decidedShown = {};
  function decidedText(review, st) {
    if (!st) return "";
    var said = [];
    var items = review.querySelectorAll(".sugg[data-code]");
    for (var i = 0; i < items.length; i++) {
      var code = items[i].getAttribute("data-code"), d = st.codes[code];
      if (!d) continue;
      if (d.decision === "recode" && !code) said.push("coded " + labelOf(d.target));
      else if (d.decision === "accept" && d.from) said.push(d.from + " recoded to " + labelOf(code));
      else if (d.decision === "recode" && d.carried === "accept") said.push("accepted " + labelOf(d.target));
      else if (d.decision === "recode" && d.carried === "recode" && d.suggestion) {
        said.push(d.suggestion + " recoded to " + labelOf(d.target));
      }
      else if (d.decision === "recode") said.push(code + " recoded to " + labelOf(d.target));
      else said.push(d.decision + "ed " + code);
    }
    if (st.newCode) said.push("new code: " + st.newCode);
    if (rejectsAll(review, st)) said.push("fits no code");
    if (st.valence) said.push(valenceText(review, st.valence));
    var decided = said.length > 0;
    if (st.note) said.push("note: " + st.note);
    (st.more || []).forEach(function (n) { said.push("also noted: " + n); });
    var text = said.join("; ");
    return decided ? "Decided: " + text : text.charAt(0).toUpperCase() + text.slice(1);
  }
  /* the researcher's valence as the page prints it and a segment's name says it: "valence:
     enabler (the model's: barrier)", or "valence: barrier" when the model's is the same */
  function valenceText(review, valence) {
    var chip = review.querySelector(".vfix .val");
    var model = chip ? chipValence(chip) : "";
    return "valence: " + valence + (model && model !== valence ? " (the model's: " + model + ")" : "");
  }
  function paintDecided(review, st) {
    var seg = review.getAttribute("data-segment");
    var text = decidedText(review, st);
    var box = review.querySelector(".decided");
    if (!text) {
      if (box) box.remove();
      delete decidedShown[seg];
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.className = "decided";
      review.appendChild(box);
    }
    if (box.textContent !== text) box.textContent = text;
    decidedShown[seg] = true;
  }
  function paintDecidedAll() {
    var reviews = reviewsById();
    Object.keys(decidedShown).concat(Object.keys(state)).forEach(function (seg) {
      if (!reviews[seg]) return;
      paintDecided(reviews[seg], state[seg]);
      /* a carried "no-code" row stands or is taken back as codes are given (standingExtra) */
      var extra = state[seg] ? standingExtra(state[seg]) : [];
      paintExtra(reviews[seg], extra.length ? extra : null);
    });
  }

  function paintReview(review, st) {
    var items = review.querySelectorAll(".sugg[data-code]");
    for (var j = 0; j < items.length; j++) {
      paint(items[j], st ? st.codes[items[j].getAttribute("data-code")] : undefined);
    }
    var nc = review.querySelector("input.new-code");
    var note = review.querySelector("input.note");
    if (nc) { nc.value = st ? st.newCode || "" : ""; nc.classList.toggle("has-value", !!nc.value); }
    if (note) note.value = st ? st.note || "" : "";
    paintMore(review, st ? st.more || [] : []);
    paintValence(review, st ? st.valence : "");
    var extra = st ? standingExtra(st) : [];
    paintExtra(review, extra.length ? extra : null);
    paintDecided(review, st);
  }

  /* The valence a chip shows: its data-valence when the model is unsure of it (the chip then
     reads "enabler?", titled "valence unsure (0.51)"), else its word. */
  function chipValence(chip) {
    return chip.getAttribute("data-valence") || chip.textContent;
  }

  /* The valence buttons of a segment: the researcher's valence pressed, the model's struck
     through beside them when it differs. */
  function paintValence(review, valence) {
    var box = review.querySelector(".vfix");
    if (!box) return;
    relabel(review.closest(".row.segment"));
    var chip = box.querySelector(".val");
    box.classList.toggle("is-fixed", !!valence && (!chip || chipValence(chip) !== valence));
    var buttons = box.querySelectorAll("button[data-valence]");
    for (var i = 0; i < buttons.length; i++) {
      var on = buttons[i].getAttribute("data-valence") === valence;
      buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
    }
    var folded = valence && box.closest("details.set-aside");
    if (folded) folded.setAttribute("open", "");
  }

  /* The other notes a file gave a segment (st.more), read-only under its note box, one line
     each: "also noted: ..." (printed with its decisions, .decided) */
  function paintMore(review, more) {
    var box = review.querySelector(".also-noted");
    if (!more.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.className = "also-noted muted no-print";
      var extra = review.querySelector(".extra");
      review.insertBefore(box, extra ? extra.nextSibling : null);
    }
    box.textContent = "";
    more.forEach(function (n) {
      var line = document.createElement("p");
      line.textContent = "also noted: " + n;
      box.appendChild(line);
    });
  }

  function paintExtra(review, extra) {
    var box = review.querySelector(".carried");
    if (!extra) { if (box) box.remove(); return; }
    var text = "Also decided: " + extra.map(function (e) {
      return e[0] === "new-code" ? "new code " + e[2] :
        e[0] === "no-code" ? "fits no code (every suggestion shown then rejected)" :
        e[0] === "recode" && e[3] ? "recode of " + e[3] + " to " + e[1] : e[0] + " " + e[1];
    }).join("; ");
    if (box && box.textContent === text) return;  /* unchanged: a fold the reader closed stays so */
    if (!box) {
      box = document.createElement("div");
      box.className = "carried muted";
      review.insertBefore(box, review.querySelector(".extra"));
    }
    box.textContent = text;
    var folded = box.closest("details.set-aside");
    if (folded) folded.setAttribute("open", "");
  }

  /* -- decisions from a file: matched to this page's segments, then shown on their controls -- */

  function transcriptPart(segmentId) {
    var at = segmentId.lastIndexOf(":");
    return at < 0 ? "" : segmentId.slice(0, at);
  }

  /* [{row, segment, edited}] and the rows on no segment, as roqa_nlp.decisions.match_decisions
     finds them: a row with text goes to the segment of its id when that one has the text, else to
     a segment with the text in the same transcript not holding other decisions, else the first
     there; a row without text goes to the segment of its id. A row of a transcript not on the
     page goes to another only on evidence: one of identifying words to the transcript its
     transcript's were renamed to (renamedTo), a short answer after them (shortAnswersFollow). A row whose text is in
     no segment then goes to the one longer segment of its transcript its words are said inside
     (insideOneSegment), marked joined; else to the one segment of nearly its words (its transcript corrected since
     the review), marked edited: in the transcript of its segment id (in any transcript when that
     one is not on the page: renamed since), holding no other segment's decisions, as near as nearSegment says, and not nearest to another segment's rows too.
     `pseudonyms` (a pseudonymised page: the place's review carried in, carryFromPlace, and a
     file loaded, loadDecisions, as match_decisions on pseudonymised codings): before
     those, a row whose text is on no segment goes to the segment of its id (of its transcript
     renamed, renamedTo), not holding another row, when its words are that segment's once each
     pseudonym there is read as the words it replaced (pseudonymsStand; session 79 hunt5 F3:
     pseudonymising changed the words of every segment that named someone, and the review of
     the report before lost their decisions); those are marked `pseudonyms`. */
  function matchRows(rows, pseudonyms) {
    var ids = {}, byText = {}, order = [], textOf = {};
    var reviews = document.querySelectorAll(".review[data-segment]");
    for (var i = 0; i < reviews.length; i++) {
      var sid = reviews[i].getAttribute("data-segment");
      ids[sid] = true;
      var t = sameText(segmentText(reviews[i]));
      (byText[t] = byText[t] || []).push(sid);
      order.push(sid);
      textOf[sid] = t;
    }
    var keys = [], chosen = {}, taken = {};
    rows.forEach(function (r) {
      var key = JSON.stringify([r.segment_id, sameText(r.text)]);
      if (!(key in chosen)) { chosen[key] = undefined; keys.push(key); }
    });
    /* words said twice or more in a transcript are told apart first (repeatedWords) */
    var repeated = repeatedWords(keys, byText), untold = {};
    keys.forEach(function (key) {
      var k = JSON.parse(key);
      if (Object.prototype.hasOwnProperty.call(repeated, key)) {
        chosen[key] = repeated[key];
        if (repeated[key]) taken[repeated[key]] = true; else untold[key] = true;
      } else if (ids[k[0]] && (!k[1] || (byText[k[1]] || []).indexOf(k[0]) >= 0)) {
        chosen[key] = k[0];
        taken[k[0]] = true;
      }
    });
    var coded = Object.create(null);
    order.forEach(function (sid) { coded[transcriptPart(sid)] = true; });
    var target = renamedTo(keys.filter(function (key) { return chosen[key] === undefined; }), byText, coded);
    keys.forEach(function (key) {
      if (chosen[key] !== undefined) return;
      /* its own transcript when on the page, else the one it was renamed to, if its words say so */
      var k = JSON.parse(key), part = transcriptPart(k[0]);
      var where = coded[part] ? part : identifying(k[1]) && part in target ? target[part] : null;
      var here = where === null || !k[1] ? [] : (byText[k[1]] || []).filter(function (c) {
        return transcriptPart(c) === where;
      });
      var free = here.filter(function (c) { return !taken[c]; });
      var found = free[0] || here[0] || null;
      chosen[key] = found;
      if (found) taken[found] = true;
    });
    var stood = {};
    if (pseudonyms) {
      keys.forEach(function (key) {
        /* its segment id, or the same segment of the transcript its own was renamed to (a name
           in its file's name pseudonymised: renamedTo) */
        var k = JSON.parse(key), part = transcriptPart(k[0]);
        var sid = ids[k[0]] ? k[0] : !coded[part] && part in target ? target[part] + k[0].slice(part.length) : "";
        if (chosen[key] || untold[key] || !k[1] || !ids[sid] || taken[sid] || !pseudonymisedHere(sid)) return;
        if (pseudonymsStand(textOf[sid], k[1])) { chosen[key] = sid; taken[sid] = true; stood[key] = true; }
      });
    }
    /* words said inside one longer segment go there before nearly the same words take one, as
       match_decisions runs them */
    var joined = insideOneSegment(keys.filter(function (key) { return !untold[key]; }), chosen, order, textOf);
    var edited = nearMatches(keys.filter(function (key) { return !untold[key]; }), chosen, order, textOf, joined);
    /* nearly its words, as a segment grown by a part joined since is: joined, not edited */
    var grown = grownSegments(edited, chosen, textOf);
    Object.keys(grown).forEach(function (key) { joined[key] = true; });
    /* nearly its words, as the rest of a segment a short part was parted off is: named parted */
    var parted = partedOff(edited, chosen, order, textOf);
    /* a selection a QDA program narrowed anywhere (mid-sentence, mid-word) that none of these
       placed goes to the segment whose words at its span are its own, as match_decisions does
       (_narrowed_onto; session 78 hunt5 F5: it was left on no segment) */
    keys.forEach(function (key) {
      var k = JSON.parse(key);
      if (untold[key] || chosen[key] || !k[1] || k[0].indexOf("@") < 0) return;
      var on = order.filter(function (sid) { return narrowedSelection(k[0], k[1], sid); });
      if (on.length === 1) { chosen[key] = on[0]; joined[key] = true; taken[on[0]] = true; }
    });
    shortAnswersFollow(keys, chosen, byText, coded, taken);
    /* on a selection narrowed in a QDA program: named so, not edited or joined */
    var narrowed = {};
    keys.forEach(function (key) {
      if ((edited[key] || joined[key]) && chosen[key]) {
        var k = JSON.parse(key);
        narrowed[key] = narrowedSelection(k[0], k[1], chosen[key]);
      }
    });
    var matched = [], unmatched = [], untoldRows = [];
    rows.forEach(function (r) {
      var key = JSON.stringify([r.segment_id, sameText(r.text)]);
      var sid = chosen[key];
      if (sid) matched.push({ row: r, segment: sid, edited: !!edited[key], joined: !!joined[key], parted: parted[key],
                              narrowed: !!narrowed[key], pseudonyms: !!stood[key] });
      else unmatched.push(r);
      if (untold[key]) {
        untoldRows.push({ row: r, segments: byText[JSON.parse(key)[1]].filter(function (c) {
          return transcriptPart(c) === transcriptPart(r.segment_id);
        }) });
      }
    });
    return { matched: matched, unmatched: unmatched, untold: untoldRows };
  }

  /* A pseudonym where a name (or another identifier) stood in the talk, as roqa pseudonymise
     writes it: in square brackets ("[P01]", "[Interviewer]", "[email]"; roqa_nlp.pseudonyms
     _in_text); and the most words and characters of the words it may have replaced (a full name,
     a postal address). */
  var PSEUDONYM = /\[[^\[\]]{1,60}\]/g;
  var REPLACED_WORDS = 10, REPLACED_CHARS = 120;

  /* Whether `was` (a row's text, spacing aside) is `now` (a segment's, spacing aside) with
     each bracketed pseudonym of `now` read as the words it replaced: every other character the
     same, in order, and each pseudonym standing for words of their own (not starting or ending
     with a blank; at most REPLACED_WORDS words, REPLACED_CHARS characters) that may be what
     pseudonymising replaced (mayBeginReplaced, no sentence end: endsSentence); and the words
     outside the pseudonyms at least half of the row's (decisions.pseudonyms_stand). False when `now`
     holds no pseudonym. Read by the places in `was` each part may end at (no backtracking). */
  function pseudonymsStand(now, was) {
    var parts = [], at = 0, m;
    PSEUDONYM.lastIndex = 0;
    while ((m = PSEUDONYM.exec(now)) !== null) {
      parts.push(now.slice(at, m.index), null);
      at = m.index + m[0].length;
    }
    if (!parts.length || now === was) return false;
    parts.push(now.slice(at));
    var kept = 0;
    parts.forEach(function (part) {
      if (part) part.split(" ").forEach(function (w) { if (isWord(w)) kept++; });
    });
    if (2 * kept < was.split(" ").filter(isWord).length) return false;
    var ends = [0];
    parts.forEach(function (part) {
      var next = Object.create(null);
      ends.forEach(function (p) {
        if (part !== null) {
          if (was.substr(p, part.length) === part) next[p + part.length] = true;
          return;
        }
        if (p >= was.length || !mayBeginReplaced(was, p)) return;
        var words = 1;
        for (var q = p + 1; q <= was.length && q - p <= REPLACED_CHARS; q++) {
          if (was.charAt(q - 1) === " ") {
            if (++words > REPLACED_WORDS) break;
            continue;
          }
          if (endsSentence(was, p, q)) break;
          next[q] = true;
        }
      });
      ends = Object.keys(next).map(Number);
    });
    return ends.indexOf(was.length) >= 0;
  }

  /* Whether a blank-separated token is a word (holds a letter or a digit; decisions._is_word). */
  function isWord(token) {
    return /[\p{L}\p{N}]/u.test(token);
  }

  /* Whether words pseudonymising may have replaced begin at was[p]: an upper-case letter, a
     digit, "+" or "(" (a phone number), or a word holding "@" (an e-mail); as
     decisions._may_begin_replaced (session 80 hunt6 F1: "the managers. They ..." read as the
     words of "[P02]" moved a decision onto another answer). */
  function mayBeginReplaced(was, p) {
    var c = was.charAt(p);
    if (/\p{Lu}/u.test(c) || (c >= "0" && c <= "9") || c === "+" || c === "(") return true;
    var blank = was.indexOf(" ", p);
    return was.slice(p, blank >= 0 ? blank : was.length).indexOf("@") >= 0;
  }

  /* Whether was[q - 1], the last character of words from p a pseudonym may stand for, ends a
     sentence ("." "?" "!" with more words after it), not an initial ("J. Smith"); as
     decisions._ends_sentence. */
  function endsSentence(was, p, q) {
    var c = was.charAt(q - 1);
    if (".?!".indexOf(c) < 0 || q >= was.length || was.charAt(q) !== " ") return false;
    var initial = c === "." && q - 2 >= p && /\p{Lu}/u.test(was.charAt(q - 2));
    return !(initial && (q - 2 === p || was.charAt(q - 3) === " "));
  }

  /* The number of a segment id (3 of "p01:0003"), null when it has none. */
  function positionOf(segmentId) {
    var n = segmentId.slice(segmentId.lastIndexOf(":") + 1);
    return /^[0-9]+$/.test(n) ? parseInt(n, 10) : null;
  }

  function byPosition(a, b) {
    var x = positionOf(a), y = positionOf(b);
    if ((x === null) !== (y === null)) return x === null ? 1 : -1;
    if (x !== y && x !== null) return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /* Of `keys` (rows' [segment id, text]), those whose words two segments or more of their own
     transcript say, each -> the segment it is on, null when which cannot be told
     (roqa_nlp.decisions._repeated_words): in order when as many segments say them as the rows
     name; else the one between the nearest rows before and after it whose words are said once
     there, or of several the one at its id moved as far as both moved (alike); else null. */
  function repeatedWords(keys, byText) {
    var groups = Object.create(null), anchors = Object.create(null), decided = Object.create(null);
    var out = {}, order = [];
    Object.keys(byText).forEach(function (t) {
      if (!t) return;
      byText[t].forEach(function (c) {
        var g = JSON.stringify([transcriptPart(c), t]);
        (groups[g] = groups[g] || []).push(c);
      });
    });
    keys.forEach(function (key) {
      var k = JSON.parse(key), part = transcriptPart(k[0]), g = JSON.stringify([part, k[1]]);
      var here = groups[g] || [], old = positionOf(k[0]);
      if (here.length === 1 && old !== null && positionOf(here[0]) !== null) {
        (anchors[part] = anchors[part] || []).push([old, positionOf(here[0])]);
      }
      if (here.length > 1) {
        if (!decided[g]) { decided[g] = []; order.push(g); }
        decided[g].push(k[0]);
      }
    });
    order.forEach(function (g) {
      var part = JSON.parse(g)[0], text = JSON.parse(g)[1];
      var here = groups[g].slice().sort(byPosition), olds = decided[g].slice().sort(byPosition);
      if (olds.length === here.length) {
        olds.forEach(function (o, i) { out[JSON.stringify([o, text])] = here[i]; });
        return;
      }
      var found = {}, claims = {};
      olds.forEach(function (o) {
        var n = betweenAnchors(o, here, anchors[part] || []);
        found[o] = n;
        claims[n] = (claims[n] || 0) + 1;
      });
      olds.forEach(function (o) {
        out[JSON.stringify([o, text])] = found[o] !== null && claims[found[o]] === 1 ? found[o] : null;
      });
    });
    return out;
  }

  /* The segment of `here` the row on segment `old` is on, by `anchors` ([old, new] numbers of
     the rows of its transcript whose words are said once there), as
     roqa_nlp.decisions._between_anchors finds it; null when it cannot tell. */
  function betweenAnchors(old, here, anchors) {
    var at = positionOf(old);
    if (at === null) return null;
    var before = null, after = null;
    anchors.forEach(function (a) {
      if (a[0] < at && (!before || a[0] > before[0] || (a[0] === before[0] && a[1] > before[1]))) before = a;
      if (a[0] > at && (!after || a[0] < after[0] || (a[0] === after[0] && a[1] < after[1]))) after = a;
    });
    var low = before ? before[1] : -1, high = after ? after[1] : Infinity, between = {}, n = 0;
    here.forEach(function (c) {
      var p = positionOf(c);
      if (p !== null && low < p && p < high) { between[p] = c; n += 1; }
    });
    if (n === 1) return between[Object.keys(between)[0]];
    var moved = {};
    [before, after].forEach(function (a) { if (a) moved[a[1] - a[0]] = true; });
    var shifts = Object.keys(moved).map(Number);
    if (!shifts.length) shifts = [0];
    return shifts.length === 1 && between[at + shifts[0]] !== undefined ? between[at + shifts[0]] : null;
  }

  /* What the status line says of the rows left on no segment because their words are said by
     several segments of their transcript (roqa_nlp.decisions._warn_of_untold). */
  function untoldText(untold) {
    if (!untold || !untold.length) return "";
    var named = [], segments = [];
    untold.forEach(function (x) {
      if (named.indexOf(x.row.segment_id) < 0) named.push(x.row.segment_id);
      x.segments.forEach(function (c) { if (segments.indexOf(c) < 0) segments.push(c); });
    });
    var n = untold.length, one = n === 1;
    return "; " + n + (one ? " decision" : " decisions") + " (" + named.join(", ") + ") left undecided: " +
      (one ? "its" : "their") + " words are said by " + segments.length + " segments of " +
      (one ? "its" : "their") + " transcript (" + segments.join(", ") + ") and which is " +
      (one ? "its" : "theirs") + " cannot be told since the transcript changed; decide them again";
  }

  /* Whether a row's text (spacing aside) has words enough to say which transcript it is in
     (roqa_nlp.decisions.IDENTIFYING_WORDS, #roqa-near-text's identifying_words). */
  function identifying(text) {
    return !!text && text.split(" ").length >= (near.identifying_words || Infinity);
  }

  /* Of the transcripts not on the page with rows in `keys` (those not on their own segment), the
     transcript on the page each was renamed to (roqa_nlp.decisions._renamed_to): the one where
     its rows of identifying words, each found in one transcript alone, all are; none when they
     are in two or nowhere. */
  function renamedTo(keys, byText, coded) {
    var went = Object.create(null), target = Object.create(null);
    keys.forEach(function (key) {
      var k = JSON.parse(key), part = transcriptPart(k[0]), where = Object.create(null);
      if (coded[part] || !identifying(k[1])) return;
      (byText[k[1]] || []).forEach(function (c) { where[transcriptPart(c)] = true; });
      var w = Object.keys(where);
      if (w.length === 1) (went[part] = went[part] || Object.create(null))[w[0]] = true;
    });
    Object.keys(went).forEach(function (part) {
      var to = Object.keys(went[part]);
      if (to.length === 1) target[part] = to[0];
    });
    return target;
  }

  /* The short answers of a transcript not on the page, put in `chosen` when they follow its rows
     of identifying words (roqa_nlp.decisions._short_answers_follow): to a free segment of their
     words in the one transcript all those rows matched (exactly or nearly) are in, when no row
     names that one. */
  function shortAnswersFollow(keys, chosen, byText, coded, taken) {
    var named = Object.create(null), went = Object.create(null);
    keys.forEach(function (key) {
      var k = JSON.parse(key), part = transcriptPart(k[0]), on = chosen[key];
      named[part] = true;
      if (on && identifying(k[1]) && !coded[part]) (went[part] = went[part] || Object.create(null))[transcriptPart(on)] = true;
    });
    keys.forEach(function (key) {
      var k = JSON.parse(key), to = Object.keys(went[transcriptPart(k[0])] || {});
      if (chosen[key] || !k[1] || identifying(k[1]) || to.length !== 1 || named[to[0]]) return;
      var free = (byText[k[1]] || []).filter(function (c) { return transcriptPart(c) === to[0] && !taken[c]; });
      if (free.length) { chosen[key] = free[0]; taken[free[0]] = true; }
    });
  }

  /* `text` with its case folded as Python's str.casefold folds it, character by character from
     Python's own table (#roqa-near-text's casefold, roqa_nlp.decisions.casefold_table: runs of
     code points each folded to the one `delta` after it, and the characters folded to several),
     not by toLowerCase, which keeps ß and ﬁ and may know letters of a newer Unicode than
     Python. The table is read into `foldMap` when first needed. */
  var foldMap = null;
  function foldCase(text) {
    if (!foldMap) {
      var table = near.casefold || {};
      foldMap = Object.create(null);
      (table.runs || []).forEach(function (r) {
        for (var c = r[0]; c <= r[1]; c += r[2]) foldMap[String.fromCodePoint(c)] = String.fromCodePoint(c + r[3]);
      });
      Object.keys(table.more || {}).forEach(function (ch) { foldMap[ch] = table.more[ch]; });
    }
    var out = "";
    for (var ch of String(text)) out += foldMap[ch] !== undefined ? foldMap[ch] : ch;
    return out;
  }

  /* The words of a text as near texts are compared (roqa_nlp.decisions._words): spacing and
     case aside. */
  function wordsOf(text) {
    var t = foldCase(sameText(text));
    return t ? t.split(" ") : [];
  }

  /* The rows on no segment in `chosen` (key -> segment id or null) that go to a segment of nearly
     their text (roqa_nlp.decisions._near_matches), put in `chosen`; {key: true} of those. A
     segment of their transcript holding only rows of other segments that followed their words
     into it (`joined`, key -> true: insideOneSegment), those words at its start or end, is
     nearly theirs when the rest of it is (restOf): two parts decided, joined since, the larger
     one's words edited too. */
  function nearMatches(keys, chosen, order, textOf, joined) {
    var coded = Object.create(null), named = Object.create(null);
    order.forEach(function (sid) { coded[transcriptPart(sid)] = true; });
    /* a short answer of a transcript not on the page follows only its identifying words
       (shortAnswersFollow) */
    var left = keys.filter(function (key) {
      var k = JSON.parse(key);
      return chosen[key] === null && k[1] && (coded[transcriptPart(k[0])] || identifying(k[1]));
    });
    var edited = {};
    if (!left.length || !near.near_text) return edited;
    var owners = Object.create(null);  /* segment -> {segment id of a row on it: true} */
    var onSegment = Object.create(null), rests = Object.create(null);
    keys.forEach(function (key) {
      var on = chosen[key];
      if (on) (owners[on] = owners[on] || Object.create(null))[JSON.parse(key)[0]] = true;
      if (on) (onSegment[on] = onSegment[on] || []).push(key);
    });
    /* a segment holding only rows that followed their words into it -> its other words */
    Object.keys(onSegment).forEach(function (on) {
      if (!joined || !onSegment[on].every(function (key) { return joined[key]; })) return;
      var rest = restOf(wordsOf(textOf[on]), onSegment[on].map(function (key) { return wordsOf(JSON.parse(key)[1]); }));
      if (rest && rest.length) rests[on] = rest;
    });
    /* a row's near words are looked for in its transcript, or, when that is not on the page
       (its file renamed since the review: a name in it pseudonymised), in every transcript no
       row names (a renamed transcript has none under its new name) */
    keys.forEach(function (key) { named[transcriptPart(JSON.parse(key)[0])] = true; });
    function scopeOf(sid) {
      var part = transcriptPart(sid);
      return coded[part] ? part : null;
    }
    var parts = Object.create(null), anywhere = false, segments = Object.create(null), all = [];
    left.forEach(function (key) {
      var scope = scopeOf(JSON.parse(key)[0]);
      if (scope === null) anywhere = true; else parts[scope] = true;
    });
    order.forEach(function (sid) {
      var part = transcriptPart(sid);
      if (!parts[part] && !anywhere) return;
      var entry = [sid, wordsOf(textOf[sid])];
      if (parts[part]) (segments[part] = segments[part] || []).push(entry);
      if (anywhere && !named[part]) all.push(entry);
    });
    var found = {}, claims = Object.create(null);
    left.forEach(function (key) {
      var k = JSON.parse(key), scope = scopeOf(k[0]);
      var mine = function (c) {
        return !owners[c[0]] || Object.keys(owners[c[0]]).every(function (o) { return o === k[0]; });
      };
      var free = (scope === null ? all : segments[scope] || []).filter(mine);
      /* or other parts joined to it: the rest of it */
      (scope === null ? [] : segments[scope] || []).forEach(function (c) {
        if (rests[c[0]] && !mine(c)) free.push([c[0], rests[c[0]]]);
      });
      var sid = nearSegment(wordsOf(k[1]), free);
      if (sid) {
        found[key] = sid;
        (claims[sid] = claims[sid] || Object.create(null))[k[0]] = true;
      }
    });
    /* a rename is one to one: the rows of a transcript not on the page that matched (exactly
       or nearly) in two transcripts follow neither */
    var went = Object.create(null);
    keys.forEach(function (key) {
      var part = transcriptPart(JSON.parse(key)[0]), on = chosen[key] || found[key];
      if (on && !coded[part]) (went[part] = went[part] || Object.create(null))[transcriptPart(on)] = true;
    });
    /* a segment nearest to the words of two segments' rows goes to neither */
    Object.keys(found).forEach(function (key) {
      var part = transcriptPart(JSON.parse(key)[0]);
      if (!coded[part] && Object.keys(went[part]).length !== 1) return;
      if (Object.keys(claims[found[key]]).length === 1) { chosen[key] = found[key]; edited[key] = true; }
    });
    return edited;
  }

  /* `words` (a segment's) without `parts` (the words of the rows that followed them into it),
     each taken off its start or its end; null when a part is said between other words, [] when
     nothing is left (roqa_nlp.decisions._rest_of). */
  function restOf(words, parts) {
    var rest = words.slice(), left = parts.slice();
    var same = function (a, b) { return a.length === b.length && a.every(function (w, i) { return w === b[i]; }); };
    while (left.length) {
      var taken = -1;
      for (var i = 0; i < left.length && taken < 0; i++) {
        var part = left[i];
        if (!part.length || part.length > rest.length) continue;
        if (same(rest.slice(0, part.length), part)) { rest = rest.slice(part.length); taken = i; }
        else if (same(rest.slice(rest.length - part.length), part)) { rest = rest.slice(0, rest.length - part.length); taken = i; }
      }
      if (taken < 0) return null;
      left.splice(taken, 1);
    }
    return rest;
  }

  /* Of `candidates` ([segment id, its words]), the one whose words are an edit of `words`
     (roqa_nlp.decisions._edited_segment): similarity (ratio) at least near_text, every other
     candidate's at least near_margin lower; null when none is that near, or two are. */
  function nearSegment(words, candidates) {
    var floor = near.near_text - near.near_margin, scores = [];
    candidates.forEach(function (c) {
      var total = c[1].length + words.length;
      if (total && 2 * Math.min(c[1].length, words.length) / total < floor) return;  /* a bound */
      var score = ratio(c[1], words);
      if (score >= floor) scores.push([score, c[0]]);
    });
    scores.sort(function (x, y) { return y[0] - x[0] || (x[1] < y[1] ? 1 : x[1] > y[1] ? -1 : 0); });
    if (!scores.length || scores[0][0] < near.near_text) return null;
    if (scores.length > 1 && scores[1][0] > scores[0][0] - near.near_margin) return null;
    return scores[0][1];
  }

  /* difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() of two lists of words: twice the
     words of its matching blocks (the earliest longest run of words both share, then the same on
     either side of it) over the words of both, counted as Python counts them. */
  function ratio(a, b) {
    var b2j = new Map();
    b.forEach(function (w, j) {
      var at = b2j.get(w);
      if (at) at.push(j); else b2j.set(w, [j]);
    });
    function longest(alo, ahi, blo, bhi) {
      var besti = alo, bestj = blo, bestsize = 0, j2len = new Map();
      for (var i = alo; i < ahi; i++) {
        var next = new Map(), at = b2j.get(a[i]) || [];
        for (var x = 0; x < at.length; x++) {
          var j = at[x];
          if (j < blo) continue;
          if (j >= bhi) break;
          var k = (j2len.get(j - 1) || 0) + 1;
          next.set(j, k);
          if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
        }
        j2len = next;
      }
      return [besti, bestj, bestsize];
    }
    var matches = 0, queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      var q = queue.pop(), m = longest(q[0], q[1], q[2], q[3]);
      if (!m[2]) continue;
      matches += m[2];
      if (q[0] < m[0] && q[2] < m[1]) queue.push([q[0], m[0], q[2], m[1]]);
      if (m[0] + m[2] < q[1] && m[1] + m[2] < q[3]) queue.push([m[0] + m[2], q[1], m[1] + m[2], q[3]]);
    }
    var total = a.length + b.length;
    return total ? 2 * matches / total : 1;
  }

  /* Whether `part` (words) is a run of `words` (every word, in order, none between). */
  function holds(words, part) {
    for (var i = 0; i + part.length <= words.length; i++) {
      if (words[i] !== part[0]) continue;
      var j = 1;
      while (j < part.length && words[i + j] === part[j]) j++;
      if (j === part.length) return true;
    }
    return false;
  }

  /* Of `keys` (rows' [segment id, text]) with text on no segment in `chosen`, in a transcript
     on the page, those whose words are said inside one longer segment of their transcript
     alone, not holding another segment's rows (segments joined since the review, a turn no
     longer parted: roqa_nlp.decisions._inside_one_segment): put in `chosen`, and returned,
     key -> true. */
  function insideOneSegment(keys, chosen, order, textOf) {
    var owners = Object.create(null), coded = Object.create(null), found = {};
    order.forEach(function (sid) { coded[transcriptPart(sid)] = true; });
    keys.forEach(function (key) {
      var on = chosen[key];
      if (on) (owners[on] = owners[on] || Object.create(null))[JSON.parse(key)[0]] = true;
    });
    keys.forEach(function (key) {
      var k = JSON.parse(key), part = transcriptPart(k[0]);
      if (chosen[key] || !k[1] || !coded[part]) return;
      var words = k[1].split(" ");
      var holding = order.filter(function (c) {
        var w = textOf[c] ? textOf[c].split(" ") : [];
        return transcriptPart(c) === part && w.length > words.length && holds(w, words);
      });
      if (holding.length !== 1) return;
      var o = owners[holding[0]];
      if (o && Object.keys(o).some(function (x) { return x !== k[0]; })) return;
      found[key] = holding[0];
    });
    Object.keys(found).forEach(function (key) { chosen[key] = found[key]; });
    var joined = {};
    Object.keys(found).forEach(function (key) { joined[key] = true; });
    return joined;
  }

  /* Of the rows `edited` (key -> true) nearMatches put in `chosen`, those whose segment, in
     their own transcript, holds their very words among more talk (textOf: segment id -> its
     text, spacing aside): grown by a part joined since the review, not edited
     (roqa_nlp.decisions._grown_by_joining). Taken out of `edited`, and returned, key -> true. */
  function grownSegments(edited, chosen, textOf) {
    var grown = {};
    Object.keys(edited).forEach(function (key) {
      var k = JSON.parse(key), on = chosen[key];
      if (!on || transcriptPart(k[0]) !== transcriptPart(on)) return;
      var words = k[1].split(" "), w = textOf[on] ? textOf[on].split(" ") : [];
      if (w.length > words.length && holds(w, words)) {
        grown[key] = true;
        delete edited[key];
      }
    });
    return grown;
  }

  /* Of the rows `edited` (key -> true) nearMatches put in `chosen`, those whose segment, in
     their own transcript, says the first words of theirs (textOf: segment id -> its text,
     spacing aside) and the segments after it go on with the rest, exactly, or it says their last
     words and the segments before it say the rest: a short part parted off since the review, no
     word edited (roqa_nlp.decisions._parted_off). Returned, key -> the segments the part parted
     off is said in, in transcript order; they stay edited. */
  function partedOff(edited, chosen, order, textOf) {
    var parted = {};
    var wordsOf = function (sid) { return textOf[sid] ? textOf[sid].split(" ") : []; };
    Object.keys(edited).forEach(function (key) {
      var k = JSON.parse(key), on = chosen[key];
      if (!on || transcriptPart(k[0]) !== transcriptPart(on)) return;
      var segs = order.filter(function (c) { return transcriptPart(c) === transcriptPart(on); }).sort(byPosition);
      var at = segs.indexOf(on), words = k[1].split(" "), w = wordsOf(on).join(" "), n = wordsOf(on).length;
      if (!n || words.length <= n) return;
      var off = [];
      /* a part parted off its end: said by the segments after it */
      if (words.slice(0, n).join(" ") === w) off = partSaidBy(words.slice(n), segs.slice(at + 1), wordsOf, false);
      /* off its start: by the segments before it */
      if (!off.length && words.slice(words.length - n).join(" ") === w) {
        off = partSaidBy(words.slice(0, words.length - n).reverse(), segs.slice(0, at).reverse(), wordsOf, true).reverse();
      }
      if (off.length) parted[key] = off;
    });
    return parted;
  }

  /* The first of `segs` that say `part` (words), run on one after another from the first word
     of the first (`backwards`: each segment's words read from its last, as `part` is given);
     [] when they do not (roqa_nlp.decisions._saying). */
  function partSaidBy(part, segs, wordsOf, backwards) {
    var said = [];
    for (var i = 0; i < segs.length && part.length; i++) {
      var w = wordsOf(segs[i]);
      if (backwards) w = w.slice().reverse();
      if (!w.length) continue;
      var k = Math.min(part.length, w.length);
      if (w.slice(0, k).join(" ") !== part.slice(0, k).join(" ")) return [];
      said.push(segs[i]);
      part = part.slice(k);
    }
    return part.length ? [] : said;
  }

  /* What the status line says of the rows the near rule took to a segment a short part was
     parted off since the review, as roqa_nlp.decisions._warn_of_parted warns of them. */
  function partedText(matched) {
    var first = {}, named = [];
    var parted = matched.filter(function (x) { return x.parted && x.parted.length; });
    if (!parted.length) return "";
    parted.forEach(function (x) {
      if (first[x.segment]) return;
      first[x.segment] = true;
      named.push(x.segment + " (part parted off: " + x.parted.join(", ") + ")");
    });
    var n = parted.length, k = named.length;
    return "; " + n + (n === 1 ? " decision" : " decisions") + " matched to " + k +
      (k === 1 ? " segment" : " segments") + " a short part was parted off since the review (a " +
      "turn parted; the words decided are the segment's and the part's, unchanged): " +
      named.slice(0, 3).join(", ") + (k > 3 ? " and " + (k - 3) + " more" : "") +
      partsUndecidedText(
        [].concat.apply([], parted.map(function (x) { return x.parted; })),
        matched.map(function (x) { return x.segment; }));
  }

  /* What the parted status ends with: the parts parted off undecided, but those a row is on
     (decided), as roqa_nlp.decisions.parts_undecided_said says it. */
  function partsUndecidedText(parts, decided) {
    var every = [], seen = {}, on = {};
    parts.forEach(function (p) { if (!seen[p]) { seen[p] = true; every.push(p); } });
    decided.forEach(function (s) { if (s) on[s] = true; });
    var undecided = every.filter(function (p) { return !on[p]; });
    if (undecided.length === every.length) {
      return "; the part parted off is undecided: decide it in the report";
    }
    if (!undecided.length) {
      return every.length === 1 ? "; the part parted off has a decision of its own" :
        "; each part parted off has a decision of its own";
    }
    var one = undecided.length === 1;
    return "; of the parts parted off, " + undecided.slice(0, 3).join(", ") +
      (undecided.length > 3 ? " and " + (undecided.length - 3) + " more" : "") +
      (one ? " is" : " are") + " undecided: decide " + (one ? "it" : "them") +
      " in the report (the others have a decision of their own)";
  }

  /* What the status line says of the rows that followed their words into a segment holding
     more talk (joined since the review), as roqa_nlp.decisions._warn_of_joined warns of them. */
  function joinedText(matched) {
    var joined = matched.filter(function (x) { return x.joined; });
    if (!joined.length) return "";
    var all = segmentsOf(joined);
    /* those on a selection narrowed in a QDA program are named so (narrowedText) */
    var said = joined.filter(function (x) { return !x.narrowed; });
    var named = segmentsOf(said), n = said.length, k = named.length;
    return (n ? "; " + n + (n === 1 ? " decision followed its words" : " decisions followed their words") +
      " into " + k + (k === 1 ? " segment" : " segments") + " holding more talk than " +
      (n === 1 ? "it" : "they") + " decided (a turn no longer parted, or segments joined, since the " +
      "review): " + named.slice(0, 3).join(", ") + (k > 3 ? " and " + (k - 3) + " more" : "") +
      "; check the decision fits the whole segment" : "") + partsDecidedText(matched, all);
  }

  /* The segments of matched rows, each once, in the rows' order. */
  function segmentsOf(matched) {
    var first = {}, named = [];
    matched.forEach(function (x) {
      if (first[x.segment]) return;
      first[x.segment] = true;
      named.push(x.segment);
    });
    return named;
  }

  /* What the status line says of the rows on a selection narrowed in a QDA program (as
     roqa_nlp.decisions._warn_of_narrowed warns of them): not text edited (study8 tester, s78,
     L3). */
  function narrowedText(matched) {
    var narrowed = matched.filter(function (x) { return x.narrowed; });
    if (!narrowed.length) return "";
    var named = segmentsOf(narrowed), n = narrowed.length, k = named.length;
    return "; " + n + (n === 1 ? " decision" : " decisions") + " matched to " + k +
      (k === 1 ? " segment" : " segments") + " whose selection was narrowed in the QDA program " +
      "(a part of the segment, the transcript's words unchanged): " + named.slice(0, 3).join(", ") +
      (k > 3 ? " and " + (k - 3) + " more" : "") + "; " + (n === 1 ? "it is" : "they are") +
      " taken as decided on the whole segment: check the decision fits it";
  }

  /* What the status line says of the segments `named` (rows joined into them) holding rows of
     two parts decided differently (a code accepted on one, rejected or recoded to another on
     the other; two valences), each part named by its segment id as reviewed, as
     roqa_nlp.decisions._warn_of_joined names them: the later row stands (s75: the page named
     none). */
  function partsDecidedText(matched, named) {
    var said = "";
    named.forEach(function (sid) {
      var on = matched.filter(function (x) { return x.segment === sid; }).map(function (x) { return x.row; });
      var ids = {};
      on.forEach(function (r) { ids[r.segment_id] = true; });
      if (Object.keys(ids).length < 2) return;
      /* [name, [[how, [parts]]]], in the order first named */
      var codes = [], valences = [];
      /* the codes shown a row so far recoded; those then rejected by a later row: the recode
         taken back (roqa_nlp.decisions.replaced_on_a_suggestion), the code recoded to not given
         (hunt s76 F4) */
      var recoded = {}, takenBack = {};
      var add = function (list, name, how, part) {
        var entry = list.filter(function (e) { return e[0] === name; })[0];
        if (!entry) list.push(entry = [name, []]);
        var h = entry[1].filter(function (e) { return e[0] === how; })[0];
        if (!h) entry[1].push(h = [how, []]);
        h[1].push(part);
      };
      on.forEach(function (r) {
        var part = r.segment_id;
        var code = String((r.decision === "new-code" ? r.new_code : r.code_id) || "").trim();
        if (code && ["accept", "recode", "new-code", "reject"].indexOf(r.decision) >= 0) {
          if (r.decision === "reject" && recoded[code]) takenBack[code] = true;
          add(codes, code, r.decision === "reject" ? "rejected" : "accepted", part);
        }
        /* a recode of the code shown: that code not given, unless a later row on it gives it */
        var shown = r.decision === "recode" ? String(r.suggestion || "").trim() : "";
        if (shown && shown !== code) {
          add(codes, shown, "recoded to " + code, part);
          recoded[shown] = true;
        }
        var v = String(r.valence || "").trim();
        if (v) add(valences, "valence", v, part);
      });
      var hows = function (e) {
        return e[0] + " " + e[1].map(function (h) { return h[0] + " " + partsSaid(h[1]); }).join(", ");
      };
      /* a rejection, then a recode of one code agree (neither gives it) */
      var differs = function (e) {
        var said = e[1].map(function (h) { return h[0]; });
        return said.filter(function (h) { return h !== "rejected"; }).length > 1 ||
          (said.indexOf("accepted") >= 0 && said.indexOf("rejected") >= 0) || !!takenBack[e[0]];
      };
      var differ = codes.filter(differs).concat(valences.filter(function (e) { return e[1].length > 1; })).map(hows);
      if (differ.length) {
        said += "; decisions on parts of " + sid + " decided differently, now one segment: " +
          differ.join("; ") + "; the later row stands: decide " + sid + " again in the report";
      }
    });
    return said;
  }

  /* "(p01:0005)", "(p01:0005 and p01:0006)": the parts (segment ids as reviewed) in one mark,
     each once, as roqa_nlp.decisions._rows_said names decisions made in memory (s76: one mark
     a part, "(p01:0005) (p01:0006)"). */
  function partsSaid(parts) {
    var once = parts.filter(function (p, i) { return parts.indexOf(p) === i; });
    var last = once.pop();
    return "(" + (once.length ? once.join(", ") + " and " : "") + last + ")";
  }

  /* What the status line says of the rows that went to a segment of nearly their words (as
     roqa_nlp.decisions.warn_of_edited_text warns of them): how many, and the first segments with
     the first words of their rows, to check; of the rows of a transcript not on the page that
     followed their words into another (renamed since), which one. */
  function editedText(matched) {
    var renamed = {}, said = "";  /* a transcript not on the page -> the one its rows follow */
    var edited = matched.filter(function (x) {
      if (!x.edited || x.narrowed || (x.parted && x.parted.length)) return false;
      var old = transcriptPart(x.row.segment_id), now = transcriptPart(x.segment);
      if (old === now) return true;
      if (!Object.prototype.hasOwnProperty.call(renamed, old)) {
        renamed[old] = now;
        said += "; decisions of " + old + ", not among the transcripts coded, follow their " +
          "nearly-same words in " + now + " (a transcript renamed, e.g. by pseudonymising? check them)";
      }
      return false;
    });
    if (!edited.length) return said;
    var first = {}, named = [];
    edited.forEach(function (x) {
      if (first[x.segment]) return;
      first[x.segment] = true;
      /* on a pseudonymised page, the segment's words: the row's may hold the names (hunt6 F2) */
      var words = sameText(pseudonymisedPage ? segmentText(reviewsById()[x.segment]) : x.row.text).split(" ");
      named.push(x.segment + " (\u201c" + words.slice(0, 6).join(" ") + (words.length > 6 ? "\u2026" : "") +
        "\u201d)");
    });
    var n = edited.length, k = named.length;
    return said + "; " + n + (n === 1 ? " decision" : " decisions") + " matched to " + k +
      (k === 1 ? " segment" : " segments") + " whose text was edited since the review (nearly " +
      "the same words, not the same): " + named.slice(0, 3).join(", ") +
      (k > 3 ? " and " + (k - 3) + " more" : "") + "; check they are the talk decided on";
  }

  /* -- a review made in another codebook (on these codings charted in CFIR 2.0), read in this
     report's codes as roqa_nlp.decisions_crosswalk.in_model_codes reads it ------------------- */

  /* The codebook (of #roqa-crosswalk) a code is read in: a code of another built-in codebook
     documented as mapping onto this report's, not a code of this page; else null. */
  function bookOf(code) {
    var c = crosswalk.codes && Object.prototype.hasOwnProperty.call(crosswalk.codes, code) ?
      crosswalk.codes[code] : null;
    return c && isOtherCode({ decision: "accept", code_id: code }) ? c[0] : null;
  }

  function copyRow(r, changes) {
    var out = {};
    Object.keys(r).forEach(function (k) { out[k] = r[k]; });
    Object.keys(changes).forEach(function (k) { out[k] = changes[k]; });
    return out;
  }

  /* The matched row `m` ({row, segment, edited, joined, parted}) with `row` in its place, every
     mark of how it matched kept: a copy that named the marks one by one (a code id rewritten:
     inCodebookIds, inModelCodes, inChartedCodes) dropped `joined`, and the status line named
     fewer rows that followed their words into a joined segment (s75). */
  function withRow(m, row) {
    var out = {};
    Object.keys(m).forEach(function (k) { out[k] = m[k]; });
    out.row = row;
    return out;
  }

  /* roqa_nlp.decisions_crosswalk._merge: of `out` ([{row, segment, edited}] or null), the
     translated rows (`kinds`, index -> what became of it) another row on the segment makes
     redundant set to null, their kind "left" (a rejection of a code accepted or recoded to
     there) or "merged" (a second row on one code without a valence or note of its own). */
  function mergeRows(out, kinds) {
    var positive = {}, seen = {};
    out.forEach(function (m) {
      if (m && (m.row.decision === "accept" || m.row.decision === "recode") && m.row.code_id) {
        positive[JSON.stringify([m.segment, m.row.code_id])] = true;
      }
    });
    out.forEach(function (m, i) {
      if (!m) return;
      var d = m.row;
      var key = JSON.stringify([m.segment, d.decision === "reject", d.code_id, foldCase(d.new_code || "")]);
      var first = seen[key] || (seen[key] = d);
      if (!(i in kinds)) return;
      if (d.decision === "reject" && positive[JSON.stringify([m.segment, d.code_id])]) {
        out[i] = null;
        kinds[i] = "left";
      } else if (first !== d && (!d.valence || d.valence === first.valence) &&
                 (!d.note || d.note === first.note)) {
        out[i] = null;
        kinds[i] = "merged";
      }
    });
  }

  /* `matched` ([{row, segment, edited}]) with every accept, reject or recode of another
     codebook's code read as the decision it is on this report's codes: an accept or reject of a
     code shown on the segment, on the suggestion it was shown for; else on the code it stands
     for; a rejection of a code with none left out, a recode to it (or an accept) a new code of
     its name; a rejection of a code accepted or recoded to there, and a second row on one code,
     left out; a no-code row after a segment whose every code shown was rejected, nothing decided.
     {matched, kinds (what became of each such row), names (of the new codes), noCode, books}. */
  function inModelCodes(matched) {
    var others = {}, any = false;
    matched.forEach(function (m, i) {
      var book = ["accept", "reject", "recode"].indexOf(m.row.decision) >= 0 ? bookOf(m.row.code_id) : null;
      if (book) { others[i] = book; any = true; }
    });
    if (!any) return { matched: matched, kinds: {}, names: [], noCode: 0, books: [] };
    var shownOn = function (i) {
      return ((crosswalk.shown || {})[others[i]] || {})[matched[i].segment] || [];
    };
    var out = matched.slice(), kinds = {}, names = [];
    Object.keys(others).forEach(function (key) {
      var i = Number(key), m = matched[i], r = m.row, code = crosswalk.codes[r.code_id];
      var origins = {};
      shownOn(i).forEach(function (p) { if (p[1]) origins[p[0]] = p[1]; });
      var row = r.suggestion && bookOf(r.suggestion) ?
        copyRow(r, { suggestion: origins[r.suggestion] || "" }) : r;
      var change = null;
      if ((r.decision === "accept" || r.decision === "reject") && origins[r.code_id]) {
        change = { code_id: origins[r.code_id] };
        kinds[i] = "shown";
      } else if (code[2]) {
        change = { code_id: code[2] };
        kinds[i] = "counterpart";
      } else if (r.decision === "reject") {
        kinds[i] = "left";
      } else {
        change = { decision: "new-code", code_id: "", new_code: code[1], suggestion: "" };
        kinds[i] = "new";
        names.push(code[1]);
      }
      out[i] = change ? withRow(m, copyRow(row, change)) : null;
    });
    mergeRows(out, kinds);
    /* roqa_nlp.decisions_crosswalk._with_no_code, on the codes each segment showed there */
    var last = {}, decided = {}, rejected = {}, add = {};
    matched.forEach(function (m, i) {
      var d = m.row;
      last[m.segment] = i;
      if (["accept", "recode", "new-code", "no-code"].indexOf(d.decision) >= 0) decided[m.segment] = true;
      else if (d.decision === "reject") (rejected[m.segment] = rejected[m.segment] || {})[d.code_id] = true;
    });
    Object.keys(others).forEach(function (key) {
      var i = Number(key), m = matched[i];
      if (m.row.decision !== "reject" || decided[m.segment] || add[last[m.segment]]) return;
      var shown = shownOn(i).slice(0, REJECT_ALL).map(function (p) { return p[0]; });
      var rej = rejected[m.segment];
      if (shown.length ? shown.every(function (c) { return rej[c]; }) : Object.keys(rej).length) {
        /* on the rejection's words, placed as it is (edited, joined, parted), as Python matches
           the row it adds by those words (s76: not joined, the status line counted one fewer) */
        add[last[m.segment]] = withRow(m, { segment_id: m.row.segment_id, decision: "no-code", code_id: "",
                                            new_code: "", note: "", text: m.row.text, valence: "",
                                            suggestion: "" });
      }
    });
    var rows = [];
    out.forEach(function (m, i) {
      if (m) rows.push(m);
      if (add[i]) rows.push(add[i]);
    });
    var books = [];
    Object.keys(others).forEach(function (i) { if (books.indexOf(others[i]) < 0) books.push(others[i]); });
    return { matched: rows, kinds: kinds, names: names, noCode: Object.keys(add).length, books: books.sort() };
  }

  /* What the status line says of the rows read so (the warning of
     roqa_nlp.decisions_crosswalk._say). */
  function translatedText(t) {
    var n = { shown: 0, counterpart: 0, "new": 0, merged: 0, left: 0 };
    Object.keys(t.kinds).forEach(function (i) { n[t.kinds[i]] += 1; });
    var total = Object.keys(t.kinds).length;
    if (!total) return "";
    var count = function (k, word) { return k + " " + word + (k === 1 ? "" : "s"); };
    var base = crosswalk.base, other = t.books.join(" and ");
    var names = t.names.filter(function (x, i) { return t.names.indexOf(x) === i; });
    var parts = [
      n.shown ? n.shown + " on the " + base + " suggestion their code was shown for" : "",
      n.counterpart ? n.counterpart + " on the " + base + " code their code stands for" : "",
      n["new"] ? n["new"] + " as new codes named as their " + other + " code (" +
        names.slice(0, 3).join(", ") + (names.length > 3 ? " ..." : "") + ")" : "",
      n.merged ? n.merged + " merged with a row on the same " + base + " code" : "",
      n.left ? count(n.left, "rejection") + " left out (of a code with no one " + base +
        " code, or of a suggestion accepted under another code)" : "",
      t.noCode ? count(t.noCode, "segment") + " with every code shown rejected kept as fitting no code" : ""
    ];
    return "; " + count(total, "decision") + " on " + other + " codes read as decisions on this " +
      "report's " + base + " codes through the documented mapping: " +
      parts.filter(Boolean).join(", ");
  }

  /* -- a review made in the model's codes (CFIR 2009), loaded into its codings charted in
     another codebook (CFIR 2.0, body[data-codebook]): read in this report's codes as
     roqa_nlp.decisions_crosswalk.in_charted_codes reads it, from #roqa-crosswalk's "into" (each
     code of the codebook charted from that this report lacks: [its name, [the codes of this
     report it maps onto]]), written by Python from its mapping ---------------------------- */

  function intoOf(r) {
    var into = crosswalk.into;
    return into && ["accept", "reject", "recode"].indexOf(r.decision) >= 0 &&
      Object.prototype.hasOwnProperty.call(into, r.code_id) && isOtherCode(r) ? into[r.code_id] : null;
  }

  /* `matched` with every accept, reject or recode of a code of the codebook charted from read as
     the decision it is on this report's codes: an accept or reject on each code the segment
     shows that its code maps onto; else, of a code that maps onto one, on that one (a recode's
     suggestion: the first code shown that it maps onto); else kept as it came, its suggestion
     left out; then mergeRows. {matched, kinds, names (of the codes kept), several (rows decided
     on each of several codes shown), charted: true}. */
  function inChartedCodes(matched) {
    var reviews = reviewsById(), rows = [], kinds = {}, multi = {}, names = [], any = false;
    matched.forEach(function (m, i) {
      var r = m.row, c = intoOf(r);
      rows.push([m]);
      if (!c) return;
      any = true;
      var to = c[1], shown = shownCodes(reviews[m.segment]).slice(0, REJECT_ALL);
      var on = function (row) { return withRow(m, row); };
      var here = shown.filter(function (x) { return to.indexOf(x) >= 0; });
      if ((r.decision === "accept" || r.decision === "reject") && here.length) {
        rows[i] = here.map(function (x) { return on(copyRow(r, { code_id: x, suggestion: "" })); });
        kinds[i] = "shown";
        if (to.length > 1) multi[i] = true;
      } else if (to.length === 1) {
        var was = r.suggestion && Object.prototype.hasOwnProperty.call(crosswalk.into, r.suggestion) ?
          crosswalk.into[r.suggestion][1] : null;
        var suggestion = was ? shown.filter(function (x) { return was.indexOf(x) >= 0; })[0] || "" :
          r.suggestion || "";
        rows[i] = [on(copyRow(r, { code_id: to[0], suggestion: suggestion }))];
        kinds[i] = "counterpart";
      } else {
        rows[i] = [on(copyRow(r, { suggestion: "" }))];
        kinds[i] = "kept";
        names.push(c[0]);
      }
    });
    if (!any) return { matched: matched, kinds: {}, names: [], several: 0, charted: true };
    var out = [], owner = [], flatKinds = {};
    rows.forEach(function (rs, i) {
      rs.forEach(function (m) {
        if (i in kinds) flatKinds[out.length] = kinds[i];
        out.push(m);
        owner.push(i);
      });
    });
    mergeRows(out, flatKinds);
    /* a row is left out (or merged) when every row it became is */
    Object.keys(kinds).forEach(function (i) {
      var became = {};
      owner.forEach(function (o, j) { if (String(o) === i) became[flatKinds[j]] = true; });
      var k = Object.keys(became);
      if (k.length === 1 && (k[0] === "left" || k[0] === "merged")) kinds[i] = k[0];
    });
    var several = Object.keys(multi).filter(function (i) { return kinds[i] === "shown"; }).length;
    return { matched: out.filter(Boolean), kinds: kinds, names: names, several: several, charted: true };
  }

  /* What the status line says of the rows read so (the warning of
     roqa_nlp.decisions_crosswalk.in_charted_codes). */
  function chartedText(t) {
    var n = { shown: 0, counterpart: 0, kept: 0, merged: 0, left: 0 };
    Object.keys(t.kinds).forEach(function (i) { n[t.kinds[i]] += 1; });
    var total = Object.keys(t.kinds).length;
    if (!total) return "";
    var count = function (k, word) { return k + " " + word + (k === 1 ? "" : "s"); };
    var base = crosswalk.base, from = crosswalk.from;
    var names = t.names.filter(function (x, i) { return t.names.indexOf(x) === i; });
    var parts = [
      n.shown ? n.shown + " on each " + base + " code shown that their code maps onto" +
        (t.several ? " (" + t.several + " onto several)" : "") : "",
      n.counterpart ? n.counterpart + " on the one " + base + " code their code maps onto" : "",
      n.kept ? n.kept + " kept on their " + from + " code, which maps onto several " + base +
        " codes (none shown) or none (" + names.slice(0, 3).join(", ") + (names.length > 3 ? " ..." : "") +
        "): saved as they came" : "",
      n.merged ? n.merged + " merged with a row on the same " + base + " code" : "",
      n.left ? count(n.left, "rejection") + " left out (of a code accepted there under another " +
        from + " code)" : ""
    ];
    return "; " + count(total, "decision") + " on " + from + " codes read as decisions on this " +
      "report's " + base + " codes through the documented mapping: " +
      parts.filter(Boolean).join(", ");
  }

  /* `matched` read in this report's codes: a review on the codes of the codebook it was
     charted from (inChartedCodes), or on another codebook's (inModelCodes) */
  function readInPage(matched) {
    return crosswalk.into ? inChartedCodes(matched) : inModelCodes(matched);
  }

  /* The state of one segment from its decisions: accept and reject go on the suggestion of their
     code; a recode goes on the suggestion it replaced (the column suggestion) when that has no
     decision, else on the first suggestion with none (other than its target); an accept of a
     code not suggested here becomes such a recode; what no control can show is kept as extra. */
  function entryFromRows(review, rows) {
    var shown = shownCodes(review);
    /* a recode (or an accept of a code not shown) on a segment shown with no suggestion goes
       in its own-code box */
    var slots = review.querySelector(".sugg.own-code") ? shown.concat([""]) : shown;
    var st = blank();
    var later = [];
    rows.forEach(function (r) {
      /* the first note in the box, every other one (each once) under it, the QDA review mark
         in none (kept to be written back): the last one, so a file's mark wins over the page's
         rows, before it, as its note does (hunt s67: a second coder's review loaded over the
         first's was saved as the first's) */
      var note = String(r.note || "").trim();
      if (isMark(note)) st.mark = note;
      else if (note && !st.note) st.note = note;
      else if (note && note !== st.note && st.more.indexOf(note) < 0) st.more.push(note);
      /* the last valence given wins, on a valence row or (written by hand) on another row */
      if (r.valence && VALENCES.indexOf(r.valence) >= 0) st.valence = r.valence;
      if (!r.decision || r.decision === "note" || r.decision === "valence") return;
      if ((r.decision === "accept" || r.decision === "reject") && shown.indexOf(r.code_id) >= 0 &&
          !st.codes[r.code_id]) {
        st.codes[r.code_id] = { decision: r.decision };
      } else if (r.decision === "new-code" && !st.newCode) {
        st.newCode = r.new_code;
      } else {
        later.push(r);
      }
    });
    later.forEach(function (r) {
      if (isOtherCode(r)) {  /* another codebook's code: carried as it came, on no suggestion */
        st.extra.push([r.decision, r.code_id, r.new_code || ""]);
        return;
      }
      /* a recode of a suggestion the review rejects too (they agree: both stand, as
         roqa_nlp.decisions.replaced_on_a_suggestion reads them) stays on that suggestion,
         beside the reject, never moved onto another (learn tester, session 56) */
      var on = r.suggestion && st.codes[r.suggestion];
      if (r.decision === "recode" && on && on.decision === "reject") {
        st.extra.push(["recode", r.code_id, "", r.suggestion]);
        return;
      }
      var free = slots.filter(function (c) { return !st.codes[c] && c !== r.code_id; });
      /* a recode goes back on the suggestion it replaced, when the file says which */
      if (r.decision === "recode" && r.suggestion && free.indexOf(r.suggestion) >= 0) {
        free = [r.suggestion];
      } else if (r.decision === "recode" && shown.indexOf(r.code_id) >= 0 && !st.codes[r.code_id]) {
        /* else, its code suggested here (a model retrained on the review suggests it): shown
           as that suggestion's accept, saved as the recode it is (daily24, s89: it showed on
           another suggestion as a recode, the code itself undecided) */
        st.codes[r.code_id] = { decision: "accept", from: String(r.suggestion || "") };
        return;
      }
      if ((r.decision === "recode" || (r.decision === "accept" && shown.indexOf(r.code_id) < 0)) &&
          free.length) {
        st.codes[free[0]] = { decision: "recode", target: r.code_id };
        /* an accept put on a free slot: marked, so a page that suggests its code again puts it
           back there (fitted, stateRows; hunt52 H1, s89) and it is saved as the accept it is
           (codeRow); so is a recode moved off the suggestion it replaced: saved as the recode
           of that one, not of the slot (hunt49 D3, s90); one the file gave none goes on the
           slot, as the suggestion column says */
        if (r.decision === "accept") st.codes[free[0]].carried = "accept";
        else if (r.suggestion && free[0] !== r.suggestion) {
          st.codes[free[0]].carried = "recode";
          st.codes[free[0]].suggestion = String(r.suggestion);
        }
      } else if (r.decision === "recode" && shown.indexOf(r.code_id) >= 0 && !st.codes[r.code_id]) {
        st.codes[r.code_id] = { decision: "accept" };
      } else if (r.decision === "recode" && r.suggestion) {
        /* a recode with no slot left: kept with the suggestion it replaced, saved so (hunt56
           M1, s90: saved with none, read as a code added, the page "(1 segment not saved)") */
        st.extra.push(["recode", r.code_id || "", r.new_code || "", String(r.suggestion)]);
      } else {
        st.extra.push([r.decision, r.code_id || "", r.new_code || ""]);
      }
    });
    /* a "no-code" row that the segment's rejects decide anyway (the page saved it so) is theirs:
       taking one back takes it back */
    if (rejectsAll(review, st)) st.extra = st.extra.filter(function (e) { return e[0] !== "no-code"; });
    return st;
  }

  /* The rows of one segment (in the file's order) that stand once the later rows are read, as
     roqa_nlp.decisions.standing reads them for roqa apply-decisions and roqa train: a code
     decision replaced by a later row on its suggestion (an accept of X, then a recode of X; a
     recode of X, then an accept or reject of X; a reject of X, then a recode of X agree) or
     followed by a later row on its code (an accept, then a reject) does not; one that does not
     keeps its note and valence alone. The page showed the earlier of two rows, and saved a
     recode withdrawn by a later accept (learn tester, session 56). */
  var CODE_ROWS = ["accept", "reject", "recode", "new-code"];
  function standingRows(rows) {
    function suggestionOf(r) {
      return r.decision === "accept" || r.decision === "reject" ? (r.code_id || "").trim() :
        r.decision === "recode" ? (r.suggestion || "").trim() : "";
    }
    function given(r) { return r.decision === "reject" ? null : (r.code_id || "").trim(); }
    function codeOf(r) {
      return r.decision === "new-code" ? "new:" + squash(r.new_code || "") : (r.code_id || "").trim();
    }
    var replaced = {}, earlier = {}, last = {};
    rows.forEach(function (r, i) {
      var x = suggestionOf(r);
      if (!x) return;
      (earlier[x] || []).forEach(function (j) {
        var b = rows[j];
        var recoded = b.decision === "recode" || r.decision === "recode";
        var agree = b.decision === "reject" && r.decision === "recode";
        if (recoded && !agree && given(b) !== given(r)) replaced[j] = true;
      });
      (earlier[x] = earlier[x] || []).push(i);
    });
    rows.forEach(function (r, i) {
      if (CODE_ROWS.indexOf(r.decision) >= 0 && !replaced[i]) last[codeOf(r)] = i;
    });
    var out = [];
    rows.forEach(function (r, i) {
      if (CODE_ROWS.indexOf(r.decision) < 0 || (!replaced[i] && last[codeOf(r)] === i)) out.push(r);
      else if (r.note || r.valence) {
        out.push(copyRow(r, { decision: r.valence ? "valence" : "note", code_id: "", new_code: "", suggestion: "" }));
      }
    });
    return out;
  }

  /* Each segment's decisions replace what the state held for it; `keep`: this browser keeps
     them (a file loaded here, not the review embedded in the page). */
  function applyMatched(matched, keep) {
    var bySeg = {}, order = [];
    matched.forEach(function (m) {
      if (!bySeg[m.segment]) { bySeg[m.segment] = []; order.push(m.segment); }
      bySeg[m.segment].push(m.row);
    });
    var reviews = reviewsById();
    order.forEach(function (seg) {
      state[seg] = entryFromRows(reviews[seg], standingRows(bySeg[seg]));
      if (keep) kept[seg] = true;
    });
    return order;
  }

  function stored(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }

  /* The toolbar's status line (a file loaded, a review carried over): a line of its own under
     the nav, until its × is clicked; the scroll padding follows the toolbar's height.
     `saidCleared`: it says the review was cleared, which holds only until the page holds a
     decision or a note again (clearedSaid; blind tester s67: it stayed beside the decisions
     made since). */
  var saidCleared = false;
  function unmatchedText(u) {
    return u ? u + " could not be matched to a segment" : "all matched";
  }

  /* The segments (ids) of the place's review carried in whose decisions matched no segment, as
     the status line names them after their count: the first UNMATCHED_NAMED, then how many more.
     On a pseudonymised page, only those of a transcript it shows: the id of another (a file
     pseudonymising renamed: "sarah_jones:0003") may hold a name, so those are counted alone. */
  var UNMATCHED_NAMED = 10;
  function unmatchedSegments(ids) {
    var on = Object.create(null), named = [], hidden = [];
    var reviews = document.querySelectorAll(".review[data-segment]");
    for (var i = 0; i < reviews.length; i++) on[transcriptPart(reviews[i].getAttribute("data-segment"))] = true;
    (ids || []).forEach(function (sid) {
      var list = !pseudonymisedPage || on[transcriptPart(sid)] ? named : hidden;
      if (list.indexOf(sid) < 0) list.push(sid);
    });
    if (!named.length && !hidden.length) return "";
    var more = named.length - UNMATCHED_NAMED, said = named.slice(0, UNMATCHED_NAMED).join(", ");
    if (more > 0) said += " and " + more + " more";
    if (hidden.length) {
      said += (said ? "; " : "") + hidden.length + (hidden.length === 1 ? " segment" : " segments") +
        " of a transcript not in this pseudonymised report, not named here: its id may hold a name";
    }
    return " (" + said + ")";
  }

  function showStatus(text) {
    saidCleared = false;
    var status = document.getElementById("load-status");
    var line = document.getElementById("status-line");
    if (status) status.textContent = text;
    if (line) line.hidden = !text;
    fitScrollPadding();
  }

  /* the line saying the review was cleared taken away once a decision or a note is made (here or
     in another tab): what it said of the carried rows matching no segment stays */
  function clearedSaid() {
    if (!saidCleared || Object.keys(state).every(function (seg) { return isBlank(state[seg]); })) return;
    showStatus(unmatchedCarried.said || "");
  }

  var toolbar = document.querySelector(".toolbar");
  function fitScrollPadding() {
    if (!toolbar) return;
    var h = toolbar.getBoundingClientRect().height;
    document.documentElement.style.scrollPaddingTop = Math.ceil(h + 8) + "px";
    /* Table 2's sticky header row sits under the toolbar */
    document.documentElement.style.setProperty("--toolbar-h", Math.floor(h) + "px");
  }
  if (toolbar && window.ResizeObserver) new ResizeObserver(fitScrollPadding).observe(toolbar);
  window.addEventListener("resize", fitScrollPadding);
  fitScrollPadding();
  var clearStatus = document.getElementById("clear-status");
  if (clearStatus) clearStatus.addEventListener("click", function () { showStatus(""); });

  /* A jump to a segment (a quote's citation, the open-coding queue, a link from elsewhere):
     the transcript folded around it is opened, and after a frame, when the rows around it have
     their real height (rows off screen are laid out with an estimate), it is scrolled to again. */
  function reveal(hash) {
    var id = hash && hash.charAt(0) === "#" ? decodeURIComponent(hash.slice(1)) : "";
    var target = id ? document.getElementById(id) : null;
    if (!target) return;
    /* a transcript the picker hides is picked; a segment the review filter hides shows every
       segment again */
    var transcript = target.closest("details.transcript");
    var picker = document.getElementById("transcript-select");
    if (transcript && transcript.hidden && picker) {
      picker.value = transcript.id;
      applyFilter();
    }
    var row = target.closest(".row");
    var every = document.querySelector('#review-filter input[name=show][value=all]');
    if (row && row.hidden && every) {
      every.checked = true;
      applyFilter();
    }
    if (transcript) transcript.setAttribute("open", "");
    for (var d = target.parentNode.closest("details"); d; d = d.parentNode.closest("details")) {
      d.setAttribute("open", "");
    }
    target.scrollIntoView({ block: "start" });
    window.requestAnimationFrame(function () {
      window.requestAnimationFrame(function () { target.scrollIntoView({ block: "start" }); });
    });
    if (row && row.classList.contains("segment")) outline(row, false);
  }
  window.addEventListener("hashchange", function () { reveal(window.location.hash); });
  document.addEventListener("click", function (ev) {
    /* a link to the segment already in the address bar fires no hashchange */
    var a = ev.target.closest && ev.target.closest('a[href^="#"]');
    if (a && a.getAttribute("href") === window.location.hash) reveal(window.location.hash);
  });

  /* The review kept at this place by an earlier version of this report (another report id: the
     folder was coded again), matched to this report's segments as a loaded file is, except on
     the segments `saved` (this very report's review) holds; or, when this very report has no
     review of its own kept, the place's review of it; null when there is none. On a
     pseudonymised page, a review kept by a page that was not pseudonymised comes without its
     notes (notesLeftOut: the segments whose notes were left out; pseudonymisedPage). */
  function carryFromPlace(saved, place) {
    /* the same report: its own review is `saved`; without one (kept by a version of the page
       that keyed it by report alone), the place's review of it is its review */
    var same = place && place.report === reportId;
    var own = saved && Object.keys(saved).length;
    if (!place || typeof place !== "object" || (same && own) || !Array.isArray(place.rows)) {
      return null;
    }
    var rows = [];
    place.rows.forEach(function (f) {
      if (!Array.isArray(f) || typeof f[0] !== "string" || !f[0]) return;
      rows.push({ segment_id: f[0], decision: String(f[1] || ""), code_id: String(f[2] || ""),
                  new_code: String(f[3] || ""), note: String(f[4] || ""), text: String(f[5] || ""),
                  valence: String(f[6] || ""), suggestion: String(f[7] || "") });
    });
    var notesLeftOut = {};
    if (pseudonymisedPage && !same && place.pseudonymised !== true) {
      rows = rows.filter(function (r) {
        if (!r.note.trim() || isMark(r.note)) return true;
        notesLeftOut[r.segment_id] = true;
        r.note = "";
        return r.decision !== "note";
      });
    }
    var leftOut = Object.keys(notesLeftOut).length;
    if (!rows.length) {
      return leftOut ? { carried: 0, unmatched: 0, untold: [], same: false, notesLeftOut: leftOut } : null;
    }
    var m = matchRows(rows, pseudonymisedPage);
    m.matched = readInPage(m.matched).matched;
    var matched = m.matched.filter(function (x) { return !saved || !Object.prototype.hasOwnProperty.call(saved, x.segment); });
    applyMatched(matched, true);
    var decided = function (r) { return !!r.decision && r.decision !== "note"; };
    return {
      carried: matched.filter(function (x) { return decided(x.row); }).length,
      unmatched: m.unmatched.filter(decided).length,
      unmatchedOn: m.unmatched.filter(decided).map(function (r) { return r.segment_id; }),
      untold: m.untold.filter(function (x) { return decided(x.row); }),
      same: !!same,
      notesLeftOut: leftOut
    };
  }

  /* A segment's state (as a browser keeps it, `st`) as the rows of a decisions file, written
     from the state alone, not from the controls of a page (segmentRows): each code's decision,
     its new code, the carried decisions, its valence, its notes, as segmentRows writes them;
     `text`: the segment's. Read back by entryFromRows on a page that suggests other codes. */
  function stateRows(seg, st, text) {
    var notes = normal(st);
    if (typeof notes.note !== "string") notes.note = "";
    var note = notes.mark || notes.note;
    var rows = [];
    Object.keys(notes.codes).forEach(function (code) {
      var d = notes.codes[code] || {};
      var row = codeRow(seg, code, { decision: String(d.decision || ""), target: String(d.target || ""),
                                     from: d.from, carried: d.carried, suggestion: d.suggestion }, note, text);
      if (row) rows.push(row);
    });
    if (notes.newCode) rows.push([seg, "new-code", "", String(notes.newCode), note, text]);
    notes.extra.forEach(function (e) {
      rows.push(e[3] ? [seg, e[0], e[1], e[2], note, text, "", e[3]] : [seg, e[0], e[1], e[2] || "", note, text]);
    });
    if (notes.valence) rows.push([seg, "valence", "", "", note, text, notes.valence]);
    return rows.concat(noteRows(seg, notes, text, rows.length > 0));
  }

  /* An older page's review (segment id -> {codes: {code: {decision, target}}, newCode, note
     [, mark][, more]}) as the rows a place keeps, without text (that page kept none): matched by
     segment id (stateRows). */
  function legacyRows(old) {
    var rows = [];
    Object.keys(old).forEach(function (seg) {
      var st = old[seg];
      if (st && typeof st === "object") rows = rows.concat(stateRows(seg, st, ""));
    });
    return rows;
  }

  /* The review this browser kept for this very report (`st`, a segment's) fitted to its
     suggestions now: the folder coded again by a model retrained on that review gives the same
     segments (the same report id) other suggestions. A state with a decision on a code the page
     does not show is read as a file carried in is (entryFromRows, standingRows): a decision on
     a code no longer suggested shown as "Also decided" (or a recode as the accept of its code,
     suggested now) and saved. Before (daily24, s89), those showed nowhere and Save decisions
     left them out of the file, while the toolbar counted them. The "no-code" row a page derives
     from its rejects (fitsNoCode) is taken from the rows the place's review of this report kept
     (`placeSeg`), when they hold one: the suggestions it rejected are no longer all shown. */
  function fitted(review, seg, st, placeSeg) {
    var slots = shownCodes(review);
    if (review.querySelector(".sugg.own-code")) slots.push("");
    var fits = Object.keys(st.codes).every(function (code) { return slots.indexOf(code) >= 0; }) &&
      /* a decision kept as "Also decided" by a page that did not suggest its code: on its code
         again when this page suggests it (hunt49 D1, s89) */
      !st.extra.some(function (e) {
        return (e[0] === "accept" || e[0] === "reject") && !st.codes[e[1]] && slots.indexOf(e[1]) >= 0;
      }) &&
      /* an accept a page put on a free slot (entryFromRows): on its code again when this page
         suggests it (hunt52 H1, s89) */
      !Object.keys(st.codes).some(function (code) {
        var d = st.codes[code] || {};
        return d.decision === "recode" && d.carried === "accept" && !st.codes[d.target] &&
          slots.indexOf(d.target) >= 0;
      }) &&
      /* a recode a page moved off the suggestion it replaced: back on it (or on its code, as
         that code's accept) when this page suggests it (hunt49 D3, s90) */
      !Object.keys(st.codes).some(function (code) {
        var d = st.codes[code] || {};
        if (d.decision !== "recode" || d.carried !== "recode") return false;
        var back = function (c) { return !!c && c !== code && !st.codes[c] && slots.indexOf(c) >= 0; };
        return back(String(d.suggestion || "")) || back(String(d.target || ""));
      });
    if (fits) return st;
    var rows = stateRows(seg, st, segmentText(review));
    var noCode = (placeSeg || []).some(function (f) { return f[1] === "no-code"; });
    if (noCode && !rows.some(function (f) { return f[1] === "no-code"; })) {
      rows.push([seg, "no-code", "", "", st.mark || st.note || "", segmentText(review)]);
    }
    var asRead = rows.map(function (f) {
      return { segment_id: f[0], decision: f[1], code_id: f[2], new_code: f[3] || "", note: f[4] || "",
               text: f[5] || "", valence: f[6] || "", suggestion: f[7] || "" };
    });
    var out = entryFromRows(review, standingRows(asRead));
    if (typeof st.before === "string") out.before = st.before;
    return out;
  }

  function restore() {
    var saved = stored(storeKey);
    if (!saved || typeof saved !== "object") saved = null;
    var place = stored(placeKey);
    /* nothing kept under today's keys (or only the empty review a page opened before this
       fallback wrote, which left the older page's where it was) */
    var none = (!saved || !Object.keys(saved).length) &&
      (!place || typeof place !== "object" || !Array.isArray(place.rows) || !place.rows.length);
    var legacy = none ? stored(legacyKey) : null;
    var fromLegacy = !!(legacy && typeof legacy === "object" && Object.keys(legacy).length);
    if (fromLegacy) {  /* this very report, kept by an older page: its own review */
      saved = legacy;
      legacyFound = legacyKey;
    } else if (none && earlierKey) {  /* the report this page replaced */
      var earlier = stored(earlierKey);
      if (earlier && typeof earlier === "object" && Object.keys(earlier).length) {
        place = { report: earlierId, rows: legacyRows(earlier) };
        legacyFound = earlierKey;
      }
    }
    /* embedded rows are matched already:
       [segment_id, decision, code_id, new_code, note, valence, suggestion] */
    embeddedRows = currentRows(applyMatched(embedded.map(function (r) {
      return { segment: r[0], row: { segment_id: r[0], decision: r[1], code_id: r[2], new_code: r[3], note: r[4],
                                     valence: r[5] || "", suggestion: r[6] || "" } };
    })));
    restoreSaved();
    var carried = carryFromPlace(saved, place);
    if (saved) {
      var reviews = reviewsById();
      placeBySeg = {};
      if (place && typeof place === "object" && place.report === reportId && Array.isArray(place.rows)) {
        place.rows.forEach(function (f) {
          if (Array.isArray(f) && typeof f[0] === "string") (placeBySeg[f[0]] = placeBySeg[f[0]] || []).push(f);
        });
      }
      Object.keys(saved).forEach(function (seg) {
        var st = saved[seg];
        if (!st || typeof st !== "object") return;
        state[seg] = fromStore(seg, st, reviews);
        kept[seg] = true;
        /* as the browser keeps it; an older page's, not under storeKey yet: written there */
        if (!fromLegacy) synced[seg] = keyOf(st);
      });
    }
    paintAll(true);
    tickUndecided();
    var said = [];
    if (carried && !carried.same && (carried.carried || carried.unmatched)) {
      var n = carried.carried, u = carried.unmatched;
      said.push(n + (n === 1 ? " decision" : " decisions") + " carried from the earlier report in this folder; " +
        unmatchedText(u) + unmatchedSegments(carried.unmatchedOn) + untoldText(carried.untold));
    }
    if (carried && carried.notesLeftOut) {
      var nl = carried.notesLeftOut;
      said.push("The notes on " + nl + (nl === 1 ? " segment" : " segments") + " of the review this browser " +
        "kept here are left out: it was kept by a report that was not pseudonymised, and its notes may name " +
        "the people pseudonymising took out (write again those that name no one)");
    }
    /* decisions written into the page (roqa report --decisions) that this browser keeps taken
       back or cleared win over them, as they should after a reload, but never silently: the
       command said they were carried into the report */
    var hidden = {};
    embedded.forEach(function (r) {
      if (r[1] && r[1] !== "note" && isBlank(state[r[0]])) hidden[r[0]] = true;
    });
    var h = Object.keys(hidden).length;
    if (h) {
      said.push(h + (h === 1 ? " segment's decision written into this report stays" :
        " segments' decisions written into this report stay") + " cleared or taken back in " +
        "this browser (Load decisions… with the decisions file brings them back)");
    }
    if (unmatchedCarried.said) said.push(unmatchedCarried.said);
    loadedUnmatched = storedUnmatched();
    var l = loadedUnmatched.length;
    if (l) {
      said.push(l + (l === 1 ? " decision" : " decisions") + " of a decisions file loaded here " +
        (l === 1 ? "matches" : "match") + " no segment of this report: Save decisions writes " +
        (l === 1 ? "it" : "them") + " back unchanged, at the end of the file (Clear forgets " +
        (l === 1 ? "it" : "them") + ")");
    }
    if (said.length) showStatus(said.join(". "));
  }

  function isBlank(st) {
    return !st || (!Object.keys(st.codes || {}).length && !st.newCode && !st.note && !st.valence &&
      !(st.extra || []).length && !(st.more || []).length);
  }

  /* The separators a decisions.csv may have, in the order roqa's reader prefers them (Python's
     csv.Sniffer): commas, tabs (Excel's "Unicode text"), semicolons (Excel in German, French or
     Dutch settings). */
  var SEPARATORS = [",", "\t", ";"];
  /* Whether a character (one code point) may stand beside a quoted cell as its separator, as
     csv.Sniffer has it ([^\w\n"']): no letter, digit or underscore (Python's \w: any script's,
     where the browser knows Unicode's classes; else ASCII's, so that an old browser still runs
     the page), line break or quote. */
  var NOT_A_WORD = (function () {
    try {
      if (new RegExp("^\\p{L}$", "u").test("\u00e9")) return new RegExp("^[^\\p{L}\\p{N}_\\n\"']$", "u");
    } catch (e) { /* no Unicode property classes in this browser */ }
    return /^[^\w\n"']$/;
  })();
  var UNICODE_WORDS = NOT_A_WORD.unicode === true;

  /* The character (code point: a surrogate pair is one where the browser reads Unicode's
     classes, as Python reads it) at `i` of `line`. */
  function characterAt(line, i) {
    var c = line.charAt(i), lo = line.charCodeAt(i + 1);
    if (UNICODE_WORDS && /[\ud800-\udbff]/.test(c) && lo >= 0xdc00 && lo <= 0xdfff) return line.substr(i, 2);
    return c;
  }

  function isQuote(c) {
    return c === '"' || c === "'";
  }

  /* The separators csv.Sniffer finds beside quoted cells on one line (no line break in it), one
     for each cell it finds, "" for a cell with no separator beside it; null where it finds no
     quoted cell. Its four ways are tried in turn (,"x", then "x", at the line's start, then
     ,"x" at its end, then "x" alone), as Python's regular expressions find them, left to right
     and not overlapping, but each in one pass over the line: the expressions themselves took
     minutes over a long line (a file of old Mac line ends, s79 hunt1). */
  function quotedCellSeparators(line) {
    var n = line.length, found = [], pos, d, q, qAt, j;
    /* where a quoted cell starting at `p` (a separator, a blank or none, a quote) has its quote,
       or -1 */
    var quoteAt = function (p) {
      var at = p + d.length;
      if (line.charAt(at) === " " && isQuote(line.charAt(at + 1))) return at + 1;
      return isQuote(line.charAt(at)) ? at : -1;
    };
    /* ,"x", : the first quote and separator after each start, looked for once for each pair */
    var next = {};
    var closing = function (pair, from) {
      var k = next[pair];
      if (k === undefined || (k >= 0 && k < from)) k = next[pair] = line.indexOf(pair, from);
      return k;
    };
    for (pos = 0; pos < n;) {
      d = characterAt(line, pos);
      qAt = NOT_A_WORD.test(d) ? quoteAt(pos) : -1;
      j = qAt < 0 ? -1 : closing(line.charAt(qAt) + d, qAt + 1);
      if (j < 0) { pos += d.length; continue; }
      found.push(d);
      pos = j + 1 + d.length;
    }
    if (found.length) return found;
    /* "x", at the line's start */
    q = line.charAt(0);
    if (isQuote(q)) {
      for (j = 1; j < n; j++) {
        if (line.charAt(j) === q && j + 1 < n && NOT_A_WORD.test(characterAt(line, j + 1))) return [characterAt(line, j + 1)];
      }
    }
    /* ,"x" at the line's end */
    for (pos = 0; pos < n; pos += d.length) {
      d = characterAt(line, pos);
      qAt = NOT_A_WORD.test(d) ? quoteAt(pos) : -1;
      if (qAt >= 0 && n - 1 > qAt && line.charAt(n - 1) === line.charAt(qAt)) return [d];
    }
    /* "x" alone */
    if (isQuote(q) && n > 1 && line.charAt(n - 1) === q) return [""];
    return null;
  }

  /* The separator of one line of a CSV file (a decisions.csv's header, a title above it), as
     roqa's reader tells it (io.csv_delimiter, Python's csv.Sniffer on that line): the one most
     often beside a quoted cell ("Review of P01-P13, 6 Dec";;;), the first to when as often;
     else the first of SEPARATORS the line holds; else a comma. */
  function lineSeparator(line) {
    var count = {}, seen = [];
    (quotedCellSeparators(line) || []).forEach(function (sep) {
      if (SEPARATORS.indexOf(sep) < 0) return;
      if (!count[sep]) { count[sep] = 0; seen.push(sep); }
      count[sep] += 1;
    });
    var best = seen.reduce(function (b, s) { return b && count[b] >= count[s] ? b : s; }, "");
    if (best) return best;
    for (var i = 0; i < SEPARATORS.length; i++) {
      if (line.indexOf(SEPARATORS[i]) >= 0) return SEPARATORS[i];
    }
    return ",";
  }

  /* How many of a decisions.csv's first lines its header may be (io.MAX_HEADER_LINE). */
  var MAX_HEADER_LINE = 5;
  /* A line that holds no cell: blank (white space as Python's str.isspace has it), or
     separators alone, an empty row Excel saved (io._NO_CELLS). */
  var NO_CELLS = /^[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000,;]*$/;

  /* The cells of one line of a CSV file that hold something, split at `sep`, as roqa's reader
     splits a line above the header (io._line_cells). */
  function lineCells(line, sep) {
    return (parseCsv(line, sep)[0] || []).filter(function (c) { return c.trim() !== ""; });
  }

  /* The separator at which a line's cells name segment_id, as roqa's reader tells a
     decisions.csv's header line (io.header_delimiter): the line's own (lineSeparator), else the
     first of SEPARATORS that does (a semicolon file whose header holds a comma: "Checked, JB",
     which Excel in German settings leaves unquoted); null when none does. */
  function headerSeparator(line) {
    var seps = [lineSeparator(line)].concat(SEPARATORS);
    for (var i = 0; i < seps.length; i++) {
      if (lineCells(line, seps[i]).some(function (c) { return columnKey(c) === "segment_id"; })) return seps[i];
    }
    return null;
  }

  /* A decisions.csv from its header line, as roqa's reader takes it (io.from_the_header with
     segment_id), and the separator it is read at (io.csv_delimiter with segment_id): the lines
     above it that hold no cell passed over, and a title above it ("Review of P01-P13, 6 Dec" in
     quotes, or a line of one cell: a file someone saved with a title row), when the header is
     one of the first MAX_HEADER_LINE lines, names segment_id (headerSeparator), and every line
     above it holds one cell at most at the header's separator; else the first line that holds a
     cell is the header, which names what is missing; `skipped`: how many lines are above it.
     Its line ends are LF (readDecisionsCsv). */
  function fromTheHeader(text) {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    var lines = text.split("\n"), skipped = 0, sep = null, i;
    while (skipped < lines.length - 1 && NO_CELLS.test(lines[skipped])) skipped++;
    var head = lines.slice(skipped, MAX_HEADER_LINE);
    for (i = 0; i < head.length && !sep; i++) sep = headerSeparator(head[i]);
    for (i = 0; sep && i < head.length; i++) {
      var cells = lineCells(head[i], sep);
      if (cells.some(function (c) { return columnKey(c) === "segment_id"; })) {
        skipped += i;
        break;
      }
      if (cells.length > 1) break;
    }
    var header = lines[skipped] || "";
    return { text: lines.slice(skipped).join("\n"), skipped: skipped,
      sep: headerSeparator(header) || lineSeparator(header) };
  }

  /* decisions.csv as rows of fields: quoted fields with doubled quotes, separators and line
     breaks in them, CRLF or LF line ends, a UTF-8 byte order mark; comma, semicolon or tab
     separated (`sep`), as roqa's own reader takes them. Rows with
     no field that holds something are left out; `lines`, when given, gets the line of the text
     each row kept ends on (a quoted line break counts, as Python's csv.reader.line_num). */
  function parseCsv(text, sep, lines) {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    var rows = [], row = [], field = "", quoted = false, started = false, line = 1, ends = [];
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (quoted) {
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        if (c !== '"') field += c;
        else if (text[i + 1] === '"') { field += '"'; i++; }
        else quoted = false;
      } else if (c === '"' && field === "" && !started) {
        quoted = true; started = true;
      } else if (c === sep) {
        row.push(field); field = ""; started = false;
      } else if (c === "\r" || c === "\n") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        row.push(field); rows.push(row); ends.push(line++); row = []; field = ""; started = false;
      } else {
        field += c; started = true;
      }
    }
    if (field !== "" || started || row.length) { row.push(field); rows.push(row); ends.push(line); }
    var kept = [];
    rows.forEach(function (r, k) {
      if (r.length < 2 && r[0].trim() === "") return;
      kept.push(r);
      if (lines) lines.push(ends[k]);
    });
    return kept;
  }

  var DECISIONS = ["accept", "reject", "recode", "new-code", "note", "valence", "no-code"];

  /* A header cell as a column's name is matched, as roqa's reader matches it (io.column_key):
     blanks around it dropped, in lower case, each run of blanks, hyphens and underscores one
     underscore ("Segment ID", "new-code": segment_id, new_code). */
  function columnKey(h) {
    return h.trim().toLowerCase().replace(/[\s_-]+/g, "_");
  }

  /* The decisions of a decisions.csv as {segment_id, decision, code_id, new_code, note, text}
     (a "note" row: a segment's note, no decision), read as roqa's reader reads it
     (decisions.read_decisions): its line ends (CRLF, LF, or CR alone: a Mac's) read as LF
     first, from its header (fromTheHeader: below a title), a row holding nothing (;;;;;, as
     Excel leaves below the last) passed over; rows that are not a decision are counted in
     `skipped`. A row with text in a field past the header's (a note typed with a comma, no
     quotes around it) is an error, as it is to roqa, where the page took the fields before
     and lost the rest without a word. */
  function readDecisionsCsv(text) {
    text = text.replace(/\r\n?/g, "\n");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    var table = fromTheHeader(text), lines = [];
    var rows = parseCsv(table.text, table.sep, lines);
    if (!rows.length) return { error: "the file is empty" };
    var header = rows[0].map(columnKey), width = rows[0].length;
    /* a cell written as roqa writes it (code_id), not retyped (Code ID): where both name one
       column, roqa's own is read, as roqa's reader reads it */
    var asWritten = rows[0].map(function (h) { return h.trim().toLowerCase() === columnKey(h); });
    if (header.indexOf("segment_id") < 0 || header.indexOf("decision") < 0) {
      return { error: "the file has no segment_id and decision columns (is it a decisions.csv?)" };
    }
    var out = [], skipped = 0;
    for (var k = 1; k < rows.length; k++) {
      var fields = rows[k], past = fields.slice(width).map(function (c) { return c.trim(); })
        .filter(function (c) { return c; });
      if (past.length) {
        return { error: "line " + (lines[k] + table.skipped) + " has " + fields.length + " fields but the header " +
          width + ", so the text past the header ('" + past.join(", ") + "') would be lost: put quotes " +
          "around a cell that holds " + (table.sep === "," ? "a comma" : table.sep === ";" ? "a semicolon" : "a tab") +
          " (a note, a text), as Excel does" };
      }
      var r = {}, own = {};
      header.forEach(function (h, i) {
        if (own[h] && !asWritten[i]) return;
        if (asWritten[i]) own[h] = true;
        r[h] = unprotect((fields[i] || "").trim());
      });
      if (!Object.keys(r).some(function (h) { return h && r[h]; })) continue;
      r.decision = r.decision.toLowerCase().replace(/_/g, "-").replace("newcode", "new-code")
        .replace("nocode", "no-code");
      r.valence = (r.valence || "").toLowerCase();
      var ok = r.segment_id && DECISIONS.indexOf(r.decision) >= 0 &&
        (r.decision === "new-code" ? !!r.new_code : r.decision === "note" ? !!r.note :
         r.decision === "valence" ? VALENCES.indexOf(r.valence) >= 0 :
         r.decision === "no-code" ? true : !!r.code_id);
      if (ok) out.push(r); else skipped += 1;
    }
    return { rows: out, skipped: skipped };
  }

  function loadDecisions(text) {
    var read = readDecisionsCsv(text);
    if (read.error) return "Not loaded: " + read.error + ".";
    var m = matchRows(read.rows, pseudonymisedPage);
    var stood = withoutNamedNotes(m);
    var t = readInPage(m.matched);
    t.matched = t.matched.map(inCodebookIds);
    var loaded = applyMatched(underPageRows(t.matched), true);
    if (!pseudonymisedPage) keepUnmatched(m.unmatched);
    paintAll();
    tickUndecided();
    save();
    markSaved(loaded, fileRowsOf(t.matched));  /* they are in a file; the page's own rows not */
    applyFilter();
    var isNote = function (r) { return r.decision === "note"; };
    /* the file's rows (a row decided on each of several codes shown counts once) */
    var notes = m.matched.filter(function (x) { return isNote(x.row); }).length;
    var n = m.matched.length - notes, u = m.unmatched.length;
    var msg = n + (n === 1 ? " decision" : " decisions") +
      (notes ? " and " + notes + (notes === 1 ? " note" : " notes") : "") + " loaded; " +
      unmatchedText(u) + (u ? unmatchedKeptText(u) : "") + untoldText(m.untold);
    if (read.skipped) msg += " (" + read.skipped + (read.skipped === 1 ? " row is" : " rows are") + " not a decision)";
    return msg + stoodText(stood) + editedText(t.matched) + joinedText(t.matched) + partedText(t.matched) + narrowedText(t.matched) + (t.charted ? chartedText(t) : translatedText(t)) +
      otherCodesText(t.matched.map(function (x) { return x.row; }));
  }

  /* What the status line says of the `u` rows of a file loaded that match no segment: kept and
     saved back; on a pseudonymised page left out, as roqa report --decisions leaves them out of
     it (report._left_out_unpseudonymised): their words and notes may be talk from before
     pseudonymising, which keeping them would carry word for word. */
  function unmatchedKeptText(u) {
    var it = u === 1 ? "it" : "them", they = u === 1 ? "it" : "they";
    if (!pseudonymisedPage) return " (kept: Save decisions writes " + it + " back unchanged, at the end of the file)";
    return " (left out: " + they + " may be on talk from before pseudonymising, which the page would carry " +
      "word for word. Save decisions does not write " + it + ": keep the decisions file " + they + " came from)";
  }

  /* The rows of a file loaded into a pseudonymised page that matchRows matched by reading the
     pseudonyms of their segment as the names they replaced (made on the report before
     pseudonymising), their notes left out of `m.matched` (a note alone, the row), as roqa
     apply-decisions and roqa report leave them out (leave_out_notes_on_replaced_names): a note
     written on the names may name anyone. Gives the segments and how many notes were left out. */
  function withoutNamedNotes(m) {
    var segs = [], notes = 0, edited = 0, coined = [], reviews = reviewsById();
    m.matched = m.matched.filter(function (x) {
      /* a row the near rule placed (its words edited besides the names: hunt6 F2) on a segment
         holding a pseudonym of a pseudonymised transcript was written on the names, too */
      var named = !x.pseudonyms && x.edited && !x.joined && pseudonymisedHere(x.segment) &&
        new RegExp(PSEUDONYM.source).test(segmentText(reviews[x.segment]));
      if (!x.pseudonyms && !named) return true;
      if (x.pseudonyms && segs.indexOf(x.segment) < 0) segs.push(x.segment);
      if (x.pseudonyms && x.row.decision === "new-code" && coined.indexOf(x.segment) < 0) coined.push(x.segment);
      if (!String(x.row.note || "").trim()) return true;
      if (named) edited += 1; else notes += 1;
      if (x.row.decision === "note") return false;
      x.row = Object.assign({}, x.row, { note: "" });
      return true;
    });
    return { segments: segs, notes: notes, edited: edited, coined: coined };
  }

  /* What the status line says of withoutNamedNotes' rows, as roqa apply-decisions says it. */
  function stoodText(stood) {
    var n = stood.segments.length, k = stood.notes;
    if (!n) return editedNotesText(stood.edited) + coinedText(stood.coined);
    return "; " + n + (n === 1 ? " segment" : " segments") + " matched by reading " + (n === 1 ? "its" : "their") +
      " pseudonyms as the names they replaced (decided on the report before pseudonymising: " +
      stood.segments.join(", ") + ")" +
      (k ? "; " + k + (k === 1 ? " note" : " notes") + (n === 1 ? " on it" : " on them") + (k === 1 ? " is" : " are") +
        " left out: a note may name anyone (copy a note you need here, without names)" : "") +
      editedNotesText(stood.edited) + coinedText(stood.coined);
  }

  /* What the status line says of the new codes on rows matched by reading pseudonyms (hunt6
     F4), as roqa apply-decisions warns of them. */
  function coinedText(coined) {
    if (!coined.length) return "";
    var one = coined.length === 1;
    return "; the new code" + (one ? "" : "s") + " on " + coined.join(", ") + (one ? " comes" : " come") +
      " from a review made before pseudonymising: check " + (one ? "its name" : "their names") +
      " for a name pseudonymising replaced";
  }

  /* What the status line says of the notes withoutNamedNotes left out of rows matched to
     segments edited since the review that hold a pseudonym, as roqa apply-decisions says it of
     a file with no record of the codings it was made on: a file loaded has none, so the page
     cannot tell it was made on these pseudonymised codings (session 81 pfix7: it said the
     review was made before pseudonymising, false of one saved from this page). */
  function editedNotesText(e) {
    if (!e) return "";
    var one = e === 1;
    return "; " + e + (one ? " note on a segment" : " notes on segments") + " whose names pseudonymising replaced " +
      (one ? "is" : "are") + " left out: " + (one ? "the segment was" : "the segments were") + " edited since the " +
      "review, and the page cannot tell that the review was made on these pseudonymised codings, and a note may " +
      "name anyone (copy a note you need here, without names)";
  }

  /* The rows of a file loaded (matched), each segment's after the rows the page holds for it:
     the file is read as a later round's rows are, the later row winning on one code, not on the
     segment (standingRows), so that a decision made on the page on another code stays; the
     file's notes win where it gives one (the QDA review mark is none: a note typed on the page
     stays beside it). */
  function underPageRows(matched) {
    var fileNote = {}, segs = [], reviews = reviewsById(), out = [];
    matched.forEach(function (m) {
      if (!(m.segment in fileNote)) { fileNote[m.segment] = ""; segs.push(m.segment); }
      if (!fileNote[m.segment] && !isMark(m.row.note)) fileNote[m.segment] = String(m.row.note || "").trim();
    });
    segs.forEach(function (seg) {
      var st = state[seg], review = reviews[seg];
      if (!st || !review) return;
      segmentRows(review, seg, st).forEach(function (r) {
        var row = {};
        COLUMNS.forEach(function (c, i) { row[c] = r[i] === undefined ? "" : String(r[i]); });
        if (fileNote[seg] && !isMark(row.note)) row.note = "";
        out.push({ row: row, segment: seg, edited: false });
      });
    });
    return out.concat(matched);
  }

  /* segment id -> the rows the file alone gives it (JSON, as rowsKey has them): what is saved of
     a segment the page decided too (underPageRows) */
  function fileRowsOf(matched) {
    var bySeg = {}, reviews = reviewsById(), out = {};
    matched.forEach(function (m) { (bySeg[m.segment] = bySeg[m.segment] || []).push(m.row); });
    Object.keys(bySeg).forEach(function (seg) {
      if (!reviews[seg]) return;
      var rows = segmentRows(reviews[seg], seg, entryFromRows(reviews[seg], standingRows(bySeg[seg])));
      out[seg] = rows.length ? JSON.stringify(rows) : undefined;
    });
    return out;
  }

  /* A code's name as Python looks it up (roqa_nlp.codebook.normalise_name): case folded, "&" read
     as "and", punctuation as spaces, spacing aside, but the signs a name ends in ("Staffing -",
     "Staffing (+)", a dash or minus being "-") kept, as "+" or "-". */
  function nameKey(name) {
    var s = foldCase(String(name || "")), stem = "";
    var signs = /\s*\(?\s*[+\-\u2010-\u2015\u2212](?:\s*\/?\s*[+\-\u2010-\u2015\u2212])*\s*\)?\s*$/.exec(s);
    var key = function (text) {
      text = text.replace(/&/g, " and ");
      return sameText(text.replace(/[\-\u2010-\u2015\u2212_\/.,:;()'"\u2019\u2026]+/g, " "));
    };
    if (signs && signs.index > 0) stem = key(s.slice(0, signs.index));
    if (!stem) return key(s);
    return stem + " " + signs[0].match(/[+\-\u2010-\u2015\u2212]/g).map(function (c) {
      return c === "+" ? "+" : "-";
    }).join(" ");
  }
  /* The id of the code of this page's list written `key` (its id, or its id, name or alias in
     any case or spacing: nameKey), as Codebook.find finds it (an id or name before an alias,
     the first code claiming it); `key` itself when none is. */
  var idByKey = null;
  function codeIdOf(key) {
    var k = String(key || "").trim();
    if (!idByKey) {
      idByKey = { exact: Object.create(null), named: Object.create(null) };
      var claim = function (c, n) { if (!(nameKey(n) in idByKey.named)) idByKey.named[nameKey(n)] = c.id; };
      codes.forEach(function (c) { idByKey.exact[c.id] = c.id; });
      codes.forEach(function (c) { claim(c, c.id); claim(c, c.name); });
      codes.forEach(function (c) { (c.aliases || []).forEach(function (n) { claim(c, n); }); });
    }
    if (!k) return k;
    return idByKey.exact[k] || idByKey.named[nameKey(k)] || key;
  }
  /* A matched row ({row, segment, edited}) of a loaded file with the code of its accept, reject
     or recode (and a recode's suggestion) written by the id of the code the codebook knows it by,
     as roqa_nlp.decisions.in_codebook_ids reads it: a recode to "is.e.1" is one to IS.E.1,
     shown in its box and saved so (blind tester s67: the box was empty, the row saved as it
     came). */
  function inCodebookIds(m) {
    var r = m.row;
    if (["accept", "reject", "recode"].indexOf(r.decision) < 0) return m;
    var code = codeIdOf(r.code_id), was = r.decision === "recode" ? codeIdOf(r.suggestion) : r.suggestion;
    if (code === r.code_id && was === r.suggestion) return m;
    return withRow(m, copyRow(r, { code_id: code, suggestion: was }));
  }

  /* Whether a decision names a code that is neither this report's codebook's nor suggested
     here, nor a project's own (project.…): another codebook's (INS.E of CFIR 2.0 on a CFIR 2009
     report). */
  function isOtherCode(r) {
    if (["accept", "reject", "recode"].indexOf(r.decision) < 0 || !r.code_id ||
        r.code_id.indexOf("project.") === 0) return false;
    if (!knownCodes) {
      knownCodes = {};
      codes.forEach(function (c) { knownCodes[c.id] = true; });
      var suggested = document.querySelectorAll(".sugg[data-code]");
      for (var i = 0; i < suggested.length; i++) knownCodes[suggested[i].getAttribute("data-code")] = true;
    }
    return !knownCodes[r.code_id];
  }

  /* What the status line says of loaded rows on codes the page cannot read in its codes (a
     domain of CFIR 2.0, which is no construct; a code of no built-in codebook), once those of
     a review made in CFIR 2.0 are read in them (inModelCodes): they are kept as they came and
     saved back so, not shown on a suggestion. */
  function otherCodesText(rows) {
    var named = [], n = 0;
    rows.forEach(function (r) {
      if (!isOtherCode(r) || intoOf(r)) return;  /* said by chartedText */
      n += 1;
      if (named.indexOf(r.code_id) < 0) named.push(r.code_id);
    });
    if (!n) return "";
    var book = document.body.getAttribute("data-codebook") || "";
    return "; " + n + (n === 1 ? " decision names a code" : " decisions name codes") +
      " not in this report's codebook" + (book ? " " + book : "") + " (" + named.slice(0, 3).join(", ") +
      (named.length > 3 ? " …" : "") + "): kept and saved as they came, not shown on a suggestion";
  }

  function download(text, name) {
    var blob = new Blob([text], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 2000);
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest("button[data-action]");
    if (!button) return;
    var item = button.closest(".sugg");
    var seg = button.closest(".review").getAttribute("data-segment");
    var code = item.getAttribute("data-code");
    var st = entry(seg);
    var action = button.getAttribute("data-action");
    var was = st.codes[code];
    if (was && was.decision === action) delete st.codes[code];
    else st.codes[code] = { decision: action };
    st = settled(item.closest(".review"), seg, st, was);
    paint(item, st.codes[code]);
    save();
    told(item.closest(".row.segment"), clickSaid(item, movedOff(was) ? undefined : was, st.codes[code]));
  });

  /* Whether `d`, a suggestion's decision, is one a page put on that suggestion as a free slot
     (entryFromRows): an accept of a code not suggested, or a recode moved off the suggestion it
     replaced. It is not a decision on that suggestion. */
  function movedOff(d) {
    return !!d && d.decision === "recode" && (d.carried === "accept" || (d.carried === "recode" && !!d.suggestion));
  }
  /* A segment's state once a suggestion's decision changed (`was`: its decision before): a
     decision that was only put there as on a free slot (movedOff) is kept, on another free one
     or as "Also decided", and those and an "Also decided" accept or recode go on the suggestions
     left free as the file the page saves goes when carried into a fresh page (entryFromRows). A decision carried
     from a file is lost on no click that the same decision made on the page survives (blind
     testers s89-s90 B01-B05, F01, D4). The segment painted when its state is so read again. */
  function settled(review, seg, st, was) {
    var floating = (st.extra || []).some(function (e) { return e[0] === "accept" || e[0] === "recode"; }) ||
      Object.keys(st.codes).some(function (c) { return movedOff(st.codes[c]); });
    if (movedOff(was) || floating) {
      var text = segmentText(review), note = st.mark || st.note;
      var rows = [], moved = [];
      Object.keys(st.codes).forEach(function (code) {
        var row = codeRow(seg, code, st.codes[code], note, text);
        if (row) (movedOff(st.codes[code]) ? moved : rows).push(row);
      });
      if (movedOff(was)) moved.unshift(codeRow(seg, "", was, note, text));
      var copy = { codes: {}, newCode: st.newCode, note: st.note, valence: st.valence, extra: st.extra,
                   mark: st.mark, more: st.more };
      var all = rows.concat(moved, stateRows(seg, copy, text)).map(function (f) {
        return { segment_id: f[0], decision: f[1], code_id: f[2], new_code: f[3] || "", note: f[4] || "",
                 text: f[5] || "", valence: f[6] || "", suggestion: f[7] || "" };
      });
      var out = entryFromRows(review, all);
      if (typeof st.before === "string") out.before = st.before;
      state[seg] = st = out;
      paintReview(review, st);
    }
    return st;
  }

  /* What a click on accept or reject (or its key) did, said in the keys' status: "accepted IS.C
     Culture", "rejected …", "taken back …"; the recode it replaced too, which its box no longer
     shows: "accepted IS.C Culture; recode to IS.E Readiness for Implementation dropped" (blind
     tester s67: the status still said what the last key had done) */
  function clickSaid(item, was, now) {
    var name = item.querySelector(".name");
    var said = now && { accept: "accepted ", reject: "rejected " }[now.decision];
    var words = (said || "taken back ") +
      item.getAttribute("data-code") + (name && name.textContent ? " " + name.textContent.trim() : "");
    // a decision carried from a file moved onto the suggestion taken back (settled): said as the
    // box shows it, not "undefined" (hunt3 s91)
    if (now && now.decision === "recode") words += "; its box shows " + labelOf(now.target) + ", decided before";
    return was && was.decision === "recode" ? words + "; recode to " + labelOf(was.target) + " dropped" : words;
  }

  /* a valence button: pressed again, it takes the correction back */
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest("button[data-valence]");
    if (!button) return;
    var review = button.closest(".review");
    var st = entry(review.getAttribute("data-segment"));
    var valence = button.getAttribute("data-valence");
    st.valence = st.valence === valence ? "" : valence;
    paintValence(review, st.valence);
    save();
    told(review.closest(".row.segment"), st.valence ? "valence: " + st.valence : "valence taken back");
  });

  /* -- the recode box's list (#recode-codes, one for the page, moved under the box in use): the
     codes its text names by the rule Enter follows (recodeChoices), as a combobox's listbox
     (WAI-ARIA): typing, a click in the box or Down shows it, Down / Up walk it
     (aria-activedescendant), Enter or a click picks, Escape or leaving the box hides it. A
     <datalist> showed the browser's own matches instead, only codes containing the very text
     typed: none for "avail res", which Enter reads as IS.E.2 Available Resources. -- */
  var recodeList = document.getElementById("recode-codes");
  var listFor = null, activeChoice = -1;
  function showChoices(box) {
    if (!recodeList) return;
    var shown = recodeChoices(box.value, box.closest(".sugg").getAttribute("data-code"));
    var typed = squash(box.value);
    if (listFor && listFor !== box) hideChoices();
    if (recodeList.previousSibling !== box) box.parentNode.insertBefore(recodeList, box.nextSibling);
    recodeList.textContent = "";
    shown.forEach(function (c, i) {
      var option = document.createElement("li");
      option.id = "recode-choice-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      /* a code found by an alias shows it after its own name: "INS.A.3 Work Infrastructure
         (Staffing)"; picked, the box and the decision take the code, never the alias */
      var alias = aliasFound(c, typed);
      option.setAttribute("data-code", c.id);
      option.textContent = c.id + " " + c.name + (alias ? " (" + alias + ")" : "");
      recodeList.appendChild(option);
    });
    recodeList.style.left = box.offsetLeft + "px";
    recodeList.hidden = !shown.length;
    listFor = box;
    activeChoice = -1;
    box.removeAttribute("aria-activedescendant");
    box.setAttribute("aria-expanded", shown.length ? "true" : "false");
  }
  function hideChoices() {
    if (listFor) {
      listFor.setAttribute("aria-expanded", "false");
      listFor.removeAttribute("aria-activedescendant");
    }
    if (recodeList) recodeList.hidden = true;
    listFor = null;
    activeChoice = -1;
  }
  function moveChoice(box, step) {
    if (listFor !== box || recodeList.hidden) showChoices(box);
    var options = recodeList.children;
    if (!options.length) return;
    if (activeChoice >= 0) options[activeChoice].setAttribute("aria-selected", "false");
    activeChoice = activeChoice < 0 ? (step > 0 ? 0 : options.length - 1) :
      (activeChoice + step + options.length) % options.length;
    var option = options[activeChoice];
    option.setAttribute("aria-selected", "true");
    box.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }
  function pickChoice(box, option) {
    box.value = labelOf(option.getAttribute("data-code"));
    hideChoices();
    recodeFrom(box);
  }

  document.addEventListener("change", function (ev) {
    if (ev.target.matches && ev.target.matches("input.recode")) recodeFrom(ev.target);
  });
  /* a code's whole "id name" typed or pasted is read at once; other text when it is changed, or
     on Enter */
  document.addEventListener("input", function (ev) {
    var box = ev.target;
    if (!box.matches || !box.matches("input.recode")) return;
    var t = squash(box.value);
    if (codes.some(function (c) { return squash(c.id + " " + c.name) === t; })) {
      hideChoices();
      recodeFrom(box);
      return;
    }
    recodeMessage(box.closest(".sugg"), "");
    showChoices(box);
  });
  document.addEventListener("keydown", function (ev) {
    var box = ev.target;
    if (!box.matches || !box.matches("input.recode") || ev.ctrlKey || ev.metaKey) return;
    var open = listFor === box && !recodeList.hidden;
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      moveChoice(box, ev.key === "ArrowDown" ? 1 : -1);
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (open && activeChoice >= 0) pickChoice(box, recodeList.children[activeChoice]);
      else { hideChoices(); recodeFrom(box); }
    } else if (ev.key === "Escape" && open) {
      ev.preventDefault();  /* the list hidden, the box kept: Escape again leaves it */
      hideChoices();
    }
  });
  document.addEventListener("click", function (ev) {
    var box = ev.target;
    if (box.matches && box.matches("input.recode") && (listFor !== box || recodeList.hidden)) {
      showChoices(box);
    }
    var option = box.closest && recodeList && box.closest("#recode-codes li[role=option]");
    if (option && listFor) pickChoice(listFor, option);
  });
  /* a click on the list keeps the focus in the box */
  if (recodeList) recodeList.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
  /* leaving a recode box whose text is not what the page shows for it reads it, however it is
     left: emptied after a recode made with Enter and left with Tab, its text as of focus was
     empty too, so no change fired and the recode stayed, saved and applied, behind an empty box
     (blind tester pagereview, s67); a box left as shown is not read again (hunt s67 h_final: a
     loaded recode to a code the list lacks was refused on a click through it, the message
     moving the page under the pointer) */
  document.addEventListener("focusout", function (ev) {
    var box = ev.target;
    if (box === listFor) hideChoices();
    if (!box.matches || !box.matches("input.recode")) return;
    var item = box.closest(".sugg");
    var st = state[box.closest(".review").getAttribute("data-segment")];
    var d = st && st.codes[item.getAttribute("data-code")];
    if (box.value !== recodeShown(d)) recodeFrom(box);
  });

  document.addEventListener("input", function (ev) {
    var input = ev.target;
    if (!input.matches || !input.matches("input.new-code, input.note")) return;
    var st = entry(input.closest(".review").getAttribute("data-segment"));
    if (input.classList.contains("new-code")) {
      st.newCode = input.value.trim();
      delete st.before; /* named here now: a group's take back leaves it */
      input.classList.toggle("has-value", !!st.newCode);
    } else {
      st.note = input.value.trim();
    }
    save();
  });

  /* -- the names a new-code box offers (#new-code-names, a <datalist> for the page): the model's
     project codes (project.…, the new codes of an earlier round) and the new codes this review
     has named, each once (case and spacing aside, as roqa apply-decisions merges them: the
     first spelling met), so that a theme named on 30 segments is picked, not typed again in
     3 spellings (tester daily24, s89). The names stay free text. Filled when a box is entered. */
  var newCodeNames = document.getElementById("new-code-names");
  function namesOffered() {
    var seen = {}, names = [];
    function offer(name) {
      var said = sameText(name), key = foldCase(said);
      if (!said || seen[key]) return;
      seen[key] = true;
      names.push(said);
    }
    codes.forEach(function (c) { if (c.id.indexOf("project.") === 0) offer(c.name); });
    Object.keys(state).forEach(function (seg) {
      var st = state[seg];
      if (st && st.newCode) offer(st.newCode);
      ((st && st.extra) || []).forEach(function (e) { if (e[0] === "new-code") offer(e[2]); });
    });
    return names.sort(function (a, b) { return foldCase(a) < foldCase(b) ? -1 : foldCase(a) > foldCase(b) ? 1 : 0; });
  }
  document.addEventListener("focusin", function (ev) {
    var box = ev.target;
    if (!newCodeNames || !box.matches || !box.matches("input.new-code, input.group-code-name")) return;
    newCodeNames.textContent = "";
    namesOffered().forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      newCodeNames.appendChild(option);
    });
  });

  var saveButton = document.getElementById("save-decisions");
  if (saveButton) saveButton.addEventListener("click", function () {
    var came = sync(false);  /* the other tab's latest too */
    if (came.length) { paintCame(came); showCount(); }
    download(decisionsCsv(), "decisions.csv");
    markSaved();
  });

  var clearButton = document.getElementById("clear-decisions");
  if (clearButton) clearButton.addEventListener("click", function () {
    if (!window.confirm("Forget every decision made in this report? This cannot be undone: use Save decisions first to keep a copy.")) return;
    /* the decisions embedded in the page stay forgotten: an empty entry kept in this browser
       wins over them */
    state = {};
    kept = {};
    embedded.forEach(function (r) { state[r[0]] = blank(); kept[r[0]] = true; });
    /* the rows of files loaded here that match no segment too (the file still has them); not
       those the page carries in, which only the file they came from can drop */
    loadedUnmatched = [];
    try { window.localStorage.removeItem(unmatchedKey); } catch (e) { /* this tab only */ }
    paintAll();
    tickUndecided();
    /* what the status line said (a file loaded and matched, decisions carried) is no longer so;
       the carried rows that match no segment are kept, and still said */
    showStatus("Review cleared: every decision and note on this page is forgotten in this browser " +
      "(Load decisions… with a saved decisions file brings them back)" +
      (unmatchedCarried.said ? ". " + unmatchedCarried.said : ""));
    saidCleared = true;
    save(true);  /* in every tab of the report: the other takes it in */
    applyFilter();
  });

  var loadButton = document.getElementById("load-decisions");
  var loadInput = document.getElementById("load-decisions-file");
  if (loadButton && loadInput) {
    loadButton.addEventListener("click", function () { loadInput.click(); });
    loadInput.addEventListener("change", function () {
      var file = loadInput.files && loadInput.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var msg, text = null;
        /* strictly UTF-8: a Windows-1252 file (Excel's plain "CSV") would have its accents
           garbled, and a decision's text would then match no segment (a U+FFFD a transcript
           itself holds is UTF-8 and reads as such) */
        try { text = new TextDecoder("utf-8", { fatal: true }).decode(reader.result); } catch (e) {
          msg = "Not loaded: the file is not UTF-8 text: save it from Excel as \"CSV UTF-8\" and load it again.";
        }
        if (text !== null) {
          try { msg = loadDecisions(text); } catch (e) { msg = "Not loaded: " + e.message; }
        }
        showStatus(file.name + ": " + msg);
        loadInput.value = ""; /* the same file can be loaded again */
      };
      reader.onerror = function () {
        showStatus(file.name + ": could not be read");
        loadInput.value = "";
      };
      reader.readAsArrayBuffer(file);
    });
  }

  /* The review filter: every segment, the segments not reviewed yet (isReviewed: with no
     decision, or partly reviewed), or those whose top
     suggestion is below 40 %; procedural talk and small talk are left out of the last two. Each
     shown segment keeps the interviewer's question before it; other rows are hidden. A decision
     does not hide its segment at once: the list changes when a choice is made again (the count
     says so at once: showFilterCount). In a
     person's codings: every segment, the coded ones, or those given no code (every segment
     counted, the interviewer's too). */
  function hasDecision(seg) {
    var st = state[seg];
    return !!st && (Object.keys(st.codes).length > 0 || !!st.newCode || !!(st.extra && st.extra.length));
  }

  /* Whether a segment's review is done, as roqa_nlp.decisions.reviewed_codings decides it (and
     roqa apply-decisions, Table 2, the matrix and saturation after it): a code accepted,
     recoded to or new, a "no-code" row, or every suggestion shown rejected (rejectsAll). Rejects
     short of that ("not this code") leave it undecided: partly reviewed. */
  function isReviewed(seg) {
    var st = state[seg];
    if (!st) return false;
    if (st.newCode) return true;
    var codes = Object.keys(st.codes);
    for (var i = 0; i < codes.length; i++) if (st.codes[codes[i]].decision !== "reject") return true;
    var extra = st.extra || [];
    for (var j = 0; j < extra.length; j++) {
      if (extra[j][0] !== "reject" && !lacksCode(extra[j])) return true;
    }
    return rejectsAll(reviewsById()[seg], st);
  }

  /* Whether a carried decision ([decision, code_id, new_code], of st.extra) names a code the
     report's codebook lacks, as roqa_nlp.decisions.codes_not_in has it: an accept, reject or
     recode of a code that is not this codebook's (by id, name or alias), suggested here, a
     project's own, a code of the codebook charted from, or another built-in codebook's by its
     id (#roqa-other-ids). roqa apply-decisions refuses such an accept or recode and
     leaves such a rejection out, so neither decides its segment here (re-test, session 47: the
     page counted a segment decided on a dropped code alone as reviewed). */
  var codeKeys = null;
  function lacksCode(e) {
    var r = { decision: e[0], code_id: e[1] };
    if (!isOtherCode(r) || intoOf(r)) return false;
    if (!codeKeys) {
      codeKeys = {};
      otherIds.forEach(function (id) { codeKeys["id:" + id] = true; });
      codes.forEach(function (c) {
        [c.name].concat(c.aliases || []).forEach(function (k) { codeKeys[squash(k)] = true; });
      });
    }
    return !codeKeys["id:" + r.code_id] && !codeKeys[squash(r.code_id)];
  }

  /* The decisions of a segment on codes the codebook lacks that would decide it (an accept or
     recode: lacksCode), by code. */
  function lackingCodes(st) {
    var out = [];
    (st.extra || []).forEach(function (e) {
      if (e[0] !== "reject" && lacksCode(e) && out.indexOf(e[1]) < 0) out.push(e[1]);
    });
    return out;
  }

  /* A partly reviewed segment says so under its suggestions, and what would decide it. */
  var PARTLY = "Partly reviewed: rejected, nothing accepted – accept or recode another code, " +
    "give a new code, or reject every suggestion shown if it fits no code";
  /* what the hint says of a segment decided only on codes the codebook lacks (lackingCodes) */
  function partlyText(st) {
    var gone = st ? lackingCodes(st) : [];
    if (!gone.length) return PARTLY;
    var book = document.body.getAttribute("data-codebook") || "this report's codebook";
    return "Not reviewed: decided on " + (gone.length === 1 ? "a code " : "codes ") + book +
      " lacks (" + gone.join(", ") + "), which roqa apply-decisions refuses – accept or recode " +
      "a code of " + book + ", or give a new code";
  }
  function paintPartly(review, partly) {
    var hint = review.querySelector(".partly");
    if (!partly) { if (hint) hint.remove(); return; }
    if (!hint) {
      hint = document.createElement("div");
      hint.className = "partly";
      hint.setAttribute("role", "note");
      review.insertBefore(hint, review.querySelector(".extra"));
    }
    if (hint.textContent !== partly) hint.textContent = partly;
  }

  /* the filter chosen: "all", "unreviewed", "unsure" (or "coded", "uncoded" read-only) */
  function filterMode() {
    var form = document.getElementById("review-filter");
    var checked = form ? form.querySelector("input[name=show]:checked") : null;
    return checked ? checked.value : "all";
  }

  /* Calls back each segment row of the transcripts the picker shows, with its review and whether
     the filter chosen keeps it now, and each interviewer's question row with no review (null); the
     question rows of a person's codings are segments. */
  function eachFilterRow(mode, visit) {
    var transcripts = document.querySelectorAll("#transcripts details.transcript");
    for (var t = 0; t < transcripts.length; t++) {
      var block = transcripts[t].hidden ? null : transcripts[t].querySelector(".rows");
      if (!block) continue;
      var rows = block.children;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var review = row.querySelector(".review[data-segment]");
        if (!review || (row.classList.contains("question") && !readOnly)) { visit(row, null, false); continue; }
        var keep;
        if (readOnly) {
          keep = mode === "all" || row.hasAttribute("data-uncoded") === (mode === "uncoded");
        } else {
          keep = mode === "all" || (!row.hasAttribute("data-aside") && (mode === "unreviewed"
            ? !isReviewed(review.getAttribute("data-segment"))
            : row.getAttribute("data-band") === "low"));
        }
        visit(row, review, keep);
      }
    }
  }

  function applyFilter() {
    if (!document.getElementById("review-filter")) return;
    var mode = filterMode();
    /* the transcript picked (its id), or "" for every transcript */
    var picker = document.getElementById("transcript-select");
    var picked = picker ? picker.value : "";
    var transcripts = document.querySelectorAll("#transcripts details.transcript");
    for (var t = 0; t < transcripts.length; t++) {
      transcripts[t].hidden = !!picked && transcripts[t].id !== picked;
    }
    var question = null, block = null;
    eachFilterRow(mode, function (row, review, keep) {
      if (row.parentNode !== block) { block = row.parentNode; question = null; }
      var isQuestion = row.classList.contains("question");
      if (!review) {
        row.hidden = mode !== "all";
        if (isQuestion) question = row;
        return;
      }
      row.hidden = !keep;
      if (keep) {
        if (question) { question.hidden = false; question = null; }
      } else if (isQuestion) {
        question = row; /* an interviewer's segment of a person's codings, hidden */
      }
    });
    showFilterCount();
  }

  /* The filter's count, out of the reviewable segments as the progress counts them (set-aside
     talk is never shown by the filters, but counted once decided anyway), written again on every
     change of the review (showProgress), not only when the filter is chosen: a segment decided
     under "not reviewed yet" stays shown until the filter is chosen again (its radio clicked
     again, or the transcript picked), so that it does not vanish under the keys, and the count
     says so: "10 of 11 reviewable segments shown (1 decided since filtering, shown until you
     filter again)"; one taken back while the filter hides it, "(1 not reviewed again, shown when
     you filter again)". `filterStale`: the list is not the filter's now. */
  var filterStale = false;
  function showFilterCount() {
    var count = document.getElementById("filter-count");
    if (!count) return;
    var mode = filterMode();
    var shown = 0, total = 0, decided = 0, back = 0;
    eachFilterRow(mode, function (row, review, keep) {
      if (!review) return;
      /* set-aside talk decided anyway is reviewable, as the progress counts it */
      if (readOnly || !row.hasAttribute("data-aside") || isReviewed(review.getAttribute("data-segment"))) total += 1;
      if (keep && !row.hidden) shown += 1;
      else if (keep) back += 1;
      else if (!row.hidden) decided += 1;
    });
    filterStale = decided + back > 0;
    if (mode === "all") { count.textContent = ""; return; }
    var said = [];
    if (decided) said.push(decided + " decided since filtering, shown until you filter again");
    if (back) said.push(back + " not reviewed again, shown when you filter again");
    count.textContent = shown + " of " + total + (readOnly ? " segments shown" : " reviewable segments shown") +
      (said.length ? " (" + said.join("; ") + ")" : "");
  }

  var filterForm = document.getElementById("review-filter");
  if (filterForm) {
    filterForm.addEventListener("change", applyFilter);
    /* the filter chosen clicked again brings the list up to date (no change event) */
    filterForm.addEventListener("click", function (ev) {
      if (filterStale && ev.target.matches && ev.target.matches("input[name=show]:checked")) applyFilter();
    });
  }

  /* Review progress per transcript: how many of the segments the filter counts (not set aside,
     not the interviewer's; set-aside talk decided anyway counted too, as apply-decisions does) are reviewed (isReviewed, as roqa apply-decisions decides it), and
     how many have a decision that does not decide them yet ("1 partly"), after the
     transcript's name in its heading and in the picker; the picker's first option sums them.
     A transcript with no segment to review (a dropped call: greetings, small talk) says
     "nothing to review", done, as apply-decisions counts it reviewed. Written again whenever
     the review changes (save), with each partly reviewed segment's hint (paintPartly). */
  var progressParts = null;
  function transcriptParts() {
    if (!progressParts) {
      progressParts = [];
      var picker = document.getElementById("transcript-select");
      var transcripts = document.querySelectorAll("#transcripts details.transcript");
      for (var t = 0; t < transcripts.length; t++) {
        var ids = [], aside = [];
        var reviews = transcripts[t].querySelectorAll(
          ".rows > .row.segment:not(.question) > .review[data-segment]");
        for (var i = 0; i < reviews.length; i++) {
          (reviews[i].parentNode.hasAttribute("data-aside") ? aside : ids).push(reviews[i].getAttribute("data-segment"));
        }
        var option = null;
        if (picker) {
          for (var o = 0; o < picker.options.length; o++) {
            if (picker.options[o].value === transcripts[t].id) option = picker.options[o];
          }
        }
        progressParts.push({ ids: ids, aside: aside, label: transcripts[t].querySelector("summary .progress"), option: option });
      }
    }
    return progressParts;
  }

  function progressText(done, partly, total) {
    if (!total) return "nothing to review";
    return done + " of " + total + " reviewed" + (partly ? ", " + partly + " partly" : "");
  }

  /* the segments whose partly-reviewed hint is shown */
  var partlyShown = {};

  function showProgress() {
    var done = 0, partlyAll = 0, total = 0, reviews = reviewsById(), partlyNow = {};
    transcriptParts().forEach(function (part) {
      var n = 0, partly = 0;
      part.ids.forEach(function (seg) {
        if (isReviewed(seg)) n += 1;
        else if (hasDecision(seg)) { partly += 1; partlyNow[seg] = partlyText(state[seg]); }
      });
      /* set-aside talk the review decides anyway is reviewed: counted in both, as
         apply-decisions counts it among the reviewable segments */
      var extra = part.aside.filter(isReviewed).length;
      n += extra;
      var size = part.ids.length + extra;
      done += n;
      partlyAll += partly;
      total += size;
      var text = progressText(n, partly, size);
      if (part.label) {
        part.label.textContent = text;
        part.label.classList.toggle("done", n === size);
      }
      if (part.option) part.option.textContent = part.option.getAttribute("data-label") + " – " + text;
    });
    Object.keys(partlyShown).concat(Object.keys(partlyNow)).forEach(function (seg) {
      if (reviews[seg] && partlyShown[seg] !== partlyNow[seg]) paintPartly(reviews[seg], partlyNow[seg] || "");
    });
    partlyShown = partlyNow;
    showFilterCount();
    var picker = document.getElementById("transcript-select");
    if (picker && picker.options.length) {
      picker.options[0].textContent = picker.options[0].getAttribute("data-label") + " – " + progressText(done, partlyAll, total);
    }
  }

  /* Keys, for reviewing a study without the mouse (not while typing in a box, the recode box
     too; Escape leaves the box): j / k the next / previous segment shown (outlined,
     scrolled to the middle), procedural talk and small talk passed over (navigable); on it, 1-9 accept the suggestion of that rank, Shift+1-9 reject it
     (pressed again, each takes the decision back, as the buttons do), x reject every suggestion
     it shows (talk that fits no code, saved with a "no-code" row; again: each back as before x), b / e
     / n its valence barrier / enabler / neutral; t opens (or, all open, closes) the folded training
     examples its suggestions resemble, which decides nothing; ? shows the keys. A key decides only on the outlined segment while it is
     on screen: once it is hidden (filter, picker, a folded transcript) or scrolled away, the key
     brings it back into view, or moves to the segment next to it, instead. A click in a segment,
     or a link to one, outlines it. */
  var current = null;
  function shown(row) {
    return row.getClientRects().length > 0 && !row.closest("details.transcript:not([open])") &&
      !row.closest("[hidden]");
  }
  /* the segments j / k stop on: those shown with a review, less the talk set aside as not to
     review (procedural talk, small talk: row[data-aside], left out of the filters and the
     progress counts), which a click still outlines */
  function navigable() {
    return Array.prototype.filter.call(document.querySelectorAll("#transcripts .row.segment"), function (row) {
      return row.querySelector(".review[data-segment]") && (readOnly || !row.classList.contains("question")) &&
        (readOnly || !row.hasAttribute("data-aside")) && shown(row);
    });
  }
  /* What a screen reader says of a segment j / k moves to: who said what, then its top
     suggestion and what was decided on it, and the researcher's valence (valenceText): "P01:
     Our support workers ... – top suggestion IS.E.3 Access to Knowledge & Information 86%
     barrier, accepted, valence: enabler (the model's: barrier)". */
  function segmentLabel(row) {
    var who = row.querySelector(".spk"), text = row.querySelector("mark.seg");
    var said = (who ? who.textContent + ": " : "") + (text ? text.textContent : "");
    var top = row.querySelector(SUGGESTIONS);
    if (top) {
      var parts = [top.getAttribute("data-code")];
      [".name", ".prob", ".val"].forEach(function (sel) {
        var node = top.querySelector(sel);
        if (node && node.textContent) parts.push(node.textContent.trim());
      });
      /* an unsure valence is said in words, not by a "?" a screen reader may not read */
      var unsure = top.querySelector(".val.v-unsure");
      if (unsure) parts[parts.length - 1] = chipValence(unsure) + ", " + unsure.title;
      said += " – top suggestion " + parts.join(" ");
      if (top.classList.contains("is-accept")) said += ", accepted";
      else if (top.classList.contains("is-reject")) said += ", rejected";
      else if (top.classList.contains("is-recode")) said += ", recoded";
    }
    var review = row.querySelector(".review[data-segment]");
    var st = review && state[review.getAttribute("data-segment")];
    if (st && st.valence) said += ", " + valenceText(review, st.valence);
    return said;
  }
  /* a segment named once (focused by j / k) renamed as its valence changes, by key or button */
  function relabel(row) {
    if (row && row.hasAttribute("aria-label")) row.setAttribute("aria-label", segmentLabel(row));
  }
  /* `focus` (j / k): the segment takes the keyboard focus too (tabindex -1: not a Tab stop), so
     that a screen reader announces it (segmentLabel) and Tab goes on to its controls; a click
     outlines it without taking the focus from the control clicked. */
  function outline(row, scroll, focus) {
    if (current) current.classList.remove("kb-current");
    current = row;
    if (!row) return;
    row.classList.add("kb-current");
    if (focus) {
      if (!row.hasAttribute("tabindex")) row.setAttribute("tabindex", "-1");
      row.setAttribute("role", "group");
      row.setAttribute("aria-label", segmentLabel(row));
      row.focus({ preventScroll: true });
    }
    if (scroll) row.scrollIntoView({ block: "center" });
  }
  function onScreen(row) {
    var r = row.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  }
  function step(by) {
    var rows = navigable();
    if (!rows.length) return;
    var at = current ? rows.indexOf(current) : -1;
    if (at >= 0) {
      at = Math.min(Math.max(at + by, 0), rows.length - 1);
    } else if (current && current.isConnected) {
      /* the outlined segment is hidden now: the one after it (j) or before it (k) */
      var after = rows.findIndex(function (r) {
        return current.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      at = by > 0 ? (after < 0 ? rows.length - 1 : after) : (after < 0 ? rows.length - 1 : Math.max(after - 1, 0));
    } else {
      /* from where the page is: the first segment whose top is on screen, else the last above */
      at = rows.findIndex(function (r) { return r.getBoundingClientRect().top >= 0; });
      if (at < 0) at = rows.length - 1;
      else if (by < 0) at = Math.max(at - 1, 0);
    }
    outline(rows[at], true, true);
  }
  function openFold(row) {
    var fold = row.querySelector("details.set-aside");
    if (fold) fold.setAttribute("open", "");
  }
  /* x: every suggestion the segment shows rejected (saved with a "no-code" row: rejectsAll),
     or, when they are all rejected already, x taken back: each back to its decision before x
     (a reject, accept or recode made before it), else every one taken back. `beforeX`: segment
     id -> [its suggestions' decisions before x, its codes after x (JSON)], for this tab's x
     alone; a suggestion's decision changed since changes its codes, and x again then takes every
     one back (blind tester s67: Shift+2, x, x lost the reject of suggestion 2). Returns what
     x decided, in words (#kb-status). */
  var beforeX = {};
  function rejectAll(review) {
    var seg = review.getAttribute("data-segment"), st = entry(seg);
    var items = review.querySelectorAll(SUGGESTIONS);
    var all = Array.prototype.every.call(items, function (item) {
      var d = st.codes[item.getAttribute("data-code")];
      return d && d.decision === "reject";
    });
    var was = all && beforeX[seg] && beforeX[seg][1] === JSON.stringify(st.codes) ? beforeX[seg][0] : {};
    var before = {}, back = [];
    Array.prototype.forEach.call(items, function (item) {
      var code = item.getAttribute("data-code"), d = st.codes[code];
      /* a decision only shown on this suggestion as a free slot (movedOff) is no decision on it:
         kept as "Also decided", back on a free suggestion when x is taken back (settled) */
      if (movedOff(d)) st.extra.push(d.carried === "accept" ? ["accept", d.target, ""] : ["recode", d.target, "", String(d.suggestion)]);
      else if (d) before[code] = d;
      if (all && was[code]) st.codes[code] = was[code];
      else if (all) delete st.codes[code];
      else st.codes[code] = { decision: "reject" };
      if (all && was[code]) back.push(decisionSaid(code, was[code]));
      paint(item, st.codes[code]);
    });
    st = settled(review, seg, st);
    if (all) delete beforeX[seg]; else beforeX[seg] = [before, JSON.stringify(st.codes)];
    save();
    if (!all) return rejectsAll(review, st) ? "every suggestion rejected: fits no code" : "every suggestion rejected";
    return back.length ? "x taken back, as before it: " + back.join("; ") : "every suggestion taken back";
  }
  /* a suggestion's decision in a few words: "accepted IS.E.3", "rejected CI.A", "recoded CI.A
     to IS.E.2 Available Resources" */
  function decisionSaid(code, d) {
    return d.decision === "recode" ? "recoded " + code + " to " + labelOf(d.target) : d.decision + "ed " + code;
  }
  /* t: the training examples of every suggestion of the segment opened, or closed when all are
     open; a fold's state is the page's only, never a decision */
  function toggleEvidence(row) {
    var folds = Array.prototype.slice.call(row.querySelectorAll("details.evidence"));
    if (!folds.length) return;
    var open = folds.some(function (d) { return !d.open; });
    if (open) openFold(row);
    folds.forEach(function (d) { d.open = open; });
  }
  /* the list of keys shown or hidden, its button saying which (aria-expanded) */
  function showKeys(show) {
    var box = document.getElementById("kb-help");
    if (!box) return;
    box.hidden = !show;
    var button = document.getElementById("kb-help-toggle");
    if (button) button.setAttribute("aria-expanded", show ? "true" : "false");
  }
  function toggleKeys() {
    var box = document.getElementById("kb-help");
    if (box) showKeys(box.hidden);
  }
  /* typing: a text box (the recode box one of them); radio buttons and the transcript picker are
     left to the keys */
  function typing(t) {
    return !!(t && t.closest && t.closest(
      "input[type=text], input[type=search], input:not([type]), textarea, [contenteditable]"));
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.defaultPrevented) return;
    var box = document.getElementById("kb-help");
    if (ev.key === "Escape") {
      /* a segment's box left for the segment itself, so that a screen reader keeps its place
         and the keys act there; any other box for the page */
      var row = typing(ev.target) && ev.target.closest("#transcripts .row.segment");
      if (row && row.querySelector(".review[data-segment]")) outline(row, false, true);
      else if (typing(ev.target)) ev.target.blur();
      if (box) showKeys(false);
      return;
    }
    if (typing(ev.target)) return;
    var key = ev.key.length === 1 ? ev.key.toLowerCase() : ev.key;
    if (key === "?") { toggleKeys(); ev.preventDefault(); return; }
    if (key === "j" || key === "k") { step(key === "j" ? 1 : -1); ev.preventDefault(); return; }
    var digit = /^(?:Digit|Numpad)([1-9])$/.exec(ev.code || "");
    var deciding = digit || key === "x" || key === "b" || key === "e" || key === "n" || key === "t";
    if (readOnly || !deciding) return;
    ev.preventDefault();
    if (ev.repeat) return; /* a key held down decides once, not on and off */
    if (!current || !current.isConnected) return;
    if (!shown(current)) { step(1); return; } /* hidden since: move on, decide nothing */
    if (!onScreen(current)) { current.scrollIntoView({ block: "center" }); return; }
    var review = current.querySelector(".review[data-segment]");
    if (digit) {
      var item = review.querySelectorAll(SUGGESTIONS)[Number(digit[1]) - 1];
      if (!item) return;
      openFold(current);
      item.querySelector(ev.shiftKey ? "button.reject" : "button.accept").click();  /* says it */
    } else if (key === "x") {
      openFold(current);
      told(current, rejectAll(review));
    } else if (key === "t") {
      toggleEvidence(current);
    } else {
      var valence = { b: "barrier", e: "enabler", n: "neutral" }[key];
      var button = review.querySelector('button[data-valence="' + valence + '"]');
      if (!button) return;
      openFold(current);
      button.click();  /* says it */
    }
  });
  /* what a key decided (or a click, or a recode box), said at once: the focused segment renamed
     (segmentLabel, as j / k name it) and a few words in the keys' status (#kb-status, polite):
     "accepted IS.A Structural Characteristics", "rejected …", "taken back …", "valence:
     barrier", "recoded IS.C to IS.E Readiness for Implementation" (clickSaid, rejectAll) */
  function told(row, words) {
    if (row === document.activeElement) row.setAttribute("aria-label", segmentLabel(row));
    var status = document.getElementById("kb-status");
    if (status) status.textContent = words;
  }
  /* a click in a segment outlines it: the next key acts there */
  document.addEventListener("click", function (ev) {
    var row = ev.target.closest && ev.target.closest("#transcripts .row.segment");
    if (row && row.querySelector(".review[data-segment]")) outline(row, false);
  });
  var keysButton = document.getElementById("kb-help-toggle");
  if (keysButton) keysButton.addEventListener("click", toggleKeys);

  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < closed.length; i++) closed[i].setAttribute("open", "");
  });

  if (!readOnly) {
    restore();
    save();
    /* an older page's review, now kept under this page's keys: moved, not copied */
    if (legacyFound && !storageFailed) {
      try { window.localStorage.removeItem(legacyFound); } catch (e) { /* kept where it was */ }
    }
  }
  applyFilter(); /* a browser may bring back the choice made before a reload */
  if (window.location.hash) reveal(window.location.hash);
  /* What "Save decisions" would write, for scripts and tests driving the page. */
  if (!readOnly) Object.defineProperty(window, "roqaDecisionsCsv", { get: decisionsCsv });
})();
