/**
 * The typed bridge between the sidebar and the add-on (google.script.run). Each sidebar-callable
 * function is an *endpoint*: a name, a zod schema (zod/mini) for its arguments (a tuple) and one for
 * its result. Both sides check what crosses: the server parses arguments before running, the client parses the
 * result. google.script.run passes no Date or function values, so dates cross as ISO strings.
 * Ref: https://developers.google.com/apps-script/guides/html/reference/run (legal parameters)
 */
import * as z from 'zod/mini';
import '../zod-messages';

export interface Endpoint<A extends z.ZodMiniTuple, R extends z.ZodMiniType> {
  readonly args: A;
  readonly result: R;
}

export function endpoint<A extends z.ZodMiniTuple, R extends z.ZodMiniType>(args: A, result: R): Endpoint<A, R> {
  return { args, result };
}

/** What every endpoint returns over the wire: a value, or a translated message for the user. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

export type ArgsOf<E> = E extends Endpoint<infer A, z.ZodMiniType> ? z.input<A> : never;
export type ResultOf<E> = E extends Endpoint<z.ZodMiniTuple, infer R> ? z.output<R> : never;
