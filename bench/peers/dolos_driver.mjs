// Runs Dolos (the library behind its CLI) over the files listed in LIST and prints one line per
// file pair: left path, right path, similarity. Usage: node dolos_driver.mjs PEERS_DIR LIST LANG
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [peers, list, language] = process.argv.slice(2);
const { Dolos } = await import(join(peers, "node_modules/@dodona/dolos-lib/dist/index.js"));
const paths = readFileSync(list, "utf8").split("\n").filter((line) => line.length > 0);
const report = await new Dolos({ language }).analyzePaths(paths);
const lines = [];
for (const pair of report.allPairs())
  lines.push(`${pair.leftFile.path}\t${pair.rightFile.path}\t${pair.similarity.toFixed(4)}`);
process.stdout.write(lines.join("\n") + "\n");
