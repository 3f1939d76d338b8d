// Run inside the image by scripts/container-check (node - < this file, in /app): the /stats chart's
// labels are drawn by resvg with a system font; with none installed the text renders as nothing.
const { Resvg } = require('@resvg/resvg-js');

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">' +
  '<text x="4" y="28" font-family="DejaVu Sans, sans-serif" font-size="24">Mon 12</text></svg>';
const { pixels } = new Resvg(svg, {
  font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
}).render();
const inked = pixels.filter((_, i) => i % 4 === 3 && pixels[i] > 0).length;
if (inked === 0) {
  process.stderr.write('the chart text rendered no pixel: no usable font in the image\n');
  process.exit(1);
}
process.stdout.write(`chart text drew ${inked} pixels\n`);
