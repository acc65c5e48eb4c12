import { Analytics } from '@customerio/cdp-analytics-node';
import { TrackClient } from 'customerio-node';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, SQSEvent } from 'aws-lambda';

const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY!, maxEventsInBatch: 20 });
const cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_KEY!);

export const onSignup = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const body = JSON.parse(event.body ?? '{}') as { id: string; email: string; name: string };
  analytics.identify({ userId: body.id, traits: { email: body.email, name: body.name } });
  analytics.track({ userId: body.id, event: 'Signed Up' });
  return { statusCode: 201, body: '' };
};

export async function onQueue(event: SQSEvent): Promise<void> {
  for (const record of event.Records) {
    const payload = JSON.parse(record.body) as { userId: string; kind: string; at: number };
    analytics.track({ userId: payload.userId, event: 'Queue Message', properties: { kind: payload.kind }, timestamp: payload.at });
  }
  await analytics.closeAndFlush();
}

export async function onBounce(event: SQSEvent): Promise<void> {
  await Promise.all(
    event.Records.map((record) => {
      const bounce = JSON.parse(record.body) as { personId: string; reason: string };
      return cio.track(bounce.personId, { name: 'email_bounced', data: { reason: bounce.reason } });
    }),
  );
}
