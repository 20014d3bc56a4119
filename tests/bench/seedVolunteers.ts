import { randomUUID } from 'node:crypto';
import { createCommune } from '../../src/server/accounts/communes';
import { formatToken, hashSecret, newSecret } from '../../src/server/auth/tokens';
import type { Store } from '../../src/server/store/store';

export const BENCH_COMMUNE = '09988';

/**
 * Many volunteers with a device token each, written straight to the tables: these accounts only
 * sync (none logs in), so the seeding skips the deliberately slow password hashing.
 */
export async function seedVolunteers(store: Store, count: number, villageCount: number) {
  await createCommune(store, BENCH_COMMUNE);
  const villages = Array.from({ length: villageCount }, (_, i) => ({
    id: randomUUID(),
    name: `Thôn ${i + 1}`,
  }));
  for (const v of villages) {
    await store.query('INSERT INTO villages (commune_code, id, name) VALUES ($1, $2, $3)', [
      BENCH_COMMUNE,
      v.id,
      v.name,
    ]);
  }
  const volunteers: { userId: string; villageId: string; token: string }[] = [];
  await store.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const userId = randomUUID();
      const deviceId = randomUUID();
      const secret = newSecret();
      const villageId = villages[i % villageCount]!.id;
      await tx.query(
        `INSERT INTO users (commune_code, id, username, display_name, role, password_hash) VALUES ($1, $2, $3, $4, 'volunteer', 'not-a-login-account')`,
        [BENCH_COMMUNE, userId, `tnv${i}`, `Tình nguyện viên ${i}`],
      );
      await tx.query(
        'INSERT INTO user_villages (commune_code, user_id, village_id) VALUES ($1, $2, $3)',
        [BENCH_COMMUNE, userId, villageId],
      );
      await tx.query(
        'INSERT INTO devices (commune_code, id, user_id, name, secret_hash) VALUES ($1, $2, $3, $4, $5)',
        [BENCH_COMMUNE, deviceId, userId, 'bench', hashSecret(secret)],
      );
      volunteers.push({ userId, villageId, token: formatToken(BENCH_COMMUNE, deviceId, secret) });
    }
  });
  return { villages, volunteers };
}
