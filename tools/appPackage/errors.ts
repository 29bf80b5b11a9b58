/** A package that cannot be built: a headline, every problem found (so one run shows them all), and what to do. */
export class AppPackageError extends Error {
  readonly problems: readonly string[];

  constructor(headline: string, problems: readonly string[] = [], hint?: string) {
    const list = problems.map((problem) => `\n  - ${problem}`).join('');
    super(`${headline}${list}${hint ? `\n${hint}` : ''}`);
    this.name = 'AppPackageError';
    this.problems = problems;
  }
}

export function isAppPackageError(error: unknown): error is AppPackageError {
  return error instanceof AppPackageError;
}
