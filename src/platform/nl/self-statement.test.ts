import { describe, expect, it } from 'vitest';
import { isAboutOneself } from './self-statement.ts';

describe('isAboutOneself', () => {
  it.each([
    'мне грустно, экзамены скоро',
    'Я устала',
    'сегодня мне как-то тревожно',
    'I feel tired today',
    "I'm so stressed about the exam",
    'feeling lonely tonight',
    'я не могу уснуть',
  ])('"%s" is about oneself', (text) => {
    expect(isAboutOneself(text)).toBe(true);
  });

  it.each([
    'I need to call mom tomorrow, I feel bad about it',
    'напомни завтра, что я устала',
    'мне нужно купить молоко',
    'call the bank today',
    'Idea: a map of feelings',
    'dentist next tue 10am',
    'сдать эссе в пятницу',
    'My sister is sad', // not the speaker
  ])('"%s" is not', (text) => {
    expect(isAboutOneself(text)).toBe(false);
  });
});
