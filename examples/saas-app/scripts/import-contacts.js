// An old one-off script from the customerio-node 2.x days, kept in the repository and run again
// after the upgrade to 5.x. It is plain JavaScript, so no type checker looks at it.
import { readFile } from 'node:fs/promises';
import CIO from 'customerio-node';
import { RegionEU } from 'customerio-node/regions'; // wrong: a 2.x sub-path, gone since 3.0

// wrong: in 2.x the module itself was the Track client class; since 3.0 this throws "is not a constructor"
const cio = new CIO(process.env.CUSTOMERIO_SITE_ID, process.env.CUSTOMERIO_TRACK_API_KEY, { region: RegionEU });

const contacts = JSON.parse(await readFile(process.argv[2], 'utf8'));

for (const contact of contacts) {
  // wrong: an object where the person id goes; it is sent as "[object Object]"
  await cio.identify({ id: contact.id, email: contact.email, first_name: contact.firstName });
  // wrong: a bare event name where the event object goes; track throws without `name`
  await cio.track(contact.id, 'contact_imported', { source: contact.source });
}

// wrong: the 2.x `trackAnonymous(data)` shape; since 3.0 the anonymous id comes first
await cio.trackAnonymous({ name: 'contacts_import_finished', data: { count: contacts.length } });
