import { useCallback, useState } from 'react';
import { useSession } from './context.ts';
import { failure } from './i18n.ts';
import { haptic } from './telegram.ts';

/**
 * One thing a person does (a button, a form): `busy` while it runs; when it succeeds, a success
 * buzz and the message `action` returns, if any; when it fails, an error buzz and what went wrong
 * in their words. `keepBusy`: success removes the control (the row moves away), so it stays off.
 */
export function useAction(): {
  busy: boolean;
  run: (action: () => Promise<string | undefined>, options?: { keepBusy?: boolean }) => Promise<boolean>;
} {
  const { t, notify } = useSession();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<string | undefined>, options: { keepBusy?: boolean } = {}) => {
      setBusy(true);
      try {
        const message = await action();
        haptic('success');
        if (message) notify(message);
        if (!options.keepBusy) setBusy(false);
        return true;
      } catch (e) {
        haptic('error');
        notify(failure(e, t));
        setBusy(false);
        return false;
      }
    },
    [t, notify],
  );
  return { busy, run };
}
