import { Hono } from 'hono';
import { z } from 'zod';
import { ControlError } from '../core/api-error.ts';
import { upsertUser } from '../core/chats.ts';
import { requireUser, setBlocked } from '../core/user-actions.ts';
import { type ControlDeps, readJson, requireIntParam } from './control-deps.ts';

const userSchema = z.strictObject({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  first_name: z.string().min(1).max(64).optional(),
  last_name: z.string().max(64).optional(),
  username: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, 'must be 4-32 chars of [A-Za-z0-9_]')
    .optional(),
  language_code: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'must be an IETF language tag')
    .optional(),
});

export function createUsersRoutes(deps: ControlDeps): Hono {
  const { ctx } = deps;
  const app = new Hono();
  app.post('/users', async (c) => {
    const input = await readJson(c, userSchema);
    if (input.id === ctx.bot.id) throw new ControlError(400, 'id is taken by the bot');
    const existing = input.id === undefined ? undefined : ctx.store.users.get(input.id);
    const firstName = input.first_name ?? existing?.first_name;
    if (!firstName) throw new ControlError(400, 'invalid request body: first_name: required for a new user');
    const user = upsertUser(ctx, { ...input, first_name: firstName });
    return c.json({ user }, 201);
  });
  app.get('/users', (c) => c.json({ users: [...ctx.store.users.values()] }));
  app.get('/users/:id', (c) => {
    const user = requireUser(ctx, requireIntParam(c.req.param('id'), 'id'));
    return c.json({ user, blocked: ctx.store.blocked.has(user.id) });
  });
  for (const action of ['block', 'unblock'] as const) {
    app.post(`/users/:id/${action}`, (c) => {
      const user = requireUser(ctx, requireIntParam(c.req.param('id'), 'id'));
      const changed = setBlocked(ctx, user, action === 'block');
      return c.json({ user, blocked: action === 'block', changed });
    });
  }
  return app;
}
