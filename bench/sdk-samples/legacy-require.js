'use strict';

const CIO = require('customerio-node');
const { APIClient, SendEmailRequest } = require('customerio-node');
const { RegionUS } = require('customerio-node');
const express = require('express');

const cio = new CIO.TrackClient(process.env.SITE_ID, process.env.TRACK_KEY, { region: RegionUS });
const api = new APIClient(process.env.APP_KEY, { region: RegionUS });

const app = express();
app.use(express.json());

app.post('/signup', async (req, res) => {
  const { id, email, name } = req.body;
  await cio.identify(id, { email, name, created_at: Math.floor(Date.now() / 1000) });
  await cio.track(id, { name: 'signed_up', data: { source: req.query.source } });
  res.sendStatus(201);
});

app.post('/password-reset', async (req, res) => {
  const user = await findUser(req.body.email);
  if (!user) return res.sendStatus(204);
  const message = new SendEmailRequest({
    to: user.email,
    transactional_message_id: 'password_reset',
    identifiers: { id: user.id },
    message_data: { token: user.resetToken },
  });
  api
    .sendEmail(message)
    .then(() => res.sendStatus(204))
    .catch((error) => {
      console.error(error);
      res.sendStatus(502);
    });
});

app.post('/events/:name', (req, res) => {
  cio.track(req.body.userId, { name: req.params.name, data: req.body.data });
  res.sendStatus(202);
});

app.delete('/users/:id', async (req, res) => {
  const tracker = new CIO.TrackClient(process.env.SITE_ID, process.env.TRACK_KEY);
  await tracker.destroy(req.params.id);
  res.sendStatus(204);
});

async function findUser(email) {
  return { id: 'u1', email, resetToken: 'x' };
}

module.exports = { app, cio };
