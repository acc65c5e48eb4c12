import { Router } from 'express';
import { EventEnum, MetricEnum, ProfileEnum } from 'klaviyo-api';
import { db } from '../db.js';
import { events } from '../lib/klaviyo.js';

export const checkout = Router();

checkout.post('/orders/:id/placed', async (req, res) => {
  const order = await db.orders.byId(req.params.id);
  await events.createEvent({
    data: {
      type: EventEnum.Event,
      attributes: {
        properties: { orderId: order.id, category: order.category },
        // wrong: one metric per category floods the account with metrics (use a property)
        metric: { data: { type: MetricEnum.Metric, attributes: { name: `Placed Order ${order.category}` } } },
        profile: { data: { type: ProfileEnum.Profile, attributes: { email: order.email } } },
        value: order.total,
        // wrong: the SDK only sends camelCase keys; these two are dropped without a word
        value_currency: order.currency,
        unique_id: order.id,
        // wrong: `time` must be a Date; a number is sent as is and the API rejects it
        time: Date.now(),
      },
    },
  });
  res.sendStatus(204);
});

checkout.post('/orders/:id/refunded', async (req, res) => {
  const order = await db.orders.byId(req.params.id);
  // right: a fixed metric name, camelCase keys, a Date, and a unique id per event
  await events.createEvent({
    data: {
      type: EventEnum.Event,
      attributes: {
        properties: { orderId: order.id, category: order.category },
        metric: { data: { type: MetricEnum.Metric, attributes: { name: 'Refunded Order' } } },
        profile: { data: { type: ProfileEnum.Profile, attributes: { email: order.email } } },
        value: -order.total,
        valueCurrency: order.currency,
        uniqueId: `${order.id}:refund`,
        time: new Date(),
      },
    },
  });
  res.sendStatus(204);
});
