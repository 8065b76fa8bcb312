import { utf8Length } from './sent-log';

/**
 * Emails as data (EmailView), then as HTML and plain text. The HTML is written for Gmail on a phone: one column at
 * most 640 px wide, 14 px text, inline styles and table attributes only (no <style>, no external CSS, no images),
 * every user string escaped. Gmail clips an HTML body past ~102 KB behind "[Message clipped]", so `fitView` trims the
 * longest tables (with a note pointing to the spreadsheet) until the HTML is under GMAIL_CLIP_BUDGET.
 */

/** Bytes of HTML we allow: Gmail clips at about 102 KB; keep a margin for what Gmail itself adds. */
export const GMAIL_CLIP_BUDGET = 95 * 1024;

export type Align = 'left' | 'center' | 'right';
export type Cell = string | number | { text: string | number; bold?: boolean; colspan?: number };

export type Block =
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'facts'; title: string; items: [string, string | number][] }
  | { kind: 'table'; title: string; headers: string[]; align: Align[]; rows: Cell[][]; total?: Cell[]; note?: string; empty?: string; omitted?: number }
  | { kind: 'list'; title: string; items: string[] };

export interface EmailView {
  subject: string;
  /** A test email: "[THỬ]" in the subject (set by the composer) and a banner. */
  test: boolean;
  heading: string;
  greeting: string;
  intro: string[];
  blocks: Block[];
  link: { url: string; label: string } | null;
  footer: string[];
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export const TEST_BANNER = 'THƯ GỬI THỬ: chỉ gửi cho anh/chị để xem trước, không gửi cho lãnh đạo các ban.';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A subject line: one line (no header injection through a name with a line break), no control characters. */
export function subjectLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a subject line must not carry
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Only an https link to Google Sheets (or any https URL) becomes a link; anything else is dropped. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https:\/\/[^\s"'<>]+$/.test(url) ? url : null;
}

const S = {
  body: 'margin:0;padding:0;background:#f1f3f4',
  page: 'max-width:640px;margin:0 auto;padding:16px 12px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#202124',
  banner: 'margin:0 0 12px;padding:8px 12px;background:#fff4ce;border:1px solid #e0b400;font-weight:bold',
  h1: 'margin:0 0 8px;font-size:18px;line-height:1.3',
  h2: 'margin:16px 0 6px;font-size:15px',
  p: 'margin:0 0 10px',
  table: 'border-collapse:collapse;border-color:#dadce0;font-size:13px;margin:0 0 8px',
  head: 'background:#e8f0fe',
  total: 'background:#f1f3f4;font-weight:bold',
  note: 'margin:0 0 10px;color:#5f6368;font-size:12px',
  button: 'display:inline-block;padding:8px 14px;background:#1a73e8;color:#ffffff;text-decoration:none;border-radius:4px',
  footer: 'margin:16px 0 0;color:#5f6368;font-size:12px',
};

function cellText(cell: Cell): string {
  return typeof cell === 'object' ? String(cell.text) : String(cell);
}

function cellHtml(cell: Cell, align: Align | undefined, tag: 'td' | 'th'): string {
  const attrs: string[] = [];
  if (typeof cell === 'object' && cell.colspan && cell.colspan > 1) attrs.push(`colspan="${cell.colspan}"`);
  if (align && align !== 'left') attrs.push(`align="${align}"`);
  const text = escapeHtml(cellText(cell)).replace(/\n/g, '<br>');
  const content = typeof cell === 'object' && cell.bold && tag === 'td' ? `<b>${text}</b>` : text;
  return `<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>${content}</${tag}>`;
}

function rowHtml(cells: Cell[], aligns: Align[], tag: 'td' | 'th', style?: string): string {
  let column = 0;
  const parts = cells.map((cell) => {
    const html = cellHtml(cell, tag === 'th' ? 'left' : aligns[column], tag);
    column += typeof cell === 'object' && cell.colspan ? cell.colspan : 1;
    return html;
  });
  return `<tr${style ? ` style="${style}"` : ''}>${parts.join('')}</tr>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${S.p}">${block.bold ? `<b>${escapeHtml(block.text)}</b>` : escapeHtml(block.text)}</p>`;
    case 'facts':
      return (
        `<h2 style="${S.h2}">${escapeHtml(block.title)}</h2><table cellpadding="2" cellspacing="0" style="font-size:14px;margin:0 0 8px">` +
        block.items.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td align="right"><b>${escapeHtml(v)}</b></td></tr>`).join('') +
        '</table>'
      );
    case 'list':
      return `<h2 style="${S.h2}">${escapeHtml(block.title)}</h2><ul style="margin:0 0 10px;padding-left:20px">${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const title = `<h2 style="${S.h2}">${escapeHtml(block.title)}</h2>`;
      if (block.rows.length === 0 && block.empty) return `${title}<p style="${S.p}">${escapeHtml(block.empty)}</p>`;
      const table =
        `<table width="100%" border="1" cellpadding="4" cellspacing="0" bordercolor="#dadce0" style="${S.table}">` +
        rowHtml(block.headers, block.align, 'th', S.head) +
        block.rows.map((r) => rowHtml(r, block.align, 'td')).join('') +
        (block.total ? rowHtml(block.total, block.align, 'td', S.total) : '') +
        '</table>';
      return title + table + (block.note ? `<p style="${S.note}">${escapeHtml(block.note)}</p>` : '');
    }
  }
}

export function renderHtml(view: EmailView): string {
  const link = view.link
    ? `<p style="${S.p}"><a href="${escapeHtml(view.link.url)}" style="${S.button}">${escapeHtml(view.link.label)}</a></p>`
    : '';
  return (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>${escapeHtml(view.subject)}</title></head><body style="${S.body}"><div style="${S.page}">` +
    (view.test ? `<div style="${S.banner}">${escapeHtml(TEST_BANNER)}</div>` : '') +
    `<h1 style="${S.h1}">${escapeHtml(view.heading)}</h1>` +
    (view.greeting ? `<p style="${S.p}">${escapeHtml(view.greeting)}</p>` : '') +
    view.intro.map((p) => `<p style="${S.p}">${escapeHtml(p)}</p>`).join('') +
    view.blocks.map(blockHtml).join('') +
    link +
    view.footer.map((p) => `<p style="${S.footer}">${escapeHtml(p)}</p>`).join('') +
    '</div></body></html>'
  );
}

function tableText(block: Extract<Block, { kind: 'table' }>): string[] {
  const lines = [block.title, '-'.repeat(Math.min(60, block.title.length))];
  if (block.rows.length === 0 && block.empty) return [...lines, block.empty, ''];
  if (block.headers.length > 0) lines.push(`Cột: ${block.headers.join(' | ')}`);
  for (const row of block.rows) {
    lines.push(`- ${row.map(cellText).filter((t) => t.trim() !== '').join(' | ')}`);
  }
  if (block.total) lines.push(`= ${block.total.map(cellText).filter((t) => t.trim() !== '').join(' | ')}`);
  if (block.note) lines.push(block.note);
  return [...lines, ''];
}

/** The plain-text alternative: the same content, one line per row. */
export function renderText(view: EmailView): string {
  const lines: string[] = [];
  if (view.test) lines.push(`*** ${TEST_BANNER} ***`, '');
  lines.push(view.heading, '='.repeat(Math.min(60, view.heading.length)), '');
  if (view.greeting) lines.push(view.greeting, '');
  for (const p of view.intro) lines.push(p, '');
  for (const block of view.blocks) {
    switch (block.kind) {
      case 'paragraph':
        lines.push(block.text, '');
        break;
      case 'facts':
        lines.push(block.title, ...block.items.map(([k, v]) => `- ${k}: ${v}`), '');
        break;
      case 'list':
        lines.push(block.title, ...block.items.map((i) => `- ${i}`), '');
        break;
      case 'table':
        lines.push(...tableText(block));
        break;
    }
  }
  if (view.link) lines.push(`${view.link.label}: ${view.link.url}`, '');
  lines.push(...view.footer);
  return lines.join('\n');
}

/** Text cells of the tables cut to `max` characters (with "…"): the first thing to give up for size. */
function capCells(view: EmailView, max: number): EmailView {
  const cap = (cell: Cell): Cell => {
    const text = typeof cell === 'object' ? String(cell.text) : cell;
    if (typeof text !== 'string' || text.length <= max) return cell;
    const cut = `${text.slice(0, max - 1).trimEnd()}…`;
    return typeof cell === 'object' ? { ...cell, text: cut } : cut;
  };
  return { ...view, blocks: view.blocks.map((b) => (b.kind === 'table' ? { ...b, rows: b.rows.map((r) => r.map(cap)) } : b)) };
}

/**
 * The view made to fit the budget: first the long texts in tables are shortened (every row still listed), then, only
 * if that is not enough, the longest table loses rows, with a note saying how many and where to see them.
 */
export function fitView(view: EmailView, budget = GMAIL_CLIP_BUDGET): EmailView {
  const fits = (v: EmailView) => utf8Length(renderHtml(v)) <= budget;
  if (fits(view)) return view;
  let current = view;
  for (const max of [120, 80, 50]) {
    current = capCells(view, max);
    if (fits(current)) return current;
  }
  for (let guard = 0; guard < 40 && !fits(current); guard++) {
    const tables = current.blocks
      .map((b, i) => ({ b, i }))
      .filter((x): x is { b: Extract<Block, { kind: 'table' }>; i: number } => x.b.kind === 'table' && x.b.rows.length > 5);
    if (tables.length === 0) break;
    const { b, i } = tables.reduce((a, c) => (utf8Length(blockHtml(c.b)) > utf8Length(blockHtml(a.b)) ? c : a));
    const omitted = b.omitted ?? 0;
    const keep = Math.max(5, Math.floor(b.rows.length * 0.8));
    const left = omitted + b.rows.length - keep;
    const cut = { ...b, rows: b.rows.slice(0, keep), note: `… và ${left} dòng nữa không in trong thư (để thư không bị Gmail cắt); xem đầy đủ trong bảng tính.`, omitted: left };
    current = { ...current, blocks: current.blocks.map((x, j) => (j === i ? cut : x)) };
  }
  return current;
}

export function renderEmail(view: EmailView, budget = GMAIL_CLIP_BUDGET): RenderedEmail {
  const fitted = fitView(view, budget);
  return { subject: subjectLine(view.subject), html: renderHtml(fitted), text: renderText(fitted) };
}
