import { describe, expect, it } from 'vitest';
import { fillPattern, href, matchPattern } from '../../src/app/platform/router';
import { resolveRoute, routes, type RouteName } from '../../src/app/routes';

const names = Object.keys(routes) as RouteName[];
const gated: RouteName[] = ['login', 'setup', 'admin'];
/** What the app renders for an entry: the component itself, or the lazy screen's wrapper. */
const drawn = (name: RouteName) => {
  const { screen } = routes[name];
  return screen && 'Component' in screen ? screen.Component : screen;
};
const H = '0190a000-0000-7000-8000-000000000001';

describe('the route table opens every URL of today with its screen', () => {
  // The URLs are a contract: printed QR stickers, bookmarks, e2e tests and the service worker's
  // navigation fallback all depend on them.
  const cases: [string, string, RouteName, Record<string, string>][] = [
    ['home', '/', 'home', {}],
    ['search', '/tim', 'search', {}],
    ['skills framework', '/ky-nang', 'skills', {}],
    ['new household (a fixed segment beats :id)', '/ho/moi', 'newHousehold', {}],
    [
      'new household in a village',
      '/thon/v1/them-ho',
      'newHouseholdInVillage',
      { villageId: 'v1' },
    ],
    ['village', '/thon/v1', 'village', { villageId: 'v1' }],
    ['household', `/ho/${H}`, 'household', { id: H }],
    ['edit household', `/ho/${H}/sua`, 'editHousehold', { id: H }],
    ['new member', `/ho/${H}/thanh-vien/moi`, 'newMember', { householdId: H }],
    ['edit member', '/thanh-vien/m1/sua', 'editMember', { id: 'm1' }],
    ['new visit', `/ho/${H}/ghi-luot`, 'newVisit', { householdId: H }],
    ['correct a visit', '/luot/l1/sua', 'correctVisit', { visitId: 'l1' }],
    ['scan', '/quet', 'scan', {}],
    ['blank sticker sheet', '/in-ma-trong', 'blankSheet', {}],
    ['village sticker sheet', '/in-ma/v1', 'stickerSheet', { villageId: 'v1' }],
    ['QR sticker link', '/h/25093/K7M2QX4B', 'openLink', { commune: '25093', code: 'K7M2QX4B' }],
    ['sync', '/dong-bo', 'sync', {}],
    ['dashboard', '/tong-quan', 'dashboard', {}],
    ['activity (the dashboard again)', '/hoat-dong', 'activity', {}],
    ['to-do', '/viec-can-lam', 'todo', {}],
    ['report', '/bao-cao', 'report', {}],
    ['targets', '/chi-tieu', 'targets', {}],
    ['mentors', '/dai-su-so', 'mentors', {}],
    ['one mentor', '/dai-su-so/u1', 'mentor', { id: 'u1' }],
    ['Gia đình số', '/gia-dinh-so', 'gds', {}],
    ['traders', '/cho-so-4t', 'traders', {}],
    ['new trader (not trader "ho")', `/cho-so-4t/ho/${H}/moi`, 'newTrader', { householdId: H }],
    ['edit trader', '/cho-so-4t/t1/sua', 'editTrader', { id: 't1' }],
    ['digital identity', '/danh-tinh-so', 'digitalId', {}],
    ['login (the session gate draws it)', '/dang-nhap', 'login', {}],
    ['first-run setup (the session gate)', '/thiet-lap', 'setup', {}],
    ['accounts (the session gate)', '/quan-ly', 'admin', {}],
    ['a trailing slash', '/tim/', 'search', {}],
    ['doubled slashes', '//ho//moi', 'newHousehold', {}],
    [
      'an escaped space in a code',
      '/h/25093/K7M%202',
      'openLink',
      { commune: '25093', code: 'K7M 2' },
    ],
    [
      'an escaped Vietnamese id',
      '/thon/th%C3%B4n-%C4%91%C3%B4ng',
      'village',
      { villageId: 'thôn-đông' },
    ],
    ['an escaped slash stays inside its segment', '/ho/a%2Fb', 'household', { id: 'a/b' }],
  ];
  it.each(cases)('%s: %s', (_, path, name, params) => {
    const r = resolveRoute(path);
    expect(r?.name).toBe(name);
    expect(r?.params).toEqual(params);
    expect(r?.screen).toBe(drawn(name));
  });
});

describe('a path of no screen is not found', () => {
  const cases: [string, string][] = [
    ['an unknown word', '/khong-co'],
    ['a prefix of a screen', '/ho'],
    ['one segment too many', '/ho/h1/sua/them'],
    ['a sticker link without its code', '/h/25093'],
    ['a sticker link with a segment too many', '/h/25093/K7M2QX4B/x'],
    ['a fixed segment that differs', '/ho/h1/xoa'],
    ['a fixed screen with a parameter', '/tim/nguyen'],
    ['a badly escaped segment (no throw)', '/ho/%E0%A4%A'],
    ['case matters', '/TIM'],
  ];
  it.each(cases)('%s: %s', (_, path) => {
    expect(resolveRoute(path)).toBeNull();
  });
});

describe('links are built from the patterns', () => {
  const cases: [string, string, string][] = [
    ['home', href('/'), '/'],
    ['a fixed path', href('/dong-bo'), '/dong-bo'],
    ['a household', href('/ho/:id', { id: H }), `/ho/${H}`],
    ['a visit form', href('/ho/:householdId/ghi-luot', { householdId: 'h1' }), '/ho/h1/ghi-luot'],
    [
      'a sticker link',
      href('/h/:commune/:code', { commune: '25093', code: 'K7M2QX4B' }),
      '/h/25093/K7M2QX4B',
    ],
    ['a parameter escaped', href('/ho/:id', { id: 'a b/c?d#e%' }), '/ho/a%20b%2Fc%3Fd%23e%25'],
    ['a fixed path given no parameters', href('/ho/moi', {}), '/ho/moi'],
  ];
  it.each(cases)('%s', (_, got, want) => {
    expect(got).toBe(want);
  });

  it('fills each parameter, missing ones empty', () => {
    expect(fillPattern('/a/:x/b/:y', { x: '1', y: '2' })).toBe('/a/1/b/2');
    expect(fillPattern('/a/:x', {})).toBe('/a/');
  });
});

describe('every entry of the table', () => {
  // Plain ids and values that need escaping.
  const samples = [H, 'h-1', 'a b/ç?#%&', 'Nguyễn Văn A', '100%'];

  it.each(names)('%s: a link built to it opens it again, with the same parameters', (name) => {
    const pattern = routes[name].path;
    const keys = (pattern.match(/:[^/]+/g) ?? []).map((k) => k.slice(1));
    for (const sample of samples) {
      const params = Object.fromEntries(keys.map((k, i) => [k, `${sample}${i}`]));
      const path = fillPattern(pattern, params);
      expect(resolveRoute(path)?.name, path).toBe(name);
      expect(resolveRoute(path)?.params, path).toEqual(params);
      expect(matchPattern(pattern, path), path).toEqual(params);
    }
  });

  it.each(names)("%s: its screen's code loads", async (name) => {
    const { screen } = routes[name];
    if (screen === null) return expect(gated).toContain(name); // the session gate draws it
    const loaded = 'preload' in screen ? await screen.preload() : screen;
    expect(typeof loaded).toBe('function');
  });

  it('has no two entries with the same pattern', () => {
    const patterns = names.map((n) => routes[n].path);
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});
