import { householdLink } from '../../../domain/qrLink';
import { noteExport, type ExportNote } from '../../session/exportNotes';
import { Sticker } from './Sticker';
import { useReadableQrs } from './useReadableQrs';

export interface StickerItem {
  code: string;
  title: string;
  subtitle: string;
}

/**
 * A printable sheet of stickers, with its "In tem" button: the QRs are made (and checked with the
 * scanner's decoder) first, with progress, and printing waits for them.
 */
export function StickerSheet({
  communeCode,
  items,
  audit,
}: {
  communeCode: string;
  items: StickerItem[];
  /** A sheet with people's names goes into the officer's audit log when printed. */
  audit?: ExportNote;
}) {
  const links = items.map((item) => householdLink(window.location.origin, communeCode, item.code));
  const { qrs, done, total } = useReadableQrs(links);
  return (
    <>
      <div className="no-print">
        {!qrs && (
          <p className="muted" role="status">
            Đang tạo mã QR… {done}/{total}
          </p>
        )}
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            if (audit) void noteExport(audit);
            window.print();
          }}
          disabled={!qrs || items.length === 0}
        >
          In tem
        </button>
      </div>
      {qrs && (
        <div className="sticker-sheet">
          {items.map((item, i) => {
            const qr = qrs.get(links[i] ?? '');
            // Index in the key: two households could share a code (printed twice, both shown).
            return qr && <Sticker key={`${i}:${item.code}`} qr={qr} {...item} />;
          })}
        </div>
      )}
    </>
  );
}
