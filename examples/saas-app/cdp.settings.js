/**
 * What eslint-plugin-cdp cannot see from one file alone: which of this app's modules export SDK
 * clients, and which of its helpers stand for an SDK call. With these settings, `cio.track(...)`
 * in a route that imports `cio` from `../lib/cio.js` is checked like a call on the client itself.
 */
export const cdpSettings = {
  // The workspace is in the EU.
  region: 'EU',
  clients: {
    './lib/cio': { cio: 'TrackClient', api: 'APIClient' },
    './lib/analytics': { analytics: 'Analytics' },
    './lib/klaviyo': { events: 'EventsApi', profiles: 'ProfilesApi' },
  },
  // trackEvent(personId, name, data) calls cio.track(personId, { name, data }).
  wrappers: [{ name: 'trackEvent', calls: 'TrackClient.track', args: ['0', '1.name', '1.data'] }],
};
