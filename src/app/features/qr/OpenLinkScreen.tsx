import { useEffect } from 'react';
import { href } from '../../platform/router';
import { useSession } from '../../session/useSession';
import { CodeOutcome } from './CodeOutcome';
import { useOpenCode } from './useOpenCode';

/** /h/<commune>/<code>: a sticker scanned with the phone's ordinary camera app opens here. */
export function OpenLinkScreen({ commune, code }: { commune: string; code: string }) {
  const session = useSession();
  const { state, openScanned } = useOpenCode(session?.commune.code);
  useEffect(() => {
    const link = `${window.location.origin}${href('/h/:commune/:code', { commune, code })}`;
    if (session) void openScanned(link);
  }, [session, commune, code, openScanned]);
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
