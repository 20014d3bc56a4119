import { useState, type FormEvent } from 'react';
import { forgotPin } from '../../session/actions';
import { pinProblem, type PinProblem } from '../../../domain/pinRules';
import { checkPinLimited, savePin } from '../../session/pin';
import { failureMessage } from './messages';
import { Field, FormError } from './Field';

const pinInput = {
  type: 'password',
  inputMode: 'numeric',
  autoComplete: 'off',
  maxLength: 6,
} as const;

const PIN_PROBLEM: Record<PinProblem, string> = {
  length: 'Mã PIN gồm đúng 6 chữ số.',
  weak: 'Mã PIN này dễ đoán (như 123456, 111111 hay 123123). Hãy chọn mã khác.',
};

/**
 * After the first login: a six-digit PIN that unlocks the app on this phone. `renewing`: a PIN set
 * before the rules, too short or too easy, must be replaced (session/pin.ts).
 */
export function PinSetupScreen({ renewing = false }: { renewing?: boolean }) {
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = pinProblem(pin);
    if (problem) return setError(PIN_PROBLEM[problem]);
    if (pin !== repeat) return setError('Hai lần nhập mã PIN không khớp.');
    await savePin(pin);
  }

  return (
    <section className="auth">
      <h1>{renewing ? 'Đổi mã PIN' : 'Đặt mã PIN'}</h1>
      <p className="lead">
        {renewing
          ? 'Mã PIN đang dùng quá ngắn hoặc dễ đoán: ai có bản sao dữ liệu của máy có thể dò ra nó trong vài phút. Hãy đặt mã PIN mới gồm 6 chữ số.'
          : 'Ứng dụng sẽ tự khóa khi để ở chế độ nền quá 10 phút. Mã PIN dùng để mở khóa trên máy này.'}
      </p>
      <form className="card" onSubmit={submit}>
        <Field
          label="Mã PIN (6 chữ số)"
          {...pinInput}
          value={pin}
          onChange={(e) => setPin(e.target.value)}
        />
        <Field
          label="Nhập lại mã PIN"
          {...pinInput}
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        <FormError message={error} />
        <div className="form-actions">
          <button className="btn btn-primary" type="submit">
            Lưu mã PIN
          </button>
        </div>
      </form>
    </section>
  );
}

export function UnlockScreen() {
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await checkPinLimited(pin, Date.now());
    if (result.ok) return; // the data is open: the gate draws the app
    setPin('');
    if (result.wait > 0) {
      setError(
        `Nhập sai quá nhiều lần. Hãy thử lại sau ${Math.ceil(result.wait / 1000)} giây, hoặc đăng nhập lại.`,
      );
    } else {
      setError(`Mã PIN không đúng. Còn ${result.attemptsLeft} lần thử trước khi phải chờ.`);
    }
  }

  async function forgot() {
    const result = await forgotPin();
    if (!result.ok) setError(failureMessage(result));
  }

  return (
    <section className="auth">
      <h1>Ứng dụng đang khóa</h1>
      <form className="card" onSubmit={submit}>
        <Field
          label="Nhập mã PIN"
          {...pinInput}
          autoFocus
          value={pin}
          onChange={(e) => setPin(e.target.value)}
        />
        <FormError message={error} />
        <div className="form-actions">
          <button className="btn btn-primary" type="submit">
            Mở khóa
          </button>
          <button className="btn" type="button" onClick={() => void forgot()}>
            Quên mã PIN?
          </button>
        </div>
        <p className="muted">
          Quên mã PIN thì cần đăng nhập lại (có mạng). Dữ liệu chưa gửi vẫn được giữ.
        </p>
      </form>
    </section>
  );
}
