import type { AuditServices } from './auditServices';
import type { DueJobHandlers } from './dueWork';

/**
 * The handler of each kind of due job (bot/app/dueWork.ts), built in this one place for the
 * service (bot/service.ts), which runs them as jobs fall due. Each feature that schedules a kind
 * of job adds its handler here, taking from `services` what it uses.
 *
 * Partial while a kind in the `DueJob` union has no handler yet (`closeRound` comes with close
 * dates): a job of such a kind is logged (`due_work_poisoned`, reason `no_handler`) and kept in
 * the poison queue, never run. Once every kind has one, return `DueJobHandlers`, so that a kind
 * added without a handler fails to compile.
 */
export function dueJobHandlers(_services: AuditServices): Partial<DueJobHandlers> {
  return {};
}
