import { Lab, type TranscriptEntry } from '../lab.js';
import type { LessonInstance } from './instance.js';
import type { SetupAction } from './lab-build.js';

/** A lesson's lab, started: the setup has run, and the student's part of the transcript begins after it. */
export interface LessonLab {
  readonly lab: Lab;
  /** Transcript entries before this index are setup, not the student's. */
  readonly setupLength: number;
  /** Setup actions the engine refused, with why. */
  readonly rejected: readonly { readonly setup: SetupAction; readonly error: string }[];
}

export function startLessonLab(instance: Pick<LessonInstance, 'spec' | 'setup'>): LessonLab {
  const lab = new Lab(instance.spec);
  const rejected: { setup: SetupAction; error: string }[] = [];
  for (const setup of instance.setup) {
    const outcome = lab.apply(setup.action);
    if (!outcome.ok) rejected.push({ setup, error: outcome.error });
  }
  return { lab, setupLength: lab.transcript.length, rejected };
}

/** The student's actions so far: the transcript after setup. */
export function studentTranscript(started: LessonLab): readonly TranscriptEntry[] {
  return started.lab.transcript.slice(started.setupLength);
}

