import fc from 'fast-check';
import type { SeededCommune } from '../support/accounts';

/** Every API route of the product (the same list as tests/server/authz-matrix.test.ts). */
export interface FuzzRoute {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  /** The path; `:id` is replaced by the case's id. */
  path: string;
  auth: boolean;
  /** A body the officer of commune A may send with success (undefined: the route takes none). */
  body?: (w: FuzzWorld) => Record<string, unknown>;
  /** The body is a strict object: an unknown field is refused. */
  strict?: boolean;
  /** Fields the route also takes that `body` leaves out: never sent as "unknown" ones. */
  optional?: string[];
  /** The route changes the caller's own session whatever the body (logout, revoke). */
  sideEffect?: boolean;
  /** A query string that succeeds. */
  query?: (w: FuzzWorld) => Record<string, string>;
  /** The id of an existing object of commune A, for `:id`. */
  id?: (w: FuzzWorld) => string;
}

export interface FuzzWorld {
  a: SeededCommune;
  b: SeededCommune;
  n: number;
}

const seq = (w: FuzzWorld) => ++w.n;

export const ROUTES: FuzzRoute[] = [
  { name: 'GET /api/setup', method: 'GET', path: '/api/setup', auth: false },
  {
    name: 'GET /api/communes',
    method: 'GET',
    path: '/api/communes',
    auth: false,
    query: () => ({ q: 'ha' }),
  },
  {
    name: 'POST /api/setup',
    method: 'POST',
    path: '/api/setup',
    auth: false,
    strict: true,
    optional: ['deviceName'],
    body: () => ({
      communeCode: '00004',
      officer: { username: 'chiem', displayName: 'Chiếm', password: 'mat-khau-dai-qua' },
    }),
  },
  {
    name: 'POST /api/auth/login',
    method: 'POST',
    path: '/api/auth/login',
    auth: false,
    strict: true,
    optional: ['communeCode'],
    body: (w) => ({ username: 'canbo', password: w.a.password, deviceName: 'Máy thử' }),
  },
  { name: 'GET /api/me', method: 'GET', path: '/api/me', auth: true },
  {
    name: 'POST /api/auth/logout',
    method: 'POST',
    path: '/api/auth/logout',
    auth: true,
    sideEffect: true,
  },
  {
    name: 'POST /api/auth/password',
    method: 'POST',
    path: '/api/auth/password',
    auth: true,
    strict: true,
    body: () => ({ currentPassword: 'khong-phai', newPassword: 'mat-khau-moi-dai' }),
  },
  { name: 'GET /api/villages', method: 'GET', path: '/api/villages', auth: true },
  {
    name: 'POST /api/villages',
    method: 'POST',
    path: '/api/villages',
    auth: true,
    strict: true,
    body: (w) => ({ name: `Xóm ${seq(w)}`, kind: 'xom' }),
  },
  {
    name: 'PATCH /api/villages/:id',
    method: 'PATCH',
    path: '/api/villages/:id',
    auth: true,
    strict: true,
    optional: ['name', 'archived'],
    id: (w) => w.a.villages['Thôn Đông'] as string,
    body: () => ({ kind: 'thon' }),
  },
  { name: 'GET /api/users', method: 'GET', path: '/api/users', auth: true },
  {
    name: 'POST /api/users',
    method: 'POST',
    path: '/api/users',
    auth: true,
    strict: true,
    body: (w) => ({
      username: `09${String(20_000_000 + seq(w)).slice(-8)}`,
      displayName: 'Tình nguyện viên',
      role: 'volunteer',
      villageIds: [w.a.villages['Thôn Đông']],
    }),
  },
  {
    name: 'PATCH /api/users/:id',
    method: 'PATCH',
    path: '/api/users/:id',
    auth: true,
    strict: true,
    optional: ['role', 'villageIds', 'disabled', 'resetPassword'],
    id: (w) => w.a.users['0911111111'] as string,
    body: () => ({ displayName: 'Trần Văn Đông' }),
  },
  { name: 'GET /api/devices', method: 'GET', path: '/api/devices', auth: true },
  {
    name: 'POST /api/devices/:id/revoke',
    method: 'POST',
    path: '/api/devices/:id/revoke',
    auth: true,
    sideEffect: true,
    id: (w) => w.a.devices['0911111111'] as string,
  },
  {
    name: 'POST /api/sync/push',
    method: 'POST',
    path: '/api/sync/push',
    auth: true,
    body: () => ({ ops: [] }),
  },
  {
    name: 'GET /api/sync/pull',
    method: 'GET',
    path: '/api/sync/pull',
    auth: true,
    query: () => ({ limit: '10' }),
  },
  {
    name: 'GET /api/reports',
    method: 'GET',
    path: '/api/reports',
    auth: true,
    query: () => ({ kind: 'month', year: '2026', period: '3' }),
  },
  { name: 'GET /api/deletions', method: 'GET', path: '/api/deletions', auth: true },
  {
    name: 'POST /api/deletions/:id/restore',
    method: 'POST',
    path: '/api/deletions/:id/restore',
    auth: true,
    // No deletion exists in the fuzzed world: a well-formed id is simply not found.
    id: () => '0197c348-8800-7000-87fb-f7479cb86dfe',
  },
  { name: 'GET /api/exports', method: 'GET', path: '/api/exports', auth: true },
  {
    name: 'POST /api/exports',
    method: 'POST',
    path: '/api/exports',
    auth: true,
    strict: true,
    body: (w) => ({
      events: [
        {
          id: `0197c348-8800-7000-87fb-${String(seq(w)).padStart(12, '0')}`,
          kind: 'report_csv',
          what: 'Báo cáo Tháng 3-2026 - Toàn xã',
          villageId: null,
          names: false,
          at: Date.now(),
        },
      ],
    }),
  },
];

/** Strings that try to break out of SQL, HTML, JSON, paths and encodings. */
export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '"; DELETE FROM records; --',
  "1; UPDATE devices SET revoked_at = NULL WHERE '1'='1",
  "' UNION SELECT password_hash FROM users --",
  '$1',
  '\\x27',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${process.exit(1)}',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '%00',
  '\u0000',
  '\u202e\u0000\ud800',
  'Nguyễn Văn Ấn 🏠',
  '__proto__',
  'constructor',
  ' '.repeat(300),
  'A'.repeat(5000),
];

export const injection = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.tuple(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** Values of every JSON type but a string. */
export const notAString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** Text that is not JSON. */
export const malformedJson = fc
  .oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom(
      '{',
      '{"a":',
      '[1,2',
      '{"a":1,}',
      "{'a':1}",
      'NaN',
      '{"a":undefined}',
      '\u0000',
    ),
    fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)) + '\u0001'),
  )
  .filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  });

/** JSON nested `depth` levels deep, as text (never built as an object, so any depth is cheap). */
export function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + '1' + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Path segments that try to leave the route or the id's type. */
export const traversalId = fc.oneof(
  fc.constantFrom(
    '..',
    '../../etc/passwd',
    '..\\..\\windows',
    '%2e%2e',
    '....//....//',
    '00000000-0000-0000-0000-000000000000/../x',
    "1' OR '1'='1",
    '-1',
    '0',
  ),
  injection,
);
