// Rasterizes the reports' SVG with resvg (Rust, prebuilt for the platform: installs offline, no browser, no
// native build) using the system's DejaVu Sans, so that text renders the same on every worker.
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY } from './svg/svg-markup.js';

export function renderPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: FONT_FAMILY },
    background: '#ffffff',
  });
  return new Uint8Array(resvg.render().asPng());
}
