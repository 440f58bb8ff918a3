"""The report's scripts: the problems filter, next/previous problem, a self-test.

The page reads fine without them (the filter also works from CSS alone where
`:has()` is supported). Both scripts are allowed by hash in the page's
Content-Security-Policy, so nothing injected through article text could run.

`?selftest` in the page's address runs a short check in the browser and
writes its results into `<pre id="selftest">` as JSON, so a headless
`chromium --dump-dom` shows what a person would see: how many rows, which
are visible with and without the filter, where next/previous moves focus,
and any script error or blocked content met on the way.
"""

# Runs first, in <head>: records errors and blocked content from the start.
EARLY_SCRIPT = """
window.__provenanceErrors = [];
addEventListener("error", function (e) {
  window.__provenanceErrors.push(String(e.message || (e.target && e.target.tagName) || "error"));
}, true);
addEventListener("securitypolicyviolation", function (e) {
  window.__provenanceErrors.push("blocked " + e.violatedDirective + " " + e.blockedURI);
});
"""

SCRIPT = """
(function () {
  "use strict";
  var doc = document, root = doc.documentElement;
  var rows = Array.prototype.slice.call(doc.querySelectorAll("tr.item"));
  var problems = rows.filter(function (r) { return r.getAttribute("data-problem") === "1"; });
  var filter = doc.getElementById("problems-only");
  var position = doc.getElementById("position");
  var cursor = -1;

  function applyFilter() { root.classList.toggle("problems-only", !!(filter && filter.checked)); }
  function visible(el) { return el.getClientRects().length > 0; }
  function say(text) { if (position) position.textContent = text; }

  function move(step) {
    if (!problems.length) { say("no problems"); return; }
    var current = problems.indexOf(doc.activeElement);
    if (current < 0) current = cursor;
    cursor = current < 0 ? (step > 0 ? 0 : problems.length - 1)
                         : (current + step + problems.length) % problems.length;
    var row = problems[cursor];
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "center" });
    say("problem " + (cursor + 1) + " of " + problems.length);
  }

  function onKey(e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = e.target && e.target.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && e.target.type !== "checkbox")) return;
    var key = e.key;
    if (key === "j" || key === "n") { move(1); e.preventDefault(); }
    else if (key === "k" || key === "p") { move(-1); e.preventDefault(); }
  }

  if (filter) { filter.addEventListener("change", applyFilter); applyFilter(); }
  doc.addEventListener("keydown", onKey);
  Array.prototype.forEach.call(doc.querySelectorAll("[data-move]"), function (button) {
    button.addEventListener("click", function () { move(Number(button.getAttribute("data-move"))); });
  });
  if (problems.length) say(problems.length + " problem" + (problems.length === 1 ? "" : "s"));

  function selftest() {
    function shown() { return rows.filter(visible); }
    function statuses(list) { return list.map(function (r) { return r.getAttribute("data-status"); }); }
    function press(key) {
      doc.body.dispatchEvent(new KeyboardEvent("keydown", { key: key, bubbles: true, cancelable: true }));
      return doc.activeElement && doc.activeElement.id || null;
    }
    var out = { title: doc.title, rows: rows.length, statuses: statuses(rows), problems: problems.length };
    out.visibleBefore = shown().length;
    if (filter) {
      filter.click();
      out.filterChecked = filter.checked;
      out.visibleAfter = shown().length;
      out.visibleStatusesAfter = statuses(shown());
      filter.click();
      out.visibleRestored = shown().length;
    }
    out.focus = [press("j"), press("j"), press("k"), press("p")];
    out.scripts = doc.scripts.length;
    out.images = doc.images.length;
    out.handlers = doc.querySelectorAll("[onerror],[onload],[onclick],[onmouseover]").length;
    out.mapSegments = doc.querySelectorAll("svg.heat .seg").length;
    out.heatImage = doc.querySelectorAll("svg.heat image").length;
    out.errors = window.__provenanceErrors || [];
    var pre = doc.createElement("pre");
    pre.id = "selftest";
    pre.hidden = true;
    pre.textContent = JSON.stringify(out);
    doc.body.appendChild(pre);
  }
  if (/[?&]selftest(=|&|$)/.test(location.search)) selftest();
})();
"""
