import express from 'express';
import { analytics } from './lib/segment.js';
import { posthog } from './lib/posthog.js';

declare function currentUser(req: express.Request): Promise<{ id: string; email: string; createdAt: string; plan: string }>;

const app = express();
app.use(express.json());

app.post('/signup', async (req, res) => {
  const user = await currentUser(req);
  // right: identify first, then a fixed event name; timestamps as Dates
  analytics.identify({ userId: user.id, traits: { email: user.email, createdAt: new Date(user.createdAt) } });
  analytics.track({ userId: user.id, event: 'Signed Up', properties: { plan: user.plan }, timestamp: new Date() });
  posthog.capture({ distinctId: user.id, event: 'signed_up', properties: { plan: user.plan } });
  res.sendStatus(201);
});

app.post('/reports/:kind/export', async (req, res) => {
  const user = await currentUser(req);
  // wrong: one event name per report kind; the event list fills with near-duplicates
  analytics.track({ userId: user.id, event: `Exported ${req.params.kind} Report` });
  res.sendStatus(202);
});

const server = app.listen(3000);

process.on('SIGTERM', async () => {
  server.close();
  // right: drain both queues before the process exits
  await Promise.all([analytics.closeAndFlush(), posthog.shutdown()]);
});
