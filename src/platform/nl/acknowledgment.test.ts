import { describe, expect, it } from 'vitest';
import { isAcknowledgment } from './acknowledgment.ts';

describe('isAcknowledgment', () => {
  it.each([
    '👍',
    '🙏🙂',
    'ok',
    'OK, thanks!',
    'thank you',
    'got it 👍',
    'ок',
    'спасибо!',
    'понятно, спасибо',
    'ладно',
  ])('"%s" acknowledges', (line) => expect(isAcknowledgment(line)).toBe(true));
  it.each([
    '',
    'ok call mom tomorrow',
    'thanks for nothing, remind me at 9',
    'привет',
    'спасибо, а что на завтра?',
    'what can you do',
  ])('"%s" asks for something (or is empty)', (line) => expect(isAcknowledgment(line)).toBe(false));
});
