import { columnLetter } from '../core/a1';
import { highlightFormula, isOurFormula, ourHighlightPrefixes, type Highlight } from '../core/highlights';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/**
 * Our conditional-format rules in Sheets, written so that they hold in any spreadsheet locale.
 *
 * A custom formula's separators are the open question: a condition's formula "is parsed as if the user typed into a
 * cell" (Sheets API, ConditionValue), and a Vietnamese spreadsheet types `;` between arguments where en_US types `,`;
 * whether Apps Script's builder parses in the spreadsheet's locale is not documented. So the colour a person reads,
 * the one on our status cell, comes from a built-in condition with no formula at all (`whenTextStartsWith`, on our
 * own column), which holds whatever the locale. Only the tint of the rest of the row needs a formula; it is written
 * with the separator the spreadsheet's locale types (or the one "Kiểm tra môi trường" found to work), and if that
 * guess is wrong the row is left untinted while its status cell is still coloured.
 *
 * Ranges are open at the bottom (`A2:R`, "missing indexes indicate the range is unbounded", Sheets API GridRange), so
 * rows a person or the trip form adds below are covered; and the rules' signature holds how many rows the data
 * reached, so a grown table gets its rules rewritten at the next check even where an open range were kept closed.
 */

/** The argument separator of formulas a person types in a spreadsheet of this locale (or what the self-check found). */
export type FormulaSeparator = ',' | ';';

/**
 * Languages whose locales write decimals with a comma, and so separate arguments with `;` (Sheets help, "Formula
 * syntax depends on the spreadsheet locale"). Vietnamese is the one that matters here; the rest keep others right.
 */
const DECIMAL_COMMA_LANGUAGES = new Set([
  'vi', 'af', 'az', 'be', 'bg', 'bs', 'ca', 'cs', 'da', 'de', 'el', 'es', 'et', 'eu', 'fi', 'fr', 'gl', 'hr', 'hu', 'hy', 'id', 'is',
  'it', 'ka', 'kk', 'ky', 'lt', 'lv', 'mk', 'mn', 'nb', 'nl', 'nn', 'no', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sq', 'sr', 'sv', 'tr',
  'uk', 'uz',
]); // prettier-ignore

/** Locales of those languages that write decimals with a point nonetheless (CLDR). */
const DECIMAL_POINT_LOCALES = new Set(['de_CH', 'it_CH', 'es_MX', 'es_US', 'es_PR', 'es_DO', 'es_GT', 'es_HN', 'es_NI', 'es_PA', 'es_SV']);

/** Where "Kiểm tra môi trường" keeps the separator it found to work: ',' or ';', or 'none' when neither did. */
export const FORMULA_SEPARATOR_KEY = 'dicoso.formulaSeparator.v1';

/** The separator the self-check found ('none': formulas do not hold here), or null when it has not run. */
export function storedFormulaSeparator(): FormulaSeparator | 'none' | null {
  const stored = PropertiesService.getDocumentProperties()?.getProperty(FORMULA_SEPARATOR_KEY);
  return stored === ',' || stored === ';' || stored === 'none' ? stored : null;
}

export function separatorOfLocale(locale: string): FormulaSeparator {
  const language = locale.split(/[_-]/)[0]!.toLowerCase();
  return DECIMAL_COMMA_LANGUAGES.has(language) && !DECIMAL_POINT_LOCALES.has(locale) ? ';' : ',';
}

/** A formula written with `,` between arguments, rewritten with `separator` (text in quotes is left as it is). */
export function withSeparator(formula: string, separator: FormulaSeparator): string {
  if (separator === ',') return formula;
  let quoted = false;
  let out = '';
  for (const ch of formula) {
    if (ch === '"') quoted = !quoted;
    out += !quoted && ch === ',' ? separator : ch;
  }
  return out;
}

/**
 * Whether a rule is ours: a custom formula carrying our marker, or a text-start condition with one of our prefixes
 * whose ranges all lie in our status column (the column our developer metadata marks).
 */
export function isOurRule(rule: Rule, statusColumn: number | null): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  const type = condition.getCriteriaType();
  if (type === SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA) {
    return condition.getCriteriaValues().some((v) => typeof v === 'string' && isOurFormula(v));
  }
  if (type !== SpreadsheetApp.BooleanCriteria.TEXT_STARTS_WITH || statusColumn === null) return false;
  const [prefix] = condition.getCriteriaValues();
  if (typeof prefix !== 'string' || !ourHighlightPrefixes().has(prefix)) return false;
  return rule.getRanges().every((r) => r.getColumn() === statusColumn && r.getNumColumns() === 1);
}

/**
 * How our row formulas are written: with the separator "Kiểm tra môi trường" found to work (none: formulas do not
 * hold there), or, until it has run, with the one the spreadsheet's locale types (read only when the rules are built).
 */
export type SeparatorChoice = FormulaSeparator | 'none' | { locale: () => string };

/** What decides our rules: kept in our column's marker, so that an unchanged set costs no call. */
export interface RulePlan {
  statusColumn: number;
  firstRow: number;
  rules: readonly Highlight[];
  separator: SeparatorChoice;
  /** How many rows the tab's data reached when the rules were written: more rows, new rules (see above). */
  dataRows: number;
}

function separatorOf(choice: SeparatorChoice): FormulaSeparator | null {
  if (choice === 'none') return null;
  return typeof choice === 'string' ? choice : separatorOfLocale(choice.locale());
}

/** The plan as one short string (v2: built-in conditions on our column, the separator chosen, the data's rows). */
export function ruleSignature(plan: RulePlan): string {
  const rules = plan.rules.map((r) => [r.prefix, r.background, r.bold, r.scope]);
  const separator = typeof plan.separator === 'string' ? plan.separator : 'locale';
  return JSON.stringify(['v2', plan.statusColumn, plan.firstRow, separator, plan.dataRows, rules]);
}

/**
 * Our rules for a plan, in the order they apply: per highlight, a text-start rule on our status cells, and for a
 * row highlight a formula rule on the row's other columns (none when formulas do not hold there).
 */
export function buildOurRules(sheet: Sheet, plan: RulePlan): Rule[] {
  const separator = separatorOf(plan.separator);
  const status = columnLetter(plan.statusColumn);
  const statusRange = sheet.getRange(`${status}${plan.firstRow}:${status}`);
  const rowRange = plan.statusColumn > 1 ? sheet.getRange(`A${plan.firstRow}:${columnLetter(plan.statusColumn - 1)}`) : null;
  const rules: Rule[] = [];
  for (const highlight of plan.rules) {
    const cell = SpreadsheetApp.newConditionalFormatRule().whenTextStartsWith(highlight.prefix).setBackground(highlight.background).setRanges([statusRange]);
    if (highlight.bold) cell.setBold(true);
    rules.push(cell.build());
    if (highlight.scope !== 'row' || !rowRange || separator === null) continue;
    const formula = withSeparator(`=${highlightFormula(plan.statusColumn, plan.firstRow, highlight.prefix)}`, separator);
    const row = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(formula).setBackground(highlight.background).setRanges([rowRange]);
    if (highlight.bold) row.setBold(true);
    rules.push(row.build());
  }
  return rules;
}
