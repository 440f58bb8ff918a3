"""Credits as text for people (`provenance credits FILE`); JSON is `Credits.to_dict()`."""

from __future__ import annotations

from .model import ROLES, Credits, NameMatch

_ROLE_LABELS = {"web_editor": "web editor"}


def role_label(role: str) -> str:
    """A role as people write it ("web_editor" → "web editor")."""
    return _ROLE_LABELS.get(role, role)


def render_text(credits: Credits, *, path: str | None = None, matches: list[NameMatch] | None = None) -> str:
    """One line per credit: role, names, service, file line; then unreadable lines and name matches."""
    head = f"{path}: " if path else ""
    if credits.empty:
        return f"{head}no credit line found ({credits.lang})"
    out = [f"{head}credits ({credits.lang}), {len(credits.lines)} credit line(s)"]
    width = max(len(role_label(r)) for r in ROLES)
    order = {role: i for i, role in enumerate(ROLES)}
    for credit in sorted(credits.credits, key=lambda c: (order.get(c.role, len(ROLES)), c.sentence or 0)):
        names = ", ".join(credit.names) or "(no name)"
        service = f" — {credit.service}" if credit.service else ""
        where = f"  (line {credit.line})" if credit.line is not None else ""
        out.append(f"  {role_label(credit.role):<{width}}  {names}{service}{where}")
    for sentence in credits.unparsed:
        line = credits.line_of(sentence)
        out.append(f"  unreadable credit line: sentence {sentence}" + (f" (line {line})" if line else ""))
    for match in matches or ():
        verdict = "same person" if match.matched else "no match"
        out.append(f"  {match.english} ~ {match.korean}: {verdict}, {match.how} {match.confidence:.2f}")
    return "\n".join(out)
