import { loadConfig, ConfigError } from '../config';
import { InstallationRepository } from '../data/installations';
import { createPrisma, type PrismaClient } from '../data/prisma';
import { createTokenCipher } from '../data/tokenCipher';

/**
 * `npm run tokens:rotate-key`: re-encrypts every stored token with the first key of
 * TOKEN_ENCRYPTION_KEY. Rotation: put a new key first (`NEW,OLD`), restart the app (it decrypts
 * with both), run this, then drop OLD. Safe to run twice and while the app runs.
 */
export async function rotateTokenKeys(prisma: PrismaClient, keys: string): Promise<{ reencrypted: number; unchanged: number; unreadable: string[]; keyId: string }> {
  const cipher = createTokenCipher(keys);
  const result = await new InstallationRepository(prisma, cipher).reencryptAll();
  return { ...result, keyId: cipher.currentKeyId };
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration is not valid:\n${err.problems.map((p) => `  ${p}\n`).join('')}`);
      process.exit(1);
    }
    throw err;
  }
  if (!config.tokenEncryptionKey) {
    process.stderr.write('TOKEN_ENCRYPTION_KEY is not set: there is nothing to rotate.\n');
    process.exit(1);
  }
  const prisma = createPrisma(config.databaseUrl);
  try {
    const r = await rotateTokenKeys(prisma, config.tokenEncryptionKey);
    process.stdout.write(`Re-encrypted ${r.reencrypted} installation(s) with key ${r.keyId}; ${r.unchanged} already used it.\n`);
    if (r.unreadable.length > 0) {
      process.stderr.write(`${r.unreadable.length} installation(s) were encrypted with a key that TOKEN_ENCRYPTION_KEY does not hold and were left as they are: ${r.unreadable.join(', ')}. Add the old key after the new one and run again.\n`);
      process.exitCode = 2;
    }
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`Key rotation failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
