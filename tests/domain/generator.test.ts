import { describe, expect, it } from 'vitest';
import { FULL_COMMUNE, generateCommune } from '../../src/domain/generate';
import { checkPhone } from '../../src/domain/fieldRules';
import { isUuid } from '../../src/domain/ids';

describe('the generated commune', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const size = { villages: 3, households: 50, people: 200, visits: 250 };
    const a = generateCommune(7, size);
    expect(generateCommune(7, size)).toEqual(a);
    expect(generateCommune(8, size).households[0]?.headName).toBeDefined();
    expect(generateCommune(8, size)).not.toEqual(a);
  });

  it('has the full size, Vietnamese names, valid phones and consistent references', () => {
    const c = generateCommune(1, FULL_COMMUNE);
    expect(c.households).toHaveLength(20_000);
    expect(c.members).toHaveLength(80_000);
    expect(c.visits).toHaveLength(100_000);
    const households = new Map(c.households.map((h) => [h.id, h]));
    expect(households.size).toBe(20_000);
    for (const m of c.members) expect(households.get(m.householdId)?.villageId).toBe(m.villageId);
    for (const v of c.visits.slice(0, 1000)) expect(households.has(v.householdId)).toBe(true);
    for (const h of c.households.slice(0, 1000)) {
      expect(isUuid(h.id)).toBe(true);
      if (h.phone) expect(checkPhone(h.phone)).toBeUndefined();
    }
    const nguyen = c.members.filter((m) => m.name.startsWith('Nguyễn ')).length;
    expect(nguyen / c.members.length).toBeGreaterThan(0.25);
    expect(c.households.some((h) => /Thôn Đông/.test(h.address))).toBe(true);
    // Generating 200,000 rows and checking 80,000 of them: 3–7 s alone on 2 cores, 13 s with two
    // other busy processes.
  }, 60_000);
});
