import { uuidv7 } from 'uuidv7';
import type { Queryable } from '../db/database.ts';
import { auditLog } from '../db/schema.ts';
import { currentTraceId } from '../observability/trace.ts';

export interface AuditEntry {
  actorUserId?: string | null;
  actorKind: 'user' | 'cli' | 'system';
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
}

/** Appends one entry; pass the caller's transaction so the entry commits with the change it records. */
export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    id: uuidv7(),
    actorUserId: entry.actorUserId ?? null,
    actorKind: entry.actorKind,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    details: entry.details ?? {},
    traceId: currentTraceId() ?? null,
  });
}
