// Password hashes: argon2id PHC strings. Parameters follow OWASP's first
// argon2id recommendation (19 MiB, 2 passes, 1 lane); a stored hash made with
// weaker parameters verifies but reports that it needs a rehash, so raising
// them later upgrades users at their next login.
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors';

export const ARGON2ID_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Long enough to resist guessing; the upper bound keeps a hash request cheap. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export function checkPasswordPolicy(password: string, path = 'body.password'): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    throw new AppError('VALIDATION_FAILED', `password must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters`, [{ path, message: `must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters` }]);
  }
}

export function hashPassword(password: string): Promise<string> {
  // 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot read).
  return hash(password, { algorithm: 2, ...ARGON2ID_PARAMS });
}

/** A hash of a random password: verified when the user does not exist, so both paths cost the same. */
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`));

export interface TPasswordCheck {
  isValid: boolean;
  needsRehash: boolean;
}

/** Verifies against a stored PHC string; a missing or malformed hash is "invalid" after the same work. */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<TPasswordCheck> {
  const isUsable = !!storedHash && storedHash.startsWith('$argon2id$');
  const target = isUsable ? storedHash! : await decoyHash();
  const isValid = await verify(target, password).catch(() => false);
  return { isValid: isUsable && isValid, needsRehash: isUsable && isValid && !hasCurrentParams(storedHash!) };
}

export function hasCurrentParams(phc: string): boolean {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(phc);
  return !!m && Number(m[1]) >= ARGON2ID_PARAMS.memoryCost && Number(m[2]) >= ARGON2ID_PARAMS.timeCost && Number(m[3]) >= ARGON2ID_PARAMS.parallelism;
}
