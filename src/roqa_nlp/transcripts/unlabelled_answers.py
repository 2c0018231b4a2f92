"""Lines below a question marker that ask nothing, read as the interviewer's.

In a transcript that labels its answers (``Q:``/``A:``, ``P01:``, a name:
:func:`.roles.labels_answers`), the unlabelled lines and list items below a question marker with
an answer label next are the interviewer's until it, in .txt and Word alike, as any speaker's
lines are (the lead's decision, session 72 f_lists3, narrowed after s72 hunter R1:
:func:`.roles.held_by_marker`; with a question marker next, they are its answer). So an answer typed without its label (``Q1: What
helped?`` / ``Training.`` / ``A: Staffing.``; ``Q: What helped?`` / ``a. training: the
induction.`` / ``b. money: not enough.``) is not coded, and was so silently. The readers do not
change that reading: they record the lines a file that labels no answers would have read as the
answer (the line after the question's words and those after it, not the question's own list
below words ending in a colon, nor its list of questions: :mod:`.list_markers`), leaving out
those that ask (end with ``?``) and times alone, and one warning per file names them
(:func:`unlabelled_answers_warning`), for ``read_transcript``, ``roqa code`` and ``roqa
inspect`` alike."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..errors import quoted
from ..schema import Transcript
from .list_markers import goes_on_asking
from .roles import is_question_marker
from .speaker_labels import time_alone
from .timecodes import is_service_time_line

#: The transcript metadata keys of the lines (Word paragraphs) below a question marker, with no
#: label, that ask nothing and were read as the interviewer's (the words, pseudonymised with
#: the transcript), and where each is (``line 4``; ``paragraph 4``, counting a Word file's
#: paragraphs with words): :func:`unlabelled_answers_warning`.
UNLABELLED_ANSWERS = "unlabelled_answer_lines"
UNLABELLED_ANSWERS_WHERE = "unlabelled_answer_lines_where"

#: The closing quotes and brackets after a question mark that still ends the line asking.
_CLOSING = "\"')]\u201d\u2019"


def asks_nothing(words: str) -> bool:
    """Whether a line read as the interviewer's below a question marker is counted: it has
    words, asks nothing (no ``?`` at its end), and is no time alone (``00:01:02``)."""
    said = words.strip()
    return (
        bool(said)
        and not said.rstrip(_CLOSING).endswith(("?", "\uff1f"))
        and not is_a_time_alone(said)
    )


def is_a_time_alone(words: str) -> bool:
    """Whether ``words`` are a time alone (``0:03``, ``[00:01:02]``) or a service's clock time
    alone (``00:05:00``): no answer below a question marker, and none that opens one."""
    return time_alone(words) is not None or is_service_time_line(words)


def unlabelled_answers_metadata(pieces: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """The metadata of ``pieces`` (where, words) that ask nothing (:func:`asks_nothing`)
    (:data:`UNLABELLED_ANSWERS`); none when there are none."""
    kept = [(where, " ".join(words.split())) for where, words in pieces if asks_nothing(words)]
    if not kept:
        return {}
    return {
        UNLABELLED_ANSWERS: [w for _, w in kept],
        UNLABELLED_ANSWERS_WHERE: [where for where, _ in kept],
    }


def paragraphs_below_markers(paragraphs: Iterable[tuple[str | None, str]]) -> list[int]:
    """The places (from 0) of the paragraphs of a Word file that labels its answers that one
    that labels none would read as the answer below a question marker, as
    :func:`.blocks.read_blocks` reads it: the first paragraph after the marker's words that
    does not go on with its own list (:func:`.list_markers.goes_on_asking`), and those after
    it to the next label. ``paragraphs`` are each paragraph's label (None: none; ``""``: a
    header line, ending the turn) and words, those that are no one's (a heading, a chat
    message, a service's line) left out by the caller."""
    found: list[int] = []
    own: list[str] | None = None  # the question marker's paragraphs, None in no marker's turn
    answer = False  # the answer a file labelling none would read opened
    for k, (label, words) in enumerate(paragraphs):
        if label is not None:
            own = [words] if label and is_question_marker(label) else None
            answer = False
            continue
        if own is None or not words.strip() or is_a_time_alone(words):
            continue
        said = [w for w in own if w.strip()]
        if answer:
            found.append(k)
        elif not said:
            own.append(words)  # the question below its label alone ('Q.:' / 'What helped?')
        elif goes_on_asking(said[-1], words, said[0]):
            own.append(words)  # the question's own list
        else:
            answer = True
            found.append(k)
    return found


def unlabelled_answers_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file, how many lines (Word paragraphs) below a question
    marker with no label that ask nothing were read as the interviewer's and not coded
    (:data:`UNLABELLED_ANSWERS`), the first one's place and words, and the fix, with the
    answerer's label the file uses; else None."""
    words = transcript.metadata.get(UNLABELLED_ANSWERS)
    if not words:
        return None
    places = [str(p) for p in transcript.metadata.get(UNLABELLED_ANSWERS_WHERE) or []]
    n = len(words)
    piece = places[0].split()[0] if places else "paragraph"
    many = n != 1
    first = f"{places[0]} " if places else ""
    counting = ", counting paragraphs with words" if first.startswith("paragraph") else ""
    answerer = next(
        (
            t.speaker
            for t in transcript.turns
            if t.role == "participant" and not is_question_marker(t.speaker)
        ),
        None,
    )
    label = f" ({answerer + ':'!r})" if answerer else ""
    return (
        f"{transcript.source or transcript.id}: {n} {piece}{'s' if many else ''} below a "
        f"question marker ({'first ' if many else ''}{first}{quoted(str(words[0]), 40)}"
        f"{counting}) with no label and asking nothing {'were' if many else 'was'} read as "
        f"the interviewer's, not coded: if {'they are answers' if many else 'it is an answer'}"
        f", put the answerer's label{label} on {'them' if many else 'it'}"
    )
