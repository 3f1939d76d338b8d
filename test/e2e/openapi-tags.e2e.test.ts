import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

// The API reference groups operations by tag: one naming rule for every capability and the
// platform (issue 11, item 15), checked over the document the running system serves.
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
});
afterAll(() => t.close());

/** Lower-case nouns, words joined by hyphens: "tasks", "reminders", "broadcasts". */
const TAG = /^[a-z]+(-[a-z]+)*$/;
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']);

describe('/openapi.json tags', () => {
  it('every operation has a tag, and every tag is a lower-case noun', async () => {
    const doc = (await (await fetch(`${t.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
      tags?: Array<{ name: string }>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, op]) => ({ op: `${method.toUpperCase()} ${path}`, tags: op.tags ?? [] })),
    );
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.filter((o) => o.tags.length === 0).map((o) => o.op)).toEqual([]);
    const tags = new Set([...operations.flatMap((o) => o.tags), ...(doc.tags ?? []).map((tag) => tag.name)]);
    expect([...tags].filter((tag) => !TAG.test(tag))).toEqual([]);
    // The capabilities that own API routes each appear under their own name.
    expect([...tags]).toEqual(expect.arrayContaining(['tasks', 'reminders', 'notes', 'booking', 'settings']));
  });
});
