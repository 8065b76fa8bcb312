import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatDayFirst, formatTripWindow, fromDayNumber, dayNumber, type CalendarDate } from '../../src/core/calendar-date';
import { calendarDateOfInstant, parseDateCell, parseDateRange, parseDayFirstDate } from '../../src/core/date-parse';

const d = (iso: string) => iso as CalendarDate;
const ok = (date: string) => ({ ok: true, date });
const rejected = (reason: 'empty' | 'invalid' | 'impossible') => ({ ok: false, reason });
const window = (from: string, to: string) => ({ ok: true, from, to });

describe('parseDayFirstDate: ngày gõ tay, luôn đọc ngày trước tháng', () => {
  it.each([
    ['ngày trước tháng: 5/6/2023 là 5 tháng 6', '5/6/2023', '2023-06-05'],
    ['có số 0 đứng trước: 05/06/2023', '05/06/2023', '2023-06-05'],
    ['gạch ngang: 5-6-2023', '5-6-2023', '2023-06-05'],
    ['dấu chấm: 5.6.2023', '5.6.2023', '2023-06-05'],
    ['kiểu ISO năm trước: 2023-06-05', '2023-06-05', '2023-06-05'],
    ['năm trước có gạch chéo: 2023/6/5', '2023/6/5', '2023-06-05'],
    ['viết bằng chữ: ngày 5 tháng 6 năm 2023', 'ngày 5 tháng 6 năm 2023', '2023-06-05'],
    ['viết bằng chữ, chữ hoa: Ngày 05 Tháng 06 Năm 2023', 'Ngày 05 Tháng 06 Năm 2023', '2023-06-05'],
    ['viết bằng chữ không dấu: ngay 5 thang 6 nam 2023', 'ngay 5 thang 6 nam 2023', '2023-06-05'],
    ['viết bằng chữ dạng NFD', 'ngày 5 tháng 6 năm 2023'.normalize('NFD'), '2023-06-05'],
    ['viết bằng chữ có dấu phẩy: 5 tháng 6, năm 2023', '5 tháng 6, năm 2023', '2023-06-05'],
    ['chữ "ngày" đứng trước số: Ngày 05/06/2023', 'Ngày 05/06/2023', '2023-06-05'],
    ['năm hai chữ số: 5/6/23 là 2023', '5/6/23', '2023-06-05'],
    ['năm hai chữ số 69 là 2069', '5/6/69', '2069-06-05'],
    ['năm hai chữ số 70 là 1970', '5/6/70', '1970-06-05'],
    ['năm hai chữ số 00 là 2000', '1.1.00', '2000-01-01'],
    ['thừa khoảng trắng hai đầu', '  5/6/2023 ', '2023-06-05'],
    ['khoảng trắng quanh gạch chéo', '05 / 06 / 2023', '2023-06-05'],
    ['khoảng trắng không ngắt (NBSP)', '\u00A05/6/2023\u00A0', '2023-06-05'],
    ['29/02/2024 có (năm nhuận)', '29/02/2024', '2024-02-29'],
    ['12/1/2023 là 12 tháng 1, không bao giờ đọc thành 1 tháng 12', '12/1/2023', '2023-01-12'],
  ])('%s', (_name, text, expected) => {
    expect(parseDayFirstDate(text)).toEqual(ok(expected));
  });

  it.each([
    ['thiếu năm thì lấy năm mặc định: 5/6', '5/6', 2023, '2023-06-05'],
    ['thiếu năm, gạch ngang: 5-6', '5-6', 2024, '2024-06-05'],
    ['thiếu năm, viết bằng chữ: ngày 5 tháng 6', 'ngày 5 tháng 6', 2023, '2023-06-05'],
    ['có năm thì năm mặc định không dùng', '5/6/2022', 2023, '2022-06-05'],
    ['29/02 không năm, năm mặc định nhuận', '29/02', 2024, '2024-02-29'],
  ])('%s', (_name, text, defaultYear, expected) => {
    expect(parseDayFirstDate(text, defaultYear)).toEqual(ok(expected));
  });

  it.each([
    ['ô trống', '', 'empty'],
    ['chỉ có khoảng trắng', '   \u00A0', 'empty'],
    ['31/02/2023 không có thật', '31/02/2023', 'impossible'],
    ['29/02/2023 không có thật (không nhuận)', '29/02/2023', 'impossible'],
    ['tháng 13: 13/13/2023', '13/13/2023', 'impossible'],
    ['ngày 0: 0/5/2023', '0/5/2023', 'impossible'],
    ['tháng 0: 5/0/2023', '5/0/2023', 'impossible'],
    ['ngày 32: 32/1/2023', '32/1/2023', 'impossible'],
    ['ISO không có thật: 2023-02-30', '2023-02-30', 'impossible'],
    ['viết bằng chữ không có thật: ngày 31 tháng 4 năm 2023', 'ngày 31 tháng 4 năm 2023', 'impossible'],
    ['năm 0023 ngoài khoảng 1900–9999', '5/6/0023', 'impossible'],
    ['chữ: abc', 'abc', 'invalid'],
    ['thiếu năm và không có năm mặc định: 5/6', '5/6', 'invalid'],
    ['chỉ có một số', '5', 'invalid'],
    ['số sê-ri gõ thành chữ', '45082', 'invalid'],
    ['năm ba chữ số: 5/6/202', '5/6/202', 'invalid'],
    ['ngày ba chữ số: 105/6/2023', '105/6/2023', 'invalid'],
    ['lẫn dấu phân cách: 5/6-2023', '5/6-2023', 'invalid'],
    ['gạch ngang có khoảng trắng là khoảng ngày, không phải một ngày', '5 - 6 - 2023', 'invalid'],
    ['dính năm vào tháng: 5/62023', '5/62023', 'invalid'],
    ['một khoảng ngày không phải một ngày', '01/6/2023 - 15/6/2023', 'invalid'],
    ['thừa chữ phía sau', '5/6/2023 sáng', 'invalid'],
  ] as const)('từ chối %s', (_name, text, reason) => {
    expect(parseDayFirstDate(text)).toEqual(rejected(reason));
  });

  it('tính chất: mọi ngày từ 01/01/2000 đến 31/12/2100 viết kiểu dd/mm/yyyy đọc lại đúng ngày đó', () => {
    const first = dayNumber(d('2000-01-01'));
    const last = dayNumber(d('2100-12-31'));
    const mismatches: string[] = [];
    for (let n = first; n <= last; n++) {
      const date = fromDayNumber(n);
      const parsed = parseDayFirstDate(formatDayFirst(date));
      if (!parsed.ok || parsed.date !== date) mismatches.push(date);
    }
    expect(last - first + 1).toBe(36890);
    expect(mismatches).toEqual([]);
  });

  it('tính chất: ngày viết không số 0, gạch ngang hoặc dấu chấm cũng đọc lại đúng', () => {
    const anyDate = fc.integer({ min: dayNumber(d('1900-01-01')), max: dayNumber(d('9999-12-31')) }).map(fromDayNumber);
    fc.assert(
      fc.property(anyDate, fc.constantFrom('/', '-', '.'), (date, separator) => {
        const [year, month, day] = date.split('-').map(Number);
        expect(parseDayFirstDate(`${day}${separator}${month}${separator}${year}`)).toEqual(ok(date));
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseDateCell: giá trị đọc từ ô bảng tính', () => {
  const vietnam = { timeZone: 'Asia/Ho_Chi_Minh' };
  const utc = { timeZone: 'UTC' };

  it.each([
    ['nửa đêm giờ Việt Nam (Google Sheets) đọc theo giờ Việt Nam', new Date('2023-06-04T17:00:00Z'), vietnam, '2023-06-05'],
    ['cùng thời điểm đó đọc theo UTC là ngày hôm trước', new Date('2023-06-04T17:00:00Z'), utc, '2023-06-04'],
    ['nửa đêm UTC (exceljs) đọc theo UTC', new Date('2023-06-05T00:00:00Z'), utc, '2023-06-05'],
    ['23:59 giờ Việt Nam vẫn là ngày đó', new Date('2023-06-05T16:59:59Z'), vietnam, '2023-06-05'],
    ['múi giờ âm: nửa đêm New York', new Date('2023-06-05T04:00:00Z'), { timeZone: 'America/New_York' }, '2023-06-05'],
    ['số sê-ri 45082 là 05/06/2023', 45082, vietnam, '2023-06-05'],
    ['số sê-ri có phần giờ (45082,75 = 18 giờ) vẫn là ngày đó', 45082.75, vietnam, '2023-06-05'],
    ['chữ gõ tay 05/06/2023', '05/06/2023', vietnam, '2023-06-05'],
    ['chữ không năm dùng năm mặc định', '5/6', { timeZone: 'UTC', defaultYear: 2023 }, '2023-06-05'],
  ])('%s', (_name, value, options, expected) => {
    expect(parseDateCell(value, options)).toEqual(ok(expected));
  });

  it.each([
    ['ô trống (null)', null, 'empty'],
    ['ô trống (undefined)', undefined, 'empty'],
    ['chuỗi rỗng', '', 'empty'],
    ['chuỗi chỉ có khoảng trắng', '  ', 'empty'],
    ['đúng/sai (TRUE)', true, 'invalid'],
    ['đối tượng khác', { day: 5 }, 'invalid'],
    ['ngày không hợp lệ (Invalid Date)', new Date(Number.NaN), 'invalid'],
    ['ô chỉ có giờ (Sheets đưa ngày 30/12/1899)', new Date('1899-12-30T01:00:00Z'), 'invalid'],
    ['số sê-ri 0', 0, 'invalid'],
    ['số âm', -5, 'invalid'],
    ['số sê-ri quá năm 9999', 2958466, 'invalid'],
    ['NaN', Number.NaN, 'invalid'],
    ['vô cực', Number.POSITIVE_INFINITY, 'invalid'],
    ['chữ 31/02/2023', '31/02/2023', 'impossible'],
    ['chữ abc', 'abc', 'invalid'],
  ] as const)('từ chối %s', (_name, value, reason) => {
    expect(parseDateCell(value, { timeZone: 'Asia/Ho_Chi_Minh' })).toEqual(rejected(reason));
  });

  it('ngày đầu và cuối của khoảng số sê-ri được nhận', () => {
    expect(parseDateCell(2, { timeZone: 'UTC' })).toEqual(ok('1900-01-01'));
    expect(parseDateCell(2958465.5, { timeZone: 'UTC' })).toEqual(ok('9999-12-31'));
    expect(parseDateCell(1.9, { timeZone: 'UTC' })).toEqual(rejected('invalid'));
  });

  it('tính chất: nửa đêm giờ Việt Nam của mọi ngày đọc ra đúng ngày đó, cả theo Intl lẫn theo UTC', () => {
    const anyDate = fc.integer({ min: dayNumber(d('1960-01-01')), max: dayNumber(d('2200-12-31')) }).map(fromDayNumber);
    fc.assert(
      fc.property(anyDate, (date) => {
        const utcMidnight = new Date(`${date}T00:00:00Z`);
        const vietnamMidnight = new Date(`${date}T00:00:00+07:00`);
        expect(parseDateCell(utcMidnight, { timeZone: 'UTC' })).toEqual(ok(date));
        expect(parseDateCell(vietnamMidnight, { timeZone: 'Asia/Ho_Chi_Minh' })).toEqual(ok(date));
        expect(parseDateCell(vietnamMidnight, { timeZone: 'Etc/GMT-7' })).toEqual(ok(date));
      }),
      { numRuns: 500 },
    );
  });
});

describe('calendarDateOfInstant', () => {
  it('ngày theo múi giờ đã cho', () => {
    const instant = new Date('2023-06-04T17:00:00Z');
    expect(calendarDateOfInstant(instant, 'Asia/Ho_Chi_Minh')).toBe('2023-06-05');
    expect(calendarDateOfInstant(instant, 'UTC')).toBe('2023-06-04');
  });

  it('báo lỗi với ngày không hợp lệ hoặc múi giờ lạ', () => {
    expect(() => calendarDateOfInstant(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
    expect(() => calendarDateOfInstant(new Date(), 'Sao_Hoa/Thu_Do')).toThrow(RangeError);
  });
});

describe('parseDateRange: thời gian một đợt gõ trong một ô', () => {
  it.each([
    ['mẫu 1: Từ ngày 01/6/2023 – 15/6/2023', 'Từ ngày 01/6/2023 – 15/6/2023', '2023-06-01', '2023-06-15'],
    ['từ … đến …', 'từ 01/6/2023 đến 15/6/2023', '2023-06-01', '2023-06-15'],
    ['Từ ngày … đến ngày …', 'Từ ngày 01/6/2023 đến ngày 15/6/2023', '2023-06-01', '2023-06-15'],
    ['không dấu: tu ngay … den ngay …', 'tu ngay 01/6/2023 den ngay 15/6/2023', '2023-06-01', '2023-06-15'],
    ['chữ hoa: TỪ NGÀY … ĐẾN NGÀY …', 'TỪ NGÀY 01/06/2023 ĐẾN NGÀY 15/06/2023', '2023-06-01', '2023-06-15'],
    ['dạng NFD', 'Từ ngày 01/6/2023 đến ngày 15/6/2023'.normalize('NFD'), '2023-06-01', '2023-06-15'],
    ['ngày đầu mượn năm của ngày cuối: 01/6 - 15/6/2023', '01/6 - 15/6/2023', '2023-06-01', '2023-06-15'],
    ['ngày đầu mượn năm, qua tháng: 25/5 – 3/6/2023', '25/5 – 3/6/2023', '2023-05-25', '2023-06-03'],
    ['ngày đầu chỉ có ngày, mượn tháng và năm: 1–5/6/2023', '1–5/6/2023', '2023-06-01', '2023-06-05'],
    ['ngày đầu chỉ có ngày, gạch ngang thường: 1-5/6/2023', '1-5/6/2023', '2023-06-01', '2023-06-05'],
    ['liền nhau không khoảng trắng: 01/06/2023-15/06/2023', '01/06/2023-15/06/2023', '2023-06-01', '2023-06-15'],
    ['gạch nối có khoảng trắng', '01/06/2023 - 15/06/2023', '2023-06-01', '2023-06-15'],
    ['gạch nối chỉ có khoảng trắng một bên', '01/6/2023 -15/6/2023', '2023-06-01', '2023-06-15'],
    ['gạch dài (em dash)', '01/06/2023—15/06/2023', '2023-06-01', '2023-06-15'],
    ['dấu ngã', '01/06/2023 ~ 15/06/2023', '2023-06-01', '2023-06-15'],
    ['ngày viết gạch ngang, nối bằng gạch có khoảng trắng: 5-6-2023 - 10-6-2023', '5-6-2023 - 10-6-2023', '2023-06-05', '2023-06-10'],
    ['ngày viết gạch ngang, nối bằng gạch liền: 5-6-2023-10-6-2023', '5-6-2023-10-6-2023', '2023-06-05', '2023-06-10'],
    ['ngày viết gạch ngang, nối bằng "đến": 5-6-2023 đến 10-6-2023', '5-6-2023 đến 10-6-2023', '2023-06-05', '2023-06-10'],
    ['kiểu ISO nối bằng "đến"', '2023-06-05 đến 2023-06-10', '2023-06-05', '2023-06-10'],
    ['kiểu ISO nối bằng gạch có khoảng trắng', '2023-06-05 - 2023-06-10', '2023-06-05', '2023-06-10'],
    ['gạch ngắn kèm "đến" tính là một dấu nối', 'từ 01/6/2023 – đến 15/6/2023', '2023-06-01', '2023-06-15'],
    ['viết bằng chữ', 'từ ngày 1 tháng 6 đến ngày 5 tháng 6 năm 2023', '2023-06-01', '2023-06-05'],
    ['năm hai chữ số', '01/6/23 - 15/6/23', '2023-06-01', '2023-06-15'],
    ['qua năm mới, ghi đủ năm', '28/12/2023 – 03/01/2024', '2023-12-28', '2024-01-03'],
    ['đi trong một ngày: chỉ một ngày', 'Ngày 05/06/2023', '2023-06-05', '2023-06-05'],
    ['một ngày viết gạch ngang', '5-6-2023', '2023-06-05', '2023-06-05'],
    ['ngày đầu chỉ có ngày, nối bằng "đến ngày": Từ ngày 01 đến ngày 05/4/2023', 'Từ ngày 01 đến ngày 05/4/2023', '2023-04-01', '2023-04-05'],
    ['nối bằng "tới"', 'từ 01/4 tới 05/4/2023', '2023-04-01', '2023-04-05'],
    ['nối bằng mũi tên', '01/4/2023 → 05/4/2023', '2023-04-01', '2023-04-05'],
    ['nối bằng mũi tên gõ tay ->', '01/4/2023 -> 05/4/2023', '2023-04-01', '2023-04-05'],
    ['có dấu hai chấm: Từ ngày: … đến ngày: …', 'Từ ngày: 01/4/2023 đến ngày: 05/4/2023', '2023-04-01', '2023-04-05'],
    ['thứ tự ngược không bị kiểm tra ở đây', '15/6/2023 - 01/6/2023', '2023-06-15', '2023-06-01'],
    ['qua năm mới mà thiếu năm ngày đầu: lấy năm ngày cuối (báo lỗi thứ tự ở bước kiểm tra)', '25/12 – 05/01/2024', '2024-12-25', '2024-01-05'],
  ])('%s', (_name, text, from, to) => {
    expect(parseDateRange(text)).toEqual(window(from, to));
  });

  it.each([
    ['mẫu 1 không ghi năm, dùng năm mặc định: 01/6 – 15/6', '01/6 – 15/6', 2023, '2023-06-01', '2023-06-15'],
    ['chỉ có ngày đầu, không năm: 1–5/6', '1–5/6', 2023, '2023-06-01', '2023-06-05'],
    ['gạch liền không năm: 01/6-15/6', '01/6-15/6', 2023, '2023-06-01', '2023-06-15'],
    ['có năm thì năm mặc định không dùng', '01/6/2022 - 15/6/2022', 2023, '2022-06-01', '2022-06-15'],
  ])('%s', (_name, text, defaultYear, from, to) => {
    expect(parseDateRange(text, defaultYear)).toEqual(window(from, to));
  });

  it.each([
    ['ô trống', '', 'empty'],
    ['chỉ có khoảng trắng', '  ', 'empty'],
    ['chỉ có chữ "Từ ngày"', 'Từ ngày', 'empty'],
    ['chữ', 'cả tháng 6', 'invalid'],
    ['thiếu ngày cuối', '01/6/2023 -', 'invalid'],
    ['thiếu ngày đầu', '– 15/6/2023', 'invalid'],
    ['ba ngày', '01/6/2023 – 05/6/2023 – 10/6/2023', 'invalid'],
    ['không năm và không có năm mặc định', '01/6 – 15/6', 'invalid'],
    ['ngày cuối chỉ có ngày', '01/6/2023 – 15', 'invalid'],
    ['ngày đầu không có thật: 31/02/2023 – 05/03/2023', '31/02/2023 – 05/03/2023', 'impossible'],
    ['ngày cuối không có thật: 01/6/2023 – 31/6/2023', '01/6/2023 – 31/6/2023', 'impossible'],
    ['ngày đầu mượn tháng mà không có thật: 31–5/6/2023', '31–5/6/2023', 'impossible'],
    ['gạch liền, ngày không có thật', '31/02/2023-05/03/2023', 'impossible'],
    ['một ngày không có thật', '13/13/2023', 'impossible'],
  ] as const)('từ chối %s', (_name, text, reason) => {
    expect(parseDateRange(text)).toEqual(rejected(reason));
  });

  it('tính chất: đọc lại ô "Thời gian cụ thể" do biểu mẫu in ra được đúng hai ngày', () => {
    const anyDate = fc.integer({ min: dayNumber(d('1900-01-01')), max: dayNumber(d('9999-12-31')) }).map(fromDayNumber);
    fc.assert(
      fc.property(anyDate, anyDate, (from, to) => {
        expect(parseDateRange(formatTripWindow(from, to))).toEqual(window(from, to));
      }),
      { numRuns: 1000 },
    );
  });

  it('tính chất: mọi cách nối hai ngày dd/mm/yyyy đều đọc lại đúng', () => {
    const anyDate = fc.integer({ min: dayNumber(d('2000-01-01')), max: dayNumber(d('2100-12-31')) }).map(fromDayNumber);
    const separator = fc.constantFrom(' - ', '-', ' – ', '–', '—', ' ~ ', ' đến ', ' den ngay ', ' đến ngày ');
    const style = fc.constantFrom('/', '-', '.');
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 40 }), separator, style, (from, length, sep, dateSep) => {
        const to = addDays(from, length);
        const write = (date: CalendarDate) => formatDayFirst(date).replaceAll('/', dateSep);
        expect(parseDateRange(`${write(from)}${sep}${write(to)}`)).toEqual(window(from, to));
      }),
      { numRuns: 1000 },
    );
  });
});
