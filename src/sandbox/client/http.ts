/** A failed control-API call: carries the HTTP status and the server's problem detail. */
export class SandboxClientError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(status: number, message: string, body: unknown) {
    super(message);
    this.name = 'SandboxClientError';
    this.status = status;
    this.body = body;
  }
}

export interface Transport {
  baseUrl: string;
  request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T>;
}

export function createTransport(baseUrl: string, fetchImpl: typeof fetch = fetch): Transport {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    baseUrl: root,
    async request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
      const response = await fetchImpl(`${root}/sandbox/api${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
        signal: signal ?? null,
      });
      const text = await response.text();
      const parsed: unknown = text ? JSON.parse(text) : undefined;
      if (!response.ok) {
        const detail = (parsed as { detail?: string } | undefined)?.detail ?? text;
        throw new SandboxClientError(
          response.status,
          `${method} ${path} failed (${response.status}): ${detail}`,
          parsed,
        );
      }
      return parsed as T;
    },
  };
}

/** Stable numeric user id for a name (FNV-1a), so tests get the same ids every run. */
export function stableUserId(name: string): number {
  let hash = 0x811c9dc5;
  for (const ch of name) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return 100_000_000 + (hash % 900_000_000);
}

export function toBase64(data: Uint8Array | ArrayBuffer | string): string {
  if (typeof data === 'string') return Buffer.from(data).toString('base64');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('base64');
}
