/** A component's autosaver: writes a moment after the last change, and at once when the tab goes away or the component ends. */
import { useEffect, useMemo } from 'preact/hooks';
import { createSaver } from './draft-store.js';

export function useSaver<T>(save: (key: string, value: T) => void, deps: unknown[]) {
  const saver = useMemo(() => createSaver<T>(save), deps);
  useEffect(() => {
    const onHide = () => saver.flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      saver.flush();
    };
  }, [saver]);
  return saver;
}
