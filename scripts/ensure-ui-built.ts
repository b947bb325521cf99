// Builds the UI when builder-ui/dist is missing or older than its sources, so
// `npm start` right after `npm install` serves the current UI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', 'builder-ui');
const builtIndex = path.join(root, 'dist', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export async function ensureUiBuilt(log: (msg: string) => void): Promise<void> {
  const isFresh = fs.existsSync(builtIndex) && fs.statSync(builtIndex).mtimeMs >= newestSource(root);
  if (isFresh) return;
  log('Building the UI (builder-ui -> builder-ui/dist)...');
  const vite = path.resolve(__dirname, '..', 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--config', path.join(root, 'vite.config.mts'), '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('UI build failed (see above); `npm run build` reproduces it');
  log('UI built');
}
