import type { CellRange } from '../../core/a1';
import { parseRange } from '../a1';
import { Token } from '../xml/cursor';
import { NS, XmlReader } from '../xml/reader';

/**
 * An Excel table ("Format as Table", ECMA-376 Part 1 §18.5.1.2): its range, how many header rows it has (1 unless
 * `headerRowCount` says 0) and how many totals rows close it (`totalsRowCount`, 0 by default). The totals row holds
 * the table's own sums and counts, not a row a person entered.
 */
export interface TableRead {
  range: CellRange;
  headerRows: number;
  totalsRows: number;
}

export function readTable(bytes: Buffer): TableRead | null {
  const reader = new XmlReader(bytes);
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    if ((kind !== Token.Open && kind !== Token.Empty) || !reader.is(NS.main, 'table')) continue;
    const range = parseRange(reader.attr('ref') ?? '');
    if (!range) return null;
    return { range, headerRows: Number(reader.attr('headerRowCount') ?? 1), totalsRows: Number(reader.attr('totalsRowCount') ?? 0) };
  }
  return null;
}
