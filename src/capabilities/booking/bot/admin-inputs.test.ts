import { describe, expect, it } from 'vitest';
import type { BotContext } from '../../../bot/bot-context.ts';
import { currencyTyped, minutesTyped, priceTyped, telegramIdTyped, walkInTyped } from './admin-inputs.ts';

describe('what an admin types', () => {
  it.each([
    ['90', 90],
    ['90 min', 90],
    ['1h', 60],
    ['1h 30', 90],
    ['1.5 h', 90],
    ['1,5 ч', 90],
    ['1:30', 90],
    ['2 часа', 120],
    ['1 час 30 минут', 90],
    ['soon', null],
    ['', null],
  ])('minutes %j → %j', (typed, minutes) => {
    expect(minutesTyped(typed)).toBe(minutes);
  });

  it.each([
    ['25', 2500],
    ['25.50', 2550],
    ['25,5', 2550],
    ['1 500', 150_000],
    ['€25', 2500],
    ['1500 руб', 150_000],
    ['twenty', null],
    ['25.505', null],
  ])('price %j → %j', (typed, cents) => {
    expect(priceTyped(typed)).toBe(cents);
  });

  it.each([
    ['eur', 'EUR'],
    [' RUB ', 'RUB'],
    ['€', 'EUR'],
    ['евро', 'EUR'],
    ['₽', 'RUB'],
    ['doubloons', null],
    ['ZZZ', null],
  ])('currency %j → %j', (typed, code) => {
    expect(currencyTyped(typed)).toBe(code);
  });

  it('walk-ins need a name and a phone, in either order', () => {
    expect(walkInTyped('Anna Smith, +44 20 7946 0958')).toEqual({
      name: 'Anna Smith',
      phone: '+44 20 7946 0958',
    });
    expect(walkInTyped('+7 916 123-45-67 Анна')).toEqual({ name: 'Анна', phone: '+7 916 123-45-67' });
    expect(walkInTyped('Anna Smith')).toBeNull();
    expect(walkInTyped('+44 20 7946 0958')).toBeNull();
  });

  it('a Telegram id from a forwarded message or typed; hidden authors are said', () => {
    const ctx = (message: Record<string, unknown>) => ({ message }) as unknown as BotContext;
    expect(
      telegramIdTyped(ctx({ text: 'hi', forward_origin: { type: 'user', sender_user: { id: 4242 } } })),
    ).toBe(4242);
    expect(
      telegramIdTyped(ctx({ text: 'hi', forward_origin: { type: 'hidden_user', sender_user_name: 'X' } })),
    ).toBe('hidden');
    expect(telegramIdTyped(ctx({ text: ' 123456789 ' }))).toBe(123_456_789);
    expect(telegramIdTyped(ctx({ text: '@sam' }))).toBeNull();
  });
});
