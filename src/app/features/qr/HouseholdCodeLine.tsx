import { useEffect } from 'react';
import { formatHouseholdCode } from '../../../domain/householdCode';
import { href, navigate } from '../../platform/router';

/** The sticker code on the household page, with the way to print the village's stickers. */
export function HouseholdCodeLine({
  code,
  villageId,
}: {
  code: string | undefined;
  villageId: string;
}) {
  useEffect(() => {
    // Benchmarks time a scan from the decode to this line being on screen.
    performance.mark?.('tn:household-shown');
  }, []);
  return (
    <p className="muted" data-testid="household-code">
      {code ? (
        <>
          Mã tem: <strong>{formatHouseholdCode(code)}</strong> ·{' '}
        </>
      ) : (
        'Chưa có mã tem · '
      )}
      <a
        href={href('/in-ma/:villageId', { villageId })}
        onClick={(e) => {
          e.preventDefault();
          navigate(href('/in-ma/:villageId', { villageId }));
        }}
      >
        In tem QR của thôn
      </a>
    </p>
  );
}
