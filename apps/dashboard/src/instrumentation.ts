// Opens the database when the server boots, so that a failed migration or a PGlite folder held by another
// process stops the server at once with the reason, instead of failing the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { openDbAtBoot } = await import("./server/boot");
    await openDbAtBoot();
  }
}
