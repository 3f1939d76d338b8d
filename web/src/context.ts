import { createContext, useContext } from 'react';
import type { Api, Language, User } from './api.ts';
import type { Translate } from './i18n.ts';

export interface Session {
  api: Api;
  user: User;
  language: Language;
  t: Translate;
  /** After the user changed their language or timezone. */
  setUser(user: User): void;
  /** A short message at the bottom of the screen. */
  notify(text: string): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in app');
  return session;
}
