import { AsyncLocalStorage } from 'node:async_hooks';
import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * A request's commit point. `seal(end)` writes the request's record around its end: the transport
 * calls it once all but the last byte is out, `end` writes that byte, and in the same run of code
 * the statement that commits the record goes to the database. `finished`: the end was written.
 */
export interface CommitPoint {
  seal(end: () => void): Promise<void>;
  finished: boolean;
}

const commitPoints = new AsyncLocalStorage<CommitPoint>();

/**
 * Runs `send` so that an HTTP request it makes through {@link createTelegramFetch} is sent whole
 * except its last byte, which is written immediately before the statement that commits the reply
 * log's record goes to the database (same synchronous run of code, no I/O between; the reply log
 * takes its connection beforehand and the record's INSERT is its own commit). A server acts on a
 * request only once it has all of it, so a process killed with `kill -9`:
 * - before the seal leaves a request Telegram drops and no record: it is sent again after restart;
 * - after both writes leaves a sent request and a record (PostgreSQL still reads and runs the
 *   statement that was in its socket): not sent again;
 * - only a kill landing between the two writes (microseconds) leaves a sent request without a
 *   record. Before this, the record was committed first and the whole request sent after it, and
 *   a kill in between (the event loop's lag under load: milliseconds) lost the reply.
 * If the record's statement fails after the end went out, the request stands; the caller records
 * the result. Streamed bodies (file uploads) go out chunked, and their terminating chunk is the end.
 */
export function withCommitPoint<T>(point: CommitPoint, send: () => Promise<T>): Promise<T> {
  return commitPoints.run(point, send);
}

/** The commit point of the request being made here, for transports other than this fetch (tests). */
export function currentCommitPoint(): CommitPoint | undefined {
  return commitPoints.getStore();
}

/** A `fetch` for grammY's client (its `fetch` option) that honours {@link withCommitPoint}. */
export function createTelegramFetch(): typeof fetch {
  const agents = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true }),
  };
  const telegramFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TypeError(`cannot fetch ${url.protocol}`);
    const point = commitPoints.getStore();
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const body = init.body;
    const bytes =
      body == null
        ? null
        : typeof body === 'string'
          ? Buffer.from(body)
          : body instanceof Uint8Array
            ? body
            : undefined;
    if (bytes) headers['content-length'] = String(bytes.length);
    return new Promise<Response>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        req.destroy();
        reject(error);
      };
      const client = url.protocol === 'https:' ? https : http;
      const req = client.request(url, {
        method: init.method ?? 'GET',
        headers,
        agent: agents[url.protocol as 'http:' | 'https:'],
        ...(init.signal ? { signal: init.signal } : {}),
      });
      req.on('error', fail);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () => {
          if (settled) return;
          settled = true;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
              responseHeaders.append(name, v);
          }
          const status = res.statusCode ?? 502;
          const empty = status === 204 || status === 304;
          resolve(
            new Response(empty ? null : Buffer.concat(chunks), {
              status,
              statusText: res.statusMessage ?? '',
              headers: responseHeaders,
            }),
          );
        });
      });
      if (!point) {
        if (bytes === undefined) pipeline(Readable.from(body as AsyncIterable<Uint8Array>), req).catch(fail);
        else req.end(bytes ?? undefined);
        return;
      }
      // All but the request's end goes out now: a JSON body but its last byte; a stream (a file
      // upload, sent chunked) all its data, its end being the terminating chunk. Once that is in
      // the kernel, the end is written inside the seal.
      (async () => {
        let flushed: Promise<unknown> = Promise.resolve();
        const write = (chunk: Uint8Array) => {
          flushed = new Promise<void>((ok, notFlushed) =>
            req.write(chunk, (error) => (error ? notFlushed(error) : ok())),
          );
        };
        let last: Uint8Array | undefined;
        if (bytes === undefined) {
          for await (const chunk of body as AsyncIterable<Uint8Array>) {
            write(chunk);
            if (req.writableNeedDrain) await once(req, 'drain');
          }
        } else {
          const all = bytes ?? new Uint8Array();
          if (all.length > 1) write(all.subarray(0, -1));
          last = all.subarray(-1);
        }
        await flushed;
        await point.seal(() => {
          // Throwing rolls the record back: a request already cut (aborted, socket gone) was not sent.
          if (req.destroyed) throw new Error('the request was cut before its end');
          point.finished = true;
          req.end(last);
        });
      })().catch((error: unknown) => {
        if (!point.finished) fail(error); // else the record failed after the end: the request stands
      });
    });
  };
  return telegramFetch as typeof fetch;
}
