import { Body, Controller, Injectable, Post } from '@nestjs/common';
import { TrackClient } from 'customerio-node';
import * as klaviyo from 'klaviyo-api';

@Injectable()
export class CustomerIoService {
  readonly client = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_KEY!);
}

@Injectable()
export class KlaviyoService {
  readonly events = new klaviyo.EventsApi(new klaviyo.ApiKeySession(process.env.KLAVIYO_KEY!));
}

class SubscribeDto {
  email!: string;
  userId!: string;
  consent!: boolean;
}

@Controller('newsletter')
export class NewsletterController {
  constructor(
    private readonly cio: CustomerIoService,
    private readonly klaviyo: KlaviyoService,
  ) {}

  @Post('subscribe')
  async subscribe(@Body() dto: SubscribeDto) {
    await this.cio.client.identify(dto.email, { email: dto.email, newsletter: dto.consent });
    await this.cio.client.track(dto.userId, { name: 'newsletterSubscribed', data: { consent: dto.consent } });
    await this.klaviyo.events.createEvent({
      data: {
        type: 'event',
        attributes: {
          properties: { consent: dto.consent },
          metric: { data: { type: 'metric', attributes: { name: 'Subscribed to Newsletter' } } },
          profile: { data: { type: 'profile', attributes: { email: dto.email } } },
        },
      },
    });
    return { ok: true };
  }

  @Post('unsubscribe')
  async unsubscribe(@Body() dto: SubscribeDto) {
    const local = new TrackClient(process.env.CIO_SITE_ID!, process.env.CIO_TRACK_KEY!);
    await local.track(dto.userId, { name: 'Newsletter Unsubscribed' });
    return { ok: true };
  }
}
