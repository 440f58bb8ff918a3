"""Waivers without the model: inline markers, ids, the baseline, and the policy applying them."""

from __future__ import annotations

import json

import pytest

from provenance.check import load_config
from provenance.check.discover import Pair
from provenance.check.policy import judge_pair
from provenance.check.result import PairOutcome, RawFinding
from provenance.check.waivers import (
    Baseline,
    finding_id,
    fingerprint,
    load_baseline,
    marker_text,
    parse_marker,
    strip_markers,
    write_baseline,
)
from provenance.errors import ConfigError
from provenance.types import Severity

MARKER_CASES = [
    # (body, [(code, ident, reason, problem?)])
    (" ignore addition.passage 1a2b3c4d ", [("addition.passage", "1a2b3c4d", "", False)]),
    ("ignore drift.number 1A2B3C4D (desk checked)", [("drift.number", "1a2b3c4d", "desk checked", False)]),
    (
        "ignore drift.number 1a2b3c4d, drift.date 5e6f7a8b9c (both intended)",
        [("drift.number", "1a2b3c4d", "both intended", False), ("drift.date", "5e6f7a8b9c", "both intended", False)],
    ),
    ("ignroe drift.number 1a2b3c4d", [("", "", "", True)]),
    ("ignore drift.number", [("", "", "", True)]),  # the id is required
    ("ignore drift.numbr 1a2b3c4d", [("drift.numbr", "", "", True)]),
    ("ignore drift.number xyz", [("drift.number", "", "", True)]),
    ("ignore drift.number 1a2b3c", [("drift.number", "", "", True)]),  # too short to be an id
]


@pytest.mark.parametrize("body, expected", MARKER_CASES)
def test_marker_grammar(body, expected):
    markers = parse_marker(body, line=7)
    got = [(m.code, m.ident, m.reason, bool(m.problem)) for m in markers]
    assert got == expected
    assert all(m.line == 7 for m in markers)


def test_markers_are_blanked_keeping_offsets_and_lines():
    text = (
        "First paragraph.\n\n"
        "<!-- provenance: ignore addition.passage 1a2b3c4d -->\n"
        "Added paragraph. <!-- provenance:\n ignore drift.number 5e6f7a8b -->\nLast line.\n"
    )
    stripped, markers = strip_markers(text)
    assert len(stripped) == len(text)
    assert stripped.count("\n") == text.count("\n")
    assert "provenance" not in stripped and "<!--" not in stripped
    assert stripped.splitlines()[3].rstrip() == "Added paragraph."
    assert [(m.line, m.code) for m in markers] == [(3, "addition.passage"), (4, "drift.number")]


def test_other_html_comments_are_left_alone():
    text = "<!-- an editor's note -->\nA sentence.\n"
    assert strip_markers(text) == (text, [])


ID_CASES = [
    # (a, b, same id?)
    (("drift.number", ["3천 명"], ["30,000 workers."]), ("drift.number", ["3천 명"], ["30,000  workers.\n"]), True),
    (("drift.number", ["3천 명"], ["30,000 workers."]), ("drift.number", ["3천 명"], ["40,000 workers."]), False),
    (("drift.number", ["3천 명"], ["30,000 workers."]), ("drift.number", ["4천 명"], ["30,000 workers."]), False),
    (("drift.number", ["3천 명"], ["30,000 workers."]), ("drift.date", ["3천 명"], ["30,000 workers."]), False),
    (("addition.passage", [], ["A.", "B."]), ("addition.passage", [], ["A. B."]), False),
]


@pytest.mark.parametrize("a, b, same", ID_CASES)
def test_finding_id_survives_whitespace_not_edits(a, b, same):
    assert (finding_id(*a) == finding_id(*b)) is same


def test_baseline_fingerprint_depends_on_the_translation_path():
    ident = finding_id("addition.passage", [], ["A."])
    assert fingerprint(ident, "en/a.txt") != fingerprint(ident, "en/b.txt")


# -- baseline file ---------------------------------------------------------------------
def test_baseline_round_trip_and_each_entry_waives_once(tmp_path):
    path = tmp_path / ".provenance-baseline.json"
    entries = [{"fingerprint": "f1", "translation": "en/a.txt", "code": "x", "line": 3}] * 2
    assert write_baseline(path, entries, keep=[{"fingerprint": "f2", "translation": "en/b.txt"}]) == 3
    baseline = load_baseline(path)
    assert [baseline.take("f1"), baseline.take("f1"), baseline.take("f1")] == [True, True, False]
    assert baseline.unused() == 1  # f2 waived nothing
    assert baseline.unused({"en/a.txt"}) == 0


BAD_BASELINES = ["not json", "[]", '{"schema": "other/1", "findings": []}', '{"schema": "provenance.baseline/1", "findings": [{}]}']


@pytest.mark.parametrize("text", BAD_BASELINES)
def test_a_damaged_baseline_is_a_configuration_error(tmp_path, text):
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="baseline"):
        load_baseline(path)


def test_no_baseline_file_means_no_baseline(tmp_path):
    assert load_baseline(tmp_path / "absent.json") is None


# -- policy ---------------------------------------------------------------------------------
PAIR = Pair("en/a.txt", "ko/a.txt", "folder")
ADDED = RawFinding("addition.passage", Severity.WARNING, "added", tgt_line=9, tgt_text=("Dandong is big.", "A bridge."))
NUMBER = RawFinding("drift.number", Severity.ERROR, "3,000 vs 30,000", 5, 5, src_text=("3천 명",), tgt_text=("30,000",))
UNPARSED = RawFinding("credit.unparsed", Severity.INFO, "credit line", tgt_line=30, tgt_text=("By ???",))


def outcome(*findings, markers=()) -> PairOutcome:
    return PairOutcome(PAIR, tuple(findings), tuple(markers))


def marker_for(raw: RawFinding, line: int = 1):
    """The marker the report suggests for `raw`, read back from a text where it sits on `line`."""
    text = "\n" * (line - 1) + marker_text(raw.code, finding_id(raw.code, raw.src_text, raw.tgt_text))
    return strip_markers(text)[1][0]


def judged(result):
    return sorted((f.code, f.waived, f.fails) for f in result.findings)


def test_an_inline_marker_waives_exactly_its_finding(tmp_path):
    config = load_config(start=tmp_path)
    result = judge_pair(outcome(ADDED, NUMBER, markers=[marker_for(ADDED)]), config, None)
    assert judged(result) == [("addition.passage", "inline", False), ("drift.number", "", True)]
    assert result.failed


def test_a_changed_sentence_ends_the_inline_waiver_and_the_marker_is_reported(tmp_path):
    config = load_config(start=tmp_path)
    edited = RawFinding(ADDED.code, ADDED.severity, ADDED.message, tgt_line=9, tgt_text=("Dandong is huge.", "A bridge."))
    result = judge_pair(outcome(edited, markers=[marker_for(ADDED, line=8)]), config, None)
    assert judged(result) == [("addition.passage", "", True), ("waiver.unused", "", False)]
    unused = next(f for f in result.findings if f.code == "waiver.unused")
    assert unused.location.line == 8 and unused.severity is Severity.INFO


def test_an_unreadable_marker_is_a_warning(tmp_path):
    config = load_config(start=tmp_path)
    bad = parse_marker("ignore drift.number", 4)[0]
    result = judge_pair(outcome(markers=[bad]), config, None)
    assert judged(result) == [("waiver.invalid", "", True)]


def test_the_baseline_waives_by_fingerprint_and_not_after_an_edit(tmp_path):
    config = load_config(start=tmp_path)
    accepted = fingerprint(finding_id(NUMBER.code, NUMBER.src_text, NUMBER.tgt_text), PAIR.translation)
    baseline = Baseline(tmp_path / "b.json", [{"fingerprint": accepted, "translation": PAIR.translation}])
    result = judge_pair(outcome(ADDED, NUMBER), config, baseline)
    assert judged(result) == [("addition.passage", "", True), ("drift.number", "baseline", False)]
    edited = RawFinding(NUMBER.code, NUMBER.severity, NUMBER.message, 5, 5, ("3천 명",), ("40,000",))
    baseline = Baseline(tmp_path / "b.json", [{"fingerprint": accepted, "translation": PAIR.translation}])
    assert judged(judge_pair(outcome(edited), config, baseline)) == [("drift.number", "", True)]
    assert baseline.unused() == 1


POLICY_CASES = [
    # (options, expected (code, severity, fails) of NUMBER, ADDED and UNPARSED)
    ({}, [("addition.passage", "warning", True), ("credit.unparsed", "info", False), ("drift.number", "error", True)]),
    ({"fail_on": "error"}, [("addition.passage", "warning", False), ("credit.unparsed", "info", False), ("drift.number", "error", True)]),
    ({"ignore_codes": ["addition.*"]}, [("credit.unparsed", "info", False), ("drift.number", "error", True)]),
    ({"severity": ["drift.number=info"]}, [("addition.passage", "warning", True), ("credit.unparsed", "info", False), ("drift.number", "info", False)]),
    ({"fail_on": "never", "fail_on_codes": ["credit.unparsed"]}, [("addition.passage", "warning", False), ("credit.unparsed", "info", True), ("drift.number", "error", False)]),
]


@pytest.mark.parametrize("options, expected", POLICY_CASES)
def test_policy_severities_ignored_codes_and_failing(tmp_path, options, expected):
    config = load_config(start=tmp_path, **options)
    result = judge_pair(outcome(ADDED, NUMBER, UNPARSED), config, None)
    assert sorted((f.code, f.severity.value, f.fails) for f in result.findings) == expected


def test_outcomes_round_trip_through_the_cache_format():
    original = outcome(ADDED, NUMBER, markers=[marker_for(ADDED)])
    copy = PairOutcome.from_dict(PAIR, json.loads(json.dumps(original.to_dict())))
    assert copy.findings == original.findings and copy.markers == original.markers and copy.cached
