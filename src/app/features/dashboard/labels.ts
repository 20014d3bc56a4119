import type { IndexProgress } from '../../state/indexing';
import { formatProgress } from '../../ui/format';

/** "Đang tính lại số liệu… 40%": the indexer's one-time rebuild of the summaries, under way. */
export function rebuildLabel(p: IndexProgress): string {
  return `Đang tính lại số liệu… ${formatProgress(p.done, p.total)}`;
}
