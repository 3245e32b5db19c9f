#!/usr/bin/env python3
"""Size and load time of huella's HTML report in headless Chromium.

For each report: its size, and over --runs fresh page loads the median time from navigation to
interactive (the page's 'huella-ready' performance mark: data parsed, first view rendered), then
the time to render the pairs table and the most similar pair's side-by-side view.

    bench/html_load.py --chromium /usr/bin/chromium report30.html report300.html
"""
import argparse
import os
import statistics
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "browser"))
import cdp  # noqa: E402

# Milliseconds from the hash change to the view rendered, measured inside the page.
VIEW_TIME = """new Promise(done => {
  const start = performance.now();
  addEventListener('hashchange', () => done(performance.now() - start), {once: true});
  location.hash = %r;
})"""


def measure(browser, path):
    browser.navigate("about:blank")
    browser.navigate("file://" + os.path.abspath(path))
    browser.wait_until("document.documentElement.dataset.ready === '1'")
    ready = browser.evaluate("performance.getEntriesByName('huella-ready')[0].startTime")
    table = browser.evaluate(VIEW_TIME % "#pairs")
    pair = browser.evaluate(VIEW_TIME % "#pair/1")
    return ready, table, pair


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("reports", nargs="+")
    args = parser.parse_args()
    print("| report | MB | interactive (ms) | pairs table (ms) | top pair view (ms) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    with cdp.Browser(args.chromium) as browser:
        for path in args.reports:
            runs = [measure(browser, path) for _ in range(args.runs)]
            medians = [statistics.median(r[i] for r in runs) for i in range(3)]
            print("| %s | %.2f | %.0f | %.0f | %.0f |" % (os.path.basename(path), os.path.getsize(path) / 1e6, *medians))
        if browser.errors:
            print("console errors:", browser.errors)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
