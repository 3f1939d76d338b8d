/**
 * `.env.example`, generated: the variables come from the config schema (CONFIG_VARIABLES), their
 * defaults and meanings from the README's configuration table, so the three cannot drift apart
 * (test/house-rules/config-docs.test.ts checks both directions).
 */
export interface ConfigRow {
  names: string[];
  defaults: string[];
  meaning: string;
}

const VARIABLE = /^[A-Z][A-Z0-9_]+$/;

/** The rows of the README's "## Configuration" table. */
export function readConfigTable(readme: string): ConfigRow[] {
  const section = readme.split(/^## Configuration\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows: ConfigRow[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const [first = '', second = '', ...rest] = line.slice(1, -1).split(' | ');
    const ticks = (cell: string) => [...cell.matchAll(/`([^`]*)`/g)].map((m) => m[1] ?? '');
    rows.push({
      names: ticks(first).filter((n) => VARIABLE.test(n)),
      defaults: ticks(second).length ? ticks(second) : second.split(',').map((d) => d.trim()),
      meaning: rest.join(' | ').trim(),
    });
  }
  return rows;
}

/** Markdown to a plain comment: links to their text, code marks and emphasis dropped. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/`|\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function renderEnvExample(rows: readonly ConfigRow[]): string {
  const out = [
    '# Secretary configuration: copy to .env and uncomment what you change.',
    '# Generated from the README configuration table by `npm run env-example`; do not edit by hand.',
    '# With nothing set, Secretary runs on the embedded PostgreSQL with the local Telegram sandbox.',
  ];
  for (const row of rows) {
    out.push('', ...wrap(plain(row.meaning), 96).map((l) => `# ${l}`));
    row.names.forEach((name, i) => {
      const value = row.names.length === row.defaults.length ? (row.defaults[i] ?? '') : '';
      // Only literal defaults are written as values; "unset", "generated" or "per provider" are not values.
      const literal =
        /^(unset|generated|per provider|—|none?)$/.test(value) || value.includes(' ') ? '' : value;
      out.push(`# ${name}=${literal}`);
    });
  }
  return `${out.join('\n')}\n`;
}
