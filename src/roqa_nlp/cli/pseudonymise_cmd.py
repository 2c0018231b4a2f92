"""``roqa pseudonymise``: copies of transcripts with people's names replaced, to share or code."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ._app import (
    app,
    interviewer_option,
    leaves_no_empty_out,
    participant_option,
    transcripts_argument,
)

if TYPE_CHECKING:
    from ..pseudonyms import PseudonymKey
    from ..schema import Transcript


@app.command("pseudonymise")
@leaves_no_empty_out
def pseudonymise_command(
    paths: list[Path] = transcripts_argument(),
    key: Path = typer.Option(
        ...,
        "--key",
        metavar="KEY.csv",
        help="The pseudonym key (columns name,pseudonym): read if it exists, new speakers added. "
        "Keep it apart from the transcripts you share.",
    ),
    out: Path = typer.Option(
        ...,
        "--out",
        "-o",
        help="Folder for the pseudonymised transcripts (one .txt each, named as the outputs of "
        "roqa code --pseudonymise name it: zoom_maria_okafor.vtt -> zoom_P01.txt with a new "
        "key, its first participant; zoom_P07.txt when the key has the row Maria Okafor,P07).",
        metavar="FOLDER",
    ),
    interviewer: list[str] = interviewer_option(),
    participant: list[str] = participant_option(),
) -> None:
    """Write each transcript with people's names replaced by pseudonyms, as plain text
    (`P07: words`; a .txt, .md, .rtf, .pdf or .html keeps its own layout and times) that roqa,
    NVivo, ATLAS.ti, MAXQDA and QualCoder read; coding these files gives the same text (ending
    with one newline) and offsets as `roqa code --pseudonymise` on the originals."""
    from ..errors import RoqaError, warn
    from ..io import (
        atomic_write_text,
        check_output_file,
        check_output_folder,
        file_stem,
        refuse_unfit_out_folder,
    )
    from ..transcripts import expand_paths, read_files, with_default_labels
    from ..transcripts.roles import speaker_warning
    from ._app import console
    from .code_cmd import _read_key, _write_key, stopped_for_one

    if out.exists() and not out.is_dir():
        raise RoqaError("is a file, not a folder", path=out, hint="give a folder with --out")
    _refuse_sharing_the_originals(out, paths)
    check_output_folder(out)
    refuse_unfit_out_folder(out, codings=True)  # the copies must stay readable as transcripts
    from ..folder_lock import lock_output_folder

    lock_output_folder(out)  # held to the end: a second run into it refuses at once
    files = expand_paths(paths)  # a transcript not there is said before a new key is started
    pseudonyms = _read_key(key, out, "local", "--key")
    labels = with_default_labels(list(interviewer) or None, list(participant))
    with stopped_for_one(files, "pseudonymised"):  # the others not done either, as code says
        originals = read_files(files, labels)
    # the numbers files claim (p01_interview), then every speaker: as roqa code and
    # pseudonymise() do
    from ..pseudonyms import pseudonymise

    keyed = {t.id for t in originals if _interviewer_keyed(t, pseudonyms)}  # before new rows
    transcripts, _ = pseudonymise(originals, pseudonyms)
    from dataclasses import replace

    from ..transcripts.roles import StudyCases, labelled_case

    # a pseudonym the key gave that is another transcript's participant label (Zoë Hart P01
    # beside P01's own interview): one case, warned of as `roqa inspect` and `roqa code` do
    # (a case and its transcripts said already are not said again under the labels as
    # pseudonymised: 'Sarah (P04)', 'P04' then 'P04' alone)
    said = StudyCases.of(labelled_case(t) for t in originals)
    before = {(case, tuple(ts)) for _, case, ts in said.shared + said.two_ways}
    after = StudyCases.of(labelled_case(t) for t in transcripts)
    after = replace(
        after,
        shared=[e for e in after.shared if (e[1], tuple(e[2])) not in before],
        two_ways=[e for e in after.two_ways if (e[1], tuple(e[2])) not in before],
        parts=[e for e in after.parts if e not in said.parts],
    )
    for shared in after.warnings():
        warn(shared, path=None)
    sources = {f.resolve() for f in files}
    # each copy is named after its transcript's id by the one function that keeps a name inside
    # --out and holdable on Windows (a QDA project's source "/home/x/notes", "../P01", "P01:
    # Siobhán?"), as roqa import names its files; two ids cleaning to one name take -2, -3
    used: set[str] = set()
    targets: dict[Path, str] = {}
    # names that differ only in case are one file on macOS and Windows: zoom_P02.txt of a batch
    # before would be overwritten by zoom_p02.txt
    there = {p.name.casefold(): p.name for p in out.iterdir()} if out.is_dir() else {}
    ids: dict[str, tuple[str, str]] = {}  # casefolded id -> the id and its source
    for t, original in zip(transcripts, originals, strict=True):
        named = out / f"{file_stem(t.id, set())}.txt"  # as it is named alone
        same = ids.get(t.id.casefold())
        source = _named(t, original)
        rename = (
            "rename the source in the QDA program, or one of the files"
            if same is not None and ".qdpx" in f"{same[1]} {source}".lower()
            else "rename one of the files"
        )
        if same is not None and same[0] != t.id:
            raise RoqaError(
                f"two transcripts would be written to one file on macOS and Windows, whose "
                f"file names differ only in case there ({same[1]} and {source})",
                path=named,
                hint=rename,
            )
        if same is not None:
            raise RoqaError(
                f"two transcripts would be written to one file (from {same[1]} and {source})",
                path=named,
                hint=rename,
            )
        ids[t.id.casefold()] = (t.id, source)
        target = out / f"{file_stem(t.id, used)}.txt"
        other = there.get(target.name.casefold(), target.name)
        if other != target.name:
            raise RoqaError(
                f"differs only in case from {other} in the folder, one file on macOS and "
                "Windows, which the copy would overwrite",
                path=target,
                hint="give another folder with --out, or rename one of the transcripts",
            )
        if target.resolve() in sources:
            raise RoqaError(
                "would overwrite a transcript it reads",
                path=target,
                hint="give another folder with --out",
            )
        check_output_file(target)  # open in Word: said before the key or any is written
        targets[target] = t.source
    from ..transcripts.interviewer_guesses import interviewers_guessed

    guesses = [t for t in transcripts if interviewers_guessed(t) and t.id not in keyed]
    for t, original in zip(transcripts, originals, strict=True):
        t = replace(t, source=_named(t, original))  # a project's source by its name
        # said of the pseudonymised transcript, so its names are pseudonyms; a guess of who
        # interviews is said once for the run (below), and not where the key named them
        told = t if len(guesses) == 1 and t.id == guesses[0].id else _without_guess(t)
        line = no_participant_warning(t) or speaker_warning(told, interface="pseudonymise")
        if line is not None:
            warn(line, path=None)
    if len(guesses) > 1:
        warn(guessed_interviewers_warning(guesses), path=None)
    from ..io import make_out_dir

    earlier = [target.name for target in targets if target.is_file()]  # a run before's
    make_out_dir(out)
    _write_key(pseudonyms, key, transcripts, every_name=True)
    for t, target in zip(transcripts, targets, strict=True):
        # the text exactly, so it reads back with the same offsets, ending with one newline
        # (`cat shared/*.txt` ran one transcript into the next: session 55), which the reader
        # keeps after the last turn and roqa agree does not count as a difference; blank lines
        # after the last turn are left out, as no turn reaches them (s75 tester pseudo: two)
        kept = t.text[: max([len(t.text.rstrip("\n")), *(turn.end for turn in t.turns)])]
        atomic_write_text(target, kept if kept.endswith("\n") else f"{kept}\n")
    # the copies' bytes, recorded in the per-user cache: coding them marks them pseudonymised;
    # not a copy whose bytes are a file read (nothing replaced), which would mark the original
    from ..io import file_sha256, sha256_file
    from ..pseudonymised_copies import record_copies

    read = {file_sha256(f) for f in files}  # hashed once a run, when they were read
    record_copies(sha for sha in map(sha256_file, targets) if sha not in read)
    if earlier:  # said as roqa code and roqa train say what they write over
        import sys

        from ..errors import first_few

        copies = "copy" if len(earlier) == 1 else "copies"
        print(
            f"roqa: note: replaced {len(earlier)} earlier {copies} in {out} ({first_few(earlier)})",
            file=sys.stderr,
        )
    con = console()
    con.print(
        f"Wrote {len(transcripts)} pseudonymised transcript(s) to {out}.",
        soft_wrap=True,
        markup=False,
    )


def _named(transcript: Transcript, original: Transcript) -> str:
    """How a message names the pseudonymised ``transcript``: by its ``source``, its file's name
    with names replaced; a QDA project's source by the project and its name in the program as
    pseudonymised (``study.qdpx: source 'p01'``), not by the member file the project keeps its
    text in (``ee771869-….txt``), as the reader names it (s73 f_readers left it open)."""
    from dataclasses import replace

    from ..pseudonyms import transcript_named

    if transcript.metadata.get("format") != "qdpx":
        return transcript.source or transcript.id
    return transcript_named(replace(transcript, source=original.source))


def _refuse_sharing_the_originals(out: Path, paths: list[Path]) -> None:
    """--out, the folder to share, may not hold the transcripts read, which name people: not be
    a folder given, nor the folder of a file given (as ``roqa code --out`` may not be:
    :func:`~roqa_nlp.io.transcript_folders`), nor lie inside a folder given. Said
    before the key or any copy is written (tester, session 55: ``roqa pseudonymise ps/ --out
    ps/`` wrote zoom_p04.txt, P04, beside zoom_p04.vtt, her name)."""
    from ..errors import RoqaError
    from ..io import transcript_folders

    where = out.resolve()
    if out.is_dir() and where in transcript_folders(paths):
        raise RoqaError(
            "--out is the folder of the transcripts being pseudonymised: the copies to share "
            "would sit beside the originals, which name people",
            path=out,
            hint="give --out a folder outside it",
        )
    within = next((p for p in paths if p.is_dir() and where.is_relative_to(p.resolve())), None)
    if within is not None:
        raise RoqaError(
            f"--out is inside {within}, the folder of the transcripts being pseudonymised: the "
            "copies to share would be kept in among the originals, which name people",
            path=out,
            hint="give --out a folder outside it",
        )


def no_participant_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript when none of its turns is a participant's, else None: the
    participant's names are learnt from their speaker labels, so with none read (a label in a
    shape roqa does not know, or ``--interviewer`` naming them) the copy may still name them on
    every answer. Said instead of :func:`~roqa_nlp.transcripts.roles.speaker_warning`'s
    "nothing to code", the same fact, here and by ``roqa code --pseudonymise``."""
    from ..errors import first_few

    turns = transcript.turns
    if not turns or any(t.role == "participant" for t in turns):
        return None
    speakers = first_few([repr(s) for s in dict.fromkeys(t.speaker for t in turns)])
    every = "the one turn is" if len(turns) == 1 else f"all {len(turns)} turns are"
    return (
        f"{transcript.source or transcript.id}: no participant turns found: {every} the "
        f"interviewer's ({speakers}), so no participant's name was learnt from a speaker label, "
        "and the pseudonymised copy may still name them: read it before sharing (label the "
        "participant's turns 'P04: ...' or 'Name: ...', name the participant with "
        "--participant, or add a row for them to the key: 'Jane Smith,P04')"
    )


def _interviewer_keyed(transcript: Transcript, key: PseudonymKey) -> bool:
    """Whether the pseudonym key, as read, gives every speaker ``transcript``'s interviewer was
    guessed to be an interviewer's pseudonym (``Kate Brown,Interviewer``): the key says who
    interviews, so the guess is not warned of."""
    from ..transcripts.interviewer_guesses import interviewers_guessed

    guessed = interviewers_guessed(transcript)
    return bool(guessed) and all(key.role_of_name(n) == "interviewer" for n in guessed)


def _without_guess(transcript: Transcript) -> Transcript:
    """``transcript`` without the record of its interviewer's guess, for the other warnings."""
    from dataclasses import replace

    from ..transcripts.interviewer_guesses import GUESSES, interviewers_guessed

    if not interviewers_guessed(transcript):
        return transcript
    meta = {k: v for k, v in transcript.metadata.items() if k not in GUESSES}
    return replace(transcript, metadata=meta)


def guessed_interviewers_warning(transcripts: list[Transcript]) -> str:
    """One line for a run's ``transcripts`` (pseudonymised) whose interviewer was guessed,
    naming the pseudonym of each one taken with the files that took them, as ``roqa code``
    words it (:func:`~roqa_nlp.transcripts.interviewer_guesses.guesses_said_once`), instead of
    one line a file. It says the key gives them those pseudonyms only of the labels the key
    wrote (:data:`~roqa_nlp.transcripts.roles.KEYED_LABELS`): a transcription's numbers
    (``Speaker 1``, ``SPEAKER_00``) name no one and keep their label (tester s63 readers, 7:
    "the key gives them those pseudonyms", then "no name found, so no key was written")."""
    from ..errors import and_list
    from ..transcripts.interviewer_guesses import guesses_said_once, interviewers_guessed
    from ..transcripts.roles import KEYED_LABELS

    taken = [
        (name, name in (t.metadata.get(KEYED_LABELS) or ()))
        for t in transcripts
        for name in interviewers_guessed(t)
    ]
    keyed = list(dict.fromkeys(name for name, by_key in taken if by_key))
    if not keyed:
        then = ""
    elif len(keyed) == len({name for name, _ in taken}):
        then = ", and the key gives them those pseudonyms"
    else:
        then = (
            f", and {and_list([repr(n) for n in keyed])} "
            f"{'is a pseudonym' if len(keyed) == 1 else 'are pseudonyms'} the key gives"
        )
    return guesses_said_once(transcripts, then)
