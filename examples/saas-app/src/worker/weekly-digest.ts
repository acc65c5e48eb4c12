import { APIClient, SendEmailRequest } from 'customerio-node';
import { db } from '../db.js';

// The weekly digest runs as a cron job with its own App API client.
// wrong: no region, so the client talks to the US data center; this workspace is in the EU
const api = new APIClient(process.env.CUSTOMERIO_APP_API_KEY!);

export async function sendWeeklyDigest(): Promise<void> {
  for (const user of await db.users.activeSince(new Date(Date.now() - 7 * 86_400_000))) {
    await api.sendEmail(
      new SendEmailRequest({
        transactional_message_id: 'weekly_digest',
        to: user.email,
        identifiers: { id: user.id },
        message_data: { name: user.name },
      }),
    );
  }
}
