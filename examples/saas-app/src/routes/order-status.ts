import { Router } from 'express';
import { db, logger, type Order } from '../db.js';
import { cio } from '../lib/cio.js';
import { EVENTS } from '../lib/events.js';

export const orderStatus = Router();

/** Tells Customer.io that an order changed status: the delivery campaigns trigger on it. */
async function trackStatusChange(order: Order): Promise<void> {
  await cio.track(order.userId, {
    name: EVENTS.ORDER_STATUS_CHANGED,
    data: { order_id: order.id, status: order.status },
  });
}

// Support staff confirm a delivery the carrier did not report.
orderStatus.post('/orders/:id/delivered', async (req, res) => {
  const order = await db.orders.updateStatus(req.params.id, 'delivered');

  // wrong: the response waits for Customer.io; when its API is slow or down, so is this endpoint
  await trackStatusChange(order);

  res.json(order);
});

// Support staff reopen an order.
orderStatus.post('/orders/:id/reopen', async (req, res) => {
  const order = await db.orders.updateStatus(req.params.id, 'placed');

  // wrong: nothing awaits or catches the promise; when the request fails, the rejection crashes the server
  trackStatusChange(order);

  res.json(order);
});

// The correct shape: answer at once, send the event in the background, and log a failure.
orderStatus.post('/orders/:id/paid', async (req, res) => {
  const order = await db.orders.updateStatus(req.params.id, 'paid');

  trackStatusChange(order).catch((error: unknown) => logger.warn({ error }, 'could not track the status change'));

  res.json(order);
});
