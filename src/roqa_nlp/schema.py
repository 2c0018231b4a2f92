"""Plain data objects shared by every part of the pipeline.

Offsets are Unicode code points into ``Transcript.text``, end-exclusive, so that
``transcript.text[s.start:s.end] == s.text`` for every turn and segment.
"""

from __future__ import annotations

import operator
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal, Protocol, TypeGuard, overload

from .errors import RoqaError, RoqaTypeError, RoqaValueError, a_type

Role = Literal["interviewer", "participant"]
#: The roles a turn can have: the interviewer's turns are context, the participant's are coded.
ROLES: tuple[str, ...] = ("interviewer", "participant")
Valence = Literal["barrier", "enabler", "neutral"]
VALENCES: tuple[str, ...] = ("barrier", "enabler", "neutral")
#: Classifier classes for talk that fits no code: off-framework talk (the team-written small
#: talk, career stories and thinking aloud), interview procedure, and the segments a researcher
#: rejected every suggestion for (learnt from their decisions: kept apart from NONE, so that talk
#: like them is not taken for small talk).
NONE = "NONE"
PROCEDURAL = "PROCEDURAL"
REJECTED = "REJECTED"
OFF_FRAMEWORK: tuple[str, ...] = (NONE, PROCEDURAL, REJECTED)

#: Synonyms researchers and published CFIR studies use for valence labels.
VALENCE_SYNONYMS: dict[str, str] = {
    "barrier": "barrier",
    "negative": "barrier",
    "hindrance": "barrier",
    "enabler": "enabler",
    "facilitator": "enabler",
    "positive": "enabler",
    "neutral": "neutral",
    "mixed": "neutral",
    "": "neutral",
}


def normalise_valence(label: str | None) -> str:
    """Map a valence label (``facilitator``, ``barrier`` ...) onto barrier/enabler/neutral."""
    key = (label or "").strip().lower()
    if key not in VALENCE_SYNONYMS:
        raise ValueError(
            f"unknown valence {label!r}: use barrier, enabler or neutral (negative, hindrance, "
            "positive, facilitator and mixed are read as barrier, barrier, enabler, enabler and "
            "neutral)"
        )
    return VALENCE_SYNONYMS[key]


@overload
def check_top_k(top_k: Any, *, allow_none: Literal[False]) -> int: ...
@overload
def check_top_k(top_k: Any, *, allow_none: bool = True) -> int | None: ...
def check_top_k(top_k: Any, *, allow_none: bool = True) -> int | None:
    """``top_k``, how many of a segment's ranked suggestions to keep, as an int (None, the
    default, as None), or a one-line error unless it is a whole number of at least 1: any
    integral type (``np.int64(2)`` from an array or a DataFrame cell), not a bool, a str or a
    float."""
    if top_k is None and allow_none:
        return None
    hint = "give how many ranked codes to keep, e.g. top_k=5"
    try:
        k = (
            None
            if isinstance(top_k, bool) or type(top_k).__name__ == "bool_"
            else operator.index(top_k)
        )
    except TypeError:
        k = None
    if k is None:
        raise RoqaTypeError(
            f"top_k must be a whole number (an int), not {top_k!r} ({a_type(top_k)})", hint=hint
        )
    if k < 1:
        raise RoqaValueError(f"top_k must be at least 1, not {k!r}", hint=hint)
    return k


def _shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def nfc(text: str) -> str:
    """``text`` composed (Unicode NFC): the one form of a transcript or segment id, whether it
    was made from a file name macOS stores decomposed (``Siobha\u0301n.txt``) or typed by a
    researcher (``Siobhán`` in a decisions file or ``--order``), so the two match."""
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Code:
    """One code of a codebook (a CFIR domain, construct or sub-construct, or a project code)."""

    id: str
    name: str
    level: str  # "domain" | "construct" | "subconstruct" | "code"
    parent: str | None = None
    domain: str | None = None  # id of the top-level domain this code belongs to
    codable: bool = True
    description: str = ""
    aliases: tuple[str, ...] = ()
    # The side a code stands for when a codebook lists barriers and enablers as codes of their
    # own (the seed study's Table 2); None for CFIR constructs, which carry either.
    valence: str | None = None
    # The colour a QDA program showed the code in (REFI-QDA ``#RRGGBB``), kept so that a project
    # read with `roqa import` goes back with its colours; None for the built-in codebooks.
    color: str | None = None
    # The GUID a QDA program gave the code, when it is not the one roqa_nlp gives it (a program
    # that makes its own GUIDs, or a program's code known by its name as the codebook's), kept
    # so that an export gives the program its own code back, not a second one; None otherwise.
    guid: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        for key in ("valence", "color", "guid"):
            if d[key] is None:
                del d[key]  # so codebooks without them keep their JSON and hash
        return d


class _BadTranscript(RoqaError, ValueError):
    """A Turn or Transcript built with a role or offsets it cannot have: a one-line error that is
    also the ValueError a constructor raises for a bad argument."""


_TURN_HINT = (
    "each turn is (speaker, role, words), three strings, e.g. "
    "('P23', 'participant', 'Our manager.')"
)


class TurnRow(Protocol):
    """A turn as :meth:`Transcript.from_turns` takes it, to type checkers: any sized, indexable
    sequence of values (:func:`_is_row`): ``(speaker, role, words)`` as a tuple, a list, a row
    of ``df.values`` or ``df.itertuples(index=False)``, a pandas Series, or an ``(index, row)``
    pair of one (``df.iterrows()``, ``enumerate()``). Its values are checked at run time."""

    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Any]: ...
    def __getitem__(self, key: Any, /) -> Any: ...


def _is_row(item: object) -> TypeGuard[Iterable[Any]]:
    """Whether ``item`` is a sequence of values a turn can be: a tuple, a list, a table's row (a
    numpy array's, a pandas Series), not a str, bytes or dict."""
    from collections.abc import Mapping

    return not isinstance(item, (str, bytes, bytearray, Mapping)) and all(
        hasattr(item, name) for name in ("__len__", "__getitem__", "__iter__")
    )


def _turn_triple(transcript_id: str, i: int, item: object) -> tuple[str, str, str]:
    """Turn ``i`` (from 1) of :meth:`Transcript.from_turns`, checked: a sequence of three values
    (:func:`_is_row`), or an ``(index, row)`` pair of one, as ``df.iterrows()`` and
    ``enumerate()`` give them, with words that are a str; a speaker that is not a str (a numeric
    id, None) is its str, as the text gives it. Else a one-line error naming the turn (a
    TypeError for a wrong type, a ValueError for another number of values or a role
    :class:`Turn` refuses)."""
    from .errors import RoqaTypeError, RoqaValueError, a_type

    where = f"Transcript.from_turns({transcript_id!r}): turn {i}"
    if not _is_row(item):
        raise RoqaTypeError(
            f"{where} is {a_type(item)}, not a sequence of three values", hint=_TURN_HINT
        )
    values = list(item)  # a Series' values, not its index
    if len(values) == 2 and _is_row(values[1]):
        values = list(values[1])  # (index, row): the row
    if len(values) != 3:
        raise RoqaValueError(f"{where} has {len(values)} values, not 3", hint=_TURN_HINT)
    speaker, role, words = values
    if not isinstance(words, str):
        raise RoqaTypeError(f"{where}'s words are {a_type(words)}, not a str", hint=_TURN_HINT)
    if not (isinstance(role, str) and role.strip().lower() in ROLES):
        raise RoqaValueError(
            f"{where} has role {role!r}: a role is 'interviewer' or 'participant'",
            hint=_TURN_HINT,
        )
    return str(speaker), role, str(words)


@dataclass(frozen=True)
class Turn:
    """One speaker turn: ``text[start:end]`` of the transcript.

    ``role`` is ``"interviewer"`` (the turn is the question, context for the answer, not coded)
    or ``"participant"`` (coded); other capitalisations (``"Interviewer"``) are read as these,
    and any other role (``"researcher"``, ``"respondent"``) is an error, so that an interviewer's
    question is never coded as talk.
    """

    speaker: str
    role: Role
    start: int
    end: int
    begin_time: float | None = None  # seconds from the start of the recording
    end_time: float | None = None

    def __post_init__(self) -> None:
        if self.role in ROLES:
            return
        role = self.role.strip().lower() if isinstance(self.role, str) else None
        if role not in ROLES:
            raise _BadTranscript(
                f"turn of {self.speaker!r} has role {self.role!r}: a role is "
                "'interviewer' or 'participant'"
            )
        object.__setattr__(self, "role", role)


def _check_id(tid: object) -> None:
    """Refuse an id :meth:`Transcript.from_turns` is given that no reader makes of a file's
    name: no str, empty (it gave participant '.id' and segment ':0001') or holding a ``/``
    (``"../x"`` kept its folder; s67 api tester). A reader's id is a file's name without its
    extension: never empty, no ``/`` on any system. A ``:`` or (on Linux) a backslash is in
    names readers read, ``a:b.txt``, so those are kept."""
    if not isinstance(tid, str):
        raise RoqaTypeError(
            f"Transcript.from_turns() takes its id as a str, not {a_type(tid)}",
            hint="give one such as 'p23'",
        )
    if not tid:
        raise RoqaValueError(
            "Transcript.from_turns('') was given an empty id, which a file's name never is (it "
            "names the transcript and opens each of its segment ids)",
            hint="give one such as 'p23'",
        )
    if "/" in tid:
        raise RoqaValueError(
            f"Transcript.from_turns({tid!r}): a transcript id holds no '/', as a file's name "
            "without its folder does not",
            hint=f"give one such as {tid.rstrip('/').rpartition('/')[2] or 'p23'!r}",
        )


@dataclass(frozen=True)
class Transcript:
    """A transcript's plain text and its turns (with character offsets into ``text``).

    Frozen, as :class:`Turn` and :class:`Segment` are: a result coded from it keeps its case
    (``participant``) and text whatever the caller does with it afterwards. For a changed copy,
    ``dataclasses.replace(t, participant="P99")``."""

    id: str
    text: str
    turns: list[Turn]
    source: str = ""  # the file it was read from
    participant: str | None = None  # the case (P01 ...), when the transcript names one
    metadata: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # composed, as every id roqa reads or is given is (:func:`nfc`)
        if isinstance(self.id, str):
            object.__setattr__(self, "id", nfc(self.id))
        if isinstance(self.participant, str):
            object.__setattr__(self, "participant", nfc(self.participant))
        self.check_turns()

    @classmethod
    def from_turns(
        cls,
        id: str,
        turns: Iterable[TurnRow],
        *,
        participant: str | None = None,
    ) -> Transcript:
        """A transcript built in memory from ``(speaker, role, words)`` triples, e.g.
        ``Transcript.from_turns("p23", [("Interviewer", "interviewer", "What helps?"),
        ("P23", "participant", "Our manager.")], participant="P23")``; a triple may be any
        sequence of three values, or an ``(index, row)`` pair of one, ``df.iterrows()``
        (:class:`TurnRow`).

        The text is the one the readers give a structured file: one ``"{speaker}: {words}"``
        paragraph per turn, separated by a blank line, each turn pointing at its words; roles
        are checked as in :class:`Turn`. Without ``participant``, the case is the one the
        readers give a file named ``id`` of these turns
        (:func:`~roqa_nlp.transcripts.roles.participant_id`: the participants' label ``P23``,
        else the id's participant number, ``p23_part2`` -> ``P23``, else the id), so a part
        built in memory and a part read from a file are one case of the framework matrix.

        ``id`` is what a reader makes of a file's name, the name without its extension: never
        empty, never holding a ``/`` (a one-line error); a ``:`` is kept, as a reader keeps it
        in ``a:b.txt`` (segment ids are split at their last ``:``).
        """
        _check_id(id)
        if isinstance(turns, (str, bytes)) or not isinstance(turns, Iterable):
            raise RoqaTypeError(
                f"Transcript.from_turns({id!r}) takes its turns, a list of (speaker, role, words), "
                f"not {a_type(turns)}",
                hint=_TURN_HINT,
            )
        pieces: list[str] = []
        built: list[Turn] = []
        pos = 0
        for i, item in enumerate(turns, 1):
            speaker, role, words = _turn_triple(id, i, item)
            if pieces:
                pieces.append("\n\n")
                pos += 2
            prefix = f"{speaker}: "
            pieces.append(prefix + words)
            pos += len(prefix)
            built.append(Turn(speaker, role, pos, pos + len(words)))  # type: ignore[arg-type]
            pos += len(words)
        if participant is None:
            from .transcripts.roles import participant_id

            speakers = dict.fromkeys(u.speaker for u in built if u.role == "participant")
            # the id stands for a file's stem: give it a suffix for the rule to take off
            participant = participant_id(list(speakers), f"{id}.id")
        return cls(id=id, text="".join(pieces), turns=built, participant=participant)

    def check_turns(self) -> None:
        """Raise a one-line error (a RoqaError that is a ValueError) naming the first turn whose
        offsets are not integers within ``text``, or that is not a :class:`Turn`."""
        size = len(self.text)
        for i, u in enumerate(self.turns, 1):
            if not isinstance(u, Turn):
                raise _BadTranscript(
                    f"transcript {self.id!r}: turn {i} is {type(u).__name__}, not a Turn"
                )
            if not (
                isinstance(u.start, int)
                and isinstance(u.end, int)
                and 0 <= u.start <= u.end <= size
            ):
                raise _BadTranscript(
                    f"transcript {self.id!r}: turn {i} ({u.speaker!r}, {u.start!r}-{u.end!r}) "
                    f"is outside its text of {size} characters",
                    hint="offsets are character positions in text, end-exclusive; "
                    "Transcript.from_turns() works them out from (speaker, role, words)",
                )

    def turn_text(self, turn: Turn) -> str:
        """What ``turn`` says: ``text[turn.start:turn.end]`` (the turn of this transcript)."""
        return self.text[turn.start : turn.end]

    def __repr__(self) -> str:
        # The dataclass repr holds the whole text and every turn (17 k characters for an hour).
        return (
            f"Transcript({self.id!r}, participant={self.participant!r}, {len(self.turns)} turns, "
            f"{len(self.text)} characters, source={self.source!r})"
        )


@dataclass(frozen=True)
class Segment:
    """A unit the model codes: ``transcript.text[start:end] == text``."""

    id: str  # "<transcript_id>:<n>", stable for a given transcript text and unit
    transcript_id: str
    speaker: str
    role: Role
    start: int
    end: int
    text: str
    turn_index: int = 0
    context: str = ""  # the question it answers (or the group member it agrees with), if any
    begin_time: float | None = None
    end_time: float | None = None

    def __post_init__(self) -> None:
        # composed, as its transcript's id is (:func:`nfc`): codings written before with a
        # decomposed id read back matching the transcript, decisions and --order
        for name in ("id", "transcript_id"):
            value = getattr(self, name)
            if isinstance(value, str) and not value.isascii():
                object.__setattr__(self, name, nfc(value))


@dataclass(frozen=True)
class Suggestion:
    """One suggested code for a segment, with the evidence behind it.

    ``valence_probability`` is None for a person's coding (codings imported from a QDA project,
    a hand-made or older codings file without it), which has no model probability for its
    valence; reviewed codings (``roqa apply-decisions``, and their export read back) give a
    valence the reviewer set 1.0, the model's kept its probability, and one nobody gave None;
    AutoCoder.suggest() and code() always give a float. Typed
    code that reads a model's suggestions narrows it: ``vp = top.valence_probability; assert vp
    is not None`` (or ``if vp is not None``).
    """

    code_id: str
    name: str
    domain: str | None
    probability: float
    valence: str = "neutral"
    valence_probability: float | None = None
    # the training examples of the code most like the segment, whatever their valence (left out
    # of the repr: long), and each one's valence as training data gave it ("" when unknown: a
    # model saved before evidence kept it, a hand-made file); see roqa_nlp.evidence
    evidence: tuple[str, ...] = field(default=(), repr=False)
    evidence_valence: tuple[str, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        # Spelled out rather than dataclasses.asdict, whose deep copy cost seconds per study.
        d: dict[str, Any] = {
            "code_id": self.code_id,
            "name": self.name,
            "domain": self.domain,
            "probability": self.probability,
            "valence": self.valence,
            "valence_probability": self.valence_probability,
            "evidence": list(self.evidence),
        }
        if self.evidence_valence:  # a coder's or an older model's suggestion shows no evidence
            d["evidence_valence"] = list(self.evidence_valence)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Suggestion:
        return cls(
            code_id=str(d["code_id"]),
            name=str(d.get("name", d["code_id"])),
            domain=d.get("domain"),
            probability=float(d.get("probability", 1.0)),
            valence=str(d.get("valence", "neutral")),
            valence_probability=(
                None if d.get("valence_probability") is None else float(d["valence_probability"])
            ),
            evidence=tuple(d.get("evidence") or ()),
            evidence_valence=tuple(str(v or "") for v in d.get("evidence_valence") or ()),
        )


@dataclass
class SegmentResult:
    """A segment with its ranked suggestions and (once the novelty step ran) its novelty flag.

    Its flags and suggestions may be changed in place (``s.novel = False``); a result's slices,
    :meth:`~roqa_nlp.result.CodingResult.subset` and copies hold copies of it (:meth:`copy`), so
    a change to one of them leaves the result it came from as it was."""

    segment: Segment
    suggestions: list[Suggestion] = field(default_factory=list)
    novel: bool | None = None
    novelty_p: float | None = None
    procedural: bool = False  # greetings, consent, Zoom chatter: never offered as novel themes
    # fits no code and reads as small talk or the speaker's own background (the weather, a
    # career story): flagged novel, but not offered as a candidate new code either
    off_topic: bool = False

    @property
    def top(self) -> Suggestion | None:
        """The most probable suggestion (the first of equals, so a model's ranking stands), or
        None when the segment has none. Hand-made or imported codings need not list their
        suggestions in order.

        A segment the model set aside keeps the model's ranked suggestions, for transparency,
        so its nearest code is here at any probability (a procedural "Thank you, that's
        everything." at 0.6): procedural talk (``procedural``), small talk or background
        (``off_topic``) and talk that fits no code (``novel``). The report and the crosswalk
        read it; the framework matrix, Table 2 and saturation leave out all three,
        ``codings.csv`` and ``CodingResult.to_dataframe()`` blank their suggestions and
        ``CodingResult.subset(code=...)`` leaves them out. To count codes, leave those segments
        out on their flags, not on the probability: ``Counter(s.top.name for s in result
        if s.top and not (s.novel or s.procedural))`` (``off_topic`` segments are ``novel``)."""
        if not self.suggestions:
            return None
        return max(self.suggestions, key=lambda g: g.probability)

    def __repr__(self) -> str:
        # The dataclass repr holds every suggestion with its evidence quotes (~3 k characters).
        g = self.segment
        parts = [g.id, g.speaker, f"{g.start}-{g.end}", repr(_shorten(g.text, 50))]
        top = self.top
        if top is not None:
            parts.append(f"top {top.code_id} {top.name!r} {top.probability:.3f} {top.valence}")
        if self.novel:
            parts.append("fits no code")
        if self.procedural:
            parts.append("procedural")
        if self.off_topic:
            parts.append("off topic")
        return f"SegmentResult({', '.join(parts)})"

    def copy(self) -> SegmentResult:
        """A copy whose flags and suggestion list are its own (the segment and the suggestions,
        frozen, are shared)."""
        return replace(self, suggestions=list(self.suggestions))

    @property
    def for_open_coding(self) -> bool:
        """Flagged novel, and neither procedural talk nor small talk or background: what the
        open-coding queue groups into candidate codes."""
        return bool(self.novel) and not self.procedural and not self.off_topic

    def to_dict(self) -> dict[str, Any]:
        """The segment, its suggestions and its flags as one ``codings.jsonl`` record."""
        s = self.segment
        return {
            "transcript": s.transcript_id,
            "segment_id": s.id,
            "speaker": s.speaker,
            "role": s.role,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            "turn_index": s.turn_index,
            "context": s.context,
            "begin_time": s.begin_time,
            "end_time": s.end_time,
            "suggestions": [g.to_dict() for g in self.suggestions],
            "novel": self.novel,
            "novelty_p": self.novelty_p,
            "procedural": self.procedural,
            "off_topic": self.off_topic,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SegmentResult:
        """Read a ``codings.jsonl`` record (:meth:`to_dict`); optional fields it lacks take their
        defaults."""
        seg = Segment(
            id=str(d["segment_id"]),
            transcript_id=str(d["transcript"]),
            speaker=str(d.get("speaker", "")),
            role=d.get("role", "participant"),
            start=int(d["start"]),
            end=int(d["end"]),
            text=str(d["text"]),
            turn_index=int(d.get("turn_index", 0)),
            context=str(d.get("context", "")),
            begin_time=d.get("begin_time"),
            end_time=d.get("end_time"),
        )
        return cls(
            segment=seg,
            suggestions=[Suggestion.from_dict(g) for g in d.get("suggestions") or []],
            novel=d.get("novel"),
            novelty_p=d.get("novelty_p"),
            procedural=bool(d.get("procedural", False)),
            off_topic=bool(d.get("off_topic", False)),
        )
