import Mixpanel from 'mixpanel';

// right: one client, a token from the environment
const mixpanel = Mixpanel.init(process.env.MIXPANEL_TOKEN!);

export function invoicePaid(invoice: { customerId: string; amount: number; paidAt: Date }): void {
  // right: a fixed event name, the distinct id in the properties, a Date for `time`
  mixpanel.track('Invoice Paid', { distinct_id: invoice.customerId, amount: invoice.amount, time: invoice.paidAt });
}

export function planChanged(customerId: string, from: string, to: string): void {
  // wrong: the plan names in the event name make a new event for every pair of plans
  mixpanel.track(`Plan Changed ${from} to ${to}`, { distinct_id: customerId });
}
