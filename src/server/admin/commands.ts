import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  communeCodeSchema,
  displayNameSchema,
  passwordSchema,
  phoneSchema,
  usernameSchema,
  villageKindSchema,
} from '../../protocol';
import { roleSchema } from '../../protocol/roles';
import { createCommune, getCommune } from '../accounts/communes';
import { createUser } from '../accounts/users';
import { createVillage } from '../accounts/villages';
import { HttpError } from '../http/errors';
import { migrate } from '../store/migrate';
import type { Store } from '../store/store';

/**
 * The admin commands; cli.ts is their entry point. Headless administration, against the same
 * database as `npm start` (DATA_DIR or DATABASE_URL):
 *   npm run admin -- create-commune --code 09988
 *   npm run admin -- create-village --commune 09988 --name "Thôn Đông" [--kind thon]
 *   npm run admin -- create-user --commune 09988 --role officer --username canbo --password ... \
 *                    [--display-name "Nguyễn Văn A"] [--villages <id,id>]
 * Prints what it created, ids included; exits 1 with a message otherwise.
 */
const USAGE = `Cách dùng / usage:
  npm run admin -- create-commune --code <5 chữ số>
  npm run admin -- create-village --commune <mã xã> --name <tên> [--kind thon|xom|ban|ap|to_dan_pho|khu_pho|khac]
  npm run admin -- create-user --commune <mã xã> --role officer|leader|volunteer --username <u> --password <p>
                   [--display-name <tên>] [--villages <id,...>]`;

const options = {
  code: { type: 'string' },
  commune: { type: 'string' },
  name: { type: 'string' },
  kind: { type: 'string' },
  role: { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  'display-name': { type: 'string' },
  villages: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof options; allowPositionals: true }>
>['values'];

function need<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new UsageError(
      `--${flag}: ${value === undefined ? 'thiếu (missing)' : 'không hợp lệ (invalid)'}`,
    );
  return r.data;
}

class UsageError extends Error {}

async function existingCommune(store: Store, value: unknown): Promise<string> {
  const code = need(communeCodeSchema, value, 'commune');
  if (!(await getCommune(store, code)))
    throw new HttpError('unknown_commune', `create-commune --code ${code} first`);
  return code;
}

async function run(store: Store, command: string | undefined, v: Values): Promise<object> {
  switch (command) {
    case 'create-commune': {
      const commune = await createCommune(store, need(communeCodeSchema, v.code, 'code'));
      return { created: 'commune', ...commune };
    }
    case 'create-village': {
      const communeCode = await existingCommune(store, v.commune);
      const village = await createVillage(store, communeCode, {
        name: need(displayNameSchema, v.name, 'name'),
        kind: need(villageKindSchema.default('thon'), v.kind, 'kind'),
      });
      return { created: 'village', communeCode, ...village };
    }
    case 'create-user': {
      const communeCode = await existingCommune(store, v.commune);
      const role = need(roleSchema, v.role, 'role');
      const username = need(usernameSchema, v.username, 'username');
      if (role === 'volunteer') need(phoneSchema, username, 'username (số điện thoại / phone)');
      const villageIds = need(
        z.array(z.uuid()),
        v.villages ? v.villages.split(',').map((s) => s.trim()) : [],
        'villages',
      );
      const user = await createUser(store, communeCode, {
        username,
        displayName: need(displayNameSchema, v['display-name'] ?? username, 'display-name'),
        role,
        password: need(passwordSchema, v.password, 'password'),
        mustChangePassword: false,
        villageIds,
      });
      return { created: 'user', communeCode, ...user };
    }
    default:
      throw new UsageError(
        command ? `Lệnh không rõ / unknown command: ${command}` : 'Thiếu lệnh / missing command',
      );
  }
}

/** Where a command's database and output go: the real ones in cli.ts, a test's in tests. */
export interface AdminIo {
  open(): Promise<Store>;
  print(text: string): void;
  error(text: string): void;
}

/** Runs one admin command line; resolves to the process's exit code (0, 1 failed, 2 usage). */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    io.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.print(USAGE);
    return 0;
  }
  const store = await io.open();
  try {
    await migrate(store);
    const result = await run(store, parsed.positionals[0], parsed.values);
    io.print(JSON.stringify(result, null, 2));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) io.error(`${err.message}\n${USAGE}`);
    else if (err instanceof HttpError)
      io.error(`Lỗi / error: ${err.code}${err.message !== err.code ? ` (${err.message})` : ''}`);
    else io.error(String(err instanceof Error ? (err.stack ?? err.message) : err));
    return 1;
  } finally {
    await store.close();
  }
}
