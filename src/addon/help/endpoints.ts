/** Sidebar endpoint of Help: the content for the panel, from the menu of this build. */
import { helpContent } from '../../core/help/content';
import { userLocale } from '../runtime/action';
import { serve } from '../runtime/serve';
import { builtActions } from './menu';

export const getHelp = serve('getHelp', () => helpContent(userLocale(), builtActions()));
