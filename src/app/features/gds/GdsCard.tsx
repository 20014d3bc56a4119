import { GDS_REQUIREMENT_LABELS, gdsStatus } from '../../../domain/gdsStatus';
import { writeAll, type HouseholdRow, type MemberRow, type VisitRow } from '../../db';
import { dateTime } from '../../ui/format';
import { useFieldSession } from '../field/useFieldSession';

/** Who may confirm a household's computed status. */
const CONFIRMING_ROLES = new Set(['leader', 'officer']);

/** Records a leader's confirmation (who, when) through the outbox like every other change. */
export async function confirmGds(householdId: string, userId: string, at = Date.now()) {
  await writeAll([
    {
      entity: 'household',
      id: householdId,
      fields: { gdsConfirmedBy: userId, gdsConfirmedAt: at },
    },
  ]);
}

/**
 * The household's "Gia đình số" status, computed from its members and visits (never typed by
 * hand): đạt / chưa đạt, who comes closest and what they still lack; a leader may confirm it.
 */
export function GdsCard(props: {
  household: HouseholdRow;
  members: MemberRow[];
  visits: VisitRow[];
}) {
  const session = useFieldSession();
  const status = gdsStatus(props.household, props.members, props.visits);
  const name = props.members.find((m) => m.id === status.memberId)?.name;
  const user = session?.user;
  const canConfirm = user !== undefined && CONFIRMING_ROLES.has(user.role);
  return (
    <section className="card" aria-label="Gia đình số" data-testid="gds-card">
      <h2>Gia đình số</h2>
      <p className={`readiness ${status.qualified ? 'readiness-ready' : 'readiness-not_started'}`}>
        {status.qualified ? 'Đạt' : 'Chưa đạt'}
      </p>
      {name && (
        <p className="muted">
          {status.qualified ? 'Thành viên đạt: ' : 'Thành viên gần đạt nhất: '}
          {name}
        </p>
      )}
      {status.missing.length > 0 && (
        <>
          <p>Còn thiếu:</p>
          <ul aria-label="Còn thiếu">
            {status.missing.map((r) => (
              <li key={r}>{GDS_REQUIREMENT_LABELS[r]}</li>
            ))}
          </ul>
        </>
      )}
      {status.confirmed ? (
        <p data-testid="gds-confirmed">
          Đã xác nhận
          {status.confirmed.by === user?.id
            ? ` bởi ${user.displayName}`
            : ' bởi tổ trưởng'} lúc {dateTime(status.confirmed.at)}
        </p>
      ) : (
        status.qualified &&
        canConfirm && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void confirmGds(props.household.id, user.id)}
          >
            Xác nhận Gia đình số
          </button>
        )
      )}
    </section>
  );
}
