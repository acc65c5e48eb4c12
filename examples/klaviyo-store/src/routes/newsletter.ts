import { Router } from 'express';
import { ProfileEnum } from 'klaviyo-api';
import { profiles } from '../lib/klaviyo.js';

export const newsletter = Router();

newsletter.post('/newsletter', async (req, res) => {
  const { email, phone, firstName } = req.body as { email: string; phone?: string; firstName?: string };
  // right: an upsert, so a returning subscriber does not get a 409
  await profiles.createOrUpdateProfile({
    data: {
      type: ProfileEnum.Profile,
      attributes: {
        email,
        // wrong: snake_case keys are dropped by the SDK; the profile gets no phone and no name
        phone_number: phone,
        first_name: firstName,
      },
    },
  });
  res.sendStatus(204);
});
