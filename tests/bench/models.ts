/**
 * `npx tsx tests/bench/models.ts`: the movement's models and indicators over the full generated
 * commune (20k households, 80k people, 100k visits, plus 20k Đại sứ số pairings), computed as the
 * dashboard and the report do. Prints medians; never fails (budget: dashboard ≤ 500 ms).
 */
import { generateCommune } from '../../src/domain/generate';
import { computeIndicators } from '../../src/domain/indicators';
import type { MentorshipFacts } from '../../src/domain/mentorship';
import { buildReport } from '../../src/domain/report';
import { monthPeriod } from '../../src/domain/reportPeriods';
import type { ModelData } from '../../src/domain/reportScope';
import { buildTodoLists } from '../../src/domain/todo';
import { median } from './stats';

const TODAY = '2027-06-15';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const commune = generateCommune(1);
const mentorships: MentorshipFacts[] = commune.members.slice(0, 20_000).map((m, i) => ({
  id: `p${i}`,
  mentorId: `mentor${i % 4000}`,
  mentorKind: 'volunteer',
  menteeId: m.id,
  villageId: m.villageId,
  startDate: '2027-01-01',
  status: 'active',
  skills: [],
}));
// Fresh arrays each run, as a new read from the database would give.
const fresh = (): ModelData => ({
  households: [...commune.households],
  members: [...commune.members],
  visits: [...commune.visits],
  mentorships: [...mentorships],
});
const village = commune.villages[0]?.id ?? '';

const cases: [string, (d: ModelData) => unknown][] = [
  [
    'dashboard, commune (indicators + to-do lists)',
    (d) => {
      computeIndicators(d, 'commune', TODAY);
      buildTodoLists(d, 'commune', TODAY);
    },
  ],
  [
    'dashboard, one village',
    (d) => {
      computeIndicators(d, { villageIds: [village] }, TODAY);
      buildTodoLists(d, { villageIds: [village] }, TODAY);
    },
  ],
  [
    'monthly report, commune with villages',
    (d) => buildReport(d, monthPeriod(2027, 6), 'commune', { today: TODAY }),
  ],
];

for (const [name, fn] of cases) {
  const wall: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const data = fresh();
    const started = performance.now();
    fn(data);
    wall.push(performance.now() - started);
  }
  console.log(`${name}: median ${Math.round(median(wall))} ms over ${RUNS} runs`);
}
