import { AuditError } from '../errors';

/**
 * The configured threshold is validated at start-up (3 to 10); the summary still refuses a
 * value that would show everything, so a wiring mistake cannot switch suppression off.
 */
export function assertPrivacyThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new AuditError('CONFIG_INVALID', `The privacy threshold must be a whole number of at least 1 (was ${String(threshold)}).`);
  }
}
