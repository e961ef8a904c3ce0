import { type Db, tidyAfterRun } from "@paperpulse/db";

/** Embedded databases get their vacuum and statistics after a run that stored pages; a failure costs only a warning. */
export async function tidy(db: Db): Promise<void> {
  try {
    await tidyAfterRun(db);
  } catch (error) {
    console.warn(
      `Tidying the embedded database after the run failed: ${error instanceof Error ? error.message : error}`,
    );
  }
}
