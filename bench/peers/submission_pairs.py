"""Turns one tool's output into submission pairs with a score, highest first, as TSV (a, b,
score). Usage: submission_pairs.py TOOL OUTPUT ROOT. A file's submission is its first folder
under ROOT; a submission pair scores the highest of its file pairs (huella: its own score)."""
import json
import re
import sys
from pathlib import Path

tool, output, root = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]).resolve()


def submission(path):
    return Path(path).resolve().relative_to(root).parts[0]


def file_pairs():
    if tool == "dolos":
        for line in output.read_text().splitlines():
            if line:
                left, right, similarity = line.split("\t")
                yield left, right, float(similarity)
    elif tool == "jscpd":
        report = json.loads((output / "jscpd-report.json").read_text())
        for clone in report.get("duplicates", []):
            first, second = clone["firstFile"], clone["secondFile"]
            yield first["name"], second["name"], float(clone["lines"])
    elif tool == "sim":
        pattern = re.compile(r"^(\S+) consists for (\d+) % of (\S+) material")
        for line in output.read_text(errors="replace").splitlines():
            match = pattern.match(line)
            if match:
                yield match.group(1), match.group(3), int(match.group(2)) / 100


scores = {}
if tool == "huella":
    for pair in json.loads(output.read_text())["pairs"]:
        scores[tuple(sorted((pair["a"], pair["b"])))] = pair["score"]
else:
    jscpd_lines = tool == "jscpd"
    for left, right, score in file_pairs():
        a, b = submission(left), submission(right)
        if a == b:
            continue
        key = tuple(sorted((a, b)))
        # jscpd reports cloned lines per clone: a pair sums them; the others give a share per file pair.
        scores[key] = scores.get(key, 0) + score if jscpd_lines else max(scores.get(key, 0), score)
for (a, b), score in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
    print(f"{a}\t{b}\t{score:.4f}")
