"""Canonical units and how they convert, shared by every language module.

Language modules map their own unit words to these names; the number check
converts within a dimension (translators turn km into miles) and refuses to
pair quantities of different dimensions (people are not dollars).
"""

from __future__ import annotations

#: unit -> (dimension, size in the dimension's base unit)
UNITS: dict[str, tuple[str, float]] = {
    "percent": ("percent", 1.0),
    "fraction": ("percent", 100.0),  # "a third", 3분의 1, 절반: a share, as 33.3%, 50%
    "times": ("times", 1.0),
    "ordinal": ("ordinal", 1.0),
    "category": ("category", 1.0),  # a storm's category, 1급 태풍
    "age": ("age", 1.0),
    "USD": ("money:USD", 1.0),
    "KRW": ("money:KRW", 1.0),
    "CNY": ("money:CNY", 1.0),
    "JPY": ("money:JPY", 1.0),
    "EUR": ("money:EUR", 1.0),
    "GBP": ("money:GBP", 1.0),
    "mm": ("length", 0.001),
    "cm": ("length", 0.01),
    "m": ("length", 1.0),
    "km": ("length", 1000.0),
    "inch": ("length", 0.0254),
    "ft": ("length", 0.3048),
    "yard": ("length", 0.9144),
    "mile": ("length", 1609.344),
    "g": ("mass", 0.001),
    "kg": ("mass", 1.0),
    "lb": ("mass", 0.4536),
    "t": ("mass", 1000.0),
    "km/h": ("speed", 1 / 3.6),
    "mph": ("speed", 0.44704),
    "m2": ("area", 1.0),
    "km2": ("area", 1e6),
    "ha": ("area", 1e4),
    "acre": ("area", 4046.86),
    "ft2": ("area", 0.09290304),
    "mile2": ("area", 2589988.11),
    "pyeong": ("area", 3.305785),  # 평, the Korean floor-area unit
    "W": ("power", 1.0),
    "kW": ("power", 1e3),
    "MW": ("power", 1e6),
    "GW": ("power", 1e9),
    "second": ("time", 1.0),
    "minute": ("time", 60.0),
    "hour": ("time", 3600.0),
    "day": ("time", 86400.0),
    "week": ("time", 604800.0),
    "month": ("time", 2629800.0),
    "year": ("time", 31557600.0),
    "decade": ("time", 315576000.0),
    "century": ("time", 3155760000.0),
    "C": ("temperature", 1.0),
    "F": ("temperature", 5 / 9),
}
#: units whose zero is not the base's: degrees Fahrenheit start 32 below freezing
OFFSETS: dict[str, float] = {"F": -32.0}


def dimension(unit: str | None) -> str | None:
    return UNITS[unit][0] if unit in UNITS else None


def convertible(a: str | None, b: str | None) -> bool:
    """Could these two units describe the same amount? Unknown units could."""
    return a is None or b is None or dimension(a) == dimension(b)


def in_base(value: float, unit: str | None) -> float:
    return (value + OFFSETS.get(unit, 0.0)) * UNITS[unit][1] if unit in UNITS else value
