import { Token } from '../xml/cursor';
import { NS, XmlReader } from '../xml/reader';

/**
 * Open Packaging Conventions (ECMA-376 Part 2): part names, relationships and content types. A part is found through
 * the relationships that point at it, never by the name a program usually gives it (`xl/worksheets/sheet1.xml` is
 * only Excel's habit); part names compare without case (Part 2 §9.1.1.1).
 */

export interface Relationship {
  id: string;
  /** The type URI; compare with `hasType`, which accepts the Transitional and Strict spellings. */
  type: string;
  /** The part it points at (no leading '/'), or the target as written for an external one. */
  target: string;
  external: boolean;
}

const TRANSITIONAL_TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_TYPES = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

/** Whether a relationship type is `name` (e.g. 'worksheet', 'comments', 'vmlDrawing'), Transitional or Strict. */
export function hasType(type: string, name: string): boolean {
  return type === TRANSITIONAL_TYPES + name || type === STRICT_TYPES + name;
}

/** The Transitional type URI of `name`, for relationships we write. */
export function typeUri(name: string): string {
  return TRANSITIONAL_TYPES + name;
}

/** The relationships part of a part ('' for the package itself). */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The folder a part's relative targets start from. */
function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** A target as written in a relationships part, resolved to a part name (no leading '/'). */
export function resolveTarget(source: string, target: string): string {
  const decoded = safeDecode(target.split('#')[0]!);
  if (decoded.startsWith('/')) return normalise(decoded.slice(1));
  return normalise(folderOf(source) + decoded);
}

/** The target to write in `source`'s relationships for the part `to`. */
export function relativeTarget(source: string, to: string): string {
  const from = folderOf(source).split('/').filter(Boolean);
  const parts = to.split('/');
  let same = 0;
  while (same < from.length && same < parts.length - 1 && from[same] === parts[same]) same++;
  return [...Array<string>(from.length - same).fill('..'), ...parts.slice(same)].join('/');
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const step of path.split('/')) {
    if (step === '..') out.pop();
    else if (step !== '.' && step !== '') out.push(step);
  }
  return out.join('/');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The relationships of `source` from the bytes of its relationships part. */
export function parseRelationships(bytes: Buffer, source: string): Relationship[] {
  const out: Relationship[] = [];
  const reader = new XmlReader(bytes);
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    if ((kind !== Token.Open && kind !== Token.Empty) || !reader.is(NS.package, 'Relationship')) continue;
    const id = reader.attr('Id');
    const target = reader.attr('Target');
    if (id === undefined || target === undefined) continue;
    const external = reader.attr('TargetMode') === 'External';
    out.push({ id, type: reader.attr('Type') ?? '', target: external ? target : resolveTarget(source, target), external });
  }
  return out;
}

export interface ContentTypes {
  /** By extension, lower case. */
  defaults: Map<string, string>;
  /** By part name, lower case, no leading '/'. */
  overrides: Map<string, string>;
}

export function parseContentTypes(bytes: Buffer): ContentTypes {
  const types: ContentTypes = { defaults: new Map(), overrides: new Map() };
  const reader = new XmlReader(bytes);
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    if (kind !== Token.Open && kind !== Token.Empty) continue;
    if (reader.is(NS.contentTypes, 'Default')) {
      const extension = reader.attr('Extension');
      const type = reader.attr('ContentType');
      if (extension !== undefined && type !== undefined) types.defaults.set(extension.toLowerCase(), type);
    } else if (reader.is(NS.contentTypes, 'Override')) {
      const part = reader.attr('PartName');
      const type = reader.attr('ContentType');
      if (part !== undefined && type !== undefined) types.overrides.set(resolveTarget('', part).toLowerCase(), type);
    }
  }
  return types;
}

/** A part's content type: its override, else its extension's default. */
export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const override = types.overrides.get(part.toLowerCase());
  if (override !== undefined) return override;
  const dot = part.lastIndexOf('.');
  return dot < 0 ? undefined : types.defaults.get(part.slice(dot + 1).toLowerCase());
}

export const CONTENT_TYPES_PART = '[Content_Types].xml';

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;
