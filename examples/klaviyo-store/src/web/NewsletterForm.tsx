'use client';

import { useState } from 'react';
// wrong: the server SDK in a client component: the private key would ship to every visitor
import { ApiKeySession, ProfilesApi } from 'klaviyo-api';

const profiles = new ProfilesApi(new ApiKeySession(process.env.NEXT_PUBLIC_KLAVIYO_KEY ?? ''));

export function NewsletterForm() {
  const [email, setEmail] = useState('');
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        await profiles.createOrUpdateProfile({ data: { type: 'profile', attributes: { email } } } as never);
      }}
    >
      <input value={email} onChange={(e) => setEmail(e.target.value)} />
    </form>
  );
}
