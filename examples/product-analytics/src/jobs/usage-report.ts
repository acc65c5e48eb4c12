import { flush, init, track } from '@amplitude/analytics-node';

init(process.env.AMPLITUDE_API_KEY!);

/** A scheduled job that reports yesterday's usage per account. */
export async function reportUsage(accounts: { id: string; seats: number; day: Date }[]): Promise<void> {
  for (const account of accounts) {
    // wrong: Amplitude's `time` is in milliseconds; seconds put the event in January 1970
    track('Daily Usage', { seats: account.seats }, { user_id: account.id, time: Math.floor(account.day.getTime() / 1000) });
  }
  // right: the job waits for the batch to be sent
  await flush().promise;
}
