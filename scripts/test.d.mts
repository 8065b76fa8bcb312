export interface Command {
  command: string;
  args: string[];
}
/**
 * Runs `suite` (its output streamed) and the `checks` (output held) at once; resolves with 1 when a check failed (the
 * suite then stopped), else the suite's exit code. `write` takes what is printed about the checks.
 */
export declare function runBeside(suite: Command, checks: (Command & { name: string })[], write?: (text: string) => void): Promise<number>;
