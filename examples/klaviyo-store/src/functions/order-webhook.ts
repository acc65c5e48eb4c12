import { ApiKeySession, EventEnum, EventsApi, MetricEnum, ProfileEnum } from 'klaviyo-api';

interface ShopEvent {
  orderId: string;
  email: string;
  total: number;
}

/** A serverless function the shop platform calls for every order. */
export async function handler(event: { body: string }): Promise<{ statusCode: number }> {
  const order = JSON.parse(event.body) as ShopEvent;
  // wrong: a new session and client on every invocation (build them once, outside the handler)
  const events = new EventsApi(new ApiKeySession(process.env.KLAVIYO_PRIVATE_API_KEY!));
  // wrong: not awaited: the function can return (and freeze) before the request is sent
  events.createEvent({
    data: {
      type: EventEnum.Event,
      attributes: {
        properties: { orderId: order.orderId },
        metric: { data: { type: MetricEnum.Metric, attributes: { name: 'Placed Order' } } },
        profile: { data: { type: ProfileEnum.Profile, attributes: { email: order.email } } },
        value: order.total,
        uniqueId: order.orderId,
      },
    },
  });
  return { statusCode: 202 };
}
