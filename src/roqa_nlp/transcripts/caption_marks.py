"""Captioners' speaker marks at the start of a subtitle cue (.srt, .vtt).

Closed captions mark a change of speaker in ways a ``Name: words`` label does not cover:

- a name in square brackets or parentheses opening the cue (``[Joy Okoro] Having staff ...``,
  ``(JOY) Having ...``, ``(INTERVIEWER) What helps recovery?``): read as the cue's speaker when
  it is a plausible speaker's label (:func:`mark_speaker`: a role, a numbered speaker, or a
  person's name of one to four capitalised words) that the file bears out as a speaker's
  (:func:`_marked`: a pseudonym ``[Sarah]`` or a list's ``(A)`` opening one cue is talk), and
  not a transcriber's note (``[laughs]``, ``[music]``,
  ``(inaudible)``: the patterns of ``data/transcriber_annotations.txt`` and
  ``data/words_lost_annotations.txt``, :func:`.annotations.is_annotation`). A note in the
  middle of a cue, or one opening it that is a sound, stays talk;
- broadcast chevrons opening a cue's line (``>> Interviewer: ...``, ``>> Joy: ...``): the
  chevron is no one's words, the label after it is read as any cue's label is, and a bare
  ``>>`` says only that another speaker talks (:func:`caption_speakers`: the speaker before
  the one talking, as two people take turns; the unknown speaker, or ``Speaker 1`` and
  ``Speaker 2`` in a file naming no one, when that is not known). A bare chevron inside a cue
  that names its speaker, or in a file whose labels need none, is that speaker's words
  (:func:`.cues.by_voice`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..io import packaged_words
from ..name_characters import MARKS
from .annotations import is_annotation
from .roles import UNKNOWN_SPEAKER
from .speaker_labels import MAX_CAPITALISED_LABEL_WORDS, is_header_field, names_a_known_speaker
from .utterances import Utterance, utterance_labels, whisper_cpp_speakers

#: A broadcast caption's change of speaker opening a line (``>> Joy: words``, ``>>> words``),
#: and the blanks after it.
CHEVRON = re.compile(r"^[ \t]*>>>?(?:[ \t]+|$)")
#: A note in square brackets or parentheses opening a cue, with words after it: the speaker's
#: mark of a caption (``[Joy Okoro] Having ...``, ``(JOY) Having ...``) or a transcriber's note.
OPENING_MARK = re.compile(
    r"^[ \t]*(?:\[(?P<square>[^\[\]()\n]{1,40})\]|\((?P<round>[^\[\]()\n]{1,40})\))[ \t]+(?=\S)"
)
#: A word of a person's name: letters, with an apostrophe, hyphen or full stop in it (``O'Neil``,
#: ``Mary-Jane``, ``J.``).
_NAME_WORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{MARKS}'’.-])*")
#: The least number of speakers a file's opening marks must name for a name in one to be read
#: as a speaker: a typist's bracketed word opening one cue (``[Sarah] told me``) is talk.
MIN_MARKED_SPEAKERS = 2
#: The least number of cues a mark must open to be read as a speaker's, unless a label names
#: that speaker or it answers the only other speaker named (:func:`_marked`).
MIN_MARK_CUES = 2


def without_chevron(line: str) -> str | None:
    """``line`` without the broadcast chevron opening it (:data:`CHEVRON`), or None when it
    opens with none."""
    m = CHEVRON.match(line)
    return None if m is None else line[m.end() :]


def opens_with_mark(line: str) -> bool:
    """Whether ``line`` opens with a note in brackets that is no transcriber's annotation,
    words after it: the shape of a caption's speaker mark (:data:`OPENING_MARK`)."""
    m = OPENING_MARK.match(line)
    return m is not None and not is_annotation(m["square"] or m["round"])


def _key(speaker: str) -> str:
    """``speaker`` as marks and labels are told apart: case and spacing aside."""
    return " ".join(speaker.split()).casefold()


def _is_everyday_word(word: str) -> bool:
    """Whether ``word`` is an everyday word that is no name (``MUSIC``, ``DOOR``), so a mark of
    only such words is a sound, not a speaker (``[DOOR CLOSES]``); the given names, surnames and
    words for one person among them (``Joy``, ``Nurse``) may name a speaker."""
    key = word.casefold().strip(".")
    return key in packaged_words("everyday_words.txt") and not any(
        key in packaged_words(name)
        for name in ("word_given_names.txt", "word_surnames.txt", "person_words.txt")
    )


def mark_speaker(inside: str, interviewer_labels: Sequence[str] | None = None) -> str | None:
    """The speaker a caption's mark names (``inside``, the words between its brackets), or None
    when it is no plausible speaker's label: a transcriber's note (:func:`.annotations.is_annotation`:
    ``laughs``, ``music``), a header field's name, or neither a role or numbered speaker
    (``INTERVIEWER``, ``P30``, ``Speaker 2``) nor a name of one to four capitalised words
    (``Joy Okoro``, ``JOY``, ``J. Okoro``) not all of them everyday words (``DOOR CLOSES``)."""
    name = " ".join(inside.split())
    if not name or is_annotation(name) or is_header_field(name):
        return None
    if names_a_known_speaker(name, (), interviewer_labels):
        return name
    words = name.split()
    if len(words) > MAX_CAPITALISED_LABEL_WORDS:
        return None
    if not all(_NAME_WORD.fullmatch(w) and w[0].isupper() for w in words):
        return None
    return None if all(_is_everyday_word(w) for w in words) else name


def _marked(
    utterances: Sequence[Utterance], interviewer_labels: Sequence[str] | None
) -> list[Utterance]:
    """``utterances`` with the speaker of each named by a mark opening it (:func:`mark_speaker`)
    and the mark out of its words, where the mark is the file's way of naming speakers; a cue
    whose words a speaker's label already opens is left as it is. A mark is read as a speaker
    only when the file bears it out, as a pseudonym (``[Sarah] rang me``), a sound or manner
    (``[Sniffs]``) or a list's letter (``(A) Keep the old rota``) opening a cue is talk:

    - in a file naming its speakers by plain labels or voice tags (``P04: ...``, ``<v P04>``),
      a mark naming one of them (``[P04] ...``), and no other;
    - else a mark opening :data:`MIN_MARK_CUES` or more cues (``[Amy Lee]`` asking twice), or
      naming a speaker a bracketed label names (``[Interviewer]``, ``[P30]``); and the one
      mark opening a single cue that answers the one other speaker so named (``[Joy]`` after
      ``[Interviewer] What helps?``): two people talking;

    and the marks and bracketed labels so read name :data:`MIN_MARKED_SPEAKERS` or more speakers."""
    # the plausible speakers' marks first, each read once: most files have none, and the
    # file's labels need reading only when one does
    seen: dict[str, str | None] = {}
    opening: list[tuple[str, int] | None] = []
    for u in utterances:
        m = OPENING_MARK.match(u.words) if u.speaker is None else None
        if m is None:
            opening.append(None)
            continue
        inside = m["square"] or m["round"]
        if inside not in seen:
            seen[inside] = mark_speaker(inside, interviewer_labels)
        who = seen[inside]
        opening.append(None if who is None else (who, m.end()))
    if not any(opening):
        return list(utterances)
    labels = utterance_labels(utterances, interviewer_labels)
    found = [f if label is None else None for f, label in zip(opening, labels, strict=True)]
    if not any(found):
        return list(utterances)
    # who each cue's label or voice names (case-folded), and whether by a bracketed label
    named_by: list[str | None] = []
    bracketed: set[str] = set()
    plain: set[str] = set()
    for u, label in zip(utterances, labels, strict=True):
        who = u.speaker if u.speaker else (label.label if label is not None else None)
        named_by.append(None if who is None else _key(who))
        if who is not None:
            square = label is not None and not u.speaker and OPENING_MARK.match(u.words)
            (bracketed if square else plain).add(_key(who))
    marks = [None if f is None else _key(f[0]) for f in found]
    counts = Counter(m for m in marks if m is not None)
    if plain:
        kept = {m for m in counts if m in plain}
    else:
        kept = {m for m, n in counts.items() if n >= MIN_MARK_CUES or m in bracketed}
        others = kept | bracketed
        once = [m for m in counts if m not in kept]
        if len(others) == 1 and len(once) == 1:
            i = marks.index(once[0])
            before = marks[i - 1] or named_by[i - 1] if i else None
            if before in others:
                kept.add(once[0])
    if len(kept | bracketed | plain) < MIN_MARKED_SPEAKERS:
        return list(utterances)
    return [
        u if f is None or m not in kept else replace(u, speaker=f[0], words=u.words[f[1] :])
        for u, f, m in zip(utterances, found, marks, strict=True)
    ]


def caption_speakers(
    utterances: Sequence[Utterance],
    new_speaker: Sequence[bool],
    interviewer_labels: Sequence[str] | None = None,
) -> list[Utterance]:
    """``utterances`` (a subtitle file's cues, each of one voice) with the captioners' speaker
    marks read (see the module docstring). ``new_speaker`` marks the cues a broadcast chevron
    opened (its chevron already out of the words): one whose words open with no speaker's
    label is another speaker's than the one talking before it, named by :func:`_other_speaker`.
    whisper.cpp's own marks (``(speaker 0) words``) are read first, as whisper.cpp's."""
    out = _marked(whisper_cpp_speakers(utterances), interviewer_labels)
    if not any(new_speaker):
        return out
    labels = utterance_labels(out, interviewer_labels)
    who: list[str | None] = [
        u.speaker or (label.label if label is not None else None)
        for u, label in zip(out, labels, strict=True)
    ]
    named = {_key(w) for w in who if w}
    bare = [b and w is None for b, w in zip(new_speaker, who, strict=True)]
    turns: list[str] = []  # the speakers of the turns so far, in order
    for i, u in enumerate(out):
        speaker = who[i]
        if bare[i]:
            later = next((w for w in who[i + 1 :] if w), None)
            speaker = _other_speaker(turns, later, len(named))
            out[i] = replace(u, speaker=speaker)
        if speaker and (not turns or turns[-1].casefold() != speaker.casefold()):
            turns.append(speaker)
    return out


def _other_speaker(turns: Sequence[str], later: str | None, named: int) -> str:
    """Who a bare chevron's cue is spoken by, after the turns of ``turns`` (their speakers in
    order), ``later`` the next speaker a cue names: the speaker of the turn before the last
    (two people take turns), else the next one named unless it is the one talking, else
    someone not named (``Speaker 1`` or ``Speaker 2`` in a file naming no one, else the unknown
    speaker); in a file naming three or more speakers, the unknown speaker, since who takes
    the turn cannot be told."""
    if named >= 3:
        return UNKNOWN_SPEAKER
    current = turns[-1] if turns else None
    if current is not None:
        before = next((s for s in reversed(turns) if s.casefold() != current.casefold()), None)
        if before is not None:
            return before
        if later is not None and later.casefold() != current.casefold():
            return later
    if named:
        return UNKNOWN_SPEAKER
    return "Speaker 2" if current == "Speaker 1" else "Speaker 1"
