"""Subcommands that live in their own module, one per command (pre-commit style).

Each module holds one typer command function; `provenance/cli.py` registers
it (`app.command("check")(check)`), so the command stays a thin layer over
its package's API.
"""
