/** Every panel of the sidebar. A new feature adds its module here (and nothing in the shell). */
import './setup';
import './check';
import './adopt';
import './funnel';
import './duplicates';
