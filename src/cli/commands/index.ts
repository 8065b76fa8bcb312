import type { CommandSpec } from '../command';
import { checkCommand } from './check';
import { emailPreviewCommand } from './email-preview';
import { initCommand } from './init';
import { tongHopCommand } from './tong-hop';

/** The commands, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [checkCommand, initCommand, emailPreviewCommand, tongHopCommand];
