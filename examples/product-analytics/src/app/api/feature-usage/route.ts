import { posthog } from '../../../lib/posthog';

/** A Next.js route handler: on a serverless host the function freezes as soon as it returns. */
export async function POST(request: Request): Promise<Response> {
  const { userId, feature } = (await request.json()) as { userId: string; feature: string };
  posthog.capture({ distinctId: userId, event: 'feature_used', properties: { feature } });
  // wrong: nothing flushes the queue; the event may never leave the frozen function
  return Response.json({ ok: true });
}
