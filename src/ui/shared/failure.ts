import { failureMessage } from '../bridge';
import { h } from './dom';
import { sharedTexts } from './texts';

/**
 * A failure as a person reads it: the Vietnamese sentence (failureMessage: the server's own, or Apps Script's English
 * one translated into what to do) in an alert, with "Thử lại" when the thing can be tried again.
 */
export function failureBanner(error: unknown, retry?: () => void): HTMLElement {
  const message = error instanceof Error ? failureMessage(error) : failureMessage(String(error));
  return h(
    'div',
    { class: 'banner banner-error', attrs: { role: 'alert' } },
    h('p', { class: 'banner-text' }, message),
    retry ? h('button', { class: 'retry', attrs: { type: 'button' }, on: { click: () => retry() } }, sharedTexts.retry) : null,
  );
}
