import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attachment, csvLines, csvStream, neutraliseFormula, spreadsheetText } from "./csv";

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

  it("writes number-like ids as spreadsheet text, and only those, in the columns asked", () => {
    expect(spreadsheetText("2407.21780")).toBe('="2407.21780"');
    expect(spreadsheetText("0123")).toBe('="0123"');
    expect(spreadsheetText("1e5")).toBe('="1e5"');
    expect(spreadsheetText("abc-123")).toBe("abc-123");
    expect(spreadsheetText("=cmd")).toBe("'=cmd");
    expect(csvLines([["2407.21780", "2407.21780", 3]], new Set([0]))).toBe('="2407.21780",2407.21780,3\r\n');
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

// Arbitrary text, with extra weight on cells that start like a formula, and ids that look like numbers.
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom("=", "+", "-", "@", "\t", "\r", '"', ",", "\n"),
      fc.string({ unit: "binary", maxLength: 20 }),
    )
    .map(([start, rest]) => start + rest),
  fc.constantFrom("2407.21780", "0012", "1e5", "-0", "=1+1", "\r\n", '""', ""),
);
// Lone surrogates cannot be written as UTF-8 at all (TextEncoder writes U+FFFD): nothing scraped holds them.
const wellFormed = anyText.filter((text) => !/\p{Cs}/u.test(text));

describe("csv properties", () => {
  it("round-trips any text through a strict RFC 4180 parser, neutralising formula triggers", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(wellFormed, wellFormed, fc.option(wellFormed, { nil: null }), fc.integer()), {
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 5 }),
        async (rows, batchSize) => {
          const chunks: (typeof rows)[] = [];
          for (let i = 0; i < rows.length; i += batchSize) chunks.push(rows.slice(i, i + batchSize));
          const stream = csvStream(["id", "title", "org", "n"], batches(...chunks), (row) => row);
          const bytes = Buffer.from(await new Response(stream).arrayBuffer());
          expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
          const parsed = parse(bytes, {
            bom: true,
            relax_column_count: false,
            relax_quotes: false,
          }) as string[][];
          expect(parsed).toEqual([
            ["id", "title", "org", "n"],
            ...rows.map(([id, title, org, n]) => [
              expected(id),
              expected(title),
              org === null ? "" : expected(org),
              String(n),
            ]),
          ]);
          for (const row of parsed.slice(1)) {
            for (const cell of row.slice(0, 3)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("csv writer", () => {
  // csv-stringify, with CRLF records, leaves a carriage return or line feed that is not part of a CRLF unquoted, so
  // that a spreadsheet would start a new row there; this writer quotes every line break. Everything else comes out
  // byte for byte the same. (Scraped titles have their whitespace collapsed: no real cell holds a line break.)
  const noLoneBreak = wellFormed.filter((text) => !/\r(?!\n)|(?<!\r)\n/.test(text));

  it("writes exactly what csv-stringify writes, but quotes lone line breaks", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(noLoneBreak, fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 6 }),
          {
            maxLength: 10,
          },
        ),
        (rows) => {
          const cells = rows.map((row) =>
            row.map((cell) =>
              cell === null ? "" : typeof cell === "number" ? String(cell) : expected(cell),
            ),
          );
          expect(csvLines(rows)).toBe(stringify(cells, { record_delimiter: "\r\n" }));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("quotes a lone carriage return or line feed", () => {
    expect(csvLines([["a\rb", "c\nd", 1]])).toBe('"a\rb","c\nd",1\r\n');
  });
});

function expected(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
