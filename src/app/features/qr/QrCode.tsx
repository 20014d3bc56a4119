import type { QrMatrix } from './readableQr';

/** A QR code as crisp SVG (one path), sized by its container; prints sharp at any scale. */
export function QrCode({ qr, label, size = 120 }: { qr: QrMatrix; label: string; size?: number }) {
  let d = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
