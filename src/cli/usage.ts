import type { CommandSpec } from './command';
import { OPTIONS, type OptionName } from './options';
import { cliTexts } from './texts';
import { pushAll } from '../core/arrays';

/** The usage lines and `--help`, made from the commands' and options' declarations. */

const WIDTH = 110;

/** "Cách dùng:" and one (wrapped) line per command. */
export function usageText(commands: readonly CommandSpec[]): string {
  return [cliTexts.usageTitle, ...commands.map(usageLine), ...cliTexts.helpLines].join('\n');
}

function usageLine(spec: CommandSpec): string {
  const head = `  dicoso ${spec.name} ${spec.files.shown}`;
  const words = (Object.entries(spec.options) as [OptionName, 'optional' | 'required'][]).map(([name, need]) => {
    const value = OPTIONS[name].value;
    const shown = `--${name}${value ? ` ${value}` : ''}`;
    return need === 'required' ? shown : `[${shown}]`;
  });
  return wrap(head, words, ' '.repeat(`  dicoso ${spec.name} `.length));
}

/** Everything `dicoso --help` says; with a command, that command's usage and options only. */
export function helpText(commands: readonly CommandSpec[], only: CommandSpec | null): string {
  const shown = only ? [only] : commands;
  const names = new Set<OptionName>(only ? (Object.keys(only.options) as OptionName[]) : (Object.keys(OPTIONS) as OptionName[]));
  names.add('help');
  const lines = [cliTexts.about, '', usageText(shown), ''];
  if (!only) {
    lines.push(cliTexts.commandsTitle);
    for (const spec of commands) pushAll(lines, describe(`  ${spec.name}`, spec.summary));
    lines.push('');
  } else pushAll(lines, describe('', only.summary)).push('');
  lines.push(cliTexts.optionsTitle);
  for (const name of Object.keys(OPTIONS) as OptionName[]) {
    if (!names.has(name)) continue;
    const spec = OPTIONS[name];
    const short = 'short' in spec ? `-${spec.short}, ` : '';
    pushAll(lines, describe(`  ${short}--${name}${'value' in spec && spec.value ? ` ${spec.value}` : ''}`, spec.help));
  }
  return lines.join('\n');
}

/** A name, then its description wrapped and indented below it. */
function describe(name: string, text: string): string[] {
  const indent = '      ';
  return [...(name ? [name] : []), ...wrap('', text.split(' '), indent, indent).split('\n')];
}

function wrap(head: string, words: readonly string[], indent: string, first = ''): string {
  const lines: string[] = [];
  let line = head || first;
  for (const word of words) {
    const joined = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
    if (joined.length > WIDTH && line.trim() !== '') {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = joined;
  }
  lines.push(line);
  return lines.join('\n');
}
