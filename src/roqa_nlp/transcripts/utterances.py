"""Timed pieces of speech (subtitle cues, table rows) merged into speaker turns.

Subtitle files split speech into cues of a few seconds, and table exports often have one row per
cue. An utterance names its speaker through a voice tag or a column (``speaker``), or through a
``Name: words`` label at the start of its text, taken as a speaker by the same rule as plain text
(:func:`~roqa_nlp.transcripts.speaker_labels.accepted_labels`), or in the looser shape of a
video-call display name (``Zoë Ní Bhriain 🌻:``, ``Kate | NHS:``;
:func:`~roqa_nlp.transcripts.speaker_labels.cue_labels`). An utterance without a speaker
continues the previous speaker's turn, or, after another speaker's backchannel in a file that
names each piece's speaker, the turn of the speaker before it (:mod:`.unlabelled`). Consecutive
utterances of one speaker become one turn, their words joined by a space, from the first
``begin_time`` given (a cue read without times opening the turn takes the next cue's) to the last
``end_time`` given; each utterance's words and times are kept with the turn
(``SpokenTurn.cues``), so that a segment is cited at the time of the cue its words are in
(:mod:`roqa_nlp.transcripts.cue_times`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import RoqaValueError
from ..io import decode_text, read_bytes
from ..schema import Transcript
from .cue_times import CuePiece
from .render import BLANK_FILE_HINT, EMPTY_FILE_HINT, SpokenTurn, render_transcript
from .roles import HEADER_OVERRULED, UNKNOWN_SPEAKER, unlabelled_speaker
from .speaker_labels import (
    Header,
    LabelMatch,
    cue_labels,
    end_text_metadata,
    is_display_name,
    line_labels,
    service_text_metadata,
    transcript_header,
    voices_read_whole,
    with_header_fields,
)
from .split_words import joined_cue_words
from .unlabelled import (
    MOST_BACKCHANNEL_PIECES,
    UnlabelledTalk,
    field_lines_metadata,
    is_note_left_out,
    names_each_piece,
    time_place,
    unlabelled_turn,
)

#: What speech-to-text writes for a piece whose speaker it could not tell (whisper.cpp's
#: ``--diarize``: ``?``): no speaker, so the piece continues the last speaker's turn.
UNKNOWN_SPEAKER_MARKS = frozenset({"", "?", "unknown"})


def known_speaker(label: str | None) -> str | None:
    """A piece's speaker label, or None for none or an unknown one
    (:data:`UNKNOWN_SPEAKER_MARKS`)."""
    name = (label or "").strip()
    return None if name.casefold() in UNKNOWN_SPEAKER_MARKS else name


@dataclass(frozen=True)
class Utterance:
    """One cue or row: its words, the speaker it names (if any) and its times."""

    words: str
    speaker: str | None = None
    begin_time: float | None = None
    end_time: float | None = None
    #: a cue's first line when more lines follow it, and what they say: a speaker's name on a
    #: line of its own (``Sam Roe`` above the words, as Teams once wrote its transcripts)
    name_line: str | None = None
    after_name: str = ""
    #: the place among the cue's words of the word Whisper's ``--highlight_words`` underlined
    #: in it (``<u>word</u>``; 0 for the first), None where none is
    underlined_word: int | None = None


#: whisper.cpp's ``--diarize`` speaker at the start of a segment's words: ``(speaker 0) words``,
#: ``(speaker ?)`` when it could not tell.
_CPP_SPEAKER = re.compile(r"^\s*\(speaker (?P<n>\d+|\?)\)\s*", re.IGNORECASE)
#: whisper.cpp's tinydiarize mark at the end of a segment after which the speaker changes.
SPEAKER_TURN = "[SPEAKER_TURN]"


def whisper_cpp_speakers(utterances: Sequence[Utterance]) -> list[Utterance]:
    """``utterances`` with whisper.cpp's speaker marks read: ``(speaker 0) words`` names speaker
    ``Speaker 0`` (``(speaker ?)`` no one: the last speaker continues), and when the marks are
    tinydiarize's ``[SPEAKER_TURN]`` (or its JSON ``speaker_turn_next``, kept in the words by the
    reader), which say only where the speaker changes, the speakers alternate, ``Speaker 1``
    and ``Speaker 2``, from one mark to the next. Without such marks, unchanged."""
    out = list(utterances)
    if any(u.speaker is None and _CPP_SPEAKER.match(u.words) for u in out):
        read = []
        for u in out:
            m = _CPP_SPEAKER.match(u.words) if u.speaker is None else None
            if m is None:
                read.append(u)
                continue
            n = m.group("n")
            read.append(
                replace(u, words=u.words[m.end() :], speaker=None if n == "?" else f"Speaker {n}")
            )
        return read
    if any(u.speaker for u in out) or not any(u.words.rstrip().endswith(SPEAKER_TURN) for u in out):
        return out
    turned: list[Utterance] = []
    number = 1
    for u in out:
        words = u.words.rstrip()
        turn = words.endswith(SPEAKER_TURN)
        if turn:
            words = words[: -len(SPEAKER_TURN)].rstrip()
        turned.append(replace(u, words=words, speaker=f"Speaker {number}"))
        if turn:
            number = 3 - number
    return turned


def without_repeats(utterances: Sequence[Utterance]) -> list[Utterance]:
    """``utterances`` with the copies of a segment in Whisper's ``--highlight_words`` subtitles
    read once, to the last copy's end: Whisper writes a segment's words in one cue per word,
    that word underlined (``<u>``, :attr:`Utterance.underlined_word`; a copy with none fills a
    pause between two words), which reading leaves out. A run of consecutive cues of one
    speaker and the same words is read once only where the copies underline words one after
    another; the same segment again underlines its first word again and is read again. Cues
    repeated without the underlining are talk said again (a speaker repeating a line) and are
    all kept, but for a copy at the very same times as the cue before it, an export's
    duplicate, read once."""
    runs: list[list[Utterance]] = []
    for u in utterances:
        run = runs[-1] if runs else []
        if run and _same_cue_again(run[-1], u):
            continue  # a cue written twice at one time by an export: said once
        underlined = [c.underlined_word for c in run if c.underlined_word is not None]
        if (
            run
            and run[0].speaker == u.speaker
            and " ".join(run[0].words.split()) == " ".join(u.words.split())
            and (u.underlined_word is None or not underlined or u.underlined_word > underlined[-1])
        ):
            run.append(u)
        else:
            runs.append([u])
    out: list[Utterance] = []
    for run in runs:
        if all(u.underlined_word is None for u in run):
            out.extend(run)
            continue
        end = next((u.end_time for u in reversed(run) if u.end_time is not None), None)
        out.append(replace(run[0], end_time=end, underlined_word=None))
    return out


def _same_cue_again(before: Utterance, u: Utterance) -> bool:
    """Whether ``u`` is ``before`` written again: one speaker, the same words, the same begin
    and end times (a line said again takes time of its own, so this is the export's copy)."""
    return (
        before.begin_time is not None
        and before.end_time is not None
        and (before.begin_time, before.end_time) == (u.begin_time, u.end_time)
        and before.speaker == u.speaker
        and before.underlined_word == u.underlined_word
        and " ".join(before.words.split()) == " ".join(u.words.split())
    )


def merge_utterances(
    utterances: Sequence[Utterance],
    labels: Sequence[LabelMatch | None],
    path: str | Path,
    interviewer_labels: Sequence[str] | None = None,
    unlabelled: UnlabelledTalk | None = None,
    *,
    voice_tags: bool = False,
) -> tuple[list[SpokenTurn], bool]:
    """Speaker turns from utterances (see the module docstring) and the label each opens with
    (:func:`utterance_labels`), and whether any utterance named its speaker (if none did, every
    turn is the participant's by default). An utterance
    with no speaker after another speaker's backchannel goes on with the turn of the speaker
    before it (:mod:`.unlabelled`); ``unlabelled``, when given, gets where each such utterance
    is, and those whose speaker could not be told. With ``voice_tags`` (subtitle cues whose
    speakers voice tags name, :func:`.cues.names_by_voice_tags`) and no speaker's label, the file
    names each cue's speaker, and each cue with no voice tag after a tagged cue is noted
    (:attr:`UnlabelledTalk.after_voice`): Teams could not tell its speaker."""
    named = any(u.speaker for u in utterances) or any(labels)
    default = UNKNOWN_SPEAKER if named else unlabelled_speaker(path)
    voice_file = voice_tags and not any(labels)
    # who says a piece with no name after another speaker's backchannel (.unlabelled)
    each = voice_file or names_each_piece(
        (u.speaker, u.words)
        if u.speaker or label is None
        else (label.label, u.words[label.words_start :])
        for u, label in zip(utterances, labels, strict=True)
    )

    said = [_spoken(u, label) for u, label in zip(utterances, labels, strict=True)]
    named_next = _named_next(said)
    speakers: list[str] = []
    cues: list[list[CuePiece]] = []  # per turn, each utterance's words and times
    # whether the turn so far is a named piece that changed the speaker, then unnamed pieces
    after_change = False
    after_tag = False  # in a file of voice tags, the turn so far ends on unnamed pieces after one
    for i, (u, (speaker, text)) in enumerate(zip(utterances, said, strict=True)):
        named_here = bool(speaker)
        found = None
        if not speaker and speakers and text and len(cues[-1]) <= MOST_BACKCHANNEL_PIECES:
            before = [
                (s, joined_cue_words([w for w, _, _ in c]))
                for s, c in zip(speakers[-2:], cues[-2:])
            ]
            goes_on = named_next[i]
            found = unlabelled_turn(
                before, text, interviewer_labels, each=each, next_speaker=goes_on
            )
            if found is not None:
                if (
                    unlabelled.left_out(found, text, goes_on)
                    if unlabelled
                    else is_note_left_out(found, text, goes_on)
                ):
                    continue  # a transcriber's note after a backchannel: no one's talk
                speaker = found.speaker
                if unlabelled is not None:
                    unlabelled.add(found, time_place(u.begin_time), text)
        if not speaker:
            speaker = speakers[-1] if speakers else default
        speaker = " ".join(speaker.split())
        if not text:
            continue
        new_turn = not (speakers and speakers[-1].casefold() == speaker.casefold())
        if named_here or new_turn:
            after_change = named_here and new_turn and bool(speakers)
            after_tag = voice_file and named_here
        elif unlabelled is not None and not (found and found.undecided):
            # the new speaker's going on, or the other's reply: it cannot be told (.unlabelled)
            if after_change and each:
                unlabelled.after_change.append((time_place(u.begin_time), speaker, text))
            if after_tag:
                unlabelled.after_voice.append((time_place(u.begin_time), speaker, text))
            if (
                named
                and not each
                and _answers_after_question(cues[-1], text)
                and not _asks_on(said, i)
            ):
                unlabelled.after_question.append((time_place(u.begin_time), speaker, text))
        if new_turn:
            speakers.append(speaker)
            cues.append([])
        cues[-1].append((text, u.begin_time, u.end_time))
    turns = [
        SpokenTurn(
            speaker=s,
            words=joined_cue_words([w for w, _, _ in c]),
            # the first begin and the last end given: an untimed cue (its timing line missing
            # or broken) opening the turn is spoken just before the next cue's start
            begin_time=next((b for _, b, _ in c if b is not None), None),
            end_time=next((e for _, _, e in reversed(c) if e is not None), None),
            cues=tuple(c),
        )
        for s, c in zip(speakers, cues, strict=True)
    ]
    return turns, named


def _answers_after_question(turn: Sequence[CuePiece], words: str) -> bool:
    """Whether ``words``, a piece with no speaker's name going on with ``turn`` (its pieces so
    far) in a file that names a turn's speaker once, may be an answer the file left unnamed: the
    piece before it asks (ends on ``?``) and it neither asks nor is only a transcriber's note
    (:data:`~.unlabelled.AFTER_QUESTION`)."""
    from .annotations import only_annotations
    from .backchannels import ends_asking

    return (
        bool(turn)
        and ends_asking(turn[-1][0])
        and not ends_asking(words)
        and not only_annotations(words)
    )


#: The end of a piece that ends a sentence: a full stop, question or exclamation mark or an
#: ellipsis, then closing quotes or brackets.
_ENDS_SENTENCE = re.compile(r"[.!?\u2026\uff1f][\"'\u201d\u2019)\]]*\s*$")
#: Most pieces with no speaker's name a sentence is followed through (:func:`_asks_on`).
MOST_PIECES_OF_A_SENTENCE = 6


def _asks_on(said: Sequence[tuple[str | None, str]], i: int) -> bool:
    """Whether the sentence that the piece ``i`` of ``said`` (who each piece names, its words)
    opens, with no speaker's name, ends asking in the pieces with no name after it (at most
    :data:`MOST_PIECES_OF_A_SENTENCE`): the interviewer's next question spread over cues
    (``Do you, um, do you`` ``have a, a plan written`` ``down?``), no answer the file left
    unnamed, so not named as one (:data:`~.unlabelled.AFTER_QUESTION`: daily17 tester, session
    86, D7). Only the warning reads it; the reading of the pieces is the same."""
    from .backchannels import ends_asking

    for speaker, words in said[i : i + MOST_PIECES_OF_A_SENTENCE]:
        if speaker:
            return False  # the next speaker named before the sentence ends
        if words and _ENDS_SENTENCE.search(words):
            return ends_asking(words)
    return False


def _spoken(u: Utterance, label: LabelMatch | None) -> tuple[str | None, str]:
    """Who an utterance names as its speaker (None for no one) and its words, the label that
    opens them taken out."""
    if not u.speaker and label is not None:
        return label.label, u.words[label.words_start :].strip()
    return u.speaker, u.words.strip()


def _named_next(said: Sequence[tuple[str | None, str]]) -> list[str | None]:
    """For each piece of ``said`` (who it names, its words), who the next piece with words
    names (None for no one, or no piece after it)."""
    out: list[str | None] = []
    following: str | None = None
    for speaker, words in reversed(said):
        out.append(following)
        if words:
            following = speaker or None
    return out[::-1]


def utterance_labels(
    utterances: Sequence[Utterance], interviewer_labels: Sequence[str] | None = None
) -> list[LabelMatch | None]:
    """The speaker's label each utterance opens with, where it is taken as a speaker (None for
    one a voice tag or column names): as in plain text, in a video call's looser display names
    (:func:`~.speaker_labels.cue_labels`), or on a name line of its own (Teams')."""
    texts = ["" if u.speaker is not None else u.words for u in utterances]
    named = [u.speaker is not None for u in utterances]
    labels = cue_labels(
        texts, line_labels(texts, interviewer_labels, named=named), interviewer_labels
    )
    return _with_name_lines(utterances, labels)


def is_name_line(line: str) -> bool:
    """Whether a cue's first line (its markup left out) reads as a speaker's name on a line of
    its own: a display name (:func:`is_display_name`), no sentence's end, not a line only of
    English stop words and words of talk such as "Yes" ("Yeah, honestly." is talk)."""
    from ..open_coding import english_stop_words  # and the words of talk, "yes", "so" ...

    name = " ".join(line.split())
    return (
        is_display_name(name)
        and not name.endswith((".", "?", "!", ",", ";", ":"))
        and not all(w in english_stop_words() for w in name.casefold().split())
    )


def _with_name_lines(
    utterances: Sequence[Utterance], labels: list[LabelMatch | None]
) -> list[LabelMatch | None]:
    """``labels`` with the name line of a cue taken as its speaker where neither a voice tag
    nor a label names one: a display name (:func:`is_display_name`; no sentence's end; not a
    line only of English stop words and words of talk such as "Yes") that opens two or more
    cues, in a file where with them at least 80 % of the cues name their speaker (as in Teams'
    old transcripts, where every cue does: a subtitle line wrapped after a capitalised phrase
    now and then is no speaker). Such a name also names the speaker of a cue whose words open
    with a word and a colon (``Sam Roe`` above ``Training: is there any?``), which the cue's
    lines joined read as one label (``Sam Roe Training``): the word is talk, and the cue counts
    among the two that name line opens."""
    candidates: list[LabelMatch | None] = []
    across: list[LabelMatch | None] = []  # a name line that a label runs on from
    for u, label in zip(utterances, labels, strict=True):
        name = " ".join((u.name_line or "").split())
        ok = (
            u.speaker is None
            and bool(u.after_name.strip())
            and u.words.endswith(u.after_name)
            and is_name_line(name)
        )
        # the words start after the name line: words_start counts in the cue's joined words
        start = len(u.words) - len(u.after_name)
        found = LabelMatch(name, start, None) if ok else None
        candidates.append(found if label is None else None)
        runs_on = (
            label is not None
            and label.words_start > start
            and " ".join(label.label.split()).startswith(f"{name} ")
        )
        across.append(found if runs_on else None)
    # a name line counts where a label runs on from it too: a late speaker's two cues, one
    # opening 'Sorry: ...', name him twice
    counts = Counter(c.label for c in (*candidates, *across) if c is not None)
    repeated = {name for name, n in counts.items() if n >= 2}
    if not repeated:
        return labels
    named = sum(1 for u, lab in zip(utterances, labels, strict=True) if u.speaker or lab)
    # the cues a label runs on from are among ``named`` already
    with_names = sum(1 for c in candidates if c is not None and c.label in repeated)
    if named + with_names < 0.8 * len(utterances):
        return labels
    out: list[LabelMatch | None] = []
    for lab, c, a in zip(labels, candidates, across, strict=True):
        if a is not None and a.label in repeated:
            out.append(a)
        else:
            out.append(lab if lab is not None or c is None or c.label not in repeated else c)
    return out


def utterances_transcript(
    utterances: Sequence[Utterance],
    path: str | Path,
    metadata: dict[str, Any],
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
    header: bool = False,
    voice_tags: bool = False,
) -> Transcript:
    """The transcript of ``utterances`` (cues, table rows, Whisper segments) merged into turns
    (:func:`merge_utterances`; ``voice_tags``, cues whose speakers voice tags name, as there)
    and rendered canonically with ``metadata``. With ``header``
    (subtitle cues), the header fields among them (``Location: Leeds General``, ``Duration: 26
    minutes`` in the first cues, or a field's cue standing between two turns) are read as a
    plain text's header lines are (:func:`.speaker_labels.transcript_header`): no one's talk,
    the people and participant number they name taken as that header's are."""
    unlabelled = UnlabelledTalk()
    utterances = without_repeats(whisper_cpp_speakers(utterances))
    labels = utterance_labels(utterances, interviewer_labels)
    voices = voices_read_whole([u.speaker for u in utterances], labels, interviewer_labels)
    utterances = [
        u if v == u.speaker else replace(u, speaker=v)
        for u, v in zip(utterances, voices, strict=True)
    ]
    extra: dict[str, Any] = {}
    if header:
        found = _header_of(utterances, labels)
        kept = [i for i in range(len(utterances)) if i not in found.lines]
        speakers = [who for i in kept if (who := _speaker_of(utterances[i], labels[i]))]
        overruled = found.overruled(speakers, interviewer_labels)
        extra = {
            **({"header_people": found.people} if found.people else {}),
            **({HEADER_OVERRULED: overruled} if overruled else {}),
            **field_lines_metadata(
                [
                    (time_place(utterances[i].begin_time), " ".join(utterances[i].words.split()))
                    for i in sorted(found.between)
                ]
            ),
            **service_text_metadata([utterances[i].words for i in sorted(found.service_text)]),
            **end_text_metadata([_said(utterances[i]) for i in sorted(found.ended)]),
            **_header_cues_metadata(
                [
                    utterances[i]
                    for i in sorted(found.lines - found.between - found.service_text - found.ended)
                ]
            ),
        }
        interviewer_labels = found.interviewer_labels(speakers, interviewer_labels)
        participant = participant or found.participant
        utterances = [utterances[i] for i in kept]
        labels = [labels[i] for i in kept]
    turns, named = merge_utterances(
        utterances, labels, path, interviewer_labels, unlabelled, voice_tags=voice_tags
    )
    return render_transcript(
        turns,
        path,
        interviewer_labels=interviewer_labels,
        participant=participant,
        metadata={**metadata, **unlabelled.metadata(), **extra},
        speaker_labels=named,
    )


#: The transcript metadata key of the words of the cues left out as a subtitle file's header
#: (``Location: Leeds General``, ``Interviewer: Sam Roe``: a cue's lines each) or its closing
#: marker: no one's talk, but never left out silently (``roqa inspect`` names them).
HEADER_CUES = "header_cues"


def _said(u: Utterance) -> str:
    """A cue's line as the file gives it: its speaker's label before its words."""
    return u.words if u.speaker is None else f"{u.speaker}: {u.words}"


def _header_cues_metadata(cues: Sequence[Utterance]) -> dict[str, list[str]]:
    words = [" ".join(u.words.split()) for u in cues if u.words.strip()]
    return {HEADER_CUES: words} if words else {}


def _speaker_of(u: Utterance, label: LabelMatch | None) -> str | None:
    """Who ``u`` names as its speaker: its voice tag's or column's, else its label's."""
    return u.speaker or (label.label if label is not None else None)


def _header_of(utterances: Sequence[Utterance], labels: Sequence[LabelMatch | None]) -> Header:
    """The header among ``utterances`` (each labelled by ``labels``), as a plain text's is read
    from its lines: each utterance a line, its speaker's label or a header field's name, and
    the words after it."""
    texts = ["" if u.speaker is not None else u.words for u in utterances]
    fields = with_header_fields(texts, labels)
    return transcript_header(
        [
            u.speaker or (f.label if f is not None else None)
            for u, f in zip(utterances, fields, strict=True)
        ],
        [
            u.words if u.speaker is not None or f is None else u.words[f.words_start :]
            for u, f in zip(utterances, fields, strict=True)
        ],
    )


def speech_file_text(path: str | Path, *, windows_1252: bool = False) -> str:
    """The decoded text of a transcript file (:func:`~roqa_nlp.io.decode_text`, Windows-1252
    too with ``windows_1252``); an empty file, or one of blanks only, is a one-line error, the
    same in every format, which says which of the two it is."""
    text = decode_text(read_bytes(path), path, windows_1252=windows_1252)
    if not text.strip():
        hint = BLANK_FILE_HINT if text else EMPTY_FILE_HINT
        raise RoqaValueError("no speech found", path=path, hint=hint)
    return text
