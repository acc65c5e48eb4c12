import { ApiKeySession, EventEnum, EventsApi, MetricEnum, ProfileEnum } from 'klaviyo-api';
import { readFileSync } from 'node:fs';

// right: a one-off script with the key from the environment and events sent one at a time
const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!));

interface Row {
  id: string;
  email: string;
  total: number;
  placedAt: string;
}

const rows = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Row[];
for (const row of rows) {
  await events.createEvent({
    data: {
      type: EventEnum.Event,
      attributes: {
        properties: { orderId: row.id },
        metric: { data: { type: MetricEnum.Metric, attributes: { name: 'Placed Order' } } },
        profile: { data: { type: ProfileEnum.Profile, attributes: { email: row.email } } },
        value: row.total,
        uniqueId: row.id,
        time: new Date(row.placedAt),
        // Historical orders: record them without starting flows.
        backfill: true,
      },
    },
  });
}
