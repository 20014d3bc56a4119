import { useEffect, useState, type FormEvent } from 'react';
import { communeListSchema, type Commune } from '../../../protocol';
import { apiRequest } from '../../api/client';
import { setup } from '../../session/actions';
import { deviceLabel, failureMessage } from './messages';
import { Field, FormError } from './Field';

/** First run on an empty server: pick the commune from the official list, create its officer. */
export function SetupScreen() {
  const [query, setQuery] = useState('');
  const [communes, setCommunes] = useState<Commune[]>([]);
  const [commune, setCommune] = useState<Commune | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (query.trim().length < 2) return;
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      const res = await apiRequest(
        `/api/communes?q=${encodeURIComponent(query)}`,
        communeListSchema,
        {
          anonymous: true,
          signal: ctrl.signal,
        },
      );
      if (res.ok) setCommunes(res.value.communes);
    }, 200);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [query]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!commune) return setError('Hãy chọn xã, phường trong danh sách.');
    if (password.length < 8) return setError('Mật khẩu cần ít nhất 8 ký tự.');
    if (password !== repeat) return setError('Hai lần nhập mật khẩu không khớp.');
    setBusy(true);
    setError('');
    const result = await setup({
      communeCode: commune.code,
      officer: { username, displayName, password },
      deviceName: deviceLabel(),
    });
    setBusy(false);
    if (!result.ok) setError(failureMessage(result));
  }

  return (
    <section className="auth">
      <h1>Thiết lập xã</h1>
      <p className="lead">
        Máy chủ chưa có xã nào. Chọn xã, phường của bạn và tạo tài khoản cán bộ xã đầu tiên.
      </p>
      <form className="card" onSubmit={submit}>
        <Field
          label="Tìm xã, phường (tên hoặc mã)"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          hint="Ví dụ: Hòa Lạc, hoặc mã 5 chữ số"
        />
        <fieldset className="choices">
          <legend>Xã, phường</legend>
          {communes.map((c) => (
            <label key={c.code} className="choice">
              <input
                type="radio"
                name="commune"
                value={c.code}
                checked={commune?.code === c.code}
                onChange={() => setCommune(c)}
              />
              {c.name} — {c.province} ({c.code})
            </label>
          ))}
          {commune === null && communes.length === 0 && (
            <p className="muted">Gõ ít nhất 2 chữ để tìm.</p>
          )}
        </fieldset>
        <h2>Tài khoản cán bộ xã</h2>
        <Field
          label="Họ và tên"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <Field
          label="Tên đăng nhập"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          hint="Chữ thường không dấu, số, dấu chấm hoặc gạch; 3–40 ký tự"
        />
        <Field
          label="Mật khẩu"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Field
          label="Nhập lại mật khẩu"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        <FormError message={error} />
        <div className="form-actions">
          <button className="btn btn-primary" type="submit" disabled={busy}>
            Thiết lập xã
          </button>
        </div>
      </form>
    </section>
  );
}
