/**
 * The default region when neither --region nor the user's locale names a country: US, as the CLI
 * contract says, whatever the table's language, so that results never depend on a guess.
 */
export const DEFAULT_REGION = 'US';
