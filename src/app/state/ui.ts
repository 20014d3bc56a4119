import { create } from 'zustand';

/** UI and session state only: never copies of database tables (those are live Dexie queries). */
interface UiState {
  online: boolean;
  updateAvailable: boolean;
  /** Forms with unsaved typing register here so that an update never reloads under them. */
  dirtyForms: Record<string, true>;
  storage: { persisted: boolean; usageBytes: number | null; quotaBytes: number | null } | null;
  setOnline(online: boolean): void;
  setUpdateAvailable(): void;
  setFormDirty(formId: string, dirty: boolean): void;
  setStorage(storage: UiState['storage']): void;
}

export const useUi = create<UiState>((set) => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  updateAvailable: false,
  dirtyForms: {},
  storage: null,
  setOnline: (online) => set({ online }),
  setUpdateAvailable: () => set({ updateAvailable: true }),
  setFormDirty: (formId, dirty) =>
    set((s) => {
      if (dirty === Boolean(s.dirtyForms[formId])) return s;
      const dirtyForms = { ...s.dirtyForms };
      if (dirty) dirtyForms[formId] = true;
      else delete dirtyForms[formId];
      return { dirtyForms };
    }),
  setStorage: (storage) => set({ storage }),
}));
