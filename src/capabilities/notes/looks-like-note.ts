import { firstUrl } from './filing-service.ts';

/**
 * Offline, a line the parser cannot place is a note when it reads like one — a link, or a statement
 * of three words or more; a short question or a greeting ("как дела?") is left to the conversation.
 */
export function looksLikeNote(title: string): boolean {
  if (firstUrl(title)) return true;
  const words = title.trim().split(/\s+/).filter(Boolean).length;
  return words >= 3 && !/[?？]\s*$/.test(title.trim());
}
