import type { Tx } from '../db/database.ts';

/** Whose data is erased: their id and the language to tell them in. */
export interface ErasedPerson {
  userId: string;
  language: string;
}

/**
 * What a capability does when a person erases themselves (/forget) beyond the rows that go with
 * their user: bookings ahead are cancelled and the business told, say. Rows owned by the user
 * (ON DELETE CASCADE) need no step.
 */
export interface ErasureStep {
  /** Said before the person confirms, in their language; null when there is nothing to say. */
  preview(person: ErasedPerson): Promise<string | null>;
  /** Runs in the erasing transaction, before the user row is deleted. */
  erase(person: ErasedPerson, tx: Tx): Promise<void>;
}

/** The steps of every capability, filled once all are built (like inbox targets). */
export interface ErasurePort {
  /** What each capability will do, to show before the person confirms. */
  preview(person: ErasedPerson): Promise<string[]>;
  erase(person: ErasedPerson, tx: Tx): Promise<void>;
}

export function createErasureHub(): ErasurePort & { fill(steps: readonly ErasureStep[]): void } {
  let steps: readonly ErasureStep[] = [];
  return {
    fill(list) {
      steps = [...list];
    },
    async preview(person) {
      const lines: string[] = [];
      for (const step of steps) {
        const line = await step.preview(person);
        if (line) lines.push(line);
      }
      return lines;
    },
    async erase(person, tx) {
      for (const step of steps) await step.erase(person, tx);
    },
  };
}
