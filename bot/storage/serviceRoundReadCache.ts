import type { ServiceRound, ServiceRoundTeamState } from '../domain/organisation/serviceRound';
import { ReadThroughCache } from '../shared/readThroughCache';
import type { ServiceRoundsRepository } from './serviceRoundsRepository';

/**
 * The organisation view's reads of service-wide rounds (issue 13), served from memory per
 * instance and refreshed behind the request once `ttlMs` old (stale-while-revalidate), as the
 * tab's rounds are (RoundReadCache): leaders' tabs poll the view, and a read must not wait on
 * storage, which may stall for a moment. A team's state or a new round may so show a few seconds
 * late; nothing is shown that storage did not hold. Only for reads: opening a round and leaving
 * a team out read the repository itself.
 */
export class ServiceRoundReadCache {
  private readonly rounds: ReadThroughCache<ServiceRound>;
  private readonly lists: ReadThroughCache<ServiceRound[]>;
  private readonly states: ReadThroughCache<Map<string, ServiceRoundTeamState>>;

  constructor(
    private readonly repository: Pick<ServiceRoundsRepository, 'get' | 'list' | 'teamStates'>,
    ttlMs: number,
    options: { now?: () => number } = {},
  ) {
    const cacheOptions = { ...options, serveStale: true };
    this.rounds = new ReadThroughCache(ttlMs, cacheOptions);
    this.lists = new ReadThroughCache(ttlMs, cacheOptions);
    this.states = new ReadThroughCache(ttlMs, cacheOptions);
  }

  /** As ServiceRoundsRepository.get: undefined for an unknown round (not kept: asked again next time). */
  get(tenantId: string, serviceRoundId: string): Promise<ServiceRound | undefined> {
    return this.rounds.get(`${tenantId}\n${serviceRoundId}`, () => this.repository.get(tenantId, serviceRoundId));
  }

  /** As ServiceRoundsRepository.list: the tenant's service-wide rounds, newest first. */
  async list(tenantId: string): Promise<ServiceRound[]> {
    return (await this.lists.get(tenantId, () => this.repository.list(tenantId))) ?? [];
  }

  /** As ServiceRoundsRepository.teamStates: each asked team's state row, by team id. */
  async teamStates(tenantId: string, serviceRoundId: string): Promise<ReadonlyMap<string, ServiceRoundTeamState>> {
    return (await this.states.get(`${tenantId}\n${serviceRoundId}`, () => this.repository.teamStates(tenantId, serviceRoundId))) ?? new Map();
  }
}
