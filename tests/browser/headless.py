#!/usr/bin/env python3
"""Opens a local HTML file in Debian's headless Chromium, offline, and reports what a reader would get.

  headless.py PAGE.html --dom OUT.html            the DOM after the page's scripts ran
  headless.py PAGE.html --screenshot OUT.png      a screenshot (--size WxH, default 1280x900)

Chromium gets no network: every request other than file:// fails (--host-resolver-rules), so a page
that needs the network shows it. --wait-ms gives the page's scripts that much virtual time.
Exit status: 0 when Chromium produced the output, 1 otherwise (its stderr is printed).
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("headless.py: no chromium on the PATH (Debian: apt-get install chromium)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("page")
    parser.add_argument("--dom")
    parser.add_argument("--screenshot")
    parser.add_argument("--size", default="1280x900")
    parser.add_argument("--wait-ms", type=int, default=3000)
    args = parser.parse_args()
    url = pathlib.Path(args.page).resolve().as_uri()
    with tempfile.TemporaryDirectory(prefix="at-chromium-") as profile:
        base = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile,
                "--virtual-time-budget=%d" % args.wait_ms, "--hide-scrollbars"]
        env = dict(os.environ, HOME=profile)
        ok = True
        if args.dom:
            run = subprocess.run(base + ["--dump-dom", url], capture_output=True, env=env, timeout=120)
            pathlib.Path(args.dom).write_bytes(run.stdout)
            ok = ok and run.returncode == 0 and bool(run.stdout)
            if not ok:
                sys.stderr.write(run.stderr.decode(errors="replace"))
        if args.screenshot:
            w, h = args.size.split("x")
            out = pathlib.Path(args.screenshot).resolve()
            run = subprocess.run(base + ["--window-size=%s,%s" % (w, h), "--screenshot=" + str(out), url],
                                 capture_output=True, env=env, timeout=120)
            ok = ok and run.returncode == 0 and out.exists()
            if not ok:
                sys.stderr.write(run.stderr.decode(errors="replace"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
