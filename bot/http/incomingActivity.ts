import { z } from 'zod';

/**
 * The least an activity must have for the bot to act on it or answer it. Teams always
 * sends these; anything else is refused with 400 before botbuilder sees it.
 */
const account = z.object({ id: z.string().min(1).max(500) }).loose();

export const incomingActivity = z
  .object({
    type: z.string().min(1).max(100),
    serviceUrl: z.url({ protocol: /^https?$/ }),
    channelId: z.string().min(1).max(100),
    from: account,
    recipient: account,
    conversation: z.object({ id: z.string().min(1).max(1000) }).loose(),
    text: z.string().optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
    entities: z.array(z.record(z.string(), z.unknown())).optional(),
  })
  .loose();
