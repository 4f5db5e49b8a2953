// The few SVG building blocks every chart shares: escaped text, a standalone document, and a text width estimate
// for layout (resvg measures text only when it renders, so layout has to guess).

export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every drawing is set in DejaVu Sans: it is installed with the system, so rendering needs no download. */
export const FONT_FAMILY = 'DejaVu Sans';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** DejaVu Sans averages a little over half an em per character; 0.6 keeps labels from overlapping. */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

/** Cuts a label to fit `maxWidth`, marking the cut with an ellipsis. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  const chars = Math.max(1, Math.floor(maxWidth / (fontSize * 0.6)) - 1);
  return `${text.slice(0, chars)}…`;
}

export interface TextOptions {
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  weight?: 'normal' | 'bold';
  fill?: string;
  /** Degrees, around the text's anchor point. */
  rotate?: number;
}

export function svgText(x: number, y: number, text: string, options: TextOptions = {}): string {
  const { size = 12, anchor = 'start', weight = 'normal', fill = '#222', rotate } = options;
  const transform = rotate ? ` transform="rotate(${rotate} ${num(x)} ${num(y)})"` : '';
  return `<text x="${num(x)}" y="${num(y)}" font-size="${size}" text-anchor="${anchor}" font-weight="${weight}" fill="${fill}"${transform}>${escapeXml(text)}</text>`;
}

export function svgDocument(width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" ` +
    `viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" font-family="${FONT_FAMILY}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${body}</svg>`
  );
}

/** Coordinates rounded to 0.01 px: shorter markup, no visible difference. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}
