import { TrackClient, RegionEU } from 'customerio-node';
import { chunk } from 'lodash';
import pLimit from 'p-limit';

const cio = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_KEY!, { region: RegionEU });
const limit = pLimit(8);

interface Member {
  id: string;
  email: string;
  phone: string | null;
  joinedAt: Date;
  lastSeenAt: number;
  vip: boolean;
}

declare const members: { all(): Promise<Member[]>; cursor(): AsyncIterable<Member> };

// Every person at once: thousands of concurrent requests and a 429 storm.
export async function syncAll(): Promise<void> {
  const all = await members.all();
  await Promise.all(all.map((member) => cio.identify(member.id, { email: member.email, vip: member.vip })));
}

export async function syncLimited(): Promise<void> {
  const all = await members.all();
  await Promise.all(
    all.map((member) =>
      limit(() =>
        cio.identify(member.id, {
          email: member.email,
          phone: member.phone,
          joined_at: Math.floor(member.joinedAt.getTime() / 1000),
          last_seen_at: member.lastSeenAt,
        }),
      ),
    ),
  );
}

export async function syncInChunks(): Promise<void> {
  for (const group of chunk(await members.all(), 50)) {
    await Promise.all(group.map((member) => cio.identify(member.id, { email: member.email })));
  }
}

export async function syncStream(): Promise<number> {
  let seen = 0;
  for await (const member of members.cursor()) {
    await cio.identify(member.id, { email: member.email, vip: member.vip ? 'yes' : 'no' });
    seen += 1;
  }
  return seen;
}

export function markInactive(ids: string[]): void {
  ids.forEach((id) => {
    cio.track(id, { name: 'marked_inactive', data: { at: new Date().toISOString() } });
  });
}
