import { describe, expect, it } from "vitest";
import {
  type DecodedImage,
  downscalePhoto,
  fitWithin,
  type JpegCanvas,
  MAX_EDGE,
  UnreadablePhotoError,
} from "./downscale";

describe("fitWithin", () => {
  it("scales the long side down to 2048 px, keeping the aspect ratio", () => {
    expect(MAX_EDGE).toBe(2048);
    expect(fitWithin({ width: 4000, height: 3000 })).toEqual({ width: 2048, height: 1536 });
    expect(fitWithin({ width: 3000, height: 4000 })).toEqual({ width: 1536, height: 2048 });
    expect(fitWithin({ width: 4032, height: 1816 })).toEqual({ width: 2048, height: 922 });
  });

  it("never enlarges a small photo", () => {
    expect(fitWithin({ width: 800, height: 600 })).toEqual({ width: 800, height: 600 });
    expect(fitWithin({ width: 2048, height: 2048 })).toEqual({ width: 2048, height: 2048 });
  });

  it("keeps a very thin image at least one pixel wide", () => {
    expect(fitWithin({ width: 100000, height: 10 })).toEqual({ width: 2048, height: 1 });
  });
});

/** A canvas that records what was drawn and "encodes" a small JPEG-typed blob. */
function fakeCanvas() {
  const calls: unknown[][] = [];
  const made: Array<{ width: number; height: number }> = [];
  const create = (size: { width: number; height: number }): JpegCanvas => {
    made.push(size);
    return {
      getContext: () =>
        ({
          fillStyle: "",
          imageSmoothingQuality: "low",
          fillRect: (...args: unknown[]) => calls.push(["fillRect", ...args]),
          drawImage: (...args: unknown[]) => calls.push(["drawImage", ...args]),
        }) as unknown as ReturnType<JpegCanvas["getContext"]>,
      toJpeg: async (quality) => {
        calls.push(["toJpeg", quality]);
        return new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: "image/jpeg" });
      },
    };
  };
  return { calls, made, create };
}

describe("downscalePhoto", () => {
  it("draws a 4000×3000 photo at 2048×1536 on white and returns JPEG bytes", async () => {
    const canvas = fakeCanvas();
    let closed = false;
    const source = {} as CanvasImageSource;
    const decoded: DecodedImage = {
      source,
      width: 4000,
      height: 3000,
      close: () => (closed = true),
    };
    const photo = await downscalePhoto(new Blob(["x"]), {
      decode: async () => decoded,
      createCanvas: canvas.create,
    });
    expect(photo).toMatchObject({ width: 2048, height: 1536, type: "image/jpeg" });
    expect(new Uint8Array(photo.bytes)).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
    expect(canvas.made).toEqual([{ width: 2048, height: 1536 }]);
    expect(canvas.calls).toEqual([
      ["fillRect", 0, 0, 2048, 1536],
      ["drawImage", source, 0, 0, 2048, 1536],
      ["toJpeg", 0.85],
    ]);
    expect(closed).toBe(true);
  });

  it("says a file that is not a readable image is unreadable", async () => {
    const canvas = fakeCanvas();
    await expect(
      downscalePhoto(new Blob(["%PDF"]), {
        decode: async () => {
          throw new DOMException("bad", "InvalidStateError");
        },
        createCanvas: canvas.create,
      }),
    ).rejects.toBeInstanceOf(UnreadablePhotoError);
    expect(canvas.made).toHaveLength(0);
  });
});
