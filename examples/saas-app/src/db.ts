/** The data layer and logger the routes use; their implementation does not matter here. */

export interface User {
  id: string;
  email: string;
  name: string;
  plan: 'free' | 'pro' | 'team';
  createdAt: Date;
  lastSeenAt: Date;
  stripeCustomerId: string;
}

export interface Order {
  id: string;
  userId: string;
  email: string;
  status: 'placed' | 'paid' | 'shipped' | 'delivered' | 'cancelled';
  total: number;
  currency: string;
  carrier?: string;
  expedited: boolean;
  createdAt: Date;
  deliveryWindowStart: Date;
}

export interface Refund {
  id: string;
  orderId: string;
  userId: string;
  amount: number;
  processedAt: Date;
}

export interface Invite {
  user: User;
  teamId: string;
  isNewUser: boolean;
}

export declare const db: {
  users: {
    create(input: { email: string; name: string; plan?: string }): Promise<User>;
    confirm(token: string): Promise<User>;
    byStripeCustomer(customerId: string): Promise<User>;
    byId(id: string): Promise<User>;
    activeSince(since: Date): Promise<User[]>;
    deletedSince(since: Date): Promise<User[]>;
    /** Raw rows for exports: `created_at` is the `timestamptz` column as text. */
    exportRows(cutoff: Date): AsyncIterable<{ id: string; email: string; name: string; created_at: string }>;
  };
  orders: {
    create(userId: string, items: unknown[]): Promise<Order>;
    createGuest(input: { email: string; items: unknown[] }): Promise<Order>;
    updateStatus(id: string, status: Order['status']): Promise<Order>;
    markShipped(id: string): Promise<Order>;
    cancel(id: string): Promise<Order>;
    refund(id: string): Promise<Refund>;
  };
  invites: {
    accept(token: string): Promise<Invite>;
  };
};

export declare const logger: {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
};
