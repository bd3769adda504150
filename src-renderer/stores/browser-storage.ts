import type { StateStorage } from 'zustand/middleware';

/** localStorage when the browser allows it, else null (storage disabled by policy, or Node in tests). */
function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // reading the property itself throws when storage is disabled
  }
}

/**
 * localStorage for zustand's persist middleware that never throws: unavailable, full or
 * disabled storage only means the state is not remembered across reloads. (Persist calls
 * setItem inside every state change, so a throw there would break typing.)
 */
export const forgivingLocalStorage: StateStorage = {
  getItem: (name) => {
    try {
      return safeLocalStorage()?.getItem(name) ?? null;
    } catch {
      return null;
    }
  },
  setItem: (name, value) => {
    try {
      safeLocalStorage()?.setItem(name, value);
    } catch {
      // Quota exceeded or storage disabled: keep the state in memory only.
    }
  },
  removeItem: (name) => {
    try {
      safeLocalStorage()?.removeItem(name);
    } catch {
      // As above.
    }
  },
};
