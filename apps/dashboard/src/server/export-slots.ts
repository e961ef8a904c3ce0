import "server-only";
import { getDbHandle } from "./db";
import { getEnv } from "./env";

// Streaming exports hold a database connection (PGlite: the only one) for as long as the client reads. Beyond a few
// at once they stall every view, so each process lets only so many run; the next gets 429 and tries again.

const key = Symbol.for("paperpulse.dashboard.exportSlots");
type Global = typeof globalThis & { [key]?: { inUse: number } };

/** Seconds a refused client is told to wait: about what a full export takes at full size. */
export const exportRetryAfterSeconds = 5;

/** How many exports may stream at once: PAPERPULSE_MAX_EXPORTS, else 2 embedded (one query at a time), 4 server. */
export async function getExportLimit(): Promise<number> {
  const configured = getEnv().PAPERPULSE_MAX_EXPORTS;
  if (configured !== undefined) return configured;
  return (await getDbHandle()).kind === "pglite" ? 2 : 4;
}

/** Takes a slot, or null when all are in use. The release is idempotent. */
export async function takeExportSlot(): Promise<(() => void) | null> {
  const limit = await getExportLimit();
  const global = globalThis as Global;
  global[key] ??= { inUse: 0 };
  const slots = global[key];
  if (slots.inUse >= limit) return null;
  slots.inUse++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    slots.inUse--;
  };
}

/** The stream, releasing the slot when it ends, fails or the client goes away. */
export function releaseWhenDone(
  stream: ReadableStream<Uint8Array>,
  release: () => void,
): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) {
          release();
          controller.close();
        } else controller.enqueue(next.value);
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
}
