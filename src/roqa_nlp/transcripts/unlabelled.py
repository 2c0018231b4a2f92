"""Talk with no speaker's name after another speaker's backchannel: whose it is.

A video call's transcript names the speaker of every cue (Zoom: ``Sam Roe: words``; Teams: a
voice tag) and writes a cue with no name when it cannot tell who speaks. Such a cue goes on
with the turn before it, except after a cue that is only another speaker's backchannel
(``Sam Roe: Mm-hmm.``, ``Yeah.``, ``Right.``; :func:`~.backchannels.only_acknowledges`, an
agreeing one such as ``Of course.`` counting when the named interviewer says it), by the rule
that leaves such a backchannel out of the turn it came inside
(:func:`~.render.across_backchannels`): the listener spoke inside the turn of the speaker before
them (the participant's answer, or the interviewer's long question), so the words with no name are
that speaker's going on (:func:`speaker_of_unlabelled`). Before, they were the listener's: after an
interviewer's ``Mm-hmm.`` the participant's words were not coded.

Whose the words are cannot be told, and they stay with the backchannel's speaker as before,
named for checking (:func:`undecided_talk_warning`), when the backchannel opens the file, when
it is a reply (``Is the CQC supportive?`` ``Yeah.``, or the participant's ``That's right.``, which
are kept as answers where backchannels are left out: more of the answer, or the interviewer's
next words?), or when the words ask a question (``Mm-hmm.`` then ``What would you change?``: the
listener's next question, or the speaker's own ``Where were we?``), unless the backchannel came
inside the named interviewer's question (``Interviewer: When new starters join,`` ``P04:
Mm-hmm.`` ``what training do they get?``: the question goes on).

The rule holds only in a file that names the speaker of each piece (:func:`names_each_piece`):
a subtitle editor's file or a typed transcript names a turn's speaker once and goes on
unlabelled (``P04: Okay.`` above ``So the way it works is ...``), every piece with no name its
turn's. The subtitle (.vtt, .srt), table and speech-to-text readers
(:func:`~.utterances.merge_utterances`), the plain-text reader (also of RTF, HTML and PDF
text), for a paragraph after a blank line, and the Word and OpenDocument reader
(:func:`~.blocks.read_blocks`), for a paragraph, read it alike. One piece goes on with the
speaker before the backchannel in any file: a transcriber's note alone after which that
speaker goes on (:func:`is_note_in_turn`), a gap inside their answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from ..errors import first_few, quoted
from ..io import packaged_words
from ..schema import Transcript, Turn
from .backchannels import MAX_BACKCHANNEL_WORDS, ends_asking, only_acknowledges
from .roles import is_interviewer
from .speaker_labels import is_page_footer, is_service_text

#: The transcript metadata keys of where the pieces with no speaker's name are (a cue's time,
#: ``00:00:26.000``, or a line, ``line 9``; empty for a Word paragraph or an untimed row or cue,
#: its words telling) that were read as the talk of the speaker before a
#: backchannel, and of those whose speaker could not be told, with the speaker each was read
#: as and its words.
AFTER_BACKCHANNEL = "unlabelled_talk_after_backchannel"
UNDECIDED = "unlabelled_talk_undecided"
UNDECIDED_AS = "unlabelled_talk_undecided_read_as"
UNDECIDED_WORDS = "unlabelled_talk_undecided_words"
#: The transcript metadata keys of where the pieces with no speaker's name are that come right
#: after a change of speaker in a file that names each piece's speaker, read as the talk of the
#: speaker before them, with that speaker and their words (:func:`after_change_warning` names
#: those read as the interviewer's).
AFTER_CHANGE = "unlabelled_talk_after_change"
AFTER_CHANGE_AS = "unlabelled_talk_after_change_read_as"
AFTER_CHANGE_WORDS = "unlabelled_talk_after_change_words"
#: The same of the cues with no voice tag right after a tagged cue, in a file of voice tags
#: (Teams': :func:`.cues.names_by_voice_tags`), after a change of speaker or not: Teams leaves
#: the tag off a cue whose speaker it cannot tell (:func:`after_change_warning` names those
#: read as the interviewer's).
AFTER_VOICE = "unlabelled_talk_after_voice_tag"
AFTER_VOICE_AS = "unlabelled_talk_after_voice_tag_read_as"
AFTER_VOICE_WORDS = "unlabelled_talk_after_voice_tag_words"
#: The same of the cues or rows with no speaker's name right after the interviewer's question
#: (a piece ending on ``?``), in a file that names a turn's speaker once, not each piece's
#: (:func:`names_each_piece`): read as the asker's going on, by that file's rule, though a
#: participant's answer that the file left unnamed opens so (daily12 2: ``Sam Roe: And what
#: gets in the way?`` then ``Money. The fee rate has been frozen for four years.``, never coded
#: and not warned of); :func:`after_change_warning` names those read as the interviewer's.
AFTER_QUESTION = "unlabelled_talk_after_question"
AFTER_QUESTION_AS = "unlabelled_talk_after_question_read_as"
AFTER_QUESTION_WORDS = "unlabelled_talk_after_question_words"
#: The transcript metadata keys of the words a reader read into no turn after the talk began
#: (a paragraph under no speaker's label after a line that ended the turn before it: a header
#: field or a transcriber's marker), and where each is (``line 9``; empty for a Word
#: paragraph): not coded, so :func:`no_turn_warning` names them.
NO_TURN = "no_turn_words"
NO_TURN_LINES = "no_turn_lines"
#: The transcript metadata keys of the lines (Word paragraphs) above the first speaker's label
#: that the reader left out as a title's, no header field, heading or service line it knows,
#: where one of them reads as talk (:func:`reads_as_talk`: a first answer typed before the first
#: label, a question under a bare ``Q.``), and where each is (``line 3``; empty for a Word
#: paragraph): :func:`above_first_label_warning` names them, as they were left out silently.
ABOVE_FIRST_LABEL = "above_first_label_words"
ABOVE_FIRST_LABEL_LINES = "above_first_label_lines"
#: The transcript metadata keys of the header fields' lines between turns (``Date: 11 May
#: 2024``; :func:`~.speaker_labels.field_lines_between_turns`), left out as the title block's
#: are, and where each is (``line 9``; empty for a Word paragraph): :func:`field_lines_warning`.
FIELD_LINES = "field_lines_between_turns"
FIELD_LINES_WHERE = "field_lines_between_turns_lines"

#: The transcript metadata key of where the timed subtitle cues naming no speaker that open a
#: file which names its speakers further in begin (``00:00:01.000``; Zoom writes its first
#: cues so before it knows who speaks): read as :data:`~.roles.UNKNOWN_SPEAKER`, a participant,
#: and coded, so :func:`unnamed_opening_warning` names them.
UNNAMED_OPENING = "unlabelled_talk_opening"


#: Most pieces (cues, paragraphs) a backchannel turn is read from: a turn of more, of a word
#: or a note each, is no backchannel, and is not joined to be looked at (a run of thousands of
#: unnamed cues would be joined again at each).
MOST_BACKCHANNEL_PIECES = 2 * MAX_BACKCHANNEL_WORDS


#: How many times, at least, and in what share of its named pieces at least (1 in
#: ``MANY_REPEATS_SHARE``), a file names the speaker of the named piece before, with no other
#: speaker named between, for it to name each piece on that count alone. A video call names
#: the same speaker on consecutive cues again and again, as most answers span several cues:
#: examples/interviews/p02_interview.vtt 88 times in 148 named cues, the session-36 readers'
#: Zoom and Teams calls 13 to 19 times in 31 to 35, a short Zoom call 3 in 14 and 4 in 9. A
#: typist repeats a label once by accident (``P09: ...`` ``P09: Sorry, and one bank worker``),
#: as does a file that names the speaker on change (Otter's .srt, ``Collins: Yes.`` ``Collins:
#: Twice ...``): once in 5 to 9 named pieces in the blind tester's typed .txt, .docx and
#: .srt. Of the team's other 175 transcripts (benchmarks/data, examples, tests/data) only
#: tests/data/transcripts/zoom_call.vtt repeats a name, once in 4 cues, none of them unnamed.
#: The evidence of the first two kinds below holds in a short call (the session-36 readers'
#: zoom_nolabel_p24.vtt and teams_nolabel_p76.vtt) and in none of those typed files.
MANY_REPEATS = 3
MANY_REPEATS_SHARE = 5


def names_each_piece(pieces: Iterable[tuple[str | None, str]]) -> bool:
    """Whether a file's pieces (cues, rows, paragraphs), each the speaker it names (None for
    none) and its words, name the speaker of each piece, as a video call does, not each turn's
    speaker once. It does when it names again the speaker of the named piece before (no other
    speaker named between):

    - after a piece with no name (``Sam Roe: Mm-hmm.`` ``What would you change?`` ``Sam Roe:
      ...``): that piece was not the named speaker's turn going on, as it would be in a file
      that names each turn once;
    - after the speaker's piece that stops inside a sentence, at a comma (``Interviewer: I want
      to ask about the new starters,`` ``Interviewer: the ones who ...``): a cue cut by time;
    - or many times (:data:`MANY_REPEATS`), not the one repeat a typist makes."""
    named = repeats = 0
    last: str | None = None
    last_words = ""
    unnamed_between = False
    for speaker, words in pieces:
        if not speaker:
            if words.strip():
                unnamed_between = True
            continue
        key = " ".join(speaker.split()).casefold()
        named += 1
        if key == last:
            if unnamed_between or last_words.rstrip().endswith(","):
                return True
            repeats += 1
        last, last_words, unnamed_between = key, words, False
    return repeats >= MANY_REPEATS and repeats * MANY_REPEATS_SHARE >= named


@dataclass(frozen=True)
class Continuation:
    """Whose turn a piece with no speaker's name goes on with: ``speaker``; whether that is the
    speaker before a backchannel (``after_backchannel``), and whether it could not be told
    (``undecided``, the piece then staying with the turn it comes after)."""

    speaker: str
    after_backchannel: bool = False
    undecided: bool = False


def speaker_of_unlabelled(
    before: Sequence[tuple[str, str]],
    words: str,
    interviewer_labels: Sequence[str] | None = None,
) -> Continuation:
    """Whose turn ``words``, a piece with no speaker's name, go on with, ``before`` being the
    turns before it (speaker, words), the last the one it comes after (see the module
    docstring); the interviewer is who ``interviewer_labels`` name."""
    speaker, said = before[-1]
    if not only_acknowledges(said):
        return Continuation(speaker)
    if len(before) < 2:
        return Continuation(speaker, undecided=True)
    other, spoken = before[-2]
    listener = is_interviewer(speaker, interviewer_labels)
    asker = is_interviewer(other, interviewer_labels)
    # the rule by which the backchannel is left out of the turn it came inside
    # (render.across_backchannels): the interviewer's, or one that does not answer a question
    inside = (listener and not asker) or (
        only_acknowledges(said, agreeing=False) and not ends_asking(spoken)
    )
    if not inside or (ends_asking(words) and not (asker and not listener)):
        return Continuation(speaker, undecided=True)
    return Continuation(other, after_backchannel=True)


def is_note_left_out(found: Continuation, words: str, next_speaker: str | None = None) -> bool:
    """Whether ``words``, a piece with no speaker's name whose turn is ``found``, is left out as
    a backchannel is: a transcriber's note alone (``[crosstalk]``, ``[laughs]``;
    :func:`~.annotations.only_annotations`) after another speaker's backchannel, which no one
    said, so it goes on with no one's turn. Before, it went on with the turn of the speaker
    before the backchannel, and parted the backchannel's speaker's turn from their next piece,
    so that ``Fatima: Exactly.`` ``[crosstalk]`` ``Fatima: Sorry, go on ...`` lost her
    ``Exactly.`` as a backchannel inside the other's turn (session 59). A note saying words
    were lost (``[inaudible]``) may have been anyone's talk, a question too, and is read as
    before; and a note the speaker before the backchannel goes on after (``next_speaker``)
    is kept in their turn (:func:`is_note_in_turn`)."""
    from .annotations import only_annotations, only_words_lost

    return (
        found.after_backchannel
        and only_annotations(words)
        and not only_words_lost(words)
        and not is_note_in_turn(found, words, next_speaker)
    )


def is_note_in_turn(found: Continuation, words: str, next_speaker: str | None) -> bool:
    """Whether ``words``, a piece with no speaker's name of only transcriber's notes
    (``[inaudible]``, ``[crosstalk]``; :func:`~.annotations.only_annotations`) whose turn is
    ``found``, goes on with the turn of the speaker before another speaker's backchannel, in
    any file: ``next_speaker``, who names the next piece of words, is that speaker going on
    (``Fatima: ... when they are ready.`` ``Sam Roe: Mm-hmm.`` ``[inaudible]`` ``Fatima: And
    the council list ...``). The note marks a gap inside her answer, where words were lost;
    before, it went with the backchannel, left out with it, and her quote read as one run of
    speech (session 59)."""
    from .annotations import only_annotations

    return (
        found.after_backchannel
        and next_speaker is not None
        and " ".join(next_speaker.split()).casefold() == " ".join(found.speaker.split()).casefold()
        and only_annotations(words)
    )


def unlabelled_turn(
    before: Sequence[tuple[str, str]],
    words: str,
    interviewer_labels: Sequence[str] | None,
    *,
    each: bool,
    next_speaker: str | None,
) -> Continuation | None:
    """Whose turn ``words``, a piece with no speaker's name after the turns ``before`` (see
    :func:`speaker_of_unlabelled`), go on with by this module's rule, in a file that names
    each piece's speaker (``each``: :func:`names_each_piece`); in any other file only a note
    that the speaker before a backchannel goes on after (:func:`is_note_in_turn`;
    ``next_speaker`` names the next piece of words). None where the rule does not hold: the
    piece goes on with the turn before it."""
    from .annotations import only_annotations

    if not each and not only_annotations(words):
        return None
    found = speaker_of_unlabelled(before, words, interviewer_labels)
    return found if each or is_note_in_turn(found, words, next_speaker) else None


@dataclass
class UnlabelledTalk:
    """Where a file's pieces with no speaker's name were read as the talk of the speaker before
    a backchannel (``after_backchannel``), and where their speaker could not be told, with whose
    talk and what words (``undecided``); and how many were left out as backchannels
    (``notes_left_out``: :func:`is_note_left_out`)."""

    after_backchannel: list[str] = field(default_factory=list)
    undecided: list[tuple[str, str, str]] = field(default_factory=list)
    #: pieces right after a change of speaker read as the new speaker's (where, whose, words)
    after_change: list[tuple[str, str, str]] = field(default_factory=list)
    #: in a file of voice tags, cues with no tag right after a tagged cue (where, whose, words)
    after_voice: list[tuple[str, str, str]] = field(default_factory=list)
    #: in a file naming a turn's speaker once, pieces right after a question (where, whose, words)
    after_question: list[tuple[str, str, str]] = field(default_factory=list)
    notes_left_out: int = 0

    def left_out(self, found: Continuation, words: str, next_speaker: str | None = None) -> bool:
        """Whether the piece of ``words`` whose turn is ``found`` is left out
        (:func:`is_note_left_out`), counted when it is."""
        out = is_note_left_out(found, words, next_speaker)
        self.notes_left_out += out
        return out

    def add(self, found: Continuation, place: str, words: str) -> None:
        """Note ``found``, the speaker of the piece of ``words`` at ``place``."""
        if found.after_backchannel:
            self.after_backchannel.append(place)
        elif found.undecided:
            self.undecided.append((place, found.speaker, words))

    def metadata(self) -> dict[str, Any]:
        """The transcript metadata of what was noted (see :data:`AFTER_BACKCHANNEL`), the notes
        left out counted among the backchannels left out (:data:`.render.BACKCHANNELS_LEFT_OUT`,
        which the rendering adds its own to)."""
        from .render import BACKCHANNELS_LEFT_OUT

        meta: dict[str, Any] = (
            {AFTER_BACKCHANNEL: self.after_backchannel} if self.after_backchannel else {}
        )
        if self.notes_left_out:
            meta[BACKCHANNELS_LEFT_OUT] = self.notes_left_out
        if self.undecided:
            meta[UNDECIDED] = [p for p, _, _ in self.undecided]
            meta[UNDECIDED_AS] = [s for _, s, _ in self.undecided]
            meta[UNDECIDED_WORDS] = [w for _, _, w in self.undecided]
        if self.after_change:
            meta[AFTER_CHANGE] = [p for p, _, _ in self.after_change]
            meta[AFTER_CHANGE_AS] = [s for _, s, _ in self.after_change]
            meta[AFTER_CHANGE_WORDS] = [w for _, _, w in self.after_change]
        if self.after_voice:
            meta[AFTER_VOICE] = [p for p, _, _ in self.after_voice]
            meta[AFTER_VOICE_AS] = [s for _, s, _ in self.after_voice]
            meta[AFTER_VOICE_WORDS] = [w for _, _, w in self.after_voice]
        if self.after_question:
            meta[AFTER_QUESTION] = [p for p, _, _ in self.after_question]
            meta[AFTER_QUESTION_AS] = [s for _, s, _ in self.after_question]
            meta[AFTER_QUESTION_WORDS] = [w for _, _, w in self.after_question]
        return meta


def named_talk(text: str, turns: Sequence[Turn], metadata: dict[str, Any]) -> list[Turn]:
    """``turns`` (of a transcript's ``text``) each ended before the first piece with no
    speaker's name read into it after a change of speaker (:data:`AFTER_CHANGE_WORDS`): the talk
    the file names its speaker for. The interviewer's guess counts these
    (:func:`~.render.finish_transcript`): WhisperX leaves a segment that opens an answer
    without a speaker, read as the talk of the interviewer who asked, whose turn then ended on
    the answer, not on the question (tester s63 readers, 4: two such segments, and SPEAKER_00,
    who asked every question, was no longer taken as the interviewer)."""
    out = list(turns)
    k = 0
    for words in metadata.get(AFTER_CHANGE_WORDS) or []:
        first = next((line.strip() for line in str(words).split("\n") if line.strip()), "")
        for j in range(k, len(turns)) if first else ():
            at = text.find(first, turns[j].start, turns[j].end)
            if at > turns[j].start:
                end = turns[j].start + len(text[turns[j].start : at].rstrip())
                out[j] = replace(out[j], end=min(out[j].end, end))
                k = j
                break
    return out


def time_place(seconds: float | None) -> str:
    """Where a piece is, by its time (``00:01:02.500``), for a warning: empty for none (its
    words then tell where it is)."""
    if seconds is None:
        return ""
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _piece(transcript: Transcript) -> str:
    meta = transcript.metadata
    if "cues" in meta:
        return "cue"
    if "rows" in meta:
        return "row"
    if "segments" in meta:
        return "segment"
    return "paragraph"


def undecided_talk_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file and where its pieces with no speaker's name are
    whose speaker could not be told (see the module docstring), else None."""
    places = transcript.metadata.get(UNDECIDED)
    if not places:
        return None
    n = len(places)
    read_as = (transcript.metadata.get(UNDECIDED_AS) or [""])[0]
    words = (transcript.metadata.get(UNDECIDED_WORDS) or [""])[0]
    piece = _piece(transcript)
    at = f"{places[0]} " if places[0] else ""  # a Word paragraph: its words say where
    more = f"; and at {first_few([str(p) for p in places[1:]], 6)}" if n > 1 and all(places) else ""
    return (
        f"{transcript.source or transcript.id}: {n} {piece}{'s' if n != 1 else ''} with no "
        f"speaker's name after a backchannel could be either speaker's ({at}"
        f"{quoted(str(words))}, read as {read_as}'s talk{more}): put the speaker's name on "
        f"{'them' if n != 1 else 'it'} to have {'them' if n != 1 else 'it'} read as theirs"
    )


def after_change_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file and how many of its pieces with no speaker's name
    that come right after a change of speaker to the interviewer, in a file that names each
    piece's speaker (:func:`names_each_piece`), were read as the interviewer's talk (the
    speaker's before them), and where; else None. Such a piece is the interviewer going on or
    the participant's answer, which cannot be told: speech-to-text and hand-edited subtitles
    leave the name off the cue that opens an answer, which was then never coded (the s40
    tester's speech-to-text files: 12.6 % of the participants' words), while Zoom and Teams
    name every cue. Pieces read as a participant's talk are coded whoever said them, and are
    not named. In a file of voice tags (Teams'), every cue with no tag right after one of the
    interviewer's is named (:data:`AFTER_VOICE`), after a change of speaker or not: Teams leaves
    the tag off a cue whose speaker it cannot tell, and the participant's answer after a
    question was read as the interviewer's with no word (session 79 readers3 M1). In a file that
    names a turn's speaker once, the cues or rows with no name right after the interviewer's
    question are named (:data:`AFTER_QUESTION`): the likeliest answer the file left unnamed
    (daily12 2)."""
    meta = transcript.metadata
    voice = bool(meta.get(AFTER_VOICE))
    asked = not voice and bool(meta.get(AFTER_QUESTION))
    keys = (
        (AFTER_VOICE, AFTER_VOICE_AS, AFTER_VOICE_WORDS)
        if voice
        else (AFTER_QUESTION, AFTER_QUESTION_AS, AFTER_QUESTION_WORDS)
        if asked
        else (AFTER_CHANGE, AFTER_CHANGE_AS, AFTER_CHANGE_WORDS)
    )
    places, read_as, words = (meta.get(key) or [] for key in keys)
    roles = {" ".join(t.speaker.split()).casefold(): t.role for t in transcript.turns}
    found = [
        (place, speaker, said)
        for place, speaker, said in zip(places, read_as, words, strict=False)
        if roles.get(" ".join(str(speaker).split()).casefold()) == "interviewer"
    ]
    if not found:
        return None
    n = len(found)
    place, speaker, said = found[0]
    piece = _piece(transcript)
    at = f"{place} " if place else ""  # an untimed cue or row: its words say where
    more = (
        f"; and at {first_few([str(p) for p, _, _ in found[1:]], 6)}"
        if n > 1 and all(p for p, _, _ in found)
        else ""
    )
    if voice:
        return (
            f"{transcript.source or transcript.id}: {n} cue{'s' if n != 1 else ''} with no voice "
            f"tag right after the interviewer's {'were' if n != 1 else 'was'} read as the "
            f"interviewer's talk ({at}{quoted(str(said))}, read as {speaker}'s talk{more}): "
            "Teams leaves the tag off a cue whose speaker it cannot tell, and a participant's "
            "answer that opens on such a cue is not coded, so put the speaker's name on "
            f"{'each of them' if n != 1 else 'it'} (<v Name>)"
        )
    if asked:
        return (
            f"{transcript.source or transcript.id}: {n} {piece}{'s' if n != 1 else ''} with no "
            f"speaker's name right after the interviewer's question "
            f"{'were' if n != 1 else 'was'} read as the interviewer's talk going on "
            f"({at}{quoted(str(said))}, read as {speaker}'s talk{more}): the file names a "
            f"speaker only where the speaker changes, so a participant's answer that opens on "
            f"such a {piece} is not coded; if {'any is' if n != 1 else 'it is'} the "
            f"participant's, put their name on it"
        )
    return (
        f"{transcript.source or transcript.id}: {n} {piece}{'s' if n != 1 else ''} with no "
        f"speaker's name right after a change of speaker to the interviewer "
        f"{'were' if n != 1 else 'was'} read as the talk of the speaker before "
        f"{'them' if n != 1 else 'it'} ({at}{quoted(str(said))}, read as {speaker}'s talk{more}): "
        f"a participant's answer that opens on such a {piece} is not coded, so put the "
        f"speaker's name on {'each of them' if n != 1 else 'it'}"
    )


def no_turn_metadata(pieces: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """The metadata of ``pieces`` (where, words) read into no turn (:data:`NO_TURN`)."""
    if not pieces:
        return {}
    return {NO_TURN: [w for _, w in pieces], NO_TURN_LINES: [where for where, _ in pieces]}


#: The end of a line that reads as a sentence of talk: a full stop, question or exclamation mark
#: or an ellipsis, then closing quotes or brackets.
_SENTENCE_END = re.compile(r"(?:[.!?\u2026\uff1f])[\"'\u201d\u2019)\]]*$")
#: Fewest words of a line ending a sentence to read as talk (``We lost two nurses.``); a question
#: reads so from two (``Why not?``).
MIN_TALK_WORDS = 3
#: The words of the first and second person a sentence must hold to read as talk (``I've been
#: the manager here six years.``); a header's sentence speaks of the recording in the third
#: person (``This call is being recorded.``).
TALK_PERSONS = "talk_persons.txt"
#: A header's ``Field: value`` line (``Summary: The participant described ...``, ``Automation:
#: This call is now being recorded.``, ``Note: ...``): one to three words, then a colon; not a
#: list's item (``b. money: and time?``).
_FIELD_LINE = re.compile(r"^[^\W\d_][\w'\u2019&/-]*(?: [\w'\u2019&/-]+){0,2}:(?:\s|$)")
#: A line wholly in brackets, a transcriber's note (``[Note: the first two minutes were not
#: recorded.]``, ``(Recording starts.)``).
_BRACKETED = re.compile(r"^[\[({].*[\])}][.!?]?$")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
#: The nouns a researcher's note names the transcript or the one interviewed by (``We have
#: removed all names from this transcript.``, ``The participant asked us to pause.``): after a
#: word of :data:`TRANSCRIPT_NOTE_DETERMINERS`, such a line is no talk left out.
TRANSCRIPT_NOTE_WORDS = "transcript_note_words.txt"
#: The words that make a noun of :data:`TRANSCRIPT_NOTE_WORDS` name this transcript or this
#: interview's participant (``this``, ``the``, ``our``), not another's (``every participant in
#: our peer programme``: s74 hunter R2).
TRANSCRIPT_NOTE_DETERMINERS = "transcript_note_determiners.txt"
#: The words of making the transcript a note holds (``I transcribed this ...``, ``We anonymised
#: the names of staff.``), unless said of the speaker in the passive (:data:`PASSIVE_AUXILIARIES`).
TRANSCRIPT_MAKING_WORDS = "transcript_making_words.txt"
#: The verbs between a speaker's ``I``/``we``/``you`` and a making word that make it said of the
#: speaker (``We were redacted from the commissioning meetings``: an answer, s74 hunter R2).
PASSIVE_AUXILIARIES = "passive_auxiliaries.txt"
#: The words that, with a comma, open an answer (``Yes,``, ``Well,``): a line opening so is
#: never a researcher's note, whatever note word it holds (s74 hunter R2).
ANSWER_OPENINGS = "answer_openings.txt"
#: The words a header's sentence in the third person is about (the recording, the interview,
#: its consent and transcript): :func:`_about_the_recording`.
RECORDING_HEADER_WORDS = "recording_header_words.txt"
#: The nouns a header word modifies in a sentence still about the recording (``Audio quality``,
#: ``The interview schedule``): :func:`_heads_its_phrase`.
RECORDING_HEADER_HEADS = "recording_header_heads.txt"
#: The words of the making of a recording (its notes, its sound, the call's means: ``Notes were
#: taken ...``, ``Zoom crashed ...``) that make a sentence about the recording as its subject:
#: :func:`_about_the_recording`.
RECORDING_MAKING_WORDS = "recording_making_words.txt"
#: The words saying a thing happens all the time or never (``never``, ``always``): beside a verb
#: in the present, said of a word of the recording's making, they make the sentence talk
#: (:func:`_said_as_a_habit`: ``The phone never stops ringing.``).
HABIT_WORDS = "habit_words.txt"
#: The present forms of ``be``, ``have``, ``do`` and ``keep`` (``is``, ``doesn't``, ``keeps``):
#: :func:`_said_as_a_habit`.
PRESENT_VERB_FORMS = "present_verb_forms.txt"
#: Verb forms of no stop word that end neither in "-ed" nor with "'s" (``spoke``, ``given``,
#: ``starts``, ``that's``): after a note word, its verb; in a sentence, a verb.
IRREGULAR_VERBS = "irregular_verbs.txt"
#: The verbs that make a line in the third person a sentence (``is``, ``was``, ``has``, ``said``).
FINITE_VERBS = "heading_title_verbs.txt"
#: A line opening as a transcript's title does, a word and a number (``Interview 3 of 13 - we
#: met at the service's office.``, ``Transcript 12 - ...``).
_TITLE_OPENING = re.compile(r"^([^\W\d_]+) #?\d+\b")


@cache
def _talk_persons() -> frozenset[str]:
    return packaged_words(TALK_PERSONS)


@cache
def _header_words() -> frozenset[str]:
    """The words of a header's sentence about the recording and of a note on the transcript
    (:data:`RECORDING_HEADER_WORDS`, :data:`TRANSCRIPT_NOTE_WORDS`), as one set."""
    return packaged_words(RECORDING_HEADER_WORDS) | packaged_words(TRANSCRIPT_NOTE_WORDS)


def _notes_the_transcript(first: str, spoken: Sequence[str]) -> bool:
    """Whether a line whose first word, as written, is ``first`` and whose words, in lower case
    with straight apostrophes, are ``spoken`` is a researcher's note on this transcript: it
    names the transcript or the one interviewed after a word naming this one (``this
    transcript``, ``the participant``; ``the transcript of the CQC feedback`` names another's)
    or holds a word of making it not said of the speaker in the passive (``I transcribed
    this``, not ``We were redacted from the meetings``); never when it opens as an answer does
    (``Yes, ...``: s74 hunter R2, where any note word silenced such an answer)."""
    if first.endswith(",") and first[:-1].lower() in packaged_words(ANSWER_OPENINGS):
        return False
    nouns = packaged_words(TRANSCRIPT_NOTE_WORDS)
    determiners = packaged_words(TRANSCRIPT_NOTE_DETERMINERS)
    making = packaged_words(TRANSCRIPT_MAKING_WORDS)
    auxiliaries = packaged_words(PASSIVE_AUXILIARIES)
    persons = _talk_persons()
    for i, word in enumerate(spoken):
        if word in nouns and i > 0 and spoken[i - 1] in determiners:
            if _heads_its_phrase(spoken, i):
                return True
        elif word in making:
            before = spoken[max(0, i - 4) : i]
            said_of_speaker = any(
                w in persons and any(a in auxiliaries for a in before[j:])
                for j, w in enumerate(before)
            )
            if not said_of_speaker:
                return True
    return False


#: The words of marking a thing (``marked``, ``shown``, ``written``, ``transcribed``) that,
#: with or without ``as``, before a note in brackets make a line name how the transcript marks
#: it (``marked [inaudible]``, ``shown as (unclear)``): :func:`_names_a_transcribers_mark`.
MARKING_VERBS = "marking_verbs.txt"
#: A word (then ``as``) before a note in brackets: :func:`_names_a_transcribers_mark` keeps those
#: whose word is of :data:`MARKING_VERBS`.
_WORD_BEFORE_A_NOTE = re.compile(r"\b(\w+)\s+(?:as\s+)?[\[(]([^\[\]()]+)[\])]")


def _names_a_transcribers_mark(line: str) -> bool:
    """Whether ``line`` names a transcriber's annotation in brackets as what a thing is marked
    by, a word of :data:`MARKING_VERBS` right before it (``Background noise is constantly
    present (ward phone), marked [inaudible].``, ``Overlaps shown as [crosstalk].``): a note on
    how the transcript was made, never talk, though it may say the recording's sound is so all
    the time (session 76 hunt2 F6: it warned as talk left out). An annotation said inside talk
    after any other word (``The phone never stops [inaudible] at night.``, ``I was shocked
    [laughs] when they told us``: session 76 hunt3 R2, any word in ``-ed`` counted) does not."""
    from .annotations import is_annotation

    marking = packaged_words(MARKING_VERBS)
    return any(
        m[1].casefold() in marking and is_annotation(m[2])
        for m in _WORD_BEFORE_A_NOTE.finditer(line)
    )


def _heads_its_phrase(spoken: Sequence[str], i: int) -> bool:
    """Whether the note word ``spoken[i]`` names the thing itself, as a note's does: the line
    ends after it, it is a possessive (``the participant's``), or the next word is a stop word,
    a verb (``-ed``, ``-ly``, :data:`IRREGULAR_VERBS`: ``The participant asked``, ``consent
    given verbally``), another such word (``interview transcript``) or a noun of the recording
    (:data:`RECORDING_HEADER_HEADS`: ``Audio quality``); ``of`` after it names
    another thing unless ``this`` or such a word follows (``the transcript of the CQC
    feedback``, ``the recording of outcomes``; ``the transcript of this interview``). Any
    other word after it is a noun it modifies (``Our transcription service``, ``the
    participant group``, ``The interview panel``: s74 hunt G2)."""
    from ..open_coding import english_stop_words

    word, after = spoken[i], spoken[i + 1 : i + 4]
    if not after or word.endswith("'s"):
        return True
    header = _header_words()
    if after[0] == "of":
        named = [w for w in after[1:] if w not in ("the", "a", "an")]
        return after[1:2] == ["this"] or named[:1] != [] and named[0] in header
    return (
        after[0] in english_stop_words()
        or after[0].endswith(("ed", "ly"))
        or after[0] in packaged_words(IRREGULAR_VERBS)
        or after[0] in header
        or after[0] in packaged_words(RECORDING_HEADER_HEADS)
    )


def _said_of_another(spoken: Sequence[str], i: int) -> bool:
    """Whether the participle ``spoken[i]`` (``recorded``, ``anonymised``) is said in the
    passive of another subject than the recording's (``Staff were recorded as trained``, not
    ``This interview was recorded``, ``All names and places have been anonymised``): the
    auxiliaries right before it (:data:`PASSIVE_AUXILIARIES`) follow a subject of up to three
    words holding a word that is no stop word and none of the recording's."""
    from ..open_coding import english_stop_words

    auxiliaries = packaged_words(PASSIVE_AUXILIARIES)
    j = i
    while j > 0 and spoken[j - 1] in auxiliaries:
        j -= 1
    if j == i:
        return False
    header = _header_words()
    subject = spoken[max(0, j - 3) : j]
    stop = english_stop_words()
    return not any(w in header for w in subject) and any(w not in stop for w in subject)


def _about_the_recording(spoken: Sequence[str]) -> bool:
    """Whether a line in the third person whose words, in lower case with straight apostrophes,
    are ``spoken`` is a header's sentence about the recording, the interview, its consent or
    its transcript: a word of :data:`RECORDING_HEADER_WORDS` heads its phrase
    (:func:`_heads_its_phrase`: ``This call is being recorded.``, ``Interviewee consented to
    recording.``), or, a participle, is not said of another subject (:func:`_said_of_another`:
    ``Recorded and transcribed by the first author.``), or a word of the recording's making
    (:data:`RECORDING_MAKING_WORDS`) heads its phrase with no verb before it, the sentence's
    subject (``Background noise made some words inaudible.``, ``Zoom crashed at 31 minutes
    ...``: s75 hunt R2; not ``Supervision moved to Zoom ...``), unless it is said to do a thing
    all the time or never, in the present (:func:`_said_as_a_habit`: ``The phone never stops
    ringing.`` is talk about the speaker's work)."""
    header = packaged_words(RECORDING_HEADER_WORDS)
    making = packaged_words(RECORDING_MAKING_WORDS)
    for i, word in enumerate(spoken):
        if (
            word in making
            and _heads_its_phrase(spoken, i)
            and not _has_a_verb(spoken[:i])
            and not _said_as_a_habit(spoken, i)
        ):
            return True
        if word not in header:
            continue
        if word.endswith("ed") and word not in packaged_words(TRANSCRIPT_NOTE_WORDS):
            if not _said_of_another(spoken, i):
                return True
        elif _heads_its_phrase(spoken, i):
            return True
    return False


#: Most words between a word of the recording's making and the habit word said of it (``The
#: phone never``, ``Phone signal is always``, ``The internet is constantly``).
_HABIT_REACH = 3


def _said_as_a_habit(spoken: Sequence[str], i: int) -> bool:
    """Whether the word of the recording's making ``spoken[i]`` (``phone``, ``zoom``) is said to
    do a thing all the time or never, in the present: a word of :data:`HABIT_WORDS` follows it
    within :data:`_HABIT_REACH` words, right after a present form of :data:`PRESENT_VERB_FORMS`
    or right before one or a verb in ``-s`` (``The phone never stops ringing.``, ``Zoom always
    crashes on our laptops.``, ``The internet is constantly down here.``). Such a sentence
    speaks of the speaker's work, as talk typed above the first label does; a header's note on
    the recording tells what happened in it, in the past (``The connection dropped twice during
    the call.``, ``Phone signal was weak in the office.``, ``Zoom never recorded the first
    part.``). Session 76 (readers, B): ``The phone never stops ringing.`` was left out above
    the first label without a warning."""
    habits = packaged_words(HABIT_WORDS)
    for j in range(i + 1, min(len(spoken), i + 1 + _HABIT_REACH)):
        if spoken[j] in habits:
            return _habit_in_the_present(spoken, j)
    return False


def _habit_in_the_present(spoken: Sequence[str], j: int) -> bool:
    """Whether the word of :data:`HABIT_WORDS` ``spoken[j]`` stands beside a verb in the
    present: right after a form of :data:`PRESENT_VERB_FORMS` (``is always``), or right before
    one or a verb in ``-s`` (``never stops``, ``always crashes``). Such a phrase is a sentence's
    verb too (:func:`reads_as_talk`), where its verb is none of the lists' (``crashes``)."""
    present = packaged_words(PRESENT_VERB_FORMS)
    after = spoken[j + 1] if j + 1 < len(spoken) else ""
    return (j > 0 and spoken[j - 1] in present) or after in present or _in_the_present(after)


def _in_the_present(word: str) -> bool:
    """Whether ``word`` reads as a verb in the present's third person singular (``stops``,
    ``crashes``, ``works``): a word of three letters or more in ``-s``, not ``-ss`` nor a
    stop word (``this``, ``was``, ``us``)."""
    from ..open_coding import english_stop_words

    return (
        len(word) >= 3
        and word.endswith("s")
        and not word.endswith("ss")
        and word not in english_stop_words()
    )


def _has_a_verb(spoken: Sequence[str]) -> bool:
    """Whether ``spoken`` holds a verb that makes it a sentence: one of :data:`FINITE_VERBS`
    or :data:`IRREGULAR_VERBS` (``was``, ``has``, ``that's``), or a word in ``-ed`` after a
    word that is no stop word (``the participant group decided``; not ``Supported living
    service``, nor ``a supported living service``)."""
    from ..open_coding import english_stop_words

    verbs = packaged_words(FINITE_VERBS) | packaged_words(IRREGULAR_VERBS)
    stop = english_stop_words()
    return any(
        w in verbs or (i > 0 and w.endswith("ed") and spoken[i - 1] not in stop)
        for i, w in enumerate(spoken)
    )


def reads_as_talk(words: str) -> bool:
    """Whether a line left out above the first speaker's label reads as talk: it asks in two
    words or more (``i. what about staff?``), or it ends a sentence in :data:`MIN_TALK_WORDS`
    words or more that speaks in the first or second person (:data:`TALK_PERSONS`: ``I've been
    the manager here six years.``) or in the third person about something else than the
    recording. Neither a note in brackets nor a header's ``Field: value``
    line reads so, nor a title, a date or a header's sentence in the third person about the
    recording (``Interview
    with P04, 12 March 2021``, ``This call is being recorded.``, ``All names have been
    anonymised.``: s72 hunter R2, docs/transcripts.md promises headers give no warning), nor a
    service's line (``Automatically convert your audio files ...``), nor a researcher's note
    on the transcript in the first or second person, one naming this transcript or "the
    participant", or its making (:func:`_notes_the_transcript`: ``We have removed all names
    from this transcript.``) or opening as its title does (``Interview 3 of 13 - we met at the
    service's office.``; s73 hunter R3: 5 of 10 such notes warned). Talk holding such a word
    about the service still reads so (``Yes, every participant in our peer programme ...``,
    ``We were redacted from the commissioning meetings ...``: s74 hunter R2), and so does talk
    in the third person with a verb (:func:`_has_a_verb`, or a verb in the present beside a
    word of habit, :func:`_habit_in_the_present`: ``Zoom always crashes on the old laptops.``)
    that is no header's sentence about
    the recording (:func:`_about_the_recording`: ``The interview panel for new staff now
    includes a resident ...``, ``Staff were recorded as trained ...``, which the third person
    alone left out silently: s74 hunt G2), or in which a note word modifies another noun
    (``Our transcription service for the deaf residents was cut ...``)."""
    line = " ".join(words.split())
    said = line.split()
    if not said or _SENTENCE_END.search(said[-1]) is None:
        return False
    if _BRACKETED.match(line) or _FIELD_LINE.match(line):
        return False
    if is_service_text(line) or is_page_footer(line):
        return False
    if said[-1].rstrip("\"'\u201d\u2019)]").endswith(("?", "\uff1f")):
        return len(said) >= 2
    title = _TITLE_OPENING.match(line)
    if title is not None and title[1].casefold() in packaged_words("transcript_title_words.txt"):
        return False
    spoken = [w.lower().replace("\u2019", "'") for w in _WORD.findall(line)]
    if _notes_the_transcript(said[0], spoken) or _names_a_transcribers_mark(line):
        return False
    if len(said) < MIN_TALK_WORDS:
        return False
    if any(w in _talk_persons() for w in spoken):
        return True
    habits = packaged_words(HABIT_WORDS)
    verb = _has_a_verb(spoken) or any(
        w in habits and _habit_in_the_present(spoken, j) for j, w in enumerate(spoken)
    )
    return verb and not _about_the_recording(spoken)


#: Most words of a transcriber's note of the recording in a turn's shape
#: (:func:`notes_the_recording`: ``Recording resumed after a break.``); a longer line is
#: someone's talk, unless it tells what happened to the recording
#: (:func:`_tells_what_befell_the_recording`).
NOTE_OF_THE_RECORDING_WORDS = 6
#: Most words of a note telling what happened to the recording (:func:`notes_the_recording`:
#: ``Recording paused while the participant took a call.``).
RECORDING_EVENT_NOTE_WORDS = 12
#: The subjects of such a note (the recording, its audio, the call, the transcript) and what it
#: says befell them (paused, stopped, cut, dropped, inaudible ...):
#: :func:`_tells_what_befell_the_recording`.
RECORDING_SUBJECTS = "recording_subjects.txt"
RECORDING_EVENTS = "recording_events.txt"
#: The marks such a note bears beside :data:`TRANSCRIPT_NOTE_WORDS` (``the participant``) and a
#: time to the second (:data:`_TIME_TO_THE_SECOND`): the interviewer or facilitator, a break,
#: seconds or minutes missed (:func:`_bears_a_notes_mark`).
RECORDING_NOTE_MARKS = "recording_note_marks.txt"
#: A time to the second in a note's words (``Call dropped and was restarted at 00:31:10.``), as
#: a transcriber writes it; a member says a time of day to the minute (``at 9:30``).
_TIME_TO_THE_SECOND = re.compile(r"(?<![\d:])\d{1,2}:\d{2}:\d{2}(?![\d:])")


def _tells_what_befell_the_recording(spoken: Sequence[str]) -> bool:
    """Whether ``spoken`` (a line's words in lower case, in the third person) opens, after at
    most ``the`` or ``this``, with the recording as its subject (:data:`RECORDING_SUBJECTS`:
    ``recording``, ``audio``, ``call``) and says, right after it or after ``was``/``were``,
    what befell it (:data:`RECORDING_EVENTS`: ``Recording paused while the participant took a
    call.``, ``Audio was inaudible for about ten seconds.``, ``Call dropped and was restarted
    at 00:31:10.``), in :data:`RECORDING_EVENT_NOTE_WORDS` words at most."""
    if len(spoken) > RECORDING_EVENT_NOTE_WORDS:
        return False
    at = 1 if spoken[0] in ("the", "this") else 0
    if at + 1 >= len(spoken) or spoken[at] not in packaged_words(RECORDING_SUBJECTS):
        return False
    verb = at + 1
    if spoken[verb] in ("was", "were") and verb + 1 < len(spoken):
        verb += 1
    return spoken[verb] in packaged_words(RECORDING_EVENTS)


def _bears_a_notes_mark(words: str, spoken: Sequence[str]) -> bool:
    """Whether ``words`` (``spoken``, their words in lower case) bear a mark only a
    transcriber's note of the recording does: the participant, interviewer or facilitator named
    as the study names them (:data:`TRANSCRIPT_NOTE_WORDS`, :data:`RECORDING_NOTE_MARKS`), a
    break, seconds or minutes missed, or a time to the second (:data:`_TIME_TO_THE_SECOND`):
    ``Recording paused while the participant took a call.``, ``Audio cut out for about ten
    seconds.``, ``Call dropped and was restarted at 00:31:10.``; not a member's ``The call was
    dropped by commissioners.`` (session 78 hunt1 F2)."""
    marks = packaged_words(TRANSCRIPT_NOTE_WORDS) | packaged_words(RECORDING_NOTE_MARKS)
    return any(w in marks for w in spoken) or _TIME_TO_THE_SECOND.search(words) is not None


def notes_the_recording(words: str, *, answering: bool = False) -> bool:
    """Whether ``words``, a line's words after a label said once and a time in brackets, are a
    transcriber's note of the recording, not anyone's talk, in the third person (no word of
    :data:`TALK_PERSONS`) and not opening as an answer does (``Yes, ...``:
    :data:`ANSWER_OPENINGS`): either a header's form with no verb of its own, at most
    :data:`NOTE_OF_THE_RECORDING_WORDS` words opening (after ``the``) with a word of
    :data:`RECORDING_HEADER_WORDS`, none of :data:`PASSIVE_AUXILIARIES` (``is``, ``was``),
    that is about the recording (:func:`_about_the_recording`: ``recording stopped``,
    ``Recording resumed after a break.``) or names how a thing is marked
    (:func:`_names_a_transcribers_mark`); or a sentence telling what befell the recording
    (:func:`_tells_what_befell_the_recording`: ``Recording paused while the participant took a
    call.``; session 78: read as a member's turn, coded) bearing a note's mark
    (:func:`_bears_a_notes_mark`: a member's ``The call was dropped by commissioners.`` has
    none). ``XY: [00:45:12] recording
    stopped`` is such a note, as ``XY: 00:45:12 recording stopped`` is (session 76 rfix
    leftover). A member's answer that speaks of recording is not (session 77 hunt1 F3: ``CD:
    [00:02:10] Not recorded anywhere, to be honest.``, ``Everything is recorded.``, ``The tape
    ran out on the ward before the audit.`` were each folded into the turn above, silently;
    ``The call dropped twice so we lost the thread.`` speaks in the first person). A line
    ``answering`` a question is a note only in the short form: a longer sentence there is an
    answer (``Facilitator: And the video calls?`` / ``CD: [00:02:10] The call dropped twice so
    the team lost the thread.``)."""
    spoken = [w.lower().replace("\u2019", "'") for w in _WORD.findall(words)]
    if not spoken or any(w in _talk_persons() for w in spoken):
        return False
    first = words.split()[0]
    if first.endswith(",") and first[:-1].lower() in packaged_words(ANSWER_OPENINGS):
        return False
    if (
        not answering
        and _tells_what_befell_the_recording(spoken)
        and _bears_a_notes_mark(words, spoken)
    ):
        return True
    if len(spoken) > NOTE_OF_THE_RECORDING_WORDS:
        return False
    opening = spoken[1] if spoken[0] == "the" and len(spoken) > 1 else spoken[0]
    if opening not in packaged_words(RECORDING_HEADER_WORDS):
        return False
    if any(w in packaged_words(PASSIVE_AUXILIARIES) for w in spoken):
        return False
    return _about_the_recording(spoken) or _names_a_transcribers_mark(words)


def above_first_label_metadata(pieces: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """The metadata of ``pieces`` (where, words), the lines left out above the first speaker's
    label (:data:`ABOVE_FIRST_LABEL`), where one of them reads as talk (:func:`reads_as_talk`);
    else none, a title's lines being left out as the documents say."""
    said = [(where, " ".join(words.split())) for where, words in pieces if words.strip()]
    if not any(reads_as_talk(words) for _, words in said):
        return {}
    return {
        ABOVE_FIRST_LABEL: [w for _, w in said],
        ABOVE_FIRST_LABEL_LINES: [where for where, _ in said],
    }


def above_first_label_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file, how many lines (Word paragraphs) and words above
    the first speaker's label were left out (:data:`ABOVE_FIRST_LABEL`), where, the first that
    reads as talk, and what to do, else None. Such lines are left out as a title is, and were
    so silently: a first answer typed before the first label, or a question under a bare
    ``Q.``, lost words no one was told of (s71 hunter, R1)."""
    found = _left_out(transcript, ABOVE_FIRST_LABEL, ABOVE_FIRST_LABEL_LINES)
    if found is None:
        return None
    words, n, pieces = found
    count = sum(len(str(w).split()) for w in words)
    talk = next((str(w) for w in words if reads_as_talk(str(w))), str(words[0]))
    them = "them" if n != 1 else "it"
    return (
        f"{pieces} above the first speaker's label, {count} word{'s' if count != 1 else ''}, "
        f"{'were' if n != 1 else 'was'} left out, not coded, as a title's lines are, though "
        f"{'they read' if n != 1 else 'it reads'} as talk ({quoted(talk)}): if "
        f"{'they are' if n != 1 else 'it is'} a speaker's words, put the speaker's label on "
        f"{them} as on the turns below to have {them} read"
    )


def field_lines_metadata(pieces: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """The metadata of the header fields' lines between turns, ``pieces`` (where, words)
    (:data:`FIELD_LINES`)."""
    if not pieces:
        return {}
    return {FIELD_LINES: [w for _, w in pieces], FIELD_LINES_WHERE: [where for where, _ in pieces]}


def _left_out(
    transcript: Transcript, key: str, where_key: str
) -> tuple[list[Any], int, str] | None:
    """The words left out under metadata ``key``, how many, and the warning's opening ("p04.txt:
    2 lines (12, 30)", where ``where_key`` holds line numbers, else paragraphs; a subtitle
    file's cues, by their times), or None."""
    words = transcript.metadata.get(key)
    if not words:
        return None
    n = len(words)
    places = [str(p) for p in transcript.metadata.get(where_key) or [] if p]
    where = f" ({first_few(places, 6)})" if places else ""
    piece = (
        "cue"
        if "cues" in transcript.metadata
        else places[0].split()[0]
        if places and places[0].startswith("paragraph ")
        else "line"
        if places
        else "paragraph"
    )
    return (
        words,
        n,
        f"{transcript.source or transcript.id}: {n} {piece}{'s' if n != 1 else ''}{where}",
    )


def field_lines_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file, how many header fields' lines between turns were
    left out (:data:`FIELD_LINES`), where and the first one's words, else None."""
    found = _left_out(transcript, FIELD_LINES, FIELD_LINES_WHERE)
    if found is None:
        return None
    words, n, pieces = found
    return (
        f"{pieces} "
        f"between turns, a header field's as the title block's are, "
        f"{'were' if n != 1 else 'was'} left out, not coded: {quoted(str(words[0]))} (if "
        f"{'they are' if n != 1 else 'it is'} a speaker's words, put the speaker's label on "
        f"{'them' if n != 1 else 'it'})"
    )


def unnamed_opening_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file when the subtitle cues opening it name no speaker
    (:data:`UNNAMED_OPENING`), where they begin and their words, read as
    :data:`~.roles.UNKNOWN_SPEAKER`, a participant, and coded, with how to have them read as
    their speaker's, else None. A Zoom file's first cue, the interviewer's opening before Zoom
    knew names, was coded as a participant's talk with no word said (s54 'labels', finding 2),
    as a table's rows with no speaker before any named one are warned of. Not when the cues are
    no talk (``[Music]``, ``(inaudible)``, ``Mm-hmm.``): :func:`~.segment.segment` leaves such a
    turn out (:func:`~.segment.left_out_as_backchannels`), so nothing of it is coded."""
    from .roles import UNKNOWN_SPEAKER
    from .segment import left_out_as_backchannels

    places = transcript.metadata.get(UNNAMED_OPENING)
    first = transcript.turns[0] if transcript.turns else None
    if not places or first is None or first.speaker != UNKNOWN_SPEAKER:
        return None
    if 0 in left_out_as_backchannels(transcript):
        return None
    words = " ".join(transcript.text[first.start : first.end].split())
    at = f"{places[0]} " if places[0] else ""
    return (
        f"{transcript.source or transcript.id}: the talk opening the file is in cues that "
        f"name no speaker ({at}{quoted(words)}), so it was read as {UNKNOWN_SPEAKER!r}, a "
        "participant, and coded: put the speaker's name on those cues ('Name: words') to have "
        "it read as theirs"
    )


def unidentified_voice_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file when a transcription tool labels turns as a voice
    it could not name (Otter's ``Unknown Speaker  0:00``), how many, where the first is and its
    words, how they were read and to relabel them, else None. They were coded as a participant's
    with no word said, and ``roqa inspect`` called the label a rename in the call (s57 wild
    tester, finding 5). Not roqa's own :data:`~.roles.UNKNOWN_SPEAKER` for talk no label names,
    which :func:`unnamed_opening_warning` and the table readers warn of."""
    from .roles import UNKNOWN_SPEAKER, is_unknown_speaker

    turns = [
        t
        for t in transcript.turns
        if t.speaker != UNKNOWN_SPEAKER and is_unknown_speaker(t.speaker)
    ]
    if not turns:
        return None
    first, n = turns[0], len(turns)
    words = " ".join(transcript.text[first.start : first.end].split())
    at = time_place(first.begin_time)
    read = (
        "read as a participant's talk and coded"
        if first.role == "participant"
        else f"read as the {first.role}'s talk, not coded"
    )
    return (
        f"{transcript.source or transcript.id}: {n} turn{'s' if n != 1 else ''} "
        f"{'are' if n != 1 else 'is'} labelled {first.speaker!r} "
        f"({f'{at} ' if at else ''}{quoted(words)}), a voice the transcription tool could not "
        f"name, {read}: check who speaks there and put their name on "
        f"{'those turns' if n != 1 else 'that turn'} in place of {first.speaker!r}"
    )


def no_turn_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file, how many pieces of words after the first turn
    were read as no one's talk (:data:`NO_TURN`), where and the first one's words, else
    None."""
    found = _left_out(transcript, NO_TURN, NO_TURN_LINES)
    if found is None:
        return None
    words, n, pieces = found
    return (
        f"{pieces} under "
        f"no speaker's label after a line that ended a turn {'were' if n != 1 else 'was'} "
        f"left out, not coded: {quoted(str(words[0]))} (put the speaker's name on "
        f"{'them' if n != 1 else 'it'}, or on the line above, to have "
        f"{'them' if n != 1 else 'it'} coded)"
    )


def after_backchannel_note(transcript: Transcript) -> str | None:
    """How many pieces with no speaker's name were read as the talk of the speaker before
    another speaker's backchannel, and where (``roqa inspect``), else None."""
    places = transcript.metadata.get(AFTER_BACKCHANNEL)
    if not places:
        return None
    n = len(places)
    piece = _piece(transcript)
    where = f" ({first_few(places, 6)})" if all(places) else ""
    return (
        f"{n} {piece}{'s' if n != 1 else ''} with no speaker's name after another speaker's "
        f"backchannel read as the talk of the speaker before it{where}"
    )
