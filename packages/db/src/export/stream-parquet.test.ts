import { describe, expect, it } from "vitest";
import { readParquetBytes } from "../../testing/read-parquet.ts";
import type { ExportColumn } from "./export-column.ts";
import { streamParquet } from "./stream-parquet.ts";

type Row = {
  id: string;
  n: number;
  big: number;
  at: Date;
  day: string;
  ok: boolean;
  tags: string[];
  plan: string;
};

const columns: ExportColumn<Row>[] = [
  { header: "id", type: "string", nullable: false, value: (row) => row.id },
  { header: "n", type: "int32", value: (row) => (row.n % 3 === 0 ? null : row.n) },
  { header: "big", type: "int64", nullable: false, value: (row) => row.big },
  { header: "at", type: "timestamp", nullable: false, value: (row) => row.at },
  { header: "day", type: "date", nullable: false, value: (row) => row.day },
  { header: "ok", type: "boolean", nullable: false, value: (row) => row.ok },
  { header: "tags", type: "string-list", value: (row) => row.tags },
  { header: "plan", type: "json", value: (row) => row.plan },
];

const rowAt = (i: number): Row => ({
  id: `2601.${String(i).padStart(5, "0")}`,
  n: i,
  big: 2 ** 40 + i,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, i, 250)),
  day: `2026-01-${String((i % 28) + 1).padStart(2, "0")}`,
  ok: i % 2 === 0,
  tags: i % 4 === 0 ? [] : ["a", `t${i}`],
  plan: JSON.stringify({ i }),
});

describe("streamParquet", () => {
  it("hands each row group over before reading further, and reads back as written", async () => {
    let pulled = 0;
    const pulledAtChunk: number[] = [];
    async function* batches() {
      for (let b = 0; b < 7; b++) {
        pulled++;
        yield Array.from({ length: 5 }, (_, i) => rowAt(b * 5 + i));
      }
    }
    const chunks: Uint8Array[] = [];
    for await (const chunk of streamParquet(columns, batches(), { rowGroupRows: 10 })) {
      pulledAtChunk.push(pulled);
      chunks.push(chunk);
    }
    // Groups of 10 rows from batches of 5: a chunk after every second batch, then the last group and the footer.
    expect(pulledAtChunk).toEqual([2, 4, 6, 7]);
    const bytes = Buffer.concat(chunks);
    const file = await readParquetBytes(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    );
    expect(file.rowGroups).toBe(4);
    expect(file.rows).toHaveLength(35);
    expect(file.rows[4]).toEqual({
      id: "2601.00004",
      n: 4,
      big: BigInt(2 ** 40 + 4),
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, 4, 250)),
      day: new Date("2026-01-05T00:00:00.000Z"),
      ok: true,
      tags: [],
      plan: { i: 4 },
    });
    expect(file.rows[3]?.n).toBeNull();
    expect(file.rows[5]?.tags).toEqual(["a", "t5"]);
  });

  it("writes a valid file with no rows", async () => {
    async function* none(): AsyncGenerator<Row[]> {}
    const chunks: Uint8Array[] = [];
    for await (const chunk of streamParquet(columns, none())) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    const file = await readParquetBytes(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    );
    expect(file.rows).toEqual([]);
    expect(Object.keys(file.types)).toEqual(columns.map((c) => c.header));
  });
});
