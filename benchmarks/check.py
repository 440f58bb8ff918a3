"""`provenance check` on a generated repository of article pairs: cold, warm, workers.

    python benchmarks/check.py [--pairs 200] [--sentences 25] [--workers 1 2] [--json out.json]

Writes N article pairs into a temporary folder (`articles/ko/NNN.txt` ↔
`articles/en/NNN.txt`), built from ../shared/data sentence pairs (kpc-dev
without its noisy lines, and jhe-dev), never copied into the repository.
Each article takes a random sample of sentence pairs in random order, so
articles share no two-sentence runs and the cold run cannot borrow another
article's work from the cache; paragraphs hold 1-3 sentences, and every
tenth translation drops a sentence so there are findings to report.

For each worker count it runs, as fresh processes: a cold run (empty cache),
a warm run (unchanged files: the pair-result cache answers), a warm run with
`--cache embeddings` (every pair compared again, every sentence read from the
embedding cache), and a run after editing one sentence in 10% of the
translations. Peak memory is the largest single process (getrusage of the
children) and the whole process tree (sampled from /proc every 50 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"

_SHIM = (
    "import sys\n"
    "from provenance.cli import app, main\n"
    "if not any((c.name or getattr(c.callback, '__name__', '')) == 'check' for c in app.registered_commands):\n"
    "    from provenance.commands.check import check\n"
    "    app.command('check')(check)\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def command() -> list[str]:
    """`provenance` as a fresh process (registering `check` if the CLI does not yet)."""
    return [sys.executable, "-c", _SHIM]


def snapshot(folder: Path) -> Path:
    """A copy of the code under test, so edits in the working tree during the run
    (which rightly invalidate the pair-result cache) do not disturb the figures."""
    code = folder / "code"
    shutil.copytree(ROOT / "provenance", code / "provenance", ignore=shutil.ignore_patterns("__pycache__"))
    if (ROOT / "models").is_dir():
        shutil.copytree(ROOT / "models", code / "models")
    return code


# -- data -----------------------------------------------------------------------------
def sentence_pairs() -> list[tuple[str, str]]:
    kpc = DATA / "kpc-dev"
    noise = json.loads((kpc / "noise.json").read_text(encoding="utf-8"))
    bad = set(noise.get("unrelated", [])) | set(noise.get("partial", []))
    ko = (kpc / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()
    en = (kpc / "korean-english-park.dev.en").read_text(encoding="utf-8").splitlines()
    pairs = [(k, e) for n, (k, e) in enumerate(zip(ko, en), 1) if n not in bad]
    jhe = DATA / "jhe-dev"
    ko = (jhe / "jhe-koen-dev.ko").read_text(encoding="utf-8").splitlines()
    en = (jhe / "jhe-koen-dev.en").read_text(encoding="utf-8").splitlines()
    pairs += list(zip(ko, en))
    return [(k.strip(), e.strip()) for k, e in pairs if k.strip() and e.strip()]


def write_repository(folder: Path, count: int, sentences: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    pool = sentence_pairs()
    (folder / "articles/ko").mkdir(parents=True)
    (folder / "articles/en").mkdir(parents=True)
    (folder / ".git").mkdir()  # the project root
    for n in range(count):
        chosen = rng.sample(pool, sentences)
        cuts = _paragraphs(rng, sentences)
        ko = [[chosen[i][0] for i in group] for group in cuts]
        en = [[chosen[i][1] for i in group] for group in cuts]
        if n % 10 == 9:  # a dropped sentence: something to report
            longest = max(range(len(en)), key=lambda g: len(en[g]))
            en[longest] = en[longest][:-1] if len(en[longest]) > 1 else en[longest]
        _write(folder / f"articles/ko/{n:03d}.txt", ko)
        _write(folder / f"articles/en/{n:03d}.txt", en)


def edit_some(folder: Path, share: float, seed: int = 11) -> int:
    """Change one sentence in `share` of the translations (appends a clause)."""
    rng = random.Random(seed)
    files = sorted((folder / "articles/en").glob("*.txt"))
    picked = rng.sample(files, max(1, int(len(files) * share)))
    for path in picked:
        text = path.read_text(encoding="utf-8")
        first_end = text.find(". ")
        cut = first_end if first_end > 0 else text.find("\n")
        path.write_text(text[:cut] + ", officials said" + text[cut:], encoding="utf-8")
    return len(picked)


def _paragraphs(rng: random.Random, n: int) -> list[list[int]]:
    groups, i = [], 0
    while i < n:
        size = rng.choice((1, 2, 2, 3))
        groups.append(list(range(i, min(n, i + size))))
        i += size
    return groups


def _write(path: Path, paragraphs: list[list[str]]) -> None:
    path.write_text("\n\n".join(" ".join(p) for p in paragraphs if p) + "\n", encoding="utf-8")


# -- running ---------------------------------------------------------------------------------
def run_check(folder: Path, cache: Path, workers: int, extra: list[str] = (), code: Path | None = None) -> dict:
    args = ["check", "--format", "json", "--cache-dir", str(cache), "--workers", str(workers), "--no-progress", *extra]
    env = {**os.environ, "CI": "1"}
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")]))
    start = time.perf_counter()
    process = subprocess.Popen(
        command() + args, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True
    )
    sampler = _TreeMemory(process.pid)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    sampler.stop()
    if process.returncode not in (0, 1):
        raise SystemExit(f"provenance check failed ({process.returncode}): {err.strip()[-500:]}")
    report = json.loads(out)
    return {
        "seconds": round(seconds, 2),
        "exit": process.returncode,
        "tree_peak_mb": round(sampler.peak / 1e6, 1),
        "stats": report["stats"],
        "findings": report["summary"]["findings"],
    }


class _TreeMemory(threading.Thread):
    """Peak summed RSS of a process and its descendants, sampled from /proc."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self._stop_flag = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._stop_flag.is_set():
            self.peak = max(self.peak, _tree_rss(self.pid))
            time.sleep(0.05)

    def stop(self) -> None:
        self._stop_flag.set()
        self.join()


def _tree_rss(pid: int) -> int:
    page = os.sysconf("SC_PAGE_SIZE")
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            statm = (entry / "statm").read_text().split()
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(entry.name))
        rss[int(entry.name)] = int(statm[1]) * page
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


def measure(pairs: int, sentences: int, workers: list[int]) -> dict:
    work = Path(tempfile.mkdtemp(prefix="provenance-check-bench-"))
    out: dict = {"pairs": pairs, "sentences_per_article": sentences, "cores": os.cpu_count(), "runs": {}}
    try:
        code = snapshot(work)
        for count in workers:
            folder = work / f"repo-{count}"
            write_repository(folder, pairs, sentences)
            cache = work / f"cache-{count}"
            runs = {
                "cold": run_check(folder, cache, count, code=code),
                "warm": run_check(folder, cache, count, code=code),
                "warm_embeddings_only": run_check(folder, cache, count, ["--cache", "embeddings"], code=code),
            }
            edited = edit_some(folder, 0.10)
            runs["after_editing"] = {**run_check(folder, cache, count, code=code), "edited_pairs": edited}
            out["runs"][str(count)] = runs
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out["largest_process_peak_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    return out


def table(result: dict) -> str:
    lines = [
        f"provenance check, {result['pairs']} pairs of {result['sentences_per_article']} sentences, "
        f"{result['cores']} cores",
        f"{'workers':>7} {'run':<22} {'seconds':>8} {'vs cold':>8} {'compared':>8} {'encoded':>8} {'tree MB':>8}",
    ]
    for workers, runs in result["runs"].items():
        cold = runs["cold"]["seconds"]
        for name, run in runs.items():
            ratio = f"{cold / run['seconds']:.1f}x" if name != "cold" else ""
            lines.append(
                f"{workers:>7} {name:<22} {run['seconds']:>8.2f} {ratio:>8} {run['stats']['compared']:>8} "
                f"{run['stats']['embedding_misses']:>8} {run['tree_peak_mb']:>8.0f}"
            )
    lines.append(f"largest single process peak RSS: {result['largest_process_peak_mb']} MB")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--sentences", type=int, default=25)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} is absent: the shared development data is not beside the checkout", file=sys.stderr)
        return 2
    result = measure(args.pairs, args.sentences, args.workers)
    print(table(result))
    line = json.dumps(result)
    print(line)
    if args.json:
        args.json.write_text(line + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
