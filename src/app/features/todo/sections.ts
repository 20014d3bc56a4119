import { type Day } from '../../../domain/calendar';
import { DIGITAL_ID_GAP_LABELS } from '../../../domain/digitalId';
import { GDS_REQUIREMENT_LABELS } from '../../../domain/gdsStatus';
import type { ViewData } from '../../../domain/reportData';
import type { TodoLists } from '../../../domain/todo';
import { FLAG_LABEL } from '../field/labels';
import { href } from '../../platform/router';

/** The to-do lists as rows a person reads: who, why, and the household each row opens. */
export interface TodoRow {
  key: string;
  /** The household page the row opens; null when the row has no household (a volunteer mentor). */
  href: string | null;
  title: string;
  detail: string;
}

export interface TodoSectionData {
  key: keyof TodoLists;
  title: string;
  empty: string;
  rows: TodoRow[];
}

const dmy = (d: Day) => `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

export function todoSections(lists: TodoLists, data: ViewData): TodoSectionData[] {
  const households = new Map(data.households.map((h) => [h.id, h]));
  const members = new Map(data.members.map((m) => [m.id, m]));
  const house = (id: string, key: string, detail: string): TodoRow => {
    const h = households.get(id);
    const title = h ? `Hộ ${h.headName ?? ''}${h.address ? ` – ${h.address}` : ''}` : 'Hộ gia đình';
    return { key, href: href('/ho/:id', { id }), title, detail };
  };
  return [
    {
      key: 'neverVisited',
      title: 'Hộ chưa được thăm lần nào',
      empty: 'Mọi hộ đã được thăm ít nhất một lần.',
      rows: lists.neverVisited.map((r) =>
        house(r.householdId, r.householdId, 'Chưa có lượt hướng dẫn nào'),
      ),
    },
    {
      key: 'notVisitedFor',
      title: 'Hộ đã lâu chưa thăm lại',
      empty: 'Không có hộ nào quá hạn thăm lại.',
      rows: lists.notVisitedFor.map((r) =>
        house(r.householdId, r.householdId, `Lần cuối ${dmy(r.lastVisit)} – ${r.days} ngày trước`),
      ),
    },
    {
      key: 'followUpsDue',
      title: 'Hẹn quay lại đã đến hạn',
      empty: 'Không có lịch hẹn nào đến hạn.',
      rows: lists.followUpsDue.map((r) =>
        house(
          r.householdId,
          r.visitId,
          r.overdueDays > 0
            ? `Hẹn ngày ${dmy(r.dueOn)} – quá hạn ${r.overdueDays} ngày`
            : `Hẹn hôm nay (${dmy(r.dueOn)})`,
        ),
      ),
    },
    {
      key: 'mentorsShort',
      title: 'Đại sứ số chưa đủ 5 người học',
      empty: 'Mọi Đại sứ số đã hướng dẫn đủ 5 người.',
      rows: lists.mentorsShort.map((p) => {
        const m = members.get(p.mentorId);
        return {
          key: p.mentorId,
          href: m ? href('/ho/:id', { id: m.householdId }) : null,
          title: m?.name ?? 'Đại sứ số (tình nguyện viên)',
          detail: `Đang hướng dẫn ${p.label} người học`,
        };
      }),
    },
    {
      key: 'withoutVneidLevel2',
      title: 'Người từ 16 tuổi chưa có VNeID mức độ 2',
      empty: 'Mọi người từ 16 tuổi đã có VNeID mức độ 2.',
      rows: lists.withoutVneidLevel2.map((e) => ({
        key: e.memberId,
        href: href('/ho/:id', { id: e.householdId }),
        title: `${e.name} (${e.age} tuổi)`,
        detail: e.gaps.map((g) => DIGITAL_ID_GAP_LABELS[g]).join('; '),
      })),
    },
    {
      key: 'shortOfGds',
      title: 'Hộ chưa đạt "Gia đình số"',
      empty: 'Mọi hộ đã đạt Gia đình số.',
      rows: lists.shortOfGds.map((r) =>
        house(
          r.householdId,
          r.householdId,
          `Còn thiếu: ${r.missing.map((k) => GDS_REQUIREMENT_LABELS[k]).join('; ')}`,
        ),
      ),
    },
    {
      key: 'priorityNotReached',
      title: 'Hộ ưu tiên chưa được tiếp cận',
      empty: 'Mọi hộ ưu tiên đã được tiếp cận.',
      rows: lists.priorityNotReached.map((r) =>
        house(r.householdId, r.householdId, r.flags.map((f) => FLAG_LABEL[f]).join(', ')),
      ),
    },
  ].map((s) => ({ ...s, key: s.key as keyof TodoLists, rows: s.rows }));
}
