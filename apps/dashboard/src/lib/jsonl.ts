/**
 * JSON Lines from batches of rows: one JSON object per line, UTF-8, each batch encoded as it arrives, so a history of
 * millions of rows streams in constant memory. A reader parses it line by line (pandas `read_json(lines=True)`).
 */
export function jsonLinesStream<T>(
  batches: AsyncIterable<T[]>,
  toObject: (row: T) => Record<string, unknown>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      const text = next.value.map((row) => `${JSON.stringify(toObject(row))}\n`).join("");
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
