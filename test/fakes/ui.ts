import type { FakeContext } from './context';
import { ButtonEnum, ButtonSetEnum } from './enums';
import { fakeUsageError } from './errors';
import { FakeHtmlOutput } from './html';

type Button = GoogleAppsScript.Base.Button;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;
type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';

export type MenuEntry =
  { kind: 'item'; caption: string; functionName: string } | { kind: 'separator' } | { kind: 'submenu'; caption: string; entries: MenuEntry[] };

export interface BuiltMenu {
  /** 'addon': createAddonMenu (the only kind an installed add-on shows); 'custom': createMenu. */
  kind: 'addon' | 'custom';
  caption: string;
  entries: MenuEntry[];
}

export interface AlertRecord {
  title: string | null;
  prompt: string;
  buttons: string;
  response: ButtonName;
}

export interface PromptRecord extends AlertRecord {
  text: string;
}

export interface DialogRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width: number | null;
  height: number | null;
}

const BUTTONS_OF: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** What the user saw and did in the fake UI; tests script answers and read the record. */
export class UiRecorder {
  readonly menus: BuiltMenu[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  private readonly alertAnswers: ButtonName[] = [];
  private readonly promptAnswers: { text: string; button: ButtonName }[] = [];

  /** The next alerts are answered with these buttons, in order; afterwards the first button of the set. */
  answerAlerts(...buttons: ButtonName[]): void {
    this.alertAnswers.push(...buttons);
  }
  /** The next prompt gets this text and button (default: the first button of its set). */
  answerPrompt(text: string, button?: ButtonName): void {
    this.promptAnswers.push({ text, button: button ?? ('' as ButtonName) });
  }
  get sidebars(): DialogRecord[] {
    return this.dialogs.filter((d) => d.kind === 'sidebar');
  }
  /** The add-on menu (the last one added), or undefined. */
  addonMenu(): BuiltMenu | undefined {
    return [...this.menus].reverse().find((m) => m.kind === 'addon');
  }
  /** Every item of a menu, submenus flattened. */
  static items(menu: BuiltMenu | undefined): { caption: string; functionName: string }[] {
    const out: { caption: string; functionName: string }[] = [];
    const walk = (entries: MenuEntry[]) => {
      for (const e of entries) {
        if (e.kind === 'item') out.push({ caption: e.caption, functionName: e.functionName });
        else if (e.kind === 'submenu') walk(e.entries);
      }
    };
    if (menu) walk(menu.entries);
    return out;
  }

  nextAlert(set: string): ButtonName {
    const allowed = BUTTONS_OF[set] ?? ['OK'];
    const answer = this.alertAnswers.shift() ?? allowed[0] ?? 'OK';
    if (answer !== 'CLOSE' && !allowed.includes(answer)) {
      throw fakeUsageError(`scripted answer ${answer} is not a button of ButtonSet.${set}`);
    }
    return answer;
  }
  nextPrompt(set: string): { text: string; button: ButtonName } {
    const allowed = BUTTONS_OF[set] ?? ['OK'];
    const scripted = this.promptAnswers.shift() ?? { text: '', button: '' as ButtonName };
    const button = scripted.button || allowed[0] || 'OK';
    if (button !== 'CLOSE' && !allowed.includes(button)) {
      throw fakeUsageError(`scripted answer ${button} is not a button of ButtonSet.${set}`);
    }
    return { text: scripted.text, button };
  }
}

type MenuApi = GoogleAppsScript.Base.Menu;

export interface FakeMenu extends Omit<MenuApi, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {}
export class FakeMenu implements Pick<MenuApi, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly entries: MenuEntry[] = [];
  constructor(
    private readonly ctx: FakeContext,
    private readonly recorder: UiRecorder,
    readonly kind: 'addon' | 'custom',
    readonly caption: string,
  ) {}
  addItem(caption: string, functionName: string): this {
    this.ctx.calls.record('Menu.addItem');
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw new Error('[apps-script fake] addItem(caption, functionName) takes two strings');
    }
    this.entries.push({ kind: 'item', caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.ctx.calls.record('Menu.addSeparator');
    this.entries.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    this.ctx.calls.record('Menu.addSubMenu');
    this.entries.push({ kind: 'submenu', caption: menu.caption, entries: menu.entries });
    return this;
  }
  addToUi(): void {
    this.ctx.calls.record('Menu.addToUi');
    const same = this.recorder.menus.findIndex((m) => m.kind === this.kind && m.caption === this.caption);
    const built: BuiltMenu = { kind: this.kind, caption: this.caption, entries: structuredClone(this.entries) };
    if (same >= 0) this.recorder.menus.splice(same, 1, built);
    else this.recorder.menus.push(built);
  }
}

class FakePromptResponse implements GoogleAppsScript.Base.PromptResponse {
  constructor(
    private readonly ctx: FakeContext,
    private readonly text: string,
    private readonly button: ButtonName,
  ) {}
  getResponseText(): string {
    this.ctx.calls.record('PromptResponse.getResponseText');
    return this.text;
  }
  getSelectedButton(): Button {
    this.ctx.calls.record('PromptResponse.getSelectedButton');
    return ButtonEnum[this.button];
  }
}

type UiApi = GoogleAppsScript.Base.Ui;
type UiImplemented = 'Button' | 'ButtonSet' | 'alert' | 'createAddonMenu' | 'createMenu' | 'prompt' | 'showModalDialog' | 'showModelessDialog' | 'showSidebar';

function splitDialogArgs(a: unknown, b: unknown, c: unknown): { title: string | null; prompt: string; set: string } {
  if (c !== undefined) return { title: String(a), prompt: String(b), set: String(c) };
  if (b !== undefined) return { title: null, prompt: String(a), set: String(b) };
  return { title: null, prompt: String(a), set: 'OK' };
}

export interface FakeUi extends Omit<UiApi, UiImplemented> {}
export class FakeUi implements Pick<UiApi, UiImplemented> {
  readonly Button = ButtonEnum;
  readonly ButtonSet = ButtonSetEnum;

  constructor(
    private readonly ctx: FakeContext,
    readonly recorder: UiRecorder,
  ) {}

  private rec(method: string): void {
    this.ctx.calls.record(`Ui.${method}`);
  }

  alert(a: string, b?: string | ButtonSet, c?: ButtonSet): Button {
    this.rec('alert');
    const { title, prompt, set } = splitDialogArgs(a, b, c);
    if (!BUTTONS_OF[set]) throw new Error(`[apps-script fake] not a ButtonSet: ${set}`);
    const response = this.recorder.nextAlert(set);
    this.recorder.alerts.push({ title, prompt, buttons: set, response });
    return ButtonEnum[response];
  }
  createAddonMenu(): FakeMenu {
    this.rec('createAddonMenu');
    return new FakeMenu(this.ctx, this.recorder, 'addon', '(add-on)');
  }
  createMenu(caption: string): FakeMenu {
    this.rec('createMenu');
    return new FakeMenu(this.ctx, this.recorder, 'custom', String(caption));
  }
  prompt(a: string, b?: string | ButtonSet, c?: ButtonSet): FakePromptResponse {
    this.rec('prompt');
    const { title, prompt, set } = splitDialogArgs(a, b, c);
    if (!BUTTONS_OF[set]) throw new Error(`[apps-script fake] not a ButtonSet: ${set}`);
    const { text, button } = this.recorder.nextPrompt(set);
    this.recorder.prompts.push({ title, prompt, buttons: set, response: button, text });
    return new FakePromptResponse(this.ctx, text, button);
  }
  private show(kind: DialogRecord['kind'], html: unknown, title?: string): void {
    if (!(html instanceof FakeHtmlOutput)) {
      throw new Error('[apps-script fake] show… takes an HtmlOutput from HtmlService');
    }
    this.recorder.dialogs.push({
      kind,
      title: title ?? html.title,
      content: html.content,
      // A sidebar is 300 px wide whatever setWidth said.
      width: kind === 'sidebar' ? 300 : html.width,
      height: kind === 'sidebar' ? null : html.height,
    });
  }
  showModalDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.rec('showModalDialog');
    this.show('modal', userInterface, title);
  }
  showModelessDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.rec('showModelessDialog');
    this.show('modeless', userInterface, title);
  }
  showSidebar(userInterface: FakeHtmlOutput): void {
    this.rec('showSidebar');
    this.show('sidebar', userInterface);
  }
}
