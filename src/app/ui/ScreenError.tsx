import { Component, type ReactNode } from 'react';
import { href, navigate } from '../platform/router';

interface State {
  error: Error | null;
}

/**
 * Catches what a screen throws while rendering (a failed read of the device's data, a part of the
 * app that could not be loaded offline) and says so in Vietnamese, instead of React leaving the
 * whole app blank. The rest of the shell (status bar, sync) keeps working; nothing stored is
 * touched. Give it `key={path}` so moving to another screen starts afresh.
 */
export class ScreenError extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section role="alert">
        <h1>Không mở được màn hình này</h1>
        <p>
          Dữ liệu trên máy vẫn còn nguyên: những gì chưa gửi sẽ được gửi ở lần đồng bộ tới. Hãy tải
          lại trang; nếu vẫn lỗi, báo cho trưởng nhóm kèm dòng dưới đây.
        </p>
        <p className="muted" data-testid="screen-error-detail">
          {error.name}: {error.message}
        </p>
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => window.location.reload()}
          >
            Tải lại trang
          </button>
          <button type="button" className="btn" onClick={() => navigate(href('/'))}>
            Về trang chính
          </button>
        </div>
      </section>
    );
  }
}
