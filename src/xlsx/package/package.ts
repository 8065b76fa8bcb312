import { zipEntryContent, type ZipEntry } from '../zip/entries';
import { XmlError } from '../xml/cursor';
import { CONTENT_TYPES_PART, hasType, parseContentTypes, parseRelationships, relsPartOf, type ContentTypes, type Relationship } from './opc';

/** A part the package names cannot be read (damaged zip entry, or not XML where XML is required). */
export class DamagedPart extends Error {}

/**
 * The input .xlsx as a package of parts: the file's bytes (kept, so that parts we do not change are copied from
 * them as they are stored) and its zip directory, with each part read (inflated) only when asked for.
 */
export class XlsxPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly relationshipsCache = new Map<string, Relationship[]>();
  private contentTypesCache: ContentTypes | null = null;

  constructor(
    readonly bytes: Buffer,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      const name = (entry.name.startsWith('/') ? entry.name.slice(1) : entry.name).toLowerCase();
      // A name given twice: the later entry is the one readers see in the central directory's order.
      this.byName.set(name, entry);
    }
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.toLowerCase());
  }

  has(part: string): boolean {
    return this.byName.has(part.toLowerCase());
  }

  /** The part's bytes, inflated. XML parts in UTF-16 come back as UTF-8 (the encoding we read and write). */
  read(part: string): Buffer {
    const entry = this.entry(part);
    if (!entry) throw new DamagedPart(`missing part ${part}`);
    const content = zipEntryContent(this.bytes, entry);
    if (!content) throw new DamagedPart(`unreadable part ${part}`);
    return asUtf8(content);
  }

  /** The part's bytes, or null when the package has no such part. */
  readIfAny(part: string): Buffer | null {
    return this.has(part) ? this.read(part) : null;
  }

  relationships(source: string): Relationship[] {
    let found = this.relationshipsCache.get(source);
    if (!found) {
      const rels = this.readIfAny(relsPartOf(source));
      found = rels ? parse(() => parseRelationships(rels, source), relsPartOf(source)) : [];
      this.relationshipsCache.set(source, found);
    }
    return found;
  }

  /** The first relationship of `source` of the type `name` ('worksheet', 'comments', …). */
  related(source: string, name: string): Relationship | undefined {
    return this.relationships(source).find((r) => !r.external && hasType(r.type, name));
  }

  get contentTypes(): ContentTypes {
    if (!this.contentTypesCache) {
      const bytes = this.read(CONTENT_TYPES_PART);
      this.contentTypesCache = parse(() => parseContentTypes(bytes), CONTENT_TYPES_PART);
    }
    return this.contentTypesCache;
  }

  /** The workbook part, found from the package's relationships (ECMA-376 Part 1 §12.3.23). */
  workbookPart(): string {
    const found = this.related('', 'officeDocument');
    if (found) return found.target;
    if (this.has('xl/workbook.xml')) return 'xl/workbook.xml';
    throw new DamagedPart('no workbook part');
  }
}

/** Runs a parse, turning an XML error into a DamagedPart naming the part. */
export function parse<T>(run: () => T, part: string): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof XmlError) throw new DamagedPart(`${part}: ${error.message}`);
    throw error;
  }
}

/** UTF-16 XML (with its byte-order mark) as UTF-8, its declaration saying so. */
function asUtf8(bytes: Buffer): Buffer {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return bytes;
  const body = Buffer.from(bytes.subarray(2));
  if (be) body.swap16();
  const text = body.toString('utf16le').replace(/^(<\?xml[^>]*?encoding=)(["'])utf-16\2/i, '$1$2UTF-8$2');
  return Buffer.from(text, 'utf8');
}
