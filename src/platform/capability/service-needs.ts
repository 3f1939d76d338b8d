/**
 * A typed dependency on another capability's service, by the name that capability `provides`.
 * The consumer states the shape it needs (structural: it never imports the provider); the platform
 * checks at start that the provider exists and has the listed methods.
 */
export interface ServiceNeed<T> {
  name: string;
  methods: readonly string[];
  /** Used when no capability provides `name` (a build without it); without one start fails. */
  fallback?: T;
  /** Phantom: carries T to `ServicesOf`. */
  readonly type?: T;
}

export type ServiceNeeds = Record<string, ServiceNeed<unknown>>;

export type ServicesOf<N extends ServiceNeeds> = {
  [K in keyof N]: N[K] extends ServiceNeed<infer T> ? T : never;
};

export function need<T>(
  name: string,
  methods: ReadonlyArray<keyof T & string>,
  options: { fallback?: T } = {},
): ServiceNeed<T> {
  return { name, methods, ...(options.fallback ? { fallback: options.fallback } : {}) };
}

interface Node {
  name: string;
  provides?: string | undefined;
  requires?: ServiceNeeds | undefined;
}

/** Build order: providers before their consumers, otherwise the declared order. Throws on cycles and unknown needs. */
export function buildOrder<M extends Node>(modules: readonly M[]): M[] {
  const providers = new Map<string, M>();
  for (const module of modules) {
    if (!module.provides) continue;
    const other = providers.get(module.provides);
    if (other) throw new Error(`Both ${other.name} and ${module.name} provide "${module.provides}"`);
    providers.set(module.provides, module);
  }
  const ordered: M[] = [];
  const state = new Map<M, 'visiting' | 'done'>();
  const visit = (module: M, path: string[]) => {
    if (state.get(module) === 'done') return;
    if (state.get(module) === 'visiting')
      throw new Error(`Capabilities depend on each other in a cycle: ${[...path, module.name].join(' → ')}`);
    state.set(module, 'visiting');
    for (const need of Object.values(module.requires ?? {})) {
      const provider = providers.get(need.name);
      if (provider) visit(provider, [...path, module.name]);
      else if (!need.fallback)
        throw new Error(`Capability ${module.name} needs "${need.name}", which no capability provides`);
    }
    state.set(module, 'done');
    ordered.push(module);
  };
  for (const module of modules) visit(module, []);
  return ordered;
}

/** The services one module asked for, checked against what the providers built. */
export function resolveNeeds(module: Node, provided: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const services: Record<string, unknown> = {};
  for (const [key, need] of Object.entries(module.requires ?? {})) {
    const service = provided.get(need.name) ?? need.fallback;
    if (!service) throw new Error(`Capability ${module.name} needs "${need.name}", which was not built`);
    const missing = need.methods.filter((m) => typeof (service as Record<string, unknown>)[m] !== 'function');
    if (missing.length)
      throw new Error(`"${need.name}" lacks ${missing.join(', ')}, which ${module.name} needs`);
    services[key] = service;
  }
  return services;
}
