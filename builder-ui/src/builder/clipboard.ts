// The builder's clipboard: kept in localStorage so nodes copied in one pipeline (or tab) paste
// into another.
import type { Clipboard } from './editor-state';

const CLIPBOARD_KEY = 'trellis.builder.clipboard';

export function writeClipboard(clipboard: Clipboard): void {
  try {
    window.localStorage.setItem(CLIPBOARD_KEY, JSON.stringify(clipboard));
  } catch {
    // Storage full or disabled: copying is best effort.
  }
}

export function readClipboard(): Clipboard | null {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(CLIPBOARD_KEY) ?? 'null') as Clipboard | null;
    return parsed && Array.isArray(parsed.nodes) && Array.isArray(parsed.edges) ? parsed : null;
  } catch {
    return null;
  }
}
