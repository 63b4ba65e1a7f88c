/** Every panel of the sidebar. A new feature adds its module here (and nothing in the shell). */
import './setup';
import './check';
import './adopt';
import './cleanup';
import './funnel';
import './duplicates';
import './backup';
import './protect';
import './help';
import './followups';
import './form';
