import { describe, expect, it } from 'vitest';
import { callbackCodec } from '../bot/callback-data.ts';
import type { AnyCapabilityModule } from '../capabilities/capability.ts';
import { createActivityHub } from '../platform/capability/activity.ts';
import { createInboxTargetRegistry, type InboxTarget } from '../platform/capability/inbox-targets.ts';
import { collectRoles } from '../platform/capability/roles.ts';
import { buildOrder, need, resolveNeeds } from '../platform/capability/service-needs.ts';
import type { Queryable } from '../platform/db/database.ts';
import { declarations } from './assemble.ts';

const module = (name: string, extra: Partial<AnyCapabilityModule> = {}) =>
  ({ name, create: () => ({}), ...extra }) as AnyCapabilityModule;

describe('typed requires / provides', () => {
  const lister = need<{ list(): string[] }>('tasks', ['list']);
  it('builds providers before their consumers, whatever the declared order', () => {
    const order = buildOrder([
      module('digest', { requires: { tasks: lister } }),
      module('tasks', { provides: 'tasks' }),
    ]);
    expect(order.map((m) => m.name)).toEqual(['tasks', 'digest']);
  });
  it('fails naming the missing service, unless the need has a fallback', () => {
    expect(() => buildOrder([module('digest', { requires: { tasks: lister } })])).toThrow(
      'Capability digest needs "tasks", which no capability provides',
    );
    const soft = need<{ list(): string[] }>('tasks', ['list'], { fallback: { list: () => [] } });
    const [only] = buildOrder([module('digest', { requires: { tasks: soft } })]);
    expect(Object.keys(resolveNeeds(only as AnyCapabilityModule, new Map()))).toEqual(['tasks']);
  });
  it('rejects cycles, two providers of one name, and a provider missing a method', () => {
    const a = module('a', { provides: 'a', requires: { b: need('b', []) } });
    const b = module('b', { provides: 'b', requires: { a: need('a', []) } });
    expect(() => buildOrder([a, b])).toThrow(/cycle: a → b → a/);
    expect(() => buildOrder([module('x', { provides: 'a' }), module('y', { provides: 'a' })])).toThrow(
      'Both x and y provide "a"',
    );
    const consumer = module('digest', { requires: { tasks: lister } });
    expect(() => resolveNeeds(consumer, new Map([['tasks', { count: () => 1 }]]))).toThrow(
      '"tasks" lacks list, which digest needs',
    );
  });
});

describe('declarations', () => {
  it('collects queues, roles and schedules, and rejects bad names and duplicates', () => {
    const d = declarations([
      module('booking', {
        roles: [{ name: 'specialist', description: 's' }],
        schedules: [{ name: 'booking.daily' }],
      }),
    ]);
    expect(d.roles.map((r) => r.name)).toEqual(['user', 'admin', 'specialist']);
    expect(d.queues.map((q) => q.name)).toEqual(['platform.schedules']);
    expect(() => declarations([module('Tasks')])).toThrow(/kebab-case/);
    expect(() => declarations([module('a'), module('a')])).toThrow(/Two capabilities are named "a"/);
    expect(() => declarations([module('a', { schedules: [{ name: 'b.x' }] })])).toThrow(
      /must start with "a."/,
    );
    expect(() => collectRoles([{ by: 'x', role: { name: 'admin', description: '' } }])).toThrow(
      'Role "admin" is declared by both platform and x',
    );
  });
});

describe('inbox target registry', () => {
  const target = (kind: string, order: number, confidence: number | null): InboxTarget => ({
    kind,
    order,
    cardKey: kind,
    savedKey: kind,
    switchKey: kind,
    claim: () => confidence,
    save: async () => ({ id: kind }),
  });
  const parsed = {} as Parameters<InboxTarget['claim']>[0];
  it('picks the most confident claim, ties to the lower order, and cycles for the switch button', () => {
    const registry = createInboxTargetRegistry();
    registry.fill([target('note', 30, 0.6), target('task', 10, 0.6), target('chat', 90, 0.2)]);
    expect(registry.choose(parsed, null)?.kind).toBe('task');
    expect(registry.next('task')?.kind).toBe('note');
    expect(registry.next('chat')?.kind).toBe('task');
    expect(() => registry.fill([target('task', 1, 1), target('task', 2, 1)])).toThrow(/contributed twice/);
  });
  it('claims nothing when no target is sure at all', () => {
    const registry = createInboxTargetRegistry();
    registry.fill([target('task', 10, null), target('note', 20, 0)]);
    expect(registry.choose(parsed, null)).toBeNull();
  });
});

describe('callback codec', () => {
  it('packs within 64 bytes and unpacks only its own prefix', () => {
    const codec = callbackCodec('bk');
    expect(codec.pack('ok', 12)).toBe('bk:ok:12');
    expect(codec.unpack('bk:ok:12')).toEqual(['ok', '12']);
    expect(codec.unpack('bkx:ok')).toBeNull();
    expect(() => codec.pack('x'.repeat(70))).toThrow(/over 64 bytes/);
    expect(() => callbackCodec('Bad!')).toThrow(/prefix/);
  });
});

describe('activity hub', () => {
  const db = {} as Queryable;
  const at = new Date('2037-01-01T00:00:00Z');
  it('hands every report to every listener with the reporter’s transaction', async () => {
    const hub = createActivityHub({ db, now: () => at });
    const heard: Array<[string, unknown, Queryable]> = [];
    const tx = {} as Queryable;
    hub.fill([async (e, q) => void heard.push(['a', e, q]), async (e, q) => void heard.push(['b', e, q])]);
    await hub.record('u1', 'task.done', { taskId: 't' }, { tx });
    await hub.record('u1', 'note.filed');
    expect(heard).toEqual([
      ['a', { userId: 'u1', kind: 'task.done', details: { taskId: 't' }, at }, tx],
      ['b', { userId: 'u1', kind: 'task.done', details: { taskId: 't' }, at }, tx],
      ['a', { userId: 'u1', kind: 'note.filed', details: {}, at }, db],
      ['b', { userId: 'u1', kind: 'note.filed', details: {}, at }, db],
    ]);
  });
  it('refuses a kind that is not "<capability>.<what>", listeners or not', async () => {
    const hub = createActivityHub({ db, now: () => at });
    await expect(hub.record('u1', 'done')).rejects.toThrow(/capability/);
    await expect(hub.record('u1', 'Task.Done')).rejects.toThrow(/capability/);
    await expect(hub.record('u1', 'task.done')).resolves.toBeUndefined();
  });
  it('a listener that throws fails the report (and so the reporter’s transaction)', async () => {
    const hub = createActivityHub({ db, now: () => at });
    hub.fill([
      async () => {
        throw new Error('disk full');
      },
    ]);
    await expect(hub.record('u1', 'task.done')).rejects.toThrow('disk full');
  });
});
