import {
  ApiKeySession,
  EventsApi,
  ListsApi,
  ProfileEnum,
  ProfilesApi,
  type ProfileCreateQuery,
} from 'klaviyo-api';

const session = new ApiKeySession(process.env.KLAVIYO_PRIVATE_KEY!);
const events = new EventsApi(session);
const profiles = new ProfilesApi(session);
const lists = new ListsApi(session);

interface Shopper {
  id: string;
  email: string;
  phone?: string;
  firstName: string;
  lastName: string;
  city: string;
  lifetimeValue: number;
}

export async function upsertShopper(shopper: Shopper): Promise<string | undefined> {
  const body: ProfileCreateQuery = {
    data: {
      type: ProfileEnum.Profile,
      attributes: {
        email: shopper.email,
        phoneNumber: shopper.phone,
        externalId: shopper.id,
        firstName: shopper.firstName,
        last_name: shopper.lastName,
        location: { city: shopper.city },
        properties: { lifetime_value: shopper.lifetimeValue },
      },
    },
  };
  const response = await profiles.createOrUpdateProfile(body);
  return response.body.data.id;
}

export async function placedOrder(shopper: Shopper, orderId: string, value: number, placedAt: Date): Promise<void> {
  await events.createEvent({
    data: {
      type: 'event',
      attributes: {
        time: placedAt,
        value,
        uniqueId: orderId,
        properties: { order_id: orderId },
        metric: { data: { type: 'metric', attributes: { name: 'Placed Order' } } },
        profile: { data: { type: 'profile', attributes: { email: shopper.email, externalId: shopper.id } } },
      },
    },
  });
}

export async function viewedProduct(email: string, sku: string): Promise<void> {
  await events.createEvent({
    data: {
      type: 'event',
      attributes: {
        time: Date.now(),
        properties: { sku },
        metric: { data: { type: 'metric', attributes: { name: 'Viewed Product' } } },
        profile: { data: { type: 'profile', attributes: { email } } },
      },
    },
  });
}

export async function subscribe(listId: string, profileIds: string[]): Promise<void> {
  await lists.createListRelationships(listId, {
    data: profileIds.map((id) => ({ type: 'profile' as const, id })),
  });
}

export function updatePhone(profileId: string, phone: string) {
  return profiles.updateProfile(profileId, {
    data: { type: ProfileEnum.Profile, id: profileId, attributes: { phoneNumber: phone } },
  });
}
