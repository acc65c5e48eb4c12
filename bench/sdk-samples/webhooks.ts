import express, { type Request, type Response } from 'express';
import { APIClient, SendEmailRequest, SendSMSRequest } from 'customerio-node';

const api = new APIClient(process.env.CIO_APP_KEY!);
export const hooks = express.Router();

// Anyone on the internet can make this endpoint send email in the company's name.
hooks.post('/hooks/invite', async (req: Request, res: Response) => {
  await api.sendEmail(
    new SendEmailRequest({
      to: req.body.email,
      transactional_message_id: 'invite',
      identifiers: { email: req.body.email },
      message_data: { inviter: req.body.inviter },
    }),
  );
  res.sendStatus(202);
});

function verifySignature(req: Request): boolean {
  return req.get('x-signature') === process.env.WEBHOOK_SECRET;
}

hooks.post('/hooks/otp', async (req: Request, res: Response) => {
  if (!verifySignature(req)) return res.sendStatus(401);
  await api.sendSMS(
    new SendSMSRequest({
      to: '+14155550123',
      transactional_message_id: 'otp',
      identifiers: { id: req.body.userId },
      message_data: { code: req.body.code },
    }),
  );
  return res.sendStatus(202);
});

hooks.post('/hooks/broadcast', async (req: Request, res: Response) => {
  if (!verifySignature(req)) return res.sendStatus(401);
  await api.triggerBroadcast(12, { headline: req.body.headline, recipients: req.body.ids }, { ids: req.body.ids });
  return res.sendStatus(202);
});
