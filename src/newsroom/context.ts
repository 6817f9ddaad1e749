/** What every part of the newsroom app needs: who is signed in, the API client, navigation. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api.js';
import type { Me } from './types.js';

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

export { atLeast } from './constants.js';
