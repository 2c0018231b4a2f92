"""The ``roqa`` command line.

Each subcommand lives in its own module of this package and registers itself on :data:`app`.
Heavy libraries are imported inside the command functions, so ``roqa --help`` stays fast and
never imports numpy or torch. User errors (:class:`RoqaError`) print one line and exit with 2.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# transformers draws a "Loading weights" bar on stderr each time the model loads: keep stderr for
# the one-line errors researchers need to read.
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

# Importing a command module registers its command on `app`.
from . import agree_cmd, backend_cmd, code_cmd, exchange_cmd, report_cmd, train_cmd  # noqa: E402,F401
from .app import app, state  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``roqa`` console script."""
    from ..errors import RoqaError

    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    if debug:
        args.remove("--debug")
        state["debug"] = True
    try:
        app(args=args, prog_name="roqa", standalone_mode=False)
    except RoqaError as e:
        if debug:
            raise
        print(f"roqa: error: {e}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("roqa: interrupted", file=sys.stderr)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as e:  # click usage errors and real bugs
        import click

        if isinstance(e, click.exceptions.ClickException):
            e.show()
            sys.exit(2)
        if isinstance(e, click.exceptions.Abort):
            print("roqa: aborted", file=sys.stderr)
            sys.exit(1)
        if debug:
            raise
        print(
            f"roqa: internal error: {type(e).__name__}: {e} (run again with --debug for the traceback and report it)",
            file=sys.stderr,
        )
        sys.exit(1)


__all__ = ["app", "main"]
