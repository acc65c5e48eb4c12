import { APIClient, RegionEU, TrackClient } from 'customerio-node';
import { config } from '../config.js';

/**
 * The Customer.io clients, built once at module scope and shared by every route.
 * Keys come from the environment, the region is explicit (this workspace is in the EU),
 * and each client gets the key made for it: site id + Track API key for `TrackClient`,
 * the App API key for `APIClient`.
 */
export const cio = new TrackClient(config.customerio.siteId, config.customerio.trackApiKey, {
  region: RegionEU,
});

export const api = new APIClient(config.customerio.appApiKey, { region: RegionEU });

/** The app's own helper around `cio.track`, declared in `settings.cdp.wrappers`. */
export function trackEvent(personId: string, name: string, data: Record<string, unknown> = {}) {
  return cio.track(personId, { name, data });
}
