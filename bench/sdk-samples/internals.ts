import { APIClient, TrackClient } from 'customerio-node';
import { EventsApi, ApiKeySession } from 'klaviyo-api';

const cio = new TrackClient(process.env.SITE_ID!, process.env.TRACK_KEY!);
const api = new APIClient(process.env.APP_KEY!);
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_KEY!));

export async function rawRequest(path: string, body: unknown) {
  // Reaching into the transport: breaks on any minor release of the SDK.
  return cio.request.post(`${cio.trackRoot}${path}`, body);
}

export function debugInfo() {
  return { api: api.apiRoot, defaults: cio.defaults, headers: events._defaultHeaders };
}

export async function sendSms(to: string, personId: string) {
  return api.sendSMS({ to, transactional_message_id: 'otp', identifiers: { id: personId } } as never);
}

export async function batch(ids: string[]) {
  const results = await Promise.allSettled(ids.map((id) => cio.track(id, { name: 'batched' })));
  return results.filter((result) => result.status === 'rejected').length;
}
