import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { attachment, csvLines, csvStream, neutraliseFormula } from "./csv";

async function* batches<T>(...items: T[][]): AsyncGenerator<T[]> {
  for (const batch of items) yield batch;
}

describe("csv", () => {
  it("neutralises formula-looking text", () => {
    for (const value of ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx"]) {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    }
    expect(neutraliseFormula("Safe = fine")).toBe("Safe = fine");
  });

  it("leaves numbers and timestamps alone and quotes what needs it", () => {
    const at = new Date("2026-07-31T08:12:00.000Z");
    expect(csvLines([["2407.21780", 'A "title",\nwith a break', null, 12, at]])).toBe(
      `2407.21780,"A ""title"",\nwith a break",,12,2026-07-31T08:12:00.000Z\r\n`,
    );
  });

  it("streams a BOM, the header and every batch", async () => {
    const stream = csvStream(["id", "n"], batches([{ id: "a", n: 1 }], [{ id: "=b", n: 2 }]), (item) => [
      item.id,
      item.n,
    ]);
    const bytes = Buffer.from(await new Response(stream).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(bytes, { bom: true })).toEqual([
      ["id", "n"],
      ["a", "1"],
      ["'=b", "2"],
    ]);
  });

  it("builds a safe attachment header", () => {
    expect(attachment('x"y/z.csv')).toBe('attachment; filename="x_y_z.csv"');
  });
});
