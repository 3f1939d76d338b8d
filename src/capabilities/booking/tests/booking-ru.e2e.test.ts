import { afterAll, describe, it } from 'vitest';
import type { TestSystem } from '../../../../test/support/test-system.ts';
import { runBookingScenario } from './booking-scenario.ts';

let t: TestSystem | undefined;
afterAll(() => t?.close());

describe('ru: небольшой бизнес ведёт запись через бота', () => {
  it('настройка → запись → подтверждение → перенос → карточка «визит состоялся?», всё по матрице', async () => {
    ({ t } = await runBookingScenario({
      lang: 'ru',
      zone: 'Europe/Moscow',
      admin: {
        menu: /Управление/,
        location: '➕ Филиал',
        service: '➕ Услуга',
        specialist: '➕ Специалист',
        hours: '🕘 Часы работы',
        approvalYes: 'Да, подтверждаю каждую',
        saved: /сохран/,
      },
      client: {
        service: /^Haircut · 60 мин$/,
        pickDay: /Выберите день/,
        pickTime: /^вт 2 мар\.: выберите время\.$|^ср 3 мар\.: выберите время\.$/,
        confirmCard: /^Записать на «Haircut» к Sam, вт, 2 мар\.?, 10:00 \(Mitte\)\?$/,
        confirm: '✅ Подтвердить',
        requested:
          /^⏳ Заявка принята: Haircut, специалист Sam, вт, 2 мар\.?, 10:00 \(Mitte\)\. Сообщим, когда её подтвердят\.$/,
        move: /Перенести №1/,
        moveCard: /^Перенести запись на ср, 3 мар\.?, 11:00 к Sam \(Mitte\)\?$/,
        moved: /^🔁 Перенесено на ср, 3 мар\.?, 11:00\.$/,
      },
      notices: {
        requested: /^⏳ Заявка принята: Haircut, специалист Sam, вт, 2 мар\.?, 10:00 \(Mitte\)\./,
        newBooking:
          /^🆕 Новая запись: Carol — Haircut, специалист Sam, вт, 2 мар\.?, 10:00\.\n⏳ Ждёт подтверждения\.$/,
        confirmed: /^✅ Запись подтверждена: Carol — Haircut, специалист Sam, вт, 2 мар\.?, 10:00\.$/,
        moved:
          /^🔁 Запись перенесена: Carol — Haircut, специалист Sam, вт, 2 мар\.?, 10:00 → ср, 3 мар\.?, 11:00\.$/,
        reminder: /^⏰ Напоминание: Haircut ср, 3 мар\.?, 11:00 \(Mitte\)/,
        card: /^❓ Визит состоялся\? Carol — Haircut, специалист Sam, ср, 3 мар\.?, 11:00\.$/,
      },
      buttons: {
        confirm: '✅ Подтвердить',
        yes: '✅ Да',
        confirmedMark: /✅ Подтверждено$/,
        doneMark: /✅ Отмечено: визит состоялся$/,
      },
    }));
  }, 240_000);
});
