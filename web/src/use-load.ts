import { useCallback, useEffect, useState } from 'react';

/** Loads data for a page and reloads it on demand; errors become a message, not a blank page. */
export function useLoad<T>(load: () => Promise<T>): {
  data: T | null;
  error: unknown;
  reload: () => Promise<void>;
} {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
