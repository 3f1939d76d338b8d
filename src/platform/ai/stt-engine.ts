import { type TranscriptionModel, experimental_transcribe as transcribe } from 'ai';
import { AiError } from './ai-error.ts';
import type { AiLogger, SttEngine } from './ai-port.ts';
import type { ResiliencePolicy } from './resilience.ts';

/** Speech-to-text through a Whisper-style endpoint, with the same timeouts, retries and breaker. */
export function createSttEngine(deps: {
  model: TranscriptionModel;
  policy: ResiliencePolicy;
  logger: AiLogger;
}): SttEngine {
  return {
    async transcribe(input, signal) {
      deps.logger.debug(
        { op: 'transcribe', bytes: input.audio.byteLength, mimeType: input.mimeType },
        'ai: sending audio',
      );
      try {
        const result = await deps.policy.run(
          (s) =>
            transcribe({
              model: deps.model,
              audio: input.audio,
              maxRetries: 0,
              abortSignal: s,
              ...(input.language ? { providerOptions: { openai: { language: input.language } } } : {}),
            }),
          signal,
        );
        return { text: result.text.trim(), language: result.language ?? null };
      } catch (error) {
        throw new AiError('stt_failed', 'speech-to-text failed', {}, { cause: error });
      }
    },
  };
}

/** The offline STT: there is none, and the caller should tell the user so. */
export const noStt: SttEngine = {
  transcribe() {
    return Promise.reject(
      new AiError(
        'stt_not_configured',
        'speech-to-text is not configured (set STT_PROVIDER, see the README)',
      ),
    );
  },
};
