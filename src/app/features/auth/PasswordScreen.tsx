import { useState, type FormEvent } from 'react';
import { changePassword } from '../../session/actions';
import { failureMessage } from './messages';
import { Field, FormError } from './Field';

/** Changing the password; forced after a temporary one given by a team leader. */
export function PasswordScreen({ forced, onDone }: { forced: boolean; onDone?: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next.length < 8) return setError('Mật khẩu mới cần ít nhất 8 ký tự.');
    if (next !== repeat) return setError('Hai lần nhập mật khẩu mới không khớp.');
    setBusy(true);
    setError('');
    const result = await changePassword(current, next);
    setBusy(false);
    if (!result.ok) setError(failureMessage(result));
    else onDone?.();
  }

  return (
    <section className="auth">
      <h1>Đổi mật khẩu</h1>
      {forced && (
        <p className="lead">Bạn đang dùng mật khẩu tạm. Hãy đặt mật khẩu mới của riêng bạn.</p>
      )}
      <form className="card" onSubmit={submit}>
        <Field
          label={forced ? 'Mật khẩu tạm' : 'Mật khẩu hiện tại'}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <Field
          label="Mật khẩu mới"
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
          hint="Ít nhất 8 ký tự"
        />
        <Field
          label="Nhập lại mật khẩu mới"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        <FormError message={error} />
        <div className="form-actions">
          <button className="btn btn-primary" type="submit" disabled={busy}>
            Lưu mật khẩu mới
          </button>
        </div>
      </form>
    </section>
  );
}
