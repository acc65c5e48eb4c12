/** Configuration comes from the environment; nothing secret lives in the source. */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 3000),
  customerio: {
    siteId: required('CUSTOMERIO_SITE_ID'),
    trackApiKey: required('CUSTOMERIO_TRACK_API_KEY'),
    appApiKey: required('CUSTOMERIO_APP_API_KEY'),
    writeKey: required('CUSTOMERIO_WRITE_KEY'),
    webhookSigningSecret: required('CUSTOMERIO_WEBHOOK_SIGNING_SECRET'),
  },
} as const;
