import * as customerio from 'customerio-node';
import { APIClient as CioApi, RegionEU, SendEmailRequest, SendPushRequest, TrackClient as Tracker } from 'customerio-node';

interface Account {
  id: string;
  email: string;
  plan: 'free' | 'pro' | 'team';
  createdAt: Date;
  trialEndsAt?: Date;
  seats: number;
}

/** Customer.io behind one class: clients in fields, reached through `this`. */
export class CustomerMessaging {
  private readonly track: Tracker;
  private readonly api: CioApi;
  private readonly legacy = new customerio.TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_KEY!);

  constructor(siteId: string, trackKey: string, appKey: string) {
    this.track = new Tracker(siteId, trackKey, { region: RegionEU });
    this.api = new CioApi(appKey, { region: RegionEU });
  }

  async upsert(account: Account): Promise<void> {
    await this.track.identify(account.id, {
      email: account.email,
      plan: account.plan,
      seats: account.seats,
      created_at: Math.floor(account.createdAt.getTime() / 1000),
      trial_ends_at: account.trialEndsAt ? account.trialEndsAt.getTime() : null,
    });
  }

  async upgraded(account: Account, from: string): Promise<void> {
    await this.track.track(account.id, {
      name: 'plan_upgraded',
      data: { from, to: account.plan, seats: account.seats },
      timestamp: Date.now(),
    });
  }

  trialReminder(account: Account): Promise<unknown> {
    const request = new SendEmailRequest({
      to: account.email,
      transactional_message_id: 'trial_reminder',
      identifiers: { id: account.id },
      message_data: { plan: account.plan },
      send_at: account.trialEndsAt ? Math.floor(account.trialEndsAt.getTime() / 1000) - 86_400 : undefined,
    });
    return this.api.sendEmail(request);
  }

  pushReceipt(account: Account, total: number) {
    return this.api
      .sendPush(
        new SendPushRequest({
          transactional_message_id: 'receipt_push',
          identifiers: { id: account.id },
          message_data: { total },
        }),
      )
      .then((response) => response)
      .catch((error: unknown) => console.warn('push failed', error));
  }

  async remove(accountId: string): Promise<void> {
    await this.track.destroy(accountId);
    this.legacy.suppress(accountId);
  }

  async merge(primary: string, secondary: string): Promise<void> {
    await this.track.mergeCustomers('id', primary, 'id', secondary);
  }

  async seenDevice(accountId: string, deviceId: string, platform: 'ios' | 'android'): Promise<void> {
    await this.track.addDevice(accountId, deviceId, platform, { last_used: Date.now() });
  }
}

export const messaging = new CustomerMessaging(
  process.env.CIO_SITE_ID ?? '',
  process.env.CIO_TRACK_KEY ?? '',
  process.env.CIO_APP_KEY ?? '',
);
