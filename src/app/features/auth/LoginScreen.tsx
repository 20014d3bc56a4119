import { useState, type FormEvent } from 'react';
import { meta, useLive } from '../../db';
import { login } from '../../session/actions';
import { LOGIN_NOTICE } from '../../session/deviceData';
import { deviceLabel, failureMessage } from './messages';
import { Field, FormError } from './Field';

/** Login: needs the network once per device; afterwards the app works offline. */
export function LoginScreen() {
  const notice = useLive(() => meta.get(LOGIN_NOTICE), []);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Asked only when the name and password open accounts of several communes.
  const [askCommune, setAskCommune] = useState(false);
  const [communeCode, setCommuneCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    const result = await login(
      username,
      password,
      deviceLabel(),
      askCommune ? communeCode.trim() : undefined,
    );
    setBusy(false);
    if (result.ok) return;
    if (result.reason === 'api' && result.failure.kind === 'api') {
      if (result.failure.code === 'commune_required') setAskCommune(true);
    }
    setError(failureMessage(result));
  }

  return (
    <section className="auth">
      <h1>Đăng nhập</h1>
      {typeof notice === 'string' && (
        <p className="banner" role="alert" data-testid="login-notice">
          {notice}
        </p>
      )}
      <form className="card" onSubmit={submit}>
        <Field
          label="Tên đăng nhập (số điện thoại)"
          autoComplete="username"
          inputMode="text"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <Field
          label="Mật khẩu"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {askCommune && (
          <Field
            label="Mã xã (5 chữ số)"
            inputMode="numeric"
            pattern="[0-9]{5}"
            required
            value={communeCode}
            onChange={(e) => setCommuneCode(e.target.value)}
          />
        )}
        <FormError message={error} />
        <div className="form-actions">
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
          </button>
        </div>
        <p className="muted">
          Lần đầu đăng nhập trên máy này cần có mạng. Sau đó ứng dụng dùng được cả khi không có
          sóng.
        </p>
      </form>
    </section>
  );
}
