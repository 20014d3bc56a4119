import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import {
  villageListSchema,
  villageSchema,
  type VillageKind,
  VILLAGE_KINDS,
} from '../../../protocol';

const oneVillage = z.object({ village: villageSchema });
import { apiRequest } from '../../api/client';
import { Field, FormError } from '../auth/Field';
import { apiFailureMessage } from '../auth/messages';
import { announceChange, useApi } from './useApi';

export const KIND_LABEL: Record<VillageKind, string> = {
  thon: 'Thôn',
  xom: 'Xóm',
  ban: 'Bản',
  ap: 'Ấp',
  to_dan_pho: 'Tổ dân phố',
  khu_pho: 'Khu phố',
  khac: 'Khác',
};

/** The commune officer defines the villages (thôn, xóm, bản, tổ dân phố…). */
export function VillagesPanel() {
  const { data, error } = useApi('/api/villages', villageListSchema);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<VillageKind>('thon');
  const [formError, setFormError] = useState('');

  async function add(e: FormEvent) {
    e.preventDefault();
    const res = await apiRequest('/api/villages', oneVillage, {
      body: { name, kind },
    });
    if (!res.ok) return setFormError(apiFailureMessage(res.error));
    setName('');
    setFormError('');
    announceChange('/api/villages');
  }

  async function setArchived(id: string, archived: boolean) {
    await apiRequest(`/api/villages/${id}`, oneVillage, {
      method: 'PATCH',
      body: { archived },
    });
    announceChange('/api/villages');
  }

  return (
    <div className="card">
      <h2>Thôn, xóm, tổ dân phố</h2>
      {error && <p className="error">{apiFailureMessage(error)}</p>}
      <ul className="list" aria-label="Danh sách thôn, xóm">
        {data?.villages.map((v) => (
          <li key={v.id}>
            {v.name}{' '}
            <span className="muted">
              ({KIND_LABEL[v.kind]}
              {v.archived ? ', đã lưu trữ' : ''})
            </span>{' '}
            <button
              className="btn"
              type="button"
              onClick={() => void setArchived(v.id, !v.archived)}
            >
              {v.archived ? `Khôi phục ${v.name}` : `Lưu trữ ${v.name}`}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add}>
        <Field
          label="Tên thôn, xóm mới"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label className="field">
          Loại
          <select value={kind} onChange={(e) => setKind(e.target.value as VillageKind)}>
            {VILLAGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <FormError message={formError} />
        <button className="btn btn-primary" type="submit">
          Thêm thôn, xóm
        </button>
      </form>
    </div>
  );
}
