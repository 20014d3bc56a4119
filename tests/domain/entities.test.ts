import { describe, expect, it } from 'vitest';
import { ageIn, currentVisits } from '../../src/domain/entities';
import { activeSkills, DEFAULT_SKILLS, SKILL_SOURCE, skillRecordId } from '../../src/domain/skills';

describe('visits are facts: the history shows corrections in place of what they correct', () => {
  it.each([
    { name: 'no corrections', visits: [{ id: 'a' }, { id: 'b' }], shown: ['a', 'b'] },
    {
      name: 'a correction replaces its original',
      visits: [{ id: 'a' }, { id: 'b', correctsId: 'a' }],
      shown: ['b'],
    },
    {
      name: 'a correction of a correction leaves only the last',
      visits: [{ id: 'a' }, { id: 'b', correctsId: 'a' }, { id: 'c', correctsId: 'b' }],
      shown: ['c'],
    },
    {
      name: 'a correction that arrives before its original (out-of-order sync)',
      visits: [{ id: 'b', correctsId: 'a' }, { id: 'a' }],
      shown: ['b'],
    },
  ])('$name', ({ visits, shown }) => {
    expect(currentVisits(visits).map((v) => v.id)).toEqual(shown);
  });
});

describe('reference data and ages', () => {
  it('ships the skills framework with its source, as editable records in framework order', () => {
    expect(DEFAULT_SKILLS.length).toBeGreaterThan(10);
    expect(DEFAULT_SKILLS.every((s) => s.source === SKILL_SOURCE && s.group !== '')).toBe(true);
    expect(skillRecordId('2.6')).toMatch(/^7a126e70-0001-7000-8000-[0-9a-f]{12}$/);
    expect(skillRecordId('2.6')).toBe(skillRecordId('2.6'));
    const ids = new Set(DEFAULT_SKILLS.map((s) => skillRecordId(s.code)));
    expect(ids.size).toBe(DEFAULT_SKILLS.length);
    const edited = [
      { ...DEFAULT_SKILLS[1]!, order: 99 },
      { ...DEFAULT_SKILLS[0]!, deleted: true },
      DEFAULT_SKILLS[2]!,
    ];
    expect(activeSkills(edited).map((s) => s.code)).toEqual(['1.1', '0.2']);
  });

  it.each([
    { name: 'born this year', year: 2026, birth: 2026, age: 0 },
    { name: 'an elder', year: 2026, birth: 1940, age: 86 },
  ])('age: $name', ({ year, birth, age }) => {
    expect(ageIn(year, birth)).toBe(age);
  });
});
