"""Renderers: a Report in, text or JSON out. Each renderer is one module."""

from __future__ import annotations

from typing import Callable

from ..types import Report

FORMATS = ("text", "json", "html")


def render(report: Report, fmt: str, **options) -> str:
    return _renderer(fmt)(report, **options)


def _renderer(fmt: str) -> Callable[..., str]:
    if fmt == "json":
        from .json import render_json

        return render_json
    if fmt == "html":
        from .html import render_html

        return render_html
    if fmt == "text":
        from .text import render_text

        return render_text
    from ..errors import ConfigError

    raise ConfigError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
