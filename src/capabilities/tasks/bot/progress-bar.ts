/** "▰▰▰▱▱ 60%": `width` segments, filled in proportion. */
export function progressBar(percent: number, width = 5): string {
  const clamped = Math.max(0, Math.min(100, Math.round(percent)));
  const filled = Math.round((clamped / 100) * width);
  return `${'▰'.repeat(filled)}${'▱'.repeat(width - filled)} ${clamped}%`;
}
