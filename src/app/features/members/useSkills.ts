import { cleanText } from '../../../domain/cleanText';
import { DEFAULT_SKILLS, skillRecordId, type SkillRef } from '../../../domain/skills';
import { skills, useLive, writeAll } from '../../db';

/**
 * The skills framework as the commune keeps it: `skill` records (editable, synced). Until any
 * exist on the device (first run, before the first sync), the shipped default list is shown.
 */
export function useSkills(): SkillRef[] {
  const rows = useLive(() => skills.all(), []);
  if (!rows || rows.length === 0) return [...DEFAULT_SKILLS];
  return rows.map((r) => ({
    code: String(r.code ?? ''),
    group: String(r.group ?? ''),
    title: String(r.title ?? ''),
    source: String(r.source ?? ''),
    order: typeof r.order === 'number' ? r.order : 0,
    ...(r.deleted === true ? { deleted: true } : {}),
  }));
}

/** Writes the shipped framework as skill records (an officer's one-time action, then editable). */
export function seedDefaultSkills() {
  return writeAll(
    DEFAULT_SKILLS.map((s) => ({
      entity: 'skill' as const,
      id: skillRecordId(s.code),
      fields: { ...s },
    })),
  );
}

/** Saves an officer's edit of a skill, its text cleaned (cleanText) as the server accepts it. */
export function updateSkill(code: string, fields: Partial<Omit<SkillRef, 'code'>>) {
  const cleaned = Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? cleanText(v) : v]),
  );
  return writeAll([{ entity: 'skill', id: skillRecordId(code), fields: cleaned }]);
}
