import type { Relation } from '../../../domain/entities';
import { households, members, useLive } from '../../db';
import { href, navigate } from '../../platform/router';
import { createMember, emptyMemberForm, removeMember, updateMember } from './actions';
import { MemberForm } from './MemberForm';
import { useSkills } from './useSkills';

/** "/ho/:id/thanh-vien/moi": add a member; the first member defaults to the head. */
export function NewMemberScreen({ householdId }: { householdId: string }) {
  const skills = useSkills();
  const data = useLive(async () => {
    const h = await households.get(householdId);
    const count = (await members.ofHouseholds([householdId])).length;
    return h ? { h, count } : null;
  }, [householdId]);
  if (!data) return data === null ? <p>Không tìm thấy hộ.</p> : null;
  const relation: Relation | '' = data.count === 0 ? 'head' : '';
  return (
    <section>
      <h1>Thêm thành viên — hộ {data.h.headName}</h1>
      <MemberForm
        formId={`member:new:${householdId}`}
        initial={{ ...emptyMemberForm(relation), name: data.count === 0 ? data.h.headName : '' }}
        skills={skills}
        saveLabel="Lưu thành viên"
        onSave={async (f) => {
          await createMember(data.h, f);
          navigate(href('/ho/:id', { id: householdId }), { replace: true });
        }}
        onCancel={() => navigate(href('/ho/:id', { id: householdId }), { replace: true })}
      />
    </section>
  );
}

/** "/thanh-vien/:id/sua" */
export function EditMemberScreen({ id }: { id: string }) {
  const skills = useSkills();
  const m = useLive(() => members.get(id), [id]);
  if (!m) return null;
  return (
    <section>
      <h1>Sửa thành viên: {m.name}</h1>
      <MemberForm
        formId={`member:${id}`}
        initial={{
          name: m.name,
          birthYear: String(m.birthYear || ''),
          gender: m.gender,
          relation: m.relation,
          smartphone: m.smartphone,
          vneid: m.vneid,
          cashless: m.cashless,
          onlineServices: m.onlineServices,
          platform: m.platform,
          platformVerified: m.platformVerified,
          skills: m.skills,
          gdsPublicServices: m.gdsPublicServices === true,
          gdsShopping: m.gdsShopping === true,
          gdsPayment: m.gdsPayment === true,
          gdsSafety: m.gdsSafety === true,
          gdsLocalPlatform: m.gdsLocalPlatform === true,
          guidesFamily: m.guidesFamily === true,
        }}
        skills={skills}
        saveLabel="Lưu thay đổi"
        onSave={async (f) => {
          await updateMember(id, f);
          navigate(href('/ho/:id', { id: m.householdId }), { replace: true });
        }}
        onCancel={() => navigate(href('/ho/:id', { id: m.householdId }), { replace: true })}
      />
      <button
        type="button"
        className="btn"
        onClick={() => {
          if (!window.confirm(`Xóa ${m.name} khỏi hộ?`)) return;
          void removeMember(id).then(() =>
            navigate(href('/ho/:id', { id: m.householdId }), { replace: true }),
          );
        }}
      >
        Xóa thành viên khỏi hộ
      </button>
    </section>
  );
}
