import { describe, expect, it } from 'vitest';
import { afterTime, bestMatch, bookingAsk, namedSpecialist } from '../service-match.ts';

const services = [{ name: 'Стрижка' }, { name: 'Стрижка бороды' }, { name: 'Маникюр' }, { name: 'Haircut' }];

describe('which service a typed request names', () => {
  it('matches across endings in Russian and English', () => {
    expect(bestMatch('запиши меня на стрижку в пятницу', services)?.name).toBe('Стрижка');
    expect(bestMatch('хочу на маникюра', services)?.name).toBe('Маникюр');
    expect(bestMatch('book two haircuts Friday after 5pm', services)?.name).toBe('Haircut');
    expect(bestMatch('подровнять бороду', services)?.name).toBe('Стрижка бороды');
    expect(bestMatch('book flights to Rome', services)).toBeNull();
  });

  it('finds a named specialist, also declined', () => {
    const people = [{ name: 'Sam' }, { name: 'Анна' }];
    expect(namedSpecialist('book a haircut with Sam', people)?.name).toBe('Sam');
    expect(namedSpecialist('запиши к Анне на стрижку', people)?.name).toBe('Анна');
    expect(namedSpecialist('book a haircut', people)).toBeNull();
  });

  it('reads "after" times', () => {
    expect(afterTime('book a haircut Friday after 5pm')).toEqual({ hour: 17, minute: 0 });
    expect(afterTime('запиши меня на стрижку в пятницу после 17')).toEqual({ hour: 17, minute: 0 });
    expect(afterTime('после 17:30')).toEqual({ hour: 17, minute: 30 });
    expect(afterTime('after 5')).toEqual({ hour: 17, minute: 0 });
    expect(afterTime('book a haircut on Friday')).toBeNull();
  });

  it('tells a booking request from a "book …" to-do', () => {
    expect(bookingAsk('Запиши меня на стрижку')).toBe('asks');
    expect(bookingAsk('хочу записаться к Анне')).toBe('asks');
    expect(bookingAsk('book me in for a trim')).toBe('asks');
    expect(bookingAsk('Book a haircut after')).toBe('maybe');
    expect(bookingAsk('buy milk tomorrow')).toBeNull();
  });
});
