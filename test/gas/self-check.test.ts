import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Probe, SelfCheckView } from '../../src/sheets/pages/self-check';
import { FakeDeveloperMetadataFinder, SCOPES } from '../fakes';
import { buildOnce, DEPLOYMENTS, loadAddon, sampleSpreadsheet, type Addon, type AddonOptions } from './harness';

/**
 * "Trợ giúp › Kiểm tra môi trường" over the fakes: each probe passing, and each failing with what to do, in both
 * deployments; the scratch tab and everything on it gone afterwards; the trigger's probe a minute later.
 */

const MINUTE = 60_000;

async function checked(options: Partial<AddonOptions> = {}, before?: (addon: Addon) => void): Promise<{ addon: Addon; probes: Record<string, Probe> }> {
  const addon = loadAddon({ spreadsheet: await sampleSpreadsheet(), ...options });
  before?.(addon);
  addon.call('menuSelfCheck');
  const view = addon.call('getSelfCheck') as SelfCheckView;
  const probes = Object.fromEntries((view.report?.probes ?? []).map((p) => [p.id, p]));
  return { addon, probes };
}

const okOf = (probes: Record<string, Probe>) => Object.fromEntries(Object.entries(probes).map(([id, p]) => [id, p.ok]));

afterEach(() => {
  vi.restoreAllMocks();
});

for (const deployment of DEPLOYMENTS) {
  describe(`Kiểm tra môi trường (${deployment})`, () => {
    it('in a well set-up Vietnamese spreadsheet every probe passes, and the report is kept and said', async () => {
      const { addon, probes } = await checked({ deployment });
      expect(okOf(probes)).toEqual({ scopes: true, email: true, locale: true, rules: true, metadata: true, trigger: null, properties: true, mail: true });
      expect(probes.rules!.detail).toContain('dấu “;”');
      expect(probes.metadata!.detail).toContain('Bản sao của một tab (Nhân bản) mang theo đánh dấu');
      const alert = addon.env.ui.alerts.at(-1)!;
      expect(alert.title).toBe('Kiểm tra môi trường');
      expect(alert.prompt).toContain('✓ Quyền đã cấp cho tiện ích');
      expect(alert.prompt).toContain('… Lịch chạy nền');
      expect(alert.prompt).toContain('Kết quả đã được lưu');
    });

    it('leaves nothing behind: no scratch tab, no rule, no metadata of its own', async () => {
      const { addon } = await checked({ deployment });
      expect(addon.ss.sheets.map((s) => s.name)).toEqual(['Cán bộ', 'Đi cơ sở', 'Cài đặt']);
      expect(addon.ss.metadataSnapshot().filter((m) => m.key === 'dicoso.self-check')).toEqual([]);
      for (const sheet of addon.ss.sheets) expect(sheet.snapshot().conditionalFormats).toEqual([]);
    });

    it('the trigger a minute later finds the spreadsheet, its settings and a lock; the settings page shows it', async () => {
      const { addon } = await checked({ deployment });
      expect(addon.env.triggers.list().map((t) => t.handler)).toEqual(['selfCheckTriggerProbe']);
      addon.advance(2 * MINUTE);
      expect(addon.env.triggers.runs.map((r) => [r.handler, r.error])).toEqual([['selfCheckTriggerProbe', null]]);
      // The one-off trigger removes itself.
      expect(addon.env.triggers.list()).toEqual([]);
      const { trigger } = addon.call('getSelfCheck') as SelfCheckView;
      expect(trigger).toMatchObject({ source: 'probe', ok: true, documentProperties: true, advice: '' });
      if (deployment === 'addon') expect(trigger).toMatchObject({ activeSpreadsheet: false, openedById: true, documentLock: false });
      else expect(trigger).toMatchObject({ activeSpreadsheet: true, documentLock: true });
    });

    it('with the daily schedule installed it makes no trigger of its own (one per user per file); the daily run reports', async () => {
      const { addon, probes } = await checked({ deployment }, (a) => void a.call('setSchedule', true));
      expect(probes.trigger).toMatchObject({ ok: null, detail: expect.stringContaining('Lịch gửi hằng ngày đang cài') });
      expect(addon.env.triggers.list().map((t) => t.handler)).toEqual(['dailyRun']);
      addon.advance(24 * 60 * MINUTE);
      expect((addon.call('getSelfCheck') as SelfCheckView).trigger).toMatchObject({ source: 'daily', ok: true });
    });

    describe('each probe failing says what to do', () => {
      const fails = (probe: Probe | undefined, detail: RegExp) => {
        expect(probe?.ok).toBe(false);
        expect(probe?.detail).toMatch(detail);
        expect(probe?.advice).not.toBe('');
      };
      const manifest = () => buildOnce().manifest.oauthScopes;

      it('scopes: a permission unchecked on Google’s consent screen', async () => {
        const { probes } = await checked({ deployment, scopes: manifest().filter((s) => s !== SCOPES.mail) });
        fails(probes.scopes, /^Còn thiếu quyền: Gửi thư báo cáo quý/);
      });

      it('email: Google withholds the address', async () => {
        const { probes } = await checked({ deployment, scopes: manifest().filter((s) => s !== SCOPES.email) });
        fails(probes.email, /không cho tiện ích biết email/);
      });

      it('locale: a spreadsheet left in en_US', async () => {
        const addon = loadAddon({ deployment, spreadsheet: await sampleSpreadsheet({ locale: 'en_US', timeZone: 'America/New_York' }) });
        addon.call('menuSelfCheck');
        const probes = (addon.call('getSelfCheck') as SelfCheckView).report!.probes;
        fails(
          probes.find((p) => p.id === 'locale'),
          /“en_US”/,
        );
      });

      it('rules: a spreadsheet where no formula holds; the status cells keep their colour, the rows go untinted', async () => {
        const { addon, probes } = await checked({ deployment, spreadsheet: await sampleSpreadsheet({ undocumented: { formulaSyntax: 'none' } }) });
        fails(probes.rules, /chỉ tô ô kết quả/);
        addon.call('menuCheck');
        const trips = addon.ss.tab('Đi cơ sở').snapshot();
        expect(trips.conditionalFormats.map((r) => r.criteria)).toEqual(['TEXT_STARTS_WITH', 'TEXT_STARTS_WITH']);
      });

      it('rules: formulas read with “,” in a Vietnamese spreadsheet: found, kept, and the next check tints the rows', async () => {
        const { addon, probes } = await checked({ deployment, spreadsheet: await sampleSpreadsheet({ undocumented: { formulaSyntax: 'en_US' } }) });
        expect(probes.rules).toMatchObject({ ok: true, detail: expect.stringContaining('dấu “,”') });
        addon.call('menuCheck');
        const trips = addon.ss.tab('Đi cơ sở');
        const status = trips.values()[0]!.indexOf('Kết quả kiểm tra') + 1;
        const row = trips.values().findIndex((r) => String(r[status - 1]).startsWith('Lỗi')) + 1;
        expect(trips.effectiveFormat(row, 2).background).toBe('#f4c7c3');
      });

      it('metadata: our marker written but not found again', async () => {
        vi.spyOn(FakeDeveloperMetadataFinder.prototype, 'find').mockReturnValue([]);
        const { probes } = await checked({ deployment });
        fails(probes.metadata, /không tìm lại được/);
      });

      it('trigger: no time-driven trigger can be made (an add-on’s one per user per file is taken)', async () => {
        const { probes } = await checked(
          { deployment },
          (a) => void a.env.globals.ScriptApp.newTrigger('guiBaoCaoCu').timeBased().everyDays(1).atHour(8).create(),
        );
        if (deployment === 'addon') fails(probes.trigger, /^Không hẹn được lần chạy thử/);
        else expect(probes.trigger?.ok).toBeNull();
      });

      it('trigger: the run a minute later cannot read the spreadsheet’s settings', async () => {
        const { addon } = await checked({ deployment, clockTriggerContext: { documentProperties: false } });
        addon.advance(2 * MINUTE);
        const { trigger } = addon.call('getSelfCheck') as SelfCheckView;
        expect(trigger).toMatchObject({ ok: false, documentProperties: false, detail: expect.stringMatching(/không đọc được cài đặt/) });
        expect(trigger?.advice).not.toBe('');
      });

      it('properties: the spreadsheet’s store nearly full', async () => {
        const { probes } = await checked({ deployment }, (a) =>
          a.env.properties.document.write(Array.from({ length: 50 }, (_, i) => [`khac.${i}`, 'x'.repeat(8 * 1024)] as [string, string])),
        );
        fails(probes.properties, /đã dùng \d+ KB\/500 KB/);
      });

      it('mail: the day’s quota nearly used up', async () => {
        const { probes } = await checked({ deployment }, (a) => {
          a.env.mail.remaining = 3;
        });
        fails(probes.mail, /chỉ còn gửi được 3 thư/);
      });
    });
  });
}
