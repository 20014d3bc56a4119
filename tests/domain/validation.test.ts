import { describe, expect, it } from 'vitest';
import {
  checkBirthYear,
  checkDate,
  checkName,
  checkPhone,
  checkRequiredText,
  isValid,
  validateHousehold,
  validateMember,
  validateVisit,
} from '../../src/domain/fieldRules';

const YEAR = 2026;
const NOW = Date.parse('2026-12-04T03:00:00Z');
const DAYS = { from: '2020-01-01', to: '2028-12-04' };

describe('field validation', () => {
  it.each([
    { name: 'mobile, 10 digits', phone: '0912345678', err: undefined },
    { name: 'with spaces', phone: '0912 345 678', err: undefined },
    { name: 'with dots', phone: '0912.345.678', err: undefined },
    { name: 'empty is allowed (optional)', phone: '', err: undefined },
    { name: '9 digits', phone: '091234567', err: 'phone_format' },
    { name: '11 digits', phone: '09123456789', err: 'phone_format' },
    { name: 'no leading zero', phone: '9123456789', err: 'phone_format' },
    { name: 'letters', phone: '09123abc78', err: 'phone_format' },
  ])('phone: $name', ({ phone, err }) => {
    expect(checkPhone(phone)).toBe(err);
  });

  it.each([
    { name: 'a plausible year', y: '1956', err: undefined },
    { name: 'this year (a newborn)', y: '2026', err: undefined },
    { name: '1900 is the floor', y: '1900', err: undefined },
    { name: 'before 1900', y: '1899', err: 'birth_year_range' },
    { name: 'in the future', y: '2027', err: 'birth_year_range' },
    { name: 'two digits', y: '56', err: 'birth_year_range' },
    { name: 'not a number', y: 'năm', err: 'birth_year_range' },
    { name: 'missing', y: '', err: 'required' },
  ])('birth year: $name', ({ y, err }) => {
    expect(checkBirthYear(y, YEAR)).toBe(err);
  });

  it.each([
    { name: 'a name', v: 'Nguyễn Văn An', err: undefined },
    { name: 'only spaces', v: '   ', err: 'required' },
    { name: 'only zero-width spaces', v: '\u200B\u200B', err: 'required' },
    { name: 'too long', v: 'a'.repeat(101), err: 'too_long' },
    {
      name: '100 letters once the doubled spaces are one',
      v: `${'a'.repeat(50)}  ${'b'.repeat(49)}`,
      err: undefined,
    },
  ])('required text: $name', ({ v, err }) => {
    expect(checkRequiredText(v)).toBe(err);
  });

  it.each([
    { name: 'a Vietnamese name', v: 'Đặng Văn Ẩn', err: undefined },
    { name: 'a name typed decomposed', v: 'Nguye\u0302\u0303n', err: undefined },
    { name: 'dots only', v: '...', err: 'needs_letter' },
    { name: 'digits only', v: '123', err: 'needs_letter' },
    { name: 'an invisible Hangul filler and a digit', v: '\u31641', err: 'needs_letter' },
    { name: 'bidi controls only', v: '\u202E\u202C', err: 'required' },
  ])('name: $name', ({ v, err }) => {
    expect(checkName(v)).toBe(err);
  });

  it.each([
    { name: 'empty (no follow-up)', d: '', err: undefined },
    { name: 'a real date', d: '2026-02-28', err: undefined },
    { name: '30 February', d: '2026-02-30', err: 'date_format' },
    { name: 'Vietnamese order', d: '28/02/2026', err: 'date_format' },
    { name: 'the first day of the range', d: '2020-01-01', err: undefined },
    { name: 'the last day of the range', d: '2028-12-04', err: undefined },
    { name: 'before the range', d: '2019-12-31', err: 'date_range' },
    { name: 'after the range', d: '2028-12-05', err: 'date_range' },
    { name: 'the latest day a browser takes', d: '275760-09-13', err: 'date_range' },
    { name: 'a six-digit year that is no date', d: '275760-09-14', err: 'date_format' },
  ])('date: $name', ({ d, err }) => {
    expect(checkDate(d, DAYS)).toBe(err);
  });

  it('a household without a head name or address is not saved', () => {
    const errors = validateHousehold({ villageId: 'v', address: '', headName: ' ', phone: '123' });
    expect(errors).toEqual({ address: 'required', headName: 'required', phone: 'phone_format' });
    expect(isValid(errors)).toBe(false);
  });

  it('a household whose head has no letter in the name is not saved', () => {
    const errors = validateHousehold({
      villageId: 'v',
      address: 'Xóm 2',
      headName: '- -',
      phone: '',
    });
    expect(errors).toEqual({ headName: 'needs_letter' });
  });

  it.each([
    { name: 'in two weeks', d: '2026-12-18', errs: {} },
    { name: 'in year 275760', d: '275760-09-13', errs: { followUpDate: 'date_range' } },
    { name: 'before 2020', d: '1999-12-31', errs: { followUpDate: 'date_range' } },
    { name: 'ten years ahead', d: '2036-12-04', errs: { followUpDate: 'date_range' } },
  ])('visit follow-up $name', ({ d, errs }) => {
    const visit = { tasks: ['cai_vneid'], otherTask: '', outcome: 'follow_up', notes: '' };
    expect(validateVisit({ ...visit, followUpDate: d }, NOW)).toEqual(errs);
  });

  it('a complete member is valid; a bad choice is caught', () => {
    const ok = {
      name: 'Lê Thị Mai',
      birthYear: '1980',
      gender: 'female',
      relation: 'spouse',
      vneid: 'level1',
      platform: 'learning',
    };
    expect(validateMember(ok, YEAR)).toEqual({});
    expect(validateMember({ ...ok, vneid: 'level3' }, YEAR)).toEqual({ vneid: 'not_a_choice' });
  });

  it.each([
    { name: 'routine visit', tasks: ['cai_vneid'], other: '', outcome: 'done', errs: {} },
    { name: 'no outcome', tasks: [], other: '', outcome: '', errs: { outcome: 'required' } },
    {
      name: '"khác" with only a zero-width space',
      tasks: ['khac'],
      other: '\u200B',
      outcome: 'done',
      errs: { otherTask: 'other_task_required' },
    },
    {
      name: '"khác" needs its text',
      tasks: ['khac'],
      other: ' ',
      outcome: 'done',
      errs: { otherTask: 'other_task_required' },
    },
    {
      name: 'unknown task',
      tasks: ['bay'],
      other: '',
      outcome: 'done',
      errs: { tasks: 'not_a_choice' },
    },
  ])('visit: $name', ({ tasks, other, outcome, errs }) => {
    expect(
      validateVisit({ tasks, otherTask: other, outcome, followUpDate: '', notes: '' }, NOW),
    ).toEqual(errs);
  });
});
