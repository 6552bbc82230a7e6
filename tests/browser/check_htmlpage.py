#!/usr/bin/env python3
"""Renders the HTML pages htmlpage-samples wrote in headless Chromium and checks the DOM a reader gets.

  check_htmlpage.py DIRECTORY

For each NAME.html beside a NAME.expected.json: the DOM after loading (headless.py --dom) must have
no <script>, <img>, <iframe>, <object> or <embed>, no on* attribute, no javascript: or data: link, only
elements the page itself writes (none named by case text), a section for every event id listed, the
listed strings present as text, and one timeline SVG row linking to each event. Fails when Chromium
is missing: build.sh installs it.
"""
import html.parser
import json
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent

OUR_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "nav", "ul", "ol",
    "li", "a", "main", "section", "div", "svg", "defs", "lineargradient", "stop", "g", "line", "text", "rect",
    "path", "circle", "article", "span", "bdi", "figure", "blockquote", "figcaption", "cite", "strong", "aside",
    "dl", "dt", "dd", "code", "footer",
}
FORBIDDEN = {"script", "img", "iframe", "object", "embed", "link", "base", "form", "foreignobject", "image", "use"}


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.ids = set()
        self.problems = []
        self.text = []
        self.svg_links = []
        self.in_svg = 0
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "style":
            self.in_style = True
        if tag == "svg":
            self.in_svg += 1
        if tag in FORBIDDEN:
            self.problems.append("forbidden element <%s>" % tag)
        elif tag not in OUR_TAGS:
            self.problems.append("element <%s> the page does not write (from case text?)" % tag)
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append("event handler attribute %s=%r on <%s>" % (name, value, tag))
            if name == "id":
                self.ids.add(value)
            if name in ("href", "src", "xlink:href") and value is not None:
                v = value.strip().lower()
                if not (v.startswith("#") or v.startswith("https://") or v.startswith("http://")):
                    self.problems.append("%s=%r on <%s>" % (name, value, tag))
                if tag == "a" and self.in_svg and v.startswith("#"):
                    self.svg_links.append(value[1:])

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False
        if tag == "svg":
            self.in_svg -= 1

    def handle_data(self, data):
        if not self.in_style:
            self.text.append(data)


def main():
    directory = pathlib.Path(sys.argv[1])
    samples = sorted(directory.glob("*.expected.json"))
    if not samples:
        sys.exit("check_htmlpage.py: no samples in %s (htmlpage-samples writes them)" % directory)
    failures = 0
    for expected_path in samples:
        name = expected_path.name[: -len(".expected.json")]
        page = directory / (name + ".html")
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as tmp:
            dom_path = pathlib.Path(tmp) / "dom.html"
            run = subprocess.run([sys.executable, str(HERE / "headless.py"), str(page), "--dom", str(dom_path),
                                  "--wait-ms", "1000"], capture_output=True, text=True, timeout=180)
            if run.returncode != 0:
                print("FAIL %s: headless Chromium did not render the page:\n%s%s" % (name, run.stdout, run.stderr))
                failures += 1
                continue
            dom_text = dom_path.read_text(encoding="utf-8", errors="replace")
        dom = Dom()
        dom.feed(dom_text)
        problems = list(dom.problems)
        if "svg" not in dom.tags:
            problems.append("no timeline SVG in the DOM")
        text = "".join(dom.text)
        for event_id in expected["events"]:
            if event_id not in dom.ids:
                problems.append("no section with id %s" % event_id)
        if sorted(dom.svg_links) != sorted(expected["events"]):
            problems.append("the SVG links %d rows, the case has %d events" % (len(dom.svg_links), len(expected["events"])))
        for s in expected["texts"]:
            if s not in text:
                problems.append("text %r is not shown as text" % s)
        if problems:
            failures += 1
            print("FAIL %s:\n  %s" % (name, "\n  ".join(problems[:40])))
        else:
            print("PASS %s: %d elements, %d event sections, %d strings shown as text"
                  % (name, len(dom.tags), len(expected["events"]), len(expected["texts"])))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
