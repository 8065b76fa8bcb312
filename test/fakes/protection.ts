import { ProtectionTypeEnum } from './enums';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

type Api = GoogleAppsScript.Spreadsheet.Protection;
type Implemented =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setWarningOnly';

/** A sheet or range protection. The owner (the test's user) can always edit. */
export interface FakeProtection extends Omit<Api, Implemented> {}
export class FakeProtection implements Pick<Api, Implemented> {
  description = '';
  warningOnly = false;
  domainEdit = true;
  readonly editors = new Set<string>();
  removed = false;

  constructor(
    readonly sheet: FakeSheet,
    readonly type: 'SHEET' | 'RANGE',
    /** 1-based box; for a sheet protection, the whole sheet. */
    readonly box: { row: number; column: number; numRows: number; numColumns: number } | null,
  ) {}

  private rec(method: string): void {
    this.sheet.ctx.calls.record(`Protection.${method}`);
  }
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): this {
    this.rec('addEditor');
    this.editors.add(typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail());
    return this;
  }
  addEditors(emailAddresses: string[]): this {
    this.rec('addEditors');
    for (const e of emailAddresses) this.editors.add(e);
    return this;
  }
  canDomainEdit(): boolean {
    this.rec('canDomainEdit');
    return this.domainEdit;
  }
  canEdit(): boolean {
    this.rec('canEdit');
    return true;
  }
  getDescription(): string {
    this.rec('getDescription');
    return this.description;
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    this.rec('getEditors');
    return [...this.editors].map((email) => ({ getEmail: () => email, getUserLoginId: () => email }));
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.rec('getProtectionType');
    return ProtectionTypeEnum[this.type];
  }
  getRange(): FakeRange {
    this.rec('getRange');
    const b = this.box ?? { row: 1, column: 1, numRows: this.sheet.maxRows, numColumns: this.sheet.maxColumns };
    return this.sheet.rangeAt(b.row, b.column, b.numRows, b.numColumns);
  }
  isWarningOnly(): boolean {
    this.rec('isWarningOnly');
    return this.warningOnly;
  }
  remove(): void {
    this.rec('remove');
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): this {
    this.rec('removeEditor');
    this.editors.delete(typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail());
    return this;
  }
  removeEditors(emailAddresses: string[] | GoogleAppsScript.Base.User[]): this {
    this.rec('removeEditors');
    for (const e of emailAddresses) this.editors.delete(typeof e === 'string' ? e : e.getEmail());
    return this;
  }
  setDescription(description: string): this {
    this.rec('setDescription');
    this.description = String(description);
    return this;
  }
  setDomainEdit(editable: boolean): this {
    this.rec('setDomainEdit');
    this.domainEdit = editable;
    return this;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.rec('setWarningOnly');
    this.warningOnly = Boolean(warningOnly);
    return this;
  }
  describe(): { type: 'SHEET' | 'RANGE'; description: string; warningOnly: boolean; range: string | null } {
    return {
      type: this.type,
      description: this.description,
      warningOnly: this.warningOnly,
      range: this.box ? this.sheet.rangeAt(this.box.row, this.box.column, this.box.numRows, this.box.numColumns).a1() : null,
    };
  }
}
