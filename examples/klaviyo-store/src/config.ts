/** Keys come from the environment, never from source. */
export const config = {
  klaviyoPrivateKey: requireEnv('KLAVIYO_PRIVATE_API_KEY'),
  newsletterListId: requireEnv('KLAVIYO_NEWSLETTER_LIST_ID'),
};

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
