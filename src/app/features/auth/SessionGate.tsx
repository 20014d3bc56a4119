import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { reportStorageError, useLive, useVaultOpen } from '../../db';
import { href, navigate, usePath } from '../../platform/router';
import { needsSetup, refreshSession, wireApi } from '../../session/actions';
import { watchLock } from '../../session/lock';
import { hasPin, pinMustChange } from '../../session/pin';
import { useSession } from '../../session/useSession';
import { LoginScreen } from './LoginScreen';
import { PasswordScreen } from './PasswordScreen';
import { PinSetupScreen, UnlockScreen } from './PinScreens';
import { SessionBar } from './SessionBar';
import { preloadable } from '../../ui/preloadable';

wireApi();

// Screens seldom drawn (once per commune, or by its officers) load when first needed.
const Admin = preloadable(() => import('../admin/AdminScreen').then((m) => m.AdminScreen));
const Setup = preloadable(() => import('./SetupScreen').then((m) => m.SetupScreen));
const opening = <p className="muted">Đang mở…</p>;

/**
 * Nothing of the commune shows without a session: login (/dang-nhap) or first-run setup
 * (/thiet-lap); then a forced password change, the PIN, and the lock: the data opens only with
 * the PIN (a reload starts locked, session/keyring.ts). /quan-ly is the accounts screen for
 * leaders and officers.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const open = useVaultOpen();
  const pin = useLive(hasPin, []);
  const renewPin = useLive(pinMustChange, [], false);
  // Locked: the session itself is sealed; the lock screen comes before anything else.
  const locked = !open && pin === true;
  const stored = useSession();
  const session = locked || pin === undefined ? undefined : stored;
  const path = usePath();
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

  if (locked) return <UnlockScreen />;
  if (session === undefined || pin === undefined) return opening;
  if (session === null)
    return path === '/thiet-lap' && setupNeeded !== false ? (
      <Suspense fallback={opening}>
        <Setup.Component />
      </Suspense>
    ) : (
      <LoginScreen />
    );
  if (session.user.mustChangePassword) return <PasswordScreen forced />;
  if (!pin) return <PinSetupScreen />;
  if (renewPin) return <PinSetupScreen renewing />;
  return (
    <>
      <SessionBar session={session} />
      {path === '/quan-ly' ? (
        <Suspense fallback={opening}>
          <Admin.Component session={session} />
        </Suspense>
      ) : (
        children
      )}
    </>
  );
}
