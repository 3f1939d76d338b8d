import { Resvg } from '@resvg/resvg-js';
import type { Figures } from './insight-types.ts';

// The chart is drawn as SVG and rasterised by resvg (a Rust renderer, prebuilt binary): no
// headless browser in the bot's path. Labels come from the caller, already localized.

export interface ChartLabels {
  title: string;
  perDay: string;
  hours: string;
  courses: string;
}

const W = 800;
const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
const text = (x: number, y: number, s: string, size = 14, anchor = 'start') =>
  `<text x="${x}" y="${y}" font-family="DejaVu Sans, sans-serif" font-size="${size}" fill="#334" text-anchor="${anchor}">${esc(s)}</text>`;

function dayBars(f: Figures, top: number, height: number): string {
  const max = Math.max(1, ...f.perDay.map((d) => d.completed));
  const slot = (W - 60) / f.perDay.length;
  const bars = f.perDay.map((d, i) => {
    const h = (d.completed / max) * (height - 20);
    const x = 40 + i * slot;
    const label =
      f.perDay.length <= 14 || i % 7 === 0
        ? text(x + slot / 2, top + height + 14, d.date.slice(5), 10, 'middle')
        : '';
    const count =
      d.completed > 0 && f.perDay.length <= 31
        ? text(x + slot / 2, top + height - h - 4, String(d.completed), 10, 'middle')
        : '';
    return `<rect x="${x + slot * 0.15}" y="${top + height - h}" width="${slot * 0.7}" height="${h}" fill="#3b82f6"/>${label}${count}`;
  });
  return `<line x1="40" y1="${top + height}" x2="${W - 20}" y2="${top + height}" stroke="#99a"/>${bars.join('')}`;
}

function hourStrip(f: Figures, top: number): string {
  const max = Math.max(1, ...f.hours);
  const cell = (W - 60) / 24;
  return f.hours
    .map((n, hour) => {
      const alpha = n === 0 ? 0.06 : 0.2 + (0.8 * n) / max;
      const label =
        hour % 3 === 0 ? text(40 + hour * cell + cell / 2, top + 46, String(hour), 10, 'middle') : '';
      return `<rect x="${40 + hour * cell}" y="${top}" width="${cell - 2}" height="30" fill="#16a34a" fill-opacity="${alpha.toFixed(2)}"/>${label}`;
    })
    .join('');
}

function courseBars(f: Figures, top: number): string {
  return f.courses
    .slice(0, 4)
    .map((c, i) => {
      const y = top + i * 26;
      const share = c.topics === 0 ? 0 : c.learned / c.topics;
      return `${text(40, y + 14, `${c.name} ${c.learned}/${c.topics}`, 12)}<rect x="300" y="${y}" width="460" height="16" fill="#e5e7eb"/><rect x="300" y="${y}" width="${460 * share}" height="16" fill="#f59e0b"/>`;
    })
    .join('');
}

/** The figures as an SVG document: completions per day, a heat strip of hours, course progress. */
export function chartSvg(f: Figures, labels: ChartLabels): string {
  const courseRows = Math.min(4, f.courses.length);
  const height = 360 + (courseRows ? 40 + courseRows * 26 : 0);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(W / 2, 30, labels.title, 18, 'middle'),
    text(40, 60, labels.perDay, 13),
    dayBars(f, 70, 170),
    text(40, 285, labels.hours, 13),
    hourStrip(f, 295),
    courseRows ? text(40, 380, labels.courses, 13) + courseBars(f, 390) : '',
    '</svg>',
  ].join('');
}

/** The chart as PNG bytes. */
export function chartPng(f: Figures, labels: ChartLabels): Buffer {
  const resvg = new Resvg(chartSvg(f, labels), {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
