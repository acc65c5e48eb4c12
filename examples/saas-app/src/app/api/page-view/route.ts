import { Analytics } from '@customerio/cdp-analytics-node';
import { getSession } from '../../../auth.js';

// Next.js route handler: the web app reports page views here, through Data Pipelines.
export async function POST(request: Request): Promise<Response> {
  const session = await getSession(request);
  if (!session) return new Response(null, { status: 401 });
  const body = (await request.json()) as { path: string; title: string };

  // wrong: nothing listens for 'error'; a wrong write key or host drops every event without a trace
  const analytics = new Analytics({
    writeKey: process.env.CUSTOMERIO_WRITE_KEY!,
    host: 'https://cdp-eu.customer.io',
  });
  analytics.page({ userId: session.userId, name: body.title, properties: { path: body.path } });

  // wrong: closeAndFlush() is not awaited; the response ends the invocation in the middle of the flush
  analytics.closeAndFlush();
  return Response.json({ ok: true });
}
