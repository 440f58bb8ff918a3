"""`python -m provenance` and the `provenance` command run the command line.

The command's entry point is `entry`, here rather than in `provenance.cli`:
a `check` worker process started by spawning re-imports the command's script
as its main module, and this one imports nothing (typer and rich cost such a
worker about 40 ms before it has anything to do).
"""

import sys


def entry() -> int:
    from .cli import main

    return main()


if __name__ == "__main__":
    sys.exit(entry())
