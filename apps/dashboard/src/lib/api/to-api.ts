import type { PaperDetail, PaperExportRow, PaperSnapshot, RunRow } from "@paperpulse/db";
import type { z } from "zod";
import type { paperDetailSchema, paperSchema, runSchema, snapshotSchema } from "./schemas";

// Stored rows as the API writes them: the documented fields, instants as ISO 8601 UTC.

export function toApiPaper(row: PaperExportRow): z.input<typeof paperSchema> {
  return { ...row, firstSeenAt: row.firstSeenAt.toISOString(), lastSeenAt: row.lastSeenAt.toISOString() };
}

export function toApiSnapshot(row: PaperSnapshot): z.input<typeof snapshotSchema> {
  return { ...row, capturedAt: row.capturedAt.toISOString() };
}

export function toApiPaperDetail(
  paper: PaperDetail,
  snapshots: readonly PaperSnapshot[],
): z.input<typeof paperDetailSchema> {
  return {
    ...paper,
    publishedAt: paper.publishedAt?.toISOString() ?? null,
    firstSeenAt: paper.firstSeenAt.toISOString(),
    lastSeenAt: paper.lastSeenAt.toISOString(),
    snapshots: snapshots.map(toApiSnapshot),
  };
}

export function toApiRun(run: RunRow): z.input<typeof runSchema> {
  return {
    ...run,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
