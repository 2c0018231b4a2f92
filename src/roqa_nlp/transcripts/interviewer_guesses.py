"""The interviewers a run guessed, said once for the run.

A transcript whose speakers are named (a video call's display names, Otter's ``Speaker 1``)
but none as the interviewer has its interviewer guessed: who asks the questions, or who
interviews in the study's other transcripts (:func:`~roqa_nlp.transcripts.roles.guess_interviewer`),
and :func:`~roqa_nlp.transcripts.roles.speaker_warning` says so of it. Said of every file of a
study, the same line sixteen times is noise in which a wrong guess is lost (session 55 tester:
16 files, every guess right). :class:`RunGuesses` says the guesses of a run's transcripts in one
line naming how many, the names taken and the files, for those whose speaker warning is the guess
alone and whose name taken is taken in another transcript of the run too; a transcript whose
guess differs from every other's, as a wrong one would, keeps its own line with its questions
counted, and so does one with more to say (a label given that matched no one, a host who
answers, a participant who asks as a second interviewer does). ``roqa pseudonymise`` says its
run's guesses in one line too, worded as ``roqa code``'s (:func:`guesses_said_once`); ``roqa
inspect`` says each file's.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import first_and_count
from ..schema import Transcript
from .roles import guessed_interviewer_warning, person_name, speaker_warning

#: The metadata of a transcript whose interviewer was guessed: who asks the questions
#: (``interviewer_guessed``), or who interviews in the study's other transcripts
#: (``interviewer_from_study``).
GUESSES = ("interviewer_guessed", "interviewer_from_study")


def interviewers_guessed(transcript: Transcript) -> list[str]:
    """The speakers taken as ``transcript``'s interviewer by a guess (:data:`GUESSES`)."""
    guessed = transcript.metadata.get("interviewer_guessed")
    if guessed:
        return [str(guessed)]
    return [str(n) for n in transcript.metadata.get("interviewer_from_study") or ()]


def _guessed_in_each(n: int, from_study: bool, each: str, then: str = "") -> str:
    """The one line for ``n`` transcripts whose interviewer was guessed, ``each`` naming who
    was taken in which, ``then`` what follows from it; ``from_study`` when some were taken for
    interviewing in the study's other transcripts."""
    who = "asks the questions" + (" or interviews in the other transcripts" if from_study else "")
    return (
        f"no speaker is named as the interviewer in {n} transcripts, so the one who {who} was "
        f"taken as the interviewer in each ({each}){then} (name the interviewer with "
        "--interviewer NAME to choose otherwise)"
    )


@dataclass(frozen=True)
class _Guess:
    """What is kept of a transcript whose speaker warning is its interviewer's guess alone."""

    source: str
    names: tuple[str, ...]
    from_study: bool
    line: str  # its own line, said when its guess is no other transcript's

    @classmethod
    def of(cls, transcript: Transcript, line: str = "") -> _Guess:
        """What is kept of ``transcript``, whose interviewer was guessed."""
        return cls(
            transcript.source or transcript.id,
            tuple(interviewers_guessed(transcript)),
            not transcript.metadata.get("interviewer_guessed"),
            line,
        )


#: The last number of a speaker label (``Speaker 2``, ``P02``, ``Interviewer 3``)
_LABEL_NUMBER = re.compile(r"(\d+)\D*$")


def _one_person(name: str) -> tuple[tuple[str | None, str], str | None]:
    """``name`` as one interviewer is told from another across a run's files: in any case,
    with or without its accents (:func:`~.roles.person_name`), its number kept, which
    ``person_name`` leaves out (``Speaker 1`` and ``Speaker 2``, the pseudonyms
    ``Interviewer`` and ``Interviewer 2``, are two people)."""
    number = _LABEL_NUMBER.search(name)
    return person_name(name), number.group(1).lstrip("0") if number else None


def _by_person(guesses: Iterable[_Guess]) -> list[list[_Guess]]:
    """``guesses`` grouped by the interviewer taken (:func:`_one_person`), in the order first
    taken, so 'Sam Roe', 'SAM ROE' and 'Sám Roe' are one."""
    taken: dict[tuple[tuple[tuple[str | None, str], str | None], ...], list[_Guess]] = {}
    for g in guesses:
        taken.setdefault(tuple(_one_person(n) for n in g.names), []).append(g)
    return list(taken.values())


def _said_once(guesses: Sequence[_Guess], then: str = "") -> str:
    """The one line of ``guesses``, grouped by the interviewer taken, each named as the first
    of their transcripts spells them with the files that took them ('Sam Roe' in p07.txt,
    p08.txt), ``then`` what follows from it: the one wording of ``roqa code`` and ``roqa
    pseudonymise``."""
    shown = _file_names([g.source for g in guesses])
    each = "; ".join(
        f"{' and '.join(repr(n) for n in gs[0].names)} in "
        f"{first_and_count([shown[g.source] for g in gs])}"
        for gs in _by_person(guesses)
    )
    return _guessed_in_each(len(guesses), any(g.from_study for g in guesses), each, then)


def guesses_said_once(transcripts: Sequence[Transcript], then: str = "") -> str:
    """One line for ``transcripts`` whose interviewer was guessed, instead of one line a file,
    worded as :meth:`RunGuesses.said_at_end` words it: grouped by the interviewer taken, the
    files of each listed (``roqa pseudonymise``, whose ``then`` says the key gives them
    pseudonyms)."""
    return _said_once([_Guess.of(t) for t in transcripts], then)


class RunGuesses:
    """The speaker warnings of a run's transcripts, told one by one (:meth:`said_now`), with
    the guesses of an interviewer taken in two or more of them said once at the end
    (:meth:`said_at_end`), each naming ``--interviewer``; only a few strings are kept of
    each, so a streamed run stays small."""

    def __init__(self, interface: str = "cli") -> None:
        self._held: list[_Guess] = []
        self._interface = interface  # as for roles.interviewer_warning: "qdpx" for a project

    def said_now(self, transcript: Transcript) -> str | None:
        """``transcript``'s speaker warning, or None when there is none or it is its
        interviewer's guess alone, held for :meth:`said_at_end`."""
        line = speaker_warning(transcript, interface=self._interface)
        guess = guessed_interviewer_warning(transcript, interface=self._interface)
        if line is None or line != guess:
            return line
        self._held.append(_Guess.of(transcript, line))
        return None

    def said_at_end(self) -> list[str]:
        """One line for the guesses held whose names are taken in two or more transcripts (one
        name in any case, with or without its accents: :func:`~.roles.person_name`, shown as the
        first of them spells it), then the own line of each other guess held."""
        taken = _by_person(self._held)
        every = [g for gs in taken if len(gs) > 1 for g in gs]
        alone = [g.line for gs in taken if len(gs) == 1 for g in gs]
        return ([_said_once(every)] if every else []) + alone


def _file_names(sources: Sequence[str]) -> dict[str, str]:
    """Each of ``sources`` by its file name, or as given where two share a name (``P01.vtt``
    of two folders)."""
    names = [Path(s).name for s in sources]
    if len(set(names)) < len(names):
        return {s: s for s in sources}
    return dict(zip(sources, names, strict=True))


def speaker_warnings(
    transcripts: Iterable[Transcript],
    *,
    instead: Callable[[Transcript], str | None] | None = None,
    run: RunGuesses | None = None,
    interface: str = "cli",
    named: Callable[[Transcript], str] | None = None,
) -> list[str]:
    """The speaker warnings of a run's ``transcripts`` (:class:`RunGuesses`): each one's own,
    then the guesses said once. ``instead`` gives a transcript's line said in place of its
    speaker warning when it has one (``roqa code --pseudonymise``: that its copy may still name
    the participant); with ``run`` given (a streamed run's parts) the guesses are held in it,
    for the caller to say at the run's end. ``interface`` as for
    :func:`~roqa_nlp.transcripts.roles.interviewer_warning` (``"qdpx"``: a QDA project's
    passages, ``roqa import`` and ``roqa agree``). ``named`` gives the name a transcript is
    said by in place of its source (a QDA project's source by its name in the project, not the
    member file the project keeps its text in: :func:`~roqa_nlp.exchange.qdpx_import.said_as`)."""
    guesses = RunGuesses(interface) if run is None else run
    if named is not None:
        transcripts = [dataclasses.replace(t, source=named(t)) for t in transcripts]
    lines = [
        line
        for t in transcripts
        if (line := (instead(t) if instead else None) or guesses.said_now(t)) is not None
    ]
    return lines + (guesses.said_at_end() if run is None else [])
