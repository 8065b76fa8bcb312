import { describe, expect, it } from 'vitest';
import { Token } from '../../src/xlsx/xml/cursor';
import { NS, XmlReader } from '../../src/xlsx/xml/reader';
import { decodeXstring, encodeXstring } from '../../src/xlsx/xml/text';
import { readSheetCells } from '../../src/xlsx/read/sheet';
import { readComments } from '../../src/xlsx/read/comments';
import { readSharedStrings } from '../../src/xlsx/read/shared-strings';

/** The XML layer the adapter reads and patches with: what XML 1.0 and Namespaces in XML allow, as programs write it. */

const MAIN = NS.main[0]!;
const context = { sharedStrings: ['chung'], dateStyle: [false, true], date1904: false };

function tags(xml: string): string[] {
  const reader = new XmlReader(Buffer.from(xml));
  const out: string[] = [];
  for (let kind = reader.next(); kind !== Token.End; kind = reader.next()) {
    if (kind === Token.Open || kind === Token.Empty)
      out.push(`${reader.is(NS.main, reader.cursor.local) ? 'main:' : 'other:'}${reader.cursor.local}${reader.attr('r') ? `@${reader.attr('r')}` : ''}`);
  }
  return out;
}

describe('đọc XML như các chương trình viết', () => {
  it.each([
    ['dấu > và dấu nháy trong giá trị thuộc tính', `<a xmlns="${MAIN}"><c r="A1" x='say "x>y"'/><c r="B1"/></a>`, ['main:a', 'main:c@A1', 'main:c@B1']],
    ['tiền tố bất kỳ cho không gian tên chính', `<q:a xmlns:q="${MAIN}"><q:c r="A1"/></q:a>`, ['main:a', 'main:c@A1']],
    [
      'không gian tên mặc định đổi bên trong: <c> kia không phải ô',
      `<a xmlns="${MAIN}"><ext><b xmlns="urn:khac"><c/></b></ext><c r="A2"/></a>`,
      ['main:a', 'main:ext', 'other:b', 'other:c', 'main:c@A2'],
    ],
    [
      'BOM, khai báo, chú thích, chỉ dẫn xử lý, CDATA',
      `\uFEFF<?xml version="1.0"?><!-- x --><a xmlns="${MAIN}"><?pi x?><![CDATA[<c/>]]><c r="C3"/></a>`,
      ['main:a', 'main:c@C3'],
    ],
  ])('%s', (_name, xml, expected) => {
    expect(tags(xml)).toEqual(expected);
  });

  it('từ chối DTD và thẻ không đóng (tệp hỏng)', () => {
    expect(() => tags('<!DOCTYPE a [<!ENTITY x "y">]><a/>')).toThrow();
    expect(() => tags(`<a xmlns="${MAIN}"><b>`)).toThrow();
  });
});

describe('giá trị ô', () => {
  const sheet = (rows: string) => Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`);
  it.each([
    [
      'ô không theo thứ tự cột và ô thiếu địa chỉ (nối tiếp ô trước)',
      '<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c><v>2</v></c></row>',
      [[1, 2, 3]],
    ],
    ['dòng thiếu số (nối tiếp dòng trước)', '<row r="2"><c r="A2"><v>2</v></c></row><row><c r="A3"><v>3</v></c></row>', [undefined, [2], [3]]],
    [
      'chữ nhiều định dạng, chuỗi công thức, đúng/sai, lỗi, chuỗi dùng chung',
      '<row r="1"><c r="A1" t="inlineStr"><is><r><t>Tháng </t></r><r><rPr><b/></rPr><t>Thanh niên</t></r><rPh><t>x</t></rPh></is></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="s"><v>0</v></c></row>',
      [['Tháng Thanh niên', 'ab', true, '#N/A', 'chung']],
    ],
    ['công thức chưa tính (không có <v>) đọc là trống', '<row r="1"><c r="A1"><f>NOW()</f></c><c r="B1"><v>2</v></c></row>', [[undefined, 2]]],
    ['CDATA trong <v>', '<row r="1"><c r="A1" t="str"><v><![CDATA[a<b]]></v></c></row>', [['a<b']]],
    [
      'ngày: số có định dạng ngày, ISO (t="d")',
      '<row r="1"><c r="A1" s="1"><v>45000.5</v></c><c r="B1" t="d"><v>2023-11-15T10:30:00</v></c></row>',
      [[new Date(Date.UTC(2023, 2, 15, 12)), new Date(Date.UTC(2023, 10, 15, 10, 30))]],
    ],
  ])('%s', (_name, rows, expected) => {
    const values = readSheetCells(sheet(rows), context).values;
    expect(values.map((row) => row && Array.from(row))).toEqual(expected);
  });

  it('ngày theo hệ 1904', () => {
    const values = readSheetCells(sheet('<row r="1"><c r="A1" s="1"><v>0</v></c></row>'), { ...context, date1904: true }).values;
    expect(values[0]![0]).toEqual(new Date(Date.UTC(1904, 0, 1)));
  });
});

describe('_xHHHH_ (ST_Xstring) và ký tự XML không chứa được', () => {
  it.each([
    ['dòng mới Windows', 'a_x000D_b', 'a\rb'],
    ['ký tự điều khiển', 'ấp _x0001_3', 'ấp \u00013'],
    ['_x005F_ giữ nguyên một chuỗi trông như mã', 'mã _x005F_x000D_', 'mã _x000D_'],
  ])('%s', (_name, stored, text) => {
    expect(decodeXstring(stored)).toBe(text);
    expect(decodeXstring(encodeXstring(text).replace(/&lt;/g, '<'))).toBe(text);
  });

  it('chuỗi dùng chung và ghi chú dạng chữ thường', () => {
    expect(
      readSharedStrings(Buffer.from(`<sst xmlns="${MAIN}"><si><t>a_x000D_</t></si><si><r><t>b</t></r><r><t>c</t></r><rPh><t>z</t></rPh></si></sst>`)),
    ).toEqual(['a\r', 'bc']);
    expect(
      readComments(
        Buffer.from(
          `<comments xmlns="${MAIN}"><authors><author/></authors><commentList><comment ref="B3" authorId="0"><text><t xml:space="preserve">dòng 1\ndòng 2</t></text></comment></commentList></comments>`,
        ),
      ),
    ).toEqual([{ row: 3, column: 2, text: 'dòng 1\ndòng 2' }]);
  });
});
