// Legends: a column of swatches and names inside a frame (series that do not fit are counted, not hidden
// silently), or one row for a legend a whole figure shares.
import { estimateTextWidth, fitText, svgText, type Frame } from '../svg/svg-markup.js';

export interface LegendEntry {
  label: string;
  color: string;
  dash?: string;
  /** A filled box (bars) instead of a line sample. */
  swatch?: 'line' | 'box' | 'outline';
}

const ROW_HEIGHT = 17;
const FONT_SIZE = 11;

export function legendSvg(entries: readonly LegendEntry[], frame: Frame): string {
  const rows = Math.max(1, Math.floor(frame.height / ROW_HEIGHT));
  const shown = entries.length > rows ? entries.slice(0, rows - 1) : entries;
  const parts = shown.map((entry, i) => {
    const y = frame.y + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    return swatchSvg(entry, frame.x, y) + svgText(frame.x + 26, y + 4, fitText(entry.label, FONT_SIZE, frame.width - 28), { size: FONT_SIZE });
  });
  if (shown.length < entries.length) {
    const y = frame.y + shown.length * ROW_HEIGHT + ROW_HEIGHT / 2 + 4;
    parts.push(svgText(frame.x, y, `… ${entries.length - shown.length} more not listed`, { size: FONT_SIZE, fill: '#666' }));
  }
  return parts.join('');
}

/** The entries side by side on one line starting at (x, y), for a legend shared by a figure's panels. */
export function legendRowSvg(entries: readonly LegendEntry[], x: number, y: number): string {
  let left = x;
  return entries
    .map((entry) => {
      const part = swatchSvg(entry, left, y) + svgText(left + 26, y + 4, entry.label, { size: FONT_SIZE });
      left += 26 + estimateTextWidth(entry.label, FONT_SIZE) + 24;
      return part;
    })
    .join('');
}

function swatchSvg(entry: LegendEntry, x: number, y: number): string {
  switch (entry.swatch ?? 'line') {
    case 'box':
      return `<rect x="${x}" y="${y - 5}" width="20" height="10" fill="${entry.color}" fill-opacity="0.6"/>`;
    case 'outline':
      return `<rect x="${x}" y="${y - 5}" width="20" height="10" fill="none" stroke="${entry.color}" stroke-width="1.5"/>`;
    case 'line': {
      const dash = entry.dash ? ` stroke-dasharray="${entry.dash}"` : '';
      return `<line x1="${x}" y1="${y}" x2="${x + 20}" y2="${y}" stroke="${entry.color}" stroke-width="2"${dash}/><circle cx="${x + 10}" cy="${y}" r="2.5" fill="${entry.color}"/>`;
    }
  }
}
