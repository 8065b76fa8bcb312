import { html, link, type Html } from '../html';
import { utf8Length } from './sent-log';
import { pushAll } from '../arrays';
import { singleSpaced } from '../text';

/**
 * Emails as data (EmailView), then as HTML and plain text. The HTML is written for Gmail on a phone: one column at
 * most 640 px wide, 14 px text, inline styles and table attributes only (no <style>, no external CSS, no images),
 * built with the auto-escaping `html` template (core/html.ts) and every link through safeUrl. Gmail clips an HTML body past ~102 KB behind "[Message clipped]", so `fitView` trims the
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

/** A subject line: one line (no header injection through a name with a line break), no control characters. */
export function subjectLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a subject line must not carry
  return singleSpaced(text.replace(/[\u0000-\u001f\u007f]+/g, ' '));
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

function cellHtml(cell: Cell, align: Align | undefined, tag: 'td' | 'th'): Html {
  const colspan = typeof cell === 'object' && cell.colspan && cell.colspan > 1 ? cell.colspan : null;
  const lines = cellText(cell).split('\n');
  const text = lines.map((line, i) => (i === 0 ? html`${line}` : html`<br />${line}`));
  const content = typeof cell === 'object' && cell.bold && tag === 'td' ? html`<b>${text}</b>` : html`${text}`;
  const attrs = [colspan !== null ? html` colspan="${colspan}"` : null, align && align !== 'left' ? html` align="${align}"` : null];
  return tag === 'th' ? html`<th${attrs}>${content}</th>` : html`<td${attrs}>${content}</td>`;
}

function rowHtml(cells: Cell[], aligns: Align[], tag: 'td' | 'th', style?: string): Html {
  let column = 0;
  const parts = cells.map((cell) => {
    const part = cellHtml(cell, tag === 'th' ? 'left' : aligns[column], tag);
    column += typeof cell === 'object' && cell.colspan ? cell.colspan : 1;
    return part;
  });
  return style
    ? html`<tr style="${style}">
        ${parts}
      </tr>`
    : html`<tr>
        ${parts}
      </tr>`;
}

function blockHtml(block: Block): Html {
  switch (block.kind) {
    case 'paragraph':
      return html`<p style="${S.p}">${block.bold ? html`<b>${block.text}</b>` : block.text}</p>`;
    case 'facts':
      return html`<h2 style="${S.h2}">${block.title}</h2>
        <table cellpadding="2" cellspacing="0" style="font-size:14px;margin:0 0 8px">
          ${block.items.map(
            ([k, v]) =>
              html`<tr>
                <td>${k}</td>
                <td align="right"><b>${v}</b></td>
              </tr>`,
          )}
        </table>`;
    case 'list':
      return html`<h2 style="${S.h2}">${block.title}</h2>
        <ul style="margin:0 0 10px;padding-left:20px">
          ${block.items.map((i) => html`<li>${i}</li>`)}
        </ul>`;
    case 'table': {
      const title = html`<h2 style="${S.h2}">${block.title}</h2>`;
      if (block.rows.length === 0 && block.empty)
        return html`${title}
          <p style="${S.p}">${block.empty}</p>`;
      const table = html`<table width="100%" border="1" cellpadding="4" cellspacing="0" bordercolor="#dadce0" style="${S.table}">
        ${rowHtml(block.headers, block.align, 'th', S.head)}${block.rows.map((r) => rowHtml(r, block.align, 'td'))}${block.total ? rowHtml(block.total, block.align, 'td', S.total) : null}
      </table>`;
      return html`${title}${table}${block.note ? html`<p style="${S.note}">${block.note}</p>` : null}`;
    }
  }
}

export function renderHtml(view: EmailView): string {
  const button = view.link ? html`<p style="${S.p}">${link(view.link.url, view.link.label, S.button)}</p>` : null;
  return html`<!DOCTYPE html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${view.subject}</title>
      </head>
      <body style="${S.body}">
        <div style="${S.page}">
          ${view.test ? html`<div style="${S.banner}">${TEST_BANNER}</div>` : null}
          <h1 style="${S.h1}">${view.heading}</h1>
          ${view.greeting ? html`<p style="${S.p}">${view.greeting}</p>` : null}${view.intro.map((p) => html`<p style="${S.p}">${p}</p>`)}${view.blocks.map(blockHtml)}${button}${view.footer.map((p) => html`<p style="${S.footer}">${p}</p>`)}
        </div>
      </body>
    </html>`.markup;
}

function tableText(block: Extract<Block, { kind: 'table' }>): string[] {
  const lines = [block.title, '-'.repeat(Math.min(60, block.title.length))];
  if (block.rows.length === 0 && block.empty) return [...lines, block.empty, ''];
  if (block.headers.length > 0) lines.push(`Cột: ${block.headers.join(' | ')}`);
  for (const row of block.rows) {
    lines.push(
      `- ${row
        .map(cellText)
        .filter((t) => t.trim() !== '')
        .join(' | ')}`,
    );
  }
  if (block.total)
    lines.push(
      `= ${block.total
        .map(cellText)
        .filter((t) => t.trim() !== '')
        .join(' | ')}`,
    );
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
        pushAll(lines, [block.title, ...block.items.map(([k, v]) => `- ${k}: ${v}`), '']);
        break;
      case 'list':
        pushAll(lines, [block.title, ...block.items.map((i) => `- ${i}`), '']);
        break;
      case 'table':
        pushAll(lines, tableText(block));
        break;
    }
  }
  if (view.link) lines.push(`${view.link.label}: ${view.link.url}`, '');
  pushAll(lines, view.footer);
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
    const { b, i } = tables.reduce((a, c) => (utf8Length(blockHtml(c.b).markup) > utf8Length(blockHtml(a.b).markup) ? c : a));
    const omitted = b.omitted ?? 0;
    const keep = Math.max(5, Math.floor(b.rows.length * 0.8));
    const left = omitted + b.rows.length - keep;
    const cut = {
      ...b,
      rows: b.rows.slice(0, keep),
      note: `… và ${left} dòng nữa không in trong thư (để thư không bị Gmail cắt); xem đầy đủ trong bảng tính.`,
      omitted: left,
    };
    current = { ...current, blocks: current.blocks.map((x, j) => (j === i ? cut : x)) };
  }
  return current;
}

export function renderEmail(view: EmailView, budget = GMAIL_CLIP_BUDGET): RenderedEmail {
  const fitted = fitView(view, budget);
  return { subject: subjectLine(view.subject), html: renderHtml(fitted), text: renderText(fitted) };
}
