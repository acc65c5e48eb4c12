import { PostHog } from 'posthog-node';

// The project key (phc_…) is public by design: it only lets a client send events.
export const posthog = new PostHog('phc_EXAMPLEexampleEXAMPLEexampleEXAMPLEexample1', {
  host: 'https://eu.i.posthog.com',
  // wrong: a personal API key can read and change the whole PostHog organisation
  personalApiKey: 'phx_EXAMPLEexampleEXAMPLEexampleEXAMPLEexample1',
});
