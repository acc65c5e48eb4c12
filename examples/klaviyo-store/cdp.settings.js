/**
 * Which of this store's modules export Klaviyo clients: with it, `events.createEvent(...)` in a
 * route that imports `events` from `../lib/klaviyo.js` is checked like a call on the client itself.
 */
export const cdpSettings = {
  clients: {
    './lib/klaviyo': { events: 'EventsApi', profiles: 'ProfilesApi', lists: 'ListsApi' },
  },
};
