import type { FakeContext } from './context';
import { SandboxModeEnum, XFrameOptionsModeEnum } from './enums';
import { gasError, MESSAGES } from './errors';

type OutputApi = GoogleAppsScript.HTML.HtmlOutput;
type OutputImplemented =
  | 'append'
  | 'appendUntrusted'
  | 'getContent'
  | 'getHeight'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode'
  | 'addMetaTag';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface FakeHtmlOutput extends Omit<OutputApi, OutputImplemented> {}
export class FakeHtmlOutput implements Pick<OutputApi, OutputImplemented> {
  title = '';
  width: number | null = null;
  height: number | null = null;
  sandboxMode: string | null = null;
  xFrameOptionsMode: string | null = null;
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly ctx: FakeContext,
    public content = '',
  ) {}

  private rec(method: string): void {
    this.ctx.calls.record(`HtmlOutput.${method}`);
  }
  addMetaTag(name: string, content: string): this {
    this.rec('addMetaTag');
    this.metaTags.push({ name, content });
    return this;
  }
  append(addedContent: string): this {
    this.rec('append');
    this.content += addedContent;
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this.rec('appendUntrusted');
    this.content += escapeHtml(addedContent);
    return this;
  }
  getContent(): string {
    this.rec('getContent');
    return this.content;
  }
  getHeight(): number {
    this.rec('getHeight');
    return this.height ?? 0;
  }
  getTitle(): string {
    this.rec('getTitle');
    return this.title;
  }
  getWidth(): number {
    this.rec('getWidth');
    return this.width ?? 0;
  }
  setContent(content: string): this {
    this.rec('setContent');
    this.content = content;
    return this;
  }
  setHeight(height: number): this {
    this.rec('setHeight');
    this.height = height;
    return this;
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): this {
    this.rec('setSandboxMode');
    this.sandboxMode = String(mode);
    return this;
  }
  setTitle(title: string): this {
    this.rec('setTitle');
    this.title = String(title);
    return this;
  }
  setWidth(width: number): this {
    this.rec('setWidth');
    this.width = width;
    return this;
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): this {
    this.rec('setXFrameOptionsMode');
    this.xFrameOptionsMode = String(mode);
    return this;
  }
}

type TemplateApi = GoogleAppsScript.HTML.HtmlTemplate;

/**
 * A template with the printing scriptlets only: `<?= name ?>` (escaped) and `<?!= name ?>` (raw), where `name` is a
 * property set on the template. Code scriptlets `<? … ?>` are not run: they throw, so a page that needs them is noticed.
 */
export class FakeHtmlTemplate implements TemplateApi {
  [key: string]: unknown;
  constructor(
    private readonly ctx: FakeContext,
    private readonly source: string,
  ) {}
  getRawContent(): string {
    this.ctx.calls.record('HtmlTemplate.getRawContent');
    return this.source;
  }
  getCode(): string {
    this.ctx.calls.record('HtmlTemplate.getCode');
    throw new Error('[apps-script fake] HtmlTemplate.getCode is not modelled');
  }
  getCodeWithComments(): string {
    this.ctx.calls.record('HtmlTemplate.getCodeWithComments');
    throw new Error('[apps-script fake] HtmlTemplate.getCodeWithComments is not modelled');
  }
  evaluate(): FakeHtmlOutput {
    this.ctx.calls.record('HtmlTemplate.evaluate');
    const html = this.source.replace(/<\?(!?=)?([\s\S]*?)\?>/g, (_all, kind: string | undefined, body: string) => {
      if (!kind) throw new Error('[apps-script fake] code scriptlets <? … ?> are not supported');
      const name = body.trim();
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`[apps-script fake] scriptlet must name a property: ${name}`);
      const v = this[name];
      if (v === undefined) throw gasError(`ReferenceError: ${name} is not defined`);
      return kind === '!=' ? String(v) : escapeHtml(String(v));
    });
    return new FakeHtmlOutput(this.ctx, html);
  }
}

type ServiceApi = GoogleAppsScript.HTML.HtmlService;
type ServiceImplemented = 'SandboxMode' | 'XFrameOptionsMode' | 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile';

export interface FakeHtmlService extends Omit<ServiceApi, ServiceImplemented> {}
export class FakeHtmlService implements Pick<ServiceApi, ServiceImplemented> {
  readonly SandboxMode = SandboxModeEnum;
  readonly XFrameOptionsMode = XFrameOptionsModeEnum;

  constructor(
    private readonly ctx: FakeContext,
    /** The project's HTML files by name, without '.html' (as in the Apps Script editor). */
    readonly files: Record<string, string> = {},
  ) {}

  private file(method: string, filename: string): string {
    this.ctx.calls.record(`HtmlService.${method}`);
    const key = String(filename);
    const html = this.files[key] ?? this.files[key.replace(/\.html$/, '')];
    if (html === undefined) throw gasError(MESSAGES.noHtmlFile(key));
    return html;
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource | GoogleAppsScript.HTML.HtmlTemplate): FakeHtmlOutput {
    this.ctx.calls.record('HtmlService.createHtmlOutput');
    if (html !== undefined && typeof html !== 'string') {
      throw new Error('[apps-script fake] createHtmlOutput takes a string here');
    }
    return new FakeHtmlOutput(this.ctx, html ?? '');
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.ctx, this.file('createHtmlOutputFromFile', filename));
  }
  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): FakeHtmlTemplate {
    this.ctx.calls.record('HtmlService.createTemplate');
    if (typeof html !== 'string') throw new Error('[apps-script fake] createTemplate takes a string here');
    return new FakeHtmlTemplate(this.ctx, html);
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.ctx, this.file('createTemplateFromFile', filename));
  }
}
