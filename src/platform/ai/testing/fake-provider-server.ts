import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeProviderKind = 'openai' | 'openai-compatible' | 'google' | 'anthropic' | 'stt';

/** One scripted answer: model text wrapped in the provider's wire format, or a raw HTTP error. */
export type FakeStep =
  | { text: string; delayMs?: number; inputTokens?: number; outputTokens?: number }
  | { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number };

export interface FakeProvider {
  /** Base URL to put in AI_BASE_URL / STT_BASE_URL. */
  url: string;
  requests: { path: string; body: string; at: number }[];
  /** Queues answers; when the queue is empty the server answers 500. */
  enqueue(...steps: FakeStep[]): void;
  close(): Promise<void>;
}

/** A local HTTP server that speaks one provider's wire format, for contract tests (port 0). */
export async function startFakeProvider(kind: FakeProviderKind): Promise<FakeProvider> {
  const queue: FakeStep[] = [];
  const requests: FakeProvider['requests'] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    requests.push({ path: req.url ?? '', body, at: Date.now() });
    const step = queue.shift() ?? { status: 500, body: { error: { message: 'no scripted answer' } } };
    if (step.delayMs) await new Promise((r) => setTimeout(r, step.delayMs));
    if (res.destroyed) return;
    if ('status' in step) {
      send(res, step.status, step.body ?? errorBody(kind, step.status), step.headers);
      return;
    }
    send(res, 200, success(kind, step, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const prefix = kind === 'google' ? '/v1beta' : '/v1';
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    enqueue: (...steps) => queue.push(...steps),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function success(
  kind: FakeProviderKind,
  step: { text: string; inputTokens?: number; outputTokens?: number },
  request: string,
) {
  const input = step.inputTokens ?? 100;
  const output = step.outputTokens ?? 20;
  switch (kind) {
    case 'openai':
      return {
        id: 'resp_1',
        object: 'response',
        created_at: 1_700_000_000,
        model: 'gpt-4o-mini',
        status: 'completed',
        output: [
          {
            type: 'message',
            id: 'msg_1',
            role: 'assistant',
            status: 'completed',
            content: [{ type: 'output_text', text: step.text, annotations: [] }],
          },
        ],
        usage: { input_tokens: input, output_tokens: output, total_tokens: input + output },
      };
    case 'openai-compatible':
      return {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 1_700_000_000,
        model: 'llama3.1',
        choices: [{ index: 0, message: { role: 'assistant', content: step.text }, finish_reason: 'stop' }],
        usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output },
      };
    case 'google':
      return {
        candidates: [
          { content: { role: 'model', parts: [{ text: step.text }] }, finishReason: 'STOP', index: 0 },
        ],
        usageMetadata: {
          promptTokenCount: input,
          candidatesTokenCount: output,
          totalTokenCount: input + output,
        },
      };
    case 'anthropic': {
      // Older models get structured output through a forced "json" tool; answer in kind.
      const tool = (JSON.parse(request) as { tools?: { name: string }[] }).tools?.find(
        (t) => t.name === 'json',
      );
      let toolInput: unknown;
      try {
        toolInput = tool ? JSON.parse(step.text) : undefined;
      } catch {
        toolInput = undefined;
      }
      return {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: 'claude-haiku-4-5',
        content:
          tool && toolInput !== undefined
            ? [{ type: 'tool_use', id: 'toolu_1', name: 'json', input: toolInput }]
            : [{ type: 'text', text: step.text }],
        stop_reason: tool && toolInput !== undefined ? 'tool_use' : 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: input, output_tokens: output },
      };
    }
    case 'stt':
      return { text: step.text, language: 'english', duration: 1.5 };
  }
}

function errorBody(kind: FakeProviderKind, status: number) {
  const message = status === 429 ? 'Rate limit exceeded' : 'Internal error';
  if (kind === 'google')
    return { error: { code: status, message, status: status === 429 ? 'RESOURCE_EXHAUSTED' : 'INTERNAL' } };
  if (kind === 'anthropic')
    return { type: 'error', error: { type: status === 429 ? 'rate_limit_error' : 'api_error', message } };
  return {
    error: {
      message,
      type: status === 429 ? 'rate_limit_exceeded' : 'server_error',
      code: null,
      param: null,
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    req.on('error', reject);
  });
}
