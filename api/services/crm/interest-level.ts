// A recruiter's read of how interested a person is in working here: the profile shows it, segments filter
// on it, campaigns aim at it. Stored as text on Candidate.interestLevel (null = not assessed yet).
import { z } from 'zod';

export const INTEREST_LEVELS = ['COLD', 'WARM', 'HOT', 'NOT_INTERESTED'] as const;
export const ZInterestLevel = z.enum(INTEREST_LEVELS);
export type TInterestLevel = z.infer<typeof ZInterestLevel>;
