import type { ScriptedReply, ScriptedRequest, ScriptedRule } from './scripted-model.ts';

// Answers good enough to click through every AI feature by hand (`npm run fake-model`): each
// operation is recognised by its system prompt, anything else structured gets a value built from
// the JSON schema it asked for. Deterministic, and never a number the request did not contain.

type Json = Record<string, unknown>;

const russian = (r: ScriptedRequest) => /Russian|\(ru\)|"language":"ru"/.test(r.text);
const lastLine = (r: ScriptedRequest, prefix: string) =>
  r.text
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(prefix))
    ?.slice(prefix.length) ?? '';
const parsed = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

function classify(r: ScriptedRequest): ScriptedReply {
  const topics = parsed<{ id: string; name: string; keywords?: string[] }[]>(lastLine(r, 'Topics: '), []);
  const note = parsed<{ text?: string }>(lastLine(r, 'Note: '), {}).text ?? '';
  const words = note.toLowerCase();
  const hit = topics.find((t) =>
    [t.name, ...(t.keywords ?? [])].some((k) => words.includes(k.toLowerCase())),
  );
  return {
    json: {
      topicId: hit?.id ?? null,
      confidence: hit ? 0.9 : 0,
      title: note.slice(0, 60),
      tags: [],
      alternatives: hit ? [{ topicId: hit.id, confidence: 0.9 }] : [],
    },
  };
}

function understand(r: ScriptedRequest): ScriptedReply {
  const message = parsed<string>(lastLine(r, 'Message: '), '');
  const intent = /\?\s*$/.test(message) ? 'chat' : 'task';
  return {
    json: {
      intent,
      title: message,
      dueLocal: null,
      allDay: false,
      rrule: null,
      priority: null,
      category: null,
      confidence: 0.6,
    },
  };
}

function render(r: ScriptedRequest): ScriptedReply {
  const note = parsed<{ text?: string }>(lastLine(r, 'Note: '), {}).text ?? '';
  return { json: { title: note.split('\n')[0]?.slice(0, 60) ?? '', tags: [], body: note } };
}

function chat(r: ScriptedRequest): ScriptedReply {
  const messages = (r.json?.messages ?? []) as { role: string; content: unknown }[];
  const said = [...messages].reverse().find((m) => m.role === 'user')?.content;
  const line = typeof said === 'string' ? said : '';
  return {
    text: russian(r)
      ? `(сценарная модель) Слышу вас: «${line}». Чем помочь?`
      : `(scripted model) I hear you: "${line}". How can I help?`,
  };
}

/** A value of the requested JSON schema: first enum value, empty lists, null where allowed. */
export function fromSchema(schema: Json | undefined, name = ''): unknown {
  if (!schema) return null;
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(schema.anyOf)) return fromSchema(schema.anyOf[0] as Json, name);
  if (types.includes('object')) {
    const props = (schema.properties ?? {}) as Record<string, Json>;
    return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromSchema(v, k)]));
  }
  if (types.includes('array')) return [];
  if (types.includes('string')) return name === 'text' || name === 'summary' ? 'Scripted answer.' : '';
  if (types.includes('number') || types.includes('integer')) return 0.5;
  if (types.includes('boolean')) return false;
  return null;
}

const schemaOf = (r: ScriptedRequest) =>
  ((r.json?.response_format as Json | undefined)?.json_schema as Json | undefined)?.schema as
    | Json
    | undefined;

/** The default rule set of the standalone server. */
export const plausibleRules: ScriptedRule[] = [
  {
    endpoint: 'transcription',
    reply: (r) => ({
      text: r.form?.language === 'ru' ? 'Купить молоко завтра в 10' : 'Buy milk tomorrow at 10',
    }),
  },
  { when: 'You file personal notes', reply: classify },
  { when: 'You read one message sent to a personal assistant', reply: understand },
  { when: 'You tidy a personal note', reply: render },
  {
    when: 'weekly insight',
    reply: (r) => ({
      text: russian(r)
        ? 'Ровная неделя. Сложное лучше ставить на утро.'
        : 'A steady week. Put the hard things in the morning.',
    }),
  },
  {
    when: 'should write to its user first',
    reply: (r) => ({
      json: {
        action: 'send',
        text: parsed<{ suggestion?: string }>(r.text.split('\n').at(-1) ?? '', {}).suggestion ?? '',
        reason: 'scripted',
      },
    }),
  },
  { when: (r) => r.structured, reply: (r) => ({ json: fromSchema(schemaOf(r)) }) },
  { endpoint: 'chat', reply: chat },
];
