"""The typer application object the subcommand modules register on."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar, get_args

import typer
from typer.core import TyperArgument, TyperCommand, TyperOption

#: The word ``--help`` shows for a value, by its Python type's name, where a parameter gives no
#: ``metavar=`` of its own (typer shows the Python type: ``<str>``, ``<int range>``).
PLAIN_METAVARS = {"str": "TEXT", "int": "N", "float": "NUMBER", "Path": "PATH"}


class _PlainArgument(TyperArgument):
    """An argument whose help shows its metavar alone: ``FILES...``, not ``{paths}...`` in the
    usage line and ``paths... <list[Path]>`` in the list of arguments."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.metavar or (self.name or "").upper()
        return name if self.required else f"[{name}]"


class _PlainOption(TyperOption):
    """An option whose default, given in words as ``show_default="2"`` where the value itself
    is None (not given: the command tells the two apart), shows as typer shows a default it
    holds, ``[default: 2]``, not click's ``[default: (2)]``."""

    def _get_default_string(self, *, ctx: Any, show_default_is_str: bool, **kwargs: Any) -> str:
        if show_default_is_str:
            return str(self.show_default)
        return str(super()._get_default_string(ctx=ctx, show_default_is_str=False, **kwargs))


def example(line: str) -> str:
    """The epilog of a command's ``--help``: one example ``line`` of its use, printed as written
    (click's ``\\b`` keeps it from being rewrapped); the line on ``--debug`` follows it (s86
    docswalk L5: no command's help showed a use of it)."""
    return f"\b\nExample: {line}"


def choice_metavar(*choices: str) -> str:
    """How ``--help`` shows an option that takes one of ``choices`` (the command checks the
    value, with its own one-line error): ``[pair|code]``, as click shows a choice, where typer
    would show ``TEXT``."""
    return f"[{'|'.join(choices)}]"


def _plain_metavar(param: Any) -> str:
    """``param``'s value as ``--help`` shows it: ``N``, ``PATH...`` (``FILES...`` where the
    parameter names it so itself)."""
    described = param.type_descriptor
    annotation = get_args(described.annotation)[0] if described.is_list else described.annotation
    word = PLAIN_METAVARS.get(getattr(annotation, "__name__", ""), "VALUE")
    return f"{word}..." if param.nargs != 1 else word


class PlainHelpCommand(TyperCommand):
    """A command whose ``--help`` shows plain metavars (FILE, FOLDER, N) where typer would show
    Python types, and a default given in words as typer shows a default value
    (:class:`_PlainOption`); every ``roqa`` command is one (set where the commands are
    registered)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if param.metavar is None and not getattr(param, "is_flag", False):
                param.metavar = _plain_metavar(param)
            if isinstance(param, TyperArgument):
                param.__class__ = _PlainArgument
            elif isinstance(param, TyperOption):
                param.__class__ = _PlainOption


app = typer.Typer(
    name="roqa",
    help=(
        "Code qualitative interview transcripts against CFIR on your own machine: suggest codes, "
        "flag what fits no code, measure coder agreement, and write Framework Approach outputs. "
        "Add --debug to any command to see a traceback."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    # -h as --help on every command (click's subcommand contexts take the app's)
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(asked: bool) -> None:
    if asked:
        from .. import __version__

        typer.echo(f"roqa_nlp {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_print_version,
        is_eager=True,
        help="Print the version of roqa_nlp (what run.json and model cards record) and exit.",
    ),
) -> None:
    # no docstring: typer would show it in place of the app's help
    pass


Command = TypeVar("Command", bound=Callable[..., Any])


def leaves_no_empty_out(command: Command) -> Command:
    """``command`` (whose ``--out`` is a folder) removing the ``--out`` folder it made, and the
    folders above it it made, when it stops on an error or Ctrl-C with them still empty
    (:func:`~roqa_nlp.io.removed_if_left_empty`)."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        from ..io import removed_if_left_empty

        with removed_if_left_empty(kwargs["out"]):
            return command(*args, **kwargs)

    return run  # type: ignore[return-value]


def codebook_option(help: str, default: str | None = None) -> Any:
    """A ``--codebook`` option; ``{builtin}`` in ``help`` names the built-in codebooks (read from
    :data:`roqa_nlp.codebooks.BUILTIN`, so a new one appears in every command's help)."""
    from ..codebooks import BUILTIN

    return typer.Option(
        default,
        "--codebook",
        metavar="CODEBOOK",
        help=help.format(builtin=", ".join(BUILTIN)),
    )


def transcripts_argument() -> Any:
    """The ``PATHS`` argument of the commands that read transcripts; its help lists the
    extensions read (from :data:`roqa_nlp.transcripts.SUPPORTED_EXTENSIONS`)."""
    from ..transcripts import SUPPORTED_EXTENSIONS

    return typer.Argument(
        ...,
        metavar="FILES...",
        help=f"Transcript files or folders ({' '.join(SUPPORTED_EXTENSIONS)}).",
    )


def interviewer_option(
    help: str = "A speaker label or name that is the interviewer (repeatable), as for roqa code.",
) -> Any:
    """The ``--interviewer`` option of the commands that read speakers as ``roqa code`` does
    (``roqa inspect``, ``pseudonymise``, ``import``, ``agree``): labels or names added to the
    default interviewer labels (:func:`~roqa_nlp.transcripts.with_default_labels`)."""
    return typer.Option([], "--interviewer", help=help, metavar="NAME")


def participant_option() -> Any:
    """The ``--participant`` option of the commands that take ``--interviewer``: labels or names
    that are a participant's though they match an interviewer label (``Host``)."""
    return typer.Option(
        [],
        "--participant",
        metavar="NAME",
        help="A speaker label or name that is a participant (repeatable), even if it matches an "
        "interviewer label: e.g. a Zoom participant who hosted the call ('Host', 'Jane Smith "
        "(Host)'). It overrules --interviewer and the labels known already.",
    )


def console(**options: Any) -> Any:
    """A rich ``Console`` for what a command prints on standard output (``options`` as rich's).

    rich ends the process itself, with status 1, when standard output is a pipe whose reader
    has gone (``roqa code ... | head -3``); this one hands the ``BrokenPipeError`` on, so that
    :func:`roqa_nlp.cli.main` ends every command the same way. With ``NO_COLOR`` it prints no
    styling code (:func:`~roqa_nlp.io.color_system`).
    """
    import errno
    import os

    from rich.console import Console

    from ..io import color_system

    options.setdefault("color_system", color_system())

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    return _Console(**options)


def file_lines(written: Mapping[str, Path]) -> list[str]:
    """The lines listing the files a command wrote, each its name and path (``written``), the
    paths in one column two spaces after the longest name (``codings.cfir-2022.csv`` too)."""
    width = max(map(len, written), default=0)
    return [f"  {name:{width}}  {p}" for name, p in written.items()]


def print_files(con: Any, written: Mapping[str, Path]) -> None:
    """Print :func:`file_lines` on the console ``con``, each path whole (never wrapped)."""
    for line in file_lines(written):
        con.print(line, soft_wrap=True, markup=False)


def print_wrote(con: Any, path: Path) -> None:
    """Print ``Wrote PATH`` on the console ``con``, the path whole (never wrapped): what
    ``roqa evaluate`` and ``roqa agree`` say of the ``--json`` file they wrote."""
    con.print(f"Wrote {path}", markup=False, soft_wrap=True)


def print_charted_note(note: str, result: Any, book: Any) -> None:
    """Print what ``roqa report`` and ``roqa export`` say of codings charted in another codebook
    (``note``, :func:`~roqa_nlp.crosswalk.chart_codings`'s), with the codes of ``book`` they
    can never carry (:func:`~roqa_nlp.framework.with_uncodable`)."""
    from ..framework import with_uncodable

    typer.echo(with_uncodable(note, result, book))


def json_to_standard_output(path: Path | None) -> bool:
    """Whether ``--json PATH`` (of ``evaluate``, ``agree``) asks for the JSON on standard
    output: ``-`` or ``/dev/stdout``. The command then prints all else on standard error, so
    that what ``... --json - | jq`` reads is the JSON alone."""
    return path is not None and str(path) in ("-", "/dev/stdout")


def write_standard_output(text: str) -> None:
    """Write ``text`` to standard output, where a failure (``> /dev/full``) is said as one
    (:func:`roqa_nlp.cli._written_to_standard_output` finds ``out`` here)."""
    out = sys.stdout
    out.write(text)


#: Process-wide CLI flags (set by ``main`` before the command runs).
state: dict[str, Any] = {"debug": False}


def refuse_json_output_file(command: str, words: list[str], *, paths: bool) -> None:
    """Stop ``roqa COMMAND ... --json FILE`` with one line when ``--json`` is the switch that
    prints JSON to the screen (``suggest``, ``inspect``) and a word of ``words`` looks like the
    file it was meant to write (ends ``.json``, holds no space and, when ``words`` are ``paths``,
    is no speech-to-text JSON there: :func:`_speech_json`): else ``suggest`` codes the file name
    as a text and ``inspect`` says it is not found, or, when it is there (saved with ``>``
    before), not a Whisper transcript (cli tester, session 64), while ``evaluate`` and ``agree``
    take ``--json FILE``."""
    from ..errors import RoqaError

    for word in words:
        looks_like_a_file = word.lower().endswith(".json") and not any(c.isspace() for c in word)
        # a file there that is no speech JSON is the one meant only when typed right after
        # --json: else it is a transcript read as one, and its error says what is wrong with it
        # (cut off, empty: hunt s64 h_cli, R2)
        meant = not Path(word).is_file() or _typed_after_json(word, state.get("argv") or [])
        if looks_like_a_file and meant and not (paths and _speech_json(word)):
            read_as = "a transcript" if paths else "a text to code"
            raise RoqaError(
                f"--json prints the JSON to the screen and takes no file name, so this would be "
                f"read as {read_as}",
                path=word,
                hint=f"to save the JSON, redirect it: roqa {command} ... --json > {word}",
            )


def _typed_after_json(word: str, argv: list[str]) -> bool:
    """Whether ``word`` is typed right after ``--json`` in ``argv`` (``./out.json`` is
    ``out.json``)."""
    return any(a == "--json" and Path(b) == Path(word) for a, b in zip(argv, argv[1:]))


def _speech_json(word: str) -> bool:
    """Whether ``word`` names a folder, or a file holding a speech-to-text JSON transcript
    (Whisper's, or a cloud service's, which reading it names as not read)."""
    import json

    from ..transcripts.whisper_json import cloud_service, is_whisper_json

    path = Path(word)
    if not path.is_file():
        return path.exists()
    if is_whisper_json(path, unreadable=False):
        return True
    try:
        document = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return False
    return cloud_service(document) is not None


def _is_folder(text: str) -> bool:
    """Whether ``text`` names a folder that is there (``examples/interviews/``, ``.``)."""
    if "\n" in text or not text.strip():
        return False
    try:
        return Path(text).is_dir()
    except (OSError, ValueError):  # a sentence too long for a path, or holding a NUL
        return False


def refuse_file_as_text(texts: list[str]) -> None:
    """Stop ``roqa suggest FILE`` with one line when a text given is a file (``quotes.txt``,
    there) or one word named as a transcript file is (``p04.docx``): else suggest ranks the
    codes of the file's name (newcomer, session 47), and says nothing of ``roqa code`` or of
    ``-``, which reads the file's lines (:func:`~roqa_nlp.io.file_given_as_text`). A text that
    is a folder there (``roqa suggest examples/interviews/``) is refused the same way, naming
    ``roqa code`` (daily28, session 90: the folder's path was ranked as talk); a sentence that
    only holds a slash (``staff/managers agreed``) names no folder and is suggested."""
    from ..errors import RoqaValueError
    from ..io import file_given_as_text, shell_quoted

    for text in texts:
        word = shell_quoted(text)
        if text != "-" and _is_folder(text):
            raise RoqaValueError(
                "is a folder, and roqa suggest codes the text it is given",
                path=text,
                hint=f"to code its transcripts: roqa code {word} --out coded/",
            )
        error = file_given_as_text(
            text,
            command="roqa suggest",
            hint=f"to code a transcript: roqa code {word} --out coded/; to suggest codes "
            f"for each line of it: roqa suggest - < {word}",
        )
        if error is not None:
            raise error
