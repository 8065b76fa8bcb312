import type { NameSlot, NoteWrites, SheetSlot } from '../model';
import { EMPTY_STYLES } from '../package/blank';
import { CONTENT_TYPE, CONTENT_TYPES_PART, relsPartOf, typeUri, type Relationship } from '../package/opc';
import { parse, type XlsxPackage } from '../package/package';
import type { StylesInfo } from '../read/styles';
import { Token } from '../xml/cursor';
import { NS, XmlReader } from '../xml/reader';
import { ZipWriter } from '../zip/writer';
import { layoutSheet } from './layout-sheet';
import { patchComments, patchVml, vmlBlocks, vmlNoteCells } from './notes';
import { patchContentTypes, patchRelationships, type NewRelationship } from './package-parts';
import { writeSafely } from './safe-file';
import { patchSheet } from './sheet-patch';
import { StyleBook } from './styles';
import { patchWorkbookPart } from './workbook-patch';
import { maxOf } from '../../core/arrays';

/**
 * Writing a workbook: the input package with our changes, part by part. The changed parts are worked out first
 * (`plan`: the styles we add must be numbered before any sheet naming them is written), then the zip is written in
 * the input's order: a part we do not change is copied as it is stored, a changed one is written from its edits,
 * and the parts we add come last. A part that only the tabs we replace or delete pointed at goes with them.
 */

export interface BookState {
  pkg: XlsxPackage;
  workbookPart: string;
  slots: readonly SheetSlot[];
  names: readonly NameSlot[];
  styles: StylesInfo;
  date1904: boolean;
}

type Content = Buffer | (() => Iterable<Buffer>);

const DATE_FORMAT = 'dd/mm/yyyy';

export async function writeWorkbook(state: BookState, path: string): Promise<void> {
  const plan = new PackagePlan(state);
  plan.build();
  const { pkg } = state;
  await writeSafely(path, async (file) => {
    const zip = new ZipWriter(file);
    for (const entry of pkg.entries) {
      const part = entry.name.startsWith('/') ? entry.name.slice(1) : entry.name;
      if (!entry.name.endsWith('/') && pkg.entry(part) !== entry) continue;
      if (plan.removed.has(part.toLowerCase())) continue;
      const content = plan.changed.get(part.toLowerCase());
      if (content) await zip.add(entry.name, chunksOf(content));
      else await zip.copy(pkg.bytes, entry);
    }
    for (const [name, content] of plan.added) await zip.add(name, chunksOf(content));
    await zip.close();
  });
}

function chunksOf(content: Content): Iterable<Buffer> {
  return Buffer.isBuffer(content) ? [content] : content();
}

interface RelationshipEdits {
  remove: Set<string>;
  add: NewRelationship[];
  /** The source part is written anew and has no relationships any more. */
  drop: boolean;
}

class PackagePlan {
  /** By part name in lower case. */
  readonly changed = new Map<string, Content>();
  readonly added = new Map<string, Content>();
  readonly removed = new Set<string>();
  private readonly overrides = new Map<string, string>();
  private readonly defaults = new Map<string, string>();
  private readonly rels = new Map<string, RelationshipEdits>();
  private readonly styles: StyleBook;
  /** Sheets whose formulas may be gone (replaced, deleted, or a formula cell written over), by sheetId. */
  private readonly formulasGone = new Set<number>();
  private readonly addedSheets = new Map<SheetSlot, { sheetId: number; relId: string }>();
  private vmlBlock = 0;

  constructor(private readonly state: BookState) {
    this.styles = new StyleBook(state.styles);
  }

  private get pkg(): XlsxPackage {
    return this.state.pkg;
  }

  build(): void {
    const { slots, workbookPart } = this.state;
    let sheetId = maxOf(
      slots.map((s) => s.input?.sheetId ?? 0),
      0,
    );
    for (const slot of slots) {
      if (slot.deleted) {
        if (slot.input) {
          this.relEdits(workbookPart).remove.add(slot.input.relId);
          this.formulasGone.add(slot.input.sheetId);
        }
      } else if (slot.content) {
        const content = layoutSheet(slot.content, this.styles, this.state.date1904);
        if (slot.input) {
          this.changed.set(slot.input.part.toLowerCase(), content);
          this.relEdits(slot.input.part).drop = true;
          this.formulasGone.add(slot.input.sheetId);
        } else {
          const part = this.freePart((n) => `xl/worksheets/sheet${n}.xml`);
          this.added.set(part, content);
          this.overrides.set(part, CONTENT_TYPE.worksheet);
          const relId = this.newRelId(workbookPart);
          this.relEdits(workbookPart).add.push({ id: relId, type: typeUri('worksheet'), target: part });
          this.addedSheets.set(slot, { sheetId: ++sheetId, relId });
        }
      } else if (slot.input?.worksheet && !slot.edits.empty) this.sheet(slot);
    }
    this.workbook();
    this.stylesPart();
    this.calcChain();
    this.relationships();
    this.collectGarbage();
    this.contentTypes();
  }

  /** One of the file's sheets with our edits, and its notes. */
  private sheet(slot: SheetSlot): void {
    const part = slot.input!.part;
    const edits = slot.edits;
    const needsDrawing = edits.notes.anyText;
    const drawingId = needsDrawing ? this.newRelId(part) : null;
    const patch = parse(
      () =>
        patchSheet(this.pkg.read(part), {
          edits,
          date1904: this.state.date1904,
          dateStyle: () => this.styles.numberOnly(DATE_FORMAT),
          ruleStyle: (background, bold) => this.styles.differential(background, bold),
          newDrawingRelId: drawingId,
          ourStatusStyle: edits.clearedColumn === null ? null : this.styles.existingWrappedText(),
          status:
            edits.statusColumn === null
              ? null
              : {
                  column: edits.statusColumn,
                  style: () => this.styles.wrappedText(),
                  font: { size: this.styles.defaultFont.size ?? 11, family: this.styles.defaultFont.name },
                },
        }),
      part,
    );
    if (patch.splice.edited) this.changed.set(part.toLowerCase(), () => patch.splice.chunks());
    if (patch.formulaRemoved) this.formulasGone.add(slot.input!.sheetId);
    if (edits.notes.empty && edits.clearedRows.size === 0 && edits.clearedColumn === null) return;

    const commentsRel = this.pkg.related(part, 'comments');
    const commentsPart = commentsRel && this.pkg.has(commentsRel.target) ? commentsRel.target : null;
    const comments = parse(
      () =>
        patchComments(commentsPart ? this.pkg.read(commentsPart) : null, {
          wanted: (row, column) => edits.notes.at(row, column),
          added: edits.notes.nonEmpty(),
          clearedRows: edits.clearedRows,
          clearedColumn: edits.clearedColumn,
        }),
      commentsPart ?? part,
    );
    if (commentsPart) {
      if (!comments.bytes.equals(this.pkg.read(commentsPart))) this.changed.set(commentsPart.toLowerCase(), comments.bytes);
    } else if (comments.added.length > 0) {
      const created = this.freePart((n) => `xl/comments${n}.xml`);
      this.added.set(created, comments.bytes);
      this.overrides.set(created, CONTENT_TYPE.comments);
      this.relEdits(part).add.push({ id: this.newRelId(part), type: typeUri('comments'), target: created });
    }
    this.drawing(part, patch.drawingRelId, patch.drawingAdded ? drawingId : null, comments, edits.notes);
  }

  /** The VML drawing that shows the sheet's notes: shapes added and removed with the notes. */
  private drawing(
    part: string,
    existingId: string | null,
    newId: string | null,
    comments: { added: string[]; removed: string[]; kept: string[] },
    notes: NoteWrites,
  ): void {
    const rel = existingId === null ? undefined : this.pkg.relationships(part).find((r) => r.id === existingId && !r.external);
    const existing = rel && this.pkg.has(rel.target) ? rel.target : null;
    const before = existing ? this.pkg.read(existing).toString('utf8') : null;
    const shown = before === null ? new Set<string>() : vmlNoteCells(before);
    const changedKept = comments.kept.filter((key) => {
      const [row, column] = key.split(':').map(Number) as [number, number];
      return (notes.at(row, column) ?? '') !== '' && !shown.has(key);
    });
    const added = [...comments.added, ...changedKept].filter((key) => !shown.has(key));
    const removed = comments.removed.filter((key) => shown.has(key));
    if (existing && before !== null) {
      if (added.length > 0 || removed.length > 0) this.changed.set(existing.toLowerCase(), Buffer.from(patchVml(before, added, removed, 0), 'utf8'));
    } else if (newId !== null && added.length > 0) {
      const created = this.freePart((n) => `xl/drawings/vmlDrawing${n}.vml`);
      this.added.set(created, Buffer.from(patchVml(null, added, [], this.nextVmlBlock()), 'utf8'));
      this.defaults.set('vml', CONTENT_TYPE.vml);
      this.relEdits(part).add.push({ id: newId, type: typeUri('vmlDrawing'), target: created });
    }
  }

  /** A shape-number block no VML drawing of the package uses (each drawing numbers its shapes from its own). */
  private nextVmlBlock(): number {
    if (this.vmlBlock === 0) {
      let highest = 0;
      for (const entry of this.pkg.entries) {
        if (!/\.vml$/i.test(entry.name)) continue;
        try {
          highest = maxOf(vmlBlocks(this.pkg.read(entry.name).toString('utf8')), highest);
        } catch {
          // An unreadable drawing numbers nothing.
        }
      }
      this.vmlBlock = highest;
    }
    return ++this.vmlBlock;
  }

  private workbook(): void {
    const part = this.state.workbookPart;
    const bytes = this.pkg.read(part);
    const patched = parse(() => patchWorkbookPart(bytes, { slots: this.state.slots, names: this.state.names, added: this.addedSheets }), part);
    if (!patched.equals(bytes)) this.changed.set(part.toLowerCase(), patched);
  }

  private stylesPart(): void {
    if (!this.styles.changed) return;
    const rel = this.pkg.related(this.state.workbookPart, 'styles');
    if (rel && this.pkg.has(rel.target)) {
      this.changed.set(
        rel.target.toLowerCase(),
        parse(() => this.styles.patch(this.pkg.read(rel.target)).toBuffer(), rel.target),
      );
      return;
    }
    const created = this.freePart((n) => (n === 1 ? 'xl/styles.xml' : `xl/styles${n}.xml`));
    this.added.set(created, this.styles.patch(Buffer.from(EMPTY_STYLES)).toBuffer());
    this.overrides.set(created, CONTENT_TYPE.styles);
    this.relEdits(this.state.workbookPart).add.push({ id: this.newRelId(this.state.workbookPart), type: typeUri('styles'), target: created });
  }

  /**
   * The calculation chain lists the cells holding formulas (§18.6); one naming a cell that no longer holds one makes
   * Excel repair the file. When a sheet it names lost formulas, it is left out: Excel rebuilds it on opening.
   */
  private calcChain(): void {
    if (this.formulasGone.size === 0) return;
    const rel = this.pkg.related(this.state.workbookPart, 'calcChain');
    if (!rel || !this.pkg.has(rel.target)) return;
    const named = new Set<number>();
    const reader = new XmlReader(this.pkg.read(rel.target));
    let sheet = 0;
    for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
      if ((kind === Token.Open || kind === Token.Empty) && reader.is(NS.main, 'c')) {
        sheet = reader.attrInt('i') ?? sheet;
        named.add(sheet);
      }
    }
    if ([...this.formulasGone].some((id) => named.has(id))) this.relEdits(this.state.workbookPart).remove.add(rel.id);
  }

  private relationships(): void {
    for (const [source, edits] of this.rels) {
      const relsPart = relsPartOf(source);
      const existing = this.pkg.has(relsPart) ? this.pkg.read(relsPart) : null;
      if (edits.drop) {
        if (existing) this.removed.add(relsPart.toLowerCase());
        continue;
      }
      if (edits.remove.size === 0 && edits.add.length === 0) continue;
      const bytes = parse(() => patchRelationships(existing, source, edits.remove, edits.add), relsPart);
      if (existing) this.changed.set(relsPart.toLowerCase(), bytes);
      else this.added.set(relsPart, bytes);
    }
  }

  /** Parts that only dropped relationships pointed at (a replaced or deleted tab's notes, drawings, tables…) go. */
  private collectGarbage(): void {
    const before = this.reachable((source) => this.pkg.relationships(source));
    const after = this.reachable((source) => {
      const edits = this.rels.get(source);
      if (edits?.drop) return [];
      const kept = this.pkg.relationships(source).filter((r) => !edits?.remove.has(r.id));
      return [...kept, ...(edits?.add ?? []).map((r) => ({ ...r, external: false }))];
    });
    for (const part of before) {
      if (after.has(part) || !this.pkg.has(part)) continue;
      this.removed.add(part);
      const rels = relsPartOf(part).toLowerCase();
      if (this.pkg.has(rels)) this.removed.add(rels);
    }
  }

  private reachable(relationships: (source: string) => Relationship[]): Set<string> {
    const seen = new Set<string>();
    const queue = [''];
    while (queue.length > 0) {
      const source = queue.shift()!;
      for (const r of relationships(source)) {
        if (r.external) continue;
        const key = r.target.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        if (this.pkg.has(r.target) || this.added.has(r.target)) queue.push(r.target);
      }
    }
    return seen;
  }

  private contentTypes(): void {
    if (this.overrides.size === 0 && this.defaults.size === 0 && this.removed.size === 0) return;
    const bytes = this.pkg.read(CONTENT_TYPES_PART);
    const types = this.pkg.contentTypes;
    const defaults = new Map([...this.defaults].filter(([extension]) => !types.defaults.has(extension)));
    const patched = parse(() => patchContentTypes(bytes, this.overrides, defaults, this.removed), CONTENT_TYPES_PART);
    if (!patched.equals(bytes)) this.changed.set(CONTENT_TYPES_PART.toLowerCase(), patched);
  }

  private relEdits(source: string): RelationshipEdits {
    let edits = this.rels.get(source);
    if (!edits) this.rels.set(source, (edits = { remove: new Set(), add: [], drop: false }));
    return edits;
  }

  /** A relationship id unused in `source`'s relationships, including those this run adds. */
  private newRelId(source: string): string {
    const taken = new Set([...this.pkg.relationships(source).map((r) => r.id), ...(this.rels.get(source)?.add ?? []).map((r) => r.id)]);
    const reserved = this.reservedIds.get(source) ?? new Set<string>();
    let n = taken.size + 1;
    while (taken.has(`rId${n}`) || reserved.has(`rId${n}`)) n++;
    reserved.add(`rId${n}`);
    this.reservedIds.set(source, reserved);
    return `rId${n}`;
  }

  private readonly reservedIds = new Map<string, Set<string>>();

  /** The first part name of the pattern that neither the package nor this run uses. */
  private freePart(name: (n: number) => string): string {
    for (let n = 1; ; n++) {
      const candidate = name(n);
      if (!this.pkg.has(candidate) && !this.added.has(candidate)) return candidate;
    }
  }
}
