import { SendWhatsAppRequest } from 'customerio-node';
import { logger } from '../db.js';
import { api, cio } from '../lib/cio.js';
import { toUnixSeconds } from '../lib/time.js';

/** A lead from the sales CRM's export; the CRM client is declared, not implemented. */
interface Lead {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  company: string;
  createdAt: Date;
}

declare const crm: { leadsSince(since: Date): AsyncIterable<Lead> };

// The sales desk's WhatsApp number, told when an import has run.
const SALES_DESK = '+44 (0)20 7946 0958';

/** Nightly: leads captured by the sales team become Customer.io people for the nurture campaign. */
export async function importLeads(since: Date): Promise<void> {
  let count = 0;
  for await (const lead of crm.leadsSince(since)) {
    // wrong: the person is created without `email`, and the nurture campaign is all email
    await cio.identify(`lead_${lead.id}`, {
      name: lead.name,
      company: lead.company,
      phone: lead.phone,
      created_at: toUnixSeconds(lead.createdAt),
    });
    count += 1;
  }

  await api.sendWhatsApp(
    new SendWhatsAppRequest({
      to: SALES_DESK, // wrong: not E.164 (a `+`, the country code, digits only), so WhatsApp does not deliver
      identifiers: { id: 'sales-desk' },
      transactional_message_id: 'leads_imported',
      message_data: { count },
    }),
  );
  logger.info({ count }, 'leads imported');
}
