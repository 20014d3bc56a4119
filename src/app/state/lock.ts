import { create } from 'zustand';

/** Whether the app is locked behind the PIN (UI state; the PIN hash itself lives in Dexie). */
interface LockState {
  locked: boolean;
  setLocked(locked: boolean): void;
}

export const useLock = create<LockState>((set) => ({
  locked: false,
  setLocked: (locked) => set({ locked }),
}));
