import { failureMessage } from '../bridge';
import { h, isBusy, replace } from './dom';
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

/**
 * A page's ↻: reads its data again and shows it, the icon button marked busy meanwhile (its ↻ stays: see busy in
 * dom.ts for buttons with a label), a second press doing nothing. A failure shows in `messages`, with "Thử lại".
 */
export async function refreshWith<T>(button: HTMLElement, messages: HTMLElement, read: () => Promise<T>, show: (data: T) => void): Promise<void> {
  if (isBusy(button)) return;
  button.setAttribute('aria-busy', 'true');
  try {
    show(await read());
  } catch (error) {
    replace(
      messages,
      failureBanner(error, () => void refreshWith(button, messages, read, show)),
    );
  } finally {
    button.removeAttribute('aria-busy');
  }
}
