import { describe, expect, it } from 'vitest';
import { contentCatalogue, contentItemCaption, contentItems, type ContentRead } from '../../src/core/content';
import { PRESETS, type PresetId } from '../../src/core/presets';
import { kindOptions } from '../../src/core/trip-input';
import { contentKindChoices } from '../../src/core/template';

/**
 * The content lists, from the documents themselves:
 * - Kiên Giang 06-HD §III.3: 3.1 theo chuyên đề, 3.2 phối hợp, 3.3 kiểm tra, giám sát, 3.4 "Dự sinh hoạt chuyên đề
 *   của hội nghị ban chấp hành, ban thường vụ đoàn cấp dưới và dự sinh hoạt chi đoàn" (one item), 3.5 phong trào.
 * - Tây Ninh plan 2023 §II.1: 1.1 phối hợp, 1.2 kiểm tra, giám sát, 1.3 theo chuyên đề, 1.4 dự họp và sinh hoạt
 *   chuyên đề của hội nghị BCH, BTV, 1.5 tham dự sinh hoạt chi đoàn.
 * - Hà Nam 2022: no numbering.
 */
const others = Object.values(PRESETS).map((p) => ({ title: p.title, numbering: p.policy.numbering }));
const catalogue = (preset: PresetId) => contentCatalogue(PRESETS[preset].policy, others);
const read = (preset: PresetId, cell: unknown, detail = '') => catalogue(preset).read(cell, detail, 'Asia/Ho_Chi_Minh');
const kind = (k: string, unclear = false) => ({ ok: true, kind: k, unclear, foreign: null });
const foreign = (k: string, number: string, title: string, unclear = false) => ({ ok: true, kind: k, unclear, foreign: { number, title } });

describe('đọc nội dung theo số mục của bộ quy định đang dùng', () => {
  it.each<[string, PresetId, unknown, string, unknown]>([
    ['Kiên Giang: số 3.1 trơn', 'kien-giang-2023', '3.1', '', kind('chuyen-de')],
    ['Kiên Giang: có dấu chấm cuối “3.2.”', 'kien-giang-2023', '3.2.', '', kind('phoi-hop')],
    ['Kiên Giang: Excel đổi “3.3” thành số', 'kien-giang-2023', 3.3, '', kind('kiem-tra')],
    ['Kiên Giang: dấu phẩy thập phân “3,5”', 'kien-giang-2023', '3,5', '', kind('phong-trao')],
    ['Kiên Giang: số kèm lời riêng “3.1 - Khảo sát …”', 'kien-giang-2023', '3.1 - Khảo sát tình hình đoàn viên', '', kind('chuyen-de')],
    ['Kiên Giang: tiền tố ví dụ của mẫu “VD2: 3.1 Theo chuyên đề”', 'kien-giang-2023', 'VD2: 3.1 Theo chuyên đề', '', kind('chuyen-de')],
    ['Kiên Giang: “Mục 3.3”', 'kien-giang-2023', 'Mục 3.3', '', kind('kiem-tra')],
    ['Tây Ninh: 1.3 là chuyên đề', 'tay-ninh-2023', '1.3', '', kind('chuyen-de')],
    ['Tây Ninh: ví dụ của mẫu 1 “VD1: 1.1 Phối hợp …”', 'tay-ninh-2023', 'VD1: 1.1 Phối hợp tổ chức, triển khai hoạt động tại cơ sở', '', kind('phoi-hop')],
    [
      'Tây Ninh: số kèm nhãn rút gọn “1.4 Dự họp và sinh hoạt chuyên đề của hội nghị BCH, BTV”',
      'tay-ninh-2023',
      '1.4 Dự họp và sinh hoạt chuyên đề của hội nghị BCH, BTV',
      '',
      kind('hoi-nghi'),
    ],
    ['Tây Ninh: số quyết định dù nhãn ghi khác “1.3 Phối hợp”', 'tay-ninh-2023', '1.3 Phối hợp', '', kind('chuyen-de')],
    ['Tây Ninh: không dấu, viết hoa “1.5 THAM DU SINH HOAT CHI DOAN”', 'tay-ninh-2023', '1.5 THAM DU SINH HOAT CHI DOAN', '', kind('chi-doan')],
  ])('%s', (_name, preset, cell, detail, expected) => {
    expect(read(preset, cell, detail)).toEqual(expected);
  });
});

describe('Kiên Giang 3.4 là một mục: hội nghị BCH, BTV và sinh hoạt chi đoàn', () => {
  const official = '3.4. Dự sinh hoạt chuyên đề của hội nghị ban chấp hành, ban thường vụ đoàn cấp dưới và dự sinh hoạt chi đoàn';
  it.each<[string, unknown, string, unknown]>([
    ['3.4 trơn: tính đủ, chưa rõ có phải chi đoàn', '3.4', '', kind('hoi-nghi', true)],
    ['“3.4.” có dấu chấm: như trên', '3.4.', '', kind('hoi-nghi', true)],
    ['Excel đổi “3.4” thành số 3,4', 3.4, '', kind('hoi-nghi', true)],
    ['Sheets tiếng Việt đổi “3.4” thành ngày 3/4', new Date(Date.UTC(2023, 3, 2, 17)), '', kind('hoi-nghi', true)],
    ['nguyên văn mục 3.4 (chọn từ danh sách): chưa rõ', official, '', kind('hoi-nghi', true)],
    ['nguyên văn mục 3.4, cụ thể ghi sinh hoạt chi đoàn: là chi đoàn', official, 'Sinh hoạt chi đoàn khu phố 2', kind('chi-doan')],
    ['“3.4 Dự sinh hoạt chi đoàn ấp 3”: là chi đoàn', '3.4 Dự sinh hoạt chi đoàn ấp 3', '', kind('chi-doan')],
    ['“3.4 Dự họp BCH Đoàn xã”: rõ là hội nghị', '3.4 Dự họp BCH Đoàn xã', '', kind('hoi-nghi')],
    ['chỉ ghi nhãn “Dự sinh hoạt chi đoàn”', 'Dự sinh hoạt chi đoàn', '', kind('chi-doan')],
  ])('%s', (_name, cell, detail, expected) => {
    expect(read('kien-giang-2023', cell, detail)).toEqual(expected);
  });

  it('danh sách có 3.4 đúng một lần, với lời văn của 06-HD', () => {
    const items = contentItems(PRESETS['kien-giang-2023'].policy);
    expect(items.map((i) => i.number)).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5']);
    expect(contentItemCaption(items[3]!)).toBe(official);
    expect(contentKindChoices(PRESETS['kien-giang-2023'].policy).filter((c) => c.startsWith('3.4'))).toEqual([official]);
    expect(kindOptions(PRESETS['kien-giang-2023'].policy).map((o) => o.label.slice(0, 4))).toEqual(['3.1.', '3.2.', '3.3.', '3.4.', '3.5.']);
  });
});

describe('số mục của bộ quy định khác: vẫn tính, kèm lưu ý', () => {
  it.each<[string, PresetId, unknown, unknown]>([
    ['Tây Ninh 1.5 trong bộ Kiên Giang là sinh hoạt chi đoàn', 'kien-giang-2023', '1.5', foreign('chi-doan', '1.5', 'Tây Ninh 2023')],
    ['Kiên Giang 3.1 trong bộ Tây Ninh là chuyên đề', 'tay-ninh-2023', '3.1', foreign('chuyen-de', '3.1', 'Kiên Giang 2023 (theo Hướng dẫn 09-HD/TWĐTN-BTC)')],
    ['Hà Nam không đánh số: 1.3 đọc theo Tây Ninh', 'ha-nam-2022', '1.3', foreign('chuyen-de', '1.3', 'Tây Ninh 2023')],
    ['số lạ kèm nhãn rõ ràng: theo nhãn', 'kien-giang-2023', '1.1 Kiểm tra, giám sát', foreign('kiem-tra', '1.1', 'Tây Ninh 2023')],
  ])('%s', (_name, preset, cell, expected) => {
    expect(read(preset, cell)).toEqual(expected);
  });
});

describe('không đọc được', () => {
  it.each<[string, PresetId, unknown, ContentRead]>([
    ['số 1.6 không có trong bộ nào', 'tay-ninh-2023', '1.6', { ok: false, reason: 'unknown-number', number: '1.6' }],
    ['số 3.6 không có trong bộ nào', 'kien-giang-2023', '3.6', { ok: false, reason: 'unknown-number', number: '3.6' }],
    ['chữ lạ', 'kien-giang-2023', 'đi chơi', { ok: false, reason: 'unknown' }],
    ['ô trống', 'kien-giang-2023', '   ', { ok: false, reason: 'empty' }],
  ])('%s', (_name, preset, cell, expected) => {
    expect(read(preset, cell)).toEqual(expected);
  });

  it('lời nhắn liệt kê mỗi mục một lần', () => {
    const choices = catalogue('kien-giang-2023').choices;
    expect(choices).toHaveLength(5);
    expect(new Set(choices.map((c) => c.slice(0, 3))).size).toBe(5);
  });
});

describe('nhãn không có số', () => {
  it.each<[string, PresetId, unknown, string]>([
    ['nhãn đầy đủ có dấu', 'ha-nam-2022', 'Theo chuyên đề', 'chuyen-de'],
    ['viết hoa không dấu', 'ha-nam-2022', 'THEO CHUYEN DE', 'chuyen-de'],
    ['mã', 'kien-giang-2023', 'phoi-hop', 'phoi-hop'],
    ['nhãn thừa dấu cách', 'kien-giang-2023', '  Phối hợp tổ chức,  triển khai hoạt động tại cơ sở ', 'phoi-hop'],
    ['nhãn kèm lời riêng “Kiểm tra, giám sát tại xã A”', 'kien-giang-2023', 'Kiểm tra, giám sát tại xã A', 'kiem-tra'],
    ['phong trào', 'kien-giang-2023', 'Dự các hoạt động phong trào của cấp dưới', 'phong-trao'],
  ])('%s', (_name, preset, cell, expected) => {
    const result = read(preset, cell);
    expect(result.ok && result.kind).toBe(expected);
  });
});
