import { ApiError } from '../../api.ts';
import { failure, type Translate } from '../../i18n.ts';
import type { BookingWords } from './booking-words.ts';

/** What to say when a booking action is refused: too late, changed meanwhile, or the API's reason. */
export function actionFailure(error: unknown, w: BookingWords, t: Translate): string {
  if (error instanceof ApiError && error.code === 'booking_cutoff_passed') return w('tooLate');
  if (error instanceof ApiError && error.status === 409) return w('changed');
  return failure(error, t);
}
