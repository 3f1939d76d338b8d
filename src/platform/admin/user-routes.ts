import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { desc, lt } from 'drizzle-orm';
import { toUserDto, UserSchema } from '../auth/auth-routes.ts';
import type { RoleDeclaration } from '../capability/roles.ts';
import type { Db } from '../db/database.ts';
import { auditLog } from '../db/schema.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { AppEnv } from '../http/app-env.ts';
import { validationHook } from '../http/openapi-hook.ts';
import {
  jsonContent as json,
  pageOf,
  problemResponse as problem,
  bearerSecurity as security,
} from '../http/openapi-parts.ts';
import type { UserService } from '../users/user-service.ts';

const tags = ['admin'];
const forbidden = {
  401: problem('Missing, invalid or expired token'),
  403: problem('Not an admin'),
};
const page = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: '1–200, default 50' }),
  cursor: z.uuid().optional().openapi({ description: 'The `next_cursor` of the previous page' }),
  before: z
    .uuid()
    .optional()
    .openapi({ deprecated: true, description: 'Deprecated (one release): the same as `cursor`' }),
});
const DEFAULT_LIMIT = 50;
/** A full page may have more after it: its last id is where the next one starts. */
const nextCursor = (rows: Array<{ id: string }>, limit: number) =>
  rows.length === limit ? (rows.at(-1)?.id ?? null) : null;

const listUsers = createRoute({
  method: 'get',
  operationId: 'listUsers',
  path: '/users',
  tags,
  security,
  summary: 'Users, newest first, with their roles (admins only)',
  request: { query: page },
  responses: {
    200: { description: 'Users', ...json(pageOf(UserSchema)) },
    ...forbidden,
  },
});
const listRoles = createRoute({
  method: 'get',
  operationId: 'listRoles',
  path: '/roles',
  tags,
  security,
  summary: 'The roles this build knows (the platform and its capabilities declare them)',
  responses: {
    200: {
      description: 'Roles',
      ...json(pageOf(z.object({ name: z.string(), description: z.string() }))),
    },
    ...forbidden,
  },
});
const setRoles = createRoute({
  method: 'put',
  operationId: 'updateUserRoles',
  path: '/users/{id}/roles',
  tags,
  security,
  summary: "Set a user's roles (every grant and revoke goes to the audit log)",
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
    body: {
      required: true,
      ...json(z.object({ roles: z.array(z.string().max(32)).max(16) }).openapi('RolesUpdate')),
    },
  },
  responses: {
    200: { description: 'The user with the new roles', ...json(UserSchema) },
    400: problem('A role this build does not know'),
    404: problem('No such user'),
    409: problem('An admin cannot take the admin role from themselves'),
    ...forbidden,
  },
});
const AuditSchema = z
  .object({
    id: z.uuid(),
    at: z.string().datetime({ offset: true }),
    actor_kind: z.enum(['user', 'cli', 'system']),
    actor_user_id: z.uuid().nullable(),
    action: z.string(),
    subject_type: z.string().nullable(),
    subject_id: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');
const listAudit = createRoute({
  method: 'get',
  operationId: 'listAuditEntries',
  path: '/audit',
  tags,
  security,
  summary: 'The audit log of admin actions, newest first',
  request: { query: page },
  responses: {
    200: { description: 'Entries', ...json(pageOf(AuditSchema)) },
    ...forbidden,
  },
});

/** /api/v1/admin: users and roles, and the audit log (mounted with access { role: 'admin' }). */
export function createAdminUserRoutes(deps: {
  users: UserService;
  db: Db;
  roles: readonly RoleDeclaration[];
}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(listUsers, async (c) => {
    const { limit = DEFAULT_LIMIT, cursor, before } = c.req.valid('query');
    const after = cursor ?? before;
    const rows = await deps.users.list({ limit, ...(after ? { before: after } : {}) });
    return c.json({ items: rows.map(toUserDto), next_cursor: nextCursor(rows, limit) }, 200);
  });
  app.openapi(listRoles, (c) =>
    c.json(
      { items: deps.roles.map((r) => ({ name: r.name, description: r.description })), next_cursor: null },
      200,
    ),
  );
  app.openapi(setRoles, async (c) => {
    const { id } = c.req.valid('param');
    const { roles } = c.req.valid('json');
    const known = new Set(deps.roles.map((r) => r.name));
    const unknown = roles.filter((r) => !known.has(r));
    if (unknown.length)
      throw new DomainError(
        'invalid',
        'role_unknown',
        `Unknown role ${unknown.join(', ')}: use ${[...known].join(', ')}`,
        { roles: unknown },
      );
    const user = await deps.users.setRoles(id, roles, { kind: 'user', userId: c.get('user').id });
    return c.json(toUserDto(user), 200);
  });
  app.openapi(listAudit, async (c) => {
    const { limit = DEFAULT_LIMIT, cursor, before } = c.req.valid('query');
    const after = cursor ?? before;
    const rows = await deps.db
      .select()
      .from(auditLog)
      .where(after ? lt(auditLog.id, after) : undefined)
      .orderBy(desc(auditLog.id))
      .limit(limit);
    const items = rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor_kind: r.actorKind,
      actor_user_id: r.actorUserId,
      action: r.action,
      subject_type: r.subjectType,
      subject_id: r.subjectId,
      details: r.details,
    }));
    return c.json({ items, next_cursor: nextCursor(rows, limit) }, 200);
  });
  return app;
}
