import { formatHouseholdCode } from '../../../domain/householdCode';
import { QrCode } from './QrCode';
import type { QrMatrix } from './readableQr';

/** One door sticker: the QR (a link that opens the household), its code, and whose door it is. */
export function Sticker(props: { qr: QrMatrix; code: string; title: string; subtitle: string }) {
  return (
    <div className="sticker" data-testid="sticker">
      <QrCode qr={props.qr} label={`Mã QR của hộ ${formatHouseholdCode(props.code)}`} size={112} />
      <div className="sticker-text">
        <strong className="sticker-code">{formatHouseholdCode(props.code)}</strong>
        <span>{props.title}</span>
        <small>{props.subtitle}</small>
        <small className="sticker-brand">Từng Nhà · quét để mở hộ</small>
      </div>
    </div>
  );
}
