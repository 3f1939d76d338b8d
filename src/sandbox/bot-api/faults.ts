import { BotApiError } from '../core/api-error.ts';

export interface FaultInput {
  method?: string | undefined;
  status?: number | undefined;
  count: number;
  retry_after?: number | undefined;
  delay_ms?: number | undefined;
  description?: string | undefined;
}

interface Fault extends FaultInput {
  remaining: number;
}

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request: injected fault',
  401: 'Unauthorized',
  403: 'Forbidden: injected fault',
  404: 'Not Found',
  409: 'Conflict: injected fault',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Injected failures for the next N calls of a method (or of any method). */
export interface FaultInjector {
  add(input: FaultInput): void;
  clear(): void;
  list(): Array<FaultInput & { remaining: number }>;
  /** Takes the matching fault for this call, if any: `{ delayMs, error? }`. */
  take(method: string): { delayMs: number; error: BotApiError | undefined } | undefined;
}

export function createFaultInjector(): FaultInjector {
  let faults: Fault[] = [];
  return {
    add(input) {
      faults.push({ ...input, method: input.method?.toLowerCase(), remaining: input.count });
    },
    clear() {
      faults = [];
    },
    list: () => faults.map((f) => ({ ...f })),
    take(method) {
      const fault = faults.find((f) => f.remaining > 0 && (!f.method || f.method === method.toLowerCase()));
      if (!fault) return undefined;
      fault.remaining -= 1;
      faults = faults.filter((f) => f.remaining > 0);
      if (fault.status === undefined) return { delayMs: fault.delay_ms ?? 0, error: undefined };
      const retryAfter = fault.status === 429 ? (fault.retry_after ?? 1) : undefined;
      const description =
        fault.description ??
        (retryAfter !== undefined ? `Too Many Requests: retry after ${retryAfter}` : undefined) ??
        DEFAULT_DESCRIPTIONS[fault.status] ??
        `Error ${fault.status}`;
      const parameters = retryAfter !== undefined ? { retry_after: retryAfter } : undefined;
      return { delayMs: fault.delay_ms ?? 0, error: new BotApiError(fault.status, description, parameters) };
    },
  };
}

export interface CallRecord {
  method: string;
  params: Record<string, unknown>;
  at: string;
  response_ok: boolean;
  error_code?: number;
  description?: string;
}

export interface CallLog {
  record(call: CallRecord): void;
  list(method?: string): CallRecord[];
  clear(): void;
}

export function createCallLog(max = 10_000): CallLog {
  let calls: CallRecord[] = [];
  return {
    record(call) {
      calls.push(call);
      if (calls.length > max) calls = calls.slice(-max);
    },
    list: (method) =>
      method ? calls.filter((c) => c.method.toLowerCase() === method.toLowerCase()) : [...calls],
    clear() {
      calls = [];
    },
  };
}
