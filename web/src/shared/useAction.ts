/** The one mutation hook: an API call with busy, error and "done" states (field errors stay on the problem for the form). */
import { useCallback, useState } from "react";

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const result = await work();
      setDone(true);
      return result;
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => {
    setError(null);
    setDone(false);
  }, []);
  return { busy, error, done, run, reset };
}
