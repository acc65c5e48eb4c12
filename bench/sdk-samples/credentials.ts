import { APIClient, TrackClient } from 'customerio-node';
import { Analytics } from '@customerio/cdp-analytics-node';
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';

const env = process.env;

// A key pasted for a quick test and never removed.
export const analytics = new Analytics({ writeKey: 'wk_3f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c' });
analytics.on('error', (error) => console.error(error));

// The App API key where the Track API key goes.
export const tracker = new TrackClient(env.CUSTOMERIO_SITE_ID!, env.CUSTOMERIO_APP_API_KEY!);

export const api = new APIClient(env.CUSTOMERIO_APP_API_KEY ?? '', {});

// A public key (six characters) where the private key goes.
export const profiles = new ProfilesApi(new ApiKeySession(env.KLAVIYO_PUBLIC_KEY ?? 'AbC123'));

export function clientFor(tenant: { siteId: string; trackKey: string }) {
  return new TrackClient(tenant.siteId, tenant.trackKey);
}

export const settings = {
  customerio: { siteId: env.CUSTOMERIO_SITE_ID, trackKey: env.CUSTOMERIO_TRACK_KEY },
  klaviyo: { privateKey: env.KLAVIYO_PRIVATE_KEY },
};
