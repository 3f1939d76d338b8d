import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { SandboxEvent } from '../core/event-hub.ts';
import type { ControlDeps } from './control-deps.ts';

const KEEP_ALIVE_MS = 15_000;

/** Server-Sent Events: one `event: <type>` per sandbox event, a keep-alive comment every 15 s. */
export function createEventsRoute(deps: ControlDeps, closing: AbortSignal): Hono {
  const app = new Hono();
  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const queue: SandboxEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = deps.ctx.events.subscribe((event) => {
        queue.push(event);
        wake?.();
      });
      const keepAlive = setInterval(() => {
        void stream.write(': keep-alive\n\n');
      }, KEEP_ALIVE_MS);
      const stop = (): void => wake?.();
      closing.addEventListener('abort', stop);
      stream.onAbort(stop);
      try {
        await stream.write(': connected\n\n');
        while (!stream.aborted && !stream.closed && !closing.aborted) {
          const event = queue.shift();
          if (event) {
            await stream.writeSSE({ event: event.type, data: JSON.stringify(event.data) });
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
        }
      } finally {
        clearInterval(keepAlive);
        unsubscribe();
        closing.removeEventListener('abort', stop);
      }
    }),
  );
  return app;
}
