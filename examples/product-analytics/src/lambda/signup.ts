import { Analytics } from '@segment/analytics-node';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const { userId, plan } = JSON.parse(event.body ?? '{}') as { userId: string; plan: string };
  // wrong: a new client (queue, timers, sockets) on every invocation
  const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY!, flushAt: 1 });
  // wrong: Segment wants a Date or an ISO string; a number of milliseconds is sent as is
  analytics.track({ userId, event: 'Plan Selected', properties: { plan }, timestamp: Date.now() });
  // wrong: the batch is never flushed before the function returns
  return { statusCode: 200, body: '' };
}
