import { useEffect } from 'react';
import { useSession } from '../../session/useSession';
import { CodeOutcome } from './CodeOutcome';
import { useOpenCode } from './useOpenCode';

/** /h/<commune>/<code>: a sticker scanned with the phone's ordinary camera app opens here. */
export function OpenLinkScreen({ path }: { path: string }) {
  const session = useSession();
  const { state, openScanned } = useOpenCode(session?.commune.code);
  useEffect(() => {
    if (session) void openScanned(`${window.location.origin}${path}`);
  }, [session, path, openScanned]);
  return (
    <section>
      <h1>Mở hộ theo mã</h1>
      {state.kind === 'idle' ? (
        <p className="muted">Đang tìm hộ…</p>
      ) : (
        <CodeOutcome state={state} />
      )}
    </section>
  );
}
