import { Analytics } from '@customerio/cdp-analytics-node';

const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY!, host: 'https://cdp-eu.customer.io' });

analytics.on('error', (error) => {
  console.error('delivery failed', error);
});

type Traits = Record<string, string | number | boolean | null>;

export function identifyUser(userId: string, traits: Traits): void {
  analytics.identify({ userId, traits: { ...traits, updated_at: new Date().toISOString() } });
}

export function pageView(userId: string | undefined, anonymousId: string, path: string, title: string): void {
  analytics.page({
    userId,
    anonymousId,
    name: title,
    properties: { path, url: `https://app.example.com${path}` },
    timestamp: new Date(),
  });
}

export function checkoutStarted(userId: string, cartId: string, value: number, currency = 'EUR'): void {
  analytics.track({
    userId,
    event: 'Checkout Started',
    properties: { cart_id: cartId, value, currency },
  });
}

export function featureUsed(userId: string, feature: string): void {
  // a name built from data: one event type per feature
  analytics.track({ userId, event: `${feature} Used`, properties: { feature } });
}

export function joinedTeam(userId: string, teamId: string, teamName: string): void {
  analytics.group({ userId, groupId: teamId, traits: { name: teamName, joined_at: Date.now() } });
}

export function linkAnonymous(previousId: string, userId: string): void {
  analytics.alias({ previousId, userId });
}

export async function shutdown(): Promise<void> {
  await analytics.closeAndFlush({ timeout: 5_000 });
}

process.once('SIGTERM', () => {
  void shutdown().then(() => process.exit(0));
});
