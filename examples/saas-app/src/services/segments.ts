import { CustomerIORequestError } from 'customerio-node/dist/lib/utils.js'; // wrong: a deep import into the package's build files
import { cio } from '../lib/cio.js';
import { logger } from '../db.js';

// Beta testers are collected in a manual segment.
export async function addToBetaSegment(personIds: string[]): Promise<void> {
  try {
    // wrong: the client's transport and base URL are internals; the SDK has `addCustomersToSegment`
    await cio.request.post(`${cio.trackRoot}/segments/12/add_customers`, { ids: personIds });
  } catch (error) {
    if (error instanceof CustomerIORequestError) logger.error({ status: error.statusCode }, 'segment update failed');
    throw error;
  }
}

// The correct shape: the documented method.
export async function removeFromBetaSegment(personIds: string[]): Promise<void> {
  await cio.removeCustomersFromSegment(12, personIds);
}
