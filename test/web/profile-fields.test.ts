// The profile form: what it sends, and which fields a 400 problem from the server points at.
import { describe, expect, it } from 'vitest';
import { cleanEdit, fieldsInProblem } from '../../web/src/capabilities/companion/profile-fields.ts';

describe('profile form', () => {
  it('trims the text, drops empty list lines and keeps a repeated item once', () => {
    expect(
      cleanEdit({
        summary: '  Runs in the morning \n',
        interests: [' running', '', '  ', 'chess', 'running '],
        goals: ['Finish a half marathon'],
        preferred_times: ' mornings ',
      }),
    ).toEqual({
      summary: 'Runs in the morning',
      interests: ['running', 'chess'],
      goals: ['Finish a half marathon'],
      preferred_times: 'mornings',
    });
  });

  it("names the fields of the validation hook's detail, in form order, and nothing for other problems", () => {
    expect(
      fieldsInProblem(
        'preferred_times: Too big: expected string to have <=120 characters; interests.2: Too big',
      ),
    ).toEqual(['interests', 'preferred_times']);
    expect(fieldsInProblem('goals: Too big: expected array to have <=5 items')).toEqual(['goals']);
    expect(fieldsInProblem('Nothing to change')).toEqual([]);
    expect(fieldsInProblem('stage: Unrecognized key')).toEqual([]);
  });
});
