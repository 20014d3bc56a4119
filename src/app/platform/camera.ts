/**
 * The camera, behind a small interface: the QR scanner loads html5-qrcode only when it opens, so
 * the library is not in the first screen's bundle.
 */
export type CameraError = 'camera_denied' | 'camera_missing' | 'camera_failed';

export interface RunningScanner {
  stop(): Promise<void>;
  torchSupported: boolean;
  setTorch(on: boolean): Promise<void>;
}

export async function startQrScanner(
  elementId: string,
  onDecoded: (text: string) => void,
): Promise<{ ok: true; scanner: RunningScanner } | { ok: false; error: CameraError }> {
  if (!navigator.mediaDevices?.getUserMedia) return { ok: false, error: 'camera_missing' };
  const { Html5Qrcode, Html5QrcodeSupportedFormats } = await import('html5-qrcode');
  const reader = new Html5Qrcode(elementId, {
    verbose: false,
    formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
    useBarCodeDetectorIfSupported: true,
  });
  try {
    await reader.start(
      { facingMode: 'environment' },
      {
        fps: 12,
        qrbox: (w, h) => ({
          width: Math.floor(Math.min(w, h) * 0.8),
          height: Math.floor(Math.min(w, h) * 0.8),
        }),
      },
      (text) => onDecoded(text),
      () => undefined,
    );
  } catch (err) {
    const text = String(err);
    if (/NotAllowed|Permission/i.test(text)) return { ok: false, error: 'camera_denied' };
    if (/NotFound|Requested device not found|OverconstrainedError/i.test(text))
      return { ok: false, error: 'camera_missing' };
    return { ok: false, error: 'camera_failed' };
  }
  let torch: { isSupported(): boolean; apply(on: boolean): Promise<unknown> } | null = null;
  try {
    torch = reader.getRunningTrackCameraCapabilities().torchFeature();
  } catch {
    torch = null;
  }
  return {
    ok: true,
    scanner: {
      torchSupported: torch?.isSupported() ?? false,
      async setTorch(on) {
        await torch?.apply(on);
      },
      async stop() {
        if (reader.isScanning) await reader.stop().catch(() => undefined);
        reader.clear();
      },
    },
  };
}
