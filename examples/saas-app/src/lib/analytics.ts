import { Analytics } from '@customerio/cdp-analytics-node';
import { config } from '../config.js';
import { logger } from '../db.js';

/**
 * The Data Pipelines client for the long-running server. It queues events and sends them in
 * batches; the EU workspace needs the EU host, and delivery failures (an invalid write key is a 401)
 * only surface through the `error` event.
 */
export const analytics = new Analytics({
  writeKey: config.customerio.writeKey,
  host: 'https://cdp-eu.customer.io',
});

analytics.on('error', (error) => {
  logger.error({ error }, 'Data Pipelines delivery failed');
});
