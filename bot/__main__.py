"""Entry point: ``python -m bot`` and the ``onem-bot`` script."""

from __future__ import annotations

import sys


def main() -> None:
    """Run the command line and exit with its code."""
    from .cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
