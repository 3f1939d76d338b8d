import { Hono } from 'hono';
import { html } from 'hono/html';
import { problemJson } from './problem.ts';

// A problem's `type` is `/problems/<code>` on this server (RFC 9457 lets it be a relative
// reference): a person who follows it reads what the code means and what to do, with no domain
// the project does not own in between. The platform's own codes have their own words; a
// capability's code gets the general reading, its `detail` being the specific part.

const CODE = /^[a-z][a-z0-9_]{0,63}$/;

const PLATFORM_CODES: Record<string, string> = {
  validation_failed:
    'The request did not match the API description. `errors` lists each field with what is wrong; fix those and send again.',
  input_unprocessable:
    'The request is well-formed but its content is refused: a control character in text, a date outside 1970–9999, a rule that never occurs. `errors` says where.',
  request_invalid: 'The request could not be read (for example malformed JSON). Send valid JSON.',
  body_too_large: 'The body is larger than the API accepts (256 KB of JSON). Send less at once.',
  route_not_found: 'No operation answers this method and path. /openapi.json lists every one.',
  already_exists:
    'Another request made the same thing a moment ago. Read it back instead of creating it again.',
  token_missing:
    'Send `Authorization: Bearer <token>`. The bot’s /token command or POST /api/v1/auth/webapp gives one.',
  token_invalid: 'The token is not valid here (expired, or from another server). Get a new one.',
  token_revoked: 'The token was signed out. Get a new one.',
  role_required: 'Your account lacks the role this needs. Ask the server’s admin.',
  rate_limited: 'Too many requests from your account this minute. Wait the seconds in `Retry-After`.',
  internal_error: 'Something failed on the server. Quote the `trace_id` when you report it.',
};

const GENERAL =
  'The HTTP status says the kind of failure (4xx: the request; 5xx: the server). The code is stable, so a program may branch on it; `detail` says what happened this time and what to do next.';

const page = (code: string, meaning: string) => html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Problem: ${code}</title></head>
<body>
<h1><code>${code}</code></h1>
<p>${meaning}</p>
<p>Every error of the Secretary API is an RFC 9457 <code>application/problem+json</code> body with
<code>type</code> (this page), <code>title</code>, <code>status</code>, <code>code</code>, <code>detail</code>
and <code>trace_id</code>. The whole API is described at <a href="/docs">/docs</a>.</p>
</body>
</html>`;

/** `/problems/{code}`: a short page per problem code, where every problem's `type` points. */
export function createProblemPages(): Hono {
  const app = new Hono();
  app.get('/problems/:code', (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code)) return problemJson(c, 404, 'route_not_found', 'A problem code is lower_snake_case');
    return c.html(page(code, PLATFORM_CODES[code] ?? GENERAL));
  });
  return app;
}
