import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create as createTar } from "tar";
import { afterAll, describe, expect, it } from "vitest";
import { readTarMembers } from "./read-tar-members.ts";

const dir = mkdtempSync(join(tmpdir(), "paperpulse-tar-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A folder of synthetic members (one with a long name, a sub-folder, a symlink) packed as .tar and .tar.gz. */
async function pack(): Promise<{ gz: string; plain: string; names: string[] }> {
  const src = join(dir, "src");
  mkdirSync(join(src, "2026-03"), { recursive: true });
  const names = ["2026-03/2026-03-02.json", `2026-03/${"long-name-".repeat(12)}.json`, "notes.txt"];
  names.forEach((name, i) => {
    writeFileSync(join(src, name), JSON.stringify({ member: i, padding: "x".repeat(i * 70_000) }));
    utimesSync(join(src, name), new Date(Date.UTC(2026, 2, 2 + i)), new Date(Date.UTC(2026, 2, 2 + i)));
  });
  symlinkSync("notes.txt", join(src, "link.txt"));
  const gz = join(dir, "archive.tar.gz");
  const plain = join(dir, "archive.tar");
  await createTar({ gzip: true, file: gz, cwd: src, portable: true }, [...names, "link.txt"]);
  await createTar({ file: plain, cwd: src, portable: true }, [...names, "link.txt"]);
  return { gz, plain, names };
}

const packed = pack();

async function collect(file: string, wanted: (name: string) => boolean = () => true) {
  const members = [];
  for await (const member of readTarMembers(file, wanted)) members.push(member);
  return members;
}

describe("readTarMembers", () => {
  it("reads every regular file of a gzipped or plain archive, in order, with its body and time", async () => {
    const { gz, plain, names } = await packed;
    for (const file of [gz, plain]) {
      const members = await collect(file);
      expect(members.map((m) => m.name)).toEqual(names);
      members.forEach((member, i) => {
        expect(JSON.parse(member.body.toString("utf8")).member).toBe(i);
        expect(member.mtime?.toISOString()).toBe(new Date(Date.UTC(2026, 2, 2 + i)).toISOString());
      });
    }
  });

  it("skips the members it is not asked for", async () => {
    const { gz } = await packed;
    const members = await collect(gz, (name) => name.endsWith(".json"));
    expect(members.map((m) => m.name)).toEqual([
      "2026-03/2026-03-02.json",
      `2026-03/${"long-name-".repeat(12)}.json`,
    ]);
  });

  it("lets the reader stop early, and reads the file again afterwards", async () => {
    const { gz } = await packed;
    for await (const member of readTarMembers(gz, () => true)) {
      expect(member.name).toBe("2026-03/2026-03-02.json");
      break;
    }
    expect(await collect(gz)).toHaveLength(3);
  });

  it("fails on a truncated archive instead of ending quietly", async () => {
    const { gz } = await packed;
    const bytes = readFileSync(gz);
    const cut = join(dir, "cut.tar.gz");
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(collect(cut)).rejects.toThrow();
  });

  it("fails on a file that is no archive", async () => {
    const junk = join(dir, "junk.tar.gz");
    writeFileSync(junk, Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from("not gzip at all")]));
    await expect(collect(junk)).rejects.toThrow();
  });
});
