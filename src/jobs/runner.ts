import type { AppDeps } from '../app-deps.ts';
import type { Logger } from '../log.ts';

export interface Loop {
  name: string;
  /** One unit of work; returns true when it did something (run again at once), false when idle. */
  tick(): Promise<boolean>;
  /** How long to wait when idle before looking again (work from other processes is found this way). */
  idleMs: number;
  /** Parallel copies of this loop in one process. */
  concurrency?: number;
}

/**
 * Runs the background loops of one process. `wake()` cuts every idle wait short; `stop()` lets the
 * work in hand finish and resolves when all loops have returned.
 */
export class Runner {
  private stopping = false;
  private readonly wakers = new Set<() => void>();
  private readonly running: Promise<void>[] = [];

  constructor(private readonly log: Logger) {}

  wake = (): void => {
    for (const w of [...this.wakers]) w();
  };

  start(loops: Loop[]): void {
    for (const loop of loops) {
      for (let i = 0; i < (loop.concurrency ?? 1); i++) this.running.push(this.run(loop));
    }
  }

  private async run(loop: Loop): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let busy = false;
      try {
        busy = await loop.tick();
        failures = 0;
      } catch (e) {
        failures++;
        this.log.error({ err: e, loop: loop.name }, 'background loop failed; retrying');
      }
      if (busy && !this.stopping) continue;
      await this.sleep(failures ? Math.min(30_000, 500 * 2 ** failures) : loop.idleMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.wakers.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await Promise.all(this.running);
  }
}

export type { AppDeps };
