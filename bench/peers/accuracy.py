"""Accuracy of a ranking of submission pairs on a labelled cohort (labels.json of fixtures/).
Usage: accuracy.py LABELS CHANNEL PAIRS_TSV. Prints: planted pairs that copy CHANNEL (assistant
rewrites apart), how many rank above every innocent pair, and the AUC (a pair not listed
scores 0)."""
import json
import sys

labels = json.load(open(sys.argv[1]))
channel = sys.argv[2]
scores = {}
for line in open(sys.argv[3]):
    a, b, score = line.rstrip("\n").split("\t")
    scores[tuple(sorted((a, b)))] = float(score)

parent = {}


def root(x):
    parent.setdefault(x, x)
    while parent[x] != x:
        x = parent[x]
    return x


planted = {}
for entry in labels["planted"]:
    parent[root(entry["a"])] = root(entry["b"])
    planted[tuple(sorted((entry["a"], entry["b"])))] = entry
copies = [key for key, entry in planted.items()
          if channel in entry["channels"] and "AI" not in entry["levels"]]
rewrites = [key for key, entry in planted.items() if channel in entry["channels"] and "AI" in entry["levels"]]
submissions = sorted({s for key in scores for s in key} | {s for key in planted for s in key})
innocent = [s for s in ((a, b) for i, a in enumerate(submissions) for b in submissions[i + 1:])
            if s not in planted and root(s[0]) != root(s[1])]
highest_innocent = max((scores.get(key, 0) for key in innocent), default=0)
above = sum(scores.get(key, 0) > highest_innocent for key in copies)
wins = sum((scores.get(c, 0) > scores.get(i, 0)) + 0.5 * (scores.get(c, 0) == scores.get(i, 0))
           for c in copies for i in innocent)
auc = wins / (len(copies) * len(innocent)) if copies and innocent else 1
rewrites_above = sum(scores.get(key, 0) > highest_innocent for key in rewrites)
print(f"{above}/{len(copies)} copies above every innocent pair, AUC {auc:.3f}, "
      f"rewrites above {rewrites_above}/{len(rewrites)}")
