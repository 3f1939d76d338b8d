import { serve } from '@hono/node-server';

export interface Listening {
  port: number;
  close(): Promise<void>;
}

/** Serves `app` on host:port; a port in use is refused naming the variable that sets it. */
export async function listen(
  app: { fetch: (req: Request) => Response | Promise<Response> },
  host: string,
  port: number,
  portVariable = 'PORT',
): Promise<Listening> {
  return new Promise<Listening>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info) =>
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Long-polling clients (getUpdates, sandbox SSE) would hold close() open; cut them.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      }),
    );
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} is already in use: set ${portVariable} to a free port`)
          : error,
      ),
    );
  });
}
