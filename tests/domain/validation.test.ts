import { describe, expect, it } from 'vitest';
import {
  checkBirthYear,
  checkDate,
  checkPhone,
  checkRequiredText,
  isValid,
  validateHousehold,
  validateMember,
  validateVisit,
} from '../../src/domain/validation';

const YEAR = 2026;

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
    { name: 'too long', v: 'a'.repeat(101), err: 'too_long' },
  ])('required text: $name', ({ v, err }) => {
    expect(checkRequiredText(v)).toBe(err);
  });

  it.each([
    { name: 'empty (no follow-up)', d: '', err: undefined },
    { name: 'a real date', d: '2026-02-28', err: undefined },
    { name: '30 February', d: '2026-02-30', err: 'date_format' },
    { name: 'Vietnamese order', d: '28/02/2026', err: 'date_format' },
  ])('date: $name', ({ d, err }) => {
    expect(checkDate(d)).toBe(err);
  });

  it('a household without a head name or address is not saved', () => {
    const errors = validateHousehold({ villageId: 'v', address: '', headName: ' ', phone: '123' });
    expect(errors).toEqual({ address: 'required', headName: 'required', phone: 'phone_format' });
    expect(isValid(errors)).toBe(false);
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
      validateVisit({ tasks, otherTask: other, outcome, followUpDate: '', notes: '' }),
    ).toEqual(errs);
  });
});
