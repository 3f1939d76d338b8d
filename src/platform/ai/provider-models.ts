import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel, TranscriptionModel } from 'ai';
import type { AiConfig } from './ai-config.ts';

type LlmSettings = Exclude<AiConfig['llm'], { provider: 'none' }>;
type SttSettings = Exclude<AiConfig['stt'], { provider: 'none' }>;

/** The Vercel AI SDK model for the configured provider; base URLs let tests and local servers in. */
export function createLanguageModel(llm: LlmSettings): LanguageModel {
  const base = llm.baseUrl ? { baseURL: llm.baseUrl } : {};
  switch (llm.provider) {
    case 'openai':
      return createOpenAI({ apiKey: llm.apiKey, ...base })(llm.model);
    case 'google':
      return createGoogleGenerativeAI({ apiKey: llm.apiKey, ...base })(llm.model);
    case 'anthropic':
      return createAnthropic({ apiKey: llm.apiKey, ...base })(llm.model);
    case 'openai-compatible':
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL: llm.baseUrl ?? '',
        // Local servers (Ollama, LM Studio) accept any key or none.
        ...(llm.apiKey ? { apiKey: llm.apiKey } : {}),
        supportsStructuredOutputs: true,
      })(llm.model);
  }
}

/** Whisper-style `/audio/transcriptions`; OpenAI itself or any compatible local server by base URL. */
export function createTranscriptionModel(stt: SttSettings): TranscriptionModel {
  return createOpenAI({
    apiKey: stt.apiKey ?? 'not-needed',
    ...(stt.baseUrl ? { baseURL: stt.baseUrl } : {}),
  }).transcription(stt.model);
}
