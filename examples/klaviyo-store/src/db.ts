export interface Customer {
  id: string;
  email: string;
  phone?: string;
  firstName: string;
}

export interface Order {
  id: string;
  customerId: string;
  email: string;
  total: number;
  currency: string;
  category: string;
  placedAt: Date;
}

export declare const db: {
  customers: { all(): Promise<Customer[]>; byId(id: string): Promise<Customer> };
  orders: { byId(id: string): Promise<Order> };
};
