#!/usr/bin/env python3
"""End-to-end test of the HTML report in headless Chromium.

Runs `huella report COHORT --html`, opens the page from disk and checks: it renders with no
console error, exception or CSP violation; the planted pairs of the cohort's labels.json lead the
pairs table; opening a pair shows matched fragments highlighted on both sides and a click on one
side brings the fragment into view on the other; j/k step between pairs; every view renders.
With --hostile, also that none of the payloads planted in the cohort runs and that they show as
text. Screenshots are saved in --out.
"""
import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

VIEWS = ["summary", "pairs", "heatmap", "clusters", "students", "findings"]


class Check:
    def __init__(self):
        self.failures = []

    def __call__(self, condition, message):
        print(("ok    " if condition else "FAIL  ") + message)
        if not condition:
            self.failures.append(message)


def planted_groups(labels):
    """Submissions joined by planted copies: two copies of one original are copies of each other."""
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    for p in labels["planted"]:
        parent[find(p["a"])] = find(p["b"])
    return find


def go(browser, route, view):
    browser.evaluate("location.hash = %s" % json.dumps(route))
    rendered(browser, route, view)


def rendered(browser, route, view="pair"):
    """Waits until the page has drawn `route`: the hash changes before its view is drawn."""
    browser.wait_until("document.documentElement.dataset.view === %s && document.documentElement.dataset.route === %s"
                       % (json.dumps(view), json.dumps(route)))


def table_pairs(browser):
    return browser.evaluate("[...document.querySelectorAll('#pairs-table tbody tr')]"
                            ".map(tr => [tr.cells[1].textContent, tr.cells[2].textContent])")


def check_pair_view(browser, check, out, pairs):
    go(browser, "#pair/1", "pair")
    counts = browser.evaluate("['a', 'b'].map(s => document.querySelectorAll("
                              "'.code[data-side=' + s + '] .line.frag').length)")
    check(counts[0] > 0 and counts[1] > 0, "pair 1 highlights fragments on both sides %s" % counts)
    # A click on side A's first fragment scrolls side B to the same fragment and marks it.
    linked = browser.evaluate("""(() => {
      const block = document.querySelector('.filepair');
      const a = block.querySelector('.code[data-side=a]'), b = block.querySelector('.code[data-side=b]');
      const line = [...a.querySelectorAll('.line[data-frag]')].pop();
      line.click();
      const flashed = b.querySelector('.line.flash[data-first]');
      if (!flashed || flashed.dataset.frag !== line.dataset.frag) return false;
      const top = flashed.offsetTop - b.scrollTop;
      return top >= 0 && top < b.clientHeight;
    })()""")
    check(linked, "a click on a fragment on side A brings it into view on side B")
    colours = browser.evaluate("""(() => {
      const a = document.querySelector('.code[data-side=a] .line.frag');
      const b = document.querySelector('.code[data-side=b] .line.frag[data-frag="' + a.dataset.frag + '"]');
      return [getComputedStyle(a).backgroundColor, b && getComputedStyle(b).backgroundColor];
    })()""")
    check(colours[0] == colours[1] and colours[0] != "rgba(0, 0, 0, 0)",
          "a fragment has the same colour on both sides %s" % colours)
    browser.screenshot(os.path.join(out, "pair.png"))
    browser.evaluate("window.scrollTo(0, document.querySelector('.filepair').offsetTop - 50)")
    browser.screenshot(os.path.join(out, "fragments.png"))
    browser.evaluate("window.scrollTo(0, 0)")
    if pairs < 2:
        return
    browser.press("j", "KeyJ", 74)
    rendered(browser, "#pair/2")
    browser.press("k", "KeyK", 75)
    rendered(browser, "#pair/1")
    check(True, "j and k step to the next and the previous pair")


def check_hostile(browser, check, payloads):
    check(browser.evaluate("typeof window.__xss === 'undefined'"), "no planted payload ran")
    check(browser.evaluate("document.scripts.length") == 2,
          "the page holds only its own two script elements")
    check(browser.evaluate("document.querySelectorAll('[onerror], [onload], [onclick], iframe, object, embed').length") == 0,
          "no element carries an event handler attribute")
    check(browser.evaluate("[...document.querySelectorAll('a')].every(a => a.getAttribute('href').startsWith('#'))"),
          "every link is a route of the report")
    check(browser.evaluate("[...document.images].every(i => !i.src || i.src.startsWith('data:image/jpeg;base64,'))"),
          "every image is an embedded thumbnail")
    text = browser.evaluate("document.body.textContent")
    for p in payloads:
        check(p in text, "shown literally: %s" % p)


def check_later_sections(browser, check, html, out):
    """Sections other stages add later (references, watermarks) are drawn generically, as text."""
    with open(html, encoding="utf-8") as f:
        page = f.read()
    start = page.index('id="huella-data">') + len('id="huella-data">')
    end = page.index("</script>", start)
    data = json.loads(page[start:end])
    student = data["report"]["submissions"][0]["id"]
    planted = {"references": [{"submission": student, "file": "</script><script>window.__xss=20</script>",
                               "reference": "javascript:window.__xss=21", "similarity": 0.9}],
               "watermarks": [{"submission": student, "file": "PROMPTS.md",
                               "payload": "TE:<svg onload=window.__xss=22>", "lines": [1, 2]}]}
    data["report"].update(planted)
    # The same escapes huella writes: nothing in the data can end its script element.
    text = json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    later = os.path.abspath(os.path.join(out, "report_with_later_sections.html"))
    with open(later, "w", encoding="utf-8") as f:
        f.write(page[:start] + text + page[end:])
    browser.navigate("file://" + later)
    browser.wait_until("document.documentElement.dataset.ready === '1'")
    shown = ["</script><script>window.__xss=20</script>", "javascript:window.__xss=21",
             "TE:<svg onload=window.__xss=22>"]
    go(browser, "#findings", "findings")
    check_hostile(browser, check, shown)
    go(browser, "#student/" + browser.evaluate("encodeURIComponent(%s)" % json.dumps(student)), "student")
    check_hostile(browser, check, shown)
    browser.screenshot(os.path.join(out, "later_sections.png"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--huella", required=True)
    parser.add_argument("--chromium", required=True)
    parser.add_argument("--cohort", required=True)
    parser.add_argument("--base", action="append", default=[])
    parser.add_argument("--out", required=True, help="folder for the report and the screenshots")
    parser.add_argument("--lang", default="es")
    parser.add_argument("--top", type=int, default=10, help="leading rows that must be planted")
    parser.add_argument("--hostile", action="store_true",
                        help="the cohort plants payloads: its payloads.json lists what each route shows")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    html = os.path.abspath(os.path.join(args.out, "report.html"))
    command = [args.huella, "report", args.cohort, "--html", html, "--lang", args.lang]
    for b in args.base:
        command += ["--base", b]
    run = subprocess.run(command, stdout=subprocess.DEVNULL)
    check = Check()
    check(run.returncode == 0, "huella report --html exits 0")
    with open(os.path.join(args.cohort, "labels.json")) as f:
        group_of = planted_groups(json.load(f))

    with cdp.Browser(args.chromium) as browser:
        started = time.monotonic()
        browser.navigate("file://" + html)
        browser.wait_until("document.documentElement.dataset.ready === '1'")
        print("      interactive after %.2f s, %d bytes" % (time.monotonic() - started, os.path.getsize(html)))
        check(browser.evaluate("document.documentElement.lang") == args.lang, "the page is in --lang")
        browser.screenshot(os.path.join(args.out, "summary.png"))

        go(browser, "#pairs", "pairs")
        rows = table_pairs(browser)
        top = rows[:args.top]
        check(len(top) == args.top, "the table lists at least %d pairs" % args.top)
        strays = [r for r in top if group_of(r[0]) != group_of(r[1])]
        check(not strays, "the first %d rows are planted copies (strays: %s)" % (args.top, strays))
        browser.screenshot(os.path.join(args.out, "pairs.png"))

        check_pair_view(browser, check, args.out, len(rows))

        for view in VIEWS:
            go(browser, "#" + view, view)
            browser.screenshot(os.path.join(args.out, view + ".png"))
            check("undefined" not in browser.evaluate("document.querySelector('main').textContent"),
                  "every word of the %s view exists in --lang" % view)
        ids = browser.evaluate("JSON.parse(document.getElementById('huella-data').textContent)"
                               ".report.submissions.map(s => s.id)")
        for i in ids:
            go(browser, "#student/" + browser.evaluate("encodeURIComponent(%s)" % json.dumps(i)), "student")
            check(browser.evaluate("document.querySelector('main h1').textContent") == i,
                  "the page of %s opens by its route" % i)
        if args.hostile:
            with open(os.path.join(args.cohort, "payloads.json")) as f:
                routes = json.load(f)["routes"]
            for rank in range(1, len(rows) + 1):
                go(browser, "#pair/%d" % rank, "pair")
                check_hostile(browser, check, [])
            for route, payloads in routes.items():
                go(browser, route, route[1:].split("/")[0])
                check_hostile(browser, check, payloads)
            check_later_sections(browser, check, html, args.out)
        time.sleep(0.2)
        check(not browser.errors, "no console error, exception or CSP violation %s" % browser.errors)

    if check.failures:
        print("%d checks failed" % len(check.failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
