/** What every part of the newsroom app needs: who is signed in, the API client, navigation. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api.js';
import type { Me, Role } from './types.js';

export interface AppContext {
  me: Me;
  api: Api;
  /** Client-side navigation to a newsroom path. */
  navigate: (href: string) => void;
}

export const App = createContext<AppContext | null>(null);

export function useApp(): AppContext {
  const ctx = useContext(App);
  if (!ctx) throw new Error('useApp outside the newsroom app');
  return ctx;
}

const RANK: Record<Role, number> = { contributor: 1, editor: 2, admin: 3 };
/** True when `role` is at least `needed` (the server decides; this only hides what would fail). */
export const atLeast = (role: Role, needed: Role) => RANK[role] >= RANK[needed];
