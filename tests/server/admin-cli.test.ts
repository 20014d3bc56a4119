import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loginResponseSchema } from '../../src/protocol';
import { createApp } from '../../src/server/app';
import { openStore } from '../../src/server/store/open';
import { createTestDatabase, DATABASE_KINDS } from '../support/stores';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs the admin command line exactly as a person would, with npx tsx. */
function admin(env: NodeJS.ProcessEnv, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('npx', ['tsx', 'src/server/admin/cli.ts', ...args], {
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

describe.each(DATABASE_KINDS)('the admin command line on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  it('creates a working commune, a village and accounts that can log in', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tn-admin-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const db = kind === 'postgres' ? await createTestDatabase('postgres') : undefined;
    if (db) cleanups.push(() => db.drop());
    const env = { DATA_DIR: dataDir, DATABASE_URL: db?.url ?? '' };

    const commune = await admin(env, 'create-commune', '--code', '09988');
    expect(commune.code, commune.stderr).toBe(0);
    expect(JSON.parse(commune.stdout)).toMatchObject({ code: '09988', name: 'Xã Hòa Lạc' });

    const village = await admin(
      env,
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
      env,
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
      env,
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

    const wrong = await admin(env, 'create-commune', '--code', '12345');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('unknown_commune');
    const missing = await admin(
      env,
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

    const store = await openStore({ databaseUrl: db?.url, dataDir });
    cleanups.push(() => store.close());
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
