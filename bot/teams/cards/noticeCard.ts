import { adaptiveCard, type AdaptiveCard } from './card';
import { container, plainText, type ContainerStyle } from './elements';

export type NoticeTone = 'default' | 'attention' | 'good';

export interface NoticeCardOptions {
  readonly title?: string;
  readonly text: string;
  readonly tone?: NoticeTone;
}

const CONTAINER_STYLE: Record<NoticeTone, ContainerStyle> = { default: 'default', attention: 'attention', good: 'good' };

/**
 * A short reply ("this round is closed", "only champions can…"). Shown as plain text, so
 * callers may put team or person names in it without them being read as markdown.
 */
export function noticeCard({ title, text, tone = 'default' }: NoticeCardOptions): AdaptiveCard {
  const items = [
    ...(title ? [plainText([{ text: title, style: { weight: 'bolder' } }])] : []),
    plainText([text], { spacing: title ? 'small' : 'none' }),
  ];
  return adaptiveCard([container(items, { style: CONTAINER_STYLE[tone] })]);
}
