// Reads a resource again when `version` changes (after the person was edited elsewhere on the page), keeping
// what is on screen meanwhile: remounting would blank the card and make the page jump.
import { useEffect, useRef } from 'react';

export function useReloadOnChange(version: unknown, reload: () => Promise<void>): void {
  const shown = useRef(version);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    if (Object.is(shown.current, version)) return;
    shown.current = version;
    void reloadRef.current();
  }, [version]);
}
