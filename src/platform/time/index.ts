export { formatWhen } from './format.ts';
export {
  HHMM,
  isTimezone,
  localAt,
  localDateAt,
  localDay,
  localIsoDate,
  nextLocalTime,
  sameTimeNextFree,
} from './local-time.ts';
