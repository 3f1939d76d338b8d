import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  errorBody,
  type FakeProviderKind,
  sendChatStream,
  sendJson,
  successBody,
  type WireAnswer,
} from './provider-wire.ts';

/** One request as the scripted model received it, decoded enough for rules and assertions. */
export interface ScriptedRequest {
  path: string;
  endpoint: 'chat' | 'transcription' | 'other';
  /** The raw body (UTF-8 for JSON; latin1 for multipart, so audio bytes survive). */
  body: string;
  json: Record<string, unknown> | null;
  /** Every text the client put in front of the model (system prompt and messages), one per line. */
  text: string;
  /** The client asked for an answer that follows a JSON schema (structured output). */
  structured: boolean;
  stream: boolean;
  /** A transcription's form fields; `file` is described as `<name> <bytes> bytes <type>`. */
  form: Record<string, string> | null;
  at: number;
}

export type ScriptedReply =
  | ({ delayMs?: number } & WireAnswer)
  /** A structured answer: serialised as the model's text. */
  | { json: unknown; inputTokens?: number; outputTokens?: number; delayMs?: number }
  /** An HTTP error (429, 500, …) with the provider's error body unless one is given. */
  | { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number }
  /** Never answers: the client's own timeout (or the server closing) ends the request. */
  | { hang: true };

export interface ScriptedRule {
  /** Which requests it answers: a substring of `text`, a pattern, or a predicate; every one when absent. */
  when?: string | RegExp | ((request: ScriptedRequest) => boolean);
  endpoint?: ScriptedRequest['endpoint'];
  reply: ScriptedReply | ((request: ScriptedRequest) => ScriptedReply);
  /** How many requests it answers before it is spent; forever when absent. */
  times?: number;
}

export interface ScriptedModel {
  /** Base URL for AI_BASE_URL and STT_BASE_URL (ends in /v1, or /v1beta for Google). */
  url: string;
  /** Every request received, in order (tests may empty it). */
  requests: ScriptedRequest[];
  /** Adds rules after the existing ones: the first live rule that matches answers. */
  add(...rules: ScriptedRule[]): void;
  /** Adds rules before the existing ones (a test's override of a suite's defaults). */
  addFirst(...rules: ScriptedRule[]): void;
  /** One-shot answers to whatever comes next, in order (the contract tests' queue). */
  enqueue(...replies: ScriptedReply[]): void;
  clear(): void;
  /** The first request (received already or later) that matches; resolves on arrival, no polling. */
  waitFor(match?: ScriptedRule['when']): Promise<ScriptedRequest>;
  close(): Promise<void>;
}

interface LiveRule extends ScriptedRule {
  left: number;
}

const NO_ANSWER: ScriptedReply = { status: 500, body: { error: { message: 'no scripted answer' } } };

/**
 * A real local HTTP server speaking a provider's wire format, answering by rules; what no rule
 * answers gets `fallback` (HTTP 500 unless given). Port 0 picks a free port.
 */
export async function startScriptedModel(
  options: {
    kind?: FakeProviderKind;
    port?: number;
    host?: string;
    rules?: ScriptedRule[];
    fallback?: ScriptedRule['reply'];
  } = {},
): Promise<ScriptedModel> {
  const kind = options.kind ?? 'openai-compatible';
  const rules: LiveRule[] = [];
  const requests: ScriptedRequest[] = [];
  const waiters: { match: ScriptedRule['when']; resolve: (r: ScriptedRequest) => void }[] = [];
  const live = (rule: ScriptedRule): LiveRule => ({ ...rule, left: rule.times ?? Number.POSITIVE_INFINITY });

  const server = createServer(async (req, res) => {
    const request = await decode(req);
    requests.push(request);
    for (const w of waiters.splice(0)) {
      if (matches(w.match, request)) w.resolve(request);
      else waiters.push(w);
    }
    const rule = rules.find(
      (r) => r.left > 0 && (!r.endpoint || r.endpoint === request.endpoint) && matches(r.when, request),
    );
    if (rule) rule.left -= 1;
    const chosen = rule?.reply ?? options.fallback ?? NO_ANSWER;
    await answer(res, typeof chosen === 'function' ? chosen(request) : chosen, request, kind);
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  const model: ScriptedModel = {
    url: `http://${options.host ?? '127.0.0.1'}:${port}${kind === 'google' ? '/v1beta' : '/v1'}`,
    requests,
    add: (...more) => rules.push(...more.map(live)),
    addFirst: (...more) => rules.unshift(...more.map(live)),
    enqueue: (...replies) => rules.push(...replies.map((reply) => live({ reply, times: 1 }))),
    clear: () => rules.splice(0),
    waitFor: (match) =>
      new Promise((resolve) => {
        const seen = requests.find((r) => matches(match, r));
        if (seen) resolve(seen);
        else waiters.push({ match, resolve });
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  model.add(...(options.rules ?? []));
  return model;
}

function matches(when: ScriptedRule['when'], request: ScriptedRequest): boolean {
  if (when === undefined) return true;
  if (typeof when === 'string') return request.text.includes(when);
  if (when instanceof RegExp) return when.test(request.text);
  return when(request);
}

async function answer(
  res: ServerResponse,
  reply: ScriptedReply,
  request: ScriptedRequest,
  kind: FakeProviderKind,
) {
  if ('hang' in reply) return; // held open until the client gives up or the server closes
  if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
  if (res.destroyed) return;
  const wire: FakeProviderKind =
    request.endpoint === 'transcription' ? 'stt' : kind === 'stt' ? 'openai-compatible' : kind;
  if ('status' in reply) {
    sendJson(res, reply.status, reply.body ?? errorBody(wire, reply.status), reply.headers);
    return;
  }
  const text = 'json' in reply ? JSON.stringify(reply.json) : reply.text;
  const language = 'language' in reply ? reply.language : whisperLanguage(request.form?.language);
  const out: WireAnswer = {
    text,
    inputTokens: reply.inputTokens,
    outputTokens: reply.outputTokens,
    language,
  };
  if (request.stream && wire === 'openai-compatible') sendChatStream(res, out);
  else sendJson(res, 200, successBody(wire, out, request.body));
}

const WHISPER_NAMES: Record<string, string> = { en: 'english', ru: 'russian' };
const whisperLanguage = (code: string | undefined) => (code ? WHISPER_NAMES[code] : undefined);

async function decode(req: IncomingMessage): Promise<ScriptedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const path = req.url ?? '';
  const type = req.headers['content-type'] ?? '';
  const endpoint = path.endsWith('/audio/transcriptions')
    ? 'transcription'
    : /\/(chat\/completions|responses|messages)$|:generateContent$/.test(path.split('?')[0] ?? '')
      ? 'chat'
      : 'other';
  const base = { path, endpoint, at: Date.now() } as const;
  if (type.startsWith('multipart/form-data')) {
    const form: Record<string, string> = {};
    const data = await new Request('http://local/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: raw,
    })
      .formData()
      .catch(() => new FormData());
    for (const [key, value] of data)
      form[key] = typeof value === 'string' ? value : `${value.name} ${value.size} bytes ${value.type}`;
    const text = Object.values(form).join('\n');
    return {
      ...base,
      body: raw.toString('latin1'),
      json: null,
      text,
      structured: false,
      stream: false,
      form,
    };
  }
  const body = raw.toString('utf8');
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(body) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return {
    ...base,
    body,
    json,
    text: json ? promptTexts(json).join('\n') : body,
    structured: json ? asksForSchema(json) : false,
    stream: json?.stream === true,
    form: null,
  };
}

/** The prompt's strings in any of the four wire formats (not the schema, roles or settings). */
function promptTexts(json: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) if (key !== 'role' && key !== 'type') walk(inner);
  };
  for (const key of ['system', 'instructions', 'systemInstruction', 'messages', 'input', 'contents'])
    walk(json[key]);
  return out;
}

function asksForSchema(json: Record<string, unknown>): boolean {
  const format = json.response_format as { type?: string } | undefined;
  const textFormat = (json.text as { format?: { type?: string } } | undefined)?.format;
  const google = json.generationConfig as { responseMimeType?: string } | undefined;
  const tools = json.tools as { name?: string }[] | undefined;
  return (
    format?.type === 'json_schema' ||
    format?.type === 'json_object' ||
    textFormat?.type === 'json_schema' ||
    google?.responseMimeType === 'application/json' ||
    (tools?.some((t) => t.name === 'json') ?? false)
  );
}
