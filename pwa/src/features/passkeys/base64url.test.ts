import { describe, expect, it } from "vitest";
import { fromBase64url, toBase64url } from "./base64url";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);

describe("base64url", () => {
  it.each([
    ["", ""],
    ["f", "Zg"],
    ["fo", "Zm8"],
    ["foo", "Zm9v"],
    ["foob", "Zm9vYg"],
    ["fooba", "Zm9vYmE"],
    ["foobar", "Zm9vYmFy"],
  ])("RFC 4648 vector %j → %s", (plain, encoded) => {
    expect(toBase64url(text(plain))).toBe(encoded);
    expect(new TextDecoder().decode(fromBase64url(encoded))).toBe(plain);
  });

  it("uses the URL-safe alphabet and no padding", () => {
    expect(toBase64url(bytes(0xfb, 0xff))).toBe("-_8");
    expect(toBase64url(bytes(0xff, 0xff, 0xfe))).toBe("___-");
    expect([...new Uint8Array(fromBase64url("-_8"))]).toEqual([0xfb, 0xff]);
  });

  it("accepts standard base64 and padding too", () => {
    expect([...new Uint8Array(fromBase64url("+/8="))]).toEqual([0xfb, 0xff]);
    expect(new TextDecoder().decode(fromBase64url("Zm8="))).toBe("fo");
  });

  it("round-trips every length and every byte value", () => {
    for (let length = 0; length < 70; length++) {
      const data = new Uint8Array(length);
      for (let i = 0; i < length; i++) data[i] = (i * 37 + length * 11) % 256;
      const encoded = toBase64url(data);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
      expect([...new Uint8Array(fromBase64url(encoded))]).toEqual([...data]);
    }
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...new Uint8Array(fromBase64url(toBase64url(all.buffer)))]).toEqual([...all]);
  });

  it("encodes a view of part of a buffer, not the whole buffer", () => {
    const view = new Uint8Array([1, 2, 3, 4, 5]).subarray(1, 3);
    expect([...new Uint8Array(fromBase64url(toBase64url(view)))]).toEqual([2, 3]);
  });

  it("rejects what is not base64url", () => {
    expect(() => fromBase64url("a")).toThrow(TypeError);
    expect(() => fromBase64url("ab$d")).toThrow(TypeError);
  });
});
