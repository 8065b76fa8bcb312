import type { FakeContext } from './context';
import { gasError, MESSAGES } from './errors';

type Api = GoogleAppsScript.Lock.Lock;
type Implemented = 'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock';

export type LockKind = 'document' | 'script' | 'user';

/** Who holds one of the three locks: nobody, this execution, or another execution (until `releaseAt`, if set). */
export class LockState {
  holder: 'none' | 'us' | 'elsewhere' = 'none';
  releaseAt: number | null = null;
  constructor(readonly kind: LockKind) {}
}

export interface FakeLock extends Omit<Api, Implemented> {}
export class FakeLock implements Pick<Api, Implemented> {
  constructor(
    private readonly ctx: FakeContext,
    private readonly state: LockState,
  ) {}

  private rec(method: string): void {
    this.ctx.calls.record(`Lock.${method}`);
  }

  private acquire(timeoutInMillis: number, method: string): boolean {
    if (typeof timeoutInMillis !== 'number' || Number.isNaN(timeoutInMillis)) {
      throw gasError(MESSAGES.signature(typeof timeoutInMillis, `LockService.Lock.${method}`));
    }
    const s = this.state;
    if (s.holder === 'us') return true;
    if (s.holder === 'elsewhere') {
      const now = this.ctx.clock.nowMs();
      if (s.releaseAt !== null && s.releaseAt <= now + Math.max(0, timeoutInMillis)) {
        this.ctx.clock.advanceTo(s.releaseAt);
      } else {
        // We waited the whole timeout in vain.
        this.ctx.clock.advance(Math.max(0, timeoutInMillis));
        return false;
      }
    }
    s.holder = 'us';
    s.releaseAt = null;
    return true;
  }

  hasLock(): boolean {
    this.rec('hasLock');
    return this.state.holder === 'us';
  }
  releaseLock(): void {
    this.rec('releaseLock');
    if (this.state.holder === 'us') this.state.holder = 'none';
  }
  tryLock(timeoutInMillis: number): boolean {
    this.rec('tryLock');
    return this.acquire(timeoutInMillis, 'tryLock');
  }
  waitLock(timeoutInMillis: number): void {
    this.rec('waitLock');
    if (!this.acquire(timeoutInMillis, 'waitLock')) throw gasError(MESSAGES.lockTimeout);
  }
}

type ServiceApi = GoogleAppsScript.Lock.LockService;
type ServiceImplemented = 'getDocumentLock' | 'getScriptLock' | 'getUserLock';

export interface FakeLockService extends Omit<ServiceApi, ServiceImplemented> {}
export class FakeLockService implements Pick<ServiceApi, ServiceImplemented> {
  readonly states: Record<LockKind, LockState> = {
    document: new LockState('document'),
    script: new LockState('script'),
    user: new LockState('user'),
  };

  constructor(private readonly ctx: FakeContext) {}

  private get(method: string, kind: LockKind): FakeLock {
    this.ctx.calls.record(`LockService.${method}`);
    this.ctx.require(`LockService.${method}`, 'storage');
    return new FakeLock(this.ctx, this.states[kind]);
  }
  /**
   * Null "if this method is called outside of the context of a containing document" (reference): in a time-driven
   * trigger's execution that has no document (an add-on's; see ClockTriggerContext).
   */
  getDocumentLock(): FakeLock {
    const lock = this.get('getDocumentLock', 'document');
    return (this.ctx.reaches('documentLock') ? lock : null) as FakeLock;
  }
  getScriptLock(): FakeLock {
    return this.get('getScriptLock', 'script');
  }
  getUserLock(): FakeLock {
    return this.get('getUserLock', 'user');
  }
}

/** Test controls: another execution takes or drops a lock behind the script's back. */
export class LockControl {
  constructor(
    private readonly ctx: FakeContext,
    private readonly service: FakeLockService,
  ) {}
  /** Another execution holds the lock (forever, or for `releaseAfterMs` of fake time). */
  holdLockElsewhere(kind: LockKind = 'document', options: { releaseAfterMs?: number } = {}): void {
    const s = this.service.states[kind];
    s.holder = 'elsewhere';
    s.releaseAt = options.releaseAfterMs === undefined ? null : this.ctx.clock.nowMs() + options.releaseAfterMs;
  }
  releaseElsewhere(kind: LockKind = 'document'): void {
    const s = this.service.states[kind];
    if (s.holder === 'elsewhere') s.holder = 'none';
    s.releaseAt = null;
  }
  /** The end of the execution: Apps Script releases every lock the script forgot. Returns the ones it held. */
  endExecution(): LockKind[] {
    this.ctx.killed = null;
    const held: LockKind[] = [];
    for (const s of Object.values(this.service.states)) {
      if (s.holder === 'us') {
        held.push(s.kind);
        s.holder = 'none';
      }
    }
    return held;
  }
  holder(kind: LockKind): 'none' | 'us' | 'elsewhere' {
    return this.service.states[kind].holder;
  }
}
