import { Analytics } from '@segment/analytics-node';

/** One Segment client for the long-running server; delivery errors are logged, not lost. */
export const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY! });

analytics.on('error', (error) => {
  console.error('segment delivery failed', error);
});
