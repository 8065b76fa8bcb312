import { pageTexts } from '../../sheets/pages/texts';
import { errorCode } from '../../sheets/user-message';
import { h, replace } from './dom';
import { failureBanner } from './failure';
import { sharedTexts } from './texts';
import { SLOW_CALL_MS } from './waiting';

export interface PageLoad<T> {
  /** The page's heading, shown while loading and above a failure. */
  title: string;
  fetch: () => Promise<T>;
  /** Builds the page from its data (replacing #app's content). */
  show: (data: T) => void;
}

/**
 * Loads a page's data into its <main>, the same way on every page: "Đang tải…"; past 20 s a "Thử lại" beside it; on
 * failure the reason and "Thử lại". A retry that succeeds moves focus to the page's heading; one that fails, to the
 * new "Thử lại" (the button pressed is gone either way). An answer to an abandoned attempt is ignored.
 */
export function loadPage<T>(app: HTMLElement, load: PageLoad<T>): void {
  let attempt = 0;
  const heading = () => h('h1', { attrs: { tabindex: -1 } }, load.title);
  const run = (retried: boolean): void => {
    const mine = ++attempt;
    app.setAttribute('aria-busy', 'true');
    const status = h('p', { class: 'loading', attrs: { role: 'status' } }, sharedTexts.loading);
    replace(app, heading(), status);
    if (retried) app.querySelector<HTMLElement>('h1')?.focus();
    const timer = setTimeout(() => {
      if (mine !== attempt) return;
      replace(status, sharedTexts.slowLoad, ' ', h('button', { attrs: { type: 'button' }, on: { click: () => run(true) } }, sharedTexts.retry));
    }, SLOW_CALL_MS);
    const fail = (error: unknown) => {
      replace(
        app,
        heading(),
        failureBanner(error, () => run(true)),
      );
      app.setAttribute('aria-busy', 'false');
      if (retried) app.querySelector<HTMLElement>('.retry')?.focus();
    };
    load.fetch().then(
      (data) => {
        if (mine !== attempt) return;
        clearTimeout(timer);
        try {
          load.show(data);
        } catch (error) {
          const code = errorCode(error instanceof Error ? error.message : String(error));
          console.error(code, error);
          fail(new Error(pageTexts.unexpected(load.title, code)));
          return;
        }
        app.setAttribute('aria-busy', 'false');
        if (retried) {
          const h1 = app.querySelector<HTMLElement>('h1');
          h1?.setAttribute('tabindex', '-1');
          h1?.focus();
        }
      },
      (error: unknown) => {
        if (mine !== attempt) return;
        clearTimeout(timer);
        fail(error);
      },
    );
  };
  run(false);
}
