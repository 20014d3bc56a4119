import { db } from '../../db/db';
import { countMembers, countVisits } from '../../db/recordChunks';
import { useLiveQuery } from '../../db/live';
import { navigate } from '../../platform/router';
import { useFieldSession } from '../field/useFieldSession';

const nf = new Intl.NumberFormat('vi-VN');

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
        <button type="button" className="tile" onClick={tile('/quet')}>
          Quét mã hộ
          <small>Tem QR trên cửa nhà</small>
        </button>
        <button type="button" className="tile" onClick={tile('/tim')}>
          Tìm kiếm
          <small>Tên, địa chỉ, số điện thoại</small>
        </button>
        <button type="button" className="tile" onClick={tile('/ho/moi')}>
          Thêm hộ mới
          <small>Ghi hộ gia đình và thành viên</small>
        </button>
        <button type="button" className="tile" onClick={tile('/ky-nang')}>
          Khung kỹ năng số
          <small>QĐ 757/QĐ-BKHCN</small>
        </button>
        <button type="button" className="tile" onClick={tile('/in-ma-trong')}>
          In tem mã trống
          <small>Tem QR dán trước, đăng ký sau</small>
        </button>
        {session?.villages.map((v, i) => (
          <button key={v.id} type="button" className="tile" onClick={tile(`/thon/${v.id}`)}>
            {v.name}
            <small>{counts ? `${nf.format(counts.perVillage[i] ?? 0)} hộ` : 'Hộ gia đình'}</small>
          </button>
        ))}
      </nav>
      {counts && (
        <p className="muted" data-testid="field-counts">
          Trên máy: {nf.format(counts.households)} hộ · {nf.format(counts.members)} thành viên ·{' '}
          {nf.format(counts.visits)} lượt hướng dẫn
        </p>
      )}
    </>
  );
}
