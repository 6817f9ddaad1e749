/**
 * One reader's SSE stream in the hub: how bytes reach its socket, live (one shared Buffer
 * per broadcast, dropped when it stops keeping up) and while catching up (its backlog in
 * pieces, each written once the socket has taken the last).
 */
import { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import { endTaken, LAST_CHUNK, takeSocket } from './take-socket.js';

/** A live reader whose unsent bytes pass this is too slow: dropped, it resumes by id when it can. */
export const MAX_BUFFERED_BYTES = 64 * 1024;

/** A frame's bytes as they are (`sse`) and as one HTTP/1.1 chunk (`chunk`). */
export interface Bytes {
  seq: number;
  sse: Buffer;
  chunk: Buffer;
}

/**
 * Bytes go straight to the socket, taken from node:http once the head is written
 * (take-socket.ts, the usual case): the frames are chunked once per event (Frame.chunk),
 * so a broadcast is one write of one shared Buffer per reader, without node:http's
 * per-write framing, corking and three-part writev, and the reader costs no more than its
 * socket. When node:http keeps the connection (a pipelined request), bytes go through the
 * response.
 */
export class Subscriber {
  /** Where the bytes go: the taken socket, or the response. */
  readonly out: Socket | ServerResponse;
  /** True when `out` is the socket of a chunked response: write Frame.chunk, else Frame.sse. */
  readonly chunked: boolean;
  /** The last seq written to this reader. */
  sent: number;
  /** While true the reader is being sent its backlog; live broadcasts skip it. */
  catchingUp = true;

  /** `res` has its head written. */
  constructor(res: ServerResponse, sent: number) {
    const socket = takeSocket(res);
    this.out = socket ?? res;
    this.chunked = socket !== null && res.chunkedEncoding;
    this.sent = sent;
  }

  /** Closed, or ended by the hub (shutdown): nothing more may be written, not even backlog. */
  get gone(): boolean {
    return this.out.destroyed || this.out.writableEnded;
  }

  /** Ends the stream and its connection: the reader resumes by id, elsewhere if this server is going away. */
  end(): void {
    if (this.gone) return;
    if (this.out instanceof ServerResponse) {
      const socket = this.out.socket;
      this.out.end(() => socket?.end());
    } else endTaken(this.out, this.chunked ? LAST_CHUNK : undefined);
  }

  bytes(f: { sse: Buffer; chunk: Buffer }): Buffer {
    return this.chunked ? f.chunk : f.sse;
  }

  /**
   * A live frame (or frames joined): written unless already sent; a reader still holding
   * more than MAX_BUFFERED_BYTES unsent is not reading, and is dropped instead (it resumes
   * from `sent` when it reconnects).
   */
  write(f: Bytes): void {
    if (f.seq <= this.sent || this.out.destroyed) return;
    if (this.out.writableLength > MAX_BUFFERED_BYTES) {
      this.out.destroy();
      return;
    }
    this.out.write(this.bytes(f));
    this.sent = f.seq;
  }

  /**
   * Backlog frames, in order: each written only once the socket took the previous ones
   * (below its high-water mark), so what the server holds for this reader stays at most
   * the mark plus one frame however long the backlog. False when the reader went away or
   * took nothing for `drainTimeoutMs` (it stopped reading: the caller drops it).
   */
  async sendBacklog(frames: readonly Bytes[], drainTimeoutMs: number): Promise<boolean> {
    for (const f of frames) {
      if (this.gone) return false;
      if (f.seq <= this.sent) continue;
      const more = this.out.write(this.bytes(f));
      this.sent = f.seq;
      if (!more && !(await drained(this.out, drainTimeoutMs))) return false;
    }
    return !this.gone;
  }
}

/** Resolves true on 'drain'; false when `out` closes first or `ms` pass without it. */
function drained(out: Writable, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      out.off('drain', onDrain);
      out.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    const timer = setTimeout(() => done(false), ms);
    out.on('drain', onDrain);
    out.on('close', onClose);
  });
}
