import { randomSecret, sha256 } from '../../identity/secrets.js';

/** Agent credentials and enrollment tokens: 256-bit random, prefixed so that a leaked one is recognisable. */
export function newAgentCredential(): { secret: string; hash: string } {
  const secret = `vga_${randomSecret(32)}`;
  return { secret, hash: sha256(secret) };
}

export function newEnrollmentToken(): { secret: string; hash: string } {
  const secret = `vge_${randomSecret(24)}`;
  return { secret, hash: sha256(secret) };
}

export const hashOf = sha256;
