import crypto from 'node:crypto';
import { createTokenCipher, parseKeys, TokenCipherError } from '../../src/data/tokenCipher';

const k1 = crypto.randomBytes(32).toString('base64');
const k2 = crypto.randomBytes(32).toString('base64');
const token = 'xoxb-1234-5678-abcdefghijklmnop';

describe('token encryption at rest (AES-256-GCM)', () => {
  test('round trip; the stored form names its key and holds no part of the token', () => {
    const c = createTokenCipher(k1);
    const stored = c.encrypt(token);
    expect(c.decrypt(stored)).toBe(token);
    expect(stored.startsWith(`v1.${c.currentKeyId}.`)).toBe(true);
    expect(stored).not.toContain('xoxb');
    expect(stored).not.toContain('abcdefgh');
    expect(c.keyIdOf(stored)).toBe(c.currentKeyId);
  });

  test('a random nonce per value: the same token encrypts differently each time', () => {
    const c = createTokenCipher(k1);
    const a = c.encrypt(token);
    const b = c.encrypt(token);
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  test('rotation: the first key encrypts, every key decrypts; a removed key is named, not guessed', () => {
    const old = createTokenCipher(k1).encrypt(token);
    const both = createTokenCipher(`${k2},${k1}`);
    expect(both.decrypt(old)).toBe(token);
    expect(both.keyIdOf(both.encrypt(token))).toBe(createTokenCipher(k2).currentKeyId);
    expect(() => createTokenCipher(k2).decrypt(old)).toThrow(new TokenCipherError(`encrypted with key ${createTokenCipher(k1).currentKeyId}, which TOKEN_ENCRYPTION_KEY no longer holds`));
  });

  test('a tampered value or key id is refused', () => {
    const c = createTokenCipher(`${k1},${k2}`);
    const stored = c.encrypt(token);
    const parts = stored.split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    expect(() => c.decrypt([parts[0], parts[1], parts[2], body.toString('base64url'), parts[4]].join('.'))).toThrow(TokenCipherError);
    // The same bytes presented as encrypted with the other key (the key id is authenticated).
    const otherId = createTokenCipher(k2).currentKeyId;
    expect(() => c.decrypt([parts[0], otherId, parts[2], parts[3], parts[4]].join('.'))).toThrow(TokenCipherError);
    expect(() => c.decrypt(token)).toThrow('not an encrypted token');
  });

  test('keys must be 32 bytes of base64; errors never repeat the key', () => {
    expect(parseKeys(` ${k1} , ${k2} `)).toHaveLength(2);
    const short = crypto.randomBytes(16).toString('base64');
    expect(() => parseKeys(short)).toThrow('key 1 must be 32 bytes in base64, not 16');
    try {
      parseKeys(`${k1},${short}`);
    } catch (err) {
      expect(String(err)).not.toContain(short);
    }
    expect(() => parseKeys(' , ')).toThrow('needs at least one key');
  });
});
