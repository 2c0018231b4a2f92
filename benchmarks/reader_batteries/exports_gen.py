"""Generate the transcript-export battery: 386 files of 19 export styles, each with its truth.

What it measures: with ``exports_check.py``, whether ``roqa_nlp.read_transcript`` gives each
file's turns (speaker, role, exact words) as the tool that wrote it meant them. The styles are
reconstructions of what real tools write (no real exports are available offline): Otter
(named and Unknown Speaker), Teams .vtt and .docx, Zoom .vtt with and without names, Zoom cloud
text, Rev, Trint, Descript, Sonix, Google Meet .sbv text, NVivo .docx tables, Word plain text,
pdftotext output with page furniture, .xlsx and .csv from QDA tools, .srt with bracketed names,
and colon labels with hazards before them (empty label, invisible characters, ``Dr Lee. Topic:``).
Participant answers may hold hazard lines that look like labels (a rota, ``Dr. Smith 1:15``,
``Grandmother: ...``); files are UTF-8, UTF-8 with BOM or UTF-16, LF or CRLF at random.

Per class: ``--per`` random files (0-3 hazards each), one file per single hazard
(``*_only_<hazard>``), and two files per colon-label hazard and invisible character. Seeded: the
same ``--seed`` gives the same texts (the .docx/.xlsx zips differ only in their timestamps).

Written by session 83's messy13 tester; all texts are the project's own, no third-party text.

Run: ``.venv/bin/python benchmarks/reader_batteries/exports_gen.py [--out DIR] [--seed 13]
[--per 12]``. It writes ``DIR/<class>/...`` and ``DIR/truth.jsonl`` (one record per file:
``{"path", "class", "hazards", "encoding", "turns": [[speaker, role, text], ...]}``; paths are
relative to DIR; turn texts join paragraphs with a blank line). ``exports_check.py`` generates and
checks in one command. Default DIR: ``benchmarks/out/reader_batteries/exports`` (git-ignored).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "benchmarks" / "out" / "reader_batteries" / "exports"

INT_NAMES = ["Sam Roe", "Helen Barker", "Dr K. Lee", "Tom O'Neill", "Priya Shah", "Anne-Marie Cole"]
PAR_NAMES = [
    "Amir Haddad",
    "Joanne Fisher",
    "Kwame Mensah",
    "Siobhan Doyle",
    "Li Wei",
    "Gareth Price",
    "Fatima Begum",
    "Magda Nowak",
]
QUESTIONS = [
    "Could you tell me a bit about your service and your role in it?",
    "What does recovery-orientated practice mean in your organisation?",
    "How do the commissioners shape what you can offer?",
    "What gets in the way of working like that day to day?",
    "How did your staff take to the new approach at first?",
    "Where does the training budget come from, and is it enough?",
    "Who else locally has helped you make it work?",
    "If you could change one thing about the funding, what would it be?",
    "How do you know whether it is working for the people you support?",
    "Is there anything we haven't covered that you want to add?",
]
SENTS = [
    "We're a small team, eleven support workers and me, covering two boroughs.",
    "Honestly the biggest problem is that the contract pays for visits, not for outcomes.",
    "The staff were wary at first, they'd seen lots of initiatives come and go.",
    "Once they saw people actually moving on, they got behind it.",
    "The council cut the grant by a third last year, so training was the first thing to go.",
    "We lean a lot on the peer support workers, they bring something nobody else can.",
    "Our clinical lead pushed it through the board, without her it would've stalled.",
    "We measure it with the outcome star, although I'm not sure it captures much.",
    "Housing is the thing that stops people progressing, every single time.",
    "I'd like the money to follow the person rather than the bed.",
    "It's a culture thing really, people default to doing things for clients.",
    "We had a two-day course from the recovery college and that helped a lot.",
    "The GP surgeries don't always understand what we do, so referrals are patchy.",
    "Sometimes the paperwork takes longer than the actual support session.",
    "I think the families have to be part of it, otherwise it unravels at home.",
    "Agency staff are the hardest, they come in for a shift and don't know the ethos.",
]
HAZARDS = {
    # name: (paragraph generator taking ctx) ; these are participant words, on a line of their own
    "rota": lambda c: (
        f"{c['title_name']} 9:00 - 17:00, Sam 13:00 - 21:00, that was the Tuesday rota."
    ),
    "rota_plain": lambda c: "Monday: Bev 08:00, Carl 14:00, nights agency.",
    "dr_smith": lambda c: "Dr. Smith 1:15",
    "ae": lambda c: "A&E 1:15",
    "quoted": lambda c: 'and she said: "we simply don\'t commission that any more."',
    "heres_thing": lambda c: (
        "Here's the thing: nobody funds the follow-up. Here's the thing: they know that."
    ),
    "grandmother": lambda c: "Grandmother: you'll be fine, love, just keep going.",
    "manager_quote": lambda c: "Manager: we can't pay for cover, sorry.",
}
INVIS = ["\u001f", "\u00ad", "\u200e", "\u200b", "\u00a0"]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.sample(SENTS, n))


def punct(rng: random.Random, s: str) -> str:
    # variation in punctuation: curly quotes, ellipses, dashes
    r = rng.random()
    if r < 0.15:
        s = s.replace("'", "\u2019")
    elif r < 0.25:
        s = s.replace(", ", " \u2013 ", 1)
    elif r < 0.3:
        s = s.rstrip(".") + "..."
    return s


def make_turns(rng: random.Random, iname: str, pname: str, hazards: list[str], title_name: str):
    """Alternating interviewer/participant turns; participant answers may hold hazard lines."""
    n = rng.randint(3, 6)
    qs = rng.sample(QUESTIONS, n)
    ctx = {"title_name": title_name}
    turns = []
    hz = list(hazards)
    for i, q in enumerate(qs):
        turns.append([iname, "interviewer", q])
        paras = [punct(rng, sentence(rng, rng.randint(1, 3))) for _ in range(rng.randint(1, 3))]
        if hz and (i >= 1 or rng.random() < 0.5):
            h = hz.pop(0)
            pos = rng.randint(1, len(paras)) if len(paras) > 0 else 0
            pos = max(pos, 1)  # hazard never opens the answer (it is inside the answer)
            paras.insert(pos, HAZARDS[h](ctx))
        turns.append([pname, "participant", "\n\n".join(paras)])
    while hz:  # left-over hazards go into the last answer
        turns[-1][2] += "\n\n" + HAZARDS[hz.pop(0)](ctx) + "\n\n" + sentence(rng, 1)
    return turns


def hms(t: float, ms: bool = True, sep: str = ".") -> str:
    h, m, s = int(t // 3600), int(t % 3600 // 60), t % 60
    return f"{h:02d}:{m:02d}:{int(s):02d}" + (f"{sep}{int((s % 1) * 1000):03d}" if ms else "")


def ms_(t: float) -> str:  # m:ss or h:mm:ss, Otter style
    h, m, s = int(t // 3600), int(t % 3600 // 60), int(t % 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def times(turns, rng):
    t = rng.uniform(0, 5)
    out = []
    for _, _, txt in turns:
        d = max(2.0, len(txt) / 15)
        out.append((t, t + d))
        t += d + rng.uniform(0.2, 2)
    return out


def encode(rng: random.Random, text: str, allow16: bool = True) -> tuple[bytes, str]:
    r = rng.random()
    if rng.random() < 0.3:
        text = text.replace("\n", "\r\n")
        nl = "crlf"
    else:
        nl = "lf"
    if r < 0.15:
        return text.encode("utf-8-sig"), "bom+" + nl
    if r < 0.25 and allow16:
        return text.encode("utf-16"), "utf16+" + nl
    return text.encode("utf-8"), "utf8+" + nl


def chunks(text: str, rng: random.Random, maxlen: int = 90) -> list[str]:
    """Cut text into caption cues (word boundaries), as Teams/Zoom do."""
    return [cue for cue in wrap(text.replace("\n\n", " "), maxlen) if cue]


# ---------------- formats ----------------


def f_otter(turns, rng, unknown=False):
    ts = times(turns, rng)
    lines = []
    for (sp, role, txt), (b, _) in zip(turns, ts):
        label = "Unknown Speaker" if (unknown and role == "participant") else sp
        lines.append(f"{label}  {ms_(b)}")
        lines.append(txt.replace("\n\n", "\n" if rng.random() < 0.5 else "\n\n"))
        lines.append("")
    return "\n".join(lines)


def cues(turns, rng, maxlen, lines):
    """The turns cut into caption cues of at most ``maxlen`` characters (:func:`chunks`), each
    turn's time shared evenly among its cues, each cue as ``lines(k, begin, end, speaker, i,
    words)`` lays it out (a list of lines; ``k`` counts the cues from 1, ``i`` a turn's from 0)."""
    out = []
    k = 0
    for (sp, _role, txt), (b, e) in zip(turns, times(turns, rng)):
        cs = chunks(txt, rng, maxlen)
        step = (e - b) / len(cs)
        for i, c in enumerate(cs):
            k += 1
            out += lines(k, b + i * step, b + (i + 1) * step, sp, i, c)
    return out


def f_teams_vtt(turns, rng):
    def cue(k, b, e, sp, _i, c):
        uid = f"{rng.randrange(16**8):08x}-{rng.randrange(16**4):04x}"
        return [f"{uid}/{k}-0", f"{hms(b)} --> {hms(e)}", f"<v {sp}>{c}</v>", ""]

    return "\n".join(["WEBVTT", "", *cues(turns, rng, 90, cue)])


def f_zoom_vtt(turns, rng, names=True):
    def cue(k, b, e, sp, _i, c):
        return [str(k), f"{hms(b)} --> {hms(e)}", f"{sp}: {c}" if names else c, ""]

    return "\n".join(["WEBVTT", "", *cues(turns, rng, 70, cue)])


def f_zoom_cloud(turns, rng):
    ts = times(turns, rng)
    out = []
    for (sp, _role, txt), (b, _e) in zip(turns, ts):
        clock = 10 * 3600 + 30 * 60 + b
        out += [f"[{sp}] {hms(clock, ms=False)}", txt.replace("\n\n", " "), ""]
    return "\n".join(out)


def f_rev(turns, rng, speaker_numbers):
    ts = times(turns, rng)
    same_line = rng.random() < 0.4
    out = []
    for (sp, _role, txt), (b, _e) in zip(turns, ts):
        lab = speaker_numbers.get(sp, sp)
        t = hms(b, ms=False) if rng.random() < 0.5 else ms_(b).zfill(5)
        if same_line:
            out += [f"{lab} ({t}): {txt.replace(chr(10) * 2, ' ')}", ""]
        else:
            out += [f"{lab} ({t}):", txt, ""]
    return "\n".join(out)


def timed_turns(turns, rng, lines):
    """The turns as ``lines(stamp, speaker, words)`` lays each out (a list of lines), each
    stamped with its start time as h:mm:ss, the turns parted by a blank line."""
    out = []
    for (sp, _role, txt), (b, _e) in zip(turns, times(turns, rng)):
        out += [*lines(hms(b, ms=False), sp, txt), ""]
    return "\n".join(out)


def f_trint(turns, rng):
    return timed_turns(turns, rng, lambda t, sp, txt: [f"[{t}] {sp}", txt])


def f_descript(turns, rng):
    return timed_turns(turns, rng, lambda t, sp, txt: [f"[{t}] {sp}: {txt}"])


def f_sonix(turns, rng):
    return timed_turns(turns, rng, lambda t, sp, txt: [f"{sp}: [{t}] {txt}"])


def f_meet_sbv(turns, rng):
    def cue(_k, b, e, sp, _i, c):
        return [f"{hms(b)[1:]},{hms(e)[1:]}", f"{sp}: {c}", ""]

    return "\n".join(cues(turns, rng, 80, cue))


def f_srt_brackets(turns, rng):
    def cue(k, b, e, sp, i, c):
        said = f"[{sp}] {c}" if i == 0 or rng.random() < 0.5 else c
        return [str(k), f"{hms(b, sep=',')} --> {hms(e, sep=',')}", said, ""]

    return "\n".join(cues(turns, rng, 70, cue))


def f_word_plain(turns, rng, labels):
    out = []
    for sp, _role, txt in turns:
        paras = txt.split("\n\n")
        out.append(f"{labels[sp]}: {paras[0]}")
        for p in paras[1:]:
            out.append(("\f" if rng.random() < 0.3 else "") + p)
        if rng.random() < 0.7:
            out.append("")
    return "\n".join(out) + "\n"


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, cut at spaces (a longer word stands
    alone on its line), as a PDF printer lays it out; also :func:`chunks` and formats_gen's."""
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    lines.append(cur)
    return lines


def f_pdftotext(turns, rng, labels, pid):
    body = []
    for sp, _role, txt in turns:
        paras = txt.split("\n\n")
        for j, p in enumerate(paras):
            body += wrap((f"{labels[sp]}: " if j == 0 else "") + p, rng.randint(70, 95))
            body.append("")
    per = rng.randint(18, 30)
    pages = [body[i : i + per] for i in range(0, len(body), per)]
    header = rng.choice(
        [f"Interview {pid} - transcript", f"CONFIDENTIAL  {pid}", "Recovery study 2024"]
    )
    out = []
    style = rng.choice(["bare", "pageof", "dash"])
    for n, pg in enumerate(pages, 1):
        if n > 1 or rng.random() < 0.5:
            out.append(header)
            out.append("")
        out += pg
        foot = {"bare": str(n), "pageof": f"Page {n} of {len(pages)}", "dash": f"- {n} -"}[style]
        out.append(foot)
        out.append("\f")
    return "\n".join(out), style


def f_csv_qda(turns, rng):
    buf = io.StringIO()
    w = csv.writer(buf)
    head = rng.choice(
        [["Speaker", "Text"], ["Timestamp", "Speaker", "Text"], ["Speaker", "Utterance", "Codes"]]
    )
    w.writerow(head)
    ts = times(turns, rng)
    for (sp, _role, txt), (b, _e) in zip(turns, ts):
        row = {
            "Speaker": sp,
            "Text": txt.replace("\n\n", "\n"),
            "Utterance": txt.replace("\n\n", "\n"),
            "Timestamp": hms(b, ms=False),
            "Codes": "",
        }
        w.writerow([row[h] for h in head])
    return buf.getvalue()


def f_docx_teams(turns, rng, path, style):
    import docx

    d = docx.Document()
    ts = times(turns, rng)
    for (sp, _role, txt), (b, _e) in zip(turns, ts):
        t = ms_(b) if style == "m:ss" else f"{int(b // 3600)}:{int(b % 3600 // 60)}:{int(b % 60)}"
        d.add_paragraph(f"{sp}   {t}")
        for p in txt.split("\n\n"):
            d.add_paragraph(p)
    d.save(path)


def f_docx_nvivo(turns, rng, path):
    import docx

    d = docx.Document()
    d.add_paragraph("Transcript")
    tb = d.add_table(rows=1, cols=4)
    for c, h in zip(tb.rows[0].cells, ["#", "Timespan", "Content", "Speaker"]):
        c.text = h
    ts = times(turns, rng)
    for i, ((sp, _role, txt), (b, e)) in enumerate(zip(turns, ts), 1):
        r = tb.add_row().cells
        r[0].text = str(i)
        r[1].text = f"{hms(b)[:8]} - {hms(e)[:8]}"
        paras = txt.split("\n\n")
        r[2].text = paras[0]
        for p in paras[1:]:
            r[2].add_paragraph(p)
        r[3].text = sp
    d.save(path)


XLSX_NUMS = {  # participant short answers as numbers with a number format -> how Excel shows them
    "currency": (1500, '"£"#,##0.00', "£1,500.00"),
    "thousands": (12000, "#,##0", "12,000"),
    "fraction": (0.5, "# ?/?", "1/2"),
    "percent": (0.25, "0%", "25%"),
    "decimal2": (3.5, "0.00", "3.50"),
}


def f_xlsx(turns, rng, path, numkind):
    import openpyxl
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Speaker", "Text"] if rng.random() < 0.5 else ["Time", "Speaker", "Text"])
    has_time = ws.cell(1, 1).value == "Time"
    ts = times(turns, rng)
    for (sp, role, txt), (b, _e) in zip(turns, ts):
        val = txt.replace("\n\n", "\n")
        row = ([hms(b, ms=False)] if has_time else []) + [sp, val]
        ws.append(row)
        c = ws.cell(ws.max_row, len(row))
        c.alignment = Alignment(wrap_text=True)
        if role == "interviewer":
            ws.cell(ws.max_row, len(row) - 1).font = Font(bold=True)
        if numkind and txt == "@NUM@":
            n, fmt, shown = XLSX_NUMS[numkind]
            c.value = n
            c.number_format = fmt
    wb.save(path)


CLASSES = [
    "otter",
    "otter_unknown",
    "teams_vtt",
    "teams_docx",
    "zoom_vtt_names",
    "zoom_vtt_nonames",
    "zoom_cloud_txt",
    "rev",
    "trint",
    "descript",
    "sonix",
    "meet_sbv_txt",
    "nvivo_docx",
    "word_plain",
    "pdftotext",
    "xlsx",
    "csv_qda",
    "srt_brackets",
    "colon_hazards",
]


def gen_one(
    out: Path,
    cls: str,
    k: int,
    rng: random.Random,
    force: list | None = None,
    force_colon: list | None = None,
):
    iname = rng.choice(INT_NAMES)
    pname = rng.choice([n for n in PAR_NAMES])
    title_name = rng.choice(["Dr Lee", "Dr. Patel", "Nurse Evans"])
    hz_pool = list(HAZARDS)
    hazards = rng.sample(hz_pool, rng.choice([0, 0, 1, 1, 2, 3])) if force is None else list(force)
    # the rota of a titled name that is a real speaker: the interviewer is that titled name
    if "rota" in hazards and rng.random() < 0.6:
        iname = "Dr Lee"
        title_name = "Dr Lee"
    if (
        force is None
        and cls == "otter_unknown"
        and rng.random() < 0.6
        and "grandmother" not in hazards
    ):
        hazards.append("grandmother")
    if cls == "zoom_vtt_nonames":
        hazards = []
    turns = make_turns(rng, iname, pname, hazards, title_name)
    pid = f"P{rng.randint(1, 40):02d}"
    extra = {}
    d = out / cls
    d.mkdir(parents=True, exist_ok=True)
    stem = f"{cls}_{k:03d}" if force is None and force_colon is None else f"{cls}_{k}"
    interviewer_labels: list[str] = []
    if cls == "otter":
        text, ext = f_otter(turns, rng), ".txt"
    elif cls == "otter_unknown":
        text, ext = f_otter(turns, rng, unknown=True), ".txt"
        turns = [[("Unknown Speaker" if r == "participant" else s), r, t] for s, r, t in turns]
    elif cls == "teams_vtt":
        text, ext = f_teams_vtt(turns, rng), ".vtt"
    elif cls == "zoom_vtt_names":
        text, ext = f_zoom_vtt(turns, rng), ".vtt"
    elif cls == "zoom_vtt_nonames":
        text, ext = f_zoom_vtt(turns, rng, names=False), ".vtt"
        joined = " ".join(t for _, _, t in turns)
        turns = [["", "participant", joined]]
    elif cls == "zoom_cloud_txt":
        text, ext = f_zoom_cloud(turns, rng), ".txt"
    elif cls == "rev":
        nums = {iname: "Speaker 1", pname: "Speaker 2"} if rng.random() < 0.6 else {}
        text, ext = f_rev(turns, rng, nums), ".txt"
        turns = [[nums.get(s, s), r, t] for s, r, t in turns]
    elif cls == "trint":
        text, ext = f_trint(turns, rng), ".txt"
    elif cls == "descript":
        text, ext = f_descript(turns, rng), ".txt"
    elif cls == "sonix":
        text, ext = f_sonix(turns, rng), ".txt"
    elif cls == "meet_sbv_txt":
        text, ext = f_meet_sbv(turns, rng), ".txt"
    elif cls == "srt_brackets":
        text, ext = f_srt_brackets(turns, rng), ".srt"
    elif cls in ("word_plain", "pdftotext", "colon_hazards"):
        ilab = rng.choice(["Interviewer", "INT", "Q", "Researcher"])
        plab = rng.choice(
            [pid, f"{pid} – {pname.split()[0]}", f"P{int(pid[1:])}.1", "Dr K.", "Participant"]
        )
        labels = {iname: ilab, pname: plab}
        turns = [[labels[s], r, t] for s, r, t in turns]
        labels = {ilab: ilab, plab: plab}
        if cls == "colon_hazards":
            extra_hz = (
                rng.sample(
                    ["empty_label", "invisible", "dr_lee_topic", "invisible", "empty_label"], 2
                )
                if force_colon is None
                else list(force_colon)
            )
            extra["colon_hazards"] = extra_hz
            lines = []
            for i, (sp, role, txt) in enumerate(turns):
                if i == 0 and "dr_lee_topic" in extra_hz and role == "interviewer":
                    txt = "Dr Lee. Topic: staffing and training. " + txt
                    turns[i][2] = txt
                paras = txt.split("\n\n")
                lab = labels[sp]
                pre = ""
                inv = [h for h in extra_hz if h.startswith("invisible")]
                if inv and i > 0 and (rng.random() < 0.5 or i == 1):
                    pre = INVIS[int(inv[0][-1])] if inv[0][-1].isdigit() else rng.choice(INVIS)
                    extra.setdefault("invisible_chars", []).append(hex(ord(pre)))
                if "empty_label" in extra_hz and role == "participant" and i == 1:
                    lines.append(f"{pre}{lab}:")
                    lines.append(paras[0])
                else:
                    lines.append(f"{pre}{lab}: {paras[0]}")
                lines += paras[1:]
                lines.append("")
            text, ext = "\n".join(lines), ".txt"
        elif cls == "word_plain":
            text, ext = f_word_plain(turns, rng, labels), ".txt"
        else:
            text, style = f_pdftotext(turns, rng, labels, pid)
            ext = ".txt"
            extra["page_footer"] = style
    elif cls == "csv_qda":
        text, ext = f_csv_qda(turns, rng), ".csv"
    else:
        text, ext = None, None
    path = d / (stem + (ext or ""))
    enc = "binary"
    if cls == "teams_docx":
        path = d / (stem + ".docx")
        style = rng.choice(["m:ss", "m:ss", "h:m:s"]) if force is None else "m:ss"
        extra["time_style"] = style
        f_docx_teams(turns, rng, path, style)
    elif cls == "nvivo_docx":
        path = d / (stem + ".docx")
        f_docx_nvivo(turns, rng, path)
    elif cls == "xlsx":
        numkind = rng.choice([None] + list(XLSX_NUMS)) if force is None else None
        if numkind:
            n, fmt, shown = XLSX_NUMS[numkind]
            turns.insert(2, [iname, "interviewer", "Roughly how much is that, in numbers?"])
            turns.insert(3, [pname, "participant", "@NUM@"])
            extra["xlsx_number"] = numkind
        path = d / (stem + ".xlsx")
        f_xlsx(turns, rng, path, numkind)
        if numkind:
            turns[3][2] = XLSX_NUMS[numkind][2]
    else:
        data, enc = encode(rng, text, allow16=cls not in ("csv_qda",))
        path.write_bytes(data)
    return {
        "path": path.relative_to(out).as_posix(),
        "class": cls,
        "hazards": hazards,
        "encoding": enc,
        "interviewer_labels": interviewer_labels,
        **extra,
        "turns": turns,
    }


def clear_out(out: Path) -> None:
    """Empty ``out`` for a new battery; refuse a folder that holds anything but a battery."""
    if out.exists() and any(out.iterdir()):
        if not (out / "truth.jsonl").is_file():
            raise SystemExit(
                f"{out}: not empty and holds no truth.jsonl: give a new or empty --out"
            )
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def generate(out: Path, seed: int = 13, per: int = 12) -> int:
    """Write the battery into ``out`` (emptied first) and return the number of files."""
    rng = random.Random(seed)
    clear_out(out)
    recs = []
    for cls in CLASSES:
        for k in range(per):
            recs.append(gen_one(out, cls, k, rng))
    # one file per (class, single hazard): failures attributable to that hazard alone
    for cls in CLASSES:
        if cls == "zoom_vtt_nonames":
            continue
        for h in HAZARDS:
            recs.append(gen_one(out, cls, f"only_{h}", rng, force=[h], force_colon=[]))
    for ch in ["empty_label", "dr_lee_topic"] + [f"invisible{i}" for i in range(len(INVIS))]:
        for j in range(2):
            recs.append(
                gen_one(out, "colon_hazards", f"only_{ch}_{j}", rng, force=[], force_colon=[ch])
            )
    return write_truth(out, recs)


def write_truth(out: Path, recs: list[dict]) -> int:
    """Write the battery's truth records to ``out/truth.jsonl``, one a line; their number."""
    with open(out / "truth.jsonl", "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(recs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write (emptied first)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--per", type=int, default=12, help="random files per class")
    a = ap.parse_args()
    print(f"{generate(a.out, a.seed, a.per)} files in {a.out}")


if __name__ == "__main__":
    main()
