"""Export code suggestions to a REFI-QDA project (``.qdpx``) for review in NVivo, ATLAS.ti ...

The archive holds ``project.qde`` (valid against ``Project-mrt2019.xsd``) and one UTF-8 text file
per transcript, ``sources/<guid>.txt``, referenced as ``internal://<guid>.txt``. The code tree is
the codebook's hierarchy with stable GUIDs (see :mod:`.refiqda`), followed by the group of valence
codes (``Valence (roqa_nlp)``: ``Barrier``, ``Enabler``, ``Neutral``) a reviewer codes a passage
with to give its valence; nothing is coded with them. Each suggested coding is one
``PlainTextSelection`` whose ``startPosition``/``endPosition`` are code-point offsets of exactly the
segment (in UTF-16 code units for a source read from a program that counts them so, as
:data:`UTF16_RECORD` records), carrying one ``Coding`` attributed to a dedicated user named after the library version
and the model hash (``roqa_nlp 0.1.0 (model sha256: 1a2b3c4d…)``), so that a researcher can filter
or delete machine codings in one go. The probability and valence go in the selection's
``<Description>``, which the programs show next to the quotation: ``suggested by roqa_nlp:
Available Resources (p=0.823, barrier)``. A person's codings read from a QDA project
(:func:`coder_of`) go back under that person's name and GUID, in sources of their original
names, one selection per passage holding a coding of each code they gave it (a selection per
valence when they gave its codes different ones), with the valence they gave as the
description (``valence: barrier``) and their notes
on a passage (``meta["notes"]``, a review's notes) as ``<Note>`` elements each coded selection
of the passage refers to (``<NoteRef>``). Participants become ``Case`` elements, and each
source's interviewers a text variable's value (:mod:`.interviewer_record`). Selection and
coding GUIDs are stable for one user and differ between users, so merged exports keep both
coders.

A selection is named ``line:<n> <segment id>``: ``n`` is the 0-based line of its start, which is
how the ``qc`` tool (qualitative-coding) places codings it imports, and the segment id lets the
segment keep its id when the project comes back.
"""

from __future__ import annotations

import hashlib
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import __version__
from ..codebook import Codebook
from ..decisions import segment_notes
from ..errors import RoqaError, RoqaTypeError, a_type, first_few, warn
from ..framework import (
    NOT_REVIEWED,
    REVIEW_RECORDED,
    REVIEW_SCOPE,
    REVIEWED,
    REVIEWED_NO_CODE,
    REVIEWED_PASSAGES,
    REVIEWED_SPANS,
    carries_codes,
    review_left_out,
)
from ..io import atomic_write_bytes, given_path, xml_text
from ..result import CodingResult
from ..schema import Suggestion, Transcript, normalise_valence
from .interviewer_record import add_value, guess_of, interviewers_of, variables_element
from .plaintext import (
    LINE_ENDS,
    POSITION_UNIT,
    UTF16,
    has_outside_bmp,
    normalise_newlines,
    restore_line_ends,
    utf16_offsets,
)
from .refiqda import (
    ORIGIN,
    PROJECT_NS,
    KeptNote,
    codes_element,
    creation_dates,
    is_guid,
    kept_guids,
    normalise_guid,
    serialise,
    stable_guid,
    user_name_in_program,
    written_guid,
)
from .review import codes_given_no_valence, is_machine_user, valence_from_model, valence_not_given

#: Prefix of the line of the project's description that records, as JSON, what a review left out
#: (:data:`~roqa_nlp.framework.REVIEW_RECORDED`), which the importer gives back to the reviewer's
#: codings, so that their charts still say the review is partial.
REVIEW_RECORD = "roqa_nlp review: "


#: Prefix of the line of the project's description that records, as JSON, the researcher's own
#: codebook the codes were written from (its ids, mapping and descriptions): the importer knows
#: its codes by the GUIDs roqa gave them and gives them their ids back, as for a built-in one.
CODEBOOK_RECORD = "roqa_nlp codebook: "


#: Prefix of the line of the project's description that records, as a JSON list, the GUIDs of
#: the sources whose selections are counted in UTF-16 code units, as the QDA program they were
#: read from counts them (:data:`~.plaintext.POSITION_UNIT`): the importer reads them so again.
UTF16_RECORD = "roqa_nlp UTF-16 positions: "


#: Prefix of the line of the project's description that records, as JSON, the passages a model's
#: suggestions were written on, by source GUID (``{"<GUID>": [["p04_interview:0001", 12, 80],
#: ...]}``: segment id, start, end in the transcript's text): the importer tells a reviewer who
#: deleted some of them in the QDA program what that does.
SUGGESTIONS_RECORD = "roqa_nlp suggestions: "


#: Prefix of the line of the project's description that records the built-in codebook the
#: codings were charted in (run.json's ``chart_codebook``, as ``roqa code --codebook`` records
#: it): the importer records it again, so that ``roqa agree`` compares the imported codings in it
#: as it did before the round trip (tester cfir2, session 65: refused, "give --codebook").
CHART_RECORD = "roqa_nlp chart codebook: "


def chart_record(meta: Mapping[str, Any], codebook: Codebook) -> str | None:
    """The line recording the chart codebook (:data:`CHART_RECORD`) of codings whose run.json
    records one, written in ``codebook``, the one they are charted in: its built-in id; None
    for codings that record none or another one (``roqa export --codebook``), or written in a
    codebook of the researcher's own (whose copy the import keeps as the codings' own codebook)."""
    from ..codebook import BUILTIN
    from ..crosswalk import PROJECT_SUFFIX, recorded_chart

    base_id = codebook.id.removesuffix(PROJECT_SUFFIX)
    # only the one run.json records: `export --codebook cfir-2009` of a run charted in CFIR 2.0
    # recorded cfir-2009, and agree then refused the CFIR 2.0 review (hunt s65 h_book R1)
    if recorded_chart(meta) != base_id or base_id not in BUILTIN:
        return None
    return CHART_RECORD + base_id


def codebook_record(codebook: Codebook) -> str | None:
    """The line recording ``codebook`` (:data:`CODEBOOK_RECORD`) when it is the researcher's own
    (no built-in one), less the project's new codes (read back by their GUIDs and names); for a
    built-in codebook, which every import knows, only the GUIDs a QDA program gave its codes
    (``{"id": "cfir-2009", "guids": {"IS.D": "A060826F-…"}}``), so that the codes written with
    them are its codes again on import, renamed ones too; None when they have none."""
    from ..codebook import BUILTIN
    from ..crosswalk import PROJECT_SUFFIX
    from ..decisions import PROJECT_PREFIX

    base_id = codebook.id.removesuffix(PROJECT_SUFFIX)
    if base_id in BUILTIN:
        builtin = {c.id for c in Codebook.load(base_id).codes}
        guids = {c.id: c.guid for c in codebook.codes if c.guid and c.id in builtin}
        if not guids:
            return None
        return CODEBOOK_RECORD + json.dumps({"id": base_id, "guids": guids}, sort_keys=True)
    record = codebook.to_dict()
    record["id"] = base_id
    record["codes"] = [c for c in record["codes"] if not c["id"].startswith(PROJECT_PREFIX)]
    return CODEBOOK_RECORD + json.dumps(record, sort_keys=True, ensure_ascii=False)


def review_description(
    meta: Mapping[str, Any],
    person: str,
    decided_no_code: Mapping[str, list[Any]] | None = None,
    decided_spans: Mapping[str, list[Any]] | None = None,
    decided_passages: Mapping[str, list[str]] | None = None,
    person_guid: str | None = None,
) -> str | None:
    """The project's description for the codings of a review (``roqa apply-decisions``): what
    it left out (segments undecided, transcripts unreached), as the charts say it, and the
    record of it and of the segments it decided and the model it reviewed
    (:data:`REVIEW_RECORD`, :data:`~roqa_nlp.framework.REVIEW_RECORDED`; ``decided_no_code``,
    the spans of those decided with no code, as no selection carries them; ``decided_spans``, the
    spans of every segment decided, so that one whose passage the QDA program lost is known;
    ``decided_passages``, each one's text digest and selections' GUIDs, so that it is found
    again where the program moved it; ``person_guid``, the reviewer's user GUID, by which the
    import knows them renamed in the program: s64, the record of a reviewer renamed there was
    lost in silence);
    None for codings that are no review. Before, a partial review exported and imported back
    read as a finished one, and ``roqa agree`` compared it as independent coding of whole
    transcripts (re-tester s50)."""
    record: dict[str, Any] = {k: meta[k] for k in REVIEW_RECORDED if meta.get(k)}
    if decided_no_code:  # the decided segments no selection carries: [transcript, start, end]
        record[REVIEWED_NO_CODE] = dict(decided_no_code)
    if decided_spans:
        record[REVIEWED_SPANS] = dict(decided_spans)
    if decided_passages:
        record[REVIEWED_PASSAGES] = dict(decided_passages)
    if not set(record) - {REVIEW_SCOPE}:  # what it had to decide alone: nothing to carry
        return None
    said = review_left_out(dict(meta))
    record["user"] = person
    if person_guid:
        record["user_guid"] = person_guid
    return f"{person}'s review (roqa apply-decisions).{said}\n{REVIEW_RECORD}" + json.dumps(
        record, sort_keys=True, ensure_ascii=False
    )


def passage_digest(text: str) -> str:
    """A short digest of a decided passage's text (:data:`~roqa_nlp.framework.REVIEWED_PASSAGES`):
    the import finds the passage again by it where the transcript's text was edited before it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _not_reviewed(result: CodingResult) -> list[str]:
    """The transcripts a review's codings record it did not reach (:data:`NOT_REVIEWED`)."""
    listed = result.meta.get(NOT_REVIEWED) if isinstance(result.meta, Mapping) else None
    return [str(t) for t in listed] if isinstance(listed, list) else []


#: Prefix of the selection description that marks a machine suggestion (the importer reads it).
SUGGESTION_PREFIX = "suggested by roqa_nlp: "


@dataclass
class QdpxExport:
    """What an export wrote: counts, the user's name as written in the project (a person's when
    ``by_person``, else the machine's), and what was left out and why."""

    path: Path
    user: str
    by_person: bool = False
    #: how many suggestions per segment were taken (None: all; :func:`codes_per_segment`)
    top_k: int | None = None
    sources: int = 0
    #: the ids of the transcripts written with no coded passage in them (a coder's codings hold
    #: every transcript of the project they were imported from, coded in or not)
    uncoded: list[str] = field(default_factory=list)
    #: the coded passages written (``PlainTextSelection``): a person's passage is one, holding
    #: a coding of each code they gave it; a model's suggestions are one each
    selections: int = 0
    #: the codings written, one per code on a passage (``Coding``)
    codings: int = 0
    skipped: list[str] = field(default_factory=list)
    #: a model's segments left out as the report leaves them out: they fit no code or are
    #: procedural talk (see :func:`roqa_nlp.framework.carries_codes`)
    not_coded: int = 0
    #: segments left out because they carry no suggestion at all
    no_suggestion: int = 0
    #: a person's segments left out because their review decided they fit no code (a
    #: ``no-code`` row, or every suggestion rejected): no code to carry, not no suggestion
    fits_no_code: int = 0
    #: a model's segments left out because, charted in another codebook, their suggestions
    #: have no counterpart there (``meta["crosswalk"]["no_counterpart"]``)
    no_counterpart: int = 0
    #: segments left out because every suggestion exported of theirs (their ``top_k``) is below
    #: ``min_probability``: not counted in :attr:`left_out`, which the report leaves out too
    below_min_probability: int = 0
    #: the id of the codebook written: the one given, ``+project`` when the project's own codes
    #: it lacks were added to it (``project_codes``)
    codebook: str = ""
    #: the project's own codes the codebook given lacks, written after its codes
    project_codes: list[str] = field(default_factory=list)
    #: the notes written (a reviewer's notes on their coded passages, as REFI-QDA notes)
    notes: int = 0
    #: notes on segments that gave no coded passage to attach them to (a segment decided to
    #: fit no code), left out
    notes_left_out: int = 0
    #: the study's transcripts a review (``roqa apply-decisions``) did not reach, no segment of
    #: them decided: not in its codings, so not in the project (the line after "wrote" names
    #: them; the project's description records them)
    not_reviewed: list[str] = field(default_factory=list)

    @property
    def left_out(self) -> int:
        """Every segment that gave no coding because it had none to give."""
        return self.not_coded + self.no_suggestion + self.fits_no_code + self.no_counterpart


def model_hash(meta: dict[str, Any]) -> str | None:
    """The model's SHA-256 from a result's ``meta`` (``meta["model"]["hash"]``), if recorded."""
    model = meta.get("model") if isinstance(meta, dict) else None
    value: Any = None
    if isinstance(model, dict):
        value = model.get("hash") or model.get("sha256")
    if value is None and isinstance(meta, dict):
        value = meta.get("model_hash")
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().removeprefix("sha256:")


def machine_user_name(meta: dict[str, Any]) -> str:
    """``roqa_nlp <version> (model sha256: <first 8 hex>…)``, or without the model if unknown."""
    h = model_hash(meta)
    name = f"roqa_nlp {__version__}"
    return f"{name} (model sha256: {h[:8]}…)" if h else name


def _meta_user(result: CodingResult) -> dict[str, Any]:
    meta = result.meta if isinstance(result.meta, dict) else {}
    user = meta.get("user")
    return user if isinstance(user, dict) else {}


def machine_user_of(result: CodingResult) -> str:
    """The machine user ``result``'s suggestions go under: the roqa_nlp user recorded in its meta
    when it records no model (a model's codings ``roqa import`` read back from a QDA project keep
    the user they were exported under, ``roqa_nlp 0.1.0 (model sha256: 105155c7…)``, and with it
    that user's GUID), else :func:`machine_user_name`."""
    meta = result.meta if isinstance(result.meta, dict) else {}
    name = _meta_user(result).get("name")
    if model_hash(meta) is None and isinstance(name, str) and is_machine_user(name.strip()):
        return name.strip()
    return machine_user_name(meta)


def is_model_run(result: CodingResult) -> bool | None:
    """Whether ``result`` is a model's run, decided by who it records as its maker (its
    ``run.json``), never by its probabilities: ``True`` when it records a model (``roqa code``
    writes the model card's summary) or roqa_nlp's machine user, ``False`` when it records a
    person (``roqa import`` writes the QDA program's user), ``None`` when it records neither.

    A person's codings may carry probabilities below 1 (a code charted in another codebook: a
    counterpart the segment's words fit less than another shows less), and a person is still
    their author."""
    meta = result.meta if isinstance(result.meta, dict) else {}
    if meta.get("model"):
        return True
    name = _meta_user(result).get("name")
    if isinstance(name, str) and name.strip():
        return is_machine_user(name.strip())
    return None


def coder_of(result: CodingResult) -> str | None:
    """The person whose codings ``result`` holds (as :func:`is_model_run` decides: a ``user``
    recorded in its meta that is not roqa_nlp's machine user, and no model), else ``None``."""
    if is_model_run(result) is not False:
        return None
    return str(_meta_user(result)["name"]).strip()


def person_of(result: CodingResult, name: str) -> str | None:
    """:func:`coder_of`, and for codings that record no maker (a bare ``codings.jsonl``: hand-made,
    or a program's export) ``name`` when their content is a person's (every probability exactly 1,
    whatever flags the segments carry), as ``roqa agree`` reads them; else ``None`` (a model's
    suggestions)."""
    from ..coding_agreement import is_model_result

    recorded = coder_of(result)
    if recorded is not None or is_model_run(result) is not None:
        return recorded
    return None if is_model_result(result) else name


def probability_text(probability: float) -> str:
    """A probability as the suggestion note writes it: at least 3 decimals, and as many more as
    the stored value has (``roqa code`` keeps 6), so that reading the note back gives the same
    number and no tie or threshold decision moves on a round trip."""
    p = min(max(float(probability), 0.0), 1.0)
    short = f"{p:.3f}"
    if float(short) == p:
        return short
    return format(Decimal(repr(p)), "f")


#: Prefix of the selection description that carries a person's valence of the passage (the
#: importer reads it back): ``valence: barrier``.
VALENCE_PREFIX = "valence: "


#: What follows a valence the model gave, whose probability is not known (``valence: enabler
#: (the model's)``): one read back from a QDA project, whose suggestion notes carry none.
MODEL_VALENCE = "the model's"


def valence_description(valence: str, probability: float | None, *, model: bool = False) -> str:
    """A person's valence of a passage as the selection's description: ``valence: barrier``, or
    ``valence: barrier (p=0.550)`` when it is the model's valence they kept (roqa
    apply-decisions keeps the model's valence, and its probability, unless they set one; a
    probability below 1 is the model's in codings that do not say whose, ``model``), or
    ``valence: barrier (the model's)`` when it is the model's and its probability is not known
    (the model's codings the review was made on were read back from a QDA project)."""
    text = VALENCE_PREFIX + _valence(valence)
    if probability is not None and (model or probability < 1.0):
        text += f" (p={probability_text(probability)})"
    elif model:
        text += f" ({MODEL_VALENCE})"
    return text


def suggestion_description(code_name: str, probability: float, valence: str) -> str:
    return f"{SUGGESTION_PREFIX}{code_name} (p={probability_text(probability)}, {valence})"


#: The key of a machine user's imported codings' ``meta`` (their ``run.json``) that maps each
#: segment id to the codes whose probability and valence their selection's description no longer
#: gave (a QDA program dropped the description or merged selections): ``roqa import`` reads them
#: at probability 0 and valence neutral, and ``roqa export`` writes them as not known.
PROBABILITY_NOT_RECOVERED = "probability_not_recovered"


def not_recovered(result: CodingResult) -> dict[str, set[str]]:
    """Segment id -> the codes whose probability was lost (:data:`PROBABILITY_NOT_RECOVERED`)."""
    meta = result.meta if isinstance(result.meta, dict) else {}
    lost = meta.get(PROBABILITY_NOT_RECOVERED)
    if not isinstance(lost, dict):
        return {}
    return {str(k): set(map(str, v)) for k, v in lost.items() if isinstance(v, list)}


def unknown_suggestion_description(code_name: str) -> str:
    """The note of a suggestion whose probability and valence were lost on an earlier round trip:
    said as not known rather than written as ``p=0.000`` (which would read back as the model's)."""
    return f"{SUGGESTION_PREFIX}{code_name} (probability and valence not known)"


def source_guid(t: Transcript) -> str:
    """A transcript's source GUID: the one it had in a QDA program, else derived from its id."""
    known = t.metadata.get("refi_guid") if isinstance(t.metadata, dict) else None
    if isinstance(known, str) and is_guid(known):
        return known.strip().strip("{}")
    return stable_guid("source", t.id)


#: The key of a transcript's ``metadata`` that records the case of the QDA project it was read
#: from: ``{"guid": "3FCA6158-…", "name": "RM01"}``.
CASE = "refi_case"


def case_guid(participant: str, transcripts: list[Transcript]) -> str:
    """The GUID of the case of ``participant``, whose sources are ``transcripts``: the one it had
    in the QDA project they were read from, when each of them was read from that case under that
    name (a program that merges the export by GUID then finds its own case, not a second
    ``RM01``); else derived from the name."""
    recorded = {
        r.get("guid") if isinstance(r, dict) and r.get("name") == participant else None
        for t in transcripts
        for r in [t.metadata.get(CASE) if isinstance(t.metadata, dict) else None]
    }
    known = recorded.pop() if len(recorded) == 1 else None
    if isinstance(known, str) and is_guid(known):
        return known.strip().strip("{}")
    return stable_guid("case", participant)


def _timestamp() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _valence(label: str) -> str:
    try:
        return normalise_valence(label)
    except ValueError:
        return label


#: ``top_k="auto"``: a model's top suggestion per segment, every code of a person's codings
AUTO = "auto"


def codes_per_segment(top_k: int | str | None, person: str | None) -> int | None:
    """How many suggestions per segment to export: ``top_k`` itself, or for ``"auto"`` one for a
    model's suggestions and all (``None``) for a person's codings (``person``, as
    :func:`coder_of` names them), so that exporting what a coder did never drops a code they
    gave."""
    if top_k == AUTO:
        return None if person is not None else 1
    if top_k is not None and not isinstance(top_k, int):
        raise ValueError(f"top_k must be an int, None or {AUTO!r}, not {top_k!r}")
    return top_k


def _check_options(top_k: int | None, min_probability: float) -> None:
    if top_k is not None and top_k < 1:
        raise RoqaError(f"top-k must be at least 1, not {top_k}", hint="use --top-k 1 or more")
    if not 0.0 <= min_probability <= 1.0:
        raise RoqaError(
            f"minimum probability must be between 0 and 1, not {min_probability}",
            hint="use e.g. --min-probability 0.5",
        )


def _user_guid(result: CodingResult, user: str) -> str:
    """The GUID the user had in the QDA program the codings came from (``meta.user.guid``), so
    that they come back to it as the same user; else one derived from the name."""
    recorded = _meta_user(result)
    guid = recorded.get("guid")
    if recorded.get("name") == user and isinstance(guid, str) and is_guid(guid):
        return guid.strip().strip("{}")
    return stable_guid("user", user)


def _source_name(t: Transcript) -> str:
    """A transcript's source name: the one it had in a QDA program (``p01.txt``), else its id."""
    known = t.metadata.get("refi_name") if isinstance(t.metadata, dict) else None
    return known if isinstance(known, str) and known.strip() else t.id


def _project_name(result: CodingResult, person: str | None, codebook: Codebook) -> str:
    """A person's codings go back under their project's name; a model's are named as such."""
    meta = result.meta if isinstance(result.meta, dict) else {}
    project = meta.get("project")
    if person is not None and isinstance(project, str) and project.strip():
        return project
    if person is not None:
        return f"{person}'s codings ({codebook.name})"
    return f"roqa_nlp suggestions ({codebook.name})"


def _ranked(suggestions: list[Suggestion], *, as_listed: bool = False) -> list[Suggestion]:
    """Suggestions in the order :func:`roqa_nlp.framework.codes_of` charts them in, each code
    once (:func:`roqa_nlp.framework.ranking`; ``as_listed`` for a result charted from another
    codebook, whose translation keeps the model's ranking)."""
    from ..framework import ranking

    return ranking(suggestions, as_listed=as_listed)


def _transcripts_of(result: CodingResult) -> dict[str, Transcript]:
    missing = sorted({s.segment.transcript_id for s in result} - set(result.transcripts))
    if missing:
        raise RoqaError(
            "the codings refer to transcripts whose text is not available "
            f"({first_few(missing, 3)})",
            hint="keep transcripts.jsonl beside codings.jsonl (roqa code writes both)",
        )
    return result.transcripts


def qdpx_bytes(
    result: CodingResult,
    codebook: Codebook,
    *,
    top_k: int | str | None = AUTO,
    min_probability: float = 0.0,
    path: Path = Path("project.qdpx"),
    colors: Mapping[str, str] | None = None,
    valence_codes: bool = True,
    own: Codebook | None = None,
) -> tuple[bytes, QdpxExport]:
    """The ``.qdpx`` archive of a coding result, in memory, and a summary of what it holds
    (``top_k``, ``colors``, ``valence_codes`` and ``own`` as :func:`export_qdpx` takes them)."""
    from ..crosswalk import with_project_codes

    person = coder_of(result)
    top_k = codes_per_segment(top_k, person)
    _check_options(top_k, min_probability)
    transcripts = _transcripts_of(result)
    given = codebook.id
    codebook, carried = with_project_codes(codebook, result, own or result.codebook)
    if carried:
        one = len(carried) == 1
        warn(
            f"{len(carried)} code{'' if one else 's'} of the project's own "
            f"{'is' if one else 'are'} not in codebook {given!r} "
            f"({first_few([f'{c.id} {c.name}' for c in carried], 3)}): exported as "
            f"{'a code of its' if one else 'codes of their'} own after the codebook's codes, "
            f"in codebook {codebook.id!r}",
            stacklevel=4,
        )
    now = _timestamp()
    dated = creation_dates(result.meta)
    # the GUIDs the QDA program gave the passages and notes, when the codings were imported:
    # written again, so that a program merging the export by GUID holds them once
    program_guids = kept_guids(result.meta)
    taken: set[str] = set()  # the normalised GUIDs of the selections, codings and notes written

    def keep(guid: str | None, made: str) -> str:
        """``guid``, when kept and not written already in this export (a passage written as two
        selections), else ``made``, the GUID roqa gives it."""
        g = guid if guid is not None and normalise_guid(guid) not in taken else made
        taken.add(normalise_guid(g))
        return g

    user = person or machine_user_of(result)
    user_guid = _user_guid(result, user)
    # the GUIDs derived from the user's are as before it kept the program's case ("A8BE2AFB-..."):
    # a project holding an earlier export gets the same selections, codings and notes again
    user_key = normalise_guid(user_guid)
    summary = QdpxExport(
        path=path,
        # the name written in <Users>, not roqa's tag of it (`roqa export` says it: s72 hunt
        # merged, L4)
        user=user_name_in_program(user, user_guid),
        by_person=person is not None,
        top_k=top_k,
        codebook=codebook.id,
        project_codes=[c.id for c in carried],
        not_reviewed=[t for t in _not_reviewed(result) if t not in transcripts],
    )

    root = ET.Element(
        "Project",
        {
            "name": xml_text(_project_name(result, person, codebook)),
            "origin": ORIGIN,
            "creatingUserGUID": user_guid,
            "creationDateTime": now,
        },
    )
    users = ET.SubElement(root, "Users")
    ET.SubElement(
        users, "User", {"guid": user_guid, "name": xml_text(user_name_in_program(user, user_guid))}
    )
    ET.SubElement(root, "CodeBook").append(
        codes_element(codebook, colors, valence_group=valence_codes)
    )

    # who interviews in each transcript, which the text alone may not tell on import
    interviewers = {t.id: interviewers_of(t) for t in transcripts.values()}
    # and which of them roqa only guessed, which the import warns of again
    guesses = {t.id: guess_of(t) if interviewers[t.id] else [] for t in transcripts.values()}
    if any(interviewers.values()):  # before the cases, as the schema orders the project's parts
        root.append(variables_element(guessed=any(guesses.values())))

    guids: dict[str, str] = {}
    seen: set[str] = set()
    for t in transcripts.values():
        g = source_guid(t)
        if normalise_guid(g) in seen:
            g = stable_guid("source", t.id)
        seen.add(normalise_guid(g))
        guids[t.id] = g
    cases: dict[str, list[Transcript]] = {}
    for t in transcripts.values():
        if t.participant:
            cases.setdefault(t.participant, []).append(t)
    if cases:
        cases_el = ET.SubElement(root, "Cases")
        for participant, in_case in cases.items():
            case = ET.SubElement(
                cases_el,
                "Case",
                {"guid": case_guid(participant, in_case), "name": xml_text(participant)},
            )
            for t in in_case:
                ET.SubElement(case, "SourceRef", {"targetGUID": guids[t.id]})

    by_transcript = result.by_transcript()
    meta = result.meta if isinstance(result.meta, dict) else {}
    # a review's segments decided with no code, which no selection carries: their spans go in
    # the review's record, so that the import compares them as the review itself does
    decided = set(meta.get(REVIEWED) or []) if person is not None else set()
    decided_no_code: dict[str, list[Any]] = {}
    decided_spans: dict[str, list[Any]] = {}  # every decided segment's, coded or not
    decided_passages: dict[str, list[str]] = {}  # ... its text's digest, its selections' GUIDs
    walked = result.meta.get("crosswalk") if isinstance(result.meta, Mapping) else None
    emptied = set(walked.get("no_counterpart", ())) if isinstance(walked, Mapping) else set()
    listed = isinstance(walked, Mapping)  # a translation: the model's ranking, as codes_of
    not_given = valence_not_given(result)
    from_model = valence_from_model(result)  # a reviewer's segments keeping the model's valence
    # segment id -> the codes a person gave no valence (a whole passage, or a review's new code
    # beside codes keeping the model's valence), as the outputs count them: no description
    given_none = codes_given_no_valence(result) if person is not None else {}
    lost = not_recovered(result) if person is None else {}
    notes = segment_notes(result)
    # note GUID -> (segment id, text, the note kept from the QDA program or None)
    written_notes: dict[str, tuple[str, str, KeptNote | None]] = {}
    commented: set[str] = set()  # the segments whose notes went back as selection comments

    def valence_given(segment_id: str, sug: Suggestion) -> bool:
        """Whether a person's coding carries a valence someone gave (the person, or the model
        whose valence they kept), not the default of a code given none: codings imported from
        a QDA project list the passages given none (roqa import's valence_not_given); in other
        codings (roqa apply-decisions') a neutral with no valence probability is that default."""
        if not_given is not None:
            return segment_id not in not_given
        return _valence(sug.valence) != "neutral" or sug.valence_probability is not None

    files: list[tuple[str, bytes]] = []
    in_utf16: list[str] = []  # the GUIDs of the sources whose selections count UTF-16 units
    suggested: dict[str, list[list[Any]]] = {}  # source GUID -> [segment id, start, end]
    sources_el = ET.SubElement(root, "Sources")
    for t in transcripts.values():
        guid = guids[t.id]
        text, to_plain = normalise_newlines(t.text)
        # a source read from a QDA program goes back with its line ends, and its selections
        # counted with them, as the program counts them (it may merge it by its GUID)
        held = t.metadata.get(LINE_ENDS) if isinstance(t.metadata, dict) else None
        written, to_program = restore_line_ends(text, held) or (text, lambda offset: offset)
        # and counted in UTF-16 code units when the program counted them so (.NET, Qt): in code
        # points, each selection would stand one place further on there per emoji before it
        unit = t.metadata.get(POSITION_UNIT) if isinstance(t.metadata, dict) else None
        if unit == UTF16 and has_outside_bmp(written):
            to_program = utf16_offsets(written, to_program)
            in_utf16.append(guid)
        try:
            data = written.encode("utf-8")
        except UnicodeEncodeError:
            from ..transcripts import said_source

            raise RoqaError(
                f"transcript {t.id!r} holds characters that are not valid Unicode text",
                path=said_source(t),  # a project's source by its name (study.qdpx: source 'p01')
                hint="read the transcript again from its file",
            ) from None
        files.append((f"sources/{guid}.txt", data))
        src = ET.SubElement(
            sources_el,
            "TextSource",
            {
                "guid": guid,
                "name": xml_text(_source_name(t)),
                "plainTextPath": f"internal://{guid}.txt",
                "creatingUser": user_guid,
                "creationDateTime": now,
            },
        )
        selections: list[tuple[int, int, ET.Element]] = []
        for seg_result in by_transcript.get(t.id, []):
            seg = seg_result.segment
            if t.text[seg.start : seg.end] != seg.text:
                raise RoqaError(
                    f"segment {seg.id!r} does not match its transcript's text at "
                    f"{seg.start}:{seg.end}",
                    hint="code the transcript again; the codings and transcripts.jsonl disagree",
                )
            start, end = to_plain(seg.start), to_plain(seg.end)
            if start >= end:
                summary.skipped.append(f"segment {seg.id!r} is empty")
                continue
            if seg.id in decided:
                decided_spans[seg.id] = [t.id, start, end]
                decided_passages[seg.id] = [passage_digest(text[start:end])]
                if not seg_result.suggestions:  # no selection carries it
                    decided_no_code[seg.id] = [t.id, start, end]
            if person is None and not carries_codes(seg_result):
                summary.not_coded += 1
                continue
            if not seg_result.suggestions:
                if seg.id in emptied:
                    summary.no_counterpart += 1
                elif seg.id in decided:
                    summary.fits_no_code += 1
                else:
                    summary.no_suggestion += 1
                continue
            ranked = _ranked(seg_result.suggestions, as_listed=listed)
            chosen = ranked if top_k is None else ranked[:top_k]
            kept = [sug for sug in chosen if sug.probability >= min_probability]
            if chosen and not kept:
                summary.below_min_probability += 1
                continue
            # a person's passage is one selection holding a coding of each code they gave it,
            # as the QDA program wrote it (qc-demo: 158 selections, 205 codings); codes given
            # different valences keep a selection each, as the description carries one valence,
            # and so do codes the program gave selections of their own (NVivo writes one a code:
            # before, the second's GUID was lost and its coding moved into the first's, s91
            # interop MED-2). A model's suggestions keep a selection each: its note gives that
            # code's probability
            passage: dict[tuple[str | None, str | None], ET.Element] = {}  # the person's
            # selections, by description and the program's GUID of them (None: roqa's)
            first: dict[str | None, ET.Element] = {}  # description -> its first selection
            # the GUIDs the QDA program gave the passage and its notes, when imported from it
            guids_of = program_guids.get(seg.id)
            on_passage = list(dict.fromkeys(notes.get(seg.id, [])))
            comments = guids_of.comments if guids_of is not None else ()
            made: list[ET.Element] = []
            heads: list[ET.Element] = []  # those of made that carry the passage's notes
            for sug in kept:
                code = codebook.find(sug.code_id)
                if code is None:
                    raise RoqaError(
                        f"the codings use the code {sug.code_id!r}, which is not in codebook "
                        f"{codebook.id!r}",
                        hint="give the codebook the codings were made with (--codebook)",
                    )
                if not code.codable:
                    summary.skipped.append(
                        f"segment {seg.id!r}: {code.id} {code.name} is not codable (a domain)"
                    )
                    continue
                # The user is part of the name: two coders' selections of one passage are two
                # objects to a program that merges projects by GUID.
                sel_guid = stable_guid(
                    "selection", codebook.id, t.id, str(start), str(end), code.id, user_key
                )
                # the dates the QDA program gave the passage, when the codings were imported
                sel_date, code_dates = dated.get(seg.id, (None, {}))
                description: str | None = None
                if person is None and sug.code_id in lost.get(seg.id, ()):
                    description = unknown_suggestion_description(code.name)
                elif person is None:  # a person's codings are not suggestions
                    description = suggestion_description(
                        code.name, sug.probability, _valence(sug.valence)
                    )
                elif sug.code_id in given_none.get(seg.id, ()):
                    pass  # given none: no description, read back as given none (s71 study)
                elif seg.id in from_model or valence_given(seg.id, sug):  # back on import
                    description = valence_description(
                        sug.valence, sug.valence_probability, model=seg.id in from_model
                    )
                program_sel = guids_of.selections.get(code.id) if guids_of else None
                key = normalise_guid(program_sel) if program_sel else None
                sel = None
                if person is not None:  # a code roqa added joins the passage's first selection
                    sel = passage.get((description, key))
                    if sel is None and key is None:
                        sel = first.get(description)
                if sel is None:  # its GUID is its first code's, as when each code had one
                    sel = ET.Element(
                        "PlainTextSelection",
                        {
                            "guid": keep(program_sel, sel_guid),
                            "name": xml_text(f"line:{text.count(chr(10), 0, start)} {seg.id}"),
                            "startPosition": str(to_program(start)),
                            "endPosition": str(to_program(end)),
                            "creatingUser": user_guid,
                            "creationDateTime": sel_date or now,
                        },
                    )
                    if description is not None:
                        ET.SubElement(sel, "Description").text = xml_text(description)
                    if person is None or description not in first:
                        heads.append(sel)
                    if person is not None:
                        passage[(description, key)] = sel
                        first.setdefault(description, sel)
                    made.append(sel)
                coding = ET.SubElement(
                    sel,
                    "Coding",
                    {
                        "guid": keep(
                            guids_of.codings.get(code.id) if guids_of else None,
                            stable_guid("coding", sel_guid),
                        ),
                        "creatingUser": user_guid,
                        "creationDateTime": code_dates.get(sug.code_id) or sel_date or now,
                    },
                )
                ET.SubElement(coding, "CodeRef", {"targetGUID": written_guid(codebook, code)})
                summary.codings += 1
            if seg.id in decided_passages:
                decided_passages[seg.id] += [str(sel.get("guid")) for sel in made]
            # a note or comment goes back on the program's selection that had it, when that
            # goes back; else on the passage's selection that would hold the code were there
            # none of the program's GUIDs (its first): not again on each selection the program
            # gave a code of the passage (a281c872 wrote it on all, s91 hunt2)
            had = guids_of.note_selections if guids_of is not None else {}
            by_guid = {normalise_guid(sel.get("guid")): sel for sel in made}
            had_it = {
                t: [by_guid[g] for g in map(normalise_guid, had.get(t, ())) if g in by_guid]
                for t in on_passage
            }
            goes_on = {  # selection -> the notes and comments it carries
                id(sel): [
                    t for t in on_passage if (sel in had_it[t] if had_it[t] else sel in heads)
                ]
                for sel in made
            }
            for sel in made:  # the comments the program gave it, in its description
                said = [c for c in goes_on[id(sel)] if c in comments]
                if said:
                    said_el = sel.find("Description")
                    if said_el is None:
                        said_el = ET.Element("Description")
                        sel.insert(0, said_el)  # before its codings, as the schema orders
                    said_el.text = "\n".join(
                        [*([said_el.text] if said_el.text else []), *map(xml_text, said)]
                    )
            for sel in made:  # after its codings, as the schema orders them
                for text_of_note in goes_on[id(sel)]:
                    if text_of_note in comments:
                        commented.add(seg.id)  # in the selection's description
                        continue
                    note_guid = stable_guid("note", user_key, seg.id, text_of_note)
                    known = guids_of.notes.get(text_of_note) if guids_of is not None else None
                    # the note the program gave that GUID, once; again on each of its passages
                    prior = written_notes.get(known.guid) if known is not None else None
                    if known is not None and (
                        prior[1] == text_of_note
                        if prior is not None
                        else normalise_guid(known.guid) not in taken
                    ):
                        note_guid = known.guid
                        taken.add(normalise_guid(note_guid))
                    else:
                        known = None
                    written_notes.setdefault(note_guid, (seg.id, text_of_note, known))
                    ET.SubElement(sel, "NoteRef", {"targetGUID": note_guid})
                selections.append((start, end, sel))
                spans = suggested.setdefault(guid, [])
                if person is None and (not spans or spans[-1][0] != seg.id):
                    spans.append([seg.id, start, end])
        selections.sort(key=lambda x: (x[0], x[1]))  # stable: keeps each segment's rank order
        for _, _, sel in selections:
            src.append(sel)
        if interviewers[t.id]:
            add_value(src, interviewers[t.id], guesses[t.id])
        summary.sources += 1
        summary.selections += len(selections)
        if not selections:
            summary.uncoded.append(t.id)
    if not len(sources_el):
        root.remove(sources_el)
    if written_notes:
        notes_el = ET.SubElement(root, "Notes")
        for note_guid, (segment_id, text_of_note, known) in written_notes.items():
            note = ET.SubElement(
                notes_el,
                "Note",
                {
                    "guid": note_guid,
                    "name": xml_text((known and known.name) or f"Note on {segment_id}"),
                    "creatingUser": user_guid,
                    "creationDateTime": (known and known.created) or now,
                },
            )
            ET.SubElement(note, "PlainTextContent").text = xml_text(text_of_note)
    summary.notes = len(written_notes)
    described = (
        review_description(
            meta, person, decided_no_code, decided_spans, decided_passages, user_guid
        )
        if person is not None
        else None
    )
    recorded = codebook_record(codebook)
    if recorded is not None:  # the own codebook's ids and mapping, back on import
        described = recorded if described is None else f"{described}\n{recorded}"
    charted = chart_record(meta, codebook)
    if charted is not None:  # run.json's chart_codebook, back on import
        described = charted if described is None else f"{described}\n{charted}"
    if in_utf16:  # read in UTF-16 units again on import, as roqa reads its own in code points
        units = UTF16_RECORD + json.dumps(in_utf16)
        described = units if described is None else f"{described}\n{units}"
    suggested = {g: spans for g, spans in suggested.items() if spans}
    if suggested:  # what a reviewer may delete some of: the import says what that does
        written = SUGGESTIONS_RECORD + json.dumps(suggested, ensure_ascii=False)
        described = written if described is None else f"{described}\n{written}"
    if described is not None:  # after the notes, as the schema orders the project's parts
        ET.SubElement(root, "Description").text = xml_text(described)
    attached = {sid for sid, _, _ in written_notes.values()} | commented
    summary.notes_left_out = sum(len(set(t)) for sid, t in notes.items() if sid not in attached)

    buf = io.BytesIO()
    stamp = datetime.now(timezone.utc).timetuple()[:6]
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in [("project.qde", serialise(root, PROJECT_NS)), *files]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue(), summary


def export_qdpx(
    result: CodingResult,
    codebook: Codebook | str | Path,
    path: str | Path,
    *,
    top_k: int | str | None = AUTO,
    min_probability: float = 0.0,
    colors: Mapping[str, str] | None = None,
    valence_codes: bool = True,
    own: Codebook | None = None,
) -> QdpxExport:
    """Write the suggestions of ``result`` as a REFI-QDA project to ``path`` (atomically).

    ``top_k`` suggestions per segment (``None`` = all; the default ``"auto"`` = a model's top
    one, or every code of a person's codings) are exported, each only if its probability is at
    least ``min_probability``, taken in order of probability. The transcripts come from
    ``result.transcripts``; every segment must match its transcript's text. ``colors`` maps code
    ids to ``#RRGGBB`` colours for the code tree (codes that carry a colour keep theirs anyway).
    With ``valence_codes`` (the default) the code tree ends with the valence group a reviewer
    gives a passage's valence with (see :func:`~.refiqda.add_valence_group`); nothing is coded
    with it. ``codebook`` is a :class:`~roqa_nlp.codebook.Codebook`, a built-in id
    (``"cfir-2009"``) or a codebook JSON file.

    Codes of the project's own that ``codebook`` lacks (a new code named in a review, kept as it
    is when the codings were translated into CFIR 2.0: :func:`~roqa_nlp.crosswalk.project_codes`)
    are written after its codes as codes of their own, taken from ``own`` (the codings' project
    codebook; default ``result.codebook``) or named after their suggestion, with a
    :class:`~roqa_nlp.errors.RoqaWarning` naming them; the codebook written is then
    ``<id>+project``. Any other code ``codebook`` lacks is a one-line error.
    """
    if not isinstance(result, CodingResult):
        raise RoqaTypeError(
            f"export_qdpx() takes a CodingResult to write, not {a_type(result)}",
            hint="read one with CodingResult.read('coded/')",
        )
    out = given_path(path, "export_qdpx", "the .qdpx file to write", "'project.qdpx'")
    data, summary = qdpx_bytes(
        result,
        codebook if isinstance(codebook, Codebook) else Codebook.load(codebook),
        top_k=top_k,
        min_probability=min_probability,
        path=out,
        colors=colors,
        valence_codes=valence_codes,
        own=own,
    )
    atomic_write_bytes(out, data)
    return summary
