import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes with Node's scrypt. The stored text names its parameters
 * (`scrypt$N=32768,r=8,p=1$<salt>$<hash>`, base64url), so the cost can be raised later without
 * breaking stored hashes. N=2^15, r=8 costs 32 MiB and tens of milliseconds per attempt: slow for
 * a guesser, bearable on a small shared server.
 */
const COST = { N: 32_768, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds for parameters read back from the database, so a damaged row cannot make one login eat the machine.
const MAX_N = 1 << 20;
const MAX_R = 32;
const MAX_P = 16;

const derive = (password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return `scrypt$N=${COST.N},r=${COST.r},p=${COST.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

const ENCODED = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** True when `password` matches `encoded`; compares in constant time. An unreadable hash never matches. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const match = ENCODED.exec(encoded);
  if (!match) return false;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (N > MAX_N || r > MAX_R || p > MAX_P || N < 2 || (N & (N - 1)) !== 0) return false;
  const expected = Buffer.from(match[5] ?? '', 'base64url');
  if (expected.length !== KEY_BYTES) return false;
  const actual = await derive(password, Buffer.from(match[4] ?? '', 'base64url'), { N, r, p });
  return timingSafeEqual(actual, expected);
}
