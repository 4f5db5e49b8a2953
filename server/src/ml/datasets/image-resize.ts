// Crop-and-resize of RGB images with bilinear interpolation, using OpenCV's INTER_LINEAR pixel-centre convention
// (source = (destination + 0.5) * scale - 0.5, clamped at the borders).
import type { RgbImage } from './ppm-reader.js';

export interface CropBox {
  /** Left column, inclusive. */
  x1: number;
  /** Top row, inclusive. */
  y1: number;
  /** Right column, exclusive. */
  x2: number;
  /** Bottom row, exclusive. */
  y2: number;
}

/** Writes the `box` region of `image`, resized to size x size, into `target` at `targetOffset` (HWC, uint8). */
export function cropResizeInto(image: RgbImage, box: CropBox, size: number, target: Uint8Array, targetOffset: number): void {
  const x1 = Math.max(0, Math.min(box.x1, image.width - 1));
  const y1 = Math.max(0, Math.min(box.y1, image.height - 1));
  const cropWidth = Math.max(1, Math.min(box.x2, image.width) - x1);
  const cropHeight = Math.max(1, Math.min(box.y2, image.height) - y1);
  const scaleX = cropWidth / size;
  const scaleY = cropHeight / size;
  const { pixels, width } = image;
  for (let y = 0; y < size; y++) {
    const sourceY = Math.min(Math.max((y + 0.5) * scaleY - 0.5, 0), cropHeight - 1);
    const top = Math.floor(sourceY);
    const bottom = Math.min(top + 1, cropHeight - 1);
    const fy = sourceY - top;
    for (let x = 0; x < size; x++) {
      const sourceX = Math.min(Math.max((x + 0.5) * scaleX - 0.5, 0), cropWidth - 1);
      const left = Math.floor(sourceX);
      const right = Math.min(left + 1, cropWidth - 1);
      const fx = sourceX - left;
      const topLeft = ((y1 + top) * width + x1 + left) * 3;
      const topRight = ((y1 + top) * width + x1 + right) * 3;
      const bottomLeft = ((y1 + bottom) * width + x1 + left) * 3;
      const bottomRight = ((y1 + bottom) * width + x1 + right) * 3;
      const out = targetOffset + (y * size + x) * 3;
      for (let c = 0; c < 3; c++) {
        const upper = pixels[topLeft + c] * (1 - fx) + pixels[topRight + c] * fx;
        const lower = pixels[bottomLeft + c] * (1 - fx) + pixels[bottomRight + c] * fx;
        target[out + c] = Math.round(upper * (1 - fy) + lower * fy);
      }
    }
  }
}
