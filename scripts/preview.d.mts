import type { PreviewBackend } from './preview-backend';

export declare const PAGE_INFO: Record<string, { title: string; width: number; height: number }>;

export interface PreviewServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  pages: string[];
  backend: PreviewBackend;
  close(): Promise<void>;
}

/** `approvals`: give the sample approval columns and approvers (scripts/preview-approvals.ts), as `npm run preview` does. */
export declare function startPreviewServer(options?: {
  port?: number;
  today?: string;
  sample?: string;
  host?: string;
  approvals?: boolean;
}): Promise<PreviewServer>;
