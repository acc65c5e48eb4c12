/** Normalises a phone number the customer typed to E.164 (`+14155550123`). */
export declare function toE164(input: string): string;
