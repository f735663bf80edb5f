import { DEFAULT_READER_LIMITS, type ReaderLimits } from '../extractors/model.ts';

/** How a batch run isolates and bounds the work (used by src/run/, never by readers). */
export interface RunSettings {
  /** worker processes parsing in parallel (0 = decide from cores and memory) */
  workers: number;
  /** a file whose extraction takes longer than this is stopped and recorded as `timeout` */
  timeoutMs: number;
  /** resident memory cap of one worker process, MB; over it the worker is killed (`out_of_memory`) */
  maxWorkerMemoryMb: number;
  /** files larger than this are refused unread (`too_large`), MB */
  maxFileMb: number;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = {
  workers: 0,
  timeoutMs: 30_000,
  maxWorkerMemoryMb: 896,
  maxFileMb: 100,
};

/** Every knob of a run, resolved once (from flags) and passed down read-only. */
export interface Settings {
  limits: ReaderLimits;
  run: RunSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  limits: DEFAULT_READER_LIMITS,
  run: DEFAULT_RUN_SETTINGS,
};
