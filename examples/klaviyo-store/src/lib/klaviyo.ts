import { ApiKeySession, EventsApi, ListsApi, ProfilesApi } from 'klaviyo-api';
import { config } from '../config.js';

/** One session and one client per resource, built once when the module loads. */
const session = new ApiKeySession(config.klaviyoPrivateKey);

export const events = new EventsApi(session);
export const profiles = new ProfilesApi(session);
export const lists = new ListsApi(session);
