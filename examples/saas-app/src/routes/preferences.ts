import { Router } from 'express';
import { currentUser } from '../auth.js';
import { cio } from '../lib/cio.js';

export const preferences = Router();

const nowSec = (): number => Math.floor(Date.now() / 1000);

// The settings page: the marketing checkbox and the number of seats on the plan.
preferences.post('/settings', async (req, res) => {
  const user = await currentUser(req);

  await cio.identify(user.id, {
    marketing_opt_in: req.body.marketing === 'on',
    seats: Number(req.body.seats),
  });

  res.json({ ok: true });
});

// The link in the double opt-in email.
preferences.get('/settings/confirm-marketing', async (req, res) => {
  const user = await currentUser(req);

  await cio.identify(user.id, {
    marketing_opt_in: 'true', // wrong: a string here, a boolean in /settings: a segment on `is true` misses these people
    marketing_confirmed_at: nowSec(),
  });

  res.redirect('/settings');
});

// The billing page links here after a plan change, with the new seat count in the query string.
preferences.get('/settings/seats', async (req, res) => {
  const user = await currentUser(req);

  // wrong: a query parameter is a string; /settings sends `seats` as a number
  await cio.identify(user.id, { seats: req.query.seats as string });

  res.redirect('/settings');
});
