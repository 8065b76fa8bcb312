import { zipEntryContent, type ZipEntry } from './zip-entries';

/**
 * What the workbook part and the package hold that exceljs would drop or change, carried over as the file had it:
 *
 * - The person's defined names. exceljs keeps only names that are plain ranges, and as sets of cells: a constant
 *   (`TyLe` = 0.15) or a formula (`OFFSET(…)`) is dropped, a tab's own name (`localSheetId`) becomes a workbook name
 *   (two tabs' `Vung` collapse into one), `hidden` and `comment` are lost. They are copied element by element, their
 *   tab found again by name. exceljs keeps only our markers (`_dicoso_…`) and the print areas and titles, which it
 *   turns into page set-up.
 * - `workbookProtection` (the structure lock), which exceljs does not read.
 * - The custom document properties (docProps/custom.xml), a part exceljs does not read.
 */

export interface KeptWorkbookParts {
  names: KeptName[];
  /** `<workbookProtection …/>`, unprefixed, or null. */
  protection: string | null;
  custom: Buffer | null;
}

interface KeptName {
  /** Raw (escaped) attributes but localSheetId. */
  attributes: [string, string][];
  /** The name's tab (decoded), for a tab's own name. */
  scope: string | null;
  /** Raw (escaped) formula text. */
  text: string;
}

const OUR_PREFIX = '_dicoso_';
/** Names exceljs turns into page set-up and writes again itself. */
const PAGE_SETUP_NAMES = new Set(['_xlnm.Print_Area', '_xlnm.Print_Titles']);

/** Whether exceljs should keep the defined name itself (ours, or a print area or titles). */
export function namedByExceljs(name: string): boolean {
  return name.startsWith(OUR_PREFIX) || PAGE_SETUP_NAMES.has(name);
}

const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';

export function keptWorkbookParts(bytes: Uint8Array, entries: readonly ZipEntry[]): KeptWorkbookParts {
  const read = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    return entry ? zipEntryContent(bytes, entry) : null;
  };
  const xml = read('xl/workbook.xml')?.toString('utf8') ?? '';
  const sheets = [...xml.matchAll(/<(?:[\w-]+:)?sheet\s([^>]*?)\/?>/g)].map((m) => xmlDecode(attributesOf(m[1]!).find(([k]) => k === 'name')?.[1] ?? ''));
  const names: KeptName[] = [];
  for (const m of xml.matchAll(/<(?:[\w-]+:)?definedName\s([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w-]+:)?definedName>)/g)) {
    const all = attributesOf(m[1]!);
    const name = xmlDecode(all.find(([k]) => k === 'name')?.[1] ?? '');
    if (name === '' || namedByExceljs(name)) continue;
    const local = all.find(([k]) => k === 'localSheetId')?.[1];
    names.push({
      attributes: all.filter(([k]) => k !== 'localSheetId'),
      scope: local === undefined ? null : (sheets[Number(local)] ?? null),
      text: m[2] ?? '',
    });
  }
  const protection = /<(?:[\w-]+:)?workbookProtection\s([^>]*?)\/?>/.exec(xml);
  const rels = read('_rels/.rels')?.toString('utf8') ?? '';
  return {
    names,
    protection: protection ? `<workbookProtection ${serialize(attributesOf(protection[1]!))}/>` : null,
    custom: rels.includes(CUSTOM_REL) ? read(CUSTOM_PART) : null,
  };
}

/**
 * The parts' rewrites for the writer: the workbook part with the names and the protection put back, and the
 * package's relationships and content types with the custom properties.
 */
export function rewrites(kept: KeptWorkbookParts, tabs: readonly string[]): Map<string, (xml: string) => string> {
  const out = new Map<string, (xml: string) => string>();
  const names = kept.names
    .filter((n) => n.scope === null || tabs.includes(n.scope))
    .map((n) => {
      const attributes = n.scope === null ? n.attributes : [...n.attributes, ['localSheetId', String(tabs.indexOf(n.scope))] as [string, string]];
      return `<definedName ${serialize(attributes)}>${n.text}</definedName>`;
    })
    .join('');
  if (names !== '' || kept.protection) {
    out.set('xl/workbook.xml', (xml) => {
      let result = xml;
      if (kept.protection) result = insertBefore(result, /<bookViews[\s>]|<sheets[\s>]/, kept.protection);
      if (names !== '') {
        // First, as the file had them before we added ours.
        result = result.includes('<definedNames>')
          ? result.replace('<definedNames>', `<definedNames>${names}`)
          : result.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
      }
      return result;
    });
  }
  if (kept.custom) {
    out.set('_rels/.rels', (xml) =>
      xml.replace('</Relationships>', `<Relationship Id="rIdDicosoCustom" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`),
    );
    out.set('[Content_Types].xml', (xml) => xml.replace('</Types>', `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`));
  }
  return out;
}

export const CUSTOM_PROPERTIES_PART = CUSTOM_PART;

function insertBefore(xml: string, at: RegExp, text: string): string {
  const m = at.exec(xml);
  return m ? xml.slice(0, m.index) + text + xml.slice(m.index) : xml;
}

function attributesOf(text: string): [string, string][] {
  // Prefixed attributes (xr:uid …) are left out: their namespaces are not declared in the part exceljs writes.
  return [...text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)]
    .filter((m) => !m[1]!.includes(':'))
    .map((m) => [m[1]!, m[2] ?? (m[3] ?? '').replace(/"/g, '&quot;')]);
}

function serialize(attributes: readonly [string, string][]): string {
  return attributes.map(([k, v]) => `${k}="${v}"`).join(' ');
}

function xmlDecode(text: string): string {
  return text.replace(/&(?:lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (all, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" }[all]!;
  });
}
