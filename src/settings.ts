import { DEFAULT_READER_LIMITS, type ReaderLimits } from '../extractors/model.ts';

/** Every knob of a run, resolved once (from flags) and passed down read-only. */
export interface Settings {
  limits: ReaderLimits;
}

export const DEFAULT_SETTINGS: Settings = {
  limits: DEFAULT_READER_LIMITS,
};
