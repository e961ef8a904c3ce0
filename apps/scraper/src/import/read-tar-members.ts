import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { extract } from "tar-stream";

export type TarMember = { name: string; mtime: Date | null; body: Buffer };

/**
 * Streams the regular-file members of a tar archive, gzipped or not, one at a time. The extractor holds the file's
 * stream back until the member in hand is read, so an archive of any size imports in bounded memory.
 */
export async function* readTarMembers(
  file: string,
  wanted: (name: string) => boolean,
): AsyncGenerator<TarMember> {
  const archive = extract();
  const source = createReadStream(file);
  const feeding = (await isGzip(file))
    ? pipeline(source, createGunzip(), archive)
    : pipeline(source, archive);
  // A read or gunzip failure also fails the extractor, so the loop below throws it; stopping early (a consumer's
  // break) fails the pipeline on purpose. Either way it must not surface as an unhandled rejection.
  feeding.catch(() => {});
  try {
    for await (const entry of archive) {
      const { name, type, mtime } = entry.header;
      if (type !== "file" || !wanted(name)) {
        entry.resume();
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      yield { name, mtime: mtime ?? null, body: Buffer.concat(chunks) };
    }
    // The archive ended: the pipeline has too, or says why not (a truncated gzip stream, say).
    await feeding;
  } finally {
    source.destroy();
  }
}

/** Whether the file starts with gzip's magic bytes (its name may say either). */
async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}
