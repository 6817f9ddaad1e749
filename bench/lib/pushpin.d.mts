/** Types for pushpin.mjs, which the tests import. */
import type { ChildProcess } from 'node:child_process';
export const PUSHPIN: string;
export function hasPushpin(): boolean;
export interface Pushpin {
  child: ChildProcess;
  httpPort: number;
  publishPort: number;
  publishUrl: string;
}
export function startPushpin(opts: {
  dir: string;
  routes: string[];
  sigKey: string;
  startChild: (cmd: string, args: string[], o: { env: NodeJS.ProcessEnv; logFile: string; name: string }) => ChildProcess;
  freePort: () => Promise<number>;
  messageRate?: number;
  maxConn?: number;
  name?: string;
}): Promise<Pushpin>;
