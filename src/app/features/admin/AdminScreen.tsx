import type { Session } from '../../session/types';
import { DeletionsPanel } from './DeletionsPanel';
import { DevicesPanel } from './DevicesPanel';
import { ExportLogPanel } from './ExportLogPanel';
import { UsersPanel } from './UsersPanel';
import { VillagesPanel } from './VillagesPanel';

/**
 * Accounts screen (/quan-ly): villages (officer), volunteers and accounts (leader, officer), recent
 * deletions to undo (leader, officer), the log of exports and prints (officer), and devices — a volunteer sees and can revoke their own.
 * Needs the network.
 */
export function AdminScreen({ session }: { session: Session }) {
  if (session.user.role === 'volunteer')
    return (
      <section className="admin">
        <h1>Thiết bị của tôi</h1>
        <DevicesPanel />
      </section>
    );
  return (
    <section className="admin">
      <h1>Quản lý tài khoản</h1>
      {session.user.role === 'officer' && <VillagesPanel />}
      <UsersPanel session={session} />
      <DeletionsPanel officer={session.user.role === 'officer'} villages={session.villages} />
      {session.user.role === 'officer' && <ExportLogPanel villages={session.villages} />}
      <DevicesPanel />
    </section>
  );
}
