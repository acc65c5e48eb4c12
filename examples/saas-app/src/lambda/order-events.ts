import { Analytics } from '@customerio/cdp-analytics-node';
import type { SQSEvent } from 'aws-lambda';
import { analytics as sharedAnalytics } from '../lib/analytics.js';

interface OrderMessage {
  orderId: string;
  userId: string;
  customerEmail: string;
  total: number;
  completedAt: string;
}

// Order events from the queue, sent to Data Pipelines.
// wrong: no closeAndFlush(); Lambda freezes the process with events still queued
export const handler = async (event: SQSEvent): Promise<void> => {
  for (const record of event.Records) {
    const order = JSON.parse(record.body) as OrderMessage;

    sharedAnalytics.identify({
      userId: order.customerEmail, // wrong: the email as the person id
      traits: { email: order.customerEmail },
    });
    sharedAnalytics.track({
      userId: order.userId,
      event: 'Order Completed',
      properties: { order_id: order.orderId, total: order.total },
      timestamp: Date.now(), // wrong: Data Pipelines wants a Date or an ISO string
    });
  }
};

// The correct shape for serverless: a client per invocation, flushed before returning.
export const refundHandler = async (event: SQSEvent): Promise<void> => {
  const analytics = new Analytics({
    writeKey: process.env.CUSTOMERIO_WRITE_KEY!,
    host: 'https://cdp-eu.customer.io',
  });
  analytics.on('error', (error) => console.error('Data Pipelines delivery failed', error));

  for (const record of event.Records) {
    const refund = JSON.parse(record.body) as { orderId: string; userId: string; refundedAt: string };
    analytics.track({
      userId: refund.userId,
      event: 'Order Refunded',
      properties: { order_id: refund.orderId },
      timestamp: new Date(refund.refundedAt),
    });
  }

  await analytics.closeAndFlush();
};
