import { useEffect, useRef, useState } from 'react';
import { startQrScanner, type RunningScanner } from '../../platform/camera';
import { useSession } from '../../session/useSession';
import { lazyHouseholdScreen } from '../households/householdScreenLazy';
import { CodeOutcome } from './CodeOutcome';
import { QR_MESSAGES } from './messages';
import { useOpenCode } from './useOpenCode';

const VIEW_ID = 'qr-camera-view';

/** "Quét mã hộ": the camera reads a sticker; typing the code is always possible. */
export function ScanScreen() {
  const session = useSession();
  const { state, openScanned, openTyped } = useOpenCode(session?.commune.code);
  const [camera, setCamera] = useState<'starting' | 'on' | keyof typeof QR_MESSAGES>('starting');
  const [torch, setTorch] = useState(false);
  const [typed, setTyped] = useState('');
  const scanner = useRef<RunningScanner | null>(null);
  const lastText = useRef('');
  const handle = useRef(openScanned);
  handle.current = openScanned;

  useEffect(() => {
    // A scan opens a household page: have its code ready so it shows without a loading pause.
    lazyHouseholdScreen.preload().catch(() => undefined);
    let stopped = false;
    void startQrScanner(VIEW_ID, (text) => {
      // The same sticker is decoded many times a second: act once per new text.
      if (text === lastText.current) return;
      lastText.current = text;
      void handle.current(text);
    }).then((result) => {
      if (!result.ok) return setCamera(result.error);
      if (stopped) return void result.scanner.stop();
      scanner.current = result.scanner;
      setCamera('on');
    });
    return () => {
      stopped = true;
      void scanner.current?.stop();
      scanner.current = null;
    };
  }, []);

  return (
    <section>
      <h1>Quét mã hộ</h1>
      <div id={VIEW_ID} className="camera-view" aria-label="Khung máy ảnh" />
      {camera === 'starting' && <p className="muted">Đang mở máy ảnh…</p>}
      {camera !== 'starting' && camera !== 'on' && (
        <p className="error" role="alert">
          {QR_MESSAGES[camera]}
        </p>
      )}
      {camera === 'on' && scanner.current?.torchSupported && (
        <button
          type="button"
          className="btn"
          aria-pressed={torch}
          onClick={() => {
            const next = !torch;
            void scanner.current?.setTorch(next).then(() => setTorch(next));
          }}
        >
          {torch ? 'Tắt đèn' : 'Bật đèn'}
        </button>
      )}
      <CodeOutcome state={state} />
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          lastText.current = '';
          void openTyped(typed);
        }}
      >
        <label htmlFor="typed-code">Hoặc nhập mã in trên tem</label>
        <input
          id="typed-code"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder="VD: K7M2-QX4B"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="btn btn-primary">
          Mở hộ
        </button>
      </form>
    </section>
  );
}
