import { createStore } from './store';

/** A demo staff card fills the password form (sandbox builds only); nothing is persisted. */
export const staffLoginPrefill = createStore<{ username: string; password: string } | null>(null);
