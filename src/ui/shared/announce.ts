/**
 * One polite live region per page, for results a person should hear (a filter's count, a save), never keystrokes:
 * a later announcement within `delayMs` replaces an earlier one, so typing a search says the count once it settles.
 */
let region: HTMLElement | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

export function announce(text: string, delayMs = 0): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    if (!region) {
      region = document.createElement('div');
      region.className = 'visually-hidden';
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      region.setAttribute('data-announcer', '');
      document.body.append(region);
    }
    // Emptied first, so the same sentence twice is read twice.
    region.textContent = '';
    const target = region;
    setTimeout(() => (target.textContent = text), 50);
  }, delayMs);
}
