import { ProfileEnum } from 'klaviyo-api';
import { db } from '../db.js';
import { profiles } from '../lib/klaviyo.js';

/** Nightly: pushes every customer to Klaviyo. */
export async function syncCustomers(): Promise<void> {
  const customers = await db.customers.all();
  // wrong: one request per customer, all at once: the 75/s burst limit answers with 429s
  await Promise.all(
    customers.map((customer) =>
      profiles.createOrUpdateProfile({
        data: { type: ProfileEnum.Profile, attributes: { email: customer.email, externalId: customer.id } },
      }),
    ),
  );
}

/** Nightly: the catalog, through the REST API directly. */
export async function syncCatalogItem(item: { id: string; title: string; price: number }): Promise<void> {
  // wrong: no `revision` header; Klaviyo rejects every request without one
  const response = await fetch('https://a.klaviyo.com/api/catalog-items', {
    method: 'POST',
    headers: {
      Authorization: `Klaviyo-API-Key ${process.env.KLAVIYO_PRIVATE_API_KEY}`,
      'Content-Type': 'application/vnd.api+json',
    },
    body: JSON.stringify({
      data: { type: 'catalog-item', attributes: { external_id: item.id, title: item.title, price: item.price } },
    }),
  });
  if (!response.ok) throw new Error(`Klaviyo answered ${response.status}`);
}
