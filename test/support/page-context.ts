import type { CalendarDate } from '../../src/core/calendar-date';
import { MemoryLogStore } from '../../src/sheets/email-send';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import type { PageContext } from '../../src/sheets/server-context';
import { MemorySettingsStore } from '../../src/sheets/settings-store';
import type { RawCell } from '../../src/sheets/workbook';

/** A page's server context over in-memory tabs: no mail quota, no trigger, the tab shown and the rows selected ignored. */
export function pageContext(tabs: Record<string, RawCell[][]>, today: CalendarDate): PageContext & { workbook: MemoryWorkbook; settings: MemorySettingsStore } {
  const host: PageContext['host'] = {
    showTab: () => undefined,
    selectRows: (_tab, rows) => rows.length,
    mailer: { remainingQuota: () => 0, send: () => undefined },
    sentLog: new MemoryLogStore(),
    spreadsheetUrl: null,
    trigger: {
      state: () => {
        throw new Error('no trigger in these tests');
      },
      hasInstallRecord: () => false,
      install: () => undefined,
      remove: () => undefined,
    },
  };
  return { workbook: MemoryWorkbook.fromTabs(tabs), settings: new MemorySettingsStore(), today, user: '', host };
}
