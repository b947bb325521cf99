// loadConfig: with no environment Trellis runs fully embedded; every external
// service switches on by its one variable, and a bad value stops the boot with its name.
import path from 'node:path';
import { loadConfig } from '../../../api/platform/config';

const DATABASE_URL = 'postgres://trellis:secret@db.internal:5432/trellis';

describe('loadConfig', () => {
  it('runs embedded with no environment at all', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      isEmbeddedDatabase: true,
      isEmbeddedTemporal: true,
      isEmbeddedMail: true,
      PORT: 3000,
      HOST: '127.0.0.1',
      DEV_LOGIN: true,
      LOG_LEVEL: 'info',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'trellis',
      TRELLIS_DATA_DIR: path.resolve('.trellis'),
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads only the environment it is given', () => {
    const previous = process.env.PORT;
    process.env.PORT = '4100';
    try {
      expect(loadConfig({}).PORT).toBe(3000);
    } finally {
      if (previous === undefined) delete process.env.PORT;
      else process.env.PORT = previous;
    }
  });

  it('coerces numeric variables', () => {
    expect(loadConfig({ PORT: '8080', OUTBOX_POLL_MS: '250' })).toMatchObject({ PORT: 8080, OUTBOX_POLL_MS: 250 });
  });

  it('uses external services when their variables are set', () => {
    const config = loadConfig({ DATABASE_URL, TEMPORAL_ADDRESS: 'temporal.internal:7233', SMTP_URL: 'smtp://relay.internal:587' });

    expect(config).toMatchObject({ isEmbeddedDatabase: false, isEmbeddedTemporal: false, isEmbeddedMail: false });
  });

  it('turns dev login off with an external database unless DEV_LOGIN asks for it', () => {
    expect(loadConfig({ DATABASE_URL }).DEV_LOGIN).toBe(false);
    expect(loadConfig({ DATABASE_URL, DEV_LOGIN: 'true' }).DEV_LOGIN).toBe(true);
    expect(loadConfig({ DATABASE_URL, DEV_LOGIN: '1' }).DEV_LOGIN).toBe(true);
  });

  it('lets DEV_LOGIN=false turn dev login off in embedded mode', () => {
    expect(loadConfig({ DEV_LOGIN: 'false' }).DEV_LOGIN).toBe(false);
  });

  it.each([
    ['PORT', 'http'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['LOG_LEVEL', 'verbose'],
    ['DEV_LOGIN', 'yes'],
    ['DATABASE_URL', 'not a url'],
    ['OUTBOX_POLL_MS', '1'],
  ])('rejects %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });

  it('names every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'http', LOG_LEVEL: 'verbose' })).toThrow(/PORT: [^\n]+\n  LOG_LEVEL: /);
  });
});
