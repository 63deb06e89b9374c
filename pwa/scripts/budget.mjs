// The performance budget of the resident app (issue 7): the JavaScript a first visit
// downloads before the first screen — the entry chunk plus its static imports, and the one
// language catalog the resident uses (Finnish is inside the entry) — at most 80 KB gzipped.
// Printed by every build; the build fails when it is over.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 80;
const dist = new URL("../dist/", import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8"));

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

// The resident app's page only: the staff console (staff/index.html) is a desktop entry
// without a budget.
const entryKey = "index.html";
const entry = manifest[entryKey];
if (!entry?.isEntry) throw new Error(`no entry ${entryKey} in the Vite manifest`);
const initial = new Set([entry.file]);
for (const name of entry.imports ?? []) initial.add(manifest[name].file);
const base = [...initial].reduce((sum, file) => sum + gz(file), 0);
const languages = Object.values(manifest)
  .filter((chunk) => chunk.isDynamicEntry && /bundles\/(sv|en)\.ts$/.test(chunk.src ?? ""))
  .map((chunk) => ({ name: chunk.src.match(/(sv|en)\.ts$/)[1], kb: gz(chunk.file) }));
const rows = [
  { name: "fi", kb: base },
  ...languages.map((l) => ({ name: l.name, kb: base + l.kb })),
];
let over = false;
for (const row of rows) {
  const ok = row.kb <= BUDGET_KB;
  over ||= !ok;
  console.log(
    `initial JavaScript (${row.name}): ${row.kb.toFixed(1)} KB gzipped, budget ${BUDGET_KB} KB${ok ? "" : "  OVER"}`,
  );
}
console.log(`  entry ${entryKey} → ${[...initial].join(", ")}`);
if (over) process.exit(1);
