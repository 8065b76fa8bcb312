/** Email addresses as people type them: one checked, a list split, one compared. */

// One address, no display name, no list: what MailApp accepts and what a roster cell should hold.
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && ADDRESS.test(text);
}

/**
 * The addresses of a list as people type it: one per line, or separated by commas or semicolons; spaces separate
 * only when every word between them is an address ("a@x.vn b@y.vn"). Otherwise the words stay one entry, which is
 * then not an address: "nguyen van a@tinhdoan.vn" must never become a@tinhdoan.vn. Each address once.
 */
export function splitEmailList(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const piece of text.split(/[\n,;]+/)) {
    const entry = piece.trim();
    if (entry === '') continue;
    const words = entry.split(/\s+/);
    for (const address of words.length > 1 && words.every(isEmailAddress) ? words : [entry]) {
      const key = normalizeEmail(address);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(address);
    }
  }
  return out;
}

/** The form an address is compared and logged in. */
export function normalizeEmail(text: string): string {
  return text.trim().toLowerCase();
}
