import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { scramVerifier } from "./scram-verifier.ts";

// RFC 7677's example exchange (user "user", password "pencil"): a server holding the verifier must accept the
// client's proof and answer with the signature the RFC gives, exactly as Postgres checks a login.
const salt = "W22ZaJ0SNY7soEsUEjb6gQ==";
const nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
const authMessage = `n=user,r=rOprNGfwEbeRWgbNEkqO,r=${nonce},s=${salt},i=4096,c=biws,r=${nonce}`;
const clientProof = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
const serverSignature = "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

function keysOf(verifier: string) {
  const match = /^SCRAM-SHA-256\$4096:([^$]+)\$([^:]+):(.+)$/.exec(verifier);
  if (!match) throw new Error(`not a verifier: ${verifier}`);
  return {
    salt: match[1],
    storedKey: Buffer.from(match[2] ?? "", "base64"),
    serverKey: Buffer.from(match[3] ?? "", "base64"),
  };
}

describe("scramVerifier", () => {
  it("accepts RFC 7677's proof for the password and signs as the RFC does", () => {
    const { storedKey, serverKey } = keysOf(scramVerifier("pencil", Buffer.from(salt, "base64")));
    const clientSignature = createHmac("sha256", storedKey).update(authMessage).digest();
    const clientKey = Buffer.from(
      Buffer.from(clientProof, "base64").map((byte, i) => byte ^ (clientSignature[i] ?? 0)),
    );
    expect(createHash("sha256").update(clientKey).digest().equals(storedKey)).toBe(true);
    expect(createHmac("sha256", serverKey).update(authMessage).digest("base64")).toBe(serverSignature);
  });

  it("rejects that proof for another password, and salts each verifier afresh", () => {
    const { storedKey } = keysOf(scramVerifier("pencils", Buffer.from(salt, "base64")));
    const clientSignature = createHmac("sha256", storedKey).update(authMessage).digest();
    const clientKey = Buffer.from(
      Buffer.from(clientProof, "base64").map((byte, i) => byte ^ (clientSignature[i] ?? 0)),
    );
    expect(createHash("sha256").update(clientKey).digest().equals(storedKey)).toBe(false);
    expect(keysOf(scramVerifier("pencil")).salt).not.toBe(keysOf(scramVerifier("pencil")).salt);
  });
});
