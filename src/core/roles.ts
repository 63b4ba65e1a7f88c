/**
 * Roles: what a column *means* in a customer-process table, independent of its header text or its
 * position. Templates give each field a role; inference (adopt, CLI) maps headers and content to roles;
 * the funnel, dedupe and color rules find their columns by role. Keys are stable (stored in config).
 */
import type { FieldTypeId } from './fields/types';

export const ROLE_TYPES = {
  // identity
  clientId: 'autoId',
  name: 'text',
  givenName: 'text',
  familyName: 'text',
  company: 'text',
  title: 'text',
  // contact
  email: 'email',
  phone: 'phone',
  wechat: 'text',
  birthDate: 'date',
  identifier: 'text',
  address: 'longText',
  city: 'text',
  postcode: 'text',
  state: 'text',
  website: 'url',
  channel: 'dropdown',
  owner: 'dropdown',
  // process
  stage: 'dropdown',
  nextStep: 'text',
  nextFollowUp: 'date',
  lastContact: 'date',
  priority: 'dropdown',
  // transaction
  dealValue: 'currency',
  totalSpend: 'currency',
  orders: 'number',
  purchases: 'number',
  lastPurchase: 'date',
  preference: 'text',
  registered: 'date',
  // services
  appointment: 'dateTime',
  serviceType: 'dropdown',
  provider: 'dropdown',
  // interaction
  lastInteraction: 'longText',
  notes: 'longText',
  // system (auto)
  created: 'created',
  updated: 'updated',
  stageSince: 'stageSince',
} as const satisfies Record<string, FieldTypeId>;

export type Role = keyof typeof ROLE_TYPES;
export const ROLES = Object.keys(ROLE_TYPES) as Role[];

export function isRole(s: string): s is Role {
  return Object.prototype.hasOwnProperty.call(ROLE_TYPES, s);
}
