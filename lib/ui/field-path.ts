/**
 * The dotted paths of a form's fields, as a type: "judging.samples" is a path of the run config,
 * "judging.sampels" does not compile. Arrays are leaves (a field edits the whole list).
 */
type Leaf = string | number | boolean | null | undefined | readonly unknown[];

export type FieldPath<T> = T extends Leaf
  ? never
  : { [K in keyof T & string]-?: NonNullable<T[K]> extends Leaf ? K : K | `${K}.${FieldPath<NonNullable<T[K]>>}` }[keyof T & string];
