import { describe, expect, it } from "vitest";
import { ipLiteralOf, isPrivateAddress } from "./private-address.ts";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.0.10",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "[::1]",
    "fe80::1",
    "fd00:ec2::254",
    "::ffff:127.0.0.1",
    "::ffff:a9fe:a9fe",
    "64:ff9b::a9fe:a9fe",
  ])("refuses %s", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(["8.8.8.8", "18.244.202.73", "172.32.0.1", "2600:1f18::1", "::ffff:8.8.8.8", "huggingface.co"])(
    "lets %s through",
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe("ipLiteralOf", () => {
  it("finds IP literals in URLs, including the forms URL normalises", () => {
    expect(ipLiteralOf(new URL("http://169.254.169.254/latest"))).toBe("169.254.169.254");
    expect(ipLiteralOf(new URL("http://[::ffff:127.0.0.1]:8080/"))).toBe("::ffff:7f00:1");
    expect(ipLiteralOf(new URL("http://0x7f000001/"))).toBe("127.0.0.1");
    expect(ipLiteralOf(new URL("http://2130706433/"))).toBe("127.0.0.1");
    expect(ipLiteralOf(new URL("https://huggingface.co/papers"))).toBeNull();
  });
});
