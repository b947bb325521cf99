// GET /api/health with Temporal unreachable: the API answers at once that it is degraded (a load balancer's
// probe must get an answer), and says which dependency is down. Before, it waited on the Temporal client's
// connection attempts and the probe hung.
import { HEALTH_CHECK_TIMEOUT_MS } from '../../api/routes/system';
import { startTestSystem, type TestSystem } from '../support/harness';

let t: TestSystem;
beforeAll(async () => {
  // Port 1 on loopback: nothing listens, so every connection attempt is refused and the client keeps retrying.
  t = await startTestSystem({ parts: { api: true, worker: false }, config: { TEMPORAL_ADDRESS: '127.0.0.1:1' } });
});
afterAll(() => t?.stop());

test('Temporal unreachable: 200 degraded with temporal down, not a hang', async () => {
  // The abort is the hang detector: the client's connection attempts outlast it.
  const res = await fetch(`${t.url}/api/health`, { signal: AbortSignal.timeout(HEALTH_CHECK_TIMEOUT_MS * 5) });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'degraded', database: 'up', temporal: 'down' });
});
