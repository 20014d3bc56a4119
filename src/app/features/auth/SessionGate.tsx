import { useEffect, useState, type ReactNode } from 'react';
import { db } from '../../db/db';
import { useLiveQuery } from '../../db/live';
import { reportStorageError } from '../../db/storageFull';
import { href, navigate, usePath } from '../../platform/router';
import { needsSetup, refreshSession, wireApi } from '../../session/actions';
import { PIN_KEY } from '../../session/deviceData';
import { watchLock } from '../../session/lock';
import { useSession } from '../../session/useSession';
import { useLock } from '../../state/lock';
import { AdminScreen } from '../admin/AdminScreen';
import { LoginScreen } from './LoginScreen';
import { PasswordScreen } from './PasswordScreen';
import { PinSetupScreen, UnlockScreen } from './PinScreens';
import { SessionBar } from './SessionBar';
import { SetupScreen } from './SetupScreen';

wireApi();

/**
 * Nothing of the commune shows without a session: login (/dang-nhap) or first-run setup
 * (/thiet-lap); then a forced password change, the PIN, and the lock. /quan-ly is the accounts
 * screen for leaders and officers.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const session = useSession();
  const path = usePath();
  const pin = useLiveQuery(async () => (await db.meta.get(PIN_KEY)) ?? null, []);
  const locked = useLock((s) => s.locked);
  const [setupNeeded, setSetupNeeded] = useState<boolean | null>(null);
  const signedIn = Boolean(session);

  useEffect(() => watchLock(), []);
  useEffect(() => {
    // A full storage only means the refreshed session is not kept: the alert says so.
    if (signedIn) void refreshSession().catch(reportStorageError);
  }, [signedIn]);
  useEffect(() => {
    if (session !== null) return;
    let live = true;
    void needsSetup().then((v) => live && setSetupNeeded(v));
    return () => {
      live = false;
    };
  }, [session]);

  const target =
    session === null ? (setupNeeded ? '/thiet-lap' : '/dang-nhap') : session ? null : undefined;
  useEffect(() => {
    if (
      target &&
      path !== target &&
      !(target === '/dang-nhap' && setupNeeded === null && path === '/thiet-lap')
    )
      navigate(target, { replace: true });
    if (target === null && (path === '/dang-nhap' || path === '/thiet-lap'))
      navigate(href('/'), { replace: true });
  }, [target, path, setupNeeded]);

  if (session === undefined || (session && pin === undefined))
    return <p className="muted">Đang mở…</p>;
  if (session === null)
    return path === '/thiet-lap' && setupNeeded !== false ? <SetupScreen /> : <LoginScreen />;
  if (session.user.mustChangePassword) return <PasswordScreen forced />;
  if (!pin) return <PinSetupScreen />;
  if (locked) return <UnlockScreen />;
  return (
    <>
      <SessionBar session={session} />
      {path === '/quan-ly' ? <AdminScreen session={session} /> : children}
    </>
  );
}
