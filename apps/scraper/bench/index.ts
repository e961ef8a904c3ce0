import type { BenchModule } from "./bench-module.ts";
import { importBench } from "./import.bench.ts";
import { parseBench } from "./parse.bench.ts";
import { requestsBench } from "./requests.bench.ts";
import { storageBench } from "./storage.bench.ts";

// Every benchmark of the scraper; `tsx bench/index.ts NAME...` runs only the named ones.
const modules: BenchModule[] = [parseBench, importBench, storageBench, requestsBench];

const only = process.argv.slice(2);
const selected = only.length === 0 ? modules : modules.filter((module) => only.includes(module.name));
if (selected.length === 0) {
  console.error(`no benchmark named ${only.join(", ")}; have: ${modules.map((m) => m.name).join(", ")}`);
  process.exit(2);
}

const failed: string[] = [];
for (const module of selected) {
  console.log(`\n=== ${module.name}`);
  if (!(await module.run())) failed.push(module.name);
}
if (failed.length > 0) {
  console.error(`\nFAILED: ${failed.join(", ")}`);
  process.exitCode = 1;
}
