"""A transcript's section headings, which are no one's talk.

A researcher's transcript may be cut into sections under headings of the form WORD NUMBER:
Title (``Section 1: Background``, ``Part 2: Workforce``, ``Topic 3: Leadership``, ``Question
4: Leadership``; the words of ``data/section_heading_words.txt``). The line has a speaker
label's shape, so it was read as a speaker "Section 1" whose turn held every unlabelled
question and answer below it. Such a line (:func:`is_section_heading`) is a heading, as a Word
heading or a Markdown ``#`` line is: the plain-text and word-processor readers leave it out of
every turn, and keep its words in ``metadata["headings"]`` (:func:`headings_metadata`), which
``roqa inspect`` tells of in one ``read:`` line (:func:`headings_note`).

A heading's title is short (at most :data:`MAX_TITLE_WORDS` words), opens with a capital or a
digit, ends no sentence or clause (``.``, ``?``, ``!``, ``,``, ``;``, ``:``), holds no sentence end
and no filler (``data/hesitation_fillers.txt``), does not open with a pronoun or an answer
(``data/heading_title_openers.txt``) and, after ``Stage`` or ``Phase``
(``data/narrative_heading_words.txt``), is no subject followed by its verb
(``data/heading_title_verbs.txt``, outside a clause naming a topic): a title names a topic, talk
says something; a topic guide's ``Section 2: Did staff have the support they needed`` or ``Theme
2: Managers were not visible`` stays a heading. So a participant's ``Phase 2: we rolled it out to the other sites.``, ``Phase
1: We did Salford and Trafford first``, ``Stage 2: Yes`` and ``Stage 3: NHS England said no to
the extra funding`` are talk (said once, its label is no speaker's either:
:func:`is_heading_word_label`), while ``Section 2: What staff were told about the new pathway``
and ``Part 4: Things we would change`` are headings; and a question marker's title asks nothing
(``Question 5: How do you ...?`` and ``Question 3: Tell me about ...`` are the interviewer
asking, :func:`~.roles.asks_unpunctuated`). A speaker's label (``P04:``, ``Participant 4:``,
``Speaker 1:``) opens with no heading's word. A topic guide in capitals may put a dash for the
colon (``TOPIC 2 - BARRIERS``): a line all in capitals of that shape is a heading too, while an
answer in capitals (``NO. WE HAD NOTHING.``) has no heading's word and number.

A transcript's own title in that shape (``Interview 3: community provider, registered manager``,
``Transcript 12: P12``; a word of ``data/transcript_title_words.txt`` and a number, then any
words: :func:`is_title_line`) is a heading too, whatever its title says: it names the document,
no speaker "Interview 3" (session 70 f_labels, finding 2), and, no talk, it is not warned of as
a heading read by its shape (:data:`HEADINGS_BY_SHAPE`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from ..errors import quoted
from ..io import packaged_words, shell_quoted
from ..schema import Transcript
from .roles import asks_unpunctuated, is_question_marker

#: The transcript metadata key of the headings left out of the talk, each as written (its
#: Markdown marks aside).
HEADINGS = "headings"

#: The transcript metadata key of where each heading of :data:`HEADINGS` stands in its file
#: (``line 12``), one for each, empty where the format has no lines to count (a Word paragraph).
HEADING_LINES = "heading_lines"

#: The transcript metadata key of the positions in :data:`HEADINGS` (from 0) of the headings
#: read by their shape alone (:func:`is_section_heading`: ``Section 3: Barriers`` in plain type),
#: not marked as a heading by the writer (a Markdown ``#`` line, a Word heading style): a line
#: of talk may be so taken, so :func:`headings_warning` names them.
HEADINGS_BY_SHAPE = "headings_by_shape"

#: Most words a section heading's title has (``Barriers and enablers in the inner setting``).
MAX_TITLE_WORDS = 8

#: WORD NUMBER: Title. The number is arabic (``2``, ``2.1``, ``3a``), roman (``IV``) or a letter
#: (``B``); the title opens with a capital or a digit and does not end a sentence or a clause.
_WORD_AND_NUMBER = r"(?P<word>[^\W\d_]+)[ \t]+(?:\d{1,3}(?:\.\d{1,3})*[a-z]?|[IVXLC]{1,6}|[A-Z])"
_TITLE = r"(?P<title>\S.*?)(?<![.?!,;:])"
_SECTION_HEADING = re.compile(_WORD_AND_NUMBER + r"[ \t]*:[ \t]+" + _TITLE)
#: WORD NUMBER - TITLE, a dash for the colon, as a topic guide in capitals writes it (``TOPIC 2 -
#: BARRIERS``): a heading only when the whole line is in capitals (:func:`is_section_heading`).
_DASHED_HEADING = re.compile(_WORD_AND_NUMBER + r"[ \t]+[-\u2013\u2014][ \t]+" + _TITLE)
#: WORD NUMBER: words, a transcript's title (``Interview 3: community provider``,
#: :func:`is_title_line`).
_TITLE_LINE = re.compile(_WORD_AND_NUMBER + r"[ \t]*:[ \t]+\S.*")
#: WORD NUMBER alone, as a heading's label is written (``Phase 2``, ``Stage 3``, ``Part IV``).
_HEADING_LABEL = re.compile(_WORD_AND_NUMBER)
#: Markdown marks around a heading's words (``**Section 1: Background**``, ``## Part 2: ...``).
_MARKS = re.compile(r"\*\*|__|^[ \t]*#{1,6}[ \t]+")


#: A sentence's end inside a title, a new sentence after it (``Phase 2: We rolled it out. It
#: went okay``): talk; an abbreviation's dot before a number (``(approx. 10 mins)``) is not one.
_SENTENCE_END = re.compile(r"[.?!][ \t]+[A-Z]")
#: A title's words, apostrophes as ``'``.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


@cache
def _title_openers() -> frozenset[str]:
    """Words that, opening a title, make it talk (``data/heading_title_openers.txt``)."""
    return packaged_words("heading_title_openers.txt")


@cache
def _fillers() -> frozenset[str]:
    """Fillers that make a title talk wherever they stand (``data/hesitation_fillers.txt``)."""
    return packaged_words("hesitation_fillers.txt")


def _says_something(title: str, *, narrative: bool = False) -> bool:
    """Whether a would-be heading's title is a clause of talk, not a topic's name: a sentence ends
    inside it, a filler stands in it (``The staffing, um``), it opens with a pronoun, an
    answer or a filler (``We did Salford and Trafford first``, ``I don't know``, ``Yes``), or,
    after a word a participant tells a story in steps with (``narrative``: ``Stage``,
    ``Phase``), a subject is followed by its verb (``NHS England said no to the extra funding``:
    :func:`_is_a_sentence`). A topic guide's heading may hold such words further in (``What
    staff were told about the new pathway``, ``Things we would change``: late review, s53)."""
    if _SENTENCE_END.search(title):
        return True
    words = [w.casefold().replace("\u2019", "'") for w in _WORD.findall(title)]
    if any(w in _fillers() for w in words):
        return True
    return bool(words) and (words[0] in _title_openers() or (narrative and _is_a_sentence(words)))


def _is_a_sentence(words: list[str]) -> bool:
    """Whether a title's ``words`` (in lower case) are a subject and its finite verb
    (``data/heading_title_verbs.txt``: ``NHS England said no ...``, ``The council was ...``), a
    sentence of talk, not a topic's name: the verb stands after the first word, no word opening
    a clause that names a topic comes before it (``data/heading_title_clause_words.txt``: ``What
    staff were told ...``, ``How it could be sustained``) and no pronoun stands right before it
    (``Things we would change``; a pronoun opening the title is :func:`_title_openers`'). Losing
    a participant's words from coding is worse than coding a heading, so after ``Stage`` or
    ``Phase`` a heading shaped as a sentence (``Phase 2: Implementation was the focus``) is read
    as talk (session 54, finding 1), and named by ``roqa code``; :func:`_says_something` asks
    this only after those words."""
    verbs, clause_words = _title_verbs(), _title_clause_words()
    for i, word in enumerate(words):
        if word in clause_words:
            return False
        if i > 0 and word in verbs and words[i - 1] not in _title_openers():
            return True
    return False


@cache
def _narrative_words() -> frozenset[str]:
    """Heading words a participant also tells a story in steps with (``Stage``, ``Phase``:
    ``data/narrative_heading_words.txt``): only after them is a subject and its verb talk."""
    return packaged_words("narrative_heading_words.txt")


@cache
def _title_verbs() -> frozenset[str]:
    """Finite verbs that, after a subject, make a title a sentence
    (``data/heading_title_verbs.txt``)."""
    return packaged_words("heading_title_verbs.txt")


@cache
def _title_clause_words() -> frozenset[str]:
    """Words opening a clause that names a topic (``data/heading_title_clause_words.txt``)."""
    return packaged_words("heading_title_clause_words.txt")


@cache
def section_heading_words() -> frozenset[str]:
    """The words a section heading opens with (``data/section_heading_words.txt``)."""
    return packaged_words("section_heading_words.txt")


def is_heading_word_label(label: str) -> bool:
    """Whether ``label`` is a section heading's word and a number (``Phase 2``, ``Stage 3``),
    which said once and followed by a sentence (``Phase 2: we rolled it out ...``, inside an
    answer) is the answer's words, no speaker's label: a speaker's (``P04``, ``Participant
    4``, ``Speaker 1``) opens with no heading's word."""
    m = _HEADING_LABEL.fullmatch(" ".join(label.split()))
    return m is not None and m["word"].casefold() in section_heading_words()


@cache
def _transcript_title_words() -> frozenset[str]:
    """The words a transcript's own title opens with (``data/transcript_title_words.txt``)."""
    return packaged_words("transcript_title_words.txt")


def is_title_line(line: str) -> bool:
    """Whether ``line`` is a transcript's own title: a word of
    ``data/transcript_title_words.txt``, a number, a colon and any words on one line
    (``Interview 3: community provider, registered manager``); ``Interviewee 3: ...``,
    ``Participant 3: ...`` and ``P3: ...`` are speakers'."""
    if "\n" in line.strip():
        return False
    m = _TITLE_LINE.fullmatch(heading_words(line))
    return m is not None and m["word"].casefold() in _transcript_title_words()


def heading_words(line: str) -> str:
    """A heading line's words, its Markdown marks left out and its blanks made single."""
    return " ".join(_MARKS.sub("", line).split())


def is_section_heading(line: str) -> bool:
    """Whether ``line`` is a section heading (see the module docstring), not a speaker's label
    and words: ``Section 1: Background`` is, ``Participant 4: Staffing`` is not; so is a
    transcript's own title (:func:`is_title_line`)."""
    return _is_heading(line, narrative_talk=True) or is_title_line(line)


def is_heading_shaped_talk(line: str) -> bool:
    """Whether ``line`` would be a section heading but for its title after ``Stage`` or
    ``Phase`` being a subject and its verb (``Phase 2: Implementation was the focus``), which
    is read as talk (:func:`_is_a_sentence`): a topic guide's heading so shaped is coded as the
    answer's words, so :func:`heading_shaped_talk_warning` names it."""
    return not _is_heading(line, narrative_talk=True) and _is_heading(line, narrative_talk=False)


def _is_heading(line: str, *, narrative_talk: bool) -> bool:
    """:func:`is_section_heading`, a subject and its verb after a narrative word read as talk
    (``narrative_talk``) or not."""
    if "\n" in line.strip():  # a paragraph of lines: a heading is one
        return False
    words = heading_words(line)
    m = _SECTION_HEADING.fullmatch(words)
    if m is None and words.isupper():  # TOPIC 2 - BARRIERS
        m = _DASHED_HEADING.fullmatch(words)
    if m is None or m["word"].casefold() not in section_heading_words():
        return False
    title = m["title"]
    if not (title[0].isupper() or title[0].isdigit()) or len(title.split()) > MAX_TITLE_WORDS:
        return False
    narrative = narrative_talk and m["word"].casefold() in _narrative_words()
    if _says_something(title, narrative=narrative):
        return False
    return not (is_question_marker(m["word"]) and ("?" in title or asks_unpunctuated(title)))


def headings_metadata(
    lines: Iterable[str],
    places: Iterable[str] | None = None,
    by_shape: Iterable[bool] | None = None,
) -> dict[str, list[str] | list[int]]:
    """The transcript metadata naming the headings ``lines`` left out of the talk, if any,
    where each stands (``places``: ``line 12``; :data:`HEADING_LINES`) when given, and which
    were read by their shape alone (``by_shape``, one for each line; :data:`HEADINGS_BY_SHAPE`)."""
    lines = list(lines)
    found = [
        (heading_words(line), place, shaped)
        for line, place, shaped in zip(
            lines,
            [""] * len(lines) if places is None else places,
            [False] * len(lines) if by_shape is None else by_shape,
            strict=True,
        )
    ]
    # a transcript's own title is no talk: not one read by its shape to be warned of
    found = [
        (words, place, shaped and not is_title_line(words))
        for words, place, shaped in found
        if words
    ]
    if not found:
        return {}
    where = [place for _, place, _ in found]
    shaped = [i for i, (_, _, by) in enumerate(found) if by]
    return {
        HEADINGS: [w for w, _, _ in found],
        **({HEADING_LINES: where} if any(where) else {}),
        **({HEADINGS_BY_SHAPE: shaped} if shaped else {}),
    }


def headings_note(metadata: Mapping[str, object]) -> str | None:
    """The ``read:`` note of ``roqa inspect`` telling of the headings left out, else None;
    where only some were read by their shape alone (:data:`HEADINGS_BY_SHAPE`), it names those
    too, the ones :func:`headings_warning` tells ``roqa code`` of (a Word file's styled headings
    and the plain ``Section 3: ...`` among them: the warning named one, the note three others)."""
    headings = metadata.get(HEADINGS)
    if not isinstance(headings, list) or not headings:
        return None
    n = len(headings)
    shown = ", ".join(repr(str(h)[:60]) for h in headings[:3])
    positions = metadata.get(HEADINGS_BY_SHAPE)
    shaped = [
        str(headings[i])
        for i in (positions if isinstance(positions, list) else [])
        if isinstance(i, int) and 0 <= i < n
    ]
    k = len(shaped)
    by_shape = (
        f"; {k} not marked as {'headings' if k != 1 else 'a heading'}, read by "
        f"{'their' if k != 1 else 'its'} shape: "
        + ", ".join(repr(h[:60]) for h in shaped[:3])
        + (", ..." if k > 3 else "")
        if 0 < k < n
        else ""
    )
    return (
        f"{n} heading{'s' if n != 1 else ''} left out (no one's talk: {shown}"
        f"{', ...' if n > 3 else ''}{by_shape})"
    )


def headings_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file, how many of the headings left out of the talk
    were read by their shape alone (:data:`HEADINGS_BY_SHAPE`: WORD NUMBER: Title,
    :func:`is_section_heading`, not marked as a heading), where and which, else None: ``roqa
    code`` says so, as ``roqa inspect`` does, since a line of talk so taken is coded nowhere
    (session 54, finding 2). A heading the writer marked (``## Section 1: Role``, a Word heading
    style, a file's title) is not told of: it is a heading by the writer's own mark, no one's
    talk, and a topic guide's warned of in every transcript was noise (s54 hunt, finding 5);
    ``roqa inspect`` lists every heading left out."""
    headings = transcript.metadata.get(HEADINGS)
    shaped = transcript.metadata.get(HEADINGS_BY_SHAPE)
    if not isinstance(headings, list) or not isinstance(shaped, list):
        return None
    places = transcript.metadata.get(HEADING_LINES)
    places = places if isinstance(places, list) and len(places) == len(headings) else []
    found = [
        (str(places[i]) if places else "", str(headings[i]))
        for i in shaped
        if isinstance(i, int) and 0 <= i < len(headings) and is_section_heading(str(headings[i]))
    ]
    if not found:
        return None
    n, piece = len(found), _piece(found)
    source = transcript.source or transcript.id
    named = shell_quoted(source)
    several = n != 1
    return (
        f"{source}: {n} {piece}{'s' if several else ''} not marked as "
        f"{'headings were' if several else 'a heading was'} read as "
        f"{'section headings' if several else 'a section heading'} and left out, not coded "
        f"({_shown(found)}); run roqa inspect {named} to see "
        f"{'them' if several else 'it'} (if {'one' if several else 'it'} is a speaker's words, "
        "put their label before it)"
    )


def heading_shaped_talk(transcript: Transcript) -> list[tuple[str, str]]:
    """Where (``line 7``; empty for a format with no lines of its own to count, a Word
    paragraph) and what each line of a participant's turn is that is shaped like a section
    heading but read as talk (:func:`is_heading_shaped_talk`), in the text's order."""
    text = transcript.text
    numbered = transcript.metadata.get("format") in ("txt", "md")
    found: list[tuple[str, str]] = []
    for turn in transcript.turns:
        if turn.role != "participant":
            continue
        at = turn.start
        for line in text[turn.start : turn.end].split("\n"):
            if ":" in line and is_heading_shaped_talk(line):
                place = f"line {text.count(chr(10), 0, at) + 1}" if numbered else ""
                found.append((place, heading_words(line)))
            at += len(line) + 1
    return found


#: How to have a heading-shaped line left out as a heading, by the transcript's format.
_MARK_AS_HEADING = {
    "md": "mark it as a Markdown heading ('## ...')",
    "txt": "delete it, or save the file as .md with it marked as a heading ('## ...')",
    "docx": "give it a Word heading style (Heading 1)",
    "odt": "give it a heading style",
}


def _piece(found: list[tuple[str, str]]) -> str:
    return "line" if all(place for place, _ in found) else "paragraph"


def _shown(found: list[tuple[str, str]]) -> str:
    return ", ".join(
        f"{place} {quoted(words)}" if place else quoted(words) for place, words in found[:3]
    ) + (", ..." if len(found) > 3 else "")


def heading_shaped_talk_note(transcript: Transcript) -> str | None:
    """The ``read:`` note of ``roqa inspect`` naming the lines :func:`heading_shaped_talk`
    finds, else None."""
    found = heading_shaped_talk(transcript)
    if not found:
        return None
    one, piece = len(found) == 1, _piece(found)
    return (
        f"{len(found)} {piece}{'' if one else 's'} shaped like "
        f"{'a section heading' if one else 'section headings'} read as the answer's words and "
        f"coded ({_shown(found)}): after Stage or Phase, a subject and its verb are read as talk"
    )


def heading_shaped_talk_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file and each line :func:`heading_shaped_talk` finds,
    with how to have it left out if it is a topic guide's heading, else None: such a line is
    coded as the participant's words, and nothing else said so (s54 hunt 2, finding 1)."""
    found = heading_shaped_talk(transcript)
    if not found:
        return None
    source = transcript.source or transcript.id
    fmt = str(transcript.metadata.get("format"))
    mark = _MARK_AS_HEADING.get(fmt, "delete it from the file")
    if len(found) == 1:
        place, words = found[0]
        shown = f"{place} {quoted(words)}" if place else quoted(words)
        return (
            f"{source}: {shown} is shaped like a section heading but read as the answer's "
            f"words and coded (after Stage or Phase, a subject and its verb are read as talk); "
            f"if it is a heading, {mark}"
        )
    piece = _piece(found)
    return (
        f"{source}: {len(found)} {piece}s shaped like section headings were read as the "
        f"answer's words and coded ({_shown(found)}; after Stage or Phase, a subject and its "
        f"verb are read as talk); if one is a heading, {mark.replace(' it', f' that {piece}', 1)}"
    )
