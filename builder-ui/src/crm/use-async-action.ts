// One request a form or a button makes: busy while it runs (to disable the button and say "Saving…"), the
// error to show if it fails (cleared when it is tried again). `run` resolves to the work's result, or to
// undefined when it failed.
import { useCallback, useState } from 'react';

export function useAsyncAction() {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setIsBusy(true);
    setError(null);
    try {
      return await work();
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setIsBusy(false);
    }
  }, []);
  return { run, isBusy, error, setError };
}
