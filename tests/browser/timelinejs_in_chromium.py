#!/usr/bin/env python3
"""The TimelineJS export in the real TimelineJS3 (npm @knight-lab/timelinejs 3.9.11) in headless Chromium.

  timelinejs_in_chromium.py --exporter PATH --out DIR [--screenshot PNG]

For the built-in case (in all three lanes: category, actor, none) and for tests/data/hostile-markup.json with hostile items added
by the exporter helper (in both lanes), it exports the TimelineJS JSON with the real exporter, writes
a page that loads TimelineJS from tests/browser/node_modules (no network), builds the timeline,
and reads the DOM after the scripts ran (tests/browser/headless.py --dom). It asserts one slide per
event plus the title slide, no error (window errors, failed resource loads, unhandled rejections,
console.error, TimelineJS's own config errors), only file:// resources, and, for the hostile case,
that no markup from the case ran or became an element (<img>, <script>).

Fails (never skips) when Chromium or the npm package is missing: run ./build.sh test, which installs both.
"""
import argparse
import base64
import html
import json
import pathlib
import re
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PACKAGE = HERE / "node_modules" / "@knight-lab" / "timelinejs"
VERSION = "3.9.11"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>TimelineJS export</title>
<script id="at-capture">
window.__atErrors = [];
function atRecord(text) {{ window.__atErrors.push(String(text)); }}
window.addEventListener('error', function (e) {{
  var t = e.target;
  if (t && t !== window && (t.src || t.href)) {{ atRecord('failed to load ' + (t.src || t.href)); }}
  else {{ atRecord('error: ' + e.message); }}
}}, true);
window.addEventListener('unhandledrejection', function (e) {{ atRecord('unhandled rejection: ' + e.reason); }});
var atConsoleError = console.error;
console.error = function () {{
  atRecord('console.error: ' + Array.prototype.join.call(arguments, ' '));
  atConsoleError.apply(console, arguments);
}};
</script>
<link rel="stylesheet" href="{css}">
<script src="{js}"></script>
</head><body style="margin:0">
<div id="timeline-embed" style="width:100%;height:{height}px"></div>
<pre id="at-result"></pre>
<script id="at-run">
var atReady = false;
function atReport() {{
  var tl = window.atTimeline;
  var result = {{
    ready: atReady,
    slides: document.querySelectorAll('#timeline-embed .tl-slide').length,
    storySlides: tl && tl._storyslider ? tl._storyslider._slides.length : -1,
    configEvents: tl && tl.config ? tl.config.events.length : -1,
    configErrors: tl && tl.config ? tl.config.getErrors() : ['no config'],
    errors: window.__atErrors,
    resources: performance.getEntriesByType('resource').map(function (r) {{ return r.name; }}),
    injected: document.documentElement.getAttribute('data-injected'),
    images: document.querySelectorAll('#timeline-embed img').length,
    scripts: Array.prototype.map.call(document.querySelectorAll('script'), function (s) {{ return s.id || s.src; }}),
    groups: Array.prototype.map.call(document.querySelectorAll('.tl-timegroup-message'),
                                     function (g) {{ return g.textContent; }}),
    headlines: Array.prototype.map.call(document.querySelectorAll('.tl-slide .tl-headline'),
                                        function (h) {{ return h.textContent; }}),
    dates: Array.prototype.map.call(document.querySelectorAll('.tl-slide .tl-headline-date'),
                                    function (h) {{ return h.textContent; }}),
    ids: Array.prototype.map.call(document.querySelectorAll('#timeline-embed .tl-slide'),
                                  function (s) {{ return s.id; }})
  }};
  document.getElementById('at-result').textContent = JSON.stringify(result);
}}
try {{
  var bytes = Uint8Array.from(atob('{data}'), function (c) {{ return c.charCodeAt(0); }});
  var data = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  window.atTimeline = new TL.Timeline('timeline-embed', data, {{
    script_path: '{script_path}',
    language: 'en'
  }});
  window.atTimeline.on('ready', function () {{
    atReady = true;
    atReport();
    if ('{go_to}') {{ window.atTimeline.goToId('{go_to}'); }}
  }});
}} catch (e) {{
  atRecord('exception: ' + e);
}}
setTimeout(atReport, 2500);
</script>
</body></html>
"""


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def prerequisites():
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        fail("no chromium on the PATH; run ./build.sh test, which installs Debian's chromium")
    js = PACKAGE / "dist" / "js" / "timeline.js"
    if not js.is_file():
        fail("%s is missing; run ./build.sh test, which runs npm ci in tests/browser" % js)
    version = json.loads((PACKAGE / "package.json").read_text()).get("version")
    if version != VERSION:
        fail("tests/browser/node_modules has @knight-lab/timelinejs %s, not %s; run ./build.sh test"
             % (version, VERSION))


def export(exporter, out_json, args):
    run = subprocess.run([exporter] + args + [str(out_json)], capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        fail("the exporter failed: %s %s" % (run.stdout, run.stderr))
    match = re.search(r"^events (\d+)$", run.stdout, re.M)
    if not match:
        fail("the exporter did not say how many events the case has: " + run.stdout)
    return int(match.group(1)), run.stdout


def render(name, json_bytes, out_dir, screenshot=None, height=650, go_to=""):
    page = out_dir / (name + ".html")
    page.write_text(PAGE.format(css=(PACKAGE / "dist" / "css" / "timeline.css").as_uri(),
                                js=(PACKAGE / "dist" / "js" / "timeline.js").as_uri(),
                                script_path=(PACKAGE / "dist" / "js").as_uri() + "/",
                                data=base64.b64encode(json_bytes).decode("ascii"), height=height, go_to=go_to),
                    encoding="utf-8")
    dom = out_dir / (name + ".dom.html")
    cmd = [sys.executable, str(HERE / "headless.py"), str(page), "--dom", str(dom), "--wait-ms", "6000"]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        fail("%s: headless.py failed: %s" % (name, run.stderr))
    text = dom.read_text(encoding="utf-8", errors="replace")
    match = re.search(r'<pre id="at-result">(.*?)</pre>', text, re.S)
    if not match or not match.group(1).strip():
        fail("%s: the page wrote no result (TimelineJS did not run?); DOM in %s" % (name, dom))
    result = json.loads(html.unescape(match.group(1)))
    if screenshot:
        run = subprocess.run([sys.executable, str(HERE / "headless.py"), str(page), "--screenshot", str(screenshot),
                              "--size", "1280x%d" % height, "--wait-ms", "6000"],
                             capture_output=True, text=True, timeout=300)
        if run.returncode != 0:
            fail("%s: the screenshot failed: %s" % (name, run.stderr))
    return result, text


def check(name, events, exported, result, dom_text, hostile):
    problems = []
    data = json.loads(exported)
    if len(data["events"]) != events:
        problems.append("the JSON has %d slides for %d events" % (len(data["events"]), events))
    if not result["ready"]:
        problems.append("TimelineJS never fired 'ready'")
    if result["slides"] != events + 1 or result["storySlides"] != events + 1:
        problems.append("%d slides in the DOM (%d in the slider) for %d events and a title slide"
                        % (result["slides"], result["storySlides"], events))
    if result["configEvents"] != events:
        problems.append("TimelineJS kept %d of %d events" % (result["configEvents"], events))
    if result["configErrors"]:
        problems.append("TimelineJS config errors: %s" % result["configErrors"])
    if result["errors"]:
        problems.append("errors on the page: %s" % result["errors"])
    remote = [r for r in result["resources"] if not r.startswith("file://")]
    if remote:
        problems.append("resources from the network: %s" % remote)
    expected_ids = sorted([e["unique_id"] for e in data["events"]] + [data["title"]["unique_id"]])
    if sorted(result["ids"]) != expected_ids:
        problems.append("slide ids in the DOM %s differ from the unique_ids %s" % (sorted(result["ids"]), expected_ids))
    if result["injected"] is not None:
        problems.append("markup from the case ran: data-injected=%r" % result["injected"])
    if result["images"] != 0:
        problems.append("%d <img> elements in the timeline (the export has no media)" % result["images"])
    if sorted(result["scripts"]) != sorted(["at-capture", (PACKAGE / "dist" / "js" / "timeline.js").as_uri(),
                                            "at-run"]):
        problems.append("unexpected <script> elements: %s" % result["scripts"])
    if hostile:
        # The markup is shown as text: in slide headlines, groups and display dates.
        marker = "<img src=x onerror="
        for field in ("headlines", "groups", "dates"):
            if not any(marker in t for t in result[field]):
                problems.append("no %s shows the hostile markup as text: %s" % (field, result[field]))
        if re.search(r"<img\b", dom_text.split('<pre id="at-result">')[0], re.I):
            problems.append("an <img> element is in the DOM")
    print("%s: %d events, %d slides in the DOM, %d groups, network resources %s, errors %s, injected %s"
          % (name, events, result["slides"], len(result["groups"]), remote, result["errors"], result["injected"]))
    return ["%s: %s" % (name, p) for p in problems]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--exporter", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--screenshot")
    args = parser.parse_args()
    prerequisites()
    out_dir = pathlib.Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    hostile_case = str(ROOT / "tests" / "data" / "hostile-markup.json")
    runs = [
        ("builtin-category", ["--builtin"], False, args.screenshot),
        ("builtin-actor", ["--lane", "actor", "--builtin"], False, None),
        ("builtin-none", ["--lane", "none", "--builtin"], False, None),
        ("hostile-category", ["--hostile", hostile_case], True, None),
        ("hostile-actor", ["--lane", "actor", "--hostile", hostile_case], True, None),
    ]
    problems = []
    for name, export_args, hostile, screenshot in runs:
        out_json = out_dir / (name + ".json")
        events, _ = export(args.exporter, out_json, export_args)
        exported = out_json.read_bytes()
        result, dom_text = render(name, exported, out_dir)
        problems += check(name, events, exported, result, dom_text, hostile)
        if screenshot:
            # A slide with citations and a disputed point, on a page tall enough for every lane.
            render(name + "-screenshot", exported, out_dir, screenshot, 1250, "ev-2021-22-electoral-commission")
    if problems:
        fail("\n".join(problems))
    print("PASS: every export loads in TimelineJS %s with one slide per event and nothing from the case ran" % VERSION)


if __name__ == "__main__":
    main()
