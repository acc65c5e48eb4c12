import { Analytics } from '@customerio/cdp-analytics-node';
import { TrackClient } from 'customerio-node';
import { NextResponse, type NextRequest } from 'next/server';

// Built per request: a new client, a new batch queue and a new connection pool on every call.
export async function POST(request: NextRequest) {
  const body = (await request.json()) as { userId: string; event: string; properties?: Record<string, unknown> };
  const analytics = new Analytics({ writeKey: process.env.CIO_WRITE_KEY! });
  analytics.track({ userId: body.userId, event: body.event, properties: body.properties });
  return NextResponse.json({ ok: true });
}

const cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_KEY!);

export async function PUT(request: NextRequest) {
  const { id, email, plan } = (await request.json()) as { id: string; email: string; plan: string };
  await cio.identify(id, { email, plan, updated_at: Math.floor(Date.now() / 1000) });
  return new NextResponse(null, { status: 204 });
}

export async function DELETE(request: NextRequest) {
  const id = request.nextUrl.searchParams.get('id');
  if (!id) return NextResponse.json({ error: 'missing id' }, { status: 400 });
  cio.destroy(id);
  return new NextResponse(null, { status: 204 });
}

export async function GET() {
  return NextResponse.json({ region: 'us' });
}
