import { invalid } from './owned.ts';

/** At most 5 distinct offsets, each from 1 minute to 30 days before the deadline; largest first. */
export function validateOffsets(offsets: readonly number[]): number[] {
  const unique = [...new Set(offsets)];
  if (unique.length > 5) throw invalid('offsets_too_many', 'At most 5 notification offsets');
  for (const offset of unique) {
    if (!Number.isInteger(offset) || offset < 1 || offset > 43_200) {
      throw invalid('offset_invalid', 'Offsets are whole minutes from 1 to 43200 (30 days)');
    }
  }
  return unique.sort((a, b) => b - a);
}
