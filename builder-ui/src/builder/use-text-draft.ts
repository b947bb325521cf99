// Keeps what the author typed in an input whose text does not map one-to-one to
// the config value ("1," on the way to "1, 2", "4." on the way to "4.5", JSON
// halfway written). The text follows the value only when the value changes from
// outside (undo, another field), not when it echoes what was just typed.
import { useEffect, useRef, useState } from 'react';

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function useTextDraft<T>(value: T, format: (value: T) => string): [string, (text: string, parsed: T) => void] {
  const [text, setText] = useState(() => format(value));
  const emitted = useRef<T>(value);
  useEffect(() => {
    if (!same(value, emitted.current)) {
      emitted.current = value;
      setText(format(value));
    }
    // Only a new value matters: `format` is pure, and callers pass it inline.
  }, [value]);
  return [text, (next, parsed) => {
    emitted.current = parsed;
    setText(next);
  }];
}
