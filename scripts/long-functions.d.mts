export declare const MAX_LINES: number;
/** Every function of one file with its first line and length in lines, longest first. */
export declare function functionLengths(file: string, text?: string): { name: string; line: number; lines: number }[];
/** The functions over `max` lines under the folders (or files), each with its file relative to `root`. */
export declare function longFunctions(
  folders: string[],
  options?: { root?: string; max?: number },
): { file: string; name: string; line: number; lines: number }[];
