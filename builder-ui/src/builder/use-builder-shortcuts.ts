// Keyboard shortcuts of the builder. Ignored while typing in a field, so Ctrl+Z in the template
// editor undoes text, not the last canvas edit. Delete/Backspace are React Flow's own.
import { useEffect, useRef } from 'react';

export type BuilderShortcutActions = {
  undo(): void;
  redo(): void;
  copy(): void;
  cut(): void;
  paste(): void;
  duplicate(): void;
  selectAll(): void;
  autoLayout(): void;
  fitView(): void;
  saveNow(): void;
  toggleHelp(): void;
};

export const SHORTCUT_HELP: readonly [keys: string, action: string][] = [
  ['Ctrl/⌘ Z', 'Undo'],
  ['Ctrl/⌘ Shift Z, Ctrl Y', 'Redo'],
  ['Ctrl/⌘ C / X / V', 'Copy, cut, paste the selected nodes'],
  ['Ctrl/⌘ D', 'Duplicate the selected nodes'],
  ['Ctrl/⌘ A', 'Select everything'],
  ['Delete, Backspace', 'Delete the selection'],
  ['Shift + drag, Ctrl/⌘ click', 'Select several'],
  ['Shift L', 'Automatic layout'],
  ['Shift 1', 'Zoom to fit'],
  ['Ctrl/⌘ S', 'Save now (drafts also save automatically)'],
  ['?', 'Show or hide this list'],
];

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useBuilderShortcuts(actions: BuilderShortcutActions, isEnabled: boolean): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    if (!isEnabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target)) return;
      const a = latest.current;
      const key = event.key.toLowerCase();
      const isMod = event.ctrlKey || event.metaKey;
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if (isMod && key === 'z') return run(event.shiftKey ? a.redo : a.undo);
      if (isMod && key === 'y') return run(a.redo);
      if (isMod && key === 'c') return run(a.copy);
      if (isMod && key === 'x') return run(a.cut);
      if (isMod && key === 'v') return run(a.paste);
      if (isMod && key === 'd') return run(a.duplicate);
      if (isMod && key === 'a') return run(a.selectAll);
      if (isMod && key === 's') return run(a.saveNow);
      if (isMod || event.altKey) return;
      if (event.shiftKey && event.code === 'KeyL') return run(a.autoLayout);
      if (event.shiftKey && event.code === 'Digit1') return run(a.fitView);
      if (event.key === '?') return run(a.toggleHelp);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isEnabled]);
}
