import { RegionEU, TrackClient } from 'customerio-node';
import { getSession } from '../../../auth.js';

// Next.js route handler: the web app reports button clicks here.
export async function POST(request: Request): Promise<Response> {
  const session = await getSession(request);
  if (!session) return new Response(null, { status: 401 });
  const body = (await request.json()) as { button: string; page: string };

  // wrong: a new client on every request
  const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_TRACK_API_KEY!, {
    region: RegionEU,
  });

  // wrong: the event name is built from request data, one event type per button
  await cio.track(session.userId, { name: `clicked_${body.button}`, data: { page: body.page } });

  return Response.json({ ok: true });
}
