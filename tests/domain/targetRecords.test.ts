import { describe, expect, it } from 'vitest';
import { isUuid } from '../../src/domain/ids';
import { viewDataFromRecords } from '../../src/domain/reportData';
import { targetOverrides, targetRecordId } from '../../src/domain/targetRecords';

const Y = targetRecordId(2027);

describe('target records', () => {
  it('gives each year one fixed, valid record id', () => {
    expect(isUuid(Y)).toBe(true);
    expect(Y).toBe(targetRecordId(2027));
    expect(targetRecordId(2028)).not.toBe(Y);
  });

  it.each([
    ['no record: defaults everywhere', [], {}],
    [
      'the year’s record sets its fields',
      [{ id: Y, adultsSmartphone: 90 }],
      { adultsSmartphone: 90 },
    ],
    ['another year’s record is ignored', [{ id: targetRecordId(2026), adultsSmartphone: 90 }], {}],
    ['a deleted record is ignored', [{ id: Y, adultsSmartphone: 90, deleted: true }], {}],
    [
      'out-of-range or non-numeric values fall back to the default',
      [
        {
          id: Y,
          adultsSmartphone: 120,
          adultsEpayment: -1,
          vneidLevel2: Number.NaN,
          gdsHouseholds: 0,
        },
      ],
      { gdsHouseholds: 0 },
    ],
  ])('%s', (_name, records, expected) => {
    expect(targetOverrides(records, 2027)).toEqual(expected);
  });
});

describe('records → view data', () => {
  it.each([
    [
      'the server village wins over the record’s own field',
      {
        entity: 'member' as const,
        id: 'm',
        village: 'v2',
        data: { householdId: 'h', villageId: 'v1' },
      },
      { id: 'm', householdId: 'h', villageId: 'v2' },
    ],
    [
      'without a server village the record’s own field is kept',
      { entity: 'member' as const, id: 'm', data: { householdId: 'h', villageId: 'v1' } },
      { id: 'm', householdId: 'h', villageId: 'v1' },
    ],
  ])('%s', (_name, record, expected) => {
    expect(viewDataFromRecords([record]).members).toEqual([expected]);
  });

  it('sorts each entity into its list and keeps targets without a village', () => {
    const d = viewDataFromRecords([
      { entity: 'household', id: 'h', village: 'v', data: { villageId: 'v' } },
      { entity: 'visit', id: 'x', village: 'v', data: { householdId: 'h' } },
      { entity: 'target', id: Y, village: null, data: { year: 2027, adultsEpayment: 60 } },
      { entity: 'skill', id: 's', village: null, data: { label: 'Kỹ năng' } },
    ]);
    expect(d.households.map((h) => h.id)).toEqual(['h']);
    expect(d.visits).toEqual([{ id: 'x', householdId: 'h', villageId: 'v' }]);
    expect(d.targets).toEqual([{ id: Y, year: 2027, adultsEpayment: 60 }]);
    expect(d.members).toEqual([]);
  });
});
