// `npm run temporal:install`: finds the Temporal CLI or builds it now (CI and
// first-time setup), instead of on the first `npm start`.
import { ensureTemporalCli, temporalCliVersion } from '../api/platform/temporal/cli';

ensureTemporalCli((msg) => console.log(msg))
  .then((bin) => {
    if (!bin) {
      console.log('No Temporal CLI and no Go: `npm start` will let the Temporal SDK download it (needs internet access).');
      return;
    }
    console.log(`Temporal CLI: ${bin}\n${temporalCliVersion(bin)}`);
  })
  .catch((err) => {
    console.error((err as Error).message);
    process.exit(1);
  });
