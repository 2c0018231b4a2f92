"""Training data: the labelled examples a model learns from, with their provenance.

``training_data/`` holds JSON Lines files. Every record has ``id``, ``text``, ``codes`` (code ids
or names; ``[]`` = fits no code), ``valence`` (barrier | enabler | neutral; a coded record without
one is not learnt by the valence head, one that fits no code is neutral), ``source``
(``seed-paper`` or ``team-written``) and ``provenance``. Off-framework records carry ``kind``:
``off-framework`` (small talk, career stories), ``off-framework-work`` (:data:`WORK_TALK`: talk
about the work that no code names, learnt as talk that fits no code but not as small talk) or
``procedural`` (greetings, consent, Zoom chatter). A record with
``"evidence": false`` is trained on but never shown as evidence for a suggestion (an interview
window carries its whole turn's codes, which the window itself may not show). Construct
descriptions come from the codebook itself and are added as one example per code.

Records are normalised to one schema and loaded through Hugging Face ``datasets`` so that
cross-validation can be grouped (by source and setting) without leaking near-duplicates.
"""

from __future__ import annotations

import functools
import json
import math
import numbers
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .codebook import Codebook, description_scope
from .errors import (
    RoqaError,
    RoqaFileNotFoundError,
    RoqaTypeError,
    RoqaValueError,
    a_type,
    first_few,
    quoted,
)
from .io import sha256_bytes
from .record_files import (
    code_names,
    dataframe_records,
    is_record_file,
    is_spreadsheet,
    item_name,
    read_records,
)
from .schema import VALENCES, normalise_valence

if TYPE_CHECKING:
    import datasets

    from .result import CodingResult

#: the code cells (case aside) that mean "fits no code": in labelled records, and in the long
#: tables roqa agree reads (:func:`roqa_nlp.coding_agreement.read_long_csv`), coded with nothing
NONE_LABELS = {"none", "", "no code", "off-framework"}
#: the kind of a record the valence head alone learns: a segment the researcher gave a valence
#: and no code (:mod:`roqa_nlp.decisions`); the code classifier and novelty detector skip it
VALENCE_ONLY = "valence-only"
#: the kind of a record of talk about the work that fits no code (a service user's life story,
#: the commute, the interview itself): learnt in the class of segments a researcher found to fit
#: no code (REJECTED), so it counts as fitting no code without being set aside as small talk
WORK_TALK = "off-framework-work"


@dataclass
class TrainingSet:
    """Normalised training records (parallel lists) ready for fitting and grouped splitting."""

    ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    codes: list[list[str]] = field(default_factory=list)  # code ids; [] = fits no code
    valences: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # for grouped cross-validation
    # coded | off-framework | off-framework-work | procedural | description | rejected |
    # valence-only (the last two from a researcher's decisions)
    kinds: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    hash: str = ""
    #: ids of the records never shown as evidence for a suggestion (``"evidence": false``:
    #: trained on, but their text does not itself show their codes, e.g. an interview window
    #: that carries its whole turn's codes)
    not_evidence: set[str] = field(default_factory=set)
    #: what reading the records warned of (the CFIR 2009 records trained in CFIR 2.0), kept in
    #: a model card's ``training_data.warnings`` with what training warns of
    said: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        coded = sum(1 for c in self.codes if c)
        short = f", hash {self.hash[:12]}" if self.hash else ""
        return (
            f"TrainingSet({len(self.texts)} records: {coded} coded, "
            f"{len(self.texts) - coded} fitting no code{short})"
        )

    def __len__(self) -> int:
        return len(self.texts)

    def code_rows(self) -> list[int]:
        """The records the code classifier (and novelty detector) learn: all but the
        valence-only ones."""
        return [i for i, k in enumerate(self.kinds) if k != VALENCE_ONLY]

    def valence_rows(self) -> list[int]:
        """The records the valence head learns, in order: the coded ones (construct
        descriptions included) with a valence, and the valence-only ones. Off-framework and
        procedural records are not among them, nor a researcher's segments whose every
        suggestion was rejected: their valence is a default or the model's guess, not a
        judgement; a valence the researcher set on a segment without a code is a valence-only
        record."""
        return [
            i
            for i, (c, v, k) in enumerate(zip(self.codes, self.valences, self.kinds))
            if v in VALENCES and (c or k == VALENCE_ONLY)
        ]

    def subset(self, idx: Iterable[int]) -> TrainingSet:
        idx = list(idx)
        return TrainingSet(
            ids=[self.ids[i] for i in idx],
            texts=[self.texts[i] for i in idx],
            codes=[self.codes[i] for i in idx],
            valences=[self.valences[i] for i in idx],
            groups=[self.groups[i] for i in idx],
            kinds=[self.kinds[i] for i in idx],
            sources=[self.sources[i] for i in idx],
            contexts=[self.contexts[i] for i in idx],
            hash=self.hash,
            not_evidence={self.ids[i] for i in idx} & self.not_evidence,
            said=list(self.said),
        )

    def extend(self, other: TrainingSet) -> TrainingSet:
        out = self.subset(range(len(self)))
        for name in ("ids", "texts", "codes", "valences", "groups", "kinds", "sources", "contexts"):
            getattr(out, name).extend(getattr(other, name))
        out.not_evidence |= other.not_evidence
        out.said += [m for m in other.said if m not in out.said]
        out.hash = sha256_bytes((self.hash + other.hash).encode())
        return out

    def to_dataset(self) -> datasets.Dataset:
        """The records as a Hugging Face ``datasets.Dataset``."""
        import datasets

        return datasets.Dataset.from_dict(
            {
                "id": self.ids,
                "text": self.texts,
                "codes": self.codes,
                "valence": self.valences,
                "group": self.groups,
                "kind": self.kinds,
                "source": self.sources,
                "context": self.contexts,
                "evidence": [i not in self.not_evidence for i in self.ids],
            }
        )

    @classmethod
    def from_dataset(cls, ds: datasets.Dataset, *, hash: str = "") -> TrainingSet:
        cols = ds.to_dict()
        return cls(
            ids=list(cols["id"]),
            texts=list(cols["text"]),
            codes=[list(c) for c in cols["codes"]],
            valences=list(cols["valence"]),
            groups=list(cols["group"]),
            kinds=list(cols["kind"]),
            sources=list(cols["source"]),
            contexts=list(cols.get("context") or [""] * len(cols["id"])),
            hash=hash,
            not_evidence={
                i for i, shown in zip(cols["id"], cols.get("evidence") or []) if shown is False
            },
        )


#: Record kinds that carry no code by definition, so need no ``codes`` key.
NOT_CODED_KINDS = ("off-framework", WORK_TALK, "procedural")


def _raw_codes(record: dict[str, Any], codebook: Codebook | None = None) -> tuple[str, Any]:
    """The key a record's codes are under and what it holds, a string split into its names (a
    string that is a code of ``codebook`` as a whole, its name holding ";", is that code)."""
    # a table or a Dataset gives every record both keys, the one it lacks as None
    key = "codes" if record.get("codes") is not None or "construct" not in record else "construct"
    raw = record.get(key)
    if raw is None and record.get("kind") in NOT_CODED_KINDS:
        raw = []  # talk marked by its kind (procedural, off-framework): no code by definition
    if isinstance(raw, str):  # one code, or several separated by ";" as in a spreadsheet cell
        whole = raw.strip()
        raw = [whole] if codebook is not None and whole in codebook else code_names(raw) or None
    return key, raw


def code_labels(data: Any) -> list[str]:
    """The code names or ids labelled records (a file, list of dicts, ``datasets.Dataset`` or
    DataFrame) give, each once, in order, NONE left out: what tells which codebook they are of.
    A record whose codes are no names is passed over: loading the records names it."""
    if isinstance(data, (str, Path)):
        records = [r for _, r in read_records(data)]
    else:
        records = _records_of(data, "labelled records") or []
    labels: dict[str, None] = {}
    for record in records:
        raw = _raw_codes(record)[1]
        for name in raw if isinstance(raw, list) else []:
            if isinstance(name, str) and name.strip().lower() not in NONE_LABELS:
                labels[name] = None
    return list(labels)


def _codes_of(
    record: dict[str, Any], codebook: Codebook, where: Path, line: int, item: str = "line"
) -> list[str]:
    key, raw = _raw_codes(record, codebook)
    if raw is None:
        said = "no code" if key not in record else f'an empty "{key}"'
        raise RoqaValueError(
            f"{item} {line} has {said}",
            path=where,
            hint='give "construct" (or "codes"): a code\'s name or id, several separated by '
            '";" or a list of them, or "NONE" for talk that fits no code; a record not coded '
            "yet is never learned as off-framework talk",
        )
    if not isinstance(raw, list) or not all(isinstance(name, str) for name in raw):
        found = json.dumps(raw, ensure_ascii=False)
        raise RoqaValueError(
            f"{item} {line}: the code is {quoted(found)}, not a code's name or id",
            path=where,
            hint='give "construct" (or "codes") as a name or id in quotes, or a list of them, '
            'or "NONE"',
        )
    given = [n.strip() for n in raw if n.strip()]
    none = [n for n in given if n.lower() in NONE_LABELS]
    if none and len(none) < len(given):  # "NONE; Cost": fits no code, or Cost?
        both = quoted("; ".join(given))
        raise RoqaValueError(
            f"{item} {line} gives {none[0]} (fits no code) with codes: {both}",
            path=where,
            hint=f"give {none[0]} alone for talk that fits no code, or the codes without it",
        )
    out: list[str] = []
    for name in (n for n in raw if n.strip().lower() not in NONE_LABELS):  # ["NONE"] is []
        place = f"{where}:{line}" if item == "line" else f"{where}, {item} {line}"
        code = codebook.resolve(str(name), where=place)
        if not code.codable:
            raise RoqaValueError(
                f"{item} {line}: code {code.name!r} is a domain and cannot be coded",
                path=where,
                hint="use one of its constructs",
            )
        if code.id not in out:
            out.append(code.id)
    return out


def _field(record: dict[str, Any], key: str) -> str:
    """A record's text field, stripped: a missing or null one (JSON ``null``, as pandas and
    ``datasets`` write a key a record lacks; a NaN is null, :func:`_nan_as_null`) is empty,
    never the word "None"."""
    value = record.get(key)
    return "" if value is None else str(value).strip()


def _missing(value: Any) -> bool:
    """Whether a record's ``value`` is no value: None, a NaN (pandas' blank cell, JSON's
    ``NaN``) or pandas' ``NA``/``NaT``."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, numbers.Real) and math.isnan(value)


def _nan_as_null(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with its NaN values (:func:`_missing`) as None, read as a JSON ``null``: a
    blank cell of ``df.to_dict("records")`` is no value, as in the DataFrame itself, never the
    word "nan" (api tester, session 58: a NaN text was scored and trained on as "nan")."""
    return {k: None if _missing(v) else v for k, v in record.items()}


def _text_not_a_str(value: Any, where: Path, item: str, line: int) -> RoqaError:
    """The error of a record whose text is ``value``, not a str: a number, list or mapping read
    as its str would be trained on, scored and shown as evidence (api testers, sessions 58 and
    60: ``{"text": 5}`` was learnt as the words "5"). Given in Python (``record N``) it is a
    TypeError, as docs/python.md says; on a line of a file, a mistake in the file (a
    ValueError). A spreadsheet's or DataFrame's cell is words (a number cell too), never this."""
    hint = "give every record's text as words in quotes"
    if item != "record":
        return RoqaValueError(
            f"{item} {line}: the text is {a_type(value)}, not a str", path=where, hint=hint
        )
    if isinstance(value, numbers.Number) and not isinstance(value, bool):  # df.to_dict("records")
        hint += ", or the DataFrame itself, which reads a number cell as words"
    return RoqaTypeError(
        f"{item} {line}: the text is {a_type(value)}, not a str", path=where, hint=hint
    )


def _group_of(record: dict[str, Any], source: str, line: int) -> str:
    """Cross-validation group: the source and setting, so a setting never helps classify itself.

    Records without a setting (off-framework talk) are spread over ten groups by line number, so
    that every fold still sees examples of talk that fits no code.
    """
    if source == "seed-paper":
        return "seed-paper"
    setting = str(record.get("setting") or "").strip().lower()
    if not setting:
        return f"{source}:{record.get('kind') or 'general'}:{line % 10}"
    return f"{source}:{setting}"


def normalise_records(
    records: Sequence[dict[str, Any]],
    codebook: Codebook,
    where: Path,
    *,
    missing_valence: str = "neutral",
    item: str = "line",
    numbers: Sequence[int] | None = None,
) -> TrainingSet:
    """Records as a :class:`TrainingSet`; a record without a valence gets ``missing_valence``
    (training: neutral; evaluation: ``""``, not stated, so it is not scored), except that a
    coded one without a valence never gets neutral: it has ``""`` (not stated), so that it
    trains its codes but not the valence head nor the codes' valence mix (a researcher's own
    records with ``text`` and ``construct`` only were learnt as neutral, every segment then
    read as neutral; owncb tester, session 39). Errors name the
    record as ``item`` and its number (``line 3`` of a file, ``record 3`` of a list, ``row 3`` of
    a spreadsheet): ``numbers``, or its place in ``records`` from 1."""
    ts = TrainingSet()
    for line, given in zip(numbers or range(1, len(records) + 1), records, strict=True):
        r = _nan_as_null(given)
        raw_text = r.get("text")
        if raw_text is not None and not isinstance(raw_text, str):
            raise _text_not_a_str(raw_text, where, item, line)
        text = _field(r, "text")
        if not text:
            raise RoqaValueError(
                f"{item} {line} has no text", path=where, hint="every record needs text"
            )
        codes = _codes_of(r, codebook, where, line, item)
        try:
            raw_valence = r.get("valence")
            valence = (
                normalise_valence(str(raw_valence))
                if str(raw_valence or "").strip()
                else ("" if codes else missing_valence)
            )
        except ValueError as e:
            raise RoqaValueError(f"{item} {line}: {e}", path=where) from None
        source = _field(r, "source") or "team-written"
        kind = str(r.get("kind") or ("coded" if codes else "off-framework"))
        ts.ids.append(_field(r, "id") or f"{where.stem}-{line}")
        if r.get("evidence", True) is False:
            ts.not_evidence.add(ts.ids[-1])
        ts.texts.append(text)
        ts.codes.append(codes)
        ts.valences.append(valence)
        ts.groups.append(_group_of(r, source, line))
        ts.kinds.append(kind)
        ts.sources.append(source)
        ts.contexts.append(_field(r, "context"))
    return ts


def describe_for_training(name: str, description: str) -> str:
    """The name and description of a code, without its "Not ..." contrast sentences.

    Those sentences name neighbouring constructs ("Not the cost of the innovation (Cost)") and
    would pull the example's embedding towards the codes it is meant to exclude.
    """
    return f"{name}. {description_scope(description)}".strip()


def description_examples(codebook: Codebook) -> TrainingSet:
    """One example per codable code: its name and own-words description."""
    ts = TrainingSet()
    for c in codebook.codable:
        ts.ids.append(f"desc-{c.id}")
        ts.texts.append(describe_for_training(c.name, c.description))
        ts.codes.append([c.id])
        ts.valences.append("neutral")
        ts.groups.append("descriptions")
        ts.kinds.append("description")
        ts.sources.append("codebook")
        ts.contexts.append("")
    return ts


@functools.cache
def trained_from() -> dict[str, str]:
    """A built-in codebook -> the built-in codebook whose records train in it as their
    counterparts (session 77: the team's CFIR 2009 records trained with ``--codebook
    cfir-2022``): each built-in codebook the default one, that of the team's records, maps onto
    in its packaged mapping data (``cfir-2009.json``'s ``mapping``), read from there, not written
    here again. The only translation training makes: the seed themes (erondu-2021), whose own
    mapping is onto CFIR 2009, stay an unknown code there, a researcher's own codes named as the
    themes' aliases (Stigma, Poverty) being no CFIR 2009 records (hunt s77 F2)."""
    from .codebook import builtin_codebook
    from .codebooks import BUILTIN, DEFAULT_CODEBOOK

    book = builtin_codebook(DEFAULT_CODEBOOK)
    return {other: book.id for other in book.mapping if other in BUILTIN}


def builtin_base(codebook: Codebook) -> str:
    """The id of the built-in codebook ``codebook`` is or extends (``cfir-2022`` for the
    ``cfir-2022+project`` codebook of a review's new codes), else its own id."""
    from .crosswalk import PROJECT_SUFFIX

    return codebook.id.removesuffix(PROJECT_SUFFIX) if codebook.extends_builtin else codebook.id


def own_sub_folder(path: str | Path, codebook: Codebook | None) -> Path | None:
    """The sub-folder of training folder ``path`` read with its files when training in
    ``codebook``: the one named as a codebook other records train in translated
    (:func:`trained_from`: ``training_data/cfir-2022/``, records of CFIR 2.0's codes that no CFIR
    2009 code maps onto), the built-in one a project codebook extends included; None for any
    other codebook (CFIR 2009, the default, a researcher's own) or a folder holding a model
    (``roqa train DATA --out DATA/cfir-2022``: its evidence is no training data)."""
    if codebook is None or not codebook.extends_builtin:
        return None
    base = builtin_base(codebook)
    own = Path(path) / base
    if base not in trained_from() or not own.is_dir() or (own / "model_card.json").exists():
        return None
    return own


def _record_files(folder: Path) -> list[Path]:
    return sorted(
        f for f in folder.iterdir() if is_record_file(f) and not f.name.startswith((".", "~$"))
    )


def training_files(path: str | Path, codebook: Codebook | None = None) -> list[Path]:
    """The record files of a training folder (``.jsonl``, ``.csv``, ``.tsv``, ``.xlsx``; see
    :mod:`roqa_nlp.record_files`), or the one file given. With ``codebook``, a folder's files
    are followed by those of its :func:`own_sub_folder`, if any."""
    p = Path(path)
    if p.is_dir():
        files = _record_files(p)
        own = own_sub_folder(p, codebook)
        if own is not None:
            files += _record_files(own)
        if not files:
            raise RoqaError(
                "no training files (.jsonl, .csv, .tsv, .xlsx) found",
                path=p,
                hint="see training_data/",
            )
        return files
    if not p.exists():
        from .io import missing_path_hint

        raise RoqaFileNotFoundError(
            "training data not found",
            path=p,
            hint=missing_path_hint(p, _where_the_training_data_is()),
        )
    return [p]


def _where_the_training_data_is() -> str:
    """Where the team's training data are: the clone's ``training_data/`` (``pip install``
    does not install it), named when this package runs from a clone."""
    from .autocoder import default_training_dir

    try:
        where = f"the clone's training_data/ folder, {default_training_dir()},"
    except RoqaError:
        where = "the training_data/ folder of a clone of roqa_nlp,"
    return (
        f"the team's training data is {where} which is not installed with the package: "
        "give that folder, a folder of your own or a .jsonl file"
    )


def read_record_file(
    path: Path,
    codebook: Codebook,
    *,
    missing_valence: str = "neutral",
    numbered: list[tuple[int, dict[str, Any]]] | None = None,
    renumber: bool = True,
) -> TrainingSet:
    """The records of one ``.jsonl`` or spreadsheet file (:func:`~roqa_nlp.record_files.
    read_records`, or ``numbered`` when the caller has read them) as a :class:`TrainingSet`,
    errors naming their line or row: ``numbered``'s numbers as they are when not ``renumber``
    (:func:`record_numbers`' already, records left out between them)."""
    if numbered is None:
        numbered = read_records(path)
    if renumber:
        numbered = record_numbers(path, numbered)
    return normalise_records(
        [r for _, r in numbered],
        codebook,
        path,
        missing_valence=missing_valence,
        item=item_name(path),
        numbers=[n for n, _ in numbered],
    )


def record_numbers(
    path: Path, numbered: list[tuple[int, dict[str, Any]]]
) -> list[tuple[int, dict[str, Any]]]:
    """``numbered`` (:func:`~roqa_nlp.record_files.read_records`) with the numbers errors name:
    a spreadsheet's rows; a JSON Lines file's records from 1, blank lines aside, as it always
    has."""
    if is_spreadsheet(path):
        return numbered
    return [(i, r) for i, (_, r) in enumerate(numbered, 1)]


def _names(record: dict[str, Any]) -> list[str]:
    """The code names a record gives, NONE left out ([] when they are no names: reading the
    record names that)."""
    raw = _raw_codes(_nan_as_null(record))[1]
    names = [n.strip() for n in raw if isinstance(n, str)] if isinstance(raw, list) else []
    return [n for n in names if n and n.lower() not in NONE_LABELS]


def _in_codebook(
    numbered: list[tuple[int, dict[str, Any]]],
    codebook: Codebook,
    where: Path,
    translated: dict[str, list[int]],
    read_as: dict[str, str] | None = None,
) -> list[tuple[int, dict[str, Any]]]:
    """A training file's records, coded in ``codebook``: as they are when it knows their codes;
    when ``codebook`` is (or extends) one that records of another built-in codebook train in
    (:func:`trained_from`: the team's CFIR 2009 records trained with ``--codebook cfir-2022``)
    and some codes are that codebook's alone, each record's codes as all their counterparts
    (:func:`~roqa_nlp.crosswalk.trained_counterparts`), a record whose codes have none left out
    (not learnt as talk that fits no code), counted in ``translated`` (the source codebook's id
    -> [records translated, records left out]); else as they are, for the unknown code to be
    named when they are read. In a file translated so, a record with a code of ``codebook`` only
    is an error naming both records' lines (one file, one codebook), and an unknown code is
    named as the source codebook's, with its "did you mean". ``read_as`` gets each label of both
    codebooks read so as another code than ``codebook``'s of that name (Staffing: CFIR 2009's
    Available Resources, CFIR 2.0's Work Infrastructure), said how (hunt s77 F6)."""
    labels = code_labels([r for _, r in numbered])
    if all(label in codebook for label in labels):
        return numbered
    from .codebook import builtin_codebook
    from .crosswalk import trained_counterparts

    origin = trained_from().get(builtin_base(codebook)) if codebook.extends_builtin else None
    source = builtin_codebook(origin) if origin is not None else None
    theirs = [label for label in labels if source is not None and label not in codebook]
    first_theirs = (
        next((n for n, r in numbered if any(x in theirs and x in source for x in _names(r))), None)
        if source is not None
        else None
    )
    if source is None or first_theirs is None:
        return numbered
    item = item_name(where)
    for label in labels:
        theirs_code, ours_code = source.find(label), codebook.find(label)
        if theirs_code is None or ours_code is None or read_as is None:
            continue
        as_theirs = trained_counterparts([theirs_code.id], source, codebook)
        if theirs_code.codable and ours_code.codable and ours_code.id not in as_theirs:
            read_as[label] = (
                f"{label!r} is read as {source.id}'s {theirs_code.id} {theirs_code.name} "
                f"(trained as {', '.join(as_theirs) or 'none'}), not as "
                f"{builtin_base(codebook)}'s {ours_code.id} {ours_code.name}"
            )
    out: list[tuple[int, dict[str, Any]]] = []
    dropped = kept = 0
    for n, r in numbered:
        ours = [x for x in _names(r) if x not in source and x in codebook]
        if ours:  # a CFIR 2.0 code in a file of CFIR 2009 codes
            raise RoqaValueError(
                f"{item} {n}: {ours[0]!r} is a code of {codebook.id} but {item} {first_theirs} "
                f"is coded in {source.id}: a file's records are coded in one codebook",
                path=where,
                hint=f"code every record of the file in {source.id} (trained as its "
                f"{builtin_base(codebook)} counterparts) or every one in {builtin_base(codebook)}, "
                f"or put the {builtin_base(codebook)} records in a file of their own",
            )
        given = _codes_of(_nan_as_null(r), source, where, n, item)
        if not given:
            out.append((n, r))
            continue
        codes = trained_counterparts(given, source, codebook)
        if not codes:
            dropped += 1
            continue
        recoded = {k: v for k, v in r.items() if k != "construct"}
        recoded["codes"] = codes
        out.append((n, recoded))
        kept += 1
    counts = translated.setdefault(source.id, [0, 0])
    counts[0] += kept
    counts[1] += dropped
    return out


def _translation_said(
    translated: dict[str, list[int]], codebook: Codebook, where: Path, read_as: dict[str, str]
) -> list[str]:
    """Warn once of the records :func:`_in_codebook` translated into ``codebook``; what was said,
    for the model card (without the path: a card names no folder of the researcher's)."""
    from .errors import warn

    said = []
    base = builtin_base(codebook)
    for origin, (kept, dropped) in translated.items():
        left_out = f"; {dropped} left out: no counterpart in {base}" if dropped else ""
        message = (
            f"{kept + dropped} records are coded in {origin}: trained as their {base} "
            f"counterparts through the documented mapping, each code as every one of its "
            f"counterparts{left_out}"
        )
        warn(message, path=where)
        said.append(message)
    if read_as:
        message = (
            f"in files of {', '.join(translated)} codes, {'; '.join(read_as.values())}, as a "
            f"file of {base} codes reads it: give the id of the code you mean"
        )
        warn(message, path=where)
        said.append(message)
    return said


def load_training_set(
    path: str | Path, codebook: Codebook, *, descriptions: bool = True
) -> TrainingSet:
    """All training records under ``path`` (a directory of .jsonl files or one file).

    The returned set's ``hash`` is the SHA-256 of the files' names and bytes, recorded in the model
    card so a model can be traced to the exact data it learned from.
    """
    files = training_files(path, codebook)
    digest_parts: list[str] = []
    combined = TrainingSet()
    translated: dict[str, list[int]] = {}
    read_as: dict[str, str] = {}
    for f in files:
        # numbered before records are left out, so that errors and default ids keep them
        numbered = _in_codebook(
            record_numbers(f, read_records(f)), codebook, f, translated, read_as
        )
        records = read_record_file(f, codebook, numbered=numbered, renumber=False)
        if not records:  # descriptions alone are one cross-validation group: fitting fails
            raise RoqaValueError(
                "holds no training records", path=f, hint="one record a line or row"
            )
        digest_parts.append(_file_digest(f, path))
        combined = combined.extend(records)
    said = _translation_said(translated, codebook, Path(path), read_as)
    if descriptions:
        combined = combined.extend(description_examples(codebook))
    ds = combined.to_dataset()
    out = TrainingSet.from_dataset(ds)
    out.hash = _training_hash(digest_parts, codebook, descriptions)
    out.said = said
    return out


def training_data_hash(data: Any, codebook: Codebook, *, descriptions: bool = True) -> str:
    """The ``hash`` :func:`as_training_set` gives the training data ``data`` (a path, or
    records: a list of dicts, a ``datasets.Dataset`` or a DataFrame) read with ``codebook``:
    of a path, from the files' names and bytes without reading their records."""
    if not isinstance(data, (str, Path)):
        records = _records_of(data, "training records")
        if records is None:
            raise _wrong_type(data, "training data")
        return _records_training_hash(records, codebook, descriptions)
    parts = [_file_digest(f, data) for f in training_files(data, codebook)]
    return _training_hash(parts, codebook, descriptions)


def _file_digest(f: Path, given: str | Path) -> str:
    """A training file's part of the data's hash: its name and bytes' SHA-256, the name of a
    file of the codebook's sub-folder with the folder's (the top folder's names hash as they
    always have)."""
    below = Path(given).is_dir() and f.parent != Path(given)
    name = f"{f.parent.name}/{f.name}" if below else f.name
    return name + ":" + sha256_bytes(f.read_bytes())


def _records_training_hash(
    records: list[dict[str, Any]], codebook: Codebook, descriptions: bool
) -> str:
    return sha256_bytes(
        json.dumps([_records_hash(records), f"descriptions={descriptions}", codebook.hash]).encode()
    )


def _training_hash(digest_parts: list[str], codebook: Codebook, descriptions: bool) -> str:
    return sha256_bytes(
        json.dumps([*digest_parts, f"descriptions={descriptions}", codebook.hash]).encode()
    )


def load_labelled(
    path: str | Path,
    codebook: Codebook,
    *,
    numbered: list[tuple[int, dict[str, Any]]] | None = None,
) -> TrainingSet:
    """An evaluation file: records with ``text`` and ``construct`` (name or id; ``NONE`` = none)
    and optionally ``valence``; a record without one has valence ``""`` (not stated).
    ``numbered``: its records, when the caller has read them (:func:`read_record_file`)."""
    p = Path(path)
    ts = read_record_file(p, codebook, missing_valence="", numbered=numbered)
    ts.hash = sha256_bytes(p.read_bytes())
    return ts


#: What :func:`as_training_set` accepts, for its error.
ACCEPTED = (
    "give a .jsonl file or folder, a list of dicts such as "
    '[{"text": "We had no budget.", "codes": ["Available Resources"]}], a datasets.Dataset, '
    "a pandas DataFrame or a TrainingSet"
)


def _is_dataset(data: Any) -> bool:
    """Whether ``data`` is a Hugging Face ``datasets.Dataset`` (checked without importing it)."""
    return type(data).__module__.split(".")[0] == "datasets" and hasattr(data, "to_list")


def is_dataframe(data: Any) -> bool:
    """Whether ``data`` is a pandas ``DataFrame`` (checked without importing pandas)."""
    return type(data).__module__.split(".")[0] == "pandas" and hasattr(data, "itertuples")


def _records_of(data: Any, what: str) -> list[dict[str, Any]] | None:
    """The records of a list/tuple of dicts, a ``datasets.Dataset`` or a pandas ``DataFrame``
    (:func:`~roqa_nlp.record_files.dataframe_records`), or None for other data."""
    if _is_dataset(data):
        records = data.to_list()
    elif is_dataframe(data):
        return dataframe_records(data, what)
    elif isinstance(data, (list, tuple)):
        records = list(data)
    else:
        return None
    for n, r in enumerate(records, 1):
        if not isinstance(r, dict):
            raise RoqaTypeError(
                f"record {n} is of type {type(r).__name__}, not a dict", path=what, hint=ACCEPTED
            )
    return [_nan_as_null(r) for r in records]


def _wrong_type(data: Any, what: str) -> RoqaError:
    return RoqaTypeError(f"{what} of type {type(data).__name__} is not supported", hint=ACCEPTED)


def as_training_set(data: Any, codebook: Codebook, *, descriptions: bool = True) -> TrainingSet:
    """Training data given as a path (:func:`load_training_set`), a list of dicts or a
    ``datasets.Dataset`` (records as in a training file, checked the same way, errors naming
    ``record N``), or a :class:`TrainingSet` (used as it is). For records, the construct
    descriptions are added as for a file, and ``hash`` is the SHA-256 of the records."""
    if isinstance(data, TrainingSet):
        return data
    if isinstance(data, (str, Path)):
        return load_training_set(data, codebook, descriptions=descriptions)
    where = "training records"
    records = _records_of(data, where)
    if records is None:
        raise _wrong_type(data, "training data")
    if not records:
        kind = "list" if isinstance(data, list) else type(data).__name__
        raise RoqaValueError(f"no training records given: the {kind} is empty", hint=ACCEPTED)
    ts = normalise_records(records, codebook, Path(where), item="record")
    if descriptions:
        ts = ts.extend(description_examples(codebook))
    ts.hash = _records_training_hash(records, codebook, descriptions)
    return ts


def _records_hash(records: list[dict[str, Any]]) -> str:
    return sha256_bytes(
        json.dumps(records, sort_keys=True, ensure_ascii=False, default=str).encode()
    )


def as_labelled_set(data: Any, codebook: Codebook) -> TrainingSet:
    """Labelled records for evaluation given as a path
    (:func:`~roqa_nlp.evaluation.load_evaluation_set`), a list of dicts or a
    ``datasets.Dataset`` (``text`` and ``construct``, checked as a file is: every record must
    state its construct), or a :class:`TrainingSet` (used as it is)."""
    from .evaluation import check_gold, load_evaluation_set

    if isinstance(data, TrainingSet):
        return data
    if isinstance(data, (str, Path)):
        return load_evaluation_set(data, codebook)
    where = "labelled records"
    records = _records_of(data, where)
    if records is None:  # named as suggest() and AutoCoder.load() name theirs (api s91)
        raise RoqaTypeError(f"evaluate() takes labelled data, not {a_type(data)}", hint=ACCEPTED)
    check_gold(
        list(enumerate(records, 1)),
        where,
        item="record",
        coding_result="AutoCoder.code output",
    )
    ts = normalise_records(records, codebook, Path(where), missing_valence="", item="record")
    ts.hash = _records_hash(records)
    return ts


#: Barrier records, and enabler records, a training set needs for the valence head to read each:
#: with fewer of either ``roqa train`` warns. The head is a three-way logistic regression on
#: 384-dimensional sentence embeddings, regularised hard (``valence_C`` 0.5) because tone is a
#: small part of an embedding that is mostly topic, and its word model is fitted only when every
#: valence has records; a score of examples per side is the least such a model can separate from
#: topic (the team's data has hundreds of each), chosen, not measured.
MIN_VALENCE_RECORDS = 20
#: Training records a code needs (its description aside) for the model to suggest it for other
#: talk: with fewer ``roqa train`` warns. As for a review's new code
#: (:data:`~roqa_nlp.decisions.NEW_CODE_SEGMENTS`): a code on one or two segments is learnt from
#: them alone, so suggested mostly for close paraphrases of them (docs/report.md, "New codes").
MIN_CODE_RECORDS = 3


def calibration_shortfall(ts: TrainingSet, params: Mapping[str, Any]) -> str | None:
    """What ``roqa train`` warns when the probabilities a model shows cannot be calibrated on
    real interview speech held out: fewer than
    :data:`~roqa_nlp.classifier.MIN_CALIBRATION_RECORDS` coded records of its
    ``calibration_group`` (``"seed-paper"``, records whose ``source`` is seed-paper: the seed
    paper's 22 quotes in training_data/), so the temperature is fitted on out-of-fold
    predictions of the written records themselves (:func:`~roqa_nlp.classifier.
    fit_held_out_temperature`), easier than real speech, and the figures run ahead of accuracy.
    Blind tester daily25, session 89: a model trained on a team codebook's 55 records had
    temperature 0.383 (the packaged 0.683), and its segments shown at 0.7 or more (mean 0.80)
    were right 6 of 13, ECE 0.196, with no word of it. None when calibrated so, or not at all.
    A review's decided segments (``roqa train --feedback``) are not of that group: the line
    names the group it counts and says they are not held out on their own (hunt50 L1, s89: it
    called a model given 30 decided segments one with "0 coded records of real interview
    speech").

    That temperature is the one of a text read alone (``roqa suggest``, a segment without the
    interviewer's question). A segment read with its question, as ``roqa code`` reads nearly
    all of them, is shown at ``question_temperature`` instead, fitted for the packaged model,
    which no record of the model's changes: the line says so when it applies (eceprobe, s90:
    daily25's model given 24 records of the group showed its 72 segments at the same
    probabilities, and D3's 6 right of 13 at 0.7 or more, ECE 0.196, were shown so)."""
    from .autocoder import DEFAULT_PARAMS
    from .classifier import MIN_CALIBRATION_RECORDS

    group = params.get("calibration_group", "seed-paper")
    if not params.get("calibrate", True) or not group:
        return None
    n = sum(
        1
        for c, g, k in zip(ts.codes, ts.groups, ts.kinds)
        if c and g == group and k != "description"
    )
    if n >= MIN_CALIBRATION_RECORDS:
        return None
    from .decisions import FEEDBACK_SOURCE

    # a review's decided segments (roqa train --feedback) are real speech of the study, but not
    # this group: one cross-validation group among the rest, counted once (not per weight copy)
    decided = len(
        {
            i
            for i, c, g, k in zip(ts.ids, ts.codes, ts.groups, ts.kinds)
            if c and g == FEEDBACK_SOURCE and k != "description"
        }
    )

    # the probabilities that temperature shows: a segment read with its question is shown at
    # question_temperature instead (AutoCoder._suggest_rows), when the word model is combined
    def param(key: str) -> Any:
        return params.get(key, DEFAULT_PARAMS[key])

    tq = float(param("question_temperature") or 0.0)
    asked = tq > 0 and bool(param("use_context")) and float(param("lexical_weight")) > 0
    shown = (
        "the probability shown of a text read alone (roqa suggest, a segment without the "
        "interviewer's question)"
        if asked
        else "the probability shown"
    )
    how = (
        "they are calibrated on the training records themselves, out of fold, which are "
        f"easier than interview talk, so {shown} will run ahead of how often the code is right"
        if not decided
        else "they are calibrated on out-of-fold predictions of all the training records, "
        "written ones easier than interview talk among them; the review's "
        f"{decided} decided segment{'' if decided == 1 else 's'} (group {FEEDBACK_SOURCE}) "
        f"count there but are not held out to calibrate on their own, so {shown} may still "
        "run ahead of how often the code is right"
    )
    if asked:
        how += (
            "; a segment read with its question, as roqa code reads most, is shown at "
            f"question_temperature {tq:g}, fitted for the packaged model, which these records "
            "do not change"
        )
    return (
        f"calibration: only {n} coded record{'' if n == 1 else 's'} of the calibration group "
        f"{group} (quoted from real interviews) can be held out to calibrate the probabilities "
        f"(fewer than {MIN_CALIBRATION_RECORDS}): {how}; give {MIN_CALIBRATION_RECORDS} or more "
        f'coded records quoted from real interviews with "source": "{group}" (docs/model.md)'
    )


def valence_shortfall(ts: TrainingSet) -> str | None:
    """What ``roqa train`` warns when ``ts`` has fewer than :data:`MIN_VALENCE_RECORDS` barrier
    or enabler records (the codes' descriptions, neutral, aside), else None. A coded record
    without a valence trains its codes and not the valence head, so with none carrying one the
    head learns nothing (every valence equally likely) and the codes' valence mix only their
    neutral descriptions: every segment is read neutral, "valence unsure"."""
    coded = [i for i, (c, k) in enumerate(zip(ts.codes, ts.kinds)) if c and k != "description"]
    judged = [ts.valences[i] for i in ts.valence_rows() if ts.kinds[i] != "description"]
    n_barrier, n_enabler = judged.count("barrier"), judged.count("enabler")
    if min(n_barrier, n_enabler) >= MIN_VALENCE_RECORDS:
        return None
    n_valence = sum(1 for i in coded if ts.valences[i] in VALENCES)
    if n_valence == 0:
        said = f"only {n_valence} of {len(coded)} coded records carry a valence"
    elif n_valence < len(coded):
        said = (
            f"only {n_valence} of {len(coded)} coded records carry a valence ({n_barrier} "
            f"barrier{'s' if n_barrier != 1 else ''}, {n_enabler} "
            f"enabler{'s' if n_enabler != 1 else ''})"
        )
    else:
        said = (
            f"only {n_barrier} of {len(coded)} coded records are barriers and {n_enabler} enablers"
        )
    if n_barrier == n_enabler == 0:
        return (
            f"valence: {said}: every segment will be read as neutral/unsure; add a valence "
            "column (barrier/enabler/neutral) to read barriers and enablers"
        )
    return (
        f"valence: {said}: barriers and enablers are read unreliably with fewer than "
        f"{MIN_VALENCE_RECORDS} records of each; add a valence (barrier/enabler/neutral) to "
        "more coded records"
    )


def codes_described_only(ts: TrainingSet) -> list[str]:
    """The codes ``ts`` teaches by their codebook description alone, with no record of talk, in
    the order of the records: the model learns them from no example, and never suggests them.
    A 3-record model of docs/codebooks.md's own TDF example made the one it had no record of
    the top code of 21 of 76 segments, at up to 0.70, where the docs said it was never
    suggested (docs tester, session 58)."""
    described: dict[str, None] = {}
    recorded: set[str] = set()
    for codes, kind in zip(ts.codes, ts.kinds):
        if kind == "description":
            described.update(dict.fromkeys(codes))
        else:
            recorded.update(codes)
    return [c for c in described if c not in recorded]


def codes_given_no_valence(ts: TrainingSet, codes: Iterable[str]) -> list[str]:
    """The codes of ``codes`` (in their order) that ``ts`` has records of talk for and no such
    record with a valence: a review's new code whose every segment was given none. Its
    description, read neutral, is no valence given; the model reads talk suggested it neutral
    (:func:`~roqa_nlp.valence_prior.with_codes_read_neutral`), as the review counts it."""
    recorded: set[str] = set()
    judged: set[str] = set()
    for cs, v, kind in zip(ts.codes, ts.valences, ts.kinds):
        if kind == "description":
            continue
        recorded.update(cs)
        if v in VALENCES:
            judged.update(cs)
    return [c for c in dict.fromkeys(codes) if c in recorded and c not in judged]


def require_coded_records(ts: TrainingSet, where: str | Path | None) -> None:
    """Refuse training data none of whose records (the codes' descriptions aside) has a code:
    the model would know every code from its description alone and never suggest one. Five
    such records or more crashed in the novelty detector's calibration (the descriptions, one
    cross-validation group, fell in a fold of their own), fewer trained that useless model with
    warnings (api tester, s67). ``where`` names the data (a path, ``training records``)."""
    # a set built without kinds (TrainingSet(texts, codes)) has records of no kind: each counts
    kinds = [*ts.kinds, *[""] * (len(ts.codes) - len(ts.kinds))]
    if not any(codes and kind != "description" for codes, kind in zip(ts.codes, kinds)):
        raise RoqaValueError(
            "no training record has a code, so the model would know every code from its "
            "description alone and never suggest one",
            path=where,
            hint="give records of talk with the codes they show, in `codes` or `construct`, "
            "besides those that fit no code",
        )


def codes_short_of_records(
    ts: TrainingSet, codebook: Codebook, *, besides: Collection[str] = ()
) -> str | None:
    """What ``roqa train`` warns when codable codes of ``codebook`` (but those ``besides``: a
    review's new codes, warned of by their decided segments) have fewer than
    :data:`MIN_CODE_RECORDS` training records, else None. A code's description is not counted
    (it is a definition, not talk; a code with it alone was never suggested: owncb tester,
    session 39), nor a record trained on more than once (a decided segment)."""
    texts: dict[str, set[str]] = {}
    for text, codes, kind in zip(ts.texts, ts.codes, ts.kinds):
        if kind != "description":
            for cid in codes:
                texts.setdefault(cid, set()).add(text)
    few = [
        (c, len(texts.get(c.id, ())))
        for c in codebook.codable
        if c.id not in besides and len(texts.get(c.id, ())) < MIN_CODE_RECORDS
    ]
    if not few:
        return None
    advice = f"the model learns too little to suggest {'it' if len(few) == 1 else 'them'}; " + (
        f"give each code {MIN_CODE_RECORDS} coded records or more"
    )
    # a code of no record is never suggested (codes_described_only), one of 1 or 2 is, rarely:
    # the line said both learn too little (regression hunt, session 58)
    if none := [c.id for c, n in few if n == 0]:
        if len(few) == 1:
            tail = "with no record, it is never suggested"
        elif len(none) == len(few):
            tail = "with no record, they are never suggested"
        else:
            tail = f"{first_few(none, 6)}, with no record, {'is' if len(none) == 1 else 'are'}"
            tail += " never suggested"
        advice = f"{advice}; {tail}"
    if len(few) == 1:
        code, n = few[0]
        return (
            f"code {code.id} {quoted(code.name)} has {n} training record{'s' if n != 1 else ''}, "
            f"its description aside: {advice}"
        )
    each = first_few([f"{c.id} {quoted(c.name)} on {n}" for c, n in few], 6)
    return (
        f"{len(few)} codes have fewer than {MIN_CODE_RECORDS} training records, their "
        f"descriptions aside ({each}): {advice}"
    )


#: hex digits kept of each text's SHA-256 in a model card's ``feedback.text_sha256``: 64 bits,
#: so a study's texts never collide by chance, and the card stays small (17 bytes a segment)
TEXT_HASH_DIGITS = 16


def text_hashes(texts: Iterable[str]) -> list[str]:
    """The sorted, distinct short SHA-256s (:data:`TEXT_HASH_DIGITS`) of ``texts``, spacing and
    line breaks aside (as decisions are matched to segments): what a model card keeps of the
    texts a model was given as feedback, to tell evaluation records it was trained on without
    keeping their words."""
    return sorted(
        {sha256_bytes(" ".join(t.split()).encode("utf-8"))[:TEXT_HASH_DIGITS] for t in texts}
    )


def n_trained_on(card: Mapping[str, Any], texts: Sequence[str]) -> int:
    """How many of ``texts`` are texts the model of ``card`` was given as feedback (its review
    decisions: ``card["feedback"]["text_sha256"]``, and the segments whose rejected codes it
    keeps, ``rejected_text_sha256``, recorded by :meth:`~roqa_nlp.autocoder.AutoCoder.update`),
    spacing aside; 0 for a model whose card keeps no such hashes (no feedback, or trained
    before session 47)."""
    feedback = card.get("feedback") if isinstance(card, Mapping) else None
    if not isinstance(feedback, Mapping):
        return 0
    seen = {
        h
        for key in ("text_sha256", "rejected_text_sha256")
        if isinstance(kept := feedback.get(key), list)
        for h in kept
    }
    if not seen:
        return 0
    return sum(1 for h in (text_hashes([t])[0] for t in texts) if h in seen)


def decided_by_hash(decided: Iterable[tuple[str, list[str], str]]) -> dict[str, list[Any]]:
    """What a model card keeps of what was decided on its feedback examples (words, codes,
    the researcher's valence or ""): ``{short hash of the words: [codes, valence]}``
    (:func:`text_hashes`), not the words. Words decided two ways (the same answer given to two
    questions, coded differently) are left out: which is which cannot be told by their words."""
    out: dict[str, list[Any]] = {}
    clash: set[str] = set()
    for text, codes, valence in decided:
        h = text_hashes([text])[0]
        entry = [sorted(codes), valence]
        if out.setdefault(h, entry) != entry:
            clash.add(h)
    return {h: e for h, e in sorted(out.items()) if h not in clash}


def decided_in_chart(
    decided: Iterable[tuple[str, list[str], str]], read_as: Mapping[str, Mapping[str, list[str]]]
) -> dict[str, list[Any]]:
    """What was decided on the feedback examples (``decided``: words, the model's codes, the
    researcher's valence) in the codes of the codebook the review was made in, as
    :func:`decided_by_hash` keeps it: each model code as the codes decided that were read as
    it on those words (``read_as``, :func:`~roqa_nlp.decisions_crosswalk.decided_as`), a new
    code of the project's own as itself. A segment with a model code decided as itself (a row
    on the model's codes in a mixed review) is left out: it is judged in the model's codes."""
    from .decisions import PROJECT_PREFIX

    by_words = {" ".join(w.split()): codes for w, codes in read_as.items()}
    out: list[tuple[str, list[str], str]] = []
    for text, codes, valence in decided:
        read = by_words.get(" ".join(text.split()), {})
        charted: list[str] = []
        for c in codes:
            if c in read:
                charted += [k for k in read[c] if k not in charted]
            elif c.startswith(PROJECT_PREFIX):
                charted.append(c)
            else:
                break
        else:
            out.append((text, charted, valence))
    return decided_by_hash(out)


#: a segment's suggestions as :func:`trained_on_said` judges them: (code, valence) in rank
#: order, or (code, valence, probability), the probability "code unsure" is judged on
Shown = Sequence[tuple[str, str] | tuple[str, str, float]]


def _not_as_decided(decided: Sequence[Any], shown: Shown) -> str:
    """How the suggestions ``shown`` ((code, valence[, probability]) in rank order) differ from
    what was decided on the segment (``[codes, valence]`` of :func:`decided_by_hash`): "IS.E.1
    enabler, decided barrier", "IC.H not suggested", "PRO.B.2 2nd, after INS.D.2" (a segment
    given one code is charted under its top suggestion: a decided code must be among the first
    as many suggestions as codes were decided), "OS.D at 0.00" (one below
    :data:`~roqa_nlp.framework.SURE_CODE` is charted "code unsure", not as decided: a new code
    decided beside an accepted one took the segment's probability, tester learning, s59);
    "" when they do not."""
    from .framework import SURE_CODE, below_line, ordinal

    codes, valence = list(decided[0]), str(decided[1])
    given = {g[0]: g[1] for g in reversed(shown)}
    rank = {g[0]: i for i, g in reversed(list(enumerate(shown)))}
    said = [f"{c} not suggested" for c in codes if c not in given]
    said += [
        f"{c} {ordinal(rank[c] + 1)}, after {shown[0][0]}"
        for c in codes
        if c in rank and rank[c] >= len(codes)
    ]
    sure = {g[0]: float(p) for g in reversed(shown) for p in g[2:3]}
    said += [
        f"{c} at {below_line(sure[c], SURE_CODE)}"
        for c in codes
        if c in sure and rank[c] < len(codes) and sure[c] < SURE_CODE
    ]
    on = [c for c in codes if c in given] if codes else [g[0] for g in shown[:1]]
    said += [
        f"{c} {given[c] or 'no valence'}, decided {valence}"
        for c in on
        if valence and given[c] != valence
    ]
    return "; ".join(said)


def suggestions_shown(result: CodingResult, ids: Sequence[str]) -> list[tuple[str, Shown]]:
    """Each segment of ``ids`` with its suggestions in ``result`` as :func:`trained_on_said`
    judges them: (code, valence, probability) as listed, the probability the model's own
    before a mapping into another codebook shared it out (as Table 2 judges "code unsure":
    :attr:`~roqa_nlp.framework.Quote.sure_probability`); none for a segment ``result`` lacks."""
    from .crosswalk import source_probabilities

    own = source_probabilities(result)
    by_id = {s.segment.id: s for s in result.segments}
    out: list[tuple[str, Shown]] = []
    for sid in ids:
        s = by_id.get(sid)
        shared = own.get(sid, {})
        out.append(
            (
                sid,
                [
                    (g.code_id, g.valence or "", max(g.probability, shared.get(g.code_id, 0.0)))
                    for g in (s.suggestions if s is not None else [])
                ],
            )
        )
    return out


def trained_on_said(
    card: Mapping[str, Any],
    texts: Sequence[str],
    shown: Sequence[tuple[str, Shown]] | None = None,
    *,
    charted: tuple[str, Sequence[tuple[str, Shown]]] | None = None,
) -> str | None:
    """What ``roqa code`` and the report say when segments coded (``texts``: a participant's
    segments) are in the decisions the model of ``card`` was trained with (:func:`n_trained_on`,
    as ``roqa evaluate`` warns of records): a top-1 probability near 1.00 on them is no
    held-out judgement (blind tester s48: a mean top-1 probability of 1.00 on re-coded
    interviews, unsaid). With ``shown`` (each segment's id and suggestions, (code, valence[,
    probability]) in rank order: :func:`suggestions_shown`) and a card that keeps what was
    decided (``feedback.decided``), it says how many of those given a code or a valence are
    suggested as decided (each decided code among the first suggestions, sure, with the
    researcher's valence), and names the others, not claiming all
    do (blind tester s52: a valence corrected to barrier still suggested as enabler, while the
    line said the suggestions repeat the decisions). ``charted`` (a codebook's id, and the
    segments' suggestions charted in it, as ``shown``) judges the segments whose decisions the
    card keeps in that codebook's codes (``feedback.decided_in``: a review made in CFIR 2.0)
    on them: a recode to Work Infrastructure, learned as Structural Characteristics, is not
    suggested as decided when Structural Characteristics is charted (tester cfir2022, s59).
    None when there are none."""
    n = n_trained_on(card, texts)
    if not n:
        return None
    m = len(texts)
    line = (
        f"{n} of {m} segment{'s' if m != 1 else ''} {'were' if n != 1 else 'was'} in this "
        f"model's training decisions: {'their' if n != 1 else 'its'} suggestions are no "
        "held-out judgement"
    )
    feedback = card.get("feedback") if isinstance(card, Mapping) else None
    decided = feedback.get("decided") if isinstance(feedback, Mapping) else None
    kept = feedback.get("decided_in") if isinstance(feedback, Mapping) else None
    book = charted[0] if charted is not None else ""
    in_chart = kept.get(book) if charted is not None and isinstance(kept, Mapping) else None
    if not isinstance(in_chart, Mapping):
        in_chart = {}
    if (shown is None and not in_chart) or not isinstance(decided, Mapping) or not decided:
        return line
    checked, differ, n_in_chart = 0, [], 0
    for i, text in enumerate(texts):
        h = text_hashes([text])[0]
        want = in_chart.get(h)
        if isinstance(want, list) and len(want) == 2 and charted is not None:
            sid, suggestions = charted[1][i]
            n_in_chart += 1
        elif shown is not None and isinstance(want := decided.get(h), list) and len(want) == 2:
            sid, suggestions = shown[i]
        else:
            continue
        checked += 1
        if how := _not_as_decided(want, suggestions):
            differ.append(f"{sid} ({how})")
    if not checked:
        return line
    if charted is not None and n_in_chart == checked:
        line_end = f" in {book} codes"
    elif n_in_chart:
        line_end = f" ({n_in_chart} in {book} codes, the others in the model's)"
    else:
        line_end = ""
    if not differ:
        if checked == 1:
            return f"{line}; the one given a code or a valence is suggested as decided{line_end}"
        return f"{line}; all {checked} given a code or a valence are suggested as decided{line_end}"
    k = checked - len(differ)
    return (
        f"{line}; {k} of the {checked} given a code or a valence "
        f"{'is' if k == 1 else 'are'} suggested as decided{line_end}, {len(differ)} not: "
        f"{'; '.join(differ[:5])}{f' and {len(differ) - 5} more' if len(differ) > 5 else ''}"
    )


def warn_of_trained_on(card: dict[str, Any], texts: Sequence[str]) -> int:
    """How many of ``texts`` (evaluation records) are texts the model of ``card`` was given as
    feedback (``card["feedback"]["text_sha256"]``, recorded by
    :meth:`~roqa_nlp.autocoder.AutoCoder.update`), with a warning when any are: figures on them
    are not held out (the tester's 1.000 on the decisions' own texts). 0 for a model whose card
    keeps no such hashes (no feedback, or trained before session 47)."""
    from .errors import warn

    n = n_trained_on(card, texts)
    if n:
        warn(
            f"{n} of {len(texts)} record{'s' if len(texts) != 1 else ''} "
            f"{'are' if n != 1 else 'is'} in this model's feedback (the review decisions it was "
            "trained with): these figures are not held out; evaluate on records the decisions "
            "do not hold",
            stacklevel=None,  # the researcher's evaluate() line, not the library's (s64 api)
        )
    return n
