import { isAboutOneself } from '../../platform/nl/index.ts';
import { firstUrl } from './filing-service.ts';

/**
 * Offline, a line the parser cannot place is a note when it reads like one — a link, or a statement
 * of three words or more; a short question, a greeting ("как дела?") or how the person feels
 * ("мне грустно, экзамены скоро") is left to the conversation.
 */
export function looksLikeNote(title: string): boolean {
  if (firstUrl(title)) return true;
  if (isAboutOneself(title)) return false;
  const words = title.trim().split(/\s+/).filter(Boolean).length;
  return words >= 3 && !/[?？]\s*$/.test(title.trim());
}
