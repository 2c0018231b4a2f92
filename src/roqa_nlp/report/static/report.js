/* roqa report: review controls and the decisions file.
 *
 * Plain JavaScript, no libraries, no network. Decisions are kept per segment and saved as
 * decisions.csv (segment_id,decision,code_id,new_code,note,text) through a Blob download, the file
 * `roqa train --feedback` reads. They are also kept in this browser's localStorage (per report)
 * so closing the tab does not lose a review; "Clear" forgets them.
 */
(function () {
  "use strict";

  var HEADER = ["segment_id", "decision", "code_id", "new_code", "note", "text"];
  var codes = JSON.parse(document.getElementById("roqa-codes").textContent || "[]");
  var reportId = document.body.getAttribute("data-report-id") || "report";
  var storeKey = "roqa-decisions:" + reportId;
  /* segment id -> {codes: {suggested code: {decision, target}}, newCode, note} */
  var state = {};

  function entry(seg) {
    if (!state[seg]) state[seg] = { codes: {}, newCode: "", note: "" };
    return state[seg];
  }

  function csvField(value) {
    var s = value == null ? "" : String(value);
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /* Decision rows in document order: each suggestion's decision, then the segment's new code. */
  function decisionRows() {
    var rows = [];
    var reviews = document.querySelectorAll(".review[data-segment]");
    for (var i = 0; i < reviews.length; i++) {
      var seg = reviews[i].getAttribute("data-segment");
      var st = state[seg];
      if (!st) continue;
      /* the segment's text goes with its decisions: they stay right if the transcript is
         coded again and its segment ids move */
      var mark = reviews[i].parentNode.querySelector("mark.seg");
      var text = mark ? mark.textContent : "";
      var items = reviews[i].querySelectorAll(".sugg[data-code]");
      for (var j = 0; j < items.length; j++) {
        var code = items[j].getAttribute("data-code");
        var d = st.codes[code];
        if (!d) continue;
        rows.push([seg, d.decision, d.decision === "recode" ? d.target : code, "", st.note, text]);
      }
      if (st.newCode) rows.push([seg, "new-code", "", st.newCode, st.note, text]);
    }
    return rows;
  }

  function decisionsCsv() {
    var lines = [HEADER.join(",")];
    decisionRows().forEach(function (r) { lines.push(r.map(csvField).join(",")); });
    return lines.join("\n") + "\n";
  }

  function countDecisions() {
    var n = 0;
    Object.keys(state).forEach(function (seg) {
      n += Object.keys(state[seg].codes).length + (state[seg].newCode ? 1 : 0);
    });
    return n;
  }

  function save() {
    try { window.localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) { /* private mode */ }
    var n = countDecisions();
    var label = document.getElementById("decision-count");
    if (label) label.textContent = n + (n === 1 ? " decision" : " decisions");
  }

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
    var select = item.querySelector("select.recode");
    if (!select) return;
    if (d && d.decision === "recode") {
      fillRecodeList(select);
      select.value = d.target;
    } else {
      select.value = "";
    }
  }

  /* Every codable code but the suggested one, grouped by domain. Lists are filled when first
     used: a study has thousands of them and 40 options each would slow the page down. */
  var optionsTemplate = null;
  function fillRecodeList(select) {
    if (select.getAttribute("data-filled")) return;
    if (!optionsTemplate) {
      optionsTemplate = document.createDocumentFragment();
      var groups = {};
      codes.forEach(function (c) {
        var key = c.domain || "other";
        if (!groups[key]) {
          groups[key] = document.createElement("optgroup");
          groups[key].label = key;
          optionsTemplate.appendChild(groups[key]);
        }
        var opt = document.createElement("option");
        opt.value = c.id;
        opt.textContent = c.id + " " + c.name;
        groups[key].appendChild(opt);
      });
    }
    var own = select.closest(".sugg").getAttribute("data-code");
    var copy = optionsTemplate.cloneNode(true);
    var options = copy.querySelectorAll("option");
    for (var i = 0; i < options.length; i++) if (options[i].value === own) options[i].remove();
    select.appendChild(copy);
    select.setAttribute("data-filled", "1");
  }

  function fillOnUse(ev) {
    var select = ev.target.closest && ev.target.closest("select.recode");
    if (select) fillRecodeList(select);
  }
  document.addEventListener("focusin", fillOnUse);
  document.addEventListener("pointerdown", fillOnUse, true);
  document.addEventListener("mousedown", fillOnUse, true);

  function restore() {
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(storeKey) || "null"); } catch (e) { saved = null; }
    if (!saved || typeof saved !== "object") return;
    state = saved;
    var reviews = document.querySelectorAll(".review[data-segment]");
    for (var i = 0; i < reviews.length; i++) {
      var st = state[reviews[i].getAttribute("data-segment")];
      if (!st) continue;
      var items = reviews[i].querySelectorAll(".sugg[data-code]");
      for (var j = 0; j < items.length; j++) paint(items[j], st.codes[items[j].getAttribute("data-code")]);
      var nc = reviews[i].querySelector("input.new-code");
      var note = reviews[i].querySelector("input.note");
      if (nc) { nc.value = st.newCode || ""; nc.classList.toggle("has-value", !!nc.value); }
      if (note) note.value = st.note || "";
    }
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
    if (st.codes[code] && st.codes[code].decision === action) delete st.codes[code];
    else st.codes[code] = { decision: action };
    paint(item, st.codes[code]);
    save();
  });

  document.addEventListener("change", function (ev) {
    var select = ev.target.closest("select.recode");
    if (!select) return;
    var item = select.closest(".sugg");
    var st = entry(select.closest(".review").getAttribute("data-segment"));
    var code = item.getAttribute("data-code");
    if (select.value) st.codes[code] = { decision: "recode", target: select.value };
    else if (st.codes[code] && st.codes[code].decision === "recode") delete st.codes[code];
    paint(item, st.codes[code]);
    save();
  });

  document.addEventListener("input", function (ev) {
    var input = ev.target;
    if (!input.matches || !input.matches("input.new-code, input.note")) return;
    var st = entry(input.closest(".review").getAttribute("data-segment"));
    if (input.classList.contains("new-code")) {
      st.newCode = input.value.trim();
      input.classList.toggle("has-value", !!st.newCode);
    } else {
      st.note = input.value.trim();
    }
    save();
  });

  document.getElementById("save-decisions").addEventListener("click", function () {
    download(decisionsCsv(), "decisions.csv");
  });

  document.getElementById("clear-decisions").addEventListener("click", function () {
    if (!window.confirm("Forget every decision made in this report?")) return;
    state = {};
    var items = document.querySelectorAll(".sugg[data-code]");
    for (var i = 0; i < items.length; i++) paint(items[i], undefined);
    var inputs = document.querySelectorAll(".review input");
    for (var j = 0; j < inputs.length; j++) { inputs[j].value = ""; inputs[j].classList.remove("has-value"); }
    save();
  });

  /* The review filter: every segment, the segments without a decision yet, or those whose top
     suggestion is below 40 %; procedural talk and small talk are left out of the last two. Each
     shown segment keeps the interviewer's question before it; other rows are hidden. A decision
     does not hide its segment at once: the list changes when a choice is made again. */
  function hasDecision(seg) {
    var st = state[seg];
    return !!st && (Object.keys(st.codes).length > 0 || !!st.newCode);
  }

  function applyFilter() {
    var form = document.getElementById("review-filter");
    if (!form) return;
    var checked = form.querySelector("input[name=show]:checked");
    var mode = checked ? checked.value : "all";
    var shown = 0, total = 0;
    var blocks = document.querySelectorAll("#transcripts .rows");
    for (var b = 0; b < blocks.length; b++) {
      var question = null;
      var rows = blocks[b].children;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var review = row.querySelector(".review[data-segment]");
        var isQuestion = row.classList.contains("question");
        if (!review || isQuestion) {
          row.hidden = mode !== "all";
          if (isQuestion) question = row;
          continue;
        }
        total += 1;
        var keep = mode === "all" || (!row.hasAttribute("data-aside") && (mode === "unreviewed"
          ? !hasDecision(review.getAttribute("data-segment"))
          : row.getAttribute("data-band") === "low"));
        row.hidden = !keep;
        if (keep) {
          shown += 1;
          if (question) { question.hidden = false; question = null; }
        }
      }
    }
    var count = document.getElementById("filter-count");
    if (count) count.textContent = mode === "all" ? "" : shown + " of " + total + " segments shown";
  }

  var filterForm = document.getElementById("review-filter");
  if (filterForm) filterForm.addEventListener("change", applyFilter);

  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll("details:not([open])");
    for (var i = 0; i < closed.length; i++) closed[i].setAttribute("open", "");
  });

  restore();
  save();
  applyFilter(); /* a browser may bring back the choice made before a reload */
  /* What "Save decisions" would write, for scripts and tests driving the page. */
  Object.defineProperty(window, "roqaDecisionsCsv", { get: decisionsCsv });
})();
