import express, { Router } from 'express';
import { RegionEU, TrackClient, verifyRequestSignature } from 'customerio-node';
import { config } from '../config.js';
import { db, logger } from '../db.js';
import { events } from '../lib/klaviyo.js';
import { EVENTS } from '../lib/events.js';

export const webhooks = Router();

/** What the payment provider posts. `created` is in Unix seconds. */
interface PaymentEvent {
  id: string;
  type: 'charge.failed' | 'charge.succeeded';
  customer: string;
  amount: number;
  currency: string;
  created: number;
}

// The payment provider reports charges; failed ones feed the dunning campaigns.
webhooks.post('/webhooks/payments', express.json(), async (req, res) => {
  const payment = req.body as PaymentEvent;
  const user = await db.users.byStripeCustomer(payment.customer);

  // wrong: a new client (and HTTP agent) for every webhook delivery
  const cio = new TrackClient(
    config.customerio.siteId,
    process.env.CUSTOMERIO_TRACK_API_KEY || 'fedcba9876543210fedc', // wrong: a hard-coded key as the env fallback
    { region: RegionEU },
  );

  if (payment.type === 'charge.failed') {
    await cio.track(user.id, {
      name: EVENTS.PAYMENT_FAILED,
      data: { amount: payment.amount, currency: payment.currency },
      timestamp: payment.created, // fine: the provider sends seconds already
    });

    await events.createEvent({
      data: {
        type: 'event',
        attributes: {
          properties: { amount: payment.amount, currency: payment.currency },
          // wrong: the customer's email in the metric name (one metric per person, PII in reports)
          metric: { data: { type: 'metric', attributes: { name: `Payment Failed ${user.email}` } } },
          profile: { data: { type: 'profile', attributes: { externalId: user.id, email: user.email } } },
          time: Date.now(), // wrong: Klaviyo wants a Date; a number goes out raw
          uniqueId: payment.id,
        },
      },
    });
  }

  if (payment.type === 'charge.succeeded') {
    // The correct Klaviyo shape: a fixed metric name, the time as a Date, a unique id.
    await events.createEvent({
      data: {
        type: 'event',
        attributes: {
          properties: { amount: payment.amount, currency: payment.currency },
          metric: { data: { type: 'metric', attributes: { name: 'Payment Succeeded' } } },
          profile: { data: { type: 'profile', attributes: { externalId: user.id, email: user.email } } },
          time: new Date(payment.created * 1000),
          value: payment.amount / 100,
          uniqueId: payment.id,
        },
      },
    });
  }

  res.status(204).end();
});

// Customer.io reporting webhooks: the signature is checked over the raw body, as sent.
webhooks.post('/webhooks/customerio', express.raw({ type: 'application/json' }), (req, res) => {
  const valid = verifyRequestSignature({
    signingSecret: config.customerio.webhookSigningSecret,
    timestamp: String(req.header('x-cio-timestamp')),
    signature: String(req.header('x-cio-signature')),
    body: req.body as Buffer,
  });
  if (!valid) {
    res.status(401).end();
    return;
  }
  const delivery = JSON.parse((req.body as Buffer).toString('utf8')) as { metric: string; data: unknown };
  logger.info({ metric: delivery.metric }, 'Customer.io delivery event');
  res.status(200).end();
});
