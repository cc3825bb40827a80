import crypto from 'node:crypto';

/**
 * Encrypts tokens at rest: AES-256-GCM (Node's crypto), a random 96-bit nonce per value, the key
 * id stored beside the ciphertext. Keys come from TOKEN_ENCRYPTION_KEY: 32 random bytes in base64,
 * several comma-separated — the first encrypts, all decrypt — so a key can be rotated without
 * downtime (`npm run tokens:rotate-key` re-encrypts every stored value with the first).
 *
 * Stored form: `v1.<keyId>.<nonce b64url>.<ciphertext b64url>.<tag b64url>`. The key id is the
 * first 8 hex digits of SHA-256 of the key (never the key itself).
 */
export interface TokenCipher {
  /** Id of the key that encrypts. */
  readonly currentKeyId: string;
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
  /** The id of the key a stored value was encrypted with. */
  keyIdOf(stored: string): string;
  /** Whether this cipher holds the key with that id. */
  holds(keyId: string): boolean;
}

export class TokenCipherError extends Error {}

const VERSION = 'v1';

interface Key {
  id: string;
  bytes: Buffer;
}

/** Parses TOKEN_ENCRYPTION_KEY; throws with a message that never repeats the key. */
export function parseKeys(value: string): Key[] {
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) throw new TokenCipherError('needs at least one key (32 random bytes, base64: openssl rand -base64 32)');
  return parts.map((p, i) => {
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(p)) throw new TokenCipherError(`key ${i + 1} is not base64 (openssl rand -base64 32)`);
    const bytes = Buffer.from(p, 'base64');
    if (bytes.length !== 32) throw new TokenCipherError(`key ${i + 1} must be 32 bytes in base64, not ${bytes.length} (openssl rand -base64 32)`);
    return { id: crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 8), bytes };
  });
}

export function createTokenCipher(keys: string): TokenCipher {
  const parsed = parseKeys(keys);
  const byId = new Map(parsed.map((k) => [k.id, k]));
  const current = parsed[0];
  return {
    currentKeyId: current.id,
    encrypt(plaintext: string): string {
      const nonce = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', current.bytes, nonce);
      // The key id is authenticated too: a value cannot be moved to another key's slot.
      cipher.setAAD(Buffer.from(`${VERSION}.${current.id}`));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, current.id, nonce.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
    },
    decrypt(stored: string): string {
      const parts = stored.split('.');
      if (parts.length !== 5 || parts[0] !== VERSION) throw new TokenCipherError('not an encrypted token');
      const [, keyId, nonce, body, tag] = parts;
      const key = byId.get(keyId);
      if (!key) throw new TokenCipherError(`encrypted with key ${keyId}, which TOKEN_ENCRYPTION_KEY no longer holds`);
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(nonce, 'base64url'));
        decipher.setAAD(Buffer.from(`${VERSION}.${keyId}`));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new TokenCipherError(`could not decrypt a token with key ${keyId} (tampered, or a different key with the same id)`);
      }
    },
    holds(keyId: string): boolean {
      return byId.has(keyId);
    },
    keyIdOf(stored: string): string {
      const parts = stored.split('.');
      if (parts.length !== 5 || parts[0] !== VERSION) throw new TokenCipherError('not an encrypted token');
      return parts[1];
    },
  };
}
