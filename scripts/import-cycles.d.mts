/** Each module under the folders with the modules (under the same folders) it imports, by absolute path. */
export declare function importGraph(folders: string[]): Map<string, string[]>;
/** Every cycle among the folders' modules, each as a path of files relative to `root` that ends where it starts. */
export declare function importCycles(folders: string[], root?: string): string[][];
