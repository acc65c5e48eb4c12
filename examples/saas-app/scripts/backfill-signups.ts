// One-off: send every account created before the Customer.io integration to Customer.io.
import { APIClient, RegionEU, TrackClient } from 'customerio-node';
import { db } from '../src/db.js';

// wrong: keys pasted into the source; they stay in git history and in every clone
const cio = new TrackClient('0123456789abcdef0123', 'fedcba9876543210fedc', { region: RegionEU });
const api = new APIClient('0123456789abcdef0123456789abcdef', { region: RegionEU });

const CUTOFF = new Date('2025-01-01T00:00:00Z');
const IMPORTED_AT = 1735689600000;

let count = 0;
for await (const row of db.users.exportRows(CUTOFF)) {
  const existing = await api.getCustomersByEmail(row.email);
  if (existing.results?.length > 0) continue;

  await cio.identify(row.id, {
    email: row.email,
    name: row.name,
    created_at: new Date(row.created_at), // wrong: a Date is sent as an ISO string, not Unix seconds
    imported_at: IMPORTED_AT, // wrong: a millisecond constant
  });
  count++;
}
console.log(`backfilled ${count} people`);
