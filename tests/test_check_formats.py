"""Output formats of `provenance check`: text, JSON, SARIF 2.1.0, JUnit XML, GitHub annotations.

Each format is checked on a synthetic result (no model: escaping, waived
findings, odd file names) and on a real run over fixture pairs.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from provenance.check import load_config, run_check
from provenance.check.discover import Pair
from provenance.check.policy import judge_pair
from provenance.check.render import render_check
from provenance.check.result import CheckResult, PairOutcome, RawFinding
from provenance.check.waivers import Baseline, finding_id, fingerprint
from provenance.types import Severity

from .conftest import FIXTURES, ROOT

SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
ANNOTATION = re.compile(r"^::(error|warning|notice) file=[^,:]+(,line=\d+)?,title=[^:,]+::\S.*$")
TEXT_FINDING = re.compile(r"^  (.+?)(:\d+)?: (error|warning|info) ([a-z]+\.[a-z-]+): [^\x00-\x1f]+ \[.*id [0-9a-f]{8}\]$")


def validate_sarif(document: dict) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"{SARIF_SCHEMA} is absent")
    from jsonschema import Draft4Validator

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(Draft4Validator(schema).iter_errors(document), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


# -- a synthetic result --------------------------------------------------------------------------
ODD = Pair("en/뉴스, 100% \"odd\": name.txt", "ko/뉴스, 100% \"odd\": name.txt", "folder")
CLEAN = Pair("en/clean.txt", "ko/clean.txt", "folder")
MISSING = Pair("en/gone.txt", "ko/gone.txt", "folder")
DRIFT = RawFinding(
    "drift.number", Severity.ERROR, 'number 3,000 is 30,000 (100%)\nsecond line: "quoted", <tag> & \x07bell', 5, 6,
    src_text=("3천 명",), tgt_text=("30,000",),
)
ADDED = RawFinding("addition.passage", Severity.WARNING, "paragraph added", tgt_line=9, src_near=8, tgt_text=("Added.",))
LOW = RawFinding("drift.low-similarity", Severity.WARNING, "reads differently", 12, 12, ("가",), ("b",))


@pytest.fixture
def synthetic(tmp_path) -> CheckResult:
    config = load_config(start=tmp_path)
    waived = fingerprint(finding_id(LOW.code, LOW.src_text, LOW.tgt_text), ODD.translation)
    baseline = Baseline(tmp_path / "b.json", [{"fingerprint": waived, "translation": ODD.translation}])
    outcomes = [
        PairOutcome(ODD, (DRIFT, ADDED, LOW), counts={"ok": 3}, signature={"tool": "provenance test"}),
        PairOutcome(CLEAN, (), counts={"ok": 9}),
        PairOutcome(
            MISSING,
            (RawFinding("pair.missing-translation", Severity.ERROR, "ko/gone.txt has no translation"),),
            compared=False,
            has_translation=False,
        ),
    ]
    pairs = tuple(judge_pair(o, config, baseline) for o in outcomes)
    return CheckResult(pairs, {"tool": "provenance test", "encoder": "fake"}, "warning", "/srv/news", 1.5)


def test_sarif_of_a_synthetic_result_is_valid_and_complete(synthetic):
    document = json.loads(render_check(synthetic, "sarif"))
    validate_sarif(document)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["drift.number", "addition.passage", "drift.low-similarity", "pair.missing-translation"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert {r["id"]: r["properties"]["its"] for r in rules}["drift.number"] == "mistranslation"
    assert {r["id"]: r["properties"]["its"] for r in rules}["addition.passage"] == "addition"
    drift = results[0]
    assert drift["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("en/%EB%89%B4")
    assert drift["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
    assert drift["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert [r.get("suppressions", [{}])[0].get("kind") for r in results] == [None, None, "external", None]
    assert run["properties"]["signature"] == synthetic.signature


def test_github_annotations_escape_what_would_end_the_command(synthetic):
    lines = render_check(synthetic, "github").splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert len(annotations) == 3  # the waived one is not annotated
    assert all(ANNOTATION.match(line) for line in annotations), annotations
    drift = annotations[0]
    assert drift.startswith("::error file=en/뉴스%2C 100%25 \"odd\"%3A name.txt,line=6,")
    assert "%0Asecond line" in drift and "\n" not in drift
    assert annotations[1].startswith("::warning ") and ",line=9," in annotations[1]
    assert "line=" not in annotations[2].split("::")[1]  # a missing translation has no line
    assert lines[-1].startswith("3 pairs checked")


def test_junit_has_one_testcase_per_pair_and_survives_control_characters(synthetic):
    root = ET.fromstring(render_check(synthetic, "junit"))
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == [ODD.translation, CLEAN.translation, MISSING.translation]
    assert [c.find("failure") is not None for c in cases] == [True, False, True]
    assert root.get("tests") == "3" and root.get("failures") == "2"
    failure = cases[0].find("failure").text
    assert "drift.number" in failure and "addition.passage" in failure and "low-similarity" not in failure
    properties = {p.get("name"): p.get("value") for p in root.findall("./testsuite/properties/property")}
    assert properties["signature.encoder"] == "fake"


def test_text_is_one_line_per_finding_grouped_by_pair(synthetic):
    text = render_check(synthetic, "text")
    finding_lines = [line for line in text.splitlines() if line.startswith("  ")]
    assert len(finding_lines) == 3
    assert all(TEXT_FINDING.match(line) for line in finding_lines), finding_lines
    assert finding_lines[0].startswith(f"  {ODD.translation}:6: error drift.number: ")
    assert "[original " + ODD.original + ":5, id " in finding_lines[0]
    assert "1 waived (1 baseline, 0 inline)" in text and "FAILED" in text


def test_json_lists_waived_findings_marked(synthetic):
    document = json.loads(render_check(synthetic, "json"))
    assert document["schema"] == "provenance.check/1"
    assert [p["status"] for p in document["pairs"]] == ["failed", "ok", "failed"]
    low = document["pairs"][0]["findings"][2]
    assert low["waived"] == "baseline" and low["fails"] is False
    assert low["waiver"] == f"<!-- provenance: ignore drift.low-similarity {low['id']} -->"
    assert document["summary"]["exit_code"] == 1


# -- a real run ------------------------------------------------------------------------------------------
PAIRS = {
    "ko/workers.txt": "nk-workers/ko.txt",
    "en/workers.txt": "nk-workers/en-changed-numbers.txt",
    "typhoon.ko.md": "typhoon/ko.txt",
    "typhoon.en.md": "typhoon/en.txt",
    "ko/economy.txt": "economy-long/ko.txt",  # no translation
}


@pytest.fixture(scope="module")
def real(tmp_path_factory, encoder) -> CheckResult:
    repo = tmp_path_factory.mktemp("repo")
    (repo / ".git").mkdir()
    for name, fixture in PAIRS.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / fixture, repo / name)
    config = load_config(start=repo, cache_dir=tmp_path_factory.mktemp("cache"))
    return run_check(config=config, encoder=encoder)


@pytest.mark.model
def test_real_run_finds_the_planted_problems_and_the_missing_half(real):
    by_pair = {p.pair.translation: p for p in real.pairs}
    assert set(by_pair) == {"en/workers.txt", "typhoon.en.md", "en/economy.txt"}
    assert by_pair["typhoon.en.md"].status == "ok"
    assert sorted(f.code for f in by_pair["en/workers.txt"].findings) == ["drift.date", "drift.number", "drift.number"]
    assert [f.code for f in by_pair["en/economy.txt"].findings] == ["pair.missing-translation"]
    assert real.exit_code == 1


@pytest.mark.model
def test_real_sarif_is_valid_with_lines_in_both_files(real):
    document = json.loads(render_check(real, "sarif"))
    validate_sarif(document)
    results = document["runs"][0]["results"]
    number = next(r for r in results if r["ruleId"] == "drift.number")
    where = number["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "en/workers.txt" and where["region"]["startLine"] == 5
    related = number["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "ko/workers.txt" and related["region"]["startLine"] == 5
    assert document["runs"][0]["properties"]["signature"]["encoder"].startswith("use-m3@")


@pytest.mark.model
def test_real_junit_github_and_text(real):
    root = ET.fromstring(render_check(real, "junit"))
    assert len(root.findall("./testsuite/testcase")) == len(real.pairs) == 3
    assert root.get("failures") == "2"
    annotations = [line for line in render_check(real, "github").splitlines() if line.startswith("::")]
    assert len(annotations) == 4 and all(ANNOTATION.match(line) for line in annotations)
    assert any(line.startswith("::error file=en/workers.txt,line=5,title=drift.number") for line in annotations)
    text = render_check(real, "text")
    assert "  en/workers.txt:13: error drift.date: " in text
    assert text.splitlines()[-1].startswith("tool:provenance")
