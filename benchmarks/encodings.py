"""Measure legacy-encoding detection on real Korean and English text.

    python benchmarks/encodings.py

Windows of 1, 3 and 10 consecutive lines of ../shared/data (kpc-dev) are
encoded as CP949 and EUC-KR (Korean) and Windows-1252 (English, with Word's
curly quotes, apostrophes and dashes, and with accented names), then decoded
by each method; a window counts when the text comes back exactly. Methods:
the reader (`provenance.read.decode`: charset-normalizer restricted to the
newsroom's encodings), charset-normalizer over every encoding it knows, and
the first reader (CP949 whenever that yields Hangul). Prints a table, then
one JSON line.
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "kpc-dev"
sys.path.insert(0, str(ROOT))


def smarten(text: str) -> str:
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)
    return text.replace("'", "\u2019").replace(" - ", " \u2014 ").replace("--", "\u2014")


def windows(lines: list[str], size: int, count: int = 150, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return ["\n".join(lines[i : i + size]) for i in (rng.randrange(0, len(lines) - size) for _ in range(count))]


def cases() -> list[tuple[str, str, bytes]]:
    ko = (DATA / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()
    en = (DATA / "korean-english-park.dev.en").read_text(encoding="utf-8").splitlines()
    out = []
    for size in (1, 3, 10):
        variants = [("ko cp949", w, "cp949") for w in windows(ko, size)]
        variants += [("ko euc-kr", w, "euc-kr") for w in windows(ko, size)]
        variants += [("en cp1252", smarten(w), "cp1252") for w in windows(en, size, seed=1)]
        variants += [("en cp1252 accents", smarten(w).replace("Kim", "Kím").replace("e ", "é ", 1), "cp1252")
                     for w in windows(en, size, seed=2)]
        for label, text, codec in variants:
            try:
                data = text.encode(codec)
            except UnicodeEncodeError:
                continue
            if not data.isascii():
                out.append((f"{label}, {size} line(s)", text, data))
    return out


def reader(data: bytes) -> str:
    from provenance.read import decode

    return decode(data, "window")[0]


def unrestricted(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else None


def first_reader(data: bytes) -> str | None:
    """The reader before issue #7: CP949 whenever it decodes to any Hangul."""
    try:
        text = data.decode("cp949")
        if any("\uac00" <= c <= "\ud7a3" for c in text):
            return text
    except UnicodeDecodeError:
        pass
    return unrestricted(data)


METHODS = {"reader (newsroom list)": reader, "charset-normalizer (all)": unrestricted, "first reader": first_reader}


def main() -> None:
    if not DATA.is_dir():
        sys.exit(f"{DATA} is absent")
    found = cases()
    right: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    totals: dict[str, int] = defaultdict(int)
    elapsed = defaultdict(float)
    for label, text, data in found:
        totals[label] += 1
        for name, method in METHODS.items():
            start = time.perf_counter()
            try:
                got = method(data)
            except Exception:  # noqa: BLE001 - an error is a miss
                got = None
            elapsed[name] += time.perf_counter() - start
            right[name][label] += got == text
    print(f"{'windows':34}" + "".join(f"{name:>26}" for name in METHODS))
    for label in totals:
        print(f"{label:34}" + "".join(f"{right[name][label]:>20}/{totals[label]:<5}" for name in METHODS))
    summary = {name: {"right": sum(right[name].values()), "of": len(found),
                      "ms": round(1000 * elapsed[name] / len(found), 2)} for name in METHODS}
    print("total", summary)
    print(json.dumps({"benchmark": "encodings", "results": summary}))


if __name__ == "__main__":
    main()
