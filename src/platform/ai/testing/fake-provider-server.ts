import type { FakeProviderKind } from './provider-wire.ts';
import { type ScriptedModel, type ScriptedReply, startScriptedModel } from './scripted-model.ts';

export type { FakeProviderKind } from './provider-wire.ts';

/** One scripted answer (see ScriptedReply). */
export type FakeStep = ScriptedReply;

/** The scripted model used as a plain queue: answers in order, HTTP 500 once the queue is empty. */
export type FakeProvider = ScriptedModel;

/** A local HTTP server that speaks one provider's wire format, for contract tests (port 0). */
export function startFakeProvider(kind: FakeProviderKind): Promise<FakeProvider> {
  return startScriptedModel({ kind });
}
