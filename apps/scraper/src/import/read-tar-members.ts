import { once } from "node:events";
import { createReadStream } from "node:fs";
import { Parser, type ReadEntry } from "tar";

export type TarMember = { name: string; mtime: Date | null; body: Buffer };

const MAX_QUEUED = 4;

/**
 * Streams the regular-file members of a (gzipped) tar archive one at a time, reading ahead only a few members,
 * so an archive of any size imports in bounded memory.
 */
export async function* readTarMembers(
  file: string,
  wanted: (name: string) => boolean,
): AsyncGenerator<TarMember> {
  const queue: TarMember[] = [];
  let finished = false;
  let failure: unknown;
  let abandoned = false;
  let wake: (() => void) | undefined;
  let resume: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  const parser = new Parser({
    onReadEntry: (entry: ReadEntry) => {
      if (entry.type !== "File" || !wanted(entry.path)) {
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on("data", (chunk: Buffer) => chunks.push(chunk));
      entry.on("end", () => {
        queue.push({ name: entry.path, mtime: entry.mtime ?? null, body: Buffer.concat(chunks) });
        notify();
      });
    },
  });

  const produce = async () => {
    try {
      for await (const chunk of createReadStream(file)) {
        if (!parser.write(chunk as Buffer)) await once(parser, "drain");
        while (queue.length >= MAX_QUEUED && !abandoned) await new Promise<void>((r) => (resume = r));
        if (abandoned) return;
      }
      // The parser may emit "end" synchronously inside end(): listen first.
      const ended = once(parser, "end");
      parser.end();
      await ended;
    } catch (error) {
      failure = error;
    } finally {
      finished = true;
      notify();
    }
  };
  parser.on("error", (error: unknown) => {
    failure = error;
    notify();
  });
  const producing = produce();

  try {
    while (true) {
      const member = queue.shift();
      if (member) {
        resume?.();
        resume = undefined;
        yield member;
        continue;
      }
      if (failure) throw failure;
      if (finished) break;
      await new Promise<void>((r) => (wake = r));
    }
  } finally {
    // The consumer may stop early (an error, a break): let the producer end instead of waiting for it forever.
    abandoned = true;
    resume?.();
    await producing;
  }
}
