// Where a unit or component test must sit: tests/unit/<path>.test.ts (or
// tests/component/<path>.test.tsx) beside the mirror of the file it tests, src/<path>.ts(x) (or <path> from the repository root for tools/, infra/, bench/ and the root
// config files). A second test file of one module names its aspect before `.test.ts`
// (`convert-all.fixtures.test.ts` tests src/core/convert/convert-all.ts). Helpers shared by tests
// live in a `support/` folder. A file anywhere else is reported.

export interface MirrorRules {
  /** Whether a path relative to the repository root is a file. */
  isFile(relativePath: string): boolean;
}

const TEST = /\.test\.tsx?$/;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs'];

/** The source files a test at tests/unit/<relative> may mirror, most specific first. */
function mirrorCandidates(relative: string): string[] {
  const stem = relative.replace(TEST, '');
  const stems = [stem];
  const aspect = /^(.*[^/])\.[\w-]+$/.exec(stem)?.[1];
  if (aspect !== undefined) stems.push(aspect);
  return stems.flatMap((base) =>
    SOURCE_EXTENSIONS.flatMap((extension) => [`src/${base}${extension}`, `${base}${extension}`]),
  );
}

/** The files under tests/unit (paths relative to it) that mirror nothing and are no helper. */
export function findUnmirroredTests(files: readonly string[], rules: MirrorRules): string[] {
  return files.filter((relative) => {
    if (relative.split('/').includes('support')) return false;
    if (!TEST.test(relative)) return true;
    return !mirrorCandidates(relative).some((candidate) => rules.isFile(candidate));
  });
}
