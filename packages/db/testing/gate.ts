import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

/** The repository root, found from this file so tests work from any working directory. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** Real Hugging Face captures live beside the repository, never inside it. */
export const hfFixturesDir = join(repoRoot, "..", "shared", "fixtures", "hf");

export function hfFixture(name: string): string {
  return join(hfFixturesDir, name);
}

export const hasHfFixtures = existsSync(join(hfFixturesDir, "SOURCES.md"));

/**
 * A describe block that runs only when its prerequisite is there. When it is missing the block does not pass
 * silently: under CI it fails, elsewhere it is skipped with a warning that names what is missing.
 */
export function describeWhen(available: boolean, missing: string, name: string, body: () => void): void {
  if (available) {
    describe(name, body);
    return;
  }
  const message = `${name}: cannot run, ${missing}`;
  if (process.env.CI) {
    describe(name, () => {
      it("has its prerequisite", () => {
        throw new Error(message);
      });
    });
    return;
  }
  console.warn(`\n!!! SKIPPED ${message}\n`);
  describe.skip(name, body);
}

/** describe() for tests that read ../shared/fixtures/hf. */
export function describeWithFixtures(name: string, body: () => void): void {
  describeWhen(hasHfFixtures, `the real-data fixtures folder ${hfFixturesDir} is absent`, name, body);
}
