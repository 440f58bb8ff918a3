"""Cold-start timing of the command line, as whole processes.

    python benchmarks/speed.py [--runs 7] [--json out.json]

Times `provenance --help` and `provenance compare` on the ~30-sentence fixture
pair, each as a fresh process, and reports median and spread, plus where the
time of one `compare` goes (stage timings from its JSON report). The first,
untimed run fills the encoder's weight cache, as a user's first run would.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _output import emit  # benchmarks/ is the running script's own folder

ROOT = Path(__file__).resolve().parents[1]
PAIR = [str(ROOT / "fixtures/nk-workers/ko.txt"), str(ROOT / "fixtures/nk-workers/en.txt")]


def command() -> list[str]:
    return [sys.executable, "-m", "provenance"]


def wall(args: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command() + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def summary(times: list[float]) -> dict[str, float]:
    return {
        "median_s": round(statistics.median(times), 3),
        "min_s": round(min(times), 3),
        "max_s": round(max(times), 3),
        "runs": len(times),
    }


def stage_timings() -> dict[str, float]:
    out = subprocess.run(command() + ["compare", *PAIR, "--format", "json"], capture_output=True, text=True)
    return json.loads(out.stdout)["timings"]


def import_time() -> float:
    code = "import time; t=time.perf_counter(); import provenance.cli; print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return round(float(out.stdout), 3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    wall(["compare", *PAIR], 1)  # warm the weight cache and the OS page cache
    result = {
        "help": summary(wall(["--help"], args.runs)),
        "compare": summary(wall(["compare", *PAIR], args.runs)),
        "import_cli_s": import_time(),
        "compare_stages_s": {k: round(v, 3) for k, v in stage_timings().items()},
        "cores": os.cpu_count(),
    }
    print(f"{'command':<28}{'median':>9}{'min':>9}{'max':>9}")
    for name in ("help", "compare"):
        r = result[name]
        print(f"{'provenance ' + name:<28}{r['median_s']:>8.3f}s{r['min_s']:>8.3f}s{r['max_s']:>8.3f}s")
    print(f"import of the CLI: {result['import_cli_s']:.3f}s")
    print("compare stages: " + ", ".join(f"{k} {v:.3f}s" for k, v in result["compare_stages_s"].items()))
    return emit(result, args.json)


if __name__ == "__main__":
    sys.exit(main())
