import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxClient, type SandboxClient } from '../client.ts';
import { type SandboxServerOptions, startSandboxServer } from '../standalone.ts';

export const TOKEN = '123456789:AAFakeSandboxTokenForTests_abcdefgh';

export interface TestSandbox {
  url: string;
  token: string;
  sb: SandboxClient;
  /** Calls a Bot API method over HTTP with a JSON body; returns status and envelope. */
  call(method: string, params?: Record<string, unknown>): Promise<{ status: number; body: ApiEnvelope }>;
  close(): Promise<void>;
}

export interface ApiEnvelope {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

/** Starts a sandbox on an ephemeral port (limits off unless asked for). */
export async function startTestSandbox(options: Partial<SandboxServerOptions> = {}): Promise<TestSandbox> {
  const server = await startSandboxServer({
    port: 0,
    token: TOKEN,
    limits: false,
    webhookRetryBaseMs: 100,
    ...options,
  });
  const token = options.token ?? TOKEN;
  return {
    url: server.url,
    token,
    sb: createSandboxClient(server.url),
    async call(method, params = {}) {
      const response = await fetch(`${server.url}/bot${token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
      });
      return { status: response.status, body: (await response.json()) as ApiEnvelope };
    },
    close: () => server.close(),
  };
}

/** A tiny HTTP server standing in for the bot's webhook endpoint. */
export async function startHookServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void Promise.resolve(handler(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** 1×1 PNG. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export async function eventually<T>(
  read: () => T | Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
