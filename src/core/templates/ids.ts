/** The templates ClientFlow ships, by id (their content is in ./index.ts). */
export const TEMPLATE_IDS = ['b2b', 'ecommerce', 'services'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
