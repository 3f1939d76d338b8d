import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSandbox, type Sandbox, type SandboxOptions } from './index.ts';

export interface SandboxServerOptions extends SandboxOptions {
  port: number;
  host?: string | undefined;
}

export interface SandboxServer {
  /** Base URL, e.g. http://127.0.0.1:40123 — use it as grammY's/Telegraf's apiRoot. */
  url: string;
  sandbox: Sandbox;
  close(): Promise<void>;
}

/** Runs the sandbox on its own HTTP server (port 0 picks a free port). Prints nothing. */
export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const { port, host = '127.0.0.1', ...sandboxOptions } = options;
  // Listening on a named interface: that name is how people reach it.
  const named = host === '0.0.0.0' || host === '::' ? [] : [host];
  const sandbox = createSandbox({ ...sandboxOptions, hosts: [...(sandboxOptions.hosts ?? []), ...named] });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: sandbox.app.fetch, port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    sandbox,
    async close() {
      await sandbox.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
}
