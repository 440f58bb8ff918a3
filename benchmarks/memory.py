"""Peak memory (RSS) of `provenance compare` and of `provenance check` on 1,000 pairs.

    python benchmarks/memory.py [--pairs 1000] [--runs 3] [--workers N] [--corpus kpc|jhe|SRC TGT] [--json out.json]

Each command runs as a fresh process. Two figures per run: the peak RSS of
the command's own process (the kernel's high-water mark, from `wait4`), and
the peak of the sum over it and its worker processes, sampled every 20 ms
from /proc (what the machine must hold at once when `check` forks workers).

The pairs for `check` are built at run time in a temporary folder, never in
the repository: ../shared/data/kpc-dev (or `--corpus`) read as a ring of sentences and cut
into small articles (`NNNN.ko.txt` ↔ `NNNN.en.txt`, 4 to 12 sentences each,
presegmented), so 1,000 pairs need no more corpus than the dev set. The
embedding and result caches are off, so every pair is really compared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _corpus import add_corpus_option, corpus_lines  # benchmarks/ is the running script's own folder
from _output import emit

ROOT = Path(__file__).resolve().parents[1]
PAIR = [str(ROOT / "fixtures/nk-workers/ko.txt"), str(ROOT / "fixtures/nk-workers/en.txt")]
SAMPLE_S = 0.02


def command() -> list[str]:
    return [sys.executable, "-m", "provenance"]


def write_pairs(folder: Path, count: int, ko: list[str], en: list[str]) -> int:
    """`count` small article pairs cut from the corpus; returns the sentences per side."""
    at = total = 0
    for index in range(count):
        size = 4 + index % 9
        rows = [(at + j) % len(ko) for j in range(size)]
        at = (at + size) % len(ko)
        total += size
        (folder / f"{index:04d}.ko.txt").write_text("\n".join(ko[r] for r in rows) + "\n", encoding="utf-8")
        (folder / f"{index:04d}.en.txt").write_text("\n".join(en[r] for r in rows) + "\n", encoding="utf-8")
    (folder / "provenance.toml").write_text("presegmented = true\n", encoding="utf-8")
    return total


def _tree_memory(root_pid: int) -> tuple[int, int]:
    """Resident and proportional (PSS) bytes of a process and all its descendants, now.

    RSS counts the mapped encoder weights once per process although the page
    cache holds them once; PSS shares them out, so its sum is what the tree
    really costs the machine.
    """
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # the process ended meanwhile
            children.setdefault(ppid, []).append(int(entry))
    rss = pss = 0
    todo = [root_pid]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])
        except (OSError, ValueError):
            continue
        rss += int(fields["Rss"].split()[0]) * 1024
        pss += int(fields["Pss"].split()[0]) * 1024
    return rss, pss


def measure(args: list[str], cwd: Path | None = None) -> dict[str, float]:
    """Run one command; its own peak RSS and the sampled peak of its process tree, in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(command() + args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_rss = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        while not done.is_set():
            rss, pss = _tree_memory(proc.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(SAMPLE_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args[:2])} exited {proc.returncode}: {stderr.strip()[-500:]}")
    return {
        "process_peak_mb": round(usage.ru_maxrss / 1024, 1),  # Linux reports KiB
        "tree_rss_peak_mb": round(max(peak_rss, usage.ru_maxrss * 1024) / 2**20, 1),
        "tree_pss_peak_mb": round(peak_pss / 2**20, 1),
        "seconds": round(time.perf_counter() - start, 2),
    }


def summary(rows: list[dict[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {"runs": len(rows)}
    for key in rows[0]:
        values = [row[key] for row in rows]
        out[f"{key}_median"] = statistics.median(values)
        out[f"{key}_min"] = min(values)
        out[f"{key}_max"] = max(values)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", default=None, help="passed to `check -j` (default: the tool's choice)")
    parser.add_argument("--json", type=Path)
    add_corpus_option(parser)
    args = parser.parse_args()
    measure(["compare", *PAIR])  # fill the encoder's weight cache, as a user's first run would
    result: dict = {"compare": summary([measure(["compare", *PAIR]) for _ in range(args.runs)])}
    corpus = corpus_lines(args.corpus)
    if corpus is not None:
        with tempfile.TemporaryDirectory(prefix="provenance-memory-") as tmp:
            folder = Path(tmp)
            sentences = write_pairs(folder, args.pairs, *corpus)
            check = ["check", ".", "--no-cache", "--no-baseline", "--format", "json", "--no-progress"]
            if args.workers:
                check += ["--workers", args.workers]
            result["check"] = summary([measure(check, cwd=folder) for _ in range(args.runs)])
            result["check"].update(pairs=args.pairs, sentences_per_side=sentences, workers=args.workers or "default")
    else:
        print(f"skipped check: corpus {args.corpus[0]} is absent (../shared/data)")
    keys = ("process_peak_mb", "tree_rss_peak_mb", "tree_pss_peak_mb")
    print(f"{'MB, median [min-max]':<32}{'own RSS':>14}{'tree RSS':>14}{'tree PSS':>14}{'seconds':>9}")
    labels = {"compare": "provenance compare (fixture)", "check": f"provenance check ({args.pairs} pairs)"}
    for name, label in labels.items():
        if name in result:
            r = result[name]
            cells = "".join(f"{r[k + '_median']:.0f} [{r[k + '_min']:.0f}-{r[k + '_max']:.0f}]".rjust(14) for k in keys)
            print(f"{label:<32}{cells}{r['seconds_median']:>9.1f}")
    return emit(result, args.json)


if __name__ == "__main__":
    sys.exit(main())
