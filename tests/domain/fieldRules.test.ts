import { describe, expect, it } from 'vitest';
import { invalidField } from '../../src/domain/fieldRules';
import { generateCommune } from '../../src/domain/generate';
import type { EntityName, Fields } from '../../src/domain/records';

const V = '0190a5c8-0000-7000-8000-000000000001';

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
        expect(invalidField(entity, fields as Fields), entity).toBeNull();
    }
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
  ])('$name', ({ entity, fields, bad }) => {
    expect(invalidField(entity, fields)).toBe(bad);
  });
});
