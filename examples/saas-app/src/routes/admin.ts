import { Router } from 'express';
import { requireAdmin } from '../auth.js';
import { db } from '../db.js';
import { api, cio } from '../lib/cio.js';

export const admin = Router();
admin.use(requireAdmin);

// Staff send a broadcast to a hand-picked list of customers.
admin.post('/admin/broadcasts/:id/send', async (req, res) => {
  const emails = req.body.emails as string[];

  // wrong: recipients in the data slot; this sends to the broadcast's whole default audience
  await api.triggerBroadcast(Number(req.params.id), { emails });

  res.status(202).end();
});

// The correct shape: template data second, recipients third.
admin.post('/admin/broadcasts/:id/send-promo', async (req, res) => {
  const ids = req.body.userIds as string[];

  await api.triggerBroadcast(Number(req.params.id), { promo_code: req.body.promoCode }, { ids });

  res.status(202).end();
});

// A GDPR erasure request.
admin.delete('/admin/users/:id', async (req, res) => {
  const user = await db.users.byId(req.params.id);

  // wrong: the email as the person id; profiles are keyed by user id, so nothing is deleted
  await cio.destroy(user.email);

  res.status(204).end();
});
