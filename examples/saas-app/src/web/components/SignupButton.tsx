'use client';
import { TrackClient } from 'customerio-node';

// Client components of the Next.js web app.

// wrong: a server SDK in a 'use client' component: the bundle ships it, and its Track API key
// (exposed through NEXT_PUBLIC_ variables to make it work), to every visitor
// wrong: and no region, in an EU workspace
const cio = new TrackClient(process.env.NEXT_PUBLIC_CUSTOMERIO_SITE_ID!, process.env.NEXT_PUBLIC_CUSTOMERIO_TRACK_API_KEY!);

export function SignupButton({ userId }: { userId: string }) {
  return (
    <button type="button" onClick={() => void cio.track(userId, { name: 'signup_clicked' }).catch(() => undefined)}>
      Sign up
    </button>
  );
}

// The correct shape: the browser posts to the app's own route, which calls the SDK on the server
// (`src/app/api/track/route.ts`).
export function PricingButton() {
  const report = () => fetch('/api/track', { method: 'POST', body: JSON.stringify({ button: 'pricing', page: '/' }) });
  return (
    <button type="button" onClick={() => void report()}>
      See pricing
    </button>
  );
}
