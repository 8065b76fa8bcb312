/**
 * The parts of exceljs 4.4 that are not in its public typings but that the streaming load and save use
 * (xlsx-io.ts): its own XML transforms (xforms) and XML writer. Typed only as far as we call them.
 */

declare module 'exceljs/lib/utils/xml-stream.js' {
  class XmlStream {
    constructor();
    openNode(name: string, attributes?: Record<string, unknown>): void;
    closeNode(): void;
    writeXml(xml: string): void;
    get xml(): string;
  }
  export = XmlStream;
}

declare module 'exceljs/lib/utils/utils.js' {
  const utils: {
    isDateFmt(format: string | undefined): boolean;
    excelToDate(value: number, date1904?: boolean): Date;
  };
  export = utils;
}

declare module 'exceljs/lib/doc/row.js' {
  import type ExcelJS from 'exceljs';
  const Row: new (worksheet: ExcelJS.Worksheet, number: number) => ExcelJS.Row;
  export = Row;
}

declare module 'exceljs/lib/xlsx/xform/sheet/worksheet-xform.js' {
  class WorksheetXform {
    constructor(options?: object);
    map: Record<string, unknown>;
    parseOpen(node: unknown): boolean;
    parseText(text: string): void;
    parseClose(name: string): boolean;
    parse(events: AsyncIterable<unknown>): Promise<unknown>;
    parseStream(stream: AsyncIterable<string | Buffer>): Promise<Record<string, unknown>>;
    render(xmlStream: unknown, model: unknown): void;
  }
  export = WorksheetXform;
}

declare module 'exceljs/lib/xlsx/xform/sheet/row-xform.js' {
  class RowXform {
    constructor(options?: object);
    model: unknown;
    prepare(model: unknown, options: unknown): void;
    render(xmlStream: unknown, model: unknown, options?: unknown): void;
    parseOpen(node: unknown): boolean;
    parseText(text: string): void;
    parseClose(name: string): boolean;
    reset(): void;
  }
  export = RowXform;
}

declare module 'exceljs/lib/xlsx/xform/sheet/cell-xform.js' {
  class CellXform {
    constructor();
    prepare(model: unknown, options: unknown): void;
  }
  export = CellXform;
}

declare module 'exceljs/lib/xlsx/xform/base-xform.js' {
  class BaseXform {
    model: unknown;
    reset(): void;
  }
  export = BaseXform;
}

declare module 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js' {
  class SharedStringsXform {
    constructor();
    parseStream(stream: AsyncIterable<string | Buffer>): Promise<unknown>;
    getString(index: number): unknown;
    get count(): number;
  }
  export = SharedStringsXform;
}

declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  class StylesXform {
    constructor(initialise?: boolean);
    parseStream(stream: AsyncIterable<string | Buffer>): Promise<unknown>;
    getStyleModel(id: number): object | null;
    addStyleModel(model: object, cellType?: number): number;
  }
  export = StylesXform;
}

declare module 'exceljs/lib/xlsx/xform/core/app-xform.js' {
  class AppXform {
    parseStream(stream: AsyncIterable<string | Buffer>): Promise<{ company?: string; manager?: string }>;
  }
  export = AppXform;
}

declare module 'exceljs/lib/xlsx/xform/core/core-xform.js' {
  class CoreXform {
    parseStream(stream: AsyncIterable<string | Buffer>): Promise<Record<string, unknown>>;
  }
  export = CoreXform;
}

declare module 'zip-stream' {
  import type { Transform } from 'node:stream';
  class ZipStream extends Transform {
    constructor(options?: { zlib?: { level?: number }; forceZip64?: boolean; store?: boolean });
    entry(source: Buffer | string | NodeJS.ReadableStream, data: { name: string; date?: Date }, callback: (error?: Error | null) => void): this;
    finalize(): void;
  }
  export = ZipStream;
}

declare module 'exceljs/lib/xlsx/xform/core/relationships-xform.js' {
  class RelationshipsXform {
    toXml(model: unknown): string;
  }
  export = RelationshipsXform;
}

declare module 'exceljs/lib/xlsx/xform/comment/comments-xform.js' {
  class CommentsXform {
    toXml(model: unknown): string;
  }
  export = CommentsXform;
}

declare module 'exceljs/lib/xlsx/xform/comment/vml-notes-xform.js' {
  class VmlNotesXform {
    toXml(model: unknown): string;
  }
  export = VmlNotesXform;
}

declare module 'exceljs/lib/doc/workbook.js' {
  const Workbook: unknown;
  export = Workbook;
}

declare module 'exceljs/lib/doc/enums.js' {
  const enums: { ValueType: Record<string, number> };
  export = enums;
}
