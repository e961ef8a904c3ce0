// Opens the database when the server boots, so that a failed migration or a PGlite folder held by another
// process stops the server at once with the reason, instead of failing the first request.
// NEXT_RUNTIME and NEXT_PHASE are the framework's flags, set by Next itself: read here, not in server/env.ts.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { openDbAtBoot } = await import("./server/boot");
    await openDbAtBoot();
  }
}

/** One structured line per request that failed with an error (Next answers it with its error page or a 500). */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routeType: string },
): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getLogger } = await import("@paperpulse/scraper");
  getLogger().error(
    {
      event: "request_failed",
      method: request.method,
      path: request.path,
      routeType: context.routeType,
      reason: error instanceof Error ? error.message : String(error),
    },
    "request failed",
  );
}
