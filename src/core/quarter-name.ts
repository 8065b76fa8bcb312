import type { Quarter } from './calendar-date';

/**
 * How a quarter is named, in one place: Roman numerals as the forms and official documents write them. In a sentence
 * "quý II năm 2023"; in a tab name, which cannot hold "/", "Quý II-2023".
 */

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export function quarterRoman(quarter: Quarter): string {
  return ROMAN[quarter - 1]!;
}

/** "quý II năm 2023": in sentences, subjects and lists. */
export function periodName({ quarter, year }: { quarter: Quarter; year: number }): string {
  return `quý ${quarterRoman(quarter)} năm ${year}`;
}

/** "Quý II-2023": tab names and the forms dialog's choices. */
export function quarterTitle(quarter: Quarter, year: number): string {
  return `Quý ${quarterRoman(quarter)}-${year}`;
}
