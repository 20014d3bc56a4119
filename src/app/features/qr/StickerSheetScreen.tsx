import { useState } from 'react';
import { households as householdStore, useLive } from '../../db';
import { useSession } from '../../session/useSession';
import { assignMissingCodes } from './householdCodes';
import { StickerSheet } from './StickerSheet';

/** /in-ma/<village>: an A4 sheet of door stickers for every household of a village. */
export function StickerSheetScreen({ villageId }: { villageId: string }) {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const households = useLive(() => householdStore.inVillages([villageId]), [villageId]);
  const village = session?.villages.find((v) => v.id === villageId);
  if (!session || !households) return <p className="muted">Đang tải…</p>;
  const live = households
    .filter((h) => h.deleted !== true && h.status !== 'moved_away')
    .sort((a, b) => a.address.localeCompare(b.address, 'vi'));
  const withCode = live.filter((h) => typeof h.code === 'string');
  const missing = live.length - withCode.length;

  return (
    <section>
      <div className="no-print">
        <h1>In tem QR — {village?.name ?? 'thôn'}</h1>
        <p>
          {withCode.length} tem cho {live.length} hộ. Khổ A4, 21 tem mỗi trang.
        </p>
        {missing > 0 && (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void assignMissingCodes(session.commune.code, villageId).finally(() =>
                setBusy(false),
              );
            }}
          >
            Tạo mã cho {missing} hộ chưa có mã
          </button>
        )}
      </div>
      <StickerSheet
        communeCode={session.commune.code}
        audit={{
          kind: 'stickers_print',
          what: `Tem QR ${village?.name ?? 'thôn'}: ${withCode.length} hộ`,
          villageId,
          names: true,
        }}
        items={withCode.map((h) => ({
          code: String(h.code),
          title: h.headName,
          subtitle: h.address,
        }))}
      />
    </section>
  );
}
