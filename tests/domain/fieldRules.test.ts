import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanNotes, cleanText } from '../../src/domain/cleanText';
import { generateCommune } from '../../src/domain/generate';
import type { EntityName, Fields } from '../../src/domain/records';
import { DEFAULT_SKILLS } from '../../src/domain/skills';
import { checkName, checkRequiredText, invalidField, MAX_TEXT } from '../../src/domain/fieldRules';
import { typedText } from './typedText';

const V = '0190a5c8-0000-7000-8000-000000000001';
/** The server's clock in these cases: 4 December 2026, 10:00 in Vietnam. */
const NOW = Date.parse('2026-12-04T03:00:00Z');
const DAY = 86_400_000;

describe('the wire format of synced entities', () => {
  it('accepts every record of a generated commune as it is', () => {
    const c = generateCommune(3, { villages: 3, households: 200, people: 800, visits: 1000 });
    const all: [EntityName, { id: string }[]][] = [
      ['household', c.households],
      ['member', c.members],
      ['visit', c.visits],
    ];
    for (const [entity, rows] of all) {
      for (const { id: _id, ...fields } of rows)
        expect(invalidField(entity, fields as Fields, NOW), entity).toBeNull();
    }
    // 2,000 generated records validated one by one: ~0.6 s alone.
  }, 30_000);

  it('accepts the shipped skills framework as it is', () => {
    for (const { code, ...fields } of DEFAULT_SKILLS)
      expect(invalidField('skill', { code, ...fields }, NOW), code).toBeNull();
  });

  it.each<{ name: string; entity: EntityName; fields: Fields; bad: string | null }>([
    {
      name: 'a household edit of two fields',
      entity: 'household',
      fields: { address: 'Số 5', flagPoor: true },
      bad: null,
    },
    {
      name: 'a field no entity has',
      entity: 'household',
      fields: { address: 'Số 5', isAdmin: true },
      bad: 'isAdmin',
    },
    {
      name: 'a phone that is not Vietnamese',
      entity: 'household',
      fields: { phone: '12345' },
      bad: 'phone',
    },
    { name: 'a phone removed', entity: 'household', fields: { phone: null }, bad: null },
    {
      name: 'an empty head of household',
      entity: 'household',
      fields: { headName: '' },
      bad: 'headName',
    },
    {
      name: 'a script in a name is text, but 10 kB of it is not',
      entity: 'member',
      fields: { name: '<script>'.repeat(2000) },
      bad: 'name',
    },
    {
      name: 'a birth year as text',
      entity: 'member',
      fields: { birthYear: '1980' },
      bad: 'birthYear',
    },
    { name: 'an unknown birth year', entity: 'member', fields: { birthYear: null }, bad: null },
    {
      name: 'a VNeID level that does not exist',
      entity: 'member',
      fields: { vneid: 'level3' },
      bad: 'vneid',
    },
    {
      name: 'a visit task that does not exist',
      entity: 'visit',
      fields: { tasks: ['cai_vneid', 'drop_table'] },
      bad: 'tasks',
    },
    {
      name: 'a follow-up on 31/02',
      entity: 'visit',
      fields: { followUpDate: '2026-02-31' },
      bad: 'followUpDate',
    },
    {
      name: 'a follow-up date in another format',
      entity: 'visit',
      fields: { followUpDate: '31/12/2026' },
      bad: 'followUpDate',
    },
    {
      name: 'a mentee who is not an id',
      entity: 'mentorship',
      fields: { menteeId: "1' OR '1'='1" },
      bad: 'menteeId',
    },
    {
      name: 'a trader stage date',
      entity: 'trader',
      fields: { stageCashlessOn: '2026-11-02', villageId: V },
      bad: null,
    },
    {
      name: 'a target above 100 %',
      entity: 'target',
      fields: { adultsSmartphone: 120 },
      bad: 'adultsSmartphone',
    },
    {
      name: 'a skill renamed',
      entity: 'skill',
      fields: { title: 'Sử dụng thiết bị số' },
      bad: null,
    },
    // Text as typed, whatever it holds: only clean text is accepted (the app cleans first).
    {
      name: 'a Vietnamese name in NFC',
      entity: 'household',
      fields: { headName: 'Nguyễn Thị Ánh Tuyết' },
      bad: null,
    },
    {
      name: 'a name typed decomposed (not NFC)',
      entity: 'household',
      fields: { headName: 'Nguye\u0302\u0303n Va\u0306n An' },
      bad: 'headName',
    },
    {
      name: 'a name with a right-to-left override',
      entity: 'household',
      fields: { headName: 'Nguyễn \u202EnA năV' },
      bad: 'headName',
    },
    {
      name: 'a name of zero-width spaces only',
      entity: 'member',
      fields: { name: '\u200B\u200C\u200D' },
      bad: 'name',
    },
    { name: 'a name of spaces only', entity: 'member', fields: { name: '   ' }, bad: 'name' },
    { name: 'a name with no letter', entity: 'member', fields: { name: '...' }, bad: 'name' },
    {
      name: 'a name with a leading space',
      entity: 'member',
      fields: { name: ' Lê Thị Mai' },
      bad: 'name',
    },
    {
      name: 'a letter with 99 combining marks',
      entity: 'member',
      fields: { name: `a${'\u0301'.repeat(99)}` },
      bad: 'name',
    },
    {
      name: 'a noncharacter U+FFFF',
      entity: 'household',
      fields: { address: 'Xóm\uFFFF' },
      bad: 'address',
    },
    {
      name: 'a tab in an address',
      entity: 'household',
      fields: { address: 'Xóm\t2' },
      bad: 'address',
    },
    {
      name: 'a trader without a business name yet',
      entity: 'trader',
      fields: { businessName: '' },
      bad: null,
    },
    {
      name: 'a business name of digits only',
      entity: 'trader',
      fields: { businessName: '0000' },
      bad: 'businessName',
    },
    { name: 'a skill title with no letter', entity: 'skill', fields: { title: '—' }, bad: 'title' },
    {
      name: 'notes on two lines',
      entity: 'visit',
      fields: { notes: 'Cần quay lại.\nCon trai đi làm xa.' },
      bad: null,
    },
    {
      name: 'notes ending in a line break',
      entity: 'visit',
      fields: { notes: 'Cần quay lại.\n' },
      bad: 'notes',
    },
    {
      name: 'another task with a line break',
      entity: 'visit',
      fields: { otherTask: 'Cài Zalo\nvà VssID' },
      bad: 'otherTask',
    },
    // Dates within plausible bounds of the server's clock.
    { name: 'a visit now', entity: 'visit', fields: { at: NOW }, bad: null },
    {
      name: 'a visit a day ahead (a fast phone clock)',
      entity: 'visit',
      fields: { at: NOW + DAY },
      bad: null,
    },
    { name: 'a visit two days ahead', entity: 'visit', fields: { at: NOW + 2 * DAY }, bad: 'at' },
    {
      name: 'a visit in year 275760',
      entity: 'visit',
      fields: { at: 8_640_000_000_000_000 },
      bad: 'at',
    },
    { name: 'a visit in 1970', entity: 'visit', fields: { at: 0 }, bad: 'at' },
    {
      name: 'a visit at midnight starting 2020 in Vietnam',
      entity: 'visit',
      fields: { at: Date.parse('2020-01-01T00:00:00+07:00') },
      bad: null,
    },
    {
      name: 'a visit on the last day of 2019',
      entity: 'visit',
      fields: { at: Date.parse('2019-12-31T23:59:59+07:00') },
      bad: 'at',
    },
    {
      name: 'a household created in 2019',
      entity: 'household',
      fields: { createdAt: Date.UTC(2019, 5, 1) },
      bad: 'createdAt',
    },
    {
      name: 'Gia đình số confirmed next year',
      entity: 'household',
      fields: { gdsConfirmedAt: Date.UTC(2027, 5, 1) },
      bad: 'gdsConfirmedAt',
    },
    {
      name: 'a follow-up in two years',
      entity: 'visit',
      fields: { followUpDate: '2028-12-04' },
      bad: null,
    },
    {
      name: 'a follow-up in two years and a day',
      entity: 'visit',
      fields: { followUpDate: '2028-12-05' },
      bad: 'followUpDate',
    },
    {
      name: 'a follow-up in 9999',
      entity: 'visit',
      fields: { followUpDate: '9999-12-31' },
      bad: 'followUpDate',
    },
    {
      name: 'a follow-up in 275760',
      entity: 'visit',
      fields: { followUpDate: '275760-09-13' },
      bad: 'followUpDate',
    },
    {
      name: 'a pairing started in 1999',
      entity: 'mentorship',
      fields: { startDate: '1999-06-01' },
      bad: 'startDate',
    },
    {
      name: 'a trader selling online since 2015',
      entity: 'trader',
      fields: { stageEcommerceOn: '2015-03-01' },
      bad: null,
    },
    {
      name: 'a trader stage in 1999',
      entity: 'trader',
      fields: { stageSavingsOn: '1999-12-31' },
      bad: 'stageSavingsOn',
    },
    { name: 'born this year', entity: 'member', fields: { birthYear: 2026 }, bad: null },
    { name: 'born next year', entity: 'member', fields: { birthYear: 2027 }, bad: 'birthYear' },
    { name: 'born in 1899', entity: 'member', fields: { birthYear: 1899 }, bad: 'birthYear' },
    { name: 'targets for 2036', entity: 'target', fields: { year: 2036 }, bad: null },
    { name: 'targets for 2037', entity: 'target', fields: { year: 2037 }, bad: 'year' },
    { name: 'targets for 2019', entity: 'target', fields: { year: 2019 }, bad: 'year' },
  ])('$name', ({ entity, fields, bad }) => {
    expect(invalidField(entity, fields, NOW)).toBe(bad);
  });

  it('takes the year of the server clock in Vietnam: born on 1 January at 00:30 there', () => {
    const newYear = Date.parse('2027-01-01T00:30:00+07:00');
    expect(invalidField('member', { birthYear: 2027 }, newYear)).toBeNull();
  });

  it('accepts whatever text a form lets through, once the app has cleaned it', () => {
    fc.assert(
      fc.property(typedText, (typed) => {
        if (checkName(typed) === undefined)
          expect(invalidField('member', { name: cleanText(typed) }, NOW)).toBeNull();
        if (checkRequiredText(typed, MAX_TEXT) === undefined)
          expect(invalidField('household', { address: cleanText(typed) }, NOW)).toBeNull();
        expect(invalidField('visit', { notes: cleanNotes(typed) }, NOW)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});
