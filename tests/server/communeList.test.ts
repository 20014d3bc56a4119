import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  officialCommune,
  officialCommuneCount,
  searchCommunes,
} from '../../src/server/accounts/communeList';

type Row = [code: string, name: string, province: string];

const rows = JSON.parse(
  readFileSync(new URL('../../src/server/accounts/data/communes.json', import.meta.url), 'utf8'),
) as Row[];

describe('official commune list (QĐ 19/2025/QĐ-TTg)', () => {
  it('holds every commune, ward and special zone of the 34 provinces', () => {
    expect(officialCommuneCount()).toBe(3321);
    expect(rows).toHaveLength(3321);
    expect(new Set(rows.map(([, , province]) => province)).size).toBe(34);
  });

  it('has unique 5-digit codes, sorted, and well-formed names', () => {
    const codes = rows.map(([code]) => code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    for (const [code, name, province] of rows) {
      expect(code).toMatch(/^\d{5}$/);
      expect(name).toMatch(/^(Xã|Phường|Đặc khu) \S/);
      expect(name).toBe(name.trim());
      expect(province).toMatch(/^(Tỉnh|Thành phố) \S/);
    }
  });

  it('resolves known codes', () => {
    expect(officialCommune('09988')).toEqual({
      code: '09988',
      name: 'Xã Hòa Lạc',
      province: 'Thành phố Hà Nội',
    });
    expect(officialCommune('26740')).toEqual({
      code: '26740',
      name: 'Phường Sài Gòn',
      province: 'Thành phố Hồ Chí Minh',
    });
    expect(officialCommune('22736')).toEqual({
      code: '22736',
      name: 'Đặc khu Trường Sa',
      province: 'Tỉnh Khánh Hòa',
    });
    expect(officialCommune('99999')).toBeUndefined();
  });

  it('searches without diacritics', () => {
    expect(searchCommunes('hoa lac').map((c) => c.code)).toContain('09988');
    expect(searchCommunes('sai gon').map((c) => c.code)).toContain('26740');
  });
});
