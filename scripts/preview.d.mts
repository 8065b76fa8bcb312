import type { PreviewBackend } from './preview-backend';

export declare const PAGE_INFO: Record<string, { title: string; width: number; height: number }>;

export interface PreviewServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  pages: string[];
  backend: PreviewBackend;
  close(): Promise<void>;
}

export declare function startPreviewServer(options?: { port?: number; today?: string; sample?: string; host?: string }): Promise<PreviewServer>;
