"""``roqa inspect``: how each transcript is read (speakers, roles, what will be coded), before
coding it; no model is loaded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from ._app import (
    app,
    interviewer_option,
    participant_option,
    refuse_json_output_file,
    transcripts_argument,
)


def transcript_summary(t: Any) -> dict[str, Any]:
    """What ``roqa inspect`` reports of one transcript: its id, file, format, case, each
    speaker's role, turns and words, the participant turns to code and those that are only a
    backchannel (``backchannels``: whole turns, not the backchannels said inside another
    speaker's turn that a reader left out, ``backchannels_left_out``), the
    warnings about its speakers (its interviewer; two or three participant labels, a rename or a
    dyad, or a focus group's labels read as one person; a participant's label that names a
    device or a guest, ``iPhone``), its language, words left out between subtitle cues, cues
    read from a file whose timing lines sit below speakers' labels, talk
    with no speaker's name
    opening a subtitle file, whose speaker could not be told or that comes right after a
    change of speaker, an answer
    split by a repeated speaker label (:func:`~roqa_nlp.transcripts.render.split_turns_warning`),
    a line opening with a name with initials read as a participant's talk though it looks asked
    (:func:`~roqa_nlp.transcripts.initialled_talk.initialled_talk_warning`) and lines opening
    with capitals said once read as an interviewer's words
    (:func:`~roqa_nlp.transcripts.folded_initials.folded_initials_warning`) or an answer's
    (:func:`~roqa_nlp.transcripts.folded_initials.folded_into_answers_warning`), lines that
    look quoted or read out inside an answer read as a new speaker's turn (``quoted_lines``:
    :func:`~roqa_nlp.transcripts.quoted_labels.quoted_labels_warning`), speakers' labels typed
    in the middle of a line after a sentence (``midline_labels``:
    :func:`~roqa_nlp.transcripts.midline_labels.midline_labels_warning`), lines below a
    question marker that ask nothing read as the interviewer's
    (:func:`~roqa_nlp.transcripts.unlabelled_answers.unlabelled_answers_warning`), a speaker's
    name in its file name and a case named by Zoom's default file name, if any, and how it was read
    (:func:`reading_notes`)."""
    from ..transcripts.cue_ids import ids_said_once_warning, name_lines_warning
    from ..transcripts.cues import (
        backward_cues_warning,
        labelled_timing_warning,
        unread_cues_warning,
    )
    from ..transcripts.devices import device_name_warning
    from ..transcripts.folded_initials import folded_initials_warning, folded_into_answers_warning
    from ..transcripts.initialled_talk import initialled_talk_warning
    from ..transcripts.language import language_warning, name_in_file_warning
    from ..transcripts.midline_labels import midline_labels_warning
    from ..transcripts.quoted_labels import quoted_labels_warning
    from ..transcripts.render import BACKCHANNELS_LEFT_OUT, split_turns_warning
    from ..transcripts.roles import (
        participant_labels_warning,
        speaker_warning,
        zoom_default_name_warning,
    )
    from ..transcripts.segment import left_out_as_backchannels
    from ..transcripts.unlabelled import (
        above_first_label_warning,
        after_change_warning,
        field_lines_warning,
        no_turn_warning,
        undecided_talk_warning,
        unidentified_voice_warning,
        unnamed_opening_warning,
    )
    from ..transcripts.unlabelled_answers import unlabelled_answers_warning

    speakers: dict[str, dict[str, Any]] = {}
    to_code = backchannels = 0
    left_out = left_out_as_backchannels(t)
    for index, turn in enumerate(t.turns):
        words = t.text[turn.start : turn.end]
        s = speakers.setdefault(
            turn.speaker, {"speaker": turn.speaker, "role": turn.role, "turns": 0, "words": 0}
        )
        s["turns"] += 1
        s["words"] += len(words.split())
        if turn.role == "participant":
            if index in left_out:
                backchannels += 1
            else:
                to_code += 1
    return {
        "id": t.id,
        "source": t.source,
        "format": t.metadata.get("format"),
        "participant": t.participant,
        "speakers": list(speakers.values()),
        "turns_to_code": to_code,
        "backchannels": backchannels,
        # said inside another speaker's turn and left out of the text (``read_as`` says so)
        "backchannels_left_out": int(t.metadata.get(BACKCHANNELS_LEFT_OUT) or 0),
        "warning": speaker_warning(t, interface="inspect"),
        "labels": participant_labels_warning(t),
        "device_names": device_name_warning(t),
        "language": language_warning(t),
        "left_out": "; ".join(
            w
            for w in (
                unread_cues_warning(t),
                ids_said_once_warning(t),
                above_first_label_warning(t),
                no_turn_warning(t),
                field_lines_warning(t),
            )
            if w
        )
        or None,
        "cue_order": "; ".join(
            w for w in (backward_cues_warning(t), labelled_timing_warning(t)) if w
        )
        or None,
        "unlabelled": "; ".join(
            w
            for w in (
                name_lines_warning(t),
                unnamed_opening_warning(t),
                unidentified_voice_warning(t),
                undecided_talk_warning(t),
                after_change_warning(t),
            )
            if w
        )
        or None,
        "split_turns": split_turns_warning(t),
        "initialled_talk": "; ".join(
            w
            for w in (
                initialled_talk_warning(t),
                folded_initials_warning(t),
                folded_into_answers_warning(t),
            )
            if w
        )
        or None,
        "quoted_lines": quoted_labels_warning(t),
        "midline_labels": midline_labels_warning(t),
        "unlabelled_answers": unlabelled_answers_warning(t),
        "name_in_file": name_in_file_warning(t),
        "default_name": zoom_default_name_warning(t),
        "read_as": reading_notes(t),
    }


#: The keys of :func:`transcript_summary` that hold a warning to check, in the order shown.
_CHECKS = (
    "warning",
    "labels",
    "device_names",
    "language",
    "left_out",
    "cue_order",
    "unlabelled",
    "split_turns",
    "initialled_talk",
    "quoted_lines",
    "midline_labels",
    "unlabelled_answers",
    "name_in_file",
    "default_name",
)


def chat_left_out(t: Any, *, listed: bool) -> str | None:
    """How many Zoom chat messages were left out of a transcript's turns, and, when ``listed``,
    the heading of each (time and sender: ``roqa inspect``), else None. ``roqa code`` gives the
    count alone: a sender is named as Zoom shows them, in a run that may be pseudonymised."""
    from ..errors import first_few
    from ..transcripts.chat import ZOOM_CHAT

    chat = t.metadata.get(ZOOM_CHAT)
    if not chat:
        return None
    left_out = f"{len(chat)} Zoom chat line{'s' if len(chat) != 1 else ''} left out"
    if listed:
        return f"{left_out}: {first_few(chat)} (typed in the call's chat, not speech: not coded)"
    return f"{left_out} (typed in the call's chat, not speech: not coded; roqa inspect lists them)"


def time_marks_notes(marks: list[Any]) -> list[str]:
    """What :func:`reading_notes` says of the time marks quoted (``metadata["time_marks"]``):
    the marks left out (``[00:00:28]``), and apart the notes whose time alone was left out
    (``[inaudible 00:07:42]`` read as ``[inaudible]``), so that no one takes the note for gone
    (s55 tester: ``time marks ([inaudible 00:07:42]) left out`` read as the note dropped)."""
    from ..transcripts.timecodes import NOTE_TIME

    if not marks:
        return ["time marks left out"]
    quoted = [str(mark) for mark in marks]
    notes = [m for mark in quoted if (m := NOTE_TIME.fullmatch(mark))]
    plain = [mark for mark in quoted if not NOTE_TIME.fullmatch(mark)]
    said = [f"time marks ({', '.join(plain)}) left out"] if plain else []
    if notes:
        kept = ", ".join(dict.fromkeys(repr(f"[{m.group('note')}]") for m in notes))
        shown = ", ".join(m.group() for m in notes)
        said.append(f"the times in notes ({shown}) left out of the words, the notes kept ({kept})")
    return said


def reading_notes(t: Any, *, table: bool = False) -> list[str]:
    """What the reader left out of a transcript's file or read in another shape than its
    extension's, as its metadata records it: another speaker's backchannels inside a turn (and,
    in a file read as typed, the turns such backchannels split, unless a repeated label splits
    one too: then all are a check, :func:`~roqa_nlp.transcripts.render.split_turns_warning`),
    talk with no speaker's name read as the talk of the speaker before such a backchannel, Zoom
    chat messages among the
    turns, numbered lines, time marks, a transcription service's own lines, section headings
    (``Section 1: Background``, a Word heading) and lines so shaped read as talk (``Phase 2:
    Implementation was the focus``), a line opening like a label read as the turn's
    words (``Staff: Sorry, can I come in there?``) or left out above the first turn (``Staff:
    twelve nurses``), subtitle cues in
    a text or Word file (or lines opening with a time range). ``table``: said under the
    terminal's table of turns, which the backchannels left out are not among; ``--json``
    has no such table (tester s59: its ``read_as`` said "(not among the turns above)")."""
    from ..errors import cut_at_word
    from ..transcripts.headings import heading_shaped_talk_note, headings_note
    from ..transcripts.render import BACKCHANNELS_LEFT_OUT, split_turns_note, split_turns_warning
    from ..transcripts.roles import collective_replies_note
    from ..transcripts.speaker_labels import label_words_above_note, label_words_note
    from ..transcripts.unlabelled import after_backchannel_note

    meta = t.metadata
    notes = []
    n = meta.get(BACKCHANNELS_LEFT_OUT)
    if n:
        notes.append(
            f"{n} backchannel{'s' if n != 1 else ''} (such as 'Mm-hmm.') said inside another "
            "speaker's turn left out of the text, so that turn is read whole"
            + (" (not among the turns above)" if table else "")
        )
    split = split_turns_note(t)
    if split and not split_turns_warning(t):  # else a check: a label repeats
        notes.append(split)
    after = after_backchannel_note(t)
    if after:
        notes.append(after)
    chat = chat_left_out(t, listed=True)
    if chat:
        notes.append(chat)
    if meta.get("line_numbers"):
        notes.append("line numbers left out")
    marks = meta.get("time_marks")
    if marks:  # the file's own first marks (True in a transcript read before they were kept)
        notes += time_marks_notes(marks if isinstance(marks, list) else [])
    service = meta.get("service_text")
    if service:  # at the top (Rev's "Transcript by Rev.com"), on each page or closing it
        said = ", ".join(repr(cut_at_word(str(line), 60)) for line in service[:3])
        notes.append(
            f"a transcription service's own lines left out, no one's talk ({len(service)} "
            f"line{'s' if len(service) != 1 else ''}: {said}{', ...' if len(service) > 3 else ''})"
        )
    ended = meta.get("end_text")
    if ended:
        said = ", ".join(repr(cut_at_word(str(line), 80)) for line in ended[:3])
        notes.append(
            "a transcriber's end marker and the footer after it left out, no one's talk "
            f"({len(ended)} line{'s' if len(ended) != 1 else ''}: {said}"
            f"{', ...' if len(ended) > 3 else ''})"
        )
    header_cues = meta.get("header_cues")
    if header_cues:
        notes.append(
            f"{len(header_cues)} header line{'s' if len(header_cues) != 1 else ''} left out "
            f"(no one's talk: {cut_at_word(str(header_cues[0]), 60)!r})"
        )
    headings = headings_note(meta)
    if headings:
        notes.append(headings)
    heading_talk = heading_shaped_talk_note(t)
    if heading_talk:
        notes.append(heading_talk)
    label_words = label_words_note(t)
    if label_words:
        notes.append(label_words)
    above = label_words_above_note(t.text, t.turns[0].start) if t.turns else None
    if above:
        notes.append(above)
    collective = collective_replies_note(t)
    if collective:
        notes.append(collective)
    if meta.get("timed_lines"):
        notes.append(f"lines opening with a time range read as subtitles ({meta['cues']} cues)")
    elif "cues" in meta and meta.get("format") not in ("vtt", "srt", "sbv"):
        notes.append(f"read as subtitles ({meta['cues']} cues)")
    return notes


@app.command("inspect")
def inspect_command(
    paths: list[Path] = transcripts_argument(),
    interviewer: list[str] = interviewer_option(),
    participant: list[str] = participant_option(),
    as_json: bool = typer.Option(
        False,
        "--json",
        help="Print JSON: per transcript its speakers, roles, turns and words. It takes no file "
        "name: to save it, redirect it (--json > inspect.json).",
    ),
) -> None:
    """Show how each transcript is read before coding it: its case, each speaker's role, turns
    and words, and how many participant turns will be coded. Quick: no model is loaded."""
    import warnings

    from rich.markup import escape

    from ..errors import warn
    from ..exchange.qdpx_import import named_as_source
    from ..framework import mixed_ids_warning
    from ..transcripts import expand_paths, read_files, with_default_labels
    from ..transcripts.roles import SpeakerWarning
    from ._app import console
    from .code_cmd import _note_skipped, stopped_for_one
    from .tables import print_table
    from .tables import table as new_table

    if as_json:
        refuse_json_output_file("inspect", [str(p) for p in paths], paths=True)
    files = expand_paths(paths)
    _note_skipped(paths)
    with warnings.catch_warnings(), stopped_for_one(files, "inspected"):
        warnings.simplefilter("ignore", SpeakerWarning)  # shown below, naming --interviewer
        labels = with_default_labels(list(interviewer) or None, list(participant))
        transcripts = read_files(files, labels)
        if (mixed := mixed_ids_warning(t.participant or t.id for t in transcripts)) is not None:
            warn(mixed)  # as roqa code says it, of the cases charted
    # a QDA project's source by its name in the program, as roqa import names it, not the
    # member file the project keeps its text in (s72 ids 2)
    transcripts = [named_as_source(t) for t in transcripts]
    summaries = [transcript_summary(t) for t in transcripts]
    if as_json:
        typer.echo(json.dumps(summaries, indent=2, ensure_ascii=False))
        return
    con = console()
    for t, s in zip(transcripts, summaries, strict=True):
        # the heading as a line of its own, never wrapped (a path is cut by nothing): a table
        # title wraps at the (narrow) table's width
        # a workbook of several sheets: the one read (hunt s63, readers finding 5)
        sheet = f", sheet {t.metadata['sheet']!r}" if t.metadata.get("sheet") else ""
        con.print(
            escape(f"{s['id']} (case {s['participant']}): {s['source']}, {s['format']}{sheet}"),
            soft_wrap=True,
        )
        table = new_table("speaker", "role", "turns", "words", right=("turns", "words"))
        for sp in s["speakers"]:
            table.add_row(escape(sp["speaker"]), sp["role"], str(sp["turns"]), f"{sp['words']:,}")
        print_table(con, table)
        # whole turns here; the backchannels said inside a turn are counted under "read:"
        n = s["backchannels"]
        skipped = (
            f" ({n} more {'is' if n == 1 else 'are'} only a backchannel, not coded)" if n else ""
        )
        con.print(f"  {s['turns_to_code']} participant turn(s) to code{skipped}")
        read = reading_notes(t, table=True)  # s["read_as"], said of the table above
        if read:
            con.print(escape(f"  read: {'; '.join(read)}"), soft_wrap=True)  # paths whole
        for warning in (s[k] for k in _CHECKS):
            if warning:
                con.print(escape(f"  check: {warning}"), soft_wrap=True)  # paths whole
    total = sum(s["turns_to_code"] for s in summaries)
    checks = sum(1 for s in summaries for k in _CHECKS if s[k])  # each "check:" line above
    con.print(
        f"{len(summaries)} transcript(s), {total} participant turn(s) to code"
        + (f"; {checks} to check (above)" if checks else "")
        + "."
    )
