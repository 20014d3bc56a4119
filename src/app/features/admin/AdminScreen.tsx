import type { Session } from '../../session/types';
import { DevicesPanel } from './DevicesPanel';
import { UsersPanel } from './UsersPanel';
import { VillagesPanel } from './VillagesPanel';

/** Accounts screen (/quan-ly): villages (officer), volunteers and accounts, devices. Needs the network. */
export function AdminScreen({ session }: { session: Session }) {
  if (session.user.role === 'volunteer')
    return <p>Chỉ tổ trưởng và cán bộ xã dùng màn hình này.</p>;
  return (
    <section className="admin">
      <h1>Quản lý tài khoản</h1>
      {session.user.role === 'officer' && <VillagesPanel />}
      <UsersPanel session={session} />
      <DevicesPanel />
    </section>
  );
}
