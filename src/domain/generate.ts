import {
  VISIT_OUTCOMES,
  VISIT_TASKS,
  type Gender,
  type Household,
  type Member,
  type Relation,
  type Visit,
  type VisitTask,
  type WithId,
} from './entities';
import { uuidv7 } from './ids';

/**
 * A seeded, deterministic generator of a realistic commune for tests and benchmarks: Vietnamese
 * names and addresses, households with members and visits. The same seed gives the same commune.
 */
export interface CommuneSize {
  villages: number;
  households: number;
  people: number;
  visits: number;
}

export const FULL_COMMUNE: CommuneSize = {
  villages: 12,
  households: 20_000,
  people: 80_000,
  visits: 100_000,
};

export interface GeneratedCommune {
  villages: { id: string; name: string }[];
  households: WithId<Household>[];
  members: WithId<Member>[];
  visits: WithId<Visit>[];
}

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY: [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Huỳnh', 4],
  ['Phan', 4],
  ['Vũ', 4],
  ['Võ', 3],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Hồ', 2],
  ['Ngô', 2],
  ['Dương', 1],
  ['Lý', 1],
  ['Đinh', 1],
  ['Lương', 1],
  ['Trịnh', 1],
];
const MIDDLE_M = ['Văn', 'Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Công', 'Đình', 'Xuân', 'Thành'];
const MIDDLE_F = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Hồng', 'Mai', 'Phương'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Đức',
  'Hải',
  'Hùng',
  'Huy',
  'Khánh',
  'Long',
  'Mạnh',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Việt',
  'Vinh',
  'Hiếu',
  'Trung',
];
const GIVEN_F = [
  'Anh',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hằng',
  'Hoa',
  'Hương',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Mai',
  'Nga',
  'Ngọc',
  'Nhung',
  'Oanh',
  'Phượng',
  'Thảo',
  'Trang',
  'Yến',
  'Huệ',
];
const VILLAGE_NAMES = [
  'Thôn Đông',
  'Thôn Đoài',
  'Thôn Trung',
  'Thôn Thượng',
  'Thôn Hạ',
  'Xóm Mới',
  'Xóm Chùa',
  'Thôn Phú Lộc',
  'Thôn An Hòa',
  'Thôn Đồng Tâm',
  'Tổ dân phố 1',
  'Tổ dân phố 2',
  'Bản Na Hang',
  'Thôn Tân Lập',
  'Thôn Yên Thịnh',
  'Xóm Bãi',
];
const LANES = ['ngõ', 'ngách', 'hẻm', 'đường', 'xóm'];

export function generateCommune(seed = 1, size: CommuneSize = FULL_COMMUNE): GeneratedCommune {
  const rnd = seededRandom(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const familyTotal = FAMILY.reduce((s, [, w]) => s + w, 0);
  const family = () => {
    let r = rnd() * familyTotal;
    for (const [name, w] of FAMILY) if ((r -= w) < 0) return name;
    return 'Nguyễn';
  };
  const base = Date.UTC(2025, 6, 1);
  let counter = 0;
  const id = () => uuidv7(base + counter++, (n) => Uint8Array.from({ length: n }, () => int(256)));
  const personName = (fam: string, gender: Gender) =>
    gender === 'female'
      ? `${fam} ${pick(MIDDLE_F)} ${pick(GIVEN_F)}`
      : `${fam} ${pick(MIDDLE_M)} ${pick(GIVEN_M)}`;

  const villages = Array.from({ length: size.villages }, (_, i) => ({
    id: id(),
    name: VILLAGE_NAMES[i % VILLAGE_NAMES.length] + (i >= VILLAGE_NAMES.length ? ` ${i}` : ''),
  }));

  // Everyone gets at least one member; the rest are spread at random.
  const sizes = Array.from({ length: size.households }, () => 1);
  for (let i = size.households; i < size.people; i++) sizes[int(size.households)]! += 1;

  const households: WithId<Household>[] = [];
  const members: WithId<Member>[] = [];
  const byHousehold: string[][] = [];
  for (let h = 0; h < size.households; h++) {
    const village = pick(villages);
    const fam = family();
    const headGender: Gender = rnd() < 0.75 ? 'male' : 'female';
    const headName = personName(fam, headGender);
    const poor = rnd() < 0.05;
    const hh: WithId<Household> = {
      id: id(),
      villageId: village.id,
      address: `Số ${1 + int(120)}, ${pick(LANES)} ${1 + int(30)}, ${village.name}`,
      headName,
      ...(rnd() < 0.7
        ? { phone: `0${pick(['3', '5', '7', '8', '9'])}${String(int(1e8)).padStart(8, '0')}` }
        : {}),
      flagPoor: poor,
      flagNearPoor: !poor && rnd() < 0.07,
      flagMinority: rnd() < 0.08,
      flagElderlyAlone: sizes[h] === 1 && rnd() < 0.6,
      flagDisability: rnd() < 0.04,
      status: rnd() < 0.01 ? 'moved_away' : 'active',
      createdAt: base + h * 1000,
      createdBy: 'generator',
    };
    households.push(hh);
    const ids: string[] = [];
    const headBirth = 1940 + int(55);
    for (let m = 0; m < (sizes[h] ?? 1); m++) {
      const relation: Relation =
        m === 0
          ? 'head'
          : m === 1
            ? 'spouse'
            : rnd() < 0.8
              ? 'child'
              : pick(['parent', 'grandchild', 'sibling', 'other'] as const);
      const gender: Gender =
        m === 0
          ? headGender
          : m === 1
            ? headGender === 'male'
              ? 'female'
              : 'male'
            : rnd() < 0.5
              ? 'male'
              : 'female';
      const birthYear =
        m === 0
          ? headBirth
          : relation === 'spouse'
            ? headBirth + int(7) - 3
            : relation === 'child'
              ? Math.min(2024, headBirth + 20 + int(20))
              : 1940 + int(80);
      const adult = 2025 - birthYear >= 16;
      const smartphone = adult && rnd() < 0.8;
      const member: WithId<Member> = {
        id: id(),
        householdId: hh.id,
        villageId: hh.villageId,
        name:
          m === 0
            ? headName
            : personName(
                relation === 'child' || relation === 'grandchild' ? fam : family(),
                gender,
              ),
        birthYear,
        gender,
        relation,
        smartphone,
        vneid: !adult ? 'none' : rnd() < 0.6 ? 'level2' : rnd() < 0.5 ? 'level1' : 'none',
        cashless: smartphone && rnd() < 0.6,
        onlineServices: smartphone && rnd() < 0.4,
        platform: rnd() < 0.3 ? 'completed' : rnd() < 0.3 ? 'learning' : 'none',
        platformVerified: rnd() < 0.1,
        skills: smartphone ? ['0.1', '0.2', '2.6'].slice(0, int(4)) : [],
      };
      members.push(member);
      ids.push(member.id);
    }
    byHousehold.push(ids);
  }

  const visits: WithId<Visit>[] = [];
  for (let v = 0; v < size.visits; v++) {
    const h = int(size.households);
    const hh = households[h]!;
    const present = (byHousehold[h] ?? []).filter(() => rnd() < 0.6);
    const tasks = VISIT_TASKS.filter(() => rnd() < 0.18) as VisitTask[];
    const at = base + int(300) * 86_400_000 + int(36_000_000);
    const outcome = pick(VISIT_OUTCOMES);
    visits.push({
      id: id(),
      householdId: hh.id,
      villageId: hh.villageId,
      volunteerId: `volunteer-${int(40)}`,
      at,
      presentMemberIds: present,
      tasks,
      otherTask: tasks.includes('khac') ? 'Hướng dẫn dùng Zalo' : '',
      outcome,
      followUpDate:
        outcome === 'follow_up' ? new Date(at + 7 * 86_400_000).toISOString().slice(0, 10) : null,
      notes: rnd() < 0.2 ? 'Cần quay lại khi con cái ở nhà' : '',
    });
  }
  return { villages, households, members, visits };
}
