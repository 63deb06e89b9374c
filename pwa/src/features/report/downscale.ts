/**
 * Photos are downscaled in the browser before they are stored: at most 2048 px on the long
 * side, re-encoded as JPEG (smaller uploads, no EXIF location data kept).
 */

export const MAX_EDGE = 2048;
export const JPEG_QUALITY = 0.85;

export interface Size {
  width: number;
  height: number;
}

/** The size that fits `max` on the long side, keeping the aspect ratio; never enlarged. */
export function fitWithin({ width, height }: Size, max: number = MAX_EDGE): Size {
  if (width <= 0 || height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(1, max / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** A decoded image that can be drawn on a canvas. */
export interface DecodedImage extends Size {
  source: CanvasImageSource;
  close?: () => void;
}

/** A canvas of the asked size (over a real one, an OffscreenCanvas, or a test's fake). */
export interface JpegCanvas {
  getContext(): Pick<
    CanvasRenderingContext2D,
    "drawImage" | "fillRect" | "fillStyle" | "imageSmoothingQuality"
  > | null;
  toJpeg(quality: number): Promise<Blob>;
}

export interface DownscaleDeps {
  decode: (file: Blob) => Promise<DecodedImage>;
  createCanvas: (size: Size) => JpegCanvas;
}

export interface DownscaledPhoto extends Size {
  bytes: ArrayBuffer;
  type: "image/jpeg";
}

export class UnreadablePhotoError extends Error {
  constructor(cause?: unknown) {
    super("the photo could not be decoded", { cause });
    this.name = "UnreadablePhotoError";
  }
}

/** Decode, scale to fit, draw on white (JPEG has no transparency), encode as JPEG. */
export async function downscalePhoto(
  file: Blob,
  deps: DownscaleDeps = browserDeps(),
  max: number = MAX_EDGE,
): Promise<DownscaledPhoto> {
  let image: DecodedImage;
  try {
    image = await deps.decode(file);
  } catch (error) {
    throw new UnreadablePhotoError(error);
  }
  try {
    const size = fitWithin(image, max);
    if (size.width === 0) throw new UnreadablePhotoError();
    const canvas = deps.createCanvas(size);
    const context = canvas.getContext();
    if (!context) throw new UnreadablePhotoError();
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, size.width, size.height);
    context.imageSmoothingQuality = "high";
    context.drawImage(image.source, 0, 0, size.width, size.height);
    const blob = await canvas.toJpeg(JPEG_QUALITY);
    return { bytes: await blob.arrayBuffer(), type: "image/jpeg", ...size };
  } finally {
    image.close?.();
  }
}

async function decodeInBrowser(file: Blob): Promise<DecodedImage> {
  if (typeof createImageBitmap === "function") {
    // "from-image": photos taken in portrait come out upright (EXIF orientation applied).
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    return {
      source: bitmap,
      width: bitmap.width,
      height: bitmap.height,
      close: () => bitmap.close(),
    };
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight };
  } finally {
    URL.revokeObjectURL(url);
  }
}

function canvasInBrowser(size: Size): JpegCanvas {
  if (typeof OffscreenCanvas === "function") {
    const canvas = new OffscreenCanvas(size.width, size.height);
    return {
      getContext: () => canvas.getContext("2d"),
      toJpeg: (quality) => canvas.convertToBlob({ type: "image/jpeg", quality }),
    };
  }
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  return {
    getContext: () => canvas.getContext("2d"),
    toJpeg: (quality) =>
      new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new UnreadablePhotoError())),
          "image/jpeg",
          quality,
        ),
      ),
  };
}

function browserDeps(): DownscaleDeps {
  return { decode: decodeInBrowser, createCanvas: canvasInBrowser };
}

type PhotoPreparer = (file: Blob) => Promise<DownscaledPhoto>;

let preparer: PhotoPreparer = (file) => downscalePhoto(file);

/** How the wizard turns a picked file into JPEG bytes (tests replace it; null restores). */
export function setPhotoPreparer(next: PhotoPreparer | null): void {
  preparer = next ?? ((file) => downscalePhoto(file));
}

export function preparePhoto(file: Blob): Promise<DownscaledPhoto> {
  return preparer(file);
}
