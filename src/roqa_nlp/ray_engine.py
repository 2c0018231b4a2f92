"""``roqa code --engine ray``: coding a corpus with Ray Data, on one machine or a cluster.

The transcript paths are cut into chunks of consecutive files; a Ray Dataset of chunks goes
through ``map_batches`` with a callable class, so each Ray actor loads the model once and then
reads, segments, embeds and classifies chunk after chunk with the same
:meth:`AutoCoder.code <roqa_nlp.autocoder.AutoCoder.code>` as the local engine. Each chunk is
written by the worker that coded it as a shard, ``codings-NNNNN.jsonl`` (+
``transcripts-NNNNN.jsonl``), named by its chunk number so a retried task rewrites the same file.
The driver then merges the shards in input order into ``codings.jsonl``, ``codings.csv``,
``transcripts.jsonl`` and ``run.json`` — the local engine's files — one shard in memory at a time,
warning of one interview under two names as the local engine does.

On a cluster, ``--out`` and the transcripts must be on storage every node sees (NFS, a shared
volume), and ``roqa_nlp`` (with its model) installed on every node. ``ray.init()`` connects to
the cluster named by ``RAY_ADDRESS`` (e.g. ``ray://head:10001``), else starts a local instance.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import RoqaError
from .install_hints import install_extra, install_package
from .io import atomic_write_text, make_out_dir, read_jsonl
from .result import CodingResult, transcript_from_dict, transcript_to_dict
from .schema import SegmentResult
from .transcripts import NearCopies, warn_if_near_copy, warn_if_same_text
from .transcripts.interviewer_guesses import speaker_warnings
from .transcripts.roles import (
    SpeakerWarning,
    labels_matched,
    speaker_warning,
    unmatched_labels,
    with_labels_matched_elsewhere,
)

#: Most transcripts one task codes: bounds a worker's memory whatever the corpus size.
MAX_CHUNK = 64


@dataclass
class RaySummary:
    """What a Ray run wrote."""

    n_transcripts: int = 0
    n_segments: int = 0
    n_novel: int = 0
    n_shards: int = 0
    #: the merged files, and the shards by their pattern (``shards``: ``codings-*.jsonl``)
    paths: dict[str, Path] = field(default_factory=dict)
    #: every shard this run wrote, one by one: the files ``paths`` names by a pattern
    shards: list[Path] = field(default_factory=list)
    #: transcripts whose interviewer's talk may have been coded (``roles.speaker_warning``), the
    #: guesses of an interviewer taken in two or more said in one line, last
    #: (``interviewer_guesses.speaker_warnings``)
    speaker_warnings: list[str] = field(default_factory=list)


def chunk_paths(paths: list[Path], n_workers: int) -> list[list[str]]:
    """Consecutive chunks, about four per worker (so a slow chunk does not idle the others)."""
    if not paths:
        return []
    size = min(MAX_CHUNK, max(1, math.ceil(len(paths) / (4 * max(1, n_workers)))))
    return [[str(p) for p in paths[i : i + size]] for i in range(0, len(paths), size)]


def shard_name(kind: str, number: int) -> str:
    return f"{kind}-{number:05d}.jsonl"


class CodeChunk:
    """The ``map_batches`` callable: one per Ray actor, the model loaded once per actor."""

    def __init__(
        self,
        out: str,
        model: str | None,
        backend: str | None,
        top_k: int | None,
        cache: bool,
        threads: int | None,
        params: dict[str, Any] | None = None,
        interviewer_labels: list[str] | None = None,
        study_interviewers: list[str] | None = None,
        participant_labels: list[str] | None = None,
    ):
        from .autocoder import AutoCoder

        self.out = Path(out)
        self.top_k = top_k
        self.interviewer_labels = interviewer_labels
        self.participant_labels = participant_labels
        self.study_interviewers = study_interviewers
        #: A user mistake met by this actor (a model or transcript that cannot be read): sent
        #: back to the driver as data, which reports it in one line like the local engine.
        self.error = ""
        try:
            self.ac = AutoCoder.load(model, cache=cache, backend=backend, threads=threads)
        except RoqaError as e:
            self.error = str(e)
            return
        self.ac.params.update(params or {})

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        numbers: list[int] = []
        counts: list[int] = []
        novel: list[int] = []
        n_transcripts: list[int] = []
        metas: list[str] = []
        errors: list[str] = []
        for number, paths in zip(batch["chunk"], batch["paths"]):
            numbers.append(int(number))
            error = self.error
            if not error:
                try:
                    # The driver warns of the transcripts' speakers (speaker_warning), once.
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore", SpeakerWarning)
                        result = self.ac.code(
                            [str(p) for p in paths],
                            top_k=self.top_k,
                            interviewer_labels=self.interviewer_labels,
                            participant_labels=self.participant_labels,
                            study_interviewers=self.study_interviewers,
                        )
                except RoqaError as e:
                    error = str(e)
            errors.append(error)
            if error:
                counts.append(0)
                novel.append(0)
                n_transcripts.append(0)
                metas.append("{}")
                continue
            atomic_write_text(self.out / shard_name("codings", int(number)), result.to_jsonl())
            atomic_write_text(
                self.out / shard_name("transcripts", int(number)),
                "".join(
                    json.dumps(transcript_to_dict(t), ensure_ascii=False) + "\n"
                    for t in result.transcripts.values()
                ),
            )
            counts.append(len(result.segments))
            novel.append(sum(1 for s in result.segments if s.novel))
            n_transcripts.append(len(result.transcripts))
            metas.append(json.dumps(result.meta))
        return {
            "chunk": numbers,
            "n_segments": counts,
            "n_novel": novel,
            "n_transcripts": n_transcripts,
            "meta": metas,
            "error": errors,
        }


def remove_shards(out: Path, n_chunks: int, remove_dir: bool) -> None:
    """Remove the shards of a failed run (and ``out`` itself when the run created it)."""
    for number in range(n_chunks):
        for kind in ("codings", "transcripts"):
            (out / shard_name(kind, number)).unlink(missing_ok=True)
    if remove_dir:
        with contextlib.suppress(OSError):  # not empty: something else is in it, keep it
            out.rmdir()


def read_shard(out: Path, number: int) -> CodingResult:
    """One shard back as a :class:`CodingResult` (segments and their transcripts)."""
    segs = [SegmentResult.from_dict(r) for r in read_jsonl(out / shard_name("codings", number))]
    ts = [transcript_from_dict(r) for r in read_jsonl(out / shard_name("transcripts", number))]
    return CodingResult(segments=segs, transcripts={t.id: t for t in ts})


def _read_on_driver(
    paths: list[Path],
    interviewer_labels: list[str] | None,
    participant_labels: list[str] | None = None,
) -> list[str]:
    """Read every transcript once on the driver, before Ray starts: issue the warnings of how
    each was read (its language, words left out between cues, a name in its file name: the
    workers' warnings never reach the user) and learn who interviews in the study, as the local
    engine learns it from all of it, for every chunk (a chunk alone would not see the other
    transcripts). Speaker warnings are issued after coding; the files that cannot be read, and
    the transcripts with the id of one read before (``Unreadable.shares_id``, the local
    engine's check: those of .qdpx projects too), are refused here, every one named, before Ray
    starts and before any warning of reading (hunt s66 h_unread D4)."""
    from .transcripts import Unreadable, read_each, with_default_labels
    from .transcripts.language import warn_of_reading
    from .transcripts.roles import study_interviewers

    labels = with_default_labels(interviewer_labels, participant_labels)
    found: set[str] = set()
    unreadable = Unreadable()
    with warnings.catch_warnings(record=True) as held:
        for t in read_each(paths, labels, quiet=SpeakerWarning, unreadable=unreadable):
            if unreadable.shares_id(t):  # the local engine's check: chunks coded apart would
                continue  # not see each other, and the merged files would hold one id twice
            found |= study_interviewers([t])
            warn_of_reading(t, stacklevel=4)
    unreadable.refuse()  # alone, as the local engine refuses: no warning of a study not coded
    for w in held:  # shown as they were issued (the filters were applied then)
        warnings.showwarning(w.message, w.category, w.filename, w.lineno, w.file, w.line)
    return sorted(found) if len(paths) > 1 else []


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise RoqaError(
            "the ray engine needs Ray Data",
            hint=f"{install_extra('ray')}, or use --engine local",
        ) from None
    return ray


def stay_on_this_machine() -> None:
    """Before Ray is imported, for a local Ray of roqa's own: no usage statistics (Ray's
    reporter asks 169.254.169.254 and DNS which cloud it runs on) and the loopback address as
    the node's (else Ray finds the machine's network address with a UDP connect to 8.8.8.8 and
    binds its GCS there). A value the user set wins."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    # Ray reads it at import: false, its node address is 127.0.0.1, as on macOS and Windows
    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")


#: A proxy where nothing listens, for the processes of a local Ray: Ray's dashboard process asks
#: the cloud metadata servers (169.254.169.254, metadata.google.internal) which cloud it runs on
#: even with usage statistics off; through this proxy the request fails on this machine, before
#: any DNS look-up or packet leaves it. roqa's workers make no HTTP requests of their own.
NO_WAY_OUT = {
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "no_proxy": "localhost,127.0.0.1,::1",
    "NO_PROXY": "localhost,127.0.0.1,::1",
}


@contextlib.contextmanager
def _environ(values: dict[str, str]) -> Iterator[None]:
    """``os.environ`` with ``values`` while Ray starts its processes (which inherit it), then as
    it was, also when starting fails or is interrupted.

    The whole process's environment, for the seconds of ``ray.init``, because Ray 2.60 offers no
    narrower way that reaches every process it starts: ``runtime_env={"env_vars": ...}`` reaches
    the workers only, and ``RayParams.env_vars`` (which ``ray.init`` does not take) the raylet
    only; the GCS server, the dashboard process that asks the metadata servers (started even
    with ``include_dashboard=False``, for its usage-statistics module), the monitor, the log
    monitor and the reaper are started with a copy of ``os.environ`` as it is
    (``ray/_private/services.py``, ``start_ray_process``). roqa does nothing else meanwhile."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


#: Longest path of Ray's temp dir: its socket paths under it
#: (``session_2026-12-02_15-24-13_814107_482/sockets/plasma_store``) must fit in 107 bytes.
MAX_TEMP_DIR = 46


def private_temp_dir() -> str:
    """A new folder only the user can open (0700), for a local Ray's sessions and logs, which
    hold file names and workers' warnings; short, for Ray's socket paths (in /tmp when the
    system's temp folder is long, as macOS's is). Ray is given its subfolder ``r``, which Ray
    makes readable by all (0777) as it does any temp dir: behind this one, no one else reaches
    it."""
    import tempfile

    base = tempfile.gettempdir()
    if len(base) + len("/roqa-ray-12345678/r") > MAX_TEMP_DIR and os.path.isdir("/tmp"):
        base = "/tmp"
    return tempfile.mkdtemp(prefix="roqa-ray-", dir=base)


@contextlib.contextmanager
def ray_session(num_cpus: int | None = None) -> Iterator[Any]:
    """Ray for one run (:func:`init_ray`): a local Ray that roqa starts keeps to this machine
    (:func:`stay_on_this_machine`) and to a private temp folder unless ``RAY_TMPDIR`` is set; the
    Ray this started is shut down at the end, also on an error or Ctrl-C, and the folder
    removed. A Ray the caller already started is used and left running."""
    address = os.environ.get("RAY_ADDRESS")
    if not address:
        stay_on_this_machine()
    ray = _import_ray()
    if ray.is_initialized():
        yield ray
        return
    private = None if address or os.environ.get("RAY_TMPDIR") else private_temp_dir()
    try:
        yield init_ray(num_cpus, temp_dir=private and os.path.join(private, "r"))
    finally:
        try:
            if ray.is_initialized():
                ray.shutdown()
        finally:
            if private:
                import shutil

                shutil.rmtree(private, ignore_errors=True)


def init_ray(num_cpus: int | None = None, temp_dir: str | None = None) -> Any:
    """Connect to ``RAY_ADDRESS`` if set, else start a local Ray (reusing one already running)
    whose sessions and logs go in ``temp_dir`` when given. :func:`ray_session` starts and stops
    it for a run."""
    ray = _import_ray()
    if not ray.is_initialized():
        import logging

        kwargs: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "logging_level": logging.ERROR,
        }
        address = os.environ.get("RAY_ADDRESS")
        if not address:
            # a local instance of our own, not a cluster `ray start` left running here (which
            # refuses num_cpus)
            kwargs["address"] = "local"
            kwargs["num_cpus"] = num_cpus or os.cpu_count() or 1
            if temp_dir:
                kwargs["_temp_dir"] = temp_dir
        else:
            _refuse_a_web_address(address)
            _refuse_a_user_or_password(address)
            _check_reachable(address)
        try:
            with _environ({} if address else NO_WAY_OUT):
                ray.init(**kwargs)
        except (ConnectionError, ValueError, RuntimeError, TimeoutError) as e:
            # an address holding a user or password never gets here (_refuse_a_user_or_password)
            where = f"the Ray cluster at RAY_ADDRESS={address}" if address else "a local Ray"
            raise RoqaError(
                f"could not start or reach {where} ({' '.join(str(e).split())[:200]})",
                hint="start the cluster (`ray start --head`) or unset RAY_ADDRESS; a ray:// "
                f"address needs {install_package(RAY_CLIENT)}; or use --engine local",
            ) from None
    return ray


#: Ray Client's extra of Ray, which a ``ray://`` address needs
RAY_CLIENT = "'ray[client]'"

#: Seconds to wait for a Ray cluster's address to answer before saying it does not (Ray itself
#: retries an unreachable address for minutes before it gives up).
REACH_TIMEOUT = 5.0


def _refuse_a_web_address(address: str) -> None:
    """Refuse an ``http://`` or ``https://`` ``RAY_ADDRESS``, before any connection: it is the Ray
    dashboard's (``http://HOST:8265``, which ``ray job submit`` takes), and no address of a
    cluster ``ray.init`` joins. It was read as the host ``http``: 'no Ray cluster answers ...
    (Name or service not known)' (engines tester s63, 5). The error names the addresses to give
    on that host: its GCS port (6379) and Ray Client's (10001), Ray's defaults."""
    from urllib.parse import urlsplit

    parts = urlsplit(address)
    if parts.scheme.lower() not in ("http", "https"):
        return
    host = parts.hostname or "HOST"
    host = f"[{host}]" if ":" in host else host
    raise RoqaError(
        f"RAY_ADDRESS={shown_address(address)} is a web address, as of the Ray dashboard, not a "
        "Ray cluster's",
        hint=f"give the cluster's: {host}:6379 on one of its nodes, or ray://{host}:10001 for "
        f"Ray Client, which needs {install_package(RAY_CLIENT)}; or unset RAY_ADDRESS",
    )


def _check_reachable(address: str) -> None:
    """Fail at once, naming ``RAY_ADDRESS``, when its host and port (``10.0.0.5:6379`` or
    ``ray://10.0.0.5:10001``) accept no connection; ``auto`` and other forms are left to Ray."""
    import socket

    hostport = address.removeprefix("ray://")
    host, sep, port = hostport.rpartition(":")
    if not sep or not port.isdecimal() or not host:
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=REACH_TIMEOUT).close()
    except OSError as e:
        raise RoqaError(
            f"no Ray cluster answers at RAY_ADDRESS={address} ({e.strerror or e})",
            hint="start the cluster (`ray start --head`), check the address and port, or unset "
            "RAY_ADDRESS; or use --engine local",
        ) from None


#: A URL scheme opening an address (``ray://``, ``Http://``), as RFC 3986 spells one.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def shown_address(address: str) -> str:
    """``address`` as a message shows it: whatever comes before its last ``@`` after the scheme
    (a user name, a password, which may hold ``@``, ``:`` or ``://``) replaced by ``***``
    (``http://***@10.0.0.5:8265``). A password was printed back in the error (hunt s63, D3), and
    a terminal's or CI's log keeps it."""
    if "@" not in address:
        return address
    scheme = m.group(0) if (m := _SCHEME.match(address)) else ""
    return f"{scheme}***@{address.rpartition('@')[2]}"


def _refuse_a_user_or_password(address: str) -> None:
    """Refuse a ``RAY_ADDRESS`` holding a user name or password (``user:pw@HOST:PORT``), before
    any connection: a Ray cluster's address never holds one. Ray took ``ann@HOST:PORT`` and
    retried it for ever (hunt s64: still waiting after 590 s); it is never sent to Ray, nor
    looked up as a host name (a DNS query carried the password), and never printed."""
    if "@" not in address:
        return
    raise RoqaError(
        f"RAY_ADDRESS={shown_address(address)} holds a user name or password, which no Ray "
        "cluster's address does",
        hint="give the cluster's address alone: HOST:6379 on one of its nodes, or "
        "ray://HOST:10001 for Ray Client; or unset RAY_ADDRESS",
    )


def quiet_ray_data() -> None:
    """None of Ray Data's INFO log lines (execution plans, progress logged every 10 s when stderr
    is not a terminal; on a terminal its progress bars stay): the command prints its own summary,
    and a user error stays one line. ``RAY_DATA_LOG_LEVEL`` set by the user wins (Ray Data reads
    it each time it configures its loggers, at every execution)."""
    os.environ.setdefault("RAY_DATA_LOG_LEVEL", "WARNING")


def code_with_ray(
    paths: list[Path],
    out: Path,
    *,
    model: Path | None = None,
    backend: str | None = None,
    top_k: int | None = None,
    cache: bool = True,
    threads: int | None = None,
    params: dict[str, Any] | None = None,
    interviewer_labels: list[str] | None = None,
    on_part: Callable[[CodingResult], None] | None = None,
    participant_labels: list[str] | None = None,
    on_merged: Callable[[RaySummary], None] | None = None,
) -> RaySummary:
    """Code ``paths`` with Ray Data ``map_batches``; write shards and the merged result in ``out``.

    ``threads`` is the CPU threads (and Ray CPUs) each actor uses; by default one, so a node
    runs one actor per core. ``params`` overrides the model's coding parameters in every actor
    (e.g. ``{"alpha": 0.05, "use_context": False, "unit": "sentence"}``), as ``roqa code``'s
    ``--alpha``, ``--context`` and ``--unit`` do for the local engine. ``on_part`` is called
    with each shard's result as it is merged (``roqa code`` warns of transcripts with nothing to
    code), ``on_merged`` with the summary before the merged files are put in place
    (:func:`merge_shards`): an error it raises leaves nothing of the run (``roqa code`` refuses
    a run with no participant talk).
    """
    from .autocoder import AutoCoder

    # A model or backend that cannot be loaded is refused here, before Ray starts or anything is
    # written (the actors would otherwise each fail the same way).
    AutoCoder.load(model, cache=cache, backend=backend, threads=threads)
    if os.environ.get("RAY_ADDRESS"):  # a cluster's workers run in another folder
        paths = [Path(p).resolve() for p in paths]
    paths = [Path(p) for p in paths]
    study = _read_on_driver(paths, interviewer_labels, participant_labels)
    # Ray runs for the coding alone: the shards are merged after it is shut down.
    with ray_session() as ray:
        quiet_ray_data()
        per_actor = max(1, threads or 1)
        n_cpus = int(ray.cluster_resources().get("CPU", 1))
        n_actors = max(1, n_cpus // per_actor)
        chunks = chunk_paths(list(paths), n_actors)
        if not chunks:
            raise RoqaError("no transcripts to code", hint="give transcript files or folders")
        out = Path(out).resolve()
        created = not out.exists()
        make_out_dir(out)
        ds = ray.data.from_items(
            [{"chunk": i, "paths": c} for i, c in enumerate(chunks)],
            override_num_blocks=len(chunks),
        )
        coded = ds.map_batches(
            CodeChunk,
            fn_constructor_kwargs={
                "out": str(out),
                "model": None if model is None else str(Path(model).resolve()),
                "backend": None if backend is None else str(backend),
                "top_k": top_k,
                "cache": cache,
                "threads": per_actor,
                "params": params,
                "interviewer_labels": interviewer_labels,
                "participant_labels": participant_labels,
                "study_interviewers": study,
            },
            batch_size=1,
            batch_format="numpy",
            # A fixed pool of actors: ``compute`` works from Ray 2.40 on, ``concurrency`` is
            # deprecated since 2.51 and prints a warning on the user's terminal.
            compute=ray.data.ActorPoolStrategy(size=min(n_actors, len(chunks))),
            num_cpus=per_actor,
        )
        rows = sorted(coded.take_all(), key=lambda r: int(r["chunk"]))
    failed = [str(r["error"]) for r in rows if str(r["error"])]
    if failed:
        remove_shards(out, len(chunks), created)
        raise RoqaError(failed[0])
    if [int(r["chunk"]) for r in rows] != list(range(len(chunks))):
        raise RoqaError("some chunks were not coded", path=out, hint="run the command again")
    try:
        summary = merge_shards(
            out, len(chunks), json.loads(rows[0]["meta"]), on_part=on_part, on_merged=on_merged
        )
    except RoqaError:  # a merged result refused (on_merged): nothing of this run is left
        remove_shards(out, len(chunks), created)
        raise
    _remove_earlier_shards(out, len(chunks))
    return summary


def merge_shards(
    out: Path,
    n_chunks: int,
    meta: dict[str, Any],
    *,
    on_part: Callable[[CodingResult], None] | None = None,
    on_merged: Callable[[RaySummary], None] | None = None,
) -> RaySummary:
    """Merge the ``n_chunks`` shards in ``out``, in chunk order, into the local engine's files,
    one shard in memory at a time (:class:`~roqa_nlp.codings_writer.CodingsWriter`, ``meta``
    the run's record). ``on_part`` is called with each shard's result as it is merged;
    ``on_merged`` with the summary (its counts and speaker warnings) once all are merged, before
    the merged files are put in place: an error it raises leaves none of them written. Each
    transcript, in order, is warned of as the local engine warns of it when it holds the text of
    one merged before (:func:`~roqa_nlp.transcripts.warn_if_same_text`) or nearly
    (:func:`~roqa_nlp.transcripts.warn_if_near_copy`, the study's text counted first:
    :func:`study_said`): each chunk, coded apart on an actor whose warnings never reach the
    user, saw none of the others (hunter hunt13, F5)."""
    from .codings_writer import CodingsWriter

    summary = RaySummary(n_shards=n_chunks)
    warned: list[Any] = []  # transcripts to warn of; labels matched in another chunk known last
    speakers: set[str] = set()
    near = study_said(out, n_chunks)
    same: dict[str, tuple[str, str | None]] = {}  # SHA-256 of each text -> its source and case
    with CodingsWriter(out, meta) as writer:
        for number in range(n_chunks):
            part = read_shard(out, number)
            for t in part.transcripts.values():  # as the local engine warns, in input order
                warn_if_same_text(t, same)  # one interview under two names: coded twice
                warn_if_near_copy(t, near)  # a draft and its final of one case: coded twice
            if on_part is not None:
                on_part(part)
            for t in part.transcripts.values():
                speakers.update(u.speaker for u in t.turns)
                if speaker_warning(t):
                    warned.append(t)
            writer.write(part)
        given = {label for t in warned for label in unmatched_labels(t)}
        matched = labels_matched(speakers, given)
        summary.speaker_warnings.extend(
            speaker_warnings(with_labels_matched_elsewhere(t, matched) for t in warned)
        )
        summary.n_transcripts = writer.n_transcripts
        summary.n_segments = writer.n_segments
        summary.n_novel = writer.n_novel
        if on_merged is not None:
            on_merged(summary)
    summary.paths = dict(writer.paths)
    summary.paths["shards"] = out / "codings-*.jsonl"
    summary.shards = [
        out / shard_name(kind, number)
        for number in range(n_chunks)
        for kind in ("codings", "transcripts")
    ]
    return summary


def study_said(out: Path, n_chunks: int) -> NearCopies:
    """The runs of words each case of the study says, counted from the ``n_chunks``
    transcript shards in ``out`` (each read once more, one at a time), as the local engine
    counts them before coding (``autocoder._study_pass``): text common to the study's cases (a
    guide, a vignette read aloud) is known to the near-copy check of the merge from its first
    transcript on, though each chunk was coded apart. Each transcript's words are kept hashed
    until the merge checks it (:meth:`~roqa_nlp.transcripts.NearCopies.knows`), not its text."""
    near = NearCopies()
    for number in range(n_chunks):
        for row in read_jsonl(out / shard_name("transcripts", number)):
            near.know([transcript_from_dict(row)])
    return near


def _remove_earlier_shards(out: Path, n_chunks: int) -> None:
    """Remove the shards an earlier Ray run into ``out`` left beyond this run's ``n_chunks``:
    they match the shard pattern this run's summary names, but hold another study."""
    for kind in ("codings", "transcripts"):
        for f in out.glob(f"{kind}-[0-9][0-9][0-9][0-9][0-9].jsonl"):
            if int(f.stem.rsplit("-", 1)[1]) >= n_chunks:
                f.unlink(missing_ok=True)
