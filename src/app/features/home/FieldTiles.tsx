import { households, members, useLive, visits } from '../../db';
import { href, navigate } from '../../platform/router';
import { formatCount } from '../../ui/format/numbers';
import { useFieldSession } from '../field/useFieldSession';

/** The big tiles of the home screen: search, add a household, each village, and the counts. */
export function FieldTiles() {
  const session = useFieldSession();
  const counts = useLive(async () => {
    const villages = session?.villages ?? [];
    const [homes, people, calls, perVillage] = await Promise.all([
      households.count(),
      members.count(),
      visits.count(),
      Promise.all(villages.map((v) => households.countInVillage(v.id))),
    ]);
    return { households: homes, members: people, visits: calls, perVillage };
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
