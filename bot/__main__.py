"""Entry point: ``python -m bot`` and the ``onem-bot`` script."""

from __future__ import annotations

import os
import sys

CLOSED = "onem-bot: the output was closed before everything was written"


def main() -> None:
    """Run the command line and exit with its code; a closed output pipe is one clear line."""
    from .cli import EXIT_PROBLEMS
    from .cli import main as cli_main

    try:
        code = cli_main()
        sys.stdout.flush()
    except BrokenPipeError:
        # Nothing more can be written there; point stdout at devnull so that the interpreter's
        # own flush at exit does not fail again, and say so once on stderr.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        print(CLOSED, file=sys.stderr)
        code = EXIT_PROBLEMS
    sys.exit(code)


if __name__ == "__main__":
    main()
