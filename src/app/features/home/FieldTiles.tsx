import { db } from '../../db/db';
import { countMembers, countVisits } from '../../db/recordChunks';
import { useLiveQuery } from '../../db/live';
import { href, navigate } from '../../platform/router';
import { formatCount } from '../../ui/format/numbers';
import { useFieldSession } from '../field/useFieldSession';

/** The big tiles of the home screen: search, add a household, each village, and the counts. */
export function FieldTiles() {
  const session = useFieldSession();
  const counts = useLiveQuery(async () => {
    const villages = session?.villages ?? [];
    const [households, members, visits, perVillage] = await Promise.all([
      db.households.count(),
      countMembers(db),
      countVisits(db),
      Promise.all(villages.map((v) => db.households.where('villageId').equals(v.id).count())),
    ]);
    return { households, members, visits, perVillage };
  }, [session]);
  const tile = (path: string) => () => navigate(path);
  return (
    <>
      <nav className="tiles" aria-label="Việc chính">
        <button type="button" className="tile" onClick={tile(href('/quet'))}>
          Quét mã hộ
          <small>Tem QR trên cửa nhà</small>
        </button>
        <button type="button" className="tile" onClick={tile(href('/tim'))}>
          Tìm kiếm
          <small>Tên, địa chỉ, số điện thoại</small>
        </button>
        <button type="button" className="tile" onClick={tile(href('/ho/moi'))}>
          Thêm hộ mới
          <small>Ghi hộ gia đình và thành viên</small>
        </button>
        <button type="button" className="tile" onClick={tile(href('/ky-nang'))}>
          Khung kỹ năng số
          <small>QĐ 757/QĐ-BKHCN</small>
        </button>
        <button type="button" className="tile" onClick={tile(href('/in-ma-trong'))}>
          In tem mã trống
          <small>Tem QR dán trước, đăng ký sau</small>
        </button>
        {session?.villages.map((v, i) => (
          <button
            key={v.id}
            type="button"
            className="tile"
            onClick={tile(href('/thon/:villageId', { villageId: v.id }))}
          >
            {v.name}
            <small>{counts ? `${formatCount(counts.perVillage[i] ?? 0)} hộ` : 'Hộ gia đình'}</small>
          </button>
        ))}
      </nav>
      {counts && (
        <p className="muted" data-testid="field-counts">
          Trên máy: {formatCount(counts.households)} hộ · {formatCount(counts.members)} thành viên ·{' '}
          {formatCount(counts.visits)} lượt hướng dẫn
        </p>
      )}
    </>
  );
}
