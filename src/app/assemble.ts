import type { BotShell } from '../bot/bot-shell.ts';
import type {
  AnyCapabilityModule,
  Capability,
  CapabilityDeps,
  RouteMount,
} from '../capabilities/capability.ts';
import { createActivityHub } from '../platform/capability/activity.ts';
import { createErasureHub } from '../platform/capability/erasure.ts';
import { createInboxTargetRegistry } from '../platform/capability/inbox-targets.ts';
import { collectMiniAppPages, type DeclaredPage } from '../platform/capability/mini-app-pages.ts';
import type { SettingsExtra } from '../platform/capability/personal-settings.ts';
import { collectRoles, type RoleDeclaration } from '../platform/capability/roles.ts';
import { createSchedules, SCHEDULES_QUEUE, type ScheduleHandler } from '../platform/capability/schedules.ts';
import { buildOrder, resolveNeeds } from '../platform/capability/service-needs.ts';
import { createSettingsRegistry, type SettingsRegistry } from '../platform/capability/settings.ts';
import type { QueueDefinition } from '../platform/jobs/job-queue.ts';

/** Everything the modules declare statically: known before the database or job runtime start. */
export function declarations(modules: readonly AnyCapabilityModule[]): {
  queues: QueueDefinition[];
  roles: RoleDeclaration[];
  scheduleNames: string[];
} {
  const names = new Set<string>();
  for (const module of modules) {
    if (!/^[a-z][a-z0-9-]*$/.test(module.name))
      throw new Error(`Capability name "${module.name}" is not kebab-case`);
    if (names.has(module.name)) throw new Error(`Two capabilities are named "${module.name}"`);
    names.add(module.name);
  }
  const scheduleNames = modules.flatMap((m) =>
    (m.schedules ?? []).map((s) => {
      if (!s.name.startsWith(`${m.name}.`))
        throw new Error(`Schedule "${s.name}" must start with "${m.name}."`);
      return s.name;
    }),
  );
  if (new Set(scheduleNames).size !== scheduleNames.length) throw new Error('A schedule is declared twice');
  return {
    queues: [...modules.flatMap((m) => m.queues ?? []), ...(scheduleNames.length ? [SCHEDULES_QUEUE] : [])],
    roles: collectRoles(modules.flatMap((m) => (m.roles ?? []).map((role) => ({ by: m.name, role })))),
    scheduleNames,
  };
}

export interface Assembled {
  capabilities: Array<{ name: string; capability: Capability<unknown> }>;
  routes: RouteMount[];
  /** The Mini App pages of these capabilities, in tab order. */
  miniAppPages: DeclaredPage[];
  settings: SettingsRegistry;
  /** Each capability's settings extras, for the one personal-settings object. */
  settingsExtras: Array<{ capability: string; extra: SettingsExtra }>;
  shell: BotShell;
  roles: RoleDeclaration[];
  startWorkers(): Promise<void>;
  stop(): Promise<void>;
}

type PlatformDeps = Omit<CapabilityDeps, 'settings' | 'schedules' | 'inboxTargets' | 'activity' | 'erasure'>;

/**
 * Builds every capability (providers first) and assembles what they contribute: routes with their
 * access, one settings registry, the bot shell's help/menu/settings, inbox targets, schedules.
 */
export function assembleCapabilities(modules: readonly AnyCapabilityModule[], deps: PlatformDeps): Assembled {
  const declared = declarations(modules);
  const inboxTargets = createInboxTargetRegistry();
  const activity = createActivityHub(deps);
  const erasure = createErasureHub();
  const schedules = createSchedules({ ...deps, names: declared.scheduleNames });
  // Settings are read lazily through this indirection: definitions exist only after create().
  let settings: SettingsRegistry | null = null;
  const registry = () => {
    if (!settings) throw new Error('settings are read before all capabilities were built');
    return settings;
  };
  const settingsReader = {
    get: (userId: string, key: string) => registry().get(userId, key),
    all: (userId: string) => registry().all(userId),
  };
  const full: CapabilityDeps = {
    ...deps,
    settings: settingsReader,
    schedules,
    inboxTargets,
    activity,
    erasure,
  };
  const provided = new Map<string, unknown>();
  const built = new Map<AnyCapabilityModule, Capability<unknown>>();
  for (const module of buildOrder(modules)) {
    const capability = module.create(full, resolveNeeds(module, provided)) as Capability<unknown>;
    if (module.provides) {
      if (capability.service === undefined)
        throw new Error(`Capability ${module.name} provides "${module.provides}" but returned no service`);
      provided.set(module.provides, capability.service);
    }
    built.set(module, capability);
  }
  // Back in declared order: bot features see messages in the order the build lists them.
  const capabilities = modules.map((m) => ({
    name: m.name,
    capability: built.get(m) as Capability<unknown>,
  }));
  const all = capabilities.map((c) => c.capability);
  const roleNames = new Set(declared.roles.map((r) => r.name));
  const routes = capabilities.flatMap(({ name, capability }) =>
    (capability.routes ?? []).map((route) => {
      if (typeof route.access === 'object' && !roleNames.has(route.access.role))
        throw new Error(
          `${name} mounts ${route.path} for role "${route.access.role}", which no capability declares`,
        );
      return route;
    }),
  );
  const miniAppPages = collectMiniAppPages(
    capabilities.map(({ name, capability }) => ({
      capability: name,
      pages: capability.miniApp?.pages ?? [],
    })),
    roleNames,
  );
  settings = createSettingsRegistry(
    deps.db,
    capabilities.flatMap(({ name, capability }) =>
      (capability.settings ?? []).map((s) => {
        if (!s.key.startsWith(`${name}.`)) throw new Error(`Setting "${s.key}" must start with "${name}."`);
        return s;
      }),
    ),
  );
  inboxTargets.fill(all.flatMap((c) => c.inboxTargets ?? []));
  activity.fill(all.flatMap((c) => (c.onActivity ? [c.onActivity] : [])));
  erasure.fill(all.flatMap((c) => (c.erasure ? [c.erasure] : [])));
  const handlers = new Map<string, ScheduleHandler>();
  for (const c of all)
    for (const [name, handler] of Object.entries(c.schedules ?? {})) handlers.set(name, handler);
  for (const kind of ['menu', 'offers'] as const) {
    const ids = new Set<string>();
    for (const entry of all.flatMap((c) => c[kind] ?? [])) {
      if (ids.has(entry.id))
        throw new Error(`${kind === 'menu' ? 'Menu entry' : 'Offer'} "${entry.id}" is contributed twice`);
      ids.add(entry.id);
    }
  }
  return {
    capabilities,
    routes,
    miniAppPages,
    settings,
    settingsExtras: capabilities.flatMap(({ name, capability }) =>
      (capability.settingsExtras ?? []).map((extra) => ({ capability: name, extra })),
    ),
    roles: declared.roles,
    shell: {
      settings,
      help: all.flatMap((c) => c.help ?? []),
      menu: all.flatMap((c) => c.menu ?? []),
      offers: all.flatMap((c) => c.offers ?? []),
    },
    async startWorkers() {
      for (const c of all) await c.startWorkers?.();
      if (declared.scheduleNames.length) await schedules.work(handlers, deps.logger);
    },
    async stop() {
      for (const c of [...all].reverse()) await c.stop?.();
    },
  };
}
