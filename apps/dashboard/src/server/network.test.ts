import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { peerHeader } from "../../peer-address.mjs";
import {
  allowedHosts,
  clientKey,
  isCrossSite,
  isLoopback,
  isReachableBeyondLoopback,
  publicOrigin,
  refuseStateChange,
  selfUrl,
} from "./network";

const headers = (entries: Record<string, string>) => new Headers(entries);
const local = { HOST: "127.0.0.1", PAPERPULSE_ALLOWED_HOSTS: undefined, PAPERPULSE_TRUST_PROXY: false };

describe("network", () => {
  it("builds absolute links on the host a reader used, never on a forged one", () => {
    const env = { ...local, PORT: 3000 };
    expect(publicOrigin(headers({ host: "127.0.0.1:3000" }), env)).toBe("http://127.0.0.1:3000");
    expect(publicOrigin(headers({ host: "evil.example" }), env)).toBe("http://127.0.0.1:3000");
    const proxied = {
      ...env,
      PAPERPULSE_TRUST_PROXY: true,
      PAPERPULSE_ALLOWED_HOSTS: ["papers.example.org"],
    };
    const forwarded = headers({
      host: "127.0.0.1:3000",
      "x-forwarded-host": "papers.example.org",
      "x-forwarded-proto": "https",
    });
    expect(publicOrigin(forwarded, proxied)).toBe("https://papers.example.org");
  });

  it("tells loopback hosts from others", () => {
    for (const host of ["localhost", "127.0.0.1", "127.8.9.10", "::1", "[::1]", "app.localhost"]) {
      expect(isLoopback(host), host).toBe(true);
    }
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "example.org", "localhost.example.org"]) {
      expect(isLoopback(host), host).toBe(false);
    }
    expect(isReachableBeyondLoopback(local)).toBe(false);
    expect(isReachableBeyondLoopback({ ...local, HOST: "0.0.0.0" })).toBe(true);
    // A proxy on the same machine forwards others' requests to loopback.
    expect(isReachableBeyondLoopback({ ...local, PAPERPULSE_TRUST_PROXY: true })).toBe(true);
  });

  it("allows the loopback names and HOST by default, or exactly the configured list", () => {
    expect(allowedHosts(local)).toEqual(["localhost", "127.0.0.1", "::1"]);
    expect(allowedHosts({ ...local, HOST: "0.0.0.0" })).toEqual([
      "localhost",
      "127.0.0.1",
      "::1",
      hostname().toLowerCase(),
    ]);
    expect(allowedHosts({ ...local, HOST: "192.168.1.20" })).toContain("192.168.1.20");
    expect(allowedHosts({ ...local, PAPERPULSE_ALLOWED_HOSTS: ["dash.example.org", "[::1]"] })).toEqual([
      "dash.example.org",
      "::1",
    ]);
  });

  it("refuses state changes addressed to another host name (DNS rebinding), whatever the port", () => {
    // A rebinding page is same-origin with itself: only the Host tells it apart.
    const rebound = headers({
      host: "attacker.example:3000",
      origin: "http://attacker.example:3000",
      "sec-fetch-site": "same-origin",
    });
    expect(refuseStateChange(rebound, local)).toMatch(/Host "attacker.example" is not one/);
    expect(refuseStateChange(headers({ host: "localhost:3000" }), local)).toBeNull();
    expect(refuseStateChange(headers({ host: "[::1]:3000" }), local)).toBeNull();
    expect(refuseStateChange(headers({}), local)).toMatch(/Host "\(none\)"/);
    expect(
      refuseStateChange(headers({ host: "127.0.0.1:3000", origin: "https://evil.example" }), local),
    ).toMatch(/Cross-site/);
  });

  it("tells cross-site requests by Sec-Fetch-Site and Origin", () => {
    expect(isCrossSite(headers({ host: "dash:3000" }), local)).toBe(false);
    const same = { host: "dash:3000", "sec-fetch-site": "same-origin", origin: "http://dash:3000" };
    expect(isCrossSite(headers(same), local)).toBe(false);
    expect(isCrossSite(headers({ host: "dash:3000", "sec-fetch-site": "cross-site" }), local)).toBe(true);
    expect(isCrossSite(headers({ host: "dash:3000", "sec-fetch-site": "same-site" }), local)).toBe(true);
    expect(isCrossSite(headers({ host: "dash:3000", origin: "https://evil.example" }), local)).toBe(true);
    expect(isCrossSite(headers({ host: "dash:3000", origin: "http://dash:3001" }), local)).toBe(true);
    expect(isCrossSite(headers({ host: "dash:3000", origin: "null" }), local)).toBe(true);
    // Behind a trusted proxy the public host arrives as X-Forwarded-Host; without trust it is ignored.
    const proxied = {
      host: "internal:3000",
      "x-forwarded-host": "dash.example",
      origin: "https://dash.example",
    };
    expect(isCrossSite(headers(proxied), { ...local, PAPERPULSE_TRUST_PROXY: true })).toBe(false);
    expect(isCrossSite(headers(proxied), local)).toBe(true);
  });

  it("keys clients by the socket's address unless a proxy is trusted", () => {
    const forged = headers({ [peerHeader]: "10.0.0.9", "x-forwarded-for": "203.0.113.1, 10.0.0.2" });
    expect(clientKey(forged, local)).toBe("10.0.0.9");
    // Behind one proxy, the address it appended (the last), not whatever the client put first.
    expect(clientKey(forged, { ...local, PAPERPULSE_TRUST_PROXY: true })).toBe("10.0.0.2");
    expect(clientKey(headers({}), local)).toBe("unknown");
  });

  it("reaches itself on loopback unless it listens on one other address", () => {
    expect(selfUrl({ ...local, PORT: 3000 })).toBe("http://127.0.0.1:3000");
    expect(selfUrl({ ...local, HOST: "0.0.0.0", PORT: 3000 })).toBe("http://127.0.0.1:3000");
    expect(selfUrl({ ...local, HOST: "::1", PORT: 3000 })).toBe("http://[::1]:3000");
    expect(selfUrl({ ...local, HOST: "192.168.1.20", PORT: 80 })).toBe("http://192.168.1.20:80");
    expect(selfUrl({ ...local, HOST: "fd00::5", PORT: 80 })).toBe("http://[fd00::5]:80");
  });
});
