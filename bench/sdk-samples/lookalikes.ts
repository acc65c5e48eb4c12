import Mixpanel from 'mixpanel';
import { PostHog } from 'posthog-node';

// Other analytics libraries with the same method names: nothing here is a Customer.io call.
const mixpanel = Mixpanel.init(process.env.MIXPANEL_TOKEN!);
const posthog = new PostHog(process.env.POSTHOG_KEY!, { host: 'https://eu.posthog.com' });

const tracker = {
  track(id: string, payload: { name: string; timestamp?: number }) {
    return Promise.resolve({ id, ...payload });
  },
  identify(id: string, traits: Record<string, unknown>) {
    return Promise.resolve({ id, traits });
  },
};

export async function record(userId: string, email: string): Promise<void> {
  mixpanel.track('signed_up', { distinct_id: userId, time: Date.now() });
  posthog.capture({ distinctId: email, event: `page_${userId}`, timestamp: new Date() });
  tracker.track(userId, { name: 'anything', timestamp: Date.now() });
  await tracker.identify(email, { email, created_at: Date.now() });
  await posthog.shutdown();
}

export function timings(): Record<string, number> {
  const start = Date.now();
  const values = Array.from({ length: 32 }, (_, i) => i * 2);
  return { took: Date.now() - start, sum: values.reduce((a, b) => a + b, 0) };
}
