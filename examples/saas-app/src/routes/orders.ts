import { Router } from 'express';
import { SendEmailRequest } from 'customerio-node';
import { currentUser } from '../auth.js';
import { db, logger } from '../db.js';
import { api, cio, trackEvent } from '../lib/cio.js';
import { EVENTS } from '../lib/events.js';

export const orders = Router();

orders.post('/orders', async (req, res) => {
  const started = Date.now(); // fine: a latency measurement, never sent to Customer.io
  const user = await currentUser(req);
  const order = await db.orders.create(user.id, req.body.items);

  await cio.track(order.userId, {
    name: EVENTS.ORDER_PLACED,
    data: { order_id: order.id, total: order.total, currency: order.currency },
    timestamp: order.createdAt.getTime(), // wrong: milliseconds
  });

  // wrong: a plain object; sendEmail throws unless given a SendEmailRequest
  await api.sendEmail({
    to: order.email,
    transactional_message_id: 'order_receipt',
    identifiers: { id: order.userId },
    message_data: { order_id: order.id, total: order.total },
  });

  logger.info({ orderId: order.id, ms: Date.now() - started }, 'order placed');
  res.status(201).json(order);
});

// Guest checkout: the buyer becomes a person and places an order in one request.
orders.post('/checkout/guest', async (req, res) => {
  const order = await db.orders.createGuest({ email: req.body.email, items: req.body.items });

  // wrong: identify and track race; the event can arrive before the person exists
  await Promise.all([
    cio.identify(order.userId, { email: order.email, created_at: Math.floor(Date.now() / 1000) }),
    cio.track(order.userId, { name: EVENTS.ORDER_PLACED, data: { order_id: order.id } }),
  ]);

  res.status(201).json(order);
});

orders.post('/orders/:id/status', async (req, res) => {
  const order = await db.orders.updateStatus(req.params.id, req.body.status);

  // wrong: an event name built from data, one event type per status
  await trackEvent(order.userId, `order_${order.status}`, { order_id: order.id });

  res.json(order);
});

orders.post('/orders/:id/refund', async (req, res) => {
  const refund = await db.orders.refund(req.params.id);

  await cio.track(refund.userId, {
    name: EVENTS.ORDER_REFUNDED,
    data: { order_id: refund.orderId, amount: refund.amount },
    timestamp: refund.processedAt.toISOString(), // wrong: an ISO string where Unix seconds go
  });

  res.json(refund);
});

orders.post('/orders/:id/cancel', async (req, res) => {
  const order = await db.orders.cancel(req.params.id);

  try {
    // wrong: not awaited; this try/catch never sees the rejection
    cio.track(order.userId, { name: EVENTS.ORDER_CANCELLED, data: { order_id: order.id } });
  } catch (error) {
    logger.warn({ error }, 'could not track the cancellation');
  }

  res.json(order);
});

// The correct shapes: a SendEmailRequest with send_at in seconds, a name chosen between
// constants, and a fire-and-forget call that handles its own failure.
orders.post('/orders/:id/ship', async (req, res) => {
  const order = await db.orders.markShipped(req.params.id);

  const request = new SendEmailRequest({
    to: order.email,
    transactional_message_id: 'order_shipped',
    identifiers: { id: order.userId },
    message_data: { order_id: order.id, carrier: order.carrier },
    send_at: Math.floor(order.deliveryWindowStart.getTime() / 1000),
  });
  await api.sendEmail(request);

  trackEvent(order.userId, order.expedited ? EVENTS.ORDER_SHIPPED_EXPRESS : EVENTS.ORDER_SHIPPED, {
    order_id: order.id,
  }).catch((error: unknown) => logger.warn({ error }, 'could not track the shipment'));

  res.json(order);
});
