import { useEffect, useState } from 'react';
import { useSession } from '../../session/useSession';
import { freshCodes } from './householdCodes';
import { StickerSheet } from './StickerSheet';

const PER_SHEET = 21;

/** /in-ma-trong: a sheet of unassigned codes; the first scan of one offers to register a household. */
export function BlankSheetScreen() {
  const session = useSession();
  const [codes, setCodes] = useState<string[] | null>(null);
  const commune = session?.commune.code;
  useEffect(() => {
    if (commune) void freshCodes(commune, PER_SHEET).then(setCodes);
  }, [commune]);
  if (!session || !codes) return <p className="muted">Đang tạo mã…</p>;
  return (
    <section>
      <div className="no-print">
        <h1>In tem mã trống</h1>
        <p>
          {PER_SHEET} mã chưa gán cho hộ nào. Khi quét lần đầu, ứng dụng sẽ đề nghị đăng ký hộ mới
          với mã đó.
        </p>
      </div>
      <StickerSheet
        communeCode={session.commune.code}
        items={codes.map((code) => ({ code, title: 'Hộ mới', subtitle: session.commune.name }))}
      />
    </section>
  );
}
