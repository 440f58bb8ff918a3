"""Speed and memory of a local transformers encoder against the default one.

    python benchmarks/encoder_hf.py [--model DIR ...] [--data] [--runs 3] [--json out.json]

Each encoder runs in a fresh process, so its peak memory is its own: load
time, sentences per second on the same sentences (the content sentences of
the fixture articles, or 2,000 kpc-dev lines with `--data`), peak resident
memory and what loading the encoder added to it. `tiny` is the 2-layer,
32-dimensional XLM-RoBERTa with random weights the tests build; real models
are far larger (LaBSE ~471M parameters, multilingual-e5-base ~278M), so
measure them with `--model DIR` on a copy you have.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "kpc-dev" / "korean-english-park.dev"


#: the fixture articles the tiny model's tokenizer is trained on: a fixed list, so that a new
#: fixture does not change the model (its random weights then place texts elsewhere)
TOKENIZER_FIXTURES = ("nk-workers", "typhoon", "night-bus", "exports", "missile-launch", "factory-fire", "derby",
                      "summit", "court", "by-election", "flu", "rates", "earnings", "arrest")


def build_tiny_model(
    dest: Path,
    *,
    hidden: int = 32,
    layers: int = 2,
    vocab: int = 500,
    max_tokens: int = 512,
    initializer_range: float = 0.5,
    seed: int = 0,
) -> Path:
    """A plain transformers directory: a SentencePiece tokenizer trained on the
    fixture text and an XLM-RoBERTa with random weights, saved with save_pretrained."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    import sentencepiece
    import torch
    import transformers

    transformers.utils.logging.disable_progress_bar()
    lines = [
        line for name in TOKENIZER_FIXTURES for path in sorted((ROOT / "fixtures" / name).glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines() if line
    ]
    # every character of the fixtures gets a piece (character_coverage=1.0): a new fixture
    # with new Hangul raises the floor, which SentencePiece refuses to go under
    vocab = max(vocab, len(set("".join(lines))) + 64)
    buffer = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=buffer, vocab_size=vocab,
        model_type="unigram", character_coverage=1.0, minloglevel=2,
    )
    with tempfile.TemporaryDirectory() as stage:
        (Path(stage) / "sentencepiece.bpe.model").write_bytes(buffer.getvalue())
        tokenizer = transformers.XLMRobertaTokenizer.from_pretrained(stage, local_files_only=True, model_max_length=max_tokens)
    config = transformers.XLMRobertaConfig(
        vocab_size=len(tokenizer), hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=2,
        intermediate_size=2 * hidden, max_position_embeddings=max_tokens + 2,
        initializer_range=initializer_range,  # wide enough that random texts get distinct vectors
        pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
    )
    torch.manual_seed(seed)
    transformers.XLMRobertaModel(config).save_pretrained(str(dest))
    tokenizer.save_pretrained(str(dest))
    return dest


def sentences(use_data: bool) -> list[str]:
    """The same sentences for every encoder: fixture content sentences, or kpc-dev lines."""
    if use_data:
        if not Path(f"{DATA}.ko").is_file():
            raise SystemExit(f"{DATA.parent} is absent: run without --data")
        return [
            line.strip() for lang in ("ko", "en")
            for line in Path(f"{DATA}.{lang}").read_text(encoding="utf-8").splitlines() if line.strip()
        ]
    from provenance.segment import segment

    texts: list[str] = []
    for pair in sorted(p for p in (ROOT / "fixtures").iterdir() if p.is_dir()):
        for lang in ("ko", "en"):
            doc = segment((pair / f"{lang}.txt").read_text(encoding="utf-8"), lang, path=str(pair))
            texts.extend(s.text for s in doc.sentences)
    return texts


# -- the child process: one encoder --------------------------------------------------
def child(spec: str, texts_file: Path, runs: int) -> dict:
    import numpy  # noqa: F401  (in the baseline, as in any run)

    import provenance.embed  # noqa: F401

    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    baseline = _rss_mb()
    start = time.perf_counter()
    encoder = _load(spec)
    load_s = time.perf_counter() - start
    encoder.encode(texts[:8])  # warm-up: first-call allocations
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        vectors = encoder.encode(texts)
        times.append(time.perf_counter() - start)
    encode_s = statistics.median(times)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "encoder": spec,
        "signature": encoder.signature,
        "params_m": _params_m(encoder),
        "dim": int(vectors.shape[1]),
        "sentences": len(texts),
        "load_s": round(load_s, 3),
        "encode_s": round(encode_s, 3),
        "sentences_per_s": round(len(texts) / encode_s, 1),
        "peak_rss_mb": round(peak, 1),
        "added_by_encoder_mb": round(peak - baseline, 1),
        "truncated": len(getattr(encoder, "last_truncated", ())),
    }


def _load(spec: str):
    if Path(spec).is_dir():
        from provenance.embed.hf import load_local_encoder

        return load_local_encoder(spec)
    from provenance.embed import get_encoder

    return get_encoder(spec)


def _params_m(encoder) -> float | None:
    model = getattr(encoder, "_model", None)
    if model is None:
        return None
    return round(sum(p.numel() for p in model.parameters()) / 1e6, 3)


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


# -- the parent: build, run each encoder in its own process, print ----------------
def run_child(spec: str, texts_file: Path, runs: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", spec, "--texts", str(texts_file), "--runs", str(runs)],
        capture_output=True, text=True, cwd=ROOT,
    )
    if out.returncode != 0:
        raise SystemExit(f"{spec}: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else 'failed'}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", default=[], help="a local model directory (repeatable)")
    parser.add_argument("--data", action="store_true", help="2,000 kpc-dev lines instead of the fixture sentences")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.child:
        print(json.dumps(child(args.child, args.texts, args.runs)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(sentences(args.data), ensure_ascii=False), encoding="utf-8")
        tiny = str(build_tiny_model(Path(tmp) / "tiny-xlmr"))
        results = [run_child(spec, texts_file, args.runs) for spec in ["use-m3", tiny, *args.model]]
    print(f"{'encoder':<44}{'params':>8}{'dim':>6}{'load':>8}{'sent/s':>9}{'peak MB':>9}{'+enc MB':>9}{'cut':>5}")
    for r in results:
        params = f"{r['params_m']:.2f}M" if r["params_m"] is not None else "-"
        print(
            f"{r['signature'][:43]:<44}{params:>8}{r['dim']:>6}{r['load_s']:>7.2f}s{r['sentences_per_s']:>9.0f}"
            f"{r['peak_rss_mb']:>9.0f}{r['added_by_encoder_mb']:>9.0f}{r['truncated']:>5}"
        )
    print(f"{results[0]['sentences']} sentences, {os.cpu_count()} cores, median of {args.runs} runs")
    summary = {"runs": args.runs, "cores": os.cpu_count(), "results": results}
    print(json.dumps(summary))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
