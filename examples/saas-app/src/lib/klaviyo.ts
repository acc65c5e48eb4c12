import { ApiKeySession, EventsApi, ProfilesApi } from 'klaviyo-api';

// wrong: a private key as a fallback is a private key in the repository
const KLAVIYO_PRIVATE_KEY = process.env.KLAVIYO_PRIVATE_API_KEY ?? 'pk_EXAMPLEexampleEXAMPLEexample000000';

/** Klaviyo clients, built once: one session, one client per resource. */
const session = new ApiKeySession(KLAVIYO_PRIVATE_KEY);

export const events = new EventsApi(session);
export const profiles = new ProfilesApi(session);
