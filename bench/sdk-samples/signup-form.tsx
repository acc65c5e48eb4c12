'use client';

import { useCallback, useState } from 'react';
import { TrackClient } from 'customerio-node';

const cio = new TrackClient('site_1234567890', 'trk_abcdef1234567890abcdef');

interface Props {
  userId: string;
  onDone(): void;
}

export function SignupForm({ userId, onDone }: Props) {
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = useCallback(async () => {
    setBusy(true);
    try {
      await cio.identify(userId, { email, created_at: Date.now() });
      await cio.track(userId, { name: 'Signed Up', data: { via: 'form' } });
      onDone();
    } finally {
      setBusy(false);
    }
  }, [email, onDone, userId]);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <input value={email} onChange={(event) => setEmail(event.target.value)} type="email" required />
      <button type="submit" disabled={busy}>
        Sign up
      </button>
    </form>
  );
}
