/** Sidebar endpoint of follow-ups (contract: src/core/api/check.ts); "go to" is the check's goToCell. */
import { userLocale } from '../runtime/action';
import { serve } from '../runtime/serve';
import { followUps } from './followups';

export const getFollowUps = serve('getFollowUps', () => followUps(userLocale()));
