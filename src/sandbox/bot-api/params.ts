import { badRequest } from '../core/api-error.ts';

/** Raw Bot API parameters: JSON values, or strings/Files from query, form and multipart bodies. */
export type RawParams = Record<string, unknown>;

/** Typed, Telegram-flavoured access to raw parameters (strings are coerced like the real API does). */
export interface Params {
  raw: RawParams;
  has(name: string): boolean;
  int(name: string): number | undefined;
  requireInt(name: string, emptyMessage?: string): number;
  str(name: string): string | undefined;
  bool(name: string): boolean | undefined;
  /** JSON-typed parameter (object/array), given inline or as a JSON string. */
  json<T>(name: string, errorMessage?: string): T | undefined;
  file(name: string): File | string | undefined;
}

export function createParams(raw: RawParams): Params {
  const value = (name: string): unknown => {
    const v = raw[name];
    return v === '' || v === null ? undefined : v;
  };
  const params: Params = {
    raw,
    has: (name) => value(name) !== undefined,
    int(name) {
      const v = value(name);
      if (v === undefined) return undefined;
      const n =
        typeof v === 'number'
          ? v
          : typeof v === 'string' && /^-?\d+$/.test(v.trim())
            ? Number(v)
            : Number.NaN;
      if (!Number.isSafeInteger(n)) throw badRequest(`invalid ${name} specified`);
      return n;
    },
    requireInt(name, emptyMessage) {
      const n = params.int(name);
      if (n === undefined) throw badRequest(emptyMessage ?? `${name} is empty`);
      return n;
    },
    str(name) {
      const v = value(name);
      if (v === undefined) return undefined;
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      throw badRequest(`invalid ${name} specified`);
    },
    bool(name) {
      const v = value(name);
      if (v === undefined) return undefined;
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === '1' || v === 1) return true;
      if (v === 'false' || v === '0' || v === 0) return false;
      throw badRequest(`invalid ${name} specified`);
    },
    json<T>(name: string, errorMessage?: string) {
      const v = value(name);
      if (v === undefined) return undefined;
      if (typeof v !== 'string') return v as T;
      try {
        return JSON.parse(v) as T;
      } catch {
        throw badRequest(errorMessage ?? `can't parse ${name} JSON object`);
      }
    },
    file(name) {
      const v = value(name);
      if (v === undefined) return undefined;
      if (typeof v === 'string' || v instanceof File) return v;
      throw badRequest(`invalid ${name} specified`);
    },
  };
  return params;
}

/** A loggable copy of the params: uploaded files are summarised, not embedded. */
export function describeParams(raw: RawParams): RawParams {
  const out: RawParams = {};
  for (const [key, v] of Object.entries(raw)) {
    out[key] = v instanceof File ? { file_name: v.name, size: v.size, mime_type: v.type } : v;
  }
  return out;
}
