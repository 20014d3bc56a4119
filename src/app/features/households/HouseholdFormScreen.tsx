import { households, useLive } from '../../db';
import { href, navigate } from '../../platform/router';
import { useFieldSession } from '../field/useFieldSession';
import { createHousehold, emptyHouseholdForm, updateHousehold } from './actions';
import { HouseholdForm } from './HouseholdForm';
import { formatHouseholdCode } from '../../../domain/householdCode';
import { QR_MESSAGES } from '../qr/messages';
import { useNewHouseholdCode } from '../qr/useNewHouseholdCode';

/** "/ho/moi" and "/thon/:villageId/them-ho": register a household. */
export function NewHouseholdScreen({ villageId }: { villageId?: string }) {
  const session = useFieldSession();
  const sticker = useNewHouseholdCode(session?.commune.code, window.location.search);
  if (!session) return session === null ? <NeedLogin /> : null;
  if (sticker.kind === 'loading') return null;
  if (sticker.kind === 'refused') {
    return (
      <section>
        <h1>Thêm hộ mới</h1>
        <p className="error" role="alert">
          {QR_MESSAGES[sticker.error]}
        </p>
        {sticker.householdId && (
          <button
            type="button"
            className="btn"
            onClick={() => navigate(href('/ho/:id', { id: sticker.householdId ?? '' }))}
          >
            Mở hộ đang mang mã này
          </button>
        )}
      </section>
    );
  }
  const code = sticker.code;
  const first = villageId ?? (session.villages.length === 1 ? session.villages[0]?.id : '');
  return (
    <section>
      <h1>Thêm hộ mới</h1>
      <p className="muted" data-testid="new-household-code">
        {sticker.fromSticker ? 'Đăng ký với mã tem' : 'Mã tem của hộ'}:{' '}
        <strong>{formatHouseholdCode(code)}</strong>
      </p>
      <HouseholdForm
        formId={`household:new:${villageId ?? ''}`}
        initial={emptyHouseholdForm(first ?? '')}
        session={session}
        saveLabel="Lưu hộ"
        onSave={async (f) => {
          const id = await createHousehold(f, session.user.id, code);
          navigate(href('/ho/:id', { id: id }), { replace: true });
        }}
        onCancel={() => history.back()}
      />
    </section>
  );
}

/** "/ho/:id/sua": edit, or move to another village. */
export function EditHouseholdScreen({ id }: { id: string }) {
  const session = useFieldSession();
  const h = useLive(() => households.get(id), [id]);
  if (!session || !h) return session === null ? <NeedLogin /> : null;
  return (
    <section>
      <h1>Sửa hộ: {h.headName}</h1>
      <HouseholdForm
        formId={`household:${id}`}
        initial={{
          villageId: h.villageId,
          address: h.address,
          headName: h.headName,
          phone: h.phone ?? '',
          flagPoor: h.flagPoor,
          flagNearPoor: h.flagNearPoor,
          flagMinority: h.flagMinority,
          flagElderlyAlone: h.flagElderlyAlone,
          flagDisability: h.flagDisability,
        }}
        session={session}
        saveLabel="Lưu thay đổi"
        onSave={async (f) => {
          await updateHousehold(id, f, h.villageId);
          navigate(href('/ho/:id', { id: id }), { replace: true });
        }}
        onCancel={() => navigate(href('/ho/:id', { id: id }), { replace: true })}
      />
    </section>
  );
}

export function NeedLogin() {
  return (
    <section className="card">
      <p>Máy này chưa đăng nhập. Hãy đăng nhập khi có mạng để nhận danh sách thôn.</p>
      <a className="btn btn-primary" href={href('/dang-nhap')}>
        Đăng nhập
      </a>
    </section>
  );
}
