import { formatHouseholdCode } from '../../../domain/householdCode';
import { householdLink } from '../../../domain/qrLink';
import { QrCode } from './QrCode';

/** One door sticker: the QR (a link that opens the household), its code, and whose door it is. */
export function Sticker(props: {
  communeCode: string;
  code: string;
  title: string;
  subtitle: string;
}) {
  const link = householdLink(window.location.origin, props.communeCode, props.code);
  return (
    <div className="sticker" data-testid="sticker">
      <QrCode text={link} label={`Mã QR của hộ ${formatHouseholdCode(props.code)}`} size={112} />
      <div className="sticker-text">
        <strong className="sticker-code">{formatHouseholdCode(props.code)}</strong>
        <span>{props.title}</span>
        <small>{props.subtitle}</small>
        <small className="sticker-brand">Từng Nhà · quét để mở hộ</small>
      </div>
    </div>
  );
}
