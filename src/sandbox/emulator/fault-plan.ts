import { catalogueEntry } from './error-catalogue.ts';
import type { Fault } from './emulator-types.ts';

/** A fault that matched a send, resolved to how it shows. */
export type FaultOutcome =
  | { kind: 'timeout' }
  | { kind: 'http500' }
  | { kind: 'immediate'; code: number }
  | { kind: 'status'; code: number };

interface Armed {
  fault: Fault;
  remaining: number;
  to?: string;
}

/** Scripted failures, consumed by the /messages calls they match, in the order they were injected. */
export class FaultPlan {
  private faults: Armed[] = [];

  add(f: Fault): void {
    const times = f.times ?? 1;
    if (!(times > 0)) throw new Error('fault times must be positive');
    this.faults.push({ fault: f, remaining: times, to: f.to === undefined ? undefined : recipientKey(f.to) });
  }

  clear(): void {
    this.faults = [];
  }

  /** The outcome of the first fault matching this send (recipients: wa_id and/or BSUID), consuming one of its times. */
  take(phoneNumberId: string, recipients: (string | undefined)[]): FaultOutcome | undefined {
    const armed = this.faults.find(
      (a) => (!a.fault.phoneNumberId || a.fault.phoneNumberId === phoneNumberId) && (!a.to || recipients.includes(a.to)),
    );
    if (!armed) return undefined;
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.faults = this.faults.filter((a) => a !== armed);
    const { code } = armed.fault;
    if (code === 'timeout') return { kind: 'timeout' };
    if (code === 'http500' || code === 500) return { kind: 'http500' };
    const delivery = armed.fault.delivery ?? (catalogueEntry(code).asynchronous ? 'status' : 'immediate');
    return { kind: delivery, code };
  }
}

// A phone number in any format compares as its digits; a BSUID compares as it is.
function recipientKey(to: string): string {
  return /^[+\d\s\-().]+$/.test(to) ? to.replace(/\D/g, '') : to;
}
