import { h } from './dom';
import { sharedTexts } from './texts';

/**
 * Calls still waiting for the server. Once one has waited past SLOW_CALL_MS, a polite notice at the top of the page
 * says so (announced once); it goes when every slow call has answered. Every call goes through the bridge, so every
 * page gets this one implementation.
 */
export const SLOW_CALL_MS = 20_000;

let slow = 0;
let notice: HTMLElement | null = null;

function show(): void {
  if (typeof document === 'undefined') return;
  if (!notice) notice = h('div', { class: 'slow-notice', attrs: { role: 'status' } });
  notice.textContent = sharedTexts.slow;
  if (!notice.isConnected) document.body.prepend(notice);
}

function hide(): void {
  notice?.remove();
}

/** Starts watching one call; `done` must be called when it answers (or fails). */
export function startWaiting(): { done: () => void } {
  let late = false;
  const timer = setTimeout(() => {
    late = true;
    slow += 1;
    show();
  }, SLOW_CALL_MS);
  return {
    done: () => {
      clearTimeout(timer);
      if (!late) return;
      late = false;
      slow -= 1;
      if (slow === 0) hide();
    },
  };
}
