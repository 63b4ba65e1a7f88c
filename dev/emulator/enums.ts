/**
 * Apps Script enums used by the add-on. Values are frozen objects compared by identity that print as
 * their names, like Apps Script's enum values.
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#properties
 * Ref: https://developers.google.com/apps-script/reference/base/button-set
 */
import { makeEnum } from './runtime';

export function createEnums() {
  return {
    DataValidationCriteria: makeEnum(['DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN', 'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL', 'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX']),
    BooleanCriteria: makeEnum(['CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'DATE_NOT_EQUAL_TO', 'DATE_AFTER_RELATIVE', 'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_NOT_EQUAL_TO', 'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH', 'CUSTOM_FORMULA']),
    RelativeDate: makeEnum(['TODAY', 'TOMORROW', 'YESTERDAY', 'PAST_WEEK', 'PAST_MONTH', 'PAST_YEAR']),
    ProtectionType: makeEnum(['RANGE', 'SHEET']),
    BandingTheme: makeEnum(['LIGHT_GREY', 'CYAN', 'GREEN', 'YELLOW', 'ORANGE', 'BLUE', 'TEAL', 'GREY', 'BROWN', 'LIGHT_GREEN', 'INDIGO', 'PINK']),
    Dimension: makeEnum(['COLUMNS', 'ROWS']),
    // Ref: https://developers.google.com/apps-script/reference/spreadsheet/copy-paste-type
    CopyPasteType: makeEnum(['PASTE_NORMAL', 'PASTE_NO_BORDERS', 'PASTE_FORMAT', 'PASTE_FORMULA', 'PASTE_DATA_VALIDATION', 'PASTE_VALUES', 'PASTE_CONDITIONAL_FORMATTING', 'PASTE_COLUMN_WIDTHS']),
    WrapStrategy: makeEnum(['WRAP', 'OVERFLOW', 'CLIP']),
    DeveloperMetadataVisibility: makeEnum(['DOCUMENT', 'PROJECT']),
    DeveloperMetadataLocationType: makeEnum(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']),
    ChartType: makeEnum(['AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'RADAR', 'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL']),
    AuthMode: makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']),
    ButtonSet: makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']),
    Button: makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']),
    SandboxMode: makeEnum(['EMULATED', 'IFRAME', 'NATIVE', 'NONE']),
    XFrameOptionsMode: makeEnum(['ALLOWALL', 'DEFAULT']),
  };
}
export type Enums = ReturnType<typeof createEnums>;
