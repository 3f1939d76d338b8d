import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../../../bot/bot-context.ts';
import { parseClockTime } from '../../../bot/features/quiet-hours.ts';
import { type FlowDefinition, startFlow } from '../../../bot/flows/flow-router.ts';
import { escapeHtml } from '../../../platform/telegram/telegram-html.ts';
import { formatWhen, localAt, localDateAt, localIsoDate } from '../../../platform/time/index.ts';
import { PRIORITIES, type Priority } from '../task-tables.ts';
import type { Task, TaskService } from '../task-types.ts';
import { cb, packId, unpackId } from './callback-data.ts';
import type { Handled } from './card-actions.ts';
import { datePicker, timePicker } from './date-picker.ts';
import type { ParseDeadline } from './deadline-text.ts';
import { cardKeyboard, cardText, viewerOf } from './task-card.ts';

export const NEW_FLOW = 'tasks-new';

interface Draft extends Record<string, unknown> {
  nonce: string;
  title?: string;
  description?: string | null;
  dueAt?: string | null;
  day?: string;
  priority?: Priority;
  categoryId?: string | null;
  category?: string | null;
}

type Screen = { text: string; keyboard: InlineKeyboard };
/** A picked day ("2026-11-30") as the house format shows a date: "Mon 30 Nov". */
function dayText(ctx: BotContext, day: string | undefined): string {
  const noon = day ? localDateAt(ctx.user.timezone, day, 12, 0) : null;
  return noon ? formatWhen(noon, viewerOf(ctx), { allDay: true }) : '';
}

type Step = 'title' | 'description' | 'deadline' | 'time' | 'priority' | 'category' | 'confirm';

export function createNewTaskFlow(deps: { service: TaskService; parseDeadline: ParseDeadline }) {
  const { service } = deps;
  const button = (d: Draft) => (op: string, arg?: string) => cb('n', d.nonce, op, ...(arg ? [arg] : []));

  const screens = {
    description: (ctx: BotContext, d: Draft): Screen => ({
      text: ctx.t('tasks-new-ask-description', { title: escapeHtml(d.title ?? '') }),
      keyboard: new InlineKeyboard()
        .text(ctx.t('tasks-btn-skip'), button(d)('k'))
        .text(ctx.t('tasks-btn-cancel'), button(d)('x')),
    }),
    deadline: (ctx: BotContext, d: Draft, month?: string): Screen => ({
      text: ctx.t('tasks-new-ask-deadline'),
      keyboard: datePicker(ctx.t.bind(ctx), button(d), {
        month: month ?? localIsoDate(ctx.user.timezone, ctx.services.now()).slice(0, 7),
        timezone: ctx.user.timezone,
        now: ctx.services.now(),
        language: ctx.user.language,
      }),
    }),
    time: (ctx: BotContext, d: Draft): Screen => ({
      text: ctx.t('tasks-new-ask-time', {
        day: dayText(ctx, d.day),
      }),
      keyboard: timePicker(ctx.t.bind(ctx), button(d), {
        day: d.day ?? '',
        timezone: ctx.user.timezone,
        now: ctx.services.now(),
      }),
    }),
    priority: (ctx: BotContext, d: Draft): Screen => {
      const keyboard = new InlineKeyboard();
      for (const p of PRIORITIES) keyboard.text(ctx.t(`tasks-priority-${p}`), button(d)('p', p[0]));
      return { text: ctx.t('tasks-new-ask-priority'), keyboard };
    },
    category: async (ctx: BotContext, d: Draft): Promise<Screen> => {
      const keyboard = new InlineKeyboard();
      const categories = (await service.courses.listCategories(ctx.user.id)).slice(0, 8);
      categories.forEach((c, i) => {
        keyboard.text(c.name, button(d)('c', packId(c.id)));
        if (i % 2 === 1) keyboard.row();
      });
      keyboard.row().text(ctx.t('tasks-btn-no-category'), button(d)('c', '-'));
      return { text: ctx.t('tasks-new-ask-category'), keyboard };
    },
    confirm: async (ctx: BotContext, d: Draft): Promise<Screen> => {
      const categories = d.categoryId ? await service.courses.listCategories(ctx.user.id) : [];
      const preview = {
        title: d.title ?? '',
        description: d.description ?? null,
        dueAt: d.dueAt ? new Date(d.dueAt) : null,
        priority: d.priority ?? 'normal',
        status: 'todo',
      } as Task;
      const category = d.category ?? categories.find((c) => c.id === d.categoryId)?.name ?? null;
      return {
        text: `${ctx.t('tasks-new-confirm')}\n\n${cardText(ctx.t.bind(ctx), preview, { category, course: null, topic: null }, viewerOf(ctx))}`,
        keyboard: new InlineKeyboard()
          .text(ctx.t('tasks-btn-save'), button(d)('s'))
          .text(ctx.t('tasks-btn-cancel'), button(d)('x')),
      };
    },
  };

  const send = (ctx: BotContext, s: Screen) =>
    ctx.reply(s.text, { parse_mode: 'HTML', reply_markup: s.keyboard });
  const edit = (ctx: BotContext, s: Screen) =>
    ctx.editMessageText(s.text, { parse_mode: 'HTML', reply_markup: s.keyboard }).catch((e: Error) => {
      if (!/not modified/.test(e.message)) throw e;
    });

  async function afterDeadline(ctx: BotContext, d: Draft, show: (s: Screen) => Promise<unknown>) {
    await show(screens.priority(ctx, d));
    return { step: 'priority' as Step, data: d };
  }

  const flow: FlowDefinition = {
    async title(ctx, data) {
      const title = ctx.message?.text?.trim() ?? '';
      if (!title || title.length > 200) {
        await ctx.reply(ctx.t('tasks-new-bad-title'));
        return { step: 'title' };
      }
      const d = { ...(data as Draft), title };
      await send(ctx, screens.description(ctx, d));
      return { step: 'description', data: d };
    },
    async description(ctx, data) {
      const d = { ...(data as Draft), description: (ctx.message?.text ?? '').trim().slice(0, 4000) || null };
      await send(ctx, screens.deadline(ctx, d));
      return { step: 'deadline', data: d };
    },
    async deadline(ctx, data) {
      const due = deps.parseDeadline(ctx.message?.text ?? '', ctx.user, ctx.services.now());
      if (!due) {
        await ctx.reply(ctx.t('tasks-new-bad-deadline'));
        return { step: 'deadline' };
      }
      return afterDeadline(ctx, { ...(data as Draft), dueAt: due.toISOString() }, (s) => send(ctx, s));
    },
    async time(ctx, data) {
      const d = data as Draft;
      const time = parseClockTime(ctx.message?.text ?? '');
      const due = time && d.day ? localDateAt(ctx.user.timezone, d.day, ...hm(time)) : null;
      if (due && due <= ctx.services.now()) {
        await ctx.reply(ctx.t('tasks-new-time-past'));
        return { step: 'time' };
      }
      if (!due) {
        await ctx.reply(ctx.t('tasks-new-bad-time'));
        return { step: 'time' };
      }
      return afterDeadline(ctx, { ...d, dueAt: due.toISOString() }, (s) => send(ctx, s));
    },
    async priority(ctx) {
      await ctx.reply(ctx.t('tasks-use-buttons'));
      return { step: 'priority' };
    },
    async category(ctx, data) {
      const name = (ctx.message?.text ?? '').trim().replace(/^#/, '');
      if (!name || name.length > 60) {
        await ctx.reply(ctx.t('tasks-use-buttons'));
        return { step: 'category' };
      }
      const d = { ...(data as Draft), category: name, categoryId: null };
      await send(ctx, await screens.confirm(ctx, d));
      return { step: 'confirm', data: d };
    },
    async confirm(ctx) {
      await ctx.reply(ctx.t('tasks-use-buttons'));
      return { step: 'confirm' };
    },
  };

  async function start(ctx: BotContext) {
    await startFlow(ctx, NEW_FLOW, 'title', { nonce: ctx.update.update_id.toString(36) });
    await ctx.reply(ctx.t('tasks-new-ask-title'));
  }

  /** Buttons of the flow's messages (`t:n:<nonce>:<op>[:<arg>]`); false when stale. */
  async function onCallback(ctx: BotContext, args: string[]): Promise<Handled> {
    const [nonce, op, arg] = args;
    if (!ctx.chat || !ctx.from) return false;
    const { flows, now } = ctx.services;
    const active = await flows.get(ctx.chat.id, ctx.from.id, now());
    if (!active || active.expired || active.flow !== NEW_FLOW || active.data.nonce !== nonce) return false;
    const d = active.data as Draft;
    const step = active.step as Step;
    const go = async (next: Step, data: Draft, screen: Screen | null) => {
      await flows.set(ctx.chat!.id, ctx.from!.id, { flow: NEW_FLOW, step: next, data }, now());
      if (screen) await edit(ctx, screen);
      return true;
    };
    const tz = ctx.user.timezone;
    if (op === '_') return true;
    if (op === 'x') {
      await flows.clear(ctx.chat.id, ctx.from.id);
      await ctx.editMessageText(ctx.t('tasks-new-cancelled'));
      return true;
    }
    if (op === 'k' && step === 'description')
      return go('deadline', { ...d, description: null }, screens.deadline(ctx, d));
    if (step === 'deadline' && op === 'm' && arg && /^\d{4}-\d{2}$/.test(arg)) {
      return go('deadline', d, screens.deadline(ctx, d, arg));
    }
    if (step === 'deadline' && op === 'q') {
      if (arg === 'none') return go('priority', { ...d, dueAt: null }, screens.priority(ctx, d));
      const days = { today: 0, tomorrow: 1, week: 7 }[arg as 'today'];
      if (days === undefined) return false;
      const day = localIsoDate(tz, localAt(tz, now(), days, 12, 0));
      return go('time', { ...d, day }, screens.time(ctx, { ...d, day }));
    }
    if (step === 'deadline' && op === 'd' && arg && localDateAt(tz, arg, 0, 0)) {
      return go('time', { ...d, day: arg }, screens.time(ctx, { ...d, day: arg }));
    }
    if (step === 'time' && op === 'b') return go('deadline', d, screens.deadline(ctx, d));
    if (step === 'time' && op === 'h' && arg && /^\d{4}$/.test(arg) && d.day) {
      const due = localDateAt(tz, d.day, Number(arg.slice(0, 2)), Number(arg.slice(2)));
      if (!due || due <= now()) {
        return { toast: ctx.t('tasks-new-past') };
      }
      const next = { ...d, dueAt: due.toISOString() };
      return go('priority', next, screens.priority(ctx, next));
    }
    if (step === 'priority' && op === 'p') {
      const priority = PRIORITIES.find((p) => p[0] === arg);
      if (!priority) return false;
      const next = { ...d, priority };
      return go('category', next, await screens.category(ctx, next));
    }
    if (step === 'category' && op === 'c') {
      const categoryId = arg === '-' ? null : unpackId(arg);
      if (arg !== '-' && !categoryId) return false;
      const next = { ...d, categoryId, category: null };
      return go('confirm', next, await screens.confirm(ctx, next));
    }
    if (step === 'confirm' && op === 's') {
      await flows.clear(ctx.chat.id, ctx.from.id);
      const task = await service.create(ctx.user.id, {
        title: d.title ?? '',
        description: d.description ?? null,
        dueAt: d.dueAt ? new Date(d.dueAt) : null,
        priority: d.priority ?? 'normal',
        ...(d.category ? { category: d.category } : { categoryId: d.categoryId ?? null }),
      });
      const category =
        d.category ??
        (await service.courses.listCategories(ctx.user.id)).find((c) => c.id === task.categoryId)?.name ??
        null;
      const text = `${ctx.t('tasks-new-saved')}\n\n${cardText(ctx.t.bind(ctx), task, { category, course: null, topic: null }, viewerOf(ctx))}`;
      await edit(ctx, { text, keyboard: cardKeyboard(ctx.t.bind(ctx), task) });
      return true;
    }
    return false;
  }

  return { flow, start, onCallback };
}

const hm = (time: string): [number, number] => [Number(time.slice(0, 2)), Number(time.slice(3, 5))];
