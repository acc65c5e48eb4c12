import { Router } from 'express';
import { db } from '../db.js';
import { cio } from '../lib/cio.js';
import { EVENTS } from '../lib/events.js';

export const signup = Router();

const nowSec = (): number => Math.floor(Date.now() / 1000);

// A new account: create it, then tell Customer.io.
signup.post('/signup', async (req, res) => {
  const user = await db.users.create({ email: req.body.email, name: req.body.name, plan: req.body.plan });

  // wrong: track before identify; the event reaches a person who does not exist yet
  await cio.track(user.id, { name: EVENTS.SIGNED_UP, data: { plan: user.plan } });
  await cio.identify(user.id, {
    email: user.email,
    name: user.name,
    plan: user.plan,
    created_at: Date.now(), // wrong: milliseconds
  });

  res.status(201).json({ id: user.id });
});

// An invited person joins a team; some invitees already have an account.
signup.post('/invites/accept', async (req, res) => {
  const { user, teamId, isNewUser } = await db.invites.accept(req.body.token);

  if (isNewUser) {
    await cio.identify(user.id, { email: user.email, created_at: nowSec() });
  }
  // wrong: identify runs on one path only, the track on both
  await cio.track(user.id, { name: EVENTS.INVITE_ACCEPTED, data: { team_id: teamId } });

  res.json({ ok: true });
});

// A visitor subscribes to the newsletter from the marketing site.
signup.post('/newsletter', async (req, res) => {
  const email = String(req.body.email);

  // wrong: the email as the person id, and an un-awaited identify racing the track
  cio.identify(email, { email, newsletter: true, subscribed_at: nowSec() });
  await cio.track(email, { name: EVENTS.NEWSLETTER_SUBSCRIBED });

  res.status(204).end();
});

// The correct shape: identify first, dates in whole seconds, a fixed event name.
signup.post('/signup/confirm', async (req, res) => {
  const user = await db.users.confirm(req.body.token);

  await cio.identify(user.id, {
    email: user.email,
    created_at: Math.floor(user.createdAt.getTime() / 1000),
    email_confirmed_at: nowSec(),
  });
  await cio.track(user.id, { name: EVENTS.EMAIL_CONFIRMED });

  res.json({ ok: true });
});
