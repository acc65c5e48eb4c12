import { Router } from 'express';
import { ProfileEnum } from 'klaviyo-api';
import { db } from '../db.js';
import { profiles } from '../lib/klaviyo.js';
import { toE164 } from '../phone.js';

export const account = Router();

account.put('/account/:id', async (req, res) => {
  const customer = await db.customers.byId(req.params.id);
  // right: camelCase keys, an E.164 phone number, an upsert keyed by the store's own id
  await profiles.createOrUpdateProfile({
    data: {
      type: ProfileEnum.Profile,
      attributes: {
        email: customer.email,
        externalId: customer.id,
        firstName: customer.firstName,
        phoneNumber: customer.phone ? toE164(customer.phone) : undefined,
      },
    },
  });
  res.sendStatus(204);
});
