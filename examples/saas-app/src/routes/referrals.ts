import { Router } from 'express';
import { SendEmailRequest } from 'customerio-node';
import { currentUser } from '../auth.js';
import { api, cio } from '../lib/cio.js';

export const referrals = Router();

// "Tell a friend" on the public pricing page: the visitor types a friend's address.
referrals.post('/referrals/send', async (req, res) => {
  const { friendEmail, inviterName } = req.body as { friendEmail: string; inviterName: string };

  const invite = new SendEmailRequest({
    to: friendEmail, // wrong: nothing checks who is asking; anyone can make this account email any address
    transactional_message_id: 'referral_invite',
    identifiers: { email: friendEmail },
    message_data: { inviter_name: inviterName },
  });
  await api.sendEmail(invite);

  res.status(202).end();
});

// The friend signs up through the link; the referral code in the link says who invited them.
referrals.post('/referrals/credit', async (req, res) => {
  // wrong: the person comes from the request body, and nothing checks who sent it: anyone can
  // credit (and trigger the reward campaign for) any person
  await cio.track(req.body.inviterId, { name: 'referral_credited', data: { code: req.body.code } });

  res.json({ ok: true });
});

// The correct shape: the signed-in user invites; the inviter is taken from the session.
referrals.post('/account/referrals', async (req, res) => {
  const user = await currentUser(req);
  const friendEmail = String(req.body.friendEmail);

  await api.sendEmail(
    new SendEmailRequest({
      to: friendEmail,
      transactional_message_id: 'referral_invite',
      identifiers: { email: friendEmail },
      message_data: { inviter_name: user.name },
    }),
  );
  await cio.track(user.id, { name: 'referral_sent' });

  res.status(202).end();
});
