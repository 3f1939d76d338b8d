import type { AiConfig } from './ai-config.ts';
import type { TokenUsage } from './ai-port.ts';

/** USD per million tokens. Estimates from public price lists; override with AI_PRICE_*_PER_MTOK. */
export interface Price {
  inputPerMTok: number;
  outputPerMTok: number;
}

// Keyed by model-name prefix so dated variants (gpt-4o-mini-2024-07-18) match. Unknown → free.
const PRICES: Record<string, Record<string, Price>> = {
  openai: {
    'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
    'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
    'gpt-4.1-nano': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
    'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
    'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
  },
  google: {
    'gemini-2.5-flash-lite': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
    'gemini-2.5-flash': { inputPerMTok: 0.3, outputPerMTok: 2.5 },
    'gemini-2.5-pro': { inputPerMTok: 1.25, outputPerMTok: 10 },
    'gemini-2.0-flash': { inputPerMTok: 0.1, outputPerMTok: 0.4 },
  },
  anthropic: {
    'claude-haiku-4-5': { inputPerMTok: 1, outputPerMTok: 5 },
    'claude-3-5-haiku': { inputPerMTok: 0.8, outputPerMTok: 4 },
    'claude-sonnet-4': { inputPerMTok: 3, outputPerMTok: 15 },
  },
};

export function priceFor(provider: string, model: string, override: AiConfig['priceOverride']): Price {
  if (override) return override;
  const table = PRICES[provider] ?? {};
  // Longest matching prefix wins, so gpt-4o-mini is not priced as gpt-4o.
  const key = Object.keys(table)
    .filter((k) => model.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  return (key ? table[key] : undefined) ?? { inputPerMTok: 0, outputPerMTok: 0 };
}

/** Cost in micro-dollars (integers keep the sums exact). */
export function costMicroUsd(usage: TokenUsage, price: Price): number {
  return Math.round(usage.inputTokens * price.inputPerMTok + usage.outputTokens * price.outputPerMTok);
}
