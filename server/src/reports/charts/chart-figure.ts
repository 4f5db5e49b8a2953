// A figure: a title, lines saying what the figure shows (and what it cannot), an optional shared legend, and
// panels in a grid. Each panel draws itself into the frame it is given.
import { legendRowSvg, type LegendEntry } from './chart-legend.js';
import { svgDocument, svgText, type Frame } from '../svg/svg-markup.js';

export type PanelRenderer = (frame: Frame) => string;

export interface ChartFigure {
  title: string;
  /** One line each, under the title. */
  notes?: string[];
  legend?: LegendEntry[];
  panels: PanelRenderer[];
  columns?: number;
  panelHeight: number;
  width?: number;
}

export const FIGURE_WIDTH = 1200;
const PADDING = 16;

export function chartFigureSvg(figure: ChartFigure): string {
  const width = figure.width ?? FIGURE_WIDTH;
  const columns = Math.max(1, figure.columns ?? 1);
  const notes = figure.notes ?? [];
  const parts = [svgText(PADDING, 30, figure.title, { size: 18, weight: 'bold' })];
  let top = 44;
  for (const note of notes) {
    parts.push(svgText(PADDING, top + 12, note, { size: 12, fill: '#444' }));
    top += 18;
  }
  if (figure.legend?.length) {
    parts.push(legendRowSvg(figure.legend, PADDING, top + 10));
    top += 24;
  }
  top += 8;
  const panelWidth = (width - 2 * PADDING) / columns;
  figure.panels.forEach((render, i) => {
    const frame = { x: PADDING + (i % columns) * panelWidth, y: top + Math.floor(i / columns) * figure.panelHeight, width: panelWidth, height: figure.panelHeight };
    parts.push(render(frame));
  });
  const rows = Math.max(1, Math.ceil(figure.panels.length / columns));
  return svgDocument(width, top + rows * figure.panelHeight + PADDING, parts.join(''));
}
