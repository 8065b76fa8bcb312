import type { Plugin } from 'esbuild';

export declare function pageNames(): Promise<string[]>;
export declare function inlineScript(js: string): string;
export declare function renderPage(name: string): Promise<string>;
export declare function renderPages(): Promise<{ name: string; html: string }[]>;
export declare function buildPages(outDir: string): Promise<{ name: string; file: string; bytes: number }[]>;
export declare const zodSizePlugins: Plugin[];
