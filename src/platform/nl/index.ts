export { isAcknowledgment } from './acknowledgment.ts';
export { createParseRoutes, type ParseRoutesDeps } from './parse-routes.ts';
export { DEFAULT_TIME, detectLanguage, parseText } from './parse-text.ts';
export type { ParsedText, ParseOptions } from './parsed-text.ts';
export { isAboutOneself } from './self-statement.ts';
export { isoInZone, isTimezone } from './zoned-clock.ts';
