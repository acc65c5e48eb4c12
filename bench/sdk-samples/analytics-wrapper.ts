import * as cioSdk from 'customerio-node';

const client = new cioSdk.TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_KEY!, {
  region: cioSdk.RegionUS,
});

export type Props = Record<string, string | number | boolean | undefined>;

export const Tracking = {
  person(id: string, attributes: Props & { email?: string }) {
    return client.identify(id, attributes);
  },
  event(id: string, name: string, data: Props = {}) {
    return client.track(id, { name, data });
  },
  anonymous(anonymousId: string, name: string, data: Props = {}) {
    return client.trackAnonymous(anonymousId, { name, data });
  },
};

export async function onboardingStep(userId: string, step: number, total: number): Promise<void> {
  await Tracking.event(userId, 'onboarding_step_completed', { step, total, done: step === total });
  if (step === total) {
    await client.track(userId, { name: 'onboarding_completed', data: { steps: total } });
  }
}

export function later(userId: string) {
  return new Promise<void>((resolve) => {
    setTimeout(() => {
      client
        .track(userId, { name: 'reminder_due', timestamp: Math.floor(Date.now() / 1000) + 3600 })
        .then(() => resolve())
        .catch(() => resolve());
    }, 10);
  });
}

export function blockingStartup(): void {
  // Synchronous wait on a network call at import time.
  const done = client.identify('system', { booted_at: Math.floor(Date.now() / 1000) });
  void done;
}
