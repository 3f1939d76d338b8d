export { formatWhen } from './format.ts';
export {
  HHMM,
  isTimezone,
  localAt,
  localDateAt,
  localDay,
  localIsoDate,
  nextLocalTime,
} from './local-time.ts';
