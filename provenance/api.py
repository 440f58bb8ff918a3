"""The Python API: compare an original with its translation.

    >>> from provenance import compare
    >>> report = compare("story.ko.txt", "story.en.txt")
    >>> report.counts()

The CLI is a thin layer over these functions; everything it prints comes from
the `Report` returned here.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from . import __version__
from .config import Settings
from .errors import InputError
from .types import Document, Report, Role


def compare(
    original: str | Path,
    translation: str | Path,
    *,
    settings: Settings | None = None,
    encoder: Any = None,  # an Encoder object, or a name / local model directory
    encoding: str | None = None,
    input_format: str | None = None,
    **overrides: Any,
) -> Report:
    """Compare two files (text, Markdown or HTML). `overrides` are Settings fields (source_lang=..., presegmented=...)."""
    from .formats import with_source_lines
    from .read import read_article
    from .segment import segment

    encoder, overrides = _encoder_setting(encoder, overrides)
    settings = resolve_settings(settings, **overrides)
    source_article = read_article(original, encoding, input_format, lang=settings.source_lang)
    target_article = read_article(translation, encoding, input_format, lang=settings.target_lang)
    timings: dict[str, float] = {}
    encoder = _loading(encoder, settings, timings, early=True)
    with _timed(timings, "segment"):
        source, target = (
            with_source_lines(segment(article.text, lang, path=str(path), presegmented=settings.presegmented), article)
            for article, lang, path in (
                (source_article, settings.source_lang, original),
                (target_article, settings.target_lang, translation),
            )
        )
    return compare_documents(source, target, settings=settings, encoder=encoder, timings=timings)


def compare_texts(
    source_text: str,
    target_text: str,
    *,
    settings: Settings | None = None,
    encoder: Any = None,
    source_path: str = "<original>",
    target_path: str = "<translation>",
    **overrides: Any,
) -> Report:
    """Compare two texts already in memory (same options as `compare`)."""
    from .read import normalise
    from .segment import segment

    encoder, overrides = _encoder_setting(encoder, overrides)
    settings = resolve_settings(settings, **overrides)
    source_text, target_text = normalise(source_text), normalise(target_text)
    timings: dict[str, float] = {}
    encoder = _loading(encoder, settings, timings, early=True)
    with _timed(timings, "segment"):
        source = segment(source_text, settings.source_lang, path=source_path, presegmented=settings.presegmented)
        target = segment(target_text, settings.target_lang, path=target_path, presegmented=settings.presegmented)
    return compare_documents(source, target, settings=settings, encoder=encoder, timings=timings)


def compare_documents(
    source: Document,
    target: Document,
    *,
    settings: Settings | None = None,
    encoder: Any = None,
    timings: dict[str, float] | None = None,
) -> Report:
    """Compare two segmented documents: the pipeline after `segment`."""
    from .align import (
        JOIN_GAIN, WHOLE_HALF, with_merged_halves, with_replacements, with_split_halves, without_joins_across,
        without_unrelated_parts,
    )
    from .assess import assess
    from .embed import embed_sides
    from .language import check_languages

    settings = resolve_settings(settings)
    timings = dict(timings or {})
    check_languages(source, target)
    encoder = _loading(encoder, settings, timings)
    with _timed(timings, "credits"):
        source, target, credits = _credits(source, target, settings)
    src_content, tgt_content = source.content(), target.content()
    src_texts, tgt_texts = _encoded(src_content, source.lang), _encoded(tgt_content, target.lang)
    with _timed(timings, "embed"):
        src_emb, tgt_emb = embed_sides(encoder, src_texts, tgt_texts)
    with _timed(timings, "align"):
        links = _aligner(settings)(src_emb, tgt_emb, settings.thresholds)
    _check_related(source, target, links, settings)
    if settings.aligner == "embedding":
        from .align import with_moves

        with _timed(timings, "align"):  # a moved sentence is no evidence that the articles are related
            links = with_moves(links, src_emb, tgt_emb, settings.thresholds.chance_similarity,
                               settings.thresholds.merge_penalty)
    with _timed(timings, "align"):
        tgt_gaps = _gaps(tgt_content)
        links = without_joins_across(links, src_emb, tgt_emb, _gaps(src_content), tgt_gaps)
        if settings.aligner == "embedding":
            ratio = _size_ratio(src_content, tgt_content, source, target)
            links = with_split_halves(links, src_emb, tgt_emb, tgt_gaps, ratio)
            links = with_merged_halves(links, src_emb, tgt_emb, _gaps(src_content),
                                       lambda sources, j: ratio(sources, (j,)))
        limits = settings.thresholds
        links = without_unrelated_parts(links, limits.chance_similarity, JOIN_GAIN * limits.merge_penalty,
                                        WHOLE_HALF if settings.aligner == "embedding" else None)
        if settings.aligner == "embedding":  # after the shedding: a sentence shed may stand in another's place
            links = with_replacements(links, src_emb, tgt_emb, limits.chance_similarity, ratio)
    with _timed(timings, "assess"):
        beads, findings = assess(source, target, links, settings, _checker(settings))
    # the vectors the pipeline already has, by text: the steps below encode only what is new
    # (by each sentence's text and by the text the encoder read, without a dateline)
    known = {text: v for sentences, read, matrix in ((src_content, src_texts, src_emb.single),
                                                     (tgt_content, tgt_texts, tgt_emb.single))
             for s, encoded, v in zip(sentences, read, matrix) for text in (s.text, encoded)}
    with _timed(timings, "clauses"):
        beads, findings = _added_clause_negations(beads, findings, source, target, encoder, settings, known)
    with _timed(timings, "coverage"):
        beads, findings = _lost_clauses(beads, findings, source, target, encoder, settings, known)
    findings.extend(credits.pop("findings", []))
    return Report(
        source=source,
        target=target,
        alignment=tuple(beads),
        findings=tuple(findings),
        signature=signature(settings, encoder, source, target),
        credits=credits,
        timings=timings,
        similarity=_similarity(src_emb, tgt_emb),
    )


def _size_ratio(src_content, tgt_content, source: Document, target: Document):
    """Log size ratio of a source sentence (or several, read as one) against target
    sentences (by content position)."""
    from .checks.coverage import log_size_ratio
    from .checks.side import Side

    def ratio(i: int | tuple[int, ...], js: tuple[int, ...]) -> float | None:
        original = " ".join(src_content[k].text for k in ((i,) if isinstance(i, int) else i))
        text = " ".join(tgt_content[j].text for j in js)
        return log_size_ratio(Side(original, source.lang), Side(text, target.lang))

    return ratio


def _encoded(content, lang: str) -> list[str]:
    """The sentences as the encoder reads them: without a leading agency dateline
    ("BEIJING, China (CNN)", "(서울=연합뉴스) … 기자 ="), which one side has and the other
    seldom says, and which pulls a short sentence away from its translation."""
    from .checks.lang import without_dateline

    return [without_dateline(s.text, lang) for s in content]


def _gaps(content) -> set[int]:
    """Positions k of the content sentences after which the next one is not the next
    sentence of the document (a credit line, a caption or a blank line lies between)."""
    return {k for k in range(len(content) - 1) if content[k + 1].index != content[k].index + 1}


def article_credits(
    path: str | Path, *, lang: str | None = None, encoding: str | None = None, input_format: str | None = None
):
    """The credits of one article; its language is read from its script if not given."""
    from .credits import credits_for_text
    from .language import guess_language
    from .read import read_article

    text = read_article(path, encoding, input_format, lang=lang).text
    return credits_for_text(text, lang or guess_language(text), path=str(path))


#: Above this many cells the similarity matrix is not kept (16 MB of float32).
MAX_SIMILARITY_CELLS = 4_000_000


def _similarity(src_emb, tgt_emb):
    """The content-sentence similarity matrix, for the HTML heat map."""
    if len(src_emb) * len(tgt_emb) > MAX_SIMILARITY_CELLS or not len(src_emb) or not len(tgt_emb):
        return None
    return src_emb.single @ tgt_emb.single.T


def _loading(encoder: Any, settings: Settings, timings: dict[str, float], early: bool = False) -> Any:
    """The encoder. Asked `early` (before segmenting), only a packaged one is loaded: the
    default builds its tokenizer on a thread (0.1 s) while the files are segmented and the
    credits read; a local model (seconds of torch) waits until the inputs have passed their checks."""
    if encoder is not None:
        return encoder
    from .embed import REGISTRY, get_encoder

    if early and settings.encoder not in REGISTRY:
        return None

    with _timed(timings, "load"):
        return get_encoder(settings.encoder, pooling=settings.encoder_pooling, prefix=settings.encoder_prefix)


def _encoder_setting(encoder: Any, overrides: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """`encoder=` may be an encoder object or a name/model path (a setting, so its calibration applies)."""
    if isinstance(encoder, (str, Path)):
        return None, {**overrides, "encoder": str(encoder)}
    return encoder, overrides


def resolve_settings(settings: Settings | None = None, **overrides: Any) -> Settings:
    """Settings with the calibration for the encoder and language pair applied."""
    from .calibration import calibrated
    from .language import check_language_code

    settings = settings or Settings()
    if overrides:
        settings = settings.replace(**overrides)
    check_language_code(settings.source_lang, "source language")
    check_language_code(settings.target_lang, "target language")
    return calibrated(settings)


def signature(settings: Settings, encoder: Any, source: Document, target: Document) -> dict[str, str]:
    """Everything that changes the numbers, printed beside them."""
    from .segment import segmenter_signature

    thresholds = ",".join(f"{k}={v:g}" for k, v in settings.thresholds.to_dict().items())
    return {
        "tool": f"provenance {__version__}",
        "pair": f"{source.lang}-{target.lang}",
        "encoder": encoder.signature,
        "segmenter": "presegmented"
        if settings.presegmented
        else f"{segmenter_signature(source.lang)}+{segmenter_signature(target.lang)}",
        "aligner": settings.aligner,
        "thresholds": thresholds,
        "calibration": settings.calibration or "defaults",
    }


def _aligner(settings: Settings):
    from .align import align

    if settings.aligner == "length":
        from .evaluate.galechurch import align_lengths

        return align_lengths
    return align


def _checker(settings: Settings):
    from .checks import check_pair

    enabled = settings.checks

    def run(src_text: str, tgt_text: str, src_lang: str, tgt_lang: str) -> list:
        return check_pair(src_text, tgt_text, src_lang, tgt_lang, enabled=enabled)

    return run


def _added_clause_negations(beads, findings, source: Document, target: Document, encoder: Any, settings: Settings, known: dict):
    """Lower "the translation negates" to info where the negation sits in a clause the
    original does not seem to have (`checks.added`): an addition, not a reversal; raise it
    where a negated clause renders an affirmative one of an original that negates another
    (`checks.flipped`), which counting cannot see."""
    from .assess import findings_for
    from .checks.added import lower_added_negations
    from .checks.flipped import raise_flipped_negations
    from .embed import embed_parts, vectors_for

    if settings.checks is not None and "negation" not in settings.checks:
        return beads, findings
    encode = lambda texts: vectors_for(encoder, texts, known)  # noqa: E731 - the vectors already made are reused
    checked = lower_added_negations(beads, source, target, encode, settings.thresholds.added_clause)
    parts = lambda texts, spans: embed_parts(encoder, texts, spans)  # noqa: E731 - composed from the pass just made
    checked = raise_flipped_negations(checked, source, target, parts, settings.thresholds.flipped_clause)
    if checked == list(beads):
        return beads, findings
    return checked, findings_for(checked, source, target)


def _lost_clauses(beads, findings, source: Document, target: Document, encoder: Any, settings: Settings, known: dict):
    """Re-examine ok beads with a short translation for a lost clause (drift.partial, issue #4).

    Needs the encoder's fitted model from its calibration file; without one nothing changes.
    """
    from .assess import findings_for
    from .checks.coverage import find_lost_clauses, model_for

    if settings.checks is not None and "partial" not in settings.checks:
        return beads, findings
    model = model_for(getattr(encoder, "name", settings.encoder), source.lang, target.lang)
    if not model:
        return beads, findings
    checked = find_lost_clauses(beads, source, target, encoder, model, known)
    if checked == list(beads):
        return beads, findings
    return checked, findings_for(checked, source, target)


def _credits(source: Document, target: Document, settings: Settings) -> tuple[Document, Document, dict]:
    """Mark credit lines and boilerplate (never compared) and cross-check the credits."""
    if settings.presegmented:
        return source, target, {}
    from .credits import cross_check, extract_credits, mark_roles, reporter_matches

    source, target = mark_roles(source), mark_roles(target)
    src_credits, tgt_credits = extract_credits(source), extract_credits(target)
    return source, target, {
        "source": src_credits.to_dict(),
        "target": tgt_credits.to_dict(),
        "reporters": [match.to_dict() for match in reporter_matches(src_credits, tgt_credits)],
        "findings": cross_check(src_credits, tgt_credits),
    }


def _check_related(source: Document, target: Document, links, settings: Settings) -> None:
    """Refuse to list every sentence as dropped and added when the texts are unrelated.

    Evidence of translation is how far linked pairs rise above a similarity
    that articles on the same topic reach by chance, per sentence of the
    shorter side: about 0.2-0.4 for real translations, under 0.05 for two
    unrelated North Korea stories (see README, "Unrelated articles").
    """
    n = min(len(source.content()), len(target.content()))
    if n < 3:
        return
    floor = settings.thresholds.chance_similarity
    evidence = sum(max(0.0, link.similarity - floor) for link in links if link.src and link.tgt) / n
    if evidence < settings.thresholds.document_unrelated:
        raise InputError(
            target.path,
            f"does not appear to be a translation of {source.path} "
            f"(evidence {evidence:.3f}, below {settings.thresholds.document_unrelated:g})",
        )


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


__all__ = ["compare", "compare_texts", "compare_documents", "resolve_settings", "Role"]
