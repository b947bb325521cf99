// A worker in its own process, for tests that kill it: configured from the
// environment like `npm run worker`, and says "worker-ready" when polling.
import { loadConfig } from '../../api/platform/config';
import { startSystem } from '../../api/system';

startSystem(loadConfig(), { api: false, worker: true })
  .then(() => process.stdout.write('worker-ready\n'))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
