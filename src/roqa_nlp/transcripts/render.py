"""The canonical plain text of a transcript read from a structured file.

Subtitle (.vtt, .srt), Word (.docx) and table (.csv) transcripts have no single plain text of
their own, so every reader renders its turns the same way::

    Interviewer: How did the training go?

    P04: It was hard to find the time.

one paragraph per turn, ``"{speaker}: {words}"``, paragraphs separated by one blank line
(``"\\n\\n"``). Inside a turn, line breaks are kept as single ``"\\n"`` (white space around
them and blank lines are collapsed), so a turn never contains a blank line. Each
:class:`~roqa_nlp.schema.Turn` points at its words only (``text[turn.start:turn.end]``), never at
the label, so a coding selection never includes the speaker's name. Plain-text files keep their
own text instead (see :mod:`roqa_nlp.transcripts.text`).

One speaker's consecutive turns are one turn, and so are one speaker's turns that only another
speaker's backchannel (``Sarah Jones: Mm-hmm.``) keeps apart, as video calls transcribe a
listener: the backchannel is left out of the text, and how many were left out is recorded as
``metadata["backchannels_left_out"]`` (:func:`across_backchannels`), so an answer is coded
whole rather than in pieces.

A turn made of timed cues (subtitles, table rows) keeps where each cue starts in its words and
the cue's times, as ``metadata["cue_times"]`` (:mod:`roqa_nlp.transcripts.cue_times`), so that a
segment from the middle of a long turn is cited at the time of its own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RoqaValueError, first_few, quoted
from ..schema import Role, Transcript, Turn
from .annotations import only_annotations
from .backchannel_gaps import BACKCHANNEL_GAPS, gap_entries, starts_after_gaps
from .backchannels import ends_asking, marks_questions, may_answer, only_acknowledges
from .cue_times import CUE_TIMES, CuePiece, cue_entry
from .roles import (
    COLLECTIVE_REPLIES,
    HOSTS_ANSWERING,
    INTERVIEWER_LABELS_GIVEN,
    INTERVIEWER_NAMED_NO_ONE,
    PARTICIPANT_UNMATCHED,
    PARTICIPANTS_NAMED,
    STRAY_ASKERS,
    InterviewerLabels,
    first_spellings,
    guess_interviewer,
    hosts_who_answer,
    interviewer_keys,
    introduced_labels,
    is_interviewer,
    labels_matched,
    opens_asking_unpunctuated,
    participant_id,
    participant_keys,
    participant_labels_of,
    role_in_display_name,
    role_of,
    speaker_name,
    with_stray_askers,
    without_collective_replies,
)
from .timecodes import is_service_time_line, marks_inside, strip_time_marks
from .unlabelled import named_talk

if TYPE_CHECKING:
    from .initialled_talk import InitialledLine

NO_SPEECH_HINT = "the file holds no transcript text: check that it is the right file"
#: Said of a file of no bytes (or, decoded, no characters), in every format
#: (:func:`~.utterances.speech_file_text`).
EMPTY_FILE_HINT = "the file is empty: check that it is the right file"
#: Said of a text file that holds only blank lines, spaces or tabs, in every format: it has bytes,
#: so "the file is empty" read as wrong (session 77, ux tester defect 4).
BLANK_FILE_HINT = "the file holds only blank lines or white space: check that it is the right file"


@dataclass(frozen=True)
class SpokenTurn:
    """A turn as a reader found it, before it is placed in the transcript's text.

    ``cues`` are the timed pieces ``words`` was joined from, in order (each piece's words, begin
    and end time), when the turn was made of subtitle cues or table rows; empty otherwise.
    ``gaps`` are the indices, in those pieces, of each piece that goes on after another
    speaker's backchannel left out (:mod:`.backchannel_gaps`)."""

    speaker: str
    words: str
    begin_time: float | None = None
    end_time: float | None = None
    cues: tuple[CuePiece, ...] = ()
    gaps: tuple[int, ...] = ()


def tidy_words(words: str) -> str:
    """Words of a turn for the canonical text: stripped, each line break a single ``\\n``."""
    # Line by line rather than re.sub(r"\s*\n\s*"), which backtracks quadratically over a long run
    # of blanks without a line break (hours for a one-megabyte line). Same result.
    lines = (line.strip() for line in words.strip().split("\n"))
    return "\n".join(line for line in lines if line)


def tidy_speaker(speaker: str) -> str:
    """A speaker label on one line with single spaces, in NFC and without characters of no
    width (:func:`~.roles.speaker_name`)."""
    return speaker_name(speaker)


def without_time_marks(spoken: Iterable[SpokenTurn]) -> list[SpokenTurn]:
    """``spoken`` without the time marks that are no one's words (:func:`.timecodes.has_time_marks`:
    the ones f4transkript and MAXQDA write at the end of each paragraph, ``#00:01:02-3#``, a
    service's timestamps inside or at the end of a turn, ``[00:00:28]``, ``(00:00:17)``, the
    time in a note, ``[inaudible 00:00:41]``, and lines holding only a time). A turn whose words
    end with a mark ends at its time, and the turn after it begins there unless it has a time of
    its own. A mark inside a turn (:func:`.timecodes.marks_inside`) keeps the turn's times and
    parts its words into timed pieces (:attr:`SpokenTurn.cues`): the words before the mark end
    at its time and the words after it begin there, so a segment of them is cited at the mark,
    not at the turn's begin time (or at none, when the turn has none)."""
    out: list[SpokenTurn] = []
    previous_end: float | None = None
    turns = list(spoken)
    for i, s in enumerate(turns):
        words, end = strip_time_marks(s.words)
        begin = s.begin_time if s.begin_time is not None else previous_end
        finish = s.end_time if s.end_time is not None else end
        # a turn with no end of its own ends by the time the next turn begins
        latest = finish if finish is not None or i + 1 == len(turns) else turns[i + 1].begin_time
        out.append(
            replace(
                s,
                words=words,
                begin_time=begin,
                end_time=finish,
                cues=s.cues or _marked_pieces(s.words, begin, finish, latest),
            )
        )
        previous_end = end
    return out


def _marked_pieces(
    words: str, begin: float | None, end: float | None, latest: float | None
) -> tuple[CuePiece, ...]:
    """The timed pieces of a turn's ``words`` parted by the marks inside them, each without its
    marks, from the turn's ``begin`` to its ``end`` time; none when no mark is inside. A mark
    that runs backwards (earlier than the turn's begin or than the mark before it, later than
    ``latest``, its end or the next turn's begin: the clock of a second recording restarting, a
    typo) times nothing, as a subtitle cue ending before it begins is read untimed
    (:func:`.cues.parse_cues`): its words stay in the piece before it, so no piece ends before
    it begins."""
    marks = marks_inside(words)
    if not marks:
        return ()
    kept: list[tuple[int, int, float]] = []
    for at, to, time in marks:
        since = kept[-1][2] if kept else begin
        if (since is None or time >= since) and (latest is None or time <= latest):
            kept.append((at, to, time))
    if not kept:
        return ()
    marks = kept
    bounds = [(0, begin), *((to, time) for _, to, time in marks)]
    ends = [*((at, time) for at, _, time in marks), (len(words), end)]
    pieces = (
        (strip_time_marks(words[at:to])[0], first, last)
        for (at, first), (to, last) in zip(bounds, ends, strict=True)
    )
    return tuple(piece for piece in pieces if tidy_words(piece[0]))


def merged_turns(spoken: Iterable[SpokenTurn]) -> list[SpokenTurn]:
    """``spoken`` with each run of one speaker's consecutive turns joined into one turn (a
    transcription export that labels every line or paragraph, or two paragraphs of one speaker
    whose interviewer's "Mm-hmm" was left out): its words the turns' words, paragraph by
    paragraph, and its times the first begin and the last end. Each merged part stays a timed
    piece of the turn, so a quote from it is cited at its own time. Turns with no words are left
    out first, so they do not keep apart the turns around them."""
    return across_backchannels(spoken, bridge=False)[0]


#: The transcript metadata key of the number of turns left out by :func:`across_backchannels`:
#: another speaker's backchannels ("Mm-hmm.") inside one speaker's turn.
BACKCHANNELS_LEFT_OUT = "backchannels_left_out"


def across_backchannels(
    spoken: Iterable[SpokenTurn],
    *,
    bridge: bool = True,
    interviewer_labels: Sequence[str] | None = None,
) -> tuple[list[SpokenTurn], int]:
    """``spoken`` with one speaker's consecutive turns joined (:func:`merged_turns`) and, with
    ``bridge``, also one speaker's turns that only another speaker's backchannel keeps apart
    (``P04: ... | Sarah Jones: Mm-hmm. | P04: ...``, as video calls transcribe a listener; a
    backchannel that asks nothing: :func:`~roqa_nlp.transcripts.backchannels.only_acknowledges`,
    so not ``And?``): the backchannel is left out of the turns and the two turns are joined as
    consecutive ones are. A short reply to the interviewer's question (``Interviewer: ... can
    you hear me?`` ``P04: Yeah.``) is an answer, and is kept, as is one right after any turn of
    the interviewer in talk with no question mark anywhere (auto captions:
    :func:`~roqa_nlp.transcripts.backchannels.may_answer`); the interviewer's ``Mm.`` after
    a participant's own question (a rhetorical ``... where are they going to go?``, a tag
    ``..., isn't it?``) is a backchannel like any other. A backchannel that agrees (``Of
    course.``, ``That's right.``) is left out only when the interviewer says it: a
    participant's ``That's right.`` confirms what the interviewer said and stays a turn. The
    interviewer is who ``interviewer_labels`` name, else, when they name none of the speakers,
    the speaker :func:`~roqa_nlp.transcripts.roles.guess_interviewer` takes for the one asking
    the questions (as :func:`finish_transcript` will), else no one (a reply to any question
    is then kept). Returns the turns and how many backchannels were left out."""
    spoken = [replace(s, words=w) for s in spoken if (w := tidy_words(s.words))]
    if not bridge:
        joined, _ = _bridged(spoken, None)
        return joined, 0
    joined, left_out = _bridged(spoken, lambda: interviewers_of(spoken, interviewer_labels))
    return joined, len(left_out)


def backchannels_between(transcript: Transcript) -> list[tuple[str, ...]]:
    """Each place where two coded parts of one speaker's talk in ``transcript`` lie apart with
    only other speakers' backchannels between them, as the words of those backchannels: the
    turns :func:`across_backchannels` would join, its interviewer being the transcript's (named
    or guessed), in order. None for a transcript a reader joined already (subtitles, Word,
    tables), and the splits a plain-text or PDF transcript keeps, its text being the file's
    own (``roqa inspect`` says how many and cites them). A part is coded when
    :func:`~.segment.segment` codes it: not the interviewer's, nor a backchannel it leaves out.
    So an answer, the interviewer's ``Mm-hm.``, the participant's ``Yeah.`` and her ``Right.``,
    then the answer going on, is one split citing ``Mm-hm.`` and ``Right.``, not two; and an
    answer, ``Okay.`` and the participant's ``Yeah.`` is none (session 56: "each part is coded
    on its own" of a part coded nowhere)."""
    from .segment import left_out_as_backchannels

    text = transcript.text
    interviewers = frozenset(
        tidy_speaker(t.speaker).casefold() for t in transcript.turns if t.role == "interviewer"
    )
    said = [
        (i, SpokenTurn(t.speaker, w))
        for i, t in enumerate(transcript.turns)
        if (w := tidy_words(text[t.start : t.end]))
    ]
    _, runs, words = bridged_runs([s for _, s in said], lambda: interviewers)
    # each backchannel left out lies in a gap of a joined run, in the order they were met
    gaps = sorted((b, a) for run in runs for a, b in zip(run, run[1:]) if b > a + 1)
    after = {a: w for (_, a), w in zip(gaps, words, strict=True)}  # by the turn before it
    uncoded = left_out_as_backchannels(transcript)
    splits: list[tuple[str, ...]] = []
    for run in runs:
        coded = [
            k
            for k in run
            if said[k][0] not in uncoded and transcript.turns[said[k][0]].role != "interviewer"
        ]
        splits.extend(
            tuple(after[k] for k in run if a <= k < b and k in after)
            for a, b in zip(coded, coded[1:])
        )
    return [split for split in splits if split]


def repeated_label_lines(transcript: Transcript) -> list[int]:
    """The line number (from 1) of each speaker label in ``transcript``'s text that opens a
    participant's turn right after a turn of the same participant, only white space between
    the two turns' words and the label (``P01: I did my degree ...`` then ``P01: Then I didn't
    really know ...``, as a typist labels each paragraph of one answer): none for a transcript
    a reader joined already (subtitles, Word, tables; :func:`merged_turns`) or whose paragraphs
    carry no label (a file with no speaker labels, one turn per paragraph), and the splits a
    plain-text transcript keeps, its text being the file's own, so that a turn spanning the
    label would carry it into its segments. Each part is coded apart, the later one without
    the earlier: deleting the repeated label in the file codes the answer whole, unless the
    label stands before a line shaped like a section heading, which it keeps talk."""
    return [split.line for split in _repeated_label_splits(transcript)]


@dataclass(frozen=True)
class _LabelSplit:
    """A turn split by a repeated speaker label (:func:`repeated_label_lines`)."""

    line: int  # the repeated label's, from 1
    before: Turn  # the turn before the label
    heading: str | None  # the rest of the label's line when shaped like a section heading


def _repeated_label_splits(transcript: Transcript) -> list[_LabelSplit]:
    """:func:`repeated_label_lines`, each with the turn before the repeated label and the
    words after the label when they are shaped like a section heading (``P04: Part 2: Once we
    had the staff it was fine``): without the label that line would be left out, not coded,
    as ``read_transcript`` warns (:func:`~roqa_nlp.transcripts.headings.headings_warning`)."""
    from .headings import is_section_heading
    from .speaker_labels import match_label

    if transcript.metadata.get("speaker_labels") is False:
        return []  # the labels are the canonical text's (Word's paragraphs), not the file's
    text, turns = transcript.text, transcript.turns
    splits: list[_LabelSplit] = []
    line_number, counted_to = 1, 0  # lines counted as the splits come, in the text's order
    for before, turn in zip(turns, turns[1:]):
        if not (
            before.role == turn.role == "participant"
            and tidy_speaker(before.speaker).casefold() == tidy_speaker(turn.speaker).casefold()
        ):
            continue
        between = text[before.end : turn.start]
        # a service's time line between them (Google Meet's ``00:05:00`` every five minutes,
        # the speaker's label repeated below it) is no one's words, and parts no answer
        kept = [part for part in between.split("\n") if not is_service_time_line(part)]
        label = "\n".join(kept).strip()
        if not label or "\n" in label:  # no label, or more than one line between
            continue
        at = before.end + between.rindex(label)
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if match_label(line) is not None:
            line_number += text.count("\n", counted_to, line_start)
            counted_to = line_start
            words = text[turn.start : line_end if 0 <= line_end < turn.end else turn.end]
            heading = words.strip() if is_section_heading(words) else None
            splits.append(_LabelSplit(line_number, before, heading))
    return splits


def _unlabelled_question(text: str, turn: Turn) -> str | None:
    """The last line of ``turn``'s words when it is a line of its own below the turn's first
    that asks (``What changed with the new pathway?``), else None: in a file that labels only
    the participant's turns, the interviewer's question, read into the answer above it."""
    lines = [line.strip() for line in text[turn.start : turn.end].split("\n") if line.strip()]
    return lines[-1] if len(lines) >= 2 and ends_asking(lines[-1]) else None


def _asks_apart(text: str, turn: Turn) -> bool:
    """Whether :func:`_unlabelled_question`'s line of ``turn`` has a blank line above it, a
    paragraph of its own, not a line of the answer's paragraph."""
    words = text[turn.start : turn.end].rstrip()
    return words[: words.rfind("\n")].rstrip(" \t").endswith("\n")


def _labelled_questions(transcript: Transcript) -> int:
    """How many of ``transcript``'s interviewer turns ask (end on a question mark) with their
    speaker's name in the text before their words (``Interviewer: How did the rollout go?``)."""
    text, end, n = transcript.text, 0, 0
    for turn in transcript.turns:
        if (
            turn.role == "interviewer"
            and ends_asking(text[turn.start : turn.end].strip())
            and tidy_speaker(turn.speaker).casefold() in text[end : turn.start].casefold()
        ):
            n += 1
        end = turn.end
    return n


def _below_interviewers_question(
    transcript: Transcript, splits: list[_LabelSplit]
) -> dict[int, str]:
    """The unlabelled question (:func:`_unlabelled_question`) above each of ``splits`` that the
    interviewer may have asked, by the split's line: deleting the label would code it with the
    answer. A question is taken as the participant's own (``So what could we do?``) only when
    it is a line of the answer's paragraph in a file whose questions are mostly labelled; one
    labelled greeting (``Interviewer: Thanks for agreeing ...``) does not make the file's
    unlabelled questions the participant's (s54 review 2, finding 2)."""
    asked = {s.line: q for s in splits if (q := _unlabelled_question(transcript.text, s.before))}
    if not asked:
        return {}
    mostly_labelled = _labelled_questions(transcript) > len(asked)
    before = {s.line: s.before for s in splits}
    return {
        line: q
        for line, q in asked.items()
        if not mostly_labelled or _asks_apart(transcript.text, before[line])
    }


def split_turns_note(transcript: Transcript) -> str | None:
    """How many of ``transcript``'s turns its text, read as typed, keeps split, and how to code
    each whole: split by another speaker's backchannel (:func:`backchannels_between`, the
    backchannels cited) or by a repeated speaker label (:func:`repeated_label_lines`, their
    line numbers); None when there are none (``roqa inspect``; a warning when a label repeats,
    :func:`split_turns_warning`). A repeated label before a line shaped like a section heading
    is said to be kept, not to be deleted: it has the line read as talk (session 54 review,
    finding 3: the heading warning's advice to label such a line led to advice undoing it)."""
    return _split_turns_note(transcript, _repeated_label_splits(transcript))


def labels_named_by_split_turns(transcript: Transcript) -> set[str]:
    """The names with initials :func:`split_turns_warning` names with their fix: the opening of
    a question above a repeated label not read as a speaker's (``Dr. A. Khan``), and each line
    opening with one that a repeated label follows (:func:`_below_initialled_line`); none when
    it names none."""
    splits = [s for s in _repeated_label_splits(transcript) if s.heading is None]
    asked = _below_interviewers_question(transcript, splits)
    unread = _unread_label(next(iter(asked.values()))) if asked else None
    named = {f.label for f in _below_initialled_line(transcript, splits, asked).values()}
    return named if unread is None else named | {unread}


def _below_initialled_line(
    transcript: Transcript, splits: list[_LabelSplit], asked: Container[int]
) -> dict[int, InitialledLine]:
    """The line opening with a name with initials (:func:`~.initialled_talk.initialled_line_above`)
    that each of ``splits`` not below a question in ``asked`` follows, by the split's line: a
    place or germ of the answer (``N. Yorkshire: we cover two houses.``), deleting the label
    codes it whole, or the interviewer's prompt (``Dr. A. Khan: Tell me about the training.``),
    deleting the label would code it as the answer (hunt s69 h_initials 4, M1)."""
    from .initialled_talk import initialled_line_above

    found = {
        s.line: initialled_line_above(transcript.text, s.before)
        for s in splits
        if s.line not in asked
    }
    return {line: f for line, f in found.items() if f is not None}


def _turns(n: int) -> str:
    return f"{n} turn{'s' if n != 1 else ''}"


def _split_turns_note(transcript: Transcript, splits: list[_LabelSplit]) -> str | None:
    """:func:`split_turns_note` given the transcript's :func:`_repeated_label_splits`."""
    kept = [split for split in splits if split.heading is not None]
    note = _deletable_splits_note(transcript, [s for s in splits if s.heading is None])
    if not kept:
        return note
    one = len(kept) == 1
    at = f"line{'' if one else 's'} {first_few([str(s.line) for s in kept], 6)}"
    heading = quoted(str(kept[0].heading))
    held = (
        f"{_turns(len(kept))} split by a repeated speaker label ({at}) before "
        + (
            f"a line shaped like a section heading ({heading}), kept: the label keeps that"
            if one
            else f"lines shaped like section headings ({heading}), kept: each label keeps its"
        )
        + " line read as talk, not left out as a heading, so each part of the answer is coded "
        "on its own"
    )
    return held if note is None else f"{note}; {held}"


def _deletable_splits_note(transcript: Transcript, splits: list[_LabelSplit]) -> str | None:
    """:func:`split_turns_note` of the turns split by a backchannel and of ``splits``, the
    turns split by a repeated label that deleting it would join: where the label comes below
    a question the interviewer may have asked (:func:`_below_interviewers_question`), the
    advice is to label the question instead."""
    said = backchannels_between(transcript)
    asked = _below_interviewers_question(transcript, splits)
    named = _below_initialled_line(transcript, splits, asked)
    lines = [split.line for split in splits if split.line not in asked and split.line not in named]
    if not said and not lines and not asked and not named:
        return None
    # the file's own words, not 'Right.' for its 'Right'
    cited = first_few([repr(w) for w in dict.fromkeys(w for split in said for w in split)])
    at = f"line{'s' if len(lines) != 1 else ''} {first_few([str(n) for n in lines], 6)}"
    note: str | None = None
    if said and lines:
        split = (
            f"{_turns(len(said))} split by another speaker's backchannel ({cited}) and "
            f"{len(lines)} by a repeated speaker label ({at})"
        )
        fix = (
            "the backchannel line, or the repeated label, in the file to code the turn whole, "
            "if its parts are one answer"
        )
    elif said:
        split = f"{_turns(len(said))} split by another speaker's backchannel ({cited})"
        fix = "the backchannel line in the file to code the turn whole, if its parts are one answer"
    else:
        split = f"{_turns(len(lines))} split by a repeated speaker label ({at})"
        fix = "the repeated label in the file to code the answer whole"
    if said or lines:
        note = f"{split}: this format is read as typed, so each part is coded on its own (delete {fix})"
    if named:
        either = _either_fix_note(transcript, splits, named)
        note = either if note is None else f"{note}; {either}"
    if not asked:
        return note
    one = len(asked) == 1
    at = f"line{'' if one else 's'} {first_few([str(n) for n in asked], 6)}"
    from .initialled_talk import interviewer_fix

    question = next(iter(asked.values()))
    unread = _unread_label(question)
    if unread is None:
        below = f"below a question with no speaker's label ({quoted(question)})"
        fix = f"if the interviewer asks {'it' if one else 'them'}, label"
    else:  # a name the reader does not read as a label: the researcher may name it
        below = (
            f"below a question whose opening {unread + ':'!r} was not read as a speaker's "
            f"label ({quoted(question)})"
        )
        known = _interviewer_label_in(transcript, unread)
        if known is not None:  # naming it again reads nothing more: what stands before hides it
            fix = (
                f"{known!r} is read as the interviewer's label where a line opens with it: "
                f"if the interviewer asks {'it' if one else 'them'}, delete what stands before "
                f"{known + ':'!r} on the line (a mark, or a character that may not show, such "
                "as a control character), or label"
            )
        else:
            fix = f"if {unread!r} is the interviewer, {interviewer_fix([unread])} or label"
    label = (
        f"{_turns(len(asked))} split by a repeated speaker label ({at}), "
        f"{'' if one else 'each '}{below}, read as the participant's talk and coded: "
        f"{fix} {'it' if one else 'each'} 'Interviewer: ...' in the file (deleting the "
        "repeated label would code the question with the answer)"
    )
    return label if note is None else f"{note}; {label}"


def _either_fix_note(
    transcript: Transcript, splits: list[_LabelSplit], named: dict[int, InitialledLine]
) -> str:
    """The split-turn note of the ``named`` splits (:func:`_below_initialled_line`), each below
    a line opening with a name with initials that may be the participant's or the interviewer's:
    both fixes, each with its condition (``line 5 repeats P01's label below line 3 ('N.
    Yorkshire: ...'): if line 3 is P01's talk, delete the repeated label to code the answer
    whole; if it is the interviewer's, roqa code/inspect --interviewer "N. Yorkshire" ...``)."""
    from .initialled_talk import interviewer_fix

    one = len(named) == 1
    first = next(iter(named.values()))
    speakers = {tidy_speaker(s.before.speaker) for s in splits if s.line in named}
    whose = f"{first.speaker}'s" if len(speakers) == 1 else "a participant's"
    labels = list(dict.fromkeys(f.label for f in named.values()))
    if one:
        return (
            f"line {next(iter(named))} repeats {whose} label below line {first.line} "
            f"({quoted(first.words, 32)}): if line {first.line} is {first.speaker}'s talk, "
            "delete the repeated label to code the answer whole; if it is the interviewer's, "
            f"{interviewer_fix(labels)}"
        )
    return (
        f"lines {first_few([str(n) for n in named], 6)} repeat {whose} label below lines "
        f"{first_few([str(f.line) for f in named.values()], 6)} ({quoted(first.words, 32)}): "
        "where the line above is the participant's talk, delete the repeated label to code the "
        f"answer whole; where it is the interviewer's, {interviewer_fix(labels)}"
    )


def _interviewer_label_in(transcript: Transcript, unread: str) -> str | None:
    """The interviewer's label ``unread`` (an opening not read as a label,
    :func:`_unread_label`) holds after the marks or unseen characters before it
    (``> Interviewer``, ``\\x1fSam Roe``), when it is one the transcript reads already (a
    speaker of its interviewer's turns, or a default interviewer label, ``Interviewer``, that no
    participant's turn has): the line is not read for what stands before the name, so naming
    it with ``--interviewer`` would read nothing more. Else None."""
    name = tidy_speaker(_OPENING_MARKS.sub("", unread))
    key = name.casefold()
    if not key:
        return None
    roles = {t.role for t in transcript.turns if tidy_speaker(t.speaker).casefold() == key}
    if "interviewer" in roles or (not roles and is_interviewer(name)):
        return name
    return None


#: What may stand before a name at the start of a line: marks, blanks, characters of no width.
_OPENING_MARKS = re.compile(r"^[\W_]+")


def _unread_label(line: str) -> str | None:
    """The name a question's ``line`` opens with before a colon, shaped as a person's display
    name (``St. John Rivers: And what ...?``, :func:`.speaker_labels.is_display_name`) though
    not read as a speaker's label, else None."""
    from .speaker_labels import CUE_LABEL, is_display_name

    m = CUE_LABEL.match(line)
    label = "" if m is None else " ".join(m["label"].split())
    return label if label and is_display_name(label) else None


def split_turns_warning(transcript: Transcript) -> str | None:
    """:func:`split_turns_note` naming the transcript's file, when a speaker label repeats
    (:func:`repeated_label_lines`) other than before a line shaped like a section heading,
    else None: the later part of an answer is coded without the earlier (an off-topic
    biography's second sentence, ``Then I didn't really know what to do with myself.``, was
    charted as a barrier; tester s45). ``roqa code`` and ``read_transcript`` warn of it; a turn
    split only by a backchannel, or by a label kept before a heading-shaped line (the file's
    way to have that line read as talk), is noted by ``roqa inspect`` alone, as the packaged
    example interview has eight backchannels."""
    splits = _repeated_label_splits(transcript)
    if all(split.heading is not None for split in splits):
        return None
    return f"{transcript.source or transcript.id}: {_split_turns_note(transcript, splits)}"


def _bridged(
    spoken: list[SpokenTurn], interviewers: Callable[[], frozenset[str]] | None
) -> tuple[list[SpokenTurn], list[str]]:
    """:func:`across_backchannels` of turns with words, ``interviewers`` giving the speakers
    (tidied, casefolded) who are the interviewer (asked for once, and only when a backchannel
    needs it); no bridging when it is None. Returns the turns and the words of each backchannel
    left out."""
    joined, _, left_out = bridged_runs(spoken, interviewers)
    return joined, left_out


def bridged_runs(
    spoken: Sequence[SpokenTurn],
    interviewers: Callable[[], frozenset[str]] | None,
    joinable: Callable[[int, int], bool] | None = None,
) -> tuple[list[SpokenTurn], list[list[int]], list[str]]:
    """:func:`_bridged`, with the indices into ``spoken`` of the turns each joined turn is made
    of (a backchannel left out is in none). ``joinable(i, k)`` says whether turn ``k`` may go
    on turn ``i``'s turn (the turns between them a backchannel left out): a plain-text reader
    joins only where nothing but a machine's labels and the backchannel lies between them."""
    known: frozenset[str] | None = None

    def interviewer(s: SpokenTurn) -> bool:
        nonlocal known
        if known is None:
            known = interviewers() if interviewers is not None else frozenset()
        return tidy_speaker(s.speaker).casefold() in known

    def may(i: int, k: int) -> bool:
        return joinable is None or joinable(i, k)

    marked: bool | None = None

    def answered(s: SpokenTurn, after: SpokenTurn) -> bool:
        """Whether a short reply between ``s`` and ``after`` (one speaker's) is an answer:
        ``s`` ends asking, or, in talk that marks no question anywhere (:func:`may_answer`),
        ``s`` is the interviewer's or ``after`` opens a new question (``has the new pathway
        helped`` ``absolutely`` ``how many vacancies are there now``, no interviewer known)."""
        nonlocal marked
        if ends_asking(s.words):
            return True
        if marked is None:
            marked = any(marks_questions(t.words) for t in spoken)
        return may_answer(s.words, questions_marked=marked) and (
            interviewer(s) or opens_asking_unpunctuated(after.words)
        )

    out: list[SpokenTurn] = []
    runs: list[list[int]] = []
    left_out: list[str] = []
    for k, s in enumerate(spoken):
        if out and _same_speaker(out[-1], s) and may(runs[-1][-1], k):
            out[-1] = _joined(out[-1], s)
            runs[-1].append(k)
        elif (
            interviewers is not None
            and len(out) >= 2
            and _same_speaker(out[-2], s)
            and only_acknowledges(out[-1].words)
            and not _may_have_asked(out[-2].words, out[-1].words, s.words)
            and (
                interviewer(out[-1])
                or (
                    only_acknowledges(out[-1].words, agreeing=False)
                    and not answered(out[-2], s)  # a short reply is an answer
                    and not _ends_on_a_folded_label(out[-2])  # a member's reply to that line
                )
            )
            and may(runs[-2][-1], k)
        ):
            left_out.append(out.pop().words)
            runs.pop()
            out[-1] = _joined(out[-1], s, after_backchannel=True)
            runs[-1].append(k)
        else:
            out.append(s)
            runs.append([k])
    return out, runs, left_out


def _ends_on_a_folded_label(s: SpokenTurn) -> bool:
    """Whether the last line of ``s``'s words opens with capitals before a colon other than its
    speaker's (``P02: Funding as well.`` / ``CD: Staff were tired all the time.``), a label said
    once the reader kept as the turn's words (:mod:`.folded_initials`): a short reply after it
    (``P01: Yes.``) may answer whoever speaks there, so it is no backchannel inside ``s``'s turn
    and is kept as a turn (session 77 hunt6 F6: P01's ``Yes.`` was left out and P02's next
    turn joined to this one). The interviewer's backchannel is left out still: after a
    participant's line quoting a department or a doctor (``HR: nothing at all, they said it was
    not their job.`` / ``Interviewer: Mm.``) it answers no one but the participant, whose
    answer goes on (session 78 hunt1 F3). A transcriber's note so written answers no one, and
    a reply after it stays a backchannel: a note in capitals (``NB:``, ``TC:``:
    :func:`.speaker_labels.writes_a_note`), words opening with a time or a date, or noting the
    recording (:func:`.unlabelled.notes_the_recording`: ``CD: Recording paused.``)."""
    from .speaker_labels import (
        are_initials,
        match_label,
        name_before_brackets,
        opens_with_a_time,
        writes_a_note,
    )
    from .unlabelled import notes_the_recording

    last = s.words.rstrip().rsplit("\n", 1)
    if len(last) < 2:  # the turn's own first line: its label is the speaker's
        return False
    line = last[1].strip()
    m = match_label(line)
    if m is None or m.form != "colon" or not are_initials(m.label):
        return False
    words = line[m.words_start :]
    return (
        tidy_speaker(m.label).casefold() != tidy_speaker(s.speaker).casefold()
        and not writes_a_note(name_before_brackets(m.label))
        and not opens_with_a_time(words)
        and not notes_the_recording(words)
    )


#: A piece of talk ending a sentence: its last mark, closing quotes or brackets aside.
_SENTENCE_ENDS = re.compile(r"[.?!…][\"'”’)\]]*\s*$")
#: A piece of talk whose first sentence is a question (``Oh, the training? ...``).
_OPENS_ASKING = re.compile(r"^[^.?!…]*\?")


def _may_have_asked(before: str, between: str, after: str) -> bool:
    """Whether ``between``, another speaker's turn of only notes of words lost (``[inaudible]``,
    :func:`~roqa_nlp.transcripts.annotations.only_words_lost`) between two pieces of one
    speaker's talk, may have been a question those pieces answer apart: the piece ``before`` it
    ends its sentence and the piece ``after`` it opens with a question, echoing what was asked
    (``Oh, the training?``; hunt s43 h1). A laugh or pause asks nothing; nor does lost talk
    the answer goes on through (``... nobody is allowed to cancel it`` ``[inaudible]``
    ``unless there is a crisis.``)."""
    from .annotations import only_words_lost, without_annotations

    if not only_words_lost(between):
        return False
    return (
        _SENTENCE_ENDS.search(without_annotations(before)) is not None
        and _OPENS_ASKING.match(without_annotations(after).strip()) is not None
    )


def interviewers_of(
    spoken: list[SpokenTurn], interviewer_labels: Sequence[str] | None
) -> frozenset[str]:
    """The speakers of ``spoken`` (tidied, casefolded) who are the interviewer when a reader
    bridges its backchannels: those ``interviewer_labels`` name, else the one
    :func:`~roqa_nlp.transcripts.roles.guess_interviewer` guesses from the turns joined across
    every backchannel (no participant's piece of an answer ending on a rhetorical question then
    counts as a turn that asks), else none."""
    speakers = dict.fromkeys(tidy_speaker(s.speaker) for s in spoken)
    named = frozenset(s.casefold() for s in speakers if is_interviewer(s, interviewer_labels))
    if named and not all(role_in_display_name(s) for s in speakers if s.casefold() in named):
        return named
    everyone = frozenset(s.casefold() for s in speakers)
    joined, _ = _bridged(spoken, lambda: everyone)
    spelling = first_spellings(speakers)
    text: list[str] = []
    turns: list[Turn] = []
    pos = 0
    for s in joined:
        speaker = spelling[tidy_speaker(s.speaker)]
        role: Role = "interviewer" if speaker.casefold() in named else "participant"
        turns.append(Turn(speaker=speaker, role=role, start=pos, end=pos + len(s.words)))
        text.append(s.words)
        pos += len(s.words) + 2
    participants = participant_keys(participant_labels_of(interviewer_labels))
    given = named_by_researcher(interviewer_labels)
    guessed = guess_interviewer("\n\n".join(text), turns, participants, given=given)
    return named if guessed is None else named | {guessed.casefold()}


def _same_speaker(a: SpokenTurn, b: SpokenTurn) -> bool:
    return tidy_speaker(a.speaker).casefold() == tidy_speaker(b.speaker).casefold()


def _joined(last: SpokenTurn, s: SpokenTurn, *, after_backchannel: bool = False) -> SpokenTurn:
    """Two turns of one speaker as one: words paragraph by paragraph, times first to last. The
    begin time is the first turn's, None when it has none: a later piece's time (Google Meet's
    ``00:05:00`` before the answer's last paragraph) is later than the turn's first words.
    ``after_backchannel``: another speaker's backchannel between them was left out, so ``s``
    starts a gap (:attr:`SpokenTurn.gaps`)."""
    n = len(_pieces(last))
    return SpokenTurn(
        speaker=last.speaker,
        words=f"{last.words}\n{s.words}",
        begin_time=last.begin_time,
        end_time=s.end_time if s.end_time is not None else last.end_time,
        cues=_pieces(last) + _pieces(s),
        gaps=(*last.gaps, *((n,) if after_backchannel else ()), *(n + g for g in s.gaps)),
    )


def _pieces(s: SpokenTurn) -> tuple[CuePiece, ...]:
    """The timed pieces of a turn: its cues, or its words at its own times."""
    return s.cues or ((s.words, s.begin_time, s.end_time),)


def render_transcript(
    spoken: Iterable[SpokenTurn],
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
    metadata: dict[str, Any] | None = None,
    speaker_labels: bool = True,
) -> Transcript:
    """Build a transcript whose text is the canonical rendering of ``spoken`` (turns with no words
    dropped; when speakers are labelled, one speaker's consecutive turns joined, and so are
    those only another speaker's backchannel keeps apart: :func:`across_backchannels`; an
    unlabelled file's paragraphs stay turns)."""
    spoken, left_out = (
        across_backchannels(spoken, interviewer_labels=interviewer_labels)
        if speaker_labels
        else (list(spoken), 0)
    )
    spelling = first_spellings(tidy_speaker(s.speaker) for s in spoken)
    pieces: list[str] = []
    turns: list[Turn] = []
    cue_times: list[dict[str, Any]] = []
    gaps: list[int] = []  # where words go on after a backchannel left out (.backchannel_gaps)
    pos = 0
    for s in spoken:
        words = tidy_words(s.words)
        if not words:
            continue
        speaker = spelling[tidy_speaker(s.speaker)]
        if pieces:
            pieces.append("\n\n")
            pos += 2
        prefix = f"{speaker}: "
        pieces.append(prefix)
        pos += len(prefix)
        pieces.append(words)
        turns.append(
            Turn(
                speaker=speaker,
                role=role_of(speaker, interviewer_labels),
                start=pos,
                end=pos + len(words),
                begin_time=s.begin_time,
                end_time=s.end_time,
            )
        )
        if s.gaps:
            pieces_said = [tidy_words(w) for w, _, _ in _pieces(s)]
            gaps += [pos + at for at in starts_after_gaps(words, pieces_said, s.gaps)]
        pos += len(words)
        tidied = [(tidy_words(w), b, e) for w, b, e in s.cues]
        entry = cue_entry(len(turns) - 1, words, [c for c in tidied if c[0]])
        if entry is not None:
            cue_times.append(entry)
    meta = dict(metadata or {})
    if cue_times:
        meta[CUE_TIMES] = cue_times
    if gaps:
        meta[BACKCHANNEL_GAPS] = gap_entries("".join(pieces), turns, gaps)
    # a reader may have left some out already (.unlabelled.is_note_left_out): counted with these
    left_out += int(meta.get(BACKCHANNELS_LEFT_OUT, 0))
    if left_out:
        meta[BACKCHANNELS_LEFT_OUT] = left_out
    return finish_transcript(
        path,
        "".join(pieces),
        turns,
        interviewer_labels=interviewer_labels,
        participant=participant,
        metadata=meta,
        speaker_labels=speaker_labels,
    )


def finish_transcript(
    path: str | Path,
    text: str,
    turns: list[Turn],
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
    metadata: dict[str, Any] | None = None,
    speaker_labels: bool = True,
) -> Transcript:
    """The :class:`Transcript` of ``path``; a file with no speech is a user error.

    Speaker labels that differ only in case (``p23``, ``P23``) are one speaker, named as the
    file first names them; so are a label introducing the short one the file goes on with and
    that one (``Interviewer (IV)``, then ``IV``: :func:`~.roles.introduced_labels`), named by
    the short one. ``speaker_labels=False`` says the reader found no speaker label, so
    every turn is the participant's by default; it is recorded as
    ``metadata["speaker_labels"] = False``. When ``interviewer_labels`` are given and no turn is
    the interviewer's, the labels given besides the defaults (all of them if none is extra) are
    recorded as ``metadata["interviewer_labels_unmatched"]``; when a turn is, the labels given
    besides the defaults that name no speaker are recorded as
    ``metadata["interviewer_labels_naming_no_one"]``. A speaker who only asks one
    question a participant answers, beside the interviewer named or guessed, is read as the
    interviewer (:func:`~roqa_nlp.transcripts.roles.stray_askers`; Otter's stray ``Speaker 3``)
    and recorded as ``metadata["stray_askers"]``. All are what
    :func:`~roqa_nlp.transcripts.roles.speaker_warning` warns of. A focus group's collective
    replies (``Several voices: Yeah. Mm.``) are no one's turn, each recorded as
    ``metadata["collective_replies"]`` (:func:`~.roles.without_collective_replies`)."""
    turns, collective = without_collective_replies(text, turns)
    if not turns:
        raise RoqaValueError("no speech found", path=path, hint=NO_SPEECH_HINT)
    if all(only_annotations(text[t.start : t.end]) for t in turns):  # [Music], (laughs): s71
        raise RoqaValueError(
            "no speech found",
            path=path,
            hint=f"the file holds only transcriber's notes "
            f"({quoted(text[turns[0].start : turns[0].end])}), no one's words: check that it is "
            "the right file",
        )
    spelling = first_spellings(t.speaker for t in turns)
    # "Interviewer (IV):" on the first turn, then "IV:": one speaker, named "IV"
    short = introduced_labels([spelling[t.speaker] for t in turns], interviewer_labels)
    spelling = {label: short.get(spelled, spelled) for label, spelled in spelling.items()}
    turns = [
        t if spelling[t.speaker] == t.speaker else replace(t, speaker=spelling[t.speaker])
        for t in turns
    ]
    meta = dict(metadata or {})
    if collective:
        meta[COLLECTIVE_REPLIES] = collective
    if not speaker_labels:
        meta["speaker_labels"] = False
    # An interviewer a label names is never second-guessed (guess_interviewer guesses only when
    # no turn is the interviewer's). Labels given that match no one here (a study's other
    # interviewer, a typo) leave the guess to be made, as without them, and are recorded; the
    # participants named (--participant) are never guessed.
    participants = participant_labels_of(interviewer_labels)
    named = interviewer_labels is not None and (
        not participants or bool(_own_labels(interviewer_labels))
    )
    if named and interviewer_labels is not None and all(t.role != "interviewer" for t in turns):
        meta["interviewer_labels_unmatched"] = _labels_given(interviewer_labels)
    elif interviewer_labels is not None and any(t.role != "interviewer" for t in turns):
        # an interviewer is here, by a role label or a name (every turn theirs: warned of so)
        from .speaker_labels import is_initials_of

        own = _own_labels(interviewer_labels)
        found = labels_matched((t.speaker for t in turns), own)
        asking = {t.speaker for t in turns if t.role == "interviewer"}
        nobody = [  # "Jane Smith" given, her turns labelled "JS:" is no name of no one
            label
            for label in own
            if label not in found and not any(is_initials_of(s, label) for s in asking)
        ]
        if nobody:  # a name given that no speaker here has (a typo, or another file's)
            meta[INTERVIEWER_NAMED_NO_ONE] = nobody
    if (
        interviewer_labels is not None
        and _own_labels(interviewer_labels)
        and all(t.role == "interviewer" for t in turns)
    ):  # its warning asks whether they name only the interviewer
        meta[INTERVIEWER_LABELS_GIVEN] = True
    unmatched = [
        p for p in participants if not any(t.speaker in participant_keys([p]) for t in turns)
    ]
    if unmatched:  # a participant named (--participant) whom no label here names
        meta[PARTICIPANT_UNMATCHED] = unmatched
    if participants:  # the speakers so named: never checked as a second interviewer
        keys = participant_keys(participants)
        named_here = [s for s in dict.fromkeys(t.speaker for t in turns) if s in keys]
        if named_here:
            meta[PARTICIPANTS_NAMED] = named_here
    given = named_by_researcher(interviewer_labels)
    # who asks is told by the talk the file names its speaker for, not by a piece with no
    # name read into a turn after a change of speaker (an answer's opening WhisperX left bare)
    guessed = guess_interviewer(
        text, named_talk(text, turns, meta), participant_keys(participants), given=given
    )
    answering = hosts_who_answer(text, turns, participant_keys(participants), given=given)
    if guessed is None and answering is not None:  # the participant hosted the call
        hosts, guessed = answering
        turns = [replace(t, role="participant") if t.speaker in hosts else t for t in turns]
        meta[HOSTS_ANSWERING] = hosts
    if guessed is not None:
        turns = [replace(t, role="interviewer") if t.speaker == guessed else t for t in turns]
        meta["interviewer_guessed"] = guessed
    # one of the interviewer's questions under a label of its own (Otter's stray Speaker 3)
    turns, strays = with_stray_askers(text, turns, participant_keys(participants))
    if strays:
        meta[STRAY_ASKERS] = strays
    speakers = [t.speaker for t in turns if t.speaker != guessed and t.speaker not in strays]
    pid = participant or participant_id(speakers, path, interviewer_labels)
    return Transcript(
        id=Path(path).stem,
        text=text,
        turns=turns,
        source=str(path),
        participant=pid,
        metadata=meta,
    )


def named_by_researcher(interviewer_labels: Sequence[str] | None) -> Container[str]:
    """The speaker labels the interviewer labels the researcher added to the defaults match
    (``--interviewer "Tom Bates"`` matches ``Tom Bates (Facilitator)``): beside them no lead
    interviewer is guessed (:func:`~roqa_nlp.transcripts.roles.guess_interviewer`)."""
    own = _own_labels(interviewer_labels) if interviewer_labels is not None else []
    return InterviewerLabels.of(own) if own else ()


def _own_labels(interviewer_labels: Sequence[str]) -> list[str]:
    """The interviewer labels the researcher added to the defaults (``read_transcript`` and
    ``roqa code --interviewer`` pass both)."""
    defaults = interviewer_keys(None)
    return [label for label in interviewer_labels if label not in defaults]


def _labels_given(interviewer_labels: Sequence[str]) -> list[str]:
    """:func:`_own_labels`, or all of ``interviewer_labels`` when none is extra."""
    return _own_labels(interviewer_labels) or list(interviewer_labels)
