import { hash } from '@node-rs/argon2';
import { ARGON2ID_PARAMS, checkPasswordPolicy, hashPassword, verifyPassword } from '../../../api/sessions/password-hash';

describe('password hashes', () => {
  it('are argon2id PHC strings with the configured parameters and a fresh salt', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(a);
    expect(m).not.toBeNull();
    expect({ memoryCost: Number(m![1]), timeCost: Number(m![2]), parallelism: Number(m![3]) }).toEqual(ARGON2ID_PARAMS);
    expect(Buffer.from(m![4]!, 'base64').length).toBeGreaterThanOrEqual(16);
    expect(a).not.toBe(b);
  });

  it('verify the right password only', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword(stored, 'correct horse battery')).toEqual({ isValid: true, needsRehash: false });
    expect((await verifyPassword(stored, 'correct horse batterY')).isValid).toBe(false);
  });

  it('treat a missing, malformed or non-argon2id hash as invalid (after the same work)', async () => {
    expect((await verifyPassword(null, 'anything at all')).isValid).toBe(false);
    expect((await verifyPassword('not-a-hash', 'anything at all')).isValid).toBe(false);
    const argon2i = await hash('pw-pw-pw-pw-pw', { algorithm: 1 });
    expect((await verifyPassword(argon2i, 'pw-pw-pw-pw-pw')).isValid).toBe(false);
  });

  it('report a hash made with weaker parameters as needing a rehash', async () => {
    const weak = await hash('correct horse battery', { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(await verifyPassword(weak, 'correct horse battery')).toEqual({ isValid: true, needsRehash: true });
  });

  it('enforce a length policy with the field path', () => {
    expect(() => checkPasswordPolicy('short')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'body.password' })] }));
    expect(() => checkPasswordPolicy('x'.repeat(257))).toThrow();
    expect(() => checkPasswordPolicy('twelve chars')).not.toThrow();
  });
});
