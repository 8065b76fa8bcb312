import { describe, expect, it } from 'vitest';
import { createAppsScriptEnvironment, FakeSpreadsheet } from './index';

describe('biểu đồ nhúng', () => {
  const setup = () => {
    const env = createAppsScriptEnvironment({
      spreadsheet: FakeSpreadsheet.fromTabs({
        'Tổng hợp': [
          ['Ban', 'Đủ', 'Thiếu'],
          ['Tuyên giáo', 3, 1],
          ['Văn phòng', 2, 0],
        ],
      }),
    });
    return { env, sheet: env.spreadsheet.tab('Tổng hợp') };
  };

  it('một biểu đồ cột chồng dựng từ các vùng của tab, chèn vào rồi đọc lại, mỗi lời gọi đều được đếm', () => {
    const { env, sheet } = setup();
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange('A1:A3'))
      .addRange(sheet.getRange('B1:C3'))
      .setNumHeaders(1)
      .setPosition(1, 5, 0, 0)
      .asBarChart()
      .setStacked()
      .setTitle('Theo ban')
      .build();
    sheet.insertChart(chart);
    expect(sheet.snapshot().charts).toEqual([{ type: 'BAR', title: 'Theo ban', stacked: true, ranges: ['A1:A3', 'B1:C3'], anchor: 'R1C5' }]);
    expect(env.calls.count('EmbeddedChartBuilder.')).toBe(8);
    expect(env.calls.count('Sheet.insertChart')).toBe(1);
  });

  it('clear() xóa nội dung và định dạng nhưng không xóa biểu đồ; removeChart thì xóa', () => {
    const { sheet } = setup();
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A1:C3')).asBarChart().build());
    sheet.clear();
    expect(sheet.getCharts()).toHaveLength(1);
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.snapshot().charts).toEqual([]);
  });
});
