/** Which of this app's modules export analytics clients, so that calls on them are checked too. */
export const cdpSettings = {
  clients: {
    './lib/segment': { analytics: 'Analytics' },
    './lib/posthog': { posthog: 'PostHog' },
  },
};
