// The canvas benchmark's static server, over real HTTP on loopback: serves the built files with
// their content types and nothing outside the folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStaticServer, type StaticServer } from '../../bench/static-server';

describe('startStaticServer', () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-static-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'bench.html'), '<!doctype html><title>bench</title>');
    fs.writeFileSync(path.join(root, 'assets', 'bench.js'), 'console.log(1)');
    fs.writeFileSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), 'not served');
    server = await startStaticServer(root);
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(path.join(path.dirname(root), `${path.basename(root)}-secret.txt`), { force: true });
  });

  it('serves the page and its assets with their content types', async () => {
    const page = await fetch(`${server.url}/bench.html?variant=peer`);
    expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>bench</title>']);
    const script = await fetch(`${server.url}/assets/bench.js`);
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('answers 404 for missing files, folders and paths that climb out of the folder', async () => {
    const secret = `/..%2F${path.basename(root)}-secret.txt`;
    for (const url of ['/missing.js', '/assets', secret, '/%2e%2e/%2e%2e/etc/passwd']) {
      expect((await fetch(`${server.url}${url}`)).status).toBe(404);
    }
  });
});
