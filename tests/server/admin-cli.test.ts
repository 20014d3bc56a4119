import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loginResponseSchema } from '../../src/protocol';
import { runAdmin } from '../../src/server/admin/commands';
import { createApp } from '../../src/server/app';
import { getCommune } from '../../src/server/accounts/communes';
import { openStore } from '../../src/server/store/open';
import type { Store } from '../../src/server/store/store';
import { createMigratedTestDatabase, DATABASE_KINDS } from '../support/stores';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs the admin command line exactly as a person would, with npm run admin. */
function spawnAdmin(env: NodeJS.ProcessEnv, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'admin', '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the admin command line, as a process', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  // One run as a process (its entry point, config and exit code); the commands' cases run in
  // process below.
  it('writes into the database `npm start` uses (DATA_DIR) and exits 0', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tn-admin-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const commune = await spawnAdmin({ DATA_DIR: dataDir }, 'create-commune', '--code', '09988');
    expect(commune.code, commune.stderr).toBe(0);
    expect(JSON.parse(commune.stdout)).toMatchObject({ code: '09988', name: 'Xã Hòa Lạc' });

    const store = await openStore({ dataDir });
    cleanups.push(() => store.close());
    expect(await getCommune(store, '09988')).toMatchObject({ name: 'Xã Hòa Lạc' });
  }, 120_000);
});

describe.each(DATABASE_KINDS)('the admin commands on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  /** The commands as cli.ts runs them, on the test's database, output captured. */
  function adminOn(store: Store) {
    return async (...argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runAdmin(argv, {
        // Each command closes what it opened; the test's database stays open for the next one.
        open: async () => ({ ...store, close: async () => undefined }),
        print: (text) => (stdout += `${text}\n`),
        error: (text) => (stderr += `${text}\n`),
      });
      return { code, stdout, stderr };
    };
  }

  it('creates a working commune, a village and accounts that can log in', async () => {
    const db = await createMigratedTestDatabase(kind);
    cleanups.push(() => db.drop());
    const store = await db.open();
    cleanups.push(() => store.close());
    const admin = adminOn(store);

    const commune = await admin('create-commune', '--code', '09988');
    expect(commune.code, commune.stderr).toBe(0);
    expect(JSON.parse(commune.stdout)).toMatchObject({ code: '09988', name: 'Xã Hòa Lạc' });

    const village = await admin(
      'create-village',
      '--commune',
      '09988',
      '--name',
      'Thôn Đông',
      '--kind',
      'thon',
    );
    expect(village.code, village.stderr).toBe(0);
    const villageId = JSON.parse(village.stdout).id as string;

    const officer = await admin(
      'create-user',
      '--commune',
      '09988',
      '--role',
      'officer',
      '--username',
      'canbo',
      '--password',
      'mat-khau-can-bo',
      '--display-name',
      'Nguyễn Văn An',
    );
    expect(officer.code, officer.stderr).toBe(0);
    const volunteer = await admin(
      'create-user',
      '--commune',
      '09988',
      '--role',
      'volunteer',
      '--username',
      '0912345678',
      '--password',
      'mat-khau-tnv-1',
      '--villages',
      villageId,
    );
    expect(volunteer.code, volunteer.stderr).toBe(0);
    expect(JSON.parse(volunteer.stdout)).toMatchObject({
      role: 'volunteer',
      villageIds: [villageId],
    });

    const wrong = await admin('create-commune', '--code', '12345');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('unknown_commune');
    const missing = await admin(
      'create-user',
      '--commune',
      '09988',
      '--role',
      'leader',
      '--username',
      'x1y',
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--password');
    const unknownFlag = await admin('create-commune', '--cod', '09988');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain('usage');

    const app = await createApp({ store });
    cleanups.push(() => app.close());
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      needsSetup: false,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '0912345678', password: 'mat-khau-tnv-1', deviceName: 'Điện thoại' },
    });
    expect(login.statusCode).toBe(200);
    const session = loginResponseSchema.parse(login.json());
    expect(session.commune.code).toBe('09988');
    expect(session.villages).toEqual([{ id: villageId, name: 'Thôn Đông', kind: 'thon' }]);
    const officerLogin = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'canbo', password: 'mat-khau-can-bo', deviceName: 'Máy tính xã' },
    });
    expect(officerLogin.json().user.role).toBe('officer');
  });
});
