import { TrackClient } from 'customerio-node';
import { db, logger } from '../db.js';
import { toUnixSeconds } from '../lib/time.js';

// The nightly sync runs as its own process and builds its own client.
// wrong: the App API key given to TrackClient, which needs the Track API key (401 on every call)
// wrong: the region as a string; the constructor throws unless it is RegionUS or RegionEU
const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID!, process.env.CUSTOMERIO_APP_API_KEY!, {
  region: 'eu',
});

const DAY_MS = 86_400_000;

export async function syncRecentlyActive(): Promise<void> {
  const users = await db.users.activeSince(new Date(Date.now() - DAY_MS));

  // wrong: unbounded fan-out, one request per user all at once (429s, dropped updates)
  await Promise.all(
    users.map((user) =>
      cio.identify(user.id, {
        email: user.email,
        plan: user.plan,
        created_at: toUnixSeconds(user.createdAt),
        last_seen_at: user.lastSeenAt.toISOString(), // wrong: an ISO string in a date attribute
      }),
    ),
  );
}

// The correct shape: a sequential loop is naturally paced.
export async function removeDeleted(): Promise<void> {
  for (const user of await db.users.deletedSince(new Date(Date.now() - DAY_MS))) {
    await cio.destroy(user.id);
  }
}

const started = Date.now();
await syncRecentlyActive();
await removeDeleted();
logger.info({ ms: Date.now() - started }, 'sync finished');
