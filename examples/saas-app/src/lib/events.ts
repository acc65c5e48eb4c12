/** The event vocabulary: campaigns and segments trigger on these exact names. */
export const EVENTS = {
  SIGNED_UP: 'signed_up',
  EMAIL_CONFIRMED: 'email_confirmed',
  INVITE_ACCEPTED: 'invite_accepted',
  NEWSLETTER_SUBSCRIBED: 'newsletter_subscribed',
  ORDER_PLACED: 'order_placed',
  ORDER_STATUS_CHANGED: 'order_status_changed',
  ORDER_SHIPPED: 'order_shipped',
  ORDER_SHIPPED_EXPRESS: 'order_shipped_express',
  ORDER_CANCELLED: 'order_cancelled',
  ORDER_REFUNDED: 'order_refunded',
  TRIAL_STARTED: 'trial_started',
  SUBSCRIPTION_CANCELLED: 'subscription_cancelled',
  PAYMENT_FAILED: 'payment_failed',
  BUTTON_CLICKED: 'button_clicked',
} as const;

export type EventName = (typeof EVENTS)[keyof typeof EVENTS];
