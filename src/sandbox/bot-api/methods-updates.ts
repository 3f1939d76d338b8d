import type { Update, WebhookInfo } from '@grammyjs/types';
import { badRequest, conflict } from '../core/api-error.ts';
import { isLoopbackHost } from '../security/request-guard.ts';
import type { MethodEnv, MethodTable } from './method-env.ts';
import type { Params } from './params.ts';

const WEBHOOK_ACTIVE =
  "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

/** getUpdates long polls are exclusive: a newer call ends the older one with 409, like Telegram. */
function createPollGuard() {
  let current: { end: () => void; conflicted: boolean } | undefined;
  return {
    enter(): { conflicted: () => boolean; leave: () => void; ended: Promise<void> } {
      if (current) {
        current.conflicted = true;
        current.end();
      }
      let end!: () => void;
      const ended = new Promise<void>((resolve) => {
        end = resolve;
      });
      const slot = { end, conflicted: false };
      current = slot;
      return {
        conflicted: () => slot.conflicted,
        leave: () => {
          if (current === slot) current = undefined;
        },
        ended,
      };
    },
  };
}

function selectUpdates(env: MethodEnv, offset: number | undefined, limit: number): Update[] {
  const pending = env.ctx.updates.pending();
  if (offset !== undefined && offset < 0) return pending.slice(offset).slice(0, limit);
  return pending.filter((u) => offset === undefined || u.update_id >= offset).slice(0, limit);
}

export function createUpdateMethods(): MethodTable {
  const guard = createPollGuard();

  async function getUpdates(p: Params, env: MethodEnv): Promise<Update[]> {
    const { ctx } = env;
    if (ctx.webhook.config) throw conflict(WEBHOOK_ACTIVE);
    const offset = p.int('offset');
    const limit = Math.min(100, Math.max(1, p.int('limit') ?? 100));
    const timeout = Math.min(50, Math.max(0, p.int('timeout') ?? 0));
    const allowed = p.json<string[]>('allowed_updates');
    if (allowed !== undefined && !Array.isArray(allowed))
      throw badRequest("can't parse allowed_updates JSON array");
    ctx.updates.setAllowedUpdates(allowed);
    if (offset !== undefined) {
      if (offset < 0) {
        const keep = ctx.updates.pending().slice(offset);
        ctx.updates.confirmBelow(keep[0]?.update_id ?? Number.MAX_SAFE_INTEGER);
      } else ctx.updates.confirmBelow(offset);
      ctx.changed();
    }
    const poll = guard.enter();
    try {
      const deadline = Date.now() + timeout * 1000;
      const abort = new AbortController();
      void poll.ended.then(() => abort.abort());
      const signal = AbortSignal.any([abort.signal, env.signal]);
      let updates = selectUpdates(env, offset, limit);
      while (updates.length === 0 && Date.now() < deadline && !signal.aborted) {
        await ctx.updates.waitForPush(deadline - Date.now(), signal);
        if (ctx.webhook.config) throw conflict(WEBHOOK_ACTIVE);
        updates = selectUpdates(env, offset, limit);
      }
      if (poll.conflicted()) {
        throw conflict(
          'terminated by other getUpdates request; make sure that only one bot instance is running',
        );
      }
      return updates;
    } finally {
      poll.leave();
    }
  }

  return {
    getupdates: getUpdates,
    setwebhook(p, env) {
      const { ctx } = env;
      const url = p.str('url') ?? '';
      if (url === '') return deleteWebhook(p, env);
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
      }
      if (!/^https?:$/.test(parsed.protocol))
        throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
      // A local tool must not become a relay that POSTs every chat to any address on the network.
      if (!isLoopbackHost(parsed.hostname) && !ctx.webhookHosts.includes(parsed.hostname.toLowerCase()))
        throw badRequest(
          `bad webhook: the sandbox delivers only to loopback addresses (127.0.0.1, ::1, localhost), not ${parsed.hostname}`,
        );
      const secret = p.str('secret_token');
      if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
        throw badRequest('bad webhook: Secret token contains unallowed characters');
      }
      const maxConnections = p.int('max_connections') ?? 40;
      if (maxConnections < 1 || maxConnections > 100)
        throw badRequest('bad webhook: invalid max_connections');
      const allowed = p.json<string[]>('allowed_updates');
      ctx.updates.setAllowedUpdates(allowed);
      if (p.bool('drop_pending_updates')) ctx.updates.clear();
      ctx.webhook.config = {
        url,
        secret_token: secret,
        max_connections: maxConnections,
        ip_address: p.str('ip_address'),
        last_error_date: undefined,
        last_error_message: undefined,
      };
      ctx.changed();
      env.webhook.reconfigure();
      return true;
    },
    deletewebhook: deleteWebhook,
    getwebhookinfo(_p, env): WebhookInfo {
      const config = env.ctx.webhook.config;
      const pending = env.ctx.updates.pending().length;
      if (!config) return { url: '', has_custom_certificate: false, pending_update_count: pending };
      const info: WebhookInfo = {
        url: config.url,
        has_custom_certificate: false,
        pending_update_count: pending,
        max_connections: config.max_connections,
      };
      if (config.ip_address) info.ip_address = config.ip_address;
      if (config.last_error_date) {
        info.last_error_date = config.last_error_date;
        info.last_error_message = config.last_error_message ?? '';
      }
      const allowed = env.ctx.updates.snapshot().allowed;
      if (allowed?.length) info.allowed_updates = allowed as WebhookInfo['allowed_updates'];
      return info;
    },
  };
}

function deleteWebhook(p: Params, env: MethodEnv): true {
  const { ctx } = env;
  if (p.bool('drop_pending_updates')) ctx.updates.clear();
  ctx.webhook.config = undefined;
  ctx.changed();
  env.webhook.reconfigure();
  return true;
}
