import { create } from 'zustand';
import type { AnswerValue } from '../../../shared/hearing-sheet';
import type { InputOf, OperationName, ResultOf } from '../../../shared/api';
import type { InquiryDetail, QueueResult } from '../../../shared/ops/desk';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';
import { Autosaver, pendingFromStorage, type SaveState } from './autosave';

interface DeskState {
  queue: QueueResult | null;
  queueError: ApiError | null;
  loadingQueue: boolean;
  detail: InquiryDetail | null;
  detailError: ApiError | null;
  save: SaveState;
  /** What the desk is about to record as its phone answer (kept while the page is open). */
  answerDraft: string;
  /** The last operation's error on the inquiry page, and which action it belongs to. */
  actionError: { action: string; error: ApiError } | null;
  busy: string | null;
  loadQueue: (customerId: string | null, view: 'active' | 'done' | 'all') => Promise<void>;
  open: (inquiryId: string) => Promise<void>;
  refresh: () => Promise<void>;
  setAnswer: (questionId: string, value: AnswerValue | null) => void;
  flush: () => Promise<void>;
  close: () => void;
  setAnswerDraft: (text: string) => void;
  appendToDraft: (text: string) => void;
  /** Runs an operation for the open inquiry; replaces the detail when it returns one. */
  act: <K extends OperationName>(
    action: string,
    name: K,
    input: InputOf<K>,
  ) => Promise<ResultOf<K> | null>;
  clearActionError: () => void;
}

let saver: Autosaver | null = null;
let latestQueue = 0;

const isDetail = (v: unknown): v is InquiryDetail =>
  typeof v === 'object' && v !== null && 'inquiry' in v && 'template' in v;

export const useDesk = create<DeskState>((set, get) => ({
  queue: null,
  queueError: null,
  loadingQueue: false,
  detail: null,
  detailError: null,
  save: { status: 'idle', savedAt: null, error: null },
  answerDraft: '',
  actionError: null,
  busy: null,
  loadQueue: async (customerId, view) => {
    const request = ++latestQueue;
    set({ loadingQueue: true });
    const r = await call('desk.queue', { customerId, view });
    if (request !== latestQueue) return;
    if (!r.ok) return set({ loadingQueue: false, queueError: r.error });
    set({ loadingQueue: false, queueError: null, queue: r.value });
  },
  open: async (inquiryId) => {
    if (saver?.inquiryId !== inquiryId) {
      await saver?.flush();
      saver?.dispose();
      saver = new Autosaver(inquiryId, (s) => set((st) => ({ save: { ...st.save, ...s } })));
      set({
        detail: null,
        answerDraft: '',
        actionError: null,
        save: { status: 'idle', savedAt: null, error: null },
      });
    }
    const r = await call('desk.get', { inquiryId });
    if (!r.ok) return set({ detailError: r.error });
    // Changes typed before a reload that the main process has not confirmed: shown and sent again.
    const unsaved = pendingFromStorage(inquiryId);
    const answers = { ...r.value.inquiry.answers };
    for (const [k, v] of Object.entries(unsaved)) {
      if (v === null) delete answers[k];
      else answers[k] = v;
    }
    set({
      detailError: null,
      detail: { ...r.value, inquiry: { ...r.value.inquiry, answers } },
      save: { status: 'idle', savedAt: r.value.inquiry.answersSavedAt, error: null },
    });
    if (saver?.hasPending()) void saver.flush();
  },
  refresh: async () => {
    const id = get().detail?.inquiry.id;
    if (!id) return;
    await saver?.flush();
    await get().open(id);
  },
  setAnswer: (questionId, value) => {
    const d = get().detail;
    if (!d || !saver) return;
    const answers = { ...d.inquiry.answers };
    if (value === null) delete answers[questionId];
    else answers[questionId] = value;
    set({ detail: { ...d, inquiry: { ...d.inquiry, answers } } });
    saver.change(questionId, value);
  },
  flush: async () => {
    await saver?.flush();
  },
  close: () => {
    void saver?.flush();
  },
  setAnswerDraft: (text) => set({ answerDraft: text }),
  appendToDraft: (text) =>
    set((s) => ({ answerDraft: s.answerDraft ? `${s.answerDraft}\n\n${text}` : text })),
  act: async (action, name, input) => {
    set({ busy: action, actionError: null });
    // Anything typed goes first, so the step works on what the screen shows.
    await saver?.flush();
    const r = await call(name, input);
    if (!r.ok) {
      set({ busy: null, actionError: { action, error: r.error } });
      return null;
    }
    set({ busy: null });
    if (isDetail(r.value)) set({ detail: r.value });
    else await get().refresh();
    return r.value;
  },
  clearActionError: () => set({ actionError: null }),
}));

/** Flush on the way out: hiding the tab, closing or reloading it. */
export function flushOnLeave(): () => void {
  const flush = () => void saver?.flush();
  const onHide = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHide);
  };
}
