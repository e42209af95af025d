// Drives the report like a person would and writes what it saw into a pre element (read
// from chromium --dump-dom by BrowserTest). No assertions here: the Java test judges the facts.
(function () {
  var r = {errors: window.__tenkenErrors || []};
  function $(id) { return document.getElementById(id); }
  var D = JSON.parse($("tenken-data").textContent);
  function rows() {
    return Array.prototype.map.call(document.querySelectorAll("#rows tr"), function (tr) {
      return {status: tr.children[0].querySelector(".st").className.replace("st ", ""),
        severity: tr.children[1].querySelector(".st").className.replace("st sev-", ""),
        resource: tr.children[4].textContent, observed: tr.children[5].textContent,
        expected: tr.children[6].textContent};
    });
  }
  function set(id, value) { $(id).value = value; $(id).dispatchEvent(new Event("change")); }
  function uniq(a) { return a.filter(function (x, i) { return a.indexOf(x) === i; }).sort(); }
  function sorted(a, dir) { for (var i = 1; i < a.length; i++) { if (dir * (a[i - 1] < a[i] ? -1 : a[i - 1] > a[i] ? 1 : 0) > 0) return false; } return true; }
  var SEV = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"];
  var initial = rows();
  r.initialStatuses = uniq(initial.map(function (x) { return x.status; }));
  r.initialSeveritySorted = sorted(initial.map(function (x) { return SEV.indexOf(x.severity); }), 1);
  r.total = D.findings.length;
  r.printRows = document.querySelectorAll("#print-rows tr").length;
  r.counts = {};
  D.findings.forEach(function (f) { var s = D.statuses[f[1]]; r.counts[s] = (r.counts[s] || 0) + 1; });
  r.filterStatus = r.counts.PASS ? "PASS" : "NOT_APPLICABLE";
  set("f-status", String(D.statuses.indexOf(r.filterStatus)));
  var pass = rows();
  r.passStatuses = uniq(pass.map(function (x) { return x.status; }));
  r.passRows = pass.length;
  set("f-status", "");
  set("f-severity", String(D.severities.indexOf("HIGH")));
  r.highSeverities = uniq(rows().map(function (x) { return x.severity; }));
  set("f-severity", "");
  var resourceButton = document.querySelector("#findings-table button[data-sort=resource]");
  resourceButton.click();
  r.sortAscending = sorted(rows().map(function (x) { return x.resource; }), 1);
  resourceButton.click();
  r.sortDescending = sorted(rows().map(function (x) { return x.resource; }), -1);
  r.hashAfterSort = location.hash;
  // The evidence columns sort too (as text), both ways.
  ["observed", "expected"].forEach(function (col) {
    var b = document.querySelector("#findings-table button[data-sort=" + col + "]");
    if (!b) { r[col + "Sorts"] = false; return; }
    b.click();
    var up = sorted(rows().map(function (x) { return x[col]; }), 1);
    b.click();
    r[col + "Sorts"] = up && sorted(rows().map(function (x) { return x[col]; }), -1) && location.hash === "#sort=-" + col;
  });
  r.scoreTrend = $("score-trend") ? $("score-trend").textContent : null;
  r.baselineScore = $("baseline-score") ? $("baseline-score").querySelector("b").textContent : null;
  $("f-text").value = "onerror"; $("f-text").dispatchEvent(new Event("input"));
  setTimeout(function () {
    r.hostileRows = rows().map(function (x) { return x.resource; });
    location.hash = "#status=" + r.filterStatus + "&sort=resource";
    setTimeout(function () {
      var restored = rows();
      r.restoredStatuses = uniq(restored.map(function (x) { return x.status; }));
      r.restoredSorted = sorted(restored.map(function (x) { return x.resource; }), 1);
      r.restoredSelect = $("f-status").options[$("f-status").selectedIndex].textContent;
      r.restoredText = $("f-text").value;
      r.pwned = window.__pwned || null;
      // Measured once the page has settled (after the last view), with its widest rows drawn.
      var W = document.documentElement.clientWidth;
      r.overflow = document.documentElement.scrollWidth - W;
      r.overflowing = Array.prototype.filter.call(document.querySelectorAll("body *"), function (e) {
        return e.getBoundingClientRect().right + window.scrollX > W + 1;
      }).slice(0, 5).map(function (e) { return e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right + window.scrollX) + " " + (e.textContent || "").slice(0, 40); });
      r.errors = window.__tenkenErrors;
      var pre = document.createElement("pre");
      pre.id = "tenken-test";
      pre.textContent = JSON.stringify(r);
      document.body.appendChild(pre);
    }, 200);
  }, 400);
})();
