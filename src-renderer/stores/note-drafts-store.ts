import { validate as isUuid, version as uuidVersion, v7 as uuidv7 } from 'uuid';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { forgivingLocalStorage } from './browser-storage';

/** The add-note box of one account. */
export interface NewNoteDraft {
  text: string;
  /**
   * The id of a save that has not been confirmed (its answer was lost, or the app closed while
   * saving). Saving again reuses it, so main stores the note at most once; a fresh id is made only
   * after a save succeeded.
   */
  pendingId: string | null;
}

interface PersistedDrafts {
  /** By account id. */
  drafts: Record<string, NewNoteDraft>;
  /** Text of stored notes being edited, by note id. */
  edits: Record<string, string>;
}

export interface NoteDraftsState extends PersistedDrafts {
  setDraft: (accountId: string, text: string) => void;
  /** The id to save the account's draft under: the pending one, else a new UUIDv7 kept with the draft. */
  pendingIdFor: (accountId: string) => string;
  /** The save with `id` of `body` succeeded: forget the id, and the text unless more was typed meanwhile. */
  settleDraft: (accountId: string, id: string, body: string) => void;
  /** Main will never store a note under `id` again (it was deleted): the next save gets a fresh id. */
  dropPendingId: (accountId: string, id: string) => void;
  setEdit: (noteId: string, text: string) => void;
  endEdit: (noteId: string) => void;
}

export const NOTE_DRAFTS_STORAGE_KEY = 'csm.noteDrafts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A UUIDv7 as main accepts it (lower case). */
const isClientId = (value: unknown): value is string =>
  typeof value === 'string' && value === value.toLowerCase() && isUuid(value) && uuidVersion(value) === 7;

/**
 * What was read back from storage, keeping only well-formed entries: storage another version
 * wrote, or that someone edited by hand, must never crash the panel or send a malformed id.
 */
export function sanitizePersistedDrafts(value: unknown): PersistedDrafts {
  const drafts: Record<string, NewNoteDraft> = {};
  const edits: Record<string, string> = {};
  if (!isRecord(value)) return { drafts, edits };
  if (isRecord(value.drafts)) {
    for (const [accountId, draft] of Object.entries(value.drafts)) {
      if (isRecord(draft) && typeof draft.text === 'string') {
        drafts[accountId] = { text: draft.text, pendingId: isClientId(draft.pendingId) ? draft.pendingId : null };
      }
    }
  }
  if (isRecord(value.edits)) {
    for (const [noteId, text] of Object.entries(value.edits)) {
      if (typeof text === 'string') edits[noteId] = text;
    }
  }
  return { drafts, edits };
}

/** Unsaved note text (new notes with their pending ids, edits in progress), kept across reloads. */
export const useNoteDraftsStore = create<NoteDraftsState>()(
  persist(
    (set, get) => ({
      drafts: {},
      edits: {},

      setDraft: (accountId, text) =>
        set((s) => {
          const pendingId = s.drafts[accountId]?.pendingId ?? null;
          const drafts = { ...s.drafts };
          // An emptied box with no save in flight is no draft at all.
          if (text === '' && pendingId === null) delete drafts[accountId];
          else drafts[accountId] = { text, pendingId };
          return { drafts };
        }),

      pendingIdFor: (accountId) => {
        const draft = get().drafts[accountId];
        if (draft?.pendingId) return draft.pendingId;
        const id = uuidv7();
        set((s) => ({ drafts: { ...s.drafts, [accountId]: { text: draft?.text ?? '', pendingId: id } } }));
        return id;
      },

      settleDraft: (accountId, id, body) =>
        set((s) => {
          const draft = s.drafts[accountId];
          if (!draft || draft.pendingId !== id) return {};
          const drafts = { ...s.drafts };
          // The box stays editable while saving: keep anything typed after Save was pressed.
          if (draft.text === body) delete drafts[accountId];
          else drafts[accountId] = { text: draft.text, pendingId: null };
          return { drafts };
        }),

      dropPendingId: (accountId, id) =>
        set((s) => {
          const draft = s.drafts[accountId];
          return draft?.pendingId === id ? { drafts: { ...s.drafts, [accountId]: { text: draft.text, pendingId: null } } } : {};
        }),

      setEdit: (noteId, text) => set((s) => ({ edits: { ...s.edits, [noteId]: text } })),

      endEdit: (noteId) =>
        set((s) => {
          if (!(noteId in s.edits)) return {};
          const edits = { ...s.edits };
          delete edits[noteId];
          return { edits };
        }),
    }),
    {
      name: NOTE_DRAFTS_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => forgivingLocalStorage),
      partialize: (s): PersistedDrafts => ({ drafts: s.drafts, edits: s.edits }),
      // Whatever another version stored is checked entry by entry rather than dropped.
      migrate: (persisted) => sanitizePersistedDrafts(persisted),
      merge: (persisted, current) => ({ ...current, ...sanitizePersistedDrafts(persisted) }),
    },
  ),
);

// Another tab of the web shell wrote its drafts: take them in before this tab writes the whole
// entry again, so a draft typed there is not overwritten by this tab's older copy.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === NOTE_DRAFTS_STORAGE_KEY) void useNoteDraftsStore.persist.rehydrate();
  });
}
