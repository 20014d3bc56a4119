import type { VolunteerRef } from './volunteers';

/** A mentor's name: the resident's, or the volunteer's when this device knows it. */
export function mentorName(
  id: string,
  members: readonly { id: string; name?: string }[],
  volunteers: readonly VolunteerRef[],
): string {
  return (
    members.find((m) => m.id === id)?.name ??
    volunteers.find((v) => v.id === id)?.name ??
    `Tình nguyện viên …${id.slice(-4)}`
  );
}
