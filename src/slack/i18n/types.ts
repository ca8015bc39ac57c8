/** The shape of an English catalog with its strings widened, for es and vi to match. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
