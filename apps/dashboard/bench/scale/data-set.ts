import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type SyntheticArchiveOptions, writeSyntheticArchive } from "@paperpulse/scraper/testing";

/**
 * The scale data set: the weekday listings since the daily papers began in May 2023 (~37,000 papers from ~2,500
 * organisations, abstracts as long as real ones), each day captured 30 hours and 14 days after its noon, as
 * recorded API responses that `pnpm scrape import` reads. Deterministic: the same options give the same files byte for byte, so they are
 * written once into a cache folder and reused.
 */
export const scaleArchiveOptions: SyntheticArchiveOptions = {
  seed: 20261204,
  end: "2026-11-27",
  // Weekdays from 2023-05-01 on: earlier daily dates are refused as impossible.
  days: 935,
  papersPerDay: [28, 52],
  organizations: 2500,
  abstractChars: 1300,
  captureHours: [30, 336],
};

export type ScaleArchive = { dir: string; papers: number; files: number };

/** Writes the archive into `cacheDir` unless the same options wrote it there before. */
export function prepareScaleArchive(cacheDir: string): ScaleArchive {
  const key = createHash("sha256").update(JSON.stringify(scaleArchiveOptions)).digest("hex").slice(0, 12);
  const dir = join(cacheDir, `archive-${key}`);
  const manifest = join(dir, "manifest.json");
  if (existsSync(manifest)) return { dir, ...JSON.parse(readFileSync(manifest, "utf8")) };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = writeSyntheticArchive(join(dir, "captures"), scaleArchiveOptions);
  const summary = { papers: archive.papers.length, files: archive.files.length };
  writeFileSync(manifest, JSON.stringify(summary));
  return { dir, ...summary };
}

/** The folder `pnpm scrape import` takes. */
export function capturesDir(archive: ScaleArchive): string {
  return join(archive.dir, "captures");
}
