import type { ServerResponse } from 'node:http';

export type FakeProviderKind = 'openai' | 'openai-compatible' | 'google' | 'anthropic' | 'stt';

/** A successful answer before it is wrapped: the model's text and what it cost. */
export interface WireAnswer {
  text: string;
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
  /** Transcriptions only: the language the server reports (Whisper's names, e.g. "russian"). */
  language?: string | undefined;
}

/** The model's text in one provider's response format (what its Vercel AI SDK adapter parses). */
export function successBody(kind: FakeProviderKind, answer: WireAnswer, request: string): unknown {
  const input = answer.inputTokens ?? 100;
  const output = answer.outputTokens ?? 20;
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
            content: [{ type: 'output_text', text: answer.text, annotations: [] }],
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
        choices: [{ index: 0, message: { role: 'assistant', content: answer.text }, finish_reason: 'stop' }],
        usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output },
      };
    case 'google':
      return {
        candidates: [
          { content: { role: 'model', parts: [{ text: answer.text }] }, finishReason: 'STOP', index: 0 },
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
        toolInput = tool ? JSON.parse(answer.text) : undefined;
      } catch {
        toolInput = undefined;
      }
      const asTool = tool !== undefined && toolInput !== undefined;
      return {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: 'claude-haiku-4-5',
        content: asTool
          ? [{ type: 'tool_use', id: 'toolu_1', name: 'json', input: toolInput }]
          : [{ type: 'text', text: answer.text }],
        stop_reason: asTool ? 'tool_use' : 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: input, output_tokens: output },
      };
    }
    case 'stt':
      return { text: answer.text, language: answer.language ?? 'english', duration: 1.5 };
  }
}

/** The error body each provider sends with a 429 or 5xx, so the SDK's error parsing runs as in production. */
export function errorBody(kind: FakeProviderKind, status: number): unknown {
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

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/**
 * A chat completion as server-sent events (`stream: true`). Secretary's client does not stream
 * today; other OpenAI-compatible clients pointed at `npm run fake-model` may.
 */
export function sendChatStream(res: ServerResponse, answer: WireAnswer): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: object, finish: string | null, usage?: object) =>
    `data: ${JSON.stringify({
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'llama3.1',
      choices: [{ index: 0, delta, finish_reason: finish }],
      ...(usage ? { usage } : {}),
    })}\n\n`;
  const input = answer.inputTokens ?? 100;
  const output = answer.outputTokens ?? 20;
  res.write(chunk({ role: 'assistant', content: answer.text }, null));
  res.write(
    chunk({}, 'stop', { prompt_tokens: input, completion_tokens: output, total_tokens: input + output }),
  );
  res.end('data: [DONE]\n\n');
}
